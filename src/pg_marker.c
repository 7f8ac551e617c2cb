/*
 * Copyright (C) phigate authors
 *
 * One scanner finds markers everywhere: it walks a range of bytes in
 * units, each unit being the encoding of one decoded byte (a literal
 * byte, "%5B" or "+" in a form, "\u005b" in a JSON string), so that the
 * same code that reads a field's decoded text also finds the marker in
 * the request's raw bytes and knows which raw bytes to cut.
 */


#include <stdlib.h>
#include <string.h>

#include "pg_extract.h"
#include "pg_marker.h"
#include "pg_text.h"


#define PG_MK_OPEN_LEN   (sizeof(PG_MARKER_OPEN) - 1)

/* a unit that decodes to no ASCII byte (JSON \u00e9, a surrogate...) */
#define PG_MK_OTHER      (-1)


typedef enum {
    PG_MK_LITERAL = 0,
    PG_MK_FORM,
    PG_MK_JSON
} pg_mk_dec_t;


typedef struct {
    size_t               off;
    size_t               len;
} pg_mk_cut_t;


typedef struct {
    pg_arena_t          *arena;      /* NULL: find only, no cuts */
    const char          *base;       /* cuts are offsets from here */
    pg_mk_cut_t         *cuts;
    size_t               ncuts;
    size_t               cap;
    int                  lenient;    /* skip malformed markers */
    pg_marker_rc_t       rc;
    char                 token[PG_TOKEN_MAX + 1];
    size_t               token_len;
} pg_mk_ctx_t;


static size_t pg_mk_unit(pg_mk_dec_t d, const char *p, const char *end,
    int *c);
static int pg_mk_hex(char c);
static int pg_mk_match(pg_mk_ctx_t *ctx, pg_mk_dec_t d, const char *p,
    const char *end, const char **mend);
static int pg_mk_cut(pg_mk_ctx_t *ctx, const char *from, const char *to);
static int pg_mk_scan(pg_mk_ctx_t *ctx, pg_mk_dec_t d, const char *s,
    const char *e);
static int pg_mk_scan_json(pg_mk_ctx_t *ctx, const char *s, const char *e);
static int pg_mk_scan_fields(pg_mk_ctx_t *ctx, const pg_fields_t *f,
    pg_source_t src);
static char *pg_mk_apply(pg_mk_ctx_t *ctx, const char *buf, size_t len,
    size_t *out_len);
static int pg_mk_cmp(const void *a, const void *b);
static pg_status_t pg_mk_extract(pg_arena_t *a, const char *ct,
    size_t ct_len, const char *body, size_t body_len, const char *query,
    size_t query_len, pg_fields_t *out);
static int pg_mk_same(pg_arena_t *a, const pg_fields_t *before,
    const pg_fields_t *after, size_t body_len);


const char *
pg_marker_reason(pg_marker_rc_t rc)
{
    switch (rc) {
    case PG_MARKER_CONFLICT:
        return "consent_marker_conflict";
    case PG_MARKER_MALFORMED:
        return "consent_marker_malformed";
    case PG_MARKER_UNREMOVABLE:
        return "consent_marker_unremovable";
    case PG_MARKER_ERROR:
        return "internal_error";
    default:
        return "";
    }
}


pg_marker_rc_t
pg_marker_find(const pg_fields_t *fields, pg_marker_t *out)
{
    size_t       i;
    pg_mk_ctx_t  ctx;

    memset(&ctx, 0, sizeof(pg_mk_ctx_t));

    for (i = 0; i < fields->n; i++) {
        if (pg_mk_scan(&ctx, PG_MK_LITERAL, fields->items[i].text,
                       fields->items[i].text + fields->items[i].len)
            != 0)
        {
            return ctx.rc;
        }
    }

    if (ctx.token_len == 0) {
        return PG_MARKER_NONE;
    }

    memcpy(out->token, ctx.token, ctx.token_len + 1);
    out->token_len = ctx.token_len;

    return PG_MARKER_FOUND;
}


const char *
pg_marker_strip_text(pg_arena_t *a, const char *text, size_t len,
    size_t *out_len)
{
    char         *s;
    pg_mk_ctx_t   ctx;

    memset(&ctx, 0, sizeof(pg_mk_ctx_t));
    ctx.arena = a;
    ctx.base = text;
    ctx.lenient = 1;

    /* only no memory fails a lenient scan */
    if (pg_mk_scan(&ctx, PG_MK_LITERAL, text, text + len) != 0) {
        return NULL;
    }

    if (ctx.ncuts == 0) {
        *out_len = len;
        return text;
    }

    s = pg_mk_apply(&ctx, text, len, out_len);

    return s;
}


pg_marker_rc_t
pg_marker_strip(pg_arena_t *a, const char *ct, size_t ct_len,
    const char *body, size_t body_len, const char *query, size_t query_len,
    pg_marker_t *out)
{
    char            *nb, *nq;
    size_t           blen, nb_len, nq_len;
    const char      *boundary;
    pg_fields_t      before, after;
    pg_status_t      st;
    pg_marker_t      check;
    pg_mk_ctx_t      qctx, bctx;
    pg_marker_rc_t   rc;
    pg_body_kind_t   kind;

    memset(out, 0, sizeof(pg_marker_t));
    out->body = body;
    out->body_len = body_len;
    out->query = query;
    out->query_len = query_len;

    memset(&before, 0, sizeof(pg_fields_t));
    memset(&after, 0, sizeof(pg_fields_t));

    st = pg_mk_extract(a, ct, ct_len, body, body_len, query, query_len,
                       &before);
    if (st != PG_OK) {
        out->status = st;
        return PG_MARKER_ERROR;
    }

    rc = pg_marker_find(&before, out);
    if (rc != PG_MARKER_FOUND) {
        return rc;
    }

    memset(&qctx, 0, sizeof(pg_mk_ctx_t));
    qctx.arena = a;
    qctx.base = query;

    memset(&bctx, 0, sizeof(pg_mk_ctx_t));
    bctx.arena = a;
    bctx.base = body;

    if (query != NULL && query_len
        && pg_mk_scan(&qctx, PG_MK_FORM, query, query + query_len) != 0)
    {
        goto scan_failed;
    }

    kind = pg_body_kind(ct, ct_len, &boundary, &blen);

    if (body != NULL && body_len) {
        switch (kind) {

        case PG_BODY_JSON:
            if (pg_mk_scan_json(&bctx, body, body + body_len) != 0) {
                goto body_failed;
            }

            break;

        case PG_BODY_FORM:
            if (pg_mk_scan(&bctx, PG_MK_FORM, body, body + body_len) != 0) {
                goto body_failed;
            }

            break;

        case PG_BODY_MULTIPART:
            /* only the bytes of text fields: never a file's content */
            if (pg_mk_scan_fields(&bctx, &before, PG_SRC_BODY) != 0) {
                goto body_failed;
            }

            break;

        case PG_BODY_MEDIA:
            break;

        default:
            if (pg_mk_scan(&bctx, PG_MK_LITERAL, body, body + body_len)
                != 0)
            {
                goto body_failed;
            }
        }
    }

    /* the raw bytes must name the token the decoded text named */
    if ((qctx.token_len && (qctx.token_len != out->token_len
                            || memcmp(qctx.token, out->token,
                                      out->token_len) != 0))
        || (bctx.token_len && (bctx.token_len != out->token_len
                               || memcmp(bctx.token, out->token,
                                         out->token_len) != 0)))
    {
        return PG_MARKER_CONFLICT;
    }

    nq = NULL;
    nq_len = query_len;
    nb = NULL;
    nb_len = body_len;

    if (qctx.ncuts) {
        nq = pg_mk_apply(&qctx, query, query_len, &nq_len);
        if (nq == NULL) {
            goto nomem;
        }
    }

    if (bctx.ncuts) {
        nb = pg_mk_apply(&bctx, body, body_len, &nb_len);
        if (nb == NULL) {
            goto nomem;
        }
    }

    st = pg_mk_extract(a, ct, ct_len, nb ? nb : body, nb_len,
                       nq ? nq : query, nq_len, &after);

    if (st == PG_ERR_NOMEM) {
        goto nomem;
    }

    if (st != PG_OK || !pg_mk_same(a, &before, &after, nb_len)) {
        return PG_MARKER_UNREMOVABLE;
    }

    /*
     * "[[cons[[consent:T]]ent:U]]" leaves a marker behind: one pass
     * cannot clean it, and a post built that way is refused.
     */
    if (pg_marker_find(&after, &check) != PG_MARKER_NONE) {
        return PG_MARKER_UNREMOVABLE;
    }

    if (nq != NULL) {
        out->query = nq;
        out->query_len = nq_len;
        out->query_changed = 1;
    }

    if (nb != NULL) {
        out->body = nb;
        out->body_len = nb_len;
        out->body_changed = 1;
    }

    return PG_MARKER_FOUND;

scan_failed:

    if (qctx.rc == PG_MARKER_ERROR) {
        goto nomem;
    }

    return qctx.rc;

body_failed:

    if (bctx.rc == PG_MARKER_ERROR) {
        goto nomem;
    }

    return bctx.rc;

nomem:

    out->status = PG_ERR_NOMEM;

    return PG_MARKER_ERROR;
}


/*
 * The query string and the body as pg_inspect() reads them, in the same
 * order: query fields first.
 */
static pg_status_t
pg_mk_extract(pg_arena_t *a, const char *ct, size_t ct_len,
    const char *body, size_t body_len, const char *query, size_t query_len,
    pg_fields_t *out)
{
    pg_status_t  st;

    if (query != NULL && query_len) {
        st = pg_extract_form(a, query, query_len, PG_SRC_QUERY, out);
        if (st != PG_OK) {
            return st;
        }
    }

    if (body != NULL && body_len) {
        return pg_extract_body(a, ct, ct_len, body, body_len, out);
    }

    return PG_OK;
}


/*
 * after must be before with rule R applied to every text: the same
 * fields, names and sources, and only the markers gone.  A body reduced
 * to nothing has no fields: its fields must then all have become empty.
 */
static int
pg_mk_same(pg_arena_t *a, const pg_fields_t *before,
    const pg_fields_t *after, size_t body_len)
{
    size_t             i, j, len;
    const char        *t;
    const pg_field_t  *b, *f;

    j = 0;

    for (i = 0; i < before->n; i++) {
        b = &before->items[i];

        t = pg_marker_strip_text(a, b->text, b->len, &len);
        if (t == NULL) {
            return 0;
        }

        if (b->source == PG_SRC_BODY && body_len == 0) {
            if (len != 0) {
                return 0;
            }

            continue;
        }

        if (j == after->n) {
            return 0;
        }

        f = &after->items[j++];

        if (f->source != b->source || strcmp(f->name, b->name) != 0
            || f->len != len || memcmp(f->text, t, len) != 0)
        {
            return 0;
        }
    }

    return j == after->n;
}


/*
 * A multipart body is cut only inside the raw bytes of its text fields.
 * A field whose raw bytes are its text is literal; one whose are not
 * comes from a form part and is percent-encoded.  Fields without raw
 * bytes (JSON inside a part) are not scanned: a marker there is left for
 * the check to refuse.
 */
static int
pg_mk_scan_fields(pg_mk_ctx_t *ctx, const pg_fields_t *f, pg_source_t src)
{
    size_t             i;
    const char        *raw;
    pg_mk_dec_t        d;
    const pg_field_t  *fd;

    for (i = 0; i < f->n; i++) {
        fd = &f->items[i];

        if (fd->source != src || fd->raw_len == 0) {
            continue;
        }

        raw = ctx->base + fd->raw_off;

        d = (fd->raw_len == fd->len && memcmp(raw, fd->text, fd->len) == 0)
            ? PG_MK_LITERAL : PG_MK_FORM;

        if (pg_mk_scan(ctx, d, raw, raw + fd->raw_len) != 0) {
            return -1;
        }
    }

    return 0;
}


/*
 * Every string of a JSON document, keys too (a marker in a key is cut
 * and then refused by the check, since the field's name changes).  The
 * document has been parsed already, so strings are well formed.
 */
static int
pg_mk_scan_json(pg_mk_ctx_t *ctx, const char *s, const char *e)
{
    const char  *p, *start;

    p = s;

    while (p < e) {
        if (*p != '"') {
            p++;
            continue;
        }

        start = ++p;

        while (p < e && *p != '"') {
            p += (*p == '\\' && e - p > 1) ? 2 : 1;
        }

        if (pg_mk_scan(ctx, PG_MK_JSON, start, p) != 0) {
            return -1;
        }

        p++;
    }

    return 0;
}


/*
 * Walks [s, e) unit by unit applying the rule R; returns -1 with ctx->rc
 * set on a conflict, a malformed marker (unless lenient) or no memory.
 */
static int
pg_mk_scan(pg_mk_ctx_t *ctx, pg_mk_dec_t d, const char *s, const char *e)
{
    int          c, prev_c, m;
    size_t       n, prev_len;
    const char  *p, *mend, *prev;

    p = s;
    prev = NULL;
    prev_len = 0;
    prev_c = PG_MK_OTHER;

    while (p < e) {
        m = pg_mk_match(ctx, d, p, e, &mend);

        if (m < 0) {
            if (!ctx->lenient) {
                return -1;
            }

            /* strip_text leaves what is not a marker as it is */
            m = 0;
        }

        if (m == 0) {
            n = pg_mk_unit(d, p, e, &c);
            prev = p;
            prev_len = n;
            prev_c = c;
            p += n;
            continue;
        }

        if (pg_mk_cut(ctx, p, mend) != 0) {
            return -1;
        }

        p = mend;

        if (p < e) {
            n = pg_mk_unit(d, p, e, &c);

            if (c == ' ') {
                if (pg_mk_cut(ctx, p, p + n) != 0) {
                    return -1;
                }

                p += n;

                /* the space is gone: it cannot serve a later marker */
                prev = NULL;
                prev_c = PG_MK_OTHER;
                continue;
            }
        }

        if (prev != NULL && prev_c == ' ') {
            if (pg_mk_cut(ctx, prev, prev + prev_len) != 0) {
                return -1;
            }
        }

        /* the marker's last "]" is what precedes what follows */
        prev = NULL;
        prev_c = ']';
    }

    return 0;
}


/*
 * 1 with *mend past the marker when one starts at p, 0 when none does,
 * -1 with ctx->rc set when "[[consent:" is not followed by a token and
 * "]]", or the token differs from the one seen first.
 */
static int
pg_mk_match(pg_mk_ctx_t *ctx, pg_mk_dec_t d, const char *p, const char *end,
    const char **mend)
{
    int     c;
    char    tok[PG_TOKEN_MAX + 1];
    size_t  i, n;

    /* the common case: no '[' here, in any encoding */
    if (*p != '[' && *p != '%' && *p != '\\') {
        return 0;
    }

    for (i = 0; i < PG_MK_OPEN_LEN; i++) {
        if (p >= end) {
            return 0;
        }

        p += pg_mk_unit(d, p, end, &c);

        if (c != PG_MARKER_OPEN[i]) {
            return 0;
        }
    }

    n = 0;

    for ( ;; ) {
        if (p >= end) {
            goto malformed;
        }

        i = pg_mk_unit(d, p, end, &c);

        if (c == ']') {
            break;
        }

        if (c < 0 || !(pg_isalnum(c) || c == '_' || c == '-')
            || n == PG_TOKEN_MAX)
        {
            goto malformed;
        }

        tok[n++] = (char) c;
        p += i;
    }

    /* the first "]" */
    p += i;

    if (p >= end) {
        goto malformed;
    }

    p += pg_mk_unit(d, p, end, &c);

    if (c != ']' || n < PG_TOKEN_MIN) {
        goto malformed;
    }

    tok[n] = '\0';

    if (ctx->lenient) {
        /* strip_text removes every marker, whatever its token */

    } else if (ctx->token_len == 0) {
        memcpy(ctx->token, tok, n + 1);
        ctx->token_len = n;

    } else if (ctx->token_len != n || memcmp(ctx->token, tok, n) != 0) {
        ctx->rc = PG_MARKER_CONFLICT;
        return -1;
    }

    *mend = p;

    return 1;

malformed:

    ctx->rc = PG_MARKER_MALFORMED;

    return -1;
}


/* one unit at p (p < end): its raw length, and its byte in *c */
static size_t
pg_mk_unit(pg_mk_dec_t d, const char *p, const char *end, int *c)
{
    int  h[4], i, v;

    *c = (unsigned char) p[0];

    switch (d) {

    case PG_MK_FORM:
        if (p[0] == '+') {
            *c = ' ';
            return 1;
        }

        if (p[0] == '%' && end - p > 2) {
            h[0] = pg_mk_hex(p[1]);
            h[1] = pg_mk_hex(p[2]);

            if (h[0] >= 0 && h[1] >= 0) {
                *c = h[0] << 4 | h[1];
                return 3;
            }
        }

        return 1;

    case PG_MK_JSON:
        if (p[0] != '\\' || end - p < 2) {
            return 1;
        }

        switch (p[1]) {
        case 'n':
            *c = '\n';
            return 2;
        case 't':
            *c = '\t';
            return 2;
        case 'r':
            *c = '\r';
            return 2;
        case 'b':
            *c = '\b';
            return 2;
        case 'f':
            *c = '\f';
            return 2;
        case 'u':
            break;
        default:
            /* \" \\ \/ */
            *c = (unsigned char) p[1];
            return 2;
        }

        if (end - p < 6) {
            *c = PG_MK_OTHER;
            return end - p;
        }

        v = 0;

        for (i = 0; i < 4; i++) {
            h[i] = pg_mk_hex(p[2 + i]);

            if (h[i] < 0) {
                *c = PG_MK_OTHER;
                return 2;
            }

            v = v << 4 | h[i];
        }

        *c = v < 0x80 ? v : PG_MK_OTHER;

        return 6;

    default:
        return 1;
    }
}


static int
pg_mk_hex(char c)
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
pg_mk_cut(pg_mk_ctx_t *ctx, const char *from, const char *to)
{
    pg_mk_cut_t  *cut;

    if (ctx->arena == NULL) {
        return 0;
    }

    if (pg_arena_grow(ctx->arena, (void **) &ctx->cuts, &ctx->cap,
                      ctx->ncuts, sizeof(pg_mk_cut_t))
        != 0)
    {
        ctx->rc = PG_MARKER_ERROR;
        return -1;
    }

    cut = &ctx->cuts[ctx->ncuts++];
    cut->off = from - ctx->base;
    cut->len = to - from;

    return 0;
}


/* buf without the cut ranges, into the arena */
static char *
pg_mk_apply(pg_mk_ctx_t *ctx, const char *buf, size_t len, size_t *out_len)
{
    char         *d;
    size_t        i, at, n, end;
    pg_mk_cut_t  *cut;

    qsort(ctx->cuts, ctx->ncuts, sizeof(pg_mk_cut_t), pg_mk_cmp);

    d = pg_arena_alloc(ctx->arena, len + 1);
    if (d == NULL) {
        return NULL;
    }

    at = 0;
    n = 0;

    for (i = 0; i < ctx->ncuts; i++) {
        cut = &ctx->cuts[i];

        /* a space cut twice (before one marker, after another) */
        if (cut->off < at) {
            end = cut->off + cut->len;
            at = end > at ? end : at;
            continue;
        }

        memcpy(d + n, buf + at, cut->off - at);
        n += cut->off - at;
        at = cut->off + cut->len;
    }

    memcpy(d + n, buf + at, len - at);
    n += len - at;
    d[n] = '\0';

    *out_len = n;

    return d;
}


static int
pg_mk_cmp(const void *a, const void *b)
{
    const pg_mk_cut_t  *x, *y;

    x = a;
    y = b;

    return x->off < y->off ? -1 : (x->off > y->off);
}
