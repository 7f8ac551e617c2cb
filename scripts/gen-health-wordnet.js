/*
 * Health words from WordNet, for scripts/gen-health-list.sh.
 *
 *   node scripts/gen-health-wordnet.js WORDNET_DIR words|phrases
 *
 * WORDNET_DIR holds WordNet 3.0's database files (Debian wordnet-base:
 * /usr/share/wordnet).  Prints, one a line, lower case, sorted, the
 * single words (or, with "phrases", the multi-word terms joined by one
 * blank) of the synsets under the health roots below, and the regular
 * plurals of their nouns, kept only when the word is mostly used in a
 * health sense.
 *
 * A synset is a health one when it is:
 *   - under (hyponym, transitively) one of ROOTS: illness, injury,
 *     symptom, mental disorder, medical procedure and care, surgery,
 *     medication, diagnostic procedure, checkup, childbirth, pregnancy,
 *     vaccine, X-ray, hospital ward, and a sudden attack ("stroke");
 *   - or a member of a medical domain (";c" pointer to a medical
 *     science: "medicine", "psychiatry", "obstetrics", ...);
 *   - or a verb of the body derived from one of those ("bleed");
 * and not an animal or plant disease nor of veterinary medicine.
 *
 * A word is kept when it is mostly used in its health senses, so that
 * "pain" or "wound" are in and "cold", "shot", "cast", "back", "labor",
 * "pressure", "discharge", "stroke" are out (conf/lexicon/health.txt
 * adds back, by hand, the few that matter in care stories):
 *   - with 3 or more sense-tagged uses (cntlist, SemCor) over all its
 *     senses and those of its base forms ("spots": "spot", "bleeding":
 *     "bleed"), at least half of them in health senses;
 *   - with fewer, at least half of its senses and the first noun sense
 *     of it or of a base form health ones.
 */

'use strict';

const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const want = process.argv[3] || 'words';

/* lemma, part of speech, sense number */
const ROOTS = [
    ['ill_health', 'n', 1], ['injury', 'n', 1], ['symptom', 'n', 1],
    ['mental_disorder', 'n', 1], ['medical_procedure', 'n', 1],
    ['medical_care', 'n', 1], ['surgery', 'n', 4], ['medicine', 'n', 2],
    ['hospital_ward', 'n', 1], ['pregnancy', 'n', 1],
    ['diagnostic_procedure', 'n', 1], ['checkup', 'n', 1],
    ['delivery', 'n', 7], ['vaccine', 'n', 1], ['roentgenogram', 'n', 1],
    ['attack', 'n', 7]
];
/* synsets added alone, without what is under them ("calving") */
const ALONE = [['birth', 'n', 3]];
const SCIENCE = ['medicine', 'n', 1];
const NOT = [
    ['animal_disease', 'n', 1], ['plant_disease', 'n', 1],
    ['veterinary_medicine', 'n', 1]
];
const VERB_BODY = 29;   /* lexicographer file verb.body */

const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const SS = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };

/* synset key "offset+pos" -> { lemmas, ptrs, lexfile, gloss } */
const syn = new Map();
/* lemma -> [ { key, pos, sense } ] in sense order */
const idx = new Map();
/* "lemma pos sense" -> tagged uses */
const tags = new Map();

function lines(file) {
    return fs.readFileSync(path.join(dir, file), 'latin1').split('\n')
        .filter(l => l !== '' && !l.startsWith('  '));
}

for (const [name, p] of Object.entries(POS)) {
    for (const line of lines('data.' + name)) {
        const bar = line.indexOf(' | ');
        const t = (bar < 0 ? line : line.slice(0, bar)).split(' ');
        const n = parseInt(t[3], 16);
        const lemmas = [];
        for (let i = 0; i < n; i++) {
            lemmas.push(t[4 + 2 * i].replace(/\([a-z]+\)$/, ''));
        }
        let k = 4 + 2 * n;
        const pc = parseInt(t[k++], 10);
        const ptrs = [];
        for (let i = 0; i < pc; i++, k += 4) {
            ptrs.push([t[k], t[k + 1] + (t[k + 2] === 's' ? 'a' : t[k + 2])]);
        }
        syn.set(t[0] + p, {
            lemmas, ptrs, lexfile: parseInt(t[1], 10),
            gloss: bar < 0 ? '' : line.slice(bar + 3)
        });
    }

    for (const line of lines('index.' + name)) {
        const t = line.trim().split(' ');
        const sc = parseInt(t[2], 10);
        const offs = t.slice(t.length - sc);
        const list = idx.get(t[0]) || [];
        offs.forEach((o, i) => list.push({ key: o + p, pos: p, sense: i + 1 }));
        idx.set(t[0], list);
    }
}

for (const line of lines('cntlist.rev')) {
    const [key, sense, cnt] = line.split(' ');
    const [lemma, rest] = key.split('%');
    const k = lemma.toLowerCase() + ' ' + SS[rest.split(':')[0]] + ' '
              + sense;
    tags.set(k, (tags.get(k) || 0) + parseInt(cnt, 10));
}

function find([lemma, pos, sense]) {
    const s = (idx.get(lemma) || []).find(e => e.pos === pos
                                              && e.sense === sense);
    if (!s) {
        throw new Error('no synset ' + lemma + ' ' + pos + ' ' + sense);
    }
    return s.key;
}

function under(root) {
    const out = new Set();
    const stack = [root];
    while (stack.length) {
        const s = stack.pop();
        if (out.has(s)) continue;
        out.add(s);
        for (const [sym, o] of syn.get(s).ptrs) {
            if (sym === '~' || sym === '~i') stack.push(o);
        }
    }
    return out;
}

const health = new Set();
ROOTS.forEach(r => under(find(r)).forEach(s => health.add(s)));
ALONE.forEach(r => health.add(find(r)));

const sciences = under(find(SCIENCE));
for (const [key, s] of syn) {
    if (s.ptrs.some(([sym, o]) => sym === ';c' && sciences.has(o))) {
        health.add(key);
    }
}

for (const [key, s] of syn) {
    if (key.endsWith('v') && s.lexfile === VERB_BODY
        && s.ptrs.some(([sym, o]) => sym === '+' && health.has(o)))
    {
        health.add(key);
    }
}

for (const r of NOT) {
    const not = under(find(r));
    for (const [key, s] of syn) {
        if (not.has(key)
            || s.ptrs.some(([sym, o]) => sym === ';c' && not.has(o)))
        {
            health.delete(key);
        }
    }
}

/* WordNet's morphology rules: the base forms a word may be of */
const RULES = [
    ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'],
    ['shes', 'sh'], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'],
    ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''],
    ['er', 'e'], ['est', 'e']
];

function bases(w) {
    const out = new Set();
    for (const [suf, rep] of RULES) {
        if (w.endsWith(suf) && w.length > suf.length + 2) {
            out.add(w.slice(0, -suf.length) + rep);
        }
    }
    const m = w.match(/^(.*(.))\2(ing|ed)$/);   /* "clubbing": "club" */
    if (m) out.add(m[1]);
    out.delete(w);
    return [...out].filter(b => idx.has(b));
}

function mostlyHealth(w) {
    let tagged = 0, htagged = 0, senses = 0, hsenses = 0, first = false;

    for (const lemma of [w, ...bases(w)]) {
        for (const e of idx.get(lemma) || []) {
            const c = tags.get(lemma + ' ' + e.pos + ' ' + e.sense) || 0;
            const h = health.has(e.key);
            tagged += c;
            senses++;
            if (h) {
                htagged += c;
                hsenses++;
                if (e.pos === 'n' && e.sense === 1) {
                    first = true;
                }
            }
        }
    }

    if (tagged >= 3) {
        return htagged * 2 >= tagged;
    }

    return hsenses * 2 >= senses && first;
}

/* drugs are named in the singular ("Advil", not "Advils") */
const drugs = under(find(['medicine', 'n', 2]));

/* the regular plural of a noun, '' when there is none to make: none for
 * what is seldom counted ("anemia", "arthritis", "numbness") */
function plural(w) {
    if (/(ia|itis|ness|ism)$/.test(w)) return '';
    if (/sis$/.test(w)) return w.slice(0, -2) + 'es';   /* neuroses */
    if (/ss$/.test(w) || /(x|z|ch|sh)$/.test(w)) return w + 'es';
    if (/s$/.test(w)) return '';                         /* measles */
    if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
    return w + 's';
}

const out = new Set();
for (const key of health) {
    for (const lemma of syn.get(key).lemmas) {
        const w = lemma.toLowerCase();
        const phrase = w.includes('_');
        if (phrase !== (want === 'phrases')) continue;
        /* letters, an inner hyphen or apostrophe; no digits, no dots */
        if (!/^[a-z][a-z'_-]*[a-z]$/.test(w)) continue;
        if (!mostlyHealth(w)) continue;
        if (/^[A-Z]+$/.test(lemma)) {
            /* an initialism ("ALS", "PTSD") counts only in capitals;
             * two letters ("LE", "MS") are too often something else */
            if (lemma.length >= 3) out.add(lemma);
            continue;
        }
        out.add(w.replace(/_/g, ' '));
        /* "migraines", "polyps": WordNet lists a noun once, singular */
        const pl = key.endsWith('n') && !drugs.has(key) ? plural(w) : '';
        if (pl !== '' && mostlyHealth(pl)) out.add(pl.replace(/_/g, ' '));
    }
}

/* bytewise, as LC_ALL=C sort */
process.stdout.write([...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
                     .join('\n') + '\n');
