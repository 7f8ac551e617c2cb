/*
 * Copyright (C) phigate authors
 *
 * What the extractor tests share: an arena and a field list per test,
 * lookups by field name, and bodies copied to buffers of their exact size
 * so that a read past the end trips ASan or valgrind.
 */

#ifndef _PG_EXTRACT_FIXTURE_H_INCLUDED_
#define _PG_EXTRACT_FIXTURE_H_INCLUDED_


#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_extract.h"


typedef struct {
    pg_arena_t   arena;
    pg_fields_t  fields;
    char        *copy;
} pg_fx_t;


static inline int
pg_fx_setup(void **state)
{
    return pg_unit_setup(state, sizeof(pg_fx_t));
}


static inline int
pg_fx_teardown(void **state)
{
    pg_fx_t  *fx = *state;

    free(fx->copy);

    return pg_unit_teardown(state);
}


/* an exact-size heap copy of len bytes, not NUL-terminated */
static inline const char *
pg_fx_buf(pg_fx_t *fx, const char *s, size_t len)
{
    free(fx->copy);

    fx->copy = malloc(len ? len : 1);
    assert_non_null(fx->copy);
    memcpy(fx->copy, s, len);

    return fx->copy;
}


/* the n-th field (from 0) named name, or NULL */
static inline const pg_field_t *
pg_fx_nth(pg_fx_t *fx, const char *name, unsigned n)
{
    size_t  i;

    for (i = 0; i < fx->fields.n; i++) {
        if (strcmp(fx->fields.items[i].name, name) == 0 && n-- == 0) {
            return &fx->fields.items[i];
        }
    }

    return NULL;
}


/* asserts that exactly one field is named name and that its text is text */
static inline const pg_field_t *
pg_fx_expect(pg_fx_t *fx, const char *name, const char *text, size_t len)
{
    const pg_field_t  *f;

    f = pg_fx_nth(fx, name, 0);

    if (f == NULL) {
        fail_msg("no field named \"%s\"", name);
    }

    assert_null(pg_fx_nth(fx, name, 1));
    assert_int_equal(f->len, len);
    assert_memory_equal(f->text, text, len);
    assert_int_equal(f->text[len], '\0');

    return f;
}


/* the field's raw bytes in buf are exactly raw */
static inline void
pg_fx_raw(const pg_field_t *f, const char *buf, const char *raw)
{
    assert_int_equal(f->raw_len, strlen(raw));
    assert_memory_equal(buf + f->raw_off, raw, f->raw_len);
}


#define PG_FX_TEST(fn)  cmocka_unit_test_setup_teardown(fn, pg_fx_setup,     \
                                                        pg_fx_teardown)
#define PG_S(s)         s, sizeof(s) - 1


#endif /* _PG_EXTRACT_FIXTURE_H_INCLUDED_ */
