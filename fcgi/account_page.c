/*
 * account_page.c - the /account page: the account's address, tier and
 * verification state (from the page context), the forms to change the
 * password and the address, "log out everywhere" and the API keys. See
 * account_page.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "account_page.h"
#include "api_keys.h"
#include "challenge.h"
#include "password.h"
#include "response.h"

/*
 * "2026-12-06 05:52" of an ISO time "2026-12-06T05:52:50Z" (the table says
 * UTC): two lines of a narrow cell where the ISO text broke at random.
 * Anything else is kept as it is.
 */
static struct json_object *
minutes_text(struct json_object *iso)
{
	const char *t = json_object_get_string(iso);
	char out[17];

	if (t == NULL || strlen(t) < 16 || t[10] != 'T')
		return t != NULL ? json_object_new_string(t) : NULL;
	memcpy(out, t, 16);
	out[10] = ' ';
	out[16] = '\0';
	return json_object_new_string(out);
}

/* Each key of keys gets made_text and used_text for the page. */
static void
add_key_times(struct json_object *keys)
{
	struct json_object *k, *v;
	size_t i;

	for (i = 0; i < json_object_array_length(keys); i++) {
		k = json_object_array_get_idx(keys, i);
		if (json_object_object_get_ex(k, "created_at", &v))
			json_object_object_add(k, "made_text", minutes_text(v));
		if (json_object_object_get_ex(k, "last_used_at", &v) &&
		    v != NULL)
			json_object_object_add(k, "used_text", minutes_text(v));
	}
}

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
		add_key_times(keys);
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
