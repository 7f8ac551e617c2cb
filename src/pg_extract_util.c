/*
 * Copyright (C) phigate authors
 */


#include <string.h>
#include <strings.h>

#include "pg_extract_int.h"


#define pg_is_ows(c)  ((c) == ' ' || (c) == '\t')


static int pg_prefix_case(const char *s, size_t len, const char *p);


const char *
pg_ct_media_type(const char *ct, size_t ct_len, size_t *len)
{
    size_t  i, n;

    *len = 0;

    if (ct == NULL) {
        return NULL;
    }

    for (i = 0; i < ct_len && pg_is_ows(ct[i]); i++) {
        /* void */
    }

    for (n = i; n < ct_len && ct[n] != ';' && !pg_is_ows(ct[n]); n++) {
        /* void */
    }

    *len = n - i;

    return ct + i;
}


const char *
pg_ct_param(const char *ct, size_t ct_len, const char *name, size_t *vlen,
    int *dup)
{
    size_t       nlen, len, want;
    const char  *p, *end, *n, *v, *found;

    *vlen = 0;
    *dup = 0;

    if (ct == NULL) {
        return NULL;
    }

    want = strlen(name);
    found = NULL;
    p = ct;
    end = ct + ct_len;

    /* a parameter starts after a ';' that is not inside a quoted value */
    p = memchr(p, ';', ct_len);

    while (p != NULL && p < end) {
        p++;

        while (p < end && pg_is_ows(*p)) {
            p++;
        }

        n = p;

        while (p < end && *p != '=' && *p != ';' && !pg_is_ows(*p)) {
            p++;
        }

        nlen = p - n;

        while (p < end && pg_is_ows(*p)) {
            p++;
        }

        v = NULL;
        len = 0;

        if (p < end && *p == '=') {
            p++;

            while (p < end && pg_is_ows(*p)) {
                p++;
            }

            if (p < end && *p == '"') {
                v = ++p;

                while (p < end && *p != '"') {
                    p += (*p == '\\' && p + 1 < end) ? 2 : 1;
                }

                len = p - v;

                if (p < end) {
                    p++;
                }

            } else {
                v = p;

                while (p < end && *p != ';' && !pg_is_ows(*p)) {
                    p++;
                }

                len = p - v;
            }
        }

        if (nlen == want && strncasecmp(n, name, want) == 0 && v != NULL) {
            if (found != NULL) {
                *dup = 1;

            } else {
                found = v;
                *vlen = len;
            }
        }

        while (p < end && *p != ';') {
            p++;
        }
    }

    return found;
}


int
pg_ct_wide_charset(const char *ct, size_t ct_len)
{
    int          dup;
    size_t       len;
    const char  *cs;

    cs = pg_ct_param(ct, ct_len, "charset", &len, &dup);
    if (cs == NULL) {
        return 0;
    }

    return pg_prefix_case(cs, len, "utf-16") || pg_prefix_case(cs, len, "utf16")
           || pg_prefix_case(cs, len, "utf-32")
           || pg_prefix_case(cs, len, "utf32")
           || pg_prefix_case(cs, len, "ucs-")
           || pg_prefix_case(cs, len, "ucs2")
           || pg_prefix_case(cs, len, "ucs4")
           || pg_prefix_case(cs, len, "unicode");
}


int
pg_fields_full(const pg_fields_t *out)
{
    return out->n >= (out->max ? out->max : PG_FIELDS_MAX);
}


pg_status_t
pg_fields_rebase(pg_arena_t *a, pg_fields_t *out, size_t from,
    const char *prefix, size_t plen, size_t base)
{
    char        *name;
    size_t       i, len;
    pg_field_t  *f;

    for (i = from; i < out->n; i++) {
        f = &out->items[i];

        if (plen) {
            name = pg_path_join(a, prefix, plen, f->name, strlen(f->name),
                                &len);
            if (name == NULL) {
                return PG_ERR_NOMEM;
            }

            f->name = name;
        }

        if (f->raw_off || f->raw_len) {
            f->raw_off += base;
        }
    }

    return PG_OK;
}


char *
pg_path_join(pg_arena_t *a, const char *prefix, size_t plen,
    const char *name, size_t nlen, size_t *len)
{
    char  *p;

    if (plen == 0 || nlen == 0) {
        *len = plen + nlen;
        return plen ? pg_arena_strndup(a, prefix, plen)
                    : pg_arena_strndup(a, name, nlen);
    }

    *len = plen + 1 + nlen;

    p = pg_arena_alloc(a, *len + 1);
    if (p == NULL) {
        return NULL;
    }

    memcpy(p, prefix, plen);
    p[plen] = '.';
    memcpy(p + plen + 1, name, nlen);
    p[*len] = '\0';

    return p;
}


static int
pg_prefix_case(const char *s, size_t len, const char *p)
{
    size_t  n;

    n = strlen(p);

    return len >= n && strncasecmp(s, p, n) == 0;
}
