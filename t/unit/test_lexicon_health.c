/*
 * Copyright (C) phigate authors
 *
 * The health lexicon (conf/lexicon/health*.txt, compiled into
 * src/pg_lexicon_data.c): care stories that need a health word of the
 * WordNet-derived list or of the hand-kept one are found by the whole
 * engine; their clean look-alikes and everyday words that are also
 * medical ("cold", "shot", "labor") are not.
 *
 * Not here, because a word cannot fix them (see docs/detection.md, "The
 * health lexicon"): "She had her hip replacement on Jan 5, 2024" (a
 * two-word term), and the DATE of "gave birth on" and "came in on".
 */


#include "detect_fixture.h"
#include "pg_lexicon.h"


static int th_has(pg_dt_t *fx, const char *s, pg_type_t type);
static void th_health(const char *w, int health);
static void test_health_stories(void **state);
static void test_health_lookalikes(void **state);
static void test_health_words(void **state);


/* the engine finds a finding of this type in s */

static int
th_has(pg_dt_t *fx, const char *s, pg_type_t type)
{
    size_t  i, n;

    n = pg_dt_field(fx, s);

    for (i = 0; i < n; i++) {
        if (fx->findings.items[i].type == type) {
            return 1;
        }
    }

    print_error("input \"%s\": no %s among %zu findings\n", s,
                pg_type_name(type), n);

    return 0;
}


static void
th_health(const char *w, int health)
{
    unsigned  lex;

    lex = pg_lex_lookup(w, strlen(w));

    if (!(lex & PG_LEX_HEALTH) != !health) {
        print_error("word \"%s\": classes 0x%x, wanted %sa health word\n",
                    w, lex, health ? "" : "not ");
        fail();
    }
}


static void
test_health_stories(void **state)
{
    pg_dt_t  *fx = *state;

    /* the reviewer's: "mammogram" (WordNet), "birth" (by hand), "pain"
     * (WordNet: mostly used in its health sense) */
    assert_true(th_has(fx, "her mammogram on 3/3/2024 was clear",
                       PG_T_DATE));
    assert_true(th_has(fx, "Jane Doe gave birth on 3/3/2024", PG_T_NAME));
    assert_true(th_has(fx, "Mrs. Lee came in on Jan 5, 2024 with chest pain",
                       PG_T_NAME));

    /* conditions and drugs of the WordNet list; a plural it made */
    assert_true(th_has(fx, "Tom Alvarez is home now after a bout with "
                       "shingles.", PG_T_NAME));
    assert_true(th_has(fx, "Lisa Navarro started metformin last week.",
                       PG_T_NAME));
    assert_true(th_has(fx, "Ms. Patel's migraines improved after we "
                       "adjusted her dose.", PG_T_NAME));
    assert_true(th_has(fx, "Gary Benson, who struggled with vertigo for "
                       "months, is back to hiking.", PG_T_NAME));

    /* a drug newer than WordNet 3.0 and a condition whose word is
     * mostly a roof's, kept by hand */
    assert_true(th_has(fx, "Denise Carter lost 30 pounds on Ozempic.",
                       PG_T_NAME));
}


static void
test_health_lookalikes(void **state)
{
    size_t        i, n;
    pg_dt_t      *fx = *state;

    static const char *const  clean[] = {
        /* the reviewer's */
        "Hip replacement seminar on Jan 5, 2024",
        "Mammogram screening day 3/3/2024",
        "Our birth center opened on 3/3/2024",
        /* everyday words that are also medical, next to a name */
        "Baby, it's cold outside! Stop by our cafe for a free hot cocoa, "
        "courtesy of Chef Marco Rossi.",
        "Back to school? Karen Whitley and our volunteers packed 400 "
        "backpacks this weekend.",
        "Happy Labor Day from all of us! Our offices are closed Monday.",
        "Our summer theater camp cast, directed by Paul Henderson, "
        "performs Friday at 7pm.",
        "Great shot by photographer Leah Morgan of the sunrise over our "
        "new parking garage.",
        "No pressure: Tom Fischer from our finance team explains open "
        "enrollment in three minutes.",
        /* services a hospital advertises (conf/lexicon/health-not.txt) */
        "Johnson & Johnson vaccine supplies arrive at our pharmacy next "
        "week.",
        "We miss our beloved therapy dog Bella, who visited our patients "
        "for 11 years.",
        "Our therapy garden was designed by landscape architect Sofia "
        "Marino.",
        /* a staff role added with the list (conf/lexicon/staff.txt) */
        "Chronic pain support group meets Thursdays, facilitated by social "
        "worker Monica Hale.",
        NULL
    };

    for (i = 0; clean[i] != NULL; i++) {
        n = pg_dt_field(fx, clean[i]);

        if (n != 0) {
            print_error("input \"%s\": %zu findings, wanted none (first "
                        "%s at %zu+%zu)\n", clean[i], n,
                        pg_type_name(fx->findings.items[0].type),
                        fx->findings.items[0].off,
                        fx->findings.items[0].len);
            fail();
        }
    }
}


static void
test_health_words(void **state)
{
    size_t  i;

    static const char *const  health[] = {
        "pain", "mammogram", "shingles", "migraine", "migraines",
        "metformin", "Lipitor", "sciatica", "tinnitus", "hysterectomy",
        "colonoscopy", "birth", "ozempic", "postpartum", NULL
    };

    /* mostly something else (WordNet's sense counts), left out on
     * purpose (health-not.txt), a name ("Rick") or a staff word */
    static const char *const  not_health[] = {
        "cold", "back", "labor", "cast", "shot", "pressure", "spots",
        "cure", "therapy", "vaccine", "capsule", "rick", "clinician",
        "aids", NULL
    };

    for (i = 0; health[i] != NULL; i++) {
        th_health(health[i], 1);
    }

    for (i = 0; not_health[i] != NULL; i++) {
        th_health(not_health[i], 0);
    }

    /* an initialism counts in capitals only */
    th_health("PTSD", 1);
    th_health("ADHD", 1);
    th_health("Adhd", 0);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_health_stories,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_health_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test(test_health_words),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
