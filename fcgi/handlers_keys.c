/*
 * handlers_keys.c - API keys of the signed-in account: create (named, with
 * scopes; the key is shown once, only its SHA-256 and visible prefix are
 * stored), list (prefix, name, scopes, created, last used, requests
 * today) and revoke, on the account page and as JSON. Managing keys needs
 * a session: a key cannot make or revoke keys.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "handlers.h"
#include "jsonbody.h"
#include "log.h"
#include "numparse.h"
#include "response.h"
#include "session.h"
#include "token.h"
#include "validate.h"

#define KEYS_MAX	20	/* active keys per account */
#define TS(col) "to_char(" col " AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

#define SQL_KEY_INSERT \
	"INSERT INTO api_keys (user_id, name, prefix, key_hash, scopes) " \
	"SELECT $1::bigint, $2, $3, $4, $5::text[] WHERE (SELECT count(*) " \
	"FROM api_keys WHERE user_id = $1::bigint AND revoked_at IS NULL) < " \
	"$6::integer RETURNING id, " TS("created_at")
#define SQL_KEY_LIST \
	"SELECT id, name, prefix, array_to_string(scopes, ' '), " \
	TS("created_at") ", coalesce(" TS("last_used_at") ", ''), " \
	"revoked_at IS NOT NULL, coalesce(u.requests, 0), coalesce(u.plans, " \
	"0), coalesce(u.videos, 0) FROM api_keys k LEFT JOIN api_key_usage u " \
	"ON u.key_id = k.id AND u.day = (now() AT TIME ZONE 'UTC')::date " \
	"WHERE k.user_id = $1::bigint ORDER BY k.id"
#define SQL_KEY_REVOKE \
	"UPDATE api_keys SET revoked_at = now() WHERE id = $1::bigint AND " \
	"user_id = $2::bigint AND revoked_at IS NULL RETURNING id"

static const char *const scopes[] = {
	"plans:read", "plans:write", "videos:read", "videos:write", NULL
};

int
cz_keys_register(struct cz_db *db)
{
	if (cz_db_register(db, "key_insert", SQL_KEY_INSERT, 6, 0) == -1 ||
	    cz_db_register(db, "key_list", SQL_KEY_LIST, 1, 1) == -1 ||
	    cz_db_register(db, "key_revoke", SQL_KEY_REVOKE, 2, 1) == -1)
		return -1;
	return 0;
}

static int
scope_index(const char *s)
{
	int i;

	for (i = 0; scopes[i] != NULL; i++)
		if (strcmp(scopes[i], s) == 0)
			return i;
	return -1;
}

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
			    (k = scope_index(json_object_get_string(e))) < 0)
				return 0;
			bits |= 1u << k;
		}
		return bits;
	}
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].name, "scopes") != 0)
			continue;
		if ((k = scope_index(r->form.v[i].value)) < 0)
			return 0;
		bits |= 1u << k;
	}
	return bits;
}

/* The account's keys as a JSON array (arena-owned), or NULL. */
struct json_object *
cz_keys_list(struct cz_request *r)
{
	struct json_object *a, *o;
	const char *v[1], *errstr;
	PGresult *res;
	int i;

	v[0] = cz_arena_printf(r->arena, "%lld", r->user->id);
	res = cz_db_exec(r->app->db, "key_list", 1, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res != NULL ?
		    PQresultErrorMessage(res) : cz_db_error(r->app->db));
		PQclear(res);
		return NULL;
	}
	if ((a = json_object_new_array()) == NULL ||
	    cz_json_own(r->arena, a) == -1) {
		PQclear(res);
		return NULL;
	}
	for (i = 0; i < PQntuples(res); i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(
		    cz_strtonum(PQgetvalue(res, i, 0), 1, LLONG_MAX, &errstr)));
		json_object_object_add(o, "name",
		    json_object_new_string(PQgetvalue(res, i, 1)));
		json_object_object_add(o, "prefix",
		    json_object_new_string(PQgetvalue(res, i, 2)));
		json_object_object_add(o, "scopes",
		    json_object_new_string(PQgetvalue(res, i, 3)));
		json_object_object_add(o, "created_at",
		    json_object_new_string(PQgetvalue(res, i, 4)));
		json_object_object_add(o, "last_used_at",
		    *PQgetvalue(res, i, 5) != '\0' ? json_object_new_string(
		    PQgetvalue(res, i, 5)) : NULL);
		json_object_object_add(o, "revoked", json_object_new_boolean(
		    strcmp(PQgetvalue(res, i, 6), "t") == 0));
		json_object_object_add(o, "requests_today",
		    json_object_new_int64(cz_strtonum(PQgetvalue(res, i, 7), 0,
		    LLONG_MAX, &errstr)));
		json_object_object_add(o, "plans_today",
		    json_object_new_int64(cz_strtonum(PQgetvalue(res, i, 8), 0,
		    LLONG_MAX, &errstr)));
		json_object_object_add(o, "videos_today",
		    json_object_new_int64(cz_strtonum(PQgetvalue(res, i, 9), 0,
		    LLONG_MAX, &errstr)));
		json_object_array_add(a, o);
	}
	PQclear(res);
	return a;
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
	char key[CZ_APIKEY_LEN + 1], prefix[CZ_APIKEY_PREFIX_LEN + 1];
	char hash[CZ_SHA256_HEX + 1], max[16];
	struct cz_value v[1];
	struct json_object *errors, *o, *d;
	const char *p[6], *why, *lit, *errstr;
	unsigned bits;
	PGresult *res;
	long long id;
	int status, i;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, key_fields, 1, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return cz_h_account_page(r, 400, "Give the key a name (1 to 64 "
		    "characters).");
	}
	if ((bits = wanted_scopes(r, &why)) == 0) {
		r->error_message = why;
		if (cz_route_json(r))
			return 400;
		return cz_h_account_page(r, 400, "Choose at least one scope "
		    "for the key.");
	}
	lit = "{";
	for (i = 0; scopes[i] != NULL; i++)
		if (bits & 1u << i)
			lit = cz_arena_printf(r->arena, "%s%s%s", lit,
			    lit[1] != '\0' ? "," : "", scopes[i]);
	lit = cz_arena_printf(r->arena, "%s}", lit);
	if (cz_apikey_new(key, prefix) == -1 ||
	    cz_sha256_hex(key, strlen(key), hash) == -1)
		return 500;
	snprintf(max, sizeof(max), "%d", KEYS_MAX);
	p[0] = cz_arena_printf(r->arena, "%lld", r->user->id);
	p[1] = v[0].s;
	p[2] = prefix;
	p[3] = hash;
	p[4] = lit;
	p[5] = max;
	res = cz_db_exec(r->app->db, "key_insert", 6, p);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res != NULL ?
		    PQresultErrorMessage(res) : cz_db_error(r->app->db));
		PQclear(res);
		explicit_bzero(key, sizeof(key));
		return 503;
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		explicit_bzero(key, sizeof(key));
		r->error_message = cz_arena_printf(r->arena, "an account has at "
		    "most %d active keys: revoke one first", KEYS_MAX);
		if (cz_route_json(r))
			return 409;
		return cz_h_account_page(r, 409, r->error_message);
	}
	id = cz_strtonum(PQgetvalue(res, 0, 0), 1, LLONG_MAX, &errstr);
	d = json_object_new_object();
	json_object_object_add(d, "key_id", json_object_new_int64(id));
	json_object_object_add(d, "prefix", json_object_new_string(prefix));
	json_object_object_add(d, "scopes", json_object_new_string(lit));
	cz_audit(r, r->user->id, "apikey.created", d);
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1) {
		PQclear(res);
		explicit_bzero(key, sizeof(key));
		return 500;
	}
	json_object_object_add(o, "id", json_object_new_int64(id));
	json_object_object_add(o, "name", json_object_new_string(v[0].s));
	json_object_object_add(o, "prefix", json_object_new_string(prefix));
	json_object_object_add(o, "scopes", json_object_new_string(lit));
	json_object_object_add(o, "created_at",
	    json_object_new_string(PQgetvalue(res, 0, 1)));
	json_object_object_add(o, "key", json_object_new_string(key));
	PQclear(res);
	explicit_bzero(key, sizeof(key));
	if (cz_route_json(r)) {
		cz_resp_header(r, "Location", "/api/keys/%lld", id);
		return cz_resp_json(r, 201, o);
	}
	return cz_account_with_key(r, o);
}

int
cz_h_key_revoke(struct cz_request *r)
{
	const struct cz_path_param *pp = cz_route_param(&r->match, "id");
	struct json_object *d, *o;
	const char *p[2];
	PGresult *res;
	long long id = pp != NULL ? pp->num : 0;
	int status, n;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	p[0] = cz_arena_printf(r->arena, "%lld", id);
	p[1] = cz_arena_printf(r->arena, "%lld", r->user->id);
	res = cz_db_exec(r->app->db, "key_revoke", 2, p);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return 503;
	}
	n = PQntuples(res);
	PQclear(res);
	if (n != 1) {
		r->error_message = cz_arena_printf(r->arena, "You have no "
		    "active key %lld.", id);
		return 404;
	}
	d = json_object_new_object();
	json_object_object_add(d, "key_id", json_object_new_int64(id));
	cz_audit(r, r->user->id, "apikey.revoked", d);
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
