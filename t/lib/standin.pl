#!/usr/bin/perl
#
# Stand-in for a social-media platform API (graph.facebook.com, api.x.com,
# ...): an HTTP/1.x server on a loopback port that records exactly what it
# received and answers like a platform creating an object:
#
#     200, Content-Type: application/json, {"id":"<n>"}
#
#   perl t/lib/standin.pl --port N --dir DIR [--idle SECONDS] [--shapes]
#
# --shapes answers as each platform does, by Host, for post-history tests:
# X 201 {"data":{"id":...}}, LinkedIn 201 with x-restli-id and no body,
# Graph {"id":...,"post_id":...}, others {"id":...}; gzip-compressed when
# the request accepts gzip.
#
# For request n (numbered from 1 in arrival order) it writes into DIR:
#   NNNN.raw    every byte read for the request, exactly as on the wire,
#               appended as soon as it arrives (so a request the gateway
#               abandons half-way is still visible: "not even partially")
#   NNNN.head   request line and header lines, exactly as received
#   NNNN.body   the body bytes, de-chunked when Transfer-Encoding: chunked
#   NNNN.done   written last, when the request was complete and answered;
#               its absence means the request was cut short (partial)
# (Pipelined requests on one keepalive connection: bytes that arrived
# together with the end of request n also stay in n's .raw.  nginx does
# not pipeline to upstreams.)
#
# It is a single-process select() loop on purpose: every readable socket is
# drained before any request is finalised, so once a later request (a test's
# sync request) has been recorded, every byte nginx sent earlier has been
# recorded too.  That makes "nothing reached the platform" assertions
# deterministic without sleeping.
#
# Bounded everywhere: header block <= 64 KiB, body <= 64 MiB, idle
# connections are closed after --idle seconds (default 10).  TERM/INT stop
# the loop; partial requests are left as they are.

use strict;
use warnings;

use Errno qw(EAGAIN EINTR EWOULDBLOCK);
use Getopt::Long;
use IO::Select;
use IO::Socket::INET;
use POSIX ();
use Time::HiRes qw(time);

my $MAX_HEAD = 64 * 1024;
my $MAX_BODY = 64 * 1024 * 1024;

my ($port, $dir, $idle, $shapes) = (0, undef, 10, 0);
GetOptions('port=i' => \$port, 'dir=s' => \$dir, 'idle=f' => \$idle,
           'shapes' => \$shapes)
    or die "usage: $0 --port N --dir DIR [--idle S] [--shapes]\n";
die "usage: $0 --port N --dir DIR\n" unless $port && defined $dir;
-d $dir or mkdir $dir or die "mkdir $dir: $!\n";

my $stop = 0;
$SIG{TERM} = $SIG{INT} = sub { $stop = 1 };
$SIG{PIPE} = 'IGNORE';    # a gateway closing early must not kill us

my $listen = IO::Socket::INET->new(
    LocalAddr => '127.0.0.1',
    LocalPort => $port,
    Proto     => 'tcp',
    Listen    => 128,
    ReuseAddr => 1,
    Blocking  => 0,
) or die "standin: listen 127.0.0.1:$port: $!\n";

my $sel = IO::Select->new($listen);
my %conn;           # fileno => connection state
my $seq = 0;        # last request number handed out

while (!$stop) {
    my @ready = $sel->can_read(0.5);

    # First drain every readable socket, then finalise: see the header.
    my @touched;
    for my $fh (@ready) {
        if ($fh == $listen) {
            accept_all();
            next;
        }
        my $c = $conn{fileno $fh} or next;
        read_some($c);
        push @touched, $c;
    }
    process($_) for @touched;
    reap_idle();
}

finish_conn($_) for values %conn;
exit 0;


sub accept_all {
    while (my $s = $listen->accept) {
        $s->blocking(0);
        $conn{fileno $s} = {
            sock   => $s,
            buf    => '',       # bytes not yet consumed by the parser
            n      => undef,    # request number, once the first byte came
            eof    => 0,
            last   => time,
        };
        $sel->add($s);
    }
}


sub read_some {
    my ($c) = @_;

    for (;;) {
        my $got = sysread($c->{sock}, my $chunk, 65536);
        if (!defined $got) {
            next if $! == EINTR;
            last if $! == EAGAIN || $! == EWOULDBLOCK;
            $c->{eof} = 1;    # ECONNRESET and friends: treat as close
            last;
        }
        if ($got == 0) {
            $c->{eof} = 1;
            last;
        }
        $c->{last} = time;
        if (!defined $c->{n}) {
            $c->{n} = ++$seq;
            $c->{raw_len} = 0;
        }
        append_file(name($c->{n}, 'raw'), $chunk);
        $c->{raw_len} += length $chunk;
        $c->{buf} .= $chunk;
    }
}


# Parses as many complete requests as the buffer holds and answers them.
sub process {
    my ($c) = @_;

    return if $c->{closed};
    while (defined $c->{n} && length $c->{buf}) {
        my $req = parse_request($c);
        if (!defined $req) {
            last;                                  # need more bytes
        }
        if (!ref $req) {
            answer($c, 400, '{"error":"bad_request"}', 1);
            return finish_conn($c);
        }

        write_file(name($c->{n}, 'head'), $req->{head});
        write_file(name($c->{n}, 'body'), $req->{body});
        my $close = $req->{close};
        if ($shapes) {
            my ($status, $body, $extra) = shaped($req->{head}, $c->{n});
            answer($c, $status, $body, $close, $extra);
        } else {
            answer($c, 200, sprintf('{"id":"%d"}', $c->{n}), $close);
        }
        write_file(name($c->{n}, 'done'), '');

        # the next request on a keepalive connection gets a new number at
        # its first byte
        $c->{n} = undef;
        if ($close) {
            return finish_conn($c);
        }
        if (length $c->{buf}) {
            $c->{n} = ++$seq;
            append_file(name($c->{n}, 'raw'), $c->{buf});
        }
    }

    finish_conn($c) if $c->{eof};
}


# Returns a hashref for a complete request, undef when more bytes are
# needed, or an error string when the request is not HTTP we accept.
sub parse_request {
    my ($c) = @_;

    my $end = index $c->{buf}, "\r\n\r\n";
    if ($end < 0) {
        return length $c->{buf} > $MAX_HEAD ? 'head too large' : undef;
    }
    my $head = substr $c->{buf}, 0, $end + 4;
    my ($line, @lines) = split /\r\n/, substr($head, 0, $end);
    my ($method, $uri, $proto) = split / /, $line // '', 3;
    return 'bad request line'
        unless defined $proto && $proto =~ m{^HTTP/1\.([01])$};
    my $minor = $1;

    my (%h, $te, $cl);
    for my $l (@lines) {
        my ($k, $v) = $l =~ /^([^:\s]+):[ \t]*(.*?)[ \t]*$/
            or return 'bad header line';
        $h{lc $k} = $v;
    }
    $te = $h{'transfer-encoding'};
    $cl = $h{'content-length'};

    my $pos = $end + 4;
    my $body;
    if (defined $te && lc $te eq 'chunked') {
        ($body, $pos) = dechunk($c->{buf}, $pos);
        return $body unless defined $pos;          # undef or error string
    } elsif (defined $cl) {
        return 'bad content-length' unless $cl =~ /^\d+$/ && $cl <= $MAX_BODY;
        return undef if length($c->{buf}) - $pos < $cl;
        $body = substr $c->{buf}, $pos, $cl;
        $pos += $cl;
    } else {
        $body = '';
    }

    my $conn_hdr = lc($h{connection} // '');
    my $close = $minor == 0 ? $conn_hdr !~ /keep-alive/
                            : $conn_hdr =~ /close/;

    substr($c->{buf}, 0, $pos) = '';
    return { head => $head, body => $body, close => $close ? 1 : 0 };
}


# De-chunks from $pos.  Returns (body, new pos) when the chunked body and
# its trailer are complete, (undef) when more bytes are needed, or
# (error string) on a framing error.
sub dechunk {
    my ($buf, $pos) = @_;
    my $body = '';

    for (;;) {
        my $eol = index $buf, "\r\n", $pos;
        return (length($buf) - $pos > 1024 ? 'chunk line too long' : undef)
            if $eol < 0;
        my $size_line = substr $buf, $pos, $eol - $pos;
        my ($hex) = $size_line =~ /^([0-9a-fA-F]{1,8})(?:;.*)?$/
            or return ('bad chunk size');
        my $size = hex $hex;
        $pos = $eol + 2;

        if ($size == 0) {
            # trailer section: header lines until an empty line
            for (;;) {
                my $t = index $buf, "\r\n", $pos;
                return (undef) if $t < 0;
                my $empty = $t == $pos;
                $pos = $t + 2;
                return ($body, $pos) if $empty;
            }
        }

        return ('body too large') if length($body) + $size > $MAX_BODY;
        return (undef) if length($buf) < $pos + $size + 2;
        $body .= substr $buf, $pos, $size;
        $pos += $size;
        return ('missing CRLF after chunk')
            unless substr($buf, $pos, 2) eq "\r\n";
        $pos += 2;
    }
}


# (status, body, extra header lines) as the platform named by Host answers
sub shaped {
    my ($head, $n) = @_;
    my ($host) = $head =~ /^Host:\s*([^\r\n:]+)/mi;
    my $gzip = $head =~ /^Accept-Encoding:[^\r\n]*\bgzip\b/mi;
    $host = lc($host // '');
    my ($status, $body, $extra) = (200, sprintf('{"id":"%d"}', $n), '');
    if ($host =~ /^(?:api|upload)\.(?:x|twitter)\.com$/) {
        ($status, $body) = (201, sprintf('{"data":{"id":"18%017d",'
            . '"text":"(echoed text)"}}', $n));
    } elsif ($host eq 'api.linkedin.com') {
        ($status, $body, $extra) = (201, '',
            "x-restli-id: urn:li:share:70000$n\r\n");
    } elsif ($host =~ /^graph\.facebook\.com$/) {
        $body = sprintf('{"id":"123_%d","post_id":"123_%d"}', $n, $n);
    }
    if ($gzip && length $body) {
        require IO::Compress::Gzip;
        my $z;
        IO::Compress::Gzip::gzip(\$body => \$z) or die 'gzip failed';
        ($body, $extra) = ($z, $extra . "Content-Encoding: gzip\r\n");
    }
    return ($status, $body, $extra);
}

sub answer {
    my ($c, $status, $body, $close, $extra) = @_;
    my $reason = { 200 => 'OK', 201 => 'Created' }->{$status}
        // 'Bad Request';
    my $out = "HTTP/1.1 $status $reason\r\n"
        . "Content-Type: application/json; charset=utf-8\r\n"
        . ($extra // '')
        . 'Content-Length: ' . length($body) . "\r\n"
        . 'Connection: ' . ($close ? 'close' : 'keep-alive') . "\r\n"
        . "\r\n" . $body;

    # small answers; wait for writability in bounded steps
    my $deadline = time + 5;
    my $wsel = IO::Select->new($c->{sock});
    while (length $out && time < $deadline) {
        my $w = syswrite $c->{sock}, $out;
        if (defined $w) {
            substr($out, 0, $w) = '';
            next;
        }
        last unless $! == EAGAIN || $! == EWOULDBLOCK || $! == EINTR;
        $wsel->can_write(0.1);
    }
}


sub reap_idle {
    my $now = time;
    for my $c (values %conn) {
        finish_conn($c) if $now - $c->{last} > $idle;
    }
}


# Closes a connection; a request cut short keeps its .raw without .done.
sub finish_conn {
    my ($c) = @_;
    return if $c->{closed}++;
    delete $conn{fileno $c->{sock}};
    $sel->remove($c->{sock});
    close $c->{sock};
}


sub name {
    my ($n, $ext) = @_;
    return sprintf '%s/%04d.%s', $dir, $n, $ext;
}


sub append_file {
    my ($path, $data) = @_;
    open my $fh, '>>:raw', $path or die "standin: $path: $!\n";
    print {$fh} $data;
    close $fh or die "standin: $path: $!\n";
}


# Written under a temporary name and renamed, so a reader never sees half.
sub write_file {
    my ($path, $data) = @_;
    open my $fh, '>:raw', "$path.tmp" or die "standin: $path.tmp: $!\n";
    print {$fh} $data;
    close $fh or die "standin: $path.tmp: $!\n";
    rename "$path.tmp", $path or die "standin: rename $path: $!\n";
}
