/*
 * Copyright (C) phigate authors
 *
 * The separator between two groups of an identifier ("123-45-6789",
 * "727.215.4321", "1EG4-TE5-MK73", "MRN 1234 5678") as people type it
 * and as a poster spaces it to slip past a pattern: one or two blanks,
 * or a '-' or '.' with at most two blanks on either side ("123 - 45 -
 * 6789", "123 -45- 6789", "727 . 215 . 4321").  SSN, PHONE, HEALTH_PLAN
 * (MBI) and MRN read their groups with it, so that a spacing one of them
 * sees through the others see through too.
 */

#ifndef _PG_DETECT_SEP_H_INCLUDED_
#define _PG_DETECT_SEP_H_INCLUDED_


#include "pg_text.h"


/* blanks on either side of a '-' or '.', and blanks alone */
#define PG_SEP_BLANKS  2


/* the blanks (' ', at most PG_SEP_BLANKS) at t + pos */
static inline size_t
pg_sep_blanks(const char *t, size_t len, size_t pos)
{
    size_t  n;

    for (n = 0; pos + n < len && n < PG_SEP_BLANKS && t[pos + n] == ' '; n++)
    {
        /* void */
    }

    return n;
}


/*
 * The length of the separator at t + pos, 0 when there is none; its kind
 * ('-', '.' or ' ') in *kind.  A separator is followed by a letter or a
 * digit: "123 - " at the end of a sentence separates nothing.
 */
static inline size_t
pg_group_sep(const char *t, size_t len, size_t pos, char *kind)
{
    size_t  i;

    i = pos + pg_sep_blanks(t, len, pos);

    if (i < len && (t[i] == '-' || t[i] == '.')) {
        *kind = t[i];
        i++;
        i += pg_sep_blanks(t, len, i);

    } else {
        *kind = ' ';
    }

    if (i == pos || i >= len || !pg_isalnum(t[i])) {
        return 0;
    }

    return i - pos;
}


#endif /* _PG_DETECT_SEP_H_INCLUDED_ */
