/*
 * Copyright (C) phigate authors
 *
 * Dates written in words, shared by the DATE and DOB detectors: an
 * ordinal day ("fourteenth", "twenty-first") and a holiday that names a
 * day of the year ("Christmas Eve", "New Year's Day", "Valentine's
 * Day").  Internal to the engine.
 */

#ifndef _PG_DETECT_WHEN_H_INCLUDED_
#define _PG_DETECT_WHEN_H_INCLUDED_


#include <stddef.h>

#include "pg_scan.h"


/*
 * An ordinal day written in words at pos, "first" to "thirty-first"
 * ("twenty first" and "twenty-first" alike): its length, 0 when there is
 * none; *day is the day.  A bare "first" or "second" is an ordinary word
 * far more often: the callers ask for it only where a day belongs
 * ("the first of May", "May first").
 */
size_t pg_when_day_word(const char *t, size_t len, size_t pos,
    unsigned *day);

/*
 * A holiday at pos: its length, 0 when there is none; *month and *day
 * are its date, *day 0 for a holiday whose day moves within its month
 * ("Thanksgiving", "Memorial Day"), still an element of a date.
 */
size_t pg_when_holiday(const char *t, size_t len, size_t pos,
    unsigned *month, unsigned *day);

/*
 * A date with its day in digits first as French, German, Spanish and
 * Portuguese write it, at pos (the day's first digit): "14 f\xc3\xa9vrier
 * (2024)", "1er mars", "2. November (1930)", "5 de mayo (de 2025)", "3 de
 * novembro (de 2025)".  Its length, 0 when there is none; *year is set
 * when a year ends it.
 */
size_t pg_when_day_first(const char *t, size_t len, size_t pos, int *year);

/*
 * "the birth of twins Zion and Zuri on March 2": at pos, right after
 * "birth of", at most six words with a baby word among them ("twins",
 * "daughter", "baby"), then "on": the length up to the date after "on",
 * 0 when the words are not those.  "the birth of Medicare on July 30"
 * names no baby.
 */
size_t pg_when_birth_of(const char *t, size_t len, size_t pos);

/* babies, twins, sons and daughters: who a birth or an arrival is */
extern const char *const  pg_when_babies[];

/*
 * The words where pg_when_day_word() or pg_when_holiday() can find
 * something (pg_scan.h): a detector that looks for them visits those.
 */
extern pg_cue_set_t  pg_when_set;


#endif /* _PG_DETECT_WHEN_H_INCLUDED_ */
