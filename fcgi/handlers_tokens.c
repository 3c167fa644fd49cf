/*
 * handlers_tokens.c - the links the site sends by e-mail: confirming an
 * address (after registration, an address change, or on request from the
 * account page) and resetting a forgotten password.
 *
 * The tokens and their mail are mail_links.c's. Following a link shows a
 * page whose form does the change, so that a mail scanner fetching the
 * link changes nothing; those pages carry the token in their URL, so
 * they ask for no Referer at all. A link only works for the address it
 * was sent to, and not once cancelled (mail_links.h); the answer says why.
 * A reset request answers the same whether or not the address has an
 * account, and is limited per address and per account (3 an hour); a
 * reset ends every session of the account. Every request that can make
 * the site send mail is limited per account and per recipient
 * (cz_limit_mail). The reset request and the resend take an optional
 * proof-of-work answer (challenge.h); a wrong one is a 400.
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
#include "mail_links.h"
#include "password.h"
#include "ratelimit.h"
#include "response.h"
#include "session.h"
#include "throttle.h"
#include "token.h"
#include "validate.h"

#define RESET_SENT	"If the address has an account, a message with a " \
	"link to choose a new password is on its way. The link works once " \
	"and for a short time."
#define LINK_BAD	"This link is not valid: it was used already, it " \
	"expired, or it was copied incompletely. Ask for a new one."
#define LINK_CANCELLED	"This link was cancelled: the account's address " \
	"or password changed, or a newer link was used, after it was sent. " \
	"Ask for a new one."
#define LINK_OTHER	"This link was sent to an address that is no " \
	"longer the account's, so it cannot be used. Ask for a new one."
#define MAIL_LIMIT	"Too many messages asked for; please try again later."

/* Pages with a token in their URL: no request to another site (a
 * followed link) may carry it in its Referer. same-origin, not
 * no-referrer: under no-referrer a browser sends the page's own form POST
 * with "Origin: null", which the CSRF check refuses (403), so the link's
 * button could never work. Our own server sees the Referer, and its logs
 * keep it without the query (nginx/snippets/cibozer-log.conf). The
 * templates say it again as <meta name="referrer">. */
static void
token_page_referrer_policy(struct cz_request *r)
{
	cz_resp_header(r, "Referrer-Policy", "same-origin");
}

/* The message for a link refused with account result rc. */
static const char *
link_message(int rc)
{
	switch (rc) {
	case CZ_ACCOUNT_LINK_CANCELLED:
		return LINK_CANCELLED;
	case CZ_ACCOUNT_LINK_OTHER_ADDRESS:
		return LINK_OTHER;
	default:
		return LINK_BAD;
	}
}

/* Whether rc is a refused link. */
static int
link_refused(int rc)
{
	return rc == CZ_ACCOUNT_BAD_LINK || rc == CZ_ACCOUNT_LINK_CANCELLED ||
	    rc == CZ_ACCOUNT_LINK_OTHER_ADDRESS;
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
	/* The reset request form, while shown, carries a challenge. */
	if (!done && strcmp(template, "pages/password_reset") == 0)
		cz_challenge_ctx(r, ctx, CZ_POW_RESET, 0);
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

	token_page_referrer_policy(r);
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
	int rc;

	rc = cz_req_input(r, token_fields, 1, v, &errors) == -1 ?
	    CZ_ACCOUNT_BAD_LINK : cz_account_verify_email(r, v[0].s);
	if (link_refused(rc)) {
		if (cz_route_json(r)) {
			r->error_message = link_message(rc);
			return 400;
		}
		return page(r, 400, "pages/verify_email", "Confirm your "
		    "address", NULL, link_message(rc), 0);
	}
	if (rc == CZ_ACCOUNT_EMAIL_TAKEN) {
		/* Only the holder of the new address's mail gets here. */
		if (cz_route_json(r)) {
			r->error_message = "that address has been taken by "
			    "another account meanwhile";
			return 409;
		}
		return page(r, 409, "pages/verify_email", "Confirm your "
		    "address", NULL, "That address has been taken by another "
		    "account meanwhile: the address was not changed.", 0);
	}
	if (rc != CZ_ACCOUNT_OK)
		return 503;
	if (cz_route_json(r))
		return cz_resp_json(r, 200, cz_json_message(r, "verified",
		    "the address is confirmed"));
	return page(r, 200, "pages/verify_email", "Confirm your address", NULL,
	    "Thank you: your e-mail address is confirmed.", 1);
}

int
cz_h_verify_resend(struct cz_request *r)
{
	int status;

	if ((status = cz_session_required(r)) != CZ_NEXT)
		return status;
	if (!r->user->verified &&
	    (status = cz_challenge_check(r, CZ_POW_RESEND, r->user->id)) !=
	    CZ_POW_OK) {
		if (status == -1)
			return 503;
		if (cz_route_json(r)) {
			r->error_message = cz_pow_message(status);
			return 400;
		}
		return cz_account_page(r, 400, cz_pow_message(status), NULL);
	}
	if (!r->user->verified && (status = cz_limit_mail(r, r->user->id,
	    r->user->email, MAIL_LIMIT)) != CZ_NEXT)
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
	const char *scope = "reset.address";
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
	/* After the limits counted it, before any mail is counted. */
	if ((rc = cz_challenge_check(r, CZ_POW_RESET, 0)) == -1)
		return 503;
	if (rc != CZ_POW_OK) {
		if (cz_route_json(r)) {
			r->error_message = cz_pow_message(rc);
			return 400;
		}
		return page(r, 400, "pages/password_reset", "Forgot your "
		    "password", NULL, cz_pow_message(rc), 0);
	}
	/* The mail to that address, whatever else asked for mail to it;
	 * counted whether or not it has an account. */
	if ((rc = cz_limit_mail(r, 0, email, MAIL_LIMIT)) != CZ_NEXT)
		return rc;
	/* The same answer whether or not the address has an account. */
	if (cz_account_reset_request(r, email) != CZ_ACCOUNT_OK)
		return 503;
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

	token_page_referrer_policy(r);
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
	struct cz_value v[2];
	struct json_object *errors, *e;
	enum cz_pw_policy pol;
	long long id;
	int rc;

	if (cz_req_input(r, confirm_fields, 2, v, &errors) == -1) {
		if (errors == NULL)
			return 500;
		if (cz_route_json(r))
			return cz_resp_json(r, 400, cz_errors_body(r, errors));
		return page(r, 400, "pages/password_reset_confirm", "Choose a "
		    "new password", cz_params_get(&r->form, "token"),
		    "Please choose a new password.", 0);
	}
	switch ((rc = cz_account_reset_password(r, v[0].s, v[1].s, v[1].len,
	    &pol, &id))) {
	case CZ_ACCOUNT_OK:
		break;
	case CZ_ACCOUNT_WEAK_PASSWORD:
		/* The token is not spent: the same link can be used again
		 * with a better choice. */
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
	case CZ_ACCOUNT_BAD_LINK:
	case CZ_ACCOUNT_LINK_CANCELLED:
	case CZ_ACCOUNT_LINK_OTHER_ADDRESS:
		if (cz_route_json(r)) {
			r->error_message = link_message(rc);
			return 400;
		}
		return page(r, 400, "pages/password_reset_confirm", "Choose a "
		    "new password", NULL, link_message(rc), 0);
	case CZ_ACCOUNT_FAILED:
		return 500;
	default:
		return 503;
	}
	cz_session_end_all(r, id);
	if (cz_route_json(r))
		return cz_resp_json(r, 200, cz_json_message(r, "changed", "the "
		    "password was changed; every session ended: log in with "
		    "the new one"));
	return page(r, 200, "pages/password_reset_confirm", "Choose a new "
	    "password", NULL, "Your password was changed and every session "
	    "ended. Log in with the new password.", 1);
}
