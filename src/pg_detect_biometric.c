/*
 * Copyright (C) phigate authors
 *
 * Biometric identifiers (Safe Harbor P).  Text cannot carry a
 * fingerprint; it carries the ID of one: "fingerprint ID 88213",
 * "iris scan template #IR-55102", "DNA sample ID D-40021".  So a
 * biometric cue fires only with an ID after it, and the ID is the
 * finding: "our new fingerprint check-in kiosks" is not PHI.
 */


#include "pg_detect_cued.h"


static const char *const  pg_biometric_cues[] = {
    "fingerprint", "fingerprints", "finger print", "thumbprint",
    "palm print", "palmprint",
    /* scanners that read a hand or a face: "palm scan template ID" */
    "palm scan", "palm vein", "palm-vein", "hand scan", "hand geometry",
    "finger scan", "finger vein", "vein scan", "face scan",
    "retina scan", "retinal scan", "iris scan", "iris template",
    "voiceprint", "voice print", "faceprint", "face print",
    "face template", "facial template", "facial scan",
    "dna sample", "dna specimen", "dna profile", "dna kit",
    "genetic sample", "genetic profile",
    "biometric", "biometric template",
    /*
     * the record a voice or face sign-in keeps of its enrolled person:
     * "Voiceprint enrollment ID VP-2026-118830"
     */
    "voiceprint enrollment", "voiceprint enrolment", "voice enrollment",
    "voice enrolment", "voice biometric", "voice biometrics",
    "fingerprint enrollment", "fingerprint enrolment",
    "face enrollment", "facial enrollment", "biometric enrollment",
    "biometric enrolment", "biometric id",
    NULL
};


static pg_cue_set_t  pg_biometric_set = pg_cue_set(pg_biometric_cues);

static const pg_cued_t  pg_biometric_spec = {
    PG_T_BIOMETRIC, 80, &pg_biometric_set, 4, 40, 3, 0, 0, NULL
};


pg_status_t
pg_detect_biometric(const pg_scan_t *s, pg_findings_t *out)
{
    return pg_detect_cued(s, &pg_biometric_spec, out);
}
