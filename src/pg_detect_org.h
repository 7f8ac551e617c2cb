/*
 * Copyright (C) phigate authors
 *
 * Whose a contact value is: the organisation's own (its address, its
 * main line, a role mailbox, the venue of its event) or a person's.  A
 * hospital's marketing posts carry its own address and phone number
 * every day; a patient's are PHI.  What tells them apart is the sentence
 * around the value:
 *
 *   - an organisation cue: "call us", "find us at", "our clinic at",
 *     "located at", "donations to", "nurse advice line", "open 24/7",
 *     "to schedule your ...";
 *   - and no person in the sentence: "patient", "pt", an honorific, a
 *     relative ("her daughter"), a care event ("discharged",
 *     "ambulance"), or a pronoun ("her", "his") unless a staff title in
 *     the sentence says whose the pronoun is ("Dr. Ruiz sees her
 *     patients at ...").
 *
 * A person cue always wins, so "call the patient's wife at ..." and "our
 * clinic at 12 Oak St treated Mrs. Diaz" stay findings.  Internal to the
 * engine: PHONE, EMAIL, ADDRESS and ZIP use it.
 */

#ifndef _PG_DETECT_ORG_H_INCLUDED_
#define _PG_DETECT_ORG_H_INCLUDED_


#include <stddef.h>


/*
 * The sentence around [pos, end): *from and *to are its bounds, at most
 * PG_ORG_REACH bytes either side.  A dot ends a sentence when a blank
 * follows it and it does not end an abbreviation ("Dr.", "St.", "P.O.").
 */
void pg_org_sentence(const char *t, size_t len, size_t pos, size_t end,
    size_t *from, size_t *to);

/* a person (patient, relative, honorific, care event) in [from, to) */
int pg_org_person(const char *t, size_t from, size_t to);

/*
 * The address or ZIP code at [pos, end) is the organisation's or an
 * event venue's: "our urgent care at", "find us at", "located at",
 * "donations to", "held at" before it in its sentence, or a venue's own
 * sentence after an event ("The Ritz-Carlton, <street>"); and no person
 * nor a home visit in the sentence.
 */
int pg_org_place(const char *t, size_t len, size_t pos, size_t end);

/*
 * The telephone number at [pos, end) is the organisation's line: "call
 * us", "advice line", "to schedule your", "open 24/7", "for more
 * information" in its sentence, or a scam's the post warns about
 * ("scam calls from ..."), and no person.
 */
int pg_org_line(const char *t, size_t len, size_t pos, size_t end);

/*
 * The e-mail address at [pos, end) is the organisation's: a role mailbox
 * ("info@", "careers@", "media.relations@"), or "email us at" or a
 * warning ("phishing emails claiming to be from ...") in its sentence,
 * or (webmail 0: the host is not a webmail provider) a call to action as
 * pg_org_line() reads them; and no person.
 */
int pg_org_mailbox(const char *t, size_t len, size_t pos, size_t end,
    int webmail);


#endif /* _PG_DETECT_ORG_H_INCLUDED_ */
