
/*
 * Copyright (C) phigate authors
 *
 * phigate_allowlist FILE and phigate_rules FILE: the organisation's own
 * entries and rules, read and parsed (and the rules' patterns compiled)
 * once, at configuration time, by the engine (src/pg_allowlist.c,
 * src/pg_rules.c).  A location that does not name a file inherits its
 * parent's parsed object, which the configuration's pool frees.  A bad
 * file fails nginx -t naming the file, the line and the problem, never
 * the line's text.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


/* a list of many thousand staff names is a few hundred kilobytes */
#define NGX_HTTP_PHIGATE_LIST_MAX  (16 * 1024 * 1024)

#define NGX_HTTP_PHIGATE_LIST_ERR  256


static void *ngx_http_phigate_allowlist_parse(const char *buf, size_t len,
    const char *file, char *err, size_t err_size);
static void ngx_http_phigate_allowlist_free(void *data);
static void *ngx_http_phigate_rules_parse(const char *buf, size_t len,
    const char *file, char *err, size_t err_size);
static void ngx_http_phigate_rules_free(void *data);
static void ngx_http_phigate_rules_loaded(ngx_conf_t *cf, void *obj);


ngx_http_phigate_list_t  ngx_http_phigate_allowlist_file = {
    ngx_http_phigate_allowlist_parse,
    ngx_http_phigate_allowlist_free,
    NULL
};


ngx_http_phigate_list_t  ngx_http_phigate_rules_file = {
    ngx_http_phigate_rules_parse,
    ngx_http_phigate_rules_free,
    ngx_http_phigate_rules_loaded
};


/*
 * "phigate_allowlist FILE | off;", "phigate_rules FILE | off;": the
 * command's post names the parser, its offset the pointer it sets.
 */
char *
ngx_http_phigate_list_slot(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    char  *p = conf;

    char                      err[NGX_HTTP_PHIGATE_LIST_ERR];
    void                     *obj, **slot;
    ngx_str_t                *value, name, text;
    ngx_pool_cleanup_t       *cln;
    ngx_http_phigate_list_t  *list;

    slot = (void **) (p + cmd->offset);
    list = cmd->post;

    if (*slot != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    /* "off" stops a parent's file from applying here */
    if (ngx_strcmp(value[1].data, "off") == 0) {
        *slot = NULL;
        return NGX_CONF_OK;
    }

    name = value[1];

    if (ngx_conf_full_name(cf->cycle, &name, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (ngx_http_phigate_read_conf_file(cf, &name, NGX_HTTP_PHIGATE_LIST_MAX,
                                        &text)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_CONF_ERROR;
    }

    /* name.data is NUL-terminated: a conf argument or a full name */
    obj = list->parse((const char *) text.data, text.len,
                      (const char *) name.data, err, sizeof(err));
    if (obj == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "%V: %s", &cmd->name, err);
        return NGX_CONF_ERROR;
    }

    cln->handler = list->free;
    cln->data = obj;

    if (list->loaded != NULL) {
        list->loaded(cf, obj);
    }

    *slot = obj;

    return NGX_CONF_OK;
}


static void *
ngx_http_phigate_allowlist_parse(const char *buf, size_t len,
    const char *file, char *err, size_t err_size)
{
    return pg_allowlist_parse(buf, len, file, err, err_size);
}


static void
ngx_http_phigate_allowlist_free(void *data)
{
    pg_allowlist_free(data);
}


static void *
ngx_http_phigate_rules_parse(const char *buf, size_t len, const char *file,
    char *err, size_t err_size)
{
    return pg_rules_parse(buf, len, file, 0, err, err_size);
}


static void
ngx_http_phigate_rules_free(void *data)
{
    pg_rules_free(data);
}


/*
 * Without JIT (a PCRE2 built without it, or a system that refuses
 * executable memory) the rules still run, in PCRE2's interpreter, under
 * the same limits; said once per process, not once per file.
 */
static void
ngx_http_phigate_rules_loaded(ngx_conf_t *cf, void *obj)
{
    static ngx_uint_t  said;

    if (pg_rules_interpreted(obj) && !said) {
        ngx_conf_log_error(NGX_LOG_WARN, cf, 0,
                           "PCRE2 JIT is not available: phigate_rules run "
                           "in the PCRE2 interpreter");
        said = 1;
    }
}
