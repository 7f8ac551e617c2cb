/*
 * Copyright (C) phigate authors
 *
 * Platform recognition, identifier fields and direct-message rules.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_platform.h"
#include "pg_platform_int.h"


#define match(host, path)                                                    \
    pg_platform_match(host, strlen(host), path, strlen(path))->name


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
    pg_arena_t            a;
    pg_fields_t           f;
    const pg_platform_t  *m;

    pg_arena_init(&a, 0);
    memset(&f, 0, sizeof(f));

    m = pg_platform_match("mastodon.social", 15, "/api/v1/statuses", 16);

    assert_int_equal(pg_fields_add(&f, &a, "status", 6, "hi", 2, PG_SRC_BODY,
                                   0, 0), PG_OK);
    assert_false(pg_platform_is_dm(m, "/api/v1/statuses", 16, &f));

    assert_int_equal(pg_fields_add(&f, &a, "visibility", 10, "direct", 6,
                                   PG_SRC_BODY, 0, 0), PG_OK);
    assert_true(pg_platform_is_dm(m, "/api/v1/statuses", 16, &f));

    pg_arena_free(&a);
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
    assert_int_equal(pg_platforms_count(pg_platforms_default()), 11);
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
    pg_arena_t            a;
    pg_fields_t           f;

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

    pg_arena_init(&a, 0);
    memset(&f, 0, sizeof(f));
    assert_int_equal(pg_fields_add(&f, &a, "kind", 4, "DM", 2, PG_SRC_BODY,
                                   0, 0), PG_OK);
    assert_true(pg_platform_is_dm(p, "/xrpc/post", 10, &f));
    pg_arena_free(&a);

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
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
