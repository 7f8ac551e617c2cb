
/*
 * Copyright (C) phigate authors
 *
 * Live metrics in Prometheus' text format, served by "phigate_status;".
 * Counters live in a shared memory zone and are added to atomically, so
 * every worker's requests add up and the numbers survive reloads.  Labels
 * come from fixed lists (decisions, reasons, identifier types) and the
 * configured platform profiles' names: a metric can never carry a value
 * from a request.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_phigate_module.h"


static const char  *ngx_http_phigate_reasons[] = {
    "clean", "phi_detected", "approved", "consent", "consent_dm",
    "consent_missing", "consent_invalid", "consent_revoked",
    "consent_expired", "consent_platform", "consent_kind",
    "consent_unavailable", "consent_marker_conflict",
    "consent_marker_malformed", "consent_marker_unremovable",
    "credential_revoked", "dm_blocked", "malformed_json", "malformed_form",
    "malformed_multipart", "uninspectable_encoding", "body_too_large",
    "too_complex", "body_unreadable", "internal_error", "other"
};

#define NGX_HTTP_PHIGATE_NREASONS                                            \
    (sizeof(ngx_http_phigate_reasons) / sizeof(ngx_http_phigate_reasons[0]))

/*
 * Platform names come from the profiles (phigate_platforms), so a slot
 * is claimed for each name the first time it is counted: the profiles of
 * a set, its generic one, and those renamed across reloads.  A count for
 * a name no slot is left for goes to "other".
 */
#define NGX_HTTP_PHIGATE_PLATFORM_SLOTS  96

/* seconds: inspection is sub-millisecond, Redis a few milliseconds */
static const double  ngx_http_phigate_inspect_le[] = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1
};

static const double  ngx_http_phigate_redis_le[] = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1
};

#define NGX_HTTP_PHIGATE_NBUCKETS  9


typedef struct {
    ngx_atomic_t    used;                  /* set once name is written */
    ngx_atomic_t    n;
    u_char          name[PG_PLATFORM_NAME_MAX + 1];
} ngx_http_phigate_platform_slot_t;


typedef struct {
    ngx_atomic_t    n[NGX_HTTP_PHIGATE_NBUCKETS + 1];  /* last: +Inf */
    ngx_atomic_t    sum_us;
    ngx_atomic_t    count;
} ngx_http_phigate_histogram_t;


struct ngx_http_phigate_metrics_s {
    ngx_atomic_t                   requests[3][NGX_HTTP_PHIGATE_NREASONS];
    ngx_http_phigate_platform_slot_t
                                   platforms[NGX_HTTP_PHIGATE_PLATFORM_SLOTS];
    ngx_atomic_t                   platform_other;
    ngx_atomic_t                   dm;
    ngx_atomic_t                   findings[PG_T__COUNT];
    ngx_atomic_t                   redis_lookups;
    ngx_atomic_t                   redis_errors;
    ngx_atomic_t                   audit_records;
    ngx_atomic_t                   audit_errors;
    ngx_atomic_t                   stream_records;
    ngx_atomic_t                   stream_errors;
    ngx_atomic_t                   stream_gaps;
    ngx_http_phigate_histogram_t   inspect;
    ngx_http_phigate_histogram_t   redis;
};


static ngx_int_t ngx_http_phigate_metrics_init_zone(ngx_shm_zone_t *zone,
    void *data);
static ngx_atomic_t *ngx_http_phigate_platform_counter(ngx_http_request_t *r,
    ngx_http_phigate_metrics_t *m, const char *name);
static ngx_int_t ngx_http_phigate_status_handler(ngx_http_request_t *r);
static void ngx_http_phigate_observe(ngx_http_phigate_histogram_t *h,
    const double *le, ngx_msec_int_t us);
static u_char *ngx_http_phigate_print_histogram(u_char *p, u_char *last,
    const char *name, const char *help, ngx_http_phigate_histogram_t *h,
    const double *le);

static ngx_str_t  ngx_http_phigate_metrics_name = ngx_string("phigate_metrics");


ngx_int_t
ngx_http_phigate_metrics_zone(ngx_conf_t *cf,
    ngx_http_phigate_main_conf_t *pmcf)
{
    if (pmcf->metrics_zone != NULL) {
        return NGX_OK;
    }

    pmcf->metrics_zone = ngx_shared_memory_add(cf,
                                   &ngx_http_phigate_metrics_name,
                                   ngx_align(sizeof(ngx_http_phigate_metrics_t),
                                             ngx_pagesize)
                                   + 8 * ngx_pagesize,
                                   &ngx_http_phigate_module);
    if (pmcf->metrics_zone == NULL) {
        return NGX_ERROR;
    }

    pmcf->metrics_zone->init = ngx_http_phigate_metrics_init_zone;

    return NGX_OK;
}


static ngx_int_t
ngx_http_phigate_metrics_init_zone(ngx_shm_zone_t *zone, void *data)
{
    ngx_slab_pool_t  *shpool;

    if (data != NULL) {
        zone->data = data;
        return NGX_OK;
    }

    shpool = (ngx_slab_pool_t *) zone->shm.addr;

    if (zone->shm.exists) {
        zone->data = shpool->data;
        return NGX_OK;
    }

    zone->data = ngx_slab_calloc(shpool, sizeof(ngx_http_phigate_metrics_t));
    if (zone->data == NULL) {
        return NGX_ERROR;
    }

    shpool->data = zone->data;

    return NGX_OK;
}


static ngx_http_phigate_metrics_t *
ngx_http_phigate_metrics(ngx_http_request_t *r)
{
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);

    return pmcf->metrics_zone ? pmcf->metrics_zone->data : NULL;
}


/*
 * The counter of a platform's name.  Looked for without a lock (a slot's
 * name is written before it is marked used, and never changes); a name
 * not there yet is added under the zone's lock, looking again, since
 * another worker may have added it meanwhile.
 */
static ngx_atomic_t *
ngx_http_phigate_platform_counter(ngx_http_request_t *r,
    ngx_http_phigate_metrics_t *m, const char *name)
{
    ngx_uint_t                         i;
    ngx_slab_pool_t                   *shpool;
    ngx_http_phigate_main_conf_t      *pmcf;
    ngx_http_phigate_platform_slot_t  *s;

    for (i = 0; i < NGX_HTTP_PHIGATE_PLATFORM_SLOTS; i++) {
        s = &m->platforms[i];

        if (!s->used) {
            break;
        }

        if (ngx_strcmp(s->name, name) == 0) {
            return &s->n;
        }
    }

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);
    shpool = (ngx_slab_pool_t *) pmcf->metrics_zone->shm.addr;

    ngx_shmtx_lock(&shpool->mutex);

    for (/* void */; i < NGX_HTTP_PHIGATE_PLATFORM_SLOTS; i++) {
        s = &m->platforms[i];

        if (!s->used) {
            (void) ngx_cpystrn(s->name, (u_char *) name, sizeof(s->name));
            ngx_memory_barrier();
            s->used = 1;
            break;
        }

        if (ngx_strcmp(s->name, name) == 0) {
            break;
        }
    }

    ngx_shmtx_unlock(&shpool->mutex);

    return i < NGX_HTTP_PHIGATE_PLATFORM_SLOTS ? &m->platforms[i].n
                                               : &m->platform_other;
}


/* one decided request: its decision and reason, platform, findings */
void
ngx_http_phigate_metrics_request(ngx_http_request_t *r,
    ngx_http_phigate_ctx_t *ctx)
{
    ngx_uint_t                   i, d;
    ngx_http_phigate_metrics_t  *m;

    m = ngx_http_phigate_metrics(r);
    if (m == NULL) {
        return;
    }

    d = ctx->verdict.decision < 3 ? ctx->verdict.decision : 2;

    for (i = 0; i < NGX_HTTP_PHIGATE_NREASONS - 1; i++) {
        if (ngx_strcmp(ngx_http_phigate_reasons[i], ctx->verdict.reason)
            == 0)
        {
            break;
        }
    }

    (void) ngx_atomic_fetch_add(&m->requests[d][i], 1);

    (void) ngx_atomic_fetch_add(ngx_http_phigate_platform_counter(r, m,
                                              ctx->insp.platform->name), 1);

    if (ctx->insp.dm) {
        (void) ngx_atomic_fetch_add(&m->dm, 1);
    }

    for (i = 0; i < ctx->insp.findings.n; i++) {
        if ((ngx_uint_t) ctx->insp.findings.items[i].type < PG_T__COUNT) {
            (void) ngx_atomic_fetch_add(
                         &m->findings[ctx->insp.findings.items[i].type], 1);
        }
    }
}


void
ngx_http_phigate_metrics_inspect(ngx_http_request_t *r, ngx_msec_int_t us)
{
    ngx_http_phigate_metrics_t  *m;

    m = ngx_http_phigate_metrics(r);

    if (m != NULL) {
        ngx_http_phigate_observe(&m->inspect, ngx_http_phigate_inspect_le, us);
    }
}


void
ngx_http_phigate_metrics_redis(ngx_http_request_t *r, ngx_msec_int_t us,
    ngx_uint_t lookups, ngx_uint_t errors)
{
    ngx_http_phigate_metrics_t  *m;

    m = ngx_http_phigate_metrics(r);
    if (m == NULL) {
        return;
    }

    (void) ngx_atomic_fetch_add(&m->redis_lookups, lookups);
    (void) ngx_atomic_fetch_add(&m->redis_errors, errors);

    ngx_http_phigate_observe(&m->redis, ngx_http_phigate_redis_le, us);
}


void
ngx_http_phigate_metrics_audit(ngx_http_request_t *r, ngx_uint_t ok)
{
    ngx_http_phigate_metrics_t  *m;

    m = ngx_http_phigate_metrics(r);

    if (m != NULL) {
        (void) ngx_atomic_fetch_add(ok ? &m->audit_records : &m->audit_errors,
                                    1);
    }
}


/* the audit stream's outcomes, outside any request */
void
ngx_http_phigate_metrics_stream(ngx_http_phigate_main_conf_t *pmcf,
    ngx_uint_t records, ngx_uint_t errors, ngx_uint_t gaps)
{
    ngx_http_phigate_metrics_t  *m;

    m = pmcf->metrics_zone ? pmcf->metrics_zone->data : NULL;
    if (m == NULL) {
        return;
    }

    (void) ngx_atomic_fetch_add(&m->stream_records, records);
    (void) ngx_atomic_fetch_add(&m->stream_errors, errors);
    (void) ngx_atomic_fetch_add(&m->stream_gaps, gaps);
}


static void
ngx_http_phigate_observe(ngx_http_phigate_histogram_t *h, const double *le,
    ngx_msec_int_t us)
{
    ngx_uint_t  i;

    for (i = 0; i < NGX_HTTP_PHIGATE_NBUCKETS; i++) {
        if ((double) us <= le[i] * 1e6) {
            break;
        }
    }

    (void) ngx_atomic_fetch_add(&h->n[i], 1);
    (void) ngx_atomic_fetch_add(&h->sum_us, us > 0 ? us : 0);
    (void) ngx_atomic_fetch_add(&h->count, 1);
}


/* phigate_status: this location answers with the metrics */
char *
ngx_http_phigate_status(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_core_loc_conf_t      *clcf;
    ngx_http_phigate_main_conf_t  *pmcf;

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_phigate_module);

    if (ngx_http_phigate_metrics_zone(cf, pmcf) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
    clcf->handler = ngx_http_phigate_status_handler;

    return NGX_CONF_OK;
}


#define NGX_HTTP_PHIGATE_STATUS_SIZE  (64 * 1024)


static ngx_int_t
ngx_http_phigate_status_handler(ngx_http_request_t *r)
{
    u_char                        *p, *last;
    ngx_int_t                      rc;
    ngx_buf_t                     *b;
    ngx_uint_t                     d, i;
    ngx_chain_t                    out;
    const pg_platforms_t          *set;
    ngx_http_phigate_metrics_t    *m;
    ngx_http_phigate_main_conf_t  *pmcf;

    static const char  *decisions[3] = { "allow", "block", "monitor" };

    if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
        return NGX_HTTP_NOT_ALLOWED;
    }

    rc = ngx_http_discard_request_body(r);
    if (rc != NGX_OK) {
        return rc;
    }

    m = ngx_http_phigate_metrics(r);
    if (m == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b = ngx_create_temp_buf(r->pool, NGX_HTTP_PHIGATE_STATUS_SIZE);
    if (b == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    p = b->pos;
    last = b->end;

    p = ngx_slprintf(p, last,
            "# HELP phigate_requests_total Requests inspected, by decision "
            "and reason.\n# TYPE phigate_requests_total counter\n");

    for (d = 0; d < 3; d++) {
        for (i = 0; i < NGX_HTTP_PHIGATE_NREASONS; i++) {
            if (m->requests[d][i] == 0) {
                continue;
            }

            p = ngx_slprintf(p, last, "phigate_requests_total{decision=\"%s\","
                             "reason=\"%s\"} %uA\n", decisions[d],
                             ngx_http_phigate_reasons[i], m->requests[d][i]);
        }
    }

    p = ngx_slprintf(p, last,
            "# HELP phigate_platform_requests_total Requests inspected, by "
            "platform.\n# TYPE phigate_platform_requests_total counter\n");

    /* the configured profiles are listed from the start, at 0 */
    pmcf = ngx_http_get_module_main_conf(r, ngx_http_phigate_module);
    set = pmcf->platforms ? pmcf->platforms : pg_platforms_default();

    for (i = 0; i <= pg_platforms_count(set); i++) {
        (void) ngx_http_phigate_platform_counter(r, m,
                                   i < pg_platforms_count(set)
                                   ? pg_platforms_at(set, i)->name
                                   : pg_platforms_generic(set)->name);
    }

    for (i = 0; i < NGX_HTTP_PHIGATE_PLATFORM_SLOTS; i++) {
        if (!m->platforms[i].used) {
            break;
        }

        p = ngx_slprintf(p, last,
                         "phigate_platform_requests_total{platform=\"%s\"} "
                         "%uA\n", m->platforms[i].name, m->platforms[i].n);
    }

    if (m->platform_other) {
        p = ngx_slprintf(p, last,
                         "phigate_platform_requests_total{platform=\"other\"} "
                         "%uA\n", m->platform_other);
    }

    p = ngx_slprintf(p, last,
            "# HELP phigate_dm_requests_total Direct messages inspected.\n"
            "# TYPE phigate_dm_requests_total counter\n"
            "phigate_dm_requests_total %uA\n"
            "# HELP phigate_findings_total Identifiers found, by type.\n"
            "# TYPE phigate_findings_total counter\n", m->dm);

    for (i = 0; i < PG_T__COUNT; i++) {
        p = ngx_slprintf(p, last, "phigate_findings_total{type=\"%s\"} %uA\n",
                         pg_type_name(i), m->findings[i]);
    }

    p = ngx_slprintf(p, last,
            "# HELP phigate_redis_lookups_total Questions asked of the "
            "consent store.\n# TYPE phigate_redis_lookups_total counter\n"
            "phigate_redis_lookups_total %uA\n"
            "# HELP phigate_redis_errors_total Questions it did not answer "
            "(down, timed out, error).\n"
            "# TYPE phigate_redis_errors_total counter\n"
            "phigate_redis_errors_total %uA\n"
            "# HELP phigate_audit_records_total Audit records written.\n"
            "# TYPE phigate_audit_records_total counter\n"
            "phigate_audit_records_total %uA\n"
            "# HELP phigate_audit_errors_total Audit records not written.\n"
            "# TYPE phigate_audit_errors_total counter\n"
            "phigate_audit_errors_total %uA\n",
            m->redis_lookups, m->redis_errors, m->audit_records,
            m->audit_errors);

    p = ngx_slprintf(p, last,
            "# HELP phigate_audit_stream_records_total Audit records "
            "added to the audit stream.\n"
            "# TYPE phigate_audit_stream_records_total counter\n"
            "phigate_audit_stream_records_total %uA\n"
            "# HELP phigate_audit_stream_errors_total XADDs that failed "
            "(refused, or the connection lost before the answer).\n"
            "# TYPE phigate_audit_stream_errors_total counter\n"
            "phigate_audit_stream_errors_total %uA\n"
            "# HELP phigate_audit_stream_gaps_total Audit records that "
            "will not be in the stream (told by gap entries).\n"
            "# TYPE phigate_audit_stream_gaps_total counter\n"
            "phigate_audit_stream_gaps_total %uA\n",
            m->stream_records, m->stream_errors, m->stream_gaps);

    p = ngx_http_phigate_print_histogram(p, last,
            "phigate_inspection_seconds",
            "Time to extract and detect, per request.", &m->inspect,
            ngx_http_phigate_inspect_le);

    p = ngx_http_phigate_print_histogram(p, last,
            "phigate_redis_seconds",
            "Time a request waited for the consent store.", &m->redis,
            ngx_http_phigate_redis_le);

    b->last = p;
    b->last_buf = (r == r->main);
    b->last_in_chain = 1;

    r->headers_out.status = NGX_HTTP_OK;
    r->headers_out.content_length_n = b->last - b->pos;
    ngx_str_set(&r->headers_out.content_type,
                "text/plain; version=0.0.4; charset=utf-8");
    r->headers_out.content_type_len = r->headers_out.content_type.len;

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


static u_char *
ngx_http_phigate_print_histogram(u_char *p, u_char *last, const char *name,
    const char *help, ngx_http_phigate_histogram_t *h, const double *le)
{
    ngx_uint_t    i;
    ngx_atomic_t  cum;
    u_char        lbuf[32];
    size_t        n;

    p = ngx_slprintf(p, last, "# HELP %s %s\n# TYPE %s histogram\n", name,
                     help, name);

    cum = 0;

    for (i = 0; i < NGX_HTTP_PHIGATE_NBUCKETS; i++) {
        cum += h->n[i];

        /* ngx_slprintf has no %g: print the bound with libc */
        n = (size_t) snprintf((char *) lbuf, sizeof(lbuf), "%g", le[i]);

        p = ngx_slprintf(p, last, "%s_bucket{le=\"%*s\"} %uA\n", name, n,
                         lbuf, cum);
    }

    cum += h->n[NGX_HTTP_PHIGATE_NBUCKETS];

    return ngx_slprintf(p, last,
                        "%s_bucket{le=\"+Inf\"} %uA\n%s_sum %.6f\n"
                        "%s_count %uA\n", name, cum, name,
                        (double) h->sum_us / 1e6, name, h->count);
}
