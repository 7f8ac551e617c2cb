/*
 * Copyright (C) phigate authors
 *
 * phigate-eval: runs the detection engine over labelled JSONL corpora
 * ({"id","text","phi","kinds":[...]} a line) and reports, per corpus and
 * over all of them:
 *
 *   - per implemented kind, recall: posts labelled with the kind on which
 *     a finding of the mapped type fired;
 *   - per type, precision: of the posts where the type fired, those
 *     labelled with the matching kind;
 *   - the false-block rate: clean posts (phi false) with any finding;
 *   - overall PHI recall over posts that hold an implemented kind: posts
 *     with any finding (the post would be blocked).
 *
 * Kinds with no detector yet are listed as "not implemented" with their
 * counts.  Under the last table, one line per target of the accuracy
 * issue says whether it is met.  Only ids, types and counts are printed,
 * never a post's text or a matched value.  The targets are a report, not
 * a gate; the exit status is 1 only when a corpus cannot be read or has
 * a line that is no record (a missing file must not pass as an empty
 * corpus that meets every target), 2 on a usage error.
 *
 * A line {"amend": "d001", "phi": true, "kinds": [...], "why": "..."} in
 * any of the files corrects the labels of the post with that id in any
 * other file (a corpus we cannot edit, such as the shared one): its kinds
 * (and phi, when given) replace the post's.  Amendments are read from
 * every file before any post is judged.
 *
 *   phigate-eval corpus.jsonl [more.jsonl ...]
 */


#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pg_arena.h"
#include "pg_detect.h"
#include "pg_field.h"
#include "pg_finding.h"


/* distinct corpus kinds counted; more are folded into the last slot */
#define EV_KINDS_MAX  64
#define EV_NAME_MAX   32
/* ids listed per line of the report before "..." */
#define EV_IDS_MAX    40
/* label amendments held */
#define EV_AMEND_MAX  1024


typedef struct {
    const char    *kind;       /* label used in corpora */
    pg_type_t      type;
} ev_map_t;


/* a growing list of post ids, for misses and false blocks */
typedef struct {
    char         **ids;
    size_t         n;
    size_t         cap;
} ev_ids_t;


/* a corrected label: see the head of this file */
typedef struct {
    char          *id;
    json_t        *kinds;
    int            phi;        /* -1: as the post says */
    unsigned       used:1;
} ev_amend_t;


/* a target of the issue: recall of kinds, or the false-block rate */
typedef struct {
    double         pct;
    const char    *kinds[10];  /* NULL-terminated; none: false blocks */
} ev_target_t;


typedef struct {
    size_t         posts;
    size_t         clean;
    size_t         amends;     /* amendment lines in the file */
    size_t         amended;    /* posts whose labels an amendment set */
    size_t         skipped;
    size_t         errors;       /* engine errors */

    /* per type: recall and precision, counted in posts */
    size_t         pos[PG_T__COUNT];
    size_t         hit[PG_T__COUNT];
    size_t         fired[PG_T__COUNT];
    size_t         tp[PG_T__COUNT];
    ev_ids_t       miss[PG_T__COUNT];
    ev_ids_t       wrong[PG_T__COUNT];   /* fired, kind not labelled */

    /* false blocks: clean posts with any finding */
    size_t         fb;
    ev_ids_t       fb_ids;

    /* posts with an implemented kind, and how many had any finding */
    size_t         phi_impl;
    size_t         phi_impl_caught;

    /* phi posts with only unimplemented kinds that were blocked anyway */
    size_t         other_blocked;

    /* corpus kinds with no detector, with post counts */
    char           other[EV_KINDS_MAX][EV_NAME_MAX];
    size_t         other_n[EV_KINDS_MAX];
    size_t         nother;
} ev_stats_t;


static void ev_amend_load(const char *path);
static ev_amend_t *ev_amend_find(const char *id);
static void ev_targets(const ev_stats_t *s);
static int ev_kind_type(const char *kind);
static void ev_ids_add(ev_ids_t *l, const char *id);
static void ev_ids_print(const char *label, const ev_ids_t *l);
static void ev_other_add(ev_stats_t *s, const char *kind);
static void ev_post(ev_stats_t *s, const char *id, const char *text,
    size_t len, int phi, json_t *kinds);
static int ev_file(ev_stats_t *s, ev_stats_t *all, const char *path);
static void ev_merge(ev_stats_t *all, const ev_stats_t *s);
static void ev_report(const char *title, const ev_stats_t *s);
static void ev_free(ev_stats_t *s);
static double ev_pct(size_t n, size_t d);


static ev_amend_t  ev_amend[EV_AMEND_MAX];
static size_t      ev_namend;


/* the targets of the detection accuracy issue */
static const ev_target_t  ev_target[] = {
    /* structured identifiers */
    { 99.0, { "ssn", "phone", "email", "mrn", "mbi", "account", "license",
              "vehicle", NULL } },
    { 95.0, { "name", "dob", "date", "address", "age", NULL } },
    /* false blocks on clean posts, at most */
    { 1.0, { NULL } },
};


static const ev_map_t  ev_map[] = {
    { "ssn",   PG_T_SSN },
    { "phone", PG_T_PHONE },
    { "email", PG_T_EMAIL },
    { "mrn",   PG_T_MRN },
    /* "dob" is a date of birth; "date" any other date of a person's
     * care (admission, discharge, death, surgery) */
    { "dob",   PG_T_DOB },
    { "name",  PG_T_NAME },
    /* ZIP findings count as ADDRESS: see ev_post() */
    { "address", PG_T_ADDRESS },
    { "date",  PG_T_DATE },
    { "account", PG_T_ACCOUNT },
    /* "mbi" labels every health plan beneficiary number, MBI or not */
    { "mbi",   PG_T_HEALTH_PLAN },
    { "age",   PG_T_AGE },
    { "fax",   PG_T_FAX },
    { "license", PG_T_LICENSE },
    { "npi",   PG_T_NPI },
    { "vehicle", PG_T_VEHICLE },
    { "device", PG_T_DEVICE },
    { "url",   PG_T_URL },
    { "ip",    PG_T_IP },
    { "biometric", PG_T_BIOMETRIC },
    { "other_id", PG_T_OTHER_ID },
    { NULL,    0 }
};


int
main(int argc, char **argv)
{
    int          i, rc;
    ev_stats_t  *all, *s;

    if (argc < 2) {
        fprintf(stderr, "usage: %s corpus.jsonl [more.jsonl ...]\n",
                argv[0]);
        return 2;
    }

    all = calloc(1, sizeof(ev_stats_t));
    s = calloc(1, sizeof(ev_stats_t));

    if (all == NULL || s == NULL) {
        fprintf(stderr, "phigate-eval: out of memory\n");
        return 1;
    }

    rc = 0;

    for (i = 1; i < argc; i++) {
        ev_amend_load(argv[i]);
    }

    for (i = 1; i < argc; i++) {
        memset(s, 0, sizeof(ev_stats_t));
        if (ev_file(s, all, argv[i]) != 0) {
            rc = 1;
        }

        ev_report(argv[i], s);
        ev_free(s);
    }

    if (argc > 2) {
        ev_report("all corpora", all);
    }

    ev_targets(all);

    for (i = 0; i < (int) ev_namend; i++) {
        if (!ev_amend[i].used) {
            printf("amendment for %s: no such post\n", ev_amend[i].id);
        }

        free(ev_amend[i].id);
        json_decref(ev_amend[i].kinds);
    }

    ev_free(all);
    free(all);
    free(s);

    return rc;
}


static int
ev_kind_type(const char *kind)
{
    int  k;

    for (k = 0; ev_map[k].kind != NULL; k++) {
        if (strcmp(ev_map[k].kind, kind) == 0) {
            return (int) ev_map[k].type;
        }
    }

    return -1;
}


static int
ev_file(ev_stats_t *s, ev_stats_t *all, const char *path)
{
    int           phi;
    FILE         *fp;
    char         *line;
    size_t        cap, lineno;
    ssize_t       n;
    json_t       *doc, *id, *text, *kinds;
    ev_amend_t   *am;
    json_error_t  err;

    fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "phigate-eval: cannot open %s: %s\n", path,
                strerror(errno));
        return -1;
    }

    line = NULL;
    cap = 0;
    lineno = 0;

    while ((n = getline(&line, &cap, fp)) != -1) {
        lineno++;

        if (n <= 1 && (n == 0 || line[0] == '\n')) {
            continue;
        }

        doc = json_loadb(line, (size_t) n, 0, &err);

        if (doc != NULL && json_is_string(json_object_get(doc, "amend"))) {
            /* read by ev_amend_load() */
            s->amends++;
            json_decref(doc);
            continue;
        }

        id = doc ? json_object_get(doc, "id") : NULL;
        text = doc ? json_object_get(doc, "text") : NULL;
        kinds = doc ? json_object_get(doc, "kinds") : NULL;

        if (doc == NULL || !json_is_string(id) || !json_is_string(text)
            || !json_is_boolean(json_object_get(doc, "phi"))
            || (kinds != NULL && !json_is_array(kinds)))
        {
            /* the line number only: the line may hold PHI */
            fprintf(stderr, "phigate-eval: %s:%zu: not a corpus record, "
                    "skipped\n", path, lineno);
            s->skipped++;
            json_decref(doc);
            continue;
        }

        phi = json_is_true(json_object_get(doc, "phi"));
        am = ev_amend_find(json_string_value(id));

        if (am != NULL) {
            kinds = am->kinds;
            phi = am->phi >= 0 ? am->phi : phi;
            am->used = 1;
            s->amended++;
        }

        ev_post(s, json_string_value(id), json_string_value(text),
                json_string_length(text), phi, kinds);

        json_decref(doc);
    }

    free(line);
    fclose(fp);

    ev_merge(all, s);

    /* a broken line is a corpus measured short: say so in the status */
    return s->skipped ? -1 : 0;
}


static void
ev_post(ev_stats_t *s, const char *id, const char *text, size_t len,
    int phi, json_t *kinds)
{
    int            t, labelled[PG_T__COUNT], any_impl;
    size_t         k, fired_types;
    json_t        *v;
    pg_arena_t     arena;
    pg_fields_t    fields;
    pg_findings_t  findings;
    pg_status_t    st;

    s->posts++;

    memset(labelled, 0, sizeof(labelled));
    any_impl = 0;

    for (k = 0; kinds != NULL && k < json_array_size(kinds); k++) {
        v = json_array_get(kinds, k);
        if (!json_is_string(v)) {
            continue;
        }

        t = ev_kind_type(json_string_value(v));

        if (t < 0) {
            ev_other_add(s, json_string_value(v));
            continue;
        }

        labelled[t] = 1;
        any_impl = 1;
    }

    pg_arena_init(&arena, 0);
    memset(&fields, 0, sizeof(fields));
    memset(&findings, 0, sizeof(findings));

    st = pg_fields_add(&fields, &arena, "text", 4, text, len, PG_SRC_BODY,
                       0, 0);
    if (st == PG_OK) {
        st = pg_detect_field(&arena, &fields, 0, &findings);
    }

    if (st != PG_OK) {
        fprintf(stderr, "phigate-eval: %s: engine error %s\n", id,
                pg_status_name(st));
        s->errors++;
    }

    fired_types = 0;

    for (k = 0; k < findings.n; k++) {
        fired_types |= (size_t) 1 << findings.items[k].type;
    }

    /* the corpus kind "address" covers ZIP codes in an address */
    if (fired_types & ((size_t) 1 << PG_T_ZIP)) {
        fired_types |= (size_t) 1 << PG_T_ADDRESS;
    }

    pg_arena_free(&arena);

    for (t = 0; t < PG_T__COUNT; t++) {
        int  fired = (fired_types >> t) & 1;

        if (labelled[t]) {
            s->pos[t]++;

            if (fired) {
                s->hit[t]++;

            } else {
                ev_ids_add(&s->miss[t], id);
            }
        }

        if (fired) {
            s->fired[t]++;

            if (labelled[t]) {
                s->tp[t]++;

            } else {
                ev_ids_add(&s->wrong[t], id);
            }
        }
    }

    if (!phi) {
        s->clean++;

        if (fired_types) {
            s->fb++;
            ev_ids_add(&s->fb_ids, id);
        }

    } else if (any_impl) {
        s->phi_impl++;
        s->phi_impl_caught += fired_types != 0;

    } else if (fired_types) {
        s->other_blocked++;
    }
}


static void
ev_other_add(ev_stats_t *s, const char *kind)
{
    size_t  k;

    for (k = 0; k < s->nother; k++) {
        if (strcmp(s->other[k], kind) == 0) {
            s->other_n[k]++;
            return;
        }
    }

    if (s->nother == EV_KINDS_MAX) {
        s->other_n[EV_KINDS_MAX - 1]++;
        return;
    }

    snprintf(s->other[s->nother], EV_NAME_MAX, "%s", kind);
    s->other_n[s->nother++] = 1;
}


static void
ev_ids_add(ev_ids_t *l, const char *id)
{
    char  **p;

    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        p = realloc(l->ids, l->cap * sizeof(char *));
        if (p == NULL) {
            l->cap = l->n;
            return;
        }

        l->ids = p;
    }

    l->ids[l->n] = strdup(id);
    if (l->ids[l->n] != NULL) {
        l->n++;
    }
}


static void
ev_merge(ev_stats_t *all, const ev_stats_t *s)
{
    int     t;
    size_t  k, j;

    all->posts += s->posts;
    all->clean += s->clean;
    all->amends += s->amends;
    all->amended += s->amended;
    all->skipped += s->skipped;
    all->errors += s->errors;
    all->fb += s->fb;
    all->phi_impl += s->phi_impl;
    all->phi_impl_caught += s->phi_impl_caught;
    all->other_blocked += s->other_blocked;

    for (k = 0; k < s->fb_ids.n; k++) {
        ev_ids_add(&all->fb_ids, s->fb_ids.ids[k]);
    }

    for (t = 0; t < PG_T__COUNT; t++) {
        all->pos[t] += s->pos[t];
        all->hit[t] += s->hit[t];
        all->fired[t] += s->fired[t];
        all->tp[t] += s->tp[t];

        for (k = 0; k < s->miss[t].n; k++) {
            ev_ids_add(&all->miss[t], s->miss[t].ids[k]);
        }

        for (k = 0; k < s->wrong[t].n; k++) {
            ev_ids_add(&all->wrong[t], s->wrong[t].ids[k]);
        }
    }

    for (k = 0; k < s->nother; k++) {
        for (j = 0; j < s->other_n[k]; j++) {
            ev_other_add(all, s->other[k]);
        }
    }
}


static void
ev_report(const char *title, const ev_stats_t *s)
{
    int     k;
    size_t  j;

    printf("== %s\n", title);

    if (s->posts == 0 && s->amends) {
        printf("label amendments %zu, for posts of the other corpora\n\n",
               s->amends);
        return;
    }

    printf("posts %zu (clean %zu, phi %zu)", s->posts, s->clean,
           s->posts - s->clean);

    if (s->amended) {
        printf(", %zu with amended labels", s->amended);
    }

    if (s->skipped) {
        printf(", %zu lines skipped", s->skipped);
    }

    if (s->errors) {
        printf(", %zu engine errors", s->errors);
    }

    printf("\n\n%-7s %-6s %8s %8s %10s %8s %10s\n", "kind", "type", "posts",
           "caught", "recall", "fired", "precision");

    for (k = 0; ev_map[k].kind != NULL; k++) {
        pg_type_t  t = ev_map[k].type;

        printf("%-7s %-6s %8zu %8zu %9.1f%% %8zu %9.1f%%\n",
               ev_map[k].kind, pg_type_name(t), s->pos[t], s->hit[t],
               ev_pct(s->hit[t], s->pos[t]), s->fired[t],
               ev_pct(s->tp[t], s->fired[t]));
    }

    for (j = 0; j < s->nother; j++) {
        printf("%-7s %-6s %8zu %8s\n", s->other[j], "-", s->other_n[j],
               "not implemented");
    }

    printf("\nfalse blocks: %zu of %zu clean posts (%.1f%%)\n", s->fb,
           s->clean, ev_pct(s->fb, s->clean));
    printf("PHI recall, implemented kinds: %zu of %zu posts (%.1f%%)\n",
           s->phi_impl_caught, s->phi_impl,
           ev_pct(s->phi_impl_caught, s->phi_impl));
    printf("PHI posts of unimplemented kinds blocked anyway: %zu\n",
           s->other_blocked);

    ev_ids_print("false-block ids", &s->fb_ids);

    for (k = 0; ev_map[k].kind != NULL; k++) {
        pg_type_t  t = ev_map[k].type;
        char       label[64];

        snprintf(label, sizeof(label), "missed %s", ev_map[k].kind);
        ev_ids_print(label, &s->miss[t]);

        snprintf(label, sizeof(label), "%s fired, not labelled",
                 pg_type_name(t));
        ev_ids_print(label, &s->wrong[t]);
    }

    printf("\n");
}


/* one line per target: the figure and whether it is met */

static void
ev_targets(const ev_stats_t *s)
{
    int          t;
    size_t       k, j;
    const char  *verdict;

    printf("targets:\n");

    for (k = 0; k < sizeof(ev_target) / sizeof(ev_target[0]); k++) {

        if (ev_target[k].kinds[0] == NULL) {
            verdict = ev_pct(s->fb, s->clean) <= ev_target[k].pct
                      ? "met" : "NOT met";
            printf("  false blocks <= %4.1f%%  %-9s %6.1f%% %5zu of %-5zu "
                   "%s\n", ev_target[k].pct, "clean", ev_pct(s->fb, s->clean),
                   s->fb, s->clean, verdict);
            continue;
        }

        for (j = 0; ev_target[k].kinds[j] != NULL; j++) {
            t = ev_kind_type(ev_target[k].kinds[j]);

            if (t < 0 || s->pos[t] == 0) {
                printf("  recall >= %4.1f%%        %-9s no posts\n",
                       ev_target[k].pct, ev_target[k].kinds[j]);
                continue;
            }

            verdict = ev_pct(s->hit[t], s->pos[t]) >= ev_target[k].pct
                      ? "met" : "NOT met";
            printf("  recall >= %4.1f%%        %-9s %6.1f%% %5zu of %-5zu "
                   "%s\n", ev_target[k].pct, ev_target[k].kinds[j],
                   ev_pct(s->hit[t], s->pos[t]), s->hit[t], s->pos[t],
                   verdict);
        }
    }
}


/* amendment lines of path: see the head of this file */

static void
ev_amend_load(const char *path)
{
    FILE         *fp;
    char         *line;
    size_t        cap;
    ssize_t       n;
    json_t       *doc, *am, *kinds, *phi;
    ev_amend_t   *a;
    json_error_t  err;

    fp = fopen(path, "r");
    if (fp == NULL) {
        return;
    }

    line = NULL;
    cap = 0;

    while ((n = getline(&line, &cap, fp)) != -1) {
        doc = json_loadb(line, (size_t) n, 0, &err);
        am = doc ? json_object_get(doc, "amend") : NULL;
        kinds = doc ? json_object_get(doc, "kinds") : NULL;
        phi = doc ? json_object_get(doc, "phi") : NULL;

        if (!json_is_string(am)) {
            json_decref(doc);
            continue;
        }

        if (!json_is_array(kinds) || ev_namend == EV_AMEND_MAX
            || ev_amend_find(json_string_value(am)) != NULL)
        {
            fprintf(stderr, "phigate-eval: %s: amendment for %s without "
                    "kinds, repeated or one too many: ignored\n", path,
                    json_string_value(am));
            json_decref(doc);
            continue;
        }

        a = &ev_amend[ev_namend];
        a->id = strdup(json_string_value(am));

        if (a->id == NULL) {
            json_decref(doc);
            break;
        }

        a->kinds = json_incref(kinds);
        a->phi = json_is_boolean(phi) ? json_is_true(phi) : -1;
        a->used = 0;
        ev_namend++;

        json_decref(doc);
    }

    free(line);
    fclose(fp);
}


static ev_amend_t *
ev_amend_find(const char *id)
{
    size_t  k;

    for (k = 0; k < ev_namend; k++) {
        if (strcmp(ev_amend[k].id, id) == 0) {
            return &ev_amend[k];
        }
    }

    return NULL;
}


static void
ev_ids_print(const char *label, const ev_ids_t *l)
{
    size_t  k;

    if (l->n == 0) {
        return;
    }

    printf("%s (%zu):", label, l->n);

    for (k = 0; k < l->n && k < EV_IDS_MAX; k++) {
        printf(" %s", l->ids[k]);
    }

    printf("%s\n", l->n > EV_IDS_MAX ? " ..." : "");
}


static void
ev_free(ev_stats_t *s)
{
    int     t;
    size_t  k;

    for (k = 0; k < s->fb_ids.n; k++) {
        free(s->fb_ids.ids[k]);
    }

    free(s->fb_ids.ids);

    for (t = 0; t < PG_T__COUNT; t++) {
        for (k = 0; k < s->miss[t].n; k++) {
            free(s->miss[t].ids[k]);
        }

        for (k = 0; k < s->wrong[t].n; k++) {
            free(s->wrong[t].ids[k]);
        }

        free(s->miss[t].ids);
        free(s->wrong[t].ids);
    }

    memset(s, 0, sizeof(ev_stats_t));
}


static double
ev_pct(size_t n, size_t d)
{
    return d ? 100.0 * (double) n / (double) d : 0.0;
}
