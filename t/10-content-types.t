#!/usr/bin/perl
#
# Each body content type, with real platform request shapes: clean ones
# reach the platform byte for byte, ones with PHI are blocked with the
# documented answer and nothing reaches the platform; the audit record
# says what happened.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Phigate::Test;
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);
$t->write_conf(<<'EOF')->run;
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_redis 127.0.0.1:%%PORT_redis%%;
    access_log %%DIR%%/access.log phigate;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        listen 127.0.0.1:%%PORT_h2%% http2;
        add_header X-Request-Id $request_id always;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode enforce;
            %%TO_PLATFORM%%
        }
    }
}
EOF

# clean requests of every content type, byte for byte
my @clean = (
    [ 'JSON X post',             x_tweet($CLEAN),         'x' ],
    [ 'JSON Facebook feed',      fb_feed_json($CLEAN),    'facebook' ],
    [ 'JSON LinkedIn post',      linkedin_post($CLEAN),   'linkedin' ],
    [ 'form X status',           x_status_form($CLEAN),   'x' ],
    [ 'form Facebook feed',      fb_feed_form($CLEAN),    'facebook' ],
    [ 'form Messenger JSON-in-field', fb_messenger_form($CLEAN), 'facebook' ],
    [ 'multipart text then binary', fb_photo_multipart($CLEAN), 'facebook' ],
    [ 'multipart binary then text', mastodon_media($CLEAN), 'mastodon' ],
    [ 'text/plain alt text',     x_alt_text_plain($CLEAN), 'x' ],
);
for my $c (@clean) {
    my ($name, $req, $platform) = @$c;
    $t->expect_forwarded($req, "clean $name", audit => {
        decision => 'allow', reason => 'clean', mode => 'enforce',
        platform => $platform, host => $req->{host}, method => 'POST',
        findings => [] });
}

# PHI in every content type: blocked, nothing forwarded
my @phi = (
    [ 'SSN in JSON X post',           x_tweet("Patient $CUE{SSN} #diabetes"),
      'SSN', 'x', 0 ],
    [ 'PHONE in JSON X DM (v1.1)',    x_dm_v1("Patient $CUE{PHONE} today"),
      'PHONE', 'x', 1 ],
    [ 'EMAIL in JSON LinkedIn post',  linkedin_post("Results: $CUE{EMAIL}"),
      'EMAIL', 'linkedin', 0 ],
    [ 'MRN in form X status',         x_status_form("Patient $CUE{MRN} seen"),
      'MRN', 'x', 0 ],
    [ 'EMAIL in form Facebook feed',
      fb_feed_form("Patient contact: $CUE{EMAIL}"),
      'EMAIL', 'facebook', 0 ],
    [ 'SSN in Messenger JSON-in-field', fb_messenger_form("Your $CUE{SSN}"),
      'SSN', 'facebook', 1 ],
    [ 'PHONE in multipart caption before binary',
      fb_photo_multipart("Patient $CUE{PHONE}"), 'PHONE', 'facebook', 0 ],
    [ 'DOB in multipart description after binary',
      mastodon_media("Patient $CUE{DOB} x-ray"), 'DOB', 'mastodon', 0 ],
    [ 'SSN in text/plain body',       x_alt_text_plain("Chart: $CUE{SSN}"),
      'SSN', 'x', 0 ],
    [ 'MRN in Mastodon direct status',
      mastodon_status("Patient $CUE{MRN}", 'direct'), 'MRN', 'mastodon', 1 ],
);
for my $c (@phi) {
    my ($name, $req, $type, $platform, $dm) = @$c;
    $t->expect_blocked($req, [[ $type, $req->{field}, 1 ]], $name, audit => {
        mode => 'enforce', platform => $platform, dm => $dm,
        host => $req->{host}, method => 'POST' });
}

# look-alike characters are folded before detection (docs/detection.md):
# a name in mathematical bold with a health word, an SSN in circled digits
# (the literals are UTF-8 bytes: this file does not "use utf8")
$t->expect_blocked(x_tweet('patient 𝐉𝐨𝐡𝐧 𝐒𝐦𝐢𝐭𝐡 had chemo'),
    [[ 'NAME', 'text', 1 ]], 'NAME in math bold letters',
    audit => { platform => 'x' });
$t->expect_blocked(x_tweet('SSN ①②③-④⑤-⑥⑦⑧⑨'), [[ 'SSN', 'text', 1 ]],
    'SSN in circled digits', audit => { platform => 'x' });

# several identifiers in one field: one finding per type, counted
my $many = x_tweet("Patient $CUE{SSN} and again $PHI{SSN}, $CUE{PHONE}");
$t->expect_blocked($many, [[ 'SSN', 'text', 2 ], [ 'PHONE', 'text', 1 ]],
    'two SSNs and a PHONE in one field', audit => { platform => 'x' });

# offsets are byte offsets in the field's decoded text
my $r = $t->expect_blocked(x_tweet($CUE{SSN}), [[ 'SSN', 'text', 1 ]],
    'SSN at a known offset');
my $a = $t->audit_for($r->{request_id});
is_deeply($a && $a->{findings}[0]{offsets}, [ index($CUE{SSN}, $PHI{SSN}) ],
    'SSN at a known offset: audit offset');

# the audit path never carries the query string (tokens, captions)
$r = $t->expect_blocked(fb_feed_form($CUE{SSN}), [[ 'SSN', 'message', 1 ]],
    'audit path without query');
$a = $t->audit_for($r->{request_id});
is($a && $a->{path}, '/v20.0/123/feed', 'audit path without query: path');

# the same request over HTTP/2: clean forwarded, PHI blocked
$t->expect_forwarded(fb_feed_json($CLEAN), 'clean JSON over HTTP/2',
    via => 'h2', audit => { decision => 'allow', platform => 'facebook' });
$t->expect_blocked(fb_feed_json("Call $CUE{PHONE}"),
    [[ 'PHONE', 'message', 1 ]], 'PHONE in JSON over HTTP/2', via => 'h2',
    audit => { platform => 'facebook' });
$t->expect_blocked(mastodon_media("Born $CUE{DOB}"),
    [[ 'DOB', 'description', 1 ]], 'DOB in multipart over HTTP/2',
    via => 'h2', audit => { platform => 'mastodon' });

$t->done;
