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


/* stable type names are in pg_type_name(); keep docs/detection.md in step */
typedef enum {
    PG_T_SSN = 0,
    PG_T_PHONE,
    PG_T_EMAIL,
    PG_T_MRN,
    PG_T_DOB,
    PG_T__COUNT
} pg_type_t;


typedef struct {
    pg_type_t      type;
    uint32_t       field;        /* index into the request's fields */
    size_t         off;          /* byte offset in the field's decoded text */
    size_t         len;
    uint8_t        confidence;   /* 0..100 */
} pg_finding_t;


typedef struct {
    pg_finding_t  *items;
    size_t         n;
    size_t         cap;
} pg_findings_t;


const char *pg_type_name(pg_type_t t);
/* returns -1 when the name is unknown */
int pg_type_from_name(const char *name, size_t len);

pg_status_t pg_findings_add(pg_findings_t *f, pg_arena_t *a, pg_type_t type,
    uint32_t field, size_t off, size_t len, uint8_t confidence);


#endif /* _PG_FINDING_H_INCLUDED_ */
