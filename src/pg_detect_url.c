/*
 * Copyright (C) phigate authors
 *
 * URLs that identify a person (Safe Harbor N).  Conservative: a
 * hospital's marketing links (its site, its MyChart sign-up page, links
 * with utm_/fbclid tracking) are what most posts carry and must pass, so
 * a URL fires only when it carries an identifier of a person:
 *
 *   - a path segment "patient(s)", "member(s)", "user(s)", "profile(s)",
 *     "chart(s)", "record(s)", "mrn", "person", "people" followed by an
 *     id segment (3+ digits, or 8+ characters with a digit):
 *     "https://ehr.example.org/patients/48213/summary";
 *   - a query key that names a patient on any site: patientid,
 *     patient_id, mrn, memberid, member_id, subscriberid, dob;
 *   - on a patient portal (host or path has "mychart", "portal",
 *     "followmyhealth", "myhealth", "patient", "telehealth", "ehr"), a
 *     query key that is an id or token (id, pid, token, access_token,
 *     uid, user, session, sid, visit, encounter, csn, code, invite, key,
 *     t) with a value of 4+ characters and a digit, or a path segment of
 *     12+ characters with 3+ digits (a token in the path).
 *
 * Personal pages (a patient's social profile or fundraiser link) are not
 * recognisable from the URL alone and are not reported.  The finding is
 * the whole URL, from its scheme (or "www.") to its last character
 * before a blank, a quote or closing punctuation.
 */


#include "pg_detect.h"
#include "pg_text.h"


/* a URL longer than this is read only up to it */
#define PG_URL_MAX  2048


typedef struct {
    size_t         start;
    size_t         end;
    size_t         host;        /* offset of the host */
    size_t         path;        /* offset of the first '/', '?' or '#' */
} pg_url_t;


static int pg_url_scheme(const char *t, size_t len, size_t pos,
    size_t *host);
static size_t pg_url_end(const char *t, size_t len, size_t pos);
static int pg_url_identifies(const char *t, const pg_url_t *u);
static int pg_url_portal(const char *t, const pg_url_t *u);
static int pg_url_id_segment(const char *t, size_t s, size_t e,
    size_t min_len, size_t min_digits);
static int pg_url_has(const char *t, size_t s, size_t e, const char *w);
static int pg_url_key_in(const char *t, size_t s, size_t e,
    const char *const *keys);


static const char *const  pg_url_segments[] = {
    "patient", "patients", "member", "members", "user", "users",
    "profile", "profiles", "chart", "charts", "record", "records", "mrn",
    "person", "people",
    NULL
};


static const char *const  pg_url_patient_keys[] = {
    "patientid", "patient_id", "patient-id", "mrn", "memberid",
    "member_id", "subscriberid", "subscriber_id", "dob",
    NULL
};


static const char *const  pg_url_portal_keys[] = {
    "id", "pid", "token", "access_token", "accesstoken", "uid", "user",
    "userid", "user_id", "session", "sessionid", "sid", "visit",
    "visitid", "encounter", "csn", "code", "invite", "invitecode",
    "activationcode", "key", "t", "tk", "patient", "acct", "account",
    NULL
};


/* on a portal, a segment that a share or invite token follows:
 * "mychart.<host>/share/9f2KxQ7pL0" */
static const char *const  pg_url_share_segments[] = {
    "share", "shared", "s", "invite", "i", "link", "links", "t", "token",
    "access", "join", "v", NULL
};


/* sites whose pages are one person's health journal or fundraiser
 * (CaringBridge, GoFundMe, Meal Train, GiveSendGo, Lotsa Helping
 * Hands), read with or without a scheme: any page below the home page
 * names its person */
static const char *const  pg_url_personal_hosts[] = {
    "caringbridge.org/", "www.caringbridge.org/", "gofundme.com/",
    "www.gofundme.com/", "mealtrain.com/", "www.mealtrain.com/",
    "givesendgo.com/", "www.givesendgo.com/", "lotsahelpinghands.com/",
    "www.lotsahelpinghands.com/", NULL
};


static const char *const  pg_url_portals[] = {
    "mychart", "portal", "followmyhealth", "myhealth", "patient",
    "telehealth", "ehr",
    NULL
};


pg_status_t
pg_detect_url(const pg_scan_t *s, pg_findings_t *out)
{
    int           c;
    size_t        i;
    pg_url_t      u;
    const char   *t;
    pg_status_t   st;

    t = s->text;

    for (i = 0; i < s->len; i++) {

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        c = pg_tolower(t[i]);

        /* "http", "www." and the personal hosts' first letters */
        if ((c != 'h' && c != 'w' && c != 'g' && c != 'c' && c != 'm'
             && c != 'l')
            || !pg_url_scheme(t, s->len, i, &u.host))
        {
            /* no link starts inside a word */
            i = pg_alnum_end(t, s->len, i) - 1;
            continue;
        }

        u.start = i;
        u.end = pg_url_end(t, s->len, u.host);

        for (u.path = u.host;
             u.path < u.end && t[u.path] != '/' && t[u.path] != '?'
             && t[u.path] != '#';
             u.path++)
        {
            /* void */
        }

        if (u.end > u.host && pg_url_identifies(t, &u)) {
            st = pg_findings_add(out, s->arena, PG_T_URL, s->field, u.start,
                                 u.end - u.start, 80);
            if (st != PG_OK) {
                return st;
            }
        }

        i = u.end > i ? u.end - 1 : i;
    }

    return PG_OK;
}


/* "http://", "https://" or "www." at pos: 1 and the host's offset */

static int
pg_url_scheme(const char *t, size_t len, size_t pos, size_t *host)
{
    size_t  m;

    m = pg_cue_at(t, len, pos, "https://");
    if (m == 0) {
        m = pg_cue_at(t, len, pos, "http://");
    }

    if (m != 0) {
        *host = pos + m;
        return 1;
    }

    if (pg_cue_at(t, len, pos, "www.") != 0) {
        *host = pos;
        return 1;
    }

    /* "gofundme.com/f/..." written without a scheme */
    if (pg_cues_at(t, len, pos, pg_url_personal_hosts, NULL) != 0) {
        *host = pos;
        return 1;
    }

    return 0;
}


/* the end of the URL whose host starts at pos */

static size_t
pg_url_end(const char *t, size_t len, size_t pos)
{
    size_t  i;

    for (i = pos; i < len && i - pos < PG_URL_MAX; i++) {
        if ((unsigned char) t[i] <= ' ' || t[i] == '"' || t[i] == '<'
            || t[i] == '>' || t[i] == '\'' || t[i] == '`'
            || (unsigned char) t[i] >= 0x80)
        {
            break;
        }
    }

    /* closing punctuation belongs to the sentence */
    while (i > pos && (t[i - 1] == '.' || t[i - 1] == ',' || t[i - 1] == ';'
                       || t[i - 1] == ':' || t[i - 1] == '!'
                       || t[i - 1] == '?' || t[i - 1] == ')'))
    {
        i--;
    }

    return i;
}


static int
pg_url_identifies(const char *t, const pg_url_t *u)
{
    int     portal;
    size_t  i, s, e, ps, pe, q, m;

    portal = pg_url_portal(t, u);

    /* a page of a personal health journal or fundraiser */
    m = pg_cues_at(t, u->end, u->host, pg_url_personal_hosts, NULL);

    if (m != 0 && u->host + m < u->end && pg_isalnum(t[u->host + m])) {
        return 1;
    }

    /* path segments: [s, e) each, and the one before it [ps, pe) */

    ps = pe = 0;
    q = u->end;

    for (i = u->path; i < u->end && t[i] == '/'; i = e) {
        s = i + 1;

        for (e = s; e < u->end && t[e] != '/' && t[e] != '?'
                    && t[e] != '#';
             e++)
        {
            /* void */
        }

        if (pe > ps && pg_url_key_in(t, ps, pe, pg_url_segments)
            && pg_url_id_segment(t, s, e, 8, 1))
        {
            return 1;
        }

        if (portal && pg_url_id_segment(t, s, e, 12, 3)) {
            return 1;
        }

        if (portal && pe > ps && pg_url_key_in(t, ps, pe,
                                               pg_url_share_segments)
            && pg_url_id_segment(t, s, e, 6, 2))
        {
            return 1;
        }

        ps = s;
        pe = e;

        if (e < u->end && t[e] != '/') {
            q = e;
            break;
        }
    }

    if (q == u->end && u->path < u->end && t[u->path] != '/') {
        q = u->path;
    }

    /* query: key=value pairs after '?' (and after '#', for SPA routes) */

    for (i = q; i < u->end; i = e) {
        s = i + 1;

        for (e = s; e < u->end && t[e] != '&' && t[e] != ';'; e++) {
            /* void */
        }

        for (i = s; i < e && t[i] != '='; i++) {
            /* void */
        }

        if (i >= e) {
            continue;
        }

        if (pg_url_key_in(t, s, i, pg_url_patient_keys)
            && pg_url_id_segment(t, i + 1, e, 1, 1))
        {
            return 1;
        }

        if (portal && pg_url_key_in(t, s, i, pg_url_portal_keys)
            && pg_url_id_segment(t, i + 1, e, 4, 1))
        {
            return 1;
        }
    }

    return 0;
}


/* whether the host or the path names a patient portal */

static int
pg_url_portal(const char *t, const pg_url_t *u)
{
    size_t  k;

    for (k = 0; pg_url_portals[k] != NULL; k++) {
        if (pg_url_has(t, u->host, u->end, pg_url_portals[k])) {
            return 1;
        }
    }

    return 0;
}


/*
 * Whether [s, e) is an id: 3+ digits and mostly digits ("48213",
 * "A-10442"), or min_len+ characters with min_digits digits that are not
 * a slug of words ("visiting-hours-2024" is a page, "a8Kf20xQ7p" is not).
 */

static int
pg_url_id_segment(const char *t, size_t s, size_t e, size_t min_len,
    size_t min_digits)
{
    int     slug;
    size_t  i, digits, word;

    digits = 0;
    word = 0;
    slug = 0;

    for (i = s; i < e; i++) {
        digits += pg_isdigit(t[i]);

        if (pg_isalpha(t[i])) {
            word++;
            continue;
        }

        /* a word of 3+ letters before '-', '_', '+' or '.': a slug */
        if ((t[i] == '-' || t[i] == '_' || t[i] == '+' || t[i] == '.')
            && word >= 3)
        {
            slug = 1;
        }

        word = 0;
    }

    if (digits >= 3 && digits * 2 >= e - s) {
        return 1;
    }

    return !slug && e - s >= min_len && digits >= min_digits;
}


/* whether w occurs in [s, e), case-insensitively */

static int
pg_url_has(const char *t, size_t s, size_t e, const char *w)
{
    size_t  i, k;

    for (i = s; i < e; i++) {
        for (k = 0; w[k] != '\0' && i + k < e
                    && pg_tolower(t[i + k]) == (unsigned char) w[k];
             k++)
        {
            /* void */
        }

        if (w[k] == '\0') {
            return 1;
        }
    }

    return 0;
}


/* whether [s, e) is one of keys, case-insensitively */

static int
pg_url_key_in(const char *t, size_t s, size_t e, const char *const *keys)
{
    size_t  k, i;

    for (k = 0; keys[k] != NULL; k++) {
        for (i = 0; s + i < e && keys[k][i] != '\0'
                    && pg_tolower(t[s + i]) == (unsigned char) keys[k][i];
             i++)
        {
            /* void */
        }

        if (s + i == e && keys[k][i] == '\0') {
            return 1;
        }
    }

    return 0;
}
