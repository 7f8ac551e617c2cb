/*
 * Copyright (C) phigate authors
 *
 * Cue lists (src/pg_cues.c): the indexed lookups find exactly what
 * trying every cue of the list in order finds (the index of the first
 * longest cue, the next cue of a scan included), for lists with odd cues
 * (a leading space, an upper-case or non-ASCII first byte, an empty cue,
 * duplicates), for lists whose cues share their first words (the
 * index compares first and second words 8 bytes at a time), and for
 * more lists than the index holds.
 */


#include <stdlib.h>

#include "unit.h"
#include "pg_text.h"


/* more lists than the index has slots: the last ones are not indexed */
#define TC_MANY     600
#define TC_TEXTS    3000
#define TC_TEXT_MAX 96
#define TC_NWORDS   (sizeof(tc_words) / sizeof(tc_words[0]) - 1)


static size_t tc_ref_at(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *which);
static int tc_ref_before(const char *t, size_t pos, size_t words,
    size_t bytes, const char *const *cues);
static size_t tc_ref_last(const char *t, size_t pos, size_t words,
    size_t bytes, const char *const *cues);
static int tc_ref_after(const char *t, size_t len, size_t pos,
    size_t words, size_t bytes, const char *const *cues);
static size_t tc_ref_gap(const char *t, size_t len, size_t pos, size_t max,
    const char *const *fillers);
static size_t tc_ref_next(const char *t, size_t len, size_t pos,
    const char *const *cues, size_t *m, int digits);
static size_t tc_ref_first(const char *t, size_t len, const uint32_t *at,
    size_t n, size_t *k, const char *const *cues, size_t *m);
static size_t tc_text(char *t, unsigned *seed);
static void tc_check_list(const char *const *cues, unsigned seed);
static void test_cues_odd_lists(void **state);
static void test_cues_many_lists(void **state);
static void test_cues_which(void **state);


static const char *const  tc_words[] = {
    "mrn", "mr #", "ssn", "ss#", "social security", "dob", "d.o.b.",
    "patient id", "chart no", "acct", "a/c", "#", "no", "is", "v",
    "npi#", "dr", "st", "plan id", "plan", "tag #", "o'neil", "1st",
    "caf\xc3\xa9", "  ", "-", "&", "id", "record", "records",
    "patient", "patient account", "new york", "new", "york tag", "12",
    "medicaid #", "identifiers",
    NULL
};


static const char *const  tc_list_plain[] = {
    "mrn", "mr #", "medical record number", "medical record", "chart no",
    "patient id", "record #", "record", NULL
};

static const char *const  tc_list_odd[] = {
    " no", "", "Upper", "caf\xc3\xa9", "#", "-", "no", "no", "is",
    "1st", "a/c", "s.s.n", NULL
};

static const char *const  tc_list_empty[] = {
    NULL
};

/* cues that share a first word, longer than 8 bytes, upper case inside */
static const char *const  tc_list_shared[] = {
    "patient id", "patient account", "patient", "patient identifier",
    "patient identifiers", "patient  id", "new york tag", "new jersey tag",
    "new", "new york", "medicaid #", "medicaid", "patienT id", "12 id",
    "12", "identifiers id", "identifiers", "york tag", NULL
};

static const char *const  tc_list_ties[] = {
    "ab c", "ab  c", "ab c", "abc", "ab", "a", NULL
};


static const char  *tc_many[TC_MANY][3];


static void
test_cues_odd_lists(void **state)
{
    tc_check_list(tc_list_plain, 1);
    tc_check_list(tc_list_odd, 2);
    tc_check_list(tc_list_empty, 3);
    tc_check_list(tc_list_ties, 4);
    tc_check_list(tc_words, 5);
    tc_check_list(tc_list_shared, 6);
}


static void
test_cues_many_lists(void **state)
{
    size_t  k;

    for (k = 0; k < TC_MANY; k++) {
        tc_many[k][0] = tc_words[k % TC_NWORDS];
        tc_many[k][1] = tc_words[(k * 7 + 3) % TC_NWORDS];
        tc_many[k][2] = NULL;
    }

    for (k = 0; k < TC_MANY; k++) {
        tc_check_list((const char *const *) tc_many[k], (unsigned) k);
    }
}


static void
test_cues_which(void **state)
{
    size_t       which;
    const char  *t;

    /* the first of the longest: "ab c" and its duplicate match 4 bytes */
    t = "ab c";
    which = 99;
    assert_int_equal(pg_cues_at(t, 4, 0, tc_list_ties, &which), 4);
    assert_int_equal(which, 0);

    /* a space takes every blank: "ab c" reads "AB  C", "ab  c" not */
    t = "AB  C.";
    assert_int_equal(pg_cues_at(t, 6, 0, tc_list_ties, &which), 5);
    assert_int_equal(which, 0);

    /* a cue with a leading space starts at a blank */
    t = "x  no";
    assert_int_equal(pg_cues_at(t, 5, 1, tc_list_odd, &which), 4);
    assert_int_equal(which, 0);

    /* nothing at a byte no cue starts with, nor past the end */
    assert_int_equal(pg_cues_at(t, 5, 0, tc_list_odd, NULL), 0);
    assert_int_equal(pg_cues_at(t, 5, 5, tc_list_odd, NULL), 0);
    assert_int_equal(pg_cues_at(t, 5, 0, tc_list_empty, NULL), 0);
}


/* every cue tried in order: what pg_cues_at() did before the index */

static size_t
tc_ref_at(const char *t, size_t len, size_t pos, const char *const *cues,
    size_t *which)
{
    size_t  k, m, best;

    best = 0;

    for (k = 0; cues[k] != NULL; k++) {
        m = pg_cue_at(t, len, pos, cues[k]);

        if (m > best) {
            best = m;
            *which = k;
        }
    }

    return best;
}


static int
tc_ref_before(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues)
{
    size_t  s, w;

    for (s = pg_back_words(t, pos, words, bytes); s < pos; s++) {
        if (pg_word_start(t, s) && pg_isalpha(t[s])
            && tc_ref_at(t, pos, s, cues, &w) != 0)
        {
            return 1;
        }
    }

    return 0;
}


static size_t
tc_ref_last(const char *t, size_t pos, size_t words, size_t bytes,
    const char *const *cues)
{
    size_t  s, m, w, last;

    last = 0;

    for (s = pg_back_words(t, pos, words, bytes); s < pos; s++) {
        if (!pg_word_start(t, s) || !pg_isalpha(t[s])) {
            continue;
        }

        m = tc_ref_at(t, pos, s, cues, &w);

        if (m > 0 && s + m > last) {
            last = s + m;
        }
    }

    return last;
}


static int
tc_ref_after(const char *t, size_t len, size_t pos, size_t words,
    size_t bytes, const char *const *cues)
{
    size_t  i, hi, w, k;

    hi = len - pos > bytes ? pos + bytes : len;
    w = 0;

    for (i = pos; i < hi && w < words; i++) {
        if (!pg_isalnum(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        w++;

        if (pg_isalpha(t[i]) && tc_ref_at(t, len, i, cues, &k) != 0) {
            return 1;
        }
    }

    return 0;
}


static size_t
tc_ref_gap(const char *t, size_t len, size_t pos, size_t max,
    const char *const *fillers)
{
    size_t  i, m, k;

    i = pos;

    while (i < len && i - pos < max) {
        if (pg_isspace(t[i]) || t[i] == ':' || t[i] == '#' || t[i] == '.'
            || t[i] == '=' || t[i] == '-' || t[i] == '(')
        {
            i++;
            continue;
        }

        m = tc_ref_at(t, len, i, fillers, &k);
        if (m == 0) {
            break;
        }

        i += m;
    }

    return i - pos;
}


static size_t
tc_ref_next(const char *t, size_t len, size_t pos, const char *const *cues,
    size_t *m, int digits)
{
    size_t  i, w;

    for (i = pos; i < len; i++) {
        if ((digits ? pg_isalnum(t[i]) : pg_isalpha(t[i]))
            && pg_word_start(t, i))
        {
            *m = tc_ref_at(t, len, i, cues, &w);

            if (*m != 0) {
                return i;
            }
        }
    }

    *m = 0;

    return len;
}


static size_t
tc_ref_first(const char *t, size_t len, const uint32_t *at, size_t n,
    size_t *k, const char *const *cues, size_t *m)
{
    size_t  w;

    for ( /* void */ ; *k < n && at[*k] < len; (*k)++) {
        *m = tc_ref_at(t, len, at[*k], cues, &w);

        if (*m != 0) {
            return at[*k];
        }
    }

    *m = 0;

    return len;
}


/* a text of cue words, their upper-case forms, blanks and punctuation */

static size_t
tc_text(char *t, unsigned *seed)
{
    size_t       n, k, i;
    const char  *w;

    static const char  glue[] = " \t\n.:#-/'(\xc3";

    n = 0;

    while (n < TC_TEXT_MAX - 24) {
        w = tc_words[rand_r(seed) % TC_NWORDS];

        for (i = 0; w[i] != '\0'; i++) {
            t[n++] = (rand_r(seed) % 3 == 0 && w[i] >= 'a' && w[i] <= 'z')
                     ? (char) (w[i] - 32) : w[i];
        }

        for (k = rand_r(seed) % 3; k > 0; k--) {
            t[n++] = glue[rand_r(seed) % (sizeof(glue) - 1)];
        }
    }

    return n;
}


static void
tc_check_list(const char *const *cues, unsigned seed)
{
    char      t[TC_TEXT_MAX];
    size_t    k, j, len, pos, w1, w2, m1, m2, n, k1, k2;
    uint32_t  at[TC_TEXT_MAX];

    for (k = 0; k < TC_TEXTS / 10; k++) {
        len = tc_text(t, &seed);

        /* the word starts and a few other offsets, as candidates */
        for (n = 0, pos = 0; pos < len; pos++) {
            if (pg_word_start(t, pos) || pos % 7 == 0) {
                at[n++] = (uint32_t) pos;
            }
        }

        for (j = 0; j <= n; j++) {
            k1 = j;
            k2 = j;
            assert_int_equal(pg_cues_first(t, len, at, n, &k1, cues, &m1),
                             tc_ref_first(t, len, at, n, &k2, cues, &m2));
            assert_int_equal(m1, m2);
            assert_int_equal(k1, k2);
        }

        for (pos = 0; pos <= len; pos++) {
            w1 = w2 = 77;
            m1 = pg_cues_at(t, len, pos, cues, &w1);
            m2 = tc_ref_at(t, len, pos, cues, &w2);

            assert_int_equal(m1, m2);
            assert_int_equal(w1, w2);

            assert_int_equal(pg_cue_before(t, pos, 3, 40, cues) != 0,
                             tc_ref_before(t, pos, 3, 40, cues));
            assert_int_equal(pg_cue_last(t, pos, 4, 48, cues),
                             tc_ref_last(t, pos, 4, 48, cues));
            assert_int_equal(pg_cue_after(t, len, pos, 3, 40, cues) != 0,
                             tc_ref_after(t, len, pos, 3, 40, cues));
            assert_int_equal(pg_skip_gap(t, len, pos, 20, cues),
                             tc_ref_gap(t, len, pos, 20, cues));
            assert_int_equal(pg_cues_next(t, len, pos, cues, &m1),
                             tc_ref_next(t, len, pos, cues, &m2, 0));
            assert_int_equal(m1, m2);
            assert_int_equal(pg_cues_next_word(t, len, pos, cues, &m1),
                             tc_ref_next(t, len, pos, cues, &m2, 1));
            assert_int_equal(m1, m2);
        }
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_cues_odd_lists),
        cmocka_unit_test(test_cues_many_lists),
        cmocka_unit_test(test_cues_which),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
