/*
 * Copyright (C) phigate authors
 *
 * Consent records and their evaluation: parsing HGETALL replies, the
 * kinds grammar, tokens, and every outcome with its reason.
 */

#include <string.h>

#include "unit.h"
#include "pg_consent.h"


#define NOW          1800000000
#define LATER        "1900000000"
#define EARLIER      "1700000000"

#define T(t)         PG_TYPESET(PG_T_ ## t)


/* a record from NULL-terminated key/value strings */
static void
parse(pg_consent_t *c, const char *const *kv)
{
    size_t  n, len[32];

    for (n = 0; kv[n] != NULL; n++) {
        len[n] = strlen(kv[n]);
    }

    pg_consent_parse(kv, len, n, c);
}


static void
record(pg_consent_t *c, const char *platforms, const char *kinds,
    const char *expires, const char *revoked)
{
    const char  *kv[] = {
        "patient", "P-000123",
        "platforms", platforms,
        "kinds", kinds,
        "expires", expires,
        "revoked", revoked,
        "granted_by", "compliance.officer",
        NULL
    };

    parse(c, kv);
}


static pg_findings_t *
findings(pg_finding_t *items, size_t n)
{
    static pg_findings_t  f;

    f.items = items;
    f.n = n;
    f.cap = n;

    return &f;
}


static pg_consent_outcome_t
eval(const pg_consent_t *c, const char *platform, int dm, pg_type_t *types,
    size_t n, pg_typeset_t *left)
{
    size_t        i;
    pg_finding_t  items[16];

    memset(items, 0, sizeof(items));

    for (i = 0; i < n; i++) {
        items[i].type = types[i];
        items[i].len = 4;
    }

    return pg_consent_evaluate(findings(items, n), platform, dm, NOW, c,
                               PG_CONSENT_NEVER_DEFAULT, left);
}


static void
test_reason_names(void **state)
{
    assert_string_equal(pg_consent_reason(PG_CONSENT_ALLOW), "consent");
    assert_string_equal(pg_consent_reason(PG_CONSENT_DM), "consent_dm");
    assert_string_equal(pg_consent_reason(PG_CONSENT_MISSING),
                        "consent_missing");
    assert_string_equal(pg_consent_reason(PG_CONSENT_INVALID),
                        "consent_invalid");
    assert_string_equal(pg_consent_reason(PG_CONSENT_REVOKED),
                        "consent_revoked");
    assert_string_equal(pg_consent_reason(PG_CONSENT_EXPIRED),
                        "consent_expired");
    assert_string_equal(pg_consent_reason(PG_CONSENT_PLATFORM),
                        "consent_platform");
    assert_string_equal(pg_consent_reason(PG_CONSENT_KIND), "consent_kind");
    assert_string_equal(pg_consent_reason(PG_CONSENT__COUNT),
                        "consent_invalid");
}


static void
test_parse_good(void **state)
{
    pg_consent_t  c;

    record(&c, "facebook, Instagram", "NAME,location,MEDIA", LATER, "0");

    assert_int_equal(c.state, PG_CONSENT_PARSED);
    assert_int_equal(c.nplatforms, 2);
    assert_string_equal(c.platforms[0], "facebook");
    assert_string_equal(c.platforms[1], "instagram");
    assert_false(c.all_platforms);
    assert_int_equal(c.kinds, T(NAME) | T(ADDRESS) | T(ZIP) | T(MEDIA));
    assert_int_equal(c.expires, 1900000000);
    assert_false(c.revoked);

    record(&c, "*", "DATE", LATER, "1");
    assert_int_equal(c.state, PG_CONSENT_PARSED);
    assert_true(c.all_platforms);
    assert_true(c.revoked);
    /* DATE is the type DATE: a birth date is not covered by it */
    assert_int_equal(c.kinds, T(DATE));
}


static void
test_parse_absent(void **state)
{
    pg_consent_t  c;

    pg_consent_parse(NULL, NULL, 0, &c);
    assert_int_equal(c.state, PG_CONSENT_ABSENT);
}


static void
test_parse_garbled(void **state)
{
    size_t        i, j, len[14];
    const char   *kv[14], *why;
    pg_consent_t  c;

    static const char  *good[12] = {
        "patient", "P-1", "platforms", "x", "kinds", "NAME",
        "expires", LATER, "revoked", "0", "granted_by", "me"
    };

    static const struct {
        const char  *field;
        const char  *value;
    } bad[] = {
        { "platforms", "" },
        { "platforms", "face book" },
        { "platforms", "," },
        { "platforms", "abcdefghijklmnopqrstuvwxyzabcdefghij" },
        { "kinds", "NAME,SHOE_SIZE" },
        { "kinds", "" },
        { "kinds", "none" },
        { "kinds", " , " },
        { "expires", "tomorrow" },
        { "expires", "-5" },
        { "expires", "0" },
        { "expires", "1234567890123456789" },
        { "revoked", "yes" },
        { "revoked", "2" },
        { "revoked", "" },
        { "patient", "" },
        { "granted_by", "" },
    };

    /* each bad value in place of the good one names its field */
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        for (j = 0; j < 12; j++) {
            kv[j] = good[j];
            if (j % 2 && strcmp(good[j - 1], bad[i].field) == 0) {
                kv[j] = bad[i].value;
            }
            len[j] = strlen(kv[j]);
        }

        pg_consent_parse(kv, len, 12, &c);
        assert_int_equal(c.state, PG_CONSENT_GARBLED);
        assert_string_equal(c.why, bad[i].field);
    }

    /* each field missing in turn */
    for (i = 0; i < 12; i += 2) {
        for (j = 0; j < 12; j++) {
            kv[j] = (j == i) ? "comment" : good[j];
            len[j] = strlen(kv[j]);
        }

        pg_consent_parse(kv, len, 12, &c);
        assert_int_equal(c.state, PG_CONSENT_GARBLED);
        assert_string_equal(c.why, good[i]);
    }

    /* a repeated field, an odd reply */
    for (j = 0; j < 12; j++) {
        kv[j] = good[j];
        len[j] = strlen(kv[j]);
    }

    kv[12] = "expires";
    len[12] = 7;
    kv[13] = LATER;
    len[13] = strlen(LATER);
    pg_consent_parse(kv, len, 14, &c);
    assert_int_equal(c.state, PG_CONSENT_GARBLED);
    assert_string_equal(c.why, "expires");

    pg_consent_parse(kv, len, 11, &c);
    assert_int_equal(c.state, PG_CONSENT_GARBLED);
    why = c.why;
    assert_string_equal(why, "reply");

    /* unknown keys are ignored */
    kv[12] = "revoked_at";
    kv[13] = "whenever";
    len[12] = strlen(kv[12]);
    len[13] = strlen(kv[13]);
    pg_consent_parse(kv, len, 14, &c);
    assert_int_equal(c.state, PG_CONSENT_PARSED);
}


static void
test_kinds_parse(void **state)
{
    const char    *bad, *s;
    pg_typeset_t   set;

    s = "SSN, mrn ,HEALTH_PLAN,,ACCOUNT,LICENSE";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, &bad), 0);
    assert_int_equal(set, PG_CONSENT_NEVER_DEFAULT);

    s = "none";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, &bad), 0);
    assert_int_equal(set, 0);

    s = "";
    assert_int_equal(pg_consent_kinds_parse(s, 0, &set, &bad), 0);
    assert_int_equal(set, 0);

    s = "LOCATION,DOB";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, &bad), 0);
    assert_int_equal(set, T(ADDRESS) | T(ZIP) | T(DOB));

    s = "SSN,DATES,MRN";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, &bad), -1);
    assert_ptr_equal(bad, s + 4);

    s = "SSN,none";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, &bad), -1);

    s = "none,SSN";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, NULL), -1);

    s = "AVERYLONGNAMETHATISLONGERTHANANYTYPENAME";
    assert_int_equal(pg_consent_kinds_parse(s, strlen(s), &set, &bad), -1);
    assert_ptr_equal(bad, s);

    /* the length bounds the parse: "SSN" only */
    s = "SSN,BOGUS";
    assert_int_equal(pg_consent_kinds_parse(s, 3, &set, &bad), 0);
    assert_int_equal(set, T(SSN));
}


static void
test_tokens(void **state)
{
    char         key[PG_CONSENT_KEY_MAX + 1], ref[17];
    char         longtok[PG_TOKEN_MAX + 2];
    size_t       tlen;
    const char  *tok;

    assert_true(pg_consent_token_valid("abcDEF09_-", 10));
    assert_true(pg_consent_token_valid("abcdefgh", 8));
    assert_false(pg_consent_token_valid("abcdefg", 7));
    assert_false(pg_consent_token_valid("abcd efgh", 9));
    assert_false(pg_consent_token_valid("abcd.efgh", 9));
    assert_false(pg_consent_token_valid("abcd\0efgh", 9));
    assert_false(pg_consent_token_valid(NULL, 9));

    memset(longtok, 'a', sizeof(longtok));
    assert_true(pg_consent_token_valid(longtok, PG_TOKEN_MAX));
    assert_false(pg_consent_token_valid(longtok, PG_TOKEN_MAX + 1));

    assert_int_equal(pg_consent_token_from_header(" \tTok3n_Ok \t", 12, &tok,
                                                  &tlen),
                     0);
    assert_int_equal(tlen, 8);
    assert_memory_equal(tok, "Tok3n_Ok", 8);
    assert_int_equal(pg_consent_token_from_header("   ", 3, &tok, &tlen), -1);
    assert_int_equal(pg_consent_token_from_header("a,bcdefghi", 10, &tok,
                                                  &tlen),
                     -1);
    assert_int_equal(pg_consent_token_from_header(NULL, 0, &tok, &tlen), -1);

    assert_int_equal(pg_consent_key("Tok3n_Ok", 8, key, sizeof(key)), 24);
    assert_string_equal(key, "phigate:consent:Tok3n_Ok");
    assert_int_equal(pg_consent_key("Tok3n_Ok", 8, key, 24), 0);
    assert_int_equal(pg_consent_key("bad", 3, key, sizeof(key)), 0);
    assert_int_equal(pg_consent_key(longtok, PG_TOKEN_MAX, key, sizeof(key)),
                     PG_CONSENT_KEY_MAX);

    /* sha256("abcdefgh") begins 9c56cc51b374c3ba */
    pg_consent_token_ref("abcdefgh", 8, ref);
    assert_string_equal(ref, "9c56cc51b374c3ba");
}


static void
test_allow(void **state)
{
    pg_type_t     t[] = { PG_T_NAME, PG_T_ZIP, PG_T_MEDIA, PG_T_NAME };
    pg_consent_t  c;
    pg_typeset_t  left;

    record(&c, "facebook,instagram", "NAME,LOCATION,MEDIA", LATER, "0");

    assert_int_equal(eval(&c, "instagram", 0, t, 4, &left),
                     PG_CONSENT_ALLOW);
    assert_int_equal(left, 0);

    /* nothing to cover: allowed whatever the consent */
    assert_int_equal(eval(NULL, "x", 1, t, 0, &left), PG_CONSENT_ALLOW);
    assert_int_equal(left, 0);

    record(&c, "*", "NAME", LATER, "0");
    assert_int_equal(eval(&c, "mastodon", 0, t, 1, NULL), PG_CONSENT_ALLOW);
}


static void
test_dm(void **state)
{
    pg_type_t     t[] = { PG_T_NAME };
    pg_consent_t  c;

    record(&c, "*", "NAME", LATER, "0");
    assert_int_equal(eval(&c, "facebook", 1, t, 1, NULL), PG_CONSENT_DM);
    assert_int_equal(eval(NULL, "facebook", 1, t, 1, NULL), PG_CONSENT_DM);
}


static void
test_missing_and_invalid(void **state)
{
    pg_type_t     t[] = { PG_T_NAME, PG_T_PHONE };
    pg_consent_t  c;
    pg_typeset_t  left;

    assert_int_equal(eval(NULL, "x", 0, t, 2, &left), PG_CONSENT_MISSING);
    assert_int_equal(left, T(NAME) | T(PHONE));

    pg_consent_parse(NULL, NULL, 0, &c);
    assert_int_equal(eval(&c, "x", 0, t, 2, NULL), PG_CONSENT_MISSING);

    record(&c, "x", "NAME", "soon", "0");
    assert_int_equal(c.state, PG_CONSENT_GARBLED);
    assert_int_equal(eval(&c, "x", 0, t, 2, &left), PG_CONSENT_INVALID);
    assert_int_equal(left, T(NAME) | T(PHONE));
}


static void
test_revoked_and_expired(void **state)
{
    pg_type_t     t[] = { PG_T_NAME };
    pg_consent_t  c;

    record(&c, "x", "NAME", LATER, "1");
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_REVOKED);

    /* revoked and expired: revoked is what compliance wants to see */
    record(&c, "x", "NAME", EARLIER, "1");
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_REVOKED);

    record(&c, "x", "NAME", EARLIER, "0");
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_EXPIRED);

    /* expiry is exclusive: at the second it names, it has expired */
    record(&c, "x", "NAME", "1800000000", "0");
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_EXPIRED);

    record(&c, "x", "NAME", "1800000001", "0");
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_ALLOW);
}


static void
test_platform(void **state)
{
    pg_type_t     t[] = { PG_T_NAME };
    pg_consent_t  c;

    record(&c, "facebook,instagram", "NAME", LATER, "0");
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_PLATFORM);
    assert_int_equal(eval(&c, "threads", 0, t, 1, NULL),
                     PG_CONSENT_PLATFORM);
    assert_int_equal(eval(&c, NULL, 0, t, 1, NULL), PG_CONSENT_PLATFORM);

    /* "*" is every recognised platform, not any host at all */
    record(&c, "*", "NAME", LATER, "0");
    assert_int_equal(eval(&c, "generic", 0, t, 1, NULL),
                     PG_CONSENT_PLATFORM);

    record(&c, "generic", "NAME", LATER, "0");
    assert_int_equal(eval(&c, "generic", 0, t, 1, NULL), PG_CONSENT_ALLOW);

    /* a misspelt platform parses and never matches */
    record(&c, "facebok", "NAME", LATER, "0");
    assert_int_equal(c.state, PG_CONSENT_PARSED);
    assert_int_equal(eval(&c, "facebook", 0, t, 1, NULL),
                     PG_CONSENT_PLATFORM);
}


static void
test_kind(void **state)
{
    pg_type_t     t1[] = { PG_T_NAME, PG_T_PHONE };
    pg_type_t     t2[] = { PG_T_NAME, PG_T_SSN };
    pg_type_t     t3[] = { PG_T_DOB };
    pg_consent_t  c;
    pg_typeset_t  left;
    pg_finding_t  f;

    record(&c, "x", "NAME,DATE", LATER, "0");
    assert_int_equal(eval(&c, "x", 0, t1, 2, &left), PG_CONSENT_KIND);
    assert_int_equal(left, T(PHONE));

    assert_int_equal(eval(&c, "x", 0, t3, 1, &left), PG_CONSENT_KIND);
    assert_int_equal(left, T(DOB));

    /* never-coverable types stay blocked even when the record lists them */
    record(&c, "x", "NAME,SSN,MRN", LATER, "0");
    assert_int_equal(c.state, PG_CONSENT_PARSED);
    assert_int_equal(eval(&c, "x", 0, t2, 2, &left), PG_CONSENT_KIND);
    assert_int_equal(left, T(SSN));

    /* ... unless the operator's list says otherwise */
    f.type = PG_T_SSN;
    f.field = 0;
    f.off = 0;
    f.len = 11;
    f.confidence = 100;
    assert_int_equal(pg_consent_evaluate(findings(&f, 1), "x", 0, NOW, &c,
                                         0, &left),
                     PG_CONSENT_ALLOW);

    /* a finding of a type this build does not know is never covered */
    f.type = (pg_type_t) 60;
    assert_int_equal(pg_consent_evaluate(findings(&f, 1), "x", 0, NOW, &c,
                                         0, &left),
                     PG_CONSENT_KIND);
    assert_int_equal(left, T(OTHER_ID));
}


static void
test_order(void **state)
{
    pg_type_t     t[] = { PG_T_SSN };
    pg_consent_t  c;

    /* every check failing at once: the first in the documented order */
    record(&c, "x", "NAME", EARLIER, "1");
    assert_int_equal(eval(&c, "facebook", 1, t, 1, NULL), PG_CONSENT_DM);
    assert_int_equal(eval(&c, "facebook", 0, t, 1, NULL),
                     PG_CONSENT_REVOKED);

    record(&c, "x", "NAME", EARLIER, "0");
    assert_int_equal(eval(&c, "facebook", 0, t, 1, NULL),
                     PG_CONSENT_EXPIRED);

    record(&c, "x", "NAME", LATER, "0");
    assert_int_equal(eval(&c, "facebook", 0, t, 1, NULL),
                     PG_CONSENT_PLATFORM);
    assert_int_equal(eval(&c, "x", 0, t, 1, NULL), PG_CONSENT_KIND);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_reason_names),
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_parse_absent),
        cmocka_unit_test(test_parse_garbled),
        cmocka_unit_test(test_kinds_parse),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_allow),
        cmocka_unit_test(test_dm),
        cmocka_unit_test(test_missing_and_invalid),
        cmocka_unit_test(test_revoked_and_expired),
        cmocka_unit_test(test_platform),
        cmocka_unit_test(test_kind),
        cmocka_unit_test(test_order),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
