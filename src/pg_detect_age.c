/*
 * Copyright (C) phigate authors
 *
 * Ages over 89 (Safe Harbor C): a number 90-120 that a phrase makes a
 * person's age.  Ages up to 89 are not identifiers and never fire; "90+"
 * and "90 or older" are the aggregate Safe Harbor allows and never fire.
 *
 *   strong (90): "94-year-old", "94 years old", "94 yo", "94 y/o",
 *   "94 years of age", "aged 94", "age 94", "age: 94", "age of 94"
 *     unless the next word is a thing ("our 100-year-old hospital") or,
 *     for "N years old", an institution is in the 4 words before ("the
 *     building is 100 years old")
 *   apposition (85): a capitalised name, a comma and the number ending
 *   its phrase ("Rosa Diaz, 94, went home", "Meet Harold, 99!") unless
 *   the word before the comma is a thing ("Hospital, 100,")
 *   weak (75): "101st birthday", "turns 100", "turned 100", "100 years
 *   young"
 *     only with a person ("patient", "resident", "she", "grandma",
 *     "Mrs.", ...) in the 8 words before or after, and no institution
 *     in the 4 words before the number or after "birthday"
 *
 * "Celebrating 100 years", "90+ years of service" and "our 100th
 * anniversary" are none of these phrases: an institution's age.
 * Spelled-out ages ("ninety-four") are not read.
 */


#include "pg_detect.h"
#include "pg_text.h"


#define PG_AGE_MIN          90
#define PG_AGE_MAX          120
#define PG_AGE_CTX_WORDS    8
#define PG_AGE_CTX_BYTES    96
#define PG_AGE_NEAR_WORDS   4
#define PG_AGE_NEAR_BYTES   48
#define PG_AGE_CUE_WORDS    3
#define PG_AGE_CUE_BYTES    24
#define PG_AGE_NAME_BYTES   32      /* how far back a name's word starts */


static size_t pg_age_suffix(const char *t, size_t len, size_t pos,
    size_t *which);
static size_t pg_age_match(const char *t, size_t len, size_t pos,
    const char *cue);
static int pg_age_ordinal(const char *t, size_t len, size_t pos);
static int pg_age_apposition(const char *t, size_t len, size_t pos,
    size_t end);
static int pg_age_person(const char *t, size_t len, size_t pos,
    size_t end);


/* after the number; ' ' in a suffix matches one space or hyphen */
static const char *const  pg_age_suffixes[] = {
    "year old",
    "years old",
    "yr old",
    "yrs old",
    "yo",
    "y/o",
    "y.o",
    "years of age",
    "yrs of age",
    "years young",      /* weak: institutions say it too */
    NULL
};

/* indexes in pg_age_suffixes[] */
#define PG_AGE_YEARS_OLD  1     /* may be said of a building */
#define PG_AGE_YRS_OLD    3
#define PG_AGE_YOUNG      9


static const char *const  pg_age_before[] = {
    "aged",
    "age",
    "age:",
    "age of",
    "ages of",
    NULL
};


static const char *const  pg_age_turns[] = {
    "turns",
    "turned",
    "turning",
    NULL
};


static const char *const  pg_age_birthday[] = {
    "birthday",
    "birthdays",
    "bday",
    "b-day",
    "bday!",
    NULL
};


/* the Safe Harbor aggregate: "90 or older", "over 90", "ages 90+" */
static const char *const  pg_age_aggregate_before[] = {
    "over",
    "above",
    "ages",
    "than",
    "least",
    "under",
    "from",
    NULL
};


static const char *const  pg_age_aggregate_after[] = {
    "or older",
    "and older",
    "or over",
    "and over",
    "and up",
    "or above",
    "and above",
    "or more",
    "plus",
    NULL
};


static const char *const  pg_age_persons[] = {
    "patient", "patient's", "resident", "resident's", "veteran",
    "woman", "man", "lady", "gentleman", "she", "he", "her", "his", "him",
    "mrs", "mr", "ms", "miss", "grandmother", "grandma", "grandfather",
    "grandpa", "great-grandmother", "great-grandfather", "granny",
    "nana", "mother", "father", "mom", "dad", "wife", "husband", "widow",
    "aunt", "uncle", "sister", "brother", "centenarian", "honoree",
    "birthday girl", "birthday boy", "client", "survivor", "member",
    "parishioner", "participant", "pt",
    NULL
};


static const char *const  pg_age_things[] = {
    "hospital", "hospitals", "clinic", "clinics", "center", "centre",
    "building", "buildings", "church", "chapel", "institution",
    "organization", "organisation", "company", "foundation", "school",
    "college", "university", "campus", "facility", "practice",
    "department", "program", "programme", "tradition", "partnership",
    "system", "health", "society", "association", "wing", "house",
    "home", "tree", "oak", "bridge", "landmark", "museum", "library",
    "charter", "brand", "firm", "business", "town", "city", "legacy",
    "history", "institute", "network", "league", "auxiliary", "guild",
    "mission", "ministry", "order", "parish", "community", "story",
    NULL
};


pg_status_t
pg_detect_age(const pg_scan_t *s, pg_findings_t *out)
{
    int           weak, ord, appos;
    size_t        i, run, end, m, which;
    uint8_t       conf;
    unsigned long v;
    const char   *t;
    pg_status_t   st;

    t = s->text;

    for (i = pg_next_digit(t, s->len, 0);
         i < s->len;
         i = pg_next_digit(t, s->len, i + run))
    {
        run = pg_digit_run(t, s->len, i, s->len);

        if (run < 2 || run > 3 || !pg_num_start(t, i)) {
            continue;
        }

        v = pg_digits_value(t, i, run);
        if (v < PG_AGE_MIN || v > PG_AGE_MAX) {
            continue;
        }

        end = i + run;
        ord = pg_age_ordinal(t, s->len, end);

        /* "90+", "95%", "100,000", "99.5", "$100" are not ages */
        if (end < s->len
            && (t[end] == '+' || t[end] == '%'
                || ((t[end] == ',' || t[end] == '.' || t[end] == '/')
                    && end + 1 < s->len && pg_isdigit(t[end + 1]))))
        {
            continue;
        }

        if (i > 0 && (t[i - 1] == '$' || t[i - 1] == '#')) {
            continue;
        }

        if (pg_cue_before(t, i, 2, PG_AGE_CUE_BYTES,
                          pg_age_aggregate_before)
            || pg_cue_after(t, s->len, end, 2, PG_AGE_CUE_BYTES,
                            pg_age_aggregate_after))
        {
            continue;
        }

        weak = -1;
        appos = 0;

        m = ord ? 0 : pg_age_suffix(t, s->len, end, &which);

        if (m != 0) {
            /* "94-year-old ..." : the word after must not be a thing */
            if (pg_cue_after(t, s->len, end + m, 1, PG_AGE_CUE_BYTES,
                             pg_age_things))
            {
                continue;
            }

            if (which == PG_AGE_YOUNG) {
                weak = 1;

            } else if ((which == PG_AGE_YEARS_OLD
                        || which == PG_AGE_YRS_OLD)
                       && pg_cue_before(t, i, PG_AGE_NEAR_WORDS,
                                        PG_AGE_NEAR_BYTES, pg_age_things))
            {
                continue;

            } else {
                weak = 0;
            }

            end += m;

            /* "90 years of age and older" */
            if (pg_cue_after(t, s->len, end, 2, PG_AGE_CUE_BYTES,
                             pg_age_aggregate_after))
            {
                continue;
            }

        } else if (ord) {
            if (pg_cue_after(t, s->len, end + 2, 1, PG_AGE_CUE_BYTES,
                             pg_age_birthday))
            {
                weak = 1;
            }

        } else if (pg_cue_before(t, i, PG_AGE_CUE_WORDS, PG_AGE_CUE_BYTES,
                                 pg_age_before))
        {
            weak = 0;

        } else if (pg_cue_before(t, i, 2, PG_AGE_CUE_BYTES, pg_age_turns))
        {
            weak = 1;

        } else if (pg_age_apposition(t, s->len, i, end)) {
            weak = 0;
            appos = 1;
        }

        if (weak < 0) {
            continue;
        }

        if (ord) {
            end += 2;
        }

        if (weak && !pg_age_person(t, s->len, i, end)) {
            continue;
        }

        conf = appos ? 85 : weak ? 75 : 90;

        st = pg_findings_add(out, s->arena, PG_T_AGE, s->field, i,
                             end - i, conf);
        if (st != PG_OK) {
            return st;
        }

        run = end - i;
    }

    return PG_OK;
}


/* "-year-old" and the like right after the number: its length */

static size_t
pg_age_suffix(const char *t, size_t len, size_t pos, size_t *which)
{
    size_t  k, m, skip;

    skip = pos < len && (t[pos] == ' ' || t[pos] == '-') ? 1 : 0;

    for (k = 0; pg_age_suffixes[k] != NULL; k++) {
        m = pg_age_match(t, len, pos + skip, pg_age_suffixes[k]);

        if (m != 0) {
            *which = k;
            return skip + m;
        }
    }

    return 0;
}


/* cue at pos, case-insensitive, ' ' matching a space or a hyphen */

static size_t
pg_age_match(const char *t, size_t len, size_t pos, const char *cue)
{
    size_t  i;

    for (i = pos; *cue; cue++, i++) {
        if (i >= len) {
            return 0;
        }

        if (*cue == ' ' ? t[i] != ' ' && t[i] != '-'
                        : pg_tolower(t[i]) != (unsigned char) *cue)
        {
            return 0;
        }
    }

    return pg_word_end(t, len, i) ? i - pos : 0;
}


/* "st", "nd", "rd", "th" ending a word at pos */

static int
pg_age_ordinal(const char *t, size_t len, size_t pos)
{
    int  a, b;

    if (pos + 2 > len) {
        return 0;
    }

    a = pg_tolower(t[pos]);
    b = pg_tolower(t[pos + 1]);

    return ((a == 's' && b == 't') || (a == 'n' && b == 'd')
            || (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
           && pg_word_end(t, len, pos + 2);
}


/*
 * "Rosa Diaz, 94, went home": a capitalised word, ", ", the number, and
 * punctuation that ends the apposition (or the text).  "Suite 200, 95
 * Main St" and "Boston, 95 degrees" are not: the word before the comma
 * is a number, or a word follows the number.
 */

static int
pg_age_apposition(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  w, lo;

    if (pos < 4 || t[pos - 1] != ' ' || t[pos - 2] != ',') {
        return 0;
    }

    if (end < len && t[end] != ',' && t[end] != '!' && t[end] != '.'
        && t[end] != ')' && t[end] != ';')
    {
        return 0;
    }

    w = pos - 2;
    lo = w > PG_AGE_NAME_BYTES ? w - PG_AGE_NAME_BYTES : 0;

    while (w > lo && pg_isalpha(t[w - 1])) {
        w--;
    }

    if (w == pos - 2 || (w > 0 && pg_isalnum(t[w - 1]))
        || t[w] < 'A' || t[w] > 'Z')
    {
        return 0;
    }

    return !pg_cue_before(t, pos, 1, PG_AGE_CUE_BYTES, pg_age_things);
}


/* a person near the number, and no institution right next to it */

static int
pg_age_person(const char *t, size_t len, size_t pos, size_t end)
{
    if (pg_cue_before(t, pos, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                      pg_age_things)
        || pg_cue_after(t, len, end, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                        pg_age_things))
    {
        return 0;
    }

    return pg_cue_before(t, pos, PG_AGE_CTX_WORDS, PG_AGE_CTX_BYTES,
                         pg_age_persons)
           || pg_cue_after(t, len, end, PG_AGE_CTX_WORDS, PG_AGE_CTX_BYTES,
                           pg_age_persons);
}
