/*
 * accounts.c - account operations: creation, log-in checks, password and
 * address changes, address confirmation and password reset. See
 * accounts.h.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <json-c/json.h>

#include "accounts.h"
#include "app.h"
#include "audit.h"
#include "jsonbody.h"
#include "log.h"
#include "mail_links.h"
#include "query.h"
#include "session.h"

#define SQLSTATE_UNIQUE_VIOLATION	"23505"

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
/* Only by a change_email link: the new address is confirmed by it. The
 * self-join reads the row as it was, so the old address comes back. */
#define SQL_USER_SET_EMAIL \
	"UPDATE users u SET email = $2, email_verified_at = now(), " \
	"updated_at = now() FROM users o WHERE u.id = $1::bigint AND o.id = " \
	"u.id AND u.deleted_at IS NULL RETURNING o.email"
#define SQL_USER_VERIFIED \
	"UPDATE users SET email_verified_at = coalesce(email_verified_at, " \
	"now()), updated_at = now() WHERE id = $1::bigint AND deleted_at IS " \
	"NULL RETURNING id"
#define SQL_RESET_USER \
	"SELECT id FROM users WHERE lower(email) = lower($1) AND deleted_at " \
	"IS NULL AND disabled_at IS NULL"

/* Parameters and columns of each statement. */
enum { BY_EMAIL_EMAIL, BY_EMAIL__N };
enum { BY_EMAIL_ID, BY_EMAIL_HASH, BY_EMAIL_ENABLED };
enum { INSERT_EMAIL, INSERT_HASH, INSERT__N };
enum { INSERT_ID };
enum { HASH_USER_ID, HASH__N };
enum { HASH_HASH };
/* user_rehash and user_set_password */
enum { SET_PASSWORD_USER_ID, SET_PASSWORD_HASH, SET_PASSWORD__N };
enum { SET_EMAIL_USER_ID, SET_EMAIL_EMAIL, SET_EMAIL__N };
enum { SET_EMAIL_OLD };
enum { VERIFIED_USER_ID, VERIFIED__N };
enum { RESET_USER_EMAIL, RESET_USER__N };
enum { RESET_USER_ID };

/* What command() returns for a unique violation. */
#define UNIQUE_VIOLATION	(-2)

int
cz_auth_register(struct cz_db *db)
{
	if (cz_db_register(db, "user_by_email", SQL_USER_BY_EMAIL,
	    BY_EMAIL__N, 1) == -1 ||
	    cz_db_register(db, "user_insert", SQL_USER_INSERT, INSERT__N,
	    0) == -1 ||
	    cz_db_register(db, "user_hash", SQL_USER_HASH, HASH__N, 1) == -1 ||
	    cz_db_register(db, "user_rehash", SQL_USER_REHASH,
	    SET_PASSWORD__N, 1) == -1 ||
	    cz_db_register(db, "user_set_password", SQL_USER_SET_PASSWORD,
	    SET_PASSWORD__N, 1) == -1 ||
	    cz_db_register(db, "user_set_email", SQL_USER_SET_EMAIL,
	    SET_EMAIL__N, 1) == -1 ||
	    cz_db_register(db, "user_verified", SQL_USER_VERIFIED,
	    VERIFIED__N, 1) == -1 ||
	    cz_db_register(db, "reset_user", SQL_RESET_USER, RESET_USER__N,
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

/* Runs the command name. Returns 0; UNIQUE_VIOLATION, for the caller to
 * answer; or -1 when it failed otherwise (logged). */
static int
command(struct cz_request *r, const char *name, int n, const char *const *v)
{
	if (cz_query(r, name, n, v) != NULL)
		return 0;
	if (strcmp(r->db_sqlstate, SQLSTATE_UNIQUE_VIOLATION) == 0)
		return UNIQUE_VIOLATION;
	cz_log(CZ_LOG_ERROR, "%s: %s: %s", __func__, name,
	    cz_db_error(r->app->db));
	return -1;
}

/* Hashes pw (len bytes) with the configured argon2id parameters into enc
 * (enclen bytes). Returns 0, or -1 (logged). */
static int
hash_password(struct cz_request *r, const char *pw, size_t len, char *enc,
    size_t enclen)
{
	char err[256];

	if (cz_password_hash(&r->app->argon2, pw, len, enc, enclen, err,
	    sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return -1;
	}
	return 0;
}

/* Stores enc as account id's password hash with the command name
 * (user_set_password, or user_rehash which keeps password_changed_at).
 * Returns 0 or -1 (logged). */
static int
store_hash(struct cz_request *r, const char *name, long long id,
    const char *enc)
{
	const char *v[SET_PASSWORD__N];

	v[SET_PASSWORD_USER_ID] = uid_text(r, id);
	v[SET_PASSWORD_HASH] = enc;
	return command(r, name, SET_PASSWORD__N, v) == 0 ? 0 : -1;
}

/* When the address has an account, tells its owner with the notice
 * template (by mail, never in the answer), unless the account is
 * disabled. Returns 1 when the address has an account, 0 when not, -1
 * when the lookup failed (logged). */
static int
existing_notice(struct cz_request *r, const char *email,
    const char *template)
{
	const char *v[BY_EMAIL__N];
	PGresult *res;
	long long id = 0;

	v[BY_EMAIL_EMAIL] = email;
	if ((res = cz_query(r, "user_by_email", BY_EMAIL__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return -1;
	}
	if (PQntuples(res) != 1)
		return 0;
	if (!cz_db_bool(res, 0, BY_EMAIL_ENABLED))
		return 1;
	if (cz_db_int(res, 0, BY_EMAIL_ID, 1, LLONG_MAX, &id) == -1)
		id = 0;
	cz_mail_notice(r, id, email, template, "/password-reset");
	return 1;
}

/* The account result for a link that could not be used. */
static int
link_refused(enum cz_link_result lr)
{
	switch (lr) {
	case CZ_LINK_BAD:
		return CZ_ACCOUNT_BAD_LINK;
	case CZ_LINK_CANCELLED:
		return CZ_ACCOUNT_LINK_CANCELLED;
	case CZ_LINK_OTHER_ADDRESS:
		return CZ_ACCOUNT_LINK_OTHER_ADDRESS;
	default:
		return CZ_ACCOUNT_UNAVAILABLE;
	}
}

/* ------------------------------------------------------------------------
 * operations
 */

struct json_object *
cz_account_profile(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct json_object *o, *l;

	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return NULL;
	json_object_object_add(o, "id", json_object_new_int64(r->user->id));
	json_object_object_add(o, "email",
	    json_object_new_string(r->user->email));
	json_object_object_add(o, "tier",
	    json_object_new_string(r->user->tier));
	json_object_object_add(o, "is_admin",
	    json_object_new_boolean(r->user->is_admin));
	json_object_object_add(o, "verified",
	    json_object_new_boolean(r->user->verified));
	if (r->user->csrf != NULL)
		json_object_object_add(o, "csrf_token",
		    json_object_new_string(r->user->csrf));
	l = json_object_new_object();
	json_object_object_add(l, "accepted",
	    json_object_new_boolean(r->user->legal_ok));
	json_object_object_add(l, "terms_version",
	    json_object_new_string(s->terms_version));
	json_object_object_add(l, "privacy_version",
	    json_object_new_string(s->privacy_version));
	json_object_object_add(l, "accept_url",
	    json_object_new_string("/legal/accept"));
	json_object_object_add(o, "legal", l);
	return o;
}

int
cz_account_password_ok(struct cz_request *r, const char *pw, size_t len)
{
	const char *v[HASH__N];
	PGresult *res;

	v[HASH_USER_ID] = uid_text(r, r->user->id);
	if ((res = cz_query(r, "user_hash", HASH__N, v)) == NULL ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res == NULL ?
		    cz_db_error(r->app->db) : "no such account");
		return -1;
	}
	return cz_password_verify(cz_db_text(res, 0, HASH_HASH), pw,
	    len) == 1;
}

int
cz_account_create(struct cz_request *r, const char *email, const char *pw,
    size_t len, enum cz_pw_policy *policy)
{
	char enc[CZ_PASSWORD_ENCODED_MAX];
	struct json_object *d;
	const char *v[INSERT__N];
	PGresult *res;
	long long id = 0;

	*policy = cz_password_check(pw, len, email, r->app->pwlist);
	if (*policy != CZ_PW_OK)
		return CZ_ACCOUNT_WEAK_PASSWORD;
	/* Hashed before knowing whether the address is taken: both paths
	 * cost the same. */
	if (hash_password(r, pw, len, enc, sizeof(enc)) == -1)
		return CZ_ACCOUNT_FAILED;
	v[INSERT_EMAIL] = email;
	v[INSERT_HASH] = enc;
	if ((res = cz_query(r, "user_insert", INSERT__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_ACCOUNT_UNAVAILABLE;
	}
	if (PQntuples(res) == 1 && cz_db_int(res, 0, INSERT_ID, 1, LLONG_MAX,
	    &id) == -1)
		id = 0;
	if (id == 0)
		existing_notice(r, email, "email/account_exists");
	d = json_object_new_object();
	json_object_object_add(d, "new_account",
	    json_object_new_boolean(id > 0));
	cz_audit(r, id, id > 0 ? "user.registered" : "register.existing", d);
	/* The confirmation link; a mail that cannot be queued now can be
	 * asked for again from the account page. */
	if (id > 0)
		cz_mail_link(r, id, email, CZ_LINK_VERIFY_EMAIL);
	return CZ_ACCOUNT_OK;
}

int
cz_account_login(struct cz_request *r, const char *email, const char *pw,
    size_t len, long long *id)
{
	char enc[CZ_PASSWORD_ENCODED_MAX];
	struct json_object *d;
	const char *v[BY_EMAIL__N], *hash, *reason;
	PGresult *res;
	long long uid = 0;
	int enabled = 0, ok = 0;

	*id = 0;
	v[BY_EMAIL_EMAIL] = email;
	if ((res = cz_query(r, "user_by_email", BY_EMAIL__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_ACCOUNT_UNAVAILABLE;
	}
	if (PQntuples(res) == 1) {
		if (cz_db_int(res, 0, BY_EMAIL_ID, 1, LLONG_MAX, &uid) == -1)
			uid = 0;
		enabled = cz_db_bool(res, 0, BY_EMAIL_ENABLED);
		hash = cz_db_text(res, 0, BY_EMAIL_HASH);
		ok = cz_password_verify(hash, pw, len) == 1;
		if (ok && cz_password_needs_rehash(hash, &r->app->argon2) &&
		    hash_password(r, pw, len, enc, sizeof(enc)) == 0)
			store_hash(r, "user_rehash", uid, enc);
	} else {
		cz_password_dummy_verify(&r->app->argon2, pw, len);
	}
	if (ok && enabled) {
		*id = uid;
		return CZ_ACCOUNT_OK;
	}
	reason = uid == 0 ? "unknown_account" : !ok ? "bad_password" :
	    "disabled";
	d = json_object_new_object();
	json_object_object_add(d, "reason", json_object_new_string(reason));
	cz_audit(r, uid, "login.failure", d);
	return CZ_ACCOUNT_DENIED;
}

int
cz_account_change_password(struct cz_request *r, const char *current,
    size_t current_len, const char *new_pw, size_t new_len,
    enum cz_pw_policy *policy)
{
	char enc[CZ_PASSWORD_ENCODED_MAX];
	int ok;

	*policy = CZ_PW_OK;
	if ((ok = cz_account_password_ok(r, current, current_len)) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	if (!ok) {
		cz_audit(r, r->user->id, "password.change_failed", NULL);
		return CZ_ACCOUNT_DENIED;
	}
	*policy = cz_password_check(new_pw, new_len, r->user->email,
	    r->app->pwlist);
	if (*policy != CZ_PW_OK)
		return CZ_ACCOUNT_WEAK_PASSWORD;
	if (hash_password(r, new_pw, new_len, enc, sizeof(enc)) == -1)
		return CZ_ACCOUNT_FAILED;
	if (store_hash(r, "user_set_password", r->user->id, enc) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	cz_audit(r, r->user->id, "password.changed", NULL);
	return CZ_ACCOUNT_OK;
}

int
cz_account_change_email(struct cz_request *r, const char *pw, size_t len,
    const char *email)
{
	struct json_object *d;
	int ok, taken;

	if (strcmp(email, r->user->email) == 0)
		return CZ_ACCOUNT_SAME_EMAIL;
	if ((ok = cz_account_password_ok(r, pw, len)) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	if (!ok) {
		cz_audit(r, r->user->id, "email.change_failed", NULL);
		return CZ_ACCOUNT_DENIED;
	}
	/* Only the newest address link counts: a confirmation link sent to
	 * the current address, or an earlier change, stops working now,
	 * whether or not the new address is free (so that an old link
	 * tells nothing about it either). */
	if (cz_mail_links_cancel(r, r->user->id, CZ_LINK_VERIFY_EMAIL) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	/* A taken address: its owner is told, the asker is answered as for
	 * a free one. A free one: the link that makes the change. */
	if ((taken = existing_notice(r, email, "email/address_taken")) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	if (!taken && cz_mail_link(r, r->user->id, email,
	    CZ_LINK_CHANGE_EMAIL) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	d = json_object_new_object();
	json_object_object_add(d, "address_taken",
	    json_object_new_boolean(taken));
	cz_audit(r, r->user->id, "email.change_requested", d);
	return CZ_ACCOUNT_OK;
}

int
cz_account_verify_email(struct cz_request *r, const char *token)
{
	struct cz_link l;
	const char *v[SET_EMAIL__N];
	enum cz_link_result lr;
	PGresult *res;

	if ((lr = cz_mail_link_use(r, token, CZ_LINK_VERIFY_EMAIL, &l)) !=
	    CZ_LINK_OK)
		return link_refused(lr);
	v[SET_EMAIL_USER_ID] = uid_text(r, l.user_id);
	if (l.purpose == CZ_LINK_CHANGE_EMAIL) {
		/* The new address is proven: the account moves to it (and
		 * 016's trigger cancels its other links). */
		v[SET_EMAIL_EMAIL] = l.email;
		if ((res = cz_query(r, "user_set_email", SET_EMAIL__N, v)) ==
		    NULL) {
			if (strcmp(r->db_sqlstate,
			    SQLSTATE_UNIQUE_VIOLATION) == 0)
				return CZ_ACCOUNT_EMAIL_TAKEN;
			cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
			    cz_db_error(r->app->db));
			return CZ_ACCOUNT_UNAVAILABLE;
		}
		if (PQntuples(res) != 1)
			return CZ_ACCOUNT_BAD_LINK;	/* deleted meanwhile */
		cz_audit(r, l.user_id, "email.changed", NULL);
		/* The old address hears of it: if the change was not its
		 * owner's doing, that is how they learn. */
		cz_mail_notice(r, l.user_id, cz_db_text(res, 0, SET_EMAIL_OLD),
		    "email/address_changed", "/login");
	} else {
		if ((res = cz_query(r, "user_verified", VERIFIED__N, v)) ==
		    NULL) {
			cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
			    cz_db_error(r->app->db));
			return CZ_ACCOUNT_UNAVAILABLE;
		}
		cz_audit(r, l.user_id, "email.verified", NULL);
	}
	if (r->user != NULL && r->user->id == l.user_id) {
		r->user->verified = 1;
		r->user->email = l.email;
	}
	return CZ_ACCOUNT_OK;
}

int
cz_account_reset_request(struct cz_request *r, const char *email)
{
	const char *v[RESET_USER__N];
	PGresult *res;
	long long id = 0;

	v[RESET_USER_EMAIL] = email;
	if ((res = cz_query(r, "reset_user", RESET_USER__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_ACCOUNT_UNAVAILABLE;
	}
	if (PQntuples(res) == 1 && cz_db_int(res, 0, RESET_USER_ID, 1,
	    LLONG_MAX, &id) == -1)
		id = 0;
	if (id > 0) {
		if (cz_mail_link(r, id, email, CZ_LINK_RESET_PASSWORD) == -1)
			return CZ_ACCOUNT_UNAVAILABLE;
		cz_audit(r, id, "password.reset_requested", NULL);
	} else {
		/* The work of the known path, so timing tells little. */
		cz_mail_link_decoy(r, CZ_LINK_RESET_PASSWORD);
		cz_audit(r, 0, "password.reset_unknown", NULL);
	}
	return CZ_ACCOUNT_OK;
}

int
cz_account_reset_password(struct cz_request *r, const char *token,
    const char *pw, size_t len, enum cz_pw_policy *policy, long long *id)
{
	char enc[CZ_PASSWORD_ENCODED_MAX];
	enum cz_link_result lr;
	struct cz_link l;
	long long uid;

	*id = 0;
	/* No address rule: the link proves the address, and the account's
	 * address is not loaded yet. */
	*policy = cz_password_check(pw, len, NULL, r->app->pwlist);
	if (*policy != CZ_PW_OK)
		return CZ_ACCOUNT_WEAK_PASSWORD;
	/* Using the link cancels the account's other reset links; the new
	 * password then cancels every other link (016's trigger). */
	if ((lr = cz_mail_link_use(r, token, CZ_LINK_RESET_PASSWORD, &l)) !=
	    CZ_LINK_OK)
		return link_refused(lr);
	uid = l.user_id;
	if (hash_password(r, pw, len, enc, sizeof(enc)) == -1)
		return CZ_ACCOUNT_FAILED;
	if (store_hash(r, "user_set_password", uid, enc) == -1)
		return CZ_ACCOUNT_UNAVAILABLE;
	cz_audit(r, uid, "password.reset", NULL);
	*id = uid;
	return CZ_ACCOUNT_OK;
}
