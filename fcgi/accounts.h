/*
 * accounts.h - what can be done to an account, as operations: creating
 * one, checking a log-in, changing the password or the e-mail address,
 * confirming the address and resetting a forgotten password with a link
 * sent by mail (mail_links.h).
 * A service: it knows nothing of HTTP, reads no input of the request and
 * builds no answer; the request is only its context (arena, database,
 * settings, the signed-in account r->user, the client for the audit
 * trail). Sessions and cookies stay with the caller (session.h).
 *
 * Registration and log-in never tell whether an address has an account:
 * an unknown address costs the same argon2id work (a dummy verification
 * at log-in, a hash made before the insert at registration), and an
 * address that has an account gets a notice by mail instead of a second
 * account. Every outcome is audited; passwords and tokens are never
 * stored or logged, e-mail addresses never logged. Addresses are given
 * normalized (lib/email.h) and passwords as read (valid UTF-8 without
 * NUL).
 */
#ifndef CZ_ACCOUNTS_H
#define CZ_ACCOUNTS_H

#include <stddef.h>

#include "password.h"

struct cz_db;
struct cz_request;
struct json_object;

enum cz_account_result {
	CZ_ACCOUNT_OK = 0,
	CZ_ACCOUNT_DENIED,		/* a password (or the account) is
					   not right: audited */
	CZ_ACCOUNT_WEAK_PASSWORD,	/* the new password breaks the
					   policy (*policy says how) */
	CZ_ACCOUNT_SAME_EMAIL,		/* the new address is the account's */
	CZ_ACCOUNT_EMAIL_TAKEN,		/* another account took the address
					   a change link was sent to */
	CZ_ACCOUNT_BAD_LINK,		/* the link's token is malformed,
					   unknown, used or expired */
	CZ_ACCOUNT_LINK_CANCELLED,	/* the link was cancelled: the
					   address or password changed, or a
					   newer link replaced it */
	CZ_ACCOUNT_LINK_OTHER_ADDRESS,	/* the link was sent to an address
					   the account no longer has */
	CZ_ACCOUNT_UNAVAILABLE,		/* the database failed (logged) */
	CZ_ACCOUNT_FAILED		/* hashing, randomness or memory
					   failed (logged) */
};

/* Registers the statements of accounts. Returns 0 or -1. */
int cz_auth_register(struct cz_db *db);

/*
 * The signed-in account as GET /api/me shows it: {id, email, tier,
 * is_admin, verified, csrf_token (with a session only), legal: {accepted,
 * terms_version, privacy_version, accept_url}}, owned by the request's
 * arena; NULL when out of memory.
 */
struct json_object *cz_account_profile(struct cz_request *r);

/* Whether pw (len bytes) is the password of the signed-in account: 1 when
 * it is, 0 when not, -1 when the database failed (logged). */
int cz_account_password_ok(struct cz_request *r, const char *pw,
    size_t len);

/*
 * Creates an account for email with password pw (len bytes) unless the
 * address has one (whose owner then gets the email/account_exists notice,
 * unless it is disabled); a new account gets a confirmation link. The
 * result does not tell which happened. Returns CZ_ACCOUNT_OK,
 * CZ_ACCOUNT_WEAK_PASSWORD (*policy set), CZ_ACCOUNT_UNAVAILABLE or
 * CZ_ACCOUNT_FAILED.
 */
int cz_account_create(struct cz_request *r, const char *email,
    const char *pw, size_t len, enum cz_pw_policy *policy);

/*
 * Checks a log-in: the account of email, enabled, with password pw (len
 * bytes); its hash is renewed when made with older parameters. Sets *id
 * on CZ_ACCOUNT_OK; a failure is audited (login.failure, with the reason)
 * and answered CZ_ACCOUNT_DENIED, whatever the reason. Returns also
 * CZ_ACCOUNT_UNAVAILABLE.
 */
int cz_account_login(struct cz_request *r, const char *email,
    const char *pw, size_t len, long long *id);

/*
 * Changes the signed-in account's password from current to new_pw
 * (new_len bytes). Returns CZ_ACCOUNT_OK, CZ_ACCOUNT_DENIED (current is
 * not right), CZ_ACCOUNT_WEAK_PASSWORD (*policy set),
 * CZ_ACCOUNT_UNAVAILABLE or CZ_ACCOUNT_FAILED.
 */
int cz_account_change_password(struct cz_request *r, const char *current,
    size_t current_len, const char *new_pw, size_t new_len,
    enum cz_pw_policy *policy);

/*
 * Asks to move the signed-in account to address email, given its password
 * pw (len bytes). The account's outstanding address links are cancelled.
 * A free address gets a change_email link: the account moves when it is
 * followed (cz_account_verify_email). An address that has an account gets
 * the email/address_taken notice instead, and the result is the same, so
 * that the asker never learns which addresses have accounts (audited
 * email.change_requested, with address_taken). Returns CZ_ACCOUNT_OK,
 * CZ_ACCOUNT_SAME_EMAIL, CZ_ACCOUNT_DENIED or CZ_ACCOUNT_UNAVAILABLE.
 */
int cz_account_change_email(struct cz_request *r, const char *pw,
    size_t len, const char *email);

/*
 * Uses a confirmation link once: a verify_email link confirms the
 * account's address, if it is still the one the link was sent to
 * (audited email.verified); a change_email link moves the account to the
 * address it was sent to, confirmed (audited email.changed), and tells
 * the old address (email/address_changed). When that
 * account is the signed-in one, r->user is updated too. Returns
 * CZ_ACCOUNT_OK, CZ_ACCOUNT_BAD_LINK, CZ_ACCOUNT_LINK_CANCELLED,
 * CZ_ACCOUNT_LINK_OTHER_ADDRESS, CZ_ACCOUNT_EMAIL_TAKEN (another account
 * took the new address meanwhile) or CZ_ACCOUNT_UNAVAILABLE.
 */
int cz_account_verify_email(struct cz_request *r, const char *token);

/*
 * A forgotten password: sends a reset link to email when an enabled
 * account has that address (audited password.reset_requested); otherwise
 * does the same rendering work and audits password.reset_unknown, so the
 * caller answers the same either way. Returns CZ_ACCOUNT_OK or
 * CZ_ACCOUNT_UNAVAILABLE (the lookup failed, or the link could not be
 * queued).
 */
int cz_account_reset_request(struct cz_request *r, const char *email);

/*
 * Sets the password pw (len bytes) of the account a reset_password link
 * was made for, using token once, and audits it (password.reset); *id is
 * that account, whose sessions the caller then ends. The policy is
 * checked first (without the address rule), so a weak password leaves the
 * token unspent. Using it cancels the account's other links. Returns
 * CZ_ACCOUNT_OK, CZ_ACCOUNT_WEAK_PASSWORD (*policy set),
 * CZ_ACCOUNT_BAD_LINK, CZ_ACCOUNT_LINK_CANCELLED,
 * CZ_ACCOUNT_LINK_OTHER_ADDRESS, CZ_ACCOUNT_UNAVAILABLE or
 * CZ_ACCOUNT_FAILED.
 */
int cz_account_reset_password(struct cz_request *r, const char *token,
    const char *pw, size_t len, enum cz_pw_policy *policy, long long *id);

#endif
