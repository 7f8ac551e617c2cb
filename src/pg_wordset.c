/*
 * Copyright (C) phigate authors
 *
 * Word sets: the words of a detector's lists hashed once, on the first
 * lookup, into an open-addressing table of (word, bits of its lists).
 * Until the table is built (another thread building it), or when the
 * lists do not fit in it, a lookup compares the word with every list
 * word, with the same result.
 */


#include <string.h>

#include "pg_lexicon.h"
#include "pg_text.h"
#include "pg_wordset.h"


#define PG_WORDSET_MASK      (PG_WORDSET_SLOTS - 1)
/* at most this full, so that probes stay short */
#define PG_WORDSET_LOAD_MAX  (PG_WORDSET_SLOTS / 10 * 7)
#define PG_WORDSET_LISTS     32


static int pg_wordset_built(pg_wordset_t *ws);
static int pg_wordset_build(pg_wordset_t *ws);
static uint32_t pg_wordset_scan(const pg_wordset_t *ws, const char *w,
    size_t len);


uint32_t
pg_wordset_bits(pg_wordset_t *ws, const char *w, size_t len)
{
    uint64_t  fw[PG_LEX_FOLD_WORDS];

    if (len == 0 || len > PG_LEX_WORD_MAX) {
        /* no list word is (pg_wordset_build()) unless the set scans */
        return pg_wordset_built(ws) ? 0 : pg_wordset_scan(ws, w, len);
    }

    pg_lex_fold(fw, w, len, len);

    return pg_wordset_folded(ws, fw, len, pg_lex_hash(fw, len));
}


const pg_wordset_t *
pg_wordset_ready(pg_wordset_t *ws)
{
    return pg_wordset_built(ws) ? ws : NULL;
}


uint32_t
pg_wordset_slow(pg_wordset_t *ws, const uint64_t *fw, size_t len,
    uint32_t h)
{
    if (pg_wordset_built(ws)) {
        /* built by this call */
        return pg_wordset_folded(ws, fw, len, h);
    }

    return pg_wordset_scan(ws, (const char *) fw, len);
}


/*
 * Whether the table can be used, building it on the first call.  The
 * state moves by compare-and-swap, so that in a threaded host one thread
 * builds while the others scan the lists.
 */

static int
pg_wordset_built(pg_wordset_t *ws)
{
    uint32_t  st;

    st = __atomic_load_n(&ws->state, __ATOMIC_ACQUIRE);

    if (st == 0
        && __atomic_compare_exchange_n(&ws->state, &st, 1, 0,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        st = pg_wordset_build(ws) == 0 ? 2 : 3;
        __atomic_store_n(&ws->state, st, __ATOMIC_RELEASE);
    }

    return st == 2;
}


static int
pg_wordset_build(pg_wordset_t *ws)
{
    size_t              k, j, n, s, len;
    uint32_t            h;
    unsigned            f, l;
    uint64_t            fw[PG_LEX_FOLD_WORDS];
    const char         *p;
    pg_wordset_slot_t  *e;

    n = 0;

    for (k = 0; ws->lists[k] != NULL; k++) {

        if (k >= PG_WORDSET_LISTS) {
            return -1;
        }

        for (j = 0; (p = ws->lists[k][j]) != NULL; j++) {
            len = strlen(p);

            if (len == 0 || len > PG_LEX_WORD_MAX) {
                /* pg_wordset_bits() looks no such word up */
                return -1;
            }

            pg_lex_fold(fw, p, len, len);

            if (memcmp(fw, p, len) != 0) {
                /* folding changes it: no folded word equals it */
                continue;
            }

            h = pg_lex_hash(fw, len);

            for (s = h & PG_WORDSET_MASK; (e = &ws->slot[s])->len != 0;
                 s = (s + 1) & PG_WORDSET_MASK)
            {
                if (strcmp(e->word, p) == 0) {
                    break;
                }
            }

            if (e->len == 0) {
                if (++n > PG_WORDSET_LOAD_MAX) {
                    return -1;
                }

                e->head = fw[0];
                e->word = p;
                e->len = (uint32_t) len;
            }

            e->bits |= (uint32_t) 1 << k;

            /* a list word is lower case: its bytes are their folds */
            f = (unsigned char) p[0] - 'a';
            l = (unsigned char) p[len - 1] - 'a';

            if (f < 26 && l < 26) {
                ws->lens[f * 26 + l] |= (uint32_t) 1 << len;

            } else {
                ws->odd = 1;
            }
        }
    }

    return 0;
}


/* every list word compared with the word: the table's answer, slowly */

static uint32_t
pg_wordset_scan(const pg_wordset_t *ws, const char *w, size_t len)
{
    size_t       k, j, i;
    uint32_t     bits;
    const char  *p;

    bits = 0;

    for (k = 0; ws->lists[k] != NULL && k < PG_WORDSET_LISTS; k++) {
        for (j = 0; (p = ws->lists[k][j]) != NULL; j++) {

            for (i = 0; i < len && p[i] != '\0'
                        && pg_tolower(w[i]) == (unsigned char) p[i];
                 i++)
            {
                /* void */
            }

            if (i == len && p[len] == '\0') {
                bits |= (uint32_t) 1 << k;
            }
        }
    }

    return bits;
}
