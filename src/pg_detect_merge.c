/*
 * Copyright (C) phigate authors
 */


#include <stdlib.h>

#include "pg_detect_merge.h"


static size_t pg_detect_merge_fax(pg_finding_t *f, size_t n);
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

    out->n = base + pg_detect_merge_fax(f, (size_t) (last - f) + 1);

    qsort(f, out->n - base, sizeof(pg_finding_t), pg_finding_cmp_off);
}


/*
 * A fax number is also a phone number to the phone detector: where a FAX
 * finding overlaps a PHONE one, the FAX (its cue said fax) is the one
 * kept.  f[0, n) is sorted by type, then offset, so the PHONE and FAX
 * runs are each in offset order and one sweep over both finds overlaps.
 * Returns the new count.
 */

static size_t
pg_detect_merge_fax(pg_finding_t *f, size_t n)
{
    size_t  i, j, o, x, xend;

    for (x = 0; x < n && f[x].type != PG_T_FAX; x++) {
        /* void */
    }

    for (xend = x; xend < n && f[xend].type == PG_T_FAX; xend++) {
        /* void */
    }

    if (x == xend) {
        return n;
    }

    j = x;
    o = 0;

    for (i = 0; i < n; i++) {

        if (f[i].type == PG_T_PHONE) {
            /* FAX findings that end before this PHONE cannot overlap it */
            while (j < xend && f[j].off + f[j].len <= f[i].off) {
                j++;
            }

            if (j < xend && f[j].off < f[i].off + f[i].len) {
                continue;
            }
        }

        f[o++] = f[i];
    }

    return o;
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
