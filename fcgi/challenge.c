/*
 * challenge.c - proof-of-work challenges in the responder. See
 * challenge.h; the format is lib/pow.h's.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "challenge.h"
#include "log.h"
#include "query.h"
#include "ratelimit.h"
#include "request.h"
#include "token.h"
#include "validate.h"

/*
 * The key, and whether the form's limit is reached in its current window
 * for this key (mine) and for any key (anywhere): the difficulty rule of
 * docs/operations.md. The window is rate_limit_hit's (sql/006).
 */
#define SQL_POW_ISSUE \
	"WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / " \
	"$4::integer) * $4::integer) AS ws) " \
	"SELECT k.key, " \
	"EXISTS (SELECT FROM rate_limits, w WHERE scope = $1 AND key = $2 " \
	"AND window_start = w.ws AND hits >= $3::integer) AS mine, " \
	"EXISTS (SELECT FROM rate_limits, w WHERE scope = $1 " \
	"AND window_start = w.ws AND hits >= $3::integer) AS anywhere " \
	"FROM pow_key k WHERE k.id = 1"
#define SQL_POW_KEY "SELECT key FROM pow_key WHERE id = 1"
/* Records a used nonce until its challenge expires; no row back: used
 * already. Expired rows go first, so the table stays small. */
#define SQL_POW_USE \
	"WITH gone AS (DELETE FROM pow_used WHERE expires_at < now()) " \
	"INSERT INTO pow_used (nonce_hash, expires_at) " \
	"VALUES ($1, to_timestamp($2::bigint)) " \
	"ON CONFLICT (nonce_hash) DO NOTHING RETURNING 1"

enum { ISSUE_SCOPE, ISSUE_KEY, ISSUE_LIMIT, ISSUE_WINDOW, ISSUE__N };
enum { ISSUE_COL_KEY, ISSUE_COL_MINE, ISSUE_COL_ANYWHERE };
enum { KEY_COL_KEY };
enum { USE_HASH, USE_EXPIRES, USE__N };

/* The answer's fields: bounded, optional. */
static const struct cz_field answer_fields[] = {
	{ CZ_CHALLENGE_FIELD, CZ_F_STRING, 0, 0, CZ_POW_CHALLENGE_MAX, NULL },
	{ CZ_SOLUTION_FIELD, CZ_F_STRING, 0, 0, CZ_POW_SOLUTION_MAX, NULL },
};

int
cz_challenge_register(struct cz_db *db)
{
	if (cz_db_register(db, "pow_issue", SQL_POW_ISSUE, ISSUE__N, 1) == -1 ||
	    cz_db_register(db, "pow_key", SQL_POW_KEY, 0, 1) == -1 ||
	    cz_db_register(db, "pow_use", SQL_POW_USE, USE__N, 0) == -1)
		return -1;
	return 0;
}

/* The limit whose pressure raises purpose's difficulty, and its key. */
static void
pressure(struct cz_request *r, enum cz_pow_purpose purpose, long long account,
    struct cz_ratelimit *rl, char *key, size_t keylen)
{
	const char *addr = cz_client_addr(r);

	switch (purpose) {
	case CZ_POW_RESEND:
		cz_ratelimit_mail(&r->app->settings, CZ_RL_MAIL_ACCOUNT, rl);
		snprintf(key, keylen, "%lld", account);
		return;
	case CZ_POW_RESET:
		*rl = *cz_ratelimit_get(CZ_RL_RESET_ADDRESS);
		break;
	default:
		*rl = *cz_ratelimit_get(CZ_RL_REGISTER_ADDRESS);
		break;
	}
	/* As cz_limit_hit counts it. */
	if (addr == NULL || *addr == '\0' ||
	    strlen(addr) > CZ_RATELIMIT_KEY_MAX)
		addr = "unknown";
	snprintf(key, keylen, "%s", addr);
}

int
cz_challenge_issue(struct cz_request *r, enum cz_pow_purpose purpose,
    long long account, char out[CZ_POW_CHALLENGE_MAX + 1], int *bits)
{
	const struct cz_settings *s = &r->app->settings;
	struct cz_ratelimit rl;
	char key[CZ_RATELIMIT_KEY_MAX + 1], lim[16], win[16];
	const char *v[ISSUE__N], *k;
	PGresult *res;
	long long b;

	out[0] = '\0';
	*bits = 0;
	if (s->pow_difficulty <= 0)
		return 0;
	pressure(r, purpose, account, &rl, key, sizeof(key));
	snprintf(lim, sizeof(lim), "%d", rl.limit);
	snprintf(win, sizeof(win), "%d", rl.window);
	v[ISSUE_SCOPE] = rl.scope;
	v[ISSUE_KEY] = key;
	v[ISSUE_LIMIT] = lim;
	v[ISSUE_WINDOW] = win;
	if ((res = cz_query(r, "pow_issue", ISSUE__N, v)) == NULL ||
	    PQntuples(res) != 1 ||
	    (k = cz_db_text(res, 0, ISSUE_COL_KEY)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res == NULL ?
		    cz_db_error(r->app->db) : "no key (migration 021)");
		return -1;
	}
	b = s->pow_difficulty;
	if (cz_db_bool(res, 0, ISSUE_COL_MINE))
		b += s->pow_difficulty_step;
	if (cz_db_bool(res, 0, ISSUE_COL_ANYWHERE))
		b += s->pow_difficulty_step;
	if (b > s->pow_difficulty_max)
		b = s->pow_difficulty_max < s->pow_difficulty ?
		    s->pow_difficulty : s->pow_difficulty_max;
	if (cz_pow_issue(k, strlen(k), purpose, (int)b, (long long)time(NULL),
	    out) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: no challenge could be made",
		    __func__);
		return -1;
	}
	*bits = (int)b;
	return 1;
}

void
cz_challenge_ctx(struct cz_request *r, struct json_object *ctx,
    enum cz_pow_purpose purpose, long long account)
{
	char chal[CZ_POW_CHALLENGE_MAX + 1];
	struct json_object *o;
	int bits;

	if (ctx == NULL ||
	    cz_challenge_issue(r, purpose, account, chal, &bits) != 1)
		return;
	o = json_object_new_object();
	json_object_object_add(o, "challenge", json_object_new_string(chal));
	json_object_object_add(o, "bits", json_object_new_int(bits));
	json_object_object_add(o, "purpose", json_object_new_string(
	    cz_pow_purpose_name(purpose)));
	json_object_object_add(ctx, "pow", o);
}

/* Audits a refused answer. */
static int
refused(struct cz_request *r, long long account, enum cz_pow_purpose purpose,
    enum cz_pow_result rc)
{
	struct json_object *d = json_object_new_object();

	json_object_object_add(d, "purpose", json_object_new_string(
	    cz_pow_purpose_name(purpose)));
	json_object_object_add(d, "reason", json_object_new_string(
	    cz_pow_result_name(rc)));
	cz_audit(r, account, "pow.refused", d);
	return rc;
}

int
cz_challenge_check(struct cz_request *r, enum cz_pow_purpose purpose,
    long long account)
{
	struct cz_value v[2];
	struct json_object *errors;
	struct cz_pow_challenge c;
	const char *uv[USE__N], *k;
	char hash[CZ_SHA256_HEX + 1], exp[24];
	enum cz_pow_result rc;
	PGresult *res;

	if (cz_req_input(r, answer_fields, 2, v, &errors) == -1)
		return errors == NULL ? -1 : refused(r, account, purpose,
		    CZ_POW_MALFORMED);
	/* No answer (no JavaScript, or a client that does not solve): the
	 * rate limits alone apply. A challenge alone is the no-JS form. */
	if (!v[1].present || v[1].len == 0)
		return CZ_POW_OK;
	if (!v[0].present || v[0].len == 0)
		return refused(r, account, purpose, CZ_POW_MALFORMED);
	if ((res = cz_query(r, "pow_key", 0, NULL)) == NULL ||
	    PQntuples(res) != 1 || (k = cz_db_text(res, 0, KEY_COL_KEY)) ==
	    NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, res == NULL ?
		    cz_db_error(r->app->db) : "no key (migration 021)");
		return -1;
	}
	rc = cz_pow_verify(k, strlen(k), v[0].s, v[0].len, v[1].s, v[1].len,
	    purpose, (long long)time(NULL), r->app->settings.pow_lifetime, &c);
	if (rc != CZ_POW_OK)
		return refused(r, account, purpose, rc);
	/* Single use: the nonce is recorded until the challenge expires. */
	if (cz_sha256_hex(c.nonce, strlen(c.nonce), hash) == -1)
		return -1;
	snprintf(exp, sizeof(exp), "%lld", c.issued +
	    r->app->settings.pow_lifetime + 60);
	uv[USE_HASH] = hash;
	uv[USE_EXPIRES] = exp;
	if ((res = cz_query(r, "pow_use", USE__N, uv)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return -1;
	}
	if (PQntuples(res) != 1)
		return refused(r, account, purpose, CZ_POW_REUSED);
	return CZ_POW_OK;
}
