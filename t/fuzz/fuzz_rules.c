/*
 * Copyright (C) phigate authors
 *
 * The rules parser (phigate_rules FILE) and the matcher.  Whatever the
 * bytes: a file that does not parse says where ("FILE:LINE: ..."); rules
 * that parse, run over the input itself as a post, end in PG_OK or
 * PG_ERR_TOO_COMPLEX, with findings inside the text, in offset order,
 * named by their rule when CUSTOM.  Odd-sized inputs run without JIT so
 * that both of PCRE2's engines are fuzzed.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_conffile.h"
#include "pg_detect.h"
#include "pg_rules.h"


#define FZ_FILE  "fuzz.rules"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char                 err[256];
    size_t               i;
    pg_arena_t           a;
    pg_rules_t          *rules;
    pg_status_t          st;
    pg_fields_t          fields;
    pg_findings_t        f;
    pg_rules_run_t      *run;
    const pg_finding_t  *fi;

    rules = pg_rules_parse((const char *) data, size, FZ_FILE,
                           (size & 1) ? PG_RULES_NO_JIT : 0, err,
                           sizeof(err));

    if (rules == NULL) {
        pg_fuzz_check_error(err, sizeof(err), FZ_FILE);
        return 0;
    }

    pg_arena_init(&a, 0);
    memset(&fields, 0, sizeof(pg_fields_t));
    memset(&f, 0, sizeof(pg_findings_t));

    run = pg_rules_start(rules, &a);

    if (run == NULL
        || pg_fields_add(&fields, &a, "t", 1, (const char *) data, size,
                         PG_SRC_BODY, 0, 0)
           != PG_OK)
    {
        goto done;
    }

    st = pg_detect_field_rules(&a, &fields, 0, run, &f);

    if (st != PG_OK && st != PG_ERR_TOO_COMPLEX && st != PG_ERR_NOMEM) {
        abort();
    }

    for (i = 0; st == PG_OK && i < f.n; i++) {
        fi = &f.items[i];

        if (fi->off > size || fi->len > size - fi->off || fi->field != 0
            || (i > 0 && fi->off < f.items[i - 1].off)
            || (fi->type == PG_T_CUSTOM && fi->rule == NULL)
            || (fi->rule != NULL && strlen(fi->rule) > PG_RULE_NAME_MAX))
        {
            abort();
        }
    }

done:

    pg_arena_free(&a);
    pg_rules_free(rules);

    return 0;
}
