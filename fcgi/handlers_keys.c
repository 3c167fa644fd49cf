/*
 * handlers_keys.c - API keys of the signed-in account on the account page
 * and as JSON: make one (named, with scopes; shown once), list them,
 * revoke one. The keys themselves are api_keys.c's. Managing keys needs a
 * session: a key cannot make or revoke keys.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "api_keys.h"
#include "account_page.h"
#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "response.h"
#include "session.h"
#include "validate.h"

/*
 * The scopes asked for (a JSON array "scopes", or repeated form fields
 * "scopes") as bits; 0 with *why set when none or an unknown one.
 */
static unsigned
wanted_scopes(struct cz_request *r, const char **why)
{
	struct json_object *a, *e;
	unsigned bits = 0;
	size_t i;
	int k;

	*why = "choose at least one scope: plans:read, plans:write, "
	    "videos:read, videos:write";
	if (r->json != NULL) {
		if (!json_object_object_get_ex(r->json, "scopes", &a) ||
		    !json_object_is_type(a, json_type_array) ||
		    json_object_array_length(a) > 8)
			return 0;
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (!json_object_is_type(e, json_type_string) ||
			    (k = cz_keys_scope(json_object_get_string(e))) < 0)
				return 0;
			bits |= 1u << k;
		}
		return bits;
	}
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].name, "scopes") != 0)
			continue;
		if ((k = cz_keys_scope(r->form.v[i].value)) < 0)
			return 0;
		bits |= 1u << k;
	}
	return bits;
}

int
cz_h_keys_list(struct cz_request *r)
{
	struct json_object *o, *a;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if ((a = cz_keys_list(r)) == NULL)
		return 503;
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return 500;
	json_object_object_add(o, "keys", json_object_get(a));
	return cz_resp_json(r, 200, o);
}

static const struct cz_field key_fields[] = {
	{ "name", CZ_F_STRING, 1, 1, 64, NULL },
};

int
cz_h_key_create(struct cz_request *r)
{
	struct cz_value v[1];
	struct json_object *errors, *key;
	const char *why;
	unsigned bits;
	long long id;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, key_fields, 1, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return cz_account_page(r, 400, "Give the key a name (1 to 64 "
		    "characters).", NULL);
	}
	if ((bits = wanted_scopes(r, &why)) == 0) {
		r->error_message = why;
		if (cz_route_json(r))
			return 400;
		return cz_account_page(r, 400, "Choose at least one scope "
		    "for the key.", NULL);
	}
	switch (cz_keys_create(r, v[0].s, bits, &key)) {
	case CZ_KEYS_OK:
		break;
	case CZ_KEYS_TOO_MANY:
		r->error_message = cz_arena_printf(r->arena, "an account has "
		    "at most %d active keys: revoke one first", CZ_KEYS_MAX);
		if (cz_route_json(r))
			return 409;
		return cz_account_page(r, 409, r->error_message, NULL);
	case CZ_KEYS_UNAVAILABLE:
		return 503;
	default:
		return 500;
	}
	if (cz_route_json(r)) {
		id = json_object_get_int64(json_object_object_get(key, "id"));
		cz_resp_header(r, "Location", "/api/keys/%lld", id);
		return cz_resp_json(r, 201, key);
	}
	return cz_account_page(r, 201, "The key was made. Copy it now: it "
	    "is shown only this once.", key);
}

int
cz_h_key_revoke(struct cz_request *r)
{
	const struct cz_path_param *pp = cz_route_param(&r->match, "id");
	struct json_object *o;
	long long id = pp != NULL ? pp->num : 0;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	switch (cz_keys_revoke(r, id)) {
	case CZ_KEYS_OK:
		break;
	case CZ_KEYS_NOT_FOUND:
		r->error_message = cz_arena_printf(r->arena, "You have no "
		    "active key %lld.", id);
		return 404;
	default:
		return 503;
	}
	if (cz_route_json(r)) {
		if ((o = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, o) == -1)
			return 500;
		json_object_object_add(o, "status",
		    json_object_new_string("revoked"));
		json_object_object_add(o, "id", json_object_new_int64(id));
		return cz_resp_json(r, 200, o);
	}
	return cz_resp_redirect(r, 303, "/account#keys");
}
