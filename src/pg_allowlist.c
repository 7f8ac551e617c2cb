/*
 * Copyright (C) phigate authors
 *
 * The allow-list: parsing entries into canonical forms (one sorted set
 * per kind), and the filter over a request's findings.
 */


#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pg_allowlist_int.h"
#include "pg_conffile.h"
#include "pg_normalize.h"
#include "pg_text.h"


/* an address entry's ZIP code follows its street within this many bytes */
#define PG_ALLOW_ZIP_GAP  3


typedef struct {
    char          *s;              /* canonical form */
    size_t         len;
    size_t         min;            /* address: shortest leading part */
    char           zip[PG_ALLOW_ZIP_MAX + 1];   /* address: its digits */
    unsigned       prefix:1;       /* url: the entry ended in '*' */
} pg_allow_entry_t;


typedef struct {
    pg_allow_entry_t  *items;
    size_t             n;
    size_t             cap;
} pg_allow_set_t;


struct pg_allowlist_s {
    pg_arena_t         arena;
    pg_allow_set_t     sets[PG_ALLOW__KINDS];
    size_t             n;
};


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
    "a name entry has a letter, and at most 512 bytes",
    "an address entry has a number and a street, and at most 512 bytes"
};


static int pg_allow_entry(pg_allowlist_t *al, pg_conffile_t *cf,
    pg_arena_t *tmp, const char *s, size_t n);
static int pg_allow_kind(pg_conffile_t *cf, const char **s, size_t *n,
    pg_allow_kind_t *kind);
static int pg_allow_infer(const char *s, size_t n, pg_allow_kind_t *kind);
static int pg_allow_address(pg_arena_t *tmp, const char *s, size_t n,
    pg_allow_entry_t *e);
static const pg_allow_entry_t *pg_allow_lookup(const pg_allowlist_t *al,
    pg_arena_t *tmp, pg_type_t type, const char *text, size_t len);
static int pg_allow_is(const pg_allow_entry_t *e, pg_allow_kind_t kind,
    const char *s, size_t len);
static int pg_allow_zip(const pg_allow_entry_t *e, const char *text,
    size_t len);
static int pg_allow_cmp(const void *a, const void *b);


pg_allowlist_t *
pg_allowlist_parse(const char *buf, size_t len, const char *file, char *err,
    size_t err_size)
{
    int              rc;
    size_t           n, k;
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

    for (k = 0; k < PG_ALLOW__KINDS; k++) {
        if (al->sets[k].n > 1) {
            qsort(al->sets[k].items, al->sets[k].n,
                  sizeof(pg_allow_entry_t), pg_allow_cmp);
        }
    }

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
    int          yes;
    pg_arena_t   tmp;

    pg_arena_init(&tmp, 0);
    yes = pg_allow_lookup(al, &tmp, type, text, len) != NULL;
    pg_arena_free(&tmp);

    return yes;
}


void
pg_allowlist_filter(const pg_allowlist_t *al, const pg_fields_t *fields,
    pg_findings_t *f, uint32_t *allowed)
{
    int                      drop;
    size_t                   i, o, end, gap;
    pg_arena_t               tmp;
    const char              *text;
    const pg_field_t        *fld;
    pg_finding_t            *fi;
    const pg_allow_entry_t  *e, *addr;

    addr = NULL;
    end = 0;
    pg_arena_init(&tmp, 0);

    for (i = 0, o = 0; i < f->n; i++) {
        fi = &f->items[i];
        fld = (fi->field < fields->n) ? &fields->items[fi->field] : NULL;
        drop = 0;

        if (fld != NULL && fi->off <= fld->len
            && fi->len <= fld->len - fi->off)
        {
            text = fld->text + fi->off;

            if (fi->type == PG_T_ZIP) {
                /*
                 * The ZIP code of an allowed address, right after it
                 * ("55 Fruit Street, Boston, MA 02114"); the same digits
                 * elsewhere may be where a patient lives.
                 */
                for (gap = end; addr != NULL && gap < fi->off; gap++) {
                    if (fld->text[gap] != ' ' && fld->text[gap] != ',') {
                        break;
                    }
                }

                drop = addr != NULL && gap == fi->off
                       && fi->off - end <= PG_ALLOW_ZIP_GAP
                       && pg_allow_zip(addr, text, fi->len);

            } else {
                e = pg_allow_lookup(al, &tmp, fi->type, text, fi->len);
                drop = (e != NULL);

                if (fi->type == PG_T_ADDRESS) {
                    addr = e;
                    end = fi->off + fi->len;
                }
            }

            pg_arena_free(&tmp);
        }

        /* findings are in field order: an address is of this field only */
        if (i + 1 < f->n && f->items[i + 1].field != fi->field) {
            addr = NULL;
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
    pg_allow_set_t    *set;
    pg_allow_kind_t    kind;
    pg_allow_entry_t   e;

    kind = PG_ALLOW_NAME;

    rc = pg_allow_kind(cf, &s, &n, &kind);
    if (rc != 0) {
        return rc;
    }

    /* the entry is read as the detectors read a post */
    if (pg_normalize(tmp, s, n, &norm) != PG_OK) {
        return pg_conffile_error(cf, "out of memory");
    }

    memset(&e, 0, sizeof(pg_allow_entry_t));
    s = norm.text;
    n = norm.len;

    if (kind == PG_ALLOW_URL && n && s[n - 1] == '*') {
        e.prefix = 1;
        n--;
    }

    rc = pg_allow_fold(tmp, kind, s, n, &c, &len);

    if (rc == 0 && kind == PG_ALLOW_URL) {
        /* the fold drops a last '/'; before a '*' it is the prefix's */
        if (e.prefix && s[n - 1] == '/') {
            c[len++] = '/';
        }

        /* "https://hospital.org*" would allow hospital.org.example.com */
        if (memchr(c, '*', len) != NULL
            || (e.prefix && memchr(c, '/', len) == NULL))
        {
            return pg_conffile_error(cf, "'*' only ends a url entry, after "
                                     "its host and a '/'");
        }

    } else if (rc == 0 && kind == PG_ALLOW_ADDRESS) {
        rc = pg_allow_address(tmp, s, n, &e);
    }

    if (rc != 0) {
        return pg_conffile_error(cf, "%s", rc < 0 ? "out of memory"
                                                  : pg_allow_errors[kind]);
    }

    set = &al->sets[kind];

    if (pg_arena_grow(&al->arena, (void **) &set->items, &set->cap, set->n,
                      sizeof(pg_allow_entry_t))
        != 0)
    {
        return pg_conffile_error(cf, "out of memory");
    }

    e.s = pg_arena_strndup(&al->arena, c, len);
    if (e.s == NULL) {
        return pg_conffile_error(cf, "out of memory");
    }

    e.len = len;
    set->items[set->n++] = e;
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


/*
 * What a post may write of an address entry: all of it, or its words up
 * to the end of its first part (before the first comma; without commas,
 * all but the ZIP code); and the ZIP code, right after it.
 */
static int
pg_allow_address(pg_arena_t *tmp, const char *s, size_t n,
    pg_allow_entry_t *e)
{
    char        *c;
    size_t       len, last, prev, head;
    const char  *comma;

    if (pg_allow_fold(tmp, PG_ALLOW_ADDRESS, s, n, &c, &len) != 0) {
        return -1;
    }

    if (strpbrk(c, "0123456789") == NULL) {
        return 1;
    }

    /* the ZIP code: a last word of 5 digits, or of 4 after one of 5 */
    for (last = len; last > 0 && c[last - 1] != ' '; last--) {
        /* void */
    }

    for (prev = last > 0 ? last - 1 : 0; prev > 0 && c[prev - 1] != ' ';
         prev--)
    {
        /* void */
    }

    head = len;

    if (pg_allow_digits(c + last, len - last, "", e->zip, 5) == 5
        && len - last == 5)
    {
        head = last;

    } else if (last > 0 && len - last == 4 && last - 1 - prev == 5
               && pg_allow_digits(c + prev, 5, "", e->zip, 5) == 5
               && pg_allow_digits(c + last, 4, "", e->zip + 5, 4) == 4)
    {
        head = prev;

    } else {
        e->zip[0] = '\0';
    }

    /* without a comma: the street and city, without the ZIP code */
    e->min = (head > 0 && head < len) ? head - 1 : len;

    comma = memchr(s, ',', n);

    if (comma != NULL
        && pg_allow_fold(tmp, PG_ALLOW_ADDRESS, s, comma - s, &c, &e->min)
           != 0)
    {
        e->min = len;
    }

    return 0;
}


static const pg_allow_entry_t *
pg_allow_lookup(const pg_allowlist_t *al, pg_arena_t *tmp, pg_type_t type,
    const char *text, size_t len)
{
    char                    *c;
    size_t                   i, n;
    pg_norm_t                norm;
    pg_allow_kind_t          kind;
    pg_allow_entry_t         key;
    const pg_allow_set_t    *set;
    const pg_allow_entry_t  *e;

    switch (type) {
    case PG_T_PHONE:
    case PG_T_FAX:
        kind = PG_ALLOW_PHONE;
        break;
    case PG_T_EMAIL:
        kind = PG_ALLOW_EMAIL;
        break;
    case PG_T_URL:
        kind = PG_ALLOW_URL;
        break;
    case PG_T_NAME:
        kind = PG_ALLOW_NAME;
        break;
    case PG_T_ADDRESS:
        kind = PG_ALLOW_ADDRESS;
        break;
    default:
        return NULL;
    }

    set = &al->sets[kind];

    if (set->n == 0
        || pg_normalize(tmp, text, len, &norm) != PG_OK
        || pg_allow_fold(tmp, kind, norm.text, norm.len, &c, &n) != 0)
    {
        return NULL;
    }

    if (kind != PG_ALLOW_URL && kind != PG_ALLOW_ADDRESS) {
        key.s = c;
        key.len = n;

        return bsearch(&key, set->items, set->n, sizeof(pg_allow_entry_t),
                       pg_allow_cmp);
    }

    for (i = 0; i < set->n; i++) {
        e = &set->items[i];

        if (pg_allow_is(e, kind, c, n)) {
            return e;
        }
    }

    return NULL;
}


/* a link or an address: prefix entries and leading parts */
static int
pg_allow_is(const pg_allow_entry_t *e, pg_allow_kind_t kind, const char *s,
    size_t len)
{
    if (kind == PG_ALLOW_URL) {
        return e->prefix ? len >= e->len && memcmp(s, e->s, e->len) == 0
                         : len == e->len && memcmp(s, e->s, len) == 0;
    }

    return len >= e->min && len <= e->len && memcmp(s, e->s, len) == 0
           && (len == e->len || e->s[len] == ' ');
}


static int
pg_allow_zip(const pg_allow_entry_t *e, const char *text, size_t len)
{
    int   k;
    char  d[PG_ALLOW_ZIP_MAX + 1];

    k = pg_allow_digits(text, len, " -", d, PG_ALLOW_ZIP_MAX);

    return (k == 5 || k == 9) && e->zip[0] != '\0'
           && memcmp(d, e->zip, k) == 0 && (k == 5 || e->zip[5] != '\0');
}


static int
pg_allow_cmp(const void *a, const void *b)
{
    int                      c;
    const pg_allow_entry_t  *x = a, *y = b;

    c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);

    if (c != 0) {
        return c;
    }

    return (x->len > y->len) - (x->len < y->len);
}
