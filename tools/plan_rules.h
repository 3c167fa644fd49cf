/*
 * plan_rules.h - the rules of issue 12 (docs/planner-rules.md) as a
 * checker independent of the solver: each rule re-computed from a plan's
 * grams, its catalog and its document (the JSON the API and the plan page
 * show), never from what the solver was told. cibozer-admin plan-check
 * runs it over random requests; plan-check --self-test breaks each rule on
 * purpose in a real plan and asserts this checker names it.
 */
#ifndef CZ_PLAN_RULES_H
#define CZ_PLAN_RULES_H

#include <stddef.h>

#include <json-c/json.h>

#include "catalog.h"
#include "planner.h"

/* Every rule; a plan's value of each is its worst over the plan, and a
 * value above the rule's limit is a violation. */
enum rule {
	RULE_STRUCTURE,		/* days, meals, slots, grams that are wrong */
	RULE_DIET,		/* foods the diet, restrictions or profile
				   exclude */
	RULE_ENERGY,		/* |energy / target - 1|, % */
	RULE_PROTEIN,		/* |share - target|, points */
	RULE_FAT,
	RULE_CARBS,
	RULE_NET_CARBS,		/* g (keto) */
	RULE_FIBER,		/* g below the floor (negative: margin) */
	RULE_SODIUM,		/* mg */
	RULE_SAT_FAT,		/* % of energy from saturated fat, not keto */
	RULE_EGGS_DISH,		/* eggs in one dish */
	RULE_EGGS_DAY,		/* eggs a day */
	RULE_FAT_DISH,		/* g of added fat in one dish */
	RULE_FAT_SHARE,		/* % of a dish's energy from added fat */
	RULE_FAT_DAY,		/* % of a day's energy from added fat */
	RULE_BRAZIL,		/* Brazil nut kernels a day */
	RULE_LIVER,		/* g of liver a day */
	RULE_LIVER_DAYS,	/* days with liver in a plan */
	RULE_HALF_UNITS,	/* small countables shown in part units */
	RULE_MEASURE_WORDS,	/* measures in USDA's bookkeeping words */
	RULE_TITLE_RANK,	/* a dish's title ingredient's rank */
	RULE_TITLE_RATIO,	/* its largest other item over it, excess */
	RULE_UL,		/* first of the CZ_LIMIT__MAX daily limits */
	RULE_DINNERS = RULE_UL + CZ_LIMIT__MAX,	/* dinners served twice */
	RULE_REPEATS,		/* dishes served 3+ times where the catalog
				   had others */
	RULE_REPEATS_SAID,	/* dishes served 3+ times the document's
				   "repeats" does not name, or names wrongly */
	RULE_SHOP_UNITS,	/* shopping lines one cannot buy as written */
	RULE_SHOP_ONE_LINE,	/* foods on no line or on two */
	RULE_RECIPE,		/* dishes without a whole method */
	RULE_ADVICE,		/* warnings missing where they apply, or
				   given where they do not */
	RULE_REFUSAL,		/* refusals not in words a person reads */
	RULE_SUGGESTION,	/* suggestions that do not plan */
	RULE__MAX
};

struct rule_def {
	const char	*name;		/* "eggs in a dish" */
	const char	*unit;
	double		 limit;		/* a value above it is a violation */
	int		 refusal;	/* 1: checked on refused requests */
	/* 1: a finding the planner does not meet yet (docs/planner-rules.md,
	 * "Not yet"): reported and counted, not a violation. */
	int		 known;
};

/* The rule r (NULL out of range). */
const struct rule_def *rule_def(int r);

/* A plan's value of each rule and, for the first day that breaks it, its
 * day (from 0; -1: the plan as a whole) and a few words on what broke. */
struct rule_values {
	double	 v[RULE__MAX];
	int	 seen[RULE__MAX];	/* the rule applied to this plan */
	int	 day[RULE__MAX];
	char	 what[RULE__MAX][96];
	/* Figures beside the rules, for the report. */
	long	 ndishes, ndishes_oily, ntitled, nrepeats;
	double	 keto_sat_fat;	/* worst keto day, % (reported only) */
};

/* Whether v breaks rule r. */
int		 rule_broken(int r, double v);

/*
 * Checks p, a feasible plan of req made from cat, whose document doc is
 * (cz_plan_document), against every rule but the refusal ones, into *out.
 * doc may be NULL: the rules read from it are then not checked.
 * before: NULL for a new plan, else the plan that "another meal" or
 * "another day" changed into p. A dinner of another day may then come a
 * second time when no new one fits the day (docs/planner-rules.md,
 * "Repeats"), and a dish served a third time counts against the change
 * only when a serving on a day it changed could have been a dish that
 * day did not hold before (the user's other days are not to change, nor
 * the dish they asked to replace come back); a new plan's dinners all
 * differ, and any of its days counts.
 */
void		 rules_check_plan(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, const struct cz_plan *p,
		    struct json_object *doc, const struct cz_plan *before,
		    struct rule_values *out);

/*
 * Checks a refusal of req: reason is the planner's ("day 3: net carbs"),
 * words the limit as a person reads it (cz_plan_limit_words), and ok[i]
 * whether suggestion i (of n) was planned and found feasible. Fills the
 * refusal rules of *out (the others untouched).
 */
void		 rules_check_refusal(const struct cz_plan_request *req,
		    const char *reason, const char *words, const int *ok,
		    int n, struct rule_values *out);

/* Clears *out: no rule seen. */
void		 rules_clear(struct rule_values *out);

#endif /* CZ_PLAN_RULES_H */
