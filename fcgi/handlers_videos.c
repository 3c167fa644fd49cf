/*
 * handlers_videos.c - videos of plans: requesting one (JSON API and the
 * plan page's button), following it (status API and page, a progress bar
 * the page's script updates), watching it (the player page, resume
 * position, watched at 95%), listing one's videos, and serving the files.
 *
 * Jobs live in video_jobs (sql/007-009): cibozer-render claims and renders
 * them. A request for a plan and platform that already has a job queued,
 * rendering or done returns that job: no work is done twice. Only the
 * plan's owner (and administrators) see a video; anyone else is told there
 * is no such video (404), so ids cannot be probed. Requesting needs a
 * verified e-mail address, the current legal acceptance and the tier's
 * daily video quota.
 *
 * Files are never read by path from the request: a file route names the
 * job by number and the file by a fixed pattern (video.mp4, poster.jpg,
 * hls/master.m3u8, hls/<variant>/index.m3u8, hls/<variant>/segNNN.ts).
 * Behind nginx the answer is an X-Accel-Redirect to the internal
 * /_protected_videos/ location, where nginx serves the file with ranges;
 * in CGI mode the responder streams it itself, one byte range at most.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "handlers.h"
#include "legal.h"
#include "jsonbody.h"
#include "log.h"
#include "query.h"
#include "range.h"
#include "ratelimit.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "validate.h"

#define VIDEOS_PER_PAGE		50
#define QUOTA_SCOPE		"quota.videos"
#define QUOTA_WINDOW		86400
#define WATCHED_SHARE		0.95
#define ISO_TIME(col)	"to_char(" col " AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The presets cibozer-render knows (render/preset.c), in display order. */
static const char *const platforms[] = {
	"youtube_shorts", "youtube_long", "tiktok", "instagram", NULL
};
static const char *const platform_labels[] = {
	"YouTube Shorts (1080×1920, 60 s)", "YouTube (1920×1080, 3 min)",
	"TikTok (1080×1920, 30 s)", "Instagram (1080×1080, 60 s)"
};

#define SQL_PLAN_OWNER \
	"SELECT coalesce(owner_id, 0) FROM plans WHERE id = $1::bigint"
enum { OWNER_PLAN, OWNER__N };
enum { OWNER_ID };
/* lock, find and insert run in one transaction: they are registered as
 * not idempotent, so that a lost connection fails them instead of running
 * them again on a new connection, outside the transaction. */
#define SQL_LOCK_PLAN \
	"SELECT pg_advisory_xact_lock(7317, hashint8($1::bigint))"
enum { LOCK_PLAN, LOCK__N };
#define SQL_FIND_JOB \
	"SELECT id FROM video_jobs WHERE plan_id = $1::bigint AND preset = $2 " \
	"AND state IN ('queued', 'running', 'done') ORDER BY id DESC LIMIT 1"
enum { FIND_PLAN, FIND_PRESET, FIND__N };
enum { FIND_ID };
/* A job requested with an API key counts in the key's usage of the day
 * (the row exists: the key's lookup made it for this request). */
#define SQL_INSERT_JOB \
	"WITH j AS (INSERT INTO video_jobs (plan_id, preset) VALUES " \
	"($1::bigint, $2) RETURNING id), k AS (UPDATE api_key_usage SET " \
	"videos = videos + 1 WHERE key_id = $3::bigint AND day = (now() AT " \
	"TIME ZONE 'UTC')::date) SELECT id FROM j"
enum { INSERT_PLAN, INSERT_PRESET, INSERT_KEY, INSERT__N };
enum { INSERT_ID };
#define SQL_GET_JOB \
	"SELECT j.id, j.plan_id, j.preset, j.state, coalesce(j.stage, ''), " \
	"j.progress, j.attempts, coalesce(j.error, ''), " \
	ISO_TIME("j.created_at") ", coalesce(" ISO_TIME("j.finished_at") \
	", ''), coalesce(extract(epoch FROM coalesce(j.finished_at, now()) - " \
	"j.started_at)::float8, 0), coalesce(j.result::text, ''), " \
	"coalesce(p.owner_id, 0), coalesce(b.position, 0), " \
	"coalesce(b.watched, false) FROM video_jobs j " \
	"JOIN plans p ON p.id = j.plan_id LEFT JOIN video_playback b ON " \
	"b.job_id = j.id AND b.user_id = $2::bigint WHERE j.id = $1::bigint"
enum { GET_JOB, GET_USER, GET__N };
enum { GET_ID, GET_PLAN_ID, GET_PRESET, GET_STATE, GET_STAGE, GET_PROGRESS,
    GET_ATTEMPTS, GET_ERROR, GET_CREATED_AT, GET_FINISHED_AT, GET_ELAPSED,
    GET_RESULT, GET_OWNER, GET_POSITION, GET_WATCHED };
#define SQL_LIST_JOBS \
	"SELECT j.id, j.plan_id, j.preset, j.state, j.progress, " \
	"to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), " \
	"coalesce(j.result->'video'->>'duration', ''), " \
	"coalesce(j.result->'video'->>'size', ''), coalesce(b.watched, false) " \
	"FROM video_jobs j JOIN plans p ON p.id = j.plan_id " \
	"LEFT JOIN video_playback b ON b.job_id = j.id AND " \
	"b.user_id = $1::bigint WHERE p.owner_id = $1::bigint AND " \
	"($2::bigint IS NULL OR j.id < $2::bigint) ORDER BY j.id DESC " \
	"LIMIT $3::integer"
enum { LIST_USER, LIST_BEFORE, LIST_LIMIT, LIST__N };
enum { LIST_ID, LIST_PLAN_ID, LIST_PRESET, LIST_STATE, LIST_PROGRESS,
    LIST_CREATED_AT, LIST_DURATION, LIST_SIZE, LIST_WATCHED };
#define SQL_SAVE_POSITION \
	"INSERT INTO video_playback (job_id, user_id, position, duration, " \
	"watched, watched_at) VALUES ($1::bigint, $2::bigint, $3::real, " \
	"$4::real, $5::boolean, CASE WHEN $5::boolean THEN now() END) " \
	"ON CONFLICT (job_id, user_id) DO UPDATE SET position = " \
	"excluded.position, duration = excluded.duration, watched = " \
	"video_playback.watched OR excluded.watched, watched_at = " \
	"coalesce(video_playback.watched_at, excluded.watched_at), " \
	"updated_at = now()"
enum { SAVE_JOB, SAVE_USER, SAVE_POSITION, SAVE_DURATION, SAVE_WATCHED,
    SAVE__N };

int
cz_videos_register(struct cz_db *db)
{
	if (cz_db_register(db, "video_plan_owner", SQL_PLAN_OWNER, OWNER__N,
	    1) == -1 ||
	    cz_db_register(db, "video_lock_plan", SQL_LOCK_PLAN, LOCK__N,
	    0) == -1 ||
	    cz_db_register(db, "video_find_job", SQL_FIND_JOB, FIND__N,
	    0) == -1 ||
	    cz_db_register(db, "video_insert_job", SQL_INSERT_JOB, INSERT__N,
	    0) == -1 ||
	    cz_db_register(db, "video_get_job", SQL_GET_JOB, GET__N, 1) == -1 ||
	    cz_db_register(db, "video_list_jobs", SQL_LIST_JOBS, LIST__N,
	    1) == -1 ||
	    cz_db_register(db, "video_save_position", SQL_SAVE_POSITION,
	    SAVE__N, 0) == -1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * helpers
 */

static long long
param_id(struct cz_request *r, const char *name)
{
	const struct cz_path_param *p = cz_route_param(&r->match, name);

	return p != NULL ? p->num : 0;
}

/* Nobody signed in: 401 for the API, the log-in page for people. Returns
 * CZ_DONE (the redirect is built) or 401. */
static int
sign_in_first(struct cz_request *r, const char *next)
{
	if (r->wants_json) {
		r->error_message = "log in first (POST /api/login) or send an "
		    "API key";
		return 401;
	}
	return cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
	    "/login?next=%s", next));
}

/* Whether r->user may see something owned by owner. */
static int
may_see(const struct cz_request *r, long long owner)
{
	return r->user != NULL && (r->user->is_admin || (owner != 0 &&
	    owner == r->user->id));
}

static int
no_such_video(struct cz_request *r, long long id)
{
	r->error_message = cz_arena_printf(r->arena, "There is no video %lld.",
	    id);
	return 404;
}

/* The state as people and the API name it. */
static const char *
status_of(const char *state)
{
	return strcmp(state, "running") == 0 ? "rendering" : state;
}

/* One job as the status API and the pages describe it. */
struct job {
	long long	 id, plan_id, owner;
	const char	*platform, *status, *stage, *error, *created_at;
	const char	*finished_at;
	int		 progress, attempts, watched;
	double		 elapsed, position;
	struct json_object *result;	/* the renderer's metadata, or NULL */
};

/* Loads job id as r->user sees it. Returns 0, or an HTTP status (404 when
 * it does not exist or is not the user's). */
static int
load_job(struct cz_request *r, long long id, struct job *j)
{
	const char *v[GET__N], *text;
	char idbuf[32], ubuf[32];
	PGresult *res;
	long long n;

	memset(j, 0, sizeof(*j));
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	snprintf(ubuf, sizeof(ubuf), "%lld", r->user != NULL ? r->user->id :
	    0);
	v[GET_JOB] = idbuf;
	v[GET_USER] = ubuf;
	if ((res = cz_query(r, "video_get_job", GET__N, v)) == NULL)
		return cz_db_unavailable(r);
	if (PQntuples(res) != 1)
		return no_such_video(r, id);
	/* The numbers are NOT NULL columns; one that did not parse stays 0,
	 * and an owner of 0 is nobody's. */
	(void)cz_db_int(res, 0, GET_OWNER, 0, LLONG_MAX, &j->owner);
	if (!may_see(r, j->owner))
		return no_such_video(r, id);
	j->id = id;
	(void)cz_db_int(res, 0, GET_PLAN_ID, 1, LLONG_MAX, &j->plan_id);
	j->platform = cz_db_text(res, 0, GET_PRESET);
	j->status = status_of(cz_db_text(res, 0, GET_STATE));
	j->stage = cz_db_text(res, 0, GET_STAGE);
	if (cz_db_int(res, 0, GET_PROGRESS, 0, 100, &n) == 0)
		j->progress = (int)n;
	if (cz_db_int(res, 0, GET_ATTEMPTS, 0, INT_MAX, &n) == 0)
		j->attempts = (int)n;
	j->error = cz_db_text(res, 0, GET_ERROR);
	j->created_at = cz_db_text(res, 0, GET_CREATED_AT);
	j->finished_at = cz_db_text(res, 0, GET_FINISHED_AT);
	j->elapsed = strtod(cz_db_text(res, 0, GET_ELAPSED), NULL);
	text = cz_db_text(res, 0, GET_RESULT);
	if (*text != '\0' && cz_parse_json(r->arena, text, strlen(text),
	    CZ_JSON_MAX_DEPTH, &j->result) != CZ_P_OK)
		j->result = NULL;
	j->position = strtod(cz_db_text(res, 0, GET_POSITION), NULL);
	j->watched = cz_db_bool(res, 0, GET_WATCHED);
	return 0;
}

/*
 * The video the route's {id} names, for the signed-in user, who must be
 * allowed to read videos. Returns CZ_NEXT with *j filled, CZ_DONE when the
 * answer (the log-in page) is built, or an HTTP status.
 */
static int
own_video(struct cz_request *r, struct job *j)
{
	long long id = param_id(r, "id");
	int rc;

	if (r->user == NULL)
		return sign_in_first(r, cz_arena_printf(r->arena,
		    "/videos/%lld", id));
	if ((rc = cz_user_can(r, "videos:read")) != CZ_NEXT)
		return rc;
	if ((rc = load_job(r, id, j)) != 0)
		return rc;
	return CZ_NEXT;
}

/* A member of the renderer's result: video.<key>. */
static struct json_object *
video_meta(const struct job *j, const char *key)
{
	struct json_object *v, *x;

	if (j->result == NULL ||
	    !json_object_object_get_ex(j->result, "video", &v) ||
	    !json_object_object_get_ex(v, key, &x))
		return NULL;
	return x;
}

/* The job as the status API answers it (also the player page's data). */
static struct json_object *
job_json(struct cz_request *r, const struct job *j)
{
	struct json_object *o, *u, *x;
	int done = strcmp(j->status, "done") == 0;
	int rendering = strcmp(j->status, "rendering") == 0;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(j->id));
	json_object_object_add(o, "plan_id", json_object_new_int64(j->plan_id));
	json_object_object_add(o, "platform",
	    json_object_new_string(j->platform));
	json_object_object_add(o, "status", json_object_new_string(j->status));
	json_object_object_add(o, "stage", rendering && *j->stage != '\0' ?
	    json_object_new_string(j->stage) : NULL);
	json_object_object_add(o, "progress", json_object_new_int(done ? 100 :
	    j->progress));
	json_object_object_add(o, "attempts", json_object_new_int(j->attempts));
	json_object_object_add(o, "created_at",
	    json_object_new_string(j->created_at));
	json_object_object_add(o, "finished_at", *j->finished_at != '\0' ?
	    json_object_new_string(j->finished_at) : NULL);
	json_object_object_add(o, "elapsed_seconds",
	    json_object_new_int((int)lround(j->elapsed)));
	/* From the share done so far; encoding starts at 5%. */
	json_object_object_add(o, "eta_seconds", rendering && j->progress > 5 ?
	    json_object_new_int((int)lround(j->elapsed * (100 - j->progress) /
	    j->progress)) : NULL);
	json_object_object_add(o, "error", strcmp(j->status, "failed") == 0 ||
	    (strcmp(j->status, "queued") == 0 && *j->error != '\0') ?
	    json_object_new_string(j->error) : NULL);
	if (done) {
		if ((x = video_meta(j, "duration")) != NULL)
			json_object_object_add(o, "duration_seconds",
			    json_object_get(x));
		if ((x = video_meta(j, "width")) != NULL)
			json_object_object_add(o, "width", json_object_get(x));
		if ((x = video_meta(j, "height")) != NULL)
			json_object_object_add(o, "height", json_object_get(x));
		if ((x = video_meta(j, "size")) != NULL)
			json_object_object_add(o, "size_bytes",
			    json_object_get(x));
		if ((x = video_meta(j, "codec")) != NULL)
			json_object_object_add(o, "codec", json_object_get(x));
	}
	json_object_object_add(o, "position_seconds",
	    json_object_new_double(j->position));
	json_object_object_add(o, "watched", json_object_new_boolean(j->watched));
	u = json_object_new_object();
	json_object_object_add(u, "status", json_object_new_string(
	    cz_arena_printf(r->arena, "/api/videos/%lld", j->id)));
	json_object_object_add(u, "page", json_object_new_string(
	    cz_arena_printf(r->arena, "/videos/%lld", j->id)));
	json_object_object_add(u, "plan", json_object_new_string(
	    cz_arena_printf(r->arena, "/plans/%lld", j->plan_id)));
	if (done) {
		json_object_object_add(u, "mp4", json_object_new_string(
		    cz_arena_printf(r->arena, "/videos/%lld/video.mp4",
		    j->id)));
		json_object_object_add(u, "hls", json_object_new_string(
		    cz_arena_printf(r->arena, "/videos/%lld/hls/master.m3u8",
		    j->id)));
		json_object_object_add(u, "poster", json_object_new_string(
		    cz_arena_printf(r->arena, "/videos/%lld/poster.jpg",
		    j->id)));
	}
	json_object_object_add(o, "urls", u);
	return o;
}

/* ------------------------------------------------------------------------
 * requesting a video
 */

static const struct cz_field request_fields[] = {
	{ "platform", CZ_F_ENUM, 1, 0, 0, platforms },
};

/* Ends the transaction of request_video with cmd (COMMIT or ROLLBACK).
 * Returns 0, or -1 (logged) when it failed or the connection is gone: a
 * statement that lost it closed it (lib/db.c), and the server rolled the
 * transaction back. */
static int
end_transaction(struct cz_request *r, const char *cmd)
{
	PGconn *c = cz_db_conn(r->app->db);
	PGresult *res;
	int ok;

	if (c == NULL)
		return -1;
	res = PQexec(c, cmd);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		cz_log(CZ_LOG_ERROR, "%s: %s: %s", __func__, cmd,
		    PQerrorMessage(c));
	PQclear(res);
	return ok ? 0 : -1;
}

/*
 * Finds or queues the job for plan and platform. Returns CZ_NEXT with *id
 * set and *created telling whether it is new, CZ_DONE when the answer
 * (redirect, 401/403/429) is built, or an HTTP status.
 */
static int
request_video(struct cz_request *r, long long plan, const char *platform,
    long long *id, int *created)
{
	struct json_object *detail;
	const char *owner_v[OWNER__N], *lock_v[LOCK__N], *find_v[FIND__N];
	const char *insert_v[INSERT__N];
	char pbuf[32], kbuf[32];
	long long owner, quota;
	PGresult *res;
	PGconn *c;
	int rc, wait, ret;

	*created = 0;
	if (r->user != NULL && (rc = cz_user_can(r, "videos:write")) != CZ_NEXT)
		return rc;
	if ((rc = cz_legal_gate(r, cz_arena_printf(r->arena, "/plans/%lld",
	    plan))) != CZ_NEXT)
		return rc;
	snprintf(pbuf, sizeof(pbuf), "%lld", plan);
	owner_v[OWNER_PLAN] = pbuf;
	if ((res = cz_query(r, "video_plan_owner", OWNER__N, owner_v)) == NULL)
		return cz_db_unavailable(r);
	owner = -1;
	if (PQntuples(res) == 1 &&
	    cz_db_int(res, 0, OWNER_ID, 0, LLONG_MAX, &owner) == -1)
		owner = 0;
	if (owner == -1 || !may_see(r, owner)) {
		r->error_message = cz_arena_printf(r->arena, "There is no plan "
		    "%lld.", plan);
		return 404;
	}
	if (!r->user->verified) {
		r->error_message = "confirm your e-mail address first (see the "
		    "link we sent you, or ask for a new one on your account "
		    "page)";
		return 403;
	}
	if ((c = cz_db_conn(r->app->db)) == NULL)
		return cz_db_unavailable(r);
	/* One request at a time per plan, so that two at once make one job. */
	res = PQexec(c, "BEGIN");
	rc = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!rc)
		cz_log(CZ_LOG_ERROR, "%s: BEGIN: %s", __func__,
		    PQerrorMessage(c));
	PQclear(res);
	if (!rc)
		return cz_db_unavailable(r);
	ret = 503;
	lock_v[LOCK_PLAN] = pbuf;
	if (cz_query(r, "video_lock_plan", LOCK__N, lock_v) == NULL)
		goto dberr;
	find_v[FIND_PLAN] = pbuf;
	find_v[FIND_PRESET] = platform;
	if ((res = cz_query(r, "video_find_job", FIND__N, find_v)) == NULL)
		goto dberr;
	if (PQntuples(res) == 1) {
		if (cz_db_int(res, 0, FIND_ID, 1, LLONG_MAX, id) == -1)
			goto out;
		ret = 0;
		goto out;
	}
	quota = cz_quota(&r->app->settings, r->user->tier, 1);
	if (quota < 0 || quota > INT32_MAX)
		quota = 0;
	rc = cz_limit_hit(r, &(struct cz_ratelimit){ QUOTA_SCOPE, (int)quota,
	    QUOTA_WINDOW, 0 }, cz_arena_printf(r->arena, "%lld", r->user->id),
	    &wait);
	if (rc == -1)
		goto out;	/* logged */
	if (rc == 1) {
		(void)end_transaction(r, "ROLLBACK");
		cz_limit_refuse(r, r->user->id, QUOTA_SCOPE, wait,
		    cz_arena_printf(r->arena, "The daily video quota of your "
		    "%s account (%lld videos a day) is used up; it renews at "
		    "midnight UTC.", r->user->tier, quota));
		return CZ_DONE;
	}
	snprintf(kbuf, sizeof(kbuf), "%lld", r->user->key_id);
	insert_v[INSERT_PLAN] = pbuf;
	insert_v[INSERT_PRESET] = platform;
	insert_v[INSERT_KEY] = kbuf;
	if ((res = cz_query(r, "video_insert_job", INSERT__N,
	    insert_v)) == NULL)
		goto dberr;
	if (PQntuples(res) != 1 ||
	    cz_db_int(res, 0, INSERT_ID, 1, LLONG_MAX, id) == -1)
		goto out;
	*created = 1;
	ret = 0;
	goto out;
dberr:
	cz_log(CZ_LOG_ERROR, "%s: %s", __func__, cz_db_error(r->app->db));
out:
	if (end_transaction(r, ret == 0 ? "COMMIT" : "ROLLBACK") == -1)
		ret = 503;
	if (ret == 503)
		return cz_db_unavailable(r);
	if (*created) {
		detail = json_object_new_object();
		json_object_object_add(detail, "job", json_object_new_int64(*id));
		json_object_object_add(detail, "plan", json_object_new_int64(plan));
		json_object_object_add(detail, "platform",
		    json_object_new_string(platform));
		cz_audit(r, r->user->id, "video.requested", detail);
	}
	return CZ_NEXT;
}

int
cz_h_api_video_create(struct cz_request *r)
{
	struct json_object *errors, *o;
	struct cz_value val[1];
	struct job j;
	long long plan = param_id(r, "id"), id = 0;
	int rc, created;

	if (r->user == NULL)
		return sign_in_first(r, "/plans");
	if (r->json == NULL) {
		r->error_message = "send {\"platform\": ...} as JSON";
		return 400;
	}
	if (cz_validate_json(r->arena, request_fields, 1, r->json, val,
	    &errors) == -1)
		return errors != NULL ? cz_resp_json(r, 400,
		    cz_errors_body(r, errors)) : 500;
	if ((rc = request_video(r, plan, val[0].s, &id, &created)) != CZ_NEXT)
		return rc;
	if ((rc = load_job(r, id, &j)) != 0)
		return rc;
	if ((o = job_json(r, &j)) == NULL || cz_json_own(r->arena, o) == -1)
		return 500;
	cz_resp_header(r, "Location", "/api/videos/%lld", id);
	/* 202 while there is work to wait for; a finished one is 200. */
	return cz_resp_json(r, strcmp(j.status, "done") == 0 ? 200 : 202, o);
}

int
cz_h_video_create_form(struct cz_request *r)
{
	struct cz_value val[1];
	long long plan = param_id(r, "id"), id = 0;
	int rc, created;

	if (r->user == NULL)
		return sign_in_first(r, cz_arena_printf(r->arena, "/plans/%lld",
		    plan));
	if (cz_validate_params(r->arena, request_fields, 1, &r->form, val,
	    NULL) == -1) {
		r->error_message = "choose one of the platforms offered";
		return 400;
	}
	if ((rc = request_video(r, plan, val[0].s, &id, &created)) != CZ_NEXT)
		return rc;
	return cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
	    "/videos/%lld", id));
}

/* ------------------------------------------------------------------------
 * following and watching
 */

int
cz_h_api_video_get(struct cz_request *r)
{
	struct json_object *o;
	struct job j;
	int rc;

	if ((rc = own_video(r, &j)) != CZ_NEXT)
		return rc;
	if ((o = job_json(r, &j)) == NULL || cz_json_own(r->arena, o) == -1)
		return 500;
	return cz_resp_json(r, 200, o);
}

int
cz_h_video_page(struct cz_request *r)
{
	struct json_object *ctx, *o;
	struct job j;
	long long id = param_id(r, "id");
	int rc;

	if ((rc = own_video(r, &j)) != CZ_NEXT)
		return rc;
	if ((ctx = cz_page_ctx(r, cz_arena_printf(r->arena, "Video %lld",
	    id))) == NULL || (o = job_json(r, &j)) == NULL)
		return 500;
	json_object_object_add(ctx, "video", o);
	json_object_object_add(ctx, strcmp(j.status, "done") == 0 ? "is_done" :
	    strcmp(j.status, "failed") == 0 ? "is_failed" :
	    strcmp(j.status, "expired") == 0 ? "is_expired" : "is_pending",
	    json_object_new_boolean(1));
	return cz_resp_html(r, 200, "pages/video", ctx);
}

/* A JSON number member in [0, 86400], or -1. */
static double
seconds_member(struct json_object *o, const char *key)
{
	struct json_object *v;
	double d;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !(json_object_is_type(v, json_type_double) ||
	    json_object_is_type(v, json_type_int)))
		return -1;
	d = json_object_get_double(v);
	return isfinite(d) && d >= 0 && d <= 86400 ? d : -1;
}

int
cz_h_api_video_progress(struct cz_request *r)
{
	struct json_object *errors;
	const char *v[SAVE__N];
	char a[32], b[32], c[32], d[32];
	double position, duration;
	struct job j;
	int rc, watched;

	if ((rc = own_video(r, &j)) != CZ_NEXT)
		return rc;
	position = r->json != NULL ? seconds_member(r->json, "position") : -1;
	duration = r->json != NULL ? seconds_member(r->json, "duration") : -1;
	if (position < 0 || duration <= 0 || position > duration + 1) {
		if ((errors = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, errors) == -1)
			return 500;
		json_object_object_add(errors, position < 0 ? "position" :
		    "duration", json_object_new_string(position < 0 ?
		    "must be a number of seconds from 0 to 86400" :
		    "must be a number of seconds above 0, at least the "
		    "position"));
		return cz_resp_json(r, 400, cz_errors_body(r, errors));
	}
	if (strcmp(j.status, "done") != 0) {
		r->error_message = "this video is not ready to be watched";
		return 409;
	}
	watched = position >= WATCHED_SHARE * duration;
	snprintf(a, sizeof(a), "%lld", j.id);
	snprintf(b, sizeof(b), "%lld", r->user->id);
	snprintf(c, sizeof(c), "%.3f", position);
	snprintf(d, sizeof(d), "%.3f", duration);
	v[SAVE_JOB] = a;
	v[SAVE_USER] = b;
	v[SAVE_POSITION] = c;
	v[SAVE_DURATION] = d;
	v[SAVE_WATCHED] = watched ? "true" : "false";
	if (cz_query(r, "video_save_position", SAVE__N, v) == NULL)
		return cz_db_unavailable(r);
	r->status = 204;
	return 0;
}

static const struct cz_field list_fields[] = {
	{ "before", CZ_F_INT, 0, 1, LLONG_MAX, NULL },
};

int
cz_h_videos_list(struct cz_request *r)
{
	struct json_object *ctx, *list, *o;
	struct cz_value val[1];
	const char *v[LIST__N], *dur, *size;
	char ubuf[32], before[32], limit[16];
	PGresult *res;
	int i, n, k;

	if (r->user == NULL)
		return sign_in_first(r, "/videos");
	if (cz_validate_params(r->arena, list_fields, 1, &r->query_params, val,
	    NULL) == -1) {
		r->error_message = "before must be a video number";
		return 400;
	}
	snprintf(ubuf, sizeof(ubuf), "%lld", r->user->id);
	snprintf(before, sizeof(before), "%lld", val[0].i);
	snprintf(limit, sizeof(limit), "%d", VIDEOS_PER_PAGE + 1);
	v[LIST_USER] = ubuf;
	v[LIST_BEFORE] = val[0].present ? before : NULL;
	v[LIST_LIMIT] = limit;
	if ((res = cz_query(r, "video_list_jobs", LIST__N, v)) == NULL)
		return cz_db_unavailable(r);
	if ((ctx = cz_page_ctx(r, "Your videos")) == NULL)
		return 500;
	list = json_object_new_array();
	n = PQntuples(res);
	for (i = 0; i < n && i < VIDEOS_PER_PAGE; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id",
		    json_object_new_string(cz_db_text(res, i, LIST_ID)));
		json_object_object_add(o, "plan_id",
		    json_object_new_string(cz_db_text(res, i, LIST_PLAN_ID)));
		for (k = 0; platforms[k] != NULL; k++)
			if (strcmp(platforms[k], cz_db_text(res, i,
			    LIST_PRESET)) == 0)
				json_object_object_add(o, "platform",
				    json_object_new_string(platform_labels[k]));
		json_object_object_add(o, "status", json_object_new_string(
		    status_of(cz_db_text(res, i, LIST_STATE))));
		json_object_object_add(o, "progress",
		    json_object_new_string(cz_db_text(res, i, LIST_PROGRESS)));
		json_object_object_add(o, "created_at", json_object_new_string(
		    cz_db_text(res, i, LIST_CREATED_AT)));
		dur = cz_db_text(res, i, LIST_DURATION);
		if (*dur != '\0')
			json_object_object_add(o, "duration", json_object_new_string(
			    cz_arena_printf(r->arena, "%.0f s", strtod(dur, NULL))));
		size = cz_db_text(res, i, LIST_SIZE);
		if (*size != '\0')
			json_object_object_add(o, "size", json_object_new_string(
			    cz_arena_printf(r->arena, "%.1f MB", strtod(size,
			    NULL) / 1e6)));
		if (cz_db_bool(res, i, LIST_WATCHED))
			json_object_object_add(o, "watched",
			    json_object_new_boolean(1));
		json_object_array_add(list, o);
	}
	json_object_object_add(ctx, "videos", list);
	if (n > VIDEOS_PER_PAGE)
		json_object_object_add(ctx, "next_before", json_object_new_string(
		    cz_db_text(res, VIDEOS_PER_PAGE - 1, LIST_ID)));
	return cz_resp_html(r, 200, "pages/videos", ctx);
}

/* The platforms for the plan page's video form. */
struct json_object *
cz_video_platforms(void)
{
	struct json_object *a = json_object_new_array(), *o;
	int k;

	for (k = 0; platforms[k] != NULL; k++) {
		o = json_object_new_object();
		json_object_object_add(o, "value",
		    json_object_new_string(platforms[k]));
		json_object_object_add(o, "label",
		    json_object_new_string(platform_labels[k]));
		json_object_array_add(a, o);
	}
	return a;
}

/* ------------------------------------------------------------------------
 * files
 */

/* Whether s is 1-16 of [a-z0-9]. */
static int
is_word(const char *s)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++)
		if (!(islower((unsigned char)s[n]) || isdigit((unsigned char)s[n])))
			return 0;
	return n >= 1 && n <= 16;
}

/* Whether s names a file of an HLS variant: index.m3u8 or segNNN.ts. */
static int
is_variant_file(const char *s)
{
	size_t n;

	if (strcmp(s, "index.m3u8") == 0)
		return 1;
	if (strncmp(s, "seg", 3) != 0)
		return 0;
	for (n = 3; isdigit((unsigned char)s[n]); n++)
		continue;
	return n >= 6 && n <= 8 && strcmp(s + n, ".ts") == 0;
}

static const char *
content_type_of(const char *file)
{
	const char *dot = strrchr(file, '.');

	if (dot != NULL && strcmp(dot, ".mp4") == 0)
		return "video/mp4";
	if (dot != NULL && strcmp(dot, ".m3u8") == 0)
		return "application/vnd.apple.mpegurl";
	if (dot != NULL && strcmp(dot, ".ts") == 0)
		return "video/mp2t";
	return "image/jpeg";
}

/* Streams video_dir/rel itself (CGI mode), honouring one byte range. */
static int
stream_file(struct cz_request *r, const char *rel)
{
	char path[CZ_SETTING_STR_MAX + 128];
	unsigned long long start = 0, len = 0, size;
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", r->app->settings.video_dir, rel);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		r->error_message = "the video's files are gone (expired?)";
		return 404;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 404;
	}
	size = (unsigned long long)st.st_size;
	cz_resp_header(r, "Accept-Ranges", "bytes");
	switch (cz_range_parse(cz_req_env(r, "HTTP_RANGE"), size, &start,
	    &len)) {
	case CZ_RANGE_UNSATISFIABLE:
		close(fd);
		cz_resp_header(r, "Content-Range", "bytes */%llu", size);
		r->error_message = "the requested range is outside the file";
		return 416;
	case CZ_RANGE_OK:
		cz_resp_header(r, "Content-Range", "bytes %llu-%llu/%llu", start,
		    start + len - 1, size);
		r->status = 206;
		break;
	default:
		start = 0;
		len = size;
		r->status = 200;
		break;
	}
	cz_buf_reset(r->body_out);
	r->has_file = 1;
	r->file_fd = fd;
	r->file_off = start;
	r->file_len = len;
	r->content_type_out = content_type_of(rel);
	return 0;
}

/* Serves file rel of video id to its owner. */
static int
serve(struct cz_request *r, const char *rel)
{
	struct job j;
	long long id = param_id(r, "id");
	int rc;

	if ((rc = own_video(r, &j)) != CZ_NEXT)
		return rc;
	if (strcmp(j.status, "done") != 0)
		return no_such_video(r, id);
	rel = cz_arena_printf(r->arena, "%lld/%s", id, rel);
	if (strcmp(rel + strlen(rel) - 4, ".mp4") == 0 &&
	    cz_params_get(&r->query_params, "download") != NULL)
		cz_resp_header(r, "Content-Disposition", "attachment; "
		    "filename=\"cibozer-plan-%lld-%s.mp4\"", j.plan_id,
		    j.platform);
	if (r->app->cgi)
		return stream_file(r, rel);
	/* nginx serves it from the internal location, with ranges. */
	cz_resp_header(r, "X-Accel-Redirect", "/_protected_videos/%s", rel);
	r->status = 200;
	r->content_type_out = content_type_of(rel);
	cz_buf_reset(r->body_out);
	return 0;
}

int
cz_h_video_file(struct cz_request *r)
{
	const struct cz_path_param *f = cz_route_param(&r->match, "file");

	if (f == NULL || (strcmp(f->value, "video.mp4") != 0 &&
	    strcmp(f->value, "poster.jpg") != 0))
		return no_such_video(r, param_id(r, "id"));
	return serve(r, f->value);
}

int
cz_h_video_hls_master(struct cz_request *r)
{
	return serve(r, "hls/master.m3u8");
}

int
cz_h_video_hls_file(struct cz_request *r)
{
	const struct cz_path_param *v = cz_route_param(&r->match, "variant");
	const struct cz_path_param *f = cz_route_param(&r->match, "file");

	if (v == NULL || f == NULL || !is_word(v->value) ||
	    !is_variant_file(f->value))
		return no_such_video(r, param_id(r, "id"));
	return serve(r, cz_arena_printf(r->arena, "hls/%s/%s", v->value,
	    f->value));
}
