/*
 * Copyright (C) phigate authors
 *
 * Custom rules (phigate_rules): an organisation's own patterns (PCRE2)
 * and phrase lists, each reporting findings of one type (a built-in type,
 * or CUSTOM named by the rule) with a severity: "block" findings count
 * like any other, "log" findings are recorded and block nothing.  The
 * file format is in docs/operator.md; conf/rules/ has examples.
 *
 * Rules are parsed and compiled once, at configuration time, and only
 * read afterwards.  Per request, pg_rules_start() makes the match state
 * in the request's arena and pg_rules_scan() runs every rule over one
 * field's normalised text, with a bound on the work per byte of text: a
 * pattern that exceeds it makes the request too_complex (fail closed).
 *
 * What a rule author sees: the normalised text, where Latin letters with
 * marks read as their base letters ("José" is "Jose").  Phrases and cues
 * are normalised as the text is when the file is read, so "cirugía"
 * finds both spellings; a regex is a pattern, not text, and is not: it
 * spells letters without marks (docs/operator.md).
 */

#ifndef _PG_RULES_H_INCLUDED_
#define _PG_RULES_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>

#include "pg_arena.h"
#include "pg_finding.h"
#include "pg_status.h"


typedef struct pg_rules_s      pg_rules_t;
typedef struct pg_rules_run_s  pg_rules_run_t;


/* pg_rules_parse() flags */
#define PG_RULES_NO_JIT         0x01   /* the interpreter only (tests) */

#define PG_RULE_NAME_MAX        32
#define PG_RULE_HITS_MAX        64     /* findings of a rule in one field */
#define PG_RULE_CUE_WINDOW      5      /* words, when cue_window is not set */
#define PG_RULE_CUE_WINDOW_MAX  20
#define PG_RULE_CONFIDENCE      90


/*
 * Parses and compiles a rules file held in buf.  Returns NULL with
 * "FILE:LINE: problem" in err when the file is wrong (or "out of
 * memory"); messages name the problem, never the file's text.
 */
pg_rules_t *pg_rules_parse(const char *buf, size_t len, const char *file,
    unsigned flags, char *err, size_t err_size);
void pg_rules_free(pg_rules_t *rules);

size_t pg_rules_count(const pg_rules_t *rules);
/* 1 when the patterns run in PCRE2's interpreter: JIT is unavailable */
int pg_rules_interpreted(const pg_rules_t *rules);

/* a request's match state, in its arena; NULL when out of memory */
pg_rules_run_t *pg_rules_start(const pg_rules_t *rules, pg_arena_t *a);

/*
 * Runs every rule over text (a field's normalised text) and adds what
 * they find to out, with offsets in text.  A match that overlaps a
 * finding of the same type already in out[base, n) (for CUSTOM: of the
 * same rule) is that finding, which then blocks if either does; out[base,
 * n) stays sorted by offset.  Returns PG_OK, PG_ERR_NOMEM, or
 * PG_ERR_TOO_COMPLEX when a pattern hit a match limit.
 */
pg_status_t pg_rules_scan(pg_rules_run_t *run, const char *text, size_t len,
    uint32_t field, pg_findings_t *out, size_t base);


#endif /* _PG_RULES_H_INCLUDED_ */
