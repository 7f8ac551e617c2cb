/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_decide.h"


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

    if (in->findings.n == 0) {
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
    pg_consent_outcome_t  o;

    pg_decide(p, in, out);

    if (!pg_decide_needs_grants(out)) {
        return;
    }

    if (g->unavailable) {
        out->reason = "consent_unavailable";
        out->http_status = 503;

        if (p->redis_fail_open) {
            out->decision = PG_DECISION_MONITOR;
        }

        return;
    }

    if (g->approved) {
        out->decision = PG_DECISION_ALLOW;
        out->reason = "approved";
        out->http_status = 0;
        return;
    }

    if (!g->token) {
        return;
    }

    o = pg_consent_evaluate(&in->findings, g->platform, in->dm, g->now,
                            g->consent, p->consent_never, NULL);

    out->reason = pg_consent_reason(o);

    if (o == PG_CONSENT_ALLOW) {
        out->decision = PG_DECISION_ALLOW;
        out->http_status = 0;
    }
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
