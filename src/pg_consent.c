/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_audit.h"
#include "pg_consent.h"
#include "pg_text.h"


#define PG_CONSENT_F_PATIENT     0x01
#define PG_CONSENT_F_PLATFORMS   0x02
#define PG_CONSENT_F_KINDS       0x04
#define PG_CONSENT_F_EXPIRES     0x08
#define PG_CONSENT_F_REVOKED     0x10
#define PG_CONSENT_F_GRANTED_BY  0x20
#define PG_CONSENT_F_ALL         0x3f


typedef struct {
    const char   *name;
    unsigned      bit;
} pg_consent_field_t;


static int pg_consent_field(pg_consent_t *c, unsigned bit, const char *v,
    size_t len);
static int pg_consent_platforms(pg_consent_t *c, const char *v, size_t len);
static int pg_consent_expires(const char *v, size_t len, time_t *t);
static int pg_consent_group(const char *s, size_t len, pg_typeset_t *set);
static int pg_consent_is_name(const char *s, size_t len, const char *name);
static int pg_consent_platform_ok(const pg_consent_t *c,
    const char *platform);
static void pg_consent_garbled(pg_consent_t *c, const char *why);


static const char  *pg_consent_reasons[PG_CONSENT__COUNT] = {
    "consent",
    "consent_dm",
    "consent_missing",
    "consent_invalid",
    "consent_revoked",
    "consent_expired",
    "consent_platform",
    "consent_kind"
};


static const pg_consent_field_t  pg_consent_fields[] = {
    { "patient",    PG_CONSENT_F_PATIENT },
    { "platforms",  PG_CONSENT_F_PLATFORMS },
    { "kinds",      PG_CONSENT_F_KINDS },
    { "expires",    PG_CONSENT_F_EXPIRES },
    { "revoked",    PG_CONSENT_F_REVOKED },
    { "granted_by", PG_CONSENT_F_GRANTED_BY },
    { NULL, 0 }
};


const char *
pg_consent_reason(pg_consent_outcome_t o)
{
    if ((unsigned) o >= PG_CONSENT__COUNT) {
        return "consent_invalid";
    }

    return pg_consent_reasons[o];
}


int
pg_consent_token_valid(const char *s, size_t len)
{
    size_t  i;

    if (s == NULL || len < PG_TOKEN_MIN || len > PG_TOKEN_MAX) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (!pg_isalnum(s[i]) && s[i] != '_' && s[i] != '-') {
            return 0;
        }
    }

    return 1;
}


int
pg_consent_token_from_header(const char *v, size_t len, const char **tok,
    size_t *tlen)
{
    if (v == NULL) {
        return -1;
    }

    /* the optional white space HTTP allows around a field value */
    while (len && (v[0] == ' ' || v[0] == '\t')) {
        v++;
        len--;
    }

    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t')) {
        len--;
    }

    if (!pg_consent_token_valid(v, len)) {
        return -1;
    }

    *tok = v;
    *tlen = len;

    return 0;
}


size_t
pg_consent_key(const char *tok, size_t tlen, char *buf, size_t size)
{
    size_t  plen;

    plen = sizeof(PG_CONSENT_KEY_PREFIX) - 1;

    if (!pg_consent_token_valid(tok, tlen) || size < plen + tlen + 1) {
        return 0;
    }

    memcpy(buf, PG_CONSENT_KEY_PREFIX, plen);
    memcpy(buf + plen, tok, tlen);
    buf[plen + tlen] = '\0';

    return plen + tlen;
}


void
pg_consent_token_ref(const char *tok, size_t tlen, char *ref)
{
    char  hex[PG_SHA256_HEX + 1];

    if (pg_sha256_hex(tok, tlen, hex) != 0) {
        memcpy(ref, "????????????????", 17);
        return;
    }

    memcpy(ref, hex, 16);
    ref[16] = '\0';
}


void
pg_consent_parse(const char *const *kv, const size_t *kv_len, size_t n,
    pg_consent_t *c)
{
    size_t                     i;
    unsigned                   seen;
    const pg_consent_field_t  *fd;

    memset(c, 0, sizeof(pg_consent_t));

    if (n == 0) {
        c->state = PG_CONSENT_ABSENT;
        return;
    }

    if (n % 2) {
        pg_consent_garbled(c, "reply");
        return;
    }

    seen = 0;

    for (i = 0; i < n; i += 2) {
        for (fd = pg_consent_fields; fd->name; fd++) {
            if (pg_consent_is_name(kv[i], kv_len[i], fd->name)) {
                break;
            }
        }

        /* unknown keys belong to newer tools or to people: not ours */
        if (fd->name == NULL) {
            continue;
        }

        if ((seen & fd->bit)
            || pg_consent_field(c, fd->bit, kv[i + 1], kv_len[i + 1]) != 0)
        {
            pg_consent_garbled(c, fd->name);
            return;
        }

        seen |= fd->bit;
    }

    for (fd = pg_consent_fields; fd->name; fd++) {
        if (!(seen & fd->bit)) {
            pg_consent_garbled(c, fd->name);
            return;
        }
    }

    c->state = PG_CONSENT_PARSED;
}


static int
pg_consent_field(pg_consent_t *c, unsigned bit, const char *v, size_t len)
{
    if (v == NULL || len == 0) {
        return -1;
    }

    switch (bit) {

    case PG_CONSENT_F_PLATFORMS:
        return pg_consent_platforms(c, v, len);

    case PG_CONSENT_F_KINDS:
        /* a record that covers nothing is a mistake, not a consent */
        if (pg_consent_kinds_parse(v, len, &c->kinds, NULL) != 0
            || c->kinds == 0)
        {
            return -1;
        }

        return 0;

    case PG_CONSENT_F_EXPIRES:
        return pg_consent_expires(v, len, &c->expires);

    case PG_CONSENT_F_REVOKED:
        if (len != 1 || (v[0] != '0' && v[0] != '1')) {
            return -1;
        }

        c->revoked = (v[0] == '1');

        return 0;

    default:
        /* patient and granted_by: present and not empty is all we need */
        return 0;
    }
}


/*
 * Names are checked for their syntax only, not against the profiles:
 * a misspelt name never matches a platform and is reported as
 * consent_platform, which is what it is.  phigate-ctl checks names.
 */
static int
pg_consent_platforms(pg_consent_t *c, const char *v, size_t len)
{
    size_t       i, n;
    const char  *p, *end, *comma;

    p = v;
    end = v + len;

    for ( ;; ) {
        comma = memchr(p, ',', end - p);
        if (comma == NULL) {
            comma = end;
        }

        n = comma - p;

        while (n && pg_isspace(p[0])) {
            p++;
            n--;
        }

        while (n && pg_isspace(p[n - 1])) {
            n--;
        }

        if (n == 1 && p[0] == '*') {
            c->all_platforms = 1;

        } else if (n) {
            if (n > PG_CONSENT_NAME_MAX
                || c->nplatforms == PG_CONSENT_PLATFORMS)
            {
                return -1;
            }

            for (i = 0; i < n; i++) {
                if (!pg_isalnum(p[i]) && p[i] != '_') {
                    return -1;
                }

                c->platforms[c->nplatforms][i] = (char) pg_tolower(p[i]);
            }

            c->platforms[c->nplatforms++][n] = '\0';
        }

        if (comma == end) {
            break;
        }

        p = comma + 1;
    }

    return (c->all_platforms || c->nplatforms) ? 0 : -1;
}


static int
pg_consent_expires(const char *v, size_t len, time_t *t)
{
    size_t     i;
    long long  n;

    /* 18 digits cannot overflow, and no consent lasts that long */
    if (len > 18) {
        return -1;
    }

    n = 0;

    for (i = 0; i < len; i++) {
        if (!pg_isdigit(v[i])) {
            return -1;
        }

        n = n * 10 + (v[i] - '0');
    }

    if (n <= 0) {
        return -1;
    }

    *t = (time_t) n;

    return 0;
}


int
pg_consent_kinds_parse(const char *s, size_t len, pg_typeset_t *set,
    const char **bad)
{
    int          t;
    size_t       i, n;
    char         up[PG_CONSENT_NAME_MAX];
    const char  *p, *end, *comma;

    *set = 0;

    if (s == NULL) {
        return 0;
    }

    p = s;
    end = s + len;

    for ( ;; ) {
        comma = memchr(p, ',', end - p);
        if (comma == NULL) {
            comma = end;
        }

        n = comma - p;

        while (n && pg_isspace(p[0])) {
            p++;
            n--;
        }

        while (n && pg_isspace(p[n - 1])) {
            n--;
        }

        if (n == 0) {
            goto next;
        }

        if (n > sizeof(up)) {
            goto unknown;
        }

        for (i = 0; i < n; i++) {
            up[i] = (p[i] >= 'a' && p[i] <= 'z') ? (char) (p[i] - 0x20)
                                                 : p[i];
        }

        /* "none" empties the set only when it is all there is */
        if (pg_consent_is_name(up, n, "NONE")) {
            if (*set != 0 || comma != end) {
                goto unknown;
            }

            return 0;
        }

        t = pg_type_from_name(up, n);

        if (t >= 0) {
            *set |= PG_TYPESET(t);

        } else if (pg_consent_group(up, n, set) != 0) {
            goto unknown;
        }

next:

        if (comma == end) {
            break;
        }

        p = comma + 1;
    }

    return 0;

unknown:

    if (bad != NULL) {
        *bad = p;
    }

    return -1;
}


/*
 * Groups name what a person means more than what a detector sees.
 * LOCATION is the whole of Safe Harbor (B).  There is deliberately no
 * group for dates: DATE is a type of its own (admission, discharge...)
 * and does not cover DOB, because a birth date beside a name is what
 * identity theft needs; a patient who agrees to it is asked separately.
 */
static int
pg_consent_group(const char *s, size_t len, pg_typeset_t *set)
{
    if (pg_consent_is_name(s, len, "LOCATION")) {
        *set |= PG_TYPESET(PG_T_ADDRESS) | PG_TYPESET(PG_T_ZIP);
        return 0;
    }

    return -1;
}


pg_consent_outcome_t
pg_consent_evaluate(const pg_findings_t *f, const char *platform, int dm,
    time_t now, const pg_consent_t *c, pg_typeset_t never,
    pg_typeset_t *uncovered)
{
    size_t        i;
    pg_typeset_t  found, left;

    found = 0;

    for (i = 0; i < f->n; i++) {
        /* a "log" severity rule's finding needs no consent */
        if (f->items[i].log_only) {
            continue;
        }

        if ((unsigned) f->items[i].type < PG_T__COUNT) {
            found |= PG_TYPESET(f->items[i].type);

        } else {
            /* a type from a newer engine: never covered */
            found |= PG_TYPESET(PG_T_OTHER_ID);
        }
    }

    if (uncovered != NULL) {
        *uncovered = found;
    }

    if (found == 0) {
        return PG_CONSENT_ALLOW;
    }

    /* a DM reaches one person who was not in the consent's audience */
    if (dm) {
        return PG_CONSENT_DM;
    }

    if (c == NULL || c->state == PG_CONSENT_ABSENT) {
        return PG_CONSENT_MISSING;
    }

    if (c->state != PG_CONSENT_PARSED) {
        return PG_CONSENT_INVALID;
    }

    /* revocation is reported even when the record has expired as well */
    if (c->revoked) {
        return PG_CONSENT_REVOKED;
    }

    if (now >= c->expires) {
        return PG_CONSENT_EXPIRED;
    }

    if (!pg_consent_platform_ok(c, platform)) {
        return PG_CONSENT_PLATFORM;
    }

    left = found & ~(c->kinds & ~never);

    if (uncovered != NULL) {
        *uncovered = left;
    }

    return left ? PG_CONSENT_KIND : PG_CONSENT_ALLOW;
}


/*
 * "*" is every platform phigate recognises; requests to other hosts
 * (the generic profile) are covered only when "generic" is named.
 */
static int
pg_consent_platform_ok(const pg_consent_t *c, const char *platform)
{
    unsigned  i;

    if (platform == NULL) {
        return 0;
    }

    if (c->all_platforms && strcmp(platform, "generic") != 0) {
        return 1;
    }

    for (i = 0; i < c->nplatforms; i++) {
        if (strcmp(c->platforms[i], platform) == 0) {
            return 1;
        }
    }

    return 0;
}


static int
pg_consent_is_name(const char *s, size_t len, const char *name)
{
    return s != NULL && len == strlen(name) && memcmp(s, name, len) == 0;
}


static void
pg_consent_garbled(pg_consent_t *c, const char *why)
{
    memset(c, 0, sizeof(pg_consent_t));
    c->state = PG_CONSENT_GARBLED;
    c->why = why;
}
