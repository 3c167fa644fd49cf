/*
 * throttle.c - rate limits and quotas in the responder. See throttle.h.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "throttle.h"
#include "log.h"
#include "query.h"
#include "ratelimit.h"
#include "request.h"
#include "response.h"
#include "token.h"

#define SQL_RL_HIT \
	"SELECT over_limit, retry_after FROM rate_limit_hit($1, $2, " \
	"$3::integer, $4::integer, $5::boolean)"
#define SQL_RL_CLEAR "SELECT rate_limit_clear($1, $2)"
#define SQL_RL_REFUND "SELECT rate_limit_refund($1, $2, $3::integer)"

/* Parameters and columns of rl_hit; parameters of rl_clear, rl_refund. */
enum { HIT_SCOPE, HIT_KEY, HIT_LIMIT, HIT_WINDOW, HIT_LOCKOUT, HIT__N };
enum { HIT_OVER_LIMIT, HIT_RETRY_AFTER };
enum { CLEAR_SCOPE, CLEAR_KEY, CLEAR__N };
enum { REFUND_SCOPE, REFUND_KEY, REFUND_WINDOW, REFUND__N };

int
cz_limits_register(struct cz_db *db)
{
	if (cz_db_register(db, "rl_hit", SQL_RL_HIT, HIT__N, 0) == -1 ||
	    cz_db_register(db, "rl_clear", SQL_RL_CLEAR, CLEAR__N, 1) == -1 ||
	    cz_db_register(db, "rl_refund", SQL_RL_REFUND, REFUND__N,
	    0) == -1)
		return -1;
	return 0;
}

int
cz_limit_hit(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key, int *retry_after)
{
	char lim[16], win[16];
	const char *v[HIT__N];
	PGresult *res;
	long long wait;

	*retry_after = 0;
	if (key == NULL || *key == '\0' || strlen(key) > CZ_RATELIMIT_KEY_MAX)
		key = "unknown";
	snprintf(lim, sizeof(lim), "%d", rl->limit);
	snprintf(win, sizeof(win), "%d", rl->window);
	v[HIT_SCOPE] = rl->scope;
	v[HIT_KEY] = key;
	v[HIT_LIMIT] = lim;
	v[HIT_WINDOW] = win;
	v[HIT_LOCKOUT] = rl->lockout ? "true" : "false";
	if ((res = cz_query(r, "rl_hit", HIT__N, v)) == NULL ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s: %s", __func__, rl->scope,
		    res == NULL ? cz_db_error(r->app->db) : "no row");
		return -1;
	}
	if (!cz_db_bool(res, 0, HIT_OVER_LIMIT))
		return 0;
	if (cz_db_int(res, 0, HIT_RETRY_AFTER, 1, INT_MAX, &wait) == -1)
		wait = 1;
	*retry_after = (int)wait;
	return 1;
}

/* Runs the rate-limit statement name, whose answer is not needed; a
 * failure is logged under rl's scope. */
static void
limit_exec(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *name, int n, const char *const *v)
{
	if (cz_query(r, name, n, v) == NULL)
		cz_log(CZ_LOG_ERROR, "%s: %s: %s", name, rl->scope,
		    cz_db_error(r->app->db));
}

void
cz_limit_clear(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key)
{
	const char *v[CLEAR__N];

	v[CLEAR_SCOPE] = rl->scope;
	v[CLEAR_KEY] = key;
	limit_exec(r, rl, "rl_clear", CLEAR__N, v);
}

void
cz_limit_refund(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key)
{
	char win[16];
	const char *v[REFUND__N];

	if (key == NULL || *key == '\0' || strlen(key) > CZ_RATELIMIT_KEY_MAX)
		key = "unknown";	/* as cz_limit_hit counted it */
	snprintf(win, sizeof(win), "%d", rl->window);
	v[REFUND_SCOPE] = rl->scope;
	v[REFUND_KEY] = key;
	v[REFUND_WINDOW] = win;
	limit_exec(r, rl, "rl_refund", REFUND__N, v);
}

int
cz_limit_refuse(struct cz_request *r, long long account, const char *scope,
    int retry_after, const char *message)
{
	struct json_object *d = json_object_new_object();

	json_object_object_add(d, "scope", json_object_new_string(scope));
	json_object_object_add(d, "retry_after",
	    json_object_new_int(retry_after));
	cz_audit(r, account, "rate_limit.hit", d);
	cz_resp_header(r, "Retry-After", "%d", retry_after);
	r->error_message = message;
	cz_resp_error(r, 429, message);
	return 0;
}

int
cz_limit_mail(struct cz_request *r, long long account, const char *to,
    const char *message)
{
	const struct cz_settings *s = &r->app->settings;
	struct cz_ratelimit rl;
	char id[24], key[CZ_SHA256_HEX + 1];
	int rc = 0, wait = 0;

	if (account > 0) {
		cz_ratelimit_mail(s, CZ_RL_MAIL_ACCOUNT, &rl);
		snprintf(id, sizeof(id), "%lld", account);
		rc = cz_limit_hit(r, &rl, id, &wait);
	}
	if (rc == 0 && to != NULL) {
		/* The address's digest: the counters hold no address. */
		if (cz_ratelimit_email_key(to, key) == -1)
			return 500;
		cz_ratelimit_mail(s, CZ_RL_MAIL_RECIPIENT, &rl);
		rc = cz_limit_hit(r, &rl, key, &wait);
	}
	if (rc == -1)
		return 503;
	if (rc == 1)
		return cz_limit_refuse(r, account, rl.scope, wait, message);
	return CZ_NEXT;
}
