/*
 * account_page.c - the /account page: the account's address, tier and
 * verification state (from the page context), the forms to change the
 * password and the address, "log out everywhere" and the API keys. See
 * account_page.h.
 */
#include "config.h"

#include <json-c/json.h>

#include "account_page.h"
#include "api_keys.h"
#include "challenge.h"
#include "password.h"
#include "response.h"
#include "time_text.h"

int
cz_account_page(struct cz_request *r, int status, const char *message,
    struct json_object *key)
{
	struct json_object *ctx, *keys;

	if (r->user == NULL)
		return cz_resp_redirect(r, 303, "/login?next=/account");
	if ((ctx = cz_page_ctx(r, "Your account")) == NULL)
		return 500;
	if ((keys = cz_keys_list(r)) != NULL) {
		cz_time_text_add(keys, "created_at", "made_text", 0);
		cz_time_text_add(keys, "last_used_at", "used_text", 0);
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
	/* The confirmation resend form carries a challenge (challenge.h). */
	if (!r->user->verified)
		cz_challenge_ctx(r, ctx, CZ_POW_RESEND, r->user->id);
	json_object_object_add(ctx, "password_min",
	    json_object_new_int(CZ_PASSWORD_MIN));
	json_object_object_add(ctx, "password_max",
	    json_object_new_int(CZ_PASSWORD_MAX));
	return cz_resp_html(r, status, "pages/account", ctx);
}
