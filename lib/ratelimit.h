/*
 * ratelimit.h - application rate limits and daily quotas, counted in
 * PostgreSQL so they hold across every responder and every host.
 *
 * A limit is "at most N hits per window of W seconds for one key in one
 * scope", counted by the SQL function rate_limit_hit (sql/006_accounts.sql)
 * in one atomic statement. Limits with a lockout also lock the key once it
 * goes over, for W seconds the first time and twice as long each time
 * after (at most a day), until rate_limit_clear (a successful login).
 *
 * Keys are an address ("198.51.100.7") or an account id; callers never
 * pass an e-mail address as a key: cz_ratelimit_email_key gives its
 * SHA-256 instead, so the counters table holds no address.
 */
#ifndef CZ_RATELIMIT_H
#define CZ_RATELIMIT_H

#include <stddef.h>

#include <libpq-fe.h>

#include "token.h"

struct cz_settings;

#define CZ_RATELIMIT_KEY_MAX	128

enum cz_limit {
	CZ_RL_LOGIN_ADDRESS,	/* 5 per minute per client address, lockout */
	CZ_RL_LOGIN_ACCOUNT,	/* 5 per minute per account, lockout */
	CZ_RL_REGISTER_ADDRESS,	/* 3 per hour per client address */
	CZ_RL_RESET_ADDRESS,	/* 3 per hour per client address */
	CZ_RL_RESET_ACCOUNT,	/* 3 per hour per account */
	CZ_RL__MAX
};

struct cz_ratelimit {
	const char	*scope;		/* e.g. "login.address" */
	int		 limit;
	int		 window;	/* seconds */
	int		 lockout;
};

/* The table of limits above; NULL for an out-of-range value. */
const struct cz_ratelimit *cz_ratelimit_get(enum cz_limit which);

/*
 * Counts one hit of key under limit rl. Returns 0 when allowed, 1 when
 * over the limit (then *retry_after is the seconds to wait, at least 1),
 * or -1 with the server's message in err. key is at most
 * CZ_RATELIMIT_KEY_MAX bytes. Parameterised.
 */
int cz_ratelimit_hit(PGconn *conn, const struct cz_ratelimit *rl,
    const char *key, int *retry_after, char *err, size_t errlen);

/* Forgets the counts and lockout of key under rl. Returns 0 or -1. */
int cz_ratelimit_clear(PGconn *conn, const struct cz_ratelimit *rl,
    const char *key, char *err, size_t errlen);

/* The mail the site can be made to send, limited per account (key: the
 * account id) and per recipient (key: cz_ratelimit_email_key), from the
 * settings mail_limit_account, mail_limit_recipient, mail_limit_window. */
enum cz_mail_limit {
	CZ_RL_MAIL_ACCOUNT,	/* scope "mail.account" */
	CZ_RL_MAIL_RECIPIENT	/* scope "mail.recipient" */
};

/* Fills *rl with the mail limit which from s. */
void cz_ratelimit_mail(const struct cz_settings *s, enum cz_mail_limit which,
    struct cz_ratelimit *rl);

/* The key for a normalised e-mail address: its SHA-256 in hex. Returns 0
 * or -1. */
int cz_ratelimit_email_key(const char *email, char key[CZ_SHA256_HEX + 1]);

/* The daily quota of plans (videos = 0) or videos (videos = 1) for tier
 * ("free", "premium", "enterprise"), from the settings; -1 for an unknown
 * tier. */
long long cz_quota(const struct cz_settings *s, const char *tier,
    int videos);

#endif
