/*
 * Copyright (C) phigate authors
 *
 * Platform recognition, identifier fields and direct-message rules, and
 * the profile format: its parser, its errors.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unit.h"
#include "pg_platform.h"
#include "pg_platform_int.h"


#define match(host, path)                                                    \
    pg_platform_match(host, strlen(host), path, strlen(path))->name


/* whether a request to "/x" with one field name=value is a DM */
static int
field_dm(const pg_platform_t *p, const char *name, const char *value)
{
    int          dm;
    pg_arena_t   a;
    pg_fields_t  f;

    pg_arena_init(&a, 0);
    memset(&f, 0, sizeof(f));

    assert_int_equal(pg_fields_add(&f, &a, name, strlen(name), value,
                                   strlen(value), PG_SRC_BODY, 0, 0), PG_OK);
    dm = pg_platform_is_dm(p, "/x", 2, &f);
    pg_arena_free(&a);

    return dm;
}


static void
test_hosts(void **state)
{
    assert_string_equal(match("graph.facebook.com", "/v19.0/1/feed"),
                        "facebook");
    assert_string_equal(match("GRAPH.Facebook.com", "/"), "facebook");
    assert_string_equal(match("graph.facebook.com:443", "/"), "facebook");
    assert_string_equal(match("graph.facebook.com.", "/"), "facebook");
    assert_string_equal(match("graph.instagram.com", "/me/media"),
                        "instagram");
    assert_string_equal(match("api.twitter.com", "/2/tweets"), "x");
    assert_string_equal(match("api.x.com", "/2/tweets"), "x");
    assert_string_equal(match("upload.twitter.com", "/1.1/media/upload.json"),
                        "x");
    assert_string_equal(match("api.linkedin.com", "/rest/posts"),
                        "linkedin");
    assert_string_equal(match("open.tiktokapis.com", "/v2/post/"),
                        "tiktok");
    assert_string_equal(match("mybusiness.googleapis.com", "/v4/a"),
                        "google_business");
    assert_string_equal(match("oauth.reddit.com", "/api/submit"), "reddit");
}


static void
test_lookalike_hosts_are_generic(void **state)
{
    /* suffix matching must not accept a host that merely ends alike */
    assert_string_equal(match("evilgraph.facebook.com", "/"), "generic");
    assert_string_equal(match("graph.facebook.com.evil.org", "/"),
                        "generic");
    assert_string_equal(match("tiktokapis.com", "/"), "generic");
    assert_string_equal(match("example.org", "/v1/feed"), "generic");
    assert_string_equal(pg_platform_match(NULL, 0, NULL, 0)->name,
                        "generic");
}


static void
test_mastodon_by_path(void **state)
{
    assert_string_equal(match("mastodon.social", "/api/v1/statuses"),
                        "mastodon");
    assert_string_equal(match("toot.hospital.example", "/api/v1/statuses/9"),
                        "mastodon");
    assert_string_equal(match("x.example", "/api/v2/media"), "mastodon");
    assert_string_equal(match("x.example", "/api/v1/statusesX"), "generic");
}


static void
test_skip_fields(void **state)
{
    const pg_platform_t  *fb, *x, *gen;

    fb = pg_platform_match("graph.facebook.com", 18, "/", 1);
    x = pg_platform_match("api.x.com", 9, "/", 1);
    gen = pg_platform_match("example.org", 11, "/", 1);

    assert_true(pg_platform_skip_field(fb, "access_token"));
    assert_true(pg_platform_skip_field(fb, "recipient.id"));
    assert_true(pg_platform_skip_field(fb, "creation_id"));
    assert_false(pg_platform_skip_field(fb, "message"));
    assert_false(pg_platform_skip_field(fb, "caption"));
    assert_false(pg_platform_skip_field(fb, "message.text"));

    assert_true(pg_platform_skip_field(x, "reply.in_reply_to_tweet_id"));
    assert_true(pg_platform_skip_field(x, "media.media_ids[]"));
    assert_false(pg_platform_skip_field(x, "text"));
    assert_false(pg_platform_skip_field(x, "poll.options[]"));

    /* the generic profile reads ids: "patient_id" may be one */
    assert_true(pg_platform_skip_field(gen, "access_token"));
    assert_false(pg_platform_skip_field(gen, "patient_id"));
    assert_false(pg_platform_skip_field(gen, "id"));
}


static void
test_dm_by_path(void **state)
{
    const pg_platform_t  *fb, *x, *rd;

    fb = pg_platform_match("graph.facebook.com", 18, "/", 1);
    x = pg_platform_match("api.x.com", 9, "/", 1);
    rd = pg_platform_match("oauth.reddit.com", 16, "/", 1);

    assert_true(pg_platform_is_dm(fb, "/v19.0/me/messages", 18, NULL));
    assert_false(pg_platform_is_dm(fb, "/v19.0/123/feed", 15, NULL));
    assert_true(pg_platform_is_dm(x, "/2/dm_conversations/with/42/messages",
                                  36, NULL));
    assert_true(pg_platform_is_dm(x, "/1.1/direct_messages/events/new.json",
                                  36, NULL));
    assert_false(pg_platform_is_dm(x, "/2/tweets", 9, NULL));
    assert_true(pg_platform_is_dm(rd, "/api/compose", 12, NULL));
}


static void
test_dm_by_body(void **state)
{
    const pg_platform_t  *m;

    m = pg_platform_match("mastodon.social", 15, "/api/v1/statuses", 16);

    assert_false(field_dm(m, "status", "hi"));
    assert_true(field_dm(m, "visibility", "direct"));
    assert_true(field_dm(m, "visibility", "DIRECT"));
    assert_false(field_dm(m, "visibility", "public"));
}


static void
test_glob(void **state)
{
    assert_true(pg_glob_match("*_id", "in_reply_to_id", 14));
    assert_false(pg_glob_match("*_id", "_i", 2));
    assert_true(pg_glob_match("oauth_*", "oauth_token", 11));
    assert_false(pg_glob_match("oauth_*", "oauth", 5));
    assert_true(pg_glob_match("id", "id", 2));
    assert_false(pg_glob_match("id", "idx", 3));
}


/* request paths: escapes decoded, any case, no query, no trailing '/' */
static void
test_path_glob(void **state)
{
    assert_true(pg_path_glob_match("*/messages", "/me%2Fmessages", 14));
    assert_true(pg_path_glob_match("*/messages", "me/messages?a=%2F", 17));
    assert_false(pg_path_glob_match("*/messages", "/me/messages%2", 14));
    assert_false(pg_path_glob_match("*/messages", "messages", 8));
    assert_true(pg_path_glob_match("*/messages", "%%2Fmessages", 12));
    /* "%25" decodes to '%': "%2541" is "%41", not "A" */
    assert_false(pg_path_glob_match("*a", "/%2541", 6));
    assert_true(pg_path_glob_match("*%41", "/%2541", 6));
    assert_true(pg_path_glob_match("/a/b", "/a/b//", 6));
    assert_false(pg_path_glob_match("/a/b", "/a/bc", 5));
    assert_true(pg_path_glob_match("/a*", "/%41/b", 6));

}


/* the compiled-in set is conf/platforms.json, byte for byte */
static void
test_default_is_the_conf_file(void **state)
{
    FILE    *f;
    char    *buf;
    size_t   n;

    f = fopen("conf/platforms.json", "rb");
    assert_non_null(f);

    buf = malloc(pg_platforms_json_len + 2);
    assert_non_null(buf);

    n = fread(buf, 1, pg_platforms_json_len + 1, f);
    fclose(f);

    assert_int_equal(n, pg_platforms_json_len);
    assert_memory_equal(buf, pg_platforms_json, n);
    free(buf);

    /* and every profile the consent store may name is in it */
    assert_int_equal(pg_platforms_count(pg_platforms_default()), 12);
    assert_string_equal(
        pg_platforms_generic(pg_platforms_default())->name, "generic");
}


#define PARSE(s)  pg_platforms_parse(s, strlen(s), err, sizeof(err))

#define REFUSED(s, msg)                                                      \
    do {                                                                     \
        assert_null(PARSE(s));                                               \
        if (strstr(err, msg) == NULL) {                                      \
            fail_msg("error \"%s\" does not say \"%s\"", err, msg);          \
        }                                                                    \
    } while (0)


static void
test_parse_own_set(void **state)
{
    char                  err[256];
    pg_platforms_t       *set;
    const pg_platform_t  *p;

    set = PARSE("{\"schema\":1,\"sets\":{\"c\":[\"token\"]},"
                "\"generic\":{\"skip\":[\"@c\",\"sig\"]},"
                "\"platforms\":[{\"name\":\"bluesky\","
                "\"hosts\":[\".bsky.social\"],\"paths\":[\"/xrpc\"],"
                "\"dm_paths\":[\"*/chat\"],\"dm_fields\":{\"kind\":\"dm\"},"
                "\"skip\":[\"@c\",\"record.createdAt\",\"repo*\"],"
                "\"post_id\":[\"uri\"]}]}");
    assert_non_null(set);

    p = pg_platforms_match(set, "pds.bsky.social", 15, "/", 1);
    assert_string_equal(p->name, "bluesky");
    assert_true(pg_platform_skip_field(p, "token"));
    assert_true(pg_platform_skip_field(p, "repository"));
    assert_false(pg_platform_skip_field(p, "record.text"));
    assert_string_equal(p->post_id[0], "uri");
    assert_null(p->post_id[1]);
    assert_true(pg_platform_is_dm(p, "/x/chat", 7, NULL));

    assert_true(field_dm(p, "kind", "DM"));

    assert_string_equal(pg_platforms_match(set, "x.example", 9, "/xrpc/a",
                                           7)->name, "bluesky");

    /* a set replaces the default: Facebook is now generic */
    p = pg_platforms_match(set, "graph.facebook.com", 18, "/", 1);
    assert_string_equal(p->name, "generic");
    assert_true(pg_platform_skip_field(p, "sig"));
    assert_false(pg_platform_skip_field(p, "access_token"));

    pg_platforms_free(set);
}


static void
test_parse_errors(void **state)
{
    char  err[256];

    REFUSED("{\"schema\":1,\n\"platforms\":[", "line 2");
    REFUSED("[]", "not a JSON object");
    REFUSED("{\"platforms\":[{\"name\":\"a\",\"hosts\":[\"a.b\"]}]}",
            "schema");
    REFUSED("{\"schema\":2,\"platforms\":[]}", "schema");
    REFUSED("{\"schema\":1,\"platforms\":[]}", "1 to 64 profiles");
    REFUSED("{\"schema\":1,\"platform\":[]}", "unknown key \"platform\"");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"hosts\":[\"a.b\"],\"skipp\":[]}]}",
            "platforms[0] (a): unknown key \"skipp\"");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"A b\","
            "\"hosts\":[\"a.b\"]}]}", "platforms[0]: name");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"generic\","
            "\"hosts\":[\"a.b\"]}]}", "fallback");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\",\"hosts\":[\"a.b\"]},"
            "{\"name\":\"a\",\"hosts\":[\"c.d\"]}]}", "defined twice");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\"}]}",
            "needs \"hosts\" or \"paths\"");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"hosts\":[\"Graph.x\"]}]}", "hosts[0]: not a valid host");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"paths\":[\"api\"]}]}", "paths[0]: not a valid path");
    /* a skip pattern matching every field would turn inspection off */
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"hosts\":[\"a.b\"],\"skip\":[\"*\"]}]}", "skip[0]");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"hosts\":[\"a.b\"],\"skip\":[\"*.*_id\"]}]}", "skip[0]");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"hosts\":[\"a.b\"],\"skip\":[\"@nope\"]}]}",
            "no list \"nope\"");
    REFUSED("{\"schema\":1,\"sets\":{\"s\":[\"*\"]},\"platforms\":[{"
            "\"name\":\"a\",\"hosts\":[\"a.b\"],\"skip\":[\"@s\"]}]}",
            "sets.s[0]");
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\","
            "\"hosts\":[\"a.b\"],\"dm_fields\":{\"v\":1}}]}", "dm_fields");
    REFUSED("{\"schema\":1,\"generic\":{\"hosts\":[\"a.b\"]},"
            "\"platforms\":[{\"name\":\"a\",\"hosts\":[\"a.b\"]}]}",
            "generic: unknown key \"hosts\"");
    REFUSED("{\"schema\":1,\"schema\":1}", "line 1");
}


#define PROFILE(rest)                                                        \
    "{\"schema\":1,\"platforms\":[{\"name\":\"a\",\"hosts\":[\"a.b\"]," rest \
    "}]}"


static void
test_parse_dm_rules(void **state)
{
    char             err[256];
    clock_t          t0;
    pg_platforms_t  *set;

    set = PARSE(PROFILE("\"dm_paths\":[\"*/inbox\"],"
                        "\"dm_path_fields\":[\"ops[].path\",\"call*\"],"
                        "\"dm_fields\":{\"kind\":\"dm\",\"text\":{\"match\":"
                        "\"^(?i)private:\"},\"slow\":{\"match\":\"(a+)+$\"}}"));
    assert_non_null(set);

    assert_true(field_dm(pg_platforms_at(set, 0), "ops[].path", "/u/inbox"));
    assert_true(field_dm(pg_platforms_at(set, 0), "callback", "x/inbox?a"));
    assert_false(field_dm(pg_platforms_at(set, 0), "ops[].path", "/u/feed"));
    assert_false(field_dm(pg_platforms_at(set, 0), "path", "/u/inbox"));
    assert_true(field_dm(pg_platforms_at(set, 0), "kind", "DM"));
    assert_false(field_dm(pg_platforms_at(set, 0), "kind", "dms"));
    assert_true(field_dm(pg_platforms_at(set, 0), "text", "PRIVATE: hi"));
    assert_false(field_dm(pg_platforms_at(set, 0), "text", "not private:"));
    assert_false(field_dm(pg_platforms_at(set, 0), "other", "private: hi"));

    /* a pattern that gives up at its match limit cannot clear a request */
    t0 = clock();
    assert_true(field_dm(pg_platforms_at(set, 0), "slow",
                         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"));
    assert_true(clock() - t0 < 2 * CLOCKS_PER_SEC);
    assert_false(field_dm(pg_platforms_at(set, 0), "slow", "b"));

    pg_platforms_free(set);

    REFUSED(PROFILE("\"dm_fields\":{\"t\":{\"regex\":\"x\"}}"),
            "platforms[0] (a): unknown key \"regex\"");
    REFUSED(PROFILE("\"dm_fields\":{\"t\":{\"match\":\"(x\"}}"),
            "dm_fields.t: bad pattern: missing closing parenthesis at "
            "offset 2");
    REFUSED(PROFILE("\"dm_fields\":{\"t\":{\"match\":\"\"}}"),
            "dm_fields.t: \"match\" needs a pattern");
    REFUSED(PROFILE("\"dm_fields\":{\"t\":{\"match\":1}}"),
            "dm_fields.t: \"match\" needs a pattern");
    REFUSED(PROFILE("\"dm_fields\":{\"t\":{}}"),
            "dm_fields.t: \"match\" needs a pattern");
    REFUSED(PROFILE("\"dm_fields\":{\"t\":\"\"}"),
            "dm_fields.t: a non-empty string");
    REFUSED(PROFILE("\"dm_fields\":{\"t\":[\"x\"]}"),
            "dm_fields.t: a non-empty string");
    REFUSED(PROFILE("\"dm_fields\":{\"t*\":\"x\"}"),
            "dm_fields: field names are exact names");
    REFUSED(PROFILE("\"dm_fields\":{\"\":\"x\"}"),
            "dm_fields: field names are exact names");
    REFUSED(PROFILE("\"dm_path_fields\":[\"*\"]"), "dm_path_fields[0]");
    REFUSED(PROFILE("\"dm_path_fields\":\"batch\""), "dm_path_fields: must "
            "be a list");
    REFUSED("{\"schema\":1,\"generic\":{\"dm_path_fields\":[\"a\"]},"
            "\"platforms\":[{\"name\":\"a\",\"hosts\":[\"a.b\"]}]}",
            "generic: unknown key \"dm_path_fields\"");

    /* a bad pattern after good ones: nothing leaks (ASan says) */
    REFUSED("{\"schema\":1,\"platforms\":[{\"name\":\"a\",\"hosts\":[\"a.b\"],"
            "\"dm_fields\":{\"t\":{\"match\":\"x\"}}},{\"name\":\"b\","
            "\"hosts\":[\"c.d\"],\"dm_fields\":{\"u\":{\"match\":\"y\"},"
            "\"v\":{\"match\":\"[\"}}}]}", "platforms[1] (b): dm_fields.v");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_hosts),
        cmocka_unit_test(test_lookalike_hosts_are_generic),
        cmocka_unit_test(test_mastodon_by_path),
        cmocka_unit_test(test_skip_fields),
        cmocka_unit_test(test_dm_by_path),
        cmocka_unit_test(test_dm_by_body),
        cmocka_unit_test(test_glob),
        cmocka_unit_test(test_default_is_the_conf_file),
        cmocka_unit_test(test_parse_own_set),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_path_glob),
        cmocka_unit_test(test_parse_dm_rules),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
