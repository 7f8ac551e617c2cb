/*
 * Copyright (C) phigate authors
 *
 * The organisation's addresses in the allow-list, and the ZIP codes
 * after them.
 *
 * An address entry becomes the written forms a post may give of it: its
 * words folded ("St." is "Street", "Massachusetts" and "Mass." are "MA",
 * "New York" is "NY", a suite, floor, building or wing of the building
 * aside), all of them or those up to any word after its first part (the
 * text before its first comma; without commas all but the ZIP code).
 * Each form is a key: an ADDRESS finding is one lookup.
 *
 * A ZIP finding is the organisation's when its 5 digits are an entry's
 * and the text right before it (lines too) ends with one of that entry's
 * forms ("55 Fruit St. Boston, Massachusetts 02114"), whether or not a
 * detector reported that text as an address.  The same digits
 * after another street may be where a patient lives.  A ZIP+4 is the
 * entry's when its first 5 digits are and the entry gives no +4 of its
 * own (a campus has several) or the same one.
 *
 * An apartment, unit, room or '#' number is not dropped: it is where a
 * person lives or lies, not the organisation's address.
 */


#include <stdlib.h>
#include <string.h>

#include "pg_allowlist_int.h"
#include "pg_detect_geo.h"
#include "pg_normalize.h"
#include "pg_text.h"


/* how far before a ZIP code its address may start, on the same line */
#define PG_ALLOW_ZIP_REACH  160
/* the longest suite, floor or building number dropped ("1200", "10A") */
#define PG_ALLOW_UNIT_MAX   4


typedef struct {
    const char    *from;
    const char    *to;
} pg_allow_abbr_t;


static size_t pg_allow_address_join(char *w, size_t n, char *out);
static size_t pg_allow_address_multi(const char *w, size_t n, size_t off,
    const char **to);
static size_t pg_allow_words_at(const char *w, size_t n, size_t off,
    const char *words);
static const char *pg_allow_abbr(const char *w, size_t n);
static int pg_allow_unit(const char *d, size_t dn, const char *w,
    size_t n);
static int pg_allow_ordinal(const char *w, size_t n);
static int pg_allow_zip_key(const pg_allowlist_t *al, const char *key,
    size_t len, const char *zip);
static uint32_t pg_allow_plus4(const char *zip);
static size_t pg_allow_words_upto(const char *c, size_t len, size_t words);


/*
 * Several words a post may write as one besides the states' names
 * (pg_geo_states): "W. Va.", "P. O. Box".  Matched on the folded words
 * before the single-word tables ("north" is "n", "north dakota" "nd").
 */
static const pg_allow_abbr_t  pg_allow_address_multis[] = {
    { "w va", "wv" }, { "post office box", "po box" },
    { "p o box", "po box" },
    { NULL, NULL }
};


/*
 * USPS street suffixes, unit and direction words, and the AP's state
 * abbreviations ("Mass.", "Calif.", "Fla."); the states' names are
 * pg_geo_states.
 */
static const pg_allow_abbr_t  pg_allow_address_words[] = {
    { "street", "st" }, { "avenue", "ave" }, { "av", "ave" },
    { "road", "rd" }, { "boulevard", "blvd" }, { "drive", "dr" },
    { "lane", "ln" }, { "court", "ct" }, { "place", "pl" },
    { "square", "sq" }, { "parkway", "pkwy" }, { "highway", "hwy" },
    { "terrace", "ter" }, { "circle", "cir" }, { "plaza", "plz" },
    { "suite", "ste" }, { "apartment", "apt" }, { "floor", "fl" },
    { "building", "bldg" }, { "room", "rm" }, { "level", "lvl" },
    { "north", "n" }, { "south", "s" }, { "east", "e" }, { "west", "w" },
    { "northeast", "ne" }, { "northwest", "nw" }, { "southeast", "se" },
    { "southwest", "sw" },
    { "ala", "al" }, { "ariz", "az" }, { "ark", "ar" }, { "calif", "ca" },
    { "colo", "co" }, { "conn", "ct" }, { "del", "de" }, { "fla", "fl" },
    { "ill", "il" }, { "ind", "in" }, { "kan", "ks" }, { "kans", "ks" },
    { "mass", "ma" }, { "mich", "mi" }, { "minn", "mn" }, { "miss", "ms" },
    { "mont", "mt" }, { "neb", "ne" }, { "nebr", "ne" }, { "nev", "nv" },
    { "okla", "ok" }, { "ore", "or" }, { "oreg", "or" }, { "penn", "pa" },
    { "tenn", "tn" }, { "tex", "tx" }, { "wash", "wa" }, { "wis", "wi" },
    { "wisc", "wi" }, { "wyo", "wy" },
    { NULL, NULL }
};


/* the organisation's own parts of a building: "Suite 200", "Floor 3" */
static const char *const  pg_allow_units[] = {
    "ste", "fl", "lvl", "bldg", "wing", NULL
};


int
pg_allow_address_fold(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    char    *w, *r;
    size_t   k;

    /* a short form may be a byte longer than its word ("av" is "ave") */
    w = pg_arena_alloc(a, 3 * PG_ALLOW_MAX + 32);
    if (w == NULL) {
        return -1;
    }

    k = pg_allow_fold_chars(s, n, w);
    if (k == 0 || k > PG_ALLOW_MAX) {
        return 1;
    }

    r = w + PG_ALLOW_MAX + 16;

    k = pg_allow_address_join(w, k, r);
    if (k == 0 || k > PG_ALLOW_MAX) {
        return 1;
    }

    *out = r;
    *len = k;

    return 0;
}


int
pg_allow_address_entry(pg_allowlist_t *al, pg_arena_t *tmp, const char *s,
    size_t n)
{
    int          rc;
    char        *c, *m, zip[PG_ALLOW_ZIP_MAX + 1], *key;
    size_t       len, mlen, last, prev, head, min, b;
    uint32_t     aux;
    const char  *comma;

    rc = pg_allow_address_fold(tmp, s, n, &c, &len);
    if (rc != 0) {
        return rc;
    }

    if (strpbrk(c, "0123456789") == NULL) {
        return 1;
    }

    /* the ZIP code: a last word of 5 digits, or of 4 after one of 5 */
    for (last = len; last > 0 && c[last - 1] != ' '; last--) {
        /* void */
    }

    for (prev = last > 0 ? last - 1 : 0; prev > 0 && c[prev - 1] != ' ';
         prev--)
    {
        /* void */
    }

    aux = 0;
    head = len;
    zip[0] = '\0';

    if (last > 0 && len - last == 5
        && pg_allow_digits(c + last, 5, "", zip, 5) == 5)
    {
        head = last - 1;

    } else if (last > 0 && prev > 0 && len - last == 4
               && last - 1 - prev == 5
               && pg_allow_digits(c + prev, 5, "", zip, 5) == 5
               && pg_allow_digits(c + last, 4, "", zip + 5, 4) == 4)
    {
        head = prev - 1;
        aux = pg_allow_plus4(zip);
    }

    zip[5] = '\0';

    /* what a post must give at least: the first part, or all but the ZIP */
    min = head;
    comma = memchr(s, ',', n);

    if (comma != NULL
        && pg_allow_address_fold(tmp, s, comma - s, &m, &mlen) == 0
        && mlen <= head && memcmp(m, c, mlen) == 0
        && (mlen == len || c[mlen] == ' '))
    {
        min = mlen;
    }

    /* a number and a street, at least */
    b = pg_allow_words_upto(c, len, 2);
    min = min > b ? min : b;

    for (b = min; b <= len; b++) {
        if ((b == len || c[b] == ' ')
            && pg_allow_set_add(al, PG_SET_ADDRESS, c, b, 0) != 0)
        {
            return -1;
        }
    }

    if (zip[0] == '\0') {
        return 0;
    }

    if (pg_allow_set_add(al, PG_SET_ZIP5, zip, 5, 0) != 0) {
        return -1;
    }

    key = pg_arena_alloc(tmp, head + 7);
    if (key == NULL) {
        return -1;
    }

    /* each form up to the ZIP code, and the ZIP code after it */
    for (b = min; b <= head; b++) {
        if (b != head && c[b] != ' ') {
            continue;
        }

        memcpy(key, c, b);
        key[b] = ' ';
        memcpy(key + b + 1, zip, 5);

        if (pg_allow_set_add(al, PG_SET_ZIP, key, b + 6, aux) != 0) {
            return -1;
        }
    }

    return 0;
}


int
pg_allow_address_is(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *s, size_t n)
{
    char       *c, zip[PG_ALLOW_ZIP_MAX + 1] = { 0 };
    size_t      len, last;
    pg_norm_t   norm;

    if (al->sets[PG_SET_ADDRESS].n == 0
        || pg_normalize(tmp, s, n, &norm) != PG_OK
        || pg_allow_address_fold(tmp, norm.text, norm.len, &c, &len) != 0)
    {
        return 0;
    }

    if (pg_allow_set_find(al, PG_SET_ADDRESS, c, len) != NULL) {
        return 1;
    }

    /* "... MA 02114-2696": a form with its ZIP code, and a +4 */
    for (last = len; last > 0 && c[last - 1] != ' '; last--) {
        /* void */
    }

    return last > 7 && len - last == 4 && c[last - 7] == ' '
           && pg_allow_digits(c + last - 6, 5, "", zip, 5) == 5
           && pg_allow_digits(c + last, 4, "", zip + 5, 4) == 4
           && pg_allow_zip_key(al, c, last - 1, zip);
}


int
pg_allow_zip_at(const pg_allowlist_t *al, pg_arena_t *tmp, const char *t,
    size_t len, size_t off, size_t flen)
{
    int         k;
    char        d[PG_ALLOW_ZIP_MAX + 1], *w, *key;
    size_t      start, i, wlen, klen;
    pg_norm_t   norm;

    k = pg_allow_digits(t + off, flen, " -", d, PG_ALLOW_ZIP_MAX);

    if ((k != 5 && k != 9)
        || pg_allow_set_find(al, PG_SET_ZIP5, d, 5) == NULL)
    {
        return 0;
    }

    d[k] = '\0';

    /*
     * The text before it, from a word's start; over lines too, as a post
     * writes an address ("55 Fruit Street\nBoston, MA 02114").
     */
    start = off > PG_ALLOW_ZIP_REACH ? off - PG_ALLOW_ZIP_REACH : 0;

    if (start > 0) {
        while (start < off && !pg_isspace(t[start - 1]) && t[start] != ','
               && !pg_isspace(t[start]))
        {
            start++;
        }
    }

    if (start == off
        || pg_normalize(tmp, t + start, off - start, &norm) != PG_OK
        || pg_allow_address_fold(tmp, norm.text, norm.len, &w, &wlen) != 0)
    {
        return 0;
    }

    key = pg_arena_alloc(tmp, wlen + 7);
    if (key == NULL) {
        return 0;
    }

    /* the words from each word on, with the ZIP code: an entry's form? */
    for (i = 0; i < wlen; i++) {
        if (i > 0 && w[i - 1] != ' ') {
            continue;
        }

        klen = wlen - i;
        memcpy(key, w + i, klen);
        key[klen] = ' ';
        memcpy(key + klen + 1, d, 5);

        if (pg_allow_zip_key(al, key, klen + 6, d)) {
            return 1;
        }
    }

    return 0;
}


/*
 * A ZIP+4's last four digits, zip[5, 9), as a set entry's aux: 1 to
 * 10000, or 0 when zip has none.  Read digit by digit, not by atoi():
 * pg_allow_digits() writes no NUL after the digits it copies.
 */
static uint32_t
pg_allow_plus4(const char *zip)
{
    if (!pg_isdigit(zip[5])) {
        return 0;
    }

    return (uint32_t) (zip[5] - '0') * 1000 + (zip[6] - '0') * 100
           + (zip[7] - '0') * 10 + (zip[8] - '0') + 1;
}


/*
 * key[0, len) (a form and a ZIP code) is an entry's, and the ZIP+4's
 * last digits zip[5, 9) (when zip has them) are its or it gives none.
 */
static int
pg_allow_zip_key(const pg_allowlist_t *al, const char *key, size_t len,
    const char *zip)
{
    uint32_t               plus4;
    const pg_allow_key_t  *e, *end;

    plus4 = pg_allow_plus4(zip);
    end = pg_allow_set_end(al, PG_SET_ZIP);

    for (e = pg_allow_set_find(al, PG_SET_ZIP, key, len);
         e != NULL && e < end && e->len == len
         && memcmp(e->s, key, len) == 0;
         e++)
    {
        if (plus4 == 0 || e->aux == 0 || e->aux == plus4) {
            return 1;
        }
    }

    return 0;
}


/*
 * The words of w[0, n) rejoined into out (2 * n + 8 bytes) with USPS's
 * short forms, without the organisation's own parts of a building.
 * Returns the length, 0 when nothing is left or there are too many words.
 */
static size_t
pg_allow_address_join(char *w, size_t n, char *out)
{
    size_t       i, nw, k, wl, m, ul;
    size_t       off[PG_ALLOW_WORDS_MAX], len[PG_ALLOW_WORDS_MAX];
    const char  *ab, *next, *unit;

    nw = 0;

    for (i = 0; i < n; /* void */) {
        if (nw == PG_ALLOW_WORDS_MAX) {
            return 0;
        }

        off[nw] = i;

        while (i < n && w[i] != ' ') {
            i++;
        }

        len[nw] = i - off[nw];
        nw++;
        i++;
    }

    for (i = 0, k = 0; i < nw; i += m) {
        m = pg_allow_address_multi(w, n, off[i], &ab);

        if (m == 0) {
            m = 1;
            ab = pg_allow_abbr(w + off[i], len[i]);
            unit = (ab != NULL) ? ab : w + off[i];
            ul = (ab != NULL) ? strlen(ab) : len[i];
            next = (i + 1 < nw) ? pg_allow_abbr(w + off[i + 1], len[i + 1])
                                : NULL;

            /* "Suite 200", "Bldg 10A", "Wing B", "Floor 3", "3rd Floor" */
            if (i + 1 < nw
                && (pg_allow_unit(unit, ul, w + off[i + 1], len[i + 1])
                    || (next != NULL
                        && (strcmp(next, "fl") == 0
                            || strcmp(next, "lvl") == 0)
                        && pg_allow_ordinal(w + off[i], len[i]))))
            {
                m = 2;
                continue;
            }
        }

        if (k) {
            out[k++] = ' ';
        }

        wl = (ab != NULL) ? strlen(ab) : len[i];
        memcpy(out + k, ab != NULL ? ab : w + off[i], wl);
        k += wl;
    }

    out[k] = '\0';

    return k;
}


/*
 * A form of several words at w[off] (a state's name or one of
 * pg_allow_address_multis): how many words, and its short form.
 */
static size_t
pg_allow_address_multi(const char *w, size_t n, size_t off, const char **to)
{
    size_t                  words;
    const pg_allow_abbr_t  *t;
    const pg_geo_state_t   *st;

    for (st = pg_geo_states; st->name != NULL; st++) {
        words = pg_allow_words_at(w, n, off, st->name);

        if (words > 1) {
            *to = st->abbr;
            return words;
        }
    }

    for (t = pg_allow_address_multis; t->from != NULL; t++) {
        words = pg_allow_words_at(w, n, off, t->from);

        if (words > 0) {
            *to = t->to;
            return words;
        }
    }

    return 0;
}


/* how many words of w[0, n) at off the words are, 0 when they are not */
static size_t
pg_allow_words_at(const char *w, size_t n, size_t off, const char *words)
{
    size_t       l, count;
    const char  *p;

    l = strlen(words);

    if (off + l > n || memcmp(w + off, words, l) != 0
        || (off + l < n && w[off + l] != ' '))
    {
        return 0;
    }

    for (count = 1, p = words; (p = strchr(p, ' ')) != NULL; p++) {
        count++;
    }

    return count;
}


/* a word's short form: a street word's, a state's ("ohio" is "oh") */
static const char *
pg_allow_abbr(const char *w, size_t n)
{
    const pg_allow_abbr_t  *t;
    const pg_geo_state_t   *st;

    for (t = pg_allow_address_words; t->from != NULL; t++) {
        if (strlen(t->from) == n && memcmp(t->from, w, n) == 0) {
            return t->to;
        }
    }

    for (st = pg_geo_states; st->name != NULL; st++) {
        if (strlen(st->name) == n && memcmp(st->name, w, n) == 0) {
            return st->abbr;
        }
    }

    return NULL;
}


/*
 * The word w[0, n) after the unit word d is its number: up to 4 letters
 * and digits with a digit, or one letter ("Wing B").  Not after "FL" a
 * ZIP code ("Tampa, FL 33602"): that is Florida.
 */
static int
pg_allow_unit(const char *d, size_t dn, const char *w, size_t n)
{
    size_t  i, digits;

    if (!pg_allow_in(pg_allow_units, d, dn)
        || n == 0 || n > PG_ALLOW_UNIT_MAX)
    {
        return 0;
    }

    for (i = 0, digits = 0; i < n; i++) {
        digits += pg_isdigit(w[i]);
    }

    return digits > 0 || n == 1;
}


/* "3", "3rd", "12th": a floor's number before "Floor" */
static int
pg_allow_ordinal(const char *w, size_t n)
{
    size_t  i;

    for (i = 0; i < n && i < 3 && pg_isdigit(w[i]); i++) {
        /* void */
    }

    return i > 0 && (i == n || (n - i == 2 && strchr("snrt", w[i]) != NULL));
}


/* the end of c's first words words (or its length) */
static size_t
pg_allow_words_upto(const char *c, size_t len, size_t words)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (c[i] == ' ' && --words == 0) {
            return i;
        }
    }

    return len;
}
