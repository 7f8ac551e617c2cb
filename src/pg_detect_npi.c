/*
 * Copyright (C) phigate authors
 *
 * National Provider Identifiers.  An NPI is ten digits whose last is a
 * Luhn check digit computed over "80840" and the first nine.  Ten digits
 * are also a phone number, so an NPI needs both: an NPI cue ("NPI",
 * "NPI#", "national provider identifier") in the few words before it
 * and a valid check digit.  A bare valid number never fires.  An NPI
 * names a provider, not a patient: it is its own type so that policy can
 * treat it differently.
 */


#include <string.h>

#include "pg_detect.h"
#include "pg_text.h"


#define PG_NPI_LEN        10
#define PG_NPI_CUE_WORDS  5
#define PG_NPI_CUE_BYTES  56


static int pg_npi_valid(const char *t, size_t pos);


static const char *const  pg_npi_cues[] = {
    "npi",
    "npi#",
    "npis",
    "national provider identifier",
    "national provider id",
    "national provider number",
    NULL
};


pg_status_t
pg_detect_npi(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, run;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    t = s->text;
    pg_scan_digits(s, &c);

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + run)) {
        run = pg_digit_run(t, s->len, i, s->len);

        if (run != PG_NPI_LEN || !pg_num_start(t, i)
            || !pg_num_end(t, s->len, i + run)
            || (t[i] != '1' && t[i] != '2')
            || !pg_npi_valid(t, i)
            || !pg_cue_before(t, i, PG_NPI_CUE_WORDS, PG_NPI_CUE_BYTES,
                              pg_npi_cues))
        {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_NPI, s->field, i,
                             PG_NPI_LEN, 95);
        if (st != PG_OK) {
            return st;
        }
    }

    return PG_OK;
}


/* Luhn over "80840" and the ten digits at pos */

static int
pg_npi_valid(const char *t, size_t pos)
{
    char  d[5 + PG_NPI_LEN];

    memcpy(d, "80840", 5);
    memcpy(d + 5, t + pos, PG_NPI_LEN);

    return pg_luhn(d, sizeof(d));
}
