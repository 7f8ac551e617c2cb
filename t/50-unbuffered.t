#!/usr/bin/perl
#
# proxy_request_buffering off: nginx would normally stream the body to the
# platform while it arrives.  A blocked request must not reach the
# platform at all, not even its first bytes; a clean one arrives intact.
# Large bodies and chunked bodies are where a prefix would leak.

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
    add_header X-Request-Id $request_id always;
    client_body_buffer_size 4k;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        listen 127.0.0.1:%%PORT_h2%% http2;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode enforce;
            proxy_request_buffering off;
            %%TO_PLATFORM%%
        }
        location /1.1/ {
            phigate on;
            proxy_request_buffering off;
            proxy_http_version 1.1;
            %%TO_PLATFORM%%
        }
    }
}
EOF

my $filler = 'Free flu shots this Saturday at the health fair. ' x 4200;

# every block below must leave the stand-in without even a partial record
my @blocked = (
    [ 'SSN at the end of a 200 KB body', fb_feed_json("$filler $CUE{SSN}"),
      [[ 'SSN', 'message', 1 ]] ],
    [ 'SSN at the start of a 200 KB body', fb_feed_json("$CUE{SSN} $filler"),
      [[ 'SSN', 'message', 1 ]] ],
    [ 'PHONE in a small form body', x_status_form("Call $CUE{PHONE}"),
      [[ 'PHONE', 'status', 1 ]] ],
    [ 'EMAIL in the description after a binary part',
      mastodon_media("Write $CUE{EMAIL}"), [[ 'EMAIL', 'description', 1 ]] ],
);
for my $b (@blocked) {
    my ($name, $req, $findings) = @$b;
    $t->expect_blocked($req, $findings, "unbuffered: $name", audit => {});
}

# chunked, 4 KB chunks, PHI in the last one; and the HTTP/1.1 location
# where nginx would pass the chunks on as they come
my $dm = x_dm_v1("$filler $CUE{MRN}");
my @chunks = map { substr $dm->{body}, $_ * 4096, 4096 }
    0 .. int(length($dm->{body}) / 4096);
my $chunked = { %$dm, body => undef, chunks => \@chunks, chunk_pause => 0 };
$t->expect_blocked($chunked,
    [[ 'MRN', 'event.message_create.message_data.text', 1 ]],
    'unbuffered: MRN in the last of many chunks');
my $tweet = x_tweet("Patient $CUE{DOB}");
$t->expect_blocked({ %$tweet, path => '/1.1/statuses/update.json',
        body => undef, chunks => [ substr($tweet->{body}, 0, 12),
                                   substr($tweet->{body}, 12) ] },
    [[ 'DOB', 'text', 1 ]], 'unbuffered HTTP/1.1 upstream: DOB in chunks');

# HTTP/2 DATA frames, unbuffered
$t->expect_blocked(fb_feed_json("$filler $CUE{SSN}"),
    [[ 'SSN', 'message', 1 ]], 'unbuffered HTTP/2: SSN at the end',
    via => 'h2');

# clean requests arrive intact, whatever the framing
$t->expect_forwarded(fb_feed_json("$filler $CLEAN"),
    'unbuffered: clean 200 KB body', audit => { decision => 'allow' });
$t->expect_forwarded({ %$chunked, chunks => [
        map { substr x_dm_v1("$filler $CLEAN")->{body}, $_ * 4096, 4096 }
            0 .. int(length(x_dm_v1("$filler $CLEAN")->{body}) / 4096) ] },
    'unbuffered: clean chunked DM', audit => { decision => 'allow' });
$t->expect_forwarded({ %{ x_tweet($CLEAN) },
        path => '/1.1/statuses/update.json' },
    'unbuffered HTTP/1.1 upstream: clean body');
$t->expect_forwarded(mastodon_media($CLEAN),
    'unbuffered: clean multipart with binary', via => 'h2');

$t->done;
