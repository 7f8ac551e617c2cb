/*
 * Copyright (C) phigate authors
 *
 * The profile set parser (phigate_platforms FILE).  Whatever the bytes, a
 * set that parses must hold only valid names and NULL-terminated lists,
 * no skip pattern that matches every field (the empty name escapes
 * all of them), and answer every match with
 * a profile of its own.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_platform.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void
fz_check_profile(const pg_platform_t *p)
{
    const char *const  *s;

    if (p->name == NULL || strlen(p->name) == 0
        || strlen(p->name) > PG_PLATFORM_NAME_MAX)
    {
        abort();
    }

    for (s = p->skip; *s != NULL; s++) {
        if (strcmp(*s, "*") == 0 || **s == '\0') {
            abort();
        }
    }

    /* no pattern skips every field: the empty name is skipped by none */
    if (pg_platform_skip_field(p, "")) {
        abort();
    }

    for (s = p->dm_fields; s[0] != NULL; s += 2) {
        if (s[1] == NULL) {
            abort();
        }
    }

    for (s = p->hosts; *s != NULL; s++) { /* void */ }
    for (s = p->paths; *s != NULL; s++) { /* void */ }
    for (s = p->dm_paths; *s != NULL; s++) { /* void */ }
    for (s = p->post_id; *s != NULL; s++) { /* void */ }
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char                  err[256];
    size_t                i, n;
    pg_platforms_t       *set;
    const pg_platform_t  *p;

    set = pg_platforms_parse((const char *) data, size, err, sizeof(err));

    if (set == NULL) {
        if (err[0] == '\0' || memchr(err, '\0', sizeof(err)) == NULL) {
            abort();
        }

        return 0;
    }

    n = pg_platforms_count(set);

    for (i = 0; i < n; i++) {
        p = pg_platforms_at(set, i);
        fz_check_profile(p);

        if (p->hosts[0] != NULL && p->hosts[0][0] != '.'
            && pg_platforms_match(set, p->hosts[0], strlen(p->hosts[0]),
                                  "/", 1) == NULL)
        {
            abort();
        }
    }

    fz_check_profile(pg_platforms_generic(set));

    if (pg_platforms_match(set, (const char *) data, size > 64 ? 64 : size,
                           (const char *) data, size) == NULL)
    {
        abort();
    }

    pg_platforms_free(set);

    return 0;
}
