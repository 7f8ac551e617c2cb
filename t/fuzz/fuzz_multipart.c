/*
 * Copyright (C) phigate authors
 *
 * Two ways in, chosen by the first byte: a fixed boundary (so that the
 * fuzzer only has to find the body's structure), or a Content-Type header
 * taken from the input's first line and the rest as the body, through
 * pg_extract_body() (boundary parsing, dispatch, nested types).
 */


#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t        off;
    pg_arena_t    arena;
    const char   *in, *lf;
    pg_fields_t   fields = { NULL, 0, 0, 0 };

    if (size == 0) {
        return 0;
    }

    in = (const char *) data + 1;
    size--;

    pg_arena_init(&arena, 0);

    if ((data[0] & 1) == 0) {
        (void) pg_extract_multipart(&arena, in, size, "XyZ", 3, &fields);
        pg_fuzz_check(&fields, size);

    } else {
        lf = memchr(in, '\n', size);
        off = lf != NULL ? (size_t) (lf - in) + 1 : size;

        (void) pg_extract_body(&arena, in, off ? off - 1 : 0, in + off,
                               size - off, &fields);
        pg_fuzz_check(&fields, size - off);
    }

    pg_arena_free(&arena);

    return 0;
}
