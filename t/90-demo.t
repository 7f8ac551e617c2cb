#!/usr/bin/perl
#
# `make demo` must not rot: scripts/demo.sh --check starts redis, the
# stand-in and nginx with the module, expects 200 for a clean post and 403
# for one with an SSN, and stops; the interactive mode comes up, serves,
# and stops everything it started on Ctrl-C (SIGINT).  Runs in a temp dir
# on free ports (DEMO_RUN, DEMO_*PORT), never touching a live demo-run/.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use IO::Socket::INET;
use POSIX qw(WNOHANG);
use Test::More;
use Time::HiRes qw(time sleep);
use Phigate::Test;

my $t = Phigate::Test->new;
$t->phi('demo SSN', '536-22-8411');
my $demo = "$FindBin::Bin/../scripts/demo.sh";
my $run = $t->dir . '/demo-run';
# the banner shows the SSN example command: client side, not scanned
my $banner_file = $t->client_dir . '/demo.out';

local $ENV{DEMO_RUN} = $run;

# --- --check

my $out = `'$demo' --check 2>&1`;
is($? >> 8, 0, 'demo.sh --check exits 0');
like($out, qr/clean post forwarded \(200\)/, '--check: clean post got 200');
like($out, qr/SSN blocked \(403\)/, '--check: SSN post got 403');
like($out, qr/audit log has the allow and the block/, '--check: audit log');
$t->check_error_log("$run/error.log");

# --- interactive mode: up, serving, and gone after SIGINT

my %port = map { $_ => $t->port("demo_$_") } qw(gw platform redis);
local $ENV{DEMO_PORT} = $port{gw};
local $ENV{DEMO_PLATFORM_PORT} = $port{platform};
local $ENV{DEMO_REDIS_PORT} = $port{redis};

my $pid = fork // die "fork: $!";
if ($pid == 0) {
    # as if started from a terminal: SIGINT not ignored, own process group
    $SIG{INT} = 'DEFAULT';
    POSIX::setpgid(0, 0);
    open STDOUT, '>', $banner_file;
    open STDERR, '>&', \*STDOUT;
    exec $demo or POSIX::_exit(127);
}

sub port_open {
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
        PeerPort => $_[0], Proto => 'tcp');
    return $s ? 1 : 0;
}

my $deadline = time + 15;
sleep 0.05 until port_open($port{gw}) || time > $deadline;
ok(port_open($port{gw}), 'interactive: the gateway is up');

# the banner follows the script's own readiness checks (redis, the
# stand-in platform and nginx all accept): bounded poll, then use it
my $banner = '';
$deadline = time + 10;
until ($banner =~ /Audit log/ || time > $deadline) {
    sleep 0.05;
    $banner = Phigate::Test::read_file($banner_file);
}
my $code = `curl -s -o /dev/null -w '%{http_code}' --max-time 10 \\
    -H 'Host: graph.facebook.com' -H 'Content-Type: application/json' \\
    -d '{"message":"See you at the fair"}' \\
    http://127.0.0.1:$port{gw}/v19.0/1234/feed`;
is($code, '200', 'interactive: a clean post goes through');
like($banner, qr/curl -i .*-H 'Host: graph\.facebook\.com'/s,
    'interactive: prints the curl commands');
like($banner, qr{Audit log:\s+\Q$run\E/audit\.jsonl},
    'interactive: says where the audit log is');

kill 'INT', $pid;
my $exited = 0;
$deadline = time + 15;
until ($exited || time > $deadline) {
    $exited = waitpid($pid, WNOHANG) == $pid;
    sleep 0.05 unless $exited;
}
ok($exited, 'interactive: demo.sh exits on SIGINT');
kill 'KILL', -$pid unless $exited;
is_deeply({ map { $_ => port_open($port{$_}) } keys %port },
    { map { $_ => 0 } keys %port },
    'interactive: gateway, platform and redis all stopped');
$t->check_error_log("$run/error.log");

$t->done;
