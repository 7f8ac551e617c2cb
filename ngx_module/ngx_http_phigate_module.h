
/*
 * Copyright (C) phigate authors
 */


#ifndef _NGX_HTTP_PHIGATE_MODULE_H_INCLUDED_
#define _NGX_HTTP_PHIGATE_MODULE_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "pg_approval.h"
#include "pg_audit.h"
#include "pg_decide.h"
#include "pg_inspect.h"
#include "pg_marker.h"
#include "pg_response.h"

#include "ngx_http_phigate_lookup.h"
#include "ngx_http_phigate_redis.h"


#define NGX_HTTP_PHIGATE_FAIL_CLOSED  0
#define NGX_HTTP_PHIGATE_FAIL_OPEN    1

#define NGX_HTTP_PHIGATE_SUMMARY_LEN  128

#define NGX_HTTP_PHIGATE_DM_INSPECT   0
#define NGX_HTTP_PHIGATE_DM_BLOCK     1

#define NGX_HTTP_PHIGATE_MEDIA_RECORD   0
#define NGX_HTTP_PHIGATE_MEDIA_CONSENT  1


/*
 * A worker's memory of credential checks: phigate:revoked is asked about
 * a credential at most once per phigate_revocation_cache period.
 */
#define NGX_HTTP_PHIGATE_CRED_CACHE  1024

typedef struct {
    char                        sha256[PG_SHA256_HEX + 1];
    unsigned                    revoked:1;
    ngx_msec_t                  expires;
} ngx_http_phigate_cred_t;


/* the audit chain's state, shared by all workers */
typedef struct {
    char                        prev[PG_SHA256_HEX + 1];
    ngx_uint_t                  records;
    dev_t                       dev;             /* the file the last */
    ngx_file_uniq_t             uniq;            /* record went to */
} ngx_http_phigate_chain_t;


typedef struct ngx_http_phigate_metrics_s  ngx_http_phigate_metrics_t;
typedef struct ngx_http_phigate_stream_s   ngx_http_phigate_stream_t;


typedef struct {
    ngx_open_file_t            *audit_file;      /* NULL: no audit log */
    ngx_shm_zone_t             *metrics_zone;
    ngx_shm_zone_t             *audit_zone;      /* the chain's state */
    ngx_str_t                   gateway;
    pg_platforms_t             *platforms;       /* NULL: the default set */
    ngx_str_t                   zip_restricted;  /* data NULL: the default */
    ngx_flag_t                  zip_restricted_set;
    ngx_http_phigate_redis_t   *redis;           /* primary: writes */
    ngx_http_phigate_redis_t   *redis_read;      /* reads; may be a replica */
    ngx_http_phigate_stream_t  *stream;          /* phigate_audit_stream */
    ngx_msec_t                  cred_ttl;
    ngx_http_phigate_cred_t    *cred_cache;      /* per worker */
    ngx_int_t                   request_id_index;
} ngx_http_phigate_main_conf_t;


typedef struct {
    ngx_flag_t                  enable;
    ngx_uint_t                  mode;
    ngx_uint_t                  fail;
    ngx_uint_t                  block_status;
    size_t                      max_body;
    pg_allowlist_t             *allow;           /* phigate_allowlist */
    pg_rules_t                 *rules;           /* phigate_rules */
    ngx_msec_t                  redis_timeout;
    ngx_uint_t                  redis_fail;
    ngx_uint_t                  dm;
    ngx_uint_t                  media;
    ngx_str_t                   consent_header;
    pg_typeset_t                consent_never;
    ngx_http_complex_value_t   *identity;
    ngx_flag_t                  audit_text;      /* phigate_audit_text */
    ngx_uint_t                  min_confidence;  /* 0..100 */
} ngx_http_phigate_loc_conf_t;


typedef enum {
    NGX_HTTP_PHIGATE_READING = 1,
    NGX_HTTP_PHIGATE_LOOKUP,          /* waiting on Redis */
    NGX_HTTP_PHIGATE_DONE
} ngx_http_phigate_state_e;


/*
 * One per main request.  It is also kept in a pool cleanup so that it
 * survives internal redirects (which clear module contexts): a request is
 * inspected and audited once whatever locations it passes through.
 */
typedef struct {
    ngx_http_request_t         *request;
    ngx_http_phigate_state_e    state;

    pg_arena_t                  arena;
    pg_request_t                req;
    pg_limits_t                 limits;
    pg_policy_t                 policy;
    pg_inspection_t             insp;
    pg_verdict_t                verdict;

    ngx_str_t                   request_id;
    long long                   body_len;        /* -1: not read */
    char                        body_sha256[PG_SHA256_HEX + 1];

    ngx_http_phigate_lookup_t   lookup;
    pg_grants_t                 grants;
    pg_consent_t                consent;
    pg_marker_t                 marker;
    pg_marker_rc_t              marker_rc;
    ngx_int_t                   consent_slot;
    ngx_int_t                   approval_slot;
    ngx_int_t                   cred_slot[PG_CREDENTIALS_MAX];
    pg_credential_t             creds[PG_CREDENTIALS_MAX];
    ngx_uint_t                  ncreds;
    char                        consent_ref[17];  /* token's hash prefix */
    char                        approval[PG_SHA256_HEX + 1];

    ngx_str_t                   identity;         /* phigate_identity */
    ngx_uint_t                  upstream_status;
    u_char                     *resp_encoding;
    u_char                     *resp;             /* the answer's start */
    size_t                      resp_len;
    char                        post_id[PG_POST_ID_MAX + 1];

    u_char                     *map;             /* mmap()ed body file */
    size_t                      map_len;

    u_char                      summary[NGX_HTTP_PHIGATE_SUMMARY_LEN];
    size_t                      summary_len;

    unsigned                    have_sha256:1;
    unsigned                    audited:1;
    unsigned                    consent_invalid:1;
    unsigned                    capture:1;
} ngx_http_phigate_ctx_t;


ngx_http_phigate_ctx_t *ngx_http_phigate_get_ctx(ngx_http_request_t *r);
ngx_int_t ngx_http_phigate_header(ngx_http_request_t *r, const char *name,
    size_t len, ngx_str_t *value);
void ngx_http_phigate_decided(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_uint_t status);
ngx_int_t ngx_http_phigate_response_init(ngx_conf_t *cf);
ngx_int_t ngx_http_phigate_metrics_zone(ngx_conf_t *cf,
    ngx_http_phigate_main_conf_t *pmcf);
char *ngx_http_phigate_status(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_phigate_platforms(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_phigate_zip_restricted(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
ngx_int_t ngx_http_phigate_zip_init_module(ngx_cycle_t *cycle);
ngx_int_t ngx_http_phigate_read_conf_file(ngx_conf_t *cf, ngx_str_t *name,
    size_t max, ngx_str_t *out);
void ngx_http_phigate_metrics_request(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
void ngx_http_phigate_metrics_inspect(ngx_http_request_t *r,
    ngx_msec_int_t us);
void ngx_http_phigate_metrics_redis(ngx_http_request_t *r, ngx_msec_int_t us,
    ngx_uint_t lookups, ngx_uint_t errors);
void ngx_http_phigate_metrics_audit(ngx_http_request_t *r, ngx_uint_t ok);
void ngx_http_phigate_metrics_stream(ngx_http_phigate_main_conf_t *pmcf,
    ngx_uint_t records, ngx_uint_t errors, ngx_uint_t gaps);
ngx_int_t ngx_http_phigate_grants_start(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
void ngx_http_phigate_grants_decide(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx);
ngx_int_t ngx_http_phigate_handler(ngx_http_request_t *r);
void ngx_http_phigate_audit(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, ngx_uint_t status);
ngx_int_t ngx_http_phigate_audit_init_zone(ngx_shm_zone_t *shm_zone,
    void *data);
char *ngx_http_phigate_audit_stream(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
ngx_int_t ngx_http_phigate_stream_check(ngx_conf_t *cf,
    ngx_http_phigate_main_conf_t *pmcf);
void ngx_http_phigate_stream_start(ngx_http_phigate_stream_t *st,
    ngx_http_phigate_redis_t *rd, ngx_log_t *log);
void ngx_http_phigate_stream_stop(ngx_http_phigate_stream_t *st);
void ngx_http_phigate_stream_add(ngx_http_phigate_stream_t *st,
    const char *line, size_t len, const pg_audit_t *au);
void ngx_http_phigate_scrub_log(ngx_http_request_t *r);
ngx_int_t ngx_http_phigate_request_line(ngx_http_request_t *r,
    ngx_str_t *line);
ngx_int_t ngx_http_phigate_body(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx, u_char **data, size_t *len);


/*
 * A file a directive names (phigate_allowlist, phigate_rules), read at
 * configuration time by ngx_http_phigate_list_slot() with this as the
 * command's post: the engine's parser, its free, a check once loaded.
 */
typedef struct {
    void                     *(*parse)(const char *buf, size_t len,
                                       const char *file, char *err,
                                       size_t err_size);
    void                      (*free)(void *obj);
    void                      (*loaded)(ngx_conf_t *cf, void *obj);
} ngx_http_phigate_list_t;


char *ngx_http_phigate_list_slot(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);


extern ngx_http_phigate_list_t  ngx_http_phigate_allowlist_file;
extern ngx_http_phigate_list_t  ngx_http_phigate_rules_file;
extern ngx_module_t  ngx_http_phigate_module;


#endif /* _NGX_HTTP_PHIGATE_MODULE_H_INCLUDED_ */
