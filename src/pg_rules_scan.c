/*
 * Copyright (C) phigate authors
 *
 * Running the custom rules over a field's normalised text.
 *
 * PCRE2's match, depth and heap limits stop a pattern that backtracks
 * without end, but they count per start position: a pattern that scans
 * to the end of the text from every position ("(?:\w|-)*+x") stays under
 * them and still costs the square of the text's length.  So every pattern
 * also carries a callout before each of its items (PCRE2_AUTO_CALLOUT)
 * that charges one step plus the distance the match moved since the last
 * callout, against a budget proportional to the text: the work a pattern
 * may do on a field is linear in the field's length.  A pattern over any
 * limit ends the scan with PG_ERR_TOO_COMPLEX, so the request fails
 * closed instead of passing unread.
 */


#include <stdlib.h>
#include <string.h>

#include "pg_rules_int.h"
#include "pg_text.h"


/* steps a pattern may take on a field of n bytes: MIN + PER_BYTE * n */
#define PG_RULES_STEPS_MIN       65536
#define PG_RULES_STEPS_PER_BYTE  32

#define PG_RULES_MATCH_LIMIT     100000
#define PG_RULES_DEPTH_LIMIT     10000
#define PG_RULES_HEAP_LIMIT      2048      /* KiB */

/* how far back a cue window of w words may reach: w * this many bytes */
#define PG_RULES_WORD_BYTES      (PG_CUE_MAX + 1)


struct pg_rules_run_s {
    const pg_rules_t        *rules;
    pg_arena_t              *arena;
    pcre2_match_context     *mctx;
    pcre2_match_data        *md;
    size_t                   left;       /* steps left to the pattern */
    size_t                   last;       /* position of the last callout */
};


static pg_status_t pg_rules_match(pg_rules_run_t *run, const pg_rule_t *r,
    const pcre2_code *code, const char *text, size_t len, uint32_t field,
    pg_findings_t *out, size_t base, size_t *hits);
static pg_status_t pg_rules_put(pg_rules_run_t *run, const pg_rule_t *r,
    uint32_t field, size_t off, size_t len, pg_findings_t *out, size_t base);
static int pg_rules_cued(const pg_rule_t *r, const char *t, size_t pos);
static int pg_rules_callout(pcre2_callout_block *cb, void *data);
static void *pg_rules_alloc(PCRE2_SIZE size, void *data);
static void pg_rules_nofree(void *p, void *data);
static int pg_rules_cmp(const void *a, const void *b);


pg_rules_run_t *
pg_rules_start(const pg_rules_t *rules, pg_arena_t *a)
{
    pg_rules_run_t           *run;
    pcre2_general_context    *gctx;

    run = pg_arena_calloc(a, sizeof(pg_rules_run_t));
    if (run == NULL) {
        return NULL;
    }

    run->rules = rules;
    run->arena = a;

    /* PCRE2's per-request memory comes from the request's arena too */
    gctx = pcre2_general_context_create(pg_rules_alloc, pg_rules_nofree, a);
    if (gctx == NULL) {
        return NULL;
    }

    run->mctx = pcre2_match_context_create(gctx);
    run->md = pcre2_match_data_create(1, gctx);

    if (run->mctx == NULL || run->md == NULL) {
        return NULL;
    }

    pcre2_set_match_limit(run->mctx, PG_RULES_MATCH_LIMIT);
    pcre2_set_depth_limit(run->mctx, PG_RULES_DEPTH_LIMIT);
    pcre2_set_heap_limit(run->mctx, PG_RULES_HEAP_LIMIT);
    pcre2_set_callout(run->mctx, pg_rules_callout, run);

    return run;
}


pg_status_t
pg_rules_scan(pg_rules_run_t *run, const char *text, size_t len,
    uint32_t field, pg_findings_t *out, size_t base)
{
    size_t              i, k, hits;
    pg_status_t         st;
    const pg_rule_t    *r;
    const pg_rules_t   *rules;

    rules = run->rules;

    for (i = 0; i < rules->n; i++) {
        r = &rules->items[i];
        hits = 0;

        for (k = 0; k < r->ncodes && hits < PG_RULE_HITS_MAX; k++) {
            st = pg_rules_match(run, r, r->codes[k], text, len, field, out,
                                base, &hits);
            if (st != PG_OK) {
                return st;
            }
        }
    }

    /* a match may have added a finding or widened one: keep the order */
    if (out->n - base > 1) {
        qsort(out->items + base, out->n - base, sizeof(pg_finding_t),
              pg_rules_cmp);
    }

    return PG_OK;
}


static pg_status_t
pg_rules_match(pg_rules_run_t *run, const pg_rule_t *r,
    const pcre2_code *code, const char *text, size_t len, uint32_t field,
    pg_findings_t *out, size_t base, size_t *hits)
{
    int          rc;
    size_t       start, s, e;
    PCRE2_SIZE  *ov;
    pg_status_t  st;

    run->left = PG_RULES_STEPS_MIN + PG_RULES_STEPS_PER_BYTE * len;

    for (start = 0; start < len && *hits < PG_RULE_HITS_MAX; /* void */) {
        run->last = start;

        rc = pcre2_match(code, (PCRE2_SPTR) text, len, start, 0, run->md,
                         run->mctx);

        if (rc == PCRE2_ERROR_NOMATCH) {
            break;
        }

        if (rc < 0) {
            /* a limit, the budget (PCRE2_ERROR_CALLOUT), the JIT stack */
            return rc == PCRE2_ERROR_NOMEMORY ? PG_ERR_NOMEM
                                              : PG_ERR_TOO_COMPLEX;
        }

        ov = pcre2_get_ovector_pointer(run->md);
        s = ov[0];
        e = ov[1];

        if (e <= s || e <= start) {
            /* nothing matched: go on at the next character */
            do {
                start++;
            } while (start < len && ((unsigned char) text[start] & 0xc0)
                                    == 0x80);

            continue;
        }

        start = e;

        if (r->ncues && !pg_rules_cued(r, text, s)) {
            continue;
        }

        st = pg_rules_put(run, r, field, s, e - s, out, base);
        if (st != PG_OK) {
            return st;
        }

        (*hits)++;
    }

    return PG_OK;
}


/*
 * One identifier is one finding: a match over a finding of its type (for
 * CUSTOM, of its rule) widens that finding, which blocks if either does;
 * a "log" rule cannot make a built-in finding harmless.
 */
static pg_status_t
pg_rules_put(pg_rules_run_t *run, const pg_rule_t *r, uint32_t field,
    size_t off, size_t len, pg_findings_t *out, size_t base)
{
    size_t         i, end;
    pg_finding_t  *f;

    for (i = base; i < out->n; i++) {
        f = &out->items[i];

        if (f->type != r->type || f->off >= off + len
            || off >= f->off + f->len
            || (r->type == PG_T_CUSTOM && f->rule != r->name))
        {
            continue;
        }

        end = f->off + f->len > off + len ? f->off + f->len : off + len;
        f->off = f->off < off ? f->off : off;
        f->len = end - f->off;
        f->log_only = f->log_only && r->log_only;

        return PG_OK;
    }

    if (pg_findings_add(out, run->arena, r->type, field, off, len,
                        PG_RULE_CONFIDENCE)
        != PG_OK)
    {
        return PG_ERR_NOMEM;
    }

    f = &out->items[out->n - 1];
    f->rule = r->name;
    f->log_only = r->log_only;

    return PG_OK;
}


/*
 * A cue of the rule lies wholly within its window of words before pos.
 * Not pg_cue_before(): that one indexes cue lists by their address, once,
 * which suits the engine's static lists, not a configuration's that come
 * and go with reloads.
 */
static int
pg_rules_cued(const pg_rule_t *r, const char *t, size_t pos)
{
    size_t  s, k;

    s = pg_back_words(t, pos, r->window, r->window * PG_RULES_WORD_BYTES);

    for ( /* void */ ; s < pos; s++) {
        if (!pg_isalpha(t[s]) || !pg_word_start(t, s)) {
            continue;
        }

        for (k = 0; k < r->ncues; k++) {
            /* the cue must end before pos: match against t[0, pos) */
            if (pg_cue_at(t, pos, s, r->cues[k]) != 0) {
                return 1;
            }
        }
    }

    return 0;
}


static int
pg_rules_callout(pcre2_callout_block *cb, void *data)
{
    pg_rules_run_t  *run = data;

    size_t  pos, cost;

    pos = cb->current_position;
    cost = 1 + (pos > run->last ? pos - run->last : run->last - pos);
    run->last = pos;

    if (cost > run->left) {
        run->left = 0;
        return PCRE2_ERROR_CALLOUT;
    }

    run->left -= cost;

    return 0;
}


static void *
pg_rules_alloc(PCRE2_SIZE size, void *data)
{
    return pg_arena_alloc(data, size);
}


static void
pg_rules_nofree(void *p, void *data)
{
    /* the arena releases everything when the request ends */
}


static int
pg_rules_cmp(const void *a, const void *b)
{
    const pg_finding_t  *x = a, *y = b;

    if (x->off != y->off) {
        return x->off < y->off ? -1 : 1;
    }

    return (x->type > y->type) - (x->type < y->type);
}
