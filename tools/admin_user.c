/*
 * admin_user.c - `cibozer-admin user ...` and `cibozer-admin audit`: the
 * operator's view of accounts. Every change runs in one transaction with
 * the audit_log row that records it (event, account, what changed, and
 * "by": "cibozer-admin"), so a change is never made without its record.
 * E-mail addresses are printed to the operator on stdout but never logged.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "admin.h"
#include "db.h"
#include "email.h"
#include "numparse.h"
#include "password.h"
#include "ratelimit.h"
#include "settings.h"

#define USER_TIMEOUT_MS		30000
#define AUDIT_DEFAULT_LIMIT	1000
#define AUDIT_MAX_LIMIT		100000
#define TIMESTAMP_MAX		64

static const char *const tiers[] = { "free", "premium", "enterprise", NULL };

static PGconn *
connect_db(const struct cz_settings *s)
{
	char err[1024];
	PGconn *conn;

	conn = cz_db_connect_once(s->database_url, (int)s->db_connect_timeout,
	    USER_TIMEOUT_MS, err, sizeof(err));
	if (conn == NULL)
		fprintf(stderr, "cibozer-admin: cannot connect to the "
		    "database: %s\n", err);
	return conn;
}

/* Runs a statement without parameters that returns no rows. */
static int
exec_cmd(PGconn *conn, const char *sql)
{
	PGresult *r = PQexec(conn, sql);
	int rc = 0;

	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "cibozer-admin: %s", PQresultErrorMessage(r));
		rc = -1;
	}
	PQclear(r);
	return rc;
}

/* Runs a parameterised statement; returns its result when its status is
 * want, else prints the error and returns NULL. */
static PGresult *
exec_params(PGconn *conn, const char *sql, int n, const char *const *params,
    ExecStatusType want)
{
	PGresult *r;

	r = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != want) {
		fprintf(stderr, "cibozer-admin: %s", PQresultErrorMessage(r));
		PQclear(r);
		return NULL;
	}
	return r;
}

/* Normalises argv's address into out, or prints why not. */
static int
email_arg(const char *arg, char out[CZ_EMAIL_MAX + 1])
{
	if (cz_email_normalize(arg, strlen(arg), out, CZ_EMAIL_MAX + 1) == -1) {
		fprintf(stderr, "cibozer-admin: not an e-mail address\n");
		return -1;
	}
	return 0;
}

/* Appends an audit_log row for account id (decimal) with event and the
 * members of detail (consumed), plus "by". Returns 0 or -1. */
static int
audit(PGconn *conn, const char *id, const char *event,
    struct json_object *detail)
{
	const char *params[3];
	PGresult *r;

	if (detail == NULL)
		detail = json_object_new_object();
	json_object_object_add(detail, "by",
	    json_object_new_string("cibozer-admin"));
	params[0] = id;
	params[1] = event;
	params[2] = json_object_to_json_string_ext(detail,
	    JSON_C_TO_STRING_PLAIN);
	r = exec_params(conn, "INSERT INTO audit_log (account_id, event, "
	    "detail) VALUES ($1::bigint, $2, $3::jsonb)", 3, params,
	    PGRES_COMMAND_OK);
	json_object_put(detail);
	if (r == NULL)
		return -1;
	PQclear(r);
	return 0;
}

/* Reads the password: the first line of stdin, without its line end. */
static int
read_password(char *buf, size_t buflen, size_t *len)
{
	size_t n;

	if (fgets(buf, (int)buflen, stdin) == NULL) {
		fprintf(stderr, "cibozer-admin: no password on standard "
		    "input\n");
		return -1;
	}
	n = strlen(buf);
	if (n == buflen - 1 && buf[n - 1] != '\n') {
		fprintf(stderr, "cibozer-admin: password: %s\n",
		    cz_password_policy_message(CZ_PW_TOO_LONG));
		return -1;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	*len = n;
	return 0;
}

static int
user_create(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tier",	required_argument,	NULL, 't' },
		{ "admin",	no_argument,		NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	char email[CZ_EMAIL_MAX + 1], pw[CZ_PASSWORD_MAX_BYTES + 2];
	char enc[CZ_PASSWORD_ENCODED_MAX], err[1024];
	const char *tier = "free", *params[4];
	struct cz_argon2_params prm;
	struct cz_pwlist *list = NULL;
	struct json_object *detail;
	enum cz_pw_policy pol;
	PGconn *conn = NULL;
	PGresult *r = NULL;
	size_t len = 0, i;
	int ch, admin = 0, rc = 1;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 't':
			tier = optarg;
			break;
		case 'a':
			admin = 1;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: cibozer-admin user create EMAIL "
		    "[--tier TIER] [--admin] < PASSWORD\n");
		return 2;
	}
	for (i = 0; tiers[i] != NULL && strcmp(tiers[i], tier) != 0; i++)
		;
	if (tiers[i] == NULL) {
		fprintf(stderr, "cibozer-admin: tier must be free, premium or "
		    "enterprise\n");
		return 2;
	}
	if (email_arg(argv[optind], email) == -1)
		return 2;
	if (read_password(pw, sizeof(pw), &len) == -1)
		goto err;
	if (cz_pwlist_load(s->password_list, &list, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: common passwords: %s\n", err);
		goto err;
	}
	if ((pol = cz_password_check(pw, len, email, list)) != CZ_PW_OK) {
		fprintf(stderr, "cibozer-admin: password %s\n",
		    cz_password_policy_message(pol));
		goto err;
	}
	prm.m_kib = (uint32_t)s->argon2_memory_kib;
	prm.t = (uint32_t)s->argon2_iterations;
	prm.p = (uint32_t)s->argon2_parallelism;
	if (cz_password_hash(&prm, pw, len, enc, sizeof(enc), err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: %s\n", err);
		goto err;
	}
	if ((conn = connect_db(s)) == NULL || exec_cmd(conn, "BEGIN") == -1)
		goto err;
	params[0] = email;
	params[1] = enc;
	params[2] = tier;
	params[3] = admin ? "true" : "false";
	r = PQexecParams(conn, "INSERT INTO users (email, password_hash, tier, "
	    "is_admin) VALUES ($1, $2, $3, $4::boolean) RETURNING id", 4, NULL,
	    params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);

		if (state != NULL && strcmp(state, "23505") == 0)
			fprintf(stderr, "cibozer-admin: an account with that "
			    "address exists\n");
		else
			fprintf(stderr, "cibozer-admin: %s",
			    PQresultErrorMessage(r));
		goto err;
	}
	detail = json_object_new_object();
	json_object_object_add(detail, "tier", json_object_new_string(tier));
	json_object_object_add(detail, "is_admin",
	    json_object_new_boolean(admin));
	if (audit(conn, PQgetvalue(r, 0, 0), "user.created", detail) == -1 ||
	    exec_cmd(conn, "COMMIT") == -1)
		goto err;
	printf("created account %s\n", PQgetvalue(r, 0, 0));
	rc = 0;
err:
	explicit_bzero(pw, sizeof(pw));
	PQclear(r);
	if (conn != NULL)
		PQfinish(conn);
	cz_pwlist_free(list);
	return rc;
}

static int
user_list(const struct cz_settings *s, int argc, char **argv)
{
	PGconn *conn;
	PGresult *r;
	int i, j;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: cibozer-admin user list\n");
		return 2;
	}
	if ((conn = connect_db(s)) == NULL)
		return 1;
	r = exec_params(conn, "SELECT id, email, tier, CASE WHEN is_admin "
	    "THEN 'admin' ELSE '-' END, CASE WHEN deleted_at IS NOT NULL THEN "
	    "'deleted' WHEN disabled_at IS NOT NULL THEN 'disabled' WHEN "
	    "email_verified_at IS NULL THEN 'unverified' ELSE 'active' END, "
	    "to_char(created_at AT TIME ZONE 'UTC', "
	    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM users ORDER BY id", 0, NULL,
	    PGRES_TUPLES_OK);
	if (r == NULL) {
		PQfinish(conn);
		return 1;
	}
	printf("id\temail\ttier\trole\tstatus\tcreated\n");
	for (i = 0; i < PQntuples(r); i++)
		for (j = 0; j < 6; j++)
			printf("%s%c", PQgetvalue(r, i, j), j == 5 ? '\n' : '\t');
	PQclear(r);
	PQfinish(conn);
	return 0;
}

/*
 * Changes one column of the account of address email in one transaction
 * with its audit row. sql takes $1 = address, $2 = new value and returns
 * (id, old value, new value) of the changed row, no row when there is no
 * such account. When old equals new nothing is recorded.
 */
static int
user_change(const struct cz_settings *s, const char *email, const char *sql,
    const char *value, const char *event, const char *what)
{
	const char *params[2] = { email, value };
	struct json_object *detail;
	PGconn *conn;
	PGresult *r = NULL;
	int rc = 1;

	if ((conn = connect_db(s)) == NULL)
		return 1;
	if (exec_cmd(conn, "BEGIN") == -1 ||
	    (r = exec_params(conn, sql, 2, params, PGRES_TUPLES_OK)) == NULL)
		goto err;
	if (PQntuples(r) != 1) {
		fprintf(stderr, "cibozer-admin: no account with that address\n");
		goto err;
	}
	if (strcmp(PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2)) == 0) {
		printf("account %s: %s already %s\n", PQgetvalue(r, 0, 0), what,
		    PQgetvalue(r, 0, 2));
		rc = exec_cmd(conn, "COMMIT") == -1;
		goto err;
	}
	detail = json_object_new_object();
	json_object_object_add(detail, "from",
	    json_object_new_string(PQgetvalue(r, 0, 1)));
	json_object_object_add(detail, "to",
	    json_object_new_string(PQgetvalue(r, 0, 2)));
	if (audit(conn, PQgetvalue(r, 0, 0), event, detail) == -1 ||
	    exec_cmd(conn, "COMMIT") == -1)
		goto err;
	printf("account %s: %s %s -> %s\n", PQgetvalue(r, 0, 0), what,
	    PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2));
	rc = 0;
err:
	PQclear(r);
	PQfinish(conn);
	return rc;
}

static int
user_set_tier(const struct cz_settings *s, int argc, char **argv)
{
	char email[CZ_EMAIL_MAX + 1];
	size_t i;

	if (argc != 3) {
		fprintf(stderr, "usage: cibozer-admin user set-tier EMAIL "
		    "free|premium|enterprise\n");
		return 2;
	}
	for (i = 0; tiers[i] != NULL && strcmp(tiers[i], argv[2]) != 0; i++)
		;
	if (tiers[i] == NULL) {
		fprintf(stderr, "cibozer-admin: tier must be free, premium or "
		    "enterprise\n");
		return 2;
	}
	if (email_arg(argv[1], email) == -1)
		return 2;
	return user_change(s, email,
	    "WITH old AS (SELECT id, tier FROM users WHERE lower(email) = "
	    "lower($1) FOR UPDATE) UPDATE users u SET tier = $2, updated_at = "
	    "now() FROM old WHERE u.id = old.id RETURNING u.id, old.tier, u.tier",
	    argv[2], "tier.changed", "tier");
}

static int
user_set_admin(const struct cz_settings *s, int argc, char **argv)
{
	char email[CZ_EMAIL_MAX + 1];

	if (argc != 3 || (strcmp(argv[2], "on") != 0 &&
	    strcmp(argv[2], "off") != 0)) {
		fprintf(stderr, "usage: cibozer-admin user set-admin EMAIL "
		    "on|off\n");
		return 2;
	}
	if (email_arg(argv[1], email) == -1)
		return 2;
	/* A change of privilege ends the account's sessions: the next
	 * log-in gets a new token with the new rights. */
	return user_change(s, email,
	    "WITH old AS (SELECT id, is_admin FROM users WHERE lower(email) = "
	    "lower($1) FOR UPDATE), ended AS (DELETE FROM sessions WHERE "
	    "user_id IN (SELECT id FROM old WHERE is_admin <> ($2 = 'on'))) "
	    "UPDATE users u SET is_admin = ($2 = 'on'), "
	    "updated_at = now() FROM old WHERE u.id = old.id RETURNING u.id, "
	    "CASE WHEN old.is_admin THEN 'on' ELSE 'off' END, "
	    "CASE WHEN u.is_admin THEN 'on' ELSE 'off' END",
	    argv[2], "admin.changed", "admin");
}

/* Reads a count column of r as a non-negative number. */
static long long
count_at(PGresult *r, int col)
{
	const char *errstr;
	long long v;

	v = cz_strtonum(PQgetvalue(r, 0, col), 0, INT64_MAX, &errstr);
	return errstr != NULL ? 0 : v;
}

/* user disable / user enable: disabling also ends the account's sessions
 * and revokes its API keys, in the same transaction. */
static int
user_set_disabled(const struct cz_settings *s, int argc, char **argv,
    int disable)
{
	char email[CZ_EMAIL_MAX + 1], id[32];
	const char *params[1] = { email };
	struct json_object *detail = NULL;
	PGconn *conn;
	PGresult *r = NULL, *r2 = NULL;
	int rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: cibozer-admin user %s EMAIL\n",
		    disable ? "disable" : "enable");
		return 2;
	}
	if (email_arg(argv[1], email) == -1)
		return 2;
	if ((conn = connect_db(s)) == NULL)
		return 1;
	if (exec_cmd(conn, "BEGIN") == -1)
		goto err;
	r = exec_params(conn, "SELECT id, disabled_at IS NOT NULL FROM users "
	    "WHERE lower(email) = lower($1) FOR UPDATE", 1, params,
	    PGRES_TUPLES_OK);
	if (r == NULL)
		goto err;
	if (PQntuples(r) != 1) {
		fprintf(stderr, "cibozer-admin: no account with that address\n");
		goto err;
	}
	snprintf(id, sizeof(id), "%s", PQgetvalue(r, 0, 0));
	params[0] = id;
	if ((strcmp(PQgetvalue(r, 0, 1), "t") == 0) == disable) {
		printf("account %s: already %s\n", id,
		    disable ? "disabled" : "enabled");
		rc = exec_cmd(conn, "COMMIT") == -1;
		goto err;
	}
	detail = json_object_new_object();
	if (disable) {
		r2 = exec_params(conn, "WITH u AS (UPDATE users SET disabled_at "
		    "= now(), updated_at = now() WHERE id = $1::bigint), "
		    "s AS (DELETE FROM sessions WHERE user_id = $1::bigint "
		    "RETURNING 1), k AS (UPDATE api_keys SET revoked_at = now() "
		    "WHERE user_id = $1::bigint AND revoked_at IS NULL "
		    "RETURNING 1) SELECT (SELECT count(*) FROM s), "
		    "(SELECT count(*) FROM k)", 1, params, PGRES_TUPLES_OK);
		if (r2 == NULL)
			goto err;
		json_object_object_add(detail, "sessions_ended",
		    json_object_new_int64(count_at(r2, 0)));
		json_object_object_add(detail, "api_keys_revoked",
		    json_object_new_int64(count_at(r2, 1)));
	} else {
		r2 = exec_params(conn, "UPDATE users SET disabled_at = NULL, "
		    "updated_at = now() WHERE id = $1::bigint", 1, params,
		    PGRES_COMMAND_OK);
		if (r2 == NULL)
			goto err;
	}
	rc = audit(conn, id, disable ? "user.disabled" : "user.enabled",
	    detail);
	detail = NULL;
	if (rc == -1 || exec_cmd(conn, "COMMIT") == -1) {
		rc = 1;
		goto err;
	}
	printf("account %s: %s\n", id, disable ? "disabled (sessions ended, "
	    "API keys revoked)" : "enabled");
	rc = 0;
err:
	json_object_put(detail);
	PQclear(r);
	PQclear(r2);
	PQfinish(conn);
	return rc;
}

static int
user_disable(const struct cz_settings *s, int argc, char **argv)
{
	return user_set_disabled(s, argc, argv, 1);
}

static int
user_enable(const struct cz_settings *s, int argc, char **argv)
{
	return user_set_disabled(s, argc, argv, 0);
}

/* user unlock: lifts the login lockout of an account (the per-account
 * counter, keyed by the address's SHA-256); per-address counters stay. */
static int
user_unlock(const struct cz_settings *s, int argc, char **argv)
{
	char email[CZ_EMAIL_MAX + 1], key[CZ_SHA256_HEX + 1], err[1024];
	const char *params[1] = { email };
	PGconn *conn;
	PGresult *r = NULL;
	int rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: cibozer-admin user unlock EMAIL\n");
		return 2;
	}
	if (email_arg(argv[1], email) == -1)
		return 2;
	if (cz_ratelimit_email_key(email, key) == -1) {
		fprintf(stderr, "cibozer-admin: cannot hash the address\n");
		return 1;
	}
	if ((conn = connect_db(s)) == NULL)
		return 1;
	if (exec_cmd(conn, "BEGIN") == -1)
		goto err;
	r = exec_params(conn, "SELECT id FROM users WHERE lower(email) = "
	    "lower($1)", 1, params, PGRES_TUPLES_OK);
	if (r == NULL)
		goto err;
	if (PQntuples(r) != 1) {
		fprintf(stderr, "cibozer-admin: no account with that address\n");
		goto err;
	}
	if (cz_ratelimit_clear(conn, cz_ratelimit_get(CZ_RL_LOGIN_ACCOUNT),
	    key, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: %s", err);
		goto err;
	}
	if (audit(conn, PQgetvalue(r, 0, 0), "user.unlocked", NULL) == -1 ||
	    exec_cmd(conn, "COMMIT") == -1)
		goto err;
	printf("account %s: login lockout lifted\n", PQgetvalue(r, 0, 0));
	rc = 0;
err:
	PQclear(r);
	PQfinish(conn);
	return rc;
}

static const struct {
	const char	*name;
	int		(*run)(const struct cz_settings *, int, char **);
} user_commands[] = {
	{ "create",	user_create },
	{ "list",	user_list },
	{ "set-tier",	user_set_tier },
	{ "set-admin",	user_set_admin },
	{ "disable",	user_disable },
	{ "enable",	user_enable },
	{ "unlock",	user_unlock },
};

int
admin_user(const struct cz_settings *s, int argc, char **argv)
{
	size_t i;

	if (argc >= 2)
		for (i = 0; i < sizeof(user_commands) /
		    sizeof(user_commands[0]); i++)
			if (strcmp(argv[1], user_commands[i].name) == 0) {
				optind = 1;
				return user_commands[i].run(s, argc - 1,
				    argv + 1);
			}
	fprintf(stderr, "usage: cibozer-admin user create|list|set-tier|"
	    "set-admin|disable|enable|unlock ...\n");
	return 2;
}

int
admin_audit(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "user",	required_argument,	NULL, 'u' },
		{ "since",	required_argument,	NULL, 's' },
		{ "limit",	required_argument,	NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	char email[CZ_EMAIL_MAX + 1];
	const char *params[3] = { NULL, NULL, NULL }, *errstr, *user = NULL;
	char limit[24];
	long long n = AUDIT_DEFAULT_LIMIT;
	PGconn *conn = NULL;
	PGresult *r = NULL;
	int ch, i, j, rc = 1;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			user = optarg;
			break;
		case 's':
			if (strlen(optarg) > TIMESTAMP_MAX) {
				fprintf(stderr, "cibozer-admin: --since: too "
				    "long\n");
				return 2;
			}
			params[1] = optarg;
			break;
		case 'l':
			n = cz_strtonum(optarg, 1, AUDIT_MAX_LIMIT, &errstr);
			if (errstr != NULL) {
				fprintf(stderr, "cibozer-admin: --limit: %s "
				    "(1..%d)\n", errstr, AUDIT_MAX_LIMIT);
				return 2;
			}
			break;
		default:
			fprintf(stderr, "usage: cibozer-admin audit [--user "
			    "EMAIL] [--since TIMESTAMP] [--limit N]\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: cibozer-admin audit [--user EMAIL] "
		    "[--since TIMESTAMP] [--limit N]\n");
		return 2;
	}
	if (user != NULL && email_arg(user, email) == -1)
		return 2;
	params[0] = user != NULL ? email : NULL;
	snprintf(limit, sizeof(limit), "%lld", n);
	params[2] = limit;
	if ((conn = connect_db(s)) == NULL)
		return 1;
	if (user != NULL) {
		r = exec_params(conn, "SELECT 1 FROM users WHERE lower(email) = "
		    "lower($1)", 1, params, PGRES_TUPLES_OK);
		if (r == NULL)
			goto err;
		if (PQntuples(r) != 1) {
			fprintf(stderr, "cibozer-admin: no account with that "
			    "address\n");
			goto err;
		}
		PQclear(r);
	}
	/* The newest N entries that match, printed oldest first. */
	r = exec_params(conn, "SELECT * FROM (SELECT a.id, to_char(a.at AT "
	    "TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), a.event, "
	    "coalesce(a.account_id::text, '-'), coalesce(host(a.address), '-'), "
	    "a.detail::text FROM audit_log a WHERE ($1::text IS NULL OR "
	    "a.account_id = (SELECT id FROM users WHERE lower(email) = "
	    "lower($1))) AND ($2::timestamptz IS NULL OR a.at >= "
	    "$2::timestamptz) ORDER BY a.id DESC LIMIT $3::integer) t "
	    "ORDER BY 1", 3, params, PGRES_TUPLES_OK);
	if (r == NULL)
		goto err;
	printf("id\tat\tevent\taccount\taddress\tdetail\n");
	for (i = 0; i < PQntuples(r); i++)
		for (j = 0; j < 6; j++)
			printf("%s%c", PQgetvalue(r, i, j), j == 5 ? '\n' : '\t');
	rc = 0;
err:
	PQclear(r);
	PQfinish(conn);
	return rc;
}
