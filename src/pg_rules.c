/*
 * Copyright (C) phigate authors
 *
 * The rules file parser: sections "[name]" with "key = value" lines.
 * Regexes are compiled (and JIT-compiled) as they are read, so an error
 * names the line; a rule's phrases are gathered into alternations that
 * are compiled when the rule ends or the alternation grows large.
 */


#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pg_conffile.h"
#include "pg_normalize.h"
#include "pg_rules_int.h"
#include "pg_text.h"


/* a phrase alternation is compiled once its source passes this size */
#define PG_RULES_ALT_MAX  8192


typedef struct {
    pg_conffile_t        cf;
    pg_rules_t          *rules;
    pg_rule_t           *rule;       /* the section being read, or NULL */
    unsigned             flags;
    pg_arena_t           tmp;        /* per line: normalised values */

    char                *alt;        /* "(?:phrase|phrase..." */
    size_t               alt_len;
    size_t               alt_cap;
    size_t               alt_n;      /* phrases in it */
    size_t               alt_line;   /* of its last phrase */
} pg_rules_parser_t;


static int pg_rules_section(pg_rules_parser_t *p, const char *s, size_t n);
static int pg_rules_key(pg_rules_parser_t *p, const char *s, size_t n);
static int pg_rules_set_type(pg_rules_parser_t *p, const char *v, size_t n);
static int pg_rules_set_severity(pg_rules_parser_t *p, const char *v,
    size_t n);
static int pg_rules_set_window(pg_rules_parser_t *p, const char *v,
    size_t n);
static int pg_rules_end(pg_rules_parser_t *p);
static int pg_rules_compile(pg_rules_parser_t *p, const char *src,
    size_t len, uint32_t options, const char *what);
static int pg_rules_phrase(pg_rules_parser_t *p, const char *v, size_t n);
static int pg_rules_flush(pg_rules_parser_t *p);
static int pg_rules_alt_add(pg_rules_parser_t *p, const char *s, size_t n);
static int pg_rules_cue(pg_rules_parser_t *p, const char *v, size_t n);
static const char *pg_rules_normalize(pg_rules_parser_t *p, const char *v,
    size_t *n);
static int pg_rules_nomem(pg_rules_parser_t *p);


pg_rules_t *
pg_rules_parse(const char *buf, size_t len, const char *file, unsigned flags,
    char *err, size_t err_size)
{
    int                 rc;
    size_t              n;
    const char         *s;
    pg_rules_t         *rules;
    pg_rules_parser_t   p;

    memset(&p, 0, sizeof(pg_rules_parser_t));
    pg_conffile_init(&p.cf, buf, len, file, err, err_size);

    rules = calloc(1, sizeof(pg_rules_t));
    if (rules == NULL) {
        pg_rules_nomem(&p);
        return NULL;
    }

    pg_arena_init(&rules->arena, 0);
    pg_arena_init(&p.tmp, 0);
    p.rules = rules;
    p.flags = flags;

    /* the interpreter is what runs when JIT is not asked for */
    rules->interpreted = (flags & PG_RULES_NO_JIT) ? 1 : 0;

    while ((rc = pg_conffile_next(&p.cf, &s, &n)) == 1) {
        rc = (s[0] == '[') ? pg_rules_section(&p, s, n)
                           : pg_rules_key(&p, s, n);

        pg_arena_free(&p.tmp);

        if (rc != 0) {
            goto failed;
        }
    }

    if (rc != 0 || pg_rules_end(&p) != 0) {
        goto failed;
    }

    free(p.alt);

    return rules;

failed:

    free(p.alt);
    pg_arena_free(&p.tmp);
    pg_rules_free(rules);

    return NULL;
}


void
pg_rules_free(pg_rules_t *rules)
{
    size_t  i, k;

    if (rules == NULL) {
        return;
    }

    for (i = 0; i < rules->n; i++) {
        for (k = 0; k < rules->items[i].ncodes; k++) {
            pcre2_code_free(rules->items[i].codes[k]);
        }
    }

    pg_arena_free(&rules->arena);
    free(rules);
}


size_t
pg_rules_count(const pg_rules_t *rules)
{
    return rules != NULL ? rules->n : 0;
}


int
pg_rules_interpreted(const pg_rules_t *rules)
{
    return rules != NULL && rules->interpreted;
}


/* "[name]": a new rule; the one before it must be complete */
static int
pg_rules_section(pg_rules_parser_t *p, const char *s, size_t n)
{
    size_t       i;
    pg_rule_t   *r;
    pg_rules_t  *rules;

    if (pg_rules_end(p) != 0) {
        return -1;
    }

    if (n < 2 || s[n - 1] != ']') {
        return pg_conffile_error(&p->cf, "a rule starts with [name]");
    }

    n -= 2;
    s = pg_conffile_trim(s + 1, &n);

    if (n == 0 || n > PG_RULE_NAME_MAX) {
        return pg_conffile_error(&p->cf, "a rule name has 1 to %d "
                                 "characters", PG_RULE_NAME_MAX);
    }

    for (i = 0; i < n; i++) {
        if (!pg_isalnum(s[i]) && s[i] != '_' && s[i] != '-' && s[i] != '.') {
            return pg_conffile_error(&p->cf, "a rule name has only letters, "
                                     "digits, '_', '-' and '.'");
        }
    }

    rules = p->rules;

    for (i = 0; i < rules->n; i++) {
        if (strlen(rules->items[i].name) == n
            && memcmp(rules->items[i].name, s, n) == 0)
        {
            return pg_conffile_error(&p->cf, "a rule of that name is "
                                     "already defined");
        }
    }

    if (pg_arena_grow(&rules->arena, (void **) &rules->items, &rules->cap,
                      rules->n, sizeof(pg_rule_t))
        != 0)
    {
        return pg_rules_nomem(p);
    }

    r = &rules->items[rules->n];
    memset(r, 0, sizeof(pg_rule_t));

    r->name = pg_arena_strndup(&rules->arena, s, n);
    if (r->name == NULL) {
        return pg_rules_nomem(p);
    }

    r->window = PG_RULE_CUE_WINDOW;
    r->line = p->cf.line;

    rules->n++;
    p->rule = r;

    return 0;
}


static int
pg_rules_key(pg_rules_parser_t *p, const char *s, size_t n)
{
    size_t       klen, vlen;
    const char  *eq, *v;

    eq = memchr(s, '=', n);
    if (eq == NULL) {
        return pg_conffile_error(&p->cf, "expected \"key = value\"");
    }

    if (p->rule == NULL) {
        return pg_conffile_error(&p->cf, "a key before the first [rule]");
    }

    klen = eq - s;
    s = pg_conffile_trim(s, &klen);
    vlen = n - (eq + 1 - s);
    v = pg_conffile_trim(eq + 1, &vlen);

    if (vlen == 0) {
        return pg_conffile_error(&p->cf, "empty value");
    }

#define pg_rules_is(k)                                                       \
    (klen == sizeof(k) - 1 && strncasecmp(s, k, klen) == 0)

    if (pg_rules_is("type")) {
        return pg_rules_set_type(p, v, vlen);
    }

    if (pg_rules_is("severity")) {
        return pg_rules_set_severity(p, v, vlen);
    }

    if (pg_rules_is("regex")) {
        return pg_rules_compile(p, v, vlen, 0, "regex");
    }

    if (pg_rules_is("phrase")) {
        return pg_rules_phrase(p, v, vlen);
    }

    if (pg_rules_is("cue")) {
        return pg_rules_cue(p, v, vlen);
    }

    if (pg_rules_is("cue_window")) {
        return pg_rules_set_window(p, v, vlen);
    }

#undef pg_rules_is

    return pg_conffile_error(&p->cf, "unknown key (type, severity, regex, "
                             "phrase, cue or cue_window)");
}


static int
pg_rules_set_type(pg_rules_parser_t *p, const char *v, size_t n)
{
    int     t;
    char    name[24];
    size_t  i;

    if (p->rule->have_type) {
        return pg_conffile_error(&p->cf, "a second type for the rule");
    }

    t = -1;

    if (n < sizeof(name)) {
        for (i = 0; i < n; i++) {
            name[i] = (char) (pg_isalpha(v[i]) ? v[i] & ~0x20 : v[i]);
        }

        t = pg_type_from_name(name, n);
    }

    if (t < 0) {
        return pg_conffile_error(&p->cf, "unknown type (CUSTOM, or a "
                                 "finding type such as PHONE or MRN)");
    }

    /* a photo is a file, not text a pattern could find */
    if (t == PG_T_MEDIA) {
        return pg_conffile_error(&p->cf, "MEDIA is not a type of text");
    }

    p->rule->type = (pg_type_t) t;
    p->rule->have_type = 1;

    return 0;
}


static int
pg_rules_set_severity(pg_rules_parser_t *p, const char *v, size_t n)
{
    if (p->rule->have_severity) {
        return pg_conffile_error(&p->cf, "a second severity for the rule");
    }

    if (n == 5 && strncasecmp(v, "block", 5) == 0) {
        p->rule->log_only = 0;

    } else if (n == 3 && strncasecmp(v, "log", 3) == 0) {
        p->rule->log_only = 1;

    } else {
        return pg_conffile_error(&p->cf, "unknown severity (block or log)");
    }

    p->rule->have_severity = 1;

    return 0;
}


static int
pg_rules_set_window(pg_rules_parser_t *p, const char *v, size_t n)
{
    size_t  i, w;

    w = 0;

    for (i = 0; i < n && i < 3 && pg_isdigit(v[i]); i++) {
        w = w * 10 + (v[i] - '0');
    }

    if (i != n || w < 1 || w > PG_RULE_CUE_WINDOW_MAX) {
        return pg_conffile_error(&p->cf, "cue_window is a number of words "
                                 "from 1 to %d", PG_RULE_CUE_WINDOW_MAX);
    }

    p->rule->window = w;

    return 0;
}


/* the rule being read is complete: compile its phrases, check it */
static int
pg_rules_end(pg_rules_parser_t *p)
{
    size_t      line;
    pg_rule_t  *r;

    r = p->rule;
    if (r == NULL) {
        return 0;
    }

    if (pg_rules_flush(p) != 0) {
        return -1;
    }

    p->rule = NULL;

    /* a problem is the rule's, whatever line the reader is on */
    line = p->cf.line;
    p->cf.line = r->line;

    if (!r->have_type) {
        return pg_conffile_error(&p->cf, "the rule has no type");
    }

    if (!r->have_severity) {
        return pg_conffile_error(&p->cf, "the rule has no severity");
    }

    if (r->ncodes == 0) {
        return pg_conffile_error(&p->cf, "the rule has no regex or phrase");
    }

    /* the cue list ends in NULL, as pg_cue_before() reads it */
    if (pg_arena_grow(&p->rules->arena, (void **) &r->cues, &r->cues_cap,
                      r->ncues, sizeof(char *))
        != 0)
    {
        return pg_rules_nomem(p);
    }

    r->cues[r->ncues] = NULL;
    p->cf.line = line;

    return 0;
}


static int
pg_rules_compile(pg_rules_parser_t *p, const char *src, size_t len,
    uint32_t options, const char *what)
{
    int          ec;
    pg_rule_t   *r;
    pcre2_code  *code;
    PCRE2_SIZE   off;
    uint32_t     min;
    PCRE2_UCHAR  msg[128];

    r = p->rule;

    code = pcre2_compile((PCRE2_SPTR) src, len,
                         PG_RULES_PCRE2_OPTIONS | options, &ec, &off, NULL);
    if (code == NULL) {
        if (ec == PCRE2_ERROR_NOMEMORY) {
            return pg_rules_nomem(p);
        }

        /* PCRE2's messages name the construct, never the pattern */
        if (pcre2_get_error_message(ec, msg, sizeof(msg)) < 0) {
            msg[0] = '\0';
        }

        return pg_conffile_error(&p->cf, "bad %s: %s at offset %zu", what,
                                 (char *) msg, (size_t) off);
    }

    /* an empty match is no finding, and would be found at every byte */
    if (pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &min) == 0
        && min == 0)
    {
        pcre2_code_free(code);
        return pg_conffile_error(&p->cf, "the %s can match empty text",
                                 what);
    }

    if (pg_arena_grow(&p->rules->arena, (void **) &r->codes, &r->codes_cap,
                      r->ncodes, sizeof(pcre2_code *))
        != 0)
    {
        pcre2_code_free(code);
        return pg_rules_nomem(p);
    }

    r->codes[r->ncodes++] = code;

    /* without JIT the interpreter runs the same pattern, only slower */
    if (!(p->flags & PG_RULES_NO_JIT)
        && pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0)
    {
        p->rules->interpreted = 1;
    }

    return 0;
}


/*
 * A phrase becomes one alternative: its words, separated by any run of
 * blanks or hyphens ("no side effects" finds "no  side-effects"), whole
 * words at both ends, case-insensitive.  It is normalised as the text is,
 * so that the file and the posts compare in the same form.
 */
static int
pg_rules_phrase(pg_rules_parser_t *p, const char *v, size_t n)
{
    char         buf[4];
    size_t       i;
    const char  *s;

    s = pg_rules_normalize(p, v, &n);
    if (s == NULL) {
        return pg_rules_nomem(p);
    }

    while (n && (s[0] == '-' || pg_isspace(s[0]))) {
        s++;
        n--;
    }

    while (n && (s[n - 1] == '-' || pg_isspace(s[n - 1]))) {
        n--;
    }

    if (n == 0) {
        return pg_conffile_error(&p->cf, "empty phrase");
    }

    if (pg_rules_alt_add(p, p->alt_n ? "|" : "(?:", p->alt_n ? 1 : 3) != 0) {
        return -1;
    }

#define PG_RULES_NOT_WORD  "(?<![\\p{L}\\p{N}])"
#define PG_RULES_NO_WORD   "(?![\\p{L}\\p{N}])"
#define PG_RULES_SEP       "[\\s\\-]+"

    if ((pg_isalnum(s[0]) || (unsigned char) s[0] >= 0x80)
        && pg_rules_alt_add(p, PG_RULES_NOT_WORD,
                            sizeof(PG_RULES_NOT_WORD) - 1) != 0)
    {
        return -1;
    }

    for (i = 0; i < n; i++) {

        if (s[i] == '-' || pg_isspace(s[i])) {
            while (i + 1 < n && (s[i + 1] == '-' || pg_isspace(s[i + 1]))) {
                i++;
            }

            if (pg_rules_alt_add(p, PG_RULES_SEP, sizeof(PG_RULES_SEP) - 1)
                != 0)
            {
                return -1;
            }

            continue;
        }

        /* ASCII punctuation is escaped; a backslash makes it literal */
        buf[0] = '\\';
        buf[1] = s[i];

        if (pg_isalnum(s[i]) || (unsigned char) s[i] >= 0x80) {
            if (pg_rules_alt_add(p, buf + 1, 1) != 0) {
                return -1;
            }

        } else if (pg_rules_alt_add(p, buf, 2) != 0) {
            return -1;
        }
    }

    if ((pg_isalnum(s[n - 1]) || (unsigned char) s[n - 1] >= 0x80)
        && pg_rules_alt_add(p, PG_RULES_NO_WORD,
                            sizeof(PG_RULES_NO_WORD) - 1) != 0)
    {
        return -1;
    }

#undef PG_RULES_NOT_WORD
#undef PG_RULES_NO_WORD
#undef PG_RULES_SEP

    p->alt_n++;
    p->alt_line = p->cf.line;

    return p->alt_len > PG_RULES_ALT_MAX ? pg_rules_flush(p) : 0;
}


static int
pg_rules_flush(pg_rules_parser_t *p)
{
    int     rc;
    size_t  line;

    if (p->alt_n == 0) {
        return 0;
    }

    if (pg_rules_alt_add(p, ")", 1) != 0) {
        return -1;
    }

    line = p->cf.line;
    p->cf.line = p->alt_line;

    rc = pg_rules_compile(p, p->alt, p->alt_len, PCRE2_CASELESS, "phrase");

    p->cf.line = line;
    p->alt_len = 0;
    p->alt_n = 0;

    return rc;
}


static int
pg_rules_alt_add(pg_rules_parser_t *p, const char *s, size_t n)
{
    char    *alt;
    size_t   cap;

    if (p->alt_len + n > p->alt_cap) {
        cap = 2 * (p->alt_len + n) + 256;

        alt = realloc(p->alt, cap);
        if (alt == NULL) {
            return pg_rules_nomem(p);
        }

        p->alt = alt;
        p->alt_cap = cap;
    }

    memcpy(p->alt + p->alt_len, s, n);
    p->alt_len += n;

    return 0;
}


/*
 * A cue is compared with the text as pg_cue_before() does: lower case
 * ASCII, one space matching any run of blanks, starting with a letter.
 */
static int
pg_rules_cue(pg_rules_parser_t *p, const char *v, size_t n)
{
    char        *cue;
    size_t       i, k;
    pg_rule_t   *r;
    const char  *s;

    s = pg_rules_normalize(p, v, &n);
    if (s == NULL) {
        return pg_rules_nomem(p);
    }

    if (n == 0 || !pg_isalpha(s[0])) {
        return pg_conffile_error(&p->cf, "a cue starts with a letter");
    }

    r = p->rule;

    cue = pg_arena_alloc(&p->rules->arena, n + 1);
    if (cue == NULL) {
        return pg_rules_nomem(p);
    }

    for (i = 0, k = 0; i < n; i++) {
        if (pg_isspace(s[i])) {
            if (cue[k - 1] != ' ') {
                cue[k++] = ' ';
            }

            continue;
        }

        cue[k++] = (char) pg_tolower(s[i]);
    }

    while (k && cue[k - 1] == ' ') {
        k--;
    }

    cue[k] = '\0';

    if (k > PG_CUE_MAX) {
        return pg_conffile_error(&p->cf, "a cue has at most %d bytes",
                                 PG_CUE_MAX);
    }

    if (pg_arena_grow(&p->rules->arena, (void **) &r->cues, &r->cues_cap,
                      r->ncues, sizeof(char *))
        != 0)
    {
        return pg_rules_nomem(p);
    }

    r->cues[r->ncues++] = cue;

    return 0;
}


/*
 * The value as the detectors see text (fullwidth letters, entities...
 * folded), trimmed; NULL when out of memory.
 */
static const char *
pg_rules_normalize(pg_rules_parser_t *p, const char *v, size_t *n)
{
    pg_norm_t  norm;

    if (pg_normalize(&p->tmp, v, *n, &norm) != PG_OK) {
        return NULL;
    }

    *n = norm.len;

    return pg_conffile_trim(norm.text, n);
}


static int
pg_rules_nomem(pg_rules_parser_t *p)
{
    return pg_conffile_error(&p->cf, "out of memory");
}
