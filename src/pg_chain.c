/*
 * Copyright (C) phigate authors
 *
 * The hash covers the line exactly as written, "prev" included, so that
 * editing, removing or moving any record breaks the link of the record
 * after it.  "prev" is inserted as text rather than by re-encoding the
 * record so that the bytes the engine built are the bytes hashed.
 */


#include <stdlib.h>
#include <string.h>

#include "pg_chain.h"


static size_t pg_chain_insert_at(const char *line, size_t len, int *first);


int
pg_chain_hash(const char *line, size_t len, char *out_hex)
{
    if (len && line[len - 1] == '\n') {
        len--;
    }

    return pg_sha256_hex(line, len, out_hex);
}


int
pg_chain_valid_prev(const char *s, size_t len)
{
    size_t  i;

    if (len == sizeof(PG_CHAIN_GENESIS) - 1
        && memcmp(s, PG_CHAIN_GENESIS, len) == 0)
    {
        return 1;
    }

    if (len != PG_SHA256_HEX) {
        return 0;
    }

    /* lowercase only: one spelling per hash, as pg_sha256_hex() writes */
    for (i = 0; i < len; i++) {
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
            return 0;
        }
    }

    return 1;
}


int
pg_chain_link(const char *prev_hex, const char *line, size_t len,
    char **out, size_t *out_len)
{
    int      first;
    char    *buf, *p;
    size_t   at, plen;

    *out = NULL;
    *out_len = 0;

    if (prev_hex == NULL || line == NULL
        || !pg_chain_valid_prev(prev_hex, strlen(prev_hex)))
    {
        return -1;
    }

    at = pg_chain_insert_at(line, len, &first);
    if (at == 0) {
        return -1;
    }

    plen = strlen(prev_hex);

    buf = malloc(len + PG_CHAIN_LINK_EXTRA + 1);
    if (buf == NULL) {
        return -1;
    }

    p = buf;
    memcpy(p, line, at);
    p += at;

    if (first == 2) {
        /* {"schema":1} and nothing else: the key goes after it */
        *p++ = ',';
    }

    memcpy(p, "\"prev\":\"", 8);
    p += 8;
    memcpy(p, prev_hex, plen);
    p += plen;
    *p++ = '"';

    if (first == 0 || first == 1) {
        *p++ = ',';
    }

    memcpy(p, line + at, len - at);
    p += len - at;
    *p = '\0';

    *out = buf;
    *out_len = p - buf;

    return 0;
}


int
pg_chain_tail(const char *buf, size_t len, int from_start, char *out_hex,
    size_t *partial)
{
    size_t  end, start;

    /* end: one past the last "\n" */
    for (end = len; end > 0 && buf[end - 1] != '\n'; end--) {
        /* void */
    }

    if (partial) {
        *partial = len - end;
    }

    if (end == 0) {
        return from_start ? 0 : -1;
    }

    for (start = end - 1; start > 0 && buf[start - 1] != '\n'; start--) {
        /* void */
    }

    if (start == 0 && !from_start) {
        return -1;
    }

    return pg_chain_hash(buf + start, end - start, out_hex) == 0 ? 1 : -2;
}


/*
 * Where "prev" goes and which commas it takes: after {"schema":DIGITS,
 * when the record starts so (*first = 0: a comma after it), before the
 * "}" of {"schema":N} (*first = 2: a comma before it), else right after
 * "{" (*first = 1: a comma after it; 3: none, the object is empty).
 * Returns 0 when the line does not start with "{".
 */
static size_t
pg_chain_insert_at(const char *line, size_t len, int *first)
{
    size_t  i, k;

    static const char  schema[] = "{\"schema\":";

    if (len == 0 || line[0] != '{') {
        return 0;
    }

    k = sizeof(schema) - 1;

    if (len > k && memcmp(line, schema, k) == 0) {
        for (i = k; i < len && line[i] >= '0' && line[i] <= '9'; i++) {
            /* void */
        }

        if (i > k && i < len && line[i] == ',') {
            *first = 0;
            return i + 1;
        }

        if (i > k && i < len && line[i] == '}') {
            *first = 2;
            return i;
        }
    }

    /* an empty object, "{ }" included, takes no comma */
    for (i = 1; i < len; i++) {
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r'
            && line[i] != '\n')
        {
            break;
        }
    }

    *first = (i < len && line[i] == '}') ? 3 : 1;

    return 1;
}
