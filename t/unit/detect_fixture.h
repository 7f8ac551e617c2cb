/*
 * Copyright (C) phigate authors
 *
 * What the detector tests share: an arena and a findings list per test,
 * texts copied to buffers of their exact size with no NUL after them so
 * that a detector reading past len trips ASan or valgrind, and checks
 * that name the failing input (test data is synthetic, never PHI).
 */

#ifndef _PG_DETECT_FIXTURE_H_INCLUDED_
#define _PG_DETECT_FIXTURE_H_INCLUDED_


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_detect.h"
#include "pg_normalize.h"


typedef struct {
    pg_arena_t     arena;
    pg_findings_t  findings;
    pg_fields_t    fields;
    char          *copy;
} pg_dt_t;


static inline int
pg_dt_setup(void **state)
{
    return pg_unit_setup(state, sizeof(pg_dt_t));
}


static inline int
pg_dt_teardown(void **state)
{
    pg_dt_t  *fx = *state;

    free(fx->copy);

    return pg_unit_teardown(state);
}


/* runs one detector over len bytes of s; returns the number of findings */
static inline size_t
pg_dt_runl(pg_dt_t *fx, pg_detector_pt det, const char *s, size_t len)
{
    pg_scan_t  scan;

    free(fx->copy);
    fx->copy = malloc(len ? len : 1);
    assert_non_null(fx->copy);
    memcpy(fx->copy, s, len);

    memset(&fx->findings, 0, sizeof(pg_findings_t));

    assert_int_equal(pg_scan_init(&scan, &fx->arena, fx->copy, len, 3),
                     PG_OK);

    assert_int_equal(det(&scan, &fx->findings), PG_OK);

    return fx->findings.n;
}


static inline size_t
pg_dt_run(pg_dt_t *fx, pg_detector_pt det, const char *s)
{
    return pg_dt_runl(fx, det, s, strlen(s));
}


static inline void
pg_dt_check(pg_dt_t *fx, const char *s, size_t i, pg_type_t type,
    size_t off, size_t len)
{
    pg_finding_t  *f;

    if (fx->findings.n <= i) {
        print_error("input \"%s\": %zu findings, wanted #%zu\n", s,
                    fx->findings.n, i);
        fail();
    }

    f = &fx->findings.items[i];

    if (f->type != type || f->off != off || f->len != len) {
        print_error("input \"%s\": got %s at %zu+%zu, wanted %s at "
                    "%zu+%zu\n", s, pg_type_name(f->type), f->off, f->len,
                    pg_type_name(type), off, len);
        fail();
    }

    assert_true(f->confidence > 0 && f->confidence <= 100);
}


/* exactly one finding, of this type, at off/len */
static inline void
pg_dt_one(pg_dt_t *fx, pg_detector_pt det, const char *s, pg_type_t type,
    size_t off, size_t len)
{
    size_t  n;

    n = pg_dt_run(fx, det, s);

    if (n != 1) {
        print_error("input \"%s\": %zu findings, wanted 1\n", s, n);
        fail();
    }

    pg_dt_check(fx, s, 0, type, off, len);
    assert_int_equal(fx->findings.items[0].field, 3);
}


static inline void
pg_dt_none(pg_dt_t *fx, pg_detector_pt det, const char *s)
{
    size_t  n;

    n = pg_dt_run(fx, det, s);

    if (n != 0) {
        print_error("input \"%s\": %zu findings, wanted none (first at "
                    "%zu+%zu)\n", s, n, fx->findings.items[0].off,
                    fx->findings.items[0].len);
        fail();
    }
}


/* the whole engine over one field of len bytes; returns the findings */
static inline size_t
pg_dt_fieldl(pg_dt_t *fx, const char *s, size_t len)
{
    memset(&fx->fields, 0, sizeof(pg_fields_t));
    memset(&fx->findings, 0, sizeof(pg_findings_t));

    assert_int_equal(pg_fields_add(&fx->fields, &fx->arena, "text", 4, s,
                                   len, PG_SRC_BODY, 0, 0), PG_OK);
    assert_int_equal(pg_detect_field(&fx->arena, &fx->fields, 0,
                                     &fx->findings), PG_OK);

    return fx->findings.n;
}


static inline size_t
pg_dt_field(pg_dt_t *fx, const char *s)
{
    return pg_dt_fieldl(fx, s, strlen(s));
}


#endif /* _PG_DETECT_FIXTURE_H_INCLUDED_ */
