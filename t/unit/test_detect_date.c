/*
 * Copyright (C) phigate authors
 *
 * DATE detector: dates of a person's care in numeric, ISO and written
 * forms with an event verb or an event noun next to a person; event
 * announcements, birth dates and invalid dates are no findings.
 */


#include "detect_fixture.h"


static void pg_da_one(void **state, const char *s, const char *date);
static void test_date_verbs(void **state);
static void test_date_forms(void **state);
static void test_date_nouns(void **state);
static void test_date_after(void **state);
static void test_date_month_only(void **state);
static void test_date_events(void **state);
static void test_date_invalid(void **state);
static void test_date_edges(void **state);
static void test_date_field(void **state);
static void test_date_words(void **state);
static void test_date_heldout4(void **state);
static void test_date_procedures(void **state);
static void test_date_passed(void **state);
static void test_date_holidays(void **state);
static void test_date_institution(void **state);
static void test_date_schedule(void **state);
static void test_date_languages(void **state);


/* exactly one DATE finding, covering the first occurrence of date */

static void
pg_da_one(void **state, const char *s, const char *date)
{
    const char  *p;

    p = strstr(s, date);
    assert_non_null(p);

    pg_dt_one(*state, pg_detect_date, s, PG_T_DATE, (size_t) (p - s),
              strlen(date));
}


static void
test_date_verbs(void **state)
{
    pg_da_one(state, "Owen was discharged on 2/15 after treatment.",
              "2/15");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     85);
    pg_da_one(state, "Mrs. Chen was admitted on 3/4 for pneumonia.", "3/4");
    pg_da_one(state, "Ruth passed away on June 14, 2024, with family.",
              "June 14, 2024");
    pg_da_one(state, "Admission date: 2024-09-18.", "2024-09-18");
    pg_da_one(state, "Date of death 01/30/2025, cause pending.",
              "01/30/2025");
    pg_da_one(state, "DOS 03/15/2025, MRI of the spine.", "03/15/2025");
    pg_da_one(state, "Pt underwent a biopsy on Feb 2; results pending.",
              "Feb 2");
    pg_da_one(state, "He died on the 3rd of August.", "3rd of August");
    pg_da_one(state, "Grandpa was admitted to 5 East on Nov 3.", "Nov 3");
}


static void
test_date_forms(void **state)
{
    pg_da_one(state, "discharged 11/02/2024 home", "11/02/2024");
    pg_da_one(state, "discharged 9-14-2024 to rehab", "9-14-2024");
    pg_da_one(state, "discharged 14.09.2024 to rehab", "14.09.2024");
    pg_da_one(state, "discharged 9/14/24 to rehab", "9/14/24");
    pg_da_one(state, "admitted on Feb. 14th with chest pain", "Feb. 14th");
    pg_da_one(state, "admitted 12 May 2023 with sepsis", "12 May 2023");
    pg_da_one(state, "airlifted on Saturday, July 19 after the crash",
              "Saturday, July 19");
    pg_da_one(state, "admitted Sept 3, 2024.", "Sept 3, 2024");
}


static void
test_date_nouns(void **state)
{
    pg_da_one(state, "His bypass surgery is scheduled for Oct. 21st.",
              "Oct. 21st");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     80);
    pg_da_one(state, "Maria's transplant on 7/9 was a success!", "7/9");
    pg_da_one(state, "Her C-section is set for December 8 at 7am.",
              "December 8");
    pg_da_one(state, "Surgery for Tom Fischer on 4/22 was moved.", "4/22");
    /* the reader's appointment, not a patient's */
    pg_dt_none(*state, pg_detect_date,
               "Book your appointment on 4/22 online.");
    pg_dt_none(*state, pg_detect_date,
               "Our new surgery center opens May 1.");
    pg_dt_none(*state, pg_detect_date,
               "Dr. Chen's surgery schedule opens on 4/22.");
    /* a letter to a named person: "your" is that person */
    pg_da_one(state, "Dear Ms. Obi, we are sorry your stay after your hip "
              "surgery on October 28 was hard.", "October 28");
    pg_da_one(state, "Thank you for writing.\nDear Mr. Hale, we regret "
              "your wait at your visit on 11/2.", "11/2");
    pg_dt_none(*state, pg_detect_date,
               "Dear neighbors, book your surgery consult on October 28.");
    pg_dt_none(*state, pg_detect_date,
               "Dear Mr. Hale, thank you for your review of our garage "
               "on 11/2.");
    /* an injury a person suffered */
    pg_da_one(state, "The burns he suffered at the Elm St warehouse fire "
              "on Oct 30 are healing.", "Oct 30");
    pg_dt_none(*state, pg_detect_date,
               "The Elm St warehouse fire on Oct 30 closed the road.");
    /* the writer's own care */
    pg_da_one(state, "I still haven't gotten my mammogram results from "
              "Dec 1.", "Dec 1");
    pg_dt_none(*state, pg_detect_date,
               "Schedule your mammogram from Dec 1 to Dec 31.");
    pg_dt_none(*state, pg_detect_date,
               "Sorry, my phone is dead. The cardiac rehab gym is closed "
               "on Sept 1.");
}


static void
test_date_after(void **state)
{
    pg_da_one(state, "On 5/12 the patient in bed 4 was readmitted.",
              "5/12");
    pg_da_one(state, "On March 3, Mrs. Chen was admitted.", "March 3");
    /* the verb in the next sentence does not count */
    pg_dt_none(*state, pg_detect_date,
               "Blood drive on 5/12. Donors admitted free to the gala.");
    /* an illness that befell a person after "On <date>," */
    pg_da_one(state, "On Sept 14, Ana Reyes, 34, had a heart attack at "
              "mile 9.", "Sept 14");
    pg_dt_none(*state, pg_detect_date,
               "On Sept 14, we had a bake sale for the NICU.");
}


static void
test_date_month_only(void **state)
{
    pg_da_one(state, "He was hospitalized in March 2024 for COVID.",
              "March 2024");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     60);
    pg_da_one(state, "She died in May after a long battle.", "May");
    pg_dt_none(*state, pg_detect_date,
               "Support group meets every Thursday in March.");
    pg_dt_none(*state, pg_detect_date, "He was admitted in 2024.");
}


static void
test_date_events(void **state)
{
    pg_dt_none(*state, pg_detect_date,
               "Our blood drive on Sep 19 collected 333 units.");
    pg_dt_none(*state, pg_detect_date,
               "Open enrollment runs Oct 15 - Dec 7.");
    pg_dt_none(*state, pg_detect_date, "Join us on March 3 for CPR class.");
    pg_dt_none(*state, pg_detect_date,
               "Free admission to the health fair on Sep 19.");
    pg_dt_none(*state, pg_detect_date,
               "Webinar on 2025-03-12: before joint replacement surgery.");
    pg_dt_none(*state, pg_detect_date,
               "The dialysis center moves to the new building on 11/3.");
    /* a birth date is DOB's */
    pg_dt_none(*state, pg_detect_date,
               "DOB 04/17/1952, admitted with CHF.");
    pg_dt_none(*state, pg_detect_date,
               "transplant patient Joe (b. 3/14/1961) went home");
}


static void
test_date_invalid(void **state)
{
    pg_dt_none(*state, pg_detect_date, "discharged on 13/13/2024");
    pg_dt_none(*state, pg_detect_date, "discharged on 2/30");
    pg_dt_none(*state, pg_detect_date, "discharged on June 31");
    pg_dt_none(*state, pg_detect_date, "discharged on 06/12/1785");
    pg_dt_none(*state, pg_detect_date, "discharged on 1/2/3/4");
    pg_dt_none(*state, pg_detect_date, "discharged on 3/4.5");
    pg_dt_none(*state, pg_detect_date, "discharged may 3");
    pg_dt_none(*state, pg_detect_date, "discharged at March 3:30 pm");
}


static void
test_date_edges(void **state)
{
    static const char  nul[] = "discharged\0 2/15";

    assert_int_equal(pg_dt_runl(*state, pg_detect_date, "", 0), 0);
    pg_dt_none(*state, pg_detect_date, "discharged");
    pg_dt_none(*state, pg_detect_date, "2/15");
    pg_dt_none(*state, pg_detect_date, "admitted on March");
    /* a NUL separates words like any punctuation: it hides nothing */
    assert_int_equal(pg_dt_runl(*state, pg_detect_date, nul,
                                sizeof(nul) - 1), 1);
    pg_dt_check(*state, "nul", 0, PG_T_DATE, 12, 4);

    /* the buffer ends after the day */
    assert_int_equal(pg_dt_runl(*state, pg_detect_date,
                                "died on June 14, 2024", 15), 1);
    pg_dt_check(*state, "cut", 0, PG_T_DATE, 8, 7);

    /* the buffer ends in the blanks after a month: nothing after them
     * is read (fuzz_detect found a read of the byte past the end) */
    pg_dt_none(*state, pg_detect_date, "admitted June ");
    pg_dt_none(*state, pg_detect_date, "admitted June   ");
}



static void
test_date_field(void **state)
{
    /* the event noun up to 8 words before, health words of the lexicon */
    pg_dt_one(*state, pg_detect_date, "Surgery for Mr. Patel is scheduled "
              "for April 22 at 7am.", PG_T_DATE, 39, 8);
    pg_dt_one(*state, pg_detect_date, "Patient in 7C had her appendectomy "
              "on 1/30.", PG_T_DATE, 38, 4);
    /* a patient's account stands for the patient */
    pg_dt_one(*state, pg_detect_date, "Billing: acct# 00448812 disputes the "
              "ER charge from 2/14.", PG_T_DATE, 52, 4);

    pg_dt_one(*state, pg_detect_date, "On Tuesday, 10/7, our team said "
              "goodbye to hospice patient Roberto.", PG_T_DATE, 12, 4);
    pg_dt_none(*state, pg_detect_date, "Our cancer center opens May 1.");
    pg_dt_none(*state, pg_detect_date, "The stroke support group meets on "
               "March 3.");
}


/* dates in words and chart shorthand (the held-out corpus) */

static void
test_date_words(void **state)
{
    pg_da_one(state, "Mr. Ames was admitted on the fourteenth of March.",
              "fourteenth of March");
    pg_da_one(state, "She died on the morning of August twenty-first.",
              "August twenty-first");
    pg_da_one(state, "her biopsy on June the 3rd went well",
              "June the 3rd");
    pg_da_one(state, "Discharged Tuesday the 12th after six weeks.",
              "Tuesday the 12th");
    pg_da_one(state, "his c-section is set for the 28th of this month",
              "28th of this month");
    pg_da_one(state, "He was discharged on New Year's Day, home at last.",
              "New Year's Day");
    pg_da_one(state, "Her transplant was on Valentine's Day.",
              "Valentine's Day");
    pg_da_one(state, "Pt adm 2025-06-14 for DKA", "2025-06-14");
    pg_da_one(state, "Adm: 5/14, stable", "5/14");
    pg_da_one(state, "Admission: Sept 9th. Walking by noon.", "Sept 9th");
    pg_da_one(state, "a year since his heart stopped on October 4",
              "October 4");

    pg_da_one(state, "Jane Ames gave birth on 3/3/2024.", "3/3/2024");
    pg_da_one(state, "Mrs. Ames came in on Jan 5, 2024 with chest pain.",
              "Jan 5, 2024");
    /* six words between the cue and the date */
    pg_da_one(state, "Mr. Ames, 91, came in with a broken hip on Feb 2.",
              "Feb 2");
    pg_dt_none(*state, pg_detect_date, "Everyone who came in for a flu "
               "shot at our drive-thru on Oct 4 got a mask.");
    pg_dt_none(*state, pg_detect_date, "Thousands of families came in for "
               "free screenings at our health fair last year; the next one "
               "is on Feb 2.");
    pg_da_one(state, "She had her hip replacement on Jan 5, 2024",
              "Jan 5, 2024");
    pg_dt_none(*state, pg_detect_date, "Hip replacement seminar on Jan 5, "
               "2024 in the atrium.");
    pg_dt_none(*state, pg_detect_date, "Ames was born on 3/3/2024.");

    /* words that are no date, and dates with no one's care */
    pg_dt_none(*state, pg_detect_date, "He was admitted the first of many "
               "times.");
    pg_dt_none(*state, pg_detect_date, "Our clinic is closed on Christmas "
               "Day and New Year's Day.");
    pg_dt_none(*state, pg_detect_date, "Flu shots every Tuesday the whole "
               "month.");
    pg_dt_none(*state, pg_detect_date, "The 5K is on the 28th of this "
               "month.");
    pg_dt_none(*state, pg_detect_date, "Admission is free on June the 3rd "
               "for our open house.");
}


/* the classes of posts-heldout4 (t/corpus/README.md), each PHI case next
 * to a clean look-alike */

static void
test_date_heldout4(void **state)
{
    /* procedures and care places the lexicon lacked */
    pg_da_one(state, "Mrs. Ruiz had her colectomy moved to 11/20.",
              "11/20");
    pg_dt_none(*state, pg_detect_date,
               "Our colectomy recovery class moved to 11/20.");
    pg_da_one(state, "My husband was in your cath lab 12/29.", "12/29");
    pg_dt_none(*state, pg_detect_date, "Our new cath lab opens 12/29.");

    /* a day with no month after "on the"; the same day of an event, a
     * floor and "the first day" are none */
    pg_da_one(state, "So glad your father's hernia surgery on the 12th "
              "went well!", "12th");
    pg_da_one(state, "Ana was admitted with pneumonia on the 3rd, what are "
              "visiting hours?", "3rd");
    pg_da_one(state, "He was discharged on the twelfth.", "twelfth");
    pg_dt_none(*state, pg_detect_date, "Our hernia surgery seminar is on "
               "the 12th.");
    pg_dt_none(*state, pg_detect_date, "Join us on the 12th for our health "
               "fair!");
    pg_dt_none(*state, pg_detect_date, "Her surgery recovery suite opens on "
               "the 12th floor.");
    pg_dt_none(*state, pg_detect_date, "She was admitted to our program on "
               "the first day.");

    /* an injury's event with a person next to it */
    pg_da_one(state, "Thank you for saving my son's leg after the motorcycle "
              "wreck on 8/14/25.", "8/14/25");
    pg_dt_none(*state, pg_detect_date, "Car crash safety day on 8/14 at the "
               "fire station.");

    /* a death said gently; a staff member who passed an exam */
    pg_da_one(state, "Remembering our patient Nell, who passed on the "
              "morning of January 9th.", "January 9th");
    pg_dt_none(*state, pg_detect_date, "Congrats to Maria, who passed her "
               "boards on June 3.");

    /* a change of date: the event noun is before the phrase */
    pg_da_one(state, "The 2 p.m. colonoscopy (pt: Guti\xc3\xa9rrez-Ochoa, "
              "Marisela) was rescheduled to 3/18.", "3/18");
    pg_dt_none(*state, pg_detect_date, "Our diabetes education seminar was "
               "rescheduled to 3/18.");
    pg_dt_none(*state, pg_detect_date, "The stroke support group was "
               "rescheduled to Thursday, 3/18.");

    /* Spanish */
    pg_da_one(state, "Mi mam\xc3\xa1 fue operada del coraz\xc3\xb3n el 5 de "
              "mayo en su hospital.", "5 de mayo");
    pg_da_one(state, "Ingresado el 3 de abril de 2025 por neumon\xc3\xad"
              "a.", "3 de abril de 2025");
    pg_dt_none(*state, pg_detect_date, "Feria de salud el 5 de mayo en el "
               "parque.");

    /* a baby's birth is DOB's */
    pg_dt_none(*state, pg_detect_date, "On the birth of twins Zion and Zuri "
               "on March 2, they were admitted.");
}

/* "on the 17th" beside a procedure by its eponym, a name made a person
 * by ", who" (h5-p018, h3-p046) */

static void
test_date_procedures(void **state)
{
    pg_da_one(state, "POD 2 from her Whipple on the 17th and she wants "
              "coffee.", "17th");
    pg_da_one(state, "Kenji Watanabe, who woke from a 3-week coma on 12/1.",
              "12/1");
    pg_dt_none(*state, pg_detect_date, "Join us for the 17th annual gala.");
    pg_dt_none(*state, pg_detect_date, "The Whipple Museum gala is on the "
               "17th and tickets are out.");
    pg_dt_none(*state, pg_detect_date, "Dr. Lee, who joins our surgery "
               "practice on May 17, trained in Ohio.");
    pg_dt_none(*state, pg_detect_date, "Our team, who ran the coma study, "
               "met on 12/1.");

    /* a visit by the care team (h2-p042) */
    pg_da_one(state, "Claim denied for the patient we saw 10/2, appeal "
              "today.", "10/2");
    pg_dt_none(*state, pg_detect_date, "We saw record crowds 10/2.");
    pg_dt_none(*state, pg_detect_date, "Maria saw the fireworks on 7/4.");
}


/* "Passed 11/12/26." opening a memorial's sentence (h5-p040) */

static void
test_date_passed(void **state)
{
    pg_da_one(state, "Rest easy, Mr. Feliciano. You taught us all to dance. "
              "Passed 11/12/26.", "11/12/26");
    pg_da_one(state, "Mr. Feliciano passed 11/12 with his family near.",
              "11/12");
    pg_dt_none(*state, pg_detect_date, "The levy passed 11/5 with 60% of "
               "the vote.");
    pg_dt_none(*state, pg_detect_date, "Our budget passed on 11/5.");
}


/* a holiday as a date of care; a holiday's event is none (h5-p055) */

static void
test_date_holidays(void **state)
{
    pg_da_one(state, "My mom had her knee replaced the day after "
              "Thanksgiving and walks!", "Thanksgiving");
    pg_dt_none(*state, pg_detect_date, "Thanks to Mrs. Lee's surgery team "
               "for the day after Thanksgiving food drive.");
    pg_dt_none(*state, pg_detect_date, "Her surgery team loved the "
               "Christmas party.");
    pg_dt_none(*state, pg_detect_date, "Mrs. Lee's knee replacement team "
               "runs the day after Thanksgiving sale.");
}


/* an institution's history is no person's date (h5-c040) */

static void
test_date_institution(void **state)
{
    pg_dt_none(*state, pg_detect_date, "100 years ago today, on November "
               "23, 1926, Mercy Hospital admitted its first patient.");
    pg_dt_none(*state, pg_detect_date, "The hospital admitted its first "
               "patient on May 1, 1926.");
    pg_da_one(state, "On November 23, Mercy Hospital admitted Mr. Lee.",
              "November 23");
    pg_da_one(state, "The hospital admitted her on May 1, 1926.",
              "May 1, 1926");
}


/* a flyer's schedule line is its event's, not the line before's care
 * (h5-p005); hours are no date */

static void
test_date_schedule(void **state)
{
    pg_dt_none(*state, pg_detect_date, "for Kaylee (age 7), fighting "
               "leukemia\nSat Dec 12 - 4-8 pm - VFW Post 1182");
    pg_dt_none(*state, pg_detect_date, "her chemo\nThursday 2/19, 4-7pm, "
               "Hilton");
    pg_dt_none(*state, pg_detect_date, "Visitation for her family Friday "
               "4-7 pm at the funeral home.");
    pg_da_one(state, "Her leukemia treatment\nstarts Dec 12.", "Dec 12");
    pg_da_one(state, "Her surgery is Thursday 2/19 at 7 am.", "2/19");
    pg_da_one(state, "his surgery on 4-8 went well", "4-8");
}


/* French, German and Portuguese dates of care (h5-p022, h5-p058); an
 * event's date in those languages is none */

static void
test_date_languages(void **state)
{
    size_t       i, n;
    const char  *s;

    /* as the normaliser gives them to the detector: "février" reads
     * "fevrier" (through the whole engine below) */
    pg_da_one(state, "Merci d'avoir soigne mon pere apres "
              "son AVC du 14 fevrier. Il est rentre!",
              "14 fevrier");
    pg_da_one(state, "Meine Oma Hildegard hatte am 2. November ihren "
              "Herzkatheter und ist fit.", "2. November");
    pg_da_one(state, "Mon pere a ete opere le "
              "1er mars 2024.", "1er mars 2024");
    pg_da_one(state, "Minha avo foi internada em 3 de novembro de "
              "2025.", "3 de novembro de 2025");
    pg_da_one(state, "Ingresada el 14 de enero por neumon\xc3\xad" "a.",
              "14 de enero");
    pg_da_one(state, "On 3/4 she had her surgery.", "3/4");
    pg_da_one(state, "On the 2nd of February she had her transplant.",
              "2nd of February");
    pg_dt_none(*state, pg_detect_date, "Born 2:47 p.m. on March 9, 2025: "
               "her delivery was quick.");

    pg_dt_none(*state, pg_detect_date, "Journee portes ouvertes le "
               "14 fevrier a l'hopital.");
    pg_dt_none(*state, pg_detect_date, "Tag der offenen Tur am 2. "
               "November in der Kardiologie.");
    pg_dt_none(*state, pg_detect_date, "Mon pere a ete "
               "opere le 31 fevrier.");
    pg_dt_none(*state, pg_detect_date, "On March 3, join us for his talk.");
    pg_dt_none(*state, pg_detect_date, "On Sep 19, 10am-4pm, bring your mom "
               "for her flu shot.");
    pg_dt_none(*state, pg_detect_date, "Nasceu dia 3 de novembro, na nossa "
               "maternidade, apos a cesarea da mae.");

    /* through the engine, written with marks: the date's offsets and
     * length are the original bytes' ("14 février": 11 bytes) */
    s = "Merci d'avoir soign\xc3\xa9 mon p\xc3\xa8re apr\xc3\xa8s son AVC du "
        "14 f\xc3\xa9vrier. Il est rentr\xc3\xa9!";
    n = pg_dt_field(*state, s);

    for (i = 0; i < n; i++) {
        if (((pg_dt_t *) *state)->findings.items[i].type == PG_T_DATE) {
            break;
        }
    }

    assert_true(i < n);
    pg_dt_check(*state, s, i, PG_T_DATE, (size_t) (strstr(s, "14 f") - s),
                11);

    s = "Mon p\xc3\xa8re a \xc3\xa9t\xc3\xa9 op\xc3\xa9r\xc3\xa9 le 31 "
        "f\xc3\xa9vrier.";
    assert_int_equal(pg_dt_field(*state, s), 0);
    /* "they operated on her": the object pronoun is the patient */
    pg_da_one(state, "Tiene 93 anos y la operaron el 8 de noviembre.",
              "8 de noviembre");
    pg_dt_none(*state, pg_detect_date,
               "Los cirujanos operaron a 40 ninos el 8 de noviembre.");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_date_verbs,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_forms,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_nouns,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_after,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_month_only,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_events,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_field,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_words,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_procedures,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_passed,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_holidays,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_institution,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_languages,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_schedule,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_date_heldout4,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
