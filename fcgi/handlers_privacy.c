/*
 * handlers_privacy.c - the account holder's rights of the privacy policy:
 * a copy of their data (GET /account/export, a JSON download) and the
 * deletion of their account (/account/delete, with the password again).
 *
 * The export is built by PostgreSQL in one statement: the account, legal
 * acceptances, sessions, API keys (never their digests) and their daily
 * usage, plans (their requests and links to the documents), the audit
 * entries about the account and the mail sent to it (never the bodies,
 * which held one-time links). Deletion marks the account deleted and
 * disabled, ends its sessions, revokes its keys and cancels its queued
 * videos (failed, "account deleted"; the renderer never claims a job of a
 * disabled or deleted account either) at once; `cibozer-admin purge`
 * scrubs what remains after privacy_retention_days.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "handlers.h"
#include "jsonbody.h"
#include "log.h"
#include "password.h"
#include "response.h"
#include "session.h"
#include "validate.h"

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
#define SQL_PASSWORD_OF "SELECT password_hash FROM users WHERE id = $1::bigint"

int
cz_privacy_register(struct cz_db *db)
{
	if (cz_db_register(db, "account_export", SQL_EXPORT, 1, 1) == -1 ||
	    cz_db_register(db, "account_delete", SQL_DELETE, 1, 0) == -1 ||
	    cz_db_register(db, "password_of", SQL_PASSWORD_OF, 1, 1) == -1)
		return -1;
	return 0;
}

int
cz_h_account_export(struct cz_request *r)
{
	const char *v[1];
	PGresult *res;
	int status, rc = 0;

	if ((status = cz_session_required(r)) != CZ_NEXT) {
		if (!cz_route_json(r) && r->user == NULL)
			return cz_resp_redirect(r, 303,
			    "/login?next=/account/export");
		return status;
	}
	v[0] = cz_arena_printf(r->arena, "%lld", r->user->id);
	res = cz_db_exec(r->app->db, "account_export", 1, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res != NULL ?
		    PQresultErrorMessage(res) : cz_db_error(r->app->db));
		PQclear(res);
		return 503;
	}
	cz_buf_reset(r->body_out);
	if (cz_buf_puts(r->body_out, PQgetvalue(res, 0, 0)) == -1 ||
	    cz_buf_putc(r->body_out, '\n') == -1) {
		r->error_message = "the export is larger than the largest "
		    "response; ask the operator";
		rc = 500;
	}
	PQclear(res);
	if (rc != 0)
		return rc;
	cz_audit(r, r->user->id, "account.exported", NULL);
	r->status = 200;
	r->content_type_out = "application/json";
	if (!cz_route_json(r))
		cz_resp_header(r, "Content-Disposition", "attachment; "
		    "filename=\"cibozer-export.json\"");
	return 0;
}

static int
delete_page(struct cz_request *r, int status, const char *message)
{
	struct json_object *ctx;

	if (r->user == NULL)
		return cz_resp_redirect(r, 303, "/login?next=/account/delete");
	if ((ctx = cz_page_ctx(r, "Delete your account")) == NULL)
		return 500;
	if (message != NULL) {
		r->error_message = message;
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	}
	json_object_object_add(ctx, "retention_days", json_object_new_int64(
	    r->app->settings.privacy_retention_days));
	return cz_resp_html(r, status, "pages/account_delete", ctx);
}

int
cz_h_account_delete_form(struct cz_request *r)
{
	return delete_page(r, 200, NULL);
}

static const struct cz_field delete_fields[] = {
	{ "password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
	{ "confirm", CZ_F_BOOL, 0, 0, 0, NULL },
};

int
cz_h_account_delete(struct cz_request *r)
{
	struct cz_value v[2];
	struct json_object *errors, *o;
	const char *p[1];
	PGresult *res;
	int status, ok;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, delete_fields, 2, v, &errors) == -1 ||
	    (!cz_route_json(r) && (!v[1].present || !v[1].i))) {
		if (cz_route_json(r))
			return errors != NULL ? cz_resp_json(r, 400,
			    cz_errors_body(r, errors)) : 500;
		return delete_page(r, 400, "Give your password and tick the "
		    "box to confirm.");
	}
	p[0] = cz_arena_printf(r->arena, "%lld", r->user->id);
	res = cz_db_exec(r->app->db, "password_of", 1, p);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQntuples(res) != 1) {
		PQclear(res);
		return 503;
	}
	ok = cz_password_verify(PQgetvalue(res, 0, 0), v[0].s, v[0].len) == 1;
	PQclear(res);
	if (!ok) {
		cz_audit(r, r->user->id, "account.delete_failed", NULL);
		if (cz_route_json(r)) {
			r->error_message = "the password is not right";
			return 403;
		}
		return delete_page(r, 403, "The password is not right.");
	}
	res = cz_db_exec(r->app->db, "account_delete", 1, p);
	ok = res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK;
	PQclear(res);
	if (!ok)
		return 503;
	cz_audit(r, r->user->id, "account.deleted", NULL);
	r->session_token = NULL;
	cz_resp_header(r, "Set-Cookie", "%s=; Path=/; Secure; HttpOnly; "
	    "SameSite=Lax; Max-Age=0", CZ_SESSION_COOKIE);
	if (cz_route_json(r)) {
		if ((o = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, o) == -1)
			return 500;
		json_object_object_add(o, "status",
		    json_object_new_string("deleted"));
		return cz_resp_json(r, 200, o);
	}
	return cz_resp_redirect(r, 303, "/?deleted=1");
}
