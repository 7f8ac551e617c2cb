/*
 * Copyright (C) phigate authors
 *
 * The profile set parser (phigate_platforms FILE).  Whatever the bytes, a
 * set that parses must hold only valid names and NULL-terminated lists,
 * no skip pattern that matches every field (the empty name escapes
 * all of them), and answer every match with
 * a profile of its own.  Its DM rules (paths matched with escapes
 * decoded, PCRE2 patterns of dm_fields) then run over the same bytes as a
 * path and as the value of every field they name.
 */


#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_arena.h"
#include "pg_platform.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void
fz_check_profile(const pg_platform_t *p)
{
    const char *const    *s;
    const pg_dm_field_t  *d;

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

    for (d = p->dm_fields; d->name != NULL; d++) {
        if ((d->equals == NULL) == (d->match == NULL)
            || (d->match != NULL && d->mctx == NULL))
        {
            abort();
        }
    }

    for (s = p->hosts; *s != NULL; s++) { /* void */ }
    for (s = p->paths; *s != NULL; s++) { /* void */ }
    for (s = p->dm_paths; *s != NULL; s++) { /* void */ }
    for (s = p->dm_path_fields; *s != NULL; s++) { /* void */ }
    for (s = p->post_id; *s != NULL; s++) { /* void */ }
}


/* every DM rule of the profile over the input, as a path and as values */
static void
fz_run_dm(pg_arena_t *a, const pg_platform_t *p, const uint8_t *data,
    size_t size)
{
    pg_fields_t           f;
    const char *const    *s;
    const pg_dm_field_t  *d;

    memset(&f, 0, sizeof(f));

    for (d = p->dm_fields; d->name != NULL; d++) {
        (void) pg_fields_add(&f, a, d->name, strlen(d->name),
                             (const char *) data, size, PG_SRC_BODY, 0, 0);
    }

    for (s = p->dm_path_fields; *s != NULL; s++) {
        (void) pg_fields_add(&f, a, *s, strlen(*s), (const char *) data,
                             size, PG_SRC_BODY, 0, 0);
    }

    (void) pg_platform_is_dm(p, (const char *) data, size, &f);

    for (s = p->dm_paths; *s != NULL; s++) {
        (void) pg_path_glob_match(*s, (const char *) data, size);
    }
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char                   err[256];
    size_t                 i, n;
    pg_platforms_t        *set;
    const pg_platform_t   *p;
    const pg_platforms_t  *def;
    pg_arena_t             a;

    pg_arena_init(&a, 0);

    /* the compiled-in rules (X's SMS-command pattern) over any value */
    def = pg_platforms_default();
    n = pg_platforms_count(def);

    for (i = 0; i < n; i++) {
        fz_run_dm(&a, pg_platforms_at(def, i), data, size);
    }

    set = pg_platforms_parse((const char *) data, size, err, sizeof(err));

    if (set == NULL) {
        if (err[0] == '\0' || memchr(err, '\0', sizeof(err)) == NULL) {
            abort();
        }

        pg_arena_free(&a);

        return 0;
    }

    n = pg_platforms_count(set);

    for (i = 0; i < n; i++) {
        p = pg_platforms_at(set, i);
        fz_check_profile(p);
        fz_run_dm(&a, p, data, size);

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
    pg_arena_free(&a);

    return 0;
}
