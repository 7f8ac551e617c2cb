
/*
 * Copyright (C) phigate authors
 *
 * Writes the audit record built by the engine (src/pg_audit.c) to
 * phigate_audit_log, chained: each record carries the hash of the one
 * before it (src/pg_chain.c, docs/audit.md).  The last link is kept in
 * shared memory under the zone's lock, so the records of all workers form
 * one chain, in the file's order: link, write and update happen under the
 * lock.  The file is opened by the master with O_APPEND and reopened on
 * "nginx -s reopen"; the chain carries on into the new file.  Each record
 * is one write(2), with no buffer in the worker: once written it survives
 * a crash of nginx (docs/audit.md, "Durability").  A record written is
 * then handed to the audit stream (ngx_http_phigate_stream.c), which
 * never makes the request wait.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"
#include "pg_chain.h"


/* enough to find the last line of an existing log: records are small */
#define NGX_HTTP_PHIGATE_TAIL  (256 * 1024)


static void ngx_http_phigate_audit_tail(ngx_open_file_t *file,
    ngx_http_phigate_chain_t *chain, ngx_log_t *log);
static void ngx_http_phigate_audit_follow(ngx_open_file_t *file,
    ngx_http_phigate_chain_t *chain, ngx_log_t *log);
static ngx_uint_t ngx_http_phigate_audit_published(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);


void
ngx_http_phigate_audit(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx,
    ngx_uint_t status)
{
    char                          *line, *linked;
    size_t                         len, llen;
    ssize_t                        n;
    ngx_time_t                    *tp;
    pg_audit_t                     au;
    ngx_slab_pool_t               *shpool;
    ngx_http_phigate_chain_t      *chain;
    ngx_http_phigate_main_conf_t  *pmcf;

    if (ctx->audited) {
        return;
    }

    ctx->audited = 1;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);

    if (pmcf->audit_file == NULL) {
        return;
    }

    tp = ngx_timeofday();

    ngx_memzero(&au, sizeof(pg_audit_t));

    au.sec = tp->sec;
    au.msec = tp->msec;
    au.request_id = (const char *) ctx->request_id.data;
    au.request_id_len = ctx->request_id.len;
    au.gateway = (const char *) pmcf->gateway.data;
    au.gateway_len = pmcf->gateway.len;
    au.req = &ctx->req;
    au.insp = &ctx->insp;
    au.verdict = &ctx->verdict;
    au.mode = ctx->policy.mode;
    au.status = (int) status;
    au.body_len = ctx->body_len;
    au.body_sha256 = ctx->have_sha256 ? ctx->body_sha256 : NULL;
    au.consent_ref = ctx->consent_ref[0] ? ctx->consent_ref : NULL;
    au.approval = ctx->approval[0] ? ctx->approval : NULL;
    au.identity = (const char *) ctx->identity.data;
    au.identity_len = ctx->identity.len;
    au.credential = ctx->ncreds ? ctx->creds[0].sha256 : NULL;
    au.upstream_status = (int) ctx->upstream_status;
    au.post_id = ctx->post_id[0] ? ctx->post_id : NULL;

    if (ngx_http_phigate_audit_published(r, ctx)) {
        au.text = &ctx->insp.fields;
        au.arena = &ctx->arena;
        au.text_unmark = (ctx->marker_rc == PG_MARKER_FOUND);
    }

    line = pg_audit_line(&au, &len);

    if (line == NULL) {
        ngx_log_error(NGX_LOG_CRIT, r->connection->log, 0,
                      "phigate: cannot build the audit record");
        return;
    }

    shpool = (ngx_slab_pool_t *) pmcf->audit_zone->shm.addr;
    chain = pmcf->audit_zone->data;

    ngx_shmtx_lock(&shpool->mutex);

    if (pg_chain_link(chain->prev, line, len, &linked, &llen) != 0) {
        ngx_shmtx_unlock(&shpool->mutex);
        ngx_log_error(NGX_LOG_CRIT, r->connection->log, 0,
                      "phigate: cannot chain the audit record");
        free(line);
        return;
    }

    ngx_http_phigate_audit_follow(pmcf->audit_file, chain,
                                  r->connection->log);

    n = ngx_write_fd(pmcf->audit_file->fd, linked, llen);

    if (n == (ssize_t) llen) {
        (void) pg_chain_hash(linked, llen, chain->prev);
        chain->records++;
    }

    ngx_shmtx_unlock(&shpool->mutex);

    ngx_http_phigate_metrics_audit(r, n == (ssize_t) llen);

    if (n != (ssize_t) llen) {
        /* the chain's last link stays: the next record links to it */
        ngx_log_error(NGX_LOG_CRIT, r->connection->log, ngx_errno,
                      "phigate: audit record not written to \"%V\"",
                      &pmcf->audit_file->name);

    } else if (pmcf->stream != NULL) {
        /* only what the file holds; the line without its newline */
        ngx_http_phigate_stream_add(pmcf->stream, linked, llen - 1, &au);
    }

    free(linked);
    free(line);
}


/*
 * phigate_audit_text: the text goes into the record of a post the
 * platform received, i.e. forwarded (allow or monitor) and sent upstream
 * (some bytes of the request went to the peer: not a post nginx failed to
 * deliver).  A blocked post's text is never kept, nor that of a post
 * phigate could not read whole (forwarded by "phigate_fail open").  The
 * setting is that of the location that forwarded the post.
 */
/*
 * After a rotation (nginx -s reopen) the workers reopen the log one after
 * the other.  A worker still holding the old file must not write there
 * once another has written to the new one, or the chain would run back
 * and forth between the files.  Under the chain's lock: a file other than
 * the one the last record went to is either the new one (it is the file
 * at the path: it becomes the chain's) or a stale one, which this worker
 * reopens now rather than when its reopen signal arrives.  In the steady
 * state this costs one fstat() per record.
 */
static void
ngx_http_phigate_audit_follow(ngx_open_file_t *file,
    ngx_http_phigate_chain_t *chain, ngx_log_t *log)
{
    ngx_fd_t         fd;
    ngx_file_info_t  fi, pi;

    if (ngx_fd_info(file->fd, &fi) == NGX_FILE_ERROR) {
        return;
    }

    if (chain->uniq == ngx_file_uniq(&fi) && chain->dev == fi.st_dev) {
        return;
    }

    if (chain->uniq != 0
        && ngx_file_info(file->name.data, &pi) != NGX_FILE_ERROR
        && (ngx_file_uniq(&pi) != ngx_file_uniq(&fi)
            || pi.st_dev != fi.st_dev))
    {
        fd = ngx_open_file(file->name.data, NGX_FILE_APPEND,
                           NGX_FILE_CREATE_OR_OPEN, NGX_FILE_DEFAULT_ACCESS);

        if (fd == NGX_INVALID_FILE) {
            ngx_log_error(NGX_LOG_ALERT, log, ngx_errno,
                          ngx_open_file_n " \"%V\" failed", &file->name);
            return;
        }

        if (dup2(fd, file->fd) == -1) {
            ngx_log_error(NGX_LOG_ALERT, log, ngx_errno,
                          "dup2() to \"%V\" failed", &file->name);
        }

        if (ngx_close_file(fd) == NGX_FILE_ERROR) {
            ngx_log_error(NGX_LOG_ALERT, log, ngx_errno,
                          ngx_close_file_n " \"%V\" failed", &file->name);
        }

        if (ngx_fd_info(file->fd, &fi) == NGX_FILE_ERROR) {
            return;
        }
    }

    chain->dev = fi.st_dev;
    chain->uniq = ngx_file_uniq(&fi);
}


static ngx_uint_t
ngx_http_phigate_audit_published(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    ngx_uint_t                    i;
    ngx_http_upstream_state_t    *us;
    ngx_http_phigate_loc_conf_t  *plcf;

    plcf = ngx_http_get_module_loc_conf(r, ngx_http_phigate_module);

    if (!plcf->audit_text
        || ctx->state != NGX_HTTP_PHIGATE_DONE
        || ctx->verdict.decision == PG_DECISION_BLOCK
        || ctx->insp.status != PG_OK
        || r->upstream_states == NULL)
    {
        return 0;
    }

    us = r->upstream_states->elts;

    for (i = 0; i < r->upstream_states->nelts; i++) {
        if (us[i].bytes_sent > 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * A new zone starts the chain where the file ends (nginx restarted over
 * an existing log) or at "genesis"; a reload keeps the zone as it was.
 */
ngx_int_t
ngx_http_phigate_audit_init_zone(ngx_shm_zone_t *shm_zone, void *data)
{
    ngx_http_phigate_main_conf_t *pmcf = shm_zone->data;

    ngx_slab_pool_t           *shpool;
    ngx_http_phigate_chain_t  *chain;

    if (data != NULL) {
        shm_zone->data = data;
        return NGX_OK;
    }

    shpool = (ngx_slab_pool_t *) shm_zone->shm.addr;

    if (shm_zone->shm.exists) {
        shm_zone->data = shpool->data;
        return NGX_OK;
    }

    chain = ngx_slab_calloc(shpool, sizeof(ngx_http_phigate_chain_t));
    if (chain == NULL) {
        return NGX_ERROR;
    }

    shpool->data = chain;
    shm_zone->data = chain;

    ngx_memcpy(chain->prev, PG_CHAIN_GENESIS, sizeof(PG_CHAIN_GENESIS));

    ngx_http_phigate_audit_tail(pmcf->audit_file, chain,
                                shm_zone->shm.log);

    return NGX_OK;
}


static void
ngx_http_phigate_audit_tail(ngx_open_file_t *file,
    ngx_http_phigate_chain_t *chain, ngx_log_t *log)
{
    off_t            size, from;
    size_t           partial;
    ssize_t          n;
    u_char          *buf;
    ngx_fd_t         fd;
    ngx_file_info_t  fi;

    if (file == NULL || file->fd == NGX_INVALID_FILE) {
        return;
    }

    /* the log's own descriptor is write-only: read through another */
    fd = ngx_open_file(file->name.data, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);

    if (fd == NGX_INVALID_FILE) {
        return;
    }

    if (ngx_fd_info(fd, &fi) == NGX_FILE_ERROR || ngx_file_size(&fi) == 0) {
        ngx_close_file(fd);
        return;
    }

    size = ngx_file_size(&fi);
    from = size > NGX_HTTP_PHIGATE_TAIL ? size - NGX_HTTP_PHIGATE_TAIL : 0;

    buf = ngx_alloc((size_t) (size - from), log);
    if (buf == NULL) {
        ngx_close_file(fd);
        return;
    }

    n = pread(fd, buf, (size_t) (size - from), from);
    partial = 0;

    if (n != size - from
        || pg_chain_tail((const char *) buf, (size_t) n, from == 0,
                         chain->prev, &partial) < 0)
    {
        ngx_log_error(NGX_LOG_WARN, log, 0,
                      "phigate: the last record of \"%V\" was not found; "
                      "the chain starts again", &file->name);
        ngx_memcpy(chain->prev, PG_CHAIN_GENESIS, sizeof(PG_CHAIN_GENESIS));
    }

    if (partial > 0) {
        /* end a record cut short by a crash, so the next one is whole */
        (void) ngx_write_fd(file->fd, "\n", 1);
    }

    ngx_free(buf);
    ngx_close_file(fd);
}
