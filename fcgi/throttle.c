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
#include "numparse.h"
#include "ratelimit.h"
#include "response.h"

#define SQL_RL_HIT \
	"SELECT over_limit, retry_after FROM rate_limit_hit($1, $2, " \
	"$3::integer, $4::integer, $5::boolean)"
#define SQL_RL_CLEAR "SELECT rate_limit_clear($1, $2)"
#define SQL_RL_REFUND "SELECT rate_limit_refund($1, $2, $3::integer)"

int
cz_limits_register(struct cz_db *db)
{
	if (cz_db_register(db, "rl_hit", SQL_RL_HIT, 5, 0) == -1 ||
	    cz_db_register(db, "rl_clear", SQL_RL_CLEAR, 2, 1) == -1 ||
	    cz_db_register(db, "rl_refund", SQL_RL_REFUND, 3, 0) == -1)
		return -1;
	return 0;
}

int
cz_limit_hit(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key, int *retry_after)
{
	char lim[16], win[16];
	const char *v[5], *errstr;
	PGresult *res;
	long long wait;
	int rc = -1;

	*retry_after = 0;
	if (key == NULL || *key == '\0' || strlen(key) > CZ_RATELIMIT_KEY_MAX)
		key = "unknown";
	snprintf(lim, sizeof(lim), "%d", rl->limit);
	snprintf(win, sizeof(win), "%d", rl->window);
	v[0] = rl->scope;
	v[1] = key;
	v[2] = lim;
	v[3] = win;
	v[4] = rl->lockout ? "true" : "false";
	res = cz_db_exec(r->app->db, "rl_hit", 5, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: %s: %s", __func__, rl->scope,
		    res != NULL ? PQresultErrorMessage(res) :
		    cz_db_error(r->app->db));
		goto err;
	}
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		rc = 0;
		goto err;
	}
	wait = cz_strtonum(PQgetvalue(res, 0, 1), 1, INT_MAX, &errstr);
	*retry_after = errstr != NULL ? 1 : (int)wait;
	rc = 1;
err:
	PQclear(res);
	return rc;
}

/* Runs the rate-limit statement name, whose answer is not needed; a
 * failure is logged under rl's scope. */
static void
limit_exec(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *name, int n, const char *const *v)
{
	PGresult *res;

	res = cz_db_exec(r->app->db, name, n, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
		cz_log(CZ_LOG_ERROR, "%s: %s: %s", name, rl->scope,
		    res != NULL ? PQresultErrorMessage(res) :
		    cz_db_error(r->app->db));
	PQclear(res);
}

void
cz_limit_clear(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key)
{
	const char *v[2] = { rl->scope, key };

	limit_exec(r, rl, "rl_clear", 2, v);
}

void
cz_limit_refund(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key)
{
	char win[16];
	const char *v[3];

	if (key == NULL || *key == '\0' || strlen(key) > CZ_RATELIMIT_KEY_MAX)
		key = "unknown";	/* as cz_limit_hit counted it */
	snprintf(win, sizeof(win), "%d", rl->window);
	v[0] = rl->scope;
	v[1] = key;
	v[2] = win;
	limit_exec(r, rl, "rl_refund", 3, v);
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
