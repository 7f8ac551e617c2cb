/*
 * Copyright (C) phigate authors
 *
 * Names of patients and their relatives.  A name alone is not PHI: the
 * hospital names its doctors, donors and employees every day.  A finding
 * needs three things:
 *
 *   1. a person name: one to four capitalised words, at least one of them
 *      a given name or surname of the names dataset (src/pg_lexicon.h).
 *      A name that is also a common English word ("Grace", "Hope",
 *      "Baker") is "weak": alone it counts only after a direct cue;
 *   2. evidence that the person is a patient or a patient's relative, in
 *      decreasing strength: a direct cue right before it ("patient",
 *      "Mr./Mrs./Ms./Mx.", "visiting", "family/daughter/... of", "prayers
 *      for", "get well soon"), a possessive with a health, family or room
 *      word after it ("Emily's chemo"), a room or bed number or a story
 *      to share after it, a health word in the same sentence, or a health
 *      word nearby for a full name;
 *   3. no staff context: a staff title or role right before or after the
 *      name ("Dr.", "nurse", ", RN", ", our new CEO") always wins; staff,
 *      donor or event phrases in the post ("joins our team", "welcome",
 *      "physician of the year", "donor") cancel the weaker evidence.
 *
 * The text is cut into words once, from the pre-pass's words (pg_scan.h),
 * in chunks of at most PG_NAME_TOKS words that end at a sentence where
 * possible; every look-around is a bounded number of words, so the
 * detector is linear in the text.
 */


#include <string.h>

#include <utf8proc.h>

#include "pg_detect.h"
#include "pg_detect_name_tag.h"
#include "pg_detect_geo.h"
#include "pg_lexicon.h"
#include "pg_own_care.h"
#include "pg_text.h"
#include "pg_wordset.h"


#define PG_NAME_TOKS      256     /* words per chunk */
#define PG_NAME_SPAN      4       /* words in a name */
#define PG_NAME_NEAR      8       /* words to a health word, one sentence */
#define PG_NAME_WINDOW    30      /* words to a health word, full names */
#define PG_NAME_ROOM      16      /* words to a room or bed, one sentence */
#define PG_NAME_TOKLEN    64      /* longest word kept; longer: no class */
#define PG_NAME_STAFF_MAX 16      /* staff name words remembered */
#define PG_NAME_MEMO_MAX  4096    /* words remembered (a power of two) */
#define PG_NAME_MEMO_MIN  16
#define PG_NAME_VI_CPS    16      /* code points of a surname read */

/* confidences by evidence */
#define PG_NAME_C_DIRECT  90
#define PG_NAME_C_POSS    85
#define PG_NAME_C_AFTER   80
#define PG_NAME_C_BEFORE  75
#define PG_NAME_C_WINDOW  65

#define pg_isupper(ch)    ((ch) >= 'A' && (ch) <= 'Z')
/* a byte of a word: ASCII letter or digit, or any non-ASCII byte */
#define pg_name_wc(ch)    (pg_isalnum(ch) || (ch) >= 0x80)

/* word i (without "'s") is w, a string literal, case-insensitively */
#define pg_name_is(c, i, w)  pg_name_eq(c, i, "" w "", sizeof(w) - 1)


/* the word lists below, bit k of a word's pg_tok_t.words for list k */
enum {
    PG_NAME_L_ABBREVS = 0,
    PG_NAME_L_ROLE_FILL,
    PG_NAME_L_CLAUSE,
    PG_NAME_L_HONORIFICS,
    PG_NAME_L_PATIENT,
    PG_NAME_L_RELATIVES,
    PG_NAME_L_POSS_WORDS,
    PG_NAME_L_RECORDS,
    PG_NAME_L_OWNERS,
    PG_NAME_L_BIRTHS,
    PG_NAME_L_SUPPORT,
    PG_NAME_L_AGES,
    PG_NAME_L_THINGS,
    PG_NAME_L_PLACES,
    PG_NAME_L_ROOMS,
    PG_NAME_L_WARDS,
    PG_NAME_L_SERVICES,
    PG_NAME_L_NEVER,
    PG_NAME_L_FILLERS,
    PG_NAME_L_TITLES,
    PG_NAME_L_KIN_ADJ,
    PG_NAME_L_VENUE_LABELS,
    PG_NAME_L_OURS,
    PG_NAME_L_KIN_OURS,
    PG_NAME_L_WELCOME,
    PG_NAME_L_HOLDERS,
    PG_NAME_L_PERSONS,
    PG_NAME_L_ROLE_VERBS,
    PG_NAME_L_DONS,
    PG_NAME_L_FRIENDS
};


typedef struct {
    size_t         off;
    size_t         len;        /* the whole word, "'s" included */
    size_t         blen;       /* without a possessive "'s" */
    /* found when first asked (pg_name_lex(), pg_name_in()): most words
     * are never asked about */
    unsigned       lex;        /* PG_LEX_* of the word (without "'s") */
    uint32_t       words;      /* the lists (PG_NAME_L_*) it is in */
    unsigned       sent;       /* sentence number in the chunk */
    /* flags, a byte each: a bit field costs a read for every write */
    unsigned char  cap;        /* begins with an upper-case letter */
    unsigned char  lower;      /* begins with a lower-case letter */
    unsigned char  digit;      /* begins with a digit */
    unsigned char  poss;       /* ends in "'s" */
    unsigned char  comma;      /* a comma between this word and the next */
    unsigned char  paren;      /* a "(" between this word and the next */
    unsigned char  dot;        /* a "." right after the word */
    unsigned char  gap;        /* only blanks up to the next word */
    unsigned char  room;       /* pg_name_room(): 1 "room 4", 2 "4 West" */
    unsigned char  cls;        /* lex and words are known */
} pg_tok_t;


/* the classes of a word of up to 8 bytes, as pg_name_classify() found */
typedef struct {
    uint64_t       head;       /* the word folded (pg_lex_fold()) */
    uint8_t        len;        /* 0: an empty entry */
    uint8_t        lex;
    uint32_t       words;
} pg_name_memo_t;


typedef struct {
    const char    *t;
    size_t         len;
    pg_tok_t       tok[PG_NAME_TOKS];
    size_t         n;
    /* the words where a name may start, ascending: capitalised, or in
     * lower case after what may be a direct cue (pg_name_cue_may());
     * in a chunk in lower case every word of letters */
    uint16_t       cand[PG_NAME_TOKS];
    size_t         ncand;
    /* staff, donor or event phrase in the chunk: 1, 0, -1: not known
     * yet (found when a name first needs it, pg_name_staff_ctx()) */
    int            staff_ctx;
    int            lower_ctx;  /* the chunk has no Title-case word */
    /* the words of names that a staff title made staff, so that "Marcus
     * Oyelaran, RN ... Marcus has cared for patients" stays staff */
    size_t         staff_off[PG_NAME_STAFF_MAX];
    size_t         staff_len[PG_NAME_STAFF_MAX];
    size_t         nstaff;
    /* the classes of short words met in the text, by hash: a text says
     * "the", "and", "patient" again and again, and each lookup in the
     * word table is a cache miss */
    pg_name_memo_t *memo;
    size_t         memo_mask;
    /* the words where a staff phrase, a consent phrase may start, found
     * when first needed (text NULL: not yet; cues NULL: none known) */
    const pg_scan_t *scan;
    /* pg_name_cue_words once built, NULL: not (yet) */
    const pg_wordset_t *cue_words;
    pg_cands_t     staff_cands;
    pg_cands_t     consent_cands;
    /* the pre-pass's words (NULL: none, every byte is read) and the
     * first of them not before the word being cut */
    const pg_words_t *words;
    size_t         wi;
} pg_name_ctx_t;


/* not inlined: the word loop keeps its registers (cachegrind: -9%) */
static size_t pg_name_tokenize(pg_name_ctx_t *c, size_t pos)
    __attribute__((noinline));
static int pg_name_between(pg_name_ctx_t *c, pg_tok_t *k, size_t *j);
static void pg_name_room(pg_name_ctx_t *c, size_t i);
static int pg_name_starts(const char *t, size_t pos);
static void pg_name_cut(pg_name_ctx_t *c, pg_tok_t *k);
static void pg_name_shape(pg_name_ctx_t *c, pg_tok_t *k);
static void pg_name_first(pg_name_ctx_t *c, pg_tok_t *k);
static void pg_name_words_from(pg_name_ctx_t *c, size_t pos);
static void pg_name_classify(pg_name_ctx_t *c, pg_tok_t *k)
    __attribute__((noinline));
static unsigned pg_name_lex(pg_name_ctx_t *c, size_t i);
static int pg_name_cue_may(pg_name_ctx_t *c, size_t i);
static int pg_name_eq(pg_name_ctx_t *c, size_t i, const char *w,
    size_t n);
static int pg_name_in(pg_name_ctx_t *c, size_t i, unsigned list);
static size_t pg_name_span(pg_name_ctx_t *c, size_t i, int lower);
static int pg_name_caps(pg_name_ctx_t *c, size_t i);
static int pg_name_chart(pg_name_ctx_t *c, size_t i, int lower);
static int pg_name_weight_after(pg_name_ctx_t *c, size_t a);
static int pg_name_honorific(pg_name_ctx_t *c, size_t i);
static int pg_name_patient_in(pg_name_ctx_t *c, size_t from, size_t to);
static int pg_name_title(pg_name_ctx_t *c, size_t i);
static int pg_name_kin(pg_name_ctx_t *c, size_t p);
static int pg_name_board(pg_name_ctx_t *c, size_t a);
static int pg_name_dash(pg_name_ctx_t *c, size_t i);
static inline int pg_name_number(pg_name_ctx_t *c, size_t i);
static int pg_name_welcome_world(pg_name_ctx_t *c, size_t p);
static int pg_name_role_after(pg_name_ctx_t *c, size_t b);
static int pg_name_paid_in(pg_name_ctx_t *c, size_t from, size_t to);
static int pg_name_subject(pg_name_ctx_t *c, size_t p);
static int pg_name_born_to(pg_name_ctx_t *c, size_t p);
static int pg_name_care_after(pg_name_ctx_t *c, size_t a, size_t b);
static int pg_name_family_reached(pg_name_ctx_t *c, size_t f);
static int pg_name_staff(pg_name_ctx_t *c, size_t a, size_t b);
static int pg_name_own_care(pg_name_ctx_t *c, size_t b);
static void pg_name_staff_remember(pg_name_ctx_t *c, size_t a, size_t b);
static int pg_name_staff_known(pg_name_ctx_t *c, size_t a, size_t b);
static int pg_name_word_in(pg_name_ctx_t *c, size_t from, size_t to,
    unsigned sent, unsigned list);
static int pg_name_address_after(pg_name_ctx_t *c, size_t i);
static int pg_name_venue_label(pg_name_ctx_t *c, size_t i);
static int pg_name_not_person(pg_name_ctx_t *c, size_t a, size_t b);
static unsigned pg_name_direct(pg_name_ctx_t *c, size_t a, int hon);
static unsigned pg_name_judge(pg_name_ctx_t *c, size_t a, size_t b,
    int staff);
static unsigned pg_name_evidence(pg_name_ctx_t *c, size_t a,
    size_t b, int strong, int full);
static int pg_name_health_in(pg_name_ctx_t *c, size_t from,
    size_t to, unsigned sent);
static int pg_name_staff_ctx(pg_name_ctx_t *c);
static int pg_name_phrase_in(pg_name_ctx_t *c, pg_cands_t *cands,
    pg_cue_set_t *set);
static void pg_name_lower_case(pg_name_ctx_t *c);
static int pg_name_age_before(pg_name_ctx_t *c, size_t a);
static int pg_name_common_end(pg_name_ctx_t *c, size_t i);
static int pg_name_vi_words(pg_name_ctx_t *c, size_t a, size_t b);
static int pg_name_vi_surname(pg_name_ctx_t *c, size_t i);
static int pg_name_vi_spelt(const utf8proc_int32_t *w, size_t n,
    const uint16_t *cp);
static int pg_name_vi_plain(const utf8proc_int32_t *w, size_t n,
    const char *s);


/* words written with a dot that does not end a sentence */
static const char *const  pg_name_abbrevs[] = {
    "mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "prof", "rev", "no",
    "rm", "apt", "vs", NULL
};

/* words between a name's comma and a staff role: ", our new nurse" */
static const char *const  pg_name_role_fill[] = {
    "our", "a", "an", "the", "new", "senior", "head", "lead", "chief",
    "charge", "registered", "beloved", "longtime", "dedicated", "own",
    "amazing", "wonderful", "favorite", "staff",
    /* ", one of our first patients", ", our oldest patient" */
    "one", "of", "first", "oldest", "youngest", "former", NULL
};

/* words that end an apposition after a name's comma */
static const char *const  pg_name_clause[] = {
    "who", "whose", "which", "that", "was", "has", "had", "and",
    "after", "with", "for", "thanks", "thank", NULL
};

/* words right before a name that make it a patient or a relative */
static const char *const  pg_name_honorifics[] = {
    "mr", "mrs", "ms", "mx", "miss", NULL
};

static const char *const  pg_name_patient[] = {
    "patient", "pt", "patients", "visiting", "visited", "visit",
    "survivor", "paciente", "pacientes", NULL
};

/* "Patient Care Techs", "Patient Access": a department or a role after
 * "patient", not a patient's name */
static const char *const  pg_name_services[] = {
    "care", "access", "experience", "financial", "relations", "services",
    "service", "safety", "portal", "advocate", "advocacy", "navigator",
    "navigation", "transport", "transportation", "education",
    "satisfaction", "registration", "accounts", "family", "and",
    /* "Patient Name: ...": a label, the name follows it */
    "name", NULL
};

/* words whose "'s" is "is" and that open a sentence: never a name */
static const char *const  pg_name_never[] = {
    "how", "what", "that", "it", "here", "there", "who", "where", "when",
    "why", "let", "everyone", "everybody", "today", "tonight", NULL
};

/* lower-case words after a lower-case honorific that are not a name:
 * "mr. and mrs. tran" */
static const char *const  pg_name_fillers[] = {
    "and", "the", "for", "with", "was", "has", "had", "his", "her", "who",
    "our", "your", "its", "are", "not", "but", NULL
};

static const char *const  pg_name_relatives[] = {
    "family", "daughter", "son", "wife", "husband", "mother", "father",
    "mom", "dad", "mum", "sister", "brother", "grandmother", "grandfather",
    "grandson", "granddaughter", "grandma", "grandpa", "niece", "nephew",
    "aunt", "uncle", "cousin", "parents", "parent", "children", "child",
    "caregiver", "guardian", "fiance", "partner", "widow", "widower",
    "baby", "kids",
    "nana", "granny", "grandad", "granddad", "auntie", "stepmom",
    "stepdad", "stepson", "stepdaughter",
    /* "mi mamá, Rosa ...": Spanish, as posts to Hispanic communities
     * write it */
    "mama", "papa", "madre", "padre", "hijo", "hija", "esposo",
    "esposa", "hermano", "hermana", "abuela", "abuelo", "tia", "tio",
    "nieto", "nieta", "abuelita", "abuelito",
    /* "mon père, Gilles ...", "meine Oma Hildegard ...", "minha mãe":
     * French, German and Portuguese, as the communities a hospital
     * serves write to it (read without their marks: "pere", "mae") */
    "pere", "mere", "fils", "fille", "frere", "soeur", "mari", "epoux",
    "epouse", "maman", "grand-pere", "grand-mere", "oncle", "tante",
    "petit-fils", "petite-fille",
    "vater", "mutter", "sohn", "tochter", "bruder", "oma", "opa",
    "ehemann", "ehefrau", "onkel", "enkel", "enkelin", "grossmutter",
    "grossvater",
    "pai", "mae", "filho", "filha", "marido", "irmao", "irma", "avo",
    "neto", "neta",
    NULL
};

/* words after a possessive that make it a patient's */
static const char *const  pg_name_poss_words[] = {
    "room", "bed", "story", "journey", "fight", "battle", "recovery",
    "condition", "health", "care", "doctor", "doctors", "nurse", "nurses",
    "surgeon", "oncologist", "medication", "meds", "appointment", "labs",
    "results", "scan", "test", "symptoms", "treatment", "therapy",
    "prognosis", "diagnosis", "discharge", "wheelchair", "bedside",
    /* "Dana's heart stopped", "Tom's new kidney" */
    "heart", "kidney", "kidneys", "liver", "lungs", "brain", "hip",
    "knee", "spine", "blood", "leg", "legs", "arm", "eyes",
    NULL
};

/* "results for", "billing account 901 for": the name holds the record */
static const char *const  pg_name_records[] = {
    "account", "acct", "bill", "balance", "invoice", "statement",
    "results", "result", "records", "labs", "chart", "mrn", "prescription",
    "prescriptions", "refill", "claim", "paperwork", "summary", "consent",
    "wristband", "bracelet", "referral", "orders", "report", "record",
    /* "Mrs. ... 's payment", "copay for ...": paying for care */
    "payment", "payments", "copay", NULL
};

/* "Pt's wife Maria", "my grandpa Walter": whose relative before a name */
static const char *const  pg_name_owners[] = {
    "her", "his", "my", "their", "your", "mi", "su", "tu", "mis", "sus",
    "mon", "ma", "mes", "son", "sa", "ses", "meine", "mein", "meinem",
    "meiner", "meinen", "seine", "sein", "ihre", "ihr", "minha", "meu",
    "sua", "seu", NULL
};

/* "our grandson Mateo", "Our beloved mother, Imelda ...": a family
 * writes "our" as "my" (PG_NAME_L_KIN_OURS), and a hospital writes it of
 * itself ("our family of nurses", "our sister hospital") */
static const char *const  pg_name_ours[] = {
    "our", "nuestra", "nuestro", "notre", "nos", "unsere", "unser",
    "unserer", "unseren", "nossa", "nosso", NULL
};

/* the relatives a hospital never says "our" of */
static const char *const  pg_name_kin_ours[] = {
    "daughter", "son", "wife", "husband", "mother", "father", "mom", "dad",
    "mum", "grandmother", "grandfather", "grandson", "granddaughter",
    "grandma", "grandpa", "niece", "nephew", "aunt", "uncle", "nana",
    "granny", "grandad", "granddad", "stepmom", "stepdad", "stepson",
    "stepdaughter",
    "mama", "papa", "madre", "padre", "hijo", "hija", "abuela", "abuelo",
    "nieto", "nieta", "pere", "mere", "fils", "fille", "vater", "mutter",
    "sohn", "tochter", "oma", "opa", "pai", "mae", "filho", "filha", NULL
};

/* "welcome to the world," in the other languages of pg_name_relatives */
static const char *const  pg_name_welcome[] = {
    "bienvenido", "bienvenida", "bienvenidos", "bienvenidas",
    "bienvenue", "bem-vindo", "bem-vinda", "bem-vindos", "willkommen",
    NULL
};

/* "Member name Rosalind ...": whose name an insurance card, an EOB or a
 * chart prints after "name" */
static const char *const  pg_name_holders[] = {
    "member", "patient", "pt", "subscriber", "insured", "beneficiary",
    "enrollee", "policyholder", "guarantor", "resident", NULL
};

/* "the guy in 14, Eamon ...": a person "in" a number is in a room */
static const char *const  pg_name_persons[] = {
    "guy", "man", "woman", "lady", "gentleman", "gal", "dude", "fella",
    "kid", "boy", "girl", "baby", "patient", "pt", NULL
};

/* "<name>, who ran ...": what a runner, a volunteer, a retiree, a donor
 * does, not a patient */
static const char *const  pg_name_role_verbs[] = {
    "ran", "runs", "raced", "finished", "volunteered", "volunteers",
    "retired", "worked", "works", "served", "donated", "donates",
    "coached", "coaches", NULL
};

/* "our patient and friend <name>": one more word for the patient */
static const char *const  pg_name_friends[] = {
    "friend", "neighbor", "neighbour", "hero", "warrior", NULL
};

/* Spanish honorifics: pg_name_honorific() ("doña" read "dona") */
static const char *const  pg_name_dons[] = {
    "don", "dona", NULL
};

/* "my little brother minseo": a word between the owner and the kin */
static const char *const  pg_name_kin_adj[] = {
    "little", "big", "baby", "older", "younger", "oldest", "youngest",
    "elder", "late", "dear", "sweet", "twin", "beloved", "proud", "new",
    NULL
};

/* a relative's word written as a title before a given name, as an
 * honorific is: "Nana Adwoa", "Baby Anaya", "Abuela Rosa" */
static const char *const  pg_name_titles[] = {
    "nana", "nanna", "grandma", "grandpa", "gramma", "grampa", "auntie",
    "baby", "abuela", "abuelo", "nonna", "nonno", "oma", "opa", NULL
};

/* "the Alvarez family" in a birth announcement */
static const char *const  pg_name_births[] = {
    "born", "birth", "baby", "newborn", "twins", "triplets", "delivered",
    NULL
};

/* "donations for the Nguyen family", "prayers for" */
static const char *const  pg_name_support[] = {
    "prayers", "praying", "pray", "thoughts", "donations", "donation",
    "fundraiser", "support", "meals", "collection", "gofundme", NULL
};

/* "Mrs. Brandt, age 96": an age says the honorific names a person */
static const char *const  pg_name_ages[] = {
    "age", "aged", NULL
};

/* a capitalised word after a name that makes it a place or a thing */
static const char *const  pg_name_things[] = {
    "center", "centre", "foundation", "hospital", "clinic", "institute",
    "wing", "pavilion", "building", "tower", "lodge", "award", "awards",
    "fund", "scholarship", "university", "college", "school", "library",
    "lecture", "prize", "medical", "health", "healthcare", "memorial",
    "cancer", "heart", "children's", "street", "st", "avenue", "ave",
    "road", "rd", "boulevard", "blvd", "drive", "county", "counties",
    "parish", "township", "city",
    "campus", "unit", "ward", "floor", "suite", "syndrome", "disease",
    "palsy", "lymphoma", "method", "scale", "score", "classification",
    "procedure", "law", "act", "company", "inc", "llc", "group",
    "associates", "pharmacy", "labs", "gallery", "garden", "gardens",
    "auditorium", "cafe", "cafeteria", "lobby", "station", "trail",
    "golf", "gala", "classic", "invitational", "day", "week", "month",
    "endowment", "endowed", "trust", "society", "association",
    "christmas", "easter", "thanksgiving", "halloween", "hanukkah",
    "kwanzaa", "labor", "independence", "mother's", "father's",
    /* "WTAE Channel 4", "Level III NICU", "Stage IV" */
    "channel", "level", "stage", "grade", "phase", "tier",
    /* "in San Diego", "Fort Myers": the first word of a place */
    "san", "santa", "los", "las", "fort", "mount", "port",
    NULL
};

/* a word before a single capitalised word that makes it a place */
static const char *const  pg_name_places[] = {
    "in", "at", "from", "near", "to", "of", "across", "around", NULL
};

/* "room 4", "bed 12", "rm 3"; "4 West": a patient's place */
static const char *const  pg_name_room_words[] = {
    "room", "bed", "rm", NULL
};

static const char *const  pg_name_wards[] = {
    "west", "east", "north", "south", NULL
};

/* an event flyer's label before its venue: "WHERE: Bethel AME Church" */
static const char *const  pg_name_venue_labels[] = {
    "where", "location", "venue", "place", "lugar", "donde",
    NULL
};

/* in the order of PG_NAME_L_* */
static const char *const *const  pg_name_lists[] = {
    pg_name_abbrevs, pg_name_role_fill, pg_name_clause, pg_name_honorifics,
    pg_name_patient, pg_name_relatives, pg_name_poss_words,
    pg_name_records, pg_name_owners, pg_name_births, pg_name_support,
    pg_name_ages, pg_name_things, pg_name_places, pg_name_room_words,
    pg_name_wards, pg_name_services, pg_name_never, pg_name_fillers,
    pg_name_titles, pg_name_kin_adj, pg_name_venue_labels, pg_name_ours,
    pg_name_kin_ours, pg_name_welcome, pg_name_holders, pg_name_persons,
    pg_name_role_verbs, pg_name_dons, pg_name_friends, NULL
};

/* the lists hashed: a word is looked up once, when first asked about */
static pg_wordset_t  pg_name_words = { .lists = pg_name_lists };

/* the other words a direct cue before a name ends with (pg_name_direct());
 * "her name is" takes a capitalised name only: "is" is too frequent a
 * word to make every lower-case word after it a candidate */
static const char *const  pg_name_cue_ends[] = {
    "of", "for", "with", "soon", "to", "home", "world", "girl", "boy",
    "mundo", "monde", "welt", "name", NULL
};

/*
 * Every word a direct cue ends with, the word right before the name:
 * a lower-case word after none of them starts no name.  A new direct cue
 * in pg_name_direct() needs its last word here.
 */
static const char *const *const  pg_name_cue_lists[] = {
    pg_name_honorifics, pg_name_patient, pg_name_relatives,
    pg_name_titles, pg_name_cue_ends, NULL
};

/* only its shape filter is used: pg_name_cue_may() */
static pg_wordset_t  pg_name_cue_words = { .lists = pg_name_cue_lists };

/*
 * The common Vietnamese surnames as Vietnamese writes them (in lower
 * case, NFC; code points, as the normaliser's tables are), and without
 * their marks: pg_name_vi_surname().  "Lê" is a surname, "Lễ" (a
 * holiday) is not; "Hồ", "Đỗ" are, "Hỗ Trợ" (support), "Độ" are not.
 */
static const struct {
    const char        *plain;
    uint16_t           cp[8];      /* 0-terminated; none: plain only */
} pg_name_vi_surnames[] = {
    { "nguyen", { 'n', 'g', 'u', 'y', 0x1ec5, 'n', 0 } },
    { "tran",   { 't', 'r', 0x1ea7, 'n', 0 } },
    { "le",     { 'l', 0x00ea, 0 } },
    { "pham",   { 'p', 'h', 0x1ea1, 'm', 0 } },
    { "hoang",  { 'h', 'o', 0x00e0, 'n', 'g', 0 } },
    { "huynh",  { 'h', 'u', 0x1ef3, 'n', 'h', 0 } },
    { "phan",   { 0 } },
    { "vu",     { 'v', 0x0169, 0 } },
    { "vo",     { 'v', 0x00f5, 0 } },
    { "dang",   { 0x0111, 0x1eb7, 'n', 'g', 0 } },
    { "bui",    { 'b', 0x00f9, 'i', 0 } },
    { "do",     { 0x0111, 0x1ed7, 0 } },
    { "ho",     { 'h', 0x1ed3, 0 } },
    { "ngo",    { 'n', 'g', 0x00f4, 0 } },
    { "duong",  { 'd', 0x01b0, 0x01a1, 'n', 'g', 0 } },
    { "ly",     { 'l', 0x00fd, 0 } },
    { "truong", { 't', 'r', 0x01b0, 0x01a1, 'n', 'g', 0 } },
    { NULL,     { 0 } }
};

/* staff, donor and event phrases: pg_name_staff_ctx() */
static const char *const  pg_name_staff_phrases[] = {
    "joins our", "joined our", "join our team", "welcome", "welcomes",
    "welcoming", "congratulations to our", "congrats to our",
    "of the year", "board-certified", "board certified",
    "employee of the month", "years of service", "retire", "retires",
    "retirement", "promoted", "new hire", "award", "awarded",
    "honored", "honoree", "donor", "donors", "donation", "donated",
    "gift", "foundation", "sponsor", "sponsored", "fundraiser",
    "volunteer", "volunteers", "join us", "register", "webinar",
    "live at", "lecture", "keynote", "speaker", "author", "residency",
    "fellowship", "hired", "staff", "our team", "medical director",
    "endowment", "endowed", "scholarship", "philanthropy", "campaign",
    /* thanks for a contribution, an event's host: "thanks to <name>
     * for the ...", "thank you, <name>, for 20 years", "hosted by" */
    "thanks to", "thank you to", "thank you,", "hosted by",
    "tournament", "raised",
    NULL
};

/* a patient story shared with consent */
static const char *const  pg_name_consent[] = {
    "consent", "consented", "permission", "blessing", "agreed to share",
    "shared with", NULL
};

static pg_cue_set_t  pg_name_staff_set = pg_cue_set(pg_name_staff_phrases);
static pg_cue_set_t  pg_name_consent_set = pg_cue_set(pg_name_consent);


pg_status_t
pg_detect_name(const pg_scan_t *s, pg_findings_t *out)
{
    int             lower, drop, staff, hon, own;
    size_t          pos, i, b, emit, cut, ci, next;
    unsigned        conf;
    pg_status_t     st;
    pg_name_ctx_t  *c;

    c = pg_arena_alloc(s->arena, sizeof(pg_name_ctx_t));
    if (c == NULL) {
        return PG_ERR_NOMEM;
    }

    c->t = s->text;
    c->len = s->len;
    c->nstaff = 0;

    /* a word remembered for each 16 bytes of text, at most 4096 */
    for (i = PG_NAME_MEMO_MIN; i < PG_NAME_MEMO_MAX && i * 16 < s->len;
         i *= 2)
    {
        /* void */
    }

    c->memo = pg_arena_alloc(s->arena, i * sizeof(pg_name_memo_t));
    if (c->memo == NULL) {
        return PG_ERR_NOMEM;
    }

    memset(c->memo, 0, i * sizeof(pg_name_memo_t));
    c->memo_mask = i - 1;

    c->scan = s;
    c->cue_words = pg_wordset_ready(&pg_name_cue_words);
    c->staff_cands.text = NULL;
    c->consent_cands.text = NULL;
    c->words = s->words;

    pos = 0;

    while (pos < s->len) {
        emit = pg_name_tokenize(c, pos);

        if (c->n == 0) {
            break;
        }

        c->staff_ctx = -1;

        pg_name_lower_case(c);

        next = 0;

        for (ci = 0; ci < c->ncand && c->cand[ci] < emit; ci++) {
            i = c->cand[ci];

            if (i < next) {
                /* in a name judged already */
                continue;
            }

            next = i + 1;

            if (!c->tok[i].cap
                && !(c->tok[i].lower
                     && ((pg_name_lex(c, i) & (PG_LEX_NAME | PG_LEX_COMMON))
                         == PG_LEX_NAME
                         || (pg_name_lex(c, i) == 0 && c->lower_ctx))))
            {
                /* pg_name_span() starts no name here, cue or not */
                continue;
            }

            if (pg_name_in(c, i, PG_NAME_L_NEVER)) {
                /* "How's your family?": no name */
                continue;
            }

            /* asked once: pg_name_direct() asks it too */
            hon = i > 0 && pg_name_honorific(c, i - 1);

            conf = pg_name_direct(c, i, hon);
            lower = conf != 0;

            if (!c->tok[i].cap && !lower) {
                continue;
            }

            if (hon) {
                /* "Mrs. Oduya": any capitalised word after an honorific */
                lower |= 2;

            } else if (conf == PG_NAME_C_DIRECT && c->tok[i].cap
                       && c->tok[i - 1].digit
                       && pg_name_board(c, i))
            {
                /* a board's "12 - Okwuosa - NPO", "Bed 12: PARKER, JOHN
                 * - ETOH": a name the dataset lacks, a chart's name */
                lower |= 2 | 4;

            } else if (conf == PG_NAME_C_DIRECT && c->tok[i].cap
                       && c->tok[i].len >= 3 && pg_name_kin(c, i - 1))
            {
                /* "the family of Siosaia Taufa", "my uncle Tadeusz",
                 * "Member name Rosalind Achebe": a capitalised name the
                 * dataset lacks after a relative or a record's label, as
                 * after an honorific */
                lower |= 2;
            }

            b = pg_name_span(c, i, lower);
            if (b == i) {
                continue;
            }

            /* asked once: the rules below ask it again */
            staff = pg_name_staff(c, i, b);
            own = staff && pg_name_care_after(c, i, b);

            if (staff && !own) {
                pg_name_staff_remember(c, i, b);
            }

            drop = conf == 0 && b - i >= 2
                   && (pg_name_lex(c, i) & PG_LEX_COMMON)
                   && (i == 0 || c->tok[i - 1].sent != c->tok[i].sent);

            if (conf == 0) {
                conf = pg_name_judge(c, i, b, staff);

                if (conf == 0 && drop) {
                    /* "Keep Marisol Vega ...", "Little Mateo ...": the
                     * common word that opens the sentence is no name */
                    i++;
                    conf = pg_name_judge(c, i, b, pg_name_staff(c, i, b));
                }

            } else if ((staff && !own) || pg_name_not_person(c, i, b)) {
                conf = 0;
            }

            if (conf == 0
                && (own
                    || (!staff && b - i >= 2
                        && (pg_name_staff_ctx(c)
                            || pg_name_staff_known(c, i, b))
                        && pg_name_care_after(c, i, b)))
                && !pg_name_not_person(c, i, b))
            {
                /* "our donor <name>, who was diagnosed with ...", "Nurse
                 * <name> was admitted": a staff member's, a donor's own
                 * care after the name beats the staff exception; in a
                 * staff post without a title, a full name only ("He is
                 * home after ..." is no name) */
                conf = PG_NAME_C_AFTER;
            }

            if (conf != 0) {
                st = pg_findings_add(out, s->arena, PG_T_NAME, s->field,
                                     c->tok[i].off,
                                     c->tok[b - 1].off + c->tok[b - 1].blen
                                     - c->tok[i].off,
                                     (uint8_t) conf);
                if (st != PG_OK) {
                    return st;
                }
            }

            next = b;
        }

        cut = emit < c->n ? c->tok[emit].off : s->len;

        if (cut <= pos) {
            break;
        }

        pos = cut;
    }

    return pg_name_tags(s, out);
}


/*
 * Cuts up to PG_NAME_TOKS words from pos into c->tok.  Returns how many
 * of them the caller judges (emits findings for): all of them at the end
 * of the text, else those before the last sentence start in the second
 * half of the chunk (or all but the last 32 words), so that every judged
 * word has its sentence, and some words after it, in the chunk.
 */

static size_t
pg_name_tokenize(pg_name_ctx_t *c, size_t pos)
{
    size_t     i, j, last;
    unsigned   sent;
    pg_tok_t  *k;

    c->n = 0;
    c->ncand = 0;
    sent = 0;
    last = 0;

    for (i = pos; i < c->len && !pg_name_starts(c->t, i); i++) {
        /* void */
    }

    pg_name_words_from(c, i);

    while (i < c->len && c->n < PG_NAME_TOKS) {
        k = &c->tok[c->n];
        memset(k, 0, sizeof(pg_tok_t));
        k->off = i;
        k->sent = sent;
        pg_name_cut(c, k);
        c->n++;

        j = i + k->len;

        /* pg_name_starts(j + 1) after a blank: the byte is a word's */
        if (j + 1 < c->len && c->t[j] == ' '
            && pg_name_wc((unsigned char) c->t[j + 1])
            && (unsigned char) c->t[j + 1] != 0xe2)
        {
            /* nearly every word: one blank, then the next */
            k->gap = 1;
            j++;

        } else if (pg_name_between(c, k, &j)) {
            sent++;

            if (c->n >= PG_NAME_TOKS / 2 && c->n < PG_NAME_TOKS) {
                last = c->n;
            }
        }

        if (c->n >= 2) {
            pg_name_room(c, c->n - 1);
        }

        if (k->cap || (k->lower && pg_name_cue_may(c, c->n - 1))) {
            /* where a name may start (pg_detect_name()); in a chunk in
             * lower case every word (pg_name_lower_case()) */
            c->cand[c->ncand++] = (uint16_t) (c->n - 1);
        }

        i = j;
    }

    if (i >= c->len) {
        return c->n;
    }

    return last ? last : c->n - 32;
}


/*
 * What lies between word k and the next, which starts at a word byte
 * after a byte that is none (pg_name_starts()): *j moves from the end of
 * k to the next word (or the end of the text).  Returns whether a
 * sentence ends there.
 */

static int
pg_name_between(pg_name_ctx_t *c, pg_tok_t *k, size_t *j)
{
    int            end, prev;
    size_t         i, e;
    unsigned char  ch;

    end = 0;
    k->gap = 1;
    prev = 1;
    e = *j;

    for (i = e; i < c->len; i++) {
        ch = (unsigned char) c->t[i];

        if (pg_name_wc(ch)) {
            if (!prev && ch != 0xe2) {
                break;
            }

            prev = 1;
            k->gap = 0;
            continue;
        }

        prev = 0;

        switch (ch) {

        case '.':
            if (i == e) {
                k->dot = 1;
            }

            /* "Dr. Lee", "J. Smith": an abbreviation, no full stop */
            if (!(i == e
                  && (k->len == 1
                      || pg_name_in(c, (size_t) (k - c->tok),
                                    PG_NAME_L_ABBREVS))))
            {
                end = 1;
            }

            k->gap = 0;
            break;

        case '!': case '?': case ';': case '\n':
            end = 1;
            k->gap = 0;
            break;

        case ',': case ':':
            k->comma = 1;
            k->gap = 0;
            break;

        case '(':
            k->paren = 1;
            k->gap = 0;
            break;

        case ' ': case '\t':
            break;

        default:
            k->gap = 0;
            break;
        }
    }

    *j = i;

    return end;
}


/* word p before word k (i): "room 4", "bed 12", "rm 3": a patient's
 * place (1); "4 West": a ward (2), where staff work too */

static inline void
pg_name_room(pg_name_ctx_t *c, size_t i)
{
    pg_tok_t  *p, *k;

    p = &c->tok[i - 1];
    k = &c->tok[i];

    if (!p->gap) {
        return;
    }

    /* the word lists last: a look-up for the few words they need */
    if (k->digit && pg_name_in(c, i - 1, PG_NAME_L_ROOMS)) {
        p->room = 1;

    } else if (k->digit && i >= 2 && c->tok[i - 2].gap
               && pg_name_is(c, i - 1, "in") && pg_name_number(c, i)
               && pg_name_in(c, i - 2, PG_NAME_L_PERSONS))
    {
        /* "the guy in 14", "the lady in 12": a person's room */
        p->room = 1;
    } else if (p->digit && p->len <= 2 && pg_name_in(c, i, PG_NAME_L_WARDS))
    {
        p->room = 2;
    }
}


/* a word (pg_name_cut()) starts at pos */

static inline int
pg_name_starts(const char *t, size_t pos)
{
    unsigned char  ch;

    ch = (unsigned char) t[pos];

    return pg_name_wc(ch) && ch != 0xe2
           && !(pos > 0 && pg_name_wc((unsigned char) t[pos - 1]));
}


/*
 * The word at k->off (a word start): letters, digits, non-ASCII bytes and
 * an apostrophe or hyphen between letters ("O'Neill", "Smith-Jones"), a
 * "’" (U+2019) between letters too; then its classes.
 */

static void
pg_name_cut(pg_name_ctx_t *c, pg_tok_t *k)
{
    size_t             i, pos, len, wi, n;
    uint64_t           a;
    const char        *t;
    unsigned char      ch;
    const uint32_t    *word;
    const pg_words_t  *w;

    t = c->t;
    len = c->len;
    pos = k->off;
    i = pos;
    w = c->words;

    if (w != NULL) {
        /* the pre-pass cut the letters and digits from pos already:
         * nearly every word is one of its words, ended by a blank or a
         * punctuation mark; one that goes on ("O'Neill", "José") goes
         * on from the pre-pass's end below */
        n = w->n;
        word = w->word;
        wi = c->wi;

        if (wi < n && word[wi] != pos) {
            /* rare: after a word of more than one of the pre-pass's
             * ("O'Neill"), or at a non-ASCII byte */
            while (wi < n && word[wi] < pos) {
                wi++;
            }
        }

        c->wi = wi;

        if (wi < n && word[wi] == pos && w->wlen[wi] < PG_WORD_LONG) {
            /* the next word is nearly always the pre-pass's next one */
            c->wi = wi + 1;
            i = pos + w->wlen[wi];

            if (i >= len
                || ((unsigned char) t[i] < 0x80 && t[i] != '\''
                    && t[i] != '-'))
            {
                /* all letters and digits: no "'s" (pg_name_shape()) */
                k->len = i - pos;
                k->blen = k->len;
                pg_name_first(c, k);
                return;
            }
        }
    }

    for ( ;; ) {
        /* the ASCII letters and digits from i, eight bytes at a time */
        for ( /* void */ ; i + 8 <= len; i += 8) {
            a = pg_alnum8(t, i) ^ 0x8080808080808080ULL;

            if (a != 0) {
                /* pg_alnum8() puts the first byte lowest */
                i += (size_t) __builtin_ctzll(a) >> 3;
                break;
            }
        }

        if (i + 8 > len) {
            /* the last bytes of the text, one at a time */
            while (i < len && pg_isalnum(t[i])) {
                i++;
            }
        }

        if (i >= len) {
            break;
        }

        ch = (unsigned char) t[i];

        if (ch < 0x80) {
            /* nearly every word ends at a blank or a punctuation mark */
            if ((ch == '\'' || ch == '-') && i > pos && i + 1 < len
                && pg_isalpha(t[i - 1]) && pg_isalpha(t[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        if (ch != 0xe2) {
            i++;
            continue;
        }

        if (i + 3 < len && (unsigned char) t[i + 1] == 0x80
            && (unsigned char) t[i + 2] == 0x99 && i > pos
            && pg_isalpha(t[i + 3]))
        {
            /* "’" and the letter after it */
            i += 4;
            continue;
        }

        break;
    }

    k->len = i - pos;
    pg_name_shape(c, k);
}


/* what the bytes of the word k tell: its first byte, a possessive */

static inline void
pg_name_shape(pg_name_ctx_t *c, pg_tok_t *k)
{
    const char  *w;

    w = c->t + k->off;

    pg_name_first(c, k);
    k->blen = k->len;

    if (k->len > PG_NAME_TOKLEN) {
        /* no class (pg_name_classify()) */
        return;
    }

    if (k->len > 2 && pg_tolower(w[k->len - 1]) == 's'
        && w[k->len - 2] == '\'')
    {
        k->poss = 1;
        k->blen = k->len - 2;

    } else if (k->len > 4 && pg_tolower(w[k->len - 1]) == 's'
               && (unsigned char) w[k->len - 2] == 0x99)
    {
        k->poss = 1;
        k->blen = k->len - 4;
    }
}


/* what the first byte of the word k tells */

static inline void
pg_name_first(pg_name_ctx_t *c, pg_tok_t *k)
{
    unsigned char  ch;

    ch = (unsigned char) c->t[k->off];

    k->cap = ch >= 'A' && ch <= 'Z';
    k->lower = ch >= 'a' && ch <= 'z';
    k->digit = pg_isdigit(ch);
}


/* the pre-pass's first word at or after pos: a chunk starts back there */

static void
pg_name_words_from(pg_name_ctx_t *c, size_t pos)
{
    if (c->words != NULL) {
        c->wi = pg_offsets_from(c->words->word, c->words->n, pos);
    }
}


/* the PG_LEX_* of word i (without "'s"), found on first use */

static inline unsigned
pg_name_lex(pg_name_ctx_t *c, size_t i)
{
    if (!c->tok[i].cls) {
        pg_name_classify(c, &c->tok[i]);
    }

    return c->tok[i].lex;
}


/*
 * The classes of the word k: its PG_LEX_* (those of the word without
 * "'s" unless the whole word is a health word: "Parkinson's") and the
 * lists it is in.  The word is folded and hashed once for both tables.
 * A word is classified when a rule first asks about it: most words are
 * never asked about.
 */

static void
pg_name_classify(pg_name_ctx_t *c, pg_tok_t *k)
{
    size_t           avail;
    uint32_t         h;
    unsigned         lex;
    uint64_t         fw[PG_LEX_FOLD_WORDS];
    const char      *w;
    pg_name_memo_t  *m;

    k->cls = 1;

    if (k->len > PG_NAME_TOKLEN) {
        return;
    }

    w = c->t + k->off;
    avail = c->len - k->off;
    /* a word has a byte at least: for the compiler */
    fw[0] = 0;

    if (k->len <= 8 && !k->poss) {
        /* most words: the classes of a short word are those of its
         * folded bytes (but for a word of capitals: PG_LEX_CAPS) */
        pg_lex_fold(fw, w, k->len, avail);
        h = pg_lex_hash(fw, k->len);
        m = &c->memo[h & c->memo_mask];

        if (m->head == fw[0] && m->len == k->len) {
            k->lex = m->lex;
            k->words = m->words;
            return;
        }

        k->lex = pg_lex_lookup_folded(fw, k->len, h, w);
        k->words = pg_wordset_folded(&pg_name_words, fw, k->len, h);

        if (!(k->lex & PG_LEX_CAPS)) {
            m->head = fw[0];
            m->len = (uint8_t) k->len;
            m->lex = (uint8_t) k->lex;
            m->words = k->words;
        }

        return;
    }

    lex = 0;
    h = 0;

    if (k->len <= PG_LEX_WORD_MAX) {
        pg_lex_fold(fw, w, k->len, avail);
        h = pg_lex_hash(fw, k->len);
        lex = pg_lex_lookup_folded(fw, k->len, h, w);
    }

    if (k->poss && k->blen <= PG_LEX_WORD_MAX) {
        /* a few words in a hundred: the word without "'s" again */
        pg_lex_fold(fw, w, k->blen, avail);
        h = pg_lex_hash(fw, k->blen);

        if (!(lex & PG_LEX_HEALTH)) {
            /* "Parkinson's" stays a health word, "Emily's" is Emily */
            lex = pg_lex_lookup_folded(fw, k->blen, h, w);
        }

    } else if (k->poss && !(lex & PG_LEX_HEALTH)) {
        lex = 0;
    }

    k->lex = lex;
    k->words = k->blen <= PG_LEX_WORD_MAX
               ? pg_wordset_folded(&pg_name_words, fw, k->blen, h)
               : pg_wordset_bits(&pg_name_words, w, k->blen);
}


/*
 * Word i, in lower case, may have a direct cue before it: the word
 * before it may be the last word of one (pg_name_cue_lists), by its
 * first and last bytes and its length.  Without a cue pg_detect_name()
 * starts no name at a lower-case word (outside a chunk in lower case),
 * so most of them are not candidates, and never looked up.
 */

static inline int
pg_name_cue_may(pg_name_ctx_t *c, size_t i)
{
    const pg_tok_t  *p;

    if (i == 0) {
        return 0;
    }

    p = &c->tok[i - 1];

    return p->len <= PG_NAME_TOKLEN
           && (c->cue_words == NULL
               || pg_wordset_may(c->cue_words, c->t + p->off, p->blen));
}


/*
 * Words from i are a street line ("2315 Main St") or a city and its
 * state ("Jackson, MS", "Red Bank, NJ"): an address follows a name.
 */

static int
pg_name_address_after(pg_name_ctx_t *c, size_t i)
{
    size_t  j;

    if (i >= c->n) {
        return 0;
    }

    if (c->tok[i].digit) {
        return pg_geo_street(c->t, c->len, c->tok[i].off) != 0;
    }

    for (j = i; j < c->n && j < i + 3 && c->tok[j].cap; j++) {
        if (c->tok[j].comma && j + 1 < c->n && c->tok[j + 1].len == 2
            && pg_isupper(c->t[c->tok[j + 1].off])
            && pg_isupper(c->t[c->tok[j + 1].off + 1]))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * Word i is a venue label of an event's flyer or listing ("WHERE:",
 * "Location:", "Venue:", "Place:", Spanish "Lugar:", "Dónde:") with a
 * colon right after it.
 */

static int
pg_name_venue_label(pg_name_ctx_t *c, size_t i)
{
    size_t  e;

    e = c->tok[i].off + c->tok[i].len;

    if (e >= c->len || c->t[e] != ':') {
        return 0;
    }

    return pg_name_in(c, i, PG_NAME_L_VENUE_LABELS);
}


/* the word i (without "'s") is w, n bytes: pg_name_is() */

static inline int
pg_name_eq(pg_name_ctx_t *c, size_t i, const char *w, size_t n)
{
    size_t       j;
    const char  *p;

    if (i >= c->n || c->tok[i].blen != n) {
        return 0;
    }

    p = c->t + c->tok[i].off;

    for (j = 0; j < n; j++) {
        if (pg_tolower(p[j]) != (unsigned char) w[j]) {
            return 0;
        }
    }

    return 1;
}


/* the word i (without "'s") is in list PG_NAME_L_* */

static inline int
pg_name_in(pg_name_ctx_t *c, size_t i, unsigned list)
{
    if (i >= c->n) {
        return 0;
    }

    if (!c->tok[i].cls) {
        pg_name_classify(c, &c->tok[i]);
    }

    return (c->tok[i].words & ((uint32_t) 1 << list)) != 0;
}


/*
 * The end of the name that starts at word i (i itself: none).  A name is
 * up to PG_NAME_SPAN capitalised words joined by blanks, or a middle
 * initial with its dot, at least one of them a name of the dataset and
 * none a health or staff word.  After a direct cue (lower set) a name of
 * the dataset that is not a common word may be written in lower case.
 */

static size_t
pg_name_span(pg_name_ctx_t *c, size_t i, int lower)
{
    int              named;
    size_t           b;
    unsigned         lex;
    const pg_tok_t  *k;

    named = 0;

    for (b = i; b < c->n && b - i < PG_NAME_SPAN; b++) {
        k = &c->tok[b];

        if (b > i) {
            const pg_tok_t  *p = &c->tok[b - 1];

            /* joined by blanks only, or "J. Smith"; a chart's
             * "GUTIERREZ, MANUEL": surname, comma, given name, both in
             * capitals and names that are not common words */
            if (!(p->gap || (p->dot && p->len == 1 && p->cap)
                  || (b == i + 1 && p->comma && pg_name_caps(c, i)
                      && pg_name_caps(c, b)
                      && pg_name_chart(c, b - 1, lower)
                      && pg_name_chart(c, b, lower)))
                || p->poss || p->sent != k->sent)
            {
                break;
            }
        }

        lex = pg_name_lex(c, b);

        if ((lex & (PG_LEX_HEALTH | PG_LEX_STAFF))
            || pg_name_in(c, b, PG_NAME_L_HONORIFICS)
            || pg_name_in(c, b, PG_NAME_L_PATIENT)
            || (pg_name_title(c, b) && !(b == i && lower == 1)))
        {
            /* a title is no part of the name, but for a cue before it
             * that is no title: "Welcome to the world, Baby Ruby!" */
            break;
        }

        if (b == i && (lower & 2) && lex == 0 && !k->cap
            && c->lower_ctx && k->lower && k->len >= 3
            && !pg_name_in(c, b, PG_NAME_L_FILLERS))
        {
            /* "mrs. delacroix" in a post written in lower case */
            named = 1;
            continue;
        }

        if (b == i && (lower & 2) && k->cap && lex == 0) {
            named = 1;

        } else if (b == i && !(lex & PG_LEX_NAME)) {
            /* "Aaliyah Brooks": a given name the dataset lacks, inside a
             * sentence, before a name of the dataset; not an initialism
             * ("WTAE Channel") nor a word with a common ending ("Living
             * Well", "Advanced Care") */
            if (!(k->cap && lex == 0 && k->len >= 3 && !k->poss
                  && k->gap && i > 0 && c->tok[i - 1].sent == k->sent
                  && i + 1 < c->n && c->tok[i + 1].cap
                  && (pg_name_lex(c, i + 1) & PG_LEX_NAME)
                  && !pg_name_in(c, i + 1, PG_NAME_L_THINGS)
                  && !pg_name_caps(c, i) && !pg_name_common_end(c, i)))
            {
                break;
            }
        }

        if (k->len == 2 && k->cap && pg_isupper(c->t[k->off + 1])) {
            /* "FL", "ER": a state or an initialism, not a name */
            break;
        }

        if (b > i && pg_name_in(c, b, PG_NAME_L_THINGS)) {
            /* "Oak Street", "Jenkins Foundation": judged by the caller */
            break;
        }

        if (k->cap) {
            if (k->len == 1 && !k->dot) {
                break;
            }

            named |= (lex & PG_LEX_NAME) != 0;
            continue;
        }

        if (lower && k->lower
            && (lex & (PG_LEX_NAME | PG_LEX_COMMON)) == PG_LEX_NAME)
        {
            named = 1;
            continue;
        }

        break;
    }

    /* a trailing initial is not part of a name */
    while (b > i && c->tok[b - 1].len == 1) {
        b--;
    }

    /* "DEA# ...", "VIN 1M8...": one word in capitals is an initialism;
     * a name written in capitals has a given name and a surname, or an
     * honorific before it ("MISS ODESSA"; not "MS WALK") */
    if (b == i + 1 && pg_name_caps(c, i)
        && !((lower & 2)
             && (pg_name_lex(c, i) & (PG_LEX_NAME | PG_LEX_COMMON))
                == PG_LEX_NAME))
    {
        return i;
    }

    return named ? b : i;
}


/* word i may be a name of a chart's "SURNAME, GIVEN": a name of the
 * dataset and no common word; on a board's line (lower & 4) a common
 * one too ("Bed 12: PARKER, JOHN - ETOH withdrawal") */

static int
pg_name_chart(pg_name_ctx_t *c, size_t i, int lower)
{
    unsigned  lex;

    lex = pg_name_lex(c, i) & (PG_LEX_NAME | PG_LEX_COMMON);

    return lex == PG_LEX_NAME || ((lower & 4) && (lex & PG_LEX_NAME));
}


/* word i is written in capitals: "DEA", "VIN", "ER" */

static int
pg_name_caps(pg_name_ctx_t *c, size_t i)
{
    size_t  k;

    if (c->tok[i].blen < 2) {
        return 0;
    }

    for (k = 0; k < c->tok[i].blen; k++) {
        if (pg_isalpha(c->t[c->tok[i].off + k])
            && !pg_isupper(c->t[c->tok[i].off + k]))
        {
            return 0;
        }
    }

    return 1;
}


/*
 * Word i is an honorific before a name: "Mr. Diaz", "Mrs Chen", "MRS
 * JONES".  Written in capitals without a dot before a word that is not,
 * it is an abbreviation: "MS Walk" (multiple sclerosis), "MR Imaging".
 */

static int
pg_name_honorific(pg_name_ctx_t *c, size_t i)
{
    if (pg_name_title(c, i)) {
        return 1;
    }

    /* "Her name is Marguerite": a person named as by an honorific; not
     * "My name is ...", the writer */
    if (i >= 2 && pg_name_is(c, i, "is") && pg_name_is(c, i - 1, "name")
        && (pg_name_is(c, i - 2, "her") || pg_name_is(c, i - 2, "his"))
        && c->tok[i].gap && c->tok[i - 1].gap)
    {
        return 1;
    }

    if (!pg_name_in(c, i, PG_NAME_L_HONORIFICS)) {
        /* "la paciente, don Aurelio", "doña Carmen": Spanish writes
         * "don" in lower case; after a comma, as "Don" a given name and
         * "don" an English verb are not; "doña" reads "dona", and "Dona"
         * is a given name too */
        return pg_name_in(c, i, PG_NAME_L_DONS) && c->tok[i].gap
               && c->tok[i].lower
               && (!pg_name_is(c, i, "don")
                   || (i > 0 && c->tok[i - 1].comma));
    }

    if (c->tok[i].dot) {
        return 1;
    }

    /* in a post written in capitals, "MS WALK THIS SATURDAY": a name of
     * the dataset that is no common word must follow ("MISS ODESSA") */
    return c->tok[i].gap
           && !(pg_name_caps(c, i) && i + 1 < c->n
                && (!pg_name_caps(c, i + 1)
                    || (pg_name_lex(c, i + 1) & (PG_LEX_NAME | PG_LEX_COMMON))
                       != PG_LEX_NAME));
}


/*
 * Word i is a relative's word written as a title before a name: "Nana
 * Adwoa", "Baby Anaya", "Baby Girl Mbeki" (the hospital's name for a
 * newborn).  Capitalised, as a title is; "my nana" is a relative.
 */

static inline int
pg_name_title(pg_name_ctx_t *c, size_t i)
{
    if (i >= c->n || !c->tok[i].cap || !c->tok[i].gap || c->tok[i].poss) {
        return 0;
    }

    if (pg_name_in(c, i, PG_NAME_L_TITLES)) {
        return 1;
    }

    return i > 0 && (pg_name_is(c, i, "girl") || pg_name_is(c, i, "boy"))
           && c->tok[i - 1].cap && c->tok[i - 1].gap
           && pg_name_is(c, i - 1, "baby");
}


/* word p, a direct cue, is a relative: "my uncle", "family of", or a
 * record's label of its holder's name: "Member name"; not "patient"
 * ("Patient Medicare number", "new patients: Bayview Family Medicine")
 * nor "prayers for", which a plan, a clinic or a town follows as often
 * as a person */

static int
pg_name_kin(pg_name_ctx_t *c, size_t p)
{
    return pg_name_in(c, p, PG_NAME_L_RELATIVES) || pg_name_is(c, p, "of")
           || (p > 0 && pg_name_is(c, p, "name")
               && pg_name_in(c, p - 1, PG_NAME_L_HOLDERS));
}


/*
 * Words from a are an entry of a unit's or an ED's board: a room or bed
 * number and a dash (or a room word, its number and a colon), one to
 * three capitalised words, a dash, and a care note with a health word in
 * its first four words: "12 - Okwuosa - NPO after MN", "Bed 12: PARKER,
 * JOHN - ETOH withdrawal".  Not a roster's or a race's "12 - Okafor -
 * forward", "1 - Johnson - 5:42": no health word.
 */

static int
pg_name_board(pg_name_ctx_t *c, size_t a)
{
    size_t  j, e;

    if (a == 0 || !pg_name_number(c, a - 1)) {
        return 0;
    }

    /* "12 - ", "Bed 12: " */
    if (!pg_name_dash(c, a - 1)
        && !(a >= 2 && c->tok[a - 2].room == 1 && c->tok[a - 1].comma))
    {
        return 0;
    }

    for (j = a; j < c->n && j < a + 3 && c->tok[j].cap; j++) {
        if (c->tok[j].sent != c->tok[a].sent) {
            return 0;
        }

        if (c->tok[j].gap
            || (c->tok[j].comma && j + 1 < c->n && pg_name_caps(c, j)
                && pg_name_caps(c, j + 1)))
        {
            /* "Okwuosa Brandvold", a chart's "PARKER, JOHN" */
            continue;
        }

        if (!pg_name_dash(c, j)) {
            return 0;
        }

        e = j + 5 < c->n ? j + 5 : c->n;

        return pg_name_health_in(c, j + 1, e, c->tok[j].sent);
    }

    return 0;
}


/* between word i and the next: blanks and one dash ("-", U+2013) */

static int
pg_name_dash(pg_name_ctx_t *c, size_t i)
{
    int            dash;
    size_t         k, e;
    unsigned char  ch;

    if (i + 1 >= c->n) {
        return 0;
    }

    dash = 0;
    e = c->tok[i + 1].off;

    for (k = c->tok[i].off + c->tok[i].len; k < e; k++) {
        ch = (unsigned char) c->t[k];

        if (ch == ' ') {
            continue;
        }

        if (dash) {
            return 0;
        }

        if (ch == '-') {
            dash = 1;

        } else if (ch == 0xe2 && k + 2 < e
                   && (unsigned char) c->t[k + 1] == 0x80
                   && (unsigned char) c->t[k + 2] == 0x93)
        {
            dash = 1;
            k += 2;

        } else {
            return 0;
        }
    }

    return dash;
}


/* word i is a number of one to four digits, not a year ("in 2024") */

static inline int
pg_name_number(pg_name_ctx_t *c, size_t i)
{
    size_t       k;
    const char  *w;

    if (!c->tok[i].digit || c->tok[i].len > 4) {
        return 0;
    }

    w = c->t + c->tok[i].off;

    for (k = 0; k < c->tok[i].len; k++) {
        if (!pg_isdigit(w[k])) {
            return 0;
        }
    }

    return !(c->tok[i].len == 4
             && ((w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0')));
}


/*
 * Word p ends "welcome to the world" or the same in Spanish, French,
 * German or Portuguese: "Bem-vinda ao mundo,", "Bienvenido al mundo,",
 * "Bienvenue au monde,", "Willkommen auf der Welt,".
 */

static int
pg_name_welcome_world(pg_name_ctx_t *c, size_t p)
{
    size_t  k;

    if (pg_name_is(c, p, "world")) {
        return p > 2 && pg_name_is(c, p - 2, "to")
               && pg_name_is(c, p - 3, "welcome");
    }

    /* and a comma: not "Bem-vinda ao mundo da enfermagem" */
    if (!(pg_name_is(c, p, "mundo") || pg_name_is(c, p, "monde")
          || pg_name_is(c, p, "welt"))
        || !c->tok[p].comma)
    {
        return 0;
    }

    for (k = p; k > 0 && p - k < 3; k--) {
        if (!c->tok[k - 1].gap || c->tok[k - 1].sent != c->tok[p].sent) {
            return 0;
        }

        if (pg_name_in(c, k - 1, PG_NAME_L_WELCOME)) {
            return 1;
        }
    }

    return 0;
}


/* care of the person's own after the name [a, b) (pg_own_care.c), read
 * only where a staff exception would win */

static int
pg_name_care_after(pg_name_ctx_t *c, size_t a, size_t b)
{
    size_t  k;

    /* a person: one word a name and no common word ("Mercy General
     * after his heart attack", "6 East after his stroke" are places) */
    for (k = a; k < b; k++) {
        if ((pg_name_lex(c, k) & (PG_LEX_NAME | PG_LEX_COMMON))
            == PG_LEX_NAME)
        {
            return pg_own_care_after(c->t, c->len,
                                     c->tok[b - 1].off + c->tok[b - 1].blen);
        }
    }

    return 0;
}


/* a staff title or role right before or after the name [a, b) */

static int
pg_name_staff(pg_name_ctx_t *c, size_t a, size_t b)
{
    size_t  k;

    /* "Dr. Lee", "nurse Maria", "our new oncologist, Jane Doe" */
    for (k = a; k > 0 && a - k < 3; k--) {
        if (c->tok[k - 1].sent != c->tok[a].sent) {
            break;
        }

        if (pg_name_in(c, k - 1, PG_NAME_L_HONORIFICS)) {
            /* "our team visits Mrs. Petrakis": the title is hers */
            break;
        }

        if (pg_name_lex(c, k - 1) & PG_LEX_STAFF) {
            return 1;
        }

        if (c->tok[k - 1].cap && k - 1 + 1 < a) {
            /* another name in between: its title is not this one's */
            break;
        }
    }

    /* "Maria Lopez, RN", "Jane Doe, our new CEO", "Ann Lee MD" */
    if (c->tok[b - 1].poss) {
        /* "Emily's nurses": the nurses are hers */
        return 0;
    }

    k = c->tok[b - 1].off + c->tok[b - 1].len;

    if (k < c->len && c->t[k] == ':') {
        /* "Comment from patient <name>: 'Nurse Rob held my hand'": what
         * the person says, not the person's title */
        return 0;
    }

    for (k = b; k < c->n && k - b < 5; k++) {
        if (c->tok[k].sent != c->tok[b - 1].sent) {
            break;
        }

        if (pg_name_lex(c, k) & PG_LEX_HEALTH) {
            /* "Jane Doe, a cancer survivor": a patient, not staff; but
             * "<name>, our new infection prevention director" */
            if (c->tok[b - 1].comma) {
                continue;
            }

            break;
        }

        if (pg_name_lex(c, k) & PG_LEX_STAFF) {
            return k == b || c->tok[b - 1].comma || pg_name_is(c, b, "is")
                   || pg_name_is(c, b, "as");
        }

        if (pg_name_is(c, k, "joins") || pg_name_is(c, k, "joined")
            || pg_name_is(c, k, "named") || pg_name_is(c, k, "retires"))
        {
            return 1;
        }

        /* ", a physical therapist", ", our new CEO"; not ", who was
         * treated by our nurses" */
        if (pg_name_in(c, k, PG_NAME_L_CLAUSE)
            || (!c->tok[b - 1].comma
                && !pg_name_in(c, k, PG_NAME_L_ROLE_FILL)
                && !c->tok[k].cap
                && !(k == b && (pg_name_is(c, k, "is")
                                || pg_name_is(c, k, "as")))))
        {
            break;
        }
    }

    return 0;
}


/* the name is a place, a building, a disease or a thing named after one */

static int
pg_name_not_person(pg_name_ctx_t *c, size_t a, size_t b)
{
    size_t           k;
    const pg_tok_t  *last;

    last = &c->tok[b - 1];

    /* "Jenkins Foundation", "Tampa's Heart Center", "Bell's palsy"; not
     * "Dana's heart stopped" */
    if (b < c->n && (last->gap || last->poss)
        && (!last->poss || c->tok[b].cap
            || !pg_name_in(c, b, PG_NAME_L_POSS_WORDS))
        && c->tok[b].sent == last->sent
        && pg_name_in(c, b, PG_NAME_L_THINGS))
    {
        return 1;
    }

    /* "Ronald Ellison Burn Center": a thing after a word or two more */
    for (k = b; k < c->n && k < b + 2 && c->tok[k].cap && c->tok[k].gap
                && c->tok[k].sent == last->sent && last->gap;
         k++)
    {
        if (pg_name_in(c, k + 1, PG_NAME_L_THINGS)) {
            return 1;
        }
    }

    /* "55 Research Park Circle", "2715 Palmetto Street, Clearwater":
     * words of a street address line */
    for (k = a; k > 0 && a - k < 6 && c->tok[k - 1].sent == last->sent;
         k--)
    {
        if (c->tok[k - 1].digit
            && c->tok[k - 1].off + pg_geo_street(c->t, c->len,
                                                 c->tok[k - 1].off)
               > c->tok[a].off)
        {
            return 1;
        }
    }

    /* "WHERE: Fellowship Hall, Bethel AME Church, 2315 ... Dr, Jackson,
     * MS": a flyer's venue label and its colon, with only capitalised
     * words between it and the name, and the venue's street or city and
     * state after it, name a place; not a board's "Location: ICU, <name>,
     * post-op day 2" */
    for (k = a;
         k > 0 && a - k < 8 && c->tok[k - 1].sent == last->sent
         && last->comma && pg_name_address_after(c, b);
         k--)
    {
        if (pg_name_venue_label(c, k - 1)) {
            return 1;
        }

        if (!c->tok[k - 1].cap || c->tok[k - 1].digit) {
            break;
        }
    }

    /* "Braun infusion pumps", "Ewing sarcoma": a thing named after one */
    if (b - a == 1 && b < c->n && last->gap && !last->poss
        && (pg_name_lex(c, b) & PG_LEX_HEALTH))
    {
        return 1;
    }

    /* "Maple Ave", "Day Street": a street word opens no name */
    if (pg_name_in(c, a, PG_NAME_L_THINGS)) {
        return 1;
    }

    /* "Clearwater FL", "St. Pete Beach": a city; "Mercy's ER": a
     * hospital's unit; not "Mr. Oyelaran's ER visit": a person's */
    if (b < c->n && c->tok[b].len == 2 && c->tok[b].cap
        && !(last->poss && a > 0 && pg_name_honorific(c, a - 1))
        && pg_isupper(c->t[c->tok[b].off + 1]))
    {
        return 1;
    }

    if (a > 0 && pg_name_is(c, a - 1, "st")) {
        return 1;
    }

    /* "at Philippe Park, 2525 Philippe Parkway": a venue's name */
    if (a > 0 && pg_name_is(c, a - 1, "at") && last->comma && b < c->n
        && c->tok[b].digit
        && pg_geo_street(c->t, c->len, c->tok[b].off) != 0)
    {
        return 1;
    }

    /* "in Clearwater", "at Ashford": a single word after a preposition;
     * not "born 11/2/2025 to <given> and ...": a newborn's parent */
    if (b - a == 1 && a > 0 && c->tok[a - 1].gap
        && pg_name_in(c, a - 1, PG_NAME_L_PLACES)
        && !pg_name_in(c, a - 1, PG_NAME_L_HONORIFICS)
        && !(pg_name_is(c, a - 1, "to") && pg_name_born_to(c, a - 1)))
    {
        return 1;
    }

    return 0;
}


/*
 * The confidence a direct cue right before word a gives, 0: none; hon:
 * pg_name_honorific(c, a - 1), known already.  The last word of every
 * cue (word a - 1) is in pg_name_cue_lists: a lower-case word after
 * another is no candidate (pg_name_cue_may()).
 */

static unsigned
pg_name_direct(pg_name_ctx_t *c, size_t a, int hon)
{
    size_t  p, k, e;

    if (a == 0) {
        return 0;
    }

    p = a - 1;

    if (c->tok[p].sent != c->tok[a].sent
        && !pg_name_in(c, p, PG_NAME_L_HONORIFICS))
    {
        return 0;
    }

    /* "Mr. Alvarez", "Mrs Chen", with a health word in the post: an
     * honorific alone names a mascot ("Mr. Yuk") as well as a patient */
    if (hon) {
        k = a > PG_NAME_WINDOW ? a - PG_NAME_WINDOW : 0;
        e = a + PG_NAME_WINDOW < c->n ? a + PG_NAME_WINDOW : c->n;

        /* a birth ("Mr. & Mrs. Tran on the birth of their daughter") or
         * a record ("Mr. Feldman wants his lab results") too; not a
         * birth after a title ("Baby Olivia was our first baby of 2025",
         * "Community Baby Shower"): a newborn's given name alone */
        if (pg_name_health_in(c, k, e, (unsigned) -1)
            || pg_name_word_in(c, k, e, (unsigned) -1, PG_NAME_L_AGES)
            || pg_name_patient_in(c, k, e)
            || (!pg_name_title(c, p)
                && pg_name_word_in(c, k, e, (unsigned) -1,
                                   PG_NAME_L_BIRTHS))
            || pg_name_word_in(c, k, e, (unsigned) -1, PG_NAME_L_RECORDS))
        {
            return PG_NAME_C_DIRECT;
        }

        /* "Mrs. ... paid by phone with Discover ...": paying a bill, not
         * a donor's "paid off medical debt" */
        if (pg_name_paid_in(c, k, e)) {
            return PG_NAME_C_DIRECT;
        }

        /* "the privilege of caring for Mr. Anselm ...": care given to
         * the person */
        if (p >= 2 && pg_name_is(c, p - 1, "for") && c->tok[p - 1].gap
            && c->tok[p - 2].gap && c->tok[p - 2].sent == c->tok[a].sent
            && (pg_name_is(c, p - 2, "caring") || pg_name_is(c, p - 2, "cared")
                || pg_name_is(c, p - 2, "care")))
        {
            return PG_NAME_C_DIRECT;
        }

        if (!pg_name_title(c, p)) {
            return 0;
        }

        /* "Baby Theo Nakamura, 8 lb 1 oz": a newborn's weight after the
         * name; not "Baby Olivia was our first baby of 2025" */
        if (pg_name_weight_after(c, a)) {
            return PG_NAME_C_DIRECT;
        }

        /* a relative's title after an owner, as in lower case below: "my
         * Grandma Rose", "Meine Oma Hildegard" */
    }

    /* "12 - Okwuosa - NPO after MN": a board's room and care note */
    if (c->tok[p].digit && pg_name_board(c, a)) {
        return PG_NAME_C_DIRECT;
    }

    if (!c->tok[p].gap && !c->tok[p].comma) {
        return 0;
    }

    /* "Member name Rosalind ...", "Patient Name: ...": a record's label
     * of its holder's name */
    if (p > 0 && pg_name_is(c, p, "name") && c->tok[p - 1].gap
        && c->tok[p - 1].sent == c->tok[a].sent
        && pg_name_in(c, p - 1, PG_NAME_L_HOLDERS))
    {
        return PG_NAME_C_DIRECT;
    }

    /* "patient Rosa", "visiting Rosa", "stroke survivor Ann"; not
     * "Patient Care Techs" */
    if (pg_name_in(c, p, PG_NAME_L_PATIENT)) {
        return pg_name_in(c, a, PG_NAME_L_SERVICES) ? 0 : PG_NAME_C_DIRECT;
    }

    /* "our patient and friend Benny ...": a patient word, "and" and a
     * friend's word for the same person */
    if (p >= 2 && c->tok[p].gap && pg_name_in(c, p, PG_NAME_L_FRIENDS)
        && pg_name_is(c, p - 1, "and") && c->tok[p - 1].gap
        && c->tok[p - 2].gap && c->tok[p - 2].sent == c->tok[a].sent
        && pg_name_in(c, p - 2, PG_NAME_L_PATIENT))
    {
        return PG_NAME_C_DIRECT;
    }

    /* "The patient in trauma bay 1 (...) is <name>", "The man brought in
     * from the crash last night is <name>": the patient is who the
     * sentence is about */
    if (pg_name_is(c, p, "is") && c->tok[p].gap && pg_name_subject(c, p)) {
        return PG_NAME_C_DIRECT;
    }

    /* "twin boys born 11/2/2025 to <given> and <given> <surname>": a
     * newborn's parents */
    if (pg_name_is(c, p, "to") && c->tok[p].gap && pg_name_born_to(c, p)) {
        return PG_NAME_C_DIRECT;
    }

    /* "family of", "daughter of", "prayers for", "get well soon," */
    if (p > 0 && c->tok[p - 1].gap && c->tok[p - 1].sent == c->tok[a].sent)
    {
        if (pg_name_is(c, p, "of")
            && pg_name_in(c, p - 1, PG_NAME_L_RELATIVES))
        {
            return PG_NAME_C_DIRECT;
        }

        if ((pg_name_is(c, p, "for") || pg_name_is(c, p, "with"))
            && (pg_name_is(c, p - 1, "prayers")
                || pg_name_is(c, p - 1, "praying")
                || pg_name_is(c, p - 1, "pray")
                || pg_name_is(c, p - 1, "thoughts")))
        {
            return PG_NAME_C_DIRECT;
        }

        if ((pg_name_is(c, p, "soon") && pg_name_is(c, p - 1, "well"))
            || (pg_name_is(c, p, "to") && pg_name_is(c, p - 1, "soon")
                && p > 1 && pg_name_is(c, p - 2, "well"))
            || (pg_name_is(c, p, "home") && pg_name_is(c, p - 1, "welcome"))
            || pg_name_welcome_world(c, p))
        {
            /* "get well soon,", "welcome home,", "welcome to the world,",
             * "Bem-vinda ao mundo," */
            return PG_NAME_C_DIRECT;
        }

        /* "Pt's wife Maria", "my grandpa Walter Jenkins", "my little
         * brother minseo", "your dad Frank", "mi mamá, Rosa" */
        k = p - 1;

        if (k > 0 && pg_name_in(c, k, PG_NAME_L_KIN_ADJ)
            && c->tok[k - 1].gap && c->tok[k - 1].sent == c->tok[a].sent)
        {
            k--;
        }

        if (pg_name_in(c, p, PG_NAME_L_RELATIVES)
            && (c->tok[p].gap || c->tok[a].cap)
            && (c->tok[k].poss || pg_name_in(c, k, PG_NAME_L_OWNERS)
                || (pg_name_in(c, k, PG_NAME_L_OURS)
                    && pg_name_in(c, p, PG_NAME_L_KIN_OURS))))
        {
            /* after a comma, a capitalised name: "the patient's
             * daughter, karen.liu88@..." is her address */
            return PG_NAME_C_DIRECT;
        }

        /* "Born at 3:12 am ... to proud parents <given> and <given>
         * <surname>": a newborn's parents, in a post about a birth */
        if (c->tok[p].gap && pg_name_is(c, k, "to")
            && (pg_name_is(c, p, "parents") || pg_name_is(c, p, "parent")))
        {
            k = a > PG_NAME_WINDOW ? a - PG_NAME_WINDOW : 0;
            e = a + PG_NAME_WINDOW < c->n ? a + PG_NAME_WINDOW : c->n;

            if (pg_name_word_in(c, k, e, (unsigned) -1, PG_NAME_L_BIRTHS)) {
                return PG_NAME_C_DIRECT;
            }
        }
    }

    /* "Billing account 90198595 for X", "lab results for X", "medical
     * record # 88310427 belongs to X": a record word in the 5 words
     * before "for", "to" or "of" */
    if (pg_name_is(c, p, "for") || pg_name_is(c, p, "to")
        || pg_name_is(c, p, "of"))
    {
        for (k = p; k > 0 && p - k < 5; k--) {
            if (c->tok[k - 1].sent != c->tok[a].sent) {
                break;
            }

            if (pg_name_in(c, k - 1, PG_NAME_L_RECORDS)) {
                return PG_NAME_C_POSS;
            }
        }
    }

    return 0;
}


/* the confidence of the name [a, b) without a direct cue, 0: none;
 * staff: pg_name_staff(c, a, b), known already */

static unsigned
pg_name_judge(pg_name_ctx_t *c, size_t a, size_t b, int staff)
{
    int     strong;
    size_t  k;

    if (staff || pg_name_not_person(c, a, b)
        || pg_name_staff_known(c, a, b))
    {
        return 0;
    }

    /* strong when one word is a name and not a common word */
    strong = 0;

    for (k = a; k < b; k++) {
        if ((pg_name_lex(c, k) & (PG_LEX_NAME | PG_LEX_COMMON))
            == PG_LEX_NAME)
        {
            strong = 1;
        }
    }

    return pg_name_evidence(c, a, b, strong, b - a >= 2);
}


/* the confidence the words around the name [a, b) give, 0: none */

static unsigned
pg_name_evidence(pg_name_ctx_t *c, size_t a, size_t b, int strong,
    int full)
{
    size_t           k, e;
    unsigned         sent;
    const pg_tok_t  *last;

    last = &c->tok[b - 1];
    sent = last->sent;

    /* "Emily's chemo", "Rosa's daughter", "Tom's room"; not "Tampa
     * Bay's Top Doctors": a title in capitals is a list or a brand */
    if (last->poss) {
        for (k = b; k < c->n && k - b < 4 && c->tok[k].sent == sent
                    && !(c->tok[k].cap && !pg_name_caps(c, k));
             k++)
        {
            if ((pg_name_lex(c, k) & PG_LEX_HEALTH)
                || pg_name_in(c, k, PG_NAME_L_RELATIVES)
                || pg_name_in(c, k, PG_NAME_L_POSS_WORDS))
            {
                return PG_NAME_C_POSS;
            }
        }
    }

    /* "born ... to the Alvarez family", "donations for the Nguyen
     * family": a patient's family, not a donor family */
    if (a > 0 && pg_name_is(c, a - 1, "the") && c->tok[a - 1].gap
        && last->gap && b < c->n && pg_name_is(c, b, "family"))
    {
        if (pg_name_word_in(c, 0, c->n, sent, PG_NAME_L_BIRTHS)) {
            return PG_NAME_C_AFTER;
        }

        if (a > 2 && pg_name_is(c, a - 2, "for")
            && pg_name_in(c, a - 3, PG_NAME_L_SUPPORT))
        {
            return PG_NAME_C_DIRECT;
        }

        /* "The Okafor family can be reached at ...", "... the Okafor
         * family after the burial? They can be reached at": a family's
         * own contact */
        if (pg_name_family_reached(c, b)) {
            return PG_NAME_C_AFTER;
        }
    }

    /* "Big Mike in bed 4", "Hope (room 12)": a room or bed right after
     * makes even a common word a name */
    for (k = b; k < c->n && k - b < 2 && c->tok[k].sent == sent; k++) {
        if (c->tok[k].room == 1) {
            return PG_NAME_C_POSS;
        }
    }

    /* "the baby in NICU bed 5, Precious Ndlovu": a room or bed number
     * right before the name, set off by a comma or a dash, and a word of
     * the name that is no common word ("Room 9, Blue Cross denied") */
    if (a >= 2 && c->tok[a - 1].digit && !c->tok[a - 1].gap
        && c->tok[a - 2].room == 1 && c->tok[a - 2].sent == c->tok[a].sent)
    {
        for (k = a; k < b; k++) {
            if (!(pg_name_lex(c, k) & PG_LEX_COMMON)) {
                return PG_NAME_C_POSS;
            }
        }
    }

    if (!strong && !full) {
        return 0;
    }

    /* "Tom Baker ... in room 9", "X ... bed 12" in the sentence; "on 4
     * West" near the name, and a ward is where staff work too: not in
     * staff news */
    for (k = b; k < c->n && k - b < PG_NAME_ROOM && c->tok[k].sent == sent;
         k++)
    {
        if (c->tok[k].room == 1
            || (c->tok[k].room == 2 && k - b < PG_NAME_NEAR
                && !pg_name_staff_ctx(c)))
        {
            return PG_NAME_C_POSS;
        }
    }

    /* "X of 571 Mill Lane": where X lives */
    if (last->gap && b + 1 < c->n && pg_name_is(c, b, "of")
        && c->tok[b + 1].digit
        && pg_geo_street(c->t, c->len, c->tok[b + 1].off) != 0)
    {
        return PG_NAME_C_POSS;
    }

    /* "X, born Jun 12 1985", "X (DOB 3/14/61)": X's birth date */
    if ((last->comma || last->paren) && b < c->n
        && c->tok[b].sent == sent
        && (pg_name_is(c, b, "born") || pg_name_is(c, b, "dob")
            || (pg_name_is(c, b, "b") && c->tok[b].dot)))
    {
        return PG_NAME_C_AFTER;
    }

    /* "thank you X for sharing (your story)", "for letting us share" */
    if (b + 1 < c->n && pg_name_is(c, b, "for")
        && (pg_name_is(c, b + 1, "sharing")
            || (b + 3 < c->n && pg_name_is(c, b + 1, "letting")
                && pg_name_is(c, b + 3, "share"))))
    {
        return PG_NAME_C_POSS;
    }

    /* "<name>, who has been with us ... since his diagnosis": the
     * person's own care in a ", who" clause, whatever the post
     * celebrates ("Congrats to our contest winner, <name>, who ...") */
    if (pg_name_own_care(c, b)) {
        return PG_NAME_C_AFTER;
    }

    /* "23-year-old Kenji Watanabe": an age before the name; not a
     * runner's, a volunteer's: "<age> <name>, who ran it in 48:12" */
    if (pg_name_age_before(c, a) && !pg_name_staff_ctx(c)
        && !pg_name_role_after(c, b))
    {
        return PG_NAME_C_AFTER;
    }

    /* a health word in the rest of the sentence: "X was admitted ...";
     * two common words ("Mercy Ridge opens a burn unit") are a brand or
     * a place as often as a person: they need more than that */
    e = b + PG_NAME_NEAR < c->n ? b + PG_NAME_NEAR : c->n;

    if (strong && pg_name_health_in(c, b, e, sent) && !pg_name_staff_ctx(c)
        && !pg_name_vi_words(c, a, b))
    {
        return PG_NAME_C_AFTER;
    }

    /* "X, our patient from ...", "X, a longtime patient": apposition */
    if (last->comma) {
        for (k = b; k < c->n && k - b < 5 && c->tok[k].sent == sent
                    && pg_name_in(c, k, PG_NAME_L_ROLE_FILL);
             k++)
        {
            /* void */
        }

        if (k < c->n && c->tok[k].sent == sent
            && pg_name_in(c, k, PG_NAME_L_PATIENT))
        {
            return PG_NAME_C_DIRECT;
        }
    }

    /* "Meet X, 99!": an age over 89 next to a name */
    if (last->comma && b < c->n && c->tok[b].digit && c->tok[b].len == 2
        && c->t[c->tok[b].off] == '9' && !pg_name_staff_ctx(c))
    {
        return PG_NAME_C_AFTER;
    }

    /* "X, 54, was admitted", "X, 94, is our oldest ... patient": an
     * age between commas, then health or a patient */
    if (last->comma && b + 1 < c->n && c->tok[b].digit
        && c->tok[b].len <= 3 && c->tok[b].comma && !pg_name_staff_ctx(c)
        && (pg_name_health_in(c, b, c->n, sent)
            || pg_name_word_in(c, b, c->n, sent, PG_NAME_L_PATIENT)))
    {
        return PG_NAME_C_AFTER;
    }

    if (!strong || pg_name_staff_ctx(c)) {
        return 0;
    }

    /* what is left is a health word near the name, and a heading in
     * Vietnamese next to English health words is no name by that */
    if (pg_name_vi_words(c, a, b)) {
        return 0;
    }

    /* "... stroke, Maria Lopez is home": before, same sentence */
    k = a > PG_NAME_NEAR ? a - PG_NAME_NEAR : 0;

    if (pg_name_health_in(c, k, a, c->tok[a].sent)) {
        return PG_NAME_C_BEFORE;
    }

    /* a full name of the dataset with a health word nearby */
    if (!full) {
        return 0;
    }

    for (k = a; k < b; k++) {
        if (!(pg_name_lex(c, k) & PG_LEX_NAME)) {
            return 0;
        }
    }

    if ((pg_name_lex(c, a) & PG_LEX_COMMON)
        && (a == 0 || c->tok[a - 1].sent != c->tok[a].sent))
    {
        /* "Free Clearwater screenings": a common word opens a sentence;
         * the caller tries the name without it */
        return 0;
    }

    k = a > PG_NAME_WINDOW ? a - PG_NAME_WINDOW : 0;
    e = b + PG_NAME_WINDOW < c->n ? b + PG_NAME_WINDOW : c->n;

    if (pg_name_health_in(c, k, e, (unsigned) -1)) {
        return PG_NAME_C_WINDOW;
    }

    return 0;
}


/* a health word among words [from, to), in sentence sent (-1: any) */

static int
pg_name_health_in(pg_name_ctx_t *c, size_t from, size_t to,
    unsigned sent)
{
    size_t  k;

    for (k = from; k < to; k++) {
        if (sent != (unsigned) -1 && c->tok[k].sent != sent) {
            continue;
        }

        if ((pg_name_lex(c, k) & PG_LEX_HEALTH) || c->tok[k].room) {
            return 1;
        }
    }

    return 0;
}


/* a word of list PG_NAME_L_* among words [from, to), in sentence sent
 * (-1: any) */

static int
pg_name_word_in(pg_name_ctx_t *c, size_t from, size_t to,
    unsigned sent, unsigned list)
{
    size_t  k;

    for (k = from; k < to; k++) {
        if ((sent == (unsigned) -1 || c->tok[k].sent == sent)
            && pg_name_in(c, k, list))
        {
            return 1;
        }
    }

    return 0;
}


/* a patient word among words [from, to); not one that names a team
 * before a capitalised service word ("Patient Experience"; not "a
 * patient and friend"): a
 * reply signed by the team says nothing of the person it addresses */

static int
pg_name_patient_in(pg_name_ctx_t *c, size_t from, size_t to)
{
    size_t  k;

    for (k = from; k < to; k++) {
        if (pg_name_in(c, k, PG_NAME_L_PATIENT)
            && !(k + 1 < c->n && c->tok[k].gap
                 && c->tok[k].sent == c->tok[k + 1].sent && c->tok[k + 1].cap
                 && pg_name_in(c, k + 1, PG_NAME_L_SERVICES)))
        {
            return 1;
        }
    }

    return 0;
}


/* "paid by phone", "paid with a card" among words [from, to): a bill
 * paid, not a donor's "paid for", "paid off" */

static int
pg_name_paid_in(pg_name_ctx_t *c, size_t from, size_t to)
{
    size_t  k;

    for (k = from; k + 1 < to; k++) {
        if (pg_name_is(c, k, "paid") && c->tok[k].gap
            && (pg_name_is(c, k + 1, "by") || pg_name_is(c, k + 1, "with")))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * The sentence of word p ("is") opens with its subject, a patient, and
 * its article: "The patient in trauma bay 1 ... is", "Our patient of
 * the month is"; or a
 * person brought in or admitted: "The man brought in from the crash
 * ... is".  Not "The patient advocate on duty is" (a service after
 * "patient").
 */

static int
pg_name_subject(pg_name_ctx_t *c, size_t p)
{
    size_t  s;

    for (s = p; s > 0 && p - s < 16 && c->tok[s - 1].sent == c->tok[p].sent;
         s--)
    {
        /* void */
    }

    if (s > 0 && c->tok[s - 1].sent == c->tok[p].sent) {
        /* a sentence too long to be about one person */
        return 0;
    }

    /* a subject with its article: not "PT is March 17th" */
    if (!(pg_name_is(c, s, "the") || pg_name_is(c, s, "our")
          || pg_name_is(c, s, "this") || pg_name_is(c, s, "your")))
    {
        return 0;
    }

    s++;

    if (s >= p || c->tok[s].poss) {
        /* "The patient's surgery is Friday": not the patient */
        return 0;
    }

    if (s + 1 == p) {
        return pg_name_in(c, s, PG_NAME_L_PATIENT);
    }

    if (pg_name_in(c, s, PG_NAME_L_PATIENT)) {
        return !pg_name_in(c, s + 1, PG_NAME_L_SERVICES);
    }

    return pg_name_in(c, s, PG_NAME_L_PERSONS)
           && (pg_name_is(c, s + 1, "brought")
               || pg_name_is(c, s + 1, "admitted")
               || pg_name_is(c, s + 1, "airlifted")
               || pg_name_is(c, s + 1, "flown")
               || pg_name_is(c, s + 1, "transferred"));
}


/*
 * "born" in the four words before word p ("to"), with only a date or a
 * time between them (numbers, capitalised words, "on", "at", "am",
 * "today"), not a clause: "twin boys born 11/2/2025 to", "born on May 5
 * to"; not "born and raised in Tampa, moved to", "born in 1921 thanks
 * to".
 */

static int
pg_name_born_to(pg_name_ctx_t *c, size_t p)
{
    size_t  k;

    for (k = p; k > 0 && p - k < 4 && c->tok[k - 1].sent == c->tok[p].sent;
         k--)
    {
        if (pg_name_is(c, k - 1, "born")) {
            return 1;
        }

        if (!(c->tok[k - 1].digit || pg_name_is(c, k - 1, "on")
              || pg_name_is(c, k - 1, "at") || pg_name_is(c, k - 1, "am")
              || pg_name_is(c, k - 1, "pm") || pg_name_is(c, k - 1, "today")
              || pg_name_is(c, k - 1, "yesterday") || c->tok[k - 1].cap))
        {
            return 0;
        }
    }

    return 0;
}


/* a weight in the six words from a, in a's sentence: "<n> lb", "oz",
 * "kg", "g", "grams", "pounds", "ounces" after a number */

static int
pg_name_weight_after(pg_name_ctx_t *c, size_t a)
{
    size_t  k;

    for (k = a; k + 1 < c->n && k < a + 6 && c->tok[k].sent == c->tok[a].sent;
         k++)
    {
        if (c->tok[k].digit && c->tok[k].gap
            && (pg_name_is(c, k + 1, "lb") || pg_name_is(c, k + 1, "lbs")
                || pg_name_is(c, k + 1, "oz") || pg_name_is(c, k + 1, "kg")
                || pg_name_is(c, k + 1, "g") || pg_name_is(c, k + 1, "grams")
                || pg_name_is(c, k + 1, "pounds")
                || pg_name_is(c, k + 1, "ounces")))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * A ", who" clause after the name ending at b says the person's own care:
 * "his", "her" or "their" and a health word right after it or one word
 * later ("since his diagnosis", "after her breast cancer"); not a
 * relative's ("in honor of her mother's cancer").
 */

static int
pg_name_own_care(pg_name_ctx_t *c, size_t b)
{
    size_t    k, j;
    unsigned  sent;

    if (b >= c->n || !c->tok[b - 1].comma || !pg_name_is(c, b, "who")) {
        return 0;
    }

    sent = c->tok[b - 1].sent;

    for (k = b + 1; k + 1 < c->n && k < b + 16 && c->tok[k].sent == sent;
         k++)
    {
        if (!(pg_name_is(c, k, "his") || pg_name_is(c, k, "her")
              || pg_name_is(c, k, "their"))
            || !c->tok[k].gap)
        {
            continue;
        }

        for (j = k + 1; j < c->n && j < k + 3 && c->tok[j].sent == sent;
             j++)
        {
            if (pg_name_lex(c, j) & PG_LEX_HEALTH) {
                return 1;
            }

            if (c->tok[j].poss || !c->tok[j].gap
                || pg_name_in(c, j, PG_NAME_L_RELATIVES))
            {
                break;
            }
        }
    }

    return 0;
}


/*
 * "can be reached" after word f ("family") with the family or "they" as
 * its subject, in f's sentence or the next: "the Okafor family can be
 * reached at", "the Okafor family after the burial?  They can be
 * reached at"; not "Our team can be reached at".
 */

static int
pg_name_family_reached(pg_name_ctx_t *c, size_t f)
{
    size_t  k;

    for (k = f; k + 3 < c->n && k < f + 12
                && c->tok[k].sent <= c->tok[f].sent + 1;
         k++)
    {
        if ((k == f || pg_name_is(c, k, "they"))
            && pg_name_is(c, k + 1, "can") && pg_name_is(c, k + 2, "be")
            && pg_name_is(c, k + 3, "reached"))
        {
            return 1;
        }
    }

    return 0;
}


/* remember the words of the staff name [a, b) */

static void
pg_name_staff_remember(pg_name_ctx_t *c, size_t a, size_t b)
{
    size_t  k;

    for (k = a; k < b && c->nstaff < PG_NAME_STAFF_MAX; k++) {
        if (c->tok[k].blen > 1) {
            c->staff_off[c->nstaff] = c->tok[k].off;
            c->staff_len[c->nstaff] = c->tok[k].blen;
            c->nstaff++;
        }
    }
}


/* a word of the name [a, b) was a staff member's earlier in the text */

static int
pg_name_staff_known(pg_name_ctx_t *c, size_t a, size_t b)
{
    size_t  k, j;

    for (k = a; k < b; k++) {
        for (j = 0; j < c->nstaff; j++) {
            if (c->staff_off[j] < c->tok[k].off
                && c->staff_len[j] == c->tok[k].blen
                && memcmp(c->t + c->staff_off[j], c->t + c->tok[k].off,
                          c->tok[k].blen) == 0)
            {
                return 1;
            }
        }
    }

    return 0;
}


/*
 * Staff, donor and event phrases anywhere in the chunk's text: they make
 * the weaker evidence (a health word near a name) not enough; but a
 * patient story shared with consent names its patient even when the
 * patient now volunteers or donates.  Looked for once a chunk, when a
 * name first needs it.
 */

static int
pg_name_staff_ctx(pg_name_ctx_t *c)
{
    if (c->staff_ctx < 0) {
        c->staff_ctx = pg_name_phrase_in(c, &c->staff_cands,
                                         &pg_name_staff_set)
                       && !pg_name_phrase_in(c, &c->consent_cands,
                                             &pg_name_consent_set);
    }

    return c->staff_ctx;
}


/*
 * A phrase of the set's list at a word start (a letter after a byte that
 * is no letter or digit) in the chunk's text: pg_cues_next() over the
 * chunk, at the words the field's pre-pass found where a phrase may
 * start (cands, gathered on the first call of a field), or at every
 * byte when there is no pre-pass or no memory for the candidates: the
 * same answer.
 */

static int
pg_name_phrase_in(pg_name_ctx_t *c, pg_cands_t *cands,
    pg_cue_set_t *set)
{
    size_t              p, m, from, to;
    const char *const  *list;

    list = set->cues;
    from = c->tok[0].off;
    to = c->tok[c->n - 1].off + c->tok[c->n - 1].len;

    if (cands->text == NULL) {
        if (c->scan->words == NULL
            || pg_scan_cands(c->scan, cands, set) != PG_OK)
        {
            cands->cues = NULL;
        }

        cands->text = c->t;
    }

    if (cands->cues == NULL) {
        return pg_cues_next(c->t, to, from, list, &m) < to;
    }

    for (p = pg_cands_pos(cands, from); p < to;
         p = pg_cands_pos(cands, p + 1))
    {
        if (pg_cues_at(c->t, to, p, list, NULL) != 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * A chunk with no Title-case word ("Emily", "The") was written in lower
 * case: capitals tell nothing there, so a word that is a name of the
 * dataset and not a common word ("tommy", "reyes") is read as if it were
 * capitalised.
 */

static void
pg_name_lower_case(pg_name_ctx_t *c)
{
    size_t     i;
    pg_tok_t  *k;

    c->lower_ctx = 0;

    for (i = 0; i < c->n; i++) {
        k = &c->tok[i];

        if (k->cap && k->len > 1 && c->t[k->off + 1] >= 'a'
            && c->t[k->off + 1] <= 'z')
        {
            return;
        }
    }

    c->lower_ctx = 1;
    c->ncand = 0;

    for (i = 0; i < c->n; i++) {
        k = &c->tok[i];

        if (k->cap || k->lower) {
            /* a name may start at any word (pg_detect_name() tells) */
            c->cand[c->ncand++] = (uint16_t) i;
        }

        if (k->lower
            && (pg_name_lex(c, i) & (PG_LEX_NAME | PG_LEX_COMMON
                                     | PG_LEX_HEALTH | PG_LEX_STAFF))
               == PG_LEX_NAME)
        {
            k->cap = 1;
            k->lower = 0;
        }
    }
}


/* "23-year-old X", "23 year old X": an age right before word a */

static int
pg_name_age_before(pg_name_ctx_t *c, size_t a)
{
    if (a >= 2 && pg_name_is(c, a - 1, "year-old") && c->tok[a - 2].digit
        && c->tok[a - 1].gap)
    {
        return 1;
    }

    return a >= 3 && pg_name_is(c, a - 1, "old")
           && pg_name_is(c, a - 2, "year") && c->tok[a - 3].digit
           && c->tok[a - 1].gap;
}


/* what the person of the name ending at b does opens a ", who" clause
 * after it: "91-year-old <name>, who ran it in 48:12" is a runner's age,
 * as a volunteer's, a retiree's or a donor's is, but for care in the
 * sentence */

static int
pg_name_role_after(pg_name_ctx_t *c, size_t b)
{
    size_t    k, e;
    unsigned  sent;

    sent = c->tok[b - 1].sent;

    if (!c->tok[b - 1].comma || !pg_name_is(c, b, "who")) {
        return 0;
    }

    for (k = b + 1; k < c->n && k < b + 3 && c->tok[k].sent == sent; k++) {
        if (pg_name_in(c, k, PG_NAME_L_ROLE_VERBS)) {
            e = b + PG_NAME_NEAR < c->n ? b + PG_NAME_NEAR : c->n;

            return !pg_name_health_in(c, b, e, sent);
        }
    }

    return 0;
}


/* word i ends like a common word, not a name: "-ing", "-ed", "-ly" */

static int
pg_name_common_end(pg_name_ctx_t *c, size_t i)
{
    size_t       n;
    const char  *w;

    n = c->tok[i].blen;
    w = c->t + c->tok[i].off;

    if (n >= 5 && pg_tolower(w[n - 3]) == 'i' && pg_tolower(w[n - 2]) == 'n'
        && pg_tolower(w[n - 1]) == 'g')
    {
        return 1;
    }

    return n >= 4
           && ((pg_tolower(w[n - 2]) == 'e' && pg_tolower(w[n - 1]) == 'd')
               || (pg_tolower(w[n - 2]) == 'l'
                   && pg_tolower(w[n - 1]) == 'y'));
}


/*
 * Whether the name [a, b) holds Vietnamese written with its marks and
 * is no Vietnamese name by its shape.  Vietnamese syllables folded to
 * ASCII are given names and surnames of the dataset ("Trung Tâm Y Tế
 * Cộng Đồng", a health center, reads "Trung Tam Y Te Cong Dong"), and a
 * bilingual flyer puts English health words next to its Title-case
 * headings: such words are no name by a health word near them
 * (pg_name_evidence(); a direct cue, "my grandmother Nguyễn Thị Hồng",
 * still makes them one) unless a common surname, written as it is,
 * starts them, as Vietnamese writes a name ("Nguyễn Văn An had his
 * surgery"; not "Lễ Tạ Ơn", which reads "Le"), or ends two or more of
 * them with no capitalised word either side, as English writes a name
 * ("Hồng Nguyễn").  The capitalised words either side count as the
 * name's too.  A field with no such letter is never read.
 */

static int
pg_name_vi_words(pg_name_ctx_t *c, size_t a, size_t b)
{
    const pg_tok_t  *f, *l;

    if (c->scan->vi_marks == NULL) {
        return 0;
    }

    /* the heading goes on past the name's four words: "Phòng Khám Sức
     * Khỏe Gia Đình" ("đ" and "ì" are no marks of Vietnamese alone) */
    f = a > 0 && c->tok[a - 1].cap && c->tok[a - 1].sent == c->tok[a].sent
        ? &c->tok[a - 1] : &c->tok[a];
    l = b < c->n && c->tok[b].cap && c->tok[b].sent == c->tok[b - 1].sent
        ? &c->tok[b] : &c->tok[b - 1];

    if (!pg_scan_vi(c->scan, f->off, l->off + l->blen)) {
        return 0;
    }

    if (pg_name_vi_surname(c, a)) {
        return 0;
    }

    /* "Hồng Nguyễn": a name in English order ends with its surname; not
     * a heading that goes on either side ("Lớp Khiêu Vũ", a dance
     * class; "Sức Khỏe Thái Bình Dương", the Pacific) */
    return !(b - a >= 2 && f == &c->tok[a] && l == &c->tok[b - 1]
             && pg_name_vi_surname(c, b - 1));
}


/*
 * Whether word i is written as a surname of pg_name_vi_surnames[] is:
 * with its marks or with none.  Compared in the field's own text, since
 * the normalised text reads "Hồ", "Hỗ" and "Hộ" all as "Ho"; in NFC and
 * case folded, so that "TRẦN" and "Trần" typed with combining marks
 * read "trần".
 */

static int
pg_name_vi_surname(pg_name_ctx_t *c, size_t i)
{
    size_t             k, n;
    const char        *p;
    utf8proc_ssize_t   m;
    utf8proc_int32_t   w[PG_NAME_VI_CPS];

    if (!pg_scan_orig(c->scan, c->tok[i].off, c->tok[i].blen, &p, &n)) {
        return 0;
    }

    m = utf8proc_decompose((const utf8proc_uint8_t *) p,
                           (utf8proc_ssize_t) n, w, PG_NAME_VI_CPS,
                           (utf8proc_option_t) (UTF8PROC_COMPOSE
                                                | UTF8PROC_CASEFOLD));
    if (m <= 0 || m > PG_NAME_VI_CPS) {
        return 0;
    }

    m = utf8proc_normalize_utf32(w, m, UTF8PROC_COMPOSE);
    if (m <= 0) {
        return 0;
    }

    for (k = 0; pg_name_vi_surnames[k].plain != NULL; k++) {
        if (pg_name_vi_spelt(w, (size_t) m, pg_name_vi_surnames[k].cp)
            || pg_name_vi_plain(w, (size_t) m, pg_name_vi_surnames[k].plain))
        {
            return 1;
        }
    }

    return 0;
}


/* whether the n code points of w are those of cp, 0-terminated */

static int
pg_name_vi_spelt(const utf8proc_int32_t *w, size_t n, const uint16_t *cp)
{
    size_t  j;

    for (j = 0; j < n; j++) {
        if (cp[j] == 0 || w[j] != cp[j]) {
            return 0;
        }
    }

    return cp[j] == 0;
}


/* whether the n code points of w are the ASCII letters of s */

static int
pg_name_vi_plain(const utf8proc_int32_t *w, size_t n, const char *s)
{
    size_t  j;

    for (j = 0; j < n; j++) {
        if (s[j] == '\0' || w[j] != (unsigned char) s[j]) {
            return 0;
        }
    }

    return s[j] == '\0';
}
