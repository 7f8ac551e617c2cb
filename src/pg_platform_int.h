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
};


/* the compiled-in conf/platforms.json (pg_platform_data.c) */
extern const char    pg_platforms_json[];
extern const size_t  pg_platforms_json_len;


#endif /* _PG_PLATFORM_INT_H_INCLUDED_ */
