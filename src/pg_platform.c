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

#define PCRE2_CODE_UNIT_WIDTH  8
#include <pcre2.h>

#include "pg_platform_int.h"


static int pg_glob_any(const char *const *patterns, const char *name);
static int pg_dm_path(const pg_platform_t *p, const char *path, size_t len);
static int pg_dm_value(const pg_dm_field_t *d, const pg_field_t *f);
static int pg_path_starts(const char *s, size_t len, const char *prefix,
    size_t plen, int whole);
static int pg_path_ends(const char *s, size_t len, const char *suffix,
    size_t slen);
static int pg_hex(int c);
static int pg_lower(int c);
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
    return pg_glob_any(p->skip, name);
}


int
pg_platform_media_field(const pg_platform_t *p, const char *name)
{
    return pg_glob_any(p->media, name);
}


int
pg_platform_is_dm(const pg_platform_t *p, const char *path, size_t path_len,
    const pg_fields_t *fields)
{
    size_t                i;
    const pg_field_t     *f;
    const pg_dm_field_t  *d;

    if (path != NULL && pg_dm_path(p, path, path_len)) {
        return 1;
    }

    for (i = 0; fields != NULL && i < fields->n; i++) {
        f = &fields->items[i];

        /* a batch's item is a request of its own: its path says too */
        if (pg_glob_any(p->dm_path_fields, f->name)
            && pg_dm_path(p, f->text, f->len))
        {
            return 1;
        }

        for (d = p->dm_fields; d->name != NULL; d++) {
            if (strcmp(f->name, d->name) == 0 && pg_dm_value(d, f)) {
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


int
pg_path_glob_match(const char *pattern, const char *path, size_t len)
{
    size_t  i, plen;

    /* a batch item's relative_url has its query: it is not the path */
    for (i = 0; i < len; i++) {
        if (path[i] == '?' || path[i] == '#') {
            len = i;
            break;
        }
    }

    /* "/me/messages/" reaches "/me/messages" */
    while (len > 1 && path[len - 1] == '/') {
        len--;
    }

    plen = strlen(pattern);

    if (plen && pattern[0] == '*') {
        return pg_path_ends(path, len, pattern + 1, plen - 1);
    }

    if (plen && pattern[plen - 1] == '*') {
        return pg_path_starts(path, len, pattern, plen - 1, 0);
    }

    return pg_path_starts(path, len, pattern, plen, 1);
}


static int
pg_glob_any(const char *const *patterns, const char *name)
{
    size_t  len;

    len = strlen(name);

    for ( /* void */ ; *patterns != NULL; patterns++) {
        if (pg_glob_match(*patterns, name, len)) {
            return 1;
        }
    }

    return 0;
}


static int
pg_dm_path(const pg_platform_t *p, const char *path, size_t len)
{
    const char *const  *d;

    for (d = p->dm_paths; *d != NULL; d++) {
        if (pg_path_glob_match(*d, path, len)) {
            return 1;
        }
    }

    return 0;
}


static int
pg_dm_value(const pg_dm_field_t *d, const pg_field_t *f)
{
    int                rc;
    pcre2_match_data  *md;

    if (d->equals != NULL) {
        return strcasecmp(f->text, d->equals) == 0;
    }

    md = pcre2_match_data_create_from_pattern(d->match, NULL);
    if (md == NULL) {
        return 1;
    }

    rc = pcre2_match(d->match, (PCRE2_SPTR) f->text, f->len, 0, 0, md,
                     d->mctx);
    pcre2_match_data_free(md);

    /*
     * A pattern that gave up (its match limit) cannot say the request is
     * no DM: the stricter answer, as when memory ran out above.
     */
    return rc != PCRE2_ERROR_NOMATCH;
}


/*
 * Paths are compared as the platform reads them: %XX escapes decoded (a
 * client may write "me/%6Dessages"), ASCII case ignored.  The decoding
 * runs from either end, so no copy of the path is needed; from the end,
 * "%XX" in the last three bytes is always an escape, since a '%' is never
 * part of an earlier one.
 */
static int
pg_path_starts(const char *s, size_t len, const char *prefix, size_t plen,
    int whole)
{
    int     c;
    size_t  i, k;

    i = 0;

    for (k = 0; k < plen; k++) {
        if (i == len) {
            return 0;
        }

        if (s[i] == '%' && len - i >= 3 && pg_hex(s[i + 1]) >= 0
            && pg_hex(s[i + 2]) >= 0)
        {
            c = pg_hex(s[i + 1]) * 16 + pg_hex(s[i + 2]);
            i += 3;

        } else {
            c = (unsigned char) s[i++];
        }

        if (pg_lower(c) != pg_lower((unsigned char) prefix[k])) {
            return 0;
        }
    }

    return !whole || i == len;
}


static int
pg_path_ends(const char *s, size_t len, const char *suffix, size_t slen)
{
    int     c;
    size_t  e, k;

    e = len;

    for (k = slen; k > 0; k--) {
        if (e == 0) {
            return 0;
        }

        if (e >= 3 && s[e - 3] == '%' && pg_hex(s[e - 2]) >= 0
            && pg_hex(s[e - 1]) >= 0)
        {
            c = pg_hex(s[e - 2]) * 16 + pg_hex(s[e - 1]);
            e -= 3;

        } else {
            c = (unsigned char) s[--e];
        }

        if (pg_lower(c) != pg_lower((unsigned char) suffix[k - 1])) {
            return 0;
        }
    }

    return 1;
}


static int
pg_hex(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }

    c |= 0x20;

    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}


static int
pg_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c | 0x20 : c;
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
