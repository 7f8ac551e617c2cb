/*
 * Copyright (C) phigate authors
 */


#include "pg_status.h"


static const char  *pg_status_names[] = {
    "ok",
    "internal_error",
    "malformed_json",
    "malformed_form",
    "malformed_multipart",
    "uninspectable_encoding",
    "body_too_large",
    "too_complex",
    "body_unreadable"
};


const char *
pg_status_name(pg_status_t st)
{
    if ((unsigned) st >= PG_ERR__COUNT) {
        return "internal_error";
    }

    return pg_status_names[st];
}
