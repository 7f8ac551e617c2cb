/*
 * Copyright (C) phigate authors
 *
 * What a parsed rules file holds, shared by the parser (pg_rules.c) and
 * the matcher (pg_rules_scan.c) only.
 */

#ifndef _PG_RULES_INT_H_INCLUDED_
#define _PG_RULES_INT_H_INCLUDED_


#define PCRE2_CODE_UNIT_WIDTH  8
#include <pcre2.h>

#include "pg_rules.h"


/*
 * Every pattern is compiled with these: UTF-8 text that may hold invalid
 * bytes (they never match), Unicode classes (\w, \b), and a callout
 * before every item, which is how the matcher counts its work.
 */
#define PG_RULES_PCRE2_OPTIONS                                               \
    (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP | PCRE2_AUTO_CALLOUT)


typedef struct {
    const char          *name;       /* NUL-terminated; in findings */
    pg_type_t            type;
    unsigned             log_only:1;
    unsigned             have_type:1;
    unsigned             have_severity:1;
    pcre2_code         **codes;      /* regexes and phrase alternations */
    size_t               ncodes;
    size_t               codes_cap;
    const char         **cues;       /* lower case, NULL-terminated */
    size_t               ncues;
    size_t               cues_cap;
    size_t               window;     /* cue window in words */
    size_t               line;       /* of the [name] line */
} pg_rule_t;


struct pg_rules_s {
    pg_arena_t           arena;      /* names, cues, arrays */
    pg_rule_t           *items;
    size_t               n;
    size_t               cap;
    unsigned             interpreted:1;
};


#endif /* _PG_RULES_INT_H_INCLUDED_ */
