/*
 * Copyright (C) phigate authors
 *
 * Safe Harbor's restricted 3-digit ZIP prefixes (45 CFR
 * 164.514(b)(2)(i)(B)): a de-identified ZIP may keep its first three
 * digits only when the area they cover has more than 20,000 people;
 * otherwise they must read "000".  The engine compiles in the list HHS
 * published from the 2000 Census (PG_ZIP_RESTRICTED_DEFAULT); an
 * organisation that follows a newer census replaces it at configuration
 * time.
 *
 * The list is process-wide: set it while configuring, before workers
 * inspect requests (nginx: in the master, so that workers inherit it).
 */

#ifndef _PG_DETECT_ZIP_H_INCLUDED_
#define _PG_DETECT_ZIP_H_INCLUDED_


#include <stddef.h>


/* the HHS list (2000 Census): 17 prefixes */
#define PG_ZIP_RESTRICTED_DEFAULT                                           \
    "036,059,063,102,203,556,692,790,821,823,830,831,878,879,884,890,893"


/*
 * Whether the first three bytes at zip are ASCII digits that make a
 * restricted prefix: "036", or a whole ZIP code "03603" or "03603-1234".
 * zip must hold at least three bytes.
 */
int pg_zip_restricted(const char *zip);

/*
 * Replaces the restricted list with the prefixes in list (len bytes), a
 * line file read through pg_conffile.h: three digits an entry, separated
 * by commas, blanks or new lines; "#" starts a comment that runs to the
 * end of its line.  An empty list restricts nothing.  list NULL restores
 * PG_ZIP_RESTRICTED_DEFAULT.
 *
 * Returns the number of distinct prefixes now restricted, or -1 when the
 * list does not parse: then err (err_size bytes, may be NULL) holds
 * "FILE:LINE: what is wrong", file naming the list (NULL: "(buffer)"),
 * and the list in force is left as it was.
 */
int pg_zip_restricted_set(const char *list, size_t len, const char *file,
    char *err, size_t err_size);

/*
 * Checks list as pg_zip_restricted_set() would, without changing the
 * list in force: configuration checks a file before it commits to it.
 */
int pg_zip_restricted_check(const char *list, size_t len, const char *file,
    char *err, size_t err_size);


#endif /* _PG_DETECT_ZIP_H_INCLUDED_ */
