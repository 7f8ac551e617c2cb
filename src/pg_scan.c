/*
 * Copyright (C) phigate authors
 *
 * The field's words and the candidates of a cue list: see pg_scan.h.
 *
 * A large field's words are grouped by key once (a counting sort), a
 * field of a few words (a post) chained by key, so that a list's
 * candidates are gathered from the words of its keys alone.
 */


#include <string.h>

#include "pg_scan.h"
#include "pg_text.h"


/* a field of more words is grouped by key, of fewer chained by key */
#define PG_WORDS_FEW   256
/* the end of a chain of words (pg_words_t.chain) */
#define PG_CHAIN_END   0xffff

/* the words a field of len bytes starts with: a first guess, it grows */
#define PG_WORDS_GUESS(len)  ((len) / 5 + 16)


/* the class of a byte: letter 0-25 (folded), digit 26, other 27 */
#define pg_key_class(b)  ((unsigned) pg_key_classes[(unsigned char) (b)])

/* the key of a word of first byte b1 (a letter or digit), second b2 */
#define pg_key(b1, b2)  (pg_key_class(b1) * 28 + pg_key_class(b2))

/* 16 a row: '0'-'9' from 0x30, 'A'-'Z' from 0x41, 'a'-'z' from 0x61 */
static const unsigned char  pg_key_classes[256] = {
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    26, 26, 26, 26, 26, 26, 26, 26, 26, 26, 27, 27, 27, 27, 27, 27,
    27,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 27, 27, 27, 27,
    27,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27,
    27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27
};


#define pg_bit(set, k)  ((set)[(k) >> 6] & ((uint64_t) 1 << ((k) & 63)))


/* a key and a third byte's class in keys */
static inline void
pg_keys_set(pg_keys_t *keys, unsigned key, unsigned c3)
{
    unsigned  k3;

    k3 = key * 28 + c3;
    keys->k2[key >> 6] |= (uint64_t) 1 << (key & 63);
    keys->k3[k3 >> 6] |= (uint64_t) 1 << (k3 & 63);
}


static pg_status_t pg_words_grow(pg_words_t *w, pg_arena_t *a,
    uint32_t **end, size_t *cap, size_t len);
static pg_status_t pg_words_keys(pg_words_t *w, pg_arena_t *a,
    const char *text, size_t len, const uint32_t *end);
static void pg_words_key(pg_words_t *w, const char *text, size_t k,
    unsigned c1, unsigned c2, uint32_t end);
static pg_status_t pg_words_group(pg_words_t *w, pg_arena_t *a);
static pg_status_t pg_words_chain(pg_words_t *w, pg_arena_t *a);
static pg_status_t pg_cands_gather(pg_cands_t *c, const pg_words_t *w,
    pg_arena_t *a, const uint64_t *hit, const uint64_t *k3);
static pg_status_t pg_cands_chained(pg_cands_t *c, const pg_words_t *w,
    pg_arena_t *a, const pg_keys_t *keys);
static void pg_cue_set_build(pg_cue_set_t *set, pg_keys_t *keys);
static void pg_cue_keys(const char *cue, pg_keys_t *keys);


pg_status_t
pg_words_index(pg_words_t *w, pg_arena_t *a, const char *text, size_t len)
{
    size_t       i, n, m, cap;
    uint32_t    *end;
    uint64_t     v, an, prev, starts, ends, e, high;
    pg_status_t  st;

    memset(w, 0, sizeof(pg_words_t));

    cap = 0;
    n = 0;
    m = 0;
    end = NULL;
    prev = 0;
    high = 0;

    /*
     * Eight bytes at a time: the words' starts (a letter or digit after
     * another byte) and their ends (another byte after a letter or
     * digit), each list in order: word k ends at end[k].  Eight bytes
     * start four words at most.
     */

    for (i = 0; i + 8 <= len; i += 8) {
        memcpy(&v, text + i, 8);
        high |= v;

        an = pg_alnum8(text, i);
        starts = an & ~((an << 8) | prev);
        ends = ~an & 0x8080808080808080ULL & ((an << 8) | prev);
        prev = an >> 56;

        if (n + 4 > cap) {
            w->n = n;

            st = pg_words_grow(w, a, &end, &cap, len);
            if (st != PG_OK) {
                return st;
            }
        }

        for (e = starts; e != 0; e &= e - 1) {
            w->word[n++] = (uint32_t) (i + (__builtin_ctzll(e) >> 3));
        }

        for (e = ends; e != 0; e &= e - 1) {
            end[m++] = (uint32_t) (i + (__builtin_ctzll(e) >> 3));
        }
    }

    for ( /* void */ ; i < len; i++) {
        high |= (unsigned char) text[i];

        if (!pg_isalnum(text[i])) {
            if (n > m) {
                end[m++] = (uint32_t) i;
            }

            continue;
        }

        if (n > m) {
            /* in a word */
            continue;
        }

        if (n + 1 > cap) {
            w->n = n;

            st = pg_words_grow(w, a, &end, &cap, len);
            if (st != PG_OK) {
                return st;
            }
        }

        w->word[n++] = (uint32_t) i;
    }

    if (n > m) {
        end[m++] = (uint32_t) len;
    }

    w->n = n;

    if (high & 0x8080808080808080ULL) {
        w->bytes |= PG_HAS_HIGH;
    }

    if (pg_next_digit(text, len, 0) < len) {
        w->bytes |= PG_HAS_DIGIT;
    }

    if (memchr(text, '@', len) != NULL) {
        w->bytes |= PG_HAS_AT;
    }

    if (memchr(text, ':', len) != NULL) {
        w->bytes |= PG_HAS_COLON;
    }

    st = pg_words_keys(w, a, text, len, end);
    if (st != PG_OK) {
        return st;
    }

    return w->n > PG_WORDS_FEW ? pg_words_group(w, a) : pg_words_chain(w, a);
}


/* room for more words (w->n of them kept) and their ends: twice as many */

static pg_status_t
pg_words_grow(pg_words_t *w, pg_arena_t *a, uint32_t **end, size_t *cap,
    size_t len)
{
    size_t     ncap;
    uint32_t  *word, *nend;

    ncap = *cap ? *cap * 2 : PG_WORDS_GUESS(len);

    word = pg_arena_alloc(a, ncap * sizeof(uint32_t));
    nend = pg_arena_alloc(a, ncap * sizeof(uint32_t));

    if (word == NULL || nend == NULL) {
        return PG_ERR_NOMEM;
    }

    if (w->n) {
        /* a word's end comes after its start: at most w->n of them */
        memcpy(word, w->word, w->n * sizeof(uint32_t));
        memcpy(nend, *end, w->n * sizeof(uint32_t));
    }

    w->word = word;
    *end = nend;
    *cap = ncap;

    return PG_OK;
}


/*
 * The words' keys, lengths, and the starts of those of a digit first and
 * of a capital (A-Z) first, from their starts and ends.  The bytes after
 * a word's first are read without a bound but in the last two words.
 */

static pg_status_t
pg_words_keys(pg_words_t *w, pg_arena_t *a, const char *text, size_t len,
    const uint32_t *end)
{
    size_t   k, n, safe;
    size_t   p;

    n = w->n;

    w->key = pg_arena_alloc(a, (n ? n : 1) * sizeof(uint16_t));
    w->key3 = pg_arena_alloc(a, (n ? n : 1) * sizeof(uint16_t));
    w->wlen = pg_arena_alloc(a, n ? n : 1);
    w->digit = pg_arena_alloc(a, (n ? n : 1) * sizeof(uint32_t));
    w->cap = pg_arena_alloc(a, (n ? n : 1) * sizeof(uint32_t));

    if (w->key == NULL || w->key3 == NULL || w->wlen == NULL
        || w->digit == NULL || w->cap == NULL)
    {
        return PG_ERR_NOMEM;
    }

    /* the words whose two next bytes are in the text: all but a few */
    for (safe = n; safe > 0 && w->word[safe - 1] + 2 >= len; safe--) {
        /* void */
    }

    for (k = 0; k < safe; k++) {
        p = w->word[k];
        pg_words_key(w, text, k, pg_key_class(text[p + 1]),
                     pg_key_class(text[p + 2]), end[k]);
    }

    for ( /* void */ ; k < n; k++) {
        p = w->word[k];
        pg_words_key(w, text, k,
                     p + 1 < len ? pg_key_class(text[p + 1]) : 27,
                     p + 2 < len ? pg_key_class(text[p + 2]) : 27, end[k]);
    }

    return PG_OK;
}


/* word k's key (c1, c2: the classes of its second and third bytes) */

static inline void
pg_words_key(pg_words_t *w, const char *text, size_t k, unsigned c1,
    unsigned c2, uint32_t end)
{
    uint32_t  p, n;
    unsigned  key;

    p = w->word[k];
    n = end - p;
    key = pg_key_class(text[p]) * 28 + c1;

    w->key[k] = (uint16_t) key;
    w->key3[k] = (uint16_t) (key * 28 + c2);
    w->wlen[k] = (uint8_t) (n < PG_WORD_LONG ? n : PG_WORD_LONG);
    w->keys[key >> 6] |= (uint64_t) 1 << (key & 63);

    w->digit[w->ndigit] = p;
    w->ndigit += key >= PG_KEY_DIGIT;
    w->cap[w->ncap] = p;
    w->ncap += (unsigned char) (text[p] - 'A') < 26;
}


/* the words' indices by key: a counting sort */

static pg_status_t
pg_words_group(pg_words_t *w, pg_arena_t *a)
{
    size_t    k;
    uint32_t  cur[PG_KEYS];

    w->goff = pg_arena_calloc(a, (PG_KEYS + 1) * sizeof(uint32_t));
    w->group = pg_arena_alloc(a, w->n * sizeof(uint32_t));
    w->mark = pg_arena_calloc(a, (w->n + 63) / 64 * sizeof(uint64_t));

    if (w->goff == NULL || w->group == NULL || w->mark == NULL) {
        return PG_ERR_NOMEM;
    }

    for (k = 0; k < w->n; k++) {
        w->goff[w->key[k] + 1]++;
    }

    for (k = 0; k < PG_KEYS; k++) {
        w->goff[k + 1] += w->goff[k];
        cur[k] = w->goff[k];
    }

    for (k = 0; k < w->n; k++) {
        w->group[cur[w->key[k]]++] = (uint32_t) k;
    }

    return PG_OK;
}


/*
 * The words of a few (a post) chained by key: a list's candidates are
 * then read from the chains of the keys it shares with the field, not
 * tested word by word for each list, and the chains cost no counting
 * sort over every key (pg_words_group()).
 */

static pg_status_t
pg_words_chain(pg_words_t *w, pg_arena_t *a)
{
    size_t  k;

    w->head = pg_arena_alloc(a, PG_KEYS * sizeof(uint16_t));
    w->chain = pg_arena_alloc(a, (w->n ? w->n : 1) * sizeof(uint16_t));

    if (w->head == NULL || w->chain == NULL) {
        return PG_ERR_NOMEM;
    }

    for (k = 0; k < w->n; k++) {
        w->head[w->key[k]] = PG_CHAIN_END;
    }

    for (k = w->n; k-- > 0; /* void */ ) {
        w->chain[k] = w->head[w->key[k]];
        w->head[w->key[k]] = (uint16_t) k;
    }

    return PG_OK;
}


pg_status_t
pg_cands_init(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a,
    const char *text, size_t len, pg_cue_set_t *set)
{
    size_t            k;
    uint64_t          hit[PG_KEY_WORDS], any;
    pg_keys_t         tmp;
    const pg_keys_t  *keys;

    c->text = text;
    c->len = len;
    c->cues = set->cues;
    c->pos = NULL;
    c->n = 0;
    c->k = 0;

    /* nearly always built: no call (every detector asks, every field) */
    keys = __atomic_load_n(&set->ready, __ATOMIC_ACQUIRE)
           ? &set->keys : pg_cue_set_keys(set, &tmp);

    if (w->group == NULL) {
        return pg_cands_chained(c, w, a, keys);
    }

    any = 0;

    for (k = 0; k < PG_KEY_WORDS; k++) {
        hit[k] = keys->k2[k] & w->keys[k];
        any |= hit[k];
    }

    return any ? pg_cands_gather(c, w, a, hit, keys->k3) : PG_OK;
}


/*
 * The positions of the words of a few (not grouped) whose keys are the
 * set's and whose keys with their third bytes are too, ascending: the
 * chains of the keys the field and the set share marked, then read in
 * order
 */

static pg_status_t
pg_cands_chained(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a,
    const pg_keys_t *keys)
{
    size_t     k, n;
    unsigned   key, g;
    uint32_t  *pos;
    uint64_t   b;
    uint64_t   mark[(PG_WORDS_FEW + 63) / 64];

    memset(mark, 0, sizeof(mark));
    n = 0;

    for (k = 0; k < PG_KEY_WORDS; k++) {
        for (b = keys->k2[k] & w->keys[k]; b != 0; b &= b - 1) {
            key = (unsigned) (k << 6) + (unsigned) __builtin_ctzll(b);

            for (g = w->head[key]; g != PG_CHAIN_END; g = w->chain[g]) {
                if (pg_bit(keys->k3, w->key3[g])) {
                    mark[g >> 6] |= (uint64_t) 1 << (g & 63);
                    n++;
                }
            }
        }
    }

    if (n == 0) {
        return PG_OK;
    }

    pos = pg_arena_alloc(a, n * sizeof(uint32_t));
    if (pos == NULL) {
        return PG_ERR_NOMEM;
    }

    for (k = 0; k < (PG_WORDS_FEW + 63) / 64; k++) {
        for (b = mark[k]; b != 0; b &= b - 1) {
            pos[c->n++] = w->word[(k << 6) + __builtin_ctzll(b)];
        }
    }

    c->pos = pos;

    return PG_OK;
}


/*
 * The positions of the words of a field grouped by key whose keys are in
 * hit and whose keys with their third bytes are in k3, ascending
 */

static pg_status_t
pg_cands_gather(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a,
    const uint64_t *hit, const uint64_t *k3)
{
    size_t     k, j, g, n, lo, hi;
    uint32_t  *pos;
    uint64_t   b;
    uint64_t  *mark;

    /* the groups' words marked, then read in order */

    mark = w->mark;
    lo = w->n;
    hi = 0;
    n = 0;

    for (k = 0; k < PG_KEYS; k++) {
        if (!pg_bit(hit, k)) {
            continue;
        }

        for (j = w->goff[k]; j < w->goff[k + 1]; j++) {
            g = w->group[j];

            if (pg_bit(k3, w->key3[g])) {
                mark[g >> 6] |= (uint64_t) 1 << (g & 63);
                lo = g < lo ? g : lo;
                hi = g > hi ? g : hi;
                n++;
            }
        }
    }

    if (n == 0) {
        return PG_OK;
    }

    pos = pg_arena_alloc(a, n * sizeof(uint32_t));
    if (pos == NULL) {
        /* the scratch stays all zero */
        for (k = lo >> 6; k <= hi >> 6; k++) {
            mark[k] = 0;
        }

        return PG_ERR_NOMEM;
    }

    for (k = lo >> 6; k <= hi >> 6; k++) {
        for (b = mark[k]; b != 0; b &= b - 1) {
            pos[c->n++] = w->word[(k << 6) + __builtin_ctzll(b)];
        }

        mark[k] = 0;
    }

    c->pos = pos;

    return PG_OK;
}


void
pg_cands_digits(pg_cands_t *c, const pg_words_t *w, const char *text,
    size_t len)
{
    c->text = text;
    c->len = len;
    c->cues = NULL;
    c->pos = w->digit;
    c->n = w->ndigit;
    c->k = 0;
}


pg_status_t
pg_cands_add_caps(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a)
{
    return pg_cands_add(c, a, w->cap, w->ncap);
}


pg_status_t
pg_cands_add_bytes(pg_cands_t *c, pg_arena_t *a, const char *bytes)
{
    size_t        n, k;
    uint32_t     *pos;
    pg_status_t   st;

    for ( /* void */ ; *bytes; bytes++) {
        n = 0;

        for (k = pg_next_byte(c->text, c->len, 0, *bytes); k < c->len;
             k = pg_next_byte(c->text, c->len, k + 1, *bytes))
        {
            n++;
        }

        if (n == 0) {
            continue;
        }

        pos = pg_arena_alloc(a, n * sizeof(uint32_t));
        if (pos == NULL) {
            return PG_ERR_NOMEM;
        }

        n = 0;

        for (k = pg_next_byte(c->text, c->len, 0, *bytes); k < c->len;
             k = pg_next_byte(c->text, c->len, k + 1, *bytes))
        {
            pos[n++] = (uint32_t) k;
        }

        st = pg_cands_add(c, a, pos, n);
        if (st != PG_OK) {
            return st;
        }
    }

    return PG_OK;
}


/* the candidates and n more offsets, ascending, as one ascending list */

pg_status_t
pg_cands_add(pg_cands_t *c, pg_arena_t *a, const uint32_t *add, size_t n)
{
    size_t     i, j, k;
    uint32_t  *pos;

    if (n == 0) {
        return PG_OK;
    }

    pos = pg_arena_alloc(a, (c->n + n) * sizeof(uint32_t));
    if (pos == NULL) {
        return PG_ERR_NOMEM;
    }

    i = 0;
    j = 0;

    for (k = 0; k < n; k++) {
        while (i < c->n && c->pos[i] < add[k]) {
            pos[j++] = c->pos[i++];
        }

        if (i < c->n && c->pos[i] == add[k]) {
            continue;
        }

        pos[j++] = add[k];
    }

    while (i < c->n) {
        pos[j++] = c->pos[i++];
    }

    c->pos = pos;
    c->n = j;
    c->k = 0;

    return PG_OK;
}


size_t
pg_cands_next(pg_cands_t *c, size_t pos, size_t *m)
{
    /* the list's index found once for the candidates, not at each */
    (void) pg_cands_pos(c, pos);

    return pg_cues_first(c->text, c->len, c->pos, c->n, &c->k, c->cues, m);
}


size_t
pg_cands_pos(pg_cands_t *c, size_t pos)
{
    if (c->k > 0 && c->pos[c->k - 1] >= pos) {
        /* back before the cursor: rare, a binary search */
        c->k = pg_offsets_from(c->pos, c->k, pos);
    }

    while (c->k < c->n && c->pos[c->k] < pos) {
        c->k++;
    }

    return c->k < c->n ? c->pos[c->k] : c->len;
}


/*
 * A set's keys are built on its first use and published by its ready
 * flag; a thread that finds another building them builds its own copy
 * in tmp, so that the engine stays safe in a threaded host.
 */

const pg_keys_t *
pg_cue_set_keys(pg_cue_set_t *set, pg_keys_t *tmp)
{
    uint32_t  none;

    if (__atomic_load_n(&set->ready, __ATOMIC_ACQUIRE)) {
        return &set->keys;
    }

    none = 0;

    if (!__atomic_compare_exchange_n(&set->claim, &none, 1, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        pg_cue_set_build(set, tmp);
        return tmp;
    }

    pg_cue_set_build(set, &set->keys);
    __atomic_store_n(&set->ready, 1, __ATOMIC_RELEASE);

    return &set->keys;
}


static void
pg_cue_set_build(pg_cue_set_t *set, pg_keys_t *keys)
{
    size_t            k, j;
    unsigned          c0;
    pg_keys_t         tmp;
    const pg_keys_t  *more;

    memset(keys, 0, sizeof(pg_keys_t));

    for (k = 0; set->firsts != NULL && set->firsts[k] != '\0'; k++) {
        c0 = pg_key_class((unsigned char) set->firsts[k]);

        for (j = 0; j < 28 * 28; j++) {
            pg_keys_set(keys, c0 * 28 + j / 28, j % 28);
        }
    }

    for (k = 0; set->cues != NULL && set->cues[k] != NULL; k++) {
        pg_cue_keys(set->cues[k], keys);
    }

    for (k = 0; set->more != NULL && set->more[k] != NULL; k++) {
        more = pg_cue_set_keys(set->more[k], &tmp);

        for (j = 0; j < PG_KEY_WORDS; j++) {
            keys->k2[j] |= more->k2[j];
        }

        for (j = 0; j < PG_KEY3_WORDS; j++) {
            keys->k3[j] |= more->k3[j];
        }
    }
}


/*
 * The keys of the words a cue may match.  pg_cue_at() folds the text,
 * not the cue: a cue whose first byte is not a lower-case letter matches
 * no word that starts with a letter, nor one with an upper-case letter
 * where the word has a letter.  A blank of the cue is a blank of the
 * text, followed by more blanks or not; a cue that ends in a letter or
 * digit ends at a word's end.
 */

static void
pg_cue_keys(const char *cue, pg_keys_t *keys)
{
    unsigned       key, c3;
    unsigned char  c0, c1, c2;

    c0 = (unsigned char) cue[0];

    if (c0 < 'a' || c0 > 'z') {
        return;
    }

    c1 = (unsigned char) cue[1];

    if (c1 >= 'A' && c1 <= 'Z') {
        return;
    }

    key = pg_key(c0, c1);

    if (c1 == '\0' || c1 == ' ') {
        /* "n": any third byte after the word's end; "p o box" */
        for (c3 = 0; c3 < 28; c3++) {
            pg_keys_set(keys, key, c3);
        }

        return;
    }

    c2 = (unsigned char) cue[2];

    if (c2 >= 'A' && c2 <= 'Z') {
        return;
    }

    if (c2 == '\0' && !pg_isalnum(c1)) {
        /* "b.", "f:": nothing asked of what follows */
        for (c3 = 0; c3 < 28; c3++) {
            pg_keys_set(keys, key, c3);
        }

        return;
    }

    pg_keys_set(keys, key, pg_key_class(c2));
}
