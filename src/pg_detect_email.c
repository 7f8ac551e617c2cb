/*
 * Copyright (C) phigate authors
 *
 * E-mail addresses: local@domain.tld.
 *
 *   local    1-64 of [A-Za-z0-9._%+-], not starting or ending with '.'
 *            nor holding ".."; a leading '.' is taken as punctuation
 *   domain   two or more labels of [A-Za-z0-9-] (1-63, no '-' at either
 *            end) joined by '.', at most 253 bytes; the last label (TLD)
 *            is 2-63 letters and not a file extension, so "logo@2x.png"
 *            is not an address
 *
 * Not addresses: "@handle" (no local part), a fediverse handle
 * "@user@instance.social" (its local part starts right after an '@',
 * the host no webmail provider), and user@host inside a URL
 * ("https://user@host/..."): that is userinfo for a login, not a
 * contact address a post discloses.  "mailto:" addresses are addresses.
 *
 * Spelled out: "nadia53 at hotmail dot com", "jt.walker [at] yahoo [dot]
 * com", "r.santiago(at)icloud(dot)com": a local part, "at", labels joined
 * by "dot" (at least one word "dot") and a common TLD.  The local part needs a digit or one of "._+-"
 * unless the host is a webmail provider, so "find us at northfield dot
 * org" is no address.
 *
 * Blanked: "d.castellano @ outlook . com", "maria . lopez @ gmail . com":
 * one blank or none each side of the '@' and of each dot.  Prose puts
 * blanks there too ("RSVP @ 5pm", "meet us @ the fair . com"), so the
 * local part needs a digit or one of "._+-" unless the host is a webmail
 * provider, and the host ends in a common TLD written in one case.
 *
 * The hospital's own mailboxes are not reported: a role local part
 * ("careers@", "media.relations@") or "email us at" with no patient in
 * the sentence (pg_detect_org.h).
 */


#include "pg_detect.h"
#include "pg_detect_org.h"
#include "pg_text.h"


#define PG_EMAIL_LOCAL_MAX   64
#define PG_EMAIL_DOMAIN_MAX  253
#define PG_EMAIL_LABEL_MAX   63
/* "r o s a . v e g a @ g m a i l . c o m": characters read either side */
#define PG_EMAIL_SPACED_MAX  48
/* a blanked address, read without its blanks: local part, '@', host */
#define PG_EMAIL_BLANKED_MAX (PG_EMAIL_LOCAL_MAX + PG_EMAIL_DOMAIN_MAX + 3)

#define pg_email_local(c)                                                   \
    (pg_isalnum(c) || (c) == '.' || (c) == '_' || (c) == '%'                \
     || (c) == '+' || (c) == '-')


static size_t pg_email_local_start(const char *t, size_t at);
static size_t pg_email_domain(const char *t, size_t len, size_t pos);
static int pg_email_file_ext(const char *t, size_t pos, size_t n);
static pg_status_t pg_email_spelled(const pg_scan_t *s, pg_findings_t *out);
static size_t pg_email_spelled_at(const char *t, size_t len, size_t at,
    size_t *start);
static size_t pg_email_dot(const char *t, size_t len, size_t pos);
static int pg_email_webmail_at(const char *t, size_t pos, size_t end);
static pg_status_t pg_email_spaced(const pg_scan_t *s, pg_findings_t *out);
static size_t pg_email_spaced_side(const char *t, size_t len, size_t pos,
    int dir, char *buf, size_t *off);
static void pg_email_join(char *buf, size_t *off, const char *lbuf,
    const size_t *loff, size_t nl, size_t at);
static pg_status_t pg_email_blanked(const pg_scan_t *s, pg_findings_t *out);
static size_t pg_email_blanked_side(const char *t, size_t len, size_t at,
    int dir, size_t max, char *buf, size_t *off);
static size_t pg_email_blanked_host(const char *buf, size_t at, size_t n);


static const char *const  pg_email_exts[] = {
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff",
    "heic", "pdf", "mp4", "mov", "avi", "webm", "mp3", "wav", "txt", "csv",
    "html", "htm", "js", "css", "json", "xml", "zip",
    NULL
};


/* "at" and "dot" as people write them to fool harvesters */
static const char *const  pg_email_at_words[] = {
    "at", "[at]", "(at)", "{at}", "@", NULL
};

static pg_cue_set_t  pg_email_at_set = pg_cue_set(pg_email_at_words);

static const char *const  pg_email_dot_words[] = {
    "dot", "[dot]", "(dot)", "{dot}", NULL
};

static const char *const  pg_email_tlds[] = {
    "com", "net", "org", "edu", "gov", "mil", "us", "co", "io", "info",
    "biz", "me", "uk", "ca", "de", "fr", "es", "it", "nl", "au", "in",
    "mx", "br", "ch", "ie", "nz", "ru", "jp", "cn", "health", NULL
};

static const char *const  pg_email_webmail[] = {
    "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live",
    "msn", "aol", "icloud", "me", "mac", "comcast", "verizon", "att",
    "sbcglobal", "bellsouth", "cox", "charter", "protonmail", "proton",
    "gmx", "mail", "zoho", "yandex", NULL
};


pg_status_t
pg_detect_email(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, ls, dn;
    const char   *t;
    pg_status_t   st;

    t = s->text;

    for (i = pg_next_byte(t, s->len, 0, '@');
         i < s->len;
         i = pg_next_byte(t, s->len, i + 1, '@'))
    {
        ls = pg_email_local_start(t, i);
        if (ls == i) {
            continue;
        }

        dn = pg_email_domain(t, s->len, i + 1);
        if (dn != 0 && ls > 0 && t[ls - 1] == '@'
            && !pg_email_webmail_at(t, i + 1, i + 1 + dn))
        {
            /* "@news@fairmonthealth.social": a Mastodon handle, the
             * account's public name, not a mailbox; no instance is a
             * webmail host, so "@rosa.v@gmail.com" stays an address */
            i += dn;
            continue;
        }

        if (dn == 0) {
            continue;
        }

        /* "careers@...", "email us at ...": the hospital's mailbox */
        if (pg_in_url(t, ls)
            || pg_org_mailbox(t, s->len, ls, i + 1 + dn,
                              pg_email_webmail_at(t, i + 1, i + 1 + dn)))
        {
            i += dn;
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_EMAIL, s->field, ls,
                             i + 1 + dn - ls, 90);
        if (st != PG_OK) {
            return st;
        }

        i += dn;
    }

    st = pg_email_spaced(s, out);
    if (st == PG_OK) {
        st = pg_email_blanked(s, out);
    }

    if (st != PG_OK) {
        return st;
    }

    return pg_email_spelled(s, out);
}


/*
 * "r o s a . v e g a @ g m a i l . c o m": an address written one
 * character at a time with blanks between, read as if they were not
 * there.  Only evasion writes an address so: no organisation check.
 */

static pg_status_t
pg_email_spaced(const pg_scan_t *s, pg_findings_t *out)
{
    char          buf[2 * PG_EMAIL_SPACED_MAX + 1];
    size_t        i, nl, nh, dn, off[2 * PG_EMAIL_SPACED_MAX + 1];
    char          lbuf[PG_EMAIL_SPACED_MAX];
    size_t        loff[PG_EMAIL_SPACED_MAX];
    const char   *t;
    pg_status_t   st;

    t = s->text;

    for (i = pg_next_byte(t, s->len, 2, '@');
         i + 2 < s->len;
         i = pg_next_byte(t, s->len, i + 1, '@'))
    {
        if (t[i - 1] != ' ' || t[i + 1] != ' ') {
            continue;
        }

        nl = pg_email_spaced_side(t, s->len, i - 1, -1, lbuf, loff);
        nh = pg_email_spaced_side(t, s->len, i + 1, 1, buf + nl + 1,
                                  off + nl + 1);

        if (nl < 2 || nh < 4) {
            continue;
        }

        pg_email_join(buf, off, lbuf, loff, nl, i);

        if (pg_email_local_start(buf, nl) != 0) {
            continue;
        }

        dn = pg_email_domain(buf, nl + 1 + nh, nl + 1);
        if (dn == 0) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_EMAIL, s->field, off[0],
                             off[nl + dn] + 1 - off[0], 80);
        if (st != PG_OK) {
            return st;
        }

        i = off[nl + dn];
    }

    return PG_OK;
}


/* the local part, read backwards into lbuf and loff (nl bytes), turned
 * round into buf and off, and the '@' at `at` after it */

static void
pg_email_join(char *buf, size_t *off, const char *lbuf, const size_t *loff,
    size_t nl, size_t at)
{
    size_t  k;

    for (k = 0; k < nl; k++) {
        buf[k] = lbuf[nl - 1 - k];
        off[k] = loff[nl - 1 - k];
    }

    buf[nl] = '@';
    off[nl] = at;
}


/* single characters split by one blank from the blank at pos, towards
 * dir: their count, the characters and their offsets */

static size_t
pg_email_spaced_side(const char *t, size_t len, size_t pos, int dir,
    char *buf, size_t *off)
{
    size_t  n, c;

    for (n = 0; n < PG_EMAIL_SPACED_MAX; n++) {
        /* pos is a blank; the character beyond it, then a blank or the
         * end of the address beyond that */
        if (dir < 0 ? pos < 1 : pos + 1 >= len) {
            break;
        }

        c = dir < 0 ? pos - 1 : pos + 1;

        if (!pg_email_local(t[c])
            || !(dir < 0 ? c == 0 || !pg_isalnum(t[c - 1])
                         : c + 1 >= len || !pg_isalnum(t[c + 1])))
        {
            break;
        }

        buf[n] = t[c];
        off[n] = c;

        if (dir < 0 ? c == 0 || t[c - 1] != ' '
                    : c + 1 >= len || t[c + 1] != ' ')
        {
            n++;
            break;
        }

        pos = dir < 0 ? c - 1 : c + 1;
    }

    return n;
}


/*
 * "d.castellano @ outlook . com": the address read without the blanks
 * into buf, off[] the offset of each byte in the text.  Those with no
 * blank are the first scan's.
 */

static pg_status_t
pg_email_blanked(const pg_scan_t *s, pg_findings_t *out)
{
    int           odd, letter, blank;
    char          buf[PG_EMAIL_BLANKED_MAX], lbuf[PG_EMAIL_LOCAL_MAX + 1];
    size_t        i, k, nl, nh, ls, end, off[PG_EMAIL_BLANKED_MAX];
    size_t        loff[PG_EMAIL_LOCAL_MAX + 1];
    const char   *t;
    pg_status_t   st;

    t = s->text;

    for (i = pg_next_byte(t, s->len, 0, '@');
         i < s->len;
         i = pg_next_byte(t, s->len, i + 1, '@'))
    {
        nl = pg_email_blanked_side(t, s->len, i, -1, PG_EMAIL_LOCAL_MAX + 1,
                                   lbuf, loff);
        nh = pg_email_blanked_side(t, s->len, i, 1, PG_EMAIL_DOMAIN_MAX + 1,
                                   buf + nl + 1, off + nl + 1);

        if (nl == 0 || nh == 0) {
            continue;
        }

        pg_email_join(buf, off, lbuf, loff, nl, i);

        ls = pg_email_local_start(buf, nl);
        end = ls < nl ? pg_email_blanked_host(buf, nl, nl + 1 + nh) : 0;

        /* "- @icloud.com": a local part starts and ends with a letter
         * or digit */
        if (end == 0 || !pg_isalnum(buf[ls]) || !pg_isalnum(buf[nl - 1])) {
            continue;
        }

        odd = 0;
        letter = 0;
        blank = 0;

        for (k = ls; k < end; k++) {
            odd |= k < nl && !pg_isalpha(buf[k]);
            letter |= k < nl && pg_isalpha(buf[k]);
            blank |= k > ls && off[k] - off[k - 1] > 1;
        }

        /* "6453 @mercyridge.org": a number before a host is no local
         * part */
        if (!blank || !letter
            || !(odd || pg_email_webmail_at(buf, nl + 1, end))
            || pg_in_url(t, off[ls])
            || pg_org_mailbox(buf, end, ls, end, 1)
            || pg_org_mailbox(t, s->len, off[ls], off[end - 1] + 1,
                              pg_email_webmail_at(buf, nl + 1, end)))
        {
            i = off[end - 1];
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_EMAIL, s->field, off[ls],
                             off[end - 1] + 1 - off[ls], 80);
        if (st != PG_OK) {
            return st;
        }

        i = off[end - 1];
    }

    return PG_OK;
}


/*
 * The bytes of an address from the '@' at `at` towards dir, one blank
 * or none skipped next to the '@', and one each side of a dot or none:
 * their count (at most max),
 * the bytes in buf and their offsets in off, nearest first.
 */

static size_t
pg_email_blanked_side(const char *t, size_t len, size_t at, int dir,
    size_t max, char *buf, size_t *off)
{
    int     inner;
    size_t  n, p, c;

    n = 0;
    p = at;

    while (n < max && (dir < 0 ? p > 0 : p + 1 < len)) {
        c = dir < 0 ? p - 1 : p + 1;

        if (t[c] == ' ') {
            if (dir < 0 ? c == 0 : c + 1 >= len) {
                break;
            }

            p = dir < 0 ? c - 1 : c + 1;

            /* next to the '@', or " . " with a blank each side of the
             * dot: not "month. jdoe@", "@ya. uk" (a sentence's end); in
             * the local part only after a blank before the '@', so
             * that "scan . jdoe@gmail.com" is one word and an address */
            inner = c != (dir < 0 ? at - 1 : at + 1);

            if (!pg_email_local(t[p])
                || (inner && dir < 0 && t[at - 1] != ' ')
                || (inner
                    && !((t[p] == '.' && (dir < 0 ? p > 0 : p + 1 < len)
                          && t[dir < 0 ? p - 1 : p + 1] == ' ')
                         || (n > 1 && buf[n - 1] == '.'
                             && (dir < 0 ? off[n - 2] - off[n - 1]
                                         : off[n - 1] - off[n - 2]) == 2))))
            {
                break;
            }

            c = p;
        }

        if (!pg_email_local(t[c])) {
            break;
        }

        buf[n] = t[c];
        off[n] = c;
        n++;
        p = c;
    }

    return n;
}


/*
 * The end of the host after the '@' at `at` in buf (n bytes): its
 * longest run of labels that ends in a common TLD written in one case
 * ("outlook . com . Thanks" ends at "com"); 0 when there is none.
 */

static size_t
pg_email_blanked_host(const char *buf, size_t at, size_t n)
{
    int     lower, upper;
    size_t  k, e, dn, lab;

    for (e = n; e > at + 1; e = k) {
        dn = pg_email_domain(buf, e, at + 1);

        if (dn != 0) {
            e = at + 1 + dn;

            for (lab = e; buf[lab - 1] != '.'; lab--) {
                /* void */
            }

            lower = 1;
            upper = 1;

            for (k = lab; k < e; k++) {
                lower &= buf[k] >= 'a' && buf[k] <= 'z';
                upper &= buf[k] >= 'A' && buf[k] <= 'Z';
            }

            if ((lower || upper)
                && pg_cues_at(buf, e, lab, pg_email_tlds, NULL) == e - lab)
            {
                return e;
            }
        }

        /* drop the last label */
        for (k = e - 1; k > at + 1 && buf[k] != '.'; k--) {
            /* void */
        }
    }

    return 0;
}


/* "nadia53 at hotmail dot com" */

static pg_status_t
pg_email_spelled(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, n, ls;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    /* "at" words, the brackets of "(at)", "[at]", "{at}", and '@' */

    st = pg_scan_cands(s, &c, &pg_email_at_set);
    if (st == PG_OK) {
        st = pg_cands_add_bytes(&c, s->arena, "([{@");
    }

    if (st != PG_OK) {
        return st;
    }

    t = s->text;

    for (i = pg_cands_pos(&c, 1); i < s->len; i = pg_cands_pos(&c, i + 1)) {

        /* " at ", "(at)" right after the local part, or "@" before a
         * spelled host ("the.lees@comcast dot net") */
        if ((t[i - 1] != ' ' && t[i] != '(' && t[i] != '[' && t[i] != '{'
             && t[i] != '@')
            || !pg_cues_at(t, s->len, i, pg_email_at_words, NULL))
        {
            continue;
        }

        n = pg_email_spelled_at(t, s->len, i, &ls);
        if (n == 0) {
            continue;
        }

        if (!pg_in_url(t, ls) && !pg_org_mailbox(t, s->len, ls, n, 1)) {
            st = pg_findings_add(out, s->arena, PG_T_EMAIL, s->field, ls,
                                 n - ls, 80);
            if (st != PG_OK) {
                return st;
            }
        }

        i = n;
    }

    return PG_OK;
}


/*
 * The "at" word at `at` joins a local part before it and a spelled host
 * after it: returns the end of the address (0: none), its start in
 * *start.
 */

static size_t
pg_email_spelled_at(const char *t, size_t len, size_t at, size_t *start)
{
    int     odd, dots, webmail, mark;
    size_t  i, n, ls, le, lab, last;

    /* the local part: the word before, one blank or none between */
    le = t[at - 1] == ' ' ? at - 1 : at;
    ls = le;
    odd = 0;

    while (ls > 0 && le - ls < PG_EMAIL_LOCAL_MAX
           && pg_email_local(t[ls - 1]))
    {
        ls--;
        odd |= !pg_isalpha(t[ls]);
    }

    while (ls < le && !pg_isalnum(t[ls])) {
        ls++;
    }

    if (ls == le || !pg_isalnum(t[le - 1])
        || (ls > 0 && !pg_isspace(t[ls - 1]) && t[ls - 1] != '('
            && t[ls - 1] != ':'))
    {
        return 0;
    }

    /* the host: label ((blanks dot-word blanks) | '.') label ... */
    i = at + pg_cues_at(t, len, at, pg_email_at_words, NULL);
    mark = t[at] == '(' || t[at] == '[' || t[at] == '{';
    dots = 0;
    last = 0;
    lab = 0;
    webmail = -1;

    for ( ;; ) {
        while (i < len && t[i] == ' ') {
            i++;
        }

        for (n = 0; i + n < len && (pg_isalnum(t[i + n]) || t[i + n] == '-');
             n++)
        {
            /* void */
        }

        if (n == 0 || n > PG_EMAIL_LABEL_MAX) {
            break;
        }

        if (webmail < 0) {
            webmail = pg_email_webmail_at(t, i, i + n);
        }

        lab = i;
        i += n;
        last = i;

        if (i + 1 < len && t[i] == '.' && pg_isalnum(t[i + 1])) {
            i++;
            continue;
        }

        n = i;

        while (n < len && t[n] == ' ') {
            n++;
        }

        n = pg_email_dot(t, len, n);
        if (n == 0) {
            break;
        }

        dots++;
        i = n;
    }

    /* a "dot" word; or real dots after "(at)" or " at " a webmail host
     * ("dwight_k(at)proton.me", "h.feld at yahoo.com"); "@" and real
     * dots are an ordinary address, the other scan's */
    if ((dots == 0 && (t[at] == '@' || !(mark || webmail == 1)))
        || last == 0
        || pg_cues_at(t, last, lab, pg_email_tlds, NULL) != last - lab
        || (!odd && webmail != 1))
    {
        return 0;
    }

    *start = ls;

    return last;
}


/* a "dot" word at pos: the end after it, 0: none */

static size_t
pg_email_dot(const char *t, size_t len, size_t pos)
{
    size_t  n;

    n = pg_cues_at(t, len, pos, pg_email_dot_words, NULL);

    return n ? pos + n : 0;
}


/* where the local part before '@' at `at` starts; `at` when invalid */

static size_t
pg_email_local_start(const char *t, size_t at)
{
    size_t  s, k;

    for (s = at; s > 0 && at - s <= PG_EMAIL_LOCAL_MAX; s--) {
        if (!pg_email_local(t[s - 1])) {
            break;
        }
    }

    if (at - s > PG_EMAIL_LOCAL_MAX) {
        return at;
    }

    while (s < at && t[s] == '.') {
        s++;
    }

    if (s == at || t[at - 1] == '.') {
        return at;
    }

    for (k = s; k + 1 < at; k++) {
        if (t[k] == '.' && t[k + 1] == '.') {
            return at;
        }
    }

    return s;
}


/* the length of a valid domain at pos, 0 when there is none */

static size_t
pg_email_domain(const char *t, size_t len, size_t pos)
{
    size_t  i, ls, labels;

    i = pos;
    labels = 0;

    for ( ;; ) {
        ls = i;

        while (i < len && i - pos < PG_EMAIL_DOMAIN_MAX
               && (pg_isalnum(t[i]) || t[i] == '-'))
        {
            i++;
        }

        if (i < len && (pg_isalnum(t[i]) || t[i] == '-')) {
            /* longer than PG_EMAIL_DOMAIN_MAX */
            return 0;
        }

        if (i + 1 < len && t[i] == '.' && pg_isalnum(t[i + 1])) {
            /* an inner label */
            if (i == ls || i - ls > PG_EMAIL_LABEL_MAX
                || t[ls] == '-' || t[i - 1] == '-')
            {
                return 0;
            }

            labels++;
            i++;
            continue;
        }

        /* the last label: a hyphen after it is punctuation ("org- or") */

        while (i > ls && t[i - 1] == '-') {
            i--;
        }

        if (i == ls || i - ls > PG_EMAIL_LABEL_MAX || t[ls] == '-') {
            return 0;
        }

        labels++;
        break;
    }

    if (labels < 2 || i - pos > PG_EMAIL_DOMAIN_MAX) {
        return 0;
    }

    /* the TLD: letters only, and not a file name's extension */

    for (ls = i; ls > pos && t[ls - 1] != '.'; ls--) {
        if (!pg_isalpha(t[ls - 1])) {
            return 0;
        }
    }

    if (i - ls < 2 || pg_email_file_ext(t, ls, i - ls)) {
        return 0;
    }

    return i - pos;
}


static int
pg_email_file_ext(const char *t, size_t pos, size_t n)
{
    size_t  k, j;

    for (k = 0; pg_email_exts[k] != NULL; k++) {

        for (j = 0; j < n && pg_email_exts[k][j] != '\0'; j++) {
            if (pg_tolower(t[pos + j]) != (unsigned char) pg_email_exts[k][j])
            {
                break;
            }
        }

        if (j == n && pg_email_exts[k][j] == '\0') {
            return 1;
        }
    }

    return 0;
}


/* the host at [pos, end) starts with a webmail provider's label */

static int
pg_email_webmail_at(const char *t, size_t pos, size_t end)
{
    size_t  n;

    for (n = 0; pos + n < end && (pg_isalnum(t[pos + n]) || t[pos + n] == '-');
         n++)
    {
        /* void */
    }

    return n > 0 && pg_cues_at(t, pos + n, pos, pg_email_webmail, NULL) == n;
}
