/*
 * Copyright (C) phigate authors
 *
 * Platform profiles: which platform a request goes to (from its Host and
 * path), which fields are identifiers rather than text (page ids, tokens),
 * and which requests are direct messages.  The generic profile reads every
 * field.  Profiles are a built-in table for now; the detection issue moves
 * them to data in conf/ so an API change is a config edit.
 */

#ifndef _PG_PLATFORM_H_INCLUDED_
#define _PG_PLATFORM_H_INCLUDED_


#include <stddef.h>

#include "pg_field.h"


typedef struct {
    const char          *name;
    const char *const   *hosts;      /* "host" exact, ".suffix" for any sub */
    const char *const   *paths;      /* path prefixes that identify the
                                        platform on any host (Mastodon) */
    const char *const   *dm_paths;   /* "prefix*" or "*suffix" or exact */
    const char *const   *skip;       /* field names that are identifiers:
                                        exact, "prefix*" or "*suffix" */
    const char          *dm_field;   /* a field whose value ... */
    const char          *dm_value;   /* ... equal to this marks a DM */
} pg_platform_t;


/* never NULL: the generic profile when nothing else matches */
const pg_platform_t *pg_platform_match(const char *host, size_t host_len,
    const char *path, size_t path_len);

/* 1 when the field is an identifier this platform defines (not text) */
int pg_platform_skip_field(const pg_platform_t *p, const char *name);

/* 1 when the request is a direct message by path or by body fields */
int pg_platform_is_dm(const pg_platform_t *p, const char *path,
    size_t path_len, const pg_fields_t *fields);

/* shell-style match of a name against "x", "x*" or "*x" */
int pg_glob_match(const char *pattern, const char *s, size_t len);


#endif /* _PG_PLATFORM_H_INCLUDED_ */
