/*
 * Copyright (C) phigate authors
 *
 * Word lists as bits: which of up to 32 lists of lower-case words a word
 * is in, in one hash lookup.  A detector that asks "is this word one of
 * those?" of every word, for a dozen lists, classifies each word once
 * and then tests bits.  The lists stay plain NULL-terminated arrays in
 * the detector's source, readable and edited as before; the set hashes
 * them on its first lookup.
 *
 * A word matches a list word when its bytes, ASCII letters folded to
 * lower case, are the list word's bytes: exactly what comparing it with
 * each list word would give.  A list word with an upper-case letter
 * matches nothing.
 */

#ifndef _PG_WORDSET_H_INCLUDED_
#define _PG_WORDSET_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pg_lexicon.h"


/* slots of a set's hash, a power of two: some hundreds of words */
#define PG_WORDSET_SLOTS  1024


typedef struct {
    uint64_t             head;      /* the first 8 bytes, as pg_lex_fold() */
    const char          *word;
    uint32_t             len;       /* 0: an empty slot */
    uint32_t             bits;
} pg_wordset_slot_t;


/*
 * A set with static storage: { .lists = lists }, where lists is a
 * NULL-terminated array of at most 32 word lists, list k being bit k of
 * what a lookup returns.
 */
typedef struct {
    const char *const *const  *lists;
    /* 0: not built, 1: being built, 2: built, 3: does not fit */
    uint32_t                   state;
    pg_wordset_slot_t          slot[PG_WORDSET_SLOTS];
    /* the shapes of the list words (pg_wordset_may()): by first and
     * last letter, bit n for a word of n bytes */
    uint32_t                   lens[26 * 26];
    /* a list word begins or ends with a byte that is no ASCII letter */
    uint32_t                   odd;
} pg_wordset_t;


/* the lists of ws the word at w (len bytes, any case) is in, as bits */
uint32_t pg_wordset_bits(pg_wordset_t *ws, const char *w, size_t len);

/*
 * ws when its table is built (building it on the first call), NULL
 * while another thread builds it or when its lists do not fit: what
 * pg_wordset_may() needs.
 */
const pg_wordset_t *pg_wordset_ready(pg_wordset_t *ws);

/* pg_wordset_folded() when the table is not built (yet) */
uint32_t pg_wordset_slow(pg_wordset_t *ws, const uint64_t *fw, size_t len,
    uint32_t h);


/*
 * The same for a word folded by pg_lex_fold() (at most PG_LEX_WORD_MAX
 * bytes), h its pg_lex_hash() (src/pg_lexicon.h): a caller that looks a
 * word up in the word table and in a set folds and hashes it once.
 * Inline: a detector asks it of every word.
 */
static inline uint32_t
pg_wordset_folded(pg_wordset_t *ws, const uint64_t *fw, size_t len,
    uint32_t h)
{
    size_t                    s;
    const pg_wordset_slot_t  *e;

    if (__atomic_load_n(&ws->state, __ATOMIC_ACQUIRE) != 2) {
        return pg_wordset_slow(ws, fw, len, h);
    }

    for (s = h & (PG_WORDSET_SLOTS - 1); (e = &ws->slot[s])->len != 0;
         s = (s + 1) & (PG_WORDSET_SLOTS - 1))
    {
        /* a word of up to 8 bytes is its head */
        if (e->head == fw[0] && e->len == len
            && (len <= 8
                || memcmp(e->word + 8, (const char *) fw + 8, len - 8) == 0))
        {
            return e->bits;
        }
    }

    return 0;
}


/*
 * Whether the word at w (len bytes, 1 or more, any case) may be in a
 * list of ws, a set pg_wordset_ready() returned: 0 when it is in none,
 * for sure, by its first and last bytes and its length alone: no
 * folding, no hashing, no probe.  A cheap first test of a word that is
 * rarely in the lists.
 */
static inline int
pg_wordset_may(const pg_wordset_t *ws, const char *w, size_t len)
{
    unsigned  f, l;

    /* a letter's index (0-25, either case); any other byte: 26 or more */
    f = ((unsigned) (unsigned char) w[0] | 0x20) - 'a';
    l = ((unsigned) (unsigned char) w[len - 1] | 0x20) - 'a';

    if (f >= 26 || l >= 26) {
        return ws->odd != 0;
    }

    return len < 32 && ((ws->lens[f * 26 + l] >> len) & 1);
}


#endif /* _PG_WORDSET_H_INCLUDED_ */
