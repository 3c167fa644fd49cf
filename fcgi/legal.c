/*
 * legal.c - the gate in front of plan and video generation: a signed-in
 * account that accepted the current terms of service and privacy policy
 * (settings terms_version and privacy_version) goes on; anyone else is
 * sent to log in or to accept them. See legal.h.
 */
#include "config.h"

#include "app.h"
#include "legal.h"
#include "response.h"
#include "session.h"

int
cz_legal_gate(struct cz_request *r, const char *next)
{
	if (r->user == NULL) {
		if (cz_route_json(r)) {
			cz_resp_json_error(r, 401, "log in first (POST /api/login) or "
			    "send an API key", "login_url", "/api/login");
			return CZ_DONE;
		}
		cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
		    "/login?next=%s", next));
		return CZ_DONE;
	}
	if (r->user->legal_ok)
		return CZ_NEXT;
	if (cz_route_json(r)) {
		cz_resp_json_error(r, 403, cz_arena_printf(r->arena, "accept the "
		    "current terms of service (version %s) and privacy policy "
		    "(version %s) first, at /legal/accept",
		    r->app->settings.terms_version,
		    r->app->settings.privacy_version), "accept_url",
		    "/legal/accept");
		return CZ_DONE;
	}
	cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
	    "/legal/accept?next=%s", next));
	return CZ_DONE;
}
