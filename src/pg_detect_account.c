/*
 * Copyright (C) phigate authors
 *
 * Account numbers (Safe Harbor J).
 *
 *   account / acct / billing account / patient account / invoice /
 *   statement # / FIN + an ID of 5+ digits (letters and hyphens allowed,
 *   "INV-2024-00042")                                       cue needed
 *   payment card numbers: 13-19 digits, whole or in groups of 4 (Amex
 *   4-6-5) split by spaces or hyphens, with a valid Luhn check and a
 *   known issuer prefix (Visa, Mastercard, Amex, Discover, Diners,
 *   JCB)                                                      no cue
 *
 * Five digits at least: "account 2024" is a year.  A card number inside
 * a URL is an id of the page (tweet ids are 19 digits), not a card.
 */


#include <string.h>

#include "pg_detect_cued.h"
#include "pg_text.h"


#define PG_CARD_MIN  13
#define PG_CARD_MAX  19


static size_t pg_card_at(const char *t, size_t len, size_t pos);
static int pg_card_iin(const char *d, size_t n);


static const char *const  pg_account_cues[] = {
    "account", "accounts", "acct", "acct#", "acct #", "a/c",
    "account #", "account#", "account number", "account no",
    "billing account", "patient account", "guarantor account",
    "hospital account", "har",
    "invoice", "invoice #", "invoice#", "invoice number", "invoice no",
    "statement #", "statement number", "bill #", "billing #",
    "billing number", "billing id",
    /* Cerner's financial number, one per encounter: "FIN 700183492" */
    "fin", "fin #", "fin#", "fin number", "fin no",
    NULL
};


static pg_cue_set_t  pg_account_set = pg_cue_set(pg_account_cues);

static const pg_cued_t  pg_account_spec = {
    PG_T_ACCOUNT, 85, &pg_account_set, 5, 20, 5, 0, 0, NULL
};


pg_status_t
pg_detect_account(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, k, n;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    st = pg_detect_cued(s, &pg_account_spec, out);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;
    pg_scan_digits(s, &c);

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + n)) {
        n = pg_digit_run(t, s->len, i, s->len);

        if (!pg_num_start(t, i) || pg_in_url(t, i)) {
            continue;
        }

        k = pg_card_at(t, s->len, i);
        if (k == 0) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_ACCOUNT, s->field, i, k,
                             90);
        if (st != PG_OK) {
            return st;
        }

        n = k;
    }

    return PG_OK;
}


/* the length of a card number at pos, 0 when there is none */

static size_t
pg_card_at(const char *t, size_t len, size_t pos)
{
    char         sep, d[PG_CARD_MAX];
    size_t       k, n;
    pg_groups_t  g;

    pg_digit_groups(t, len, pos, " -", 5, &g);

    if (!pg_num_end(t, len, g.end)) {
        return 0;
    }

    n = 0;

    for (k = 0; k < g.n; k++) {
        n += g.len[k];
    }

    if (n < PG_CARD_MIN || n > PG_CARD_MAX) {
        return 0;
    }

    /* whole, or groups of four (the last 1-4), or Amex 4-6-5 */

    if (g.n > 1) {
        sep = g.sep[1];

        for (k = 1; k < g.n; k++) {
            if (g.sep[k] != sep) {
                return 0;
            }
        }

        if (!(g.n == 3 && g.len[0] == 4 && g.len[1] == 6
              && g.len[2] == 5))
        {
            for (k = 0; k < g.n; k++) {
                if (g.len[k] != 4 && !(k == g.n - 1 && g.len[k] < 4)) {
                    return 0;
                }
            }
        }
    }

    n = 0;

    for (k = 0; k < g.n; k++) {
        memcpy(d + n, t + g.off[k], g.len[k]);
        n += g.len[k];
    }

    if (!pg_card_iin(d, n) || !pg_luhn(d, n)) {
        return 0;
    }

    return g.end - pos;
}


/* a known issuer prefix for a number of n digits */

static int
pg_card_iin(const char *d, size_t n)
{
    unsigned long  p2, p4;

    p2 = pg_digits_value(d, 0, 2);
    p4 = pg_digits_value(d, 0, 4);

    if (d[0] == '4') {
        return n == 13 || n == 16 || n == 19;              /* Visa */
    }

    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
        return n == 16;                                     /* Mastercard */
    }

    if (p2 == 34 || p2 == 37) {
        return n == 15;                                     /* Amex */
    }

    if (p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499)) {
        return n >= 16;                                     /* Discover */
    }

    if (p2 == 36 || p2 == 38 || p2 == 39 || (p4 >= 3000 && p4 <= 3059)) {
        return n >= 14;                                     /* Diners */
    }

    if (p4 >= 3528 && p4 <= 3589) {
        return n >= 16;                                     /* JCB */
    }

    return 0;
}
