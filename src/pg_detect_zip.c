/*
 * Copyright (C) phigate authors
 *
 * ZIP codes in address context only.  A 5-digit number is a count, a
 * price, an id or a short code far more often than a ZIP code, so a ZIP
 * (NNNNN or NNNNN-NNNN, not inside a longer number) is a finding only
 *
 *   - right after a US state or territory, as an abbreviation in capitals
 *     or a name ("Tampa, FL 33602", "Florida 33602-1234"), or
 *   - on the line of a street address before it, with nothing but a city
 *     between ("12 Oak Street, Northfield 33755"), or
 *   - after a ZIP cue ("zip code 62704") when a patient in the sentence
 *     makes it where the patient lives (pg_geo_patient()).
 *
 * "Text HEALTH to 55555", "ZIP codes 33755 and 33756 now qualify", "ZIP
 * code 62704 residents can get free screenings" and "10000 steps" are
 * not findings.  A ZIP of the hospital's own address
 * or an event's venue is none either (pg_detect_org.h).
 *
 * The restricted 3-digit ZIP prefixes of Safe Harbor are kept here too
 * (pg_detect_zip.h): a compiled-in default, replaced at configuration.
 * A prefix alone is a finding only when it is restricted and a ZIP cue
 * introduces it ("ZIP 036xx"): any other prefix may stay in a text.
 */


#include <string.h>

#include "pg_conffile.h"
#include "pg_detect.h"
#include "pg_detect_geo.h"
#include "pg_detect_org.h"
#include "pg_detect_zip.h"
#include "pg_text.h"


/* how far back a street address may start on a ZIP's line */
#define PG_ZIP_LINE   120


#define PG_ZIP3_N     1000


static int pg_zip_street_before(const char *t, size_t len, size_t pos);
static int pg_zip_cue_before(const char *t, size_t pos);
static size_t pg_zip_state_name(const char *t, size_t end);
static size_t pg_zip_prefix(const char *t, size_t len, size_t pos);
static int pg_zip_restricted_parse(const char *list, size_t len,
    const char *file, char *err, size_t err_size, unsigned char *bits);


/* abbreviations that are also words or ids ("Patient ID 12345", "OR"):
 * a state only after a comma, "Boise, ID 83702" */
static const char *const  pg_zip_ambiguous =
    "ID IN OR ME HI OK AS OH PA DE MD CO LA MA MS NE GU VI MP DC ";

/*
 * The restricted prefixes, one bit each.  restricted_init says whether
 * the default has been loaded: a process that never sets a list gets
 * PG_ZIP_RESTRICTED_DEFAULT on its first look-up.
 */
static unsigned char  pg_zip_restricted_bits[PG_ZIP3_N / 8];
static int            pg_zip_restricted_init;


/* what introduces a ZIP or its prefix: "ZIP 036xx", "zip code: 62704" */
static const char *const  pg_zip_prefix_cues[] = {
    "zip", "zip code", "zipcode", "zip prefix", "zip3", "postal code",
    NULL
};


pg_status_t
pg_detect_zip(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, n;
    uint8_t       conf;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    t = s->text;
    pg_scan_digits(s, &c);

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + 1)) {

        if (!pg_isdigit(t[i]) || !pg_num_start(t, i)) {
            continue;
        }

        n = pg_digit_run(t, s->len, i, 6);

        if (n == 3) {
            n = pg_zip_prefix(t, s->len, i);

            if (n > 0) {
                st = pg_findings_add(out, s->arena, PG_T_ZIP, s->field, i,
                                     n, 80);
                if (st != PG_OK) {
                    return st;
                }
            }

            i += 2;
            continue;
        }

        if (n != 5) {
            i += n - 1;
            continue;
        }

        if (i + 10 <= s->len && t[i + 5] == '-'
            && pg_digit_run(t, s->len, i + 6, 5) == 4)
        {
            n = 10;
        }

        if (!pg_num_end(t, s->len, i + n)) {
            i += 4;
            continue;
        }

        if (pg_geo_state_before(t, i)) {
            conf = 90;

        } else if (pg_zip_street_before(t, s->len, i)) {
            conf = 85;

        } else if (pg_zip_cue_before(t, i)
                   && pg_geo_patient(t, s->len, i, i + n))
        {
            /* "the patient lives in zip code 62704" */
            conf = 80;

        } else {
            i += n - 1;
            continue;
        }

        /* the ZIP of the hospital's own address or an event's venue */
        if (pg_org_place(t, s->len, i, i + n)) {
            i += n - 1;
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_ZIP, s->field, i, n, conf);
        if (st != PG_OK) {
            return st;
        }

        i += n - 1;
    }

    return PG_OK;
}


int
pg_geo_state_before(const char *t, size_t end)
{
    size_t                 i;
    const pg_geo_state_t  *st;

    i = end;

    /* blanks, then at most one comma, then blanks */
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t') && end - i < 4) {
        i--;
    }

    if (i > 0 && t[i - 1] == ',') {
        i--;

        while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')
               && end - i < 8)
        {
            i--;
        }
    }

    if (i >= 2 && t[i - 1] >= 'A' && t[i - 1] <= 'Z'
        && t[i - 2] >= 'A' && t[i - 2] <= 'Z' && pg_word_start(t, i - 2))
    {
        const char  *p;

        for (p = pg_zip_ambiguous; p[0] != '\0'; p += 3) {
            if (p[0] == t[i - 2] && p[1] == t[i - 1]) {
                /* a comma before the abbreviation */
                i -= 2;

                while (i > 0 && t[i - 1] == ' ' && end - i < 12) {
                    i--;
                }

                return i > 0 && t[i - 1] == ',';
            }
        }

        for (st = pg_geo_states; st->name != NULL; st++) {
            if (st->abbr[0] == pg_tolower(t[i - 2])
                && st->abbr[1] == pg_tolower(t[i - 1]))
            {
                return 1;
            }
        }

        return 0;
    }

    return pg_zip_state_name(t, i) > 0;
}


/* the length of a state name written with a capital that ends at end */

static size_t
pg_zip_state_name(const char *t, size_t end)
{
    size_t                 n;
    const pg_geo_state_t  *st;

    for (st = pg_geo_states; st->name != NULL; st++) {
        n = strlen(st->name);

        if (n > end || t[end - n] < 'A' || t[end - n] > 'Z') {
            continue;
        }

        if (pg_cue_at(t, end, end - n, st->name) == n) {
            return n;
        }
    }

    return 0;
}


/*
 * A 3-digit ZIP prefix at pos (three digits there, the caller checked) on
 * the restricted list, right after a ZIP cue (at most 4 words before, no
 * other number between): "ZIP 036", "zip code starting 893xx", "ZIP3
 * 692**".  Safe Harbor lets a de-identified text keep a ZIP's first three
 * digits except these, whose areas hold 20,000 people or fewer.  Returns
 * the length with a masked tail ("xx", "**", "-XX"), 0 when it is none.
 */

static size_t
pg_zip_prefix(const char *t, size_t len, size_t pos)
{
    size_t  j, n;

    if (!pg_zip_restricted(t + pos) || !pg_zip_cue_before(t, pos)) {
        return 0;
    }

    n = 3;
    j = pos + 3;

    if (j < len && t[j] == '-') {
        j++;
    }

    if (j + 2 <= len && (t[j] == 'x' || t[j] == 'X' || t[j] == '*')
        && t[j + 1] == t[j])
    {
        n = j + 2 - pos;
    }

    return pg_num_end(t, len, pos + n) ? n : 0;
}


/* a ZIP cue ends at most 4 words before pos, with no number between */

static int
pg_zip_cue_before(const char *t, size_t pos)
{
    size_t  cue, j;

    cue = pg_cue_last(t, pos, 4, 40, pg_zip_prefix_cues);
    if (cue == 0) {
        return 0;
    }

    for (j = cue; j < pos; j++) {
        if (pg_isdigit(t[j])) {
            return 0;
        }
    }

    return 1;
}


/* a street address on the same line, only a city between it and pos */

static int
pg_zip_street_before(const char *t, size_t len, size_t pos)
{
    size_t  lo, p, n, j;

    lo = pos > PG_ZIP_LINE ? pos - PG_ZIP_LINE : 0;

    for (p = lo; p < pos; p++) {

        if (!pg_isdigit(t[p]) || !pg_num_start(t, p)) {
            continue;
        }

        n = pg_geo_street(t, pos, p);
        if (n == 0) {
            continue;
        }

        /* then ", City" words only */
        for (j = p + n; j < pos; j++) {
            if (!(pg_isalpha(t[j]) || t[j] == ' ' || t[j] == ','
                  || t[j] == '.' || t[j] == '\'' || t[j] == '-'))
            {
                break;
            }
        }

        if (j == pos) {
            return 1;
        }

        p += n - 1;
    }

    return 0;
}


int
pg_zip_restricted(const char *zip)
{
    unsigned  v;

    if (!pg_isdigit(zip[0]) || !pg_isdigit(zip[1]) || !pg_isdigit(zip[2])) {
        return 0;
    }

    if (!pg_zip_restricted_init) {
        (void) pg_zip_restricted_set(NULL, 0, NULL, NULL, 0);
    }

    v = (unsigned) pg_digits_value(zip, 0, 3);

    return (pg_zip_restricted_bits[v / 8] >> (v % 8)) & 1;
}


int
pg_zip_restricted_set(const char *list, size_t len, const char *file,
    char *err, size_t err_size)
{
    int            n;
    unsigned char  bits[PG_ZIP3_N / 8];

    if (list == NULL) {
        list = PG_ZIP_RESTRICTED_DEFAULT;
        len = sizeof(PG_ZIP_RESTRICTED_DEFAULT) - 1;
    }

    n = pg_zip_restricted_parse(list, len, file, err, err_size, bits);
    if (n < 0) {
        return -1;
    }

    memcpy(pg_zip_restricted_bits, bits, sizeof(bits));
    pg_zip_restricted_init = 1;

    return n;
}


int
pg_zip_restricted_check(const char *list, size_t len, const char *file,
    char *err, size_t err_size)
{
    unsigned char  bits[PG_ZIP3_N / 8];

    return pg_zip_restricted_parse(list, len, file, err, err_size, bits);
}


/* the list's prefixes as bits; the count, or -1 with the message in err */

static int
pg_zip_restricted_parse(const char *list, size_t len, const char *file,
    char *err, size_t err_size, unsigned char *bits)
{
    int             n, rc;
    size_t          i, ln;
    unsigned        v;
    const char     *s;
    pg_conffile_t   cf;

    memset(bits, 0, PG_ZIP3_N / 8);
    n = 0;

    pg_conffile_init(&cf, list, len, file, err, err_size);

    while ((rc = pg_conffile_next(&cf, &s, &ln)) == 1) {

        /* up to a comment: "036, 059  # Vermont" */
        for (i = 0; i < ln && s[i] != '#'; /* void */ ) {

            if (s[i] == ',' || pg_isspace(s[i])) {
                i++;
                continue;
            }

            /* three digits, then the end, a separator or a comment */
            if (pg_digit_run(s, ln, i, 4) != 3
                || (i + 3 < ln && s[i + 3] != ',' && s[i + 3] != '#'
                    && !pg_isspace(s[i + 3])))
            {
                return pg_conffile_error(&cf, "not a 3-digit ZIP prefix "
                                         "(three digits an entry, "
                                         "separated by commas, blanks or "
                                         "new lines)");
            }

            v = (unsigned) pg_digits_value(s, i, 3);

            if (!((bits[v / 8] >> (v % 8)) & 1)) {
                bits[v / 8] |= (unsigned char) (1u << (v % 8));
                n++;
            }

            i += 3;
        }
    }

    return rc < 0 ? -1 : n;
}
