/*
 * Copyright (C) phigate authors
 *
 * phigate-bench: how fast the detection engine scans, on the labelled
 * corpora ({"text": ...} a line; other keys are ignored), on one core:
 *
 *   - per post: pg_detect_field() on each post as its own field, the
 *     latency of one call (mean, p50, p99) and the throughput;
 *   - large fields: the posts joined by newlines into a 64 KB and a 1 MB
 *     field (a body at nginx's default client_max_body_size), the time
 *     per field and the throughput; the 1 MB field again with malloc
 *     keeping freed memory (glibc), without the page faults of memory
 *     given back to the system and faulted in again;
 *   - the baseline: PCRE2 with JIT, one pattern per identifier type (the
 *     set a regex WAF rule file would carry), every pattern over the same
 *     texts, all matches.
 *
 * MB/s are 10^6 bytes of field text per second of one thread.  Each
 * figure repeats its work until it has run at least --seconds (default
 * 1).  Findings and matches are counted so that a reader sees the work
 * was done.  Only numbers and type names are printed, never a post's
 * text or a matched value.
 *
 *   phigate-bench [--seconds N] corpus.jsonl [more.jsonl ...]
 *   phigate-bench --findings corpus.jsonl ...
 *
 * --findings prints every finding of every post and of the 64 KB and
 * 1 MB fields as "post type offset length confidence" (post is the
 * index, "f64k" and "f1m" the fields), to compare two builds of the
 * engine.
 */


#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>

#include "pg_arena.h"
#include "pg_detect.h"
#include "pg_field.h"
#include "pg_finding.h"
#include "pg_normalize.h"


#define BN_FIELD_SMALL   (64 * 1024)
#define BN_FIELD_LARGE   (1024 * 1024)
/* runs of each part of the split, the fastest is printed */
#define BN_SPLIT_RUNS    3
/* latency samples kept: enough for a stable p99 */
#define BN_SAMPLES_MAX   (4 * 1024 * 1024)
#define BN_JIT_STACK     (1024 * 1024)
#define BN_PATTERNS_MAX  64
/* glibc's largest mmap threshold, and a trim threshold above any use */
#define BN_MMAP_MAX      (32 * 1024 * 1024)
#define BN_TRIM_MAX      (1024 * 1024 * 1024)


typedef struct {
    char         **text;
    size_t        *len;
    size_t         n;
    size_t         cap;
    size_t         bytes;
} bn_corpus_t;


typedef struct {
    const char    *type;
    const char    *re;
    uint32_t       flags;
} bn_pattern_t;


/* one field's run of the engine */
typedef struct {
    pg_arena_t     arena;
    pg_fields_t    fields;
    pg_findings_t  findings;
} bn_run_t;


typedef struct {
    pcre2_code           *code[BN_PATTERNS_MAX];
    size_t                n;
    int                   jit;
    pcre2_match_data     *md;
    pcre2_match_context  *mctx;
    pcre2_jit_stack      *stack;
} bn_regex_t;


static double bn_now(void);
static int bn_load(bn_corpus_t *c, const char *path);
static int bn_add(bn_corpus_t *c, const char *text, size_t len);
static char *bn_join(const bn_corpus_t *c, size_t size, size_t *len);
static size_t bn_detect(const char *text, size_t len,
    size_t counts[PG_T__COUNT], const char *dump);
static double bn_run(bn_run_t *r, const char *text, size_t len);
static double bn_timed(const char *text, size_t len, size_t *nf);
static void bn_posts(const bn_corpus_t *c, double seconds);
static void bn_field(const char *label, const char *text, size_t len,
    double seconds);
static void bn_split(const char *text, size_t len);
static double bn_split_one(pg_detector_pt det, const pg_scan_t *s);
static int bn_regex_init(bn_regex_t *rx);
static size_t bn_regex_scan(bn_regex_t *rx, const char *text, size_t len);
static void bn_regex_posts(bn_regex_t *rx, const bn_corpus_t *c,
    double seconds);
static void bn_regex_field(bn_regex_t *rx, const char *label,
    const char *text, size_t len, double seconds);
static void bn_regex_free(bn_regex_t *rx);
static int bn_cmp_double(const void *a, const void *b);
static double bn_mbps(double bytes, double secs);


/* names for the split; a detector not listed is shown by its index */
static const struct {
    pg_detector_pt   det;
    const char      *name;
} bn_names[] = {
    { pg_detect_ssn, "ssn" }, { pg_detect_phone, "phone" },
    { pg_detect_email, "email" }, { pg_detect_mrn, "mrn" },
    { pg_detect_dob, "dob" }, { pg_detect_name, "name" },
    { pg_detect_address, "address" }, { pg_detect_zip, "zip" },
    { pg_detect_date, "date" }, { pg_detect_fax, "fax" },
    { pg_detect_health_plan, "health_plan" },
    { pg_detect_account, "account" }, { pg_detect_license, "license" },
    { pg_detect_npi, "npi" }, { pg_detect_vehicle, "vehicle" },
    { pg_detect_device, "device" }, { pg_detect_url, "url" },
    { pg_detect_ip, "ip" }, { pg_detect_biometric, "biometric" },
    { pg_detect_age, "age" }, { pg_detect_other_id, "other_id" },
    { NULL, NULL }
};


/*
 * The baseline: what a regex WAF would run, one pattern per identifier,
 * cues case-insensitive, \b for word boundaries, no validators.
 */
static const bn_pattern_t  bn_patterns[] = {
    { "SSN", "\\b(?!000|666|9\\d\\d)\\d{3}[- .]?(?!00)\\d{2}[- .]?"
             "(?!0000)\\d{4}\\b", 0 },
    { "PHONE", "(?:\\+?1[-. ]?)?\\(?\\b[2-9]\\d{2}\\)?[-. /]?[2-9]\\d{2}"
               "[-. ]?\\d{4}\\b", 0 },
    { "EMAIL", "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b",
      0 },
    { "MRN", "\\b(?:mrn#?|mr ?#|medical record (?:number|no|#)|"
             "chart (?:number|no|#)|patient id)\\s*(?:is)?[\\s:#.=-]*"
             "[a-z0-9-]{5,16}\\b", PCRE2_CASELESS },
    { "DOB", "\\b(?:dob|d\\.o\\.b\\.?|date of birth|birth ?date|"
             "born(?: on)?|birthday)[\\s:,-]*(?:\\d{1,2}[/.-]\\d{1,2}"
             "[/.-]\\d{2,4}|[a-z]{3,9}\\.? \\d{1,2}(?:st|nd|rd|th)?,? "
             "\\d{4})", PCRE2_CASELESS },
    { "DATE", "\\b(?:\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})|"
              "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
              "\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})\\b", PCRE2_CASELESS },
    { "ZIP", "\\b\\d{5}(?:-\\d{4})?\\b", 0 },
    { "ADDRESS", "\\b\\d{1,5}(?: [A-Z][a-z]+){1,3} (?:St|Street|Ave|"
                 "Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl)"
                 "\\b", 0 },
    { "NAME", "\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.? [A-Z][a-z]+"
              "(?: [A-Z][a-z]+)?\\b", 0 },
    { "FAX", "\\b(?:fax|facsimile)\\s*[:#]?\\s*(?:\\+?1[-. ]?)?\\(?\\d{3}"
             "\\)?[-. ]?\\d{3}[-. ]?\\d{4}\\b", PCRE2_CASELESS },
    { "HEALTH_PLAN", "\\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?"
                     "[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?"
                     "[AC-HJKMNP-RT-Y]{2}\\d{2}\\b", PCRE2_CASELESS },
    { "HEALTH_PLAN", "\\b(?:medicaid|medicare|member|subscriber|policy|"
                     "group|insurance|plan)\\s*(?:id|#|number|no)?"
                     "[\\s:#.=-]*[a-z0-9-]{5,20}\\b", PCRE2_CASELESS },
    { "ACCOUNT", "\\b(?:account|acct|a/c|invoice|statement|bill(?:ing)?)"
                 "\\s*(?:#|number|no|id)?[\\s:#.=-]*[a-z0-9-]{5,20}\\b",
      PCRE2_CASELESS },
    { "ACCOUNT", "\\b(?:\\d[ -]?){12,18}\\d\\b", 0 },
    { "LICENSE", "\\b(?:driver'?s? licen[sc]e|driving licen[sc]e|dl#?|"
                 "licen[sc]e (?:#|number|no)|certificate (?:#|number|no)|"
                 "permit (?:#|number|no)|passport)[\\s:#.=-]*"
                 "[a-z0-9-]{5,20}\\b", PCRE2_CASELESS },
    { "LICENSE", "\\b[A-HJ-MP-UX][A-Z9]\\d{7}\\b", 0 },
    { "NPI", "\\b(?:npi#?|national provider (?:identifier|id|number))"
             "[\\s:#.=-]*[12]\\d{9}\\b", PCRE2_CASELESS },
    { "VEHICLE", "\\b[A-HJ-NPR-Z0-9]{17}\\b", PCRE2_CASELESS },
    { "VEHICLE", "\\b(?:licen[sc]e plate|plate|tag)\\s*(?:#|number|no)?"
                 "[\\s:#.=-]*[a-z0-9]{1,4}[ -]?[a-z0-9]{1,4}\\b",
      PCRE2_CASELESS },
    { "DEVICE", "\\b(?:serial|s/n|sn|device id|implant id|udi|imei|meid)"
                "\\s*(?:#|number|no)?[\\s:#.=-]*[a-z0-9-]{4,30}\\b",
      PCRE2_CASELESS },
    { "DEVICE", "\\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\\b", PCRE2_CASELESS },
    { "URL", "\\b(?:https?://|www\\.)[^\\s\"'<>]+", PCRE2_CASELESS },
    { "IP", "\\b(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\b", 0 },
    { "IP", "\\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\\b", PCRE2_CASELESS },
    { "BIOMETRIC", "\\b(?:fingerprint|thumbprint|palm ?print|retinal? scan|"
                   "iris scan|voice ?print|dna (?:sample|profile)|"
                   "biometric)\\s*(?:id|#)?[\\s:#.=-]*[a-z0-9-]{4,40}\\b",
      PCRE2_CASELESS },
    { "AGE", "\\b(?:(?:9\\d|1[01]\\d|120)[- ](?:years?|yrs?)[- ]old|"
             "aged? (?:9\\d|1[01]\\d|120))\\b", PCRE2_CASELESS },
    { "OTHER_ID", "\\b(?:case|claim|ticket|encounter|visit|accession|"
                  "specimen|referral|authorization)\\s*(?:#|number|no|id)"
                  "[\\s:#.=-]*[a-z0-9-]{4,20}\\b", PCRE2_CASELESS },
    { NULL, NULL, 0 }
};


int
main(int argc, char **argv)
{
    int          i, dump;
    char        *field, *small, label[32];
    size_t       k, len, small_len, counts[PG_T__COUNT];
    double       seconds;
    bn_regex_t   rx;
    bn_corpus_t  c;

    memset(&c, 0, sizeof(c));
    seconds = 1.0;
    dump = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--findings") == 0) {
            dump = 1;

        } else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = atof(argv[++i]);

        } else if (bn_load(&c, argv[i]) != 0) {
            return 1;
        }
    }

    if (c.n == 0) {
        fprintf(stderr, "usage: %s [--seconds N] [--findings] "
                "corpus.jsonl [more.jsonl ...]\n", argv[0]);
        return 1;
    }

    if (dump) {
        for (k = 0; k < c.n; k++) {
            snprintf(label, sizeof(label), "%zu", k);
            bn_detect(c.text[k], c.len[k], counts, label);
        }

        field = bn_join(&c, BN_FIELD_SMALL, &len);
        bn_detect(field, len, counts, "f64k");
        free(field);

        field = bn_join(&c, BN_FIELD_LARGE, &len);
        bn_detect(field, len, counts, "f1m");
        free(field);

        return 0;
    }

    printf("corpus: %zu posts, %zu bytes, mean %.0f bytes a post; "
           "one thread, %.1f s a figure\n\n", c.n, c.bytes,
           (double) c.bytes / (double) c.n, seconds);

    bn_posts(&c, seconds);

    small = bn_join(&c, BN_FIELD_SMALL, &small_len);
    bn_field("field 64K", small, small_len, seconds);

    field = bn_join(&c, BN_FIELD_LARGE, &len);
    bn_field("field 1M", field, len, seconds);

#ifdef __GLIBC__
    /*
     * glibc gives a large free back to the system, so each 1 MB field
     * faults its memory in again; with that off, what is left is the
     * engine's own work.
     */
    mallopt(M_MMAP_THRESHOLD, BN_MMAP_MAX);
    mallopt(M_TRIM_THRESHOLD, BN_TRIM_MAX);
    bn_field("1M, kept", field, len, seconds);
    printf("         (kept: malloc keeps freed memory, mallopt)\n");
#endif

    bn_split(field, len);

    if (bn_regex_init(&rx) != 0) {
        return 1;
    }

    printf("\npcre2 baseline: %zu patterns, jit %s\n", rx.n,
           rx.jit ? "on" : "off");

    bn_regex_posts(&rx, &c, seconds);
    bn_regex_field(&rx, "field 64K", small, small_len, seconds);
    bn_regex_field(&rx, "field 1M", field, len, seconds);

    bn_regex_free(&rx);
    free(small);
    free(field);

    return 0;
}


static double
bn_now(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);

    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}


static int
bn_load(bn_corpus_t *c, const char *path)
{
    FILE         *fp;
    char         *line;
    size_t        cap, bad;
    ssize_t       n;
    json_t       *doc, *text;
    json_error_t  err;

    fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "phigate-bench: cannot open %s\n", path);
        return -1;
    }

    line = NULL;
    cap = 0;
    bad = 0;

    while ((n = getline(&line, &cap, fp)) != -1) {

        if (n <= 1) {
            continue;
        }

        /* a text may hold "\u0000": the engine takes any bytes */
        doc = json_loadb(line, (size_t) n, JSON_ALLOW_NUL, &err);
        text = doc ? json_object_get(doc, "text") : NULL;

        if (!json_is_string(text)) {
            /* label amendments ({"amend": id, ...}) have no text */
            bad += doc == NULL || json_object_get(doc, "amend") == NULL;

        } else if (bn_add(c, json_string_value(text),
                          json_string_length(text)) != 0)
        {
            json_decref(doc);
            free(line);
            fclose(fp);
            return -1;
        }

        json_decref(doc);
    }

    free(line);
    fclose(fp);

    if (bad != 0) {
        /* counts only: a line may hold PHI */
        fprintf(stderr, "phigate-bench: %s: %zu lines with no text, "
                "skipped\n", path, bad);
    }

    return 0;
}


static int
bn_add(bn_corpus_t *c, const char *text, size_t len)
{
    void  *p, *q;

    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        p = realloc(c->text, c->cap * sizeof(char *));
        q = realloc(c->len, c->cap * sizeof(size_t));

        if (p != NULL) {
            c->text = p;
        }

        if (q != NULL) {
            c->len = q;
        }

        if (p == NULL || q == NULL) {
            fprintf(stderr, "phigate-bench: out of memory\n");
            return -1;
        }
    }

    c->text[c->n] = malloc(len + 1);
    if (c->text[c->n] == NULL) {
        fprintf(stderr, "phigate-bench: out of memory\n");
        return -1;
    }

    memcpy(c->text[c->n], text, len);
    c->text[c->n][len] = '\0';
    c->len[c->n] = len;
    c->n++;
    c->bytes += len;

    return 0;
}


/* whole posts, each followed by a newline, cycled up to size bytes */

static char *
bn_join(const bn_corpus_t *c, size_t size, size_t *len)
{
    char    *f;
    size_t   k, n;

    f = malloc(size + 1);
    if (f == NULL) {
        fprintf(stderr, "phigate-bench: out of memory\n");
        exit(1);
    }

    n = 0;

    for (k = 0; n + c->len[k % c->n] + 1 <= size; k++) {
        memcpy(f + n, c->text[k % c->n], c->len[k % c->n]);
        n += c->len[k % c->n];
        f[n++] = '\n';
    }

    f[n] = '\0';
    *len = n;

    return f;
}


/*
 * One call of pg_detect_field() on text as a request's only field; adds
 * the findings to counts (NULL: not counted) and prints them when dump
 * is a label.  Returns the number of findings.
 */

static size_t
bn_detect(const char *text, size_t len, size_t counts[PG_T__COUNT],
    const char *dump)
{
    size_t         k;
    bn_run_t       r;
    pg_finding_t  *f;

    (void) bn_run(&r, text, len);

    for (k = 0; k < r.findings.n; k++) {
        f = &r.findings.items[k];

        if (counts != NULL) {
            counts[f->type]++;
        }

        if (dump != NULL) {
            printf("%s %s %zu %zu %u\n", dump, pg_type_name(f->type),
                   f->off, f->len, (unsigned) f->confidence);
        }
    }

    pg_arena_free(&r.arena);

    return r.findings.n;
}


/*
 * pg_detect_field() on text as a request's only field, set up outside
 * the timed call as pg_inspect() does: the seconds inside the call.  The
 * caller frees r->arena.
 */

static double
bn_run(bn_run_t *r, const char *text, size_t len)
{
    double       t0, t1;
    pg_status_t  st;

    pg_arena_init(&r->arena, 0);
    memset(&r->fields, 0, sizeof(pg_fields_t));
    memset(&r->findings, 0, sizeof(pg_findings_t));

    st = pg_fields_add(&r->fields, &r->arena, "text", 4, text, len,
                       PG_SRC_BODY, 0, 0);

    t0 = bn_now();

    if (st == PG_OK) {
        st = pg_detect_field(&r->arena, &r->fields, 0, &r->findings);
    }

    t1 = bn_now();

    if (st != PG_OK) {
        fprintf(stderr, "phigate-bench: engine error %d\n", (int) st);
        exit(1);
    }

    return t1 - t0;
}


/* the seconds of one timed call, and its number of findings */

static double
bn_timed(const char *text, size_t len, size_t *nf)
{
    double    dt;
    bn_run_t  r;

    dt = bn_run(&r, text, len);
    *nf = r.findings.n;
    pg_arena_free(&r.arena);

    return dt;
}


static void
bn_posts(const bn_corpus_t *c, double seconds)
{
    int      t;
    size_t   k, rounds, ns, nf, one, counts[PG_T__COUNT];
    double  *lat, dt, start, busy, sum;

    memset(counts, 0, sizeof(counts));
    nf = 0;

    for (k = 0; k < c->n; k++) {
        nf += bn_detect(c->text[k], c->len[k], counts, NULL);
    }

    lat = malloc(BN_SAMPLES_MAX * sizeof(double));
    if (lat == NULL) {
        fprintf(stderr, "phigate-bench: out of memory\n");
        exit(1);
    }

    ns = 0;
    busy = 0;
    rounds = 0;
    start = bn_now();

    do {
        for (k = 0; k < c->n; k++) {
            dt = bn_timed(c->text[k], c->len[k], &one);
            busy += dt;

            if (ns < BN_SAMPLES_MAX) {
                lat[ns++] = dt;
            }
        }

        rounds++;

    } while (bn_now() - start < seconds);

    qsort(lat, ns, sizeof(double), bn_cmp_double);

    sum = 0;

    for (k = 0; k < ns; k++) {
        sum += lat[k];
    }

    printf("engine   posts      %8.2f MB/s   latency us: mean %.2f  "
           "p50 %.2f  p99 %.2f  max %.2f  (%zu rounds)\n",
           bn_mbps((double) c->bytes * (double) rounds, busy),
           sum / (double) ns * 1e6, lat[ns / 2] * 1e6,
           lat[ns * 99 / 100] * 1e6, lat[ns - 1] * 1e6, rounds);

    printf("         findings in one round: %zu:", nf);

    for (t = 0; t < PG_T__COUNT; t++) {
        if (counts[t] != 0) {
            printf(" %s %zu", pg_type_name((pg_type_t) t), counts[t]);
        }
    }

    printf("\n");

    free(lat);
}


static void
bn_field(const char *label, const char *text, size_t len, double seconds)
{
    size_t  rounds, nf;
    double  start, busy;

    rounds = 0;
    nf = 0;
    busy = 0;
    start = bn_now();

    do {
        busy += bn_timed(text, len, &nf);
        rounds++;

    } while (bn_now() - start < seconds);

    printf("engine   %-9s  %8.2f MB/s   %zu bytes: %.3f ms a field, "
           "%zu findings  (%zu rounds)\n", label,
           bn_mbps((double) len * (double) rounds, busy),
           len, busy / (double) rounds * 1e3, nf, rounds);
}


/*
 * Where the time of a large field goes: normalisation and each detector
 * of pg_detectors[] on the normalised 1 MB field, each the fastest of a
 * few runs.  Merging and offset mapping are not in the split.
 */

static void
bn_split(const char *text, size_t len)
{
    size_t        k, n;
    double        t, best, total;
    pg_scan_t     scan;
    pg_norm_t     norm;
    pg_arena_t    arena;
    const char   *name;
    char          num[16];

    printf("\nengine split, field 1M (ms a field, fastest of %d):\n",
           BN_SPLIT_RUNS);

    best = 0;

    for (k = 0; k < BN_SPLIT_RUNS; k++) {
        pg_arena_init(&arena, 0);
        t = bn_now();

        if (pg_normalize(&arena, text, len, &norm) != PG_OK) {
            fprintf(stderr, "phigate-bench: engine error\n");
            exit(1);
        }

        t = bn_now() - t;
        best = k == 0 || t < best ? t : best;

        if (k + 1 < BN_SPLIT_RUNS) {
            pg_arena_free(&arena);
        }
    }

    printf("  %-12s %8.3f\n", "normalise", best * 1e3);
    total = best;

    t = bn_now();

    if (pg_scan_init(&scan, &arena, norm.text, norm.len, 0) != PG_OK) {
        fprintf(stderr, "phigate-bench: engine error\n");
        exit(1);
    }

    t = bn_now() - t;
    printf("  %-12s %8.3f\n", "words", t * 1e3);
    total += t;

    for (k = 0; pg_detectors[k] != NULL; k++) {
        best = bn_split_one(pg_detectors[k], &scan);
        total += best;

        name = NULL;

        for (n = 0; bn_names[n].det != NULL; n++) {
            if (bn_names[n].det == pg_detectors[k]) {
                name = bn_names[n].name;
            }
        }

        if (name == NULL) {
            snprintf(num, sizeof(num), "#%zu", k);
            name = num;
        }

        printf("  %-12s %8.3f\n", name, best * 1e3);
    }

    printf("  %-12s %8.3f\n", "total", total * 1e3);

    pg_arena_free(&arena);
}


/* the fastest of a few runs of one detector over the scan */

static double
bn_split_one(pg_detector_pt det, const pg_scan_t *s)
{
    size_t          k;
    double          t, best;
    pg_findings_t   findings;

    best = 0;

    for (k = 0; k < BN_SPLIT_RUNS; k++) {
        memset(&findings, 0, sizeof(findings));

        t = bn_now();

        if (det(s, &findings) != PG_OK) {
            fprintf(stderr, "phigate-bench: engine error\n");
            exit(1);
        }

        t = bn_now() - t;
        best = k == 0 || t < best ? t : best;
    }

    return best;
}


static int
bn_regex_init(bn_regex_t *rx)
{
    int          err;
    size_t       k;
    PCRE2_SIZE   eoff;

    memset(rx, 0, sizeof(bn_regex_t));
    rx->jit = 1;

    for (k = 0; bn_patterns[k].re != NULL && k < BN_PATTERNS_MAX; k++) {
        rx->code[k] = pcre2_compile((PCRE2_SPTR) bn_patterns[k].re,
                                    PCRE2_ZERO_TERMINATED,
                                    bn_patterns[k].flags, &err, &eoff,
                                    NULL);
        if (rx->code[k] == NULL) {
            fprintf(stderr, "phigate-bench: pattern %s does not compile "
                    "at %zu\n", bn_patterns[k].type, (size_t) eoff);
            return -1;
        }

        if (pcre2_jit_compile(rx->code[k], PCRE2_JIT_COMPLETE) != 0) {
            rx->jit = 0;
        }

        rx->n++;
    }

    rx->md = pcre2_match_data_create(16, NULL);
    rx->mctx = pcre2_match_context_create(NULL);
    rx->stack = pcre2_jit_stack_create(32 * 1024, BN_JIT_STACK, NULL);

    if (rx->md == NULL || rx->mctx == NULL || rx->stack == NULL) {
        fprintf(stderr, "phigate-bench: out of memory\n");
        return -1;
    }

    pcre2_jit_stack_assign(rx->mctx, NULL, rx->stack);

    return 0;
}


/* every pattern over text, every match: the number of matches */

static size_t
bn_regex_scan(bn_regex_t *rx, const char *text, size_t len)
{
    int          rc;
    size_t       k, n;
    PCRE2_SIZE   off, *ov;

    n = 0;

    for (k = 0; k < rx->n; k++) {
        off = 0;

        while (off <= len) {
            rc = rx->jit ? pcre2_jit_match(rx->code[k], (PCRE2_SPTR) text,
                                           len, off, 0, rx->md, rx->mctx)
                         : pcre2_match(rx->code[k], (PCRE2_SPTR) text, len,
                                       off, 0, rx->md, rx->mctx);
            if (rc < 0) {
                break;
            }

            n++;
            ov = pcre2_get_ovector_pointer(rx->md);
            off = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
        }
    }

    return n;
}


static void
bn_regex_posts(bn_regex_t *rx, const bn_corpus_t *c, double seconds)
{
    size_t  k, rounds, nm;
    double  start, t;

    rounds = 0;
    nm = 0;
    start = bn_now();

    do {
        nm = 0;

        for (k = 0; k < c->n; k++) {
            nm += bn_regex_scan(rx, c->text[k], c->len[k]);
        }

        rounds++;
        t = bn_now() - start;

    } while (t < seconds);

    printf("pcre2    posts      %8.2f MB/s   latency us: mean %.2f, "
           "%zu matches a round  (%zu rounds)\n",
           bn_mbps((double) c->bytes * (double) rounds, t),
           t / (double) (rounds * c->n) * 1e6, nm, rounds);
}


static void
bn_regex_field(bn_regex_t *rx, const char *label, const char *text,
    size_t len, double seconds)
{
    size_t  rounds, nm;
    double  start, t;

    rounds = 0;
    nm = 0;
    start = bn_now();

    do {
        nm = bn_regex_scan(rx, text, len);
        rounds++;
        t = bn_now() - start;

    } while (t < seconds);

    printf("pcre2    %-9s  %8.2f MB/s   %zu bytes: %.3f ms a field, "
           "%zu matches  (%zu rounds)\n", label,
           bn_mbps((double) len * (double) rounds, t),
           len, t / (double) rounds * 1e3, nm, rounds);
}


static void
bn_regex_free(bn_regex_t *rx)
{
    size_t  k;

    for (k = 0; k < rx->n; k++) {
        pcre2_code_free(rx->code[k]);
    }

    pcre2_match_data_free(rx->md);
    pcre2_match_context_free(rx->mctx);
    pcre2_jit_stack_free(rx->stack);
}


static int
bn_cmp_double(const void *a, const void *b)
{
    double  x, y;

    x = *(const double *) a;
    y = *(const double *) b;

    return x < y ? -1 : x > y;
}


static double
bn_mbps(double bytes, double secs)
{
    return secs > 0 ? bytes / secs / 1e6 : 0;
}
