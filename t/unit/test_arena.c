/*
 * Copyright (C) phigate authors
 *
 * The arena: what it hands out is aligned, zeroed by pg_arena_calloc(),
 * and the blocks of a freed arena serve the next request of the thread
 * (the same memory comes back) instead of going to free(): the test
 * mallocs blocks of the same sizes in between, which would take the
 * memory had the arena freed it.
 */


#include <stdint.h>
#include <stdlib.h>

#include "unit.h"
#include "pg_arena.h"


/* the arena's block and its header (pg_arena.c) */
#define TA_BLOCK  8192
#define TA_HDR    32


static void test_alloc(void **state);
static void test_kept_small(void **state);
static void test_kept_large(void **state);
static void test_limit(void **state);


static void
test_alloc(void **state)
{
    size_t       k;
    char        *p[64];
    pg_arena_t   a;

    pg_arena_init(&a, 0);

    for (k = 0; k < 64; k++) {
        p[k] = pg_arena_calloc(&a, k * 37 + 1);
        assert_non_null(p[k]);
        assert_int_equal((uintptr_t) p[k] % 16, 0);
        assert_int_equal(p[k][k * 37], 0);
        memset(p[k], (int) k, k * 37 + 1);
    }

    /* nothing handed out overlaps what another call got */
    for (k = 0; k < 64; k++) {
        assert_int_equal((unsigned char) p[k][0], k);
        assert_int_equal((unsigned char) p[k][k * 37], k);
    }

    pg_arena_free(&a);
}


/* a request's small block is the next request's */

static void
test_kept_small(void **state)
{
    char        *p, *q, *hog;
    pg_arena_t   a;

    pg_arena_init(&a, 0);
    p = pg_arena_alloc(&a, 100);
    assert_non_null(p);
    pg_arena_free(&a);

    hog = malloc(TA_HDR + TA_BLOCK);
    assert_non_null(hog);

    pg_arena_init(&a, 0);
    q = pg_arena_alloc(&a, 100);
    assert_ptr_equal(p, q);
    assert_non_null(pg_arena_calloc(&a, 200));
    pg_arena_free(&a);
    free(hog);
}


/* a large block comes back for a large allocation, not for a small one */

static void
test_kept_large(void **state)
{
    char        *small, *large, *p, *q, *hog1, *hog2;
    pg_arena_t   a;

    pg_arena_init(&a, 0);
    small = pg_arena_alloc(&a, 64);
    large = pg_arena_alloc(&a, 1024 * 1024);
    assert_non_null(small);
    assert_non_null(large);
    memset(large, 'x', 1024 * 1024);
    pg_arena_free(&a);

    hog1 = malloc(TA_HDR + TA_BLOCK);
    hog2 = malloc(TA_HDR + 1024 * 1024);
    assert_non_null(hog1);
    assert_non_null(hog2);

    pg_arena_init(&a, 0);
    p = pg_arena_alloc(&a, 64);
    q = pg_arena_calloc(&a, 1000 * 1000);
    assert_ptr_equal(p, small);
    assert_ptr_equal(q, large);
    assert_int_equal(q[999999], 0);
    pg_arena_free(&a);
    free(hog1);
    free(hog2);
}


static void
test_limit(void **state)
{
    pg_arena_t  a;

    pg_arena_init(&a, 1000);
    assert_non_null(pg_arena_alloc(&a, 500));
    assert_null(pg_arena_alloc(&a, 600));
    assert_non_null(pg_arena_alloc(&a, 400));
    assert_null(pg_arena_alloc(&a, SIZE_MAX - 8));
    pg_arena_free(&a);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_alloc),
        cmocka_unit_test(test_kept_small),
        cmocka_unit_test(test_kept_large),
        cmocka_unit_test(test_limit),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
