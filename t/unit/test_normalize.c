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
static void pg_tn_is(pg_dt_t *fx, const char *in, const char *want);
static void test_norm_percent(void **state);
static void test_norm_html(void **state);
static void test_norm_escape(void **state);
static void test_norm_split(void **state);
static void test_norm_letters(void **state);
static void test_norm_composed(void **state);


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

    /*
     * superscript two (U+00B2) is not a decimal digit, but its
     * compatibility form is "2" (test_normalize_fold.c)
     */
    pg_tn(*state, "x\xc2\xb2", 3, &n);
    assert_int_equal(n.len, 2);
    assert_memory_equal(n.text, "x2", 2);
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

    /* Greek "ά" and an emoji stay, every byte mapping to the whole
     * character */
    static const char  in[] = "\xce\xac" "1\xf0\x9f\x98\x80";

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


/* normalises the string in and compares the text with want */
static void
pg_tn_is(pg_dt_t *fx, const char *in, const char *want)
{
    pg_norm_t  n;

    pg_tn(fx, in, strlen(in), &n);

    if (n.len != strlen(want) || memcmp(n.text, want, n.len) != 0) {
        print_error("input \"%s\": normalised to \"%.*s\", wanted \"%s\"\n",
                    in, (int) n.len, n.text, want);
        fail();
    }
}


static void
test_norm_percent(void **state)
{
    pg_norm_t  n;

    pg_tn_is(*state, "SSN 532%2D71%2D4420", "SSN 532-71-4420");
    pg_tn(*state, "SSN 532%2D71", 12, &n);
    assert_int_equal(n.from[7], 7);
    assert_int_equal(n.to[7], 10);

    /* the Graph batch body, encoded twice: "%2520" needs both passes */
    pg_tn_is(*state, "call 555%2520234%25205678", "call 555 234 5678");
    pg_tn(*state, "a%2520b", 7, &n);
    assert_int_equal(n.len, 3);
    assert_int_equal(n.from[1], 1);
    assert_int_equal(n.to[1], 6);

    /* a UTF-8 sequence decodes whole, then folds: NBSP, fullwidth 1 */
    pg_tn_is(*state, "a%C2%A0b%EF%BC%91", "a b1");

    /* letters and digits are never encoded; bad UTF-8 stays */
    pg_tn_is(*state, "%41%30 100%25 50% %2 %zz %A9 %C2%41 %E2%80",
             "%41%30 100% 50% %2 %zz %A9 %C2%41 %E2%80");
    pg_tn_is(*state, "%", "%");
    pg_tn_is(*state, "x%0", "x%0");
}


static void
test_norm_html(void **state)
{
    pg_norm_t  n;

    pg_tn_is(*state, "555&#45;234&ndash;5678", "555-234-5678");
    pg_tn_is(*state, "&#x35;&#X33;2&nbsp;&amp;&lt;&gt;&quot;&apos;",
             "532 &<>\"'");
    pg_tn(*state, "1&#45;2", 7, &n);
    assert_int_equal(n.len, 3);
    assert_int_equal(n.from[1], 1);
    assert_int_equal(n.to[1], 6);

    /* a fullwidth digit and a zero-width space written as entities */
    pg_tn_is(*state, "&#65297;&#8203;2", "12");

    /* not entities: no ';', unknown names, NUL, controls, surrogates */
    pg_tn_is(*state, "R&D AT&T; &amp &#; &#0; &#7; &#xD800; &#x110000; "
             "&#12345678; &#xF7777777; &#xFFFFFFFF; &Amp; &",
             "R&D AT&T; &amp &#; &#0; &#7; &#xD800; &#x110000; "
             "&#12345678; &#xF7777777; &#xFFFFFFFF; &Amp; &");

    /* double escaping is one level: "&amp;#45;" shows "&#45;" */
    pg_tn_is(*state, "&amp;#45;", "&#45;");
}


static void
test_norm_escape(void **state)
{
    pg_norm_t  n;

    pg_tn_is(*state, "\\(555\\) 234\\-5678 \\#care \\\\",
             "(555) 234-5678 #care \\");
    pg_tn(*state, "5\\-6", 4, &n);
    assert_int_equal(n.len, 3);
    assert_int_equal(n.from[1], 1);
    assert_int_equal(n.to[1], 3);

    /* before a letter, digit or space, or at the end: text */
    pg_tn_is(*state, "C:\\temp \\1 \\ x\\", "C:\\temp \\1 \\ x\\");
}


static void
test_norm_split(void **state)
{
    pg_norm_t  n;

    pg_tn_is(*state, "SSN 5 3 2 - 7 1 - 4 4 2 0.", "SSN 532-71-4420.");
    pg_tn_is(*state, "5.5.5.2.3.4.5.6.7.8", "5552345678");
    pg_tn_is(*state, "1-8-0-5-9-5-9-9-5", "180595995");
    pg_tn_is(*state, "5 5 5.2 3 4.5 6 7 8", "555.234.5678");
    pg_tn_is(*state, "1 8 O - 5 9 - 5 9 9 l", "180-59-5991");

    pg_tn(*state, "x 1 2 3 4 5 6 y", 15, &n);
    assert_int_equal(n.len, 10);
    assert_memory_equal(n.text, "x 123456 y", 10);
    assert_int_equal(n.from[3], 4);
    assert_int_equal(n.to[7], 13);

    /* short runs, mostly letters, words: as they are */
    pg_tn_is(*state, "steps 1 2 3, v1.2.3.4, 1.2.3.4.5, O O O O O O 1, "
             "a b c d e f g, 12 3 4 5 6 7",
             "steps 1 2 3, v1.2.3.4, 1.2.3.4.5, O O O O O O 1, "
             "a b c d e f g, 12 3 4 5 6 7");
    pg_tn_is(*state, "1  2  3  4  5  6", "1  2  3  4  5  6");
}


static void
test_norm_letters(void **state)
{
    pg_tn_is(*state, "18O-59-5995", "180-59-5995");
    pg_tn_is(*state, "l8O-59-5995", "180-59-5995");
    pg_tn_is(*state, "SSN 532-7l-442O", "SSN 532-71-4420");
    pg_tn_is(*state, "2O2O and 1OO%", "2020 and 100%");
    pg_tn_is(*state, "555-234-567O", "555-234-5670");
    pg_tn_is(*state, "12 O 34", "12 0 34");

    /* words that are not numbers */
    pg_tn_is(*state, "H2O CO2 lol IO Ol O2x I5 O. I 5 lOl 1l",
             "H2O CO2 lol IO Ol O2x I5 O. I 5 lOl 1l");
}


/* all the steps at once, mapped back through each other */
static void
test_norm_composed(void **state)
{
    size_t     off, len;
    pg_norm_t  n;

    /* "SSN 5&#51;2\-7l%2D4420 ok" reads "SSN 532-71-4420 ok" */
    static const char  in[] = "SSN 5&#51;2\\-7l%2D4420 ok";

    pg_tn(*state, in, sizeof(in) - 1, &n);
    assert_int_equal(n.len, 18);
    assert_memory_equal(n.text, "SSN 532-71-4420 ok", 18);

    pg_norm_span(&n, 4, 11, &off, &len);
    assert_int_equal(off, 4);
    assert_int_equal(len, 18);

    /* the entity's digit, the escape's hyphen, O for zero */
    pg_norm_span(&n, 5, 1, &off, &len);
    assert_int_equal(off, 5);
    assert_int_equal(len, 5);
    pg_norm_span(&n, 7, 1, &off, &len);
    assert_int_equal(off, 11);
    assert_int_equal(len, 2);
    pg_norm_span(&n, 9, 1, &off, &len);
    assert_int_equal(off, 14);
    assert_int_equal(len, 1);
    pg_norm_span(&n, 16, 2, &off, &len);
    assert_int_equal(off, 23);
    assert_int_equal(len, 2);

    /* and through the whole engine */
    assert_int_equal(pg_dt_fieldl(*state, in, sizeof(in) - 1), 1);
    pg_dt_check(*state, "composed", 0, PG_T_SSN, 4, 18);

    /* split digits with fullwidth ones and an entity among them */
    assert_int_equal(pg_dt_field(*state, "SSN 5 3 2 &#45; 7 1 - 4 4 2 "
                                 "\xef\xbc\x90 ok"), 1);
    pg_dt_check(*state, "split", 0, PG_T_SSN, 4, 27);
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
        cmocka_unit_test_setup_teardown(test_norm_percent,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_html,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_escape,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_split,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_letters,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_norm_composed,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
