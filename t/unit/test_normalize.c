/*
 * Copyright (C) phigate authors
 *
 * Normaliser: what is folded, dropped and kept, and the offset map.
 */


#include "detect_fixture.h"


static void pg_tn(pg_dt_t *fx, const char *in, size_t len, pg_norm_t *n);
static void test_norm_ascii(void **state);
static void test_norm_format_chars(void **state);
static void test_norm_fullwidth(void **state);
static void test_norm_decimal_digits(void **state);
static void test_norm_spaces_dashes(void **state);
static void test_norm_other_kept(void **state);
static void test_norm_invalid_utf8(void **state);
static void test_norm_span(void **state);


/* normalises len bytes from an exact-size copy of in */
static void
pg_tn(pg_dt_t *fx, const char *in, size_t len, pg_norm_t *n)
{
    free(fx->copy);
    fx->copy = malloc(len ? len : 1);
    assert_non_null(fx->copy);
    memcpy(fx->copy, in, len);

    assert_int_equal(pg_normalize(&fx->arena, fx->copy, len, n), PG_OK);
    assert_int_equal(n->in_len, len);
    assert_int_equal(n->text[n->len], '\0');
}


static void
test_norm_ascii(void **state)
{
    pg_norm_t  n;

    pg_tn(*state, "SSN 123-45-6789", 15, &n);
    assert_int_equal(n.len, 15);
    assert_memory_equal(n.text, "SSN 123-45-6789", 15);
    assert_null(n.from);

    /* the result is a copy, terminated, even from an unterminated input */
    assert_ptr_not_equal(n.text, ((pg_dt_t *) *state)->copy);

    pg_tn(*state, "", 0, &n);
    assert_int_equal(n.len, 0);

    pg_tn(*state, "a\0b", 3, &n);
    assert_int_equal(n.len, 3);
    assert_memory_equal(n.text, "a\0b", 3);
}


static void
test_norm_format_chars(void **state)
{
    pg_norm_t  n;

    /* U+200B U+200C U+200D U+2060 U+FEFF U+00AD between digits */
    static const char  in[] =
        "1\xe2\x80\x8b" "2\xe2\x80\x8c" "3\xe2\x80\x8d" "4\xe2\x81\xa0"
        "5\xef\xbb\xbf" "6\xc2\xad" "7";

    pg_tn(*state, in, sizeof(in) - 1, &n);
    assert_int_equal(n.len, 7);
    assert_memory_equal(n.text, "1234567", 7);

    /* each digit maps to its own byte, past the dropped characters */
    assert_int_equal(n.from[1], 4);
    assert_int_equal(n.to[1], 5);
    assert_int_equal(n.from[6], sizeof(in) - 2);

    /* a bidi mark (also Cf) goes too */
    pg_tn(*state, "a\xe2\x80\x8f" "b", 5, &n);
    assert_int_equal(n.len, 2);
    assert_memory_equal(n.text, "ab", 2);
}


static void
test_norm_fullwidth(void **state)
{
    pg_norm_t  n;

    /* "１２３－ＡＢ＠" */
    static const char  in[] =
        "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x8d"
        "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa0";

    pg_tn(*state, in, sizeof(in) - 1, &n);
    assert_int_equal(n.len, 7);
    assert_memory_equal(n.text, "123-AB@", 7);
    assert_int_equal(n.from[2], 6);
    assert_int_equal(n.to[2], 9);
}


static void
test_norm_decimal_digits(void **state)
{
    pg_norm_t  n;

    /*
     * Arabic-Indic 3 (U+0663), Devanagari 1 (U+0967), Bengali 9 (U+09EF),
     * mathematical bold 9 (U+1D7D7), sans-serif 0 (U+1D7E2, the first of
     * a run that follows another run), math monospace 7 (U+1D7FD)
     */
    static const char  in[] =
        "\xd9\xa3\xe0\xa5\xa7\xe0\xa7\xaf\xf0\x9d\x9f\x97\xf0\x9d\x9f\xa2"
        "\xf0\x9d\x9f\xbd";

    pg_tn(*state, in, sizeof(in) - 1, &n);
    assert_int_equal(n.len, 6);
    assert_memory_equal(n.text, "319907", 6);

    /* superscript two (U+00B2) is a digit but not a decimal one: kept */
    pg_tn(*state, "x\xc2\xb2", 3, &n);
    assert_int_equal(n.len, 3);
}


static void
test_norm_spaces_dashes(void **state)
{
    pg_norm_t  n;

    /* NBSP, en dash, ideographic space, non-breaking hyphen U+2011 */
    static const char  in[] =
        "555\xc2\xa0" "234\xe2\x80\x93" "5678\xe3\x80\x80" "a\xe2\x80\x91" "b";

    pg_tn(*state, in, sizeof(in) - 1, &n);
    assert_int_equal(n.len, 16);
    assert_memory_equal(n.text, "555 234-5678 a-b", 16);
}


static void
test_norm_other_kept(void **state)
{
    pg_norm_t  n;

    /* "é" and an emoji stay, every byte mapping to the whole character */
    static const char  in[] = "\xc3\xa9" "1\xf0\x9f\x98\x80";

    pg_tn(*state, in, sizeof(in) - 1, &n);
    assert_int_equal(n.len, 7);
    assert_memory_equal(n.text, in, 7);
    assert_int_equal(n.from[1], 0);
    assert_int_equal(n.to[1], 2);
    assert_int_equal(n.from[6], 3);
    assert_int_equal(n.to[6], 7);
}


static void
test_norm_invalid_utf8(void **state)
{
    pg_norm_t  n;

    /* stray continuation, overlong '/', truncated sequence, surrogate */
    static const char  in[] =
        "\x80" "1\xc0\xaf" "2\xed\xa0\x80" "\xef\xbc\x93" "\xe2\x80";

    pg_tn(*state, in, sizeof(in) - 1, &n);

    /* bad bytes unchanged, one for one; the fullwidth 3 still folds */
    assert_int_equal(n.len, 11);
    assert_memory_equal(n.text, "\x80" "1\xc0\xaf" "2\xed\xa0\x80" "3"
                        "\xe2\x80", 11);
    assert_int_equal(n.from[8], 8);
    assert_int_equal(n.to[8], 11);
    assert_int_equal(n.from[10], 12);
    assert_int_equal(n.to[10], 13);
}


static void
test_norm_span(void **state)
{
    size_t     off, len;
    pg_norm_t  n;

    /* "a１２b" : normalised "a12b" */
    pg_tn(*state, "a\xef\xbc\x91\xef\xbc\x92" "b", 8, &n);
    assert_int_equal(n.len, 4);

    pg_norm_span(&n, 1, 2, &off, &len);
    assert_int_equal(off, 1);
    assert_int_equal(len, 6);

    pg_norm_span(&n, 3, 1, &off, &len);
    assert_int_equal(off, 7);
    assert_int_equal(len, 1);

    /* identity when nothing changed */
    pg_tn(*state, "abcd", 4, &n);
    pg_norm_span(&n, 1, 2, &off, &len);
    assert_int_equal(off, 1);
    assert_int_equal(len, 2);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_norm_ascii,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_format_chars,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_fullwidth,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_decimal_digits,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_spaces_dashes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_other_kept,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_invalid_utf8,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_span,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
