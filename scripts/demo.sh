#!/usr/bin/env bash
# The phigate demo: redis, a stand-in for graph.facebook.com and nginx with
# the module, all on loopback, all in the foreground.  Ctrl-C stops them.
#
#   scripts/demo.sh            run until Ctrl-C (make demo)
#   scripts/demo.sh --check    start, send a clean post and one with an SSN,
#                              expect 200 and 403, stop (t/90-demo.t)
#
# Ports: DEMO_PORT (8080), DEMO_PLATFORM_PORT (9081), DEMO_REDIS_PORT
# (6390).  --check picks free ports instead, unless these are set, so it
# can run beside a live demo or the test suite.  PHIGATE_MODULE and
# NGINX_BIN as for the tests.  Everything is written under demo-run/.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
check=0
case "${1:-}" in
    --check) check=1 ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

module=${PHIGATE_MODULE:-$top/build/ngx_http_phigate_module.so}
nginx=${NGINX_BIN:-/usr/sbin/nginx}
run=${DEMO_RUN:-$top/demo-run}

[ -f "$module" ] || { echo "demo: no module at $module (make module)" >&2; exit 1; }
command -v redis-server >/dev/null \
    || { echo "demo: redis-server missing (scripts/deps.sh demo)" >&2; exit 1; }

free_port() {
    perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(
        LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 1)->sockport'
}

if [ "$check" = 1 ]; then
    port=${DEMO_PORT:-$(free_port)}
    platform_port=${DEMO_PLATFORM_PORT:-$(free_port)}
    redis_port=${DEMO_REDIS_PORT:-$(free_port)}
else
    port=${DEMO_PORT:-8080}
    platform_port=${DEMO_PLATFORM_PORT:-9081}
    redis_port=${DEMO_REDIS_PORT:-6390}
fi

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for p in "$port" "$platform_port" "$redis_port"; do
    if port_open "$p"; then
        echo "demo: port $p is already in use (set DEMO_PORT," \
             "DEMO_PLATFORM_PORT or DEMO_REDIS_PORT)" >&2
        exit 1
    fi
done

# A fresh run directory each time.  It is world-readable because nginx's
# workers run as nobody when the demo is started as root.
rm -rf "$run"
mkdir -p "$run/redis" "$run/platform"
chmod 755 "$run"

sed -e "s|@@RUN@@|$run|g" -e "s|@@MODULE@@|$module|g" \
    -e "s|@@PORT@@|$port|g" -e "s|@@PLATFORM_PORT@@|$platform_port|g" \
    -e "s|@@REDIS_PORT@@|$redis_port|g" \
    "$top/conf/demo.conf" >"$run/nginx.conf"

pids=()
names=()
stopping=0

# QUIT lets nginx finish in-flight requests; everything gets a bounded
# wait and then KILL, so Ctrl-C never hangs.
stop_all() {
    [ "$stopping" = 1 ] && return
    stopping=1
    local i pid sig
    for i in "${!pids[@]}"; do
        pid=${pids[$i]}
        sig=TERM
        [ "${names[$i]}" = nginx ] && sig=QUIT
        kill -"$sig" "$pid" 2>/dev/null || true
    done
    for i in "${!pids[@]}"; do
        pid=${pids[$i]}
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

start() {
    local name=$1; shift
    "$@" &
    pids+=($!)
    names+=("$name")
}

wait_port() {
    local name=$1 p=$2
    for _ in $(seq 100); do
        port_open "$p" && return 0
        sleep 0.1
    done
    echo "demo: $name did not start on port $p; see $run/" >&2
    tail -5 "$run/error.log" 2>/dev/null >&2 || true
    exit 1
}

start redis redis-server --port "$redis_port" --bind 127.0.0.1 --save '' \
    --appendonly no --dir "$run/redis" --logfile "$run/redis.log"
start platform perl "$top/t/lib/standin.pl" --port "$platform_port" \
    --dir "$run/platform"
start nginx "$nginx" -p "$run/" -c "$run/nginx.conf" -e "$run/error.log"

wait_port redis "$redis_port"
wait_port platform "$platform_port"
wait_port nginx "$port"

gw="http://127.0.0.1:$port"
clean_body='{"message":"Join us Saturday at the spring health fair! Free flu shots for everyone."}'
phi_body='{"message":"Great news from our clinic: patient Jane Doe, SSN 536-22-8411, is home."}'

if [ "$check" = 1 ]; then
    fail=0
    post() {
        curl -sS -o "$run/check-$1.json" -w '%{http_code}' --max-time 10 \
            -H 'Host: graph.facebook.com' -H 'Content-Type: application/json' \
            --data-binary "$2" "$gw/v19.0/1234/feed"
    }
    got=$(post clean "$clean_body") || got=curl-failed
    if [ "$got" = 200 ] && grep -q '"id"' "$run/check-clean.json"; then
        echo "demo check: clean post forwarded (200)"
    else
        echo "demo check: clean post: expected 200 with an id, got $got" >&2
        fail=1
    fi
    got=$(post phi "$phi_body") || got=curl-failed
    if [ "$got" = 403 ] && grep -q '"phi_detected"' "$run/check-phi.json"; then
        echo "demo check: post with an SSN blocked (403)"
    else
        echo "demo check: SSN post: expected 403 phi_detected, got $got" >&2
        fail=1
    fi
    # the audit record is written in the log phase: bounded wait
    for _ in $(seq 50); do
        [ "$(grep -c '"decision":"block"' "$run/audit.jsonl" 2>/dev/null)" \
            -ge 1 ] && break
        sleep 0.1
    done
    if grep -q '"decision":"allow"' "$run/audit.jsonl" 2>/dev/null \
       && grep -q '"decision":"block"' "$run/audit.jsonl"; then
        echo "demo check: audit log has the allow and the block"
    else
        echo "demo check: audit log $run/audit.jsonl lacks allow/block" >&2
        fail=1
    fi
    exit "$fail"
fi

cat <<EOF

phigate demo is running (Ctrl-C stops it):
  gateway        http://127.0.0.1:$port   (nginx + phigate, enforce mode)
  platform       127.0.0.1:$platform_port   (stand-in for graph.facebook.com)
  redis          127.0.0.1:$redis_port

A clean Facebook page post goes through (200, the platform's {"id"}):

  curl -i $gw/v19.0/1234/feed -H 'Host: graph.facebook.com' \\
       -H 'Content-Type: application/json' \\
       -d '$clean_body'

One with a Social Security number is blocked (403, phi_detected):

  curl -i $gw/v19.0/1234/feed -H 'Host: graph.facebook.com' \\
       -H 'Content-Type: application/json' \\
       -d '$phi_body'

Audit log:   $run/audit.jsonl
Access log:  $run/access.log
What the platform received: $run/platform/

EOF

# Stay in the foreground until Ctrl-C or until one of the three dies.
set +e
wait -n "${pids[@]}"
echo "demo: a process exited; stopping" >&2
exit 1
