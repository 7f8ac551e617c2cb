
/*
 * Copyright (C) phigate authors
 *
 * Asking the consent store about a request: is a credential it uses
 * revoked, is this exact post approved, and does the consent token it
 * presents (header or inline [[consent:TOKEN]] marker) cover what it
 * carries?  The questions go out together, pipelined on the read endpoint
 * (a local replica where there is one); the request waits without holding
 * the worker, and the engine decides on the answers (pg_decide_grants()).
 * Clean requests ask nothing about their content; credentials are asked
 * about at most once per phigate_revocation_cache period per worker.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


#define NGX_HTTP_PHIGATE_KV_MAX  64


static void ngx_http_phigate_grants_done(ngx_http_request_t *r, void *data);
static ngx_int_t ngx_http_phigate_grants_token(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_str_t *token);
static void ngx_http_phigate_grants_credentials(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
static void ngx_http_phigate_grants_creds(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_http_phigate_redis_t *rd);
static ngx_http_phigate_cred_t *ngx_http_phigate_cred_slot(
    ngx_http_phigate_main_conf_t *pmcf, const char *sha256);
static void ngx_http_phigate_grants_kv(ngx_http_phigate_lk_result_t *res,
    const char **kv, size_t *kvlen, size_t *n);
static ngx_int_t ngx_http_phigate_strip_marker(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);


/*
 * NGX_AGAIN: the request waits, and resumes the phases when decided;
 * NGX_OK: decided now (no store configured, or nothing to ask).
 */
ngx_int_t
ngx_http_phigate_grants_start(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    char                           key[PG_CONSENT_KEY_MAX + 1];
    char                           akey[PG_APPROVED_KEY_LEN + 1];
    size_t                         klen;
    ngx_str_t                      token;
    ngx_uint_t                     i;
    const char                    *argv[2];
    size_t                         argvlen[2];
    ngx_http_phigate_redis_t      *rd;
    ngx_http_phigate_loc_conf_t   *plcf;
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);
    plcf = ngx_http_get_module_loc_conf(r, ngx_http_phigate_module);

    ctx->consent_slot = NGX_ERROR;
    ctx->approval_slot = NGX_ERROR;

    for (i = 0; i < PG_CREDENTIALS_MAX; i++) {
        ctx->cred_slot[i] = NGX_ERROR;
    }

    rd = pmcf->redis_read ? pmcf->redis_read : pmcf->redis;

    if (ctx->insp.status == PG_OK) {
        /* a marker is an instruction to the gateway, whatever the store */
        ctx->marker_rc = pg_marker_find(&ctx->insp.fields, &ctx->marker);
        ngx_http_phigate_grants_credentials(r, ctx);
    }

    if (rd == NULL || ctx->insp.status != PG_OK) {
        goto decide;
    }

    ngx_http_phigate_grants_creds(r, ctx, rd);

    if (pg_decide_needs_grants(&ctx->verdict)) {

        if (pg_approval_hash(&ctx->arena, &ctx->insp.fields,
                             ctx->insp.platform, ctx->approval)
            == PG_OK)
        {
            klen = pg_approval_key(ctx->approval, akey, sizeof(akey));
            argv[0] = "HGETALL";
            argvlen[0] = 7;
            argv[1] = akey;
            argvlen[1] = klen;

            ctx->approval_slot = ngx_http_phigate_lookup_add(&ctx->lookup,
                                                        rd, 2, argv, argvlen);
        }

        switch (ngx_http_phigate_grants_token(r, ctx, &token)) {

        case NGX_OK:
            ctx->grants.token = 1;

            klen = pg_consent_key((const char *) token.data, token.len, key,
                                  sizeof(key));
            argv[0] = "HGETALL";
            argvlen[0] = 7;
            argv[1] = key;
            argvlen[1] = klen;

            ctx->consent_slot = ngx_http_phigate_lookup_add(&ctx->lookup, rd,
                                                        2, argv, argvlen);
            break;

        case NGX_DECLINED:
            break;

        default:
            /* not a token, or two: refused as such, no round trip */
            ctx->grants.token = 1;
            ctx->consent_invalid = 1;
        }
    }

    if (ngx_http_phigate_lookup_wait(&ctx->lookup, plcf->redis_timeout,
                                     ngx_http_phigate_grants_done, ctx)
        == NGX_AGAIN)
    {
        ctx->state = NGX_HTTP_PHIGATE_LOOKUP;
        return NGX_AGAIN;
    }

decide:

    ngx_http_phigate_grants_decide(r, ctx);

    return NGX_OK;
}


/* weighs what the store said, including answers that never came */
void
ngx_http_phigate_grants_decide(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    size_t                         n;
    ngx_uint_t                     i;
    const char                    *kv[NGX_HTTP_PHIGATE_KV_MAX];
    size_t                         kvlen[NGX_HTTP_PHIGATE_KV_MAX];
    ngx_http_phigate_cred_t       *cc;
    ngx_http_phigate_lk_result_t  *res;
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);

    ctx->grants.platform = ctx->insp.platform->name;
    ctx->grants.now = ngx_time();
    ctx->grants.consent = NULL;

    /* credentials: the answers, or what the cache already knew */
    for (i = 0; i < ctx->ncreds; i++) {
        cc = ngx_http_phigate_cred_slot(pmcf, ctx->creds[i].sha256);

        if (ctx->cred_slot[i] != NGX_ERROR) {
            res = &ctx->lookup.results[ctx->cred_slot[i]];

            if (res->status != NGX_HTTP_PHIGATE_LK_OK) {
                /* the store is away: what this worker last knew, if any */
                if (cc != NULL
                    && ngx_strcmp(cc->sha256, ctx->creds[i].sha256) == 0)
                {
                    ctx->grants.revoked |= cc->revoked;

                } else {
                    ctx->grants.cred_unknown = 1;
                }

                continue;
            }

            if (cc != NULL) {
                ngx_memcpy(cc->sha256, ctx->creds[i].sha256,
                           PG_SHA256_HEX + 1);
                cc->revoked = (res->integer == 1);
                cc->expires = ngx_current_msec + pmcf->cred_ttl;
            }

            if (res->integer == 1) {
                ctx->grants.revoked = 1;
            }

        } else if (cc != NULL && cc->revoked
                   && ngx_strcmp(cc->sha256, ctx->creds[i].sha256) == 0)
        {
            ctx->grants.revoked = 1;
        }
    }

    if (ctx->approval_slot != NGX_ERROR) {
        res = &ctx->lookup.results[ctx->approval_slot];

        if (res->status != NGX_HTTP_PHIGATE_LK_OK) {
            ctx->grants.unavailable = 1;

        } else {
            n = ngx_min(res->nelts, NGX_HTTP_PHIGATE_KV_MAX);

            ctx->grants.approval_len = ngx_palloc(r->pool, n * sizeof(size_t)
                                                           + 1);
            ctx->grants.approval = ngx_palloc(r->pool,
                                              n * sizeof(char *) + 1);

            if (ctx->grants.approval_len != NULL
                && ctx->grants.approval != NULL)
            {
                ngx_http_phigate_grants_kv(res,
                                       (const char **) ctx->grants.approval,
                                       (size_t *) ctx->grants.approval_len,
                                       &ctx->grants.approval_n);
            }
        }
    }

    if (ctx->consent_invalid) {
        ngx_memzero(&ctx->consent, sizeof(pg_consent_t));
        ctx->consent.state = PG_CONSENT_GARBLED;
        ctx->consent.why = "token";
        ctx->grants.consent = &ctx->consent;

    } else if (ctx->consent_slot != NGX_ERROR) {
        res = &ctx->lookup.results[ctx->consent_slot];

        if (res->status != NGX_HTTP_PHIGATE_LK_OK) {
            ctx->grants.unavailable = 1;

        } else {
            ngx_http_phigate_grants_kv(res, kv, kvlen, &n);
            pg_consent_parse(kv, kvlen, n, &ctx->consent);

            if (ctx->consent.state != PG_CONSENT_ABSENT) {
                ctx->grants.consent = &ctx->consent;
            }
        }
    }

    pg_decide_grants(&ctx->policy, &ctx->insp, &ctx->grants, &ctx->verdict);

    if (ngx_strcmp(ctx->verdict.reason, "approved") != 0) {
        ctx->approval[0] = '\0';
    }

    /* a forwarded post must not carry the gateway's marker */
    if (ctx->verdict.decision != PG_DECISION_BLOCK
        && ctx->marker_rc == PG_MARKER_FOUND)
    {
        if (ngx_http_phigate_strip_marker(r, ctx) != NGX_OK) {
            ctx->verdict.decision = PG_DECISION_BLOCK;
            ctx->verdict.reason = pg_marker_reason(ctx->marker_rc);
            ctx->verdict.http_status = NGX_HTTP_BAD_REQUEST;
        }
    }
}


static void
ngx_http_phigate_grants_done(ngx_http_request_t *r, void *data)
{
    ngx_http_phigate_ctx_t  *ctx = data;

    ngx_uint_t               i, errors;

    /* every question the batch asked, and those it got no answer to */
    for (errors = 0, i = 0; i < ctx->lookup.n; i++) {
        errors += (ctx->lookup.results[i].status != NGX_HTTP_PHIGATE_LK_OK);
    }

    ngx_http_phigate_metrics_redis(r,
                           (ngx_current_msec - ctx->lookup.started) * 1000,
                           ctx->lookup.n, errors);

    ngx_http_phigate_grants_decide(r, ctx);
    ngx_http_phigate_decided(r, ctx, 0);

    r->write_event_handler = ngx_http_core_run_phases;
    ngx_http_core_run_phases(r);
}


/*
 * The consent token: the configured header, else an inline marker in the
 * post.  NGX_OK with the token, NGX_DECLINED when there is none,
 * NGX_ERROR when what is presented is not one token.
 */
static ngx_int_t
ngx_http_phigate_grants_token(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_str_t *token)
{
    size_t                        tlen;
    ngx_int_t                     rc;
    ngx_str_t                     value;
    const char                   *tok;
    ngx_http_phigate_loc_conf_t  *plcf;

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_phigate_module);

    rc = ngx_http_phigate_header(r, (const char *) plcf->consent_header.data,
                                 plcf->consent_header.len, &value);

    if (rc == NGX_OK) {
        if (pg_consent_token_from_header((const char *) value.data,
                                         value.len, &tok, &tlen)
            != 0)
        {
            return NGX_ERROR;
        }

    } else if (rc != NGX_DECLINED) {
        return NGX_ERROR;

    } else if (ctx->marker_rc == PG_MARKER_FOUND) {
        tok = ctx->marker.token;
        tlen = ctx->marker.token_len;

    } else if (ctx->marker_rc == PG_MARKER_NONE) {
        return NGX_DECLINED;

    } else {
        /* two different markers, or a broken one */
        return NGX_ERROR;
    }

    token->data = (u_char *) tok;
    token->len = tlen;

    pg_consent_token_ref(tok, tlen, ctx->consent_ref);

    return NGX_OK;
}


/* the credentials the request uses, hashed: audit identity, revocation */
static void
ngx_http_phigate_grants_credentials(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    int               n;
    ngx_table_elt_t  *authz;

    authz = r->headers_in.authorization;

    n = pg_credentials(&ctx->arena,
                       authz ? (const char *) authz->value.data : NULL,
                       authz ? authz->value.len : 0,
                       &ctx->insp.fields, ctx->creds, PG_CREDENTIALS_MAX);

    ctx->ncreds = n > 0 ? (ngx_uint_t) n : 0;
}


/* each credential, asked about unless the worker's cache knows it */
static void
ngx_http_phigate_grants_creds(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_http_phigate_redis_t *rd)
{
    ngx_uint_t                     i;
    const char                    *argv[3];
    size_t                         argvlen[3];
    ngx_http_phigate_cred_t       *cc;
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);

    for (i = 0; i < ctx->ncreds; i++) {
        cc = ngx_http_phigate_cred_slot(pmcf, ctx->creds[i].sha256);

        if (cc != NULL && ngx_current_msec < cc->expires
            && ngx_strcmp(cc->sha256, ctx->creds[i].sha256) == 0)
        {
            continue;
        }

        argv[0] = "SISMEMBER";
        argvlen[0] = 9;
        argv[1] = PG_REVOKED_KEY;
        argvlen[1] = sizeof(PG_REVOKED_KEY) - 1;
        argv[2] = ctx->creds[i].sha256;
        argvlen[2] = PG_SHA256_HEX;

        ctx->cred_slot[i] = ngx_http_phigate_lookup_add(&ctx->lookup, rd, 3,
                                                        argv, argvlen);
    }
}


/* direct-mapped: a credential's place is fixed by its hash */
static ngx_http_phigate_cred_t *
ngx_http_phigate_cred_slot(ngx_http_phigate_main_conf_t *pmcf,
    const char *sha256)
{
    ngx_uint_t  h;

    if (pmcf->cred_cache == NULL || pmcf->cred_ttl == 0) {
        return NULL;
    }

    h = ngx_hextoi((u_char *) sha256, 6);

    return &pmcf->cred_cache[h % NGX_HTTP_PHIGATE_CRED_CACHE];
}


static void
ngx_http_phigate_grants_kv(ngx_http_phigate_lk_result_t *res,
    const char **kv, size_t *kvlen, size_t *n)
{
    size_t  i;

    *n = ngx_min(res->nelts, NGX_HTTP_PHIGATE_KV_MAX);

    for (i = 0; i < *n; i++) {
        kv[i] = (const char *) res->elts[i].data;
        kvlen[i] = res->elts[i].len;
    }
}


/*
 * Forwards the body and query without the marker.  The new body replaces
 * the read one (in memory, the temporary file no longer used) and its
 * length is what the proxy sends as Content-Length.
 */
static ngx_int_t
ngx_http_phigate_strip_marker(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    u_char       *p;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    ctx->marker_rc = pg_marker_strip(&ctx->arena, ctx->req.content_type,
                                     ctx->req.content_type_len,
                                     ctx->req.body, ctx->req.body_len,
                                     ctx->req.query, ctx->req.query_len,
                                     &ctx->marker);

    if (ctx->marker_rc != PG_MARKER_FOUND) {
        return NGX_ERROR;
    }

    if (ctx->marker.body_changed && r->request_body != NULL) {
        b = ngx_calloc_buf(r->pool);
        cl = ngx_alloc_chain_link(r->pool);
        if (b == NULL || cl == NULL) {
            return NGX_ERROR;
        }

        b->temporary = 1;
        b->start = b->pos = (u_char *) ctx->marker.body;
        b->end = b->last = b->pos + ctx->marker.body_len;
        b->last_buf = 1;
        b->last_in_chain = 1;

        cl->buf = b;
        cl->next = NULL;

        r->request_body->bufs = cl;
        r->request_body->temp_file = NULL;
        r->headers_in.content_length_n = ctx->marker.body_len;

        if (r->headers_in.content_length != NULL) {
            p = ngx_pnalloc(r->pool, NGX_OFF_T_LEN);
            if (p == NULL) {
                return NGX_ERROR;
            }

            r->headers_in.content_length->value.data = p;
            r->headers_in.content_length->value.len =
                         ngx_sprintf(p, "%O", r->headers_in.content_length_n)
                         - p;
        }
    }

    if (ctx->marker.query_changed) {
        r->args.data = (u_char *) ctx->marker.query;
        r->args.len = ctx->marker.query_len;

        /* the proxy then builds the URI from r->uri and the new r->args */
        r->valid_unparsed_uri = 0;
    }

    return NGX_OK;
}
