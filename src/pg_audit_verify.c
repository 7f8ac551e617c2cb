/*
 * Copyright (C) phigate authors
 *
 * All lines of all files are hashed first and indexed by hash, so that a
 * link that fails can be told apart: a prev naming a line elsewhere in
 * the files is a reordering, one naming no line at all is an edit or a
 * deletion.  Memory is about 100 bytes a record; an audit log of a few
 * million records is verified in a few hundred megabytes.
 */


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/evp.h>

#include "pg_audit_verify.h"
#include "pg_chain.h"


#define PG_HASH_LEN  32

#define PG_PREV_NONE     0
#define PG_PREV_GENESIS  1
#define PG_PREV_HASH     2


typedef struct {
    size_t          file;
    size_t          line;
    unsigned char   hash[PG_HASH_LEN];
    unsigned char   prev[PG_HASH_LEN];
    unsigned char   prev_kind;     /* PG_PREV_* */
    unsigned char   bad;           /* 0 or PG_VERIFY_MALFORMED, _TRUNCATED */
    unsigned char   why;           /* PG_VBAD_* when malformed */
} pg_vline_t;


struct pg_verify_s {
    char          **names;
    size_t          nfiles;
    size_t          cfiles;

    pg_vline_t     *lines;
    size_t          n;
    size_t          cap;

    size_t         *index;         /* line numbers sorted by hash */

    int             have_time;
    char            first_time[PG_VERIFY_TIME_MAX];
    char            last_time[PG_VERIFY_TIME_MAX];
};


static int pg_verify_line(pg_verify_t *v, size_t file, size_t line,
    const char *p, size_t len, int truncated);
static int pg_verify_hex(const char *s, size_t len, unsigned char *out);
static void pg_verify_tohex(const unsigned char *h, char *out);
static int pg_verify_cmp(const void *a, const void *b);
static size_t pg_verify_find(const pg_verify_t *v, const unsigned char *h,
    size_t *count);
static void pg_verify_problem(pg_verify_result_t *res,
    pg_verify_kind_t kind, const pg_vline_t *l, const pg_vline_t *other,
    int detail);


/* qsort() has no context argument: the lines being sorted */
static const pg_vline_t  *pg_verify_sorting;


pg_verify_t *
pg_verify_create(void)
{
    return calloc(1, sizeof(pg_verify_t));
}


void
pg_verify_destroy(pg_verify_t *v)
{
    size_t  i;

    if (v == NULL) {
        return;
    }

    for (i = 0; i < v->nfiles; i++) {
        free(v->names[i]);
    }

    free(v->names);
    free(v->lines);
    free(v->index);
    free(v);
}


const char *
pg_verify_file(const pg_verify_t *v, size_t i)
{
    return i < v->nfiles ? v->names[i] : "-";
}


int
pg_verify_add(pg_verify_t *v, const char *name, const char *buf,
    size_t len)
{
    char         **names;
    size_t         file, line, start, end;
    const char    *nl;

    if (v->nfiles == v->cfiles) {
        names = realloc(v->names, (v->cfiles * 2 + 4) * sizeof(char *));
        if (names == NULL) {
            return -1;
        }

        v->names = names;
        v->cfiles = v->cfiles * 2 + 4;
    }

    v->names[v->nfiles] = strdup(name ? name : "-");
    if (v->names[v->nfiles] == NULL) {
        return -1;
    }

    file = v->nfiles++;
    line = 0;

    for (start = 0; start < len; start = end + 1) {
        nl = memchr(buf + start, '\n', len - start);
        end = nl ? (size_t) (nl - buf) : len;

        if (pg_verify_line(v, file, ++line, buf + start, end - start,
                           nl == NULL)
            != 0)
        {
            return -1;
        }
    }

    return 0;
}


int
pg_verify_run(pg_verify_t *v, const char *start, const char *tail,
    pg_verify_result_t *res)
{
    int                 seen;
    size_t              i, j, k, cnt, *idx;
    pg_vline_t         *l;
    unsigned char       anchor[PG_HASH_LEN], tail_h[PG_HASH_LEN];
    const pg_vline_t   *prevl;

    memset(res, 0, sizeof(pg_verify_result_t));

    if (start && (!pg_chain_valid_prev(start, strlen(start))
                  || (strcmp(start, PG_CHAIN_GENESIS) != 0
                      && pg_verify_hex(start, strlen(start), anchor) != 0)))
    {
        return -1;
    }

    if (tail && pg_verify_hex(tail, strlen(tail), tail_h) != 0) {
        return -1;
    }

    res->files = v->nfiles;
    res->records = v->n;

    if (v->have_time) {
        memcpy(res->first_time, v->first_time, PG_VERIFY_TIME_MAX);
        memcpy(res->last_time, v->last_time, PG_VERIFY_TIME_MAX);
    }

    if (v->n) {
        pg_verify_tohex(v->lines[v->n - 1].hash, res->last_hash);
    }

    free(v->index);
    v->index = NULL;

    if (v->n) {
        idx = malloc(v->n * sizeof(size_t));
        if (idx == NULL) {
            return -1;
        }

        for (i = 0; i < v->n; i++) {
            idx[i] = i;
        }

        pg_verify_sorting = v->lines;
        qsort(idx, v->n, sizeof(size_t), pg_verify_cmp);
        pg_verify_sorting = NULL;

        v->index = idx;
    }

    seen = 0;

    for (i = 0; i < v->n; i++) {
        l = &v->lines[i];
        prevl = i ? &v->lines[i - 1] : NULL;

        /* the first copy of a line stands, later ones are the problem */
        j = pg_verify_find(v, l->hash, &cnt);
        if (cnt > 1 && j < i) {
            pg_verify_problem(res, PG_VERIFY_DUPLICATE, l, &v->lines[j], 0);
            seen |= (l->prev_kind != PG_PREV_NONE);
            continue;
        }

        if (l->bad) {
            pg_verify_problem(res, l->bad, l, NULL, l->why);
            continue;
        }

        if (l->prev_kind == PG_PREV_NONE) {
            if (seen) {
                pg_verify_problem(res, PG_VERIFY_UNCHAINED, l, NULL, 0);
            } else {
                res->unchained++;
            }

            continue;
        }

        res->chained++;

        if (!seen) {
            seen = 1;

            if (start) {
                if (l->prev_kind == PG_PREV_GENESIS
                    ? strcmp(start, PG_CHAIN_GENESIS) != 0
                    : (strcmp(start, PG_CHAIN_GENESIS) == 0
                       || memcmp(l->prev, anchor, PG_HASH_LEN) != 0))
                {
                    pg_verify_problem(res, PG_VERIFY_START, l, NULL, 0);
                }

                continue;
            }

            if (l->prev_kind == PG_PREV_GENESIS) {
                continue;
            }

            /* chaining may begin on a log of unchained records */
            if (prevl && memcmp(l->prev, prevl->hash, PG_HASH_LEN) == 0) {
                continue;
            }

            k = pg_verify_find(v, l->prev, &cnt);

            if (cnt) {
                pg_verify_problem(res, PG_VERIFY_REORDERED, l,
                                  &v->lines[k], 0);

            } else if (prevl) {
                pg_verify_problem(res, PG_VERIFY_BROKEN, l, prevl, 0);

            } else {
                /* rotated files before these were not given */
                res->starts_linked = 1;
            }

            continue;
        }

        if (l->prev_kind == PG_PREV_GENESIS) {
            if (res->restarts++ == 0) {
                res->restart_file = l->file;
                res->restart_line = l->line;
            }

            continue;
        }

        if (memcmp(l->prev, prevl->hash, PG_HASH_LEN) == 0) {
            continue;
        }

        k = pg_verify_find(v, l->prev, &cnt);

        if (cnt) {
            pg_verify_problem(res, PG_VERIFY_REORDERED, l, &v->lines[k], 0);
        } else {
            pg_verify_problem(res, PG_VERIFY_BROKEN, l, prevl, 0);
        }
    }

    if (tail) {
        (void) pg_verify_find(v, tail_h, &cnt);

        if (cnt == 0) {
            pg_verify_problem(res, PG_VERIFY_TAIL, NULL, NULL, 0);
        }
    }

    return 0;
}


const char *
pg_verify_kind_name(pg_verify_kind_t kind)
{
    switch (kind) {
    case PG_VERIFY_MALFORMED:
        return "malformed";
    case PG_VERIFY_TRUNCATED:
        return "truncated";
    case PG_VERIFY_BROKEN:
        return "broken";
    case PG_VERIFY_REORDERED:
        return "reordered";
    case PG_VERIFY_DUPLICATE:
        return "duplicate";
    case PG_VERIFY_UNCHAINED:
        return "unchained";
    case PG_VERIFY_START:
        return "start";
    case PG_VERIFY_TAIL:
        return "tail";
    }

    return "unknown";
}


size_t
pg_verify_describe(const pg_verify_t *v, const pg_verify_problem_t *p,
    char *buf, size_t size)
{
    int          n;
    const char  *f, *of, *why;

    if (size == 0) {
        return 0;
    }

    f = pg_verify_file(v, p->file);
    of = pg_verify_file(v, p->other_file);

    switch (p->kind) {

    case PG_VERIFY_MALFORMED:
        why = p->detail == PG_VBAD_EMPTY ? "an empty line"
              : p->detail == PG_VBAD_JSON ? "not valid JSON"
              : p->detail == PG_VBAD_OBJECT ? "not a JSON object"
              : "\"prev\" is neither \"genesis\" nor a lowercase sha256";
        n = snprintf(buf, size, "%s:%zu: malformed record: %s",
                     f, p->line, why);
        break;

    case PG_VERIFY_TRUNCATED:
        n = snprintf(buf, size, "%s:%zu: truncated: the last line has no "
                     "newline (a record cut short by a crash or a full "
                     "disk, or the file cut)", f, p->line);
        break;

    case PG_VERIFY_BROKEN:
        if (p->other_file != p->file) {
            n = snprintf(buf, size, "%s:%zu: chain broken across files: "
                         "prev matches no line given; the last record of "
                         "%s (line %zu) was edited, records were deleted "
                         "around the rotation, or a file between them is "
                         "missing", f, p->line, of, p->other_line);
        } else {
            n = snprintf(buf, size, "%s:%zu: chain broken: prev matches no "
                         "line given; line %zu before it was edited, or "
                         "records between lines %zu and %zu were deleted",
                         f, p->line, p->other_line, p->other_line, p->line);
        }
        break;

    case PG_VERIFY_REORDERED:
        n = snprintf(buf, size, "%s:%zu: out of order: prev is the hash of "
                     "%s:%zu, not of the line before it (records moved or "
                     "inserted, or files given out of order)", f, p->line,
                     of, p->other_line);
        break;

    case PG_VERIFY_DUPLICATE:
        n = snprintf(buf, size, "%s:%zu: duplicate: the same bytes as "
                     "%s:%zu (a record copied or replayed)", f, p->line, of,
                     p->other_line);
        break;

    case PG_VERIFY_UNCHAINED:
        n = snprintf(buf, size, "%s:%zu: no \"prev\" after chained records "
                     "(a record inserted, or its prev removed)", f,
                     p->line);
        break;

    case PG_VERIFY_START:
        n = snprintf(buf, size, "%s:%zu: the first chained record does not "
                     "link to the start anchor: records before it are "
                     "missing or were changed", f, p->line);
        break;

    case PG_VERIFY_TAIL:
        n = snprintf(buf, size, "the anchored tail line is in none of the "
                     "files: the log was truncated or rewritten after it "
                     "was anchored");
        break;

    default:
        n = snprintf(buf, size, "%s:%zu: unknown problem", f, p->line);
        break;
    }

    if (n < 0) {
        buf[0] = '\0';
        return 0;
    }

    return (size_t) n < size ? (size_t) n : size - 1;
}


static int
pg_verify_line(pg_verify_t *v, size_t file, size_t line, const char *p,
    size_t len, int truncated)
{
    size_t         cap;
    json_t        *o, *prev, *t;
    pg_vline_t    *l, *lines;
    const char    *s;
    json_error_t   err;

    if (v->n == v->cap) {
        cap = v->cap ? v->cap * 2 : 256;
        lines = realloc(v->lines, cap * sizeof(pg_vline_t));
        if (lines == NULL) {
            return -1;
        }

        v->lines = lines;
        v->cap = cap;
    }

    l = &v->lines[v->n++];
    memset(l, 0, sizeof(pg_vline_t));
    l->file = file;
    l->line = line;

    if (EVP_Digest(p, len, l->hash, NULL, EVP_sha256(), NULL) != 1) {
        return -1;
    }

    if (truncated) {
        l->bad = PG_VERIFY_TRUNCATED;
        return 0;
    }

    if (len == 0) {
        l->bad = PG_VERIFY_MALFORMED;
        l->why = PG_VBAD_EMPTY;
        return 0;
    }

    /* a repeated key could carry a second, unchecked "prev" */
    o = json_loadb(p, len, JSON_REJECT_DUPLICATES, &err);

    if (o == NULL) {
        l->bad = PG_VERIFY_MALFORMED;
        l->why = PG_VBAD_JSON;
        return 0;
    }

    if (!json_is_object(o)) {
        json_decref(o);
        l->bad = PG_VERIFY_MALFORMED;
        l->why = PG_VBAD_OBJECT;
        return 0;
    }

    prev = json_object_get(o, "prev");

    if (prev != NULL) {
        s = json_string_value(prev);

        if (s == NULL
            || !pg_chain_valid_prev(s, json_string_length(prev)))
        {
            l->bad = PG_VERIFY_MALFORMED;
            l->why = PG_VBAD_PREV;

        } else if (strcmp(s, PG_CHAIN_GENESIS) == 0) {
            l->prev_kind = PG_PREV_GENESIS;

        } else {
            l->prev_kind = PG_PREV_HASH;
            (void) pg_verify_hex(s, PG_SHA256_HEX, l->prev);
        }
    }

    t = json_object_get(o, "time");
    s = json_string_value(t);

    if (s != NULL && json_string_length(t) < PG_VERIFY_TIME_MAX
        && strlen(s) == json_string_length(t))
    {
        if (!v->have_time) {
            memcpy(v->first_time, s, json_string_length(t) + 1);
            v->have_time = 1;
        }

        memcpy(v->last_time, s, json_string_length(t) + 1);
    }

    json_decref(o);

    return 0;
}


/* 64 lowercase hex digits into 32 bytes; -1 otherwise */
static int
pg_verify_hex(const char *s, size_t len, unsigned char *out)
{
    size_t  i;
    int     hi, lo;

    if (len != PG_SHA256_HEX) {
        return -1;
    }

    for (i = 0; i < PG_HASH_LEN; i++) {
        hi = s[2 * i];
        lo = s[2 * i + 1];

        hi = (hi >= '0' && hi <= '9') ? hi - '0'
             : (hi >= 'a' && hi <= 'f') ? hi - 'a' + 10 : -1;
        lo = (lo >= '0' && lo <= '9') ? lo - '0'
             : (lo >= 'a' && lo <= 'f') ? lo - 'a' + 10 : -1;

        if (hi < 0 || lo < 0) {
            return -1;
        }

        out[i] = (unsigned char) (hi << 4 | lo);
    }

    return 0;
}


static void
pg_verify_tohex(const unsigned char *h, char *out)
{
    size_t  i;

    static const char  digits[] = "0123456789abcdef";

    for (i = 0; i < PG_HASH_LEN; i++) {
        out[2 * i] = digits[h[i] >> 4];
        out[2 * i + 1] = digits[h[i] & 0xf];
    }

    out[PG_SHA256_HEX] = '\0';
}


/* by hash, then by position, so the first of equal lines sorts first */
static int
pg_verify_cmp(const void *a, const void *b)
{
    int     c;
    size_t  x, y;

    x = *(const size_t *) a;
    y = *(const size_t *) b;

    c = memcmp(pg_verify_sorting[x].hash, pg_verify_sorting[y].hash,
               PG_HASH_LEN);
    if (c != 0) {
        return c;
    }

    return x < y ? -1 : (x > y);
}


/*
 * The first line (by position) whose hash is h, and how many lines have
 * it; *count 0 when none does.
 */
static size_t
pg_verify_find(const pg_verify_t *v, const unsigned char *h, size_t *count)
{
    int     c;
    size_t  lo, hi, mid, first;

    *count = 0;

    if (v->index == NULL) {
        return 0;
    }

    lo = 0;
    hi = v->n;

    /* lower bound */
    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = memcmp(v->lines[v->index[mid]].hash, h, PG_HASH_LEN);

        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }

    first = lo;

    while (lo < v->n
           && memcmp(v->lines[v->index[lo]].hash, h, PG_HASH_LEN) == 0)
    {
        lo++;
    }

    *count = lo - first;

    return *count ? v->index[first] : 0;
}


static void
pg_verify_problem(pg_verify_result_t *res, pg_verify_kind_t kind,
    const pg_vline_t *l, const pg_vline_t *other, int detail)
{
    pg_verify_problem_t  *p;

    if (res->kept < PG_VERIFY_KEEP) {
        p = &res->problem[res->kept++];
        p->kind = kind;
        p->file = l ? l->file : 0;
        p->line = l ? l->line : 0;
        p->other_file = other ? other->file : 0;
        p->other_line = other ? other->line : 0;
        p->detail = detail;
    }

    res->problems++;
}
