#!/usr/bin/perl
#
# phigate_allowlist and phigate_rules: the hospital's own number, in any
# format, passes byte for byte while another number in the same post is
# blocked; an allowed staff name does not hide a patient's name; each
# kind's other writings (a staff name surname first, in capitals, with
# an initial or an accent; the address with the state written out, a
# suite and a ZIP+4; a number with an extension; a mailbox in capitals or
# spelled out; a link with tracking parameters, in capitals) pass, and
# each near miss (a patient with the staff member's given name, an
# apartment at the address, another ZIP code or number, mailbox, page
# on the hospital's host) is blocked; the
# shipped rules (conf/rules/) block a hospital MRN format and a claims
# phrase written with evasions, and record a "log" rule's finding while
# forwarding the post; a pattern over its budget fails closed; the audit
# record counts what the allow-list dropped; both directives inherit and
# are overridden per location; bad files fail nginx -t naming file:line.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Phigate::Test;
use Phigate::Shapes;

my $CONF = "$FindBin::Bin/../conf";

my $t = Phigate::Test->new;
register_phi($t);
my $patient = $t->phi('patient name', 'Ana Ruiz Lopez');
my $mrn = $t->phi('hospital MRN', 'EGH4821337');
my $apt = $t->phi('patient apartment', '55 Fruit Street, Apt 4');
my $zip = $t->phi('patient ZIP code', 'Boston, MA 02115');
my $phone = $t->phi('patient phone', '617-555-0142');
my $mail = $t->phi('patient mailbox', 'ana.ruiz2@example-hospital.org');
my $chart = $t->phi('patient chart link', 'patients/48213/summary');
my $story = $t->phi('patient story id', 'stories?id=48213');

my $dir = $t->dir;

Phigate::Test::write_file("$dir/allow.txt", <<'EOF');
# the hospital's own
phone:   (617) 555-0100
phone:   1-800-356-9377
name:    Dr. Ana Ruiz
address: 55 Fruit Street, Boston, MA 02114
press@example-hospital.org
email:   ana.ruiz@example-hospital.org
url:     https://www.example-hospital.org/people/*
url:     https://www.example-hospital.org/patients/stories
EOF
Phigate::Test::write_file("$dir/allow-other.txt", "phone: 617-555-0199\n");

# one file per context: the shipped examples together
Phigate::Test::write_file("$dir/all.rules",
    join "\n", map { Phigate::Test::read_file("$CONF/rules/$_") }
        qw(claims.rules hospital-mrn.rules));

Phigate::Test::write_file("$dir/slow.rules",
    "[slow]\ntype = CUSTOM\nseverity = block\nregex = (a+)+\$\n");

$t->write_conf(<<'EOF')->run;
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    access_log %%DIR%%/access.log phigate;
    add_header X-Request-Id $request_id always;
    phigate_allowlist %%DIR%%/allow.txt;
    phigate_rules %%DIR%%/all.rules;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_override%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_allowlist %%DIR%%/allow-other.txt;
            phigate_rules off;
            %%TO_PLATFORM%%
        }
        location /v24.0/ {
            phigate on;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_slow%%;
        %%SYNC_LOCATION%%
        phigate_rules %%DIR%%/slow.rules;
        location / {
            phigate on;
            %%TO_PLATFORM%%
        }
    }
}
EOF

sub allowed_of {
    my ($r) = @_;
    my $a = $t->audit_for($r->{request_id}) // {};
    return $a->{allowed};
}

# --- the allow-list

my $fullwidth = "\x{ff16}\x{ff11}\x{ff17} \x{ff15}\x{ff15}\x{ff15} "
    . "\x{ff10}\x{ff11}\x{ff10}\x{ff10}";
utf8::encode($fullwidth);

my ($r) = $t->expect_forwarded(x_tweet('Dial (617) 555-0100, '
        . "617.555.0100, +1 617 555 0100 or $fullwidth"),
    'hospital number in four formats',
    audit => { decision => 'allow', reason => 'clean', findings => [] });
is_deeply(allowed_of($r), { PHONE => 4 }, 'audit: allowed PHONE 4');

$r = $t->expect_blocked(x_tweet('Call us at (617) 555-0100 or 617.555.0100, '
        . "or $CUE{PHONE} for Mrs. Doe"), [[ 'PHONE', 'text', 1 ]],
    'another number beside the hospital one',
    audit => { platform => 'x' });
is_deeply(allowed_of($r), { PHONE => 2 }, 'audit: allowed PHONE 2');

($r) = $t->expect_forwarded(x_tweet('Patient: Ana Ruiz will answer your '
        . 'questions at 55 Fruit St., Boston, MA 02114'),
    'allowed staff name and address',
    audit => { decision => 'allow', reason => 'clean', findings => [] });
is_deeply(allowed_of($r), { NAME => 1, ADDRESS => 1, ZIP => 1 },
    'audit: allowed NAME, ADDRESS and ZIP');

$r = $t->expect_blocked(x_tweet('Patient: Ana Ruiz will answer questions. '
        . "Patient: $patient went home today"), [[ 'NAME', 'text', 1 ]],
    'a staff name does not hide a patient name', audit => {});
is_deeply(allowed_of($r), { NAME => 1 }, 'audit: allowed NAME 1');

# --- the allow-list: every writing of an entry, and its near misses

# each post below gives the detectors a finding without the allow-list
# (t/unit/test_allowlist*.c hold each writing alone)
my @allowed = (
    [ 'Prayers for Ruiz, Ana and her team today.',
      { NAME => 1 }, 'staff name surname first' ],
    [ 'Prayers for ANA RUIZ today.', { NAME => 1 }, 'staff name in capitals' ],
    [ 'Prayers for Ana M. Ruiz today.', { NAME => 1 },
      'staff name with an initial' ],
    [ "Prayers for Ana Ru\x{ed}z today.", { NAME => 1 },
      'staff name with an accent' ],
    [ 'Dr. Ruiz sees her patients at 55 Fruit St. Boston, Massachusetts '
      . '02114.', { ZIP => 1 }, 'ZIP after the address, state written out' ],
    [ 'Dr. Ruiz sees her patients at 55 Fruit Street, Suite 200, Boston, MA '
      . '02114-2696.', { ADDRESS => 1, ZIP => 1 },
      'address with a suite and a ZIP+4' ],
    [ "The patient's wife can call (617) 555-0100 ext. 123 or +1 (617) "
      . '555-0100.', { PHONE => 2 }, 'number with an extension, with +1' ],
    [ "The patient's wife can call 1-800-356-9377 or 617.555.0100 x45.",
      { PHONE => 2 }, 'toll-free number, number with x45' ],
    [ "The patient's wife can email Ana.Ruiz\@Example-Hospital.org or "
      . 'mailto:ana.ruiz@example-hospital.org.', { EMAIL => 2 },
      'mailbox in capitals, after mailto:' ],
    [ "The patient's wife can email ana.ruiz [at] example-hospital [dot] "
      . 'org.', { EMAIL => 1 }, 'mailbox spelled out' ],
    [ 'See https://www.example-hospital.org/people/48213?utm_source=fb'
      . '&utm_medium=social and HTTP://Example-Hospital.ORG/people/48213/ '
      . 'today.', { URL => 2 }, 'links under a prefix, tracking, capitals' ],
);

for my $c (@allowed) {
    my ($text, $counts, $name) = @$c;
    utf8::encode($text);
    my ($r) = $t->expect_forwarded(x_tweet($text), "allowed: $name",
        audit => { decision => 'allow', reason => 'clean', findings => [] });
    is_deeply(allowed_of($r), $counts, "allowed: $name: audit counts");
}

my @near = (
    [ 'Prayers for Ruiz, Ana and for Ana, recovering from surgery.',
      [[ 'NAME', 'text', 1 ]], { NAME => 2 },
      'a patient with the staff member\'s given name' ],
    [ "The patient lives at $apt, Boston, MA 02114.",
      [[ 'ADDRESS', 'text', 1 ], [ 'ZIP', 'text', 1 ]], undef,
      'an apartment at the address' ],
    [ "The patient lives at 55 Fruit Street, $zip.",
      [[ 'ZIP', 'text', 1 ]], { ADDRESS => 1 },
      'another ZIP code after the street' ],
    [ "The patient's wife can call (617) 555-0100 x123 or $phone.",
      [[ 'PHONE', 'text', 1 ]], { PHONE => 1 }, 'another number' ],
    [ "The patient's wife can email $mail.",
      [[ 'EMAIL', 'text', 1 ]], undef, 'another mailbox on the host' ],
    [ "See https://www.example-hospital.org/$chart today.",
      [[ 'URL', 'text', 1 ]], undef, 'another path on the host' ],
    [ "See https://www.example-hospital.org/patients/$story today.",
      [[ 'URL', 'text', 1 ]], undef, 'the allowed page with an id' ],
);

for my $c (@near) {
    my ($text, $findings, $counts, $name) = @$c;
    $r = $t->expect_blocked(x_tweet($text), $findings, "near miss: $name",
        audit => {});
    is_deeply(allowed_of($r), $counts, "near miss: $name: audit counts");
}

# --- the rules

$r = $t->expect_blocked(x_tweet("Your results for $mrn are ready"),
    [[ 'MRN', 'text', 1 ]], 'hospital MRN format (no cue)', audit => {});
my $a = $t->audit_for($r->{request_id}) // {};
is($a->{findings}[0]{rule}, 'hospital_mrn', 'audit: the rule is named');
ok(!exists $a->{allowed}, 'audit: no "allowed" when nothing was dropped');

my $claim = "\x{ff2d}\x{ff49}\x{ff52}\x{ff41}\x{ff43}\x{ff4c}\x{ff45}   "
    . "cure for arthritis!";
utf8::encode($claim);
$r = $t->expect_blocked(x_tweet("New: a $claim"), [[ 'CUSTOM', 'text', 1 ]],
    'claims phrase in fullwidth letters, extra blanks', audit => {});
my $j = eval { JSON::PP->new->decode($r->{body}) } // {};
is($j->{findings}[0]{rule}, 'cure_claims', 'block answer names the rule');

$r = $t->expect_blocked(fb_feed_json('A guaranteed--cure, 100 %  effective? '
        . 'No: 100% effective.'), [[ 'CUSTOM', 'message', 2 ]],
    'two claims in a Facebook post', audit => { platform => 'facebook' });

my $rec;
($r, $rec) = $t->expect_forwarded(x_tweet('Treats migraines fast: FDA '
        . 'approved!'), 'a "log" rule forwards',
    audit => { decision => 'allow', reason => 'clean',
               findings => [[ 'CUSTOM', 'text', 1 ]] });
$a = $t->audit_for($r->{request_id}) // {};
is_deeply([ map { "$_->{rule} $_->{severity}" } @{ $a->{findings} || [] } ],
    [ 'off_label log' ], 'audit: the log finding names rule and severity');
my $l = $t->access_for($r->{request_id});
is($l && "$l->{decision} $l->{findings}", 'allow CUSTOM:1',
    'access log: allow, CUSTOM:1');

# a "log" rule's finding does not change a blocked post's answer
$r = $t->expect_blocked(x_tweet("For migraines, FDA approved! $CUE{SSN}"),
    [[ 'SSN', 'text', 1 ]], 'log finding beside a blocking one',
    audit => { findings => [[ 'SSN', 'text', 1 ], [ 'CUSTOM', 'text', 1 ]] });

# a pattern that would stall the worker makes the request too_complex
$t->expect_refused({ %{ x_tweet(('a' x 4000) . '!') }, port => 'slow' },
    400, 'too_complex', 'catastrophic pattern fails closed', audit => {});
$t->expect_forwarded({ %{ x_tweet($CLEAN) }, port => 'slow' },
    'the same rule on a clean post', audit => { reason => 'clean' });

# --- inheritance and overrides per location

$t->expect_blocked({ %{ x_tweet('Call (617) 555-0100') }, port => 'override' },
    [[ 'PHONE', 'text', 1 ]], 'override: another allow-list',
    audit => {});
($r) = $t->expect_forwarded({ %{ x_tweet('Call (617) 555-0199') },
        port => 'override' }, 'override: its own entry',
    audit => { reason => 'clean' });
is_deeply(allowed_of($r), { PHONE => 1 }, 'override: allowed PHONE 1');
$t->expect_forwarded({ %{ x_tweet('A miracle cure!') }, port => 'override' },
    'override: phigate_rules off', audit => { reason => 'clean' });

($r) = $t->expect_forwarded({ %{ fb_feed_json('Call (617) 555-0100') },
        port => 'override' }, 'inherited allow-list in a sibling location',
    audit => { reason => 'clean' });
is_deeply(allowed_of($r), { PHONE => 1 }, 'inherited: allowed PHONE 1');
$t->expect_blocked({ %{ fb_feed_json('A miracle cure!') },
        port => 'override' }, [[ 'CUSTOM', 'message', 1 ]],
    'inherited rules in a sibling location');

# --- nginx -t: the shipped examples load, bad files name file:line

my $client = $t->client_dir;

# nginx -t on one phigate location; returns (status, out, conf)
sub nginx_t {
    my ($directives) = @_;
    return $t->conf_test("server {\n    listen 127.0.0.1:"
        . $t->port('syntax') . ";\n"
        . "    location / { phigate on; $directives }\n}");
}

for my $f ("$CONF/rules/claims.rules", "$CONF/rules/hospital-mrn.rules") {
    my ($st, $out) = nginx_t("phigate_rules $f;");
    is($st, 0, "nginx -t: $f loads") or diag($out);
}
my ($st, $out) = nginx_t("phigate_allowlist $CONF/allowlist.example;");
is($st, 0, 'nginx -t: conf/allowlist.example loads') or diag($out);

my %bad = (
    regex => [ "# ours\n[r]\ntype = CUSTOM\nseverity = block\n"
               . "regex = $patient (\\d{7}\n", 'phigate_rules',
               qr/:5: bad regex: missing closing parenthesis at offset \d+/ ],
    type  => [ "[r]\ntype = PATIENT_NAME\nseverity = block\nregex = x\n",
               'phigate_rules', qr/:2: unknown type \(CUSTOM, or a finding /
               . qr/type such as PHONE or MRN\)/ ],
    severity => [ "[r]\ntype = CUSTOM\nseverity = warn\nregex = x\n",
               'phigate_rules', qr/:3: unknown severity \(block or log\)/ ],
    phone => [ "phone: (617) 555-0100\nphone: $mrn\n", 'phigate_allowlist',
               qr/:2: not a phone number: 10 digits, with \+1 or 1 before /
               . qr/them at most/ ],
);

for my $k (sort keys %bad) {
    my ($text, $directive, $want) = @{ $bad{$k} };
    my $file = "$client/bad-$k.txt";
    Phigate::Test::write_file($file, $text);
    my ($st, $out, $conf) = nginx_t("$directive $file;");
    is($st, 1, "nginx -t: bad $k: exit status 1");
    like($out, qr/\[emerg\] .*\Q$directive: $file\E$want in \Q$conf\E:\d+/,
        "nginx -t: bad $k: $directive names file:line and the problem")
        or diag($t->scrub($out));
    like($out, qr/test failed/, "nginx -t: bad $k: test failed");
}

($st, $out) = nginx_t("phigate_rules $client/missing.rules;");
is($st, 1, 'nginx -t: missing file: exit status 1');
my $enoent = qr{\(2: No such file or directory\)};
like($out, qr{\[emerg\] .*"\Q$client/missing.rules\E" failed $enoent},
    'nginx -t: missing file is named with the system error');

($st, $out) = nginx_t("phigate_rules $dir/slow.rules; "
    . "phigate_rules $dir/slow.rules;");
like($out, qr/"phigate_rules" directive is duplicate/,
    'nginx -t: one phigate_rules per context');

$t->done;
