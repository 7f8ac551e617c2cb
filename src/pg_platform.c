/*
 * Copyright (C) phigate authors
 *
 * Where each platform puts text and DMs: ../shared/platforms/README.md.
 */


#include <string.h>
#include <strings.h>

#include "pg_platform.h"


/*
 * Credentials are never text, on any platform: reading an access token as
 * PHI would only produce false blocks.
 */
#define PG_CREDENTIALS                                                       \
    "access_token", "appsecret_proof", "client_secret", "client_id",         \
    "oauth_*", "refresh_token", "upload_id", "upload_token"

/* Graph API object ids and media references */
#define PG_META_IDS                                                          \
    "id", "*.id", "*_id", "*_ids", "*_ids[]", "*.id[]", "media_ids[]",       \
    "attached_media[]*", "children", "creation_id", "user_tags*",            \
    "recipient.*", "image_url", "video_url", "media_type", "published",      \
    "upload_phase", "file_url", "collaborators*", "is_carousel_item",        \
    "batch[].relative_url", "batch[].method", "messaging_type", "tag"


static const char *const  pg_no_hosts[] = { NULL };
static const char *const  pg_no_paths[] = { NULL };
static const char *const  pg_skip_generic[] = { PG_CREDENTIALS, NULL };


static const char *const  pg_facebook_hosts[] = {
    "graph.facebook.com", "graph-video.facebook.com",
    "graph.beta.facebook.com", "rupload.facebook.com", NULL
};
static const char *const  pg_facebook_dm[] = {
    "*/messages", "*/private_replies", NULL
};
static const char *const  pg_meta_skip[] = {
    PG_CREDENTIALS, PG_META_IDS, NULL
};

static const char *const  pg_instagram_hosts[] = {
    "graph.instagram.com", NULL
};
static const char *const  pg_instagram_dm[] = { "*/messages", NULL };

static const char *const  pg_threads_hosts[] = {
    "graph.threads.net", "graph.threads.com", NULL
};

static const char *const  pg_x_hosts[] = {
    "api.x.com", "api.twitter.com", "upload.x.com", "upload.twitter.com",
    NULL
};
static const char *const  pg_x_dm[] = {
    "/2/dm_conversations*", "/2/dm_events*", "/1.1/direct_messages/*",
    NULL
};
static const char *const  pg_x_skip[] = {
    PG_CREDENTIALS, "*_id", "*_ids", "*_ids[]", "*.*_id", "*.*_ids[]",
    "media.media_ids[]", "reply.*", "command", "media_type",
    "media_category", "segment_index", "total_bytes", "tweet_mode",
    "reply_settings", "conversation_type", NULL
};

static const char *const  pg_linkedin_hosts[] = { "api.linkedin.com", NULL };
static const char *const  pg_linkedin_skip[] = {
    PG_CREDENTIALS, "author", "*.author", "actor", "object", "*.urn",
    "visibility", "lifecycleState", "distribution.*", "*.id", "*.media.id",
    "content.media.id", "isReshareDisabledByAuthor", "parentComment",
    NULL
};

static const char *const  pg_youtube_hosts[] = {
    "youtube.googleapis.com", "www.googleapis.com", NULL
};
static const char *const  pg_google_skip[] = {
    PG_CREDENTIALS, "part", "uploadType", "*.channelId", "*.videoId",
    "*.parentId", "*.categoryId", "*.privacyStatus", "key", "alt", NULL
};

static const char *const  pg_tiktok_hosts[] = { ".tiktokapis.com", NULL };
static const char *const  pg_tiktok_skip[] = {
    PG_CREDENTIALS, "source_info.*", "post_info.privacy_level",
    "post_info.disable_*", "media_type", "post_mode", NULL
};

static const char *const  pg_pinterest_hosts[] = { "api.pinterest.com", NULL };
static const char *const  pg_pinterest_skip[] = {
    PG_CREDENTIALS, "board_id", "board_section_id", "media_source.*",
    NULL
};

static const char *const  pg_gbp_hosts[] = {
    "mybusiness.googleapis.com", NULL
};

static const char *const  pg_reddit_hosts[] = { "oauth.reddit.com", NULL };
static const char *const  pg_reddit_dm[] = { "/api/compose", NULL };
static const char *const  pg_reddit_skip[] = {
    PG_CREDENTIALS, "thing_id", "sr", "kind", "api_type", "raw_json",
    "to", "from_sr", "uh", NULL
};

/* Mastodon instances have arbitrary hosts: known by their API paths */
static const char *const  pg_mastodon_paths[] = {
    "/api/v1/statuses", "/api/v2/media", "/api/v1/media", NULL
};
static const char *const  pg_mastodon_skip[] = {
    PG_CREDENTIALS, "visibility", "in_reply_to_id", "media_ids[]",
    "media_ids", "scheduled_at", "language", "sensitive", "poll[expires_in]",
    "poll.expires_in", "focus", NULL
};


static const pg_platform_t  pg_platforms[] = {
    { "facebook", pg_facebook_hosts, pg_no_paths, pg_facebook_dm,
      pg_meta_skip, NULL, NULL },
    { "instagram", pg_instagram_hosts, pg_no_paths, pg_instagram_dm,
      pg_meta_skip, NULL, NULL },
    { "threads", pg_threads_hosts, pg_no_paths, pg_no_paths,
      pg_meta_skip, NULL, NULL },
    { "x", pg_x_hosts, pg_no_paths, pg_x_dm, pg_x_skip, NULL, NULL },
    { "linkedin", pg_linkedin_hosts, pg_no_paths, pg_no_paths,
      pg_linkedin_skip, NULL, NULL },
    { "google_business", pg_gbp_hosts, pg_no_paths, pg_no_paths,
      pg_google_skip, NULL, NULL },
    { "youtube", pg_youtube_hosts, pg_no_paths, pg_no_paths,
      pg_google_skip, NULL, NULL },
    { "tiktok", pg_tiktok_hosts, pg_no_paths, pg_no_paths,
      pg_tiktok_skip, NULL, NULL },
    { "pinterest", pg_pinterest_hosts, pg_no_paths, pg_no_paths,
      pg_pinterest_skip, NULL, NULL },
    { "reddit", pg_reddit_hosts, pg_no_paths, pg_reddit_dm,
      pg_reddit_skip, NULL, NULL },
    { "mastodon", pg_no_hosts, pg_mastodon_paths, pg_no_paths,
      pg_mastodon_skip, "visibility", "direct" },
};

static const pg_platform_t  pg_generic = {
    "generic", pg_no_hosts, pg_no_paths, pg_no_paths, pg_skip_generic,
    NULL, NULL
};


static int pg_host_match(const char *pattern, const char *host, size_t len);
static int pg_path_prefix(const char *prefix, const char *path, size_t len);


const pg_platform_t *
pg_platform_match(const char *host, size_t host_len, const char *path,
    size_t path_len)
{
    size_t                i, n;
    const char           *colon;
    const char *const    *h;
    const pg_platform_t  *p;

    /* "graph.facebook.com:443" and "graph.facebook.com." name one host */
    if (host != NULL) {
        colon = memchr(host, ':', host_len);
        if (colon != NULL) {
            host_len = colon - host;
        }

        if (host_len && host[host_len - 1] == '.') {
            host_len--;
        }
    }

    n = sizeof(pg_platforms) / sizeof(pg_platforms[0]);

    for (i = 0; i < n; i++) {
        p = &pg_platforms[i];

        for (h = p->hosts; host != NULL && *h != NULL; h++) {
            if (pg_host_match(*h, host, host_len)) {
                return p;
            }
        }

        for (h = p->paths; path != NULL && *h != NULL; h++) {
            if (pg_path_prefix(*h, path, path_len)) {
                return p;
            }
        }
    }

    return &pg_generic;
}


int
pg_platform_skip_field(const pg_platform_t *p, const char *name)
{
    size_t              len;
    const char *const  *s;

    len = strlen(name);

    for (s = p->skip; *s != NULL; s++) {
        if (pg_glob_match(*s, name, len)) {
            return 1;
        }
    }

    return 0;
}


int
pg_platform_is_dm(const pg_platform_t *p, const char *path, size_t path_len,
    const pg_fields_t *fields)
{
    size_t              i;
    const char *const  *d;

    for (d = p->dm_paths; path != NULL && *d != NULL; d++) {
        if (pg_glob_match(*d, path, path_len)) {
            return 1;
        }
    }

    if (p->dm_field == NULL || fields == NULL) {
        return 0;
    }

    for (i = 0; i < fields->n; i++) {
        if (strcmp(fields->items[i].name, p->dm_field) == 0
            && strcasecmp(fields->items[i].text, p->dm_value) == 0)
        {
            return 1;
        }
    }

    return 0;
}


int
pg_glob_match(const char *pattern, const char *s, size_t len)
{
    size_t  plen;

    plen = strlen(pattern);

    if (plen && pattern[0] == '*') {
        plen--;
        return len >= plen && memcmp(s + len - plen, pattern + 1, plen) == 0;
    }

    if (plen && pattern[plen - 1] == '*') {
        plen--;
        return len >= plen && memcmp(s, pattern, plen) == 0;
    }

    return len == plen && memcmp(s, pattern, plen) == 0;
}


static int
pg_host_match(const char *pattern, const char *host, size_t len)
{
    size_t  plen;

    plen = strlen(pattern);

    if (pattern[0] == '.') {
        /* ".tiktokapis.com" matches "open.tiktokapis.com" */
        return len > plen
               && strncasecmp(host + len - plen, pattern, plen) == 0;
    }

    return len == plen && strncasecmp(host, pattern, plen) == 0;
}


static int
pg_path_prefix(const char *prefix, const char *path, size_t len)
{
    size_t  plen;

    plen = strlen(prefix);

    /* "/api/v1/statuses" and "/api/v1/statuses/1/..." but not "...es2" */
    return len >= plen && memcmp(path, prefix, plen) == 0
           && (len == plen || path[plen] == '/' || path[plen] == '?');
}
