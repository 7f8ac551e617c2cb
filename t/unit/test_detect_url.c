/*
 * Copyright (C) phigate authors
 *
 * URL detector: patient-portal links with ids or tokens, paths with a
 * patient or record id; marketing and tracking links pass.
 */


#include "detect_fixture.h"


static void test_url_identifying(void **state);
static void test_url_marketing(void **state);
static void test_url_lookalikes(void **state);
static void test_url_edges(void **state);
static void test_url_share_personal(void **state);
static void test_url_personal_pages(void **state);


static void
test_url_identifying(void **state)
{
    pg_dt_one(*state, pg_detect_url,
              "https://mychart.example.org/MyChart/Visit?token=a8Kf20xQ7p",
              PG_T_URL, 0, 58);
    pg_dt_one(*state, pg_detect_url,
              "See https://ehr.example.org/patients/48213/summary.", PG_T_URL,
              4, 46);
    pg_dt_one(*state, pg_detect_url, "http://portal.example.org/x?id=88213",
              PG_T_URL, 0, 36);
    pg_dt_one(*state, pg_detect_url, "(www.example.org/record?mrn=5194766)",
              PG_T_URL, 1, 34);
    pg_dt_one(*state, pg_detect_url, "https://example.org/users/123456",
              PG_T_URL, 0, 32);
    pg_dt_one(*state, pg_detect_url,
              "https://example.org/mychart/a8Kf20xQ7p93Lm", PG_T_URL, 0, 42);
    pg_dt_one(*state, pg_detect_url, "HTTPS://EXAMPLE.ORG/Patients/A-10442",
              PG_T_URL, 0, 36);
}


static void
test_url_marketing(void **state)
{
    pg_dt_none(*state, pg_detect_url,
               "https://mychart.example.org/MyChart/signup");
    pg_dt_none(*state, pg_detect_url,
               "https://hospital.org/mychart?fbclid=IwAR2x8Kq0Lm3");
    pg_dt_none(*state, pg_detect_url,
               "https://hospital.org/patients/visiting-hours-2024");
    pg_dt_none(*state, pg_detect_url,
               "https://hospital.org/patient-stories/jane");
    pg_dt_none(*state, pg_detect_url, "https://hospital.org/events?id=2024");
    pg_dt_none(*state, pg_detect_url,
               "https://mychart.example.org/?utm_source=fb&utm_medium=12345");
    pg_dt_none(*state, pg_detect_url, "www.hospital.org");
    pg_dt_none(*state, pg_detect_url, "http://");
    pg_dt_none(*state, pg_detect_url, "mychart.example.org?id=1234");
    pg_dt_none(*state, pg_detect_url,
               "https://mychart.example.org/MyChart/Visit?token=ab");
    pg_dt_none(*state, pg_detect_url,
               "https://x.com/hosp/status/1532714420123456789");
}


static void
test_url_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_url,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_url,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_url,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_url,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_url, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_url,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_url,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_url,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_url,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_url,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_url,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_url_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_url, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_url, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_url, "https://");
}



/* a portal's share link; a personal health journal or fundraiser page */

static void
test_url_share_personal(void **state)
{
    pg_dt_one(*state, pg_detect_url, "link: https://mychart.example.org/"
              "share/9f2KxQ7pL0 (for her son)", PG_T_URL, 6, 44);
    pg_dt_one(*state, pg_detect_url, "Her fund: gofundme.com/f/help-rosa-"
              "heal, please share!", PG_T_URL, 10, 29);
    pg_dt_one(*state, pg_detect_url, "Updates at "
              "www.caringbridge.org/visit/tomsjourney", PG_T_URL, 11, 38);
    pg_dt_none(*state, pg_detect_url, "Sign up at https://mychart.example."
               "org/share/ or ask us.");
    pg_dt_none(*state, pg_detect_url, "Read https://www.example.org/share/"
               "9f2KxQ7pL0 on our blog.");
    pg_dt_none(*state, pg_detect_url, "We are not on gofundme.com/ or "
               "caringbridge.org.");
}


/* a person's own page, a person in the sentence */
static void
test_url_personal_pages(void **state)
{
    pg_dt_one(*state, pg_detect_url,
              "his facebook https://facebook.com/john.smith.1985", PG_T_URL,
              13, 36);
    pg_dt_one(*state, pg_detect_url, "Please support our patient Maria: "
              "gofundme.com/f/help-maria-beat-leukemia.", PG_T_URL, 34, 39);
    pg_dt_one(*state, pg_detect_url,
              "Follow her recovery on instagram.com/maria_strong_22",
              PG_T_URL, 23, 29);
    pg_dt_one(*state, pg_detect_url,
              "Her son posts updates at tiktok.com/@mariafights", PG_T_URL,
              25, 23);
    pg_dt_one(*state, pg_detect_url, "Read the patient's journal at "
              "https://www.caringbridge.org/visit/mariagarcia", PG_T_URL, 30,
              46);
    pg_dt_one(*state, pg_detect_url,
              "her page https://m.facebook.com/profile.php?id=100012345678",
              PG_T_URL, 9, 50);
    pg_dt_one(*state, pg_detect_url,
              "Our patient's profile: linkedin.com/in/maria-garcia-rn/",
              PG_T_URL, 23, 32);

    /* no person in the sentence */
    pg_dt_none(*state, pg_detect_url,
               "gofundme.com/f/help-maria-beat-leukemia");
    pg_dt_none(*state, pg_detect_url,
               "Dr. Lee shares her tips on instagram.com/drlee");

    /* the organisation's page: "us", "our page", its name */
    pg_dt_none(*state, pg_detect_url,
               "Our patient says thanks! Follow us on facebook.com/StMarys");
    pg_dt_none(*state, pg_detect_url, "Like our page https://www.facebook.com"
               "/StMarys for her story");
    pg_dt_none(*state, pg_detect_url,
               "Read more patient stories on facebook.com/OurHospital");
    pg_dt_none(*state, pg_detect_url, "Thanks for giving to our patient fund"
               " at gofundme.com/f/stmary-hospital-foundation");

    /* a fundraiser's person named in the sentences before its link */
    pg_dt_one(*state, pg_detect_url, "Little Kenji was diagnosed with a "
              "Wilms tumor. His mom left her job. Every dollar helps: "
              "gofundme.com/f/kenji-fights-wilms", PG_T_URL, 89, 33);
    /* not a social profile, and not before the sentence's window */
    pg_dt_none(*state, pg_detect_url, "His mom loved our cafe. Follow "
               "the chef on instagram.com/chef_tony_22");
    pg_dt_none(*state, pg_detect_url, "Our team ran the 5K. Every dollar "
               "helps the NICU: gofundme.com/f/mercy-5k-2026");

    /* the site's pages, a post under a page, a kind with no page, a
     * shortener, a site not on the list */
    pg_dt_none(*state, pg_detect_url, "Her dad shared "
               "https://www.facebook.com/events/123456");
    pg_dt_none(*state, pg_detect_url, "Watch our patient's story: "
               "https://www.facebook.com/NYULangone/videos/123");
    pg_dt_none(*state, pg_detect_url,
               "Our patient loves linkedin.com/company/acme");
    pg_dt_none(*state, pg_detect_url, "The patient's mom started "
               "gofundme.com/c/charity-thing");
    pg_dt_none(*state, pg_detect_url, "his page gofundme.com/f/");
    pg_dt_none(*state, pg_detect_url,
               "Our patient Maria says thanks! More at bit.ly/3xYzAb");
    pg_dt_none(*state, pg_detect_url,
               "her page at myfacebook.com/john.smith.1985");

    /* a care journal is a person's page by itself, but not the site's
     * own pages nor one the organisation points to as its own */
    pg_dt_one(*state, pg_detect_url, "Updates: caringbridge.org/visit/"
              "rosaalvarez", PG_T_URL, 9, 34);
    pg_dt_none(*state, pg_detect_url, "What is caringbridge.org/about?");
    pg_dt_none(*state, pg_detect_url, "Follow us on "
               "caringbridge.org/visit/stmarys-nicu");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_url_identifying,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_url_marketing,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_url_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_url_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_url_share_personal,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_url_personal_pages,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
