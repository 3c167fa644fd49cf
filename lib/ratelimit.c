/*
 * ratelimit.c - the named limits, their calls of rate_limit_hit and
 * rate_limit_clear, and the per-tier quotas.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "numparse.h"
#include "ratelimit.h"
#include "settings.h"

static const struct cz_ratelimit limits[CZ_RL__MAX] = {
	[CZ_RL_LOGIN_ADDRESS] =		{ "login.address", 5, 60, 1 },
	[CZ_RL_LOGIN_ACCOUNT] =		{ "login.account", 5, 60, 1 },
	[CZ_RL_REGISTER_ADDRESS] =	{ "register.address", 3, 3600, 0 },
	[CZ_RL_RESET_ADDRESS] =		{ "reset.address", 3, 3600, 0 },
	[CZ_RL_RESET_ACCOUNT] =		{ "reset.account", 3, 3600, 0 },
};

const struct cz_ratelimit *
cz_ratelimit_get(enum cz_limit which)
{
	if ((unsigned)which >= CZ_RL__MAX)
		return NULL;
	return &limits[which];
}

int
cz_ratelimit_hit(PGconn *conn, const struct cz_ratelimit *rl,
    const char *key, int *retry_after, char *err, size_t errlen)
{
	char lim[16], win[16];
	const char *params[5], *errstr;
	PGresult *r;
	long long wait;
	int rc = -1;

	*retry_after = 0;
	if (key == NULL || strlen(key) > CZ_RATELIMIT_KEY_MAX) {
		snprintf(err, errlen, "rate limit key too long");
		return -1;
	}
	snprintf(lim, sizeof(lim), "%d", rl->limit);
	snprintf(win, sizeof(win), "%d", rl->window);
	params[0] = rl->scope;
	params[1] = key;
	params[2] = lim;
	params[3] = win;
	params[4] = rl->lockout ? "true" : "false";
	r = PQexecParams(conn, "SELECT over_limit, retry_after FROM "
	    "rate_limit_hit($1, $2, $3::integer, $4::integer, $5::boolean)",
	    5, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		snprintf(err, errlen, "rate limit: %s", PQresultErrorMessage(r));
		goto err;
	}
	if (strcmp(PQgetvalue(r, 0, 0), "t") != 0) {
		rc = 0;
		goto err;
	}
	wait = cz_strtonum(PQgetvalue(r, 0, 1), 1, 86400 * 2, &errstr);
	*retry_after = errstr != NULL ? 1 : (int)wait;
	rc = 1;
err:
	PQclear(r);
	return rc;
}

int
cz_ratelimit_clear(PGconn *conn, const struct cz_ratelimit *rl,
    const char *key, char *err, size_t errlen)
{
	const char *params[2] = { rl->scope, key };
	PGresult *r;
	int rc = 0;

	r = PQexecParams(conn, "SELECT rate_limit_clear($1, $2)", 2, NULL,
	    params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		snprintf(err, errlen, "rate limit: %s", PQresultErrorMessage(r));
		rc = -1;
	}
	PQclear(r);
	return rc;
}

void
cz_ratelimit_mail(const struct cz_settings *s, enum cz_mail_limit which,
    struct cz_ratelimit *rl)
{
	/* The settings' bounds keep these within int. */
	rl->scope = which == CZ_RL_MAIL_ACCOUNT ? "mail.account" :
	    "mail.recipient";
	rl->limit = (int)(which == CZ_RL_MAIL_ACCOUNT ? s->mail_limit_account :
	    s->mail_limit_recipient);
	rl->window = (int)s->mail_limit_window;
	rl->lockout = 0;
}

int
cz_ratelimit_email_key(const char *email, char key[CZ_SHA256_HEX + 1])
{
	return cz_sha256_hex(email, strlen(email), key);
}

long long
cz_quota(const struct cz_settings *s, const char *tier, int videos)
{
	if (strcmp(tier, "free") == 0)
		return videos ? s->quota_free_videos : s->quota_free_plans;
	if (strcmp(tier, "premium") == 0)
		return videos ? s->quota_premium_videos : s->quota_premium_plans;
	if (strcmp(tier, "enterprise") == 0)
		return videos ? s->quota_enterprise_videos :
		    s->quota_enterprise_plans;
	return -1;
}
