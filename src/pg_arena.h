/*
 * Copyright (C) phigate authors
 *
 * A per-request arena: every allocation the engine makes while inspecting
 * one request comes from here and is released at once by pg_arena_free().
 * The nginx module ties the arena to the request pool's cleanup, so nothing
 * the engine allocates can outlive the request.
 */

#ifndef _PG_ARENA_H_INCLUDED_
#define _PG_ARENA_H_INCLUDED_


#include <stddef.h>


typedef struct pg_arena_block_s  pg_arena_block_t;

typedef struct {
    pg_arena_block_t  *head;
    size_t             used;      /* bytes handed out, for limits */
    size_t             limit;     /* 0: no limit */
} pg_arena_t;


void pg_arena_init(pg_arena_t *a, size_t limit);
void *pg_arena_alloc(pg_arena_t *a, size_t size);
void *pg_arena_calloc(pg_arena_t *a, size_t size);
char *pg_arena_strndup(pg_arena_t *a, const char *s, size_t len);
/* grows an array of elements of size esz held in *items with capacity *cap */
int pg_arena_grow(pg_arena_t *a, void **items, size_t *cap, size_t n,
    size_t esz);
void pg_arena_free(pg_arena_t *a);


#endif /* _PG_ARENA_H_INCLUDED_ */
