/*
 * Copyright (C) phigate authors
 *
 * Form and query string extraction, on bodies captured from real clients
 * (../shared/platforms/captured.jsonl) and on hostile ones.
 */


#include "extract_fixture.h"


#define PHI  "Patient Jane Doe MRN 12345 (555) 123-4567 #diabetes @clinic"
#define PHI_PCT                                                              \
    "Patient%20Jane%20Doe%20MRN%2012345%20%28555%29%20123-4567%20"           \
    "%23diabetes%20%40clinic"


static pg_status_t pg_form(pg_fx_t *fx, const char *s, size_t len,
    pg_source_t src);
static void test_x_v1_status(void **state);
static void test_graph_feed(void **state);
static void test_reddit_submit(void **state);
static void test_messenger_json_value(void **state);
static void test_graph_batch(void **state);
static void test_pseudo_json(void **state);
static void test_json_value_too_deep(void **state);
static void test_json_value_whitespace(void **state);
static void test_escapes(void **state);
static void test_pairs(void **state);
static void test_php_names(void **state);
static void test_query_source(void **state);
static void test_nul_byte(void **state);
static void test_empty(void **state);
static void test_field_limit(void **state);
static void test_many_tiny_pairs(void **state);


static pg_status_t
pg_form(pg_fx_t *fx, const char *s, size_t len, pg_source_t src)
{
    return pg_extract_form(&fx->arena, pg_fx_buf(fx, s, len), len, src,
                           &fx->fields);
}


static void
test_x_v1_status(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    static const char  body[] =
        "status=Patient+Jane+Doe+MRN+12345+%28555%29+123-4567+%23diabetes"
        "+%40clinic&tweet_mode=extended";

    assert_int_equal(pg_form(fx, PG_S(body), PG_SRC_BODY), PG_OK);
    assert_int_equal(fx->fields.n, 2);

    f = pg_fx_expect(fx, "status", PG_S(PHI));
    assert_int_equal(f->source, PG_SRC_BODY);
    assert_int_equal(f->raw_off, 7);
    pg_fx_raw(f, fx->copy, "Patient+Jane+Doe+MRN+12345+%28555%29+123-4567+"
                           "%23diabetes+%40clinic");

    f = pg_fx_expect(fx, "tweet_mode", PG_S("extended"));
    pg_fx_raw(f, fx->copy, "extended");
    assert_int_equal(f->raw_off + f->raw_len, sizeof(body) - 1);
}


static void
test_graph_feed(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_form(fx, PG_S("message=" PHI_PCT), PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);

    f = pg_fx_expect(fx, "message", PG_S(PHI));
    pg_fx_raw(f, fx->copy, PHI_PCT);
}


static void
test_reddit_submit(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_form(fx, PG_S("api_type=json&sendreplies=true&sr=test"
                                      "&kind=self&resubmit=true&text=" PHI_PCT
                                      "&title=" PHI_PCT),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 7);

    pg_fx_expect(fx, "text", PG_S(PHI));
    pg_fx_expect(fx, "title", PG_S(PHI));
    pg_fx_expect(fx, "sr", PG_S("test"));
}


static void
test_messenger_json_value(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_form(fx, PG_S("recipient=%7B%22id%22%3A%2277%22%7D"
                                      "&messaging_type=RESPONSE&message="
                                      "%7B%22text%22%3A%22" PHI_PCT
                                      "%22%7D"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    /* a value that is JSON is read through its strings, not again whole */
    assert_null(pg_fx_nth(fx, "recipient", 0));
    assert_null(pg_fx_nth(fx, "message", 0));

    f = pg_fx_expect(fx, "recipient.id", PG_S("77"));
    assert_int_equal(f->raw_off, 0);
    assert_int_equal(f->raw_len, 0);

    pg_fx_expect(fx, "messaging_type", PG_S("RESPONSE"));
    pg_fx_expect(fx, "message.text", PG_S(PHI));
}


static void
test_graph_batch(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_form(fx, PG_S("batch=%5B%7B%22method%22%3A%22POST%22"
                  "%2C%22relative_url%22%3A%22123%2Ffeed%22%2C%22body%22%3A%22"
                  "message%3DPatient%2520Jane%2520Doe%2520MRN%252012345%2520"
                  "%28555%29%2520123-4567%2520%2523diabetes%2520%2540clinic"
                  "%22%7D%5D"), PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);
    assert_null(pg_fx_nth(fx, "batch", 0));

    pg_fx_expect(fx, "batch[].method", PG_S("POST"));
    pg_fx_expect(fx, "batch[].relative_url", PG_S("123/feed"));

    /* decoded once here; the inner form is the normaliser's business */
    pg_fx_expect(fx, "batch[].body",
                 PG_S("message=Patient%20Jane%20Doe%20MRN%2012345%20(555)"
                      "%20123-4567%20%23diabetes%20%40clinic"));
}


static void
test_pseudo_json(void **state)
{
    pg_fx_t  *fx = *state;

    /* Meta's documented single-quoted form: kept whole, not an error */
    assert_int_equal(pg_form(fx, PG_S("recipient={'id':'77'}&message="
                                      "{'text':'hello,world'}"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    pg_fx_expect(fx, "message", PG_S("{'text':'hello,world'}"));

    fx->fields.n = 0;

    assert_int_equal(pg_form(fx, PG_S("m=%5B%22unterminated&n=%7B"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);
    pg_fx_expect(fx, "m", PG_S("[\"unterminated"));
    pg_fx_expect(fx, "n", PG_S("{"));
}


static void
test_json_value_too_deep(void **state)
{
    pg_fx_t   *fx = *state;
    char       body[2 + 3 * (PG_DEPTH_MAX + 1) + 16];
    size_t     n;
    unsigned   i;

    memcpy(body, "m=", 2);
    n = 2;

    for (i = 0; i <= PG_DEPTH_MAX; i++) {
        memcpy(body + n, "%5B", 3);
        n += 3;
    }

    memcpy(body + n, "%22x%22&a=b", 11);
    n += 11;

    /* an unreadable embedded document is dropped, its raw value kept */
    assert_int_equal(pg_form(fx, body, n, PG_SRC_BODY), PG_OK);
    assert_int_equal(fx->fields.n, 2);
    assert_non_null(pg_fx_nth(fx, "m", 0));
    pg_fx_expect(fx, "a", PG_S("b"));
}


static void
test_json_value_whitespace(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_form(fx, PG_S("m=+%0A%7B%22a%22%3A%22b%22%7D+"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);
    pg_fx_expect(fx, "m.a", PG_S("b"));

    fx->fields.n = 0;

    /* only objects and arrays: a JSON string is just text */
    assert_int_equal(pg_form(fx, PG_S("m=%22b%22"), PG_SRC_BODY), PG_OK);
    assert_int_equal(fx->fields.n, 1);
}


static void
test_escapes(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_form(fx, PG_S("a=%41%4a%4A%2B+%20&b=100%&c=%zz%4"
                                      "&d=%%41&e=%e2%82%ac&f=%"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 6);

    pg_fx_expect(fx, "a", PG_S("AJJ+  "));
    pg_fx_expect(fx, "b", PG_S("100%"));
    pg_fx_expect(fx, "c", PG_S("%zz%4"));
    pg_fx_expect(fx, "d", PG_S("%A"));
    pg_fx_expect(fx, "e", PG_S("\xe2\x82\xac"));

    f = pg_fx_expect(fx, "f", PG_S("%"));
    pg_fx_raw(f, fx->copy, "%");

    fx->fields.n = 0;

    /* invalid UTF-8 once decoded is just bytes */
    assert_int_equal(pg_form(fx, PG_S("x=%ff%fe%c0"), PG_SRC_BODY), PG_OK);
    pg_fx_expect(fx, "x", PG_S("\xff\xfe\xc0"));
}


static void
test_pairs(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_form(fx, PG_S("&&flag&=v&a=b=c&&;x=y&"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);

    /* a bare name has an empty value placed right after it */
    f = pg_fx_expect(fx, "flag", "", 0);
    assert_int_equal(f->raw_off, 6);
    assert_int_equal(f->raw_len, 0);

    /* a value with no name is still text someone wrote */
    f = pg_fx_expect(fx, "", PG_S("v"));
    pg_fx_raw(f, fx->copy, "v");

    pg_fx_expect(fx, "a", PG_S("b=c"));

    /* ';' is not a separator */
    pg_fx_expect(fx, ";x", PG_S("y"));
}


static void
test_php_names(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_form(fx, PG_S("status=s&poll%5Boptions%5D%5B%5D=one"
                                      "&poll[options][]=two&media_ids[]=1"),
                             PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);

    assert_string_equal(pg_fx_nth(fx, "poll[options][]", 0)->text, "one");
    assert_string_equal(pg_fx_nth(fx, "poll[options][]", 1)->text, "two");
    pg_fx_expect(fx, "media_ids[]", PG_S("1"));
}


static void
test_query_source(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    /* Instagram: the caption travels in the query string */
    assert_int_equal(pg_form(fx, PG_S("image_url=https%3A%2F%2Fx.example%2F"
                                      "a.jpg&caption=" PHI_PCT
                                      "&access_token=tok"),
                             PG_SRC_QUERY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    f = pg_fx_expect(fx, "caption", PG_S(PHI));
    assert_int_equal(f->source, PG_SRC_QUERY);
    pg_fx_raw(f, fx->copy, PHI_PCT);

    pg_fx_expect(fx, "image_url", PG_S("https://x.example/a.jpg"));
}


static void
test_nul_byte(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_form(fx, "a=x\0y&b=MRN%001234", 18, PG_SRC_BODY),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    pg_fx_expect(fx, "a", "x\0y", 3);
    pg_fx_expect(fx, "b", "MRN\0" "1234", 8);
}


static void
test_empty(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_form(fx, "", 0, PG_SRC_BODY), PG_OK);
    assert_int_equal(pg_form(fx, PG_S("&"), PG_SRC_BODY), PG_OK);
    assert_int_equal(fx->fields.n, 0);

    assert_int_equal(pg_form(fx, PG_S("="), PG_SRC_BODY), PG_OK);
    assert_int_equal(fx->fields.n, 1);
    pg_fx_expect(fx, "", "", 0);
}


static void
test_field_limit(void **state)
{
    pg_fx_t  *fx = *state;

    fx->fields.max = 3;

    assert_int_equal(pg_form(fx, PG_S("a=1&b=2&c=3"), PG_SRC_BODY), PG_OK);

    fx->fields.n = 0;

    assert_int_equal(pg_form(fx, PG_S("a=1&b=2&c=3&d=4"), PG_SRC_BODY),
                     PG_ERR_TOO_COMPLEX);

    fx->fields.n = 0;

    /* the limit counts the fields found inside a JSON value too */
    assert_int_equal(pg_form(fx, PG_S("a=1&m=%5B%22x%22%2C%22y%22%2C%22z%22"
                                      "%5D"),
                             PG_SRC_BODY),
                     PG_ERR_TOO_COMPLEX);
}


static void
test_many_tiny_pairs(void **state)
{
    pg_fx_t   *fx = *state;
    char      *body;
    size_t     i, n;

    n = 4 * (PG_FIELDS_MAX + 1);
    body = malloc(n);
    assert_non_null(body);

    for (i = 0; i < n; i += 4) {
        memcpy(body + i, "a=b&", 4);
    }

    assert_int_equal(pg_form(fx, body, n, PG_SRC_BODY), PG_ERR_TOO_COMPLEX);
    assert_int_equal(fx->fields.n, PG_FIELDS_MAX);

    fx->fields.n = 0;

    /* empty pairs cost nothing and produce nothing */
    memset(body, '&', n);
    assert_int_equal(pg_form(fx, body, n, PG_SRC_BODY), PG_OK);
    assert_int_equal(fx->fields.n, 0);

    free(body);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        PG_FX_TEST(test_x_v1_status),
        PG_FX_TEST(test_graph_feed),
        PG_FX_TEST(test_reddit_submit),
        PG_FX_TEST(test_messenger_json_value),
        PG_FX_TEST(test_graph_batch),
        PG_FX_TEST(test_pseudo_json),
        PG_FX_TEST(test_json_value_too_deep),
        PG_FX_TEST(test_json_value_whitespace),
        PG_FX_TEST(test_escapes),
        PG_FX_TEST(test_pairs),
        PG_FX_TEST(test_php_names),
        PG_FX_TEST(test_query_source),
        PG_FX_TEST(test_nul_byte),
        PG_FX_TEST(test_empty),
        PG_FX_TEST(test_field_limit),
        PG_FX_TEST(test_many_tiny_pairs),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
