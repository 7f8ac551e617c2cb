/*
 * Copyright (C) phigate authors
 *
 * FAX detector: a phone number whose nearest cue says fax; one number is
 * one finding through the whole engine.
 */


#include "detect_fixture.h"


static void test_fax_cued(void **state);
static void test_fax_phone_cue_wins(void **state);
static void test_fax_invalid(void **state);
static void test_fax_lookalikes(void **state);
static void test_fax_engine(void **state);
static void test_fax_edges(void **state);
static void test_fax_sentence(void **state);


static void
test_fax_cued(void **state)
{
    pg_dt_one(*state, pg_detect_fax, "Fax: (555) 234-5678", PG_T_FAX, 5, 14);
    pg_dt_one(*state, pg_detect_fax, "Please fax the form to 555-234-5678.",
              PG_T_FAX, 23, 12);
    pg_dt_one(*state, pg_detect_fax, "F: 555.234.5678", PG_T_FAX, 3, 12);
    pg_dt_one(*state, pg_detect_fax, "fax it to 5552345678 today", PG_T_FAX, 10,
              10);
    pg_dt_one(*state, pg_detect_fax, "FACSIMILE +1 555 234 5678", PG_T_FAX, 10,
              15);
    pg_dt_one(*state, pg_detect_fax, "Phone 555-234-5678, fax 555-234-5679",
              PG_T_FAX, 24, 12);
}


static void
test_fax_phone_cue_wins(void **state)
{
    pg_dt_none(*state, pg_detect_fax, "Fax us, or call 555-234-5678");
    pg_dt_none(*state, pg_detect_fax, "Fax/Tel: 555-234-5678");
    pg_dt_none(*state, pg_detect_fax, "Call 555-234-5678 today");
    pg_dt_one(*state, pg_detect_fax, "Tel/Fax: 555-234-5678", PG_T_FAX, 9, 12);
}


static void
test_fax_invalid(void **state)
{
    /* the phone rules hold: NANP, short codes, boundaries, URLs */
    pg_dt_none(*state, pg_detect_fax, "fax 555-123-4567");
    pg_dt_none(*state, pg_detect_fax, "fax 155-234-5678");
    pg_dt_none(*state, pg_detect_fax, "fax 988");
    pg_dt_none(*state, pg_detect_fax, "fax 555-234-56789");
    pg_dt_none(*state, pg_detect_fax, "fax https://x.org/555-234-5678");
    pg_dt_none(*state, pg_detect_fax, "Our fax machine turns 20 this year");
    pg_dt_none(*state, pg_detect_fax, "Faxes sent in 2024: 12,345");
    pg_dt_none(*state, pg_detect_fax, "prefax 555-234-5678");
}


static void
test_fax_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_fax,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_fax,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_fax,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_fax,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_fax, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_fax,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_fax,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_fax,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_fax,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_fax,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_fax,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_fax_engine(void **state)
{
    pg_dt_t  *fx = *state;

    /* the phone detector sees it too; merge keeps the FAX only */
    assert_int_equal(pg_dt_field(fx, "Fax: (555) 234-5678"), 1);
    pg_dt_check(fx, "fax", 0, PG_T_FAX, 5, 14);

    assert_int_equal(pg_dt_field(fx, "Tel 555-234-5678 Fax 555-234-5679"),
                     2);
    pg_dt_check(fx, "tel fax", 0, PG_T_PHONE, 4, 12);
    pg_dt_check(fx, "tel fax", 1, PG_T_FAX, 21, 12);

    assert_int_equal(pg_dt_runl(fx, pg_detect_fax, "", 0), 0);
    assert_int_equal(pg_dt_runl(fx, pg_detect_fax, "fax 555-234-56789",
                                16), 1);
}


static void
test_fax_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_fax, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_fax, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_fax, "fax");
}



static void
test_fax_sentence(void **state)
{
    /* a fax verb far before the number, in the same sentence */
    pg_dt_one(*state, pg_detect_fax, "Please fax the signed release for the "
              "patient in bed 12 to (555) 234-5679 before discharge.",
              PG_T_FAX, 59, 14);
    /* "Dr." ends no sentence; "her referral" is a patient's whatever
     * the staff title */
    pg_dt_one(*state, pg_detect_fax, "Please fax her referral to Dr. "
              "Patel's office at 727-461-8823 (fax) before Friday.",
              PG_T_FAX, 49, 12);
    /* not across a sentence */
    pg_dt_none(*state, pg_detect_fax, "Fax the form. Reach the patient's "
               "son at 555-234-5679.");
    /* a business or professional a pronoun owns: not the patient's
     * number; the patient's own, in the same post, is */
    pg_dt_none(*state, pg_detect_fax, "Fax the signed release to her "
               "attorney's office, 717-233-5010, before the deposition.");
    pg_dt_none(*state, pg_detect_fax, "Fax the refill to his pharmacy at "
               "717-233-5013.");
    pg_dt_one(*state, pg_detect_fax, "Fax her release to her at "
              "717-233-5011 today.", PG_T_FAX, 26, 12);
    pg_dt_one(*state, pg_detect_fax, "Fax her records to her attorney at "
              "717-233-5014.", PG_T_FAX, 35, 12);
    /* nor past a phone cue */
    pg_dt_none(*state, pg_detect_fax, "Fax the release, then call the "
               "patient's son at 555-234-5679.");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_fax_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fax_phone_cue_wins,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fax_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fax_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fax_engine,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fax_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_fax_sentence,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
