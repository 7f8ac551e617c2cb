/*
 * Copyright (C) phigate authors
 *
 * libFuzzer harness: arbitrary bytes through the normaliser and every
 * detector, as one field and through each detector directly on the raw
 * bytes, checking that every finding lies within its text.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_detect.h"
#include "pg_normalize.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
static void fz_check(const pg_findings_t *f, size_t from, size_t len);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t         k, off, len;
    char          *copy;
    pg_norm_t      norm;
    pg_scan_t      scan;
    pg_arena_t     arena;
    pg_fields_t    fields;
    pg_findings_t  findings;

    pg_arena_init(&arena, 0);
    memset(&fields, 0, sizeof(fields));
    memset(&findings, 0, sizeof(findings));

    /* the whole engine over one field */

    if (pg_fields_add(&fields, &arena, "text", 4, (const char *) data, size,
                      PG_SRC_BODY, 0, 0)
        == PG_OK
        && pg_detect_field(&arena, &fields, 0, &findings) == PG_OK)
    {
        fz_check(&findings, 0, size);
    }

    /* the normaliser's map covers every byte it produced */

    if (pg_normalize(&arena, (const char *) data, size, &norm) == PG_OK) {
        if (norm.len > size || norm.text[norm.len] != '\0') {
            abort();
        }

        for (k = 0; k < norm.len; k++) {
            pg_norm_span(&norm, k, 1, &off, &len);

            if (len == 0 || off + len > size) {
                abort();
            }
        }
    }

    /* each detector on the raw bytes, from an exact-size buffer */

    copy = malloc(size ? size : 1);
    if (copy != NULL) {
        memcpy(copy, data, size);

        if (pg_scan_init(&scan, &arena, copy, size, 0) != PG_OK) {
            abort();
        }

        for (k = 0; pg_detectors[k] != NULL; k++) {
            memset(&findings, 0, sizeof(findings));

            if (pg_detectors[k](&scan, &findings) == PG_OK) {
                fz_check(&findings, 0, size);
            }
        }

        free(copy);
    }

    pg_arena_free(&arena);

    return 0;
}


static void
fz_check(const pg_findings_t *f, size_t from, size_t len)
{
    size_t  k;

    for (k = from; k < f->n; k++) {
        if (f->items[k].len == 0
            || f->items[k].off + f->items[k].len > len
            || (unsigned) f->items[k].type >= PG_T__COUNT
            || f->items[k].confidence > 100)
        {
            abort();
        }
    }
}
