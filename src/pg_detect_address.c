/*
 * Copyright (C) phigate authors
 *
 * Street addresses and PO boxes: geographic units smaller than a state.
 *
 *   street   house number, an optional direction, one to four street-name
 *            words written with a capital or an ordinal ("4th"), a street
 *            suffix ("Street", "St", "Ave.", "Blvd", "Dr", "Way" ...), an
 *            optional direction and unit ("Apt 4B", "Suite 200", "#12"),
 *            then ", City" and ", ST" when they follow;
 *   PO box   "PO Box 123", "P.O. Box", "Post Office Box", "POB";
 *   cue      "lives on", "lives at", "resides at", "home on" before a
 *            street name and suffix without a number;
 *   city     a city and its state after "in", "from", "of", "near" or
 *            "to" ("lives in Springfield, IL", "from Hanover NH") when a
 *            patient in the sentence makes it where the patient lives
 *            (pg_geo_patient()): "our new clinic in Springfield, IL"
 *            and "serving patients from Hanover NH" are no findings.
 *
 * Not addresses: a number that is a price, a count or a year ("in 2024
 * Park Place opened"), "4 West" (a ward: no suffix), "Dr. Lee" after a
 * number ("at 5 Dr. Lee"): the suffixes "Dr" and "St" followed by a
 * capitalised word that is not a unit word or a state are a title or a
 * saint.  The ZIP code after an address is the ZIP detector's.
 */


#include <string.h>

#include "pg_detect.h"
#include "pg_detect_geo.h"
#include "pg_detect_org.h"
#include "pg_text.h"


#define PG_ADDR_WORDS     4       /* street-name words */
#define PG_ADDR_CITY      3       /* city words */
#define PG_ADDR_HOME_WORDS 8      /* words from "lives" to its street */


/*
 * Where pg_addr_next() is: the next start candidate, the next word
 * after a city cue and the cue it follows
 */
typedef struct {
    size_t            start;
    size_t            city;
    size_t            cue;
} pg_addr_cursor_t;


static size_t pg_addr_next(const pg_scan_t *s, pg_cands_t *c,
    pg_cands_t *cc, pg_addr_cursor_t *cur, size_t pos, int *city);
static size_t pg_addr_city_next(const pg_scan_t *s, pg_cands_t *cc,
    size_t *cue, size_t pos);
static size_t pg_addr_blanks(const char *t, size_t len, size_t pos);
static size_t pg_addr_capword(const char *t, size_t len, size_t pos);
static size_t pg_addr_ordinal(const char *t, size_t len, size_t pos);
static size_t pg_addr_suffix(const char *t, size_t len, size_t pos,
    int *title);
static size_t pg_addr_direction(const char *t, size_t len, size_t pos);
static size_t pg_addr_name_suffix(const char *t, size_t len, size_t pos);
static size_t pg_addr_words_suffix(const char *t, size_t len, size_t pos);
static size_t pg_addr_tail(const char *t, size_t len, size_t pos);
static size_t pg_addr_unit(const char *t, size_t len, size_t pos);
static size_t pg_addr_pobox(const char *t, size_t len, size_t pos);
static size_t pg_addr_name_unit(const char *t, size_t len, size_t pos);
static size_t pg_addr_rural(const char *t, size_t len, size_t pos);
static size_t pg_addr_home_street(const char *t, size_t len, size_t *start,
    size_t pos);
static size_t pg_addr_route(const char *t, size_t len, size_t pos);
static int pg_addr_year_before(const char *t, size_t pos, size_t n);
static size_t pg_addr_city_state(const char *t, size_t len, size_t pos);
static int pg_addr_city_cue(const char *t, size_t pos);
static size_t pg_addr_state_after(const char *t, size_t len, size_t pos,
    size_t words);


static const char *const  pg_addr_suffixes[] = {
    "street", "st", "avenue", "ave", "av", "road", "rd", "lane", "ln",
    "boulevard", "blvd", "drive", "dr", "court", "ct", "way", "place",
    "pl", "circle", "cir", "terrace", "ter", "parkway", "pkwy", "highway",
    "hwy", "trail", "trl", "square", "sq", "loop", "alley", "crescent",
    "row", "pike", "plaza", "path", "run", "pass", "point", "pt", "bend",
    "cove", "crossing", "xing", "expressway", "freeway", "turnpike",
    "ridge", "hollow", "heights", "hts", NULL
};

/* suffixes that are also titles: "Dr. Lee", "St. Mary's" */
static const char *const  pg_addr_titles[] = { "dr", "st", "pt", NULL };

static const char *const  pg_addr_directions[] = {
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east",
    "west", "northeast", "northwest", "southeast", "southwest", NULL
};

static const char *const  pg_addr_units[] = {
    "apt", "apartment", "unit", "suite", "ste", "#", "room", "rm", "fl",
    "floor", "bldg", "building", "lot", "space", NULL
};

static const char *const  pg_addr_pobox_cues[] = {
    "po box", "p.o. box", "p. o. box", "p o box", "p.o box",
    "post office box", "pob", "p.o.b", "p. o. b", NULL
};

/* a rural route or highway contract route, then "Box" */
static const char *const  pg_addr_rural_cues[] = {
    "rural route", "rr", "r.r.", "hc", "highway contract route", NULL
};

/* the units of a dwelling: a street name before one is a street */
static const char *const  pg_addr_dwelling_units[] = {
    "apt", "apartment", "unit", "suite", "ste", NULL
};

static const char *const  pg_addr_cues[] = {
    "lives on", "lives at", "living on", "lived on", "lived at",
    "resides on", "resides at", "home on", "house on", "address:",
    "address is", "lives in", "living at", "living in", "lived in",
    "resides in", "lives alone", "lives with", NULL
};

/* where a person lives, a few words before the street's name */
static const char *const  pg_addr_home_cues[] = {
    "lives", "living", "lived", "resides", NULL
};

/* a numbered road with no house number: "on Route 9", "Hwy 61" */
static const char *const  pg_addr_routes[] = {
    "route", "rte", "highway", "hwy", "county road", "state road",
    "state route", "farm road", NULL
};

/* words that end the clause of "lives ...": "lives in Tampa with her
 * family and loves Bayshore Boulevard" says no home on the boulevard,
 * "Hope lives in every room of our new center on Elm Street" is the
 * organisation's */
static const char *const  pg_addr_home_stops[] = {
    "and", "but", "with", "who", "which", "while", "since", "because",
    "where", "when", "our", "your", NULL
};

/* before a city: "lives in", "from", "a native of", "moved to" */
static const char *const  pg_addr_city_cues[] = {
    "in", "from", "of", "near", "to", NULL
};

/* "our clinic in Springfield, IL": the organisation's place */
static const char *const  pg_addr_facilities[] = {
    "hospital", "hospitals", "clinic", "clinics", "center", "centers",
    "centre", "campus", "office", "offices", "location", "locations",
    "practice", "facility", "facilities", "site", "sites", "branch",
    "headquarters", "hq", "team", "teams", "unit", NULL
};

/* "from Dr. Lee, MD": titles are no city */
static const char *const  pg_addr_titles_city[] = {
    "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.",
    "prof", "prof.", NULL
};

/* a patient or a patient's care event: where a patient lives */
static const char *const  pg_geo_patient_cues[] = {
    "patient", "pt", "discharged", "admitted", "transferred",
    "hospitalized", "hospitalised", "airlifted", "ambulance",
    "passed away", "died", "diagnosed", "recovering", "bedside", NULL
};

static pg_cue_set_t  pg_addr_pobox_set = pg_cue_set(pg_addr_pobox_cues);
static pg_cue_set_t  pg_addr_rural_set = pg_cue_set(pg_addr_rural_cues);
static pg_cue_set_t  pg_addr_cue_set = pg_cue_set(pg_addr_cues);

static pg_cue_set_t *const  pg_addr_starts[] = {
    &pg_addr_pobox_set, &pg_addr_rural_set, &pg_addr_cue_set, NULL
};

static pg_cue_set_t  pg_addr_start_set = pg_cue_set_of("0", pg_addr_starts);

/* a city follows one of these: pg_addr_city_cue() */
static pg_cue_set_t  pg_addr_city_set = pg_cue_set(pg_addr_city_cues);

/* after a number, a clock time's "am" or "pm", not a street's name */
static const char *const  pg_addr_clock[] = {
    "am", "pm", "a.m.", "p.m.", NULL
};

/* "in 2024 Park Place opened": a year, not a house number */
static const char *const  pg_addr_year_words[] = {
    "in", "since", "by", "of", "from", "until", "till", "before",
    "after", "during", "year", "class", NULL
};


pg_status_t
pg_detect_address(const pg_scan_t *s, pg_findings_t *out)
{
    int                city;
    size_t             i, n, m;
    uint8_t            conf;
    const char        *t;
    pg_cands_t         c, cc;
    pg_status_t        st;
    pg_addr_cursor_t   cur;

    /*
     * A house number, a PO box, a rural route or a cue starts an address,
     * a capitalised word after a city cue a city (pg_addr_city_state())
     */

    st = pg_scan_cands(s, &c, &pg_addr_start_set);
    if (st == PG_OK) {
        st = pg_scan_cands(s, &cc, &pg_addr_city_set);
    }

    if (st != PG_OK) {
        return st;
    }

    t = s->text;
    cur.start = pg_cands_pos(&c, 0);
    cur.cue = 0;
    cur.city = pg_addr_city_next(s, &cc, &cur.cue, 0);

    for (i = pg_addr_next(s, &c, &cc, &cur, 0, &city);
         i < s->len;
         i = pg_addr_next(s, &c, &cc, &cur, i + 1, &city))
    {
        n = 0;
        conf = 0;

        if (city) {
            /* no other rule starts here: "lives in Springfield, IL" */
            n = pg_word_start(t, i) ? pg_addr_city_state(t, s->len, i) : 0;
            conf = 70;

        } else if (pg_isdigit(t[i]) && pg_num_start(t, i)
                   && (i == 0 || (t[i - 1] != '$' && t[i - 1] != '#')))
        {
            n = pg_geo_street(t, s->len, i);
            conf = 85;

            if (n && pg_addr_year_before(t, i, n)) {
                n = 0;
            }

        } else if (pg_isalpha(t[i]) && pg_word_start(t, i)) {
            m = pg_cues_at(t, s->len, i, pg_addr_pobox_cues, NULL);

            if (m) {
                n = pg_addr_pobox(t, s->len, i + m);
                n = n ? m + n : 0;
                conf = 80;

            } else if ((m = pg_cues_at(t, s->len, i, pg_addr_rural_cues,
                                       NULL))
                       && (n = pg_addr_rural(t, s->len, i + m)) != 0)
            {
                n += m;
                conf = 80;

            } else {
                m = pg_cues_at(t, s->len, i, pg_addr_cues, NULL);

                if (m) {
                    m += pg_addr_blanks(t, s->len, i + m);
                    n = pg_addr_name_suffix(t, s->len, i + m);

                    /* "lives in the yellow house at the end of Birch
                     * Hollow Lane", "lives at the Sunset Motel room 14
                     * on Route 9" */
                    if (n == 0
                        && pg_cues_at(t, s->len, i, pg_addr_home_cues, NULL))
                    {
                        n = pg_addr_home_street(t, s->len, &m, i + m);
                        m -= i;
                    }

                    if (n) {
                        n += pg_addr_tail(t, s->len, i + m + n);
                        i += m;
                        conf = 70;
                    }

                } else {
                    /* "lives in Springfield, IL": a patient's city */
                    n = pg_addr_city_state(t, s->len, i);
                    conf = 70;
                }
            }
        }

        if (n == 0) {
            continue;
        }

        /* "our urgent care at 1500 Main St": the hospital's own place,
         * not a patient's home; "lives on" is a person's by itself, a
         * city a patient's */
        if (conf != 70 && pg_org_place(t, s->len, i, i + n)) {
            i += n - 1;
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_ADDRESS, s->field, i, n,
                             conf);
        if (st != PG_OK) {
            return st;
        }

        i += n - 1;
    }

    return PG_OK;
}


/*
 * A street's name and suffix or a numbered road in the words after a
 * cue of where a person lives, up to PG_ADDR_HOME_WORDS of them and not
 * past the clause: "lives in the yellow house at the end of Birch Hollow
 * Lane", "lives at four twenty Maple Street", "lives at the Sunset Motel
 * room 14 on Route 9".  *start is where it starts.
 */

static size_t
pg_addr_home_street(const char *t, size_t len, size_t *start, size_t pos)
{
    size_t  i, n, w;

    i = pos;

    for (w = 0; w < PG_ADDR_HOME_WORDS && i < len; w++) {
        n = pg_addr_route(t, len, i);
        n = n ? n : pg_addr_name_suffix(t, len, i);

        if (n) {
            *start = i;
            return n;
        }

        /* "lives at 4417 Pinecrest Drive": the street rule's, whole */
        if (!pg_isalnum(t[i])
            || pg_cues_at(t, len, i, pg_addr_home_stops, NULL)
            || pg_geo_street(t, len, i))
        {
            return 0;
        }

        i = pg_alnum_end(t, len, i);
        i += i < len && (t[i] == '-' || t[i] == '\'') ? 1 : 0;
        i = pg_alnum_end(t, len, i);

        n = pg_addr_blanks(t, len, i);
        if (n == 0) {
            return 0;
        }

        i += n;
    }

    return 0;
}


/* "Route 9", "County Road 12", "Hwy 61": a road's name and its number */

static size_t
pg_addr_route(const char *t, size_t len, size_t pos)
{
    size_t  m, b, n;

    if (pos >= len || t[pos] < 'A' || t[pos] > 'Z') {
        return 0;
    }

    m = pg_cues_at(t, len, pos, pg_addr_routes, NULL);
    if (m == 0) {
        return 0;
    }

    b = pg_addr_blanks(t, len, pos + m);
    if (b == 0 && !(pos + m < len && t[pos + m] == '-')) {
        return 0;
    }

    b = b ? b : 1;
    n = pg_digit_run(t, len, pos + m + b, 5);

    if (n == 0 || n > 4 || !pg_word_end(t, len, pos + m + b + n)) {
        return 0;
    }

    return m + b + n;
}


/*
 * The next place at or after pos where an address may start: a
 * candidate of the start set, or (*city set) a capitalised word after a
 * city cue that is none, where only a city can start, as no cue of the
 * start set does there.
 */

static size_t
pg_addr_next(const pg_scan_t *s, pg_cands_t *c, pg_cands_t *cc,
    pg_addr_cursor_t *cur, size_t pos, int *city)
{
    if (cur->start < pos) {
        cur->start = pg_cands_pos(c, pos);
    }

    if (cur->city < pos) {
        cur->city = pg_addr_city_next(s, cc, &cur->cue, pos);
    }

    *city = cur->city < cur->start;

    return *city ? cur->city : cur->start;
}


/*
 * The first capitalised word at or after pos that a blank and a word
 * where a city cue may start come right before ("in Springfield"): what
 * pg_addr_city_cue() asks for.  *cue is the cursor in the cue words.
 */

static size_t
pg_addr_city_next(const pg_scan_t *s, pg_cands_t *cc, size_t *cue,
    size_t pos)
{
    size_t       i, p;
    const char  *t;

    t = s->text;

    for (i = pg_cands_pos(cc, *cue); i < s->len; i = pg_cands_pos(cc, i + 1))
    {
        p = pg_alnum_end(t, s->len, i) + 1;

        if (p >= pos && p < s->len && t[p - 1] == ' '
            && t[p] >= 'A' && t[p] <= 'Z')
        {
            *cue = i;
            return p;
        }
    }

    *cue = s->len;

    return s->len;
}


size_t
pg_geo_street(const char *t, size_t len, size_t pos)
{
    size_t  i, n;

    if (pos >= len || !pg_isdigit(t[pos])) {
        return 0;
    }

    /* house number: 1-6 digits, a letter ("12B") or "-14" */
    n = pg_digit_run(t, len, pos, 7);
    if (n > 6) {
        return 0;
    }

    i = pos + n;

    if (i + 1 < len && t[i] == '-' && pg_isdigit(t[i + 1])) {
        n = pg_digit_run(t, len, i + 1, 7);
        if (n > 6) {
            return 0;
        }

        i += 1 + n;

    } else if (i < len && pg_isalpha(t[i]) && pg_word_end(t, len, i + 1)) {
        i++;
    }

    if (!pg_word_end(t, len, i)) {
        return 0;
    }

    n = pg_addr_blanks(t, len, i);
    if (n == 0) {
        return 0;
    }

    i += n;

    /* "7 PM CT, WITH ...", "7 AM AT OUR RIDGE ROAD": a clock time */
    if (pg_cues_at(t, len, i, pg_addr_clock, NULL)) {
        return 0;
    }

    n = pg_addr_name_suffix(t, len, i);

    if (n == 0) {
        /* "1187 N. Halsted, Unit 3R": a dwelling's unit after the street
         * name says it is one, even with no suffix */
        n = pg_addr_name_unit(t, len, i);

        if (n == 0) {
            return 0;
        }
    }

    i += n;
    i += pg_addr_tail(t, len, i);

    return i - pos;
}


/* a direction and 1-3 capitalised words at pos that a dwelling's unit
 * ("Apt", "Unit", "Suite", "#") follows, after a comma when there is no
 * direction: their length, 0 otherwise */

static size_t
pg_addr_name_unit(const char *t, size_t len, size_t pos)
{
    size_t  i, n, b, words, dir;

    i = pos;
    n = pg_addr_direction(t, len, i);
    dir = n;

    if (n) {
        b = pg_addr_blanks(t, len, i + n);
        if (b == 0) {
            return 0;
        }

        i += n + b;
    }

    for (words = 0; words < 3; words++) {
        n = pg_addr_capword(t, len, i);
        if (n == 0) {
            return 0;
        }

        i += n;
        b = i < len && t[i] == ',' ? 1 : 0;
        b += pg_addr_blanks(t, len, i + b);

        /* "N. Halsted Apt 3", "Halsted, Apt 3"; not "3 Towers Suite 200",
         * a count of things */
        if (i + b < len && (dir || t[i] == ',')
            && (t[i + b] == '#'
                || pg_cues_at(t, len, i + b, pg_addr_dwelling_units, NULL))
            && pg_addr_unit(t, len, i + b))
        {
            return i - pos;
        }

        if (b == 0 || t[i] == ',') {
            return 0;
        }

        i += b;
    }

    return 0;
}


/* "Rural Route 2, Box 118", "RR 2 Box 118", "HC 63 Box 12": the route's
 * number and its box at pos, their length (0: none) */

static size_t
pg_addr_rural(const char *t, size_t len, size_t pos)
{
    size_t  i, n;

    i = pos + pg_addr_blanks(t, len, pos);

    if (i < len && t[i] == '#') {
        i++;
    }

    n = pg_digit_run(t, len, i, 5);

    if (n == 0 || n > 4 || i == pos || !pg_num_end(t, len, i + n)) {
        return 0;
    }

    i += n;

    if (i < len && t[i] == ',') {
        i++;
    }

    i += pg_addr_blanks(t, len, i);
    n = pg_cue_at(t, len, i, "box");

    if (n == 0) {
        return 0;
    }

    n = pg_addr_pobox(t, len, i + n) ? 3 + pg_addr_pobox(t, len, i + 3) : 0;

    return n ? i + n - pos : 0;
}


/* [direction] name words suffix [direction] at pos; its length or 0 */

static size_t
pg_addr_name_suffix(const char *t, size_t len, size_t pos)
{
    size_t  n, b, m;

    /* "12 N. Oak St"; "100 West Street" has no direction but a name */
    n = pg_addr_direction(t, len, pos);
    b = n ? pg_addr_blanks(t, len, pos + n) : 0;

    if (b) {
        m = pg_addr_words_suffix(t, len, pos + n + b);
        if (m) {
            return n + b + m;
        }
    }

    return pg_addr_words_suffix(t, len, pos);
}


static size_t
pg_addr_words_suffix(const char *t, size_t len, size_t pos)
{
    int     title;
    size_t  i, n, b, words, s;

    i = pos;

    for (words = 0; words < PG_ADDR_WORDS; words++) {

        n = pg_addr_capword(t, len, i);
        if (n == 0) {
            n = pg_addr_ordinal(t, len, i);
        }

        if (n == 0) {
            return 0;
        }

        b = pg_addr_blanks(t, len, i + n);

        /* "Mill Lane": the word after this one is the suffix */
        if (b && words < PG_ADDR_WORDS) {
            s = pg_addr_suffix(t, len, i + n + b, &title);

            if (s) {
                i += n + b + s;

                if (title) {
                    /* "Dr. Lee", "St. Mary's": a capitalised word after */
                    b = pg_addr_blanks(t, len, i);

                    if (b && i + b < len && t[i + b] >= 'A'
                        && t[i + b] <= 'Z'
                        && pg_addr_direction(t, len, i + b) == 0
                        && pg_cues_at(t, len, i + b, pg_addr_units, NULL)
                           == 0
                        && !pg_geo_state_before(t, i + b
                               + pg_addr_capword(t, len, i + b)))
                    {
                        return 0;
                    }
                }

                /* "Main St NW" */
                b = pg_addr_blanks(t, len, i);
                n = b ? pg_addr_direction(t, len, i + b) : 0;

                if (n && pg_word_end(t, len, i + b + n)
                    && (i + b + n >= len || t[i + b + n] != '\''))
                {
                    i += b + n;
                }

                return i - pos;
            }
        }

        if (b == 0) {
            return 0;
        }

        i += n + b;
    }

    return 0;
}


/* unit, ", City", ", ST" after a street; their length */

static size_t
pg_addr_tail(const char *t, size_t len, size_t pos)
{
    size_t  i, j, n, w;

    i = pos;

    /* ", Apt 4B", " Suite 200", " #12" */
    j = i;
    if (j < len && t[j] == ',') {
        j++;
    }

    j += pg_addr_blanks(t, len, j);
    n = pg_addr_unit(t, len, j);

    if (n) {
        i = j + n;
    }

    /* ", Northfield", ", New Port Richey", " in Clearwater" */
    j = i;
    n = pg_addr_blanks(t, len, j);

    if (j < len && (t[j] == ','
                    || (n && pg_cue_at(t, len, j + n, "in ") > 0)))
    {
        j += t[j] == ',' ? 1 : n + pg_cue_at(t, len, j + n, "in ");

        n = pg_addr_blanks(t, len, j);
        j += n;

        for (w = 0; w < PG_ADDR_CITY; w++) {
            n = pg_addr_capword(t, len, j);
            if (n == 0) {
                break;
            }

            i = j + n;
            j = i + pg_addr_blanks(t, len, i);

            if (j == i) {
                break;
            }
        }
    }

    /* ", FL", " Florida": only after a city or a unit */
    if (i > pos) {
        j = i;
        if (j < len && t[j] == ',') {
            j++;
        }

        j += pg_addr_blanks(t, len, j);
        n = pg_addr_capword(t, len, j);

        if (n && pg_geo_state_before(t, j + n)) {
            i = j + n;
        }
    }

    return i - pos;
}


static size_t
pg_addr_unit(const char *t, size_t len, size_t pos)
{
    size_t  i, n;

    if (pos < len && t[pos] == '#') {
        i = pos + 1;

    } else {
        n = pg_cues_at(t, len, pos, pg_addr_units, NULL);
        if (n == 0) {
            return 0;
        }

        i = pos + n;

        if (i < len && t[i] == '.') {
            i++;
        }

        if (i < len && t[i] == '#') {
            i++;
        }

        i += pg_addr_blanks(t, len, i);
    }

    /* "4B", "200", "B-12" */
    for (n = 0; i + n < len && n < 8
                && (pg_isalnum(t[i + n]) || (n > 0 && t[i + n] == '-'
                                             && i + n + 1 < len
                                             && pg_isalnum(t[i + n + 1])));
         n++)
    {
        /* void */
    }

    if (n == 0 || n == 8 || !pg_word_end(t, len, i + n)
        || (!pg_isdigit(t[i]) && !(n <= 2 && t[i] >= 'A' && t[i] <= 'Z')
            && !pg_isdigit(t[i + n - 1])))
    {
        return 0;
    }

    return i + n - pos;
}


/* "Box" then a number: "PO Box 123"; the number's length with blanks */

static size_t
pg_addr_pobox(const char *t, size_t len, size_t pos)
{
    size_t  i, n;

    i = pos;

    if (i < len && t[i] == '.') {
        i++;
    }

    if (i < len && t[i] == '#') {
        i++;
    }

    i += pg_addr_blanks(t, len, i);

    if (i < len && t[i] == '#') {
        i++;
    }

    n = pg_digit_run(t, len, i, 11);

    if (n == 0 || n > 10 || !pg_num_end(t, len, i + n)) {
        return 0;
    }

    return i + n - pos;
}


/*
 * "Springfield, IL", "Hanover NH", "St. Louis, Missouri": 1-3
 * capitalised words at pos, after a city cue, then a state; the length
 * when a patient in the sentence owns it, 0 otherwise.
 */

static size_t
pg_addr_city_state(const char *t, size_t len, size_t pos)
{
    size_t  i, n, w, e;

    if (t[pos] < 'A' || t[pos] > 'Z' || !pg_addr_city_cue(t, pos)) {
        return 0;
    }

    i = pos;

    for (w = 0; w < PG_ADDR_CITY; w++) {
        n = pg_addr_capword(t, len, i);

        if (n == 0
            || pg_cues_at(t, i + n, i, pg_addr_titles_city, NULL) == n)
        {
            return 0;
        }

        i += n;

        e = pg_addr_state_after(t, len, i, w);
        if (e) {
            return pg_geo_patient(t, len, pos, e) ? e - pos : 0;
        }

        if (i + 1 >= len || t[i] != ' ') {
            return 0;
        }

        i++;
    }

    return 0;
}


/* one of the city cues right before pos, and no facility before it */

static int
pg_addr_city_cue(const char *t, size_t pos)
{
    size_t  w;

    if (pos < 3 || t[pos - 1] != ' ') {
        return 0;
    }

    w = pos - 1;

    while (w > 0 && pg_isalpha(t[w - 1]) && pos - w < 8) {
        w--;
    }

    /* "in", "of", "to", "from", "near": two letters or four */
    if ((pos - 1 - w != 2 && pos - 1 - w != 4)
        || pg_cues_at(t, pos - 1, w, pg_addr_city_cues, NULL) != pos - 1 - w)
    {
        return 0;
    }

    return !pg_cue_before(t, w, 1, 24, pg_addr_facilities);
}


/*
 * A state right after a city that ends at pos: ", IL", " NH", ", New
 * York", "Springfield, IL."; its end, 0 when there is none.  "Jane Lee,
 * MD" is a name and a credential: after two or more words, MD, PA and DC
 * are not read.
 */

static size_t
pg_addr_state_after(const char *t, size_t len, size_t pos, size_t words)
{
    size_t  j, n, k, e;

    j = pos;

    if (j < len && t[j] == ',') {
        j++;
    }

    j += pg_addr_blanks(t, len, j);

    if (j == pos) {
        return 0;
    }

    for (k = 0; k < 2; k++) {
        n = pg_addr_capword(t, len, j);
        if (n == 0) {
            return 0;
        }

        j += n;
        e = t[j - 1] == '.' ? j - 1 : j;

        if (pg_geo_state_before(t, e)) {
            if (words > 0 && e - (j - n) == 2
                && ((t[e - 2] == 'M' && t[e - 1] == 'D')
                    || (t[e - 2] == 'P' && t[e - 1] == 'A')
                    || (t[e - 2] == 'D' && t[e - 1] == 'C')))
            {
                return 0;
            }

            return e;
        }

        if (j + 1 >= len || t[j] != ' ') {
            return 0;
        }

        j++;
    }

    return 0;
}


int
pg_geo_patient(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  from, to, i;

    pg_org_sentence(t, len, pos, end, &from, &to);

    if (!pg_org_person(t, from, to)) {
        return 0;
    }

    for (i = from; i < to; i++) {
        if (pg_isalpha(t[i]) && pg_word_start(t, i)
            && pg_cues_at(t, to, i, pg_geo_patient_cues, NULL) != 0)
        {
            return 1;
        }
    }

    return 0;
}


static size_t
pg_addr_blanks(const char *t, size_t len, size_t pos)
{
    size_t  i;

    for (i = pos; i < len && i - pos < 4 && (t[i] == ' ' || t[i] == '\t');
         i++)
    {
        /* void */
    }

    return i - pos;
}


/* a word with a capital first: "Mill", "O'Hara", "Martin-Luther" */

static size_t
pg_addr_capword(const char *t, size_t len, size_t pos)
{
    size_t  i;

    if (pos >= len || t[pos] < 'A' || t[pos] > 'Z'
        || !pg_word_start(t, pos))
    {
        return 0;
    }

    for (i = pos + 1; i < len && i - pos < 32; i++) {

        if (pg_isalpha(t[i])) {
            continue;
        }

        if ((t[i] == '\'' || t[i] == '-') && i + 1 < len
            && pg_isalpha(t[i + 1]))
        {
            continue;
        }

        break;
    }

    /* "St." and "Ave." keep their dot */
    if (i < len && t[i] == '.' && i - pos <= 4) {
        i++;
    }

    if (i < len && pg_isdigit(t[i])) {
        return 0;
    }

    return i - pos;
}


/* "4th", "42nd", "1st", "103rd" */

static size_t
pg_addr_ordinal(const char *t, size_t len, size_t pos)
{
    size_t  n;

    n = pg_digit_run(t, len, pos, 4);

    if (n == 0 || n > 3 || pos + n + 2 > len || !pg_word_start(t, pos)) {
        return 0;
    }

    if (pg_cue_at(t, len, pos + n, "st") == 0
        && pg_cue_at(t, len, pos + n, "nd") == 0
        && pg_cue_at(t, len, pos + n, "rd") == 0
        && pg_cue_at(t, len, pos + n, "th") == 0)
    {
        /* pg_cue_at() wants a word start: compare by hand */
        char  a = (char) pg_tolower(t[pos + n]);
        char  b = (char) pg_tolower(t[pos + n + 1]);

        if (!((a == 's' && b == 't') || (a == 'n' && b == 'd')
              || (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
        {
            return 0;
        }
    }

    return pg_word_end(t, len, pos + n + 2) ? n + 2 : 0;
}


/* a street suffix word at pos, its dot included; *title for Dr, St */

static size_t
pg_addr_suffix(const char *t, size_t len, size_t pos, int *title)
{
    size_t  n, k;

    *title = 0;

    if (pos >= len || t[pos] < 'A' || t[pos] > 'Z') {
        return 0;
    }

    n = pg_cues_at(t, len, pos, pg_addr_suffixes, &k);
    if (n == 0) {
        return 0;
    }

    *title = pg_cues_at(t, len, pos, pg_addr_titles, NULL) == n;

    if (pos + n < len && t[pos + n] == '.') {
        n++;
    }

    return n;
}


static size_t
pg_addr_direction(const char *t, size_t len, size_t pos)
{
    size_t  n;

    if (pos >= len || t[pos] < 'A' || t[pos] > 'Z') {
        return 0;
    }

    n = pg_cues_at(t, len, pos, pg_addr_directions, NULL);

    if (n && pos + n < len && t[pos + n] == '.') {
        n++;
    }

    return n;
}


static int
pg_addr_year_before(const char *t, size_t pos, size_t n)
{
    size_t         d, w;
    unsigned long  y;

    for (d = 0; d < 5 && pg_isdigit(t[pos + d]); d++) {
        /* void */
    }

    if (d != 4) {
        return 0;
    }

    y = pg_digits_value(t, pos, 4);
    if (y < 1900 || y > 2099) {
        return 0;
    }

    w = pg_back_words(t, pos, 1, 16);

    return w < pos && pg_cues_at(t, pos, w, pg_addr_year_words, NULL) > 0;
}
