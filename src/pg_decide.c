/*
 * Copyright (C) phigate authors
 */


#include <stdlib.h>
#include <string.h>

#include "pg_decide.h"


static int pg_decide_holds(const pg_policy_t *p, const pg_findings_t *f);


/*
 * 1 when a finding holds the post back: one not recorded only, by its
 * type or by its rule's "log" severity
 */
static int
pg_decide_holds(const pg_policy_t *p, const pg_findings_t *f)
{
    size_t  i;

    for (i = 0; i < f->n; i++) {
        if (f->items[i].log_only) {
            continue;
        }

        if ((unsigned) f->items[i].type >= PG_T__COUNT
            || !(PG_TYPESET(f->items[i].type) & p->record_only))
        {
            return 1;
        }
    }

    return 0;
}


void
pg_decide(const pg_policy_t *p, const pg_inspection_t *in, pg_verdict_t *out)
{
    if (in->status != PG_OK) {
        out->reason = pg_status_name(in->status);
        out->http_status = pg_status_http(in->status);

        /* monitor mode forwards everything and records what it saw */
        out->decision = (p->mode == PG_MODE_MONITOR || p->fail_open)
                        ? PG_DECISION_MONITOR : PG_DECISION_BLOCK;
        return;
    }

    if (in->dm && p->dm_block) {
        out->reason = "dm_blocked";
        out->http_status = p->block_status;
        out->decision = (p->mode == PG_MODE_MONITOR) ? PG_DECISION_MONITOR
                                                     : PG_DECISION_BLOCK;
        return;
    }

    if (!pg_decide_holds(p, &in->findings)) {
        out->decision = PG_DECISION_ALLOW;
        out->reason = "clean";
        out->http_status = 0;
        return;
    }

    out->reason = "phi_detected";
    out->http_status = p->block_status;
    out->decision = (p->mode == PG_MODE_MONITOR) ? PG_DECISION_MONITOR
                                                 : PG_DECISION_BLOCK;
}


int
pg_decide_needs_grants(const pg_verdict_t *v)
{
    /* clean posts need no round trip; uninspectable ones get no grant */
    return v->decision != PG_DECISION_ALLOW && v->reason != NULL
           && strcmp(v->reason, "phi_detected") == 0;
}


void
pg_decide_grants(const pg_policy_t *p, const pg_inspection_t *in,
    const pg_grants_t *g, pg_verdict_t *out)
{
    pg_typeset_t          uncovered;
    pg_consent_outcome_t  o;

    pg_decide(p, in, out);

    if (g->revoked) {
        /* who is posting comes before what is posted */
        out->reason = "credential_revoked";
        out->http_status = p->block_status;
        out->decision = (p->mode == PG_MODE_MONITOR) ? PG_DECISION_MONITOR
                                                     : PG_DECISION_BLOCK;
        return;
    }

    /*
     * A credential the store could not be asked about does not stop a
     * clean post: an outage of the store must not stop all posting.  A
     * post with findings needed the store anyway.
     */
    if (!pg_decide_needs_grants(out)) {
        return;
    }

    if (g->unavailable || g->cred_unknown) {
        out->reason = "consent_unavailable";
        out->http_status = 503;

        if (p->redis_fail_open) {
            out->decision = PG_DECISION_MONITOR;
        }

        return;
    }

    if (g->approval_n
        && pg_approval_current(g->approval, g->approval_len, g->approval_n,
                               g->platform, g->now))
    {
        out->decision = PG_DECISION_ALLOW;
        out->reason = "approved";
        out->http_status = 0;
        return;
    }

    if (!g->token) {
        return;
    }

    o = pg_consent_evaluate(&in->findings, g->platform, in->dm, g->now,
                            g->consent, p->consent_never, &uncovered);

    /* what the consent leaves uncovered may be recorded only (MEDIA) */
    if (o == PG_CONSENT_KIND && !(uncovered & ~p->record_only)) {
        o = PG_CONSENT_ALLOW;
    }

    out->reason = pg_consent_reason(o);

    if (o == PG_CONSENT_ALLOW) {
        out->decision = PG_DECISION_ALLOW;
        out->http_status = 0;
    }
}


/*
 * An approval record has "approved_by" and "expires" (unix seconds), and
 * may name the one "platform" it is for; one without a future expiry is
 * not an approval (docs/consent.md).
 */
int
pg_approval_current(const char *const *kv, const size_t *kv_len, size_t n,
    const char *platform, time_t now)
{
    int         by, here;
    char       *end;
    char        buf[24];
    size_t      i;
    long long   exp;

    exp = -1;
    by = 0;
    here = 1;

    for (i = 0; i + 1 < n; i += 2) {
        if (kv_len[i] == 11 && memcmp(kv[i], "approved_by", 11) == 0) {
            by = kv_len[i + 1] > 0;

        } else if (kv_len[i] == 7 && memcmp(kv[i], "expires", 7) == 0
                   && kv_len[i + 1] > 0 && kv_len[i + 1] < sizeof(buf))
        {
            memcpy(buf, kv[i + 1], kv_len[i + 1]);
            buf[kv_len[i + 1]] = '\0';
            exp = strtoll(buf, &end, 10);

            if (*end != '\0') {
                exp = -1;
            }

        } else if (kv_len[i] == 8 && memcmp(kv[i], "platform", 8) == 0) {
            /* an approval for one platform is no approval elsewhere */
            here = platform != NULL && strlen(platform) == kv_len[i + 1]
                   && memcmp(kv[i + 1], platform, kv_len[i + 1]) == 0;
        }
    }

    return by && here && exp > (long long) now;
}


const char *
pg_decision_name(pg_decision_t d)
{
    switch (d) {
    case PG_DECISION_ALLOW:
        return "allow";
    case PG_DECISION_BLOCK:
        return "block";
    default:
        return "monitor";
    }
}


const char *
pg_mode_name(pg_mode_t m)
{
    return m == PG_MODE_MONITOR ? "monitor" : "enforce";
}


int
pg_status_http(pg_status_t st)
{
    switch (st) {
    case PG_OK:
        return 200;
    case PG_ERR_ENCODING:
        return 415;                 /* Unsupported Media Type */
    case PG_ERR_TOO_LARGE:
        return 413;                 /* Content Too Large */
    case PG_ERR_MALFORMED_JSON:
    case PG_ERR_MALFORMED_FORM:
    case PG_ERR_MALFORMED_MULTIPART:
    case PG_ERR_TOO_COMPLEX:
    case PG_ERR_BODY_UNREADABLE:
        return 400;
    default:
        return 500;
    }
}
