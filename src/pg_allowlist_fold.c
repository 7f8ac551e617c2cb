/*
 * Copyright (C) phigate authors
 *
 * Canonical forms of allow-list entries and of findings' text: two texts
 * a reader takes for the same number, mailbox or link fold to the same
 * bytes.  The text has been through pg_normalize() already (fullwidth
 * and other-script digits, entities, invisible characters, Unicode
 * blanks and dashes), so only what differs by kind is done here.  Names
 * and addresses have files of their own; the letters of both are folded
 * here (pg_allow_fold_chars()).
 */


#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "pg_allowlist_int.h"
#include "pg_text.h"


/* the longest extension read after a number ("x123456") */
#define PG_ALLOW_EXT_MAX     6
/* the longest anchor dropped from a link ("#visiting-hours") */
#define PG_ALLOW_ANCHOR_MAX  64

#define pg_allow_blank(c)  ((c) == ' ' || (c) == '\t')


static int pg_allow_phone(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
static size_t pg_allow_extension(const char *s, size_t n);
static int pg_allow_email(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
static int pg_allow_email_word(const char *s, size_t n, size_t i,
    size_t *end, char *op);
static int pg_allow_email_bracket(const char *s, size_t n, size_t i,
    size_t *b, size_t *e);
static int pg_allow_url(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
static size_t pg_allow_url_query(const char *q, size_t n, char *out);
static int pg_allow_anchor(const char *s, size_t n);


/* "1-800-FLOWERS": the letters of a telephone keypad */
static const char  pg_allow_keypad[] = "22233344455566677778889999";


/* an extension after a number: "x123", "ext. 123", "extension 123" */
static const char *const  pg_allow_ext_words[] = {
    "extension", "ext", "x", "#", NULL
};


/* a spelled-out e-mail address's words, and what each stands for */
static const char *const  pg_allow_email_ops[] = {
    "at", "@", "@", "@", "dot", ".", ".", ".", NULL
};


/* query parameters that say where a reader came from, not what they see */
static const char *const  pg_allow_tracking[] = {
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "igshid",
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "yclid", "twclid", "ttclid",
    "li_fat_id", NULL
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
        return 1;
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


int
pg_allow_in(const char *const *list, const char *w, size_t n)
{
    for ( /* void */ ; *list != NULL; list++) {
        if (strlen(*list) == n && memcmp(*list, w, n) == 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * "(617) 555-0100", "+1 617.555.0100", "1-617-555-0100 ext. 12",
 * "1-800-FLOWERS" (when the list writes 1-800-356-9377): "6175550100".
 * Letters are read only after three digits, as a vanity number has
 * them; a vanity word longer than the number is cut, as a keypad does.
 */
static int
pg_allow_phone(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    char    *d;
    size_t   i, k, letters;

    d = pg_arena_alloc(a, 17);
    if (d == NULL) {
        return -1;
    }

    n = pg_allow_extension(s, n);

    for (i = 0, k = 0, letters = 0; i < n; i++) {
        if (k == 16) {
            return 1;
        }

        if (pg_isdigit(s[i])) {
            d[k++] = s[i];

        } else if (pg_isalpha(s[i]) && k >= 3) {
            d[k++] = pg_allow_keypad[pg_tolower(s[i]) - 'a'];
            letters++;

        } else if (s[i] == '\0' || strchr(" \t+()-./", s[i]) == NULL) {
            return 1;
        }
    }

    if (k >= 11 && d[0] == '1') {
        memmove(d, d + 1, --k);
    }

    if (k > 10 && letters >= k - 10) {
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


/* s[0, n) without an extension after the number (the length left) */
static size_t
pg_allow_extension(const char *s, size_t n)
{
    size_t                e, d, m, w;
    const char *const    *x;

    for (e = n; e > 0 && pg_allow_blank(s[e - 1]); e--) {
        /* void */
    }

    for (d = e; d > 0 && pg_isdigit(s[d - 1]); d--) {
        /* void */
    }

    if (d == e || e - d > PG_ALLOW_EXT_MAX) {
        return n;
    }

    for (m = d; m > 0 && (pg_allow_blank(s[m - 1]) || s[m - 1] == '.'
                          || s[m - 1] == ':');
         m--)
    {
        /* void */
    }

    for (x = pg_allow_ext_words; *x != NULL; x++) {
        w = strlen(*x);

        if (m > w && strncasecmp(s + m - w, *x, w) == 0
            && !pg_isalpha(s[m - w - 1]))
        {
            break;
        }
    }

    if (*x == NULL) {
        return n;
    }

    for (m -= w; m > 0 && (pg_allow_blank(s[m - 1]) || s[m - 1] == ','
                           || s[m - 1] == ';');
         m--)
    {
        /* void */
    }

    return m;
}


/*
 * "Press@Hospital.org", "mailto:press@hospital.org?subject=Hi", "press
 * [at] hospital [dot] org", "press(at)hospital(dot)org", "press at
 * hospital dot org": "press@hospital.org".
 */
static int
pg_allow_email(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    char         *e, op;
    size_t        i, k, end, skip;
    const char   *p;
    int           gap;

    if (n >= 7 && strncasecmp(s, "mailto:", 7) == 0) {
        s += 7;
        n -= 7;

        p = memchr(s, '?', n);
        if (p != NULL) {
            n = p - s;
        }
    }

    if (n > PG_ALLOW_MAX) {
        return 1;
    }

    e = pg_arena_alloc(a, n + 1);
    if (e == NULL) {
        return -1;
    }

    for (i = 0, k = 0, gap = 0; i < n; i = end) {
        if (pg_allow_blank(s[i])) {
            gap = 1;
            end = i + 1;
            continue;
        }

        if (pg_allow_email_word(s, n, i, &end, &op)) {
            e[k++] = op;
            gap = 0;
            continue;
        }

        /* a blank inside an address, other than around '@' or '.' */
        if (gap && k > 0 && e[k - 1] != '@' && e[k - 1] != '.'
            && s[i] != '@' && s[i] != '.')
        {
            return 1;
        }

        for (end = i; end < n && !pg_allow_blank(s[end]); end++) {
            if (s[end] == '\0') {
                return 1;
            }

            /* "press(at)hospital": the word ends at the bracket */
            if (end > i && pg_allow_email_word(s, n, end, &skip, &op)) {
                break;
            }

            e[k++] = (char) pg_tolower(s[end]);
        }

        gap = 0;
    }

    e[k] = '\0';
    p = memchr(e, '@', k);

    if (p == NULL || p == e || memchr(p + 1, '@', k - (p - e) - 1) != NULL
        || memchr(p + 1, '.', k - (p - e) - 1) == NULL
        || p[1] == '.' || e[k - 1] == '.')
    {
        return 1;
    }

    *out = e;
    *len = k;

    return 0;
}


/*
 * "[at]", "(at)", "{dot}", "<@>", and "at" or "dot" between blanks: the
 * character they stand for in *op, 1; 0 for any other word.
 */
static int
pg_allow_email_word(const char *s, size_t n, size_t i, size_t *end,
    char *op)
{
    size_t              b, e;
    const char *const  *w;

    if (pg_allow_email_bracket(s, n, i, &b, &e)) {
        *end = e + 1;

        for ( /* void */ ; b < e && pg_allow_blank(s[b]); b++) {
            /* void */
        }

        for ( /* void */ ; e > b && pg_allow_blank(s[e - 1]); e--) {
            /* void */
        }

    } else {
        if (i == 0 || !pg_allow_blank(s[i - 1])) {
            return 0;
        }

        for (e = i; e < n && !pg_allow_blank(s[e]); e++) {
            /* void */
        }

        if (e == n) {
            return 0;
        }

        b = i;
        *end = e;
    }

    for (w = pg_allow_email_ops; w[0] != NULL; w += 2) {
        if (e - b == strlen(w[0]) && strncasecmp(s + b, w[0], e - b) == 0) {
            *op = w[1][0];
            return 1;
        }
    }

    return 0;
}


/* a bracket at s[i] closed within 8 bytes: its inside is s[*b, *e) */
static int
pg_allow_email_bracket(const char *s, size_t n, size_t i, size_t *b,
    size_t *e)
{
    size_t      k, close;

    static const char  open[] = "[({<", shut[] = "])}>";

    for (k = 0; k < 4 && s[i] != open[k]; k++) {
        /* void */
    }

    if (k == 4) {
        return 0;
    }

    for (close = i + 1; close < n && close - i < 8; close++) {
        if (s[close] == shut[k]) {
            *b = i + 1;
            *e = close;
            return 1;
        }
    }

    return 0;
}


/*
 * "HTTPS://www.Hospital.org/news/?utm_source=fb#top": "hospital.org/news".
 * The host is case-insensitive, the path and the query are not; other
 * query parameters and an anchor with more than letters stay: they may
 * name the person a page is about.
 */
static int
pg_allow_url(pg_arena_t *a, const char *s, size_t n, char **out,
    size_t *len)
{
    char    *u;
    size_t   i, host, path, query, k;

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

    if (n > PG_ALLOW_MAX) {
        return 1;
    }

    for (i = 0; i < n; i++) {
        if (pg_isspace(s[i]) || s[i] == '\0') {
            return 1;
        }
    }

    for (host = 0; host < n && strchr("/?#", s[host]) == NULL; host++) {
        /* void */
    }

    for (path = host; path < n && s[path] != '?' && s[path] != '#'; path++) {
        /* void */
    }

    for (query = path; query < n && s[query] != '#'; query++) {
        /* void */
    }

    if (host == 0) {
        return 1;
    }

    u = pg_arena_alloc(a, n + 1);
    if (u == NULL) {
        return -1;
    }

    for (k = 0; k < path; k++) {
        u[k] = (char) (k < host ? pg_tolower(s[k]) : s[k]);
    }

    if (k > host && u[k - 1] == '/') {
        k--;
    }

    if (query > path + 1) {
        k += pg_allow_url_query(s + path + 1, query - path - 1, u + k);
    }

    if (query < n && !pg_allow_anchor(s + query + 1, n - query - 1)) {
        memcpy(u + k, s + query, n - query);
        k += n - query;
    }

    u[k] = '\0';
    *out = u;
    *len = k;

    return 0;
}


/* the parameters of q[0, n) but tracking ones, after a '?', into out */
static size_t
pg_allow_url_query(const char *q, size_t n, char *out)
{
    size_t  i, e, key, k;

    for (i = 0, k = 0; i < n; i = e + 1) {
        for (e = i; e < n && q[e] != '&'; e++) {
            /* void */
        }

        for (key = i; key < e && q[key] != '='; key++) {
            /* void */
        }

        if (e == i
            || (key - i > 4 && strncasecmp(q + i, "utm_", 4) == 0)
            || pg_allow_in(pg_allow_tracking, q + i, key - i))
        {
            continue;
        }

        out[k] = (k == 0) ? '?' : '&';
        k++;
        memcpy(out + k, q + i, e - i);
        k += e - i;
    }

    return k;
}


/* "#top", "#visiting-hours": a place on the page, not a person's id */
static int
pg_allow_anchor(const char *s, size_t n)
{
    size_t  i;

    if (n > PG_ALLOW_ANCHOR_MAX) {
        return 0;
    }

    for (i = 0; i < n; i++) {
        if (!pg_isalpha(s[i]) && s[i] != '-' && s[i] != '_') {
            return 0;
        }
    }

    return 1;
}


size_t
pg_allow_fold_chars(const char *s, size_t n, char *out)
{
    int                  bound;
    size_t               i, k, j;
    utf8proc_int32_t     cp, d[32];
    utf8proc_ssize_t     len, nd;
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
