/*
 * handlers_privacy.c - the account holder's rights of the privacy policy:
 * a copy of their data (GET /account/export, a JSON download) and the
 * deletion of their account (/account/delete, with the password again).
 * What the export holds and what deletion does are privacy.c's.
 */
#include "config.h"

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "handlers.h"
#include "jsonbody.h"
#include "password.h"
#include "privacy.h"
#include "response.h"
#include "session.h"
#include "validate.h"

int
cz_h_account_export(struct cz_request *r)
{
	const char *json;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT) {
		if (!cz_route_json(r) && r->user == NULL)
			return cz_resp_redirect(r, 303,
			    "/login?next=/account/export");
		return status;
	}
	if (cz_privacy_export(r, &json) != CZ_PRIVACY_OK)
		return 503;
	cz_buf_reset(r->body_out);
	if (cz_buf_puts(r->body_out, json) == -1 ||
	    cz_buf_putc(r->body_out, '\n') == -1) {
		r->error_message = "the export is larger than the largest "
		    "response; ask the operator";
		return 500;
	}
	cz_audit(r, r->user->id, "account.exported", NULL);
	r->status = 200;
	r->content_type_out = "application/json";
	if (!cz_route_json(r))
		cz_resp_header(r, "Content-Disposition", "attachment; "
		    "filename=\"cibozer-export.json\"");
	return 0;
}

static int
delete_page(struct cz_request *r, int status, const char *message)
{
	struct json_object *ctx;

	if (r->user == NULL)
		return cz_resp_redirect(r, 303, "/login?next=/account/delete");
	if ((ctx = cz_page_ctx(r, "Delete your account")) == NULL)
		return 500;
	if (message != NULL) {
		r->error_message = message;
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	}
	json_object_object_add(ctx, "retention_days", json_object_new_int64(
	    r->app->settings.privacy_retention_days));
	return cz_resp_html(r, status, "pages/account_delete", ctx);
}

int
cz_h_account_delete_form(struct cz_request *r)
{
	return delete_page(r, 200, NULL);
}

static const struct cz_field delete_fields[] = {
	{ "password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
	{ "confirm", CZ_F_BOOL, 0, 0, 0, NULL },
};

int
cz_h_account_delete(struct cz_request *r)
{
	struct cz_value v[2];
	struct json_object *errors, *o;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, delete_fields, 2, v, &errors) == -1 ||
	    (!cz_route_json(r) && (!v[1].present || !v[1].i))) {
		if (cz_route_json(r))
			return errors != NULL ? cz_resp_json(r, 400,
			    cz_errors_body(r, errors)) : 500;
		return delete_page(r, 400, "Give your password and tick the "
		    "box to confirm.");
	}
	switch (cz_privacy_delete_account(r, v[0].s, v[0].len)) {
	case CZ_PRIVACY_OK:
		break;
	case CZ_PRIVACY_DENIED:
		if (cz_route_json(r)) {
			r->error_message = "the password is not right";
			return 403;
		}
		return delete_page(r, 403, "The password is not right.");
	default:
		return 503;
	}
	/* The account's sessions are gone; the browser may forget its
	 * cookie. */
	r->session_token = NULL;
	cz_session_clear_cookie(r);
	if (cz_route_json(r)) {
		if ((o = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, o) == -1)
			return 500;
		json_object_object_add(o, "status",
		    json_object_new_string("deleted"));
		return cz_resp_json(r, 200, o);
	}
	return cz_resp_redirect(r, 303, "/?deleted=1");
}
