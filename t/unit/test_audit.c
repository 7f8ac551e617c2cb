/*
 * Copyright (C) phigate authors
 *
 * The audit record's "text" (phigate_audit_text) and "time": which fields
 * a published post's text is made of, repeated names, consent markers,
 * bytes that are not UTF-8; and that without it no record has "text".
 */

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "unit.h"
#include "pg_audit.h"
#include "pg_decide.h"
#include "pg_inspect.h"


#define PG_MP_BOUNDARY  "xYzZy"


/*
 * Inspects one request and returns its record, parsed; with_text: as the
 * module does for a post the platform received, unmark: a consent marker
 * was removed from what was forwarded.
 */
static json_t *
record(const char *host, const char *path, const char *query,
    const char *ct, const char *body, int with_text, int unmark)
{
    char             *line;
    size_t            len;
    json_t           *j;
    pg_arena_t        arena;
    pg_audit_t        au;
    pg_limits_t       lim;
    pg_policy_t       pol;
    pg_request_t      req;
    pg_verdict_t      verdict;
    pg_inspection_t   insp;

    memset(&req, 0, sizeof(req));
    memset(&lim, 0, sizeof(lim));
    memset(&pol, 0, sizeof(pol));
    memset(&insp, 0, sizeof(insp));

    pg_arena_init(&arena, 0);

    req.method = "POST";
    req.method_len = 4;
    req.host = host;
    req.host_len = strlen(host);
    req.path = path;
    req.path_len = strlen(path);
    req.query = query;
    req.query_len = query ? strlen(query) : 0;
    req.content_type = ct;
    req.content_type_len = strlen(ct);
    req.body = body;
    req.body_len = strlen(body);

    lim.max_body = 1024 * 1024;
    pol.mode = PG_MODE_MONITOR;
    pol.block_status = 403;

    assert_int_equal(pg_inspect(&arena, &req, &lim, &insp), PG_OK);
    pg_decide(&pol, &insp, &verdict);

    memset(&au, 0, sizeof(au));
    au.sec = 1795426200;
    au.msec = 7;
    au.request_id = "0123456789abcdef0123456789abcdef";
    au.request_id_len = 32;
    au.req = &req;
    au.insp = &insp;
    au.verdict = &verdict;
    au.mode = pol.mode;
    au.body_len = req.body_len;

    if (with_text) {
        au.text = &insp.fields;
        au.arena = &arena;
        au.text_unmark = unmark ? 1 : 0;
    }

    line = pg_audit_line(&au, &len);
    assert_non_null(line);
    assert_int_equal(line[len - 1], '\n');

    j = json_loads(line, 0, NULL);
    free(line);
    pg_arena_free(&arena);

    assert_non_null(j);

    return j;
}


/* the record's text is that one field, with that text; frees the record */
static void
only_text(json_t *j, const char *name, const char *text)
{
    json_t  *t;

    t = json_object_get(j, "text");
    assert_true(json_is_object(t));
    assert_int_equal(json_object_size(t), 1);
    assert_string_equal(json_string_value(json_object_get(t, name)), text);
    json_decref(j);
}


static void
test_time(void **state)
{
    char  buf[PG_AUDIT_TIME_LEN + 1];

    pg_audit_time(1795426200, 7, buf);
    assert_string_equal(buf, "2026-11-23T09:30:00.007Z");

    pg_audit_time(0, 1999, buf);
    assert_string_equal(buf, "1970-01-01T00:00:00.999Z");
}


static void
test_no_text_unless_asked(void **state)
{
    json_t  *j;

    j = record("graph.facebook.com", "/v19.0/1/feed", "access_token=EAAB12",
               "application/json", "{\"message\":\"Flu shots Saturday\"}",
               0, 0);

    assert_null(json_object_get(j, "text"));
    assert_string_equal(json_string_value(json_object_get(j, "time")),
                        "2026-11-23T09:30:00.007Z");
    json_decref(j);
}


/* the platform's ids and the access token are no text */
static void
test_text_is_the_post(void **state)
{
    only_text(record("graph.facebook.com", "/v19.0/1/feed",
                     "access_token=EAAB12&published=true", "application/json",
                     "{\"message\":\"Flu shots \\u00e9t\\u00e9\","
                     "\"id\":\"123\"}", 1, 0),
              "message", "Flu shots \xc3\xa9t\xc3\xa9");
}


/* a name the request has several times: its texts, in order */
static void
test_text_repeated_names(void **state)
{
    json_t  *j, *t, *o;

    j = record("api.x.com", "/2/tweets", NULL, "application/json",
               "{\"text\":\"Which day?\",\"poll\":{\"options\":"
               "[\"Mon\",\"Tue\",\"Wed\"],\"duration_minutes\":\"60\"}}",
               1, 0);

    t = json_object_get(j, "text");
    assert_string_equal(json_string_value(json_object_get(t, "text")),
                        "Which day?");

    o = json_object_get(t, "poll.options[]");
    assert_true(json_is_array(o));
    assert_int_equal(json_array_size(o), 3);
    assert_string_equal(json_string_value(json_array_get(o, 0)), "Mon");
    assert_string_equal(json_string_value(json_array_get(o, 2)), "Wed");
    json_decref(j);
}


/*
 * Not text: a file part's name, the upload itself ("source#media"), what
 * lies outside the parts
 */
static void
test_text_multipart(void **state)
{
    json_t  *j;

    j = record("graph.facebook.com", "/v19.0/1/photos", NULL,
               "multipart/form-data; boundary=" PG_MP_BOUNDARY,
               "preamble text\r\n"
               "--" PG_MP_BOUNDARY "\r\n"
               "Content-Disposition: form-data; name=\"caption\"\r\n\r\n"
               "Our new wing\r\n"
               "--" PG_MP_BOUNDARY "\r\n"
               "Content-Disposition: form-data; name=\"source\"; "
               "filename=\"ward-3.png\"\r\n"
               "Content-Type: image/png\r\n\r\n"
               "\x89PNG\r\n\x1a\n\xff\xd8\xff\xe0\x01\x02\r\n"
               "--" PG_MP_BOUNDARY "--\r\n",
               1, 0);

    only_text(j, "caption", "Our new wing");
}


/* a photo by URL: the URL is media (a MEDIA finding), not text */
static void
test_text_no_media_fields(void **state)
{
    only_text(record("graph.facebook.com", "/v19.0/1/photos", NULL,
                     "application/json",
                     "{\"caption\":\"Our new wing\",\"url\":"
                     "\"https://cdn.example.org/wing.jpg\"}", 1, 0),
              "caption", "Our new wing");
}


/* the gateway removed the marker: so does the record, token and all */
static void
test_text_without_marker(void **state)
{
    char    *s;
    json_t  *j;

    j = record("graph.facebook.com", "/v19.0/1/feed", NULL,
               "application/json",
               "{\"message\":\"Meet Ana [[consent:tok_abc_0001]] today\"}",
               1, 1);

    s = json_dumps(j, 0);
    assert_null(strstr(s, "tok_abc_0001"));
    free(s);

    only_text(j, "message", "Meet Ana today");
}


/* bytes that are not UTF-8 still give a record that parses */
static void
test_text_not_utf8(void **state)
{
    json_t  *j, *t;

    j = record("example.org", "/post", NULL,
               "application/x-www-form-urlencoded",
               "status=caf%E9+ok&n%FF=x", 1, 0);

    t = json_object_get(j, "text");
    assert_string_equal(json_string_value(json_object_get(t, "status")),
                        "caf\xef\xbf\xbd ok");
    assert_string_equal(json_string_value(json_object_get(t,
                                                          "n\xef\xbf\xbd")),
                        "x");
    json_decref(j);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_no_text_unless_asked),
        cmocka_unit_test(test_text_is_the_post),
        cmocka_unit_test(test_text_repeated_names),
        cmocka_unit_test(test_text_multipart),
        cmocka_unit_test(test_text_no_media_fields),
        cmocka_unit_test(test_text_without_marker),
        cmocka_unit_test(test_text_not_utf8),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
