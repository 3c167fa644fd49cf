/*
 * planner.h - the week planner: templates chosen per meal slot, portions
 * solved per day (lib/solver.h), all in memory over a loaded catalog.
 *
 * A request names the energy, diet, meal pattern, restrictions, excluded
 * foods, life-stage profile, number of days and a seed.  The same request
 * and seed always give the same plan.  Nothing here allocates or does I/O;
 * a plan points into the catalog it was made from, which must outlive it.
 */
#ifndef CZ_PLANNER_H
#define CZ_PLANNER_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "nutrition.h"
#include "solver.h"

#define CZ_PLAN_MIN_KCAL	800
#define CZ_PLAN_MAX_KCAL	5000
#define CZ_PLAN_MAX_DAYS	7
#define CZ_PLAN_MAX_MEALS	8	/* dishes of a day, sides included */
#define CZ_PLAN_SIDE_KCAL	1000	/* a meal above this gets a side */
#define CZ_PLAN_SIDE2_KCAL	2400	/* and above this a second one */
#define CZ_PLAN_SIDE_SHARE	0.25	/* of its meal's energy */
#define CZ_PLAN_MAX_EXCLUDED	32
#define CZ_PLAN_ATTEMPTS	60	/* solves tried per day */
#define CZ_PLAN_MAX_ITEMS	CZ_SOLVER_MAX_ITEMS	/* ingredients of a
						   day, all dishes */
/*
 * Portion rules the solver enforces as hard rows (docs/planner-rules.md);
 * the per-food rules (serving ranges, whole units, eggs, Brazil nuts,
 * liver) are catalog columns (sql/019_portion_rules.sql).  Added fats
 * and oils: at most CZ_PLAN_DISH_ADDED_FAT_G in one dish (2 tablespoons),
 * at most CZ_PLAN_DAY_ADDED_FAT_SHARE of the day's energy (55 g at 2,000
 * kcal) and less than CZ_PLAN_DISH_FAT_SHARE of a dish's energy.
 */
#define CZ_PLAN_DISH_ADDED_FAT_G	27.0
#define CZ_PLAN_DAY_ADDED_FAT_SHARE	0.25
#define CZ_PLAN_DISH_FAT_SHARE		0.45
/*
 * A dish's title ingredient (struct cz_cat_item.title) is its largest or
 * second-largest item, by weight when its default recipe has it so, else
 * by energy: every other item at most the title's amount, but the largest
 * other one, which may carry up to CZ_PLAN_TITLE_RATIO times it (or the
 * default recipe's own ratio with a quarter to spare, if that is more).
 */
#define CZ_PLAN_TITLE_RATIO		2.0
/*
 * The reference intakes of the request's profile (lib/intakes.h) are soft
 * floors of every day's solve with this weight each: a day short of one
 * by half costs as much as energy 0.8 % off target, so the floors move
 * portions towards richer foods but give way to every hard target.
 */
#define CZ_PLAN_FLOOR_WEIGHT		4.0

/* How a dish's title rule measures its items, from its template: into
 * *title the title item's index in tm->items, into *big the largest
 * other item's; *by_energy 1 when by energy, *ratio the most the big item
 * may carry against the title. Returns 0, or -1 when tm has no title. */
int		 cz_plan_title_rule(const struct cz_catalog *cat,
		    const struct cz_cat_template *tm, size_t *title,
		    size_t *big, int *by_energy, double *ratio);

/* Daily upper limits (adults' tolerable upper intake levels; fibre a
 * plausibility ceiling), enforced as hard rows of every day. */
enum cz_plan_limit {
	CZ_LIMIT_SELENIUM,	/* ug */
	CZ_LIMIT_RETINOL,	/* ug, preformed vitamin A */
	CZ_LIMIT_ZINC,		/* mg */
	CZ_LIMIT_IRON,		/* mg */
	CZ_LIMIT_CALCIUM,	/* mg */
	CZ_LIMIT_FIBER,		/* g */
	CZ_LIMIT__MAX
};

struct cz_plan_limit_def {
	const char	*name;		/* "selenium" */
	const char	*unit;		/* "ug" */
	double		 max;		/* a day */
};

/* The limit l (NULL out of range) and the amount of it per gram of f. */
const struct cz_plan_limit_def *cz_plan_limit(int l);
double		 cz_plan_limit_per_g(const struct cz_cat_food *f, int l);

/* Lines of a plan's shopping list: each is a different food of its days. */
#define CZ_PLAN_MAX_SHOP_ITEMS	(CZ_PLAN_MAX_DAYS * CZ_PLAN_MAX_ITEMS)

/* A plan document (plan_doc.h, plan_read.h) as JSON text: its size and
 * nesting. */
#define CZ_PLAN_DOC_MAX_BYTES	(8 * 1024 * 1024)
#define CZ_PLAN_DOC_MAX_DEPTH	32

/* The accuracy every plan is made to, CZ_PLAN_ENERGY_TOL_PCT and
 * CZ_PLAN_SHARE_TOL_PTS, is defined in solver.h, where it is enforced. */

enum cz_pattern {
	CZ_PATTERN_3_MEALS,
	CZ_PATTERN_3_MEALS_2_SNACKS,
	CZ_PATTERN_5_SMALL_MEALS,
	CZ_PATTERN_2_MEALS,
	CZ_PATTERN_OMAD,
	CZ_PATTERN__MAX
};

enum cz_profile {
	CZ_PROFILE_NONE,
	CZ_PROFILE_ATHLETE,
	CZ_PROFILE_OLDER_ADULT,
	CZ_PROFILE_PREGNANCY,
	CZ_PROFILE__MAX
};

/* Restrictions: bit 1 << enum cz_allergen excludes that allergen. */
#define CZ_RESTRICTIONS__MAX	CZ_ALLERGEN__MAX

struct cz_plan_request {
	int		 calories;	/* CZ_PLAN_MIN_KCAL .. MAX_KCAL */
	enum cz_diet	 diet;
	enum cz_pattern	 pattern;
	unsigned int	 restrictions;	/* 1 << enum cz_allergen */
	char		 excluded[CZ_PLAN_MAX_EXCLUDED][6];	/* NDB numbers */
	size_t		 nexcluded;
	enum cz_profile	 profile;
	int		 days;		/* 1 .. CZ_PLAN_MAX_DAYS */
	uint64_t	 seed;
};

/* A daily target as the solver takes it and the checks apply it. */
struct cz_plan_target {
	double	energy;		/* kcal, +-CZ_PLAN_ENERGY_TOL_PCT % */
	double	protein_share, fat_share, carb_share;	/* fractions,
				   +-CZ_PLAN_SHARE_TOL_PTS / 100 */
	double	fiber_min;			/* g, 0: none */
	double	sodium_max;			/* mg */
	double	net_carbs_max;			/* g, < 0: none */
	enum cz_profile profile;	/* whose reference intakes the
					   solver's soft floors are */
	int	vegan;			/* no B12 floor */
};

struct cz_plan_item {
	size_t	 food;		/* index in the catalog's foods */
	int	 meal;		/* index in the day's meals */
	double	 grams;
};

struct cz_plan_meal {
	enum cz_slot	 slot;
	size_t		 tmpl;	/* index in the catalog's templates */
	int		 locked;	/* kept, dish and grams, through every
					   regeneration of its day or plan */
};

struct cz_plan_day {
	struct cz_plan_meal	 meals[CZ_PLAN_MAX_MEALS];
	int			 nmeals;
	struct cz_plan_item	 items[CZ_PLAN_MAX_ITEMS];
	size_t			 nitems;
	struct cz_nutrients	 totals;	/* the 23 core nutrients */
};

struct cz_plan {
	struct cz_plan_target	 target;
	struct cz_plan_day	 days[CZ_PLAN_MAX_DAYS];
	int			 ndays;
	int			 feasible;
	char			 reason[128];	/* why not, when !feasible */
};

/*
 * One dish of a meal pattern: the meal it belongs to, the slot of the
 * templates it is drawn from and its share of the day's energy.  The one
 * meal of omad has two dishes (a dinner and a lunch template), since no
 * single template carries a day's energy within its portion bounds.
 */
struct cz_pattern_slot {
	enum cz_slot	 slot;		/* the meal, as reported */
	enum cz_slot	 kind;		/* the templates drawn from */
	double		 fraction;
};

/* Names of the vocabularies, or NULL out of range; value by name or -1. */
const char	*cz_pattern_name(int p);
const char	*cz_profile_name(int p);
const char	*cz_restriction_name(int r);	/* "gluten_free" ... */
int		 cz_pattern_by_name(const char *s);
int		 cz_profile_by_name(const char *s);
int		 cz_restriction_by_name(const char *s);

/* The slots of pattern p in order; returns their number (0 when p is out
 * of range) and sets *slots to a static table. */
int		 cz_pattern_slots(enum cz_pattern p,
		    const struct cz_pattern_slot **slots);

/*
 * The dishes of a day of req, in order, into out (CZ_PLAN_MAX_MEALS of
 * them at most): the pattern's slots, where a meal (not a snack) whose
 * share of the energy is above CZ_PLAN_SIDE_KCAL is followed by a side
 * dish drawn from the snacks (by two above CZ_PLAN_SIDE2_KCAL), reported
 * under the same meal and each taking CZ_PLAN_SIDE_SHARE of its energy,
 * since no single dish carries a 2,000 kcal meal within its portion
 * bounds (2 tablespoons of oil at most). Returns their number, 0 when the
 * pattern is out of range.
 */
int		 cz_plan_slots(const struct cz_plan_request *req,
		    struct cz_pattern_slot *out);

/* The energy shares in percent of a diet before any profile; returns -1
 * when d is out of range. */
int		 cz_diet_shares(enum cz_diet d, double *protein, double *fat,
		    double *carbs);

/* Checks req; returns 0, or -1 with a message in err. */
int		 cz_plan_validate(const struct cz_plan_request *req,
		    char *err, size_t errlen);

/* Sums day's totals again from its items' grams, item by item. */
void		 cz_plan_day_totals(const struct cz_catalog *cat,
		    struct cz_plan_day *day);

/* Fills t with the daily target of a valid request. */
void		 cz_plan_target(const struct cz_plan_request *req,
		    struct cz_plan_target *t);

/* Whether template tm (resp. food f) may appear in a plan for req. */
int		 cz_plan_template_ok(const struct cz_catalog *cat,
		    const struct cz_cat_template *tm,
		    const struct cz_plan_request *req);
int		 cz_plan_food_ok(const struct cz_cat_food *f,
		    const struct cz_plan_request *req);

/*
 * Makes the plan of req from cat into *plan.  Returns 0 with
 * plan->feasible set: 1 with every day solved, or 0 with plan->reason
 * naming the constraint that could not be met ("day 3: net carbs",
 * "not enough compatible dinners for 7 days without repeats"), after
 * CZ_PLAN_TRIES seeds (the request's first).  A feasible plan serving a
 * dish more than twice a week, where its slot has dishes enough for the
 * week's servings, is also made again from the next seeds; the first
 * without such a repeat is taken, else the first plan.  Returns
 * -1 with a message in err when req is invalid.  Deterministic: the same
 * catalog, request and seed give a byte-identical plan.
 */
int		 cz_plan_make(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, struct cz_plan *plan,
		    char *err, size_t errlen);

/* Tries before a request is refused: the request's seed, then seeds drawn
 * from it. */
#define CZ_PLAN_TRIES	2

/* cz_plan_make with at most tries seeds (1: the request's own only); a
 * plan from another seed is the plan of that seed. cz_plan_make is this
 * with CZ_PLAN_TRIES. */
int		 cz_plan_make_tries(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, struct cz_plan *plan,
		    int tries, char *err, size_t errlen);

/*
 * Replaces the template of meal (dish) meal of day day (both from 0) of
 * plan, a feasible plan of req from cat, by another compatible one drawn
 * with seed, keeping the day's other templates; the other meals keep
 * their grams when the new dish alone can carry the day to its targets,
 * else the unlocked ones are portioned again.  A dinner stays unique in
 * the plan while another fits, else another day's dinner comes a second
 * time; a dish the other meals serve twice already comes only when no
 * other fits (never a dinner).  Returns 0 with the day replaced, 1 when
 * no other template solves (plan unchanged, the reason in err), or -1
 * with a message in err for invalid arguments (also: the meal is locked).
 */
int		 cz_plan_regenerate_meal(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, struct cz_plan *plan,
		    int day, int meal, uint64_t seed, char *err,
		    size_t errlen);

/*
 * Replaces every dish of day day (from 0) of plan, a feasible plan of req
 * from cat, by other compatible ones drawn with seed, the day's current
 * dishes avoided where others exist and dinners kept unique in the plan,
 * as is a dish the other days serve twice already (unless no draw solves
 * without it), and solves the day again; locked meals keep their dish and grams and
 * the rest is solved around them. Returns 0 with the day replaced, 1 when
 * no draw solves (plan unchanged, the reason in err), or -1 with a message
 * in err for invalid arguments (also: every meal of the day is locked).
 */
int		 cz_plan_regenerate_day(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, struct cz_plan *plan,
		    int day, uint64_t seed, char *err, size_t errlen);

/*
 * Whole-plan regeneration: every day of plan (a feasible plan of req from
 * cat) regenerated as cz_plan_regenerate_day does, with seeds drawn from
 * seed; days whose every meal is locked are kept as they are. Returns 0
 * with the plan replaced, 1 when a day does not solve (plan unchanged, the
 * reason in err), or -1 with a message in err for invalid arguments (also:
 * every meal of the plan is locked).
 */
int		 cz_plan_regenerate_plan(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, struct cz_plan *plan,
		    uint64_t seed, char *err, size_t errlen);

/* Dishes offered when a person swaps one meal. */
#define CZ_PLAN_ALTERNATIVES	3

/* One dish a meal could be swapped for, and the day it would make. */
struct cz_plan_alternative {
	size_t			 tmpl;	/* index in the catalog's templates */
	int			 kept;	/* 1: the other meals keep their grams */
	struct cz_plan_day	 day;	/* the day with it, on target */
};

/*
 * Up to max (at most CZ_PLAN_ALTERNATIVES) dishes that meal meal of day
 * day (both from 0) of plan could be swapped for, into out: compatible
 * with req, none already in the day (nor a dinner of another day) nor
 * served twice by the week's other meals, each with the day it makes
 * within every target. Those with which the other meals keep their grams
 * come first; the rest need the day's unlocked meals portioned again.
 * When none fits: dishes the week serves once (another day's dinner),
 * else (not for a dinner) those it serves twice or more, the fewest
 * first. Deterministic for the same plan and seed, and
 * cz_plan_swap_meal with a dish offered here makes the same day. Returns
 * how many were found (0: the reason in err), or -1 with a message in err
 * for invalid arguments (also: the meal is locked).
 */
int		 cz_plan_alternatives(const struct cz_catalog *cat,
		    const struct cz_plan_request *req,
		    const struct cz_plan *plan, int day, int meal,
		    uint64_t seed, struct cz_plan_alternative *out, int max,
		    char *err, size_t errlen);

/*
 * Swaps meal meal of day day (from 0) of plan for template tmpl: the day
 * is solved with every other meal keeping its grams (*kept 1) or, when
 * that cannot meet the targets, with only the locked ones keeping theirs
 * (*kept 0). Returns 0 with the day replaced, 1 when neither solves (plan
 * unchanged, the reason in err), or -1 with a message in err when tmpl is
 * not a dish this meal may take (see cz_plan_alternatives: a dish served
 * twice already only when no other fits) or the
 * arguments are invalid (also: the meal is locked).
 */
int		 cz_plan_swap_meal(const struct cz_catalog *cat,
		    const struct cz_plan_request *req, struct cz_plan *plan,
		    int day, int meal, size_t tmpl, int *kept, char *err,
		    size_t errlen);

/* The splitmix64 generator the planner draws from: advances *state and
 * returns the next value. */
uint64_t	 cz_plan_random(uint64_t *state);

#endif /* CZ_PLANNER_H */
