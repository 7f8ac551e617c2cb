/*
 * Copyright (C) phigate authors
 *
 * Look-alike characters folded to the ASCII letters and digits they show,
 * so that "patient 𝐉𝐨𝐡𝐧 𝐒𝐦𝐢𝐭𝐡", "SSN ①②③-④⑤-⑥⑦⑧⑨" and "Јоhn" (Cyrillic Ј
 * and о) read like the plain text they imitate.  Two kinds:
 *
 *   compat      a letter or number whose NFKC (compatibility) form is
 *               ASCII letters and digits: mathematical alphanumerics,
 *               circled, parenthesised and full-stop digits, dingbat
 *               digits, superscripts and subscripts, ligatures ("ﬁ"),
 *               Roman numerals.  utf8proc's tables decide, not ours,
 *               except for the dingbat and double-circled digits that
 *               Unicode gives no compatibility form ("❶", "➀", "⓵").
 *               Symbols ("™", "㎏", circled letters) stay.
 *
 *   latin       a Latin letter with marks, its base letter: "José
 *               Núñez", "Nguyễn Thị Hồng", "Zoë Ångström" read "Jose
 *               Nunez", "Nguyen Thi Hong", "Zoe Angstrom", so that the
 *               detectors, which read ASCII words, see the whole name
 *               and the lexicon's folded spellings.  The NFKD form with
 *               its marks stripped when that is ASCII, and the letters
 *               Unicode gives no decomposition by hand ("ß", "æ", "ø",
 *               "đ", "ł", "ı"...: pg_fold_latin[]).  Greek and Cyrillic
 *               letters with marks decompose to their own script and
 *               stay; so do all other scripts.  A combining mark after
 *               a Latin letter (text in NFD) is dropped by the
 *               normaliser, its bytes mapped to the letter
 *               (pg_norm_fold_mark()).
 *
 *   confusable  a Cyrillic or Greek letter that looks like a Latin one,
 *               only inside a word that has an ASCII letter or digit too
 *               ("МRN", "Јоhn"): a Russian or Greek word stays as it is.
 *
 * Every fold is at most as long as the character it replaces (the
 * normaliser never makes text longer), and each output byte maps back
 * to the whole character.
 */


#include <stdint.h>
#include <string.h>

#include "pg_normalize_fold.h"
#include "pg_text.h"

/* pg_confusables, made by scripts/gen-confusables.sh */
#include "pg_normalize_confusables.h"


/* how far either side of a letter its word is looked at, in characters */
#define PG_FOLD_WORD_MAX  32
/* how far either side of a letter with marks a digit is looked for */
#define PG_FOLD_GLUE_MAX  64


/*
 * Latin letters with no decomposition to a base letter, spelt as the
 * languages that use them are when written without them (German "ß" as
 * "ss", Icelandic "Þ" as "Th", Vietnamese "Đ" as "D"); none is longer
 * than the letter's own two bytes.
 */
static const struct {
    uint16_t       cp;
    char           s[3];
} pg_fold_latin[] = {
    { 0x00c6, "AE" }, { 0x00d0, "D" },  { 0x00d8, "O" },  { 0x00de, "Th" },
    { 0x00df, "ss" }, { 0x00e6, "ae" }, { 0x00f0, "d" },  { 0x00f8, "o" },
    { 0x00fe, "th" }, { 0x0110, "D" },  { 0x0111, "d" },  { 0x0126, "H" },
    { 0x0127, "h" },  { 0x0131, "i" },  { 0x0141, "L" },  { 0x0142, "l" },
    { 0x0152, "OE" }, { 0x0153, "oe" }, { 0x1e9e, "SS" }, { 0, "" }
};


static size_t pg_fold_compat(utf8proc_int32_t cp, size_t n, int marks,
    char *out);
static size_t pg_fold_latin_letter(utf8proc_int32_t cp, char *out);
static size_t pg_fold_dingbat(utf8proc_int32_t cp, char *out);
static int pg_fold_confusable(utf8proc_int32_t cp);
static int pg_fold_glued(pg_fold_word_t *w, const char *in, size_t len,
    size_t i, size_t n);
static int pg_fold_mixed(pg_fold_word_t *w, const char *in, size_t len,
    size_t i, size_t n);
static int pg_fold_word_char(const char *in, size_t len, size_t j,
    size_t *n);


size_t
pg_norm_fold(pg_fold_word_t *w, const char *in, size_t len, size_t i,
    size_t n, utf8proc_int32_t cp, char *out)
{
    int     c, marks;
    size_t  nf;

    if (cp >= 0x0370 && cp < 0x0530) {
        /* Greek and Cyrillic: no compatibility form there is ASCII */
        c = pg_fold_confusable(cp);
        if (c == 0 || !pg_fold_mixed(w, in, len, i, n)) {
            return 0;
        }

        out[0] = (char) c;

        return 1;
    }

    if (cp >= 0x24eb && cp <= 0x2793) {
        return pg_fold_dingbat(cp, out);
    }

    marks = !pg_fold_glued(w, in, len, i, n);

    if (marks && ((cp >= 0x00c6 && cp <= 0x0153) || cp == 0x1e9e)) {
        nf = pg_fold_latin_letter(cp, out);
        if (nf != 0) {
            return nf;
        }
    }

    return pg_fold_compat(cp, n, marks, out);
}


int
pg_norm_fold_mark(pg_fold_word_t *w, const char *in, size_t len, size_t i,
    size_t n, utf8proc_int32_t cp)
{
    /*
     * The combining diacritical marks block: those Latin text in NFD
     * ("e" U+0301 for "é") and Vietnamese typed with a combining tone
     * mark use.  The marks of other blocks belong to other scripts or
     * to symbols (a keycap's U+20E3 after a digit).
     */
    return cp >= 0x0300 && cp <= 0x036f && !pg_fold_glued(w, in, len, i, n);
}


/*
 * Whether the character at in[i, i + n) is glued to a number: its word
 * (the bytes either side that are ASCII letters and digits or non-ASCII,
 * up to PG_FOLD_GLUE_MAX bytes each way) holds an ASCII digit.  A letter
 * with marks there ("5313é", "ÿ804", "mamáXUU11NCS4A0TVA0T7") is no
 * part of a name: it stays, and keeps ending or starting the number or
 * the identifier as any non-ASCII character does, so that folding hides
 * none.  The answer holds for the rest of the word (to w->gend).
 */

static int
pg_fold_glued(pg_fold_word_t *w, const char *in, size_t len, size_t i,
    size_t n)
{
    size_t         j, e;
    unsigned char  c;

    if (i < w->gend) {
        return w->glued;
    }

    w->glued = 0;

    for (j = i; j > 0 && i - j < PG_FOLD_GLUE_MAX; j--) {
        c = (unsigned char) in[j - 1];

        if (c < 0x80 && !pg_isalnum(c)) {
            break;
        }

        w->glued |= pg_isdigit(c);
    }

    for (e = i + n; e < len && e - (i + n) < PG_FOLD_GLUE_MAX; e++) {
        c = (unsigned char) in[e];

        if (c < 0x80 && !pg_isalnum(c)) {
            break;
        }

        w->glued |= pg_isdigit(c);
    }

    w->gend = e;

    return w->glued;
}


/* a Latin letter of pg_fold_latin[] spelt in ASCII, 0 when not one */

static size_t
pg_fold_latin_letter(utf8proc_int32_t cp, char *out)
{
    size_t  k, n;

    for (k = 0; pg_fold_latin[k].cp != 0; k++) {
        if (pg_fold_latin[k].cp == cp) {
            n = strlen(pg_fold_latin[k].s);
            memcpy(out, pg_fold_latin[k].s, n);
            return n;
        }
    }

    return 0;
}


/*
 * Circled digits with no compatibility form, by their value: the
 * dingbat runs U+2776-U+2793 (three runs of 1 to 10), double circled
 * U+24F5-U+24FE (1 to 10), negative circled U+24EB-U+24F4 (11 to 20)
 * and U+24FF (0).  Other characters in U+24EB-U+2793 go to compat.
 */

static size_t
pg_fold_dingbat(utf8proc_int32_t cp, char *out)
{
    int  v;

    if (cp >= 0x2776) {
        v = (int) (cp - 0x2776) % 10 + 1;

    } else if (cp >= 0x24f5 && cp <= 0x24fe) {
        v = (int) (cp - 0x24f5) + 1;

    } else if (cp <= 0x24f4) {
        v = (int) (cp - 0x24eb) + 11;

    } else if (cp == 0x24ff) {
        v = 0;

    } else {
        return pg_fold_compat(cp, 3, 0, out);
    }

    if (v < 10) {
        out[0] = (char) ('0' + v);
        return 1;
    }

    out[0] = (char) ('0' + v / 10);
    out[1] = (char) ('0' + v % 10);

    return 2;
}


/*
 * The NFKD form of a letter or number when it is ASCII letters and
 * digits, and with marks that are dropped when marks is set: "𝐉" reads
 * "J", "é" reads "e"; "⑴" and "⒈" ("(1)", "1.") give their digits alone,
 * so that "⑴⑵⑶" reads "123" as "①②③" does.
 */

static size_t
pg_fold_compat(utf8proc_int32_t cp, size_t n, int marks, char *out)
{
    int                        last, opts;
    size_t                     k, o;
    utf8proc_ssize_t           nd;
    utf8proc_int32_t           dec[PG_FOLD_MAX + 2];
    utf8proc_category_t        cat;
    const utf8proc_property_t *p;

    p = utf8proc_get_property(cp);

    if (p->decomp_seqindex == UINT16_MAX) {
        /* no decomposition at all: most characters, emoji, CJK */
        return 0;
    }

    cat = (utf8proc_category_t) p->category;

    if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO
        || cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC
        || cat == UTF8PROC_CATEGORY_ME)
    {
        return 0;
    }

    if (cp == 0x00aa || cp == 0x00ba) {
        /* ordinal indicators "nº 5", "1º": an o would pass for a zero */
        return 0;
    }

    opts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
    last = 0;

    nd = utf8proc_decompose_char(cp, dec, PG_FOLD_MAX + 2,
                                 (utf8proc_option_t) opts, &last);

    if (nd <= 0 || nd > PG_FOLD_MAX + 2) {
        return 0;
    }

    o = 0;

    for (k = 0; k < (size_t) nd; k++) {

        if (dec[k] >= 0x80) {
            if (marks && utf8proc_category(dec[k]) == UTF8PROC_CATEGORY_MN)
            {
                /* the accent of a Latin letter: "e" U+0301 for "é" */
                continue;
            }

            return 0;
        }

        if (pg_isalnum(dec[k])) {
            if (o == n || o == PG_FOLD_MAX) {
                return 0;
            }

            out[o++] = (char) dec[k];
            continue;
        }

        if (cat != UTF8PROC_CATEGORY_NO
            || (dec[k] != '(' && dec[k] != ')' && dec[k] != '.'))
        {
            return 0;
        }
    }

    return o;
}


/* the Latin letter cp (U+0370-U+052F) is drawn like, 0 when none */

static int
pg_fold_confusable(utf8proc_int32_t cp)
{
    return pg_confusables[cp - 0x0370];
}


/*
 * Whether the word around the character at in[i, i + n) has an ASCII
 * letter or digit: the letters (and marks) either side, up to
 * PG_FOLD_WORD_MAX characters each way so a long word costs no more.
 * The answer holds for the rest of the word (to w->end): a Russian word
 * of many look-alikes is read once, not once a letter.
 */

static int
pg_fold_mixed(pg_fold_word_t *w, const char *in, size_t len, size_t i,
    size_t n)
{
    int     c;
    size_t  j, k, m, steps;

    if (i < w->end) {
        return w->mixed;
    }

    w->mixed = 0;

    for (j = i + n, steps = 0; j < len && steps < PG_FOLD_WORD_MAX;
         j += m, steps++)
    {
        c = pg_fold_word_char(in, len, j, &m);
        if (c == 0) {
            break;
        }

        w->mixed |= (c == 2);
    }

    w->end = j;

    for (j = i, steps = 0; !w->mixed && j > 0 && steps < PG_FOLD_WORD_MAX;
         steps++)
    {
        /* back to the lead byte of the character before j */
        for (k = j - 1; k > 0 && j - k < 4
             && ((unsigned char) in[k] & 0xc0) == 0x80; k--)
        {
            /* void */
        }

        c = pg_fold_word_char(in, len, k, &m);
        if (c == 0 || k + m != j) {
            break;
        }

        w->mixed = (c == 2);
        j = k;
    }

    return w->mixed;
}


/*
 * The character at in[j]: its length in *n, and 2 for an ASCII letter or
 * digit, 1 for another letter or a mark, 0 for anything that ends a word.
 */

static int
pg_fold_word_char(const char *in, size_t len, size_t j, size_t *n)
{
    utf8proc_int32_t     cp;
    utf8proc_ssize_t     r;
    utf8proc_category_t  cat;

    *n = 1;

    if ((unsigned char) in[j] < 0x80) {
        return pg_isalnum(in[j]) ? 2 : 0;
    }

    if ((unsigned char) in[j] >= 0xd0 && (unsigned char) in[j] <= 0xd3
        && j + 1 < len && ((unsigned char) in[j + 1] & 0xc0) == 0x80
        && !((unsigned char) in[j] == 0xd2
             && (unsigned char) in[j + 1] == 0x82))
    {
        /*
         * U+0400-U+04FF but the sign U+0482: Cyrillic letters and marks,
         * read without a table lookup, so Russian text, where every
         * other letter is a look-alike, is not slowed down.
         */
        *n = 2;
        return 1;
    }

    r = utf8proc_iterate((const utf8proc_uint8_t *) in + j,
                         (utf8proc_ssize_t) (len - j), &cp);
    if (r <= 0) {
        return 0;
    }

    *n = (size_t) r;
    cat = utf8proc_category(cp);

    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME)
           ? 1 : 0;
}
