/*
 * Copyright (C) phigate authors
 *
 * AGE detector: ages over 89 in a person's context; institutions' ages and
 * the "90 or older" aggregate pass.
 */


#include <time.h>

#include "detect_fixture.h"


static void test_age_strong(void **state);
static void test_age_weak(void **state);
static void test_age_not_over_89(void **state);
static void test_age_institutions(void **state);
static void test_age_apposition(void **state);
static void test_age_aggregate(void **state);
static void test_age_lookalikes(void **state);
static void test_age_edges(void **state);
static void test_age_words(void **state);
static void test_age_said(void **state);
static void test_age_roles(void **state);
static void test_age_chart(void **state);
static void test_age_born(void **state);
static void test_age_aged_words(void **state);
static void test_age_at(void **state);
static void test_age_languages(void **state);


static void
test_age_strong(void **state)
{
    pg_dt_one(*state, pg_detect_age, "our 94-year-old patient", PG_T_AGE, 4,
              11);
    pg_dt_one(*state, pg_detect_age, "a 103 year old veteran", PG_T_AGE, 2, 12);
    pg_dt_one(*state, pg_detect_age, "resident, aged 101, thanks us", PG_T_AGE,
              15, 3);
    pg_dt_one(*state, pg_detect_age, "Mrs. Smith, age 92, went home", PG_T_AGE,
              16, 2);
    pg_dt_one(*state, pg_detect_age, "She is 92 years old", PG_T_AGE, 7, 12);
    pg_dt_one(*state, pg_detect_age, "94yo female", PG_T_AGE, 0, 4);
    pg_dt_one(*state, pg_detect_age, "96 y/o male", PG_T_AGE, 0, 6);
    pg_dt_one(*state, pg_detect_age, "Patient, 97 years of age, stable",
              PG_T_AGE, 9, 15);
    pg_dt_one(*state, pg_detect_age, "at the age of 99 she", PG_T_AGE, 14, 2);
    pg_dt_run(*state, pg_detect_age, "our 94-year-old patient");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     90);
}


static void
test_age_weak(void **state)
{
    pg_dt_one(*state, pg_detect_age, "Happy 101st birthday to our patient!",
              PG_T_AGE, 6, 5);
    pg_dt_one(*state, pg_detect_age,
              "Happy 90th birthday to our longest-staying rehab patient!",
              PG_T_AGE, 6, 4);
    pg_dt_one(*state, pg_detect_age, "Grandma turns 100 today!", PG_T_AGE, 14,
              3);
    pg_dt_one(*state, pg_detect_age, "Happy 103th birthday, Mrs. Cole!",
              PG_T_AGE, 6, 5);
    pg_dt_one(*state, pg_detect_age, "Our patient turned 100 last Sunday!",
              PG_T_AGE, 19, 3);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     75);
}


/* years in Spanish, Portuguese and French (as the normaliser leaves
 * them, without marks), a person near */
static void
test_age_languages(void **state)
{
    pg_dt_one(*state, pg_detect_age,
              "a mi abuelita, dona Consuelo Araujo! Tiene 93 anos y",
              PG_T_AGE, 43, 7);
    pg_dt_one(*state, pg_detect_age,
              "el fallecimiento de Dona Amparo Ledesma, de 99 anos, el",
              PG_T_AGE, 44, 7);
    pg_dt_one(*state, pg_detect_age,
              "ma mere, Mme Huguette Lacasse, 94 ans, pendant son sejour",
              PG_T_AGE, 31, 6);
    pg_dt_one(*state, pg_detect_age,
              "A paciente tem 94 anos de idade.", PG_T_AGE, 15, 7);
    /* an institution's years, years with no person */
    pg_dt_none(*state, pg_detect_age,
               "Dona Rosa celebra 93 anos de servicio del hospital.");
    pg_dt_none(*state, pg_detect_age,
               "Madame la directrice: 100 ans d'histoire pour l'hopital.");
    pg_dt_none(*state, pg_detect_age,
               "El Hospital San Rafael cumple 100 anos, abuela.");
    pg_dt_none(*state, pg_detect_age, "Celebramos 100 anos juntos!");
}


/* a person, "is", "'s" or "turns" and the age ending its clause */
static void
test_age_said(void **state)
{
    pg_dt_one(*state, pg_detect_age, "she's 94 and just beat COVID, so "
              "proud of our patient Mrs. Loretta Banks!", PG_T_AGE, 6, 2);
    pg_dt_one(*state, pg_detect_age, "he is 91 and back home", PG_T_AGE, 6,
              2);
    pg_dt_one(*state, pg_detect_age, "Grandpa's 97 today", PG_T_AGE, 10, 2);
    pg_dt_one(*state, pg_detect_age, "Grandpa\xe2\x80\x99s 97 today",
              PG_T_AGE, 12, 2);
    pg_dt_one(*state, pg_detect_age, "Yes, She's 101.", PG_T_AGE, 11, 3);
    pg_dt_one(*state, pg_detect_age, "Mom is 95! \xf0\x9f\x8e\x89",
              PG_T_AGE, 7, 2);
    pg_dt_one(*state, pg_detect_age, "Mrs. Banks is 96 #blessed", PG_T_AGE,
              14, 2);
    pg_dt_one(*state, pg_detect_age, "Loretta Banks turns 100 today",
              PG_T_AGE, 20, 3);
    pg_dt_one(*state, pg_detect_age, "he's ninety-four and sharp",
              PG_T_AGE, 5, 11);
    pg_dt_run(*state, pg_detect_age, "he is 91 and back home");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     80);

    /* "who" after a comma: said of the person named before it */
    pg_dt_one(*state, pg_detect_age, "our resident Mr. Petrosyan, who is "
              "103 and recovering", PG_T_AGE, 35, 3);
    pg_dt_one(*state, pg_detect_age, "Ernestine, who's 93 and sharp",
              PG_T_AGE, 17, 2);
    pg_dt_one(*state, pg_detect_age, "Our resident, who turned 100 today, "
              "loves bingo.", PG_T_AGE, 25, 3);
    pg_dt_none(*state, pg_detect_age, "Anyone who is 100 gets a card.");
    pg_dt_none(*state, pg_detect_age, "Room 12, who is 95.");
    pg_dt_none(*state, pg_detect_age, "Mercy Hospital, who turns 100 this "
               "year");

    /* a thing, a unit, an institution, a percentage, an ordinal */
    pg_dt_none(*state, pg_detect_age, "it's 95 degrees out there");
    pg_dt_none(*state, pg_detect_age, "it's 90 minutes from here");
    pg_dt_none(*state, pg_detect_age, "we're 100 today!");
    pg_dt_none(*state, pg_detect_age, "Ward 9 is 94% full");
    pg_dt_none(*state, pg_detect_age, "she's 94th in line");
    pg_dt_none(*state, pg_detect_age, "she's 94 pounds lighter");
    pg_dt_none(*state, pg_detect_age, "he is 100 percent sure");
    pg_dt_none(*state, pg_detect_age, "Phoenix is 110 today");
    pg_dt_none(*state, pg_detect_age, "Boston is 95 and sunny");
    pg_dt_none(*state, pg_detect_age, "Tower B is 95 and open");
    pg_dt_none(*state, pg_detect_age, "Mercy Hospital is 100 today");
    pg_dt_none(*state, pg_detect_age, "our score is 95 today");
    pg_dt_none(*state, pg_detect_age, "his is 95.");
    pg_dt_none(*state, pg_detect_age, "the patient in 4 West is 90.");
    pg_dt_none(*state, pg_detect_age, "patient's LODGE is 102. Call");
}


/* a name, a comma and the age: "Rosa Diaz, 94, went home" */
static void
test_age_apposition(void **state)
{
    pg_dt_one(*state, pg_detect_age, "Rosa Diaz, 94, went home today",
              PG_T_AGE, 11, 2);
    pg_dt_one(*state, pg_detect_age, "Meet Harold, 99!", PG_T_AGE, 13, 2);
    pg_dt_one(*state, pg_detect_age, "Thank you, Mrs. Okafor, 101.",
              PG_T_AGE, 24, 3);
    pg_dt_run(*state, pg_detect_age, "Meet Harold, 99!");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     85);

    /* an address, a temperature, a count, an institution, a list */
    pg_dt_none(*state, pg_detect_age, "Suite 200, 95 Main Street");
    pg_dt_none(*state, pg_detect_age, "Boston, 95 degrees today");
    pg_dt_none(*state, pg_detect_age, "Our Hospital, 100, years strong");
    pg_dt_none(*state, pg_detect_age, "rooms 12, 94, and 96");
    pg_dt_none(*state, pg_detect_age, "Tampa, 98.6 is a fever");
    pg_dt_none(*state, pg_detect_age, "Jane, 9, and Ana, 12, won");
}


static void
test_age_not_over_89(void **state)
{
    pg_dt_none(*state, pg_detect_age, "our 89-year-old patient");
    pg_dt_none(*state, pg_detect_age, "aged 9");
    pg_dt_none(*state, pg_detect_age, "age 121");
    pg_dt_none(*state, pg_detect_age, "a 1000-year-old tree");
}


static void
test_age_institutions(void **state)
{
    pg_dt_none(*state, pg_detect_age, "Celebrating 100 years of care");
    pg_dt_none(*state, pg_detect_age,
               "90+ years of service from our volunteers");
    pg_dt_none(*state, pg_detect_age, "Our 100-year-old hospital");
    pg_dt_none(*state, pg_detect_age, "The building is 100 years old");
    pg_dt_none(*state, pg_detect_age, "Happy 100th birthday to our hospital!");
    pg_dt_none(*state, pg_detect_age, "Our 100th anniversary gala");
    pg_dt_none(*state, pg_detect_age, "Memorial Hospital turns 100 this year!");
    pg_dt_none(*state, pg_detect_age, "The clinic turns 95 this spring");
    pg_dt_none(*state, pg_detect_age, "100 years young, and still growing");
    pg_dt_none(*state, pg_detect_age, "Happy 100th birthday!");
}


static void
test_age_aggregate(void **state)
{
    pg_dt_none(*state, pg_detect_age, "patients aged 90 and older");
    pg_dt_none(*state, pg_detect_age, "ages 90+");
    pg_dt_none(*state, pg_detect_age, "age 90+");
    pg_dt_none(*state, pg_detect_age, "over 90 volunteers");
    pg_dt_none(*state, pg_detect_age,
               "patients 90 years of age and older are eligible");
    pg_dt_none(*state, pg_detect_age, "95% of patients");
    pg_dt_none(*state, pg_detect_age, "$100 gift card for our patient");
    pg_dt_none(*state, pg_detect_age, "room 101 patient");
    pg_dt_none(*state, pg_detect_age, "age 99.5");

    /* a range is a group's ages; two ages of two people are not one */
    pg_dt_none(*state, pg_detect_age, "The study followed 2,300 adults aged "
               "90 to 104 for a decade.");
    pg_dt_none(*state, pg_detect_age, "residents aged 90-104");
    pg_dt_none(*state, pg_detect_age, "patients aged 92 through 99");
    pg_dt_none(*state, pg_detect_age, "adults between 90 and 104 years");
    assert_int_equal(pg_dt_run(*state, pg_detect_age, "Mr. and Mrs. Lee, "
                               "aged 94 and 92, are home."), 2);
}


static void
test_age_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_age,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_age,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_age,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_age,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_age, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_age,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_age,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_age,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_age,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_age,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_age,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
    pg_dt_none(*state, pg_detect_age, "120 beds, 95 nurses, 101 volunteers");
}


static void
test_age_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_age, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_age, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_age, "aged");
}



/* ages in words, in the phrases of digits */
static void
test_age_words(void **state)
{
    pg_dt_one(*state, pg_detect_age, "a ninety-four year old patient",
              PG_T_AGE, 2, 20);
    pg_dt_one(*state, pg_detect_age, "a Ninety Four-year-old veteran",
              PG_T_AGE, 2, 20);
    pg_dt_one(*state, pg_detect_age, "resident, aged one hundred and one",
              PG_T_AGE, 15, 19);
    pg_dt_one(*state, pg_detect_age, "the patient, aged a hundred and two,",
              PG_T_AGE, 18, 17);
    pg_dt_one(*state, pg_detect_age, "a hundred-and-one-year-old patient",
              PG_T_AGE, 0, 26);
    pg_dt_one(*state, pg_detect_age, "at the age of ninety she", PG_T_AGE,
              14, 6);
    pg_dt_one(*state, pg_detect_age, "aged one hundred twenty", PG_T_AGE,
              5, 18);
    pg_dt_one(*state, pg_detect_age, "Rosa Diaz, ninety-four, went home",
              PG_T_AGE, 11, 11);

    /* weak phrases need a person, as with digits */
    pg_dt_one(*state, pg_detect_age,
              "Our patient Rose is ninety-six years young!", PG_T_AGE, 20,
              22);
    pg_dt_one(*state, pg_detect_age,
              "Happy ninety-fifth birthday to our resident!", PG_T_AGE, 6,
              12);
    pg_dt_one(*state, pg_detect_age, "Happy one hundredth birthday, Grandma!",
              PG_T_AGE, 6, 13);
    pg_dt_one(*state, pg_detect_age, "Grandma turned a hundred today",
              PG_T_AGE, 15, 9);
    pg_dt_none(*state, pg_detect_age, "ninety-six years young");
    pg_dt_none(*state, pg_detect_age, "Happy hundredth birthday!");
    pg_dt_none(*state, pg_detect_age,
               "Happy hundredth birthday to our hospital!");

    /* an institution's age, service, the aggregate, not over 89 */
    pg_dt_none(*state, pg_detect_age,
               "Thank you, Rosa, for ninety-four years of service");
    pg_dt_none(*state, pg_detect_age, "celebrating one hundred years");
    pg_dt_none(*state, pg_detect_age, "The building is a hundred years old");
    pg_dt_none(*state, pg_detect_age, "our one hundred year old hospital");
    pg_dt_none(*state, pg_detect_age, "patients aged ninety and older");
    pg_dt_none(*state, pg_detect_age, "over ninety residents");
    pg_dt_none(*state, pg_detect_age, "aged eighty-nine");
    pg_dt_none(*state, pg_detect_age, "aged one hundred twenty-one");
    pg_dt_none(*state, pg_detect_age, "a hundredth of a second");

    /* part of a larger number; words inside other words */
    pg_dt_none(*state, pg_detect_age, "a two hundred ninety-four year old "
               "oak");
    pg_dt_none(*state, pg_detect_age, "aged ninety thousand years");
    pg_dt_none(*state, pg_detect_age, "aged one thousand one hundred");
    pg_dt_none(*state, pg_detect_age, "aged ninetyfour");
    pg_dt_one(*state, pg_detect_age, "at four. Aged ninety-four, she",
              PG_T_AGE, 14, 11);
}



/* an age set beside a volunteer's role is no patient's (h3-c076) */

static void
test_age_roles(void **state)
{
    pg_dt_none(*state, pg_detect_age, "Meet our 2025 Volunteer of the Year, "
               "91-year-old Dorothy Haines, who has logged 6,000 hours.");
    pg_dt_one(*state, pg_detect_age, "Our volunteers sang to 101-year-old "
              "Rose on 4 West.", PG_T_AGE, 23, 12);
    pg_dt_one(*state, pg_detect_age, "Thanks to our volunteer, 96-year-old "
              "patient Mrs. Lee knits again.", PG_T_AGE, 25, 11);

    /* the class (h5-c008, h5-c026, h5-c079): a staff, volunteer,
     * retiree or athlete role around the age, each beside a patient's */
    pg_dt_none(*state, pg_detect_age, "Meet Wilhelmina Strand, 96, who has "
               "volunteered at our desk every Monday since 1988.");
    pg_dt_one(*state, pg_detect_age, "Meet Wilhelmina Strand, 96, who has "
              "been our patient since 1988.", PG_T_AGE, 24, 2);
    pg_dt_none(*state, pg_detect_age, "Dr. Ezra Lindqvist, 92, delivered "
               "9,000 babies here between 1961 and 2003.");
    pg_dt_one(*state, pg_detect_age, "Dr. Ezra Lindqvist, 92, was admitted "
              "to our ICU on Tuesday.", PG_T_AGE, 20, 2);
    pg_dt_none(*state, pg_detect_age, "The oldest finisher at our 5K was "
               "91-year-old Clement Oyinlola, who ran it in 48:12.");
    pg_dt_one(*state, pg_detect_age, "The oldest at our 5K was 91-year-old "
              "Clement Oyinlola, who fell at mile 2.", PG_T_AGE, 25, 11);
    pg_dt_none(*state, pg_detect_age, "Our retiree of the month, "
               "94-year-old Ann Ruiz, still bakes for the lab.");

    /* a role named near a patient whose own care follows the age: the
     * role is someone else's, the age the patient's */
    pg_dt_one(*state, pg_detect_age, "Dr. Lee and Rose Alvarez, 94, after "
              "her pacemaker placement.", PG_T_AGE, 26, 2);
    pg_dt_one(*state, pg_detect_age, "Our volunteer drove Walter Greene, "
              "95, to his dialysis.", PG_T_AGE, 35, 2);
    pg_dt_none(*state, pg_detect_age, "Volunteer Marge Collins, 96, has "
               "knitted 400 caps for the NICU.");

    /* "with" or "after" a health word is the person's own care too */
    pg_dt_one(*state, pg_detect_age, "Dr. Saul Klein, 96, our retired "
              "surgeon, is in room 412 with pneumonia.", PG_T_AGE, 16, 2);
    pg_dt_none(*state, pg_detect_age, "Dr. Saul Klein, 96, our retired "
               "surgeon, stayed with us after 40 years in the OR.");

    /* NAME's notion of care after the person (pg_own_care.c): "broke
     * her hip", "came back with heart failure"; a body word bare is no
     * one's care */
    pg_dt_one(*state, pg_detect_age, "Our volunteer Edna Price, 94, fell "
              "and broke her hip.", PG_T_AGE, 26, 2);
    pg_dt_one(*state, pg_detect_age, "Retired nurse Ada Cole, 97, "
              "volunteered here for 30 years and came back with heart "
              "failure.", PG_T_AGE, 24, 2);
    pg_dt_none(*state, pg_detect_age, "Our volunteer, 94, delivers "
               "flowers to the ICU.");
    pg_dt_none(*state, pg_detect_age, "Volunteer Edna Price, 94, teaches "
               "hip-hop dance in our lobby.");
    pg_dt_none(*state, pg_detect_age, "Volunteer Edna Price, 94, walks "
               "for heart health month.");
}

/* "91M s/p fall" in a clinical line (h5-p015); a count is none */

static void
test_age_chart(void **state)
{
    pg_dt_one(*state, pg_detect_age, "Bed 7: Sasaki, Haruto 91M s/p fall, "
              "SDH", PG_T_AGE, 22, 3);
    pg_dt_one(*state, pg_detect_age, "96F w/ CHF, admitted overnight",
              PG_T_AGE, 0, 3);
    pg_dt_one(*state, pg_detect_age, "Rm 4: 102M, c/o chest pain", PG_T_AGE,
              6, 4);
    pg_dt_none(*state, pg_detect_age, "Our video hit 91M downloads!");
    pg_dt_none(*state, pg_detect_age, "a $95M gift w/ naming rights");
    pg_dt_none(*state, pg_detect_age, "91m s/p the lobby");
    pg_dt_none(*state, pg_detect_age, "85M s/p fall");
}


/* "(born 1929)" near a person makes the person over 89 (h5-p016); a
 * building's year and a younger person's are none */

static void
test_age_born(void **state)
{
    int        now;
    char       s[128];
    time_t     t;
    struct tm  tm;

    /* the years from this year's, as the detector reads them */
    t = time(NULL);
    assert_non_null(gmtime_r(&t, &tm));
    now = tm.tm_year + 1900;

    snprintf(s, sizeof(s), "Our patient Mr. Ignatius Pemberton (born %d) "
             "ate pie.", now - 97);
    pg_dt_one(*state, pg_detect_age, s, PG_T_AGE, 41, 4);
    snprintf(s, sizeof(s), "Grandma was born in %d and still knits.",
             now - 105);
    pg_dt_one(*state, pg_detect_age, s, PG_T_AGE, 20, 4);
    snprintf(s, sizeof(s), "Our patient Mr. Ignatius Pemberton (born %d) "
             "ate pie.", now - 36);
    pg_dt_none(*state, pg_detect_age, s);
    snprintf(s, sizeof(s), "Our patient Mr. Pemberton (born %d) ate pie.",
             now - 89);
    pg_dt_none(*state, pg_detect_age, s);
    snprintf(s, sizeof(s), "The old building, born %d, still houses our "
             "patients.", now - 100);
    pg_dt_none(*state, pg_detect_age, s);
    snprintf(s, sizeof(s), "Mercy Hospital was born in %d.", now - 100);
    pg_dt_none(*state, pg_detect_age, s);
    snprintf(s, sizeof(s), "She told us about %d and more.", now - 97);
    pg_dt_none(*state, pg_detect_age, s);
}


/* "nonagenarian", "centenarian" said of a person (h5-p056) */

static void
test_age_aged_words(void **state)
{
    pg_dt_one(*state, pg_detect_age, "Our nonagenarian patient Mr. Greer "
              "rang the bell!", PG_T_AGE, 4, 12);
    pg_dt_one(*state, pg_detect_age, "Meet Rosa, our centenarian resident.",
              PG_T_AGE, 15, 11);
    pg_dt_one(*state, pg_detect_age, "A supercentenarian, she still paints.",
              PG_T_AGE, 2, 16);
    pg_dt_one(*state, pg_detect_age, "A semi-supercentenarian, she paints.",
              PG_T_AGE, 7, 16);
    pg_dt_none(*state, pg_detect_age, "Our centenarian hospital thanks its "
               "patients.");
    pg_dt_none(*state, pg_detect_age, "Centenarians are the fastest "
               "growing group.");
    pg_dt_none(*state, pg_detect_age, "a nonagenarian study");
}


/* "At 101, <name> ...", a leading weak phrase whose person comes later
 * in its sentence (h-p065, h-p071), an institution's birthday (h5-c040) */

static void
test_age_at(void **state)
{
    pg_dt_one(*state, pg_detect_age, "At a hundred and one, Florence "
              "Ekwueme is our oldest vaccine recipient.", PG_T_AGE, 3, 17);
    pg_dt_one(*state, pg_detect_age, "At 95, she still swims laps.",
              PG_T_AGE, 3, 2);
    pg_dt_one(*state, pg_detect_age, "At 97, Mrs. Lee still swims.",
              PG_T_AGE, 3, 2);
    pg_dt_none(*state, pg_detect_age, "At 100, Mercy Hospital still "
               "serves.");
    pg_dt_none(*state, pg_detect_age, "At 95, the lobby is full.");
    pg_dt_none(*state, pg_detect_age, "Set it at 95, Wilson said.");

    pg_dt_one(*state, pg_detect_age, "Ninety-three years young and still "
              "cracking jokes: that's our patient Agnes.", PG_T_AGE, 0, 24);
    pg_dt_none(*state, pg_detect_age, "100 years young and still growing: "
               "that's Mercy Hospital for our patients.");
    pg_dt_none(*state, pg_detect_age, "100 years young and still growing. "
               "Thank you, patients.");

    pg_dt_none(*state, pg_detect_age, "We admitted our first patient in "
               "1926. Happy 100th birthday to us!");
    pg_dt_none(*state, pg_detect_age, "Our first patient came in 1926; the "
               "hospital marks its 100th birthday.");
    pg_dt_one(*state, pg_detect_age, "Happy 100th birthday to Mrs. Lee, our "
              "patient!", PG_T_AGE, 6, 5);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_age_strong,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_weak,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_not_over_89,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_apposition, pg_dt_setup,
                                        pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_institutions,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_aggregate,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_words,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_said,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_roles,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_chart,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_born,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_aged_words,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_at,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_age_languages,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
