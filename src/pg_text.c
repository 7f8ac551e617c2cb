/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_text.h"


/* lookback of pg_in_url() */
#define PG_URL_BACK     256


static int pg_is_sep(int c, const char *seps);


/* 16 bytes a row: '0'-'9' from 0x30, 'A'-'Z' from 0x41, 'a'-'z' from 0x61 */
const unsigned char  pg_alnum[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};


size_t
pg_back_words(const char *t, size_t pos, size_t words, size_t bytes)
{
    size_t  lo, i, w;

    lo = pos > bytes ? pos - bytes : 0;
    i = pos;
    w = 0;

    while (i > lo && w < words) {

        while (i > lo && !pg_isalnum(t[i - 1])) {
            i--;
        }

        /* "patient's" is one word: an apostrophe inside a word joins */
        while (i > lo
               && (pg_isalnum(t[i - 1])
                   || (t[i - 1] == '\'' && i >= 2 && pg_isalnum(t[i - 2])
                       && pg_isalnum(t[i]))))
        {
            i--;
        }

        w++;
    }

    return i;
}


size_t
pg_digit_groups(const char *t, size_t len, size_t pos, const char *seps,
    size_t max, pg_groups_t *g)
{
    char    sep;
    size_t  i, n;

    g->n = 0;
    g->end = pos;

    if (max > PG_GROUPS_MAX) {
        max = PG_GROUPS_MAX;
    }

    i = pos;
    sep = 0;

    while (g->n < max) {
        n = pg_digit_run(t, len, i, 17);

        if (n == 0) {
            break;
        }

        g->off[g->n] = i;
        g->len[g->n] = n;
        g->sep[g->n] = sep;
        g->n++;

        i += n;
        g->end = i;

        if (n > 16
            || i + 1 >= len
            || !pg_is_sep(t[i], seps)
            || !pg_isdigit(t[i + 1]))
        {
            break;
        }

        sep = t[i];
        i++;
    }

    return g->n;
}


int
pg_in_url(const char *t, size_t pos)
{
    size_t  lo, i;

    lo = pos > PG_URL_BACK ? pos - PG_URL_BACK : 0;

    for (i = pos; i > lo && !pg_isspace(t[i - 1]); i--) {

        if (i + 2 < pos && t[i] == ':' && t[i + 1] == '/'
            && t[i + 2] == '/')
        {
            return 1;
        }
    }

    /* i is the token start (or the lookback limit) */

    if (i + 4 <= pos
        && pg_tolower(t[i]) == 'w' && pg_tolower(t[i + 1]) == 'w'
        && pg_tolower(t[i + 2]) == 'w' && t[i + 3] == '.')
    {
        return 1;
    }

    return 0;
}


int
pg_luhn(const char *d, size_t n)
{
    size_t    k;
    unsigned  sum, v;

    sum = 0;

    for (k = 0; k < n; k++) {
        v = (unsigned) (d[n - 1 - k] - '0');

        if (k & 1) {
            v *= 2;
            v -= v > 9 ? 9 : 0;
        }

        sum += v;
    }

    return n > 0 && sum % 10 == 0;
}


size_t
pg_id_token(const char *t, size_t len, size_t pos, size_t max,
    pg_token_t *tok)
{
    size_t  i;

    tok->len = 0;
    tok->alnum = 0;
    tok->digits = 0;
    tok->letters = 0;

    if (pos >= len || !pg_isalnum(t[pos]) || !pg_word_start(t, pos)) {
        return 0;
    }

    for (i = pos; i < len && i - pos <= max; i++) {

        if (pg_isalnum(t[i])) {
            tok->alnum++;
            tok->digits += pg_isdigit(t[i]);
            continue;
        }

        if (t[i] == '-' && i + 1 < len && pg_isalnum(t[i + 1])) {
            continue;
        }

        break;
    }

    if (i - pos > max || !pg_num_end(t, len, i)) {
        tok->alnum = 0;
        tok->digits = 0;
        return 0;
    }

    tok->letters = tok->alnum - tok->digits;
    tok->len = i - pos;

    return tok->len;
}


static int
pg_is_sep(int c, const char *seps)
{
    return c != '\0' && strchr(seps, c) != NULL;
}
