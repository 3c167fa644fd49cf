/*
 * plan_suggest.c - the limit that binds a refused plan request, in words,
 * and the nearest requests that work. See plan_suggest.h.
 *
 * A search over plans, not a formula: whether a target works depends on
 * the dishes the restrictions leave and on every portion rule, so the
 * only honest answer is a plan that was made. Each probe is one
 * cz_plan_make_tries with a single seed (the request's own, so that a
 * suggestion taken is planned exactly as probed), and the search stops
 * after CZ_SUGGEST_PROBES probes or its time budget, whichever first.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "fixed_text.h"
#include "plan_suggest.h"

/* Meal patterns in words, and the order tried as alternatives: more,
 * smaller meals first, since large targets fail for want of room. */
static const char *const pattern_words[CZ_PATTERN__MAX] = {
	[CZ_PATTERN_3_MEALS] = "3 meals a day",
	[CZ_PATTERN_3_MEALS_2_SNACKS] = "3 meals and 2 snacks a day",
	[CZ_PATTERN_5_SMALL_MEALS] = "5 small meals a day",
	[CZ_PATTERN_2_MEALS] = "2 meals a day",
	[CZ_PATTERN_OMAD] = "one meal a day",
};
static const enum cz_pattern alt_order[CZ_PATTERN__MAX] = {
	CZ_PATTERN_5_SMALL_MEALS, CZ_PATTERN_3_MEALS_2_SNACKS,
	CZ_PATTERN_3_MEALS, CZ_PATTERN_2_MEALS, CZ_PATTERN_OMAD
};
#define ALT_PROBES	2	/* patterns tried before the bisection */
#define ANCHOR_KCAL	2000	/* the target the bisection starts from */

const char *
cz_plan_limit_words(const struct cz_plan_request *req, const char *reason,
    char *buf, size_t len)
{
	const char *p = reason, *c;

	/* "day 3: net carbs" names the limit after the colon */
	if (strncmp(p, "day ", 4) == 0 && (c = strchr(p, ':')) != NULL)
		p = c + 2;
	if (strcmp(p, "energy") == 0 || strcmp(p, "portion bounds") == 0)
		snprintf(buf, len, "the dishes cannot carry that much energy "
		    "in %s within sensible portions",
		    pattern_words[req->pattern]);
	else if (strcmp(p, "net carbs") == 0)
		snprintf(buf, len, "keto's limit of 20 g of net carbs a day "
		    "cannot be kept with that much food");
	else if (strcmp(p, "fiber") == 0)
		snprintf(buf, len, "the day's fibre floor and its ceiling "
		    "of 70 g cannot both be met");
	else if (strcmp(p, "sodium") == 0)
		snprintf(buf, len, "the day's sodium would pass 2,300 mg");
	else if (strcmp(p, "saturated fat") == 0)
		snprintf(buf, len, "saturated fat would pass 10%% of the day's "
		    "energy, the most the dietary guidelines advise, with the "
		    "dishes these restrictions leave");
	else if (strstr(p, "share") != NULL)
		snprintf(buf, len, "the %s diet's %s cannot be met with the "
		    "dishes these restrictions leave",
		    cz_diet_name((int)req->diet), p);
	else if (strcmp(p, "portion or nutrient limits") == 0)
		snprintf(buf, len, "the portion rules and daily upper limits "
		    "(eggs, added fat, vitamin A, selenium, ...) cannot all "
		    "be kept");
	else if (strstr(p, "not enough") != NULL || strstr(p, "no compatible")
	    != NULL)
		snprintf(buf, len, "too few dishes fit these restrictions "
		    "(%s)", p);
	else
		snprintf(buf, len, "%s", p);
	return buf;
}

/* Whether req with calories kcal and pattern pat plans, one probe of the
 * budget spent. */
static int
works(const struct cz_catalog *cat, const struct cz_plan_request *req,
    int kcal, enum cz_pattern pat, struct cz_plan *plan, int *probes)
{
	struct cz_plan_request q = *req;
	char err[128];

	q.calories = kcal;
	q.pattern = pat;
	(*probes)++;
	return cz_plan_make_tries(cat, &q, plan, 1, err, sizeof(err)) == 0 &&
	    plan->feasible;
}

int
cz_plan_suggest(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const char *reason, double budget_ms,
    struct cz_plan *plan, struct cz_plan_suggestion *out, char *msg,
    size_t len)
{
	char limit[200], k1[CZ_THOUSANDS_MAX], k2[CZ_THOUSANDS_MAX];
	double t0 = cz_clock_s() * 1e3;
	int probes = 0, n = 0, good, bad, mid, down, i, alt = -1;
	int kcal = -1;

	/* Another meal pattern at the same target. */
	for (i = 0; i < CZ_PATTERN__MAX && probes < ALT_PROBES; i++) {
		if (alt_order[i] == req->pattern)
			continue;
		if (works(cat, req, req->calories, alt_order[i], plan,
		    &probes)) {
			alt = (int)alt_order[i];
			break;
		}
	}
	/* The nearest target that works: bisection between one that does
	 * and the refused one. */
	down = req->calories > ANCHOR_KCAL;
	good = ANCHOR_KCAL;
	bad = req->calories;
	if (good != bad && works(cat, req, good, req->pattern, plan,
	    &probes)) {
		while ((down ? bad - good : good - bad) > CZ_SUGGEST_STEP &&
		    probes < CZ_SUGGEST_PROBES && cz_clock_s() * 1e3 - t0 <
		    budget_ms) {
			mid = (good + bad) / 2 / CZ_SUGGEST_STEP *
			    CZ_SUGGEST_STEP;
			if (mid == good)
				break;
			if (works(cat, req, mid, req->pattern, plan, &probes))
				good = mid;
			else
				bad = mid;
		}
		kcal = good;
	}

	cz_thousands(k1, req->calories);
	cz_plan_limit_words(req, reason, limit, sizeof(limit));
	if (kcal > 0) {
		out[n].calories = kcal;
		out[n].pattern = req->pattern;
		cz_thousands(k2, kcal);
		snprintf(out[n].text, sizeof(out[n].text), "%s kcal a day", k2);
		n++;
	}
	if (alt >= 0) {
		out[n].calories = req->calories;
		out[n].pattern = (enum cz_pattern)alt;
		snprintf(out[n].text, sizeof(out[n].text), "%s kcal in %s", k1,
		    pattern_words[alt]);
		n++;
	}
	if (kcal > 0 && alt >= 0)
		snprintf(msg, len, "A %s plan of %s kcal a day in %s cannot be "
		    "made: %s. With %s it works up to %s kcal a day; try %s "
		    "kcal, or %s.", cz_diet_name((int)req->diet), k1,
		    pattern_words[req->pattern], limit,
		    pattern_words[req->pattern], k2, k2, pattern_words[alt]);
	else if (kcal > 0)
		snprintf(msg, len, "A %s plan of %s kcal a day in %s cannot be "
		    "made: %s. With %s it works %s to %s kcal a day; try %s "
		    "kcal.", cz_diet_name((int)req->diet), k1,
		    pattern_words[req->pattern], limit,
		    pattern_words[req->pattern], down ? "up" : "down", k2, k2);
	else if (alt >= 0)
		snprintf(msg, len, "A %s plan of %s kcal a day in %s cannot be "
		    "made: %s. Try %s.", cz_diet_name((int)req->diet), k1,
		    pattern_words[req->pattern], limit, pattern_words[alt]);
	else
		snprintf(msg, len, "A %s plan of %s kcal a day in %s cannot be "
		    "made: %s. Try fewer restrictions or another diet.",
		    cz_diet_name((int)req->diet), k1,
		    pattern_words[req->pattern], limit);
	return n;
}
