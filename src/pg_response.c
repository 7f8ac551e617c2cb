/*
 * Copyright (C) phigate authors
 */


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <zlib.h>

#include "pg_response.h"


#define PG_INFLATE_MAX  (256 * 1024)


static json_t *pg_json_path(json_t *root, const char *path);
static unsigned char *pg_inflate(const char *in, size_t len, size_t *out_len);


/*
 * Platforms compress their answers when the client asked them to: gzip
 * and deflate are inflated (to PG_INFLATE_MAX at most) before the id is
 * looked for; other encodings give no id.
 */
int
pg_response_post_id_encoded(const pg_platform_t *platform,
    const char *encoding,
    const char *body, size_t len, char *out)
{
    int             rc;
    size_t          n;
    unsigned char  *plain;

    if (encoding == NULL || encoding[0] == '\0'
        || strcmp(encoding, "identity") == 0)
    {
        return pg_response_post_id(platform, body, len, out);
    }

    out[0] = '\0';

    if (strcmp(encoding, "gzip") != 0 && strcmp(encoding, "deflate") != 0) {
        return 0;
    }

    plain = pg_inflate(body, len, &n);
    if (plain == NULL) {
        return 0;
    }

    rc = pg_response_post_id(platform, (const char *) plain, n, out);

    free(plain);

    return rc;
}


int
pg_response_post_id(const pg_platform_t *platform, const char *body,
    size_t len, char *out)
{
    size_t              n;
    json_t             *root, *v;
    const char         *s;
    const char *const  *path;

    out[0] = '\0';

    if (body == NULL || len == 0) {
        return 0;
    }

    if (platform == NULL) {
        platform = pg_platforms_generic(pg_platforms_default());
    }

    root = json_loadb(body, len, JSON_DISABLE_EOF_CHECK, NULL);
    if (root == NULL) {
        return 0;
    }

    /* the profile's paths, tried in order; "a.b" descends */
    for (path = platform->post_id; *path != NULL; path++) {
        v = pg_json_path(root, *path);

        if (json_is_integer(v)) {
            n = (size_t) snprintf(out, PG_POST_ID_MAX + 1, "%lld",
                                  (long long) json_integer_value(v));
            json_decref(root);
            return n > 0;
        }

        if (!json_is_string(v)) {
            continue;
        }

        s = json_string_value(v);
        n = json_string_length(v);

        if (pg_response_id_valid(s, n)) {
            memcpy(out, s, n);
            out[n] = '\0';
            json_decref(root);
            return 1;
        }
    }

    json_decref(root);

    return 0;
}


int
pg_response_id_valid(const char *s, size_t len)
{
    size_t  i;

    if (len == 0 || len > PG_POST_ID_MAX) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
              || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == ':'
              || s[i] == '.' || s[i] == '-'))
        {
            return 0;
        }
    }

    return 1;
}


static json_t *
pg_json_path(json_t *root, const char *path)
{
    char         key[64];
    size_t       n;
    json_t      *v;
    const char  *dot;

    v = root;

    while (v != NULL && *path) {
        dot = strchr(path, '.');
        n = dot ? (size_t) (dot - path) : strlen(path);

        if (n >= sizeof(key) || !json_is_object(v)) {
            return NULL;
        }

        memcpy(key, path, n);
        key[n] = '\0';

        v = json_object_get(v, key);
        path += n + (dot ? 1 : 0);
    }

    return v;
}


static unsigned char *
pg_inflate(const char *in, size_t len, size_t *out_len)
{
    int             rc;
    z_stream        zs;
    unsigned char  *out;

    out = malloc(PG_INFLATE_MAX);
    if (out == NULL) {
        return NULL;
    }

    memset(&zs, 0, sizeof(zs));

    /* 32 + 15: a gzip or a zlib header, detected */
    if (inflateInit2(&zs, 32 + 15) != Z_OK) {
        free(out);
        return NULL;
    }

    zs.next_in = (unsigned char *) in;
    zs.avail_in = (uInt) len;
    zs.next_out = out;
    zs.avail_out = PG_INFLATE_MAX;

    rc = inflate(&zs, Z_FINISH);

    *out_len = PG_INFLATE_MAX - zs.avail_out;

    inflateEnd(&zs);

    if (rc != Z_STREAM_END && rc != Z_BUF_ERROR && rc != Z_OK) {
        free(out);
        return NULL;
    }

    return out;
}
