/*
 * handlers_account.c - the signed-in account: the /account page (address,
 * tier, verification state, the forms to change the password and the
 * address, "log out everywhere", API keys) and GET /api/me.
 */
#include "config.h"

#include <json-c/json.h>

#include "api_keys.h"
#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "password.h"
#include "response.h"
#include "session.h"

/* The account page; key is a key just made, shown once, or NULL. */
static int
account_page(struct cz_request *r, int status, const char *message,
    struct json_object *key)
{
	struct json_object *ctx, *keys;

	if (r->user == NULL)
		return cz_resp_redirect(r, 303, "/login?next=/account");
	if ((ctx = cz_page_ctx(r, "Your account")) == NULL)
		return 500;
	if ((keys = cz_keys_list(r)) != NULL) {
		json_object_object_add(ctx, "keys", json_object_get(keys));
		json_object_object_add(ctx, "has_keys", json_object_new_boolean(
		    json_object_array_length(keys) > 0));
	}
	if (key != NULL)
		json_object_object_add(ctx, "new_key", json_object_get(key));
	if (message != NULL) {
		r->error_message = status >= 400 ? message : NULL;
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
		json_object_object_add(ctx, "failed",
		    json_object_new_boolean(status >= 400));
	}
	json_object_object_add(ctx, "password_min",
	    json_object_new_int(CZ_PASSWORD_MIN));
	json_object_object_add(ctx, "password_max",
	    json_object_new_int(CZ_PASSWORD_MAX));
	return cz_resp_html(r, status, "pages/account", ctx);
}

int
cz_h_account_page(struct cz_request *r, int status, const char *message)
{
	return account_page(r, status, message, NULL);
}

int
cz_account_with_key(struct cz_request *r, struct json_object *key)
{
	return account_page(r, 201, "The key was made. Copy it now: it is "
	    "shown only this once.", key);
}

int
cz_h_account(struct cz_request *r)
{
	const char *changed = cz_params_get(&r->query_params, "changed");

	return cz_h_account_page(r, 200, changed != NULL ? "Saved." : NULL);
}

int
cz_h_api_me(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct json_object *o, *l;

	if (r->user == NULL) {
		r->error_message = "log in first (POST /api/login)";
		return 401;
	}
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return 500;
	json_object_object_add(o, "id", json_object_new_int64(r->user->id));
	json_object_object_add(o, "email",
	    json_object_new_string(r->user->email));
	json_object_object_add(o, "tier", json_object_new_string(r->user->tier));
	json_object_object_add(o, "is_admin",
	    json_object_new_boolean(r->user->is_admin));
	json_object_object_add(o, "verified",
	    json_object_new_boolean(r->user->verified));
	if (r->user->csrf != NULL)
		json_object_object_add(o, "csrf_token",
		    json_object_new_string(r->user->csrf));
	l = json_object_new_object();
	json_object_object_add(l, "accepted",
	    json_object_new_boolean(r->user->legal_ok));
	json_object_object_add(l, "terms_version",
	    json_object_new_string(s->terms_version));
	json_object_object_add(l, "privacy_version",
	    json_object_new_string(s->privacy_version));
	json_object_object_add(l, "accept_url",
	    json_object_new_string("/legal/accept"));
	json_object_object_add(o, "legal", l);
	return cz_resp_json(r, 200, o);
}
