
/*
 * Copyright (C) phigate authors
 *
 * Post history: the platform's answer to a forwarded post.  The header
 * filter takes the status (and LinkedIn's x-restli-id header); the body
 * filter copies the first bytes of a JSON answer, passing everything on
 * unchanged; the log phase takes the created object's id from them
 * (pg_response.c) and writes the request's audit record, so that one
 * record says who published what, where, when, under which consent, and
 * what the platform made of it.  Blocked requests were recorded when
 * they were decided.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"
#include "pg_response.h"


/* an id is near the start of any platform's answer */
#define NGX_HTTP_PHIGATE_CAPTURE  (64 * 1024)


static ngx_int_t ngx_http_phigate_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_phigate_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_phigate_log_handler(ngx_http_request_t *r);
static ngx_http_phigate_ctx_t *ngx_http_phigate_forwarded(
    ngx_http_request_t *r);


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


ngx_int_t
ngx_http_phigate_response_init(ngx_conf_t *cf)
{
    ngx_http_handler_pt        *h;
    ngx_http_core_main_conf_t  *cmcf;

    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_phigate_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_phigate_body_filter;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_LOG_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_phigate_log_handler;

    return NGX_OK;
}


/* the context of a main request that phigate forwarded and not audited */
static ngx_http_phigate_ctx_t *
ngx_http_phigate_forwarded(ngx_http_request_t *r)
{
    ngx_http_phigate_ctx_t  *ctx;

    if (r != r->main) {
        return NULL;
    }

    ctx = ngx_http_phigate_get_ctx(r);

    if (ctx == NULL || ctx->state != NGX_HTTP_PHIGATE_DONE || ctx->audited
        || ctx->verdict.decision == PG_DECISION_BLOCK)
    {
        return NULL;
    }

    return ctx;
}


static ngx_int_t
ngx_http_phigate_header_filter(ngx_http_request_t *r)
{
    ngx_str_t                value;
    ngx_uint_t               i;
    ngx_list_part_t         *part;
    ngx_table_elt_t         *hd;
    ngx_http_phigate_ctx_t  *ctx;

    ctx = ngx_http_phigate_forwarded(r);

    if (ctx == NULL) {
        return ngx_http_next_header_filter(r);
    }

    ctx->upstream_status = r->headers_out.status;

    if (r->headers_out.content_encoding != NULL) {
        value = r->headers_out.content_encoding->value;
        ctx->resp_encoding = ngx_pnalloc(r->pool, value.len + 1);
        if (ctx->resp_encoding != NULL) {
            (void) ngx_cpystrn(ctx->resp_encoding, value.data, value.len + 1);
        }
    }

    /* LinkedIn answers 201 with the new post's URN in a header */
    part = &r->headers_out.headers.part;
    hd = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            hd = part->elts;
            i = 0;
        }

        if (hd[i].hash != 0 && hd[i].key.len == sizeof("x-restli-id") - 1
            && ngx_strncasecmp(hd[i].key.data, (u_char *) "x-restli-id",
                               hd[i].key.len) == 0
            && pg_response_id_valid((const char *) hd[i].value.data,
                                    hd[i].value.len))
        {
            ngx_memcpy(ctx->post_id, hd[i].value.data, hd[i].value.len);
            ctx->post_id[hd[i].value.len] = '\0';
        }
    }

    if (r->headers_out.content_type.len >= sizeof("application/json") - 1
        && ngx_strlcasestrn(r->headers_out.content_type.data,
                            r->headers_out.content_type.data
                            + r->headers_out.content_type.len,
                            (u_char *) "json", 4 - 1)
           != NULL)
    {
        ctx->capture = 1;
    }

    return ngx_http_next_header_filter(r);
}


static ngx_int_t
ngx_http_phigate_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    size_t                   n;
    ngx_buf_t               *b;
    ngx_chain_t             *cl;
    ngx_http_phigate_ctx_t  *ctx;

    ctx = ngx_http_phigate_forwarded(r);

    if (ctx == NULL || !ctx->capture) {
        return ngx_http_next_body_filter(r, in);
    }

    if (ctx->resp == NULL) {
        ctx->resp = ngx_pnalloc(r->pool, NGX_HTTP_PHIGATE_CAPTURE);
        if (ctx->resp == NULL) {
            ctx->capture = 0;
            return ngx_http_next_body_filter(r, in);
        }
    }

    /* a copy of what passes, never holding the buffers back */
    for (cl = in; cl; cl = cl->next) {
        b = cl->buf;

        if (!ngx_buf_in_memory(b) || b->in_file) {
            continue;
        }

        n = ngx_min((size_t) (b->last - b->pos),
                    NGX_HTTP_PHIGATE_CAPTURE - ctx->resp_len);

        ngx_memcpy(ctx->resp + ctx->resp_len, b->pos, n);
        ctx->resp_len += n;
    }

    return ngx_http_next_body_filter(r, in);
}


static ngx_int_t
ngx_http_phigate_log_handler(ngx_http_request_t *r)
{
    ngx_http_phigate_ctx_t  *ctx;

    ctx = ngx_http_phigate_forwarded(r);

    if (ctx == NULL) {
        return NGX_OK;
    }

    if (ctx->post_id[0] == '\0' && ctx->resp_len) {
        (void) pg_response_post_id_encoded(ctx->insp.platform,
                                          (const char *) ctx->resp_encoding,
                                          (const char *) ctx->resp,
                                          ctx->resp_len, ctx->post_id);
    }

    ngx_http_phigate_audit(r, ctx, 0);

    return NGX_OK;
}
