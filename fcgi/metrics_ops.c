/*
 * metrics_ops.c - the part of /metrics an operator alerts on that is not a
 * counter of the pool: whether the database answered this scrape, the mail
 * outbox (queued and dead letters, the oldest queued message's age) and
 * the video directory (writable, free and total bytes, and the free space
 * /health/ready requires). monitoring/prometheus/cibozer-alerts.yml uses
 * them; docs/monitoring.md says what each alert means.
 *
 * The outbox is read with one registered statement returning one row: a
 * single scan of mail_outbox, whose size the purge bounds (sent and dead
 * mail older than its days are deleted). The disk figures come from
 * statvfs(3) on video_dir, the same call the readiness check makes, so
 * the alert and /health/ready agree on what "full" is.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "app.h"
#include "log.h"
#include "metrics_ops.h"
#include "query.h"
#include "request.h"

#define SQL_MAIL_OUTBOX \
	"SELECT count(*) FILTER (WHERE status = 'queued'), " \
	"count(*) FILTER (WHERE status = 'sent'), " \
	"count(*) FILTER (WHERE status = 'dead'), " \
	"coalesce(extract(epoch FROM now() - min(created_at) FILTER " \
	"(WHERE status = 'queued'))::float8, 0) FROM mail_outbox"
enum { MAIL_QUEUED, MAIL_SENT, MAIL_DEAD, MAIL_OLDEST, MAIL__NCOLS };
static const char *const mail_states[] = { "queued", "sent", "dead" };

/* Set after a failed outbox query was logged, until one succeeds. */
static int mail_db_down;

int
cz_metrics_ops_register(struct cz_db *db)
{
	return cz_db_register(db, "metrics_mail_outbox", SQL_MAIL_OUTBOX, 0, 1);
}

/* Appends the outbox's metrics. Returns 0, 1 when the query failed
 * (nothing appended), -1 when out is full. */
static int
mail_metrics(struct cz_request *r, cz_buf *out)
{
	long long v;
	PGresult *res;
	const char *why;
	int rc = 0, i;

	res = cz_query(r, "metrics_mail_outbox", 0, NULL);
	if (res == NULL || PQntuples(res) != 1 || PQnfields(res) != MAIL__NCOLS) {
		if (!mail_db_down) {
			why = cz_db_error(r->app->db);
			cz_log(CZ_LOG_WARN, "%s: the mail outbox did not answer; "
			    "/metrics reports cibozer_database_up 0 until it "
			    "does: %.*s", __func__, (int)strcspn(why, "\n"), why);
		}
		mail_db_down = 1;
		return 1;
	}
	mail_db_down = 0;
	rc |= cz_buf_puts(out,
	    "# HELP cibozer_mail_messages Messages in the mail outbox by "
	    "status (sent and dead ones are kept until the purge).\n"
	    "# TYPE cibozer_mail_messages gauge\n");
	for (i = MAIL_QUEUED; i <= MAIL_DEAD; i++) {
		if (cz_db_int(res, 0, i, 0, INT64_MAX, &v) == -1)
			v = -1;
		rc |= cz_buf_printf(out, "cibozer_mail_messages{status=\"%s\"} "
		    "%lld\n", mail_states[i], v);
	}
	rc |= cz_buf_printf(out,
	    "# HELP cibozer_mail_queue_oldest_seconds Age of the oldest "
	    "queued message, 0 when none is queued.\n"
	    "# TYPE cibozer_mail_queue_oldest_seconds gauge\n"
	    "cibozer_mail_queue_oldest_seconds %.3f\n",
	    strtod(cz_db_text(res, 0, MAIL_OLDEST), NULL));
	return rc == 0 ? 0 : -1;
}

/* Appends the video directory's metrics. The byte figures are left out
 * when statvfs fails (the directory is missing): writable says 0 then. */
static int
disk_metrics(struct cz_request *r, cz_buf *out)
{
	const struct cz_settings *s = &r->app->settings;
	struct statvfs sv;
	int rc = 0;

	rc |= cz_buf_printf(out,
	    "# HELP cibozer_video_dir_writable 1 when video_dir is writable "
	    "by the responders (as /health/ready checks), else 0.\n"
	    "# TYPE cibozer_video_dir_writable gauge\n"
	    "cibozer_video_dir_writable %d\n"
	    "# HELP cibozer_video_dir_min_free_bytes Free space below which "
	    "/health/ready fails (the min_free_disk_mb setting).\n"
	    "# TYPE cibozer_video_dir_min_free_bytes gauge\n"
	    "cibozer_video_dir_min_free_bytes %lld\n",
	    access(s->video_dir, W_OK | X_OK) == 0,
	    s->min_free_disk_mb * 1024 * 1024);
	if (statvfs(s->video_dir, &sv) == -1)
		return rc == 0 ? 0 : -1;
	rc |= cz_buf_printf(out,
	    "# HELP cibozer_video_dir_free_bytes Bytes free for the "
	    "service on the file system of video_dir.\n"
	    "# TYPE cibozer_video_dir_free_bytes gauge\n"
	    "cibozer_video_dir_free_bytes %llu\n"
	    "# HELP cibozer_video_dir_size_bytes Size of the file system of "
	    "video_dir.\n"
	    "# TYPE cibozer_video_dir_size_bytes gauge\n"
	    "cibozer_video_dir_size_bytes %llu\n",
	    (unsigned long long)sv.f_bavail * sv.f_frsize,
	    (unsigned long long)sv.f_blocks * sv.f_frsize);
	return rc == 0 ? 0 : -1;
}

int
cz_metrics_ops(struct cz_request *r, cz_buf *out, int db_answered)
{
	int mail = 1, rc = 0;

	/* With the database already silent this scrape, asking again would
	 * only wait out another connect timeout. */
	if (db_answered && (mail = mail_metrics(r, out)) == -1)
		return -1;
	rc |= cz_buf_printf(out,
	    "# HELP cibozer_database_up 1 when every statement of this "
	    "scrape got an answer from PostgreSQL, else 0.\n"
	    "# TYPE cibozer_database_up gauge\n"
	    "cibozer_database_up %d\n", mail == 0);
	if (rc != 0 || disk_metrics(r, out) == -1)
		return -1;
	return 0;
}
