/*
 * Copyright (C) phigate authors
 *
 * Matching a request to a profile of a set, and reading the profile.  The
 * profiles themselves are data: conf/platforms.json, parsed by
 * pg_platform_load.c.
 */


#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pg_platform_int.h"


static int pg_host_match(const char *pattern, const char *host, size_t len);
static int pg_path_prefix(const char *prefix, const char *path, size_t len);


const pg_platforms_t *
pg_platforms_default(void)
{
    char                   err[128];
    static pg_platforms_t  *set;

    if (set == NULL) {
        set = pg_platforms_parse(pg_platforms_json, pg_platforms_json_len,
                                 err, sizeof(err));

        /* a unit test parses the same bytes: this cannot fail in a build */
        if (set == NULL) {
            abort();
        }
    }

    return set;
}


size_t
pg_platforms_count(const pg_platforms_t *set)
{
    return set->n;
}


const pg_platform_t *
pg_platforms_at(const pg_platforms_t *set, size_t i)
{
    return i < set->n ? &set->items[i] : NULL;
}


const pg_platform_t *
pg_platforms_generic(const pg_platforms_t *set)
{
    return &set->generic;
}


const pg_platform_t *
pg_platforms_find(const pg_platforms_t *set, const char *name)
{
    size_t  i;

    for (i = 0; i < set->n; i++) {
        if (strcmp(set->items[i].name, name) == 0) {
            return &set->items[i];
        }
    }

    return strcmp(name, "generic") == 0 ? &set->generic : NULL;
}


const pg_platform_t *
pg_platform_match(const char *host, size_t host_len, const char *path,
    size_t path_len)
{
    return pg_platforms_match(NULL, host, host_len, path, path_len);
}


const pg_platform_t *
pg_platforms_match(const pg_platforms_t *set, const char *host,
    size_t host_len, const char *path, size_t path_len)
{
    size_t                i;
    const char           *colon;
    const char *const    *h;
    const pg_platform_t  *p;

    if (set == NULL) {
        set = pg_platforms_default();
    }

    /* "graph.facebook.com:443" and "graph.facebook.com." name one host */
    if (host != NULL) {
        colon = memchr(host, ':', host_len);
        if (colon != NULL) {
            host_len = colon - host;
        }

        if (host_len && host[host_len - 1] == '.') {
            host_len--;
        }
    }

    for (i = 0; i < set->n; i++) {
        p = &set->items[i];

        for (h = p->hosts; host != NULL && *h != NULL; h++) {
            if (pg_host_match(*h, host, host_len)) {
                return p;
            }
        }

        for (h = p->paths; path != NULL && *h != NULL; h++) {
            if (pg_path_prefix(*h, path, path_len)) {
                return p;
            }
        }
    }

    return &set->generic;
}


int
pg_platform_skip_field(const pg_platform_t *p, const char *name)
{
    size_t              len;
    const char *const  *s;

    len = strlen(name);

    for (s = p->skip; *s != NULL; s++) {
        if (pg_glob_match(*s, name, len)) {
            return 1;
        }
    }

    return 0;
}


int
pg_platform_is_dm(const pg_platform_t *p, const char *path, size_t path_len,
    const pg_fields_t *fields)
{
    size_t              i;
    const char *const  *d;

    for (d = p->dm_paths; path != NULL && *d != NULL; d++) {
        if (pg_glob_match(*d, path, path_len)) {
            return 1;
        }
    }

    if (fields == NULL) {
        return 0;
    }

    for (d = p->dm_fields; d[0] != NULL && d[1] != NULL; d += 2) {
        for (i = 0; i < fields->n; i++) {
            if (strcmp(fields->items[i].name, d[0]) == 0
                && strcasecmp(fields->items[i].text, d[1]) == 0)
            {
                return 1;
            }
        }
    }

    return 0;
}


int
pg_glob_match(const char *pattern, const char *s, size_t len)
{
    size_t  plen;

    plen = strlen(pattern);

    if (plen && pattern[0] == '*') {
        plen--;
        return len >= plen && memcmp(s + len - plen, pattern + 1, plen) == 0;
    }

    if (plen && pattern[plen - 1] == '*') {
        plen--;
        return len >= plen && memcmp(s, pattern, plen) == 0;
    }

    return len == plen && memcmp(s, pattern, plen) == 0;
}


static int
pg_host_match(const char *pattern, const char *host, size_t len)
{
    size_t  plen;

    plen = strlen(pattern);

    if (pattern[0] == '.') {
        /* ".tiktokapis.com" matches "open.tiktokapis.com" */
        return len > plen
               && strncasecmp(host + len - plen, pattern, plen) == 0;
    }

    return len == plen && strncasecmp(host, pattern, plen) == 0;
}


static int
pg_path_prefix(const char *prefix, const char *path, size_t len)
{
    size_t  plen;

    plen = strlen(prefix);

    /* "/api/v1/statuses" and "/api/v1/statuses/1/..." but not "...es2" */
    return len >= plen && memcmp(path, prefix, plen) == 0
           && (len == plen || path[plen] == '/' || path[plen] == '?');
}
