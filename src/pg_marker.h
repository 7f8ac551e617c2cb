/*
 * Copyright (C) phigate authors
 *
 * Inline consent markers: a posting tool that cannot set a header puts
 * "[[consent:TOKEN]]" in the post text.  phigate reads the token and
 * removes the marker from the request before forwarding it, so that the
 * platform publishes the post without it and the body stays valid for
 * its content type.
 *
 * The rule for removal (R), on the decoded text of a field, left to
 * right: every marker is removed; then the character after it when that
 * is a space (U+0020), otherwise the character before it when that is a
 * space not already removed.  "a [[consent:T]] b" becomes "a b",
 * "a [[consent:T]]" becomes "a".
 */

#ifndef _PG_MARKER_H_INCLUDED_
#define _PG_MARKER_H_INCLUDED_


#include "pg_arena.h"
#include "pg_field.h"
#include "pg_consent.h"


#define PG_MARKER_OPEN   "[[consent:"
#define PG_MARKER_CLOSE  "]]"


typedef enum {
    PG_MARKER_NONE = 0,         /* no marker: nothing to do */
    PG_MARKER_FOUND,            /* one token (and it was removed) */
    PG_MARKER_CONFLICT,         /* "consent_marker_conflict": two or more
                                   distinct tokens */
    PG_MARKER_MALFORMED,        /* "consent_marker_malformed": "[[consent:"
                                   without a token and "]]" after it */
    PG_MARKER_UNREMOVABLE,      /* "consent_marker_unremovable": in a form
                                   the body cannot safely lose it (JSON
                                   part of a multipart body...) */
    PG_MARKER_ERROR             /* see pg_marker_t.status */
} pg_marker_rc_t;


typedef struct {
    char          token[PG_TOKEN_MAX + 1];   /* FOUND: NUL-terminated */
    size_t        token_len;
    /* what to forward: the input itself when unchanged */
    const char   *body;
    size_t        body_len;
    const char   *query;
    size_t        query_len;
    unsigned      body_changed:1;
    unsigned      query_changed:1;
    pg_status_t   status;        /* ERROR: PG_ERR_NOMEM, or why the input
                                    (or, never expected, the output) does
                                    not extract */
} pg_marker_t;


/* the stable name of a refusal; "" for NONE and FOUND */
const char *pg_marker_reason(pg_marker_rc_t rc);

/*
 * Looks for markers in the decoded text of fields (an inspection's).
 * NONE, FOUND with the token in out->token, CONFLICT or MALFORMED; the
 * body and query members of out are not touched.  Cheap: the module calls
 * it on every request with findings and calls pg_marker_strip() only on
 * FOUND.
 */
pg_marker_rc_t pg_marker_find(const pg_fields_t *fields, pg_marker_t *out);

/*
 * Removes every marker from a request's query string and body, which
 * are extracted as pg_inspect() does (ct is the Content-Type header
 * value, may be NULL).  Where the marker may be:
 *   JSON        inside any string, literally or with \uXXXX and \/
 *               escapes;
 *   form, query percent-encoded or literal, '+' or %20 for the space;
 *               also inside a JSON value of a form parameter;
 *   multipart   in a text or form part (and a file name), literally or,
 *               in a form part, encoded; never in a file's bytes, and not
 *               in a JSON part or in JSON in a text part (UNREMOVABLE);
 *   raw text    literally.
 * Only text is searched: a marker that is only in a JSON key or a
 * parameter name is no marker (NONE).
 * The result is proved, not assumed: the new query and body are
 * extracted again and must give the same fields, each with the text the
 * rule R gives; otherwise UNREMOVABLE and nothing is changed.  New bytes
 * come from the arena; the caller fixes Content-Length.
 */
pg_marker_rc_t pg_marker_strip(pg_arena_t *a, const char *ct, size_t ct_len,
    const char *body, size_t body_len, const char *query, size_t query_len,
    pg_marker_t *out);

/*
 * The rule R on one decoded text, into the arena; *out_len is its
 * length.  Text without a marker is returned as it is.  NULL when out of
 * memory.
 */
const char *pg_marker_strip_text(pg_arena_t *a, const char *text,
    size_t len, size_t *out_len);


#endif /* _PG_MARKER_H_INCLUDED_ */
