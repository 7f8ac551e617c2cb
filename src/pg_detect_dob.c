/*
 * Copyright (C) phigate authors
 *
 * Dates of birth: a date that a birth cue introduces.  The cue ("DOB",
 * "D.O.B.", "D. O. B.", "D O B", "date of birth", "birth date", "birthdate", "born", "born on",
 * "b.", "birthday") may be followed by separators and a few filler words
 * ("is", "on", "was", a weekday), then one of:
 *
 *   numeric   M/D/YYYY, MM-DD-YY, DD.MM.YYYY, YYYY-MM-DD, M/D
 *   written   Jun 12 1985, June 12, 1985, Jun. 12th, 1985,
 *             12 June 1985, 12th of June, 1985, June 12
 *
 * "the birth of twins Zion and Zuri on March 2": "birth of", the babies
 * (a baby word among at most six words) and "on" (pg_when_birth_of()).
 * In other languages: "Nasceu dia 3 de novembro", "nacio el 5 de mayo",
 * "nee le 14 fevrier", "geboren am 2. November 1930" (accented or not;
 * the dates of pg_when_day_first()).
 *
 * The date needs a day: "born in 1985" or "born June 1985" is no finding
 * (a year alone is not PHI).  After "b." and "birthday" the year is also
 * required, since "Plan b. 6/12" and "birthday party Jun 12" are common.
 * "Born" said of an institution is its founding: "our hospital was born
 * on July 4, 1902" is no finding, "our hospital's first baby was born on
 * Jan 1" is one.  The finding covers the date, not the cue.
 */


#include "pg_detect.h"
#include "pg_detect_when.h"
#include "pg_text.h"


#define PG_DOB_GAP        24
#define PG_DOB_YEAR_MIN   1880
#define PG_DOB_YEAR_MAX   2099


/* the cues, with the year that "b." and "birthday" ask for */
#define pg_dob_need_year(k)                                                 \
    ((k) == PG_DOB_B || (k) == PG_DOB_BIRTHDAY || (k) == PG_DOB_B_DAY       \
     || (k) == PG_DOB_BDAY)


static size_t pg_dob_gap(const char *t, size_t len, size_t pos);
static size_t pg_dob_date(const char *t, size_t len, size_t pos,
    int *year);
static size_t pg_dob_numeric(const char *t, size_t len, size_t pos,
    int *year);
static size_t pg_dob_written(const char *t, size_t len, size_t pos,
    int *year);
static size_t pg_dob_month(const char *t, size_t len, size_t pos,
    unsigned *month);
static size_t pg_dob_day(const char *t, size_t len, size_t pos,
    unsigned *day);
static size_t pg_dob_day_any(const char *t, size_t len, size_t pos,
    unsigned *day, int *word);
static size_t pg_dob_year(const char *t, size_t len, size_t pos);
static size_t pg_dob_blanks(const char *t, size_t len, size_t pos,
    int comma);
static int pg_dob_valid(unsigned month, unsigned day);
static int pg_dob_institution(const char *t, size_t pos);


static const char *const  pg_dob_cues[] = {
    "dob",
    "d.o.b.",
    "d.o.b",
    "d. o. b.",
    "d. o. b",
    "d o b",
    "date of birth",
    "birth date",
    "birthdate",
#define PG_DOB_BORN      9
    "born",
#define PG_DOB_B         10
    "b.",
#define PG_DOB_BIRTHDAY  11
    "birthday",
#define PG_DOB_B_DAY     12
    "b-day",
#define PG_DOB_BDAY      13
    "bday",
#define PG_DOB_ARRIVED   14
    "arrived",
#define PG_DOB_BIRTH_OF  15
    "birth of",
    /* Portuguese, Spanish, French, German: "Nasceu dia 3 de novembro",
     * "nacio el 5 de mayo", "nee le 14 fevrier", "geboren am 2. November"
     * (the accented words read so: "nació" is "nacio") */
    "nasceu", "nascida", "nascido", "nacio", "nacida", "nacido",
    "ne le", "nee", "geboren", "geb.",
    "data de nascimento", "fecha de nacimiento", "date de naissance",
    "geburtsdatum",
    NULL
};

static pg_cue_set_t  pg_dob_set = pg_cue_set(pg_dob_cues);


static const char *const  pg_dob_fillers[] = {
    "is", "was", "on", "of", "the", "at", "a.m.", "p.m.", "am", "pm",
    /* "nasceu dia", "nacio el", "nee le", "nascido em" */
    "dia", "el", "le", "em",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun",
    NULL
};


/* what may stand between a subject and "born": "was officially born" */
static const char *const  pg_dob_born_fillers[] = {
    "was", "is", "were", "officially", "originally", "proudly", "first",
    "really", "truly", "itself",
    NULL
};


/* subjects that are founded, not born */
static const char *const  pg_dob_institutions[] = {
    "hospital", "clinic", "center", "centre", "foundation", "institute",
    "wing", "campus", "practice", "program", "programme", "department",
    "organization", "organisation", "company", "system", "network",
    "school", "college", "university", "church", "building", "tradition",
    "idea", "dream", "movement", "partnership", "initiative", "project",
    "service", "auxiliary", "society", "association", "team", "unit",
    "ward", "pavilion", "library", "museum", "charity", "event", "gala",
    "walk", "run", "festival", "mission", "city", "town",
    NULL
};


/* month names and abbreviations; index / 2 + 1 is the month (Sept: 9) */
static const char *const  pg_dob_months[] = {
    "january", "jan", "february", "feb", "march", "mar", "april", "apr",
    "may", "may", "june", "jun", "july", "jul", "august", "aug",
    "september", "sep", "october", "oct", "november", "nov",
    "december", "dec", "sept", NULL
};


pg_status_t
pg_detect_dob(const pg_scan_t *s, pg_findings_t *out)
{
    int           year;
    size_t        i, best, bk, d, n;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    /* the words where a cue may start, the longest cue there */

    st = pg_scan_cands(s, &c, &pg_dob_set);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + 1)) {

        best = pg_cues_at(t, s->len, i, pg_dob_cues, &bk);

        /* "our first baby of 2026 arrived at 12:07 a.m. on January 1": a
         * baby in the words before "arrived" makes it a birth */
        if (best == 0
            || (bk == PG_DOB_BORN && pg_dob_institution(t, i))
            || (bk == PG_DOB_ARRIVED
                && !pg_cue_before(t, i, 8, 96, pg_when_babies)))
        {
            continue;
        }

        /* "the birth of twins <given> and <given> on March 2" names its
         * babies between the cue and "on" */
        if (bk == PG_DOB_BIRTH_OF) {
            n = pg_when_birth_of(t, s->len, i + best);
            if (n == 0) {
                continue;
            }

            best += n;
        }

        d = i + best + pg_dob_gap(t, s->len, i + best);

        n = pg_dob_date(t, s->len, d, &year);
        if (n == 0 || (pg_dob_need_year(bk) && !year)) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_DOB, s->field, d, n,
                             year ? 90 : 70);
        if (st != PG_OK) {
            return st;
        }

        i = d + n - 1;
    }

    return PG_OK;
}


/* the subject of the "born" at pos is an institution: "hospital was" */

static int
pg_dob_institution(const char *t, size_t pos)
{
    size_t  k, w, e;

    for (k = 0; k < 4; k++) {
        w = pg_back_words(t, pos, 1, PG_CUE_MAX);

        /* the word before, with only blanks after it */
        for (e = w; e < pos && (pg_isalnum(t[e]) || t[e] == '\''); e++) {
            /* void */
        }

        if (w == pos || !pg_isalpha(t[w])) {
            return 0;
        }

        while (e < pos && pg_isspace(t[e])) {
            e++;
        }

        if (e != pos) {
            /* "The hospital. Born on ...": another sentence */
            return 0;
        }

        if (pg_cues_at(t, pos, w, pg_dob_born_fillers, NULL) == 0) {
            return pg_cues_at(t, pos, w, pg_dob_institutions, NULL) != 0;
        }

        pos = w;
    }

    return 0;
}


static size_t
pg_dob_gap(const char *t, size_t len, size_t pos)
{
    size_t  i, m;

    i = pos;

    while (i < len && i - pos < PG_DOB_GAP) {

        if (pg_isspace(t[i]) || t[i] == ':' || t[i] == '-' || t[i] == ','
            || t[i] == '=')
        {
            i++;
            continue;
        }

        /* "born 4:12 a.m. on ...": a clock time */
        m = pg_digit_run(t, len, i, 3);

        if (m >= 1 && m <= 2 && i + m + 2 < len && t[i + m] == ':'
            && pg_digit_run(t, len, i + m + 1, 3) == 2
            && pg_word_start(t, i))
        {
            i += m + 3;
            continue;
        }

        m = pg_cues_at(t, len, i, pg_dob_fillers, NULL);
        if (m == 0) {
            break;
        }

        i += m;
    }

    return i - pos;
}


/* the length of a date at pos (0: none); *year is set when it has one */

static size_t
pg_dob_date(const char *t, size_t len, size_t pos, int *year)
{
    size_t  n;

    *year = 0;

    if (pos >= len || !pg_word_start(t, pos)) {
        return 0;
    }

    n = pg_dob_numeric(t, len, pos, year);
    if (n) {
        return n;
    }

    return pg_dob_written(t, len, pos, year);
}


static size_t
pg_dob_numeric(const char *t, size_t len, size_t pos, int *year)
{
    unsigned long  a, b, y;
    pg_groups_t    g;

    if (pg_digit_groups(t, len, pos, "/-.", 3, &g) < 2) {
        return 0;
    }

    if (g.n == 3 && g.sep[1] == g.sep[2] && pg_num_end(t, len, g.end)) {

        a = pg_digits_value(t, g.off[0], g.len[0]);
        b = pg_digits_value(t, g.off[1], g.len[1]);
        y = pg_digits_value(t, g.off[2], g.len[2]);

        if (g.len[0] == 4 && g.len[1] <= 2 && g.len[2] <= 2) {
            /* YYYY-MM-DD */
            if (a >= PG_DOB_YEAR_MIN && a <= PG_DOB_YEAR_MAX
                && pg_dob_valid(b, y))
            {
                *year = 1;
                return g.end - pos;
            }

            return 0;
        }

        if (g.len[0] <= 2 && g.len[1] <= 2
            && (g.len[2] == 2
                || (g.len[2] == 4 && y >= PG_DOB_YEAR_MIN
                    && y <= PG_DOB_YEAR_MAX))
            && (pg_dob_valid(a, b) || pg_dob_valid(b, a)))
        {
            /* M/D/Y, or D/M/Y as written outside the US */
            *year = 1;
            return g.end - pos;
        }

        return 0;
    }

    if (g.n == 2 && (g.sep[1] == '/' || g.sep[1] == '-')
        && g.len[0] <= 2 && g.len[1] <= 2 && pg_num_end(t, len, g.end))
    {
        a = pg_digits_value(t, g.off[0], g.len[0]);
        b = pg_digits_value(t, g.off[1], g.len[1]);

        if (pg_dob_valid(a, b) || pg_dob_valid(b, a)) {
            return g.end - pos;
        }
    }

    return 0;
}


static size_t
pg_dob_written(const char *t, size_t len, size_t pos, int *year)
{
    int       word;
    size_t    i, n, y;
    unsigned  month, day;

    i = pos;

    /* "born on Halloween 1947": a holiday names the day */
    n = pg_when_holiday(t, len, i, &month, &day);

    if (n) {
        i += n;
        goto year;
    }

    n = pg_dob_month(t, len, i, &month);

    if (n) {
        /* Jun 12 1985, June 12, 1985, Jun. 12th, June the 12th, May
         * fifth */
        i += n;
        n = pg_dob_blanks(t, len, i, 0);
        if (n == 0) {
            return 0;
        }

        i += n;
        i += pg_cue_at(t, len, i, "the ");
        n = pg_dob_day_any(t, len, i, &day, &word);
        if (n == 0) {
            return 0;
        }

        i += n;

    } else {
        /* "3 de novembro (de 2025)", "14 f\xc3\xa9vrier", "2. November" */
        n = pg_when_day_first(t, len, i, year);
        if (n) {
            return n;
        }

        /* 12 June 1985, 12th of June, 1985, the fifth of May */
        n = pg_dob_day_any(t, len, i, &day, &word);
        if (n == 0) {
            return 0;
        }

        i += n;
        n = pg_dob_blanks(t, len, i, 0);
        if (n == 0) {
            return 0;
        }

        i += n;
        n = pg_cue_at(t, len, i, "of ");

        if (n == 0 && word) {
            return 0;
        }

        i += n;

        n = pg_dob_month(t, len, i, &month);
        if (n == 0) {
            return 0;
        }

        i += n;
    }

    if (!pg_dob_valid(month, day)) {
        return 0;
    }

year:

    n = pg_dob_blanks(t, len, i, 1);
    y = n ? pg_dob_year(t, len, i + n) : 0;

    if (y) {
        *year = 1;
        i += n + y;
    }

    return i - pos;
}


static size_t
pg_dob_month(const char *t, size_t len, size_t pos, unsigned *month)
{
    size_t  k, n;

    n = pg_cues_at(t, len, pos, pg_dob_months, &k);
    if (n == 0) {
        return 0;
    }

    *month = k == 24 ? 9 : (unsigned) (k / 2 + 1);

    if (pos + n < len && t[pos + n] == '.') {
        n++;
    }

    return n;
}


static size_t
pg_dob_day(const char *t, size_t len, size_t pos, unsigned *day)
{
    int     a, b;
    size_t  n;

    n = pg_digit_run(t, len, pos, 3);
    if (n == 0 || n > 2 || !pg_word_start(t, pos)) {
        return 0;
    }

    *day = (unsigned) pg_digits_value(t, pos, n);

    if (pos + n + 1 < len && pg_isalpha(t[pos + n])) {
        /* 1st, 2nd, 3rd, 12th (the suffix need not agree: "12st") */
        a = pg_tolower(t[pos + n]);
        b = pg_tolower(t[pos + n + 1]);

        if (!((a == 's' && b == 't') || (a == 'n' && b == 'd')
              || (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
        {
            return 0;
        }

        n += 2;
    }

    return pg_word_end(t, len, pos + n) ? n : 0;
}


/* a day in digits ("5", "5th") or an ordinal word ("fifth"): its
 * length, *word set for the word */

static size_t
pg_dob_day_any(const char *t, size_t len, size_t pos, unsigned *day,
    int *word)
{
    size_t  n;

    n = pg_dob_day(t, len, pos, day);
    *word = 0;

    if (n == 0) {
        n = pg_when_day_word(t, len, pos, day);
        *word = n != 0;
    }

    return n;
}


static size_t
pg_dob_year(const char *t, size_t len, size_t pos)
{
    unsigned long  y;

    if (pg_digit_run(t, len, pos, 5) != 4 || !pg_word_start(t, pos)
        || !pg_num_end(t, len, pos + 4))
    {
        return 0;
    }

    y = pg_digits_value(t, pos, 4);

    return y >= PG_DOB_YEAR_MIN && y <= PG_DOB_YEAR_MAX ? 4 : 0;
}


/* blanks, with one comma among them when comma is set; 0 when none */

static size_t
pg_dob_blanks(const char *t, size_t len, size_t pos, int comma)
{
    size_t  i;

    i = pos;

    if (comma && i < len && t[i] == ',') {
        i++;
    }

    while (i < len && pg_isspace(t[i]) && i - pos < 4) {
        i++;
    }

    return i - pos;
}


static int
pg_dob_valid(unsigned month, unsigned day)
{
    static const unsigned char  days[12] = {
        31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };

    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}
