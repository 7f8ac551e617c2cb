#!/usr/bin/perl
#
# phigate_status: the Prometheus metrics add up to exactly the requests
# sent, across two worker processes, by decision and reason, platform and
# identifier type; Redis lookups and errors are counted; the audit record
# counter matches the audit log; the page never carries a value from a
# request; a reload keeps the counters.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Time::HiRes qw(time sleep);
use Phigate::Test;
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);
$t->write_conf(<<'EOF');
%%TEST_GLOBALS%%
daemon off;
master_process on;
worker_processes 2;
load_module %%MODULE%%;
events { worker_connections 64; }
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_redis 127.0.0.1:%%PORT_redis%%;
    # counts, not timeouts, are tested: a loaded machine must not turn a
    # slow answer into a counted error
    phigate_redis_timeout 5s;
    add_header X-Request-Id $request_id always;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_monitor%%;
        location / {
            phigate on;
            phigate_mode monitor;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_status%%;
        location = /metrics {
            phigate_status;
        }
    }
}
EOF

$t->run;

sub metrics {
    my $r = $t->http(port => 'status', method => 'GET', path => '/metrics');
    my %m;
    for (split /\n/, $r->{body} // '') {
        next if /^#/;
        $m{$1} = $2 if /^(\S+(?:\{[^}]*\})?) (\S+)$/;
    }
    return ($r, \%m);
}

my ($r, $m) = metrics();
is($r->{status}, 200, 'status page answers');
like($r->{headers}{'content-type'}, qr{^text/plain; version=0\.0\.4},
    'Prometheus text format');
is($m->{'phigate_audit_records_total'}, 0, 'nothing counted before traffic');
is($m->{'phigate_inspection_seconds_count'}, 0, 'no inspection yet');

# traffic: 3 clean X posts, 2 blocked Facebook posts (SSN; SSN + PHONE),
# 1 malformed JSON, 1 monitored PHONE post on Mastodon, 1 DM to X
my $mark = $t->standin_mark;
my @ids;
for my $i (1 .. 3) {
    push @ids, $t->http(%{ x_tweet("$CLEAN $i") })->{request_id};
}
push @ids, $t->http(%{ fb_feed_json("Patient $CUE{SSN}") })->{request_id};
push @ids, $t->http(%{ fb_feed_json("$CUE{SSN} or $CUE{PHONE}") })
    ->{request_id};
my $bad = x_tweet('x');
$bad->{body} = '{"text":';
push @ids, $t->http(%$bad)->{request_id};
my $mon = mastodon_status("Patient: $CUE{PHONE}");
$mon->{port} = 'monitor';
push @ids, $t->http(%$mon)->{request_id};
push @ids, $t->http(%{ x_dm_v1($CLEAN) })->{request_id};
my @recs = $t->standin_since($mark);
$t->allow_phi_in_standin($_->{n}) for grep {
    ($_->{body} // '') =~ /Patient:/ } @recs;
is(scalar @recs, 5, 'three clean posts, the monitored one and the DM went');

# forwarded posts are recorded in the log phase, after the client's answer
ok(!grep({ !$t->audit_for($_) } @ids), 'every request has its audit record');
($r, $m) = metrics();

my %want = (
    'phigate_requests_total{decision="allow",reason="clean"}' => 4,
    'phigate_requests_total{decision="block",reason="phi_detected"}' => 2,
    'phigate_requests_total{decision="block",reason="malformed_json"}' => 1,
    'phigate_requests_total{decision="monitor",reason="phi_detected"}' => 1,
    'phigate_platform_requests_total{platform="x"}' => 5,
    'phigate_platform_requests_total{platform="facebook"}' => 2,
    'phigate_platform_requests_total{platform="mastodon"}' => 1,
    'phigate_platform_requests_total{platform="linkedin"}' => 0,
    'phigate_dm_requests_total' => 1,
    'phigate_findings_total{type="SSN"}' => 2,
    'phigate_findings_total{type="PHONE"}' => 2,
    'phigate_findings_total{type="EMAIL"}' => 0,
    'phigate_audit_records_total' => 8,
    'phigate_audit_errors_total' => 0,
    'phigate_redis_errors_total' => 0,
    'phigate_inspection_seconds_count' => 8,
    'phigate_inspection_seconds_bucket{le="+Inf"}' => 8,
);
for my $k (sort keys %want) {
    is($m->{$k}, $want{$k}, "metric $k");
}

# each request's credential is asked about unless the worker's revocation
# cache knows it: three distinct credentials, two workers, eight requests
cmp_ok($m->{'phigate_redis_lookups_total'}, '>=', 3,
    'every distinct credential was asked about');
cmp_ok($m->{'phigate_redis_lookups_total'}, '<=', 8,
    'at most one question per request');

my @reasons = grep { /^phigate_requests_total/ } keys %$m;
my $sum = 0;
$sum += $m->{$_} for @reasons;
is($sum, 8, 'requests by decision add up to the requests sent');
is(scalar(@reasons), 4, 'no other decision/reason pair counted');

# buckets are cumulative and never decrease
my @b = map { $m->{$_} } sort {
    my ($x) = $a =~ /le="([^"]+)"/; my ($y) = $b =~ /le="([^"]+)"/;
    ($x eq '+Inf' ? 1e99 : $x) <=> ($y eq '+Inf' ? 1e99 : $y)
} grep { /^phigate_inspection_seconds_bucket/ } keys %$m;
is(scalar @b, 10, 'nine bounds and +Inf');
ok(!grep({ $b[$_] < $b[$_ - 1] } 1 .. $#b), 'buckets are cumulative');

my @audit = $t->audit_lines;
is(scalar @audit, $m->{'phigate_audit_records_total'},
    'audit records counted equal the lines in the audit log');

# a consent token in a PHI post asks Redis; the absent record is an answer
my $lookups = $m->{'phigate_redis_lookups_total'};
my $c = fb_feed_json("Thank you for your story! $CUE{PHONE}");
push @{ $c->{headers} }, 'X-PHI-Consent' => 'tok_metrics_0001';
my $cr;
my $deadline = time + 10;
while (time < $deadline) {
    $cr = $t->http(%$c);
    last unless ($cr->{body} // '') =~ /consent_unavailable/;
    sleep 0.1;
}
is($cr->{status}, 403, 'consent token without a record is refused');
ok($t->audit_for($cr->{request_id}), 'and recorded');
like($cr->{body}, qr/"consent_missing"/, 'as consent_missing');
($r, $m) = metrics();
cmp_ok($m->{'phigate_redis_lookups_total'}, '>', $lookups,
    'the consent lookup is counted');
ok($m->{'phigate_redis_seconds_count'} >= 1, 'and its wait observed');
ok($m->{'phigate_requests_total{decision="block",reason="consent_missing"}'}
    >= 1, 'consent_missing counted');

# nothing from a request reaches the page: no values, no token, no ids
my $page = $r->{body};
unlike($page, qr/tok_metrics|ref-42|\Q$CLEAN\E/, 'no token or text');
like($page, qr/\A(?:(?:#[^\n]*|phigate_[a-z_]+(?:\{[a-z_]+="[^"]*"(?:,[a-z_]+="[^"]*")*\})? [0-9.e+-]+)\n)+\z/,
    'every line is a comment or a phigate_ sample');
ok(!grep({ index($page, $_) >= 0 } grep { defined } @ids),
    'no request id on the page');

# only GET and HEAD
my $post = $t->http(port => 'status', method => 'POST', path => '/metrics',
    body => 'x');
is($post->{status}, 405, 'POST to the status page is refused');

# a reload keeps the counters (the zone outlives the old workers)
my $before = $m->{'phigate_audit_records_total'};
ok($t->reload, 'reload replaced the workers');
($r, $m) = metrics();
is($m->{'phigate_audit_records_total'}, $before,
    'counters survive a reload');
my $after = $t->http(%{ x_tweet("$CLEAN after reload") });
ok($t->audit_for($after->{request_id}), 'the request after it is recorded');
($r, $m) = metrics();
is($m->{'phigate_audit_records_total'}, $before + 1,
    'and go on counting after it');

$t->done;
