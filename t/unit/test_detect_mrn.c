/*
 * Copyright (C) phigate authors
 *
 * MRN detector: cues, the gap between cue and ID, ID shapes.
 */


#include "detect_fixture.h"


static void test_mrn_cues(void **state);
static void test_mrn_gap(void **state);
static void test_mrn_id_shape(void **state);
static void test_mrn_cue_whole_word(void **state);
static void test_mrn_lookalikes(void **state);
static void test_mrn_edges(void **state);
static void test_mrn_spaced_groups(void **state);
static void test_mrn_dotted_cues(void **state);
static void test_mrn_more_cues(void **state);


static void
test_mrn_cues(void **state)
{
    pg_dt_one(*state, pg_detect_mrn, "Chart MRN# 5194766 flagged", PG_T_MRN,
              11, 7);
    pg_dt_one(*state, pg_detect_mrn, "MRN 00123456", PG_T_MRN, 4, 8);
    pg_dt_one(*state, pg_detect_mrn, "mr# 12345", PG_T_MRN, 4, 5);
    pg_dt_one(*state, pg_detect_mrn, "MR #12345", PG_T_MRN, 4, 5);
    pg_dt_one(*state, pg_detect_mrn, "medical record number 123456",
              PG_T_MRN, 22, 6);
    pg_dt_one(*state, pg_detect_mrn, "Medical Record No. 123456", PG_T_MRN,
              19, 6);
    pg_dt_one(*state, pg_detect_mrn, "medical record #A1234567", PG_T_MRN,
              16, 8);
    pg_dt_one(*state, pg_detect_mrn, "chart no: 7654321", PG_T_MRN, 10, 7);
    pg_dt_one(*state, pg_detect_mrn, "Chart #7654321", PG_T_MRN, 7, 7);
    pg_dt_one(*state, pg_detect_mrn, "patient ID: AB12345", PG_T_MRN, 12,
              7);
    pg_dt_one(*state, pg_detect_mrn, "record # 998877", PG_T_MRN, 9, 6);
}


static void
test_mrn_gap(void **state)
{
    pg_dt_one(*state, pg_detect_mrn, "MRN is 5194766", PG_T_MRN, 7, 7);
    pg_dt_one(*state, pg_detect_mrn, "MRN number: 5194766", PG_T_MRN, 12,
              7);
    pg_dt_one(*state, pg_detect_mrn, "MRN - 5194766", PG_T_MRN, 6, 7);
    /* other words between the cue and the ID end the search */
    pg_dt_none(*state, pg_detect_mrn, "MRN for bed 5194766");
    pg_dt_none(*state, pg_detect_mrn, "MRN isolation 5194766");
    /* too many separators */
    pg_dt_none(*state, pg_detect_mrn, "MRN:                   5194766");
}


static void
test_mrn_id_shape(void **state)
{
    pg_dt_none(*state, pg_detect_mrn, "MRN 1234");
    pg_dt_one(*state, pg_detect_mrn, "MRN 12345", PG_T_MRN, 4, 5);
    pg_dt_one(*state, pg_detect_mrn, "MRN 123456789012", PG_T_MRN, 4, 12);
    pg_dt_none(*state, pg_detect_mrn, "MRN 1234567890123");
    pg_dt_one(*state, pg_detect_mrn, "MRN 00-123456.", PG_T_MRN, 4, 9);
    pg_dt_none(*state, pg_detect_mrn, "MRN pending");
    pg_dt_none(*state, pg_detect_mrn, "MRN ABCDEFG");
    pg_dt_none(*state, pg_detect_mrn, "MRN 12345.6");
    pg_dt_none(*state, pg_detect_mrn, "MRN 1-2-3-4-5-6-7-8-9");
}


static void
test_mrn_cue_whole_word(void **state)
{
    pg_dt_none(*state, pg_detect_mrn, "XMRN 5194766");
    pg_dt_none(*state, pg_detect_mrn, "MRNs 5194766");
    pg_dt_none(*state, pg_detect_mrn, "Mr. 5194766");
    pg_dt_none(*state, pg_detect_mrn, "patient identification 5194766");
    pg_dt_none(*state, pg_detect_mrn, "#recordnumber 5194766");
}


static void
test_mrn_lookalikes(void **state)
{
    pg_dt_none(*state, pg_detect_mrn,
               "Our patient ID bracelets got a redesign in 2024!");
    pg_dt_none(*state, pg_detect_mrn,
               "Our medical records team hit a record 10,000 requests");
    pg_dt_none(*state, pg_detect_mrn, "a new record #1 ranking");
    pg_dt_none(*state, pg_detect_mrn, "Chart a course to health in 2025");
}


static void
test_mrn_edges(void **state)
{
    static const char  nul[] = "MRN\0 12345";

    assert_int_equal(pg_dt_runl(*state, pg_detect_mrn, "", 0), 0);
    pg_dt_none(*state, pg_detect_mrn, "MRN");
    pg_dt_none(*state, pg_detect_mrn, "MRN#");
    pg_dt_none(*state, pg_detect_mrn, "medical record");

    /* a NUL is not one of the separators between cue and ID */
    assert_int_equal(pg_dt_runl(*state, pg_detect_mrn, nul,
                                sizeof(nul) - 1), 0);

    assert_int_equal(pg_dt_runl(*state, pg_detect_mrn, "MRN 123456", 9),
                     1);
    pg_dt_check(*state, "cut", 0, PG_T_MRN, 4, 5);

    assert_int_equal(pg_dt_run(*state, pg_detect_mrn,
                               "MRN 12345 and MRN 67890"), 2);
    pg_dt_check(*state, "two", 1, PG_T_MRN, 18, 5);
}



static void
test_mrn_spaced_groups(void **state)
{
    pg_dt_one(*state, pg_detect_mrn, "MRN 1234 5678", PG_T_MRN, 4, 9);
    pg_dt_one(*state, pg_detect_mrn, "MRN 12 - 345 - 678 seen", PG_T_MRN,
              4, 14);
    pg_dt_one(*state, pg_detect_mrn, "MRN 12 - 345678", PG_T_MRN, 4, 11);
    pg_dt_one(*state, pg_detect_mrn, "chart # 2024 5512 reviewed",
              PG_T_MRN, 8, 9);

    /* what follows a whole ID is not part of it */
    pg_dt_one(*state, pg_detect_mrn, "MRN 12345678 - please call",
              PG_T_MRN, 4, 8);
    pg_dt_one(*state, pg_detect_mrn, "MRN 12345678 45 min ago", PG_T_MRN,
              4, 8);
    pg_dt_one(*state, pg_detect_mrn, "MRN 123456789012 45", PG_T_MRN, 4,
              12);

    /* a decimal; short numbers apart; too few digits however joined */
    pg_dt_none(*state, pg_detect_mrn, "MRN 1234.5678");
    pg_dt_none(*state, pg_detect_mrn, "record # 12 and 3 more");
    pg_dt_none(*state, pg_detect_mrn, "MRN 12 - 34");
}



static void
test_mrn_dotted_cues(void **state)
{
    pg_dt_one(*state, pg_detect_mrn, "M.R.N. 00482913", PG_T_MRN, 7, 8);
    pg_dt_one(*state, pg_detect_mrn, "m.r.n: 00482913", PG_T_MRN, 7, 8);
    pg_dt_one(*state, pg_detect_mrn, "M. R. N. 00482913", PG_T_MRN, 9, 8);
    pg_dt_one(*state, pg_detect_mrn, "M R N 00482913", PG_T_MRN, 6, 8);
    pg_dt_one(*state, pg_detect_mrn, "M.R.# 00482913", PG_T_MRN, 6, 8);

    /* no ID after the cue; the letters inside a word */
    pg_dt_none(*state, pg_detect_mrn, "M.R.N. pending");
    pg_dt_none(*state, pg_detect_mrn, "our M R NA lab 00482913");
    pg_dt_none(*state, pg_detect_mrn, "the M.R. dept. 00482913");
}



/* "EMRN", "Hospital no."; not the hospital's phone or its ranking */

static void
test_mrn_more_cues(void **state)
{
    pg_dt_one(*state, pg_detect_mrn, "merge EMRN 88-402-117 please",
              PG_T_MRN, 11, 10);
    pg_dt_one(*state, pg_detect_mrn, "Hospital no. H2291047 left early",
              PG_T_MRN, 13, 8);
    pg_dt_none(*state, pg_detect_mrn, "Our EMRN upgrade is Sunday.");
    pg_dt_none(*state, pg_detect_mrn, "The hospital number is "
               "412-647-2000.");
    pg_dt_none(*state, pg_detect_mrn, "Ranked hospital #1 in Ohio, "
               "hospital no. 1 for hearts.");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_mrn_cues,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_gap,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_id_shape,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_cue_whole_word,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_spaced_groups,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_dotted_cues,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_mrn_more_cues,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
