/*
 * Copyright (C) phigate authors
 *
 * One request's inspection: extract fields from the query string and the
 * body, skip the platform's identifier fields, detect.  This is the only
 * entry point the nginx module calls for content; it knows nothing of
 * nginx and is what the unit tests, the fuzzers and the eval tool drive.
 */

#ifndef _PG_INSPECT_H_INCLUDED_
#define _PG_INSPECT_H_INCLUDED_


#include "pg_allowlist.h"
#include "pg_arena.h"
#include "pg_extract.h"
#include "pg_field.h"
#include "pg_finding.h"
#include "pg_platform.h"
#include "pg_rules.h"


typedef struct {
    const char           *method;
    size_t                method_len;
    const char           *host;
    size_t                host_len;
    const char           *path;              /* without the query string */
    size_t                path_len;
    const char           *query;             /* without '?', may be NULL */
    size_t                query_len;
    const char           *content_type;
    size_t                content_type_len;
    const char           *content_encoding;
    size_t                content_encoding_len;
    const char           *body;              /* whole body, may be NULL */
    size_t                body_len;          /* with body NULL: the length
                                                of a media body not read */
} pg_request_t;


/*
 * What a request is inspected with: the configuration's part.  Zeroed, it
 * is no limit, the default profiles and the built-in detectors alone.
 */
typedef struct {
    size_t                max_body;          /* text bodies; 0: no limit */
    const pg_platforms_t *platforms;         /* NULL: the default set */
    const pg_allowlist_t *allow;             /* phigate_allowlist, NULL */
    const pg_rules_t     *rules;             /* phigate_rules, NULL */
    unsigned              min_confidence;    /* a built-in finding below
                                                it is recorded, blocks
                                                nothing; 0: every one
                                                blocks */
} pg_limits_t;


typedef struct {
    pg_status_t           status;            /* PG_OK or why uninspectable */
    const pg_platform_t  *platform;
    unsigned              dm:1;
    pg_body_kind_t        body_kind;
    pg_fields_t           fields;
    pg_findings_t         findings;
    uint32_t              allowed[PG_T__COUNT];  /* findings the allow-list
                                                    dropped, by type */
} pg_inspection_t;


/*
 * Checks made before the body is read, so that a body that cannot be
 * inspected is not read at all: a Content-Encoding other than identity,
 * or a declared length over the limit for a text body (body_len is the
 * declared length, -1 when unknown).  Fills platform, body_kind and status.
 */
pg_status_t pg_inspect_headers(const pg_request_t *req, long long body_len,
    const pg_limits_t *lim, pg_inspection_t *out);

/* 1 when phigate_max_body bounds the whole body of this kind */
int pg_limit_applies(pg_body_kind_t kind);

/* full inspection of a request whose body has been read */
pg_status_t pg_inspect(pg_arena_t *a, const pg_request_t *req,
    const pg_limits_t *lim, pg_inspection_t *out);


#endif /* _PG_INSPECT_H_INCLUDED_ */
