/*
 * Copyright (C) phigate authors
 *
 * Blocks come from malloc() and go back to a list the thread keeps
 * (PG_ARENA_KEEP bytes, PG_ARENA_KEEP_N blocks at most) rather than to
 * free(): the next request of the worker takes them from there.  Every
 * request would otherwise malloc and free its blocks, and glibc gives a
 * large free back to the system, so a large body faulted its memory in
 * again each time (some 30 us a page on a VM).  The list is per thread
 * (__thread): an nginx worker is one thread, and a threaded host never
 * shares a list between threads.
 */


#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#include "pg_arena.h"


#define PG_ARENA_BLOCK  8192
#define PG_ALIGN(n)     (((n) + 15) & ~(size_t) 15)


struct pg_arena_block_s {
    pg_arena_block_t  *next;
    size_t             size;
    size_t             pos;
    /* data follows, 16-byte aligned */
};

#define PG_BLOCK_HDR  PG_ALIGN(sizeof(pg_arena_block_t))

/* what a thread keeps between requests: a 1 MB body's blocks */
#define PG_ARENA_KEEP     (4 * 1024 * 1024)
#define PG_ARENA_KEEP_N   64


static pg_arena_block_t *pg_arena_block(size_t size);
static void pg_arena_keep(pg_arena_block_t *b);


static __thread pg_arena_block_t  *pg_arena_kept;
static __thread size_t             pg_arena_kept_bytes;
static __thread size_t             pg_arena_kept_n;


void
pg_arena_init(pg_arena_t *a, size_t limit)
{
    a->head = NULL;
    a->used = 0;
    a->limit = limit;
}


void *
pg_arena_alloc(pg_arena_t *a, size_t size)
{
    size_t             bsize;
    pg_arena_block_t  *b;

    if (size > SIZE_MAX / 2) {
        return NULL;
    }

    size = PG_ALIGN(size == 0 ? 1 : size);

    if (a->limit && a->used + size > a->limit) {
        return NULL;
    }

    b = a->head;

    if (b == NULL || b->size - b->pos < size) {
        bsize = size > PG_ARENA_BLOCK / 4 ? size : PG_ARENA_BLOCK;

        b = pg_arena_block(bsize);
        if (b == NULL) {
            return NULL;
        }

        if (bsize == size && a->head != NULL) {
            /* a large block: keep the current block open for small ones */
            b->next = a->head->next;
            a->head->next = b;

        } else {
            b->next = a->head;
            a->head = b;
        }
    }

    b->pos += size;
    a->used += size;

    return (char *) b + PG_BLOCK_HDR + b->pos - size;
}


void *
pg_arena_calloc(pg_arena_t *a, size_t size)
{
    void  *p;

    p = pg_arena_alloc(a, size);
    if (p != NULL) {
        memset(p, 0, size);
    }

    return p;
}


char *
pg_arena_strndup(pg_arena_t *a, const char *s, size_t len)
{
    char  *p;

    if (len == SIZE_MAX) {
        return NULL;
    }

    p = pg_arena_alloc(a, len + 1);
    if (p == NULL) {
        return NULL;
    }

    if (len) {
        memcpy(p, s, len);
    }

    p[len] = '\0';

    return p;
}


int
pg_arena_grow(pg_arena_t *a, void **items, size_t *cap, size_t n, size_t esz)
{
    size_t   ncap;
    void    *p;

    if (n < *cap) {
        return 0;
    }

    ncap = *cap ? *cap * 2 : 16;

    if (ncap > SIZE_MAX / esz) {
        return -1;
    }

    p = pg_arena_alloc(a, ncap * esz);
    if (p == NULL) {
        return -1;
    }

    if (*items != NULL && n) {
        memcpy(p, *items, n * esz);
    }

    *items = p;
    *cap = ncap;

    return 0;
}


void
pg_arena_free(pg_arena_t *a)
{
    pg_arena_block_t  *b, *next;

    for (b = a->head; b; b = next) {
        next = b->next;
        pg_arena_keep(b);
    }

    a->head = NULL;
    a->used = 0;
}


/*
 * A block of at least size bytes, empty: the smallest that fits of the
 * kept ones, else a new one.
 */

static pg_arena_block_t *
pg_arena_block(size_t size)
{
    pg_arena_block_t  *b, **p, **best;

    best = NULL;

    for (p = &pg_arena_kept; *p != NULL; p = &(*p)->next) {
        if ((*p)->size >= size
            && (best == NULL || (*p)->size < (*best)->size))
        {
            best = p;
        }
    }

    if (best != NULL) {
        b = *best;
        *best = b->next;
        pg_arena_kept_bytes -= b->size;
        pg_arena_kept_n--;

    } else {
        b = malloc(PG_BLOCK_HDR + size);
        if (b == NULL) {
            return NULL;
        }

        b->size = size;
    }

    b->pos = 0;

    return b;
}


/* a block the arena is done with: kept for the next request, or freed */

static void
pg_arena_keep(pg_arena_block_t *b)
{
    if (pg_arena_kept_n >= PG_ARENA_KEEP_N
        || b->size > PG_ARENA_KEEP - pg_arena_kept_bytes)
    {
        free(b);
        return;
    }

    b->next = pg_arena_kept;
    pg_arena_kept = b;
    pg_arena_kept_bytes += b->size;
    pg_arena_kept_n++;
}
