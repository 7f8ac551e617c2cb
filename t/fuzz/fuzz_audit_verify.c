/*
 * Copyright (C) phigate authors
 *
 * Arbitrary bytes as audit files (split at 0x1e, up to four files) into
 * the verifier of phigate-audit verify.  Whatever the input, the result
 * must be consistent with it; and the input's JSON object lines, once
 * chained with pg_chain_link(), must verify intact: what the module
 * writes, the verifier accepts.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pg_audit_verify.h"
#include "pg_chain.h"


#define FZ_FILES  4


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_check(const pg_verify_t *v, const pg_verify_result_t *r,
    size_t nfiles, const size_t *lines);
static void fz_chain_property(const char *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char                 name[8];
    size_t               i, n, start, end, lines[FZ_FILES];
    const char          *p;
    pg_verify_t         *v;
    pg_verify_result_t   r;

    p = (const char *) data;

    v = pg_verify_create();
    if (v == NULL) {
        return 0;
    }

    n = 0;

    for (start = 0; start <= size && n < FZ_FILES; start = end + 1) {
        end = start;

        while (end < size && (p[end] != '\x1e' || n == FZ_FILES - 1)) {
            end++;
        }

        /* lines as the verifier counts them: a last one without "\n" too */
        lines[n] = 0;

        for (i = start; i < end; i++) {
            lines[n] += (p[i] == '\n');
        }

        lines[n] += (end > start && p[end - 1] != '\n');

        name[0] = 'f';
        name[1] = (char) ('0' + n);
        name[2] = '\0';

        if (pg_verify_add(v, name, p + start, end - start) != 0) {
            pg_verify_destroy(v);
            return 0;
        }

        n++;

        if (end >= size) {
            break;
        }
    }

    if (pg_verify_run(v, NULL, NULL, &r) == 0) {
        fz_check(v, &r, n, lines);

        /* anchored on its own last line, the tail anchor must hold */
        if (r.last_hash[0]) {
            char  tail[PG_SHA256_HEX + 1];

            memcpy(tail, r.last_hash, sizeof(tail));

            if (pg_verify_run(v, "genesis", tail, &r) == 0) {
                fz_check(v, &r, n, lines);

                for (i = 0; i < r.kept; i++) {
                    if (r.problem[i].kind == PG_VERIFY_TAIL) {
                        abort();
                    }
                }
            }
        }
    }

    pg_verify_destroy(v);

    fz_chain_property(p, size);

    return 0;
}


static void
fz_check(const pg_verify_t *v, const pg_verify_result_t *r, size_t nfiles,
    const size_t *lines)
{
    char    msg[512];
    size_t  i, total, len;

    total = 0;

    for (i = 0; i < nfiles; i++) {
        total += lines[i];
    }

    if (r->files != nfiles || r->records != total
        || r->kept > PG_VERIFY_KEEP || r->kept > r->problems
        || (r->problems > 0 && r->kept == 0)
        || r->chained + r->unchained > r->records)
    {
        abort();
    }

    for (i = 0; i < r->kept; i++) {
        if (r->problem[i].kind != PG_VERIFY_TAIL
            && (r->problem[i].file >= nfiles
                || r->problem[i].line == 0
                || r->problem[i].line > lines[r->problem[i].file]))
        {
            abort();
        }

        len = pg_verify_describe(v, &r->problem[i], msg, sizeof(msg));

        if (len >= sizeof(msg) || msg[len] != '\0' || len == 0) {
            abort();
        }
    }
}


/* every JSON object line without "prev", chained, must verify intact */
static void
fz_chain_property(const char *data, size_t size)
{
    int                  ok;
    char                 prev[PG_SHA256_HEX + 1], tail[PG_SHA256_HEX + 1];
    char                *buf, *out, *nb;
    size_t               start, end, n, len, cap, olen;
    json_t              *o;
    json_error_t         err;
    pg_verify_t         *v;
    pg_verify_result_t   r;

    memcpy(prev, PG_CHAIN_GENESIS, sizeof(PG_CHAIN_GENESIS));
    buf = NULL;
    len = 0;
    cap = 0;
    n = 0;

    for (start = 0; start < size; start = end + 1) {
        end = start;

        while (end < size && data[end] != '\n') {
            end++;
        }

        o = json_loadb(data + start, end - start, JSON_REJECT_DUPLICATES,
                       &err);

        ok = o != NULL && json_is_object(o)
             && json_object_get(o, "prev") == NULL;

        json_decref(o);

        if (!ok
            || pg_chain_link(prev, data + start, end - start, &out, &olen)
               != 0)
        {
            continue;
        }

        if (len + olen + 1 > cap) {
            cap = (len + olen + 1) * 2;
            nb = realloc(buf, cap);

            if (nb == NULL) {
                free(out);
                free(buf);
                return;
            }

            buf = nb;
        }

        memcpy(buf + len, out, olen);
        buf[len + olen] = '\n';

        if (pg_chain_hash(out, olen, prev) != 0) {
            abort();
        }

        len += olen + 1;
        n++;
        free(out);
    }

    if (n == 0) {
        free(buf);
        return;
    }

    v = pg_verify_create();

    if (v != NULL && pg_verify_add(v, "chained", buf, len) == 0
        && pg_verify_run(v, "genesis", prev, &r) == 0)
    {
        if (r.problems != 0 || r.records != n || r.chained != n
            || strcmp(r.last_hash, prev) != 0)
        {
            abort();
        }

        /* a writer reopening this log carries the chain on from here */
        if (pg_chain_tail(buf, len, 1, tail, NULL) != 1
            || strcmp(tail, prev) != 0)
        {
            abort();
        }
    }

    pg_verify_destroy(v);
    free(buf);
}
