/*
 * Copyright (C) phigate authors
 *
 * NAME in a hashtag of support: "#DeshawnStrong", "#PrayForMaya",
 * "#TeamLiam", "#Pray4Ana", "#AnaWarrior".  A unit rallying behind a
 * patient writes the patient's given name into a tag that the word
 * rules of pg_detect_name.c read as one unknown word.  The tag is a
 * support prefix or suffix around one word of the names lexicon that is
 * not also a common word, so "#BostonStrong", "#ArmyStrong",
 * "#NurseStrong", "#TeamMercy" and "#PrayForRain" stay clean.  The
 * finding covers the name inside the tag.
 */


#include <string.h>
#include <strings.h>

#include "pg_detect_name_tag.h"
#include "pg_lexicon.h"
#include "pg_text.h"


/* the longest tag read, and the shortest name in one */
#define PG_TAG_MAX        48
#define PG_TAG_NAME_MIN   3

/* confidence: a name, in a tag that says the person is fighting */
#define PG_TAG_CONF       80


static size_t pg_tag_name(const char *tag, size_t n, size_t *off);
static int pg_tag_is_name(const char *w, size_t n);


/* before the name: "#PrayForMaya", "#Pray4Maya", "#TeamMaya" */
static const char *const  pg_tag_prefixes[] = {
    "prayersfor", "prayfor", "pray4", "praying4", "prayingfor",
    "standwith", "teamfor", "team", NULL
};

/* after the name: "#MayaStrong", "#MayasFight", "#MayaWarrior" */
static const char *const  pg_tag_suffixes[] = {
    "strong", "warrior", "tough", "sfight", "fight", "sarmy", "army",
    "nation", "brave", NULL
};


pg_status_t
pg_name_tags(const pg_scan_t *s, pg_findings_t *out)
{
    size_t       n, off, m;
    const char  *p, *q, *end;
    pg_status_t  st;

    end = s->text + s->len;

    for (p = memchr(s->text, '#', s->len); p != NULL;
         p = memchr(q, '#', (size_t) (end - q)))
    {
        q = p + 1;

        if (p > s->text && pg_isalnum(p[-1])) {
            /* "C#", "Room#4": no tag */
            continue;
        }

        for (n = 0; q + n < end && pg_isalnum(q[n]); n++) {
            /* void */
        }

        /* a tag's letters and digits hold no '#': search on after them */
        q += n;

        if (n > PG_TAG_MAX) {
            continue;
        }

        m = pg_tag_name(p + 1, n, &off);

        if (m != 0) {
            st = pg_findings_add(out, s->arena, PG_T_NAME, s->field,
                                 (size_t) (p + 1 - s->text) + off, m,
                                 PG_TAG_CONF);
            if (st != PG_OK) {
                return st;
            }
        }
    }

    return PG_OK;
}


/*
 * The name in the tag's n bytes (no '#'): its length, its offset in
 * *off; 0 when the tag is no support tag around a name.
 */

static size_t
pg_tag_name(const char *tag, size_t n, size_t *off)
{
    size_t  k, c;

    for (k = 0; pg_tag_suffixes[k] != NULL; k++) {
        c = strlen(pg_tag_suffixes[k]);

        if (n >= c + PG_TAG_NAME_MIN
            && strncasecmp(tag + n - c, pg_tag_suffixes[k], c) == 0
            && pg_tag_is_name(tag, n - c))
        {
            *off = 0;
            return n - c;
        }
    }

    for (k = 0; pg_tag_prefixes[k] != NULL; k++) {
        c = strlen(pg_tag_prefixes[k]);

        if (n >= c + PG_TAG_NAME_MIN
            && strncasecmp(tag, pg_tag_prefixes[k], c) == 0
            && pg_tag_is_name(tag + c, n - c))
        {
            *off = c;
            return n - c;
        }
    }

    return 0;
}


/* w is one given name or surname of the lexicon and no common word */

static int
pg_tag_is_name(const char *w, size_t n)
{
    size_t    k;
    unsigned  f;

    /* letters only: the word of letters at w is all of it */
    f = pg_lex_word_at(w, n, 0, &k);

    return k == n
           && (f & (PG_LEX_NAME | PG_LEX_COMMON | PG_LEX_HEALTH
                    | PG_LEX_STAFF)) == PG_LEX_NAME;
}
