/*
 * Copyright (C) phigate authors
 *
 * Ages over 89 (Safe Harbor C): a number 90-120 that a phrase makes a
 * person's age.  Ages up to 89 are not identifiers and never fire; "90+"
 * and "90 or older" are the aggregate Safe Harbor allows and never fire.
 *
 *   strong (90): "94-year-old", "94 years old", "94 yo", "94 y/o",
 *   "94 years of age", "aged 94", "age 94", "age: 94", "age of 94"
 *     unless the next word is a thing ("our 100-year-old hospital") or,
 *     for "N years old", an institution is in the 4 words before ("the
 *     building is 100 years old")
 *   apposition (85): a capitalised name, a comma and the number ending
 *   its phrase ("Rosa Diaz, 94, went home", "Meet Harold, 99!") unless
 *   the word before the comma is a thing ("Hospital, 100,")
 *   said of a person (80): "she's 94", "he is 91", "Grandpa's 97",
 *   "Mrs. Banks turns 100": a pronoun, a person word or a name, "is",
 *   "'s", "was", "turns" or "turned", and the number ending its clause
 *   (punctuation, the end, or "and", "today", ... after it), so that "it's
 *   95 degrees", "we're 100", "Ward 9 is 94% full" and "she's 94th in
 *   line" are not; a name is capitalised and a given name or surname
 *   after an honorific or another name, or with a person near; the
 *   same after ", who" ("Mr. Petrosyan, who is 103 and recovering"),
 *   where any capitalised word before the comma is a person
 *   weak (75): "101st birthday", "turns 100", "turned 100", "100 years
 *   young", "93 años", "94 anos", "94 ans" (not before "de", "d'":
 *   "100 años de historia", unless "de edad", "de idade")
 *     only with a person ("patient", "resident", "she", "grandma",
 *     "Mrs.", ...) in the 8 words before or after, and no institution
 *     in the 4 words before the number or after "birthday"
 *
 *   at (80): "At 101, Florence Diaz still swims": "at", the number, a
 *   comma and its subject, a pronoun, an honorific or a given name and
 *   a surname, no institution in the 4 words after
 *   a leading weak phrase: "Ninety-three years young and still joking:
 *   that's our patient <name>": the phrase opens its sentence, whose
 *   subject comes later, so a person anywhere in that sentence will do
 *   chart (85): "91M s/p fall", "96F w/ CHF": the number and the sex's
 *   letter, then chart shorthand ("s/p", "w/", "c/o", "hx", "p/w");
 *   "91M downloads" is a count
 *   born (80): "Mr. <name> (born 1929)": "born [in]" and a year that
 *   makes the person over 89 today, a person before "born" and no
 *   institution ("the building, born 1926")
 *   words (80): "nonagenarian", "centenarian", "supercentenarian" (in
 *   "semi-supercentenarian" too) with
 *   a person near and no institution ("our centenarian hospital")
 *
 * "Celebrating 100 years", "90+ years of service" and "our 100th
 * anniversary" are none of these phrases: an institution's age; nor is
 * "its 100th birthday" or "100th birthday to us".  An end
 * of a range ("adults aged 90 to 104", "between 90 and 104") is a
 * group's age, never a finding; so is a staff member's, a volunteer's,
 * a donor's, a retiree's or an athlete's age with no patient or care
 * word near it (pg_age_role()).
 *
 * Ages in words are read in the same phrases: "ninety", "ninety-four"
 * or "ninety four", "one|a hundred [and] <1-99>" with hyphens or spaces,
 * and their ordinals ("ninety-fifth", "hundredth", "one hundred and
 * first"): "a ninety-four year old patient", "aged one hundred and one",
 * "her hundredth birthday".  Not when they are part of a larger number
 * ("two hundred ninety", "ninety thousand").
 */


#include <time.h>

#include "pg_detect.h"
#include "pg_lexicon.h"
#include "pg_own_care.h"
#include "pg_text.h"


#define PG_AGE_MIN          90
#define PG_AGE_MAX          120
#define PG_AGE_CTX_WORDS    8
#define PG_AGE_CTX_BYTES    96
#define PG_AGE_NEAR_WORDS   4
#define PG_AGE_NEAR_BYTES   48
#define PG_AGE_CUE_WORDS    3
#define PG_AGE_CUE_BYTES    24
#define PG_AGE_ROLE_WORDS   6       /* words from a role to the age */
#define PG_AGE_ROLE_BYTES   64
#define PG_AGE_NAME_BYTES   32      /* how far back a name's word starts */
#define PG_AGE_LEAD_WORDS   16      /* a leading phrase's sentence */
#define PG_AGE_LEAD_BYTES   128


static size_t pg_age_suffix(const char *t, size_t len, size_t pos,
    size_t *which);
static size_t pg_age_match(const char *t, size_t len, size_t pos,
    const char *cue);
static int pg_age_ordinal(const char *t, size_t len, size_t pos);
static int pg_age_apposition(const char *t, size_t len, size_t pos,
    size_t end);
static int pg_age_person(const char *t, size_t len, size_t pos,
    size_t end);
static int pg_age_said(const char *t, size_t len, size_t pos, size_t end);
static int pg_age_subject(const char *t, size_t len, size_t pos,
    size_t end, size_t w);
static int pg_age_name_word(const char *t, size_t w, size_t e);
static size_t pg_age_word_back(const char *t, size_t end, int dots);
static size_t pg_age_phrase(const char *t, size_t len, size_t pos,
    size_t end, int ord, uint8_t *conf);
static pg_status_t pg_age_in_words(const pg_scan_t *s, pg_findings_t *out);
static size_t pg_age_words(const char *t, size_t len, size_t pos,
    unsigned long *v, int *ord);
static size_t pg_age_below_100(const char *t, size_t len, size_t pos,
    unsigned long *v, int *ord);
static size_t pg_age_word(const char *t, size_t len, size_t pos,
    const char *const *words, const char *const *ords, size_t *k,
    int *ord);
static size_t pg_age_join(const char *t, size_t len, size_t pos, int and);
static int pg_age_larger(const char *t, size_t len, size_t pos, size_t end);
static size_t pg_age_word_before(const char *t, size_t pos,
    const char *const *words);
static int pg_age_range(const char *t, size_t len, size_t pos, size_t end);
static size_t pg_age_joiner(const char *t, size_t len, size_t pos, int and);
static int pg_age_role(const char *t, size_t len, size_t pos, size_t end);
static int pg_age_role_who(const char *t, size_t len, size_t end);
static int pg_age_who(const char *t, size_t len, size_t pos, size_t end,
    size_t w);
static int pg_age_at(const char *t, size_t len, size_t pos, size_t end);
static int pg_age_lead(const char *t, size_t len, size_t pos, size_t end);
static size_t pg_age_chart(const char *t, size_t len, size_t pos,
    size_t end);
static int pg_age_born(const char *t, size_t len, size_t pos);
static int pg_age_institution_birthday(const char *t, size_t len,
    size_t pos, size_t end);


/* after the number; ' ' in a suffix matches one space or hyphen */
static const char *const  pg_age_suffixes[] = {
    "year old",
    "years old",
    "yr old",
    "yrs old",
    "yo",
    "y/o",
    "y.o",
    "years of age",
    "yrs of age",
    "years young",      /* weak: institutions say it too */
    /* Spanish, Portuguese and French years, read without marks ("Tiene
     * 93 años", "de 99 años", "Mme ..., 94 ans"): they say "years old" */
    "anos",
    "ans",
    NULL
};

/* indexes in pg_age_suffixes[] */
#define PG_AGE_YEARS_OLD  1     /* may be said of a building */
#define PG_AGE_YRS_OLD    3
#define PG_AGE_YOUNG      9
#define PG_AGE_ANOS       10    /* and after: years alone, other tongues */


static const char *const  pg_age_before[] = {
    "aged",
    "age",
    "age:",
    "age of",
    "ages of",
    NULL
};


static const char *const  pg_age_turns[] = {
    "turns",
    "turned",
    "turning",
    NULL
};


/* what joins a person to the age: "she is 94", "Grandpa turns 100" */
static const char *const  pg_age_copulas[] = {
    "is", "was", "turns", "turned", NULL
};

/* "she's", and with a curly apostrophe (U+2019) */
static const char *const  pg_age_clitics[] = {
    "'s", "\xe2\x80\x99s", NULL
};

/* who an age is said of: "she's 94", "Grandpa's 97" */
static const char *const  pg_age_subjects[] = {
    "she", "he", "patient", "resident", "veteran", "grandmother", "grandma",
    "grandfather", "grandpa", "great-grandmother", "great-grandfather",
    "granny", "gran", "nana", "papa", "mother", "father", "mom", "mum",
    "dad", "wife", "husband", "widow", "aunt", "uncle", "centenarian",
    "honoree", "pt",
    NULL
};

/* what may follow an age that ends its clause: "he is 91 and back home" */
static const char *const  pg_age_clause_after[] = {
    "and", "but", "yet", "today", "tonight", "now", "this", "tomorrow",
    "yesterday", "as", NULL
};

/* roles whose age a post celebrates that are no patients: staff,
 * volunteers, donors, retirees, athletes, named before the age */
static const char *const  pg_age_roles[] = {
    "volunteer", "employee", "auxilian", "retiree", "retired", "donor",
    "dr", "dr.", "doctor", "physician", "runner", "finisher", "athlete",
    NULL
};

/* the same roles as what the person does, in ", who ..." after the age */
static const char *const  pg_age_role_verbs[] = {
    "volunteered", "volunteers", "volunteer", "ran", "runs", "raced",
    "finished", "retired", "worked", "works", "served", "donated",
    "donates", "coached", NULL
};

/* a patient or care near the age, whatever role came with it */
static const char *const  pg_age_patients[] = {
    "patient", "patient's", "patients", "pt", "resident", "mrs", "mr",
    "ms", "miss", "admitted", "discharged", "diagnosed", "recovering",
    "surgery", "hospice", "icu", "bedside", "treated", "cared", "care",
    "visited", "nursing", NULL
};

static const char *const  pg_age_honorifics[] = {
    "mrs.", "mr.", "ms.", "miss", "mrs", "mr", "ms", NULL
};


static const char *const  pg_age_birthday[] = {
    "birthday",
    "birthdays",
    "bday",
    "b-day",
    "bday!",
    NULL
};


/* the Safe Harbor aggregate: "90 or older", "over 90", "ages 90+" */
static const char *const  pg_age_aggregate_before[] = {
    "over",
    "above",
    "ages",
    "than",
    "least",
    "under",
    "from",
    NULL
};


static const char *const  pg_age_aggregate_after[] = {
    "or older",
    "and older",
    "or over",
    "and over",
    "and up",
    "or above",
    "and above",
    "or more",
    "plus",
    NULL
};


static const char *const  pg_age_persons[] = {
    "patient", "patient's", "resident", "resident's", "veteran",
    "woman", "man", "lady", "gentleman", "she", "he", "her", "his", "him",
    "mrs", "mr", "ms", "miss", "grandmother", "grandma", "grandfather",
    "grandpa", "great-grandmother", "great-grandfather", "granny",
    "nana", "mother", "father", "mom", "dad", "wife", "husband", "widow",
    "aunt", "uncle", "sister", "brother", "centenarian", "honoree",
    "birthday girl", "birthday boy", "client", "survivor", "member",
    "parishioner", "participant", "pt",
    /* Spanish, Portuguese and French, read without marks ("doña" is
     * "dona"), for their years ("Mme ..., 94 ans") */
    "dona", "senora", "sra", "mme", "madame", "monsieur", "abuela",
    "abuelo", "abuelita", "abuelito", "paciente", "patiente", "mamie",
    "papi", "vovo",
    NULL
};


/* what makes "100 años" an institution's years: "100 años de historia",
 * "100 ans d'histoire"; not "94 anos de idade" (of age) */
static const char *const  pg_age_years_of[] = {
    "de", "d'", "del", "da", "do", "dos", "des", NULL
};

static const char *const  pg_age_of_age[] = {
    "de edad", "de idade", "d'age", NULL
};

static const char *const  pg_age_things[] = {
    "hospital", "hospitals", "clinic", "clinics", "center", "centre",
    "building", "buildings", "church", "chapel", "institution",
    "organization", "organisation", "company", "foundation", "school",
    "college", "university", "campus", "facility", "practice",
    "department", "program", "programme", "tradition", "partnership",
    "system", "health", "society", "association", "wing", "house",
    "home", "tree", "oak", "bridge", "landmark", "museum", "library",
    "charter", "brand", "firm", "business", "town", "city", "legacy",
    "history", "institute", "network", "league", "auxiliary", "guild",
    "mission", "ministry", "order", "parish", "community", "story",
    "lodge", NULL
};


/* a person over 89 in one word: "our nonagenarian patient" */
static const char *const  pg_age_aged[] = {
    "nonagenarian", "centenarian", "supercentenarian", NULL
};

/* where a number in words over 89 starts, and pg_age_aged[] */
static const char *const  pg_age_word_starts[] = {
    "ninety", "ninetieth", "one hundred", "one-hundred", "a hundred",
    "one hundredth", "one-hundredth", "hundredth", "nonagenarian",
    "centenarian", "supercentenarian", NULL
};

/* chart shorthand after "91M": status post, with, complains of,
 * history, presents with, brought in by */
static const char *const  pg_age_chart_words[] = {
    "s/p", "w/", "c/o", "h/o", "hx", "pmh", "pmhx", "p/w", "bib", "biba",
    "bibems", "dx", "presenting", "presents", "admitted", NULL
};

/* an institution's own birthday: "its 100th birthday" */
static const char *const  pg_age_its[] = { "its", NULL };

static const char *const  pg_age_birthday_us[] = {
    "birthday to us", "bday to us", "birthday, us", NULL
};


static pg_cue_set_t  pg_age_word_start_set = pg_cue_set(pg_age_word_starts);


/* index + 1 is the value; "first" ... "ninth" the ordinals */
static const char *const  pg_age_units[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    NULL
};

static const char *const  pg_age_unit_ords[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
    "eighth", "ninth", NULL
};

/* index + 10 is the value */
static const char *const  pg_age_teens[] = {
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", NULL
};

static const char *const  pg_age_teen_ords[] = {
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    NULL
};

/* (index + 2) * 10 is the value */
static const char *const  pg_age_tens[] = {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", NULL
};

static const char *const  pg_age_tens_ords[] = {
    "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", NULL
};

/* what makes the words part of a larger number: "two hundred ninety" */
static const char *const  pg_age_larger_before[] = {
    "hundred", "thousand", "million", "billion", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", NULL
};

static const char *const  pg_age_and[] = { "and", NULL };

/* what joins the ends of a range: "aged 90 to 104", "90 through 99" */
static const char *const  pg_age_range_words[] = {
    "to", "through", "thru", NULL
};

static const char *const  pg_age_between[] = { "between", NULL };

static const char *const  pg_age_who_words[] = { "who", NULL };

static const char *const  pg_age_larger_after[] = {
    "hundred", "thousand", "million", "billion", NULL
};


pg_status_t
pg_detect_age(const pg_scan_t *s, pg_findings_t *out)
{
    int           ord;
    size_t        i, run, end, fend;
    uint8_t       conf;
    unsigned long v;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    t = s->text;
    pg_scan_digits(s, &c);

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + run)) {
        run = pg_digit_run(t, s->len, i, s->len);

        if (run == 4 && pg_num_start(t, i) && pg_age_born(t, s->len, i)) {
            st = pg_findings_add(out, s->arena, PG_T_AGE, s->field, i, 4,
                                 80);
            if (st != PG_OK) {
                return st;
            }

            continue;
        }

        if (run < 2 || run > 3 || !pg_num_start(t, i)) {
            continue;
        }

        v = pg_digits_value(t, i, run);
        if (v < PG_AGE_MIN || v > PG_AGE_MAX) {
            continue;
        }

        end = i + run;

        /* "91M s/p fall": the sex's letter ends the number's word */
        fend = pg_age_chart(t, s->len, i, end);

        if (fend != 0) {
            st = pg_findings_add(out, s->arena, PG_T_AGE, s->field, i,
                                 fend - i, 85);
            if (st != PG_OK) {
                return st;
            }

            run = fend - i;
            continue;
        }

        /* "90+", "95%", "100,000", "99.5", "$100" are not ages */
        if (end < s->len
            && (t[end] == '+' || t[end] == '%'
                || ((t[end] == ',' || t[end] == '.' || t[end] == '/')
                    && end + 1 < s->len && pg_isdigit(t[end + 1]))))
        {
            continue;
        }

        /* "101st": the suffix is part of the number */
        ord = pg_age_ordinal(t, s->len, end);

        fend = pg_age_phrase(t, s->len, i, ord ? end + 2 : end, ord, &conf);
        if (fend == 0) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_AGE, s->field, i,
                             fend - i, conf);
        if (st != PG_OK) {
            return st;
        }

        run = fend - i;
    }

    return pg_age_in_words(s, out);
}


/*
 * The number at [pos, end) (90-120; an ordinal, "101st", "hundredth",
 * when ord) in the phrases that make it a person's age: the
 * rules at the head of this file.  Returns the end of the finding, 0
 * when the number is no age; its confidence in *conf.
 */

static size_t
pg_age_phrase(const char *t, size_t len, size_t pos, size_t end, int ord,
    uint8_t *conf)
{
    int     weak, appos;
    size_t  m, which;

    if (pos > 0 && (t[pos - 1] == '$' || t[pos - 1] == '#')) {
        return 0;
    }

    if (pg_cue_before(t, pos, 2, PG_AGE_CUE_BYTES, pg_age_aggregate_before)
        || pg_cue_after(t, len, end, 2, PG_AGE_CUE_BYTES,
                        pg_age_aggregate_after)
        || pg_age_range(t, len, pos, end))
    {
        return 0;
    }

    weak = -1;
    appos = 0;

    m = ord ? 0 : pg_age_suffix(t, len, end, &which);

    if (m != 0) {
        /* "94-year-old ..." : the word after must not be a thing */
        if (pg_cue_after(t, len, end + m, 1, PG_AGE_CUE_BYTES,
                         pg_age_things))
        {
            return 0;
        }

        if (which == PG_AGE_YOUNG) {
            weak = 1;

        } else if (which >= PG_AGE_ANOS
                   && ((pg_cue_after(t, len, end + m, 1, PG_AGE_CUE_BYTES,
                                     pg_age_years_of)
                        && !pg_cue_after(t, len, end + m, 2,
                                         PG_AGE_CUE_BYTES, pg_age_of_age))
                       || pg_cue_before(t, pos, PG_AGE_NEAR_WORDS,
                                        PG_AGE_NEAR_BYTES, pg_age_things)))
        {
            /* "100 años de servicio", "el hospital cumple 100 años" */
            return 0;

        } else if (which >= PG_AGE_ANOS) {
            /* years alone: a person's only with a person near ("doña
             * ..., de 99 años"), not "¡celebramos 100 años!"; "age 96
             * años" is strong */
            weak = !pg_cue_before(t, pos, PG_AGE_CUE_WORDS, PG_AGE_CUE_BYTES,
                                  pg_age_before);

        } else if ((which == PG_AGE_YEARS_OLD || which == PG_AGE_YRS_OLD)
                   && pg_cue_before(t, pos, PG_AGE_NEAR_WORDS,
                                    PG_AGE_NEAR_BYTES, pg_age_things))
        {
            return 0;

        } else {
            weak = 0;
        }

        end += m;

        /* "90 years of age and older" */
        if (pg_cue_after(t, len, end, 2, PG_AGE_CUE_BYTES,
                         pg_age_aggregate_after))
        {
            return 0;
        }

    } else if (ord) {
        if (pg_cue_after(t, len, end, 1, PG_AGE_CUE_BYTES,
                         pg_age_birthday)
            && !pg_age_institution_birthday(t, len, pos, end))
        {
            weak = 1;
        }

    } else if (pg_cue_before(t, pos, PG_AGE_CUE_WORDS, PG_AGE_CUE_BYTES,
                             pg_age_before))
    {
        weak = 0;

    } else if (pg_age_said(t, len, pos, end)) {
        weak = 0;
        appos = 2;

    } else if (pg_cue_before(t, pos, 2, PG_AGE_CUE_BYTES, pg_age_turns)) {
        weak = 1;

    } else if (pg_age_apposition(t, len, pos, end)) {
        weak = 0;
        appos = 1;

    } else if (pg_age_at(t, len, pos, end)) {
        weak = 0;
        appos = 2;
    }

    if (weak < 0) {
        return 0;
    }

    if ((m != 0 || appos == 1) && pg_age_role(t, len, pos, end)) {
        return 0;
    }

    if (weak && !pg_age_person(t, len, pos, end)
        && !pg_age_lead(t, len, pos, end))
    {
        return 0;
    }

    *conf = appos == 2 ? 80 : appos ? 85 : weak ? 75 : 90;

    return end;
}


/*
 * Ages in words, read in the same phrases as digits: "a ninety-four year
 * old patient", "aged one hundred and one", "her hundredth birthday".
 */

static pg_status_t
pg_age_in_words(const pg_scan_t *s, pg_findings_t *out)
{
    int            ord;
    size_t         i, m, end, fend;
    uint8_t        conf;
    unsigned long  v;
    const char    *t;
    pg_cands_t     c;
    pg_status_t    st;

    st = pg_scan_cands(s, &c, &pg_age_word_start_set);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;
    i = 0;

    while ((i = pg_cands_next(&c, i, &m)) < s->len) {

        /* "our nonagenarian patient": the word is the age */
        if (pg_cues_at(t, s->len, i, pg_age_aged, NULL) == m) {
            if (pg_age_person(t, s->len, i, i + m)) {
                st = pg_findings_add(out, s->arena, PG_T_AGE, s->field, i,
                                     m, 80);
                if (st != PG_OK) {
                    return st;
                }
            }

            i += m;
            continue;
        }

        end = pg_age_words(t, s->len, i, &v, &ord);

        if (end == 0 || v < PG_AGE_MIN || v > PG_AGE_MAX
            || pg_age_larger(t, s->len, i, end))
        {
            i += m;
            continue;
        }

        fend = pg_age_phrase(t, s->len, i, end, ord, &conf);
        if (fend == 0) {
            i = end;
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_AGE, s->field, i,
                             fend - i, conf);
        if (st != PG_OK) {
            return st;
        }

        i = fend;
    }

    return PG_OK;
}


/*
 * A number in words at pos: "ninety[-four]", "ninetieth", "ninety-
 * fourth", "one|a hundred [and] <1-99>", "one hundred and first",
 * "[one] hundredth"; its value in *v, whether it is an ordinal in *ord.
 * Returns its end, 0 when there is none.
 */

static size_t
pg_age_words(const char *t, size_t len, size_t pos, unsigned long *v,
    int *ord)
{
    size_t         i, j, n;
    unsigned long  rest;

    *ord = 0;

    n = pg_cue_at(t, len, pos, "hundredth");
    if (n != 0) {
        *v = 100;
        *ord = 1;
        return pos + n;
    }

    n = pg_cue_at(t, len, pos, "one");
    if (n == 0) {
        n = pg_cue_at(t, len, pos, "a");
    }

    if (n == 0) {
        return pg_age_below_100(t, len, pos, v, ord);
    }

    i = pos + n;
    j = pg_age_join(t, len, i, 0);

    n = j ? pg_cue_at(t, len, i + j, "hundredth") : 0;
    if (n != 0) {
        *v = 100;
        *ord = 1;
        return i + j + n;
    }

    n = j ? pg_cue_at(t, len, i + j, "hundred") : 0;
    if (n == 0) {
        return 0;
    }

    i += j + n;
    *v = 100;

    j = pg_age_join(t, len, i, 1);
    if (j == 0) {
        return i;
    }

    n = pg_age_below_100(t, len, i + j, &rest, ord);
    if (n == 0) {
        return i;
    }

    *v += rest;

    return n;
}


/* 1-99 in words at pos ("four", "nineteenth", "ninety-four"): its end */

static size_t
pg_age_below_100(const char *t, size_t len, size_t pos, unsigned long *v,
    int *ord)
{
    size_t  i, j, n, k;

    n = pg_age_word(t, len, pos, pg_age_units, pg_age_unit_ords, &k, ord);
    if (n != 0) {
        *v = k + 1;
        return pos + n;
    }

    n = pg_age_word(t, len, pos, pg_age_teens, pg_age_teen_ords, &k, ord);
    if (n != 0) {
        *v = k + 10;
        return pos + n;
    }

    n = pg_age_word(t, len, pos, pg_age_tens, pg_age_tens_ords, &k, ord);
    if (n == 0) {
        return 0;
    }

    *v = (k + 2) * 10;
    i = pos + n;

    /* "ninety-four", "ninety four"; not after "ninetieth" */
    if (*ord || i >= len || (t[i] != '-' && t[i] != ' ')) {
        return i;
    }

    n = pg_age_word(t, len, i + 1, pg_age_units, pg_age_unit_ords, &j,
                    ord);
    if (n == 0) {
        return i;
    }

    *v += j + 1;

    return i + 1 + n;
}


/* a word of words (value index *k) or of ords (*ord set): its length */

static size_t
pg_age_word(const char *t, size_t len, size_t pos, const char *const *words,
    const char *const *ords, size_t *k, int *ord)
{
    size_t  n;

    n = pg_cues_at(t, len, pos, ords, k);
    if (n != 0) {
        *ord = 1;
        return n;
    }

    return pg_cues_at(t, len, pos, words, k);
}


/*
 * What joins the words of a number at pos: a space or a hyphen, and
 * when `and` is set, " and " or "-and-" too.  Its length, 0: none.
 */

static size_t
pg_age_join(const char *t, size_t len, size_t pos, int and)
{
    size_t  n;

    if (pos >= len || (t[pos] != ' ' && t[pos] != '-')) {
        return 0;
    }

    n = and ? pg_cue_at(t, len, pos + 1, "and") : 0;

    if (n != 0 && pos + 1 + n < len
        && (t[pos + 1 + n] == ' ' || t[pos + 1 + n] == '-'))
    {
        return 1 + n + 1;
    }

    return 1;
}


/*
 * Whether the words at [pos, end) are the end or the start of a larger
 * number: "two hundred ninety", "one thousand one hundred", "hundred and
 * ninety", "ninety thousand".
 */

static int
pg_age_larger(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  w;

    if (end < len && (t[end] == ' ' || t[end] == '-')
        && pg_cues_at(t, len, end + 1, pg_age_larger_after, NULL) != 0)
    {
        return 1;
    }

    w = pg_age_word_before(t, pos, pg_age_and);

    return pg_age_word_before(t, w ? w : pos, pg_age_larger_before) != 0;
}


/*
 * The start of the word right before pos, a space or a hyphen apart,
 * when it is one of words; 0 when it is not.
 */

static size_t
pg_age_word_before(const char *t, size_t pos, const char *const *words)
{
    size_t  w, lo;

    if (pos < 2 || (t[pos - 1] != ' ' && t[pos - 1] != '-')) {
        return 0;
    }

    w = pos - 1;
    lo = w > PG_CUE_MAX ? w - PG_CUE_MAX : 0;

    while (w > lo && pg_isalpha(t[w - 1])) {
        w--;
    }

    if (w == pos - 1 || (w > 0 && pg_isalnum(t[w - 1]))) {
        return 0;
    }

    return pg_cues_at(t, pos - 1, w, words, NULL) == pos - 1 - w ? w : 0;
}


/*
 * The number at [pos, end) is an end of a range, "aged 90 to 104", "ages
 * 90-104", "between 90 and 104": a study's or a group's ages, no one
 * person's.  "Mr. and Mrs. Lee, aged 94 and 92" are two ages.
 */

static int
pg_age_range(const char *t, size_t len, size_t pos, size_t end)
{
    int     and;
    size_t  i, w;

    /* the low end: a joiner and a number after it */
    and = pg_age_word_before(t, pos, pg_age_between) != 0;
    i = pg_age_joiner(t, len, end, and);

    if (i != 0 && pg_digit_run(t, len, end + i, 4) >= 2) {
        return 1;
    }

    /* the high end: a number and a joiner before it */
    and = 0;

    for (w = pos; w > 0 && t[w - 1] == ' '; w--) {
        /* void */
    }

    if (w > 0 && t[w - 1] == '-') {
        w--;

    } else {
        w = pg_age_word_before(t, pos, pg_age_range_words);

        if (w == 0) {
            w = pg_age_word_before(t, pos, pg_age_and);
            and = 1;
        }

        if (w == 0) {
            return 0;
        }
    }

    while (w > 0 && t[w - 1] == ' ') {
        w--;
    }

    for (i = w; i > 0 && pg_isdigit(t[i - 1]) && w - i < 4; i--) {
        /* void */
    }

    if (w - i < 2 || !pg_word_start(t, i)) {
        return 0;
    }

    /* "and" joins a range only after "between" */
    return !and || pg_age_word_before(t, i, pg_age_between) != 0;
}


/* a range's joiner at pos ("-", " - ", " to ", " and " when and): the
 * length up to the next number, 0 when there is none */

static size_t
pg_age_joiner(const char *t, size_t len, size_t pos, int and)
{
    size_t  i, n;

    for (i = pos; i < len && t[i] == ' '; i++) {
        /* void */
    }

    if (i < len && t[i] == '-') {
        n = 1;

    } else {
        n = pg_cues_at(t, len, i, pg_age_range_words, NULL);

        if (n == 0 && and) {
            n = pg_cue_at(t, len, i, "and");
        }

        if (n == 0 || i == pos) {
            return 0;
        }
    }

    for (i += n; i < len && t[i] == ' '; i++) {
        /* void */
    }

    return i - pos;
}


/* "-year-old" and the like right after the number: its length */

static size_t
pg_age_suffix(const char *t, size_t len, size_t pos, size_t *which)
{
    size_t  k, m, skip;

    skip = pos < len && (t[pos] == ' ' || t[pos] == '-') ? 1 : 0;

    for (k = 0; pg_age_suffixes[k] != NULL; k++) {
        m = pg_age_match(t, len, pos + skip, pg_age_suffixes[k]);

        if (m != 0) {
            *which = k;
            return skip + m;
        }
    }

    return 0;
}


/* cue at pos, case-insensitive, ' ' matching a space or a hyphen */

static size_t
pg_age_match(const char *t, size_t len, size_t pos, const char *cue)
{
    size_t  i;

    for (i = pos; *cue; cue++, i++) {
        if (i >= len) {
            return 0;
        }

        if (*cue == ' ' ? t[i] != ' ' && t[i] != '-'
                        : pg_tolower(t[i]) != (unsigned char) *cue)
        {
            return 0;
        }
    }

    return pg_word_end(t, len, i) ? i - pos : 0;
}


/* "st", "nd", "rd", "th" ending a word at pos */

static int
pg_age_ordinal(const char *t, size_t len, size_t pos)
{
    int  a, b;

    if (pos + 2 > len) {
        return 0;
    }

    a = pg_tolower(t[pos]);
    b = pg_tolower(t[pos + 1]);

    return ((a == 's' && b == 't') || (a == 'n' && b == 'd')
            || (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
           && pg_word_end(t, len, pos + 2);
}


/*
 * "Rosa Diaz, 94, went home": a capitalised word, ", ", the number, and
 * punctuation that ends the apposition (or the text).  "Suite 200, 95
 * Main St" and "Boston, 95 degrees" are not: the word before the comma
 * is a number, or a word follows the number.
 */

static int
pg_age_apposition(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  w, lo;

    if (pos < 4 || t[pos - 1] != ' ' || t[pos - 2] != ',') {
        return 0;
    }

    if (end < len && t[end] != ',' && t[end] != '!' && t[end] != '.'
        && t[end] != ')' && t[end] != ';')
    {
        return 0;
    }

    w = pos - 2;
    lo = w > PG_AGE_NAME_BYTES ? w - PG_AGE_NAME_BYTES : 0;

    while (w > lo && pg_isalpha(t[w - 1])) {
        w--;
    }

    if (w == pos - 2 || (w > 0 && pg_isalnum(t[w - 1]))
        || t[w] < 'A' || t[w] > 'Z')
    {
        return 0;
    }

    return !pg_cue_before(t, pos, 1, PG_AGE_CUE_BYTES, pg_age_things);
}


/*
 * "she's 94 and just beat COVID", "he is 91.", "Grandpa's 97 today": the
 * number at [pos, end) said of a person and ending its clause.
 */

static int
pg_age_said(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  w, v, n;

    if (end < len && t[end] != ',' && t[end] != '.' && t[end] != '!'
        && t[end] != '?' && t[end] != ';' && t[end] != ')')
    {
        /* a blank and a word that goes on after the age, an emoji or a
         * hashtag: not "95 degrees", "90 minutes", "94 pounds" */
        if (t[end] != ' ' || end + 1 >= len
            || !((unsigned char) t[end + 1] >= 0x80 || t[end + 1] == '#'
                 || pg_cue_after(t, len, end, 1, PG_AGE_CUE_BYTES,
                                 pg_age_clause_after)))
        {
            return 0;
        }
    }

    /* "Memorial Hospital turns 100 this year" */
    if (pos < 3 || t[pos - 1] != ' '
        || pg_cue_before(t, pos, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                         pg_age_things))
    {
        return 0;
    }

    /* "he is 91", "Grandpa turns 100" */
    v = pg_age_word_back(t, pos - 1, 0);

    if (v > 1 && v < pos - 1 && t[v - 1] == ' '
        && pg_cues_at(t, pos - 1, v, pg_age_copulas, NULL) == pos - 1 - v)
    {
        w = pg_age_word_back(t, v - 1, 0);
        return w < v - 1 && (pg_age_subject(t, len, pos, end, w)
                             || pg_age_who(t, len, pos, end, w));
    }

    /* "she's 94", "Grandpa's 97" */
    for (n = 0; pg_age_clitics[n] != NULL; n++) {
        v = strlen(pg_age_clitics[n]);

        if (pos - 1 > v && memcmp(t + pos - 1 - v, pg_age_clitics[n], v) == 0)
        {
            w = pg_age_word_back(t, pos - 1 - v, 0);
            return w < pos - 1 - v
                   && (pg_age_subject(t, len, pos, end, w)
                       || pg_age_who(t, len, pos, end, w));
        }
    }

    return 0;
}


/*
 * The word at w (up to the next byte that is no letter) is who the age
 * at [pos, end) is said of: a pronoun or person word, or a name.
 */

static int
pg_age_subject(const char *t, size_t len, size_t pos, size_t end, size_t w)
{
    size_t  e, v;

    for (e = w; e < pos && (pg_isalpha(t[e]) || t[e] == '-'); e++) {
        /* void */
    }

    if (pg_cues_at(t, e, w, pg_age_subjects, NULL) == e - w) {
        return 1;
    }

    /* not a unit ("4 West is 90") */
    if (!pg_age_name_word(t, w, e)
        || (w > 1 && t[w - 1] == ' ' && pg_isdigit(t[w - 2])))
    {
        return 0;
    }

    /* "Mrs. Banks", "Loretta Banks": an honorific or a name before it */
    if (w > 2 && t[w - 1] == ' ') {
        v = pg_age_word_back(t, w - 1, 1);

        if (v < w - 1
            && (pg_cues_at(t, w - 1, v, pg_age_honorifics, NULL)
                == w - 1 - v
                || pg_age_name_word(t, v, w - 1)))
        {
            return 1;
        }
    }

    /* "Rosa is 94 today, our oldest patient" */
    return pg_age_person(t, len, pos, end);
}


/*
 * "Mr. Petrosyan, who is 103 and recovering", "our resident, who turned
 * 100 today": the word at w is "who" opening a clause after a comma, and
 * the word before the comma is a person word or a capitalised name.
 * "who" is said of a person only, so the name need not be one of the
 * lexicon's; "anyone who is 100" has no comma and names nobody.
 */

static int
pg_age_who(const char *t, size_t len, size_t pos, size_t end, size_t w)
{
    size_t  x;

    if (w < 4 || pg_cues_at(t, pos, w, pg_age_who_words, NULL) != 3
        || t[w - 1] != ' ' || t[w - 2] != ',')
    {
        return 0;
    }

    x = pg_age_word_back(t, w - 2, 0);

    if (x + 2 > w - 2 || (x > 0 && pg_isalnum(t[x - 1]))) {
        return 0;
    }

    if (t[x] >= 'A' && t[x] <= 'Z' && t[x + 1] >= 'a' && t[x + 1] <= 'z') {
        return 1;
    }

    return pg_age_subject(t, len, pos, end, x);
}


/* the word at [w, e): capitalised, not in capitals ("LODGE"), a given
 * name or surname */

static int
pg_age_name_word(const char *t, size_t w, size_t e)
{
    size_t  k;

    if (e - w < 2 || e - w > PG_LEX_WORD_MAX || t[w] < 'A' || t[w] > 'Z') {
        return 0;
    }

    for (k = w + 1; k < e; k++) {
        if (!pg_isalpha(t[k])) {
            return 0;
        }
    }

    if (t[w + 1] >= 'A' && t[w + 1] <= 'Z') {
        return 0;
    }

    return (pg_lex_lookup(t + w, e - w) & PG_LEX_NAME) != 0;
}


/* the start of the word of letters and '-' (and '.' when dots: "Mrs.")
 * that ends at end */

static size_t
pg_age_word_back(const char *t, size_t end, int dots)
{
    size_t  w, lo;

    lo = end > PG_AGE_NAME_BYTES ? end - PG_AGE_NAME_BYTES : 0;

    for (w = end;
         w > lo && (pg_isalpha(t[w - 1]) || t[w - 1] == '-'
                    || (dots && t[w - 1] == '.'));
         w--)
    {
        /* void */
    }

    return w;
}


/* a person near the number, and no institution right next to it */

static int
pg_age_person(const char *t, size_t len, size_t pos, size_t end)
{
    if (pg_cue_before(t, pos, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                      pg_age_things)
        || pg_cue_after(t, len, end, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                        pg_age_things))
    {
        return 0;
    }

    return pg_cue_before(t, pos, PG_AGE_CTX_WORDS, PG_AGE_CTX_BYTES,
                         pg_age_persons)
           || pg_cue_after(t, len, end, PG_AGE_CTX_WORDS, PG_AGE_CTX_BYTES,
                           pg_age_persons);
}


/*
 * The age at [pos, end) (its phrase included) is a role's, not a
 * patient's: "our Volunteer of the Year, 91-year-old <name>", "Dr.
 * <name>, 92, delivered 9,000 babies" (a role in the 6 words before, the
 * age after a comma), "<name>, 96, who has volunteered", "91-year-old
 * <name>, who ran it in 48:12" (the role's verb in a ", who" clause
 * after it), with no patient or care word in the 6 words either side.
 * "our volunteers sang to 101-year-old <name>" (no comma, no role after)
 * and "our volunteer, 96-year-old patient Mrs. <surname>" still count.
 */

static int
pg_age_role(const char *t, size_t len, size_t pos, size_t end)
{
    if (!(pos >= 2 && t[pos - 1] == ' ' && t[pos - 2] == ','
          && pg_cue_before(t, pos, PG_AGE_ROLE_WORDS, PG_AGE_ROLE_BYTES,
                           pg_age_roles))
        && !pg_age_role_who(t, len, end))
    {
        return 0;
    }

    return !pg_cue_before(t, pos, PG_AGE_ROLE_WORDS, PG_AGE_ROLE_BYTES,
                          pg_age_patients)
           && !pg_cue_after(t, len, end, PG_AGE_ROLE_WORDS + 2,
                            PG_AGE_ROLE_BYTES + 32, pg_age_patients)
           && !pg_own_care_after(t, len, end);
}


/* ", who [has] volunteered" in the sentence after end, within the role's
 * window, "who" and up to two words before the role's verb */

static int
pg_age_role_who(const char *t, size_t len, size_t end)
{
    size_t  i, hi;

    hi = len - end > PG_AGE_ROLE_BYTES ? end + PG_AGE_ROLE_BYTES : len;

    for (i = end; i + 6 <= hi; i++) {
        if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n') {
            return 0;
        }

        if (t[i] == ',' && t[i + 1] == ' '
            && pg_tolower(t[i + 2]) == 'w' && pg_tolower(t[i + 3]) == 'h'
            && pg_tolower(t[i + 4]) == 'o' && t[i + 5] == ' ')
        {
            return pg_cue_after(t, len, i + 6, 3, PG_AGE_CUE_BYTES,
                                pg_age_role_verbs);
        }
    }

    return 0;
}


/*
 * "At 101, Florence Diaz still swims", "At a hundred and one, she ...":
 * "at" before the number at [pos, end), a comma after it, and its
 * sentence's subject: a pronoun or person word, an honorific, or a given
 * name and a capitalised surname; no institution in the 4 words after
 * ("At 100, Mercy Hospital still ...").
 */

static int
pg_age_at(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  x, e, f;

    x = pg_back_words(t, pos, 1, PG_AGE_CUE_BYTES);

    if (end + 2 >= len || t[end] != ',' || t[end + 1] != ' '
        || x == pos || pg_cue_at(t, pos, x, "at ") != pos - x
        || pg_cue_after(t, len, end, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                        pg_age_things))
    {
        return 0;
    }

    x = end + 2;

    for (e = x; e < len && (pg_isalpha(t[e]) || t[e] == '-'); e++) {
        /* void */
    }

    if (e == x) {
        return 0;
    }

    if (pg_cues_at(t, e, x, pg_age_subjects, NULL) == e - x
        || pg_cues_at(t, len, x, pg_age_honorifics, NULL) != 0)
    {
        return 1;
    }

    /* a given name and a surname: capitalised words, one of the names */
    for (f = e; f < len && t[f] == ' '; f++) {
        /* void */
    }

    return f > e && f + 1 < len && t[f] >= 'A' && t[f] <= 'Z'
           && t[f + 1] >= 'a' && t[f + 1] <= 'z'
           && pg_age_name_word(t, x, e);
}


/*
 * A weak phrase at [pos, end) that opens its sentence ("Ninety-three
 * years young and still cracking jokes: that's our patient <name>")
 * is said of the subject the sentence names later: a person anywhere in
 * the sentence, no institution in it.
 */

static int
pg_age_lead(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  i, b, words;

    for (b = pos; b > 0 && t[b - 1] == ' '; b--) {
        /* void */
    }

    if (b > 0 && t[b - 1] != '.' && t[b - 1] != '!' && t[b - 1] != '?'
        && t[b - 1] != '\n')
    {
        return 0;
    }

    words = 0;

    for (i = end; i < len && i - end < PG_AGE_LEAD_BYTES; i++) {

        if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n') {
            return 0;
        }

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        if (++words > PG_AGE_LEAD_WORDS
            || pg_cues_at(t, len, i, pg_age_things, NULL))
        {
            return 0;
        }

        if (pg_cues_at(t, len, i, pg_age_persons, NULL)) {
            return 1;
        }
    }

    return 0;
}


/*
 * "Sasaki, Haruto 91M s/p fall, SDH": the number at [pos, end), the
 * sex's capital letter ending its word, and chart shorthand after it:
 * the end of the finding, 0 when it is not that.  "91M downloads" and
 * "$91M" are counts.
 */

static size_t
pg_age_chart(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  i;

    if (end >= len || (t[end] != 'M' && t[end] != 'F')
        || !pg_word_end(t, len, end + 1)
        || (pos > 0 && (t[pos - 1] == '$' || t[pos - 1] == '#')))
    {
        return 0;
    }

    i = end + 1;

    if (i < len && t[i] == ',') {
        i++;
    }

    if (i >= len || t[i] != ' ') {
        return 0;
    }

    while (i < len && t[i] == ' ') {
        i++;
    }

    return pg_cues_at(t, len, i, pg_age_chart_words, NULL) ? end + 1 : 0;
}


/*
 * "Our patient Mr. <name> (born 1929)": the year at pos after "born" or
 * "born in" makes the person over 89 today; a person in the words before
 * "born" and no institution right before it ("the building, born 1926",
 * "Mercy Hospital was born in 1926").
 */

static int
pg_age_born(const char *t, size_t len, size_t pos)
{
    int            age;
    size_t         w, v;
    time_t         now;
    struct tm      tm;
    unsigned long  y;

    /* "born 1929", "born in 1929": both end with "n " */
    if (pos < 3 || t[pos - 1] != ' ' || pg_tolower(t[pos - 2]) != 'n'
        || !pg_num_end(t, len, pos + 4))
    {
        return 0;
    }

    w = pg_back_words(t, pos, 1, PG_AGE_CUE_BYTES);

    if (w < pos && pg_cue_at(t, pos, w, "in ") == pos - w) {
        v = w;
        w = pg_back_words(t, v, 1, PG_AGE_CUE_BYTES);

    } else {
        v = pos;
    }

    if (w == v || pg_cue_at(t, v, w, "born ") != v - w) {
        return 0;
    }

    now = time(NULL);
    if (gmtime_r(&now, &tm) == NULL) {
        return 0;
    }

    y = pg_digits_value(t, pos, 4);
    age = tm.tm_year + 1900 - (int) y;

    if (age < PG_AGE_MIN || age > PG_AGE_MAX) {
        return 0;
    }

    return !pg_cue_before(t, w, PG_AGE_NEAR_WORDS, PG_AGE_NEAR_BYTES,
                          pg_age_things)
           && pg_cue_before(t, w, PG_AGE_CTX_WORDS, PG_AGE_CTX_BYTES,
                            pg_age_persons);
}


/* the birthday of the ordinal at [pos, end) is an institution's: "its
 * 100th birthday", "Happy 100th birthday to us!" */

static int
pg_age_institution_birthday(const char *t, size_t len, size_t pos,
    size_t end)
{
    return pg_age_word_before(t, pos, pg_age_its) != 0
           || pg_cue_after(t, len, end, 1, PG_AGE_CUE_BYTES,
                           pg_age_birthday_us);
}
