/*
 * Copyright (C) phigate authors
 *
 * Runs the normaliser and every detector over one field, merges findings
 * of one type that overlap (two detectors' rules or two forms of one
 * number may both see it), runs the custom rules (phigate_rules) over the
 * same normalised text and maps offsets back to the field's text.
 */


#include "pg_detect.h"
#include "pg_detect_merge.h"
#include "pg_normalize.h"


const pg_detector_pt  pg_detectors[] = {
    pg_detect_ssn,
    pg_detect_phone,
    pg_detect_email,
    pg_detect_mrn,
    pg_detect_dob,
    pg_detect_name,
    pg_detect_address,
    pg_detect_zip,
    pg_detect_date,
    pg_detect_fax,
    pg_detect_health_plan,
    pg_detect_account,
    pg_detect_license,
    pg_detect_npi,
    pg_detect_vehicle,
    pg_detect_device,
    pg_detect_url,
    pg_detect_ip,
    pg_detect_biometric,
    pg_detect_age,
    pg_detect_other_id,
    NULL
};


pg_status_t
pg_scan_init(pg_scan_t *s, pg_arena_t *a, const char *text, size_t len,
    uint32_t field)
{
    pg_words_t  *w;

    s->text = text;
    s->len = len;
    s->field = field;
    s->arena = a;
    s->words = NULL;
    s->memo = NULL;
    s->orig = NULL;
    s->norm = NULL;
    s->vi_marks = NULL;

    /* offsets are recorded in 32 bits; no body comes near */
    if (len > UINT32_MAX) {
        return PG_ERR_TOO_LARGE;
    }

    w = pg_arena_alloc(a, sizeof(pg_words_t));
    s->memo = pg_arena_calloc(a, sizeof(pg_scan_memo_t));

    if (w == NULL || s->memo == NULL) {
        return PG_ERR_NOMEM;
    }

    s->words = w;

    return pg_words_index(w, a, text, len);
}


pg_status_t
pg_detect_field(pg_arena_t *a, const pg_fields_t *fields, uint32_t field,
    pg_findings_t *out)
{
    return pg_detect_field_rules(a, fields, field, NULL, out);
}


pg_status_t
pg_detect_field_rules(pg_arena_t *a, const pg_fields_t *fields,
    uint32_t field, pg_rules_run_t *run, pg_findings_t *out)
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

    st = pg_scan_init(&scan, a, norm.text, norm.len, field);
    if (st != PG_OK) {
        return st;
    }

    scan.orig = f->text;
    scan.norm = &norm;
    scan.vi_marks = norm.vi_marks;

    base = out->n;

    for (k = 0; pg_detectors[k] != NULL; k++) {
        st = pg_detectors[k](&scan, out);
        if (st != PG_OK) {
            return st;
        }
    }

    pg_detect_merge(out, base);

    /* after the merge: a rule's match over a built-in finding joins it */
    if (run != NULL) {
        st = pg_rules_scan(run, norm.text, norm.len, field, out, base);
        if (st != PG_OK) {
            return st;
        }
    }

    for (k = base; k < out->n; k++) {
        pg_norm_span(&norm, out->items[k].off, out->items[k].len, &off,
                     &len);
        out->items[k].off = off;
        out->items[k].len = len;
    }

    return PG_OK;
}
