/*
 * Copyright (C) phigate authors
 *
 * The word table's lookup (src/pg_lexicon.c): every word of the table is
 * found, in any case, with the classes a binary search over the sorted
 * table gives; prefixes, extensions and odd bytes are found only when
 * the table has them.
 */


#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "pg_lexicon.h"
#include "pg_text.h"


static unsigned tl_ref(const char *w, size_t len);
static void test_lex_every_word(void **state);
static void test_lex_near_words(void **state);
static void test_lex_odd_input(void **state);
static void test_lex_folded_in_text(void **state);


/* what pg_lex_lookup() answered before it hashed: a binary search */

static unsigned
tl_ref(const char *w, size_t len)
{
    int       c, lower;
    char      buf[PG_LEX_WORD_MAX + 1];
    size_t    i, lo, hi, mid;
    unsigned  flags;

    if (len == 0 || len > PG_LEX_WORD_MAX) {
        return 0;
    }

    lower = 0;

    for (i = 0; i < len; i++) {
        if (w[i] == '\0') {
            return 0;
        }

        lower |= (w[i] >= 'a' && w[i] <= 'z');
        buf[i] = (char) pg_tolower(w[i]);
    }

    buf[len] = '\0';
    lo = 0;
    hi = pg_lex_n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = strcmp(buf, pg_lex_blob + (pg_lex_index[mid] >> 8));

        if (c == 0) {
            flags = pg_lex_index[mid] & 0xff;

            if ((flags & PG_LEX_CAPS) && lower) {
                flags &= ~(unsigned) (PG_LEX_HEALTH | PG_LEX_STAFF);
            }

            return flags;
        }

        if (c < 0) {
            hi = mid;

        } else {
            lo = mid + 1;
        }
    }

    return 0;
}


static void
test_lex_every_word(void **state)
{
    char         up[PG_LEX_WORD_MAX + 1];
    size_t       k, i, len;
    const char  *w;

    for (k = 0; k < pg_lex_n; k++) {
        w = pg_lex_blob + (pg_lex_index[k] >> 8);
        len = strlen(w);

        assert_int_equal(pg_lex_lookup(w, len), tl_ref(w, len));

        if (len > PG_LEX_WORD_MAX) {
            continue;
        }

        /* capitalised and upper case: PG_LEX_CAPS words differ */
        for (i = 0; i < len; i++) {
            up[i] = (char) (w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
        }

        assert_int_equal(pg_lex_lookup(up, len), tl_ref(up, len));
        assert_int_equal(pg_lex_lookup(up, 1), tl_ref(up, 1));

        memcpy(up + 1, w + 1, len - 1);
        assert_int_equal(pg_lex_lookup(up, len), tl_ref(up, len));
    }
}


static void
test_lex_near_words(void **state)
{
    char         buf[PG_LEX_WORD_MAX + 2];
    size_t       k, len;
    const char  *w;

    for (k = 0; k < pg_lex_n; k += 7) {
        w = pg_lex_blob + (pg_lex_index[k] >> 8);
        len = strlen(w);

        if (len >= PG_LEX_WORD_MAX) {
            continue;
        }

        /* the word with one more letter, and without its last */
        memcpy(buf, w, len);
        buf[len] = 'q';
        assert_int_equal(pg_lex_lookup(buf, len + 1), tl_ref(buf, len + 1));
        assert_int_equal(pg_lex_lookup(buf, len - 1), tl_ref(buf, len - 1));

        buf[0] = 'x';
        assert_int_equal(pg_lex_lookup(buf, len), tl_ref(buf, len));
    }
}


static void
test_lex_odd_input(void **state)
{
    unsigned  seed;
    char      buf[40];
    size_t    k, i, len;

    assert_int_equal(pg_lex_lookup("", 0), 0);
    assert_int_equal(pg_lex_lookup("ab\0cd", 5), 0);
    assert_int_equal(pg_lex_lookup("abcdefghijklmnopqrstuvwxyzabcdefgh", 32),
                     0);

    seed = 7;

    for (k = 0; k < 200000; k++) {
        len = 1 + rand_r(&seed) % 8;

        for (i = 0; i < len; i++) {
            buf[i] = (char) ("aeiourstlnmAEIOU\xc3\xa9'-"[rand_r(&seed) % 21]);
        }

        assert_int_equal(pg_lex_lookup(buf, len), tl_ref(buf, len));
    }
}


/*
 * pg_lex_lookup_folded() of a word inside a text: pg_lex_fold() reads
 * whole 8-byte words past the word's end, and must not see those bytes.
 */

static void
test_lex_folded_in_text(void **state)
{
    char         buf[PG_LEX_WORD_MAX + 16];
    size_t       k, i, len, tail;
    uint64_t     fw[PG_LEX_FOLD_WORDS];
    const char  *w;

    for (k = 0; k < pg_lex_n; k += 3) {
        w = pg_lex_blob + (pg_lex_index[k] >> 8);
        len = strlen(w);

        if (len > PG_LEX_WORD_MAX) {
            continue;
        }

        for (tail = 0; tail < 16; tail += 5) {
            /* capitals every other word, then letters that extend it */
            for (i = 0; i < len; i++) {
                buf[i] = (char) (k % 2 && w[i] >= 'a' && w[i] <= 'z'
                                 ? w[i] - 32 : w[i]);
            }

            memset(buf + len, 'E', tail);

            pg_lex_fold(fw, buf, len, len + tail);
            assert_int_equal(pg_lex_lookup_folded(fw, len,
                                                  pg_lex_hash(fw, len), buf),
                             tl_ref(buf, len));
        }
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_lex_every_word),
        cmocka_unit_test(test_lex_near_words),
        cmocka_unit_test(test_lex_odd_input),
        cmocka_unit_test(test_lex_folded_in_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
