/*
 * Copyright (C) phigate authors
 *
 * The restricted ZIP prefix list (phigate_zip_restricted FILE): whatever
 * the file holds, checking and setting agree, a failure names an offset
 * inside the file and leaves the list in force, and a list that is set
 * restricts exactly the three-digit entries it names.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_detect_zip.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int          n, set;
    char         zip[4];
    size_t       i, bad, bad2;
    unsigned     v, count, listed[1000 / 32 + 1];
    const char  *s;

    s = (const char *) data;
    bad = bad2 = (size_t) -1;

    n = pg_zip_restricted_check(s, size, &bad);
    set = pg_zip_restricted_set(s, size, &bad2);

    if (n != set || (n < 0 && (bad != bad2 || bad >= size))) {
        abort();
    }

    if (n < 0) {
        /* the list in force is still the default, which holds 036 */
        if (!pg_zip_restricted("036") || pg_zip_restricted("037")) {
            abort();
        }

        return 0;
    }

    /* the entries by hand: every three-digit run not in a comment */
    memset(listed, 0, sizeof(listed));
    count = 0;

    for (i = 0; i < size; i++) {
        if (s[i] == '#') {
            while (i < size && s[i] != '\n') {
                i++;
            }

            continue;
        }

        if (i + 3 <= size && s[i] >= '0' && s[i] <= '9') {
            v = (unsigned) (s[i] - '0') * 100 + (unsigned) (s[i + 1] - '0') * 10
                + (unsigned) (s[i + 2] - '0');

            if (!(listed[v / 32] & (1u << (v % 32)))) {
                listed[v / 32] |= 1u << (v % 32);
                count++;
            }

            i += 2;
        }
    }

    if (count != (unsigned) n) {
        abort();
    }

    for (v = 0; v < 1000; v++) {
        zip[0] = (char) ('0' + v / 100);
        zip[1] = (char) ('0' + v / 10 % 10);
        zip[2] = (char) ('0' + v % 10);
        zip[3] = '\0';

        if (pg_zip_restricted(zip) != !!(listed[v / 32] & (1u << (v % 32)))) {
            abort();
        }
    }

    (void) pg_zip_restricted_set(NULL, 0, NULL);

    return 0;
}
