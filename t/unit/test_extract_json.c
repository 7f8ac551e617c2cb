/*
 * Copyright (C) phigate authors
 *
 * JSON extraction, on bodies captured from real clients
 * (../shared/platforms/captured.jsonl) and on hostile ones.
 */


#include <stdio.h>

#include "extract_fixture.h"


#define PHI  "Patient Jane Doe MRN 12345 (555) 123-4567 #diabetes @clinic"


static pg_status_t pg_json(pg_fx_t *fx, const char *s, size_t len,
    const char *prefix);
static char *pg_nest(const char *open, const char *close, unsigned n,
    const char *inner);
static void test_x_v2_tweet(void **state);
static void test_x_v2_reply(void **state);
static void test_x_v1_dm_event(void **state);
static void test_linkedin_ugc(void **state);
static void test_graph_messenger(void **state);
static void test_arrays(void **state);
static void test_not_text(void **state);
static void test_escapes(void **state);
static void test_nul_escape(void **state);
static void test_top_level_string(void **state);
static void test_prefix(void **state);
static void test_depth_limit(void **state);
static void test_jansson_depth(void **state);
static void test_malformed(void **state);
static void test_duplicate_keys(void **state);
static void test_len_bounds(void **state);
static void test_long_key(void **state);
static void test_field_limit(void **state);
static void test_empty_string(void **state);


static pg_status_t
pg_json(pg_fx_t *fx, const char *s, size_t len, const char *prefix)
{
    return pg_extract_json(&fx->arena, pg_fx_buf(fx, s, len), len,
                           PG_SRC_BODY, prefix, &fx->fields);
}


/* n opens, inner, n closes, in a malloc()ed string */
static char *
pg_nest(const char *open, const char *close, unsigned n, const char *inner)
{
    char      *s, *p;
    size_t     lo, lc, li;
    unsigned   i;

    lo = strlen(open);
    lc = strlen(close);
    li = strlen(inner);

    s = malloc(n * (lo + lc) + li + 1);
    assert_non_null(s);

    p = s;

    for (i = 0; i < n; i++) {
        memcpy(p, open, lo);
        p += lo;
    }

    memcpy(p, inner, li);
    p += li;

    for (i = 0; i < n; i++) {
        memcpy(p, close, lc);
        p += lc;
    }

    *p = '\0';

    return s;
}


static void
test_x_v2_tweet(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_json(fx, PG_S("{\"text\":\"" PHI "\"}"), NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);

    f = pg_fx_expect(fx, "text", PG_S(PHI));
    assert_int_equal(f->source, PG_SRC_BODY);
    assert_int_equal(f->raw_off, 0);
    assert_int_equal(f->raw_len, 0);
}


static void
test_x_v2_reply(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"text\":\"" PHI "\",\"reply\":"
                                      "{\"in_reply_to_tweet_id\":\"123\"}}"),
                             NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    pg_fx_expect(fx, "text", PG_S(PHI));
    pg_fx_expect(fx, "reply.in_reply_to_tweet_id", PG_S("123"));
}


static void
test_x_v1_dm_event(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"event\":{\"type\":\"message_create\","
                                      "\"message_create\":{\"target\":"
                                      "{\"recipient_id\":\"42\"},"
                                      "\"message_data\":{\"text\":\"" PHI
                                      "\"}}}}"),
                             NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    pg_fx_expect(fx, "event.message_create.message_data.text", PG_S(PHI));
    pg_fx_expect(fx, "event.message_create.target.recipient_id", PG_S("42"));
    pg_fx_expect(fx, "event.type", PG_S("message_create"));
}


static void
test_linkedin_ugc(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"author\":\"urn:li:person:1\","
                  "\"lifecycleState\":\"PUBLISHED\",\"specificContent\":"
                  "{\"com.linkedin.ugc.ShareContent\":{\"shareCommentary\":"
                  "{\"text\":\"" PHI "\"},\"shareMediaCategory\":\"NONE\"}},"
                  "\"visibility\":{\"com.linkedin.ugc."
                  "MemberNetworkVisibility\":\"PUBLIC\"}}"), NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 5);

    /* a key with dots stays one path component: names are only labels */
    pg_fx_expect(fx, "specificContent.com.linkedin.ugc.ShareContent."
                     "shareCommentary.text", PG_S(PHI));
    pg_fx_expect(fx, "visibility.com.linkedin.ugc.MemberNetworkVisibility",
                 PG_S("PUBLIC"));
}


static void
test_graph_messenger(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"recipient\":{\"id\":\"77\"},"
                                      "\"messaging_type\":\"RESPONSE\","
                                      "\"message\":{\"text\":\"" PHI "\"},"
                                      "\"id\":\"123\"}"),
                             NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);

    pg_fx_expect(fx, "recipient.id", PG_S("77"));
    pg_fx_expect(fx, "message.text", PG_S(PHI));
    pg_fx_expect(fx, "id", PG_S("123"));
}


static void
test_arrays(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"text\":\"t\",\"poll\":{\"options\":"
                                      "[\"yes\",\"no\"],\"duration_minutes\":"
                                      "60}}"),
                             NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    assert_string_equal(pg_fx_nth(fx, "poll.options[]", 0)->text, "yes");
    assert_string_equal(pg_fx_nth(fx, "poll.options[]", 1)->text, "no");

    fx->fields.n = 0;

    assert_int_equal(pg_json(fx, PG_S("[\"a\",{\"k\":\"b\"},[\"c\"],"
                                      "{\"l\":[{\"m\":\"d\"}]}]"),
                             NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);

    pg_fx_expect(fx, "[]", PG_S("a"));
    pg_fx_expect(fx, "[].k", PG_S("b"));
    pg_fx_expect(fx, "[][]", PG_S("c"));
    pg_fx_expect(fx, "[].l[].m", PG_S("d"));
}


static void
test_not_text(void **state)
{
    pg_fx_t  *fx = *state;

    /* the long integer would overflow json_int_t without INT_AS_REAL */
    assert_int_equal(pg_json(fx, PG_S("{\"a\":1,\"b\":true,\"c\":null,"
                                      "\"d\":-1.5e3,\"e\":false,\"f\":[],"
                                      "\"g\":{},\"h\":"
                                      "123456789012345678901234567890}"),
                             NULL),
                     PG_OK);
    assert_int_equal(fx->fields.n, 0);

    assert_int_equal(pg_json(fx, PG_S(" 42 "), NULL), PG_OK);
    assert_int_equal(fx->fields.n, 0);
}


static void
test_escapes(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"t\":\"J\\u00e9r\\u00f4me "
                                      "\\ud83d\\ude00 \\\"q\\\" \\/ "
                                      "\\n\\t\\\\\","
                                      "\"\\u0074ext\":\"x\"}"),
                             NULL),
                     PG_OK);

    pg_fx_expect(fx, "t", PG_S("J\xc3\xa9r\xc3\xb4me \xf0\x9f\x98\x80 "
                               "\"q\" / \n\t\\"));
    /* keys are decoded too: \u0074ext is text */
    pg_fx_expect(fx, "text", PG_S("x"));
}


static void
test_nul_escape(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"t\":\"MRN\\u00001234\"}"), NULL),
                     PG_OK);
    pg_fx_expect(fx, "t", "MRN\0" "1234", 8);

    /* jansson cannot hold NUL in a key: refused, not silently cut */
    assert_int_equal(pg_json(fx, PG_S("{\"a\\u0000b\":\"x\"}"), NULL),
                     PG_ERR_MALFORMED_JSON);
}


static void
test_top_level_string(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("\"" PHI "\""), NULL), PG_OK);
    assert_int_equal(fx->fields.n, 1);
    pg_fx_expect(fx, "$", PG_S(PHI));

    fx->fields.n = 0;

    assert_int_equal(pg_json(fx, PG_S("\"x\""), "caption"), PG_OK);
    pg_fx_expect(fx, "caption", PG_S("x"));
}


static void
test_prefix(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"text\":\"a\",\"q\":[\"b\"]}"),
                             "message"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    pg_fx_expect(fx, "message.text", PG_S("a"));
    pg_fx_expect(fx, "message.q[]", PG_S("b"));

    fx->fields.n = 0;

    assert_int_equal(pg_json(fx, PG_S("[{\"body\":\"c\"}]"), "batch"),
                     PG_OK);
    pg_fx_expect(fx, "batch[].body", PG_S("c"));

    fx->fields.n = 0;

    /* an empty prefix is no prefix (an unnamed multipart part) */
    assert_int_equal(pg_json(fx, PG_S("{\"s\":{\"t\":\"d\"}}"), ""), PG_OK);
    pg_fx_expect(fx, "s.t", PG_S("d"));
}


static void
test_depth_limit(void **state)
{
    pg_fx_t  *fx = *state;
    char     *s, name[2 * PG_DEPTH_MAX + 1];
    unsigned  i;

    s = pg_nest("[", "]", PG_DEPTH_MAX, "\"deep\"");
    assert_int_equal(pg_json(fx, s, strlen(s), NULL), PG_OK);
    free(s);

    for (i = 0; i < PG_DEPTH_MAX; i++) {
        memcpy(name + 2 * i, "[]", 2);
    }

    name[2 * PG_DEPTH_MAX] = '\0';
    pg_fx_expect(fx, name, PG_S("deep"));

    s = pg_nest("[", "]", PG_DEPTH_MAX + 1, "\"deep\"");
    assert_int_equal(pg_json(fx, s, strlen(s), NULL), PG_ERR_TOO_COMPLEX);
    free(s);

    s = pg_nest("{\"a\":", "}", PG_DEPTH_MAX, "\"x\"");
    assert_int_equal(pg_json(fx, s, strlen(s), NULL), PG_OK);
    free(s);

    s = pg_nest("{\"a\":", "}", PG_DEPTH_MAX + 1, "\"x\"");
    assert_int_equal(pg_json(fx, s, strlen(s), NULL), PG_ERR_TOO_COMPLEX);
    free(s);

    /* the bound holds under a prefix too */
    s = pg_nest("[", "]", PG_DEPTH_MAX + 1, "1");
    assert_int_equal(pg_json(fx, s, strlen(s), "p"), PG_ERR_TOO_COMPLEX);
    free(s);
}


static void
test_jansson_depth(void **state)
{
    pg_fx_t  *fx = *state;
    char     *s;

    /* deeper than jansson's own parser limit: not a crash, too complex */
    s = pg_nest("[", "]", 100000, "");
    assert_int_equal(pg_json(fx, s, strlen(s), NULL), PG_ERR_TOO_COMPLEX);
    free(s);

    /* unbalanced is simply malformed */
    s = pg_nest("[", "", 3000, "");
    assert_int_not_equal(pg_json(fx, s, strlen(s), NULL), PG_OK);
    free(s);
}


static void
test_malformed(void **state)
{
    pg_fx_t     *fx = *state;
    unsigned     i;

    static const struct {
        const char  *s;
        size_t       len;
    } bad[] = {
        { PG_S("") },
        { PG_S("   ") },
        { PG_S("{") },
        { PG_S("{\"a\":}") },
        { PG_S("{\"a\":\"b\"") },
        { PG_S("{\"a\":\"b\"} x") },
        { PG_S("{\"a\":\"b\"}{}") },
        { PG_S("{'text':'hello,world'}") },
        { PG_S("{text:\"x\"}") },
        { PG_S("{\"a\":\"\xff\xfe\"}") },
        { PG_S("{\"a\":\"\xc0\xaf\"}") },
        { PG_S("{\"a\":\"\\ud800\"}") },
        { PG_S("{\"a\":\"\\x41\"}") },
        { PG_S("{\"a\":\"tab\there\"}") },
        { PG_S("[1,]") },
        { PG_S("{\"a\":1e999}") },
        { PG_S("\"a\0b\"") },
        { PG_S("nul") },
    };

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (pg_json(fx, bad[i].s, bad[i].len, NULL)
            != PG_ERR_MALFORMED_JSON)
        {
            fail_msg("input %u accepted", i);
        }
    }

    assert_int_equal(fx->fields.n, 0);
}


static void
test_duplicate_keys(void **state)
{
    pg_fx_t  *fx = *state;

    /* keeping either value alone could hide what the platform posts */
    assert_int_equal(pg_json(fx, PG_S("{\"text\":\"" PHI "\","
                                      "\"text\":\"harmless\"}"),
                             NULL),
                     PG_ERR_MALFORMED_JSON);

    assert_int_equal(pg_json(fx, PG_S("{\"a\":{\"t\":\"1\"},"
                                      "\"b\":{\"t\":\"2\"}}"),
                             NULL),
                     PG_OK);
}


static void
test_len_bounds(void **state)
{
    pg_fx_t  *fx = *state;

    /* only len bytes are the document */
    assert_int_equal(pg_json(fx, "{\"a\":\"b\"}GARBAGE", 9, NULL), PG_OK);
    pg_fx_expect(fx, "a", PG_S("b"));

    assert_int_equal(pg_json(fx, "{\"a\":\"b\"}", 8, NULL),
                     PG_ERR_MALFORMED_JSON);
}


static void
test_long_key(void **state)
{
    pg_fx_t           *fx = *state;
    char               doc[1024], key[301];
    const pg_field_t  *f;

    memset(key, 'k', 300);
    key[300] = '\0';

    snprintf(doc, sizeof(doc), "{\"%s\":{\"%s\":\"v\"}}", key, key);

    assert_int_equal(pg_json(fx, doc, strlen(doc), NULL), PG_OK);
    assert_int_equal(fx->fields.n, 1);

    f = &fx->fields.items[0];
    assert_int_equal(strlen(f->name), 128 + 1 + 128);
    assert_int_equal(f->name[128], '.');
    assert_string_equal(f->text, "v");
}


static void
test_field_limit(void **state)
{
    pg_fx_t  *fx = *state;

    fx->fields.max = 3;

    assert_int_equal(pg_json(fx, PG_S("[\"1\",\"2\",\"3\"]"), NULL), PG_OK);
    assert_int_equal(fx->fields.n, 3);

    fx->fields.n = 0;

    assert_int_equal(pg_json(fx, PG_S("[\"1\",\"2\",\"3\",\"4\"]"), NULL),
                     PG_ERR_TOO_COMPLEX);
}


static void
test_empty_string(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_json(fx, PG_S("{\"a\":\"\"}"), NULL), PG_OK);
    pg_fx_expect(fx, "a", "", 0);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        PG_FX_TEST(test_x_v2_tweet),
        PG_FX_TEST(test_x_v2_reply),
        PG_FX_TEST(test_x_v1_dm_event),
        PG_FX_TEST(test_linkedin_ugc),
        PG_FX_TEST(test_graph_messenger),
        PG_FX_TEST(test_arrays),
        PG_FX_TEST(test_not_text),
        PG_FX_TEST(test_escapes),
        PG_FX_TEST(test_nul_escape),
        PG_FX_TEST(test_top_level_string),
        PG_FX_TEST(test_prefix),
        PG_FX_TEST(test_depth_limit),
        PG_FX_TEST(test_jansson_depth),
        PG_FX_TEST(test_malformed),
        PG_FX_TEST(test_duplicate_keys),
        PG_FX_TEST(test_len_bounds),
        PG_FX_TEST(test_long_key),
        PG_FX_TEST(test_field_limit),
        PG_FX_TEST(test_empty_string),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
