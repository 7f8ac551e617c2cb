/*
 * Copyright (C) phigate authors
 *
 * phigate-ctl: what compliance staff use to manage the consent store
 * (docs/consent.md, docs/phigate-ctl.1): grant, revoke and show patient
 * consents, approve exact posts, revoke credentials, list them all.
 *
 * It talks to Redis synchronously through hiredis, which is fine for a
 * command run by a person; the gateway itself never blocks on Redis.
 * It computes keys and hashes with the engine's own functions, so that
 * what it stores is exactly what the gateway looks up.
 *
 * Exit status: 0 done, 1 no such record, 2 usage, 3 Redis, 4 input.
 */


#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <hiredis/hiredis.h>

#include "pg_approval.h"
#include "pg_consent.h"
#include "pg_extract.h"
#include "pg_platform.h"


#define CTL_OK            0
#define CTL_NOT_FOUND     1
#define CTL_USAGE         2
#define CTL_REDIS         3
#define CTL_INPUT         4

#define CTL_TOKEN_LEN     32
#define CTL_DAYS_MAX      3650
#define CTL_REF_MAX       128
#define CTL_FILE_MAX      (16 * 1024 * 1024)
#define CTL_KEYS_MAX      1000000


typedef struct {
    const char          *host;
    int                  port;
    const char          *socket;
    const char          *password;
    const char          *user;
    int                  db;
    int                  timeout_ms;
    redisContext        *redis;
} ctl_t;


typedef struct {
    char               **keys;
    size_t               n;
    size_t               cap;
} ctl_keys_t;


/* what --platform and consent records may name: the profiles' names */
static const pg_platforms_t  *ctl_profiles;


static const char  *ctl_usage_main =
"usage: phigate-ctl [connection options] COMMAND [ARGS]\n"
"\n"
"Manages phigate's consent store in Redis.\n"
"\n"
"Commands:\n"
"  consent grant --patient REF --platforms LIST --kinds LIST --days N\n"
"                [--granted-by WHO]     record a patient's consent, print\n"
"                                       its token\n"
"  consent revoke TOKEN [--by WHO]      withdraw a consent\n"
"  consent show TOKEN                   print a consent record\n"
"  approve FILE [--by WHO] [--days N] [--platform NAME]\n"
"               [--content-type CT] [--query QS] [--dry-run]\n"
"                                       pre-approve an exact post, print\n"
"                                       its hash\n"
"  revoke-credential TOKEN | - | --sha256 HEX\n"
"                                       refuse every request that uses a\n"
"                                       credential\n"
"  list consents|approvals|revoked      list what the store holds\n"
"  help [COMMAND]                       this text, or a command's\n"
"\n"
"Connection options (before the command):\n"
"  -h HOST          Redis host (default 127.0.0.1)\n"
"  -p PORT          Redis port (default 6379)\n"
"  -s SOCKET        Redis unix socket (instead of -h/-p)\n"
"  -a PASSWORD      AUTH password (default: $PHIGATE_REDIS_PASSWORD)\n"
"  --user USER --pass PASSWORD\n"
"                   AUTH as an ACL user (Redis 6 and later)\n"
"  -n DB            database number (default 0)\n"
"  --timeout MS     connect and command timeout (default 5000)\n"
"  --platforms-file FILE\n"
"                   the gateway's phigate_platforms file, when it has one:\n"
"                   platform names and the identifier fields approve\n"
"                   leaves out (default: the compiled-in profiles)\n"
"  --help           this text; COMMAND --help for a command's\n"
"\n"
"Exit status: 0 done, 1 no such record, 2 usage error, 3 Redis error\n"
"(unreachable, refused AUTH, command failed), 4 input error.\n"
"See phigate-ctl(1) and docs/consent.md.\n";

static const char  *ctl_usage_grant =
"usage: phigate-ctl consent grant --patient REF --platforms LIST\n"
"                                 --kinds LIST --days N [--granted-by WHO]\n"
"\n"
"Records a patient's written authorisation and prints its new token (32\n"
"letters and digits) on standard output; give the token to whoever\n"
"posts, as an X-PHI-Consent header or [[consent:TOKEN]] in the text.\n"
"\n"
"  --patient REF     an opaque reference to the signed form (its number\n"
"                    in the document system), never a name or an MRN:\n"
"                    1-128 of A-Z a-z 0-9 . _ : # / -\n"
"  --platforms LIST  comma list of facebook, instagram, threads, x,\n"
"                    linkedin, youtube, tiktok, pinterest, mastodon,\n"
"                    google_business, reddit, generic; or * for every\n"
"                    platform (generic excepted)\n"
"  --kinds LIST      comma list of identifier types the patient agreed\n"
"                    to show: NAME, ADDRESS, ZIP, DATE, DOB, AGE, PHONE,\n"
"                    EMAIL, MEDIA ... (docs/detection.md), or LOCATION\n"
"                    (ADDRESS and ZIP).  DATE does not cover DOB.\n"
"  --days N          how long it lasts, 1-3650 days from now\n"
"  --granted-by WHO  who records it (default: your login name)\n"
"\n"
"SSN, MRN, HEALTH_PLAN, ACCOUNT and LICENSE are never covered by default\n"
"(phigate_consent_never); listing them only draws a warning.\n";

static const char  *ctl_usage_revoke =
"usage: phigate-ctl consent revoke TOKEN [--by WHO]\n"
"\n"
"Marks the consent revoked (revoked=1, revoked_at, revoked_by).  Every\n"
"gateway refuses it from then on (consent_revoked).  Exit 1 when there\n"
"is no such consent.\n";

static const char  *ctl_usage_show =
"usage: phigate-ctl consent show TOKEN\n"
"\n"
"Prints the record's fields as stored, one \"name: value\" a line, after\n"
"its status (active, expired, revoked, invalid: FIELD) and the reference\n"
"the gateway's logs use for the token.  Exit 1 when there is no such\n"
"consent.\n";

static const char  *ctl_usage_approve =
"usage: phigate-ctl approve FILE [--by WHO] [--days N] [--platform NAME]\n"
"                   [--content-type CT] [--query QS] [--dry-run]\n"
"\n"
"Pre-approves one exact post: hashes its normalised text the way phigate\n"
"does (docs/consent.md), stores phigate:approved:<sha256> and prints the\n"
"hash.  FILE is the post's text, or - for standard input.  With\n"
"--content-type, FILE is the request body the posting tool sends (JSON,\n"
"form, multipart) and --platform names the profile whose identifier\n"
"fields are not text (default generic).\n"
"\n"
"  --by WHO          who approves (default: your login name)\n"
"  --days N          how long the approval lasts, 1-3650 (default 30)\n"
"  --platform NAME   the platform profile; the approval then holds for\n"
"                    that platform only (without it: any platform)\n"
"  --content-type CT FILE is a request body of this type\n"
"  --query QS        the request's query string, for platforms that send\n"
"                    text there (Instagram, Threads)\n"
"  --dry-run         print the hash, store nothing (no Redis needed)\n";

static const char  *ctl_usage_revoke_cred =
"usage: phigate-ctl revoke-credential TOKEN\n"
"       phigate-ctl revoke-credential -          (token on standard input)\n"
"       phigate-ctl revoke-credential --sha256 HEX\n"
"\n"
"Adds the credential's sha256 to the set phigate:revoked: every gateway\n"
"then refuses requests that carry it (a bearer token, an access_token\n"
"parameter, an OAuth 1 oauth_token) with credential_revoked.  Prefer -\n"
"or --sha256: a token on the command line is visible to other users and\n"
"kept in shell history.  Prints the sha256.\n";

static const char  *ctl_usage_list =
"usage: phigate-ctl list consents|approvals|revoked\n"
"\n"
"  consents   TOKEN STATUS EXPIRES PLATFORMS KINDS PATIENT\n"
"  approvals  SHA256 STATUS EXPIRES APPROVED_BY\n"
"  revoked    SHA256\n"
"\n"
"One record a line, fields separated by tabs, sorted; EXPIRES in UTC\n"
"(ISO 8601).  Keys are read with SCAN, never KEYS.\n";


static void ctl_usage(const char *text, int status);
static void ctl_die(int status, const char *fmt, ...);
static char *ctl_opt_value(int argc, char **argv, int *i);
static long ctl_number(const char *what, const char *s, long min, long max);
static void ctl_connect(ctl_t *ctl);
static redisReply *ctl_command(ctl_t *ctl, int argc, const char **argv);
static redisReply *ctl_cmd(ctl_t *ctl, const char *a0, const char *a1,
    const char *a2);
static const char *ctl_login(void);
static void ctl_iso(time_t t, char *buf, size_t size);
static void ctl_token(char *buf);
static int ctl_check_patient(const char *s);
static int ctl_check_platforms(const char *s, char *out, size_t size);
static const pg_platform_t *ctl_platform(const char *name);
static void ctl_load_profiles(const char *file);
static char *ctl_read_file(const char *path, size_t *len);
static void ctl_keys(ctl_t *ctl, const char *match, const char *type,
    ctl_keys_t *out);
static int ctl_strcmp(const void *a, const void *b);
static void ctl_parse_hash(redisReply *r, pg_consent_t *c);
static const char *ctl_field(redisReply *r, const char *name);
static const char *ctl_status(const pg_consent_t *c, time_t now,
    char *buf, size_t size);
static int ctl_consent(ctl_t *ctl, int argc, char **argv);
static int ctl_grant(ctl_t *ctl, int argc, char **argv);
static int ctl_revoke(ctl_t *ctl, int argc, char **argv);
static int ctl_show(ctl_t *ctl, int argc, char **argv);
static int ctl_approve(ctl_t *ctl, int argc, char **argv);
static int ctl_revoke_credential(ctl_t *ctl, int argc, char **argv);
static int ctl_list(ctl_t *ctl, int argc, char **argv);
static int ctl_help(int argc, char **argv);


int
main(int argc, char **argv)
{
    int         i;
    char       *v;
    ctl_t       ctl;
    const char *cmd;

    memset(&ctl, 0, sizeof(ctl_t));
    ctl.host = "127.0.0.1";
    ctl.port = 6379;
    ctl.timeout_ms = 5000;
    ctl.password = getenv("PHIGATE_REDIS_PASSWORD");

    if (ctl.password != NULL && ctl.password[0] == '\0') {
        ctl.password = NULL;
    }

    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            ctl_usage(ctl_usage_main, CTL_OK);
        }

        v = ctl_opt_value(argc, argv, &i);

        if (strcmp(argv[i - 1], "-h") == 0) {
            ctl.host = v;

        } else if (strcmp(argv[i - 1], "-p") == 0) {
            ctl.port = (int) ctl_number("-p", v, 1, 65535);

        } else if (strcmp(argv[i - 1], "-s") == 0) {
            ctl.socket = v;

        } else if (strcmp(argv[i - 1], "-a") == 0
                   || strcmp(argv[i - 1], "--pass") == 0)
        {
            ctl.password = v;

        } else if (strcmp(argv[i - 1], "--user") == 0) {
            ctl.user = v;

        } else if (strcmp(argv[i - 1], "-n") == 0) {
            ctl.db = (int) ctl_number("-n", v, 0, INT_MAX);

        } else if (strcmp(argv[i - 1], "--timeout") == 0) {
            ctl.timeout_ms = (int) ctl_number("--timeout", v, 1, 600000);

        } else if (strcmp(argv[i - 1], "--platforms-file") == 0) {
            ctl_load_profiles(v);

        } else {
            ctl_die(CTL_USAGE, "unknown option %s (try --help)",
                    argv[i - 1]);
        }
    }

    if (ctl.user != NULL && ctl.password == NULL) {
        ctl_die(CTL_USAGE, "--user needs --pass");
    }

    if (ctl_profiles == NULL) {
        ctl_profiles = pg_platforms_default();
    }

    if (i == argc) {
        ctl_usage(ctl_usage_main, CTL_USAGE);
    }

    cmd = argv[i];
    argc -= i;
    argv += i;

    if (strcmp(cmd, "consent") == 0) {
        return ctl_consent(&ctl, argc, argv);
    }

    if (strcmp(cmd, "approve") == 0) {
        return ctl_approve(&ctl, argc, argv);
    }

    if (strcmp(cmd, "revoke-credential") == 0) {
        return ctl_revoke_credential(&ctl, argc, argv);
    }

    if (strcmp(cmd, "list") == 0) {
        return ctl_list(&ctl, argc, argv);
    }

    if (strcmp(cmd, "help") == 0) {
        return ctl_help(argc, argv);
    }

    ctl_die(CTL_USAGE, "unknown command \"%s\" (try --help)", cmd);

    return CTL_USAGE;
}


static void
ctl_usage(const char *text, int status)
{
    fputs(text, status == CTL_OK ? stdout : stderr);
    exit(status);
}


static void
ctl_die(int status, const char *fmt, ...)
{
    va_list  ap;

    fputs("phigate-ctl: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);

    exit(status);
}


/* the value of the option at argv[*i]; *i moves past both */
static char *
ctl_opt_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        ctl_die(CTL_USAGE, "option %s needs a value", argv[*i]);
    }

    /* the caller's loop steps past the value */
    (*i)++;

    return argv[*i];
}


static long
ctl_number(const char *what, const char *s, long min, long max)
{
    long   n;
    char  *end;

    errno = 0;
    n = strtol(s, &end, 10);

    if (errno || end == s || *end != '\0' || n < min || n > max) {
        ctl_die(CTL_USAGE, "%s: \"%s\" is not a number from %ld to %ld",
                what, s, min, max);
    }

    return n;
}


static void
ctl_connect(ctl_t *ctl)
{
    redisReply      *r;
    struct timeval   tv;
    const char      *where;
    char             buf[32];

    tv.tv_sec = ctl->timeout_ms / 1000;
    tv.tv_usec = (ctl->timeout_ms % 1000) * 1000;

    if (ctl->socket != NULL) {
        ctl->redis = redisConnectUnixWithTimeout(ctl->socket, tv);
        where = ctl->socket;

    } else {
        ctl->redis = redisConnectWithTimeout(ctl->host, ctl->port, tv);
        snprintf(buf, sizeof(buf), ":%d", ctl->port);
        where = NULL;
    }

    if (ctl->redis == NULL || ctl->redis->err) {
        ctl_die(CTL_REDIS, "cannot connect to Redis at %s%s: %s",
                where ? where : ctl->host, where ? "" : buf,
                ctl->redis ? ctl->redis->errstr : "out of memory");
    }

    if (redisSetTimeout(ctl->redis, tv) != REDIS_OK) {
        ctl_die(CTL_REDIS, "cannot set the Redis timeout");
    }

    if (ctl->user != NULL) {
        r = ctl_cmd(ctl, "AUTH", ctl->user, ctl->password);

    } else if (ctl->password != NULL) {
        r = ctl_cmd(ctl, "AUTH", ctl->password, NULL);

    } else {
        r = NULL;
    }

    if (r != NULL) {
        freeReplyObject(r);
    }

    if (ctl->db) {
        snprintf(buf, sizeof(buf), "%d", ctl->db);
        freeReplyObject(ctl_cmd(ctl, "SELECT", buf, NULL));
    }
}


/* a command's reply; a Redis error ends the program */
static redisReply *
ctl_command(ctl_t *ctl, int argc, const char **argv)
{
    redisReply  *r;

    if (ctl->redis == NULL) {
        ctl_connect(ctl);
    }

    r = redisCommandArgv(ctl->redis, argc, argv, NULL);

    if (r == NULL) {
        ctl_die(CTL_REDIS, "Redis: %s", ctl->redis->errstr[0]
                                        ? ctl->redis->errstr
                                        : "no answer");
    }

    if (r->type == REDIS_REPLY_ERROR) {
        /* never echo the command: AUTH's carries a password */
        ctl_die(CTL_REDIS, "Redis refused %s: %s", argv[0], r->str);
    }

    return r;
}


static redisReply *
ctl_cmd(ctl_t *ctl, const char *a0, const char *a1, const char *a2)
{
    int          n;
    const char  *argv[3];

    argv[0] = a0;
    argv[1] = a1;
    argv[2] = a2;
    n = a2 ? 3 : (a1 ? 2 : 1);

    return ctl_command(ctl, n, argv);
}


static const char *
ctl_login(void)
{
    const char     *s;
    struct passwd  *pw;

    s = getenv("SUDO_USER");
    if (s != NULL && s[0]) {
        return s;
    }

    pw = getpwuid(getuid());
    if (pw != NULL && pw->pw_name[0]) {
        return pw->pw_name;
    }

    s = getenv("USER");

    return (s != NULL && s[0]) ? s : "unknown";
}


static void
ctl_iso(time_t t, char *buf, size_t size)
{
    struct tm  tm;

    if (gmtime_r(&t, &tm) == NULL
        || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
    {
        snprintf(buf, size, "%lld", (long long) t);
    }
}


/* 32 letters and digits from /dev/urandom, without modulo bias */
static void
ctl_token(char *buf)
{
    int             fd;
    size_t          n, i;
    ssize_t         got;
    unsigned char   rnd[64];

    static const char  alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        ctl_die(CTL_INPUT, "/dev/urandom: %s", strerror(errno));
    }

    n = 0;

    while (n < CTL_TOKEN_LEN) {
        got = read(fd, rnd, sizeof(rnd));

        if (got <= 0) {
            if (got < 0 && errno == EINTR) {
                continue;
            }

            ctl_die(CTL_INPUT, "/dev/urandom: %s",
                    got ? strerror(errno) : "end of file");
        }

        /* 248 is 4 * 62: larger bytes would favour some letters */
        for (i = 0; i < (size_t) got && n < CTL_TOKEN_LEN; i++) {
            if (rnd[i] < 248) {
                buf[n++] = alphabet[rnd[i] % 62];
            }
        }
    }

    buf[n] = '\0';
    close(fd);
}


static int
ctl_check_patient(const char *s)
{
    size_t  i, len;

    len = strlen(s);

    if (len == 0 || len > CTL_REF_MAX) {
        return -1;
    }

    for (i = 0; i < len; i++) {
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')
              || (s[i] >= '0' && s[i] <= '9') || strchr("._:#/-", s[i])))
        {
            return -1;
        }
    }

    return 0;
}


/* validates a platform list and writes it canonical (lower case) */
static int
ctl_check_platforms(const char *s, char *out, size_t size)
{
    int          rc;
    char        *list, *p, *tok, *save, *c;
    size_t       n;

    list = strdup(s);
    if (list == NULL) {
        ctl_die(CTL_INPUT, "out of memory");
    }

    rc = -1;
    n = 0;
    out[0] = '\0';

    for (p = list; (tok = strtok_r(p, ", ", &save)) != NULL; p = NULL) {
        for (c = tok; *c; c++) {
            *c = (*c >= 'A' && *c <= 'Z') ? (char) (*c + 0x20) : *c;
        }

        if (strcmp(tok, "*") != 0 && ctl_platform(tok) == NULL) {
            fprintf(stderr, "phigate-ctl: unknown platform \"%s\"\n", tok);
            rc = -1;
            goto done;
        }

        if (n + strlen(tok) + 2 > size) {
            goto done;
        }

        n += snprintf(out + n, size - n, "%s%s", n ? "," : "", tok);
        rc = 0;
    }

done:

    free(list);

    return rc;
}


static const pg_platform_t *
ctl_platform(const char *name)
{
    return pg_platforms_find(ctl_profiles, name);
}


/* the same file the gateway reads with phigate_platforms */
static void
ctl_load_profiles(const char *file)
{
    char    err[256], *json;
    size_t  len;

    json = ctl_read_file(file, &len);

    ctl_profiles = pg_platforms_parse(json, len, err, sizeof(err));
    free(json);

    if (ctl_profiles == NULL) {
        ctl_die(CTL_INPUT, "%s: %s", file, err);
    }
}


static char *
ctl_read_file(const char *path, size_t *len)
{
    FILE    *f;
    char    *buf, *nb;
    size_t   cap, n, got;

    f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        ctl_die(CTL_INPUT, "%s: %s", path, strerror(errno));
    }

    cap = 65536;
    n = 0;
    buf = malloc(cap);

    for ( ;; ) {
        if (buf == NULL) {
            ctl_die(CTL_INPUT, "out of memory");
        }

        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;

        if (n < cap - 1) {
            break;
        }

        if (cap > CTL_FILE_MAX) {
            ctl_die(CTL_INPUT, "%s: larger than %d bytes", path,
                    CTL_FILE_MAX);
        }

        cap *= 2;
        nb = realloc(buf, cap);

        if (nb == NULL) {
            free(buf);
        }

        buf = nb;
    }

    if (ferror(f)) {
        ctl_die(CTL_INPUT, "%s: %s", path, strerror(errno));
    }

    if (f != stdin) {
        fclose(f);
    }

    buf[n] = '\0';
    *len = n;

    return buf;
}


static int
ctl_consent(ctl_t *ctl, int argc, char **argv)
{
    if (argc < 2) {
        ctl_usage(ctl_usage_main, CTL_USAGE);
    }

    if (strcmp(argv[1], "grant") == 0) {
        return ctl_grant(ctl, argc - 1, argv + 1);
    }

    if (strcmp(argv[1], "revoke") == 0) {
        return ctl_revoke(ctl, argc - 1, argv + 1);
    }

    if (strcmp(argv[1], "show") == 0) {
        return ctl_show(ctl, argc - 1, argv + 1);
    }

    if (strcmp(argv[1], "--help") == 0) {
        ctl_usage(ctl_usage_main, CTL_OK);
    }

    ctl_die(CTL_USAGE, "unknown consent command \"%s\" (grant, revoke, show)",
            argv[1]);

    return CTL_USAGE;
}


static int
ctl_grant(ctl_t *ctl, int argc, char **argv)
{
    int            i, tries;
    long           days;
    char           token[CTL_TOKEN_LEN + 1], key[PG_CONSENT_KEY_MAX + 1];
    char           platforms[512], kinds[512], expires[32], created[32];
    char          *o;
    const char    *c, *patient, *plist, *klist, *by, *bad, *argvv[16];
    time_t         now;
    redisReply    *r;
    pg_typeset_t   set;

    patient = NULL;
    plist = NULL;
    klist = NULL;
    by = NULL;
    days = -1;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            ctl_usage(ctl_usage_grant, CTL_OK);

        } else if (strcmp(argv[i], "--patient") == 0) {
            patient = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--platforms") == 0) {
            plist = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--kinds") == 0) {
            klist = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--days") == 0) {
            days = ctl_number("--days", ctl_opt_value(argc, argv, &i), 1,
                              CTL_DAYS_MAX);

        } else if (strcmp(argv[i], "--granted-by") == 0) {
            by = ctl_opt_value(argc, argv, &i);

        } else {
            ctl_die(CTL_USAGE, "consent grant: unexpected \"%s\" "
                    "(try consent grant --help)", argv[i]);
        }
    }

    if (patient == NULL || plist == NULL || klist == NULL || days < 0) {
        fputs("phigate-ctl: consent grant needs --patient, --platforms, "
              "--kinds and --days\n", stderr);
        ctl_usage(ctl_usage_grant, CTL_USAGE);
    }

    if (ctl_check_patient(patient) != 0) {
        ctl_die(CTL_USAGE, "--patient: an opaque reference of 1-128 "
                "characters A-Z a-z 0-9 . _ : # / - (never a name)");
    }

    if (ctl_check_platforms(plist, platforms, sizeof(platforms)) != 0) {
        ctl_die(CTL_USAGE, "--platforms: a comma list of platform names "
                "or * (see consent grant --help)");
    }

    if (pg_consent_kinds_parse(klist, strlen(klist), &set, &bad) != 0) {
        ctl_die(CTL_USAGE, "--kinds: unknown identifier type at \"%s\"",
                bad);
    }

    if (set == 0) {
        ctl_die(CTL_USAGE, "--kinds: name at least one identifier type");
    }

    if (set & PG_CONSENT_NEVER_DEFAULT) {
        fputs("phigate-ctl: warning: SSN, MRN, HEALTH_PLAN, ACCOUNT and "
              "LICENSE are never covered unless phigate_consent_never "
              "says otherwise\n", stderr);
    }

    if (by == NULL) {
        by = ctl_login();
    }

    if (by[0] == '\0') {
        ctl_die(CTL_USAGE, "--granted-by: empty");
    }

    /* canonical kinds: upper case, no blanks */
    if (strlen(klist) >= sizeof(kinds)) {
        ctl_die(CTL_USAGE, "--kinds: too long");
    }

    for (c = klist, o = kinds; *c; c++) {
        if (*c != ' ' && *c != '\t') {
            *o++ = (*c >= 'a' && *c <= 'z') ? (char) (*c - 0x20) : *c;
        }
    }

    *o = '\0';

    now = time(NULL);
    snprintf(expires, sizeof(expires), "%lld",
             (long long) now + days * 86400LL);
    snprintf(created, sizeof(created), "%lld", (long long) now);

    for (tries = 0; ; tries++) {
        ctl_token(token);

        if (pg_consent_key(token, CTL_TOKEN_LEN, key, sizeof(key)) == 0) {
            ctl_die(CTL_INPUT, "internal error: bad token");
        }

        r = ctl_cmd(ctl, "EXISTS", key, NULL);

        if (r->type == REDIS_REPLY_INTEGER && r->integer == 0) {
            freeReplyObject(r);
            break;
        }

        freeReplyObject(r);

        if (tries == 3) {
            ctl_die(CTL_REDIS, "could not find an unused token");
        }
    }

    argvv[0] = "HSET";
    argvv[1] = key;
    argvv[2] = "patient";
    argvv[3] = patient;
    argvv[4] = "platforms";
    argvv[5] = platforms;
    argvv[6] = "kinds";
    argvv[7] = kinds;
    argvv[8] = "expires";
    argvv[9] = expires;
    argvv[10] = "revoked";
    argvv[11] = "0";
    argvv[12] = "granted_by";
    argvv[13] = by;
    argvv[14] = "created";
    argvv[15] = created;

    freeReplyObject(ctl_command(ctl, 16, argvv));

    printf("%s\n", token);

    return CTL_OK;
}


static int
ctl_revoke(ctl_t *ctl, int argc, char **argv)
{
    int          i;
    char         key[PG_CONSENT_KEY_MAX + 1], now[32];
    const char  *token, *by, *av[8];
    redisReply  *r;

    token = NULL;
    by = NULL;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            ctl_usage(ctl_usage_revoke, CTL_OK);

        } else if (strcmp(argv[i], "--by") == 0) {
            by = ctl_opt_value(argc, argv, &i);

        } else if (token == NULL && argv[i][0] != '-') {
            token = argv[i];

        } else {
            ctl_die(CTL_USAGE, "consent revoke: unexpected \"%s\"",
                    argv[i]);
        }
    }

    if (token == NULL) {
        ctl_usage(ctl_usage_revoke, CTL_USAGE);
    }

    if (pg_consent_key(token, strlen(token), key, sizeof(key)) == 0) {
        ctl_die(CTL_USAGE, "not a consent token (8-128 of A-Z a-z 0-9 _ -)");
    }

    r = ctl_cmd(ctl, "EXISTS", key, NULL);

    if (r->type != REDIS_REPLY_INTEGER || r->integer != 1) {
        freeReplyObject(r);
        ctl_die(CTL_NOT_FOUND, "no such consent");
    }

    freeReplyObject(r);

    snprintf(now, sizeof(now), "%lld", (long long) time(NULL));

    av[0] = "HSET";
    av[1] = key;
    av[2] = "revoked";
    av[3] = "1";
    av[4] = "revoked_at";
    av[5] = now;
    av[6] = "revoked_by";
    av[7] = by ? by : ctl_login();

    freeReplyObject(ctl_command(ctl, 8, av));

    fprintf(stderr, "phigate-ctl: consent revoked\n");

    return CTL_OK;
}


static int
ctl_show(ctl_t *ctl, int argc, char **argv)
{
    int            i;
    char           key[PG_CONSENT_KEY_MAX + 1], ref[17], iso[64], st[64];
    char          *end;
    size_t         j, k;
    long long      t;
    const char    *token, *v;
    redisReply    *r;
    pg_consent_t   c;

    static const char  *order[] = {
        "patient", "platforms", "kinds", "expires", "revoked", "granted_by",
        "created", "revoked_at", "revoked_by", NULL
    };

    token = NULL;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            ctl_usage(ctl_usage_show, CTL_OK);

        } else if (token == NULL && argv[i][0] != '-') {
            token = argv[i];

        } else {
            ctl_die(CTL_USAGE, "consent show: unexpected \"%s\"", argv[i]);
        }
    }

    if (token == NULL) {
        ctl_usage(ctl_usage_show, CTL_USAGE);
    }

    if (pg_consent_key(token, strlen(token), key, sizeof(key)) == 0) {
        ctl_die(CTL_USAGE, "not a consent token (8-128 of A-Z a-z 0-9 _ -)");
    }

    r = ctl_cmd(ctl, "HGETALL", key, NULL);

    if (r->type != REDIS_REPLY_ARRAY) {
        ctl_die(CTL_REDIS, "unexpected reply to HGETALL");
    }

    if (r->elements == 0) {
        freeReplyObject(r);
        ctl_die(CTL_NOT_FOUND, "no such consent");
    }

    ctl_parse_hash(r, &c);
    pg_consent_token_ref(token, strlen(token), ref);

    printf("token: %s\n", token);
    printf("ref: %s\n", ref);
    printf("status: %s\n", ctl_status(&c, time(NULL), st, sizeof(st)));

    /* the known fields in a fixed order, then any other, as stored */
    for (k = 0; order[k]; k++) {
        v = ctl_field(r, order[k]);
        if (v == NULL) {
            continue;
        }

        iso[0] = '\0';

        if (strcmp(order[k], "expires") == 0
            || strcmp(order[k], "created") == 0
            || strcmp(order[k], "revoked_at") == 0)
        {
            errno = 0;
            t = strtoll(v, &end, 10);

            if (errno == 0 && end != v && *end == '\0' && t > 0) {
                ctl_iso((time_t) t, iso + 2, sizeof(iso) - 3);
                iso[0] = ' ';
                iso[1] = '(';
                strcat(iso, ")");
            }
        }

        printf("%s: %s%s\n", order[k], v, iso);
    }

    for (j = 0; j + 1 < r->elements; j += 2) {
        for (k = 0; order[k]; k++) {
            if (strcmp(r->element[j]->str, order[k]) == 0) {
                break;
            }
        }

        if (order[k] == NULL) {
            printf("%s: %s\n", r->element[j]->str, r->element[j + 1]->str);
        }
    }

    freeReplyObject(r);

    return CTL_OK;
}


static const char *
ctl_status(const pg_consent_t *c, time_t now, char *buf, size_t size)
{
    if (c->state != PG_CONSENT_PARSED) {
        snprintf(buf, size, "invalid: %s", c->why ? c->why : "record");
        return buf;
    }

    if (c->revoked) {
        return "revoked";
    }

    return now >= c->expires ? "expired" : "active";
}


static void
ctl_parse_hash(redisReply *r, pg_consent_t *c)
{
    size_t        i, *len;
    const char  **kv;

    kv = calloc(r->elements + 1, sizeof(char *));
    len = calloc(r->elements + 1, sizeof(size_t));

    if (kv == NULL || len == NULL) {
        ctl_die(CTL_INPUT, "out of memory");
    }

    for (i = 0; i < r->elements; i++) {
        kv[i] = r->element[i]->str;
        len[i] = r->element[i]->len;
    }

    pg_consent_parse(kv, len, r->elements, c);

    free(kv);
    free(len);
}


static const char *
ctl_field(redisReply *r, const char *name)
{
    size_t  i;

    for (i = 0; i + 1 < r->elements; i += 2) {
        if (r->element[i]->type == REDIS_REPLY_STRING
            && strcmp(r->element[i]->str, name) == 0)
        {
            return r->element[i + 1]->str;
        }
    }

    return NULL;
}


static int
ctl_approve(ctl_t *ctl, int argc, char **argv)
{
    int                    i, dry;
    long                   days;
    char                   hex[PG_SHA256_HEX + 1];
    char                   key[PG_APPROVED_KEY_LEN + 1], expires[32];
    char                   created[32], *body;
    size_t                 len;
    time_t                 now;
    const char            *file, *by, *pname, *ct, *query, *av[12];
    pg_arena_t             a;
    pg_fields_t            f;
    pg_status_t            st;
    const pg_platform_t   *profile;

    file = NULL;
    by = NULL;
    pname = NULL;
    ct = NULL;
    query = NULL;
    days = 30;
    dry = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            ctl_usage(ctl_usage_approve, CTL_OK);

        } else if (strcmp(argv[i], "--by") == 0) {
            by = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--days") == 0) {
            days = ctl_number("--days", ctl_opt_value(argc, argv, &i), 1,
                              CTL_DAYS_MAX);

        } else if (strcmp(argv[i], "--platform") == 0) {
            pname = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--content-type") == 0) {
            ct = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--query") == 0) {
            query = ctl_opt_value(argc, argv, &i);

        } else if (strcmp(argv[i], "--dry-run") == 0) {
            dry = 1;

        } else if (file == NULL
                   && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0))
        {
            file = argv[i];

        } else {
            ctl_die(CTL_USAGE, "approve: unexpected \"%s\" "
                    "(try approve --help)", argv[i]);
        }
    }

    if (file == NULL) {
        ctl_usage(ctl_usage_approve, CTL_USAGE);
    }

    profile = ctl_platform(pname ? pname : "generic");
    if (profile == NULL) {
        ctl_die(CTL_USAGE, "--platform: unknown platform \"%s\"", pname);
    }

    body = ctl_read_file(file, &len);

    pg_arena_init(&a, 0);
    memset(&f, 0, sizeof(pg_fields_t));

    if (ct == NULL && query == NULL) {
        st = pg_approval_hash_text(&a, body, len, hex);

    } else {
        st = PG_OK;

        if (query != NULL && query[0]) {
            st = pg_extract_form(&a, query, strlen(query), PG_SRC_QUERY, &f);
        }

        if (st == PG_OK && ct != NULL) {
            if (pg_body_kind(ct, strlen(ct), NULL, NULL) == PG_BODY_MEDIA) {
                ctl_die(CTL_INPUT, "%s: a media body carries no text", file);
            }

            st = pg_extract_body(&a, ct, strlen(ct), body, len, &f);

        } else if (st == PG_OK && len) {
            /* a text file beside --query: the body of a text request */
            st = pg_extract_raw(&a, body, len, PG_SRC_BODY, &f);
        }

        if (st != PG_OK) {
            ctl_die(CTL_INPUT, "%s: cannot read it as %s: %s", file,
                    ct ? ct : "text", pg_status_name(st));
        }

        st = pg_approval_hash(&a, &f, profile, hex);
    }

    free(body);
    pg_arena_free(&a);

    if (st != PG_OK) {
        ctl_die(CTL_INPUT, "cannot hash %s: %s", file, pg_status_name(st));
    }

    if (dry) {
        printf("%s\n", hex);
        return CTL_OK;
    }

    if (pg_approval_key(hex, key, sizeof(key)) == 0) {
        ctl_die(CTL_INPUT, "internal error: bad hash");
    }

    now = time(NULL);
    snprintf(expires, sizeof(expires), "%lld",
             (long long) now + days * 86400LL);
    snprintf(created, sizeof(created), "%lld", (long long) now);

    av[0] = "HSET";
    av[1] = key;
    av[2] = "approved_by";
    av[3] = by ? by : ctl_login();
    av[4] = "expires";
    av[5] = expires;
    av[6] = "created";
    av[7] = created;
    av[8] = "platform";
    av[9] = profile->name;

    freeReplyObject(ctl_command(ctl, pname ? 10 : 8, av));

    printf("%s\n", hex);

    return CTL_OK;
}


static int
ctl_revoke_credential(ctl_t *ctl, int argc, char **argv)
{
    int          i;
    char         hex[PG_SHA256_HEX + 1], *buf;
    size_t       len;
    const char  *token, *sha;
    redisReply  *r;

    token = NULL;
    sha = NULL;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            ctl_usage(ctl_usage_revoke_cred, CTL_OK);

        } else if (strcmp(argv[i], "--sha256") == 0) {
            sha = ctl_opt_value(argc, argv, &i);

        } else if (token == NULL
                   && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0))
        {
            token = argv[i];

        } else {
            ctl_die(CTL_USAGE, "revoke-credential: unexpected \"%s\"",
                    argv[i]);
        }
    }

    if ((token == NULL) == (sha == NULL)) {
        ctl_usage(ctl_usage_revoke_cred, CTL_USAGE);
    }

    if (sha != NULL) {
        if (strlen(sha) != PG_SHA256_HEX) {
            ctl_die(CTL_USAGE, "--sha256: 64 hex digits");
        }

        for (i = 0; i < PG_SHA256_HEX; i++) {
            hex[i] = (sha[i] >= 'A' && sha[i] <= 'F') ? (char) (sha[i] + 0x20)
                                                       : sha[i];

            if (!((hex[i] >= '0' && hex[i] <= '9')
                  || (hex[i] >= 'a' && hex[i] <= 'f')))
            {
                ctl_die(CTL_USAGE, "--sha256: 64 hex digits");
            }
        }

        hex[PG_SHA256_HEX] = '\0';

    } else {
        if (strcmp(token, "-") == 0) {
            buf = ctl_read_file("-", &len);

            /* one line: its line break is not part of the token */
            while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) {
                len--;
            }

        } else {
            buf = strdup(token);
            len = buf ? strlen(buf) : 0;
        }

        if (buf == NULL || len == 0) {
            ctl_die(CTL_USAGE, "revoke-credential: empty credential");
        }

        if (pg_credential_hash(buf, len, hex) != 0) {
            ctl_die(CTL_INPUT, "cannot hash the credential");
        }

        free(buf);
    }

    r = ctl_cmd(ctl, "SADD", PG_REVOKED_KEY, hex);

    if (r->type == REDIS_REPLY_INTEGER && r->integer == 0) {
        fprintf(stderr, "phigate-ctl: already revoked\n");
    }

    freeReplyObject(r);

    printf("%s\n", hex);

    return CTL_OK;
}


static int
ctl_list(ctl_t *ctl, int argc, char **argv)
{
    char           iso[64], st[64];
    char          *end;
    size_t         i, plen;
    time_t         now;
    long long      t;
    const char    *what, *v, *by;
    redisReply    *r;
    ctl_keys_t     keys;
    pg_consent_t   c;

    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        ctl_usage(ctl_usage_list, CTL_OK);
    }

    if (argc != 2) {
        ctl_usage(ctl_usage_list, CTL_USAGE);
    }

    what = argv[1];
    now = time(NULL);
    memset(&keys, 0, sizeof(ctl_keys_t));

    if (strcmp(what, "revoked") == 0) {
        ctl_keys(ctl, NULL, "sscan", &keys);

        for (i = 0; i < keys.n; i++) {
            printf("%s\n", keys.keys[i]);
        }

    } else if (strcmp(what, "consents") == 0) {
        ctl_keys(ctl, PG_CONSENT_KEY_PREFIX "*", "hash", &keys);
        plen = sizeof(PG_CONSENT_KEY_PREFIX) - 1;

        for (i = 0; i < keys.n; i++) {
            r = ctl_cmd(ctl, "HGETALL", keys.keys[i], NULL);

            if (r->type != REDIS_REPLY_ARRAY || r->elements == 0) {
                freeReplyObject(r);
                continue;
            }

            ctl_parse_hash(r, &c);

            if (c.state == PG_CONSENT_PARSED) {
                ctl_iso(c.expires, iso, sizeof(iso));

            } else {
                v = ctl_field(r, "expires");
                snprintf(iso, sizeof(iso), "%s", v ? v : "-");
            }

            v = ctl_field(r, "platforms");
            printf("%s\t%s\t%s\t%s\t", keys.keys[i] + plen,
                   ctl_status(&c, now, st, sizeof(st)), iso, v ? v : "-");
            v = ctl_field(r, "kinds");
            printf("%s\t", v ? v : "-");
            v = ctl_field(r, "patient");
            printf("%s\n", v ? v : "-");

            freeReplyObject(r);
        }

    } else if (strcmp(what, "approvals") == 0) {
        ctl_keys(ctl, PG_APPROVED_KEY_PREFIX "*", "hash", &keys);
        plen = sizeof(PG_APPROVED_KEY_PREFIX) - 1;

        for (i = 0; i < keys.n; i++) {
            r = ctl_cmd(ctl, "HGETALL", keys.keys[i], NULL);

            if (r->type != REDIS_REPLY_ARRAY || r->elements == 0) {
                freeReplyObject(r);
                continue;
            }

            v = ctl_field(r, "expires");
            by = ctl_field(r, "approved_by");
            errno = 0;
            t = v ? strtoll(v, &end, 10) : 0;

            if (v == NULL || errno || end == v || *end || t <= 0) {
                snprintf(st, sizeof(st), "invalid: expires");
                snprintf(iso, sizeof(iso), "%s", v ? v : "-");

            } else {
                snprintf(st, sizeof(st), "%s",
                         now >= (time_t) t ? "expired" : "active");
                ctl_iso((time_t) t, iso, sizeof(iso));
            }

            printf("%s\t%s\t%s\t%s\n", keys.keys[i] + plen, st, iso,
                   by ? by : "-");

            freeReplyObject(r);
        }

    } else {
        ctl_die(CTL_USAGE, "list: \"%s\" is not consents, approvals or "
                "revoked", what);
    }

    for (i = 0; i < keys.n; i++) {
        free(keys.keys[i]);
    }

    free(keys.keys);

    return CTL_OK;
}


/*
 * Every key matching match (SCAN ... TYPE hash), or every member of the
 * revoked set (SSCAN), sorted.  SCAN never blocks Redis as KEYS would.
 */
static void
ctl_keys(ctl_t *ctl, const char *match, const char *type, ctl_keys_t *out)
{
    int          n, sscan;
    char         cursor[32], **nk;
    size_t       i;
    const char  *av[9];
    redisReply  *r, *list;

    sscan = strcmp(type, "sscan") == 0;
    strcpy(cursor, "0");

    do {
        n = 0;

        if (sscan) {
            av[n++] = "SSCAN";
            av[n++] = PG_REVOKED_KEY;
            av[n++] = cursor;

        } else {
            av[n++] = "SCAN";
            av[n++] = cursor;
            av[n++] = "MATCH";
            av[n++] = match;
            av[n++] = "TYPE";
            av[n++] = type;
        }

        av[n++] = "COUNT";
        av[n++] = "1000";

        r = ctl_command(ctl, n, av);

        if (r->type != REDIS_REPLY_ARRAY || r->elements != 2
            || r->element[0]->type != REDIS_REPLY_STRING
            || r->element[1]->type != REDIS_REPLY_ARRAY
            || r->element[0]->len >= sizeof(cursor))
        {
            ctl_die(CTL_REDIS, "unexpected reply to %s", av[0]);
        }

        memcpy(cursor, r->element[0]->str, r->element[0]->len + 1);
        list = r->element[1];

        for (i = 0; i < list->elements; i++) {
            if (out->n == out->cap) {
                if (out->cap >= CTL_KEYS_MAX) {
                    ctl_die(CTL_REDIS, "more than %d keys", CTL_KEYS_MAX);
                }

                out->cap = out->cap ? out->cap * 2 : 64;
                nk = realloc(out->keys, out->cap * sizeof(char *));

                if (nk == NULL) {
                    ctl_die(CTL_INPUT, "out of memory");
                }

                out->keys = nk;
            }

            out->keys[out->n] = strdup(list->element[i]->str);

            if (out->keys[out->n] == NULL) {
                ctl_die(CTL_INPUT, "out of memory");
            }

            out->n++;
        }

        freeReplyObject(r);

    } while (strcmp(cursor, "0") != 0);

    /* SCAN may return a key twice; sort, then drop repeats */
    qsort(out->keys, out->n, sizeof(char *), ctl_strcmp);

    for (i = 1, n = out->n ? 1 : 0; i < out->n; i++) {
        if (strcmp(out->keys[i], out->keys[n - 1]) == 0) {
            free(out->keys[i]);
            continue;
        }

        out->keys[n++] = out->keys[i];
    }

    out->n = n;
}


static int
ctl_strcmp(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}


static int
ctl_help(int argc, char **argv)
{
    const char  *what;

    if (argc < 2) {
        ctl_usage(ctl_usage_main, CTL_OK);
    }

    what = argv[1];

    if (strcmp(what, "consent") == 0 && argc > 2) {
        what = argv[2];
    }

    if (strcmp(what, "grant") == 0) {
        ctl_usage(ctl_usage_grant, CTL_OK);
    }

    if (strcmp(what, "revoke") == 0) {
        ctl_usage(ctl_usage_revoke, CTL_OK);
    }

    if (strcmp(what, "show") == 0) {
        ctl_usage(ctl_usage_show, CTL_OK);
    }

    if (strcmp(what, "approve") == 0) {
        ctl_usage(ctl_usage_approve, CTL_OK);
    }

    if (strcmp(what, "revoke-credential") == 0) {
        ctl_usage(ctl_usage_revoke_cred, CTL_OK);
    }

    if (strcmp(what, "list") == 0) {
        ctl_usage(ctl_usage_list, CTL_OK);
    }

    ctl_usage(ctl_usage_main, strcmp(what, "consent") == 0 ? CTL_OK
                                                           : CTL_USAGE);

    return CTL_OK;
}
