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
 * Not addresses: "@handle" (no local part), and user@host inside a URL
 * ("https://user@host/..."): that is userinfo for a login, not a contact
 * address a post discloses.  "mailto:" addresses are addresses.
 */


#include "pg_detect.h"
#include "pg_text.h"


#define PG_EMAIL_LOCAL_MAX   64
#define PG_EMAIL_DOMAIN_MAX  253
#define PG_EMAIL_LABEL_MAX   63

#define pg_email_local(c)                                                   \
    (pg_isalnum(c) || (c) == '.' || (c) == '_' || (c) == '%'                \
     || (c) == '+' || (c) == '-')


static size_t pg_email_local_start(const char *t, size_t at);
static size_t pg_email_domain(const char *t, size_t len, size_t pos);
static int pg_email_file_ext(const char *t, size_t pos, size_t n);


static const char *const  pg_email_exts[] = {
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff",
    "heic", "pdf", "mp4", "mov", "avi", "webm", "mp3", "wav", "txt", "csv",
    "html", "htm", "js", "css", "json", "xml", "zip",
    NULL
};


pg_status_t
pg_detect_email(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, ls, dn;
    const char   *t;
    pg_status_t   st;

    t = s->text;

    for (i = 0; i < s->len; i++) {

        if (t[i] != '@') {
            continue;
        }

        ls = pg_email_local_start(t, i);
        if (ls == i) {
            continue;
        }

        dn = pg_email_domain(t, s->len, i + 1);
        if (dn == 0) {
            continue;
        }

        if (pg_in_url(t, ls)) {
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

    return PG_OK;
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
