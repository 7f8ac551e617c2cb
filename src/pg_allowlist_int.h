/*
 * Copyright (C) phigate authors
 *
 * The allow-list's insides, shared by its files only: the sorted key sets
 * an entry becomes (pg_allowlist_set.c), the canonical forms
 * (pg_allowlist_fold.c), names (pg_allowlist_name.c), addresses and
 * their ZIP codes (pg_allowlist_addr.c), parsing and the filter
 * (pg_allowlist.c).
 *
 * Every question the filter asks is a binary search in a sorted set of
 * keys, a bounded number of times per finding (at most a few dozen keys
 * are tried), so a list of thousands of staff names costs a finding a
 * dozen comparisons more, not a scan.
 */

#ifndef _PG_ALLOWLIST_INT_H_INCLUDED_
#define _PG_ALLOWLIST_INT_H_INCLUDED_


#include "pg_allowlist.h"
#include "pg_arena.h"


typedef enum {
    PG_ALLOW_PHONE = 0,          /* PHONE and FAX findings */
    PG_ALLOW_EMAIL,
    PG_ALLOW_URL,
    PG_ALLOW_NAME,
    PG_ALLOW_ADDRESS,            /* and the ZIP code after one */
    PG_ALLOW__KINDS
} pg_allow_kind_t;


/* the sets of keys an allow-list is made of */
typedef enum {
    PG_SET_PHONE = 0,            /* "6175550100" */
    PG_SET_EMAIL,                /* "press@hospital.org" */
    PG_SET_URL,                  /* "hospital.org/news": that link */
    PG_SET_URL_PREFIX,           /* "hospital.org/people/": under it */
    PG_SET_NAME,                 /* "ana ruiz": a full name */
    PG_SET_SURNAME,              /* "ruiz": after a staff title only */
    PG_SET_NAME_WORD,            /* "ana", "ruiz": any word of a name */
    PG_SET_ADDRESS,              /* "55 fruit st boston": a written form */
    PG_SET_ZIP,                  /* "55 fruit st boston ma 02114", aux:
                                    the ZIP+4's last 4 digits + 1, or 0 */
    PG_SET_ZIP5,                 /* "02114": some address has it */
    PG_SET__N
} pg_allow_set_id_t;


typedef struct {
    const char    *s;
    uint32_t       len;
    uint32_t       aux;
} pg_allow_key_t;


typedef struct {
    pg_allow_key_t  *items;
    size_t           n;
    size_t           cap;
} pg_allow_set_t;


struct pg_allowlist_s {
    pg_arena_t         arena;
    pg_allow_set_t     sets[PG_SET__N];
    size_t             n;              /* entries */
};


/* longest canonical form; a longer text equals no entry */
#define PG_ALLOW_MAX        512
#define PG_ALLOW_ZIP_MAX    9
/* most words a name or address text is read as */
#define PG_ALLOW_WORDS_MAX  96


/* copies s[0, len) into the list's arena; -1 when out of memory */
int pg_allow_set_add(pg_allowlist_t *al, pg_allow_set_id_t id,
    const char *s, size_t len, uint32_t aux);

/* sorts every set and drops repeated keys: once, after parsing */
void pg_allow_set_sort(pg_allowlist_t *al);

/*
 * The first key equal to s[0, len), NULL when there is none; equal keys
 * (with another aux) follow it up to the set's end.
 */
const pg_allow_key_t *pg_allow_set_find(const pg_allowlist_t *al,
    pg_allow_set_id_t id, const char *s, size_t len);

/* one past the set's last key */
const pg_allow_key_t *pg_allow_set_end(const pg_allowlist_t *al,
    pg_allow_set_id_t id);


/*
 * The canonical form of s[0, n) (already normalised) as an entry of kind,
 * NUL-terminated in the arena.  Returns 0, 1 when the text cannot be one
 * (a phone number without 10 digits, a link without a host, too long),
 * -1 when out of memory.
 *
 *   PHONE    "6175550100": the digits without a leading 1, letters read
 *            on a keypad ("1-800-FLOWERS"), an extension ("x123", "ext.
 *            123") dropped; only blanks and "+()-./" around them
 *   EMAIL    "press@hospital.org": lower case, one '@', no blank;
 *            "mailto:" and "press [at] hospital [dot] org" read
 *   URL      "hospital.org/news?id=4": no scheme, host in lower case
 *            without "www.", a last '/' of the path, tracking parameters
 *            (utm_*, fbclid ...) and an anchor ("#visiting-hours")
 *            dropped
 *
 * Names and addresses have their own (pg_allowlist_name.c,
 * pg_allow_address_fold()).
 */
int pg_allow_fold(pg_arena_t *a, pg_allow_kind_t kind, const char *s,
    size_t n, char **out, size_t *len);

/*
 * Letters and digits of s[0, n), case-folded, without marks, words one
 * space apart ('.' and apostrophes join, a possessive "'s" goes) into
 * out (PG_ALLOW_MAX + 8 bytes).  Returns the length, more than
 * PG_ALLOW_MAX when the text is too long.
 */
size_t pg_allow_fold_chars(const char *s, size_t n, char *out);

/* the digits of s[0, n) into out (at most max), or -1 for another byte */
int pg_allow_digits(const char *s, size_t n, const char *others, char *out,
    size_t max);

/* 1 when the word w[0, n) (lower case) is one of list's */
int pg_allow_in(const char *const *list, const char *w, size_t n);


/* names: pg_allowlist_name.c */
int pg_allow_name_entry(pg_allowlist_t *al, pg_arena_t *tmp, const char *s,
    size_t n);
int pg_allow_name_at(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *t, size_t len, size_t off, size_t flen);

/*
 * addresses and ZIP codes: pg_allowlist_addr.c; the fold is
 * "55 fruit st boston ma 02114": the words, street types and states
 * abbreviated as the USPS does, a suite, floor, building or wing dropped
 */
int pg_allow_address_fold(pg_arena_t *a, const char *s, size_t n,
    char **out, size_t *len);
int pg_allow_address_entry(pg_allowlist_t *al, pg_arena_t *tmp,
    const char *s, size_t n);
int pg_allow_address_is(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *s, size_t n);
int pg_allow_zip_at(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *t, size_t len, size_t off, size_t flen);


#endif /* _PG_ALLOWLIST_INT_H_INCLUDED_ */
