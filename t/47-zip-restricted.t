#!/usr/bin/perl
#
# phigate_zip_restricted: Safe Harbor's restricted 3-digit ZIP prefixes.
# A prefix after a ZIP cue is a finding when it is on the list in force:
# the operator's file replaces the compiled-in HHS list (a prefix of the
# file is blocked, one of the HHS list passes byte for byte); a reload
# without the directive brings the HHS list back; "off" restricts
# nothing; a bad file, a second directive or one outside http fails
# nginx -t with file:line.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Phigate::Test;
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);

my $dir = $t->dir;
Phigate::Test::write_file("$dir/zip3.txt",
    "# restricted prefixes, 2020 Census\n336, 059\n");

my $CONF = <<'EOF';
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    add_header X-Request-Id $request_id always;
    %%ZIP%%
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

sub conf_with {
    my ($zip) = @_;
    (my $c = $CONF) =~ s/%%ZIP%%/$zip/;
    return $c;
}

my $ours = 'Our home dialysis team now covers ZIP 336xx on Tuesdays.';
my $hhs = 'Our home dialysis team now covers ZIP 036xx on Tuesdays.';
my $whole = 'Our home dialysis team now covers ZIP codes 33602 and 03603.';

# --- the operator's list replaces the HHS one

$t->write_conf(conf_with("phigate_zip_restricted $dir/zip3.txt;"))->run;

$t->expect_blocked(x_tweet($ours), [[ 'ZIP', 'text', 1 ]],
    'own list: its prefix is blocked', audit => {});
$t->expect_blocked(x_tweet('ZIP3 059-XX only'), [[ 'ZIP', 'text', 1 ]],
    'own list: second entry, masked with a dash', audit => {});
$t->expect_forwarded(x_tweet($hhs), 'own list: an HHS-only prefix passes',
    audit => { decision => 'allow', reason => 'clean', findings => [] });
$t->expect_forwarded(x_tweet($whole),
    'own list: whole ZIP codes without an address pass',
    audit => { decision => 'allow', reason => 'clean', findings => [] });

# --- a reload without the directive: the HHS list again

$t->write_conf(conf_with(''));
ok($t->reload, 'reload without phigate_zip_restricted');
$t->expect_blocked(x_tweet($hhs), [[ 'ZIP', 'text', 1 ]],
    'default: an HHS prefix is blocked', audit => {});
$t->expect_forwarded(x_tweet($ours), 'default: another prefix passes',
    audit => { decision => 'allow', reason => 'clean', findings => [] });

# --- off: no prefix is restricted

$t->write_conf(conf_with('phigate_zip_restricted off;'));
ok($t->reload, 'reload with phigate_zip_restricted off');
$t->expect_forwarded(x_tweet($hhs), 'off: an HHS prefix passes',
    audit => { decision => 'allow', reason => 'clean', findings => [] });
$t->expect_blocked(x_tweet("$hhs Or call $CUE{PHONE} for Mrs. Doe"),
    [[ 'NAME', 'text', 1 ], [ 'PHONE', 'text', 1 ]],
    'off: the rest of detection still runs',
    audit => {});

# --- nginx -t

my $client = $t->client_dir;
my ($st, $out, $conf);

Phigate::Test::write_file("$client/bad.txt", "# ours\n336,\n  3360 059\n");
($st, $out, $conf) = $t->conf_test("phigate_zip_restricted $client/bad.txt;");
is($st, 1, 'nginx -t: a bad entry: exit status 1');
like($out, qr{\[emerg\] phigate_zip_restricted: \Q$client/bad.txt:3: \E(?#
        )not a 3-digit ZIP prefix}, 'nginx -t: the message names file:line')
    or diag($out);
like($out, qr{ in \Q$conf\E:5$}m, 'nginx -t: and the conf line')
    or diag($out);

($st, $out) = $t->conf_test("phigate_zip_restricted $client/none.txt;");
is($st, 1, 'nginx -t: a missing file: exit status 1');
like($out, qr/none\.txt" failed \(2: No such file/, 'naming the file');

($st, $out) = $t->conf_test("phigate_zip_restricted off;\n"
    . "phigate_zip_restricted default;");
like($out, qr/"phigate_zip_restricted" directive is duplicate/,
    'nginx -t: one phigate_zip_restricted');

($st, $out) = $t->conf_test("server { phigate_zip_restricted off; }");
like($out, qr/"phigate_zip_restricted" directive is not allowed here/,
    'nginx -t: http level only (one list per process)');

# the shipped example loads and is the compiled-in list
my $example = "$FindBin::Bin/../conf/zip3-restricted.example";
($st, $out) = $t->conf_test("phigate_zip_restricted $example;");
is($st, 0, 'nginx -t: conf/zip3-restricted.example loads') or diag($out);
my $zip_h = Phigate::Test::read_file("$FindBin::Bin/../src/pg_detect_zip.h");
my ($default) = $zip_h =~ /PG_ZIP_RESTRICTED_DEFAULT\s+\\\s+"([0-9,]+)"/;
(my $listed = Phigate::Test::read_file($example)) =~ s/#.*//g;
is(join(',', $listed =~ /\b(\d{3})\b/g), $default // 'none',
    'the example lists the compiled-in prefixes, in order');

$t->done;
