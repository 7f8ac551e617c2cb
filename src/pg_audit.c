/*
 * Copyright (C) phigate authors
 *
 * Records are built with jansson so that every string is escaped by one
 * well-tested encoder; client-chosen strings (host, path, field names, a
 * published post's text) are made valid UTF-8 first because jansson
 * refuses anything else.
 */


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/evp.h>
#include <utf8proc.h>

#include "pg_audit.h"
#include "pg_marker.h"


/*
 * Findings grouped by (type, field) for the record and the answer; a
 * custom rule's findings by rule and severity too.
 */
typedef struct {
    pg_type_t     type;
    uint32_t      field;
    const char   *rule;
    unsigned      log_only:1;
    size_t        count;
    size_t        first;    /* index of the first finding of the group */
    unsigned      confidence;   /* the group's highest */
} pg_group_t;


#define PG_OFFSETS_MAX  32


static json_t *pg_json_str(const char *s, size_t len);
static json_t *pg_findings_json(const pg_audit_t *au, int offsets);
static int pg_group_has(const pg_group_t *g, const pg_finding_t *f);
static json_t *pg_allowed_json(const pg_inspection_t *in);
static json_t *pg_text_json(const pg_audit_t *au);
static int pg_text_field(const pg_audit_t *au, const pg_field_t *fld);
static char *pg_dump(json_t *obj, size_t *len, int newline);


char *
pg_audit_line(const pg_audit_t *au, size_t *len)
{
    char                   ts[PG_AUDIT_TIME_LEN + 1];
    json_t                *o, *allowed;
    const pg_request_t    *req;
    const pg_inspection_t *in;

    req = au->req;
    in = au->insp;

    pg_audit_time(au->sec, au->msec, ts);

    o = json_object();
    if (o == NULL) {
        return NULL;
    }

    json_object_set_new(o, "schema", json_integer(PG_AUDIT_SCHEMA));
    json_object_set_new(o, "time", json_string(ts));

    /* where the record was written, when several gateways feed one store */
    if (au->gateway != NULL && au->gateway_len > 0) {
        json_object_set_new(o, "gateway",
                            pg_json_str(au->gateway, au->gateway_len));
    }

    json_object_set_new(o, "request_id",
                        pg_json_str(au->request_id, au->request_id_len));
    json_object_set_new(o, "decision",
                        json_string(pg_decision_name(au->verdict->decision)));
    json_object_set_new(o, "reason", json_string(au->verdict->reason));
    json_object_set_new(o, "mode", json_string(pg_mode_name(au->mode)));
    json_object_set_new(o, "platform",
                        json_string(in->platform ? in->platform->name
                                                 : "generic"));
    json_object_set_new(o, "dm", json_boolean(in->dm));
    json_object_set_new(o, "host", pg_json_str(req->host, req->host_len));
    json_object_set_new(o, "method",
                        pg_json_str(req->method, req->method_len));
    json_object_set_new(o, "path", pg_json_str(req->path, req->path_len));
    json_object_set_new(o, "status", json_integer(au->status));
    json_object_set_new(o, "findings", pg_findings_json(au, 1));

    /* how many findings the allow-list dropped: types and counts only */
    allowed = pg_allowed_json(in);
    if (allowed != NULL) {
        json_object_set_new(o, "allowed", allowed);
    }

    json_object_set_new(o, "body_length",
                        au->body_len >= 0 ? json_integer(au->body_len)
                                          : json_null());
    json_object_set_new(o, "body_sha256",
                        au->body_sha256 ? json_string(au->body_sha256)
                                        : json_null());

    /* which grant was used: references and hashes, never a token */
    if (au->consent_ref != NULL) {
        json_object_set_new(o, "consent", json_string(au->consent_ref));
    }

    if (au->approval != NULL) {
        json_object_set_new(o, "approval", json_string(au->approval));
    }

    if (au->identity != NULL && au->identity_len > 0) {
        json_object_set_new(o, "identity",
                            pg_json_str(au->identity, au->identity_len));
    }

    if (au->credential != NULL) {
        json_object_set_new(o, "credential", json_string(au->credential));
    }

    /* post history: what the platform answered, and what it created */
    if (au->upstream_status > 0) {
        json_object_set_new(o, "upstream_status",
                            json_integer(au->upstream_status));
        json_object_set_new(o, "post_id", au->post_id != NULL
                                          ? json_string(au->post_id)
                                          : json_null());
    }

    /* phigate_audit_text: what the platform published, nothing blocked */
    if (au->text != NULL) {
        json_object_set_new(o, "text", pg_text_json(au));
    }

    return pg_dump(o, len, 1);
}


void
pg_audit_time(time_t sec, unsigned msec, char *buf)
{
    char       ts[64];
    struct tm  tm;

    gmtime_r(&sec, &tm);
    snprintf(ts, sizeof(ts), "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec, msec % 1000);

    /* four-digit years: always PG_AUDIT_TIME_LEN */
    memcpy(buf, ts, PG_AUDIT_TIME_LEN);
    buf[PG_AUDIT_TIME_LEN] = '\0';
}


char *
pg_block_body(const pg_audit_t *au, size_t *len)
{
    json_t  *o;

    o = json_object();
    if (o == NULL) {
        return NULL;
    }

    json_object_set_new(o, "error", json_string(au->verdict->reason));
    json_object_set_new(o, "request_id",
                        pg_json_str(au->request_id, au->request_id_len));

    if (au->insp->findings.n) {
        json_object_set_new(o, "findings", pg_findings_json(au, 0));
    }

    return pg_dump(o, len, 0);
}


size_t
pg_findings_summary(const pg_findings_t *f, char *buf, size_t size)
{
    int     n;
    size_t  i, t, count, pos;

    if (size == 0) {
        return 0;
    }

    pos = 0;

    for (t = 0; t < PG_T__COUNT; t++) {
        count = 0;

        for (i = 0; i < f->n; i++) {
            count += (f->items[i].type == t);
        }

        if (count == 0) {
            continue;
        }

        n = snprintf(buf + pos, size - pos, "%s%s:%zu", pos ? "," : "",
                     pg_type_name(t), count);

        if (n < 0 || (size_t) n >= size - pos) {
            /* keep whole entries only */
            buf[pos] = '\0';
            break;
        }

        pos += n;
    }

    if (pos == 0) {
        pos = snprintf(buf, size, "-");
    }

    return pos < size ? pos : size - 1;
}


int
pg_sha256_hex(const void *data, size_t len, char *out)
{
    unsigned       i, n;
    unsigned char  md[EVP_MAX_MD_SIZE];

    if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1) {
        return -1;
    }

    for (i = 0; i < n; i++) {
        snprintf(out + 2 * i, 3, "%02x", md[i]);
    }

    return 0;
}


/*
 * Findings grouped by type and field, in order of first appearance.  The
 * answer to the client gets type, field, count; the audit record also gets
 * the first offsets and lengths, so that a reviewer can find the spot in
 * the archived post, and the group's highest confidence.
 * A custom rule's findings name the rule; those of a "log" rule are
 * marked so, and left out of the answer (they blocked nothing).
 */
static json_t *
pg_findings_json(const pg_audit_t *au, int offsets)
{
    size_t                i, j, k, ngroups;
    json_t               *arr, *g, *offs, *lens;
    pg_group_t           *groups;
    const pg_field_t     *fld;
    const pg_finding_t   *fi, *fj;
    const pg_findings_t  *f;

    f = &au->insp->findings;

    arr = json_array();
    if (arr == NULL || f->n == 0) {
        return arr;
    }

    groups = calloc(f->n, sizeof(pg_group_t));
    if (groups == NULL) {
        return arr;
    }

    ngroups = 0;

    for (i = 0; i < f->n; i++) {
        fi = &f->items[i];

        if (fi->log_only && !offsets) {
            continue;
        }

        for (j = 0; j < ngroups; j++) {
            if (pg_group_has(&groups[j], fi)) {
                groups[j].count++;

                if (fi->confidence > groups[j].confidence) {
                    groups[j].confidence = fi->confidence;
                }

                break;
            }
        }

        if (j == ngroups) {
            groups[ngroups].type = fi->type;
            groups[ngroups].field = fi->field;
            groups[ngroups].rule = fi->rule;
            groups[ngroups].log_only = fi->log_only;
            groups[ngroups].count = 1;
            groups[ngroups].first = i;
            groups[ngroups].confidence = fi->confidence;
            ngroups++;
        }
    }

    for (j = 0; j < ngroups; j++) {
        fld = &au->insp->fields.items[groups[j].field];

        g = json_object();
        json_object_set_new(g, "type",
                            json_string(pg_type_name(groups[j].type)));

        /* rule names are the operator's (phigate_rules), never a value */
        if (groups[j].rule != NULL) {
            json_object_set_new(g, "rule", json_string(groups[j].rule));
        }

        if (groups[j].log_only) {
            json_object_set_new(g, "severity", json_string("log"));
        }

        json_object_set_new(g, "field", pg_json_str(fld->name,
                                                    strlen(fld->name)));
        if (offsets) {
            json_object_set_new(g, "source",
                                json_string(fld->source == PG_SRC_QUERY
                                            ? "query" : "body"));
        }

        json_object_set_new(g, "count", json_integer(groups[j].count));

        if (offsets) {
            json_object_set_new(g, "confidence",
                                json_integer(groups[j].confidence));

            offs = json_array();
            lens = json_array();

            for (k = groups[j].first, i = 0;
                 k < f->n && i < PG_OFFSETS_MAX;
                 k++)
            {
                fj = &f->items[k];

                if (pg_group_has(&groups[j], fj)) {
                    json_array_append_new(offs, json_integer(fj->off));
                    json_array_append_new(lens, json_integer(fj->len));
                    i++;
                }
            }

            json_object_set_new(g, "offsets", offs);
            json_object_set_new(g, "lengths", lens);
        }

        json_array_append_new(arr, g);
    }

    free(groups);

    return arr;
}


static int
pg_group_has(const pg_group_t *g, const pg_finding_t *f)
{
    return g->type == f->type && g->field == f->field && g->rule == f->rule
           && g->log_only == f->log_only;
}


/* {"PHONE":2,"NAME":1}: findings the allow-list dropped; NULL for none */
static json_t *
pg_allowed_json(const pg_inspection_t *in)
{
    size_t   t;
    json_t  *o;

    o = NULL;

    for (t = 0; t < PG_T__COUNT; t++) {
        if (in->allowed[t] == 0) {
            continue;
        }

        if (o == NULL) {
            o = json_object();
            if (o == NULL) {
                return NULL;
            }
        }

        json_object_set_new(o, pg_type_name(t), json_integer(in->allowed[t]));
    }

    return o;
}


/*
 * The published text, field name -> decoded text, in the request's
 * order; a name the request has several times (poll.options[]) gets an
 * array of its texts.  A consent marker the gateway removed before
 * forwarding is removed here too (rule R, pg_marker.h): the record holds
 * the text as the platform got it, never the token.
 */
static json_t *
pg_text_json(const pg_audit_t *au)
{
    size_t             i, len;
    json_t            *obj, *key, *val, *old, *arr;
    const char        *text;
    const pg_field_t  *fld;

    obj = json_object();
    if (obj == NULL) {
        return NULL;
    }

    for (i = 0; i < au->text->n; i++) {
        fld = &au->text->items[i];

        if (!pg_text_field(au, fld)) {
            continue;
        }

        text = fld->text;
        len = fld->len;

        if (au->text_unmark) {
            text = pg_marker_strip_text(au->arena, fld->text, fld->len,
                                        &len);
        }

        /* out of memory: say the text is missing, never keep a marker */
        val = (text != NULL) ? pg_json_str(text, len) : json_null();

        /* object keys must be valid UTF-8 too */
        key = pg_json_str(fld->name, strlen(fld->name));
        if (key == NULL) {
            json_decref(val);
            continue;
        }

        old = json_object_get(obj, json_string_value(key));

        if (old == NULL) {
            json_object_set_new(obj, json_string_value(key), val);

        } else if (json_is_array(old)) {
            json_array_append_new(old, val);

        } else {
            arr = json_array();
            json_array_append(arr, old);
            json_array_append_new(arr, val);
            json_object_set_new(obj, json_string_value(key), arr);
        }

        json_decref(key);
    }

    return obj;
}


/*
 * Text the platform shows: not the platform's identifier and credential
 * fields (never inspected either), not media (an upload, "name#media", or
 * a field the profile lists as media: image URLs, media ids), not a
 * multipart file part's name nor what lies outside the parts.
 */
static int
pg_text_field(const pg_audit_t *au, const pg_field_t *fld)
{
    size_t                i, n, len;
    const char           *sfx;
    const char *const    *m;
    const pg_platform_t  *p;

    static const char  *outside[] = {
        "#filename", "#preamble", "#epilogue", PG_FIELD_MEDIA
    };

    p = au->insp->platform;
    len = strlen(fld->name);

    if (p != NULL) {
        if (pg_platform_skip_field(p, fld->name)) {
            return 0;
        }

        for (m = p->media; m != NULL && *m != NULL; m++) {
            if (pg_glob_match(*m, fld->name, len)) {
                return 0;
            }
        }
    }

    for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
        sfx = outside[i];
        n = strlen(sfx);

        if (len >= n && memcmp(fld->name + len - n, sfx, n) == 0) {
            return 0;
        }
    }

    return 1;
}


/* a JSON string of s, with invalid UTF-8 bytes replaced by U+FFFD */
static json_t *
pg_json_str(const char *s, size_t len)
{
    char          *buf, *p;
    json_t        *js;
    size_t         i;
    utf8proc_int32_t  cp;
    utf8proc_ssize_t  n;

    if (s == NULL) {
        return json_string("");
    }

    js = json_stringn(s, len);
    if (js != NULL) {
        return js;
    }

    /* each invalid byte becomes 3 bytes at most */
    buf = malloc(len * 3 + 1);
    if (buf == NULL) {
        return json_string("");
    }

    p = buf;

    for (i = 0; i < len; /* void */) {
        n = utf8proc_iterate((const utf8proc_uint8_t *) s + i,
                             (utf8proc_ssize_t) (len - i), &cp);

        if (n <= 0 || cp == 0) {
            memcpy(p, "\xef\xbf\xbd", 3);
            p += 3;
            i++;
            continue;
        }

        memcpy(p, s + i, n);
        p += n;
        i += n;
    }

    js = json_stringn(buf, p - buf);
    free(buf);

    return js != NULL ? js : json_string("");
}


static char *
pg_dump(json_t *obj, size_t *len, int newline)
{
    char    *s, *line;
    size_t   n;

    s = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(obj);

    if (s == NULL) {
        return NULL;
    }

    n = strlen(s);

    if (!newline) {
        *len = n;
        return s;
    }

    line = realloc(s, n + 2);
    if (line == NULL) {
        free(s);
        return NULL;
    }

    line[n] = '\n';
    line[n + 1] = '\0';
    *len = n + 1;

    return line;
}
