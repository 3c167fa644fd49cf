/*
 * challenge.h - the proof-of-work challenges of the account forms as the
 * responder issues and checks them (the format and the arithmetic are
 * lib/pow.h's): the key and the used nonces live in PostgreSQL
 * (sql/021_pow_challenges.sql), the difficulty comes from the settings
 * pow_* and rises while the form's rate limit is being reached.
 *
 * The answer is optional: a request without one (a browser without
 * JavaScript, an API client that does not solve) goes on and the rate
 * limits alone apply; an answer that is given must be right.
 */
#ifndef CZ_CHALLENGE_H
#define CZ_CHALLENGE_H

#include "pow.h"

struct cz_db;
struct cz_request;
struct json_object;

/* The form fields (and JSON members) of a challenge and its answer. */
#define CZ_CHALLENGE_FIELD	"pow_challenge"
#define CZ_SOLUTION_FIELD	"pow_solution"

/* Registers the challenge statements. Returns 0 or -1. */
int cz_challenge_register(struct cz_db *db);

/*
 * Issues a challenge for purpose to the asking client (account: the
 * account asking, for resend; else 0) into out, with its difficulty in
 * *bits. Returns 1 when issued, 0 when challenges are off (pow_difficulty
 * = 0), -1 when the database failed (logged): the form then goes out
 * without one, and the rate limits alone apply.
 */
int cz_challenge_issue(struct cz_request *r, enum cz_pow_purpose purpose,
    long long account, char out[CZ_POW_CHALLENGE_MAX + 1], int *bits);

/*
 * Adds "pow": {"challenge", "bits", "purpose"} to the page context ctx
 * when a challenge could be issued; nothing otherwise.
 */
void cz_challenge_ctx(struct cz_request *r, struct json_object *ctx,
    enum cz_pow_purpose purpose, long long account);

/*
 * Checks the request's answer for purpose. Returns CZ_POW_OK when there
 * is none (no answer: the rate limits apply alone) or when it is right
 * (its challenge is then used up); another enum cz_pow_result when it is
 * wrong (audited as pow.refused; the caller answers 400 with
 * cz_pow_message), or -1 when the database failed (logged).
 */
int cz_challenge_check(struct cz_request *r, enum cz_pow_purpose purpose,
    long long account);

#endif
