/*
 * Copyright (C) phigate authors
 *
 * Dates tied to an individual other than birth (DOB has its own
 * detector): admission, discharge, death, surgery or procedure, a
 * patient's appointment.  Forms:
 *
 *   numeric   M/D, M/D/YY, M/D/YYYY, M-D-YYYY, D.M.YYYY, YYYY-MM-DD
 *   written   March 3, Mar. 3rd, 2024, 3 March 2024, the 3rd of March,
 *             with a weekday before ("Monday, March 3")
 *   month     "in March", "in March 2024": only right after an event verb
 *             ("admitted in March"), the month being a date element
 *   day       "on the 12th", "on the third": a day with no month, its
 *             clause ending or going on after it (not "the 12th floor")
 *   others    "5 de mayo", "3 de abril de 2025", "3 de novembro", "14
 *             f\xc3\xa9vrier", "1er mars", "2. November 2024"
 *             (pg_when_day_first())
 *
 * A date is a finding only with a cue that ties it to a person's care:
 *
 *   - an event verb or phrase within a few words before it ("was
 *     admitted on", "discharged", "passed away on", "died", "underwent",
 *     "date of death", "DOD", "admit date", "date of service") or in the
 *     same sentence after it ("On 3/4 Mrs. Chen was admitted");
 *   - an event noun in the 8 words before it ("surgery", "appointment",
 *     "procedure", "visit", "charge", "wreck", any health word of the
 *     lexicon: "appendectomy", "stroke"; before "was rescheduled to",
 *     "moved to" when those come right before the date) with a person
 *     next to it: "her", "his", "patient", "pt", a possessive ("Maria's
 *     surgery"), an honorific, a relative in lower case ("your father's
 *     surgery"), a name of the names dataset, or a patient's account
 *     ("acct# ... disputes the ER charge from 2/14").  "Your
 *     appointment" and "their visit" are the reader's in marketing, not
 *     a patient's.
 *
 * So "blood drive on Sep 19", "open enrollment Oct 15 - Dec 7", "join us
 * on March 3" and "our new surgery center opens May 1" are no findings.
 */


#include <stdlib.h>
#include <string.h>

#include "pg_detect.h"
#include "pg_detect_when.h"
#include "pg_lexicon.h"
#include "pg_text.h"


#define PG_DATE_YEAR_MIN  1900
#define PG_DATE_YEAR_MAX  2099
#define PG_DATE_BACK      8       /* words from a cue to the date */
#define PG_DATE_NOUN_BACK 8       /* words from an event noun to the date */
#define PG_DATE_AFTER     10      /* words from the date to a verb after */
#define PG_DATE_PERSON    6       /* words from an event noun to a person */
#define PG_DATE_BYTES     112     /* bytes of those windows */
#define PG_DATE_LETTER    400     /* bytes from a salutation to "your" */
#define PG_DATE_WORD_MAX  12      /* the longest of pg_date_first_words */


static size_t pg_date_at(const char *t, size_t len, size_t pos,
    int *month_only);
static int pg_date_first_word(const char *t, size_t len, size_t pos);
static int pg_date_word_cmp(const void *a, const void *b);
static size_t pg_date_numeric(const char *t, size_t len, size_t pos);
static size_t pg_date_written(const char *t, size_t len, size_t pos,
    int *month_only);
static size_t pg_date_day_month(const char *t, size_t len, size_t pos);
static size_t pg_date_day_alone(const char *t, size_t len, size_t pos);
static size_t pg_date_moved(const char *t, size_t pos);
static int pg_date_birth_of(const char *t, size_t pos);
static size_t pg_date_year_after(const char *t, size_t len, size_t pos);
static size_t pg_date_day_any(const char *t, size_t len, size_t pos,
    unsigned *day, int *word);
static size_t pg_date_month(const char *t, size_t len, size_t pos,
    unsigned *month);
static size_t pg_date_day(const char *t, size_t len, size_t pos,
    unsigned *day);
static size_t pg_date_year(const char *t, size_t len, size_t pos);
static int pg_date_valid(unsigned month, unsigned day);
static unsigned pg_date_cue(const char *t, size_t len, size_t pos,
    size_t end, int month_only);
static int pg_date_person(const char *t, size_t from, size_t to);
static int pg_date_verb_after(const char *t, size_t len, size_t pos,
    int own);
static int pg_date_on(const char *t, size_t pos);
static int pg_date_verb_before(const char *t, size_t len, size_t pos);
static int pg_date_own_event(const char *t, size_t len, size_t i);
static int pg_date_its(const char *t, size_t len, size_t pos);
static int pg_date_passed(const char *t, size_t pos);
static size_t pg_date_line(const char *t, size_t from, size_t pos);
static int pg_date_hours(const char *t, size_t len, size_t pos);
static int pg_date_am_pm(const char *t, size_t len, size_t pos);
static int pg_date_who(const char *t, size_t i);
static int pg_date_addressed(const char *t, size_t i);
static int pg_date_mine(const char *t, size_t i);


/* event verbs and phrases: a person's care on its own */
static const char *const  pg_date_verbs[] = {
    "admitted", "readmitted", "admit date", "admission date",
    "date of admission", "discharged", "discharge date",
    "date of discharge", "released from", "died", "passed away",
    "date of death", "dod", "deceased", "underwent", "operated on",
    "intubated", "diagnosed", "gave birth", "was seen", "were seen",
    "date of service", "dos", "date of injury", "hospitalized",
    "airlifted", "date of surgery", "surgery date", "procedure date",
    "said goodbye",
    /* chart shorthand and care events of the held-out corpus */
    "adm", "admit", "d/c", "dc'd", "disch", "admission:", "discharge:",
    "surgery:", "procedure:", "transplant:", "heart stopped",
    "cardiac arrest", "collapsed", "came to us", "brought in",
    "went home", "came in",
    /* a death said gently: "who passed on the morning of January 9th" */
    "who passed on", "she passed on", "he passed on", "passed peacefully",
    "passed quietly",
    /* Spanish: "fue operada ... el 5 de mayo", "ingresado el 3 de abril";
     * accents read as base letters ("ingresó" is "ingreso") */
    "operada", "operado", "ingresada", "ingresado", "ingreso",
    "dada de alta", "dado de alta", "fallecio", "murio",
    "hospitalizada", "hospitalizado", "internada", "internado",
    /* "la operaron el 8 de noviembre": the pronoun is the patient */
    "la operaron", "lo operaron", "le operaron", "la ingresaron",
    "lo ingresaron",
    /* French: "opérée le 3 mars", "décédé le 2 mai" (read without
     * marks: "operee", "decede") */
    "opere", "operee", "hospitalise", "hospitalisee", "admis", "admise",
    "decede", "decedee", "accouche", "accouchee",
    /* German: "am 2. November operiert", "eingeliefert am" */
    "operiert", "eingeliefert", "aufgenommen", "entlassen", "verstorben",
    "gestorben", "entbunden",
    NULL
};

/* a birth date is DOB's */
static const char *const  pg_date_birth[] = {
    "dob", "d.o.b", "born", "b.", "birth", "birthday", "birthdate",
    /* DOB's cues in other languages: "Nasceu dia 3 de novembro" */
    "nasceu", "nascida", "nascido", "nacio", "nacida", "nacido",
    "ne le", "nee", "geboren", "geb.", NULL
};

static const char *const  pg_date_delivery[] = {
    "gave birth", "given birth", NULL
};

/* the verbs that may also take "in March" */
static const char *const  pg_date_month_verbs[] = {
    "admitted", "readmitted", "discharged", "died", "passed away",
    "underwent", "diagnosed", "hospitalized", "transferred", NULL
};

/* event nouns: a person's care when a person is named next to them */
static const char *const  pg_date_nouns[] = {
    "surgery", "operation", "procedure", "appointment", "appt",
    "follow-up", "followup", "visit", "transplant", "biopsy", "scan",
    "mri", "ct", "chemo", "infusion", "dialysis", "delivery", "c-section",
    "induction", "funeral", "memorial service", "amputation", "exam",
    "consult", "consultation", "admission", "discharge", "delivered",
    "transferred", "injured", "coded", "rushed", "released", "death",
    "charge", "charges", "bill", "claim", "stay", "treated",
    /* "her hip replacement on <date>", "had her knee replaced" */
    "replacement", "repair", "removal", "replaced", "repaired",
    /* procedures by their eponym or initials: "her Whipple on the 17th" */
    "whipple", "nissen", "tavr", "tavi", "ercp", "egd", "turp",
    /* an injury's event: "my son's leg after the motorcycle wreck on" */
    "wreck", "crash", "accident", "collision",
    /* a visit by the care team: "the patient we saw 10/2" */
    "saw", "seen",
    /* an injury or illness a person suffered: "the burns he suffered at
     * the warehouse fire on Oct 30" */
    "suffered",
    /* Spanish: "su cirugía del 3 de abril" (read "cirugia") */
    "cirugia", "operacion", "cita",
    /* French: "son AVC du 14 février" (a stroke); "opération" reads
     * "operation", listed above */
    "avc", "infarctus", "chirurgie", "intervention",
    "greffe", "accouchement", "hospitalisation",
    /* German: "ihren Herzkatheter", "seinen Eingriff" */
    "herzkatheter", "katheter", "eingriff", "schlaganfall",
    "herzinfarkt", "entbindung", "termin", "aufnahme", "entlassung", NULL
};

/* a person next to an event noun */
static const char *const  pg_date_people[] = {
    "her", "his", "patient", "patient's", "pt", "pt's", "mr", "mrs", "ms",
    "mx", "him", "she", "he", "mom", "dad", "son", "daughter", "husband",
    "wife", "baby", "grandma", "grandpa",
    /* identifiers that stand for a patient */
    "account", "acct", "acct#", "mrn", "chart",
    /* French and German possessives and honorifics: "son AVC", "ihren
     * Herzkatheter", "Frau <surname>" */
    "sa", "ses", "ihr", "ihre", "ihren", "ihrem", "sein", "seine", "seinen",
    "seinem", "frau", "herr", "mme", "madame", "monsieur",
    /* German relatives, capitalised as German nouns are */
    "oma", "opa", "mutter", "vater", "sohn", "tochter", "ehemann",
    "ehefrau", NULL
};

/* what opens a phrase of time before a date */
static const char *const  pg_date_on_words[] = {
    "on ", "on the ", "am ", "le ", "el ", "em ", "du ", "del ", "dia ",
    NULL
};

/* a possessive before an event noun after the date: "hatte am 2.
 * November ihren Herzkatheter", "on 3/4 she had her surgery" */
static const char *const  pg_date_possessives[] = {
    "her", "his", "ihr", "ihre", "ihren", "ihrem", "sein", "seine",
    "seinen", "seinem", "son", "sa", "ses", "su", "sus",
    /* an illness that befell a person: "On Sept 14, <name>, 34, had a
     * heart attack" */
    "had a", "had an", NULL
};

/* a letter's salutation to a person by honorific: "Dear Ms. <surname>," */
static const char *const  pg_date_salutations[] = {
    "dear mr", "dear mrs", "dear ms", "dear mx", NULL
};

/* relatives, in lower case only ("Mother's Day" is a holiday): "your
 * father's hernia surgery on the 12th" */
static const char *const  pg_date_relatives[] = {
    "father", "mother", "sister", "brother", "grandmother", "grandfather",
    "aunt", "uncle", "mama", "papa", "hijo", "hija",
    "esposo", "esposa", "abuela", "abuelo",
    /* French, read without marks: "père" is "pere" */
    "pere", "mere", "fils", "fille", "mari",
    "grand-mere", "grand-pere", "mamie", "papi", "oma", "opa",
    NULL
};

/* what a holiday names when it is an event's name, not a day: "the day
 * after Thanksgiving sale", "our Christmas toy drive" */
static const char *const  pg_date_holiday_events[] = {
    "sale", "sales", "drive", "dinner", "party", "parade", "lunch",
    "luncheon", "potluck", "gala", "concert", "bazaar", "market",
    "fundraiser", "feast", "meal", "meals", "food", "toy", "toys", "card",
    "cards", "basket", "baskets", "tree", "decorations", "deals",
    "special", "specials", "hours", "closure", "schedule", "menu",
    "service", "services", "program", "show", NULL
};

/* a change of a date: the event it moves is before the phrase ("the
 * colonoscopy (pt: <name>) was rescheduled to 3/18") */
static const char *const  pg_date_moves[] = {
    "rescheduled to", "rescheduled for", "moved to", "moved up to",
    "postponed to", "postponed until", "pushed to", "pushed back to",
    "bumped to", "changed to", "delayed to", "delayed until", NULL
};

static const char *const  pg_date_move_ends[] = {
    "to ", "for ", "until ", NULL
};

/* what may follow a day with no month, "on the 12th": the end of its
 * clause or a word that goes on with it; "on the 12th floor" is none */
static const char *const  pg_date_day_after[] = {
    "and", "at", "in", "was", "were", "is", "went", "for", "with", "but",
    "so", "when", "after", "before", "then", "until", "or", "by", "as",
    "because", "we", "she", "he", "they", NULL
};

static const char *const  pg_date_weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", NULL
};

/* "the 28th of this month" */
static const char *const  pg_date_this_month[] = {
    "this month", "next month", "last month", NULL
};

/* index / 2 + 1 is the month (Sept: 9) */
static const char *const  pg_date_months[] = {
    "january", "jan", "february", "feb", "march", "mar", "april", "apr",
    "may", "may", "june", "jun", "july", "jul", "august", "aug",
    "september", "sep", "october", "oct", "november", "nov",
    "december", "dec", "sept", NULL
};

/*
 * The first word of every cue a written date can start with, sorted
 * (strcmp() order) for pg_date_first_word(): the months, the weekdays,
 * and pg_detect_when.c's holidays, ordinal days and tens.  A word that
 * is none of them starts no written date, and most of the words the
 * pre-pass gives ("this", "thank", "found", "sepsis") are none.
 */
static const char *const  pg_date_first_words[] = {
    "apr", "april", "aug", "august", "christmas", "dec", "december",
    "eighteenth", "eighth", "eleventh", "father", "feb", "february",
    "fifteenth", "fifth", "first", "fourteenth", "fourth", "fri", "friday",
    "halloween", "independence", "jan", "january", "jul", "july", "jun",
    "june", "labor", "mar", "march", "may", "memorial", "mon", "monday",
    "mother", "new", "nineteenth", "ninth", "nov", "november", "oct",
    "october", "saint", "sat", "saturday", "second", "sep", "sept",
    "september", "seventeenth", "seventh", "sixteenth", "sixth", "st", "sun",
    "sunday", "tenth", "thanksgiving", "third", "thirteenth", "thirtieth",
    "thirty", "thu", "thur", "thurs", "thursday", "tue", "tues", "tuesday",
    "twelfth", "twentieth", "twenty", "valentine", "valentines", "veteran",
    "veterans", "wed", "wednesday"
};

static pg_cue_set_t  pg_date_weekday_set = pg_cue_set(pg_date_weekdays);
static pg_cue_set_t  pg_date_month_set = pg_cue_set(pg_date_months);

static pg_cue_set_t *const  pg_date_starts[] = {
    &pg_date_weekday_set, &pg_date_month_set, &pg_when_set, NULL
};

static pg_cue_set_t  pg_date_start_set = pg_cue_set_of("0", pg_date_starts);


pg_status_t
pg_detect_date(const pg_scan_t *s, pg_findings_t *out)
{
    int           month_only;
    size_t        i, n;
    unsigned      conf;
    const char   *t;
    pg_cands_t    c;
    pg_status_t   st;

    /*
     * A date starts with a digit, a weekday, a month, an ordinal day in
     * words or a holiday: pg_date_written()
     */

    st = pg_scan_cands(s, &c, &pg_date_start_set);
    if (st != PG_OK) {
        return st;
    }

    t = s->text;

    for (i = pg_cands_pos(&c, 0); i < s->len; i = pg_cands_pos(&c, i + 1)) {

        n = pg_date_at(t, s->len, i, &month_only);
        if (n == 0) {
            continue;
        }

        conf = pg_date_cue(t, s->len, i, i + n, month_only);

        if (conf) {
            st = pg_findings_add(out, s->arena, PG_T_DATE, s->field, i, n,
                                 (uint8_t) conf);
            if (st != PG_OK) {
                return st;
            }
        }

        i += n - 1;
    }

    return PG_OK;
}


/* the length of a date at pos, 0: none; *month_only for "March 2024" */

static size_t
pg_date_at(const char *t, size_t len, size_t pos, int *month_only)
{
    size_t  n;

    *month_only = 0;

    if (pg_isdigit(t[pos])) {
        if (!pg_num_start(t, pos)) {
            return 0;
        }

        n = pg_date_numeric(t, len, pos);
        if (n) {
            return n;
        }

        /* a holiday, a weekday and a month start with a letter */
        n = pg_date_day_month(t, len, pos);

        return n ? n : pg_date_day_alone(t, len, pos);
    }

    if (!pg_date_first_word(t, len, pos)) {
        return 0;
    }

    return pg_date_written(t, len, pos, month_only);
}


/* whether the word at pos is one of pg_date_first_words[] */

static int
pg_date_first_word(const char *t, size_t len, size_t pos)
{
    char         w[PG_DATE_WORD_MAX + 1];
    size_t       n;
    const char  *key;

    for (n = 0; pos + n < len && pg_isalnum(t[pos + n]); n++) {
        if (n == PG_DATE_WORD_MAX || !pg_isalpha(t[pos + n])) {
            return 0;
        }

        w[n] = (char) pg_tolower(t[pos + n]);
    }

    w[n] = '\0';
    key = w;

    return bsearch(&key, pg_date_first_words,
                   sizeof(pg_date_first_words) / sizeof(char *),
                   sizeof(char *), pg_date_word_cmp)
           != NULL;
}


static int
pg_date_word_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}


static size_t
pg_date_numeric(const char *t, size_t len, size_t pos)
{
    unsigned long  a, b, y;
    pg_groups_t    g;

    if (pg_digit_groups(t, len, pos, "/-.", 3, &g) < 2
        || !pg_num_end(t, len, g.end))
    {
        return 0;
    }

    if (g.n == 3 && g.sep[1] == g.sep[2]) {
        a = pg_digits_value(t, g.off[0], g.len[0]);
        b = pg_digits_value(t, g.off[1], g.len[1]);
        y = pg_digits_value(t, g.off[2], g.len[2]);

        if (g.len[0] == 4 && g.len[1] <= 2 && g.len[2] <= 2) {
            /* YYYY-MM-DD */
            return a >= PG_DATE_YEAR_MIN && a <= PG_DATE_YEAR_MAX
                   && pg_date_valid(b, y) ? g.end - pos : 0;
        }

        if (g.len[0] <= 2 && g.len[1] <= 2
            && (g.len[2] == 2
                || (g.len[2] == 4 && y >= PG_DATE_YEAR_MIN
                    && y <= PG_DATE_YEAR_MAX))
            && (pg_date_valid(a, b) || pg_date_valid(b, a)))
        {
            return g.end - pos;
        }

        return 0;
    }

    /* M/D; a dash only for M-D with no third group ("4-8" is a range of
     * ages as often as a date: the cue decides) */
    if (g.n == 2 && (g.sep[1] == '/' || g.sep[1] == '-')
        && g.len[0] <= 2 && g.len[1] <= 2
        && !(g.sep[1] == '-' && pg_date_am_pm(t, len, g.end)))
    {
        a = pg_digits_value(t, g.off[0], g.len[0]);
        b = pg_digits_value(t, g.off[1], g.len[1]);

        if (pg_date_valid(a, b)) {
            return g.end - pos;
        }
    }

    return 0;
}


static size_t
pg_date_written(const char *t, size_t len, size_t pos, int *month_only)
{
    int       word;
    size_t    i, n, b, m;
    unsigned  month, day;

    i = pos;

    /* "Christmas Eve", "New Year's Day (2024)"; "the Thanksgiving food
     * drive" names an event */
    n = pg_when_holiday(t, len, i, &month, &day);
    if (n) {
        return pg_cue_after(t, len, i + n, 1, PG_CUE_MAX,
                            pg_date_holiday_events)
               ? 0 : n + pg_date_year_after(t, len, i + n);
    }

    /* "Monday, March 3": the weekday is part of the date; "Tuesday the
     * 12th": a day of the month with no month */
    n = pg_cues_at(t, len, i, pg_date_weekdays, NULL);
    if (n) {
        b = n;

        if (i + b < len && t[i + b] == '.') {
            b++;
        }

        if (i + b < len && t[i + b] == ',') {
            b++;
        }

        while (i + b < len && t[i + b] == ' ' && b < n + 4) {
            b++;
        }

        m = pg_cue_at(t, len, i + b, "the ");

        if (m) {
            /* "Tuesday the 12th", "Tuesday the 12th of March" */
            i += b + m;
            n = pg_date_day_any(t, len, i, &day, &word);

            if (n == 0) {
                return 0;
            }

            m = pg_date_written(t, len, i, month_only);
            *month_only = 0;

            return i + (m > n ? m : n) - pos;
        }

        if (pg_date_month(t, len, i + b, &month) == 0
            && pg_date_day(t, len, i + b, &day) == 0)
        {
            return 0;
        }

        i += b;
    }

    n = pg_date_month(t, len, i, &month);

    if (n == 0) {
        n = pg_date_day_month(t, len, i);
        n = n ? n : pg_date_day_alone(t, len, i);
        return n ? i + n - pos : 0;
    }

    /* March 3, Mar. 3rd, 2024, June the 3rd, August twentieth */
    i += n;
    b = 0;

    while (i + b < len && t[i + b] == ' ' && b < 4) {
        b++;
    }

    if (b) {
        b += pg_cue_at(t, len, i + b, "the ");
    }

    n = b ? pg_date_day_any(t, len, i + b, &day, &word) : 0;

    if (n == 0) {
        /* "March 2024" or "March": the month alone */
        if (b && pg_date_year(t, len, i + b)) {
            i += b + 4;
        }

        *month_only = 1;
        return i - pos;
    }

    i += b + n;

    if (!pg_date_valid(month, day)) {
        return 0;
    }

    return i + pg_date_year_after(t, len, i) - pos;
}


/*
 * A date with its day first: 3 March 2024, 3rd of March, the fourteenth
 * of March, the 28th of this month; its length, 0: none.  The only
 * written date that starts with a digit.
 */

static size_t
pg_date_day_month(const char *t, size_t len, size_t pos)
{
    int       word, year;
    size_t    i, n, b, m;
    unsigned  month, day;

    i = pos;

    /* "5 de mayo (de 2025)", "14 f\xc3\xa9vrier", "2. November" */
    n = pg_when_day_first(t, len, i, &year);
    if (n) {
        return n;
    }

    n = pg_date_day_any(t, len, i, &day, &word);
    if (n == 0) {
        return 0;
    }

    i += n;
    b = 0;

    while (i + b < len && t[i + b] == ' ' && b < 4) {
        b++;
    }

    if (b == 0) {
        return 0;
    }

    i += b;
    n = pg_cue_at(t, len, i, "of ");

    if (n == 0 && word) {
        /* "first March" is no date; "the first of March" is */
        return 0;
    }

    i += n;

    m = n ? pg_cues_at(t, len, i, pg_date_this_month, NULL) : 0;

    if (m) {
        /* "the 28th of this month": a day of a month the reader knows */
        return i + m - pos;
    }

    n = pg_date_month(t, len, i, &month);
    if (n == 0) {
        return 0;
    }

    i += n;

    if (!pg_date_valid(month, day)) {
        return 0;
    }

    return i + pg_date_year_after(t, len, i) - pos;
}


/*
 * A day with no month after "on the": "surgery on the 12th went well",
 * "admitted ... on the 3rd, ...": its length, 0: none.  The day has its
 * ordinal suffix ("12th") or is a word from "third" on, and its clause
 * ends or goes on after it ("on the 12th floor" is a place, "on the
 * first day" no date).
 */

static size_t
pg_date_day_alone(const char *t, size_t len, size_t pos)
{
    int       word;
    size_t    n, w;
    unsigned  day;

    /* most numbers have no ordinal suffix ("12th", "3rd") */
    if (pg_isdigit(t[pos])) {
        n = pos + 1 < len && pg_isdigit(t[pos + 1]) ? 2 : 1;

        if (pos + n >= len || !pg_isalpha(t[pos + n])) {
            return 0;
        }
    }

    n = pg_date_day_any(t, len, pos, &day, &word);

    if (n == 0 || (word ? day < 3 : !pg_isalpha(t[pos + n - 1]))) {
        return 0;
    }

    w = pg_back_words(t, pos, 2, 16);

    if (w == pos || pg_cue_at(t, pos, w, "on the ") != pos - w) {
        return 0;
    }

    if (pos + n == len
        || (t[pos + n] != ' ' && !pg_isalnum(t[pos + n])
            && t[pos + n] != '-' && t[pos + n] != '/'))
    {
        return n;
    }

    return t[pos + n] == ' '
           && pg_cues_at(t, len, pos + n + 1, pg_date_day_after, NULL)
           ? n : 0;
}


/* ", 2024" or " 2024" after a date: its length, 0: none */

static size_t
pg_date_year_after(const char *t, size_t len, size_t pos)
{
    size_t  b;

    b = 0;

    if (pos + b < len && t[pos + b] == ',') {
        b++;
    }

    while (pos + b < len && t[pos + b] == ' ' && b < 4) {
        b++;
    }

    return b && pg_date_year(t, len, pos + b) ? b + 4 : 0;
}


/* a day in digits ("3", "3rd") or an ordinal word ("third"): its
 * length, *word set for the word */

static size_t
pg_date_day_any(const char *t, size_t len, size_t pos, unsigned *day,
    int *word)
{
    size_t  n;

    *word = 0;
    n = pg_date_day(t, len, pos, day);

    /* "admitted June " may end the text right after its blanks */
    if (n == 0 && pos < len && pg_isalpha(t[pos])) {
        n = pg_when_day_word(t, len, pos, day);
        *word = n != 0;
    }

    return n;
}


static size_t
pg_date_month(const char *t, size_t len, size_t pos, unsigned *month)
{
    size_t  k, n;

    n = pg_cues_at(t, len, pos, pg_date_months, &k);
    if (n == 0) {
        return 0;
    }

    /* "may" and "mar" in lower case are words more often than months */
    if (n <= 3 && (t[pos] < 'A' || t[pos] > 'Z')) {
        return 0;
    }

    if (k == 8 && (t[pos] < 'A' || t[pos] > 'Z')) {
        return 0;
    }

    *month = k == 24 ? 9 : (unsigned) (k / 2 + 1);

    /* "Feb." keeps its dot; "August." ends a sentence */
    if (n <= 4 && pos + n < len && t[pos + n] == '.') {
        n++;
    }

    return n;
}


static size_t
pg_date_day(const char *t, size_t len, size_t pos, unsigned *day)
{
    int     a, b;
    size_t  n;

    n = pg_digit_run(t, len, pos, 3);
    if (n == 0 || n > 2 || !pg_word_start(t, pos)) {
        return 0;
    }

    *day = (unsigned) pg_digits_value(t, pos, n);

    if (pos + n + 1 < len && pg_isalpha(t[pos + n])) {
        a = pg_tolower(t[pos + n]);
        b = pg_tolower(t[pos + n + 1]);

        if (!((a == 's' && b == 't') || (a == 'n' && b == 'd')
              || (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
        {
            return 0;
        }

        n += 2;
    }

    if (!pg_word_end(t, len, pos + n)) {
        return 0;
    }

    /* "March 3:30 pm", "Jun 12-18": a time or a range, not a day alone */
    if (pos + n + 1 < len && t[pos + n] == ':' && pg_isdigit(t[pos + n + 1]))
    {
        return 0;
    }

    return n;
}


static size_t
pg_date_year(const char *t, size_t len, size_t pos)
{
    unsigned long  y;

    if (pg_digit_run(t, len, pos, 5) != 4 || !pg_word_start(t, pos)
        || !pg_num_end(t, len, pos + 4))
    {
        return 0;
    }

    y = pg_digits_value(t, pos, 4);

    return y >= PG_DATE_YEAR_MIN && y <= PG_DATE_YEAR_MAX ? 4 : 0;
}


static int
pg_date_valid(unsigned month, unsigned day)
{
    static const unsigned char  days[12] = {
        31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };

    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}


/* the confidence the words around the date [pos, end) give, 0: none */

static unsigned
pg_date_cue(const char *t, size_t len, size_t pos, size_t end,
    int month_only)
{
    size_t  w, i, m, n;

    /* a birth date is DOB's; "gave birth on <date>" is the mother's
     * delivery, a date of her care */
    if ((pg_cue_before(t, pos, 3, 32, pg_date_birth)
         && !pg_cue_before(t, pos, 3, 32, pg_date_delivery))
        || pg_date_birth_of(t, pos))
    {
        return 0;
    }

    if (month_only) {
        /* "admitted in March (2024)": the verb, "in", the month */
        if (pos < 3 || pg_cue_at(t, pos, pos - 3, "in ") != 3) {
            return 0;
        }

        return pg_cue_before(t, pos - 3, 2, 32, pg_date_month_verbs)
               ? 60 : 0;
    }

    if (pg_date_verb_before(t, len, pos) || pg_date_passed(t, pos)) {
        return 85;
    }

    /* an event noun before the date (before a change of date: "the
     * colonoscopy ... was rescheduled to 3/18"), a person next to it; on
     * the date's line when hours follow the date: a flyer's schedule
     * line ("Sat Dec 12 · 4-8 pm") is its event's, not the care the
     * line before names ("fighting leukemia") */
    w = pg_back_words(t, pg_date_moved(t, pos), PG_DATE_NOUN_BACK,
                      PG_DATE_BYTES);

    if (pg_date_hours(t, len, end)) {
        w = pg_date_line(t, w, pos);
    }

    for (i = w; i < pos; i++) {

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        m = pg_cues_at(t, pos, i, pg_date_nouns, NULL);

        if (m == 0) {
            /* "her appendectomy on 1/30": a health word of the lexicon */
            if (pg_lex_word_at(t, pos, i, &n) & PG_LEX_HEALTH) {
                m = n;
            }
        }

        /* the person around the noun, not the noun: "Whipple" is also a
         * surname ("the Whipple Museum gala on the 17th") */
        if (m
            && (pg_date_mine(t, i)
                || pg_date_person(t, pg_back_words(t, i, PG_DATE_PERSON, 64),
                                  i)
                || pg_date_person(t, i + m,
                                  i + m + 16 < pos ? i + m + 16 : pos)))
        {
            return 80;
        }
    }

    /* "On March 3, Mrs. Chen was admitted"; "hatte am 2. November ihren
     * Herzkatheter" */
    if (pg_date_verb_after(t, len, end,
                           pg_date_on(t, pos) && !pg_date_hours(t, len, end)
                           && !pg_cue_before(t, pos, PG_DATE_BACK,
                                             PG_DATE_BYTES, pg_date_birth)))
    {
        return 80;
    }

    return 0;
}


/* "the birth of twins <given> and <given> on <date at pos>": DOB's */

static int
pg_date_birth_of(const char *t, size_t pos)
{
    size_t  i, n;

    /* "on" right before the date, as pg_when_birth_of() ends */
    i = pg_back_words(t, pos, 1, 8);

    if (i == pos || pg_cue_at(t, pos, i, "on ") != pos - i) {
        return 0;
    }

    for (i = pg_back_words(t, pos, 10, 80); i < pos; i++) {

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        n = pg_cue_at(t, pos, i, "birth of");

        if (n != 0 && i + n + pg_when_birth_of(t, pos, i + n) == pos) {
            return 1;
        }
    }

    return 0;
}


/* the start of a change of date right before pos ("was rescheduled
 * to", "moved to"), pos when there is none */

static size_t
pg_date_moved(const char *t, size_t pos)
{
    size_t  i, n;

    /* every change of date ends with one of these words */
    i = pg_back_words(t, pos, 1, 8);

    if (i == pos || pg_cues_at(t, pos, i, pg_date_move_ends, NULL) != pos - i)
    {
        return pos;
    }

    for (i = pg_back_words(t, pos, 3, 32);
         (i = pg_cues_next(t, pos, i, pg_date_moves, &n)) < pos;
         i++)
    {
        for (n += i; n < pos && t[n] == ' '; n++) {
            /* void */
        }

        if (n == pos) {
            return i;
        }
    }

    return pos;
}


/* a person among the words [from, to) */

static int
pg_date_person(const char *t, size_t from, size_t to)
{
    int       poss;
    size_t    i, n;
    unsigned  lex;

    for (i = from; i < to; i++) {

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        if (pg_cues_at(t, to, i, pg_date_people, NULL)
            || (t[i] >= 'a' && t[i] <= 'z'
                && pg_cues_at(t, to, i, pg_date_relatives, NULL))
            || pg_date_who(t, i)
            || (pg_cue_at(t, to, i, "your") && pg_date_addressed(t, i)))
        {
            return 1;
        }

        for (n = 0; i + n < to && (pg_isalpha(t[i + n]) || t[i + n] == '\'');
             n++)
        {
            /* void */
        }

        /* "Dr. Chen's surgery schedule": staff, not a patient */
        if (i >= 3 && pg_cue_at(t, i, pg_back_words(t, i, 1, 8), "dr")) {
            i += n;
            continue;
        }

        if (t[i] >= 'A' && t[i] <= 'Z') {
            /* "Maria's surgery": any name; "surgery for Tom Baker": a
             * name that is not also a common word */
            poss = n > 2 && t[i + n - 2] == '\''
                   && pg_tolower(t[i + n - 1]) == 's';

            lex = pg_lex_lookup(t + i, poss ? n - 2 : n);

            if ((lex & (PG_LEX_NAME | PG_LEX_STAFF | PG_LEX_HEALTH))
                == PG_LEX_NAME
                && (poss || !(lex & PG_LEX_COMMON)))
            {
                return 1;
            }
        }

        i += n;
    }

    return 0;
}


/* an event verb after the date, in its sentence; when own, a person's
 * own event too ("her surgery") */

static int
pg_date_verb_after(const char *t, size_t len, size_t pos, int own)
{
    size_t  i, n, words;

    words = 0;

    for (i = pos; i < len && i - pos < PG_DATE_BYTES; i++) {

        if (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == '\n') {
            /* "Mrs. Chen": an abbreviation's dot goes on */
            if (t[i] != '.' || i < 2 || !pg_isalpha(t[i - 1])
                || (pg_isalpha(t[i - 2]) && i >= 3 && pg_isalpha(t[i - 3])
                    && !(pg_tolower(t[i - 3]) == 'm'
                         && pg_tolower(t[i - 2]) == 'r'
                         && pg_tolower(t[i - 1]) == 's')))
            {
                return 0;
            }
        }

        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        if (++words > PG_DATE_AFTER) {
            return 0;
        }

        n = pg_cues_at(t, len, i, pg_date_verbs, NULL);

        if ((n != 0 && !pg_date_its(t, len, i + n))
            || (own && pg_date_own_event(t, len, i)))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * The date at pos opens a phrase of time ("on 3/4", "am 2. November",
 * "le 14 mars", "el 5 de mayo"): the clause it is in is the event's.
 */

static int
pg_date_on(const char *t, size_t pos)
{
    size_t  w, k;

    /* "on 3/4", "on the 2nd of February" */
    for (k = 1; k <= 2; k++) {
        w = pg_back_words(t, pos, k, 16);

        if (w < pos
            && pg_cues_at(t, pos, w, pg_date_on_words, NULL) == pos - w)
        {
            return 1;
        }
    }

    return 0;
}


/*
 * A possessive at i and an event noun or a health word right after it:
 * "ihren Herzkatheter", "her surgery"; a person's own care.
 */

static int
pg_date_own_event(const char *t, size_t len, size_t i)
{
    size_t  n;

    size_t  k, which;

    n = pg_cues_at(t, len, i, pg_date_possessives, &which);
    if (n == 0) {
        return 0;
    }

    /* "had a heart attack": the health word may be the second word */
    for (k = 0; k < (pg_date_possessives[which][0] == 'h'
                     && pg_date_possessives[which][1] == 'a' ? 2 : 1); k++)
    {
        for (i += n; i < len && t[i] == ' '; i++) {
            /* void */
        }

        if (pg_cues_at(t, len, i, pg_date_nouns, NULL) != 0
            || (pg_lex_word_at(t, len, i, &n) & PG_LEX_HEALTH))
        {
            return 1;
        }

        if (n == 0) {
            return 0;
        }
    }

    return 0;
}


/*
 * An event verb in the words before the date at pos, not one an
 * institution does ("the hospital admitted its first patient on ...").
 */

static int
pg_date_verb_before(const char *t, size_t len, size_t pos)
{
    size_t  i, n;

    for (i = pg_back_words(t, pos, PG_DATE_BACK, PG_DATE_BYTES);
         (i = pg_cues_next(t, pos, i, pg_date_verbs, &n)) < pos;
         i++)
    {
        if (!pg_date_its(t, len, i + n)) {
            return 1;
        }
    }

    return 0;
}


/*
 * "admitted its first patient", "admitted its 100,000th": "its" after
 * the verb ending at pos makes the verb an institution's, its history
 * and no person's care.
 */

static int
pg_date_its(const char *t, size_t len, size_t pos)
{
    return pos < len && t[pos] == ' ' && pg_cue_at(t, len, pos + 1, "its");
}


/*
 * "Rest easy, Mr. <surname>. ... Passed 11/12/26.": "passed [on]" right
 * before the date at pos, opening its sentence or line (a memorial's
 * line) or after a person ("Mr. <surname> passed 11/12"); "the levy
 * passed 11/5" is none.
 */

static int
pg_date_passed(const char *t, size_t pos)
{
    size_t  w, v;

    w = pg_back_words(t, pos, 1, 16);

    if (w < pos && pg_cue_at(t, pos, w, "on ") == pos - w) {
        v = w;
        w = pg_back_words(t, v, 1, 16);

    } else {
        v = pos;
    }

    if (w == v || pg_cue_at(t, v, w, "passed ") != v - w) {
        return 0;
    }

    for (v = w; v > 0 && t[v - 1] == ' '; v--) {
        /* void */
    }

    if (v == 0 || t[v - 1] == '.' || t[v - 1] == '!' || t[v - 1] == '?'
        || t[v - 1] == '\n')
    {
        return 1;
    }

    return pg_date_person(t, pg_back_words(t, w, 3, 48), w);
}


/* the start of the line that holds pos, from at the earliest */

static size_t
pg_date_line(const char *t, size_t from, size_t pos)
{
    size_t  i;

    for (i = pos; i > from; i--) {
        if (t[i - 1] == '\n') {
            return i;
        }
    }

    return from;
}


/*
 * Hours after a date ending at pos: "Sat Dec 12 · 4-8 pm", "Thursday
 * 2/19, 4-7pm", "October 12, 9am-1pm", "June 1, 1:30 PM": separators, a
 * time, and "am" or "pm" after it or after the range's end.
 */

static int
pg_date_hours(const char *t, size_t len, size_t pos)
{
    size_t  i, n, k;

    for (i = pos; i < len && i - pos < 8
                  && (t[i] == ' ' || t[i] == ',' || t[i] == '-'
                      || t[i] == '|' || (unsigned char) t[i] >= 0x80);
         i++)
    {
        /* void */
    }

    i += pg_cue_at(t, len, i, "from ");
    i += pg_cue_at(t, len, i, "at ");

    /* "4", "4:30", then "-8" or "-8:30" at most once */
    for (k = 0; k < 2; k++) {
        n = pg_digit_run(t, len, i, 3);

        if (n == 0 || n > 2 || !pg_word_start(t, i)) {
            return 0;
        }

        i += n;

        if (i + 2 < len && t[i] == ':' && pg_digit_run(t, len, i + 1, 3) == 2)
        {
            i += 3;
        }

        if (pg_date_am_pm(t, len, i)) {
            return 1;
        }

        if (i >= len || t[i] != '-') {
            return 0;
        }

        i++;
    }

    return 0;
}


/* "am", "pm", "a.m.", "p.m." at pos, after at most two blanks */

static int
pg_date_am_pm(const char *t, size_t len, size_t pos)
{
    size_t  i;

    for (i = pos; i < len && i - pos < 2 && t[i] == ' '; i++) {
        /* void */
    }

    return i + 1 < len
           && (pg_tolower(t[i]) == 'a' || pg_tolower(t[i]) == 'p')
           && (pg_tolower(t[i + 1]) == 'm'
               || (t[i + 1] == '.' && i + 2 < len
                   && pg_tolower(t[i + 2]) == 'm'))
           && pg_word_end(t, len, t[i + 1] == '.' ? i + 3 : i + 2);
}


/*
 * "Kenji <surname>, who woke from a 3-week coma on 12/1": "who" at i
 * after a comma and a name of the lexicon (capitalised, not in
 * capitals, no word of health or staff), which "who" makes a person's;
 * not after "Dr." ("Dr. <name>, who joins our surgery practice").
 */

static int
pg_date_who(const char *t, size_t i)
{
    size_t  x, n;

    if (t[i] != 'w' || i < 4 || t[i - 1] != ' ' || t[i - 2] != ','
        || pg_cue_at(t, i + 3, i, "who") != 3)
    {
        return 0;
    }

    x = pg_back_words(t, i - 2, 1, PG_CUE_MAX);

    if (x + 2 > i - 2 || t[x] < 'A' || t[x] > 'Z' || t[x + 1] < 'a'
        || t[x + 1] > 'z'
        || (pg_lex_word_at(t, i - 2, x, &n)
            & (PG_LEX_NAME | PG_LEX_STAFF | PG_LEX_HEALTH)) != PG_LEX_NAME)
    {
        return 0;
    }

    return x < 3 || !pg_cue_at(t, x, pg_back_words(t, x, 1, 8), "dr");
}


/*
 * "your" at i in a letter to a named person ("Dear Ms. <surname>, ...
 * after your hip surgery on October 28", a reply to a patient's review):
 * the reader is that person, not marketing's reader; a line that opens
 * with the salutation in the PG_DATE_LETTER bytes before i.
 */

static int
pg_date_addressed(const char *t, size_t i)
{
    size_t  j;

    for (j = i > PG_DATE_LETTER ? i - PG_DATE_LETTER : 0; j < i; j++) {

        if ((j == 0 || t[j - 1] == '\n')
            && pg_cues_at(t, i, j, pg_date_salutations, NULL))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * "my" right before the event noun at i: the writer's own care ("my
 * mammogram results from Dec 1", a commenter); further away "my" is
 * too often another thing's ("my phone is dead. The rehab gym ...").
 */

static int
pg_date_mine(const char *t, size_t i)
{
    return i >= 3 && t[i - 1] == ' '
           && pg_cue_at(t, i - 1, i - 3, "my") == 2;
}
