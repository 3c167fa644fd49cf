/*
 * handlers_legal.c - accepting the terms of service and the privacy
 * policy, as a form and as JSON (the gate in front of plan generation is
 * legal.c; the acceptance itself is recorded by privacy.c). A form must
 * tick both boxes; the API names the versions it accepts, which must be
 * the current ones.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "privacy.h"
#include "response.h"
#include "session.h"
#include "validate.h"

static int
legal_page(struct cz_request *r, int status, const char *message)
{
	struct json_object *ctx;
	const char *next = cz_params_get(&r->form, "next");

	if (next == NULL)
		next = cz_params_get(&r->query_params, "next");
	if (r->user == NULL)
		return cz_resp_redirect(r, 303, "/login?next=/legal/accept");
	if ((ctx = cz_page_ctx(r, "Terms and privacy")) == NULL)
		return 500;
	json_object_object_add(ctx, "next", json_object_new_string(
	    cz_safe_next(next, "/plans/new")));
	if (message != NULL)
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	return cz_resp_html(r, status, "pages/legal_accept", ctx);
}

int
cz_h_legal_form(struct cz_request *r)
{
	return legal_page(r, 200, NULL);
}

static const struct cz_field accept_fields[] = {
	{ "terms_version", CZ_F_STRING, 1, 1, 63, NULL },
	{ "privacy_version", CZ_F_STRING, 1, 1, 63, NULL },
	{ "accept_terms", CZ_F_BOOL, 0, 0, 0, NULL },
	{ "accept_privacy", CZ_F_BOOL, 0, 0, 0, NULL },
	{ "next", CZ_F_STRING, 0, 0, 512, NULL },
};

int
cz_h_legal_accept(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct cz_value v[5];
	struct json_object *errors, *o;
	int json = cz_route_json(r);

	if (r->user == NULL) {
		r->error_message = "log in first";
		return 401;
	}
	if (cz_req_input(r, accept_fields, 5, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (json)
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return legal_page(r, 400, "Please tick both boxes.");
	}
	/* A form must tick both boxes; the API names the versions. */
	if (!json && (!v[2].present || !v[2].i || !v[3].present || !v[3].i))
		return legal_page(r, 400, "Please tick both boxes to accept "
		    "the terms of service and the privacy policy.");
	if (strcmp(v[0].s, s->terms_version) != 0 ||
	    strcmp(v[1].s, s->privacy_version) != 0) {
		if (json)
			return cz_resp_json_error(r, 409, "those are not the "
			    "current versions", "accept_url", "/legal/accept");
		return legal_page(r, 409, "The terms changed meanwhile; "
		    "please read them again.");
	}
	if (cz_privacy_accept_legal(r) != CZ_PRIVACY_OK)
		return 503;
	if (json) {
		if ((o = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, o) == -1)
			return 500;
		json_object_object_add(o, "status",
		    json_object_new_string("accepted"));
		json_object_object_add(o, "terms_version",
		    json_object_new_string(s->terms_version));
		json_object_object_add(o, "privacy_version",
		    json_object_new_string(s->privacy_version));
		return cz_resp_json(r, 200, o);
	}
	return cz_resp_redirect(r, 303, cz_safe_next(v[4].present ? v[4].s :
	    NULL, "/plans/new"));
}
