
/*
 * Copyright (C) phigate authors
 *
 * phigate_platforms FILE: the platform profiles read at configuration
 * time (conf/platforms.json's format).  Without it the set compiled in
 * from conf/platforms.json applies.  A bad file fails nginx -t.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


/* a profile file is a few kilobytes; this bounds a wrong path's cost */
#define NGX_HTTP_PHIGATE_PLATFORMS_MAX  (1024 * 1024)


static void ngx_http_phigate_platforms_cleanup(void *data);


char *
ngx_http_phigate_platforms(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_phigate_main_conf_t *pmcf = conf;

    char                 err[256];
    ngx_str_t           *value, name, text;
    pg_platforms_t      *set;
    ngx_pool_cleanup_t  *cln;

    if (pmcf->platforms != NULL) {
        return "is duplicate";
    }

    value = cf->args->elts;
    name = value[1];

    if (ngx_conf_full_name(cf->cycle, &name, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (ngx_http_phigate_read_conf_file(cf, &name,
                                        NGX_HTTP_PHIGATE_PLATFORMS_MAX,
                                        &text)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    set = pg_platforms_parse((const char *) text.data, text.len, err,
                             sizeof(err));
    if (set == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "phigate_platforms \"%V\": %s", &name, err);
        return NGX_CONF_ERROR;
    }

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        pg_platforms_free(set);
        return NGX_CONF_ERROR;
    }

    cln->handler = ngx_http_phigate_platforms_cleanup;
    cln->data = set;

    pmcf->platforms = set;

    return NGX_CONF_OK;
}


/* the whole file in cf->pool, at most max bytes; errors say which file */
ngx_int_t
ngx_http_phigate_read_conf_file(ngx_conf_t *cf, ngx_str_t *name, size_t max,
    ngx_str_t *out)
{
    ssize_t          n;
    ngx_fd_t         fd;
    ngx_int_t        rc;
    ngx_file_t       file;
    ngx_file_info_t  fi;

    fd = ngx_open_file(name->data, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);
    if (fd == NGX_INVALID_FILE) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           ngx_open_file_n " \"%V\" failed", name);
        return NGX_ERROR;
    }

    rc = NGX_ERROR;

    if (ngx_fd_info(fd, &fi) == NGX_FILE_ERROR) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           ngx_fd_info_n " \"%V\" failed", name);
        goto done;
    }

    if (!ngx_is_file(&fi) || ngx_file_size(&fi) > (off_t) max) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" is not a file of at most %uz bytes",
                           name, max);
        goto done;
    }

    out->len = (size_t) ngx_file_size(&fi);
    out->data = ngx_pnalloc(cf->pool, out->len + 1);
    if (out->data == NULL) {
        goto done;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = fd;
    file.name = *name;
    file.log = cf->log;

    n = ngx_read_file(&file, out->data, out->len, 0);
    if (n == NGX_ERROR || (size_t) n != out->len) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           ngx_read_file_n " \"%V\" failed", name);
        goto done;
    }

    out->data[out->len] = '\0';
    rc = NGX_OK;

done:

    if (ngx_close_file(fd) == NGX_FILE_ERROR) {
        ngx_conf_log_error(NGX_LOG_ALERT, cf, ngx_errno,
                           ngx_close_file_n " \"%V\" failed", name);
    }

    return rc;
}


static void
ngx_http_phigate_platforms_cleanup(void *data)
{
    pg_platforms_free(data);
}
