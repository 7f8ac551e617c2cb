/*
 * Copyright (C) phigate authors
 *
 * The field's words (pg_scan.h): pg_words_index() records every word a
 * byte-by-byte scan finds, with its length and key, and the candidates
 * of a cue list find, from every offset, what pg_cues_next() finds over
 * the whole text: on random texts of cue words, their pieces, digits,
 * blanks and punctuation, short (words filtered one by one) and long
 * (words grouped by key).
 */


#include <stdlib.h>

#include "unit.h"
#include "pg_detect.h"
#include "pg_text.h"


#define SC_TEXT_MAX  8192


static size_t sc_text(char *t, size_t max, unsigned *seed);
static void sc_check_words(const char *t, size_t len, const pg_words_t *w);
static unsigned sc_class(const char *t, size_t len, size_t i);
static void sc_check_cands(const pg_scan_t *s, pg_cue_set_t *set);
static void sc_each(unsigned seed, void (*check)(const pg_scan_t *s));
static void sc_words(const pg_scan_t *s);
static void sc_cands(const pg_scan_t *s);
static void test_words(void **state);
static void test_cands(void **state);
static void test_firsts(void **state);
static void test_bytes(void **state);


static const char *const  sc_cues_a[] = {
    "mrn", "mr #", "medical record number", "record no", "chart#",
    "p.o. box", "b.", "f:", "n", "a/c", "x9", "e", NULL
};

static const char *const  sc_cues_b[] = {
    "call back", "fax", "phone", "ph", "dob", "d.o.b", "date of birth",
    "born", NULL
};

/* the third byte: a word's end, a blank, a digit, nothing asked */
static const char *const  sc_cues_c[] = {
    "ph", "tel", "t:", "a b", "st", "hw1", "st.", "ab9", NULL
};

static pg_cue_set_t  sc_set_a = pg_cue_set(sc_cues_a);
static pg_cue_set_t  sc_set_c = pg_cue_set(sc_cues_c);
static pg_cue_set_t  sc_set_b = pg_cue_set(sc_cues_b);


static const char *const  sc_pieces[] = {
    "mrn", "MR", "#", "medical", "Record", "number", "no", "chart",
    "p.o.", "box", "b", ".", "f", ":", "n", "a/c", "x9", "X9", "e",
    "call", "back", "fax", "Phone", "ph", "dob", "D.O.B", "date", "of",
    "birth", "born", "12", "0", "/", "-", "\xc3\xa9", "\x80", "the",
    "patient", "'s", "NN", "mrn1", "\t", "\n", "  ", ", ", "www.x",
    "Http", "zoo", "abc", "Face", "ph", "PH.", "tel", "Tel1", "t:", "t",
    "a", "st", "St.", "hw1", "hw12", "ab9", "AB9x", "ab",
};


static size_t
sc_text(char *t, size_t max, unsigned *seed)
{
    size_t       n, k, len;
    const char  *p;

    len = 0;
    n = rand_r(seed) % 2 ? rand_r(seed) % 40 : rand_r(seed) % 2000;

    for (k = 0; k < n; k++) {
        p = sc_pieces[rand_r(seed) % (sizeof(sc_pieces) / sizeof(char *))];

        if (len + strlen(p) + 1 >= max) {
            break;
        }

        memcpy(t + len, p, strlen(p));
        len += strlen(p);

        if (rand_r(seed) % 3) {
            t[len++] = ' ';
        }
    }

    t[len] = '\0';

    return len;
}


/* every word start, its length and key, as a byte-by-byte scan sees it */

static void
sc_check_words(const char *t, size_t len, const pg_words_t *w)
{
    size_t  i, n, e, nd, nc;

    n = 0;
    nd = 0;
    nc = 0;

    for (i = 0; i < len; i++) {
        if (!pg_isalnum(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        assert_true(n < w->n);
        assert_int_equal(w->word[n], i);

        e = pg_alnum_end(t, len, i);
        assert_int_equal(w->wlen[n], e - i < 255 ? e - i : 255);
        assert_int_equal(w->key[n] >= PG_KEY_DIGIT, pg_isdigit(t[i]));
        assert_int_equal(w->key[n] / 28,
                         pg_isdigit(t[i]) ? 26 : (t[i] | 0x20) - 'a');
        assert_int_equal(w->key[n] % 28, sc_class(t, len, i + 1));
        assert_int_equal(w->key3[n], w->key[n] * 28 + sc_class(t, len, i + 2));

        if (pg_isdigit(t[i])) {
            assert_true(nd < w->ndigit);
            assert_int_equal(w->digit[nd++], i);
        }

        if (t[i] >= 'A' && t[i] <= 'Z') {
            assert_true(nc < w->ncap);
            assert_int_equal(w->cap[nc++], i);
        }

        n++;
    }

    assert_int_equal(n, w->n);
    assert_int_equal(nd, w->ndigit);
    assert_int_equal(nc, w->ncap);
}


/* a key's class of the byte at i: letter 0-25, digit 26, other 27 */

static unsigned
sc_class(const char *t, size_t len, size_t i)
{
    if (i >= len || !pg_isalnum(t[i])) {
        return 27;
    }

    return pg_isdigit(t[i]) ? 26 : (unsigned) ((t[i] | 0x20) - 'a');
}


static void
sc_check_cands(const pg_scan_t *s, pg_cue_set_t *set)
{
    size_t      pos, m, want, wm, got;
    pg_cands_t  c;

    assert_int_equal(pg_scan_cands(s, &c, set), PG_OK);

    for (pos = 0; pos <= s->len; pos++) {
        want = pg_cues_next(s->text, s->len, pos, set->cues, &wm);
        got = pg_cands_next(&c, pos, &m);
        assert_int_equal(got, want);
        assert_int_equal(m, wm);

        /* every word a cue matches at is a candidate */
        if (want < s->len) {
            assert_true(pg_cands_pos(&c, pos) <= want);
        }
    }

    /* back to the start: the cursor goes back too */
    want = pg_cues_next(s->text, s->len, 0, set->cues, &wm);
    assert_int_equal(pg_cands_next(&c, 0, &m), want);
}


/* check() on the scans of 300 random texts */

static void
sc_each(unsigned seed, void (*check)(const pg_scan_t *s))
{
    char        t[SC_TEXT_MAX];
    size_t      k, len;
    pg_scan_t   s;
    pg_arena_t  a;

    for (k = 0; k < 300; k++) {
        len = sc_text(t, sizeof(t), &seed);
        pg_arena_init(&a, 0);
        assert_int_equal(pg_scan_init(&s, &a, t, len, 0), PG_OK);
        check(&s);
        pg_arena_free(&a);
    }
}


static void
sc_words(const pg_scan_t *s)
{
    sc_check_words(s->text, s->len, s->words);
}


static void
sc_cands(const pg_scan_t *s)
{
    sc_check_cands(s, &sc_set_a);
    sc_check_cands(s, &sc_set_b);
    sc_check_cands(s, &sc_set_c);
}


static void
test_words(void **state)
{
    sc_each(7, sc_words);
}


static void
test_cands(void **state)
{
    sc_each(11, sc_cands);
}


/* the candidates of first bytes are the words that start with them */

static pg_cue_set_t  sc_first_sets[] = {
    pg_cue_set_of("0", NULL), pg_cue_set_of("hw", NULL),
    pg_cue_set_of("0abcdef", NULL), pg_cue_set_of("z", NULL),
    pg_cue_set_of("", NULL),
};


static void
test_firsts(void **state)
{
    char         t[SC_TEXT_MAX];
    size_t       k, j, n, len;
    unsigned     seed;
    pg_scan_t    s;
    pg_cands_t   c;
    pg_arena_t   a;
    const char  *firsts;

    seed = 13;

    for (k = 0; k < 200; k++) {
        len = sc_text(t, sizeof(t), &seed);
        firsts = sc_first_sets[k % 5].firsts;
        pg_arena_init(&a, 0);
        assert_int_equal(pg_scan_init(&s, &a, t, len, 0), PG_OK);
        assert_int_equal(pg_scan_cands(&s, &c, &sc_first_sets[k % 5]),
                         PG_OK);

        n = 0;

        for (j = 0; j < len; j++) {
            if (!pg_isalnum(t[j]) || !pg_word_start(t, j)
                || strchr(firsts, pg_isdigit(t[j]) ? '0' : t[j] | 0x20)
                   == NULL || firsts[0] == '\0')
            {
                continue;
            }

            assert_true(n < c.n);
            assert_int_equal(c.pos[n], j);
            n++;
        }

        assert_int_equal(n, c.n);
        pg_arena_free(&a);
    }
}


static void
test_bytes(void **state)
{
    size_t       k;
    pg_scan_t    s;
    pg_arena_t   a;

    static const struct {
        const char  *text;
        unsigned     bytes;
    } cases[] = {
        { "", 0 },
        { "no digits here at all", 0 },
        { "one 1", PG_HAS_DIGIT },
        { "mail x@y or a: b", PG_HAS_AT | PG_HAS_COLON },
        { "caf\xc3\xa9 at long last, far past eight bytes", PG_HAS_HIGH },
        { "\xc3", PG_HAS_HIGH },
    };

    for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        pg_arena_init(&a, 0);
        assert_int_equal(pg_scan_init(&s, &a, cases[k].text,
                                      strlen(cases[k].text), 0), PG_OK);
        assert_int_equal(s.words->bytes, cases[k].bytes);
        pg_arena_free(&a);
    }
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_cands),
        cmocka_unit_test(test_firsts),
        cmocka_unit_test(test_bytes),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
