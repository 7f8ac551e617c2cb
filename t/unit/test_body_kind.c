/*
 * Copyright (C) phigate authors
 *
 * Content-Type classification and the dispatch on it, with the values
 * real clients send (../shared/platforms/captured.jsonl).
 */


#include "extract_fixture.h"


static void test_kinds(void **state);
static void test_boundary(void **state);
static void test_boundary_tricks(void **state);
static void test_no_outputs(void **state);
static void test_dispatch(void **state);
static void test_dispatch_errors(void **state);


static void
test_kinds(void **state)
{
    unsigned     i;
    const char  *b;
    size_t       blen;

    static const struct {
        const char      *ct;
        pg_body_kind_t   kind;
    } cases[] = {
        { "application/json;charset=UTF-8", PG_BODY_JSON },
        { "application/json", PG_BODY_JSON },
        { "Application/JSON ; charset=utf-8", PG_BODY_JSON },
        { " \tapplication/json", PG_BODY_JSON },
        { "text/json", PG_BODY_JSON },
        { "application/ld+json", PG_BODY_JSON },
        { "application/vnd.api+JSON; ext=x", PG_BODY_JSON },
        { "application/merge-patch+json", PG_BODY_JSON },
        { "application/jsonp", PG_BODY_RAW },
        { "application/json-seq", PG_BODY_RAW },
        { "+json", PG_BODY_RAW },
        { "application/x-www-form-urlencoded;charset=UTF-8",
          PG_BODY_FORM },
        { "APPLICATION/X-WWW-FORM-URLENCODED", PG_BODY_FORM },
        { "application/x-www-form-urlencodedx", PG_BODY_RAW },
        { "multipart/form-data; boundary=x", PG_BODY_MULTIPART },
        { "multipart/mixed; boundary=x", PG_BODY_MULTIPART },
        { "Multipart/Related; boundary=x", PG_BODY_MULTIPART },
        { "multipart/alternative; boundary=x", PG_BODY_RAW },
        { "image/png", PG_BODY_MEDIA },
        { "IMAGE/JPEG", PG_BODY_MEDIA },
        { "video/mp4", PG_BODY_MEDIA },
        { "audio/mpeg", PG_BODY_MEDIA },
        { "application/octet-stream", PG_BODY_MEDIA },
        { "image/", PG_BODY_RAW },
        { "image", PG_BODY_RAW },
        { "text/plain", PG_BODY_RAW },
        { "application/xml", PG_BODY_RAW },
        { "", PG_BODY_RAW },
        { "   ", PG_BODY_RAW },
        { ";boundary=x", PG_BODY_RAW },
        { "application /json", PG_BODY_RAW },
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (pg_body_kind(cases[i].ct, strlen(cases[i].ct), &b, &blen)
            != cases[i].kind)
        {
            fail_msg("\"%s\" misclassified", cases[i].ct);
        }
    }

    assert_int_equal(pg_body_kind(NULL, 0, &b, &blen), PG_BODY_RAW);
    assert_null(b);
    assert_int_equal(blen, 0);

    /* only ct_len bytes are read */
    assert_int_equal(pg_body_kind("application/jsonXYZ", 16, NULL, NULL),
                     PG_BODY_JSON);
    assert_int_equal(pg_body_kind("image/png", 6, NULL, NULL), PG_BODY_RAW);
    assert_int_equal(pg_body_kind("application/json\0x", 18, NULL, NULL),
                     PG_BODY_RAW);
}


static void
test_boundary(void **state)
{
    const char  *b;
    size_t       blen;

    static const char  x[] = "multipart/form-data; "
                             "boundary=--------------------------"
                             "838426348005349291306947";
    static const char  g[] = "multipart/related; "
                             "boundary=63833d52-06ba-4ceb-a95e-f845539d43f1";

    assert_int_equal(pg_body_kind(PG_S(x), &b, &blen), PG_BODY_MULTIPART);
    assert_int_equal(blen, 50);
    assert_memory_equal(b, "--------------------------838426348005349291306947",
                        50);
    assert_ptr_equal(b, x + 30);

    assert_int_equal(pg_body_kind(PG_S(g), &b, &blen), PG_BODY_MULTIPART);
    assert_int_equal(blen, 36);
    assert_memory_equal(b, "63833d52-06ba-4ceb-a95e-f845539d43f1", 36);

    assert_int_equal(pg_body_kind(PG_S("multipart/form-data; charset=utf-8;"
                                       " BOUNDARY=\"a b;c\" ; x=y"),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_int_equal(blen, 5);
    assert_memory_equal(b, "a b;c", 5);

    assert_int_equal(pg_body_kind(PG_S("multipart/form-data;boundary=abc"),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_int_equal(blen, 3);
    assert_memory_equal(b, "abc", 3);

    assert_int_equal(pg_body_kind(PG_S("multipart/form-data"), &b, &blen),
                     PG_BODY_MULTIPART);
    assert_null(b);
    assert_int_equal(blen, 0);

    /* not multipart: never a boundary */
    assert_int_equal(pg_body_kind(PG_S("text/plain; boundary=abc"), &b,
                                  &blen),
                     PG_BODY_RAW);
    assert_null(b);
}


static void
test_boundary_tricks(void **state)
{
    const char  *b;
    size_t       blen;

    /* a "boundary=" inside another parameter's quoted value is not one */
    assert_int_equal(pg_body_kind(PG_S("multipart/form-data; "
                                       "x=\"a;boundary=evil\"; boundary=real"),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_int_equal(blen, 4);
    assert_memory_equal(b, "real", 4);

    /* nor is a parameter whose name merely ends in boundary */
    assert_int_equal(pg_body_kind(PG_S("multipart/form-data; "
                                       "xboundary=evil; boundary=real"),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_memory_equal(b, "real", 4);

    /* two boundaries: which one the platform takes is unknown */
    assert_int_equal(pg_body_kind(PG_S("multipart/form-data; boundary=a; "
                                       "boundary=b"),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_null(b);

    /* unterminated quote: the value runs to the end */
    assert_int_equal(pg_body_kind(PG_S("multipart/mixed; boundary=\"abc"),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_int_equal(blen, 3);

    assert_int_equal(pg_body_kind(PG_S("multipart/mixed; boundary="),
                                  &b, &blen),
                     PG_BODY_MULTIPART);
    assert_int_equal(blen, 0);
}


static void
test_no_outputs(void **state)
{
    assert_int_equal(pg_body_kind(PG_S("multipart/mixed; boundary=x"), NULL,
                                  NULL),
                     PG_BODY_MULTIPART);
}


static void
test_dispatch(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_extract_body(&fx->arena, PG_S("application/json"),
                                     PG_S("{\"text\":\"j\"}"), &fx->fields),
                     PG_OK);
    pg_fx_expect(fx, "text", PG_S("j"));

    assert_int_equal(pg_extract_body(&fx->arena,
                                     PG_S("application/x-www-form-urlencoded"),
                                     PG_S("status=f"), &fx->fields),
                     PG_OK);
    pg_fx_expect(fx, "status", PG_S("f"));

    assert_int_equal(pg_extract_body(&fx->arena, PG_S("text/plain"),
                                     PG_S("plain"), &fx->fields),
                     PG_OK);
    f = pg_fx_expect(fx, "body", PG_S("plain"));
    assert_int_equal(f->raw_off, 0);
    assert_int_equal(f->raw_len, 5);
    assert_int_equal(f->source, PG_SRC_BODY);

    /* no Content-Type: the body is still read, as text */
    assert_int_equal(pg_extract_body(&fx->arena, NULL, 0, PG_S("x=1"),
                                     &fx->fields),
                     PG_OK);
    assert_string_equal(pg_fx_nth(fx, "body", 1)->text, "x=1");

    assert_int_equal(fx->fields.n, 4);

    /* media and empty bodies hold no text */
    assert_int_equal(pg_extract_body(&fx->arena, PG_S("image/png"),
                                     PG_S("a b c"), &fx->fields),
                     PG_OK);
    assert_int_equal(pg_extract_body(&fx->arena, PG_S("application/json"),
                                     "", 0, &fx->fields),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);
}


static void
test_dispatch_errors(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_extract_body(&fx->arena, PG_S("application/json"),
                                     PG_S("{'text':'x'}"), &fx->fields),
                     PG_ERR_MALFORMED_JSON);

    assert_int_equal(pg_extract_body(&fx->arena,
                                     PG_S("multipart/form-data"),
                                     PG_S("--b\r\n\r\nx\r\n--b--"),
                                     &fx->fields),
                     PG_ERR_MALFORMED_MULTIPART);

    /* text the detectors could not read is refused, not waved through */
    assert_int_equal(pg_extract_body(&fx->arena,
                                     PG_S("text/plain; charset=UTF-16"),
                                     PG_S("P\0a\0t\0"), &fx->fields),
                     PG_ERR_ENCODING);
    assert_int_equal(pg_extract_body(&fx->arena,
                                     PG_S("application/json; "
                                          "charset=\"utf-32le\""),
                                     PG_S("{\0\0\0}\0\0\0"), &fx->fields),
                     PG_ERR_ENCODING);
    assert_int_equal(pg_extract_body(&fx->arena,
                                     PG_S("application/json; charset=utf-8"),
                                     PG_S("{}"), &fx->fields),
                     PG_OK);

    assert_int_equal(fx->fields.n, 0);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_boundary),
        cmocka_unit_test(test_boundary_tricks),
        cmocka_unit_test(test_no_outputs),
        PG_FX_TEST(test_dispatch),
        PG_FX_TEST(test_dispatch_errors),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
