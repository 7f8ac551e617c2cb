/*
 * Copyright (C) phigate authors
 *
 * Device identifiers and serial numbers (Safe Harbor M).
 *
 *   serial number / s/n / device ID / implant ID / pacemaker serial /
 *   UDI / IMEI + an ID of 4+ characters with 2+ digits      cue needed
 *   (01)GTIN-14 with its GS1 check digit and a (11)/(17)/(10)/(21)
 *   application identifier after it: a UDI in GS1 form        no cue
 *   MAC address: six pairs of hex digits split by ':' or '-' no cue
 *
 * A lone "(01)" GTIN is a product, not a device: the UDI form needs a
 * production identifier after it.
 */


#include "pg_detect_cued.h"
#include "pg_text.h"


#define PG_GTIN_LEN  14


static size_t pg_device_udi(const char *t, size_t len, size_t pos);
static int pg_device_gs1(const char *d, size_t n);
static size_t pg_device_mac(const char *t, size_t len, size_t pos);


static const char *const  pg_device_cues[] = {
    "serial", "serial #", "serial#", "serial number", "serial no",
    "s/n", "sn", "sn#", "sn #",
    "device id", "device #", "device number", "device identifier",
    "implant id", "implant serial", "implant #", "implant number",
    "pacemaker serial", "pacemaker id", "pacemaker #",
    "defibrillator serial", "icd serial", "pump serial",
    "cochlear implant serial", "insulin pump serial",
    "udi", "udi#", "imei", "meid", "esn",
    NULL
};


static pg_cue_set_t  pg_device_set = pg_cue_set(pg_device_cues);

static const pg_cued_t  pg_device_spec = {
    PG_T_DEVICE, 85, &pg_device_set, 4, 30, 2, 0, 0, NULL
};


pg_status_t
pg_detect_device(const pg_scan_t *s, pg_findings_t *out)
{
    size_t             i, k, n, next;
    pg_status_t        st;
    const char        *t;
    const pg_words_t  *w;

    st = pg_detect_cued(s, &pg_device_spec, out);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;
    w = s->words;
    next = 0;

    /*
     * Both start with a word of two: a MAC address's first group, the
     * "01" of a UDI's "(01)"; a finding's bytes are not read again.
     */

    for (k = pg_words_of_len(w, 0, 2);
         k < w->n;
         k = pg_words_of_len(w, k + 1, 2))
    {
        i = w->word[k];
        n = 0;

        if (i > next && t[i - 1] == '(') {
            n = pg_device_udi(t, s->len, i - 1);
            i -= n ? 1 : 0;
        }

        if (n == 0 && i >= next
            && (i == 0 || (t[i - 1] != ':' && t[i - 1] != '-')))
        {
            n = pg_device_mac(t, s->len, i);
        }

        if (n == 0) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_DEVICE, s->field, i, n,
                             80);
        if (st != PG_OK) {
            return st;
        }

        next = i + n;
    }

    return PG_OK;
}


/* "(01)" + 14 digits + "(AI)" ...: the length up to the end, 0: none */

static size_t
pg_device_udi(const char *t, size_t len, size_t pos)
{
    size_t  i;

    if (pos + 4 + PG_GTIN_LEN + 4 > len
        || t[pos + 1] != '0' || t[pos + 2] != '1' || t[pos + 3] != ')'
        || pg_digit_run(t, len, pos + 4, PG_GTIN_LEN + 1) != PG_GTIN_LEN
        || !pg_device_gs1(t + pos + 4, PG_GTIN_LEN))
    {
        return 0;
    }

    i = pos + 4 + PG_GTIN_LEN;

    if (t[i] != '(' || !pg_isdigit(t[i + 1]) || !pg_isdigit(t[i + 2])
        || t[i + 3] != ')')
    {
        return 0;
    }

    /* the rest of the UDI: more "(AI)value" up to a blank */
    while (i < len && !pg_isspace(t[i]) && i - pos < 128) {
        i++;
    }

    while (i > pos && !pg_isalnum(t[i - 1])) {
        i--;
    }

    return i - pos;
}


/* GS1 check digit: weights 3,1,3,... from the right, before the check */

static int
pg_device_gs1(const char *d, size_t n)
{
    size_t    k;
    unsigned  sum;

    sum = 0;

    for (k = 0; k + 1 < n; k++) {
        sum += (unsigned) (d[n - 2 - k] - '0') * ((k & 1) ? 1 : 3);
    }

    return (10 - sum % 10) % 10 == (unsigned) (d[n - 1] - '0');
}


/* "00:1A:2B:3C:4D:5E" or with '-': 17 bytes, 0: none */

static size_t
pg_device_mac(const char *t, size_t len, size_t pos)
{
    char    sep;
    size_t  k, i, digits;

    if (pos + 17 > len) {
        return 0;
    }

    sep = t[pos + 2];

    if (sep != ':' && sep != '-') {
        return 0;
    }

    digits = 0;

    for (k = 0; k < 6; k++) {
        i = pos + 3 * k;

        if (pg_hex(t[i]) < 0 || pg_hex(t[i + 1]) < 0
            || (k < 5 && t[i + 2] != sep))
        {
            return 0;
        }

        digits += pg_isdigit(t[i]) + pg_isdigit(t[i + 1]);
    }

    /* not a longer run of groups, nor a word of hex letters only */
    if (!pg_word_end(t, len, pos + 17)
        || (pos + 17 < len && t[pos + 17] == sep)
        || digits == 0)
    {
        return 0;
    }

    return 17;
}
