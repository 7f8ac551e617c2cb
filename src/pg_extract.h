/*
 * Copyright (C) phigate authors
 *
 * Extraction: from request bytes to fields of user-visible text.  Every
 * extractor is given untrusted bytes that need not be NUL-terminated nor
 * valid UTF-8 and must return a status, never crash.  Offsets in fields
 * are relative to the buffer passed in.
 */

#ifndef _PG_EXTRACT_H_INCLUDED_
#define _PG_EXTRACT_H_INCLUDED_


#include "pg_field.h"


/* what kind of body a Content-Type announces */
typedef enum {
    PG_BODY_RAW = 0,      /* anything not listed below: inspected as text */
    PG_BODY_JSON,         /* application/json, anything +json */
    PG_BODY_FORM,         /* application/x-www-form-urlencoded */
    PG_BODY_MULTIPART,    /* multipart/form-data, mixed, related */
    PG_BODY_MEDIA         /* image/, video/, audio/, octet-stream: no text */
} pg_body_kind_t;


/*
 * Classifies a Content-Type header value (may be NULL/0: raw).  For
 * multipart the boundary parameter is returned in *boundary and *blen (pointing
 * into ct, quotes removed); it is left NULL when absent.
 */
pg_body_kind_t pg_body_kind(const char *ct, size_t ct_len,
    const char **boundary, size_t *blen);

/*
 * JSON: every string value (object keys are not text).  Field names are
 * paths joined with '.', arrays as "[]", prefixed with prefix when given
 * (used for JSON found inside a form value).  A value that is itself a
 * form-encoded or JSON document is not re-parsed here.
 * Returns PG_ERR_MALFORMED_JSON on invalid JSON, PG_ERR_TOO_COMPLEX when
 * nesting is deeper than PG_DEPTH_MAX.
 */
pg_status_t pg_extract_json(pg_arena_t *a, const char *buf, size_t len,
    pg_source_t src, const char *prefix, pg_fields_t *out);

/*
 * application/x-www-form-urlencoded and query strings: '&' separated
 * name=value pairs, '+' and %XX decoded.  A malformed escape is kept
 * literally (as browsers and servers do) rather than refused.  A value
 * that is a JSON object or array (Messenger's message={"text":...})
 * yields its string values as "name.path" fields instead of itself.
 */
pg_status_t pg_extract_form(pg_arena_t *a, const char *buf, size_t len,
    pg_source_t src, pg_fields_t *out);

/*
 * multipart (form-data, mixed, related): every part.  Parts with a text, JSON or form content type
 * (or none, the form-data default) are extracted by their own type under
 * the part's name; binary parts are skipped but their name and filename
 * are inspected ("name#filename").  PG_ERR_MALFORMED_MULTIPART when the
 * boundary is missing, never found, or the closing delimiter is absent.
 */
pg_status_t pg_extract_multipart(pg_arena_t *a, const char *buf, size_t len,
    const char *boundary, size_t blen, pg_fields_t *out);

/* any other body: the whole body as one field named "body" */
pg_status_t pg_extract_raw(pg_arena_t *a, const char *buf, size_t len,
    pg_source_t src, pg_fields_t *out);

/* dispatch on Content-Type */
pg_status_t pg_extract_body(pg_arena_t *a, const char *ct, size_t ct_len,
    const char *buf, size_t len, pg_fields_t *out);


#endif /* _PG_EXTRACT_H_INCLUDED_ */
