/*
 * Copyright (C) phigate authors
 *
 * ACCOUNT detector: account and invoice numbers after cues, payment card
 * numbers by Luhn and issuer prefix.
 */


#include "detect_fixture.h"


static void test_account_cued(void **state);
static void test_account_cue_needs_id(void **state);
static void test_account_fin(void **state);
static void test_account_cards(void **state);
static void test_account_cards_invalid(void **state);
static void test_account_lookalikes(void **state);
static void test_account_edges(void **state);


static void
test_account_cued(void **state)
{
    pg_dt_one(*state, pg_detect_account,
              "Billing account 90198595 is past due.", PG_T_ACCOUNT, 16, 8);
    pg_dt_one(*state, pg_detect_account, "acct# 7731-0042-19", PG_T_ACCOUNT, 6,
              12);
    pg_dt_one(*state, pg_detect_account, "Invoice INV-2024-00042 attached",
              PG_T_ACCOUNT, 8, 14);
    pg_dt_one(*state, pg_detect_account, "account number: 00123456",
              PG_T_ACCOUNT, 16, 8);
    pg_dt_one(*state, pg_detect_account, "Patient account no. 44120937",
              PG_T_ACCOUNT, 20, 8);
}


static void
test_account_cue_needs_id(void **state)
{
    pg_dt_none(*state, pg_detect_account, "account 2024");
    pg_dt_none(*state, pg_detect_account,
               "Create an account at our portal today");
    pg_dt_none(*state, pg_detect_account, "account $50,000 grant");
    pg_dt_none(*state, pg_detect_account, "account 12,345 visits");
    pg_dt_none(*state, pg_detect_account, "accountable care 12345");
}


static void
test_account_cards(void **state)
{
    pg_dt_one(*state, pg_detect_account, "card 4111 1111 1111 1111 charged",
              PG_T_ACCOUNT, 5, 19);
    pg_dt_one(*state, pg_detect_account, "4111111111111111", PG_T_ACCOUNT, 0,
              16);
    pg_dt_one(*state, pg_detect_account, "MC 5555-5555-5555-4444.",
              PG_T_ACCOUNT, 3, 19);
    pg_dt_one(*state, pg_detect_account, "amex 3782 822463 10005", PG_T_ACCOUNT,
              5, 17);
    pg_dt_one(*state, pg_detect_account, "Discover 6011111111111117",
              PG_T_ACCOUNT, 9, 16);
    pg_dt_one(*state, pg_detect_account, "JCB 3530111333300000", PG_T_ACCOUNT,
              4, 16);
}


static void
test_account_cards_invalid(void **state)
{
    /* Luhn, issuer prefix, length, grouping, URLs, longer runs */
    pg_dt_none(*state, pg_detect_account, "4111 1111 1111 1112");
    pg_dt_none(*state, pg_detect_account, "1234 5678 9012 3452");
    pg_dt_none(*state, pg_detect_account, "9111111111111111");
    pg_dt_none(*state, pg_detect_account, "41111111111111111");
    pg_dt_none(*state, pg_detect_account, "41111 11111 11111 1");
    pg_dt_none(*state, pg_detect_account, "4111-1111 1111-1111");
    pg_dt_none(*state, pg_detect_account,
               "https://x.com/h/status/4111111111111111");
    pg_dt_none(*state, pg_detect_account, "14111111111111111111");
    pg_dt_none(*state, pg_detect_account, "4111111111111111-2");
    pg_dt_none(*state, pg_detect_account, "5555555555554444 4");
}


static void
test_account_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_account,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_account,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_account,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_account,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_account, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_account,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_account,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_account,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_account,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_account,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_account,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_account_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_account, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_account, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_account, "acct #");
}



static void
test_account_fin(void **state)
{
    pg_dt_one(*state, pg_detect_account,
              "please merge FIN 700183492 into the ED visit", PG_T_ACCOUNT,
              17, 9);
    pg_dt_one(*state, pg_detect_account, "FIN# 5512-00931", PG_T_ACCOUNT, 5,
              10);

    /* a fin, a Finn, Finnish, FIN as a word with no number after it */
    pg_dt_none(*state, pg_detect_account, "FIN: 2 laps of the pool, then rest");
    pg_dt_none(*state, pg_detect_account, "Dolphin fin 2024 exhibit");
    pg_dt_none(*state, pg_detect_account, "FIN and HR teams met 10000 goals");
    pg_dt_none(*state, pg_detect_account, "Finnish 123456 partners");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_account_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_account_cue_needs_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_account_fin,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_account_cards,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_account_cards_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_account_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_account_edges,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
