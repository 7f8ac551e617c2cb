/*
 * Copyright (C) phigate authors
 *
 * IP addresses (Safe Harbor O).
 *
 *   IPv4: four decimal parts 0-255 split by dots ("10.0.12.7"), not part
 *   of a longer dotted run ("1.2.3.4.5") and not introduced by a word
 *   that makes it a version or section number ("version 10.2.0.1",
 *   "v1.2.3.4", "firmware 2.1.0.9", "section 4.2.1.3").  Private and
 *   loopback ranges count too: they identify a device on a network.
 *   Inside a URL ("http://192.168.1.20/chart") the address still counts.
 *   IPv6: eight groups of 1-4 hex digits split by ':', or fewer with
 *   one "::" ("fe80::1c2b:3"), with a digit somewhere: times ("10:30:15")
 *   and scripture ("John 3:16") have too few groups.
 */


#include "pg_detect.h"
#include "pg_text.h"


#define PG_IP_CUE_WORDS  2
#define PG_IP_CUE_BYTES  24


static size_t pg_ipv4_at(const char *t, size_t len, size_t pos);
static size_t pg_ipv6_at(const char *t, size_t len, size_t pos);
static pg_status_t pg_ip_colons(const pg_scan_t *s, pg_cands_t *c);


/* words that make a dotted number a version, section or rule number */
static const char *const  pg_ip_not_cues[] = {
    "v", "ver", "version", "versions", "release", "build", "firmware",
    "update", "rev", "revision", "patch", "section", "sec", "rule",
    "step", "chapter", "ch", "table", "figure", "fig", "item", "clause",
    "appendix", "icd", "cpt", "code", "release notes",
    NULL
};


pg_status_t
pg_detect_ip(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, n;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    /*
     * An address starts with a digit, "::", or a group of hex letters
     * that a ':' ends ("fe80::1"): pg_ipv6_at() reads no further
     * where the group is followed by anything else.
     */

    pg_scan_digits(s, &c);

    st = pg_ip_colons(s, &c);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + 1)) {

        n = 0;

        if (pg_isdigit(t[i]) && pg_num_start(t, i)) {
            n = pg_ipv4_at(t, s->len, i);

            if (n != 0
                && pg_cue_before(t, i, PG_IP_CUE_WORDS, PG_IP_CUE_BYTES,
                                 pg_ip_not_cues))
            {
                i += n - 1;
                continue;
            }
        }

        if (n == 0 && (pg_hex(t[i]) >= 0 || t[i] == ':')
            && pg_word_start(t, i) && (i == 0 || t[i - 1] != ':'))
        {
            n = pg_ipv6_at(t, s->len, i);
        }

        if (n == 0) {
            /* nothing starts inside a word: on to its last byte */
            if (pg_isalnum(t[i])) {
                i = pg_alnum_end(t, s->len, i) - 1;
            }

            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_IP, s->field, i, n, 85);
        if (st != PG_OK) {
            return st;
        }

        i += n - 1;
    }

    return PG_OK;
}


/* every ':' and the word of hex letters first that ends at one */

static pg_status_t
pg_ip_colons(const pg_scan_t *s, pg_cands_t *c)
{
    size_t        n, p, w;
    uint32_t     *pos;
    const char   *t;

    t = s->text;
    n = 0;

    for (p = pg_next_byte(t, s->len, 0, ':'); p < s->len;
         p = pg_next_byte(t, s->len, p + 1, ':'))
    {
        n++;
    }

    if (n == 0) {
        return PG_OK;
    }

    pos = pg_arena_alloc(s->arena, 2 * n * sizeof(uint32_t));
    if (pos == NULL) {
        return PG_ERR_NOMEM;
    }

    n = 0;

    for (p = pg_next_byte(t, s->len, 0, ':'); p < s->len;
         p = pg_next_byte(t, s->len, p + 1, ':'))
    {
        /* a group of five or more is no address's: it is not read */
        for (w = p; w > 0 && p - w < 5 && pg_isalnum(t[w - 1]); w--) {
            /* void */
        }

        if (w < p && pg_isalpha(t[w]) && pg_hex(t[w]) >= 0
            && pg_word_start(t, w))
        {
            pos[n++] = (uint32_t) w;
        }

        pos[n++] = (uint32_t) p;
    }

    return pg_cands_add(c, s->arena, pos, n);
}


static size_t
pg_ipv4_at(const char *t, size_t len, size_t pos)
{
    size_t  k, i, n;

    i = pos;

    for (k = 0; k < 4; k++) {
        if (k > 0) {
            if (i + 1 >= len || t[i] != '.') {
                return 0;
            }

            i++;
        }

        n = pg_digit_run(t, len, i, 4);

        if (n == 0 || n > 3 || pg_digits_value(t, i, n) > 255
            || (n > 1 && t[i] == '0'))
        {
            return 0;
        }

        i += n;
    }

    return pg_num_end(t, len, i) ? i - pos : 0;
}


static size_t
pg_ipv6_at(const char *t, size_t len, size_t pos)
{
    int     dbl, digit;
    size_t  i, groups, n;

    i = pos;
    groups = 0;
    dbl = 0;
    digit = 0;

    if (i + 1 < len && t[i] == ':' && t[i + 1] == ':') {
        dbl = 1;
        i += 2;
    }

    while (i < len && groups < 8) {
        for (n = 0; i + n < len && n < 5 && pg_hex(t[i + n]) >= 0; n++) {
            digit |= pg_isdigit(t[i + n]);
        }

        if (n == 0 || n > 4) {
            if (n > 4) {
                return 0;
            }

            break;
        }

        groups++;
        i += n;

        if (i + 1 < len && t[i] == ':' && t[i + 1] == ':' && !dbl) {
            dbl = 1;
            i += 2;
            continue;
        }

        if (i + 1 < len && t[i] == ':' && pg_hex(t[i + 1]) >= 0
            && groups < 8)
        {
            i++;
            continue;
        }

        break;
    }

    /* i is past the last group, or past a trailing "::" */

    if (!digit || (dbl ? groups < 2 || groups > 7 : groups != 8)) {
        return 0;
    }

    if (i < len && (pg_isalnum(t[i]) || t[i] == ':')) {
        return 0;
    }

    return i - pos;
}
