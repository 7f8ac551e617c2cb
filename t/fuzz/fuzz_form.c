/*
 * Copyright (C) phigate authors
 */


#include <stdint.h>

#include "fuzz_check.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pg_arena_t   arena;
    pg_fields_t  fields = { NULL, 0, 0, 0 };

    pg_arena_init(&arena, 0);

    (void) pg_extract_form(&arena, (const char *) data, size,
                           size & 1 ? PG_SRC_QUERY : PG_SRC_BODY, &fields);
    pg_fuzz_check(&fields, size);

    pg_arena_free(&arena);

    return 0;
}
