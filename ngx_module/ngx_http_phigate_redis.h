
/*
 * Copyright (C) phigate authors
 */


#ifndef _NGX_HTTP_PHIGATE_REDIS_H_INCLUDED_
#define _NGX_HTTP_PHIGATE_REDIS_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>

#include <hiredis/hiredis.h>
#include <hiredis/async.h>


typedef enum {
    NGX_HTTP_PHIGATE_REDIS_DOWN = 0,     /* no connection, waiting to retry */
    NGX_HTTP_PHIGATE_REDIS_CONNECTING,   /* connect, AUTH, SELECT in flight */
    NGX_HTTP_PHIGATE_REDIS_READY
} ngx_http_phigate_redis_state_e;


/*
 * One Redis endpoint as configured, and the worker's one connection to it.
 * The configuration part is filled at configuration time (the address is
 * resolved then: hiredis 0.14 would resolve a name with a blocking
 * getaddrinfo() in the worker); the connection part lives in the worker.
 */
typedef struct {
    ngx_str_t                        name;      /* as written, for logs */
    ngx_str_t                        host;      /* IP literal, NUL-ended */
    ngx_int_t                        port;
    ngx_str_t                        unix_path; /* NUL-ended, or empty */
    ngx_str_t                        user;
    ngx_str_t                        password;
    ngx_int_t                        db;
    ngx_msec_t                       connect_timeout;

    redisAsyncContext               *ac;
    ngx_connection_t                *conn;      /* lends events to ac's fd */
    ngx_http_phigate_redis_state_e   state;
    ngx_event_t                      retry;     /* reconnect, backoff */
    ngx_event_t                      connect;   /* connect timeout */
    ngx_msec_t                       backoff;
    ngx_log_t                       *log;
    ngx_uint_t                       errors;    /* for metrics */
    ngx_event_t                     *ready;     /* posted each time the
                                                   connection is ready:
                                                   the audit stream's
                                                   backlog flush */
} ngx_http_phigate_redis_t;


typedef void (*ngx_http_phigate_redis_handler_pt)(redisReply *reply,
    void *data);


char *ngx_http_phigate_redis_parse(ngx_conf_t *cf, ngx_str_t *args,
    ngx_uint_t nargs, ngx_http_phigate_redis_t *rd);
ngx_int_t ngx_http_phigate_redis_start(ngx_http_phigate_redis_t *rd,
    ngx_log_t *log);
void ngx_http_phigate_redis_stop(ngx_http_phigate_redis_t *rd);

/*
 * Sends a command; handler is always called exactly once, later, with the
 * reply or NULL (connection lost).  NGX_DECLINED when there is no
 * connection to send it on (the handler is then never called).
 */
ngx_int_t ngx_http_phigate_redis_send(ngx_http_phigate_redis_t *rd,
    int argc, const char **argv, const size_t *argvlen,
    ngx_http_phigate_redis_handler_pt handler, void *data);


#endif /* _NGX_HTTP_PHIGATE_REDIS_H_INCLUDED_ */
