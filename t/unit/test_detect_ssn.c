/*
 * Copyright (C) phigate authors
 *
 * SSN detector: formats, cues, SSA validity, boundaries, look-alikes.
 */


#include "detect_fixture.h"


static void test_ssn_dashed(void **state);
static void test_ssn_spaced(void **state);
static void test_ssn_bare_needs_cue(void **state);
static void test_ssn_dotted_needs_cue(void **state);
static void test_ssn_invalid_numbers(void **state);
static void test_ssn_longer_runs(void **state);
static void test_ssn_cue_whole_word(void **state);
static void test_ssn_cue_distance(void **state);
static void test_ssn_lookalikes(void **state);
static void test_ssn_edges(void **state);
static void test_ssn_two(void **state);
static void test_ssn_spaced_separators(void **state);
static void test_ssn_dotted_cues(void **state);


static void
test_ssn_dashed(void **state)
{
    pg_dt_one(*state, pg_detect_ssn, "SSN 123-45-6789 on file", PG_T_SSN,
              4, 11);
    pg_dt_one(*state, pg_detect_ssn, "verify 532-71-4420 please",
              PG_T_SSN, 7, 11);
    pg_dt_one(*state, pg_detect_ssn, "532-71-4420", PG_T_SSN, 0, 11);
    pg_dt_one(*state, pg_detect_ssn, "(532-71-4420).", PG_T_SSN, 1, 11);

    /* with a cue the confidence is higher than without */
    pg_dt_run(*state, pg_detect_ssn, "ssn: 532-71-4420");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     95);
    pg_dt_run(*state, pg_detect_ssn, "ref 532-71-4420");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     80);
}


static void
test_ssn_spaced(void **state)
{
    pg_dt_one(*state, pg_detect_ssn, "SS# 532 71 4420", PG_T_SSN, 4, 11);
    pg_dt_one(*state, pg_detect_ssn, "is 532 71 4420.", PG_T_SSN, 3, 11);
    /* a number before the SSN, separated by a space, is not part of it */
    pg_dt_one(*state, pg_detect_ssn, "bed 12 532-71-4420", PG_T_SSN, 7,
              11);
}


static void
test_ssn_bare_needs_cue(void **state)
{
    pg_dt_one(*state, pg_detect_ssn, "SSN 532714420", PG_T_SSN, 4, 9);
    pg_dt_one(*state, pg_detect_ssn, "ssn:532714420", PG_T_SSN, 4, 9);
    pg_dt_one(*state, pg_detect_ssn, "SS#532714420", PG_T_SSN, 3, 9);
    pg_dt_one(*state, pg_detect_ssn,
              "Social Security number is 532714420", PG_T_SSN, 26, 9);
    pg_dt_one(*state, pg_detect_ssn, "her soc sec no. 532714420", PG_T_SSN,
              16, 9);

    pg_dt_none(*state, pg_detect_ssn, "order 532714420 shipped");
    pg_dt_none(*state, pg_detect_ssn, "532714420");
    /* a cue with an invalid number is still nothing */
    pg_dt_none(*state, pg_detect_ssn, "SSN 000714420");
    pg_dt_none(*state, pg_detect_ssn, "SSN 5327144200");
}


static void
test_ssn_dotted_needs_cue(void **state)
{
    pg_dt_one(*state, pg_detect_ssn, "SSN 532.71.4420", PG_T_SSN, 4, 11);
    pg_dt_one(*state, pg_detect_ssn, "SSN 532-71 4420", PG_T_SSN, 4, 11);
    pg_dt_none(*state, pg_detect_ssn, "version 532.71.4420");
    pg_dt_none(*state, pg_detect_ssn, "532-71 4420");
}


static void
test_ssn_invalid_numbers(void **state)
{
    pg_dt_none(*state, pg_detect_ssn, "SSN 000-12-3456");
    pg_dt_none(*state, pg_detect_ssn, "SSN 666-12-3456");
    pg_dt_none(*state, pg_detect_ssn, "SSN 900-12-3456");
    pg_dt_none(*state, pg_detect_ssn, "SSN 999-12-3456");
    pg_dt_none(*state, pg_detect_ssn, "SSN 123-00-3456");
    pg_dt_none(*state, pg_detect_ssn, "SSN 123-45-0000");
    pg_dt_none(*state, pg_detect_ssn, "SSN 078-05-1120");
    pg_dt_none(*state, pg_detect_ssn, "SSN 219-09-9999");
    pg_dt_none(*state, pg_detect_ssn, "SSN 078051120");

    /* the boundaries of the rules */
    pg_dt_one(*state, pg_detect_ssn, "SSN 001-01-0001", PG_T_SSN, 4, 11);
    pg_dt_one(*state, pg_detect_ssn, "SSN 899-99-9999", PG_T_SSN, 4, 11);
    pg_dt_one(*state, pg_detect_ssn, "SSN 665-01-0001", PG_T_SSN, 4, 11);
    pg_dt_one(*state, pg_detect_ssn, "SSN 078-05-1121", PG_T_SSN, 4, 11);
}


static void
test_ssn_longer_runs(void **state)
{
    pg_dt_none(*state, pg_detect_ssn, "SSN 1532-71-4420");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532-71-44201");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532-71-4420-7");
    pg_dt_none(*state, pg_detect_ssn, "SSN 12-532-71-4420");
    pg_dt_none(*state, pg_detect_ssn, "SSN A532-71-4420");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532-71-4420x");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532-714-420");
}


static void
test_ssn_cue_whole_word(void **state)
{
    /* "SSN" inside a longer word is no cue */
    pg_dt_none(*state, pg_detect_ssn, "CLASSN 532714420");
    pg_dt_none(*state, pg_detect_ssn, "ssnx 532714420");
    pg_dt_none(*state, pg_detect_ssn, "#socialsecurity 532714420");
}


static void
test_ssn_cue_distance(void **state)
{
    pg_dt_one(*state, pg_detect_ssn, "SSN of the patient is 532714420",
              PG_T_SSN, 22, 9);
    pg_dt_none(*state, pg_detect_ssn,
               "SSN forms are due; our new order number is 532714420");
}


static void
test_ssn_lookalikes(void **state)
{
    pg_dt_none(*state, pg_detect_ssn,
               "Our nurses logged 6,476 volunteer hours in 2020.");
    pg_dt_none(*state, pg_detect_ssn, "Call 555-123-4567 today");
    pg_dt_none(*state, pg_detect_ssn, "ZIP 90210-1234");
    pg_dt_none(*state, pg_detect_ssn, "on 2024-05-17 at 10am");
    pg_dt_none(*state, pg_detect_ssn,
               "https://x.com/hosp/status/532-71-4420");
    pg_dt_none(*state, pg_detect_ssn, "tweet 1532714420123456789");
    pg_dt_none(*state, pg_detect_ssn, "$532,714,420 raised");
}


static void
test_ssn_edges(void **state)
{
    static const char  nul[] = "SSN\0 532-71-4420";

    assert_int_equal(pg_dt_runl(*state, pg_detect_ssn, "", 0), 0);
    pg_dt_none(*state, pg_detect_ssn, "5");
    pg_dt_none(*state, pg_detect_ssn, "532-71-442");
    pg_dt_none(*state, pg_detect_ssn, "SSN");

    /* a NUL is an ordinary separator, not the end of the text */
    assert_int_equal(pg_dt_runl(*state, pg_detect_ssn, nul,
                                sizeof(nul) - 1), 1);
    pg_dt_check(*state, "nul", 0, PG_T_SSN, 5, 11);

    /* a truncated text: the number runs to the end of the buffer */
    assert_int_equal(pg_dt_runl(*state, pg_detect_ssn, "SSN 532-71-44205",
                                15), 1);
}


static void
test_ssn_two(void **state)
{
    assert_int_equal(pg_dt_run(*state, pg_detect_ssn,
                               "532-71-4420 and 201-33-9876"), 2);
    pg_dt_check(*state, "two", 0, PG_T_SSN, 0, 11);
    pg_dt_check(*state, "two", 1, PG_T_SSN, 16, 11);
}



static void
test_ssn_spaced_separators(void **state)
{
    /* a dash is a dash however it is spaced */
    pg_dt_one(*state, pg_detect_ssn, "SSN 532 - 71 - 4420", PG_T_SSN, 4,
              15);
    pg_dt_one(*state, pg_detect_ssn, "ssn 532 -71- 4420 on file",
              PG_T_SSN, 4, 13);
    pg_dt_one(*state, pg_detect_ssn, "is 532 - 71 - 4420.", PG_T_SSN, 3,
              15);
    pg_dt_one(*state, pg_detect_ssn, "is 532  71  4420", PG_T_SSN, 3, 13);

    /* spaced dots, like tight ones, only after a cue */
    pg_dt_one(*state, pg_detect_ssn, "SSN: 532 . 71 . 4420", PG_T_SSN, 5,
              15);
    pg_dt_none(*state, pg_detect_ssn, "version 532 . 71 . 4420");

    /* three blanks part three numbers; a group too long; "--" */
    pg_dt_none(*state, pg_detect_ssn, "rooms 532   71   4420");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532 - 71 - 44201");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532 -- 71 - 4420");
    pg_dt_none(*state, pg_detect_ssn, "SSN 532 - 71 - ");
}



static void
test_ssn_dotted_cues(void **state)
{
    pg_dt_one(*state, pg_detect_ssn, "S.S.N. 532714420", PG_T_SSN, 7, 9);
    pg_dt_one(*state, pg_detect_ssn, "S. S. N. 532714420", PG_T_SSN, 9, 9);
    pg_dt_one(*state, pg_detect_ssn, "s s n: 532714420", PG_T_SSN, 7, 9);

    /* the letters inside other words are no cue */
    pg_dt_none(*state, pg_detect_ssn, "S. S. Nolan 532714420");
    pg_dt_none(*state, pg_detect_ssn, "S S NA 532714420");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_ssn_dashed,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_spaced,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_bare_needs_cue,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_dotted_needs_cue,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_invalid_numbers,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_longer_runs,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_cue_whole_word,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_cue_distance,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_two,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_spaced_separators,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_dotted_cues,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
