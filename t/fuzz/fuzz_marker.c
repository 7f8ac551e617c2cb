/*
 * Copyright (C) phigate authors
 *
 * Consent markers on arbitrary requests: the first byte chooses the
 * Content-Type, a NUL (if any) splits query string from body, as in
 * fuzz_inspect.  Whatever the input, a removal that reports success must
 * leave a query and body that extract again with no marker left, never
 * grow them, and name a valid token; the text rule and the approval hash
 * must hold on the same bytes, and so must the parsers of consent
 * records, kinds lists, consent headers and Authorization headers.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_approval.h"
#include "pg_extract.h"
#include "pg_marker.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void fuzz_parsers(pg_arena_t *a, const char *s, size_t len);


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

    fuzz_parsers(&a, (const char *) data, size);

    pg_arena_free(&a);

    return 0;
}


/* the bytes as a record (lines are keys and values), a list, headers */
static void
fuzz_parsers(pg_arena_t *a, const char *s, size_t len)
{
    char           ref[17];
    size_t         n, i, clen, kv_len[16];
    const char    *kv[16], *p, *nl, *end, *cred, *kind, *bad, *tok;
    pg_typeset_t   set;
    pg_consent_t   c;

    n = 0;
    p = s;
    end = s + len;

    while (p < end && n < 16) {
        nl = memchr(p, '\n', end - p);
        if (nl == NULL) {
            nl = end;
        }

        kv[n] = p;
        kv_len[n++] = nl - p;
        p = nl + 1;
    }

    pg_consent_parse(kv, kv_len, n, &c);

    if ((c.state == PG_CONSENT_GARBLED && c.why == NULL)
        || (c.state == PG_CONSENT_PARSED
            && (c.kinds == 0 || c.expires <= 0
                || (!c.all_platforms && c.nplatforms == 0)
                || c.nplatforms > PG_CONSENT_PLATFORMS))
        || (c.state == PG_CONSENT_ABSENT && n != 0))
    {
        abort();
    }

    for (i = 0; i < c.nplatforms; i++) {
        if (strlen(c.platforms[i]) == 0
            || strlen(c.platforms[i]) > PG_CONSENT_NAME_MAX)
        {
            abort();
        }
    }

    bad = NULL;

    if (pg_consent_kinds_parse(s, len, &set, &bad) != 0
        && (bad == NULL || bad < s || bad > end))
    {
        abort();
    }

    if (pg_consent_token_from_header(s, len, &tok, &clen) == 0) {
        if (!pg_consent_token_valid(tok, clen) || tok < s
            || tok + clen > end)
        {
            abort();
        }

        pg_consent_token_ref(tok, clen, ref);

        if (strlen(ref) != 16) {
            abort();
        }
    }

    if (pg_credential_from_authorization(a, s, len, &cred, &clen, &kind)
        == 1)
    {
        if (clen == 0 || clen > len || kind == NULL) {
            abort();
        }
    }
}
