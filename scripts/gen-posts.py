#!/usr/bin/env python3
#
# Copyright (C) phigate authors
#
# gen-posts.py: many posts for comparing two builds of the engine, in the
# corpus JSONL format ({"text": ...} a line): the labelled corpora's posts
# cut and spliced with every detector's cue words (every string literal
# of src/pg_detect_*.c), numbers of every shape (phones, SSNs, dates,
# ZIPs, IPs, VINs, MBIs, NPIs, e-mails, URLs), Unicode digits, HTML
# entities, escapes and percent-encoding.  Deterministic for one seed.
#
#   scripts/gen-posts.py [--seed N] [--posts N] [corpus.jsonl ...] > out.jsonl
#   build/phigate-bench --findings out.jsonl > findings.txt
#
# --names: posts that stress the NAME detector instead ({"id", "text"} a
# line): corpus posts with words the detector reads spliced in between
# their words: the word lists of src/pg_detect_name.c, its staff
# phrases, and given names, surnames, common, health and staff words of
# src/pg_lexicon_data.c; written in UPPER, lower and Title case, with
# possessives ("'s", U+2019), initials, punctuation, digits (rooms, ages,
# street numbers), Unicode and line breaks; one post in a hundred long
# enough to span several of the detector's word chunks.
#
# Without corpus files, ../shared/corpus/posts.jsonl and t/corpus/*.jsonl
# of the repository.  Two builds that find the same things print the same
# findings; the posts are random text, not labelled, and not a test of
# accuracy.

import argparse
import glob
import json
import os
import random
import re
import string

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def default_corpora():
    paths = [os.path.join(ROOT, "..", "shared", "corpus", "posts.jsonl")]
    paths += sorted(glob.glob(os.path.join(ROOT, "t", "corpus", "*.jsonl")))
    return [p for p in paths if os.path.exists(p)]


def corpus_texts(paths):
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as fp:
            for line in fp:
                line = line.strip()
                if not line:
                    continue
                try:
                    doc = json.loads(line)
                except ValueError:
                    continue
                if isinstance(doc.get("text"), str):
                    texts.append(doc["text"])
    return texts


def cue_words(src):
    """Every string literal of the detectors: their cues and fillers."""
    words = set()
    for path in sorted(glob.glob(src + "/pg_detect_*.c")):
        with open(path, encoding="utf-8") as fp:
            code = fp.read()
        code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
        for lit in re.findall(r'"((?:[^"\\\n]|\\.)*)"', code):
            if 0 < len(lit) <= 40 and "%" not in lit and "\\" not in lit:
                words.add(lit)
    return sorted(words)


def digits(r, n, first="0123456789"):
    return r.choice(first) + "".join(r.choice(string.digits)
                                     for _ in range(n - 1))


def luhn_digit(body):
    total = 0
    for k, ch in enumerate(reversed(body)):
        v = int(ch)
        if k % 2 == 0:
            v *= 2
            v -= 9 if v > 9 else 0
        total += v
    return str((10 - total % 10) % 10)


VIN_MAP = {c: v for c, v in zip("ABCDEFGHJKLMNPRSTUVWXYZ",
                                [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7,
                                 9, 2, 3, 4, 5, 6, 7, 8, 9])}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(r):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    v = [r.choice(chars) for _ in range(17)]
    if r.random() < 0.7:
        s = sum((int(c) if c.isdigit() else VIN_MAP[c]) * w
                for c, w in zip(v, VIN_W))
        v[8] = "X" if s % 11 == 10 else str(s % 11)
    return "".join(v)


def number(r):
    area = digits(r, 3, "23456789")
    exch = digits(r, 3, "23456789")
    line = digits(r, 4)
    month = str(r.randint(0, 13))
    day = str(r.randint(0, 32))
    year = str(r.choice([r.randint(1870, 2110), r.randint(0, 99)]))
    shapes = [
        lambda: "(%s) %s-%s" % (area, exch, line),
        lambda: "%s-%s-%s" % (area, exch, line),
        lambda: "%s.%s.%s" % (area, exch, line),
        lambda: "%s %s %s" % (area, exch, line),
        lambda: "%s/%s-%s" % (area, exch, line),
        lambda: "%s - %s - %s" % (area, exch, line),
        lambda: "+1 %s %s %s" % (area, exch, line),
        lambda: "1-%s-%s-%s" % (r.choice(["800", "888", "877"]), exch,
                                line),
        lambda: "+1%s%s%s" % (area, exch, line),
        lambda: area + exch + line,
        lambda: "1" + area + exch + line,
        lambda: "%s-%s-%s" % (digits(r, 3), digits(r, 2), digits(r, 4)),
        lambda: "%s %s %s" % (digits(r, 3), digits(r, 2), digits(r, 4)),
        lambda: digits(r, 9),
        lambda: "%s/%s/%s" % (month, day, year),
        lambda: "%s-%s-%s" % (month, day, year),
        lambda: "%s.%s.%s" % (day, month, year),
        lambda: "%s/%s" % (month, day),
        lambda: "%s-%02d-%02d" % (year, r.randint(0, 13), r.randint(0, 32)),
        lambda: "%s %s, %s" % (r.choice(MONTHS), day, year),
        lambda: "%s %s%s" % (r.choice(MONTHS), day,
                             r.choice(["st", "nd", "rd", "th", ""])),
        lambda: "%s of %s" % (day + r.choice(["st", "th"]),
                              r.choice(MONTHS)),
        lambda: "%s, %s %s" % (r.choice(DAYS), r.choice(MONTHS), day),
        lambda: digits(r, 5),
        lambda: "%s-%s" % (digits(r, 5), digits(r, 4)),
        lambda: ".".join(str(r.randint(0, 300)) for _ in range(4)),
        lambda: ":".join("%x" % r.randint(0, 65535)
                         for _ in range(r.choice([3, 8]))),
        lambda: "::%x" % r.randint(0, 65535),
        lambda: vin(r),
        lambda: "%d%s%s%d-%s%s%d-%s%s%02d" % (
            r.randint(1, 9), r.choice("ACDEFGHJKM"), r.choice("ACDE0123"),
            r.randint(0, 9), r.choice("ACDEFG"), r.choice("ACD012"),
            r.randint(0, 9), r.choice("ACDEF"), r.choice("GHJKM"),
            r.randint(0, 99)),
        lambda: (lambda b: b + luhn_digit("80840" + b))(
            r.choice("12") + digits(r, 8)),
        lambda: r.choice(["AB", "BC", "FM", "XY"]) + digits(r, 7),
        lambda: " ".join(digits(r, 4) for _ in range(4)),
        lambda: "%s@%s.%s" % (r.choice(["jdoe", "mary.s", "a_b+c", "x"]),
                              r.choice(["gmail", "mercy-hosp", "ex"]),
                              r.choice(["com", "org", "co.uk", "x"])),
        lambda: "%s at %s dot com" % (r.choice(["jdoe", "mary"]),
                                      r.choice(["gmail", "yahoo"])),
        lambda: r.choice(["https://", "http://", "www.", "HTTP://"])
        + r.choice(["portal.mercy.org/patient/", "example.com/u/",
                    "mychart.org/?id=", "x.io/"]) + digits(r, 6),
        lambda: ":".join("%02x" % r.randint(0, 255) for _ in range(6)),
        lambda: " ".join(r.choice(["seven", "two", "oh", "zero", "nine",
                                   "one", "4", "five"])
                         for _ in range(r.randint(4, 11))),
        lambda: " ".join(digits(r, 1) for _ in range(r.randint(5, 11))),
        lambda: "".join(r.choice(["O", "0", "5"]) for _ in range(4))
        + digits(r, 6),
        lambda: str(r.randint(85, 125)) + r.choice(["-year-old",
                                                    " years old", "th",
                                                    "st birthday", ""]),
        lambda: "%s %s %s" % (digits(r, r.randint(1, 6)),
                              r.choice(["N.", "West", "Oak", "Main"]),
                              r.choice(["St", "Ave.", "Blvd", "Dr",
                                        "Street", "Way"])),
        lambda: "PO Box " + digits(r, r.randint(1, 5)),
        lambda: "$" + digits(r, r.randint(1, 6)),
        lambda: "#" + digits(r, r.randint(1, 8)),
        lambda: digits(r, r.randint(1, 20)),
        lambda: "".join(r.choice(string.ascii_uppercase + string.digits
                                 + "-") for _ in range(r.randint(4, 14))),
    ]
    return r.choice(shapes)()


MONTHS = ["January", "Jan", "Feb.", "March", "mar", "Apr", "May", "may",
          "June", "Jul", "August", "Sept", "Oct.", "nov", "December"]
DAYS = ["Monday", "Tue", "Thurs", "Fri", "sunday"]

FULLWIDTH = {str(d): chr(0xff10 + d) for d in range(10)}
ARABIC = {str(d): chr(0x0660 + d) for d in range(10)}
DEVANAGARI = {str(d): chr(0x0966 + d) for d in range(10)}


def disguise(r, s):
    """One of the evasions the normaliser undoes, or none."""
    k = r.randint(0, 14)
    if k == 0:
        m = r.choice([FULLWIDTH, ARABIC, DEVANAGARI])
        return "".join(m.get(c, c) for c in s)
    if k == 1:
        return "".join(c + ("\u200b" if r.random() < 0.3 else "")
                       for c in s)
    if k == 2:
        return "".join("&#%d;" % ord(c) if c.isdigit() and r.random() < 0.5
                       else c for c in s)
    if k == 3:
        return "".join("\\u%04x" % ord(c) if r.random() < 0.3 else c
                       for c in s)
    if k == 4:
        return "".join("%%%02X" % ord(c) if ord(c) < 128
                       and r.random() < 0.3 else c for c in s)
    if k == 5:
        return " ".join(s)
    if k == 6:
        return s.replace("0", "O")
    if k == 7:
        return s.replace(" ", "&nbsp;").replace("-", "&#8209;")
    if k == 8:
        return "".join(c + "\\" if r.random() < 0.1 else c for c in s)
    if k == 9:
        return s.upper()
    return s


NOISE = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "\\n", "\\t", "\\\"",
         "%20", "%2525", "\u00a0", "\u2028", "\t", "\n", "  ", ", ", ". ",
         ": ", "# ", "'s", "\u2019s", "(", ")", "!", "?", "\u00e9",
         "\U0001f600", "\ufeff", "\u00ad", "\xff", "Mr. ", "Mrs. ", "Dr. ",
         "patient ", "her ", "his ", "our "]


def post(r, texts, words):
    parts = []
    for _ in range(r.randint(1, 3)):
        t = r.choice(texts)
        a = r.randint(0, len(t))
        b = r.randint(a, len(t))
        parts.append(t[a:b] if r.random() < 0.6 else t)
    for _ in range(r.randint(1, 8)):
        k = r.random()
        if k < 0.45:
            w = r.choice(words)
            if r.random() < 0.3:
                w = w.capitalize() if r.random() < 0.5 else w.upper()
            tok = w + r.choice([" ", ": ", " # ", " is ", "", " no. "])
            tok += disguise(r, number(r)) if r.random() < 0.8 else ""
        elif k < 0.85:
            tok = disguise(r, number(r))
        else:
            tok = r.choice(NOISE)
        parts.insert(r.randint(0, len(parts)), tok)
    text = ""
    for p in parts:
        text += p + r.choice([" ", " ", "", ", ", ". ", "\n", " - "])
    if r.random() < 0.01:
        # a long post: large-field paths of the engine
        text = " ".join([text] * r.randint(20, 200))
    return text


def detector_words(src):
    """Every quoted word of the NAME detector's source: its lists, the
    words it compares one by one and its staff phrases."""
    with open(os.path.join(src, "pg_detect_name.c"),
              encoding="utf-8") as f:
        code = f.read()
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    words = set(re.findall(r'"([a-z][a-z\' -]*)"', code))
    return sorted(words)


def lexicon_words(src):
    """The lexicon's words by class: N name, C common, H health, S staff."""
    with open(os.path.join(src, "pg_lexicon_data.c"),
              encoding="utf-8") as f:
        code = f.read()
    blob = code[code.index("pg_lex_blob[]"):code.index("pg_lex_index[]")]
    words = re.findall(r'"([^"]*)\\0"', blob)
    index = code[code.index("pg_lex_index[]"):]
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


def name_post(r, texts, det, lex):
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


def name_posts(r, texts, src, n):
    """The --names posts: one line each, with an id."""
    det = detector_words(src)
    lex = lexicon_words(src)
    for i in range(n):
        if i % 100 == 99:
            text = long_post(r, texts, det, lex)
        else:
            text = name_post(r, texts, det, lex)
        print(json.dumps({"id": "g%06d" % i, "text": text},
                         ensure_ascii=r.random() < 0.5))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--posts", type=int, default=60000)
    ap.add_argument("--names", action="store_true",
                    help="posts that stress the NAME detector")
    ap.add_argument("--src", default=os.path.join(ROOT, "src"))
    ap.add_argument("corpus", nargs="*")
    a = ap.parse_args()

    r = random.Random(a.seed)
    texts = corpus_texts(a.corpus or default_corpora())

    if a.names:
        name_posts(r, texts, a.src, a.posts)
        return

    words = cue_words(a.src)

    for _ in range(a.posts):
        print(json.dumps({"text": post(r, texts, words)}))


if __name__ == "__main__":
    main()
