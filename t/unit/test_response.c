/*
 * Copyright (C) phigate authors
 *
 * The created object's id from each platform's answer; nothing that is
 * not an id passes as one.
 */

#include <string.h>

#include <zlib.h>

#include "unit.h"
#include "pg_response.h"


#define S(s)  s, sizeof(s) - 1


/* a profile of the default set by name */
static const pg_platform_t *
P(const char *name)
{
    size_t                i;
    const pg_platforms_t  *set;

    set = pg_platforms_default();

    for (i = 0; i < pg_platforms_count(set); i++) {
        if (strcmp(pg_platforms_at(set, i)->name, name) == 0) {
            return pg_platforms_at(set, i);
        }
    }

    return pg_platforms_generic(set);
}


static void
test_platform_shapes(void **state)
{
    char  id[PG_POST_ID_MAX + 1];

    assert_true(pg_response_post_id(P("x"), S("{\"data\":{\"id\":\"1870\","
                                    "\"text\":\"hello\"}}"), id));
    assert_string_equal(id, "1870");

    assert_true(pg_response_post_id(P("facebook"),
                                    S("{\"id\":\"9\",\"post_id\":\"123_9\"}"),
                                    id));
    assert_string_equal(id, "123_9");

    assert_true(pg_response_post_id(P("tiktok"),
                                    S("{\"data\":{\"publish_id\":"
                                      "\"v_pub.1\"},\"error\":{}}"), id));
    assert_string_equal(id, "v_pub.1");

    assert_true(pg_response_post_id(P("reddit"),
                                    S("{\"json\":{\"data\":{\"name\":"
                                      "\"t3_abc\"}}}"), id));
    assert_string_equal(id, "t3_abc");

    /* numbers are ids too; unknown platforms try the usual keys */
    assert_true(pg_response_post_id(P("generic"), S("{\"id\":42}"), id));
    assert_string_equal(id, "42");
    assert_true(pg_response_post_id(NULL, S("{\"data\":{\"id\":\"7\"}}"),
                                    id));
    assert_string_equal(id, "7");
}


static void
test_not_an_id(void **state)
{
    char  id[PG_POST_ID_MAX + 1];
    char  long_id[300];

    /* text where an id should be is not taken */
    assert_false(pg_response_post_id(P("x"), S("{\"data\":{\"id\":"
                                     "\"call 415 555 0132\"}}"), id));
    assert_string_equal(id, "");
    assert_false(pg_response_post_id(P("x"), S("not json"), id));
    assert_false(pg_response_post_id(P("x"), S("{\"error\":\"x\"}"), id));
    assert_false(pg_response_post_id(P("x"), NULL, 0, id));

    memset(long_id, 'a', sizeof(long_id));
    assert_false(pg_response_id_valid(long_id, sizeof(long_id)));
    assert_true(pg_response_id_valid(S("urn:li:share:123")));
    assert_false(pg_response_id_valid(S("a b")));
    assert_false(pg_response_id_valid(S("")));
}


static void
test_gzip(void **state)
{
    char           id[PG_POST_ID_MAX + 1];
    uLongf         zlen;
    unsigned char  z[256];
    const char     body[] = "{\"data\":{\"id\":\"555\"}}";

    zlen = sizeof(z);
    assert_int_equal(compress(z, &zlen, (const unsigned char *) body,
                              sizeof(body) - 1), Z_OK);

    /* zlib-wrapped ("deflate" as servers send it) */
    assert_true(pg_response_post_id_encoded(P("x"), "deflate",
                                            (const char *) z, zlen, id));
    assert_string_equal(id, "555");

    /* an encoding we do not read gives no id, not garbage */
    assert_false(pg_response_post_id_encoded(P("x"), "br", (const char *) z,
                                             zlen, id));
    assert_false(pg_response_post_id_encoded(P("x"), "gzip", S("garbage"), id));
    assert_true(pg_response_post_id_encoded(P("x"), NULL, body,
                                            sizeof(body) - 1, id));
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_platform_shapes),
        cmocka_unit_test(test_not_an_id),
        cmocka_unit_test(test_gzip),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
