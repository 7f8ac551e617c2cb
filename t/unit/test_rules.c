/*
 * Copyright (C) phigate authors
 *
 * Custom rules (pg_rules.c, pg_rules_scan.c): the file format and its
 * errors, regexes and phrases on normalised text with offsets mapped
 * back, severities, cue words, one finding per identifier, and the bound
 * on a pattern's work (too_complex, with and without JIT).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unit.h"
#include "pg_conffile.h"
#include "pg_decide.h"
#include "pg_detect.h"
#include "pg_inspect.h"
#include "pg_rules.h"


#define PG_FILE  "hospital.rules"


static const char  pg_good[] =
    "# an example of every key\n"
    "[hospital_mrn]\n"
    "type = MRN\n"
    "severity = block\n"
    "regex = \\bMRN-\\d{7}\\b\n"
    "\n"
    "[claims]\n"
    "  type     = CUSTOM  \r\n"
    "severity = block\n"
    "phrase = guaranteed cure\n"
    "phrase = miracle cure\n"
    "phrase = 100% effective\n"
    "phrase = no side-effects\n"
    "phrase = curaci\xc3\xb3n milagrosa\n"
    "\n"
    "[off_label]\n"
    "type = custom\n"
    "severity = log\n"
    "phrase = FDA approved\n"
    "cue = for\n"
    "cue = to treat\n"
    "cue_window = 3\n";


typedef struct {
    pg_arena_t      arena;
    pg_rules_t     *rules;
    pg_fields_t     fields;
    pg_findings_t   findings;
    char            err[256];
} pg_rt_t;


static int
setup(void **state)
{
    return pg_unit_setup(state, sizeof(pg_rt_t));
}


static int
teardown(void **state)
{
    pg_rt_t  *fx = *state;

    pg_rules_free(fx->rules);

    return pg_unit_teardown(state);
}


static pg_rules_t *
parse(pg_rt_t *fx, const char *text, unsigned flags)
{
    pg_rules_free(fx->rules);
    fx->rules = pg_rules_parse(text, strlen(text), PG_FILE, flags, fx->err,
                               sizeof(fx->err));
    return fx->rules;
}


/* the rules (and the built-in detectors) over text as one field */
static pg_status_t
scan(pg_rt_t *fx, const char *text)
{
    pg_rules_run_t  *run;

    memset(&fx->fields, 0, sizeof(pg_fields_t));
    memset(&fx->findings, 0, sizeof(pg_findings_t));

    assert_int_equal(pg_fields_add(&fx->fields, &fx->arena, "message", 7,
                                   text, strlen(text), PG_SRC_BODY, 0, 0),
                     PG_OK);

    run = pg_rules_start(fx->rules, &fx->arena);
    assert_non_null(run);

    return pg_detect_field_rules(&fx->arena, &fx->fields, 0, run,
                                 &fx->findings);
}


/* the one finding of rule (NULL: any) in the last scan, or NULL */
static const pg_finding_t *
found(pg_rt_t *fx, pg_type_t type, const char *rule)
{
    size_t               i;
    const pg_finding_t  *f, *hit;

    hit = NULL;

    for (i = 0; i < fx->findings.n; i++) {
        f = &fx->findings.items[i];

        if (f->type == type
            && (rule == NULL
                || (f->rule != NULL && strcmp(f->rule, rule) == 0)))
        {
            assert_null(hit);
            hit = f;
        }
    }

    return hit;
}


static void
expect_span(pg_rt_t *fx, const pg_finding_t *f, const char *text,
    const char *want)
{
    assert_non_null(f);

    if (f->len != strlen(want) || memcmp(text + f->off, want, f->len) != 0) {
        print_error("got \"%.*s\", wanted \"%s\"\n", (int) f->len,
                    text + f->off, want);
        fail();
    }
}


static void
test_parse_good(void **state)
{
    pg_rt_t  *fx = *state;

    assert_non_null(parse(fx, pg_good, 0));
    assert_int_equal(pg_rules_count(fx->rules), 3);
    assert_string_equal(fx->err, "");

    /* an empty file and a file of comments are no rules, and no error */
    assert_non_null(parse(fx, "", 0));
    assert_int_equal(pg_rules_count(fx->rules), 0);
    assert_non_null(parse(fx, "# nothing yet\n\n   # really\n", 0));
    assert_int_equal(pg_rules_count(fx->rules), 0);
}


/* what pg_good's rules find in a text: a span (NULL: none) of a rule */
static const struct {
    const char  *text;
    pg_type_t    type;
    const char  *rule;          /* NULL: a finding of type from anyone */
    const char  *span;
    int          log_only;
} pg_matches[] = {

    { "Your chart: MRN-4821337 is ready", PG_T_MRN, NULL,
      "MRN-4821337", 0 },

    /* fullwidth digits are folded before the rule runs; offsets map back */
    { "Ref MRN-\xef\xbc\x94\xef\xbc\x98" "21337 today", PG_T_MRN, NULL,
      "MRN-\xef\xbc\x94\xef\xbc\x98" "21337", 0 },

    /* \b: a longer number is not this format */
    { "MRN-48213370 and XMRN-4821337", PG_T_MRN, "hospital_mrn", NULL, 0 },

    { "A Miracle   Cure for back pain!", PG_T_CUSTOM, "claims",
      "Miracle   Cure", 0 },

    /* fullwidth letters and a zero-width space are folded first */
    { "\xef\xbd\x8d\xef\xbd\x89racle\xe2\x80\x8b cure", PG_T_CUSTOM,
      "claims", "\xef\xbd\x8d\xef\xbd\x89racle\xe2\x80\x8b cure", 0 },

    /* a phrase with marks reads as the text does: with or without them,
     * precomposed or in NFD; offsets cover every original byte */
    { "Una curaci\xc3\xb3n milagrosa!", PG_T_CUSTOM, "claims",
      "curaci\xc3\xb3n milagrosa", 0 },
    { "Una curacion milagrosa!", PG_T_CUSTOM, "claims",
      "curacion milagrosa", 0 },
    { "Una curacio\xcc\x81n milagrosa!", PG_T_CUSTOM, "claims",
      "curacio\xcc\x81n milagrosa", 0 },

    /* punctuation in a phrase is literal */
    { "It is 100% effective.", PG_T_CUSTOM, "claims", "100% effective", 0 },

    /* whole words only */
    { "miracle cures, guaranteed curedness, xmiracle cure", PG_T_CUSTOM,
      "claims", NULL, 0 },

    /* a cue within cue_window (3) words before, not after nor further */
    { "This drug is FDA approved to treat acne", PG_T_CUSTOM, "off_label",
      NULL, 0 },
    { "Use it to treat migraine: FDA approved!", PG_T_CUSTOM, "off_label",
      "FDA approved", 1 },
    { "to treat migraine in adults, FDA approved", PG_T_CUSTOM, "off_label",
      NULL, 0 },
    { "for adults FDA approved", PG_T_CUSTOM, "off_label", "FDA approved",
      1 },
};


static void
test_matches(void **state)
{
    pg_rt_t             *fx = *state;
    size_t               i;
    const pg_finding_t  *f;

    assert_non_null(parse(fx, pg_good, 0));

    for (i = 0; i < sizeof(pg_matches) / sizeof(pg_matches[0]); i++) {
        assert_int_equal(scan(fx, pg_matches[i].text), PG_OK);
        f = found(fx, pg_matches[i].type, pg_matches[i].rule);

        if (pg_matches[i].span == NULL) {
            if (f != NULL) {
                print_error("match #%zu: wanted none\n", i);
                fail();
            }

            continue;
        }

        expect_span(fx, f, pg_matches[i].text, pg_matches[i].span);
        assert_int_equal(f->log_only, pg_matches[i].log_only);
    }

    /* blanks and hyphens between words are one separator */
    assert_int_equal(scan(fx, "no side effects, really: no  side - effects"),
                     PG_OK);
    assert_int_equal(fx->findings.n, 2);
}


static void
test_one_finding(void **state)
{
    pg_rt_t             *fx = *state;
    const char          *t;
    const pg_finding_t  *f;

    /* a rule's match over a built-in finding of its type is that one */
    assert_non_null(parse(fx, "[mrn]\ntype = MRN\nseverity = log\n"
                              "regex = \\d{8}\n", 0));

    t = "Patient MRN 48213377 seen";
    assert_int_equal(scan(fx, t), PG_OK);
    assert_int_equal(fx->findings.n, 1);
    f = &fx->findings.items[0];
    expect_span(fx, f, t, "48213377");
    assert_null(f->rule);
    assert_false(f->log_only);       /* "log" cannot clear a built-in one */

    /* two CUSTOM rules on the same words are two findings */
    assert_non_null(parse(fx, "[a]\ntype = CUSTOM\nseverity = block\n"
                              "phrase = miracle cure\n"
                              "[b]\ntype = CUSTOM\nseverity = log\n"
                              "regex = (?i)miracle\\s+\\w+\n", 0));
    assert_int_equal(scan(fx, "a miracle cure"), PG_OK);
    assert_int_equal(fx->findings.n, 2);
    assert_non_null(found(fx, PG_T_CUSTOM, "a"));
    assert_non_null(found(fx, PG_T_CUSTOM, "b"));

    /* findings stay in offset order */
    assert_int_equal(scan(fx, "SSN 532-71-4420 then a miracle cure, then "
                              "amy@clinic.org"), PG_OK);
    assert_int_equal(fx->findings.n, 4);
    assert_true(fx->findings.items[0].off < fx->findings.items[1].off);
    assert_true(fx->findings.items[2].off < fx->findings.items[3].off);
}


static void
test_hits_bounded(void **state)
{
    pg_rt_t  *fx = *state;
    char     *t;
    size_t    i;

    assert_non_null(parse(fx, "[w]\ntype = CUSTOM\nseverity = block\n"
                              "phrase = cure\n", 0));

    t = malloc(1000 * 5 + 1);
    assert_non_null(t);

    for (i = 0; i < 1000; i++) {
        memcpy(t + 5 * i, "cure ", 5);
    }

    t[5000] = '\0';

    assert_int_equal(scan(fx, t), PG_OK);
    assert_int_equal(fx->findings.n, PG_RULE_HITS_MAX);

    free(t);
}


static double
now(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);

    return ts.tv_sec + ts.tv_nsec / 1e9;
}


/* patterns that would take minutes make the request too_complex, fast */
static void
test_too_complex(void **state)
{
    static const struct {
        const char  *rule;
        const char  *unit;      /* the text is this, repeated */
        int          always;    /* too complex with JIT too */
    } bad[] = {
        /* exponential */
        { "regex = (a+)+$\n", "a", 1 },
        /* quadratic, and under PCRE2's match limits */
        { "regex = (?:\\w|-)*+[xy]\n", "ab", 1 },
        /* quadratic in the interpreter; JIT sees through these */
        { "regex = [a-z]+[0-9]\n", "ab", 0 },
        { "regex = (?:a|b)*c\n", "ab", 0 },
        { NULL, NULL, 0 }
    };
    pg_rt_t   *fx = *state;
    char       rules[256], *t;
    size_t     i, k, n, u;
    double        t0;
    unsigned      flags;
    pg_status_t   st;

    n = 200000;
    t = malloc(n + 2);
    assert_non_null(t);

    for (flags = 0; flags <= PG_RULES_NO_JIT; flags += PG_RULES_NO_JIT) {
        for (k = 0; bad[k].rule != NULL; k++) {
            u = strlen(bad[k].unit);

            for (i = 0; i < n; i++) {
                t[i] = bad[k].unit[i % u];
            }

            t[n] = '!';
            t[n + 1] = '\0';

            snprintf(rules, sizeof(rules),
                     "[slow]\ntype = CUSTOM\nseverity = block\n%s",
                     bad[k].rule);
            assert_non_null(parse(fx, rules, flags));
            assert_int_equal(pg_rules_interpreted(fx->rules),
                             flags == PG_RULES_NO_JIT);

            t0 = now();

            st = scan(fx, t);

            if (st != PG_ERR_TOO_COMPLEX
                && (st != PG_OK || bad[k].always))
            {
                print_error("pattern #%zu (flags %u) was not too complex\n",
                            k, flags);
                fail();
            }

            if (now() - t0 > 2.0) {
                print_error("pattern #%zu (flags %u) took %.2fs\n", k, flags,
                            now() - t0);
                fail();
            }
        }
    }

    /* an ordinary pattern over the same text is fine */
    assert_non_null(parse(fx, "[ok]\ntype = CUSTOM\nseverity = block\n"
                              "regex = ab!\n", 0));
    assert_int_equal(scan(fx, t), PG_OK);
    assert_int_equal(fx->findings.n, 1);

    free(t);
}


/* many phrases make several alternations; every one is found */
static void
test_many_phrases(void **state)
{
    pg_rt_t  *fx = *state;
    char     *text, *p;
    size_t    i;

    text = malloc(3000 * 32 + 64);
    assert_non_null(text);

    p = text + sprintf(text, "[lex]\ntype = CUSTOM\nseverity = log\n");

    for (i = 0; i < 3000; i++) {
        p += sprintf(p, "phrase = lexicon word %zu here\n", i);
    }

    assert_non_null(parse(fx, text, 0));

    assert_int_equal(scan(fx, "a lexicon word 0 here and a lexicon word "
                              "2999 here"), PG_OK);
    assert_int_equal(fx->findings.n, 2);

    free(text);
}


static void
expect_error(pg_rt_t *fx, const char *text, const char *want)
{
    if (parse(fx, text, 0) != NULL) {
        print_error("parsed, wanted \"%s\"\n", want);
        fail();
    }

    if (strcmp(fx->err, want) != 0) {
        print_error("got \"%s\", wanted \"%s\"\n", fx->err, want);
        fail();
    }
}


#define PG_HEAD  "[r]\ntype = CUSTOM\nseverity = block\n"


static void
test_errors(void **state)
{
    pg_rt_t  *fx = *state;

    expect_error(fx, PG_HEAD "regex = (MRN-\\d{7}\n",
                 PG_FILE ":4: bad regex: missing closing parenthesis at "
                 "offset 10");
    expect_error(fx, "[r]\ntype = PATIENT\n",
                 PG_FILE ":2: unknown type (CUSTOM, or a finding type such "
                 "as PHONE or MRN)");
    expect_error(fx, "[r]\ntype = MEDIA\n",
                 PG_FILE ":2: MEDIA is not a type of text");
    expect_error(fx, "[r]\ntype = SSN\nseverity = warn\n",
                 PG_FILE ":3: unknown severity (block or log)");
    expect_error(fx, PG_HEAD "patern = x\n",
                 PG_FILE ":4: unknown key (type, severity, regex, phrase, "
                 "cue or cue_window)");
    expect_error(fx, "type = SSN\n",
                 PG_FILE ":1: a key before the first [rule]");
    expect_error(fx, "[r]\nseverity = log\nregex = x\n\n[s]\n",
                 PG_FILE ":1: the rule has no type");
    expect_error(fx, "# one\n[r]\ntype = SSN\nregex = x\n",
                 PG_FILE ":2: the rule has no severity");
    expect_error(fx, PG_HEAD "cue = for\n",
                 PG_FILE ":1: the rule has no regex or phrase");
    expect_error(fx, PG_HEAD "regex = x\n[r]\n",
                 PG_FILE ":5: a rule of that name is already defined");
    expect_error(fx, "[bad name]\n",
                 PG_FILE ":1: a rule name has only letters, digits, '_', "
                 "'-' and '.'");
    expect_error(fx, "[]\n", PG_FILE ":1: a rule name has 1 to 32 "
                 "characters");
    expect_error(fx, "[r\n", PG_FILE ":1: a rule starts with [name]");
    expect_error(fx, PG_HEAD "regex =\n", PG_FILE ":4: empty value");
    expect_error(fx, PG_HEAD "regex x\n",
                 PG_FILE ":4: expected \"key = value\"");
    expect_error(fx, PG_HEAD "regex = a*\n",
                 PG_FILE ":4: the regex can match empty text");
    expect_error(fx, PG_HEAD "regex = x\ncue = 42nd\n",
                 PG_FILE ":5: a cue starts with a letter");
    expect_error(fx, PG_HEAD "regex = x\ncue_window = 0\n",
                 PG_FILE ":5: cue_window is a number of words from 1 to 20");
    expect_error(fx, PG_HEAD "regex = x\ncue_window = 21\n",
                 PG_FILE ":5: cue_window is a number of words from 1 to 20");
    expect_error(fx, PG_HEAD "type = SSN\n",
                 PG_FILE ":4: a second type for the rule");
    expect_error(fx, PG_HEAD "phrase = --\n", PG_FILE ":4: empty phrase");
    expect_error(fx, PG_HEAD "phrase = caf\xc3\n",
                 PG_FILE ":4: not valid UTF-8");
}


static void
test_error_bytes(void **state)
{
    static const char  nul[] = PG_HEAD "regex = x\0y\n";

    pg_rt_t  *fx = *state;
    char      text[PG_CONFFILE_LINE_MAX + 64], *p;

    /* a NUL byte cannot hide the rest of a line */
    assert_null(pg_rules_parse(nul, sizeof(nul) - 1, PG_FILE, 0, fx->err,
                               sizeof(fx->err)));
    assert_string_equal(fx->err, PG_FILE ":4: NUL byte in the line");

    p = text + sprintf(text, PG_HEAD "regex = ");
    memset(p, 'x', PG_CONFFILE_LINE_MAX);
    p[PG_CONFFILE_LINE_MAX] = '\0';

    expect_error(fx, text, PG_FILE ":4: line longer than 4096 bytes");
}


/* the message names the problem, never the pattern (it may be PHI) */
static void
test_error_no_text(void **state)
{
    pg_rt_t  *fx = *state;

    assert_null(parse(fx, PG_HEAD "regex = Ana Ruiz[\n", 0));
    assert_null(strstr(fx->err, "Ana"));
    assert_non_null(strstr(fx->err, PG_FILE ":4: bad regex: "));
}


/* through pg_inspect(): the request's configuration carries the rules */
static void
test_inspect(void **state)
{
    pg_rt_t          *fx = *state;
    pg_limits_t       lim;
    pg_request_t      req;
    pg_inspection_t   in;

    assert_non_null(parse(fx, pg_good, 0));

    memset(&lim, 0, sizeof(pg_limits_t));
    memset(&req, 0, sizeof(pg_request_t));
    memset(&in, 0, sizeof(pg_inspection_t));

    lim.rules = fx->rules;
    req.method = "POST";
    req.method_len = 4;
    req.host = "api.x.com";
    req.host_len = 9;
    req.path = "/2/tweets";
    req.path_len = 9;
    req.content_type = "application/json";
    req.content_type_len = 16;
    req.body = "{\"text\":\"A guaranteed cure!\"}";
    req.body_len = strlen(req.body);

    assert_int_equal(pg_inspect(&fx->arena, &req, &lim, &in), PG_OK);
    assert_int_equal(in.findings.n, 1);
    assert_int_equal(in.findings.items[0].type, PG_T_CUSTOM);
    assert_string_equal(in.findings.items[0].rule, "claims");

    /* a pattern over its budget fails the request closed */
    assert_non_null(parse(fx, "[slow]\ntype = CUSTOM\nseverity = log\n"
                              "regex = (a+)+$\n", 0));
    lim.rules = fx->rules;
    req.body = "{\"text\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"}";
    req.body_len = strlen(req.body);

    assert_int_equal(pg_inspect(&fx->arena, &req, &lim, &in),
                     PG_ERR_TOO_COMPLEX);
    assert_int_equal(in.status, PG_ERR_TOO_COMPLEX);
}


/*
 * A "log" finding blocks nothing and needs no consent; beside a blocking
 * one, the post is held as before.
 */
static void
test_decide(void **state)
{
    pg_rt_t          *fx = *state;
    pg_policy_t       pol;
    pg_verdict_t      v;
    pg_consent_t      c;
    pg_inspection_t   in;

    assert_non_null(parse(fx, pg_good, 0));

    memset(&pol, 0, sizeof(pg_policy_t));
    memset(&in, 0, sizeof(pg_inspection_t));
    pol.block_status = 403;

    assert_int_equal(scan(fx, "For migraines: FDA approved"), PG_OK);
    in.findings = fx->findings;
    assert_int_equal(in.findings.n, 1);

    pg_decide(&pol, &in, &v);
    assert_int_equal(v.decision, PG_DECISION_ALLOW);
    assert_string_equal(v.reason, "clean");

    memset(&c, 0, sizeof(pg_consent_t));
    assert_int_equal(pg_consent_evaluate(&in.findings, "x", 0, 0, &c, 0,
                                         NULL), PG_CONSENT_ALLOW);

    assert_int_equal(scan(fx, "For migraines: FDA approved, a miracle cure"),
                     PG_OK);
    in.findings = fx->findings;
    assert_int_equal(in.findings.n, 2);

    pg_decide(&pol, &in, &v);
    assert_int_equal(v.decision, PG_DECISION_BLOCK);
    assert_string_equal(v.reason, "phi_detected");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_parse_good, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_finding, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hits_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_complex, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_phrases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_no_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inspect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decide, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
