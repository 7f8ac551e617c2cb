/*
 * Copyright (C) phigate authors
 *
 * "Any other unique identifying number" (Safe Harbor R) that a cue
 * introduces: case, claim, ticket, encounter, visit, accession,
 * specimen, referral and authorization numbers.  The ID has four digits
 * or more ("case #12" is a study's twelfth case, not an identifier), and
 * the cue must say "number", "#", "no" or "ID": "claim" or "case" alone
 * are ordinary words ("a case of the flu", "claim your free screening").
 */


#include "pg_detect_cued.h"


static const char *const  pg_other_id_cues[] = {
    "case #", "case#", "case number", "case no", "case id",
    "claim #", "claim#", "claim number", "claim no", "claim id",
    "ticket #", "ticket#", "ticket number", "ticket no",
    "encounter #", "encounter#", "encounter number", "encounter no",
    "encounter id", "csn",
    "visit #", "visit#", "visit number", "visit no", "visit id",
    "accession #", "accession#", "accession number", "accession no",
    /* a lab's accession is always one: "Biopsy accession S25-40981" */
    "accession",
    "specimen #", "specimen#", "specimen number", "specimen no",
    "specimen id",
    "referral #", "referral number", "referral no",
    "authorization #", "authorization number", "auth #",
    "prior auth #", "prior authorization number",
    "requisition #", "requisition number",
    NULL
};


static pg_cue_set_t  pg_other_id_set = pg_cue_set(pg_other_id_cues);

static const pg_cued_t  pg_other_id_spec = {
    PG_T_OTHER_ID, 85, &pg_other_id_set, 4, 20, 4, 0, 0, NULL
};


pg_status_t
pg_detect_other_id(const pg_scan_t *s, pg_findings_t *out)
{
    return pg_detect_cued(s, &pg_other_id_spec, out);
}
