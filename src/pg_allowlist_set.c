/*
 * Copyright (C) phigate authors
 *
 * The allow-list's key sets: arrays in the list's arena, sorted once
 * after parsing, searched by bisection.
 */


#include <stdlib.h>
#include <string.h>

#include "pg_allowlist_int.h"


static int pg_allow_key_cmp(const void *a, const void *b);
static int pg_allow_key_order(const void *a, const void *b);


int
pg_allow_set_add(pg_allowlist_t *al, pg_allow_set_id_t id, const char *s,
    size_t len, uint32_t aux)
{
    char            *c;
    pg_allow_set_t  *set;

    set = &al->sets[id];

    if (len > PG_ALLOW_MAX + 16
        || pg_arena_grow(&al->arena, (void **) &set->items, &set->cap,
                         set->n, sizeof(pg_allow_key_t))
           != 0)
    {
        return -1;
    }

    c = pg_arena_strndup(&al->arena, s, len);
    if (c == NULL) {
        return -1;
    }

    set->items[set->n].s = c;
    set->items[set->n].len = (uint32_t) len;
    set->items[set->n].aux = aux;
    set->n++;

    return 0;
}


void
pg_allow_set_sort(pg_allowlist_t *al)
{
    size_t           k, i, o;
    pg_allow_set_t  *set;

    for (k = 0; k < PG_SET__N; k++) {
        set = &al->sets[k];

        if (set->n < 2) {
            continue;
        }

        qsort(set->items, set->n, sizeof(pg_allow_key_t),
              pg_allow_key_order);

        /* a name listed twice, or words many names share, kept once */
        for (i = 1, o = 1; i < set->n; i++) {
            if (pg_allow_key_order(&set->items[i], &set->items[o - 1])
                != 0)
            {
                set->items[o++] = set->items[i];
            }
        }

        set->n = o;
    }
}


const pg_allow_key_t *
pg_allow_set_find(const pg_allowlist_t *al, pg_allow_set_id_t id,
    const char *s, size_t len)
{
    size_t                 lo, hi, mid;
    pg_allow_key_t         key;
    const pg_allow_set_t  *set;

    set = &al->sets[id];
    key.s = s;
    key.len = (uint32_t) len;

    if (len > PG_ALLOW_MAX + 16) {
        return NULL;
    }

    /* the first key not below s */
    lo = 0;
    hi = set->n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;

        if (pg_allow_key_cmp(&set->items[mid], &key) < 0) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    if (lo < set->n && pg_allow_key_cmp(&set->items[lo], &key) == 0) {
        return &set->items[lo];
    }

    return NULL;
}


const pg_allow_key_t *
pg_allow_set_end(const pg_allowlist_t *al, pg_allow_set_id_t id)
{
    return (al->sets[id].n > 0) ? al->sets[id].items + al->sets[id].n : NULL;
}


/* by bytes, a shorter key first */
static int
pg_allow_key_cmp(const void *a, const void *b)
{
    int                    c;
    const pg_allow_key_t  *x = a, *y = b;

    c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);

    if (c != 0) {
        return c;
    }

    return (x->len > y->len) - (x->len < y->len);
}


/* the same, then by aux: equal keys of another aux stay side by side */
static int
pg_allow_key_order(const void *a, const void *b)
{
    int                    c;
    const pg_allow_key_t  *x = a, *y = b;

    c = pg_allow_key_cmp(a, b);

    if (c != 0) {
        return c;
    }

    return (x->aux > y->aux) - (x->aux < y->aux);
}
