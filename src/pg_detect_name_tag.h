/*
 * Copyright (C) phigate authors
 */


#ifndef _PG_DETECT_NAME_TAG_H_INCLUDED_
#define _PG_DETECT_NAME_TAG_H_INCLUDED_


#include "pg_detect.h"


/* NAME findings in hashtags of support ("#DeshawnStrong"): pg_detect_name() */
pg_status_t pg_name_tags(const pg_scan_t *s, pg_findings_t *out);


#endif /* _PG_DETECT_NAME_TAG_H_INCLUDED_ */
