/*
 * Copyright (C) phigate authors
 *
 * What every extractor harness checks after a run: the fields the
 * extractor promised, whatever the input.
 */

#ifndef _PG_FUZZ_CHECK_H_INCLUDED_
#define _PG_FUZZ_CHECK_H_INCLUDED_


#include <stdlib.h>

#include "pg_extract.h"


static inline void
pg_fuzz_check(const pg_fields_t *f, size_t len)
{
    size_t             i;
    const pg_field_t  *fld;

    if (f->n > PG_FIELDS_MAX || f->n > f->cap) {
        abort();
    }

    for (i = 0; i < f->n; i++) {
        fld = &f->items[i];

        /* NUL-terminated, and the raw bytes lie inside the input */
        if (fld->name == NULL || fld->text == NULL || fld->text[fld->len]
            || fld->raw_off > len || fld->raw_len > len - fld->raw_off)
        {
            abort();
        }
    }
}


#endif /* _PG_FUZZ_CHECK_H_INCLUDED_ */
