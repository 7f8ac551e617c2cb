
/*
 * Copyright (C) phigate authors
 *
 * Directives, configuration and variables.  The request path is in
 * ngx_http_phigate_handler.c, the body in ngx_http_phigate_body.c and the
 * audit log in ngx_http_phigate_audit.c; the engine (src/) decides.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


static ngx_int_t ngx_http_phigate_add_variables(ngx_conf_t *cf);
static ngx_int_t ngx_http_phigate_init(ngx_conf_t *cf);
static void *ngx_http_phigate_create_main_conf(ngx_conf_t *cf);
static void *ngx_http_phigate_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_phigate_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static char *ngx_http_phigate_audit_log(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_phigate_redis(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_phigate_redis_read(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_phigate_consent_never(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);
static ngx_int_t ngx_http_phigate_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_phigate_init_process(ngx_cycle_t *cycle);
static void ngx_http_phigate_exit_process(ngx_cycle_t *cycle);


/* a finding's confidence is 0..100 */
static ngx_conf_num_bounds_t  ngx_http_phigate_confidence_bounds = {
    ngx_conf_check_num_bounds, 0, 100
};


static ngx_conf_enum_t  ngx_http_phigate_modes[] = {
    { ngx_string("enforce"), PG_MODE_ENFORCE },
    { ngx_string("monitor"), PG_MODE_MONITOR },
    { ngx_null_string, 0 }
};


static ngx_conf_enum_t  ngx_http_phigate_fail_modes[] = {
    { ngx_string("closed"), NGX_HTTP_PHIGATE_FAIL_CLOSED },
    { ngx_string("open"), NGX_HTTP_PHIGATE_FAIL_OPEN },
    { ngx_null_string, 0 }
};


static ngx_conf_enum_t  ngx_http_phigate_dm_modes[] = {
    { ngx_string("inspect"), NGX_HTTP_PHIGATE_DM_INSPECT },
    { ngx_string("block"), NGX_HTTP_PHIGATE_DM_BLOCK },
    { ngx_null_string, 0 }
};


/* a photo may show a face: recorded, or held to consent like a name */
static ngx_conf_enum_t  ngx_http_phigate_media_modes[] = {
    { ngx_string("record"), NGX_HTTP_PHIGATE_MEDIA_RECORD },
    { ngx_string("consent"), NGX_HTTP_PHIGATE_MEDIA_CONSENT },
    { ngx_null_string, 0 }
};


static ngx_conf_num_bounds_t  ngx_http_phigate_status_bounds = {
    ngx_conf_check_num_bounds, 400, 599
};


static ngx_command_t  ngx_http_phigate_commands[] = {

    { ngx_string("phigate"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, enable),
      NULL },

    { ngx_string("phigate_mode"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, mode),
      &ngx_http_phigate_modes },

    { ngx_string("phigate_fail"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, fail),
      &ngx_http_phigate_fail_modes },

    { ngx_string("phigate_block_status"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, block_status),
      &ngx_http_phigate_status_bounds },

    { ngx_string("phigate_max_body"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, max_body),
      NULL },

    { ngx_string("phigate_allowlist"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_phigate_list_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, allow),
      &ngx_http_phigate_allowlist_file },

    { ngx_string("phigate_rules"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_phigate_list_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, rules),
      &ngx_http_phigate_rules_file },

    { ngx_string("phigate_audit_log"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_http_phigate_audit_log,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("phigate_audit_stream"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_1MORE,
      ngx_http_phigate_audit_stream,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("phigate_min_confidence"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, min_confidence),
      &ngx_http_phigate_confidence_bounds },

    { ngx_string("phigate_audit_text"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, audit_text),
      NULL },

    { ngx_string("phigate_status"),
      NGX_HTTP_LOC_CONF|NGX_CONF_NOARGS,
      ngx_http_phigate_status,
      0,
      0,
      NULL },

    { ngx_string("phigate_platforms"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_http_phigate_platforms,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("phigate_zip_restricted"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_http_phigate_zip_restricted,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("phigate_gateway_id"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_http_phigate_main_conf_t, gateway),
      NULL },

    { ngx_string("phigate_redis"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_1MORE,
      ngx_http_phigate_redis,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("phigate_redis_read"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_1MORE,
      ngx_http_phigate_redis_read,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("phigate_revocation_cache"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_http_phigate_main_conf_t, cred_ttl),
      NULL },

    { ngx_string("phigate_redis_timeout"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, redis_timeout),
      NULL },

    { ngx_string("phigate_redis_fail"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, redis_fail),
      &ngx_http_phigate_fail_modes },

    { ngx_string("phigate_dm"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, dm),
      &ngx_http_phigate_dm_modes },

    { ngx_string("phigate_media"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, media),
      &ngx_http_phigate_media_modes },

    { ngx_string("phigate_identity"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_set_complex_value_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, identity),
      NULL },

    { ngx_string("phigate_consent_header"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_phigate_loc_conf_t, consent_header),
      NULL },

    { ngx_string("phigate_consent_never"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_phigate_consent_never,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_phigate_module_ctx = {
    ngx_http_phigate_add_variables,        /* preconfiguration */
    ngx_http_phigate_init,                 /* postconfiguration */

    ngx_http_phigate_create_main_conf,     /* create main configuration */
    NULL,                                  /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_phigate_create_loc_conf,      /* create location configuration */
    ngx_http_phigate_merge_loc_conf        /* merge location configuration */
};


ngx_module_t  ngx_http_phigate_module = {
    NGX_MODULE_V1,
    &ngx_http_phigate_module_ctx,          /* module context */
    ngx_http_phigate_commands,             /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    ngx_http_phigate_zip_init_module,      /* init module */
    ngx_http_phigate_init_process,         /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    ngx_http_phigate_exit_process,         /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


#define NGX_HTTP_PHIGATE_VAR_DECISION  0
#define NGX_HTTP_PHIGATE_VAR_FINDINGS  1
#define NGX_HTTP_PHIGATE_VAR_REASON    2
#define NGX_HTTP_PHIGATE_VAR_REQUEST   3


static ngx_http_variable_t  ngx_http_phigate_vars[] = {

    { ngx_string("phigate_decision"), NULL, ngx_http_phigate_variable,
      NGX_HTTP_PHIGATE_VAR_DECISION, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("phigate_findings"), NULL, ngx_http_phigate_variable,
      NGX_HTTP_PHIGATE_VAR_FINDINGS, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("phigate_reason"), NULL, ngx_http_phigate_variable,
      NGX_HTTP_PHIGATE_VAR_REASON, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("phigate_request"), NULL, ngx_http_phigate_variable,
      NGX_HTTP_PHIGATE_VAR_REQUEST, 0, 0 },

      ngx_http_null_variable
};


static ngx_str_t  ngx_http_phigate_request_id = ngx_string("request_id");
static ngx_str_t  ngx_http_phigate_zone_name = ngx_string("phigate_audit");


static ngx_int_t
ngx_http_phigate_add_variables(ngx_conf_t *cf)
{
    ngx_http_variable_t  *var, *v;

    for (v = ngx_http_phigate_vars; v->name.len; v++) {
        var = ngx_http_add_variable(cf, &v->name, v->flags);
        if (var == NULL) {
            return NGX_ERROR;
        }

        var->get_handler = v->get_handler;
        var->data = v->data;
    }

    return NGX_OK;
}


/*
 * The handler runs in the precontent phase: after access checks (so
 * "satisfy any" cannot override a block, and auth_request has already
 * run) and before the content handler (proxy_pass), which therefore finds
 * the body read and never streams an uninspected byte upstream, even with
 * "proxy_request_buffering off".
 */
static ngx_int_t
ngx_http_phigate_init(ngx_conf_t *cf)
{
    ngx_http_handler_pt           *h;
    ngx_http_core_main_conf_t     *cmcf;
    ngx_http_phigate_main_conf_t  *pmcf;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_PRECONTENT_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_phigate_handler;

    if (ngx_http_phigate_response_init(cf) != NGX_OK) {
        return NGX_ERROR;
    }

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_phigate_module);

    /* counted whether or not a location serves them */
    if (ngx_http_phigate_metrics_zone(cf, pmcf) != NGX_OK) {
        return NGX_ERROR;
    }

    pmcf->request_id_index = ngx_http_get_variable_index(cf,
                                               &ngx_http_phigate_request_id);
    if (pmcf->request_id_index == NGX_ERROR) {
        return NGX_ERROR;
    }

    if (ngx_http_phigate_stream_check(cf, pmcf) != NGX_OK) {
        return NGX_ERROR;
    }

    return NGX_OK;
}


static void *
ngx_http_phigate_create_main_conf(ngx_conf_t *cf)
{
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_phigate_main_conf_t));
    if (pmcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     pmcf->audit_file = NULL;
     *     pmcf->audit_zone = NULL;
     *     pmcf->gateway = { 0, NULL };
     *     pmcf->redis = NULL;
     *     pmcf->redis_read = NULL;
     */

    pmcf->request_id_index = NGX_ERROR;
    pmcf->cred_ttl = NGX_CONF_UNSET_MSEC;

    return pmcf;
}


static void *
ngx_http_phigate_create_loc_conf(ngx_conf_t *cf)
{
    ngx_http_phigate_loc_conf_t  *plcf;

    plcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_phigate_loc_conf_t));
    if (plcf == NULL) {
        return NULL;
    }

    plcf->enable = NGX_CONF_UNSET;
    plcf->mode = NGX_CONF_UNSET_UINT;
    plcf->fail = NGX_CONF_UNSET_UINT;
    plcf->block_status = NGX_CONF_UNSET_UINT;
    plcf->max_body = NGX_CONF_UNSET_SIZE;
    plcf->allow = NGX_CONF_UNSET_PTR;
    plcf->rules = NGX_CONF_UNSET_PTR;
    plcf->redis_timeout = NGX_CONF_UNSET_MSEC;
    plcf->redis_fail = NGX_CONF_UNSET_UINT;
    plcf->dm = NGX_CONF_UNSET_UINT;
    plcf->media = NGX_CONF_UNSET_UINT;
    plcf->consent_never = (pg_typeset_t) -1;
    plcf->identity = NGX_CONF_UNSET_PTR;
    plcf->audit_text = NGX_CONF_UNSET;
    plcf->min_confidence = NGX_CONF_UNSET_UINT;

    return plcf;
}


static char *
ngx_http_phigate_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_phigate_loc_conf_t *prev = parent;
    ngx_http_phigate_loc_conf_t *conf = child;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);
    ngx_conf_merge_uint_value(conf->mode, prev->mode, PG_MODE_ENFORCE);
    ngx_conf_merge_uint_value(conf->fail, prev->fail,
                              NGX_HTTP_PHIGATE_FAIL_CLOSED);
    ngx_conf_merge_uint_value(conf->block_status, prev->block_status,
                              NGX_HTTP_FORBIDDEN);
    ngx_conf_merge_size_value(conf->max_body, prev->max_body,
                              1024 * 1024);

    /* by pointer: locations that inherit a file share its parsed form */
    ngx_conf_merge_ptr_value(conf->allow, prev->allow, NULL);
    ngx_conf_merge_ptr_value(conf->rules, prev->rules, NULL);

    ngx_conf_merge_msec_value(conf->redis_timeout, prev->redis_timeout, 50);
    ngx_conf_merge_uint_value(conf->redis_fail, prev->redis_fail,
                              NGX_HTTP_PHIGATE_FAIL_CLOSED);
    ngx_conf_merge_uint_value(conf->dm, prev->dm, NGX_HTTP_PHIGATE_DM_INSPECT);
    ngx_conf_merge_uint_value(conf->media, prev->media,
                              NGX_HTTP_PHIGATE_MEDIA_RECORD);
    ngx_conf_merge_str_value(conf->consent_header, prev->consent_header,
                             PG_CONSENT_HEADER);
    ngx_conf_merge_ptr_value(conf->identity, prev->identity, NULL);
    ngx_conf_merge_value(conf->audit_text, prev->audit_text, 0);
    ngx_conf_merge_uint_value(conf->min_confidence, prev->min_confidence, 0);

    if (conf->consent_never == (pg_typeset_t) -1) {
        conf->consent_never = (prev->consent_never == (pg_typeset_t) -1)
                              ? PG_CONSENT_NEVER_DEFAULT
                              : prev->consent_never;
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_phigate_audit_log(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_phigate_main_conf_t *pmcf = conf;

    ngx_str_t  *value;

    if (pmcf->audit_file != NULL) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        return NGX_CONF_OK;
    }

    /*
     * An nginx-owned open file: opened by the master with O_APPEND,
     * reopened on "nginx -s reopen" for log rotation.
     */
    pmcf->audit_file = ngx_conf_open_file(cf->cycle, &value[1]);
    if (pmcf->audit_file == NULL) {
        return NGX_CONF_ERROR;
    }

    /*
     * The hash chain's last link lives in shared memory so that every
     * worker extends one chain, across reloads and log rotation.
     */
    pmcf->audit_zone = ngx_shared_memory_add(cf, &ngx_http_phigate_zone_name,
                                             8 * ngx_pagesize,
                                             &ngx_http_phigate_module);
    if (pmcf->audit_zone == NULL) {
        return NGX_CONF_ERROR;
    }

    pmcf->audit_zone->init = ngx_http_phigate_audit_init_zone;
    pmcf->audit_zone->data = pmcf;

    return NGX_CONF_OK;
}


static char *
ngx_http_phigate_redis(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_phigate_main_conf_t *pmcf = conf;

    if (pmcf->redis != NULL) {
        return "is duplicate";
    }

    pmcf->redis = ngx_pcalloc(cf->pool, sizeof(ngx_http_phigate_redis_t));
    if (pmcf->redis == NULL) {
        return NGX_CONF_ERROR;
    }

    return ngx_http_phigate_redis_parse(cf, (ngx_str_t *) cf->args->elts + 1,
                                        cf->args->nelts - 1, pmcf->redis);
}


/*
 * Many gateways share one consent store: each may read from a local
 * replica while writes (the audit stream) go to the primary.
 */
static char *
ngx_http_phigate_redis_read(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_phigate_main_conf_t *pmcf = conf;

    if (pmcf->redis_read != NULL) {
        return "is duplicate";
    }

    pmcf->redis_read = ngx_pcalloc(cf->pool,
                                   sizeof(ngx_http_phigate_redis_t));
    if (pmcf->redis_read == NULL) {
        return NGX_CONF_ERROR;
    }

    return ngx_http_phigate_redis_parse(cf, (ngx_str_t *) cf->args->elts + 1,
                                        cf->args->nelts - 1,
                                        pmcf->redis_read);
}


/* phigate_consent_never SSN,MRN,...: types no consent can cover */
static char *
ngx_http_phigate_consent_never(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_phigate_loc_conf_t *plcf = conf;

    ngx_str_t   *value;
    const char  *bad;

    if (plcf->consent_never != (pg_typeset_t) -1) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (pg_consent_kinds_parse((const char *) value[1].data, value[1].len,
                               &plcf->consent_never, &bad)
        != 0)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "unknown identifier type in \"%V\"", &value[1]);
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


/* one connection per worker per endpoint, opened when the worker starts */
static ngx_int_t
ngx_http_phigate_init_process(ngx_cycle_t *cycle)
{
    ngx_http_phigate_main_conf_t  *pmcf;

    if (ngx_process != NGX_PROCESS_WORKER
        && ngx_process != NGX_PROCESS_SINGLE)
    {
        return NGX_OK;
    }

    pmcf = ngx_http_cycle_get_module_main_conf(cycle,
                                               ngx_http_phigate_module);
    if (pmcf == NULL) {
        return NGX_OK;
    }

    if (pmcf->redis == NULL && pmcf->redis_read == NULL) {
        return NGX_OK;
    }

    /*
     * How stale a revocation may be: a credential added to phigate:revoked
     * is refused by every worker within this time (default 5s).
     */
    if (pmcf->cred_ttl == NGX_CONF_UNSET_MSEC) {
        pmcf->cred_ttl = 5000;
    }

    if (pmcf->cred_ttl) {
        pmcf->cred_cache = ngx_calloc(NGX_HTTP_PHIGATE_CRED_CACHE
                                      * sizeof(ngx_http_phigate_cred_t),
                                      cycle->log);
    }

    /* the stream waits for the primary to be ready: set up before it */
    if (pmcf->stream != NULL) {
        ngx_http_phigate_stream_start(pmcf->stream, pmcf->redis, cycle->log);
    }

    if (pmcf->redis != NULL) {
        ngx_http_phigate_redis_start(pmcf->redis, cycle->log);
    }

    if (pmcf->redis_read != NULL) {
        ngx_http_phigate_redis_start(pmcf->redis_read, cycle->log);
    }

    return NGX_OK;
}


static void
ngx_http_phigate_exit_process(ngx_cycle_t *cycle)
{
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_cycle_get_module_main_conf(cycle,
                                               ngx_http_phigate_module);
    if (pmcf == NULL) {
        return;
    }

    if (pmcf->redis != NULL) {
        ngx_http_phigate_redis_stop(pmcf->redis);
    }

    if (pmcf->redis_read != NULL) {
        ngx_http_phigate_redis_stop(pmcf->redis_read);
    }

    /* after the connection: XADDs in flight are back in the backlog */
    if (pmcf->stream != NULL) {
        ngx_http_phigate_stream_stop(pmcf->stream);
    }
}


static ngx_int_t
ngx_http_phigate_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data)
{
    ngx_str_t                line;
    const char              *s;
    ngx_http_phigate_ctx_t  *ctx;

    if (data == NGX_HTTP_PHIGATE_VAR_REQUEST) {
        /* for every request, inspected or not: it never logs a query */
        if (ngx_http_phigate_request_line(r->main, &line) != NGX_OK) {
            return NGX_ERROR;
        }

        v->data = line.data;
        v->len = line.len;
        v->valid = 1;
        v->no_cacheable = 0;
        v->not_found = 0;

        return NGX_OK;
    }

    ctx = ngx_http_phigate_get_ctx(r->main);

    if (ctx == NULL || ctx->state != NGX_HTTP_PHIGATE_DONE) {
        v->not_found = 1;
        return NGX_OK;
    }

    switch (data) {

    case NGX_HTTP_PHIGATE_VAR_DECISION:
        s = pg_decision_name(ctx->verdict.decision);
        v->data = (u_char *) s;
        v->len = ngx_strlen(s);
        break;

    case NGX_HTTP_PHIGATE_VAR_REASON:
        s = ctx->verdict.reason;
        v->data = (u_char *) s;
        v->len = ngx_strlen(s);
        break;

    default: /* NGX_HTTP_PHIGATE_VAR_FINDINGS */
        v->data = ctx->summary;
        v->len = ctx->summary_len;
        break;
    }

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;

    return NGX_OK;
}
