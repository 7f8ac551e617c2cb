/*
 * Copyright (C) phigate authors
 *
 * Identifiers that only a cue makes identifiers: "claim # 55012",
 * "serial no. SN-40021", "member ID: XJH44120".  One scanner, driven by a
 * table per type, so that every cue-introduced identifier follows the
 * same rules: the cue matches whole words, separators and filler words
 * ("number", "is", "#", ":") may follow it, and the identifier after them
 * has the letters and digits its type asks for.
 */

#ifndef _PG_DETECT_CUED_H_INCLUDED_
#define _PG_DETECT_CUED_H_INCLUDED_


#include "pg_detect.h"


typedef struct {
    pg_type_t            type;
    uint8_t              confidence;
    pg_cue_set_t        *cues;           /* a NULL-terminated list,
                                            lower case: pg_cue_set() */
    size_t               id_min;         /* letters and digits in the ID */
    size_t               id_max;
    size_t               digits_min;
    size_t               letters_min;
    /* an ID of two parts split by one space, "ABC 1234" (plates) */
    unsigned             space:1;
    /* a further check on the ID's bytes, NULL: none */
    int                (*valid)(const char *id, size_t len);
} pg_cued_t;


pg_status_t pg_detect_cued(const pg_scan_t *s, const pg_cued_t *spec,
    pg_findings_t *out);


#endif /* _PG_DETECT_CUED_H_INCLUDED_ */
