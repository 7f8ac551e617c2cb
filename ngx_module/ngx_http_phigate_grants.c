
/*
 * Copyright (C) phigate authors
 *
 * Asking the consent store about a post with findings: is this exact post
 * approved, and does the consent token it presents cover what it carries?
 * The questions go out together on the read endpoint (a local replica
 * where there is one); the request waits without holding the worker, and
 * the engine decides on the answers (pg_decide_grants()).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


static void ngx_http_phigate_grants_done(ngx_http_request_t *r, void *data);
static ngx_int_t ngx_http_phigate_grants_token(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_str_t *token);


/*
 * NGX_AGAIN: the request waits, and resumes the phases when decided;
 * NGX_OK: decided now (no store configured, or nothing could be asked).
 */
ngx_int_t
ngx_http_phigate_grants_start(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    char                           key[PG_CONSENT_KEY_MAX + 1];
    size_t                         klen;
    ngx_str_t                      token;
    const char                    *argv[2];
    size_t                         argvlen[2];
    ngx_http_phigate_redis_t      *rd;
    ngx_http_phigate_loc_conf_t   *plcf;
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);
    plcf = ngx_http_get_module_loc_conf(r, ngx_http_phigate_module);

    rd = pmcf->redis_read ? pmcf->redis_read : pmcf->redis;

    if (rd == NULL || !pg_decide_needs_grants(&ctx->verdict)) {
        return NGX_OK;
    }

    ctx->consent_slot = NGX_ERROR;

    switch (ngx_http_phigate_grants_token(r, ctx, &token)) {

    case NGX_OK:
        ctx->grants.token = 1;

        klen = pg_consent_key((const char *) token.data, token.len, key,
                              sizeof(key));
        argv[0] = "HGETALL";
        argvlen[0] = 7;
        argv[1] = key;
        argvlen[1] = klen;

        ctx->consent_slot = ngx_http_phigate_lookup_add(&ctx->lookup, rd, 2,
                                                        argv, argvlen);
        break;

    case NGX_DECLINED:
        break;

    default:
        /* a header that is not a token: refused as such, no round trip */
        ctx->grants.token = 1;
        ctx->consent_invalid = 1;
    }

    if (!ctx->grants.token) {
        /* approvals join here (pg_approval); nothing else to ask yet */
        return NGX_OK;
    }

    if (ngx_http_phigate_lookup_wait(&ctx->lookup, plcf->redis_timeout,
                                     ngx_http_phigate_grants_done, ctx)
        == NGX_AGAIN)
    {
        ctx->state = NGX_HTTP_PHIGATE_LOOKUP;
        return NGX_AGAIN;
    }

    ngx_http_phigate_grants_decide(r, ctx);

    return NGX_OK;
}


/* weighs what the store said; also for answers that never came */
void
ngx_http_phigate_grants_decide(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    size_t                         i, n;
    const char                    *kv[64];
    size_t                         kvlen[64];
    ngx_http_phigate_lk_result_t  *res;

    ctx->grants.platform = ctx->insp.platform->name;
    ctx->grants.now = ngx_time();
    ctx->grants.consent = NULL;

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
            n = ngx_min(res->nelts, 64);

            for (i = 0; i < n; i++) {
                kv[i] = (const char *) res->elts[i].data;
                kvlen[i] = res->elts[i].len;
            }

            pg_consent_parse(kv, kvlen, n, &ctx->consent);

            if (ctx->consent.state != PG_CONSENT_ABSENT) {
                ctx->grants.consent = &ctx->consent;
            }
        }
    }

    pg_decide_grants(&ctx->policy, &ctx->insp, &ctx->grants, &ctx->verdict);
}


static void
ngx_http_phigate_grants_done(ngx_http_request_t *r, void *data)
{
    ngx_http_phigate_ctx_t  *ctx = data;

    ngx_http_phigate_grants_decide(r, ctx);
    ngx_http_phigate_decided(r, ctx, 0);

    r->write_event_handler = ngx_http_core_run_phases;
    ngx_http_core_run_phases(r);
}


/*
 * The consent token from the configured header.  NGX_OK with the token,
 * NGX_DECLINED when there is none, NGX_ERROR when the header is not a
 * token (or is repeated).
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
    if (rc != NGX_OK) {
        return rc == NGX_DECLINED ? NGX_DECLINED : NGX_ERROR;
    }

    if (pg_consent_token_from_header((const char *) value.data, value.len,
                                     &tok, &tlen)
        != 0)
    {
        return NGX_ERROR;
    }

    token->data = (u_char *) tok;
    token->len = tlen;

    pg_consent_token_ref(tok, tlen, ctx->consent_ref);

    return NGX_OK;
}
