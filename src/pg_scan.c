/*
 * Copyright (C) phigate authors
 *
 * The field's words and the candidates of a cue list: see pg_scan.h.
 *
 * A large field's words are grouped by key once (a counting sort), so
 * that a list's candidates are gathered from the groups of its keys
 * alone; a field of a few words (a post) is filtered word by word.
 */


#include <string.h>

#include "pg_scan.h"
#include "pg_text.h"


/* a field of more words is grouped by key */
#define PG_WORDS_FEW   256

/* the words a field of len bytes starts with: a first guess, it grows */
#define PG_WORDS_GUESS(len)  ((len) / 5 + 16)


/* the class of a byte: letter 0-25 (folded), digit 26, other 27 */
#define pg_key_class(b)                                                     \
    (pg_isalpha(b) ? (unsigned) (((b) | 0x20) - 'a')                         \
     : pg_isdigit(b) ? 26u : 27u)

/* the key of a word of first byte b1 (a letter or digit), second b2 */
#define pg_key(b1, b2)  (pg_key_class(b1) * 28 + pg_key_class(b2))

#define pg_bit(set, k)  ((set)[(k) >> 6] & ((uint64_t) 1 << ((k) & 63)))


static void pg_words_end(pg_words_t *w, size_t end);
static pg_status_t pg_words_add(pg_words_t *w, pg_arena_t *a, size_t *cap,
    const char *t, size_t len, size_t pos);
static pg_status_t pg_words_digits(pg_words_t *w, pg_arena_t *a,
    const char *text);
static pg_status_t pg_cands_merge(pg_cands_t *c, pg_arena_t *a,
    const uint32_t *add, size_t n);
static pg_status_t pg_words_group(pg_words_t *w, pg_arena_t *a);
static pg_status_t pg_cands_gather(pg_cands_t *c, const pg_words_t *w,
    pg_arena_t *a, const uint64_t *hit);
static void pg_cue_set_build(const char *const *cues, uint64_t *keys);


pg_status_t
pg_words_index(pg_words_t *w, pg_arena_t *a, const char *text, size_t len)
{
    int          open;
    size_t       i, k, cap;
    uint64_t     v, an, prev, starts, edges, e, high;
    pg_status_t  st;

    memset(w, 0, sizeof(pg_words_t));

    cap = 0;
    open = 0;
    prev = 0;
    high = 0;

    /*
     * Eight bytes at a time: the words' starts (a letter or digit after
     * another byte) and ends (another byte after a letter or digit), in
     * the order they come.
     */

    for (i = 0; i + 8 <= len; i += 8) {
        memcpy(&v, text + i, 8);
        high |= v;

        an = pg_alnum8(text, i);
        starts = an & ~((an << 8) | prev);
        edges = starts | (~an & 0x8080808080808080ULL & ((an << 8) | prev));
        prev = an >> 56;

        for (e = edges; e != 0; e &= e - 1) {
            k = i + (__builtin_ctzll(e) >> 3);

            if (open) {
                pg_words_end(w, k);
                open = 0;
                continue;
            }

            st = pg_words_add(w, a, &cap, text, len, k);
            if (st != PG_OK) {
                return st;
            }

            open = 1;
        }
    }

    for ( /* void */ ; i < len; i++) {
        high |= (unsigned char) text[i];

        if (pg_isalnum(text[i]) == open) {
            continue;
        }

        if (open) {
            pg_words_end(w, i);
            open = 0;
            continue;
        }

        st = pg_words_add(w, a, &cap, text, len, i);
        if (st != PG_OK) {
            return st;
        }

        open = 1;
    }

    if (open) {
        pg_words_end(w, len);
    }

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

    st = pg_words_digits(w, a, text);
    if (st != PG_OK) {
        return st;
    }

    return w->n > PG_WORDS_FEW ? pg_words_group(w, a) : PG_OK;
}


/* the starts of the words of a digit first, of a capital first */

static pg_status_t
pg_words_digits(pg_words_t *w, pg_arena_t *a, const char *text)
{
    size_t  k;

    w->digit = pg_arena_alloc(a, (w->n ? w->n : 1) * sizeof(uint32_t));
    w->cap = pg_arena_alloc(a, (w->n ? w->n : 1) * sizeof(uint32_t));

    if (w->digit == NULL || w->cap == NULL) {
        return PG_ERR_NOMEM;
    }

    for (k = 0; k < w->n; k++) {
        w->digit[w->ndigit] = w->word[k];
        w->ndigit += w->key[k] >= PG_KEY_DIGIT;
        w->cap[w->ncap] = w->word[k];
        w->ncap += (unsigned char) (text[w->word[k]] - 'A') < 26;
    }

    return PG_OK;
}


/* the word last added ends at end */

static inline void
pg_words_end(pg_words_t *w, size_t end)
{
    size_t  n;

    n = end - w->word[w->n - 1];
    w->wlen[w->n - 1] = (uint8_t) (n < PG_WORD_LONG ? n : PG_WORD_LONG);
}


/* one more word at pos */

static pg_status_t
pg_words_add(pg_words_t *w, pg_arena_t *a, size_t *cap, const char *t,
    size_t len, size_t pos)
{
    size_t     ncap;
    uint8_t   *wlen;
    uint16_t  *key;
    uint32_t  *word;
    unsigned   k;

    if (w->n == *cap) {
        ncap = *cap ? *cap * 2 : PG_WORDS_GUESS(len);

        word = pg_arena_alloc(a, ncap * sizeof(uint32_t));
        key = pg_arena_alloc(a, ncap * sizeof(uint16_t));
        wlen = pg_arena_alloc(a, ncap);

        if (word == NULL || key == NULL || wlen == NULL) {
            return PG_ERR_NOMEM;
        }

        if (w->n) {
            memcpy(word, w->word, w->n * sizeof(uint32_t));
            memcpy(key, w->key, w->n * sizeof(uint16_t));
            memcpy(wlen, w->wlen, w->n);
        }

        w->word = word;
        w->key = key;
        w->wlen = wlen;
        *cap = ncap;
    }

    k = pg_key(t[pos], pos + 1 < len ? (unsigned char) t[pos + 1] : 0);

    w->word[w->n] = (uint32_t) pos;
    w->key[w->n] = (uint16_t) k;
    w->n++;
    w->keys[k >> 6] |= (uint64_t) 1 << (k & 63);

    return PG_OK;
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


pg_status_t
pg_cands_init(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a,
    const char *text, size_t len, pg_cue_set_t *set)
{
    uint64_t  tmp[PG_KEY_WORDS];

    c->cues = set->cues;

    return pg_cands_keys(c, w, a, text, len, pg_cue_set_keys(set, tmp));
}


pg_status_t
pg_cands_keys(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a,
    const char *text, size_t len, const uint64_t *keys)
{
    size_t    k;
    uint64_t  hit[PG_KEY_WORDS], any;

    c->text = text;
    c->len = len;
    c->pos = NULL;
    c->n = 0;
    c->k = 0;

    any = 0;

    for (k = 0; k < PG_KEY_WORDS; k++) {
        hit[k] = keys[k] & w->keys[k];
        any |= hit[k];
    }

    return any ? pg_cands_gather(c, w, a, hit) : PG_OK;
}


/* the positions of the words whose keys are in hit, ascending */

static pg_status_t
pg_cands_gather(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a,
    const uint64_t *hit)
{
    size_t     k, j, n, lo, hi, one;
    uint32_t  *pos;
    uint64_t   b;
    uint64_t  *mark;

    if (w->group == NULL) {
        pos = pg_arena_alloc(a, w->n * sizeof(uint32_t));
        if (pos == NULL) {
            return PG_ERR_NOMEM;
        }

        for (k = 0; k < w->n; k++) {
            pos[c->n] = w->word[k];
            c->n += pg_bit(hit, w->key[k]) != 0;
        }

        c->pos = pos;

        return PG_OK;
    }

    n = 0;
    one = PG_KEYS;

    for (k = 0; k < PG_KEYS; k++) {
        if (pg_bit(hit, k)) {
            one = n == 0 ? k : PG_KEYS;
            n += w->goff[k + 1] - w->goff[k];
        }
    }

    pos = pg_arena_alloc(a, n * sizeof(uint32_t));
    if (pos == NULL) {
        return PG_ERR_NOMEM;
    }

    c->pos = pos;

    if (one < PG_KEYS) {
        /* one key's group is in order already */
        for (j = w->goff[one]; j < w->goff[one + 1]; j++) {
            pos[c->n++] = w->word[w->group[j]];
        }

        return PG_OK;
    }

    /* several groups: their words marked, then read in order */

    mark = w->mark;
    lo = w->n;
    hi = 0;

    for (k = 0; k < PG_KEYS; k++) {
        if (!pg_bit(hit, k)) {
            continue;
        }

        for (j = w->goff[k]; j < w->goff[k + 1]; j++) {
            mark[w->group[j] >> 6] |= (uint64_t) 1 << (w->group[j] & 63);
            lo = w->group[j] < lo ? w->group[j] : lo;
            hi = w->group[j] > hi ? w->group[j] : hi;
        }
    }

    for (k = lo >> 6; n != 0 && k <= hi >> 6; k++) {
        for (b = mark[k]; b != 0; b &= b - 1) {
            pos[c->n++] = w->word[(k << 6) + __builtin_ctzll(b)];
        }

        mark[k] = 0;
    }

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


void
pg_keys_first(uint64_t *keys, const char *firsts)
{
    unsigned  lo;
    uint64_t  bits;

    memset(keys, 0, PG_KEY_WORDS * sizeof(uint64_t));

    /* the 28 keys of a first byte are keys lo .. lo + 27 */

    for ( /* void */ ; *firsts; firsts++) {
        lo = pg_key_class((unsigned char) *firsts) * 28;
        bits = ((uint64_t) 1 << 28) - 1;

        keys[lo >> 6] |= bits << (lo & 63);

        if ((lo & 63) > 64 - 28) {
            keys[(lo >> 6) + 1] |= bits >> (64 - (lo & 63));
        }
    }
}


void
pg_keys_add(uint64_t *keys, pg_cue_set_t *set)
{
    size_t           k;
    uint64_t         tmp[PG_KEY_WORDS];
    const uint64_t  *add;

    add = pg_cue_set_keys(set, tmp);

    for (k = 0; k < PG_KEY_WORDS; k++) {
        keys[k] |= add[k];
    }
}


pg_status_t
pg_cands_add_caps(pg_cands_t *c, const pg_words_t *w, pg_arena_t *a)
{
    return pg_cands_merge(c, a, w->cap, w->ncap);
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

        st = pg_cands_merge(c, a, pos, n);
        if (st != PG_OK) {
            return st;
        }
    }

    return PG_OK;
}


/* the candidates and n more offsets, ascending, as one ascending list */

static pg_status_t
pg_cands_merge(pg_cands_t *c, pg_arena_t *a, const uint32_t *add, size_t n)
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
    size_t  p;

    for (p = pg_cands_pos(c, pos); p < c->len; p = pg_cands_pos(c, p + 1)) {
        *m = pg_cues_at(c->text, c->len, p, c->cues, NULL);

        if (*m != 0) {
            return p;
        }
    }

    *m = 0;

    return c->len;
}


size_t
pg_cands_pos(pg_cands_t *c, size_t pos)
{
    size_t  lo, hi, mid;

    if (c->k > 0 && c->pos[c->k - 1] >= pos) {
        /* back before the cursor: rare, a binary search */
        lo = 0;
        hi = c->k;

        while (lo < hi) {
            mid = lo + (hi - lo) / 2;

            if (c->pos[mid] < pos) {
                lo = mid + 1;

            } else {
                hi = mid;
            }
        }

        c->k = lo;
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

const uint64_t *
pg_cue_set_keys(pg_cue_set_t *set, uint64_t *tmp)
{
    uint32_t  none;

    if (__atomic_load_n(&set->ready, __ATOMIC_ACQUIRE)) {
        return set->keys;
    }

    none = 0;

    if (!__atomic_compare_exchange_n(&set->claim, &none, 1, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        pg_cue_set_build(set->cues, tmp);
        return tmp;
    }

    pg_cue_set_build(set->cues, set->keys);
    __atomic_store_n(&set->ready, 1, __ATOMIC_RELEASE);

    return set->keys;
}


/*
 * The keys of the words a cue may match: its first byte a lower-case
 * letter (pg_cue_at() folds the text, not the cue, so no other first
 * byte matches a word that starts with a letter), its second byte a
 * letter or digit of that class, any other byte (a blank, a dot, the
 * cue's end) of the class "other".
 */

static void
pg_cue_set_build(const char *const *cues, uint64_t *keys)
{
    size_t         k;
    unsigned       key;
    unsigned char  c0, c1;

    memset(keys, 0, PG_KEY_WORDS * sizeof(uint64_t));

    for (k = 0; cues[k] != NULL; k++) {
        c0 = (unsigned char) cues[k][0];

        if (c0 < 'a' || c0 > 'z') {
            continue;
        }

        c1 = (unsigned char) cues[k][1];

        if (c1 >= 'A' && c1 <= 'Z') {
            continue;
        }

        key = pg_key(c0, c1);
        keys[key >> 6] |= (uint64_t) 1 << (key & 63);
    }
}
