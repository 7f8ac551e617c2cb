/*
 * Copyright (C) phigate authors
 *
 * BIOMETRIC detector: the ID of a biometric record after its cue.
 */


#include "detect_fixture.h"


static void test_biometric_cued(void **state);
static void test_biometric_cue_needs_id(void **state);
static void test_biometric_lookalikes(void **state);
static void test_biometric_edges(void **state);
static void test_biometric_cue_for(void **state);
static void test_biometric_enrollment(void **state);


static void
test_biometric_cued(void **state)
{
    pg_dt_one(*state, pg_detect_biometric, "fingerprint ID 88213-A",
              PG_T_BIOMETRIC, 15, 7);
    pg_dt_one(*state, pg_detect_biometric, "iris scan template #IR-55102",
              PG_T_BIOMETRIC, 20, 8);
    pg_dt_one(*state, pg_detect_biometric, "DNA sample ID D-40021 logged",
              PG_T_BIOMETRIC, 14, 7);
    pg_dt_one(*state, pg_detect_biometric, "voiceprint 7731092", PG_T_BIOMETRIC,
              11, 7);
    pg_dt_one(*state, pg_detect_biometric, "Palm scan template ID 88201-FX4 "
              "must be deleted", PG_T_BIOMETRIC, 22, 9);
    pg_dt_one(*state, pg_detect_biometric, "palm vein ID: PV-55120",
              PG_T_BIOMETRIC, 14, 8);
}


static void
test_biometric_cue_needs_id(void **state)
{
    pg_dt_none(*state, pg_detect_biometric,
               "Try our new fingerprint check-in kiosks!");
    pg_dt_none(*state, pg_detect_biometric,
               "DNA sample kits available at the front desk");
    pg_dt_none(*state, pg_detect_biometric,
               "biometric scanners installed in 2024");
    pg_dt_none(*state, pg_detect_biometric, "fingerprint 12");
    pg_dt_none(*state, pg_detect_biometric, "fingerprinting 88213");
    pg_dt_none(*state, pg_detect_biometric,
               "Our new palm scan check-in kiosks launch at 12 sites.");
}


static void
test_biometric_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_biometric,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_biometric,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_biometric,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_biometric,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_biometric, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_biometric,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_biometric,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_biometric,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_biometric,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_biometric,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_biometric,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_biometric_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_biometric, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_biometric, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_biometric, "fingerprint");
}



static void
test_biometric_cue_for(void **state)
{
    pg_dt_one(*state, pg_detect_biometric, "Fingerprint template for the "
              "kiosk enrolment: FP-0019-4482-A, patient Ruiz.",
              PG_T_BIOMETRIC, 46, 14);
    pg_dt_none(*state, pg_detect_biometric, "Fingerprint template for the "
               "kiosk enrolment: coming in 2026.");
}


static void
test_biometric_enrollment(void **state)
{
    pg_dt_one(*state, pg_detect_biometric,
              "Voiceprint enrollment ID VP-2026-118830 must be purged",
              PG_T_BIOMETRIC, 25, 14);
    pg_dt_one(*state, pg_detect_biometric, "voice enrollment: VE44120931",
              PG_T_BIOMETRIC, 18, 10);

    /* the programme, not a person's record */
    pg_dt_none(*state, pg_detect_biometric,
               "Voiceprint enrollment is now open at our 3 kiosks");
    pg_dt_none(*state, pg_detect_biometric,
               "Voice biometrics cut phone check-in time by 40%");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_biometric_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_biometric_cue_needs_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_biometric_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_biometric_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_biometric_cue_for,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_biometric_enrollment,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
