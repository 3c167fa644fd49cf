/*
 * app.c - the responder's state and its request pipeline:
 * parse (bounded) → route → read body → database check → handler → send →
 * log and count → release the request's arena.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "audit.h"
#include "clock.h"
#include "throttle.h"
#include "handlers.h"
#include "log.h"
#include "migrate.h"
#include "response.h"
#include "routes.h"
#include "session.h"

/* The same policy nginx sends (nginx/snippets/cibozer-security-headers.conf). */
#define CZ_CSP "default-src 'self'; img-src 'self' data:; media-src 'self' " \
	"blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " \
	"form-action 'self'; frame-ancestors 'none'"

static struct json_object *
site_object(const struct cz_settings *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "name", json_object_new_string(s->site_name));
	json_object_object_add(o, "base_url",
	    json_object_new_string(s->base_url));
	/* Static files are cached for a year: their URLs change with each
	 * release instead. */
	json_object_object_add(o, "asset_version",
	    json_object_new_string(PACKAGE_VERSION));
	return o;
}

static struct json_object *
legal_object(const struct cz_settings *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "terms_version",
	    json_object_new_string(s->terms_version));
	json_object_object_add(o, "terms_date",
	    json_object_new_string(s->terms_date));
	json_object_object_add(o, "privacy_version",
	    json_object_new_string(s->privacy_version));
	json_object_object_add(o, "privacy_date",
	    json_object_new_string(s->privacy_date));
	json_object_object_add(o, "disclaimer_version",
	    json_object_new_string(s->disclaimer_version));
	json_object_object_add(o, "disclaimer_date",
	    json_object_new_string(s->disclaimer_date));
	/* The privacy policy states the retention periods in force. */
	json_object_object_add(o, "privacy_retention_days",
	    json_object_new_int64(s->privacy_retention_days));
	json_object_object_add(o, "video_retention_days",
	    json_object_new_int64(s->video_retention_days));
	return o;
}

int
cz_app_init(struct cz_app *app, const struct cz_settings *s, char *err,
    size_t errlen)
{
	char msg[512];
	int n;

	memset(app, 0, sizeof(*app));
	app->settings = *s;
	app->started = time(NULL);
	if (cz_router_check(cz_routes, cz_nroutes, err, errlen) == -1)
		return -1;
	if ((app->templates = mst_set_new()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if ((n = mst_set_load_dir(app->templates, s->template_dir, msg,
	    sizeof(msg))) == -1) {
		snprintf(err, errlen, "templates: %s", msg);
		return -1;
	}
	if (!mst_set_has(app->templates, "pages/error")) {
		snprintf(err, errlen, "templates: %s has no pages/error",
		    s->template_dir);
		return -1;
	}
	if ((app->schema_expected = cz_migrate_latest(s->sql_dir, msg,
	    sizeof(msg))) == -1) {
		snprintf(err, errlen, "migrations: %s", msg);
		return -1;
	}
	app->db = cz_db_new(s->database_url, (int)s->db_connect_timeout,
	    (int)s->db_statement_timeout);
	if (app->db == NULL || cz_health_register(app->db) == -1 ||
	    cz_plans_register(app->db) == -1 ||
	    cz_videos_register(app->db) == -1 ||
	    cz_audit_register(app->db) == -1 ||
	    cz_limits_register(app->db) == -1 ||
	    cz_session_register(app->db) == -1 ||
	    cz_auth_register(app->db) == -1 ||
	    cz_legal_register(app->db) == -1 ||
	    cz_keys_register(app->db) == -1 ||
	    cz_tokens_register(app->db) == -1 ||
	    cz_privacy_register(app->db) == -1 ||
	    cz_activity_register(app->db) == -1) {
		snprintf(err, errlen, "database handle: out of memory");
		return -1;
	}
	/* Registration and password changes refuse these; without the
	 * file the other rules still apply, and the log says so. */
	if (cz_pwlist_load(s->password_list, &app->pwlist, msg,
	    sizeof(msg)) == -1) {
		cz_log(CZ_LOG_WARN, "common passwords not loaded: %s", msg);
		app->pwlist = NULL;
	}
	app->argon2.m_kib = (uint32_t)s->argon2_memory_kib;
	app->argon2.t = (uint32_t)s->argon2_iterations;
	app->argon2.p = (uint32_t)s->argon2_parallelism;
	app->site_ctx = site_object(s);
	app->legal_ctx = legal_object(s);
	cz_log(CZ_LOG_INFO, "loaded %d templates from %s; schema version %d "
	    "expected", n, s->template_dir, app->schema_expected);
	return 0;
}

int
cz_app_worker_init(struct cz_app *app)
{
	if ((app->arena = cz_arena_new(CZ_ARENA_CHUNK)) == NULL)
		return -1;
	/* A request may hold its body, its parse and its rendering at
	 * once; the cap turns a runaway into a 500, not an OOM kill. */
	cz_arena_set_limit(app->arena,
	    (size_t)app->settings.max_body_bytes * 4 + 16 * 1024 * 1024);
	cz_buf_init(&app->body, (size_t)app->settings.max_response_bytes);
	cz_buf_init(&app->headers, 16 * 1024);
	cz_buf_init(&app->doc, (size_t)app->settings.max_response_bytes);
	return 0;
}

void
cz_app_free(struct cz_app *app)
{
	cz_arena_free(app->arena);
	cz_buf_free(&app->body);
	cz_buf_free(&app->headers);
	cz_buf_free(&app->doc);
	mst_set_free(app->templates);
	cz_db_free(app->db);
	cz_catalog_free(app->catalog);
	cz_pwlist_free(app->pwlist);
	json_object_put(app->site_ctx);
	json_object_put(app->legal_ctx);
	memset(app, 0, sizeof(*app));
}

/* Runs the request up to the handler; returns 0 or an error status. */
static int
dispatch(struct cz_request *r)
{
	enum cz_route_result rr;
	int status;

	if ((status = cz_req_parse_head(r)) != 0)
		return status;
	rr = cz_route(cz_routes, cz_nroutes, r->method, r->path, r->arena,
	    &r->match);
	if (rr == CZ_ROUTE_NOT_FOUND) {
		r->error_message = cz_arena_printf(r->arena,
		    "There is no page at %s.", r->path);
		return 404;
	}
	if (rr == CZ_ROUTE_BAD_METHOD) {
		cz_resp_header(r, "Allow", "%s", r->match.allow);
		r->error_message = cz_arena_printf(r->arena, "%s is not "
		    "allowed here; allowed: %s.", r->method, r->match.allow);
		return 405;
	}
	if (r->match.route->flags & CZ_ROUTE_JSON)
		r->wants_json = 1;
	if ((r->match.route->flags & CZ_ROUTE_BODY) &&
	    (status = cz_req_read_body(r)) != 0)
		return status;
	if ((r->match.route->flags & CZ_ROUTE_DB) &&
	    cz_db_ensure(r->app->db) == -1) {
		return cz_db_unavailable(r);
	}
	/* Who is asking, then whether a cookie-authenticated change came
	 * from this site's own pages. */
	if ((status = cz_session_load(r)) != 0)
		return status < 0 ? 0 : status;
	if (!(r->match.route->flags & CZ_ROUTE_NO_CSRF) &&
	    (status = cz_session_check_csrf(r)) != 0)
		return status;
	return r->match.route->handler(r);
}

static void
count_db(struct cz_app *app)
{
	const struct cz_db_stats *st = cz_db_stats(app->db);

	if (app->metrics == NULL)
		return;
	if (st->errors != app->db_seen.errors ||
	    st->reconnects != app->db_seen.reconnects) {
		cz_metrics_db(app->metrics, st->errors - app->db_seen.errors,
		    st->reconnects - app->db_seen.reconnects);
		app->db_seen = *st;
	}
}

void
cz_app_handle(struct cz_app *app, const struct cz_io *io)
{
	struct cz_log_request lr;
	struct cz_request r;
	struct timespec t0;
	const char *msg;
	double secs;
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	r.app = app;
	r.arena = app->arena;
	r.io = io;
	r.headers = &app->headers;
	r.body_out = &app->body;
	r.method = "";
	r.path = "";
	r.request_id = "";
	cz_buf_reset(r.headers);
	cz_buf_reset(r.body_out);

	status = dispatch(&r);
	if (status == 0 && r.status == 0) {
		r.error_message = "the handler built no response";
		status = 500;
	}
	if (status != 0) {
		if (status == 503 || status == 429)
			cz_resp_header(&r, "Retry-After", "%lld",
			    app->settings.retry_after);
		/* Client errors show their reason; server errors never
		 * show internals. */
		msg = status >= 500 ? NULL : r.error_message;
		if (status == 503)
			msg = r.error_message;
		cz_resp_error(&r, status, msg);
	}
	/* A signed-in page holds the account's data and its CSRF token:
	 * never stored by a cache either. */
	if (r.status >= 400 || strncmp(r.path, "/api/", 5) == 0 ||
	    r.wants_json || r.user != NULL)
		cz_resp_header(&r, "Cache-Control", "no-store");
	else
		cz_resp_header(&r, "Cache-Control", "no-cache");
	/* nginx adds these too and hides ours; in CGI mode there may be no
	 * nginx, so the responder always sends them. */
	cz_resp_header(&r, "Content-Security-Policy", "%s", CZ_CSP);
	cz_resp_header(&r, "X-Content-Type-Options", "nosniff");
	cz_resp_header(&r, "X-Frame-Options", "DENY");
	cz_resp_header(&r, "Referrer-Policy", "strict-origin-when-cross-origin");
	if (cz_resp_send(&r) == -1)
		r.error_message = "the client went away before the response "
		    "was written";
	if (r.has_file)		/* not sent: the headers failed */
		close(r.file_fd);

	secs = cz_ms_since(&t0) / 1e3;
	lr.request_id = r.request_id;
	lr.method = r.method;
	lr.path = r.path;
	lr.route = r.match.route != NULL ? r.match.route->name : NULL;
	lr.status = r.status;
	lr.duration_ms = secs * 1000.0;
	lr.message = r.status >= 400 || r.error_message != NULL ?
	    (r.error_message ? r.error_message : cz_status_text(r.status)) :
	    NULL;
	cz_log_request(&lr);
	if (app->metrics != NULL)
		cz_metrics_observe(app->metrics, r.match.route != NULL ?
		    r.match.index : cz_nroutes, r.status, secs);
	count_db(app);

	cz_arena_reset(app->arena);
	cz_buf_trim(&app->body, CZ_BUF_KEEP);
	cz_buf_trim(&app->headers, CZ_BUF_KEEP);
	cz_buf_trim(&app->doc, CZ_BUF_KEEP);
}
