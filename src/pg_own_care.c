/*
 * Copyright (C) phigate authors
 *
 * Care of the person's own after a name or an age.  NAME and AGE excuse
 * staff, donors, volunteers and retirees ("Nurse <name>", "our donor
 * <name>", "our volunteer <name>, 94"): a role's post names the care the
 * role gives.  When the words after the person say the person is cared
 * for, the role does not make the post the hospital's news, it makes it
 * a patient's:
 *
 *   predicate: the person's verb, after at most four words of "who",
 *   "is", "was", "has", "been", "back", "now", "still", "fell", "and"
 *   or a number, is a care event ("was admitted", "who was diagnosed",
 *   "is recovering", "was hospitalized", "underwent"), "admitted to" a
 *   care place (not "admitted to the honor society"), or "is in" / "is
 *   back in" a care place ("the ICU", "our cardiac unit"); "cares for
 *   patients in our cardiac unit" is no predicate of this kind;
 *
 *   owner: "his", "her" or "their" and a health word of the lexicon a
 *   word or two on ("to his dialysis", "home after his kidney
 *   transplant"), or "with" or "after" and one right after it, "a" or
 *   "an" between ("with pneumonia", "after a stroke"; not "with our ER
 *   staff"); a relative ("her mother's cancer"), the people a role
 *   cares for ("treats patients after a stroke") or a topic ("a book
 *   about living well with arthritis") before it end the search;
 *
 *   possessive: "his", "her" or "their" after "after", "from", "to",
 *   "with" or "had" and a health or body word up to three words on
 *   ("after his second heart attack"), or after "broke" or "fractured"
 *   and any word ("broke her hip");
 *
 *   "came back with" and a health or body word ("came back with heart
 *   failure").
 *
 * A body word ("hip", "heart", "knee") counts only in these shapes,
 * never bare: "heart health month", "hip-hop", "specializes in heart
 * failure" say no one's care.  A staff member's own injury is his or her
 * health information: "ran the marathon after recovering from a knee
 * injury" is care after the name too (docs/detection.md).
 *
 * The window is the person's sentence, and the next one when it opens
 * with "he", "she" or "they" ("Welcome back, Dr. <name>! He is home
 * after his kidney transplant"), at most PG_OWN_CARE_BYTES bytes and
 * PG_OWN_CARE_WORDS words; a possessive and a relative ("Arjun Novak's
 * daughter", "Pt's wife") end it.
 */


#include "pg_own_care.h"
#include "pg_lexicon.h"
#include "pg_text.h"


#define PG_OWN_CARE_BYTES  160
#define PG_OWN_CARE_WORDS  28
#define PG_OWN_CARE_SKIP   4


typedef struct {
    size_t  off[PG_OWN_CARE_WORDS];
    size_t  len[PG_OWN_CARE_WORDS];
    size_t  n;
} pg_own_words_t;


static void pg_own_words(const char *t, size_t len, size_t end,
    pg_own_words_t *w);
static int pg_own_is(const char *t, pg_own_words_t *w, size_t k,
    const char *const *list);
static int pg_own_health_word(const char *t, pg_own_words_t *w,
    size_t k, size_t words);
static int pg_own_health(const char *t, pg_own_words_t *w, size_t k,
    size_t words);
static int pg_own_predicate(const char *t, pg_own_words_t *w);
static int pg_own_possessive(const char *t, pg_own_words_t *w);


/* words between the person and the verb: "who was", "is back", "fell
 * and" */
static const char *const  pg_own_skip[] = {
    "who", "is", "was", "has", "had", "have", "been", "back", "now",
    "still", "fell", "and", "currently", "recently", "he", "she", "they",
    "are", "were", NULL
};

/* care events that make the subject a patient */
static const char *const  pg_own_events[] = {
    "diagnosed", "hospitalized", "hospitalised", "recovering",
    "underwent", "readmitted", NULL
};

/* where a person is admitted or lies as a patient */
static const char *const  pg_own_places[] = {
    "icu", "nicu", "ccu", "hospital", "unit", "ward", "er", "rehab",
    "hospice", "here", "emergency", NULL
};

static const char *const  pg_own_to[] = { "to", "into", NULL };

/* "his", "her", "their", "with" or "after" and a health word a word or
 * two on: "to his dialysis", "with pneumonia", "after a stroke" */
static const char *const  pg_own_owners[] = {
    "his", "her", "their", "with", "after", NULL
};

static const char *const  pg_own_pronouns[] = {
    "his", "her", "their", NULL
};

/* what comes before a possessive of the person's own care */
static const char *const  pg_own_before[] = {
    "after", "from", "to", "with", "had", "broke", "fractured", NULL
};

/* the people a role cares for; "about": a book's, a talk's topic */
static const char *const  pg_own_others[] = {
    "patient", "patients", "people", "children", "kids", "families",
    "others", "survivors", "veterans", "about", NULL
};

static const char *const  pg_own_articles[] = { "a", "an", NULL };

/* a relative after the pronoun: the care is the relative's */
static const char *const  pg_own_kin[] = {
    "mother", "father", "mom", "dad", "son", "daughter", "wife",
    "husband", "sister", "brother", "grandson", "granddaughter", "child",
    "baby", "friend", "partner", NULL
};

static const char *const  pg_own_broke[] = { "broke", "fractured", NULL };

/* body words: care only in a possessive or "came back with" shape */
static const char *const  pg_own_body[] = {
    "hip", "hips", "heart", "knee", "knees", "leg", "legs", "arm", "arms",
    "wrist", "ankle", "shoulder", "kidney", "kidneys", "liver", "lung",
    "lungs", "spine", "pelvis", "failure", NULL
};



int
pg_own_care_after(const char *t, size_t len, size_t end)
{
    size_t          k;
    pg_own_words_t  w;

    pg_own_words(t, len, end, &w);

    if (pg_own_predicate(t, &w) || pg_own_possessive(t, &w)) {
        return 1;
    }

    for (k = 0; k + 2 < w.n; k++) {
        if (pg_cue_at(t, len, w.off[k], "came back with")
            && pg_own_health(t, &w, k + 3, 3))
        {
            return 1;
        }
    }

    return 0;
}


/* the words after end in its window: runs of letters and digits */

static void
pg_own_words(const char *t, size_t len, size_t end, pg_own_words_t *w)
{
    int     sentences;
    size_t  i, hi, n;

    hi = len - end > PG_OWN_CARE_BYTES ? end + PG_OWN_CARE_BYTES : len;
    w->n = 0;
    sentences = 0;

    for (i = end; i < hi && w->n < PG_OWN_CARE_WORDS; i += n) {
        if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n') {
            /* "Dr." and "St." inside the name end before end */
            if (sentences++ > 0) {
                return;
            }

            for (n = 1; i + n < hi && !pg_isalnum(t[i + n]); n++) {
                /* void */
            }

            if (i + n == hi
                || !(pg_cue_at(t, hi, i + n, "he")
                     || pg_cue_at(t, hi, i + n, "she")
                     || pg_cue_at(t, hi, i + n, "they")))
            {
                return;
            }

            continue;
        }

        for (n = 0; i + n < hi && (pg_isalnum(t[i + n])
                                   || (t[i + n] == '\'' && n > 0));
             n++)
        {
            /* void */
        }

        if (n == 0) {
            n = 1;
            continue;
        }

        if (n > 2 && t[i + n - 2] == '\'' && w->n > 0
            && i + n + 1 < hi && t[i + n] == ' '
            && pg_cues_at(t, hi, i + n + 1, pg_own_kin, NULL) != 0)
        {
            /* "<name> - Arjun Novak's daughter ... his", "Pt's wife":
             * a relative's story begins ("at St Vincent's after his
             * valve replacement" goes on) */
            return;
        }

        w->off[w->n] = i;
        w->len[w->n] = n;
        w->n++;
    }
}


static int
pg_own_is(const char *t, pg_own_words_t *w, size_t k,
    const char *const *list)
{
    return k < w->n
           && pg_cues_at(t, w->off[k] + w->len[k], w->off[k], list, NULL)
              == w->len[k];
}


/* a health word of the lexicon in words [k, k + words), before any
 * relative or possessive: "in honor of her mother's cancer" is a
 * relative's care */

static int
pg_own_health_word(const char *t, pg_own_words_t *w, size_t k,
    size_t words)
{
    size_t  j, e;

    for (j = k; j < w->n && j < k + words; j++) {
        if (w->len[j] <= PG_LEX_WORD_MAX
            && (pg_lex_lookup(t + w->off[j], w->len[j]) & PG_LEX_HEALTH))
        {
            return 1;
        }

        e = w->off[j] + w->len[j];

        if ((w->len[j] > 2 && t[e - 2] == '\'')
            || pg_own_is(t, w, j, pg_own_kin))
        {
            return 0;
        }
    }

    return 0;
}


/* a body word or a health word in words [k, k + words) */

static int
pg_own_health(const char *t, pg_own_words_t *w, size_t k, size_t words)
{
    size_t  j;

    for (j = k; j < w->n && j < k + words; j++) {
        if (pg_own_is(t, w, j, pg_own_body)) {
            return 1;
        }
    }

    return pg_own_health_word(t, w, k, words);
}


static int
pg_own_predicate(const char *t, pg_own_words_t *w)
{
    size_t  k, j;

    for (k = 0; k < w->n && k < PG_OWN_CARE_SKIP; k++) {
        if (!pg_isdigit(t[w->off[k]]) && !pg_own_is(t, w, k, pg_own_skip)) {
            break;
        }
    }

    if (pg_own_is(t, w, k, pg_own_events)) {
        return 1;
    }

    if (k == w->n) {
        return 0;
    }

    if (pg_cue_at(t, w->off[k] + w->len[k], w->off[k], "admitted")) {
        if (!pg_own_is(t, w, k + 1, pg_own_to)) {
            /* "was admitted last night", "was admitted." */
            return 1;
        }

        k++;

    } else if (!(k > 0
                 && pg_cue_at(t, w->off[k] + w->len[k], w->off[k], "in")))
    {
        return 0;
    }

    /* "admitted to" or "is in": a care place within 3 words */
    for (j = k + 1; j < w->n && j < k + 4; j++) {
        if (pg_own_is(t, w, j, pg_own_places)) {
            return 1;
        }
    }

    return 0;
}


static int
pg_own_possessive(const char *t, pg_own_words_t *w)
{
    size_t  k, j;

    for (k = 0; k + 1 < w->n; k++) {
        if (pg_own_is(t, w, k, pg_own_others)) {
            /* "treats patients after a stroke": the others' care */
            return 0;
        }

        if (!pg_own_is(t, w, k, pg_own_owners)) {
            continue;
        }

        if (!pg_own_is(t, w, k, pg_own_pronouns)) {
            /* "with pneumonia", "after a stroke"; not "with our ER
             * staff", "30 years with our ICU team" */
            j = k + 1 + pg_own_is(t, w, k + 1, pg_own_articles);

            if (pg_own_health_word(t, w, j, 1)) {
                return 1;
            }

            continue;
        }

        if (pg_own_health_word(t, w, k + 1, 2)) {
            /* "to his dialysis", "after her pacemaker" */
            return 1;
        }

        if (k == 0) {
            continue;
        }

        if (pg_own_is(t, w, k - 1, pg_own_broke)
            || (pg_own_is(t, w, k - 1, pg_own_before)
                && pg_own_health(t, w, k + 1, 3)))
        {
            /* "broke her hip", "after his second heart attack" */
            return 1;
        }
    }

    return 0;
}
