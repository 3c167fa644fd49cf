/*
 * mail_links.c - one-time links and notices by mail: the token and its
 * mail written in one statement, a token used once, and the decoy work
 * for addresses without an account. See mail_links.h.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "log.h"
#include "mail.h"
#include "mail_links.h"
#include "query.h"
#include "request.h"
#include "token.h"

/* The token, bound to the address it is mailed to ($5), and its mail. */
#define SQL_TOKEN_MAIL \
	"WITH t AS (INSERT INTO user_tokens (token_hash, user_id, purpose, " \
	"expires_at, email) VALUES ($1, $2::bigint, $3, now() + " \
	"make_interval(secs => $4::integer), $5) RETURNING user_id) INSERT " \
	"INTO mail_outbox (recipient, subject, body, user_id) SELECT $5, $6, " \
	"$7, user_id FROM t RETURNING id"
/*
 * Uses a token once: returns its account, purpose and address when it was
 * live. Live: unused, not cancelled, unexpired, its account not deleted,
 * and (but for a change_email link, whose address is the new one) still
 * sent to the account's address. The other links of the same purpose are
 * cancelled in the same statement: using one reset link ends the others.
 */
#define SQL_TOKEN_USE \
	"WITH used AS (UPDATE user_tokens t SET used_at = now() FROM users u " \
	"WHERE t.token_hash = $1 AND t.purpose = ANY ($2::text[]) AND " \
	"t.used_at IS NULL AND t.cancelled_at IS NULL AND t.expires_at > " \
	"now() AND u.id = t.user_id AND u.deleted_at IS NULL AND t.email IS " \
	"NOT NULL AND (t.purpose = 'change_email' OR t.email = u.email) " \
	"RETURNING t.id, t.user_id, " \
	"t.purpose, t.email), others AS (UPDATE user_tokens o SET " \
	"cancelled_at = now() FROM used WHERE o.user_id = used.user_id AND " \
	"o.purpose = used.purpose AND o.id <> used.id AND o.used_at IS NULL " \
	"AND o.cancelled_at IS NULL) SELECT user_id, purpose, email FROM used"
/* Why a token could not be used (no row: unknown). A token without an
 * address (from before 016) is cancelled, not "another address". */
#define SQL_TOKEN_WHY \
	"SELECT t.used_at IS NOT NULL, t.purpose <> 'change_email' AND " \
	"t.email <> u.email, t.cancelled_at IS NOT NULL FROM " \
	"user_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = " \
	"$1 AND t.purpose = ANY ($2::text[])"
#define SQL_TOKEN_CANCEL \
	"UPDATE user_tokens SET cancelled_at = now() WHERE user_id = " \
	"$1::bigint AND purpose = ANY ($2::text[]) AND used_at IS NULL AND " \
	"cancelled_at IS NULL"
#define SQL_MAIL_QUEUE \
	"INSERT INTO mail_outbox (recipient, subject, body, user_id) VALUES " \
	"($1, $2, $3, $4::bigint) RETURNING id"

/* Parameters and columns of each statement. */
enum { TOKEN_MAIL_HASH, TOKEN_MAIL_USER_ID, TOKEN_MAIL_PURPOSE,
    TOKEN_MAIL_LIFETIME, TOKEN_MAIL_TO, TOKEN_MAIL_SUBJECT, TOKEN_MAIL_BODY,
    TOKEN_MAIL__N };
enum { TOKEN_MAIL_ID };
/* token_use and token_why */
enum { TOKEN_USE_HASH, TOKEN_USE_PURPOSES, TOKEN_USE__N };
enum { TOKEN_USE_USER_ID, TOKEN_USE_PURPOSE, TOKEN_USE_EMAIL };
enum { TOKEN_WHY_USED, TOKEN_WHY_OTHER_ADDRESS, TOKEN_WHY_CANCELLED };
enum { TOKEN_CANCEL_USER_ID, TOKEN_CANCEL_PURPOSES, TOKEN_CANCEL__N };
enum { QUEUE_TO, QUEUE_SUBJECT, QUEUE_BODY, QUEUE_USER_ID, QUEUE__N };
enum { QUEUE_ID };

/* Each purpose: its name in user_tokens, the page its link opens, its
 * mail template, and the purposes its page accepts (a PostgreSQL array):
 * the confirmation page takes both kinds of address link. */
static const struct purpose {
	const char	*name;
	const char	*page;
	const char	*template;
	const char	*accepts;
} purposes[] = {
	[CZ_LINK_VERIFY_EMAIL] = { "verify_email", "verify-email",
	    "email/verification", "{verify_email,change_email}" },
	[CZ_LINK_RESET_PASSWORD] = { "reset_password",
	    "password-reset/confirm", "email/password_reset",
	    "{reset_password}" },
	[CZ_LINK_CHANGE_EMAIL] = { "change_email", "verify-email",
	    "email/change_email", "{verify_email,change_email}" },
};

int
cz_tokens_register(struct cz_db *db)
{
	if (cz_db_register(db, "token_mail", SQL_TOKEN_MAIL, TOKEN_MAIL__N,
	    0) == -1 ||
	    cz_db_register(db, "token_use", SQL_TOKEN_USE, TOKEN_USE__N,
	    0) == -1 ||
	    cz_db_register(db, "token_why", SQL_TOKEN_WHY, TOKEN_USE__N,
	    1) == -1 ||
	    cz_db_register(db, "token_cancel", SQL_TOKEN_CANCEL,
	    TOKEN_CANCEL__N, 0) == -1 ||
	    cz_db_register(db, "mail_queue", SQL_MAIL_QUEUE, QUEUE__N,
	    0) == -1)
		return -1;
	return 0;
}

/* How long a token of purpose p lives, in seconds. */
static long long
lifetime(const struct cz_settings *s, enum cz_link_purpose p)
{
	return p == CZ_LINK_RESET_PASSWORD ? s->reset_token_lifetime :
	    s->verify_token_lifetime;
}

int
cz_mail_link(struct cz_request *r, long long user_id, const char *to,
    enum cz_link_purpose purpose)
{
	const struct cz_settings *s = &r->app->settings;
	const struct purpose *p = &purposes[purpose];
	char tok[CZ_TOKEN_LEN + 1], hash[CZ_SHA256_HEX + 1], err[256];
	struct json_object *data = NULL;
	const char *v[TOKEN_MAIL__N], *link;
	cz_buf subj, body;
	PGresult *res;
	int rc = -1;

	cz_buf_init(&subj, CZ_MAIL_SUBJECT_MAX * 4);
	cz_buf_init(&body, CZ_MAIL_BODY_MAX);
	if (cz_token_new(tok) == -1 || cz_sha256_hex(tok, strlen(tok),
	    hash) == -1)
		goto err;
	link = cz_arena_printf(r->arena, "%s%s/%s?token=%s", s->base_url,
	    s->base_path, p->page, tok);
	if (link == NULL || (data = cz_mail_data(s, link)) == NULL)
		goto err;
	if (cz_mail_render(r->app->templates, p->template, data, &subj, &body,
	    err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		goto err;
	}
	v[TOKEN_MAIL_HASH] = hash;
	v[TOKEN_MAIL_USER_ID] = cz_arena_printf(r->arena, "%lld", user_id);
	v[TOKEN_MAIL_PURPOSE] = p->name;
	v[TOKEN_MAIL_LIFETIME] = cz_arena_printf(r->arena, "%lld",
	    lifetime(s, purpose));
	v[TOKEN_MAIL_TO] = to;
	v[TOKEN_MAIL_SUBJECT] = subj.data;
	v[TOKEN_MAIL_BODY] = body.data;
	if ((res = cz_query(r, "token_mail", TOKEN_MAIL__N, v)) == NULL ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res == NULL ?
		    cz_db_error(r->app->db) : "no row");
		goto err;
	}
	cz_log(CZ_LOG_INFO, "queued %s mail %s for account %lld", p->name,
	    cz_db_text(res, 0, TOKEN_MAIL_ID), user_id);
	rc = 0;
err:
	explicit_bzero(tok, sizeof(tok));
	json_object_put(data);
	if (body.data != NULL)
		explicit_bzero(body.data, body.len);
	cz_buf_free(&subj);
	cz_buf_free(&body);
	return rc;
}

/* Why token (its digest hash) of a page's purposes could not be used. */
static enum cz_link_result
why(struct cz_request *r, const char *const *v)
{
	PGresult *res;

	if ((res = cz_query(r, "token_why", TOKEN_USE__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_LINK_ERROR;
	}
	if (PQntuples(res) != 1 || cz_db_bool(res, 0, TOKEN_WHY_USED))
		return CZ_LINK_BAD;
	if (cz_db_bool(res, 0, TOKEN_WHY_OTHER_ADDRESS))
		return CZ_LINK_OTHER_ADDRESS;
	if (cz_db_bool(res, 0, TOKEN_WHY_CANCELLED))
		return CZ_LINK_CANCELLED;
	return CZ_LINK_BAD;	/* expired, or its account deleted */
}

enum cz_link_result
cz_mail_link_use(struct cz_request *r, const char *token,
    enum cz_link_purpose purpose, struct cz_link *out)
{
	char hash[CZ_SHA256_HEX + 1];
	const char *v[TOKEN_USE__N], *name;
	PGresult *res;

	memset(out, 0, sizeof(*out));
	if (token == NULL || !cz_token_valid(token, strlen(token)))
		return CZ_LINK_BAD;
	if (cz_sha256_hex(token, strlen(token), hash) == -1)
		return CZ_LINK_ERROR;
	v[TOKEN_USE_HASH] = hash;
	v[TOKEN_USE_PURPOSES] = purposes[purpose].accepts;
	if ((res = cz_query(r, "token_use", TOKEN_USE__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return CZ_LINK_ERROR;
	}
	if (PQntuples(res) != 1)
		return why(r, v);
	if (cz_db_int(res, 0, TOKEN_USE_USER_ID, 1, LLONG_MAX,
	    &out->user_id) == -1)
		return CZ_LINK_BAD;
	name = cz_db_text(res, 0, TOKEN_USE_PURPOSE);
	out->purpose = strcmp(name, "change_email") == 0 ?
	    CZ_LINK_CHANGE_EMAIL : strcmp(name, "reset_password") == 0 ?
	    CZ_LINK_RESET_PASSWORD : CZ_LINK_VERIFY_EMAIL;
	out->email = cz_db_text(res, 0, TOKEN_USE_EMAIL);
	return CZ_LINK_OK;
}

int
cz_mail_links_cancel(struct cz_request *r, long long user_id,
    enum cz_link_purpose purpose)
{
	const char *v[TOKEN_CANCEL__N];

	v[TOKEN_CANCEL_USER_ID] = cz_arena_printf(r->arena, "%lld", user_id);
	v[TOKEN_CANCEL_PURPOSES] = purposes[purpose].accepts;
	if (cz_query(r, "token_cancel", TOKEN_CANCEL__N, v) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return -1;
	}
	return 0;
}

void
cz_mail_link_decoy(struct cz_request *r, enum cz_link_purpose purpose)
{
	char tok[CZ_TOKEN_LEN + 1], hash[CZ_SHA256_HEX + 1], err[256];
	struct json_object *data;
	cz_buf subj, body;

	cz_buf_init(&subj, CZ_MAIL_SUBJECT_MAX * 4);
	cz_buf_init(&body, CZ_MAIL_BODY_MAX);
	if (cz_token_new(tok) == 0 && cz_sha256_hex(tok, strlen(tok),
	    hash) == 0 && (data = cz_mail_data(&r->app->settings,
	    tok)) != NULL) {
		(void)cz_mail_render(r->app->templates,
		    purposes[purpose].template, data, &subj, &body, err,
		    sizeof(err));
		json_object_put(data);
	}
	explicit_bzero(tok, sizeof(tok));
	cz_buf_free(&subj);
	cz_buf_free(&body);
}

int
cz_mail_notice(struct cz_request *r, long long user_id, const char *to,
    const char *template, const char *path)
{
	const struct cz_settings *s = &r->app->settings;
	struct json_object *data = NULL;
	const char *v[QUEUE__N], *link;
	cz_buf subj, body;
	PGresult *res;
	char err[256];
	int rc = -1;

	cz_buf_init(&subj, CZ_MAIL_SUBJECT_MAX * 4);
	cz_buf_init(&body, CZ_MAIL_BODY_MAX);
	link = cz_arena_printf(r->arena, "%s%s%s", s->base_url, s->base_path,
	    path);
	if (link == NULL || (data = cz_mail_data(s, link)) == NULL)
		goto err;
	if (cz_mail_render(r->app->templates, template, data, &subj, &body,
	    err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		goto err;
	}
	v[QUEUE_TO] = to;
	v[QUEUE_SUBJECT] = subj.data;
	v[QUEUE_BODY] = body.data;
	v[QUEUE_USER_ID] = cz_arena_printf(r->arena, "%lld", user_id);
	if ((res = cz_query(r, "mail_queue", QUEUE__N, v)) == NULL ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res == NULL ?
		    cz_db_error(r->app->db) : "no row");
		goto err;
	}
	cz_log(CZ_LOG_INFO, "queued %s mail %s for account %lld", template,
	    cz_db_text(res, 0, QUEUE_ID), user_id);
	rc = 0;
err:
	json_object_put(data);
	cz_buf_free(&subj);
	cz_buf_free(&body);
	return rc;
}
