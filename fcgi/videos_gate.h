/*
 * videos_gate.h - the gates in front of the video handlers (request.h's
 * convention: CZ_NEXT to go on, CZ_DONE when the answer is built, or an
 * HTTP status): nobody signed in, the one video a route names, and the
 * answers for what the video service (videos.h) came to. Shared by
 * handlers_videos.c and handlers_video_files.c, so that neither calls the
 * other.
 */
#ifndef CZ_VIDEOS_GATE_H
#define CZ_VIDEOS_GATE_H

#include "videos.h"

struct cz_request;

/* For a request nobody signed in to: 401 for the API (r->wants_json),
 * else the log-in page with next, built (CZ_DONE). */
int cz_video_gate_sign_in(struct cz_request *r, const char *next);

/* 404 "There is no video <id>." (r->error_message set). */
int cz_video_gate_not_found(struct cz_request *r, long long id);

/* The status for rc, a video service answer other than CZ_VIDEO_OK that
 * the caller has no answer of its own for: 404 for CZ_VIDEO_NOT_FOUND
 * (video id), 503 for CZ_VIDEO_DB_ERROR, else 500; r->error_message set
 * for the first two. */
int cz_video_gate_status(struct cz_request *r, enum cz_video_rc rc,
    long long id);

/*
 * Video id for the signed-in user, who must be allowed to read videos
 * (scope videos:read). Returns CZ_NEXT with *v filled, CZ_DONE when the
 * answer (the log-in page, next /videos/<id>) is built, or a status: 401
 * (API, nobody signed in), 403 (scope), 404 (no such video, or not the
 * user's), 503.
 */
int cz_video_gate(struct cz_request *r, long long id, struct cz_video *v);

#endif
