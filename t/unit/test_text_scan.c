/*
 * Copyright (C) phigate authors
 *
 * The scanning helpers of pg_text.h: pg_next_digit() (eight bytes at a
 * time) and pg_alnum_end() find what a byte-by-byte scan finds, at every
 * offset and length, with the bytes next to '0'-'9' ('/', ':'), bytes
 * of 0x80 and above, and NULs.
 */


#include <stdlib.h>

#include "unit.h"
#include "pg_text.h"


#define TS_LEN  64


static void test_next_digit(void **state);
static void test_alnum_end(void **state);
static void test_classes(void **state);


static const char  ts_bytes[] = "09/:aZ \x80\xff\xb0\xba\x00-.";


static void
test_next_digit(void **state)
{
    char      t[TS_LEN];
    size_t    k, i, len, pos, want;
    unsigned  seed;

    seed = 11;

    for (k = 0; k < 20000; k++) {
        len = rand_r(&seed) % TS_LEN;

        for (i = 0; i < len; i++) {
            /* mostly non-digits, so that whole words are skipped */
            t[i] = rand_r(&seed) % 12 == 0
                   ? ts_bytes[rand_r(&seed) % 2]
                   : ts_bytes[2 + rand_r(&seed) % (sizeof(ts_bytes) - 3)];
        }

        for (pos = 0; pos <= len; pos++) {
            for (want = pos; want < len && !pg_isdigit(t[want]); want++) {
                /* void */
            }

            assert_int_equal(pg_next_digit(t, len, pos), want);
        }
    }
}


static void
test_alnum_end(void **state)
{
    char      t[TS_LEN];
    size_t    k, i, len, pos, want;
    unsigned  seed;

    seed = 12;

    for (k = 0; k < 5000; k++) {
        len = rand_r(&seed) % TS_LEN;

        for (i = 0; i < len; i++) {
            t[i] = ts_bytes[rand_r(&seed) % (sizeof(ts_bytes) - 1)];
        }

        for (pos = 0; pos <= len; pos++) {
            for (want = pos; want < len && pg_isalnum(t[want]); want++) {
                /* void */
            }

            assert_int_equal(pg_alnum_end(t, len, pos), want);
        }
    }
}


/* pg_isalnum()'s table against the definition, for every byte */

static void
test_classes(void **state)
{
    int  c;

    for (c = 0; c < 256; c++) {
        assert_int_equal(pg_isalnum(c),
                         (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                         || (c >= 'A' && c <= 'Z'));
        assert_int_equal(pg_isalnum((char) c), pg_isalnum(c));
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_next_digit),
        cmocka_unit_test(test_alnum_end),
        cmocka_unit_test(test_classes),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
