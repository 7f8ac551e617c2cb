#!/usr/bin/perl
#
# The audit trail is one hash chain: each record's "prev" is the SHA-256
# of the line before it.  Two workers writing at once keep whole lines and
# one chain; the chain carries on into a new file after rotation (nginx
# -s reopen) and over a restart; a record cut short by a crash is ended so
# the next one stays readable.  The checks here recompute every hash.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Digest::SHA qw(sha256_hex);
use POSIX ();
use Test::More;
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
events { worker_connections 128; }
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_gateway_id gw-test-1;
    add_header X-Request-Id $request_id always;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            %%TO_PLATFORM%%
        }
    }
}
EOF

my $log = $t->dir . '/audit.log';

# a crash left a record cut short: the next record must still be whole
Phigate::Test::write_file($log, '{"schema":1,"decision":"al');

$t->run;

# Lines of the files, in order; checks each parses and links to the one
# before.  Returns (number of records, hash of the last line, first prev).
sub chain_of {
    my ($prev, @files) = @_;
    my ($n, $bad, $first) = (0, 0, undef);
    for my $f (@files) {
        for my $line (split /\n/, Phigate::Test::read_file($f)) {
            next if $line eq '{"schema":1,"decision":"al';   # the cut one
            my $j = eval { JSON::PP->new->decode($line) };
            if (!$j) { $bad++; next; }
            $first //= $j->{prev};
            $bad++ if defined $prev && ($j->{prev} // '') ne $prev;
            $prev = sha256_hex($line);
            $n++;
        }
    }
    return ($n, $prev, $first, $bad);
}

# N clients at once, half clean and half with PHI
sub burst {
    my ($n) = @_;
    my @pids;
    for my $i (1 .. $n) {
        my $pid = fork;
        die "fork: $!" unless defined $pid;
        if ($pid == 0) {
            my $req = $i % 2 ? fb_feed_json("$CLEAN $i")
                             : fb_feed_json("Patient $CUE{SSN} $i");
            $t->http(%$req);
            POSIX::_exit(0);
        }
        push @pids, $pid;
    }
    waitpid $_, 0 for @pids;
}

sub wait_records {
    my ($file, $want) = @_;
    for (1 .. 500) {
        my ($n) = chain_of(undef, $file);
        return $n if $n >= $want;
        select undef, undef, undef, 0.02;
    }
    return (chain_of(undef, $file))[0];
}

burst(40);
is(wait_records($log, 40), 40, 'two workers: 40 records written');

my ($n, $last, $first, $bad) = chain_of(undef, $log);
is($bad, 0, 'two workers: every line whole and linked to the one before');
is($first, 'genesis', 'a new log starts the chain at genesis');

my @lines = grep { /^\{"schema":1,"prev"/ } split /\n/,
    Phigate::Test::read_file($log);
is(scalar @lines, 40, 'the cut-short record was ended: records start lines');
like($lines[0], qr/"gateway":"gw-test-1"/, 'records name the gateway');

# --- rotation: the chain carries on into the new file
rename $log, "$log.1" or die "rename: $!";
my $pid = Phigate::Test::read_file($t->dir . '/nginx.pid') + 0;
kill 'USR1', $pid;
for (1 .. 250) { last if -f $log; select undef, undef, undef, 0.02; }
ok(-f $log, 'nginx -s reopen: a new audit file');

burst(10);
is(wait_records($log, 10), 10, 'after rotation: 10 records in the new file');
($n, my $last2, undef, $bad) = chain_of(undef, "$log.1", $log);
is($n, 50, 'rotated and new file: 50 records');
is($bad, 0, 'the chain runs unbroken across the rotation');

# --- restart over the existing log: the chain picks up where it ended
$t->stop_one('nginx', 'QUIT', 'TERM');
$t->start_nginx;
burst(4);
is(wait_records($log, 14), 14, 'after a restart: records appended');
($n, undef, undef, $bad) = chain_of(undef, "$log.1", $log);
is($bad, 0, 'the chain runs unbroken across the restart');

# --- rotation under load: workers reopen one after the other, yet no
#     record lands in the old file after one went to the new file
for my $round (1 .. 3) {
    my ($before) = chain_of(undef, $log);
    my $kid = fork;
    die "fork: $!" unless defined $kid;
    if ($kid == 0) {
        burst(30);
        POSIX::_exit(0);
    }
    select undef, undef, undef, 0.05;
    rename $log, "$log.r$round" or die "rename: $!";
    kill 'USR1', Phigate::Test::read_file($t->dir . '/nginx.pid') + 0;
    waitpid $kid, 0;
    for (1 .. 250) { last if -f $log; select undef, undef, undef, 0.02; }
    my ($in_old) = chain_of(undef, "$log.r$round");
    is(wait_records($log, $before + 30 - $in_old) + $in_old, $before + 30,
        "rotation under load ($round): every record in one of the files");
    ($n, undef, undef, $bad) = chain_of(undef, "$log.r$round", $log);
    is($bad, 0, "rotation under load ($round): the old file, then the new, "
        . 'one chain');
}

# --- an edited record breaks the chain at the next one
my @l = split /\n/, Phigate::Test::read_file($log);
$l[3] =~ s/"decision":"allow"/"decision":"block"/
    or $l[3] =~ s/"decision":"block"/"decision":"allow"/;
Phigate::Test::write_file($t->client_dir . '/edited.log', join("\n", @l)
    . "\n");
(undef, undef, undef, $bad) = chain_of(undef, $t->client_dir . '/edited.log');
is($bad, 1, 'an edited record shows as one broken link');

$t->done;
