/*
 * Copyright (C) phigate authors
 *
 * MEDIA findings: a request that publishes an image, a video or another
 * binary file.  A full-face photograph is a Safe Harbor identifier (Q),
 * and the gateway cannot see faces: it records that media was published
 * and where, and the policy decides (phigate_media: recorded, or held to
 * consent like any other identifier).
 */

#ifndef _PG_MEDIA_H_INCLUDED_
#define _PG_MEDIA_H_INCLUDED_


#include "pg_arena.h"
#include "pg_extract.h"
#include "pg_field.h"
#include "pg_finding.h"
#include "pg_platform.h"


/*
 * One MEDIA finding per upload: a media body (image, video, audio,
 * octet-stream: recorded as a "body#media" field), each binary multipart
 * part ("name#media", made by the multipart extractor), and each
 * non-empty field the profile lists under "media" (image_url, media_ids).
 */
pg_status_t pg_media_find(pg_arena_t *a, const pg_platform_t *p,
    pg_body_kind_t kind, size_t body_len, pg_fields_t *fields,
    pg_findings_t *out);


#endif /* _PG_MEDIA_H_INCLUDED_ */
