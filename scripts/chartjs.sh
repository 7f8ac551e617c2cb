#!/bin/sh
# Installs the charting library that `phigate-audit report --format html`
# inlines into its reports: Chart.js, pinned, from the npm registry, into
# build/chartjs (or DIR).  Prints the path of the file to inline, which is
# where phigate-audit looks by default (docs/audit.md).
#   scripts/chartjs.sh [DIR]
# Only the library's own files are installed (--ignore-scripts: nothing
# runs at install time); npm checks the tarball against the registry's
# integrity hash.
set -eu

version=4.6.1
dir=${1:-build/chartjs}
file=$dir/node_modules/chart.js/dist/chart.umd.min.js

if [ -f "$file" ] && grep -q "\"version\": \"$version\"" \
        "$dir/node_modules/chart.js/package.json" 2>/dev/null; then
    echo "$file"
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "scripts/chartjs.sh: npm is needed (Debian: apt-get install npm)" >&2
    exit 1
fi

mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts \
    --no-save --loglevel=error "chart.js@$version" >&2

[ -f "$file" ] || { echo "scripts/chartjs.sh: $file not installed" >&2; exit 1; }
echo "$file"
