#!/usr/bin/perl
#
# The harness and the stand-in platform themselves, with stock nginx and
# no phigate module: if these fail, no other .t result means anything.
# Covers exact recording, chunked de-chunking, keepalive, partial
# requests, the sync ordering, HTTP/2 via curl, and the leak scan.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use IO::Socket::INET;
use Test::More;
use Phigate::Test qw(phi_forms);

my $t = Phigate::Test->new(without_module => 1);
$t->write_conf(<<'EOF')->run;
%%TEST_GLOBALS%%
daemon off;
master_process on;
worker_processes 1;
events { worker_connections 64; }
http {
    %%TEST_GLOBALS_HTTP%%
    access_log %%DIR%%/access.log;
    upstream keep {
        server 127.0.0.1:%%PORT_upstream%%;
        keepalive 4;
    }
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        listen 127.0.0.1:%%PORT_h2%% http2;
        %%SYNC_LOCATION%%
        location / {
            %%TO_PLATFORM%%
        }
        location /keep/ {
            proxy_pass http://keep;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
        }
    }
}
EOF

# 1. HTTP/1.0 proxying with Content-Length: recorded exactly
my %sent = (
    method  => 'POST',
    path    => '/2/tweets?x=1&y=%20z',
    host    => 'api.x.com',
    headers => [ 'Content-Type' => 'application/json;charset=UTF-8',
                 'Authorization' => 'Bearer abc',
                 'User-Agent' => 'twitter-api-v2' ],
    body    => qq({"text":"hello \x{c3}\x{a9} world"}),
);
my $mark = $t->standin_mark;
my $r = $t->http(%sent);
my @recs = $t->standin_since($mark);
is(scalar @recs, 1, 'plain proxy: one request recorded');
$t->is_same_request($recs[0], \%sent, 'plain proxy');
$t->is_forwarded_answer($r, $recs[0], 'plain proxy');

# 2. chunked request through nginx: nginx buffers and sends Content-Length
my %chunked = (%sent, body => undef, chunks => [ '{"text":', '"split', '"}' ]);
$mark = $t->standin_mark;
$r = $t->http(%chunked);
@recs = $t->standin_since($mark);
is(scalar @recs, 1, 'chunked via nginx: one request recorded');
$t->is_same_request($recs[0], \%chunked, 'chunked via nginx');

# 3. HTTP/1.1 keepalive upstream: two requests, one connection, two ids
$mark = $t->standin_mark;
my $r1 = $t->http(method => 'POST', path => '/keep/a', host => 'h',
    headers => [ 'Content-Type' => 'text/plain' ], body => 'one');
my $r2 = $t->http(method => 'POST', path => '/keep/b', host => 'h',
    headers => [ 'Content-Type' => 'text/plain' ], body => 'two');
@recs = $t->standin_since($mark);
is_deeply([ map { $_->{body} } @recs ], [ 'one', 'two' ],
    'keepalive upstream: both bodies recorded in order');
like($recs[0]{head}, qr{^POST /keep/a HTTP/1\.1\r\n}, 'keepalive: HTTP/1.1');
isnt($r1->{body}, $r2->{body}, 'keepalive: distinct ids answered');

# 4. directly to the stand-in: chunked with extensions and trailer
my $up = $t->port('upstream');
$mark = $t->standin_mark;
$r = $t->http(port => 'upstream', raw => "POST /c HTTP/1.1\r\nHost: s\r\n"
    . "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    . "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n");
@recs = $t->standin_since($mark);
is($recs[0]{body}, 'abcde', 'stand-in de-chunks (extensions, trailer)');
like($recs[0]{raw}, qr/3;ext=1\r\nabc/, 'stand-in keeps the raw wire bytes');
is($r->{body}, qq({"id":"$recs[0]{n}"}), 'stand-in answers {"id":"<n>"}');

# 5. a request cut short is recorded as partial, with what arrived
$mark = $t->standin_mark;
{
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $up)
        or die "connect: $!";
    print {$s} "POST /p HTTP/1.0\r\nContent-Length: 100\r\n\r\nhalf";
    close $s;
}
@recs = $t->standin_since($mark);
is(scalar @recs, 1, 'partial request: recorded');
ok(!$recs[0]{done}, 'partial request: not marked done');
like($recs[0]{raw}, qr/half$/, 'partial request: bytes that arrived kept');

# 6. HTTP/2 prior knowledge through curl
my %h2 = (method => 'POST', path => '/v19.0/1/feed', host => 'graph.facebook.com',
    headers => [ 'Content-Type' => 'application/json' ],
    body => '{"message":"h2 body"}');
$mark = $t->standin_mark;
$r = $t->h2(%h2);
@recs = $t->standin_since($mark);
is($r->{protocol}, 'HTTP/2', 'h2: curl spoke HTTP/2');
is($recs[0]{body}, $h2{body}, 'h2: body recorded');
$t->is_forwarded_answer($r, $recs[0], 'h2');

# 7. the leak scan finds a planted value in each of its forms
my $planted = $t->phi('planted value', '(617) 432-8817');
is_deeply([ sort(phi_forms($planted)) ],
    [ sort('(617) 432-8817', '6174328817', '%28617%29%20432-8817',
           '%28617%29+432-8817') ], 'phi_forms: as sent, digits, encoded');
for my $form ('6174328817', '%28617%29+432-8817') {
    Phigate::Test::write_file($t->dir . '/planted.txt', "x $form x");
    ok($t->phi_hits->{'planted value'}, 'leak scan finds a planted form');
}
unlink $t->dir . '/planted.txt';
is($t->scrub("a (617) 432-8817 b"), 'a <planted value> b',
    'scrub hides values in diagnostics');

$t->done;
