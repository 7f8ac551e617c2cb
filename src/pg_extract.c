/*
 * Copyright (C) phigate authors
 */


#include <string.h>
#include <strings.h>

#include "pg_extract_int.h"


static int pg_mt_is(const char *mt, size_t len, const char *s);
static int pg_mt_has_prefix(const char *mt, size_t len, const char *s);


pg_body_kind_t
pg_body_kind(const char *ct, size_t ct_len, const char **boundary,
    size_t *blen)
{
    int          dup;
    size_t       len, vlen;
    const char  *mt, *v;

    if (boundary != NULL) {
        *boundary = NULL;
    }

    if (blen != NULL) {
        *blen = 0;
    }

    mt = pg_ct_media_type(ct, ct_len, &len);

    if (len == 0) {
        return PG_BODY_RAW;
    }

    if (pg_mt_is(mt, len, "application/json")
        || pg_mt_is(mt, len, "text/json")
        || (len > 5 && strncasecmp(mt + len - 5, "+json", 5) == 0
            && memchr(mt, '/', len) != NULL))
    {
        return PG_BODY_JSON;
    }

    if (pg_mt_is(mt, len, "application/x-www-form-urlencoded")) {
        return PG_BODY_FORM;
    }

    if (pg_mt_is(mt, len, "multipart/form-data")
        || pg_mt_is(mt, len, "multipart/mixed")
        || pg_mt_is(mt, len, "multipart/related"))
    {
        v = pg_ct_param(ct, ct_len, "boundary", &vlen, &dup);

        /*
         * Two boundaries would let the gateway and the platform split the
         * body differently: report none, the extractor then refuses it.
         */
        if (v != NULL && !dup) {
            if (boundary != NULL) {
                *boundary = v;
            }

            if (blen != NULL) {
                *blen = vlen;
            }
        }

        return PG_BODY_MULTIPART;
    }

    if (pg_mt_has_prefix(mt, len, "image/")
        || pg_mt_has_prefix(mt, len, "video/")
        || pg_mt_has_prefix(mt, len, "audio/")
        || pg_mt_is(mt, len, "application/octet-stream"))
    {
        return PG_BODY_MEDIA;
    }

    return PG_BODY_RAW;
}


pg_status_t
pg_extract_raw(pg_arena_t *a, const char *buf, size_t len, pg_source_t src,
    pg_fields_t *out)
{
    return pg_fields_add(out, a, "body", 4, buf, len, src, 0, len);
}


pg_status_t
pg_extract_body(pg_arena_t *a, const char *ct, size_t ct_len,
    const char *buf, size_t len, pg_fields_t *out)
{
    size_t          blen;
    const char     *boundary;
    pg_body_kind_t  kind;

    kind = pg_body_kind(ct, ct_len, &boundary, &blen);

    if (len == 0 || kind == PG_BODY_MEDIA) {
        return PG_OK;
    }

    if (kind != PG_BODY_MULTIPART && pg_ct_wide_charset(ct, ct_len)) {
        return PG_ERR_ENCODING;
    }

    switch (kind) {

    case PG_BODY_JSON:
        return pg_extract_json(a, buf, len, PG_SRC_BODY, NULL, out);

    case PG_BODY_FORM:
        return pg_extract_form(a, buf, len, PG_SRC_BODY, out);

    case PG_BODY_MULTIPART:
        return pg_extract_multipart(a, buf, len, boundary, blen, out);

    default:
        return pg_extract_raw(a, buf, len, PG_SRC_BODY, out);
    }
}


static int
pg_mt_is(const char *mt, size_t len, const char *s)
{
    return len == strlen(s) && strncasecmp(mt, s, len) == 0;
}


static int
pg_mt_has_prefix(const char *mt, size_t len, const char *s)
{
    size_t  n;

    n = strlen(s);

    return len > n && strncasecmp(mt, s, n) == 0;
}
