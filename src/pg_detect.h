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
#include "pg_rules.h"


typedef struct {
    const char    *text;     /* normalised text, NUL-terminated */
    size_t         len;
    uint32_t       field;    /* index of the field, copied into findings */
    pg_arena_t    *arena;
} pg_scan_t;


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
