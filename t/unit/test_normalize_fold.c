/*
 * Copyright (C) phigate authors
 *
 * Normaliser: look-alike letters and digits folded to ASCII, Latin
 * letters with marks folded to their base letters (pg_normalize_fold.c),
 * what is left alone, and the offset map.
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
static void test_fold_latin(void **state);
static void test_fold_latin_nfd(void **state);
static void test_fold_latin_kept(void **state);
static void test_fold_latin_glued(void **state);
static void test_fold_latin_map(void **state);
static void test_fold_latin_invalid(void **state);
static void test_fold_latin_large(void **state);
static void test_fold_vi_marks(void **state);
static void test_fold_vi_marks_steps(void **state);
static void pg_tf_vi(pg_dt_t *fx, const char *in, const char *want);
static void pg_tf_map(pg_dt_t *fx, const char *in, size_t o, size_t from,
    size_t to);


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


/* byte o of in's normalised text came from in's bytes [from, to) */
static void
pg_tf_map(pg_dt_t *fx, const char *in, size_t o, size_t from, size_t to)
{
    size_t     off, len;
    pg_norm_t  n;

    assert_int_equal(pg_normalize(&fx->arena, in, strlen(in), &n), PG_OK);
    assert_true(o < n.len);

    pg_norm_span(&n, o, 1, &off, &len);

    if (off != from || off + len != to) {
        print_error("input \"%s\": byte %zu from [%zu, %zu), wanted "
                    "[%zu, %zu)\n", in, o, off, off + len, from, to);
        fail();
    }
}


static void
test_fold_latin(void **state)
{
    /* the names the datasets lack, and names they spell with marks */
    pg_tf_is(*state, "Nguyễn Thị Hồng", "Nguyen Thi Hong");
    pg_tf_is(*state, "Zoë Ångström", "Zoe Angstrom");
    pg_tf_is(*state, "José Núñez, JOSÉ NÚÑEZ", "Jose Nunez, JOSE NUNEZ");
    pg_tf_is(*state, "Agnieszka Dąbrowska Çelik Şahin İlkay",
             "Agnieszka Dabrowska Celik Sahin Ilkay");
    pg_tf_is(*state, "Ơn Ưu ǅ", "On Uu Dz");

    /* letters with no decomposition, by the table */
    pg_tf_is(*state, "Đặng Łukasz Straße Ørsted Þóra Æsa Œuvre ılık Ħal",
             "Dang Lukasz Strasse Orsted Thora AEsa OEuvre ilik Hal");

    /* the Spanish cue words detectors list without their accents */
    pg_tf_is(*state, "mamá papá tía cirugía operación información",
             "mama papa tia cirugia operacion informacion");
}


static void
test_fold_latin_nfd(void **state)
{
    /* a combining mark after a Latin letter goes with it */
    pg_tf_is(*state, "Jose\xcc\x81 Nu\xcc\x81n\xcc\x83" "ez",
             "Jose Nunez");
    /* two marks on one letter, and a mark after a folded letter */
    pg_tf_is(*state, "Nguye\xcc\x82\xcc\x83n", "Nguyen");
    pg_tf_is(*state, "\xc3\xa9\xcc\x81t\xc3\xa9", "ete");
}


static void
test_fold_latin_kept(void **state)
{
    /* Greek and Cyrillic letters with marks decompose to their script */
    pg_tf_is(*state, "Αθηνά Йошкар-Ола ё", "Αθηνά Йошкар-Ола ё");
    /* other scripts, symbols and ordinals stay */
    pg_tf_is(*state, "東京 ©® nº 3 1ª µ", "東京 ©® nº 3 1ª µ");

    /* a mark after no Latin letter: a digit, a blank, Cyrillic, itself */
    pg_tf_is(*state, "1\xcc\x81 \xcc\x81 \xd0\xb8\xcc\x86",
             "1\xcc\x81 \xcc\x81 \xd0\xb8\xcc\x86");
    /* a keycap's mark is not of the diacritics block */
    pg_tf_is(*state, "1\xef\xb8\x8f\xe2\x83\xa3",
             "1\xef\xb8\x8f\xe2\x83\xa3");
}


static void
test_fold_latin_glued(void **state)
{
    /*
     * A letter with marks in a word with a digit stays, so the number
     * or identifier still ends there: "5313é" is no "5313e"
     */
    pg_tf_is(*state, "call 440 237 5313é now", "call 440 237 5313é now");
    pg_tf_is(*state, "ÿ804 33 6347", "ÿ804 33 6347");
    pg_tf_is(*state, "mamáXUU11NCS4A0TVA0T7", "mamáXUU11NCS4A0TVA0T7");
    pg_tf_is(*state, "e93aÿ", "e93aÿ");
    pg_tf_is(*state, "e\xcc\x81" "804", "e\xcc\x81" "804");

    /* ... and the next word is a word again */
    pg_tf_is(*state, "5313é José", "5313é Jose");
}


static void
test_fold_latin_map(void **state)
{
    size_t     off, len;
    pg_norm_t  n;
    pg_dt_t   *fx;

    fx = *state;

    /* each folded letter maps to its 2 or 3 bytes */
    pg_tf_map(fx, "Zoë", 2, 2, 4);
    pg_tf_map(fx, "Zoë", 1, 1, 2);
    pg_tf_map(fx, "Hồng", 1, 1, 4);
    pg_tf_map(fx, "Hồng", 2, 4, 5);

    /* "ß": both bytes of "ss" map to the letter */
    pg_tf_map(fx, "aßb", 1, 1, 3);
    pg_tf_map(fx, "aßb", 2, 1, 3);
    pg_tf_map(fx, "aßb", 3, 3, 4);

    /* a dropped mark belongs to the letter before it: in a copied run,
     * after a folded letter, after a letter of two output bytes */
    pg_tf_map(fx, "abcde\xcc\x81" "f", 3, 3, 4);
    pg_tf_map(fx, "abcde\xcc\x81" "f", 4, 4, 7);
    pg_tf_map(fx, "abcde\xcc\x81" "f", 5, 7, 8);
    pg_tf_map(fx, "x\xc3\xa9\xcc\x81y", 1, 1, 5);
    pg_tf_map(fx, "\xc3\x9f\xcc\x81", 1, 0, 4);

    /* a 4-byte letter next to accents */
    pg_tf_is(fx, "é𝐉ö", "eJo");
    pg_tf_map(fx, "é𝐉ö", 0, 0, 2);
    pg_tf_map(fx, "é𝐉ö", 1, 2, 6);
    pg_tf_map(fx, "é𝐉ö", 2, 6, 8);

    /* a span ending with a letter and its mark covers the mark */
    assert_int_equal(pg_normalize(&fx->arena, "Jose\xcc\x81 N", 8, &n),
                     PG_OK);
    assert_int_equal(n.len, 6);
    pg_norm_span(&n, 0, 4, &off, &len);
    assert_int_equal(off, 0);
    assert_int_equal(len, 6);
}


static void
test_fold_latin_invalid(void **state)
{
    pg_dt_t  *fx;

    fx = *state;

    /* invalid bytes next to accents pass through; the letters fold */
    pg_tf_is(fx, "\xc3" "é\xff" "ö\x80", "\xc3" "e\xff" "o\x80");
    pg_tf_map(fx, "\xc3" "é\xff" "ö\x80", 1, 1, 3);
    pg_tf_map(fx, "\xc3" "é\xff" "ö\x80", 2, 3, 4);
    pg_tf_map(fx, "\xc3" "é\xff" "ö\x80", 3, 4, 6);

    /* a mark after an invalid byte is no letter's: it stays */
    pg_tf_is(fx, "\xff\xcc\x81" "a", "\xff\xcc\x81" "a");

    /* a truncated letter and a truncated mark */
    pg_tf_is(fx, "ab\xc3", "ab\xc3");
    pg_tf_is(fx, "e\xcc", "e\xcc");
}


/* above PG_NORM_DENSE_MAX the map is kept as runs: the same spans */
static void
test_fold_latin_large(void **state)
{
    char      *in;
    size_t     i, off, len, big;
    pg_norm_t  n;
    pg_dt_t   *fx;

    fx = *state;
    big = PG_NORM_DENSE_MAX + 100;

    in = pg_arena_alloc(&fx->arena, big + 32);
    assert_non_null(in);

    for (i = 0; i < big; i++) {
        in[i] = 'x';
    }

    memcpy(in + big, " Jose\xcc\x81 Zo\xc3\xab", 12);

    assert_int_equal(pg_normalize(&fx->arena, in, big + 12, &n), PG_OK);
    assert_null(n.from);
    assert_int_equal(n.len, big + 9);
    assert_memory_equal(n.text + big, " Jose Zoe", 9);

    pg_norm_span(&n, big + 1, 4, &off, &len);
    assert_int_equal(off, big + 1);
    assert_int_equal(len, 6);

    pg_norm_span(&n, big + 6, 3, &off, &len);
    assert_int_equal(off, big + 8);
    assert_int_equal(len, 4);
}


/*
 * in normalises to as many bytes as want has, want's 'v' where the byte
 * came from a letter with a mark only Vietnamese uses; want NULL: the
 * field has none and no bitmap
 */
static void
pg_tf_vi(pg_dt_t *fx, const char *in, const char *want)
{
    size_t     i;
    pg_norm_t  n;

    assert_int_equal(pg_normalize(&fx->arena, in, strlen(in), &n), PG_OK);

    if (want == NULL) {
        if (n.vi_marks != NULL) {
            print_error("input \"%s\": a bitmap, wanted none\n", in);
            fail();
        }

        return;
    }

    assert_non_null(n.vi_marks);
    assert_int_equal(n.len, strlen(want));

    for (i = 0; i < n.len; i++) {
        if (pg_norm_vi(n.vi_marks, i) != (want[i] == 'v')) {
            print_error("input \"%s\": byte %zu (%c) %s\n", in, i,
                        n.text[i], want[i] == 'v' ? "not marked" : "marked");
            fail();
        }
    }
}


/*
 * The letters only Vietnamese writes are marked, precomposed or in NFD;
 * the marks French, Spanish, Romanian or Croatian names share with it
 * ("ê", "à", "ă", "đ") are not, and neither is ASCII
 */
static void
test_fold_vi_marks(void **state)
{
    pg_tf_vi(*state, "Nguyễn Thị Hồng", "....v....v..v..");
    pg_tf_vi(*state, "Trương Dưỡng", "..vv....vv..");
    pg_tf_vi(*state, "NGUYỄN ƠN ƯU", "....v..v..v.");
    /* NFD: "o" U+031B horn, "a" U+0323 dot below, "e" U+0309 hook */
    pg_tf_vi(*state, "Tro\xcc\x9b Pha\xcc\xa3m Te\xcc\x89", "..v...v...v");
    /* "ê" is French too; with a tone mark, "ễ" (U+1EC5), Vietnamese */
    pg_tf_vi(*state, "Lê Lễ", "....v");

    pg_tf_vi(*state, "Prayers for John Smith after surgery", NULL);
    pg_tf_vi(*state, "José Núñez, Zoë Ångström, Bălan, Đurić, Lê Hoàng",
             NULL);
    pg_tf_vi(*state, "Gia Đình", NULL);
}


/*
 * The bitmap is of the normalised text: entities decoded before, digits
 * joined after the letters are folded move it with the text
 */
static void
test_fold_vi_marks_steps(void **state)
{
    size_t     i, big;
    char      *in;
    pg_norm_t  n;
    pg_dt_t   *fx;

    pg_tf_vi(*state, "Nguy&#7877;n", "....v.");
    pg_tf_vi(*state, "Nguy%E1%BB%85n", "....v.");
    /* "1 8 0 5 9 5" reads "180595": the marks after it move back */
    pg_tf_vi(*state, "call 1 8 0 5 9 5 Hồ Dưỡng", ".............v..vv..");

    fx = *state;
    big = PG_NORM_DENSE_MAX + 100;

    in = pg_arena_alloc(&fx->arena, big + 32);
    assert_non_null(in);

    for (i = 0; i < big; i++) {
        in[i] = 'x';
    }

    memcpy(in + big, " H\xe1\xbb\x93 Jos\xc3\xa9", 11);

    assert_int_equal(pg_normalize(&fx->arena, in, big + 11, &n), PG_OK);
    assert_int_equal(n.len, big + 8);
    assert_memory_equal(n.text + big, " Ho Jose", 8);
    assert_non_null(n.vi_marks);

    for (i = 0; i < n.len; i++) {
        assert_int_equal(pg_norm_vi(n.vi_marks, i), i == big + 2);
    }
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
        cmocka_unit_test_setup_teardown(test_fold_latin,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_latin_nfd,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_latin_kept,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_latin_glued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_latin_map,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_latin_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_latin_large,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_vi_marks,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fold_vi_marks_steps,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
