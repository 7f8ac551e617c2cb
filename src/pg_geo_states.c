/*
 * Copyright (C) phigate authors
 *
 * The US states, DC and the territories with their USPS abbreviations:
 * the ZIP detector reads both after a ZIP code ("Albany, New York
 * 12208", "Albany, NY 12208"); the allow-list folds a name into its
 * abbreviation so that either writing of an entry's state matches.
 */


#include "pg_detect_geo.h"


const pg_geo_state_t  pg_geo_states[] = {
    { "alabama", "al" }, { "alaska", "ak" }, { "arizona", "az" },
    { "arkansas", "ar" }, { "california", "ca" }, { "colorado", "co" },
    { "connecticut", "ct" }, { "delaware", "de" },
    { "district of columbia", "dc" }, { "florida", "fl" },
    { "georgia", "ga" }, { "hawaii", "hi" }, { "idaho", "id" },
    { "illinois", "il" }, { "indiana", "in" }, { "iowa", "ia" },
    { "kansas", "ks" }, { "kentucky", "ky" }, { "louisiana", "la" },
    { "maine", "me" }, { "maryland", "md" }, { "massachusetts", "ma" },
    { "michigan", "mi" }, { "minnesota", "mn" }, { "mississippi", "ms" },
    { "missouri", "mo" }, { "montana", "mt" }, { "nebraska", "ne" },
    { "nevada", "nv" }, { "new hampshire", "nh" }, { "new jersey", "nj" },
    { "new mexico", "nm" }, { "new york", "ny" },
    { "north carolina", "nc" }, { "north dakota", "nd" },
    { "ohio", "oh" }, { "oklahoma", "ok" }, { "oregon", "or" },
    { "pennsylvania", "pa" }, { "rhode island", "ri" },
    { "south carolina", "sc" }, { "south dakota", "sd" },
    { "tennessee", "tn" }, { "texas", "tx" }, { "utah", "ut" },
    { "vermont", "vt" }, { "virginia", "va" }, { "washington", "wa" },
    { "west virginia", "wv" }, { "wisconsin", "wi" }, { "wyoming", "wy" },
    { "puerto rico", "pr" }, { "virgin islands", "vi" }, { "guam", "gu" },
    { "american samoa", "as" }, { "northern mariana islands", "mp" },
    { NULL, NULL }
};
