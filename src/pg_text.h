/*
 * Copyright (C) phigate authors
 *
 * Small text helpers shared by the detectors, so that word boundaries,
 * cue words and digit runs mean the same thing in every detector.
 *
 * All helpers work on (text, len) byte ranges that may hold NULs and
 * invalid UTF-8; only ASCII bytes are ever classified, any byte >= 0x80
 * is "other" (neither letter, digit nor space).  Every helper does a
 * bounded amount of work per call, so detectors that call them a bounded
 * number of times per input byte stay linear.
 */

#ifndef _PG_TEXT_H_INCLUDED_
#define _PG_TEXT_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>
#include <string.h>


/* locale-independent ASCII classes; c is any char or int byte value */
#define pg_isdigit(c)  ((unsigned) ((unsigned char) (c) - '0') < 10)
#define pg_isalpha(c)                                                        \
    ((unsigned) (((unsigned char) (c) | 0x20) - 'a') < 26)
/* a table: detectors ask it of nearly every byte */
#define pg_isalnum(c)  (pg_alnum[(unsigned char) (c)])
#define pg_isspace(c)                                                        \
    ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r'                 \
     || (c) == '\f' || (c) == '\v')
#define pg_tolower(c)                                                        \
    ((unsigned char) ((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : (c)))
/* the value of a hex digit, -1 for any other byte */
#define pg_hex(c)                                                            \
    (pg_isdigit(c) ? (int) ((c) - '0')                                       \
     : pg_isalpha(c) && ((c) | 0x20) <= 'f' ? (int) (((c) | 0x20) - 'a' + 10) \
     : -1)


/* 1 for ASCII letters and digits, 0 for any other byte */
extern const unsigned char  pg_alnum[256];


/* the longest cue the lookback helpers account for */
#define PG_CUE_MAX      32

/* most digit groups pg_digit_groups() records */
#define PG_GROUPS_MAX   6


typedef struct {
    size_t         off[PG_GROUPS_MAX];
    size_t         len[PG_GROUPS_MAX];
    char           sep[PG_GROUPS_MAX];   /* separator before group i, 0 */
    size_t         n;
    size_t         end;                  /* just past the last group */
} pg_groups_t;


/* pos starts a word: the byte before is not a letter or digit */
static inline int
pg_word_start(const char *t, size_t pos)
{
    return pos == 0 || !pg_isalnum(t[pos - 1]);
}


/* pos ends a word: the byte at pos is not a letter or digit */
static inline int
pg_word_end(const char *t, size_t len, size_t pos)
{
    return pos >= len || !pg_isalnum(t[pos]);
}


/*
 * Cue lists (src/pg_cues.c) are NULL-terminated arrays of lower case
 * cues with static storage: each list is indexed on its first use by its
 * address.
 *
 * Matches cue (lower case ASCII) at t + pos case-insensitively as WHOLE
 * words: when the cue begins (ends) with a letter or digit the text must
 * have a word boundary there.  A space in the cue matches one or more
 * blanks.  Returns the length matched in t, 0 when there is no match.
 */
size_t pg_cue_at(const char *t, size_t len, size_t pos, const char *cue);

/*
 * Tries every cue of a NULL-terminated list at pos; returns the longest
 * match length (0: none) and its index in *which when which is not NULL.
 */
size_t pg_cues_at(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *which);

/*
 * The first word start at or after pos that begins with a letter and
 * where a cue of the list matches, its match length in *m: a detector's
 * scan for its cues.  Returns len (and *m 0) when there is none.
 */
size_t pg_cues_next(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *m);

/*
 * The first of the n ascending offsets at[*k ..] before len where a cue
 * of the list matches, its length in *m; *k is left at its index.  len
 * (and *m 0) when there is none.
 */
size_t pg_cues_first(const char *t, size_t len, const uint32_t *at,
    size_t n, size_t *k, const char *const *cues, size_t *m);

/* pg_cues_next(), the words that begin with a digit tried too */
size_t pg_cues_next_word(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *m);

/*
 * The start of the window that holds at most `words` words (runs of
 * letters and digits, an inner apostrophe included) before pos, and no
 * more than `bytes` bytes.
 */
size_t pg_back_words(const char *t, size_t pos, size_t words, size_t bytes);

/*
 * Whether one of the cues lies wholly within the `words` words (at most
 * `bytes` bytes) before pos.
 */
int pg_cue_before(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues);

/* the number of ASCII digits at t + pos, at most max */
static inline size_t
pg_digit_run(const char *t, size_t len, size_t pos, size_t max)
{
    size_t  n;

    for (n = 0; pos + n < len && n < max && pg_isdigit(t[pos + n]); n++) {
        /* void */
    }

    return n;
}


/*
 * The offset of the first ASCII digit at or after pos, len when there is
 * none: how the numeric detectors get from one number to the next.
 * Eight bytes at a time: a byte of w ^ "00000000" below 10 is a digit
 * (bytes >= 0x80 never are), the test of "a byte below n" in one word.
 */
static inline size_t
pg_next_digit(const char *t, size_t len, size_t pos)
{
    uint64_t  w;

    while (pos + 8 <= len) {
        memcpy(&w, t + pos, 8);
        w ^= 0x3030303030303030ULL;

        if (((w - 0x0a0a0a0a0a0a0a0aULL) & ~w & 0x8080808080808080ULL) != 0) {
            break;
        }

        pos += 8;
    }

    while (pos < len && !pg_isdigit(t[pos])) {
        pos++;
    }

    return pos;
}


/* the offset of the first byte c at or after pos, len when there is none */
static inline size_t
pg_next_byte(const char *t, size_t len, size_t pos, int c)
{
    const char  *p;

    p = pos < len ? memchr(t + pos, c, len - pos) : NULL;

    return p != NULL ? (size_t) (p - t) : len;
}


/*
 * The letters and digits among the 8 bytes at t + pos, the caller having
 * checked pos + 8 <= len: byte k is one when bit 8 * k + 7 is set.
 * SWAR: with a byte's top bit cleared, b is in [lo, hi] when
 * b + 0x80 - lo has its top bit set and b + 0x7f - hi not; no sum
 * carries into the next byte.
 */
static inline uint64_t
pg_alnum8(const char *t, size_t pos)
{
    uint64_t  w, b, d, l;

    memcpy(&w, t + pos, 8);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif

    b = w & 0x7f7f7f7f7f7f7f7fULL;
    d = (b + 0x5050505050505050ULL) & ~(b + 0x4646464646464646ULL);
    l = b | 0x2020202020202020ULL;
    l = (l + 0x1f1f1f1f1f1f1f1fULL) & ~(l + 0x0505050505050505ULL);

    return (d | l) & ~w & 0x8080808080808080ULL;
}


/*
 * The word starts among the 8 bytes at t + pos, as pg_alnum8(): byte k
 * starts a word when bit 8 * k + 7 is set.  *prev is 0x80 when the byte
 * before them is a letter or digit, and is set for the next 8.
 */
static inline uint64_t
pg_word_starts8(const char *t, size_t pos, uint64_t *prev)
{
    uint64_t  a, s;

    a = pg_alnum8(t, pos);
    s = a & ~((a << 8) | *prev);
    *prev = a >> 56;

    return s;
}


/* the end of the letters and digits at pos: pos itself when there are none */
static inline size_t
pg_alnum_end(const char *t, size_t len, size_t pos)
{
    while (pos < len && pg_isalnum(t[pos])) {
        pos++;
    }

    return pos;
}


/* the value of n digits at t + pos, which the caller has checked */
static inline unsigned long
pg_digits_value(const char *t, size_t pos, size_t n)
{
    unsigned long  v;

    for (v = 0; n; n--, pos++) {
        v = v * 10 + (unsigned long) (t[pos] - '0');
    }

    return v;
}


/*
 * Scans at most max (<= PG_GROUPS_MAX) groups of digits from pos, each
 * separated from the next by exactly one byte of seps (may be "").
 * A group longer than 16 digits ends the scan.  Returns the number of
 * groups found (g->n), 0 when t[pos] is not a digit.
 */
size_t pg_digit_groups(const char *t, size_t len, size_t pos,
    const char *seps, size_t max, pg_groups_t *g);

/*
 * Number boundaries: a number may start at pos when the byte before is
 * neither a letter or digit nor a joiner ("-./,") that follows a digit,
 * so "12-555-123-4567" or "1.555" are not read from their middle; it may
 * end at pos under the mirror rule.
 */
#define pg_num_joiner(c)                                                     \
    ((c) == '-' || (c) == '.' || (c) == '/' || (c) == ',')


static inline int
pg_num_start(const char *t, size_t pos)
{
    if (pos == 0) {
        return 1;
    }

    if (pg_isalnum(t[pos - 1])) {
        return 0;
    }

    if (pg_num_joiner(t[pos - 1]) && pos >= 2 && pg_isdigit(t[pos - 2])) {
        return 0;
    }

    return 1;
}


static inline int
pg_num_end(const char *t, size_t len, size_t pos)
{
    if (pos >= len) {
        return 1;
    }

    if (pg_isalnum(t[pos])) {
        return 0;
    }

    if (pg_num_joiner(t[pos]) && pos + 1 < len && pg_isdigit(t[pos + 1])) {
        return 0;
    }

    return 1;
}


/*
 * Whether pos is inside a URL-looking token (one that has "://" or
 * starts with "www." before pos).  Looks back at most 256 bytes.
 */
int pg_in_url(const char *t, size_t pos);


/* Luhn (mod 10) check over n ASCII digits d[0..n) */
int pg_luhn(const char *d, size_t n);

/*
 * The length of what lies between a cue and the value it introduces:
 * blanks, ':', '#', '.', '=', '-', '(' and the filler words of the
 * NULL-terminated list (may be NULL), "MRN is: ", "number #"; at most
 * max bytes.
 */
size_t pg_skip_gap(const char *t, size_t len, size_t pos, size_t max,
    const char *const *fillers);

/* an identifier token: see pg_id_token() */
typedef struct {
    size_t         len;       /* bytes, inner hyphens included */
    size_t         alnum;
    size_t         digits;
    size_t         letters;
} pg_token_t;

/*
 * Reads an identifier at pos: letters and digits with single inner
 * hyphens ("00-123456", "INV-2024-0042"), at most max bytes, starting at
 * a word start and ending at a number end (so "12,345" and "1.5" are
 * not read as "12" or "1").  Returns tok->len, 0 when there is none.
 */
size_t pg_id_token(const char *t, size_t len, size_t pos, size_t max,
    pg_token_t *tok);

/*
 * Like pg_cue_before(), but returns the offset just past the last cue
 * that ends before pos in the window (0: none), so that two cue lists
 * can be compared by which one comes last.
 */
size_t pg_cue_last(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues);

/*
 * Whether one of the cues starts within the `words` words (at most
 * `bytes` bytes) from pos on: context after a number ("... birthday to
 * our patient").
 */
int pg_cue_after(const char *t, size_t len, size_t pos, size_t words,
    size_t bytes, const char *const *cues);


#endif /* _PG_TEXT_H_INCLUDED_ */
