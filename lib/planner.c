/*
 * planner.c - the week planner.
 *
 * For every day, one template is drawn per slot of the meal pattern among
 * those the request allows, favouring templates (and combinations) whose
 * default macro shares lie near the day's target, since random mixes are
 * often unsolvable; the portions of the day are then solved by
 * cz_solve_day, each item between its template's lower bound and its
 * ingredient's upper bound (so that a meal can carry more energy than the
 * template's own defaults suggest).  A day that does not solve is drawn again, up to
 * CZ_PLAN_ATTEMPTS times, before the plan is declared infeasible with the
 * constraint that failed most often.  Dinners never repeat within a plan
 * it makes, and no dish comes more than twice a week where others fit.
 *
 * Changing one meal (another dish drawn, or one of its alternatives
 * chosen) first solves the day with every other meal held at its grams,
 * so that a swap changes nothing else when the swapped dish alone can
 * carry the day to its targets; only when it cannot are the other meals
 * portioned again.  Locked meals are held at their dish and grams through
 * every change of their day or plan.  Every change counts the servings
 * of the week as they will be after it: a dish already served twice on
 * the other days comes again only when no other fits (never a dinner), a
 * dinner of another day only when no new one does (meal_change_init,
 * enum tier).
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planner.h"
#include "intakes.h"

#define MAX_TEMPLATES	1024	/* templates the planner considers */
#define MAX_CANDIDATES	MAX_TEMPLATES
#define NEAR_SHARES	0.20	/* "near" the target: every share within */
#define NEAR_ATTEMPTS	(CZ_PLAN_ATTEMPTS / 2)	/* attempts preferring them */
#define COMBO_DRAWS	8	/* combinations drawn per attempt */
#define MEAL_BAND	0.06	/* soft band around a slot's energy share */
#define ALT_TRIES	120	/* dishes tried for alternatives, at most */
/* Variety (issue 12): a dish at most REPEAT_MAX times a week where the
 * slot has others; the first REPEAT_ATTEMPTS draws of a day keep to it,
 * later ones may repeat a dish when no other solves (the plan document
 * then says so, plan_doc.c). */
#define REPEAT_MAX	2
#define REPEAT_ATTEMPTS	(CZ_PLAN_ATTEMPTS * 2 / 3)
/* A day drawn again to mend a repeat (redraw_repeat_days) gets more draws
 * than a day of a new plan: it comes only where the week's fibre ceiling
 * or energy left one dish doing the work, and a plan has few such days
 * (plan-check 5000: 52 plans kept a repeat with 40 draws, 27 with 180, 18
 * with 360, its planning time within run-to-run noise of 180's; 600 gave
 * 15, with the slowest plan at 1.6 s against 0.8). */
#define REPAIR_ATTEMPTS	(CZ_PLAN_ATTEMPTS * 6)
/* Saturated fat at most this share of a day's energy, but on keto
 * (issue 12; Dietary Guidelines for Americans 2020-2025 and WHO: "less
 * than 10 percent of calories per day from saturated fats"). */
#define SAT_FAT_SHARE	0.10
/* A day failing on the saturated-fat cap is counted apart from the other
 * caps, so that a refusal can name it: the planner's failures are the
 * solver's plus this one. */
#define FAIL_SAT_FAT	CZ_SOLVER_FAIL__MAX
#define NFAILS		(CZ_SOLVER_FAIL__MAX + 1)

static const char *const pattern_names[CZ_PATTERN__MAX] = {
	"3_meals", "3_meals_2_snacks", "5_small_meals", "2_meals", "omad"
};

static const char *const profile_names[CZ_PROFILE__MAX] = {
	"none", "athlete", "older_adult", "pregnancy"
};

static const char *const restriction_names[CZ_RESTRICTIONS__MAX] = {
	"gluten_free", "dairy_free", "egg_free", "peanut_free", "nut_free",
	"soy_free", "fish_free", "shellfish_free", "sesame_free"
};

/* Energy shares in percent of protein, fat and carbohydrate. */
static const struct {
	double	protein, fat, carbs;
} diet_shares[CZ_DIET__MAX] = {
	[CZ_DIET_STANDARD] =		{ 20, 30, 50 },
	[CZ_DIET_VEGETARIAN] =		{ 18, 30, 52 },
	[CZ_DIET_VEGAN] =		{ 15, 30, 55 },
	[CZ_DIET_KETO] =		{ 22, 73,  5 },
	[CZ_DIET_PALEO] =		{ 30, 40, 30 },
	[CZ_DIET_MEDITERRANEAN] =	{ 18, 37, 45 },
};

/* Protein points a profile adds, taken from carbs (from fat on keto),
 * and whether it excludes foods unsafe in pregnancy. */
static const struct {
	double	protein;
	int	pregnancy;
} profiles[CZ_PROFILE__MAX] = {
	[CZ_PROFILE_NONE] =		{ 0, 0 },
	[CZ_PROFILE_ATHLETE] =		{ 8, 0 },
	[CZ_PROFILE_OLDER_ADULT] =	{ 4, 0 },
	[CZ_PROFILE_PREGNANCY] =	{ 0, 1 },
};

#define S(s, f)	{ CZ_SLOT_##s, CZ_SLOT_##s, f }
static const struct {
	int				n;
	struct cz_pattern_slot		slots[CZ_PLAN_MAX_MEALS];
} patterns[CZ_PATTERN__MAX] = {
	[CZ_PATTERN_3_MEALS] = { 3, {
	    S(BREAKFAST, .30), S(LUNCH, .35), S(DINNER, .35) } },
	[CZ_PATTERN_3_MEALS_2_SNACKS] = { 5, {
	    S(BREAKFAST, .25), S(SNACK, .075), S(LUNCH, .30),
	    S(SNACK, .075), S(DINNER, .30) } },
	[CZ_PATTERN_5_SMALL_MEALS] = { 5, {
	    S(BREAKFAST, .20), S(SNACK, .20), S(LUNCH, .20),
	    S(SNACK, .20), S(DINNER, .20) } },
	[CZ_PATTERN_2_MEALS] = { 2, {
	    S(LUNCH, .45), S(DINNER, .55) } },
	[CZ_PATTERN_OMAD] = { 2, {
	    S(DINNER, .60), { CZ_SLOT_DINNER, CZ_SLOT_LUNCH, .40 } } },
};
#undef S

/* Names of the solver's failures as the plan's reasons give them. */
static const char *const fail_reasons[NFAILS] = {
	[CZ_SOLVER_FAIL_NONE] =		"none",
	[CZ_SOLVER_FAIL_INPUT] =	"portion bounds",
	[CZ_SOLVER_FAIL_ENERGY] =	"energy",
	[CZ_SOLVER_FAIL_PROTEIN] =	"protein share",
	[CZ_SOLVER_FAIL_FAT] =		"fat share",
	[CZ_SOLVER_FAIL_CARBS] =	"carbohydrate share",
	[CZ_SOLVER_FAIL_FIBER] =	"fiber",
	[CZ_SOLVER_FAIL_SODIUM] =	"sodium",
	[CZ_SOLVER_FAIL_NET_CARBS] =	"net carbs",
	[CZ_SOLVER_FAIL_CAP] =		"portion or nutrient limits",
	[FAIL_SAT_FAT] =		"saturated fat",
};

/* Why each daily limit: the adult tolerable upper intake level (US
 * National Academies), which the planner never lets a day reach. */
static const struct cz_plan_limit_def limits[CZ_LIMIT__MAX] = {
	[CZ_LIMIT_SELENIUM] =	{ "selenium", "ug", 400 },
	[CZ_LIMIT_RETINOL] =	{ "retinol", "ug", 3000 },
	[CZ_LIMIT_ZINC] =	{ "zinc", "mg", 40 },
	[CZ_LIMIT_IRON] =	{ "iron", "mg", 45 },
	[CZ_LIMIT_CALCIUM] =	{ "calcium", "mg", 2500 },
	/* not a UL: more than 70 g a day is beyond what a gut tolerates
	 * comfortably and a sign of a plate of bran, not of a meal */
	[CZ_LIMIT_FIBER] =	{ "fiber", "g", 70 },
};

const struct cz_plan_limit_def *
cz_plan_limit(int l)
{
	return l >= 0 && l < CZ_LIMIT__MAX ? &limits[l] : NULL;
}

double
cz_plan_limit_per_g(const struct cz_cat_food *f, int l)
{
	double v;

	switch (l) {
	case CZ_LIMIT_SELENIUM:
		return f->selenium;
	case CZ_LIMIT_RETINOL:
		return f->retinol;
	case CZ_LIMIT_ZINC:
		v = f->per100g.v[CZ_N_ZINC];
		break;
	case CZ_LIMIT_IRON:
		v = f->per100g.v[CZ_N_IRON];
		break;
	case CZ_LIMIT_CALCIUM:
		v = f->per100g.v[CZ_N_CALCIUM];
		break;
	case CZ_LIMIT_FIBER:
		return f->fiber;
	default:
		return 0.0;
	}
	return isfinite(v) ? v / 100.0 : 0.0;
}

/* The name of the failure counted most often in fails (by enum
 * cz_solver_fail, or FAIL_SAT_FAT), the first of equals; "none" is never
 * chosen. */
static const char *
worst_failure(const int *fails)
{
	int worst = 1, m;

	for (m = 2; m < NFAILS; m++)
		if (fails[m] > fails[worst])
			worst = m;
	return fail_reasons[worst];
}

/* The templates allowed per slot, with whether each is near the target. */
struct candidates {
	unsigned short	 t[CZ_SLOT__MAX][MAX_CANDIDATES];
	unsigned char	 near[CZ_SLOT__MAX][MAX_CANDIDATES];
	size_t		 n[CZ_SLOT__MAX];
	size_t		 nnear[CZ_SLOT__MAX];
	float		 fiber[MAX_TEMPLATES];	/* g per kcal, defaults */
	float		 room[MAX_TEMPLATES];	/* kcal at the upper bounds */
	float		 netc[MAX_TEMPLATES];	/* net carbs g per kcal */
};

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

const char *
cz_pattern_name(int p)
{
	return p >= 0 && p < CZ_PATTERN__MAX ? pattern_names[p] : NULL;
}

const char *
cz_profile_name(int p)
{
	return p >= 0 && p < CZ_PROFILE__MAX ? profile_names[p] : NULL;
}

const char *
cz_restriction_name(int r)
{
	return r >= 0 && r < CZ_RESTRICTIONS__MAX ? restriction_names[r] :
	    NULL;
}

int
cz_pattern_by_name(const char *s)
{
	return cz_name_index(pattern_names, CZ_PATTERN__MAX, s);
}

int
cz_profile_by_name(const char *s)
{
	return cz_name_index(profile_names, CZ_PROFILE__MAX, s);
}

int
cz_restriction_by_name(const char *s)
{
	return cz_name_index(restriction_names, CZ_RESTRICTIONS__MAX, s);
}

int
cz_pattern_slots(enum cz_pattern p, const struct cz_pattern_slot **slots)
{
	if ((int)p < 0 || p >= CZ_PATTERN__MAX)
		return 0;
	*slots = patterns[p].slots;
	return patterns[p].n;
}

int
cz_plan_slots(const struct cz_plan_request *req, struct cz_pattern_slot *out)
{
	const struct cz_pattern_slot *ps = NULL;
	int i, n, k = 0;

	n = cz_pattern_slots(req->pattern, &ps);
	int nside, j;

	for (i = 0; i < n && k < CZ_PLAN_MAX_MEALS; i++) {
		out[k] = ps[i];
		/* A side above CZ_PLAN_SIDE_KCAL, two above CZ_PLAN_SIDE2_KCAL. */
		nside = ps[i].kind == CZ_SLOT_SNACK ? 0 :
		    (ps[i].fraction * req->calories > CZ_PLAN_SIDE_KCAL) +
		    (ps[i].fraction * req->calories > CZ_PLAN_SIDE2_KCAL);
		if (nside > CZ_PLAN_MAX_MEALS - 1 - k)
			nside = CZ_PLAN_MAX_MEALS - 1 - k;
		if (nside <= 0 || ps[i].fraction * req->calories <=
		    CZ_PLAN_SIDE_KCAL) {
			k++;
			continue;
		}
		out[k].fraction = ps[i].fraction *
		    (1 - nside * CZ_PLAN_SIDE_SHARE);
		for (j = 1; j <= nside; j++) {
			out[k + j].slot = ps[i].slot;
			out[k + j].kind = CZ_SLOT_SNACK;
			out[k + j].fraction = ps[i].fraction *
			    CZ_PLAN_SIDE_SHARE;
		}
		k += 1 + nside;
	}
	return k;
}

int
cz_diet_shares(enum cz_diet d, double *protein, double *fat, double *carbs)
{
	if ((int)d < 0 || d >= CZ_DIET__MAX)
		return -1;
	*protein = diet_shares[d].protein;
	*fat = diet_shares[d].fat;
	*carbs = diet_shares[d].carbs;
	return 0;
}

uint64_t
cz_plan_random(uint64_t *state)
{
	uint64_t z;

	z = (*state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A uniform index below n (n > 0). */
static size_t
pick(uint64_t *state, size_t n)
{
	return (size_t)((cz_plan_random(state) >> 11) *
	    (1.0 / 9007199254740992.0) * (double)n);
}

int
cz_plan_validate(const struct cz_plan_request *req, char *err,
    size_t errlen)
{
	size_t i, k;

	if (req->calories < CZ_PLAN_MIN_KCAL ||
	    req->calories > CZ_PLAN_MAX_KCAL) {
		seterr(err, errlen, "calories must be %d to %d",
		    CZ_PLAN_MIN_KCAL, CZ_PLAN_MAX_KCAL);
		return -1;
	}
	if ((int)req->diet < 0 || req->diet >= CZ_DIET__MAX ||
	    (int)req->pattern < 0 || req->pattern >= CZ_PATTERN__MAX ||
	    (int)req->profile < 0 || req->profile >= CZ_PROFILE__MAX) {
		seterr(err, errlen, "unknown diet, meal pattern or profile");
		return -1;
	}
	if (req->restrictions >= 1u << CZ_RESTRICTIONS__MAX) {
		seterr(err, errlen, "unknown restriction");
		return -1;
	}
	if (req->days < 1 || req->days > CZ_PLAN_MAX_DAYS) {
		seterr(err, errlen, "days must be 1 to %d", CZ_PLAN_MAX_DAYS);
		return -1;
	}
	if (req->nexcluded > CZ_PLAN_MAX_EXCLUDED) {
		seterr(err, errlen, "at most %d excluded foods",
		    CZ_PLAN_MAX_EXCLUDED);
		return -1;
	}
	for (i = 0; i < req->nexcluded; i++) {
		for (k = 0; k < 5; k++)
			if (req->excluded[i][k] < '0' ||
			    req->excluded[i][k] > '9')
				break;
		if (k != 5 || req->excluded[i][5] != '\0') {
			seterr(err, errlen, "an excluded food must be a "
			    "5-digit NDB number");
			return -1;
		}
	}
	return 0;
}

void
cz_plan_target(const struct cz_plan_request *req, struct cz_plan_target *t)
{
	double p, f, c, dp;

	p = diet_shares[req->diet].protein;
	f = diet_shares[req->diet].fat;
	c = diet_shares[req->diet].carbs;
	dp = profiles[req->profile].protein;
	p += dp;
	if (req->diet == CZ_DIET_KETO)
		f -= dp;
	else
		c -= dp;
	memset(t, 0, sizeof(*t));
	t->energy = req->calories;
	t->protein_share = p / 100.0;
	t->fat_share = f / 100.0;
	t->carb_share = c / 100.0;
	t->sodium_max = 2300.0;
	t->profile = req->profile;
	t->vegan = req->diet == CZ_DIET_VEGAN;
	if (req->diet == CZ_DIET_KETO) {
		t->fiber_min = 0.0;
		t->net_carbs_max = 20.0;
	} else {
		t->fiber_min = fmin(14.0 * t->energy / 1000.0, 38.0);
		t->net_carbs_max = -1.0;
	}
}

int
cz_plan_food_ok(const struct cz_cat_food *f,
    const struct cz_plan_request *req)
{
	size_t i;

	if (!(f->diets & 1u << req->diet) ||
	    (f->allergens & req->restrictions) != 0 ||
	    (profiles[req->profile].pregnancy && f->pregnancy_excluded))
		return 0;
	for (i = 0; i < req->nexcluded; i++)
		if (strcmp(f->ndb, req->excluded[i]) == 0)
			return 0;
	return 1;
}

int
cz_plan_template_ok(const struct cz_catalog *cat,
    const struct cz_cat_template *tm, const struct cz_plan_request *req)
{
	size_t i;

	for (i = 0; i < tm->nitems; i++)
		if (!cz_plan_food_ok(&cat->foods[tm->items[i].food], req))
			return 0;
	return tm->nitems > 0;
}

/* The largest distance between a template's shares and the target's. */
static double
share_distance(double p, double f, double c, const struct cz_plan_target *t)
{
	return fmax(fabs(p - t->protein_share), fmax(fabs(f - t->fat_share),
	    fabs(c - t->carb_share)));
}

/* The fiber (net carbs when net) of a template's default weights, g. */
static double
template_fiber(const struct cz_catalog *cat, const struct cz_cat_template *tm,
    int net)
{
	const struct cz_cat_food *f;
	double g = 0;
	size_t i;

	for (i = 0; i < tm->nitems; i++) {
		f = &cat->foods[tm->items[i].food];
		g += (net ? f->carbs - f->fiber : f->fiber) *
		    tm->items[i].def_g;
	}
	return g;
}

/* The energy of a template at its items' upper bounds (the foods' own
 * upper bounds, as solve_day gives them), kcal. */
static double
template_room(const struct cz_catalog *cat, const struct cz_cat_template *tm)
{
	const struct cz_cat_food *f;
	double k = 0;
	size_t i;

	for (i = 0; i < tm->nitems; i++) {
		f = &cat->foods[tm->items[i].food];
		k += f->kcal * f->max_g;
	}
	return k;
}

static void
candidates_build(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan_target *t,
    struct candidates *cd)
{
	const struct cz_cat_template *tm;
	size_t i, s;

	memset(cd->n, 0, sizeof(cd->n));
	memset(cd->nnear, 0, sizeof(cd->nnear));
	for (i = 0; i < cat->ntemplates && i < MAX_TEMPLATES; i++) {
		tm = &cat->templates[i];
		s = tm->slot;
		if (cd->n[s] == MAX_CANDIDATES || tm->kcal <= 0 ||
		    !cz_plan_template_ok(cat, tm, req))
			continue;
		cd->t[s][cd->n[s]] = (unsigned short)i;
		cd->fiber[i] = (float)(template_fiber(cat, tm, 0) / tm->kcal);
		cd->netc[i] = (float)(template_fiber(cat, tm, 1) / tm->kcal);
		cd->room[i] = (float)template_room(cat, tm);
		cd->near[s][cd->n[s]] = share_distance(tm->protein_share,
		    tm->fat_share, tm->carb_share, t) <= NEAR_SHARES;
		cd->nnear[s] += cd->near[s][cd->n[s]];
		cd->n[s]++;
	}
}

/*
 * Draws a template for slot s, near the target when near is set and any
 * is, never one flagged in avoid (unless nothing else is left, and never
 * for dinners, which must not repeat), never one flagged in ban.
 * Returns the template index, or -1 when the slot has no candidate.
 */
static long
draw(const struct candidates *cd, enum cz_slot s, int near,
    const unsigned char *avoid, const unsigned char *ban, uint64_t *rng)
{
	unsigned short ok[MAX_CANDIDATES];
	size_t i, n = 0;
	int pass;

	/* Pass 0: near and not avoided; 1: not avoided; 2: anything. The
	 * candidates a pass allows are gathered as it counts them, where
	 * counting and then walking to the chosen one again went over
	 * them twice (some 240 draws a plan). */
	for (pass = near && cd->nnear[s] > 0 ? 0 : 1;
	    pass < (s == CZ_SLOT_DINNER ? 2 : 3); pass++) {
		n = 0;
		for (i = 0; i < cd->n[s]; i++)
			if ((pass > 0 || cd->near[s][i]) &&
			    (pass > 1 || !avoid[cd->t[s][i]]) &&
			    !ban[cd->t[s][i]])
				ok[n++] = cd->t[s][i];
		if (n > 0)
			break;
	}
	if (n == 0 || (i = pick(rng, n)) >= n)
		return -1;
	return ok[i];
}

/*
 * The distance to the target of a day's templates at their slots' energy:
 * of their shares, and of their fiber beyond 90% of the daily ceiling
 * (ten points per 10 g), which a high-energy day of fibrous dishes cannot
 * keep under, and of the energy a dish lacks at its upper bounds to carry
 * its share with a quarter to spare (a point per 1% of the day), and on
 * keto of net carbs beyond 80% of the limit (a point per gram).
 */
static double
combo_distance(const struct cz_catalog *cat, const struct candidates *cd,
    const size_t *tmpl, const struct cz_pattern_slot *slots, int n,
    const struct cz_plan_target *t)
{
	const struct cz_cat_template *tm;
	double p = 0, f = 0, c = 0, fib = 0, nc = 0, short_kcal = 0, sum, cap;
	double e, d;
	int m;

	for (m = 0; m < n; m++) {
		tm = &cat->templates[tmpl[m]];
		p += slots[m].fraction * tm->protein_share;
		f += slots[m].fraction * tm->fat_share;
		c += slots[m].fraction * tm->carb_share;
		fib += slots[m].fraction * t->energy * cd->fiber[tmpl[m]];
		nc += slots[m].fraction * t->energy * cd->netc[tmpl[m]];
		e = 1.25 * slots[m].fraction * t->energy;
		if (cd->room[tmpl[m]] < e)
			short_kcal += e - cd->room[tmpl[m]];
	}
	sum = p + f + c;
	cap = 0.9 * limits[CZ_LIMIT_FIBER].max;
	d = share_distance(p / sum, f / sum, c / sum, t) +
	    (fib > cap ? (fib - cap) / 100.0 : 0.0) + short_kcal / t->energy;
	if (t->net_carbs_max >= 0 && nc > 0.8 * t->net_carbs_max)
		d += (nc - 0.8 * t->net_carbs_max) / 100.0;
	return d;
}

/* What drawing a day needs. */
struct day_draw {
	const struct cz_catalog		*cat;
	const struct candidates		*cd;
	const struct cz_pattern_slot	*slots;
	int				 nslots;
	const struct cz_plan_target	*t;
	const unsigned char		*used;	/* dinners of earlier days */
	const unsigned char		*ban;	/* weekly limits reached */
	int				 near;
	uint64_t			*rng;
};

/*
 * Draws the templates of one day into tmpl: COMBO_DRAWS combinations, no
 * template twice in the day, keeping the one nearest the target.
 * Returns 0, or -1 when a slot has no candidate left.
 */
static int
draw_day(const struct day_draw *a, size_t *tmpl)
{
	unsigned char avoid[MAX_TEMPLATES];
	size_t cur[CZ_PLAN_MAX_MEALS];
	double best = INFINITY, d;
	long ti;
	int k, m;

	for (k = 0; k < COMBO_DRAWS; k++) {
		memcpy(avoid, a->used, sizeof(avoid));
		for (m = 0; m < a->nslots; m++) {
			ti = draw(a->cd, a->slots[m].kind, a->near, avoid,
			    a->ban, a->rng);
			if (ti == -1)
				return -1;
			cur[m] = (size_t)ti;
			avoid[ti] = 1;
		}
		d = combo_distance(a->cat, a->cd, cur, a->slots, a->nslots,
		    a->t);
		if (d < best) {
			best = d;
			memcpy(tmpl, cur, sizeof(cur));
		}
	}
	return 0;
}

/* Where the caps of struct cz_solver_targets end: solve_day clears the
 * fields before and after them, not the 25 KB of caps. */
#define CAPS_END	(offsetof(struct cz_solver_targets, caps) + \
	sizeof(((struct cz_solver_targets *)0)->caps))

/* A new cap of st, zeroed, or NULL when st has no room left. */
static struct cz_solver_cap *
cap_new(struct cz_solver_targets *st, double max, double scale)
{
	struct cz_solver_cap *c;

	if (st->ncaps == CZ_SOLVER_MAX_CAPS)
		return NULL;
	c = &st->caps[st->ncaps++];
	memset(c->coef, 0, sizeof(c->coef));
	c->max = max;
	c->scale = scale;
	return c;
}

int
cz_plan_title_rule(const struct cz_catalog *cat,
    const struct cz_cat_template *tm, size_t *title, size_t *big,
    int *by_energy, double *ratio)
{
	double v, vt, vb = -1;
	size_t i, t, above = 0;

	for (t = 0; t < tm->nitems && !tm->items[t].title; t++)
		continue;
	if (t == tm->nitems || tm->nitems < 2)
		return -1;
	for (i = 0; i < tm->nitems; i++)
		above += i != t && tm->items[i].def_g > tm->items[t].def_g;
	*by_energy = above > 1;
	*title = t;
	*big = t;
	vt = tm->items[t].def_g *
	    (*by_energy ? cat->foods[tm->items[t].food].kcal : 1.0);
	for (i = 0; i < tm->nitems; i++) {
		v = tm->items[i].def_g *
		    (*by_energy ? cat->foods[tm->items[i].food].kcal : 1.0);
		if (i != t && v > vb) {
			vb = v;
			*big = i;
		}
	}
	*ratio = vt > 0 ? fmax(CZ_PLAN_TITLE_RATIO, 1.25 * vb / vt) :
	    CZ_PLAN_TITLE_RATIO;
	return 0;
}

/*
 * The title rule of the dishes of day not in fixed as hard cap rows
 * (planner.h, CZ_PLAN_TITLE_RATIO): each other item of a dish at most its
 * title's amount, the largest other at most ratio times it. An item that
 * cannot pass its limit at its upper bound gets no row.
 */
static void
title_caps(const struct cz_catalog *cat, const struct cz_plan_day *day,
    const struct cz_solver_item *items, unsigned int fixed,
    struct cz_solver_targets *st)
{
	const struct cz_cat_template *tm;
	struct cz_solver_cap *c;
	double wt, wj, lim, ratio;
	size_t base, i, j, t, big;
	int m, by_energy;

	for (m = 0, base = 0; m < day->nmeals; m++) {
		while (base < day->nitems && day->items[base].meal < m)
			base++;
		tm = &cat->templates[day->meals[m].tmpl];
		if (fixed & 1u << m || base + tm->nitems > day->nitems ||
		    cz_plan_title_rule(cat, tm, &t, &big, &by_energy,
		    &ratio) == -1)
			continue;
		wt = by_energy ? items[base + t].kcal : 1.0;
		for (j = 0; j < tm->nitems; j++) {
			if (j == t)
				continue;
			i = base + j;
			wj = by_energy ? items[i].kcal : 1.0;
			lim = j == big ? ratio : 1.0;
			if (items[i].hi * wj <= lim * items[base + t].lo * wt)
				continue;
			if ((c = cap_new(st, 0, items[base + t].def * wt)) ==
			    NULL)
				return;
			c->coef[i] = wj;
			c->coef[base + t] = -lim * wt;
		}
	}
}

/* Whether t is a keto day's target: keto alone has a net carbs limit
 * (cz_plan_target). */
static int
is_keto(const struct cz_plan_target *t)
{
	return t->net_carbs_max >= 0;
}

/*
 * The portion rules of a day as hard cap rows of the solver: each food's
 * grams a day (eggs, Brazil nuts, liver), each dish's added fat (grams,
 * and its share of the dish's energy), the day's added fat, the daily
 * upper limits and, but on keto, the day's saturated fat.  The solver
 * turns single-item caps into bounds and leaves out caps the day cannot
 * reach.  Sets *satfat_cap to the saturated fat's row, or -1 for none.
 */
static void
add_caps(const struct cz_catalog *cat, const struct cz_plan_day *day,
    const struct cz_solver_item *items, const struct cz_plan_target *t,
    const struct cz_pattern_slot *slots, struct cz_solver_targets *st,
    int *satfat_cap)
{
	const struct cz_cat_food *f;
	struct cz_solver_cap *c;
	double energy = t->energy, sat;
	size_t i, j;
	int m, l, nfat;

	for (i = 0; i < day->nitems; i++) {
		f = &cat->foods[day->items[i].food];
		if (!(f->day_max_g > 0))
			continue;
		for (j = 0; j < i; j++)
			if (day->items[j].food == day->items[i].food)
				break;
		if (j < i || (c = cap_new(st, f->day_max_g, 0)) == NULL)
			continue;
		for (j = i; j < day->nitems; j++)
			if (day->items[j].food == day->items[i].food)
				c->coef[j] = 1.0;
	}
	for (m = 0; m < day->nmeals; m++) {
		nfat = 0;
		for (i = 0; i < day->nitems; i++)
			if (day->items[i].meal == m &&
			    cat->foods[day->items[i].food].added_fat)
				nfat++;
		if (nfat == 0)
			continue;
		if (nfat > 1 && (c = cap_new(st, CZ_PLAN_DISH_ADDED_FAT_G,
		    0)) != NULL)
			for (i = 0; i < day->nitems; i++)
				if (day->items[i].meal == m &&
				    cat->foods[day->items[i].food].added_fat)
					c->coef[i] = 1.0;
		/* fat kcal - share x dish kcal <= 0 */
		if ((c = cap_new(st, 0, slots[m].fraction * energy)) == NULL)
			continue;
		for (i = 0; i < day->nitems; i++)
			if (day->items[i].meal == m)
				c->coef[i] = items[i].kcal *
				    ((cat->foods[day->items[i].food].added_fat ?
				    1.0 : 0.0) - CZ_PLAN_DISH_FAT_SHARE);
	}
	if ((c = cap_new(st, CZ_PLAN_DAY_ADDED_FAT_SHARE * energy / 9.0, 0)) !=
	    NULL)
		for (i = 0; i < day->nitems; i++)
			if (cat->foods[day->items[i].food].added_fat)
				c->coef[i] = 1.0;
	for (l = 0; l < CZ_LIMIT__MAX; l++) {
		if ((c = cap_new(st, limits[l].max, 0)) == NULL)
			break;
		for (i = 0; i < day->nitems; i++)
			c->coef[i] = cz_plan_limit_per_g(
			    &cat->foods[day->items[i].food], l);
	}
	/*
	 * Saturated fat under SAT_FAT_SHARE of the day's energy (Dietary
	 * Guidelines for Americans 2020-2025, WHO), but on keto: at 73% of
	 * its energy from fat keto could not keep under 10%, so its share
	 * is only reported (docs/planner-rules.md).  In grams against the
	 * lowest energy the day may have, so that the share holds however
	 * the day lands within its energy tolerance:
	 *   sum (sat g per 100 g / 100) x grams <= 0.10 x 0.97 x kcal / 9
	 * (9 kcal per g of fat; 0.97 = 1 - CZ_PLAN_ENERGY_TOL_PCT; a
	 * missing amount counts as none, as in the day's totals).  A row
	 * of nonnegative coefficients, the solver leaves it out of every
	 * day whose foods cannot reach it, which is most days: a share
	 * row (9 x sat - 0.10 x kcal <= 0) was exact but always present,
	 * and cost about a tenth more solving time.
	 */
	*satfat_cap = -1;
	if (is_keto(t) || (c = cap_new(st, SAT_FAT_SHARE * (1.0 -
	    CZ_PLAN_ENERGY_TOL_PCT / 100.0) * energy / 9.0, 0)) == NULL)
		return;
	*satfat_cap = st->ncaps - 1;
	for (i = 0; i < day->nitems; i++) {
		sat = cat->foods[day->items[i].food].per100g.v[
		    CZ_N_SATURATED_FAT];
		c->coef[i] = isfinite(sat) && sat > 0 ? sat / 100.0 : 0.0;
	}
}

/* The solver item of food f: its nutrients per gram, those of the soft
 * floors (the reference intakes) included. */
static void
item_food(const struct cz_cat_food *f, struct cz_solver_item *it)
{
	const struct cz_intake_ref *refs;
	const char *source;
	double v;
	int k;

	it->kcal = f->kcal;
	it->protein = f->protein;
	it->fat = f->fat;
	it->carbs = f->carbs;
	it->fiber = f->fiber;
	it->sodium = f->sodium;
	/* The nutrients are the same for every profile; only the amounts
	 * differ. */
	refs = cz_intake_refs(CZ_PROFILE_NONE, &source);
	for (k = 0; k < CZ_INTAKES && k < CZ_SOLVER_MAX_FLOORS; k++) {
		v = f->per100g.v[refs[k].nutrient];
		it->floor[k] = isfinite(v) && v > 0 ? v / 100.0 : 0.0;
	}
}

/* The soft floors of st: the reference intakes of t's profile. */
static void
set_floors(const struct cz_plan_target *t, struct cz_solver_targets *st)
{
	const struct cz_intake_ref *refs;
	const char *source;
	int k;

	refs = cz_intake_refs(t->profile, &source);
	for (k = 0; k < CZ_INTAKES && k < CZ_SOLVER_MAX_FLOORS; k++) {
		st->floors[k].min = refs[k].amount;
		/* Food rarely gives vitamin D, nor a vegan day B12: their
		 * rows would pull on every day for almost nothing (the
		 * advice names them instead). */
		st->floors[k].weight = refs[k].nutrient == CZ_N_VITAMIN_D ||
		    (refs[k].nutrient == CZ_N_VITAMIN_B12 && t->vegan) ? 0.0 :
		    CZ_PLAN_FLOOR_WEIGHT;
	}
	st->nfloors = k;
}

/*
 * Adds the ingredients of meal m of keep to items and day (*n of them so
 * far) as solver items held at their grams (a step of their own weight,
 * so that rounding keeps them too).  Returns 0, or -1 when they do not
 * fit.
 */
static int
fix_meal(const struct cz_catalog *cat, const struct cz_plan_day *keep, int m,
    struct cz_solver_item *items, struct cz_plan_day *day, size_t *n)
{
	const struct cz_cat_food *f;
	struct cz_solver_item *it;
	double g;
	size_t i;

	for (i = 0; i < keep->nitems; i++) {
		if (keep->items[i].meal != m)
			continue;
		if (*n == CZ_SOLVER_MAX_ITEMS)
			return -1;
		f = &cat->foods[keep->items[i].food];
		g = keep->items[i].grams;
		it = &items[*n];
		item_food(f, it);
		it->lo = it->hi = it->def = g;
		it->step = g > 0 ? g : 1.0;
		it->meal = m;
		day->items[*n].food = keep->items[i].food;
		day->items[*n].meal = m;
		(*n)++;
	}
	return 0;
}

/*
 * Builds the solver items and targets of a day with templates tmpl and
 * solves it into day.  The meals flagged in fixed (bit m for meal m) keep
 * the ingredients and grams they have in keep (their template must be
 * tmpl[m]): the solver sees them as items bounded to exactly those grams,
 * so only the other meals are portioned.  keep (NULL when fixed is 0)
 * must not be day.  A meal keeping its template keeps its lock flag.
 * Returns 0, or the failed constraint (FAIL_SAT_FAT for the saturated
 * fat's cap).
 */
static enum cz_solver_fail
solve_day(const struct cz_catalog *cat, const struct cz_pattern_slot *slots,
    int nslots, const size_t *tmpl, const struct cz_plan_target *t,
    const struct cz_plan_day *keep, unsigned int fixed,
    struct cz_plan_day *day)
{
	struct cz_solver_item items[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets st;
	struct cz_solver_result r;
	const struct cz_cat_template *tm;
	const struct cz_cat_item *ci;
	const struct cz_cat_food *f;
	struct cz_solver_item *it;
	double scale;
	size_t n = 0, i;
	int m, satfat_cap;

	memset(items, 0, sizeof(items));
	/* All but the caps (25 KB, most never used): cap_new clears each
	 * one it hands out. */
	memset(&st, 0, offsetof(struct cz_solver_targets, caps));
	memset((char *)&st + CAPS_END, 0, sizeof(st) - CAPS_END);
	st.energy = t->energy;
	st.protein_share = t->protein_share;
	st.fat_share = t->fat_share;
	st.carb_share = t->carb_share;
	st.energy_tol = CZ_PLAN_ENERGY_TOL_PCT / 100.0;
	st.share_tol = CZ_PLAN_SHARE_TOL_PTS / 100.0;
	st.fiber_min = t->fiber_min;
	st.sodium_max = t->sodium_max;
	st.net_carbs_max = t->net_carbs_max;
	set_floors(t, &st);
	memset(day, 0, sizeof(*day));
	for (m = 0; m < nslots; m++) {
		tm = &cat->templates[tmpl[m]];
		st.meal_lo[m] = fmax(slots[m].fraction - MEAL_BAND, 0.0);
		st.meal_hi[m] = slots[m].fraction + MEAL_BAND;
		scale = slots[m].fraction * t->energy / tm->kcal;
		day->meals[m].slot = slots[m].slot;
		day->meals[m].tmpl = tmpl[m];
		if (keep != NULL && keep->meals[m].tmpl == tmpl[m])
			day->meals[m].locked = keep->meals[m].locked;
		if (fixed & 1u << m) {
			if (fix_meal(cat, keep, m, items, day, &n) == -1)
				return CZ_SOLVER_FAIL_INPUT;
			continue;
		}
		for (i = 0; i < tm->nitems; i++) {
			if (n == CZ_SOLVER_MAX_ITEMS)
				return CZ_SOLVER_FAIL_INPUT;
			ci = &tm->items[i];
			f = &cat->foods[ci->food];
			it = &items[n];
			item_food(f, it);
			it->lo = ci->min_g;
			it->hi = cat->foods[ci->food].max_g;
			it->step = f->step_g;
			it->def = fmin(fmax(ci->def_g * scale, ci->min_g),
			    ci->max_g);
			it->meal = m;
			day->items[n].food = ci->food;
			day->items[n].meal = m;
			n++;
		}
	}
	day->nmeals = nslots;
	day->nitems = n;
	if (n == 0)
		return CZ_SOLVER_FAIL_INPUT;
	add_caps(cat, day, items, t, slots, &st, &satfat_cap);
	title_caps(cat, day, items, fixed, &st);
	if (cz_solve_day(items, n, &st, &r) == -1) {
		if (r.fail == CZ_SOLVER_FAIL_CAP && r.fail_cap == satfat_cap &&
		    satfat_cap >= 0)
			return FAIL_SAT_FAT;
		return r.fail == CZ_SOLVER_FAIL_NONE ? CZ_SOLVER_FAIL_INPUT :
		    r.fail;
	}
	for (i = 0; i < n; i++)
		day->items[i].grams = r.grams[i];
	cz_plan_day_totals(cat, day);
	return CZ_SOLVER_FAIL_NONE;
}

void
cz_plan_day_totals(const struct cz_catalog *cat, struct cz_plan_day *day)
{
	struct cz_nutrients x;
	size_t i;

	cz_nutrients_zero(&day->totals);
	for (i = 0; i < day->nitems; i++) {
		cz_nutrients_scale(&cat->foods[day->items[i].food].per100g,
		    day->items[i].grams, &x);
		cz_nutrients_add(&day->totals, &x);
	}
}

/* Solves day day of plan with templates tmpl, the meals in fixed keeping
 * their grams; on success replaces it and returns 1, else counts the
 * failure in fails and returns 0. */
static int
replace_day(const struct cz_catalog *cat, const struct cz_pattern_slot *slots,
    int nslots, const size_t *tmpl, unsigned int fixed, struct cz_plan *plan,
    int day, int *fails)
{
	struct cz_plan_day nd;
	enum cz_solver_fail f;

	f = solve_day(cat, slots, nslots, tmpl, &plan->target,
	    &plan->days[day], fixed, &nd);
	if (f != CZ_SOLVER_FAIL_NONE) {
		fails[f]++;
		return 0;
	}
	plan->days[day] = nd;
	return 1;
}

/*
 * Flags in ban the templates holding a food that is already on as many
 * days of plan (days 0 .. ndays - 1 but skip) as its week_max_days allows
 * (liver: once a week).
 */
static void
ban_weekly(const struct cz_catalog *cat, const struct cz_plan *plan,
    int ndays, int skip, unsigned char *ban)
{
	const struct cz_cat_template *tm;
	size_t f, i, t;
	int d, days;

	memset(ban, 0, MAX_TEMPLATES);
	for (f = 0; f < cat->nfoods; f++) {
		if (cat->foods[f].week_max_days <= 0)
			continue;
		for (d = days = 0; d < ndays; d++) {
			if (d == skip)
				continue;
			for (i = 0; i < plan->days[d].nitems; i++)
				if (plan->days[d].items[i].food == f)
					break;
			days += i < plan->days[d].nitems;
		}
		if (days < cat->foods[f].week_max_days)
			continue;
		for (t = 0; t < cat->ntemplates && t < MAX_TEMPLATES; t++) {
			tm = &cat->templates[t];
			for (i = 0; i < tm->nitems; i++)
				if (tm->items[i].food == f)
					ban[t] = 1;
		}
	}
}

static void repair_repeats(const struct cz_catalog *,
    const struct cz_plan_request *, struct cz_plan *, int);

/* One try of cz_plan_make, with req's seed. */
static int
plan_make(const struct cz_catalog *cat, const struct cz_plan_request *req,
    struct cz_plan *plan, char *err, size_t errlen)
{
	struct candidates cd;
	unsigned char used[MAX_TEMPLATES], ban[MAX_TEMPLATES];
	/* dinners so far and dishes had REPEAT_MAX times; times had */
	unsigned char twice[MAX_TEMPLATES], times[MAX_TEMPLATES];
	struct cz_pattern_slot slotbuf[CZ_PLAN_MAX_MEALS];
	const struct cz_pattern_slot *slots = slotbuf;
	struct day_draw a;
	size_t tmpl[CZ_PLAN_MAX_MEALS];
	int fails[NFAILS];
	enum cz_solver_fail f;
	uint64_t rng;
	int nslots, d, k, m;

	if (cz_plan_validate(req, err, errlen) == -1)
		return -1;
	memset(plan, 0, sizeof(*plan));
	memset(used, 0, sizeof(used));
	memset(twice, 0, sizeof(twice));
	memset(times, 0, sizeof(times));
	cz_plan_target(req, &plan->target);
	nslots = cz_plan_slots(req, slotbuf);
	candidates_build(cat, req, &plan->target, &cd);
	for (m = 0; m < nslots; m++) {
		if (cd.n[slots[m].kind] == 0) {
			snprintf(plan->reason, sizeof(plan->reason),
			    "no compatible %s template",
			    cz_slot_name((int)slots[m].kind));
			return 0;
		}
	}
	for (m = 0, k = 0; m < nslots; m++)
		k += slots[m].kind == CZ_SLOT_DINNER;
	if (cd.n[CZ_SLOT_DINNER] < (size_t)(k * req->days)) {
		snprintf(plan->reason, sizeof(plan->reason),
		    "not enough compatible dinners for %d days without "
		    "repeats", req->days);
		return 0;
	}
	rng = req->seed;
	a.cat = cat;
	a.cd = &cd;
	a.slots = slots;
	a.nslots = nslots;
	a.t = &plan->target;
	a.used = used;
	a.ban = ban;
	a.rng = &rng;
	for (d = 0; d < req->days; d++) {
		ban_weekly(cat, plan, d, -1, ban);
		memset(fails, 0, sizeof(fails));
		for (k = 0; k < CZ_PLAN_ATTEMPTS; k++) {
			a.near = k < NEAR_ATTEMPTS;
			a.used = k < REPEAT_ATTEMPTS ? twice : used;
			if (draw_day(&a, tmpl) == -1) {
				snprintf(plan->reason, sizeof(plan->reason),
				    "not enough compatible dinners for %d "
				    "days without repeats", req->days);
				return 0;
			}
			f = solve_day(cat, slots, nslots, tmpl,
			    &plan->target, NULL, 0, &plan->days[d]);
			if (f == CZ_SOLVER_FAIL_NONE)
				break;
			fails[f]++;
		}
		if (k == CZ_PLAN_ATTEMPTS) {
			snprintf(plan->reason, sizeof(plan->reason),
			    "day %d: %s", d + 1, worst_failure(fails));
			memset(plan->days, 0, sizeof(plan->days));
			return 0;
		}
		for (m = 0; m < nslots; m++) {
			if (slots[m].kind == CZ_SLOT_DINNER)
				used[tmpl[m]] = 1;
			if (times[tmpl[m]] < REPEAT_MAX)
				times[tmpl[m]]++;
			twice[tmpl[m]] = used[tmpl[m]] ||
			    times[tmpl[m]] >= REPEAT_MAX;
		}
	}
	plan->ndays = req->days;
	plan->feasible = 1;
	repair_repeats(cat, req, plan, -1);
	return 0;
}

static void week_times(const struct cz_plan *, int, int, unsigned char *);

/*
 * Whether plan serves a dish more than REPEAT_MAX times although the
 * dishes of its slot that fit req could cover the week's servings of that
 * slot within REPEAT_MAX each: a repeat the plan's draws made, which
 * another seed's draws may well not.
 */
static int
avoidable_repeat(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *plan)
{
	unsigned char times[MAX_TEMPLATES];
	int served[CZ_SLOT__MAX] = { 0 }, have[CZ_SLOT__MAX];
	size_t t, o;
	int d, m, k;

	week_times(plan, -1, -1, times);
	for (d = 0; d < plan->ndays; d++)
		for (m = 0; m < plan->days[d].nmeals; m++) {
			t = plan->days[d].meals[m].tmpl;
			k = t < cat->ntemplates ? (int)cat->templates[t].slot :
			    -1;
			if (k >= 0 && k < CZ_SLOT__MAX)
				served[k]++;
		}
	for (k = 0; k < CZ_SLOT__MAX; k++)
		have[k] = -1;
	for (t = 0; t < cat->ntemplates && t < MAX_TEMPLATES; t++) {
		k = (int)cat->templates[t].slot;
		if (times[t] <= REPEAT_MAX || k < 0 || k >= CZ_SLOT__MAX)
			continue;
		if (have[k] == -1)
			for (have[k] = 0, o = 0; o < cat->ntemplates; o++)
				have[k] += (int)cat->templates[o].slot == k &&
				    cz_plan_template_ok(cat,
				    &cat->templates[o], req);
		if (have[k] * REPEAT_MAX >= served[k])
			return 1;
	}
	return 0;
}

int
cz_plan_make_tries(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan, int tries,
    char *err, size_t errlen)
{
	struct cz_plan_request q = *req;
	struct cz_plan *kept = NULL;
	uint64_t st = req->seed;
	int k, rc = 0;

	/* Before refusing, other seeds: another draw of dishes often
	 * carries a target the first could not. The first try is the
	 * request's own seed, so a feasible plan is the same as ever,
	 * unless it serves a dish a third time that its slot could have
	 * spared: then the next seeds are tried too, the first of them
	 * without such a repeat taken, else the first plan. */
	for (k = 0; k < tries; k++) {
		if (k > 0)
			q.seed = cz_plan_random(&st);
		if ((rc = plan_make(cat, &q, plan, err, errlen)) != 0)
			break;
		if (!plan->feasible)
			continue;
		if (!avoidable_repeat(cat, req, plan))
			break;
		if (kept != NULL)
			continue;
		if (k == tries - 1 ||
		    (kept = malloc(sizeof(*kept))) == NULL)
			break;
		*kept = *plan;
	}
	if (kept != NULL) {
		if (rc == 0 && (!plan->feasible ||
		    avoidable_repeat(cat, req, plan)))
			*plan = *kept;
		free(kept);
	}
	return rc;
}

int
cz_plan_make(const struct cz_catalog *cat, const struct cz_plan_request *req,
    struct cz_plan *plan, char *err, size_t errlen)
{
	return cz_plan_make_tries(cat, req, plan, CZ_PLAN_TRIES, err, errlen);
}

/* The meals of day d that are locked, as bits (meal m: 1 << m). */
static unsigned int
locked_mask(const struct cz_plan_day *d)
{
	unsigned int mask = 0;
	int m;

	for (m = 0; m < d->nmeals; m++)
		if (d->meals[m].locked)
			mask |= 1u << m;
	return mask;
}

/* What changing one meal needs: the day's slots and templates, the
 * candidates, the templates the meal may not take (avoid) or none may
 * (ban). */
struct meal_change {
	struct cz_pattern_slot	 slots[CZ_PLAN_MAX_MEALS];
	int			 nslots;
	size_t			 tmpl[CZ_PLAN_MAX_MEALS];
	struct candidates	 cd;
	unsigned char		 avoid[MAX_TEMPLATES];
	unsigned char		 ban[MAX_TEMPLATES];
	/* servings of each dish in the week's other meals: the dish put in
	 * this meal is served times + 1 times after the change */
	unsigned char		 times[MAX_TEMPLATES];
};

/*
 * Counts into times (MAX_TEMPLATES) the servings of each dish in plan,
 * leaving out day skip_day's meal skip_meal (every meal of that day when
 * skip_meal is -1): what a change there keeps of the week.
 */
static void
week_times(const struct cz_plan *plan, int skip_day, int skip_meal,
    unsigned char *times)
{
	size_t t;
	int d, m;

	memset(times, 0, MAX_TEMPLATES);
	for (d = 0; d < plan->ndays; d++)
		for (m = 0; m < plan->days[d].nmeals; m++) {
			t = plan->days[d].meals[m].tmpl;
			if (t >= MAX_TEMPLATES || (d == skip_day &&
			    (skip_meal < 0 || m == skip_meal)))
				continue;
			if (times[t] < UCHAR_MAX)
				times[t]++;
		}
}

/*
 * Fills mc for meal meal of day day of plan: checks the arguments (-1 with
 * a message in err: no such day or meal, or the meal is locked), then the
 * candidates of its slot, the day's other dishes, every day's dinners of
 * that meal and every dish the week would then serve more than REPEAT_MAX
 * times avoided, the weekly limits banned. Returns 0.
 */
static int
meal_change_init(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *plan, int day,
    int meal, struct meal_change *mc, char *err, size_t errlen)
{
	size_t t;
	int d, m;

	if (cz_plan_validate(req, err, errlen) == -1)
		return -1;
	mc->nslots = cz_plan_slots(req, mc->slots);
	if (!plan->feasible || plan->ndays != req->days || day < 0 ||
	    day >= plan->ndays || meal < 0 || meal >= mc->nslots ||
	    plan->days[day].nmeals != mc->nslots) {
		seterr(err, errlen, "no such day or meal in the plan");
		return -1;
	}
	if (plan->days[day].meals[meal].locked) {
		seterr(err, errlen, "meal %d of day %d is locked", meal + 1,
		    day + 1);
		return -1;
	}
	candidates_build(cat, req, &plan->target, &mc->cd);
	ban_weekly(cat, plan, plan->ndays, day, mc->ban);
	week_times(plan, day, meal, mc->times);
	for (t = 0; t < MAX_TEMPLATES; t++)
		mc->avoid[t] = mc->times[t] >= REPEAT_MAX;
	for (m = 0; m < mc->nslots; m++) {
		mc->tmpl[m] = plan->days[day].meals[m].tmpl;
		if (mc->tmpl[m] < MAX_TEMPLATES)
			mc->avoid[mc->tmpl[m]] = 1;
		for (d = 0; d < plan->ndays; d++)
			if (mc->slots[m].kind == CZ_SLOT_DINNER &&
			    plan->days[d].meals[m].tmpl < MAX_TEMPLATES)
				mc->avoid[plan->days[d].meals[m].tmpl] = 1;
	}
	return 0;
}

/*
 * Solves day day of plan with template ti in meal meal (mc filled for
 * them) into *out: first with every other meal keeping its grams (*kept
 * 1), else with only the locked ones keeping theirs (*kept 0). Returns 1
 * when one of the two solves, else 0 with the failures counted in fails.
 */
static int
try_dish(const struct cz_catalog *cat, const struct cz_plan *plan, int day,
    int meal, size_t ti, const struct meal_change *mc, struct cz_plan_day *out,
    int *kept, int *fails)
{
	const struct cz_plan_day *cur = &plan->days[day];
	size_t tmpl[CZ_PLAN_MAX_MEALS];
	unsigned int all = (1u << mc->nslots) - 1, f;
	enum cz_solver_fail r;

	memcpy(tmpl, mc->tmpl, sizeof(tmpl));
	tmpl[meal] = ti;
	f = all & ~(1u << meal);
	r = solve_day(cat, mc->slots, mc->nslots, tmpl, &plan->target, cur, f,
	    out);
	if (r == CZ_SOLVER_FAIL_NONE) {
		*kept = 1;
		return 1;
	}
	fails[r]++;
	f = locked_mask(cur) & ~(1u << meal);
	r = solve_day(cat, mc->slots, mc->nslots, tmpl, &plan->target, cur, f,
	    out);
	if (r == CZ_SOLVER_FAIL_NONE) {
		*kept = 0;
		return 1;
	}
	fails[r]++;
	return 0;
}

/*
 * Which dishes a changed meal may take beyond those new to it (mc->avoid
 * clear), in the order they are tried when none of those keeps the day on
 * target (a slot with few dishes under the diet, the restrictions and the
 * title rule). Never a dish of this very day, nor one banned by the
 * week's limits:
 *   TIER_REPEAT  a dish the week's other meals serve fewer than
 *                REPEAT_MAX times (another day's dinner, as a dinner): it
 *                is then served at most REPEAT_MAX times;
 *   TIER_OVER    only when no dish of the tiers before fits, and never a
 *                dinner: a dish served REPEAT_MAX times or more already,
 *                the fewest first. The plan document then lists it under
 *                "repeats" (plan_doc.c), as for a plan made that way.
 */
enum tier { TIER_REPEAT, TIER_OVER };

static int
tier_allowed(const struct meal_change *mc, int meal, size_t t,
    enum tier tier)
{
	int m;

	if (t >= MAX_TEMPLATES || mc->ban[t])
		return 0;
	for (m = 0; m < mc->nslots; m++)
		if (mc->tmpl[m] == t)
			return 0;
	if (tier == TIER_REPEAT)
		return mc->times[t] > 0 && mc->times[t] < REPEAT_MAX;
	return mc->times[t] >= REPEAT_MAX &&
	    mc->slots[meal].kind != CZ_SLOT_DINNER;
}

/*
 * Up to max dishes of tier for meal meal of day day (mc filled for them)
 * that keep the day on target, into out, the fewest servings first.
 * Returns how many; the failures are counted in fails.
 */
static int
alternatives_tier(const struct cz_catalog *cat, const struct cz_plan *plan,
    int day, int meal, const struct meal_change *mc, enum tier tier,
    struct cz_plan_alternative *out, int max, int *fails)
{
	enum cz_slot s = mc->slots[meal].kind;
	size_t i, t;
	int n = 0, kept;
	unsigned int times;

	for (times = 1; times <= CZ_PLAN_MAX_DAYS * CZ_PLAN_MAX_MEALS &&
	    n < max; times++)
		for (i = 0; i < mc->cd.n[s] && n < max; i++) {
			t = mc->cd.t[s][i];
			if (!tier_allowed(mc, meal, t, tier) ||
			    mc->times[t] != times)
				continue;
			if (try_dish(cat, plan, day, meal, t, mc, &out[n].day,
			    &kept, fails)) {
				out[n].tmpl = t;
				out[n++].kept = kept;
			}
		}
	return n;
}

int
cz_plan_regenerate_meal(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan, int day,
    int meal, uint64_t seed, char *err, size_t errlen)
{
	struct meal_change mc;
	struct cz_plan_alternative alt;
	int fails[NFAILS];
	uint64_t rng = seed;
	enum cz_slot s;
	size_t i, tried = 0;
	long ti;
	int k;

	if (meal_change_init(cat, req, plan, day, meal, &mc, err, errlen) ==
	    -1)
		return -1;
	memset(fails, 0, sizeof(fails));
	s = mc.slots[meal].kind;
	for (k = 0; k < CZ_PLAN_ATTEMPTS; k++) {
		ti = draw(&mc.cd, s, k < NEAR_ATTEMPTS, mc.avoid, mc.ban, &rng);
		/* none new to the day and the week's limits: the tiers below */
		if (ti == -1 || mc.avoid[ti])
			break;
		tried++;
		if (try_dish(cat, plan, day, meal, (size_t)ti, &mc, &alt.day,
		    &alt.kept, fails)) {
			plan->days[day] = alt.day;
			return 0;
		}
	}
	/* Random draws can miss the few dishes that fit (draws repeat, and
	 * the title rule and the week's limits leave some slots few): try
	 * every candidate once before saying none keeps the day on target;
	 * then a dish served fewer than REPEAT_MAX times, then (not a
	 * dinner) one served more, as the alternatives do. */
	for (i = 0; i < mc.cd.n[s]; i++) {
		ti = (long)mc.cd.t[s][i];
		if (mc.avoid[ti] || mc.ban[ti])
			continue;
		tried++;
		if (try_dish(cat, plan, day, meal, (size_t)ti, &mc, &alt.day,
		    &alt.kept, fails)) {
			plan->days[day] = alt.day;
			return 0;
		}
	}
	for (k = TIER_REPEAT; k <= TIER_OVER; k++)
		for (i = 0; i < mc.cd.n[s]; i++)
			tried += tier_allowed(&mc, meal, mc.cd.t[s][i],
			    (enum tier)k);
	if (alternatives_tier(cat, plan, day, meal, &mc, TIER_REPEAT, &alt, 1,
	    fails) == 1 || alternatives_tier(cat, plan, day, meal, &mc,
	    TIER_OVER, &alt, 1, fails) == 1) {
		plan->days[day] = alt.day;
		return 0;
	}
	if (tried == 0)
		seterr(err, errlen, "no other compatible %s template",
		    cz_slot_name((int)s));
	else
		seterr(err, errlen, "day %d: %s", day + 1,
		    worst_failure(fails));
	return 1;
}

/* How redraw_day draws a day. */
enum redraw {
	REDRAW_REPAIR,		/* mend a repeat: any dish within REPEAT_MAX */
	REDRAW_FRESH,		/* "another day": none of the day's dishes */
	REDRAW_FRESH_WITHIN	/* as FRESH, every draw within REPEAT_MAX */
};

static int redraw_day(const struct cz_catalog *, const struct candidates *,
    const struct cz_pattern_slot *, int, struct cz_plan *, int, enum redraw,
    uint64_t, int *);

/* Whether day d of plan serves, in a meal not locked, a dish the week
 * serves more than REPEAT_MAX times. */
static int
day_over_served(const struct cz_plan *plan, int d)
{
	unsigned char times[MAX_TEMPLATES];
	size_t t;
	int m;

	week_times(plan, -1, -1, times);
	for (m = 0; m < plan->days[d].nmeals; m++) {
		t = plan->days[d].meals[m].tmpl;
		if (t < MAX_TEMPLATES && times[t] > REPEAT_MAX &&
		    !plan->days[d].meals[m].locked)
			return 1;
	}
	return 0;
}

/*
 * What one swap could not mend: the other dishes of a day that serves an
 * over-served dish leave no room for any within REPEAT_MAX. Each such day
 * of plan (the last first; locked meals keep theirs) is drawn whole again,
 * every dish within REPEAT_MAX; the first draw that solves takes its place.
 * Deterministic: the draws follow the request's seed.
 */
static void
redraw_repeat_days(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan)
{
	struct candidates cd;
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	uint64_t st = req->seed ^ 0x5eed4e9ea7ULL;
	int fails[NFAILS], nslots, d, built = 0;

	nslots = cz_plan_slots(req, slots);
	for (d = plan->ndays - 1; d >= 0; d--) {
		if (!day_over_served(plan, d) ||
		    plan->days[d].nmeals != nslots)
			continue;
		if (!built) {
			candidates_build(cat, req, &plan->target, &cd);
			built = 1;
		}
		memset(fails, 0, sizeof(fails));
		(void)redraw_day(cat, &cd, slots, nslots, plan, d,
		    REDRAW_REPAIR, cz_plan_random(&st), fails);
	}
}

/*
 * A dish served more than REPEAT_MAX times in plan: a day's draws found
 * nothing else that solved with the dishes the days before had taken, yet
 * the slot may have others. Each of its servings (on day only_day, every
 * day when it is -1; the last day first, locked meals never) is offered
 * every dish of its slot the week serves fewer than REPEAT_MAX times, the
 * unserved first; the first that keeps the day on target takes its place,
 * the rest of the day keeping its grams where it can. What still repeats
 * after that is a repeat the plan states (plan_doc.c).
 */
static void
repair_repeats(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan, int only_day)
{
	struct meal_change mc;
	struct cz_plan_alternative alt;
	unsigned char times[MAX_TEMPLATES];
	int fails[NFAILS], d, m, pass, done;
	size_t i, t, ti;
	enum cz_slot s;
	char err[64];

	week_times(plan, -1, -1, times);
	for (d = plan->ndays - 1; d >= 0; d--) {
		if (only_day >= 0 && d != only_day)
			continue;
		for (m = 0; m < plan->days[d].nmeals; m++) {
			t = plan->days[d].meals[m].tmpl;
			if (t >= MAX_TEMPLATES || times[t] <= REPEAT_MAX ||
			    meal_change_init(cat, req, plan, d, m, &mc, err,
			    sizeof(err)) == -1)
				continue;
			s = mc.slots[m].kind;
			memset(fails, 0, sizeof(fails));
			for (pass = done = 0; pass < REPEAT_MAX && !done;
			    pass++)
				for (i = 0; i < mc.cd.n[s] && !done; i++) {
					ti = mc.cd.t[s][i];
					if (mc.avoid[ti] || mc.ban[ti] ||
					    mc.times[ti] != pass)
						continue;
					done = try_dish(cat, plan, d, m, ti,
					    &mc, &alt.day, &alt.kept, fails);
				}
			if (!done)
				continue;
			plan->days[d] = alt.day;
			times[t]--;
			times[ti]++;
		}
	}
	if (only_day < 0)
		redraw_repeat_days(cat, req, plan);
}

/* A candidate in the order alternatives are tried: near the target
 * first, then by a hash of the seed and the template. */
struct ranked {
	size_t		 tmpl;
	int		 near;
	uint64_t	 key;
};

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->near != y->near)
		return y->near - x->near;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->tmpl < y->tmpl ? -1 : x->tmpl > y->tmpl;
}

/*
 * The alternatives within REPEAT_MAX servings a week (cz_plan_alternatives
 * but TIER_OVER): dishes new to the meal first (those keeping the other
 * meals' grams before the rest), else TIER_REPEAT. Returns how many were
 * put in out; *n the candidates new to the meal.
 */
static int
alternatives_within(const struct cz_catalog *cat, const struct cz_plan *plan,
    int day, int meal, const struct meal_change *mc, uint64_t seed,
    struct cz_plan_alternative *out, int max, int *fails, size_t *ncand)
{
	struct ranked order[MAX_CANDIDATES];
	struct cz_plan_alternative fallback[CZ_PLAN_ALTERNATIVES];
	enum cz_slot s = mc->slots[meal].kind;
	size_t i, n = 0, tries = 0;
	uint64_t st;
	int nkept = 0, nfall = 0, kept, k;

	for (i = 0; i < mc->cd.n[s]; i++) {
		if (mc->avoid[mc->cd.t[s][i]] || mc->ban[mc->cd.t[s][i]])
			continue;
		order[n].tmpl = mc->cd.t[s][i];
		order[n].near = mc->cd.near[s][i];
		st = seed ^ ((uint64_t)order[n].tmpl << 32);
		order[n].key = cz_plan_random(&st);
		n++;
	}
	*ncand = n;
	qsort(order, n, sizeof(order[0]), ranked_cmp);
	for (i = 0; i < n && nkept < max && tries < ALT_TRIES; i++, tries++) {
		if (!try_dish(cat, plan, day, meal, order[i].tmpl, mc,
		    &out[nkept].day, &kept, fails))
			continue;
		if (kept) {
			out[nkept].tmpl = order[i].tmpl;
			out[nkept++].kept = 1;
		} else if (nfall < max) {
			fallback[nfall].tmpl = order[i].tmpl;
			fallback[nfall].kept = 0;
			fallback[nfall++].day = out[nkept].day;
		}
	}
	for (k = 0; k < nfall && nkept < max; k++)
		out[nkept++] = fallback[k];
	if (nkept == 0)
		nkept = alternatives_tier(cat, plan, day, meal, mc,
		    TIER_REPEAT, out, max, fails);
	return nkept;
}

int
cz_plan_alternatives(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *plan, int day,
    int meal, uint64_t seed, struct cz_plan_alternative *out, int max,
    char *err, size_t errlen)
{
	struct meal_change mc;
	int fails[NFAILS];
	size_t n, i;
	int nkept, over = 0;
	enum cz_slot s;

	if (max < 0 || max > CZ_PLAN_ALTERNATIVES) {
		seterr(err, errlen, "at most %d alternatives",
		    CZ_PLAN_ALTERNATIVES);
		return -1;
	}
	if (meal_change_init(cat, req, plan, day, meal, &mc, err, errlen) ==
	    -1)
		return -1;
	s = mc.slots[meal].kind;
	memset(fails, 0, sizeof(fails));
	nkept = alternatives_within(cat, plan, day, meal, &mc, seed, out, max,
	    fails, &n);
	if (nkept == 0)
		nkept = alternatives_tier(cat, plan, day, meal, &mc, TIER_OVER,
		    out, max, fails);
	for (i = 0; i < mc.cd.n[s]; i++)
		over += tier_allowed(&mc, meal, mc.cd.t[s][i], TIER_REPEAT) ||
		    tier_allowed(&mc, meal, mc.cd.t[s][i], TIER_OVER);
	if (nkept == 0)
		seterr(err, errlen, n == 0 && over == 0 ?
		    "no other compatible %s template" :
		    "no other %s keeps the day on target", cz_slot_name((int)s));
	return nkept;
}

int
cz_plan_swap_meal(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan, int day,
    int meal, size_t tmpl, int *kept, char *err, size_t errlen)
{
	struct meal_change mc;
	struct cz_plan_alternative alt;
	struct cz_plan_day nd;
	int fails[NFAILS];
	enum cz_slot s;
	size_t i, n;

	if (meal_change_init(cat, req, plan, day, meal, &mc, err, errlen) ==
	    -1)
		return -1;
	s = mc.slots[meal].kind;
	for (i = 0; i < mc.cd.n[s]; i++)
		if (mc.cd.t[s][i] == tmpl)
			break;
	memset(fails, 0, sizeof(fails));
	/* A dish of another day is what "another dinner" offers when no new
	 * one keeps the day on target (TIER_REPEAT); a third serving only
	 * when no dish within REPEAT_MAX would do (TIER_OVER). */
	if (i == mc.cd.n[s] || mc.ban[tmpl] || (mc.avoid[tmpl] &&
	    !tier_allowed(&mc, meal, tmpl, TIER_REPEAT) &&
	    !tier_allowed(&mc, meal, tmpl, TIER_OVER))) {
		seterr(err, errlen, "that dish cannot be this meal's (another "
		    "%s allowed by the plan's request, not already in it)",
		    cz_slot_name((int)s));
		return -1;
	}
	if (tier_allowed(&mc, meal, tmpl, TIER_OVER) &&
	    alternatives_within(cat, plan, day, meal, &mc, 0, &alt, 1, fails,
	    &n) > 0) {
		seterr(err, errlen, "the week already serves that dish %d "
		    "times, and another %s keeps the day on target (see the "
		    "alternatives of this meal)", mc.times[tmpl],
		    cz_slot_name((int)s));
		return -1;
	}
	memset(fails, 0, sizeof(fails));
	if (!try_dish(cat, plan, day, meal, tmpl, &mc, &nd, kept, fails)) {
		seterr(err, errlen, "day %d: %s", day + 1,
		    worst_failure(fails));
		return 1;
	}
	plan->days[day] = nd;
	return 0;
}

/*
 * Draws and solves day day of plan anew around its locked meals, keeping
 * every other day's dinners out and the weekly limits (ban_weekly). A
 * fresh day (REDRAW_FRESH, "another day") also keeps the day's own dishes
 * out, and its later draws may serve a dish more than REPEAT_MAX times
 * when nothing else solves; REDRAW_FRESH_WITHIN never does, with
 * REPAIR_ATTEMPTS draws; a repair (REDRAW_REPAIR) may keep the day's
 * dishes but never serves one more than REPEAT_MAX times, with
 * REPAIR_ATTEMPTS draws. Returns 0 with the day replaced, 1 when no draw
 * solved (the failures counted in fails), -1 when a slot has no dish left
 * to draw.
 */
static int
redraw_day(const struct cz_catalog *cat, const struct candidates *cd,
    const struct cz_pattern_slot *slots, int nslots, struct cz_plan *plan,
    int day, enum redraw mode, uint64_t seed, int *fails)
{
	int fresh = mode != REDRAW_REPAIR;
	int may_repeat = mode == REDRAW_FRESH;
	unsigned char avoid[MAX_TEMPLATES], ban[MAX_TEMPLATES];
	/* the week's servings on the other days; avoid and the dishes
	 * these serve REPEAT_MAX times already */
	unsigned char times[MAX_TEMPLATES], within[MAX_TEMPLATES];
	struct day_draw a;
	size_t tmpl[CZ_PLAN_MAX_MEALS], t;
	unsigned int locked = locked_mask(&plan->days[day]);
	uint64_t rng = seed;
	int attempts = may_repeat ? CZ_PLAN_ATTEMPTS : REPAIR_ATTEMPTS;
	int d, m, k;

	/* Avoid every other day's dinners and, for a fresh day, the day's
	 * own dishes (other slots fall back to them when nothing else is
	 * left). */
	memset(avoid, 0, sizeof(avoid));
	for (m = 0; m < nslots; m++)
		for (d = 0; d < plan->ndays; d++)
			if (((fresh && d == day) || (d != day &&
			    slots[m].kind == CZ_SLOT_DINNER)) &&
			    plan->days[d].meals[m].tmpl < MAX_TEMPLATES)
				avoid[plan->days[d].meals[m].tmpl] = 1;
	/* As a plan is made: the first REPEAT_ATTEMPTS draws keep every
	 * dish of the week to REPEAT_MAX servings, later ones may serve one
	 * more often when nothing else solves (the document then says so). */
	week_times(plan, day, -1, times);
	for (t = 0; t < MAX_TEMPLATES; t++)
		within[t] = avoid[t] || times[t] >= REPEAT_MAX;
	a.cat = cat;
	a.cd = cd;
	a.slots = slots;
	a.nslots = nslots;
	a.t = &plan->target;
	a.ban = ban;
	a.rng = &rng;
	ban_weekly(cat, plan, plan->ndays, day, ban);
	for (k = 0; k < attempts; k++) {
		a.near = k < NEAR_ATTEMPTS;
		a.used = !may_repeat || k < REPEAT_ATTEMPTS ? within : avoid;
		if (draw_day(&a, tmpl) == -1) {
			if (may_repeat && k < REPEAT_ATTEMPTS) {
				k = REPEAT_ATTEMPTS - 1;
				continue;
			}
			return -1;
		}
		/* Locked meals keep their dish and grams; the rest is
		 * solved around them. */
		for (m = 0; m < nslots; m++)
			if (locked & 1u << m)
				tmpl[m] = plan->days[day].meals[m].tmpl;
		if (replace_day(cat, slots, nslots, tmpl, locked, plan, day,
		    fails))
			return 0;
	}
	return 1;
}

int
cz_plan_regenerate_day(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan, int day,
    uint64_t seed, char *err, size_t errlen)
{
	struct candidates cd;
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	struct cz_plan_day before, drawn;
	int fails[NFAILS];
	int nslots, rc;

	if (cz_plan_validate(req, err, errlen) == -1)
		return -1;
	nslots = cz_plan_slots(req, slots);
	if (!plan->feasible || plan->ndays != req->days || day < 0 ||
	    day >= plan->ndays || plan->days[day].nmeals != nslots) {
		seterr(err, errlen, "no such day in the plan");
		return -1;
	}
	if (locked_mask(&plan->days[day]) == (1u << nslots) - 1) {
		seterr(err, errlen, "every meal of day %d is locked", day + 1);
		return -1;
	}
	candidates_build(cat, req, &plan->target, &cd);
	memset(fails, 0, sizeof(fails));
	before = plan->days[day];
	rc = redraw_day(cat, &cd, slots, nslots, plan, day, REDRAW_FRESH, seed,
	    fails);
	if (rc == 0) {
		repair_repeats(cat, req, plan, day);
		/* The draw that solved serves a dish a third time and no
		 * swap mended it: the day's other dishes were drawn around
		 * it. Draw the day again, every dish within REPEAT_MAX, with
		 * a repair's draws; keep the first day if none solves. */
		if (day_over_served(plan, day)) {
			drawn = plan->days[day];
			plan->days[day] = before;
			memset(fails, 0, sizeof(fails));
			if (redraw_day(cat, &cd, slots, nslots, plan, day,
			    REDRAW_FRESH_WITHIN, seed ^ 0x3a1d4eadULL,
			    fails) != 0)
				plan->days[day] = drawn;
		}
		return 0;
	}
	if (rc == -1)
		seterr(err, errlen, "no other compatible dinner");
	else
		seterr(err, errlen, "day %d: %s", day + 1,
		    worst_failure(fails));
	return 1;
}

int
cz_plan_regenerate_plan(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan, uint64_t seed,
    char *err, size_t errlen)
{
	struct cz_plan work;
	uint64_t st = seed;
	int d, rc, done = 0;

	if (cz_plan_validate(req, err, errlen) == -1)
		return -1;
	if (!plan->feasible || plan->ndays != req->days) {
		seterr(err, errlen, "not a plan of this request");
		return -1;
	}
	work = *plan;
	for (d = 0; d < work.ndays; d++) {
		if (work.days[d].nmeals > 0 && locked_mask(&work.days[d]) ==
		    (1u << work.days[d].nmeals) - 1)
			continue;
		/* Day by day: each avoids the dinners of every other day,
		 * those already replaced included, so dinners stay unique. */
		if ((rc = cz_plan_regenerate_day(cat, req, &work, d,
		    cz_plan_random(&st), err, errlen)) != 0)
			return rc;
		done++;
	}
	if (done == 0) {
		seterr(err, errlen, "every meal of the plan is locked");
		return -1;
	}
	*plan = work;
	return 0;
}
