/*
 * Copyright (C) phigate authors
 *
 * Binary search in the generated word table: O(log n) per word, no
 * allocation, no state.
 */


#include <string.h>

#include "pg_lexicon.h"
#include "pg_text.h"


unsigned
pg_lex_lookup(const char *w, size_t len)
{
    int       c, lower;
    char      buf[PG_LEX_WORD_MAX + 1];
    size_t    i, lo, hi, mid;
    unsigned  flags;

    if (len == 0 || len > PG_LEX_WORD_MAX) {
        return 0;
    }

    lower = 0;

    for (i = 0; i < len; i++) {
        if (w[i] == '\0') {
            return 0;
        }

        lower |= (w[i] >= 'a' && w[i] <= 'z');
        buf[i] = (char) pg_tolower(w[i]);
    }

    buf[len] = '\0';

    lo = 0;
    hi = pg_lex_n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = strcmp(buf, pg_lex_blob + (pg_lex_index[mid] >> 8));

        if (c == 0) {
            flags = pg_lex_index[mid] & 0xff;

            if ((flags & PG_LEX_CAPS) && lower) {
                flags &= ~(unsigned) (PG_LEX_HEALTH | PG_LEX_STAFF);
            }

            return flags;
        }

        if (c < 0) {
            hi = mid;

        } else {
            lo = mid + 1;
        }
    }

    return 0;
}
