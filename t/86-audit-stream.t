#!/usr/bin/perl
#
# phigate_audit_stream: every audit record also goes to a Redis stream
# (XADD on the primary), byte for byte, without a request ever waiting for
# it.  Redis stopped: requests flow as fast as before, the file has every
# record and the worker's backlog is delivered in order when Redis is
# back; a backlog too small for the outage leaves a gap entry that says
# how many records are missing and which; a worker that exits with a
# backlog says so in the error log.  MAXLEN trims; two workers; no PHI in
# the stream.  phigate_audit_text: a forwarded post's text in its record,
# exactly as the platform got it; never a blocked post's.
#
# Redis here keeps an append-only file, so that a restarted Redis still has
# the stream and the whole stream can be compared with the whole file.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use IO::Socket::INET;
use Test::More;
use Time::HiRes qw(time sleep);
use Phigate::Test qw(sha256_hex phi_forms);
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);

my $log = $t->dir . '/audit.log';

# not registered as PHI on purpose: these posts are published (consented,
# or monitor mode) and their text is meant to be archived
my $STORY_PHONE = '(508) 273-9146';
my $STORY = "Meet our patient! call $STORY_PHONE";
my $TOKEN = 'tok_text_0001';

# a server proxying to the stand-in with phigate on, and $extra
sub server {
    my ($port, $extra) = @_;
    return <<"EOF";
    server {
        listen 127.0.0.1:%%PORT_$port%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            $extra
            %%TO_PLATFORM%%
        }
    }
EOF
}

sub conf {
    my (%o) = @_;
    my $stream = $o{stream};
    my $servers = server('nginx', '')
        . server('text', 'phigate_audit_text on;')
        . server('monitor', 'phigate_mode monitor; phigate_audit_text on;');
    return <<"EOF";
%%TEST_GLOBALS%%
daemon off;
master_process on;
worker_processes $o{workers};
load_module %%MODULE%%;
events { worker_connections 128; }
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_audit_stream $stream;
    phigate_redis 127.0.0.1:%%PORT_redis%% connect_timeout=500ms;
    phigate_gateway_id gw-stream-1;
    phigate_redis_timeout 100ms;
    log_format pids '\$request_id \$pid';
    access_log %%DIR%%/pids.log pids;
    add_header X-Request-Id \$request_id always;
$servers
    server {
        listen 127.0.0.1:%%PORT_status%%;
        location = /metrics {
            phigate_status;
        }
    }
}
EOF
}

# Redis persisting to an append-only file, with small stream nodes so that
# "MAXLEN ~" trims within a test's few records
sub start_redis {
    my $p = $t->port('redis');
    $t->spawn('redis', $t->dir . '/redis.out',
        'redis-server', '--port', $p, '--bind', '127.0.0.1', '--save', '',
        '--appendonly', 'yes', '--appendfsync', 'always',
        '--stream-node-max-entries', '10',
        '--dir', $t->dir . '/redis', '--daemonize', 'no',
        '--logfile', $t->dir . '/redis.log');
    $t->wait_port('redis', $p);
}

sub stop_redis { $t->stop_one('redis', 'TERM') }


# ---------------------------------------------------------------------------
# a small RESP client: the stream's bytes exactly as Redis holds them

sub resp_read {
    my ($s) = @_;
    my $line = <$s>;
    die "redis: connection closed\n" unless defined $line;
    $line =~ s/\r\n\z//;
    my ($type, $rest) = (substr($line, 0, 1), substr($line, 1));
    return $rest if $type eq '+';
    return { error => $rest } if $type eq '-';
    return $rest + 0 if $type eq ':';
    if ($type eq '$') {
        return undef if $rest < 0;
        my $buf = '';
        while (length $buf < $rest + 2) {
            my $n = read($s, $buf, $rest + 2 - length $buf, length $buf);
            die "redis: short read\n" unless $n;
        }
        return substr($buf, 0, $rest);
    }
    if ($type eq '*') {
        return undef if $rest < 0;
        return [ map { resp_read($s) } 1 .. $rest ];
    }
    die "redis: unexpected reply '$type'\n";
}

sub redis {
    my (@args) = @_;
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
        PeerPort => $t->port('redis'), Proto => 'tcp', Timeout => 5)
        or return undef;
    binmode $s;
    my $r = eval {
        local $SIG{ALRM} = sub { die "redis: timeout\n" };
        alarm 5;
        print {$s} '*' . @args . "\r\n"
            . join('', map { '$' . length($_) . "\r\n$_\r\n" } @args);
        my $x = resp_read($s);
        alarm 0;
        $x;
    };
    alarm 0;
    close $s;
    return $r;
}

# [{ id, fields => [k, v, ...], f => {k => v} }, ...]
sub xrange {
    my ($stream) = @_;
    my $r = redis('XRANGE', $stream, '-', '+');
    return () unless ref $r eq 'ARRAY';
    return map { { id => $_->[0], fields => $_->[1], f => { @{ $_->[1] } } } }
        @$r;
}

sub xlen {
    my $n = redis('XLEN', $_[0]);
    return ref $n ? -1 : ($n // -1);
}

# bounded wait until the stream holds $want entries
sub wait_xlen {
    my ($stream, $want, $secs) = @_;
    my $deadline = time + ($secs // 15);
    my $n;
    while (time < $deadline) {
        $n = xlen($stream);
        return $n if $n >= $want;
        sleep 0.05;
    }
    return $n;
}

sub file_lines {
    return () unless -f $log;
    return split /\n/, Phigate::Test::read_file($log);
}

sub json { JSON::PP->new->decode($_[0]) }

sub metrics {
    my $r = $t->http(port => 'status', method => 'GET', path => '/metrics');
    my %m;
    for (split /\n/, $r->{body} // '') {
        $m{$1} = $2 if /^(phigate_\w+) (\S+)$/;
    }
    return \%m;
}

# request id => worker pid, from the access log
sub pids {
    my %p;
    my $f = $t->dir . '/pids.log';
    return {} unless -f $f;
    for (split /\n/, Phigate::Test::read_file($f)) {
        my ($rid, $pid) = split / /;
        $p{$rid} = $pid;
    }
    return \%p;
}

# the registered PHI in any form, in everything the stream holds
sub stream_phi {
    my (@streams) = @_;
    my $all = join "\n", map { join "\n", map { @{ $_->{fields} } } xrange($_) }
        @streams;
    my @found;
    for my $p (@{ $t->{phi} }) {
        push @found, $p->[0] if grep { index($all, $_) >= 0 }
            phi_forms($p->[1]);
    }
    return @found;
}

# one request, timed: (response, seconds)
sub timed {
    my ($req) = @_;
    my $t0 = time;
    my $r = $t->http(%$req);
    return ($r, time - $t0);
}

sub on_port {
    my ($req, $port) = @_;
    return { %$req, port => $port };
}

# the stream's records are the file's lines, in order, with their fields
sub same_as_file {
    my ($name, $stream, @lines) = @_;
    my @e = grep { exists $_->{f}{record} } xrange($stream);
    is(scalar @e, scalar @lines, "$name: as many stream entries as records");
    my $i = 0;
    for my $line (@lines) {
        my $e = $e[$i++] // { f => {} };
        if (($e->{f}{record} // '') ne $line) {
            fail("$name: entry $i is the file's line $i, byte for byte");
            return;
        }
        my $j = json($line);
        my $want = { gateway => 'gw-stream-1', request_id => $j->{request_id},
                     decision => $j->{decision}, record => $line };
        if (join(',', map { "$_=" . ($e->{f}{$_} // '') } sort keys %$want)
            ne join(',', map { "$_=$want->{$_}" } sort keys %$want)
            || @{ $e->{fields} } != 8)
        {
            fail("$name: entry $i has exactly gateway, request_id, "
                . 'decision, record from its record');
            return;
        }
    }
    pass("$name: every entry is the file's line, in order, with gateway, "
        . 'request_id and decision');
}


# ---------------------------------------------------------------------------
# configuration errors

# nginx -t on an http block; its output
sub nginx_t { return scalar $t->conf_test($_[0]) }

like(nginx_t('phigate_audit_log ' . $t->client_dir . '/a.log;'
        . 'phigate_audit_stream phigate:audit;'),
    qr/"phigate_audit_stream" needs "phigate_redis"/,
    'phigate_audit_stream without phigate_redis: refused');
like(nginx_t('phigate_redis 127.0.0.1:6379;'
        . 'phigate_audit_stream phigate:audit;'),
    qr/"phigate_audit_stream" needs "phigate_audit_log"/,
    'phigate_audit_stream without phigate_audit_log: refused');
like(nginx_t('phigate_redis 127.0.0.1:6379;'
        . 'phigate_audit_stream phigate:audit backlog=0;'),
    qr/invalid phigate_audit_stream parameter "backlog=0"/,
    'backlog=0: refused');


# ---------------------------------------------------------------------------
# one worker: the stream is the file, in order, through an outage

my $S1 = 'phigate:audit';
$t->write_conf(conf(workers => 1, stream => "$S1 backlog=1000"));
mkdir $t->dir . '/redis';
start_redis();
$t->start_standin;
$t->start_nginx;

# the worker connects by itself; the first record proves it
$t->http(%{ fb_feed_json($CLEAN) });
is(wait_xlen($S1, 1), 1, 'the first record reached the stream');

my @base;
my @mix = (fb_feed_json("$CLEAN 1"), fb_feed_json("Patient $CUE{SSN}"),
           x_tweet("$CLEAN 2"), fb_feed_form("Reach me $CUE{EMAIL}"),
           linkedin_post("$CLEAN 3"), ig_media_qs("Born $CUE{DOB}"));
for my $req (@mix) {
    my ($r, $secs) = timed($req);
    push @base, $secs;
}
is(wait_xlen($S1, 7), 7, 'seven records, seven entries');
same_as_file('Redis up', $S1, file_lines());

my @phi = stream_phi($S1);
ok(!@phi, 'no PHI in the stream') or diag("found: @phi");

# --- Redis stopped: requests do not wait for it
stop_redis();
my $n0 = () = file_lines();
my ($worst, $ok_clean, $ok_block) = (0, 0, 0);
for my $i (1 .. 4) {
    my $mark = $t->standin_mark;
    my ($r, $secs) = timed(fb_feed_json("$CLEAN outage $i"));
    $worst = $secs if $secs > $worst;
    $ok_clean++ if $r->{status} == 200 && $t->standin_since($mark) == 1;

    $mark = $t->standin_mark;
    ($r, $secs) = timed(x_tweet("Patient $CUE{SSN} $i"));
    $worst = $secs if $secs > $worst;
    my $a = $t->audit_for($r->{request_id}) // {};
    $ok_block++ if $r->{status} >= 400 && ($a->{decision} // '') eq 'block'
        && $t->standin_since($mark) == 0;
}
my ($base_worst) = sort { $b <=> $a } @base;
is($ok_clean, 4, 'Redis down: clean posts forwarded');
is($ok_block, 4, 'Redis down: posts with PHI blocked, nothing forwarded');
ok($worst < $base_worst + 0.25,
    'Redis down: no request waited (slowest '
    . sprintf('%.3fs, %.3fs with Redis up)', $worst, $base_worst));
is(scalar(() = file_lines()), $n0 + 8, 'Redis down: the file has every record');

# --- Redis back: the backlog goes out in order
start_redis();
is(wait_xlen($S1, $n0 + 8), $n0 + 8,
    'Redis back: the backlog was delivered');
same_as_file('after the outage', $S1, file_lines());

my $m = metrics();
is($m->{phigate_audit_stream_gaps_total}, 0, 'metrics: no gap');
is($m->{phigate_audit_stream_records_total} + 0, $n0 + 8,
    'metrics: stream records counted');
is($m->{phigate_audit_records_total} + 0, $n0 + 8,
    'metrics: as many as audit records');

# --- phigate_audit_text
{
    my $now = int time;
    is(ref redis('HSET', "phigate:consent:$TOKEN", patient => 'ref-7',
        granted_by => 'privacy-office', platforms => 'facebook',
        kinds => 'PHONE', expires => $now + 3600, revoked => 0), '',
        'seed a consent record');

    my $text_of = sub {
        my ($req, $port) = @_;
        my $r = $t->http(%{ on_port($req, $port) });
        my $a = $t->audit_for($r->{request_id}) // {};
        return ($r, $a);
    };

    my ($r, $a) = $text_of->(fb_feed_json($CLEAN), 'text');
    is($r->{status}, 200, 'audit_text: clean post forwarded');
    is_deeply($a->{text}, { message => $CLEAN },
        'audit_text: the post text in the record, ids and tokens not');

    ($r, $a) = $text_of->(ig_media_qs("$CLEAN \xc3\xa9t\xc3\xa9"), 'text');
    is_deeply($a->{text}, { caption => "$CLEAN \xc3\xa9t\xc3\xa9" },
        'audit_text: a caption in the query string, decoded');

    ($r, $a) = $text_of->(fb_photo_multipart("$CLEAN photo"), 'text');
    is_deeply($a->{text}, { caption => "$CLEAN photo" },
        'audit_text: multipart text part, no file name');

    ($r, $a) = $text_of->(fb_feed_json("Patient $CUE{SSN}"), 'text');
    is($a->{decision}, 'block', 'audit_text: PHI blocked');
    ok(!exists $a->{text}, 'audit_text: a blocked post has no text');

    ($r, $a) = $text_of->(fb_feed_json($STORY), 'monitor');
    is($a->{decision}, 'monitor', 'audit_text: monitor mode forwards');
    is_deeply($a->{text}, { message => $STORY },
        'audit_text: a monitored post published anyway: its text');

    ($r, $a) = $text_of->(fb_feed_json("$STORY [[consent:$TOKEN]]"), 'text');
    is($a->{reason}, 'consent', 'audit_text: consented post forwarded');
    is_deeply($a->{text}, { message => $STORY },
        'audit_text: the text as published, without the consent marker');

    ($r, $a) = $text_of->(fb_feed_json($CLEAN), 'nginx');
    is($r->{status}, 200, 'audit_text off: forwarded');
    ok(!exists $a->{text}, 'audit_text off: no text key');

    my $all = Phigate::Test::read_file($log);
    unlike($all, qr/\Q$TOKEN\E/, 'the consent token is nowhere in the file');
    my $n = () = file_lines();
    is(wait_xlen($S1, $n), $n, 'audit_text: records in the stream');
    same_as_file('with text', $S1, file_lines());
    my $s = join "\n", map { $_->{f}{record} // '' } xrange($S1);
    unlike($s, qr/\Q$TOKEN\E/, 'the consent token is not in the stream');
}

# --- a worker that exits with a backlog says what the stream misses
stop_redis();
my @left;
for my $i (1 .. 2) {
    push @left, $t->http(%{ fb_feed_json("$CLEAN left $i") })->{request_id};
}
$t->stop_one('nginx', 'QUIT', 'TERM');
like($t->error_log,
    qr/audit stream "phigate:audit": 2 record\(s\) not written to the stream at worker exit \(the audit log has them\), from request $left[0] at \S+ to request $left[1] at /,
    'worker exit: the backlog is a gap in the error log, by request id');


# ---------------------------------------------------------------------------
# a backlog too small for the outage: a gap entry, exactly

my $S2 = 'phigate:audit:small';
$t->write_conf(conf(workers => 1, stream => "$S2 maxlen=20 backlog=3"));
start_redis();
$t->start_nginx;
$t->http(%{ fb_feed_json($CLEAN) });
is(wait_xlen($S2, 1), 1, 'small backlog: connected');

stop_redis();
my @rids;
for my $i (1 .. 8) {
    my $req = $i % 2 ? fb_feed_json("$CLEAN gap $i")
                     : x_tweet("Patient $CUE{PHONE} $i");
    push @rids, $t->http(%$req)->{request_id};
}
my %rec = map { my $j = json($_); ($j->{request_id} => [$j, $_]) }
    file_lines();
ok((grep { $rec{$_} } @rids) == 8, 'small backlog: the file has all 8');

start_redis();
is(wait_xlen($S2, 5), 5, 'small backlog: gap and 3 records delivered');
my @e = xrange($S2);
my $gap = $e[1] && $e[1]{f};
ok($gap && !exists $gap->{record}, 'the gap entry comes first');
is_deeply([ map { $gap->{$_} } qw(gap gateway first_request_id last_request_id
    first_time last_time) ],
    [ 5, 'gw-stream-1', $rids[0], $rids[4], $rec{$rids[0]}[0]{time},
      $rec{$rids[4]}[0]{time} ],
    'the gap says 5 records, from the first to the fifth, with their times');
like($gap->{pid} // '', qr/^\d+$/, 'the gap names the worker');
is_deeply([ map { $_->{f}{record} } @e[2 .. 4] ],
    [ map { $rec{$_}[1] } @rids[5 .. 7] ],
    'then the 3 records kept, in order, byte for byte');
is(metrics()->{phigate_audit_stream_gaps_total}, 5, 'metrics: 5 in gaps');
like($t->error_log, qr/audit stream "phigate:audit:small": a gap of 5 record\(s\) written to the stream/,
    'the error log says a gap was written');

# --- MAXLEN ~ trims
for my $i (1 .. 40) {
    $t->http(%{ fb_feed_json("$CLEAN trim $i") });
}
my $total = 5 + 40;
my $deadline = time + 10;
sleep 0.05 while time < $deadline
    && metrics()->{phigate_audit_stream_records_total} < 1 + 3 + 40;
my $len = xlen($S2);
ok($len >= 20 && $len < 32,
    "maxlen=20: the stream is trimmed to about 20 ($len of $total)");
my @last = xrange($S2);
is($last[-1]{f}{record}, (file_lines())[-1],
    'maxlen: the newest record is kept');

# --- Redis refuses an XADD: that record is a gap, told after a pause
sub wait_metric {
    my ($name, $above) = @_;
    my $deadline = time + 5;
    sleep 0.05 while time < $deadline && metrics()->{$name} <= $above;
    return metrics()->{$name};
}

redis('DEL', $S2);
redis('SET', $S2, 'not a stream');
my $e0 = metrics()->{phigate_audit_stream_errors_total};
my $ra = $t->http(%{ fb_feed_json("$CLEAN refused") })->{request_id};
is(wait_metric('phigate_audit_stream_errors_total', $e0), $e0 + 1,
    'refused: counted as an error');
redis('DEL', $S2);
my $rb = $t->http(%{ fb_feed_json("$CLEAN after") })->{request_id};
is(wait_xlen($S2, 2), 2, 'refused: a gap entry, then the next record');
@e = xrange($S2);
is_deeply([ map { $e[0]{f}{$_} } qw(gap first_request_id last_request_id) ],
    [ 1, $ra, $ra ], 'refused: the gap names the refused record');
is($e[1]{f}{request_id}, $rb, 'refused: the next record follows it');
like($t->error_log, qr/audit stream "phigate:audit:small": XADD refused: WRONGTYPE Operation against a key holding the wrong kind of value\n/,
    'refused: the error is logged');

# --- the connection lost with XADDs in flight: they are sent again
redis('DEL', $S2);
$e0 = metrics()->{phigate_audit_stream_errors_total};
is(redis('CLIENT', 'PAUSE', 5000, 'WRITE'), 'OK', 'Redis holds writes');
my @held = map { $t->http(%{ fb_feed_json("$CLEAN held $_") })->{request_id} }
    1 .. 3;
sleep 0.2;
ok(redis('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes') >= 1,
    'the worker\'s connection is dropped with its XADDs in flight');
is(wait_metric('phigate_audit_stream_errors_total', $e0), $e0 + 3,
    'in flight when lost: 3 errors');
sleep 0.3;
is(redis('CLIENT', 'UNPAUSE'), 'OK', 'Redis takes writes again');
is(wait_xlen($S2, 3), 3, 'in flight when lost: the 3 records delivered');
is_deeply([ map { $_->{f}{request_id} } xrange($S2) ], \@held,
    'in flight when lost: each once, in order');

@phi = stream_phi($S1, $S2);
ok(!@phi, 'no PHI in the streams') or diag("found: @phi");
$t->stop_one('nginx', 'QUIT', 'TERM');


# ---------------------------------------------------------------------------
# two workers, at once, with an outage in the middle

my $S3 = 'phigate:audit:two';
$t->write_conf(conf(workers => 2, stream => $S3));
unlink $t->dir . '/pids.log';
my $first = () = file_lines();
$t->start_nginx;

# half clean, half with PHI, all at once
sub burst {
    my ($n, $tag) = @_;
    $t->concurrently($n, sub {
        my ($i) = @_;
        $t->http(%{ $i % 2 ? fb_feed_json("$CLEAN $tag $i")
                           : fb_feed_json("Patient $CUE{SSN} $tag $i") });
    });
}

burst(30, 'up');
is(wait_xlen($S3, 30), 30, 'two workers: 30 entries');
stop_redis();
burst(20, 'down');
start_redis();
is(wait_xlen($S3, 50), 50, 'two workers: 50 entries, through the outage');

my @lines = (file_lines())[$first .. $first + 49];
my @entries = xrange($S3);
is_deeply([ sort map { $_->{f}{record} } @entries ], [ sort @lines ],
    'two workers: the stream holds exactly the file\'s records');

# each worker's records are in the file's order
my $pid_of = pids();
my %pos;
@pos{ map { json($_)->{request_id} } @lines } = 0 .. $#lines;
my %by;
push @{ $by{ $pid_of->{$_->{f}{request_id}} // '?' } }, $pos{$_->{f}{request_id}}
    for @entries;
is(scalar(grep { $_ ne '?' } keys %by), 2, 'two workers wrote to the stream');
ok(!(grep { my @p = @{ $by{$_} }; grep { $p[$_] < $p[$_ - 1] } 1 .. $#p }
        keys %by), 'two workers: each worker\'s entries in the file\'s order');

# a reader puts them in the file's order by "prev" alone
my %next = map { (json($_->{f}{record})->{prev} => $_->{f}{record}) } @entries;
my @chain = ($lines[0]);
push @chain, $next{ sha256_hex($chain[-1]) }
    while @chain < 50 && defined $next{ sha256_hex($chain[-1]) };
is_deeply(\@chain, \@lines, 'two workers: "prev" orders the stream as the file');

$m = metrics();
is($m->{phigate_audit_stream_records_total} + $m->{phigate_audit_stream_gaps_total},
    $m->{phigate_audit_records_total}, 'metrics: every record accounted for');

@phi = stream_phi($S3);
ok(!@phi, 'two workers: no PHI in the stream') or diag("found: @phi");

$t->done;
