package Phigate::Test;

# Integration harness for phigate, in the style of nginx-tests'
# Test::Nginx but small and from scratch, using only core/Debian Perl.
#
# One object per .t file owns one temp dir with a real redis-server, the
# stand-in platform (t/lib/standin.pl) and nginx with the module:
#
#     my $t = Phigate::Test->new;
#     $t->write_conf(<<'EOF');        # %%PLACEHOLDERS%%, see expand()
#     ...
#     EOF
#     $t->run;
#     my $r = $t->http(method => 'POST', host => 'api.x.com', ...);
#     ...
#     $t->done;     # stops everything, alerts check, PHI leak scan
#
# Environment: PHIGATE_MODULE (absolute .so; default build/ in the repo),
# PHIGATE_TOOLS (where phigate-ctl and phigate-audit are; default the
# module's directory), NGINX_BIN (default /usr/sbin/nginx), PHIGATE_TEST_LEAVE=1 keeps the temp
# dir, PHIGATE_TEST_VERBOSE=1 prints where it is.
#
# Running as root: nginx workers then run as the default user (nobody), as
# they would in production.  Rather than adding `user root;` (which would
# hide permission mistakes, e.g. an audit log opened by a worker after it
# dropped privileges), the temp dir is made 0755 so nobody can traverse it;
# nginx itself chowns its temp paths to the worker user.

use strict;
use warnings;

use Cwd qw(abs_path);
use Digest::SHA qw(sha256_hex);
use Errno qw(EAGAIN EINTR EWOULDBLOCK);
use Exporter qw(import);
use File::Basename qw(dirname);
use File::Find ();
use File::Path qw(remove_tree);
use File::Spec;
use File::Temp qw(tempdir);
use IO::Select;
use IO::Socket::INET;
use JSON::PP ();
use POSIX qw(WNOHANG);
use Test::More;
use Time::HiRes qw(time sleep);

our @EXPORT_OK = qw(sha256_hex phi_forms);

my $T_DIR   = abs_path(dirname(__FILE__) . '/../..');       # repo/t
my $TOP     = dirname($T_DIR);
my $STANDIN = "$T_DIR/lib/standin.pl";

my $WAIT     = 10;      # seconds: bound on every "wait until ready" loop
my $POLL     = 0.02;    # seconds between polls
my $IO_LIMIT = 15;      # seconds: bound on one client request

my @LIVE;               # every object with children, for the END safety net


# ---------------------------------------------------------------------------
# lifecycle

sub new {
    my ($class, %opt) = @_;

    # without_module: only for testing the harness and stand-in themselves
    my $module = $ENV{PHIGATE_MODULE};
    if ($opt{without_module}) {
        $module = '/dev/null';
    } elsif (!defined $module || $module eq '') {
        $module = "$TOP/build/ngx_http_phigate_module.so";
        plan skip_all => 'PHIGATE_MODULE not set and build/ has no module'
            unless -f $module;
    }
    BAIL_OUT("PHIGATE_MODULE=$module: no such file") unless -e $module;
    my $nginx = $ENV{NGINX_BIN} || '/usr/sbin/nginx';
    BAIL_OUT("NGINX_BIN=$nginx: not executable") unless -x $nginx;

    my $dir = tempdir('phigate-t-XXXXXX', TMPDIR => 1);
    chmod 0755, $dir or die "chmod $dir: $!";     # see header: workers
    my $client = tempdir('phigate-client-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    mkdir "$dir/$_" or die "mkdir $dir/$_: $!" for qw(standin redis responses);

    my $self = bless {
        dir      => $dir,
        client   => $client,     # client-side scratch, outside the scan
        module   => abs_path($module),
        nginx    => $nginx,
        ports    => {},
        pids     => {},
        phi      => [],          # [label, value] the test sent
        allowed  => {},          # stand-in records allowed to hold PHI
        nresp    => 0,
        sync_n   => 0,
    }, $class;
    push @LIVE, $self;
    diag("phigate test dir: $dir") if $ENV{PHIGATE_TEST_VERBOSE};
    return $self;
}

sub dir { $_[0]{dir} }

# client-side scratch space, not part of the leak scan (what a user typed)
sub client_dir { $_[0]{client} }

# A free loopback port per name, stable for the object's life.  Ports are
# found by binding port 0; the tiny race with other processes is accepted.
sub port {
    my ($self, $name) = @_;
    return $self->{ports}{$name} //= do {
        my $s = IO::Socket::INET->new(
            LocalAddr => '127.0.0.1', LocalPort => 0, Proto => 'tcp',
            Listen => 1, ReuseAddr => 1,
        ) or die "no free port: $!";
        my $p = $s->sockport;
        close $s;
        $p;
    };
}

# Expands placeholders and writes DIR/nginx.conf:
#   %%MODULE%%              absolute path of the module
#   %%DIR%%                 the temp dir (no trailing slash)
#   %%PORT_<name>%%         a free loopback port for <name>
#   %%TEST_MAIN%%           the usual main context: %%TEST_GLOBALS%%, one
#                           worker under a master, not daemonised, the
#                           module loaded, an events block
#   %%TEST_GLOBALS%%        pid file; main-level things every test needs
#   %%TEST_GLOBALS_HTTP%%   temp paths inside DIR, the phigate log format
#   %%SYNC_LOCATION%%       location = /__sync, uninspected, to the stand-in
#   %%TO_PLATFORM%%         inside a location: forward to the stand-in
#                           platform with the request's Host
sub write_conf {
    my ($self, $conf) = @_;
    my $d = $self->{dir};

    my $globals = "pid $d/nginx.pid;\nerror_log $d/error.log info;";
    my $http = join "\n",
        map { "${_}_temp_path $d/${_}_temp;" }
            qw(client_body proxy fastcgi uwsgi scgi);
    # $uri, never $request/$args: the query string can carry PHI
    $http .= "\n" . q{log_format phigate '$request_id $status }
        . q{$request_method $uri $phigate_decision $phigate_findings';}
        unless $self->{module} eq '/dev/null';
    my $upstream = 'proxy_pass http://127.0.0.1:%%PORT_upstream%%;';
    my $sync = "location = /__sync {\n"
        . ($self->{module} eq '/dev/null' ? '' : "        phigate off;\n")
        . "        $upstream\n    }";
    my $to_platform = "$upstream\n            proxy_set_header Host \$host;";

    my $main = join "\n", '%%TEST_GLOBALS%%', 'daemon off;',
        'master_process on;', 'worker_processes 1;',
        'load_module %%MODULE%%;', 'events { worker_connections 64; }';

    $conf =~ s/%%TEST_MAIN%%/$main/g;
    $conf =~ s/%%TEST_GLOBALS%%/$globals/g;
    $conf =~ s/%%TEST_GLOBALS_HTTP%%/$http/g;
    $conf =~ s/%%SYNC_LOCATION%%/$sync/g;
    $conf =~ s/%%TO_PLATFORM%%/$to_platform/g;
    $conf =~ s/%%MODULE%%/$self->{module}/g;
    $conf =~ s/%%DIR%%/$d/g;
    $conf =~ s/%%PORT_(\w+)%%/$self->port($1)/ge;
    $self->{has_sync} = $conf =~ m{location = /__sync};

    write_file("$d/nginx.conf", $conf);
    return $self;
}

# Starts redis, the stand-in and nginx (in that order) and waits for each.
sub run {
    my ($self) = @_;
    $self->start_redis;
    $self->start_standin;
    $self->start_nginx;
    return $self;
}

sub start_redis {
    my ($self) = @_;
    my $p = $self->port('redis');
    $self->spawn('redis', "$self->{dir}/redis.out",
        'redis-server', '--port', $p, '--bind', '127.0.0.1', '--save', '',
        '--appendonly', 'no', '--dir', "$self->{dir}/redis",
        '--daemonize', 'no', '--logfile', "$self->{dir}/redis.log");
    $self->wait_port('redis', $p);
}

sub start_standin {
    my ($self) = @_;
    my $p = $self->port('upstream');
    $self->spawn('standin', "$self->{dir}/standin.log",
        $^X, $STANDIN, '--port', $p, '--dir', "$self->{dir}/standin");
    $self->wait_port('standin', $p);
}

sub start_nginx {
    my ($self) = @_;
    my $d = $self->{dir};
    BAIL_OUT('write_conf() before run()') unless -f "$d/nginx.conf";
    $self->spawn('nginx', "$d/nginx.out",
        $self->{nginx}, '-p', "$d/", '-c', 'nginx.conf', '-e', 'error.log');
    # every port the conf listens on must accept before tests start
    my $conf = read_file("$d/nginx.conf");
    my %seen;
    for my $p ($conf =~ /listen\s+127\.0\.0\.1:(\d+)/g) {
        $self->wait_port('nginx', $p) unless $seen{$p}++;
    }
}

# fork+exec with stdout/stderr to a file; never through a shell
sub spawn {
    my ($self, $name, $out, @cmd) = @_;
    my $pid = fork;
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', $out or POSIX::_exit(126);
        open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
        exec { $cmd[0] } @cmd or POSIX::_exit(127);
    }
    $self->{pids}{$name} = $pid;
}

# Bounded wait until 127.0.0.1:$port accepts; fails fast if the process
# already died (a bad conf), showing its output.
sub wait_port {
    my ($self, $name, $port) = @_;
    my $deadline = time + $WAIT;
    while (time < $deadline) {
        my $s = IO::Socket::INET->new(
            PeerAddr => '127.0.0.1', PeerPort => $port, Proto => 'tcp');
        if ($s) {
            close $s;
            return 1;
        }
        my $pid = $self->{pids}{$name};
        if (waitpid($pid, WNOHANG) == $pid) {
            delete $self->{pids}{$name};
            my $why = $self->startup_output($name);
            BAIL_OUT("$name exited during start-up: $why");
        }
        sleep $POLL;
    }
    BAIL_OUT("$name: port $port not ready after ${WAIT}s: "
        . $self->startup_output($name));
}

sub startup_output {
    my ($self, $name) = @_;
    my %file = (nginx => 'nginx.out', redis => 'redis.log',
                standin => 'standin.log');
    my $f = "$self->{dir}/$file{$name}";
    my $txt = -f $f ? read_file($f) : '';
    $txt .= read_file("$self->{dir}/error.log")
        if $name eq 'nginx' && -f "$self->{dir}/error.log";
    $txt =~ s/\s+/ /g;
    return substr($txt, -600);
}

# nginx -t on a configuration of its own, whose http block holds $http:
# how a test shows that a bad directive or file fails the check with the
# message an operator needs.  Its files live in client_dir (what an
# operator wrote, outside the leak scan).  Returns (exit status, output,
# conf path); the output alone in scalar context.
sub conf_test {
    my ($self, $http) = @_;
    my $c = $self->{client};
    my $n = ++$self->{conf_tests};
    my $conf = "$c/t-$n.conf";
    write_file($conf, <<"EOF");
pid $c/t-$n.pid;
load_module $self->{module};
events { }
http {
$http
}
EOF
    my $out = `$self->{nginx} -t -p $c/ -c $conf -e $c/t-$n.err 2>&1`;
    my $status = $? >> 8;
    return wantarray ? ($status, $out, $conf) : $out;
}

# nginx: QUIT (graceful), then TERM, then KILL; others: TERM then KILL.
# Every wait is bounded, so a stuck process cannot hang the suite.
sub stop {
    my ($self) = @_;
    $self->stop_one('nginx', 'QUIT', 'TERM');
    $self->stop_one('standin', 'TERM');
    $self->stop_one('redis', 'TERM');
}

sub stop_one {
    my ($self, $name, @signals) = @_;
    my $pid = delete $self->{pids}{$name} or return;
    for my $sig (@signals, 'KILL') {
        # a master killed outright would orphan its workers: take them too
        kill 'KILL', children_of($pid) if $sig eq 'KILL';
        kill $sig, $pid;
        my $deadline = time + ($sig eq 'KILL' ? 2 : $WAIT);
        while (time < $deadline) {
            return 1 if waitpid($pid, WNOHANG) == $pid;
            sleep $POLL;
        }
        diag("$name did not exit on SIG$sig") if $sig ne 'KILL';
    }
    return 0;
}

# pids whose parent is $ppid (from /proc), e.g. nginx's workers
sub children_of {
    my ($ppid) = @_;
    my @kids;
    for my $stat (glob '/proc/[0-9]*/stat') {
        open my $fh, '<', $stat or next;
        my $line = <$fh> // next;
        # pid (comm) state ppid ...; comm may contain spaces
        push @kids, $1 if $line =~ /^(\d+) \(.*\) \S+ (\d+) / && $2 == $ppid;
    }
    return @kids;
}

# Reloads nginx (HUP, after write_conf) and waits, bounded, until every
# worker is a new one: requests after it see the new configuration.
# Returns whether that happened.
sub reload {
    my ($self) = @_;
    my $master = $self->{pids}{nginx};
    my %old = map { $_ => 1 } children_of($master);
    kill 'HUP', $master;
    my $deadline = time + $WAIT;
    while (time < $deadline) {
        my @now = children_of($master);
        return 1 if @now && !grep { $old{$_} } @now;
        sleep $POLL;
    }
    return 0;
}

# Ends a test file: stop everything, then the checks every .t must run.
sub done {
    my ($self) = @_;
    $self->stop;
    $self->check_error_log;
    $self->check_no_phi;
    my $keep = $ENV{PHIGATE_TEST_LEAVE} || !Test::More->builder->is_passing;
    if ($keep) {
        diag("kept test dir $self->{dir}");
    } else {
        remove_tree($self->{dir});
    }
    $self->{done} = 1;
    done_testing();
}

# $file: another nginx's error log (the demo's); default: ours
sub check_error_log {
    my ($self, $file) = @_;
    $file //= "$self->{dir}/error.log";
    my $log = -f $file ? read_file($file) : '';
    my $label = File::Spec->abs2rel($file, $self->{dir});
    my @bad = grep { /\[(?:alert|emerg|crit)\]/ } split /\n/, $log;
    ok(!@bad, "$label: no [alert], [emerg] or [crit] lines")
        or diag(scalar(@bad) . " lines, first: " . scrub($self, $bad[0]));
    my @sig = grep { /exited on signal/ } split /\n/, $log;
    ok(!@sig, "$label: no worker exited on signal")
        or diag(scrub($self, $sig[0]));
}

sub DESTROY {
    my ($self) = @_;
    $self->stop if %{ $self->{pids} || {} };
}

END {
    # safety net when a test dies before done(): never leave daemons behind
    $_->stop for grep { defined } @LIVE;
}


# ---------------------------------------------------------------------------
# PHI bookkeeping and the leak scan

# Registers a PHI value the test is about to send; returns the value.  The
# label is what diagnostics show, never the value.
sub phi {
    my ($self, $label, $value) = @_;
    push @{ $self->{phi} }, [$label, $value];
    return $value;
}

# A stand-in record that may hold PHI: a request forwarded in monitor mode.
sub allow_phi_in_standin {
    my ($self, $n) = @_;
    $self->{allowed}{$n} = 1;
}

# The forms a leaked value could take in a file: as sent, digits only,
# URL-encoded (%20 and +).
sub phi_forms {
    my ($value) = @_;
    my %f = ($value => 1);
    (my $digits = $value) =~ s/\D//g;
    $f{$digits} = 1 if length $digits >= 6;
    my $enc = join '', map {
        /[A-Za-z0-9\-._~]/ ? $_ : sprintf('%%%02X', ord)
    } split //, $value;
    $f{$enc} = 1;
    (my $plus = $enc) =~ s/%20/+/g;
    $f{$plus} = 1;
    return grep { length } keys %f;
}

# Greps every file under the temp dir (logs, audit log, client-visible
# responses, stand-in recordings except allowed ones) for every PHI form.
# Returns { label => [files relative to the dir] } for labels found.
sub phi_hits {
    my ($self) = @_;
    my @files;
    File::Find::find({ no_chdir => 1, wanted => sub {
        return unless -f $_;
        return if m{/standin/(\d+)\.\w+$} && $self->{allowed}{$1 + 0};
        push @files, $_;
    } }, $self->{dir});

    my %content = map { $_ => read_file($_) } @files;
    my %hits;
    for my $p (@{ $self->{phi} }) {
        my ($label, $value) = @$p;
        for my $f (sort @files) {
            next unless grep { index($content{$f}, $_) >= 0 }
                phi_forms($value);
            push @{ $hits{$label} }, File::Spec->abs2rel($f, $self->{dir});
        }
    }
    return \%hits;
}

sub check_no_phi {
    my ($self) = @_;
    my $hits = $self->phi_hits;
    my %seen;
    for my $label (map { $_->[0] } @{ $self->{phi} }) {
        next if $seen{$label}++;
        ok(!$hits->{$label}, "no trace of $label in any produced file")
            or diag("found in: @{ $hits->{$label} }");
    }
}

# Replaces registered PHI in a string before it goes to diagnostics.
sub scrub {
    my ($self, $s) = @_;
    return '' unless defined $s;
    for my $p (@{ $self->{phi} }) {
        for my $form (phi_forms($p->[1])) {
            $s =~ s/\Q$form\E/<$p->[0]>/g;
        }
    }
    return $s;
}


# ---------------------------------------------------------------------------
# clients

# Raw HTTP/1.1 over a socket, for exact bytes, chunked bodies and any Host.
#   method, path, host (default localhost), headers => [k, v, ...],
#   body (adds Content-Length unless a header gives it),
#   chunks => [..] (Transfer-Encoding: chunked, one write per chunk),
#   raw => exact request bytes, port => name (default 'nginx')
# Always sends Connection: close and reads to EOF.  Returns
#   { status, reason, headers => {lc name => value}, header_list => [[k,v]],
#     body, raw, request_id (X-Request-Id when the conf adds it) }
sub http {
    my ($self, %a) = @_;
    my $port = $self->port($a{port} // 'nginx');
    my @w = defined $a{raw} ? ($a{raw}) : build_request(%a);

    my $s = IO::Socket::INET->new(
        PeerAddr => '127.0.0.1', PeerPort => $port, Proto => 'tcp',
        Timeout => 5,
    ) or die "connect 127.0.0.1:$port: $!";
    $s->blocking(0);
    local $SIG{PIPE} = 'IGNORE';    # nginx may answer and close early

    my $deadline = time + $IO_LIMIT;
    my $sel = IO::Select->new($s);
    my $resp = '';
    my $broken = 0;
    for my $i (0 .. $#w) {
        # a pause between chunks makes nginx see them in separate reads;
        # nothing is asserted about timing
        sleep($a{chunk_pause} // 0.02) if $i > 0 && $a{chunks};
        $broken = !send_all($s, $sel, $w[$i], $deadline, \$resp);
        last if $broken;
    }
    while (time < $deadline) {
        $sel->can_read(0.2) or next;
        my $got = sysread $s, my $buf, 65536;
        if (!defined $got) {
            next if $! == EAGAIN || $! == EWOULDBLOCK || $! == EINTR;
            last;                                     # reset: keep what came
        }
        last if $got == 0;
        $resp .= $buf;
    }
    close $s;

    my $r = parse_response($resp);
    $self->save_response($resp);
    return $r;
}

sub build_request {
    my (%a) = @_;
    my $method = $a{method} // 'GET';
    my $path   = $a{path}   // '/';
    my @h      = @{ $a{headers} || [] };
    my %have   = map { lc($h[$_]) => 1 } grep { !($_ % 2) } 0 .. $#h;

    my $head = "$method $path HTTP/1.1\r\nHost: " . ($a{host} // 'localhost')
        . "\r\n";
    for (my $i = 0; $i < @h; $i += 2) {
        $head .= "$h[$i]: $h[$i + 1]\r\n";
    }
    $head .= "Connection: close\r\n" unless $have{connection};

    if ($a{chunks}) {
        $head .= "Transfer-Encoding: chunked\r\n\r\n";
        my @parts = map { sprintf("%x\r\n", length) . "$_\r\n" }
            grep { length } @{ $a{chunks} };
        $parts[-1] .= "0\r\n\r\n";
        return ($head . shift(@parts), @parts);
    }
    if (defined $a{body}) {
        $head .= 'Content-Length: ' . length($a{body}) . "\r\n"
            unless $have{'content-length'};
        return ($head . "\r\n" . $a{body});
    }
    return ($head . "\r\n");
}

# Writes everything or returns 0 when the peer stopped reading (it may
# have answered already: whatever it sent is collected into $$resp).
sub send_all {
    my ($s, $sel, $data, $deadline, $resp) = @_;
    while (length $data) {
        return 0 if time >= $deadline;
        my $w = syswrite $s, $data;
        if (defined $w) {
            substr($data, 0, $w) = '';
            next;
        }
        return 0 unless $! == EAGAIN || $! == EWOULDBLOCK || $! == EINTR;
        # drain what the server says meanwhile so neither side blocks
        if ($sel->can_read(0)) {
            my $got = sysread $s, my $buf, 65536;
            return 0 if defined $got && $got == 0;
            $$resp .= $buf if $got;
        }
        IO::Select->new($s)->can_write(0.1);
    }
    return 1;
}

sub parse_response {
    my ($resp) = @_;
    my $end = index $resp, "\r\n\r\n";
    return { status => 0, body => '', headers => {}, header_list => [],
             raw => $resp } if $end < 0;
    my ($line, @lines) = split /\r\n/, substr($resp, 0, $end);
    my ($status, $reason) = $line =~ m{^HTTP/[\d.]+ (\d{3}) ?(.*)$};
    my (%h, @list);
    for (@lines) {
        my ($k, $v) = /^([^:]+):\s*(.*?)\s*$/ or next;
        push @list, [$k, $v];
        $h{lc $k} = exists $h{lc $k} ? "$h{lc $k}, $v" : $v;
    }
    my $body = substr $resp, $end + 4;
    if (lc($h{'transfer-encoding'} // '') eq 'chunked') {
        $body = dechunk_simple($body);
    } elsif (defined $h{'content-length'}) {
        $body = substr $body, 0, $h{'content-length'};
    }
    return {
        status      => $status // 0,
        reason      => $reason,
        headers     => \%h,
        header_list => \@list,
        body        => $body,
        raw         => $resp,
        request_id  => $h{'x-request-id'},
    };
}

sub dechunk_simple {
    my ($b) = @_;
    my $out = '';
    while ($b =~ s/^([0-9a-fA-F]+)[^\r\n]*\r\n//) {
        my $n = hex $1;
        last if $n == 0;
        $out .= substr $b, 0, $n, '';
        $b =~ s/^\r\n//;
    }
    return $out;
}

# Client-visible responses go into the temp dir so the leak scan sees them.
sub save_response {
    my ($self, $raw) = @_;
    my $n = ++$self->{nresp};
    write_file(sprintf('%s/responses/%04d', $self->{dir}, $n), $raw);
}

# HTTP/2 with prior knowledge through curl (the h2 listener): same
# arguments as http() except chunks/raw; port defaults to 'h2'.
sub h2 {
    my ($self, %a) = @_;
    my $port = $self->port($a{port} // 'h2');
    my $c = $self->{client};
    my $n = ++$self->{nresp};
    my @cmd = ('curl', '-sS', '--http2-prior-knowledge', '--max-time',
        $IO_LIMIT, '-X', $a{method} // 'GET',
        '-D', "$c/h2-$n.head", '-o', "$c/h2-$n.body",
        '-H', 'Host: ' . ($a{host} // 'localhost'));
    my @h = @{ $a{headers} || [] };
    my %have = map { lc($h[$_]) => 1 } grep { !($_ % 2) } 0 .. $#h;
    for (my $i = 0; $i < @h; $i += 2) {
        push @cmd, '-H', "$h[$i]: $h[$i + 1]";
    }
    # curl's own defaults would make the platform see headers the test
    # did not send
    for my $d ('Accept', 'User-Agent') {
        push @cmd, '-H', "$d:" unless $have{lc $d};
    }
    if (defined $a{body}) {
        # the request body stays in the client dir, outside the leak scan
        write_file("$c/h2-$n.req", $a{body});
        push @cmd, '--data-binary', "\@$c/h2-$n.req";
    }
    push @cmd, "http://127.0.0.1:$port" . ($a{path} // '/');

    my $rc = system_quiet(@cmd);
    my $head = -f "$c/h2-$n.head" ? read_file("$c/h2-$n.head") : '';
    my $body = -f "$c/h2-$n.body" ? read_file("$c/h2-$n.body") : '';
    unlink "$c/h2-$n.req";
    write_file(sprintf('%s/responses/%04d', $self->{dir}, $n), $head . $body);
    my $r = parse_response($head);
    $r->{body} = $body;
    $r->{curl_rc} = $rc;
    ($r->{protocol}) = $head =~ m{^(HTTP/\S+)};
    return $r;
}

# curl 7.88 (Debian 12) sometimes reports "stream not closed cleanly"
# (exit 92) and drops the whole answer when nginx answers an HTTP/2
# request before reading its body and then resets the stream: stock nginx
# does the same with `return 413` or client_max_body_size, so it is not
# phigate's doing.  Tests then check the answer in the audit record.
sub h2_answer_lost {
    my ($r) = @_;
    return ($r->{curl_rc} // 0) == 92 && !$r->{status};
}

# The first audit record after the first $seen ones for this host/path,
# waiting (bounded): for answers the client never saw.
sub audit_after {
    my ($self, $seen, $req) = @_;
    (my $path = $req->{path}) =~ s/\?.*//s;
    my $deadline = time + $WAIT;
    while (time < $deadline) {
        my @lines = $self->audit_lines;
        my ($a) = grep { ($_->{path} // '') eq $path
                         && ($_->{host} // '') eq $req->{host} }
            @lines[$seen .. $#lines];
        return $a if $a;
        sleep $POLL;
    }
    return undef;
}

# Runs $code->($i) for $i = 1 .. $n in as many client processes at once
# and waits for them all: concurrent requests, for several workers.
sub concurrently {
    my ($self, $n, $code) = @_;
    my @pids;
    for my $i (1 .. $n) {
        my $pid = fork;
        die "fork: $!" unless defined $pid;
        if ($pid == 0) {
            $code->($i);
            POSIX::_exit(0);
        }
        push @pids, $pid;
    }
    waitpid $_, 0 for @pids;
}

sub system_quiet {
    my (@cmd) = @_;
    my $pid = fork;
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDOUT, '>', '/dev/null';
        open STDERR, '>', '/dev/null';
        exec { $cmd[0] } @cmd or POSIX::_exit(127);
    }
    waitpid $pid, 0;
    return $? >> 8;
}


# ---------------------------------------------------------------------------
# what the module and nginx wrote

# Decoded audit lines (phigate_audit_log %%DIR%%/audit.log by convention).
sub audit_lines {
    my ($self, $file) = @_;
    $file //= "$self->{dir}/audit.log";
    return () unless -f $file;
    my @out;
    for my $l (split /\n/, read_file($file)) {
        next unless length $l;
        my $j = eval { JSON::PP->new->decode($l) };
        push @out, $j // { _unparsable => 1 };
    }
    return @out;
}

# Bounded poll for the audit line of one request id (the log phase may run
# after the client saw the response, e.g. on lingering close).
sub audit_for {
    my ($self, $rid) = @_;
    return undef unless defined $rid;
    # after one miss, wait less: a broken module must fail fast, not slowly
    my $deadline = time + ($self->{audit_missed} ? 1 : $WAIT);
    while (time < $deadline) {
        my @m = grep { ($_->{request_id} // '') eq $rid } $self->audit_lines;
        return $m[0] if @m;
        sleep $POLL;
    }
    $self->{audit_missed} = 1;
    return undef;
}

# Access log line (log_format phigate) of one request id, split in fields:
#   { rid, status, method, uri, decision, findings }
sub access_for {
    my ($self, $rid, $file) = @_;
    $file //= "$self->{dir}/access.log";
    return undef unless defined $rid;
    my $deadline = time + $WAIT;
    while (time < $deadline) {
        if (-f $file) {
            for (split /\n/, read_file($file)) {
                my @f = split / /;
                next unless $f[0] eq $rid;
                my %l;
                @l{qw(rid status method uri decision findings)} = @f;
                return \%l;
            }
        }
        sleep $POLL;
    }
    return undef;
}

sub error_log {
    my ($self) = @_;
    my $f = "$self->{dir}/error.log";
    return -f $f ? read_file($f) : '';
}

# The stand-in's recordings, numbered in arrival order, without sync
# requests:  { n, raw, head, body, done, request_line, method, uri,
#              headers => [[k, v], ...] }
sub standin_records {
    my ($self) = @_;
    my $d = "$self->{dir}/standin";
    opendir my $dh, $d or die "opendir $d: $!";
    my %n = map { /^(\d+)\.raw$/ ? ($1 + 0 => 1) : () } readdir $dh;
    closedir $dh;
    my @out;
    for my $n (sort { $a <=> $b } keys %n) {
        my $f = sprintf '%s/%04d', $d, $n;
        my %r = (n => $n, raw => read_file("$f.raw"), done => -f "$f.done");
        if (-f "$f.head") {
            $r{head} = read_file("$f.head");
            $r{body} = read_file("$f.body");
            my ($line, @lines) = split /\r\n/, $r{head};
            $r{request_line} = $line;
            @r{qw(method uri)} = split / /, $line;
            $r{headers} = [ map { [ /^([^:]+):\s*(.*?)\s*$/ ] } @lines ];
        }
        next if ($r{uri} // '') eq '/__sync'
            || $r{raw} =~ m{^GET /__sync };
        push @out, \%r;
    }
    return @out;
}

# Highest record number so far; pass it to standin_since().
sub standin_mark {
    my ($self) = @_;
    my $d = "$self->{dir}/standin";
    opendir my $dh, $d or die "opendir $d: $!";
    my ($max) = sort { $b <=> $a } map { /^(\d+)\.raw$/ ? $1 + 0 : () }
        readdir $dh;
    closedir $dh;
    return $max // 0;
}

# Records after $mark, once a sync request has gone through nginx and been
# recorded.  The stand-in drains every socket before finishing a request,
# so by then every byte nginx sent before the sync is on disk: an empty
# answer really means nothing reached the platform.
sub standin_since {
    my ($self, $mark) = @_;
    $self->sync;
    return grep { $_->{n} > $mark } $self->standin_records;
}

sub sync {
    my ($self, $port) = @_;
    BAIL_OUT('conf has no %%SYNC_LOCATION%%') unless $self->{has_sync};
    my $r = $self->http(path => '/__sync', port => $port // 'nginx');
    die "sync request failed: status $r->{status}" unless $r->{status} == 200;
}


# ---------------------------------------------------------------------------
# assertions shared by the .t files

# The client got exactly the stand-in's answer for a forwarded request.
sub is_forwarded_answer {
    my ($self, $r, $rec, $name) = @_;
    my $ok = $r->{status} == 200
        && ($r->{headers}{'content-type'} // '') =~ m{^application/json}
        && defined $rec && $r->{body} eq sprintf('{"id":"%d"}', $rec->{n});
    ok($ok, "$name: client got the platform's 200 {\"id\"}")
        or diag("status $r->{status}, body " . $self->scrub($r->{body}));
}

# The stand-in got the client's request unchanged: request line (path and
# query), body bytes, Host, and every end-to-end header in order.
#   lc_names => 1: HTTP/2 carries header names in lower case
sub is_same_request {
    my ($self, $rec, $sent, $name, %o) = @_;
    if (!$rec || !$rec->{done}) {
        fail("$name: one complete request reached the platform");
        return;
    }
    my $line_ok = $rec->{request_line} =~ m{^\Q$sent->{method}\E \Q$sent->{path}\E HTTP/1\.[01]$};
    ok($line_ok, "$name: request line (method, path, query) unchanged")
        or diag('got ' . $self->scrub($rec->{request_line}));
    my $want_body = sent_body($sent) // '';
    ok($rec->{body} eq $want_body, "$name: body byte for byte")
        or diag(sprintf 'sent %d bytes (sha %s), got %d (sha %s)',
            length $want_body, substr(sha256_hex($want_body), 0, 12),
            length $rec->{body}, substr(sha256_hex($rec->{body}), 0, 12));

    my %hop = map { $_ => 1 } qw(host connection content-length
        transfer-encoding keep-alive te trailer upgrade);
    my @h = @{ $sent->{headers} || [] };
    my @want;
    for (my $i = 0; $i < @h; $i += 2) {
        next if $hop{lc $h[$i]};
        push @want, ($o{lc_names} ? lc $h[$i] : $h[$i]) . ": $h[$i + 1]";
    }
    my @got = map { "$_->[0]: $_->[1]" }
        grep { !$hop{lc $_->[0]} } @{ $rec->{headers} };
    is_deeply(\@got, \@want, "$name: end-to-end headers preserved in order");
    my ($host) = map { $_->[1] } grep { lc $_->[0] eq 'host' }
        @{ $rec->{headers} };
    is($host, $sent->{host}, "$name: Host is the platform's");
}

# A block answer: status, JSON content type, exact JSON shape, findings.
#   $want = [ [TYPE, field, count], ... ] (any order); error => the code
#   when it is not phi_detected (consent_kind, ...)
sub is_block_answer {
    my ($self, $r, $want, $name, %o) = @_;
    my $status = $o{status} // 403;
    is($r->{status}, $status, "$name: status $status");
    like($r->{headers}{'content-type'} // '', qr{^application/json\b},
        "$name: Content-Type application/json");
    my $j = eval { JSON::PP->new->decode($r->{body}) };
    if (ref $j ne 'HASH') {
        fail("$name: body is a JSON object");
        diag('body: ' . $self->scrub($r->{body}));
        return;
    }
    is_deeply([sort keys %$j], [qw(error findings request_id)],
        "$name: body has exactly error, request_id, findings");
    my $error = $o{error} // 'phi_detected';
    is($j->{error}, $error, "$name: error $error");
    like($j->{request_id} // '', qr/^[0-9a-f]{32}$/, "$name: request_id");
    is($j->{request_id}, $r->{request_id}, "$name: request_id is \$request_id")
        if defined $r->{request_id};
    is_deeply(norm_findings($j->{findings}), norm_findings($want),
        "$name: findings");
    return $j;
}

# An uninspectable answer: {"error":CODE,"request_id":...} and status.
sub is_error_answer {
    my ($self, $r, $status, $code, $name) = @_;
    is($r->{status}, $status, "$name: status $status");
    like($r->{headers}{'content-type'} // '', qr{^application/json\b},
        "$name: Content-Type application/json");
    my $j = eval { JSON::PP->new->decode($r->{body}) } // {};
    is_deeply([sort keys %$j], [qw(error request_id)],
        "$name: body has exactly error and request_id");
    is($j->{error}, $code, "$name: error $code");
    like($j->{request_id} // '', qr/^[0-9a-f]{32}$/, "$name: request_id");
}

# Checks one audit record against expectations:
#   decision, reason, mode, platform, dm, status, host, method, path,
#   findings => [[TYPE, field, count], ...], body => bytes the client sent
sub is_audit {
    my ($self, $rid, $want, $name) = @_;
    my $a = $self->audit_for($rid);
    if (!$a) {
        fail("$name: audit line for the request");
        return;
    }
    my @keys = grep { exists $want->{$_} }
        qw(decision reason mode platform status host method path);
    is_deeply({ map { $_ => $a->{$_} } @keys },
              { map { $_ => $want->{$_} } @keys },
              "$name: audit " . join('/', @keys));
    if (exists $want->{dm}) {
        ok(JSON::PP::is_bool($a->{dm}) && !!$a->{dm} == !!$want->{dm},
            "$name: audit dm is " . ($want->{dm} ? 'true' : 'false'));
    }
    is($a->{schema}, 1, "$name: audit schema 1");
    like($a->{time} // '', qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
        "$name: audit time format");
    if (exists $want->{findings}) {
        is_deeply(norm_findings($a->{findings}),
            norm_findings($want->{findings}), "$name: audit findings");
        my $offs_ok = 1;
        for my $f (@{ $a->{findings} || [] }) {
            my $o = $f->{offsets};
            $offs_ok = 0 unless ref $o eq 'ARRAY' && @$o == $f->{count}
                && !grep { !/^\d+$/ } @$o;
        }
        ok($offs_ok, "$name: audit offsets, one per occurrence");
    }
    if (exists $want->{body}) {
        is($a->{body_length}, length $want->{body},
            "$name: audit body_length");
        is($a->{body_sha256}, sha256_hex($want->{body}),
            "$name: audit body_sha256 of the bytes sent");
    }
    return $a;
}

# via 'h2': curl HTTP/2; otherwise the raw HTTP/1.1 client
sub send_req {
    my ($self, $req, $via) = @_;
    return ($via // '') eq 'h2' ? $self->h2(%$req) : $self->http(%$req);
}

# the body bytes a request hash sends (chunks joined), undef for none
sub sent_body {
    my ($req) = @_;
    return defined $req->{chunks} ? join('', @{ $req->{chunks} })
                                  : $req->{body};
}

# Sends $req (via => 'h2' for curl HTTP/2) and checks it went through
# untouched: one complete record at the stand-in equal to what was sent,
# the platform's answer to the client, and (when given) the audit record.
# Returns (response, record).
sub expect_forwarded {
    my ($self, $req, $name, %o) = @_;
    $o{audit} = { %{ $o{audit} }, findings => with_media($req,
        $o{audit}{findings}) } if $o{audit} && $o{audit}{findings};
    my $mark = $self->standin_mark;
    my $r = $self->send_req($req, $o{via});
    my @recs = $self->standin_since($mark);
    is(scalar @recs, 1, "$name: forwarded once to the platform");
    $self->is_same_request($recs[0], $req, $name,
        lc_names => ($o{via} // '') eq 'h2');
    $self->is_forwarded_answer($r, $recs[0], $name);
    if ($o{audit}) {
        my $body = sent_body($req);
        $self->is_audit($r->{request_id}, { status => 0,
            (defined $body ? (body => $body) : ()),
            %{ $o{audit} } }, $name);
    }
    return ($r, $recs[0]);
}

# Sends $req and checks it was blocked: the block answer with $findings
# ([[TYPE, field, count], ...]) and not one byte at the stand-in.
# Returns the response.
sub expect_blocked {
    my ($self, $req, $findings, $name, %o) = @_;
    $findings = with_media($req, $findings);
    my $mark = $self->standin_mark;
    my $r = $self->send_req($req, $o{via});
    $self->is_block_answer($r, $findings, $name, %o);
    my @recs = $self->standin_since($mark);
    is(scalar @recs, 0, "$name: nothing reached the platform");
    if ($o{audit}) {
        my $body = sent_body($req);
        $self->is_audit($r->{request_id}, { decision => 'block',
            reason => $o{error} // 'phi_detected',
            status => $o{status} // 403,
            findings => $findings, (defined $body ? (body => $body) : ()),
            %{ $o{audit} } }, $name);
    }
    return $r;
}

# Sends $req and checks it was refused as uninspectable: status, error
# code, and nothing at the stand-in.  Returns the response.
sub expect_refused {
    my ($self, $req, $status, $code, $name, %o) = @_;
    my $mark = $self->standin_mark;
    my $seen = () = $self->audit_lines;
    my $r = $self->send_req($req, $o{via});
    if (h2_answer_lost($r)) {
        # see h2_answer_lost(); the answer is checked in the audit record
        note("$name: curl lost the early HTTP/2 answer (rc 92)");
        $o{audit} //= {};
        my $a = $self->audit_after($seen, $req);
        $r->{request_id} = $a && $a->{request_id};
    } else {
        $self->is_error_answer($r, $status, $code, $name);
    }
    my @recs = $self->standin_since($mark);
    is(scalar @recs, 0, "$name: nothing reached the platform");
    if ($o{audit}) {
        $self->is_audit($r->{request_id}, { decision => 'block',
            reason => $code, status => $status, %{ $o{audit} } }, $name);
    }
    return $r;
}

# The findings a request makes: those given, and the MEDIA finding of its
# upload when the request says where it is (media => 'source#media').
sub with_media {
    my ($req, $findings) = @_;
    return $findings unless ref $findings eq 'ARRAY' && $req->{media};
    return [ @$findings, [ 'MEDIA', $req->{media}, 1 ] ];
}

# [[TYPE, field, count], ...] or [{type, field, count}, ...] -> sorted
# canonical list of "TYPE field count" strings
sub norm_findings {
    my ($f) = @_;
    return ['not an array'] unless ref $f eq 'ARRAY';
    return [ sort map {
        ref $_ eq 'ARRAY' ? "$_->[0] $_->[1] $_->[2]"
                          : join ' ', map { $_ // 'undef' }
                                @{$_}{qw(type field count)}
    } @$f ];
}


# ---------------------------------------------------------------------------
# small helpers

# The path of one of the project's tools (phigate-ctl, phigate-audit):
# PHIGATE_TOOLS, else the directory of PHIGATE_MODULE (the Makefile builds
# both in one BUILD directory), else build/.  A tool that is not built
# stops the run: a test that skips what it is there to test cannot fail.
sub tool {
    my ($name) = @_;
    my $dir = $ENV{PHIGATE_TOOLS}
        // ($ENV{PHIGATE_MODULE} ? dirname(abs_path($ENV{PHIGATE_MODULE}))
                                 : "$TOP/build");
    my $path = "$dir/$name";
    BAIL_OUT("$path: not built (make tools)") unless -x $path;
    return $path;
}

sub read_file {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "$f: $!";
    local $/;
    my $c = <$fh>;
    return $c // '';
}

sub write_file {
    my ($f, $c) = @_;
    open my $fh, '>:raw', $f or die "$f: $!";
    print {$fh} $c;
    close $fh or die "$f: $!";
}

1;
