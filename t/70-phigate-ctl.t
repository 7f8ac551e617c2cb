#!/usr/bin/perl
#
# phigate-ctl against a real redis-server on loopback: every command, what
# it stores (read back with redis-cli), exit statuses, --help, AUTH with a
# password and an ACL user, a unix socket, a database number, and a Redis
# that is not there.  No nginx: the harness is used for its temp dir, free
# ports, process handling and clean-up only (without_module).

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Digest::SHA qw(sha256_hex);
use POSIX ();
use Test::More;
use Phigate::Test;

my $CTL = Phigate::Test::tool('phigate-ctl');

my $t = Phigate::Test->new(without_module => 1);
$t->start_redis;
my $port = $t->port('redis');
my $down = $t->port('nothing_listens_here');
my $tmp = $t->client_dir;
my $ctl_n = 0;

# Runs phigate-ctl with @args (connection options first), stdin from
# $opt{stdin}; returns { rc, out, err }.  Never through a shell.
sub ctl {
    my ($opt, @args) = ref $_[0] eq 'HASH' ? @_ : ({}, @_);
    my $n = ++$ctl_n;
    my ($in, $out, $err) = map { "$tmp/ctl-$n.$_" } qw(in out err);
    Phigate::Test::write_file($in, $opt->{stdin} // '');
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        open STDIN, '<', $in or POSIX::_exit(126);
        open STDOUT, '>', $out or POSIX::_exit(126);
        open STDERR, '>', $err or POSIX::_exit(126);
        local %ENV = (%ENV, %{ $opt->{env} || {} });
        delete $ENV{PHIGATE_REDIS_PASSWORD} unless $opt->{env};
        exec { $CTL } $CTL, @args or POSIX::_exit(127);
    }
    waitpid $pid, 0;
    return { rc => $? >> 8, out => Phigate::Test::read_file($out),
             err => Phigate::Test::read_file($err) };
}

# phigate-ctl on the test's Redis
sub rctl {
    my $opt = @_ && ref $_[0] eq 'HASH' ? shift : {};
    return ctl($opt, '-p', $port, @_);
}

# redis-cli's raw answer lines
sub cli {
    my (@args) = @_;
    my $p = $port;
    ($p, @args) = @args if $args[0] =~ /^\d+$/ && @args > 1;
    open my $fh, '-|', 'redis-cli', '-h', '127.0.0.1', '-p', $p, '--raw',
        @args or die "redis-cli: $!";
    my @l = <$fh>;
    close $fh;
    chomp @l;
    return @l;
}

sub hgetall { my %h = cli('HGETALL', $_[0]); return \%h }

sub write_in { Phigate::Test::write_file("$tmp/$_[0]", $_[1]); "$tmp/$_[0]" }

# --- help and usage

my $r = ctl('--help');
is($r->{rc}, 0, '--help exits 0');
like($r->{out}, qr/usage: phigate-ctl/, '--help prints the usage');
like($r->{out}, qr/revoke-credential/, '--help lists every command');

for my $cmd (['consent', 'grant'], ['consent', 'revoke'], ['consent', 'show'],
             ['approve'], ['revoke-credential'], ['list'])
{
    $r = ctl(@$cmd, '--help');
    is($r->{rc}, 0, "@$cmd --help exits 0");
    like($r->{out}, qr/^usage: phigate-ctl \Q@$cmd\E/m,
         "@$cmd --help is the command's own");
    $r = ctl('help', @$cmd);
    is($r->{rc}, 0, "help @$cmd exits 0");
}

$r = ctl();
is($r->{rc}, 2, 'no command: exit 2');
like($r->{err}, qr/usage:/, 'no command: usage on stderr');
is(ctl('frobnicate')->{rc}, 2, 'unknown command: exit 2');
is(ctl('-x', '1', 'list', 'revoked')->{rc}, 2, 'unknown option: exit 2');
is(ctl('-p', 'seventy', 'list', 'revoked')->{rc}, 2, 'bad port: exit 2');
is(ctl('-p')->{rc}, 2, 'option without value: exit 2');
is(ctl('--user', 'u', 'list', 'revoked')->{rc}, 2, '--user without --pass');
is(rctl('list', 'everything')->{rc}, 2, 'list of what: exit 2');
is(rctl('consent', 'forge')->{rc}, 2, 'unknown consent command: exit 2');

# --- consent grant

my $before = time;
$r = rctl('consent', 'grant', '--patient', 'FORM-2026-0042',
          '--platforms', 'facebook, Instagram',
          '--kinds', 'name,LOCATION,MEDIA', '--days', '365',
          '--granted-by', 'a.officer');
is($r->{rc}, 0, 'grant exits 0');
my ($token) = $r->{out} =~ /^([A-Za-z0-9]{32})\n\z/;
ok($token, 'grant prints a 32-character token and nothing else')
    or diag($r->{out});
is($r->{err}, '', 'grant: nothing on stderr');

my $h = hgetall("phigate:consent:$token");
is($h->{patient}, 'FORM-2026-0042', 'stored patient reference');
is($h->{platforms}, 'facebook,instagram', 'platforms stored canonical');
is($h->{kinds}, 'NAME,LOCATION,MEDIA', 'kinds stored upper case');
is($h->{revoked}, '0', 'not revoked');
is($h->{granted_by}, 'a.officer', 'granted_by');
ok($h->{expires} >= $before + 365 * 86400
   && $h->{expires} <= time + 365 * 86400, 'expires 365 days on');
ok(abs($h->{created} - $before) <= 2, 'created now');
is(scalar(keys %$h), 7, 'no other field');

my $t2 = rctl('consent', 'grant', '--patient', 'F-2', '--platforms', '*',
              '--kinds', 'NAME', '--days', '1')->{out};
chomp $t2;
isnt($t2, $token, 'a second grant gets another token');
is(hgetall("phigate:consent:$t2")->{granted_by},
   scalar(getpwuid($<)) // $ENV{USER}, 'granted_by defaults to the login')
    unless $ENV{SUDO_USER};

$r = rctl('consent', 'grant', '--patient', 'F-3', '--platforms', 'x',
          '--kinds', 'NAME,SSN', '--days', '30');
is($r->{rc}, 0, 'a never-coverable kind is stored...');
like($r->{err}, qr/warning: SSN, MRN/, '... with a warning');

my @bad = (
    [['--platforms', 'x', '--kinds', 'NAME', '--days', '1'], 'no --patient'],
    [['--patient', 'Jane Doe', '--platforms', 'x', '--kinds', 'NAME',
      '--days', '1'], 'a patient reference with a space'],
    [['--patient', 'P', '--platforms', 'myspace', '--kinds', 'NAME',
      '--days', '1'], 'an unknown platform'],
    [['--patient', 'P', '--platforms', 'x', '--kinds', 'NAME,SHOE',
      '--days', '1'], 'an unknown kind'],
    [['--patient', 'P', '--platforms', 'x', '--kinds', 'none',
      '--days', '1'], 'no kind'],
    [['--patient', 'P', '--platforms', 'x', '--kinds', 'NAME',
      '--days', '0'], '0 days'],
    [['--patient', 'P', '--platforms', 'x', '--kinds', 'NAME',
      '--days', '3651'], 'more than ten years'],
    [['--patient', 'P', '--platforms', 'x', '--kinds', 'NAME',
      '--days', '1', '--extra'], 'an unknown option'],
);
my $nkeys = () = cli('KEYS', 'phigate:consent:*');
for my $b (@bad) {
    $r = rctl('consent', 'grant', @{ $b->[0] });
    is($r->{rc}, 2, "grant refuses $b->[1] (exit 2)");
    like($r->{err}, qr/phigate-ctl: /, "grant explains $b->[1]");
}
is(scalar(() = cli('KEYS', 'phigate:consent:*')), $nkeys,
   'refused grants stored nothing');

# --- consent show

$r = rctl('consent', 'show', $token);
is($r->{rc}, 0, 'show exits 0');
like($r->{out}, qr/^token: $token\n/, 'show: the token');
my $ref = substr(sha256_hex($token), 0, 16);
like($r->{out}, qr/^ref: $ref$/m, 'show: the reference the gateway logs');
like($r->{out}, qr/^status: active$/m, 'show: active');
like($r->{out}, qr/^patient: FORM-2026-0042$/m, 'show: patient');
like($r->{out}, qr/^expires: \d+ \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/m,
     'show: expiry with its date');
my @lines = split /\n/, $r->{out};
is(scalar(@lines), 3 + 7, 'show: three header lines and the seven fields');

$r = rctl('consent', 'show', 'NoSuchToken123');
is($r->{rc}, 1, 'show of an unknown token: exit 1');
like($r->{err}, qr/no such consent/, 'show: says so');
is(rctl('consent', 'show', 'bad token')->{rc}, 2, 'show: not a token, 2');
is(rctl('consent', 'show')->{rc}, 2, 'show without a token: 2');

# records phigate-ctl did not write: expired, garbled
cli('HSET', 'phigate:consent:ExpiredToken1', 'patient', 'P', 'platforms',
    'x', 'kinds', 'NAME', 'expires', time - 10, 'revoked', '0',
    'granted_by', 'me');
like(rctl('consent', 'show', 'ExpiredToken1')->{out}, qr/^status: expired$/m,
     'show: expired');
cli('HSET', 'phigate:consent:GarbledToken1', 'patient', 'P', 'platforms',
    'x', 'kinds', 'NAME', 'expires', 'soon', 'revoked', '0',
    'granted_by', 'me', 'note', 'hand-made');
$r = rctl('consent', 'show', 'GarbledToken1');
like($r->{out}, qr/^status: invalid: expires$/m, 'show: garbled, names field');
like($r->{out}, qr/^note: hand-made$/m, 'show: other fields as stored');

# --- consent revoke

$r = rctl('consent', 'revoke', $token, '--by', 'dpo');
is($r->{rc}, 0, 'revoke exits 0');
$h = hgetall("phigate:consent:$token");
is($h->{revoked}, '1', 'revoked=1');
is($h->{revoked_by}, 'dpo', 'revoked_by');
ok(abs($h->{revoked_at} - time) <= 2, 'revoked_at now');
is($h->{patient}, 'FORM-2026-0042', 'the rest of the record is kept');
like(rctl('consent', 'show', $token)->{out}, qr/^status: revoked$/m,
     'show: revoked');
is(rctl('consent', 'revoke', 'NoSuchToken123')->{rc}, 1,
   'revoke of an unknown token: exit 1');
ok(!(cli('EXISTS', 'phigate:consent:NoSuchToken123'))[0],
   'revoking an unknown token creates nothing');

# --- approve

my $hello = sha256_hex('Hello world');
my $post = write_in('post.txt', "  Hello \t world\n");
$before = time;
$r = rctl('approve', $post, '--by', 'c.reviewer', '--days', '7');
is($r->{rc}, 0, 'approve exits 0');
is($r->{out}, "$hello\n", 'approve prints the hash of the normalised text');
$h = hgetall("phigate:approved:$hello");
is($h->{approved_by}, 'c.reviewer', 'approved_by');
ok($h->{expires} >= $before + 7 * 86400 && $h->{expires} <= time + 7 * 86400,
   'approval expires 7 days on');
ok(!exists $h->{platform}, 'no platform unless given');

# NFC and NFD spellings of a text are one post
my $nfc = write_in('nfc.txt', "Caf\xc3\xa9 story");
my $nfd = write_in('nfd.txt', "Cafe\xcc\x81  story\n");
is(rctl('approve', '--dry-run', $nfc)->{out},
   rctl('approve', '--dry-run', $nfd)->{out}, 'NFC and NFD hash alike');
is(rctl('approve', '--dry-run', $nfc)->{out},
   sha256_hex("Caf\xc3\xa9 story") . "\n", 'the hash is of NFC UTF-8');

# the request body a tool sends, read with the platform's profile
my $body = write_in('body.json',
    '{"message":"Hello [[consent:Abc123_-xyZ]] world","access_token":"EAAB",'
    . '"published":true}');
$r = rctl('approve', $body, '--content-type', 'application/json',
          '--platform', 'facebook', '--days', '1', '--by', 'c.reviewer');
is($r->{out}, "$hello\n", 'a JSON body: its text, token field and marker '
   . 'left out');
$h = hgetall("phigate:approved:$hello");
is($h->{platform}, 'facebook', 'the profile is recorded');
ok($h->{expires} <= time + 86400, 'approving again replaces the approval');

my $form = write_in('body.form', 'caption=Hello%20world&access_token=x');
is(ctl('-p', $down, 'approve', '--dry-run', $form, '--content-type',
       'application/x-www-form-urlencoded', '--platform', 'instagram')->{out},
   "$hello\n", 'a form body, dry run: no Redis needed');
is(ctl('-p', $down, 'approve', '--dry-run', write_in('empty', ''),
       '--query', 'caption=Hello+world&access_token=x',
       '--platform', 'instagram')->{out},
   "$hello\n", 'a query string');

$r = rctl({ stdin => "Hello world" }, 'approve', '-', '--dry-run');
is($r->{out}, "$hello\n", 'approve - reads standard input');

$r = rctl('approve', "$tmp/no-such-file");
is($r->{rc}, 4, 'a missing file: exit 4');
like($r->{err}, qr/no-such-file: No such file/, 'a missing file: named');
$r = rctl('approve', write_in('bad.json', '{"message":'), '--content-type',
          'application/json');
is($r->{rc}, 4, 'a body that does not parse: exit 4');
like($r->{err}, qr/malformed_json/, 'a body that does not parse: why');
is(rctl('approve', $post, '--platform', 'myspace')->{rc}, 2,
   'an unknown platform: exit 2');
is(rctl('approve')->{rc}, 2, 'approve without a file: exit 2');

# --- revoke-credential

my $cred = 'EAABsecretToken';
$r = rctl('revoke-credential', $cred);
is($r->{rc}, 0, 'revoke-credential exits 0');
is($r->{out}, sha256_hex($cred) . "\n", 'prints the sha256');
is((cli('SISMEMBER', 'phigate:revoked', sha256_hex($cred)))[0], 1,
   'the hash is in phigate:revoked');
ok(!(cli('SISMEMBER', 'phigate:revoked', $cred))[0],
   'the credential itself is not stored');

$r = rctl({ stdin => "second-token\n" }, 'revoke-credential', '-');
is($r->{out}, sha256_hex('second-token') . "\n",
   'from standard input, its line break left out');

my $third = sha256_hex('third');
$r = rctl('revoke-credential', '--sha256', uc $third);
is($r->{out}, "$third\n", '--sha256 stored lower case');
is((cli('SISMEMBER', 'phigate:revoked', $third))[0], 1, '--sha256 stored');
$r = rctl('revoke-credential', '--sha256', $third);
is($r->{rc}, 0, 'revoking twice is fine');
like($r->{err}, qr/already revoked/, '... and says so');
is(rctl('revoke-credential', '--sha256', 'abc')->{rc}, 2, 'short hex: 2');
is(rctl('revoke-credential', '--sha256', 'g' x 64)->{rc}, 2, 'not hex: 2');
is(rctl('revoke-credential')->{rc}, 2, 'nothing to revoke: 2');
is(rctl({ stdin => '' }, 'revoke-credential', '-')->{rc}, 2,
   'empty standard input: 2');

# --- list

$r = rctl('list', 'revoked');
is($r->{rc}, 0, 'list revoked exits 0');
is($r->{out}, join('', map { "$_\n" } sort(sha256_hex($cred),
   sha256_hex('second-token'), $third)), 'list revoked: sorted hashes');

$r = rctl('list', 'consents');
is($r->{rc}, 0, 'list consents exits 0');
my %c = map { my @f = split /\t/; ($f[0] => \@f) } split /\n/, $r->{out};
is(scalar(keys %c), 5, 'every consent listed once');
is_deeply([@{ $c{$token} }[1, 3, 4, 5]],
          ['revoked', 'facebook,instagram', 'NAME,LOCATION,MEDIA',
           'FORM-2026-0042'], 'a consent line');
like($c{$token}[2], qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'expiry in UTC');
is($c{ExpiredToken1}[1], 'expired', 'an expired consent');
is($c{GarbledToken1}[1], 'invalid: expires', 'a garbled consent');
is($c{$t2}[1], 'active', 'an active consent');

$r = rctl('list', 'approvals');
is($r->{rc}, 0, 'list approvals exits 0');
like($r->{out}, qr/^$hello\tactive\t\S+Z\tc\.reviewer\n\z/,
     'list approvals: the approval (dry runs stored nothing)');

# --- AUTH, ACL user, unix socket, database number

my $aport = $t->port('redis_auth');
my $sock = $t->dir . '/redis.sock';
mkdir $t->dir . '/redis-auth';
$t->spawn('redis_auth', $t->dir . '/redis-auth.log', 'redis-server',
    '--port', $aport, '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no', '--dir', $t->dir . '/redis-auth',
    '--requirepass', 'hunter2', '--unixsocket', $sock,
    '--unixsocketperm', '700');
$t->wait_port('redis_auth', $aport);
system('redis-cli', '-p', $aport, '-a', 'hunter2', '--no-auth-warning',
       'ACL', 'SETUSER', 'staff', 'on', '>s3cret', '~phigate:*',
       '+@all') == 0 or die 'ACL SETUSER';

$r = ctl('-p', $aport, 'list', 'revoked');
is($r->{rc}, 3, 'no password: exit 3');
like($r->{err}, qr/NOAUTH|Authentication required/i,
     'no password: Redis says why');
$r = ctl('-p', $aport, '-a', 'wrong', 'list', 'revoked');
is($r->{rc}, 3, 'a wrong password: exit 3');
unlike($r->{err}, qr/wrong/, 'the password is never echoed');
is(ctl('-p', $aport, '-a', 'hunter2', 'revoke-credential', 'tok-a')->{rc}, 0,
   '-a password');
is(ctl({ env => { PHIGATE_REDIS_PASSWORD => 'hunter2' } }, '-p', $aport,
       'revoke-credential', 'tok-b')->{rc}, 0, 'PHIGATE_REDIS_PASSWORD');
is(ctl('-p', $aport, '--user', 'staff', '--pass', 's3cret',
       'revoke-credential', 'tok-c')->{rc}, 0, '--user/--pass (ACL)');
is(ctl('-p', $aport, '--user', 'staff', '--pass', 'nope', 'list',
       'revoked')->{rc}, 3, 'a wrong ACL password: exit 3');
$r = ctl('-s', $sock, '-a', 'hunter2', '-n', '3', 'revoke-credential',
         'tok-d');
is($r->{rc}, 0, 'unix socket and database 3');
is((cli($aport, '-a', 'hunter2', '--no-auth-warning', '-n', '3',
        'SISMEMBER', 'phigate:revoked', sha256_hex('tok-d')))[0], 1,
   'stored in database 3');
ok(!(cli($aport, '-a', 'hunter2', '--no-auth-warning', 'SISMEMBER',
         'phigate:revoked', sha256_hex('tok-d')))[0], '... not in database 0');
is(ctl('-s', $sock, '-a', 'hunter2', '-n', '3', 'list', 'revoked')->{out},
   sha256_hex('tok-d') . "\n", 'list reads the database given');
is(ctl('-p', $aport, '-a', 'hunter2', '-n', '99', 'list',
       'revoked')->{rc}, 3, 'a database that does not exist: exit 3');

# --- Redis not there

for my $cmd (['consent', 'grant', '--patient', 'P', '--platforms', 'x',
              '--kinds', 'NAME', '--days', '1'],
             ['consent', 'revoke', 'SomeToken1'],
             ['consent', 'show', 'SomeToken1'],
             ['approve', $post],
             ['revoke-credential', 'x'],
             ['list', 'consents'])
{
    $r = ctl('-p', $down, '--timeout', '500', @$cmd);
    is($r->{rc}, 3, "Redis down: @$cmd[0,1] exits 3");
    like($r->{err}, qr/cannot connect to Redis at 127\.0\.0\.1:$down/,
         "Redis down: @$cmd[0,1] says where");
    is($r->{out}, '', "Redis down: @$cmd[0,1] prints no result");
}
$r = ctl('-s', "$tmp/no.sock", 'list', 'revoked');
is($r->{rc}, 3, 'a missing unix socket: exit 3');
like($r->{err}, qr/no\.sock/, 'a missing unix socket: named');

$t->stop_one('redis_auth', 'TERM');
$t->done;
