/*
 * Copyright (C) phigate authors
 *
 * US Social Security numbers.
 *
 *   AAA-GG-SSSS, AAA GG SSSS     fire alone (the grouping is the signal)
 *   AAA - GG - SSSS, AAA -GG- SSSS
 *   AAA.GG.SSSS, mixed separators only after a cue
 *   AAAGGSSSS (9 bare digits)    only after a cue ("SSN", "SS#", ...)
 *
 * Every form must pass the SSA validity rules: area not 000, 666 or
 * 900-999, group not 00, serial not 0000, and not one of the numbers
 * famous from advertising (078-05-1120, 219-09-9999).  Numbers inside a
 * longer digit run or a URL are not SSNs.  Blanks around a separator
 * (pg_detect_sep.h) change nothing: a dash is a dash however spaced.
 */


#include "pg_detect.h"
#include "pg_detect_sep.h"
#include "pg_text.h"


/* cues are looked for in the few words before the number */
#define PG_SSN_CUE_WORDS  5
#define PG_SSN_CUE_BYTES  48


static void pg_ssn_groups(const char *t, size_t len, size_t pos,
    pg_groups_t *g);
static int pg_ssn_valid(unsigned long area, unsigned long group,
    unsigned long serial);


static const char *const  pg_ssn_cues[] = {
    "ssn",
    "ssns",
    "ssn#",
    "ss#",
    "ss #",
    "s.s.n",
    "s. s. n",
    "s s n",
    "social security",
    "social sec",
    "soc sec",
    "soc. sec",
    NULL
};


pg_status_t
pg_detect_ssn(const pg_scan_t *s, pg_findings_t *out)
{
    int           cue, same;
    size_t        i, run;
    uint8_t       conf;
    pg_groups_t   g;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    t = s->text;
    pg_scan_digits(s, &c);

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + run)) {
        run = pg_digit_run(t, s->len, i, s->len);

        if (!pg_num_start(t, i) || pg_in_url(t, i)) {
            continue;
        }

        pg_ssn_groups(t, s->len, i, &g);

        if (g.n == 3 && g.len[0] == 3 && g.len[1] == 2 && g.len[2] == 4
            && pg_num_end(t, s->len, g.end)
            && pg_ssn_valid(pg_digits_value(t, g.off[0], 3),
                            pg_digits_value(t, g.off[1], 2),
                            pg_digits_value(t, g.off[2], 4)))
        {
            same = g.sep[1] == g.sep[2]
                   && (g.sep[1] == '-' || g.sep[1] == ' ');
            cue = pg_cue_before(t, i, PG_SSN_CUE_WORDS, PG_SSN_CUE_BYTES,
                                pg_ssn_cues);

            if (same || cue) {
                conf = cue ? 95 : 80;

                st = pg_findings_add(out, s->arena, PG_T_SSN, s->field, i,
                                     g.end - i, conf);
                if (st != PG_OK) {
                    return st;
                }

                run = g.end - i;
                continue;
            }
        }

        if (run == 9
            && pg_num_end(t, s->len, i + 9)
            && pg_ssn_valid(pg_digits_value(t, i, 3),
                            pg_digits_value(t, i + 3, 2),
                            pg_digits_value(t, i + 5, 4))
            && pg_cue_before(t, i, PG_SSN_CUE_WORDS, PG_SSN_CUE_BYTES,
                             pg_ssn_cues))
        {
            st = pg_findings_add(out, s->arena, PG_T_SSN, s->field, i, 9,
                                 90);
            if (st != PG_OK) {
                return st;
            }
        }
    }

    return PG_OK;
}


/*
 * Up to three groups of digits from pos, like pg_digit_groups(), each
 * separated from the next by a pg_group_sep(); g->sep holds its kind.
 */

static void
pg_ssn_groups(const char *t, size_t len, size_t pos, pg_groups_t *g)
{
    size_t  i, n;

    g->n = 0;
    i = pos;

    for ( ;; ) {
        g->off[g->n] = i;
        g->len[g->n] = pg_digit_run(t, len, i, 5);
        g->n++;
        i += g->len[g->n - 1];
        g->end = i;

        if (g->n == 3) {
            return;
        }

        n = pg_group_sep(t, len, i, &g->sep[g->n]);
        if (n == 0 || !pg_isdigit(t[i + n])) {
            return;
        }

        i += n;
    }
}


static int
pg_ssn_valid(unsigned long area, unsigned long group, unsigned long serial)
{
    if (area == 0 || area == 666 || area >= 900) {
        return 0;
    }

    if (group == 0 || serial == 0) {
        return 0;
    }

    /* printed on sample cards and in ads; used by thousands of people */
    if ((area == 78 && group == 5 && serial == 1120)
        || (area == 219 && group == 9 && serial == 9999))
    {
        return 0;
    }

    return 1;
}
