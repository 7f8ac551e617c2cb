/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_extract_int.h"


static char *pg_form_decode(pg_arena_t *a, const char *s, size_t len,
    size_t *dlen);
static int pg_form_hex(char c);
static pg_status_t pg_form_pair(pg_arena_t *a, const char *buf,
    const char *p, const char *end, pg_source_t src, pg_fields_t *out);


pg_status_t
pg_extract_form(pg_arena_t *a, const char *buf, size_t len, pg_source_t src,
    pg_fields_t *out)
{
    const char   *p, *end, *amp;
    pg_status_t   st;

    p = buf;
    end = buf + len;

    while (p < end) {
        amp = memchr(p, '&', end - p);
        if (amp == NULL) {
            amp = end;
        }

        if (amp > p) {
            st = pg_form_pair(a, buf, p, amp, src, out);
            if (st != PG_OK) {
                return st;
            }
        }

        p = amp + 1;
    }

    return PG_OK;
}


static pg_status_t
pg_form_pair(pg_arena_t *a, const char *buf, const char *p, const char *end,
    pg_source_t src, pg_fields_t *out)
{
    char         *name, *value;
    size_t        nlen, vlen, voff, vraw;
    const char   *eq;

    eq = memchr(p, '=', end - p);

    if (eq == NULL) {
        eq = end;
        voff = end - buf;
        vraw = 0;

    } else {
        voff = eq + 1 - buf;
        vraw = end - eq - 1;
    }

    name = pg_form_decode(a, p, eq - p, &nlen);
    value = pg_form_decode(a, buf + voff, vraw, &vlen);

    if (name == NULL || value == NULL) {
        return PG_ERR_NOMEM;
    }

    return pg_form_value(a, name, nlen, value, vlen, src, voff, vraw, out);
}


/*
 * Messenger sends message={"text":...}: the JSON's strings become fields
 * of their own ("message.text") so that platform rules can name them, and
 * the whole value is then not read a second time (each identifier would
 * be counted twice).  A value that only looks like JSON (Meta documents
 * single-quoted pseudo-JSON) is not an error: the whole decoded value is
 * read as one field.  A multipart text part is a form field sent another
 * way (a Graph batch with attached files) and comes here too, so that
 * both encodings give the same fields.
 */
pg_status_t
pg_form_value(pg_arena_t *a, const char *name, size_t nlen, const char *v,
    size_t vlen, pg_source_t src, size_t raw_off, size_t raw_len,
    pg_fields_t *out)
{
    size_t       i, n;
    pg_status_t  st;

    for (i = 0; i < vlen; i++) {
        if (v[i] != ' ' && v[i] != '\t' && v[i] != '\r' && v[i] != '\n') {
            break;
        }
    }

    if (i < vlen && (v[i] == '{' || v[i] == '[')) {
        n = out->n;

        st = pg_extract_json(a, v, vlen, src, name, out);

        if (st == PG_OK || st == PG_ERR_NOMEM || pg_fields_full(out)) {
            return st;
        }

        out->n = n;
    }

    return pg_fields_add(out, a, name, nlen, v, vlen, src, raw_off, raw_len);
}


/* '+' is a space and %XX a byte; a malformed escape stays as it is */
static char *
pg_form_decode(pg_arena_t *a, const char *s, size_t len, size_t *dlen)
{
    int     hi, lo;
    char   *d, *p;
    size_t  i;

    d = pg_arena_alloc(a, len + 1);
    if (d == NULL) {
        return NULL;
    }

    p = d;

    for (i = 0; i < len; i++) {
        if (s[i] == '+') {
            *p++ = ' ';
            continue;
        }

        if (s[i] == '%' && len - i > 2) {
            hi = pg_form_hex(s[i + 1]);
            lo = pg_form_hex(s[i + 2]);

            if (hi >= 0 && lo >= 0) {
                *p++ = (char) (hi << 4 | lo);
                i += 2;
                continue;
            }
        }

        *p++ = s[i];
    }

    *p = '\0';
    *dlen = p - d;

    return d;
}


static int
pg_form_hex(char c)
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
