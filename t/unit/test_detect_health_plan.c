/*
 * Copyright (C) phigate authors
 *
 * HEALTH_PLAN detector: the MBI layout without a cue, plan IDs after cues.
 */


#include "detect_fixture.h"


static void test_health_plan_mbi(void **state);
static void test_health_plan_mbi_invalid(void **state);
static void test_health_plan_cued(void **state);
static void test_health_plan_cue_needs_id(void **state);
static void test_health_plan_lookalikes(void **state);
static void test_health_plan_edges(void **state);
static void test_health_plan_mbi_spaced(void **state);
static void test_health_plan_groups(void **state);
static void test_health_plan_payer(void **state);


static void
test_health_plan_mbi(void **state)
{
    pg_dt_one(*state, pg_detect_health_plan,
              "Patient Medicare number 1EG4-TE5-MK73 needs updating.",
              PG_T_HEALTH_PLAN, 24, 13);
    pg_dt_one(*state, pg_detect_health_plan, "MBI 1EG4TE5MK73",
              PG_T_HEALTH_PLAN, 4, 11);
    pg_dt_one(*state, pg_detect_health_plan, "1eg4-te5-mk73", PG_T_HEALTH_PLAN,
              0, 13);
    pg_dt_one(*state, pg_detect_health_plan, "new card: 9AA0-AA0-AA00.",
              PG_T_HEALTH_PLAN, 10, 13);
    pg_dt_one(*state, pg_detect_health_plan, "(2C29D34EF56)", PG_T_HEALTH_PLAN,
              1, 11);

    /* CMS's specimen shown as an example is nobody's; another MBI so
     * shown, and the specimen without an example word, are findings */
    pg_dt_none(*state, pg_detect_health_plan,
               "Your new card has an ID that looks like 1EG4-TE5-MK73 "
               "(that one is CMS's example).");
    pg_dt_none(*state, pg_detect_health_plan,
               "A sample card: 1eg4te5mk73. Never post yours!");
    pg_dt_one(*state, pg_detect_health_plan,
              "Your new card has an ID that looks like 2C29-D34-EF56.",
              PG_T_HEALTH_PLAN, 40, 13);
    pg_dt_one(*state, pg_detect_health_plan,
              "1EG4TE5MK73 is the number on his card.", PG_T_HEALTH_PLAN,
              0, 11);
    /* "of the patient" in Spanish between the cue and its ID */
    pg_dt_one(*state, pg_detect_health_plan,
              "Numero de Medicaid de la paciente: 71844209F", PG_T_HEALTH_PLAN, 35, 9);
    pg_dt_none(*state, pg_detect_health_plan,
               "Medicaid de Texas: llame al centro, 8 am a 5 pm.");
}


static void
test_health_plan_mbi_invalid(void **state)
{
    /* excluded letters, a leading 0, lengths, mixed dashes */
    pg_dt_none(*state, pg_detect_health_plan, "1SG4-TE5-MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EL4-TE5-MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4-TO5-MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4-TE5-MB73");
    pg_dt_none(*state, pg_detect_health_plan, "0EG4-TE5-MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4-TE5-MK7");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4-TE5-MK734");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4TE5-MK73");
    pg_dt_none(*state, pg_detect_health_plan, "X1EG4TE5MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4TE5MK73X");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4-TE5-MK73-9");
    pg_dt_none(*state, pg_detect_health_plan, "1E4G-TE5-MK73");
}


static void
test_health_plan_cued(void **state)
{
    pg_dt_one(*state, pg_detect_health_plan, "Member ID: XJH4412095",
              PG_T_HEALTH_PLAN, 11, 10);
    pg_dt_one(*state, pg_detect_health_plan, "Medicaid # 99812345A on file",
              PG_T_HEALTH_PLAN, 11, 9);
    pg_dt_one(*state, pg_detect_health_plan, "policy number 7734-22910",
              PG_T_HEALTH_PLAN, 14, 10);
    pg_dt_one(*state, pg_detect_health_plan, "Group number: G-448821",
              PG_T_HEALTH_PLAN, 14, 8);
    pg_dt_one(*state, pg_detect_health_plan, "subscriber id is W2204481",
              PG_T_HEALTH_PLAN, 17, 8);
}


static void
test_health_plan_cue_needs_id(void **state)
{
    pg_dt_none(*state, pg_detect_health_plan,
               "Become a member today! Member benefits start in 2025");
    pg_dt_none(*state, pg_detect_health_plan, "policy #5 of our new guide");
    pg_dt_none(*state, pg_detect_health_plan,
               "Medicare open enrollment runs Oct 15 - Dec 7");
    pg_dt_none(*state, pg_detect_health_plan,
               "Medicare Part D questions? Ask us.");
    pg_dt_none(*state, pg_detect_health_plan, "Our group #1 priority is you");
    pg_dt_none(*state, pg_detect_health_plan, "Plan ID 123");
    pg_dt_none(*state, pg_detect_health_plan, "membership 12345678");
}


static void
test_health_plan_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_health_plan,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_health_plan,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_health_plan, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_health_plan,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_health_plan,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
    pg_dt_none(*state, pg_detect_health_plan,
               "Promo code 1AB2CD3EF45 for 10% off");
}


static void
test_health_plan_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_health_plan, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_health_plan, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_health_plan, "member ID:");
}



static void
test_health_plan_mbi_spaced(void **state)
{
    pg_dt_one(*state, pg_detect_health_plan, "card 1EG4 - TE5 - MK73",
              PG_T_HEALTH_PLAN, 5, 17);
    pg_dt_one(*state, pg_detect_health_plan, "1EG4 TE5 MK73",
              PG_T_HEALTH_PLAN, 0, 13);
    pg_dt_one(*state, pg_detect_health_plan, "1EG4 -TE5- MK73.",
              PG_T_HEALTH_PLAN, 0, 15);
    pg_dt_one(*state, pg_detect_health_plan, "1EG4.TE5.MK73",
              PG_T_HEALTH_PLAN, 0, 13);

    /* both separators of one kind; three blanks part words */
    pg_dt_none(*state, pg_detect_health_plan, "1EG4-TE5 MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4 TE5-MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4   TE5   MK73");
    pg_dt_none(*state, pg_detect_health_plan, "1EG4 TE5 MK7 3");
}



/* "Policy # BCX 7748 0219 1A": a prefix in capitals and digit groups */

static void
test_health_plan_groups(void **state)
{
    pg_dt_one(*state, pg_detect_health_plan, "Policy # BCX 7748 0219 1A "
              "for the patient in room 9", PG_T_HEALTH_PLAN, 9, 16);
    pg_dt_one(*state, pg_detect_health_plan, "Member ID: QX 55012 for her",
              PG_T_HEALTH_PLAN, 11, 8);
    pg_dt_none(*state, pg_detect_health_plan, "Member ID: XYZ plan 2024 "
               "cards mail Monday.");
    pg_dt_none(*state, pg_detect_health_plan, "Policy # ABCDE 12 is new.");
}


static void
test_health_plan_payer(void **state)
{
    pg_dt_one(*state, pg_detect_health_plan,
              "Her Blue Cross card says ID XJH884120337, can someone",
              PG_T_HEALTH_PLAN, 28, 12);
    pg_dt_one(*state, pg_detect_health_plan, "Aetna ID W123456789",
              PG_T_HEALTH_PLAN, 9, 10);
    pg_dt_one(*state, pg_detect_health_plan, "BCBS# ZGP 4418 2231",
              PG_T_HEALTH_PLAN, 6, 13);

    /* a payer's phone, plan years and programmes carry no letter */
    pg_dt_none(*state, pg_detect_health_plan,
               "Questions? Blue Cross: 1-800-555-0100");
    pg_dt_none(*state, pg_detect_health_plan,
               "Aetna 2025-2026 open enrollment starts now");
    pg_dt_none(*state, pg_detect_health_plan, "We take Cigna card 24/7");
    pg_dt_none(*state, pg_detect_health_plan,
               "Blue Cross says 90% of members got flu shots");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_health_plan_mbi,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_mbi_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_cue_needs_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_mbi_spaced,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_groups,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_plan_payer,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
