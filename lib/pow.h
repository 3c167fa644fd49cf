/*
 * pow.h - proof-of-work challenges that the responder issues and checks
 * itself, so that registration, password reset and the confirmation
 * resend can cost a bot CPU time without any third-party CAPTCHA.
 *
 * A challenge is one line of ASCII, safe in a form field, a URL and JSON:
 *
 *     1.<purpose>.<bits>.<issued>.<nonce>.<mac>
 *
 * version 1; purpose "register", "reset" or "resend"; bits the difficulty
 * (1..CZ_POW_BITS_MAX, decimal, no leading zero); issued the issue time
 * (Unix seconds, decimal); nonce 32 lower-case hex digits (128 random
 * bits); mac the HMAC-SHA256 of everything before the last '.', under the
 * server's key, in 64 lower-case hex digits. A solution is a decimal
 * counter (1..CZ_POW_SOLUTION_MAX digits, no leading zero) such that
 * SHA-256(challenge || counter) starts with at least bits zero bits.
 * Single use is the caller's (the nonce is recorded in PostgreSQL by
 * fcgi/challenge.c); everything else is checked here, with no I/O.
 */
#ifndef CZ_POW_H
#define CZ_POW_H

#include <stddef.h>
#include <time.h>

#define CZ_POW_BITS_MAX		32	/* beyond: hours in a browser */
#define CZ_POW_CHALLENGE_MAX	160	/* longest challenge accepted */
#define CZ_POW_SOLUTION_MAX	16	/* digits: within 2^53, exact in JS */
#define CZ_POW_NONCE_HEX	32
#define CZ_POW_MAC_HEX		64

enum cz_pow_purpose {
	CZ_POW_REGISTER,
	CZ_POW_RESET,
	CZ_POW_RESEND,
	CZ_POW__PURPOSES
};

enum cz_pow_result {
	CZ_POW_OK,
	CZ_POW_MALFORMED,	/* not a challenge, or not a counter */
	CZ_POW_BAD_SIGNATURE,	/* not issued by this site (or tampered) */
	CZ_POW_EXPIRED,		/* older than the lifetime, or from the future */
	CZ_POW_WRONG_PURPOSE,	/* issued for another form */
	CZ_POW_NOT_SOLVED,	/* the counter does not give enough zero bits */
	CZ_POW_REUSED,		/* used already (set by the caller) */
	CZ_POW__RESULTS
};

struct cz_pow_challenge {
	enum cz_pow_purpose	 purpose;
	int			 bits;
	long long		 issued;
	char			 nonce[CZ_POW_NONCE_HEX + 1];
	size_t			 signed_len;	/* bytes covered by the mac */
	char			 mac[CZ_POW_MAC_HEX + 1];
};

/* The purpose's name ("register"); NULL when out of range. */
const char *cz_pow_purpose_name(enum cz_pow_purpose p);

/* The purpose named name[0..len), or -1. */
int cz_pow_purpose_parse(const char *name, size_t len);

/* A sentence for the person at the form, for result rc. */
const char *cz_pow_message(enum cz_pow_result rc);

/* A short name for logs and audit entries ("reused"). */
const char *cz_pow_result_name(enum cz_pow_result rc);

/*
 * Writes a new challenge for purpose at difficulty bits (1..
 * CZ_POW_BITS_MAX) issued at now, signed with key[0..keylen), to out.
 * Returns 0, or -1 (bad argument, no randomness; out is then empty).
 */
int cz_pow_issue(const void *key, size_t keylen, enum cz_pow_purpose purpose,
    int bits, long long now, char out[CZ_POW_CHALLENGE_MAX + 1]);

/*
 * Parses s[0..len) strictly into *c (no signature check). Returns 0, or
 * -1 for anything that is not exactly a version 1 challenge.
 */
int cz_pow_parse(const char *s, size_t len, struct cz_pow_challenge *c);

/* Whether sol[0..len) is a counter as a solution must be written. */
int cz_pow_solution_valid(const char *sol, size_t len);

/* The number of leading zero bits of d[0..n). */
int cz_pow_zero_bits(const unsigned char *d, size_t n);

/*
 * Checks challenge chal[0..clen) and solution sol[0..slen) for purpose at
 * time now: well formed, signed with key, issued at most lifetime seconds
 * ago (and not more than a minute ahead of now), for purpose, and solved.
 * Checks run in that order and the first failure is returned; the
 * signature is compared in constant time before anything else in the
 * challenge is believed. *c (when not NULL) receives the challenge parsed.
 */
enum cz_pow_result cz_pow_verify(const void *key, size_t keylen,
    const char *chal, size_t clen, const char *sol, size_t slen,
    enum cz_pow_purpose purpose, long long now, long long lifetime,
    struct cz_pow_challenge *c);

/*
 * Searches counters from 0 up to max_tries for a solution of chal (bits
 * from the challenge); writes it to out. Returns 0, or -1 when none was
 * found. For tests and benchmarks: the browser's solver is static/js/pow.js.
 */
int cz_pow_solve(const char *chal, unsigned long long max_tries,
    char out[CZ_POW_SOLUTION_MAX + 1]);

#endif
