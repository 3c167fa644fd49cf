/*
 * api_keys.h - the API keys of the signed-in account (r->user): listing,
 * making and revoking them. A service: it knows nothing of HTTP, reads no
 * input of the request and builds no answer; handlers map its results to
 * statuses.
 *
 * A key is shown once, when made; only its SHA-256 and its visible prefix
 * are stored. It holds one or more scopes (plans:read, plans:write,
 * videos:read, videos:write); an account has at most CZ_KEYS_MAX active
 * keys. Making and revoking a key are audited (apikey.created,
 * apikey.revoked).
 */
#ifndef CZ_API_KEYS_H
#define CZ_API_KEYS_H

#define CZ_KEYS_MAX	20	/* active keys per account */

struct cz_db;
struct cz_request;
struct json_object;

enum cz_keys_result {
	CZ_KEYS_OK = 0,
	CZ_KEYS_TOO_MANY,	/* the account has CZ_KEYS_MAX active keys */
	CZ_KEYS_NOT_FOUND,	/* the account has no such active key */
	CZ_KEYS_UNAVAILABLE,	/* the database failed (logged) */
	CZ_KEYS_FAILED		/* no randomness, digest or memory */
};

/* Registers the statements of API keys. Returns 0 or -1. */
int cz_keys_register(struct cz_db *db);

/* The bit number of the scope called name ("plans:read"), for the scopes
 * argument of cz_keys_create; -1 for no scope of that name. */
int cz_keys_scope(const char *name);

/*
 * The signed-in account's keys, revoked ones too, oldest first, as a JSON
 * array of {id, name, prefix, scopes, created_at, last_used_at (null when
 * never), revoked, requests_today, plans_today, videos_today}, owned by
 * the request's arena; NULL when the database failed (logged).
 */
struct json_object *cz_keys_list(struct cz_request *r);

/*
 * Makes a key called name for the signed-in account with the scopes whose
 * bits (cz_keys_scope) are set in scopes (at least one), and audits it.
 * On CZ_KEYS_OK *key is {id, name, prefix, scopes, created_at, key}, the
 * only copy of the key's secret, owned by the request's arena; else *key
 * is NULL. Returns a cz_keys_result: CZ_KEYS_OK, CZ_KEYS_TOO_MANY,
 * CZ_KEYS_UNAVAILABLE or CZ_KEYS_FAILED.
 */
int cz_keys_create(struct cz_request *r, const char *name, unsigned scopes,
    struct json_object **key);

/* Revokes the signed-in account's active key id and audits it. Returns
 * CZ_KEYS_OK, CZ_KEYS_NOT_FOUND or CZ_KEYS_UNAVAILABLE. */
int cz_keys_revoke(struct cz_request *r, long long id);

#endif
