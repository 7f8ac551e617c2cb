/*
 * Copyright (C) phigate authors
 *
 * Phone detector: NANP formats, cues for bare digits, NANP validity,
 * boundaries, short codes and marketing look-alikes.
 */


#include "detect_fixture.h"


static void test_phone_formats(void **state);
static void test_phone_country_code(void **state);
static void test_phone_bare_needs_cue(void **state);
static void test_phone_nanp_rules(void **state);
static void test_phone_short_codes(void **state);
static void test_phone_longer_runs(void **state);
static void test_phone_toll_free(void **state);
static void test_phone_lookalikes(void **state);
static void test_phone_edges(void **state);
static void test_phone_org_line(void **state);
static void test_phone_org_leaks(void **state);
static void test_phone_spelled(void **state);
static void test_phone_field(void **state);
static void test_phone_evasions(void **state);
static void test_phone_spaced_separators(void **state);
static void test_phone_international(void **state);


static void
test_phone_formats(void **state)
{
    pg_dt_one(*state, pg_detect_phone, "reach me at (555) 234-5678 today",
              PG_T_PHONE, 12, 14);
    pg_dt_one(*state, pg_detect_phone, "(555)234-5678", PG_T_PHONE, 0, 13);
    pg_dt_one(*state, pg_detect_phone, "at 555-234-5678.", PG_T_PHONE, 3,
              12);
    pg_dt_one(*state, pg_detect_phone, "at 555.234.5678", PG_T_PHONE, 3,
              12);
    pg_dt_one(*state, pg_detect_phone, "at 555 234 5678", PG_T_PHONE, 3,
              12);
    pg_dt_one(*state, pg_detect_phone, "at 555-234 5678", PG_T_PHONE, 3,
              12);
    pg_dt_one(*state, pg_detect_phone, "in 2020 555 234 5678", PG_T_PHONE,
              8, 12);
    pg_dt_one(*state, pg_detect_phone, "at 727/482-3324", PG_T_PHONE, 3,
              12);
    /* the slash only after the area code */
    pg_dt_none(*state, pg_detect_phone, "at 727-482/3324");
}


static void
test_phone_country_code(void **state)
{
    pg_dt_one(*state, pg_detect_phone, "at +1 865 473 9166 re", PG_T_PHONE,
              3, 15);
    pg_dt_one(*state, pg_detect_phone, "+1-865-473-9166", PG_T_PHONE, 0,
              15);
    pg_dt_one(*state, pg_detect_phone, "+1 (865) 473-9166", PG_T_PHONE, 0,
              17);
    pg_dt_one(*state, pg_detect_phone, "1-865-473-9166", PG_T_PHONE, 0,
              14);
    pg_dt_one(*state, pg_detect_phone, "1 (865) 473-9166", PG_T_PHONE, 0,
              16);
    /* "+1" marks an E.164 number well enough without a cue */
    pg_dt_one(*state, pg_detect_phone, "wa +18654739166", PG_T_PHONE, 3,
              12);
    /* other countries are out of scope */
    pg_dt_none(*state, pg_detect_phone, "+44 20 7946 0958");

    /* a Brazilian mobile without "+55": a person's own */
    pg_dt_one(*state, pg_detect_phone, "mandar mensagem: (11) 98472-3316.",
              PG_T_PHONE, 17, 15);
    /* a landline's 4+4 digits, a short run: not a mobile */
    pg_dt_none(*state, pg_detect_phone, "Central: (11) 3472-3316.");
    pg_dt_none(*state, pg_detect_phone, "Sala (11) 98472-331 e 9");
    pg_dt_none(*state, pg_detect_phone, "ends with (11)");
}


static void
test_phone_bare_needs_cue(void **state)
{
    pg_dt_one(*state, pg_detect_phone, "call 8654739166", PG_T_PHONE, 5,
              10);
    pg_dt_one(*state, pg_detect_phone, "Cell: 8654739166", PG_T_PHONE, 6,
              10);
    pg_dt_one(*state, pg_detect_phone, "text her at 8654739166 asap",
              PG_T_PHONE, 12, 10);
    pg_dt_one(*state, pg_detect_phone, "phone 18654739166", PG_T_PHONE, 6,
              11);
    /* "patient's" counts as one word of the cue window */
    pg_dt_one(*state, pg_detect_phone, "text the patient's mom: 8654739166",
              PG_T_PHONE, 24, 10);
    pg_dt_none(*state, pg_detect_phone,
               "text the patient and her mom: 8654739166");

    pg_dt_none(*state, pg_detect_phone, "order 8654739166 shipped");
    pg_dt_none(*state, pg_detect_phone, "8654739166");
    pg_dt_none(*state, pg_detect_phone, "18654739166");
    /* the cue must be a whole word */
    pg_dt_none(*state, pg_detect_phone, "recall 8654739166");
    pg_dt_none(*state, pg_detect_phone, "telemetry 8654739166");
    /* and close */
    pg_dt_none(*state, pg_detect_phone,
               "call us about the new order list ticket 8654739166");
}


static void
test_phone_nanp_rules(void **state)
{
    /* area code and exchange start with 2-9 */
    pg_dt_none(*state, pg_detect_phone, "at 155-234-5678");
    pg_dt_none(*state, pg_detect_phone, "at 055-234-5678");
    pg_dt_none(*state, pg_detect_phone, "at 555-134-5678");
    pg_dt_none(*state, pg_detect_phone, "at 555-034-5678");
    pg_dt_none(*state, pg_detect_phone, "call 1554739166");
    /* N11 codes are services, not area codes or exchanges */
    pg_dt_none(*state, pg_detect_phone, "at 911-234-5678");
    pg_dt_none(*state, pg_detect_phone, "at 411-234-5678");
    pg_dt_none(*state, pg_detect_phone, "at 555-911-5678");
    pg_dt_none(*state, pg_detect_phone, "at (211) 234-5678");

    pg_dt_one(*state, pg_detect_phone, "at 200-200-0000", PG_T_PHONE, 3,
              12);
    pg_dt_one(*state, pg_detect_phone, "at 912-234-5678", PG_T_PHONE, 3,
              12);
}


static void
test_phone_short_codes(void **state)
{
    pg_dt_none(*state, pg_detect_phone, "In crisis? Call 988.");
    pg_dt_none(*state, pg_detect_phone, "In an emergency dial 911");
    pg_dt_none(*state, pg_detect_phone, "call 911 or text 741741");
    pg_dt_none(*state, pg_detect_phone, "Call 211 for help");
}


static void
test_phone_longer_runs(void **state)
{
    pg_dt_none(*state, pg_detect_phone, "id 5555-234-5678");
    pg_dt_none(*state, pg_detect_phone, "id 555-234-56789");
    pg_dt_none(*state, pg_detect_phone, "id 555-234-5678-9");
    pg_dt_none(*state, pg_detect_phone, "id 12-555-234-5678");
    pg_dt_none(*state, pg_detect_phone, "idx555-234-5678");
    pg_dt_none(*state, pg_detect_phone, "call 86547391660");
    pg_dt_none(*state, pg_detect_phone, "call 865473916");
    pg_dt_none(*state, pg_detect_phone, "id 555-2345-678");
}


static void
test_phone_toll_free(void **state)
{
    pg_dt_t  *fx = *state;

    /* a business's line unless a person is named in its sentence */
    pg_dt_none(fx, pg_detect_phone, "Call 1-800-234-5678");
    pg_dt_none(fx, pg_detect_phone, "COVID-19 vaccines at all our "
               "pharmacies; call 1-877-436-2200 for hours.");
    pg_dt_none(fx, pg_detect_phone, "For billing questions, call Patient "
               "Financial Services at 800-472-3315, option 2.");

    pg_dt_one(fx, pg_detect_phone, "Call her at 1-800-234-5678", PG_T_PHONE,
              12, 14);
    assert_int_equal(fx->findings.items[0].confidence, 60);

    pg_dt_one(fx, pg_detect_phone, "the patient's son: 855-234-5678",
              PG_T_PHONE, 19, 12);
    assert_int_equal(fx->findings.items[0].confidence, 60);

    pg_dt_one(fx, pg_detect_phone, "Call 865-234-5678", PG_T_PHONE, 5, 12);
    assert_int_equal(fx->findings.items[0].confidence, 90);

    /* vanity numbers are not read */
    pg_dt_none(fx, pg_detect_phone, "Call 1-800-FLOWERS");
    pg_dt_none(fx, pg_detect_phone, "Call 1-800-555-HELP");
}


static void
test_phone_lookalikes(void **state)
{
    pg_dt_none(*state, pg_detect_phone,
               "Our nurses logged 6,476 volunteer hours in 2020.");
    pg_dt_none(*state, pg_detect_phone,
               "Our urgent care is open 7 days a week, 8am-8pm.");
    pg_dt_none(*state, pg_detect_phone, "1 in 8 women will face it");
    pg_dt_none(*state, pg_detect_phone, "SSN 532-71-4420");
    pg_dt_none(*state, pg_detect_phone, "ZIP 90210-1234");
    pg_dt_none(*state, pg_detect_phone, "raised $2,345,678.90 this year");
    pg_dt_none(*state, pg_detect_phone, "Room 2345, 6789 Elm St");
    pg_dt_none(*state, pg_detect_phone,
               "see https://x.com/status/555-234-5678 now");
    pg_dt_none(*state, pg_detect_phone,
               "https://x.com/hosp/status/1790012345678901234");
    pg_dt_none(*state, pg_detect_phone, "www.example.org/555.234.5678");
    pg_dt_none(*state, pg_detect_phone, "on 2024-05-17, call us");
    pg_dt_none(*state, pg_detect_phone, "#5552345678");
}


static void
test_phone_edges(void **state)
{
    static const char  nul[] = "call\0(555) 234-5678";

    assert_int_equal(pg_dt_runl(*state, pg_detect_phone, "", 0), 0);
    pg_dt_none(*state, pg_detect_phone, "(");
    pg_dt_none(*state, pg_detect_phone, "+");
    pg_dt_none(*state, pg_detect_phone, "+1");
    pg_dt_none(*state, pg_detect_phone, "1-");
    pg_dt_none(*state, pg_detect_phone, "(555");
    pg_dt_none(*state, pg_detect_phone, "(555)");
    pg_dt_none(*state, pg_detect_phone, "555-234-567");

    assert_int_equal(pg_dt_runl(*state, pg_detect_phone, nul,
                                sizeof(nul) - 1), 1);
    pg_dt_check(*state, "nul", 0, PG_T_PHONE, 5, 14);

    /* a buffer that ends inside a number: only what is within len */
    assert_int_equal(pg_dt_runl(*state, pg_detect_phone, "555-234-56789",
                                12), 1);
}



static void
test_phone_org_line(void **state)
{
    pg_dt_t  *fx = *state;

    /* the hospital's own line: an organisation cue, nobody's number */
    pg_dt_none(fx, pg_detect_phone, "Questions about billing? Call us at "
               "(555) 234-8000, Mon-Fri 8am-5pm.");
    pg_dt_none(fx, pg_detect_phone,
               "Schedule your mammogram today: 1-800-234-0199.");
    pg_dt_none(fx, pg_detect_phone, "Nurse advice line: 555.234.7700, "
               "open 24/7.");
    pg_dt_none(fx, pg_detect_phone, "Book online or call 555-234-6000 to "
               "schedule your flu shot.");
    pg_dt_none(fx, pg_detect_phone, "We're hiring! Questions? Our "
               "recruiter is at 865-234-7100.");

    /* a person in the sentence wins over every organisation cue */
    pg_dt_one(fx, pg_detect_phone, "Call the patient's wife at (727) "
              "482-3310 to schedule his follow-up.", PG_T_PHONE, 27, 14);
    pg_dt_one(fx, pg_detect_phone, "Questions? Call her daughter at "
              "727-482-3311.", PG_T_PHONE, 32, 12);
    pg_dt_one(fx, pg_detect_phone, "Mrs. Diaz asked us to call 727-482-"
              "3312 about her results.", PG_T_PHONE, 27, 12);
    pg_dt_one(fx, pg_detect_phone, "Call the family at 727-482-3313 "
              "within two hours, our office says.", PG_T_PHONE, 19, 12);
    /* "his cardiologist" is the patient's: the pronoun still counts */
    pg_dt_one(fx, pg_detect_phone, "Faxing to 865-234-5682, his "
              "cardiologist's office.", PG_T_PHONE, 10, 12);
    /* a pronoun that owns a patient's care is a patient's */
    pg_dt_one(fx, pg_detect_phone, "Fax her referral to Dr. Patel's "
              "office at 727-461-8823.", PG_T_PHONE, 42, 12);
    /* a staff title says whose the pronoun is */
    pg_dt_none(fx, pg_detect_phone, "Dr. Ruiz sees her patients at our "
               "Oak clinic: call 865-234-7000.");
    /* more calls to action; a question right before the sentence */
    pg_dt_none(fx, pg_detect_phone, "Sign up online or call 865-234-7120.");
    pg_dt_none(fx, pg_detect_phone, "Our diabetes warmline is open daily: "
               "865-234-7121.");
    pg_dt_none(fx, pg_detect_phone, "Our main number has changed. New "
               "number: 865-234-7122.");
    pg_dt_none(fx, pg_detect_phone, "Questions about your knee surgery? "
               "Our nurses are available Monday-Friday at 865-234-7123.");
    pg_dt_one(fx, pg_detect_phone, "Questions about her knee surgery? "
              "Text 865-234-7124.", PG_T_PHONE, 39, 12);
    pg_dt_one(fx, pg_detect_phone, "Sign up her son at 865-234-7125.",
              PG_T_PHONE, 19, 12);

    /* a call verb that opens its clause is a call to action; a
     * patient, a record or a health word after the number is not */
    pg_dt_none(fx, pg_detect_phone, "You may qualify for a low-dose CT. "
               "Call 406-238-6001.");
    pg_dt_none(fx, pg_detect_phone, "Please don't ask us about a loved one "
               "here; call 402-552-2001 instead.");
    pg_dt_none(fx, pg_detect_phone, "Drivers needed. Info: 319-356-1617.");
    pg_dt_one(fx, pg_detect_phone, "Questions about his biopsy? Please "
              "call 727-482-3315.", PG_T_PHONE, 40, 12);
    pg_dt_one(fx, pg_detect_phone, "Call 727-482-3316 about chart # "
              "4410928, positive for hep C.", PG_T_PHONE, 5, 12);
    pg_dt_one(fx, pg_detect_phone, "Dr. Ito said to call 727-482-3317 "
              "tonight.", PG_T_PHONE, 21, 12);
    /* a lower-case verb after a sentence's end looks back no further */
    pg_dt_one(fx, pg_detect_phone, "Thank you for your story! call "
              "727-482-3318", PG_T_PHONE, 31, 12);
    pg_dt_none(fx, pg_detect_phone, "You may qualify for a screening. "
               "Call 727-482-3319.");

    /* a Spanish label, as the detectors read "Más información" (accents
     * folded by the normaliser); a number the post warns about */
    pg_dt_none(fx, pg_detect_phone, "Vacunas para ninos este jueves. "
               "Mas informacion: 956-318-2240.");
    pg_dt_one(fx, pg_detect_phone, "Vacunas para ni\xc3\xb1os este jueves. "
              "Su hijo: 956-318-2240.", PG_T_PHONE, 42, 12);
    pg_dt_none(fx, pg_detect_phone, "Servicios al Paciente: 956-318-2241.");
    pg_dt_one(fx, pg_detect_phone, "Para m\xc3\xa1s informaci\xc3\xb3n, "
              "llame a su hija al 956-318-2242.", PG_T_PHONE, 43, 12);
    pg_dt_one(fx, pg_detect_phone, "M\xc3\xa1s informaci\xc3\xb3n sobre la "
              "paciente: 956-318-2243.", PG_T_PHONE, 37, 12);
    pg_dt_none(fx, pg_detect_phone, "Scam calls from 312-555-0199 are not "
               "from our billing office.");
    pg_dt_one(fx, pg_detect_phone, "After the scam call, reach her son at "
              "312-555-0198.", PG_T_PHONE, 38, 12);

    /* another sentence's organisation cue does not count */
    pg_dt_one(fx, pg_detect_phone, "Our clinic is open 24/7. Text "
              "727-482-3314 tonight.", PG_T_PHONE, 30, 12);

    /* a staff member's work line in a department (h5-c065); a person
     * in the sentence still makes it theirs */
    pg_dt_none(fx, pg_detect_phone, "Text Janelle in HR at 470-226-8195 "
               "to set up an interview.");
    pg_dt_none(fx, pg_detect_phone, "Text Janelle in HR at 470-226-8195 "
               "tonight.");
    pg_dt_one(fx, pg_detect_phone, "Text Janelle in the ICU at "
              "470-226-8196 about her dad.", PG_T_PHONE, 27, 12);
    pg_dt_one(fx, pg_detect_phone, "Text Janelle in HR at 470-226-8197 "
              "about her mom.", PG_T_PHONE, 22, 12);

    /* a language service's line, announced in the sentence before
     * (h5-c050); not two sentences before, nor with a person */
    pg_dt_none(fx, pg_detect_phone, "Our interpreters speak Arabic and "
               "Dari. Ask for one, free, at any visit or call "
               "612-873-5050.");
    pg_dt_one(fx, pg_detect_phone, "Mr. Diaz needed an interpreter. Call "
              "his son at 612-873-5051.", PG_T_PHONE, 48, 12);
    pg_dt_one(fx, pg_detect_phone, "Our interpreters speak Arabic. The "
              "dinner was great. Text 612-873-5052 tonight.", PG_T_PHONE,
              58, 12);
}


static void
test_phone_org_leaks(void **state)
{
    pg_dt_t  *fx = *state;

    /* the writer's own care makes "me" and "my cell" a patient's, in the
     * sentence or the one before; a staff member's "my team" does not */
    pg_dt_one(fx, pg_detect_phone, "Questions about my biopsy results? "
              "Text me at 541-382-7710.", PG_T_PHONE, 46, 12);
    pg_dt_none(fx, pg_detect_phone, "I love my job! Want to join my team? "
               "Text me at 541-382-7710 to set up an interview.");
    pg_dt_one(fx, pg_detect_phone, "I love my doctors! After my stroke? "
              "Text me at 541-382-7712 to set up a visit.", PG_T_PHONE, 47,
              12);
    pg_dt_one(fx, pg_detect_phone, "Sign up for my walk for my chemo "
              "costs; questions to my cell 541-382-7710.", PG_T_PHONE, 61,
              12);
    pg_dt_none(fx, pg_detect_phone, "Sign up for my walk for our cancer "
               "center; questions to my cell 541-382-7710.");

    /* a pronoun with a care state is a patient, whatever staff title is
     * in the sentence; a clinician's practice is no care state */
    pg_dt_one(fx, pg_detect_phone, "Nurse Kim says she is recovering from "
              "the transplant and is available at 541-382-7710.",
              PG_T_PHONE, 73, 12);
    pg_dt_none(fx, pg_detect_phone, "Nurse Kim says she is proud of her "
               "team and is available at 541-382-7710.");
    pg_dt_none(fx, pg_detect_phone, "Dr. Farah says she has treated kidney "
               "disease for years and is available at 541-382-7711.");

    /* Spanish: "ella", "del paciente"; the department stays clean */
    pg_dt_one(fx, pg_detect_phone, "Llame a Rosa al 210-358-4411, ella "
              "est\xc3\xa1 en di\xc3\xa1lisis.", PG_T_PHONE, 16, 12);
    pg_dt_one(fx, pg_detect_phone, "Informaci\xc3\xb3n del paciente: "
              "210-358-4411.", PG_T_PHONE, 27, 12);
    pg_dt_none(fx, pg_detect_phone, "Servicios al Paciente: llame al "
               "210-358-4412 de lunes a viernes.");
    pg_dt_one(fx, pg_detect_phone, "Informaci\xc3\xb3n: el se\xc3\xb1or "
              "Ram\xc3\xadrez tuvo un infarto, su tel\xc3\xa9" "fono es "
              "210-358-4424.", PG_T_PHONE, 66, 12);
    pg_dt_one(fx, pg_detect_phone, "M\xc3\xa1s informaci\xc3\xb3n sobre "
              "do\xc3\xb1" "a Rosa: 210-358-4421.", PG_T_PHONE, 36, 12);
    pg_dt_none(fx, pg_detect_phone, "Don Quixote reading night at our "
               "library! Info: 210-358-4427.");

    /* a household with no line cue before the number, a name that owns
     * it; a donor family thanked before a warmline, a hospital's own */
    pg_dt_one(fx, pg_detect_phone, "Interpreter services were requested. "
              "The Okafor family can be reached at 612-873-5098.",
              PG_T_PHONE, 73, 12);
    pg_dt_none(fx, pg_detect_phone, "Thanks to the Smith family, our new "
               "lactation warmline is open daily: 608-263-8500.");
    pg_dt_one(fx, pg_detect_phone, "Scam alert: someone used Rosa Diaz's "
              "number, 612-873-5095, to call patients.", PG_T_PHONE, 45, 12);
    pg_dt_none(fx, pg_detect_phone, "Call Mercy Hospital's main number, "
               "612-873-5013, for visiting hours.");

    /* "in the <place of care>" after a pronoun; "on the <team>" is none */
    pg_dt_one(fx, pg_detect_phone, "Nurse Kim says she is in the ICU and is "
              "available at 612-873-5011.", PG_T_PHONE, 53, 12);
    pg_dt_none(fx, pg_detect_phone, "Dr. Kim says he is on the transplant "
               "team and is available at 612-873-5012 for referrals.");

    /* a staff title as a label with a name after it; not a team, not a
     * nursing home's resident; Haitian Creole "Enfòmasyon:", as the
     * normaliser gives it to the detector ("Enfomasyon") */
    pg_dt_none(fx, pg_detect_phone, "Coordinator: Pilar Echavarr\xc3\xad" "a, "
               "(541) 382-5882.");
    pg_dt_one(fx, pg_detect_phone, "Heads up team: tomorrow's first home "
              "visit is the insulin start, 677-998-6259.", PG_T_PHONE, 65,
              12);
    pg_dt_one(fx, pg_detect_phone, "Resident: Rosa Diaz, 541-382-5883.",
              PG_T_PHONE, 21, 12);
    pg_dt_none(fx, pg_detect_phone, "Vaksen grip gratis! Enfomasyon: "
               "305-751-6620.");
    pg_dt_one(fx, pg_detect_phone, "Enf\xc3\xb2masyon sou manman li: "
              "305-751-6621.", PG_T_PHONE, 27, 12);
}


static void
test_phone_spelled(void **state)
{
    pg_dt_one(*state, pg_detect_phone, "Pt callback # seven two seven, four "
              "eight two, three three two zero re: MRI", PG_T_PHONE, 14, 53);
    pg_dt_one(*state, pg_detect_phone, "call her at eight six five four "
              "seven three nine one six six", PG_T_PHONE, 12, 48);
    /* digits and words mixed, "oh" for zero, a leading one */
    pg_dt_one(*state, pg_detect_phone, "cell: one 865 four seven three "
              "nine one six oh", PG_T_PHONE, 6, 40);

    /* spelled digits need a cue, ten digits and NANP validity */
    pg_dt_none(*state, pg_detect_phone, "seven two seven four eight two "
               "three three two zero");
    pg_dt_none(*state, pg_detect_phone, "call: five six seven eight");
    pg_dt_none(*state, pg_detect_phone, "call one two seven four eight "
               "two three three two zero");
    pg_dt_none(*state, pg_detect_phone, "call us: seven two seven four "
               "eight two three three two zero, open 24/7");
}


static void
test_phone_field(void **state)
{
    /* " - " between the groups */
    pg_dt_one(*state, pg_detect_phone, "Call pt's son @ 727 - 215 - 3308 "
              "re: DNR paperwork", PG_T_PHONE, 16, 16);
    pg_dt_one(*state, pg_detect_phone, "(727) - 215 - 3308", PG_T_PHONE, 0,
              18);
    pg_dt_none(*state, pg_detect_phone, "scores 727 - 215 - 33080");
    pg_dt_none(*state, pg_detect_phone, "727 -- 215 - 3308");

    /* organisation cues of the field: "call our", "to order", venues */
    pg_dt_none(*state, pg_detect_phone, "Media inquiries: please call our "
               "newsroom at 813-874-3120.");
    pg_dt_none(*state, pg_detect_phone, "Walk-ins welcome; call "
               "727-820-7474 to reserve a time.");
    pg_dt_none(*state, pg_detect_phone, "Call 727-341-4050 to order.");
    pg_dt_none(*state, pg_detect_phone, "Llame al 727-462-7800 de lunes a "
               "viernes.");
    pg_dt_one(*state, pg_detect_phone, "Call 727-341-4050 to order her "
              "meds.", PG_T_PHONE, 5, 12);
}


static void
test_phone_spaced_separators(void **state)
{
    /* the spacings SSN, MBI and MRN see through (pg_detect_sep.h) */
    pg_dt_one(*state, pg_detect_phone, "call her at 727 -215- 3308",
              PG_T_PHONE, 12, 14);
    pg_dt_one(*state, pg_detect_phone, "her cell 727 . 215 . 3308",
              PG_T_PHONE, 9, 16);
    pg_dt_one(*state, pg_detect_phone, "his cell 727  215  3308",
              PG_T_PHONE, 9, 14);
    pg_dt_one(*state, pg_detect_phone, "his cell (727)  215 -  3308",
              PG_T_PHONE, 9, 18);

    /* three numbers, a dash that separates nothing */
    pg_dt_none(*state, pg_detect_phone, "rooms 727   215   3308");
    pg_dt_none(*state, pg_detect_phone, "his cell 727 - 215 - ");
}



/* slashes all through; a spelled area code before a written local
 * number; spelled digits with the cue further back; "ring" */

static void
test_phone_evasions(void **state)
{
    pg_dt_one(*state, pg_detect_phone, "Text her at 402/310/8856 tonight.",
              PG_T_PHONE, 12, 12);
    pg_dt_one(*state, pg_detect_phone, "her son, (four one two) 683-2290.",
              PG_T_PHONE, 10, 22);
    pg_dt_one(*state, pg_detect_phone, "Call the wife of the patient on 7 "
              "at eight one six, four four two, nine zero one five.",
              PG_T_PHONE, 37, 48);
    pg_dt_one(*state, pg_detect_phone, "ring her at nine-one-nine 5520438",
              PG_T_PHONE, 12, 21);

    pg_dt_none(*state, pg_detect_phone, "Dosing 4/15/2024 then 402/310");
    pg_dt_none(*state, pg_detect_phone, "Open one two three days a week: "
               "555-1234");
    pg_dt_none(*state, pg_detect_phone, "Ring the bell at two o'clock, "
               "four five six seven eight nine ten!");
    pg_dt_none(*state, pg_detect_phone, "Our clinic line: (eight one "
               "three) 874-3120, open daily.");
}


static void
test_phone_international(void **state)
{
    /* a relative, a patient, a phone cue before */
    pg_dt_one(*state, pg_detect_phone,
              "El esposo de la paciente pide que le llamen a su celular: "
              "+52 33 1847 2290.", PG_T_PHONE, 58, 16);
    pg_dt_one(*state, pg_detect_phone,
              "The patient's daughter in London: +44 20 7946 0958",
              PG_T_PHONE, 34, 16);
    pg_dt_one(*state, pg_detect_phone, "call +4930123456789 tonight",
              PG_T_PHONE, 5, 14);

    /* nobody's: a partner's office, counts, percentages, too short */
    pg_dt_none(*state, pg_detect_phone,
               "Our partner clinic in Madrid: +34 91 123 45 67");
    pg_dt_none(*state, pg_detect_phone,
               "The patient portal gained +25 000 users this year");
    pg_dt_none(*state, pg_detect_phone, "her score rose +2024 points");
    pg_dt_none(*state, pg_detect_phone, "call her at +52 33 18");
    pg_dt_none(*state, pg_detect_phone,
               "her son wrote: +52 33 1847 2290 3391 0042 1188");
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_phone_formats,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_country_code,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_bare_needs_cue,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_nanp_rules,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_short_codes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_longer_runs,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_toll_free,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_org_line,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_org_leaks,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_spelled,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_field,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_evasions,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_spaced_separators,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_phone_international,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
