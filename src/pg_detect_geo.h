/*
 * Copyright (C) phigate authors
 *
 * What the ADDRESS and ZIP detectors share: a street address line at a
 * position, whether a US state name or abbreviation ends a stretch of
 * text, and whether a place is a patient's; the US states' names and
 * postal abbreviations, which the allow-list reads too.  Internal to the
 * engine.
 */

#ifndef _PG_DETECT_GEO_H_INCLUDED_
#define _PG_DETECT_GEO_H_INCLUDED_


#include <stddef.h>


/*
 * A US state or territory: its name ("new york") and USPS abbreviation
 * ("ny"), both in lower case: each reader folds the text's case.
 */
typedef struct {
    const char    *name;
    const char    *abbr;
} pg_geo_state_t;


/* every state, DC and the territories; ends with { NULL, NULL } */
extern const pg_geo_state_t  pg_geo_states[];


/*
 * The length of a street address line that starts at pos ("571 Mill
 * Lane", "12 N. Oak St, Apt 4B, Northfield, FL"), 0 when there is none.
 * The line ends before a ZIP code.
 */
size_t pg_geo_street(const char *t, size_t len, size_t pos);

/*
 * Whether the text just before end (blanks and one comma skipped) is a
 * US state or territory: a two-letter postal abbreviation in capitals
 * ("FL") or a name ("Florida", "New York").
 */
int pg_geo_state_before(const char *t, size_t end);

/*
 * Whether the place at [pos, end) is a patient's: a person in its
 * sentence (pg_org_person()) and the word "patient" or "pt" or a care
 * event there ("discharged", "admitted", "transferred", "passed away",
 * ...).  "Our patient from Hanover NH was discharged" is; "she grew up
 * in Springfield, IL" and "serving patients from Hanover NH" are not.
 */
int pg_geo_patient(const char *t, size_t len, size_t pos, size_t end);


#endif /* _PG_DETECT_GEO_H_INCLUDED_ */
