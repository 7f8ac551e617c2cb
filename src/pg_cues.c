/*
 * Copyright (C) phigate authors
 *
 * Cue words: matching one cue, a list of cues at a position, and cues in
 * a window of words before or after a number.
 *
 * Detectors ask "does a cue of this list start here?" at every word of
 * the text, and lists hold up to a few dozen cues, so each list is
 * indexed once, on its first use, by the byte its cues can start with:
 * a position is tried only against the cues that begin with its byte
 * (usually none, at most a handful).  The index is keyed by the list's
 * address, so a list must have static storage, as every list in the
 * engine has.  What matches is exactly what trying every cue in list
 * order would match: the buckets keep the list's order.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_text.h"


/* blanks a space in a cue may stand for: bounds the work per match */
#define PG_CUE_BLANKS   4

/* lists indexed (the engine has about 80) and cues over all of them */
#define PG_CUE_LISTS_LOG  9
#define PG_CUE_LISTS      (1 << PG_CUE_LISTS_LOG)
#define PG_CUE_ENTRIES    16384

/* bits of a list's filter of cues' first two bytes */
#define PG_CUE_PAIRS      1024
#define pg_cue_pair(b1, b2)  (((b1) * 31 + (b2)) & (PG_CUE_PAIRS - 1))

/* the home slot of a list: its address hashed (Fibonacci hashing) */
#define pg_cue_slot(cues)                                                   \
    ((size_t) ((uint64_t) (uintptr_t) (cues) * 0x9e3779b97f4a7c15ULL        \
               >> (64 - PG_CUE_LISTS_LOG)))


/* the longest filler word pg_skip_gap() reads is a cue: PG_CUE_MAX */
#define pg_gap_char(c)                                                      \
    (pg_isspace(c) || (c) == ':' || (c) == '#' || (c) == '.'                \
     || (c) == '=' || (c) == '-' || (c) == '(')


/*
 * A cue of a list's index: its index in the list and, when a letter or
 * digit must follow the first (not a blank), that second byte, so that
 * a position is tried only with the cues of its first two bytes.
 *
 * Many cues of a bucket share their first word ("patient id", "patient
 * account", "medicaid #"), so a word that starts them would be compared
 * byte by byte with each.  Each entry keeps the first 8 bytes of the
 * cue's first word (head) and of its second word (tail), as words to
 * compare with 8 bytes of the text at once: (text | fold) == bytes,
 * fold being 0x20 where the cue has a lower-case letter (the text's
 * case does not count there) and 0xff where the word has ended.  A cue
 * whose words differ from the text's there cannot match; the others are
 * matched by pg_cue_at().
 *
 * A bucket's entries are sorted by second byte (the unknown, 0, first)
 * and head, so that the walk passes over a run of other second bytes, or
 * of a head that differs from the text's, in one step; the longest
 * match, the first of the list among equals, is kept as before.
 */
typedef struct {
    uint64_t            head;
    uint64_t            head_fold;
    uint64_t            tail;
    uint64_t            tail_fold;
    uint16_t            k;
    uint16_t            skip_next;  /* the next entry of another next */
    uint16_t            skip_head;  /* ... of another next or head */
    unsigned char       next;       /* 0: not known before matching */
    unsigned char       gap;        /* the first word's length before a
                                       blank and a second word; 0: none */
    unsigned char       known;      /* the bytes of head: at most 8 */
} pg_cue_entry_t;


/*
 * One list's index: the cues that can start with (lower-cased) byte b
 * are pg_cue_entries[base + off[b] .. base + off[b + 1]), in list order.
 */
typedef struct {
    const char *const  *list;       /* the key; set once, never cleared */
    const char         *first;      /* list[0]: see pg_cue_index() */
    uint32_t            ready;      /* 1: built, 2: could not be built */
    uint32_t            base;
    uint16_t            off[257];
    /* letters (either case) that some cue starts with, a bit each */
    uint8_t             letter[32];
    /* first bytes with a cue whose second byte is not known (blanks) */
    uint8_t             open[32];
    /* first and second bytes of the other cues, hashed: a filter */
    uint8_t             pair[PG_CUE_PAIRS / 8];
} pg_cue_index_t;


static const pg_cue_index_t *pg_cue_index(const char *const *cues);
static const pg_cue_index_t *pg_cue_index_home(const char *const *cues);
static const pg_cue_index_t *pg_cue_index_find(const char *const *cues)
    __attribute__((noinline));
static int pg_cue_index_build(pg_cue_index_t *x, const char *const *cues);
static void pg_cue_index_entry(pg_cue_entry_t *e, const char *cue, size_t k,
    unsigned char next);
static size_t pg_cues_scan(const pg_cue_index_t *x, const char *t,
    size_t len, size_t pos, const char *const *cues, size_t *m, int digits);
static size_t pg_cues_idx_at(const pg_cue_index_t *x, const char *t,
    size_t len, size_t pos, const char *const *cues, size_t *which);
/*
 * Not inlined: most calls end in pg_cues_idx_at()'s first tests, and
 * without the loops inlined, and the other calls made last, they save
 * no registers (callgrind)
 */
static size_t pg_cues_bucket_at(const pg_cue_index_t *x, const char *t,
    size_t len, size_t pos, unsigned b12, size_t *which)
    __attribute__((noinline));
static size_t pg_cues_found_at(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *which) __attribute__((noinline));
static size_t pg_cues_each_at(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *which) __attribute__((noinline));
static int pg_cue_tail_differs(const pg_cue_entry_t *e, const char *t,
    size_t len, size_t pos);
static void pg_cue_index_sort(pg_cue_entry_t *e, size_t n, size_t off);
static int pg_cue_entry_cmp(const void *one, const void *two);
static uint64_t pg_cue_word8(const char *cue, uint64_t *fold);
static void pg_cue_keep(size_t m, size_t k, size_t *best, size_t *which);
static size_t pg_cue_match(const char *t, size_t len, size_t pos,
    const char *cue, size_t known);
static int pg_cue_lead(const pg_cue_index_t *x, int c, int digits);


static pg_cue_index_t  pg_cue_lists[PG_CUE_LISTS];
static pg_cue_entry_t  pg_cue_entries[PG_CUE_ENTRIES];
static uint32_t        pg_cue_nentries;


size_t
pg_cue_at(const char *t, size_t len, size_t pos, const char *cue)
{
    return pg_cue_match(t, len, pos, cue, 0);
}


/*
 * pg_cue_at(), the first `known` bytes of the cue (no blank among them)
 * known to be the text's at pos: the bucket walk has compared them
 */

static inline size_t
pg_cue_match(const char *t, size_t len, size_t pos, const char *cue,
    size_t known)
{
    size_t       i, blanks;
    const char  *c;

    if (pos >= len || cue[0] == '\0') {
        return 0;
    }

    if (pg_isalnum(cue[0]) && !pg_word_start(t, pos)) {
        return 0;
    }

    i = pos + known;

    for (c = cue + known; *c; c++) {

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
    const pg_cue_index_t  *x;

    x = pg_cue_index_home(cues);

    if (x == NULL) {
        return pg_cues_found_at(t, len, pos, cues, which);
    }

    return pg_cues_idx_at(x, t, len, pos, cues, which);
}


/* pg_cues_at() of a list that is not in its home slot */

static size_t
pg_cues_found_at(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *which)
{
    return pg_cues_idx_at(pg_cue_index_find(cues), t, len, pos, cues,
                          which);
}


size_t
pg_cues_next(const char *t, size_t len, size_t pos, const char *const *cues,
    size_t *m)
{
    return pg_cues_scan(pg_cue_index(cues), t, len, pos, cues, m, 0);
}


size_t
pg_cues_first(const char *t, size_t len, const uint32_t *at, size_t n,
    size_t *k, const char *const *cues, size_t *m)
{
    const pg_cue_index_t  *x;

    x = pg_cue_index(cues);

    for ( /* void */ ; *k < n && at[*k] < len; (*k)++) {
        *m = pg_cues_idx_at(x, t, len, at[*k], cues, NULL);

        if (*m != 0) {
            return at[*k];
        }
    }

    *m = 0;

    return len;
}


size_t
pg_cues_next_word(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *m)
{
    return pg_cues_scan(pg_cue_index(cues), t, len, pos, cues, m, 1);
}


int
pg_cue_before(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues)
{
    /* a cue ends somewhere in the window when the last one does */
    return pg_cue_last(t, pos, words, bytes, cues) != 0;
}


size_t
pg_cue_last(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues)
{
    size_t                 s, m, last;
    const pg_cue_index_t  *x;

    x = pg_cue_index(cues);
    last = 0;

    /* the longest cue at a word start ends last; it must end by pos */
    for (s = pg_back_words(t, pos, words, bytes);
         (s = pg_cues_scan(x, t, pos, s, cues, &m, 0)) < pos;
         s++)
    {
        if (s + m > last) {
            last = s + m;
        }
    }

    return last;
}


int
pg_cue_after(const char *t, size_t len, size_t pos, size_t words,
    size_t bytes, const char *const *cues)
{
    size_t                 i, hi, w;
    const pg_cue_index_t  *x;

    x = pg_cue_index(cues);
    hi = len - pos > bytes ? pos + bytes : len;
    w = 0;

    for (i = pos; i < hi && w < words; i++) {

        if (!pg_isalnum(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        w++;

        if (pg_isalpha(t[i])
            && pg_cues_idx_at(x, t, len, i, cues, NULL) != 0)
        {
            return 1;
        }
    }

    return 0;
}


size_t
pg_skip_gap(const char *t, size_t len, size_t pos, size_t max,
    const char *const *fillers)
{
    size_t                 i, m;
    const pg_cue_index_t  *x;

    x = fillers ? pg_cue_index(fillers) : NULL;
    i = pos;

    while (i < len && i - pos < max) {

        if (pg_gap_char(t[i])) {
            i++;
            continue;
        }

        m = fillers ? pg_cues_idx_at(x, t, len, i, fillers, NULL) : 0;
        if (m == 0) {
            break;
        }

        i += m;
    }

    return i - pos;
}


/*
 * The first word start at or after pos that begins with a letter (with
 * digits, also a digit) some cue of the list begins with and where one
 * matches, its length in *m; len and *m 0 when there is none.
 */

static size_t
pg_cues_scan(const pg_cue_index_t *x, const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *m, int digits)
{
    size_t    i, k;
    uint64_t  s, prev;

    i = pos;

    /* eight bytes at a time, only their word starts looked at */

    prev = i > 0 && pg_isalnum(t[i - 1]) ? 0x80 : 0;

    for ( /* void */ ; i + 8 <= len; i += 8) {

        for (s = pg_word_starts8(t, i, &prev); s != 0; s &= s - 1) {
            k = i + (__builtin_ctzll(s) >> 3);

            if (pg_cue_lead(x, t[k], digits)) {
                *m = pg_cues_idx_at(x, t, len, k, cues, NULL);

                if (*m != 0) {
                    return k;
                }
            }
        }
    }

    for ( /* void */ ; i < len; i++) {

        if (pg_cue_lead(x, t[i], digits) && pg_word_start(t, i)) {
            *m = pg_cues_idx_at(x, t, len, i, cues, NULL);

            if (*m != 0) {
                return i;
            }
        }
    }

    *m = 0;

    return len;
}


/*
 * The longest cue of the list at pos, the first of equals in *which;
 * with x NULL (a list that is not indexed) every cue is tried.  Most
 * words start with two bytes that no cue of the list has: that is found
 * here, inline, and only the others are matched.
 */

static inline size_t
pg_cues_idx_at(const pg_cue_index_t *x, const char *t, size_t len,
    size_t pos, const char *const *cues, size_t *which)
{
    size_t         b1, p;
    unsigned char  b2;

    if (x == NULL) {
        return pg_cues_each_at(t, len, pos, cues, which);
    }

    if (pos >= len) {
        return 0;
    }

    b1 = pg_tolower(t[pos]);

    if (x->off[b1] == x->off[b1 + 1]) {
        return 0;
    }

    b2 = pos + 1 < len ? pg_tolower(t[pos + 1]) : 0;
    p = pg_cue_pair(b1, b2);

    if (!(x->open[b1 >> 3] & (1 << (b1 & 7)))
        && !(x->pair[p >> 3] & (1 << (p & 7))))
    {
        return 0;
    }

    return pg_cues_bucket_at(x, t, len, pos, (unsigned) (b1 << 8 | b2),
                             which);
}


/*
 * The cues of the bucket of first byte b1 whose second byte is b2, b12
 * being b1 << 8 | b2: the list is the index's key
 */

static size_t
pg_cues_bucket_at(const pg_cue_index_t *x, const char *t, size_t len,
    size_t pos, unsigned b12, size_t *which)
{
    int                    whole;
    size_t                 j, k, b1, best, end;
    uint64_t               head;
    unsigned char          b2;
    const pg_cue_entry_t  *e;
    const char *const     *cues;

    cues = x->list;
    b1 = b12 >> 8;
    b2 = (unsigned char) b12;
    best = 0;
    end = x->off[b1 + 1];
    e = pg_cue_entries + x->base;
    head = 0;
    whole = pos + 8 <= len;

    if (whole) {
        memcpy(&head, t + pos, 8);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        head = __builtin_bswap64(head);
#endif
    }

    j = x->off[b1];

    while (j < end) {

        if (e[j].next != 0 && e[j].next != b2) {
            if (e[j].next > b2) {
                break;
            }

            j = e[j].skip_next;
            continue;
        }

        if (whole && (head | e[j].head_fold) != e[j].head) {
            j = e[j].skip_head;
            continue;
        }

        if (!whole || !pg_cue_tail_differs(&e[j], t, len, pos)) {
            k = e[j].k;
            pg_cue_keep(pg_cue_match(t, len, pos, cues[k],
                                     whole ? e[j].known : 0),
                        k, &best, which);
        }

        j++;
    }

    return best;
}


/*
 * Whether the cue of entry e, whose first word is the text's at pos,
 * cannot match there: its second word differs from the text's after the
 * blanks that pg_cue_at() would take for the space between them.
 */

static inline int
pg_cue_tail_differs(const pg_cue_entry_t *e, const char *t, size_t len,
    size_t pos)
{
    size_t    i, blanks;
    uint64_t  w;

    if (e->gap == 0) {
        return 0;
    }

    i = pos + e->gap;

    for (blanks = 0; i < len && pg_isspace(t[i]) && blanks < PG_CUE_BLANKS;
         blanks++)
    {
        i++;
    }

    if (blanks == 0) {
        return 1;
    }

    if (i + 8 > len) {
        return 0;
    }

    memcpy(&w, t + i, 8);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif

    return (w | e->tail_fold) != e->tail;
}


/*
 * The first 8 bytes of a cue's word at cue, up to a space or its end, as
 * the bucket walk compares them, and their fold.  An upper-case letter,
 * which pg_cue_at() matches with nothing, is given a fold that the text
 * never equals: a word that passes matches pg_cue_at()'s way.
 */

static uint64_t
pg_cue_word8(const char *cue, uint64_t *fold)
{
    size_t         b;
    uint64_t       word, f;
    unsigned char  c;

    word = 0;
    *fold = 0;

    for (b = 0; b < 8; b++) {
        c = (unsigned char) cue[b];

        if (c == '\0' || c == ' ') {
            break;
        }

        f = pg_isalpha(c) ? 0x20 : 0;
        word |= (uint64_t) c << (8 * b);
        *fold |= f << (8 * b);
    }

    for ( /* void */ ; b < 8; b++) {
        word |= (uint64_t) 0xff << (8 * b);
        *fold |= (uint64_t) 0xff << (8 * b);
    }

    return word;
}


/* every cue of a list that is not indexed, in order */

static size_t
pg_cues_each_at(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *which)
{
    size_t  k, best;

    best = 0;

    for (k = 0; cues[k] != NULL; k++) {
        pg_cue_keep(pg_cue_at(t, len, pos, cues[k]), k, &best, which);
    }

    return best;
}


/* the longest match so far, the first of equals: cue k matched m bytes */

static inline void
pg_cue_keep(size_t m, size_t k, size_t *best, size_t *which)
{
    if (m > *best) {
        *best = m;

        if (which != NULL) {
            *which = k;
        }

    } else if (m != 0 && m == *best && which != NULL && k < *which) {
        /* a sorted bucket may try a later cue of the list first */
        *which = k;
    }
}


/*
 * Whether c is a letter (with digits, a letter or a digit) some cue of
 * the list may start with
 */

static inline int
pg_cue_lead(const pg_cue_index_t *x, int c, int digits)
{
    c = (unsigned char) c;

    if (digits && pg_isdigit(c)) {
        return x == NULL || x->off[c] != x->off[c + 1];
    }

    if (x == NULL) {
        return pg_isalpha(c);
    }

    return x->letter[c >> 3] & (1 << (c & 7));
}


/*
 * The index of a list, built on its first use; NULL when the list
 * cannot be indexed (the table is full, another thread is building it):
 * the caller then tries every cue.  Lock-free, so that the engine stays
 * safe in a threaded host: a slot is claimed by setting its key with a
 * compare-and-swap and published by its ready flag.  Called for nearly
 * every word, so the list in its home slot is found here, inline.
 */

static inline const pg_cue_index_t *
pg_cue_index(const char *const *cues)
{
    const pg_cue_index_t  *x;

    x = pg_cue_index_home(cues);

    return x != NULL ? x : pg_cue_index_find(cues);
}


/*
 * The index of a list in its home slot or the slot after it, where the
 * probing puts most lists whose home is taken; NULL when it is in
 * neither
 */

static inline const pg_cue_index_t *
pg_cue_index_home(const char *const *cues)
{
    size_t           h;
    pg_cue_index_t  *x;

    h = pg_cue_slot(cues);
    x = &pg_cue_lists[h];

    if (__atomic_load_n(&x->list, __ATOMIC_ACQUIRE) != cues) {
        x = &pg_cue_lists[(h + 1) % PG_CUE_LISTS];

        if (__atomic_load_n(&x->list, __ATOMIC_ACQUIRE) != cues) {
            return NULL;
        }
    }

    if (__atomic_load_n(&x->ready, __ATOMIC_ACQUIRE) == 1
        && x->first == cues[0])
    {
        return x;
    }

    return NULL;
}


static const pg_cue_index_t *
pg_cue_index_find(const char *const *cues)
{
    size_t               h, n;
    uint32_t             ready;
    pg_cue_index_t      *x;
    const char *const   *key;
    const char *const   *none;

    h = pg_cue_slot(cues);

    for (n = 0; n < PG_CUE_LISTS; n++, h++) {
        x = &pg_cue_lists[h % PG_CUE_LISTS];
        key = __atomic_load_n(&x->list, __ATOMIC_ACQUIRE);

        if (key == NULL) {
            none = NULL;

            if (__atomic_compare_exchange_n(&x->list, &none, cues, 0,
                                            __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE))
            {
                ready = pg_cue_index_build(x, cues) == 0 ? 1 : 2;
                __atomic_store_n(&x->ready, ready, __ATOMIC_RELEASE);

                return ready == 1 ? x : NULL;
            }

            key = none;
        }

        if (key != cues) {
            continue;
        }

        ready = __atomic_load_n(&x->ready, __ATOMIC_ACQUIRE);

        /* a list rebuilt at the address of another is not trusted */
        if (ready != 1 || x->first != cues[0]) {
            return NULL;
        }

        return x;
    }

    return NULL;
}


/*
 * Buckets by first byte: a cue starting with a letter goes under the
 * lower-case letter (pg_cue_at() folds the text), a space under each
 * blank, any other byte under itself; a cue that can match nothing (an
 * empty cue, an upper-case first letter) under none.
 */

static int
pg_cue_index_build(pg_cue_index_t *x, const char *const *cues)
{
    size_t          k, b, n, p;
    uint32_t        base;
    unsigned char   c, d;

    x->first = cues[0];

    n = 0;

    for (k = 0; cues[k] != NULL; k++) {
        n += cues[k][0] == ' ' ? 6 : 1;
    }

    if (k > UINT16_MAX || n > UINT16_MAX) {
        return -1;
    }

    base = __atomic_fetch_add(&pg_cue_nentries, (uint32_t) n,
                              __ATOMIC_RELAXED);

    if (base > PG_CUE_ENTRIES || PG_CUE_ENTRIES - base < n) {
        return -1;
    }

    x->base = base;
    n = 0;

    for (b = 0; b < 256; b++) {
        x->off[b] = (uint16_t) n;

        for (k = 0; cues[k] != NULL; k++) {
            c = (unsigned char) cues[k][0];

            if (c == '\0') {
                continue;
            }

            if (c == ' ' ? pg_isspace(b) : pg_tolower(b) == b && c == b) {
                d = c == ' ' || cues[k][1] == ' '
                    ? 0 : (unsigned char) cues[k][1];

                pg_cue_index_entry(&pg_cue_entries[base + n], cues[k], k, d);
                n++;

                if (d == 0) {
                    x->open[b >> 3] |= (uint8_t) (1 << (b & 7));

                } else {
                    p = pg_cue_pair(b, d);
                    x->pair[p >> 3] |= (uint8_t) (1 << (p & 7));
                }
            }
        }

        pg_cue_index_sort(&pg_cue_entries[base], n, x->off[b]);
    }

    x->off[256] = (uint16_t) n;

    for (b = 0; b < 256; b++) {
        c = pg_tolower(b);

        if (pg_isalpha(b) && x->off[c] != x->off[c + 1]) {
            x->letter[b >> 3] |= (uint8_t) (1 << (b & 7));
        }
    }

    return 0;
}


/* an entry of cue k of a list: see pg_cue_entry_t */

static void
pg_cue_index_entry(pg_cue_entry_t *e, const char *cue, size_t k,
    unsigned char next)
{
    size_t  n;

    e->k = (uint16_t) k;
    e->next = next;
    e->head = pg_cue_word8(cue, &e->head_fold);
    n = strcspn(cue, " ");
    e->known = (unsigned char) (n < 8 ? n : 8);
    e->tail = 0;
    e->tail_fold = 0;
    e->gap = 0;

    if (n > 0 && n <= UINT8_MAX && cue[n] == ' '
        && cue[n + 1] != ' ' && cue[n + 1] != '\0')
    {
        e->gap = (unsigned char) n;
        e->tail = pg_cue_word8(cue + n + 1, &e->tail_fold);
    }
}


/*
 * The entries e[off .. n) of one bucket sorted by second byte and head,
 * and the ends of their runs of equal second bytes and of equal heads
 */

static void
pg_cue_index_sort(pg_cue_entry_t *e, size_t n, size_t off)
{
    size_t  j;

    if (n - off > 1) {
        qsort(e + off, n - off, sizeof(pg_cue_entry_t), pg_cue_entry_cmp);
    }

    for (j = n; j-- > off; /* void */ ) {

        if (j + 1 == n || e[j + 1].next != e[j].next) {
            e[j].skip_next = (uint16_t) (j + 1);
            e[j].skip_head = (uint16_t) (j + 1);
            continue;
        }

        e[j].skip_next = e[j + 1].skip_next;
        e[j].skip_head = e[j + 1].head == e[j].head
                         && e[j + 1].head_fold == e[j].head_fold
                         ? e[j + 1].skip_head : (uint16_t) (j + 1);
    }
}


static int
pg_cue_entry_cmp(const void *one, const void *two)
{
    const pg_cue_entry_t  *a, *b;

    a = one;
    b = two;

    if (a->next != b->next) {
        return a->next < b->next ? -1 : 1;
    }

    if (a->head != b->head) {
        return a->head < b->head ? -1 : 1;
    }

    if (a->head_fold != b->head_fold) {
        return a->head_fold < b->head_fold ? -1 : 1;
    }

    return a->k < b->k ? -1 : a->k > b->k;
}
