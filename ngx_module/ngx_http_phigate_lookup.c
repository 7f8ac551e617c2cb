
/*
 * Copyright (C) phigate authors
 *
 * A request waiting on Redis.  The request is suspended, never the
 * worker: replies arrive through the Redis connection's events, a timer
 * bounds the wait, and the request resumes from a posted event, outside
 * hiredis's callback stack.  Each command carries a small waiter allocated
 * outside the request pool, because hiredis may call back after the
 * request is gone (a client that left): the waiter is then detached and
 * the late reply is dropped.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_lookup.h"


struct ngx_http_phigate_waiter_s {
    ngx_http_phigate_lookup_t  *lookup;     /* NULL: the request left */
    ngx_uint_t                  slot;
};


static void ngx_http_phigate_lookup_reply(redisReply *reply, void *data);
static void ngx_http_phigate_lookup_copy(ngx_http_phigate_lookup_t *lk,
    ngx_http_phigate_lk_result_t *res, redisReply *reply);
static void ngx_http_phigate_lookup_timeout(ngx_event_t *ev);
static void ngx_http_phigate_lookup_resume(ngx_event_t *ev);


void
ngx_http_phigate_lookup_init(ngx_http_phigate_lookup_t *lk,
    ngx_http_request_t *r)
{
    ngx_memzero(lk, sizeof(ngx_http_phigate_lookup_t));

    lk->request = r;

    lk->timer.handler = ngx_http_phigate_lookup_timeout;
    lk->timer.data = lk;
    lk->timer.log = r->connection->log;

    lk->resume.handler = ngx_http_phigate_lookup_resume;
    lk->resume.data = lk;
    lk->resume.log = r->connection->log;
}


ngx_int_t
ngx_http_phigate_lookup_add(ngx_http_phigate_lookup_t *lk,
    ngx_http_phigate_redis_t *rd, int argc, const char **argv,
    const size_t *argvlen)
{
    ngx_uint_t                  slot;
    ngx_http_phigate_waiter_t  *w;

    if (lk->n == NGX_HTTP_PHIGATE_LOOKUPS_MAX) {
        return NGX_ERROR;
    }

    slot = lk->n++;

    lk->results[slot].status = NGX_HTTP_PHIGATE_LK_UNAVAILABLE;

    if (rd == NULL) {
        return slot;
    }

    w = ngx_alloc(sizeof(ngx_http_phigate_waiter_t), lk->timer.log);
    if (w == NULL) {
        return slot;
    }

    w->lookup = lk;
    w->slot = slot;

    if (ngx_http_phigate_redis_send(rd, argc, argv, argvlen,
                                    ngx_http_phigate_lookup_reply, w)
        != NGX_OK)
    {
        ngx_free(w);
        rd->errors++;
        return slot;
    }

    lk->results[slot].status = NGX_HTTP_PHIGATE_LK_PENDING;
    lk->waiters[slot] = w;
    lk->pending++;

    return slot;
}


ngx_int_t
ngx_http_phigate_lookup_wait(ngx_http_phigate_lookup_t *lk,
    ngx_msec_t timeout, ngx_http_phigate_lookup_done_pt done, void *data)
{
    if (lk->pending == 0) {
        return NGX_OK;
    }

    lk->done = done;
    lk->data = data;
    lk->started = ngx_current_msec;

    ngx_add_timer(&lk->timer, timeout);

    return NGX_AGAIN;
}


void
ngx_http_phigate_lookup_detach(ngx_http_phigate_lookup_t *lk)
{
    ngx_uint_t  i;

    for (i = 0; i < lk->n; i++) {
        if (lk->waiters[i] != NULL) {
            lk->waiters[i]->lookup = NULL;
            lk->waiters[i] = NULL;
        }
    }

    lk->pending = 0;

    if (lk->timer.timer_set) {
        ngx_del_timer(&lk->timer);
    }

    if (lk->resume.posted) {
        ngx_delete_posted_event(&lk->resume);
    }
}


static void
ngx_http_phigate_lookup_reply(redisReply *reply, void *data)
{
    ngx_http_phigate_waiter_t  *w = data;

    ngx_uint_t                  slot;
    ngx_http_phigate_lookup_t  *lk;

    lk = w->lookup;
    slot = w->slot;

    ngx_free(w);

    if (lk == NULL) {
        return;
    }

    lk->waiters[slot] = NULL;

    ngx_http_phigate_lookup_copy(lk, &lk->results[slot], reply);

    if (--lk->pending == 0) {
        if (lk->timer.timer_set) {
            ngx_del_timer(&lk->timer);
        }

        ngx_post_event(&lk->resume, &ngx_posted_events);
    }
}


static void
ngx_http_phigate_lookup_copy(ngx_http_phigate_lookup_t *lk,
    ngx_http_phigate_lk_result_t *res, redisReply *reply)
{
    size_t       i, n;
    ngx_str_t   *s;
    ngx_pool_t  *pool;
    redisReply  *e;

    if (reply == NULL) {
        /* the connection was lost with the command in flight */
        res->status = NGX_HTTP_PHIGATE_LK_UNAVAILABLE;
        return;
    }

    pool = lk->request->pool;
    res->status = NGX_HTTP_PHIGATE_LK_OK;

    switch (reply->type) {

    case REDIS_REPLY_ERROR:
        res->status = NGX_HTTP_PHIGATE_LK_ERROR;
        return;

    case REDIS_REPLY_INTEGER:
        res->integer = (ngx_int_t) reply->integer;
        return;

    case REDIS_REPLY_NIL:
        return;

    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        n = 1;
        break;

    case REDIS_REPLY_ARRAY:
        n = reply->elements;
        break;

    default:
        res->status = NGX_HTTP_PHIGATE_LK_ERROR;
        return;
    }

    s = ngx_pcalloc(pool, (n ? n : 1) * sizeof(ngx_str_t));
    if (s == NULL) {
        res->status = NGX_HTTP_PHIGATE_LK_ERROR;
        return;
    }

    for (i = 0; i < n; i++) {
        e = (reply->type == REDIS_REPLY_ARRAY) ? reply->element[i] : reply;

        if (e->type != REDIS_REPLY_STRING && e->type != REDIS_REPLY_STATUS) {
            continue;
        }

        s[i].data = ngx_pnalloc(pool, e->len + 1);
        if (s[i].data == NULL) {
            res->status = NGX_HTTP_PHIGATE_LK_ERROR;
            return;
        }

        ngx_memcpy(s[i].data, e->str, e->len);
        s[i].data[e->len] = '\0';
        s[i].len = e->len;
    }

    res->elts = s;
    res->nelts = n;
}


static void
ngx_http_phigate_lookup_timeout(ngx_event_t *ev)
{
    ngx_http_phigate_lookup_t  *lk = ev->data;

    ngx_uint_t  i;

    for (i = 0; i < lk->n; i++) {
        if (lk->results[i].status == NGX_HTTP_PHIGATE_LK_PENDING) {
            lk->results[i].status = NGX_HTTP_PHIGATE_LK_TIMEOUT;
        }
    }

    ngx_log_error(NGX_LOG_WARN, ev->log, 0,
                  "phigate: Redis did not answer in time");

    ngx_http_phigate_lookup_detach(lk);
    ngx_http_phigate_lookup_resume(&lk->resume);
}


static void
ngx_http_phigate_lookup_resume(ngx_event_t *ev)
{
    ngx_http_phigate_lookup_t  *lk = ev->data;

    ngx_connection_t    *c;
    ngx_http_request_t  *r;

    r = lk->request;
    c = r->connection;

    ngx_http_set_log_request(c->log, r);

    lk->done(r, lk->data);

    ngx_http_run_posted_requests(c);
}
