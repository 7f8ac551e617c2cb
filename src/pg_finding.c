/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include "pg_finding.h"


static const char  *pg_type_names[PG_T__COUNT] = {
    "SSN",
    "PHONE",
    "EMAIL",
    "MRN",
    "DOB",
    "FAX",
    "NAME",
    "ADDRESS",
    "ZIP",
    "DATE",
    "AGE",
    "HEALTH_PLAN",
    "ACCOUNT",
    "LICENSE",
    "NPI",
    "VEHICLE",
    "DEVICE",
    "URL",
    "IP",
    "BIOMETRIC",
    "MEDIA",
    "OTHER_ID",
    "CUSTOM"
};


const char *
pg_type_name(pg_type_t t)
{
    if ((unsigned) t >= PG_T__COUNT) {
        return "UNKNOWN";
    }

    return pg_type_names[t];
}


int
pg_type_from_name(const char *name, size_t len)
{
    int  i;

    for (i = 0; i < PG_T__COUNT; i++) {
        if (strlen(pg_type_names[i]) == len
            && strncmp(pg_type_names[i], name, len) == 0)
        {
            return i;
        }
    }

    return -1;
}


pg_status_t
pg_findings_add(pg_findings_t *f, pg_arena_t *a, pg_type_t type,
    uint32_t field, size_t off, size_t len, uint8_t confidence)
{
    pg_finding_t  *fd;

    if (pg_arena_grow(a, (void **) &f->items, &f->cap, f->n,
                      sizeof(pg_finding_t))
        != 0)
    {
        return PG_ERR_NOMEM;
    }

    fd = &f->items[f->n++];

    fd->type = type;
    fd->field = field;
    fd->off = off;
    fd->len = len;
    fd->confidence = confidence;
    fd->log_only = 0;
    fd->rule = NULL;

    return PG_OK;
}

