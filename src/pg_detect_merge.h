/*
 * Copyright (C) phigate authors
 *
 * Two detectors (or two forms of one number) may report overlapping
 * spans of one type; a request must count that identifier once.
 */

#ifndef _PG_DETECT_MERGE_H_INCLUDED_
#define _PG_DETECT_MERGE_H_INCLUDED_


#include "pg_finding.h"


/*
 * Findings from index base on: overlapping findings of one type become
 * one covering both, with the higher confidence; the result is sorted by
 * offset, then type.  A PHONE finding that a FAX one overlaps is dropped
 * (pg_detect_fax.c).  Findings before base are left alone.
 */
void pg_detect_merge(pg_findings_t *out, size_t base);


#endif /* _PG_DETECT_MERGE_H_INCLUDED_ */
