#!/usr/bin/perl
#
# Where the text travels: the query string of a POST with no body
# (Instagram containers), bodies nginx spilled to a temporary file,
# chunked request bodies with PHI split across chunks.

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
    access_log %%DIR%%/access.log phigate;
    client_body_buffer_size 1k;
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

# --- Instagram: caption in the query string of a POST without a body

$t->expect_forwarded(ig_media_qs($CLEAN), 'clean Instagram caption in query',
    audit => { decision => 'allow', reason => 'clean',
               platform => 'instagram', findings => [] });

my $ig = ig_media_qs("Patient $CUE{SSN} before/after");
my $r = $t->expect_blocked($ig, [[ 'SSN', 'caption', 1 ]],
    'SSN in Instagram caption in query', audit => {
        platform => 'instagram', host => 'graph.instagram.com',
        path => '/v19.0/1789/media', dm => 0 });
my $a = $t->audit_for($r->{request_id});
is($a && $a->{findings}[0]{source}, 'query',
    'SSN in Instagram caption in query: audit source is query');

$t->expect_blocked(ig_media_qs("Reach me: $CUE{PHONE}"),
    [[ 'PHONE', 'caption', 1 ]], 'PHONE in Instagram caption over HTTP/2',
    via => 'h2', audit => { platform => 'instagram' });

# a comment on graph.facebook.com: message in the query string
my $comment = { method => 'POST', host => 'graph.facebook.com',
    path => '/v19.0/17895/comments?message=' . form_enc($CUE{EMAIL}),
    headers => [] };
$t->expect_blocked($comment, [[ 'EMAIL', 'message', 1 ]],
    'EMAIL in a comment message in query', audit => {});

# --- a ~200 KB body spilled to a temp file (client_body_buffer_size 1k)

my $filler = ('Free flu shots this Saturday at the health fair. ' x 4200);
my $big_clean = fb_feed_json($filler . $CLEAN);
my $big_phi = fb_feed_json($filler . "Patient $CUE{SSN}");
cmp_ok(length $big_phi->{body}, '>', 200_000, 'spilled body is over 200 KB');

$t->expect_forwarded($big_clean, 'clean 200 KB body spilled to a temp file',
    audit => { decision => 'allow', platform => 'facebook' });
$t->expect_blocked($big_phi, [[ 'SSN', 'message', 1 ]],
    'SSN at the end of a 200 KB body spilled to a temp file',
    audit => { platform => 'facebook' });
like($t->error_log, qr/a client request body is buffered to a temporary file/,
    'the 200 KB bodies really were spilled to temp files');

# the same over HTTP/2 (DATA frames, temp file)
$t->expect_blocked($big_phi, [[ 'SSN', 'message', 1 ]],
    'SSN at the end of a 200 KB HTTP/2 body', via => 'h2',
    audit => { platform => 'facebook' });

# --- chunked request bodies (raw socket), PHI split across chunks

my $tweet = x_tweet("Patient $CUE{SSN} today");
my $at = index($tweet->{body}, $PHI{SSN}) + 5;     # inside the value
my $chunked_phi = { %$tweet, body => undef, chunks => [
    substr($tweet->{body}, 0, $at), substr($tweet->{body}, $at, 3),
    substr($tweet->{body}, $at + 3) ] };
$t->expect_blocked($chunked_phi, [[ 'SSN', 'text', 1 ]],
    'SSN split across three chunks', audit => { platform => 'x' });

my $clean_tweet = x_tweet($CLEAN);
my $chunked_clean = { %$clean_tweet, body => undef, chunks => [
    map { substr $clean_tweet->{body}, $_ * 10, 10 }
        0 .. int(length($clean_tweet->{body}) / 10) ] };
$t->expect_forwarded($chunked_clean, 'clean chunked body, 10-byte chunks',
    audit => { decision => 'allow', platform => 'x' });

# chunked and spilled: many chunks, PHI in the last one
my $dm = x_dm_v1($filler . " $CUE{PHONE}");
my @chunks = map { substr $dm->{body}, $_ * 4096, 4096 }
    0 .. int(length($dm->{body}) / 4096);
$t->expect_blocked({ %$dm, body => undef, chunks => \@chunks, chunk_pause => 0 },
    [[ 'PHONE', 'event.message_create.message_data.text', 1 ]],
    'PHONE in the last of many chunks of a spilled DM',
    audit => { platform => 'x', dm => 1 });

$t->done;
