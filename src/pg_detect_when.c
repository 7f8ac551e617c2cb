/*
 * Copyright (C) phigate authors
 *
 * Dates written in words: see pg_detect_when.h.
 */


#include <string.h>

#include "pg_detect_when.h"
#include "pg_text.h"


static size_t pg_when_year(const char *t, size_t len, size_t pos,
    const char *join);


/* index + 1 is the day */
static const char *const  pg_when_ordinals[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
    "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", NULL
};


/* holidays that name a day of the year; the same index in
 * pg_when_holiday_dates[] is the month and day (0: it moves) */
static const char *const  pg_when_holidays[] = {
    "new year's day", "new years day", "new year's eve", "new years eve",
    "valentine's day", "valentines day", "st. patrick's day",
    "st patrick's day", "saint patrick's day", "independence day",
    "halloween", "veterans day", "veteran's day", "christmas eve",
    "christmas day", "christmas", "thanksgiving day", "thanksgiving",
    "memorial day", "labor day", "mother's day", "father's day", NULL
};

static const unsigned char  pg_when_holiday_dates[][2] = {
    { 1, 1 }, { 1, 1 }, { 12, 31 }, { 12, 31 },
    { 2, 14 }, { 2, 14 }, { 3, 17 },
    { 3, 17 }, { 3, 17 }, { 7, 4 },
    { 10, 31 }, { 11, 11 }, { 11, 11 }, { 12, 24 },
    { 12, 25 }, { 12, 25 }, { 11, 0 }, { 11, 0 },
    { 5, 0 }, { 9, 0 }, { 5, 0 }, { 6, 0 }
};


#define PG_WHEN_BIRTH_WORDS  6
#define PG_WHEN_BIRTH_BYTES  64
#define PG_WHEN_YEAR_MIN     1880
#define PG_WHEN_YEAR_MAX     2099


/*
 * Months after a day, by how the day is joined to them; the same index
 * in the _num[] array is the month.  Names with marks are read without
 * them (the normaliser folds "février" to "fevrier", "März" to "Marz");
 * the spellings that write a mark as a letter ("Maerz") are listed too.
 */

/* French: "14 février", "1er mars" */
static const char *const  pg_when_mois[] = {
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
    "aout", "septembre", "octobre", "novembre", "decembre", NULL
};

static const unsigned char  pg_when_mois_num[] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
};

/* German, after "<day>. ": "2. November" */
static const char *const  pg_when_monate[] = {
    "januar", "janner", "jaenner", "februar", "maerz", "marz", "april",
    "mai", "juni", "juli", "august", "september", "oktober", "november",
    "dezember", NULL
};

static const unsigned char  pg_when_monate_num[] = {
    1, 1, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
};

/* Spanish and Portuguese, after "<day> de ": "5 de mayo", "3 de
 * novembro" */
static const char *const  pg_when_meses[] = {
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "setiembre", "octubre", "noviembre",
    "diciembre", "janeiro", "fevereiro", "marco", "maio", "junho",
    "julho", "setembro", "outubro", "novembro", "dezembro", NULL
};

static const unsigned char  pg_when_meses_num[] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 1, 2, 3, 5, 6, 7, 9, 10, 11,
    12
};


const char *const  pg_when_babies[] = {
    "baby", "babies", "newborn", "newborns", "twins", "triplets",
    "quadruplets", "daughter", "son", "boy", "girl", "grandson",
    "granddaughter", NULL
};


/* the words between "birth of" and the babies' names */
static const char *const  pg_when_birth_fillers[] = {
    "and", "their", "her", "his", "our", "your", "my", "a", "the",
    "little", "healthy", "beautiful", "sweet", "new", "twin", NULL
};


/* the words pg_when_day_word() reads before the ordinals */
static const char *const  pg_when_tens[] = {
    "twenty", "thirty", "thirtieth", NULL
};


static pg_cue_set_t  pg_when_ordinal_set = pg_cue_set(pg_when_ordinals);
static pg_cue_set_t  pg_when_tens_set = pg_cue_set(pg_when_tens);
static pg_cue_set_t  pg_when_holiday_set = pg_cue_set(pg_when_holidays);


static pg_cue_set_t *const  pg_when_sets[] = {
    &pg_when_ordinal_set, &pg_when_tens_set, &pg_when_holiday_set, NULL
};

pg_cue_set_t  pg_when_set = pg_cue_set_of(NULL, pg_when_sets);


size_t
pg_when_day_word(const char *t, size_t len, size_t pos, unsigned *day)
{
    size_t    k, n, i;
    unsigned  tens;

    tens = pg_cue_at(t, len, pos, "twenty") ? 20
           : pg_cue_at(t, len, pos, "thirty") ? 30 : 0;

    if (tens != 0) {
        /* "twenty-first", "twenty ninth", "thirty-first" */
        i = pos + 6;

        if (i + 1 < len && (t[i] == '-' || t[i] == ' ')) {
            n = pg_cues_at(t, len, i + 1, pg_when_ordinals, &k);

            if (n != 0 && k < 9 && (tens == 20 || k == 0)) {
                *day = tens + (unsigned) k + 1;
                return i + 1 + n - pos;
            }
        }

        return 0;
    }

    n = pg_cue_at(t, len, pos, "thirtieth");
    if (n != 0) {
        *day = 30;
        return n;
    }

    n = pg_cues_at(t, len, pos, pg_when_ordinals, &k);
    if (n != 0) {
        *day = (unsigned) k + 1;
    }

    return n;
}


size_t
pg_when_birth_of(const char *t, size_t len, size_t pos)
{
    int            baby;
    size_t         i, n, words;
    unsigned char  c;

    baby = 0;
    i = pos;

    for (words = 0; words <= PG_WHEN_BIRTH_WORDS; words++) {

        while (i < len && (t[i] == ' ' || t[i] == ',' || t[i] == '&')) {
            i++;
        }

        if (i >= len || i - pos > PG_WHEN_BIRTH_BYTES) {
            return 0;
        }

        n = pg_cue_at(t, len, i, "on");

        if (n != 0) {
            if (!baby) {
                return 0;
            }

            for (i += n; i < len && t[i] == ' '; i++) {
                /* void */
            }

            return i - pos;
        }

        /* names, numbers ("our 10,000th baby") and a few small words:
         * "After the birth of her son, she was admitted on 3/2" goes on
         * with another clause */
        if (pg_cues_at(t, len, i, pg_when_babies, NULL)) {
            baby = 1;

        } else if (t[i] >= 'a' && t[i] <= 'z'
                   && pg_cues_at(t, len, i, pg_when_birth_fillers, NULL) == 0)
        {
            return 0;
        }

        /* a word, "-" and "'" inside it ("Okonkwo-Baptiste", "O'Neil"),
         * any letter outside ASCII ("Zoe" with its diaeresis) */
        for (n = 0; i + n < len; n++) {
            c = (unsigned char) t[i + n];

            if (!pg_isalnum(c) && c < 0x80
                && !((c == '-' || c == '\'') && n > 0 && i + n + 1 < len
                     && pg_isalpha(t[i + n + 1])))
            {
                break;
            }
        }

        if (n == 0) {
            return 0;
        }

        i += n;
    }

    return 0;
}


size_t
pg_when_holiday(const char *t, size_t len, size_t pos, unsigned *month,
    unsigned *day)
{
    size_t  k, n;

    n = pg_cues_at(t, len, pos, pg_when_holidays, &k);

    if (n != 0) {
        *month = pg_when_holiday_dates[k][0];
        *day = pg_when_holiday_dates[k][1];
    }

    return n;
}


size_t
pg_when_day_first(const char *t, size_t len, size_t pos, int *year)
{
    static const unsigned char  days[12] = {
        31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };

    size_t                      i, n, k, y;
    unsigned                    day;
    const char                 *join;
    const char *const          *months;
    const unsigned char        *num;

    *year = 0;

    n = pg_digit_run(t, len, pos, 3);
    if (n == 0 || n > 2 || !pg_word_start(t, pos)) {
        return 0;
    }

    day = (unsigned) pg_digits_value(t, pos, n);
    i = pos + n;

    if (i + 2 < len && t[i] == '.' && t[i + 1] == ' ') {
        /* German "2. November (1930)" */
        i += 2;
        months = pg_when_monate;
        num = pg_when_monate_num;
        join = " ";

    } else {
        /* French "1er mars" */
        if (day == 1 && i + 2 < len && t[i] == 'e' && t[i + 1] == 'r') {
            i += 2;
        }

        if (i + 1 >= len || t[i] != ' ') {
            return 0;
        }

        if (i + 1 >= len || t[i + 1] == 0
            || strchr("jfmasondeJFMASONDE", t[i + 1]) == NULL)
        {
            return 0;
        }

        n = pg_cue_at(t, len, i + 1, "de ");

        if (n != 0) {
            i += 1 + n;
            months = pg_when_meses;
            num = pg_when_meses_num;
            join = " de ";

        } else {
            i++;
            months = pg_when_mois;
            num = pg_when_mois_num;
            join = " ";
        }
    }

    /* every month of the lists starts with one of these ("enero": e):
     * most numbers before a word ("3 kids") stop here */
    if (i >= len || t[i] == 0 || strchr("jfmasondeJFMASONDE", t[i]) == NULL)
    {
        return 0;
    }

    n = pg_cues_at(t, len, i, months, &k);

    if (n == 0 || day == 0 || day > days[num[k] - 1]) {
        return 0;
    }

    i += n;
    y = pg_when_year(t, len, i, join);

    if (y != 0) {
        *year = 1;
        i += y;
    }

    return i - pos;
}


/* join (" ", " de ") and a year at pos: their length, 0: none */

static size_t
pg_when_year(const char *t, size_t len, size_t pos, const char *join)
{
    size_t         n;
    unsigned long  y;

    n = pg_cue_at(t, len, pos, join);

    if (n == 0 || pg_digit_run(t, len, pos + n, 5) != 4
        || !pg_word_start(t, pos + n) || !pg_num_end(t, len, pos + n + 4))
    {
        return 0;
    }

    y = pg_digits_value(t, pos + n, 4);

    return y >= PG_WHEN_YEAR_MIN && y <= PG_WHEN_YEAR_MAX ? n + 4 : 0;
}
