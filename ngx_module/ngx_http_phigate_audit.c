
/*
 * Copyright (C) phigate authors
 *
 * Writes the audit record built by the engine (src/pg_audit.c) to
 * phigate_audit_log.  The file is opened by the master with O_APPEND, so
 * one write() per record keeps the records of several workers whole; it
 * is reopened with the other logs on "nginx -s reopen".
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


void
ngx_http_phigate_audit(ngx_http_request_t *r, ngx_http_phigate_ctx_t *ctx,
    ngx_uint_t status)
{
    char                          *line;
    size_t                         len;
    ssize_t                        n;
    ngx_time_t                    *tp;
    pg_audit_t                     au;
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
    au.req = &ctx->req;
    au.insp = &ctx->insp;
    au.verdict = &ctx->verdict;
    au.mode = ctx->policy.mode;
    au.status = (int) status;
    au.body_len = ctx->body_len;
    au.body_sha256 = ctx->have_sha256 ? ctx->body_sha256 : NULL;

    line = pg_audit_line(&au, &len);

    if (line == NULL) {
        ngx_log_error(NGX_LOG_CRIT, r->connection->log, 0,
                      "phigate: cannot build the audit record");
        return;
    }

    n = ngx_write_fd(pmcf->audit_file->fd, line, len);

    if (n != (ssize_t) len) {
        ngx_log_error(NGX_LOG_CRIT, r->connection->log, ngx_errno,
                      "phigate: audit record not written to \"%V\"",
                      &pmcf->audit_file->name);
    }

    free(line);
}
