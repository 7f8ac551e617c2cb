/*
 * Copyright (C) phigate authors
 *
 * Consent markers on arbitrary requests: the first byte chooses the
 * Content-Type, a NUL (if any) splits query string from body, as in
 * fuzz_inspect.  Whatever the input, a removal that reports success must
 * leave a query and body that extract again with no marker left, never
 * grow them, and name a valid token; the text rule and the approval hash
 * must hold on the same bytes.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_approval.h"
#include "pg_extract.h"
#include "pg_marker.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static const char  *types[] = {
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=XyZ",
    "text/plain",
    NULL,
    "image/png",
    "multipart/mixed; boundary=\"b-1\"",
    "application/activity+json"
};


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char             hex[PG_SHA256_HEX + 1];
    size_t           len, qlen, blen, tlen;
    const char      *ct, *nul, *q, *b, *t;
    pg_arena_t       a;
    pg_fields_t      f;
    pg_marker_t      m, m2;
    pg_marker_rc_t   rc;

    if (size < 1) {
        return 0;
    }

    ct = types[data[0] & 7];
    data++;
    size--;

    nul = memchr(data, '\0', size);

    if (nul != NULL) {
        q = (const char *) data;
        qlen = nul - (const char *) data;
        b = nul + 1;
        blen = size - qlen - 1;

    } else {
        q = NULL;
        qlen = 0;
        b = (const char *) data;
        blen = size;
    }

    len = ct ? strlen(ct) : 0;

    pg_arena_init(&a, 0);

    rc = pg_marker_strip(&a, ct, len, b, blen, q, qlen, &m);

    if (rc == PG_MARKER_FOUND) {
        if (!pg_consent_token_valid(m.token, m.token_len)
            || m.body_len > blen || m.query_len > qlen
            || (m.body_changed && m.body_len == blen)
            || (m.query_changed && m.query_len == qlen)
            || (!m.body_changed && m.body != b)
            || (!m.query_changed && m.query != q))
        {
            abort();
        }

        /* the result extracts, and carries no marker any more */
        memset(&f, 0, sizeof(pg_fields_t));

        if (m.query_len
            && pg_extract_form(&a, m.query, m.query_len, PG_SRC_QUERY, &f)
               != PG_OK)
        {
            abort();
        }

        if (m.body_len
            && pg_extract_body(&a, ct, len, m.body, m.body_len, &f) != PG_OK)
        {
            abort();
        }

        if (pg_marker_find(&f, &m2) != PG_MARKER_NONE) {
            abort();
        }

        /* stripping again changes nothing */
        if (pg_marker_strip(&a, ct, len, m.body, m.body_len, m.query,
                            m.query_len, &m2)
            != PG_MARKER_NONE)
        {
            abort();
        }

    } else if (rc != PG_MARKER_NONE && rc != PG_MARKER_ERROR) {
        /* a refusal changes nothing */
        if (m.body != b || m.query != q || m.body_changed
            || m.query_changed)
        {
            abort();
        }
    }

    /* the text rule never grows a text, and is idempotent on its output */
    t = pg_marker_strip_text(&a, (const char *) data, size, &tlen);

    if (t == NULL || tlen > size) {
        abort();
    }

    memset(&f, 0, sizeof(pg_fields_t));

    if (pg_extract_body(&a, ct, len, b, blen, &f) == PG_OK) {
        if (pg_approval_hash(&a, &f, NULL, hex) == PG_OK
            && strlen(hex) != PG_SHA256_HEX)
        {
            abort();
        }
    }

    pg_arena_free(&a);

    return 0;
}
