/*
 * Copyright (C) phigate authors
 *
 * A parsed profile set, shared by the parser and the matcher only.
 */

#ifndef _PG_PLATFORM_INT_H_INCLUDED_
#define _PG_PLATFORM_INT_H_INCLUDED_


#include "pg_arena.h"
#include "pg_platform.h"


struct pg_platforms_s {
    pg_arena_t       arena;          /* every string and list of the set */
    pg_platform_t   *items;
    size_t           n;
    pg_platform_t    generic;
    void           **codes;          /* pcre2_code of dm_fields "match" */
    size_t           ncodes;
    size_t           codes_cap;
    void            *mctx;           /* their pcre2_match_context */
};


/* bounds a dm_fields pattern's work on one value (as phigate_rules do) */
#define PG_DM_MATCH_LIMIT  100000
#define PG_DM_DEPTH_LIMIT  10000


/* the compiled-in conf/platforms.json (pg_platform_data.c) */
extern const char    pg_platforms_json[];
extern const size_t  pg_platforms_json_len;


#endif /* _PG_PLATFORM_INT_H_INCLUDED_ */
