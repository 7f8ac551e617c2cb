/*
 * Copyright (C) phigate authors
 *
 * The operator's line-oriented files (phigate_allowlist, phigate_rules,
 * phigate_zip_restricted): one item a line, lines whose first non-blank
 * byte is '#' are comments.  This reader hands out trimmed lines with
 * their numbers and formats the errors the parsers report, "FILE:LINE:
 * what is wrong".  An error never quotes the file's text: it may be a
 * staff name or a pattern.
 */

#ifndef _PG_CONFFILE_H_INCLUDED_
#define _PG_CONFFILE_H_INCLUDED_


#include <stddef.h>


/* longest line accepted; longer ones are an error, not cut */
#define PG_CONFFILE_LINE_MAX  4096


typedef struct {
    const char    *p;          /* start of the next line */
    const char    *end;
    const char    *file;       /* for messages; may be NULL */
    size_t         line;       /* number of the line last returned */
    char          *err;
    size_t         err_size;
} pg_conffile_t;


void pg_conffile_init(pg_conffile_t *cf, const char *buf, size_t len,
    const char *file, char *err, size_t err_size);

/*
 * The next line that is neither blank nor a comment, without its end of
 * line and surrounding blanks.  Returns 1, 0 at the end of the buffer, or
 * -1 (the message in err) for a line with a NUL byte, invalid UTF-8 or
 * more than PG_CONFFILE_LINE_MAX bytes.
 */
int pg_conffile_next(pg_conffile_t *cf, const char **s, size_t *len);

/* writes "FILE:LINE: " and the message into err; returns -1 */
int pg_conffile_error(pg_conffile_t *cf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* s[0, *len) without leading and trailing blanks */
const char *pg_conffile_trim(const char *s, size_t *len);


#endif /* _PG_CONFFILE_H_INCLUDED_ */
