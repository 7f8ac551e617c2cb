/*
 * Copyright (C) phigate authors
 *
 * Vehicle identifiers (Safe Harbor L).
 *
 *   VIN: 17 letters and digits, never I, O or Q, with a letter and
 *   three digits at least; position 9 is the check digit (NHTSA: letters
 *   transliterated, weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod
 *   11, 10 is 'X').  Alone it must pass the check (90); after a "VIN" cue
 *   it need not (80): VINs outside North America carry no check digit.
 *   Licence plates: only after a cue ("license plate", "plate #", "tag
 *   #", "placas", a state and "tag"), 4-8 characters with a letter
 *   and a digit, one inner space or hyphen allowed ("ABC 1234",
 *   "7ABC123").
 */


#include "pg_detect_cued.h"
#include "pg_text.h"


#define PG_VIN_LEN        17
#define PG_VIN_CUE_WORDS  4
#define PG_VIN_CUE_BYTES  40


static int pg_vin_shape(const char *t, size_t len, size_t pos);
static int pg_vin_check(const char *t, size_t pos);


static const char *const  pg_plate_cues[] = {
    "license plate", "licence plate", "license plates", "plate",
    "plate #", "plate#", "plate number", "plate no", "plates",
    "tag #", "tag#", "tag number", "tag no", "tags #",
    "registration plate", "number plate", "reg plate",
    /* Spanish: "placas JKL-447-B" */
    "placa", "placas", "placa #", "placa#",
    /*
     * "Georgia tag RKV4417": "tag" is a plate only after a state, as
     * drivers in the South say it; "price tag", "name tag 4417" and
     * "#tag" are no cues
     */
    "alabama tag", "alaska tag", "arizona tag", "arkansas tag",
    "california tag", "colorado tag", "connecticut tag", "dc tag",
    "delaware tag", "florida tag", "georgia tag", "hawaii tag", "idaho tag",
    "illinois tag", "indiana tag", "iowa tag", "kansas tag", "kentucky tag",
    "louisiana tag", "maine tag", "maryland tag", "massachusetts tag",
    "michigan tag", "minnesota tag", "mississippi tag", "missouri tag",
    "montana tag", "nebraska tag", "nevada tag", "new hampshire tag",
    "new jersey tag", "new mexico tag", "new york tag", "north carolina tag",
    "north dakota tag", "ohio tag", "oklahoma tag", "oregon tag",
    "pennsylvania tag", "rhode island tag", "south carolina tag",
    "south dakota tag", "tennessee tag", "texas tag", "utah tag",
    "vermont tag", "virginia tag", "washington tag", "west virginia tag",
    "wisconsin tag", "wyoming tag",
    NULL
};


static const char *const  pg_vin_cues[] = {
    "vin", "vin#", "vin #", "vin number", "vin no",
    "vehicle identification number", "vehicle id", "chassis number",
    NULL
};


static pg_cue_set_t  pg_plate_set = pg_cue_set(pg_plate_cues);

static const pg_cued_t  pg_plate_spec = {
    PG_T_VEHICLE, 80, &pg_plate_set, 4, 8, 1, 1, 1, NULL
};


pg_status_t
pg_detect_vehicle(const pg_scan_t *s, pg_findings_t *out)
{
    int                check, cue;
    size_t             i, k;
    const char        *t;
    pg_status_t        st;
    const pg_words_t  *w;

    t = s->text;
    w = s->words;

    /* a VIN is a word of 17: shorter and longer words are skipped */

    for (k = pg_words_of_len(w, 0, PG_VIN_LEN);
         k < w->n;
         k = pg_words_of_len(w, k + 1, PG_VIN_LEN))
    {
        i = w->word[k];

        if (!pg_vin_shape(t, s->len, i)) {
            continue;
        }

        check = pg_vin_check(t, i);
        cue = pg_cue_before(t, i, PG_VIN_CUE_WORDS, PG_VIN_CUE_BYTES,
                            pg_vin_cues);

        if (check || cue) {
            st = pg_findings_add(out, s->arena, PG_T_VEHICLE, s->field, i,
                                 PG_VIN_LEN, check ? 90 : 80);
            if (st != PG_OK) {
                return st;
            }
        }
    }

    return pg_detect_cued(s, &pg_plate_spec, out);
}


/* 17 characters, no I/O/Q, a letter, three digits, then a word end */

static int
pg_vin_shape(const char *t, size_t len, size_t pos)
{
    int     c;
    size_t  k, digits, letters;

    digits = 0;
    letters = 0;

    for (k = 0; k < PG_VIN_LEN; k++) {
        c = pg_tolower(t[pos + k]);

        if (pg_isdigit(c)) {
            digits++;

        } else if (pg_isalpha(c) && c != 'i' && c != 'o' && c != 'q') {
            letters++;

        } else {
            return 0;
        }
    }

    return digits >= 3 && letters >= 1
           && pg_num_end(t, len, pos + PG_VIN_LEN);
}


static int
pg_vin_check(const char *t, size_t pos)
{
    int       c;
    size_t    k;
    unsigned  sum, v, check;

    /* a-z: A1 B2 ... H8, J1 ... R9 (no Q), S2 ... Z9 */
    static const unsigned char  translit[26] = {
        1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9,
        2, 3, 4, 5, 6, 7, 8, 9
    };
    static const unsigned char  weight[PG_VIN_LEN] = {
        8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2
    };

    sum = 0;

    for (k = 0; k < PG_VIN_LEN; k++) {
        c = pg_tolower(t[pos + k]);
        v = pg_isdigit(c) ? (unsigned) (c - '0') : translit[c - 'a'];
        sum += v * weight[k];
    }

    check = sum % 11;
    c = pg_tolower(t[pos + 8]);

    return check == 10 ? c == 'x' : pg_isdigit(c)
                                    && (unsigned) (c - '0') == check;
}
