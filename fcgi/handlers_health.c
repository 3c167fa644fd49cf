/*
 * handlers_health.c - liveness, readiness and detail health checks, and the
 * Prometheus metrics page.
 *
 * /health/live answers without touching the database: it only says the
 * process runs. /health/ready is what a load balancer asks before sending
 * traffic: database reachable (bounded by the connect and statement
 * timeouts), schema at the version this build expects, video directory
 * writable, free disk above the threshold. /health gives the details.
 *
 * /metrics is the pool's shared counters (metrics.c) followed by the video
 * queue, read from PostgreSQL at scrape time with two registered
 * statements: jobs by preset and state, and one row holding the queue
 * depth, the oldest queued job's age and the two histograms (render time
 * and MP4 size of the done videos still kept), each a fixed set of
 * aggregates whatever the table's size. When the database does not answer,
 * the video part is left out (logged once until it answers again).
 * metrics_ops.c adds the gauges alerts need: cibozer_database_up, the
 * mail outbox, the video directory's space.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "app.h"
#include "clock.h"
#include "handlers.h"
#include "log.h"
#include "metrics_ops.h"
#include "query.h"
#include "response.h"
#include "routes.h"

#define SQL_SCHEMA_VERSION \
	"SELECT coalesce(max(version), 0) FROM schema_migrations"

struct check {
	const char	*name;
	int		 ok;
	const char	*detail;
	double		 ms;
};

/* The labels of cibozer_video_jobs: every preset and state the table
 * allows (sql/007, sql/008), so each series exists from the start. */
static const char *const video_presets[] = {
	"youtube_shorts", "youtube_long", "tiktok", "instagram"
};
#define NVPRESET (sizeof(video_presets) / sizeof(video_presets[0]))
static const char *const video_states[] = {
	"queued", "running", "done", "failed", "expired"
};
#define NVSTATE (sizeof(video_states) / sizeof(video_states[0]))

/* Histogram bucket bounds: render seconds, MP4 bytes. */
static const double video_secs[] = {
	5, 10, 30, 60, 120, 300, 600, 1800, 3600
};
#define NVSECS (sizeof(video_secs) / sizeof(video_secs[0]))
static const double video_bytes[] = {
	1e6, 2.5e6, 5e6, 1e7, 2.5e7, 5e7, 1e8, 2.5e8, 5e8
};
#define NVBYTES (sizeof(video_bytes) / sizeof(video_bytes[0]))

#define SQL_VIDEO_JOBS \
	"SELECT preset, state, count(*) FROM video_jobs GROUP BY preset, state"
enum { JOBS_PRESET, JOBS_STATE, JOBS_COUNT, JOBS__NCOLS };

/* Built once from the bounds above (see video_stats_sql): queued count,
 * oldest queued age, then per histogram a count per bound, the sum and
 * the count. */
static char sql_video_stats[4096];
enum { STATS_QUEUED, STATS_OLDEST, STATS_SECS,
    STATS_BYTES = STATS_SECS + NVSECS + 2,
    STATS__NCOLS = STATS_BYTES + NVBYTES + 2 };

/* Appends ", count(col) FILTER (WHERE col <= b)" per bound, the sum and
 * the count to sql. Returns 0, or -1 when it does not fit. */
static int
stats_columns(char *sql, size_t len, const char *col, const double *b,
    size_t n)
{
	size_t i, used;
	int w;

	for (i = 0; i <= n; i++) {
		used = strlen(sql);
		if (i < n)
			w = snprintf(sql + used, len - used, ", count(%s) FILTER "
			    "(WHERE %s <= %.15g)", col, col, b[i]);
		else
			w = snprintf(sql + used, len - used, ", coalesce(sum(%s), "
			    "0), count(%s)", col, col);
		if (w < 0 || (size_t)w >= len - used)
			return -1;
	}
	return 0;
}

static const char *
video_stats_sql(void)
{
	char *sql = sql_video_stats;
	size_t len = sizeof(sql_video_stats), used;
	int w;

	snprintf(sql, len, "SELECT (SELECT count(*) FROM video_jobs WHERE "
	    "state = 'queued'), (SELECT coalesce(extract(epoch FROM now() - "
	    "min(created_at))::float8, 0) FROM video_jobs WHERE state = "
	    "'queued')");
	if (stats_columns(sql, len, "d", video_secs, NVSECS) == -1 ||
	    stats_columns(sql, len, "b", video_bytes, NVBYTES) == -1)
		return NULL;
	used = strlen(sql);
	/* Done jobs only: their rows leave this set when the videos expire
	 * (video_retention_days), which bounds the scan. */
	w = snprintf(sql + used, len - used, " FROM (SELECT extract(epoch FROM "
	    "finished_at - started_at)::float8 AS d, CASE WHEN "
	    "json_typeof(result->'video'->'size') = 'number' THEN "
	    "(result->'video'->>'size')::float8 END AS b FROM video_jobs "
	    "WHERE state = 'done') x");
	return w < 0 || (size_t)w >= len - used ? NULL : sql;
}

int
cz_health_register(struct cz_db *db)
{
	const char *stats = video_stats_sql();

	if (stats == NULL)
		return -1;
	return cz_db_register(db, "health_schema_version", SQL_SCHEMA_VERSION,
	    0, 1) == -1 ||
	    cz_db_register(db, "metrics_video_jobs", SQL_VIDEO_JOBS, 0, 1) == -1 ||
	    cz_db_register(db, "metrics_video_stats", stats, 0, 1) == -1 ||
	    cz_metrics_ops_register(db) == -1 ? -1 : 0;
}

/* Database reachable, then schema current. */
static void
check_database(struct cz_request *r, struct check *db, struct check *schema)
{
	struct cz_app *app = r->app;
	struct timespec t0;
	long long version = 0;
	PGresult *res;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	schema->name = "schema";
	db->name = "database";
	res = cz_query(r, "health_schema_version", 0, NULL);
	db->ms = cz_ms_since(&t0);
	if (res == NULL) {
		db->ok = 0;
		db->detail = *r->db_sqlstate == '\0' ? "unreachable" :
		    "query failed";
		schema->ok = 0;
		schema->detail = "unknown: the database is not answering";
		return;
	}
	db->ok = 1;
	db->detail = "reachable";
	schema->ok = PQntuples(res) == 1 &&
	    cz_db_int(res, 0, 0, 0, 1000000, &version) == 0 &&
	    version == app->schema_expected;
	schema->detail = cz_arena_printf(r->arena, "at migration %lld, "
	    "this build expects %d%s", version, app->schema_expected,
	    schema->ok ? "" : version < app->schema_expected ?
	    ": run cibozer-admin migrate" : ": this build is older than the "
	    "database");
}

static void
check_video_dir(struct cz_request *r, struct check *dir, struct check *disk)
{
	const struct cz_settings *s = &r->app->settings;
	unsigned long long free_mb;
	struct statvfs sv;

	dir->name = "video_dir";
	disk->name = "disk";
	dir->ok = access(s->video_dir, W_OK | X_OK) == 0;
	/* Named, with the user the check ran as: under a web server's CGI
	 * (www-data) the cause is usually the directory's owner or mode. */
	dir->detail = dir->ok ? "writable" : cz_arena_printf(r->arena,
	    "%s is missing or not writable by uid %u: %s (the video_dir "
	    "setting)", s->video_dir, (unsigned)geteuid(), strerror(errno));
	if (dir->detail == NULL)
		dir->detail = "missing or not writable";
	if (statvfs(s->video_dir, &sv) == -1) {
		disk->ok = 0;
		disk->detail = "cannot read free space";
		return;
	}
	free_mb = (unsigned long long)sv.f_bavail * sv.f_frsize / (1024 * 1024);
	disk->ok = free_mb >= (unsigned long long)s->min_free_disk_mb;
	disk->detail = cz_arena_printf(r->arena, "%llu MiB free, %lld MiB "
	    "required", free_mb, s->min_free_disk_mb);
}

static int
run_checks(struct cz_request *r, struct check c[4])
{
	memset(c, 0, 4 * sizeof(*c));
	check_database(r, &c[0], &c[1]);
	check_video_dir(r, &c[2], &c[3]);
	return c[0].ok && c[1].ok && c[2].ok && c[3].ok;
}

static int
answer(struct cz_request *r, int ok, struct json_object *o)
{
	json_object_object_add(o, "status",
	    json_object_new_string(ok ? "ok" : "unavailable"));
	if (!ok)
		cz_resp_header(r, "Retry-After", "%lld",
		    r->app->settings.retry_after);
	cz_resp_json(r, ok ? 200 : 503, o);
	json_object_put(o);
	return 0;
}

int
cz_h_health_live(struct cz_request *r)
{
	return answer(r, 1, json_object_new_object());
}

int
cz_h_health_ready(struct cz_request *r)
{
	struct json_object *o, *failing;
	struct check c[4];
	int ok, i;

	ok = run_checks(r, c);
	o = json_object_new_object();
	if (!ok) {
		failing = json_object_new_object();
		for (i = 0; i < 4; i++)
			if (!c[i].ok)
				json_object_object_add(failing, c[i].name,
				    json_object_new_string(c[i].detail));
		json_object_object_add(o, "failing", failing);
	}
	return answer(r, ok, o);
}

int
cz_h_health(struct cz_request *r)
{
	struct json_object *o, *checks, *one;
	struct check c[4];
	char ms[32];
	int ok, i;

	ok = run_checks(r, c);
	o = json_object_new_object();
	checks = json_object_new_object();
	for (i = 0; i < 4; i++) {
		one = json_object_new_object();
		json_object_object_add(one, "ok",
		    json_object_new_boolean(c[i].ok));
		json_object_object_add(one, "detail",
		    json_object_new_string(c[i].detail));
		if (i == 0) {
			snprintf(ms, sizeof(ms), "%.3f", c[i].ms);
			json_object_object_add(one, "ms",
			    json_object_new_double_s(c[i].ms, ms));
		}
		json_object_object_add(checks, c[i].name, one);
	}
	json_object_object_add(o, "checks", checks);
	json_object_object_add(o, "version",
	    json_object_new_string(PACKAGE_VERSION));
	json_object_object_add(o, "pid", json_object_new_int((int)getpid()));
	json_object_object_add(o, "uptime_seconds",
	    json_object_new_int64((int64_t)(time(NULL) - r->app->started)));
	json_object_object_add(o, "workers",
	    json_object_new_int64(r->app->settings.workers));
	return answer(r, ok, o);
}

/* Set after the video part was left out of /metrics (and logged), until
 * the database answers again: one warning per outage and process. */
static int video_db_down;

/* A count column: digits only, else -1. */
static long long
count_at(const PGresult *res, int row, int col)
{
	long long v;

	return cz_db_int(res, row, col, 0, INT64_MAX, &v) == 0 ? v : -1;
}

/* One histogram from the stats row, starting at column col: a count per
 * bound, then the sum and the count. */
static int
put_histogram(cz_buf *out, const char *name, const char *help,
    const double *bounds, size_t n, const PGresult *res, int col,
    int decimals)
{
	size_t i;
	int rc = 0;

	rc |= cz_buf_printf(out, "# HELP %s %s\n# TYPE %s histogram\n", name,
	    help, name);
	for (i = 0; i < n; i++)
		rc |= cz_buf_printf(out, "%s_bucket{le=\"%.15g\"} %lld\n", name,
		    bounds[i], count_at(res, 0, col + (int)i));
	rc |= cz_buf_printf(out, "%s_bucket{le=\"+Inf\"} %lld\n", name,
	    count_at(res, 0, col + (int)n + 1));
	rc |= cz_buf_printf(out, "%s_sum %.*f\n", name, decimals,
	    strtod(cz_db_text(res, 0, col + (int)n), NULL));
	rc |= cz_buf_printf(out, "%s_count %lld\n", name,
	    count_at(res, 0, col + (int)n + 1));
	return rc;
}

/* Appends the video queue's metrics, read from the database. Returns 0,
 * 1 when the database did not answer (nothing appended), -1 when out is
 * full. */
static int
video_metrics(struct cz_request *r, cz_buf *out)
{
	long long counts[NVPRESET][NVSTATE];
	PGresult *jobs, *stats;
	const char *why;
	size_t i, j;
	int rc = 0, row;

	jobs = cz_query(r, "metrics_video_jobs", 0, NULL);
	if (jobs == NULL || PQnfields(jobs) != JOBS__NCOLS)
		goto unavailable;
	stats = cz_query(r, "metrics_video_stats", 0, NULL);
	if (stats == NULL || PQntuples(stats) != 1 ||
	    PQnfields(stats) != STATS__NCOLS)
		goto unavailable;
	memset(counts, 0, sizeof(counts));
	for (row = 0; row < PQntuples(jobs); row++)
		for (i = 0; i < NVPRESET; i++)
			for (j = 0; j < NVSTATE; j++)
				if (strcmp(cz_db_text(jobs, row, JOBS_PRESET),
				    video_presets[i]) == 0 && strcmp(cz_db_text(jobs,
				    row, JOBS_STATE), video_states[j]) == 0)
					counts[i][j] = count_at(jobs, row,
					    JOBS_COUNT);
	rc |= cz_buf_puts(out,
	    "# HELP cibozer_video_jobs Video jobs in the database, by preset "
	    "(platform) and state.\n"
	    "# TYPE cibozer_video_jobs gauge\n");
	for (i = 0; i < NVPRESET; i++)
		for (j = 0; j < NVSTATE; j++)
			rc |= cz_buf_printf(out, "cibozer_video_jobs{preset=\"%s\","
			    "state=\"%s\"} %lld\n", video_presets[i],
			    video_states[j], counts[i][j]);
	rc |= cz_buf_printf(out,
	    "# HELP cibozer_video_queue_depth Video jobs waiting to be "
	    "rendered (state queued, backoff included).\n"
	    "# TYPE cibozer_video_queue_depth gauge\n"
	    "cibozer_video_queue_depth %lld\n"
	    "# HELP cibozer_video_queue_oldest_seconds Age of the oldest "
	    "queued video job, 0 when none is queued.\n"
	    "# TYPE cibozer_video_queue_oldest_seconds gauge\n"
	    "cibozer_video_queue_oldest_seconds %.3f\n",
	    count_at(stats, 0, STATS_QUEUED), strtod(cz_db_text(stats, 0,
	    STATS_OLDEST), NULL));
	rc |= put_histogram(out, "cibozer_video_render_duration_seconds",
	    "Render time (finished_at - started_at of the last attempt) of "
	    "the done videos still kept.", video_secs, NVSECS, stats,
	    STATS_SECS, 3);
	rc |= put_histogram(out, "cibozer_video_output_bytes",
	    "MP4 size of the done videos still kept.", video_bytes, NVBYTES,
	    stats, STATS_BYTES, 0);
	video_db_down = 0;
	return rc == 0 ? 0 : -1;
unavailable:
	if (!video_db_down) {
		why = cz_db_error(r->app->db);
		cz_log(CZ_LOG_WARN, "%s: no answer from the database; /metrics "
		    "leaves out the video queue until there is: %.*s", __func__,
		    (int)strcspn(why, "\n"), why);
	}
	video_db_down = 1;
	return 1;
}

int
cz_h_metrics(struct cz_request *r)
{
	int video;

	if (r->app->metrics == NULL) {
		r->error_message = "metrics are not kept in this mode";
		return 404;
	}
	cz_buf_reset(r->body_out);
	if (cz_metrics_render(r->app->metrics, cz_routes, cz_nroutes,
	    r->body_out) == -1 || (video = video_metrics(r, r->body_out)) == -1 ||
	    cz_metrics_ops(r, r->body_out, video == 0) == -1) {
		r->error_message = "metrics output too large";
		return 500;
	}
	r->status = 200;
	r->content_type_out = "text/plain; version=0.0.4; charset=utf-8";
	return 0;
}
