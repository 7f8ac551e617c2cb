/*
 * Copyright (C) phigate authors
 *
 * Canonical forms of allow-list entries and of findings' text: two texts
 * a reader takes for the same number, address or name fold to the same
 * bytes.  The text has been through pg_normalize() already (fullwidth
 * and other-script digits, entities, invisible characters, Unicode
 * blanks and dashes), so only what differs by kind is done here.
 */


#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "pg_allowlist_int.h"
#include "pg_text.h"


#define PG_ALLOW_WORDS_MAX  64


typedef struct {
    const char    *from;
    const char    *to;
} pg_allow_abbr_t;


static int pg_allow_phone(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
static int pg_allow_email(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
static int pg_allow_url(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
static int pg_allow_words(pg_arena_t *a, pg_allow_kind_t kind,
    const char *s, size_t n, char **out, size_t *len);
static size_t pg_allow_fold_chars(const char *s, size_t n, char *out);
static size_t pg_allow_join(pg_allow_kind_t kind, char *w, size_t n,
    char *out);
static const char *pg_allow_abbr(const pg_allow_abbr_t *t, const char *w,
    size_t n);
static int pg_allow_in(const char *const *list, const char *w, size_t n);


/* honorifics before a name and degrees after it are no part of it */
static const char *const  pg_allow_titles[] = {
    "dr", "doctor", "mr", "mrs", "ms", "mx", "miss", "prof", "professor",
    NULL
};

static const char *const  pg_allow_degrees[] = {
    "md", "do", "rn", "np", "pa", "phd", "dnp", "dds", "dmd", "facs", "facp",
    "mph", "msn", "bsn", "lpn", "crna", "pharmd", "mba", "aprn", "fnp",
    "dpt", "od", NULL
};


/* USPS street suffixes, unit and direction words, and state names */
static const pg_allow_abbr_t  pg_allow_address_words[] = {
    { "street", "st" }, { "avenue", "ave" }, { "av", "ave" },
    { "road", "rd" }, { "boulevard", "blvd" }, { "drive", "dr" },
    { "lane", "ln" }, { "court", "ct" }, { "place", "pl" },
    { "square", "sq" }, { "parkway", "pkwy" }, { "highway", "hwy" },
    { "terrace", "ter" }, { "circle", "cir" }, { "plaza", "plz" },
    { "suite", "ste" }, { "apartment", "apt" }, { "floor", "fl" },
    { "building", "bldg" }, { "room", "rm" },
    { "north", "n" }, { "south", "s" }, { "east", "e" }, { "west", "w" },
    { "northeast", "ne" }, { "northwest", "nw" }, { "southeast", "se" },
    { "southwest", "sw" },
    { "alabama", "al" }, { "alaska", "ak" }, { "arizona", "az" },
    { "arkansas", "ar" }, { "california", "ca" }, { "colorado", "co" },
    { "connecticut", "ct" }, { "delaware", "de" }, { "florida", "fl" },
    { "georgia", "ga" }, { "hawaii", "hi" }, { "idaho", "id" },
    { "illinois", "il" }, { "indiana", "in" }, { "iowa", "ia" },
    { "kansas", "ks" }, { "kentucky", "ky" }, { "louisiana", "la" },
    { "maine", "me" }, { "maryland", "md" }, { "massachusetts", "ma" },
    { "michigan", "mi" }, { "minnesota", "mn" }, { "mississippi", "ms" },
    { "missouri", "mo" }, { "montana", "mt" }, { "nebraska", "ne" },
    { "nevada", "nv" }, { "ohio", "oh" }, { "oklahoma", "ok" },
    { "oregon", "or" }, { "pennsylvania", "pa" }, { "tennessee", "tn" },
    { "texas", "tx" }, { "utah", "ut" }, { "vermont", "vt" },
    { "virginia", "va" }, { "washington", "wa" }, { "wisconsin", "wi" },
    { "wyoming", "wy" },
    { NULL, NULL }
};


int
pg_allow_fold(pg_arena_t *a, pg_allow_kind_t kind, const char *s, size_t n,
    char **out, size_t *len)
{
    switch (kind) {
    case PG_ALLOW_PHONE:
        return pg_allow_phone(a, s, n, out, len);
    case PG_ALLOW_EMAIL:
        return pg_allow_email(a, s, n, out, len);
    case PG_ALLOW_URL:
        return pg_allow_url(a, s, n, out, len);
    default:
        return pg_allow_words(a, kind, s, n, out, len);
    }
}


int
pg_allow_digits(const char *s, size_t n, const char *others, char *out,
    size_t max)
{
    size_t  i, k;

    for (i = 0, k = 0; i < n; i++) {
        if (pg_isdigit(s[i])) {
            if (k == max) {
                return -1;
            }

            out[k++] = s[i];

        } else if (strchr(others, s[i]) == NULL || s[i] == '\0') {
            return -1;
        }
    }

    return (int) k;
}


/* "(617) 555-0100", "+1 617.555.0100", "1-617-555-0100": "6175550100" */
static int
pg_allow_phone(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    int    k;
    char  *d;

    d = pg_arena_alloc(a, 12);
    if (d == NULL) {
        return -1;
    }

    k = pg_allow_digits(s, n, " \t+()-./", d, 11);

    if (k == 11 && d[0] == '1') {
        memmove(d, d + 1, 10);
        k = 10;
    }

    if (k != 10) {
        return 1;
    }

    d[10] = '\0';
    *out = d;
    *len = 10;

    return 0;
}


static int
pg_allow_email(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    char         *e;
    size_t        i, at;
    const char   *p;

    p = memchr(s, '@', n);
    if (p == NULL || n > PG_ALLOW_MAX) {
        return 1;
    }

    at = p - s;

    if (at == 0 || memchr(p + 1, '@', n - at - 1) != NULL
        || memchr(p + 1, '.', n - at - 1) == NULL
        || s[at + 1] == '.' || s[n - 1] == '.')
    {
        return 1;
    }

    e = pg_arena_alloc(a, n + 1);
    if (e == NULL) {
        return -1;
    }

    for (i = 0; i < n; i++) {
        if (pg_isspace(s[i])) {
            return 1;
        }

        e[i] = (char) pg_tolower(s[i]);
    }

    e[n] = '\0';
    *out = e;
    *len = n;

    return 0;
}


/* "HTTPS://www.Hospital.org/news/": "hospital.org/news" */
static int
pg_allow_url(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    char    *u;
    size_t   i, host, k;

    if (n >= 8 && strncasecmp(s, "https://", 8) == 0) {
        s += 8;
        n -= 8;

    } else if (n >= 7 && strncasecmp(s, "http://", 7) == 0) {
        s += 7;
        n -= 7;

    } else if (n < 4 || strncasecmp(s, "www.", 4) != 0) {
        return 1;
    }

    if (n >= 4 && strncasecmp(s, "www.", 4) == 0) {
        s += 4;
        n -= 4;
    }

    for (host = 0; host < n && strchr("/?#", s[host]) == NULL; host++) {
        if (pg_isspace(s[host]) || s[host] == '\0') {
            return 1;
        }
    }

    if (host == 0 || n > PG_ALLOW_MAX) {
        return 1;
    }

    u = pg_arena_alloc(a, n + 1);
    if (u == NULL) {
        return -1;
    }

    for (i = 0, k = 0; i < n; i++) {
        /* the host is case-insensitive, the path is not */
        u[k++] = (char) (i < host ? pg_tolower(s[i]) : s[i]);
    }

    if (k > host && u[k - 1] == '/') {
        k--;
    }

    u[k] = '\0';
    *out = u;
    *len = k;

    return 0;
}


static int
pg_allow_words(pg_arena_t *a, pg_allow_kind_t kind, const char *s, size_t n,
    char **out, size_t *len)
{
    char    *w, *r;
    size_t   k;

    /*
     * The folded text, then its words rejoined: a short form may be a
     * byte longer than its word ("av" is "ave").
     */
    w = pg_arena_alloc(a, 3 * PG_ALLOW_MAX + 16);
    if (w == NULL) {
        return -1;
    }

    k = pg_allow_fold_chars(s, n, w);
    if (k == 0 || k > PG_ALLOW_MAX) {
        return 1;
    }

    r = w + PG_ALLOW_MAX + 8;

    k = pg_allow_join(kind, w, k, r);
    if (k == 0 || k > PG_ALLOW_MAX) {
        return 1;
    }

    *out = r;
    *len = k;

    return 0;
}


/*
 * Letters and digits, case-folded and without marks ("José" is "jose"),
 * words one space apart; '.' and apostrophes join ("M.D." is "md",
 * "O'Brien" is "obrien"), a possessive "'s" goes.  Writes at most
 * PG_ALLOW_MAX + 8 bytes into out; returns the length, more than
 * PG_ALLOW_MAX when the text is too long.
 */
static size_t
pg_allow_fold_chars(const char *s, size_t n, char *out)
{
    int                 bound;
    size_t              i, k, j;
    utf8proc_int32_t    cp, d[32];
    utf8proc_ssize_t    len, nd;
    utf8proc_category_t  cat;

    k = 0;

    for (i = 0; i < n && k <= PG_ALLOW_MAX; i += len) {
        len = utf8proc_iterate((const utf8proc_uint8_t *) s + i,
                               (utf8proc_ssize_t) (n - i), &cp);
        if (len <= 0) {
            /* an invalid byte stays itself: it matches no entry */
            out[k++] = s[i];
            len = 1;
            continue;
        }

        if (cp == '.' || cp == '\'' || cp == 0x2019) {
            if (cp != '.' && i + len < n && (s[i + len] | 0x20) == 's'
                && (i + len + 1 == n || !pg_isalnum(s[i + len + 1])))
            {
                len++;
            }

            continue;
        }

        bound = 0;
        nd = utf8proc_decompose_char(cp, d, 32,
                                     UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE
                                     | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT,
                                     &bound);

        for (j = 0; nd > 0 && j < (size_t) nd && j < 32; j++) {
            cat = utf8proc_category(d[j]);

            if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
                /* a letter */

            } else if (cat >= UTF8PROC_CATEGORY_ND
                       && cat <= UTF8PROC_CATEGORY_NO)
            {
                /* a digit or number */

            } else {
                if (k && out[k - 1] != ' ') {
                    out[k++] = ' ';
                }

                continue;
            }

            if (k > PG_ALLOW_MAX) {
                break;
            }

            k += utf8proc_encode_char(d[j], (utf8proc_uint8_t *) out + k);
        }
    }

    while (k && out[k - 1] == ' ') {
        k--;
    }

    return k;
}


/*
 * The words of w[0, n) rejoined into out (2 * n + 8 bytes): for a name
 * without titles before it and degrees after it, for an address with
 * USPS's short forms.  Returns the length, 0 when nothing is left.
 */
static size_t
pg_allow_join(pg_allow_kind_t kind, char *w, size_t n, char *out)
{
    size_t       i, nw, first, last, k, wl;
    size_t       off[PG_ALLOW_WORDS_MAX], len[PG_ALLOW_WORDS_MAX];
    const char  *ab;

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

    first = 0;
    last = nw;

    if (kind == PG_ALLOW_NAME) {
        while (last - first > 1
               && pg_allow_in(pg_allow_titles, w + off[first], len[first]))
        {
            first++;
        }

        while (last - first > 1
               && pg_allow_in(pg_allow_degrees, w + off[last - 1],
                              len[last - 1]))
        {
            last--;
        }
    }

    for (i = first, k = 0; i < last; i++) {
        ab = (kind == PG_ALLOW_ADDRESS)
             ? pg_allow_abbr(pg_allow_address_words, w + off[i], len[i])
             : NULL;

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


static const char *
pg_allow_abbr(const pg_allow_abbr_t *t, const char *w, size_t n)
{
    for ( /* void */ ; t->from != NULL; t++) {
        if (strlen(t->from) == n && memcmp(t->from, w, n) == 0) {
            return t->to;
        }
    }

    return NULL;
}


static int
pg_allow_in(const char *const *list, const char *w, size_t n)
{
    for ( /* void */ ; *list != NULL; list++) {
        if (strlen(*list) == n && memcmp(*list, w, n) == 0) {
            return 1;
        }
    }

    return 0;
}
