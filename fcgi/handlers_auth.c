/*
 * handlers_auth.c - registering, logging in and out, and changing one's
 * password or e-mail address, as HTML forms and as the JSON API (the same
 * handler serves both: a route flagged CZ_ROUTE_JSON answers JSON).
 *
 * Registration and log-in never tell whether an address has an account:
 * for a known and an unknown address they answer the same status and the
 * same body (the operations, which cost the same either way, are
 * accounts.c's). Log-in is limited per client address and per account (5
 * a minute, then a growing lockout), registration per address (3 an
 * hour); a limit hit is a 429 with Retry-After. A successful log-in, and
 * a change of password, start a new session. Addresses are read as log-in
 * reads them everywhere: surrounding blanks trimmed, lower-cased
 * (lib/email.h). A change of address takes effect when the link mailed to
 * the new address is followed, and is answered the same whether or not
 * the address has an account; registration and address changes are
 * limited per account and per recipient like all mail (cz_limit_mail).
 * Registration takes an optional proof-of-work answer (challenge.h): a
 * wrong one is a 400 and the form again with a fresh challenge.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "account_page.h"
#include "accounts.h"
#include "app.h"
#include "audit.h"
#include "challenge.h"
#include "email.h"
#include "handlers.h"
#include "jsonbody.h"
#include "password.h"
#include "ratelimit.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "validate.h"

/* What log-in and registration answer, whatever the address. */
#define LOGIN_FAILED	"The e-mail address or the password is not right."
#define REGISTERED	"Thank you. Please confirm your e-mail address: " \
	"if it can be used, a message with a link to confirm it is on its " \
	"way. You can log in with the address and your password meanwhile."
#define CHANGE_SENT	"If the address can be used, a message with a link " \
	"to confirm it is on its way to it: your account moves to the new " \
	"address when the link is followed."
#define MAIL_LIMIT	"Too many messages asked for; please try again later."

/* ------------------------------------------------------------------------
 * helpers
 */

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
	/* The registration form, shown again or not, gets a new challenge. */
	if (strcmp(template, "pages/register") == 0)
		cz_challenge_ctx(r, ctx, CZ_POW_REGISTER, 0);
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

/* Reads the address in (the value of field name) as log-in does:
 * trimmed and lower-cased into out, then checked as an e-mail address.
 * Returns 0, or -1 with *errors naming the field (NULL when out of
 * memory). */
static int
email_input(struct cz_request *r, const char *name, const struct cz_value *in,
    char out[CZ_EMAIL_MAX + 1], struct json_object **errors)
{
	const struct cz_field f = { name, CZ_F_EMAIL, 1, 3, CZ_EMAIL_MAX,
	    NULL };
	struct json_object *o;
	struct cz_value v;

	if (cz_email_normalize(in->s, in->len, out, CZ_EMAIL_MAX + 1) == -1) {
		*errors = field_error(r, name, "must be a valid e-mail "
		    "address");
		return -1;
	}
	/* The validator's own e-mail rules, on the trimmed form. */
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1) {
		*errors = NULL;
		return -1;
	}
	json_object_object_add(o, name, json_object_new_string(out));
	return cz_validate_json(r->arena, &f, 1, o, &v, errors);
}

/* ------------------------------------------------------------------------
 * register
 */

/* The address as typed (blanks around it allowed): email_input checks it. */
static const struct cz_field register_fields[] = {
	{ "email", CZ_F_STRING, 1, 1, CZ_EMAIL_MAX + 64, NULL },
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
	struct json_object *errors, *ctx;
	char email[CZ_EMAIL_MAX + 1];
	enum cz_pw_policy pol;
	int wait, rc;

	rc = cz_limit_hit(r, cz_ratelimit_get(CZ_RL_REGISTER_ADDRESS),
	    cz_client_addr(r), &wait);
	if (rc == -1)
		return 503;
	if (rc == 1)
		return cz_limit_refuse(r, 0, "register.address", wait,
		    "Too many registrations from your address; please try "
		    "again later.");
	if (cz_req_input(r, register_fields, 2, v, &errors) == -1 ||
	    email_input(r, "email", &v[0], email, &errors) == -1)
		return errors == NULL ? 500 : refuse(r, 400, "pages/register",
		    "Create an account", "Please correct the fields marked "
		    "below.", errors);
	/* After the address's limit counted it: a wrong answer costs too. */
	if ((rc = cz_challenge_check(r, CZ_POW_REGISTER, 0)) == -1)
		return 503;
	if (rc != CZ_POW_OK)
		return refuse(r, 400, "pages/register", "Create an account",
		    cz_pow_message(rc), NULL);
	/* A new account's link, or the notice to an existing one: counted
	 * either way, so a refusal tells nothing. */
	if ((rc = cz_limit_mail(r, 0, email, MAIL_LIMIT)) != CZ_NEXT)
		return rc;
	switch (cz_account_create(r, email, v[1].s, v[1].len, &pol)) {
	case CZ_ACCOUNT_OK:
		break;
	case CZ_ACCOUNT_WEAK_PASSWORD:
		return refuse(r, 400, "pages/register", "Create an account",
		    "Please choose another password.", field_error(r,
		    "password", cz_password_policy_message(pol)));
	case CZ_ACCOUNT_UNAVAILABLE:
		r->error_message = "the account could not be stored; please "
		    "try again shortly";
		return 503;
	default:
		return 500;
	}
	if (cz_route_json(r))
		return cz_resp_json(r, 202, cz_json_message(r, "accepted",
		    REGISTERED));
	if ((ctx = cz_page_ctx(r, "Create an account")) == NULL)
		return 500;
	json_object_object_add(ctx, "done", json_object_new_boolean(1));
	json_object_object_add(ctx, "message", json_object_new_string(
	    REGISTERED));
	return cz_resp_html(r, 200, "pages/register", ctx);
}

/* GET /api/challenge?purpose=register|reset|resend: a challenge for an
 * API client that chooses to solve one (docs/api.md); resend needs the
 * session, as the resend itself does. */
int
cz_h_api_challenge(struct cz_request *r)
{
	const char *name = cz_params_get(&r->query_params, "purpose");
	char chal[CZ_POW_CHALLENGE_MAX + 1];
	struct json_object *o;
	long long account = 0;
	int p, bits, rc;

	if (name == NULL || (p = cz_pow_purpose_parse(name,
	    strlen(name))) == -1) {
		r->error_message = "purpose must be register, reset or resend";
		return 400;
	}
	if (p == CZ_POW_RESEND) {
		if ((rc = cz_session_required(r)) != CZ_NEXT)
			return rc;
		account = r->user->id;
	}
	if ((rc = cz_challenge_issue(r, (enum cz_pow_purpose)p, account, chal,
	    &bits)) == -1)
		return 503;
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return 500;
	json_object_object_add(o, "purpose", json_object_new_string(name));
	json_object_object_add(o, "challenge", rc == 1 ?
	    json_object_new_string(chal) : NULL);
	json_object_object_add(o, "bits", json_object_new_int(bits));
	json_object_object_add(o, "lifetime", json_object_new_int64(
	    r->app->settings.pow_lifetime));
	cz_resp_header(r, "Cache-Control", "no-store");
	return cz_resp_json(r, 200, o);
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
	struct json_object *errors, *o;
	char email[CZ_EMAIL_MAX + 1], key[CZ_SHA256_HEX + 1];
	const char *csrf, *scope;
	long long id;
	int wait, rc, status;

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
	switch (cz_account_login(r, email, v[1].s, v[1].len, &id)) {
	case CZ_ACCOUNT_OK:
		break;
	case CZ_ACCOUNT_DENIED:
		return refuse(r, 401, "pages/login", "Log in", LOGIN_FAILED,
		    NULL);
	default:
		return cz_db_unavailable(r);
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
		return cz_resp_json(r, 200, cz_json_message(r, "logged_out",
		    NULL));
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

/* After a change of password: every other session ends and this one gets
 * a new token. */
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
	enum cz_pw_policy pol;
	int status;

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
	switch (cz_account_change_password(r, v[0].s, v[0].len, v[1].s,
	    v[1].len, &pol)) {
	case CZ_ACCOUNT_OK:
		break;
	case CZ_ACCOUNT_DENIED:
		if (cz_route_json(r)) {
			r->error_message = "the current password is not right";
			return 403;
		}
		return cz_account_page(r, 403, "The current password is not "
		    "right.", NULL);
	case CZ_ACCOUNT_WEAK_PASSWORD:
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r,
			    field_error(r, "new_password",
			    cz_password_policy_message(pol))));
		return cz_account_page(r, 400, cz_arena_printf(r->arena,
		    "The new password %s.", cz_password_policy_message(pol)),
		    NULL);
	case CZ_ACCOUNT_FAILED:
		return 500;
	default:
		return 503;
	}
	return rotate(r, "the password was changed; other sessions ended");
}

static const struct cz_field email_fields[] = {
	{ "password", CZ_F_STRING, 1, 1, CZ_PASSWORD_MAX_BYTES + 1, NULL },
	{ "email", CZ_F_STRING, 1, 1, CZ_EMAIL_MAX + 64, NULL },
};

int
cz_h_email_change(struct cz_request *r)
{
	struct cz_value v[2];
	struct json_object *errors;
	char email[CZ_EMAIL_MAX + 1];
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (cz_req_input(r, email_fields, 2, v, &errors) == -1 ||
	    email_input(r, "email", &v[1], email, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return cz_account_page(r, 400, "Please give your password "
		    "and a valid new e-mail address.", NULL);
	}
	/* Mail goes to the new address (a link, or a notice to its owner):
	 * limited per account and per that address. */
	if ((status = cz_limit_mail(r, r->user->id, email, MAIL_LIMIT)) !=
	    CZ_NEXT)
		return status;
	switch (cz_account_change_email(r, v[0].s, v[0].len, email)) {
	case CZ_ACCOUNT_OK:
		break;
	case CZ_ACCOUNT_SAME_EMAIL:
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r,
			    field_error(r, "email", "is your address "
			    "already")));
		return cz_account_page(r, 400, "That is your address "
		    "already.", NULL);
	case CZ_ACCOUNT_DENIED:
		if (cz_route_json(r)) {
			r->error_message = "the password is not right";
			return 403;
		}
		return cz_account_page(r, 403, "The password is not right.",
		    NULL);
	default:
		return 503;
	}
	/* The same answer whether or not the address has an account. */
	if (cz_route_json(r))
		return cz_resp_json(r, 202, cz_json_message(r, "accepted",
		    CHANGE_SENT));
	return cz_account_page(r, 200, CHANGE_SENT, NULL);
}
