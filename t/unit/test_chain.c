/*
 * Copyright (C) phigate authors
 *
 * The audit hash chain: link insertion, hashing, the tail of an existing
 * log, and the verifier on intact and tampered chains.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_audit_verify.h"
#include "pg_chain.h"


/* sha256("") and sha256("abc"), well known */
#define H_EMPTY                                                              \
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define H_ABC                                                                \
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

#define NREC  6


static char *link_str(const char *prev, const char *line);
static char *make_log(size_t n, const char *first_prev, char *last_hash);
static char *make_log_from(size_t base, size_t n, const char *first_prev,
    char *last_hash);
static pg_verify_result_t verify_one(const char *log);
static void swap_lines(char *log, size_t a);


static void
test_hash(void **state)
{
    char  h[PG_SHA256_HEX + 1];

    assert_int_equal(pg_chain_hash("abc", 3, h), 0);
    assert_string_equal(h, H_ABC);

    /* one trailing newline is not part of the line */
    assert_int_equal(pg_chain_hash("abc\n", 4, h), 0);
    assert_string_equal(h, H_ABC);

    assert_int_equal(pg_chain_hash("", 0, h), 0);
    assert_string_equal(h, H_EMPTY);
    assert_int_equal(pg_chain_hash("\n", 1, h), 0);
    assert_string_equal(h, H_EMPTY);
}


static void
test_link_after_schema(void **state)
{
    char  *s;

    s = link_str("genesis", "{\"schema\":1,\"time\":\"t\"}\n");
    assert_string_equal(s, "{\"schema\":1,\"prev\":\"genesis\","
                           "\"time\":\"t\"}\n");
    free(s);

    s = link_str(H_ABC, "{\"schema\":12,\"a\":[1,2]}");
    assert_string_equal(s, "{\"schema\":12,\"prev\":\"" H_ABC "\","
                           "\"a\":[1,2]}");
    free(s);

    s = link_str("genesis", "{\"schema\":1}\n");
    assert_string_equal(s, "{\"schema\":1,\"prev\":\"genesis\"}\n");
    free(s);
}


static void
test_link_other_shapes(void **state)
{
    char  *s;

    s = link_str("genesis", "{\"time\":\"t\"}\n");
    assert_string_equal(s, "{\"prev\":\"genesis\",\"time\":\"t\"}\n");
    free(s);

    s = link_str("genesis", "{}\n");
    assert_string_equal(s, "{\"prev\":\"genesis\"}\n");
    free(s);

    s = link_str("genesis", "{ }");
    assert_string_equal(s, "{\"prev\":\"genesis\" }");
    free(s);

    /* a schema that is not a plain integer: prev goes first */
    s = link_str("genesis", "{\"schema\":\"1\",\"a\":1}");
    assert_string_equal(s, "{\"prev\":\"genesis\",\"schema\":\"1\","
                           "\"a\":1}");
    free(s);
}


static void
test_link_refuses(void **state)
{
    char    *out;
    size_t   len;

    assert_int_equal(pg_chain_link("genesis", "[1]\n", 4, &out, &len), -1);
    assert_null(out);
    assert_int_equal(pg_chain_link("genesis", "", 0, &out, &len), -1);
    assert_int_equal(pg_chain_link("nope", "{}", 2, &out, &len), -1);
    assert_int_equal(pg_chain_link(NULL, "{}", 2, &out, &len), -1);

    /* uppercase hex and short hashes are not a prev */
    assert_int_equal(pg_chain_link("BA7816BF8F01CFEA414140DE5DAE2223"
                                   "B00361A396177A9CB410FF61F20015AD",
                                   "{}", 2, &out, &len), -1);
    assert_int_equal(pg_chain_link("ba7816bf", "{}", 2, &out, &len), -1);

    assert_true(pg_chain_valid_prev("genesis", 7));
    assert_true(pg_chain_valid_prev(H_ABC, 64));
    assert_false(pg_chain_valid_prev("genesi", 6));
    assert_false(pg_chain_valid_prev(H_ABC "0", 65));
}


static void
test_link_size_bound(void **state)
{
    char    *out;
    size_t   len;

    static const char  rec[] = "{\"schema\":1,\"x\":2}\n";

    assert_int_equal(pg_chain_link(H_ABC, rec, sizeof(rec) - 1, &out, &len),
                     0);
    assert_int_equal(len, sizeof(rec) - 1 + PG_CHAIN_LINK_EXTRA);
    assert_int_equal(strlen(out), len);
    free(out);
}


/* same inputs, same bytes: the chain does not depend on time or state */
static void
test_stable(void **state)
{
    char  a[PG_SHA256_HEX + 1], b[PG_SHA256_HEX + 1];
    char *l1, *l2;

    l1 = make_log(NREC, "genesis", a);
    l2 = make_log(NREC, "genesis", b);

    assert_string_equal(l1, l2);
    assert_string_equal(a, b);

    free(l1);
    free(l2);
}


static void
test_tail(void **state)
{
    char    h[PG_SHA256_HEX + 1];
    size_t  partial;

    static const char  log[] = "{\"a\":1}\nabc\n";

    assert_int_equal(pg_chain_tail(log, sizeof(log) - 1, 1, h, &partial), 1);
    assert_string_equal(h, H_ABC);
    assert_int_equal(partial, 0);

    /* a cut record after the last line is not a line */
    assert_int_equal(pg_chain_tail("abc\n{\"a\"", 9, 1, h, &partial), 1);
    assert_string_equal(h, H_ABC);
    assert_int_equal(partial, 5);

    /* a tail read from the middle of the file must reach a newline */
    assert_int_equal(pg_chain_tail("bc\n", 3, 0, h, &partial), -1);
    assert_int_equal(pg_chain_tail("x\nabc\n", 6, 0, h, NULL), 1);
    assert_string_equal(h, H_ABC);

    assert_int_equal(pg_chain_tail("", 0, 1, h, &partial), 0);
    assert_int_equal(pg_chain_tail("{\"a\"", 4, 1, h, &partial), 0);
    assert_int_equal(partial, 4);
}


static void
test_verify_intact(void **state)
{
    char                 h[PG_SHA256_HEX + 1];
    char                *log;
    pg_verify_result_t   r;

    log = make_log(NREC, "genesis", h);
    r = verify_one(log);

    assert_int_equal(r.problems, 0);
    assert_int_equal(r.records, NREC);
    assert_int_equal(r.chained, NREC);
    assert_int_equal(r.unchained, 0);
    assert_int_equal(r.restarts, 0);
    assert_false(r.starts_linked);
    assert_string_equal(r.first_time, "2026-11-23T09:00:00.000Z");
    assert_string_equal(r.last_time, "2026-11-23T09:00:05.000Z");
    assert_string_equal(r.last_hash, h);

    free(log);
}


static void
test_verify_edited(void **state)
{
    char                *log, *p;
    pg_verify_result_t   r;

    log = make_log(NREC, "genesis", NULL);

    /* line 3's decision changed: the link of line 4 breaks */
    p = strstr(log, "\"n\":2,\"decision\":\"block\"");
    assert_non_null(p);
    memcpy(strstr(p, "block"), "allow", 5);

    r = verify_one(log);
    assert_int_equal(r.problems, 1);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_BROKEN);
    assert_int_equal(r.problem[0].line, 4);
    assert_int_equal(r.problem[0].other_line, 3);

    free(log);
}


static void
test_verify_deleted(void **state)
{
    char                *log, *a, *b;
    pg_verify_result_t   r;

    log = make_log(NREC, "genesis", NULL);

    /* delete line 2 */
    a = strchr(log, '\n') + 1;
    b = strchr(a, '\n') + 1;
    memmove(a, b, strlen(b) + 1);

    r = verify_one(log);
    assert_int_equal(r.problems, 1);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_BROKEN);
    assert_int_equal(r.problem[0].line, 2);
    assert_int_equal(r.records, NREC - 1);

    free(log);
}


static void
test_verify_swapped(void **state)
{
    char                *log;
    pg_verify_result_t   r;

    log = make_log(NREC, "genesis", NULL);
    swap_lines(log, 2);       /* lines 3 and 4 */

    r = verify_one(log);
    assert_true(r.problems >= 1);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_REORDERED);
    assert_int_equal(r.problem[0].line, 3);
    assert_int_equal(r.problem[0].other_line, 4);

    free(log);
}


static void
test_verify_truncated_and_malformed(void **state)
{
    char                *log;
    size_t               len;
    pg_verify_result_t   r;

    log = make_log(NREC, "genesis", NULL);
    len = strlen(log);
    log[len - 10] = '\0';

    r = verify_one(log);
    assert_int_equal(r.problems, 1);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_TRUNCATED);
    assert_int_equal(r.problem[0].line, NREC);

    free(log);

    r = verify_one("{\"prev\":\"genesis\"}\n\n");
    assert_int_equal(r.problem[0].kind, PG_VERIFY_MALFORMED);
    assert_int_equal(r.problem[0].detail, PG_VBAD_EMPTY);

    r = verify_one("{\"prev\":\"genesis\",\"prev\":\"genesis\"}\n");
    assert_int_equal(r.problem[0].kind, PG_VERIFY_MALFORMED);
    assert_int_equal(r.problem[0].detail, PG_VBAD_JSON);

    r = verify_one("[1]\n");
    assert_int_equal(r.problem[0].detail, PG_VBAD_OBJECT);

    r = verify_one("{\"prev\":\"x\"}\n");
    assert_int_equal(r.problem[0].detail, PG_VBAD_PREV);
}


static void
test_verify_unchained(void **state)
{
    char                 buf[512], h[PG_SHA256_HEX + 1], *l;
    pg_verify_result_t   r;

    /* old records without prev, then chaining starts on them: fine */
    assert_int_equal(pg_chain_hash("{\"schema\":1,\"n\":1}", 18, h), 0);
    l = link_str(h, "{\"schema\":1,\"n\":2}\n");
    snprintf(buf, sizeof(buf), "{\"schema\":1,\"n\":0}\n"
             "{\"schema\":1,\"n\":1}\n%s", l);
    free(l);

    r = verify_one(buf);
    assert_int_equal(r.problems, 0);
    assert_int_equal(r.unchained, 2);
    assert_int_equal(r.chained, 1);

    /* but a record without prev after a chained one is a problem */
    strcat(buf, "{\"schema\":1,\"n\":3}\n");
    r = verify_one(buf);
    assert_int_equal(r.problems, 1);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_UNCHAINED);
    assert_int_equal(r.problem[0].line, 4);
}


static void
test_verify_rotation(void **state)
{
    char                 h1[PG_SHA256_HEX + 1], h2[PG_SHA256_HEX + 1];
    char                 msg[512];
    char                *f1, *f2;
    pg_verify_t         *v;
    pg_verify_result_t   r;

    f1 = make_log(3, "genesis", h1);
    f2 = make_log(3, h1, h2);

    v = pg_verify_create();
    assert_int_equal(pg_verify_add(v, "audit.log.1", f1, strlen(f1)), 0);
    assert_int_equal(pg_verify_add(v, "audit.log", f2, strlen(f2)), 0);
    assert_int_equal(pg_verify_run(v, "genesis", h2, &r), 0);
    assert_int_equal(r.problems, 0);
    assert_int_equal(r.files, 2);
    assert_int_equal(r.records, 6);
    pg_verify_destroy(v);

    /* the second file alone links to a line not given: not a problem */
    r = verify_one(f2);
    assert_int_equal(r.problems, 0);
    assert_true(r.starts_linked);

    /* in the wrong order: out of order at the very first line */
    v = pg_verify_create();
    assert_int_equal(pg_verify_add(v, "audit.log", f2, strlen(f2)), 0);
    assert_int_equal(pg_verify_add(v, "audit.log.1", f1, strlen(f1)), 0);
    assert_int_equal(pg_verify_run(v, NULL, NULL, &r), 0);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_REORDERED);
    assert_int_equal(r.problem[0].file, 0);
    assert_int_equal(r.problem[0].line, 1);
    pg_verify_describe(v, &r.problem[0], msg, sizeof(msg));
    assert_non_null(strstr(msg, "audit.log:1: out of order"));

    /* anchors: a start that is not genesis, a tail no longer there */
    assert_int_equal(pg_verify_run(v, H_ABC, H_ABC, &r), 0);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_START);
    assert_int_equal(r.problem[r.kept - 1].kind, PG_VERIFY_TAIL);
    assert_int_equal(pg_verify_run(v, "bad", NULL, &r), -1);
    pg_verify_destroy(v);

    free(f1);
    free(f2);
}


static void
test_verify_duplicate_and_restart(void **state)
{
    char                 buf[4096], *log, *a, *b;
    pg_verify_result_t   r;

    log = make_log(3, "genesis", NULL);

    /* line 2 again at the end */
    a = strchr(log, '\n') + 1;
    b = strchr(a, '\n') + 1;
    snprintf(buf, sizeof(buf), "%s%.*s", log, (int) (b - a), a);

    r = verify_one(buf);
    assert_int_equal(r.problems, 1);
    assert_int_equal(r.problem[0].kind, PG_VERIFY_DUPLICATE);
    assert_int_equal(r.problem[0].line, 4);
    assert_int_equal(r.problem[0].other_line, 2);

    /* two chains one after the other: a restart, reported, not a problem */
    snprintf(buf, sizeof(buf), "%s", log);
    free(log);
    log = make_log_from(10, 2, "genesis", NULL);
    strcat(buf, log);
    free(log);

    r = verify_one(buf);
    assert_int_equal(r.problems, 0);
    assert_int_equal(r.restarts, 1);
    assert_int_equal(r.restart_line, 4);
}


int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_link_after_schema),
        cmocka_unit_test(test_link_other_shapes),
        cmocka_unit_test(test_link_refuses),
        cmocka_unit_test(test_link_size_bound),
        cmocka_unit_test(test_stable),
        cmocka_unit_test(test_tail),
        cmocka_unit_test(test_verify_intact),
        cmocka_unit_test(test_verify_edited),
        cmocka_unit_test(test_verify_deleted),
        cmocka_unit_test(test_verify_swapped),
        cmocka_unit_test(test_verify_truncated_and_malformed),
        cmocka_unit_test(test_verify_unchained),
        cmocka_unit_test(test_verify_rotation),
        cmocka_unit_test(test_verify_duplicate_and_restart),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}


static char *
link_str(const char *prev, const char *line)
{
    char    *out;
    size_t   len;

    assert_int_equal(pg_chain_link(prev, line, strlen(line), &out, &len), 0);
    assert_int_equal(strlen(out), len);

    return out;
}


static char *
make_log(size_t n, const char *first_prev, char *last_hash)
{
    return make_log_from(0, n, first_prev, last_hash);
}


/*
 * n chained records numbered from base, one a second from 09:00:00, the
 * first linked to first_prev; the last line's hash into last_hash when
 * not NULL.
 */
static char *
make_log_from(size_t base, size_t n, const char *first_prev,
    char *last_hash)
{
    char    rec[256], prev[PG_SHA256_HEX + 1], *log, *l;
    size_t  i, len, cap;

    cap = 64;
    len = 0;
    log = malloc(cap);
    assert_non_null(log);
    log[0] = '\0';

    snprintf(prev, sizeof(prev), "%s", first_prev);

    for (i = base; i < base + n; i++) {
        snprintf(rec, sizeof(rec), "{\"schema\":1,\"time\":"
                 "\"2026-11-23T09:00:%02zu.000Z\",\"n\":%zu,"
                 "\"decision\":\"%s\"}\n", i, i, i % 2 ? "allow" : "block");

        l = link_str(prev, rec);
        assert_int_equal(pg_chain_hash(l, strlen(l), prev), 0);

        while (len + strlen(l) + 1 > cap) {
            cap *= 2;
            log = realloc(log, cap);
            assert_non_null(log);
        }

        memcpy(log + len, l, strlen(l) + 1);
        len += strlen(l);
        free(l);
    }

    if (last_hash) {
        memcpy(last_hash, prev, sizeof(prev));
    }

    return log;
}


static pg_verify_result_t
verify_one(const char *log)
{
    pg_verify_t         *v;
    pg_verify_result_t   r;

    v = pg_verify_create();
    assert_non_null(v);
    assert_int_equal(pg_verify_add(v, "audit.log", log, strlen(log)), 0);
    assert_int_equal(pg_verify_run(v, NULL, NULL, &r), 0);
    pg_verify_destroy(v);

    return r;
}


/* swaps lines a+1 and a+2 (0-based a) of a log whose lines are distinct */
static void
swap_lines(char *log, size_t a)
{
    char    *p, *q, *r, *tmp;
    size_t   i, l1, l2;

    p = log;

    for (i = 0; i < a; i++) {
        p = strchr(p, '\n') + 1;
    }

    q = strchr(p, '\n') + 1;
    r = strchr(q, '\n') + 1;
    l1 = q - p;
    l2 = r - q;

    tmp = malloc(l1 + l2);
    assert_non_null(tmp);
    memcpy(tmp, q, l2);
    memcpy(tmp + l2, p, l1);
    memcpy(p, tmp, l1 + l2);
    free(tmp);
}
