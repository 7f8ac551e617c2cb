/*
 * Copyright (C) phigate authors
 *
 * The allow-list (pg_allowlist.c, pg_allowlist_fold.c): entries by kind
 * or inferred, each kind's canonical form whatever a post's formatting,
 * equality rather than containment, the ZIP code after an allowed
 * address, the filter's counts, and the file's errors.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_allowlist.h"
#include "pg_inspect.h"


#define PG_FILE  "allow.txt"


static const char  pg_list[] =
    "# the hospital's own, never PHI\n"
    "phone:   (617) 555-0100\n"
    "fax:     617-555-0101\n"
    "email:   Press@Hospital.org\n"
    "url:     https://hospital.org/people/*\n"
    "url:     https://www.hospital.org/patients/stories\n"
    "name:    Dr. Ana Ruiz, MD\n"
    "name:    José Núñez\n"
    "address: 55 Fruit Street, Boston, MA 02114\n"
    "\n"
    "   # inferred kinds\n"
    "+1 617 555 0199\r\n"
    "info@hospital.org\n"
    "www.hospital.org/careers\n"
    "1 Main Street, Springfield, Illinois 62701-1234\n"
    "Mark Chen\n";


typedef struct {
    pg_allowlist_t  *al;
    char             err[256];
} pg_at_t;


static int
setup(void **state)
{
    pg_at_t  *fx;

    fx = calloc(1, sizeof(pg_at_t));
    if (fx == NULL) {
        return -1;
    }

    fx->al = pg_allowlist_parse(pg_list, sizeof(pg_list) - 1, PG_FILE,
                                fx->err, sizeof(fx->err));
    if (fx->al == NULL) {
        fprintf(stderr, "%s\n", fx->err);
        free(fx);
        return -1;
    }

    *state = fx;

    return 0;
}


static int
teardown(void **state)
{
    pg_at_t  *fx = *state;

    pg_allowlist_free(fx->al);
    free(fx);

    return 0;
}


typedef struct {
    pg_type_t      type;
    const char    *text;
    int            allowed;
} pg_case_t;


static void
expect_all(pg_at_t *fx, const pg_case_t *c, size_t n)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        if (pg_allowlist_allows(fx->al, c[i].type, c[i].text,
                                strlen(c[i].text))
            != c[i].allowed)
        {
            print_error("%s \"%s\": wanted %s\n", pg_type_name(c[i].type),
                        c[i].text, c[i].allowed ? "allowed" : "not allowed");
            fail();
        }
    }
}


static void
test_parse(void **state)
{
    pg_at_t  *fx = *state;

    assert_int_equal(pg_allowlist_count(fx->al), 13);
}


static void
test_phone(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_PHONE, "(617) 555-0100", 1 },
        { PG_T_PHONE, "617-555-0100", 1 },
        { PG_T_PHONE, "617.555.0100", 1 },
        { PG_T_PHONE, "617 555 0100", 1 },
        { PG_T_PHONE, "6175550100", 1 },
        { PG_T_PHONE, "+1 617 555 0100", 1 },
        { PG_T_PHONE, "1-617-555-0100", 1 },
        { PG_T_PHONE, "+16175550100", 1 },
        { PG_T_PHONE, "(617)555-0100", 1 },
        { PG_T_PHONE, "617/555-0100", 1 },
        /* fullwidth digits and a non-breaking space, as posts carry them */
        { PG_T_PHONE, "\xef\xbc\x96\xef\xbc\x91\xef\xbc\x97-555-0100", 1 },
        { PG_T_PHONE, "617\xc2\xa0" "555\xc2\xa0" "0100", 1 },
        { PG_T_PHONE, "617&#8209;555&#8209;0100", 1 },

        /* fax entries are phone numbers, and FAX findings are compared too */
        { PG_T_FAX, "617.555.0100", 1 },
        { PG_T_PHONE, "(617) 555-0101", 1 },
        { PG_T_PHONE, "617 555 0199", 1 },

        /* another number, or this one with more digits, is not allowed */
        { PG_T_PHONE, "617-555-0102", 0 },
        { PG_T_PHONE, "617-555-01000", 0 },
        { PG_T_PHONE, "2-617-555-0100", 0 },
        { PG_T_PHONE, "617-555-0100 x12", 0 },

        /* only the types an entry's kind covers */
        { PG_T_ACCOUNT, "6175550100", 0 },
        { PG_T_SSN, "617-555-0100", 0 },
    };

    expect_all(*state, cases, sizeof(cases) / sizeof(cases[0]));
}


static void
test_email(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_EMAIL, "press@hospital.org", 1 },
        { PG_T_EMAIL, "PRESS@HOSPITAL.ORG", 1 },
        { PG_T_EMAIL, "\xef\xbd\x90ress@hospital.org", 1 },
        { PG_T_EMAIL, "info@Hospital.org", 1 },

        { PG_T_EMAIL, "press2@hospital.org", 0 },
        { PG_T_EMAIL, "press@hospital.org.evil.com", 0 },
        { PG_T_EMAIL, "a.press@hospital.org", 0 },
    };

    expect_all(*state, cases, sizeof(cases) / sizeof(cases[0]));
}


static void
test_url(void **state)
{
    static const pg_case_t  cases[] = {
        /* a prefix entry */
        { PG_T_URL, "https://hospital.org/people/48213", 1 },
        { PG_T_URL, "http://www.HOSPITAL.org/people/48213/bio", 1 },
        { PG_T_URL, "https://hospital.org/people", 0 },
        { PG_T_URL, "https://hospital.org/peoplex/48213", 0 },
        { PG_T_URL, "https://hospital.org.evil.com/people/1", 0 },
        { PG_T_URL, "https://evil.com/hospital.org/people/1", 0 },

        /* exact entries: scheme, www. and a last '/' aside */
        { PG_T_URL, "http://hospital.org/patients/stories/", 1 },
        { PG_T_URL, "https://hospital.org/patients/stories?id=4821", 0 },
        { PG_T_URL, "https://hospital.org/Patients/stories", 0 },
        { PG_T_URL, "https://www.hospital.org/careers", 1 },
        { PG_T_URL, "https://www.hospital.org/careers/4821", 0 },
    };

    expect_all(*state, cases, sizeof(cases) / sizeof(cases[0]));
}


static void
test_name(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_NAME, "Ana Ruiz", 1 },
        { PG_T_NAME, "ANA  RUIZ", 1 },
        { PG_T_NAME, "Dr. Ana Ruiz", 1 },
        { PG_T_NAME, "Ana Ruiz, M.D.", 1 },
        { PG_T_NAME, "Ana Ruiz's", 1 },
        { PG_T_NAME, "Ana Ruiz\xe2\x80\x99s", 1 },
        { PG_T_NAME, "\xef\xbc\xa1na Ruiz", 1 },
        { PG_T_NAME, "Jose Nunez", 1 },
        { PG_T_NAME, "JOSÉ NÚÑEZ", 1 },
        { PG_T_NAME, "Jose\xcc\x81 Nu\xcc\x81n\xcc\x83" "ez", 1 },
        { PG_T_NAME, "mark chen", 1 },

        /* the name with a patient's surname after it is another name */
        { PG_T_NAME, "Ana Ruiz Lopez", 0 },
        { PG_T_NAME, "Maria Ana Ruiz", 0 },
        { PG_T_NAME, "Ana", 0 },
        { PG_T_NAME, "Ana Ruizs", 0 },
        { PG_T_NAME, "Mark Cheng", 0 },
    };

    expect_all(*state, cases, sizeof(cases) / sizeof(cases[0]));
}


static void
test_address(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_ADDRESS, "55 Fruit Street, Boston, MA 02114", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Boston, MA", 1 },
        { PG_T_ADDRESS, "55 Fruit St., Boston MA", 1 },
        { PG_T_ADDRESS, "55 FRUIT ST", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Boston, Massachusetts", 1 },
        { PG_T_ADDRESS, "1 Main St, Springfield, IL 62701-1234", 1 },
        { PG_T_ADDRESS, "1 Main Street", 1 },

        /* shorter than the street, longer, or another one */
        { PG_T_ADDRESS, "55 Fruit", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Apt 4, Boston", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Salem, MA", 0 },
        { PG_T_ADDRESS, "57 Fruit Street", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Boston, MA 02114 Apt 2", 0 },
    };

    expect_all(*state, cases, sizeof(cases) / sizeof(cases[0]));
}


/* the filter over a request's findings, and what it counts */
static void
test_filter(void **state)
{
    pg_at_t           *fx = *state;
    size_t             i;
    uint32_t           allowed[PG_T__COUNT];
    pg_arena_t         a;
    pg_limits_t        lim;
    pg_request_t       req;
    pg_inspection_t    in;

    static const char  body[] =
        "{\"text\":\"Call (617) 555-0100 or 617.555.0100, not 617-555-0142. "
        "Visit 55 Fruit St., Boston, MA 02114. Patient: Ana Ruiz Lopez.\","
        "\"alt\":\"Patient: ANA RUIZ lives at 12 Elm Street, Boston, MA "
        "02114\"}";

    pg_arena_init(&a, 0);
    memset(&lim, 0, sizeof(pg_limits_t));
    memset(&req, 0, sizeof(pg_request_t));

    req.method = "POST";
    req.method_len = 4;
    req.host = "api.x.com";
    req.host_len = 9;
    req.path = "/2/tweets";
    req.path_len = 9;
    req.content_type = "application/json";
    req.content_type_len = 16;
    req.body = body;
    req.body_len = sizeof(body) - 1;

    /* without the allow-list: what the detectors see */
    assert_int_equal(pg_inspect(&a, &req, &lim, &in), PG_OK);
    memset(allowed, 0, sizeof(allowed));

    for (i = 0; i < in.findings.n; i++) {
        allowed[in.findings.items[i].type]++;
    }

    assert_int_equal(allowed[PG_T_PHONE], 3);
    assert_int_equal(allowed[PG_T_ADDRESS], 2);
    assert_int_equal(allowed[PG_T_ZIP], 2);
    assert_int_equal(allowed[PG_T_NAME], 2);

    lim.allow = fx->al;
    assert_int_equal(pg_inspect(&a, &req, &lim, &in), PG_OK);

    /*
     * Left: the other number, the patient whose name starts like the
     * staff member's, and another address with the hospital's ZIP code.
     */
    assert_int_equal(in.findings.n, 4);
    assert_int_equal(in.findings.items[0].type, PG_T_PHONE);
    assert_int_equal(in.findings.items[0].off,
                     strstr(in.fields.items[0].text, "617-555-0142")
                     - in.fields.items[0].text);
    assert_int_equal(in.findings.items[1].type, PG_T_NAME);
    assert_int_equal(in.findings.items[1].len, strlen("Ana Ruiz Lopez"));
    assert_int_equal(in.findings.items[2].type, PG_T_ADDRESS);
    assert_int_equal(in.findings.items[2].field, 1);
    assert_int_equal(in.findings.items[3].type, PG_T_ZIP);
    assert_int_equal(in.findings.items[3].field, 1);

    assert_int_equal(in.allowed[PG_T_PHONE], 2);
    assert_int_equal(in.allowed[PG_T_ADDRESS], 1);
    assert_int_equal(in.allowed[PG_T_ZIP], 1);
    assert_int_equal(in.allowed[PG_T_NAME], 1);
    assert_int_equal(in.allowed[PG_T_SSN], 0);

    pg_arena_free(&a);
}


static void
expect_error(const char *text, const char *want)
{
    char             err[256];
    pg_allowlist_t  *al;

    al = pg_allowlist_parse(text, strlen(text), PG_FILE, err, sizeof(err));

    if (al != NULL) {
        pg_allowlist_free(al);
        print_error("\"%s\" parsed, wanted \"%s\"\n", text, want);
        fail();
    }

    if (strcmp(err, want) != 0) {
        print_error("got \"%s\", wanted \"%s\"\n", err, want);
        fail();
    }
}


static void
test_errors(void **state)
{
    expect_error("phone: 617-555-0100\nfone: 617-555-0101\n",
                 PG_FILE ":2: unknown kind of entry (phone, fax, email, url, "
                 "name or address)");
    expect_error("# x\n\nphone: 555-0100\n",
                 PG_FILE ":3: not a phone number: 10 digits, with +1 or 1 "
                 "before them at most");
    expect_error("phone: 617-CALL-NOW\n",
                 PG_FILE ":1: not a phone number: 10 digits, with +1 or 1 "
                 "before them at most");
    expect_error("email: press.hospital.org\n",
                 PG_FILE ":1: not an e-mail address");
    expect_error("email: a@b@hospital.org\n",
                 PG_FILE ":1: not an e-mail address");
    expect_error("url: hospital.org/news\n",
                 PG_FILE ":1: a url entry starts with http://, https:// or "
                 "www. and a host");
    expect_error("url: https://hospital.org*\n",
                 PG_FILE ":1: '*' only ends a url entry, after its host and "
                 "a '/'");
    expect_error("url: https://hospital.org/*/news\n",
                 PG_FILE ":1: '*' only ends a url entry, after its host and "
                 "a '/'");
    expect_error("name: ...\n",
                 PG_FILE ":1: a name entry has a letter, and at most 512 "
                 "bytes");
    expect_error("address: Fruit Street\n",
                 PG_FILE ":1: an address entry has a number and a street, "
                 "and at most 512 bytes");
    expect_error("name:\n", PG_FILE ":1: empty entry");
    expect_error("+++ ---\n",
                 PG_FILE ":1: cannot tell what the entry is: start it with "
                 "phone:, fax:, email:, url:, name: or address:");
    expect_error("name: Ana \xff Ruiz\n", PG_FILE ":1: not valid UTF-8");
}


/* the message names the problem and the line, never the entry */
static void
test_error_no_text(void **state)
{
    char             err[256];
    pg_allowlist_t  *al;

    al = pg_allowlist_parse("phone: 617-555-0100\nphone: Ana Ruiz 42\n", 39,
                            PG_FILE, err, sizeof(err));
    assert_null(al);
    assert_null(strstr(err, "Ana"));
    assert_null(strstr(err, "617"));
    assert_non_null(strstr(err, PG_FILE ":2: "));

    /* an empty list is no error */
    al = pg_allowlist_parse("", 0, PG_FILE, err, sizeof(err));
    assert_non_null(al);
    assert_int_equal(pg_allowlist_count(al), 0);
    pg_allowlist_free(al);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_parse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_phone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_email, setup, teardown),
        cmocka_unit_test_setup_teardown(test_url, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_error_no_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
