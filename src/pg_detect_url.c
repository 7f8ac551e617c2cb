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
 * On a portal, a share or invite link: a segment "share", "invite",
 * "s", "t", ... followed by a token of 6+ characters with 2+ digits.
 *
 * A person's own page, a social profile ("facebook.com/john.smith.1985",
 * "tiktok.com/@maria.fights") or a fundraiser ("gofundme.com/f/help-
 * maria-beat-leukemia"), with or without a scheme, is one only with a
 * person in its sentence (pg_org_person(): "our patient", "his
 * facebook", "her son"); a page of a care journal site (CaringBridge,
 * Meal Train, Lotsa Helping Hands) is one person's health journal by
 * itself.  Neither when it is the organisation's: "follow us on", "our
 * page" before it, or an organisation's word in the page's name
 * ("facebook.com/OurHospital").  The site's own pages ("/events", "/help") are no
 * one's, a post under a page ("/<page>/videos/123") is shared by
 * organisations as much as by patients, and a link shortener can be
 * anyone's: none of these is read.
 *
 * The finding is the whole URL, from its scheme (or "www.", or the host
 * of a personal page) to its last character before a blank, a quote or
 * closing punctuation.
 */


#include <string.h>

#include "pg_detect.h"
#include "pg_detect_org.h"
#include "pg_text.h"


/* a URL longer than this is read only up to it */
#define PG_URL_MAX  2048

/* bytes before a fundraiser's sentence that may name its person */
#define PG_URL_FUND_BACK  240


typedef struct {
    size_t         start;
    size_t         end;
    size_t         host;        /* offset of the host */
    size_t         path;        /* offset of the first '/', '?' or '#' */
    unsigned       bare:1;      /* a personal site's host, no scheme */
} pg_url_t;


/*
 * A site of personal pages; kind: the path segment before the page;
 * journal: every page is one person's health journal (CaringBridge), so
 * no person need be named beside it; fund: every page is a fundraiser,
 * whose person may be named in the sentences before the link ("... was
 * diagnosed ... Every dollar helps: gofundme.com/f/...").
 */
typedef struct {
    const char    *host;
    const char    *kind;
    unsigned       journal:1;
    unsigned       fund:1;
} pg_url_site_t;


static int pg_url_scheme(const char *t, size_t len, size_t pos,
    pg_url_t *u);
static size_t pg_url_end(const char *t, size_t len, size_t pos);
static int pg_url_identifies(const char *t, const pg_url_t *u);
static int pg_url_portal(const char *t, const pg_url_t *u);
static int pg_url_id_segment(const char *t, size_t s, size_t e,
    size_t min_len, size_t min_digits);
static int pg_url_has(const char *t, size_t s, size_t e, const char *w);
static int pg_url_key_in(const char *t, size_t s, size_t e,
    const char *const *keys);
static int pg_url_is(const char *t, size_t s, size_t e, const char *w);
static int pg_url_personal(const char *t, size_t len, const pg_url_t *u);
static int pg_url_page(const char *t, const pg_url_t *u,
    const pg_url_site_t *site);
static size_t pg_url_segment(const char *t, size_t s, size_t end);


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


static const char *const  pg_url_portals[] = {
    "mychart", "portal", "followmyhealth", "myhealth", "patient",
    "telehealth", "ehr",
    NULL
};


/* on a portal, a segment that a share or invite token follows:
 * "mychart.<host>/share/9f2KxQ7pL0" */
static const char *const  pg_url_share_segments[] = {
    "share", "shared", "s", "invite", "i", "link", "links", "t", "token",
    "access", "join", "v", NULL
};


/* social profiles, fundraisers and care journals: a person's own page */
static const pg_url_site_t  pg_url_sites[] = {
    { "facebook.com", NULL, 0, 0 },
    { "fb.com", NULL, 0, 0 },
    { "instagram.com", NULL, 0, 0 },
    { "tiktok.com", NULL, 0, 0 },
    { "twitter.com", NULL, 0, 0 },
    { "x.com", NULL, 0, 0 },
    { "threads.net", NULL, 0, 0 },
    { "linkedin.com", "in", 0, 0 },
    { "gofundme.com", "f", 0, 1 },
    { "givesendgo.com", NULL, 0, 1 },
    { "spotfund.com", NULL, 0, 1 },
    { "fundly.com", NULL, 0, 1 },
    { "giveforward.com", NULL, 0, 1 },
    { "youcaring.com", NULL, 0, 1 },
    { "caringbridge.org", NULL, 1, 0 },
    { "mealtrain.com", NULL, 1, 0 },
    { "lotsahelpinghands.com", NULL, 1, 0 },
    { NULL, NULL, 0, 0 }
};


/* those hosts written without a scheme: "gofundme.com/f/..." */
static const char *const  pg_url_bare_hosts[] = {
    "facebook.com/", "m.facebook.com/", "fb.com/", "instagram.com/",
    "tiktok.com/", "twitter.com/", "x.com/", "threads.net/",
    "linkedin.com/", "gofundme.com/", "caringbridge.org/",
    "mealtrain.com/", "lotsahelpinghands.com/", "givesendgo.com/",
    "spotfund.com/", "fundly.com/", "giveforward.com/", "youcaring.com/",
    NULL
};

/*
 * What pg_url_scheme() reads first: the words that begin with these are
 * the candidates, not every word of an 'h' or a 'w' ("have", "with")
 */
static const char *const  pg_url_schemes[] = {
    "https://", "http://", "www.", NULL
};

static pg_cue_set_t  pg_url_scheme_set = pg_cue_set(pg_url_schemes);
static pg_cue_set_t  pg_url_bare_set = pg_cue_set(pg_url_bare_hosts);

static pg_cue_set_t *const  pg_url_starts[] = {
    &pg_url_scheme_set, &pg_url_bare_set, NULL
};

static pg_cue_set_t  pg_url_start_set = pg_cue_set_of(NULL, pg_url_starts);


/* a segment that says what kind of page the next one is */
static const char *const  pg_url_kinds[] = {
    "f", "in", "visit", "site", "public", "trains", "c", "story", "u",
    "fundraisers", "donate", "people",
    NULL
};


/* the sites' own pages: no one's */
static const char *const  pg_url_site_pages[] = {
    "events", "event", "groups", "group", "hashtag", "help", "watch",
    "explore", "share", "sharer", "sharer.php", "login", "signup",
    "sign-up", "sign-in", "search", "about", "policies", "privacy",
    "legal", "business", "ads", "tag", "tags", "discover", "i", "intent",
    "home", "settings", "marketplace", "gaming", "reel", "reels", "p",
    "stories", "start", "how-it-works", "features", "pricing", "blog",
    "support", "careers", "jobs", "press", "company", "school",
    "showcase", "pages", "watch", "live", "music", "video", "videos",
    "discover", "trending", "foryou",
    NULL
};


/* a page whose name has one of these is an organisation's */
static const char *const  pg_url_org_words[] = {
    "hospital", "health", "clinic", "medical", "medicine", "foundation",
    "center", "centre", "physicians", "pediatrics", "university",
    "official", "nursing",
    NULL
};


/* before the link: the organisation's own page */
static const char *const  pg_url_org_cues[] = {
    "us", "our page", "our facebook", "our instagram", "our tiktok",
    "our twitter", "our linkedin", "our channel", "our account",
    "our profile", "our feed", "our site", "our website",
    NULL
};


pg_status_t
pg_detect_url(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i;
    pg_url_t      u;
    const char   *t;
    pg_cands_t    w;
    pg_status_t   st;

    /* "http", "www." and the hosts of personal sites: pg_url_scheme() */

    st = pg_scan_cands(s, &w, &pg_url_start_set);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;

    for (i = pg_cands_pos(&w, 0); i < s->len; i = pg_cands_pos(&w, i + 1)) {

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        if (!pg_url_scheme(t, s->len, i, &u)) {
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

        if (u.end > u.host
            && ((!u.bare && pg_url_identifies(t, &u))
                || pg_url_personal(t, s->len, &u)))
        {
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


/*
 * "http://", "https://", "www." or a personal site's host and '/' at
 * pos: 1, the host's offset and whether the link is bare (the host).
 */

static int
pg_url_scheme(const char *t, size_t len, size_t pos, pg_url_t *u)
{
    size_t  m;
    int     c;

    u->bare = 0;
    u->host = pos;
    c = pg_tolower(t[pos]);

    if (c == 'h') {
        m = pg_cue_at(t, len, pos, "https://");
        if (m == 0) {
            m = pg_cue_at(t, len, pos, "http://");
        }

        if (m != 0) {
            u->host = pos + m;
            return 1;
        }
    }

    if (c == 'w' && pg_cue_at(t, len, pos, "www.") != 0) {
        return 1;
    }

    u->bare = pg_cues_at(t, len, pos, pg_url_bare_hosts, NULL) != 0;

    return u->bare;
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
    size_t  i, s, e, ps, pe, q;

    portal = pg_url_portal(t, u);

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


/*
 * A person's own page with a person in its sentence and no sign that it
 * is the organisation's: the rules at the head of this file.
 */

static int
pg_url_personal(const char *t, size_t len, const pg_url_t *u)
{
    size_t  k, h, n, from, to;

    /* the host, or its end after "www.", "m.", ...: "m.facebook.com" */
    for (k = 0; pg_url_sites[k].host != NULL; k++) {
        n = strlen(pg_url_sites[k].host);

        if (u->path - u->host < n) {
            continue;
        }

        h = u->path - n;

        if ((h == u->host || t[h - 1] == '.')
            && pg_url_is(t, h, u->path, pg_url_sites[k].host))
        {
            break;
        }
    }

    if (pg_url_sites[k].host == NULL || !pg_url_page(t, u, &pg_url_sites[k])
        || pg_cue_before(t, u->start, 3, 40, pg_url_org_cues))
    {
        return 0;
    }

    if (pg_url_sites[k].journal) {
        return 1;
    }

    pg_org_sentence(t, len, u->start, u->end, &from, &to);

    if (pg_org_person(t, from, to)) {
        return 1;
    }

    /* a fundraiser's link closes its appeal: the person may be named in
     * the sentences before it */
    return pg_url_sites[k].fund
           && pg_org_person(t, from > PG_URL_FUND_BACK
                               ? from - PG_URL_FUND_BACK : 0, from);
}


/*
 * Whether the path names a page of the site: a first segment that is
 * not one of the site's own pages, or after a kind segment ("/f/",
 * "/in/", "/visit/") the next; of 2+ characters, with no organisation's
 * word in it, and the last segment of the path.
 */

static int
pg_url_page(const char *t, const pg_url_t *u, const pg_url_site_t *site)
{
    size_t  s, e, k;

    if (u->path >= u->end || t[u->path] != '/') {
        return 0;
    }

    s = u->path + 1;
    e = pg_url_segment(t, s, u->end);

    if (site->kind != NULL && !pg_url_is(t, s, e, site->kind)) {
        return 0;
    }

    if (pg_url_key_in(t, s, e, pg_url_kinds)) {
        if (e >= u->end || t[e] != '/') {
            return 0;
        }

        s = e + 1;
        e = pg_url_segment(t, s, u->end);
    }

    if (e - s < 2 || pg_url_key_in(t, s, e, pg_url_site_pages)) {
        return 0;
    }

    /* a post under the page ("/NYULangone/videos/123") is the page's
     * content: shared by organisations as much as by their patients */
    if (e + 1 < u->end && t[e] == '/' && t[e + 1] != '?'
        && t[e + 1] != '#')
    {
        return 0;
    }

    for (k = 0; pg_url_org_words[k] != NULL; k++) {
        if (pg_url_has(t, s, e, pg_url_org_words[k])) {
            return 0;
        }
    }

    return 1;
}


/* the end of the path segment that starts at s */

static size_t
pg_url_segment(const char *t, size_t s, size_t end)
{
    while (s < end && t[s] != '/' && t[s] != '?' && t[s] != '#') {
        s++;
    }

    return s;
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


/* whether [s, e) is w, case-insensitively */

static int
pg_url_is(const char *t, size_t s, size_t e, const char *w)
{
    const char  *keys[2];

    keys[0] = w;
    keys[1] = NULL;

    return pg_url_key_in(t, s, e, keys);
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
