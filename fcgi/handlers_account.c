/*
 * handlers_account.c - the signed-in account: the /account page (address,
 * tier, verification state, the forms to change the password and the
 * address, "log out everywhere", API keys) and GET /api/me.
 */
#include "config.h"

#include <json-c/json.h>

#include "account_page.h"
#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "response.h"
#include "session.h"

int
cz_h_account(struct cz_request *r)
{
	const char *changed = cz_params_get(&r->query_params, "changed");

	return cz_account_page(r, 200, changed != NULL ? "Saved." : NULL,
	    NULL);
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
