/*
 * Copyright (C) phigate authors
 *
 * The allow-list tests' fixture (test_allowlist.c, test_allowlist_context.c):
 * one list, and cases of a finding's text, alone or in a post with the
 * finding between double brackets ("Prayers for [[Ruiz]], Ana").
 */

#ifndef _PG_TEST_ALLOWLIST_H_INCLUDED_
#define _PG_TEST_ALLOWLIST_H_INCLUDED_


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_allowlist.h"


#define PG_FILE  "allow.txt"


static const char  pg_list[] =
    "# the hospital's own, never PHI\n"
    "phone:   (617) 555-0100\n"
    "fax:     617-555-0101\n"
    "phone:   1-800-356-9377\n"
    "email:   Press@Hospital.org\n"
    "url:     https://hospital.org/people/*\n"
    "url:     https://www.hospital.org/patients/stories\n"
    "url:     https://news.hospital.org/*\n"
    "name:    Dr. Ana Ruiz, MD\n"
    "name:    José Núñez\n"
    "name:    Chen, Mark, RN\n"
    "name:    Lan Do\n"
    "address: 55 Fruit Street, Boston, MA 02114\n"
    "\n"
    "   # inferred kinds\n"
    "+1 617 555 0199\r\n"
    "info@hospital.org\n"
    "www.hospital.org/careers\n"
    "1 Main Street, Springfield, Illinois 62701-1234\n"
    "Lee Park\n";

#define PG_LIST_ENTRIES  17


typedef struct {
    pg_allowlist_t  *al;
    char             err[256];
} pg_at_t;


typedef struct {
    pg_type_t      type;
    const char    *text;
    int            allowed;
} pg_case_t;


static inline int
pg_at_setup(void **state)
{
    pg_at_t  *fx;

    fx = calloc(1, sizeof(pg_at_t));
    if (fx == NULL) {
        return -1;
    }

    fx->al = pg_allowlist_parse(pg_list, sizeof(pg_list) - 1, PG_FILE,
                                fx->err, sizeof(fx->err));
    if (fx->al == NULL) {
        fprintf(stderr, "%s\n", fx->err);
        free(fx);
        return -1;
    }

    *state = fx;

    return 0;
}


static inline int
pg_at_teardown(void **state)
{
    pg_at_t  *fx = *state;

    pg_allowlist_free(fx->al);
    free(fx);

    return 0;
}


/*
 * Each case's text is a post with its finding between "[[" and "]]", or
 * without them the finding alone.
 */
static inline void
pg_at_expect(const pg_allowlist_t *al, const pg_case_t *c, size_t n)
{
    int          got;
    char         post[512];
    size_t       i, len, off, flen;
    const char  *open, *close;

    for (i = 0; i < n; i++) {
        len = strlen(c[i].text);
        assert_true(len < sizeof(post));

        open = strstr(c[i].text, "[[");
        close = (open != NULL) ? strstr(open, "]]") : NULL;

        if (close == NULL) {
            memcpy(post, c[i].text, len);
            off = 0;
            flen = len;

        } else {
            off = open - c[i].text;
            flen = close - open - 2;
            memcpy(post, c[i].text, off);
            memcpy(post + off, open + 2, flen);
            memcpy(post + off + flen, close + 2,
                   len - (close + 2 - c[i].text));
            len -= 4;
        }

        post[len] = '\0';
        got = pg_allowlist_allows_at(al, c[i].type, post, len, off, flen);

        if (got != c[i].allowed) {
            print_error("%s \"%s\": wanted %s\n", pg_type_name(c[i].type),
                        c[i].text, c[i].allowed ? "allowed" : "not allowed");
            fail();
        }
    }
}


#define pg_at_cases(state, cases)                                           \
    pg_at_expect(((pg_at_t *) *(state))->al, cases,                         \
                 sizeof(cases) / sizeof(cases[0]))


/* the cases against a list of their own, which holds entries entries */
static inline void
pg_at_list_expect(const char *list, size_t len, size_t entries,
    const pg_case_t *c, size_t n)
{
    char             err[256];
    pg_allowlist_t  *al;

    al = pg_allowlist_parse(list, len, PG_FILE, err, sizeof(err));
    assert_non_null(al);
    assert_int_equal(pg_allowlist_count(al), entries);

    pg_at_expect(al, c, n);
    pg_allowlist_free(al);
}


#define pg_at_list_cases(list, entries, cases)                              \
    pg_at_list_expect(list, sizeof(list) - 1, entries, cases,               \
                      sizeof(cases) / sizeof(cases[0]))


#endif /* _PG_TEST_ALLOWLIST_H_INCLUDED_ */
