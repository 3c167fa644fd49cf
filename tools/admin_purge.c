/*
 * admin_purge.c - `cibozer-admin purge`, run daily by cibozer-purge.timer:
 * the privacy policy's retention, and the housekeeping of the account
 * tables.
 *
 * An account deleted (/account/delete) more than privacy_retention_days
 * ago is scrubbed in one transaction, its users row locked with FOR UPDATE
 * SKIP LOCKED, so an account is either untouched or wholly scrubbed, and
 * two purges never race. Scrubbed means: everything /account/export lists
 * is gone (sessions, one-time tokens, legal acceptances, API keys and their
 * usage, plans, their videos' rows and files, playback positions, mail,
 * rate-limit counters keyed by the account), its audit entries keep only
 * the account id (address and user agent set to NULL, e-mail-like detail
 * members dropped: sql/012 allows exactly that, and only the owner role's
 * SECURITY DEFINER function audit_log_scrub_account() of sql/018 does it;
 * this program's role, cibozer_jobs, has no UPDATE on audit_log), and the
 * users row keeps its id and dates with the
 * address replaced by deleted-<id>@invalid (which no registration can
 * take: addresses need a dot in their domain) and an unusable password
 * hash. An account with a video being rendered (a live lease) waits for
 * the next run. Video files are removed before the rows, as cleanup-videos
 * does; a run that fails after that leaves the account to the next run.
 *
 * Then housekeeping: expired or idle sessions, used or expired tokens, old
 * rate-limit windows (rate_limit_purge()), and sent or dead mail older
 * than privacy_retention_days, and the audit log's monthly partitions
 * (audit_log_maintain() of sql/027: months ahead created, months past
 * audit_retention_months dropped). Every statement is parameterised.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "log.h"
#include "numparse.h"
#include "settings.h"

#define PURGE_DB_TIMEOUT_MS	60000
#define PURGE_MAX_ACCOUNTS	100000

/* Accounts due: deleted before the retention, not yet scrubbed, with no
 * video being rendered. $1 = retention in days. */
#define SQL_DUE_WHERE \
	"u.deleted_at < now() - make_interval(days => $1::integer) " \
	"AND u.purged_at IS NULL AND NOT EXISTS (SELECT 1 FROM video_jobs j " \
	"JOIN plans p ON p.id = j.plan_id WHERE p.owner_id = u.id AND " \
	"j.state = 'running' AND j.lease_until > now())"
#define SQL_NEXT_DUE \
	"SELECT u.id, u.email FROM users u WHERE " SQL_DUE_WHERE \
	" ORDER BY u.deleted_at, u.id LIMIT 1 FOR UPDATE OF u SKIP LOCKED"
#define SQL_COUNT_DUE "SELECT count(*) FROM users u WHERE " SQL_DUE_WHERE
#define SQL_JOBS_OF \
	"SELECT j.id FROM video_jobs j JOIN plans p ON p.id = j.plan_id " \
	"WHERE p.owner_id = $1::bigint ORDER BY j.id"

/*
 * The scrub of one account, in order: $1 = account id and, for those
 * that take two parameters, $2 = its (normalised) address; what each
 * removes is counted under its name. Plans would take their video jobs
 * and those jobs' playback rows along (ON DELETE CASCADE); the jobs go
 * first to be counted. API keys take their usage.
 */
static const struct scrub_step {
	const char	*name;
	int		 nparams;
	const char	*sql;
	int		 returns_count;	/* sql SELECTs the count */
} scrub_steps[] = {
	{ "sessions", 1, "DELETE FROM sessions WHERE user_id = $1::bigint", 0 },
	{ "tokens", 1, "DELETE FROM user_tokens WHERE user_id = $1::bigint", 0 },
	{ "acceptances", 1, "DELETE FROM legal_acceptances WHERE user_id = "
	    "$1::bigint", 0 },
	{ "keys", 1, "DELETE FROM api_keys WHERE user_id = $1::bigint", 0 },
	{ "playback", 1, "DELETE FROM video_playback WHERE user_id = "
	    "$1::bigint", 0 },
	{ "videos", 1, "DELETE FROM video_jobs WHERE plan_id IN (SELECT id "
	    "FROM plans WHERE owner_id = $1::bigint)", 0 },
	{ "plans", 1, "DELETE FROM plans WHERE owner_id = $1::bigint", 0 },
	{ "mails", 2, "DELETE FROM mail_outbox WHERE user_id = $1::bigint OR "
	    "lower(recipient) = $2", 0 },
	{ "rate limits", 2, "WITH k (key) AS (VALUES ($1::text), (encode("
	    "sha256(convert_to($2, 'UTF8')), 'hex'))), l AS (DELETE FROM "
	    "rate_lockouts WHERE key IN (SELECT key FROM k)) DELETE FROM "
	    "rate_limits WHERE key IN (SELECT key FROM k)", 0 },
	/* Only through sql/018's SECURITY DEFINER function: this role
	 * has no UPDATE on audit_log. */
	{ "audit entries", 1, "SELECT audit_log_scrub_account($1::bigint)",
	    1 },
	{ "accounts", 1, "UPDATE users SET email = 'deleted-' || id || "
	    "'@invalid', password_hash = '$argon2id$scrubbed', is_admin = "
	    "false, email_verified_at = NULL, purged_at = now(), updated_at = "
	    "now() WHERE id = $1::bigint AND deleted_at IS NOT NULL", 0 },
	{ "audit", 1, "INSERT INTO audit_log (account_id, event, detail) "
	    "VALUES ($1::bigint, 'account.purged', jsonb_build_object('by', "
	    "'cibozer-admin'))", 0 },
};
#define NSTEPS	(sizeof(scrub_steps) / sizeof(scrub_steps[0]))

/* Housekeeping, each one statement on its own, with one parameter or
 * none: the idle timeout in seconds, the retention in days or the audit
 * log's retention in months. */
enum house_param { HP_NONE, HP_IDLE, HP_DAYS, HP_AUDIT_MONTHS };
static const struct house_step {
	const char	*name;
	enum house_param param;
	const char	*sql;		/* removes */
	int		 returns_count;	/* sql SELECTs the count */
	const char	*count_sql;	/* what --dry-run counts instead */
} house_steps[] = {
	/* last_seen_at moves once a minute (fcgi/session.c): a session is
	 * idle a minute after its last_seen_at plus the timeout. */
	{ "expired sessions", HP_IDLE,
	    "DELETE FROM sessions WHERE expires_at < now() OR last_seen_at < "
	    "now() - make_interval(secs => $1::integer + 60)", 0,
	    "SELECT count(*) FROM sessions WHERE expires_at < now() OR "
	    "last_seen_at < now() - make_interval(secs => $1::integer + 60)" },
	{ "used or expired tokens", HP_NONE,
	    "DELETE FROM user_tokens WHERE used_at IS NOT NULL OR expires_at "
	    "< now()", 0,
	    "SELECT count(*) FROM user_tokens WHERE used_at IS NOT NULL OR "
	    "expires_at < now()" },
	/* rate_limit_purge() (sql/006) keeps two days of windows. */
	{ "old rate-limit windows", HP_NONE,
	    "SELECT rate_limit_purge()", 1,
	    "SELECT count(*) FROM rate_limits WHERE window_start < now() - "
	    "interval '2 days'" },
	{ "old sent or dead mails", HP_DAYS,
	    "DELETE FROM mail_outbox WHERE status IN ('sent', 'dead') AND "
	    "coalesce(sent_at, last_attempt_at, created_at) < now() - "
	    "make_interval(days => $1::integer)", 0,
	    "SELECT count(*) FROM mail_outbox WHERE status IN ('sent', 'dead') "
	    "AND coalesce(sent_at, last_attempt_at, created_at) < now() - "
	    "make_interval(days => $1::integer)" },
	/* sql/027: the next months' partitions created, and the months past
	 * audit_retention_months detached and dropped whole (0: none). */
	{ "old audit log months", HP_AUDIT_MONTHS,
	    "SELECT audit_log_maintain($1::integer)", 1,
	    "SELECT count(*) FROM pg_inherits i WHERE i.inhparent = "
	    "'audit_log'::regclass AND $1::integer > 0 AND "
	    "audit_log_partition_end(i.inhrelid) <= audit_log_month(now()) - "
	    "make_interval(months => $1::integer)" },
};
#define NHOUSE	(sizeof(house_steps) / sizeof(house_steps[0]))

/* Runs a statement without parameters; returns 0 or -1 (logged). */
static int
exec_simple(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;

	if (!ok)
		cz_log(CZ_LOG_ERROR, "purge: %s: %s", sql,
		    PQresultErrorMessage(r));
	PQclear(r);
	return ok ? 0 : -1;
}

/* The rows a result changed (or the count a one-row SELECT returned when
 * count_col is set); -1 when it failed (logged with what). */
static long long
result_count(PGresult *r, int count_col, const char *what)
{
	const char *errstr, *n;
	ExecStatusType st = PQresultStatus(r);
	long long v;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "purge: %s: %s", what,
		    PQresultErrorMessage(r));
		return -1;
	}
	if (count_col) {
		if (PQntuples(r) == 0)
			return 0;
		n = PQgetvalue(r, 0, 0);
	} else
		n = PQcmdTuples(r);
	v = cz_strtonum(*n != '\0' ? n : "0", 0, LLONG_MAX, &errstr);
	return errstr != NULL ? 0 : v;
}

/* Removes video_dir/<job> of each of the account's jobs; 0 or -1. */
static int
remove_videos(PGconn *c, const struct cz_settings *s, const char *id)
{
	char dir[CZ_SETTING_STR_MAX + 32];
	const char *v[1] = { id }, *errstr;
	PGresult *r;
	long long job;
	int i, n, rc = 0;

	r = PQexecParams(c, SQL_JOBS_OF, 1, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "purge: account %s: %s", id,
		    PQresultErrorMessage(r));
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	for (i = 0; i < n && rc == 0; i++) {
		/* Paths from the numeric id only. */
		job = cz_strtonum(PQgetvalue(r, i, 0), 1, LLONG_MAX, &errstr);
		if (errstr != NULL) {
			rc = -1;
			break;
		}
		snprintf(dir, sizeof(dir), "%s/%lld", s->video_dir, job);
		rc = admin_remove_tree(dir);
	}
	PQclear(r);
	return rc;
}

/* Scrubs the next due account in one transaction, adding what went to
 * counts[NSTEPS]. Returns 1 when one was scrubbed, 0 when none is due,
 * -1 on error (rolled back). */
static int
purge_one(PGconn *c, const struct cz_settings *s, long long counts[NSTEPS],
    char *done_id, size_t done_idlen)
{
	long long got[NSTEPS];
	const char *v[2];
	char days[32], id[32], email[300];
	PGresult *r;
	size_t i;
	int ret = -1;

	snprintf(days, sizeof(days), "%lld", s->privacy_retention_days);
	v[0] = days;
	if (exec_simple(c, "BEGIN") == -1)
		return -1;
	r = PQexecParams(c, SQL_NEXT_DUE, 1, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "purge: %s", PQresultErrorMessage(r));
		PQclear(r);
		goto out;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		ret = 0;
		goto out;
	}
	snprintf(id, sizeof(id), "%s", PQgetvalue(r, 0, 0));
	snprintf(email, sizeof(email), "%s", PQgetvalue(r, 0, 1));
	PQclear(r);
	if (remove_videos(c, s, id) == -1)
		goto out;
	v[0] = id;
	v[1] = email;
	for (i = 0; i < NSTEPS; i++) {
		r = PQexecParams(c, scrub_steps[i].sql, scrub_steps[i].nparams,
		    NULL, v, NULL, NULL, 0);
		got[i] = result_count(r, scrub_steps[i].returns_count,
		    scrub_steps[i].name);
		PQclear(r);
		if (got[i] == -1)
			goto out;
	}
	ret = 1;
out:
	explicit_bzero(email, sizeof(email));
	if (ret == 1 && exec_simple(c, "COMMIT") == 0) {
		for (i = 0; i < NSTEPS; i++)
			counts[i] += got[i];
		snprintf(done_id, done_idlen, "%s", id);
		return 1;
	}
	PQclear(PQexec(c, "ROLLBACK"));
	return ret == 1 ? -1 : ret;
}

/* Runs (or, dry, counts) the housekeeping into counts[NHOUSE]; 0 or -1. */
static int
housekeeping(PGconn *c, const struct cz_settings *s, int dry_run,
    long long counts[NHOUSE])
{
	const char *v[1];
	char idle[32], days[32], months[32];
	PGresult *r;
	size_t i;

	snprintf(idle, sizeof(idle), "%lld", s->session_idle_timeout);
	snprintf(days, sizeof(days), "%lld", s->privacy_retention_days);
	snprintf(months, sizeof(months), "%lld", s->audit_retention_months);
	for (i = 0; i < NHOUSE; i++) {
		v[0] = house_steps[i].param == HP_IDLE ? idle :
		    house_steps[i].param == HP_AUDIT_MONTHS ? months : days;
		r = PQexecParams(c, dry_run ? house_steps[i].count_sql :
		    house_steps[i].sql, house_steps[i].param != HP_NONE,
		    NULL, v, NULL, NULL, 0);
		counts[i] = result_count(r, dry_run ||
		    house_steps[i].returns_count, house_steps[i].name);
		PQclear(r);
		if (counts[i] == -1)
			return -1;
	}
	return 0;
}

static long long
count_due(PGconn *c, const struct cz_settings *s)
{
	const char *v[1];
	char days[32];
	PGresult *r;
	long long n;

	snprintf(days, sizeof(days), "%lld", s->privacy_retention_days);
	v[0] = days;
	r = PQexecParams(c, SQL_COUNT_DUE, 1, NULL, v, NULL, NULL, 0);
	n = result_count(r, 1, "accounts due");
	PQclear(r);
	return n;
}

static int
usage(void)
{
	fprintf(stderr, "usage: cibozer-admin purge [--dry-run]\n");
	return 2;
}

int
admin_purge(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run",	no_argument,	NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	long long counts[NSTEPS] = { 0 }, house[NHOUSE] = { 0 }, naccounts = 0;
	char id[32];
	PGconn *c;
	size_t i;
	int ch, dry_run = 0, rc = 0, ret = 1;

	while ((ch = getopt_long(argc, argv, "n", opts, NULL)) != -1) {
		if (ch != 'n')
			return usage();
		dry_run = 1;
	}
	if (optind != argc)
		return usage();
	if ((c = admin_connect_as(s, s->jobs_database_url,
	    PURGE_DB_TIMEOUT_MS)) == NULL)
		return 1;
	if (dry_run) {
		if ((naccounts = count_due(c, s)) == -1)
			goto out;
	} else {
		while (naccounts < PURGE_MAX_ACCOUNTS &&
		    (rc = purge_one(c, s, counts, id, sizeof(id))) == 1) {
			cz_log(CZ_LOG_INFO, "purge: scrubbed account %s", id);
			naccounts++;
		}
		if (rc == -1)
			goto out;
	}
	if (housekeeping(c, s, dry_run, house) == -1)
		goto out;
	/* One line: what the scrub removed, then the housekeeping. */
	printf("%s %lld deleted account%s older than %lld days",
	    dry_run ? "would purge" : "purged", naccounts,
	    naccounts == 1 ? "" : "s", s->privacy_retention_days);
	if (!dry_run) {
		printf(" (");
		/* The last two steps are the account row and its entry. */
		for (i = 0; i < NSTEPS - 2; i++)
			printf("%s%lld %s", i > 0 ? ", " : "", counts[i],
			    scrub_steps[i].name);
		printf(")");
	}
	printf("; %s", dry_run ? "would remove " : "removed ");
	for (i = 0; i < NHOUSE; i++)
		printf("%s%lld %s", i > 0 ? ", " : "", house[i],
		    house_steps[i].name);
	printf("\n");
	ret = 0;
out:
	PQfinish(c);
	return ret;
}
