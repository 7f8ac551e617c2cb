/*
 * Copyright (C) phigate authors
 */


#include "pg_detect_cued.h"
#include "pg_text.h"


/* separators and filler words between a cue and its ID, in bytes */
#define PG_CUED_GAP        20
/* an ID with hyphens is at most this long in bytes */
#define PG_CUED_TOKEN_MAX  32


static size_t pg_cued_id(const char *t, size_t len, size_t pos,
    const pg_cued_t *spec);
static int pg_cued_fits(const pg_token_t *tok, const pg_cued_t *spec);


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
    NULL
};


pg_status_t
pg_detect_cued(const pg_scan_t *s, const pg_cued_t *spec,
    pg_findings_t *out)
{
    size_t        i, m, id, n;
    const char   *t;
    pg_status_t   st;

    t = s->text;
    i = 0;

    while ((i = pg_cues_next(t, s->len, i, spec->cues, &m)) < s->len) {

        id = i + m + pg_skip_gap(t, s->len, i + m, PG_CUED_GAP,
                                 pg_cued_fillers);

        n = pg_cued_id(t, s->len, id, spec);
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
