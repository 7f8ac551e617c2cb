/*
 * Copyright (C) phigate authors
 *
 * The approval hash (the normalised post text) and credential hashing:
 * stability across Unicode forms, white space and markers, and the
 * credentials found in headers and fields.
 */

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_approval.h"
#include "pg_extract.h"


/* sha256("Hello world") */
#define HELLO  "64ec88ca00b268e5ba1a35678a1b5316"                            \
               "d212f4f366b2477232534a8aeca37f3c"


typedef struct {
    pg_arena_t   arena;
    pg_fields_t  fields;
} afx_t;


static int
setup(void **state)
{
    return pg_unit_setup(state, sizeof(afx_t));
}


static const char *
hash_text(afx_t *fx, const char *s)
{
    char  *hex;

    hex = pg_arena_alloc(&fx->arena, PG_SHA256_HEX + 1);
    assert_int_equal(pg_approval_hash_text(&fx->arena, s, strlen(s), hex),
                     PG_OK);

    return hex;
}


static void
add(afx_t *fx, const char *name, const char *text, pg_source_t src)
{
    assert_int_equal(pg_fields_add(&fx->fields, &fx->arena, name,
                                   strlen(name), text, strlen(text), src, 0,
                                   0),
                     PG_OK);
}


static const char *
norm(afx_t *fx, const pg_platform_t *p)
{
    char    *text;
    size_t   len;

    assert_int_equal(pg_approval_text(&fx->arena, &fx->fields, p, &text,
                                      &len),
                     PG_OK);
    assert_int_equal(strlen(text), len);

    return text;
}


static void
test_known_vector(void **state)
{
    afx_t  *fx = *state;

    assert_string_equal(hash_text(fx, "Hello world"), HELLO);
}


static void
test_white_space(void **state)
{
    afx_t  *fx = *state;

    assert_string_equal(hash_text(fx, "  Hello world  "), HELLO);
    assert_string_equal(hash_text(fx, "Hello \t\r\n world"), HELLO);
    assert_string_equal(hash_text(fx, "\nHello\vworld\f"), HELLO);
    /* NBSP, NEL, ideographic space, en space, line separator... */
    assert_string_equal(hash_text(fx, "Hello\xc2\xa0world"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xc2\x85world"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xe3\x80\x80 world"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xe2\x80\x82world"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xe2\x80\xa8world"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xe2\x80\xafworld"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xe2\x81\x9fworld"), HELLO);
    assert_string_equal(hash_text(fx, "Hello\xe1\x9a\x80world"), HELLO);

    /* not white space: zero width space (U+200B), other words */
    assert_string_not_equal(hash_text(fx, "Hello\xe2\x80\x8bworld"), HELLO);
    assert_string_not_equal(hash_text(fx, "Hello  World"), HELLO);
    assert_string_not_equal(hash_text(fx, "Helloworld"), HELLO);
}


static void
test_unicode_nfc(void **state)
{
    afx_t       *fx = *state;
    const char  *nfc, *nfd;

    /* "Café Zoë": precomposed and decomposed */
    nfc = hash_text(fx, "Caf\xc3\xa9 Zo\xc3\xab");
    nfd = hash_text(fx, "Cafe\xcc\x81 Zoe\xcc\x88");
    assert_string_equal(nfc, nfd);

    /* Hangul syllable and its jamo */
    assert_string_equal(hash_text(fx, "\xea\xb0\x80"),
                        hash_text(fx, "\xe1\x84\x80\xe1\x85\xa1"));

    /* NFC, not NFKC: a full-width letter stays itself */
    assert_string_not_equal(hash_text(fx, "\xef\xbc\xa1"),
                            hash_text(fx, "A"));

    /* invalid UTF-8 is hashed byte for byte, white space still folded */
    add(fx, "t", "\xff  a\xc3", PG_SRC_BODY);
    assert_string_equal(norm(fx, NULL), "\xff a\xc3");
}


static void
test_markers_removed(void **state)
{
    afx_t  *fx = *state;

    assert_string_equal(hash_text(fx, "Hello [[consent:Abc123_-xyZ]] world"),
                        HELLO);
    assert_string_equal(hash_text(fx, "[[consent:Abc123_-xyZ]]Hello world"),
                        HELLO);
}


static void
test_fields(void **state)
{
    afx_t                *fx = *state;
    char                  hex[PG_SHA256_HEX + 1], want[PG_SHA256_HEX + 1];
    const pg_platform_t  *fb;

    fb = pg_platform_match("graph.facebook.com", 18, "/v19.0/1/feed", 13);

    add(fx, "caption", "  Our  patient ", PG_SRC_QUERY);
    add(fx, "access_token", "EAAB123", PG_SRC_QUERY);
    add(fx, "message", "\t", PG_SRC_BODY);
    add(fx, "published", "true", PG_SRC_BODY);
    add(fx, "link", "https://example.org/story", PG_SRC_BODY);

    /* skipped fields out, empty texts out, one "\n" between */
    assert_string_equal(norm(fx, fb),
                        "Our patient\nhttps://example.org/story");

    /* the generic profile skips credentials only */
    assert_string_equal(norm(fx, pg_platform_match("example.org", 11, "/",
                                                   1)),
                        "Our patient\ntrue\nhttps://example.org/story");

    /* no profile: everything */
    assert_string_equal(norm(fx, NULL),
                        "Our patient\nEAAB123\ntrue\n"
                        "https://example.org/story");

    assert_int_equal(pg_approval_hash(&fx->arena, &fx->fields, fb, hex),
                     PG_OK);
    assert_int_equal(pg_sha256_hex("Our patient\nhttps://example.org/story",
                                   37, want),
                     0);
    assert_string_equal(hex, want);

    /* no fields at all: the empty text */
    fx->fields.n = 0;
    assert_string_equal(norm(fx, fb), "");
}


static void
test_request_body(void **state)
{
    afx_t                *fx = *state;
    char                  h1[PG_SHA256_HEX + 1], h2[PG_SHA256_HEX + 1];
    const char           *b1, *b2;
    const pg_platform_t  *fb;

    fb = pg_platform_match("graph.facebook.com", 18, "/v19.0/1/feed", 13);

    /* the same post as JSON and as a form, with and without a marker */
    b1 = "{\"message\":\"Hello\\u00a0world [[consent:Abc123_-xyZ]]\","
         "\"access_token\":\"EAAB\"}";
    b2 = "message=Hello+world&access_token=OTHER";

    assert_int_equal(pg_extract_body(&fx->arena, "application/json", 16, b1,
                                     strlen(b1), &fx->fields),
                     PG_OK);
    assert_int_equal(pg_approval_hash(&fx->arena, &fx->fields, fb, h1),
                     PG_OK);

    memset(&fx->fields, 0, sizeof(pg_fields_t));
    assert_int_equal(pg_extract_body(&fx->arena,
                                     "application/x-www-form-urlencoded", 33,
                                     b2, strlen(b2), &fx->fields),
                     PG_OK);
    assert_int_equal(pg_approval_hash(&fx->arena, &fx->fields, fb, h2),
                     PG_OK);

    assert_string_equal(h1, HELLO);
    assert_string_equal(h2, HELLO);
}


static void
test_key(void **state)
{
    char  buf[PG_APPROVED_KEY_LEN + 1];

    assert_int_equal(pg_approval_key(HELLO, buf, sizeof(buf)),
                     PG_APPROVED_KEY_LEN);
    assert_string_equal(buf, "phigate:approved:" HELLO);
    assert_int_equal(pg_approval_key(HELLO, buf, sizeof(buf) - 1), 0);
    assert_int_equal(pg_approval_key("64EC88CA00B268E5BA1A35678A1B5316"
                                     "D212F4F366B2477232534A8AECA37F3C",
                                     buf, sizeof(buf)),
                     0);
    assert_int_equal(pg_approval_key(HELLO "0", buf, sizeof(buf)), 0);
    assert_int_equal(pg_approval_key("abc", buf, sizeof(buf)), 0);
    assert_int_equal(pg_approval_key(NULL, buf, sizeof(buf)), 0);
}


static void
test_authorization(void **state)
{
    afx_t       *fx = *state;
    size_t       len;
    const char  *cred, *kind, *v;

#define AUTHZ(s)  pg_credential_from_authorization(&fx->arena, s, strlen(s), \
                                                   &cred, &len, &kind)

    assert_int_equal(AUTHZ("Bearer EAAB.tok-en_1/+="), 1);
    assert_int_equal(len, 16);
    assert_memory_equal(cred, "EAAB.tok-en_1/+=", len);
    assert_string_equal(kind, "bearer");

    assert_int_equal(AUTHZ("  bearer \t abc  "), 1);
    assert_int_equal(len, 3);
    assert_memory_equal(cred, "abc", 3);

    assert_int_equal(AUTHZ("Bearer "), 0);
    assert_int_equal(AUTHZ("Bearerabc"), 0);
    assert_int_equal(AUTHZ("Basic dXNlcjpwYXNz"), 0);
    assert_int_equal(AUTHZ(""), 0);
    assert_int_equal(pg_credential_from_authorization(&fx->arena, NULL, 0,
                                                      &cred, &len, NULL),
                     0);

    v = "OAuth oauth_consumer_key=\"ck\", oauth_nonce=\"n\", "
        "oauth_signature=\"s%3D\", oauth_token=\"1234-ab%2Fc\", "
        "oauth_version=\"1.0\"";
    assert_int_equal(AUTHZ(v), 1);
    assert_int_equal(len, 9);
    assert_memory_equal(cred, "1234-ab/c", 9);
    assert_string_equal(kind, "oauth_token");

    assert_int_equal(AUTHZ("OAuth oauth_token=plain,oauth_nonce=\"x\""), 1);
    assert_int_equal(len, 5);
    assert_memory_equal(cred, "plain", 5);

    /* a request token exchange has none yet */
    assert_int_equal(AUTHZ("OAuth oauth_consumer_key=\"ck\", oauth_token=\"\""),
                     0);
    assert_int_equal(AUTHZ("OAuth realm=\"x\", bad, =, oauth_tokenx=\"1\""),
                     0);

#undef AUTHZ
}


static void
test_credentials(void **state)
{
    afx_t            *fx = *state;
    char              want[PG_SHA256_HEX + 1];
    size_t            len;
    const char       *cred, *kind;
    pg_credential_t   c[PG_CREDENTIALS_MAX];

    add(fx, "caption", "hi", PG_SRC_QUERY);
    add(fx, "access_token", "EAAB", PG_SRC_QUERY);
    add(fx, "access_token", "EAAB", PG_SRC_BODY);
    add(fx, "oauth_token", "9-x", PG_SRC_BODY);
    add(fx, "x.access_token", "nested", PG_SRC_BODY);
    add(fx, "access_token", "", PG_SRC_BODY);

    assert_int_equal(pg_credential_from_field(&fx->fields.items[0], &cred,
                                              &len, &kind),
                     0);
    assert_int_equal(pg_credential_from_field(&fx->fields.items[1], &cred,
                                              &len, &kind),
                     1);
    assert_string_equal(kind, "access_token");
    assert_int_equal(pg_credential_from_field(&fx->fields.items[4], &cred,
                                              &len, NULL),
                     0);
    assert_int_equal(pg_credential_from_field(&fx->fields.items[5], &cred,
                                              &len, NULL),
                     0);

    /* the header's bearer token, then distinct field tokens */
    assert_int_equal(pg_credentials(&fx->arena, "Bearer EAAB", 11,
                                    &fx->fields, c, PG_CREDENTIALS_MAX),
                     2);
    assert_int_equal(pg_credential_hash("EAAB", 4, want), 0);
    assert_string_equal(c[0].sha256, want);
    assert_string_equal(c[0].kind, "bearer");
    assert_string_equal(c[1].kind, "oauth_token");
    assert_int_equal(pg_credential_hash("9-x", 3, want), 0);
    assert_string_equal(c[1].sha256, want);

    assert_int_equal(pg_credentials(&fx->arena, NULL, 0, &fx->fields, c,
                                    PG_CREDENTIALS_MAX),
                     2);
    assert_string_equal(c[0].kind, "access_token");

    assert_int_equal(pg_credentials(&fx->arena, "Bearer zz", 9, &fx->fields,
                                    c, 1),
                     1);
    assert_int_equal(pg_credentials(&fx->arena, NULL, 0, NULL, c, 4), 0);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_known_vector, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_white_space, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_unicode_nfc, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_markers_removed, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_fields, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_request_body, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_key, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_authorization, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_credentials, setup,
                                        pg_unit_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
