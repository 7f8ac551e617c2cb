#!/usr/bin/perl
#
# nginx features that re-route a request or run more than one request for
# it: internal redirects (rewrite ... last), error_page (including one that
# leads to a proxied named location), "satisfy any" with "allow all", and
# a mirror subrequest in the inspected location.  PHI must stay blocked
# and nginx must not complain (alerts are what r->main->count mistakes
# look like).  Two worker processes.

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
%%TEST_GLOBALS%%
daemon off;
master_process on;
worker_processes 2;
load_module %%MODULE%%;
events { worker_connections 64; }
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    access_log %%DIR%%/access.log phigate;
    add_header X-Request-Id $request_id always;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        listen 127.0.0.1:%%PORT_h2%% http2;
        %%SYNC_LOCATION%%

        # /gw/<platform path> is redirected internally into the inspected
        # location
        location /gw/ {
            rewrite ^/gw(/.*)$ $1 last;
        }

        location / {
            phigate on;
            phigate_mode enforce;
            %%TO_PLATFORM%%
        }

        # an error_page for 403 in the inspected location
        location /v19.0/ {
            phigate on;
            error_page 403 /blocked.json;
            %%TO_PLATFORM%%
        }
        location = /blocked.json {
            internal;
            default_type application/json;
            return 403 '{"error":"blocked_by_gateway"}';
        }

        # a careless error_page that sends the blocked request on to a
        # proxied named location: phigate must still stop it
        location /v18.0/ {
            phigate on;
            error_page 403 = @platform;
            %%TO_PLATFORM%%
        }
        location @platform {
            %%TO_PLATFORM%%
        }

        # satisfy any: the access module grants access, phigate must still
        # decide
        location /rest/ {
            satisfy any;
            allow all;
            phigate on;
            %%TO_PLATFORM%%
        }

        # a mirror of every request in the inspected location
        location /api/ {
            phigate on;
            mirror /__mirror;
            mirror_request_body on;
            %%TO_PLATFORM%%
        }
        location = /__mirror {
            internal;
            proxy_pass http://127.0.0.1:%%PORT_upstream%%$request_uri;
            proxy_set_header Host $host;
            proxy_set_header X-Mirror 1;
        }
    }
}
EOF

# --- internal redirect from a location without phigate into one with it

my $tweet = x_tweet("Patient $CUE{SSN}");
my $r = $t->expect_blocked({ %$tweet, path => '/gw/2/tweets' },
    [[ 'SSN', 'text', 1 ]], 'internal redirect: SSN', audit => {
        platform => 'x' });
my @a = grep { ($_->{request_id} // '') eq ($r->{request_id} // '') }
    $t->audit_lines;
is(scalar @a, 1, 'internal redirect: audited exactly once');

my $mark = $t->standin_mark;
my $clean = x_tweet($CLEAN);
$r = $t->http(%$clean, path => '/gw/2/tweets');
my @recs = $t->standin_since($mark);
is($r->{status}, 200, 'internal redirect: clean forwarded');
is(scalar(@recs) && $recs[0]{body}, $clean->{body},
    'internal redirect: clean body byte for byte');

# --- error_page 403 in the inspected location: phigate sends its answer
# itself, so the error_page does not replace it (the posting tool gets the
# documented JSON), and nothing is forwarded

my $feed = { %{ fb_feed_form("Patient $CUE{PHONE}") },
    path => '/v19.0/123/feed' };
$t->expect_blocked($feed, [[ 'PHONE', 'message', 1 ]],
    'error_page 403 in the location: PHONE', audit => {});
$t->expect_forwarded({ %{ fb_feed_form($CLEAN) }, path => '/v19.0/123/feed' },
    'error_page 403: clean forwarded');

# --- error_page 403 = @platform (proxied): still not forwarded

$mark = $t->standin_mark;
$r = $t->http(%$feed, path => '/v18.0/123/feed');
isnt($r->{status}, 200, 'error_page to a proxied location: not a 200');
unlike($r->{body}, qr/^\{"id"/, 'error_page to a proxied location: '
    . 'no platform answer');
is(scalar($t->standin_since($mark)), 0,
    'error_page to a proxied location: nothing forwarded');

# --- satisfy any with allow all

$t->expect_blocked(linkedin_post("Patient $CUE{EMAIL}"),
    [[ 'EMAIL', 'commentary', 1 ]], 'satisfy any + allow all: EMAIL',
    audit => { platform => 'linkedin' });
$t->expect_forwarded(linkedin_post($CLEAN), 'satisfy any + allow all: clean');

# --- mirror subrequest: blocked means neither copy goes out

my $masto = mastodon_status("Patient $CUE{DOB}");
$t->expect_blocked($masto, [[ 'DOB', 'status', 1 ]], 'mirror: DOB',
    audit => { platform => 'mastodon' });
$t->expect_blocked($masto, [[ 'DOB', 'status', 1 ]], 'mirror: DOB over HTTP/2',
    via => 'h2');

# clean: the main request and its mirror both arrive intact
$mark = $t->standin_mark;
my $mclean = mastodon_status($CLEAN);
$r = $t->http(%$mclean);
is($r->{status}, 200, 'mirror clean: 200');
# the mirror subrequest may finish after the client's answer: bounded poll
my $deadline = time + 10;
@recs = $t->standin_since($mark);
while (@recs < 2 && time < $deadline) {
    select undef, undef, undef, 0.05;
    @recs = $t->standin_since($mark);
}
is(scalar @recs, 2, 'mirror clean: main request and mirror both forwarded');
is_deeply([ map { $_->{body} } @recs ], [ ($mclean->{body}) x 2 ],
    'mirror clean: both bodies byte for byte');
is(scalar(grep { $_->{head} =~ /^X-Mirror: 1\r$/m } @recs), 1,
    'mirror clean: one of them is the mirror');

$t->done;
