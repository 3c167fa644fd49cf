/*
 * throttle.h - application rate limits and daily quotas as the responder
 * applies them: counted in PostgreSQL (lib/ratelimit.h), answered with 429
 * and Retry-After (an HTML page or a JSON error), and audited as
 * rate_limit.hit.
 */
#ifndef CZ_THROTTLE_H
#define CZ_THROTTLE_H

struct cz_db;
struct cz_request;
struct cz_ratelimit;

/* Registers the rate-limit statements. Returns 0 or -1. */
int cz_limits_register(struct cz_db *db);

/*
 * Counts one hit of key under rl. Returns 0 when allowed, 1 when over the
 * limit (*retry_after set), or -1 when the database failed (logged).
 */
int cz_limit_hit(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key, int *retry_after);

/* Forgets key's count and lockout under rl (after a successful log-in). */
void cz_limit_clear(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key);

/*
 * Gives back one hit of key under rl in the current window, for a counted
 * attempt that should not use the allowance up (a successful log-in, a
 * plan request that failed). Failures are logged.
 */
void cz_limit_refund(struct cz_request *r, const struct cz_ratelimit *rl,
    const char *key);

/*
 * Builds the 429 answer for a limit hit: Retry-After, message, and the
 * audit entry rate_limit.hit naming scope (account may be 0). Returns 0 (a
 * response was built).
 */
int cz_limit_refuse(struct cz_request *r, long long account,
    const char *scope, int retry_after, const char *message);

/*
 * Counts one mail the request may make the site send: under mail.account
 * for account (when > 0, the account asking) and under mail.recipient for
 * the normalised address to (when not NULL), from the settings
 * mail_limit_*. Call it before knowing whether the mail will go (whether
 * the address has an account), so that a refusal tells nothing. Returns
 * CZ_NEXT when allowed; CZ_DONE when over a limit, with the 429 built
 * (message, Retry-After, audited); 503 or 500 when counting failed.
 */
int cz_limit_mail(struct cz_request *r, long long account, const char *to,
    const char *message);

#endif
