/*
 * Copyright (C) phigate authors
 *
 * The platform's answer to a forwarded post: the id of the object it
 * created, for the audit trail's post history ("who published what,
 * where, when, under which consent").  Only the id is taken; the answer
 * often echoes the post's text, which is never kept.
 */

#ifndef _PG_RESPONSE_H_INCLUDED_
#define _PG_RESPONSE_H_INCLUDED_


#include <stddef.h>

#include "pg_platform.h"


#define PG_POST_ID_MAX  128


/*
 * The created object's id from a JSON answer, where the platform's
 * profile says (post_id in conf/platforms.json): Graph's "post_id" or
 * "id", X's "data.id", TikTok's "data.publish_id", Reddit's
 * "json.data.name", Mastodon's and most others' "id"; a NULL platform is
 * the default set's generic profile.  Into out
 * (PG_POST_ID_MAX + 1 bytes); 1 when found, 0 when not.  An id is at most
 * PG_POST_ID_MAX bytes of [A-Za-z0-9_:.-] (URNs included); anything else
 * is not taken, so no text can pass as an id.
 */
int pg_response_post_id(const pg_platform_t *platform, const char *body,
    size_t len, char *out);

/* the same, for an answer with a Content-Encoding (gzip, deflate) */
int pg_response_post_id_encoded(const pg_platform_t *platform,
    const char *encoding, const char *body, size_t len, char *out);

/* 1 when s[0..len) may be kept as an id (LinkedIn's x-restli-id header) */
int pg_response_id_valid(const char *s, size_t len);


#endif /* _PG_RESPONSE_H_INCLUDED_ */
