/*
 * solver.h - portion solver for one day of a meal plan.
 *
 * Given the ingredients of one day's meals (grams bounded and stepped,
 * nutrients per gram) and the day's targets, cz_solve_day() chooses the
 * grams of every item so that energy and macro energy shares hit the
 * targets, rounds them to practical steps and re-checks the result.
 * Pure numeric code: no allocation, no I/O, deterministic.
 */
#ifndef CZ_SOLVER_H
#define CZ_SOLVER_H

#include <stddef.h>

/*
 * The accuracy every plan is made to (and its receipt checks): each day's
 * energy within +-CZ_PLAN_ENERGY_TOL_PCT percent of the target, and the
 * share of energy from protein, fat and carbohydrate each within
 * +-CZ_PLAN_SHARE_TOL_PTS percentage points of its target share. The one
 * place these numbers are written: the planner, the plan document's
 * receipt and `cibozer-admin plan-check` use these names.
 */
#define CZ_PLAN_ENERGY_TOL_PCT	3.0
#define CZ_PLAN_SHARE_TOL_PTS	5.0

#define CZ_SOLVER_MAX_ITEMS	48	/* items of one day */
#define CZ_SOLVER_MAX_MEALS	8	/* meals of one day (item.meal) */
#define CZ_SOLVER_MAX_CAPS	64	/* cap rows of one day */
#define CZ_SOLVER_MAX_FLOORS	8	/* soft floors of one day */

/*
 * One ingredient of the day.  Nutrients are per gram (the per-100 g
 * value divided by 100); sodium is in mg, the rest in kcal or g.
 * The solved grams lie in [lo, hi] and are a multiple of step (for a
 * whole-unit item, step is the weight of one unit).  def is the
 * preferred weight; the solver stays near it when the targets allow.
 * meal is the meal index (0 .. CZ_SOLVER_MAX_MEALS - 1) or -1.
 * floor[k] is the item's amount per gram of the nutrient of soft floor k
 * of the targets (0 when it has none).
 */
struct cz_solver_item {
	double	kcal, protein, fat, carbs, fiber, sodium;
	double	lo, hi, step, def;
	int	meal;
	double	floor[CZ_SOLVER_MAX_FLOORS];
};

/*
 * A hard upper limit over the items: sum_i coef[i] * grams[i] <= max.
 * Coefficients are per gram and may be negative (a share: fat energy
 * minus half the dish's energy <= 0).  scale is the row's typical
 * magnitude, to weigh it and leave a margin for rounding (<= 0: max).
 * A cap on one item alone becomes a bound of that item; a cap of
 * nonnegative coefficients that the items cannot reach within the
 * energy ceiling is left out.  Examples: eggs a day (coef 1 / 50 on the
 * egg items, max 4), a nutrient's upper limit (its amount per gram on
 * every item), a dish's added fat (1 on its fats, max 27).
 */
struct cz_solver_cap {
	double	coef[CZ_SOLVER_MAX_ITEMS];
	double	max, scale;
};

/*
 * A soft floor over the items: sum_i item[i].floor[k] * grams[i] >= min
 * is pursued with weight (the penalty is weight times the squared
 * shortfall as a fraction of min), never made to hold: a reference intake
 * the day's dishes may not reach (vitamin D) only pulls the portions
 * towards the foods that carry it, within every hard target.  The
 * weight should stay well below the energy and share rows' (1 / (1.5%)^2
 * and 1 / (3 points)^2), so that the floors give way first.
 */
struct cz_solver_floor {
	double	min, weight;
};

/*
 * The day's targets.  Shares are fractions of 4P + 9F + 4C and are
 * renormalised to sum to 1.  energy_tol is relative and share_tol
 * absolute, both fractions; the planner passes its guarantee
 * (CZ_PLAN_ENERGY_TOL_PCT and CZ_PLAN_SHARE_TOL_PTS above, / 100), and
 * zero picks the same.  fiber_min <= 0 and
 * sodium_max <= 0 disable those limits, net_carbs_max < 0 disables
 * the net carbs limit.  meal_lo/meal_hi are optional soft bands of
 * each meal's share of the energy target, used when meal_hi[m] > 0;
 * they guide the solution but never make it fail.
 */
struct cz_solver_targets {
	double	energy, protein_share, fat_share, carb_share;
	double	energy_tol, share_tol;
	double	fiber_min, sodium_max, net_carbs_max;
	double	meal_lo[CZ_SOLVER_MAX_MEALS];
	double	meal_hi[CZ_SOLVER_MAX_MEALS];
	struct cz_solver_cap caps[CZ_SOLVER_MAX_CAPS];	/* hard, <= */
	int	ncaps;
	struct cz_solver_floor floors[CZ_SOLVER_MAX_FLOORS];	/* soft, >= */
	int	nfloors;
};

/* The hard constraints, in the order they are checked. */
enum cz_solver_fail {
	CZ_SOLVER_FAIL_NONE = 0,
	CZ_SOLVER_FAIL_INPUT,		/* bad items or targets */
	CZ_SOLVER_FAIL_ENERGY,
	CZ_SOLVER_FAIL_PROTEIN,
	CZ_SOLVER_FAIL_FAT,
	CZ_SOLVER_FAIL_CARBS,
	CZ_SOLVER_FAIL_FIBER,
	CZ_SOLVER_FAIL_SODIUM,
	CZ_SOLVER_FAIL_NET_CARBS,
	CZ_SOLVER_FAIL_CAP,		/* a cap row (result.fail_cap) */
	CZ_SOLVER_FAIL__MAX
};

struct cz_solver_result {
	double	grams[CZ_SOLVER_MAX_ITEMS];
	double	kcal, protein, fat, carbs, fiber, sodium, net_carbs;
	double	protein_share, fat_share, carb_share;
	int	ok;			/* every hard target holds */
	enum cz_solver_fail fail;	/* first failing constraint */
	int	iterations;		/* Newton steps + repair moves */
	int	fail_cap;		/* the failing cap, or -1 */
};

/*
 * Solve the portions of n items (n <= CZ_SOLVER_MAX_ITEMS) against the
 * targets t and store rounded grams and their totals in r.  Returns 0
 * when every hard target holds on the rounded grams, -1 otherwise with
 * r->fail naming the first failing constraint (CZ_SOLVER_FAIL_INPUT
 * for invalid input; r->grams is then all zero).  The same input
 * always gives the same output.
 */
int		 cz_solve_day(const struct cz_solver_item *items, size_t n,
		    const struct cz_solver_targets *t,
		    struct cz_solver_result *r);

/*
 * Recompute the totals and shares of r->grams and check them against
 * t, filling every field of r but grams and iterations.  Returns 0
 * when all hard targets hold, -1 otherwise.
 */
int		 cz_solver_check(const struct cz_solver_item *items, size_t n,
		    const struct cz_solver_targets *t,
		    struct cz_solver_result *r);

/* A static, human-readable name of f ("energy", "none", ...). */
const char	*cz_solver_fail_str(enum cz_solver_fail f);

#endif /* CZ_SOLVER_H */
