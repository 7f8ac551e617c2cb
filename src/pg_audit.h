/*
 * Copyright (C) phigate authors
 *
 * What phigate writes about a request: the audit record (one JSON line,
 * docs/audit.md), the client's JSON answer when blocked, and the short
 * findings summary for $phigate_findings.  All three name types, fields,
 * counts and offsets, never a matched value.  Only the record of a post
 * the platform received may hold its text, and only when the operator
 * asks for it (phigate_audit_text): that text was published anyway.
 */

#ifndef _PG_AUDIT_H_INCLUDED_
#define _PG_AUDIT_H_INCLUDED_


#include <stdint.h>
#include <time.h>

#include "pg_arena.h"
#include "pg_decide.h"


#define PG_AUDIT_SCHEMA    1
#define PG_SHA256_HEX      64
#define PG_AUDIT_TIME_LEN  24     /* 2026-11-23T09:30:00.123Z */


typedef struct {
    time_t                  sec;
    unsigned                msec;
    const char             *request_id;
    size_t                  request_id_len;
    const pg_request_t     *req;          /* method, host, path */
    const pg_inspection_t  *insp;
    const pg_verdict_t     *verdict;
    pg_mode_t               mode;
    int                     status;       /* HTTP status the client got,
                                             0 when forwarded */
    long long               body_len;     /* -1: not read */
    const char             *body_sha256;  /* hex, NULL: not read */
    const char             *consent_ref;  /* the consent token's reference
                                             (pg_consent_token_ref), NULL:
                                             none presented */
    const char             *approval;     /* the approved post's hash, NULL:
                                             no approval applied */
    const char             *identity;     /* who posted (phigate_identity),
                                             NULL: not configured */
    size_t                  identity_len;
    const char             *credential;   /* sha256 hex of the credential
                                             used, NULL: none */
    int                     upstream_status;  /* the platform's answer to a
                                                 forwarded post, 0: none */
    const char             *post_id;      /* the created object, NULL */
    const char             *gateway;      /* configured gateway id, NULL
                                             or "": no "gateway" key */
    size_t                  gateway_len;
    const pg_fields_t      *text;         /* a published post's fields for
                                             "text", NULL: no "text" key */
    pg_arena_t             *arena;        /* for text_unmark */
    unsigned                text_unmark:1; /* consent markers were removed
                                              from what was forwarded */
} pg_audit_t;


/* a NUL-terminated JSON line ending in "\n"; free() it */
char *pg_audit_line(const pg_audit_t *au, size_t *len);

/*
 * The record's "time" into buf[PG_AUDIT_TIME_LEN + 1], for those who
 * must name a record without its line (the audit stream's gap entries).
 */
void pg_audit_time(time_t sec, unsigned msec, char *buf);

/* the blocked client's JSON body; free() it */
char *pg_block_body(const pg_audit_t *au, size_t *len);

/*
 * "SSN:1,PHONE:2" (types in pg_type_t order, counts) into buf, "-" when
 * there are none; returns the length written (truncated to fit).
 */
size_t pg_findings_summary(const pg_findings_t *f, char *buf, size_t size);

/* hex sha256 of data into out[PG_SHA256_HEX + 1]; 0 on success */
int pg_sha256_hex(const void *data, size_t len, char *out);


#endif /* _PG_AUDIT_H_INCLUDED_ */
