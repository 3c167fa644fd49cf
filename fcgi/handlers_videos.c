/*
 * handlers_videos.c - videos of plans, as the API and the pages show them:
 * requesting one (JSON API and the plan page's button), following it
 * (status API and page, a progress bar the page's script updates),
 * watching it (the player page, resume position, watched at 95%), and
 * listing one's videos. The work is the video service's (videos.c), the
 * gates videos_gate.c's; handlers_video_files.c serves the files.
 *
 * A finished video comes with its publish kit (publish_kit.h: title,
 * description with the disclaimers, hashtags, chapters, thumbnail) in
 * the status API and on its page.
 *
 * Requesting needs a verified e-mail address, the current legal
 * acceptance and the tier's daily video quota. A video that is not the
 * user's is answered as one that does not exist (404).
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "legal.h"
#include "jsonbody.h"
#include "labels.h"
#include "log.h"
#include "plan_read.h"
#include "plans.h"
#include "publish_kit.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "validate.h"
#include "videos.h"
#include "videos_gate.h"

#define VIDEOS_PER_PAGE		50

/* The members of the renderer's metadata (its "video" object) that the
 * status API passes on for a finished video, under its own names. */
static const struct {
	const char	*meta;
	const char	*api;
} video_members[] = {
	{ "duration",	"duration_seconds" },
	{ "width",	"width" },
	{ "height",	"height" },
	{ "size",	"size_bytes" },
	{ "codec",	"codec" },
};

/* ------------------------------------------------------------------------
 * helpers
 */

static long long
param_id(struct cz_request *r, const char *name)
{
	const struct cz_path_param *p = cz_route_param(&r->match, name);

	return p != NULL ? p->num : 0;
}

/* A member of the renderer's result: video.<key>. */
static struct json_object *
video_meta(const struct cz_video *j, const char *key)
{
	struct json_object *v, *x;

	if (j->result == NULL ||
	    !json_object_object_get_ex(j->result, "video", &v) ||
	    !json_object_object_get_ex(v, key, &x))
		return NULL;
	return x;
}

/* The renderer's stages [{name, seconds}] as the status API gives them:
 * known names only, seconds to the hundredth. */
static struct json_object *
stages_json(struct cz_request *r, struct json_object *in)
{
	struct json_object *a = json_object_new_array(), *s, *n, *t, *o;
	size_t i, len;

	len = json_object_is_type(in, json_type_array) ?
	    json_object_array_length(in) : 0;
	for (i = 0; i < len && i < 8; i++) {
		s = json_object_array_get_idx(in, i);
		if (!json_object_object_get_ex(s, "name", &n) ||
		    !json_object_object_get_ex(s, "seconds", &t) ||
		    !json_object_is_type(n, json_type_string))
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "name", json_object_get(n));
		json_object_object_add(o, "seconds", json_object_new_double_s(
		    json_object_get_double(t), cz_arena_printf(r->arena, "%.2f",
		    json_object_get_double(t))));
		json_object_array_add(a, o);
	}
	return a;
}

/* The stages the job entered, in order, as the renderer logged them
 * ([{stage, at}], sql/025): known stages only, at most 8. */
static struct json_object *
stage_history_json(struct json_object *in)
{
	static const char *const known[] = { "composing", "encoding",
	    "packaging", "done" };
	struct json_object *a = json_object_new_array(), *s, *n, *t, *o;
	size_t i, k, len;

	len = in != NULL && json_object_is_type(in, json_type_array) ?
	    json_object_array_length(in) : 0;
	for (i = 0; i < len && json_object_array_length(a) < 8; i++) {
		s = json_object_array_get_idx(in, i);
		if (!json_object_object_get_ex(s, "stage", &n) ||
		    !json_object_object_get_ex(s, "at", &t) ||
		    !json_object_is_type(n, json_type_string) ||
		    !json_object_is_type(t, json_type_string))
			continue;
		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (strcmp(json_object_get_string(n), known[k]) == 0)
				break;
		if (k == sizeof(known) / sizeof(known[0]))
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "stage", json_object_get(n));
		json_object_object_add(o, "at", json_object_get(t));
		json_object_array_add(a, o);
	}
	return a;
}

/* The job as the status API answers it (also the player page's data). */
static struct json_object *
job_json(struct cz_request *r, const struct cz_video *j)
{
	struct json_object *o, *u, *x;
	const char *base = r->app->settings.base_path;
	size_t k;
	int done = strcmp(j->status, "done") == 0;
	int rendering = strcmp(j->status, "rendering") == 0;

	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(j->id));
	json_object_object_add(o, "plan_id", json_object_new_int64(j->plan_id));
	json_object_object_add(o, "platform",
	    json_object_new_string(j->platform));
	json_object_object_add(o, "sound", json_object_new_string(j->sound));
	/* A day clip's day (sql/029); null: the whole week. */
	json_object_object_add(o, "day", j->day > 0 ?
	    json_object_new_int(j->day) : NULL);
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
	for (k = 0; done && k < sizeof(video_members) /
	    sizeof(video_members[0]); k++)
		if ((x = video_meta(j, video_members[k].meta)) != NULL)
			json_object_object_add(o, video_members[k].api,
			    json_object_get(x));
	/* Every stage entered so far, however short, in order. */
	json_object_object_add(o, "stage_history",
	    stage_history_json(j->stage_log));
	/* The stages the render went through, with their times. */
	if (done && j->result != NULL &&
	    json_object_object_get_ex(j->result, "stages", &x))
		json_object_object_add(o, "stages", stages_json(r, x));
	/* The sound track as rendered (null: silent). */
	if (done && j->result != NULL &&
	    json_object_object_get_ex(j->result, "audio", &x))
		json_object_object_add(o, "audio", json_object_get(x));
	json_object_object_add(o, "position_seconds",
	    json_object_new_double(j->position));
	json_object_object_add(o, "watched", json_object_new_boolean(j->watched));
	/* Under a path prefix (base_path) the links carry it. */
	u = json_object_new_object();
	json_object_object_add(u, "status", json_object_new_string(
	    cz_arena_printf(r->arena, "%s/api/videos/%lld", base,
	    j->id)));
	json_object_object_add(u, "page", json_object_new_string(
	    cz_arena_printf(r->arena, "%s/videos/%lld", base, j->id)));
	json_object_object_add(u, "plan", json_object_new_string(
	    cz_arena_printf(r->arena, "%s/plans/%lld", base,
	    j->plan_id)));
	if (done) {
		json_object_object_add(u, "mp4", json_object_new_string(
		    cz_arena_printf(r->arena, "%s/videos/%lld/video.mp4", base,
		    j->id)));
		json_object_object_add(u, "hls", json_object_new_string(
		    cz_arena_printf(r->arena, "%s/videos/%lld/hls/master.m3u8",
		    base, j->id)));
		json_object_object_add(u, "poster", json_object_new_string(
		    cz_arena_printf(r->arena, "%s/videos/%lld/poster.jpg", base,
		    j->id)));
	}
	json_object_object_add(o, "urls", u);
	return o;
}

/* The publish kit of finished video j (publish_kit.h), made from its
 * plan as stored now, with the thumbnail's URL and "plan_changed" when
 * the plan was changed after the video was asked for (the kit's words
 * may then name dishes the video does not show). NULL (logged) when the
 * plan cannot be read. */
static struct json_object *
publish_json(struct cz_request *r, const struct cz_video *j)
{
	struct cz_stored_plan p;
	struct cz_plan_refusal why;
	struct cz_plan_doc *doc;
	struct json_object *kit, *t;
	char err[256];

	if (cz_plans_load_tree(r, j->plan_id, &p, &why) != CZ_PLAN_OK ||
	    cz_plan_doc_read(r->arena, p.tree, &doc, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_WARN, "%s: video %lld: plan %lld does not read",
		    __func__, j->id, j->plan_id);
		return NULL;
	}
	if ((kit = cz_publish_kit_day(r->arena, j->platform, doc, j->day,
	    j->result)) == NULL)
		return NULL;
	if (json_object_object_get_ex(kit, "thumbnail", &t) && t != NULL)
		json_object_object_add(t, "url", json_object_new_string(
		    cz_arena_printf(r->arena, "%s/videos/%lld/thumbnail.jpg",
		    r->app->settings.base_path, j->id)));
	/* Both are ISO 8601 UTC texts of one format: compared as text. */
	json_object_object_add(kit, "plan_changed", json_object_new_boolean(
	    p.updated_at != NULL && strcmp(p.updated_at, j->created_at) > 0));
	return kit;
}

/* The HLS renditions the renderer made, for people: "360p, 720p and
 * 1080p"; NULL when the result lists none. */
static struct json_object *
renditions_text(struct cz_request *r, const struct cz_video *j)
{
	struct json_object *h, *vs, *n;
	const char *s = NULL;
	size_t i, len;

	if (j->result == NULL || !json_object_object_get_ex(j->result, "hls", &h) ||
	    !json_object_object_get_ex(h, "variants", &vs) ||
	    !json_object_is_type(vs, json_type_array))
		return NULL;
	len = json_object_array_length(vs);
	for (i = 0; i < len && i < 8; i++) {
		if (!json_object_object_get_ex(json_object_array_get_idx(vs, i),
		    "name", &n))
			continue;
		s = cz_arena_printf(r->arena, "%s%s%s", s != NULL ? s : "",
		    s == NULL ? "" : i + 1 == len ? " and " : ", ",
		    json_object_get_string(n));
	}
	return s != NULL ? json_object_new_string(s) : NULL;
}

/* ------------------------------------------------------------------------
 * requesting a video
 */

static const struct cz_field request_fields[] = {
	{ "platform", CZ_F_ENUM, 1, 0, 0, cz_video_presets },
	/* Optional: the music bed unless "silent" is asked for. */
	{ "sound", CZ_F_ENUM, 0, 0, 0, cz_video_sounds },
	/* Optional: one day's clip instead of the whole week. Any integer
	 * here: one outside the plan's days is a 422 that says which are
	 * (cz_video_request knows the plan). */
	{ "day", CZ_F_INT, 0, LLONG_MIN, LLONG_MAX, NULL },
};
#define NREQUEST	(sizeof(request_fields) / sizeof(request_fields[0]))

/* The sound a validated request asked for. */
static const char *
sound_of(const struct cz_value *v)
{
	return v->present ? v->s : cz_video_sounds[0];
}

/* The day a validated request asked for: 0 for the whole week, -1 for
 * one no plan has (cz_video_request refuses it, naming the plan's days). */
static long long
day_of(const struct cz_value *v)
{
	if (!v->present)
		return 0;
	return v->i >= 1 && v->i <= CZ_VIDEO_MAX_DAY ? v->i : -1;
}

/*
 * Finds or queues the job for plan, platform, sound and day (0: the whole
 * week), for r->user (not NULL),
 * who must be allowed to write videos and have accepted the current legal
 * terms. Returns CZ_NEXT with *id set, CZ_DONE when the answer (redirect,
 * 401/403/429) is built, or an HTTP status.
 */
static int
request_video(struct cz_request *r, long long plan, const char *platform,
    const char *sound, long long day, long long *id)
{
	struct cz_video_ticket t;
	int rc;

	if ((rc = cz_user_can(r, "videos:write")) != CZ_NEXT)
		return rc;
	if ((rc = cz_legal_gate(r, cz_arena_printf(r->arena, "/plans/%lld",
	    plan))) != CZ_NEXT)
		return rc;
	switch (cz_video_request(r, plan, platform, sound, day, &t)) {
	case CZ_VIDEO_OK:
		*id = t.id;
		return CZ_NEXT;
	case CZ_VIDEO_NOT_FOUND:
		r->error_message = cz_arena_printf(r->arena, "There is no plan "
		    "%lld.", plan);
		return 404;
	case CZ_VIDEO_BAD_DAY:
		r->error_message = t.days == 1 ? "day must be 1: this plan has "
		    "one day (leave day out for the whole plan)" :
		    cz_arena_printf(r->arena, "day must be a day of the plan, "
		    "1 to %d (leave day out for the whole week)", t.days);
		return 422;
	case CZ_VIDEO_UNVERIFIED:
		r->error_message = "confirm your e-mail address first (see the "
		    "link we sent you, or ask for a new one on your account "
		    "page)";
		return 403;
	case CZ_VIDEO_OVER_QUOTA:
		cz_limit_refuse(r, r->user->id, CZ_VIDEO_QUOTA_SCOPE,
		    t.retry_after, cz_arena_printf(r->arena, "The daily video "
		    "quota of your %s account (%lld videos a day) is used up; "
		    "it renews at midnight UTC.", r->user->tier, t.quota));
		return CZ_DONE;
	case CZ_VIDEO_DB_ERROR:
		return cz_db_unavailable(r);
	default:
		return 500;
	}
}

/* POST /api/plans/{id}/videos {"platform": ..., "sound": "music" or
 * "silent" (optional, "music"), "day": N (optional: one day's clip)}: the
 * job of that plan revision, platform, sound and day, found or queued:
 * 202 with the status JSON and Location while there is work to wait for,
 * 200 when it is done; 400 naming the field, 422 for a day the plan does
 * not have, 401, 403, 404, 429, 503. */
int
cz_h_api_video_create(struct cz_request *r)
{
	struct json_object *errors, *o;
	struct cz_value val[NREQUEST];
	struct cz_video j;
	long long plan = param_id(r, "id"), id = 0;
	enum cz_video_rc vrc;
	int rc;

	if (r->user == NULL)
		return cz_video_gate_sign_in(r, "/plans");
	if (r->json == NULL) {
		r->error_message = "send {\"platform\": ...} as JSON";
		return 400;
	}
	if (cz_validate_json(r->arena, request_fields, NREQUEST, r->json, val,
	    &errors) == -1)
		return errors != NULL ? cz_resp_json(r, 400,
		    cz_errors_body(r, errors)) : 500;
	if ((rc = request_video(r, plan, val[0].s, sound_of(&val[1]),
	    day_of(&val[2]), &id)) != CZ_NEXT)
		return rc;
	if ((vrc = cz_video_get(r, id, &j)) != CZ_VIDEO_OK)
		return cz_video_gate_status(r, vrc, id);
	if ((o = job_json(r, &j)) == NULL || cz_json_own(r->arena, o) == -1)
		return 500;
	cz_resp_header(r, "Location", "/api/videos/%lld", id);
	/* 202 while there is work to wait for; a finished one is 200. */
	return cz_resp_json(r, strcmp(j.status, "done") == 0 ? 200 : 202, o);
}

/* POST /plans/{id}/videos (the plan page's form, fields platform, sound
 * and day, empty for the whole week): as the API, answered with a 303 to
 * the video's page. */
int
cz_h_video_create_form(struct cz_request *r)
{
	struct cz_value val[NREQUEST];
	long long plan = param_id(r, "id"), id = 0;
	int rc;

	if (r->user == NULL)
		return cz_video_gate_sign_in(r, cz_arena_printf(r->arena,
		    "/plans/%lld", plan));
	if (cz_validate_params(r->arena, request_fields, NREQUEST, &r->form, val,
	    NULL) == -1) {
		r->error_message = "choose one of the platforms, sounds and "
		    "days offered";
		return 400;
	}
	if ((rc = request_video(r, plan, val[0].s, sound_of(&val[1]),
	    day_of(&val[2]), &id)) != CZ_NEXT)
		return rc;
	return cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
	    "/videos/%lld", id));
}

/* ------------------------------------------------------------------------
 * following and watching
 */

/* GET /api/videos/{id}: the job's status JSON, with the publish kit
 * ("publish") when it is done; 401, 403, 404, 503. */
int
cz_h_api_video_get(struct cz_request *r)
{
	struct json_object *o;
	struct cz_video j;
	int rc;

	if ((rc = cz_video_gate(r, param_id(r, "id"), &j)) != CZ_NEXT)
		return rc;
	if ((o = job_json(r, &j)) == NULL || cz_json_own(r->arena, o) == -1)
		return 500;
	if (strcmp(j.status, "done") == 0) {
		json_object_object_add(o, "publish", publish_json(r, &j));
		json_object_object_add(o, "hls_list", renditions_text(r, &j));
	}
	return cz_resp_json(r, 200, o);
}

/* GET /videos/{id}: the video's page, the progress bar while it is
 * pending, the player when it is done; the log-in page for nobody. */
int
cz_h_video_page(struct cz_request *r)
{
	struct json_object *ctx, *o, *x;
	struct cz_video j;
	const char *name, *title;
	size_t n;
	int rc;

	if ((rc = cz_video_gate(r, param_id(r, "id"), &j)) != CZ_NEXT)
		return rc;
	/* "TikTok video of plan 3": the platform as people name it, without
	 * the size and length its full label adds in brackets. */
	name = cz_video_platform_label(j.platform);
	name = name == NULL ? j.platform : cz_arena_printf(r->arena, "%.*s",
	    (int)strcspn(name, "("), name);
	n = strlen(name);
	while (n > 0 && name[n - 1] == ' ')
		n--;
	name = cz_arena_printf(r->arena, "%.*s", (int)n, name);
	/* The title: "Video 2 of plan 3 (TikTok, 30 s)", the preset as
	 * people read it (labels.c); a day clip's "Video 4 of plan 3: day 2
	 * (TikTok, 15 s)", its own length. */
	title = j.day > 0 ? cz_arena_printf(r->arena, "Video %lld of plan "
	    "%lld: day %d (%s, %d s)", j.id, j.plan_id, j.day, name,
	    cz_video_day_seconds(j.platform)) : cz_arena_printf(r->arena,
	    "Video %lld of plan %lld (%s)", j.id, j.plan_id,
	    cz_label(j.platform));
	if ((ctx = cz_page_ctx(r, title)) == NULL ||
	    (o = job_json(r, &j)) == NULL)
		return 500;
	json_object_object_add(o, "platform_name", json_object_new_string(name));
	if (j.day > 0)
		json_object_object_add(o, "day_clip_seconds", json_object_new_int(
		    cz_video_day_seconds(j.platform)));
	if (strcmp(j.status, "done") == 0) {
		json_object_object_add(o, "publish", publish_json(r, &j));
		json_object_object_add(o, "hls_list", renditions_text(r, &j));
	}
	/* The page's line of stages, when the status has them. */
	if (json_object_object_get_ex(o, "stages", &x) &&
	    json_object_array_length(x) > 0)
		json_object_object_add(o, "has_stages", json_object_new_boolean(1));
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

/* POST /api/videos/{id}/progress {"position": s, "duration": s}: saves the
 * viewer's resume position (204); 400 naming the field, 409 when the
 * video is not done, 401, 403, 404, 503. */
int
cz_h_api_video_progress(struct cz_request *r)
{
	struct json_object *errors;
	double position, duration;
	struct cz_video j;
	enum cz_video_rc vrc;
	int rc;

	if ((rc = cz_video_gate(r, param_id(r, "id"), &j)) != CZ_NEXT)
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
	switch ((vrc = cz_video_save_position(r, &j, position, duration))) {
	case CZ_VIDEO_OK:
		r->status = 204;
		return CZ_DONE;
	case CZ_VIDEO_NOT_READY:
		r->error_message = "this video is not ready to be watched";
		return 409;
	default:
		return cz_video_gate_status(r, vrc, j.id);
	}
}

static const struct cz_field list_fields[] = {
	{ "before", CZ_F_INT, 0, 1, LLONG_MAX, NULL },
};

/* GET /videos[?before=id]: the page of one's videos, newest first, 50 at a
 * time with a link to older ones. */
int
cz_h_videos_list(struct cz_request *r)
{
	struct json_object *ctx, *list, *o;
	struct cz_video_item *items;
	const struct cz_video_item *it;
	struct cz_value val[1];
	const char *label;
	enum cz_video_rc vrc;
	int i, n, more;

	if (r->user == NULL)
		return cz_video_gate_sign_in(r, "/videos");
	if (cz_validate_params(r->arena, list_fields, 1, &r->query_params, val,
	    NULL) == -1) {
		r->error_message = "before must be a video number";
		return 400;
	}
	if ((vrc = cz_video_list(r, val[0].present ? val[0].i : 0,
	    VIDEOS_PER_PAGE, &items, &n, &more)) != CZ_VIDEO_OK)
		return cz_video_gate_status(r, vrc, 0);
	if ((ctx = cz_page_ctx(r, "Your videos")) == NULL)
		return 500;
	list = json_object_new_array();
	for (i = 0; i < n; i++) {
		it = &items[i];
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(
		    cz_arena_printf(r->arena, "%lld", it->id)));
		json_object_object_add(o, "plan_id", json_object_new_string(
		    cz_arena_printf(r->arena, "%lld", it->plan_id)));
		if ((label = cz_video_platform_label(it->platform)) != NULL)
			json_object_object_add(o, "platform",
			    json_object_new_string(label));
		if (it->day > 0)
			json_object_object_add(o, "day", json_object_new_int(
			    it->day));
		if (strcmp(it->sound, "silent") == 0)
			json_object_object_add(o, "silent",
			    json_object_new_boolean(1));
		json_object_object_add(o, "status",
		    json_object_new_string(it->status));
		json_object_object_add(o, "progress", json_object_new_string(
		    cz_arena_printf(r->arena, "%d", it->progress)));
		json_object_object_add(o, "created_at",
		    json_object_new_string(it->created_at));
		if (it->has_duration)
			json_object_object_add(o, "duration", json_object_new_string(
			    cz_arena_printf(r->arena, "%.0f s", it->duration)));
		if (it->has_size)
			json_object_object_add(o, "size", json_object_new_string(
			    cz_arena_printf(r->arena, "%.1f MB", it->size / 1e6)));
		if (it->watched)
			json_object_object_add(o, "watched",
			    json_object_new_boolean(1));
		json_object_array_add(list, o);
	}
	json_object_object_add(ctx, "videos", list);
	if (more && n > 0)
		json_object_object_add(ctx, "next_before", json_object_new_string(
		    cz_arena_printf(r->arena, "%lld", items[n - 1].id)));
	return cz_resp_html(r, 200, "pages/videos", ctx);
}
