#!/bin/sh
# Installs the Debian packages phigate needs that are not there yet.
#   scripts/deps.sh build|test|demo
# Only missing packages are installed, so a machine that has them all
# never touches apt.
set -eu

build="nginx nginx-dev libpcre2-dev libjansson-dev libhiredis-dev
       libutf8proc-dev libssl-dev zlib1g-dev pkg-config gcc make"
run="redis-server curl perl"
test="libcmocka-dev clang libclang-rt-14-dev"

case "${1:-build}" in
    build) want="$build" ;;
    demo)  want="$build $run" ;;
    test)  want="$build $run $test" ;;
    *)     echo "usage: $0 build|test|demo" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null \
         | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

echo "phigate: installing:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# policy-rc.d stops Debian from starting the packaged nginx/redis services
# on ports the tests and the demo want; they are started on loopback ports
# of our choosing instead.
prc=/usr/sbin/policy-rc.d
if [ ! -e $prc ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee $prc >/dev/null
    $sudo chmod +x $prc
    trap '$sudo rm -f $prc' EXIT
fi
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
