
/*
 * Copyright (C) phigate authors
 *
 * Keeping PHI out of nginx's own logs.  nginx appends the request line to
 * every error log message about a request, query string included, and the
 * upstream URI with it; Instagram and Threads captions travel in the query
 * string.  For requests phigate inspects, the request's log handler is
 * replaced by one that prints the same context with every query string cut
 * to "?...".  $phigate_request is the request line cut the same way, for
 * access_log formats ($request would log captions).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


static u_char *ngx_http_phigate_log_handler(ngx_http_request_t *r,
    ngx_http_request_t *sr, u_char *buf, size_t len);
static u_char *ngx_http_phigate_cut_query(u_char *buf, size_t len,
    ngx_str_t *uri);


void
ngx_http_phigate_scrub_log(ngx_http_request_t *r)
{
    r->log_handler = ngx_http_phigate_log_handler;
}


/* "METHOD /path?... HTTP/1.1": the request line without its query */
ngx_int_t
ngx_http_phigate_request_line(ngx_http_request_t *r, ngx_str_t *line)
{
    u_char  *p, *last;
    size_t   len;

    len = r->method_name.len + 1 + r->unparsed_uri.len + sizeof("?...") - 1
          + 1 + r->http_protocol.len;

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    line->data = p;
    last = p + len;

    p = ngx_slprintf(p, last, "%V ", &r->method_name);
    p = ngx_http_phigate_cut_query(p, last - p, &r->unparsed_uri);

    if (r->http_protocol.len) {
        p = ngx_slprintf(p, last, " %V", &r->http_protocol);
    }

    line->len = p - line->data;

    return NGX_OK;
}


/*
 * The context ngx_http_log_error_handler() prints, with query strings cut
 * and without the referrer (a post's page URL can carry its text).
 */
static u_char *
ngx_http_phigate_log_handler(ngx_http_request_t *r, ngx_http_request_t *sr,
    u_char *buf, size_t len)
{
    u_char                    *p, *last;
    ngx_http_upstream_t       *u;
    ngx_http_core_srv_conf_t  *cscf;

    last = buf + len;

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_core_module);

    p = ngx_slprintf(buf, last, ", server: %V", &cscf->server_name);

    if (r->method_name.len) {
        p = ngx_slprintf(p, last, ", request: \"%V ", &r->method_name);
        p = ngx_http_phigate_cut_query(p, last - p, &r->unparsed_uri);
        p = ngx_slprintf(p, last, " %V\"", &r->http_protocol);
    }

    if (r != sr) {
        p = ngx_slprintf(p, last, ", subrequest: \"%V\"", &sr->uri);
    }

    u = sr->upstream;

    if (u != NULL && u->peer.name != NULL) {
        p = ngx_slprintf(p, last, ", upstream: \"%V%V", &u->schema,
                         u->peer.name);
        p = ngx_http_phigate_cut_query(p, last - p, &u->uri);
        p = ngx_slprintf(p, last, "\"");
    }

    if (r->headers_in.host != NULL) {
        p = ngx_slprintf(p, last, ", host: \"%V\"",
                         &r->headers_in.host->value);
    }

    return p;
}


static u_char *
ngx_http_phigate_cut_query(u_char *buf, size_t len, ngx_str_t *uri)
{
    u_char     *q;
    ngx_str_t   path;

    path = *uri;

    q = ngx_strlchr(path.data, path.data + path.len, '?');

    if (q == NULL) {
        return ngx_slprintf(buf, buf + len, "%V", &path);
    }

    path.len = q - path.data;

    return ngx_slprintf(buf, buf + len, "%V?...", &path);
}
