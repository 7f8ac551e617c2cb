#!/bin/sh
# Builds build/ngx_http_phigate_module.so.
#
# Against the system nginx (default): copies Debian's nginx-dev tree
# (/usr/share/nginx/src) and configures it with the very flags the stock
# binary was built with (its conf_flags), so the module's binary signature
# matches and `load_module` accepts it.
#
# Against a source tree: NGINX_SRC=/path/to/nginx-x.y.z; configured with
# --with-compat plus NGINX_CONFIGURE_ARGS (default: the HTTP/2 module).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
mkdir -p "$build"

if [ -n "${NGINX_SRC:-}" ]; then
    src=$(cd "$NGINX_SRC" && pwd)
    tree="$build/nginx-custom"
    rm -rf "$tree"
    cp -r "$src" "$tree"
    cd "$tree"
    # shellcheck disable=SC2086
    ./configure --with-compat ${NGINX_CONFIGURE_ARGS:---with-http_v2_module} \
        --add-dynamic-module="$top" >"$build/configure.log" 2>&1 \
        || { tail -30 "$build/configure.log"; exit 1; }
else
    src=/usr/share/nginx/src
    if [ ! -f "$src/conf_flags" ]; then
        echo "phigate: $src/conf_flags not found: install nginx-dev" \
             "(scripts/deps.sh build) or set NGINX_SRC" >&2
        exit 1
    fi
    tree="$build/nginx-src"
    if [ ! -f "$tree/objs/Makefile" ] \
       || [ "$src/conf_flags" -nt "$tree/objs/Makefile" ] \
       || [ "$top/config" -nt "$tree/objs/Makefile" ] \
       || [ "$(ls "$top"/src/*.c "$top"/ngx_module/*.c | md5sum)" \
            != "$(cat "$tree/.phigate-files" 2>/dev/null)" ]; then
        rm -rf "$tree"
        cp -r "$src" "$tree"
        cd "$tree"
        # conf_flags is a bash array assignment; read it with bash
        bash -c '. ./conf_flags && exec ./configure "${NGX_CONF_FLAGS[@]}" \
            --with-cc-opt="-Werror" --add-dynamic-module="$1"' _ "$top" \
            >"$build/configure.log" 2>&1 \
            || { tail -30 "$build/configure.log"; exit 1; }
        ls "$top"/src/*.c "$top"/ngx_module/*.c | md5sum >.phigate-files
    fi
    cd "$tree"
fi

make -f objs/Makefile modules >"$build/make-module.log" 2>&1 \
    || { grep -E 'error|warning' "$build/make-module.log" | head -40;
         tail -20 "$build/make-module.log"; exit 1; }
cp objs/ngx_http_phigate_module.so "$build/ngx_http_phigate_module.so"
echo "built $build/ngx_http_phigate_module.so"
