/*
 * Copyright (C) phigate authors
 */


#include <stdlib.h>

#include "pg_detect_merge.h"


static int pg_finding_cmp_type(const void *a, const void *b);
static int pg_finding_cmp_off(const void *a, const void *b);


void
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
