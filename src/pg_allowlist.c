/*
 * Copyright (C) phigate authors
 *
 * The allow-list: parsing entries into key sets, and the filter over a
 * request's findings.
 */


#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pg_allowlist_int.h"
#include "pg_conffile.h"
#include "pg_normalize.h"
#include "pg_text.h"


/* the longest finding compared: an entry is a line of a file at most */
#define PG_ALLOW_SPAN_MAX      PG_CONFFILE_LINE_MAX
/* the most '/' of a link tried as the end of a prefix entry */
#define PG_ALLOW_PREFIX_TRIES  64


typedef struct {
    const char        *word;
    pg_allow_kind_t    kind;
} pg_allow_word_t;


static const pg_allow_word_t  pg_allow_kinds[] = {
    { "phone", PG_ALLOW_PHONE },
    { "tel", PG_ALLOW_PHONE },
    { "fax", PG_ALLOW_PHONE },
    { "email", PG_ALLOW_EMAIL },
    { "e-mail", PG_ALLOW_EMAIL },
    { "url", PG_ALLOW_URL },
    { "name", PG_ALLOW_NAME },
    { "address", PG_ALLOW_ADDRESS },
    { NULL, 0 }
};


static const char  *pg_allow_errors[PG_ALLOW__KINDS] = {
    "not a phone number: 10 digits, with +1 or 1 before them at most",
    "not an e-mail address",
    "a url entry starts with http://, https:// or www. and a host",
    "a name entry has a given name and a surname, and at most 512 bytes",
    "an address entry has a number and a street, and at most 512 bytes"
};


static int pg_allow_entry(pg_allowlist_t *al, pg_conffile_t *cf,
    pg_arena_t *tmp, const char *s, size_t n);
static int pg_allow_url_entry(pg_allowlist_t *al, pg_conffile_t *cf,
    pg_arena_t *tmp, const char *s, size_t n);
static int pg_allow_kind(pg_conffile_t *cf, const char **s, size_t *n,
    pg_allow_kind_t *kind);
static int pg_allow_infer(const char *s, size_t n, pg_allow_kind_t *kind);
static int pg_allow_at(const pg_allowlist_t *al, pg_arena_t *tmp,
    pg_type_t type, const char *t, size_t len, size_t off, size_t flen);
static int pg_allow_value(const pg_allowlist_t *al, pg_arena_t *tmp,
    pg_allow_kind_t kind, const char *s, size_t n);
static int pg_allow_url_under(const pg_allowlist_t *al, pg_arena_t *tmp,
    const char *c, size_t len);


pg_allowlist_t *
pg_allowlist_parse(const char *buf, size_t len, const char *file, char *err,
    size_t err_size)
{
    int              rc;
    size_t           n;
    pg_arena_t       tmp;
    const char      *s;
    pg_conffile_t    cf;
    pg_allowlist_t  *al;

    pg_conffile_init(&cf, buf, len, file, err, err_size);

    al = calloc(1, sizeof(pg_allowlist_t));
    if (al == NULL) {
        pg_conffile_error(&cf, "out of memory");
        return NULL;
    }

    pg_arena_init(&al->arena, 0);
    pg_arena_init(&tmp, 0);

    while ((rc = pg_conffile_next(&cf, &s, &n)) == 1) {
        rc = pg_allow_entry(al, &cf, &tmp, s, n);

        pg_arena_free(&tmp);

        if (rc != 0) {
            break;
        }
    }

    if (rc != 0) {
        pg_allowlist_free(al);
        return NULL;
    }

    pg_allow_set_sort(al);

    return al;
}


void
pg_allowlist_free(pg_allowlist_t *al)
{
    if (al != NULL) {
        pg_arena_free(&al->arena);
        free(al);
    }
}


size_t
pg_allowlist_count(const pg_allowlist_t *al)
{
    return al != NULL ? al->n : 0;
}


int
pg_allowlist_allows(const pg_allowlist_t *al, pg_type_t type,
    const char *text, size_t len)
{
    return pg_allowlist_allows_at(al, type, text, len, 0, len);
}


int
pg_allowlist_allows_at(const pg_allowlist_t *al, pg_type_t type,
    const char *text, size_t len, size_t off, size_t flen)
{
    int          yes;
    pg_arena_t   tmp;

    if (off > len || flen > len - off) {
        return 0;
    }

    pg_arena_init(&tmp, 0);
    yes = pg_allow_at(al, &tmp, type, text, len, off, flen);
    pg_arena_free(&tmp);

    return yes;
}


void
pg_allowlist_filter(const pg_allowlist_t *al, const pg_fields_t *fields,
    pg_findings_t *f, uint32_t *allowed)
{
    int                 drop;
    size_t              i, o;
    pg_arena_t          tmp;
    const pg_field_t   *fld;
    pg_finding_t       *fi;

    pg_arena_init(&tmp, 0);

    for (i = 0, o = 0; i < f->n; i++) {
        fi = &f->items[i];
        fld = (fi->field < fields->n) ? &fields->items[fi->field] : NULL;
        drop = 0;

        if (fld != NULL && fi->off <= fld->len
            && fi->len <= fld->len - fi->off)
        {
            drop = pg_allow_at(al, &tmp, fi->type, fld->text, fld->len,
                               fi->off, fi->len);
            pg_arena_free(&tmp);
        }

        if (drop) {
            allowed[fi->type]++;
            continue;
        }

        f->items[o++] = *fi;
    }

    f->n = o;
}


static int
pg_allow_entry(pg_allowlist_t *al, pg_conffile_t *cf, pg_arena_t *tmp,
    const char *s, size_t n)
{
    int                rc;
    char              *c;
    size_t             len;
    pg_norm_t          norm;
    pg_allow_kind_t    kind;

    kind = PG_ALLOW_NAME;

    rc = pg_allow_kind(cf, &s, &n, &kind);
    if (rc != 0) {
        return rc;
    }

    /* the entry is read as the detectors read a post */
    if (pg_normalize(tmp, s, n, &norm) != PG_OK) {
        return pg_conffile_error(cf, "out of memory");
    }

    s = norm.text;
    n = norm.len;

    switch (kind) {

    case PG_ALLOW_URL:
        return pg_allow_url_entry(al, cf, tmp, s, n);

    case PG_ALLOW_NAME:
        rc = pg_allow_name_entry(al, tmp, s, n);
        break;

    case PG_ALLOW_ADDRESS:
        rc = pg_allow_address_entry(al, tmp, s, n);
        break;

    default:
        rc = pg_allow_fold(tmp, kind, s, n, &c, &len);

        if (rc == 0
            && pg_allow_set_add(al, kind == PG_ALLOW_PHONE ? PG_SET_PHONE
                                                          : PG_SET_EMAIL,
                                c, len, 0)
               != 0)
        {
            rc = -1;
        }
    }

    if (rc != 0) {
        return pg_conffile_error(cf, "%s", rc < 0 ? "out of memory"
                                                  : pg_allow_errors[kind]);
    }

    al->n++;

    return 0;
}


/* "https://hospital.org/news", or a prefix "https://hospital.org/a/" "*" */
static int
pg_allow_url_entry(pg_allowlist_t *al, pg_conffile_t *cf, pg_arena_t *tmp,
    const char *s, size_t n)
{
    int      rc, prefix;
    char    *c;
    size_t   len;

    prefix = (n > 0 && s[n - 1] == '*');
    n -= prefix;

    rc = pg_allow_fold(tmp, PG_ALLOW_URL, s, n, &c, &len);

    if (rc != 0) {
        return pg_conffile_error(cf, "%s", rc < 0 ? "out of memory"
                                           : pg_allow_errors[PG_ALLOW_URL]);
    }

    /*
     * A prefix is a path: "https://hospital.org*" would allow
     * hospital.org.example.com, "...?id=*" any query.
     */
    if (memchr(c, '*', len) != NULL
        || (prefix && (s[n - 1] != '/' || memchr(c, '?', len) != NULL
                       || memchr(c, '#', len) != NULL)))
    {
        return pg_conffile_error(cf, "'*' only ends a url entry, after "
                                 "its host and a '/'");
    }

    /* the fold drops a last '/'; before a '*' it is the prefix's */
    if (prefix) {
        c[len++] = '/';
    }

    if (pg_allow_set_add(al, prefix ? PG_SET_URL_PREFIX : PG_SET_URL, c, len,
                         0)
        != 0)
    {
        return pg_conffile_error(cf, "out of memory");
    }

    al->n++;

    return 0;
}


/*
 * "phone: ...", "email: ..." name the kind; without one it is inferred.
 * "https://..." has no kind word: a kind word is letters then ':' not
 * followed by '/'.
 */
static int
pg_allow_kind(pg_conffile_t *cf, const char **s, size_t *n,
    pg_allow_kind_t *kind)
{
    size_t                  w, v;
    const char             *p;
    const pg_allow_word_t  *k;

    p = *s;

    for (w = 0; w < *n && (pg_isalpha(p[w]) || p[w] == '-'); w++) {
        /* void */
    }

    for (v = w; v < *n && (p[v] == ' ' || p[v] == '\t'); v++) {
        /* void */
    }

    if (w == 0 || v == *n || p[v] != ':' || (v + 1 < *n && p[v + 1] == '/'))
    {
        if (pg_allow_infer(p, *n, kind) != 0) {
            return pg_conffile_error(cf, "cannot tell what the entry is: "
                                     "start it with phone:, fax:, email:, "
                                     "url:, name: or address:");
        }

        return 0;
    }

    for (k = pg_allow_kinds; k->word != NULL; k++) {
        if (strlen(k->word) == w && strncasecmp(k->word, p, w) == 0) {
            break;
        }
    }

    if (k->word == NULL) {
        return pg_conffile_error(cf, "unknown kind of entry (phone, fax, "
                                 "email, url, name or address)");
    }

    *kind = k->kind;
    *n -= v + 1;
    *s = pg_conffile_trim(p + v + 1, n);

    if (*n == 0) {
        return pg_conffile_error(cf, "empty entry");
    }

    return 0;
}


static int
pg_allow_infer(const char *s, size_t n, pg_allow_kind_t *kind)
{
    int     digits;
    char    d[12];
    size_t  i;

    if ((n >= 7 && strncasecmp(s, "http://", 7) == 0)
        || (n >= 8 && strncasecmp(s, "https://", 8) == 0)
        || (n >= 4 && strncasecmp(s, "www.", 4) == 0))
    {
        *kind = PG_ALLOW_URL;
        return 0;
    }

    if (memchr(s, '@', n) != NULL) {
        *kind = PG_ALLOW_EMAIL;
        return 0;
    }

    digits = pg_allow_digits(s, n, " \t+()-./", d, 11);

    if (digits >= 10) {
        *kind = PG_ALLOW_PHONE;
        return 0;
    }

    for (i = 0; i < n && !pg_isdigit(s[i]); i++) {
        /* void */
    }

    if (i < n) {
        *kind = PG_ALLOW_ADDRESS;
        return 0;
    }

    for (i = 0; i < n; i++) {
        if (pg_isalpha(s[i]) || (unsigned char) s[i] >= 0x80) {
            *kind = PG_ALLOW_NAME;
            return 0;
        }
    }

    return -1;
}


static int
pg_allow_at(const pg_allowlist_t *al, pg_arena_t *tmp, pg_type_t type,
    const char *t, size_t len, size_t off, size_t flen)
{
    /* no entry is that long, even written with entities: not normalised */
    if (flen > PG_ALLOW_SPAN_MAX) {
        return 0;
    }

    switch (type) {
    case PG_T_PHONE:
    case PG_T_FAX:
        return pg_allow_value(al, tmp, PG_ALLOW_PHONE, t + off, flen);
    case PG_T_EMAIL:
        return pg_allow_value(al, tmp, PG_ALLOW_EMAIL, t + off, flen);
    case PG_T_URL:
        return pg_allow_value(al, tmp, PG_ALLOW_URL, t + off, flen);
    case PG_T_NAME:
        return pg_allow_name_at(al, tmp, t, len, off, flen);
    case PG_T_ADDRESS:
        return pg_allow_address_is(al, tmp, t + off, flen);
    case PG_T_ZIP:
        return pg_allow_zip_at(al, tmp, t, len, off, flen);
    default:
        return 0;
    }
}


/* a phone number, mailbox or link: its canonical form is a key */
static int
pg_allow_value(const pg_allowlist_t *al, pg_arena_t *tmp,
    pg_allow_kind_t kind, const char *s, size_t n)
{
    char               *c;
    size_t              len;
    pg_norm_t           norm;
    pg_allow_set_id_t   id;

    id = (kind == PG_ALLOW_PHONE) ? PG_SET_PHONE
         : (kind == PG_ALLOW_EMAIL) ? PG_SET_EMAIL : PG_SET_URL;

    if ((al->sets[id].n == 0
         && (kind != PG_ALLOW_URL || al->sets[PG_SET_URL_PREFIX].n == 0))
        || pg_normalize(tmp, s, n, &norm) != PG_OK
        || pg_allow_fold(tmp, kind, norm.text, norm.len, &c, &len) != 0)
    {
        return 0;
    }

    if (pg_allow_set_find(al, id, c, len) != NULL) {
        return 1;
    }

    return kind == PG_ALLOW_URL && pg_allow_url_under(al, tmp, c, len);
}


/*
 * The link c[0, len) is under a prefix entry: each of its path's '/' (or
 * the host's end: "hospital.org/" and "*" allow the whole host) ends a key?
 */
static int
pg_allow_url_under(const pg_allowlist_t *al, pg_arena_t *tmp, const char *c,
    size_t len)
{
    char    *k;
    size_t   i, path, tries;

    if (al->sets[PG_SET_URL_PREFIX].n == 0) {
        return 0;
    }

    for (path = 0; path < len && c[path] != '?' && c[path] != '#'; path++) {
        /* void */
    }

    for (i = 0, tries = 0; i < path && tries < PG_ALLOW_PREFIX_TRIES; i++) {
        if (c[i] != '/') {
            continue;
        }

        tries++;

        if (pg_allow_set_find(al, PG_SET_URL_PREFIX, c, i + 1) != NULL) {
            return 1;
        }
    }

    /* "hospital.org" or "hospital.org?x=1": the host's root */
    if (memchr(c, '/', path) != NULL) {
        return 0;
    }

    k = pg_arena_alloc(tmp, path + 1);
    if (k == NULL) {
        return 0;
    }

    memcpy(k, c, path);
    k[path] = '/';

    return pg_allow_set_find(al, PG_SET_URL_PREFIX, k, path + 1) != NULL;
}
