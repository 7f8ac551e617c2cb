/*
 * Copyright (C) phigate authors
 *
 * The restricted ZIP prefix list (phigate_zip_restricted FILE): whatever
 * the file holds, checking and setting agree, a failure names the file
 * (src/pg_conffile.h) and leaves the list in force, and a list that is
 * set restricts exactly the three-digit entries it names.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_conffile.h"
#include "pg_detect_zip.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int          n, set;
    char         zip[4];
    char         err[256], err2[256];
    size_t       i;
    unsigned     v, count, listed[1000 / 32 + 1];
    const char  *s;

    s = (const char *) data;
    n = pg_zip_restricted_check(s, size, "zip3.txt", err, sizeof(err));
    set = pg_zip_restricted_set(s, size, "zip3.txt", err2, sizeof(err2));

    if (n != set) {
        abort();
    }

    if (n < 0) {
        pg_fuzz_check_error(err, sizeof(err), "zip3.txt");

        if (strcmp(err, err2) != 0) {
            abort();
        }

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

    (void) pg_zip_restricted_set(NULL, 0, NULL, NULL, 0);

    return 0;
}
