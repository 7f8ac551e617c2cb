
/*
 * Copyright (C) phigate authors
 *
 * hiredis's asynchronous API driven by nginx's event loop, in the manner
 * of hiredis's own adapters (adapters/libevent.h): hiredis owns the socket
 * and the protocol; an nginx connection structure lends it read and write
 * events on that socket.  hiredis 0.14 reads once per call, so the events
 * are level-triggered.  It has no timeouts of its own: connecting is
 * bounded by an nginx timer, and requests bound their own waits.  A lost
 * connection is retried with a doubling backoff.  One connection per
 * worker per endpoint; commands are pipelined on it.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>

#include "ngx_http_phigate_redis.h"


#define NGX_HTTP_PHIGATE_REDIS_BACKOFF_MIN  100
#define NGX_HTTP_PHIGATE_REDIS_BACKOFF_MAX  5000


typedef struct {
    ngx_http_phigate_redis_handler_pt   handler;
    void                               *data;
} ngx_http_phigate_redis_cmd_t;


static void ngx_http_phigate_redis_connect(ngx_http_phigate_redis_t *rd);
static void ngx_http_phigate_redis_lost(ngx_http_phigate_redis_t *rd,
    const char *why);
static void ngx_http_phigate_redis_add_read(void *privdata);
static void ngx_http_phigate_redis_del_read(void *privdata);
static void ngx_http_phigate_redis_add_write(void *privdata);
static void ngx_http_phigate_redis_del_write(void *privdata);
static void ngx_http_phigate_redis_cleanup(void *privdata);
static void ngx_http_phigate_redis_read_handler(ngx_event_t *ev);
static void ngx_http_phigate_redis_write_handler(ngx_event_t *ev);
static void ngx_http_phigate_redis_on_connect(const redisAsyncContext *ac,
    int status);
static void ngx_http_phigate_redis_on_disconnect(const redisAsyncContext *ac,
    int status);
static void ngx_http_phigate_redis_on_ready(redisAsyncContext *ac,
    void *reply, void *privdata);
static void ngx_http_phigate_redis_retry_handler(ngx_event_t *ev);
static void ngx_http_phigate_redis_connect_timeout(ngx_event_t *ev);
static void ngx_http_phigate_redis_reply(redisAsyncContext *ac, void *reply,
    void *privdata);


/*
 * phigate_redis ADDRESS [db=N] [user=NAME] [password=SECRET]
 *     [connect_timeout=TIME];
 * ADDRESS is host[:port] (resolved now) or unix:/path.
 */
char *
ngx_http_phigate_redis_parse(ngx_conf_t *cf, ngx_str_t *args,
    ngx_uint_t nargs, ngx_http_phigate_redis_t *rd)
{
    u_char     *p;
    ngx_str_t   s;
    ngx_url_t   u;
    ngx_uint_t  i;

    rd->name = args[0];
    rd->db = 0;
    rd->connect_timeout = 1000;

    if (ngx_strncmp(args[0].data, "unix:", 5) == 0) {
        rd->unix_path.len = args[0].len - 5;
        rd->unix_path.data = ngx_pnalloc(cf->pool, rd->unix_path.len + 1);
        if (rd->unix_path.data == NULL) {
            return NGX_CONF_ERROR;
        }

        ngx_cpystrn(rd->unix_path.data, args[0].data + 5,
                    rd->unix_path.len + 1);

    } else {
        ngx_memzero(&u, sizeof(ngx_url_t));

        u.url = args[0];
        u.default_port = 6379;

        if (ngx_parse_url(cf->pool, &u) != NGX_OK || u.naddrs == 0) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "%s in Redis address \"%V\"",
                               u.err ? u.err : "host not found", &u.url);
            return NGX_CONF_ERROR;
        }

        /* the IP literal without the port, for redisAsyncConnect() */
        p = ngx_pnalloc(cf->pool, NGX_SOCKADDR_STRLEN + 1);
        if (p == NULL) {
            return NGX_CONF_ERROR;
        }

        rd->host.len = ngx_sock_ntop(u.addrs[0].sockaddr,
                                     u.addrs[0].socklen, p,
                                     NGX_SOCKADDR_STRLEN, 0);
        p[rd->host.len] = '\0';
        rd->host.data = p;
        rd->port = u.port;
    }

    for (i = 1; i < nargs; i++) {
        s = args[i];

        if (ngx_strncmp(s.data, "db=", 3) == 0) {
            rd->db = ngx_atoi(s.data + 3, s.len - 3);
            if (rd->db == NGX_ERROR) {
                goto invalid;
            }

        } else if (ngx_strncmp(s.data, "user=", 5) == 0) {
            rd->user.data = s.data + 5;
            rd->user.len = s.len - 5;

        } else if (ngx_strncmp(s.data, "password=", 9) == 0) {
            rd->password.data = s.data + 9;
            rd->password.len = s.len - 9;

        } else if (ngx_strncmp(s.data, "connect_timeout=", 16) == 0) {
            s.data += 16;
            s.len -= 16;
            rd->connect_timeout = ngx_parse_time(&s, 0);
            if (rd->connect_timeout == (ngx_msec_t) NGX_ERROR) {
                goto invalid;
            }

        } else {
            goto invalid;
        }
    }

    return NGX_CONF_OK;

invalid:

    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                       "invalid Redis parameter \"%V\"", &args[i]);

    return NGX_CONF_ERROR;
}


ngx_int_t
ngx_http_phigate_redis_start(ngx_http_phigate_redis_t *rd, ngx_log_t *log)
{
    rd->log = log;
    rd->backoff = NGX_HTTP_PHIGATE_REDIS_BACKOFF_MIN;

    rd->retry.handler = ngx_http_phigate_redis_retry_handler;
    rd->retry.data = rd;
    rd->retry.log = log;
    rd->retry.cancelable = 1;

    rd->connect.handler = ngx_http_phigate_redis_connect_timeout;
    rd->connect.data = rd;
    rd->connect.log = log;
    rd->connect.cancelable = 1;

    ngx_http_phigate_redis_connect(rd);

    return NGX_OK;
}


void
ngx_http_phigate_redis_stop(ngx_http_phigate_redis_t *rd)
{
    redisAsyncContext  *ac;

    if (rd->retry.timer_set) {
        ngx_del_timer(&rd->retry);
    }

    if (rd->connect.timer_set) {
        ngx_del_timer(&rd->connect);
    }

    ac = rd->ac;

    if (ac != NULL) {
        /* pending commands get their handlers called with NULL */
        rd->state = NGX_HTTP_PHIGATE_REDIS_DOWN;
        ac->data = NULL;
        redisAsyncFree(ac);
    }
}


ngx_int_t
ngx_http_phigate_redis_send(ngx_http_phigate_redis_t *rd, int argc,
    const char **argv, const size_t *argvlen,
    ngx_http_phigate_redis_handler_pt handler, void *data)
{
    ngx_http_phigate_redis_cmd_t  *cmd;

    if (rd->ac == NULL || rd->state == NGX_HTTP_PHIGATE_REDIS_DOWN) {
        return NGX_DECLINED;
    }

    cmd = ngx_alloc(sizeof(ngx_http_phigate_redis_cmd_t), rd->log);
    if (cmd == NULL) {
        return NGX_DECLINED;
    }

    cmd->handler = handler;
    cmd->data = data;

    /*
     * While connecting, hiredis queues the command behind AUTH and SELECT;
     * the caller's own timer bounds the wait.
     */
    if (redisAsyncCommandArgv(rd->ac, ngx_http_phigate_redis_reply, cmd,
                              argc, argv, argvlen)
        != REDIS_OK)
    {
        ngx_free(cmd);
        return NGX_DECLINED;
    }

    return NGX_OK;
}


static void
ngx_http_phigate_redis_reply(redisAsyncContext *ac, void *reply,
    void *privdata)
{
    ngx_http_phigate_redis_cmd_t  *cmd = privdata;

    ngx_http_phigate_redis_handler_pt   handler;
    void                               *data;

    handler = cmd->handler;
    data = cmd->data;

    ngx_free(cmd);

    handler(reply, data);
}


static void
ngx_http_phigate_redis_connect(ngx_http_phigate_redis_t *rd)
{
    const char         *argv[3];
    size_t              argvlen[3];
    u_char              db[NGX_INT_T_LEN];
    ngx_connection_t   *c;
    redisAsyncContext  *ac;

    if (rd->unix_path.len) {
        ac = redisAsyncConnectUnix((const char *) rd->unix_path.data);

    } else {
        ac = redisAsyncConnect((const char *) rd->host.data, (int) rd->port);
    }

    if (ac == NULL) {
        ngx_http_phigate_redis_lost(rd, "out of memory");
        return;
    }

    if (ac->err) {
        ngx_log_error(NGX_LOG_ERR, rd->log, 0,
                      "phigate: Redis \"%V\": %s", &rd->name, ac->errstr);
        redisAsyncFree(ac);
        ngx_http_phigate_redis_lost(rd, NULL);
        return;
    }

    c = ngx_get_connection(ac->c.fd, rd->log);
    if (c == NULL) {
        redisAsyncFree(ac);
        ngx_http_phigate_redis_lost(rd, "no free connection");
        return;
    }

    c->data = rd;
    c->read->handler = ngx_http_phigate_redis_read_handler;
    c->write->handler = ngx_http_phigate_redis_write_handler;
    c->read->log = rd->log;
    c->write->log = rd->log;

    rd->ac = ac;
    rd->conn = c;
    rd->state = NGX_HTTP_PHIGATE_REDIS_CONNECTING;

    ac->data = rd;
    ac->ev.data = rd;
    ac->ev.addRead = ngx_http_phigate_redis_add_read;
    ac->ev.delRead = ngx_http_phigate_redis_del_read;
    ac->ev.addWrite = ngx_http_phigate_redis_add_write;
    ac->ev.delWrite = ngx_http_phigate_redis_del_write;
    ac->ev.cleanup = ngx_http_phigate_redis_cleanup;

    redisAsyncSetConnectCallback(ac, ngx_http_phigate_redis_on_connect);
    redisAsyncSetDisconnectCallback(ac, ngx_http_phigate_redis_on_disconnect);

    /* AUTH and SELECT go first; READY once the last of them answers */
    if (rd->password.len) {
        argv[0] = "AUTH";
        argvlen[0] = 4;

        if (rd->user.len) {
            argv[1] = (const char *) rd->user.data;
            argvlen[1] = rd->user.len;
            argv[2] = (const char *) rd->password.data;
            argvlen[2] = rd->password.len;

        } else {
            argv[1] = (const char *) rd->password.data;
            argvlen[1] = rd->password.len;
        }

        redisAsyncCommandArgv(ac, ngx_http_phigate_redis_on_ready,
                              (void *) "AUTH",
                              rd->user.len ? 3 : 2, argv, argvlen);
    }

    argv[0] = "SELECT";
    argvlen[0] = 6;
    argv[1] = (const char *) db;
    argvlen[1] = ngx_sprintf(db, "%i", rd->db) - db;

    redisAsyncCommandArgv(ac, ngx_http_phigate_redis_on_ready,
                          (void *) "SELECT", 2, argv, argvlen);

    ngx_add_timer(&rd->connect, rd->connect_timeout);
}


/* the connection is gone or never came: retry later */
static void
ngx_http_phigate_redis_lost(ngx_http_phigate_redis_t *rd, const char *why)
{
    if (why != NULL) {
        ngx_log_error(NGX_LOG_ERR, rd->log, 0,
                      "phigate: Redis \"%V\": %s, retrying in %Mms",
                      &rd->name, why, rd->backoff);
    }

    rd->errors++;
    rd->state = NGX_HTTP_PHIGATE_REDIS_DOWN;

    if (rd->connect.timer_set) {
        ngx_del_timer(&rd->connect);
    }

    if (ngx_terminate || ngx_exiting) {
        return;
    }

    if (!rd->retry.timer_set) {
        ngx_add_timer(&rd->retry, rd->backoff);
    }

    rd->backoff = ngx_min(rd->backoff * 2, NGX_HTTP_PHIGATE_REDIS_BACKOFF_MAX);
}


static void
ngx_http_phigate_redis_retry_handler(ngx_event_t *ev)
{
    ngx_http_phigate_redis_t  *rd = ev->data;

    if (rd->ac == NULL) {
        ngx_http_phigate_redis_connect(rd);
    }
}


static void
ngx_http_phigate_redis_connect_timeout(ngx_event_t *ev)
{
    ngx_http_phigate_redis_t  *rd = ev->data;

    redisAsyncContext  *ac;

    ac = rd->ac;

    if (ac == NULL || rd->state == NGX_HTTP_PHIGATE_REDIS_READY) {
        return;
    }

    /*
     * Outside any hiredis callback, freeing the context here is safe; the
     * state is set first so that the cleanup hook does not report the loss
     * a second time.
     */
    rd->state = NGX_HTTP_PHIGATE_REDIS_DOWN;
    ac->data = NULL;
    redisAsyncFree(ac);

    ngx_http_phigate_redis_lost(rd, "connection timed out");
}


static void
ngx_http_phigate_redis_on_connect(const redisAsyncContext *ac, int status)
{
    ngx_http_phigate_redis_t  *rd = ac->data;

    if (rd == NULL || status == REDIS_OK
        || rd->state == NGX_HTTP_PHIGATE_REDIS_DOWN)
    {
        return;
    }

    /* hiredis frees the context when this returns */
    ngx_http_phigate_redis_lost(rd, ac->errstr[0] ? ac->errstr
                                                  : "connect failed");
}


static void
ngx_http_phigate_redis_on_disconnect(const redisAsyncContext *ac,
    int status)
{
    ngx_http_phigate_redis_t  *rd = ac->data;

    if (rd == NULL || rd->state == NGX_HTTP_PHIGATE_REDIS_DOWN) {
        return;
    }

    ngx_http_phigate_redis_lost(rd, status == REDIS_OK ? "disconnected"
                                    : (ac->errstr[0] ? ac->errstr
                                                     : "connection lost"));
}


static void
ngx_http_phigate_redis_on_ready(redisAsyncContext *ac, void *reply,
    void *privdata)
{
    ngx_http_phigate_redis_t  *rd = ac->data;

    redisReply  *rp = reply;

    if (rd == NULL || rp == NULL) {
        return;
    }

    if (rp->type == REDIS_REPLY_ERROR) {
        /* a wrong password or database: log it, drop the connection */
        ngx_log_error(NGX_LOG_ERR, rd->log, 0,
                      "phigate: Redis \"%V\": %s refused: %*s", &rd->name,
                      (char *) privdata, (size_t) rp->len, rp->str);
        rd->state = NGX_HTTP_PHIGATE_REDIS_DOWN;
        redisAsyncDisconnect(ac);
        return;
    }

    if (ngx_strcmp(privdata, "SELECT") == 0) {
        if (rd->connect.timer_set) {
            ngx_del_timer(&rd->connect);
        }

        rd->state = NGX_HTTP_PHIGATE_REDIS_READY;
        rd->backoff = NGX_HTTP_PHIGATE_REDIS_BACKOFF_MIN;

        ngx_log_error(NGX_LOG_INFO, rd->log, 0,
                      "phigate: Redis \"%V\" connected", &rd->name);

        /* posted: whoever waits for the connection runs outside hiredis */
        if (rd->ready != NULL) {
            ngx_post_event(rd->ready, &ngx_posted_events);
        }
    }
}


static void
ngx_http_phigate_redis_read_handler(ngx_event_t *ev)
{
    ngx_connection_t          *c = ev->data;
    ngx_http_phigate_redis_t  *rd = c->data;

    if (rd->ac != NULL) {
        redisAsyncHandleRead(rd->ac);
    }
}


static void
ngx_http_phigate_redis_write_handler(ngx_event_t *ev)
{
    ngx_connection_t          *c = ev->data;
    ngx_http_phigate_redis_t  *rd = c->data;

    if (rd->ac != NULL) {
        redisAsyncHandleWrite(rd->ac);
    }
}


static void
ngx_http_phigate_redis_add_read(void *privdata)
{
    ngx_http_phigate_redis_t  *rd = privdata;

    if (!rd->conn->read->active) {
        (void) ngx_add_event(rd->conn->read, NGX_READ_EVENT,
                             NGX_LEVEL_EVENT);
    }
}


static void
ngx_http_phigate_redis_del_read(void *privdata)
{
    ngx_http_phigate_redis_t  *rd = privdata;

    if (rd->conn->read->active) {
        (void) ngx_del_event(rd->conn->read, NGX_READ_EVENT, 0);
    }
}


static void
ngx_http_phigate_redis_add_write(void *privdata)
{
    ngx_http_phigate_redis_t  *rd = privdata;

    if (!rd->conn->write->active) {
        (void) ngx_add_event(rd->conn->write, NGX_WRITE_EVENT,
                             NGX_LEVEL_EVENT);
    }
}


static void
ngx_http_phigate_redis_del_write(void *privdata)
{
    ngx_http_phigate_redis_t  *rd = privdata;

    if (rd->conn->write->active) {
        (void) ngx_del_event(rd->conn->write, NGX_WRITE_EVENT, 0);
    }
}


/* hiredis frees the context (and then closes the socket) */
static void
ngx_http_phigate_redis_cleanup(void *privdata)
{
    ngx_http_phigate_redis_t  *rd = privdata;

    ngx_connection_t  *c;

    c = rd->conn;

    if (c != NULL) {
        if (c->read->active) {
            (void) ngx_del_event(c->read, NGX_READ_EVENT, 0);
        }

        if (c->write->active) {
            (void) ngx_del_event(c->write, NGX_WRITE_EVENT, 0);
        }

        if (c->read->posted) {
            ngx_delete_posted_event(c->read);
        }

        if (c->write->posted) {
            ngx_delete_posted_event(c->write);
        }

        ngx_free_connection(c);
        c->fd = (ngx_socket_t) -1;
    }

    /*
     * hiredis calls this before onDisconnect: whichever runs first while
     * the connection still counts as up reports the loss, once.
     */
    if (rd->state != NGX_HTTP_PHIGATE_REDIS_DOWN) {
        ngx_http_phigate_redis_lost(rd, (rd->ac != NULL && rd->ac->err)
                                        ? rd->ac->errstr
                                        : "connection closed");
    }

    rd->conn = NULL;
    rd->ac = NULL;
}
