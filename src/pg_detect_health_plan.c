/*
 * Copyright (C) phigate authors
 *
 * Health plan beneficiary numbers (Safe Harbor I).
 *
 *   Medicare Beneficiary Identifier, 11 characters, "1EG4TE5MK74",
 *   "1EG4-TE5-MK74" or "1EG4 TE5 MK74" (any spacing of pg_detect_sep.h),
 *   no cue needed: the CMS layout is specific enough.
 *   Positions: 1 digit 1-9; 2, 5, 8, 9 letter; 3, 6 letter or digit;
 *   4, 7, 10, 11 digit; letters never S, L, O, I, B or Z.
 *
 *   CMS's own specimen MBI ("1EG4-TE5-MK73", on the sample card of
 *   "Understanding the Medicare Beneficiary Identifier (MBI) Format",
 *   cms.gov) shown as an example ("looks like", "example", "sample"
 *   within 6 words either side) is nobody's: a post that explains the
 *   new card quotes it.  Without such a word, or after a cue, it is a
 *   finding like any MBI: staff copy it into test and training posts.
 *
 *   Medicaid, member, subscriber, policy, group, insurance and Medicare
 *   IDs (any format: plans choose their own) only after a cue, with an
 *   ID of 5-20 characters, 3 of them digits or more; after a payer's
 *   name ("Blue Cross ID"), 6-20 with a letter.
 */


#include "pg_detect_cued.h"
#include "pg_detect_sep.h"
#include "pg_text.h"


#define PG_MBI_LEN            11
#define PG_MBI_EXAMPLE_WORDS  6
#define PG_MBI_EXAMPLE_BYTES  64


static size_t pg_mbi_at(const char *t, size_t len, size_t pos);
static int pg_mbi_letter(int c);
static int pg_mbi_specimen(const char *t, size_t len, size_t pos,
    size_t n);


static const char *const  pg_plan_cues[] = {
    "medicaid", "medicaid id", "medicaid #", "medicaid number",
    "medicaid no",
    "medicare", "medicare id", "medicare #", "medicare number",
    "medicare no", "mbi", "hicn",
    "member id", "member #", "member#", "member number", "member no",
    "subscriber id", "subscriber #", "subscriber number",
    "subscriber no",
    "policy #", "policy#", "policy number", "policy no", "policy id",
    "group #", "group#", "group number", "group no",
    "insurance id", "insurance #", "insurance number", "insurance no",
    "health plan id", "health plan #", "health plan number",
    "plan id", "plan #", "beneficiary id", "beneficiary number",
    "benefit id", "insured id",
    NULL
};


/* the MBIs CMS publishes as specimens, without separators (see above) */
static const char *const  pg_mbi_specimens[] = {
    "1eg4te5mk73", NULL
};

/* words that show a specimen as an example, not as someone's number */
static const char *const  pg_mbi_example_words[] = {
    "example", "examples", "sample", "specimen", "looks like",
    "look like", "such as", NULL
};


/*
 * "Blue Cross ID XJH884120337": a payer's name is a cue for its member
 * ID, but it is also printed next to its phone numbers and plan years
 * ("Blue Cross: 1-800-...", "Aetna 2025-2026"), so the ID after it
 * needs a letter as well (payers' member IDs carry a prefix)
 */

static const char *const  pg_payer_cues[] = {
    "blue cross", "blue shield", "bcbs", "anthem", "aetna", "cigna",
    "humana", "unitedhealthcare", "united healthcare", "uhc", "kaiser",
    "tricare", "molina", "ambetter", "wellcare", "highmark", "medi-cal",
    NULL
};


static pg_cue_set_t  pg_plan_set = pg_cue_set(pg_plan_cues);

static const pg_cued_t  pg_plan_spec = {
    PG_T_HEALTH_PLAN, 85, &pg_plan_set, 5, 20, 3, 0, 0, NULL
};

static pg_cue_set_t  pg_payer_set = pg_cue_set(pg_payer_cues);

static const pg_cued_t  pg_payer_spec = {
    PG_T_HEALTH_PLAN, 85, &pg_payer_set, 6, 20, 3, 1, 0, NULL
};


pg_status_t
pg_detect_health_plan(const pg_scan_t *s, pg_findings_t *out)
{
    size_t        i, n, j, cued;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    /* cued IDs first; an MBI that a cue introduced is reported once */

    j = out->n;

    st = pg_detect_cued(s, &pg_plan_spec, out);
    if (st != PG_OK) {
        return st;
    }

    cued = out->n;
    t = s->text;
    pg_scan_digits(s, &c);

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + 1)) {
        if (t[i] == '0' || !pg_num_start(t, i)) {
            continue;
        }

        n = pg_mbi_at(t, s->len, i);
        if (n == 0) {
            continue;
        }

        /* the cued findings are in text order */
        while (j < cued && out->items[j].off < i) {
            j++;
        }

        if (j < cued && out->items[j].off == i) {
            i += n - 1;
            continue;
        }

        if (pg_mbi_specimen(t, s->len, i, n)) {
            i += n - 1;
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_HEALTH_PLAN, s->field, i,
                             n, 90);
        if (st != PG_OK) {
            return st;
        }

        i += n - 1;
    }

    /* an MBI after a payer's name is found twice: pg_detect_merge() */

    return pg_detect_cued(s, &pg_payer_spec, out);
}


/*
 * The length of an MBI at pos, 0: none.  Either no separator, or one of
 * the same kind after positions 4 and 7: "1EG4-TE5-MK73", "1EG4 TE5
 * MK73", "1EG4 - TE5 - MK73" (pg_detect_sep.h).
 */

static size_t
pg_mbi_at(const char *t, size_t len, size_t pos)
{
    int     c;
    char    kind, kind2;
    size_t  i, k, n, sep;

    /* what each of the 11 positions holds: d digit, a letter, x either */
    static const char  layout[PG_MBI_LEN] = "daxdaxdaadd";

    kind = 0;
    sep = pos + 4 < len ? pg_group_sep(t, len, pos + 4, &kind) : 0;
    i = pos;

    for (k = 0; k < PG_MBI_LEN; k++) {

        if (sep && (k == 4 || k == 7)) {
            n = pg_group_sep(t, len, i, &kind2);
            if (n == 0 || kind2 != kind) {
                return 0;
            }

            i += n;
        }

        if (i >= len) {
            return 0;
        }

        c = (unsigned char) t[i];

        if (layout[k] == 'd' && !pg_isdigit(c)) {
            return 0;
        }

        if (layout[k] == 'a' && !pg_mbi_letter(c)) {
            return 0;
        }

        if (layout[k] == 'x' && !pg_isdigit(c) && !pg_mbi_letter(c)) {
            return 0;
        }

        i++;
    }

    if (!pg_num_end(t, len, i)) {
        return 0;
    }

    return i - pos;
}


/* whether the MBI at pos (n bytes) is a specimen shown as an example */

static int
pg_mbi_specimen(const char *t, size_t len, size_t pos, size_t n)
{
    size_t             k, j;
    const char *const *sp;

    for (sp = pg_mbi_specimens; *sp != NULL; sp++) {

        /* the 11 characters, the separators of pg_mbi_at() skipped */
        for (k = pos, j = 0; k < pos + n && (*sp)[j] != '\0'; k++) {
            if (pg_isalnum(t[k])) {
                if (pg_tolower(t[k]) != (*sp)[j]) {
                    break;
                }

                j++;
            }
        }

        if (k == pos + n && (*sp)[j] == '\0') {
            break;
        }
    }

    if (*sp == NULL) {
        return 0;
    }

    return pg_cue_before(t, pos, PG_MBI_EXAMPLE_WORDS, PG_MBI_EXAMPLE_BYTES,
                         pg_mbi_example_words)
           || pg_cue_after(t, len, pos + n, PG_MBI_EXAMPLE_WORDS,
                           PG_MBI_EXAMPLE_BYTES, pg_mbi_example_words);
}


static int
pg_mbi_letter(int c)
{
    c = pg_tolower(c);

    return c >= 'a' && c <= 'z' && c != 's' && c != 'l' && c != 'o'
           && c != 'i' && c != 'b' && c != 'z';
}
