/*
 * Copyright (C) phigate authors
 *
 * NPI detector: ten digits with the 80840 Luhn check after an NPI cue.
 */


#include "detect_fixture.h"


static void test_npi_valid(void **state);
static void test_npi_invalid(void **state);
static void test_npi_lookalikes(void **state);
static void test_npi_edges(void **state);


static void
test_npi_valid(void **state)
{
    pg_dt_one(*state, pg_detect_npi, "NPI 1234567893", PG_T_NPI, 4, 10);
    pg_dt_one(*state, pg_detect_npi, "NPI: 1987654328", PG_T_NPI, 5, 10);
    pg_dt_one(*state, pg_detect_npi, "National Provider Identifier 1508312430",
              PG_T_NPI, 29, 10);
    pg_dt_one(*state, pg_detect_npi, "Dr. Shah (NPI# 1765432103)", PG_T_NPI, 15,
              10);
    pg_dt_one(*state, pg_detect_npi, "NPI of our doctor: 1245319599", PG_T_NPI,
              19, 10);
}


static void
test_npi_invalid(void **state)
{
    /* check digit, prefix, length, no cue: phone numbers are ten digits */
    pg_dt_none(*state, pg_detect_npi, "NPI 1234567890");
    pg_dt_none(*state, pg_detect_npi, "NPI 3234567893");
    pg_dt_none(*state, pg_detect_npi, "NPI 12345678931");
    pg_dt_none(*state, pg_detect_npi, "NPI 123456789");
    pg_dt_none(*state, pg_detect_npi, "1234567893");
    pg_dt_none(*state, pg_detect_npi, "call 1234567893");
    pg_dt_none(*state, pg_detect_npi, "NPI 1234-567-893");
    pg_dt_none(*state, pg_detect_npi,
               "NPI lookup is free. Our line: 1234567893");
    pg_dt_none(*state, pg_detect_npi, "snpi 1234567893");
}


static void
test_npi_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_npi,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_npi,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_npi,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_npi,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_npi, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_npi,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_npi,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_npi,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_npi,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_npi,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_npi,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
    pg_dt_none(*state, pg_detect_npi, "NPIs are public; ours are online.");
}


static void
test_npi_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_npi, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_npi, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_npi, "NPI");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_npi_valid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_npi_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_npi_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_npi_edges,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
