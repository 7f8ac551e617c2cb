/*
 * Copyright (C) phigate authors
 *
 * A finding is one identifier a detector saw in a field.  It records what
 * and where, never the matched value: type, field index, offset, length.
 */

#ifndef _PG_FINDING_H_INCLUDED_
#define _PG_FINDING_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>

#include "pg_arena.h"
#include "pg_status.h"


/*
 * Stable type names are in pg_type_name() and docs/detection.md; policy,
 * consent "kinds" and the audit trail use them.  Append only: the audit
 * trail and consent records outlive any build.  The comments name the
 * Safe Harbor identifier (45 CFR 164.514(b)(2)(i)) each type covers.
 */
typedef enum {
    PG_T_SSN = 0,        /* (G) social security numbers */
    PG_T_PHONE,          /* (D) telephone numbers */
    PG_T_EMAIL,          /* (F) electronic mail addresses */
    PG_T_MRN,            /* (H) medical record numbers */
    PG_T_DOB,            /* (C) birth date */
    PG_T_FAX,            /* (E) fax numbers */
    PG_T_NAME,           /* (A) names of the individual or relatives */
    PG_T_ADDRESS,        /* (B) street address, city, PO box */
    PG_T_ZIP,            /* (B) ZIP codes in address context */
    PG_T_DATE,           /* (C) admission, discharge, death, surgery dates */
    PG_T_AGE,            /* (C) ages over 89 */
    PG_T_HEALTH_PLAN,    /* (I) health plan beneficiary numbers (MBI...) */
    PG_T_ACCOUNT,        /* (J) account numbers */
    PG_T_LICENSE,        /* (K) certificate/licence numbers (DL, DEA) */
    PG_T_NPI,            /* (K) a provider's NPI: policy may differ */
    PG_T_VEHICLE,        /* (L) VINs, licence plates */
    PG_T_DEVICE,         /* (M) device identifiers, serial numbers */
    PG_T_URL,            /* (N) URLs that identify a person */
    PG_T_IP,             /* (O) IP addresses */
    PG_T_BIOMETRIC,      /* (P) biometric identifiers */
    PG_T_MEDIA,          /* (Q) full-face photos: an image or video upload */
    PG_T_OTHER_ID,       /* (R) any other unique identifying number */
    PG_T_CUSTOM,         /* an organisation's own rule (phigate_rules) */
    PG_T__COUNT
} pg_type_t;


typedef struct {
    pg_type_t      type;
    uint32_t       field;        /* index into the request's fields */
    size_t         off;          /* byte offset in the field's decoded text */
    size_t         len;
    uint8_t        confidence;   /* 0..100 */
    unsigned       log_only:1;   /* a "log" severity rule: recorded in the
                                    audit trail, blocks nothing */
    const char    *rule;         /* the phigate_rules rule that found it,
                                    NULL for the built-in detectors */
} pg_finding_t;


typedef struct {
    pg_finding_t  *items;
    size_t         n;
    size_t         cap;
} pg_findings_t;


const char *pg_type_name(pg_type_t t);
/* returns -1 when the name is unknown */
int pg_type_from_name(const char *name, size_t len);

/* appends a built-in detector's finding (no rule, blocking) */
pg_status_t pg_findings_add(pg_findings_t *f, pg_arena_t *a, pg_type_t type,
    uint32_t field, size_t off, size_t len, uint8_t confidence);


#endif /* _PG_FINDING_H_INCLUDED_ */
