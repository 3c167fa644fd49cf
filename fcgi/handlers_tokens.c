/*
 * handlers_tokens.c - the links the site sends by e-mail: confirming an
 * address (after registration, an address change, or on request from the
 * account page) and resetting a forgotten password.
 *
 * The tokens and their mail are mail_links.c's. Following a link shows a
 * page whose form does the change, so that a mail scanner fetching the
 * link changes nothing. A reset request answers the same whether or not
 * the address has an account, and is limited per address and per account
 * (3 an hour); a reset ends every session of the account.
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
#include "log.h"
#include "mail_links.h"
#include "numparse.h"
#include "password.h"
#include "ratelimit.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "token.h"
#include "validate.h"

#define SQL_USER_VERIFIED \
	"UPDATE users SET email_verified_at = coalesce(email_verified_at, " \
	"now()), updated_at = now() WHERE id = $1::bigint AND deleted_at IS " \
	"NULL RETURNING id"
#define SQL_RESET_USER \
	"SELECT id FROM users WHERE lower(email) = lower($1) AND deleted_at " \
	"IS NULL AND disabled_at IS NULL"
#define SQL_RESET_PASSWORD \
	"UPDATE users SET password_hash = $2, password_changed_at = now(), " \
	"updated_at = now() WHERE id = $1::bigint"

#define RESET_SENT	"If the address has an account, a message with a " \
	"link to choose a new password is on its way. The link works once " \
	"and for a short time."
#define LINK_BAD	"This link is not valid: it was used already, it " \
	"expired, or it was copied incompletely. Ask for a new one."

int
cz_tokens_register(struct cz_db *db)
{
	if (cz_mail_links_register(db) == -1 ||
	    cz_db_register(db, "user_verified", SQL_USER_VERIFIED, 1,
	    1) == -1 ||
	    cz_db_register(db, "reset_user", SQL_RESET_USER, 1, 1) == -1 ||
	    cz_db_register(db, "reset_password", SQL_RESET_PASSWORD, 2,
	    1) == -1)
		return -1;
	return 0;
}

/* A page of this file: template with the token, a message, done. */
static int
page(struct cz_request *r, int status, const char *template,
    const char *title, const char *token, const char *message, int done)
{
	struct json_object *ctx;

	if ((ctx = cz_page_ctx(r, title)) == NULL)
		return 500;
	if (token != NULL)
		json_object_object_add(ctx, "token",
		    json_object_new_string(token));
	if (message != NULL)
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	json_object_object_add(ctx, "done", json_object_new_boolean(done));
	json_object_object_add(ctx, "password_min",
	    json_object_new_int(CZ_PASSWORD_MIN));
	json_object_object_add(ctx, "password_max",
	    json_object_new_int(CZ_PASSWORD_MAX));
	if (status >= 400)
		r->error_message = message;
	return cz_resp_html(r, status, template, ctx);
}

/* ------------------------------------------------------------------------
 * e-mail verification
 */

static const struct cz_field token_fields[] = {
	{ "token", CZ_F_STRING, 1, CZ_TOKEN_LEN, CZ_TOKEN_LEN, NULL },
};

int
cz_h_verify_form(struct cz_request *r)
{
	const char *tok = cz_params_get(&r->query_params, "token");

	if (tok == NULL || !cz_token_valid(tok, strlen(tok)))
		return page(r, 400, "pages/verify_email", "Confirm your "
		    "address", NULL, LINK_BAD, 0);
	return page(r, 200, "pages/verify_email", "Confirm your address", tok,
	    NULL, 0);
}

int
cz_h_verify(struct cz_request *r)
{
	struct cz_value v[1];
	struct json_object *errors;
	const char *p[1];
	PGresult *res;
	long long id;
	int ok;

	if (cz_req_input(r, token_fields, 1, v, &errors) == -1 ||
	    (id = cz_mail_link_use(r, v[0].s, CZ_LINK_VERIFY_EMAIL)) == 0) {
		if (cz_route_json(r)) {
			r->error_message = LINK_BAD;
			return 400;
		}
		return page(r, 400, "pages/verify_email", "Confirm your "
		    "address", NULL, LINK_BAD, 0);
	}
	if (id < 0)
		return 503;
	p[0] = cz_arena_printf(r->arena, "%lld", id);
	res = cz_db_exec(r->app->db, "user_verified", 1, p);
	ok = res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK;
	PQclear(res);
	if (!ok)
		return 503;
	cz_audit(r, id, "email.verified", NULL);
	if (cz_route_json(r))
		return cz_resp_json(r, 200, cz_json_message(r, "verified", "the "
		    "address is confirmed"));
	if (r->user != NULL && r->user->id == id)
		r->user->verified = 1;
	return page(r, 200, "pages/verify_email", "Confirm your address", NULL,
	    "Thank you: your e-mail address is confirmed.", 1);
}

int
cz_h_verify_resend(struct cz_request *r)
{
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (!r->user->verified && cz_mail_link(r, r->user->id, r->user->email,
	    CZ_LINK_VERIFY_EMAIL) == -1)
		return 503;
	if (cz_route_json(r))
		return cz_resp_json(r, 202, cz_json_message(r, "accepted",
		    r->user->verified ? "the address is confirmed already" :
		    "a new confirmation link is on its way"));
	return cz_account_page(r, 200, r->user->verified ? "Your address "
	    "is confirmed already." : "A new confirmation link is on its way.",
	    NULL);
}

/* ------------------------------------------------------------------------
 * password reset
 */

static const struct cz_field reset_fields[] = {
	{ "email", CZ_F_STRING, 1, 1, CZ_EMAIL_MAX + 64, NULL },
};

int
cz_h_reset_form(struct cz_request *r)
{
	return page(r, 200, "pages/password_reset", "Forgot your password",
	    NULL, NULL, 0);
}

int
cz_h_reset_request(struct cz_request *r)
{
	const struct cz_ratelimit *acct = cz_ratelimit_get(CZ_RL_RESET_ACCOUNT);
	char email[CZ_EMAIL_MAX + 1], key[CZ_SHA256_HEX + 1];
	struct cz_value v[1];
	struct json_object *errors;
	const char *p[1], *errstr, *scope = "reset.address";
	PGresult *res;
	long long id = 0;
	int wait, rc;

	if (cz_req_input(r, reset_fields, 1, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return page(r, 400, "pages/password_reset", "Forgot your "
		    "password", NULL, "Please give your e-mail address.", 0);
	}
	if (cz_email_normalize(v[0].s, v[0].len, email, sizeof(email)) == -1)
		snprintf(email, sizeof(email), "%.*s", (int)CZ_EMAIL_MAX,
		    v[0].s);
	if (cz_ratelimit_email_key(email, key) == -1)
		return 500;
	rc = cz_limit_hit(r, cz_ratelimit_get(CZ_RL_RESET_ADDRESS),
	    cz_client_addr(r), &wait);
	if (rc == 0) {
		scope = acct->scope;
		rc = cz_limit_hit(r, acct, key, &wait);
	}
	if (rc == -1)
		return 503;
	if (rc == 1)
		return cz_limit_refuse(r, 0, scope, wait, "Too many password "
		    "resets asked for; please try again later.");
	p[0] = email;
	res = cz_db_exec(r->app->db, "reset_user", 1, p);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return 503;
	}
	if (PQntuples(res) == 1)
		id = cz_strtonum(PQgetvalue(res, 0, 0), 1, LLONG_MAX, &errstr);
	PQclear(res);
	if (id > 0) {
		if (cz_mail_link(r, id, email, CZ_LINK_RESET_PASSWORD) == -1)
			return 503;
		cz_audit(r, id, "password.reset_requested", NULL);
	} else {
		/* The work of the known path, so timing tells little. */
		cz_mail_link_decoy(r, CZ_LINK_RESET_PASSWORD);
		cz_audit(r, 0, "password.reset_unknown", NULL);
	}
	if (cz_route_json(r))
		return cz_resp_json(r, 202, cz_json_message(r, "accepted",
		    RESET_SENT));
	return page(r, 200, "pages/password_reset", "Forgot your password",
	    NULL, RESET_SENT, 1);
}

int
cz_h_reset_confirm_form(struct cz_request *r)
{
	const char *tok = cz_params_get(&r->query_params, "token");

	if (tok == NULL || !cz_token_valid(tok, strlen(tok)))
		return page(r, 400, "pages/password_reset_confirm", "Choose a "
		    "new password", NULL, LINK_BAD, 0);
	return page(r, 200, "pages/password_reset_confirm", "Choose a new "
	    "password", tok, NULL, 0);
}

static const struct cz_field confirm_fields[] = {
	{ "token", CZ_F_STRING, 1, CZ_TOKEN_LEN, CZ_TOKEN_LEN, NULL },
	{ "new_password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
};

int
cz_h_reset_confirm(struct cz_request *r)
{
	char enc[CZ_PASSWORD_ENCODED_MAX], err[256];
	struct cz_value v[2];
	struct json_object *errors, *e;
	const char *p[2];
	enum cz_pw_policy pol;
	PGresult *res;
	long long id;
	int ok;

	if (cz_req_input(r, confirm_fields, 2, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return page(r, 400, "pages/password_reset_confirm", "Choose a "
		    "new password", cz_params_get(&r->form, "token"),
		    "Please choose a new password.", 0);
	}
	/* The policy before the token is spent, so a weak choice can be
	 * corrected with the same link. No address rule: the link proves
	 * the address, and the account's address is not loaded yet. */
	pol = cz_password_check(v[1].s, v[1].len, NULL, r->app->pwlist);
	if (pol != CZ_PW_OK) {
		if (cz_route_json(r)) {
			if ((e = json_object_new_object()) == NULL ||
			    cz_json_own(r->arena, e) == -1)
				return 500;
			json_object_object_add(e, "new_password",
			    json_object_new_string(
			    cz_password_policy_message(pol)));
			return cz_resp_json(r, 400, cz_errors_body(r, e));
		}
		return page(r, 400, "pages/password_reset_confirm", "Choose a "
		    "new password", v[0].s, cz_arena_printf(r->arena, "The new "
		    "password %s.", cz_password_policy_message(pol)), 0);
	}
	if ((id = cz_mail_link_use(r, v[0].s, CZ_LINK_RESET_PASSWORD)) == 0) {
		if (cz_route_json(r)) {
			r->error_message = LINK_BAD;
			return 400;
		}
		return page(r, 400, "pages/password_reset_confirm", "Choose a "
		    "new password", NULL, LINK_BAD, 0);
	}
	if (id < 0)
		return 503;
	if (cz_password_hash(&r->app->argon2, v[1].s, v[1].len, enc,
	    sizeof(enc), err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return 500;
	}
	p[0] = cz_arena_printf(r->arena, "%lld", id);
	p[1] = enc;
	res = cz_db_exec(r->app->db, "reset_password", 2, p);
	ok = res != NULL && PQresultStatus(res) == PGRES_COMMAND_OK;
	PQclear(res);
	if (!ok)
		return 503;
	cz_session_end_all(r, id);
	cz_audit(r, id, "password.reset", NULL);
	if (cz_route_json(r))
		return cz_resp_json(r, 200, cz_json_message(r, "changed", "the "
		    "password was changed; every session ended: log in with "
		    "the new one"));
	return page(r, 200, "pages/password_reset_confirm", "Choose a new "
	    "password", NULL, "Your password was changed and every session "
	    "ended. Log in with the new password.", 1);
}
