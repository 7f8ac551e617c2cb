/*
 * Copyright (C) phigate authors
 *
 * Word sets (src/pg_wordset.c): a word's bits are the lists it is in,
 * as comparing it with every list word case-insensitively says, whether
 * the set is hashed or (lists it cannot hash) scanned; the folded lookup
 * answers as the plain one.
 */


#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "pg_lexicon.h"
#include "pg_wordset.h"


static uint32_t tw_ref(const char *const *const *lists, const char *w,
    size_t len);
static void tw_check(pg_wordset_t *ws, const char *w, size_t len);
static void tw_every_word(pg_wordset_t *ws);
static void test_wordset_lists(void **state);
static void test_wordset_may(void **state);
static void test_wordset_scanned(void **state);
static void test_wordset_near_words(void **state);
static void test_wordset_in_text(void **state);


static const char *const  tw_titles[] = {
    "mr", "mrs", "ms", "dr", "prof", NULL
};

static const char *const  tw_rooms[] = {
    "room", "bed", "rm", "ward", "bedside", "children's", NULL
};

/* "ms" twice, "bed" in two lists, long words */
static const char *const  tw_more[] = {
    "ms", "bed", "classification", "thanksgiving", "a", "o'neill",
    "caf\xc3\xa9", NULL
};

static const char *const *const  tw_lists[] = {
    tw_titles, tw_rooms, tw_more, NULL
};

/* a word the set cannot hash (longer than PG_LEX_WORD_MAX): it scans */
static const char *const  tw_long[] = {
    "ms", "pneumonoultramicroscopicsilicovolcanoconiosis", "Upper", NULL
};

static const char *const *const  tw_long_lists[] = {
    tw_titles, tw_long, NULL
};

static pg_wordset_t  tw_set = { .lists = tw_lists };
static pg_wordset_t  tw_long_set = { .lists = tw_long_lists };

static const char *const *const  tw_titles_lists[] = { tw_titles, NULL };
static pg_wordset_t  tw_titles_set = { .lists = tw_titles_lists };


/* what comparing the word with every list word gives */

static uint32_t
tw_ref(const char *const *const *lists, const char *w, size_t len)
{
    size_t       k, j, i;
    uint32_t     bits;
    const char  *p;

    bits = 0;

    for (k = 0; lists[k] != NULL; k++) {
        for (j = 0; (p = lists[k][j]) != NULL; j++) {
            if (strlen(p) != len) {
                continue;
            }

            for (i = 0; i < len; i++) {
                if ((w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 0x20 : w[i])
                    != p[i])
                {
                    break;
                }
            }

            if (i == len) {
                bits |= (uint32_t) 1 << k;
            }
        }
    }

    return bits;
}


/* both lookups of the word answer as the reference */

static void
tw_check(pg_wordset_t *ws, const char *w, size_t len)
{
    uint32_t             ref;
    uint64_t             fw[PG_LEX_FOLD_WORDS];
    const pg_wordset_t  *ready;

    ref = tw_ref(ws->lists, w, len);

    assert_int_equal(pg_wordset_bits(ws, w, len), ref);

    /* the shape filter never says no to a word in a list */
    ready = pg_wordset_ready(ws);

    if (ready != NULL && ref != 0) {
        assert_true(pg_wordset_may(ready, w, len));
    }

    if (len > 0 && len <= PG_LEX_WORD_MAX) {
        pg_lex_fold(fw, w, len, len);
        assert_int_equal(pg_wordset_folded(ws, fw, len, pg_lex_hash(fw, len)),
                         ref);
    }
}


/* every list word, as written, capitalised and in capitals */

static void
tw_every_word(pg_wordset_t *ws)
{
    char         buf[64];
    size_t       k, j, i, len;
    const char  *p;

    for (k = 0; ws->lists[k] != NULL; k++) {
        for (j = 0; (p = ws->lists[k][j]) != NULL; j++) {
            len = strlen(p);
            assert_true(len < sizeof(buf));

            tw_check(ws, p, len);

            for (i = 0; i < len; i++) {
                buf[i] = (char) (p[i] >= 'a' && p[i] <= 'z' ? p[i] - 32
                                                            : p[i]);
            }

            tw_check(ws, buf, len);

            memcpy(buf + 1, p + 1, len - 1);
            tw_check(ws, buf, len);
        }
    }
}


static void
test_wordset_lists(void **state)
{
    tw_every_word(&tw_set);

    assert_int_equal(pg_wordset_bits(&tw_set, "Ms", 2), 0x5);
    assert_int_equal(pg_wordset_bits(&tw_set, "BED", 3), 0x6);
    assert_int_equal(pg_wordset_bits(&tw_set, "Room", 4), 0x2);
    assert_int_equal(pg_wordset_bits(&tw_set, "O'NEILL", 7), 0x4);
    assert_int_equal(pg_wordset_bits(&tw_set, "CAF\xc3\xa9", 5), 0x4);
    /* non-ASCII letters are not folded */
    assert_int_equal(pg_wordset_bits(&tw_set, "CAF\xc3\x89", 5), 0);
    assert_int_equal(pg_wordset_bits(&tw_set, "patient", 7), 0);
    assert_int_equal(pg_wordset_bits(&tw_set, "", 0), 0);
}


/* the shape filter: first and last letters and length */

static void
test_wordset_may(void **state)
{
    const pg_wordset_t  *ws;

    ws = pg_wordset_ready(&tw_set);
    assert_non_null(ws);

    assert_true(pg_wordset_may(ws, "Room", 4));
    assert_true(pg_wordset_may(ws, "BED", 3));
    /* the same shape as "bed" */
    assert_true(pg_wordset_may(ws, "bad", 3));
    assert_false(pg_wordset_may(ws, "cat", 3));
    assert_false(pg_wordset_may(ws, "beds", 4));
    assert_false(pg_wordset_may(ws, "ROOMMATE", 8));
    /* "caf\xc3\xa9" ends in no letter: any such word may be */
    assert_true(pg_wordset_may(ws, "4", 1));

    ws = pg_wordset_ready(&tw_titles_set);
    assert_non_null(ws);
    assert_true(pg_wordset_may(ws, "Mrs", 3));
    assert_false(pg_wordset_may(ws, "4", 1));
    assert_false(pg_wordset_may(ws, "the", 3));

    /* a set that does not fit its table is never ready */
    assert_null(pg_wordset_ready(&tw_long_set));
}


static void
test_wordset_scanned(void **state)
{
    tw_every_word(&tw_long_set);

    assert_int_equal(pg_wordset_bits(&tw_long_set, "MS", 2), 0x3);
    /* a list word with a capital matches nothing */
    assert_int_equal(pg_wordset_bits(&tw_long_set, "Upper", 5), 0);
    assert_int_equal(pg_wordset_bits(&tw_long_set, "upper", 5), 0);
    assert_int_equal(
        pg_wordset_bits(&tw_long_set,
                        "PNEUMONOULTRAMICROSCOPICSILICOVOLCANOCONIOSIS", 45),
        0x2);
}


/* prefixes, extensions, one byte changed: in the lists only as such */

static void
test_wordset_near_words(void **state)
{
    char         buf[64];
    size_t       k, j, len;
    unsigned     seed;
    const char  *p;

    for (k = 0; tw_lists[k] != NULL; k++) {
        for (j = 0; (p = tw_lists[k][j]) != NULL; j++) {
            len = strlen(p);
            memcpy(buf, p, len);

            tw_check(&tw_set, buf, len - 1);

            buf[len] = 's';
            tw_check(&tw_set, buf, len + 1);

            buf[len - 1] ^= 0x01;
            tw_check(&tw_set, buf, len);
        }
    }

    seed = 11;

    for (k = 0; k < 100000; k++) {
        len = 1 + rand_r(&seed) % 12;

        for (j = 0; j < len; j++) {
            buf[j] = "mrsdboeMRSDBOE'\xc3"[rand_r(&seed) % 16];
        }

        tw_check(&tw_set, buf, len);
        tw_check(&tw_long_set, buf, len);
    }
}


/* pg_lex_fold() reads whole 8-byte words of the text past a word */

static void
test_wordset_in_text(void **state)
{
    size_t       i, len;
    uint64_t     fw[PG_LEX_FOLD_WORDS];
    const char  *t;

    t = "Bed 4, MRS Chen's ROOM; Dr. Thanksgiving-Day";

    for (i = 0; t[i] != '\0'; i++) {
        /* each prefix of the rest of the text, read with what follows */
        for (len = 1; len <= 14 && t[i + len - 1] != '\0'; len++) {
            pg_lex_fold(fw, t + i, len, strlen(t + i));
            assert_int_equal(pg_wordset_folded(&tw_set, fw, len,
                                               pg_lex_hash(fw, len)),
                             tw_ref(tw_lists, t + i, len));
        }
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_wordset_lists),
        cmocka_unit_test(test_wordset_may),
        cmocka_unit_test(test_wordset_scanned),
        cmocka_unit_test(test_wordset_near_words),
        cmocka_unit_test(test_wordset_in_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
