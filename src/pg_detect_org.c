/*
 * Copyright (C) phigate authors
 *
 * The organisation's own contact values: see pg_detect_org.h.  Every
 * look-around stays inside one sentence of at most PG_ORG_REACH bytes
 * either side of the value, so a caller that asks once per value stays
 * linear in the text.
 */


#include "pg_detect_geo.h"
#include "pg_detect_org.h"
#include "pg_lexicon.h"
#include "pg_text.h"


#define PG_ORG_REACH      240     /* bytes of a sentence either side */
#define PG_ORG_PLACE_BACK 160     /* bytes from a place cue to the value */


static int pg_org_any(const char *t, size_t from, size_t to,
    const char *const *cues);
static int pg_org_staff(const char *t, size_t from, size_t to);
static int pg_org_owned_care(const char *t, size_t from, size_t to,
    const char *const *owners);
static int pg_org_facility_at(const char *t, size_t to, size_t pos);
static int pg_org_street_at(const char *t, size_t to, size_t pos);
static int pg_org_venue_at(const char *t, size_t to, size_t pos);
static int pg_org_venue_line(const char *t, size_t from, size_t pos);
static int pg_org_family(const char *t, size_t pos, size_t to);
static int pg_org_home_visit(const char *t, size_t from, size_t to);
static int pg_org_venue_name(const char *t, size_t to, size_t pos);
static int pg_org_event_time(const char *t, size_t from, size_t to);
static int pg_org_event_place(const char *t, size_t from, size_t pos);
static int pg_org_household(const char *t, size_t from, size_t pos,
    int place);
static int pg_org_named_place(const char *t, size_t from, size_t pos);
static size_t pg_org_segment(const char *t, size_t from, size_t end,
    int *place);
static int pg_org_name_byte(char c);
static int pg_org_staff_label(const char *t, size_t from, size_t pos);
static int pg_org_contact_person(const char *t, size_t from, size_t pos,
    size_t to);
static int pg_org_owned_contact(const char *t, size_t from, size_t to);
static size_t pg_org_question_before(const char *t, size_t len,
    size_t from);
static int pg_org_abbrev_before(const char *t, size_t from, size_t dot);
static size_t pg_org_sentence_before(const char *t, size_t len,
    size_t from);
static int pg_org_role_word(const char *t, size_t pos, size_t n);
static int pg_org_pronoun_person(const char *t, size_t from, size_t to);
static int pg_org_pronoun_state(const char *t, size_t from, size_t to);
static int pg_org_imperative(const char *t, size_t from, size_t pos);
static int pg_org_care_in(const char *t, size_t from, size_t to);
static int pg_org_reader(const char *t, size_t len, size_t from,
    size_t pos);
static int pg_org_role_prefix(const char *t, size_t pos, size_t k);


/* a patient or a patient's relative in the sentence: always a person */
static const char *const  pg_org_persons[] = {
    "pt", "discharged", "admitted", "admit", "ambulance",
    "callback", "resides", "resided", "bedside", "bed", "deceased",
    "passed away", "the family", "residence",
    /* where a person lives: "Lives alone in Oak Park at <street>" */
    "lives alone", "lives with", "lives in", "lives at", "lives on",
    "lived in", "lived at", "lived on",
    /* Spanish; "Servicios al Paciente" is a department */
    "la paciente", "el paciente", "nuestra paciente", "nuestro paciente",
    "su paciente", "del paciente",
    NULL
};

/* relatives, in lower case or as a capitalised subject ("Grandma moved
 * to ..."): "Mother's Day brunch" is an event */
static const char *const  pg_org_relatives[] = {
    "son", "daughter", "wife", "husband", "mom", "dad", "mother",
    "father", "grandmother", "grandfather", "grandma", "grandpa",
    "grandson", "granddaughter", "sister", "brother", "aunt", "uncle",
    "niece", "nephew", "caregiver", "guardian", "fiance", "fiancee",
    "widow", "widower",
    /* Spanish: "llame a su hija al <number>" */
    "hijo", "hija", "esposo", "esposa", "madre", "padre", "mama",
    "papa", "abuela", "abuelo", "hermano", "hermana", "nieto",
    "nieta", "tio", "tia",
    /* Haitian Creole: mother, child, husband, wife, patient */
    "manman", "pitit", "mari", "madanm", "pasyan",
    NULL
};

/* after a capitalised relative, an event's words: "Mom and baby yoga",
 * "Dad groups" */
static const char *const  pg_org_kin_events[] = {
    "and", "or", "to", "group", "groups", "class", "classes", "support",
    "day", "night", "jokes", NULL
};

/* pronouns: a person unless a staff title says whose they are */
static const char *const  pg_org_pronouns[] = {
    "he", "she", "his", "her", "him", "hers",
    /* Spanish: "Llame a Rosa al ..., ella esta en dialisis" */
    "ella",
    NULL
};

/* the owners of care a pronoun says: "her referral", "his results" */
static const char *const  pg_org_third_owners[] = { "her", "his", NULL };

/* a state after "she"/"he": "she is recovering", "he had surgery" */
static const char *const  pg_org_subjects[] = { "she", "he", "ella", NULL };

/* articles between a state and its place of care: "she is in the ICU" */
static const char *const  pg_org_articles[] = { "the", "a", "an", NULL };
static const char *const  pg_org_states[] = {
    "is", "was", "has", "had", "'s", "is still", "was still", "is now",
    "is in", "is on", "was in", "was on", "has had", "is still in",
    "is still on", NULL
};

/* health words that are a clinician's practice, not a patient's state:
 * "she has treated heart failure for 20 years" */
static const char *const  pg_org_practices[] = {
    "treated", "treats", "treating", NULL
};

/* the writer's own care: "my biopsy results", "after my stroke"; a
 * patient or a relative writes, and the contact in the sentence is
 * theirs ("Text me at ...", "I moved to <street>") */
static const char *const  pg_org_first_owners[] = { "my", NULL };

/* the writer in the value's sentence, whose care the sentence before
 * may say: "... for my chemo costs; questions to my cell <number>" */
static const char *const  pg_org_first_persons[] = {
    "me", "my", "i", "i'm", "i've", NULL
};

/* care and records a pronoun owns: "her referral", "his results" */
static const char *const  pg_org_care_nouns[] = {
    "referral", "records", "record", "results", "chart", "meds",
    "medication", "medications", "appointment", "labs", "scan",
    "paperwork", "follow-up", "followup", "prescription", "bill", "visit",
    "room", "bed", "care", "consent", "insurance", "claim", "discharge",
    NULL
};

/* the reader addressed: "If you're 50-80 ... Call ...", "don't ask us
 * ...; call ... instead" */
static const char *const  pg_org_readers[] = {
    "you", "your", "you're", "youre", "you'll", "us", NULL
};

/* a business or professional a pronoun can own whose contact is not
 * the person's: "her attorney's office", "his pharmacy" */
static const char *const  pg_org_third_parties[] = {
    "attorney", "attorneys", "attorney's", "lawyer", "lawyers",
    "lawyer's", "law", "legal", "counsel", "pharmacy", "pharmacy's",
    "pharmacist", "pharmacist's", "insurer", "insurer's", "funeral",
    NULL
};

/* an imperative that opens a clause: "Call 406-...", "; call ... instead" */
static const char *const  pg_org_call_verbs[] = {
    "call", "dial", "text", NULL
};

/* words before such a verb: "Please call", "or just call" */
static const char *const  pg_org_call_fill[] = {
    "please", "or", "then", "just", "simply", "and", NULL
};

/* honorifics, written "Mr." or "Mrs Lee": "MS Walk" is an event */
static const char *const  pg_org_honorifics[] = {
    "mr", "mrs", "ms", "mx", NULL
};

static const char *const  pg_org_honorifics_es[] = {
    "senor", "senora", "senorita", "sr.", "sra.", "srta.", NULL
};

static const char *const  pg_org_dons[] = { "don", "dona", NULL };

/* before an address: the organisation's place or an event's venue */
static const char *const  pg_org_place_cues[] = {
    "us at", "us on", "located at", "located on", "location at",
    "locations at", "moved to", "moving to", "relocated to",
    "relocating to", "now open at", "opens at", "reopens at", "held at",
    "hosted at", "place at", "donations to", "donation to", "gifts to",
    "checks to", "payments to", "payment to", "our address",
    "our new address", "our mailing address", "headquartered at",
    "resumes to", "applications to", "apply at", "apply in person at",
    "directions", NULL
};

/* nouns of a place of the organisation or of an event, before "at" */
static const char *const  pg_org_facilities[] = {
    "hospital", "clinic", "clinics", "center", "centre", "institute",
    "campus", "office", "offices", "pharmacy", "care", "lab",
    "laboratory", "practice", "location", "building", "tower",
    "pavilion", "wing", "facility", "garage", "lot", "entrance", "lobby",
    "headquarters", "hq", "foundation", "school", "library", "church",
    "park", "ymca", "hall", "auditorium", "store", "shop", "cafe",
    "department", "fair", "event", "screening", "screenings", "drive",
    "class", "classes", "walk", "gala", "festival", "market", "seminar",
    "workshop", "booth", "site", "expo", "tent", "station", "van",
    "unit", "studio", "gym", "ward", "house", "lodge", "emergency",
    "er", "museum", "theater", "theatre", "arena", "stadium", "room",
    "medicine", "pediatrics", "associates", "group", "partners",
    "imaging", "rehab", "therapy", "dental", "orthopedics", "cardiology",
    "oncology", "urology", "dermatology", "obstetrics", "gynecology",
    "classic", "tournament", "concert", "run", "5k", "picnic", "party",
    "celebration", "ceremony", "conference", "meeting", "luncheon",
    "dinner", "breakfast", "inn", "hotel",
    NULL
};

/* an event the post announces before a venue's line (pg_org_venue_line) */
static const char *const  pg_org_events[] = {
    "gala", "tickets", "ticket", "event", "fundraiser", "benefit",
    "luncheon", "dinner", "banquet", "reception", "concert", "festival",
    "fair", "expo", "conference", "symposium", "summit", "ceremony",
    "celebration", "auction", "tournament", "classic", "walk", "5k",
    "rsvp", "register", "black tie", "webinar", "open house",
    NULL
};

/* care in a patient's home: the addresses of its sentence are homes */
static const char *const  pg_org_home_visits[] = {
    "home visit", "home visits", "home-visit", "home-visits", "house call",
    "house calls", "home health", "home-health", "home care", "home-care",
    "home hospice", NULL
};

/* ... unless the words name the service: "our Home Visit Program" */
static const char *const  pg_org_home_services[] = {
    "program", "programs", "team", "teams", "office", "service",
    "services", "department", "nurses", "staff", "line", "coordinator",
    "agency", "agencies", "week", "month", NULL
};

/* a household, not a venue, before a comma and a street */
static const char *const  pg_org_households[] = {
    "family", "families", "household", "home", "residence", NULL
};

/* places of a flyer's venue line in the languages of the corpus's
 * flyers, with the place nouns of pg_org_facilities: "Parroquia Nuestra
 * Senora de Guadalupe, <street>", "Legliz Batis Bon Nouvel, ..."; read
 * without marks ("salón", "lekòl", "église") */
static const char *const  pg_org_venue_nouns[] = {
    "parish", "chapel", "cathedral", "temple", "mosque", "masjid",
    "synagogue", "gurdwara", "mall", "post", "armory", "parroquia",
    "iglesia", "capilla", "catedral", "centro", "escuela", "biblioteca",
    "parque", "salon", "legliz", "lekol", "sant", "eglise", "paroisse",
    "mairie",
    NULL
};

/* place nouns that also end a street's name: "Seagrape Drive, <city>" */
static const char *const  pg_org_suffix_places[] = { "drive", "run", NULL };

/* lower-case words inside a venue's name, and labels before it */
static const char *const  pg_org_name_links[] = {
    "de", "del", "la", "las", "los", "el", "y", "of", "the", "and", "for",
    "du", "des", "d'", "c/o", "attn:", "attn", NULL
};

/* staff titles that are also a patient's: a nursing home's residents */
static const char *const  pg_org_patient_titles[] = {
    "resident", "residents", NULL
};

/* a household named by its surname: "the Okafor family" */
static const char *const  pg_org_household_nouns[] = {
    "family", "families", "household", NULL
};

/* what a person's "'s" owns that reaches them: "Rosa's cell" */
static const char *const  pg_org_contacts[] = {
    "number", "cell", "phone", "mobile", "email", "e-mail", "line",
    "home", NULL
};

/* ... and its home: "the Okafor home" */
static const char *const  pg_org_home_nouns[] = {
    "home", "residence", "house", NULL
};

/* a venue "at" an address: "the gala is Saturday at the Inn, 25 ..." */
static const char *const  pg_org_at[] = { "at", NULL };

/* anywhere in a telephone number's sentence: the organisation's line */
static const char *const  pg_org_line_cues[] = {
    "call us", "text us", "contact us", "reach us", "us at", "line",
    "hotline", "helpline", "lifeline", "main number", "office", "desk",
    "department", "clinic", "center", "centre", "pharmacy", "scheduling",
    "schedule", "book", "booking", "register", "registration", "rsvp",
    "enroll", "information", "more info", "questions", "learn more",
    "toll-free", "toll free", "24/7", "mon-fri", "weekdays",
    "your", "careers", "apply", "hiring", "recruiter", "recruiting",
    "tickets", "appointments", "operator", "switchboard", "reception",
    "front desk", "for more", "extension", "ext", "press", "call our",
    "contact our", "newsroom", "inquiries", "media", "reserve",
    "walk-ins", "for hours", "to order", "an appointment", "referral line",
    "sign up", "sign-up", "warmline", "available", "daily", "info",
    "details",
    "monday-friday", "monday through friday", "new number", "our number",
    /* a staff member's work line: "Text <name> in HR at ... to set up
     * an interview" */
    "in hr", "human resources", "interview", "interviews",
    /* Spanish calls to action: "Llame al ... de lunes a viernes", "Más
     * información: ..." (accents read as base letters: "informacion") */
    "llame", "lunes", "citas", "horario", "informacion", "llamenos",
    "llamanos", "contactenos", "comuniquese", "oficina", "departamento",
    "servicios", "linea",
    /* Haitian Creole: "Enfòmasyon: <number>" (read "enfomasyon") */
    "enfomasyon",
    NULL
};

/* a language service a line is for, in the number's sentence or the
 * one before it: "Our interpreters speak Arabic, Somali and Dari. Ask
 * for one, free, at any visit or call ..." */
static const char *const  pg_org_line_services[] = {
    "interpreter", "interpreters", "interpreting", "interpretation",
    "language services", "language line", "translator", "translators",
    NULL
};

/*
 * A value the post warns about: "phishing emails claiming to be from
 * <address> are NOT from us", "scam calls from <number>".  The sender of
 * a scam is nobody whose record the post discloses; a person in the
 * sentence still makes the value theirs.
 */
static const char *const  pg_org_warnings[] = {
    "phishing", "scam", "scams", "scammer", "scammers", "spoof", "spoofed",
    "spoofing", "fraudulent", "impersonating", "claiming to be",
    "not from us", "pretending to be",
    NULL
};


/* "Patient Financial Services", "patient portal", "Patient Mail Room":
 * a department or a service, not a patient */
static const char *const  pg_org_patient_services[] = {
    "financial", "relations", "experience", "services", "service", "mail",
    "access", "advocacy", "advocate", "safety", "portal", "care",
    "navigation", "navigator", "education", "satisfaction", "accounts",
    "registration", "transport", "transportation",
    NULL
};


/* an e-mail address's sentence: "email us at", "contact us" */
static const char *const  pg_org_mail_cues[] = {
    "us at", "email us", "e-mail us", "contact us", "write to us",
    "reach us", "message us",
    NULL
};

/* calls to action around an address of the organisation's own domain */
static const char *const  pg_org_mail_ctas[] = {
    "apply", "your", "questions", "inquiries", "register", "rsvp",
    "information", "more info", "learn more", "join", "sign up", "submit",
    "resume", "resumes", "volunteer", "feedback", "suggestions",
    "nominations", "nominate", "subscribe", "tickets",
    NULL
};

/* the parts of a role mailbox's local part: "careers", "media.relations" */
static const char *const  pg_org_roles[] = {
    "info", "information", "jobs", "job", "careers", "career", "hr",
    "press", "media", "news", "newsroom", "contact", "contactus",
    "hello", "support", "help", "helpdesk", "billing", "foundation",
    "giving", "give", "donate", "donations", "philanthropy", "volunteer",
    "volunteers", "volunteering", "events", "event", "marketing",
    "communications", "comms", "webmaster", "web", "privacy",
    "compliance", "appointments", "appointment", "scheduling",
    "patientrelations", "patientexperience", "relations", "experience",
    "feedback", "questions", "inquiries", "enquiries", "recruiting",
    "recruitment", "talent", "community", "outreach", "education",
    "wellness", "pharmacy", "admin", "office", "frontdesk", "noreply",
    "no-reply", "team", "social", "research", "studies", "trials",
    "clinicaltrials", "medicalrecords", "records", "medical", "nursing",
    "residency", "gme", "cme", "alumni", "auxiliary", "gifts", "store",
    "partners", "vendors", "security", "safety", "quality", "ethics",
    "spiritualcare", "chaplaincy", "advocacy", "advocate", "learning",
    "training", "health", "library", "ask", "nurse", "nurses", "staff",
    "general", "main", "admissions", "registration", "finance",
    "accounts", "payable", "receivable", "customerservice", "service",
    "services", "care", "clinic", "hospital", "screening", "screenings",
    "stories", "story", "patient", "patients",
    NULL
};

/* an event's day or time in a venue's sentence: "Saturday, 9am-1pm" */
static const char *const  pg_org_weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
    "saturdays", "sundays", NULL
};

/* abbreviations whose dot ends no sentence */
static const char *const  pg_org_abbrevs[] = {
    "dr", "st", "ave", "av", "blvd", "rd", "ln", "ct", "pl", "hwy",
    "pkwy", "ste", "apt", "mr", "mrs", "ms", "mx", "no", "jr", "sr",
    "prof", "rev", "mt", "ft", "bldg", "fl", "rm", "vs", "etc", "inc",
    "co", "dept", "ext", "e.g", "i.e", "p.o", "a.m", "p.m",
    NULL
};


void
pg_org_sentence(const char *t, size_t len, size_t pos, size_t end,
    size_t *from, size_t *to)
{
    size_t  i, lo, hi;

    lo = pos > PG_ORG_REACH ? pos - PG_ORG_REACH : 0;
    hi = len - end > PG_ORG_REACH ? end + PG_ORG_REACH : len;

    for (i = pos; i > lo; i--) {
        if (t[i - 1] == '!' || t[i - 1] == '?' || t[i - 1] == '\n'
            || t[i - 1] == ';'
            || (t[i - 1] == '.' && i < pos && pg_isspace(t[i])
                && !pg_org_abbrev_before(t, lo, i - 1)))
        {
            break;
        }
    }

    *from = i;

    for (i = end; i < hi; i++) {
        if (t[i] == '!' || t[i] == '?' || t[i] == '\n' || t[i] == ';'
            || (t[i] == '.' && (i + 1 == len || pg_isspace(t[i + 1]))
                && !pg_org_abbrev_before(t, *from, i)))
        {
            break;
        }
    }

    *to = i;
}


int
pg_org_person(const char *t, size_t from, size_t to)
{
    size_t  i, n, first;

    if (pg_org_any(t, from, to, pg_org_persons)) {
        return 1;
    }

    for (first = from; first < to && !pg_isalpha(t[first]); first++) {
        /* void */
    }

    for (i = from; i < to; i++) {
        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        /* "her son"; "Grandma moved to ..." (a capital opening the
         * sentence, then a word in lower case), not "Mother's Day",
         * "Grandparents Day", "Mom and baby yoga" */
        n = pg_cues_at(t, to, i, pg_org_relatives, NULL);

        if (n && (t[i] >= 'a'
                  || (i == first && i + n + 1 < to && t[i + n] == ' '
                      && t[i + n + 1] >= 'a' && t[i + n + 1] <= 'z'
                      && !pg_cues_at(t, to, i + n + 1, pg_org_kin_events,
                                     NULL))))
        {
            return 1;
        }

        /* "the patient", "patient's"; not "Patient Financial Services" */
        n = pg_cue_at(t, to, i, "patient");

        if (n) {
            n += i + n + 2 <= to && t[i + n] == '\'' ? 2 : 0;

            while (i + n < to && pg_isspace(t[i + n])) {
                n++;
            }

            if (pg_cues_at(t, to, i + n, pg_org_patient_services, NULL)
                == 0)
            {
                return 1;
            }
        }

        /* "Mr. Diaz", "Mrs Lee": a dot or a capitalised word after */
        n = pg_cues_at(t, to, i, pg_org_honorifics, NULL);

        if (n && t[i] <= 'Z' && t[i + 1] >= 'a' && i + n < to
            && (t[i + n] == '.'
                || (t[i + n] == ' ' && i + n + 1 < to
                    && t[i + n + 1] >= 'A' && t[i + n + 1] <= 'Z')))
        {
            return 1;
        }

        /* Spanish, in lower case too: "dona Rosa", "el senor Ramirez"
         * (the normaliser has folded the marks), a capitalised word
         * after; "don" only in lower case ("Don Quixote night") */
        n = pg_cues_at(t, to, i, pg_org_honorifics_es, NULL);
        n = n ? n : t[i] >= 'a' ? pg_cues_at(t, to, i, pg_org_dons, NULL) : 0;

        if (n && i + n + 1 < to && t[i + n] == ' '
            && t[i + n + 1] >= 'A' && t[i + n + 1] <= 'Z')
        {
            return 1;
        }
    }

    /* pg_cues_next(): "me", "my", "I" are words of letters */
    if (pg_org_owned_care(t, from, to, pg_org_first_owners)
        || (pg_cues_next(t, to, from, pg_org_first_persons, &n) < to
            && pg_org_owned_care(t, pg_org_sentence_before(t, to, from),
                                 from, pg_org_first_owners)))
    {
        return 1;
    }

    return pg_org_pronoun_person(t, from, to)
           && (pg_org_owned_care(t, from, to, pg_org_third_owners)
               || pg_org_pronoun_state(t, from, to)
               || !pg_org_staff(t, from, to));
}


int
pg_org_place(const char *t, size_t len, size_t pos, size_t end)
{
    int     cue, at;
    size_t  from, to, i, lo;

    pg_org_sentence(t, len, pos, end, &from, &to);

    lo = pos > PG_ORG_PLACE_BACK ? pos - PG_ORG_PLACE_BACK : 0;
    lo = lo > from ? lo : from;

    /* "at" in the 4 words before: "at the Belleview Inn, 25 ..." */
    at = pg_cue_before(t, pos, 4, 48, pg_org_at);

    /*
     * "Saturday, May 17, 10 a.m.-2 p.m., <venue>, <street>": an event's
     * day or time in the sentence makes the address its venue when a
     * place or an event is named before it ("parking lot B", "Conference
     * Room 3B", a benefit dinner's flyer above); "Oxygen delivery Tuesday
     * 2pm to <street>" is a patient's home with a time
     */
    cue = (pg_org_event_time(t, from, to) && pg_org_event_place(t, from, pos))
          || pg_org_venue_line(t, from, pos)
          || pg_org_named_place(t, from, pos);

    for (i = lo; i < pos && !cue; i++) {
        if (!pg_isalnum(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        cue = pg_cues_at(t, pos, i, pg_org_place_cues, NULL) != 0
              || pg_org_facility_at(t, pos, i)
              || pg_org_venue_at(t, pos, i)
              || (at && pg_cues_at(t, pos, i, pg_org_facilities, NULL))
              /* the ZIP of "<place's name>, <street>, <city>, <ST>" */
              || (i >= from + 2 && t[i - 1] == ' ' && t[i - 2] == ','
                  && pg_org_named_place(t, from, i));
    }

    return cue && !pg_org_person(t, from, to)
           && !pg_org_home_visit(t, from, to)
           && !pg_org_household(t, lo, pos, 1);
}


int
pg_org_line(const char *t, size_t len, size_t pos, size_t end)
{
    size_t  from, to;

    pg_org_sentence(t, len, pos, end, &from, &to);
    from = pg_org_question_before(t, len, from);

    return (pg_org_any(t, from, pos, pg_org_line_cues)
            || pg_org_any(t, end, to, pg_org_line_cues)
            || pg_org_any(t, from, to, pg_org_warnings)
            || pg_org_any(t, pg_org_sentence_before(t, len, from), to,
                          pg_org_line_services)
            || pg_org_staff_label(t, from, pos)
            || (pg_org_imperative(t, from, pos)
                && pg_org_reader(t, len, from, pos)
                && !pg_org_care_in(t, end, to)))
           && !pg_org_contact_person(t, from, pos, to);
}


int
pg_org_mailbox(const char *t, size_t len, size_t pos, size_t end,
    int webmail)
{
    size_t  from, to, i, p;

    /* every part of the local part a role word: "media.relations" */
    for (i = pos, p = pos; i < end && t[i] != '@'; i++) {
        if (t[i] == '.' || t[i] == '_' || t[i] == '-' || t[i] == '+') {
            if (!pg_org_role_word(t, p, i - p)) {
                break;
            }

            p = i + 1;
        }
    }

    pg_org_sentence(t, len, pos, end, &from, &to);
    from = pg_org_question_before(t, len, from);

    /* a role mailbox at a webmail host is the organisation's unless a
     * person is in its sentence: "Her email is info.nurse@<webmail>, she
     * is the patient in 4B" */
    if (i < end && t[i] == '@' && pg_org_role_word(t, p, i - p)
        && !(webmail && pg_org_contact_person(t, from, pos, to)))
    {
        return 1;
    }

    /* "Email pfac@gulfshorehealth.org to apply": a call to action and
     * the organisation's own domain, not a webmail address; "contact
     * physician recruiter <name> at <name>@<domain>": a staff member's
     * work address */
    return (pg_org_any(t, from, pos, pg_org_mail_cues)
            || pg_org_any(t, from, to, pg_org_warnings)
            || (!webmail && (pg_org_any(t, from, pos, pg_org_mail_ctas)
                             || pg_org_any(t, end, to, pg_org_mail_ctas)
                             || pg_org_staff(t, from, to))))
           && !pg_org_contact_person(t, from, pos, to);
}


/* one of the cues starts at a word in [from, to) and ends by to */

static int
pg_org_any(const char *t, size_t from, size_t to, const char *const *cues)
{
    size_t  m;

    return pg_cues_next_word(t, to, from, cues, &m) < to;
}


/*
 * A staff title or role in [from, to) that is nobody's: "Dr. Ruiz", "our
 * team"; "his cardiologist" is the patient's, so it does not count.
 */

static int
pg_org_staff(const char *t, size_t from, size_t to)
{
    size_t  i, n, prev;

    prev = to;

    for (i = from; i < to; i++) {
        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        for (n = 0; i + n < to && (pg_isalpha(t[i + n]) || t[i + n] == '-');
             n++)
        {
            /* void */
        }

        if (n <= PG_LEX_WORD_MAX && (pg_lex_lookup(t + i, n) & PG_LEX_STAFF)
            && (prev == to
                || (pg_cue_at(t, to, prev, "his") == 0
                    && pg_cue_at(t, to, prev, "her") == 0)))
        {
            return 1;
        }

        prev = i;
        i += n;
    }

    return 0;
}


/* "her referral", "his surgery", "my biopsy": an owner of the list
 * that owns a patient's care, whatever staff title is in the sentence */

static int
pg_org_owned_care(const char *t, size_t from, size_t to,
    const char *const *owners)
{
    size_t  i, n, w;

    /* the owners are words of letters, which pg_cues_next() finds at
     * word starts eight bytes at a time */
    for (i = pg_cues_next(t, to, from, owners, &n);
         i < to;
         i = pg_cues_next(t, to, i, owners, &n))
    {
        for (i += n; i < to && pg_isspace(t[i]); i++) {
            /* void */
        }

        for (w = 0; i + w < to && (pg_isalpha(t[i + w]) || t[i + w] == '-');
             w++)
        {
            /* void */
        }

        if (w > 0 && (pg_cues_at(t, to, i, pg_org_care_nouns, NULL) == w
                      || (w <= PG_LEX_WORD_MAX
                          && (pg_lex_lookup(t + i, w) & PG_LEX_HEALTH))))
        {
            return 1;
        }
    }

    return 0;
}


/* "our urgent care at", "the Heart Institute is located on", "Clinic, " */

static int
pg_org_facility_at(const char *t, size_t to, size_t pos)
{
    size_t  n, i, b;

    n = pg_cues_at(t, to, pos, pg_org_facilities, NULL);
    if (n == 0) {
        return 0;
    }

    i = pos + n;

    while (i < to && t[i] == ' ' && i + 1 < to && t[i + 1] == '(') {
        i++;
    }

    /* "Clinic, 12 Oak St", "the East Garage (600 Oak Street)",
     * "Orthopedics, 875 Lakeview Pkwy, Suite 210, ..., IL <ZIP>" */
    if (i < to && (t[i] == ',' || t[i] == '(')) {
        for (i++; i < to && t[i] == ' '; i++) {
            /* void */
        }

        return pg_org_street_at(t, to, i);
    }

    for (b = 0; b < 3; b++) {
        while (i < to && pg_isspace(t[i])) {
            i++;
        }

        /* "our clinic at", "the lab on", "flu shot clinic in Suite 150" */
        if (pg_cue_at(t, to, i, "at") || pg_cue_at(t, to, i, "on")
            || pg_cue_at(t, to, i, "in"))
        {
            return 1;
        }

        n = pg_cue_at(t, to, i, "is");
        n = n ? n : pg_cue_at(t, to, i, "now");
        n = n ? n : pg_cue_at(t, to, i, "located");
        n = n ? n : pg_cue_at(t, to, i, "open");

        if (n == 0) {
            return 0;
        }

        i += n;
    }

    return 0;
}


/* a street address starts at pos (blanks skipped), or pos is the end of
 * the window, where the value being judged starts */

static int
pg_org_street_at(const char *t, size_t to, size_t pos)
{
    while (pos < to && t[pos] == ' ') {
        pos++;
    }

    return pos == to || (pg_isdigit(t[pos]) && pg_geo_street(t, to, pos));
}


/* "at Fleet Feet, 3130 Harvard Ave", "at the Marriott Downtown, 1 Penn
 * Plaza": a venue's name in capitals between "at" and its street */

static int
pg_org_venue_at(const char *t, size_t to, size_t pos)
{
    size_t  i;

    if (pg_cue_at(t, to, pos, "at") == 0) {
        return 0;
    }

    i = pos + 2;
    i += pg_cue_at(t, to, i + 1, "the") ? 4 : 0;

    return pg_org_venue_name(t, to, i);
}


/*
 * "The Ritz-Carlton, 160 E Pearson St, Chicago, IL <ZIP>." as a sentence
 * of its own after "Tickets for the gala: ...": a post that announces an
 * event gives its venue as "The <Name>, <street>".  The article makes
 * the name a place, not a person ("Maria Lopez, <street>" is where Maria
 * lives), so the sentence must open with "The"; a household ("The
 * Garcias, <street>", "The Garcia family, <street>") is no venue.
 */

static int
pg_org_venue_line(const char *t, size_t from, size_t pos)
{
    size_t  i, lo;

    for (i = from; i < pos && !pg_isalnum(t[i]); i++) {
        /* void */
    }

    if (i + 3 >= pos || t[i] != 'T' || pg_cue_at(t, pos, i, "the") != 3
        || !pg_org_venue_name(t, pos, i + 3) || pg_org_family(t, i + 3, pos))
    {
        return 0;
    }

    lo = from > PG_ORG_REACH ? from - PG_ORG_REACH : 0;

    return pg_org_any(t, lo, from, pg_org_events);
}


/*
 * A visit in a patient's home in [from, to): "Home visit list for
 * Tuesday: 44 Pelham Rd (wound care), ..." gives the patients' homes,
 * whatever day or time makes it look like an event.  "Our home visit
 * program moved to <street>" is the service's office.
 */

static int
pg_org_home_visit(const char *t, size_t from, size_t to)
{
    size_t  i, n;

    for (i = from; i < to; i++) {
        /* "home ...", "house ...": a word of an 'h' */
        if ((t[i] | 0x20) != 'h' || !pg_word_start(t, i)) {
            continue;
        }

        n = pg_cues_at(t, to, i, pg_org_home_visits, NULL);
        if (n == 0) {
            continue;
        }

        for (i += n; i < to && t[i] == ' '; i++) {
            /* void */
        }

        if (pg_cues_at(t, to, i, pg_org_home_services, NULL) == 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * A household among the words from pos to the first comma: "The Garcia
 * family, 12 Oak St", "The Garcias, 12 Oak St" (a name of the lexicon
 * with "s" or "es"): where a family lives, not a venue.
 */

static int
pg_org_family(const char *t, size_t pos, size_t to)
{
    size_t    i, n;
    unsigned  lex;

    for (i = pos; i < to && t[i] != ','; i++) {
        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        if (pg_cues_at(t, to, i, pg_org_households, NULL)) {
            return 1;
        }

        for (n = 0; i + n < to && pg_isalpha(t[i + n]); n++) {
            /* void */
        }

        if (n > 3 && n <= PG_LEX_WORD_MAX && t[i + n - 1] == 's') {
            lex = pg_lex_lookup(t + i, n - 1);

            if (t[i + n - 2] == 'e') {
                lex |= pg_lex_lookup(t + i, n - 2);
            }

            if (lex & PG_LEX_NAME) {
                return 1;
            }
        }

        i += n;
    }

    return 0;
}


/* a venue's name in capitals at pos (after "at", "at the", "The") and a
 * comma or "(" before its street: "Fleet Feet, 3130 Harvard Ave" */

static int
pg_org_venue_name(const char *t, size_t to, size_t pos)
{
    size_t  i, words;

    i = pos;

    for (words = 0; words < 5; words++) {
        if (i >= to || t[i] != ' ') {
            return 0;
        }

        i++;

        if (i >= to || t[i] < 'A' || t[i] > 'Z') {
            return 0;
        }

        while (i < to && (pg_isalnum(t[i]) || t[i] == '\''
                          || t[i] == '&' || t[i] == '-'))
        {
            i++;
        }

        if (i < to && (t[i] == ',' || (t[i] == ' ' && i + 1 < to
                                       && t[i + 1] == '(')))
        {
            i += t[i] == ',' ? 1 : 2;
            return pg_org_street_at(t, to, i);
        }
    }

    return 0;
}


/* a weekday or a clock time ("10 a.m.", "6:30 PM", "9am-1pm") in
 * [from, to): the sentence announces an event */

static int
pg_org_event_time(const char *t, size_t from, size_t to)
{
    size_t  i, n;

    for (i = from; i < to; i++) {
        if (!pg_isalnum(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        if (pg_isalpha(t[i])) {
            if (pg_cues_at(t, to, i, pg_org_weekdays, NULL)) {
                return 1;
            }

            continue;
        }

        n = pg_digit_run(t, to, i, 3);

        if (n == 0 || n > 2) {
            continue;
        }

        i += n;

        if (i + 2 < to && t[i] == ':' && pg_digit_run(t, to, i + 1, 3) == 2)
        {
            i += 3;
        }

        if (i < to && t[i] == ' ') {
            i++;
        }

        /* "9 am", "10am", "6:30 PM", "2 p.m." */
        if (i + 1 < to && (pg_tolower(t[i]) == 'a' || pg_tolower(t[i]) == 'p'))
        {
            n = pg_tolower(t[i + 1]) == 'm' ? 2
                : t[i + 1] == '.' && i + 2 < to && pg_tolower(t[i + 2]) == 'm'
                  ? 3 : 0;

            if (n && pg_word_end(t, to, i + n)) {
                return 1;
            }
        }
    }

    return 0;
}


/* a place of the organisation or an event ("lot", "room", "clinic") in
 * [from, pos), or an event ("gala", "benefit") in the PG_ORG_REACH bytes
 * before pos */

static int
pg_org_event_place(const char *t, size_t from, size_t pos)
{
    size_t  lo;

    lo = pos > PG_ORG_REACH ? pos - PG_ORG_REACH : 0;

    return pg_org_any(t, from, pos, pg_org_facilities)
           || pg_org_any(t, lo < from ? lo : from, pos, pg_org_events);
}


/*
 * "the <Surname> family", "the <Surname> home" ("family", "home" in
 * lower case) in [from, pos): a household, whose contact values are a
 * person's.  For a number or a mailbox (place 0), with no line cue
 * between it and the value ("The Okafor family can be reached at ...";
 * not "Thanks to the Smith family, our new warmline is open daily:
 * ...").  For an address (place 1), a home anywhere before it
 * ("held at the Okafor home, <street>") and a family with no place or
 * event noun between it and the address ("Cards and donations to the
 * Okafor family, <street>", "Checks to the Diaz family can go to
 * <street>"); not "thanks to the Garcia family for hosting our gala at
 * the Elks Lodge, <street>", "the Ruiz Family Foundation", "Our family
 * medicine clinic".
 */

static int
pg_org_household(const char *t, size_t from, size_t pos, int place)
{
    size_t  i, n, w;

    for (i = from; i < pos; i++) {
        if ((t[i] | 0x20) != 't' || !pg_word_start(t, i)
            || (n = pg_cue_at(t, pos, i, "the ")) == 0
            || i + n >= pos || t[i + n] < 'A' || t[i + n] > 'Z')
        {
            continue;
        }

        for (w = i + n; w < pos && (pg_isalpha(t[w]) || t[w] == '-'); w++)
        {
            /* void */
        }

        i = w;

        if (w + 1 >= pos || t[w] != ' ' || t[w + 1] < 'a' || t[w + 1] > 'z')
        {
            continue;
        }

        n = pg_cues_at(t, pos, w + 1, pg_org_home_nouns, NULL);

        if (n && (place || !pg_org_any(t, w + 1 + n, pos, pg_org_line_cues)))
        {
            return 1;
        }

        n = pg_cues_at(t, pos, w + 1, pg_org_household_nouns, NULL);

        if (n == 0) {
            continue;
        }

        w += 1 + n;

        if (place ? !(pg_org_any(t, w, pos, pg_org_facilities)
                      || pg_org_any(t, w, pos, pg_org_events)
                      || pg_org_any(t, w, pos, pg_org_venue_nouns))
                  : !pg_org_any(t, w, pos, pg_org_line_cues))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * A place's name right before the address, in the comma-separated
 * parts of a mailing or venue line: "Parroquia Nuestra Senora de
 * Guadalupe, <street>", "Hospice House, c/o Volunteer Services, P.O.
 * Box ...", "Patient Mail Room, Attn: Holiday Cards, 1 Hospital Plaza".
 * Every part is a name in capitals (connectors such as "de", "of",
 * "c/o" aside) and one of at most three has a place noun; "Maria
 * Lopez, <street>" and "the yellow house, <street>" have none.
 */

static int
pg_org_named_place(const char *t, size_t from, size_t pos)
{
    int     place;
    size_t  i, k, s;

    i = pos;

    for (k = 0; k < 3; k++) {
        while (i > from && t[i - 1] == ' ') {
            i--;
        }

        if (i == from || t[i - 1] != ',') {
            return 0;
        }

        s = pg_org_segment(t, from, i - 1, &place);

        if (s == i - 1) {
            return 0;
        }

        if (place) {
            return 1;
        }

        i = s;
    }

    return 0;
}


/*
 * The start of the part of a name that ends at end (a comma): words in
 * capitals, of digits ("Room 3B") or of pg_org_name_links ("de", "c/o",
 * "Attn:") back to a blank-less delimiter (a comma, a colon, a line's
 * start) or from; end when a word is none of these.  *place says whether
 * a place noun is among the words.
 */

static size_t
pg_org_segment(const char *t, size_t from, size_t end, int *place)
{
    size_t  i, w, n, first;

    *place = 0;
    i = end;
    first = end;

    for ( ;; ) {
        while (i > from && t[i - 1] == ' ') {
            i--;
        }

        /* "12 Park Ave, <city>": a part that opens with a number is a
         * street, no place's name */
        if (i == from || !pg_org_name_byte(t[i - 1])) {
            return first == end || pg_isdigit(t[first]) ? end : first;
        }

        for (w = i; w > from && pg_org_name_byte(t[w - 1]); w--) {
            /* void */
        }

        n = i - w;

        if (!(t[w] >= 'A' && t[w] <= 'Z') && !pg_isdigit(t[w])
            && (unsigned char) t[w] < 0x80
            && pg_cues_at(t, i, w, pg_org_name_links, NULL) != n)
        {
            return end;
        }

        if ((pg_cues_at(t, i, w, pg_org_facilities, NULL) == n
             && pg_cues_at(t, i, w, pg_org_suffix_places, NULL) != n)
            || pg_cues_at(t, i, w, pg_org_venue_nouns, NULL) == n)
        {
            *place = 1;
        }

        i = w;
        first = w;

        /* "Attn: Holiday Cards": a label inside the part */
        if (i > from && t[i - 1] == ':') {
            for (w = i - 1; w > from && pg_isalpha(t[w - 1]); w--) {
                /* void */
            }

            if (pg_cue_at(t, i, w, "attn:") == i - w) {
                i = w;
            }
        }
    }
}


/*
 * A staff title as the label that opens the number's sentence, a name
 * after it: "Coordinator: <name>, (541) ...", "Volunteer coordinator:
 * <name>, ...": the staff member's work line on a flyer.  "Heads up
 * team: tomorrow's home visit ..." names no staff member, and a
 * nursing home's "Resident:" is its patient.
 */

static int
pg_org_staff_label(const char *t, size_t from, size_t pos)
{
    size_t  i, s, w;

    for (i = from; i < pos && !pg_isalpha(t[i]); i++) {
        /* void */
    }

    for (w = 0; w < 2 && i < pos; w++) {
        for (s = i; i < pos && pg_isalpha(t[i]); i++) {
            /* void */
        }

        if (i == s || i - s > PG_LEX_WORD_MAX) {
            return 0;
        }

        if (i < pos && t[i] == ':') {
            if (!(pg_lex_lookup(t + s, i - s) & PG_LEX_STAFF)
                || pg_cues_at(t, i, s, pg_org_patient_titles, NULL) != 0)
            {
                return 0;
            }

            /* a name in capitals after it, the staff member's */
            for (i++; i < pos && t[i] == ' '; i++) {
                /* void */
            }

            return i < pos && t[i] >= 'A' && t[i] <= 'Z';
        }

        if (i >= pos || t[i] != ' ') {
            return 0;
        }

        i++;
    }

    return 0;
}


/*
 * A person for a telephone number or an e-mail address: pg_org_person(),
 * a household ("The Okafor family can be reached at ..."), or a name
 * that owns a contact ("someone used Rosa Diaz's number, ...").
 */

static int
pg_org_contact_person(const char *t, size_t from, size_t pos, size_t to)
{
    return pg_org_person(t, from, to) || pg_org_household(t, from, pos, 0)
           || pg_org_owned_contact(t, from, to);
}


/* a name of the lexicon with "'s" and a contact noun: "Rosa's cell",
 * "Rosa Diaz's number"; not "Mercy Hospital's number" */

static int
pg_org_owned_contact(const char *t, size_t from, size_t to)
{
    size_t  i, w;

    for (i = from; i + 3 < to; i++) {
        if (t[i] != '\'' || t[i + 1] != 's' || t[i + 2] != ' '
            || !pg_cues_at(t, to, i + 3, pg_org_contacts, NULL))
        {
            continue;
        }

        for (w = i; w > from && pg_isalpha(t[w - 1]); w--) {
            /* void */
        }

        if (w < i && t[w] >= 'A' && t[w] <= 'Z' && i - w <= PG_LEX_WORD_MAX
            && (pg_lex_lookup(t + w, i - w) & PG_LEX_NAME)
            && pg_cues_at(t, i, w, pg_org_facilities, NULL) != i - w)
        {
            return 1;
        }
    }

    return 0;
}


/* a byte of a word of a name: "Senora" in UTF-8, "c/o", "Ritz-Carlton" */

static int
pg_org_name_byte(char c)
{
    return pg_isalnum(c) || (unsigned char) c >= 0x80 || c == '\''
           || c == '/' || c == '-' || c == '&';
}


/* "Questions? Call 555-...": the start of a question right before the
 * sentence at from, else from itself */

static size_t
pg_org_question_before(const char *t, size_t len, size_t from)
{
    size_t  i, qfrom, qto;

    for (i = from; i > 0 && pg_isspace(t[i - 1]); i--) {
        /* void */
    }

    if (i == 0 || t[i - 1] != '?') {
        return from;
    }

    pg_org_sentence(t, len, i - 1, i - 1, &qfrom, &qto);

    return qfrom;
}


/* the start of the sentence before the one at from, else from */

static size_t
pg_org_sentence_before(const char *t, size_t len, size_t from)
{
    size_t  i, pfrom, pto;

    for (i = from; i > 0 && pg_isspace(t[i - 1]); i--) {
        /* void */
    }

    if (i < 2) {
        return from;
    }

    pg_org_sentence(t, len, i - 2, i - 2, &pfrom, &pto);

    return pfrom < from ? pfrom : from;
}


/* the dot at `dot` ends an abbreviation or an initial: "Dr.", "P.O." */

static int
pg_org_abbrev_before(const char *t, size_t from, size_t dot)
{
    size_t  s;

    for (s = dot; s > from && (pg_isalpha(t[s - 1]) || t[s - 1] == '.');
         s--)
    {
        /* void */
    }

    if (s == dot) {
        return 0;
    }

    return dot - s == 1 || pg_cues_at(t, dot, s, pg_org_abbrevs, NULL) != 0;
}


/* the n bytes at pos are a role word, trailing digits aside ("jobs2") */

static int
pg_org_role_word(const char *t, size_t pos, size_t n)
{
    size_t  k;

    while (n > 0 && pg_isdigit(t[pos + n - 1])) {
        n--;
    }

    if (n == 0) {
        return 0;
    }

    if (pg_cues_at(t, pos + n, pos, pg_org_roles, NULL) == n) {
        return 1;
    }

    /* two role words run together: "patientaccounts", "carestories" */
    for (k = 2; k + 2 <= n && n <= 32; k++) {
        if (pg_org_role_prefix(t, pos, k)
            && pg_org_role_prefix(t, pos + k, n - k))
        {
            return 1;
        }
    }

    return 0;
}


/* the k bytes at pos are exactly a role word */

static int
pg_org_role_prefix(const char *t, size_t pos, size_t k)
{
    size_t       j, m;
    const char  *w;

    for (j = 0; pg_org_roles[j] != NULL; j++) {
        w = pg_org_roles[j];

        for (m = 0; m < k && w[m] != '\0'
                    && pg_tolower(t[pos + m]) == (unsigned char) w[m];
             m++)
        {
            /* void */
        }

        if (m == k && w[m] == '\0') {
            return 1;
        }
    }

    return 0;
}


/*
 * A pronoun in [from, to) that is not only the owner of a business or a
 * professional: "her attorney's office, 717-..." gives the attorney's
 * line, "her son at 717-..." (a relative, found before) or "reach her
 * at" a person's.
 */

static int
pg_org_pronoun_person(const char *t, size_t from, size_t to)
{
    size_t  i, n;

    for (i = from; i < to; i++) {
        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        n = pg_cues_at(t, to, i, pg_org_pronouns, NULL);
        if (n == 0) {
            continue;
        }

        for (i += n; i < to && pg_isspace(t[i]); i++) {
            /* void */
        }

        if (pg_cues_at(t, to, i, pg_org_third_parties, NULL) == 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * A pronoun in [from, to) whose care state follows it: "Nurse Kim says
 * she is recovering from the transplant", "he had surgery": the person
 * is a patient, whatever staff title in the sentence the pronoun could
 * be taken for.  "she has treated ..." is a clinician's practice.
 */

static int
pg_org_pronoun_state(const char *t, size_t from, size_t to)
{
    int     in;
    size_t  i, n, w;

    for (i = from; i < to; i++) {
        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)
            || (n = pg_cues_at(t, to, i, pg_org_subjects, NULL)) == 0)
        {
            continue;
        }

        i += n;
        i += i < to && t[i] == ' ' ? 1 : 0;

        n = pg_cues_at(t, to, i, pg_org_states, NULL);
        if (n == 0) {
            continue;
        }

        /* "she is in the ICU"; not "he is on the transplant team" */
        in = n >= 2 && t[i + n - 2] == 'i' && t[i + n - 1] == 'n';

        for (i += n; i < to && pg_isspace(t[i]); i++) {
            /* void */
        }

        n = in ? pg_cues_at(t, to, i, pg_org_articles, NULL) : 0;

        for (i += n; n && i < to && pg_isspace(t[i]); i++) {
            /* void */
        }

        for (w = 0; i + w < to && pg_isalpha(t[i + w]); w++) {
            /* void */
        }

        if (w > 0 && w <= PG_LEX_WORD_MAX
            && (pg_lex_lookup(t + i, w) & PG_LEX_HEALTH)
            && pg_cues_at(t, to, i, pg_org_practices, NULL) == 0)
        {
            return 1;
        }
    }

    return 0;
}


/*
 * The value at pos follows a call verb that opens its clause: "Call
 * 406-238-6000.", "Please dial 402-...", "call 402-... instead" after a
 * semicolon, "... a low-dose CT. Call 406-..." (a capitalised verb after
 * a dot that the sentence rule took for an abbreviation's).  A command
 * to the reader (pg_org_reader()) gives a line to call, the
 * organisation's; "Text 727-... tonight." alone may be a note between
 * colleagues about a patient's number, so it stays a finding.  A person in
 * the sentence still makes it theirs, and so does a record, a health
 * word or a name after it ("Call 727-... about chart # ..., positive for
 * hep C", "Call 617-... for Ana": pg_org_care_in()).
 */

static int
pg_org_imperative(const char *t, size_t from, size_t pos)
{
    size_t  i, n, w;

    for (i = pos; i > from && (pg_isspace(t[i - 1]) || t[i - 1] == ':');
         i--)
    {
        /* void */
    }

    for (w = i; w > from && pg_isalpha(t[w - 1]); w--) {
        /* void */
    }

    n = pg_cues_at(t, i, w, pg_org_call_verbs, NULL);
    if (n == 0 || w + n != i) {
        return 0;
    }

    if (t[w] >= 'A' && t[w] <= 'Z' && w >= 2 && t[w - 1] == ' '
        && t[w - 2] == '.')
    {
        return 1;
    }

    /* only "please", "or just" and the like between from and the verb */
    for (i = from; i < w && !pg_isalpha(t[i]); i++) {
        /* void */
    }

    while (i < w && (n = pg_cues_at(t, w, i, pg_org_call_fill, NULL))) {
        for (i += n; i < w && (pg_isspace(t[i]) || t[i] == ','); i++) {
            /* void */
        }
    }

    return i == w;
}


/* a care or record noun, a health word or a capitalised word (a name)
 * in [from, to): "about chart # 4410928", "positive for hep C", "for
 * Ana" */

static int
pg_org_care_in(const char *t, size_t from, size_t to)
{
    size_t  i, w;

    for (i = from; i < to; i++) {
        if (!pg_isalpha(t[i]) || !pg_word_start(t, i)) {
            continue;
        }

        for (w = 0; i + w < to && (pg_isalpha(t[i + w]) || t[i + w] == '-');
             w++)
        {
            /* void */
        }

        if ((t[i] >= 'A' && t[i] <= 'Z')
            || pg_cues_at(t, to, i, pg_org_care_nouns, NULL) == w
            || (w <= PG_LEX_WORD_MAX
                && (pg_lex_lookup(t + i, w) & PG_LEX_HEALTH)))
        {
            return 1;
        }

        i += w;
    }

    return 0;
}


/*
 * The reader is addressed ("you", "your", "us") in the sentence or
 * clause before pos or in the one before it: "You may qualify. Call
 * ...", "don't ask us ...; call ... instead".  A call verb in lower case
 * after a sentence's end ("Thanks for your story! call ...") opens no
 * call to action of its own: only a clause after a semicolon looks back.
 */

static int
pg_org_reader(const char *t, size_t len, size_t from, size_t pos)
{
    int     lower;
    size_t  i, pfrom, pto;

    for (i = from; i < pos && !pg_isalpha(t[i]); i++) {
        /* void */
    }

    lower = i < pos && t[i] >= 'a' && t[i] <= 'z';

    for (i = from; i > 0 && pg_isspace(t[i - 1]); i--) {
        /* void */
    }

    if (i > 1 && (!lower || t[i - 1] == ';')) {
        pg_org_sentence(t, len, i - 2, i - 2, &pfrom, &pto);
        from = pfrom < from ? pfrom : from;
    }

    return pg_org_any(t, from, pos, pg_org_readers);
}
