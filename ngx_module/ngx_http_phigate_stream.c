
/*
 * Copyright (C) phigate authors
 *
 * The audit stream: every record written to phigate_audit_log is also
 * appended to a Redis stream (XADD on the primary, phigate_redis), so
 * that a compliance team sees every gateway in one place.  No request
 * waits for it: the record is copied into the worker's backlog and sent
 * on the worker's connection when that is ready; the reply frees it.
 *
 * The file stays the reference.  The backlog is bounded (backlog= records
 * and backlog_size= bytes per worker); when it is full the oldest record
 * waiting is dropped and counted in a gap, which is XADDed as an entry of
 * its own, ahead of the records that follow it, once the stream takes
 * writes again: a reader knows how many records to fetch from the file,
 * and between which.  A record whose XADD was in flight when the
 * connection was lost is sent again (it may then be in the stream twice,
 * the same bytes).  Each worker's records reach the stream in the file's
 * order; the "prev" hash in every record orders those of several workers.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


#define NGX_HTTP_PHIGATE_STREAM_WINDOW   64     /* XADDs in flight */
#define NGX_HTTP_PHIGATE_STREAM_RECORDS  10000
#define NGX_HTTP_PHIGATE_STREAM_BYTES    (8 * 1024 * 1024)
#define NGX_HTTP_PHIGATE_STREAM_PAUSE    1000   /* ms, after an error */
#define NGX_HTTP_PHIGATE_STREAM_DRAIN    1000   /* ms an exiting worker
                                                   waits for replies */
#define NGX_HTTP_PHIGATE_STREAM_RID      64     /* $request_id: 32 */
/* XADD NAME MAXLEN ~ N * gateway ID: 8, then a gap's 6 fields: 12 */
#define NGX_HTTP_PHIGATE_STREAM_ARGS     (8 + 12)


/* one record, from the audit log to its XADD's reply */
typedef struct {
    ngx_queue_t                   queue;
    ngx_http_phigate_stream_t    *stream;
    ngx_uint_t                    seq;       /* the worker's record number */
    const char                   *decision;
    char                          time[PG_AUDIT_TIME_LEN + 1];
    size_t                        rid_len;
    size_t                        len;       /* the line, without "\n" */
    unsigned                      sent:1;    /* its XADD is in flight */
    u_char                        data[1];   /* request id, then line */
} ngx_http_phigate_stream_rec_t;


/* where a gap starts or ends: enough to find the records in the file */
typedef struct {
    ngx_uint_t                    seq;
    size_t                        rid_len;
    u_char                        rid[NGX_HTTP_PHIGATE_STREAM_RID];
    char                          time[PG_AUDIT_TIME_LEN + 1];
} ngx_http_phigate_stream_mark_t;


typedef struct {
    ngx_uint_t                        count;     /* 0: no gap */
    ngx_http_phigate_stream_mark_t    first;
    ngx_http_phigate_stream_mark_t    last;
} ngx_http_phigate_stream_gap_t;


struct ngx_http_phigate_stream_s {
    ngx_str_t                         name;
    ngx_str_t                         maxlen;        /* empty: no MAXLEN */
    ngx_uint_t                        max_records;
    size_t                            max_bytes;
    ngx_http_phigate_main_conf_t     *pmcf;

    /* the worker's */
    ngx_http_phigate_redis_t         *redis;
    ngx_queue_t                       queue;         /* file order; those
                                                        in flight first */
    ngx_uint_t                        queued;        /* not yet sent */
    size_t                            queued_bytes;
    ngx_uint_t                        inflight;
    ngx_uint_t                        seq;
    ngx_http_phigate_stream_gap_t     gap;           /* missed, untold */
    ngx_http_phigate_stream_gap_t     telling;       /* its XADD in flight */
    ngx_event_t                       flush;
    ngx_event_t                       pause;
    ngx_event_t                       drain;
    ngx_log_t                        *log;
    unsigned                          started:1;
};


static void ngx_http_phigate_stream_flush(ngx_http_phigate_stream_t *st);
static ngx_int_t ngx_http_phigate_stream_send_rec(
    ngx_http_phigate_stream_t *st, ngx_http_phigate_stream_rec_t *rec);
static ngx_uint_t ngx_http_phigate_stream_transient(redisReply *reply);
static ngx_int_t ngx_http_phigate_stream_send_gap(
    ngx_http_phigate_stream_t *st);
static int ngx_http_phigate_stream_argv(ngx_http_phigate_stream_t *st,
    const char **argv, size_t *argvlen);
static int ngx_http_phigate_stream_field(const char **argv, size_t *argvlen,
    int argc, const char *name, const char *value, size_t len);
static int ngx_http_phigate_stream_mark(const char **argv, size_t *argvlen,
    int argc, const char *rid_name, const char *time_name,
    ngx_http_phigate_stream_mark_t *m);
static void ngx_http_phigate_stream_rec_reply(redisReply *reply,
    void *data);
static void ngx_http_phigate_stream_gap_reply(redisReply *reply,
    void *data);
static void ngx_http_phigate_stream_next(ngx_http_phigate_stream_t *st);
static void ngx_http_phigate_stream_refused(ngx_http_phigate_stream_t *st,
    redisReply *reply);
static void ngx_http_phigate_stream_miss(ngx_http_phigate_stream_t *st,
    ngx_uint_t seq, u_char *rid, size_t rid_len, const char *ts);
static void ngx_http_phigate_stream_merge(ngx_http_phigate_stream_gap_t *to,
    ngx_http_phigate_stream_gap_t *from);
static ngx_http_phigate_stream_rec_t *ngx_http_phigate_stream_oldest(
    ngx_http_phigate_stream_t *st);
static void ngx_http_phigate_stream_drop(ngx_http_phigate_stream_t *st,
    ngx_http_phigate_stream_rec_t *rec);
static void ngx_http_phigate_stream_drain_timer(
    ngx_http_phigate_stream_t *st);
static void ngx_http_phigate_stream_event(ngx_event_t *ev,
    ngx_event_handler_pt handler, ngx_http_phigate_stream_t *st,
    ngx_log_t *log);
static void ngx_http_phigate_stream_flush_handler(ngx_event_t *ev);
static void ngx_http_phigate_stream_drain_handler(ngx_event_t *ev);


/*
 * phigate_audit_stream NAME [maxlen=N] [backlog=N] [backlog_size=SIZE];
 */
char *
ngx_http_phigate_audit_stream(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_http_phigate_main_conf_t *pmcf = conf;

    ssize_t                     size;
    ngx_int_t                   n;
    ngx_str_t                  *value, s;
    ngx_uint_t                  i;
    ngx_http_phigate_stream_t  *st;

    if (pmcf->stream != NULL) {
        return "is duplicate";
    }

    st = ngx_pcalloc(cf->pool, sizeof(ngx_http_phigate_stream_t));
    if (st == NULL) {
        return NGX_CONF_ERROR;
    }

    value = cf->args->elts;

    st->name = value[1];
    st->max_records = NGX_HTTP_PHIGATE_STREAM_RECORDS;
    st->max_bytes = NGX_HTTP_PHIGATE_STREAM_BYTES;
    st->pmcf = pmcf;

    for (i = 2; i < cf->args->nelts; i++) {
        s = value[i];

        if (ngx_strncmp(s.data, "maxlen=", 7) == 0) {
            n = ngx_atoi(s.data + 7, s.len - 7);
            if (n <= 0) {
                goto invalid;
            }

            st->maxlen.data = s.data + 7;
            st->maxlen.len = s.len - 7;

        } else if (ngx_strncmp(s.data, "backlog=", 8) == 0) {
            n = ngx_atoi(s.data + 8, s.len - 8);
            if (n <= 0) {
                goto invalid;
            }

            st->max_records = (ngx_uint_t) n;

        } else if (ngx_strncmp(s.data, "backlog_size=", 13) == 0) {
            s.data += 13;
            s.len -= 13;

            size = ngx_parse_size(&s);
            if (size <= 0) {
                goto invalid;
            }

            st->max_bytes = (size_t) size;

        } else {
            goto invalid;
        }
    }

    pmcf->stream = st;

    return NGX_CONF_OK;

invalid:

    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                       "invalid phigate_audit_stream parameter \"%V\"",
                       &value[i]);

    return NGX_CONF_ERROR;
}


/* the stream carries the file's records, over the primary */
ngx_int_t
ngx_http_phigate_stream_check(ngx_conf_t *cf,
    ngx_http_phigate_main_conf_t *pmcf)
{
    if (pmcf->stream == NULL) {
        return NGX_OK;
    }

    if (pmcf->redis == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"phigate_audit_stream\" needs \"phigate_redis\"");
        return NGX_ERROR;
    }

    if (pmcf->audit_file == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"phigate_audit_stream\" needs "
                           "\"phigate_audit_log\"");
        return NGX_ERROR;
    }

    return NGX_OK;
}


/* in the worker, before its connection to the primary is opened */
void
ngx_http_phigate_stream_start(ngx_http_phigate_stream_t *st,
    ngx_http_phigate_redis_t *rd, ngx_log_t *log)
{
    st->log = log;
    st->redis = rd;

    ngx_queue_init(&st->queue);

    ngx_http_phigate_stream_event(&st->flush,
                                  ngx_http_phigate_stream_flush_handler,
                                  st, log);
    ngx_http_phigate_stream_event(&st->pause,
                                  ngx_http_phigate_stream_flush_handler,
                                  st, log);
    st->pause.cancelable = 1;

    /*
     * Not cancelable: a worker shutting down gracefully waits (a little)
     * for the replies to XADDs in flight, so that it leaves no gap.
     */
    ngx_http_phigate_stream_event(&st->drain,
                                  ngx_http_phigate_stream_drain_handler,
                                  st, log);

    rd->ready = &st->flush;

    st->started = 1;
}


/*
 * At worker exit, after the connection was freed (every XADD in flight
 * came back unanswered): what was not written is a gap, in the error log,
 * named by request ids and times only.
 */
void
ngx_http_phigate_stream_stop(ngx_http_phigate_stream_t *st)
{
    ngx_queue_t                    *q;
    ngx_http_phigate_stream_rec_t  *rec;

    if (!st->started) {
        return;
    }

    st->started = 0;

    if (st->pause.timer_set) {
        ngx_del_timer(&st->pause);
    }

    if (st->drain.timer_set) {
        ngx_del_timer(&st->drain);
    }

    if (st->flush.posted) {
        ngx_delete_posted_event(&st->flush);
    }

    while (!ngx_queue_empty(&st->queue)) {
        q = ngx_queue_head(&st->queue);
        rec = ngx_queue_data(q, ngx_http_phigate_stream_rec_t, queue);
        ngx_http_phigate_stream_drop(st, rec);
    }

    ngx_http_phigate_stream_merge(&st->gap, &st->telling);

    if (st->gap.count == 0) {
        return;
    }

    ngx_log_error(NGX_LOG_WARN, st->log, 0,
                  "phigate: audit stream \"%V\": %ui record(s) not written "
                  "to the stream at worker exit (the audit log has them), "
                  "from request %*s at %s to request %*s at %s",
                  &st->name, st->gap.count,
                  st->gap.first.rid_len, st->gap.first.rid,
                  st->gap.first.time, st->gap.last.rid_len,
                  st->gap.last.rid, st->gap.last.time);
}


/* a record just written to the file; never blocks, never fails the request */
void
ngx_http_phigate_stream_add(ngx_http_phigate_stream_t *st, const char *line,
    size_t len, const pg_audit_t *au)
{
    char                            ts[PG_AUDIT_TIME_LEN + 1];
    size_t                          rid_len;
    ngx_http_phigate_stream_rec_t  *rec;

    if (!st->started) {
        return;
    }

    rid_len = ngx_min(au->request_id_len, NGX_HTTP_PHIGATE_STREAM_RID);

    pg_audit_time(au->sec, au->msec, ts);

    rec = NULL;

    /* a record larger than the whole backlog could only push the rest out */
    if (len <= st->max_bytes) {
        rec = ngx_alloc(offsetof(ngx_http_phigate_stream_rec_t, data)
                        + rid_len + len, st->log);
    }

    if (rec == NULL) {
        ngx_http_phigate_stream_miss(st, st->seq++,
                                     (u_char *) au->request_id, rid_len,
                                     ts);
        ngx_http_phigate_stream_flush(st);
        return;
    }

    rec->stream = st;
    rec->seq = st->seq++;
    rec->decision = pg_decision_name(au->verdict->decision);
    rec->rid_len = rid_len;
    rec->len = len;
    rec->sent = 0;

    ngx_memcpy(rec->time, ts, PG_AUDIT_TIME_LEN + 1);
    ngx_memcpy(rec->data, au->request_id, rid_len);
    ngx_memcpy(rec->data + rid_len, line, len);

    ngx_queue_insert_tail(&st->queue, &rec->queue);
    st->queued++;
    st->queued_bytes += len;

    /* full: the oldest records waiting make room, and a gap says so */
    while (st->queued > st->max_records || st->queued_bytes > st->max_bytes) {
        rec = ngx_http_phigate_stream_oldest(st);
        if (rec == NULL) {
            break;
        }

        ngx_http_phigate_stream_drop(st, rec);
    }

    ngx_http_phigate_stream_flush(st);
}


/* sends what waits, in order: a gap first (it precedes them), then records */
static void
ngx_http_phigate_stream_flush(ngx_http_phigate_stream_t *st)
{
    ngx_queue_t                    *q;
    ngx_http_phigate_stream_rec_t  *rec;

    if (!st->started || st->pause.timer_set
        || st->redis->state != NGX_HTTP_PHIGATE_REDIS_READY
        || st->redis->ac == NULL)
    {
        return;
    }

    /* a gap precedes the records waiting: told first, and one at a time */
    if (st->gap.count > 0
        && (st->telling.count > 0
            || ngx_http_phigate_stream_send_gap(st) != NGX_OK))
    {
        return;
    }

    for (q = ngx_queue_head(&st->queue);
         q != ngx_queue_sentinel(&st->queue)
         && st->inflight < NGX_HTTP_PHIGATE_STREAM_WINDOW;
         q = ngx_queue_next(q))
    {
        rec = ngx_queue_data(q, ngx_http_phigate_stream_rec_t, queue);

        if (rec->sent) {
            continue;
        }

        if (ngx_http_phigate_stream_send_rec(st, rec) != NGX_OK) {
            break;
        }
    }

    ngx_http_phigate_stream_drain_timer(st);
}


/*
 * The entry holds the record's line as written (without its newline: its
 * SHA-256 is the next record's "prev") and, for XRANGE filtering, three
 * of its own values.  Nothing the file does not hold.
 */
static ngx_int_t
ngx_http_phigate_stream_send_rec(ngx_http_phigate_stream_t *st,
    ngx_http_phigate_stream_rec_t *rec)
{
    int          argc;
    size_t       argvlen[NGX_HTTP_PHIGATE_STREAM_ARGS];
    const char  *argv[NGX_HTTP_PHIGATE_STREAM_ARGS];

    argc = ngx_http_phigate_stream_argv(st, argv, argvlen);
    argc = ngx_http_phigate_stream_field(argv, argvlen, argc, "request_id",
                                         (const char *) rec->data,
                                         rec->rid_len);
    argc = ngx_http_phigate_stream_field(argv, argvlen, argc, "decision",
                                         rec->decision,
                                         ngx_strlen(rec->decision));
    argc = ngx_http_phigate_stream_field(argv, argvlen, argc, "record",
                                         (const char *) rec->data
                                         + rec->rid_len, rec->len);

    if (ngx_http_phigate_redis_send(st->redis, argc, argv, argvlen,
                                    ngx_http_phigate_stream_rec_reply, rec)
        != NGX_OK)
    {
        return NGX_DECLINED;
    }

    rec->sent = 1;
    st->queued--;
    st->queued_bytes -= rec->len;
    st->inflight++;

    return NGX_OK;
}


/*
 * A gap entry: how many records of this worker the stream misses, and
 * the first and last of them (request id and time), to fetch from the
 * file.  Every missed record lies between the two; records between them
 * may be in the stream too.
 */
static ngx_int_t
ngx_http_phigate_stream_send_gap(ngx_http_phigate_stream_t *st)
{
    int                             argc;
    u_char                          count[NGX_INT_T_LEN];
    u_char                          pid[NGX_INT_T_LEN];
    size_t                          argvlen[NGX_HTTP_PHIGATE_STREAM_ARGS];
    const char                     *argv[NGX_HTTP_PHIGATE_STREAM_ARGS];
    ngx_http_phigate_stream_gap_t  *g;

    st->telling = st->gap;
    ngx_memzero(&st->gap, sizeof(ngx_http_phigate_stream_gap_t));

    g = &st->telling;

    argc = ngx_http_phigate_stream_argv(st, argv, argvlen);
    argc = ngx_http_phigate_stream_field(argv, argvlen, argc, "gap",
                                         (const char *) count,
                                         ngx_sprintf(count, "%ui", g->count)
                                         - count);
    argc = ngx_http_phigate_stream_field(argv, argvlen, argc, "pid",
                                         (const char *) pid,
                                         ngx_sprintf(pid, "%P", ngx_pid)
                                         - pid);
    argc = ngx_http_phigate_stream_mark(argv, argvlen, argc,
                                        "first_request_id", "first_time",
                                        &g->first);
    argc = ngx_http_phigate_stream_mark(argv, argvlen, argc,
                                        "last_request_id", "last_time",
                                        &g->last);

    if (ngx_http_phigate_redis_send(st->redis, argc, argv, argvlen,
                                    ngx_http_phigate_stream_gap_reply, st)
        != NGX_OK)
    {
        ngx_http_phigate_stream_merge(&st->gap, &st->telling);
        return NGX_DECLINED;
    }

    st->inflight++;

    return NGX_OK;
}


/* XADD NAME [MAXLEN ~ N] * [gateway ID]: the start of every entry */
static int
ngx_http_phigate_stream_argv(ngx_http_phigate_stream_t *st,
    const char **argv, size_t *argvlen)
{
    int         argc;
    ngx_str_t  *gw;

    argc = 0;

    argv[argc] = "XADD";
    argvlen[argc++] = 4;
    argv[argc] = (const char *) st->name.data;
    argvlen[argc++] = st->name.len;

    /* "~": Redis trims whole nodes, cheaply, to about N entries */
    if (st->maxlen.len) {
        argv[argc] = "MAXLEN";
        argvlen[argc++] = 6;
        argv[argc] = "~";
        argvlen[argc++] = 1;
        argv[argc] = (const char *) st->maxlen.data;
        argvlen[argc++] = st->maxlen.len;
    }

    argv[argc] = "*";
    argvlen[argc++] = 1;

    gw = &st->pmcf->gateway;

    if (gw->len) {
        argc = ngx_http_phigate_stream_field(argv, argvlen, argc, "gateway",
                                             (const char *) gw->data,
                                             gw->len);
    }

    return argc;
}


/* a field of the entry: its name, then its value */
static int
ngx_http_phigate_stream_field(const char **argv, size_t *argvlen, int argc,
    const char *name, const char *value, size_t len)
{
    argv[argc] = name;
    argvlen[argc++] = ngx_strlen(name);
    argv[argc] = value;
    argvlen[argc++] = len;

    return argc;
}


/* a gap's end: the record's request id and time, under the names given */
static int
ngx_http_phigate_stream_mark(const char **argv, size_t *argvlen, int argc,
    const char *rid_name, const char *time_name,
    ngx_http_phigate_stream_mark_t *m)
{
    argc = ngx_http_phigate_stream_field(argv, argvlen, argc, rid_name,
                                         (const char *) m->rid, m->rid_len);

    return ngx_http_phigate_stream_field(argv, argvlen, argc, time_name,
                                         m->time, PG_AUDIT_TIME_LEN);
}


static void
ngx_http_phigate_stream_rec_reply(redisReply *reply, void *data)
{
    ngx_http_phigate_stream_rec_t  *rec = data;

    ngx_http_phigate_stream_t  *st;

    st = rec->stream;
    st->inflight--;

    if (reply == NULL || ngx_http_phigate_stream_transient(reply)) {
        /*
         * The connection went with the XADD in flight: Redis may or may
         * not have it.  Or Redis said to try later (a restart loading its
         * data).  Sent again when the connection is back or the pause is
         * over, from its place at the head of the backlog.
         */
        rec->sent = 0;
        st->queued++;
        st->queued_bytes += rec->len;

        if (reply != NULL) {
            ngx_http_phigate_stream_refused(st, reply);
            return;
        }

        ngx_http_phigate_metrics_stream(st->pmcf, 0, 1, 0);
        ngx_http_phigate_stream_drain_timer(st);
        return;
    }

    ngx_queue_remove(&rec->queue);

    if (reply->type == REDIS_REPLY_ERROR) {
        ngx_http_phigate_stream_miss(st, rec->seq, rec->data, rec->rid_len,
                                     rec->time);
        ngx_http_phigate_stream_refused(st, reply);

    } else {
        ngx_http_phigate_metrics_stream(st->pmcf, 1, 0, 0);
    }

    ngx_free(rec);

    ngx_http_phigate_stream_next(st);
}


static void
ngx_http_phigate_stream_gap_reply(redisReply *reply, void *data)
{
    ngx_http_phigate_stream_t  *st = data;

    ngx_http_phigate_stream_gap_t  *g;

    st->inflight--;

    g = &st->telling;

    if (reply == NULL) {
        /* told again when the connection is back, with what was missed */
        ngx_http_phigate_stream_merge(&st->gap, g);
        ngx_http_phigate_metrics_stream(st->pmcf, 0, 1, 0);
        ngx_http_phigate_stream_drain_timer(st);
        return;
    }

    if (reply->type == REDIS_REPLY_ERROR) {
        ngx_http_phigate_stream_merge(&st->gap, g);
        ngx_http_phigate_stream_refused(st, reply);

    } else {
        ngx_log_error(NGX_LOG_WARN, st->log, 0,
                      "phigate: audit stream \"%V\": a gap of %ui "
                      "record(s) written to the stream, from request %*s "
                      "at %s to request %*s at %s", &st->name, g->count,
                      g->first.rid_len, g->first.rid, g->first.time,
                      g->last.rid_len, g->last.rid, g->last.time);

        ngx_memzero(g, sizeof(ngx_http_phigate_stream_gap_t));
    }

    ngx_http_phigate_stream_next(st);
}


/* after a reply: more to send, from a posted event outside hiredis */
static void
ngx_http_phigate_stream_next(ngx_http_phigate_stream_t *st)
{
    ngx_http_phigate_stream_drain_timer(st);

    if (!ngx_queue_empty(&st->queue) || st->gap.count > 0) {
        ngx_post_event(&st->flush, &ngx_posted_events);
    }
}


/*
 * Errors that say "not now" rather than "never": Redis loading its data
 * after a restart, a busy script, a replica without its master.  What
 * they answer stays in the backlog.
 */
static ngx_uint_t
ngx_http_phigate_stream_transient(redisReply *reply)
{
    static const char  *later[] = { "LOADING", "BUSY", "TRYAGAIN",
                                    "MASTERDOWN" };

    size_t      n;
    ngx_uint_t  i;

    if (reply->type != REDIS_REPLY_ERROR) {
        return 0;
    }

    for (i = 0; i < sizeof(later) / sizeof(later[0]); i++) {
        n = ngx_strlen(later[i]);

        if ((size_t) reply->len >= n
            && ngx_strncmp(reply->str, later[i], n) == 0)
        {
            return 1;
        }
    }

    return 0;
}


/*
 * Redis refused an XADD (a key of another type, out of memory, ACL): the
 * entry is not in the stream.  Sending stops for a while rather than
 * hammering Redis with what it refuses; records meanwhile wait in the
 * backlog.  Redis may quote a command's arguments in an error message
 * ("unknown command ..., with args beginning with: ..."): only what comes
 * before the first quote is logged, never a record; and only the first
 * refusal of a pipelined batch.
 */
static void
ngx_http_phigate_stream_refused(ngx_http_phigate_stream_t *st,
    redisReply *reply)
{
    size_t  n;

    ngx_http_phigate_metrics_stream(st->pmcf, 0, 1, 0);

    if (st->pause.timer_set) {
        return;
    }

    for (n = 0; n < reply->len && n < 80; n++) {
        if (reply->str[n] == '\'' || reply->str[n] == '`'
            || reply->str[n] == '"')
        {
            break;
        }
    }

    ngx_log_error(NGX_LOG_ERR, st->log, 0,
                  "phigate: audit stream \"%V\": XADD refused: %*s",
                  &st->name, n, reply->str);

    ngx_add_timer(&st->pause, NGX_HTTP_PHIGATE_STREAM_PAUSE);
}


/* one record the stream will not have */
static void
ngx_http_phigate_stream_miss(ngx_http_phigate_stream_t *st, ngx_uint_t seq,
    u_char *rid, size_t rid_len, const char *ts)
{
    ngx_http_phigate_stream_gap_t   one;
    ngx_http_phigate_stream_mark_t  *m;

    m = &one.first;

    m->seq = seq;
    m->rid_len = ngx_min(rid_len, NGX_HTTP_PHIGATE_STREAM_RID);
    ngx_memcpy(m->rid, rid, m->rid_len);

    ngx_memcpy(m->time, ts, PG_AUDIT_TIME_LEN + 1);

    one.count = 1;
    one.last = one.first;

    ngx_http_phigate_stream_merge(&st->gap, &one);

    ngx_http_phigate_metrics_stream(st->pmcf, 0, 0, 1);
}


/* a gap covering both, by the worker's record numbers */
static void
ngx_http_phigate_stream_merge(ngx_http_phigate_stream_gap_t *to,
    ngx_http_phigate_stream_gap_t *from)
{
    if (from->count == 0) {
        return;
    }

    if (to->count == 0) {
        *to = *from;

    } else {
        to->count += from->count;

        if (from->first.seq < to->first.seq) {
            to->first = from->first;
        }

        if (from->last.seq > to->last.seq) {
            to->last = from->last;
        }
    }

    from->count = 0;
}


/* the oldest record not in flight: those in flight cannot be taken back */
static ngx_http_phigate_stream_rec_t *
ngx_http_phigate_stream_oldest(ngx_http_phigate_stream_t *st)
{
    ngx_queue_t                    *q;
    ngx_http_phigate_stream_rec_t  *rec;

    for (q = ngx_queue_head(&st->queue);
         q != ngx_queue_sentinel(&st->queue);
         q = ngx_queue_next(q))
    {
        rec = ngx_queue_data(q, ngx_http_phigate_stream_rec_t, queue);

        if (!rec->sent) {
            return rec;
        }
    }

    return NULL;
}


static void
ngx_http_phigate_stream_drop(ngx_http_phigate_stream_t *st,
    ngx_http_phigate_stream_rec_t *rec)
{
    if (st->started && st->gap.count == 0 && st->telling.count == 0) {
        ngx_log_error(NGX_LOG_WARN, st->log, 0,
                      "phigate: audit stream \"%V\": backlog full, the "
                      "oldest records waiting are dropped; a gap entry "
                      "will name them", &st->name);
    }

    ngx_queue_remove(&rec->queue);

    st->queued--;
    st->queued_bytes -= rec->len;

    ngx_http_phigate_stream_miss(st, rec->seq, rec->data, rec->rid_len,
                                 rec->time);
    ngx_free(rec);
}


static void
ngx_http_phigate_stream_drain_timer(ngx_http_phigate_stream_t *st)
{
    if (st->inflight > 0) {
        if (!st->drain.timer_set) {
            ngx_add_timer(&st->drain, NGX_HTTP_PHIGATE_STREAM_DRAIN);
        }

    } else if (st->drain.timer_set) {
        ngx_del_timer(&st->drain);
    }
}


static void
ngx_http_phigate_stream_event(ngx_event_t *ev, ngx_event_handler_pt handler,
    ngx_http_phigate_stream_t *st, ngx_log_t *log)
{
    ev->handler = handler;
    ev->data = st;
    ev->log = log;
}


static void
ngx_http_phigate_stream_flush_handler(ngx_event_t *ev)
{
    ngx_http_phigate_stream_flush(ev->data);
}


/* Redis is slow to answer; a worker shutting down stops waiting for it */
static void
ngx_http_phigate_stream_drain_handler(ngx_event_t *ev)
{
    ngx_http_phigate_stream_t  *st = ev->data;

    if (!ngx_exiting && !ngx_terminate && st->inflight > 0) {
        ngx_add_timer(&st->drain, NGX_HTTP_PHIGATE_STREAM_DRAIN);
    }
}
