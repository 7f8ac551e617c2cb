/*
 * Copyright (C) phigate authors
 *
 * The allow-list (pg_allowlist.c, pg_allowlist_fold.c): entries by kind
 * or inferred, phone numbers, mailboxes and links in each kind's
 * canonical form whatever a post's formatting, and the near misses that
 * stay findings; the filter's counts; the file's errors.  Names,
 * addresses and ZIP codes: test_allowlist_context.c.
 */

#include "test_allowlist.h"
#include "pg_inspect.h"


static void
test_parse(void **state)
{
    pg_at_t  *fx = *state;

    assert_int_equal(pg_allowlist_count(fx->al), PG_LIST_ENTRIES);
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
        { PG_T_PHONE, "+1 (617) 555-0100", 1 },
        /* fullwidth digits and a non-breaking space, as posts carry them */
        { PG_T_PHONE, "\xef\xbc\x96\xef\xbc\x91\xef\xbc\x97-555-0100", 1 },
        { PG_T_PHONE, "617\xc2\xa0" "555\xc2\xa0" "0100", 1 },
        { PG_T_PHONE, "617&#8209;555&#8209;0100", 1 },

        /* an extension reaches someone at the hospital's number */
        { PG_T_PHONE, "617-555-0100 x12", 1 },
        { PG_T_PHONE, "(617) 555-0100 x123", 1 },
        { PG_T_PHONE, "617-555-0100x123", 1 },
        { PG_T_PHONE, "617-555-0100 ext. 123", 1 },
        { PG_T_PHONE, "617-555-0100, ext 45", 1 },
        { PG_T_PHONE, "617-555-0100 Extension 7", 1 },
        { PG_T_PHONE, "617-555-0100 #4", 1 },

        /* a vanity number is its digits on a keypad */
        { PG_T_PHONE, "1-800-FLOWERS", 1 },
        { PG_T_PHONE, "1 (800) flowers", 1 },
        { PG_T_PHONE, "800-356-9377", 1 },
        { PG_T_PHONE, "1-800-FLOWERSS", 1 },

        /* fax entries are phone numbers, and FAX findings are compared too */
        { PG_T_FAX, "617.555.0100", 1 },
        { PG_T_PHONE, "(617) 555-0101", 1 },
        { PG_T_PHONE, "617 555 0199", 1 },

        /* another number, or this one with more digits, is not allowed */
        { PG_T_PHONE, "617-555-0102", 0 },
        { PG_T_PHONE, "617-555-01000", 0 },
        { PG_T_PHONE, "2-617-555-0100", 0 },
        { PG_T_PHONE, "617-555-0100 12", 0 },
        { PG_T_PHONE, "617-555-0100 x1234567", 0 },
        { PG_T_PHONE, "617-555-0100 next 12", 0 },
        { PG_T_PHONE, "1-800-FLOWER", 0 },
        { PG_T_PHONE, "1-800-FLOWERZ", 0 },
        { PG_T_PHONE, "CALL 617-555-0100", 0 },

        /* only the types an entry's kind covers */
        { PG_T_ACCOUNT, "6175550100", 0 },
        { PG_T_SSN, "617-555-0100", 0 },
    };

    pg_at_cases(state, cases);
}


static void
test_email(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_EMAIL, "press@hospital.org", 1 },
        { PG_T_EMAIL, "PRESS@HOSPITAL.ORG", 1 },
        { PG_T_EMAIL, "\xef\xbd\x90ress@hospital.org", 1 },
        { PG_T_EMAIL, "info@Hospital.org", 1 },
        { PG_T_EMAIL, "mailto:press@hospital.org", 1 },
        { PG_T_EMAIL, "MAILTO:Press@Hospital.org?subject=Media%20request", 1 },

        /* spelled out, as posts write an address against scrapers */
        { PG_T_EMAIL, "press [at] hospital [dot] org", 1 },
        { PG_T_EMAIL, "PRESS [AT] HOSPITAL [DOT] ORG", 1 },
        { PG_T_EMAIL, "press(at)hospital(dot)org", 1 },
        { PG_T_EMAIL, "press {at} hospital {dot} org", 1 },
        { PG_T_EMAIL, "press at hospital dot org", 1 },
        { PG_T_EMAIL, "press @ hospital.org", 1 },
        { PG_T_EMAIL, "press[@]hospital[.]org", 1 },

        { PG_T_EMAIL, "press2@hospital.org", 0 },
        { PG_T_EMAIL, "press@hospital.org.evil.com", 0 },
        { PG_T_EMAIL, "a.press@hospital.org", 0 },
        { PG_T_EMAIL, "press2 [at] hospital [dot] org", 0 },
        { PG_T_EMAIL, "press [at] hospital [dot] org [dot] evil [dot] com",
          0 },
        { PG_T_EMAIL, "mailto:press@hospital.org.evil.com", 0 },
        { PG_T_EMAIL, "pr ess@hospital.org", 0 },
        { PG_T_EMAIL, "press at hospital org", 0 },
    };

    pg_at_cases(state, cases);
}


static void
test_url(void **state)
{
    static const pg_case_t  cases[] = {
        /* a prefix entry: every link under its path */
        { PG_T_URL, "https://hospital.org/people/48213", 1 },
        { PG_T_URL, "http://www.HOSPITAL.org/people/48213/bio", 1 },
        { PG_T_URL, "https://hospital.org/people", 0 },
        { PG_T_URL, "https://hospital.org/peoplex/48213", 0 },
        { PG_T_URL, "https://hospital.org.evil.com/people/1", 0 },
        { PG_T_URL, "https://evil.com/hospital.org/people/1", 0 },

        /* a whole host: "https://news.hospital.org/" and "*" */
        { PG_T_URL, "https://news.hospital.org/", 1 },
        { PG_T_URL, "https://news.hospital.org", 1 },
        { PG_T_URL, "http://NEWS.hospital.org/2024/gala?id=7#photos", 1 },
        { PG_T_URL, "https://news.hospital.org?id=7", 1 },
        { PG_T_URL, "https://news.hospital.org.evil.com/", 0 },
        { PG_T_URL, "https://evilnews.hospital.org/", 0 },

        /* exact entries: scheme, www., host case, a last '/' aside */
        { PG_T_URL, "http://hospital.org/patients/stories", 1 },
        { PG_T_URL, "http://hospital.org/patients/stories/", 1 },
        { PG_T_URL, "https://WWW.Hospital.ORG/patients/stories", 1 },
        { PG_T_URL, "https://www.hospital.org/careers", 1 },

        /* tracking parameters and an anchor say nothing of a person */
        { PG_T_URL, "https://hospital.org/patients/stories?utm_source=fb"
                    "&utm_medium=social&utm_campaign=spring", 1 },
        { PG_T_URL, "https://hospital.org/patients/stories/?fbclid=IwAR0x9",
          1 },
        { PG_T_URL, "https://hospital.org/patients/stories#top", 1 },
        { PG_T_URL, "https://hospital.org/patients/stories"
                    "?utm_source=x#visiting-hours", 1 },

        /* another path or query on the same host is another page */
        { PG_T_URL, "https://hospital.org/patients/stories?id=4821", 0 },
        { PG_T_URL, "https://hospital.org/patients/stories"
                    "?utm_source=fb&patient_id=48213", 0 },
        { PG_T_URL, "https://hospital.org/patients/stories#/patient/48213",
          0 },
        { PG_T_URL, "https://hospital.org/patients/stories/48213", 0 },
        { PG_T_URL, "https://hospital.org/portal/patient?id=48213", 0 },
        { PG_T_URL, "https://hospital.org/Patients/stories", 0 },
        { PG_T_URL, "https://www.hospital.org/careers/4821", 0 },
        { PG_T_URL, "https://hospital.org/", 0 },
    };

    pg_at_cases(state, cases);
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
    expect_error("phone: 555-CALL\n",
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
                 PG_FILE ":1: a name entry has a given name and a surname, "
                 "and at most 512 bytes");
    expect_error("name: Ana\n",
                 PG_FILE ":1: a name entry has a given name and a surname, "
                 "and at most 512 bytes");
    expect_error("name: Dr. Ruiz, MD\n",
                 PG_FILE ":1: a name entry has a given name and a surname, "
                 "and at most 512 bytes");
    expect_error("Ruiz\n",
                 PG_FILE ":1: a name entry has a given name and a surname, "
                 "and at most 512 bytes");
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
        cmocka_unit_test_setup_teardown(test_parse, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test_setup_teardown(test_phone, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test_setup_teardown(test_email, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test_setup_teardown(test_url, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test_setup_teardown(test_filter, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_error_no_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
