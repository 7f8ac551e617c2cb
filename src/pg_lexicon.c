/*
 * Copyright (C) phigate authors
 *
 * Word lookups in the generated word table.  The NAME detector looks up
 * every word of a post, so the table is hashed once, on the first
 * lookup, into an open-addressing table whose slot holds what a lookup
 * needs: the first 8 bytes of the folded word, its length and its
 * classes.  A word of up to 8 bytes (most words) is found with one
 * comparison in one slot, one cache line, and a longer one compares its
 * other bytes in the table's text.  Until the hash is built (or when the
 * table outgrows it) a binary search answers, with the same result: the
 * words are unique.
 */


#include <stdint.h>
#include <string.h>

#include "pg_lexicon.h"
#include "pg_text.h"


/* slots of the hash, a power of two: the table has about 54,000 words */
#define PG_LEX_SLOTS     (1 << 17)
#define PG_LEX_MASK      (PG_LEX_SLOTS - 1)
/* at most this full, so that probes stay short */
#define PG_LEX_LOAD_MAX  (PG_LEX_SLOTS / 10 * 7)

/* a slot's meta: word index + 1 (0: an empty slot), length, classes */
#define PG_LEX_IDX_BITS  17
#define PG_LEX_IDX_MASK  ((1u << PG_LEX_IDX_BITS) - 1)
#define pg_lex_meta(k, len, flags)                                           \
    ((uint32_t) ((k) + 1) | (uint32_t) (len) << PG_LEX_IDX_BITS              \
     | (uint32_t) (flags) << 24)
#define pg_lex_meta_idx(m)    (((m) & PG_LEX_IDX_MASK) - 1)
#define pg_lex_meta_len(m)    (((m) >> PG_LEX_IDX_BITS) & 0x7f)
#define pg_lex_meta_flags(m)  ((m) >> 24)


typedef struct {
    uint32_t         head[2];    /* the first 8 bytes, folded, padded */
    uint32_t         meta;
} pg_lex_slot_t;


static unsigned pg_lex_lookup_slow(const uint64_t *fw, size_t len,
    uint32_t h, const char *w) __attribute__((noinline));
static unsigned pg_lex_caps(unsigned flags, const char *w, size_t len);
static int pg_lex_tail_eq(uint32_t m, const uint64_t *fw, size_t len);
static int pg_lex_hashed(void);
static void pg_lex_build(void);
static int pg_lex_find(const uint64_t *fw, size_t len, uint32_t h,
    unsigned *flags);
static int pg_lex_search(const char *w, unsigned *flags);


static pg_lex_slot_t  pg_lex_slots[PG_LEX_SLOTS];
/* 0: not built, 1: being built, 2: built, 3: the table does not fit */
static uint32_t       pg_lex_state;


unsigned
pg_lex_lookup(const char *w, size_t len)
{
    uint64_t  fw[PG_LEX_FOLD_WORDS];

    if (len == 0 || len > PG_LEX_WORD_MAX || memchr(w, '\0', len) != NULL) {
        return 0;
    }

    pg_lex_fold(fw, w, len, len);

    return pg_lex_lookup_folded(fw, len, pg_lex_hash(fw, len), w);
}



unsigned
pg_lex_word_at(const char *t, size_t len, size_t i, size_t *n)
{
    size_t  k;

    for (k = 0; i + k < len && pg_isalpha(t[i + k]); k++) {
        /* void */
    }

    *n = k;

    return pg_lex_lookup(t + i, k);
}

unsigned
pg_lex_lookup_folded(const uint64_t *fw, size_t len, uint32_t h,
    const char *w)
{
    size_t                s;
    uint32_t              m;
    uint64_t              head;
    const pg_lex_slot_t  *e;

    if (__atomic_load_n(&pg_lex_state, __ATOMIC_ACQUIRE) != 2
        || len == 0 || len > PG_LEX_WORD_MAX)
    {
        return pg_lex_lookup_slow(fw, len, h, w);
    }

    /*
     * The hash is built: every word is looked up here, with no call but
     * to the slow path for what is rare (a word longer than 8 bytes that
     * matches a slot's head, a word of capitals), so that this needs no
     * stack frame.
     */

    for (s = h & PG_LEX_MASK; (m = (e = &pg_lex_slots[s])->meta) != 0;
         s = (s + 1) & PG_LEX_MASK)
    {
        memcpy(&head, e->head, 8);

        if (head == fw[0] && pg_lex_meta_len(m) == len) {
            if (len > 8 || (pg_lex_meta_flags(m) & PG_LEX_CAPS)) {
                return pg_lex_lookup_slow(fw, len, h, w);
            }

            return pg_lex_meta_flags(m);
        }
    }

    return 0;
}


/* before the hash is built (building it) or when it could not be */

static unsigned
pg_lex_lookup_slow(const uint64_t *fw, size_t len, uint32_t h,
    const char *w)
{
    int       found;
    char      buf[PG_LEX_WORD_MAX + 1];
    unsigned  flags;

    if (len == 0 || len > PG_LEX_WORD_MAX) {
        return 0;
    }

    if (pg_lex_hashed()) {
        found = pg_lex_find(fw, len, h, &flags);

    } else {
        /* the search compares NUL-terminated words */
        memcpy(buf, fw, len);
        buf[len] = '\0';
        found = pg_lex_search(buf, &flags);
    }

    if (!found) {
        return 0;
    }

    return (flags & PG_LEX_CAPS) ? pg_lex_caps(flags, w, len) : flags;
}


/* a word that is a health or staff word only in capitals (w, len bytes) */

static unsigned
pg_lex_caps(unsigned flags, const char *w, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (w[i] >= 'a' && w[i] <= 'z') {
            return flags & ~(unsigned) (PG_LEX_HEALTH | PG_LEX_STAFF);
        }
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
    size_t          k, s, n;
    uint32_t        h;
    uint64_t        fw[PG_LEX_FOLD_WORDS];
    const char     *p;
    pg_lex_slot_t  *e;

    for (k = 0; k < pg_lex_n; k++) {
        p = pg_lex_blob + (pg_lex_index[k] >> 8);
        n = strlen(p);

        if (n == 0 || n > PG_LEX_WORD_MAX) {
            /* never looked up */
            continue;
        }

        pg_lex_fold(fw, p, n, n);

        if (memcmp(fw, p, n) != 0) {
            /* folding changes it: no folded word equals it */
            continue;
        }

        h = pg_lex_hash(fw, n);

        for (s = h & PG_LEX_MASK; pg_lex_slots[s].meta != 0;
             s = (s + 1) & PG_LEX_MASK)
        {
            /* void */
        }

        e = &pg_lex_slots[s];
        memcpy(e->head, fw, 8);
        e->meta = pg_lex_meta(k, n, pg_lex_index[k] & 0xff);
    }
}


/* the word fw (len bytes, folded, hash h): its classes in *flags */

static int
pg_lex_find(const uint64_t *fw, size_t len, uint32_t h, unsigned *flags)
{
    size_t                s;
    uint32_t              m;
    uint64_t              head;
    const pg_lex_slot_t  *e;

    for (s = h & PG_LEX_MASK; (m = (e = &pg_lex_slots[s])->meta) != 0;
         s = (s + 1) & PG_LEX_MASK)
    {
        memcpy(&head, e->head, 8);

        if (head != fw[0] || pg_lex_meta_len(m) != len) {
            continue;
        }

        if (len > 8 && !pg_lex_tail_eq(m, fw, len)) {
            continue;
        }

        *flags = pg_lex_meta_flags(m);

        return 1;
    }

    return 0;
}


/* the bytes after the first 8 of the word of meta m are those of fw */

static int
pg_lex_tail_eq(uint32_t m, const uint64_t *fw, size_t len)
{
    const char  *p;

    p = pg_lex_blob + (pg_lex_index[pg_lex_meta_idx(m)] >> 8);

    return memcmp(p + 8, (const char *) fw + 8, len - 8) == 0;
}


/* binary search: O(log n), for lookups before the hash is built */

static int
pg_lex_search(const char *w, unsigned *flags)
{
    int     c;
    size_t  lo, hi, mid;

    lo = 0;
    hi = pg_lex_n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = strcmp(w, pg_lex_blob + (pg_lex_index[mid] >> 8));

        if (c == 0) {
            *flags = pg_lex_index[mid] & 0xff;
            return 1;
        }

        if (c < 0) {
            hi = mid;

        } else {
            lo = mid + 1;
        }
    }

    return 0;
}
