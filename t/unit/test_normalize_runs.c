/*
 * Copyright (C) phigate authors
 *
 * Normaliser, large fields: above PG_NORM_DENSE_MAX bytes the offset
 * map is kept as runs, not as from[] and to[], and pg_norm_span() maps
 * spans through them as it does through the per-byte map: copied bytes
 * shift by what was removed before them, a decoded byte maps to all of
 * what it was decoded from.
 */


#include <stdlib.h>

#include "unit.h"
#include "pg_arena.h"
#include "pg_normalize.h"


#define TR_LEN  (PG_NORM_DENSE_MAX + 5000)


static void tr_span(const pg_norm_t *n, size_t off, size_t len,
    size_t want_off, size_t want_len);
static void test_runs_large(void **state);
static void test_runs_small_dense(void **state);


static void
tr_span(const pg_norm_t *n, size_t off, size_t len, size_t want_off,
    size_t want_len)
{
    size_t  o, l;

    pg_norm_span(n, off, len, &o, &l);

    assert_int_equal(o, want_off);
    assert_int_equal(l, want_len);
}


static void
test_runs_large(void **state)
{
    char        *in;
    size_t       k;
    pg_arena_t   a;
    pg_norm_t    n;

    /*
     * 'x' everywhere; "555&#45;1234" at 1000 (the entity is 5 bytes,
     * then one), a zero-width space (3 bytes, dropped) at 30000, a
     * fullwidth one (3 bytes, then one) at 60000, "%2D" at 70000.
     */

    in = malloc(TR_LEN);
    assert_non_null(in);
    memset(in, 'x', TR_LEN);

    memcpy(in + 1000, "555&#45;1234", 12);
    memcpy(in + 30000, "\xe2\x80\x8b", 3);
    memcpy(in + 60000, "\xef\xbc\x91", 3);
    memcpy(in + 70000, "%2D", 3);

    pg_arena_init(&a, 0);
    assert_int_equal(pg_normalize(&a, in, TR_LEN, &n), PG_OK);

    /* 4 + 3 + 2 + 2 bytes fewer */
    assert_int_equal(n.len, TR_LEN - 11);
    assert_int_equal(n.in_len, TR_LEN);
    assert_null(n.from);
    assert_null(n.to);
    assert_non_null(n.runs);
    assert_int_equal(n.text[n.len], '\0');

    assert_memory_equal(n.text + 1000, "555-1234", 8);
    assert_int_equal(n.text[60000 - 7], '1');
    assert_int_equal(n.text[70000 - 9], '-');

    /* before any change: the same offsets */
    tr_span(&n, 0, 1000, 0, 1000);

    /* the number: its hyphen was "&#45;" */
    tr_span(&n, 1000, 8, 1000, 12);
    tr_span(&n, 1003, 1, 1003, 5);
    tr_span(&n, 1004, 4, 1008, 4);

    /* across the dropped zero-width space */
    tr_span(&n, 29990, 20, 29994, 23);

    /* the fullwidth one, and the bytes after it */
    tr_span(&n, 60000 - 7, 1, 60000, 3);
    tr_span(&n, 60000 - 7, 2, 60000, 4);
    tr_span(&n, 60000 - 6, 5, 60003, 5);

    /* "%2D", and the last byte */
    tr_span(&n, 70000 - 9, 1, 70000, 3);
    tr_span(&n, n.len - 1, 1, TR_LEN - 1, 1);

    for (k = 0; k + 16 < n.len; k += 997) {
        size_t  o, l;

        pg_norm_span(&n, k, 16, &o, &l);
        assert_true(o <= k + 11 && o >= k && l >= 16 && o + l <= TR_LEN);
    }

    pg_arena_free(&a);
    free(in);
}


/* at PG_NORM_DENSE_MAX bytes and below, from[] and to[] are there */

static void
test_runs_small_dense(void **state)
{
    char        *in;
    pg_arena_t   a;
    pg_norm_t    n;

    in = malloc(PG_NORM_DENSE_MAX + 4);
    assert_non_null(in);
    memset(in, 'x', PG_NORM_DENSE_MAX + 4);
    memcpy(in + 10, "&#45;", 5);

    pg_arena_init(&a, 0);
    assert_int_equal(pg_normalize(&a, in, PG_NORM_DENSE_MAX + 4, &n),
                     PG_OK);

    assert_int_equal(n.len, PG_NORM_DENSE_MAX);
    assert_non_null(n.from);
    assert_null(n.runs);
    assert_int_equal(n.from[10], 10);
    assert_int_equal(n.to[10], 15);
    tr_span(&n, 10, 2, 10, 6);

    pg_arena_free(&a);
    free(in);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_runs_large),
        cmocka_unit_test(test_runs_small_dense),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
