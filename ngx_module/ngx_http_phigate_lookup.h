
/*
 * Copyright (C) phigate authors
 */


#ifndef _NGX_HTTP_PHIGATE_LOOKUP_H_INCLUDED_
#define _NGX_HTTP_PHIGATE_LOOKUP_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_redis.h"


#define NGX_HTTP_PHIGATE_LOOKUPS_MAX  8


typedef enum {
    NGX_HTTP_PHIGATE_LK_PENDING = 0,
    NGX_HTTP_PHIGATE_LK_OK,            /* a reply, possibly empty */
    NGX_HTTP_PHIGATE_LK_ERROR,         /* Redis answered with an error */
    NGX_HTTP_PHIGATE_LK_TIMEOUT,       /* no answer in phigate_redis_timeout */
    NGX_HTTP_PHIGATE_LK_UNAVAILABLE    /* no connection to ask on */
} ngx_http_phigate_lk_status_e;


/* a reply, copied into the request pool */
typedef struct {
    ngx_http_phigate_lk_status_e    status;
    ngx_int_t                       integer;    /* REDIS_REPLY_INTEGER */
    ngx_str_t                      *elts;       /* array elements or the
                                                   one string; NULL: nil */
    ngx_uint_t                      nelts;
} ngx_http_phigate_lk_result_t;


typedef struct ngx_http_phigate_waiter_s  ngx_http_phigate_waiter_t;

typedef void (*ngx_http_phigate_lookup_done_pt)(ngx_http_request_t *r,
    void *data);


/* the lookups one request waits for, and how it resumes */
typedef struct {
    ngx_http_request_t              *request;
    ngx_http_phigate_lk_result_t     results[NGX_HTTP_PHIGATE_LOOKUPS_MAX];
    ngx_http_phigate_waiter_t       *waiters[NGX_HTTP_PHIGATE_LOOKUPS_MAX];
    ngx_uint_t                       n;
    ngx_uint_t                       pending;
    ngx_event_t                      timer;
    ngx_event_t                      resume;
    ngx_http_phigate_lookup_done_pt  done;
    void                            *data;
    ngx_msec_t                       started;
} ngx_http_phigate_lookup_t;


void ngx_http_phigate_lookup_init(ngx_http_phigate_lookup_t *lk,
    ngx_http_request_t *r);
/* returns the slot; its status is UNAVAILABLE when it could not be sent */
ngx_int_t ngx_http_phigate_lookup_add(ngx_http_phigate_lookup_t *lk,
    ngx_http_phigate_redis_t *rd, int argc, const char **argv,
    const size_t *argvlen);
/*
 * NGX_AGAIN: done(r, data) will be called from a posted event once every
 * lookup has answered or the timeout passed; NGX_OK: nothing to wait for.
 */
ngx_int_t ngx_http_phigate_lookup_wait(ngx_http_phigate_lookup_t *lk,
    ngx_msec_t timeout, ngx_http_phigate_lookup_done_pt done, void *data);
/* the request goes away: replies that come later are dropped */
void ngx_http_phigate_lookup_detach(ngx_http_phigate_lookup_t *lk);


#endif /* _NGX_HTTP_PHIGATE_LOOKUP_H_INCLUDED_ */
