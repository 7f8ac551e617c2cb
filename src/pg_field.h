/*
 * Copyright (C) phigate authors
 *
 * A field is one piece of user-visible text found in a request: a JSON
 * string value, a form or query parameter, a multipart part, or the raw
 * body.  Extractors produce fields; detectors read them.
 */

#ifndef _PG_FIELD_H_INCLUDED_
#define _PG_FIELD_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>

#include "pg_arena.h"
#include "pg_status.h"


typedef enum {
    PG_SRC_QUERY = 0,
    PG_SRC_BODY
} pg_source_t;


typedef struct {
    /*
     * Stable path of the field, NUL-terminated: "message", "reply.text",
     * "poll.options[]" (array indices are dropped so counts group well),
     * "media#filename" (a multipart part's file name), "body" (raw text).
     * Paths are names chosen by the client, never values.
     */
    const char    *name;
    /* decoded value (escapes, percent-encoding undone), NUL-terminated */
    const char    *text;
    size_t         len;
    pg_source_t    source;
    /*
     * Where the value's encoded bytes start in the source (body or query
     * string) and how long they are; 0/0 when not known (nested values).
     */
    size_t         raw_off;
    size_t         raw_len;
} pg_field_t;


typedef struct {
    pg_field_t    *items;
    size_t         n;
    size_t         cap;
    size_t         max;        /* most fields accepted; 0: PG_FIELDS_MAX */
} pg_fields_t;


/*
 * The suffix of an empty field that stands for an upload's binary part
 * ("photo#media"): no text, reported as a MEDIA finding.
 */
#define PG_FIELD_MEDIA  "#media"

#define PG_FIELDS_MAX  10000
#define PG_DEPTH_MAX   64


/*
 * Appends a field; name and text are copied into the arena.  Returns
 * PG_OK, PG_ERR_NOMEM or PG_ERR_TOO_COMPLEX (more than max fields).
 */
pg_status_t pg_fields_add(pg_fields_t *f, pg_arena_t *a, const char *name,
    size_t name_len, const char *text, size_t len, pg_source_t source,
    size_t raw_off, size_t raw_len);


#endif /* _PG_FIELD_H_INCLUDED_ */
