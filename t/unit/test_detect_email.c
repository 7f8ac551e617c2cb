/*
 * Copyright (C) phigate authors
 *
 * E-mail detector: local parts, domains, TLDs, URLs and look-alikes.
 */


#include "detect_fixture.h"


static void test_email_plain(void **state);
static void test_email_local_part(void **state);
static void test_email_domain(void **state);
static void test_email_not_addresses(void **state);
static void test_email_urls(void **state);
static void test_email_edges(void **state);
static void test_email_org_mailbox(void **state);
static void test_email_spelled(void **state);
static void test_email_evasions(void **state);
static void test_email_blanked(void **state);


static void
test_email_plain(void **state)
{
    pg_dt_one(*state, pg_detect_email, "summary at nadia53@hotmail.com",
              PG_T_EMAIL, 11, 19);
    pg_dt_one(*state, pg_detect_email, "nadia53@hotmail.com.", PG_T_EMAIL,
              0, 19);
    pg_dt_one(*state, pg_detect_email, "<j.o-neill+lab@mail.uni-x.co.uk>",
              PG_T_EMAIL, 1, 30);
    pg_dt_one(*state, pg_detect_email, "(A_B%c@EXAMPLE.ORG)", PG_T_EMAIL, 1,
              17);
    pg_dt_one(*state, pg_detect_email, "mailto:amy@clinic.org",
              PG_T_EMAIL, 7, 14);
}


static void
test_email_local_part(void **state)
{
    /* a leading dot is punctuation; a trailing dot or ".." is invalid */
    pg_dt_one(*state, pg_detect_email, "...amy@clinic.org", PG_T_EMAIL, 3,
              14);
    pg_dt_none(*state, pg_detect_email, "amy.@clinic.org");
    pg_dt_none(*state, pg_detect_email, "a..my@clinic.org");

    /* 64 bytes is the longest local part */
    pg_dt_one(*state, pg_detect_email,
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
              "@x.org", PG_T_EMAIL, 0, 70);
    pg_dt_none(*state, pg_detect_email,
               "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
               "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
               "a@x.org");
}


static void
test_email_domain(void **state)
{
    pg_dt_none(*state, pg_detect_email, "amy@localhost");
    pg_dt_none(*state, pg_detect_email, "amy@clinic.c");
    pg_dt_none(*state, pg_detect_email, "amy@clinic.c0m");
    pg_dt_none(*state, pg_detect_email, "amy@-clinic.org");
    pg_dt_none(*state, pg_detect_email, "amy@clinic-.org");
    pg_dt_none(*state, pg_detect_email, "amy@.org");
    pg_dt_none(*state, pg_detect_email, "amy@clinic..org");
    pg_dt_one(*state, pg_detect_email, "amy@clinic.org-", PG_T_EMAIL, 0,
              14);
    pg_dt_one(*state, pg_detect_email, "amy@10-x.health", PG_T_EMAIL, 0,
              15);
}


static void
test_email_not_addresses(void **state)
{
    pg_dt_none(*state, pg_detect_email, "Follow @MercyHealth for updates");
    pg_dt_none(*state, pg_detect_email, "RT @cdcgov: wash your hands");
    /* fediverse handles: the local part starts right after an '@' */
    pg_dt_none(*state, pg_detect_email,
               "Follow us at @news@fairmonthealth.social for alerts");
    pg_dt_none(*state, pg_detect_email, "(@ed@mastodon.social)");
    pg_dt_one(*state, pg_detect_email,
              "Follow @news@kind.social or email jane@x.org", PG_T_EMAIL,
              34, 10);
    pg_dt_one(*state, pg_detect_email, "reach her @rosa.v@gmail.com",
              PG_T_EMAIL, 11, 16);
    pg_dt_none(*state, pg_detect_email, "see logo@2x.png and icon@3x.JPG");
    pg_dt_none(*state, pg_detect_email, "5 @ 10am");
    pg_dt_none(*state, pg_detect_email, "a@b");
    pg_dt_none(*state, pg_detect_email, "@@@@");
}


static void
test_email_urls(void **state)
{
    /* userinfo in a URL is not a contact address (see the detector) */
    pg_dt_none(*state, pg_detect_email,
               "https://amy@clinic.org/portal login");
    pg_dt_one(*state, pg_detect_email,
              "https://clinic.org/x write amy@clinic.org", PG_T_EMAIL, 27,
              14);
}


static void
test_email_edges(void **state)
{
    static const char  nul[] = "x\0amy@clinic.org";

    assert_int_equal(pg_dt_runl(*state, pg_detect_email, "", 0), 0);
    pg_dt_none(*state, pg_detect_email, "@");
    pg_dt_none(*state, pg_detect_email, "a@");
    pg_dt_none(*state, pg_detect_email, "a@b.");

    assert_int_equal(pg_dt_runl(*state, pg_detect_email, nul,
                                sizeof(nul) - 1), 1);
    pg_dt_check(*state, "nul", 0, PG_T_EMAIL, 2, 14);

    /* the buffer ends inside the TLD: the domain is cut, still valid */
    assert_int_equal(pg_dt_runl(*state, pg_detect_email, "amy@clinic.org",
                                13), 1);
    pg_dt_check(*state, "cut", 0, PG_T_EMAIL, 0, 13);

    assert_int_equal(pg_dt_run(*state, pg_detect_email,
                               "a@b.org,c@d.net"), 2);
    pg_dt_check(*state, "two", 1, PG_T_EMAIL, 8, 7);
}



static void
test_email_org_mailbox(void **state)
{
    /* role mailboxes are the hospital's */
    pg_dt_none(*state, pg_detect_email,
               "Send your resume to careers@northfieldhealth.org today!");
    pg_dt_none(*state, pg_detect_email,
               "Media inquiries: media.relations@northfieldhealth.org");
    pg_dt_none(*state, pg_detect_email, "Write to info2@example.org");
    pg_dt_none(*state, pg_detect_email,
               "Questions? Email us at hello@northfield.health");
    /* two role words run together; a staff member's work address */
    pg_dt_none(*state, pg_detect_email, "Billing? Write patientaccounts@"
               "northfieldhealth.org");
    pg_dt_none(*state, pg_detect_email, "Share yours: stories@"
               "northfieldhealth.org");
    pg_dt_none(*state, pg_detect_email, "Contact nurse recruiter Ana Lee at "
               "alee@northfieldhealth.org.");
    pg_dt_one(*state, pg_detect_email, "Contact nurse recruiter Ana Lee at "
              "alee77@gmail.com.", PG_T_EMAIL, 35, 16);
    pg_dt_one(*state, pg_detect_email, "Her surgeon asked us to write to "
              "alee@northfieldhealth.org.", PG_T_EMAIL, 33, 25);
    pg_dt_one(*state, pg_detect_email, "Write accountspatient7x@example.org",
              PG_T_EMAIL, 6, 29);
    /* a call to action and the hospital's own domain */
    pg_dt_none(*state, pg_detect_email, "Join our Advisory Council! Email "
               "pfac@gulfshorehealth.org to apply.");
    /* not for a webmail address, nor with a person in the sentence */
    pg_dt_one(*state, pg_detect_email, "Email pfac7@gmail.com to apply.",
              PG_T_EMAIL, 6, 15);
    pg_dt_one(*state, pg_detect_email, "Email her results to "
              "pfac@gulfshorehealth.org to apply.", PG_T_EMAIL, 21, 24);
    /* a personal local part stays an address, even next to "us" */
    pg_dt_one(*state, pg_detect_email, "Email us at jdoe@mail.example.org "
              "about her insulin pump.", PG_T_EMAIL, 12, 21);
    pg_dt_one(*state, pg_detect_email, "records for careers.jane@gmail.com",
              PG_T_EMAIL, 12, 22);
    pg_dt_one(*state, pg_detect_email, "Contact the patient at "
              "info.rosa@gmail.com", PG_T_EMAIL, 23, 19);
    /* a role mailbox at a webmail host is a person's when a person is
     * in its sentence; with no person, or at the hospital's own host,
     * it stays the organisation's */
    pg_dt_one(*state, pg_detect_email, "Her email is info.nurse@gmail.com, "
              "she is the patient in 4B.", PG_T_EMAIL, 13, 20);
    pg_dt_none(*state, pg_detect_email, "Questions? Email info.health@"
               "gmail.com or call our office.");
    pg_dt_none(*state, pg_detect_email, "Ask for her at info.nurse@"
               "northfieldhealth.org, our triage desk.");

    /* a sender the post warns about is nobody's record; a person in the
     * sentence still owns the address */
    pg_dt_none(*state, pg_detect_email, "Phishing emails claiming to be "
               "from pay-update@lakeview-hr.com are NOT from us.");
    pg_dt_none(*state, pg_detect_email, "Do not open mail from "
               "billing.dept7@gmail.com: it is a scam.");
    pg_dt_one(*state, pg_detect_email, "Phishing emails went to her "
              "address, rosa.v7@gmail.com, after her visit.", PG_T_EMAIL, 37,
              17);
    pg_dt_one(*state, pg_detect_email, "Emails claiming to be from us? "
              "Report them. Reply to rosa.v7@gmail.com with her results.",
              PG_T_EMAIL, 53, 17);
}


static void
test_email_spelled(void **state)
{
    pg_dt_one(*state, pg_detect_email, "Send the psych eval to the patient "
              "at nadia53 at hotmail dot com", PG_T_EMAIL, 38, 26);
    pg_dt_one(*state, pg_detect_email, "her email: jt.walker [at] yahoo "
              "[dot] com", PG_T_EMAIL, 11, 30);
    pg_dt_one(*state, pg_detect_email, "rosa at gmail dot com please",
              PG_T_EMAIL, 0, 21);
    pg_dt_one(*state, pg_detect_email, "write to k_lee at uni dot co dot uk",
              PG_T_EMAIL, 9, 26);

    pg_dt_one(*state, pg_detect_email, "pt email: r.santiago(at)icloud(dot)"
              "com, send the sleep study", PG_T_EMAIL, 10, 28);

    /* a plain word before "at" and no webmail: no address */
    pg_dt_none(*state, pg_detect_email,
               "Find us at northfieldhealth dot org");
    pg_dt_none(*state, pg_detect_email, "meet at noon dot com");
    pg_dt_none(*state, pg_detect_email, "rosa at gmail dot");
    pg_dt_none(*state, pg_detect_email, "rosa7 at gmail dot xyzzy");
    pg_dt_none(*state, pg_detect_email, "rosa7 at gmail.com-ish");
    pg_dt_none(*state, pg_detect_email, " at ");
    pg_dt_none(*state, pg_detect_email, "x at");
}


/* "(at)" or " at " a webmail host with real dots; "@" before a spelled
 * host; an address spelled one character at a time */

static void
test_email_evasions(void **state)
{
    pg_dt_one(*state, pg_detect_email, "send to dwight_k(at)proton.me now",
              PG_T_EMAIL, 8, 21);
    pg_dt_one(*state, pg_detect_email, "sent to harv.feld at yahoo.com, "
              "please", PG_T_EMAIL, 8, 22);
    pg_dt_one(*state, pg_detect_email, "her email: the.lees@comcast dot "
              "net", PG_T_EMAIL, 11, 24);
    pg_dt_one(*state, pg_detect_email, "to r o s a . v e g a @ g m a i l . "
              "c o m today", PG_T_EMAIL, 3, 37);

    pg_dt_none(*state, pg_detect_email, "Meet Dr.Lee at cedarhealth.org "
               "today.");
    pg_dt_none(*state, pg_detect_email, "Find us at northfield.org or "
               "visit us at www.northfield.org");
    pg_dt_none(*state, pg_detect_email, "Tag us @ the gala! a b @ c d");
}


/* blanks around the '@' and the dots: at most one each side, a local
 * part with a digit or "._+-" (or a webmail host), a common TLD */

static void
test_email_blanked(void **state)
{
    pg_dt_one(*state, pg_detect_email, "email the MRI images to her at "
              "d.castellano @ outlook . com", PG_T_EMAIL, 31, 28);
    pg_dt_one(*state, pg_detect_email, "her email is maria . lopez @ gmail "
              ". com. Thanks", PG_T_EMAIL, 13, 27);
    pg_dt_one(*state, pg_detect_email, "reach him at m.lopez @ clinicmail . "
              "org", PG_T_EMAIL, 13, 26);
    pg_dt_one(*state, pg_detect_email, "write to rosa.v@ yahoo . com today",
              PG_T_EMAIL, 9, 19);
    pg_dt_one(*state, pg_detect_email, "write to rosa.v@yahoo . com today",
              PG_T_EMAIL, 9, 18);
    pg_dt_one(*state, pg_detect_email, "jim77 @ gmail.com . Call him",
              PG_T_EMAIL, 0, 17);
    pg_dt_one(*state, pg_detect_email, "rosa @ gmail . com", PG_T_EMAIL, 0,
              18);
    pg_dt_one(*state, pg_detect_email, "JT.WALKER @ AOL . COM", PG_T_EMAIL,
              0, 21);

    /* prose with blanks around "@" and "." */
    pg_dt_none(*state, pg_detect_email, "RSVP @ 5pm . See you there");
    pg_dt_none(*state, pg_detect_email, "meet us @ the fair . com");
    pg_dt_none(*state, pg_detect_email, "see you @ Main St . Join us");
    pg_dt_none(*state, pg_detect_email, "thanks @handle and @other.one");
    pg_dt_none(*state, pg_detect_email, "Twitter @OurHospital . Follow us");
    pg_dt_none(*state, pg_detect_email, "meet us @ noon . It's free");
    pg_dt_none(*state, pg_detect_email, "Tix $25 @ door . Co-hosted by us");
    pg_dt_none(*state, pg_detect_email, "the 5k @ Main . Me too");

    /* two blanks, a TLD in mixed case, a role mailbox */
    pg_dt_none(*state, pg_detect_email, "m.lopez  @ clinicmail . org");
    pg_dt_none(*state, pg_detect_email, "m.lopez @ clinicmail .  org");
    pg_dt_none(*state, pg_detect_email, "m.lopez @ clinicmail . Org");
    pg_dt_none(*state, pg_detect_email, "media.relations @ northfield . "
               "org");

    /* a sentence's end before the address or inside its host; no
     * local part */
    pg_dt_one(*state, pg_detect_email, "this month. jdoe@ex.co.uk today",
              PG_T_EMAIL, 12, 13);
    pg_dt_one(*state, pg_detect_email, "front desk no. x@gmail.com",
              PG_T_EMAIL, 15, 11);
    pg_dt_none(*state, pg_detect_email, "to treyes.home@ya. uk no. 4");
    pg_dt_none(*state, pg_detect_email, "m.lopez @ clinicmail. org");
    pg_dt_one(*state, pg_detect_email, "maria. lopez @ gmail . com",
              PG_T_EMAIL, 7, 19);
    pg_dt_none(*state, pg_detect_email, "EM22 - @icloud.com? He asked");
    pg_dt_one(*state, pg_detect_email, "retina scan . jdoe@gmail.com",
              PG_T_EMAIL, 14, 14);
    pg_dt_none(*state, pg_detect_email, "call 6453 @mercyridge.org now");

    /* no blank: the first scan's, found once */
    pg_dt_one(*state, pg_detect_email, "m.lopez@clinicmail.org. Thanks",
              PG_T_EMAIL, 0, 22);
}

int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_email_plain,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_local_part,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_domain,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_not_addresses,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_urls,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_edges,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_org_mailbox,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_spelled,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_evasions,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_email_blanked,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
