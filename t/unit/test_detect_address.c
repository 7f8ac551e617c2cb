/*
 * Copyright (C) phigate authors
 *
 * ADDRESS detector: street lines, units, cities and states, PO boxes,
 * cued street names, and the numbers, wards and titles that are not
 * addresses.  All addresses are invented.
 */


#include "detect_fixture.h"


static void pg_ad_one(void **state, const char *s, const char *addr);
static void test_address_street(void **state);
static void test_address_tail(void **state);
static void test_address_pobox(void **state);
static void test_address_cue(void **state);
static void test_address_lookalikes(void **state);
static void test_address_edges(void **state);
static void test_address_org_place(void **state);
static void test_address_venues(void **state);
static void test_address_org_leaks(void **state);
static void test_address_rural_units(void **state);
static void test_address_pob(void **state);
static void test_address_city_state(void **state);


/* exactly one ADDRESS finding, covering the first occurrence of addr */

static void
pg_ad_one(void **state, const char *s, const char *addr)
{
    const char  *p;

    p = strstr(s, addr);
    assert_non_null(p);

    pg_dt_one(*state, pg_detect_address, s, PG_T_ADDRESS, (size_t) (p - s),
              strlen(addr));
}


static void
test_address_street(void **state)
{
    pg_ad_one(state, "Ingrid of 571 Mill Lane is home.", "571 Mill Lane");
    pg_ad_one(state, "lives at 4417 Pinecrest Drive and needs oxygen",
              "4417 Pinecrest Drive");
    pg_ad_one(state, "sent to 22 W. Maple Ave for a fall",
              "22 W. Maple Ave");
    pg_ad_one(state, "home at 310 Harbor View Ct. is not accessible",
              "310 Harbor View Ct.");
    pg_ad_one(state, "pickup: 1501 N Lincoln Blvd NW today",
              "1501 N Lincoln Blvd NW");
    pg_ad_one(state, "at 100 West Street today", "100 West Street");
    pg_ad_one(state, "at 12 5th Avenue today", "12 5th Avenue");
    pg_ad_one(state, "at 14 Old Mill Rd after dialysis", "14 Old Mill Rd");
    pg_ad_one(state, "at 89 Crescent Way today", "89 Crescent Way");
    pg_ad_one(state, "at 12B Oak St today", "12B Oak St");
    pg_ad_one(state, "at 123-125 Elm Street today", "123-125 Elm Street");
    /* "Dr" and "St" as suffixes when no name follows */
    pg_ad_one(state, "500 Medical Center Dr. is open", "500 Medical Center "
              "Dr.");
    pg_ad_one(state, "at 9 Bay Dr, Unit 2.", "9 Bay Dr, Unit 2");
}


static void
test_address_tail(void **state)
{
    pg_ad_one(state, "to 22 Maple Ave, Apt 3B for a fall",
              "22 Maple Ave, Apt 3B");
    pg_ad_one(state, "mail to 1908 Ridge Rd, Dunedin, FL 34698.",
              "1908 Ridge Rd, Dunedin, FL");
    pg_ad_one(state, "at 88 Elm St, Suite 300, Greenville, SC 29601",
              "88 Elm St, Suite 300, Greenville, SC");
    pg_ad_one(state, "Ingrid of 571 Mill Lane in Clearwater is home.",
              "571 Mill Lane in Clearwater");
    pg_ad_one(state, "at 3300 Gulf Blvd, St. Pete Beach, with sepsis",
              "3300 Gulf Blvd, St. Pete Beach");
    pg_ad_one(state, "at 7 Oak St #12 now", "7 Oak St #12");
}


static void
test_address_pobox(void **state)
{
    pg_ad_one(state, "Forward to PO Box 2231, Largo.", "PO Box 2231");
    pg_ad_one(state, "Send to P.O. Box 118 please", "P.O. Box 118");
    pg_ad_one(state, "post office box 77 is hers", "post office box 77");
    pg_ad_one(state, "POB #5521", "POB #5521");
    pg_dt_none(*state, pg_detect_address, "PO Box is closed on Sunday");
    pg_dt_none(*state, pg_detect_address, "Xpo box 12");
}


static void
test_address_cue(void **state)
{
    pg_ad_one(state, "Mrs. Reyes lives on Magnolia Street and needs a ride.",
              "Magnolia Street");
    pg_ad_one(state, "He resides at Harbor View Ct, Largo.",
              "Harbor View Ct, Largo");
    pg_dt_none(*state, pg_detect_address, "She lives on hope and coffee.");

    /* a street's name or a numbered road a few words after "lives", in
     * its clause; the numbered street stays the street rule's, whole */
    pg_ad_one(state, "She lives in the yellow house at the end of Birch "
              "Hollow Lane.", "Birch Hollow");
    pg_ad_one(state, "Patient lives at four twenty Maple Street, second "
              "floor.", "Maple Street");
    pg_ad_one(state, "He lives at the Sunset Motel room 14 on Route 9.",
              "Route 9");
    pg_ad_one(state, "He lives alone on a farm off County Road 12.",
              "County Road 12");
    pg_ad_one(state, "Patient lives at 4417 Pinecrest Drive and needs "
              "oxygen.", "4417 Pinecrest Drive");
    pg_dt_none(*state, pg_detect_address, "Dr. Ruiz lives in Tampa with her "
               "family and loves Bayshore Boulevard runs.");
    pg_dt_none(*state, pg_detect_address, "Hope lives in every room of our "
               "new Pediatric Center on Elm Street.");
    pg_dt_none(*state, pg_detect_address, "She has lived in the US 20 "
               "years.");
}


static void
test_address_lookalikes(void **state)
{
    pg_dt_none(*state, pg_detect_address,
               "Visiting Rosa on 4 West today, still in isolation.");
    pg_dt_none(*state, pg_detect_address,
               "Road closure on Sunset Boulevard this weekend.");
    pg_dt_none(*state, pg_detect_address,
               "The new parking garage on 4th Street opens Monday.");
    pg_dt_none(*state, pg_detect_address,
               "In 2024 Park Place Pavilion opened its doors.");
    pg_dt_none(*state, pg_detect_address,
               "Our 3 West Tower floors have family lounges.");
    pg_dt_none(*state, pg_detect_address,
               "Walk 10000 steps a day: about 5 miles down the street.");
    pg_dt_none(*state, pg_detect_address, "Surgery at 5 Dr. Lee will see "
               "you.");
    pg_dt_none(*state, pg_detect_address, "Mass at 9 St. Mary's chapel.");
    pg_dt_none(*state, pg_detect_address, "Parking is $5 Main Street lot.");
    pg_dt_none(*state, pg_detect_address, "We have 12 Oak trees.");
    pg_dt_none(*state, pg_detect_address, "Room 214 has been renovated.");
    pg_dt_none(*state, pg_detect_address, "1234567 Main Street");
}


static void
test_address_edges(void **state)
{
    static const char  nul[] = "12 Oak\0 Street";

    assert_int_equal(pg_dt_runl(*state, pg_detect_address, "", 0), 0);
    pg_dt_none(*state, pg_detect_address, "12");
    pg_dt_none(*state, pg_detect_address, "12 Oak");
    pg_dt_none(*state, pg_detect_address, "PO Box");
    assert_int_equal(pg_dt_runl(*state, pg_detect_address, nul,
                                sizeof(nul) - 1), 0);

    /* the buffer ends inside the suffix: "12 Oak St" of "12 Oak Street" */
    assert_int_equal(pg_dt_runl(*state, pg_detect_address, "12 Oak Street",
                                9), 1);
    pg_dt_check(*state, "cut", 0, PG_T_ADDRESS, 0, 9);
}



static void
test_address_org_place(void **state)
{
    /* the hospital's own places and event venues, no person in sight */
    pg_dt_none(*state, pg_detect_address,
               "Our new urgent care at 2400 Harbor Boulevard opens Monday.");
    pg_dt_none(*state, pg_detect_address,
               "Send donations to PO Box 4410, Northfield, FL 33755.");
    pg_dt_none(*state, pg_detect_address, "Our clinic moved! Find us at 88 "
               "Elm St, Suite 300, Greenville, SC 29601.");
    pg_dt_none(*state, pg_detect_address, "The Heart Institute at 500 "
               "Medical Center Dr. is open 24/7.");
    pg_dt_none(*state, pg_detect_address, "Our Women's Center is located at "
               "1200 Bayview Avenue, 2nd floor.");
    pg_dt_none(*state, pg_detect_address, "Free flu shots: the health fair "
               "is at 410 Lake Road on Saturday.");

    /* a person in the sentence: a patient's address after all */
    pg_dt_one(*state, pg_detect_address, "Our hospice team at 12 Oak Street "
              "cared for Mr. Diaz.", PG_T_ADDRESS, 20, 13);
    pg_dt_one(*state, pg_detect_address, "Our clinic at 12 Oak Street "
              "discharged her yesterday.", PG_T_ADDRESS, 14, 13);
    pg_dt_one(*state, pg_detect_address, "Send the get-well cards to her "
              "daughter at 12 Oak Street.", PG_T_ADDRESS, 43, 14);
    /* the organisation cue must be in the address's sentence */
    pg_dt_one(*state, pg_detect_address, "Our clinic is open. Ambulance "
              "sent to 12 Oak Street.", PG_T_ADDRESS, 38, 14);
    pg_dt_one(*state, pg_detect_address,
              "Mail her results to PO Box 7731.", PG_T_ADDRESS, 20, 11);
}


static void
test_address_venues(void **state)
{
    /* venues and practices of the field */
    pg_dt_none(*state, pg_detect_address, "Apply at our job fair, Tuesday "
               "4/15 at 1450 Gulf Blvd, or call our recruiters.");
    pg_dt_none(*state, pg_detect_address, "The Foundation's Golf Classic is "
               "Friday, May 9 at Cypress Links, 900 Fairway Drive.");
    pg_dt_none(*state, pg_detect_address, "The Women's Health Pavilion "
               "(1500 S. Oak Avenue, Suite 100) now offers 3D mammograms.");
    pg_dt_none(*state, pg_detect_address, "Now accepting new patients: "
               "Bayview Family Medicine, 2800 West Bay Drive, Largo.");
    pg_dt_none(*state, pg_detect_address, "Our Pediatric Emergency Room at "
               "880 Sixth Street South is open.");
    /* "Patient Financial Services" is a department */
    pg_dt_none(*state, pg_detect_address, "Visit Patient Financial Services "
               "at our office, 10 Oak Street.");

    /* an event's day or time makes the address its venue; a venue's
     * name between "at" and its street; "directions"; "clinic in" */
    pg_dt_none(*state, pg_detect_address, "Bike rodeo Sunday, 9 a.m.-noon, "
               "Elm Park lot C, 410 W. Birch Ave., Midvale.");
    pg_dt_none(*state, pg_detect_address, "Open house 6:30 PM, 77 Harbor "
               "Way. Tours every half hour!");
    pg_dt_none(*state, pg_detect_address, "Open house 10am-2pm, 77 Harbor "
               "Way.");
    /* "10 amazing" is no clock time */
    pg_dt_one(*state, pg_detect_address, "Ten amazing years at 77 Harbor "
              "Way, 10 amazing neighbors.", PG_T_ADDRESS, 21, 13);
    pg_dt_none(*state, pg_detect_address, "Pick up race bibs at Peak "
               "Outfitters, 212 Chestnut St.");
    pg_dt_none(*state, pg_detect_address, "Thanks to all who danced at the "
               "Marriott Downtown (1 Penn Plaza).");
    pg_dt_none(*state, pg_detect_address, "For directions to our new wing, "
               "enter 9 Summit Pkwy in your map app.");
    pg_dt_none(*state, pg_detect_address, "Walk-in vaccine clinic in Suite "
               "4, 18 Depot Road, Midvale.");

    /* a person, or a private home, in the sentence still wins */
    pg_dt_one(*state, pg_detect_address, "Home visit for the patient at "
              "410 W. Birch Ave. Tuesday at 3 pm.", PG_T_ADDRESS, 30, 17);
    pg_dt_one(*state, pg_detect_address, "The aide will be at the Ortiz "
              "residence, 61 Palm Ct, at 9 am.", PG_T_ADDRESS, 41, 10);
    pg_dt_one(*state, pg_detect_address, "Ambulance sent to Brook Manor, "
              "33 Lark Lane for a fall.", PG_T_ADDRESS, 31, 12);

    /* a venue's own sentence, "The <Name>, <street>", after an event;
     * a household or a name without "The" is where someone lives */
    pg_dt_none(*state, pg_detect_address, "Tickets for the gala: gala.org. "
               "The Ritz-Carlton, 160 E Pearson St, Chicago, IL.");
    pg_dt_one(*state, pg_detect_address, "Tickets for the gala: gala.org. "
              "Maria Lopez, 160 E Pearson St, Chicago, IL.", PG_T_ADDRESS,
              45, 25);
    pg_dt_one(*state, pg_detect_address, "Tickets for the gala: gala.org. "
              "The Garcia family, 160 E Pearson St.", PG_T_ADDRESS, 51, 17);
    pg_dt_one(*state, pg_detect_address, "Tickets for the gala: gala.org. "
              "The Garcias, 160 E Pearson St.", PG_T_ADDRESS, 45, 17);
    pg_dt_one(*state, pg_detect_address, "Thank you, nurses. The "
              "Ritz-Carlton, 160 E Pearson St.", PG_T_ADDRESS, 37, 17);

    /* a home visit's addresses are patients' homes, whatever the day;
     * the service's own office is not */
    pg_dt_run(*state, pg_detect_address, "Home visit list for Tuesday: 44 "
              "Pelham Rd (wound care), 1317 W. Ashby Ave #2 (insulin).");
    pg_dt_check(*state, "home visits", 0, PG_T_ADDRESS, 29, 12);
    pg_dt_check(*state, "home visits", 1, PG_T_ADDRESS, 56, 20);
    pg_dt_none(*state, pg_detect_address, "Our Home Visit Program moved to "
               "44 Pelham Rd on Tuesday.");
    pg_dt_none(*state, pg_detect_address, "Open house Tuesday at 44 Pelham "
               "Rd.");

    /* "at" alone, or a patient, is no venue */
    pg_dt_one(*state, pg_detect_address, "Pickup at 1450 Gulf Blvd for "
              "dialysis.", PG_T_ADDRESS, 10, 14);
    pg_dt_one(*state, pg_detect_address, "Our clinic's patient at 1450 Gulf "
              "Blvd needs oxygen.", PG_T_ADDRESS, 24, 14);
}


static void
test_address_pob(void **state)
{
    pg_ad_one(state, "Mail her bills to P.O.B. 1187.", "P.O.B. 1187");
    pg_ad_one(state, "his P. O. B. 1187", "P. O. B. 1187");
    pg_dt_none(*state, pg_detect_address, "P.O.B. closed on Sunday");
}



/* a city and its state where a patient lives */
static void
test_address_city_state(void **state)
{
    pg_ad_one(state, "The patient lives in Springfield, IL", "Springfield, IL");
    pg_ad_one(state, "The patient lives in Springfield, IL.",
              "Springfield, IL");
    pg_ad_one(state, "Our patient from Hanover NH was discharged",
              "Hanover NH");
    pg_ad_one(state, "Mrs. Diaz of St. Louis, Missouri was discharged home",
              "St. Louis, Missouri");
    pg_ad_one(state, "Our patient lives in New Hanover, New York",
              "New Hanover, New York");
    pg_ad_one(state, "pt from Boise, ID admitted overnight", "Boise, ID");
    pg_ad_one(state, "The patient from Baltimore, MD was admitted",
              "Baltimore, MD");

    /* no patient: the organisation's place, a service area, staff */
    pg_dt_none(*state, pg_detect_address,
               "Our new clinic in Springfield, IL opens Monday");
    pg_dt_none(*state, pg_detect_address,
               "Serving patients from Hanover NH and beyond");
    pg_dt_none(*state, pg_detect_address,
               "She grew up in Springfield, IL and joined our team");
    pg_dt_none(*state, pg_detect_address, "Dr. Amy Cole joins us from "
               "Hanover NH; she treated patients there for years");

    /* a patient, but the place is not where the patient lives */
    pg_dt_none(*state, pg_detect_address, "The patient was transferred to "
               "our hospital in Springfield, IL");
    pg_dt_none(*state, pg_detect_address,
               "Our patient was referred from Jane Lee, MD yesterday");
    pg_dt_none(*state, pg_detect_address,
               "Our patient was referred from Dr. Lee, MD yesterday");
    /* no state; an ambiguous abbreviation without its comma; no cue */
    pg_dt_none(*state, pg_detect_address,
               "The patient lives in Springfield and was discharged");
    pg_dt_none(*state, pg_detect_address,
               "The patient from Hanover OR was discharged");
    pg_dt_none(*state, pg_detect_address,
               "The patient said Springfield, IL was home");
}



/* rural routes; a street with no suffix that a dwelling's unit follows */

static void
test_address_org_leaks(void **state)
{
    /* a day or a time alone makes no venue: a place or an event must be
     * named before the address ("parking lot", a flyer's "gala") */
    pg_dt_one(*state, pg_detect_address, "Oxygen delivery Tuesday 2pm to "
              "1317 W Ashby Ave, Apt 2.", PG_T_ADDRESS, 31, 23);
    pg_dt_one(*state, pg_detect_address, "Wheelchair pickup Monday at 44 "
              "Pelham Rd.", PG_T_ADDRESS, 28, 13);
    pg_dt_none(*state, pg_detect_address, "Blood drive Tuesday 2pm-6pm in "
               "the parking lot, 1317 W Ashby Ave.");
    /* a clock time in capitals is no street ("7 PM CT" is no court) */
    pg_dt_none(*state, pg_detect_address, "JOIN US FOR A FREE WEBINAR, "
               "TUESDAY, 3/17, 7 PM CT, WITH OB-GYN DR. KIANA MORROW.");
    pg_dt_one(*state, pg_detect_address, "She lives at 7 Amber Ct, Apt 2.",
              PG_T_ADDRESS, 13, 17);

    /* where a person lives; "saves lives" is no home */
    pg_dt_one(*state, pg_detect_address, "Lives alone in Oak Park at 1140 N "
              "Harlem Ave, needs insulin teaching.", PG_T_ADDRESS, 27, 17);
    pg_dt_none(*state, pg_detect_address, "Every gift saves lives. Send "
               "donations to our foundation at 1420 Ridgeway Dr.");

    /* "the <Surname> family" is a household, its Foundation is not */
    pg_dt_one(*state, pg_detect_address, "Cards and donations to the Okafor "
              "family, 1420 Ridgeway Dr, as Chidi heals.", PG_T_ADDRESS, 42,
              16);
    pg_dt_none(*state, pg_detect_address, "Donations to the Ruiz Family "
               "Foundation, 1420 Ridgeway Dr, fund our new wing.");
    pg_dt_none(*state, pg_detect_address, "Thanks to the Garcia family for "
               "hosting our gala at the Elks Lodge, 12 Oak St, Dayton.");
    pg_dt_one(*state, pg_detect_address, "The memorial will be held at the "
              "Okafor home, 1420 Ridgeway Dr, Dayton.", PG_T_ADDRESS, 46, 24);
    pg_dt_one(*state, pg_detect_address, "Checks to the Diaz family can go to "
              "1420 Ridgeway Dr.", PG_T_ADDRESS, 36, 17);

    /* a place's name in the parts before a mailing or venue line, in
     * any language of the flyers; a person's name, a street or "c/o" a
     * person is none */
    pg_dt_none(*state, pg_detect_address, "\xf0\x9f\x93\x8d Parroquia Nuestra "
               "Se\xc3\xb1ora de Guadalupe, 1412 S. Laredo St., San Antonio, "
               "TX 78207");
    pg_dt_none(*state, pg_detect_address, "Hospice House, c/o Volunteer "
               "Services, P.O. Box 2287, Bend, OR 97709.");
    pg_dt_none(*state, pg_detect_address, "Mail to: Patient Mail Room, Attn: "
               "Holiday Cards, 1 Hospital Plaza, Tacoma, WA 98405.");
    pg_dt_one(*state, pg_detect_address, "Send cards to Rosa Diaz, c/o "
              "Maria Diaz, 12 Oak St, Dayton, OH 45402.", PG_T_ADDRESS, 41,
              21);
    pg_dt_one(*state, pg_detect_address, "Send cards to the Sunrise Care "
              "Center, 12 Oak St, Room 4, where Mr. Diaz lives.",
              PG_T_ADDRESS, 39, 17);

    /* a capitalised relative opening the sentence; a home health aide's
     * directions; their look-alikes: an event, the service's office */
    pg_dt_one(*state, pg_detect_address, "Grandma moved to 52 Juniper Ct "
              "after the stroke.", PG_T_ADDRESS, 17, 13);
    pg_dt_none(*state, pg_detect_address, "Mom and baby yoga at our Wellness "
               "Center, 12 Oak St, Saturdays at 10am.");
    pg_dt_none(*state, pg_detect_address, "Mother's Day brunch at our cafe, "
               "12 Oak St, Sunday 10am-1pm.");
    pg_dt_one(*state, pg_detect_address, "Directions for the home health "
              "aide: 52 Juniper Ct, second door.", PG_T_ADDRESS, 37, 13);
    pg_dt_none(*state, pg_detect_address, "Our Home Health team moved to 12 "
               "Oak St, Suite 4.");

    /* the writer's own care: "I moved to <street> after my stroke" */
    pg_dt_one(*state, pg_detect_address, "I moved to 44 Pelham Rd after my "
              "stroke.", PG_T_ADDRESS, 11, 12);
    pg_dt_none(*state, pg_detect_address, "Our clinic moved to 44 Pelham Rd; "
               "call to book your visit.");
}


static void
test_address_rural_units(void **state)
{
    pg_ad_one(state, "Rural Route 2, Box 118, for her oxygen",
              "Rural Route 2, Box 118");
    pg_ad_one(state, "deliver to RR 4 Box 22 for him", "RR 4 Box 22");
    pg_ad_one(state, "visit at 1187 N. Halsted, Unit 3R today",
              "1187 N. Halsted, Unit 3R");
    pg_ad_one(state, "mail to 40 Oak, #3 for her", "40 Oak, #3");

    pg_dt_none(*state, pg_detect_address, "Our RR 4 team won, box seats "
               "for all!");
    pg_dt_none(*state, pg_detect_address, "We have 412 Beds, Suite of "
               "services and more.");
    pg_dt_none(*state, pg_detect_address, "Our 3 Towers Suite 200 opens "
               "Monday.");
    pg_dt_none(*state, pg_detect_address, "Served 90 Families, Unit "
               "meetings weekly.");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_address_street,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_tail,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_pobox,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_cue,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_org_place,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_venues,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_org_leaks,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_rural_units,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_pob,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_address_city_state,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
