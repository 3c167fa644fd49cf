/*
 * settings.c - configuration file and environment overrides, driven by one
 * table of settings (name, type, bounds, default, description).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numparse.h"
#include "settings.h"

#ifndef CZ_SYSCONFDIR
#define CZ_SYSCONFDIR "/etc"
#endif
#ifndef CZ_PKGDATADIR
#define CZ_PKGDATADIR "/usr/share/cibozer"
#endif
#ifndef CZ_LOCALSTATEDIR
#define CZ_LOCALSTATEDIR "/var"
#endif

#define CZ_LINE_MAX	4096

enum kind { K_STR, K_INT, K_SIZE, K_LEVEL };

struct setting {
	const char	*key;
	enum kind	 kind;
	size_t		 off;
	size_t		 len;		/* K_STR: capacity of the array */
	long long	 min, max;	/* K_INT, K_SIZE */
	int		 secret;
	const char	*def;
	const char	*doc;
};

#define STR(k, d, doc)		{ #k, K_STR, offsetof(struct cz_settings, k), \
	sizeof(((struct cz_settings *)0)->k), 0, 0, 0, d, doc }
#define SECRET(k, d, doc)	{ #k, K_STR, offsetof(struct cz_settings, k), \
	sizeof(((struct cz_settings *)0)->k), 0, 0, 1, d, doc }
#define INT(k, lo, hi, d, doc)	{ #k, K_INT, offsetof(struct cz_settings, k), \
	0, lo, hi, 0, d, doc }
#define SIZE(k, lo, hi, d, doc)	{ #k, K_SIZE, offsetof(struct cz_settings, k), \
	0, lo, hi, 0, d, doc }

static const struct setting table[] = {
	SECRET(database_url, "dbname=cibozer",
	    "libpq connection string or URI of the responders' role "
	    "(cibozer_web); may hold a password, never logged"),
	/* Least privilege (sql/018): each program connects as its own role. */
	SECRET(owner_database_url, "",
	    "conninfo of the owner role, for migrate and import-usda; empty: "
	    "database_url"),
	SECRET(render_database_url, "",
	    "conninfo of the renderer's role (cibozer_render); empty: "
	    "database_url"),
	SECRET(jobs_database_url, "",
	    "conninfo of the timers' role (cibozer_jobs: deliver-mail, "
	    "cleanup-videos, purge); empty: database_url"),
	INT(db_connect_timeout, 1, 60, "3",
	    "seconds to wait for PostgreSQL when connecting"),
	INT(db_statement_timeout, 100, 600000, "5000",
	    "milliseconds a single statement may run"),
	INT(workers, 0, 256, "0",
	    "responder processes the supervisor keeps running; 0: one per "
	    "CPU core, at least 2"),
	STR(template_dir, CZ_PKGDATADIR "/templates",
	    "directory of the mustache templates"),
	STR(sql_dir, CZ_PKGDATADIR "/sql",
	    "directory of the numbered SQL migrations"),
	STR(video_dir, CZ_LOCALSTATEDIR "/lib/cibozer/videos",
	    "directory of finished videos"),
	STR(render_tmp_dir, "",
	    "directory of renders in progress, on video_dir's file system "
	    "and outside it; empty: video_dir-tmp"),
	INT(video_retention_days, 1, 3650, "7",
	    "days a finished video is kept before cleanup-videos deletes it"),
	INT(min_free_disk_mb, 0, 1LL << 40, "512",
	    "free space below which /health/ready fails (MiB, video_dir)"),
	/* Backups (cibozer-admin backup, docs/backup.md). */
	STR(backup_dir, CZ_LOCALSTATEDIR "/backups/cibozer",
	    "directory cibozer-admin backup writes a dated directory into"),
	INT(backup_keep, 1, 1000, "7",
	    "complete backups kept in backup_dir; older ones are removed"),
	STR(base_path, "",
	    "URL prefix stripped from request paths (CGI under /cgi-bin/x.cgi)"),
	SIZE(max_body_bytes, 0, 1LL << 30, "1M",
	    "largest request body accepted (413 above)"),
	INT(max_params, 1, 10000, "256",
	    "most query, form or cookie parameters per request"),
	SIZE(max_param_name, 1, 1 << 20, "256",
	    "longest parameter name (decoded bytes)"),
	SIZE(max_param_value, 1, 1 << 30, "64K",
	    "longest parameter value (decoded bytes)"),
	SIZE(max_header_bytes, 256, 1 << 20, "16K",
	    "total bytes of request headers accepted"),
	INT(max_json_depth, 1, 1000, "32",
	    "deepest nesting of a JSON request body"),
	SIZE(max_response_bytes, 4096, 1LL << 30, "8M",
	    "largest rendered response"),
	INT(retry_after, 1, 3600, "5",
	    "seconds announced in Retry-After while the database is away"),
	{ "log_level", K_LEVEL, offsetof(struct cz_settings, log_level), 0,
	    0, 0, 0, "info", "debug, info, warn or error" },
	STR(site_name, "Cibozer", "name shown on every page"),
	STR(security_contact, "",
	    "where to report a vulnerability, a mailto: or https: URI, "
	    "served in /.well-known/security.txt (RFC 9116); empty: that "
	    "file answers 404"),
	STR(base_url, "http://127.0.0.1:8080",
	    "public URL of the site, used in links sent by e-mail"),
	STR(extra_origins, "",
	    "other origins the site answers on (scheme://host[:port], "
	    "separated by spaces), accepted as same-origin like base_url's"),
	STR(terms_version, "1.0", "version of the terms of service"),
	STR(terms_date, "2026-11-01", "effective date of the terms"),
	STR(privacy_version, "1.0", "version of the privacy policy"),
	STR(privacy_date, "2026-11-01", "effective date of the privacy policy"),
	STR(disclaimer_version, "1.0", "version of the disclaimers"),
	STR(disclaimer_date, "2026-11-01", "effective date of the disclaimers"),
	INT(argon2_memory_kib, 1024, 4194304, "19456",
	    "argon2id memory cost of a password hash, KiB (19456 = 19 MiB)"),
	INT(argon2_iterations, 1, 100, "2",
	    "argon2id time cost (passes over the memory)"),
	INT(argon2_parallelism, 1, 16, "1",
	    "argon2id lanes (threads) per hash"),
	STR(password_list, CZ_PKGDATADIR "/data/common-passwords.txt",
	    "file of common passwords refused at registration, one a line"),
	INT(session_idle_timeout, 60, 2592000, "3600",
	    "seconds a session may stay unused before it ends"),
	INT(session_lifetime, 300, 31536000, "604800",
	    "seconds after which a session ends however active (absolute)"),
	INT(reset_token_lifetime, 60, 86400, "900",
	    "seconds a password-reset link stays valid"),
	INT(verify_token_lifetime, 300, 2592000, "86400",
	    "seconds an e-mail verification link stays valid"),
	INT(mail_limit_account, 1, 1000, "5",
	    "mails one account may cause per mail_limit_window (confirmation "
	    "links, address changes); 429 above"),
	INT(mail_limit_recipient, 1, 1000, "5",
	    "mails the site may be asked to send one address per "
	    "mail_limit_window, whatever the kind and whoever asks; 429 above"),
	INT(mail_limit_window, 60, 86400, "3600",
	    "seconds of the mail_limit_account and mail_limit_recipient "
	    "windows"),
	INT(quota_free_plans, 0, 1000000, "50",
	    "plans a free account may generate per day"),
	INT(quota_free_videos, 0, 100000, "3",
	    "videos a free account may request per day"),
	INT(quota_premium_plans, 0, 1000000, "500",
	    "plans a premium account may generate per day"),
	INT(quota_premium_videos, 0, 100000, "20",
	    "videos a premium account may request per day"),
	INT(quota_enterprise_plans, 0, 1000000, "5000",
	    "plans an enterprise account may generate per day"),
	INT(quota_enterprise_videos, 0, 100000, "200",
	    "videos an enterprise account may request per day"),
	STR(mail_command, "/usr/sbin/sendmail -t -i",
	    "sendmail-compatible command, split on blanks and run without a "
	    "shell; the message comes on its standard input"),
	STR(mail_from, "Cibozer <no-reply@localhost>",
	    "From: address of the mail the site sends"),
	INT(mail_max_attempts, 1, 100, "8",
	    "delivery attempts before a message is dead-lettered"),
	INT(mail_retry_seconds, 1, 86400, "60",
	    "wait before the first retry; doubled after each failure (6 h at most)"),
	INT(mail_timeout, 1, 600, "30",
	    "seconds the mail command may run before it is killed"),
	INT(privacy_retention_days, 1, 3650, "30",
	    "days deleted accounts and sent mail are kept before purging"),
	/* sql/027: whole months detached and dropped, never rows deleted. */
	INT(audit_retention_months, 0, 1200, "0",
	    "months of audit log kept (whole monthly partitions are dropped "
	    "by the daily purge); 0: kept for ever, else 3 or more"),
	INT(pow_difficulty, 0, 32, "16",
	    "leading zero bits the proof-of-work challenge of registration, "
	    "password reset and confirmation resend asks for (each bit "
	    "doubles the browser's work); 0: no challenge"),
	INT(pow_difficulty_max, 1, 32, "24",
	    "most bits a challenge asks for, however raised"),
	INT(pow_difficulty_step, 0, 16, "4",
	    "bits added while the form's rate limit is reached for the "
	    "asking address (or account), and again while it is reached for "
	    "any, in the current window (docs/operations.md)"),
	INT(pow_lifetime, 60, 86400, "600",
	    "seconds a challenge may be answered after it was issued"),
};

#define NSETTINGS (sizeof(table) / sizeof(table[0]))

static const char *const level_names[] = { "debug", "info", "warn", "error" };

static const struct setting *
find(const char *key)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(table[i].key, key) == 0)
			return &table[i];
	return NULL;
}

/* base_path goes verbatim into links, Location headers and cookie paths:
 * empty, or "/seg[/seg...]" of unreserved URL characters (RFC 3986), no
 * empty, "." or ".." segment and no trailing slash. */
static int
base_path_ok(const char *v)
{
	const char *seg;

	if (*v == '\0')
		return 1;
	while (*v == '/') {
		seg = ++v;
		while (isalnum((unsigned char)*v) || *v == '.' || *v == '_' ||
		    *v == '~' || *v == '-')
			v++;
		if (v == seg || (v - seg == 1 && seg[0] == '.') ||
		    (v - seg == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
	}
	return *v == '\0';
}

static int
apply(struct cz_settings *s, const struct setting *st, const char *value,
    char *err, size_t errlen)
{
	char *base = (char *)s;
	const char *errstr;
	long long v;
	size_t sz;
	size_t i;

	switch (st->kind) {
	case K_STR:
		if (strlen(value) >= st->len) {
			snprintf(err, errlen, "%s: value longer than %zu bytes",
			    st->key, st->len - 1);
			return -1;
		}
		if (strcmp(st->key, "base_path") == 0 && !base_path_ok(value)) {
			snprintf(err, errlen, "%s: \"%s\" must be empty or a "
			    "path like /cgi-bin/cibozer.cgi: a leading /, no "
			    "trailing /, only letters, digits and ._~-/",
			    st->key, value);
			return -1;
		}
		memcpy(base + st->off, value, strlen(value) + 1);
		return 0;
	case K_INT:
		v = cz_strtonum(value, st->min, st->max, &errstr);
		if (errstr != NULL) {
			snprintf(err, errlen, "%s: \"%s\" is %s (allowed %lld..%lld)",
			    st->key, value, errstr, st->min, st->max);
			return -1;
		}
		/* audit_log_maintain() (sql/027) refuses fewer than 3. */
		if (strcmp(st->key, "audit_retention_months") == 0 &&
		    v > 0 && v < 3) {
			snprintf(err, errlen, "%s: \"%s\" is too short (0 "
			    "keeps the log for ever, else at least 3)",
			    st->key, value);
			return -1;
		}
		memcpy(base + st->off, &v, sizeof(v));
		return 0;
	case K_SIZE:
		if (cz_parse_size(value, &sz) == -1 ||
		    (long long)sz < st->min || (long long)sz > st->max) {
			snprintf(err, errlen, "%s: \"%s\" is not a size between "
			    "%lld and %lld bytes (suffixes K, M, G allowed)",
			    st->key, value, st->min, st->max);
			return -1;
		}
		v = (long long)sz;
		memcpy(base + st->off, &v, sizeof(v));
		return 0;
	case K_LEVEL:
		for (i = 0; i < 4; i++)
			if (strcmp(value, level_names[i]) == 0) {
				v = (long long)i;
				memcpy(base + st->off, &v, sizeof(v));
				return 0;
			}
		snprintf(err, errlen, "%s: \"%s\" is not one of debug, info, "
		    "warn, error", st->key, value);
		return -1;
	}
	return -1;
}

void
cz_settings_defaults(struct cz_settings *s)
{
	char err[256];
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < NSETTINGS; i++)
		if (apply(s, &table[i], table[i].def, err, sizeof(err)) == -1)
			abort();	/* a bad default is a programming error */
}

int
cz_settings_set(struct cz_settings *s, const char *key, const char *value,
    char *err, size_t errlen)
{
	const struct setting *st;

	if ((st = find(key)) == NULL) {
		snprintf(err, errlen, "unknown setting \"%s\"", key);
		return -1;
	}
	return apply(s, st, value, err, errlen);
}

static char *
trim(char *p)
{
	char *e;

	while (isspace((unsigned char)*p))
		p++;
	e = p + strlen(p);
	while (e > p && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return p;
}

static int
load_file(struct cz_settings *s, FILE *fp, const char *path, char *err,
    size_t errlen)
{
	char line[CZ_LINE_MAX], msg[CZ_LINE_MAX];
	char *p, *eq, *key, *value;
	size_t n;
	int lineno = 0;

	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		n = strlen(line);
		if (n == sizeof(line) - 1 && line[n - 1] != '\n') {
			snprintf(err, errlen, "%s:%d: line too long", path, lineno);
			return -1;
		}
		p = trim(line);
		if (*p == '\0' || *p == '#')
			continue;
		if ((eq = strchr(p, '=')) == NULL) {
			snprintf(err, errlen, "%s:%d: expected \"key = value\"",
			    path, lineno);
			return -1;
		}
		*eq = '\0';
		key = trim(p);
		value = trim(eq + 1);
		/* Values may be quoted to keep leading or trailing blanks. */
		n = strlen(value);
		if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
			value[n - 1] = '\0';
			value++;
		}
		if (cz_settings_set(s, key, value, msg, sizeof(msg)) == -1) {
			snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
			return -1;
		}
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int
apply_env(struct cz_settings *s, char *err, size_t errlen)
{
	char name[128], msg[512];
	const char *v;
	size_t i, j;

	for (i = 0; i < NSETTINGS; i++) {
		snprintf(name, sizeof(name), "CIBOZER_");
		for (j = 0; table[i].key[j] != '\0' && j + 9 < sizeof(name); j++)
			name[8 + j] = (char)toupper((unsigned char)table[i].key[j]);
		name[8 + j] = '\0';
		if ((v = getenv(name)) == NULL)
			continue;
		if (apply(s, &table[i], v, msg, sizeof(msg)) == -1) {
			snprintf(err, errlen, "environment %s: %s", name, msg);
			return -1;
		}
	}
	return 0;
}

int
cz_settings_load(struct cz_settings *s, const char *path, int required,
    char *err, size_t errlen)
{
	FILE *fp;
	int rc;

	if (path != NULL && (fp = fopen(path, "r")) != NULL) {
		rc = load_file(s, fp, path, err, errlen);
		fclose(fp);
		if (rc == -1)
			return -1;
	} else if (path != NULL && (required || errno != ENOENT)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	return apply_env(s, err, errlen);
}

const char *
cz_settings_path(const char *explicit_path, int *required)
{
	const char *p;

	*required = 1;
	if (explicit_path != NULL)
		return explicit_path;
	if ((p = getenv("CIBOZER_CONFIG")) != NULL && *p != '\0')
		return p;
	*required = 0;
	return CZ_SYSCONFDIR "/cibozer/cibozer.conf";
}

void
cz_settings_dump(const struct cz_settings *s, FILE *fp)
{
	const char *base = (const char *)s;
	long long v;
	size_t i;

	for (i = 0; i < NSETTINGS; i++) {
		fprintf(fp, "# %s (default: %s)\n", table[i].doc,
		    table[i].secret ? "(hidden)" : table[i].def);
		if (table[i].secret) {
			fprintf(fp, "%s = (hidden)\n\n", table[i].key);
			continue;
		}
		switch (table[i].kind) {
		case K_STR:
			fprintf(fp, "%s = %s\n\n", table[i].key,
			    base + table[i].off);
			break;
		case K_LEVEL:
			memcpy(&v, base + table[i].off, sizeof(v));
			fprintf(fp, "%s = %s\n\n", table[i].key,
			    cz_log_level_name((enum cz_log_level)v));
			break;
		default:
			memcpy(&v, base + table[i].off, sizeof(v));
			fprintf(fp, "%s = %lld\n\n", table[i].key, v);
			break;
		}
	}
}

const char *
cz_log_level_name(enum cz_log_level level)
{
	if ((unsigned)level > CZ_LOG_ERROR)
		return "info";
	return level_names[level];
}

int
cz_settings_render_tmp_dir(const struct cz_settings *s, char *out, size_t n)
{
	size_t len;
	int r;

	if (s->render_tmp_dir[0] != '\0')
		r = snprintf(out, n, "%s", s->render_tmp_dir);
	else {
		/* "/var/lib/cibozer/videos/" -> "/var/lib/cibozer/videos-tmp" */
		len = strlen(s->video_dir);
		while (len > 1 && s->video_dir[len - 1] == '/')
			len--;
		r = snprintf(out, n, "%.*s-tmp", (int)len, s->video_dir);
	}
	return r < 0 || (size_t)r >= n ? -1 : 0;
}
