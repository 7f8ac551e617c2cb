/*
 * Copyright (C) phigate authors
 *
 * DOB detector: cues, numeric and written dates, what is not a DOB.
 */


#include "detect_fixture.h"


static void test_dob_numeric(void **state);
static void test_dob_written(void **state);
static void test_dob_cues(void **state);
static void test_dob_gap(void **state);
static void test_dob_invalid_dates(void **state);
static void test_dob_needs_day(void **state);
static void test_dob_needs_year(void **state);
static void test_dob_lookalikes(void **state);
static void test_dob_edges(void **state);
static void test_dob_institution(void **state);
static void test_dob_dotted_cues(void **state);
static void test_dob_words(void **state);
static void test_dob_languages(void **state);


static void
test_dob_numeric(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "DOB 06/12/1985", PG_T_DOB, 4, 10);
    pg_dt_one(*state, pg_detect_dob, "DOB: 6/1/85.", PG_T_DOB, 5, 6);
    pg_dt_one(*state, pg_detect_dob, "DOB 1985-06-12", PG_T_DOB, 4, 10);
    pg_dt_one(*state, pg_detect_dob, "DOB 06-12-1985", PG_T_DOB, 4, 10);
    pg_dt_one(*state, pg_detect_dob, "DOB 12.06.1985", PG_T_DOB, 4, 10);
    /* day first, as written outside the US */
    pg_dt_one(*state, pg_detect_dob, "DOB 25/12/1985", PG_T_DOB, 4, 10);
    /* month and day, no year: still a birth date, lower confidence */
    pg_dt_one(*state, pg_detect_dob, "born 2/15", PG_T_DOB, 5, 4);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     70);
}


static void
test_dob_written(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "Nadia, born Jun 12 1985, is our",
              PG_T_DOB, 12, 11);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     90);
    pg_dt_one(*state, pg_detect_dob, "born June 12, 1985.", PG_T_DOB, 5, 13);
    pg_dt_one(*state, pg_detect_dob, "born 12 June 1985", PG_T_DOB, 5, 12);
    pg_dt_one(*state, pg_detect_dob, "born Jun. 12th, 1985", PG_T_DOB, 5,
              15);
    pg_dt_one(*state, pg_detect_dob, "born 1st of May, 1990", PG_T_DOB, 5,
              16);
    pg_dt_one(*state, pg_detect_dob, "born Sept 3 2001", PG_T_DOB, 5, 11);
    pg_dt_one(*state, pg_detect_dob, "born on Sep 19", PG_T_DOB, 8, 6);
}


static void
test_dob_cues(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "D.O.B. 06/12/1985", PG_T_DOB, 7, 10);
    pg_dt_one(*state, pg_detect_dob, "d.o.b 06/12/1985", PG_T_DOB, 6, 10);
    pg_dt_one(*state, pg_detect_dob, "date of birth: 06/12/1985", PG_T_DOB,
              15, 10);
    pg_dt_one(*state, pg_detect_dob, "Birthdate 06/12/1985", PG_T_DOB, 10,
              10);
    pg_dt_one(*state, pg_detect_dob, "birth date 06/12/1985", PG_T_DOB, 11,
              10);
    pg_dt_one(*state, pg_detect_dob, "b. 06/12/1985", PG_T_DOB, 3, 10);
    pg_dt_one(*state, pg_detect_dob, "birthday: Jun 12, 1985", PG_T_DOB,
              10, 12);
    /* the cue is a whole word */
    pg_dt_none(*state, pg_detect_dob, "newborn 06/12/1985");
    pg_dt_none(*state, pg_detect_dob, "XDOB 06/12/1985");
    pg_dt_none(*state, pg_detect_dob, "web. 06/12/1985");
    /* no cue, no DOB */
    pg_dt_none(*state, pg_detect_dob, "discharged on 06/12/1985");

    /* "the birth of" its babies, named, then "on" */
    pg_dt_one(*state, pg_detect_dob, "on the birth of twins Zion and Zuri "
              "on March 2!", PG_T_DOB, 39, 7);
    pg_dt_one(*state, pg_detect_dob, "the birth of their daughter Zo\xc3\xab "
              "on May 3", PG_T_DOB, 36, 5);
    pg_dt_none(*state, pg_detect_dob, "Celebrating the birth of Medicare on "
               "July 30, 1965.");
    pg_dt_none(*state, pg_detect_dob, "After the birth of her son, she was "
               "admitted on 3/2.");
}


static void
test_dob_gap(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "born on Monday, June 12, 1985",
              PG_T_DOB, 16, 13);
    pg_dt_one(*state, pg_detect_dob, "DOB is 06/12/1985", PG_T_DOB, 7, 10);
    pg_dt_one(*state, pg_detect_dob, "DOB - 06/12/1985", PG_T_DOB, 6, 10);
    pg_dt_none(*state, pg_detect_dob, "born at St. Mary's 06/12/1985");
}


static void
test_dob_invalid_dates(void **state)
{
    pg_dt_none(*state, pg_detect_dob, "DOB 13/13/1985");
    pg_dt_none(*state, pg_detect_dob, "DOB 02/30/1985");
    pg_dt_none(*state, pg_detect_dob, "DOB 00/12/1985");
    pg_dt_none(*state, pg_detect_dob, "DOB 06/12/1785");
    pg_dt_none(*state, pg_detect_dob, "DOB 1985-13-01");
    pg_dt_none(*state, pg_detect_dob, "DOB 06/12/19855");
    pg_dt_none(*state, pg_detect_dob, "DOB 06/12-1985");
    pg_dt_none(*state, pg_detect_dob, "born June 31, 1985");
    pg_dt_none(*state, pg_detect_dob, "born Jun 123 1985");
    pg_dt_none(*state, pg_detect_dob, "born Jun 12xy 1985");
    pg_dt_one(*state, pg_detect_dob, "DOB 02/29/1984", PG_T_DOB, 4, 10);
}


static void
test_dob_needs_day(void **state)
{
    pg_dt_none(*state, pg_detect_dob, "born in 1985");
    pg_dt_none(*state, pg_detect_dob, "born 1985");
    pg_dt_none(*state, pg_detect_dob, "born June 1985");
    pg_dt_none(*state, pg_detect_dob, "born to be wild");
    pg_dt_none(*state, pg_detect_dob, "DOB unknown");
}


static void
test_dob_needs_year(void **state)
{
    pg_dt_none(*state, pg_detect_dob, "Plan b. 6/12 works");
    pg_dt_none(*state, pg_detect_dob, "birthday party Jun 12!");
    pg_dt_none(*state, pg_detect_dob, "birthday Jun 12!");
    pg_dt_one(*state, pg_detect_dob, "birthday Jun 12 1990", PG_T_DOB, 9,
              11);
}


static void
test_dob_lookalikes(void **state)
{
    pg_dt_none(*state, pg_detect_dob,
               "Our blood drive on Sep 19 collected 333 units.");
    pg_dt_none(*state, pg_detect_dob,
               "Happy 90th birthday to our longest-staying patient!");
    pg_dt_none(*state, pg_detect_dob, "Est. 1902. Born and raised here.");
    pg_dt_none(*state, pg_detect_dob,
               "Our new wing was born from 10,000 donors");
}


static void
test_dob_edges(void **state)
{
    static const char  nul[] = "DOB\0 06/12/1985";

    assert_int_equal(pg_dt_runl(*state, pg_detect_dob, "", 0), 0);
    pg_dt_none(*state, pg_detect_dob, "DOB");
    pg_dt_none(*state, pg_detect_dob, "born ");
    pg_dt_none(*state, pg_detect_dob, "born Jun");
    pg_dt_none(*state, pg_detect_dob, "born 12");
    pg_dt_none(*state, pg_detect_dob, "DOB 06/");

    assert_int_equal(pg_dt_runl(*state, pg_detect_dob, nul,
                                sizeof(nul) - 1), 0);

    /* the buffer ends after the day: month and day only */
    assert_int_equal(pg_dt_runl(*state, pg_detect_dob, "born Jun 12 1985",
                                11), 1);
    pg_dt_check(*state, "cut", 0, PG_T_DOB, 5, 6);
}



static void
test_dob_institution(void **state)
{
    /* "born" said of an institution is its founding */
    pg_dt_none(*state, pg_detect_dob, "Fun fact: our hospital was born on "
               "July 4, 1902.");
    pg_dt_none(*state, pg_detect_dob, "The Foundation was officially born "
               "on 3/1/1950.");
    pg_dt_none(*state, pg_detect_dob, "our clinic born June 5, 1990");

    /* a person between the institution and "born" */
    pg_dt_one(*state, pg_detect_dob, "Our hospital's first baby was born on "
              "Jan 1, 2025!", PG_T_DOB, 38, 11);
    pg_dt_one(*state, pg_detect_dob, "Twins at our hospital. Born on "
              "Aug 8, 2024.", PG_T_DOB, 31, 11);
    pg_dt_one(*state, pg_detect_dob, "hospital: born 2/3/1990",
              PG_T_DOB, 15, 8);
}


static void
test_dob_dotted_cues(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "D. O. B. 06/12/1985", PG_T_DOB, 9,
              10);
    pg_dt_one(*state, pg_detect_dob, "D. O. B: 06/12", PG_T_DOB, 9, 5);
    pg_dt_one(*state, pg_detect_dob, "D O B 06/12/1985", PG_T_DOB, 6, 10);

    /* "b." alone needs a year: "Plan b. 6/12"; letters in a word */
    pg_dt_none(*state, pg_detect_dob, "Plan D, O, b. 06/12");
    pg_dt_none(*state, pg_detect_dob, "D O Bee 06/12/1985");
}



/* births in words, holidays, a birth time, "B-day", a baby "arrived" */

static void
test_dob_words(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "Born 4:12 a.m. on the fifth of May!",
              PG_T_DOB, 22, 12);
    pg_dt_one(*state, pg_detect_dob, "born on Halloween 1947", PG_T_DOB, 8,
              14);
    pg_dt_one(*state, pg_detect_dob, "born May the 5th, 1961", PG_T_DOB, 5,
              17);
    pg_dt_one(*state, pg_detect_dob, "B-day 11.09.1972, pt in 8W", PG_T_DOB,
              6, 10);
    pg_dt_one(*state, pg_detect_dob, "Our first baby of the year arrived at "
              "12:07 a.m. on January 1!", PG_T_DOB, 52, 9);

    pg_dt_none(*state, pg_detect_dob, "The patient arrived on January 1 by "
               "ambulance.");
    pg_dt_none(*state, pg_detect_dob, "Born on the first floor of our old "
               "building.");
    pg_dt_none(*state, pg_detect_dob, "B-day party on May 5!");
    pg_dt_none(*state, pg_detect_dob, "Our hospital was born on Christmas "
               "Day 1902.");
}

/* a birth in Portuguese, Spanish, French, German (h5-p021) */

static void
test_dob_languages(void **state)
{
    pg_dt_one(*state, pg_detect_dob, "Bem-vinda, Helena! Nasceu dia 3 de "
              "novembro \xc3\xa0s 4h12.", PG_T_DOB, 30, 13);
    /* as the normaliser gives them to the detector: "Nació" reads
     * "Nacio", "Née le 14 février" "Nee le 14 fevrier" */
    pg_dt_one(*state, pg_detect_dob, "Nacio el 5 de mayo de 1950.",
              PG_T_DOB, 9, 17);
    pg_dt_one(*state, pg_detect_dob, "Nee le 14 fevrier "
              "1950, ma mere.", PG_T_DOB, 7, 15);
    pg_dt_one(*state, pg_detect_dob, "Opa, geboren am 2. November 1930.",
              PG_T_DOB, 16, 16);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     90);
    pg_dt_none(*state, pg_detect_dob, "Jane Smith, nee Jones, "
               "joined on 3 mars.");
    pg_dt_none(*state, pg_detect_dob, "Service de nephrologie le 3 "
               "mars.");
    pg_dt_none(*state, pg_detect_dob, "Nasceu dia 31 de fevereiro.");
    pg_dt_none(*state, pg_detect_dob, "Nasceu um projeto em 3 de maio.");

    /* through the engine, with marks: the original bytes' offsets */
    assert_int_equal(pg_dt_field(*state, "Naci\xc3\xb3 el 5 de mayo de "
                                 "1950."), 1);
    pg_dt_check(*state, "Nació", 0, PG_T_DOB, 10, 17);
    assert_int_equal(pg_dt_field(*state, "N\xc3\xa9" "e le 14 f\xc3\xa9vrier "
                                 "1950, ma m\xc3\xa8re."), 1);
    pg_dt_check(*state, "Née le", 0, PG_T_DOB, 8, 16);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_dob_numeric,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_written,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_cues,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_gap,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_invalid_dates,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_needs_day,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_needs_year,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_institution,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_dotted_cues,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_languages,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_dob_words,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
