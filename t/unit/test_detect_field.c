/*
 * Copyright (C) phigate authors
 *
 * pg_detect_field: normalisation feeds the detectors, offsets come back
 * in the field's bytes, overlapping findings of one type are merged.
 */


#include "detect_fixture.h"
#include "pg_detect_merge.h"


static void test_field_plain(void **state);
static void test_field_fullwidth(void **state);
static void test_field_zero_width(void **state);
static void test_field_several(void **state);
static void test_field_index(void **state);
static void test_field_clean(void **state);
static void test_merge(void **state);


static void
test_field_plain(void **state)
{
    assert_int_equal(pg_dt_field(*state, "SSN 532-71-4420"), 1);
    pg_dt_check(*state, "plain", 0, PG_T_SSN, 4, 11);
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].field, 0);
}


static void
test_field_fullwidth(void **state)
{
    /* "SSN ５３２-７１-４４２０": 3-byte digits, ASCII hyphens */
    static const char  in[] =
        "SSN \xef\xbc\x95\xef\xbc\x93\xef\xbc\x92-\xef\xbc\x97\xef\xbc\x91-"
        "\xef\xbc\x94\xef\xbc\x94\xef\xbc\x92\xef\xbc\x90 ok";

    assert_int_equal(pg_dt_fieldl(*state, in, sizeof(in) - 1), 1);
    pg_dt_check(*state, "fullwidth", 0, PG_T_SSN, 4, 29);
}


static void
test_field_zero_width(void **state)
{
    /* "call 555<ZWSP>-234-5678<ZWSP>" */
    static const char  in[] =
        "call 555\xe2\x80\x8b-234-5678\xe2\x80\x8b.";

    /* the trailing ZWSP is not part of the number's span */
    assert_int_equal(pg_dt_fieldl(*state, in, sizeof(in) - 1), 1);
    pg_dt_check(*state, "zwsp", 0, PG_T_PHONE, 5, 15);

    /* soft hyphens between every digit of a bare, cued number */
    assert_int_equal(pg_dt_field(*state, "phone 8\xc2\xad" "6\xc2\xad"
                                 "54739166"), 1);
    pg_dt_check(*state, "shy", 0, PG_T_PHONE, 6, 14);
}


static void
test_field_several(void **state)
{
    static const char  in[] =
        "Pt DOB 06/12/1985, MRN 5194766, SSN 532-71-4420, "
        "cell (865) 473-9166, mail amy@clinic.org";

    assert_int_equal(pg_dt_field(*state, in), 5);

    /* in text order */
    pg_dt_check(*state, in, 0, PG_T_DOB, 7, 10);
    pg_dt_check(*state, in, 1, PG_T_MRN, 23, 7);
    pg_dt_check(*state, in, 2, PG_T_SSN, 36, 11);
    pg_dt_check(*state, in, 3, PG_T_PHONE, 54, 14);
    pg_dt_check(*state, in, 4, PG_T_EMAIL, 75, 14);
}


static void
test_field_index(void **state)
{
    pg_dt_t  *fx = *state;

    memset(&fx->fields, 0, sizeof(pg_fields_t));
    memset(&fx->findings, 0, sizeof(pg_findings_t));

    assert_int_equal(pg_fields_add(&fx->fields, &fx->arena, "a", 1,
                                   "SSN 532-71-4420", 15, PG_SRC_BODY, 0, 0),
                     PG_OK);
    assert_int_equal(pg_fields_add(&fx->fields, &fx->arena, "b", 1,
                                   "amy@clinic.org", 14, PG_SRC_BODY, 0, 0),
                     PG_OK);

    assert_int_equal(pg_detect_field(&fx->arena, &fx->fields, 1,
                                     &fx->findings), PG_OK);
    assert_int_equal(pg_detect_field(&fx->arena, &fx->fields, 0,
                                     &fx->findings), PG_OK);

    /* appended, each with its field; earlier findings untouched */
    assert_int_equal(fx->findings.n, 2);
    assert_int_equal(fx->findings.items[0].type, PG_T_EMAIL);
    assert_int_equal(fx->findings.items[0].field, 1);
    assert_int_equal(fx->findings.items[1].type, PG_T_SSN);
    assert_int_equal(fx->findings.items[1].field, 0);

    /* a field index out of range finds nothing */
    assert_int_equal(pg_detect_field(&fx->arena, &fx->fields, 2,
                                     &fx->findings), PG_OK);
    assert_int_equal(fx->findings.n, 2);
}


static void
test_field_clean(void **state)
{
    static const char  *clean[] = {
        "Our nurses logged 6,476 volunteer hours in 2020.",
        "In crisis? Call or text 988. Emergencies: dial 911.",
        "Our blood drive on Sep 19 collected 333 units.",
        "Welcome to the world, baby #2,742 of the year!",
        "Open 8am-8pm, 7 days a week. Est. 1902.",
        "1 in 8 women will be diagnosed with breast cancer.",
        "Dr. Lee joins our team! Born and raised in Ohio.",
        "",
        NULL
    };
    size_t  k;

    for (k = 0; clean[k] != NULL; k++) {
        if (pg_dt_field(*state, clean[k]) != 0) {
            print_error("clean post #%zu fired\n", k);
            fail();
        }
    }
}


static void
test_merge(void **state)
{
    pg_dt_t        *fx = *state;
    pg_findings_t  *f = &fx->findings;
    pg_arena_t     *a = &fx->arena;

    memset(f, 0, sizeof(pg_findings_t));

    /* one finding before base: never touched */
    assert_int_equal(pg_findings_add(f, a, PG_T_PHONE, 0, 0, 50, 10),
                     PG_OK);

    assert_int_equal(pg_findings_add(f, a, PG_T_PHONE, 1, 20, 10, 60),
                     PG_OK);
    assert_int_equal(pg_findings_add(f, a, PG_T_SSN, 1, 22, 5, 80), PG_OK);
    assert_int_equal(pg_findings_add(f, a, PG_T_PHONE, 1, 5, 3, 90), PG_OK);
    assert_int_equal(pg_findings_add(f, a, PG_T_PHONE, 1, 25, 10, 90),
                     PG_OK);
    /* touching (not overlapping) stays separate */
    assert_int_equal(pg_findings_add(f, a, PG_T_PHONE, 1, 35, 2, 40),
                     PG_OK);

    pg_detect_merge(f, 1);

    assert_int_equal(f->n, 5);
    pg_dt_check(fx, "merge", 0, PG_T_PHONE, 0, 50);
    pg_dt_check(fx, "merge", 1, PG_T_PHONE, 5, 3);
    pg_dt_check(fx, "merge", 2, PG_T_PHONE, 20, 15);
    assert_int_equal(f->items[2].confidence, 90);
    pg_dt_check(fx, "merge", 3, PG_T_SSN, 22, 5);
    pg_dt_check(fx, "merge", 4, PG_T_PHONE, 35, 2);
    assert_int_equal(f->items[4].confidence, 40);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_field_plain,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_field_fullwidth,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_field_zero_width,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_field_several,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_field_index,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_field_clean,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_merge,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
