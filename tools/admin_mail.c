/*
 * admin_mail.c - `cibozer-admin deliver-mail`, run by cibozer-mail.timer,
 * and `cibozer-admin mail-test`.
 *
 * deliver-mail claims due messages of mail_outbox one at a time (FOR
 * UPDATE SKIP LOCKED, so several runs or hosts never send one twice at
 * once), hands each to the mail command (lib/mail.h: no shell) and records
 * the outcome in the same transaction: sent; or queued again after
 * mail_retry_seconds * 2^(attempts - 1) (6 hours at most); or dead once
 * mail_max_attempts attempts failed. A sent or dead message keeps its
 * headers and the SHA-256 of its body, not the body: that holds the mailed
 * link, which would stay usable in the table (sql/017). Logs name
 * messages by id only.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "admin.h"
#include "buf.h"
#include "db.h"
#include "email.h"
#include "log.h"
#include "mail.h"
#include "mustache.h"
#include "numparse.h"
#include "settings.h"

#define MAIL_DB_TIMEOUT_MS	30000
#define DELIVER_DEFAULT_LIMIT	100
#define DELIVER_MAX_LIMIT	100000
#define BACKOFF_MAX_SECONDS	21600
#define MESSAGE_MAX		(CZ_MAIL_BODY_MAX + 4096)
/* The digest kept of a delivered or dead message's body (sql/017). */
#define BODY_SHA256 \
	"encode(sha256(convert_to(body, 'UTF8')), 'hex')"

/* url: the role's conninfo setting (empty: database_url). */
static PGconn *
connect_db(const struct cz_settings *s, const char *url)
{
	return admin_connect_as(s, url, MAIL_DB_TIMEOUT_MS);
}

static int
exec_ok(PGconn *conn, const char *sql)
{
	PGresult *r = PQexec(conn, sql);
	int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : -1;

	if (rc == -1)
		cz_log(CZ_LOG_ERROR, "deliver-mail: %s",
		    PQresultErrorMessage(r));
	PQclear(r);
	return rc;
}

enum outcome { SENT, RETRY, DEAD, NONE, DBERR };

/* Claims, sends and records one due message. */
static enum outcome
deliver_one(const struct cz_settings *s, PGconn *conn, char *const argv[])
{
	char err[CZ_MAIL_ERROR_MAX + 256], attempts[24], maxa[24], base[24];
	const char *params[5], *errstr;
	enum outcome o = DBERR;
	PGresult *r = NULL, *u = NULL;
	long long n;
	cz_buf msg;

	cz_buf_init(&msg, MESSAGE_MAX);
	if (exec_ok(conn, "BEGIN") == -1)
		goto err;
	r = PQexec(conn, "SELECT id, recipient, subject, body, attempts FROM "
	    "mail_outbox WHERE status = 'queued' AND next_attempt_at <= now() "
	    "ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "deliver-mail: %s",
		    PQresultErrorMessage(r));
		goto err;
	}
	if (PQntuples(r) == 0) {
		o = exec_ok(conn, "COMMIT") == -1 ? DBERR : NONE;
		goto err;
	}
	n = cz_strtonum(PQgetvalue(r, 0, 4), 0, 1000000, &errstr);
	snprintf(attempts, sizeof(attempts), "%lld", errstr ? 1 : n + 1);
	if (cz_mail_format(&msg, s->mail_from, PQgetvalue(r, 0, 1),
	    PQgetvalue(r, 0, 2), PQgetvalue(r, 0, 3), time(NULL), err,
	    sizeof(err)) == 0 &&
	    cz_mail_run(argv, msg.data, msg.len, (int)s->mail_timeout, err,
	    sizeof(err)) == 0) {
		params[0] = PQgetvalue(r, 0, 0);
		/* Sent: the body (it holds the mailed link) gives way to
		 * its digest (sql/017). */
		u = PQexecParams(conn, "UPDATE mail_outbox SET status = 'sent', "
		    "attempts = attempts + 1, sent_at = now(), last_attempt_at "
		    "= now(), last_error = NULL, body_sha256 = " BODY_SHA256
		    ", body = NULL WHERE id = $1::bigint", 1, NULL, params,
		    NULL, NULL, 0);
		o = SENT;
	} else {
		snprintf(maxa, sizeof(maxa), "%lld", s->mail_max_attempts);
		snprintf(base, sizeof(base), "%lld", s->mail_retry_seconds);
		params[0] = PQgetvalue(r, 0, 0);
		params[1] = err;
		params[2] = attempts;
		params[3] = maxa;
		params[4] = base;
		/* Dead: no retry will need the body either. */
		u = PQexecParams(conn, "UPDATE mail_outbox SET attempts = "
		    "$3::integer, last_attempt_at = now(), last_error = "
		    "left($2, 1024), status = CASE WHEN $3::integer >= "
		    "$4::integer THEN 'dead' ELSE 'queued' END, body_sha256 = "
		    "CASE WHEN $3::integer >= $4::integer THEN " BODY_SHA256
		    " ELSE body_sha256 END, body = CASE WHEN $3::integer >= "
		    "$4::integer THEN NULL ELSE body END, next_attempt_at "
		    "= now() + make_interval(secs => least(21600, $5::integer * "
		    "2 ^ least($3::integer - 1, 20))) WHERE id = $1::bigint "
		    "RETURNING status", 5, NULL, params, NULL, NULL, 0);
		o = PQresultStatus(u) == PGRES_TUPLES_OK && PQntuples(u) == 1 &&
		    strcmp(PQgetvalue(u, 0, 0), "dead") == 0 ? DEAD : RETRY;
		cz_log(o == DEAD ? CZ_LOG_ERROR : CZ_LOG_WARN, "deliver-mail: "
		    "message %s, attempt %s: %s%s", PQgetvalue(r, 0, 0),
		    attempts, err, o == DEAD ? "; dead-lettered" : "");
	}
	if (PQresultStatus(u) != PGRES_COMMAND_OK &&
	    PQresultStatus(u) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "deliver-mail: %s",
		    PQresultErrorMessage(u));
		o = DBERR;
		goto err;
	}
	if (exec_ok(conn, "COMMIT") == -1)
		o = DBERR;
err:
	if (o == DBERR)
		PQclear(PQexec(conn, "ROLLBACK"));
	PQclear(u);
	PQclear(r);
	cz_buf_free(&msg);
	return o;
}

int
admin_deliver_mail(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit",	required_argument,	NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	char cmd[CZ_SETTING_STR_MAX], *cargv[CZ_MAIL_ARGS_MAX + 1];
	long long limit = DELIVER_DEFAULT_LIMIT, i;
	long counts[DBERR + 1] = { 0 };
	const char *errstr;
	enum outcome o = NONE;
	PGconn *conn;
	int ch;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'l') {
			fprintf(stderr, "usage: cibozer-admin deliver-mail "
			    "[--limit N]\n");
			return 2;
		}
		limit = cz_strtonum(optarg, 1, DELIVER_MAX_LIMIT, &errstr);
		if (errstr != NULL) {
			fprintf(stderr, "cibozer-admin: --limit: %s (1..%d)\n",
			    errstr, DELIVER_MAX_LIMIT);
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: cibozer-admin deliver-mail [--limit N]\n");
		return 2;
	}
	if (cz_mail_split_command(s->mail_command, cmd, sizeof(cmd),
	    cargv) == -1) {
		fprintf(stderr, "cibozer-admin: mail_command: empty or more "
		    "than %d words\n", CZ_MAIL_ARGS_MAX);
		return 1;
	}
	if ((conn = connect_db(s, s->jobs_database_url)) == NULL)
		return 1;
	for (i = 0; i < limit; i++) {
		o = deliver_one(s, conn, cargv);
		counts[o]++;
		if (o == NONE || o == DBERR)
			break;
	}
	PQfinish(conn);
	printf("sent %ld, retrying later %ld, dead-lettered %ld\n",
	    counts[SENT], counts[RETRY], counts[DEAD]);
	/* Failed deliveries are retried by the next run; only a database
	 * failure is this run's failure. */
	return o == DBERR ? 1 : 0;
}

int
admin_mail_test(const struct cz_settings *s, int argc, char **argv)
{
	char email[CZ_EMAIL_MAX + 1], name[128], err[1024];
	char link[2 * CZ_SETTING_STR_MAX + 16];
	struct json_object *data = NULL;
	mst_set *set = NULL;
	cz_buf subj, body;
	PGconn *conn = NULL;
	long long id;
	int rc = 1;

	cz_buf_init(&subj, 0);
	cz_buf_init(&body, 0);
	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: cibozer-admin mail-test EMAIL "
		    "[verification|password_reset|video_ready]\n");
		return 2;
	}
	if (cz_email_normalize(argv[1], strlen(argv[1]), email,
	    sizeof(email)) == -1) {
		fprintf(stderr, "cibozer-admin: not an e-mail address\n");
		return 2;
	}
	if (argc == 3 && strspn(argv[2], "abcdefghijklmnopqrstuvwxyz_") !=
	    strlen(argv[2])) {
		fprintf(stderr, "cibozer-admin: bad template name\n");
		return 2;
	}
	snprintf(name, sizeof(name), "email/%.100s", argc == 3 ? argv[2] :
	    "verification");
	snprintf(link, sizeof(link), "%s%s/mail-test", s->base_url,
	    s->base_path);
	if ((set = mst_set_new()) == NULL ||
	    mst_set_load_dir(set, s->template_dir, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: templates: %s\n",
		    set ? err : "out of memory");
		goto err;
	}
	if ((data = cz_mail_data(s, link)) == NULL)
		goto err;
	json_object_object_add(data, "platform",
	    json_object_new_string("YouTube Shorts"));
	if (cz_mail_render(set, name, data, &subj, &body, err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: %s\n", err);
		goto err;
	}
	if ((conn = connect_db(s, s->database_url)) == NULL)
		goto err;
	if ((id = cz_mail_enqueue(conn, email, subj.data, body.data, NULL, err,
	    sizeof(err))) == -1) {
		fprintf(stderr, "cibozer-admin: %s", err);
		goto err;
	}
	printf("queued message %lld\n", id);
	rc = 0;
err:
	if (conn != NULL)
		PQfinish(conn);
	json_object_put(data);
	mst_set_free(set);
	cz_buf_free(&subj);
	cz_buf_free(&body);
	return rc;
}
