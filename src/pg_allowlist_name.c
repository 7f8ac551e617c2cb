/*
 * Copyright (C) phigate authors
 *
 * Staff names in the allow-list.
 *
 * An entry is a full name: a given name and a surname at least ("Dr. Ana
 * Ruiz, MD" is "ana ruiz"; "Ruiz, Ana" is too).  Its keys are the name,
 * its surname, and each of its words.  A NAME finding is the staff
 * member's when its text, or its text with the words written beside it,
 * is the name in one of the forms a post writes it:
 *
 *   "Ana Ruiz", "ANA RUIZ", "ana ruiz", "Ana Ruíz", "Ana Ruiz's"
 *   "Dr. Ana Ruiz", "Ana Ruiz, MD"      titles and degrees aside
 *   "Ana M. Ruiz"                       an initial the entry does not
 *                                       give (it names no one "Ana
 *                                       Ruiz" does not)
 *   "Ruiz, Ana"                         surname first
 *   "Dr. Ruiz"                          the surname after a staff title
 *
 * and never:
 *
 *   "Ana"                               a given name alone: a patient
 *                                       may have it
 *   "Ruiz", "Mrs. Ruiz", "Ruiz's"       a surname without a staff title
 *   "Ana Ruiz Lopez", "Maria Ana Ruiz"  another person's name holding it
 *   "Mr. Ruiz, Ana's husband"           surname first after "Mr." or
 *                                       before "'s", or in a list
 *
 * The words beside a finding are read when a detector reported part of
 * the name only ("Prayers for Ruiz, Ana" gives "Ruiz"): up to three on
 * each side, on the same sentence and line, and a span so grown counts
 * only when the words beside it do not carry the name on (a capitalised
 * word that is not a title or degree, "Mr.", "Mrs.").
 *
 * Cost: a finding whose words are in no entry is dropped from the
 * question after one lookup a word; otherwise at most 15 spans are
 * folded and looked up.  Nothing scans the list.
 */


#include <string.h>

#include <utf8proc.h>

#include "pg_allowlist_int.h"
#include "pg_normalize.h"
#include "pg_text.h"


/* words read beside a finding on each side */
#define PG_ALLOW_CTX     3
/* the longest word read beside a finding */
#define PG_ALLOW_TOK     64
/* the most blanks between two words of a name */
#define PG_ALLOW_GAP     4
/* commas in a name's text: "Ruiz, Ana, MD, FACS" */
#define PG_ALLOW_PARTS   4

#define pg_allow_blank(c)  ((c) == ' ' || (c) == '\t')
#define pg_allow_word_start(c)                                              \
    (pg_isalpha(c) || (unsigned char) (c) >= 0x80)
#define pg_allow_word_byte(c)                                               \
    (pg_allow_word_start(c) || (c) == '\'' || (c) == '-' || (c) == '.')


typedef struct {
    char          *key;        /* the words, one space apart */
    size_t         len;
    size_t         words;
    unsigned       staff:1;       /* after "Dr.", "Prof.", "Nurse" */
    unsigned       honorific:1;   /* after "Mr.", "Mrs.", "Ms." */
    unsigned       inverted:1;    /* "Ruiz, Ana" */
    unsigned       possessive:1;  /* "Ruiz's" */
} pg_allow_name_t;


typedef struct {
    size_t         start;
    size_t         end;
    unsigned       comma:1;      /* a comma between it and the span */
} pg_allow_tok_t;


typedef struct {
    size_t         off[PG_ALLOW_WORDS_MAX];
    size_t         len[PG_ALLOW_WORDS_MAX];
    size_t         part[PG_ALLOW_WORDS_MAX];
    size_t         n;
} pg_allow_words_t;


static int pg_allow_name_fold(pg_arena_t *a, const char *s, size_t n,
    pg_allow_name_t *nm);
static int pg_allow_name_split(const char *s, size_t n, char *buf,
    pg_allow_words_t *w, size_t *parts);
static void pg_allow_name_strip(const char *buf, pg_allow_words_t *w,
    size_t parts, pg_allow_name_t *nm);
static int pg_allow_name_known(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *s, size_t n, int *inverted);
static int pg_allow_name_words(const pg_allowlist_t *al,
    const pg_allow_name_t *nm);
static size_t pg_allow_name_context(const char *t, size_t len, size_t pos,
    int right, pg_allow_tok_t *tok);
static int pg_allow_name_grown(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *t, const pg_allow_tok_t *l, size_t nl,
    const pg_allow_tok_t *r, size_t nr, size_t off, size_t end, int lower);
static int pg_allow_tok_is(const char *t, const pg_allow_tok_t *tok,
    const char *const *list);
static int pg_allow_tok_abbr(const char *t, size_t s, size_t e);
static int pg_allow_tok_carries(const char *t, const pg_allow_tok_t *tok,
    int lower);
static int pg_allow_has_upper(const char *s, size_t n, int first);
static int pg_allow_possessive(const char *s, size_t n);


/* titles that say the person is staff, and those that do not */
static const char *const  pg_allow_staff[] = {
    "dr", "doctor", "prof", "professor", "nurse", NULL
};

static const char *const  pg_allow_honorifics[] = {
    "mr", "mrs", "ms", "mx", "miss", "mister", NULL
};

static const char *const  pg_allow_degrees[] = {
    "md", "do", "rn", "np", "pa", "phd", "dnp", "dds", "dmd", "facs", "facp",
    "mph", "msn", "bsn", "lpn", "crna", "pharmd", "mba", "aprn", "fnp",
    "dpt", "od", "jr", "sr", "ii", "iii", NULL
};


int
pg_allow_name_entry(pg_allowlist_t *al, pg_arena_t *tmp, const char *s,
    size_t n)
{
    int              rc;
    size_t           i, w;
    pg_allow_name_t  nm;

    rc = pg_allow_name_fold(tmp, s, n, &nm);
    if (rc != 0) {
        return rc;
    }

    /* "Ruiz, Ana's" is read as no name: an entry must be one */
    if (nm.words < 2 || (nm.inverted && (nm.possessive || nm.honorific))) {
        return 1;
    }

    if (pg_allow_set_add(al, PG_SET_NAME, nm.key, nm.len, 0) != 0) {
        return -1;
    }

    for (i = 0, w = 0; i <= nm.len; i++) {
        if (i < nm.len && nm.key[i] != ' ') {
            continue;
        }

        if (i - w > 1
            && pg_allow_set_add(al, PG_SET_NAME_WORD, nm.key + w, i - w, 0)
               != 0)
        {
            return -1;
        }

        if (i == nm.len
            && pg_allow_set_add(al, PG_SET_SURNAME, nm.key + w, i - w, 0)
               != 0)
        {
            return -1;
        }

        w = i + 1;
    }

    return 0;
}


int
pg_allow_name_at(const pg_allowlist_t *al, pg_arena_t *tmp, const char *t,
    size_t len, size_t off, size_t flen)
{
    int               inverted;
    size_t            nl, nr;
    pg_norm_t         norm;
    pg_allow_tok_t    l[PG_ALLOW_CTX + 1], r[PG_ALLOW_CTX + 1];
    pg_allow_name_t   nm;

    if (al->sets[PG_SET_NAME].n == 0
        || pg_normalize(tmp, t + off, flen, &norm) != PG_OK
        || pg_allow_name_fold(tmp, norm.text, norm.len, &nm) != 0
        || !pg_allow_name_words(al, &nm))
    {
        return 0;
    }

    if (pg_allow_name_known(al, tmp, t + off, flen, &inverted)) {
        return 1;
    }

    nl = pg_allow_name_context(t, len, off, 0, l);
    nr = pg_allow_name_context(t, len, off + flen, 1, r);

    return pg_allow_name_grown(al, tmp, t, l, nl, r, nr, off, off + flen,
                               !pg_allow_has_upper(t + off, flen, 0));
}


/*
 * The spans grown from [off, end) by up to PG_ALLOW_CTX words each side
 * (l and r, nearest first, one more than that for what is beside them):
 * 1 when one is an allowed name and the words beside it end it.
 */
static int
pg_allow_name_grown(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *t, const pg_allow_tok_t *l, size_t nl,
    const pg_allow_tok_t *r, size_t nr, size_t off, size_t end, int lower)
{
    int                    inverted;
    size_t                 i, j, start, stop;
    const pg_allow_tok_t  *bl, *br;

    for (i = 0; i <= nl && i <= PG_ALLOW_CTX; i++) {

        /* "Mr. Ruiz, Ana": no span takes the patient's honorific */
        if (i > 0 && pg_allow_tok_is(t, &l[i - 1], pg_allow_honorifics)) {
            break;
        }

        bl = (i < nl) ? &l[i] : NULL;

        if (bl != NULL
            && (pg_allow_tok_is(t, bl, pg_allow_honorifics)
                || (!bl->comma && pg_allow_tok_carries(t, bl, lower))))
        {
            continue;
        }

        for (j = 0; j <= nr && j <= PG_ALLOW_CTX; j++) {
            if (j > 0 && pg_allow_tok_is(t, &r[j - 1], pg_allow_honorifics))
            {
                break;
            }

            br = (j < nr) ? &r[j] : NULL;

            if ((i == 0 && j == 0)
                || (br != NULL && !br->comma
                    && pg_allow_tok_carries(t, br, lower)))
            {
                continue;
            }

            start = (i > 0) ? l[i - 1].start : off;
            stop = (j > 0) ? r[j - 1].end : end;

            if (!pg_allow_name_known(al, tmp, t + start, stop - start,
                                     &inverted))
            {
                continue;
            }

            /* "Lee, Ruiz, Ana": a list, not a name written surname first */
            if (inverted
                && ((bl != NULL && bl->comma)
                    || (br != NULL && br->comma
                        && !pg_allow_tok_is(t, br, pg_allow_degrees))))
            {
                continue;
            }

            return 1;
        }
    }

    return 0;
}


/*
 * The words beside pos, nearest first, into tok (PG_ALLOW_CTX + 1 at
 * most): blanks or one comma between them, on one line; a word ending
 * with '.' that is no initial, title or degree ends the sentence.
 */
static size_t
pg_allow_name_context(const char *t, size_t len, size_t pos, int right,
    pg_allow_tok_t *tok)
{
    size_t  n, p, s, e, comma;

    for (n = 0; n <= PG_ALLOW_CTX; n++) {
        p = pos;
        comma = 0;

        if (right) {
            while (p < len && p - pos <= PG_ALLOW_GAP
                   && pg_allow_blank(t[p]))
            {
                p++;
            }

            if (p < len && t[p] == ',') {
                comma = 1;

                for (p++; p < len && p - pos <= PG_ALLOW_GAP
                          && pg_allow_blank(t[p]);
                     p++)
                {
                    /* void */
                }
            }

            if (p == pos || p - pos > PG_ALLOW_GAP || p == len
                || !pg_allow_word_start(t[p]))
            {
                break;
            }

            for (s = p, e = p; e < len && pg_allow_word_byte(t[e]); e++) {
                if (e - s == PG_ALLOW_TOK) {
                    return n;
                }
            }

        } else {
            while (p > 0 && pos - p <= PG_ALLOW_GAP
                   && pg_allow_blank(t[p - 1]))
            {
                p--;
            }

            if (p > 0 && t[p - 1] == ',') {
                comma = 1;

                for (p--; p > 0 && pos - p <= PG_ALLOW_GAP
                          && pg_allow_blank(t[p - 1]);
                     p--)
                {
                    /* void */
                }
            }

            for (e = p, s = p; s > 0 && pg_allow_word_byte(t[s - 1]); s--) {
                if (e - s == PG_ALLOW_TOK) {
                    return n;
                }
            }

            while (s < e && !pg_allow_word_start(t[s])) {
                s++;
            }

            if (p == pos || pos - p > PG_ALLOW_GAP || s == e
                || (t[e - 1] == '.' && !pg_allow_tok_abbr(t, s, e)))
            {
                break;
            }
        }

        tok[n].start = s;
        tok[n].end = e;
        tok[n].comma = comma;
        pos = right ? e : s;

        if (right && t[e - 1] == '.' && !pg_allow_tok_abbr(t, s, e)) {
            return n + 1;
        }
    }

    return n;
}


/*
 * 1 when s[0, n) is an allowed name; *inverted says it was written
 * surname first.
 */
static int
pg_allow_name_known(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *s, size_t n, int *inverted)
{
    char             *d;
    size_t            i, k, w;
    pg_norm_t         norm;
    pg_allow_name_t   nm;

    *inverted = 0;

    if (pg_normalize(tmp, s, n, &norm) != PG_OK
        || pg_allow_name_fold(tmp, norm.text, norm.len, &nm) != 0)
    {
        return 0;
    }

    *inverted = nm.inverted;

    if (nm.inverted && (nm.possessive || nm.honorific)) {
        return 0;
    }

    if (nm.words == 1) {
        return nm.staff && !nm.honorific
               && pg_allow_set_find(al, PG_SET_SURNAME, nm.key, nm.len)
                  != NULL;
    }

    if (pg_allow_set_find(al, PG_SET_NAME, nm.key, nm.len) != NULL) {
        return 1;
    }

    /* "Ana M. Ruiz": the name without initials between its first and last */
    d = pg_arena_alloc(tmp, nm.len + 1);
    if (d == NULL) {
        return 0;
    }

    for (i = 0, k = 0, w = 0; i <= nm.len; i++) {
        if (i < nm.len && nm.key[i] != ' ') {
            continue;
        }

        if (i - w != 1 || w == 0 || i == nm.len) {
            if (k) {
                d[k++] = ' ';
            }

            memcpy(d + k, nm.key + w, i - w);
            k += i - w;
        }

        w = i + 1;
    }

    return k < nm.len && pg_allow_set_find(al, PG_SET_NAME, d, k) != NULL;
}


/* 1 when each word of nm that a name keeps is some entry's word */
static int
pg_allow_name_words(const pg_allowlist_t *al, const pg_allow_name_t *nm)
{
    size_t       i, w;
    const char  *k;

    for (i = 0, w = 0; i <= nm->len; i++) {
        if (i < nm->len && nm->key[i] != ' ') {
            continue;
        }

        k = nm->key + w;

        if (i - w > 1 && !pg_allow_in(pg_allow_staff, k, i - w)
            && !pg_allow_in(pg_allow_honorifics, k, i - w)
            && !pg_allow_in(pg_allow_degrees, k, i - w)
            && pg_allow_set_find(al, PG_SET_NAME_WORD, k, i - w) == NULL)
        {
            return 0;
        }

        w = i + 1;
    }

    return 1;
}


/*
 * The key of the name s[0, n) (normalised): its words folded, titles
 * before and degrees after aside, "Surname, Given" turned round.
 * Returns 1 when it has no word or more than two parts between commas.
 */
static int
pg_allow_name_fold(pg_arena_t *a, const char *s, size_t n,
    pg_allow_name_t *nm)
{
    char              *buf, *key;
    size_t             i, k, parts, first, last, want, pass;
    pg_allow_words_t   w;

    memset(nm, 0, sizeof(pg_allow_name_t));

    if (n > PG_ALLOW_MAX) {
        return 1;
    }

    buf = pg_arena_alloc(a, 2 * PG_ALLOW_PARTS * (PG_ALLOW_MAX + 8));
    if (buf == NULL) {
        return -1;
    }

    if (pg_allow_name_split(s, n, buf, &w, &parts) != 0) {
        return 1;
    }

    nm->possessive = pg_allow_possessive(s, n);
    pg_allow_name_strip(buf, &w, parts, nm);

    if (w.n == 0) {
        return 1;
    }

    /* one part, or two: the second is the given name */
    first = w.part[0];
    last = w.part[w.n - 1];

    for (i = 0; i < w.n; i++) {
        if (w.part[i] != first && w.part[i] != last) {
            return 1;
        }
    }

    nm->inverted = (first != last);
    key = buf + PG_ALLOW_PARTS * (PG_ALLOW_MAX + 8);

    /* surname first: the second part's words, then the first's */
    for (k = 0, pass = 0; pass < 1u + nm->inverted; pass++) {
        want = (nm->inverted && pass == 0) ? last : first;

        for (i = 0; i < w.n; i++) {
            if (w.part[i] != want) {
                continue;
            }

            if (k) {
                key[k++] = ' ';
            }

            memcpy(key + k, buf + w.off[i], w.len[i]);
            k += w.len[i];
            nm->words++;
        }
    }

    key[k] = '\0';
    nm->key = key;
    nm->len = k;

    return 0;
}


/*
 * The words of s[0, n) by parts between commas, folded into buf; -1 when
 * there are too many parts or words.
 */
static int
pg_allow_name_split(const char *s, size_t n, char *buf, pg_allow_words_t *w,
    size_t *parts)
{
    char         *out;
    size_t        p, i, k, e;
    const char   *comma;

    w->n = 0;

    for (p = 0; n > 0 || p == 0; p++) {
        if (p == PG_ALLOW_PARTS) {
            return -1;
        }

        comma = memchr(s, ',', n);
        e = (comma != NULL) ? (size_t) (comma - s) : n;

        out = buf + p * (PG_ALLOW_MAX + 8);
        k = pg_allow_fold_chars(s, e, out);

        if (k > PG_ALLOW_MAX) {
            return -1;
        }

        for (i = 0; i < k; /* void */) {
            if (w->n == PG_ALLOW_WORDS_MAX) {
                return -1;
            }

            w->off[w->n] = (out - buf) + i;
            w->part[w->n] = p;

            while (i < k && out[i] != ' ') {
                i++;
            }

            w->len[w->n] = (out - buf) + i - w->off[w->n];
            w->n++;
            i++;
        }

        if (comma == NULL) {
            p++;
            break;
        }

        s += e + 1;
        n -= e + 1;
    }

    *parts = p;

    return 0;
}


/*
 * Titles at the start of each part go ("Dr. Ana Ruiz", "Ruiz, Dr. Ana"),
 * and degrees at the end: parts that are only degrees ("Ana Ruiz, MD,
 * FACS"), then the last words of what is left ("Ana Ruiz MD").  A word
 * is kept when it is the last left.
 */
static void
pg_allow_name_strip(const char *buf, pg_allow_words_t *w, size_t parts,
    pg_allow_name_t *nm)
{
    size_t  i, o, p, last;
    int     only;

    for (i = 0, o = 0; i < w->n; i++) {
        if ((o == 0 || w->part[o - 1] != w->part[i])
            && w->n - (i - o) > 1)
        {
            /* the first word kept of its part: a title? */
            if (pg_allow_in(pg_allow_staff, buf + w->off[i], w->len[i])) {
                nm->staff = 1;
                continue;
            }

            if (pg_allow_in(pg_allow_honorifics, buf + w->off[i],
                            w->len[i]))
            {
                nm->honorific = 1;
                continue;
            }
        }

        w->off[o] = w->off[i];
        w->len[o] = w->len[i];
        w->part[o] = w->part[i];
        o++;
    }

    w->n = o;

    for (p = parts; p-- > 1 && w->n > 0; /* void */) {
        for (i = w->n, only = 1; i > 0 && w->part[i - 1] == p; i--) {
            only &= pg_allow_in(pg_allow_degrees, buf + w->off[i - 1],
                                w->len[i - 1]);
        }

        if (!only || i == 0) {
            break;
        }

        w->n = i;
    }

    /* "Ana Do": a surname that is also a degree stays a name's */
    for (last = w->n; last > 2; last--) {
        if (w->part[last - 1] != w->part[last - 2]
            || !pg_allow_in(pg_allow_degrees, buf + w->off[last - 1],
                            w->len[last - 1]))
        {
            break;
        }
    }

    w->n = last;
}


/* the word of tok, lower case without dots, is one of list's */
static int
pg_allow_tok_is(const char *t, const pg_allow_tok_t *tok,
    const char *const *list)
{
    char    w[16];
    size_t  i, k;

    for (i = tok->start, k = 0; i < tok->end; i++) {
        if (t[i] == '.') {
            continue;
        }

        if (k == sizeof(w) || !pg_isalpha(t[i])) {
            return 0;
        }

        w[k++] = (char) pg_tolower(t[i]);
    }

    return pg_allow_in(list, w, k);
}


/* t[s, e) ending with '.' is an initial, a title or a degree ("M.D.") */
static int
pg_allow_tok_abbr(const char *t, size_t s, size_t e)
{
    size_t          i, letters;
    pg_allow_tok_t  tok;

    for (i = s, letters = 0; i < e; i++) {
        letters += (t[i] != '.');
    }

    tok.start = s;
    tok.end = e;

    return letters == 1 || pg_allow_tok_is(t, &tok, pg_allow_staff)
           || pg_allow_tok_is(t, &tok, pg_allow_honorifics)
           || pg_allow_tok_is(t, &tok, pg_allow_degrees);
}


/*
 * The word beside a span carries a name on: a capitalised word that is
 * no title or degree ("Maria" before "Ana Ruiz"); in a text without
 * capitals (lower), any word.
 */
static int
pg_allow_tok_carries(const char *t, const pg_allow_tok_t *tok, int lower)
{
    if (pg_allow_tok_is(t, tok, pg_allow_staff)
        || pg_allow_tok_is(t, tok, pg_allow_degrees))
    {
        return 0;
    }

    return lower || pg_allow_has_upper(t + tok->start,
                                       tok->end - tok->start, 1);
}


/* s[0, n) has a capital letter (first: as its first character) */
static int
pg_allow_has_upper(const char *s, size_t n, int first)
{
    size_t               i;
    utf8proc_int32_t     cp;
    utf8proc_ssize_t     len;
    utf8proc_category_t  cat;

    for (i = 0; i < n; i += len) {
        len = utf8proc_iterate((const utf8proc_uint8_t *) s + i,
                               (utf8proc_ssize_t) (n - i), &cp);
        if (len <= 0) {
            len = 1;
            continue;
        }

        cat = utf8proc_category(cp);

        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
            return 1;
        }

        if (first) {
            break;
        }
    }

    return 0;
}


/* "Ruiz's", "Ruiz’s": a possessive */
static int
pg_allow_possessive(const char *s, size_t n)
{
    size_t  i, q;

    for (i = 0; i < n; i++) {
        if (s[i] == '\'') {
            q = i + 1;

        } else if (i + 3 <= n && memcmp(s + i, "\xe2\x80\x99", 3) == 0) {
            q = i + 3;

        } else {
            continue;
        }

        if (q < n && (s[q] | 0x20) == 's'
            && (q + 1 == n || !pg_isalnum(s[q + 1])))
        {
            return 1;
        }
    }

    return 0;
}
