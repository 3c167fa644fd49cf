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

#define SQL_TOKEN_MAIL \
	"WITH t AS (INSERT INTO user_tokens (token_hash, user_id, purpose, " \
	"expires_at) VALUES ($1, $2::bigint, $3, now() + make_interval(secs " \
	"=> $4::integer)) RETURNING user_id) INSERT INTO mail_outbox " \
	"(recipient, subject, body, user_id) SELECT $5, $6, $7, user_id FROM " \
	"t RETURNING id"
/* Uses a token once: returns its account when it was live. */
#define SQL_TOKEN_USE \
	"UPDATE user_tokens SET used_at = now() WHERE token_hash = $1 AND " \
	"purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING " \
	"user_id"
#define SQL_MAIL_QUEUE \
	"INSERT INTO mail_outbox (recipient, subject, body, user_id) VALUES " \
	"($1, $2, $3, $4::bigint) RETURNING id"

/* Parameters and columns of token_mail, token_use and mail_queue. */
enum { TOKEN_MAIL_HASH, TOKEN_MAIL_USER_ID, TOKEN_MAIL_PURPOSE,
    TOKEN_MAIL_LIFETIME, TOKEN_MAIL_TO, TOKEN_MAIL_SUBJECT, TOKEN_MAIL_BODY,
    TOKEN_MAIL__N };
enum { TOKEN_MAIL_ID };
enum { TOKEN_USE_HASH, TOKEN_USE_PURPOSE, TOKEN_USE__N };
enum { TOKEN_USE_USER_ID };
enum { QUEUE_TO, QUEUE_SUBJECT, QUEUE_BODY, QUEUE_USER_ID, QUEUE__N };
enum { QUEUE_ID };

/* Each purpose: its name in user_tokens, the page its link opens and its
 * mail template. */
static const struct purpose {
	const char	*name;
	const char	*page;
	const char	*template;
} purposes[] = {
	[CZ_LINK_VERIFY_EMAIL] = { "verify_email", "verify-email",
	    "email/verification" },
	[CZ_LINK_RESET_PASSWORD] = { "reset_password",
	    "password-reset/confirm", "email/password_reset" },
};

int
cz_tokens_register(struct cz_db *db)
{
	if (cz_db_register(db, "token_mail", SQL_TOKEN_MAIL, TOKEN_MAIL__N,
	    0) == -1 ||
	    cz_db_register(db, "token_use", SQL_TOKEN_USE, TOKEN_USE__N,
	    0) == -1 ||
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
	link = cz_arena_printf(r->arena, "%s/%s?token=%s", s->base_url,
	    p->page, tok);
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

long long
cz_mail_link_use(struct cz_request *r, const char *token,
    enum cz_link_purpose purpose)
{
	char hash[CZ_SHA256_HEX + 1];
	const char *v[TOKEN_USE__N];
	PGresult *res;
	long long id = 0;

	if (token == NULL || !cz_token_valid(token, strlen(token)))
		return 0;
	if (cz_sha256_hex(token, strlen(token), hash) == -1)
		return -1;
	v[TOKEN_USE_HASH] = hash;
	v[TOKEN_USE_PURPOSE] = purposes[purpose].name;
	if ((res = cz_query(r, "token_use", TOKEN_USE__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return -1;
	}
	if (PQntuples(res) == 1 && cz_db_int(res, 0, TOKEN_USE_USER_ID, 1,
	    LLONG_MAX, &id) == -1)
		id = 0;
	return id;
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
	link = cz_arena_printf(r->arena, "%s%s", s->base_url, path);
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
