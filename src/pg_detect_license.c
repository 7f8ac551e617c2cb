/*
 * Copyright (C) phigate authors
 *
 * Certificate and licence numbers (Safe Harbor K).
 *
 *   DEA registration numbers: two letters and seven digits, the last a
 *   check digit: (d1 + d3 + d5) + 2 * (d2 + d4 + d6), last digit.  The
 *   first letter is a registrant type (A-H, J-M, P-U, X); the second is
 *   a letter or '9'.  With a "DEA" cue 95, alone 75 (upper case only:
 *   the layout is the signal).
 *   Driver's licence, licence/certificate/permit numbers: only after a
 *   cue ("driver's license", "DL#", "license number", "certificate #"),
 *   with an ID of 5-20 characters, 4 of them digits or more.
 *
 * An NPI (also a licence number in the Safe Harbor sense) is its own
 * type, PG_T_NPI, in pg_detect_npi.c.
 */


#include "pg_detect_cued.h"
#include "pg_text.h"


#define PG_DEA_LEN        9
#define PG_DEA_CUE_WORDS  4
#define PG_DEA_CUE_BYTES  40


static int pg_dea_valid(const char *t, size_t len, size_t pos, int cue);


static const char *const  pg_license_cues[] = {
    "driver's license", "drivers license", "driver license",
    "driver's licence", "drivers licence", "driver licence",
    "driving licence", "driving license", "driver's lic", "drivers lic",
    "dl", "dl#", "dl #", "d.l.", "dln",
    "license #", "license#", "license number", "license no",
    "licence #", "licence#", "licence number", "licence no",
    "lic #", "lic#", "lic no", "lic. no", "lic. #",
    "certificate #", "certificate#", "certificate number",
    "certificate no", "cert #", "cert#", "cert no",
    "permit #", "permit number", "permit no",
    "state id", "id card number", "passport", "passport #",
    "passport number", "passport no",
    NULL
};


static const char *const  pg_dea_cues[] = {
    "dea", "dea#", "dea #", "dea number", "dea no", "dea registration",
    NULL
};


static pg_cue_set_t  pg_license_set = pg_cue_set(pg_license_cues);

static const pg_cued_t  pg_license_spec = {
    PG_T_LICENSE, 85, &pg_license_set, 5, 20, 4, 0, 0, NULL
};


pg_status_t
pg_detect_license(const pg_scan_t *s, pg_findings_t *out)
{
    int                cue;
    size_t             i, k;
    const char        *t;
    pg_status_t        st;
    const pg_words_t  *w;

    t = s->text;
    w = s->words;

    /*
     * A DEA number is a word of 9 that starts with a letter: its second
     * byte a letter or '9', seven digits, then no letter or digit.
     */

    for (k = pg_words_of_len(w, 0, PG_DEA_LEN);
         k < w->n;
         k = pg_words_of_len(w, k + 1, PG_DEA_LEN))
    {
        i = w->word[k];

        /* the shape first: the cue lookback only for candidates */
        if (!pg_isalpha(t[i]) || pg_digit_run(t, s->len, i + 2, 8) != 7) {
            continue;
        }

        cue = pg_cue_before(t, i, PG_DEA_CUE_WORDS, PG_DEA_CUE_BYTES,
                            pg_dea_cues);

        if (!pg_dea_valid(t, s->len, i, cue)) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_LICENSE, s->field, i,
                             PG_DEA_LEN, cue ? 95 : 75);
        if (st != PG_OK) {
            return st;
        }
    }

    return pg_detect_cued(s, &pg_license_spec, out);
}


static int
pg_dea_valid(const char *t, size_t len, size_t pos, int cue)
{
    int       c1, c2;
    size_t    k;
    unsigned  d[7], sum;

    c1 = (unsigned char) t[pos];
    c2 = (unsigned char) t[pos + 1];

    if (!cue) {
        /* alone, only the registrant types and upper case */
        if (c1 < 'A' || c1 > 'X' || c1 == 'I' || c1 == 'N' || c1 == 'O'
            || c1 == 'V' || c1 == 'W'
            || !((c2 >= 'A' && c2 <= 'Z') || c2 == '9'))
        {
            return 0;
        }

    } else if (!pg_isalpha(c1) || !(pg_isalpha(c2) || c2 == '9')) {
        return 0;
    }

    if (pg_digit_run(t, len, pos + 2, 8) != 7
        || !pg_num_end(t, len, pos + PG_DEA_LEN))
    {
        return 0;
    }

    for (k = 0; k < 7; k++) {
        d[k] = (unsigned) (t[pos + 2 + k] - '0');
    }

    sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);

    return sum % 10 == d[6];
}
