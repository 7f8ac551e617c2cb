/*
 * Copyright (C) phigate authors
 *
 * A whole request through the engine: inspection, decision, the audit
 * record and the client's answer, as the module drives them.
 */

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "unit.h"
#include "pg_audit.h"
#include "pg_decide.h"
#include "pg_inspect.h"


#define PG_SSN    "180-59-5995"


typedef struct {
    pg_arena_t       arena;
    pg_request_t     req;
    pg_limits_t      lim;
    pg_inspection_t  insp;
    pg_policy_t      pol;
    pg_verdict_t     verdict;
} pg_ix_t;


static int
setup(void **state)
{
    pg_ix_t  *ix;

    if (pg_unit_setup(state, sizeof(pg_ix_t)) != 0) {
        return -1;
    }

    ix = *state;
    ix->lim.max_body = 1024 * 1024;
    ix->pol.mode = PG_MODE_ENFORCE;
    ix->pol.block_status = 403;

    return 0;
}


static void
request(pg_ix_t *ix, const char *host, const char *path, const char *query,
    const char *ct, const char *body)
{
    ix->req.method = "POST";
    ix->req.method_len = 4;
    ix->req.host = host;
    ix->req.host_len = strlen(host);
    ix->req.path = path;
    ix->req.path_len = strlen(path);
    ix->req.query = query;
    ix->req.query_len = query ? strlen(query) : 0;
    ix->req.content_type = ct;
    ix->req.content_type_len = ct ? strlen(ct) : 0;
    ix->req.body = body;
    ix->req.body_len = body ? strlen(body) : 0;

    pg_inspect(&ix->arena, &ix->req, &ix->lim, &ix->insp);
    pg_decide(&ix->pol, &ix->insp, &ix->verdict);
}


static json_t *
audit_json(pg_ix_t *ix)
{
    char        *line;
    size_t       len;
    json_t      *j;
    pg_audit_t   au;

    memset(&au, 0, sizeof(au));
    au.sec = 1795426200;           /* 2026-11-23T09:30:00Z */
    au.msec = 7;
    au.request_id = "0123456789abcdef0123456789abcdef";
    au.request_id_len = 32;
    au.req = &ix->req;
    au.insp = &ix->insp;
    au.verdict = &ix->verdict;
    au.mode = ix->pol.mode;
    au.status = ix->verdict.decision == PG_DECISION_BLOCK
                ? ix->verdict.http_status : 0;
    au.body_len = ix->req.body_len;
    au.body_sha256 = NULL;

    line = pg_audit_line(&au, &len);
    assert_non_null(line);
    assert_int_equal(line[len - 1], '\n');
    assert_int_equal(strlen(line), len);
    assert_ptr_equal(strchr(line, '\n'), line + len - 1);

    /* never the matched value nor the digits of it */
    assert_null(strstr(line, PG_SSN));
    assert_null(strstr(line, "180595995"));

    j = json_loads(line, 0, NULL);
    free(line);
    assert_non_null(j);

    return j;
}


static void
test_clean_post_allowed(void **state)
{
    pg_ix_t  *ix = *state;
    json_t   *j;

    request(ix, "graph.facebook.com", "/v19.0/1/feed", "access_token=EAAB12",
            "application/json", "{\"message\":\"Flu shots on Saturday!\"}");

    assert_int_equal(ix->insp.status, PG_OK);
    assert_int_equal(ix->insp.findings.n, 0);
    assert_int_equal(ix->verdict.decision, PG_DECISION_ALLOW);
    assert_string_equal(ix->verdict.reason, "clean");

    j = audit_json(ix);
    assert_string_equal(json_string_value(json_object_get(j, "decision")),
                        "allow");
    assert_string_equal(json_string_value(json_object_get(j, "platform")),
                        "facebook");
    assert_string_equal(json_string_value(json_object_get(j, "time")),
                        "2026-11-23T09:30:00.007Z");
    assert_int_equal(json_array_size(json_object_get(j, "findings")), 0);
    json_decref(j);
}


static void
test_ssn_blocked_and_named_not_echoed(void **state)
{
    pg_ix_t  *ix = *state;
    char     *body;
    size_t    len;
    json_t   *j, *f;
    pg_audit_t au;

    request(ix, "graph.facebook.com", "/v19.0/1/feed", NULL,
            "application/json",
            "{\"message\":\"Patient SSN " PG_SSN " in bed 4\"}");

    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);
    assert_int_equal(ix->verdict.http_status, 403);
    assert_string_equal(ix->verdict.reason, "phi_detected");

    j = audit_json(ix);
    f = json_array_get(json_object_get(j, "findings"), 0);
    assert_string_equal(json_string_value(json_object_get(f, "type")), "SSN");
    assert_string_equal(json_string_value(json_object_get(f, "field")),
                        "message");
    assert_int_equal(json_integer_value(json_object_get(f, "count")), 1);
    assert_int_equal(json_integer_value(
                         json_array_get(json_object_get(f, "offsets"), 0)),
                     12);
    assert_int_equal(json_integer_value(
                         json_array_get(json_object_get(f, "lengths"), 0)),
                     11);
    assert_int_equal(json_integer_value(json_object_get(f, "confidence")),
                     95);
    assert_int_equal(json_integer_value(json_object_get(j, "status")), 403);
    json_decref(j);

    memset(&au, 0, sizeof(au));
    au.request_id = "ab";
    au.request_id_len = 2;
    au.req = &ix->req;
    au.insp = &ix->insp;
    au.verdict = &ix->verdict;

    body = pg_block_body(&au, &len);
    assert_non_null(body);
    assert_string_equal(body, "{\"error\":\"phi_detected\",\"request_id\":"
                        "\"ab\",\"findings\":[{\"type\":\"SSN\",\"field\":"
                        "\"message\",\"count\":1}]}");
    free(body);
}


/*
 * phigate_min_confidence: a toll-free number said of a person (60) is
 * recorded as a "log" finding and blocks nothing at 70; an SSN (95) still
 * blocks; at 0 both block.
 */
static void
test_min_confidence(void **state)
{
    pg_ix_t     *ix = *state;
    json_t      *j, *f;
    const char  *body;

    body = "{\"message\":\"Mrs. Doe can be reached at 1-800-555-0199\"}";

    request(ix, "graph.facebook.com", "/v19.0/1/feed", NULL,
            "application/json", body);
    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);

    ix->lim.min_confidence = 70;
    request(ix, "graph.facebook.com", "/v19.0/1/feed", NULL,
            "application/json", body);
    assert_int_equal(ix->verdict.decision, PG_DECISION_ALLOW);

    j = audit_json(ix);
    f = json_array_get(json_object_get(j, "findings"), 0);
    assert_string_equal(json_string_value(json_object_get(f, "type")),
                        "PHONE");
    assert_string_equal(json_string_value(json_object_get(f, "severity")),
                        "log");
    assert_int_equal(json_integer_value(json_object_get(f, "confidence")),
                     60);
    json_decref(j);

    request(ix, "graph.facebook.com", "/v19.0/1/feed", NULL,
            "application/json",
            "{\"message\":\"Mrs. Doe, SSN " PG_SSN ", 1-800-555-0199\"}");
    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);
}


static void
test_monitor_forwards(void **state)
{
    pg_ix_t  *ix = *state;

    ix->pol.mode = PG_MODE_MONITOR;
    request(ix, "api.x.com", "/2/tweets", NULL, "application/json",
            "{\"text\":\"SSN " PG_SSN "\"}");

    assert_int_equal(ix->verdict.decision, PG_DECISION_MONITOR);
    assert_string_equal(ix->verdict.reason, "phi_detected");
}


static void
test_query_caption(void **state)
{
    pg_ix_t  *ix = *state;

    request(ix, "graph.instagram.com", "/v19.0/17/media",
            "image_url=https%3A%2F%2Fx.example%2Fa.jpg&caption=SSN%20"
            "180-59-5995", NULL, NULL);

    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);
    assert_int_equal(ix->insp.findings.n, 2);
    assert_string_equal(
        ix->insp.fields.items[ix->insp.findings.items[0].field].name,
        "caption");
    assert_int_equal(
        ix->insp.fields.items[ix->insp.findings.items[0].field].source,
        PG_SRC_QUERY);

    /* the photo the caption goes with */
    assert_int_equal(ix->insp.findings.items[1].type, PG_T_MEDIA);
    assert_string_equal(
        ix->insp.fields.items[ix->insp.findings.items[1].field].name,
        "image_url");
}


/* a photo is recorded; whether it holds a post back is policy */
static void
test_media(void **state)
{
    pg_ix_t  *ix = *state;

    ix->pol.record_only = PG_TYPESET(PG_T_MEDIA);

    request(ix, "graph.instagram.com", "/v19.0/17/media",
            "image_url=https%3A%2F%2Fx.example%2Fa.jpg&caption=Our%20new%20"
            "wing", NULL, NULL);
    assert_int_equal(ix->verdict.decision, PG_DECISION_ALLOW);
    assert_string_equal(ix->verdict.reason, "clean");
    assert_int_equal(ix->insp.findings.n, 1);
    assert_int_equal(ix->insp.findings.items[0].type, PG_T_MEDIA);

    /* an image body is recorded without being read */
    request(ix, "rupload.facebook.com", "/video-upload/v19.0/1", NULL,
            "image/jpeg", "\xff\xd8\xff\xe0 not text at all");
    assert_int_equal(ix->verdict.decision, PG_DECISION_ALLOW);
    assert_int_equal(ix->insp.findings.n, 1);
    assert_int_equal(ix->insp.findings.items[0].type, PG_T_MEDIA);
    assert_string_equal(
        ix->insp.fields.items[ix->insp.findings.items[0].field].name,
        "body" PG_FIELD_MEDIA);

    /* held to consent: the same photo post is held back */
    ix->pol.record_only = 0;
    request(ix, "graph.instagram.com", "/v19.0/17/media",
            "image_url=https%3A%2F%2Fx.example%2Fa.jpg&caption=Our%20new%20"
            "wing", NULL, NULL);
    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);
    assert_string_equal(ix->verdict.reason, "phi_detected");

    /* a tweet without media has none */
    request(ix, "api.x.com", "/2/tweets", NULL, "application/json",
            "{\"text\":\"Our new wing\"}");
    assert_int_equal(ix->verdict.decision, PG_DECISION_ALLOW);
    assert_int_equal(ix->insp.findings.n, 0);
}


static void
test_identifier_fields_not_read(void **state)
{
    pg_ix_t  *ix = *state;

    /* a nine-digit id that would be a valid SSN with a cue, in an id field */
    request(ix, "api.x.com", "/2/tweets", NULL, "application/json",
            "{\"text\":\"Welcome Dr. Lee!\",\"reply\":{\"in_reply_to_tweet_id\":"
            "\"SSN 180-59-5995\"}}");

    assert_int_equal(ix->insp.findings.n, 0);
    assert_int_equal(ix->verdict.decision, PG_DECISION_ALLOW);
}


static void
test_uninspectable(void **state)
{
    pg_ix_t  *ix = *state;

    request(ix, "graph.facebook.com", "/v1/feed", NULL, "application/json",
            "{\"message\":");
    assert_int_equal(ix->insp.status, PG_ERR_MALFORMED_JSON);
    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);
    assert_int_equal(ix->verdict.http_status, 400);
    assert_string_equal(ix->verdict.reason, "malformed_json");

    ix->pol.fail_open = 1;
    pg_decide(&ix->pol, &ix->insp, &ix->verdict);
    assert_int_equal(ix->verdict.decision, PG_DECISION_MONITOR);
    assert_string_equal(ix->verdict.reason, "malformed_json");
}


static void
test_headers_decide_early(void **state)
{
    pg_ix_t  *ix = *state;

    request(ix, "graph.facebook.com", "/v1/feed", NULL, "application/json",
            NULL);

    ix->req.content_encoding = " gzip ";
    ix->req.content_encoding_len = 6;
    assert_int_equal(pg_inspect_headers(&ix->req, 10, &ix->lim, &ix->insp),
                     PG_ERR_ENCODING);
    assert_int_equal(pg_status_http(ix->insp.status), 415);

    ix->req.content_encoding = "Identity";
    ix->req.content_encoding_len = 8;
    assert_int_equal(pg_inspect_headers(&ix->req, 10, &ix->lim, &ix->insp),
                     PG_OK);

    assert_int_equal(pg_inspect_headers(&ix->req, 2 * 1024 * 1024, &ix->lim,
                                        &ix->insp),
                     PG_ERR_TOO_LARGE);
    assert_int_equal(pg_status_http(ix->insp.status), 413);

    /* media is not read as text: no text limit */
    ix->req.content_type = "video/mp4";
    ix->req.content_type_len = 9;
    assert_int_equal(pg_inspect_headers(&ix->req, 200 * 1024 * 1024,
                                        &ix->lim, &ix->insp),
                     PG_OK);
}


static void
test_multipart_limit_is_on_text(void **state)
{
    pg_ix_t  *ix = *state;
    char     *body, *p;
    size_t    n;

    n = 3 * 1024 * 1024;
    body = malloc(n + 512);
    assert_non_null(body);

    /* a 3 MiB file part (no boundary in it) and a short caption */
    p = body + sprintf(body, "--b\r\nContent-Disposition: form-data; "
                             "name=\"media\"; filename=\"x.bin\"\r\n"
                             "Content-Type: application/octet-stream\r\n\r\n");
    memset(p, 0x01, n);
    p += n;
    sprintf(p, "\r\n--b\r\nContent-Disposition: form-data; "
               "name=\"caption\"\r\n\r\nSSN 180-59-5995\r\n--b--\r\n");

    request(ix, "api.x.com", "/2/media/upload/1/append", NULL,
            "multipart/form-data; boundary=b", body);

    /* read past the 1 MiB text limit, and the caption still inspected */
    assert_int_equal(ix->insp.status, PG_OK);
    assert_int_equal(ix->verdict.decision, PG_DECISION_BLOCK);
    assert_string_equal(ix->verdict.reason, "phi_detected");

    /* the text itself over the limit is refused */
    ix->lim.max_body = 8;
    request(ix, "api.x.com", "/2/media/upload/1/append", NULL,
            "multipart/form-data; boundary=b", body);
    assert_int_equal(ix->insp.status, PG_ERR_TOO_LARGE);

    free(body);
}


static void
test_summary(void **state)
{
    char           buf[64];
    pg_arena_t     a;
    pg_findings_t  f;

    pg_arena_init(&a, 0);
    memset(&f, 0, sizeof(f));

    assert_int_equal(pg_findings_summary(&f, buf, sizeof(buf)), 1);
    assert_string_equal(buf, "-");

    pg_findings_add(&f, &a, PG_T_PHONE, 0, 0, 12, 90);
    pg_findings_add(&f, &a, PG_T_SSN, 1, 0, 11, 90);
    pg_findings_add(&f, &a, PG_T_PHONE, 1, 20, 12, 90);

    assert_int_equal(pg_findings_summary(&f, buf, sizeof(buf)), 13);
    assert_string_equal(buf, "SSN:1,PHONE:2");

    /* truncation keeps whole entries */
    assert_int_equal(pg_findings_summary(&f, buf, 8), 5);
    assert_string_equal(buf, "SSN:1");

    pg_arena_free(&a);
}


static void
test_invalid_utf8_in_audit(void **state)
{
    pg_ix_t  *ix = *state;
    json_t   *j;

    request(ix, "graph.facebook.com", "/v1/\xff\xfe/feed", NULL, "text/plain",
            "hello \xc3");

    j = audit_json(ix);
    assert_string_equal(json_string_value(json_object_get(j, "path")),
                        "/v1/\xef\xbf\xbd\xef\xbf\xbd/feed");
    json_decref(j);
}


static void
test_sha256(void **state)
{
    char  hex[PG_SHA256_HEX + 1];

    assert_int_equal(pg_sha256_hex("abc", 3, hex), 0);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
                             "b00361a396177a9cb410ff61f20015ad");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_clean_post_allowed, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_ssn_blocked_and_named_not_echoed,
                                        setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_min_confidence, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_monitor_forwards, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_media, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_query_caption, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_identifier_fields_not_read,
                                        setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_uninspectable, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_headers_decide_early, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_in_audit, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_multipart_limit_is_on_text,
                                        setup, pg_unit_teardown),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_sha256),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
