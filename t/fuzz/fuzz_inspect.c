/*
 * Copyright (C) phigate authors
 *
 * The whole engine on arbitrary requests: the first byte chooses the
 * Content-Type and the host, a NUL (if any) splits query string from body.
 * Inspection, decision, the audit record and the client's answer must hold
 * on anything.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_audit.h"
#include "pg_decide.h"
#include "pg_inspect.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static const char  *types[] = {
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=XyZ",
    "multipart/related; boundary=\"b-1\"",
    "text/plain",
    NULL,
    "image/png",
    "application/merge-patch+json; charset=utf-8"
};

static const char  *hosts[] = {
    "graph.facebook.com", "api.x.com", "mastodon.social", "example.org"
};


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char             *line, *answer;
    size_t            len;
    const char       *nul;
    pg_arena_t        a;
    pg_audit_t        au;
    pg_limits_t       lim;
    pg_policy_t       pol;
    pg_request_t      req;
    pg_verdict_t      v;
    pg_inspection_t   in;

    if (size < 1) {
        return 0;
    }

    memset(&req, 0, sizeof(req));

    req.method = "POST";
    req.method_len = 4;
    req.host = hosts[(data[0] >> 3) & 3];
    req.host_len = strlen(req.host);
    req.path = (data[0] & 0x20) ? "/api/v1/statuses" : "/v19.0/1/feed";
    req.path_len = strlen(req.path);
    req.content_type = types[data[0] & 7];
    req.content_type_len = req.content_type ? strlen(req.content_type) : 0;

    data++;
    size--;

    nul = memchr(data, '\0', size);

    if (nul != NULL) {
        req.query = (const char *) data;
        req.query_len = nul - (const char *) data;
        req.body = nul + 1;
        req.body_len = size - req.query_len - 1;

    } else {
        req.body = (const char *) data;
        req.body_len = size;
    }

    memset(&lim, 0, sizeof(pg_limits_t));
    lim.max_body = 1024 * 1024;
    memset(&pol, 0, sizeof(pg_policy_t));
    pol.mode = PG_MODE_ENFORCE;
    pol.fail_open = 0;
    pol.block_status = 403;

    pg_arena_init(&a, 64 * 1024 * 1024);

    (void) pg_inspect(&a, &req, &lim, &in);
    pg_decide(&pol, &in, &v);

    memset(&au, 0, sizeof(au));
    au.request_id = "id";
    au.request_id_len = 2;
    au.req = &req;
    au.insp = &in;
    au.verdict = &v;
    au.body_len = req.body_len;

    line = pg_audit_line(&au, &len);
    free(line);

    answer = pg_block_body(&au, &len);
    free(answer);

    pg_arena_free(&a);

    return 0;
}
