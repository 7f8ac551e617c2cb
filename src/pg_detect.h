/*
 * Copyright (C) phigate authors
 *
 * Detection: from one field's text to findings.  Each detector is a
 * function of one job (pg_detect_<type>.c) that scans normalised text and
 * appends findings with offsets in that text; pg_detect_field() runs the
 * normaliser and every detector and maps offsets back to the field's
 * decoded text.
 */

#ifndef _PG_DETECT_H_INCLUDED_
#define _PG_DETECT_H_INCLUDED_


#include "pg_field.h"
#include "pg_finding.h"
#include "pg_normalize.h"
#include "pg_rules.h"
#include "pg_scan.h"


/* what one detector finds for another to read: FAX reads PHONE's */
typedef struct {
    pg_findings_t      phone;
    unsigned           phone_done:1;
} pg_scan_memo_t;


typedef struct {
    const char        *text;     /* normalised text, NUL-terminated */
    size_t             len;
    uint32_t           field;    /* index of the field, copied into findings */
    pg_arena_t        *arena;
    /* what the text holds: pg_scan_init() */
    const pg_words_t  *words;
    pg_scan_memo_t    *memo;
    /*
     * The field's text before normalising and the map to it, and the
     * normaliser's pg_norm_t.vi_marks: NULL, none (pg_scan_init()), set
     * by pg_detect_field()
     */
    const char        *orig;
    const pg_norm_t   *norm;
    const uint8_t     *vi_marks;
} pg_scan_t;


/*
 * Sets up a scan of text (normalised, NUL-terminated) and records its
 * words once for all the detectors (pg_scan.h).
 */
pg_status_t pg_scan_init(pg_scan_t *s, pg_arena_t *a, const char *text,
    size_t len, uint32_t field);


/* the candidates of a cue set in the scan's text */
static inline pg_status_t
pg_scan_cands(const pg_scan_t *s, pg_cands_t *c, pg_cue_set_t *set)
{
    return pg_cands_init(c, s->words, s->arena, s->text, s->len, set);
}


/* the words that start with a digit: where a number may start */
static inline void
pg_scan_digits(const pg_scan_t *s, pg_cands_t *c)
{
    pg_cands_digits(c, s->words, s->text, s->len);
}


/* whether the text holds a byte of the classes (PG_HAS_*) */
static inline int
pg_scan_has(const pg_scan_t *s, unsigned bytes)
{
    return (s->words->bytes & bytes) != 0;
}


/*
 * Whether a byte of [from, to) came from a letter with a mark only
 * Vietnamese writes (pg_norm_t.vi_marks); never in a field without one.
 */
static inline int
pg_scan_vi(const pg_scan_t *s, size_t from, size_t to)
{
    if (s->vi_marks == NULL) {
        return 0;
    }

    for ( /* void */ ; from < to; from++) {
        if (pg_norm_vi(s->vi_marks, from)) {
            return 1;
        }
    }

    return 0;
}


/*
 * The field's own bytes that len bytes at off of the text came from, in
 * *p and *n: "Nguyễn" for "Nguyen"; 0 when the scan has no field
 */
static inline int
pg_scan_orig(const pg_scan_t *s, size_t off, size_t len, const char **p,
    size_t *n)
{
    size_t  in_off;

    if (s->orig == NULL) {
        return 0;
    }

    pg_norm_span(s->norm, off, len, &in_off, n);
    *p = s->orig + in_off;

    return 1;
}


typedef pg_status_t (*pg_detector_pt)(const pg_scan_t *s, pg_findings_t *out);


pg_status_t pg_detect_ssn(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_phone(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_email(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_mrn(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_dob(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_name(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_address(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_zip(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_date(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_fax(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_health_plan(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_account(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_license(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_npi(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_vehicle(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_device(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_url(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_ip(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_biometric(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_age(const pg_scan_t *s, pg_findings_t *out);
pg_status_t pg_detect_other_id(const pg_scan_t *s, pg_findings_t *out);

/* every detector pg_detect_field() runs, in order, NULL-terminated */
extern const pg_detector_pt  pg_detectors[];

/* runs normalisation and all detectors over fields->items[field] */
pg_status_t pg_detect_field(pg_arena_t *a, const pg_fields_t *fields,
    uint32_t field, pg_findings_t *out);

/*
 * The same, then the organisation's custom rules (run may be NULL: none)
 * over the same normalised text; PG_ERR_TOO_COMPLEX when a rule hit its
 * match limit.
 */
pg_status_t pg_detect_field_rules(pg_arena_t *a, const pg_fields_t *fields,
    uint32_t field, pg_rules_run_t *run, pg_findings_t *out);


#endif /* _PG_DETECT_H_INCLUDED_ */
