/*
 * Copyright (C) phigate authors
 */


#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "pg_approval.h"
#include "pg_marker.h"
#include "pg_text.h"


static size_t pg_ap_space(const unsigned char *p, size_t len);
static pg_status_t pg_ap_append(pg_arena_t *a, char **buf, size_t *cap,
    size_t *n, const char *text, size_t len);
static int pg_ap_hex(char c);
static int pg_ap_is_name(const char *s, size_t len, const char *name);


pg_status_t
pg_approval_text(pg_arena_t *a, const pg_fields_t *f, const pg_platform_t *p,
    char **text, size_t *len)
{
    char              *buf;
    size_t             i, cap, n, tlen;
    const char        *t;
    pg_status_t        st;
    const pg_field_t  *fd;

    cap = 0;
    n = 0;
    buf = NULL;

    for (i = 0; i < f->n; i++) {
        fd = &f->items[i];

        if (p != NULL && pg_platform_skip_field(p, fd->name)) {
            continue;
        }

        t = pg_marker_strip_text(a, fd->text, fd->len, &tlen);
        if (t == NULL) {
            return PG_ERR_NOMEM;
        }

        st = pg_ap_append(a, &buf, &cap, &n, t, tlen);
        if (st != PG_OK) {
            return st;
        }
    }

    if (buf == NULL) {
        buf = pg_arena_alloc(a, 1);
        if (buf == NULL) {
            return PG_ERR_NOMEM;
        }
    }

    buf[n] = '\0';
    *text = buf;
    *len = n;

    return PG_OK;
}


/*
 * Appends one field's text, NFC and collapsed, preceded by "\n" when
 * something came before; an empty result appends nothing.
 */
static pg_status_t
pg_ap_append(pg_arena_t *a, char **buf, size_t *cap, size_t *n,
    const char *text, size_t len)
{
    char               *nb;
    size_t              i, k, need, start;
    utf8proc_uint8_t   *nfc;
    utf8proc_ssize_t    r;
    const char         *s;
    int                 pending;

    nfc = NULL;
    s = text;

    if (len) {
        r = utf8proc_map((const utf8proc_uint8_t *) text,
                         (utf8proc_ssize_t) len, &nfc,
                         UTF8PROC_STABLE | UTF8PROC_COMPOSE);

        if (r >= 0) {
            s = (const char *) nfc;
            len = (size_t) r;

        } else if (r == UTF8PROC_ERROR_NOMEM) {
            return PG_ERR_NOMEM;

        } else {
            /* not UTF-8: taken as it is, as documented */
            nfc = NULL;
        }
    }

    /* NFC may lengthen a text (rarely); the collapsed text is no longer */
    need = *n + 1 + len + 1;

    if (need > *cap) {
        k = *cap ? *cap : 256;

        while (k < need) {
            k *= 2;
        }

        nb = pg_arena_alloc(a, k);
        if (nb == NULL) {
            free(nfc);
            return PG_ERR_NOMEM;
        }

        if (*n) {
            memcpy(nb, *buf, *n);
        }

        *buf = nb;
        *cap = k;
    }

    start = *n;

    if (start) {
        (*buf)[(*n)++] = '\n';
    }

    pending = 0;
    i = 0;

    while (i < len) {
        k = pg_ap_space((const unsigned char *) s + i, len - i);

        if (k) {
            pending = 1;
            i += k;
            continue;
        }

        /* one space for the run, unless at the start of the text */
        if (pending && *n > start + (start ? 1 : 0)) {
            (*buf)[(*n)++] = ' ';
        }

        pending = 0;
        (*buf)[(*n)++] = s[i++];
    }

    free(nfc);

    /* all white space: drop it and its separator */
    if (*n == start + (start ? 1 : 0)) {
        *n = start;
    }

    return PG_OK;
}


/* the length of the white space character at p, 0 when it is not one */
static size_t
pg_ap_space(const unsigned char *p, size_t len)
{
    if (pg_isspace(p[0])) {
        return 1;
    }

    if (len >= 2 && p[0] == 0xc2 && (p[1] == 0x85 || p[1] == 0xa0)) {
        return 2;
    }

    if (len < 3) {
        return 0;
    }

    if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80) {
        return 3;                                   /* U+1680 */
    }

    if (p[0] == 0xe2 && p[1] == 0x80
        && (p[2] <= 0x8a || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf)
        && p[2] >= 0x80)
    {
        return 3;                   /* U+2000-200A, 2028, 2029, 202F */
    }

    if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f) {
        return 3;                                   /* U+205F */
    }

    if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
        return 3;                                   /* U+3000 */
    }

    return 0;
}


pg_status_t
pg_approval_hash(pg_arena_t *a, const pg_fields_t *f, const pg_platform_t *p,
    char *hex)
{
    char         *text;
    size_t        len;
    pg_status_t   st;

    st = pg_approval_text(a, f, p, &text, &len);
    if (st != PG_OK) {
        return st;
    }

    return pg_sha256_hex(text, len, hex) == 0 ? PG_OK : PG_ERR_NOMEM;
}


pg_status_t
pg_approval_hash_text(pg_arena_t *a, const char *text, size_t len,
    char *hex)
{
    pg_field_t   one;
    pg_fields_t  f;

    one.name = "text";
    one.text = text;
    one.len = len;
    one.source = PG_SRC_BODY;
    one.raw_off = 0;
    one.raw_len = 0;

    f.items = &one;
    f.n = 1;
    f.cap = 1;
    f.max = 0;

    return pg_approval_hash(a, &f, NULL, hex);
}


size_t
pg_approval_key(const char *hex, char *buf, size_t size)
{
    size_t  i, plen;

    plen = sizeof(PG_APPROVED_KEY_PREFIX) - 1;

    if (hex == NULL || size < PG_APPROVED_KEY_LEN + 1) {
        return 0;
    }

    for (i = 0; i < PG_SHA256_HEX; i++) {
        if (!pg_isdigit(hex[i]) && !(hex[i] >= 'a' && hex[i] <= 'f')) {
            return 0;
        }
    }

    if (hex[PG_SHA256_HEX] != '\0') {
        return 0;
    }

    memcpy(buf, PG_APPROVED_KEY_PREFIX, plen);
    memcpy(buf + plen, hex, PG_SHA256_HEX + 1);

    return PG_APPROVED_KEY_LEN;
}


int
pg_credential_from_authorization(pg_arena_t *a, const char *v, size_t len,
    const char **cred, size_t *clen, const char **kind)
{
    int          hi, lo;
    char        *d;
    size_t       i, n, nlen, vlen;
    const char  *p, *end, *name, *val;

    if (v == NULL) {
        return 0;
    }

    while (len && (v[0] == ' ' || v[0] == '\t')) {
        v++;
        len--;
    }

    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t')) {
        len--;
    }

    if (len > 7 && strncasecmp(v, "bearer", 6) == 0
        && (v[6] == ' ' || v[6] == '\t'))
    {
        for (i = 7; i < len && (v[i] == ' ' || v[i] == '\t'); i++) {
            /* void */
        }

        if (i == len) {
            return 0;
        }

        *cred = v + i;
        *clen = len - i;

        if (kind != NULL) {
            *kind = "bearer";
        }

        return 1;
    }

    if (len <= 6 || strncasecmp(v, "oauth", 5) != 0
        || (v[5] != ' ' && v[5] != '\t'))
    {
        return 0;
    }

    /* OAuth k="v", k="v" (RFC 5849 3.5.1): values are percent-encoded */
    p = v + 6;
    end = v + len;

    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == ',')) {
            p++;
        }

        name = p;

        while (p < end && *p != '=' && *p != ',') {
            p++;
        }

        nlen = p - name;

        while (nlen && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t')) {
            nlen--;
        }

        if (p == end || *p != '=') {
            continue;
        }

        p++;

        while (p < end && (*p == ' ' || *p == '\t')) {
            p++;
        }

        if (p < end && *p == '"') {
            val = ++p;

            while (p < end && *p != '"') {
                p++;
            }

            vlen = p - val;

            if (p < end) {
                p++;
            }

        } else {
            val = p;

            while (p < end && *p != ',' && *p != ' ' && *p != '\t') {
                p++;
            }

            vlen = p - val;
        }

        if (!pg_ap_is_name(name, nlen, "oauth_token") || vlen == 0) {
            continue;
        }

        d = pg_arena_alloc(a, vlen + 1);
        if (d == NULL) {
            return -1;
        }

        n = 0;

        for (i = 0; i < vlen; i++) {
            if (val[i] == '%' && vlen - i > 2) {
                hi = pg_ap_hex(val[i + 1]);
                lo = pg_ap_hex(val[i + 2]);

                if (hi >= 0 && lo >= 0) {
                    d[n++] = (char) (hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }

            d[n++] = val[i];
        }

        d[n] = '\0';
        *cred = d;
        *clen = n;

        if (kind != NULL) {
            *kind = "oauth_token";
        }

        return 1;
    }

    return 0;
}


int
pg_credential_from_field(const pg_field_t *f, const char **cred,
    size_t *clen, const char **kind)
{
    if (f->len == 0
        || (strcmp(f->name, "access_token") != 0
            && strcmp(f->name, "oauth_token") != 0))
    {
        return 0;
    }

    *cred = f->text;
    *clen = f->len;

    if (kind != NULL) {
        *kind = f->name[0] == 'a' ? "access_token" : "oauth_token";
    }

    return 1;
}


int
pg_credential_hash(const char *cred, size_t len, char *hex)
{
    return pg_sha256_hex(cred, len, hex);
}


int
pg_credentials(pg_arena_t *a, const char *authz, size_t alen,
    const pg_fields_t *f, pg_credential_t *out, size_t max)
{
    int           rc;
    size_t        i, j, n, clen;
    const char   *cred, *kind;

    n = 0;

    rc = pg_credential_from_authorization(a, authz, alen, &cred, &clen,
                                          &kind);
    if (rc < 0) {
        return -1;
    }

    if (rc == 1 && n < max) {
        if (pg_credential_hash(cred, clen, out[n].sha256) != 0) {
            return -1;
        }

        out[n++].kind = kind;
    }

    for (i = 0; f != NULL && i < f->n && n < max; i++) {
        if (!pg_credential_from_field(&f->items[i], &cred, &clen, &kind)) {
            continue;
        }

        if (pg_credential_hash(cred, clen, out[n].sha256) != 0) {
            return -1;
        }

        for (j = 0; j < n; j++) {
            if (strcmp(out[j].sha256, out[n].sha256) == 0) {
                break;
            }
        }

        if (j == n) {
            out[n++].kind = kind;
        }
    }

    return (int) n;
}


static int
pg_ap_hex(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }

    c |= 0x20;

    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }

    return -1;
}


static int
pg_ap_is_name(const char *s, size_t len, const char *name)
{
    return len == strlen(name) && memcmp(s, name, len) == 0;
}
