/*
 * Copyright (C) phigate authors
 *
 * Fax numbers: a telephone number (every rule of pg_detect_phone.c:
 * formats, NANP validity, boundaries, URLs) whose nearest cue before it
 * says fax: "fax", "f:", "facsimile", "faxed to" in the 16 words before
 * the number and in its sentence ("Please fax the signed release for the
 * patient in bed 12 to ..."), with no phone cue ("call", "tel", "phone",
 * ...) between that cue and the number.  "Phone 555-234-5678, fax 555-234-5679" is one
 * PHONE and one FAX.
 *
 * The phone detector reports the fax number too; pg_detect_merge() keeps
 * the FAX and drops the PHONE that covers the same bytes, so one number
 * is one finding.  The phone numbers are the ones the phone detector
 * found in the same scan (pg_scan_memo_t), found here only when it has
 * not run; text without a fax cue is not read further.
 */


#include "pg_detect.h"
#include "pg_detect_org.h"
#include "pg_text.h"


#define PG_FAX_CUE_WORDS  16
#define PG_FAX_CUE_BYTES  128


static const char *const  pg_fax_cues[] = {
    "fax",
    "faxes",
    "faxed",
    "faxing",
    "fax#",
    "efax",
    "f:",
    "facsimile",
    "telefax",
    NULL
};


static pg_cue_set_t  pg_fax_set = pg_cue_set(pg_fax_cues);


/* phone cues that take over from a fax cue before them */
static const char *const  pg_fax_phone_cues[] = {
    "phone",
    "ph",
    "tel",
    "telephone",
    "call",
    "cell",
    "mobile",
    "text",
    "t:",
    "p:",
    "m:",
    "c:",
    NULL
};


pg_status_t
pg_detect_fax(const pg_scan_t *s, pg_findings_t *out)
{
    size_t                k, m, fax, phone, from, to;
    pg_cands_t            c;
    pg_status_t           st;
    pg_findings_t         tmp;
    const pg_finding_t   *f;
    const pg_findings_t  *nums;

    /* whether a fax cue is anywhere in the text */

    st = pg_scan_cands(s, &c, &pg_fax_set);
    if (st != PG_OK || pg_cands_next(&c, 0, &m) == s->len) {
        return st;
    }

    /* the phone numbers: PHONE's of this scan, else found here */

    if (s->memo != NULL && s->memo->phone_done) {
        nums = &s->memo->phone;

    } else {
        tmp.items = NULL;
        tmp.n = 0;
        tmp.cap = 0;

        st = pg_detect_phone(s, &tmp);
        if (st != PG_OK) {
            return st;
        }

        nums = &tmp;
    }

    for (k = 0; k < nums->n; k++) {
        f = &nums->items[k];

        fax = pg_cue_last(s->text, f->off, PG_FAX_CUE_WORDS,
                          PG_FAX_CUE_BYTES, pg_fax_cues);
        if (fax == 0) {
            continue;
        }

        phone = pg_cue_last(s->text, f->off, PG_FAX_CUE_WORDS,
                            PG_FAX_CUE_BYTES, pg_fax_phone_cues);
        /* "Fax the form. Reach her son at ...": another sentence */
        pg_org_sentence(s->text, s->len, f->off, f->off + f->len, &from,
                        &to);

        if (phone > fax || fax <= from) {
            continue;
        }

        st = pg_findings_add(out, s->arena, PG_T_FAX, s->field, f->off,
                             f->len, f->confidence);
        if (st != PG_OK) {
            return st;
        }
    }

    return PG_OK;
}
