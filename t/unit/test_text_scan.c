/*
 * Copyright (C) phigate authors
 *
 * The scanning helpers of pg_text.h: pg_next_digit(), pg_word_starts8()
 * (eight bytes at a time) and pg_alnum_end() find what a byte-by-byte
 * scan finds, at every offset and length, with the bytes next to the
 * ranges of letters and digits ('/', ':', '@', '[', '`', '{'), bytes of
 * 0x80 and above (0xc1 is 'A' | 0x80), and NULs.
 */


#include <stdlib.h>

#include "unit.h"
#include "pg_text.h"


#define TS_LEN  64


typedef size_t (*ts_scan_pt)(const char *t, size_t len, size_t pos);


static void ts_check(ts_scan_pt scan, int (*stop)(int c), unsigned seed);
static int ts_digit(int c);
static int ts_not_alnum(int c);
static size_t ts_next_digit(const char *t, size_t len, size_t pos);
static size_t ts_alnum_end(const char *t, size_t len, size_t pos);
static void test_next_digit(void **state);
static void test_alnum_end(void **state);
static void test_word_starts8(void **state);
static void test_classes(void **state);


static const char  ts_bytes[] =
    "09/:aZ \x80\xff\xb0\xba\x00-.@[`{zA\xc1\xe1";


/*
 * scan() at every offset of random texts, against the byte-by-byte scan
 * that stops at the first byte stop() takes.  Digits are rare, so that
 * pg_next_digit() skips eight bytes at a time.
 */

static void
ts_check(ts_scan_pt scan, int (*stop)(int c), unsigned seed)
{
    char    t[TS_LEN];
    size_t  k, i, len, pos, want;

    for (k = 0; k < 20000; k++) {
        len = rand_r(&seed) % TS_LEN;

        for (i = 0; i < len; i++) {
            t[i] = rand_r(&seed) % 12 == 0
                   ? ts_bytes[rand_r(&seed) % 2]
                   : ts_bytes[2 + rand_r(&seed) % (sizeof(ts_bytes) - 3)];
        }

        for (pos = 0; pos <= len; pos++) {
            for (want = pos; want < len && !stop(t[want]); want++) {
                /* void */
            }

            assert_int_equal(scan(t, len, pos), want);
        }
    }
}


static int
ts_digit(int c)
{
    return pg_isdigit(c);
}


static int
ts_not_alnum(int c)
{
    return !pg_isalnum(c);
}


static size_t
ts_next_digit(const char *t, size_t len, size_t pos)
{
    return pg_next_digit(t, len, pos);
}


static size_t
ts_alnum_end(const char *t, size_t len, size_t pos)
{
    return pg_alnum_end(t, len, pos);
}


static void
test_next_digit(void **state)
{
    ts_check(ts_next_digit, ts_digit, 11);
}


static void
test_alnum_end(void **state)
{
    ts_check(ts_alnum_end, ts_not_alnum, 12);
}


static void
test_word_starts8(void **state)
{
    char      t[TS_LEN];
    size_t    k, i, j, len, pos;
    uint64_t  s, prev;
    unsigned  seed;

    seed = 13;

    for (k = 0; k < 20000; k++) {
        len = 8 + rand_r(&seed) % (TS_LEN - 8);

        for (i = 0; i < len; i++) {
            t[i] = ts_bytes[rand_r(&seed) % (sizeof(ts_bytes) - 1)];
        }

        pos = rand_r(&seed) % (len - 7);
        prev = pos > 0 && pg_isalnum(t[pos - 1]) ? 0x80 : 0;

        for (i = pos; i + 8 <= len; i += 8) {
            s = pg_word_starts8(t, i, &prev);

            for (j = 0; j < 8; j++) {
                assert_int_equal((s >> (8 * j + 7)) & 1,
                                 pg_isalnum(t[i + j])
                                 && pg_word_start(t, i + j));
            }

            assert_int_equal(s & ~0x8080808080808080ULL, 0);
            assert_int_equal(prev, pg_isalnum(t[i + 7]) ? 0x80 : 0);
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
        cmocka_unit_test(test_word_starts8),
        cmocka_unit_test(test_classes),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
