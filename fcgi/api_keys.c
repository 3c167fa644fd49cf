/*
 * api_keys.c - listing, making and revoking the signed-in account's API
 * keys. See api_keys.h.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "api_keys.h"
#include "app.h"
#include "audit.h"
#include "jsonbody.h"
#include "log.h"
#include "query.h"
#include "session.h"
#include "token.h"

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

/* Parameters and columns of key_insert, key_list and key_revoke. */
enum { INSERT_USER_ID, INSERT_NAME, INSERT_PREFIX, INSERT_HASH,
    INSERT_SCOPES, INSERT_MAX, INSERT__N };
enum { INSERT_ID, INSERT_CREATED_AT };
enum { LIST_USER_ID, LIST__N };
enum { LIST_ID, LIST_NAME, LIST_PREFIX, LIST_SCOPES, LIST_CREATED_AT,
    LIST_LAST_USED_AT, LIST_REVOKED, LIST_REQUESTS, LIST_PLANS,
    LIST_VIDEOS };
enum { REVOKE_ID, REVOKE_USER_ID, REVOKE__N };

/* The scopes a key may hold; a key's scopes are bits of this table. */
static const char *const scopes[] = {
	"plans:read", "plans:write", "videos:read", "videos:write", NULL
};

int
cz_keys_register(struct cz_db *db)
{
	if (cz_db_register(db, "key_insert", SQL_KEY_INSERT, INSERT__N,
	    0) == -1 ||
	    cz_db_register(db, "key_list", SQL_KEY_LIST, LIST__N, 1) == -1 ||
	    cz_db_register(db, "key_revoke", SQL_KEY_REVOKE, REVOKE__N,
	    1) == -1)
		return -1;
	return 0;
}

/* The integer in row, col when it is at least lo, else 0. */
static long long
int_or_zero(const PGresult *res, int row, int col, long long lo)
{
	long long n;

	return cz_db_int(res, row, col, lo, LLONG_MAX, &n) == 0 ? n : 0;
}

/* The scopes of bits as a PostgreSQL array literal ("{a,b}"), in the
 * arena; NULL when out of memory. */
static const char *
scope_literal(struct cz_request *r, unsigned bits)
{
	const char *lit = "{";
	int i;

	for (i = 0; scopes[i] != NULL && lit != NULL; i++)
		if (bits & 1u << i)
			lit = cz_arena_printf(r->arena, "%s%s%s", lit,
			    lit[1] != '\0' ? "," : "", scopes[i]);
	return lit != NULL ? cz_arena_printf(r->arena, "%s}", lit) : NULL;
}

int
cz_keys_scope(const char *name)
{
	int i;

	for (i = 0; scopes[i] != NULL; i++)
		if (strcmp(scopes[i], name) == 0)
			return i;
	return -1;
}

struct json_object *
cz_keys_list(struct cz_request *r)
{
	struct json_object *a, *o;
	const char *v[LIST__N], *used;
	PGresult *res;
	int i;

	v[LIST_USER_ID] = cz_arena_printf(r->arena, "%lld", r->user->id);
	if ((res = cz_query(r, "key_list", LIST__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return NULL;
	}
	if ((a = json_object_new_array()) == NULL ||
	    cz_json_own(r->arena, a) == -1)
		return NULL;
	for (i = 0; i < PQntuples(res); i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(
		    int_or_zero(res, i, LIST_ID, 1)));
		json_object_object_add(o, "name", json_object_new_string(
		    cz_db_text(res, i, LIST_NAME)));
		json_object_object_add(o, "prefix", json_object_new_string(
		    cz_db_text(res, i, LIST_PREFIX)));
		json_object_object_add(o, "scopes", json_object_new_string(
		    cz_db_text(res, i, LIST_SCOPES)));
		json_object_object_add(o, "created_at", json_object_new_string(
		    cz_db_text(res, i, LIST_CREATED_AT)));
		used = cz_db_text(res, i, LIST_LAST_USED_AT);
		json_object_object_add(o, "last_used_at", *used != '\0' ?
		    json_object_new_string(used) : NULL);
		json_object_object_add(o, "revoked", json_object_new_boolean(
		    cz_db_bool(res, i, LIST_REVOKED)));
		json_object_object_add(o, "requests_today",
		    json_object_new_int64(int_or_zero(res, i, LIST_REQUESTS,
		    0)));
		json_object_object_add(o, "plans_today", json_object_new_int64(
		    int_or_zero(res, i, LIST_PLANS, 0)));
		json_object_object_add(o, "videos_today",
		    json_object_new_int64(int_or_zero(res, i, LIST_VIDEOS, 0)));
		json_object_array_add(a, o);
	}
	return a;
}

int
cz_keys_create(struct cz_request *r, const char *name, unsigned bits,
    struct json_object **key)
{
	char secret[CZ_APIKEY_LEN + 1], prefix[CZ_APIKEY_PREFIX_LEN + 1];
	char hash[CZ_SHA256_HEX + 1], max[16];
	struct json_object *o, *d;
	const char *v[INSERT__N], *lit;
	PGresult *res;
	long long id = 0;
	int rc = CZ_KEYS_FAILED;

	*key = NULL;
	if ((lit = scope_literal(r, bits)) == NULL ||
	    cz_apikey_new(secret, prefix) == -1 ||
	    cz_sha256_hex(secret, strlen(secret), hash) == -1)
		goto err;
	snprintf(max, sizeof(max), "%d", CZ_KEYS_MAX);
	v[INSERT_USER_ID] = cz_arena_printf(r->arena, "%lld", r->user->id);
	v[INSERT_NAME] = name;
	v[INSERT_PREFIX] = prefix;
	v[INSERT_HASH] = hash;
	v[INSERT_SCOPES] = lit;
	v[INSERT_MAX] = max;
	if ((res = cz_query(r, "key_insert", INSERT__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		rc = CZ_KEYS_UNAVAILABLE;
		goto err;
	}
	if (PQntuples(res) != 1) {
		rc = CZ_KEYS_TOO_MANY;
		goto err;
	}
	if (cz_db_int(res, 0, INSERT_ID, 1, LLONG_MAX, &id) == -1)
		id = 0;
	d = json_object_new_object();
	json_object_object_add(d, "key_id", json_object_new_int64(id));
	json_object_object_add(d, "prefix", json_object_new_string(prefix));
	json_object_object_add(d, "scopes", json_object_new_string(lit));
	cz_audit(r, r->user->id, "apikey.created", d);
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		goto err;
	json_object_object_add(o, "id", json_object_new_int64(id));
	json_object_object_add(o, "name", json_object_new_string(name));
	json_object_object_add(o, "prefix", json_object_new_string(prefix));
	json_object_object_add(o, "scopes", json_object_new_string(lit));
	json_object_object_add(o, "created_at", json_object_new_string(
	    cz_db_text(res, 0, INSERT_CREATED_AT)));
	json_object_object_add(o, "key", json_object_new_string(secret));
	*key = o;
	rc = CZ_KEYS_OK;
err:
	explicit_bzero(secret, sizeof(secret));
	return rc;
}

int
cz_keys_revoke(struct cz_request *r, long long id)
{
	struct json_object *d;
	const char *v[REVOKE__N];
	PGresult *res;

	v[REVOKE_ID] = cz_arena_printf(r->arena, "%lld", id);
	v[REVOKE_USER_ID] = cz_arena_printf(r->arena, "%lld", r->user->id);
	if ((res = cz_query(r, "key_revoke", REVOKE__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_KEYS_UNAVAILABLE;
	}
	if (PQntuples(res) != 1)
		return CZ_KEYS_NOT_FOUND;
	d = json_object_new_object();
	json_object_object_add(d, "key_id", json_object_new_int64(id));
	cz_audit(r, r->user->id, "apikey.revoked", d);
	return CZ_KEYS_OK;
}
