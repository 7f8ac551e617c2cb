/*
 * Copyright (C) phigate authors
 *
 * Multipart extraction, on bodies shaped like those captured from real
 * clients (../shared/platforms/captured.jsonl; the capture keeps only the
 * first 600 bytes, the rest is rebuilt here) and on hostile ones.
 */


#include <stdio.h>

#include "extract_fixture.h"


#define PHI  "Patient Jane Doe MRN 12345 (555) 123-4567 #diabetes @clinic"

/* the first bytes of a real PNG: NUL and control bytes, as media has */
#define PNG  "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06"

#define CD   "Content-Disposition: form-data; name="


static pg_status_t pg_mp(pg_fx_t *fx, const char *s, size_t len,
    const char *b);
static void test_masto_media_text_after_file(void **state);
static void test_graph_photo(void **state);
static void test_x_append(void **state);
static void test_googleapis_related(void **state);
static void test_linkedin_tunnel_mixed(void **state);
static void test_bare_lf(void **state);
static void test_preamble_epilogue(void **state);
static void test_boundary_errors(void **state);
static void test_structure_errors(void **state);
static void test_header_limits(void **state);
static void test_ambiguous_headers(void **state);
static void test_filename_quoting(void **state);
static void test_encodings(void **state);
static void test_text_disguised_as_media(void **state);
static void test_bad_json_part(void **state);
static void test_graph_batch_as_form(void **state);
static void test_json_like_text_part(void **state);
static void test_nested(void **state);
static void test_delimiter_lines(void **state);
static void test_empty_parts(void **state);
static void test_body_dispatch(void **state);
static void test_field_limit(void **state);


static pg_status_t
pg_mp(pg_fx_t *fx, const char *s, size_t len, const char *b)
{
    return pg_extract_multipart(&fx->arena, pg_fx_buf(fx, s, len), len, b,
                                b != NULL ? strlen(b) : 0, &fx->fields);
}


static void
test_masto_media_text_after_file(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    /* masto (undici FormData): the alt text comes after the image */
    assert_int_equal(pg_mp(fx, PG_S(
        "------formdata-undici-017649675801\r\n"
        CD "\"file\"; filename=\"blob\"\r\n"
        "Content-Type: image/png\r\n"
        "\r\n"
        PNG "\x04\x04\x04\r\n--\r\n"
        "------formdata-undici-017649675801\r\n"
        CD "\"description\"\r\n"
        "\r\n"
        PHI "\r\n"
        "------formdata-undici-017649675801--\r\n"),
        "----formdata-undici-017649675801"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    f = pg_fx_expect(fx, "file#filename", PG_S("blob"));
    pg_fx_raw(f, fx->copy, "blob");

    /* the image itself: an empty field, for MEDIA, without raw bytes */
    f = pg_fx_expect(fx, "file" PG_FIELD_MEDIA, PG_S(""));
    assert_int_equal(f->raw_len, 0);

    f = pg_fx_expect(fx, "description", PG_S(PHI));
    assert_int_equal(f->source, PG_SRC_BODY);
    pg_fx_raw(f, fx->copy, PHI);
}


static void
test_graph_photo(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    /* fb: caption first, then the photo */
    assert_int_equal(pg_mp(fx, PG_S(
        "----------------------------139469968175976362092047\r\n"
        CD "\"caption\"\r\n"
        "\r\n"
        PHI "\r\n"
        "----------------------------139469968175976362092047\r\n"
        CD "\"source\"; filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n"
        "\r\n"
        PNG "\x02\x02\x02\r\n"
        "----------------------------139469968175976362092047--\r\n"),
        "--------------------------139469968175976362092047"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    f = pg_fx_expect(fx, "caption", PG_S(PHI));
    assert_int_equal(f->raw_off, 54 + sizeof(CD "\"caption\"") - 1 + 4);
    pg_fx_raw(f, fx->copy, PHI);

    pg_fx_expect(fx, "source#filename", PG_S("a.png"));
    pg_fx_expect(fx, "source" PG_FIELD_MEDIA, PG_S(""));
}


static void
test_x_append(void **state)
{
    pg_fx_t  *fx = *state;

    /* twitter-api-v2: octet-stream media part without a file name */
    assert_int_equal(pg_mp(fx, PG_S(
        "----------------------------838426348005349291306947\r\n"
        CD "\"segment_index\"\r\n"
        "\r\n"
        "0\r\n"
        "----------------------------838426348005349291306947\r\n"
        CD "\"media\"\r\n"
        "Content-Type: application/octet-stream\r\n"
        "\r\n"
        "\x01\x01\x01\x01\x01\x01\x01\x01\r\n"
        "----------------------------838426348005349291306947--\r\n"),
        "--------------------------838426348005349291306947"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    pg_fx_expect(fx, "segment_index", PG_S("0"));
    pg_fx_expect(fx, "media" PG_FIELD_MEDIA, PG_S(""));
}


static void
test_googleapis_related(void **state)
{
    pg_fx_t  *fx = *state;

    /* YouTube upload: unnamed JSON metadata part, then the video */
    assert_int_equal(pg_mp(fx, PG_S(
        "--63833d52-06ba-4ceb-a95e-f845539d43f1\r\n"
        "content-type: application/json\r\n"
        "\r\n"
        "{\"snippet\":{\"title\":\"" PHI "\",\"description\":\"d\"},"
        "\"status\":{\"privacyStatus\":\"private\"}}\r\n"
        "--63833d52-06ba-4ceb-a95e-f845539d43f1\r\n"
        "content-type: video/mp4\r\n"
        "\r\n"
        "\0\0\0\x18" "ftypmp42\0\0\0\0\x03\x03\x03\r\n"
        "--63833d52-06ba-4ceb-a95e-f845539d43f1--"),
        "63833d52-06ba-4ceb-a95e-f845539d43f1"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);

    pg_fx_expect(fx, "snippet.title", PG_S(PHI));
    pg_fx_expect(fx, PG_FIELD_MEDIA, PG_S(""));   /* an unnamed part */
    pg_fx_expect(fx, "snippet.description", PG_S("d"));
    pg_fx_expect(fx, "status.privacyStatus", PG_S("private"));
}


static void
test_linkedin_tunnel_mixed(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    /* Rest.li query tunnelling: a form part and a JSON part */
    assert_int_equal(pg_mp(fx, PG_S(
        "--xyz\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "\r\n"
        "q=search&keywords=Jane+Doe\r\n"
        "--xyz\r\n"
        "Content-Type: application/json\r\n"
        "\r\n"
        "{\"commentary\":\"" PHI "\"}\r\n"
        "--xyz--\r\n"),
        "xyz"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    /* offsets inside a form part are offsets in the whole body */
    f = pg_fx_expect(fx, "keywords", PG_S("Jane Doe"));
    pg_fx_raw(f, fx->copy, "Jane+Doe");

    pg_fx_expect(fx, "q", PG_S("search"));
    pg_fx_expect(fx, "commentary", PG_S(PHI));

    fx->fields.n = 0;

    /* a named form part prefixes what it holds */
    assert_int_equal(pg_mp(fx, PG_S(
        "--xyz\r\n"
        CD "\"f\"\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "\r\n"
        "a=1&message=%7B%22text%22%3A%22t%22%7D\r\n"
        "--xyz--\r\n"),
        "xyz"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);
    assert_null(pg_fx_nth(fx, "f.message", 0));

    f = pg_fx_expect(fx, "f.a", PG_S("1"));
    pg_fx_raw(f, fx->copy, "1");
    pg_fx_expect(fx, "f.message.text", PG_S("t"));
}


static void
test_bare_lf(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\n"
        CD "\"status\"\n"
        "\n"
        "line one\r\nline two\n"
        "--b\n"
        CD "\"spoiler_text\"\r\n"
        "\r\n"
        "cw\n"
        "--b--"),
        "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    /* only the line break right before the delimiter is dropped */
    f = pg_fx_expect(fx, "status", PG_S("line one\r\nline two"));
    pg_fx_raw(f, fx->copy, "line one\r\nline two");
    pg_fx_expect(fx, "spoiler_text", PG_S("cw"));
}


static void
test_preamble_epilogue(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_mp(fx, PG_S(
        "\r\n \t\r\n"
        "--b\r\n" CD "\"a\"\r\n\r\nx\r\n--b--\r\n\r\n"),
        "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);

    fx->fields.n = 0;

    assert_int_equal(pg_mp(fx, PG_S(
        "hidden before\r\n"
        "--b\r\n" CD "\"a\"\r\n\r\nx\r\n--b--\r\nhidden after"),
        "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    f = pg_fx_expect(fx, "#preamble", PG_S("hidden before\r\n"));
    assert_int_equal(f->raw_off, 0);
    f = pg_fx_expect(fx, "#epilogue", PG_S("\r\nhidden after"));
    pg_fx_raw(f, fx->copy, "\r\nhidden after");
}


static void
test_boundary_errors(void **state)
{
    pg_fx_t  *fx = *state;
    char      b[72];

    static const char  body[] = "--b\r\n" CD "\"a\"\r\n\r\nx\r\n--b--\r\n";

    assert_int_equal(pg_mp(fx, PG_S(body), NULL),
                     PG_ERR_MALFORMED_MULTIPART);
    assert_int_equal(pg_mp(fx, PG_S(body), ""), PG_ERR_MALFORMED_MULTIPART);

    memset(b, 'b', 70);
    b[70] = '\0';
    assert_int_equal(pg_mp(fx, PG_S(body), b), PG_ERR_MALFORMED_MULTIPART);

    b[70] = 'b';
    b[71] = '\0';
    assert_int_equal(pg_mp(fx, PG_S(body), b), PG_ERR_MALFORMED_MULTIPART);

    /* 70 is allowed */
    fx->fields.n = 0;
    b[70] = '\0';
    assert_int_equal(pg_extract_multipart(&fx->arena, "--", 2, b, 70,
                                          &fx->fields),
                     PG_ERR_MALFORMED_MULTIPART);

    assert_int_equal(pg_mp(fx, PG_S(body), "c"), PG_ERR_MALFORMED_MULTIPART);
    assert_int_equal(fx->fields.n, 0);
    assert_int_equal(pg_mp(fx, PG_S(body), "b"), PG_OK);
}


static void
test_structure_errors(void **state)
{
    pg_fx_t   *fx = *state;
    unsigned   i;

    static const struct {
        const char  *s;
        size_t       len;
    } bad[] = {
        /* never closed */
        { PG_S("--b\r\n" CD "\"a\"\r\n\r\nx\r\n") },
        { PG_S("--b\r\n" CD "\"a\"\r\n\r\nx\r\n--b") },
        { PG_S("--b\r\n" CD "\"a\"\r\n\r\nx\r\n--b-") },
        { PG_S("--b\r\n" CD "\"a\"\r\n\r\nx\r\n--b\r\n") },
        { PG_S("--b") },
        { PG_S("--b\r\n") },
        /* the delimiter must start a line */
        { PG_S("--b\r\n" CD "\"a\"\r\n\r\nx --b--") },
        /* header block never ends */
        { PG_S("--b\r\n" CD "\"a\"\r\n--b--") },
        { PG_S("--b\r\n" CD "\"a\"--b--\r\n") },
        { PG_S("--b\r\nhello\r\n--b--\r\n") },
        { PG_S("") },
    };

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (pg_mp(fx, bad[i].s, bad[i].len, "b")
            != PG_ERR_MALFORMED_MULTIPART)
        {
            fail_msg("input %u accepted", i);
        }
    }

    /* "x--b" is no delimiter: all before the closing one is preamble */
    fx->fields.n = 0;
    assert_int_equal(pg_mp(fx, PG_S("x--b\r\n" CD "\"a\"\r\n\r\ny\r\n"
                                    "--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);
    pg_fx_expect(fx, "#preamble", PG_S("x--b\r\n" CD "\"a\"\r\n\r\ny\r\n"));
}


static void
test_header_limits(void **state)
{
    pg_fx_t   *fx = *state;
    char       body[8192];
    size_t     n;
    unsigned   i;

    /* 32 header lines pass, 33 do not */
    for (i = 32; i <= 33; i++) {
        memcpy(body, "--b\r\n", 5);
        n = 5;

        while (n < 5 + 6 * i) {
            memcpy(body + n, "X: y\r\n", 6);
            n += 6;
        }

        memcpy(body + n, "\r\nv\r\n--b--", 10);
        n += 10;

        assert_int_equal(pg_mp(fx, body, n, "b"),
                         i == 32 ? PG_OK : PG_ERR_MALFORMED_MULTIPART);
    }

    /* a 4096-byte header line passes, a longer one does not */
    for (i = 4096; i <= 4097; i++) {
        memcpy(body, "--b\r\nX: ", 8);
        memset(body + 8, 'y', i - 3);
        n = 5 + i;
        memcpy(body + n, "\r\n\r\nv\r\n--b--", 12);
        n += 12;

        assert_int_equal(pg_mp(fx, body, n, "b"),
                         i == 4096 ? PG_OK : PG_ERR_MALFORMED_MULTIPART);
    }
}


static void
test_ambiguous_headers(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"a\"\r\n" CD "\"b\"\r\n\r\nx\r\n--b--"), "b"),
                     PG_ERR_MALFORMED_MULTIPART);

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"a\"; name=\"b\"\r\n\r\nx\r\n--b--"), "b"),
                     PG_ERR_MALFORMED_MULTIPART);

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"a\"\r\nContent-Type: image/png\r\n"
        "content-type: text/plain\r\n\r\nx\r\n--b--"), "b"),
                     PG_ERR_MALFORMED_MULTIPART);

    /* header names are case-insensitive, unknown ones are ignored */
    fx->fields.n = 0;
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\ncontent-DISPOSITION: form-data; NAME=status\r\n"
        "X-Other: 1\r\n\r\nx\r\n--b--"), "b"),
                     PG_OK);
    pg_fx_expect(fx, "status", PG_S("x"));
}


static void
test_filename_quoting(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n"
        CD "\"up\\\"load\"; filename=\"Jane \\\"JD\\\" Doe; MRN 12345.png\";"
        " filename*=UTF-8''x.png\r\n"
        "Content-Type: image/png\r\n\r\n" PNG "\r\n--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    /* ';' inside quotes does not end the value; escapes are undone */
    f = pg_fx_expect(fx, "up\"load#filename",
                     PG_S("Jane \"JD\" Doe; MRN 12345.png"));
    pg_fx_raw(f, fx->copy, "Jane \\\"JD\\\" Doe; MRN 12345.png");

    fx->fields.n = 0;

    /* a text part with a file name: both are inspected */
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "notes; filename=notes.txt\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nnote\r\n--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);
    pg_fx_expect(fx, "notes#filename", PG_S("notes.txt"));
    pg_fx_expect(fx, "notes", PG_S("note"));
}


static void
test_encodings(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"status\"\r\nContent-Transfer-Encoding: base64\r\n"
        "\r\nUGF0aWVudA==\r\n--b--"), "b"),
                     PG_ERR_ENCODING);

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"status\"\r\n"
        "Content-Type: text/plain; charset=UTF-16LE\r\n"
        "\r\nP\0a\0\r\n--b--"), "b"),
                     PG_ERR_ENCODING);

    /* identity encodings are fine, and an encoded image is still media */
    fx->fields.n = 0;
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"status\"\r\nContent-Transfer-Encoding: 8bit\r\n"
        "\r\ns\r\n"
        "--b\r\n" CD "\"img\"\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--"),
        "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);
    pg_fx_expect(fx, "status", PG_S("s"));
}


static void
test_text_disguised_as_media(void **state)
{
    pg_fx_t  *fx = *state;

    /* Rack and PHP read a part without a file name as a string */
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"status\"\r\nContent-Type: image/png\r\n\r\n"
        PHI " caf\xc3\xa9\r\n"
        "--b\r\n" CD "\"doc\"; filename=\"x.pdf\"\r\n"
        "Content-Type: application/pdf\r\n\r\nplain words\r\n"
        "--b\r\n" CD "\"bin\"\r\nContent-Type: application/x-foo\r\n\r\n"
        "text\xff\r\n"
        "--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 4);

    pg_fx_expect(fx, "status", PG_S(PHI " caf\xc3\xa9"));
    pg_fx_expect(fx, "doc#filename", PG_S("x.pdf"));
    pg_fx_expect(fx, "doc", PG_S("plain words"));
    pg_fx_expect(fx, "bin" PG_FIELD_MEDIA, PG_S(""));
}


static void
test_bad_json_part(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"meta\"\r\nContent-Type: application/json\r\n\r\n"
        "{'title':'t'}\r\n"
        "--b\r\n" CD "\"meta2\"\r\nContent-Type: application/json\r\n\r\n"
        "{\"snippet\":{\"title\":\"t2\"}}\r\n"
        "--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);

    f = pg_fx_expect(fx, "meta", PG_S("{'title':'t'}"));
    pg_fx_raw(f, fx->copy, "{'title':'t'}");
    pg_fx_expect(fx, "meta2.snippet.title", PG_S("t2"));
}


/*
 * A Graph batch with a file attached (the fb client switches to
 * multipart when a value is a Buffer): its "batch" part is the JSON a
 * form-encoded batch carries in its field, each item's body form-encoded
 * (twice in all for the form, once here).
 */
#define BATCH_JSON                                                           \
    "[{\"method\":\"POST\",\"relative_url\":\"me/photos\","                  \
    "\"body\":\"message=Patient%20Jane%20Doe%20MRN%2012345\","               \
    "\"attached_files\":\"file1\"},"                                         \
    "{\"method\":\"POST\",\"relative_url\":\"me/messages?access_token=t\","  \
    "\"body\":\"recipient=%7B%22id%22%3A%2277%22%7D&message="                \
    "%7B%22text%22%3A%22(555)%20123-4567%22%7D\"}]"


static void
test_graph_batch_as_form(void **state)
{
    pg_fx_t            *fx = *state;
    char                form[sizeof("batch=") + 3 * sizeof(BATCH_JSON)];
    size_t              i, n;
    pg_fields_t         as_form;
    const pg_field_t   *f, *g;

    n = sizeof("batch=") - 1;
    memcpy(form, "batch=", n);

    for (i = 0; i < sizeof(BATCH_JSON) - 1; i++) {
        n += sprintf(form + n, "%%%02X", (unsigned char) BATCH_JSON[i]);
    }

    assert_int_equal(pg_extract_form(&fx->arena, pg_fx_buf(fx, form, n), n,
                                     PG_SRC_BODY, &fx->fields),
                     PG_OK);
    assert_int_equal(fx->fields.n, 7);

    as_form = fx->fields;
    memset(&fx->fields, 0, sizeof(pg_fields_t));

    assert_int_equal(pg_mp(fx, PG_S(
        "--XyZ\r\n" CD "\"batch\"\r\n\r\n" BATCH_JSON "\r\n"
        "--XyZ\r\n" CD "\"file1\"; filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n\r\n" PNG "\r\n"
        "--XyZ--\r\n"), "XyZ"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 7 + 2);

    /* the same names and texts in the same order, the file after them */
    for (i = 0; i < as_form.n; i++) {
        f = &as_form.items[i];
        g = &fx->fields.items[i];

        assert_string_equal(g->name, f->name);
        assert_int_equal(g->len, f->len);
        assert_memory_equal(g->text, f->text, f->len);
        assert_int_equal(g->raw_len, 0);
    }

    assert_null(pg_fx_nth(fx, "batch", 0));
    assert_string_equal(pg_fx_nth(fx, "batch[].relative_url", 1)->text,
                        "me/messages?access_token=t");
    assert_string_equal(pg_fx_nth(fx, "batch[].body", 0)->text,
                        "message=Patient%20Jane%20Doe%20MRN%2012345");
    pg_fx_expect(fx, "batch[].attached_files", PG_S("file1"));
    pg_fx_expect(fx, "file1#filename", PG_S("a.png"));
    pg_fx_expect(fx, "file1" PG_FIELD_MEDIA, PG_S(""));
}


static void
test_json_like_text_part(void **state)
{
    pg_fx_t            *fx = *state;
    const pg_field_t   *f;

    /* as for a form field: pseudo-JSON and text in brackets stay whole */
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"message\"\r\n\r\n{'text':'hi'}\r\n"
        "--b\r\n" CD "\"status\"\r\nContent-Type: text/plain\r\n\r\n"
        "[Update] clinic hours\r\n"
        "--b\r\n" CD "\"recipient\"\r\n\r\n {\"id\":\"77\"}\r\n"
        "--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 3);

    f = pg_fx_expect(fx, "message", PG_S("{'text':'hi'}"));
    pg_fx_raw(f, fx->copy, "{'text':'hi'}");
    f = pg_fx_expect(fx, "status", PG_S("[Update] clinic hours"));
    pg_fx_raw(f, fx->copy, "[Update] clinic hours");
    pg_fx_expect(fx, "recipient.id", PG_S("77"));
}


static void
test_nested(void **state)
{
    pg_fx_t   *fx = *state;
    char       body[2048];
    size_t     n;
    unsigned   i, depth;

    /* RFC 2388 file sets: multipart/mixed inside a form-data part */
    assert_int_equal(pg_mp(fx, PG_S(
        "--AaB03x\r\n" CD "\"submit-name\"\r\n\r\nLarry\r\n"
        "--AaB03x\r\n" CD "\"files\"\r\n"
        "Content-Type: multipart/mixed; boundary=BbC04y\r\n\r\n"
        "--BbC04y\r\nContent-Disposition: file; filename=\"file1.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\n... contents of file1.txt ...\r\n"
        "--BbC04y\r\nContent-Disposition: file; filename=\"file2.gif\"\r\n"
        "Content-Type: image/gif\r\n\r\nGIF89a\x01\0\x01\0\r\n"
        "--BbC04y--\r\n"
        "--AaB03x--\r\n"), "AaB03x"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 5);

    pg_fx_expect(fx, "submit-name", PG_S("Larry"));
    pg_fx_expect(fx, "files" PG_FIELD_MEDIA, PG_S(""));
    assert_string_equal(pg_fx_nth(fx, "files#filename", 0)->text,
                        "file1.txt");
    assert_string_equal(pg_fx_nth(fx, "files#filename", 1)->text,
                        "file2.gif");
    pg_fx_expect(fx, "files", PG_S("... contents of file1.txt ..."));

    /* inner parts close with the inner boundary or the body is refused */
    assert_int_equal(pg_mp(fx, PG_S(
        "--o\r\n" CD "\"f\"\r\nContent-Type: multipart/mixed; boundary=i"
        "\r\n\r\n--i\r\n\r\nx\r\n--o--\r\n"), "o"),
                     PG_ERR_MALFORMED_MULTIPART);

    assert_int_equal(pg_mp(fx, PG_S(
        "--o\r\n" CD "\"f\"\r\nContent-Type: multipart/mixed\r\n\r\n"
        "x\r\n--o--\r\n"), "o"),
                     PG_ERR_MALFORMED_MULTIPART);

    /* nesting is followed 3 levels below the body, no deeper */
    for (depth = 3; depth <= 4; depth++) {
        n = 0;

        for (i = 0; i < depth; i++) {
            n += sprintf(body + n, "--%u\r\nContent-Type: multipart/mixed; "
                         "boundary=%u\r\n\r\n", i, i + 1);
        }

        n += sprintf(body + n, "--%u\r\n\r\nleaf\r\n--%u--\r\n", i, i);

        while (i--) {
            n += sprintf(body + n, "--%u--\r\n", i);
        }

        fx->fields.n = 0;

        assert_int_equal(pg_mp(fx, body, n, "0"),
                         depth == 3 ? PG_OK : PG_ERR_TOO_COMPLEX);
    }

    assert_string_equal(fx->fields.items[0].text, "leaf");
}


static void
test_delimiter_lines(void **state)
{
    pg_fx_t  *fx = *state;

    /* transport padding after a delimiter */
    assert_int_equal(pg_mp(fx, PG_S(
        "--b \t\r\n" CD "\"a\"\r\n\r\nx\r\n--b\t\r\n" CD "\"c\"\r\n\r\ny\r\n"
        "--b--  \r\n"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);
    pg_fx_expect(fx, "a", PG_S("x"));
    pg_fx_expect(fx, "c", PG_S("y"));

    /*
     * A line that merely starts with the delimiter is one too (RFC 2046
     * forbids such lines in content), so text after it is not lost in a
     * part the gateway did not see.
     */
    fx->fields.n = 0;
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"a\"\r\n\r\nx\r\n--bogus\r\n" CD "\"c\"\r\n\r\ny\r\n"
        "--b--"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 2);
    pg_fx_expect(fx, "c", PG_S("y"));

    /* "--" in content is not a delimiter */
    fx->fields.n = 0;
    assert_int_equal(pg_mp(fx, PG_S(
        "--b\r\n" CD "\"a\"\r\n\r\n--\r\n-- b\r\n--c\r\n--b--"), "b"),
                     PG_OK);
    pg_fx_expect(fx, "a", PG_S("--\r\n-- b\r\n--c"));
}


static void
test_empty_parts(void **state)
{
    pg_fx_t  *fx = *state;

    assert_int_equal(pg_mp(fx, PG_S("--b--"), "b"), PG_OK);
    assert_int_equal(pg_mp(fx, PG_S("--b\r\n--b\r\n--b--\r\n"), "b"),
                     PG_OK);
    assert_int_equal(fx->fields.n, 0);

    /* an empty value is still a field */
    assert_int_equal(pg_mp(fx, PG_S("--b\r\n" CD "\"a\"\r\n\r\n\r\n--b--"),
                           "b"),
                     PG_OK);
    pg_fx_expect(fx, "a", "", 0);

    /* a part with no headers is a text part with no name */
    fx->fields.n = 0;
    assert_int_equal(pg_mp(fx, PG_S("--b\r\n\r\nanon\r\n--b--"), "b"),
                     PG_OK);
    pg_fx_expect(fx, "", PG_S("anon"));
}


static void
test_body_dispatch(void **state)
{
    pg_fx_t             *fx = *state;

    static const char    ct[] =
        "multipart/form-data; charset=utf-8; boundary=\"a b;c\"";
    static const char    body[] =
        "--a b;c\r\n" CD "\"status\"\r\n\r\nhello\r\n--a b;c--\r\n";

    assert_int_equal(pg_extract_body(&fx->arena, PG_S(ct),
                                     pg_fx_buf(fx, PG_S(body)),
                                     sizeof(body) - 1, &fx->fields),
                     PG_OK);
    assert_int_equal(fx->fields.n, 1);
    pg_fx_expect(fx, "status", PG_S("hello"));

    assert_int_equal(pg_extract_body(&fx->arena,
                                     PG_S("multipart/form-data"),
                                     pg_fx_buf(fx, PG_S(body)),
                                     sizeof(body) - 1, &fx->fields),
                     PG_ERR_MALFORMED_MULTIPART);
}


static void
test_field_limit(void **state)
{
    pg_fx_t   *fx = *state;
    char      *body;
    size_t     i, n, part;

    static const char  one[] = "--b\r\n\r\nx\r\n";

    part = sizeof(one) - 1;
    n = part * (PG_FIELDS_MAX + 1);

    body = malloc(n + 5);
    assert_non_null(body);

    for (i = 0; i < n; i += part) {
        memcpy(body + i, one, part);
    }

    memcpy(body + n, "--b--", 5);

    assert_int_equal(pg_mp(fx, body, n + 5, "b"), PG_ERR_TOO_COMPLEX);
    assert_int_equal(fx->fields.n, PG_FIELDS_MAX);

    free(body);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        PG_FX_TEST(test_masto_media_text_after_file),
        PG_FX_TEST(test_graph_photo),
        PG_FX_TEST(test_x_append),
        PG_FX_TEST(test_googleapis_related),
        PG_FX_TEST(test_linkedin_tunnel_mixed),
        PG_FX_TEST(test_bare_lf),
        PG_FX_TEST(test_preamble_epilogue),
        PG_FX_TEST(test_boundary_errors),
        PG_FX_TEST(test_structure_errors),
        PG_FX_TEST(test_header_limits),
        PG_FX_TEST(test_ambiguous_headers),
        PG_FX_TEST(test_filename_quoting),
        PG_FX_TEST(test_encodings),
        PG_FX_TEST(test_text_disguised_as_media),
        PG_FX_TEST(test_bad_json_part),
        PG_FX_TEST(test_graph_batch_as_form),
        PG_FX_TEST(test_json_like_text_part),
        PG_FX_TEST(test_nested),
        PG_FX_TEST(test_delimiter_lines),
        PG_FX_TEST(test_empty_parts),
        PG_FX_TEST(test_body_dispatch),
        PG_FX_TEST(test_field_limit),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
