/*
 * Copyright (C) phigate authors
 *
 * Pre-approved posts and revoked credentials, as Redis keys derived from
 * the request (docs/consent.md):
 *
 *   phigate:approved:<sha256 hex of the normalised post text>
 *   phigate:revoked   a set of sha256 hex of credentials
 *
 * The normalised post text, exactly (so that another tool computes the
 * same hash; phigate-ctl approve uses these very functions):
 *   1. the request's fields as pg_inspect() extracts them: the query
 *      string's parameters first, then the body's text fields, each in
 *      the order it appears in the request;
 *   2. without the fields the platform profile skips (identifiers,
 *      tokens);
 *   3. each text with its consent markers removed (pg_marker.h, rule R);
 *   4. put in Unicode NFC (utf8proc; a text that is not valid UTF-8 is
 *      taken byte for byte);
 *   5. every run of white space made one U+0020 and white space at
 *      either end dropped; white space is U+0009-U+000D, U+0020, U+0085,
 *      U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F,
 *      U+3000 (Unicode's White_Space), recognised by their UTF-8 bytes;
 *   6. texts left empty are dropped; the others are joined with one
 *      U+000A between them, none after the last;
 * and the hash is the lower-case hex SHA-256 of those UTF-8 bytes.
 */

#ifndef _PG_APPROVAL_H_INCLUDED_
#define _PG_APPROVAL_H_INCLUDED_


#include "pg_arena.h"
#include "pg_audit.h"
#include "pg_field.h"
#include "pg_platform.h"


#define PG_APPROVED_KEY_PREFIX  "phigate:approved:"
#define PG_REVOKED_KEY          "phigate:revoked"

/* "phigate:approved:" and 64 hex digits */
#define PG_APPROVED_KEY_LEN     (sizeof(PG_APPROVED_KEY_PREFIX) - 1        \
                                 + PG_SHA256_HEX)

/* the most credentials pg_credentials() reports for one request */
#define PG_CREDENTIALS_MAX      4


typedef struct {
    const char   *kind;                    /* "bearer", "access_token",
                                              "oauth_token" */
    char          sha256[PG_SHA256_HEX + 1];
} pg_credential_t;


/*
 * The normalised post text, NUL-terminated, into the arena.  p NULL:
 * no field is skipped (a post text given to phigate-ctl).
 */
pg_status_t pg_approval_text(pg_arena_t *a, const pg_fields_t *f,
    const pg_platform_t *p, char **text, size_t *len);

/* its hash into hex[PG_SHA256_HEX + 1] */
pg_status_t pg_approval_hash(pg_arena_t *a, const pg_fields_t *f,
    const pg_platform_t *p, char *hex);

/* the hash of one post text, as if it were a request's only field */
pg_status_t pg_approval_hash_text(pg_arena_t *a, const char *text,
    size_t len, char *hex);

/*
 * "phigate:approved:<hex>" NUL-terminated into buf (PG_APPROVED_KEY_LEN
 * + 1 bytes); returns its length, 0 when hex is not 64 lower-case hex
 * digits or buf is too small.
 */
size_t pg_approval_key(const char *hex, char *buf, size_t size);

/*
 * The credential an Authorization header value carries: the token of
 * "Bearer <token>", or the oauth_token parameter of "OAuth ..." (OAuth
 * 1.0a, percent-decoded).  Returns 1 with *cred (in the header, or in
 * the arena when decoded), *clen and *kind ("bearer" or "oauth_token";
 * kind may be NULL), 0 when there is none (Basic, no oauth_token,
 * empty), -1 when out of memory.
 */
int pg_credential_from_authorization(pg_arena_t *a, const char *v,
    size_t len, const char **cred, size_t *clen, const char **kind);

/*
 * The credential a field carries: the decoded value of a query or body
 * parameter named exactly access_token (OAuth 2, RFC 6750) or
 * oauth_token (OAuth 1 parameters in the body or query).  Returns 1 with
 * *cred and *clen, 0 when the field is not one or is empty; *kind (when
 * not NULL) is the field's name.
 */
int pg_credential_from_field(const pg_field_t *f, const char **cred,
    size_t *clen, const char **kind);

/* hex sha256 of a credential into hex[PG_SHA256_HEX + 1]; 0 on success */
int pg_credential_hash(const char *cred, size_t len, char *hex);

/*
 * Every distinct credential of a request: the Authorization header
 * (authz may be NULL) and its fields, hashed, at most max.  Returns how
 * many were written to out, -1 when out of memory.
 */
int pg_credentials(pg_arena_t *a, const char *authz, size_t alen,
    const pg_fields_t *f, pg_credential_t *out, size_t max);


#endif /* _PG_APPROVAL_H_INCLUDED_ */
