/*
 * Copyright (C) phigate authors
 *
 * Platform profiles: which platform a request goes to (from its Host and
 * path), which fields are identifiers rather than text (page ids, tokens),
 * and which requests are direct messages.  The generic profile reads every
 * field.  Profiles are data: conf/platforms.json is compiled in as the
 * default set (src/pg_platform_data.c, made by scripts/gen-platforms.sh)
 * and an operator may load another file (phigate_platforms), so a new
 * platform or a changed API is a config edit.  docs/platforms.md.
 */

#ifndef _PG_PLATFORM_H_INCLUDED_
#define _PG_PLATFORM_H_INCLUDED_


#include <stddef.h>

#include "pg_field.h"


/*
 * A body field that marks a direct message: the field named so whose value
 * equals a string (case-insensitive) or matches a PCRE2 pattern.
 */
typedef struct {
    const char          *name;       /* NULL ends the list */
    const char          *equals;     /* NULL when match is set */
    void                *match;      /* pcre2_code, owned by the set */
    void                *mctx;       /* its pcre2_match_context (limits) */
} pg_dm_field_t;


/* every list is NULL-terminated and never NULL itself */
typedef struct {
    const char          *name;
    const char *const   *hosts;      /* "host" exact, ".suffix" for any sub */
    const char *const   *paths;      /* path prefixes that identify the
                                        platform on any host (Mastodon) */
    const char *const   *dm_paths;   /* "prefix*" or "*suffix" or exact */
    const char *const   *skip;       /* field names that are identifiers:
                                        exact, "prefix*" or "*suffix" */
    const pg_dm_field_t *dm_fields;  /* body fields that mark a DM */
    const char *const   *dm_path_fields; /* fields whose value is a request
                                        path (Graph batch relative_url):
                                        a DM when dm_paths match it */
    const char *const   *post_id;    /* where the platform's JSON answer
                                        names the created object: "a.b" */
    const char *const   *media;      /* fields that publish an image or a
                                        video (image_url, media_ids[]) */
} pg_platform_t;


typedef struct pg_platforms_s  pg_platforms_t;


#define PG_PLATFORM_NAME_MAX  31


/*
 * Parses a profile set in conf/platforms.json's format.  On error returns
 * NULL with a message in err ("line 12: ...", "platforms[3] (x): hosts:
 * ..."); the message never quotes more than names from the file.
 */
pg_platforms_t *pg_platforms_parse(const char *json, size_t len, char *err,
    size_t err_size);
void pg_platforms_free(pg_platforms_t *set);

/* the compiled-in set, parsed on first use; never NULL */
const pg_platforms_t *pg_platforms_default(void);

/* the set's profiles in file order, then its generic profile */
size_t pg_platforms_count(const pg_platforms_t *set);
const pg_platform_t *pg_platforms_at(const pg_platforms_t *set, size_t i);
const pg_platform_t *pg_platforms_generic(const pg_platforms_t *set);
/* a profile by name, "generic" included; NULL when the set has none */
const pg_platform_t *pg_platforms_find(const pg_platforms_t *set,
    const char *name);

/*
 * Never NULL: the generic profile when nothing else matches.  A NULL set
 * is the default set.
 */
const pg_platform_t *pg_platforms_match(const pg_platforms_t *set,
    const char *host, size_t host_len, const char *path, size_t path_len);
const pg_platform_t *pg_platform_match(const char *host, size_t host_len,
    const char *path, size_t path_len);

/* 1 when the field is an identifier this platform defines (not text) */
int pg_platform_skip_field(const pg_platform_t *p, const char *name);

/* 1 when the field publishes an image or a video on this platform */
int pg_platform_media_field(const pg_platform_t *p, const char *name);

/*
 * 1 when the request is a direct message: by its path, by the path of a
 * request it carries (a batch), or by a body field.  dm_paths are matched
 * against the path with %XX escapes decoded, case-insensitively, without
 * its query and trailing slashes: "/v20.0/me/Messages/" is a DM too.
 */
int pg_platform_is_dm(const pg_platform_t *p, const char *path,
    size_t path_len, const pg_fields_t *fields);

/* shell-style match of a name against "x", "x*" or "*x" */
int pg_glob_match(const char *pattern, const char *s, size_t len);

/* the same for a URL path, as pg_platform_is_dm() compares them */
int pg_path_glob_match(const char *pattern, const char *path, size_t len);


#endif /* _PG_PLATFORM_H_INCLUDED_ */
