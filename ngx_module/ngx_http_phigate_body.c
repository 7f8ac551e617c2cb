
/*
 * Copyright (C) phigate authors
 *
 * The whole request body as one contiguous buffer for the engine.  nginx
 * leaves a read body either in memory buffers or, past
 * client_body_buffer_size, in a temporary file; both are inspected.  A
 * body entirely in one file is mapped rather than copied.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <sys/mman.h>

#include "ngx_http_phigate_module.h"


static ngx_int_t ngx_http_phigate_map(ngx_http_phigate_ctx_t *ctx,
    ngx_buf_t *b, u_char **data, size_t *len);


/*
 * NGX_OK with *data and *len (NULL and 0 when there is no body),
 * NGX_DECLINED when a body phigate_max_body bounds is over it, NGX_ERROR
 * otherwise.  Media bodies are not gathered: they are not read as text.
 */
ngx_int_t
ngx_http_phigate_body(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx,
    u_char **data, size_t *len)
{
    off_t         total;
    u_char       *p;
    ssize_t       n;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    *data = NULL;
    *len = 0;

    if (r->request_body == NULL || r->request_body->bufs == NULL) {
        ctx->body_len = 0;
        return NGX_OK;
    }

    total = 0;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        total += ngx_buf_size(cl->buf);
    }

    ctx->body_len = total;

    if (total == 0 || ctx->insp.body_kind == PG_BODY_MEDIA) {
        return NGX_OK;
    }

    if (pg_limit_applies(ctx->insp.body_kind) && ctx->limits.max_body
        && total > (off_t) ctx->limits.max_body)
    {
        return NGX_DECLINED;
    }

    cl = r->request_body->bufs;
    b = cl->buf;

    if (cl->next == NULL) {
        if (!b->in_file) {
            *data = b->pos;
            *len = b->last - b->pos;
            return NGX_OK;
        }

        if (b->file_pos == 0) {
            return ngx_http_phigate_map(ctx, b, data, len);
        }
    }

    p = ngx_pnalloc(r->pool, (size_t) total);
    if (p == NULL) {
        return NGX_ERROR;
    }

    *data = p;

    for ( /* void */ ; cl; cl = cl->next) {
        b = cl->buf;

        if (!b->in_file) {
            p = ngx_cpymem(p, b->pos, b->last - b->pos);
            continue;
        }

        n = ngx_read_file(b->file, p, (size_t) (b->file_last - b->file_pos),
                          b->file_pos);

        if (n != b->file_last - b->file_pos) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "phigate: short read of the request body file "
                          "\"%V\"", &b->file->name);
            return NGX_ERROR;
        }

        p += n;
    }

    *len = p - *data;

    return NGX_OK;
}


static ngx_int_t
ngx_http_phigate_map(ngx_http_phigate_ctx_t *ctx, ngx_buf_t *b,
    u_char **data, size_t *len)
{
    size_t   size;
    u_char  *p;

    size = (size_t) b->file_last;

    p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, b->file->fd, 0);

    if (p == MAP_FAILED) {
        ngx_log_error(NGX_LOG_ERR, ctx->request->connection->log, ngx_errno,
                      "phigate: mmap() of the request body file \"%V\" "
                      "failed", &b->file->name);
        return NGX_ERROR;
    }

    ctx->map = p;
    ctx->map_len = size;

    *data = p;
    *len = size;

    return NGX_OK;
}
