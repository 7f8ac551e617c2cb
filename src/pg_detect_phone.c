/*
 * Copyright (C) phigate authors
 *
 * US/NANP telephone numbers.
 *
 *   (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567,
 *   555/123-4567, 555 - 123 - 4567, 555 -123- 4567, +1 555 123 4567,
 *   1-800-555-0199,
 *   +15551234567                                     fire alone
 *   5551234567, 15551234567 (bare digits)            only after a cue
 *
 * NANP rules: area code and exchange start with 2-9 and neither is an
 * N11 service code (211, 411, 911, ...).  Short codes such as 988 or 911
 * are never numbers here: ten digits are required.  A number inside a
 * longer digit or letter run, or inside a URL, is not a phone number.
 * Vanity numbers (1-800-FLOWERS) are not read: they are businesses'.
 * Toll-free numbers are reported with a lower confidence: they are
 * almost always an organisation's line, not a patient's.
 *
 * Digits spelled out ("seven two seven, four eight two, ...", "zero" or
 * "oh" for 0, digits and words mixed) are read like bare digits: ten of
 * them (eleven with a leading one) with a phone cue before.
 *
 * A number in a sentence that names the hospital's own line ("call us
 * at", "nurse advice line", "to schedule your mammogram") and no patient,
 * relative or care event is not reported: pg_detect_org.h.
 *
 * International numbers, "+52 33 1847 2290", "+44 20 7946 0958": '+', a
 * country code other than 1, groups of digits split by one space,
 * hyphen or dot, 8-15 digits in all (E.164).  Their layouts differ by
 * country, so the shape says little: they fire only with a phone cue
 * before them or a person (patient, relative) in their sentence.
 */


#include "pg_detect.h"
#include "pg_detect_org.h"
#include "pg_detect_sep.h"
#include "pg_text.h"


#define PG_PHONE_CUE_WORDS  4
#define PG_PHONE_CUE_BYTES  40
/* spelled digits are rare enough that a cue further back counts */
#define PG_PHONE_SPELLED_WORDS  12
#define PG_PHONE_SPELLED_BYTES  96

#define pg_phone_sep(c)  ((c) == ' ' || (c) == '-' || (c) == '.')

/* E.164: at most 15 digits with the country code; 8 is the fewest a
 * country's full number has with its code */
#define PG_PHONE_INTL_MIN     8
#define PG_PHONE_INTL_MAX     15
#define PG_PHONE_INTL_GROUPS  6


typedef struct {
    size_t         area;      /* offsets of the three parts */
    size_t         exch;
    size_t         line;
    size_t         end;
    unsigned       bare:1;    /* ten digits with no separator */
    unsigned       plus:1;    /* "+1" prefix */
} pg_phone_t;


static pg_status_t pg_phone_scan(const pg_scan_t *s, pg_findings_t *out);
static int pg_phone_parse(const char *t, size_t len, size_t pos,
    pg_phone_t *p);
static size_t pg_phone_gap(const char *t, size_t len, size_t pos);
static int pg_phone_valid(const char *t, const pg_phone_t *p);
static int pg_phone_toll_free(const char *t, size_t area);
static size_t pg_phone_spelled(const char *t, size_t len, size_t pos,
    char *d, size_t *nd);
static int pg_phone_digit_word(const char *t, size_t len, size_t pos,
    size_t *n);
static int pg_phone_local_tail(const char *t, size_t len, size_t end);
static size_t pg_phone_intl(const char *t, size_t len, size_t pos);
static size_t pg_phone_br_mobile(const char *t, size_t len, size_t pos);
static int pg_phone_intl_owned(const char *t, size_t len, size_t pos,
    size_t end);


static const char *const  pg_phone_cues[] = {
    "phone",
    "ph",
    "tel",
    "telephone",
    "call",
    "calling",
    "called",
    "cell",
    "cellphone",
    "mobile",
    "fax",
    "reach",
    "reached",
    "text",
    "txt",
    "contact",
    "pager",
    "dial",
    "callback",
    "call back",
    "ring",
    NULL
};


/* index / 1 is the digit, "oh" and "zero" both 0 */
static const char *const  pg_phone_words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "oh", NULL
};


static pg_cue_set_t  pg_phone_word_set = pg_cue_set(pg_phone_words);

static pg_cue_set_t *const  pg_phone_starts[] = { &pg_phone_word_set, NULL };

static pg_cue_set_t  pg_phone_start_set =
    pg_cue_set_of("0", pg_phone_starts);


/* the findings, kept for FAX (pg_detect_fax.c) to read */

pg_status_t
pg_detect_phone(const pg_scan_t *s, pg_findings_t *out)
{
    size_t         k, base;
    pg_status_t    st;
    pg_finding_t  *f;

    base = out->n;

    st = pg_phone_scan(s, out);
    if (st != PG_OK || s->memo == NULL || s->memo->phone_done) {
        return st;
    }

    for (k = base; k < out->n; k++) {
        f = &out->items[k];

        st = pg_findings_add(&s->memo->phone, s->arena, f->type, f->field,
                             f->off, f->len, f->confidence);
        if (st != PG_OK) {
            return st;
        }
    }

    s->memo->phone_done = 1;

    return PG_OK;
}


static pg_status_t
pg_phone_scan(const pg_scan_t *s, pg_findings_t *out)
{
    char          d[12];
    size_t        i, skip, nd, from, to;
    uint8_t       conf;
    pg_phone_t    p;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    /* a number starts with a digit, '(' or '+', or a digit word */

    st = pg_scan_cands(s, &c, &pg_phone_start_set);
    if (st == PG_OK) {
        st = pg_cands_add_bytes(&c, s->arena, "(+");
    }

    if (st != PG_OK) {
        return st;
    }

    t = s->text;

    for (i = pg_cands_pos(&c, 0); i < s->len;
         i = pg_cands_pos(&c, i + skip))
    {
        skip = pg_digit_run(t, s->len, i, s->len);
        if (skip == 0) {
            skip = 1;
        }

        if (pg_isalpha(t[i]) && pg_word_start(t, i)) {
            /* "seven two seven, four eight two, ...": spelled digits */
            p.end = pg_phone_spelled(t, s->len, i, d, &nd);

            if (p.end == 0) {
                continue;
            }

            skip = p.end - i;

            /* a cue in the words before; "(four one two) 683-2290": an
             * exchange and line written as a phone's need none */
            if (!(pg_cue_before(t, i, PG_PHONE_SPELLED_WORDS,
                                PG_PHONE_SPELLED_BYTES, pg_phone_cues)
                  || pg_phone_local_tail(t, s->len, p.end))
                || pg_org_line(t, s->len, i, p.end))
            {
                continue;
            }

            p.area = nd == 11 ? 1 : 0;
            p.exch = p.area + 3;

            if (!pg_phone_valid(d, &p)) {
                continue;
            }

            st = pg_findings_add(out, s->arena, PG_T_PHONE, s->field, i,
                                 p.end - i, 90);
            if (st != PG_OK) {
                return st;
            }

            continue;
        }

        if (t[i] != '(' && t[i] != '+' && !pg_isdigit(t[i])) {
            continue;
        }

        p.end = t[i] == '+' ? pg_phone_intl(t, s->len, i)
                : t[i] == '(' ? pg_phone_br_mobile(t, s->len, i) : 0;

        if (p.end != 0 && t[i] == '(') {
            /* a Brazilian mobile is a person's, not a line's */
            if (pg_org_line(t, s->len, i, p.end)) {
                skip = p.end - i;
                continue;
            }

            st = pg_findings_add(out, s->arena, PG_T_PHONE, s->field, i,
                                 p.end - i, 85);
            if (st != PG_OK) {
                return st;
            }

            skip = p.end - i;
            continue;
        }

        if (p.end != 0) {
            /* "+52 33 1847 2290": a country code other than NANP's */
            if (!pg_phone_intl_owned(t, s->len, i, p.end)) {
                skip = p.end - i;
                continue;
            }

            st = pg_findings_add(out, s->arena, PG_T_PHONE, s->field, i,
                                 p.end - i, 85);
            if (st != PG_OK) {
                return st;
            }

            skip = p.end - i;
            continue;
        }

        if (!pg_num_start(t, i)
            || !pg_phone_parse(t, s->len, i, &p)
            || !pg_phone_valid(t, &p)
            || pg_in_url(t, i))
        {
            continue;
        }

        if (p.bare && !p.plus
            && !pg_cue_before(t, i, PG_PHONE_CUE_WORDS, PG_PHONE_CUE_BYTES,
                              pg_phone_cues))
        {
            continue;
        }

        /* "call us at", "nurse advice line:", "to schedule your flu
         * shot": the hospital's own line, with no patient in sight; a
         * toll-free number is a business's unless a person is named */
        if (pg_phone_toll_free(t, p.area)) {
            pg_org_sentence(t, s->len, i, p.end, &from, &to);

            if (!pg_org_person(t, from, to)) {
                skip = p.end - i;
                continue;
            }

            conf = 60;

        } else if (pg_org_line(t, s->len, i, p.end)) {
            skip = p.end - i;
            continue;

        } else {
            conf = 90;
        }

        st = pg_findings_add(out, s->arena, PG_T_PHONE, s->field, i,
                             p.end - i, conf);
        if (st != PG_OK) {
            return st;
        }

        skip = p.end - i;
    }

    return PG_OK;
}


/*
 * [+1|1 sep] ( "(" AAA ")" [sep] | AAA (sep|/) ) EEE sep LLLL, or
 * [+1|1] AAAEEELLLL; sep is one of space, '-', '.'.  Fixed widths: no
 * backtracking, at most 18 bytes are looked at.
 */

static int
pg_phone_parse(const char *t, size_t len, size_t pos, pg_phone_t *p)
{
    int     slash;
    size_t  i, n;

    i = pos;
    p->plus = 0;
    p->bare = 0;
    slash = 0;

    if (t[i] == '+') {
        if (i + 1 >= len || t[i + 1] != '1') {
            return 0;
        }

        p->plus = 1;
        i += 2;

        if (i < len && pg_phone_sep(t[i])) {
            i++;
        }

    } else if (t[i] == '1' && i + 2 < len && pg_phone_sep(t[i + 1])
               && (pg_isdigit(t[i + 2]) || t[i + 2] == '('))
    {
        i += 2;

    } else if (t[i] == '1' && pg_digit_run(t, len, i, 12) == 11) {
        /* 1AAAEEELLLL: a bare number with its country code */
        i++;
    }

    if (i >= len) {
        return 0;
    }

    if (t[i] == '(') {
        if (pg_digit_run(t, len, i + 1, 4) != 3
            || i + 4 >= len || t[i + 4] != ')')
        {
            return 0;
        }

        p->area = i + 1;
        i += 5;
        i += pg_phone_gap(t, len, i);

    } else {
        n = pg_digit_run(t, len, i, 11);

        if (n == 10) {
            p->bare = 1;
            p->area = i;
            p->exch = i + 3;
            p->line = i + 6;
            p->end = i + 10;

            return pg_num_end(t, len, p->end);
        }

        /* "727/482-3324": a slash after the area code is an old style */
        if (n != 3 || i + 3 >= len) {
            return 0;
        }

        slash = t[i + 3] == '/';
        n = slash ? 1 : pg_phone_gap(t, len, i + 3);
        if (n == 0) {
            return 0;
        }

        p->area = i;
        i += 3 + n;
    }

    if (pg_digit_run(t, len, i, 4) != 3 || i + 3 >= len) {
        return 0;
    }

    /* "402/310/8856": slashes all through */
    n = slash && t[i + 3] == '/' ? 1 : pg_phone_gap(t, len, i + 3);
    if (n == 0) {
        return 0;
    }

    p->exch = i;
    i += 3 + n;

    if (pg_digit_run(t, len, i, 5) != 4) {
        return 0;
    }

    p->line = i;
    p->end = i + 4;

    return pg_num_end(t, len, p->end);
}


/*
 * a separator between groups: ' ', '-', '.', or one of them spaced
 * ("727 - 215 - 4321", "727 -215- 4321"): pg_detect_sep.h
 */

static size_t
pg_phone_gap(const char *t, size_t len, size_t pos)
{
    char  kind;

    return pg_group_sep(t, len, pos, &kind);
}


static int
pg_phone_valid(const char *t, const pg_phone_t *p)
{
    /* area code and exchange: NXX, and not an N11 service code */

    if (t[p->area] < '2'
        || (t[p->area + 1] == '1' && t[p->area + 2] == '1'))
    {
        return 0;
    }

    if (t[p->exch] < '2'
        || (t[p->exch + 1] == '1' && t[p->exch + 2] == '1'))
    {
        return 0;
    }

    return 1;
}


static int
pg_phone_toll_free(const char *t, size_t area)
{
    /* 800, 833, 844, 855, 866, 877, 888 */

    if (t[area] != '8') {
        return 0;
    }

    if (t[area + 1] == '0' && t[area + 2] == '0') {
        return 1;
    }

    return t[area + 1] == t[area + 2] && t[area + 1] >= '3'
           && t[area + 1] <= '8';
}


/*
 * Spelled-out digits from pos: digit words and short digit groups,
 * separated by blanks, commas or hyphens, that make ten digits (eleven
 * with a leading 1), at least four of them words.  The digits go to d,
 * their count to *nd; returns the end of the last one, 0: no number.
 */

static size_t
pg_phone_spelled(const char *t, size_t len, size_t pos, char *d, size_t *nd)
{
    size_t  i, j, n, end, words, k;

    if (!pg_phone_digit_word(t, len, pos, &n)) {
        return 0;
    }

    i = pos;
    end = pos;
    words = 0;
    *nd = 0;

    for ( ;; ) {
        if (pg_isdigit(t[i])) {
            n = pg_digit_run(t, len, i, 8);

            /* short groups, or the last seven digits in one run
             * ("nine-one-nine 5520438") */
            if ((n > 4 && !(n == 7 && (*nd + n == 10 || *nd + n == 11)))
                || *nd + n > 11 || !pg_word_end(t, len, i + n))
            {
                return 0;
            }

            for (k = 0; k < n; k++) {
                d[(*nd)++] = t[i + k];
            }

        } else {
            k = pg_phone_digit_word(t, len, i, &n);

            if (k == 0 || *nd == 11) {
                break;
            }

            d[(*nd)++] = (char) ('0' + (k - 1) % 10);
            words++;
        }

        end = i + n;

        /* at most three separators: ", ", " - ", ") " */
        for (j = end; j < len && j - end < 3
                      && (t[j] == ' ' || t[j] == ',' || t[j] == '-'
                          || t[j] == '(' || t[j] == ')');
             j++)
        {
            /* void */
        }

        if (j == end || j >= len
            || !(pg_isdigit(t[j]) || pg_phone_digit_word(t, len, j, &n)))
        {
            break;
        }

        i = j;
    }

    if (words < 3 || !(*nd == 10 || (*nd == 11 && d[0] == '1'))) {
        return 0;
    }

    return end;
}


/* the spelled number ending at end ends "683-2290" or "683.2290": an
 * exchange and a line written as a phone number's */

static int
pg_phone_local_tail(const char *t, size_t len, size_t end)
{
    return end >= 8 && pg_isdigit(t[end - 1])
           && pg_digit_run(t, len, end - 4, 5) == 4
           && (t[end - 5] == '-' || t[end - 5] == '.')
           && pg_digit_run(t, len, end - 8, 4) == 3
           && pg_num_start(t, end - 8);
}


/* a digit word at pos: 1 + its digit ("oh" is 11: 0), 0 when none */

static int
pg_phone_digit_word(const char *t, size_t len, size_t pos, size_t *n)
{
    size_t  k;

    if (pos >= len || !pg_isalpha(t[pos])) {
        return 0;
    }

    *n = pg_cues_at(t, len, pos, pg_phone_words, &k);

    return *n ? (int) k + 1 : 0;
}


/*
 * The end of an international number at pos ('+'), 0: none.  '+', a
 * digit 2-9, then digits in at most PG_PHONE_INTL_GROUPS groups split by
 * one ' ', '-' or '.', PG_PHONE_INTL_MIN-PG_PHONE_INTL_MAX digits in all;
 * the country code is the first group when it is 1-3 digits, or inside
 * an unbroken run ("+523318472290").
 */

static size_t
pg_phone_intl(const char *t, size_t len, size_t pos)
{
    size_t  i, g, n, digits, groups;

    if (pos + 2 >= len || t[pos] != '+' || !pg_isdigit(t[pos + 1])
        || t[pos + 1] < '2' || (pos > 0 && pg_isalnum(t[pos - 1])))
    {
        return 0;
    }

    i = pos + 1;
    digits = 0;

    for (groups = 0; groups < PG_PHONE_INTL_GROUPS; groups++) {
        n = pg_digit_run(t, len, i, len);

        if (n == 0) {
            return 0;
        }

        if (groups == 0 && n > 3 && n < PG_PHONE_INTL_MIN) {
            /* "+2024 trend", "+5000 steps" */
            return 0;
        }

        digits += n;
        i += n;

        if (digits > PG_PHONE_INTL_MAX) {
            return 0;
        }

        g = i + 1 < len && pg_phone_sep(t[i]) && pg_isdigit(t[i + 1]);

        if (!g) {
            break;
        }

        i++;
    }

    if (digits < PG_PHONE_INTL_MIN || !pg_num_end(t, len, i)
        || pg_in_url(t, pos))
    {
        return 0;
    }

    return i;
}


/*
 * The end of a Brazilian mobile number written without "+55" at pos
 * ('('), 0: none.  "(11) 98472-3316": an area code of two digits 1-9,
 * then 9 and four digits, '-' or ' ', four digits.  Brazil's mobiles
 * alone have that 9 and 5+4 digits (its landlines and NANP numbers are
 * 4+4 and 3+4), and a mobile is a person's own.
 */

static size_t
pg_phone_br_mobile(const char *t, size_t len, size_t pos)
{
    size_t  i;

    i = pos + 1;

    if (i + 3 > len || t[i] < '1' || t[i] > '9' || t[i + 1] < '1'
        || t[i + 1] > '9' || t[i + 2] != ')')
    {
        return 0;
    }

    i += 3;

    if (i < len && t[i] == ' ') {
        i++;
    }

    if (i + 10 > len || t[i] != '9' || pg_digit_run(t, len, i, len) != 5
        || (t[i + 5] != '-' && t[i + 5] != ' ')
        || pg_digit_run(t, len, i + 6, len) != 4
        || !pg_num_end(t, len, i + 10))
    {
        return 0;
    }

    return i + 10;
}


/* a phone cue before the number or a person in its sentence, and not
 * the organisation's own line */

static int
pg_phone_intl_owned(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  from, to;

    if (pg_org_line(t, len, pos, end)) {
        return 0;
    }

    if (pg_cue_before(t, pos, PG_PHONE_CUE_WORDS, PG_PHONE_CUE_BYTES,
                      pg_phone_cues))
    {
        return 1;
    }

    pg_org_sentence(t, len, pos, end, &from, &to);

    return pg_org_person(t, from, to);
}
