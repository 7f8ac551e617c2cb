/*
 * Copyright (C) phigate authors
 *
 * Dates written in words: see pg_detect_when.h.
 */


#include "pg_detect_when.h"
#include "pg_text.h"


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
