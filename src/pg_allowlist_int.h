/*
 * Copyright (C) phigate authors
 *
 * The allow-list's canonical forms (pg_allowlist_fold.c), shared by the
 * parser and the filter (pg_allowlist.c) only.
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


/* longest canonical form; a longer text equals no entry */
#define PG_ALLOW_MAX      512
#define PG_ALLOW_ZIP_MAX  9


/*
 * The canonical form of s[0, n) (already normalised) as an entry of kind,
 * NUL-terminated in the arena.  Returns 0, 1 when the text cannot be one
 * (a phone number without 10 digits, a link without a host, too long),
 * -1 when out of memory.
 *
 *   PHONE    "6175550100": the digits without a leading 1; only digits,
 *            blanks and "+()-./" are allowed around them
 *   EMAIL    "press@hospital.org": lower case, one '@', no blank
 *   URL      "hospital.org/news": no scheme, host in lower case without
 *            "www.", one trailing '/' dropped
 *   NAME     "ana ruiz": the words (letters and digits, case-folded, marks
 *            stripped, '.' and apostrophes dropped, a possessive "'s"
 *            too) one space apart, without titles before ("dr", "mrs")
 *            and degrees after ("md", "rn")
 *   ADDRESS  "55 fruit st boston ma 02114": the words, street types and
 *            states abbreviated as the USPS does
 */
int pg_allow_fold(pg_arena_t *a, pg_allow_kind_t kind, const char *s,
    size_t n, char **out, size_t *len);

/* the digits of s[0, n) into out (at most max), or -1 for another byte */
int pg_allow_digits(const char *s, size_t n, const char *others, char *out,
    size_t max);


#endif /* _PG_ALLOWLIST_INT_H_INCLUDED_ */
