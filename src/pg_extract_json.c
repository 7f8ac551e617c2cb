/*
 * Copyright (C) phigate authors
 */


#include <string.h>

#include <jansson.h>

#include "pg_extract_int.h"


/* keys are client-chosen: a long one is cut, it only names a field */
#define PG_JSON_KEY_MAX     128
#define PG_JSON_PREFIX_MAX  256


typedef struct {
    pg_arena_t   *arena;
    pg_fields_t  *out;
    pg_source_t   src;
    char         *path;
} pg_json_ctx_t;


static pg_status_t pg_json_walk(pg_json_ctx_t *ctx, json_t *v, size_t plen,
    unsigned depth);
static pg_status_t pg_json_string(pg_json_ctx_t *ctx, json_t *v,
    size_t plen);


pg_status_t
pg_extract_json(pg_arena_t *a, const char *buf, size_t len, pg_source_t src,
    const char *prefix, pg_fields_t *out)
{
    size_t         plen;
    json_t        *root;
    pg_status_t    st;
    json_error_t   err;
    pg_json_ctx_t  ctx;

    /*
     * Duplicate keys are refused: jansson would keep only the last value
     * while a platform may keep the first, and the gateway must see what
     * the platform publishes.  Integers are read as reals so that long
     * numeric ids, which are not text anyway, do not fail the parse.
     */
    root = json_loadb(buf, len,
                      JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES
                      | JSON_DECODE_INT_AS_REAL,
                      &err);

    if (root == NULL) {
        switch (json_error_code(&err)) {

        case json_error_out_of_memory:
            return PG_ERR_NOMEM;

        case json_error_stack_overflow:
            return PG_ERR_TOO_COMPLEX;

        default:
            return PG_ERR_MALFORMED_JSON;
        }
    }

    plen = prefix != NULL ? strlen(prefix) : 0;

    if (plen > PG_JSON_PREFIX_MAX) {
        plen = PG_JSON_PREFIX_MAX;
    }

    ctx.arena = a;
    ctx.out = out;
    ctx.src = src;
    ctx.path = pg_arena_alloc(a, PG_JSON_PREFIX_MAX
                                 + PG_DEPTH_MAX * (PG_JSON_KEY_MAX + 3) + 1);

    if (ctx.path == NULL) {
        json_decref(root);
        return PG_ERR_NOMEM;
    }

    if (plen) {
        memcpy(ctx.path, prefix, plen);
    }

    ctx.path[plen] = '\0';

    st = pg_json_walk(&ctx, root, plen, 0);

    json_decref(root);

    return st;
}


/*
 * Recursion is bounded by PG_DEPTH_MAX containers; jansson itself refuses
 * documents nested deeper than JSON_PARSER_MAX_DEPTH.
 */
static pg_status_t
pg_json_walk(pg_json_ctx_t *ctx, json_t *v, size_t plen, unsigned depth)
{
    size_t       i, klen, n;
    json_t      *item;
    const char  *key;
    pg_status_t  st;

    switch (json_typeof(v)) {

    case JSON_STRING:
        return pg_json_string(ctx, v, plen);

    case JSON_ARRAY:
        if (depth >= PG_DEPTH_MAX) {
            return PG_ERR_TOO_COMPLEX;
        }

        /* indices are dropped: "poll.options[]" groups every option */
        memcpy(ctx->path + plen, "[]", 3);

        json_array_foreach(v, i, item) {
            st = pg_json_walk(ctx, item, plen + 2, depth + 1);
            if (st != PG_OK) {
                return st;
            }
        }

        ctx->path[plen] = '\0';

        return PG_OK;

    case JSON_OBJECT:
        if (depth >= PG_DEPTH_MAX) {
            return PG_ERR_TOO_COMPLEX;
        }

        json_object_foreach(v, key, item) {
            n = plen;

            if (n) {
                ctx->path[n++] = '.';
            }

            klen = strlen(key);

            if (klen > PG_JSON_KEY_MAX) {
                klen = PG_JSON_KEY_MAX;
            }

            memcpy(ctx->path + n, key, klen);
            ctx->path[n + klen] = '\0';

            st = pg_json_walk(ctx, item, n + klen, depth + 1);
            if (st != PG_OK) {
                return st;
            }
        }

        ctx->path[plen] = '\0';

        return PG_OK;

    default:
        /* numbers, booleans and null carry no text */
        return PG_OK;
    }
}


static pg_status_t
pg_json_string(pg_json_ctx_t *ctx, json_t *v, size_t plen)
{
    /* a document that is a bare string: "$" when nothing else names it */
    if (plen == 0) {
        return pg_fields_add(ctx->out, ctx->arena, "$", 1,
                             json_string_value(v), json_string_length(v),
                             ctx->src, 0, 0);
    }

    return pg_fields_add(ctx->out, ctx->arena, ctx->path, plen,
                         json_string_value(v), json_string_length(v),
                         ctx->src, 0, 0);
}
