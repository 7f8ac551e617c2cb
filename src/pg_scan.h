/*
 * Copyright (C) phigate authors
 *
 * What a field holds, recorded once before the detectors run: its words
 * (runs of letters and digits), each with its length and a key of its
 * first two bytes, and which bytes occur at all.  Detectors then skip a
 * field that cannot hold what they look for, and visit only the words
 * where one of their cues may start (pg_cands_next()) or that have the
 * length their identifier has, instead of each scanning every byte of
 * the field for its own.
 *
 * A word's key is the class of its first byte (a letter, folded, or a
 * digit) and of its second byte: a letter (folded), a digit, or anything
 * else (a blank, a dot, the end of the text).  A cue list's keys are the
 * keys of the words its cues can match: a word whose key is not among
 * them is no match, so a detector that tries only the others finds what
 * trying every word finds.
 */

#ifndef _PG_SCAN_H_INCLUDED_
#define _PG_SCAN_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pg_arena.h"
#include "pg_status.h"


/* first byte: letter (26), digit; by second byte: letter, digit, other */
#define PG_KEYS          (27 * 28)
/* the keys of words that start with a digit: PG_KEY_DIGIT and above */
#define PG_KEY_DIGIT     (26 * 28)
/* a word's length as recorded: longer words are this long */
#define PG_WORD_LONG     255
#define PG_KEY_WORDS     ((PG_KEYS + 63) / 64)
/* a key and the class of the word's third byte: a finer filter */
#define PG_KEYS3         (PG_KEYS * 28)
#define PG_KEY3_WORDS    ((PG_KEYS3 + 63) / 64)

/* bytes of the field a detector may ask about (pg_words_t.bytes) */
#define PG_HAS_DIGIT     0x01
#define PG_HAS_AT        0x02     /* '@' */
#define PG_HAS_COLON     0x04     /* ':' */
#define PG_HAS_HIGH      0x08     /* a byte >= 0x80 */


/* the keys of a set, and the keys with the third byte's class */
typedef struct {
    uint64_t            k2[PG_KEY_WORDS];
    uint64_t            k3[PG_KEY3_WORDS];
} pg_keys_t;


/*
 * What a detector visits, its keys found on first use: the words where
 * a cue of the list may start, those of the first bytes ('0': any digit,
 * letters folded), and the sets of more.  A detector declares one with
 * static storage: `static pg_cue_set_t  x = pg_cue_set(list);` or
 * `pg_cue_set_of("0", more)`, more a NULL-terminated array of sets.
 */
typedef struct pg_cue_set_s  pg_cue_set_t;

struct pg_cue_set_s {
    const char *const   *cues;    /* NULL: none (pg_cands_next() unused) */
    const char          *firsts;  /* NULL: none */
    pg_cue_set_t *const *more;    /* NULL: none */
    uint32_t             ready;   /* keys are set: pg_cue_set_keys() */
    uint32_t             claim;
    pg_keys_t            keys;
};

#define pg_cue_set(list)  { (list), NULL, NULL, 0, 0, { { 0 }, { 0 } } }
#define pg_cue_set_of(firsts, more)                                         \
    { NULL, (firsts), (more), 0, 0, { { 0 }, { 0 } } }


/* the field's words; see pg_scan_init() in pg_detect.h */
typedef struct {
    uint32_t           *word;     /* word starts, ascending */
    uint16_t           *key;      /* their keys */
    uint16_t           *key3;     /* with their third bytes' classes */
    uint8_t            *wlen;     /* their lengths, PG_WORD_LONG at most */
    size_t              n;
    /* above PG_WORDS_FEW words: the words' indices grouped by key */
    uint32_t           *group;
    uint32_t           *goff;     /* key k's are group[goff[k]..goff[k+1]) */
    uint64_t           *mark;     /* scratch of n bits, kept all zero */
    /* up to PG_WORDS_FEW words: each key's words chained, ascending */
    uint16_t           *head;     /* a key's first word; only keys that
                                     occur are set */
    uint16_t           *chain;    /* a word's next of its key, or none */
    uint32_t           *digit;    /* the starts of words of a digit first */
    size_t              ndigit;
    uint32_t           *cap;      /* of a capital letter (A-Z) first */
    size_t              ncap;
    uint64_t            keys[PG_KEY_WORDS];   /* the keys that occur */
    unsigned            bytes;    /* PG_HAS_* */
} pg_words_t;


/* the candidates of one cue list in one field: pg_cands_init() */
typedef struct {
    const char         *text;
    size_t              len;
    const char *const  *cues;
    const uint32_t     *pos;      /* ascending */
    size_t              n;
    size_t              k;        /* the cursor */
} pg_cands_t;


/* records the words of text; w is set up by the caller's arena */
pg_status_t pg_words_index(pg_words_t *w, pg_arena_t *a, const char *text,
    size_t len);

/* the words of the field where something of set may start */
pg_status_t pg_cands_init(pg_cands_t *c, const pg_words_t *w,
    pg_arena_t *a, const char *text, size_t len, pg_cue_set_t *set);

/*
 * pg_cues_next() over the candidates: the first candidate at or after
 * pos where a cue of the list matches, its length in *m; len (and *m
 * 0) when there is none.
 */
size_t pg_cands_next(pg_cands_t *c, size_t pos, size_t *m);

/* the first candidate at or after pos, len when there is none */
size_t pg_cands_pos(pg_cands_t *c, size_t pos);

/* the first word from index k on of length n: its index, w->n: none */
static inline size_t
pg_words_of_len(const pg_words_t *w, size_t k, size_t n)
{
    const uint8_t  *p;

    if (k >= w->n) {
        return w->n;
    }

    p = memchr(w->wlen + k, (int) n, w->n - k);

    return p != NULL ? (size_t) (p - w->wlen) : w->n;
}

/* the first of n ascending offsets that is pos or after: n if none */
static inline size_t
pg_offsets_from(const uint32_t *off, size_t n, size_t pos)
{
    size_t  lo, hi, mid;

    lo = 0;
    hi = n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;

        if (off[mid] < pos) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return lo;
}

/* the words that start with a digit: where a number may start */
void pg_cands_digits(pg_cands_t *c, const pg_words_t *w, const char *text,
    size_t len);

/* adds to the candidates the words that start with a capital (A-Z) */
pg_status_t pg_cands_add_caps(pg_cands_t *c, const pg_words_t *w,
    pg_arena_t *a);

/* adds n offsets, ascending, to the candidates */
pg_status_t pg_cands_add(pg_cands_t *c, pg_arena_t *a, const uint32_t *add,
    size_t n);

/* adds to the candidates every offset of a byte of bytes */
pg_status_t pg_cands_add_bytes(pg_cands_t *c, pg_arena_t *a,
    const char *bytes);

/* the keys of a set, found on its first use */
const pg_keys_t *pg_cue_set_keys(pg_cue_set_t *set, pg_keys_t *tmp);


#endif /* _PG_SCAN_H_INCLUDED_ */
