/*
 * handlers_activity.c - the account holder's own audit entries: what was
 * done with their account, when and from where (GET /account/activity, an
 * HTML page, and GET /api/account/activity), newest first, a page at a
 * time by keyset (?before=ID); privacy.c reads them. Only a session may
 * read them, never an API key: like the export, they are the account's
 * own record.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "privacy.h"
#include "response.h"
#include "session.h"
#include "time_text.h"
#include "validate.h"

static const struct cz_field activity_fields[] = {
	{ "before", CZ_F_INT, 0, 1, LLONG_MAX, NULL },
};

/* The page shows each entry's detail as its JSON text ("" for none),
 * spaced so that a narrow cell breaks it between members. */
static void
add_detail_text(struct json_object *list)
{
	struct json_object *o, *d;
	size_t i;

	for (i = 0; i < json_object_array_length(list); i++) {
		o = json_object_array_get_idx(list, i);
		d = json_object_object_get(o, "detail");
		json_object_object_add(o, "detail_text", json_object_new_string(
		    json_object_object_length(d) > 0 ?
		    json_object_to_json_string_ext(d, JSON_C_TO_STRING_SPACED |
		    JSON_C_TO_STRING_NOSLASHESCAPE) : ""));
	}
}

int
cz_h_account_activity(struct cz_request *r)
{
	struct cz_value val[1];
	struct json_object *ctx, *errors, *list, *o;
	char before[32];
	long long next;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT) {
		if (!cz_route_json(r) && r->user == NULL)
			return cz_resp_redirect(r, 303,
			    "/login?next=/account/activity");
		return status;
	}
	if (cz_validate_params(r->arena, activity_fields, 1, &r->query_params,
	    val, &errors) == -1) {
		r->error_message = "before must be an entry number";
		return 400;
	}
	switch (cz_privacy_activity(r, val[0].present ? val[0].i : 0, &list,
	    &next)) {
	case CZ_PRIVACY_OK:
		break;
	case CZ_PRIVACY_UNAVAILABLE:
		return cz_db_unavailable(r);
	default:
		return 500;
	}
	if (cz_route_json(r)) {
		if ((o = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, o) == -1)
			return 500;
		json_object_object_add(o, "entries", json_object_get(list));
		json_object_object_add(o, "next_before", next > 0 ?
		    json_object_new_int64(next) : NULL);
		return cz_resp_json(r, 200, o);
	}
	add_detail_text(list);
	cz_time_text_add(list, "at", "at_text", 1);
	if ((ctx = cz_page_ctx(r, "Account activity")) == NULL)
		return 500;
	json_object_object_add(ctx, "entries", json_object_get(list));
	if (next > 0) {
		snprintf(before, sizeof(before), "%lld", next);
		json_object_object_add(ctx, "next_before",
		    json_object_new_string(before));
	}
	if (val[0].present)
		json_object_object_add(ctx, "paged",
		    json_object_new_boolean(1));
	return cz_resp_html(r, 200, "pages/activity", ctx);
}
