/*
 * videos_gate.c - the gates in front of the video handlers: who may ask
 * for a video and how the video service's answers are told. See
 * videos_gate.h.
 */
#include "config.h"

#include "app.h"
#include "response.h"
#include "session.h"
#include "videos_gate.h"

int
cz_video_gate_sign_in(struct cz_request *r, const char *next)
{
	if (r->wants_json) {
		r->error_message = "log in first (POST /api/login) or send an "
		    "API key";
		return 401;
	}
	return cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
	    "/login?next=%s", next));
}

int
cz_video_gate_not_found(struct cz_request *r, long long id)
{
	r->error_message = cz_arena_printf(r->arena, "There is no video %lld.",
	    id);
	return 404;
}

int
cz_video_gate_status(struct cz_request *r, enum cz_video_rc rc,
    long long id)
{
	switch (rc) {
	case CZ_VIDEO_NOT_FOUND:
		return cz_video_gate_not_found(r, id);
	case CZ_VIDEO_DB_ERROR:
		return cz_db_unavailable(r);
	default:
		return 500;
	}
}

int
cz_video_gate(struct cz_request *r, long long id, struct cz_video *v)
{
	enum cz_video_rc vrc;
	int rc;

	if (r->user == NULL)
		return cz_video_gate_sign_in(r, cz_arena_printf(r->arena,
		    "/videos/%lld", id));
	if ((rc = cz_user_can(r, "videos:read")) != CZ_NEXT)
		return rc;
	if ((vrc = cz_video_get(r, id, v)) != CZ_VIDEO_OK)
		return cz_video_gate_status(r, vrc, id);
	return CZ_NEXT;
}
