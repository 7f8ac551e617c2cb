/*
 * Copyright (C) phigate authors
 *
 * Runs the normaliser and every detector over one field, merges findings
 * of one type that overlap (two detectors' rules or two forms of one
 * number may both see it) and maps offsets back to the field's text.
 */


#include <stdlib.h>

#include "pg_detect.h"
#include "pg_normalize.h"


static void pg_detect_merge(pg_findings_t *out, size_t base);
static int pg_finding_cmp_type(const void *a, const void *b);
static int pg_finding_cmp_off(const void *a, const void *b);


static const pg_detector_pt  pg_detectors[] = {
    pg_detect_ssn,
    pg_detect_phone,
    pg_detect_email,
    pg_detect_mrn,
    pg_detect_dob,
    NULL
};


pg_status_t
pg_detect_field(pg_arena_t *a, const pg_fields_t *fields, uint32_t field,
    pg_findings_t *out)
{
    size_t             k, base, off, len;
    pg_norm_t          norm;
    pg_scan_t          scan;
    pg_status_t        st;
    const pg_field_t  *f;

    if (field >= fields->n) {
        return PG_OK;
    }

    f = &fields->items[field];

    st = pg_normalize(a, f->text, f->len, &norm);
    if (st != PG_OK) {
        return st;
    }

    scan.text = norm.text;
    scan.len = norm.len;
    scan.field = field;
    scan.arena = a;

    base = out->n;

    for (k = 0; pg_detectors[k] != NULL; k++) {
        st = pg_detectors[k](&scan, out);
        if (st != PG_OK) {
            return st;
        }
    }

    pg_detect_merge(out, base);

    for (k = base; k < out->n; k++) {
        pg_norm_span(&norm, out->items[k].off, out->items[k].len, &off,
                     &len);
        out->items[k].off = off;
        out->items[k].len = len;
    }

    return PG_OK;
}


/*
 * Findings from base on: overlapping findings of one type become one
 * covering both, with the higher confidence; the result is in text order.
 */

static void
pg_detect_merge(pg_findings_t *out, size_t base)
{
    size_t         i, n, end;
    pg_finding_t  *f, *last;

    n = out->n - base;
    if (n < 2) {
        return;
    }

    f = out->items + base;

    qsort(f, n, sizeof(pg_finding_t), pg_finding_cmp_type);

    last = f;

    for (i = 1; i < n; i++) {

        if (f[i].type == last->type && f[i].off < last->off + last->len) {
            end = f[i].off + f[i].len;

            if (end > last->off + last->len) {
                last->len = end - last->off;
            }

            if (f[i].confidence > last->confidence) {
                last->confidence = f[i].confidence;
            }

            continue;
        }

        *++last = f[i];
    }

    out->n = base + (size_t) (last - f) + 1;

    qsort(f, out->n - base, sizeof(pg_finding_t), pg_finding_cmp_off);
}


static int
pg_finding_cmp_type(const void *a, const void *b)
{
    const pg_finding_t  *x = a, *y = b;

    if (x->type != y->type) {
        return x->type < y->type ? -1 : 1;
    }

    if (x->off != y->off) {
        return x->off < y->off ? -1 : 1;
    }

    return 0;
}


static int
pg_finding_cmp_off(const void *a, const void *b)
{
    const pg_finding_t  *x = a, *y = b;

    if (x->off != y->off) {
        return x->off < y->off ? -1 : 1;
    }

    if (x->type != y->type) {
        return x->type < y->type ? -1 : 1;
    }

    return 0;
}
