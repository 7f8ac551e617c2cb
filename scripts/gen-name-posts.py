#!/usr/bin/env python3
"""Generates posts that stress the NAME detector, in the corpus JSONL
format, so that two builds can be compared with `phigate-bench
--findings` on far more than the labelled corpora:

    scripts/gen-name-posts.py [N] [SEED] > /tmp/name-posts.jsonl
    build/phigate-bench --findings /tmp/name-posts.jsonl > after.txt

Each post is a corpus post (../shared/corpus/posts.jsonl, t/corpus/)
spliced with words the detector reads: the word lists of
src/pg_detect_name.c, its staff phrases, and given names, surnames,
common, health and staff words of src/pg_lexicon_data.c; written in
UPPER, lower and Title case, with possessives ("'s", U+2019), initials,
punctuation, digits (rooms, ages, street numbers), Unicode and line
breaks; some posts are long enough to span several word chunks.  The
output is deterministic for a given N and SEED.  No label: the posts
are for comparing builds, not for scoring.
"""

import glob
import json
import os
import random
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def corpus_texts():
    paths = [os.path.join(ROOT, "..", "shared", "corpus", "posts.jsonl")]
    paths += sorted(glob.glob(os.path.join(ROOT, "t", "corpus", "*.jsonl")))
    texts = []
    for p in paths:
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                doc = json.loads(line)
                if isinstance(doc.get("text"), str):
                    texts.append(doc["text"])
    return texts


def detector_words():
    """Every quoted word of the NAME detector's source: its lists, the
    words it compares one by one and its staff phrases."""
    with open(os.path.join(ROOT, "src", "pg_detect_name.c"),
              encoding="utf-8") as f:
        src = f.read()
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
    words = set(re.findall(r'"([a-z][a-z\' -]*)"', src))
    return sorted(words)


def lexicon_words():
    """The lexicon's words by class: N name, C common, H health, S staff."""
    with open(os.path.join(ROOT, "src", "pg_lexicon_data.c"),
              encoding="utf-8") as f:
        src = f.read()
    blob = src[src.index("pg_lex_blob[]"):src.index("pg_lex_index[]")]
    words = re.findall(r'"([^"]*)\\0"', blob)
    index = src[src.index("pg_lex_index[]"):]
    nums = [int(x) for x in re.findall(r"\b\d+\b", index.split("{", 1)[1])]
    by = {"N": [], "C": [], "H": [], "S": [], "NC": []}
    for w, e in zip(words, nums):
        fl = e & 0xff
        if fl & 0x01 and fl & 0x02:
            by["NC"].append(w)
        elif fl & 0x01:
            by["N"].append(w)
        elif fl & 0x02:
            by["C"].append(w)
        if fl & 0x04:
            by["H"].append(w)
        if fl & 0x08:
            by["S"].append(w)
    return by


UNICODE = ["\u2019", "\u00e9", "\u00fc", "\u00f1", "\u4e2d", "\U0001f600",
           "\u200b", "\u00a0", "\uff21", "\u2014", "\u201c", "\u201d",
           "\u0130", "\u00df"]
PUNCT = [".", ",", "!", "?", ";", ":", "(", ")", "-", "'", "\"", "\n",
         " ", "  ", "\t", "#", "/", "&", "...", ". ", ", ", " - "]


def cased(r, w):
    k = r.random()
    if k < 0.45:
        return w[:1].upper() + w[1:]
    if k < 0.6:
        return w.upper()
    if k < 0.65:
        return "".join(c.upper() if r.random() < 0.5 else c for c in w)
    return w


def decorate(r, w):
    k = r.random()
    if k < 0.08:
        return w + "'s"
    if k < 0.11:
        return w + "\u2019s"
    if k < 0.13:
        return w + "'S"
    if k < 0.16:
        return w + "."
    if k < 0.19:
        return w + ","
    if k < 0.20:
        return w[:1].upper() + "."
    if k < 0.21:
        return w + "-" + w
    return w


def word(r, det, lex):
    k = r.random()
    if k < 0.30:
        w = r.choice(det)
    elif k < 0.55:
        w = r.choice(lex["N"])
    elif k < 0.65:
        w = r.choice(lex["NC"])
    elif k < 0.75:
        w = r.choice(lex["H"])
    elif k < 0.82:
        w = r.choice(lex["S"])
    elif k < 0.90:
        w = r.choice(lex["C"])
    elif k < 0.95:
        w = str(r.choice([r.randint(0, 9), r.randint(10, 99),
                          r.randint(90, 120), r.randint(100, 9999)]))
        if r.random() < 0.3:
            w += " " + r.choice(["West", "east", "Main Street", "Oak St",
                                 "Ave", "Rd.", "Lane"])
    else:
        w = r.choice(UNICODE) + r.choice(lex["N"])
    return decorate(r, cased(r, w))


def phrase(r, det, lex):
    """A short run of words the detector's rules combine."""
    n = r.choice(lex["N"])
    s = r.choice(lex["N"])
    forms = [
        "Mr. {N} {S}", "Mrs {S}", "MS. {S}", "patient {n}", "pt {N} {S}",
        "visiting {N}", "family of {N} {S}", "prayers for {N}",
        "praying with {N}", "get well soon, {N}", "welcome home, {N}",
        "welcome to the world, {N}", "my grandpa {N} {S}",
        "Pt's wife {N}", "results for {N} {S}", "account 9012 for {N}",
        "{N}'s chemo", "{N} {S}'s room", "{N}\u2019s nurse",
        "{N} {S} in room 12", "{N} {S} on 4 West", "{N} of 571 Mill Lane",
        "{N} {S}, born Jun 12 1985", "{N} {S} (DOB 3/14/61)",
        "thank you {N} for sharing your story",
        "{N} {S}, our patient from", "{N} {S}, 94, is our oldest patient",
        "Meet {N}, 99!", "{N} {S}, RN", "Dr. {N} {S}", "{N} {S} MD",
        "{N} {S}, our new CEO", "{N} {S} joins our team",
        "the {S} family", "donations for the {S} family",
        "{N} {S} Foundation", "{N} {S} Burn Center", "at {N} Park, 25 "
        "{N} Parkway", "in {N}", "{N} FL", "St. {N}", "{N} A. {S}",
        "{N} {S} was admitted with pneumonia", "{NU} {SU}", "{n} {s}",
        "Mrs. {N}, age 96", "{N} {S}, who was treated by our nurses",
        "{N} {S} is a nurse", "{N} {S} as nurse", "{N} {S}'s's",
        "children's's", "DEA# {N}", "J. {S}", "{N} O'{S}", "{N}-{S}",
    ]
    f = r.choice(forms)
    return f.format(N=n.title(), S=s.title(), n=n.lower(), s=s.lower(),
                    NU=n.upper(), SU=s.upper())


def post(r, texts, det, lex):
    parts = []
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        t = r.choice(texts)
        words = t.split(" ")
        for _ in range(r.randint(0, 6)):
            pos = r.randint(0, len(words))
            ins = phrase(r, det, lex) if r.random() < 0.5 \
                else word(r, det, lex)
            words.insert(pos, ins)
        for _ in range(r.randint(0, 2)):
            if words:
                pos = r.randrange(len(words))
                words[pos] = words[pos] + r.choice(PUNCT)
        parts.append(" ".join(words))
    text = r.choice([" ", "\n", " ", ". "]).join(parts)
    k = r.random()
    if k < 0.05:
        text = text.upper()
    elif k < 0.10:
        text = text.lower()
    elif k < 0.12:
        text = text.title()
    return text


def long_post(r, texts, det, lex):
    """Several hundred words, with and without sentence ends, so that the
    detector's word chunks end in every kind of place."""
    out = []
    n = r.randint(200, 1200)
    while len(out) < n:
        k = r.random()
        if k < 0.4:
            out.extend(r.choice(texts).split(" "))
        elif k < 0.7:
            out.append(phrase(r, det, lex))
        else:
            out.append(word(r, det, lex))
    if r.random() < 0.3:
        out = [w.rstrip(".!?;\n") for w in out]
    return " ".join(out)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    r = random.Random(seed)
    texts = corpus_texts()
    det = detector_words()
    lex = lexicon_words()
    out = sys.stdout
    for i in range(n):
        if i % 100 == 99:
            text = long_post(r, texts, det, lex)
        else:
            text = post(r, texts, det, lex)
        out.write(json.dumps({"id": "g%06d" % i, "text": text},
                             ensure_ascii=r.random() < 0.5) + "\n")


if __name__ == "__main__":
    main()
