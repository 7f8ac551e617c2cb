/*
 * Copyright (C) phigate authors
 *
 * The allow-list (phigate_allowlist): the organisation's own public phone
 * and fax numbers, e-mail addresses, links, staff names and addresses,
 * which are never findings however a post writes them.  One entry a line,
 * "kind: value" or a value whose kind is plain (docs/operator.md).
 *
 * Entries and the text of findings are compared in one canonical form
 * per kind, after the normalisation the detectors use (pg_normalize.c):
 * a phone number's 10 digits (an extension aside, letters read on a
 * keypad), an e-mail address in lower case ("[at]" and "[dot]" read), a
 * link without scheme, "www." and tracking parameters (a prefix when the
 * entry ends in "/" and "*"), a name's or address's words case- and
 * accent-folded, titles, degrees and USPS short forms aside.  A finding
 * is dropped when its text is an entry, never when it merely holds one,
 * so an allowed name cannot hide the surname written after it; a NAME
 * finding that is part of an allowed name as the post writes it ("Ruiz"
 * of "Ruiz, Ana") and a ZIP code right after an allowed address are
 * read with the words beside them (pg_allowlist_name.c,
 * pg_allowlist_addr.c).
 */

#ifndef _PG_ALLOWLIST_H_INCLUDED_
#define _PG_ALLOWLIST_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>

#include "pg_field.h"
#include "pg_finding.h"


typedef struct pg_allowlist_s  pg_allowlist_t;


/*
 * Parses an allow-list held in buf.  Returns NULL with "FILE:LINE:
 * problem" in err when an entry is wrong (or "out of memory"); messages
 * never quote an entry.
 */
pg_allowlist_t *pg_allowlist_parse(const char *buf, size_t len,
    const char *file, char *err, size_t err_size);
void pg_allowlist_free(pg_allowlist_t *al);

size_t pg_allowlist_count(const pg_allowlist_t *al);

/* 1 when a finding of type whose text is text[0, len) is an entry */
int pg_allowlist_allows(const pg_allowlist_t *al, pg_type_t type,
    const char *text, size_t len);

/*
 * The same for a finding at text[off, off + flen) of a field's text
 * text[0, len): a name and a ZIP code are read with the words beside
 * them.
 */
int pg_allowlist_allows_at(const pg_allowlist_t *al, pg_type_t type,
    const char *text, size_t len, size_t off, size_t flen);

/*
 * Drops the findings (offsets in their fields' text) that are entries,
 * counting them by type in allowed[PG_T__COUNT].  Needs no memory of
 * the request's: a finding that cannot be compared (no memory) is kept.
 */
void pg_allowlist_filter(const pg_allowlist_t *al, const pg_fields_t *fields,
    pg_findings_t *f, uint32_t *allowed);


#endif /* _PG_ALLOWLIST_H_INCLUDED_ */
