/*
 * Copyright (C) phigate authors
 *
 * What the harnesses of the operator's line files (phigate_allowlist,
 * phigate_rules, phigate_zip_restricted) check of a file that does not
 * parse: a terminated message that starts with "FILE:"
 * (src/pg_conffile.h).
 */

#ifndef _PG_FUZZ_CONFFILE_H_INCLUDED_
#define _PG_FUZZ_CONFFILE_H_INCLUDED_


#include <stdlib.h>
#include <string.h>


static inline void
pg_fuzz_check_error(const char *err, size_t size, const char *file)
{
    size_t  n;

    n = strlen(file);

    if (memchr(err, '\0', size) == NULL || strncmp(err, file, n) != 0
        || err[n] != ':')
    {
        abort();
    }
}


#endif /* _PG_FUZZ_CONFFILE_H_INCLUDED_ */
