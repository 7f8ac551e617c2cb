
/*
 * Copyright (C) phigate authors
 *
 * The request path: snapshot the request, read its body without blocking
 * the worker, hand everything to the engine, act on the verdict.  Body
 * reading follows ngx_http_mirror_module: the handler starts the read and
 * returns NGX_DONE after ngx_http_finalize_request(r, NGX_DONE), which
 * balances the r->main->count reference the read takes; the body handler
 * resumes the phases and the handler, entered again, returns the verdict.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <sys/mman.h>
#include <time.h>

#include "ngx_http_phigate_module.h"


static ngx_http_phigate_ctx_t *ngx_http_phigate_create_ctx(
    ngx_http_request_t *r, ngx_http_phigate_loc_conf_t *plcf);
static void ngx_http_phigate_cleanup(void *data);
static ngx_int_t ngx_http_phigate_snapshot(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
static void ngx_http_phigate_body_handler(ngx_http_request_t *r);
static void ngx_http_phigate_inspect(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
static ngx_int_t ngx_http_phigate_act(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
static ngx_int_t ngx_http_phigate_send_block(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);


/* a monotonic clock for the inspection time histogram (vDSO, no syscall) */
#define ngx_http_phigate_clock(ts)  (void) clock_gettime(CLOCK_MONOTONIC, ts)


ngx_int_t
ngx_http_phigate_handler(ngx_http_request_t *r)
{
    ngx_int_t                     rc;
    ngx_http_phigate_ctx_t       *ctx;
    ngx_http_phigate_loc_conf_t  *plcf;

    /* subrequests (mirror, SSI, auth_request) share the main's body */
    if (r != r->main) {
        return NGX_DECLINED;
    }

    ctx = ngx_http_phigate_get_ctx(r);

    if (ctx != NULL) {
        if (ctx->state != NGX_HTTP_PHIGATE_DONE) {
            /* still reading the body or waiting on Redis */
            return NGX_DONE;
        }

        return ngx_http_phigate_act(r, ctx);
    }

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_phigate_module);

    if (!plcf->enable) {
        return NGX_DECLINED;
    }

    ngx_http_phigate_scrub_log(r);

    ctx = ngx_http_phigate_create_ctx(r, plcf);
    if (ctx == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /*
     * What the headers alone decide (an encoded body, a declared length
     * over the limit) is decided before a byte of the body is read.
     */
    if (pg_inspect_headers(&ctx->req, r->headers_in.content_length_n,
                           &ctx->limits, &ctx->insp)
        != PG_OK)
    {
        /* body_len stays -1: the audit says the body was not read */
        pg_decide(&ctx->policy, &ctx->insp, &ctx->verdict);
        ngx_http_phigate_decided(r, ctx, 0);

        return ngx_http_phigate_act(r, ctx);
    }

    ctx->state = NGX_HTTP_PHIGATE_READING;

    rc = ngx_http_read_client_request_body(r, ngx_http_phigate_body_handler);

    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
        /*
         * nginx refused the body itself (client_max_body_size, a broken
         * chunked encoding): not forwarded; the cleanup audits it.
         */
        return rc;
    }

    ngx_http_finalize_request(r, NGX_DONE);

    return NGX_DONE;
}


ngx_http_phigate_ctx_t *
ngx_http_phigate_get_ctx(ngx_http_request_t *r)
{
    ngx_pool_cleanup_t      *cln;
    ngx_http_phigate_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_phigate_module);

    if (ctx != NULL || r != r->main) {
        return ctx;
    }

    /* an internal redirect cleared module contexts: find ours again */
    for (cln = r->pool->cleanup; cln; cln = cln->next) {
        if (cln->handler == ngx_http_phigate_cleanup) {
            ctx = cln->data;
            ngx_http_set_ctx(r, ctx, ngx_http_phigate_module);
            return ctx;
        }
    }

    return NULL;
}


static ngx_http_phigate_ctx_t *
ngx_http_phigate_create_ctx(ngx_http_request_t *r,
    ngx_http_phigate_loc_conf_t *plcf)
{
    ngx_pool_cleanup_t            *cln;
    ngx_http_phigate_ctx_t        *ctx;
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);

    cln = ngx_pool_cleanup_add(r->pool, sizeof(ngx_http_phigate_ctx_t));
    if (cln == NULL) {
        return NULL;
    }

    ctx = cln->data;
    ngx_memzero(ctx, sizeof(ngx_http_phigate_ctx_t));

    ctx->request = r;
    ctx->body_len = -1;
    ctx->limits.max_body = plcf->max_body;
    ctx->limits.platforms = pmcf->platforms;
    ctx->limits.allow = plcf->allow;
    ctx->limits.rules = plcf->rules;
    ctx->limits.min_confidence = plcf->min_confidence;
    ctx->policy.mode = plcf->mode;
    ctx->policy.fail_open = (plcf->fail == NGX_HTTP_PHIGATE_FAIL_OPEN);
    ctx->policy.block_status = plcf->block_status;
    ctx->policy.redis_fail_open =
                            (plcf->redis_fail == NGX_HTTP_PHIGATE_FAIL_OPEN);
    ctx->policy.dm_block = (plcf->dm == NGX_HTTP_PHIGATE_DM_BLOCK);
    ctx->policy.consent_never = plcf->consent_never;
    ctx->policy.record_only = (plcf->media == NGX_HTTP_PHIGATE_MEDIA_RECORD)
                              ? PG_TYPESET(PG_T_MEDIA) : 0;
    ctx->consent_slot = NGX_ERROR;

    pg_arena_init(&ctx->arena, 0);
    ngx_http_phigate_lookup_init(&ctx->lookup, r);

    cln->handler = ngx_http_phigate_cleanup;

    ngx_http_set_ctx(r, ctx, ngx_http_phigate_module);

    if (ngx_http_phigate_snapshot(r, ctx) != NGX_OK) {
        return NULL;
    }

    return ctx;
}


/*
 * Runs when the request pool is destroyed, after the log phase.  A request
 * that never reached a decision (the client went away, the body timed out
 * or nginx refused it) was not forwarded; it is audited here so the trail
 * has every inspected request.
 */
static void
ngx_http_phigate_cleanup(void *data)
{
    ngx_http_phigate_ctx_t  *ctx = data;

    ngx_http_request_t  *r;

    r = ctx->request;

    /* a reply that comes after the request is gone must find no one */
    ngx_http_phigate_lookup_detach(&ctx->lookup);

    if (ctx->state != NGX_HTTP_PHIGATE_DONE && !ctx->audited) {
        ctx->insp.status = PG_ERR_BODY_UNREADABLE;
        ctx->verdict.decision = PG_DECISION_BLOCK;
        ctx->verdict.reason = pg_status_name(PG_ERR_BODY_UNREADABLE);
        ctx->verdict.http_status = r->headers_out.status;

        ngx_http_phigate_audit(r, ctx, r->headers_out.status);

    } else if (!ctx->audited) {
        /* decided and forwarded, but the log phase never came */
        ngx_http_phigate_audit(r, ctx, 0);
    }

    if (ctx->map != NULL) {
        munmap(ctx->map, ctx->map_len);
        ctx->map = NULL;
    }

    pg_arena_free(&ctx->arena);
}


/*
 * The engine sees copies of what it needs, taken now: the request's own
 * strings may point into buffers nginx reuses before the pool cleanup.
 */
static ngx_int_t
ngx_http_phigate_snapshot(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx)
{
    u_char                        *p, *q;
    ngx_str_t                      ce, path;
    pg_request_t                  *req;
    ngx_http_variable_value_t     *vv;
    ngx_http_phigate_main_conf_t  *pmcf;

    req = &ctx->req;

    req->method = (const char *) r->method_name.data;
    req->method_len = r->method_name.len;

    req->host = (const char *) r->headers_in.server.data;
    req->host_len = r->headers_in.server.len;

    /* the path as the client sent it, without the query */
    path = r->unparsed_uri;
    q = ngx_strlchr(path.data, path.data + path.len, '?');
    if (q != NULL) {
        path.len = q - path.data;
    }

    req->path = (const char *) path.data;
    req->path_len = path.len;

    req->query = (const char *) r->args.data;
    req->query_len = r->args.len;

    if (r->headers_in.content_type != NULL) {
        req->content_type =
                      (const char *) r->headers_in.content_type->value.data;
        req->content_type_len = r->headers_in.content_type->value.len;
    }

    switch (ngx_http_phigate_header(r, "Content-Encoding",
                                    sizeof("Content-Encoding") - 1, &ce))
    {
    case NGX_OK:
        req->content_encoding = (const char *) ce.data;
        req->content_encoding_len = ce.len;
        break;

    case NGX_DECLINED:
        break;

    default:
        /* two Content-Encoding headers: an encoding chain, not decoded */
        req->content_encoding = "multiple";
        req->content_encoding_len = sizeof("multiple") - 1;
    }

    p = ngx_pnalloc(r->pool, req->method_len + req->host_len
                             + req->path_len + req->query_len
                             + req->content_type_len
                             + req->content_encoding_len);
    if (p == NULL) {
        return NGX_ERROR;
    }

#define ngx_http_phigate_copy(s, n)                                          \
    if (n) {                                                                 \
        q = p;                                                               \
        p = ngx_cpymem(p, s, n);                                             \
        s = (const char *) q;                                                \
    }

    ngx_http_phigate_copy(req->method, req->method_len);
    ngx_http_phigate_copy(req->host, req->host_len);
    ngx_http_phigate_copy(req->path, req->path_len);
    ngx_http_phigate_copy(req->query, req->query_len);
    ngx_http_phigate_copy(req->content_type, req->content_type_len);
    ngx_http_phigate_copy(req->content_encoding, req->content_encoding_len);

#undef ngx_http_phigate_copy

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);

    vv = ngx_http_get_indexed_variable(r, pmcf->request_id_index);

    if (vv != NULL && !vv->not_found) {
        ctx->request_id.data = ngx_pnalloc(r->pool, vv->len);
        if (ctx->request_id.data == NULL) {
            return NGX_ERROR;
        }

        ngx_memcpy(ctx->request_id.data, vv->data, vv->len);
        ctx->request_id.len = vv->len;
    }

    return NGX_OK;
}


/* NGX_OK: one header found; NGX_DECLINED: none; NGX_BUSY: several */
ngx_int_t
ngx_http_phigate_header(ngx_http_request_t *r, const char *name, size_t len,
    ngx_str_t *value)
{
    ngx_int_t         rc;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    rc = NGX_DECLINED;
    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len != len
            || ngx_strncasecmp(h[i].key.data, (u_char *) name, len) != 0)
        {
            continue;
        }

        if (rc == NGX_OK) {
            return NGX_BUSY;
        }

        *value = h[i].value;
        rc = NGX_OK;
    }

    return rc;
}


static void
ngx_http_phigate_body_handler(ngx_http_request_t *r)
{
    ngx_http_phigate_ctx_t  *ctx;

    ctx = ngx_http_phigate_get_ctx(r);

    ngx_http_phigate_inspect(r, ctx);

    /* a post with findings may be approved or consented to: ask Redis */
    if (ngx_http_phigate_grants_start(r, ctx) == NGX_AGAIN) {
        return;
    }

    ngx_http_phigate_decided(r, ctx, 0);

    r->write_event_handler = ngx_http_core_run_phases;
    ngx_http_core_run_phases(r);
}


static void
ngx_http_phigate_inspect(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx)
{
    size_t           len;
    u_char          *body;
    ngx_int_t        rc;
    struct timespec  t0, t1;

    rc = ngx_http_phigate_body(r, ctx, &body, &len);

    if (rc == NGX_DECLINED) {
        /* over the limit, found after reading a chunked or h2 body */
        ctx->insp.status = PG_ERR_TOO_LARGE;

    } else if (rc != NGX_OK) {
        ctx->insp.status = PG_ERR_BODY_UNREADABLE;

    } else {
        ctx->req.body = (const char *) body;
        ctx->req.body_len = body != NULL ? len : (size_t) ctx->body_len;

        /*
         * The hash matches a record with an archived post; an upload's
         * megabytes are not hashed in the worker.
         */
        if (body != NULL && len <= ctx->limits.max_body
            && pg_sha256_hex(body, len, ctx->body_sha256) == 0)
        {
            ctx->have_sha256 = 1;
        }

        ngx_http_phigate_clock(&t0);
        (void) pg_inspect(&ctx->arena, &ctx->req, &ctx->limits, &ctx->insp);
        ngx_http_phigate_clock(&t1);

        ngx_http_phigate_metrics_inspect(r,
                                     (t1.tv_sec - t0.tv_sec) * 1000000
                                     + (t1.tv_nsec - t0.tv_nsec) / 1000);
    }

    pg_decide(&ctx->policy, &ctx->insp, &ctx->verdict);
}


void
ngx_http_phigate_decided(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx,
    ngx_uint_t status)
{
    ngx_uint_t                    level;
    ngx_http_phigate_loc_conf_t  *plcf;

    ctx->state = NGX_HTTP_PHIGATE_DONE;

    ctx->summary_len = pg_findings_summary(&ctx->insp.findings,
                                           (char *) ctx->summary,
                                           NGX_HTTP_PHIGATE_SUMMARY_LEN);

    if (ctx->verdict.decision == PG_DECISION_BLOCK) {
        status = ctx->verdict.http_status;
    }

    /* what and why, never a matched value */
    level = (ctx->verdict.decision == PG_DECISION_ALLOW) ? NGX_LOG_INFO
                                                         : NGX_LOG_WARN;

    ngx_log_error(level, r->connection->log, 0,
                  "phigate: %s, reason: %s, platform: %s, findings: %*s",
                  pg_decision_name(ctx->verdict.decision),
                  ctx->verdict.reason, ctx->insp.platform->name,
                  ctx->summary_len, ctx->summary);

    ngx_http_phigate_metrics_request(r, ctx);

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_phigate_module);

    if (plcf->identity != NULL
        && ngx_http_complex_value(r, plcf->identity, &ctx->identity)
           != NGX_OK)
    {
        ctx->identity.len = 0;
    }

    /*
     * A forwarded post is recorded in the log phase, with the platform's
     * answer (ngx_http_phigate_response.c); a blocked one now.
     */
    if (ctx->verdict.decision == PG_DECISION_BLOCK) {
        ngx_http_phigate_audit(r, ctx, status);
    }
}


static ngx_int_t
ngx_http_phigate_act(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx)
{
    ngx_int_t  rc;

    if (ctx->verdict.decision != PG_DECISION_BLOCK) {
        return NGX_DECLINED;
    }

    /* an early decision left the body unread: drop it, keep the client */
    rc = ngx_http_discard_request_body(r);

    if (rc != NGX_OK) {
        return rc;
    }

    rc = ngx_http_phigate_send_block(r, ctx);

    ngx_http_finalize_request(r, rc);

    return NGX_DONE;
}


static ngx_int_t
ngx_http_phigate_send_block(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    char             *json;
    size_t            len;
    ngx_buf_t        *b;
    ngx_int_t         rc;
    pg_audit_t        au;
    ngx_chain_t       out;
    ngx_table_elt_t  *cc;

    ngx_memzero(&au, sizeof(pg_audit_t));

    au.request_id = (const char *) ctx->request_id.data;
    au.request_id_len = ctx->request_id.len;
    au.req = &ctx->req;
    au.insp = &ctx->insp;
    au.verdict = &ctx->verdict;

    json = pg_block_body(&au, &len);
    if (json == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b = ngx_create_temp_buf(r->pool, len);
    if (b == NULL) {
        free(json);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b->last = ngx_cpymem(b->last, json, len);
    b->last_buf = 1;
    b->last_in_chain = 1;

    free(json);

    r->headers_out.status = ctx->verdict.http_status;
    r->headers_out.content_length_n = len;

    ngx_str_set(&r->headers_out.content_type, "application/json");
    r->headers_out.content_type_len = r->headers_out.content_type.len;
    r->headers_out.content_type_lowcase = NULL;

    /* the answer names findings of one post: no cache may keep it */
    cc = ngx_list_push(&r->headers_out.headers);
    if (cc == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    cc->hash = 1;
    ngx_str_set(&cc->key, "Cache-Control");
    ngx_str_set(&cc->value, "no-store");

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}
