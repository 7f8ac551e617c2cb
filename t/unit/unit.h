/*
 * Copyright (C) phigate authors
 *
 * Common includes for the cmocka unit tests, and the fixture most of
 * them share: a zeroed struct per test whose first member is its arena.
 */

#ifndef _PG_UNIT_H_INCLUDED_
#define _PG_UNIT_H_INCLUDED_


#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pg_arena.h"


/*
 * A cmocka setup's work: *state becomes a zeroed fixture of size bytes
 * whose first member is a pg_arena_t, the arena started.  A pointer to
 * a struct is a pointer to its first member, so one helper serves every
 * fixture type.  Returns 0, -1 when out of memory.
 */
static inline int
pg_unit_setup(void **state, size_t size)
{
    pg_arena_t  *a;

    a = calloc(1, size);
    if (a == NULL) {
        return -1;
    }

    pg_arena_init(a, 0);
    *state = a;

    return 0;
}


/* the teardown of pg_unit_setup(): the arena, then the fixture */
static inline int
pg_unit_teardown(void **state)
{
    pg_arena_t  *a = *state;

    pg_arena_free(a);
    free(a);

    return 0;
}


#endif /* _PG_UNIT_H_INCLUDED_ */
