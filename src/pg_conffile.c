/*
 * Copyright (C) phigate authors
 */


#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "pg_conffile.h"


static int pg_conffile_utf8(const char *s, size_t len);


void
pg_conffile_init(pg_conffile_t *cf, const char *buf, size_t len,
    const char *file, char *err, size_t err_size)
{
    cf->p = buf;
    cf->end = buf + len;
    cf->file = file;
    cf->line = 0;
    cf->err = err;
    cf->err_size = err_size;

    if (err != NULL && err_size > 0) {
        err[0] = '\0';
    }
}


int
pg_conffile_next(pg_conffile_t *cf, const char **s, size_t *len)
{
    size_t       n;
    const char  *line, *nl;

    while (cf->p < cf->end) {
        line = cf->p;
        nl = memchr(line, '\n', cf->end - line);
        n = (nl != NULL) ? (size_t) (nl - line) : (size_t) (cf->end - line);
        cf->p = (nl != NULL) ? nl + 1 : cf->end;
        cf->line++;

        if (n > PG_CONFFILE_LINE_MAX) {
            return pg_conffile_error(cf, "line longer than %d bytes",
                                     PG_CONFFILE_LINE_MAX);
        }

        if (memchr(line, '\0', n) != NULL) {
            return pg_conffile_error(cf, "NUL byte in the line");
        }

        if (!pg_conffile_utf8(line, n)) {
            return pg_conffile_error(cf, "not valid UTF-8");
        }

        line = pg_conffile_trim(line, &n);

        if (n == 0 || line[0] == '#') {
            continue;
        }

        *s = line;
        *len = n;

        return 1;
    }

    return 0;
}


int
pg_conffile_error(pg_conffile_t *cf, const char *fmt, ...)
{
    int      n;
    va_list  args;

    if (cf->err == NULL || cf->err_size == 0) {
        return -1;
    }

    n = snprintf(cf->err, cf->err_size, "%s:%zu: ",
                 cf->file != NULL ? cf->file : "(buffer)", cf->line);

    if (n < 0 || (size_t) n >= cf->err_size) {
        return -1;
    }

    va_start(args, fmt);
    vsnprintf(cf->err + n, cf->err_size - n, fmt, args);
    va_end(args);

    return -1;
}


const char *
pg_conffile_trim(const char *s, size_t *len)
{
    size_t  n;

    n = *len;

    /* "\r" too: files written on Windows end their lines in CRLF */
    while (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r')) {
        s++;
        n--;
    }

    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        n--;
    }

    *len = n;

    return s;
}


static int
pg_conffile_utf8(const char *s, size_t len)
{
    size_t             i;
    utf8proc_int32_t   cp;
    utf8proc_ssize_t   n;

    for (i = 0; i < len; i += n) {
        if ((unsigned char) s[i] < 0x80) {
            n = 1;
            continue;
        }

        n = utf8proc_iterate((const utf8proc_uint8_t *) s + i,
                             (utf8proc_ssize_t) (len - i), &cp);
        if (n <= 0) {
            return 0;
        }
    }

    return 1;
}
