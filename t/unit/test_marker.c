/*
 * Copyright (C) phigate authors
 *
 * Inline consent markers: finding the token in decoded text, the removal
 * rule, and removal from each kind of body, every result extracted again
 * to prove the body is still valid and lost nothing but the marker.
 */

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_extract.h"
#include "pg_marker.h"


#define TOK    "Abc123_-xyZ"
#define MK     "[[consent:" TOK "]]"
#define MK_PCT "%5B%5Bconsent%3A" TOK "%5D%5D"


typedef struct {
    pg_arena_t   arena;
    pg_marker_t  m;
} mfx_t;


static int
setup(void **state)
{
    return pg_unit_setup(state, sizeof(mfx_t));
}


/* the rule R on a C string */
static const char *
strip_text(mfx_t *fx, const char *s)
{
    size_t       len;
    const char  *t;

    t = pg_marker_strip_text(&fx->arena, s, strlen(s), &len);
    assert_non_null(t);

    return pg_arena_strndup(&fx->arena, t, len);
}


static pg_marker_rc_t
find_in(mfx_t *fx, const char *text)
{
    pg_fields_t  f;

    memset(&f, 0, sizeof(pg_fields_t));
    assert_int_equal(pg_fields_add(&f, &fx->arena, "t", 1, text,
                                   strlen(text), PG_SRC_BODY, 0, 0),
                     PG_OK);
    memset(&fx->m, 0, sizeof(pg_marker_t));

    return pg_marker_find(&f, &fx->m);
}


static pg_marker_rc_t
strip(mfx_t *fx, const char *ct, const char *body, const char *query)
{
    char            *b;
    size_t           blen;
    pg_marker_rc_t   rc;

    /* an exact-size copy so that a read past the end trips ASan */
    blen = body ? strlen(body) : 0;
    b = body ? malloc(blen ? blen : 1) : NULL;
    if (body) {
        memcpy(b, body, blen);
    }

    rc = pg_marker_strip(&fx->arena, ct, ct ? strlen(ct) : 0, b, blen,
                         query, query ? strlen(query) : 0, &fx->m);

    /* keep the output readable after the input buffer is gone */
    if (fx->m.body == b) {
        fx->m.body = pg_arena_strndup(&fx->arena, b ? b : "", blen);
    }

    free(b);

    return rc;
}


/* the forwarded body (and query) are exactly these */
static void
expect(mfx_t *fx, const char *body, const char *query)
{
    if (body != NULL) {
        assert_int_equal(fx->m.body_len, strlen(body));
        assert_memory_equal(fx->m.body, body, fx->m.body_len);
    }

    if (query != NULL) {
        assert_int_equal(fx->m.query_len, strlen(query));
        assert_memory_equal(fx->m.query, query, fx->m.query_len);
    }

    assert_string_equal(fx->m.token, TOK);
}


/* the new body parses as ct and holds field name with text */
static void
reparse(mfx_t *fx, const char *ct, const char *name, const char *text)
{
    size_t       i;
    pg_fields_t  f;

    memset(&f, 0, sizeof(pg_fields_t));
    assert_int_equal(pg_extract_body(&fx->arena, ct, strlen(ct), fx->m.body,
                                     fx->m.body_len, &f),
                     PG_OK);

    for (i = 0; i < f.n; i++) {
        assert_null(strstr(f.items[i].text, "consent:"));

        if (strcmp(f.items[i].name, name) == 0) {
            assert_string_equal(f.items[i].text, text);
            return;
        }
    }

    fail_msg("no field %s", name);
}


static void
test_reasons(void **state)
{
    assert_string_equal(pg_marker_reason(PG_MARKER_NONE), "");
    assert_string_equal(pg_marker_reason(PG_MARKER_FOUND), "");
    assert_string_equal(pg_marker_reason(PG_MARKER_CONFLICT),
                        "consent_marker_conflict");
    assert_string_equal(pg_marker_reason(PG_MARKER_MALFORMED),
                        "consent_marker_malformed");
    assert_string_equal(pg_marker_reason(PG_MARKER_UNREMOVABLE),
                        "consent_marker_unremovable");
    assert_string_equal(pg_marker_reason(PG_MARKER_ERROR), "internal_error");
}


static void
test_find(void **state)
{
    mfx_t  *fx = *state;

    assert_int_equal(find_in(fx, "no marker [here] [[consent"),
                     PG_MARKER_NONE);
    assert_int_equal(find_in(fx, "a " MK " b"), PG_MARKER_FOUND);
    assert_string_equal(fx->m.token, TOK);
    assert_int_equal(fx->m.token_len, strlen(TOK));

    /* the same token twice is one token */
    assert_int_equal(find_in(fx, MK " and " MK), PG_MARKER_FOUND);

    assert_int_equal(find_in(fx, MK " and [[consent:OtherTok1]]"),
                     PG_MARKER_CONFLICT);

    assert_int_equal(find_in(fx, "[[consent:short]]"), PG_MARKER_MALFORMED);
    assert_int_equal(find_in(fx, "[[consent:" TOK "]"), PG_MARKER_MALFORMED);
    assert_int_equal(find_in(fx, "[[consent:" TOK), PG_MARKER_MALFORMED);
    assert_int_equal(find_in(fx, "[[consent:" TOK "]x"), PG_MARKER_MALFORMED);
    assert_int_equal(find_in(fx, "[[consent:Abc 123_-xyZ]]"),
                     PG_MARKER_MALFORMED);
    assert_int_equal(find_in(fx, "[[consent:]]"), PG_MARKER_MALFORMED);
    assert_int_equal(find_in(fx, "[[consent:"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "]]"),
        PG_MARKER_MALFORMED);

    /* markers are case-sensitive: anything else is ordinary text */
    assert_int_equal(find_in(fx, "[[Consent:" TOK "]]"), PG_MARKER_NONE);
    assert_int_equal(find_in(fx, "[ [consent:" TOK "]]"), PG_MARKER_NONE);
}


static void
test_rule(void **state)
{
    mfx_t  *fx = *state;

    assert_string_equal(strip_text(fx, "a " MK " b"), "a b");
    assert_string_equal(strip_text(fx, "a " MK), "a");
    assert_string_equal(strip_text(fx, MK " a"), "a");
    assert_string_equal(strip_text(fx, MK), "");
    assert_string_equal(strip_text(fx, "a" MK "b"), "ab");
    assert_string_equal(strip_text(fx, "a\n" MK "\nb"), "a\n\nb");
    assert_string_equal(strip_text(fx, "a  " MK "  b"), "a   b");
    assert_string_equal(strip_text(fx, "a " MK " " MK " b"), "a b");
    /* the first takes the space before, the second the one after */
    assert_string_equal(strip_text(fx, "a " MK MK " b"), "ab");
    assert_string_equal(strip_text(fx, "a " MK " x " MK), "a x");
    /* a malformed marker is left; strip_text removes any token */
    assert_string_equal(strip_text(fx, "a [[consent:x]] b"),
                        "a [[consent:x]] b");
    assert_string_equal(strip_text(fx, "a [[consent:OtherTok1]] " MK),
                        "a ");
    assert_string_equal(strip_text(fx, "plain"), "plain");
}


static void
test_json(void **state)
{
    mfx_t       *fx = *state;
    const char  *ct = "application/json";

    assert_int_equal(strip(fx, ct,
                           "{\"message\":\"Jane's story " MK " today\","
                           "\"link\":\"https://x.org/[a]\"}", NULL),
                     PG_MARKER_FOUND);
    expect(fx, "{\"message\":\"Jane's story today\","
               "\"link\":\"https://x.org/[a]\"}", NULL);
    assert_true(fx->m.body_changed);
    assert_false(fx->m.query_changed);
    reparse(fx, ct, "message", "Jane's story today");

    /* escaped forms of the marker and of the space */
    assert_int_equal(strip(fx, ct,
                           "{\"text\":\"hi\\u0020\\u005b\\u005Bconsent\\u003a"
                           "Abc123_-xyZ\\u005d]\\n\"}", NULL),
                     PG_MARKER_FOUND);
    expect(fx, "{\"text\":\"hi\\n\"}", NULL);
    reparse(fx, ct, "text", "hi\n");

    /* "\/" is "/", and escapes of other characters are kept */
    assert_int_equal(strip(fx, ct,
                           "[\"\\\"q\\\" " MK "\", {\"a\":[\"" MK "\"]}]",
                           NULL),
                     PG_MARKER_FOUND);
    expect(fx, "[\"\\\"q\\\"\", {\"a\":[\"\"]}]", NULL);
    reparse(fx, ct, "[]", "\"q\"");

    /* a key is not text: a marker there is no marker */
    assert_int_equal(strip(fx, ct, "{\"" MK "\":\"x\"}", NULL),
                     PG_MARKER_NONE);
    assert_false(fx->m.body_changed);

    /* ... but one in a value and the same in a key cannot be removed */
    assert_int_equal(strip(fx, ct, "{\"" MK "\":\"" MK "\"}", NULL),
                     PG_MARKER_UNREMOVABLE);
    assert_false(fx->m.body_changed);

    /* two tokens */
    assert_int_equal(strip(fx, ct, "{\"a\":\"" MK "\",\"b\":"
                           "\"[[consent:OtherTok1]]\"}", NULL),
                     PG_MARKER_CONFLICT);

    /* no marker: the body is returned as it was */
    assert_int_equal(strip(fx, ct, "{\"a\":\"b\"}", NULL), PG_MARKER_NONE);
    assert_false(fx->m.body_changed);
    assert_int_equal(fx->m.body_len, 9);

    /* malformed JSON cannot be stripped: the caller never asks */
    assert_int_equal(strip(fx, ct, "{\"a\":\"" MK "\"", NULL),
                     PG_MARKER_ERROR);
    assert_int_equal(fx->m.status, PG_ERR_MALFORMED_JSON);
}


static void
test_form_and_query(void **state)
{
    mfx_t       *fx = *state;
    const char  *ct = "application/x-www-form-urlencoded";

    assert_int_equal(strip(fx, ct, "status=Hello+" MK_PCT "+world&x=1",
                           NULL),
                     PG_MARKER_FOUND);
    expect(fx, "status=Hello+world&x=1", NULL);
    reparse(fx, ct, "status", "Hello world");

    /* literal brackets, %20 and a lower-case escape */
    assert_int_equal(strip(fx, ct, "status=Hello%20" MK "%3a&x=1", NULL),
                     PG_MARKER_FOUND);
    expect(fx, "status=Hello%3a&x=1", NULL);
    reparse(fx, ct, "status", "Hello:");

    assert_int_equal(strip(fx, ct, "status=%5b%5bconsent%3a" TOK "]]+Hi",
                           NULL),
                     PG_MARKER_FOUND);
    expect(fx, "status=Hi", NULL);

    /* Messenger: JSON in a form value */
    assert_int_equal(strip(fx, ct, "message=%7B%22text%22%3A%22hi+" MK_PCT
                           "%22%7D&recipient=%7B%22id%22%3A%221%22%7D",
                           NULL),
                     PG_MARKER_FOUND);
    expect(fx, "message=%7B%22text%22%3A%22hi%22%7D"
               "&recipient=%7B%22id%22%3A%221%22%7D", NULL);
    reparse(fx, ct, "message.text", "hi");

    /* the query string (Instagram captions), body untouched */
    assert_int_equal(strip(fx, NULL, NULL,
                           "caption=Our+patient+" MK_PCT "&access_token=x"),
                     PG_MARKER_FOUND);
    expect(fx, NULL, "caption=Our+patient&access_token=x");
    assert_true(fx->m.query_changed);
    assert_false(fx->m.body_changed);

    /* query and body with the same token: both cleaned */
    assert_int_equal(strip(fx, ct, "a=" MK_PCT, "b=" MK), PG_MARKER_FOUND);
    expect(fx, "a=", "b=");

    /* ... with two tokens: refused */
    assert_int_equal(strip(fx, ct, "a=" MK_PCT, "b=[[consent:OtherTok1]]"),
                     PG_MARKER_CONFLICT);

    /* in a parameter name only: not text, not a marker */
    assert_int_equal(strip(fx, ct, MK_PCT "=1", NULL), PG_MARKER_NONE);
    assert_int_equal(strip(fx, ct, MK_PCT "=" MK_PCT, NULL),
                     PG_MARKER_UNREMOVABLE);
}


static void
test_multipart(void **state)
{
    mfx_t       *fx = *state;
    const char  *ct = "multipart/form-data; boundary=XyZ";

    assert_int_equal(strip(fx, ct,
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"caption\"\r\n\r\n"
        "Discharged today " MK " after 3 weeks\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"media\"; "
        "filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n\r\n"
        "\x89PNG\x03\x01" MK "\x02\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"extra\"\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
        "note=" MK_PCT "+ok\r\n"
        "--XyZ--\r\n", NULL),
        PG_MARKER_FOUND);

    /* the file's bytes are never touched */
    expect(fx,
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"caption\"\r\n\r\n"
        "Discharged today after 3 weeks\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"media\"; "
        "filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n\r\n"
        "\x89PNG\x03\x01" MK "\x02\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"extra\"\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
        "note=ok\r\n"
        "--XyZ--\r\n", NULL);
    reparse(fx, ct, "caption", "Discharged today after 3 weeks");
    reparse(fx, ct, "extra.note", "ok");

    /* a JSON part has no raw offsets: refused rather than guessed */
    assert_int_equal(strip(fx, ct,
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"meta\"\r\n"
        "Content-Type: application/json\r\n\r\n"
        "{\"text\":\"" MK "\"}\r\n"
        "--XyZ--\r\n", NULL),
        PG_MARKER_UNREMOVABLE);
    assert_false(fx->m.body_changed);

    /* so is JSON in a text part, read as JSON like a form value's */
    assert_int_equal(strip(fx, ct,
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"message\"\r\n\r\n"
        "{\"text\":\"" MK "\"}\r\n"
        "--XyZ--\r\n", NULL),
        PG_MARKER_UNREMOVABLE);
    assert_false(fx->m.body_changed);
}


static void
test_raw(void **state)
{
    mfx_t  *fx = *state;

    assert_int_equal(strip(fx, "text/plain", "First line\n" MK "\nlast",
                           NULL),
                     PG_MARKER_FOUND);
    expect(fx, "First line\n\nlast", NULL);
    reparse(fx, "text/plain", "body", "First line\n\nlast");

    /* a body that was nothing but the marker becomes empty */
    assert_int_equal(strip(fx, "text/plain", MK, NULL), PG_MARKER_FOUND);
    assert_int_equal(fx->m.body_len, 0);

    assert_int_equal(strip(fx, "text/plain", "x [[consent:bad]]", NULL),
                     PG_MARKER_MALFORMED);

    /* a marker that only appears once another is removed */
    assert_int_equal(strip(fx, "text/plain", "[[cons" MK "ent:" TOK "]]",
                           NULL),
                     PG_MARKER_UNREMOVABLE);
    assert_false(fx->m.body_changed);

    /* media bodies have no text: a marker can only be in the query */
    assert_int_equal(strip(fx, "image/png", "\x89PNG" MK, "q=" MK),
                     PG_MARKER_FOUND);
    assert_false(fx->m.body_changed);
    assert_int_equal(fx->m.query_len, 2);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_reasons, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_find, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_rule, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_json, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_form_and_query, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_multipart, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_raw, setup, pg_unit_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
