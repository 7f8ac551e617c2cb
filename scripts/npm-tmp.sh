# Sourced by the generators that read npm packages (gen-lexicon.sh,
# gen-confusables.sh) once they are at the repository's top: sets tmp, a
# directory removed on exit, and dir, the one whose node_modules/ holds
# the packages $NPM_PKGS names: the generator's first argument, or tmp
# once they are installed there (needs node, npm and the registry).

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dir=${1:-}
if [ -z "$dir" ]; then
    dir="$tmp"
    # word splitting on purpose: one package a word
    # shellcheck disable=SC2086
    (cd "$tmp" && npm install --no-save --ignore-scripts --silent \
        $NPM_PKGS >/dev/null)
fi
