/*
 * Copyright (C) phigate authors
 *
 * Normaliser: look-alike letters and digits folded to ASCII
 * (pg_normalize_fold.c), what is left alone, and the offset map.
 */


#include "detect_fixture.h"


static void pg_tf_is(pg_dt_t *fx, const char *in, const char *want);
static void test_fold_math(void **state);
static void test_fold_enclosed_digits(void **state);
static void test_fold_super_sub(void **state);
static void test_fold_kept(void **state);
static void test_fold_confusable_mixed(void **state);
static void test_fold_confusable_kept(void **state);
static void test_fold_engine(void **state);


/* in normalises to want (NUL-terminated both) */
static void
pg_tf_is(pg_dt_t *fx, const char *in, const char *want)
{
    pg_norm_t  n;

    assert_int_equal(pg_normalize(&fx->arena, in, strlen(in), &n), PG_OK);

    if (n.len != strlen(want) || memcmp(n.text, want, n.len) != 0) {
        print_error("input \"%s\": got \"%s\", wanted \"%s\"\n", in, n.text,
                    want);
        fail();
    }
}


static void
test_fold_math(void **state)
{
    size_t     off, len;
    pg_norm_t  n;

    /* bold, italic, script, double-struck, sans, monospace, digits */
    pg_tf_is(*state, "patient 𝐉𝐨𝐡𝐧 𝐒𝐦𝐢𝐭𝐡 had chemo",
             "patient John Smith had chemo");
    pg_tf_is(*state, "𝐽𝑜ℎ𝑛 𝒥𝒶𝓃𝑒 𝕁𝕠𝕙𝕟 𝖩𝗈𝗁𝗇 𝙹𝚘𝚑𝚗 𝟏𝟐𝟑",
             "John Jane John John John 123");

    /* ligatures fold too: they are one letter for two */
    pg_tf_is(*state, "ﬁrst ﬂu", "first flu");

    /* every output byte maps back to its whole 4-byte letter */
    assert_int_equal(pg_normalize(&((pg_dt_t *) *state)->arena,
                                  "a 𝐉𝐨𝐡𝐧 b", 20, &n), PG_OK);
    assert_int_equal(n.len, 8);
    assert_memory_equal(n.text, "a John b", 8);
    assert_int_equal(n.from[3], 6);
    assert_int_equal(n.to[3], 10);
    pg_norm_span(&n, 2, 4, &off, &len);
    assert_int_equal(off, 2);
    assert_int_equal(len, 16);
}


static void
test_fold_enclosed_digits(void **state)
{
    pg_tf_is(*state, "SSN ①②③-④⑤-⑥⑦⑧⑨", "SSN 123-45-6789");

    /* parenthesised, full stop, dingbat negative circled, sans circled */
    pg_tf_is(*state, "⑴⑵⑶ ⒈⒉⒊ ❶❷❸ ➀➁➂ ➊➋➌ ⓵⓶⓷",
             "123 123 123 123 123 123");

    /* two-digit forms give both digits */
    pg_tf_is(*state, "⑩ ⒇ ⒛", "10 20 20");
}


static void
test_fold_super_sub(void **state)
{
    pg_tf_is(*state, "MRN ¹²³⁴⁵⁶⁷⁸ ₀₁₂₃", "MRN 12345678 0123");
}


static void
test_fold_kept(void **state)
{
    /* accents are not compatibility forms: names stay as written */
    pg_tf_is(*state, "José Müller Zoë", "José Müller Zoë");

    /* symbols, ordinals, circled letters and emoji stay */
    pg_tf_is(*state, "Acme™ 5㎏ nº 3 1º Ⓐ 😀", "Acme™ 5㎏ nº 3 1º Ⓐ 😀");
}


static void
test_fold_confusable_mixed(void **state)
{
    pg_norm_t  n;

    /* Cyrillic J and o in "John", Cyrillic M in "MRN", Greek O in a number */
    pg_tf_is(*state, "Patient Јоhn Smith", "Patient John Smith");
    pg_tf_is(*state, "МRN 12345678", "MRN 12345678");
    /* ... then O for zero in the number (pg_normalize.c) */
    pg_tf_is(*state, "id 12Ο45", "id 12045");
    pg_tf_is(*state, "Smitһ", "Smith");
    /* from confusables.txt by scripts/gen-confusables.sh, and by hand */
    pg_tf_is(*state, "Ϲarol Ѵance", "Carol Vance");
    pg_tf_is(*state, "Ԛuinn Ӏvy", "Quinn Ivy");

    /* a word joined by a letter both sides: still one word */
    pg_tf_is(*state, "Jоhnsоn", "Johnson");

    /* each folded letter maps back to its two bytes */
    assert_int_equal(pg_normalize(&((pg_dt_t *) *state)->arena,
                                  "Јоhn", 6, &n), PG_OK);
    assert_int_equal(n.len, 4);
    assert_int_equal(n.from[1], 2);
    assert_int_equal(n.to[1], 4);
    assert_int_equal(n.from[2], 4);
    assert_int_equal(n.to[2], 5);
}


static void
test_fold_confusable_kept(void **state)
{
    /* whole Russian and Greek words, next to Latin ones or not */
    pg_tf_is(*state, "Москва ОАО", "Москва ОАО");
    pg_tf_is(*state, "Привет John, Οδός 5", "Привет John, Οδός 5");
    pg_tf_is(*state, "СССР-USA", "СССР-USA");

    /* what is learnt of one word does not carry to the next */
    pg_tf_is(*state, "МRN Москва", "MRN Москва");
    pg_tf_is(*state, "Москва МRN", "Москва MRN");

    /* a look-alike with no Latin letter in its word */
    pg_tf_is(*state, "о", "о");
}


/* through the whole engine: the findings cover the original bytes */
static void
test_fold_engine(void **state)
{
    static const char  ssn[] = "SSN ①②③-④⑤-⑥⑦⑧⑨";

    assert_int_equal(pg_dt_field(*state, ssn), 1);
    pg_dt_check(*state, ssn, 0, PG_T_SSN, 4, 29);

    assert_true(pg_dt_field(*state, "МRN 12345678") >= 1);
    pg_dt_check(*state, "MRN", 0, PG_T_MRN, 5, 8);

    /* the bold name: 8 letters of 4 bytes and the space */
    assert_int_equal(pg_dt_field(*state, "patient 𝐉𝐨𝐡𝐧 𝐒𝐦𝐢𝐭𝐡 had chemo"), 1);
    pg_dt_check(*state, "bold name", 0, PG_T_NAME, 8, 37);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_fold_math,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_enclosed_digits,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_super_sub,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_kept,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_confusable_mixed,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_confusable_kept,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_engine,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
