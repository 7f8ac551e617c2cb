#!/usr/bin/perl
#
# phigate_platforms FILE: profiles are data.  A profile added in a file
# ("atproto", a self-hosted AT Protocol server; the compiled-in set has
# its own "bluesky") is recognised by host and by path, its identifier
# fields are not read as text, its DM paths, the paths of requests a batch
# carries (dm_path_fields) and DM fields, by value or by PCRE2 pattern,
# mark direct messages (phigate_dm block refuses them), and the answer's
# post id is read where it says.  A file replaces the compiled-in set.
# Bad files fail nginx -t naming the file, the profile and the key.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Phigate::Test;
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);

my $profiles = <<'EOF';
{
  "schema": 1,
  "sets": { "credentials": ["access_token", "oauth_*"] },
  "generic": { "skip": ["@credentials"] },
  "platforms": [
    {
      "name": "atproto",
      "hosts": ["bsky.social", ".bsky.network"],
      "paths": ["/xrpc/com.atproto.repo.createRecord"],
      "dm_paths": ["/xrpc/chat.bsky.*"],
      "dm_fields": { "record.$type": "chat.bsky.convo.message" },
      "skip": ["@credentials", "repo", "collection", "record.createdAt",
               "record.langs[]"],
      "post_id": ["uri"]
    },
    {
      "name": "x",
      "hosts": ["api.x.com"],
      "dm_paths": ["*/inbox"],
      "dm_path_fields": ["ops[].path"],
      "dm_fields": { "status": { "match": "^(?i)private\\s" } },
      "skip": ["@credentials"]
    }
  ]
}
EOF
Phigate::Test::write_file($t->dir . '/platforms.json', $profiles);

$t->write_conf(<<'EOF')->run;
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_platforms %%DIR%%/platforms.json;
    phigate_redis 127.0.0.1:%%PORT_redis%%;
    add_header X-Request-Id $request_id always;
    phigate on;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_status%%;
        location = /metrics { phigate_status; }
    }
    server {
        listen 127.0.0.1:%%PORT_dmblock%%;
        location / {
            phigate_dm block;
            %%TO_PLATFORM%%
        }
    }
}
EOF

# --- a profile from the file: recognised by host, suffix and path

my ($r) = $t->expect_forwarded(bsky_post($CLEAN), 'bluesky clean post');
my $a = $t->audit_for($r->{request_id});
is($a->{platform}, 'atproto', 'recognised by host from the file');

($r) = $t->expect_forwarded(
    bsky_post($CLEAN, host => 'pds.eu.bsky.network'), 'bluesky by suffix');
is($t->audit_for($r->{request_id})->{platform}, 'atproto',
    'a ".suffix" host names any host under it');

($r) = $t->expect_forwarded(
    bsky_post($CLEAN, host => 'pds.hospital.example'), 'self-hosted PDS');
is($t->audit_for($r->{request_id})->{platform}, 'atproto',
    'recognised by path on any host');

$r = $t->expect_blocked(bsky_post("Patient $CUE{SSN}"),
    [['SSN', 'record.text', 1]], 'bluesky SSN in the text');
is($t->audit_for($r->{request_id})->{platform}, 'atproto',
    'the block names the profile');

# identifier fields of the profile are not text: a DID whose digits look
# like a phone number is forwarded; the same digits in the text are not
my $did = 'did:plc:6174328817';
my $rec;
($r, $rec) = $t->expect_forwarded(bsky_post($CLEAN, repo => $did),
    'the repo field is an identifier');
$t->allow_phi_in_standin($rec->{n}) if $rec;    # the DID, as intended
$t->expect_blocked(bsky_post("Call 617 432 8817 for Ana"),
    [['PHONE', 'record.text', 1]], 'the same digits in the text');

# --- direct messages: by path and by a body field

$r = $t->http(%{ bsky_post($CLEAN,
    path => '/xrpc/chat.bsky.convo.sendMessage', port => 'dmblock') });
is($r->{status}, 403, 'DM by path refused under phigate_dm block');
like($r->{body}, qr/"dm_blocked"/, 'as dm_blocked');

$r = $t->http(%{ bsky_post($CLEAN, type => 'chat.bsky.convo.message',
    port => 'dmblock') });
is($r->{status}, 403, 'DM by body field refused under phigate_dm block');
($r) = $t->expect_forwarded(
    bsky_post($CLEAN, type => 'chat.bsky.convo.message'),
    'DM by body field inspected on the inspect server');
is($t->audit_for($r->{request_id})->{dm}, JSON::PP::true(),
    'recorded as a DM');

# --- the format's other DM rules: the path of a request a batch carries,
#     a field's value matching a pattern

my $ops = { %{ x_tweet($CLEAN) }, field => 'text',
    body => '{"ops":[{"path":"/u/7/feed"},{"path":"/u/7/Inbox?x=1"}],'
        . '"text":' . Phigate::Shapes::json_str($CLEAN) . '}' };
my $private = x_status_form("PRIVATE\t$CLEAN");
for my $c ([ 'a batch item to a DM path', $ops ],
           [ 'a field matching its DM pattern', $private ])
{
    my ($name, $req) = @$c;
    $t->expect_refused({ %$req, port => 'dmblock' }, 403, 'dm_blocked',
        "DM by $name refused under phigate_dm block",
        audit => { platform => 'x', dm => 1 });
    $t->expect_forwarded($req, "DM by $name inspected on the inspect server",
        audit => { decision => 'allow', platform => 'x', dm => 1,
                   findings => [] });
}
(my $feed = $ops->{body}) =~ s{/u/7/Inbox\?x=1}{/u/7/photos};
$t->expect_forwarded({ %$ops, body => $feed, port => 'dmblock' },
    'a batch of posts passes phigate_dm block', audit => { dm => 0 });
$t->expect_forwarded({ %{ x_status_form("Privately run $CLEAN") },
    port => 'dmblock' }, 'a status not matching the pattern passes',
    audit => { dm => 0 });

# --- the file replaces the compiled-in set

($r) = $t->expect_forwarded(fb_feed_json($CLEAN), 'facebook host');
is($t->audit_for($r->{request_id})->{platform}, 'generic',
    'a host the file does not name is generic');
my $x = x_tweet($CLEAN);
($r) = $t->expect_forwarded($x, 'x from the file');
is($t->audit_for($r->{request_id})->{platform}, 'x', 'x as the file says');

# --- phigate-ctl reads the same file: an approval of a Bluesky post hashes
#     the text fields the gateway reads, not the profile's identifiers

my $ctl = Phigate::Test::tool('phigate-ctl');
my $story = bsky_post("Our patient story, call $PHI{PHONE}");
Phigate::Test::write_file($t->client_dir . '/story.json', $story->{body});
my $cmd = "$ctl -p " . $t->port('redis') . ' --platforms-file ' . $t->dir
    . '/platforms.json approve ' . $t->client_dir . '/story.json '
    . '--content-type application/json --platform atproto --by privacy';
my $hash = `$cmd 2>&1`;
chomp $hash;
like($hash, qr/^[0-9a-f]{64}$/,
    'phigate-ctl approves for a profile of the file');
$cmd = "$ctl -p " . $t->port('redis') . ' approve ' . $t->client_dir
    . '/story.json --content-type application/json --platform atproto';
my $err = `$cmd 2>&1`;
is($? >> 8, 2, 'without the file atproto is an unknown platform');
like($err, qr/unknown platform "atproto"/, 'and says so');

# the same post from another repo: identifiers are not part of the hash
my $mark = $t->standin_mark;
$r = $t->http(%{ bsky_post("Our patient story, call $PHI{PHONE}",
    repo => 'did:plc:otheraccount') });
my @recs = $t->standin_since($mark);
$t->allow_phi_in_standin($_->{n}) for @recs;
is($r->{status}, 200, 'the approved post is forwarded');
is(scalar @recs, 1, 'once');
$a = $t->audit_for($r->{request_id});
is($a->{reason}, 'approved', 'as approved');
is($a->{approval}, $hash, 'naming the approval phigate-ctl made');

# --- the metrics name the file's platforms, and only those

my $page = $t->http(port => 'status', method => 'GET', path => '/metrics');
my %plat = $page->{body} =~ /^phigate_platform_requests_total\{platform="([a-z0-9_]+)"\} (\d+)$/mg;
is_deeply([ sort keys %plat ], [ qw(atproto generic x) ],
    'metrics list the profiles of the file');
cmp_ok($plat{atproto}, '>=', 8,
    'atproto requests counted under its name');

# --- bad files fail nginx -t with the file and what is wrong

sub nginx_t {
    my ($json, $directive) = @_;
    my $d = $t->client_dir;
    Phigate::Test::write_file("$d/p.json", $json) if defined $json;
    $directive //= "phigate_platforms $d/p.json;";
    return $t->conf_test($directive);
}

my ($rc, $out) = nginx_t($profiles);
is($rc, 0, 'nginx -t accepts the good file') or diag($out);

($rc, $out) = nginx_t('{"schema":1,"platforms":[{"name":"a",'
    . '"hosts":["a.example"],"skipp":["id"]}]}');
isnt($rc, 0, 'a misspelt key fails nginx -t');
like($out, qr{phigate_platforms "[^"]*/p\.json": platforms\[0\] \(a\): unknown key "skipp" in \S+\.conf:5},
    'the message names the file, the profile, the key and the conf line');

($rc, $out) = nginx_t('{"schema":1,"platforms":[{"name":"a",'
    . '"hosts":["a.example"],"skip":["*"]}]}');
isnt($rc, 0, 'a skip pattern matching every field fails nginx -t');
like($out, qr/skip\[0\]: not a valid pattern/, 'and says which');

($rc, $out) = nginx_t('{"schema":1,"platforms":[{"name":"a",'
    . '"hosts":["a.example"],"dm_fields":{"status":{"match":"^(d"}}}]}');
isnt($rc, 0, 'a DM pattern that does not compile fails nginx -t');
like($out, qr/platforms\[0\] \(a\): dm_fields\.status: bad pattern: missing closing parenthesis at offset 3 in \S+\.conf:5/,
    'with the profile, the field, PCRE2\'s message and the offset');

($rc, $out) = nginx_t('{"schema":1,"platforms":[{"name":"a",'
    . '"hosts":["a.example"],"dm_fields":{"status":{"regex":"^d"}}}]}');
isnt($rc, 0, 'an unknown key in a DM pattern fails nginx -t');
like($out, qr/platforms\[0\] \(a\): unknown key "regex"/, 'and names it');

($rc, $out) = nginx_t("{\"schema\":1,\n\"platforms\":[");
isnt($rc, 0, 'malformed JSON fails nginx -t');
like($out, qr/p\.json": line 2: /, 'with its line');

($rc, $out) = nginx_t(undef, 'phigate_platforms ' . $t->dir . '/none.json;');
isnt($rc, 0, 'a missing file fails nginx -t');
like($out, qr/none\.json" failed \(2: No such file/, 'naming the file');

($rc, $out) = nginx_t(undef, "phigate_platforms " . $t->dir
    . "/platforms.json;\n    phigate_platforms " . $t->dir
    . "/platforms.json;");
isnt($rc, 0, 'the directive twice fails nginx -t');

$t->done;
