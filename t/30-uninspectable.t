#!/usr/bin/perl
#
# Requests phigate cannot inspect: a Content-Encoding, malformed JSON or
# multipart, a body over phigate_max_body.  Closed (the default) refuses
# them with their error code and forwards nothing; phigate_fail open
# forwards them unchanged and records them as monitor.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use IO::Compress::Gzip qw(gzip $GzipError);
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
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        listen 127.0.0.1:%%PORT_h2%% http2;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode enforce;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_small%%;
        listen 127.0.0.1:%%PORT_small_h2%% http2;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_max_body 1k;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_open%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode enforce;
            phigate_fail open;
            %%TO_PLATFORM%%
        }
    }
}
EOF

# --- Content-Encoding: refused on the headers, 415

my $tweet = x_tweet("Patient $CUE{SSN}");
gzip(\$tweet->{body} => \my $gz) or die $GzipError;
my $gzipped = { %$tweet, body => $gz,
    headers => [ @{ $tweet->{headers} }, 'Content-Encoding' => 'gzip' ] };
my $r = $t->expect_refused($gzipped, 415, 'uninspectable_encoding',
    'gzip-encoded JSON', audit => { platform => 'x' });
my $a = $t->audit_for($r->{request_id});
is($a && $a->{body_length}, undef,
    'gzip refused on its headers: audit body_length is null');
$t->expect_refused($gzipped, 415, 'uninspectable_encoding',
    'gzip-encoded JSON over HTTP/2', via => 'h2');
gzip(\x_tweet($CLEAN)->{body} => \my $gz_clean) or die $GzipError;
$t->expect_refused({ %$gzipped, body => $gz_clean }, 415,
    'uninspectable_encoding', 'gzip-encoded clean JSON is refused too');

# --- malformed bodies: 400, nothing forwarded

my $bad_json = { %$tweet, body => '{"text":"Patient ' . $CUE{SSN} . '",' };
$t->expect_refused($bad_json, 400, 'malformed_json', 'truncated JSON',
    audit => { platform => 'x', body => $bad_json->{body} });
$t->expect_refused({ %$tweet, body => "{'text': 'single quotes'}" }, 400,
    'malformed_json', 'single-quoted pseudo-JSON body');

my $mp = mastodon_media("Patient $CUE{DOB}");
(my $unclosed = $mp->{body}) =~ s/--\r\n\z//;
$unclosed =~ s/\r\n--[^\r\n]*\z//;
$t->expect_refused({ %$mp, body => $unclosed }, 400, 'malformed_multipart',
    'multipart without its closing delimiter', audit => {});
$t->expect_refused({ %$mp, headers => [ 'Content-Type' =>
        'multipart/form-data' ] }, 400, 'malformed_multipart',
    'multipart without a boundary parameter');

# --- over phigate_max_body 1k: 413

my $long = { %{ fb_feed_json('Free flu shots at the fair. ' x 60) },
    port => 'small' };
cmp_ok(length $long->{body}, '>', 1024, 'long body is over 1k');
$t->expect_refused($long, 413, 'body_too_large',
    'Content-Length over phigate_max_body', audit => { platform => 'facebook' });
$a = $t->audit_for($t->http(%$long)->{request_id});
is($a && $a->{body_length}, undef,
    'over the limit by Content-Length: audit body_length is null');
$t->expect_refused({ %$long, body => undef,
        chunks => [ map { substr $long->{body}, $_ * 300, 300 } 0 .. 5 ] },
    413, 'body_too_large', 'chunked body growing over phigate_max_body');
$t->expect_refused({ %$long, port => 'small_h2' }, 413, 'body_too_large',
    'HTTP/2 body over phigate_max_body', via => 'h2');
$t->expect_forwarded({ %{ fb_feed_json('Free flu shots at the fair.') },
        port => 'small' },
    'clean body under phigate_max_body', audit => { decision => 'allow' });

# --- phigate_fail open: forwarded unchanged, recorded as monitor

my $open_json = { %$bad_json, port => 'open' };
($r) = $t->expect_forwarded($open_json, 'fail open: malformed JSON');
$t->is_audit($r->{request_id}, { decision => 'monitor',
    reason => 'malformed_json', status => 0, body => $bad_json->{body} },
    'fail open: malformed JSON');
# the forwarded copy legitimately holds what the client sent
$t->allow_phi_in_standin($_->{n})
    for grep { $_->{body} eq $bad_json->{body} } $t->standin_records;

($r) = $t->expect_forwarded({ %$gzipped, port => 'open' },
    'fail open: gzip-encoded body');
$t->is_audit($r->{request_id}, { decision => 'monitor',
    reason => 'uninspectable_encoding' }, 'fail open: gzip-encoded body');

# fail open is about uninspectable bodies only: PHI is still blocked
$t->expect_blocked({ %$tweet, port => 'open' }, [[ 'SSN', 'text', 1 ]],
    'fail open still blocks readable PHI', audit => {});

$t->done;
