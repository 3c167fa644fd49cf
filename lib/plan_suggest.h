/*
 * plan_suggest.h - refusals that help: when the planner cannot meet a
 * request, the limit that binds in words a person understands, and the
 * nearest requests that would work (the highest, or lowest, calorie target
 * with the same diet, meal pattern and restrictions, found by bisection,
 * and a meal pattern that works at the same target).
 */
#ifndef CZ_PLAN_SUGGEST_H
#define CZ_PLAN_SUGGEST_H

#include <stddef.h>

#include "catalog.h"
#include "planner.h"

#define CZ_SUGGEST_MAX		2	/* suggestions at most */
#define CZ_SUGGEST_PROBES	12	/* plans tried in the search, at most */
#define CZ_SUGGEST_STEP		50	/* kcal: the search's resolution */

struct cz_plan_suggestion {
	int		 calories;
	enum cz_pattern	 pattern;
	char		 text[96];	/* "4,450 kcal a day" */
};

/* The limit a planner reason ("day 3: net carbs") names, in words for
 * req: "keto's 20 g of net carbs a day cannot be kept ...". Static text
 * or built into buf. */
const char	*cz_plan_limit_words(const struct cz_plan_request *req,
		    const char *reason, char *buf, size_t len);

/*
 * For req, which cz_plan_make found infeasible, searches the nearest
 * requests that work (same diet, restrictions, profile, days and seed):
 * the calorie target nearest req's by bisection to CZ_SUGGEST_STEP, and
 * another meal pattern at req's target. At most CZ_SUGGEST_PROBES plans
 * and about budget_ms of time are spent; plan is scratch space. Fills
 * out (CZ_SUGGEST_MAX) and returns how many; writes into msg the
 * refusal in words ("... works up to 4,450 kcal a day; try 4,450 kcal or
 * 2 meals a day.").
 */
int		 cz_plan_suggest(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, const char *reason,
		    double budget_ms, struct cz_plan *plan,
		    struct cz_plan_suggestion *out, char *msg, size_t len);

#endif
