/*
 * Copyright (C) phigate authors
 *
 * The audit log's hash chain (docs/audit.md, "Tamper evidence").  Each
 * record carries "prev": the hex SHA-256 of the previous line's bytes
 * without its trailing newline, or "genesis" for the first record of a
 * chain.  Pure functions: the caller (the module, under a lock shared by
 * all workers) keeps the hash of the last line written and passes it in.
 */

#ifndef _PG_CHAIN_H_INCLUDED_
#define _PG_CHAIN_H_INCLUDED_


#include <stddef.h>

#include "pg_audit.h"


#define PG_CHAIN_GENESIS      "genesis"

/* the most "prev":"...", adds to a record */
#define PG_CHAIN_LINK_EXTRA   (sizeof("\"prev\":\"\",") - 1 + PG_SHA256_HEX)


/*
 * Hex SHA-256 of one line into out_hex[PG_SHA256_HEX + 1]: the bytes of
 * line[0..len), less one trailing "\n" if there is one.  This is the
 * value the next record's "prev" holds.  0 on success, -1 on error.
 */
int pg_chain_hash(const char *line, size_t len, char *out_hex);

/*
 * A copy of the record line[0..len) with "prev":"<prev_hex>" inserted:
 * after the first key when the record starts with {"schema":N, (as
 * pg_audit_line() builds it), else as its first key.  prev_hex is
 * "genesis" or 64 lowercase hex digits.  The copy keeps whatever
 * trailing newline the record had, is NUL-terminated, at most
 * len + PG_CHAIN_LINK_EXTRA bytes long; free() it.  The record must not
 * already hold "prev" (it is not parsed).
 *
 * 0 on success; -1 when prev_hex is not valid, the record does not start
 * with "{", or memory runs out (*out is then NULL).
 */
int pg_chain_link(const char *prev_hex, const char *line, size_t len,
    char **out, size_t *out_len);

/*
 * The hash of the last complete line of an existing log, for carrying
 * the chain on when the file is opened again (nginx started with a
 * non-empty log).  buf holds the file's last len bytes; from_start says
 * whether they are the whole file.  Bytes after the last "\n" (a
 * record cut short by a crash or a full disk) are not a line: their
 * count goes to *partial (may be NULL), and a writer should end them
 * with "\n" before its next record so that this record stays readable;
 * verify will still report the cut line.
 *
 * 1: out_hex holds the hash; 0: buf holds no complete line, start with
 * "genesis"; -1: from_start is 0 and buf does not reach back to the
 * start of the last line (read more of the file); -2: hashing failed.
 */
int pg_chain_tail(const char *buf, size_t len, int from_start,
    char *out_hex, size_t *partial);

/* 1 when s[0..len) is "genesis" or 64 lowercase hex digits */
int pg_chain_valid_prev(const char *s, size_t len);


#endif /* _PG_CHAIN_H_INCLUDED_ */
