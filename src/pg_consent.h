/*
 * Copyright (C) phigate authors
 *
 * Patient consent: a record in Redis (docs/consent.md) that lets a post
 * carry the identifier kinds a patient authorised, on the platforms and
 * for the period the patient agreed to.  Everything here is a pure
 * function of its arguments: the module fetches the record (HGETALL) and
 * hands the reply's strings over; the unit tests do the same by hand.
 */

#ifndef _PG_CONSENT_H_INCLUDED_
#define _PG_CONSENT_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "pg_finding.h"


#define PG_CONSENT_KEY_PREFIX   "phigate:consent:"
#define PG_CONSENT_HEADER       "X-PHI-Consent"

#define PG_TOKEN_MIN            8
#define PG_TOKEN_MAX            128

/* the longest key pg_consent_key() writes, without the NUL */
#define PG_CONSENT_KEY_MAX      (sizeof(PG_CONSENT_KEY_PREFIX) - 1         \
                                 + PG_TOKEN_MAX)

#define PG_CONSENT_PLATFORMS    16
#define PG_CONSENT_NAME_MAX     32

/* a set of pg_type_t: bit t is type t */
typedef uint64_t  pg_typeset_t;

#define PG_TYPESET(t)           ((pg_typeset_t) 1 << (t))

/*
 * Identifiers no consent can cover, unless the operator says otherwise
 * (phigate_consent_never): they identify a person outside any story.
 */
#define PG_CONSENT_NEVER_DEFAULT                                             \
    (PG_TYPESET(PG_T_SSN) | PG_TYPESET(PG_T_MRN)                             \
     | PG_TYPESET(PG_T_HEALTH_PLAN) | PG_TYPESET(PG_T_ACCOUNT)               \
     | PG_TYPESET(PG_T_LICENSE))


typedef enum {
    PG_CONSENT_ABSENT = 0,      /* no token presented, or no such record */
    PG_CONSENT_PARSED,          /* a well-formed record: fields are set */
    PG_CONSENT_GARBLED          /* unusable token or record: see .why */
} pg_consent_state_t;


/*
 * A parsed record.  It holds no pointer into the reply it was parsed
 * from, so the module may free the reply, or copy the record into a
 * cache, as soon as pg_consent_parse() returns.  The patient reference
 * is checked to be present but not kept: the gateway has no use for it.
 */
typedef struct {
    pg_consent_state_t    state;
    const char           *why;          /* GARBLED: a static string naming
                                           the field ("expires") */
    pg_typeset_t          kinds;
    time_t                expires;
    unsigned              revoked:1;
    unsigned              all_platforms:1;
    unsigned              nplatforms;
    char                  platforms[PG_CONSENT_PLATFORMS]
                                   [PG_CONSENT_NAME_MAX + 1];
} pg_consent_t;


/*
 * Outcomes of pg_consent_evaluate(), each with a stable name (the
 * "reason" of the audit record and the client's answer) from
 * pg_consent_reason().  Checks are made in this order, so the first
 * that applies is the one reported.
 */
typedef enum {
    PG_CONSENT_ALLOW = 0,       /* "consent": every finding covered */
    PG_CONSENT_DM,              /* "consent_dm": consent never covers a
                                   direct message */
    PG_CONSENT_MISSING,         /* "consent_missing" */
    PG_CONSENT_INVALID,         /* "consent_invalid": token or record
                                   garbled */
    PG_CONSENT_REVOKED,         /* "consent_revoked" */
    PG_CONSENT_EXPIRED,         /* "consent_expired" */
    PG_CONSENT_PLATFORM,        /* "consent_platform" */
    PG_CONSENT_KIND,            /* "consent_kind": a finding of a type the
                                   record does not list, or that no
                                   consent can cover */
    PG_CONSENT__COUNT
} pg_consent_outcome_t;


const char *pg_consent_reason(pg_consent_outcome_t o);

/* 1 when s is a token: [A-Za-z0-9_-]{8,128} */
int pg_consent_token_valid(const char *s, size_t len);

/*
 * A header value as a token: optional white space around it is dropped.
 * Returns 0 and the token within v, or -1 when it is not a token.
 */
int pg_consent_token_from_header(const char *v, size_t len,
    const char **tok, size_t *tlen);

/*
 * "phigate:consent:<token>" NUL-terminated into buf; returns its length,
 * or 0 when the token is not valid or buf (PG_CONSENT_KEY_MAX + 1 is
 * enough) is too small.
 */
size_t pg_consent_key(const char *tok, size_t tlen, char *buf, size_t size);

/*
 * What to log instead of a token: the first 16 hex digits of its
 * sha256, into ref[17].  phigate-ctl shows the same reference.
 */
void pg_consent_token_ref(const char *tok, size_t tlen, char *ref);

/*
 * Parses a record from HGETALL's reply: n strings, keys and values
 * alternating (kv[i], kv_len[i]).  n == 0 (no such key) gives ABSENT.
 * A missing, empty, repeated or garbled field among patient, platforms,
 * kinds, expires, revoked and granted_by gives GARBLED; other keys are
 * ignored (phigate-ctl adds "created", "revoked_at").
 */
void pg_consent_parse(const char *const *kv, const size_t *kv_len, size_t n,
    pg_consent_t *c);

/*
 * Comma-separated type names and groups into a set: the names of
 * pg_type_name(), any case, and LOCATION (ADDRESS and ZIP).  Blanks
 * around names and empty items are ignored; "none" alone is the empty
 * set.  Returns 0, or -1 with *bad (when not NULL) pointing at the first
 * unknown name within s.  The phigate_consent_never directive and
 * consent records' "kinds" use it.
 */
int pg_consent_kinds_parse(const char *s, size_t len, pg_typeset_t *set,
    const char **bad);

/*
 * The decision on a request with findings:
 *   f          the request's findings (none: ALLOW);
 *   platform   the profile's name (pg_platform_t.name);
 *   dm         the request is a direct message;
 *   now        the time to judge expiry by;
 *   c          the record, or NULL when no token was presented or the
 *              token is not in Redis (same as state ABSENT);
 *   never      types no consent covers (PG_CONSENT_NEVER_DEFAULT);
 *   uncovered  when not NULL, the types of findings left uncovered (all
 *              of them unless the outcome is ALLOW or KIND).
 */
pg_consent_outcome_t pg_consent_evaluate(const pg_findings_t *f,
    const char *platform, int dm, time_t now, const pg_consent_t *c,
    pg_typeset_t never, pg_typeset_t *uncovered);


#endif /* _PG_CONSENT_H_INCLUDED_ */
