#!/usr/bin/perl
#
# Many gateways, one consent store: two nginx instances read consent from
# a replica (one over a unix socket, one over TCP, both with AUTH) while
# compliance staff write to the primary with phigate-ctl.  A grant made on
# the primary is honoured by both gateways; a revocation stops both.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use File::Path ();
use Test::More;
use Time::HiRes qw(time sleep);
use Phigate::Test;
use Phigate::Shapes;

my $ctl = Phigate::Test::tool('phigate-ctl');

my $PASS = 'gw-s3cret';

my $t = Phigate::Test->new;       # gateway A, and the Redis pair
my $t2 = Phigate::Test->new;      # gateway B
register_phi($_) for $t, $t2;

my $sock = $t->dir . '/replica.sock';
my %port = (primary => $t->port('primary'), replica => $t->port('replica'));

my $conf = <<'EOF';
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_redis 127.0.0.1:@PRIMARY@ password=@PASS@;
    phigate_redis_read @READ@ password=@PASS@;
    phigate_gateway_id @GW@;
    add_header X-Request-Id $request_id always;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_redis_timeout 200ms;
            %%TO_PLATFORM%%
        }
    }
}
EOF

sub conf_for {
    my ($read, $gw) = @_;
    (my $c = $conf) =~ s/\@PRIMARY\@/$port{primary}/g;
    $c =~ s/\@PASS\@/$PASS/g;
    $c =~ s/\@READ\@/$read/g;
    $c =~ s/\@GW\@/$gw/g;
    return $c;
}

mkdir $t->dir . "/$_" for qw(primary replica);
$t->spawn('primary', $t->dir . '/primary.out', 'redis-server',
    '--port', $port{primary}, '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no', '--dir', $t->dir . '/primary',
    '--requirepass', $PASS);
$t->wait_port('primary', $port{primary});
$t->spawn('replica', $t->dir . '/replica.out', 'redis-server',
    '--port', $port{replica}, '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no', '--dir', $t->dir . '/replica',
    '--requirepass', $PASS, '--masterauth', $PASS,
    '--replicaof', '127.0.0.1', $port{primary},
    '--unixsocket', $sock, '--unixsocketperm', '777');
$t->wait_port('replica', $port{replica});

$t->write_conf(conf_for("unix:$sock", 'gw-a'));
$t->start_standin;
$t->start_nginx;
$t2->write_conf(conf_for("127.0.0.1:$port{replica}", 'gw-b'));
$t2->start_standin;
$t2->start_nginx;

my @ctl = ($ctl, '-p', $port{primary}, '-a', $PASS);

sub on_replica {
    my ($key) = @_;
    my $deadline = time + 10;
    while (time < $deadline) {
        my $out = `redis-cli -p $port{replica} -a $PASS --no-auth-warning EXISTS $key 2>/dev/null`;
        return 1 if ($out // '') =~ /^1/;
        sleep 0.05;
    }
    return 0;
}

sub post {
    my ($gw, $token, %o) = @_;
    my $req = fb_feed_json("Thank you for sharing! $CUE{PHONE}");
    push @{ $req->{headers} }, 'X-PHI-Consent' => $token;
    my $mark = $gw->standin_mark;
    my $r = $gw->http(%$req);
    my @recs = $gw->standin_since($mark);
    if ($o{published}) {
        $gw->allow_phi_in_standin($_->{n}) for @recs;
    }
    my $j = eval { JSON::PP->new->decode($r->{body}) } // {};
    return { status => $r->{status}, error => $j->{error},
             forwarded => scalar @recs,
             audit => $gw->audit_for($r->{request_id}) // {} };
}

# bounded wait until both gateways hold a connection to the replica
sub until_status {
    my ($gw, $token, $want) = @_;
    my $deadline = time + 10;
    my $o;
    while (time < $deadline) {
        $o = post($gw, $token, published => $want == 200);
        return $o if $o->{status} == $want;
        sleep 0.1;
    }
    return $o;
}

my $token = `@ctl consent grant --patient ref-77 --platforms facebook --kinds PHONE,NAME --days 30 --granted-by privacy-office`;
chomp $token;
like($token, qr/^[A-Za-z0-9_-]{32}$/, 'phigate-ctl grants a consent on the primary');
ok(on_replica("phigate:consent:$token"), 'the grant reached the replica');

my ($a, $b) = (until_status($t, $token, 200), until_status($t2, $token, 200));
is($a->{status}, 200, 'gateway A (replica over a unix socket): consented post forwarded');
is($b->{status}, 200, 'gateway B (replica over TCP): consented post forwarded');
is($a->{audit}{gateway}, 'gw-a', 'gateway A names itself in the audit');
is($b->{audit}{gateway}, 'gw-b', 'gateway B names itself in the audit');
is($a->{audit}{reason}, 'consent', 'gateway A: audit reason consent');

is(system(@ctl, 'consent', 'revoke', $token) >> 8, 0,
    'phigate-ctl revokes the consent on the primary');

($a, $b) = (until_status($t, $token, 403), until_status($t2, $token, 403));
is($a->{error}, 'consent_revoked', 'gateway A: the revocation is honoured');
is($b->{error}, 'consent_revoked', 'gateway B: the revocation is honoured');
is($a->{forwarded} + $b->{forwarded}, 0, 'revoked: nothing forwarded');

$t2->stop;
$t2->check_error_log;
$t2->check_no_phi;
File::Path::remove_tree($t2->dir) if Test::More->builder->is_passing;
$t->done;
