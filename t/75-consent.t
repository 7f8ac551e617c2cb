#!/usr/bin/perl
#
# Consent in Redis, asked asynchronously by the worker: every outcome of a
# consent token presented in the X-PHI-Consent header, clean posts that
# need no round trip, Redis slowed (DEBUG SLEEP: the waiting request times
# out cleanly while others flow), Redis stopped (phigate_redis_fail closed
# and open) and the reconnect when it comes back, and phigate_dm block.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use POSIX ();
use Test::More;
use Time::HiRes qw(time sleep);
use Phigate::Test qw(sha256_hex);
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);
$t->write_conf(<<'EOF');
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_redis 127.0.0.1:%%PORT_redis%% connect_timeout=500ms;
    access_log %%DIR%%/access.log phigate;
    add_header X-Request-Id $request_id always;
    phigate on;
    phigate_redis_timeout 100ms;
    phigate_revocation_cache 300ms;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_open%%;
        %%SYNC_LOCATION%%
        location / {
            phigate_redis_fail open;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_dmblock%%;
        %%SYNC_LOCATION%%
        location / {
            phigate_dm block;
            %%TO_PLATFORM%%
        }
    }
}
EOF

# our own redis: DEBUG SLEEP must be enabled (Redis 7 refuses it otherwise)
sub start_redis {
    my $p = $t->port('redis');
    mkdir $t->dir . '/redis';
    $t->spawn('redis', $t->dir . '/redis.out',
        'redis-server', '--port', $p, '--bind', '127.0.0.1', '--save', '',
        '--appendonly', 'no', '--dir', $t->dir . '/redis',
        '--enable-debug-command', 'yes');
    $t->wait_port('redis', $p);
}

sub redis_cli {
    return Phigate::Test::system_quiet('redis-cli', '-p', $t->port('redis'),
        @_);
}

sub redis_out {
    my $p = $t->port('redis');
    return scalar `redis-cli -p $p @_ 2>/dev/null`;
}

sub seed {
    my (%consent) = @_;
    for my $tok (sort keys %consent) {
        is(redis_cli('HSET', "phigate:consent:$tok", patient => 'ref-42',
            granted_by => 'privacy-office', @{ $consent{$tok} }), 0,
            "seed consent record $tok");
    }
}

sub fb_post {
    my ($text, %o) = @_;
    my $req = fb_feed_json($text);
    push @{ $req->{headers} }, 'X-PHI-Consent' => $o{token}
        if defined $o{token};
    $req->{port} = $o{port} if $o{port};
    return $req;
}

# One request: what the client got, what reached the platform, the audit.
# published => 1: a consented (or fail-open) post, which the platform is
# meant to receive; the leak scan then spares that stand-in record only.
sub outcome {
    my ($req, %o) = @_;
    my $mark = $t->standin_mark;
    my $r = $t->http(%$req);
    my @recs = $t->standin_since($mark);
    if ($o{published}) {
        $t->allow_phi_in_standin($_->{n}) for @recs;
    }
    my $a = $t->audit_for($r->{request_id}) // {};
    my $j = eval { JSON::PP->new->decode($r->{body}) } // {};
    return { status => $r->{status}, error => $j->{error},
             forwarded => scalar(@recs), audit => $a, rec => $recs[0] };
}

my $story = "Thank you for sharing your story! $CUE{PHONE}";

# bounded wait until a consented post goes through (connect, reconnect)
sub wait_ready {
    my $deadline = time + 10;
    while (time < $deadline) {
        return 1 if outcome(fb_post($story, token => 'tok_valid_0001'),
            published => 1)->{status} == 200;
        sleep 0.1;
    }
    return 0;
}

start_redis();
$t->start_standin;
$t->start_nginx;

my $now = int time;
my %consent = (
    tok_valid_0001   => [ platforms => 'facebook,instagram',
                          kinds => 'NAME,PHONE,SSN', expires => $now + 3600,
                          revoked => 0 ],
    tok_expired_001  => [ platforms => 'facebook', kinds => 'PHONE',
                          expires => $now - 60, revoked => 0 ],
    tok_revoked_001  => [ platforms => '*', kinds => 'PHONE',
                          expires => $now + 3600, revoked => 1 ],
);
seed(%consent);

ok(wait_ready(), 'the worker reached Redis');

# --- without a token: PHI is PHI
my $o = outcome(fb_post($story));
is($o->{status}, 403, 'no token: blocked');
is($o->{error}, 'phi_detected', 'no token: phi_detected');
is($o->{forwarded}, 0, 'no token: nothing reached the platform');

# --- a valid token covering the post's kinds on this platform
my $req = fb_post($story, token => 'tok_valid_0001');
$o = outcome($req, published => 1);
is($o->{status}, 200, 'valid consent: forwarded');
is($o->{forwarded}, 1, 'valid consent: reached the platform once');
is($o->{rec} && $o->{rec}{body}, $req->{body},
    'valid consent: the body reached the platform byte for byte');
is($o->{audit}{decision}, 'allow', 'valid consent: audit decision allow');
is($o->{audit}{reason}, 'consent', 'valid consent: audit reason consent');
is_deeply([ map { $_->{type} } @{ $o->{audit}{findings} || [] } ],
    ['PHONE'], 'valid consent: audit still names the finding');

# --- each refusal has its own reason
my @cases = (
    [ 'expired', fb_post($story, token => 'tok_expired_001'),
      'consent_expired' ],
    [ 'revoked', fb_post($story, token => 'tok_revoked_001'),
      'consent_revoked' ],
    [ 'unknown token', fb_post($story, token => 'tok_nosuch_0001'),
      'consent_missing' ],
    [ 'garbled header', fb_post($story, token => 'not a token!'),
      'consent_invalid' ],
    [ 'kind never coverable',
      fb_post("Thank you! $CUE{SSN}", token => 'tok_valid_0001'),
      'consent_kind' ],
);
{
    my $x = x_tweet($story);
    push @{ $x->{headers} }, 'X-PHI-Consent' => 'tok_valid_0001';
    push @cases, [ 'other platform', $x, 'consent_platform' ];
    my $dm = fb_messenger_form($story);
    push @{ $dm->{headers} }, 'X-PHI-Consent' => 'tok_valid_0001';
    push @cases, [ 'direct message', $dm, 'consent_dm' ];
}
for my $c (@cases) {
    my ($name, $rq, $reason) = @$c;
    $o = outcome($rq);
    is($o->{status}, 403, "$name: blocked");
    is($o->{error}, $reason, "$name: error $reason");
    is($o->{forwarded}, 0, "$name: nothing reached the platform");
    is($o->{audit}{reason}, $reason, "$name: audit reason $reason");
    is($o->{audit}{decision}, 'block', "$name: audit decision block");
}

# --- clean posts cost no round trip
my ($before) = redis_out('INFO commandstats') =~ /cmdstat_hgetall:calls=(\d+)/;
for (1 .. 3) {
    $o = outcome(fb_post($CLEAN, token => 'tok_valid_0001'));
    is($o->{status}, 200, "clean post $_: forwarded");
}
my ($after) = redis_out('INFO commandstats') =~ /cmdstat_hgetall:calls=(\d+)/;
ok(defined $before && defined $after && $after == $before,
    'clean posts asked Redis nothing');

# --- inline markers: the token is read from the post, and the post is
#     forwarded without it, still valid for its content type
my $marked = "Meet our patient! $CUE{PHONE} [[consent:tok_valid_0001]]";
my $unmarked = "Meet our patient! $CUE{PHONE}";
for my $shape ([ 'JSON', \&fb_feed_json ], [ 'form', \&fb_feed_form ],
               [ 'multipart', \&fb_photo_multipart ],
               [ 'query string', \&ig_media_qs ])
{
    my ($name, $make) = @$shape;
    my $want = $make->($unmarked);
    $o = outcome($make->($marked), published => 1);
    is($o->{status}, 200, "marker in $name: forwarded");
    is($o->{audit}{reason}, 'consent', "marker in $name: audit consent");
    is($o->{rec} && $o->{rec}{body}, $want->{body} // '',
        "marker in $name: the platform got the post without the marker");
    is($o->{rec} && $o->{rec}{uri}, $want->{path},
        "marker in $name: the query reached the platform as it should");
    my %h = map { lc $_->[0] => $_->[1] } @{ $o->{rec} ? $o->{rec}{headers}
                                                       : [] };
    is($h{'content-length'} // 0, length($want->{body} // ''),
        "marker in $name: Content-Length fits the new body");
}
$o = outcome(fb_feed_json("$unmarked [[consent:tok_valid_0001]] "
    . '[[consent:tok_expired_001]]'));
is($o->{error}, 'consent_invalid', 'two different markers: consent_invalid');

# --- approvals: compliance approves one exact post, on one platform
my $ctl = Phigate::Test::tool('phigate-ctl');
{
    my $post = fb_feed_json("Our patient story: $CUE{PHONE}");
    Phigate::Test::write_file($t->client_dir . '/post.json', $post->{body});
    my $hash = `$ctl -p ${\ $t->port('redis')} approve ${\ $t->client_dir}/post.json --content-type application/json --platform facebook --by privacy-office --days 1`;
    chomp $hash;
    like($hash, qr/^[0-9a-f]{64}$/, 'phigate-ctl approve prints the hash');
    $o = outcome($post, published => 1);
    is($o->{status}, 200, 'approved post: forwarded');
    is($o->{audit}{reason}, 'approved', 'approved post: audit approved');
    is($o->{audit}{approval}, $hash, 'approved post: audit names the approval');
    $o = outcome(fb_feed_json("Our patient story: $CUE{PHONE}!"));
    is($o->{status}, 403, 'a changed post is not approved');
    my $x = x_tweet("Our patient story: $CUE{PHONE}");
    $o = outcome($x);
    is($o->{status}, 403, 'an approval for facebook is none on x');
    is($o->{forwarded}, 0, 'not approved: nothing forwarded');
}

# --- credential revocation: refused whatever the request carries, within
#     the cache period, without a round trip per request
{
    my $bearer = 'AAAA-revocable-credential';
    my $tweet = sub {
        my $x = x_tweet($CLEAN);
        $x->{headers} = [ grep { !/^(?:Authorization|Bearer AAAA-test-token)$/ }
            @{ $x->{headers} } ];
        push @{ $x->{headers} }, 'Authorization' => "Bearer $bearer";
        return $x;
    };
    my ($s0) = redis_out('INFO commandstats') =~ /cmdstat_sismember:calls=(\d+)/;
    $s0 //= 0;
    for (1 .. 5) {
        is(outcome($tweet->())->{status}, 200, "credential in use $_: ok");
    }
    my ($s1) = redis_out('INFO commandstats') =~ /cmdstat_sismember:calls=(\d+)/;
    ok(defined $s1 && $s1 - $s0 <= 2,
        'the credential was asked about once, not per request');
    is(redis_cli('SADD', 'phigate:revoked', sha256_hex($bearer)), 0,
        'revoke the credential');
    my $blocked;
    for (1 .. 50) {
        $o = outcome($tweet->());
        last if $blocked = ($o->{status} == 403);
        sleep 0.05;
    }
    ok($blocked, 'a revoked credential is refused within the cache period');
    is($o->{error}, 'credential_revoked', 'error credential_revoked');
    is($o->{forwarded}, 0, 'revoked: nothing forwarded');
    is(redis_cli('SREM', 'phigate:revoked', sha256_hex($bearer)), 0,
        'reinstate the credential');
}

# --- Redis slowed: the waiting request times out, others keep flowing
my $pid = fork;
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    open STDOUT, '>', '/dev/null';
    exec 'redis-cli', '-p', $t->port('redis'), 'DEBUG', 'SLEEP', '2'
        or POSIX::_exit(127);
}
sleep 0.3;
$o = outcome(fb_post($story, token => 'tok_valid_0001'));
is($o->{status}, 503, 'Redis slowed: the waiting request gets 503');
is($o->{error}, 'consent_unavailable', 'Redis slowed: consent_unavailable');
is($o->{forwarded}, 0, 'Redis slowed: nothing reached the platform');
$o = outcome(fb_post($CLEAN));
is($o->{status}, 200, 'Redis slowed: a clean post still flows');
waitpid $pid, 0;

# the late reply to the timed-out request is dropped; the next one works
$o = outcome(fb_post($story, token => 'tok_valid_0001'), published => 1);
is($o->{status}, 200, 'after the sleep: consent works again');

# --- Redis stopped
$t->stop_one('redis', 'TERM');

$o = outcome(fb_post($story, token => 'tok_valid_0001'));
is($o->{status}, 503, 'Redis down, fail closed: 503');
is($o->{error}, 'consent_unavailable',
    'Redis down, fail closed: consent_unavailable');
is($o->{forwarded}, 0, 'Redis down, fail closed: nothing forwarded');
is($o->{audit}{decision}, 'block', 'Redis down, fail closed: audit block');

$o = outcome(fb_post($story, token => 'tok_valid_0001', port => 'open'),
    published => 1);
is($o->{status}, 200, 'Redis down, fail open: forwarded');
is($o->{audit}{decision}, 'monitor', 'Redis down, fail open: audit monitor');
is($o->{audit}{reason}, 'consent_unavailable',
    'Redis down, fail open: audit reason consent_unavailable');

$o = outcome(fb_post($CLEAN));
is($o->{status}, 200, 'Redis down: clean posts need no Redis');

# --- Redis back: the worker reconnects by itself (backoff is bounded)
start_redis();
seed(%consent);
ok(wait_ready(), 'Redis back: consent works again after reconnecting');

# --- phigate_dm block refuses any direct message
$o = outcome({ %{ fb_messenger_form($CLEAN) }, port => 'dmblock' });
is($o->{status}, 403, 'phigate_dm block: a clean DM is refused');
is($o->{audit}{reason}, 'dm_blocked', 'phigate_dm block: reason dm_blocked');
is($o->{forwarded}, 0, 'phigate_dm block: nothing forwarded');
$o = outcome({ %{ fb_feed_json($CLEAN) }, port => 'dmblock' });
is($o->{status}, 200, 'phigate_dm block: a clean post passes');

$t->done;
