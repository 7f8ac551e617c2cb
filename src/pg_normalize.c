/*
 * Copyright (C) phigate authors
 *
 * The steps, in order; each sees the previous step's output and the
 * offset maps are composed here, so a step only maps its own input to its
 * own output.  No step makes its text longer.
 *
 *   pct       percent-encoding left in text ("%2D", "%C2%A0"), twice:
 *             a Facebook Graph batch body is encoded twice, so one
 *             decode upstream leaves "%2520" ("%20" after the first pass)
 *   html      HTML entities: common named ones, "&#45;", "&#x2D;"
 *   escape    LinkedIn little-text backslash escapes ("\(" "\-" "\#")
 *   unicode   drop invisible format characters, fold fullwidth ASCII,
 *             decimal digits of every script, dashes and spaces to ASCII,
 *             look-alike letters and digits, and Latin letters with
 *             marks to their base letters (pg_normalize_fold.c)
 *   split     digits split one by one ("1 8 0 - 5 9 ..."): collapsed
 *   letters   the letter O for zero, l and I for one, in digit runs
 *
 * The byte-level steps run before unicode so that what they produce
 * ("&#65296;" is a fullwidth zero, "%E2%80%8B" a zero-width space) is
 * folded like text that arrived that way.
 *
 * A body can be a megabyte in one field and most of it changes in no
 * step, so a step copies unchanged runs whole and describes its map as
 * segments (a run of bytes copied one for one, or bytes that all come
 * from one input range), not as two offsets per byte; the steps write to
 * two buffers in turn, the segments are composed, and the per-byte map
 * is written once at the end.
 */


#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "pg_normalize.h"
#include "pg_normalize_fold.h"
#include "pg_text.h"


/* pg_norm_char() results other than an ASCII byte */
#define PG_NORM_KEEP   (-1)
#define PG_NORM_DROP   (-2)

/* the longest run of decimal digits in Unicode is 50 (math digits) */
#define PG_ND_RUN_MAX  64

/* the longest entity read: "&#x10FFFF;", "&hyphen;" */
#define PG_ENT_MAX     10

/* single-digit tokens that make a split run ("1 8 0 5 9 ...") */
#define PG_SPLIT_MIN   6

/* letters that stand for digits inside a number: O o for 0, l I for 1 */
#define pg_digit_letter(c)                                                  \
    ((c) == 'O' || (c) == 'o' || (c) == 'l' || (c) == 'I')
#define pg_digitish(c)  (pg_isdigit(c) || pg_digit_letter(c))


/*
 * A run of output bytes [o, o + n) and where they came from: with to 0,
 * byte o + k came from input byte from + k (a copy); otherwise each came
 * from the input range [from, to) ("%2D", "&#45;", a UTF-8 sequence).
 */
struct pg_nseg_s {
    uint32_t       o;
    uint32_t       n;
    uint32_t       from;
    uint32_t       to;
};


/* a map from output to input offsets as segments in output order */
typedef struct {
    pg_nseg_t     *seg;
    size_t         n;
    size_t         cap;
} pg_nmap_t;


/*
 * What pg_normalize() keeps across steps: two text buffers of the
 * input's length that steps write to in turn, and the map so far.
 */
typedef struct {
    pg_arena_t    *arena;
    char          *buf[2];
    size_t         cap;
    char          *cur;        /* the last step's output, NULL: input */
    pg_nmap_t      map;        /* the composed map, when cur is set */
    uint8_t       *vi;         /* pg_norm_t.vi_marks of cur, NULL: none */
} pg_nctx_t;


/* a step's output being built: text and its map */
typedef struct {
    char          *text;
    size_t         o;
    pg_nmap_t      map;
    /* pg_norm_t.vi_marks of text, NULL: none (yet) */
    uint8_t       *vi;
    size_t         vi_cap;
    pg_arena_t    *arena;
    pg_status_t    st;
} pg_nbuf_t;


typedef pg_status_t (*pg_norm_step_pt)(pg_nctx_t *x, const char *in,
    size_t len, pg_nbuf_t *out);

/* what a byte-level step reads at i: see pg_norm_bytes() */
typedef size_t (*pg_norm_at_pt)(const char *in, size_t len, size_t i,
    unsigned char *dec, size_t *nd);


static pg_status_t pg_nbuf_init(pg_nctx_t *x, pg_nbuf_t *b);
static void pg_nbuf_put(pg_nbuf_t *b, char c, size_t from, size_t to);
static void pg_nbuf_copy(pg_nbuf_t *b, const char *in, size_t from,
    size_t n);
static void pg_nbuf_extend(pg_nbuf_t *b, size_t to);
static pg_status_t pg_nbuf_upto(pg_nctx_t *x, pg_nbuf_t *b, const char *in,
    size_t done, size_t i);
static void pg_nmap_add(pg_nmap_t *m, pg_arena_t *a, pg_status_t *st,
    size_t o, size_t n, size_t from, size_t to);
static void pg_nmap_at(const pg_nmap_t *m, size_t *k, size_t o,
    uint32_t *from, uint32_t *to);
static pg_status_t pg_norm_compose(pg_nctx_t *x, const pg_nbuf_t *next);
static void pg_nbuf_vi(pg_nbuf_t *b, size_t n);
static pg_status_t pg_norm_vi_carry(pg_nctx_t *x, pg_nbuf_t *next);
static pg_status_t pg_norm_dense(pg_nctx_t *x, pg_norm_t *out);
static void pg_norm_run_at(const pg_norm_t *n, size_t o, size_t *from,
    size_t *to);
static pg_status_t pg_norm_bytes(pg_nctx_t *x, const char *in, size_t len,
    pg_nbuf_t *out, int trigger, pg_norm_at_pt at);
static pg_status_t pg_norm_pct(pg_nctx_t *x, const char *in, size_t len,
    pg_nbuf_t *out);
static size_t pg_norm_pct_at(const char *in, size_t len, size_t i,
    unsigned char *dec, size_t *nd);
static pg_status_t pg_norm_html(pg_nctx_t *x, const char *in, size_t len,
    pg_nbuf_t *out);
static size_t pg_norm_entity(const char *in, size_t len, size_t i,
    unsigned char *dec, size_t *nd);
static pg_status_t pg_norm_escape(pg_nctx_t *x, const char *in,
    size_t len, pg_nbuf_t *out);
static size_t pg_norm_escape_at(const char *in, size_t len, size_t i,
    unsigned char *dec, size_t *nd);
static pg_status_t pg_norm_unicode(pg_nctx_t *x, const char *in,
    size_t len, pg_nbuf_t *out);
static pg_status_t pg_norm_split(pg_nctx_t *x, const char *in, size_t len,
    pg_nbuf_t *out);
static size_t pg_norm_split_head(const char *in, size_t len, size_t from,
    size_t i);
static size_t pg_norm_next_high(const char *in, size_t len, size_t i);
static int pg_norm_token(const char *in, size_t len, size_t i);
static size_t pg_norm_gap(const char *in, size_t len, size_t i,
    char *sep);
static pg_status_t pg_norm_letters(pg_nctx_t *x, const char *in,
    size_t len, pg_nbuf_t *out);
static int pg_norm_letter_word(const char *in, size_t len, size_t s,
    size_t e);
static int pg_norm_char(utf8proc_int32_t cp);
static int pg_norm_digit(utf8proc_int32_t cp);


static const pg_norm_step_pt  pg_norm_steps[] = {
    pg_norm_pct,
    pg_norm_pct,
    pg_norm_html,
    pg_norm_escape,
    pg_norm_unicode,
    pg_norm_split,
    pg_norm_letters,
    NULL
};


/* named entities worth reading: what they show is ASCII */
static const struct {
    const char    *name;      /* between '&' and ';' */
    char           c;
} pg_entities[] = {
    { "amp",    '&' },
    { "lt",     '<' },
    { "gt",     '>' },
    { "quot",   '"' },
    { "apos",   '\'' },
    { "nbsp",   ' ' },
    { "ensp",   ' ' },
    { "emsp",   ' ' },
    { "thinsp", ' ' },
    { "ndash",  '-' },
    { "mdash",  '-' },
    { "minus",  '-' },
    { "hyphen", '-' },
    { "dash",   '-' },
    { "num",    '#' },
    { "commat", '@' },
    { "period", '.' },
    { "colon",  ':' },
    { "lpar",   '(' },
    { "rpar",   ')' },
    { "sol",    '/' },
    { "plus",   '+' },
    { "percnt", '%' },
    { NULL,     0 }
};


pg_status_t
pg_normalize(pg_arena_t *a, const char *in, size_t len, pg_norm_t *out)
{
    size_t       k;
    pg_nctx_t    x;
    pg_nbuf_t    next;
    pg_status_t  st;

    if (len >= UINT32_MAX) {
        return PG_ERR_TOO_LARGE;
    }

    x.arena = a;
    x.buf[0] = NULL;
    x.buf[1] = NULL;
    x.cap = len;
    x.cur = NULL;
    x.map.seg = NULL;
    x.map.n = 0;
    x.map.cap = 0;
    x.vi = NULL;

    out->len = len;
    out->in_len = len;
    out->from = NULL;
    out->to = NULL;
    out->runs = NULL;
    out->nruns = 0;
    out->vi_marks = NULL;

    for (k = 0; pg_norm_steps[k] != NULL; k++) {
        /* each step reads the previous step's output, or the input */
        st = pg_norm_steps[k](&x, x.cur ? x.cur : in, out->len, &next);
        if (st != PG_OK) {
            return st;
        }

        if (next.text == NULL) {
            /* the step changed nothing */
            continue;
        }

        if (next.st != PG_OK) {
            return next.st;
        }

        next.text[next.o] = '\0';

        st = pg_norm_vi_carry(&x, &next);
        if (st != PG_OK) {
            return st;
        }

        st = pg_norm_compose(&x, &next);
        if (st != PG_OK) {
            return st;
        }

        x.cur = next.text;
        x.vi = next.vi;
        out->len = next.o;
    }

    if (x.cur == NULL) {
        /* no step changed anything: a terminated copy of the input */
        out->text = pg_arena_strndup(a, in, len);

        return out->text != NULL ? PG_OK : PG_ERR_NOMEM;
    }

    out->text = x.cur;
    out->vi_marks = x.vi;

    if (out->len > PG_NORM_DENSE_MAX) {
        out->runs = x.map.seg;
        out->nruns = x.map.n;

        return PG_OK;
    }

    return pg_norm_dense(&x, out);
}


void
pg_norm_span(const pg_norm_t *n, size_t off, size_t len, size_t *in_off,
    size_t *in_len)
{
    size_t  from, to, unused;

    if (n->from != NULL) {
        *in_off = n->from[off];
        *in_len = n->to[off + len - 1] - n->from[off];
        return;
    }

    if (n->runs == NULL) {
        *in_off = off;
        *in_len = len;
        return;
    }

    pg_norm_run_at(n, off, &from, &unused);
    pg_norm_run_at(n, off + len - 1, &unused, &to);

    *in_off = from;
    *in_len = to - from;
}


/* the input range byte o came from, by binary search of the runs */

static void
pg_norm_run_at(const pg_norm_t *n, size_t o, size_t *from, size_t *to)
{
    size_t            lo, hi, mid;
    const pg_nseg_t  *s;

    /* the last run that starts at or before o: the runs cover the text */

    lo = 0;
    hi = n->nruns;

    while (hi - lo > 1) {
        mid = lo + (hi - lo) / 2;

        if (n->runs[mid].o <= o) {
            lo = mid;

        } else {
            hi = mid;
        }
    }

    s = &n->runs[lo];

    if (s->to == 0) {
        *from = s->from + (o - s->o);
        *to = *from + 1;

    } else {
        *from = s->from;
        *to = s->to;
    }
}



/* a step's output, in the buffer that does not hold its input */

static pg_status_t
pg_nbuf_init(pg_nctx_t *x, pg_nbuf_t *b)
{
    size_t  k;

    k = x->cur == x->buf[0] ? 1 : 0;

    if (x->buf[k] == NULL) {
        x->buf[k] = pg_arena_alloc(x->arena, x->cap + 1);
        if (x->buf[k] == NULL) {
            return PG_ERR_NOMEM;
        }
    }

    b->text = x->buf[k];
    b->o = 0;
    b->map.seg = NULL;
    b->map.n = 0;
    b->map.cap = 0;
    b->vi = NULL;
    b->vi_cap = x->cap;
    b->arena = x->arena;
    b->st = PG_OK;

    return PG_OK;
}


/* one byte that came from input bytes [from, to) */

static void
pg_nbuf_put(pg_nbuf_t *b, char c, size_t from, size_t to)
{
    b->text[b->o] = c;
    pg_nmap_add(&b->map, b->arena, &b->st, b->o, 1, from,
                to == from + 1 ? 0 : to);
    b->o++;
}


/* n input bytes from `from` on, unchanged */

static void
pg_nbuf_copy(pg_nbuf_t *b, const char *in, size_t from, size_t n)
{
    if (n == 0) {
        return;
    }

    memcpy(b->text + b->o, in + from, n);
    pg_nmap_add(&b->map, b->arena, &b->st, b->o, n, from, 0);
    b->o += n;
}


/*
 * The last byte written came from input bytes up to `to` (a mark that
 * was dropped after it), so that a finding that ends with the byte
 * covers the mark too.  A run of bytes that all came from one range
 * came from one character, and all of them take the mark.
 */

static void
pg_nbuf_extend(pg_nbuf_t *b, size_t to)
{
    pg_nseg_t  *last;

    if (b->st != PG_OK || b->map.n == 0) {
        return;
    }

    last = &b->map.seg[b->map.n - 1];

    if (last->to != 0) {
        last->to = (uint32_t) to;
        return;
    }

    if (last->n == 1) {
        last->to = (uint32_t) to;
        return;
    }

    /* a copied run: its last byte becomes a segment of its own */
    last->n--;
    pg_nmap_add(&b->map, b->arena, &b->st, b->o - 1, 1,
                last->from + last->n, to);
}


/*
 * The last n bytes written came from a letter with a Vietnamese mark, or
 * the last byte took one (U+031B after "o"): their bits are set, the
 * bitmap made on the field's first.
 */

static void
pg_nbuf_vi(pg_nbuf_t *b, size_t n)
{
    size_t  k;

    if (b->st != PG_OK) {
        return;
    }

    if (b->vi == NULL) {
        b->vi = pg_arena_calloc(b->arena, b->vi_cap / 8 + 1);
        if (b->vi == NULL) {
            b->st = PG_ERR_NOMEM;
            return;
        }
    }

    for (k = b->o - n; k < b->o; k++) {
        b->vi[k >> 3] |= (uint8_t) (1 << (k & 7));
    }
}


/*
 * A step's first change starts its output; input bytes [done, i), which
 * it left as they were, are copied before what it writes at i.
 */

static pg_status_t
pg_nbuf_upto(pg_nctx_t *x, pg_nbuf_t *b, const char *in, size_t done,
    size_t i)
{
    pg_status_t  st;

    if (b->text == NULL) {
        st = pg_nbuf_init(x, b);
        if (st != PG_OK) {
            return st;
        }
    }

    pg_nbuf_copy(b, in, done, i - done);

    return PG_OK;
}


/*
 * Appends output bytes [o, o + n) that came from input byte from + k
 * each (to 0) or all from [from, to), merged into the last segment when
 * they continue it.  An allocation failure is left in *st.
 */

static void
pg_nmap_add(pg_nmap_t *m, pg_arena_t *a, pg_status_t *st, size_t o,
    size_t n, size_t from, size_t to)
{
    pg_nseg_t  *last;

    if (n == 0 || *st != PG_OK) {
        return;
    }

    /* one byte from one byte is a copy, whatever the step called it */
    if (n == 1 && to == from + 1) {
        to = 0;
    }

    if (m->n > 0) {
        last = &m->seg[m->n - 1];

        if (to == 0 ? last->to == 0 && last->from + last->n == from
                    : last->to == to && last->from == from)
        {
            last->n += (uint32_t) n;
            return;
        }
    }

    if (pg_arena_grow(a, (void **) &m->seg, &m->cap, m->n,
                      sizeof(pg_nseg_t))
        != 0)
    {
        *st = PG_ERR_NOMEM;
        return;
    }

    last = &m->seg[m->n++];
    last->o = (uint32_t) o;
    last->n = (uint32_t) n;
    last->from = (uint32_t) from;
    last->to = (uint32_t) to;
}


/*
 * The input range output byte o came from.  *k is a cursor into the
 * segments: lookups at increasing offsets cost O(1) each.
 */

static void
pg_nmap_at(const pg_nmap_t *m, size_t *k, size_t o, uint32_t *from,
    uint32_t *to)
{
    const pg_nseg_t  *s;

    while (*k + 1 < m->n && m->seg[*k + 1].o <= o) {
        (*k)++;
    }

    while (*k > 0 && m->seg[*k].o > o) {
        (*k)--;
    }

    s = &m->seg[*k];

    if (s->to == 0) {
        *from = s->from + (uint32_t) (o - s->o);
        *to = *from + 1;

    } else {
        *from = s->from;
        *to = s->to;
    }
}


/*
 * The map so far followed by next's: an output byte of next that came
 * from bytes [f, t) of its input comes from cur's from[f] to cur's
 * to[t - 1] in the field's text.
 */

static pg_status_t
pg_norm_compose(pg_nctx_t *x, const pg_nbuf_t *next)
{
    size_t            i, kf, kt, a, end, b, n;
    uint32_t          f, t, unused;
    pg_nmap_t         m;
    pg_status_t       st;
    const pg_nseg_t  *ns, *cs;

    if (x->cur == NULL) {
        x->map = next->map;
        return PG_OK;
    }

    m.seg = NULL;
    m.n = 0;
    m.cap = 0;
    st = PG_OK;
    kf = 0;
    kt = 0;

    for (i = 0; i < next->map.n; i++) {
        ns = &next->map.seg[i];

        if (ns->to != 0) {
            pg_nmap_at(&x->map, &kf, ns->from, &f, &unused);
            pg_nmap_at(&x->map, &kt, ns->to - 1, &unused, &t);
            pg_nmap_add(&m, x->arena, &st, ns->o, ns->n, f, t);
            continue;
        }

        /* a copy of [a, end) of cur's output: cur's segments there */

        a = ns->from;
        end = a + ns->n;
        b = ns->o;

        while (a < end) {
            pg_nmap_at(&x->map, &kf, a, &f, &t);
            cs = &x->map.seg[kf];

            n = cs->o + cs->n - a;
            n = n < end - a ? n : end - a;

            pg_nmap_add(&m, x->arena, &st, b, n, f, cs->to == 0 ? 0 : t);

            a += n;
            b += n;
        }
    }

    x->map = m;

    return st;
}


/*
 * A step after the one that made the bitmap moves bytes (pg_norm_split()
 * joins digits): an output byte of next takes the bits of the bytes of
 * its input it came from.  Only for a field with such letters.
 */

static pg_status_t
pg_norm_vi_carry(pg_nctx_t *x, pg_nbuf_t *next)
{
    size_t            i, k, j;
    uint64_t          none;
    unsigned          bit;
    const pg_nseg_t  *s;

    if (x->vi == NULL || next->vi != NULL) {
        return PG_OK;
    }

    next->vi = pg_arena_calloc(x->arena, x->cap / 8 + 1);
    if (next->vi == NULL) {
        return PG_ERR_NOMEM;
    }

    for (i = 0; i < next->map.n; i++) {
        s = &next->map.seg[i];

        for (k = 0; k < s->n; k++) {
            if (s->to == 0) {
                j = s->from + k;

                /* 64 or 8 bytes of no such letter at once: most of a
                 * field; next->vi is zeroed, its bits there stay 0 */
                if ((j & 63) == 0 && k + 64 <= s->n) {
                    memcpy(&none, x->vi + (j >> 3), 8);

                    if (none == 0) {
                        k += 63;
                        continue;
                    }
                }

                if ((j & 7) == 0 && k + 8 <= s->n && x->vi[j >> 3] == 0) {
                    k += 7;
                    continue;
                }

                bit = pg_norm_vi(x->vi, j);

            } else {
                for (j = s->from, bit = 0; j < s->to && !bit; j++) {
                    bit = pg_norm_vi(x->vi, j);
                }
            }

            next->vi[(s->o + k) >> 3] |= (uint8_t) (bit << ((s->o + k) & 7));
        }
    }

    return PG_OK;
}


/* the map as two offsets per byte of the result, pg_norm_t's form */

static pg_status_t
pg_norm_dense(pg_nctx_t *x, pg_norm_t *out)
{
    size_t            i, k;
    const pg_nseg_t  *s;

    out->from = pg_arena_alloc(x->arena, (out->len + 1) * sizeof(uint32_t));
    out->to = pg_arena_alloc(x->arena, (out->len + 1) * sizeof(uint32_t));

    if (out->from == NULL || out->to == NULL) {
        return PG_ERR_NOMEM;
    }

    for (i = 0; i < x->map.n; i++) {
        s = &x->map.seg[i];

        for (k = 0; k < s->n; k++) {
            out->from[s->o + k] = s->to == 0 ? s->from + (uint32_t) k
                                             : s->from;
            out->to[s->o + k] = s->to == 0 ? s->from + (uint32_t) k + 1
                                           : s->to;
        }
    }

    return PG_OK;
}


/*
 * A step that rewrites what starts at a trigger byte ('%', '&', '\\'):
 * at(in, len, i, dec, &nd) returns the length of what it read at i and
 * the nd bytes it stands for, 0 when i is not one.  The text between
 * triggers is copied whole.
 */

static pg_status_t
pg_norm_bytes(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out,
    int trigger, pg_norm_at_pt at)
{
    size_t          i, k, n, nd, done;
    const char     *p;
    pg_status_t     st;
    unsigned char   dec[4];

    out->text = NULL;
    done = 0;

    for (i = 0; i < len; /* void */ ) {
        p = memchr(in + i, trigger, len - i);
        if (p == NULL) {
            break;
        }

        i = (size_t) (p - in);

        n = at(in, len, i, dec, &nd);
        if (n == 0) {
            i++;
            continue;
        }

        st = pg_nbuf_upto(x, out, in, done, i);
        if (st != PG_OK) {
            return st;
        }

        for (k = 0; k < nd; k++) {
            pg_nbuf_put(out, (char) dec[k], i, i + n);
        }

        i += n;
        done = i;
    }

    if (out->text != NULL) {
        pg_nbuf_copy(out, in, done, len - done);
    }

    return PG_OK;
}


/*
 * Percent-encoding left in text.  Encoders never encode letters and
 * digits, so "%41" stays as it is: only punctuation, blanks and whole
 * UTF-8 sequences ("%C2%A0") are decoded, and a sequence that is not
 * valid UTF-8 ("100%A9") is left alone.  "100%25" reads "100%", which
 * changes nothing a detector looks at; "%2520" takes both passes.
 */

static pg_status_t
pg_norm_pct(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out)
{
    return pg_norm_bytes(x, in, len, out, '%', pg_norm_pct_at);
}


/* the bytes decoded from "%XX"... at i and the length read, 0: none */

static size_t
pg_norm_pct_at(const char *in, size_t len, size_t i, unsigned char *dec,
    size_t *nd)
{
    int                v, h, l;
    size_t             k, need;
    utf8proc_int32_t   cp;

    need = 1;

    for (k = 0; k < need; k++) {
        if (i + 3 * k + 2 >= len || in[i + 3 * k] != '%') {
            return 0;
        }

        h = pg_hex(in[i + 3 * k + 1]);
        l = pg_hex(in[i + 3 * k + 2]);

        if (h < 0 || l < 0) {
            return 0;
        }

        v = h * 16 + l;
        dec[k] = (unsigned char) v;

        if (k > 0) {
            continue;
        }

        if (v < 0x80) {
            if (v == '\t' || v == '\n' || v == '\r'
                || (v >= 0x20 && v < 0x7f && !pg_isalnum(v)))
            {
                *nd = 1;
                return 3;
            }

            return 0;
        }

        need = v >= 0xc2 && v <= 0xdf ? 2
               : v >= 0xe0 && v <= 0xef ? 3
               : v >= 0xf0 && v <= 0xf4 ? 4 : 0;

        if (need == 0) {
            return 0;
        }
    }

    if (utf8proc_iterate(dec, (utf8proc_ssize_t) need, &cp)
        != (utf8proc_ssize_t) need)
    {
        return 0;
    }

    *nd = need;

    return 3 * need;
}


/*
 * HTML entities: the named ones in pg_entities[] and numeric ones.  A
 * ';' is required, as it is in what editors and APIs produce, so prose
 * such as "R&D" or "AT&T" is never read as an entity.
 */

static pg_status_t
pg_norm_html(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out)
{
    return pg_norm_bytes(x, in, len, out, '&', pg_norm_entity);
}


/* the UTF-8 bytes of the entity at i and its length, 0: none */

static size_t
pg_norm_entity(const char *in, size_t len, size_t i, unsigned char *dec,
    size_t *nd)
{
    int                hex, v;
    size_t             j, k, digits;
    utf8proc_int32_t   cp;
    utf8proc_ssize_t   n;

    j = i + 1;

    if (j < len && in[j] == '#') {
        j++;
        hex = j < len && (in[j] == 'x' || in[j] == 'X');
        j += hex;
        cp = 0;

        for (digits = 0; j < len && digits < 8; j++, digits++) {
            v = hex ? pg_hex(in[j]) : pg_isdigit(in[j]) ? in[j] - '0'
                                                            : -1;
            if (v < 0) {
                break;
            }

            /* past U+10FFFF it is refused below; stop before an int32
             * overflows on the 8th hex digit */
            if (cp <= 0x10ffff) {
                cp = cp * (hex ? 16 : 10) + v;
            }
        }

        if (digits == 0 || digits == 8 || j >= len || in[j] != ';'
            || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)
            || cp == 0x7f
            || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))
        {
            return 0;
        }

        n = utf8proc_encode_char(cp, dec);
        if (n <= 0) {
            return 0;
        }

        *nd = (size_t) n;

        return j + 1 - i;
    }

    for (k = 0; pg_entities[k].name != NULL; k++) {
        for (j = 0; pg_entities[k].name[j] != '\0'; j++) {
            if (i + 1 + j >= len || in[i + 1 + j] != pg_entities[k].name[j])
            {
                break;
            }
        }

        if (pg_entities[k].name[j] == '\0' && i + 1 + j < len
            && in[i + 1 + j] == ';')
        {
            dec[0] = (unsigned char) pg_entities[k].c;
            *nd = 1;
            return j + 2;
        }
    }

    return 0;
}


/*
 * LinkedIn's "little text" format escapes its reserved characters with
 * a backslash ("\(555\) 234\-5678", "\#"): a backslash before ASCII
 * punctuation stands for that character.  A backslash before a letter or
 * digit is kept: it is text, not an escape.
 */

static pg_status_t
pg_norm_escape(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out)
{
    return pg_norm_bytes(x, in, len, out, '\\', pg_norm_escape_at);
}


/* a backslash and the punctuation it escapes at i: 2, 0 when not one */

static size_t
pg_norm_escape_at(const char *in, size_t len, size_t i, unsigned char *dec,
    size_t *nd)
{
    unsigned char  c;

    if (i + 1 >= len) {
        return 0;
    }

    c = (unsigned char) in[i + 1];

    if (c <= 0x20 || c >= 0x7f || pg_isalnum(c)) {
        return 0;
    }

    dec[0] = c;
    *nd = 1;

    return 2;
}


/*
 * Category and decimal-digit lookups come from utf8proc (the Unicode
 * tables nginx hosts already ship with libutf8proc) rather than from
 * hand-written ranges that would go stale with each Unicode release.
 */

static pg_status_t
pg_norm_unicode(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out)
{
    int                r;
    char               fold[PG_FOLD_MAX];
    size_t             i, k, nf, done, latin;
    pg_fold_word_t     fw;
    pg_status_t        st;
    utf8proc_int32_t   cp;
    utf8proc_ssize_t   n;

    out->text = NULL;
    done = 0;
    fw.end = 0;
    fw.gend = 0;
    /* where the last letter folded to a Latin one ends: marks may follow */
    latin = 0;

    for (i = 0; i < len; /* void */ ) {

        i = pg_norm_next_high(in, len, i);
        if (i == len) {
            break;
        }

        /*
         * Any non-ASCII text makes an output, even when every character
         * is kept: the bytes of a kept character map to all of it.
         */

        st = pg_nbuf_upto(x, out, in, done, i);
        if (st != PG_OK) {
            return st;
        }

        n = utf8proc_iterate((const utf8proc_uint8_t *) in + i,
                             (utf8proc_ssize_t) (len - i), &cp);

        if (n <= 0) {
            /* invalid UTF-8: the byte passes through unchanged */
            n = 1;
            r = (unsigned char) in[i];

        } else {
            r = pg_norm_char(cp);
        }

        if (r == PG_NORM_KEEP
            && (i == latin || (i > 0 && pg_isalpha(in[i - 1])))
            && pg_norm_fold_mark(&fw, in, len, i, (size_t) n, cp))
        {
            /* "e" U+0301: the mark goes with its letter, as in "é" */
            pg_nbuf_extend(out, i + n);
            latin = i + n;

            if (pg_norm_fold_vi(cp)) {
                pg_nbuf_vi(out, 1);
            }

        } else if (r == PG_NORM_KEEP) {
            /* a look-alike of ASCII letters or digits: see its file */
            nf = pg_norm_fold(&fw, in, len, i, (size_t) n, cp, fold);
            for (k = 0; k < (nf ? nf : (size_t) n); k++) {
                pg_nbuf_put(out, nf ? fold[k] : in[i + k], i, i + n);
            }

            if (nf && pg_isalpha(fold[nf - 1])) {
                latin = i + n;

                if (pg_norm_fold_vi(cp)) {
                    pg_nbuf_vi(out, nf);
                }
            }

        } else if (r != PG_NORM_DROP) {
            pg_nbuf_put(out, (char) r, i, i + n);
        }

        i += n;
        done = i;
    }

    if (out->text != NULL) {
        pg_nbuf_copy(out, in, done, len - done);
    }

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


/*
 * Digits split one by one to slip past number patterns: "1 8 0 - 5 9 -
 * 5 9 9 5", "5.5.5.2.3.4.5.6.7.8".  A run of PG_SPLIT_MIN or more
 * single-character tokens (a digit, or O/o/l/I for 0/1), at least all
 * but one of them digits, each from the next by one space, '.', '-' or
 * " - ", is collapsed: the separator that splits the digits (the run's
 * first) goes, another one is kept as a group separator, so the example
 * reads "180-59-5995".  Version strings and lists ("1.2.3", "steps 1 2
 * 3") are shorter than that.
 */

static pg_status_t
pg_norm_split(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out)
{
    char          sep, split;
    size_t        i, k, g, d, ntok, ndig, end, copied;
    pg_status_t   st;

    out->text = NULL;
    copied = 0;

    for (i = 0; i < len; /* void */ ) {

        /*
         * A run collapses only with five digits among its tokens, and
         * each token has one token before it at most ("1 2", "1 - 2"):
         * the runs that matter are found from their digits, the run of
         * a digit that stands alone from its first token, back from it
         * (pg_norm_split_head()).  A digit inside a longer word is no
         * token: its word is passed over.
         */

        d = pg_next_digit(in, len, i);
        if (d == len) {
            break;
        }

        if (!pg_norm_token(in, len, d)) {
            i = pg_alnum_end(in, len, d);
            continue;
        }

        i = pg_norm_split_head(in, len, i, d);

        /* the extent of the run of tokens at i */

        ntok = 1;
        ndig = pg_isdigit(in[i]);
        split = 0;
        k = i + 1;

        for ( ;; ) {
            g = pg_norm_gap(in, len, k, &sep);

            if (g == 0 || !pg_norm_token(in, len, k + g)) {
                break;
            }

            if (split == 0) {
                split = g == 1 ? sep : ' ';
            }

            ntok++;
            ndig += pg_isdigit(in[k + g]);
            k += g + 1;
        }

        end = k;

        if (ntok < PG_SPLIT_MIN || ndig + 1 < PG_SPLIT_MIN
            || ndig + 2 < ntok)
        {
            /* not a split number: skip the whole run, once */
            i = end;
            continue;
        }

        st = pg_nbuf_upto(x, out, in, copied, i);
        if (st != PG_OK) {
            return st;
        }

        for (k = i; k < end; /* void */ ) {
            pg_nbuf_put(out, pg_isdigit(in[k]) ? in[k]
                             : (in[k] == 'O' || in[k] == 'o') ? '0' : '1',
                        k, k + 1);
            k++;

            g = pg_norm_gap(in, len, k, &sep);
            if (g == 0 || k + g >= end) {
                break;
            }

            if (g == 3) {
                pg_nbuf_put(out, sep, k + 1, k + 2);

            } else if (sep != split) {
                pg_nbuf_put(out, sep, k, k + 1);
            }

            k += g;
        }

        copied = end;
        i = end;
    }

    if (out->text != NULL) {
        pg_nbuf_copy(out, in, copied, len - copied);
    }

    return PG_OK;
}


/*
 * The first token of the run that holds the token at i, going back no
 * further than from: the token before one is two bytes before it ("1 2",
 * "1.2", "1-2") or four ("1 - 2", "1 . 2", "1 / 2"), as pg_norm_gap()
 * reads the gap forward; a token has one before it at most, since the
 * byte two before a token of a " - " gap is no token.
 */

static size_t
pg_norm_split_head(const char *in, size_t len, size_t from, size_t i)
{
    for ( ;; ) {
        if (i >= from + 2 && pg_norm_token(in, len, i - 2)
            && (in[i - 1] == ' ' || in[i - 1] == '.' || in[i - 1] == '-'))
        {
            i -= 2;

        } else if (i >= from + 4 && pg_norm_token(in, len, i - 4)
                   && in[i - 3] == ' ' && in[i - 1] == ' '
                   && (in[i - 2] == '-' || in[i - 2] == '.'
                       || in[i - 2] == '/'))
        {
            i -= 4;

        } else {
            return i;
        }
    }
}


/* the offset of the first byte >= 0x80 at or after i, len: none */

static size_t
pg_norm_next_high(const char *in, size_t len, size_t i)
{
    uint64_t  w;

    /* eight bytes at a time: ASCII text has no top bit set */
    while (i + 8 <= len) {
        memcpy(&w, in + i, 8);

        if (w & 0x8080808080808080ULL) {
            break;
        }

        i += 8;
    }

    while (i < len && (unsigned char) in[i] < 0x80) {
        i++;
    }

    return i;
}


/* a single digit (or O/o/l/I) standing alone as a word at i */

static int
pg_norm_token(const char *in, size_t len, size_t i)
{
    return i < len && pg_digitish(in[i]) && pg_word_start(in, i)
           && pg_word_end(in, len, i + 1);
}


/* the separator between two tokens at i: ' ', '.', '-' or " X " */

static size_t
pg_norm_gap(const char *in, size_t len, size_t i, char *sep)
{
    if (i >= len) {
        return 0;
    }

    if (in[i] == ' ' && i + 2 < len && in[i + 2] == ' '
        && (in[i + 1] == '-' || in[i + 1] == '.' || in[i + 1] == '/'))
    {
        *sep = in[i + 1];
        return 3;
    }

    if (in[i] == ' ' || in[i] == '.' || in[i] == '-') {
        *sep = in[i];
        return 1;
    }

    return 0;
}


/*
 * The letter O for zero and l or I for one inside a number: "18O-59-
 * 5995", "l8O", "1OO".  Only a word made of nothing but digits and
 * these letters changes, and only when it is mostly digits, starts with
 * a digit and has three characters or more, or joins another group of
 * digits ("-", ".", "/", " "), so "H2O", "CO2", "lol", "1l" and "IO" stay
 * as they are.
 */

static pg_status_t
pg_norm_letters(pg_nctx_t *x, const char *in, size_t len, pg_nbuf_t *out)
{
    size_t        i, s, k, d;
    pg_status_t   st;

    out->text = NULL;
    d = 0;

    for (i = 0; i < len; /* void */ ) {

        /*
         * A word this step changes has a digit, or is one letter with a
         * digit two bytes after it (and before): none starts more than
         * two bytes before the next digit, so the words up to there are
         * passed over, from the start of the word that holds d - 2.
         */

        if (d < i) {
            d = pg_next_digit(in, len, i);

            if (d == len) {
                break;
            }
        }

        if (d > i + 2) {
            for (k = d - 2; k > i && pg_isalnum(in[k - 1]); k--) {
                /* void */
            }

            i = k;
        }

        if (!pg_isalnum(in[i])) {
            i++;
            continue;
        }

        for (s = i; i < len && pg_isalnum(in[i]); i++) {
            /* void */
        }

        if (!pg_norm_letter_word(in, len, s, i)) {
            continue;
        }

        /* byte for byte: the map is one copy, the letters change after */

        if (out->text == NULL) {
            st = pg_nbuf_upto(x, out, in, 0, len);
            if (st != PG_OK) {
                return st;
            }
        }

        for (k = s; k < i; k++) {
            if (!pg_isdigit(in[k])) {
                out->text[k] = (in[k] == 'O' || in[k] == 'o') ? '0' : '1';
            }
        }
    }

    return PG_OK;
}


/* whether the word [s, e) is a number written with O/o/l/I in it */

static int
pg_norm_letter_word(const char *in, size_t len, size_t s, size_t e)
{
    int     before, after;
    size_t  k, digits, letters;

#define pg_joins(c)  ((c) == '-' || (c) == '.' || (c) == '/' || (c) == ' ')

    digits = 0;
    letters = 0;

    for (k = s; k < e; k++) {
        if (pg_isdigit(in[k])) {
            digits++;

        } else if (pg_digit_letter(in[k])) {
            letters++;

        } else {
            return 0;
        }
    }

    if (letters == 0) {
        return 0;
    }

    before = s >= 2 && pg_joins(in[s - 1]) && pg_isdigit(in[s - 2]);
    after = e + 1 < len && pg_joins(in[e]) && pg_isdigit(in[e + 1]);

#undef pg_joins

    if (digits == 0) {
        /* a lone "O" between two groups of digits */
        return e - s == 1 && before && after;
    }

    /* "1OO": a number that starts with a digit */
    return (digits >= 2 && digits >= letters)
           || (pg_isdigit(in[s]) && e - s >= 3) || before || after;
}
