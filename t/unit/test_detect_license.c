/*
 * Copyright (C) phigate authors
 *
 * LICENSE detector: DEA numbers by checksum, licence and certificate
 * numbers after cues.
 */


#include "detect_fixture.h"


static void test_license_dea(void **state);
static void test_license_dea_invalid(void **state);
static void test_license_cued(void **state);
static void test_license_cue_needs_id(void **state);
static void test_license_lookalikes(void **state);
static void test_license_edges(void **state);
static void test_license_cue_for(void **state);


static void
test_license_dea(void **state)
{
    pg_dt_one(*state, pg_detect_license, "DEA AB1234563", PG_T_LICENSE, 4, 9);
    pg_dt_run(*state, pg_detect_license, "DEA AB1234563");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     95);
    pg_dt_one(*state, pg_detect_license, "Dr. Lee, DEA# FM4172805, signed",
              PG_T_LICENSE, 14, 9);
    pg_dt_one(*state, pg_detect_license, "BJ6543210", PG_T_LICENSE, 0, 9);
    pg_dt_run(*state, pg_detect_license, "ref BJ6543210");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     75);
    pg_dt_one(*state, pg_detect_license, "DEA ab1234563", PG_T_LICENSE, 4, 9);
    pg_dt_one(*state, pg_detect_license, "DEA A91234563", PG_T_LICENSE, 4, 9);
}


static void
test_license_dea_invalid(void **state)
{
    pg_dt_none(*state, pg_detect_license, "DEA AB1234564");
    pg_dt_none(*state, pg_detect_license, "ab1234563");
    pg_dt_none(*state, pg_detect_license, "IB1234563");
    pg_dt_none(*state, pg_detect_license, "AB12345639");
    pg_dt_none(*state, pg_detect_license, "XAB1234563");
    pg_dt_none(*state, pg_detect_license, "AB123456");
}


static void
test_license_cued(void **state)
{
    pg_dt_one(*state, pg_detect_license, "driver's license D1234567",
              PG_T_LICENSE, 17, 8);
    pg_dt_one(*state, pg_detect_license, "DL# S530-4608-2513", PG_T_LICENSE, 4,
              14);
    pg_dt_one(*state, pg_detect_license, "certificate # 2024-88123",
              PG_T_LICENSE, 14, 10);
    pg_dt_one(*state, pg_detect_license, "Drivers licence number is 99120345",
              PG_T_LICENSE, 26, 8);
    pg_dt_one(*state, pg_detect_license, "passport no. 512349876", PG_T_LICENSE,
              13, 9);
}


static void
test_license_cue_needs_id(void **state)
{
    pg_dt_none(*state, pg_detect_license, "Licensed since 1999");
    pg_dt_none(*state, pg_detect_license, "A license to care, since 1902");
    pg_dt_none(*state, pg_detect_license, "our DL program 2024");
    pg_dt_none(*state, pg_detect_license, "glucose 110 mg/dL");
    pg_dt_none(*state, pg_detect_license,
               "Certificate of Need approved in 2019");
    pg_dt_none(*state, pg_detect_license, "license # 12");
}


static void
test_license_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_license,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_license,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_license,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_license,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_license, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_license,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_license,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_license,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_license,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_license,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_license,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_license_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_license, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_license, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_license, "DEA");
}



/* "<cue> for <whom>: <ID>": the ID after the colon */

static void
test_license_cue_for(void **state)
{
    pg_dt_one(*state, pg_detect_license, "Passport number for the "
              "visiting patient: 548213097, to the liaison.",
              PG_T_LICENSE, 42, 9);
    pg_dt_none(*state, pg_detect_license, "Passport number for the "
               "visiting patient: ask at the desk.");
    pg_dt_none(*state, pg_detect_license, "Driver's license for 2 years "
               "at least: 548213097");
    pg_dt_none(*state, pg_detect_license, "Driver's license of the "
               "patient, not the record: see room 548213.");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_license_dea,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_license_dea_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_license_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_license_cue_needs_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_license_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_license_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_license_cue_for,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
