/*
 * Copyright (C) phigate authors
 *
 * Medical record numbers.  There is no national format, so an MRN is an
 * identifier that a cue introduces: "MRN", "MRN#", "MR#", "medical record
 * number|no|#", "chart number|no|#", "patient ID", "record #", dotted
 * or spaced "M.R.N.", "M. R. N.", "M R N", ...,
 * followed within a few separators and filler words ("MRN is", "chart
 * no. :") by an ID of 5-12 letters and digits with at least one digit
 * (inner hyphens allowed: "MRN 00-123456"; digits in spaced groups too:
 * "MRN 1234 5678", "MRN 12 - 345 - 678").  A cue with no such ID after
 * it ("our patient ID bracelets") is not a finding.
 */


#include "pg_detect.h"
#include "pg_detect_sep.h"
#include "pg_text.h"


/* separators and filler words between the cue and the ID */
#define PG_MRN_GAP       16
#define PG_MRN_ID_MIN    5
#define PG_MRN_ID_MAX    12
/* a group with hyphens is at most this long in bytes, a whole ID this */
#define PG_MRN_TOKEN_MAX 16
#define PG_MRN_ID_BYTES  32

#define pg_mrn_gap_char(c)                                                  \
    (pg_isspace(c) || (c) == ':' || (c) == '#' || (c) == '.'                \
     || (c) == '=' || (c) == '-')


static size_t pg_mrn_gap(const char *t, size_t len, size_t pos);
static size_t pg_mrn_id(const char *t, size_t len, size_t pos);
static int pg_mrn_fits(const char *t, size_t len, size_t end, size_t glen,
    size_t alnum, size_t digits);


static const char *const  pg_mrn_cues[] = {
    "mrn",
    "mrn#",
    "m.r.n",
    "m. r. n",
    "m r n",
    "m.r.#",
    "mr#",
    "mr #",
    "medical record number",
    "medical record no",
    "medical record #",
    "medical record#",
    "med rec number",
    "med rec no",
    "med rec #",
    "chart number",
    "chart no",
    "chart #",
    "chart#",
    "patient id",
    "patient id#",
    "patient identifier",
    "pt id",
    "pt. id",
    "record number",
    "record no",
    "record #",
    "record#",
    /* "EMRN" (an electronic record's number), "hospital no." (the
     * British and Commonwealth name of the MRN; not "hospital number"
     * or "hospital #": the hospital's phone number, its ranking) */
    "emrn",
    "emrn#",
    "hospital no",
    "hosp no",
    NULL
};


static pg_cue_set_t  pg_mrn_set = pg_cue_set(pg_mrn_cues);


static const char *const  pg_mrn_fillers[] = {
    "is",
    "no",
    "nbr",
    "num",
    "number",
    NULL
};


pg_status_t
pg_detect_mrn(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, m, id, n;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    st = pg_scan_cands(s, &c, &pg_mrn_set);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;
    i = 0;

    while ((i = pg_cands_next(&c, i, &m)) < s->len) {

        id = i + m + pg_mrn_gap(t, s->len, i + m);

        n = pg_mrn_id(t, s->len, id);
        if (n == 0) {
            /* "medical record number": "record number" is a cue too */
            i++;
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_MRN, s->field, id, n, 90);
        if (st != PG_OK) {
            return st;
        }

        i = id + n;
    }

    return PG_OK;
}


/* how many bytes of separators and filler words follow the cue at pos */

static size_t
pg_mrn_gap(const char *t, size_t len, size_t pos)
{
    size_t  i, m;

    i = pos;

    while (i < len && i - pos < PG_MRN_GAP) {

        if (pg_mrn_gap_char(t[i])) {
            i++;
            continue;
        }

        m = pg_cues_at(t, len, i, pg_mrn_fillers, NULL);
        if (m == 0) {
            break;
        }

        i += m;
    }

    return i - pos;
}


/*
 * The length of an ID at pos, 0 when there is none: groups of letters
 * and digits with inner hyphens ("00-123456"), and after a group of at
 * most 4 digits, more digits past a blank or a spaced separator
 * (pg_detect_sep.h: "1234 5678", "12 - 345 - 678"); the longest of
 * these that ends a number and has 5-12 letters and digits, one a digit.
 * A lone '.' joins nothing: "12.345" is a decimal.
 */

static size_t
pg_mrn_id(const char *t, size_t len, size_t pos)
{
    char    kind;
    size_t  i, n, group, alnum, digits, best;

    if (!pg_word_start(t, pos)) {
        return 0;
    }

    alnum = 0;
    digits = 0;
    best = 0;
    group = pos;

    for (i = pos; i < len && i - pos <= PG_MRN_ID_BYTES; i++) {

        if (pg_isalnum(t[i])) {
            alnum++;
            digits += pg_isdigit(t[i]);
            continue;
        }

        /* a hyphen inside the ID, between two letters or digits */
        if (t[i] == '-' && i > group && i + 1 < len
            && pg_isalnum(t[i + 1]))
        {
            continue;
        }

        if (pg_mrn_fits(t, len, i, i - group, alnum, digits)) {
            best = i - pos;
        }

        n = pg_group_sep(t, len, i, &kind);

        if (n == 0 || (n == 1 && kind == '.') || !pg_isdigit(t[i + n])
            || i == group || i - group > 4
            || pg_digit_run(t, len, group, 5) != i - group)
        {
            return best;
        }

        group = i + n;
        i += n - 1;
    }

    if (i - pos <= PG_MRN_ID_BYTES
        && pg_mrn_fits(t, len, i, i - group, alnum, digits))
    {
        best = i - pos;
    }

    return best;
}


/* the ID read so far, its last group glen bytes, ends a fitting ID */

static int
pg_mrn_fits(const char *t, size_t len, size_t end, size_t glen,
    size_t alnum, size_t digits)
{
    return glen <= PG_MRN_TOKEN_MAX && pg_num_end(t, len, end)
           && alnum >= PG_MRN_ID_MIN && alnum <= PG_MRN_ID_MAX
           && digits > 0;
}
