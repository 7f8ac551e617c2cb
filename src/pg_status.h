/*
 * Copyright (C) phigate authors
 *
 * Why a request could not be inspected.  Each status has a stable name that
 * appears as "error" in the client's JSON answer and as "reason" in the
 * audit record (docs/audit.md), so operators can alert on it.
 */

#ifndef _PG_STATUS_H_INCLUDED_
#define _PG_STATUS_H_INCLUDED_


typedef enum {
    PG_OK = 0,
    PG_ERR_NOMEM,                  /* "internal_error" */
    PG_ERR_MALFORMED_JSON,         /* "malformed_json" */
    PG_ERR_MALFORMED_FORM,         /* "malformed_form" */
    PG_ERR_MALFORMED_MULTIPART,    /* "malformed_multipart" */
    PG_ERR_ENCODING,               /* "uninspectable_encoding" */
    PG_ERR_TOO_LARGE,              /* "body_too_large" */
    PG_ERR_TOO_COMPLEX,            /* "too_complex": fields/depth limit */
    PG_ERR_BODY_UNREADABLE,        /* "body_unreadable" */
    PG_ERR__COUNT
} pg_status_t;


const char *pg_status_name(pg_status_t st);


#endif /* _PG_STATUS_H_INCLUDED_ */
