#!/usr/bin/perl
#
# MEDIA findings: a photo or video published is recorded (a binary
# multipart part, a media body, a profile's media field such as
# Instagram's image_url, on graph.instagram.com and on graph.facebook.com
# alike, or a tweet's media_ids).  phigate_media record (default)
# forwards it and records it; phigate_media consent holds it to consent
# like a name: a consent whose kinds include MEDIA publishes it, one
# without does not.

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
    access_log %%DIR%%/access.log phigate;
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
        listen 127.0.0.1:%%PORT_consent%%;
        phigate_media consent;
        location / {
            %%TO_PLATFORM%%
        }
    }
}
EOF

sub redis_cli {
    return Phigate::Test::system_quiet('redis-cli', '-p', $t->port('redis'),
        @_);
}

my $jpeg = "\xff\xd8\xff\xe0\0\x10JFIF\0" . join('', map { chr } 0 .. 255);
my $upload = { method => 'POST', host => 'rupload.facebook.com',
    path => '/video-upload/v20.0/123', media => 'body#media',
    headers => [ 'Content-Type' => 'image/jpeg',
                 'Authorization' => 'OAuth fb-token' ],
    body => $jpeg };

# --- phigate_media record: forwarded byte for byte, recorded

my $audit = { decision => 'allow', reason => 'clean', findings => [] };
$t->expect_forwarded(fb_photo_multipart($CLEAN), 'photo with a caption',
    audit => $audit);
$t->expect_forwarded(mastodon_media($CLEAN), 'Mastodon image upload',
    audit => $audit);
$t->expect_forwarded(ig_media_qs($CLEAN), 'Instagram image_url',
    audit => $audit);

# Instagram with Facebook Login: the same containers to graph.facebook.com
# (a photo, a reel, a carousel of earlier containers)
my $ig_fb = sub {
    my ($media) = @_;
    return ig_media_qs($CLEAN, host => 'graph.facebook.com',
                       ($media ? (media => $media) : ()));
};
for my $m ([ image_url => 'https://cdn.example.org/fair.jpg' ],
           [ video_url => 'https://cdn.example.org/fair.mp4' ],
           [ children => '17895695668004550,17899305451014820' ])
{
    $t->expect_forwarded($ig_fb->($m),
        "Instagram $m->[0] through graph.facebook.com",
        audit => { %$audit, platform => 'facebook' });
}
my $tweet = x_tweet($CLEAN);
$tweet->{body} =~ s/\}$/,"media":{"media_ids":["1455952740635586573"]}}/;
$tweet->{media} = 'media.media_ids[]';
$t->expect_forwarded($tweet, 'a tweet with a photo',
    audit => { %$audit, platform => 'x' });
# an upload's megabytes are not hashed: its record has the length only
my ($r) = $t->expect_forwarded($upload, 'an image body');
my $ua = $t->audit_for($r->{request_id});
is($ua && "$ua->{decision} $ua->{reason} $ua->{platform}",
    'allow clean facebook', 'an image body: recorded as a clean upload');
is_deeply(Phigate::Test::norm_findings($ua && $ua->{findings}),
    ['MEDIA body#media 1'], 'an image body: one MEDIA finding');
is($ua && $ua->{body_length}, length $jpeg, 'an image body: its length');
my $l = $t->access_for($r->{request_id});
is($l && $l->{findings}, 'MEDIA:1', 'the access log counts the upload');
$t->expect_forwarded(x_tweet($CLEAN), 'a tweet without media',
    audit => $audit);

# a photo does not hide the PHI in its caption
$t->expect_blocked(fb_photo_multipart("Patient $CUE{SSN}"),
    [[ 'SSN', 'caption', 1 ]], 'SSN in a photo caption',
    audit => { reason => 'phi_detected' });

# --- phigate_media consent: held to consent like any identifier

my $now = int time;
is(redis_cli('HSET', 'phigate:consent:tok_media_0001', patient => 'ref-7',
    platforms => 'facebook,mastodon', kinds => 'NAME,MEDIA',
    expires => $now + 3600, revoked => 0, granted_by => 'privacy'), 0,
    'seed a consent covering MEDIA');
is(redis_cli('HSET', 'phigate:consent:tok_phone_0001', patient => 'ref-8',
    platforms => 'facebook', kinds => 'PHONE',
    expires => $now + 3600, revoked => 0, granted_by => 'privacy'), 0,
    'seed a consent covering PHONE only');

sub on_consent {
    my ($req, $token) = @_;
    my %r = (%$req, port => 'consent', headers => [ @{ $req->{headers} },
        (defined $token ? ('X-PHI-Consent' => $token) : ()) ]);
    return \%r;
}

$t->expect_blocked(on_consent(fb_photo_multipart($CLEAN)), [],
    'phigate_media consent: a photo without consent',
    audit => { reason => 'phi_detected' });

# the consent store is asked; wait until the worker is connected
my $req = on_consent(fb_photo_multipart($CLEAN), 'tok_media_0001');
my $deadline = time + 10;
while (time < $deadline) {
    my $probe = $t->http(%$req);
    last unless ($probe->{body} // '') =~ /consent_unavailable/;
    sleep 0.1;
}
$t->expect_forwarded($req, 'a photo with consent covering MEDIA',
    audit => { decision => 'allow', reason => 'consent', findings => [] });

$t->expect_blocked(on_consent(fb_photo_multipart($CLEAN), 'tok_phone_0001'),
    [], 'a photo with a consent that does not cover MEDIA',
    error => 'consent_kind', audit => {});

# an Instagram photo sent through graph.facebook.com is held the same way
$t->expect_blocked(on_consent($ig_fb->()), [],
    'phigate_media consent: an Instagram photo through graph.facebook.com',
    audit => { reason => 'phi_detected', platform => 'facebook' });
$t->expect_forwarded(on_consent($ig_fb->(), 'tok_media_0001'),
    'the same with consent covering MEDIA',
    audit => { decision => 'allow', reason => 'consent', findings => [] });
$t->expect_blocked(on_consent($tweet), [],
    'phigate_media consent: a tweet with a photo',
    audit => { reason => 'phi_detected', platform => 'x' });

# under record, MEDIA needs no consent: a PHONE consent publishes a photo
# story with the phone number
my $story = fb_photo_multipart("Thank you for your story! $CUE{PHONE}");
push @{ $story->{headers} }, 'X-PHI-Consent' => 'tok_phone_0001';
my $mark = $t->standin_mark;
$r = $t->http(%$story);
my @recs = $t->standin_since($mark);
$t->allow_phi_in_standin($_->{n}) for @recs;
is($r->{status}, 200, 'phigate_media record: PHONE consent publishes');
is(scalar @recs, 1, 'once');
is($recs[0] && $recs[0]{body}, $story->{body}, 'byte for byte');
my $a = $t->audit_for($r->{request_id});
is($a && $a->{reason}, 'consent', 'as consent');
is_deeply([ sort map { $_->{type} } @{ $a->{findings} || [] } ],
    [ 'MEDIA', 'PHONE' ], 'the audit names the photo and the number');

$t->done;
