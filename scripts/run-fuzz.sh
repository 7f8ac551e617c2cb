#!/bin/sh
# Runs each libFuzzer harness for FUZZ_SECONDS over its seed corpus
# (t/fuzz/corpus/<name>/), exiting non-zero on the first crash.
set -eu
secs=${FUZZ_SECONDS:-10}
for bin in "$@"; do
    name=$(basename "$bin")
    seeds="t/fuzz/corpus/$name"
    work="build/fuzz/work/$name"
    mkdir -p "$work"
    echo "== fuzz $name for ${secs}s"
    if [ -d "$seeds" ]; then
        "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=0 "$work" "$seeds" \
            2>"$work.log" || { tail -50 "$work.log"; exit 1; }
    else
        "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 "$work" 2>"$work.log" \
            || { tail -50 "$work.log"; exit 1; }
    fi
    grep -E '^(#[0-9]+ *DONE|Done [0-9]+ runs)' "$work.log" || true
done
