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
 * is one finding.  Text without a fax cue is not scanned twice.
 */


#include "pg_detect.h"
#include "pg_detect_org.h"
#include "pg_text.h"


#define PG_FAX_CUE_WORDS  16
#define PG_FAX_CUE_BYTES  128


static int pg_fax_any_cue(const pg_scan_t *s);


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
    size_t          k, fax, phone, from, to;
    pg_status_t     st;
    pg_finding_t   *f;
    pg_findings_t   tmp;

    if (!pg_fax_any_cue(s)) {
        return PG_OK;
    }

    tmp.items = NULL;
    tmp.n = 0;
    tmp.cap = 0;

    st = pg_detect_phone(s, &tmp);
    if (st != PG_OK) {
        return st;
    }

    for (k = 0; k < tmp.n; k++) {
        f = &tmp.items[k];

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


/* whether a fax cue is anywhere in the text */

static int
pg_fax_any_cue(const pg_scan_t *s)
{
    size_t  i;

    for (i = 0; i < s->len; i++) {
        if ((s->text[i] == 'f' || s->text[i] == 'F'
             || s->text[i] == 'e' || s->text[i] == 'E'
             || s->text[i] == 't' || s->text[i] == 'T')
            && pg_word_start(s->text, i)
            && pg_cues_at(s->text, s->len, i, pg_fax_cues, NULL) != 0)
        {
            return 1;
        }
    }

    return 0;
}

