/*
 * Copyright (C) phigate authors
 *
 * The allow-list parser (phigate_allowlist FILE) and its matching.
 * Whatever the bytes: a file that does not parse says where
 * ("FILE:LINE: ..."); one that parses allows each "kind: value" line's
 * value as a finding of that kind, and filtering findings over its own
 * lines, and over each of its words as a name or a ZIP code (read with
 * the words around them), never loses count of one.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_conffile.h"
#include "pg_allowlist.h"
#include "pg_conffile.h"


#define FZ_FILE   "fuzz.allow"
/* words of the input also given as NAME and ZIP findings */
#define FZ_WORDS  256


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static const struct {
    const char  *prefix;
    pg_type_t    type;
} fz_kinds[] = {
    { "phone: ", PG_T_PHONE },
    { "fax: ", PG_T_FAX },
    { "email: ", PG_T_EMAIL },
    { "url: ", PG_T_URL },
    { "name: ", PG_T_NAME },
    { "address: ", PG_T_ADDRESS },
    { NULL, 0 }
};


/* a value the parser accepted is an entry: it must allow itself */
static void
fz_check_line(const pg_allowlist_t *al, const char *s, size_t n)
{
    size_t  k, p;

    for (k = 0; fz_kinds[k].prefix != NULL; k++) {
        p = strlen(fz_kinds[k].prefix);

        if (n <= p || memcmp(s, fz_kinds[k].prefix, p) != 0) {
            continue;
        }

        /* the value as the parser reads it: blanks and CRs trimmed */
        n -= p;
        s = pg_conffile_trim(s + p, &n);

        if (n && !pg_allowlist_allows(al, fz_kinds[k].type, s, n)) {
            abort();
        }

        return;
    }
}


/* a finding of each type at [off, off + len) of field 0 */
static int
fz_add_all(pg_findings_t *f, pg_arena_t *a, size_t off, size_t len)
{
    int  t;

    for (t = 0; t < PG_T__COUNT; t++) {
        if (pg_findings_add(f, a, (pg_type_t) t, 0, off, len, 90) != PG_OK) {
            return -1;
        }
    }

    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char             err[256];
    size_t           i, n, start, total;
    uint32_t         allowed[PG_T__COUNT];
    pg_arena_t       a;
    pg_fields_t      fields;
    pg_findings_t    f;
    pg_allowlist_t  *al;
    const char      *text;

    text = (const char *) data;

    al = pg_allowlist_parse(text, size, FZ_FILE, err, sizeof(err));

    if (al == NULL) {
        pg_fuzz_check_error(err, sizeof(err), FZ_FILE);
        return 0;
    }

    pg_arena_init(&a, 0);
    memset(&fields, 0, sizeof(pg_fields_t));
    memset(&f, 0, sizeof(pg_findings_t));
    memset(allowed, 0, sizeof(allowed));

    /* the input as one field; every line of it a finding of each type */
    if (pg_fields_add(&fields, &a, "t", 1, text, size, PG_SRC_BODY, 0, 0)
        != PG_OK)
    {
        goto done;
    }

    for (start = 0, i = 0; i <= size; i++) {
        if (i < size && text[i] != '\n') {
            continue;
        }

        fz_check_line(al, text + start, i - start);

        if (i > start && fz_add_all(&f, &a, start, i - start) != 0) {
            goto done;
        }

        start = i + 1;
    }

    /* each word: the readers of the words beside meet every edge */
    for (start = 0, i = 0, n = 0; i <= size && n < FZ_WORDS; i++) {
        if (i < size && text[i] != ' ' && text[i] != '\n') {
            continue;
        }

        if (i > start
            && (pg_findings_add(&f, &a, PG_T_NAME, 0, start, i - start, 90)
                != PG_OK
                || pg_findings_add(&f, &a, PG_T_ZIP, 0, start, i - start, 90)
                   != PG_OK))
        {
            goto done;
        }

        n += (i > start);
        start = i + 1;
    }

    n = f.n;
    pg_allowlist_filter(al, &fields, &f, allowed);

    for (i = 0, total = f.n; i < PG_T__COUNT; i++) {
        total += allowed[i];
    }

    if (total != n) {
        abort();
    }

done:

    pg_arena_free(&a);
    pg_allowlist_free(al);

    return 0;
}
