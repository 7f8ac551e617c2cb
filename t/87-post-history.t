#!/usr/bin/perl
#
# Post history: the audit record of a forwarded post carries what the
# platform answered (status) and the id of the object it created, read
# from each platform's own answer shape (X's data.id, Graph's post_id,
# LinkedIn's x-restli-id header), compressed or not; who posted
# (phigate_identity, the credential's hash) and never the post's text.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Phigate::Test qw(sha256_hex);
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);
$t->write_conf(<<'EOF');
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    add_header X-Request-Id $request_id always;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_identity $http_x_sso_user;
            %%TO_PLATFORM%%
        }
    }
}
EOF

# the stand-in in its platform-shaped mode
$t->start_redis;
$t->spawn('standin', $t->dir . '/standin.log', $^X,
    "$FindBin::Bin/lib/standin.pl", '--port', $t->port('upstream'),
    '--dir', $t->dir . '/standin', '--shapes');
$t->wait_port('standin', $t->port('upstream'));
$t->start_nginx;

sub post {
    my ($req, @extra) = @_;
    push @{ $req->{headers} }, @extra;
    my $r = $t->http(%$req);
    return ($r, $t->audit_for($r->{request_id}) // {});
}

my ($r, $a) = post(x_tweet($CLEAN), 'X-SSO-User' => 'jdoe@hospital.org');
is($r->{status}, 201, 'X: the client got the platform\'s 201');
is($a->{upstream_status}, 201, 'X: audit upstream_status 201');
like($a->{post_id} // '', qr/^18\d{17}$/, 'X: audit post_id from data.id');
is($a->{identity}, 'jdoe@hospital.org', 'X: audit identity from phigate_identity');
is($a->{credential}, sha256_hex('AAAA-test-token'),
    'X: audit credential is the bearer token\'s hash');
unlike(Phigate::Test::read_file($t->dir . '/audit.log'), qr/echoed text/,
    'the answer\'s text is not kept');

($r, $a) = post(x_tweet($CLEAN), 'Accept-Encoding' => 'gzip');
like($a->{post_id} // '', qr/^18\d{17}$/,
    'X, gzip-compressed answer: post_id still read');

($r, $a) = post(fb_feed_json($CLEAN));
like($a->{post_id} // '', qr/^123_\d+$/, 'Facebook: post_id');
is($a->{credential}, sha256_hex('tok'),
    'Facebook: audit credential is the access_token\'s hash');

($r, $a) = post(linkedin_post($CLEAN));
like($a->{post_id} // '', qr/^urn:li:share:70000\d+$/,
    'LinkedIn: post_id from the x-restli-id header');

($r, $a) = post(mastodon_status($CLEAN));
like($a->{post_id} // '', qr/^\d+$/, 'Mastodon: post_id from id');

# a blocked post has no platform answer
($r, $a) = post(x_tweet("Patient $CUE{SSN}"));
is($r->{status}, 403, 'blocked post: 403');
ok(!exists $a->{upstream_status}, 'blocked post: no upstream_status');
is($a->{decision}, 'block', 'blocked post: audit decision block');

$t->done;
