/*
 * Copyright (C) phigate authors
 *
 * Verification of the audit log's hash chain (pg_chain.h) over one or
 * more files given in chronological order, rotated ones first.  Shared
 * by phigate-audit verify and the fuzz harness: the files are byte
 * buffers here, nothing is read from disk.
 *
 *     v = pg_verify_create();
 *     pg_verify_add(v, "audit.log.1", buf1, len1);
 *     pg_verify_add(v, "audit.log", buf2, len2);
 *     pg_verify_run(v, NULL, NULL, &res);
 *     ... res.problems == 0: intact ...
 *     pg_verify_destroy(v);
 */

#ifndef _PG_AUDIT_VERIFY_H_INCLUDED_
#define _PG_AUDIT_VERIFY_H_INCLUDED_


#include <stddef.h>

#include "pg_audit.h"


/* problems kept in detail; more are only counted */
#define PG_VERIFY_KEEP      16
#define PG_VERIFY_TIME_MAX  40


typedef enum {
    PG_VERIFY_MALFORMED = 1,   /* empty line, not a JSON object, bad prev */
    PG_VERIFY_TRUNCATED,       /* a file's last line has no newline */
    PG_VERIFY_BROKEN,          /* prev matches no line given: the line
                                  before was edited, or lines deleted */
    PG_VERIFY_REORDERED,       /* prev matches a line elsewhere */
    PG_VERIFY_DUPLICATE,       /* the same bytes as an earlier line */
    PG_VERIFY_UNCHAINED,       /* no prev after chained records */
    PG_VERIFY_START,           /* first record does not link to --start */
    PG_VERIFY_TAIL             /* the anchored line is not in the files */
} pg_verify_kind_t;


/* why a line is malformed */
#define PG_VBAD_EMPTY    1
#define PG_VBAD_JSON     2
#define PG_VBAD_OBJECT   3
#define PG_VBAD_PREV     4


typedef struct {
    pg_verify_kind_t    kind;
    size_t              file;        /* index in the order added */
    size_t              line;        /* 1-based; 0 for PG_VERIFY_TAIL */
    size_t              other_file;  /* the line it concerns, if any */
    size_t              other_line;  /* 0: none */
    int                 detail;      /* PG_VERIFY_MALFORMED: PG_VBAD_* */
} pg_verify_problem_t;


typedef struct {
    size_t              files;
    size_t              records;     /* lines, well-formed or not */
    size_t              chained;     /* records with prev */
    size_t              unchained;   /* records without prev, before the
                                        first chained one */
    size_t              restarts;    /* "genesis" after chained records */
    size_t              restart_file;
    size_t              restart_line;
    int                 starts_linked; /* the first chained record links
                                          to a line not given */
    char                first_time[PG_VERIFY_TIME_MAX];
    char                last_time[PG_VERIFY_TIME_MAX];
    char                last_hash[PG_SHA256_HEX + 1];  /* "" if no line */

    size_t              problems;    /* all found */
    size_t              kept;        /* in problem[], first ones first */
    pg_verify_problem_t problem[PG_VERIFY_KEEP];
} pg_verify_result_t;


typedef struct pg_verify_s  pg_verify_t;


pg_verify_t *pg_verify_create(void);

/*
 * Adds one file's bytes (the next in chronological order).  name is
 * copied, buf is read during the call only.  0, or -1 out of memory.
 */
int pg_verify_add(pg_verify_t *v, const char *name, const char *buf,
    size_t len);

/*
 * Checks the chain over the files added.  start: NULL, or what the first
 * chained record's prev must be ("genesis" or a hash anchored earlier);
 * tail: NULL, or the hash of a line anchored earlier (a previous run's
 * last_hash) that must still be in the files.  0 with *res filled
 * (res->problems == 0: intact), -1 on a bad anchor or out of memory.
 */
int pg_verify_run(pg_verify_t *v, const char *start, const char *tail,
    pg_verify_result_t *res);

/* the name given to pg_verify_add() for file index i */
const char *pg_verify_file(const pg_verify_t *v, size_t i);

/*
 * "FILE:LINE: what is wrong" into buf, NUL-terminated and truncated to
 * size; returns the length written.
 */
size_t pg_verify_describe(const pg_verify_t *v, const pg_verify_problem_t *p,
    char *buf, size_t size);

const char *pg_verify_kind_name(pg_verify_kind_t kind);

void pg_verify_destroy(pg_verify_t *v);


#endif /* _PG_AUDIT_VERIFY_H_INCLUDED_ */
