/*
 * Copyright (C) phigate authors
 *
 * Direct messages and media of the compiled-in profiles, as whole
 * requests through the engine: a Graph batch item sent to /messages, a
 * Bluesky chat message, X's "d user" status, a Facebook private reply; an
 * Instagram container with image_url sent through graph.facebook.com.
 * The format of those rules is tested in test_platform.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "pg_inspect.h"
#include "pg_platform.h"


typedef struct {
    pg_arena_t       arena;
    pg_inspection_t  insp;
} pg_dmx_t;


static int
setup(void **state)
{
    return pg_unit_setup(state, sizeof(pg_dmx_t));
}


/* a POST through pg_inspect() with the default profiles */
static pg_inspection_t *
post(void **state, const char *host, const char *path, const char *query,
    const char *ct, const char *body)
{
    pg_dmx_t      *x = *state;
    pg_limits_t    lim;
    pg_request_t   req;

    memset(&req, 0, sizeof(req));
    memset(&lim, 0, sizeof(lim));
    lim.max_body = 1024 * 1024;

    req.method = "POST";
    req.method_len = 4;
    req.host = host;
    req.host_len = strlen(host);
    req.path = path;
    req.path_len = strlen(path);
    req.query = query;
    req.query_len = query ? strlen(query) : 0;
    req.content_type = ct;
    req.content_type_len = ct ? strlen(ct) : 0;
    req.body = body;
    req.body_len = body ? strlen(body) : 0;

    assert_int_equal(pg_inspect(&x->arena, &req, &lim, &x->insp), PG_OK);

    return &x->insp;
}


#define FORM  "application/x-www-form-urlencoded"
#define JSON  "application/json"
#define GRAPH "graph.facebook.com"

/* batch=[{"method":"POST","relative_url":URL,"body":"message=hi"}] */
#define BATCH(url)                                                           \
    "batch=%5B%7B%22method%22%3A%22POST%22%2C%22relative_url%22%3A%22" url  \
    "%22%2C%22body%22%3A%22message%3Dhi%22%7D%5D"

/* the same batch in a multipart body, a file attached to the item */
#define MP    "multipart/form-data; boundary=XyZ"
#define MP_BATCH(url)                                                        \
    "--XyZ\r\nContent-Disposition: form-data; name=\"batch\"\r\n\r\n"        \
    "[{\"method\":\"POST\",\"relative_url\":\"" url "\",\"body\":"           \
    "\"message=hi\",\"attached_files\":\"f1\"}]\r\n"                         \
    "--XyZ\r\nContent-Disposition: form-data; name=\"f1\"; "                 \
    "filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"                  \
    "\x89PNG\r\n\x1a\n\x01\x02\r\n--XyZ--\r\n"


static int
fb_batch_dm(void **state, const char *body)
{
    return post(state, GRAPH, "/v20.0/", "access_token=tok", FORM, body)->dm;
}


static void
test_graph_batch(void **state)
{
    /* the item's relative_url is a request path: its DM paths apply */
    assert_true(fb_batch_dm(state, BATCH("me%2Fmessages")));
    assert_true(fb_batch_dm(state, BATCH("1234567890%2Fmessages")));
    assert_true(fb_batch_dm(state, BATCH("v19.0%2F123%2Fmessages")));
    assert_true(fb_batch_dm(state, BATCH("%2Fme%2Fmessages%3Faccess_token"
                                         "%3Dx")));
    assert_true(fb_batch_dm(state, BATCH("me%2Fmessages%2F")));
    assert_true(fb_batch_dm(state, BATCH("123%2Fprivate_replies")));
    /* "me/%6Dessages" in the JSON, as the platform decodes it */
    assert_true(fb_batch_dm(state, BATCH("me%2F%256Dessages")));

    assert_false(fb_batch_dm(state, BATCH("123%2Ffeed")));
    assert_false(fb_batch_dm(state, BATCH("123%2Fmessages_archive")));
    assert_false(fb_batch_dm(state, BATCH("123%2Ffeed%3Fnext%3D%2Fmessages")));

    /* the same JSON in a JSON body */
    assert_true(post(state, GRAPH, "/v20.0/", NULL, JSON,
                     "{\"batch\":[{\"method\":\"POST\",\"relative_url\":"
                     "\"123/feed\"},{\"method\":\"POST\",\"relative_url\":"
                     "\"me/messages\",\"body\":\"message=hi\"}]}")->dm);

    /* the same JSON as a multipart part, as sent with a file attached */
    assert_true(post(state, GRAPH, "/v20.0/", "access_token=tok", MP,
                     MP_BATCH("me/messages"))->dm);
    assert_false(post(state, GRAPH, "/v20.0/", "access_token=tok", MP,
                      MP_BATCH("123/feed"))->dm);

    /* only the batch's relative_url is a path: a caption is not */
    assert_false(post(state, GRAPH, "/v20.0/123/feed", NULL, FORM,
                      "message=me%2Fmessages")->dm);
}


static void
test_graph_private_reply(void **state)
{
    /* recipient.comment_id: a private reply, whatever the path */
    assert_true(post(state, GRAPH, "/v20.0/123/feed", NULL, FORM,
                     "recipient=%7B%22comment_id%22%3A%22178%22%7D"
                     "&message=hi")->dm);
    assert_true(post(state, "graph.instagram.com", "/v20.0/me/x", NULL,
                     JSON, "{\"recipient\":{\"comment_id\":\"178\"},"
                     "\"message\":{\"text\":\"hi\"}}")->dm);
    assert_false(post(state, GRAPH, "/v20.0/123/feed", NULL, FORM,
                      "recipient=%7B%22comment_id%22%3A%22%20%22%7D"
                      "&message=hi")->dm);
}


static void
test_dm_path_decoded(void **state)
{
    assert_true(post(state, GRAPH, "/v20.0/me/%6Dessages", NULL, FORM,
                     "message=hi")->dm);
    assert_true(post(state, GRAPH, "/v20.0/me/Messages/", NULL, FORM,
                     "message=hi")->dm);
    assert_true(post(state, "api.x.com", "/2/%64m_conversations/with/4/"
                     "messages", NULL, JSON, "{\"text\":\"hi\"}")->dm);
    assert_true(post(state, "oauth.reddit.com", "/api/compose/", NULL, FORM,
                     "text=hi")->dm);
    assert_false(post(state, "oauth.reddit.com", "/api/composer", NULL,
                      FORM, "text=hi")->dm);

}


static int
x_status_dm(void **state, const char *status_form)
{
    return post(state, "api.x.com", "/1.1/statuses/update.json", NULL, FORM,
                status_form)->dm;
}


static void
test_x_sms_commands(void **state)
{
    assert_true(x_status_dm(state, "status=d+bob+see+you+at+3"));
    assert_true(x_status_dm(state, "status=D+Bob_99+see+you"));
    assert_true(x_status_dm(state, "status=dm+bob+see+you"));
    assert_true(x_status_dm(state, "status=DM+%40bob+see+you"));
    assert_true(x_status_dm(state, "status=m+bob+see+you"));
    assert_true(x_status_dm(state, "status=++d+bob"));
    assert_true(x_status_dm(state, "status=d%09bob%0Asee+you"));
    assert_true(x_status_dm(state, "tweet_mode=extended&status=d+bob+%FF"));
    /* in the query string too */
    assert_true(post(state, "api.x.com", "/1.1/statuses/update.json",
                     "status=d%20bob%20hi", NULL, NULL)->dm);

    assert_false(x_status_dm(state, "status=Don%27t+miss+our+fair"));
    assert_false(x_status_dm(state, "status=d"));
    assert_false(x_status_dm(state, "status=d+"));
    assert_false(x_status_dm(state, "status=dmm+bob+hi"));
    assert_false(x_status_dm(state, "status=M%26M+cookies+for+all"));
    assert_false(x_status_dm(state, "status=hi+d+bob+hi"));
    /* more than 15 characters is no handle */
    assert_false(x_status_dm(state, "status=d+abcdefghijklmnopq+hi"));

    /* v2 has no SMS commands: its text is only text */
    assert_false(post(state, "api.x.com", "/2/tweets", NULL, JSON,
                      "{\"text\":\"d bob see you\"}")->dm);
    assert_true(post(state, "api.x.com", "/1.1/direct_messages/new.json",
                     NULL, FORM, "text=hi&screen_name=bob")->dm);
}


static void
test_bluesky(void **state)
{
    pg_inspection_t  *in;

    in = post(state, "bsky.social", "/xrpc/chat.bsky.convo.sendMessage",
              NULL, JSON, "{\"convoId\":\"3ku7w6h4vog2d\",\"message\":"
              "{\"text\":\"hi\"}}");
    assert_string_equal(in->platform->name, "bluesky");
    assert_true(in->dm);

    in = post(state, "api.bsky.chat", "/xrpc/chat.bsky.convo.sendMessage",
              NULL, JSON, "{\"convoId\":\"3k\",\"message\":{\"text\":\"hi\"}}");
    assert_string_equal(in->platform->name, "bluesky");
    assert_true(in->dm);

    in = post(state, "pds.hospital.example",
              "/xrpc/chat.bsky.convo.sendMessageBatch", NULL, JSON,
              "{\"items\":[{\"convoId\":\"3k\",\"message\":{\"text\":"
              "\"hi\"}}]}");
    assert_string_equal(in->platform->name, "bluesky");
    assert_true(in->dm);

    in = post(state, "morel.us-east.host.bsky.network",
              "/xrpc/com.atproto.repo.createRecord", NULL, JSON,
              "{\"repo\":\"did:plc:6174328817\",\"collection\":"
              "\"app.bsky.feed.post\",\"record\":{\"$type\":"
              "\"app.bsky.feed.post\",\"text\":\"hi\"}}");
    assert_string_equal(in->platform->name, "bluesky");
    assert_false(in->dm);
    assert_int_equal(in->findings.n, 0);

    assert_string_equal(post(state, "x.example", "/xrpc/app.bsky.feed."
                             "getTimeline", NULL, NULL, NULL)->platform->name,
                        "generic");
}


/* the MEDIA findings a request makes, as "field field ..." */
static const char *
media_fields(pg_inspection_t *in, char *buf, size_t size)
{
    size_t  i, n;

    buf[0] = '\0';
    n = 0;

    for (i = 0; i < in->findings.n; i++) {
        if (in->findings.items[i].type == PG_T_MEDIA) {
            n += snprintf(buf + n, size - n, "%s%s", n ? " " : "",
                          in->fields.items[in->findings.items[i].field].name);
        }
    }

    return buf;
}


static void
test_media_fields(void **state)
{
    char  buf[256];

    /* Instagram with Facebook Login: the same container, the other host */
    assert_string_equal(media_fields(post(state, GRAPH, "/v19.0/1789/media",
        "image_url=https%3A%2F%2Fcdn.example.org%2Fa.jpg&caption=hi", NULL,
        NULL), buf, sizeof(buf)), "image_url");
    assert_string_equal(media_fields(post(state, GRAPH, "/v19.0/1789/media",
        "media_type=REELS&video_url=https%3A%2F%2Fcdn.example.org%2Fa.mp4"
        "&cover_url=https%3A%2F%2Fcdn.example.org%2Fc.jpg", NULL, NULL),
        buf, sizeof(buf)), "video_url cover_url");
    assert_string_equal(media_fields(post(state, GRAPH, "/v19.0/1789/media",
        "media_type=CAROUSEL&children=1790%2C1791&caption=hi", NULL, NULL),
        buf, sizeof(buf)), "children");
    assert_string_equal(media_fields(post(state, GRAPH, "/v19.0/55/comments",
        NULL, FORM, "message=hi&attachment_url=https%3A%2F%2Fa.org%2Fb.gif"),
        buf, sizeof(buf)), "attachment_url");
    assert_string_equal(media_fields(post(state, GRAPH, "/v19.0/me/messages",
        NULL, JSON, "{\"recipient\":{\"id\":\"7\"},\"message\":{"
        "\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":"
        "\"https://a.org/b.jpg\"}}}}"),
        buf, sizeof(buf)), "message.attachment.payload.url");
    assert_string_equal(media_fields(post(state, GRAPH, "/v19.0/123/feed",
        NULL, FORM, "message=hi&link=https%3A%2F%2Fa.org"), buf, sizeof(buf)),
        "");

    assert_string_equal(media_fields(post(state, "graph.threads.net",
        "/v1.0/me/threads", "media_type=CAROUSEL&children=1%2C2&text=hi",
        NULL, NULL), buf, sizeof(buf)), "children");

    assert_string_equal(media_fields(post(state, "api.x.com", "/2/tweets",
        NULL, JSON, "{\"text\":\"hi\",\"media\":{\"media_ids\":[\"99\"]}}"),
        buf, sizeof(buf)), "media.media_ids[]");
    assert_string_equal(media_fields(post(state, "api.x.com",
        "/1.1/statuses/update.json", NULL, FORM, "status=hi&media_ids=99"),
        buf, sizeof(buf)), "media_ids");
    assert_string_equal(media_fields(post(state, "upload.x.com",
        "/1.1/media/upload.json", NULL, FORM, "media_data=iVBORw0KGgo4MDA1"
        "NTUxMjEy"), buf, sizeof(buf)), "media_data");

    /* a post's images, video and link card thumbnail are blobs */
    assert_string_equal(media_fields(post(state, "bsky.social",
        "/xrpc/com.atproto.repo.createRecord", NULL, JSON,
        "{\"repo\":\"did:plc:a\",\"record\":{\"text\":\"hi\",\"embed\":{"
        "\"images\":[{\"alt\":\"a\",\"image\":{\"$type\":\"blob\",\"ref\":"
        "{\"$link\":\"bafk1\"},\"mimeType\":\"image/png\"}}]}}}"), buf,
        sizeof(buf)), "record.embed.images[].image.ref.$link");
    assert_string_equal(media_fields(post(state, "bsky.social",
        "/xrpc/com.atproto.repo.createRecord", NULL, JSON,
        "{\"record\":{\"text\":\"hi\",\"embed\":{\"external\":{\"uri\":"
        "\"https://a.org\",\"thumb\":{\"ref\":{\"$link\":\"bafk2\"}}}}}}"),
        buf, sizeof(buf)), "record.embed.external.thumb.ref.$link");
}


static void
test_bluesky_identifiers(void **state)
{
    pg_inspection_t  *in;

    /*
     * DIDs, at:// URIs, CIDs, record keys and timestamps whose digits look
     * like a phone number or a date are identifiers, not text; the same
     * digits in the text are a finding.
     */
    in = post(state, "bsky.social", "/xrpc/com.atproto.repo.createRecord",
              NULL, JSON,
              "{\"repo\":\"did:plc:6174328817\",\"collection\":"
              "\"app.bsky.feed.post\",\"rkey\":\"6174328817\","
              "\"swapCommit\":\"bafy6174328817\",\"record\":{\"$type\":"
              "\"app.bsky.feed.post\",\"text\":\"Join us Saturday!\","
              "\"createdAt\":\"1962-03-14T10:00:00Z\",\"langs\":[\"en\"],"
              "\"reply\":{\"root\":{\"uri\":\"at://did:plc:6174328817/"
              "app.bsky.feed.post/6174328817\",\"cid\":\"bafy6174328817\"},"
              "\"parent\":{\"uri\":\"at://did:plc:6174328817/app.bsky.feed."
              "post/6174328817\",\"cid\":\"bafy6174328817\"}},"
              "\"facets\":[{\"index\":{\"byteStart\":0,\"byteEnd\":4},"
              "\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\","
              "\"did\":\"did:plc:6174328817\"}]}],"
              "\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":{"
              "\"uri\":\"at://did:plc:6174328817/app.bsky.feed.post/61\","
              "\"cid\":\"bafy6174328817\"}}}}");
    assert_int_equal(in->findings.n, 0);

    in = post(state, "bsky.social", "/xrpc/com.atproto.repo.createRecord",
              NULL, JSON,
              "{\"repo\":\"did:plc:6174328817\",\"record\":{\"text\":"
              "\"Patient Ana, call (617) 432-8817\"}}");
    assert_true(in->findings.n > 0);
    assert_string_equal(in->fields.items[in->findings.items[0].field].name,
                        "record.text");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_graph_batch, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_graph_private_reply, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_dm_path_decoded, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_x_sms_commands, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_bluesky, setup, pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_media_fields, setup,
                                        pg_unit_teardown),
        cmocka_unit_test_setup_teardown(test_bluesky_identifiers, setup,
                                        pg_unit_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
