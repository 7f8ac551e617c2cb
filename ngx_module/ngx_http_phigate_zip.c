
/*
 * Copyright (C) phigate authors
 *
 * phigate_zip_restricted default | off | FILE: Safe Harbor's restricted
 * 3-digit ZIP prefixes (src/pg_detect_zip.h).  The engine compiles in
 * the HHS list of the 2000 Census; an organisation that follows a newer
 * census names its own file, three digits an entry.
 *
 * The engine keeps one list per process.  The directive only checks the
 * file and keeps its text; the list is put in force when the whole
 * configuration has been read (init module, in the master, before the
 * workers fork), so that a configuration that fails, nginx -t or a
 * reload, never changes the list the running workers inherit.  Without
 * the directive, init module restores the default, so removing it and
 * reloading has the effect one expects.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"
#include "pg_detect_zip.h"


/* 1,000 prefixes with comments fit many times over */
#define NGX_HTTP_PHIGATE_ZIP_MAX  (64 * 1024)
/* "FILE:LINE: what is wrong", the file's full name in it */
#define NGX_HTTP_PHIGATE_ZIP_ERR  512


char *
ngx_http_phigate_zip_restricted(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_phigate_main_conf_t *pmcf = conf;

    char        err[NGX_HTTP_PHIGATE_ZIP_ERR];
    ngx_str_t  *value, name, text;

    if (pmcf->zip_restricted_set) {
        return "is duplicate";
    }

    pmcf->zip_restricted_set = 1;

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "default") == 0) {
        return NGX_CONF_OK;
    }

    /* no prefix is restricted: an empty list, not the default */
    if (ngx_strcmp(value[1].data, "off") == 0) {
        ngx_str_set(&pmcf->zip_restricted, "");
        return NGX_CONF_OK;
    }

    name = value[1];

    if (ngx_conf_full_name(cf->cycle, &name, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (ngx_http_phigate_read_conf_file(cf, &name, NGX_HTTP_PHIGATE_ZIP_MAX,
                                        &text)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    /* name.data is NUL-terminated: a conf argument or a full name */
    if (pg_zip_restricted_check((const char *) text.data, text.len,
                                (const char *) name.data, err, sizeof(err))
        < 0)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "%V: %s", &cmd->name, err);
        return NGX_CONF_ERROR;
    }

    /* never NULL: an empty file restricts nothing, as "off" does */
    pmcf->zip_restricted = text;

    return NGX_CONF_OK;
}


ngx_int_t
ngx_http_phigate_zip_init_module(ngx_cycle_t *cycle)
{
    ngx_str_t                      list;
    ngx_http_phigate_main_conf_t  *pmcf;

    /* no http block, no directive or "default": data NULL, the default */
    ngx_str_null(&list);

    pmcf = ngx_http_cycle_get_module_main_conf(cycle,
                                               ngx_http_phigate_module);
    if (pmcf != NULL) {
        list = pmcf->zip_restricted;
    }

    if (pg_zip_restricted_set((const char *) list.data, list.len, NULL, NULL,
                              0)
        < 0)
    {
        ngx_log_error(NGX_LOG_EMERG, cycle->log, 0,
                      "phigate_zip_restricted: the list checked at "
                      "configuration no longer parses");
        return NGX_ERROR;
    }

    return NGX_OK;
}
