/*
 * Copyright (C) phigate authors
 *
 * phigate-audit: the compliance team's tool for phigate's audit log
 * (docs/audit.md).
 *
 *   phigate-audit verify FILE... [--start HASH|genesis] [--tail HASH]
 *   phigate-audit report FILE... [--since ISO] [--until ISO]
 *                 [--format text|csv|html] [--chartjs PATH]
 *   phigate-audit export FILE... --request-id ID | --identity ID
 *                 | --platform NAME | --gateway ID | --post-id ID
 *                 [--since] [--until]
 *   phigate-audit chain [--prev HASH|genesis | --after FILE] FILE
 *
 * Files are given in chronological order, rotated ones first.  Only what
 * the records hold is printed: keys, counts, and for export the records'
 * own bytes; the records hold no PHI by design.
 *
 * Exit status: 0 success (verify: intact; export: records matched),
 * 1 verify found a problem / export matched nothing, 2 usage, 3 a file
 * could not be read or written, 4 out of memory or internal error.
 */


#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "pg_audit_verify.h"
#include "pg_chain.h"


#define PA_OK        0
#define PA_FOUND     1
#define PA_USAGE     2
#define PA_IO        3
#define PA_INTERNAL  4

#define PA_FILES_MAX  1024

/* where scripts/chartjs.sh installs the library, relative to build/ */
#define PA_CHARTJS_REL  "chartjs/node_modules/chart.js/dist/chart.umd.min.js"


typedef enum {
    PA_SEC_DAY = 0,
    PA_SEC_PLATFORM,
    PA_SEC_TYPE,
    PA_SEC_REASON,
    PA_SEC_IDENTITY,
    PA_SEC_CONSENT,
    PA_SEC_GATEWAY,
    PA_SEC_UPSTREAM,
    PA_SEC__COUNT
} pa_section_e;


typedef struct {
    char           *key;
    size_t          records;
    size_t          allow;
    size_t          block;
    size_t          monitor;
    size_t          other;
    size_t          findings;
} pa_row_t;


typedef struct {
    pa_row_t       *rows;         /* sorted by key */
    size_t          n;
    size_t          cap;
} pa_table_t;


typedef struct {
    const char     *files[PA_FILES_MAX];
    size_t          nfiles;

    const char     *since;        /* normalised ISO prefixes, or NULL */
    const char     *until;
    char            since_buf[40];
    char            until_buf[40];

    const char     *format;
    const char     *chartjs;
    const char     *start;
    const char     *tail;
    const char     *prev;
    const char     *after;

    const char     *request_id;
    const char     *identity;
    const char     *platform;
    const char     *gateway;
    const char     *post_id;
} pa_args_t;


typedef struct {
    pa_row_t        total;
    pa_table_t      sec[PA_SEC__COUNT];
    size_t          skipped;      /* lines that are not records */
    char            first[40];
    char            last[40];
} pa_report_t;


typedef struct {
    pa_args_t      *args;
    pa_report_t    *rp;
} pa_report_ctx_t;


typedef struct {
    pa_args_t      *args;
    size_t          matched;
} pa_export_ctx_t;


typedef int (*pa_line_pt)(void *ctx, json_t *rec, const char *line,
    size_t len);


static int pa_parse_args(int argc, char **argv, pa_args_t *a);
static int pa_each(pa_args_t *a, pa_line_pt fn, void *ctx);
static int pa_report_line(void *ctx, json_t *rec, const char *line,
    size_t len);
static int pa_export_line(void *ctx, json_t *rec, const char *line,
    size_t len);
static int pa_shown(const pa_report_t *rp, size_t s);
static int pa_iso(const char *in, char *out, size_t size);
static int pa_read(const char *path, char **buf, size_t *len);
static int pa_verify(pa_args_t *a);
static int pa_report(pa_args_t *a);
static int pa_export(pa_args_t *a);
static int pa_chain(pa_args_t *a);
static int pa_in_period(const pa_args_t *a, json_t *rec);
static const char *pa_str(json_t *rec, const char *key);
static int pa_count(pa_table_t *t, const char *key, const char *decision,
    size_t findings);
static void pa_add(pa_row_t *r, const char *decision, size_t findings);
static void pa_report_record(pa_report_t *rp, json_t *rec);
static void pa_print_text(const pa_args_t *a, const pa_report_t *rp);
static void pa_print_csv(const pa_report_t *rp);
static int pa_print_html(const pa_args_t *a, const pa_report_t *rp);
static void pa_csv_field(const char *s);
static void pa_html(const char *s);
static json_t *pa_table_json(const pa_table_t *t);
static char *pa_chartjs(const pa_args_t *a);
static void pa_usage(FILE *f);


static const char  *pa_section_name[PA_SEC__COUNT] = {
    "day", "platform", "finding_type", "reason", "identity",
    "consent", "gateway", "upstream_status"
};

static const char  *pa_section_title[PA_SEC__COUNT] = {
    "Decisions by day", "By platform", "By finding type", "By reason",
    "By identity", "By consent / approval", "By gateway",
    "By the platform's answer (upstream status)"
};

/* a table could not grow: the report would be wrong, so it fails */
static int  pa_oom;


int
main(int argc, char **argv)
{
    int          rc;
    const char  *cmd;
    pa_args_t    args;

    if (argc < 2) {
        pa_usage(stderr);
        return PA_USAGE;
    }

    cmd = argv[1];

    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0
        || strcmp(cmd, "help") == 0)
    {
        pa_usage(stdout);
        return PA_OK;
    }

    memset(&args, 0, sizeof(pa_args_t));

    rc = pa_parse_args(argc - 2, argv + 2, &args);
    if (rc == -1) {
        pa_usage(stdout);
        return PA_OK;
    }

    if (rc != 0) {
        return PA_USAGE;
    }

    if (strcmp(cmd, "verify") == 0) {
        return pa_verify(&args);
    }

    if (strcmp(cmd, "report") == 0) {
        return pa_report(&args);
    }

    if (strcmp(cmd, "export") == 0) {
        return pa_export(&args);
    }

    if (strcmp(cmd, "chain") == 0) {
        return pa_chain(&args);
    }

    fprintf(stderr, "phigate-audit: unknown command \"%s\" "
            "(verify, report, export, chain; --help)\n", cmd);

    return PA_USAGE;
}


static void
pa_usage(FILE *f)
{
    fputs(
"usage: phigate-audit COMMAND FILE... [OPTIONS]\n"
"\n"
"Files are audit logs in chronological order, rotated ones first\n"
"(audit.log.2 audit.log.1 audit.log); \"-\" reads standard input.\n"
"\n"
"  verify FILE... [--start HASH|genesis] [--tail HASH]\n"
"      Check that every line is a record and that the \"prev\" hash chain\n"
"      holds within and across the files; report the first broken,\n"
"      missing, reordered, duplicated or edited record as FILE:LINE.\n"
"      --start: what the first chained record must link to (\"genesis\",\n"
"      or the hash printed as \"last\" by a run on the files before).\n"
"      --tail: a \"last\" hash anchored earlier that must still be there\n"
"      (detects a log cut after it).\n"
"  report FILE... [--since ISO] [--until ISO] [--format text|csv|html]\n"
"                 [--chartjs PATH]\n"
"      Decisions by day, platform, finding type, reason, and by identity,\n"
"      consent/approval, gateway and the platform's answer (upstream\n"
"      status) when records carry them.  html is one\n"
"      self-contained file with charts (Chart.js, inlined from --chartjs,\n"
"      $PHIGATE_CHARTJS, or build/" PA_CHARTJS_REL
"\n      as installed by scripts/chartjs.sh).\n"
"  export FILE... --request-id ID | --identity ID | --platform NAME\n"
"                 | --gateway ID | --post-id ID [--since ISO] [--until ISO]\n"
"      The matching records, byte for byte, one a line (legal hold).\n"
"      Several filters must all match.\n"
"  chain [--prev HASH|genesis | --after FILE] FILE\n"
"      Link unchained records into a hash chain on standard output, the\n"
"      first after --prev (default genesis) or after FILE's last line.\n"
"      For tests and for migrating a log written before the chain.\n"
"\n"
"ISO times: 2026-11-23, 2026-11-23T09, 2026-11-23T09:30[:00[.000]][Z],\n"
"UTC.  --since includes from that instant, --until includes everything\n"
"up to the end of what it names (--until 2026-11-23: the whole day).\n"
"\n"
"Exit status: 0 success (verify: intact; export: something matched);\n"
"1 verify found a problem, or export matched nothing; 2 usage error;\n"
"3 a file could not be read; 4 out of memory or internal error.\n",
        f);
}


/* 0, 1 usage error (reported), -1 --help */
static int
pa_parse_args(int argc, char **argv, pa_args_t *a)
{
    int           i, opts;
    char         *eq;
    size_t        k, nlen;
    const char   *name, *val, **dst;

    static const struct {
        const char  *name;
        size_t       off;
    }  opt[] = {
        { "since", offsetof(pa_args_t, since) },
        { "until", offsetof(pa_args_t, until) },
        { "format", offsetof(pa_args_t, format) },
        { "chartjs", offsetof(pa_args_t, chartjs) },
        { "start", offsetof(pa_args_t, start) },
        { "tail", offsetof(pa_args_t, tail) },
        { "prev", offsetof(pa_args_t, prev) },
        { "after", offsetof(pa_args_t, after) },
        { "request-id", offsetof(pa_args_t, request_id) },
        { "identity", offsetof(pa_args_t, identity) },
        { "platform", offsetof(pa_args_t, platform) },
        { "gateway", offsetof(pa_args_t, gateway) },
        { "post-id", offsetof(pa_args_t, post_id) },
    };

    opts = 1;

    for (i = 0; i < argc; i++) {

        if (opts && strcmp(argv[i], "--") == 0) {
            opts = 0;
            continue;
        }

        if (opts && (strcmp(argv[i], "--help") == 0
                     || strcmp(argv[i], "-h") == 0))
        {
            return -1;
        }

        if (!opts || strncmp(argv[i], "--", 2) != 0) {
            if (a->nfiles == PA_FILES_MAX) {
                fprintf(stderr, "phigate-audit: more than %d files\n",
                        PA_FILES_MAX);
                return 1;
            }

            a->files[a->nfiles++] = argv[i];
            continue;
        }

        name = argv[i] + 2;
        eq = strchr(name, '=');
        nlen = eq ? (size_t) (eq - name) : strlen(name);
        dst = NULL;

        for (k = 0; k < sizeof(opt) / sizeof(opt[0]); k++) {
            if (strlen(opt[k].name) == nlen
                && strncmp(opt[k].name, name, nlen) == 0)
            {
                dst = (const char **) ((char *) a + opt[k].off);
                break;
            }
        }

        if (dst == NULL) {
            fprintf(stderr, "phigate-audit: unknown option \"%s\" "
                    "(--help)\n", argv[i]);
            return 1;
        }

        if (eq) {
            val = eq + 1;

        } else if (i + 1 < argc) {
            val = argv[++i];

        } else {
            fprintf(stderr, "phigate-audit: %s needs a value\n", argv[i]);
            return 1;
        }

        *dst = val;
    }

    if (a->since) {
        if (pa_iso(a->since, a->since_buf, sizeof(a->since_buf)) != 0) {
            fprintf(stderr, "phigate-audit: --since \"%s\" is not an ISO "
                    "time such as 2026-11-23 or 2026-11-23T09:30Z\n",
                    a->since);
            return 1;
        }

        a->since = a->since_buf;
    }

    if (a->until) {
        if (pa_iso(a->until, a->until_buf, sizeof(a->until_buf)) != 0) {
            fprintf(stderr, "phigate-audit: --until \"%s\" is not an ISO "
                    "time such as 2026-11-23 or 2026-11-23T09:30Z\n",
                    a->until);
            return 1;
        }

        a->until = a->until_buf;
    }

    return 0;
}


/*
 * A UTC ISO 8601 time as a prefix of the records' own format
 * (2026-11-23T09:30:00.123Z), so that comparing prefixes compares times:
 * the trailing Z is dropped, every part present must be well formed.
 */
static int
pa_iso(const char *in, char *out, size_t size)
{
    size_t  i, len;

    static const char  shape[] = "dddd-dd-ddTdd:dd:dd.ddd";

    len = strlen(in);

    if (len && (in[len - 1] == 'Z' || in[len - 1] == 'z')) {
        len--;
    }

    /* only whole parts: a date, then hours, minutes, seconds, millis */
    if (len != 10 && len != 13 && len != 16 && len != 19 && len != 23) {
        return -1;
    }

    if (len >= size) {
        return -1;
    }

    for (i = 0; i < len; i++) {
        if (shape[i] == 'd' ? !(in[i] >= '0' && in[i] <= '9')
                            : !(in[i] == shape[i]
                                || (shape[i] == 'T' && in[i] == 't')))
        {
            return -1;
        }

        out[i] = shape[i] == 'T' ? 'T' : in[i];
    }

    out[len] = '\0';

    return 0;
}


/* the whole file, NUL-terminated; "-" is standard input */
static int
pa_read(const char *path, char **buf, size_t *len)
{
    int      fd;
    char    *b, *nb;
    size_t   n, cap;
    ssize_t  r;

    fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd == -1) {
        fprintf(stderr, "phigate-audit: %s: %s\n", path, strerror(errno));
        return PA_IO;
    }

    cap = 65536;
    n = 0;
    b = malloc(cap);

    for ( ;; ) {
        if (b == NULL) {
            if (fd != STDIN_FILENO) {
                close(fd);
            }

            fprintf(stderr, "phigate-audit: %s: out of memory\n", path);
            return PA_INTERNAL;
        }

        if (n + 1 >= cap) {
            cap *= 2;
            nb = realloc(b, cap);
            if (nb == NULL) {
                free(b);
            }

            b = nb;
            continue;
        }

        r = read(fd, b + n, cap - n - 1);

        if (r == -1 && errno == EINTR) {
            continue;
        }

        if (r == -1) {
            fprintf(stderr, "phigate-audit: %s: %s\n", path,
                    strerror(errno));
            free(b);

            if (fd != STDIN_FILENO) {
                close(fd);
            }

            return PA_IO;
        }

        if (r == 0) {
            break;
        }

        n += r;
    }

    if (fd != STDIN_FILENO) {
        close(fd);
    }

    b[n] = '\0';
    *buf = b;
    *len = n;

    return PA_OK;
}


static int
pa_verify(pa_args_t *a)
{
    int                  rc;
    char                *buf, msg[1024];
    size_t               i, len;
    pg_verify_t         *v;
    pg_verify_result_t   res;

    if (a->nfiles == 0) {
        fprintf(stderr, "phigate-audit: verify: no file given (--help)\n");
        return PA_USAGE;
    }

    if (a->start && !pg_chain_valid_prev(a->start, strlen(a->start))) {
        fprintf(stderr, "phigate-audit: --start must be \"genesis\" or a "
                "lowercase sha256 (64 hex digits)\n");
        return PA_USAGE;
    }

    if (a->tail && (!pg_chain_valid_prev(a->tail, strlen(a->tail))
                    || strcmp(a->tail, PG_CHAIN_GENESIS) == 0))
    {
        fprintf(stderr, "phigate-audit: --tail must be a lowercase sha256 "
                "(64 hex digits)\n");
        return PA_USAGE;
    }

    v = pg_verify_create();
    if (v == NULL) {
        return PA_INTERNAL;
    }

    for (i = 0; i < a->nfiles; i++) {
        rc = pa_read(a->files[i], &buf, &len);
        if (rc != PA_OK) {
            pg_verify_destroy(v);
            return rc;
        }

        rc = pg_verify_add(v, a->files[i], buf, len);
        free(buf);

        if (rc != 0) {
            fprintf(stderr, "phigate-audit: out of memory\n");
            pg_verify_destroy(v);
            return PA_INTERNAL;
        }
    }

    if (pg_verify_run(v, a->start, a->tail, &res) != 0) {
        fprintf(stderr, "phigate-audit: out of memory\n");
        pg_verify_destroy(v);
        return PA_INTERNAL;
    }

    printf("files: %zu\nrecords: %zu (%zu chained, %zu unchained before "
           "the chain)\n", res.files, res.records, res.chained,
           res.unchained);

    if (res.first_time[0]) {
        printf("first: %s\nlast: %s\n", res.first_time, res.last_time);
    }

    if (res.last_hash[0]) {
        printf("last line sha256: %s\n", res.last_hash);
    }

    if (res.starts_linked) {
        printf("note: the chain starts after a record that is not in "
               "these files (give the rotated files before them, or "
               "--start with the hash anchored for them)\n");
    }

    if (res.restarts) {
        printf("note: the chain restarts (\"genesis\") %zu time(s), first "
               "at %s:%zu: records before a restart are not linked to "
               "those after it (a gateway started on an empty log)\n",
               res.restarts, pg_verify_file(v, res.restart_file),
               res.restart_line);
    }

    for (i = 0; i < res.kept; i++) {
        pg_verify_describe(v, &res.problem[i], msg, sizeof(msg));
        printf("%s%s\n", i == 0 ? "FIRST PROBLEM: " : "problem: ", msg);
    }

    if (res.problems > res.kept) {
        printf("... %zu more problem(s) not listed\n",
               res.problems - res.kept);
    }

    if (res.problems) {
        printf("NOT INTACT: %zu problem(s)\n", res.problems);
    } else {
        printf("intact\n");
    }

    pg_verify_destroy(v);

    return res.problems ? PA_FOUND : PA_OK;
}


/*
 * Runs fn over each line of each file: the parsed record or NULL when
 * the line is not a JSON object, and the line's bytes.
 */
static int
pa_each(pa_args_t *a, pa_line_pt fn, void *ctx)
{
    int           rc;
    char         *buf, *p, *nl;
    size_t        i, len, n;
    json_t       *rec;
    json_error_t  err;

    for (i = 0; i < a->nfiles; i++) {
        rc = pa_read(a->files[i], &buf, &len);
        if (rc != PA_OK) {
            return rc;
        }

        for (p = buf; p < buf + len; p = nl + 1) {
            nl = memchr(p, '\n', buf + len - p);
            if (nl == NULL) {
                nl = buf + len;
            }

            n = nl - p;
            rec = n ? json_loadb(p, n, 0, &err) : NULL;

            if (rec && !json_is_object(rec)) {
                json_decref(rec);
                rec = NULL;
            }

            rc = fn(ctx, rec, p, n);

            if (rec) {
                json_decref(rec);
            }

            if (rc != PA_OK) {
                free(buf);
                return rc;
            }
        }

        free(buf);
    }

    return PA_OK;
}


/* ---- report ---- */


static int
pa_report_line(void *ctx, json_t *rec, const char *line, size_t len)
{
    pa_report_ctx_t  *c;

    c = ctx;

    if (rec == NULL) {
        c->rp->skipped += (len > 0);
        return PA_OK;
    }

    if (!pa_in_period(c->args, rec)) {
        return PA_OK;
    }

    pa_report_record(c->rp, rec);

    return PA_OK;
}


static int
pa_report(pa_args_t *a)
{
    int               rc;
    size_t            s, i;
    pa_report_t       rp;
    pa_report_ctx_t   ctx;

    if (a->nfiles == 0) {
        fprintf(stderr, "phigate-audit: report: no file given (--help)\n");
        return PA_USAGE;
    }

    if (a->format == NULL) {
        a->format = "text";
    }

    if (strcmp(a->format, "text") != 0 && strcmp(a->format, "csv") != 0
        && strcmp(a->format, "html") != 0)
    {
        fprintf(stderr, "phigate-audit: --format is text, csv or html\n");
        return PA_USAGE;
    }

    memset(&rp, 0, sizeof(pa_report_t));
    ctx.args = a;
    ctx.rp = &rp;

    rc = pa_each(a, pa_report_line, &ctx);

    if (rc == PA_OK && pa_oom) {
        fprintf(stderr, "phigate-audit: out of memory\n");
        rc = PA_INTERNAL;
    }

    if (rc == PA_OK) {
        if (rp.skipped) {
            fprintf(stderr, "phigate-audit: %zu line(s) skipped: not a "
                    "JSON record (phigate-audit verify says where)\n",
                    rp.skipped);
        }

        if (strcmp(a->format, "text") == 0) {
            pa_print_text(a, &rp);

        } else if (strcmp(a->format, "csv") == 0) {
            pa_print_csv(&rp);

        } else {
            rc = pa_print_html(a, &rp);
        }
    }

    for (s = 0; s < PA_SEC__COUNT; s++) {
        for (i = 0; i < rp.sec[s].n; i++) {
            free(rp.sec[s].rows[i].key);
        }

        free(rp.sec[s].rows);
    }

    if (rc == PA_OK && fflush(stdout) != 0) {
        fprintf(stderr, "phigate-audit: writing the report: %s\n",
                strerror(errno));
        rc = PA_IO;
    }

    return rc;
}


static void
pa_report_record(pa_report_t *rp, json_t *rec)
{
    char         day[11], num[24], types[PG_T__COUNT][32];
    size_t       i, k, n, total, counts[PG_T__COUNT], ntypes;
    json_t      *fs, *f, *cnt;
    const char  *decision, *t, *s;

    decision = pa_str(rec, "decision");
    t = pa_str(rec, "time");

    /* findings in the record, by type (a type may be in several fields) */
    total = 0;
    ntypes = 0;
    fs = json_object_get(rec, "findings");

    json_array_foreach(fs, i, f) {
        s = pa_str(f, "type");
        cnt = json_object_get(f, "count");
        n = json_is_integer(cnt) && json_integer_value(cnt) > 0
            ? (size_t) json_integer_value(cnt) : 1;

        if (s == NULL || strlen(s) >= sizeof(types[0])) {
            s = "(unnamed)";
        }

        total += n;

        for (k = 0; k < ntypes; k++) {
            if (strcmp(types[k], s) == 0) {
                break;
            }
        }

        if (k == ntypes) {
            if (ntypes == PG_T__COUNT) {
                k = ntypes - 1;
            } else {
                snprintf(types[ntypes], sizeof(types[0]), "%s", s);
                counts[ntypes++] = 0;
            }
        }

        counts[k] += n;
    }

    pa_add(&rp->total, decision, total);

    if (t != NULL) {
        if (rp->first[0] == '\0' || strcmp(t, rp->first) < 0) {
            snprintf(rp->first, sizeof(rp->first), "%s", t);
        }

        if (strcmp(t, rp->last) > 0) {
            snprintf(rp->last, sizeof(rp->last), "%s", t);
        }
    }

    snprintf(day, sizeof(day), "%s", t && strlen(t) >= 10 ? t : "(no time)");
    pa_count(&rp->sec[PA_SEC_DAY], day, decision, total);

    s = pa_str(rec, "platform");
    pa_count(&rp->sec[PA_SEC_PLATFORM], s ? s : "(none)", decision, total);

    s = pa_str(rec, "reason");
    pa_count(&rp->sec[PA_SEC_REASON], s ? s : "(none)", decision, total);

    for (k = 0; k < ntypes; k++) {
        pa_count(&rp->sec[PA_SEC_TYPE], types[k], decision, counts[k]);
    }

    /* "(none)" rows make a shown section add up to the total */
    s = pa_str(rec, "identity");
    pa_count(&rp->sec[PA_SEC_IDENTITY], s ? s : "(none)", decision, total);

    s = pa_str(rec, "gateway");
    pa_count(&rp->sec[PA_SEC_GATEWAY], s ? s : "(none)", decision, total);

    /* post history: what the platform answered a forwarded post */
    f = json_object_get(rec, "upstream_status");

    if (json_is_integer(f)) {
        snprintf(num, sizeof(num), "%lld",
                 (long long) json_integer_value(f));
        pa_count(&rp->sec[PA_SEC_UPSTREAM], num, decision, total);

    } else {
        pa_count(&rp->sec[PA_SEC_UPSTREAM], "(none)", decision, total);
    }

    /* a consent or approval, as a string or an object: its presence */
    f = json_object_get(rec, "consent");
    cnt = json_object_get(rec, "approval");

    if ((f && !json_is_null(f)) || (cnt && !json_is_null(cnt))) {
        s = (f && !json_is_null(f))
            ? ((cnt && !json_is_null(cnt)) ? "consent+approval" : "consent")
            : "approval";
        pa_count(&rp->sec[PA_SEC_CONSENT], s, decision, total);

    } else {
        pa_count(&rp->sec[PA_SEC_CONSENT], "(none)", decision, total);
    }
}


static void
pa_add(pa_row_t *r, const char *decision, size_t findings)
{
    r->records++;
    r->findings += findings;

    if (decision == NULL) {
        r->other++;

    } else if (strcmp(decision, "allow") == 0) {
        r->allow++;

    } else if (strcmp(decision, "block") == 0) {
        r->block++;

    } else if (strcmp(decision, "monitor") == 0) {
        r->monitor++;

    } else {
        r->other++;
    }
}


static int
pa_count(pa_table_t *t, const char *key, const char *decision,
    size_t findings)
{
    int        c;
    size_t     lo, hi, mid;
    pa_row_t  *rows;

    lo = 0;
    hi = t->n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = strcmp(t->rows[mid].key, key);

        if (c == 0) {
            pa_add(&t->rows[mid], decision, findings);
            return 0;
        }

        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }

    if (t->n == t->cap) {
        rows = realloc(t->rows, (t->cap * 2 + 16) * sizeof(pa_row_t));
        if (rows == NULL) {
            pa_oom = 1;
            return -1;
        }

        t->rows = rows;
        t->cap = t->cap * 2 + 16;
    }

    memmove(&t->rows[lo + 1], &t->rows[lo], (t->n - lo) * sizeof(pa_row_t));
    memset(&t->rows[lo], 0, sizeof(pa_row_t));

    t->rows[lo].key = strdup(key);
    if (t->rows[lo].key == NULL) {
        memmove(&t->rows[lo], &t->rows[lo + 1],
                (t->n - lo) * sizeof(pa_row_t));
        pa_oom = 1;
        return -1;
    }

    t->n++;
    pa_add(&t->rows[lo], decision, findings);

    return 0;
}


/* whether a section is shown: the optional ones only when records have it */
static int
pa_shown(const pa_report_t *rp, size_t s)
{
    const pa_table_t  *t;

    t = &rp->sec[s];

    if (s >= PA_SEC_IDENTITY) {
        return t->n > 1 || (t->n == 1 && strcmp(t->rows[0].key, "(none)"));
    }

    return 1;
}


static void
pa_print_text(const pa_args_t *a, const pa_report_t *rp)
{
    size_t           s, i, w;
    const pa_row_t  *r;

    printf("phigate audit report\n");

    for (i = 0; i < a->nfiles; i++) {
        printf("%s %s", i ? "," : "files:", a->files[i]);
    }

    printf("\n");

    if (a->since || a->until) {
        printf("period asked: %s .. %s\n", a->since ? a->since : "start",
               a->until ? a->until : "end");
    }

    printf("records: %zu (allow %zu, block %zu, monitor %zu, other %zu), "
           "identifiers found: %zu\n", rp->total.records, rp->total.allow,
           rp->total.block, rp->total.monitor, rp->total.other,
           rp->total.findings);

    if (rp->first[0]) {
        printf("first: %s\nlast: %s\n", rp->first, rp->last);
    }

    if (rp->skipped) {
        printf("skipped: %zu line(s) that are not records\n", rp->skipped);
    }

    for (s = 0; s < PA_SEC__COUNT; s++) {
        if (!pa_shown(rp, s)) {
            continue;
        }

        w = 12;

        for (i = 0; i < rp->sec[s].n; i++) {
            if (strlen(rp->sec[s].rows[i].key) > w) {
                w = strlen(rp->sec[s].rows[i].key);
            }
        }

        printf("\n%s\n  %-*s %8s %8s %8s %8s %8s %9s\n", pa_section_title[s],
               (int) w, pa_section_name[s], "records", "allow", "block",
               "monitor", "other",
               s == PA_SEC_TYPE ? "found" : "findings");

        for (i = 0; i < rp->sec[s].n; i++) {
            r = &rp->sec[s].rows[i];
            printf("  %-*s %8zu %8zu %8zu %8zu %8zu %9zu\n", (int) w, r->key,
                   r->records, r->allow, r->block, r->monitor, r->other,
                   r->findings);
        }
    }
}


static void
pa_print_csv(const pa_report_t *rp)
{
    size_t           s, i;
    const pa_row_t  *r;

    printf("section,key,records,allow,block,monitor,other,findings\n");
    r = &rp->total;
    printf("total,all,%zu,%zu,%zu,%zu,%zu,%zu\n", r->records, r->allow,
           r->block, r->monitor, r->other, r->findings);

    for (s = 0; s < PA_SEC__COUNT; s++) {
        if (!pa_shown(rp, s)) {
            continue;
        }

        for (i = 0; i < rp->sec[s].n; i++) {
            r = &rp->sec[s].rows[i];
            printf("%s,", pa_section_name[s]);
            pa_csv_field(r->key);
            printf(",%zu,%zu,%zu,%zu,%zu,%zu\n", r->records, r->allow,
                   r->block, r->monitor, r->other, r->findings);
        }
    }
}


/* RFC 4180; a leading = + - @ is quoted too so a spreadsheet shows text */
static void
pa_csv_field(const char *s)
{
    const char  *p;

    if (strpbrk(s, ",\"\r\n") == NULL && strchr("=+-@", s[0]) == NULL) {
        fputs(s, stdout);
        return;
    }

    putchar('"');

    if (strchr("=+-@", s[0]) != NULL && s[0] != '\0') {
        putchar('\'');
    }

    for (p = s; *p; p++) {
        if (*p == '"') {
            putchar('"');
        }

        putchar(*p);
    }

    putchar('"');
}


static void
pa_html(const char *s)
{
    for ( /* void */ ; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", stdout);
            break;
        case '<':
            fputs("&lt;", stdout);
            break;
        case '>':
            fputs("&gt;", stdout);
            break;
        case '"':
            fputs("&quot;", stdout);
            break;
        case '\'':
            fputs("&#39;", stdout);
            break;
        default:
            putchar(*s);
        }
    }
}


static json_t *
pa_table_json(const pa_table_t *t)
{
    size_t           i;
    json_t          *arr, *o;
    const pa_row_t  *r;

    arr = json_array();

    for (i = 0; i < t->n; i++) {
        r = &t->rows[i];
        o = json_pack("{s:s,s:I,s:I,s:I,s:I,s:I,s:I}", "key", r->key,
                      "records", (json_int_t) r->records,
                      "allow", (json_int_t) r->allow,
                      "block", (json_int_t) r->block,
                      "monitor", (json_int_t) r->monitor,
                      "other", (json_int_t) r->other,
                      "findings", (json_int_t) r->findings);
        json_array_append_new(arr, o);
    }

    return arr;
}


/* the charting library's text, to inline; NULL (reported) if none */
static char *
pa_chartjs(const pa_args_t *a)
{
    char         path[4096], *buf, *dir;
    size_t       len;
    ssize_t      n;
    const char  *p;

    p = a->chartjs ? a->chartjs : getenv("PHIGATE_CHARTJS");

    if (p == NULL) {
        /* next to the tool (build/), then build/ under the directory */
        n = readlink("/proc/self/exe", path, sizeof(path) - 1);

        if (n > 0) {
            path[n] = '\0';
            dir = strrchr(path, '/');

            if (dir && (size_t) (dir - path) + sizeof(PA_CHARTJS_REL) + 1
                       < sizeof(path))
            {
                strcpy(dir + 1, PA_CHARTJS_REL);

                if (access(path, R_OK) == 0) {
                    p = path;
                }
            }
        }

        if (p == NULL) {
            p = "build/" PA_CHARTJS_REL;
        }
    }

    if (access(p, R_OK) != 0) {
        fprintf(stderr, "phigate-audit: the charting library is not at %s: "
                "run scripts/chartjs.sh, or give --chartjs PATH to "
                "chart.umd.min.js\n", p);
        return NULL;
    }

    if (pa_read(p, &buf, &len) != PA_OK) {
        return NULL;
    }

    /* inlined in <script>: that sequence would end the element early */
    if (strstr(buf, "</script") || strstr(buf, "</SCRIPT")
        || strlen(buf) != len)
    {
        fprintf(stderr, "phigate-audit: %s cannot be inlined in a "
                "<script> element\n", p);
        free(buf);
        return NULL;
    }

    return buf;
}


static int
pa_print_html(const pa_args_t *a, const pa_report_t *rp)
{
    char            *lib, *data, *p;
    size_t           s, i;
    json_t          *d, *secs;
    const pa_row_t  *r;

    lib = pa_chartjs(a);
    if (lib == NULL) {
        return PA_IO;
    }

    secs = json_object();

    for (s = 0; s < PA_SEC__COUNT; s++) {
        json_object_set_new(secs, pa_section_name[s],
                            pa_table_json(&rp->sec[s]));
    }

    d = json_pack("{s:o}", "sections", secs);
    data = d ? json_dumps(d, JSON_COMPACT | JSON_ESCAPE_SLASH) : NULL;
    json_decref(d);

    if (data == NULL) {
        free(lib);
        return PA_INTERNAL;
    }

    printf("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
           "<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" "
           "content=\"default-src 'none'; script-src 'unsafe-inline'; "
           "style-src 'unsafe-inline'; img-src data:\">\n"
           "<title>phigate audit report</title>\n<style>\n"
           "body{font-family:sans-serif;margin:24px;color:#222;"
           "background:#fff}\n"
           "table{border-collapse:collapse;margin:8px 0 24px}\n"
           "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}\n"
           "th:first-child,td:first-child{text-align:left}\n"
           ".charts{display:flex;flex-wrap:wrap;gap:24px}\n"
           ".chart{width:560px;height:300px}\n"
           "</style>\n</head>\n<body>\n<h1>phigate audit report</h1>\n<p>");

    printf("Files:");

    for (i = 0; i < a->nfiles; i++) {
        printf("%s ", i ? "," : "");
        pa_html(a->files[i]);
    }

    printf("<br>\n");

    if (a->since || a->until) {
        printf("Period asked: ");
        pa_html(a->since ? a->since : "start");
        printf(" .. ");
        pa_html(a->until ? a->until : "end");
        printf("<br>\n");
    }

    if (rp->first[0]) {
        printf("Records from ");
        pa_html(rp->first);
        printf(" to ");
        pa_html(rp->last);
        printf("<br>\n");
    }

    r = &rp->total;
    printf("Records: %zu (allow %zu, block %zu, monitor %zu, other %zu); "
           "identifiers found: %zu", r->records, r->allow, r->block,
           r->monitor, r->other, r->findings);

    if (rp->skipped) {
        printf("<br>\nSkipped: %zu line(s) that are not records",
               rp->skipped);
    }

    printf("</p>\n<div class=\"charts\">\n"
           "<div class=\"chart\"><canvas id=\"c-day\"></canvas></div>\n"
           "<div class=\"chart\"><canvas id=\"c-platform\"></canvas></div>\n"
           "<div class=\"chart\"><canvas id=\"c-type\"></canvas></div>\n"
           "<div class=\"chart\"><canvas id=\"c-reason\"></canvas></div>\n"
           "</div>\n");

    for (s = 0; s < PA_SEC__COUNT; s++) {
        if (!pa_shown(rp, s)) {
            continue;
        }

        printf("<h2>%s</h2>\n<table id=\"t-%s\">\n<tr><th>%s</th>"
               "<th>records</th><th>allow</th><th>block</th>"
               "<th>monitor</th><th>other</th><th>%s</th></tr>\n",
               pa_section_title[s], pa_section_name[s], pa_section_name[s],
               s == PA_SEC_TYPE ? "found" : "findings");

        for (i = 0; i < rp->sec[s].n; i++) {
            r = &rp->sec[s].rows[i];
            printf("<tr><td>");
            pa_html(r->key);
            printf("</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td>"
                   "<td>%zu</td><td>%zu</td></tr>\n", r->records, r->allow,
                   r->block, r->monitor, r->other, r->findings);
        }

        printf("</table>\n");
    }

    /* Chart.js, inlined so the report works offline and stays as made */
    printf("<script>\n%s\n</script>\n", lib);

    /* keys are record text: no "<", ">" or "&" may reach the script */
    printf("<script>\nvar PG = ");

    for (p = data; *p; p++) {
        if (*p == '<' || *p == '>' || *p == '&') {
            printf("\\u%04x", (unsigned) *p);
        } else {
            putchar(*p);
        }
    }

    printf(";\n"
"(function () {\n"
"  var C = {allow: '#2e7d32', block: '#c62828', monitor: '#f9a825',\n"
"           other: '#6a1b9a'};\n"
"  Chart.defaults.animation = false;\n"
"  Chart.defaults.responsive = true;\n"
"  Chart.defaults.maintainAspectRatio = false;\n"
"  function stacked(id, title, rows, horizontal) {\n"
"    var ds = ['allow', 'block', 'monitor', 'other'].map(function (k) {\n"
"      return {label: k, backgroundColor: C[k],\n"
"              data: rows.map(function (r) { return r[k]; })};\n"
"    }).filter(function (d) {\n"
"      return d.data.some(function (v) { return v > 0; });\n"
"    });\n"
"    new Chart(document.getElementById(id), {type: 'bar',\n"
"      data: {labels: rows.map(function (r) { return r.key; }),\n"
"             datasets: ds},\n"
"      options: {indexAxis: horizontal ? 'y' : 'x',\n"
"        plugins: {title: {display: true, text: title}},\n"
"        scales: {x: {stacked: true, ticks: {precision: 0}},\n"
"                 y: {stacked: true, ticks: {precision: 0}}}}});\n"
"  }\n"
"  var s = PG.sections;\n"
"  stacked('c-day', 'Decisions by day', s.day, false);\n"
"  stacked('c-platform', 'Decisions by platform', s.platform, true);\n"
"  new Chart(document.getElementById('c-type'), {type: 'bar',\n"
"    data: {labels: s.finding_type.map(function (r) { return r.key; }),\n"
"      datasets: [{label: 'identifiers found', backgroundColor: '#1565c0',\n"
"        data: s.finding_type.map(function (r) { return r.findings; })}]},\n"
"    options: {scales: {y: {ticks: {precision: 0}}},\n"
"      plugins: {title: {display: true,\n"
"        text: 'Identifiers found by type'}}}});\n"
"  var pal = ['#1565c0', '#c62828', '#2e7d32', '#f9a825', '#6a1b9a',\n"
"             '#00838f', '#ef6c00', '#4e342e', '#ad1457', '#558b2f'];\n"
"  new Chart(document.getElementById('c-reason'), {type: 'doughnut',\n"
"    data: {labels: s.reason.map(function (r) { return r.key; }),\n"
"      datasets: [{data: s.reason.map(function (r) { return r.records; }),\n"
"        backgroundColor: s.reason.map(function (r, i) {\n"
"          return pal[i %% pal.length]; })}]},\n"
"    options: {plugins: {title: {display: true,\n"
"      text: 'Records by reason'}}}});\n"
"})();\n"
"</script>\n</body>\n</html>\n");

    free(data);
    free(lib);

    return PA_OK;
}


/* ---- export ---- */


static int
pa_export_line(void *ctx, json_t *rec, const char *line, size_t len)
{
    pa_export_ctx_t  *c;
    const pa_args_t  *a;
    const char       *s;

    c = ctx;
    a = c->args;

    if (rec == NULL || !pa_in_period(a, rec)) {
        return PA_OK;
    }

    if (a->request_id
        && ((s = pa_str(rec, "request_id")) == NULL
            || strcmp(s, a->request_id) != 0))
    {
        return PA_OK;
    }

    if (a->identity
        && ((s = pa_str(rec, "identity")) == NULL
            || strcmp(s, a->identity) != 0))
    {
        return PA_OK;
    }

    if (a->platform
        && ((s = pa_str(rec, "platform")) == NULL
            || strcmp(s, a->platform) != 0))
    {
        return PA_OK;
    }

    if (a->gateway
        && ((s = pa_str(rec, "gateway")) == NULL
            || strcmp(s, a->gateway) != 0))
    {
        return PA_OK;
    }

    if (a->post_id
        && ((s = pa_str(rec, "post_id")) == NULL
            || strcmp(s, a->post_id) != 0))
    {
        return PA_OK;
    }

    /* the record's own bytes: its hash still matches the next "prev" */
    if (fwrite(line, 1, len, stdout) != len || putchar('\n') == EOF) {
        fprintf(stderr, "phigate-audit: writing: %s\n", strerror(errno));
        return PA_IO;
    }

    c->matched++;

    return PA_OK;
}


static int
pa_export(pa_args_t *a)
{
    int              rc;
    pa_export_ctx_t  ctx;

    if (a->nfiles == 0) {
        fprintf(stderr, "phigate-audit: export: no file given (--help)\n");
        return PA_USAGE;
    }

    if (!a->request_id && !a->identity && !a->platform && !a->gateway
        && !a->post_id)
    {
        fprintf(stderr, "phigate-audit: export needs --request-id, "
                "--identity, --platform, --gateway or --post-id\n");
        return PA_USAGE;
    }

    ctx.args = a;
    ctx.matched = 0;

    rc = pa_each(a, pa_export_line, &ctx);

    if (rc == PA_OK && fflush(stdout) != 0) {
        fprintf(stderr, "phigate-audit: writing: %s\n", strerror(errno));
        rc = PA_IO;
    }

    if (rc != PA_OK) {
        return rc;
    }

    fprintf(stderr, "phigate-audit: %zu record(s) exported\n", ctx.matched);

    return ctx.matched ? PA_OK : PA_FOUND;
}


/* ---- chain ---- */


static int
pa_chain(pa_args_t *a)
{
    int           rc;
    char         *buf, *p, *nl, *out, prev[PG_SHA256_HEX + 1];
    size_t        len, n, olen, line;
    json_t       *rec;
    json_error_t  err;

    if (a->nfiles != 1 || (a->prev && a->after)) {
        fprintf(stderr, "phigate-audit: chain takes one FILE and at most "
                "one of --prev, --after (--help)\n");
        return PA_USAGE;
    }

    snprintf(prev, sizeof(prev), "%s",
             a->prev ? a->prev : PG_CHAIN_GENESIS);

    if (!pg_chain_valid_prev(prev, strlen(prev))) {
        fprintf(stderr, "phigate-audit: --prev must be \"genesis\" or a "
                "lowercase sha256 (64 hex digits)\n");
        return PA_USAGE;
    }

    if (a->after) {
        rc = pa_read(a->after, &buf, &len);
        if (rc != PA_OK) {
            return rc;
        }

        rc = pg_chain_tail(buf, len, 1, prev, &n);
        free(buf);

        if (rc == 0) {
            snprintf(prev, sizeof(prev), "%s", PG_CHAIN_GENESIS);

        } else if (rc != 1 || n != 0) {
            fprintf(stderr, "phigate-audit: %s: its last line is cut "
                    "short\n", a->after);
            return PA_USAGE;
        }
    }

    rc = pa_read(a->files[0], &buf, &len);
    if (rc != PA_OK) {
        return rc;
    }

    line = 0;

    for (p = buf; p < buf + len; p = nl + 1) {
        line++;
        nl = memchr(p, '\n', buf + len - p);
        if (nl == NULL) {
            nl = buf + len;
        }

        n = nl - p;
        rec = json_loadb(p, n, JSON_REJECT_DUPLICATES, &err);

        if (rec == NULL || !json_is_object(rec)
            || json_object_get(rec, "prev") != NULL)
        {
            fprintf(stderr, "phigate-audit: %s:%zu: %s\n", a->files[0], line,
                    rec == NULL ? "not a JSON record"
                    : json_is_object(rec) ? "already has \"prev\""
                    : "not a JSON object");
            json_decref(rec);
            free(buf);
            return PA_USAGE;
        }

        json_decref(rec);

        if (pg_chain_link(prev, p, n, &out, &olen) != 0) {
            free(buf);
            return PA_INTERNAL;
        }

        if (fwrite(out, 1, olen, stdout) != olen || putchar('\n') == EOF
            || pg_chain_hash(out, olen, prev) != 0)
        {
            free(out);
            free(buf);
            return PA_IO;
        }

        free(out);
    }

    free(buf);

    if (fflush(stdout) != 0) {
        fprintf(stderr, "phigate-audit: writing: %s\n", strerror(errno));
        return PA_IO;
    }

    return PA_OK;
}


/* ---- records ---- */


static const char *
pa_str(json_t *rec, const char *key)
{
    json_t  *v;

    v = json_object_get(rec, key);

    /* a string with a NUL inside is not taken as a key of the report */
    if (!json_is_string(v)
        || strlen(json_string_value(v)) != json_string_length(v))
    {
        return NULL;
    }

    return json_string_value(v);
}


static int
pa_in_period(const pa_args_t *a, json_t *rec)
{
    const char  *t;

    if (a->since == NULL && a->until == NULL) {
        return 1;
    }

    t = pa_str(rec, "time");
    if (t == NULL) {
        return 0;
    }

    if (a->since && strncmp(t, a->since, strlen(a->since)) < 0) {
        return 0;
    }

    if (a->until && strncmp(t, a->until, strlen(a->until)) > 0) {
        return 0;
    }

    return 1;
}
