/*
 * handlers_auth.c - registering, logging in and out, and changing one's
 * password or e-mail address, as HTML forms and as the JSON API (the same
 * handler serves both: a route flagged CZ_ROUTE_JSON answers JSON).
 *
 * Registration and log-in never tell whether an address has an account:
 * for a known and an unknown address they answer the same status and the
 * same body, and an unknown address costs the same argon2id work (a dummy
 * verification at log-in, a hash made before the insert at registration).
 * Log-in is limited per client address and per account (5 a minute, then a
 * growing lockout), registration per address (3 an hour); a limit hit is a
 * 429 with Retry-After. A new account, and a changed address, get a
 * confirmation link by mail (mail_links.c). Every outcome is audited;
 * passwords and tokens are never stored or logged, e-mail addresses never
 * logged.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "account_page.h"
#include "app.h"
#include "audit.h"
#include "email.h"
#include "handlers.h"
#include "jsonbody.h"
#include "throttle.h"
#include "log.h"
#include "mail_links.h"
#include "numparse.h"
#include "password.h"
#include "ratelimit.h"
#include "response.h"
#include "session.h"
#include "validate.h"

#define SQL_USER_BY_EMAIL \
	"SELECT id, password_hash, disabled_at IS NULL FROM users WHERE " \
	"lower(email) = lower($1) AND deleted_at IS NULL"
#define SQL_USER_INSERT \
	"INSERT INTO users (email, password_hash) VALUES ($1, $2) " \
	"ON CONFLICT DO NOTHING RETURNING id"
#define SQL_USER_HASH "SELECT password_hash FROM users WHERE id = $1::bigint"
#define SQL_USER_REHASH \
	"UPDATE users SET password_hash = $2, updated_at = now() WHERE " \
	"id = $1::bigint"
#define SQL_USER_SET_PASSWORD \
	"UPDATE users SET password_hash = $2, password_changed_at = now(), " \
	"updated_at = now() WHERE id = $1::bigint"
#define SQL_USER_SET_EMAIL \
	"UPDATE users SET email = $2, email_verified_at = NULL, updated_at = " \
	"now() WHERE id = $1::bigint"

/* What log-in and registration answer, whatever the address. */
#define LOGIN_FAILED	"The e-mail address or the password is not right."
#define REGISTERED	"Thank you. If the address can be used, its account " \
	"is ready: log in with it and your password. A message has been " \
	"sent to the address."

int
cz_auth_register(struct cz_db *db)
{
	if (cz_db_register(db, "user_by_email", SQL_USER_BY_EMAIL, 1, 1) ==
	    -1 ||
	    cz_db_register(db, "user_insert", SQL_USER_INSERT, 2, 0) == -1 ||
	    cz_db_register(db, "user_hash", SQL_USER_HASH, 1, 1) == -1 ||
	    cz_db_register(db, "user_rehash", SQL_USER_REHASH, 2, 1) == -1 ||
	    cz_db_register(db, "user_set_password", SQL_USER_SET_PASSWORD, 2,
	    1) == -1 ||
	    cz_db_register(db, "user_set_email", SQL_USER_SET_EMAIL, 2,
	    1) == -1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * helpers
 */

static const char *
uid_text(struct cz_request *r, long long id)
{
	return cz_arena_printf(r->arena, "%lld", id);
}

/* A page of this file's forms: template with the form's values, a
 * message and field errors. */
static int
form_page(struct cz_request *r, int status, const char *template,
    const char *title, const char *message, struct json_object *errors)
{
	struct json_object *ctx, *f;
	const char *email = cz_params_get(&r->form, "email");
	const char *next = cz_params_get(&r->form, "next");

	if (next == NULL)
		next = cz_params_get(&r->query_params, "next");
	if ((ctx = cz_page_ctx(r, title)) == NULL)
		return 500;
	f = json_object_new_object();
	json_object_object_add(f, "email", json_object_new_string(
	    email != NULL ? email : ""));
	json_object_object_add(f, "next", json_object_new_string(
	    cz_safe_next(next, "")));
	json_object_object_add(f, "password_min",
	    json_object_new_int(CZ_PASSWORD_MIN));
	json_object_object_add(f, "password_max",
	    json_object_new_int(CZ_PASSWORD_MAX));
	json_object_object_add(ctx, "form", f);
	if (message != NULL)
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	if (errors != NULL)
		json_object_object_add(ctx, "errors", json_object_get(errors));
	return cz_resp_html(r, status, template, ctx);
}

/* An error answer of this file: JSON, or the form again. */
static int
refuse(struct cz_request *r, int status, const char *template,
    const char *title, const char *message, struct json_object *errors)
{
	r->error_message = message;
	if (cz_route_json(r)) {
		if (errors != NULL)
			return cz_resp_json(r, status, cz_errors_body(r,
			    errors));
		cz_resp_error(r, status, message);
		return 0;
	}
	return form_page(r, status, template, title, message, errors);
}

/* The policy's sentence as a field error for field. */
static struct json_object *
field_error(struct cz_request *r, const char *field, const char *message)
{
	struct json_object *e = json_object_new_object();

	if (e == NULL || cz_json_own(r->arena, e) == -1)
		return NULL;
	json_object_object_add(e, field, json_object_new_string(message));
	return e;
}

/* Checks pw against account id's stored hash. Returns 1 on a match, 0 on
 * a mismatch, -1 when the database failed. */
static int
verify_current(struct cz_request *r, long long id, const char *pw)
{
	const char *v[1] = { uid_text(r, id) };
	PGresult *res;
	int ok;

	res = cz_db_exec(r->app->db, "user_hash", 1, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQntuples(res) != 1) {
		PQclear(res);
		return -1;
	}
	ok = cz_password_verify(PQgetvalue(res, 0, 0), pw, strlen(pw)) == 1;
	PQclear(res);
	return ok;
}

/* Runs a registered UPDATE/DELETE; returns 0, -1 on failure (logged), or
 * -2 for a unique violation. */
static int
exec_cmd(struct cz_request *r, const char *name, int n, const char **v)
{
	const char *state;
	PGresult *res;
	int rc = 0;

	res = cz_db_exec(r->app->db, name, n, v);
	if (res == NULL || (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)) {
		state = res != NULL ? PQresultErrorField(res,
		    PG_DIAG_SQLSTATE) : NULL;
		if (state != NULL && strcmp(state, "23505") == 0) {
			rc = -2;
		} else {
			cz_log(CZ_LOG_ERROR, "%s: %s: %s", __func__, name,
			    res != NULL ? PQresultErrorMessage(res) :
			    cz_db_error(r->app->db));
			rc = -1;
		}
	}
	PQclear(res);
	return rc;
}

/* ------------------------------------------------------------------------
 * register
 */

/* The address has an account: tell its owner (by mail, never in the
 * answer), unless the account is disabled. */
static void
existing_notice(struct cz_request *r, const char *email)
{
	const char *p[1] = { email }, *errstr;
	PGresult *res;
	long long id;

	res = cz_db_exec(r->app->db, "user_by_email", 1, p);
	if (res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK &&
	    PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 2), "t") == 0) {
		id = cz_strtonum(PQgetvalue(res, 0, 0), 1, LLONG_MAX, &errstr);
		cz_mail_notice(r, id, email, "email/account_exists",
		    "/password-reset");
	}
	PQclear(res);
}

static const struct cz_field register_fields[] = {
	{ "email", CZ_F_EMAIL, 1, 3, CZ_EMAIL_MAX, NULL },
	{ "password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
};

int
cz_h_register_form(struct cz_request *r)
{
	return form_page(r, 200, "pages/register", "Create an account", NULL,
	    NULL);
}

int
cz_h_register(struct cz_request *r)
{
	struct cz_value v[2];
	struct json_object *errors, *d, *ctx;
	char email[CZ_EMAIL_MAX + 1], enc[CZ_PASSWORD_ENCODED_MAX], err[256];
	const char *p[2], *errstr;
	enum cz_pw_policy pol;
	PGresult *res;
	long long id = 0;
	int wait, rc;

	rc = cz_limit_hit(r, cz_ratelimit_get(CZ_RL_REGISTER_ADDRESS),
	    cz_client_addr(r), &wait);
	if (rc == -1)
		return 503;
	if (rc == 1)
		return cz_limit_refuse(r, 0, "register.address", wait,
		    "Too many registrations from your address; please try "
		    "again later.");
	if (cz_req_input(r, register_fields, 2, v, &errors) == -1)
		return errors == NULL ? 500 : refuse(r, 400, "pages/register",
		    "Create an account", "Please correct the fields marked "
		    "below.", errors);
	if (cz_email_normalize(v[0].s, v[0].len, email, sizeof(email)) == -1)
		return refuse(r, 400, "pages/register", "Create an account",
		    "Please correct the fields marked below.", field_error(r,
		    "email", "is not an e-mail address"));
	pol = cz_password_check(v[1].s, v[1].len, email, r->app->pwlist);
	if (pol != CZ_PW_OK)
		return refuse(r, 400, "pages/register", "Create an account",
		    "Please choose another password.", field_error(r,
		    "password", cz_password_policy_message(pol)));
	/* Hashed before knowing whether the address is taken: both paths
	 * cost the same. */
	if (cz_password_hash(&r->app->argon2, v[1].s, v[1].len, enc,
	    sizeof(enc), err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return 500;
	}
	p[0] = email;
	p[1] = enc;
	res = cz_db_exec(r->app->db, "user_insert", 2, p);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res != NULL ?
		    PQresultErrorMessage(res) : cz_db_error(r->app->db));
		PQclear(res);
		r->error_message = "the account could not be stored; please "
		    "try again shortly";
		return 503;
	}
	if (PQntuples(res) == 1)
		id = cz_strtonum(PQgetvalue(res, 0, 0), 1, LLONG_MAX, &errstr);
	PQclear(res);
	if (id == 0)
		existing_notice(r, email);
	d = json_object_new_object();
	json_object_object_add(d, "new_account",
	    json_object_new_boolean(id > 0));
	cz_audit(r, id, id > 0 ? "user.registered" : "register.existing", d);
	/* The confirmation link; a mail that cannot be queued now can be
	 * asked for again from the account page. */
	if (id > 0)
		cz_mail_link(r, id, email, CZ_LINK_VERIFY_EMAIL);
	if (cz_route_json(r))
		return cz_resp_json(r, 202, cz_json_message(r, "accepted", REGISTERED));
	if ((ctx = cz_page_ctx(r, "Create an account")) == NULL)
		return 500;
	json_object_object_add(ctx, "done", json_object_new_boolean(1));
	json_object_object_add(ctx, "message", json_object_new_string(
	    REGISTERED));
	return cz_resp_html(r, 200, "pages/register", ctx);
}

/* ------------------------------------------------------------------------
 * log in and out
 */

static const struct cz_field login_fields[] = {
	{ "email", CZ_F_STRING, 1, 1, CZ_EMAIL_MAX + 64, NULL },
	{ "password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
	{ "next", CZ_F_STRING, 0, 0, 512, NULL },
};

int
cz_h_login_form(struct cz_request *r)
{
	return form_page(r, 200, "pages/login", "Log in", NULL, NULL);
}

int
cz_h_login(struct cz_request *r)
{
	const struct cz_ratelimit *rl_acct =
	    cz_ratelimit_get(CZ_RL_LOGIN_ACCOUNT);
	struct cz_value v[3];
	struct json_object *errors, *d, *o;
	char email[CZ_EMAIL_MAX + 1], key[CZ_SHA256_HEX + 1];
	char enc[CZ_PASSWORD_ENCODED_MAX], err[256];
	const char *p[2], *errstr, *reason, *csrf, *scope;
	PGresult *res;
	long long id = 0;
	int wait, rc, enabled = 0, ok = 0, status;

	if (cz_req_input(r, login_fields, 3, v, &errors) == -1)
		return errors == NULL ? 500 : refuse(r, 400, "pages/login",
		    "Log in", "Please give your e-mail address and password.",
		    errors);
	if (cz_email_normalize(v[0].s, v[0].len, email, sizeof(email)) == -1)
		snprintf(email, sizeof(email), "%.*s", (int)CZ_EMAIL_MAX,
		    v[0].s);
	if (cz_ratelimit_email_key(email, key) == -1)
		return 500;
	scope = "login.address";
	rc = cz_limit_hit(r, cz_ratelimit_get(CZ_RL_LOGIN_ADDRESS),
	    cz_client_addr(r), &wait);
	if (rc == 0) {
		scope = rl_acct->scope;
		rc = cz_limit_hit(r, rl_acct, key, &wait);
	}
	if (rc == -1)
		return 503;
	if (rc == 1)
		return cz_limit_refuse(r, 0, scope, wait, "Too many log-in "
		    "attempts; please wait before trying again.");

	p[0] = email;
	res = cz_db_exec(r->app->db, "user_by_email", 1, p);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return cz_db_unavailable(r);
	}
	if (PQntuples(res) == 1) {
		id = cz_strtonum(PQgetvalue(res, 0, 0), 1, LLONG_MAX, &errstr);
		enabled = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		ok = cz_password_verify(PQgetvalue(res, 0, 1), v[1].s,
		    v[1].len) == 1;
		if (ok && cz_password_needs_rehash(PQgetvalue(res, 0, 1),
		    &r->app->argon2) && cz_password_hash(&r->app->argon2,
		    v[1].s, v[1].len, enc, sizeof(enc), err,
		    sizeof(err)) == 0) {
			p[0] = uid_text(r, id);
			p[1] = enc;
			exec_cmd(r, "user_rehash", 2, p);
		}
	} else {
		cz_password_dummy_verify(&r->app->argon2, v[1].s, v[1].len);
	}
	PQclear(res);
	if (!ok || !enabled) {
		reason = id == 0 ? "unknown_account" : !ok ? "bad_password" :
		    "disabled";
		d = json_object_new_object();
		json_object_object_add(d, "reason", json_object_new_string(
		    reason));
		cz_audit(r, id, "login.failure", d);
		return refuse(r, 401, "pages/login", "Log in", LOGIN_FAILED,
		    NULL);
	}
	/* Only failures use up the address's allowance: many people may
	 * log in from behind one address. */
	cz_limit_refund(r, cz_ratelimit_get(CZ_RL_LOGIN_ADDRESS),
	    cz_client_addr(r));
	cz_limit_clear(r, rl_acct, key);
	if ((status = cz_session_start(r, id, &csrf)) != 0)
		return status;
	cz_audit(r, id, "login.success", NULL);
	if (cz_route_json(r)) {
		o = cz_json_message(r, "logged_in", NULL);
		if (o == NULL)
			return 500;
		json_object_object_add(o, "csrf_token",
		    json_object_new_string(csrf));
		return cz_resp_json(r, 200, o);
	}
	return cz_resp_redirect(r, 303, cz_safe_next(v[2].present ? v[2].s :
	    NULL, "/plans"));
}

int
cz_h_logout(struct cz_request *r)
{
	if (r->user != NULL)
		cz_audit(r, r->user->id, "logout", NULL);
	cz_session_end(r);
	if (cz_route_json(r))
		return cz_resp_json(r, 200, cz_json_message(r, "logged_out", NULL));
	return cz_resp_redirect(r, 303, "/");
}

int
cz_h_logout_all(struct cz_request *r)
{
	struct json_object *d;
	long long n;
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if ((n = cz_session_end_all(r, r->user->id)) == -1)
		return 503;
	d = json_object_new_object();
	json_object_object_add(d, "sessions_ended", json_object_new_int64(n));
	cz_audit(r, r->user->id, "logout.all", d);
	if (cz_route_json(r)) {
		d = cz_json_message(r, "logged_out", NULL);
		if (d != NULL)
			json_object_object_add(d, "sessions_ended",
			    json_object_new_int64(n));
		return cz_resp_json(r, 200, d);
	}
	return cz_resp_redirect(r, 303, "/login");
}

/* ------------------------------------------------------------------------
 * password and e-mail changes (signed in; the current password again)
 */

static const struct cz_field password_fields[] = {
	{ "current_password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1,
	    NULL },
	{ "new_password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
};

/* After a change of credentials: every other session ends and this one
 * gets a new token. */
static int
rotate(struct cz_request *r, const char *what)
{
	const char *csrf;
	struct json_object *o;
	int status;

	cz_session_end_all(r, r->user->id);
	if ((status = cz_session_start(r, r->user->id, &csrf)) != 0)
		return status;
	if (cz_route_json(r)) {
		if ((o = cz_json_message(r, "changed", what)) == NULL)
			return 500;
		json_object_object_add(o, "csrf_token",
		    json_object_new_string(csrf));
		return cz_resp_json(r, 200, o);
	}
	return cz_resp_redirect(r, 303, "/account?changed=1");
}

int
cz_h_password_change(struct cz_request *r)
{
	struct cz_value v[2];
	struct json_object *errors;
	char enc[CZ_PASSWORD_ENCODED_MAX], err[256];
	const char *p[2];
	enum cz_pw_policy pol;
	int ok, status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, password_fields, 2, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return cz_account_page(r, 400, "Please give your current and "
		    "your new password.", NULL);
	}
	if ((ok = verify_current(r, r->user->id, v[0].s)) == -1)
		return 503;
	if (!ok) {
		cz_audit(r, r->user->id, "password.change_failed", NULL);
		if (cz_route_json(r)) {
			r->error_message = "the current password is not right";
			return 403;
		}
		return cz_account_page(r, 403, "The current password is not "
		    "right.", NULL);
	}
	pol = cz_password_check(v[1].s, v[1].len, r->user->email,
	    r->app->pwlist);
	if (pol != CZ_PW_OK) {
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r,
			    field_error(r, "new_password",
			    cz_password_policy_message(pol))));
		return cz_account_page(r, 400, cz_arena_printf(r->arena,
		    "The new password %s.", cz_password_policy_message(pol)), NULL);
	}
	if (cz_password_hash(&r->app->argon2, v[1].s, v[1].len, enc,
	    sizeof(enc), err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return 500;
	}
	p[0] = uid_text(r, r->user->id);
	p[1] = enc;
	if (exec_cmd(r, "user_set_password", 2, p) != 0)
		return 503;
	cz_audit(r, r->user->id, "password.changed", NULL);
	return rotate(r, "the password was changed; other sessions ended");
}

static const struct cz_field email_fields[] = {
	{ "password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
	{ "email", CZ_F_EMAIL, 1, 3, CZ_EMAIL_MAX, NULL },
};

int
cz_h_email_change(struct cz_request *r)
{
	struct cz_value v[2];
	struct json_object *errors;
	char email[CZ_EMAIL_MAX + 1];
	const char *p[2];
	int ok, rc, status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, email_fields, 2, v, &errors) == -1 ||
	    cz_email_normalize(v[1].s, v[1].len, email, sizeof(email)) == -1) {
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r,
			    errors != NULL ? errors : field_error(r, "email",
			    "is not an e-mail address")));
		return cz_account_page(r, 400, "Please give your password "
		    "and a valid new e-mail address.", NULL);
	}
	if (strcmp(email, r->user->email) == 0) {
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r,
			    field_error(r, "email", "is your address already")));
		return cz_account_page(r, 400, "That is your address "
		    "already.", NULL);
	}
	if ((ok = verify_current(r, r->user->id, v[0].s)) == -1)
		return 503;
	if (!ok) {
		cz_audit(r, r->user->id, "email.change_failed", NULL);
		if (cz_route_json(r)) {
			r->error_message = "the password is not right";
			return 403;
		}
		return cz_account_page(r, 403, "The password is not right.",
		    NULL);
	}
	p[0] = uid_text(r, r->user->id);
	p[1] = email;
	if ((rc = exec_cmd(r, "user_set_email", 2, p)) == -2) {
		if (cz_route_json(r)) {
			r->error_message = "that address cannot be used";
			return 409;
		}
		return cz_account_page(r, 409, "That address cannot be "
		    "used.", NULL);
	}
	if (rc != 0)
		return 503;
	cz_audit(r, r->user->id, "email.changed", NULL);
	cz_mail_link(r, r->user->id, email, CZ_LINK_VERIFY_EMAIL);
	return rotate(r, "the e-mail address was changed; it is unverified "
	    "until confirmed");
}
