#!/bin/sh
# Generates src/pg_lexicon_data.c, the word table the NAME detector looks
# words up in, from:
#
#   - the people-names list of the npm package @cspell/dict-people-names
#     (MIT, Street Side Software), version pinned below: given names and
#     surnames of many cultures, one a line;
#   - the person first, middle and last names of the Latin-script locales
#     of the npm package @faker-js/faker (MIT), version pinned below: it
#     adds common modern given names the first list lacks ("Liam");
#   - Debian's wamerican word list (/usr/share/dict/american-english): its
#     lower-case entries are common English words, so a capitalised "Grace"
#     or "Baker" is a weak name on its own;
#   - conf/lexicon/health-wordnet.txt: health words (conditions,
#     procedures, medications, care) from WordNet 3.0, Debian package
#     wordnet-base 1:3.0-37 (WordNet 3.0 licence, permissive), made by
#     scripts/gen-health-list.sh and committed; a word of it that is also
#     a name of the datasets above, a staff word or in
#     conf/lexicon/health-not.txt is left out;
#   - conf/lexicon/health.txt, health-not.txt, staff.txt and
#     not-names.txt, kept by hand.
#
# The output is committed, so a build needs neither npm nor wamerican;
# run this only to change the data:
#
#   scripts/gen-lexicon.sh [dir]
#
# dir holds node_modules/ with both packages; without it they are
# installed into a temporary directory (needs node, npm and the registry).  Sorting is bytewise (LC_ALL=C)
# to match the engine's strcmp() lookup; the output is deterministic.
set -eu

NAMES_PKG="@cspell/dict-people-names@1.1.16"
FAKER_PKG="@faker-js/faker@10.6.0"
FAKER_LOCALES="en en_US en_GB en_IN en_NG es es_MX fr de it pt_BR nl pl sv
               vi tr yo_NG ro hr cs_CZ fi nb_NO da id_ID af_ZA zu_ZA"
WORDS=/usr/share/dict/american-english
OUT=src/pg_lexicon_data.c
LEX=conf/lexicon

export LC_ALL=C

cd "$(dirname "$0")/.."

NPM_PKGS="$NAMES_PKG $FAKER_PKG"
. scripts/npm-tmp.sh
names="$dir/node_modules/@cspell/dict-people-names/dict/people-names.txt"

# faker's names: strings of letters that begin with a capital
FAKER_DIR="$dir" FAKER_LOCALES="$FAKER_LOCALES" node -e '
    const f = require(process.env.FAKER_DIR + "/node_modules/@faker-js/faker");
    const out = new Set();
    const ok = /^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u017f\x27-]*$/;
    function walk(v) {
        if (typeof v === "string") { if (ok.test(v)) out.add(v); }
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
    }
    for (const l of process.env.FAKER_LOCALES.split(/\s+/)) {
        const p = (f.allLocales[l] || {}).person || {};
        ["first_name", "middle_name", "last_name"].forEach(k => walk(p[k]));
    }
    console.log([...out].join("\n"));
' > "$tmp/faker-names.txt"

[ -r "$WORDS" ] || { echo "$0: $WORDS missing: apt-get install wamerican" >&2;
                     exit 1; }

# Latin letters with marks to their base letters, as the engine's
# normaliser reads text (src/pg_normalize_fold.c): the NFKD form with its
# marks stripped when it is ASCII letters, the letters of its table
# pg_fold_latin[] ("ß", "ø", "đ", "ł"...) spelt as it spells them, a
# combining mark after a Latin letter dropped.  A word is looked up only
# as the detectors see it, so "José" is listed as "jose" ("Nguyễn" as
# "nguyen"); Greek, Cyrillic and other scripts stay as they are.
fold_latin() {
    node -e '
        const T = { "\u00c6": "AE", "\u00d0": "D", "\u00d8": "O",
            "\u00de": "Th", "\u00df": "ss", "\u00e6": "ae", "\u00f0": "d",
            "\u00f8": "o", "\u00fe": "th", "\u0110": "D", "\u0111": "d",
            "\u0126": "H", "\u0127": "h", "\u0131": "i", "\u0141": "L",
            "\u0142": "l", "\u0152": "OE", "\u0153": "oe",
            "\u1e9e": "SS" };
        function fold(c) {
            const cp = c.codePointAt(0);
            if (T[c]) return T[c];
            if (cp < 0x80 || (cp >= 0x370 && cp < 0x530)
                || cp == 0xaa || cp == 0xba || !/[\p{L}\p{N}]/u.test(c))
                return c;
            const d = c.normalize("NFKD").replace(/\p{M}/gu, "");
            return /^[A-Za-z0-9]+$/.test(d)
                   && Buffer.byteLength(d) <= Buffer.byteLength(c) ? d : c;
        }
        const s = require("fs").readFileSync(0, "utf8");
        process.stdout.write(Array.from(s).map(fold).join("")
            .replace(/([A-Za-z])[\u0300-\u036f]+/g, "$1"));
    '
}

# one "word<TAB>flag" a line; flags: N name, C common word, H health,
# h health from a dataset, X not health (health-not.txt), S staff, K caps
# only (the lexicon wrote the word in capitals)
{
    cat "$names" "$tmp/faker-names.txt" | grep -v '^#' | grep -v '^$' \
        | grep -v '[ .]' | fold_latin | tr 'A-Z' 'a-z' | sed 's/$/\tN/'
    fold_latin < "$WORDS" | grep -v '[A-Z]' | sed 's/$/\tC/'
    grep -v '^#' "$LEX/not-names.txt" | grep -v '^$' | fold_latin \
        | sed 's/$/\tC/'
    for f in health:H health-wordnet:h health-not:X staff:S; do
        grep -v '^#' "$LEX/${f%:*}.txt" | grep -v '^$' | fold_latin \
            | awk -v fl="${f#*:}" '
            { w = tolower($0); k = ($0 != w && $0 == toupper($0)) ? "K" : "";
              print w "\t" fl k }'
    done
} | sort -t "$(printf '\t')" -k1,1 -s > "$tmp/all"

awk -F '\t' '
    BEGIN { cnt = 0 }
    function flush() {
        if (cur == "") return;
        # a dataset health word that is also a name, a staff word or
        # listed as not health is not one ("Rick", "clinician", "cure")
        h = fl ~ /h/ && fl !~ /[NSX]/;
        # a common word matters only for a name; drop the rest
        if (fl !~ /[NHS]/ && !h) { cur = ""; return }
        n = 0;
        if (fl ~ /N/) n += 1;
        if (fl ~ /C/) n += 2;
        if (fl ~ /H/ || h) n += 4;
        if (fl ~ /S/) n += 8;
        if (fl ~ /[HS]K/ || (h && fl ~ /hK/)) n += 16;
        words[cnt] = cur; flags[cnt] = n; cnt++;
        cur = "";
    }
    $1 != cur { flush(); cur = $1; fl = "" }
    { fl = fl $2 }
    END {
        flush();
        print "/*";
        print " * Generated by scripts/gen-lexicon.sh: do not edit.";
        print " *";
        print " * Names: npm @cspell/dict-people-names 1.1.16 (MIT) and the";
        print " * person names of npm @faker-js/faker 10.6.0 (MIT).";
        print " * Common words: Debian wamerican (american-english).";
        print " * Health: WordNet 3.0 (Debian wordnet-base 1:3.0-37, WordNet";
        print " * licence) by way of conf/lexicon/health-wordnet.txt, and";
        print " * conf/lexicon/health.txt.  Staff, not-names: conf/lexicon/.";
        print " */";
        print "";
        print "";
        print "#include \"pg_lexicon.h\"";
        print "";
        print "";
        printf "const size_t  pg_lex_n = %d;\n\n", cnt;
        print "/* the words, each NUL-terminated, sorted bytewise */";
        print "const char  pg_lex_blob[] =";
        off = 0;
        for (i = 0; i < cnt; i++) {
            w = words[i];
            gsub(/\\/, "\\\\", w); gsub(/"/, "\\\"", w);
            printf "    \"%s\\0\"%s\n", w, (i == cnt - 1) ? ";" : "";
            offs[i] = off;
            off += length(words[i]) + 1;
        }
        print "";
        print "/* offset into pg_lex_blob << 8 | PG_LEX_* flags */";
        print "const uint32_t  pg_lex_index[] = {";
        line = "   ";
        for (i = 0; i < cnt; i++) {
            item = sprintf(" %d,", offs[i] * 256 + flags[i]);
            if (length(line) + length(item) > 78) {
                print line; line = "   ";
            }
            line = line item;
        }
        print line;
        print "};";
    }
' "$tmp/all" > "$OUT"

echo "$0: wrote $OUT ($(grep -c '\\0"' "$OUT") words)"
