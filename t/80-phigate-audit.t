#!/usr/bin/perl
#
# phigate-audit, the compliance team's tool (docs/audit.md): verify on a
# real audit log from nginx and on a known chained log, intact and
# tampered with (edited, deleted, swapped, truncated, rotated files in and
# out of order, anchors); report numbers in text and csv against the
# known input; export filters; the html report rendered in headless
# Chromium, offline, with its charts drawn.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Compress::Zlib ();
use File::Path qw(make_path);
use POSIX ();
use Test::More;
use JSON::PP ();
use Phigate::Test;
use Phigate::Shapes;

my $TOP  = "$FindBin::Bin/..";
my $TOOL = Phigate::Test::tool('phigate-audit');

my $t = Phigate::Test->new;
register_phi($t);
my $D = $t->dir;
my $C = $t->client_dir;

# ---------------------------------------------------------------------------
# helpers

# runs the tool; returns (exit code, stdout, stderr)
sub tool {
    my (@args) = @_;
    my $pid = open(my $fh, '-|');
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDERR, '>', "$C/tool.err" or POSIX::_exit(126);
        exec { $TOOL } $TOOL, @args or POSIX::_exit(127);
    }
    local $/;
    my $out = <$fh> // '';
    close $fh;
    my $rc = $? >> 8;
    return ($rc, $out, Phigate::Test::read_file("$C/tool.err"));
}

sub put { Phigate::Test::write_file(@_) }
sub get { Phigate::Test::read_file(@_) }

sub lines_of { my @l = split /(?<=\n)/, get($_[0]); return @l }

# chains $in into $out (after $after's last line, if given)
sub chain {
    my ($in, $out, $after) = @_;
    my ($rc, $o, $e) = tool('chain', ($after ? ('--after', $after) : ()),
                            $in);
    is($rc, 0, "chain $in") or diag($e);
    put($out, $o);
    return $o;
}

# ---------------------------------------------------------------------------
# 1. a real audit log from nginx with the module

$t->write_conf(<<'EOF')->run;
%%TEST_MAIN%%
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    phigate_redis 127.0.0.1:%%PORT_redis%%;
    access_log %%DIR%%/access.log phigate;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        add_header X-Request-Id $request_id always;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode enforce;
            %%TO_PLATFORM%%
        }
    }
}
EOF

my @sent = (
    [ x_tweet($CLEAN), 'allow' ],
    [ fb_feed_json("Results for $CUE{SSN} are in"), 'block' ],
    [ linkedin_post($CLEAN), 'allow' ],
);
my @rid;
for my $s (@sent) {
    my $r = $t->http(%{ $s->[0] });
    push @rid, $r->{request_id};
    my $a = $t->audit_for($r->{request_id});
    is($a && $a->{decision}, $s->[1], "nginx: $s->[1] audited");
}
$t->stop;

my @real = lines_of("$D/audit.log");
is(scalar @real, 3, 'nginx wrote three records');
my $chained_by_module = grep { /"prev":/ } @real;
my $real = "$D/audit.log";
if (!$chained_by_module) {
    # the module does not chain yet: chain its records as it will
    chain($real, "$D/real-chained.log");
    $real = "$D/real-chained.log";
}
my ($rc, $out, $err) = tool('verify', $real);
is($rc, 0, 'real log: verify exit 0');
like($out, qr/^records: 3 \(3 chained/m, 'real log: 3 chained records');
like($out, qr/^intact$/m, 'real log: intact');

($rc, $out) = tool('export', $real, '--request-id', $rid[1]);
is($rc, 0, 'real log: export by request id');
my $rec = eval { JSON::PP->new->decode($out) } || {};
is($rec->{decision}, 'block', 'real log: the blocked record exported');
is($rec->{findings}[0]{type}, 'SSN', 'real log: its finding type');

# ---------------------------------------------------------------------------
# 2. a known log

sub rec {
    my ($time, $rid, $dec, $reason, $platform, $find, %o) = @_;
    my $f = join ',', map {
        sprintf '{"type":"%s","field":"%s","source":"body","count":%d,'
            . '"offsets":[%s]}', $_->[0], $_->[2] // 'message', $_->[1],
            join(',', map { $_ * 7 } 1 .. $_->[1])
    } @$find;
    my $s = sprintf '{"schema":1,"time":"%s","request_id":"%s",'
        . '"decision":"%s","reason":"%s","mode":"enforce",'
        . '"platform":"%s","dm":false,"host":"h.example","method":"POST",'
        . '"path":"/p","status":%d,"findings":[%s],"body_length":10,'
        . '"body_sha256":null', $time, $rid, $dec, $reason, $platform,
        $dec eq 'block' ? 403 : 0, $f;
    $s .= qq(,"identity":"$o{identity}") if $o{identity};
    $s .= qq(,"consent":{"token_sha256":"$o{consent}"}) if $o{consent};
    $s .= qq(,"approval":"$o{approval}") if $o{approval};
    $s .= qq(,"upstream_status":$o{upstream},"post_id":)
        . (defined $o{post} ? qq("$o{post}") : 'null') if $o{upstream};
    return "$s}\n";
}

my @known = (
    rec('2026-11-21T08:00:00.000Z', 's1', 'allow', 'clean', 'x', [],
        identity => 'id-a', upstream => 201, post => '1460323737035677698'),
    rec('2026-11-21T09:30:00.000Z', 's2', 'block', 'phi_detected',
        'facebook', [['SSN', 1], ['PHONE', 2]], identity => 'id-a'),
    rec('2026-11-22T10:00:00.000Z', 's3', 'monitor', 'phi_detected',
        'facebook', [['EMAIL', 1]], identity => 'id-b', consent => 'c0ffee',
        upstream => 200, post => '123_456'),
    rec('2026-11-22T11:00:00.000Z', 's4', 'allow', 'clean', 'linkedin', [],
        identity => 'id-b', upstream => 201, post => 'urn:li:share:7'),
    rec('2026-11-22T12:00:00.000Z', 's5', 'block', 'phi_detected', 'x',
        [['SSN', 1]], identity => 'id-a'),
    rec('2026-11-23T00:00:00.000Z', 's6', 'block', 'body_too_large',
        'facebook', []),
    rec('2026-11-23T13:00:00.000Z', 's7', 'allow', 'clean', 'facebook', [],
        identity => 'id-c', approval => 'a11ce', upstream => 400),
    rec('2026-11-23T23:59:59.999Z', 's8', 'block', 'phi_detected',
        'linkedin', [['SSN', 1], ['SSN', 1, 'title'], ['MRN', 1]],
        identity => 'id-c'),
);
put("$C/known.raw", join '', @known);
chain("$C/known.raw", "$D/known.log");
my @k = lines_of("$D/known.log");
is(scalar @k, 8, 'known log: 8 records');
like($k[0], qr/^\{"schema":1,"prev":"genesis","time":/,
     'prev is the second key, genesis first');

($rc, $out) = tool('verify', "$D/known.log");
is($rc, 0, 'known log: intact, exit 0');
like($out, qr/^first: 2026-11-21T08:00:00\.000Z$/m, 'summary: first time');
like($out, qr/^last: 2026-11-23T23:59:59\.999Z$/m, 'summary: last time');
my ($last_hash) = $out =~ /^last line sha256: ([0-9a-f]{64})$/m;
ok($last_hash, 'summary: the last line hash, for anchoring');

# tampering: one file each, the first problem named by file:line
my %tamper = (
    edited => sub {
        my @l = @_;
        $l[2] =~ s/"decision":"monitor"/"decision":"allow"/ or die;
        @l;
    },
    deleted => sub { my @l = @_; splice @l, 4, 1; @l },
    swapped => sub { my @l = @_; @l[2, 3] = @l[3, 2]; @l },
    truncated => sub { my @l = @_; $l[-1] = substr $l[-1], 0, 40; @l },
    duplicated => sub { my @l = @_; (@l, $l[3]) },
    unchained => sub {
        my @l = @_;
        $l[5] =~ s/"prev":"[0-9a-f]{64}",// or die;
        @l;
    },
    garbage => sub { my @l = @_; $l[6] = "not json\n"; @l },
);
my %expect = (
    edited     => qr{^FIRST[ ]PROBLEM:[ ]\S+/edited\.log:4:[ ]chain[ ]broken:
                     [ ]prev[ ]matches[ ]no[ ]line[ ]given;
                     [ ]line[ ]3[ ]before[ ]it[ ]was[ ]edited}mx,
    deleted    => qr{^FIRST PROBLEM: \S+/deleted\.log:5: chain broken}m,
    swapped    => qr{^FIRST[ ]PROBLEM:[ ]\S+/swapped\.log:3:[ ]out[ ]of
                     [ ]order:[ ]prev[ ]is[ ]the[ ]hash[ ]of
                     [ ]\S+/swapped\.log:4}mx,
    truncated  => qr{^FIRST PROBLEM: \S+/truncated\.log:8: truncated}m,
    duplicated => qr{^FIRST[ ]PROBLEM:[ ]\S+/duplicated\.log:9:[ ]duplicate:
                     [ ]the[ ]same[ ]bytes[ ]as[ ]\S+/duplicated\.log:4}mx,
    unchained  => qr{^FIRST PROBLEM: \S+/unchained\.log:6: no "prev" after}m,
    garbage    => qr{^FIRST PROBLEM: \S+/garbage\.log:7: malformed record}m,
);
for my $name (sort keys %tamper) {
    put("$D/$name.log", join '', $tamper{$name}->(@k));
    ($rc, $out) = tool('verify', "$D/$name.log");
    is($rc, 1, "$name: exit 1");
    like($out, $expect{$name}, "$name: first problem located");
    like($out, qr/^NOT INTACT: \d+ problem/m, "$name: says not intact");
}

# a cut tail is invisible to the chain alone; an anchor catches it
put("$D/cut.log", join '', @k[0 .. 6]);
($rc, $out) = tool('verify', "$D/cut.log");
is($rc, 0, 'last record removed: the chain alone cannot tell');
($rc, $out) = tool('verify', "$D/cut.log", '--tail', $last_hash);
is($rc, 1, 'last record removed: --tail with the anchored hash fails');
like($out, qr/anchored tail line is in none of the files/, 'and says so');
($rc, $out) = tool('verify', "$D/known.log", "--tail=$last_hash",
                   '--start', 'genesis');
is($rc, 0, 'anchors hold on the intact log');

# rotation: the chain carries across files
put("$C/r1.raw", join '', @known[0 .. 2]);
put("$C/r2.raw", join '', @known[3 .. 5]);
put("$C/r3.raw", join '', @known[6 .. 7]);
chain("$C/r1.raw", "$D/audit.log.2");
chain("$C/r2.raw", "$D/audit.log.1", "$D/audit.log.2");
chain("$C/r3.raw", "$D/audit.log.0", "$D/audit.log.1");
my @rot = map { "$D/audit.log.$_" } 2, 1, 0;

($rc, $out) = tool('verify', @rot);
is($rc, 0, 'rotated files in order: intact');
like($out, qr/^files: 3\nrecords: 8 \(8 chained/m, 'rotated: 8 records');

($rc, $out) = tool('verify', @rot[1, 0, 2]);
is($rc, 1, 'rotated files out of order: exit 1');
like($out, qr{^FIRST PROBLEM: \S+/audit\.log\.1:1: out of order}m,
     'rotated out of order: located');

($rc, $out) = tool('verify', @rot[0, 2]);
is($rc, 1, 'a rotated file missing: exit 1');
like($out, qr{^FIRST PROBLEM: \S+/audit\.log\.0:1: chain broken across f}m,
     'a missing file: located at the next file');

($rc, $out) = tool('verify', $rot[2]);
is($rc, 0, 'the current file alone: no problem');
like($out, qr/^note: the chain starts after a record that is not in/m,
     'the current file alone: says the chain starts earlier');
($rc, $out) = tool('verify', $rot[2], '--start', 'genesis');
is($rc, 1, 'the current file alone with --start genesis: exit 1');

# records written before the chain, then chained ones
put("$C/old.raw", join '', @known[0 .. 1]);
put("$C/new.raw", join '', @known[2 .. 7]);
chain("$C/new.raw", "$C/new.log", "$C/old.raw");
put("$D/upgrade.log", get("$C/old.raw") . get("$C/new.log"));
($rc, $out) = tool('verify', "$D/upgrade.log");
is($rc, 0, 'unchained records before the chain: not tampering');
like($out, qr/^records: 8 \(6 chained, 2 unchained before the chain\)/m,
     'unchained records counted');

# ---------------------------------------------------------------------------
# 3. report

my $csv_all = <<'EOF';
section,key,records,allow,block,monitor,other,findings
total,all,8,3,4,1,0,8
day,2026-11-21,2,1,1,0,0,3
day,2026-11-22,3,1,1,1,0,2
day,2026-11-23,3,1,2,0,0,3
platform,facebook,4,1,2,1,0,4
platform,linkedin,2,1,1,0,0,3
platform,x,2,1,1,0,0,1
finding_type,EMAIL,1,0,0,1,0,1
finding_type,MRN,1,0,1,0,0,1
finding_type,PHONE,1,0,1,0,0,2
finding_type,SSN,3,0,3,0,0,4
reason,body_too_large,1,0,1,0,0,0
reason,clean,3,3,0,0,0,0
reason,phi_detected,4,0,3,1,0,8
identity,(none),1,0,1,0,0,0
identity,id-a,3,1,2,0,0,4
identity,id-b,2,1,0,1,0,1
identity,id-c,2,1,1,0,0,3
consent,(none),6,2,4,0,0,7
consent,approval,1,1,0,0,0,0
consent,consent,1,0,0,1,0,1
upstream_status,(none),4,0,4,0,0,7
upstream_status,200,1,0,0,1,0,1
upstream_status,201,2,2,0,0,0,0
upstream_status,400,1,1,0,0,0,0
EOF
($rc, $out) = tool('report', "$D/known.log", '--format', 'csv');
is($rc, 0, 'report csv: exit 0');
is($out, $csv_all, 'report csv: every number');
put("$D/report.csv", $out);

($rc, $out) = tool('report', @rot, '--format=csv');
is($out, $csv_all, 'report over rotated files: the same numbers');

($rc, $out) = tool('report', "$D/known.log", '--format', 'csv',
                   '--since', '2026-11-22', '--until', '2026-11-22');
like($out, qr/^total,all,3,1,1,1,0,2$/m, 'report --since/--until a day');
unlike($out, qr/^day,2026-11-2[13]/m, 'report: other days left out');

($rc, $out) = tool('report', "$D/known.log", '--format', 'csv',
                   '--since', '2026-11-22T11:00Z',
                   '--until', '2026-11-23T00:00:00');
like($out, qr/^total,all,3,1,2,0,0,1$/m,
     'report: --until to the second includes that second');

($rc, $out) = tool('report', "$D/known.log");
is($rc, 0, 'report text: exit 0');
put("$D/report.txt", $out);
like($out, qr/^records: 8 \(allow 3, block 4, monitor 1, other 0\), ident/m,
     'report text: totals');
like($out, qr/, identifiers found: 8$/m, 'report text: identifiers found');
like($out, qr/^  facebook\s+4\s+1\s+2\s+1\s+0\s+4$/m,
     'report text: a platform row');
like($out, qr/^  SSN\s+3\s+0\s+3\s+0\s+0\s+4$/m,
     'report text: a finding type row');
like($out, qr/^By identity$/m, 'report text: identities when present');
like($out, qr/^By consent \/ approval$/m, 'report text: consent section');

($rc, $out) = tool('report', "$D/garbage.log", '--format', 'csv');
is($rc, 0, 'report on a log with a bad line: exit 0');
like($out, qr/^total,all,7,/m, 'report: the bad line is not counted');
like(get("$C/tool.err"), qr/1 line\(s\) skipped/, 'report: says so');

# ---------------------------------------------------------------------------
# 4. export

($rc, $out) = tool('export', "$D/known.log", '--request-id', 's3');
is($rc, 0, 'export --request-id: exit 0');
is($out, $k[2], 'export --request-id: the record, byte for byte');

($rc, $out) = tool('export', "$D/known.log", '--identity', 'id-a');
is($out, join('', @k[0, 1, 4]), 'export --identity');

($rc, $out) = tool('export', @rot, '--platform', 'facebook',
                   '--since', '2026-11-22');
is($out, join('', @k[2, 5, 6]), 'export --platform --since over files');

($rc, $out) = tool('export', "$D/known.log", '--platform', 'facebook',
                   '--identity', 'id-c');
is($out, $k[6], 'export: filters combine');

($rc, $out) = tool('export', "$D/known.log", '--post-id', 'urn:li:share:7');
is($out, $k[3], 'export --post-id: the post the platform created');

($rc, $out) = tool('export', "$D/known.log", '--platform', 'myspace');
is($rc, 1, 'export matching nothing: exit 1');
is($out, '', 'export matching nothing: no output');

# ---------------------------------------------------------------------------
# 5. errors and help

($rc, $out) = tool('--help');
is($rc, 0, '--help: exit 0');
like($out, qr/^usage: phigate-audit COMMAND/m, '--help: usage');
($rc) = tool('export', "$D/known.log");
is($rc, 2, 'export without a filter: exit 2');
($rc, $out, $err) = tool('verify', "$D/no-such.log");
is($rc, 3, 'a missing file: exit 3');
like($err, qr/no-such\.log: No such file/, 'a missing file: named');
($rc, $out, $err) = tool('report', "$D/known.log", '--since', 'yesterday');
is($rc, 2, 'a bad --since: exit 2');
like($err, qr/not an ISO time/, 'a bad --since: explained');
($rc) = tool('frobnicate');
is($rc, 2, 'an unknown command: exit 2');
($rc, $out, $err) = tool('chain', "$D/known.log");
is($rc, 2, 'chain refuses records that already have prev');

# ---------------------------------------------------------------------------
# 6. the html report in headless Chromium

SKIP: {
    my ($chromium) = grep { -x } map { "/usr/bin/$_" }
        qw(chromium chromium-browser);
    skip 'html report: no Chromium (Debian package "chromium")', 8
        unless $chromium;

    my $lib = "$TOP/build/chartjs/node_modules/chart.js/dist/"
        . 'chart.umd.min.js';
    if (!-f $lib && system('sh', '-c', 'command -v npm >/dev/null') == 0) {
        Phigate::Test::system_quiet('timeout', '180',
            "$TOP/scripts/chartjs.sh", "$TOP/build/chartjs");
    }
    skip 'html report: Chart.js not installed (scripts/chartjs.sh needs '
        . 'npm)', 8 unless -f $lib;

    ($rc, $out) = tool('report', "$D/known.log", '--format', 'html',
                       '--chartjs', $lib);
    is($rc, 0, 'report html: exit 0');
    put("$D/report.html", $out);
    unlike($out, qr/<(?:script|link|img)[^>]+(?:src|href)=/i,
           'report html: nothing loaded from outside');
    like($out, qr/<td>id-c<\/td><td>2<\/td>/, 'report html: a table row');

    make_path("$C/profile");
    my $png = "$C/report.png";
    my $rc2 = Phigate::Test::system_quiet('timeout', '90', $chromium,
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
        '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
        "--user-data-dir=$C/profile", '--window-size=1200,900',
        "--screenshot=$png", "file://$D/report.html");
    is($rc2, 0, 'chromium: exit 0');
    ok(-s $png, 'chromium: screenshot written');

    my $img = png_read($png);
    ok($img && $img->{width} == 1200 && $img->{height} == 900,
       'screenshot: a 1200x900 PNG')
        or diag($img ? "$img->{width}x$img->{height}" : 'not decoded');
    my ($colours, $chart_px) = $img ? png_stats($img) : (0, 0);
    cmp_ok($colours, '>', 20, 'screenshot: not blank');
    # the page is black on white: saturated pixels are the charts' bars
    cmp_ok($chart_px, '>', 5000, 'screenshot: the charts were drawn')
        or diag("saturated pixels: $chart_px");
}

$t->done;


# ---------------------------------------------------------------------------
# a small PNG reader: 8-bit RGB or RGBA, non-interlaced (what Chromium
# writes), enough to look at pixels without a CPAN module

sub png_read {
    my ($file) = @_;
    my $d = get($file);
    return undef unless substr($d, 0, 8) eq "\x89PNG\r\n\x1a\n";
    my ($pos, $idat, %h) = (8, '');
    while ($pos + 8 <= length $d) {
        my ($len, $type) = unpack 'Na4', substr($d, $pos, 8);
        my $body = substr $d, $pos + 8, $len;
        if ($type eq 'IHDR') {
            @h{qw(width height depth ctype comp filter interlace)}
                = unpack 'NNCCCCC', $body;
        } elsif ($type eq 'IDAT') {
            $idat .= $body;
        }
        $pos += 12 + $len;
    }
    return undef unless $h{depth} == 8 && ($h{ctype} == 2 || $h{ctype} == 6)
        && !$h{interlace};
    my $raw = Compress::Zlib::uncompress($idat) // return undef;
    my $bpp = $h{ctype} == 6 ? 4 : 3;
    my $stride = $h{width} * $bpp;
    my (@rows, @prev);
    @prev = (0) x $stride;
    for my $y (0 .. $h{height} - 1) {
        my $off = $y * ($stride + 1);
        my $ft = ord substr $raw, $off, 1;
        my @cur = unpack 'C*', substr($raw, $off + 1, $stride);
        for my $i (0 .. $stride - 1) {
            my $left = $i >= $bpp ? $cur[$i - $bpp] : 0;
            my $up = $prev[$i];
            my $ul = $i >= $bpp ? $prev[$i - $bpp] : 0;
            my $p = $ft == 0 ? 0
                  : $ft == 1 ? $left
                  : $ft == 2 ? $up
                  : $ft == 3 ? ($left + $up) >> 1
                  : paeth($left, $up, $ul);
            $cur[$i] = ($cur[$i] + $p) & 255;
        }
        push @rows, pack 'C*', @cur;
        @prev = @cur;
    }
    return { %h, bpp => $bpp, rows => \@rows };
}

sub paeth {
    my ($l, $u, $ul) = @_;
    my $p = $l + $u - $ul;
    my ($pl, $pu, $pul) = (abs($p - $l), abs($p - $u), abs($p - $ul));
    return $l if $pl <= $pu && $pl <= $pul;
    return $u if $pu <= $pul;
    return $ul;
}

# (distinct colours, saturated pixels)
sub png_stats {
    my ($img) = @_;
    my (%seen, $sat);
    $sat = 0;
    for my $row (@{ $img->{rows} }) {
        my @px = unpack 'C*', $row;
        for (my $i = 0; $i < @px; $i += $img->{bpp}) {
            my ($r, $g, $bl) = @px[$i .. $i + 2];
            $seen{"$r,$g,$bl"} = 1 if keys %seen < 1000;
            my $max = $r > $g ? $r : $g;
            $max = $bl if $bl > $max;
            my $min = $r < $g ? $r : $g;
            $min = $bl if $bl < $min;
            $sat++ if $max - $min > 80;
        }
    }
    return (scalar keys %seen, $sat);
}
