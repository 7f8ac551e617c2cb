/*
 * Copyright (C) phigate authors
 *
 * The decision: what happens to an inspected request, and why.  Consent
 * and pre-approvals (Redis) join here in a later issue; the module only
 * acts on the verdict.
 */

#ifndef _PG_DECIDE_H_INCLUDED_
#define _PG_DECIDE_H_INCLUDED_


#include "pg_inspect.h"


typedef enum {
    PG_MODE_ENFORCE = 0,
    PG_MODE_MONITOR
} pg_mode_t;


typedef enum {
    PG_DECISION_ALLOW = 0,      /* clean: forwarded */
    PG_DECISION_BLOCK,          /* refused, nothing forwarded */
    PG_DECISION_MONITOR         /* would have been blocked; forwarded */
} pg_decision_t;


typedef struct {
    pg_mode_t             mode;
    unsigned              fail_open:1;   /* forward what cannot be read */
    int                   block_status;  /* HTTP status for PHI blocks */
} pg_policy_t;


typedef struct {
    pg_decision_t         decision;
    const char           *reason;        /* "clean", "phi_detected", or
                                            pg_status_name() */
    int                   http_status;   /* answer when blocked */
} pg_verdict_t;


void pg_decide(const pg_policy_t *p, const pg_inspection_t *in,
    pg_verdict_t *out);

const char *pg_decision_name(pg_decision_t d);
const char *pg_mode_name(pg_mode_t m);

/* the HTTP status that best names why a request could not be inspected */
int pg_status_http(pg_status_t st);


#endif /* _PG_DECIDE_H_INCLUDED_ */
