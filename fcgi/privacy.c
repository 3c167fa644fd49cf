/*
 * privacy.c - the account holder's records: legal acceptances, the data
 * export, the deletion and the activity list. See privacy.h.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>

#include <json-c/json.h>

#include "accounts.h"
#include "app.h"
#include "audit.h"
#include "jsonbody.h"
#include "log.h"
#include "privacy.h"
#include "query.h"
#include "session.h"

#define SQL_LEGAL_ACCEPT \
	"INSERT INTO legal_acceptances (user_id, terms_version, " \
	"privacy_version, address) VALUES ($1::bigint, $2, $3, $4::inet)"
#define SQL_EXPORT \
	"SELECT json_build_object(" \
	"'format', 'cibozer-export-1', 'exported_at', now(), " \
	"'account', (SELECT json_build_object('id', id, 'email', email, " \
	"'tier', tier, 'is_admin', is_admin, 'email_verified_at', " \
	"email_verified_at, 'password_changed_at', password_changed_at, " \
	"'created_at', created_at) FROM users WHERE id = $1::bigint), " \
	"'legal_acceptances', (SELECT coalesce(json_agg(json_build_object(" \
	"'terms_version', terms_version, 'privacy_version', privacy_version, " \
	"'accepted_at', accepted_at, 'address', host(address)) ORDER BY id), " \
	"'[]') FROM legal_acceptances WHERE user_id = $1::bigint), " \
	"'sessions', (SELECT coalesce(json_agg(json_build_object('created_at', " \
	"created_at, 'last_seen_at', last_seen_at, 'expires_at', expires_at, " \
	"'address', host(address), 'user_agent', user_agent) ORDER BY id), " \
	"'[]') FROM sessions WHERE user_id = $1::bigint), " \
	"'api_keys', (SELECT coalesce(json_agg(json_build_object('id', id, " \
	"'name', name, 'prefix', prefix, 'scopes', scopes, 'created_at', " \
	"created_at, 'last_used_at', last_used_at, 'revoked_at', revoked_at, " \
	"'usage', (SELECT coalesce(json_agg(json_build_object('day', day, " \
	"'requests', requests, 'plans', plans, 'videos', videos) ORDER BY " \
	"day), '[]') FROM api_key_usage WHERE key_id = k.id)) ORDER BY id), " \
	"'[]') FROM api_keys k WHERE user_id = $1::bigint), " \
	"'plans', (SELECT coalesce(json_agg(json_build_object('id', id, " \
	"'created_at', created_at, 'updated_at', updated_at, 'revision', " \
	"revision, 'request', request, 'document', '/api/plans/' || id) " \
	"ORDER BY id), '[]') FROM plans WHERE owner_id = $1::bigint), " \
	"'audit_log', (SELECT coalesce(json_agg(json_build_object('at', at, " \
	"'event', event, 'address', host(address), 'user_agent', user_agent, " \
	"'detail', detail) ORDER BY id), '[]') FROM audit_log WHERE " \
	"account_id = $1::bigint), " \
	"'mail', (SELECT coalesce(json_agg(json_build_object('created_at', " \
	"created_at, 'subject', subject, 'status', status, 'sent_at', " \
	"sent_at) ORDER BY id), '[]') FROM mail_outbox WHERE user_id = " \
	"$1::bigint))::text"
#define SQL_DELETE \
	"WITH u AS (UPDATE users SET deleted_at = now(), disabled_at = " \
	"coalesce(disabled_at, now()), updated_at = now() WHERE id = " \
	"$1::bigint AND deleted_at IS NULL RETURNING id), s AS (DELETE FROM " \
	"sessions WHERE user_id IN (SELECT id FROM u)), k AS (UPDATE api_keys " \
	"SET revoked_at = now() WHERE user_id IN (SELECT id FROM u) AND " \
	"revoked_at IS NULL), j AS (UPDATE video_jobs SET state = 'failed', " \
	"finished_at = now(), error = 'account deleted' WHERE state = " \
	"'queued' AND plan_id IN (SELECT p.id FROM plans p JOIN u ON u.id = " \
	"p.owner_id)) SELECT id FROM u"
#define SQL_ACTIVITY \
	"SELECT id, to_char(at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), event, coalesce(host(address), " \
	"''), coalesce(user_agent, ''), coalesce(request_id, ''), " \
	"detail::text FROM audit_log WHERE account_id = $1::bigint AND " \
	"id < coalesce($2::bigint, " SQL_ID_MAX ") ORDER BY id DESC " \
	"LIMIT $3::integer"

/* Parameters and columns of each statement. */
enum { ACCEPT_USER_ID, ACCEPT_TERMS, ACCEPT_PRIVACY, ACCEPT_ADDRESS,
    ACCEPT__N };
enum { EXPORT_USER_ID, EXPORT__N };
enum { EXPORT_DOCUMENT };
enum { DELETE_USER_ID, DELETE__N };
enum { ACTIVITY_USER_ID, ACTIVITY_BEFORE, ACTIVITY_LIMIT, ACTIVITY__N };
enum { ACTIVITY_ID, ACTIVITY_AT, ACTIVITY_EVENT, ACTIVITY_ADDRESS,
    ACTIVITY_USER_AGENT, ACTIVITY_REQUEST_ID, ACTIVITY_DETAIL };

int
cz_legal_register(struct cz_db *db)
{
	return cz_db_register(db, "legal_accept", SQL_LEGAL_ACCEPT, ACCEPT__N,
	    0);
}

int
cz_privacy_register(struct cz_db *db)
{
	if (cz_db_register(db, "account_export", SQL_EXPORT, EXPORT__N,
	    1) == -1 ||
	    cz_db_register(db, "account_delete", SQL_DELETE, DELETE__N,
	    0) == -1)
		return -1;
	return 0;
}

int
cz_activity_register(struct cz_db *db)
{
	return cz_db_register(db, "activity_list", SQL_ACTIVITY, ACTIVITY__N,
	    1);
}

static const char *
uid_text(struct cz_request *r)
{
	return cz_arena_printf(r->arena, "%lld", r->user->id);
}

int
cz_privacy_accept_legal(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct json_object *d;
	const char *v[ACCEPT__N];

	v[ACCEPT_USER_ID] = uid_text(r);
	v[ACCEPT_TERMS] = s->terms_version;
	v[ACCEPT_PRIVACY] = s->privacy_version;
	v[ACCEPT_ADDRESS] = cz_client_addr(r);
	if (cz_query(r, "legal_accept", ACCEPT__N, v) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_PRIVACY_UNAVAILABLE;
	}
	d = json_object_new_object();
	json_object_object_add(d, "terms_version",
	    json_object_new_string(s->terms_version));
	json_object_object_add(d, "privacy_version",
	    json_object_new_string(s->privacy_version));
	cz_audit(r, r->user->id, "legal.accepted", d);
	return CZ_PRIVACY_OK;
}

int
cz_privacy_export(struct cz_request *r, const char **json)
{
	const char *v[EXPORT__N];
	PGresult *res;

	*json = NULL;
	v[EXPORT_USER_ID] = uid_text(r);
	if ((res = cz_query(r, "account_export", EXPORT__N, v)) == NULL ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res == NULL ?
		    cz_db_error(r->app->db) : "no row");
		return CZ_PRIVACY_UNAVAILABLE;
	}
	*json = cz_db_text(res, 0, EXPORT_DOCUMENT);
	return CZ_PRIVACY_OK;
}

int
cz_privacy_delete_account(struct cz_request *r, const char *pw, size_t len)
{
	const char *v[DELETE__N];
	int ok;

	if ((ok = cz_account_password_ok(r, pw, len)) == -1)
		return CZ_PRIVACY_UNAVAILABLE;
	if (!ok) {
		cz_audit(r, r->user->id, "account.delete_failed", NULL);
		return CZ_PRIVACY_DENIED;
	}
	v[DELETE_USER_ID] = uid_text(r);
	if (cz_query(r, "account_delete", DELETE__N, v) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_PRIVACY_UNAVAILABLE;
	}
	cz_audit(r, r->user->id, "account.deleted", NULL);
	return CZ_PRIVACY_OK;
}

/* The text in row i, col as a JSON string, or NULL (JSON null) when it is
 * empty. */
static struct json_object *
text_or_null(const PGresult *res, int i, int col)
{
	const char *s = cz_db_text(res, i, col);

	return *s != '\0' ? json_object_new_string(s) : NULL;
}

/* One entry as JSON; detail parsed from its text (at most 4 KB, a CHECK
 * of the table), or {} should it not parse. */
static struct json_object *
entry(const PGresult *res, int i)
{
	struct json_object *o = json_object_new_object(), *d;
	long long id = 0;

	if (cz_db_int(res, i, ACTIVITY_ID, 1, LLONG_MAX, &id) == -1)
		id = 0;
	json_object_object_add(o, "id", json_object_new_int64(id));
	json_object_object_add(o, "at", json_object_new_string(
	    cz_db_text(res, i, ACTIVITY_AT)));
	json_object_object_add(o, "event", json_object_new_string(
	    cz_db_text(res, i, ACTIVITY_EVENT)));
	json_object_object_add(o, "address", text_or_null(res, i,
	    ACTIVITY_ADDRESS));
	json_object_object_add(o, "user_agent", text_or_null(res, i,
	    ACTIVITY_USER_AGENT));
	json_object_object_add(o, "request_id", text_or_null(res, i,
	    ACTIVITY_REQUEST_ID));
	if ((d = json_tokener_parse(cz_db_text(res, i,
	    ACTIVITY_DETAIL))) == NULL)
		d = json_object_new_object();
	json_object_object_add(o, "detail", d);
	return o;
}

int
cz_privacy_activity(struct cz_request *r, long long before,
    struct json_object **entries, long long *next_before)
{
	const char *v[ACTIVITY__N];
	char before_text[32], limit[16];
	struct json_object *list;
	PGresult *res;
	int i, n;

	*entries = NULL;
	*next_before = 0;
	snprintf(before_text, sizeof(before_text), "%lld", before);
	/* One more than a page tells whether there is a next one. */
	snprintf(limit, sizeof(limit), "%d", CZ_ACTIVITY_PER_PAGE + 1);
	v[ACTIVITY_USER_ID] = uid_text(r);
	v[ACTIVITY_BEFORE] = before > 0 ? before_text : NULL;
	v[ACTIVITY_LIMIT] = limit;
	if ((res = cz_query(r, "activity_list", ACTIVITY__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_PRIVACY_UNAVAILABLE;
	}
	if ((list = json_object_new_array()) == NULL ||
	    cz_json_own(r->arena, list) == -1)
		return CZ_PRIVACY_FAILED;
	n = PQntuples(res);
	for (i = 0; i < n && i < CZ_ACTIVITY_PER_PAGE; i++)
		json_object_array_add(list, entry(res, i));
	if (n > CZ_ACTIVITY_PER_PAGE && cz_db_int(res,
	    CZ_ACTIVITY_PER_PAGE - 1, ACTIVITY_ID, 1, LLONG_MAX,
	    next_before) == -1)
		*next_before = 0;
	*entries = list;
	return CZ_PRIVACY_OK;
}
