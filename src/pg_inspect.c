/*
 * Copyright (C) phigate authors
 */


#include <string.h>
#include <strings.h>

#include "pg_detect.h"
#include "pg_inspect.h"
#include "pg_media.h"


static int pg_is_identity(const char *enc, size_t len);
static size_t pg_text_size(const pg_fields_t *f);
static void pg_inspect_threshold(pg_findings_t *f, unsigned min);


pg_status_t
pg_inspect_headers(const pg_request_t *req, long long body_len,
    const pg_limits_t *lim, pg_inspection_t *out)
{
    const char  *boundary;
    size_t       blen;

    out->platform = pg_platforms_match(lim->platforms, req->host,
                                       req->host_len, req->path,
                                       req->path_len);
    out->body_kind = pg_body_kind(req->content_type, req->content_type_len,
                                  &boundary, &blen);
    out->status = PG_OK;

    /*
     * No client of the platform APIs was seen compressing a request body;
     * one that does is refused rather than forwarded unread.
     */
    if (!pg_is_identity(req->content_encoding, req->content_encoding_len)) {
        out->status = PG_ERR_ENCODING;

    } else if (pg_limit_applies(out->body_kind) && lim->max_body
               && body_len > (long long) lim->max_body)
    {
        out->status = PG_ERR_TOO_LARGE;
    }

    return out->status;
}


pg_status_t
pg_inspect(pg_arena_t *a, const pg_request_t *req, const pg_limits_t *lim,
    pg_inspection_t *out)
{
    uint32_t         i;
    pg_status_t      st;
    pg_rules_run_t  *run;

    memset(&out->fields, 0, sizeof(pg_fields_t));
    memset(&out->findings, 0, sizeof(pg_findings_t));
    memset(out->allowed, 0, sizeof(out->allowed));

    st = pg_inspect_headers(req, req->body != NULL ? (long long) req->body_len
                                                   : 0,
                            lim, out);
    if (st != PG_OK) {
        return st;
    }

    /* Instagram and Threads carry captions in the query string */
    if (req->query != NULL && req->query_len) {
        st = pg_extract_form(a, req->query, req->query_len, PG_SRC_QUERY,
                             &out->fields);
        if (st != PG_OK) {
            goto failed;
        }
    }

    if (req->body != NULL && req->body_len
        && out->body_kind != PG_BODY_MEDIA)
    {
        st = pg_extract_body(a, req->content_type, req->content_type_len,
                             req->body, req->body_len, &out->fields);
        if (st != PG_OK) {
            goto failed;
        }

        /* a multipart body's limit is on the text it carries (above) */
        if (out->body_kind == PG_BODY_MULTIPART && lim->max_body
            && pg_text_size(&out->fields) > lim->max_body)
        {
            st = PG_ERR_TOO_LARGE;
            goto failed;
        }
    }

    out->dm = pg_platform_is_dm(out->platform, req->path, req->path_len,
                                &out->fields);

    run = NULL;

    if (lim->rules != NULL && pg_rules_count(lim->rules)) {
        run = pg_rules_start(lim->rules, a);
        if (run == NULL) {
            st = PG_ERR_NOMEM;
            goto failed;
        }
    }

    for (i = 0; i < out->fields.n; i++) {
        if (pg_platform_skip_field(out->platform, out->fields.items[i].name)) {
            continue;
        }

        st = pg_detect_field_rules(a, &out->fields, i, run, &out->findings);
        if (st != PG_OK) {
            goto failed;
        }
    }

    /* the organisation's own numbers, names and links are no findings */
    if (lim->allow != NULL) {
        pg_allowlist_filter(lim->allow, &out->fields, &out->findings,
                            out->allowed);
    }

    pg_inspect_threshold(&out->findings, lim->min_confidence);

    /* uploads: recorded whether or not a profile skips their fields */
    st = pg_media_find(a, out->platform, out->body_kind, req->body_len,
                       &out->fields, &out->findings);
    if (st != PG_OK) {
        goto failed;
    }

    return PG_OK;

failed:

    out->status = st;

    return st;
}


static int
pg_is_identity(const char *enc, size_t len)
{
    /* trim the optional white space HTTP allows around a value */
    while (len && (enc[0] == ' ' || enc[0] == '\t')) {
        enc++;
        len--;
    }

    while (len && (enc[len - 1] == ' ' || enc[len - 1] == '\t')) {
        len--;
    }

    return len == 0 || (len == 8 && strncasecmp(enc, "identity", 8) == 0);
}


int
pg_limit_applies(pg_body_kind_t kind)
{
    /*
     * Media is not read as text.  A multipart upload carries files beside
     * a little text: its file parts are only scanned for the boundary, so
     * the limit applies to the text found in it, not to the whole body
     * (nginx's client_max_body_size bounds that).
     */
    return kind != PG_BODY_MEDIA && kind != PG_BODY_MULTIPART;
}


static size_t
pg_text_size(const pg_fields_t *f)
{
    size_t  i, n;

    n = 0;

    for (i = 0; i < f->n; i++) {
        n += f->items[i].len;
    }

    return n;
}


/*
 * phigate_min_confidence: a built-in detector's finding weaker than the
 * threshold (a toll-free number at 60, a date at 60) is kept for the
 * audit trail as a "log" finding and blocks nothing.  A custom rule's
 * finding keeps its own severity: the operator chose it.
 */

static void
pg_inspect_threshold(pg_findings_t *f, unsigned min)
{
    size_t  i;

    for (i = 0; i < f->n; i++) {
        if (f->items[i].rule == NULL && f->items[i].confidence < min) {
            f->items[i].log_only = 1;
        }
    }
}
