/*
 * videos.c - videos of plans: the platforms, finding or queueing a job
 * under the tier's quota, reading one as its viewer sees it, the resume
 * position, one's list, and the files of a finished one. No HTTP here; see
 * videos.h.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "jsonbody.h"
#include "key_usage.h"
#include "log.h"
#include "query.h"
#include "ratelimit.h"
#include "session.h"
#include "throttle.h"
#include "videos.h"

#define QUOTA_WINDOW		86400
#define WATCHED_SHARE		0.95
#define ISO_TIME(col)	"to_char(" col " AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The presets cibozer-render knows (render/preset.c). */
const char *const cz_video_presets[] = {
	"youtube_shorts", "youtube_long", "tiktok", "instagram", NULL
};
const char *const cz_video_sounds[] = { "music", "silent", NULL };
/* The length of a day clip for each of cz_video_presets, in seconds:
 * 15-20 s, what short-form feeds favour, and long enough for the day's
 * card and its shopping to be read (render/plan.c has the same). */
static const int day_seconds[] = { 20, 20, 15, 20 };
/* What people read for each of cz_video_presets. */
static const char *const platform_labels[] = {
	"YouTube Shorts (1080×1920, 60 s)", "YouTube (1920×1080, 3 min)",
	"TikTok (1080×1920, 30 s)", "Instagram (1080×1080, 60 s)"
};

#define SQL_PLAN_OWNER \
	"SELECT coalesce(owner_id, 0), days FROM plans WHERE id = $1::bigint"
enum { OWNER_PLAN, OWNER__N };
enum { OWNER_ID, OWNER_DAYS };
/* lock, find and insert run in one transaction: they are registered as
 * not idempotent, so that a lost connection fails them instead of running
 * them again on a new connection, outside the transaction. */
#define SQL_LOCK_PLAN \
	"SELECT pg_advisory_xact_lock(7317, hashint8($1::bigint))"
enum { LOCK_PLAN, LOCK__N };
/* Identical requests share a job: same plan revision (sql/029: a job
 * asked for before the plan changed shows the old plan; a job from before
 * sql/029 has none and is shared as it was), platform, sound and day
 * (NULL: the whole week). */
#define SQL_FIND_JOB \
	"SELECT id FROM video_jobs WHERE plan_id = $1::bigint AND preset = $2 " \
	"AND sound = $3 AND day IS NOT DISTINCT FROM $4::smallint " \
	"AND (plan_revision IS NULL OR plan_revision = " \
	"(SELECT revision FROM plans WHERE id = $1::bigint)) " \
	"AND state IN ('queued', 'running', 'done') ORDER BY id DESC LIMIT 1"
enum { FIND_PLAN, FIND_PRESET, FIND_SOUND, FIND_DAY, FIND__N };
enum { FIND_ID };
#define SQL_INSERT_JOB \
	"INSERT INTO video_jobs (plan_id, preset, sound, day, plan_revision) " \
	"SELECT $1::bigint, $2, $3, $4::smallint, revision FROM plans WHERE " \
	"id = $1::bigint RETURNING id"
enum { INSERT_PLAN, INSERT_PRESET, INSERT_SOUND, INSERT_DAY, INSERT__N };
enum { INSERT_ID };
#define SQL_GET_JOB \
	"SELECT j.id, j.plan_id, j.preset, j.state, coalesce(j.stage, ''), " \
	"j.progress, j.attempts, coalesce(j.error, ''), " \
	ISO_TIME("j.created_at") ", coalesce(" ISO_TIME("j.finished_at") \
	", ''), coalesce(extract(epoch FROM coalesce(j.finished_at, now()) - " \
	"j.started_at)::float8, 0), coalesce(j.result::text, ''), " \
	"coalesce(p.owner_id, 0), coalesce(b.position, 0), " \
	"coalesce(b.watched, false), j.sound, j.stage_log::text, " \
	"coalesce(j.day, 0) FROM video_jobs j " \
	"JOIN plans p ON p.id = j.plan_id LEFT JOIN video_playback b ON " \
	"b.job_id = j.id AND b.user_id = $2::bigint WHERE j.id = $1::bigint"
enum { GET_JOB, GET_USER, GET__N };
enum { GET_ID, GET_PLAN_ID, GET_PRESET, GET_STATE, GET_STAGE, GET_PROGRESS,
    GET_ATTEMPTS, GET_ERROR, GET_CREATED_AT, GET_FINISHED_AT, GET_ELAPSED,
    GET_RESULT, GET_OWNER, GET_POSITION, GET_WATCHED, GET_SOUND,
    GET_STAGE_LOG, GET_DAY };
#define SQL_LIST_JOBS \
	"SELECT j.id, j.plan_id, j.preset, j.state, j.progress, " \
	"to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), " \
	"coalesce(j.result->'video'->>'duration', ''), " \
	"coalesce(j.result->'video'->>'size', ''), coalesce(b.watched, false), " \
	"j.sound, coalesce(j.day, 0) " \
	"FROM video_jobs j LEFT JOIN video_playback b ON b.job_id = j.id " \
	"AND b.user_id = $1::bigint WHERE j.owner_id = $1::bigint AND " \
	"j.id < coalesce($2::bigint, " SQL_ID_MAX ") ORDER BY j.id DESC " \
	"LIMIT $3::integer"
enum { LIST_USER, LIST_BEFORE, LIST_LIMIT, LIST__N };
enum { LIST_ID, LIST_PLAN_ID, LIST_PRESET, LIST_STATE, LIST_PROGRESS,
    LIST_CREATED_AT, LIST_DURATION, LIST_SIZE, LIST_WATCHED, LIST_SOUND,
    LIST_DAY };
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

/* The ownership rule: whether u may see something owned by owner (its
 * owner's, and every administrator's). */
static int
may_see(const struct cz_user *u, long long owner)
{
	return u != NULL && (u->is_admin || (owner != 0 && owner == u->id));
}

/* The state as people and the API name it. */
static const char *
status_of(const char *state)
{
	return strcmp(state, "running") == 0 ? "rendering" : state;
}

/* Logs the failure of the statement a service function ran. */
static enum cz_video_rc
db_error(struct cz_request *r, const char *func)
{
	cz_log(CZ_LOG_ERROR, "%s: %s", func, cz_db_error(r->app->db));
	return CZ_VIDEO_DB_ERROR;
}

/* Runs BEGIN, COMMIT or ROLLBACK for cz_video_request. Returns 0, or -1
 * when it failed (logged) or the connection is gone: a statement that lost
 * it has closed it (lib/db.c logs that), and the server rolled the
 * transaction back. */
static int
transaction(struct cz_request *r, const char *cmd)
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

/* Whether the n bytes at s are 1-16 of [a-z0-9]. */
static int
is_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i])))
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

/* The files of a video that have fixed names, as the renderer writes them
 * (render/render.c, render/encode.c). */
static const struct {
	const char	*name;
	const char	*content_type;
} fixed_files[] = {
	{ "video.mp4",		"video/mp4" },
	{ "poster.jpg",		"image/jpeg" },
	{ "thumbnail.jpg",	"image/jpeg" },	/* the publish kit's */
	{ "hls/master.m3u8",	"application/vnd.apple.mpegurl" },
};

/* ------------------------------------------------------------------------
 * public functions
 */

struct json_object *
cz_video_platforms(void)
{
	struct json_object *a = json_object_new_array(), *o;
	int k;

	for (k = 0; cz_video_presets[k] != NULL; k++) {
		o = json_object_new_object();
		json_object_object_add(o, "value",
		    json_object_new_string(cz_video_presets[k]));
		json_object_object_add(o, "label",
		    json_object_new_string(platform_labels[k]));
		json_object_array_add(a, o);
	}
	return a;
}

int
cz_video_day_seconds(const char *preset)
{
	int k;

	for (k = 0; cz_video_presets[k] != NULL; k++)
		if (strcmp(cz_video_presets[k], preset) == 0)
			return day_seconds[k];
	return 20;
}

const char *
cz_video_platform_label(const char *preset)
{
	int k;

	for (k = 0; cz_video_presets[k] != NULL; k++)
		if (strcmp(cz_video_presets[k], preset) == 0)
			return platform_labels[k];
	return NULL;
}

enum cz_video_rc
cz_video_get(struct cz_request *r, long long id, struct cz_video *v)
{
	const char *p[GET__N], *text;
	char idbuf[32], ubuf[32];
	PGresult *res;
	long long n;

	memset(v, 0, sizeof(*v));
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	snprintf(ubuf, sizeof(ubuf), "%lld", r->user != NULL ? r->user->id :
	    0);
	p[GET_JOB] = idbuf;
	p[GET_USER] = ubuf;
	if ((res = cz_query(r, "video_get_job", GET__N, p)) == NULL)
		return db_error(r, __func__);
	if (PQntuples(res) != 1)
		return CZ_VIDEO_NOT_FOUND;
	/* The numbers are NOT NULL columns; one that did not parse stays 0,
	 * and an owner of 0 is nobody's. */
	(void)cz_db_int(res, 0, GET_OWNER, 0, LLONG_MAX, &v->owner);
	if (!may_see(r->user, v->owner))
		return CZ_VIDEO_NOT_FOUND;
	v->id = id;
	(void)cz_db_int(res, 0, GET_PLAN_ID, 1, LLONG_MAX, &v->plan_id);
	v->platform = cz_db_text(res, 0, GET_PRESET);
	v->status = status_of(cz_db_text(res, 0, GET_STATE));
	v->stage = cz_db_text(res, 0, GET_STAGE);
	if (cz_db_int(res, 0, GET_PROGRESS, 0, 100, &n) == 0)
		v->progress = (int)n;
	if (cz_db_int(res, 0, GET_ATTEMPTS, 0, INT_MAX, &n) == 0)
		v->attempts = (int)n;
	v->error = cz_db_text(res, 0, GET_ERROR);
	v->created_at = cz_db_text(res, 0, GET_CREATED_AT);
	v->finished_at = cz_db_text(res, 0, GET_FINISHED_AT);
	v->elapsed = strtod(cz_db_text(res, 0, GET_ELAPSED), NULL);
	text = cz_db_text(res, 0, GET_RESULT);
	if (*text != '\0' && cz_parse_json(r->arena, text, strlen(text),
	    CZ_JSON_MAX_DEPTH, &v->result) != CZ_P_OK)
		v->result = NULL;
	v->position = strtod(cz_db_text(res, 0, GET_POSITION), NULL);
	v->watched = cz_db_bool(res, 0, GET_WATCHED);
	v->sound = cz_db_text(res, 0, GET_SOUND);
	if (cz_db_int(res, 0, GET_DAY, 0, CZ_VIDEO_MAX_DAY, &n) == 0)
		v->day = (int)n;
	/* The stages entered, as the renderer logged them (sql/025). */
	text = cz_db_text(res, 0, GET_STAGE_LOG);
	if (*text != '\0' && cz_parse_json(r->arena, text, strlen(text),
	    CZ_JSON_MAX_DEPTH, &v->stage_log) != CZ_P_OK)
		v->stage_log = NULL;
	return CZ_VIDEO_OK;
}

enum cz_video_rc
cz_video_request(struct cz_request *r, long long plan, const char *preset,
    const char *sound, long long day, struct cz_video_ticket *t)
{
	struct json_object *detail;
	const char *owner_v[OWNER__N], *lock_v[LOCK__N], *find_v[FIND__N];
	const char *insert_v[INSERT__N];
	char pbuf[32], dbuf[32];
	long long owner, days;
	enum cz_video_rc rc;
	PGresult *res;
	int hit;

	memset(t, 0, sizeof(*t));
	snprintf(pbuf, sizeof(pbuf), "%lld", plan);
	owner_v[OWNER_PLAN] = pbuf;
	if ((res = cz_query(r, "video_plan_owner", OWNER__N, owner_v)) == NULL)
		return db_error(r, __func__);
	owner = -1;
	if (PQntuples(res) == 1 &&
	    cz_db_int(res, 0, OWNER_ID, 0, LLONG_MAX, &owner) == -1)
		owner = 0;
	if (owner == -1 || !may_see(r->user, owner))
		return CZ_VIDEO_NOT_FOUND;
	/* A day clip is of one of the plan's days (plans.days is NOT NULL,
	 * 1-7: one that did not read refuses every day). */
	if (cz_db_int(res, 0, OWNER_DAYS, 1, CZ_VIDEO_MAX_DAY, &days) == -1)
		days = 0;
	t->days = (int)days;
	if (day != 0 && (day < 1 || day > days))
		return CZ_VIDEO_BAD_DAY;
	snprintf(dbuf, sizeof(dbuf), "%lld", day);
	if (!r->user->verified)
		return CZ_VIDEO_UNVERIFIED;
	if (cz_db_conn(r->app->db) == NULL)
		return db_error(r, __func__);
	/* One request at a time per plan, so that two at once make one job. */
	if (transaction(r, "BEGIN") == -1)
		return CZ_VIDEO_DB_ERROR;
	rc = CZ_VIDEO_DB_ERROR;
	lock_v[LOCK_PLAN] = pbuf;
	if (cz_query(r, "video_lock_plan", LOCK__N, lock_v) == NULL)
		goto dberr;
	find_v[FIND_PLAN] = pbuf;
	find_v[FIND_PRESET] = preset;
	find_v[FIND_SOUND] = sound;
	find_v[FIND_DAY] = day != 0 ? dbuf : NULL;
	if ((res = cz_query(r, "video_find_job", FIND__N, find_v)) == NULL)
		goto dberr;
	if (PQntuples(res) == 1) {
		if (cz_db_int(res, 0, FIND_ID, 1, LLONG_MAX, &t->id) == 0)
			rc = CZ_VIDEO_OK;
		goto out;
	}
	t->quota = cz_quota(&r->app->settings, r->user->tier, 1);
	if (t->quota < 0 || t->quota > INT32_MAX)
		t->quota = 0;
	hit = cz_limit_hit(r, &(struct cz_ratelimit){ CZ_VIDEO_QUOTA_SCOPE,
	    (int)t->quota, QUOTA_WINDOW, 0 }, cz_arena_printf(r->arena, "%lld",
	    r->user->id), &t->retry_after);
	if (hit == -1)
		goto out;	/* logged */
	if (hit == 1) {
		(void)transaction(r, "ROLLBACK");
		return CZ_VIDEO_OVER_QUOTA;
	}
	insert_v[INSERT_PLAN] = pbuf;
	insert_v[INSERT_PRESET] = preset;
	insert_v[INSERT_SOUND] = sound;
	insert_v[INSERT_DAY] = day != 0 ? dbuf : NULL;
	if ((res = cz_query(r, "video_insert_job", INSERT__N,
	    insert_v)) == NULL)
		goto dberr;
	if (PQntuples(res) == 1 &&
	    cz_db_int(res, 0, INSERT_ID, 1, LLONG_MAX, &t->id) == 0) {
		t->created = 1;
		rc = CZ_VIDEO_OK;
	}
	goto out;
dberr:
	(void)db_error(r, __func__);
out:
	if (transaction(r, rc == CZ_VIDEO_OK ? "COMMIT" : "ROLLBACK") == -1)
		rc = CZ_VIDEO_DB_ERROR;
	if (rc != CZ_VIDEO_OK)
		return rc;
	/* A job made with an API key counts for the key once committed, in
	 * the responder's tally (key_usage.h). */
	if (t->created && r->user->key_id != 0)
		cz_key_usage_count(r->app, r->user->key_id, 0, 0, 1);
	if (t->created) {
		detail = json_object_new_object();
		json_object_object_add(detail, "job", json_object_new_int64(t->id));
		json_object_object_add(detail, "plan", json_object_new_int64(plan));
		json_object_object_add(detail, "platform",
		    json_object_new_string(preset));
		json_object_object_add(detail, "sound",
		    json_object_new_string(sound));
		json_object_object_add(detail, "day", day != 0 ?
		    json_object_new_int((int)day) : NULL);
		cz_audit(r, r->user->id, "video.requested", detail);
	}
	return CZ_VIDEO_OK;
}

enum cz_video_rc
cz_video_save_position(struct cz_request *r, const struct cz_video *v,
    double position, double duration)
{
	const char *p[SAVE__N];
	char job[32], user[32], pos[32], dur[32];

	if (strcmp(v->status, "done") != 0)
		return CZ_VIDEO_NOT_READY;
	snprintf(job, sizeof(job), "%lld", v->id);
	snprintf(user, sizeof(user), "%lld", r->user->id);
	snprintf(pos, sizeof(pos), "%.3f", position);
	snprintf(dur, sizeof(dur), "%.3f", duration);
	p[SAVE_JOB] = job;
	p[SAVE_USER] = user;
	p[SAVE_POSITION] = pos;
	p[SAVE_DURATION] = dur;
	p[SAVE_WATCHED] = position >= WATCHED_SHARE * duration ? "true" :
	    "false";
	if (cz_query(r, "video_save_position", SAVE__N, p) == NULL)
		return db_error(r, __func__);
	return CZ_VIDEO_OK;
}

enum cz_video_rc
cz_video_list(struct cz_request *r, long long before, int page,
    struct cz_video_item **items, int *n, int *more)
{
	struct cz_video_item *it;
	const char *p[LIST__N], *text;
	char user[32], bbuf[32], limit[16];
	PGresult *res;
	long long num;
	int i, rows;

	*items = NULL;
	*n = *more = 0;
	snprintf(user, sizeof(user), "%lld", r->user->id);
	snprintf(bbuf, sizeof(bbuf), "%lld", before);
	/* One more than the page, to know whether more follow. */
	snprintf(limit, sizeof(limit), "%d", page + 1);
	p[LIST_USER] = user;
	p[LIST_BEFORE] = before > 0 ? bbuf : NULL;
	p[LIST_LIMIT] = limit;
	if ((res = cz_query(r, "video_list_jobs", LIST__N, p)) == NULL)
		return db_error(r, __func__);
	rows = PQntuples(res);
	*more = rows > page;
	if (rows > page)
		rows = page;
	if (rows == 0)
		return CZ_VIDEO_OK;
	if ((it = cz_arena_calloc(r->arena, (size_t)rows, sizeof(*it))) ==
	    NULL) {
		cz_log(CZ_LOG_ERROR, "%s: out of memory", __func__);
		return CZ_VIDEO_NO_MEMORY;
	}
	for (i = 0; i < rows; i++) {
		/* NOT NULL columns, as in cz_video_get. */
		(void)cz_db_int(res, i, LIST_ID, 1, LLONG_MAX, &it[i].id);
		(void)cz_db_int(res, i, LIST_PLAN_ID, 1, LLONG_MAX,
		    &it[i].plan_id);
		it[i].platform = cz_db_text(res, i, LIST_PRESET);
		it[i].status = status_of(cz_db_text(res, i, LIST_STATE));
		if (cz_db_int(res, i, LIST_PROGRESS, 0, 100, &num) == 0)
			it[i].progress = (int)num;
		it[i].created_at = cz_db_text(res, i, LIST_CREATED_AT);
		text = cz_db_text(res, i, LIST_DURATION);
		if ((it[i].has_duration = *text != '\0'))
			it[i].duration = strtod(text, NULL);
		text = cz_db_text(res, i, LIST_SIZE);
		if ((it[i].has_size = *text != '\0'))
			it[i].size = strtod(text, NULL);
		it[i].watched = cz_db_bool(res, i, LIST_WATCHED);
		it[i].sound = cz_db_text(res, i, LIST_SOUND);
		if (cz_db_int(res, i, LIST_DAY, 0, CZ_VIDEO_MAX_DAY, &num) == 0)
			it[i].day = (int)num;
	}
	*items = it;
	*n = rows;
	return CZ_VIDEO_OK;
}

int
cz_video_file(cz_arena *a, long long id, const char *name,
    struct cz_video_file *f)
{
	const char *variant, *slash;
	size_t k;

	f->rel = NULL;
	f->content_type = NULL;
	for (k = 0; k < sizeof(fixed_files) / sizeof(fixed_files[0]); k++)
		if (strcmp(name, fixed_files[k].name) == 0)
			f->content_type = fixed_files[k].content_type;
	if (f->content_type == NULL && strncmp(name, "hls/", 4) == 0) {
		variant = name + 4;
		if ((slash = strchr(variant, '/')) == NULL ||
		    !is_word(variant, (size_t)(slash - variant)) ||
		    !is_variant_file(slash + 1))
			return -1;
		f->content_type = strcmp(slash + 1, "index.m3u8") == 0 ?
		    "application/vnd.apple.mpegurl" : "video/mp2t";
	}
	if (f->content_type == NULL ||
	    (f->rel = cz_arena_printf(a, "%lld/%s", id, name)) == NULL)
		return -1;
	return 0;
}
