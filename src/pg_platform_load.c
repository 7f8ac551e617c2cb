/*
 * Copyright (C) phigate authors
 *
 * Parsing a profile set (conf/platforms.json's format, docs/platforms.md).
 * Strict on purpose: an unknown key is an error rather than ignored, so a
 * typo ("skipp") fails at nginx -t instead of quietly inspecting ids or
 * skipping text; a skip pattern that would match every field ("*") is
 * refused, since it would turn inspection off for a platform.
 */


#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define PCRE2_CODE_UNIT_WIDTH  8
#include <pcre2.h>

#include "pg_platform_int.h"


#define PG_PLATFORMS_MAX   64
#define PG_LIST_MAX        256
#define PG_PATTERN_MAX     128


typedef struct {
    pg_platforms_t  *set;
    json_t          *sets;           /* the "sets" object, may be NULL */
    char            *err;
    size_t           err_size;
    char             where[64];      /* "platforms[3] (x)" */
} pg_load_t;


typedef enum {
    PG_PAT_HOST,
    PG_PAT_PATH,
    PG_PAT_GLOB,
    PG_PAT_ID_PATH
} pg_pattern_kind_t;


static int pg_load_profile(pg_load_t *l, json_t *obj, pg_platform_t *p,
    int generic);
static int pg_load_list(pg_load_t *l, json_t *obj, const char *key,
    pg_pattern_kind_t kind, int refs, const char *const **out);
static int pg_load_dm_fields(pg_load_t *l, json_t *obj,
    const pg_dm_field_t **out);
static int pg_load_dm_match(pg_load_t *l, const char *field, json_t *v,
    pg_dm_field_t *d);
static int pg_pattern_ok(const char *s, pg_pattern_kind_t kind);
static int pg_name_ok(const char *s);
static int pg_keys_known(pg_load_t *l, json_t *obj, const char *const *keys);
static int pg_fail(pg_load_t *l, const char *fmt, ...);


static const char *const    pg_no_strings[] = { NULL };
static const pg_dm_field_t  pg_no_dm_fields[] = { { NULL, NULL, NULL, NULL } };

static const char *const  pg_root_keys[] = {
    "schema", "about", "sets", "generic", "platforms", NULL
};

static const char *const  pg_profile_keys[] = {
    "name", "about", "hosts", "paths", "dm_paths", "dm_path_fields",
    "dm_fields", "skip", "post_id", "media", NULL
};

static const char *const  pg_dm_match_keys[] = { "match", NULL };

static const char *const  pg_generic_keys[] = {
    "about", "skip", "post_id", "media", NULL
};


pg_platforms_t *
pg_platforms_parse(const char *json, size_t len, char *err, size_t err_size)
{
    size_t          i, j, n;
    json_t         *root, *list, *v;
    json_error_t    je;
    pg_load_t       l;
    pg_platforms_t *set;

    err[0] = '\0';

    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL) {
        snprintf(err, err_size, "line %d: %s", je.line, je.text);
        return NULL;
    }

    set = calloc(1, sizeof(pg_platforms_t));
    if (set == NULL) {
        json_decref(root);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }

    pg_arena_init(&set->arena, 0);

    memset(&l, 0, sizeof(l));
    l.set = set;
    l.err = err;
    l.err_size = err_size;

    if (!json_is_object(root)) {
        pg_fail(&l, "the file is not a JSON object");
        goto failed;
    }

    if (pg_keys_known(&l, root, pg_root_keys) != 0) {
        goto failed;
    }

    v = json_object_get(root, "schema");
    if (!json_is_integer(v) || json_integer_value(v) != 1) {
        pg_fail(&l, "\"schema\": must be 1");
        goto failed;
    }

    l.sets = json_object_get(root, "sets");
    if (l.sets != NULL && !json_is_object(l.sets)) {
        pg_fail(&l, "\"sets\": must be an object of lists");
        goto failed;
    }

    list = json_object_get(root, "platforms");
    if (!json_is_array(list) || json_array_size(list) == 0
        || json_array_size(list) > PG_PLATFORMS_MAX)
    {
        pg_fail(&l, "\"platforms\": must be a list of 1 to %d profiles",
                PG_PLATFORMS_MAX);
        goto failed;
    }

    n = json_array_size(list);

    set->items = pg_arena_calloc(&set->arena, n * sizeof(pg_platform_t));
    if (set->items == NULL) {
        pg_fail(&l, "out of memory");
        goto failed;
    }

    for (i = 0; i < n; i++) {
        snprintf(l.where, sizeof(l.where), "platforms[%zu]", i);

        if (pg_load_profile(&l, json_array_get(list, i), &set->items[i], 0)
            != 0)
        {
            goto failed;
        }

        for (j = 0; j < i; j++) {
            if (strcmp(set->items[j].name, set->items[i].name) == 0) {
                pg_fail(&l, "name: defined twice");
                goto failed;
            }
        }

        set->n++;
    }

    v = json_object_get(root, "generic");
    if (v == NULL) {
        v = json_object();
        json_object_set_new(root, "generic", v);
    }

    snprintf(l.where, sizeof(l.where), "generic");

    if (pg_load_profile(&l, v, &set->generic, 1) != 0) {
        goto failed;
    }

    json_decref(root);

    return set;

failed:

    json_decref(root);
    pg_platforms_free(set);

    return NULL;
}


void
pg_platforms_free(pg_platforms_t *set)
{
    size_t  i;

    if (set != NULL) {
        for (i = 0; i < set->ncodes; i++) {
            pcre2_code_free(set->codes[i]);
        }

        pcre2_match_context_free(set->mctx);
        pg_arena_free(&set->arena);
        free(set);
    }
}


static int
pg_load_profile(pg_load_t *l, json_t *obj, pg_platform_t *p, int generic)
{
    size_t       len;
    json_t      *name;
    const char  *s;

    if (!json_is_object(obj)) {
        return pg_fail(l, "must be an object");
    }

    if (generic) {
        p->name = "generic";

    } else {
        name = json_object_get(obj, "name");
        s = json_string_value(name);

        if (s == NULL || !pg_name_ok(s)) {
            return pg_fail(l, "name: 1 to %d of a-z, 0-9 and _",
                           PG_PLATFORM_NAME_MAX);
        }

        if (strcmp(s, "generic") == 0) {
            return pg_fail(l, "name: \"generic\" is the fallback profile, "
                           "configured as \"generic\"");
        }

        len = strlen(l->where);
        snprintf(l->where + len, sizeof(l->where) - len, " (%s)", s);

        p->name = pg_arena_strndup(&l->set->arena, s, strlen(s));
        if (p->name == NULL) {
            return pg_fail(l, "out of memory");
        }
    }

    if (pg_keys_known(l, obj, generic ? pg_generic_keys : pg_profile_keys)
        != 0)
    {
        return -1;
    }

    if (pg_load_list(l, obj, "hosts", PG_PAT_HOST, 0, &p->hosts) != 0
        || pg_load_list(l, obj, "paths", PG_PAT_PATH, 0, &p->paths) != 0
        || pg_load_list(l, obj, "dm_paths", PG_PAT_GLOB, 0, &p->dm_paths)
           != 0
        || pg_load_list(l, obj, "dm_path_fields", PG_PAT_GLOB, 0,
                        &p->dm_path_fields) != 0
        || pg_load_list(l, obj, "skip", PG_PAT_GLOB, 1, &p->skip) != 0
        || pg_load_list(l, obj, "post_id", PG_PAT_ID_PATH, 0, &p->post_id)
           != 0
        || pg_load_list(l, obj, "media", PG_PAT_GLOB, 1, &p->media) != 0
        || pg_load_dm_fields(l, obj, &p->dm_fields) != 0)
    {
        return -1;
    }

    if (generic && (p->hosts[0] != NULL || p->paths[0] != NULL)) {
        return pg_fail(l, "the generic profile matches what no other does: "
                       "no hosts or paths");
    }

    if (!generic && p->hosts[0] == NULL && p->paths[0] == NULL) {
        return pg_fail(l, "needs \"hosts\" or \"paths\" to be recognised");
    }

    return 0;
}


/*
 * A list of patterns; with refs, "@name" entries take in the list of that
 * name from "sets" (one level: sets do not refer to sets).
 */
static int
pg_load_list(pg_load_t *l, json_t *obj, const char *key,
    pg_pattern_kind_t kind, int refs, const char *const **out)
{
    size_t        i, j, n, total;
    json_t       *list, *v, *ref;
    const char   *s, **items;

    *out = pg_no_strings;

    list = json_object_get(obj, key);
    if (list == NULL) {
        return 0;
    }

    if (!json_is_array(list) || json_array_size(list) > PG_LIST_MAX) {
        return pg_fail(l, "%s: must be a list of at most %d strings", key,
                       PG_LIST_MAX);
    }

    /* first pass: size, with references expanded */
    total = 0;

    json_array_foreach(list, i, v) {
        s = json_string_value(v);
        if (s == NULL) {
            return pg_fail(l, "%s[%zu]: must be a string", key, i);
        }

        if (refs && s[0] == '@') {
            ref = l->sets != NULL ? json_object_get(l->sets, s + 1) : NULL;

            if (!json_is_array(ref)) {
                return pg_fail(l, "%s[%zu]: no list \"%.*s\" in \"sets\"",
                               key, i, PG_PLATFORM_NAME_MAX, s + 1);
            }

            total += json_array_size(ref);
            continue;
        }

        total++;
    }

    if (total > PG_LIST_MAX) {
        return pg_fail(l, "%s: more than %d patterns", key, PG_LIST_MAX);
    }

    items = pg_arena_calloc(&l->set->arena, (total + 1) * sizeof(char *));
    if (items == NULL) {
        return pg_fail(l, "out of memory");
    }

    n = 0;

    json_array_foreach(list, i, v) {
        s = json_string_value(v);

        if (refs && s[0] == '@') {
            ref = json_object_get(l->sets, s + 1);

            for (j = 0; j < json_array_size(ref); j++) {
                s = json_string_value(json_array_get(ref, j));

                if (s == NULL || !pg_pattern_ok(s, kind)) {
                    return pg_fail(l, "%s[%zu]: sets.%s[%zu]: not a valid "
                                   "pattern", key, i,
                                   json_string_value(v) + 1, j);
                }

                items[n++] = s;
            }

            continue;
        }

        if (!pg_pattern_ok(s, kind)) {
            return pg_fail(l, "%s[%zu]: not a valid %s", key, i,
                           kind == PG_PAT_HOST ? "host (\"a.b\" or \".b\")"
                           : kind == PG_PAT_PATH ? "path prefix (\"/...\")"
                           : kind == PG_PAT_ID_PATH ? "JSON path (\"a.b\")"
                           : "pattern (\"x\", \"x*\" or \"*x\"; not \"*\")");
        }

        items[n++] = s;
    }

    /* the strings belong to the JSON document: copy them into the set */
    for (i = 0; i < n; i++) {
        items[i] = pg_arena_strndup(&l->set->arena, items[i],
                                    strlen(items[i]));
        if (items[i] == NULL) {
            return pg_fail(l, "out of memory");
        }
    }

    items[n] = NULL;
    *out = items;

    return 0;
}


/*
 * "dm_fields": { "visibility": "direct", "status": { "match": "^d " } }:
 * a string is the value, any case; an object holds a PCRE2 pattern.
 */
static int
pg_load_dm_fields(pg_load_t *l, json_t *obj, const pg_dm_field_t **out)
{
    size_t          n;
    json_t         *m, *v;
    const char     *k;
    pg_dm_field_t  *items;

    *out = pg_no_dm_fields;

    m = json_object_get(obj, "dm_fields");
    if (m == NULL) {
        return 0;
    }

    if (!json_is_object(m) || json_object_size(m) > PG_LIST_MAX) {
        return pg_fail(l, "dm_fields: must be an object of field names to "
                       "values");
    }

    items = pg_arena_calloc(&l->set->arena,
                            (json_object_size(m) + 1) * sizeof(pg_dm_field_t));
    if (items == NULL) {
        return pg_fail(l, "out of memory");
    }

    n = 0;

    json_object_foreach(m, k, v) {
        /* a field's exact name: printable, no '*' that would mislead */
        if (!pg_pattern_ok(k, PG_PAT_ID_PATH)) {
            return pg_fail(l, "dm_fields: field names are exact names of 1 "
                           "to %d printable bytes", PG_PATTERN_MAX);
        }

        items[n].name = pg_arena_strndup(&l->set->arena, k, strlen(k));
        if (items[n].name == NULL) {
            return pg_fail(l, "out of memory");
        }

        if (json_is_object(v)) {
            if (pg_load_dm_match(l, k, v, &items[n]) != 0) {
                return -1;
            }

        } else if (json_is_string(v) && json_string_length(v) != 0
                   && strlen(json_string_value(v)) == json_string_length(v))
        {
            items[n].equals = pg_arena_strndup(&l->set->arena,
                                               json_string_value(v),
                                               json_string_length(v));
            if (items[n].equals == NULL) {
                return pg_fail(l, "out of memory");
            }

        } else {
            return pg_fail(l, "dm_fields.%s: a non-empty string or "
                           "{ \"match\": PATTERN }", k);
        }

        n++;
    }

    *out = items;

    return 0;
}


/*
 * { "match": "PCRE2 pattern" }: compiled as phigate_rules patterns are
 * (UTF-8, invalid bytes never an error), run with the same limits.
 */
static int
pg_load_dm_match(pg_load_t *l, const char *field, json_t *v,
    pg_dm_field_t *d)
{
    int                     ec;
    json_t                 *src;
    pcre2_code             *code;
    PCRE2_SIZE              off;
    PCRE2_UCHAR             msg[128];
    pcre2_match_context    *mctx;
    pg_platforms_t         *set;

    set = l->set;

    if (pg_keys_known(l, v, pg_dm_match_keys) != 0) {
        return -1;
    }

    src = json_object_get(v, "match");
    if (!json_is_string(src) || json_string_length(src) == 0) {
        return pg_fail(l, "dm_fields.%s: \"match\" needs a pattern", field);
    }

    if (set->mctx == NULL) {
        mctx = pcre2_match_context_create(NULL);
        if (mctx == NULL) {
            return pg_fail(l, "out of memory");
        }

        pcre2_set_match_limit(mctx, PG_DM_MATCH_LIMIT);
        pcre2_set_depth_limit(mctx, PG_DM_DEPTH_LIMIT);
        set->mctx = mctx;
    }

    if (pg_arena_grow(&set->arena, (void **) &set->codes, &set->codes_cap,
                      set->ncodes, sizeof(void *))
        != 0)
    {
        return pg_fail(l, "out of memory");
    }

    code = pcre2_compile((PCRE2_SPTR) json_string_value(src),
                         json_string_length(src),
                         PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &off,
                         NULL);
    if (code == NULL) {
        /* PCRE2's messages name the construct, never the pattern */
        if (pcre2_get_error_message(ec, msg, sizeof(msg)) < 0) {
            msg[0] = '\0';
        }

        return pg_fail(l, "dm_fields.%s: bad pattern: %s at offset %zu",
                       field, (char *) msg, (size_t) off);
    }

    set->codes[set->ncodes++] = code;

    /* without JIT the interpreter runs the same pattern, only slower */
    (void) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);

    d->match = code;
    d->mctx = set->mctx;

    return 0;
}


static int
pg_pattern_ok(const char *s, pg_pattern_kind_t kind)
{
    size_t       len, i;
    const char  *star;

    len = strlen(s);

    if (len == 0 || len > PG_PATTERN_MAX) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        if ((unsigned char) s[i] <= ' ' || (unsigned char) s[i] >= 0x7f) {
            return 0;
        }
    }

    switch (kind) {

    case PG_PAT_HOST:
        for (i = 0; i < len; i++) {
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
                  || s[i] == '-' || s[i] == '.'))
            {
                return 0;
            }
        }

        /* ".b" is any host under b; "." alone or "a." is no host */
        return len > 1 && s[len - 1] != '.' && strstr(s, "..") == NULL;

    case PG_PAT_PATH:
        return s[0] == '/' && strchr(s, '*') == NULL;

    case PG_PAT_ID_PATH:
        return s[0] != '.' && s[len - 1] != '.' && strchr(s, '*') == NULL;

    default: /* PG_PAT_GLOB */
        star = strchr(s, '*');

        if (star == NULL) {
            return 1;
        }

        /* one star, first or last, and something else to match */
        return len > 1 && strchr(star + 1, '*') == NULL
               && (star == s || star == s + len - 1);
    }
}


static int
pg_name_ok(const char *s)
{
    size_t  i;

    for (i = 0; s[i] != '\0'; i++) {
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
              || s[i] == '_'))
        {
            return 0;
        }
    }

    return i > 0 && i <= PG_PLATFORM_NAME_MAX;
}


static int
pg_keys_known(pg_load_t *l, json_t *obj, const char *const *keys)
{
    json_t             *v;
    const char         *k;
    const char *const  *known;

    json_object_foreach(obj, k, v) {
        for (known = keys; *known != NULL; known++) {
            if (strcmp(k, *known) == 0) {
                break;
            }
        }

        if (*known == NULL) {
            return pg_fail(l, "unknown key \"%.*s\"", PG_PATTERN_MAX, k);
        }
    }

    return 0;
}


static int
pg_fail(pg_load_t *l, const char *fmt, ...)
{
    int      n;
    va_list  args;

    n = 0;

    if (l->where[0] != '\0') {
        n = snprintf(l->err, l->err_size, "%s: ", l->where);
        if (n < 0 || (size_t) n >= l->err_size) {
            return -1;
        }
    }

    va_start(args, fmt);
    vsnprintf(l->err + n, l->err_size - n, fmt, args);
    va_end(args);

    return -1;
}
