#!/usr/bin/perl
#
# Direct messages the compiled-in profiles recognise beyond a DM path: a
# Facebook Graph batch whose item goes to me/messages or <page-id>/messages
# (form-encoded, or multipart when a file is attached), a Bluesky chat
# message (chat.bsky.convo.sendMessage, through the PDS or at
# api.bsky.chat), and X v1.1 statuses/update with the SMS command
# "d user ..." / "dm user ..." / "m user ...".  phigate_dm block refuses
# each and nothing reaches the platform; the inspecting server forwards a
# clean one byte for byte and records it as a DM; consent never publishes
# one.  The same requests as posts (a batch to /feed, a Bluesky record, a
# status) are no DMs.  Bluesky's identifiers (DIDs, at:// URIs, CIDs) are
# not read as PHI.

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
$t->write_conf(<<'EOF')->run;
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
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
        listen 127.0.0.1:%%PORT_dmblock%%;
        %%SYNC_LOCATION%%
        location / {
            phigate_dm block;
            %%TO_PLATFORM%%
        }
    }
}
EOF

sub on_port {
    my ($req, $port) = @_;
    return { %$req, port => $port };
}

my $friend = 'hospitalfriend';
my @dms = (
    [ 'Graph batch item to me/messages', 'facebook',
      fb_batch_form([ 'me/messages', $CLEAN ]) ],
    [ 'Graph batch item to <page-id>/messages after a post', 'facebook',
      fb_batch_form([ '1789/feed', $CLEAN ], [ '1789/messages', $CLEAN ]) ],
    [ 'Graph batch item with a version and a query', 'facebook',
      fb_batch_form([ 'v19.0/1789/messages?access_token=tok', $CLEAN ]) ],
    [ 'Graph batch with a file, item to me/messages', 'facebook',
      fb_batch_multipart([ 'me/messages', $CLEAN ]) ],
    [ 'Bluesky chat message through the PDS', 'bluesky', bsky_dm($CLEAN) ],
    [ 'Bluesky chat message at api.bsky.chat', 'bluesky',
      bsky_dm($CLEAN, host => 'api.bsky.chat') ],
    [ 'X status "d user ..."', 'x', x_status_form("d $friend $CLEAN") ],
    [ 'X status "dm user ..."', 'x', x_status_form("dm $friend $CLEAN") ],
    [ 'X status "M @user ..."', 'x', x_status_form("M \@$friend $CLEAN") ],
);

my @posts = (
    [ 'Graph batch item to /feed', 'facebook',
      fb_batch_form([ '1789/feed', $CLEAN ]) ],
    [ 'Graph batch with a file, item to /feed', 'facebook',
      fb_batch_multipart([ '1789/feed', $CLEAN ]) ],
    [ 'Bluesky post', 'bluesky', bsky_post($CLEAN) ],
    [ 'X status', 'x', x_status_form($CLEAN) ],
    [ 'X status "D-Day ..."', 'x',
      x_status_form("D-Day remembrance walk at noon. $CLEAN") ],
);

# --- phigate_dm block: each DM refused, nothing at the platform

for my $c (@dms) {
    my ($name, $platform, $req) = @$c;
    if ($req->{media}) {
        # the upload is a finding (MEDIA) whatever else: the refusal lists it
        $t->expect_blocked(on_port($req, 'dmblock'), [], "dm block: $name",
            error => 'dm_blocked', audit => { platform => $platform, dm => 1 });
        next;
    }
    $t->expect_refused(on_port($req, 'dmblock'), 403, 'dm_blocked',
        "dm block: $name",
        audit => { platform => $platform, dm => 1, findings => [] });
}

for my $c (@posts) {
    my ($name, $platform, $req) = @$c;
    $t->expect_forwarded(on_port($req, 'dmblock'), "dm block: $name passes",
        audit => { decision => 'allow', reason => 'clean',
                   platform => $platform, dm => 0, findings => [] });
}

# --- the inspecting server: a clean DM forwarded untouched, recorded

for my $c (@dms) {
    my ($name, $platform, $req) = @$c;
    $t->expect_forwarded($req, "inspect: $name",
        audit => { decision => 'allow', reason => 'clean',
                   platform => $platform, dm => 1, findings => [] });
}

# PHI in a DM is found where the text is (the batch item's body, decoded
# twice; the chat message's text; the status)
$t->expect_blocked(fb_batch_form([ 'me/messages', "Patient $CUE{SSN}" ]),
    [[ 'SSN', 'batch[].body', 1 ]], 'SSN in a Graph batch DM',
    audit => { platform => 'facebook', dm => 1 });
$t->expect_blocked(fb_batch_multipart([ 'me/messages', "Patient $CUE{SSN}" ]),
    [[ 'SSN', 'batch[].body', 1 ]], 'SSN in a Graph batch DM with a file',
    audit => { platform => 'facebook', dm => 1 });
$t->expect_blocked(bsky_dm("Patient $CUE{SSN}"),
    [[ 'SSN', 'message.text', 1 ]], 'SSN in a Bluesky chat message',
    audit => { platform => 'bluesky', dm => 1 });
$t->expect_blocked(x_status_form("d $friend Patient $CUE{SSN}"),
    [[ 'SSN', 'status', 1 ]], 'SSN in an X "d user" status',
    audit => { platform => 'x', dm => 1 });

# --- consent publishes a post, never a DM

is(Phigate::Test::system_quiet('redis-cli', '-p', $t->port('redis'), 'HSET',
    'phigate:consent:tok_story_0001', patient => 'ref-9',
    platforms => 'facebook,bluesky,x', kinds => 'PHONE',
    expires => int(time) + 3600, revoked => 0, granted_by => 'privacy'), 0,
    'seed a consent covering PHONE on facebook, bluesky and x');

my $story = "Thank you for sharing your story! $CUE{PHONE}";

# the worker connects to Redis in the background: wait for a consented post
my $deadline = time + 10;
my $ready;
while (!$ready && time < $deadline) {
    my $mark = $t->standin_mark;
    my $r = $t->http(%{ with_consent(fb_feed_json($story), 'tok_story_0001') });
    $t->allow_phi_in_standin($_->{n}) for $t->standin_since($mark);
    $ready = $r->{status} == 200;
    sleep 0.1 unless $ready;
}
ok($ready, 'the worker reached Redis');

my @consented = (
    [ 'Graph batch', fb_batch_form([ '1789/feed', $story ]),
      fb_batch_form([ 'me/messages', $story ]) ],
    [ 'Bluesky', bsky_post($story), bsky_dm($story) ],
    [ 'X', x_status_form($story), x_status_form("d $friend $story") ],
);
for my $c (@consented) {
    my ($name, $post, $dm) = @$c;
    my $req = with_consent($post, 'tok_story_0001');
    my $mark = $t->standin_mark;
    my $r = $t->http(%$req);
    my @recs = $t->standin_since($mark);
    $t->allow_phi_in_standin($_->{n}) for @recs;
    is($r->{status}, 200, "$name post with consent: forwarded");
    is(scalar @recs, 1, "$name post with consent: once");
    is($recs[0] && $recs[0]{body}, $req->{body},
        "$name post with consent: byte for byte");
    is($t->audit_for($r->{request_id})->{reason}, 'consent',
        "$name post with consent: as consent");

    $t->expect_blocked(with_consent($dm, 'tok_story_0001'),
        [[ 'PHONE', $dm->{field}, 1 ]],
        "$name DM with the same consent", error => 'consent_dm',
        audit => { dm => 1 });
}

# --- Bluesky identifiers are not text; the same digits in the text are

my $ids = '"reply":{"root":{"uri":"at://did:web:508-332-4419.example/'
    . 'app.bsky.feed.post/3l5083324419","cid":"bafyreih5083324419"},'
    . '"parent":{"uri":"at://did:web:508-332-4419.example/app.bsky.feed.'
    . 'post/3l5083324419","cid":"bafyreih5083324419"}},"facets":[{"index":'
    . '{"byteStart":0,"byteEnd":4},"features":[{"$type":"app.bsky.richtext.'
    . 'facet#mention","did":"did:web:508-332-4419.example"}]}]';
$t->expect_forwarded(bsky_post($CLEAN, repo => 'did:web:508-332-4419.example',
    record => $ids), 'Bluesky reply: DIDs, at:// URIs and CIDs are no PHI',
    audit => { decision => 'allow', platform => 'bluesky', findings => [] });
$t->expect_blocked(bsky_post('Call 508-332-4419 for Ana', record => $ids),
    [[ 'PHONE', 'record.text', 1 ]], 'the same digits in the text');
# the generic profile reads every field: the DID is read as a number there
$t->expect_blocked(bsky_post($CLEAN, host => 'pds.example.org',
    path => '/xrpc/com.atproto.repo.createRecordLater',
    repo => 'did:web:508-332-4419.example'), [[ 'PHONE', 'repo', 1 ]],
    'a host and path no profile knows: generic', audit => {
    platform => 'generic' });

$t->done;
