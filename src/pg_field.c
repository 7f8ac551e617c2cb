/*
 * Copyright (C) phigate authors
 */


#include "pg_field.h"


pg_status_t
pg_fields_add(pg_fields_t *f, pg_arena_t *a, const char *name,
    size_t name_len, const char *text, size_t len, pg_source_t source,
    size_t raw_off, size_t raw_len)
{
    size_t       max;
    pg_field_t  *fld;

    max = f->max ? f->max : PG_FIELDS_MAX;

    if (f->n >= max) {
        return PG_ERR_TOO_COMPLEX;
    }

    if (pg_arena_grow(a, (void **) &f->items, &f->cap, f->n,
                      sizeof(pg_field_t))
        != 0)
    {
        return PG_ERR_NOMEM;
    }

    fld = &f->items[f->n];

    fld->name = pg_arena_strndup(a, name, name_len);
    fld->text = pg_arena_strndup(a, text, len);

    if (fld->name == NULL || fld->text == NULL) {
        return PG_ERR_NOMEM;
    }

    fld->len = len;
    fld->source = source;
    fld->raw_off = raw_off;
    fld->raw_len = raw_len;

    f->n++;

    return PG_OK;
}
