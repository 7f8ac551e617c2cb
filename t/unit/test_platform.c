/*
 * Copyright (C) phigate authors
 *
 * Platform recognition, identifier fields and direct-message rules.
 */

#include <string.h>

#include "unit.h"
#include "pg_platform.h"


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
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
