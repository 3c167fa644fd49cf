/*
 * videos.h - videos of plans, the service under the video handlers: the
 * platforms a video can be made for, finding or queueing the job for a
 * plan and platform (one job per pair, the tier's daily quota, in one
 * transaction), reading a job as its viewer sees it, the resume position
 * and the watched mark, the list of one's videos, and which file of a
 * finished video a file route names. It knows nothing of HTTP: it takes
 * the request as its context (arena, database, r->user, request id for
 * the audit trail) and answers with enum cz_video_rc, which the handlers
 * turn into statuses and pages.
 *
 * Jobs live in video_jobs (sql/007-009): cibozer-render claims and renders
 * them. Only the plan's owner (and administrators) see a video or may ask
 * for one of a plan: to anyone else it does not exist, so ids cannot be
 * probed.
 */
#ifndef CZ_VIDEOS_H
#define CZ_VIDEOS_H

#include "arena.h"

struct cz_db;
struct cz_request;
struct json_object;

/* The presets cibozer-render knows (render/preset.c), in display order,
 * ended by NULL: the values a video request's platform may take. */
extern const char *const cz_video_presets[];

/* What a video may sound like (sql/024), ended by NULL: "music" (the
 * renderer's synthesised music bed, the default) or "silent" (no audio
 * stream at all). */
extern const char *const cz_video_sounds[];

/* A day clip's day is 1 .. the plan's days, at most this (sql/029). */
#define CZ_VIDEO_MAX_DAY	7

/* The rate-limit scope of the daily video quota (lib/ratelimit.h). */
#define CZ_VIDEO_QUOTA_SCOPE	"quota.videos"

/* What a video service call came to. */
enum cz_video_rc {
	CZ_VIDEO_OK = 0,
	CZ_VIDEO_NOT_FOUND,	/* no such video or plan, or not r->user's */
	CZ_VIDEO_UNVERIFIED,	/* r->user's e-mail address is not verified */
	CZ_VIDEO_OVER_QUOTA,	/* the tier's videos of the day are used up */
	CZ_VIDEO_NOT_READY,	/* the video is not rendered (yet) */
	CZ_VIDEO_BAD_DAY,	/* a day clip of a day the plan lacks */
	CZ_VIDEO_DB_ERROR,	/* the database failed (logged) */
	CZ_VIDEO_NO_MEMORY	/* out of memory (logged) */
};

/* One job as its viewer sees it. Strings and result are owned by the
 * request's arena. */
struct cz_video {
	long long	 id, plan_id, owner;
	const char	*platform;	/* the preset, e.g. "tiktok" */
	const char	*sound;		/* one of cz_video_sounds */
	int		 day;		/* a day clip's day, 0: the week */
	const char	*status;	/* queued, rendering, done, failed,
					   expired */
	const char	*stage;		/* of a rendering job, or "" */
	const char	*error;		/* the last failure, or "" */
	const char	*created_at;	/* ISO 8601, UTC */
	const char	*finished_at;	/* ISO 8601, UTC, or "" */
	int		 progress;	/* percent, 0-100 */
	int		 attempts;
	int		 watched;	/* by the viewer, to 95% at least */
	double		 elapsed;	/* seconds since it started, or 0 */
	double		 position;	/* the viewer's resume position, s */
	struct json_object *result;	/* the renderer's metadata, or NULL */
	struct json_object *stage_log;	/* [{stage, at}] of the attempt, or
					   NULL */
};

/* The job a request made or found (cz_video_request). */
struct cz_video_ticket {
	long long	 id;		/* the job */
	int		 created;	/* 1 when queued by this request */
	long long	 quota;		/* the tier's videos a day */
	int		 retry_after;	/* s, when CZ_VIDEO_OVER_QUOTA */
	int		 days;		/* the plan's days (CZ_VIDEO_BAD_DAY) */
};

/* One line of the list of one's videos (cz_video_list). */
struct cz_video_item {
	long long	 id, plan_id;
	const char	*platform;	/* the preset */
	const char	*sound;		/* one of cz_video_sounds */
	int		 day;		/* a day clip's day, 0: the week */
	const char	*status;	/* as in struct cz_video */
	int		 progress;
	const char	*created_at;	/* "YYYY-MM-DD HH:MM", UTC */
	int		 has_duration, has_size;
	double		 duration;	/* seconds, when has_duration */
	double		 size;		/* bytes, when has_size */
	int		 watched;
};

/* A file of a finished video (cz_video_file). */
struct cz_video_file {
	const char	*rel;		/* below video_dir: "<id>/video.mp4" */
	const char	*content_type;
};

/* The length in seconds of a day clip for preset (one of
 * cz_video_presets; 20 for any other): fixed per platform, as
 * cibozer-render makes them (render/plan.c has the same table). */
int cz_video_day_seconds(const char *preset);

/* Registers the video statements. Returns 0, or -1 when the statement
 * table is full. */
int cz_videos_register(struct cz_db *db);

/* The platforms a video can be made for, as a new JSON array of
 * {value, label} in display order (the caller owns it). */
struct json_object *cz_video_platforms(void);

/* The label people read for preset ("TikTok (1080×1920, 30 s)"), or NULL
 * when it is none of cz_video_presets. */
const char *cz_video_platform_label(const char *preset);

/*
 * Loads job id as r->user (or nobody, when NULL) may see it into *v.
 * Returns CZ_VIDEO_OK, CZ_VIDEO_NOT_FOUND when there is no such job or it
 * is not the viewer's, or CZ_VIDEO_DB_ERROR.
 */
enum cz_video_rc cz_video_get(struct cz_request *r, long long id,
    struct cz_video *v);

/*
 * Finds the job of plan (at its current revision), preset (one of
 * cz_video_presets), sound (one of cz_video_sounds) and day (0: the whole
 * week, else a day clip of day 1 .. the plan's days) that is queued,
 * rendering or done, or else queues one, for r->user (not NULL):
 * in one transaction under a lock on the plan, so that two requests at
 * once make one job, and counting the new job in the tier's daily quota
 * and the API key's usage of the day. A new job is audited as
 * video.requested. Returns CZ_VIDEO_OK with t->id and t->created set;
 * CZ_VIDEO_NOT_FOUND when the plan does not exist or is not r->user's;
 * CZ_VIDEO_BAD_DAY with t->days set when the plan has no such day;
 * CZ_VIDEO_UNVERIFIED; CZ_VIDEO_OVER_QUOTA with t->quota and
 * t->retry_after set (nothing was written; the caller answers it, as
 * throttle.h's cz_limit_refuse does); or CZ_VIDEO_DB_ERROR.
 */
enum cz_video_rc cz_video_request(struct cz_request *r, long long plan,
    const char *preset, const char *sound, long long day,
    struct cz_video_ticket *t);

/*
 * Saves r->user's (not NULL) resume position in video v, a job loaded by
 * cz_video_get, with the video's duration (both in seconds, checked by
 * the caller); reaching 95% marks it watched for good. Returns
 * CZ_VIDEO_OK, CZ_VIDEO_NOT_READY when v is not done, or
 * CZ_VIDEO_DB_ERROR.
 */
enum cz_video_rc cz_video_save_position(struct cz_request *r,
    const struct cz_video *v, double position, double duration);

/*
 * The page of r->user's (not NULL) videos, newest first: at most page
 * items with ids below before (0: from the newest), in *items (owned by
 * the request's arena) and *n; *more tells whether older ones follow.
 * Returns CZ_VIDEO_OK, CZ_VIDEO_DB_ERROR or CZ_VIDEO_NO_MEMORY.
 */
enum cz_video_rc cz_video_list(struct cz_request *r, long long before,
    int page, struct cz_video_item **items, int *n, int *more);

/*
 * Which file of video id serves name, the file's path in the video as a
 * file route ends: video.mp4, poster.jpg, thumbnail.jpg, hls/master.m3u8,
 * hls/<variant>/index.m3u8 or hls/<variant>/segNNN.ts (variant 1-16 of
 * [a-z0-9], NNN 3-5 digits). Nothing else is ever a file of a video, so no
 * path from a request reaches the file system. Returns 0 with *f filled
 * (rel from a), or -1 when name is none of these.
 */
int cz_video_file(cz_arena *a, long long id, const char *name,
    struct cz_video_file *f);

#endif
