/*
 * Copyright (C) phigate authors
 *
 * Word lookups in the generated word table.  The NAME detector looks up
 * every word of a post, so the table is hashed once, on the first
 * lookup, into an open-addressing table of word indexes: a lookup is a
 * hash of the folded word and, nearly always, one comparison.  Until the
 * hash is built (or when the table outgrows it) a binary search answers,
 * with the same result: the words are unique.
 */


#include <stdint.h>
#include <string.h>

#include "pg_lexicon.h"
#include "pg_text.h"


/* slots of the hash, a power of two: the table has about 54,000 words */
#define PG_LEX_SLOTS     (1 << 17)
#define PG_LEX_MASK      (PG_LEX_SLOTS - 1)
/* a slot holds word index + 1 in its low bits and a tag of the hash */
#define PG_LEX_IDX_BITS  17
#define PG_LEX_IDX_MASK  ((1u << PG_LEX_IDX_BITS) - 1)
/* at most this full, so that probes stay short */
#define PG_LEX_LOAD_MAX  (PG_LEX_SLOTS / 10 * 7)

#define PG_LEX_NONE      ((size_t) -1)

/* FNV-1a */
#define PG_LEX_H0        2166136261u
#define pg_lex_step(h, c)  (((h) ^ (unsigned char) (c)) * 16777619u)


static int pg_lex_hashed(void);
static void pg_lex_build(void);
static size_t pg_lex_find(const char *w, size_t len, uint32_t h);
static size_t pg_lex_search(const char *w);


static uint32_t  pg_lex_slots[PG_LEX_SLOTS];
/* 0: not built, 1: being built, 2: built, 3: the table does not fit */
static uint32_t  pg_lex_state;


unsigned
pg_lex_lookup(const char *w, size_t len)
{
    int       lower;
    char      buf[PG_LEX_WORD_MAX + 1];
    size_t    i, k;
    uint32_t  h;
    unsigned  flags;

    if (len == 0 || len > PG_LEX_WORD_MAX) {
        return 0;
    }

    lower = 0;
    h = PG_LEX_H0;

    for (i = 0; i < len; i++) {
        if (w[i] == '\0') {
            return 0;
        }

        lower |= (w[i] >= 'a' && w[i] <= 'z');
        buf[i] = (char) pg_tolower(w[i]);
        h = pg_lex_step(h, buf[i]);
    }

    buf[len] = '\0';

    k = pg_lex_hashed() ? pg_lex_find(buf, len, h) : pg_lex_search(buf);

    if (k == PG_LEX_NONE) {
        return 0;
    }

    flags = pg_lex_index[k] & 0xff;

    if ((flags & PG_LEX_CAPS) && lower) {
        flags &= ~(unsigned) (PG_LEX_HEALTH | PG_LEX_STAFF);
    }

    return flags;
}


/*
 * Whether the hash can be used, building it on the first call.  The
 * state moves by compare-and-swap, so that in a threaded host one thread
 * builds while the others search.
 */

static int
pg_lex_hashed(void)
{
    uint32_t  st;

    st = __atomic_load_n(&pg_lex_state, __ATOMIC_ACQUIRE);

    if (st == 0) {
        if (__atomic_compare_exchange_n(&pg_lex_state, &st, 1, 0,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        {
            if (pg_lex_n > PG_LEX_LOAD_MAX
                || pg_lex_n >= PG_LEX_IDX_MASK)
            {
                __atomic_store_n(&pg_lex_state, 3, __ATOMIC_RELEASE);
                return 0;
            }

            pg_lex_build();
            __atomic_store_n(&pg_lex_state, 2, __ATOMIC_RELEASE);

            return 1;
        }
    }

    return st == 2;
}


static void
pg_lex_build(void)
{
    size_t       k, s;
    uint32_t     h;
    const char  *p;

    for (k = 0; k < pg_lex_n; k++) {
        h = PG_LEX_H0;

        for (p = pg_lex_blob + (pg_lex_index[k] >> 8); *p; p++) {
            h = pg_lex_step(h, *p);
        }

        for (s = h & PG_LEX_MASK; pg_lex_slots[s] != 0;
             s = (s + 1) & PG_LEX_MASK)
        {
            /* void */
        }

        pg_lex_slots[s] = (h & ~PG_LEX_IDX_MASK) | (uint32_t) (k + 1);
    }
}


/* the index of the word w (len bytes, folded, hash h), PG_LEX_NONE */

static size_t
pg_lex_find(const char *w, size_t len, uint32_t h)
{
    size_t       s, k, j;
    uint32_t     e;
    const char  *p;

    for (s = h & PG_LEX_MASK; (e = pg_lex_slots[s]) != 0;
         s = (s + 1) & PG_LEX_MASK)
    {
        if ((e & ~PG_LEX_IDX_MASK) != (h & ~PG_LEX_IDX_MASK)) {
            continue;
        }

        k = (e & PG_LEX_IDX_MASK) - 1;
        p = pg_lex_blob + (pg_lex_index[k] >> 8);

        /* byte by byte: a shorter word ends at its NUL, w has none */
        for (j = 0; j < len && p[j] == w[j]; j++) {
            /* void */
        }

        if (j == len && p[len] == '\0') {
            return k;
        }
    }

    return PG_LEX_NONE;
}


/* binary search: O(log n), for lookups before the hash is built */

static size_t
pg_lex_search(const char *w)
{
    int     c;
    size_t  lo, hi, mid;

    lo = 0;
    hi = pg_lex_n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = strcmp(w, pg_lex_blob + (pg_lex_index[mid] >> 8));

        if (c == 0) {
            return mid;
        }

        if (c < 0) {
            hi = mid;

        } else {
            lo = mid + 1;
        }
    }

    return PG_LEX_NONE;
}
