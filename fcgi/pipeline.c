/*
 * pipeline.c - a request from start to finish: parse (bounded) → route →
 * read body → database check → who is asking and CSRF → handler → error
 * page when the handler returned a status → security headers → send → log
 * and count → release the request's arena. Also the start-up wiring that
 * knows every area: the route table check and the statements each area
 * registers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "accounts.h"
#include "api_keys.h"
#include "app.h"
#include "audit.h"
#include "clock.h"
#include "handlers.h"
#include "key_usage.h"
#include "log.h"
#include "mail_links.h"
#include "metrics.h"
#include "pipeline.h"
#include "plans.h"
#include "query.h"
#include "privacy.h"
#include "response.h"
#include "routes.h"
#include "session.h"
#include "shopping.h"
#include "throttle.h"
#include "challenge.h"
#include "videos.h"

/* Every area's statements, prepared on each connection. */
static int (*const registrars[])(struct cz_db *) = {
	cz_health_register,
	cz_plans_register,
	cz_shopping_register,
	cz_videos_register,
	cz_audit_register,
	cz_limits_register,
	cz_challenge_register,
	cz_session_register,
	cz_auth_register,
	cz_legal_register,
	cz_keys_register,
	cz_tokens_register,
	cz_privacy_register,
	cz_activity_register,
	cz_key_usage_register,
};

int
cz_pipeline_init(struct cz_app *app, const struct cz_settings *s, char *err,
    size_t errlen)
{
	size_t i;

	if (cz_router_check(cz_routes, cz_nroutes, err, errlen) == -1)
		return -1;
	if (cz_app_init(app, s, err, errlen) == -1)
		return -1;
	for (i = 0; i < sizeof(registrars) / sizeof(registrars[0]); i++)
		if (registrars[i](app->db) == -1) {
			snprintf(err, errlen, "database handle: too many "
			    "statements");
			cz_app_free(app);
			return -1;
		}
	return 0;
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
	if ((status = cz_session_load(r)) != CZ_NEXT)
		return status;
	if (!(r->match.route->flags & CZ_ROUTE_NO_CSRF) &&
	    (status = cz_session_check_csrf(r)) != CZ_NEXT)
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

/*
 * A request parked on its database result (cz_park): its request, its
 * transport (the caller's io changes with the next request) and its
 * space, until settle() answers it. A worker holds up to CZ_PARK_MAX,
 * in the order they parked: plans whose inserts went in one batch and
 * share its commit (lib/db.h, cz_db_send).
 */
struct cz_parked {
	struct cz_request	 r;
	struct cz_io		 io;
	struct timespec		 t0;
	struct cz_req_space	*space;
};

static int
parked_now(const struct cz_app *app)
{
	return app->nparked > 0;
}

/* The space the next request takes: one no parked request holds. */
static struct cz_req_space *
free_space(struct cz_app *app)
{
	int i, k;

	for (i = 0; i < CZ_PARK_MAX; i++) {
		for (k = 0; k < app->nparked; k++)
			if (app->parked[k].space == &app->spaces[i])
				break;
		if (k == app->nparked)
			return &app->spaces[i];
	}
	return &app->spaces[CZ_PARK_MAX];
}

/*
 * The rest of a request whose handler (or the pipeline) gave status: an
 * error page for an error, the headers every answer carries, the answer
 * sent, the log line and the metrics, and its space made ready for the
 * next.
 */
static void
finish(struct cz_app *app, struct cz_request *r, int status,
    const struct timespec *t0, struct cz_req_space *sp)
{
	struct cz_log_request lr;
	const char *msg;
	double secs;

	if (status == CZ_NEXT || status == CZ_PARKED ||
	    (status == CZ_DONE && r->status == 0)) {
		r->error_message = "the handler built no response";
		status = 500;
	}
	if (status != 0) {
		if (status == 503 || status == 429)
			cz_resp_header(r, "Retry-After", "%lld",
			    app->settings.retry_after);
		/* Client errors show their reason; server errors never
		 * show internals. */
		msg = status >= 500 ? NULL : r->error_message;
		if (status == 503)
			msg = r->error_message;
		cz_resp_error(r, status, msg);
	}
	/* A signed-in page holds the account's data and its CSRF token:
	 * never stored by a cache either. */
	if (r->status >= 400 || strncmp(r->path, "/api/", 5) == 0 ||
	    r->wants_json || r->user != NULL)
		cz_resp_header(r, "Cache-Control", "no-store");
	else
		cz_resp_header(r, "Cache-Control", "no-cache");
	cz_resp_security_headers(r);
	if (cz_resp_send(r) == -1)
		r->error_message = "the client went away before the response "
		    "was written";
	if (r->has_file)	/* not sent: the headers failed */
		close(r->file_fd);

	secs = cz_ms_since(t0) / 1e3;
	lr.request_id = r->request_id;
	lr.method = r->method;
	lr.path = r->path;
	lr.route = r->match.route != NULL ? r->match.route->name : NULL;
	lr.status = r->status;
	lr.duration_ms = secs * 1000.0;
	lr.message = r->status >= 400 || r->error_message != NULL ?
	    (r->error_message ? r->error_message : cz_status_text(r->status)) :
	    NULL;
	cz_log_request(&lr);
	if (app->metrics != NULL)
		cz_metrics_observe(app->metrics, r->match.route != NULL ?
		    r->match.index : cz_nroutes, r->status, secs);
	count_db(app);

	cz_arena_reset(sp->arena);
	cz_buf_trim(&sp->body, CZ_BUF_KEEP);
	cz_buf_trim(&sp->headers, CZ_BUF_KEEP);
	cz_buf_trim(&sp->doc, CZ_BUF_KEEP);
}

/*
 * Answers the parked requests: each takes its result from the batch
 * first (so that one storing its plan again, alone, finds no result of
 * the others still due), then in the order they parked its handler's rest
 * reads it, the pipeline's rest runs and the transport is told.
 * cz_db_settle's callback, so it runs before anything else uses the
 * connection.
 */
static void
settle(void *arg)
{
	struct cz_app *app = arg;
	struct cz_parked *pk;
	int i, n = app->nparked, status;

	for (i = 0; i < n; i++)
		cz_query_take(&app->parked[i].r);
	if (n > 0 && app->metrics != NULL)
		cz_metrics_parked_commit(app->metrics);
	for (i = 0; i < n; i++) {
		pk = &app->parked[i];
		status = pk->r.park_finish(&pk->r, pk->r.park_arg);
		finish(app, &pk->r, status, &pk->t0, pk->space);
		pk->io.done(pk->io.ctx);
	}
	app->nparked = 0;
}

/* Parks r (the handler returned CZ_PARKED): 0, or -1 when it cannot,
 * and the caller finishes it at once. A full batch is committed now, so
 * that its commit runs while the next request is read. */
static int
park(struct cz_app *app, struct cz_request *r, const struct timespec *t0,
    struct cz_req_space *sp)
{
	struct cz_parked *pk;

	if (r->io->done == NULL || app->nparked == CZ_PARK_MAX)
		return -1;
	if (app->parked == NULL && (app->parked = calloc(CZ_PARK_MAX,
	    sizeof(*app->parked))) == NULL)
		return -1;
	pk = &app->parked[app->nparked++];
	pk->r = *r;
	pk->io = *r->io;
	pk->r.io = &pk->io;
	pk->t0 = *t0;
	pk->space = sp;
	cz_db_defer(app->db, settle, app);
	if (app->nparked == CZ_PARK_MAX || cz_db_batch_room(app->db) == 0)
		cz_db_commit_send(app->db);
	if (app->metrics != NULL)
		cz_metrics_parked(app->metrics);
	return 0;
}

void
cz_pipeline_settle(struct cz_app *app)
{
	if (parked_now(app))
		cz_db_settle(app->db);
}

int
cz_pipeline_parked_fd(const struct cz_app *app)
{
	return parked_now(app) ? cz_db_deferred_fd(app->db) : -1;
}

int
cz_pipeline_commit_due(const struct cz_app *app)
{
	return parked_now(app) && cz_db_deferred_fd(app->db) < 0;
}

void
cz_pipeline_commit(struct cz_app *app)
{
	if (!parked_now(app))
		return;
	/* No batch left to commit (its connection broke): answered now. */
	if (cz_db_batch_room(app->db) == CZ_DB_BATCH_MAX)
		cz_db_settle(app->db);
	else
		cz_db_commit_send(app->db);
}

int
cz_pipeline_handle(struct cz_app *app, const struct cz_io *io)
{
	struct cz_req_space *sp = free_space(app);
	struct cz_request r;
	struct timespec t0;
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	r.app = app;
	r.arena = sp->arena;
	r.io = io;
	r.headers = &sp->headers;
	r.body_out = &sp->body;
	r.doc = &sp->doc;
	r.method = "";
	r.path = "";
	r.request_id = "";
	cz_buf_reset(r.headers);
	cz_buf_reset(r.body_out);

	r.db_sent = -1;

	status = dispatch(&r);
	if (status == CZ_PARKED) {
		if (park(app, &r, &t0, sp) == 0)
			return 1;
		status = r.park_finish(&r, r.park_arg);
	}
	finish(app, &r, status, &t0, sp);
	/* The plans parked wait for their commit no longer than this
	 * request, which did not add to their batch, took. */
	cz_pipeline_commit(app);
	return 0;
}
