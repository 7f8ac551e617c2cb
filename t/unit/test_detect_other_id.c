/*
 * Copyright (C) phigate authors
 *
 * OTHER_ID detector: case, claim, ticket, encounter, accession and
 * specimen numbers after their cues.
 */


#include "detect_fixture.h"


static void test_other_id_cued(void **state);
static void test_other_id_cue_needs_id(void **state);
static void test_other_id_lookalikes(void **state);
static void test_other_id_edges(void **state);


static void
test_other_id_cued(void **state)
{
    pg_dt_one(*state, pg_detect_other_id, "Case #: 2024-0012345", PG_T_OTHER_ID,
              8, 12);
    pg_dt_one(*state, pg_detect_other_id, "claim number 88A-44120",
              PG_T_OTHER_ID, 13, 9);
    pg_dt_one(*state, pg_detect_other_id, "Ticket #48213 closed", PG_T_OTHER_ID,
              8, 5);
    pg_dt_one(*state, pg_detect_other_id, "encounter ID E-77120", PG_T_OTHER_ID,
              13, 7);
    pg_dt_one(*state, pg_detect_other_id, "accession no. S24-11873",
              PG_T_OTHER_ID, 14, 9);
    pg_dt_one(*state, pg_detect_other_id, "specimen # 5519023", PG_T_OTHER_ID,
              11, 7);
    /* a lab's accession needs no "#" */
    pg_dt_one(*state, pg_detect_other_id, "Biopsy accession S25-40981 for "
              "Mrs. Petrakis", PG_T_OTHER_ID, 17, 9);
    pg_dt_none(*state, pg_detect_other_id, "Our accession to the network in "
               "2019 brought 4000 new staff.");
    pg_dt_none(*state, pg_detect_other_id, "Accession numbers print on "
               "every label since 2024.");
}


static void
test_other_id_cue_needs_id(void **state)
{
    pg_dt_none(*state, pg_detect_other_id, "a case of the flu in 2024");
    pg_dt_none(*state, pg_detect_other_id, "case #12");
    pg_dt_none(*state, pg_detect_other_id, "case numbers rose 20%");
    pg_dt_none(*state, pg_detect_other_id,
               "Claim your free screening by 2025!");
    pg_dt_none(*state, pg_detect_other_id, "case number 12,345");
    pg_dt_none(*state, pg_detect_other_id, "Visit # 3");
    pg_dt_none(*state, pg_detect_other_id, "showcase #1234");
}


static void
test_other_id_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_other_id,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_other_id,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_other_id,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_other_id,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_other_id, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_other_id,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_other_id,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_other_id,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_other_id,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_other_id,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_other_id,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_other_id_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_other_id, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_other_id, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_other_id, "claim #");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_other_id_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_other_id_cue_needs_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_other_id_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_other_id_edges,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
