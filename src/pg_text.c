/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_text.h"


/* blanks a space in a cue may stand for: bounds the work per match */
#define PG_CUE_BLANKS   4
/* lookback of pg_in_url() */
#define PG_URL_BACK     256


/* the longest filler word pg_skip_gap() reads is a cue: PG_CUE_MAX */
#define pg_gap_char(c)                                                      \
    (pg_isspace(c) || (c) == ':' || (c) == '#' || (c) == '.'                \
     || (c) == '=' || (c) == '-' || (c) == '(')


static int pg_is_sep(int c, const char *seps);
static int pg_is_joiner(int c);


int
pg_word_start(const char *t, size_t pos)
{
    return pos == 0 || !pg_isalnum(t[pos - 1]);
}


int
pg_word_end(const char *t, size_t len, size_t pos)
{
    return pos >= len || !pg_isalnum(t[pos]);
}


size_t
pg_cue_at(const char *t, size_t len, size_t pos, const char *cue)
{
    size_t       i, blanks;
    const char  *c;

    if (pos >= len || cue[0] == '\0') {
        return 0;
    }

    if (pg_isalnum(cue[0]) && !pg_word_start(t, pos)) {
        return 0;
    }

    i = pos;

    for (c = cue; *c; c++) {

        if (*c == ' ') {
            blanks = 0;

            while (i < len && pg_isspace(t[i]) && blanks < PG_CUE_BLANKS) {
                i++;
                blanks++;
            }

            if (blanks == 0) {
                return 0;
            }

            continue;
        }

        if (i >= len || pg_tolower(t[i]) != (unsigned char) *c) {
            return 0;
        }

        i++;
    }

    if (pg_isalnum(c[-1]) && !pg_word_end(t, len, i)) {
        return 0;
    }

    return i - pos;
}


size_t
pg_cues_at(const char *t, size_t len, size_t pos, const char *const *cues,
    size_t *which)
{
    size_t  k, m, best;

    best = 0;

    for (k = 0; cues[k] != NULL; k++) {
        m = pg_cue_at(t, len, pos, cues[k]);

        if (m > best) {
            best = m;

            if (which != NULL) {
                *which = k;
            }
        }
    }

    return best;
}


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


int
pg_cue_before(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues)
{
    size_t  s, m, k;

    s = pg_back_words(t, pos, words, bytes);

    for ( /* void */ ; s < pos; s++) {

        if (!pg_word_start(t, s) || !pg_isalpha(t[s])) {
            continue;
        }

        for (k = 0; cues[k] != NULL; k++) {
            /* the cue must end before pos: match against t[0, pos) */
            m = pg_cue_at(t, pos, s, cues[k]);

            if (m > 0) {
                return 1;
            }
        }
    }

    return 0;
}


size_t
pg_digit_run(const char *t, size_t len, size_t pos, size_t max)
{
    size_t  n;

    for (n = 0; pos + n < len && n < max && pg_isdigit(t[pos + n]); n++) {
        /* void */
    }

    return n;
}


unsigned long
pg_digits_value(const char *t, size_t pos, size_t n)
{
    unsigned long  v;

    for (v = 0; n; n--, pos++) {
        v = v * 10 + (unsigned long) (t[pos] - '0');
    }

    return v;
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
pg_num_start(const char *t, size_t pos)
{
    if (pos == 0) {
        return 1;
    }

    if (pg_isalnum(t[pos - 1])) {
        return 0;
    }

    if (pg_is_joiner(t[pos - 1]) && pos >= 2 && pg_isdigit(t[pos - 2])) {
        return 0;
    }

    return 1;
}


int
pg_num_end(const char *t, size_t len, size_t pos)
{
    if (pos >= len) {
        return 1;
    }

    if (pg_isalnum(t[pos])) {
        return 0;
    }

    if (pg_is_joiner(t[pos]) && pos + 1 < len && pg_isdigit(t[pos + 1])) {
        return 0;
    }

    return 1;
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
pg_skip_gap(const char *t, size_t len, size_t pos, size_t max,
    const char *const *fillers)
{
    size_t  i, m;

    i = pos;

    while (i < len && i - pos < max) {

        if (pg_gap_char(t[i])) {
            i++;
            continue;
        }

        m = fillers ? pg_cues_at(t, len, i, fillers, NULL) : 0;
        if (m == 0) {
            break;
        }

        i += m;
    }

    return i - pos;
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


size_t
pg_cue_last(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues)
{
    size_t  s, m, k, last;

    last = 0;

    for (s = pg_back_words(t, pos, words, bytes); s < pos; s++) {

        if (!pg_word_start(t, s) || !pg_isalpha(t[s])) {
            continue;
        }

        for (k = 0; cues[k] != NULL; k++) {
            m = pg_cue_at(t, pos, s, cues[k]);

            if (m > 0 && s + m > last) {
                last = s + m;
            }
        }
    }

    return last;
}

int
pg_cue_after(const char *t, size_t len, size_t pos, size_t words,
    size_t bytes, const char *const *cues)
{
    size_t  i, hi, w;

    hi = len - pos > bytes ? pos + bytes : len;
    w = 0;

    for (i = pos; i < hi && w < words; i++) {

        if (!pg_isalnum(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        w++;

        if (pg_isalpha(t[i]) && pg_cues_at(t, len, i, cues, NULL) != 0) {
            return 1;
        }
    }

    return 0;
}

static int
pg_is_sep(int c, const char *seps)
{
    return c != '\0' && strchr(seps, c) != NULL;
}


static int
pg_is_joiner(int c)
{
    return c == '-' || c == '.' || c == '/' || c == ',';
}
