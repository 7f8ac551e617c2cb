/*
 * Copyright (C) phigate authors
 *
 * ZIP detector: ZIP and ZIP+4 after a state or on a street address line,
 * and the 5-digit numbers that are not ZIP codes.
 */


#include "detect_fixture.h"
#include "pg_detect_zip.h"


/* a restricted list's file, as phigate_zip_restricted names it */
#define PG_ZIP3_FILE  "zip3.txt"
#define PG_ZIP3_BAD                                                         \
    "not a 3-digit ZIP prefix (three digits an entry, separated by "        \
    "commas, blanks or new lines)"


static void test_zip_state(void **state);
static void test_zip_street(void **state);
static void test_zip_ambiguous_states(void **state);
static void test_zip_lookalikes(void **state);
static void test_zip_edges(void **state);
static void test_zip_org_place(void **state);
static void test_zip_restricted(void **state);
static void test_zip_prefix(void **state);
static void test_zip_cue_patient(void **state);


static void
test_zip_state(void **state)
{
    pg_dt_one(*state, pg_detect_zip, "Largo, FL 33779.", PG_T_ZIP, 10, 5);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     90);
    pg_dt_one(*state, pg_detect_zip, "Tampa, FL 33606-2210", PG_T_ZIP, 10,
              10);
    pg_dt_one(*state, pg_detect_zip, "Clearwater FL 33761 today", PG_T_ZIP,
              14, 5);
    pg_dt_one(*state, pg_detect_zip, "Tampa, Florida 33602", PG_T_ZIP, 15,
              5);
    pg_dt_one(*state, pg_detect_zip, "Albany, New York 12207", PG_T_ZIP,
              17, 5);
    pg_dt_one(*state, pg_detect_zip, "Mount Holly, NJ, 08060", PG_T_ZIP,
              17, 5);
    /* a territory, by name or abbreviation */
    pg_dt_one(*state, pg_detect_zip, "St. Thomas, Virgin Islands 00802",
              PG_T_ZIP, 27, 5);
    pg_dt_one(*state, pg_detect_zip, "Saipan, MP 96950", PG_T_ZIP, 11, 5);
}


static void
test_zip_street(void **state)
{
    /* a street line with only a city between it and the ZIP */
    pg_dt_one(*state, pg_detect_zip, "12 Oak Street, Northfield 33755",
              PG_T_ZIP, 26, 5);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     85);
    pg_dt_one(*state, pg_detect_zip, "at 9 Bay Dr 33755", PG_T_ZIP, 12, 5);
    pg_dt_none(*state, pg_detect_zip,
               "12 Oak Street has 40 beds and 33755 visits a year");
}


static void
test_zip_ambiguous_states(void **state)
{
    /* ID, IN, OR, ME ... are states only after a comma */
    pg_dt_none(*state, pg_detect_zip, "Patient ID 83702 flagged");
    pg_dt_none(*state, pg_detect_zip, "CALL NOW OR 55555 WILL CLOSE");
    pg_dt_none(*state, pg_detect_zip, "logged IN 46202 times");
    pg_dt_one(*state, pg_detect_zip, "Boise, ID 83702", PG_T_ZIP, 10, 5);
    pg_dt_one(*state, pg_detect_zip, "Indianapolis, IN 46202", PG_T_ZIP, 17,
              5);
}


static void
test_zip_lookalikes(void **state)
{
    pg_dt_none(*state, pg_detect_zip, "Text CARE to 55555 for reminders.");
    pg_dt_none(*state, pg_detect_zip,
               "ZIP codes 33755 and 33756 now qualify for home visits.");
    pg_dt_none(*state, pg_detect_zip, "Walk 10000 steps a day.");
    pg_dt_none(*state, pg_detect_zip, "We served 12,500 patients.");
    pg_dt_none(*state, pg_detect_zip, "FL 337555");
    pg_dt_none(*state, pg_detect_zip, "FL 1233755");
    pg_dt_none(*state, pg_detect_zip, "FL 33755.5");
    pg_dt_none(*state, pg_detect_zip, "Fl 33755");
    pg_dt_none(*state, pg_detect_zip, "XFL 33755");
    /* ZIP+4 needs four digits; "33755-12" is some other number */
    pg_dt_none(*state, pg_detect_zip, "FL 33755-12");
}


static void
test_zip_edges(void **state)
{
    static const char  nul[] = "FL\0 33755";

    assert_int_equal(pg_dt_runl(*state, pg_detect_zip, "", 0), 0);
    pg_dt_none(*state, pg_detect_zip, "33755");
    pg_dt_none(*state, pg_detect_zip, "FL");
    assert_int_equal(pg_dt_runl(*state, pg_detect_zip, nul,
                                sizeof(nul) - 1), 0);

    /* the buffer ends after five digits of a ZIP+4 */
    assert_int_equal(pg_dt_runl(*state, pg_detect_zip, "FL 33755-1234", 8),
                     1);
    pg_dt_check(*state, "cut", 0, PG_T_ZIP, 3, 5);
}



static void
test_zip_org_place(void **state)
{
    pg_dt_none(*state, pg_detect_zip,
               "Send donations to PO Box 4410, Northfield, FL 33755.");
    pg_dt_none(*state, pg_detect_zip, "Find us at 88 Elm St, Suite 300, "
               "Greenville, SC 29601.");
    /* a venue's street between the venue and the ZIP */
    pg_dt_none(*state, pg_detect_zip, "Free sports physicals at Lakeside "
               "Orthopedics, 75 Dune Rd, Suite 2, Midvale, IL 60661.");
    pg_dt_one(*state, pg_detect_zip, "Send her meds to 75 Dune Rd, Suite 2, "
              "Midvale, IL 60661.", PG_T_ZIP, 50, 5);
    pg_dt_one(*state, pg_detect_zip, "Forward his records to PO Box 2231, "
              "Largo, FL 33779.", PG_T_ZIP, 46, 5);
    pg_dt_one(*state, pg_detect_zip, "Our clinic mailed her bill to Tampa, "
              "FL 33606.", PG_T_ZIP, 40, 5);
    /* a place's name before the street (a flyer's venue line, a
     * mailroom); a street with a place word in it is no place's name */
    pg_dt_none(*state, pg_detect_zip, "Parroquia Nuestra Se\xc3\xb1ora de "
               "Guadalupe, 1412 S. Laredo St., San Antonio, TX 78207");
    pg_dt_none(*state, pg_detect_zip, "Mail to: Patient Mail Room, Attn: "
               "Holiday Cards, 1 Hospital Plaza, Tacoma, WA 98405.");
    pg_dt_one(*state, pg_detect_zip, "Mail the meds to 12 Park Ave, Dayton, "
              "OH 45402.", PG_T_ZIP, 41, 5);
}


static void
test_zip_restricted(void **state)
{
    char  err[256];

    /* the HHS default: every one of the 17, and neighbours that are not */
    assert_true(pg_zip_restricted("036"));
    assert_true(pg_zip_restricted("893"));
    assert_true(pg_zip_restricted("03603"));
    assert_true(pg_zip_restricted("82301-1234"));
    assert_false(pg_zip_restricted("037"));
    assert_false(pg_zip_restricted("335"));
    assert_false(pg_zip_restricted("000"));
    assert_false(pg_zip_restricted("36a"));
    assert_false(pg_zip_restricted("ab3"));

    /* a list of its own replaces the default */
    assert_int_equal(pg_zip_restricted_set("335, 102\n# newer census\n"
                                           "999,335", 31, PG_ZIP3_FILE, err,
                                           sizeof(err)), 3);
    assert_true(pg_zip_restricted("33512"));
    assert_true(pg_zip_restricted("999"));
    assert_false(pg_zip_restricted("036"));

    /* a malformed entry leaves the list in force as it was; FILE:LINE */
    assert_int_equal(pg_zip_restricted_set("036, 59, 063", 12, PG_ZIP3_FILE,
                                           err, sizeof(err)), -1);
    assert_string_equal(err, "zip3.txt:1: " PG_ZIP3_BAD);
    assert_int_equal(pg_zip_restricted_set("# ours\r\n\r\n0366", 14,
                                           PG_ZIP3_FILE, err, sizeof(err)),
                     -1);
    assert_string_equal(err, "zip3.txt:3: " PG_ZIP3_BAD);
    assert_int_equal(pg_zip_restricted_set("036x", 4, NULL, NULL, 0), -1);
    assert_int_equal(pg_zip_restricted_set("036 \xff", 5, PG_ZIP3_FILE,
                                           err, sizeof(err)), -1);
    assert_string_equal(err, "zip3.txt:1: not valid UTF-8");
    assert_true(pg_zip_restricted("335"));

    /* an empty list restricts nothing; NULL restores the default */
    assert_int_equal(pg_zip_restricted_set("", 0, NULL, NULL, 0), 0);
    assert_false(pg_zip_restricted("335"));
    assert_int_equal(pg_zip_restricted_set(" # none\n", 8, NULL, NULL, 0),
                     0);
    assert_int_equal(pg_zip_restricted_set(NULL, 0, NULL, NULL, 0), 17);
    assert_true(pg_zip_restricted("036"));
    assert_false(pg_zip_restricted("335"));
    assert_int_equal(pg_zip_restricted_set(PG_ZIP_RESTRICTED_DEFAULT,
                         sizeof(PG_ZIP_RESTRICTED_DEFAULT) - 1, NULL, NULL,
                         0), 17);

    /* a whole ZIP still needs its address context, restricted or not */
    pg_dt_none(*state, pg_detect_zip, "ZIP 03603");
    pg_dt_one(*state, pg_detect_zip, "Charlestown, NH 03603", PG_T_ZIP, 16,
              5);

    /* checking a list changes nothing */
    assert_int_equal(pg_zip_restricted_check("335 999", 7, NULL, NULL, 0),
                     2);
    assert_int_equal(pg_zip_restricted_check("335 # a\n12", 10,
                                             PG_ZIP3_FILE, err,
                                             sizeof(err)), -1);
    assert_string_equal(err, "zip3.txt:2: " PG_ZIP3_BAD);
    assert_true(pg_zip_restricted("036"));
    assert_false(pg_zip_restricted("335"));
}


static void
test_zip_prefix(void **state)
{
    pg_dt_t  *dt = *state;

    /* a restricted prefix after a ZIP cue, masked or not */
    pg_dt_one(dt, pg_detect_zip, "lives in ZIP 036xx, dialysis 3x a week",
              PG_T_ZIP, 13, 5);
    assert_int_equal(dt->findings.items[0].confidence, 80);
    pg_dt_one(dt, pg_detect_zip, "zip code: 893", PG_T_ZIP, 10, 3);
    pg_dt_one(dt, pg_detect_zip, "Zip code starting with 692** only",
              PG_T_ZIP, 23, 5);
    pg_dt_one(dt, pg_detect_zip, "ZIP3 059-XX", PG_T_ZIP, 5, 6);

    /* any other prefix may stay; no cue, another number, not 3 digits */
    pg_dt_none(dt, pg_detect_zip, "patients in ZIP 336xx");
    pg_dt_none(dt, pg_detect_zip, "Room 036 on Route 893");
    pg_dt_none(dt, pg_detect_zip, "ZIP 33602, suite 036");
    pg_dt_none(dt, pg_detect_zip, "ZIP 0360");
    pg_dt_none(dt, pg_detect_zip, "ZIP 036.5");
    pg_dt_none(dt, pg_detect_zip, "zipper 036");
    pg_dt_none(dt, pg_detect_zip, "ZIP 036xy");

    /* the list in force decides */
    assert_int_equal(pg_zip_restricted_set("336", 3, NULL, NULL, 0), 1);
    pg_dt_one(dt, pg_detect_zip, "patients in ZIP 336xx", PG_T_ZIP, 16, 5);
    pg_dt_none(dt, pg_detect_zip, "lives in ZIP 036xx");
    assert_int_equal(pg_zip_restricted_set(NULL, 0, NULL, NULL, 0), 17);
}


/* a ZIP code after its cue where a patient lives */
static void
test_zip_cue_patient(void **state)
{
    pg_dt_one(*state, pg_detect_zip, "The patient lives in zip code 62704",
              PG_T_ZIP, 30, 5);
    pg_dt_one(*state, pg_detect_zip,
              "pt discharged home to ZIP 62704-1234 today", PG_T_ZIP, 26,
              10);

    /* no patient: an announcement; a number between cue and ZIP */
    pg_dt_none(*state, pg_detect_zip,
               "ZIP code 62704 residents can get free screenings");
    pg_dt_none(*state, pg_detect_zip,
               "Zip codes 62704 and 62705 now qualify for free rides");
    pg_dt_none(*state, pg_detect_zip,
               "The patient lives in zip code area 3, room 62704");
    pg_dt_none(*state, pg_detect_zip, "The patient walked 10000 steps");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_zip_state,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_street,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_ambiguous_states,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_org_place,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_restricted,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_prefix,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_zip_cue_patient,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
