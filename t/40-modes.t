#!/usr/bin/perl
#
# phigate_mode monitor forwards PHI unchanged and records it; phigate off
# does not inspect at all; phigate_block_status; phigate_min_confidence;
# $phigate_decision and $phigate_findings in the access log.  Two worker
# processes.

use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";

use Test::More;
use Phigate::Test;
use Phigate::Shapes;

my $t = Phigate::Test->new;
register_phi($t);
$t->write_conf(<<'EOF')->run;
%%TEST_GLOBALS%%
daemon off;
master_process on;
worker_processes 2;
load_module %%MODULE%%;
events { worker_connections 64; }
http {
    %%TEST_GLOBALS_HTTP%%
    phigate_audit_log %%DIR%%/audit.log;
    access_log %%DIR%%/access.log phigate;
    add_header X-Request-Id $request_id always;
    server {
        listen 127.0.0.1:%%PORT_nginx%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode enforce;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_monitor%%;
        %%SYNC_LOCATION%%
        location / {
            phigate on;
            phigate_mode monitor;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_off%%;
        phigate on;
        %%SYNC_LOCATION%%
        location / {
            phigate off;
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_confidence%%;
        phigate on;
        phigate_min_confidence 70;
        %%SYNC_LOCATION%%
        location / {
            %%TO_PLATFORM%%
        }
    }
    server {
        listen 127.0.0.1:%%PORT_status%%;
        phigate on;
        phigate_block_status 451;
        %%SYNC_LOCATION%%
        location / {
            %%TO_PLATFORM%%
        }
    }
}
EOF

# findings variable compared as a set: "SSN:1,PHONE:1" in any order
sub findings_set { join ',', sort split /,/, $_[0] // '' }

# --- enforce: the access log variables

my $r = $t->expect_blocked(x_tweet("Patient $CUE{SSN}"), [[ 'SSN', 'text', 1 ]],
    'enforce SSN');
my $l = $t->access_for($r->{request_id});
is($l && "$l->{status} $l->{decision} $l->{findings}", '403 block SSN:1',
    'access log: 403 block SSN:1');

$r = $t->expect_blocked(x_tweet("Patient $CUE{SSN}, $CUE{PHONE}"),
    [[ 'SSN', 'text', 1 ], [ 'PHONE', 'text', 1 ]], 'enforce SSN and PHONE');
$l = $t->access_for($r->{request_id});
is($l && "$l->{decision} " . findings_set($l->{findings}),
    'block PHONE:1,SSN:1', 'access log: block with both findings');

($r) = $t->expect_forwarded(x_tweet($CLEAN), 'enforce clean');
$l = $t->access_for($r->{request_id});
is($l && "$l->{status} $l->{decision} $l->{findings}", '200 allow -',
    'access log: 200 allow -');

# --- monitor: PHI forwarded unchanged, recorded as monitor

my $post = fb_feed_json("Patient $CUE{SSN} and $CUE{EMAIL}");
my $rec;
($r, $rec) = $t->expect_forwarded({ %$post, port => 'monitor' },
    'monitor SSN and EMAIL', audit => { decision => 'monitor',
        reason => 'phi_detected', mode => 'monitor', platform => 'facebook',
        findings => [[ 'SSN', 'message', 1 ], [ 'EMAIL', 'message', 1 ]] });
$t->allow_phi_in_standin($rec->{n}) if $rec;    # forwarded on purpose
$l = $t->access_for($r->{request_id});
is($l && "$l->{decision} " . findings_set($l->{findings}),
    'monitor EMAIL:1,SSN:1', 'access log: monitor with findings');

($r) = $t->expect_forwarded({ %{ x_tweet($CLEAN) }, port => 'monitor' },
    'monitor clean', audit => { decision => 'allow', reason => 'clean',
        mode => 'monitor', findings => [] });

my $ig = ig_media_qs("Patient $CUE{DOB}");
($r, $rec) = $t->expect_forwarded({ %$ig, port => 'monitor' },
    'monitor DOB in Instagram query', audit => { decision => 'monitor',
        platform => 'instagram', findings => [[ 'DOB', 'caption', 1 ]] });
$t->allow_phi_in_standin($rec->{n}) if $rec;

# monitor applies to uninspectable bodies too: forwarded, reason recorded
my $bad = { %{ x_tweet($CLEAN) }, body => '{"text":', port => 'monitor' };
($r) = $t->expect_forwarded($bad, 'monitor malformed JSON',
    audit => { decision => 'monitor', reason => 'malformed_json' });

# --- off: no inspection, no audit line, empty variables

my $seen = () = $t->audit_lines;
my $off = { %{ x_tweet("Patient $CUE{MRN}") }, port => 'off' };
($r, $rec) = $t->expect_forwarded($off, 'phigate off: PHI not inspected');
$t->allow_phi_in_standin($rec->{n}) if $rec;    # not inspected on purpose
$l = $t->access_for($r->{request_id});
is($l && "$l->{decision} $l->{findings}", '- -',
    'phigate off: access log variables empty');
my @lines = $t->audit_lines;
is(scalar(grep { ($_->{request_id} // '') eq ($r->{request_id} // '') }
    @lines), 0, 'phigate off: no audit line');

# --- phigate_block_status 451

$r = $t->expect_blocked({ %{ linkedin_post("Patient $CUE{PHONE}") },
        port => 'status' }, [[ 'PHONE', 'commentary', 1 ]],
    'phigate_block_status 451', status => 451,
    audit => { platform => 'linkedin' });

# --- phigate_min_confidence 70: a toll-free number said of a person
# (confidence 60) is recorded and forwarded; an SSN still blocks

my $tollfree = 'Mrs. Doe can be reached at 1-800-555-0199';
$t->expect_blocked(x_tweet($tollfree), [[ 'PHONE', 'text', 1 ]],
    'min confidence 0: the toll-free number blocks');
($r) = $t->expect_forwarded({ %{ x_tweet($tollfree) }, port => 'confidence' },
    'min confidence 70: the toll-free number is forwarded',
    audit => { decision => 'allow', reason => 'clean',
               findings => [[ 'PHONE', 'text', 1 ]] });
my $a = $t->audit_for($r->{request_id}) // {};
my $f = $a->{findings}[0] // {};
is(join(' ', map { $_ // '-' } @$f{qw(severity confidence)},
        @{ $f->{offsets} || [] }, @{ $f->{lengths} || [] }),
    'log 60 27 14', 'audit: severity log, confidence, offset and length');
$t->expect_blocked({ %{ x_tweet("$tollfree, $CUE{SSN}") },
        port => 'confidence' }, [[ 'NAME', 'text', 1 ], [ 'SSN', 'text', 1 ]],
    'min confidence 70: a name with an SSN still blocks',
    audit => { findings => [[ 'NAME', 'text', 1 ], [ 'PHONE', 'text', 1 ],
                            [ 'SSN', 'text', 1 ]] });

# --- the audit trail: one line per inspected request, all parseable

@lines = $t->audit_lines;
ok(!grep({ $_->{_unparsable} } @lines), 'every audit line is one JSON object');
my %rid;
$rid{ $_->{request_id} // '' }++ for @lines;
ok(!grep({ $_ > 1 } values %rid), 'no request audited twice');

$t->done;
