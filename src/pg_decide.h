/*
 * Copyright (C) phigate authors
 *
 * The decision: what happens to an inspected request, and why.  Consent
 * and pre-approvals (Redis) join here in a later issue; the module only
 * acts on the verdict.
 */

#ifndef _PG_DECIDE_H_INCLUDED_
#define _PG_DECIDE_H_INCLUDED_


#include <time.h>

#include "pg_consent.h"
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
    unsigned              redis_fail_open:1; /* forward when the consent
                                                store cannot answer */
    unsigned              dm_block:1;    /* refuse every direct message */
    int                   block_status;  /* HTTP status for PHI blocks */
    pg_typeset_t          consent_never; /* types no consent covers */
    pg_typeset_t          record_only;   /* types recorded that do not by
                                            themselves hold a post back
                                            (MEDIA unless phigate_media
                                            consent) */
} pg_policy_t;


/* what the consent store said about a request */
typedef struct {
    unsigned              unavailable:1; /* it could not answer in time */
    unsigned              token:1;       /* a consent token was presented */
    unsigned              revoked:1;     /* a credential is revoked */
    unsigned              cred_unknown:1; /* a credential could not be
                                             checked (store unavailable) */
    const pg_consent_t   *consent;       /* the token's record, or NULL */
    const char *const    *approval;      /* the post's approval record:
                                            HGETALL's keys and values */
    const size_t         *approval_len;
    size_t                approval_n;
    const char           *platform;
    time_t                now;
} pg_grants_t;


typedef struct {
    pg_decision_t         decision;
    const char           *reason;        /* "clean", "phi_detected", or
                                            pg_status_name() */
    int                   http_status;   /* answer when blocked */
} pg_verdict_t;


/* the verdict on what the request carries */
void pg_decide(const pg_policy_t *p, const pg_inspection_t *in,
    pg_verdict_t *out);

/* 1 when the verdict may change with what the consent store says */
int pg_decide_needs_grants(const pg_verdict_t *v);

/*
 * The verdict once the consent store answered: a revoked credential is
 * refused whatever the request carries ("credential_revoked"); an
 * approval of the exact post allows it ("approved"); a presented consent
 * token allows it when its record covers every finding, or names why not;
 * a store that cannot answer blocks a post with findings
 * ("consent_unavailable") unless redis_fail_open.
 */
void pg_decide_grants(const pg_policy_t *p, const pg_inspection_t *in,
    const pg_grants_t *g, pg_verdict_t *out);

/* 1 when an approval record (HGETALL's reply) is present and current */
int pg_approval_current(const char *const *kv, const size_t *kv_len,
    size_t n, const char *platform, time_t now);

const char *pg_decision_name(pg_decision_t d);
const char *pg_mode_name(pg_mode_t m);

/* the HTTP status that best names why a request could not be inspected */
int pg_status_http(pg_status_t st);


#endif /* _PG_DECIDE_H_INCLUDED_ */
