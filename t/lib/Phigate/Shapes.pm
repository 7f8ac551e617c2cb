package Phigate::Shapes;

# Request shapes as real platform clients send them, taken from
# ../shared/platforms/captured.jsonl (hosts, paths, content types, header
# names, body layouts), with the text replaced by what a test needs.
#
# Every builder returns a request hash for Phigate::Test::http()/h2():
#   { method, path, host, headers => [k, v, ...], body }
# and, where the text sits in one field, the field name in {field}.

use strict;
use warnings;

use Exporter qw(import);

our @EXPORT = qw(%PHI %CUE $CLEAN
    x_tweet x_dm_v1 x_status_form x_alt_text_plain
    fb_feed_form fb_feed_json fb_messenger_form fb_photo_multipart
    fb_batch_form fb_batch_multipart ig_media_qs linkedin_post
    mastodon_status mastodon_media bsky_post bsky_dm with_consent register_phi form_enc);

# One value per detector.  The SSN is outside the invalid ranges, the phone
# number has a real area code and exchange (no 555), the MRN and DOB carry
# the cue the detectors require.
our %PHI = (
    SSN   => '536-22-8411',
    PHONE => '(617) 432-8817',
    EMAIL => 'maria.lopez@clinicmail.org',
    MRN   => '48213377',
    DOB   => '03/14/1962',
);

# The text a post carries for each type: the value with its cue.
our %CUE = (
    SSN   => "SSN $PHI{SSN}",
    PHONE => "call $PHI{PHONE}",
    EMAIL => "write to $PHI{EMAIL}",
    MRN   => "MRN $PHI{MRN}",
    DOB   => "DOB $PHI{DOB}",
);

our $CLEAN = 'Join us Saturday at the spring health fair! Free flu shots '
    . 'for everyone #wellness @clinic';

# Registers every standard value with the harness' leak scan.
sub register_phi {
    my ($t) = @_;
    $t->phi("$_ value", $PHI{$_}) for sort keys %PHI;
}

# x-www-form-urlencoded as the fb and twitter clients write it
sub form_enc {
    my ($s, $space) = @_;
    $s =~ s/([^A-Za-z0-9\-._~ ])/sprintf '%%%02X', ord $1/ge;
    my $sp = $space // '%20';
    $s =~ s/ /$sp/g;
    return $s;
}

sub json_str {
    my ($s) = @_;
    $s =~ s/(["\\])/\\$1/g;
    return qq("$s");
}

my @JSON_X = ('Content-Type' => 'application/json;charset=UTF-8',
              'Authorization' => 'Bearer AAAA-test-token',
              'User-Agent' => 'twitter-api-v2');

sub x_tweet {
    my ($text) = @_;
    return { method => 'POST', path => '/2/tweets', host => 'api.x.com',
             headers => [@JSON_X], field => 'text',
             body => '{"text":' . json_str($text) . '}' };
}

sub x_dm_v1 {
    my ($text) = @_;
    return { method => 'POST', path => '/1.1/direct_messages/events/new.json',
             host => 'api.x.com', headers => [@JSON_X],
             field => 'event.message_create.message_data.text',
             body => '{"event":{"type":"message_create","message_create":'
                 . '{"target":{"recipient_id":"42"},"message_data":{"text":'
                 . json_str($text) . '}}}}' };
}

sub x_status_form {
    my ($text) = @_;
    return { method => 'POST', path => '/1.1/statuses/update.json',
             host => 'api.x.com', field => 'status',
             headers => [ 'Content-Type'
                 => 'application/x-www-form-urlencoded;charset=UTF-8',
                 'Authorization' => 'OAuth oauth_consumer_key="k", '
                 . 'oauth_signature="s%3D"' ],
             body => 'status=' . form_enc($text, '+') . '&tweet_mode=extended' };
}

# X v1.1 alt text may be sent as text/plain; inspected as one raw field
sub x_alt_text_plain {
    my ($text) = @_;
    return { method => 'POST', path => '/1.1/media/metadata/create.json',
             host => 'upload.x.com', field => 'body',
             headers => [ 'Content-Type' => 'text/plain; charset=UTF-8' ],
             body => $text };
}

my @FB = ('User-Agent' => 'thuzi_nodejssdk/2.0.0');

sub fb_feed_form {
    my ($text) = @_;
    return { method => 'POST', path => '/v20.0/123/feed?access_token=tok',
             host => 'graph.facebook.com', field => 'message',
             headers => [ 'Content-Type' => 'application/x-www-form-urlencoded',
                          @FB ],
             body => 'message=' . form_enc($text) };
}

sub fb_feed_json {
    my ($text) = @_;
    return { method => 'POST', path => '/v24.0/123/feed?access_token=tok',
             host => 'graph.facebook.com', field => 'message',
             headers => [ 'Content-Type' => 'application/json',
                          'User-Agent' => 'fbbizsdk-nodejs-v24.0.0' ],
             body => '{"message":' . json_str($text) . ',"id":"123"}' };
}

# Messenger: form-urlencoded whose message value is a JSON document
sub fb_messenger_form {
    my ($text) = @_;
    return { method => 'POST', path => '/v20.0/me/messages?access_token=tok',
             host => 'graph.facebook.com', field => 'message.text',
             headers => [ 'Content-Type' => 'application/x-www-form-urlencoded',
                          @FB ],
             body => 'recipient=' . form_enc('{"id":"77"}')
                 . '&messaging_type=RESPONSE&message='
                 . form_enc('{"text":' . json_str($text) . '}') };
}

# Graph batch as the fb client sends it: a form field holding a JSON array
# of requests, each body itself form-encoded, so the text is encoded twice
#   fb_batch_form([relative_url, text], ...)
sub fb_batch_form {
    my (@items) = @_;
    return { method => 'POST', path => '/v20.0/?access_token=tok',
             host => 'graph.facebook.com', field => 'batch[].body',
             headers => [ 'Content-Type' => 'application/x-www-form-urlencoded',
                          @FB ],
             body => 'batch=' . form_enc(fb_batch_json(undef, @items)) };
}

# The same batch with a photo, as the fb client sends it when a value is a
# Buffer: multipart, the JSON in a "batch" part without a type, the file in
# the part the first item's attached_files names
sub fb_batch_multipart {
    my (@items) = @_;
    return fb_multipart('/v20.0/?access_token=tok', batch =>
        fb_batch_json('file1', @items), 'file1', 'batch[].body');
}

# the JSON array of a batch; $attach: the first item's attached_files
sub fb_batch_json {
    my ($attach, @items) = @_;
    my @json = map {
        '{"method":"POST","relative_url":' . json_str($_->[0]) . ',"body":'
            . json_str('message=' . form_enc($_->[1]))
    } @items;
    $json[0] .= ',"attached_files":' . json_str($attach) if defined $attach;
    return '[' . join(',', map { "$_}" } @json) . ']';
}

# multipart with the text part first, then a binary file part
sub fb_photo_multipart {
    my ($caption) = @_;
    return fb_multipart('/v20.0/123/photos?access_token=tok',
        caption => $caption, 'source');
}

# Facebook multipart: the text part $name, then a PNG in the part $file;
# $field names where the text is found (the part's name by default)
sub fb_multipart {
    my ($path, $name, $text, $file, $field) = @_;
    my $b = '--------------------------139469968175976362092047';
    my $png = "\x89PNG\r\n\x1a\n" . join('', map { chr } 0 .. 255) x 2;
    return { method => 'POST', path => $path,
             host => 'graph.facebook.com', field => $field // $name,
             media => "$file#media",
             headers => [ 'Content-Type' => "multipart/form-data; boundary=$b",
                          @FB ],
             body => "--$b\r\nContent-Disposition: form-data; name=\"$name\""
                 . "\r\n\r\n$text\r\n--$b\r\nContent-Disposition: "
                 . "form-data; name=\"$file\"; filename=\"a.png\"\r\n"
                 . "Content-Type: image/png\r\n\r\n$png\r\n--$b--\r\n" };
}

# Instagram container: the caption in the query string, no body.
#   host => graph.facebook.com (Instagram with Facebook Login)
#   media => [name => value]: the container's media parameter (image_url
#   by default; video_url, children for a carousel)
sub ig_media_qs {
    my ($caption, %o) = @_;
    my ($name, $value) = @{ $o{media}
        // [ image_url => 'https://cdn.example.org/fair.jpg' ] };
    return { method => 'POST', host => $o{host} // 'graph.instagram.com',
             field => 'caption', media => $name,
             headers => [ 'User-Agent' => 'node' ],
             path => "/v19.0/1789/media?$name=" . form_enc($value)
                 . '&caption=' . form_enc($caption) . '&access_token=tok' };
}

sub linkedin_post {
    my ($text) = @_;
    return { method => 'POST', path => '/rest/posts', host => 'api.linkedin.com',
             field => 'commentary',
             headers => [ 'Content-Type' => 'application/json',
                          'LinkedIn-Version' => '202511',
                          'X-Restli-Protocol-Version' => '2.0.0',
                          'User-Agent' => 'linkedin-api-js-client/0.2.2' ],
             body => '{"author":"urn:li:person:1","commentary":'
                 . json_str($text) . ',"visibility":"PUBLIC","distribution":'
                 . '{"feedDistribution":"MAIN_FEED"},"lifecycleState":'
                 . '"PUBLISHED"}' };
}

sub mastodon_status {
    my ($text, $visibility) = @_;
    return { method => 'POST', path => '/api/v1/statuses',
             host => 'mastodon.social', field => 'status',
             headers => [ 'Content-Type' => 'application/json',
                          'Authorization' => 'Bearer masto-token',
                          'User-Agent' => 'node' ],
             body => '{"status":' . json_str($text) . ',"visibility":"'
                 . ($visibility // 'public') . '"}' };
}

# Bluesky post: com.atproto.repo.createRecord through @atproto/api
#   repo, host, path, port; type (record $type); record => extra members
#   of the record, raw JSON ("reply":{...},"facets":[...])
sub bsky_post {
    my ($text, %o) = @_;
    my $type = $o{type} // 'app.bsky.feed.post';
    my $body = '{"repo":"' . ($o{repo} // 'did:plc:hospital') . '",'
        . '"collection":"app.bsky.feed.post","record":{"$type":"' . $type
        . '","text":' . json_str($text) . ','
        . ($o{record} ? "$o{record}," : '')
        . '"createdAt":"2026-11-23T10:00:00Z","langs":["en"]}}';
    return { method => 'POST', host => $o{host} // 'bsky.social',
             path => $o{path} // '/xrpc/com.atproto.repo.createRecord',
             headers => ['Content-Type' => 'application/json',
                         'Authorization' => 'Bearer bsky-token'],
             body => $body, field => 'record.text',
             ($o{port} ? (port => $o{port}) : ()) };
}

# Bluesky direct message: chat.bsky.convo.sendMessage, through the PDS
# with the atproto-proxy header (host => 'api.bsky.chat': straight to the
# chat service with a service token)
sub bsky_dm {
    my ($text, %o) = @_;
    my $host = $o{host} // 'bsky.social';
    return { method => 'POST', host => $host,
             path => '/xrpc/chat.bsky.convo.sendMessage',
             headers => ['Content-Type' => 'application/json',
                         'Authorization' => 'Bearer bsky-token',
                         ($host eq 'api.bsky.chat' ? ()
                          : ('atproto-proxy'
                             => 'did:web:api.bsky.chat#bsky_chat'))],
             body => '{"convoId":"3ku7w6h4vog2d","message":{"text":'
                 . json_str($text) . '}}',
             field => 'message.text' };
}

# the request with an X-PHI-Consent token and, optionally, on another port
sub with_consent {
    my ($req, $token, $port) = @_;
    return { %$req, headers => [ @{ $req->{headers} },
                                 'X-PHI-Consent' => $token ],
             ($port ? (port => $port) : ()) };
}

# masto v2 media upload: the binary file part first, the description after
sub mastodon_media {
    my ($description) = @_;
    my $b = '----formdata-undici-017649675801';
    my $png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR" . ("\x04\xff\x00" x 300);
    return { method => 'POST', path => '/api/v2/media',
             host => 'mastodon.social', field => 'description',
             media => 'file#media',
             headers => [ 'Content-Type' => "multipart/form-data; boundary=$b",
                          'Authorization' => 'Bearer masto-token' ],
             body => "--$b\r\nContent-Disposition: form-data; name=\"file\"; "
                 . "filename=\"blob\"\r\nContent-Type: image/png\r\n\r\n$png"
                 . "\r\n--$b\r\nContent-Disposition: form-data; "
                 . "name=\"description\"\r\n\r\n$description\r\n--$b--\r\n" };
}

1;
