/*
 * Copyright (C) phigate authors
 *
 * Helpers shared by the extractors only; not part of the engine's API.
 */

#ifndef _PG_EXTRACT_INT_H_INCLUDED_
#define _PG_EXTRACT_INT_H_INCLUDED_


#include "pg_extract.h"


/* longest boundary RFC 2046 allows */
#define PG_BOUNDARY_MAX  70


/*
 * The media type of a Content-Type value, leading white space skipped;
 * *len is 0 when there is none.
 */
const char *pg_ct_media_type(const char *ct, size_t ct_len, size_t *len);

/*
 * Finds parameter name (case-insensitive) in a Content-Type or
 * Content-Disposition value.  Returns the value, quotes removed but
 * backslash escapes left in place, or NULL when absent; *dup is set when
 * the parameter appears more than once, which clients never do.
 */
const char *pg_ct_param(const char *ct, size_t ct_len, const char *name,
    size_t *vlen, int *dup);

/*
 * Whether a Content-Type announces a character encoding in which ASCII
 * text is not ASCII bytes (UTF-16, UTF-32): detectors could not read it.
 */
int pg_ct_wide_charset(const char *ct, size_t ct_len);

/*
 * A named form value (a form or query pair, decoded, or a multipart text
 * part): a JSON object or array yields its strings as "name.path" fields
 * without raw bytes, anything else (JSON that does not parse included)
 * is one field whose encoded bytes are raw_off and raw_len.  name is
 * NUL-terminated.
 */
pg_status_t pg_form_value(pg_arena_t *a, const char *name, size_t nlen,
    const char *v, size_t vlen, pg_source_t src, size_t raw_off,
    size_t raw_len, pg_fields_t *out);

/* whether out has reached its limit of fields */
int pg_fields_full(const pg_fields_t *out);

/*
 * Rewrites the fields from index "from" on, extracted from a slice that
 * starts at "base" in the caller's buffer: names get "prefix." in front,
 * known raw offsets are moved by base.
 */
pg_status_t pg_fields_rebase(pg_arena_t *a, pg_fields_t *out, size_t from,
    const char *prefix, size_t plen, size_t base);

/*
 * "prefix.name", or whichever of the two is not empty; the result is a
 * NUL-terminated arena string of *len bytes.
 */
char *pg_path_join(pg_arena_t *a, const char *prefix, size_t plen,
    const char *name, size_t nlen, size_t *len);


#endif /* _PG_EXTRACT_INT_H_INCLUDED_ */
