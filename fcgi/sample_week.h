/*
 * sample_week.h - the sample week the home page shows: a real plan made
 * by the planner from the catalog for a fixed request (Standard, 2,000
 * kcal, 3 meals, 7 days, a fixed seed), so what a visitor sees is what
 * the planner makes today, with its accuracy measured, not a mock-up.
 */
#ifndef CZ_SAMPLE_WEEK_H
#define CZ_SAMPLE_WEEK_H

#include <json-c/json.h>

struct cz_request;

/* The request of the sample week. */
#define CZ_SAMPLE_KCAL	2000
#define CZ_SAMPLE_SEED	20261203u

/*
 * The sample week as a template value (a new reference the caller owns):
 * {"target_kcal", "tolerance_pct", "max_deviation_pct", "slots": [...],
 * "days": [{"day", "kcal", "deviation_pct", "meals": [{"name", "kcal",
 * "picture": {"key"}}]}]}. Planned on first use and kept for the life of
 * the process (the planner is deterministic: the same catalog, request
 * and seed give the same plan, so there is nothing to invalidate). NULL
 * when the catalog is away or the plan cannot be made; then no new
 * attempt is made for a minute, so a site without its catalog does not
 * query the database on every visit to its home page.
 */
struct json_object *cz_sample_week(struct cz_request *r);

#endif
