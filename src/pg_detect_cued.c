/*
 * Copyright (C) phigate authors
 */


#include "pg_detect_cued.h"
#include "pg_text.h"


/* separators and filler words between a cue and its ID, in bytes */
#define PG_CUED_GAP        20
/* an ID with hyphens is at most this long in bytes */
#define PG_CUED_TOKEN_MAX  32
/* "Passport number for the international patient: <ID>": bytes from
 * the cue's "for" to the colon */
#define PG_CUED_FOR_MAX    48
/* "Policy # BCX 7748 0219 1A": groups after a prefix in capitals */
#define PG_CUED_GROUPS     4


static size_t pg_cued_id(const char *t, size_t len, size_t pos,
    const pg_cued_t *spec);
static int pg_cued_fits(const pg_token_t *tok, const pg_cued_t *spec);
static size_t pg_cued_for(const char *t, size_t len, size_t pos);
static size_t pg_cued_groups(const char *t, size_t len, size_t pos,
    size_t n, pg_token_t *tok);


static const char *const  pg_cued_fillers[] = {
    "is",
    "was",
    "no",
    "nbr",
    "num",
    "number",
    "id",
    "identifier",
    "code",
    "record",
    "sample",
    "template",
    /* "Blue Cross card says ID XJH884120337" */
    "card",
    "says",
    NULL
};


pg_status_t
pg_detect_cued(const pg_scan_t *s, const pg_cued_t *spec,
    pg_findings_t *out)
{
    size_t        i, m, id, n, f;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    st = pg_scan_cands(s, &c, spec->cues);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;
    i = 0;

    while ((i = pg_cands_next(&c, i, &m)) < s->len) {

        id = i + m + pg_skip_gap(t, s->len, i + m, PG_CUED_GAP,
                                 pg_cued_fillers);

        n = pg_cued_id(t, s->len, id, spec);

        f = n ? 0 : pg_cued_for(t, s->len, id);

        if (f != 0) {
            /* "<cue> for the <whom>: <ID>" */
            n = pg_cued_id(t, s->len, id + f, spec);
            id += n ? f : 0;
        }

        if (n == 0) {
            /* the cue's own words are not cues again */
            i += m;
            continue;
        }

        st = pg_findings_add(out, s->arena, spec->type, s->field, id, n,
                             spec->confidence);
        if (st != PG_OK) {
            return st;
        }

        i = id + n;
    }

    return PG_OK;
}


/* the length of an ID that fits spec at pos, 0 when there is none */

static size_t
pg_cued_id(const char *t, size_t len, size_t pos, const pg_cued_t *spec)
{
    size_t      n, n2;
    pg_token_t  tok, tok2;

    n = pg_id_token(t, len, pos, PG_CUED_TOKEN_MAX, &tok);
    if (n == 0) {
        return 0;
    }

    n = pg_cued_groups(t, len, pos, n, &tok);

    if (spec->space && pos + n + 1 < len && t[pos + n] == ' ') {
        /* "ABC 1234": the second part is read only if the first lacks */
        n2 = pg_id_token(t, len, pos + n + 1, PG_CUED_TOKEN_MAX, &tok2);

        if (n2 > 0 && !pg_cued_fits(&tok, spec)) {
            tok.alnum += tok2.alnum;
            tok.digits += tok2.digits;
            tok.letters += tok2.letters;
            n += 1 + n2;
        }
    }

    if (!pg_cued_fits(&tok, spec)) {
        return 0;
    }

    if (spec->valid != NULL && !spec->valid(t + pos, n)) {
        return 0;
    }

    return n;
}


static int
pg_cued_fits(const pg_token_t *tok, const pg_cued_t *spec)
{
    return tok->alnum >= spec->id_min && tok->alnum <= spec->id_max
           && tok->digits >= spec->digits_min
           && tok->letters >= spec->letters_min;
}


/*
 * "Passport number for the international patient: 548213097": at pos,
 * "for" or "of" and at most a few words without digits up to a colon in
 * the same sentence; returns the bytes to the ID after the colon, 0 when
 * there is no such phrase.  Spanish, Portuguese and French say "of" as
 * "de", "del", "da", "do", "du" ("Número de Medicaid de la paciente:
 * <ID>").
 */

static const char *const  pg_cued_fors[] = {
    "for ", "of ", "de ", "del ", "da ", "do ", "du ", NULL
};


static size_t
pg_cued_for(const char *t, size_t len, size_t pos)
{
    size_t  i, m;

    m = pg_cues_at(t, len, pos, pg_cued_fors, NULL);

    if (m == 0) {
        return 0;
    }

    for (i = pos + m; i < len && i - pos < PG_CUED_FOR_MAX; i++) {
        if (t[i] == ':') {
            for (i++; i < len && t[i] == ' '; i++) {
                /* void */
            }

            return i - pos;
        }

        if (!(pg_isalpha(t[i]) || t[i] == ' ' || t[i] == '\''
              || t[i] == '-'))
        {
            return 0;
        }
    }

    return 0;
}


/*
 * "BCX 7748 0219 1A": a token of 2-4 capitals and no digit, then groups
 * split by one space that each hold a digit, read as one ID (insurers
 * print member and policy numbers so).  Returns the ID's length (n when
 * the token at pos is not such a prefix) and adds the groups to *tok.
 */

static size_t
pg_cued_groups(const char *t, size_t len, size_t pos, size_t n,
    pg_token_t *tok)
{
    size_t      k, g, e;
    pg_token_t  next;

    if (tok->digits != 0 || tok->letters < 2 || tok->letters > 4
        || tok->alnum != n)
    {
        return n;
    }

    for (k = 0; k < n; k++) {
        if (t[pos + k] < 'A' || t[pos + k] > 'Z') {
            return n;
        }
    }

    e = pos + n;

    for (k = 0; k < PG_CUED_GROUPS; k++) {
        if (e + 1 >= len || t[e] != ' ' || !pg_isalnum(t[e + 1])) {
            break;
        }

        g = pg_id_token(t, len, e + 1, PG_CUED_TOKEN_MAX, &next);

        if (g == 0 || next.digits == 0) {
            break;
        }

        tok->alnum += next.alnum;
        tok->digits += next.digits;
        tok->letters += next.letters;
        e += 1 + g;
    }

    return e - pos;
}
