/*
 * plan_answers.h - what the plan handlers (the JSON API in
 * handlers_plans.c, the pages in handlers_plan_pages.c) share: who may
 * ask, the HTTP status of a service result, and the API's form of a
 * stored plan.
 */
#ifndef CZ_PLAN_ANSWERS_H
#define CZ_PLAN_ANSWERS_H

#include "plans.h"

struct cz_request;

/* CZ_NEXT when someone is signed in; else the answer is built (401 for
 * the API, a 303 to the log-in page with the path as next for HTML) and
 * CZ_DONE is returned. */
int cz_plan_signed_in(struct cz_request *r);

/*
 * Who may make a plan: the scope of an API key, the legal gate, and a
 * quota above zero (the quota itself is counted when the plan is stored,
 * so that only a stored plan uses it). Returns CZ_NEXT when the plan may
 * be made; else CZ_DONE with the answer built (a redirect, 401, 403 or
 * 429 with Retry-After), or an HTTP status.
 */
int cz_plan_may_generate(struct cz_request *r, const char *back);

/* Answers the refusal of a used-up quota (429, Retry-After, audited).
 * Returns CZ_DONE. */
int cz_plan_refuse_quota(struct cz_request *r,
    const struct cz_plan_refusal *out);

/* Answers a plan request the planner cannot meet: 422 with the message
 * (the binding limit in words), the constraint and the nearest requests
 * that work (docs/api.md). Returns CZ_DONE or 500. */
int cz_plan_refuse_infeasible(struct cz_request *r,
    const struct cz_plan_refusal *out);

/* The HTTP status of a result that is not CZ_PLAN_OK, with
 * r->error_message set from out (or the database's 503 message). */
int cz_plan_status(struct cz_request *r, enum cz_plan_result res,
    const struct cz_plan_refusal *out);

/* Answers the API form of stored plan p with status: its id, revision,
 * times and links before the members of the document, copied as stored.
 * Returns CZ_DONE or 500. */
int cz_plan_send(struct cz_request *r, int status,
    const struct cz_stored_plan *p);

/* The id or day path parameter of the route (0 when absent). */
long long cz_plan_param(struct cz_request *r, const char *name);

#endif
