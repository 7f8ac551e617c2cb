/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_media.h"


static int pg_media_suffix(const char *name);


pg_status_t
pg_media_find(pg_arena_t *a, const pg_platform_t *p, pg_body_kind_t kind,
    size_t body_len, pg_fields_t *fields, pg_findings_t *out)
{
    size_t              i;
    pg_status_t         st;
    const pg_field_t   *f;

    /* no raw bytes: nothing that rewrites text may touch the file's */
    if (kind == PG_BODY_MEDIA && body_len) {
        st = pg_fields_add(fields, a, "body" PG_FIELD_MEDIA,
                           sizeof("body" PG_FIELD_MEDIA) - 1, "", 0,
                           PG_SRC_BODY, 0, 0);
        if (st != PG_OK) {
            return st;
        }
    }

    for (i = 0; i < fields->n; i++) {
        f = &fields->items[i];

        if (!pg_media_suffix(f->name)
            && (f->len == 0 || !pg_platform_media_field(p, f->name)))
        {
            continue;
        }

        st = pg_findings_add(out, a, PG_T_MEDIA, (uint32_t) i, 0, f->len,
                             100);
        if (st != PG_OK) {
            return st;
        }
    }

    return PG_OK;
}


static int
pg_media_suffix(const char *name)
{
    size_t  len, slen;

    len = strlen(name);
    slen = sizeof(PG_FIELD_MEDIA) - 1;

    return len >= slen && memcmp(name + len - slen, PG_FIELD_MEDIA, slen) == 0;
}
