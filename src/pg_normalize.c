/*
 * Copyright (C) phigate authors
 *
 * The steps, in order:
 *
 *   unicode   drop invisible format characters, fold fullwidth ASCII,
 *             decimal digits of every script, dashes and spaces to ASCII
 *
 * Later steps (HTML entities, LinkedIn backslash escapes, letter O for
 * zero, digits split by spaces) go into pg_norm_steps[] below; each sees
 * the previous step's output and the offset maps are composed here, so a
 * step only maps its own input to its own output.
 */


#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "pg_normalize.h"


/* pg_norm_char() results other than an ASCII byte */
#define PG_NORM_KEEP   (-1)
#define PG_NORM_DROP   (-2)

/* the longest run of decimal digits in Unicode is 50 (math digits) */
#define PG_ND_RUN_MAX  64


typedef pg_status_t (*pg_norm_step_pt)(pg_arena_t *a, const char *in,
    size_t len, pg_norm_t *out);


static pg_status_t pg_norm_unicode(pg_arena_t *a, const char *in,
    size_t len, pg_norm_t *out);
static int pg_norm_char(utf8proc_int32_t cp);
static int pg_norm_digit(utf8proc_int32_t cp);
static pg_status_t pg_norm_compose(pg_arena_t *a, pg_norm_t *cur,
    const pg_norm_t *next);


static const pg_norm_step_pt  pg_norm_steps[] = {
    pg_norm_unicode,
    NULL
};


pg_status_t
pg_normalize(pg_arena_t *a, const char *in, size_t len, pg_norm_t *out)
{
    size_t       k;
    pg_norm_t    next;
    pg_status_t  st;

    if (len >= UINT32_MAX) {
        return PG_ERR_TOO_LARGE;
    }

    out->text = NULL;
    out->len = len;
    out->from = NULL;
    out->to = NULL;
    out->in_len = len;

    for (k = 0; pg_norm_steps[k] != NULL; k++) {
        /* each step reads the previous step's output, or the input */
        st = pg_norm_steps[k](a, out->from ? out->text : in, out->len,
                              &next);
        if (st != PG_OK) {
            return st;
        }

        if (next.from == NULL) {
            /* the step changed nothing */
            continue;
        }

        st = pg_norm_compose(a, out, &next);
        if (st != PG_OK) {
            return st;
        }
    }

    if (out->from == NULL) {
        /* no step changed anything: a terminated copy of the input */
        out->text = pg_arena_strndup(a, in, len);
        if (out->text == NULL) {
            return PG_ERR_NOMEM;
        }
    }

    return PG_OK;
}


void
pg_norm_span(const pg_norm_t *n, size_t off, size_t len, size_t *in_off,
    size_t *in_len)
{
    if (n->from == NULL) {
        *in_off = off;
        *in_len = len;
        return;
    }

    *in_off = n->from[off];
    *in_len = n->to[off + len - 1] - n->from[off];
}


/*
 * Category and decimal-digit lookups come from utf8proc (the Unicode
 * tables nginx hosts already ship with libutf8proc) rather than from
 * hand-written ranges that would go stale with each Unicode release.
 */

static pg_status_t
pg_norm_unicode(pg_arena_t *a, const char *in, size_t len, pg_norm_t *out)
{
    int                r;
    size_t             i, o, k;
    uint32_t          *from, *to;
    utf8proc_int32_t   cp;
    utf8proc_ssize_t   n;

    out->text = NULL;
    out->len = len;
    out->from = NULL;
    out->to = NULL;
    out->in_len = len;

    for (i = 0; i < len; i++) {
        if ((unsigned char) in[i] >= 0x80) {
            break;
        }
    }

    if (i == len) {
        /* plain ASCII: nothing to do */
        return PG_OK;
    }

    /* no character grows, so the output fits in len bytes */

    out->text = pg_arena_alloc(a, len + 1);
    from = pg_arena_alloc(a, (len + 1) * sizeof(uint32_t));
    to = pg_arena_alloc(a, (len + 1) * sizeof(uint32_t));

    if (out->text == NULL || from == NULL || to == NULL) {
        return PG_ERR_NOMEM;
    }

    i = 0;
    o = 0;

    while (i < len) {

        if ((unsigned char) in[i] < 0x80) {
            n = 1;
            r = (unsigned char) in[i];

        } else {
            n = utf8proc_iterate((const utf8proc_uint8_t *) in + i,
                                 (utf8proc_ssize_t) (len - i), &cp);

            if (n <= 0) {
                /* invalid UTF-8: the byte passes through unchanged */
                n = 1;
                r = (unsigned char) in[i];

            } else {
                r = pg_norm_char(cp);
            }
        }

        if (r == PG_NORM_KEEP) {
            for (k = 0; k < (size_t) n; k++) {
                out->text[o] = in[i + k];
                from[o] = (uint32_t) i;
                to[o] = (uint32_t) (i + n);
                o++;
            }

        } else if (r != PG_NORM_DROP) {
            out->text[o] = (char) r;
            from[o] = (uint32_t) i;
            to[o] = (uint32_t) (i + n);
            o++;
        }

        i += n;
    }

    out->text[o] = '\0';
    out->len = o;
    out->from = from;
    out->to = to;
    out->in_len = len;

    return PG_OK;
}


/* what one non-ASCII character becomes: an ASCII byte, KEEP or DROP */

static int
pg_norm_char(utf8proc_int32_t cp)
{
    if (cp >= 0xff01 && cp <= 0xff5e) {
        /* fullwidth ASCII: "１２３" reads as "123" */
        return (int) (cp - 0xfee0);
    }

    switch (utf8proc_category(cp)) {

    case UTF8PROC_CATEGORY_CF:
        /*
         * Invisible format characters (zero-width space/joiners U+200B-D,
         * word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD, bidi marks)
         * can be slipped inside a number without changing what it shows.
         */
        return PG_NORM_DROP;

    case UTF8PROC_CATEGORY_ND:
        return '0' + pg_norm_digit(cp);

    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        /* no-break, thin, ideographic spaces separate like a space */
        return ' ';

    case UTF8PROC_CATEGORY_PD:
        /* hyphens, en and em dashes group digits like '-' does */
        return '-';

    default:
        return PG_NORM_KEEP;
    }
}


/*
 * The value of a decimal digit (category Nd).  Unicode assigns decimal
 * digits only in contiguous runs of ten, 0 to 9, and adjacent runs (the
 * mathematical digits) start at multiples of ten from the first, so the
 * value is the distance from the start of the run modulo ten.
 */

static int
pg_norm_digit(utf8proc_int32_t cp)
{
    utf8proc_int32_t  s;

    for (s = cp;
         s > 0 && cp - s < PG_ND_RUN_MAX
         && utf8proc_category(s - 1) == UTF8PROC_CATEGORY_ND;
         s--)
    {
        /* void */
    }

    return (int) ((cp - s) % 10);
}


/* cur = next applied after cur: maps go back through cur's maps */

static pg_status_t
pg_norm_compose(pg_arena_t *a, pg_norm_t *cur, const pg_norm_t *next)
{
    size_t     i;
    uint32_t  *from, *to;

    if (cur->from == NULL) {
        cur->text = next->text;
        cur->len = next->len;
        cur->from = next->from;
        cur->to = next->to;
        return PG_OK;
    }

    from = pg_arena_alloc(a, (next->len + 1) * sizeof(uint32_t));
    to = pg_arena_alloc(a, (next->len + 1) * sizeof(uint32_t));

    if (from == NULL || to == NULL) {
        return PG_ERR_NOMEM;
    }

    for (i = 0; i < next->len; i++) {
        from[i] = cur->from[next->from[i]];
        to[i] = cur->to[next->to[i] - 1];
    }

    cur->text = next->text;
    cur->len = next->len;
    cur->from = from;
    cur->to = to;

    return PG_OK;
}
