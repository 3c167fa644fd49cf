/*
 * handlers_health.c - liveness, readiness and detail health checks, and the
 * Prometheus metrics page.
 *
 * /health/live answers without touching the database: it only says the
 * process runs. /health/ready is what a load balancer asks before sending
 * traffic: database reachable (bounded by the connect and statement
 * timeouts), schema at the version this build expects, video directory
 * writable, free disk above the threshold. /health gives the details.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "numparse.h"
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

int
cz_health_register(struct cz_db *db)
{
	return cz_db_register(db, "health_schema_version", SQL_SCHEMA_VERSION,
	    0, 1);
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Database reachable, then schema current. */
static void
check_database(struct cz_request *r, struct check *db, struct check *schema)
{
	struct cz_app *app = r->app;
	const char *errstr;
	struct timespec t0;
	long long version;
	PGresult *res;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	schema->name = "schema";
	db->name = "database";
	res = cz_db_exec(app->db, "health_schema_version", 0, NULL);
	db->ms = ms_since(&t0);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		db->ok = 0;
		db->detail = res == NULL ? "unreachable" : "query failed";
		schema->ok = 0;
		schema->detail = "unknown: the database is not answering";
		PQclear(res);
		return;
	}
	db->ok = 1;
	db->detail = "reachable";
	version = cz_strtonum(PQgetvalue(res, 0, 0), 0, 1000000, &errstr);
	PQclear(res);
	schema->ok = errstr == NULL && version == app->schema_expected;
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
	dir->detail = dir->ok ? "writable" : "missing or not writable";
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

int
cz_h_metrics(struct cz_request *r)
{
	if (r->app->metrics == NULL) {
		r->error_message = "metrics are not kept in this mode";
		return 404;
	}
	cz_buf_reset(r->body_out);
	if (cz_metrics_render(r->app->metrics, cz_routes, cz_nroutes,
	    r->body_out) == -1) {
		r->error_message = "metrics output too large";
		return 500;
	}
	r->status = 200;
	r->content_type_out = "text/plain; version=0.0.4; charset=utf-8";
	return 0;
}
