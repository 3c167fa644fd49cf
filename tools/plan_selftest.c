/*
 * plan_selftest.c - cibozer-admin plan-check --self-test: every rule of
 * tools/plan_rules.h broken on purpose, to see the checker name it.
 *
 * Real plans come from the sweep plan-check makes (same seed, same
 * requests). A plan is a candidate once the checker finds nothing wrong
 * with it; each mutation then changes a copy of the checker's inputs (the
 * plan's grams or dishes, the request, or the document the API would
 * send) so that exactly its rule is broken, as little as it can be: one
 * egg more, a spoon of oil past the cap, day 1 served three times, a
 * method's step dropped, a shop line named as cooked. Nutrient mutations
 * move energy from one food of the day to another, so the day's energy
 * stays where it was. The checker must report the rule on every candidate
 * the mutation applied to, and on at least one report nothing else but
 * the rule's named companions (a macro share moved is made up by the
 * other shares; liver past 100 g is past the retinol limit too). Nothing
 * here touches the solver.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "nutrition.h"
#include "plan_check.h"
#include "plan_doc.h"
#include "plan_rules.h"
#include "plan_suggest.h"
#include "recipes.h"

#define NDB_EGG		"01129"
#define NDB_BRAZIL	"12078"
#define NDB_LIVER	"05028"
#define EGG_G		50.0
#define KERNEL_G	5.0
#define MAX_REQUESTS	3000	/* of the sweep, at most */
#define ENOUGH		4	/* plans each mutation is tried on, at most */
#define LEAST		2	/* and at least (liver is in few plans) */
#define BIT(r)		(1ULL << (r))
#define SHARES		(BIT(RULE_PROTEIN) | BIT(RULE_FAT) | BIT(RULE_CARBS))

/* What a mutation moves between foods, per gram of a food. */
enum amount {
	A_PROTEIN_KCAL, A_FAT_KCAL, A_CARB_KCAL, A_NET_CARBS, A_FIBER,
	A_SODIUM, A_SAT_KCAL, A_ADDED_FAT, A_LIMIT
};

struct mutation {
	int		 rule;
	const char	*what;		/* how it breaks the rule */
	/* Changes the plan and request (the document is then built from
	 * them) or, when doc_fn is set, the document built from the plan.
	 * Returns 1 when applied, 0 when this plan has nothing to break. */
	int		(*plan_fn)(const struct cz_catalog *, int,
			    struct cz_plan_request *, struct cz_plan *);
	int		(*doc_fn)(const struct cz_catalog *,
			    const struct cz_plan *, struct json_object *);
	unsigned long long companions;	/* rules allowed to break with it */
	/* found */
	int		 tried, detected, isolated;
	size_t		 iso_req;
	char		 others[96];
};

/* ------------------------------------------------------------------------
 * helpers on a day's grams
 */

static double
per_g(const struct cz_cat_food *f, enum amount a, int l)
{
	double v;

	switch (a) {
	case A_PROTEIN_KCAL:	return 4 * f->protein;
	case A_FAT_KCAL:	return 9 * f->fat;
	case A_CARB_KCAL:	return 4 * f->carbs;
	case A_NET_CARBS:	return f->carbs - f->fiber;
	case A_FIBER:		return f->fiber;
	case A_SODIUM:		return f->sodium;
	case A_SAT_KCAL:
		v = f->per100g.v[CZ_N_SATURATED_FAT];
		return isfinite(v) ? 9 * v / 100 : 0;
	case A_ADDED_FAT:	return f->added_fat ? 1 : 0;
	case A_LIMIT:		return cz_plan_limit_per_g(f, l);
	}
	return 0;
}

static double
day_sum(const struct cz_catalog *cat, const struct cz_plan_day *day,
    enum amount a, int l)
{
	double s = 0;
	size_t i;

	for (i = 0; i < day->nitems; i++)
		s += per_g(&cat->foods[day->items[i].food], a, l) *
		    day->items[i].grams;
	return s;
}

static double
day_kcal(const struct cz_catalog *cat, const struct cz_plan_day *day)
{
	double s = 0;
	size_t i;

	for (i = 0; i < day->nitems; i++)
		s += cat->foods[day->items[i].food].kcal * day->items[i].grams;
	return s;
}

/* Whether an item may change by any amount: weighed in steps of 1, 5 or
 * 10 g, not counted in pieces (an egg, a fig, a kernel), and not an
 * added fat. */
static int
free_item(const struct cz_cat_food *f)
{
	return (f->step_g == 0 || f->step_g == 1 || f->step_g == 5 ||
	    f->step_g == 10) && strcmp(f->ndb, NDB_EGG) != 0 &&
	    !f->added_fat && f->kcal > 0;
}

/* Scales the free items of day outside meal skip (-1: none) so that the
 * day's energy is kcal again. Returns 0, or -1 when it cannot. */
static int
keep_energy(const struct cz_catalog *cat, struct cz_plan_day *day, int skip,
    double kcal)
{
	double fixed = 0, var = 0, k;
	size_t i;

	for (i = 0; i < day->nitems; i++) {
		k = cat->foods[day->items[i].food].kcal * day->items[i].grams;
		if (day->items[i].meal != skip &&
		    free_item(&cat->foods[day->items[i].food]))
			var += k;
		else
			fixed += k;
	}
	if (!(var > 0) || (kcal - fixed) / var < 0.6 ||
	    (kcal - fixed) / var > 1.4)
		return -1;
	k = (kcal - fixed) / var;
	for (i = 0; i < day->nitems; i++)
		if (day->items[i].meal != skip &&
		    free_item(&cat->foods[day->items[i].food]))
			day->items[i].grams *= k;
	return 0;
}

/*
 * Moves energy between two free items of day so that its amount a (l for
 * A_LIMIT) changes by delta: from the item poorest in it per kcal to the
 * richest (or back, for a negative delta). The day's energy is unchanged.
 * Returns 1, or 0 when the day's foods cannot do it.
 */
static int
move(const struct cz_catalog *cat, struct cz_plan_day *day, enum amount a,
    int l, double delta)
{
	const struct cz_cat_food *f;
	double r, rhi = -INFINITY, rlo = INFINITY, x;
	size_t i, hi = 0, lo = 0, t;

	for (i = 0; i < day->nitems; i++) {
		f = &cat->foods[day->items[i].food];
		/* added fat moves into an oil; the rest between free foods */
		if (!free_item(f) && !(a == A_ADDED_FAT && f->added_fat &&
		    f->kcal > 0))
			continue;
		r = per_g(f, a, l) / f->kcal;
		if (r > rhi)
			rhi = r, hi = i;
		if (r < rlo)
			rlo = r, lo = i;
	}
	if (!(rhi > rlo))
		return 0;
	if (delta < 0) {
		t = hi, hi = lo, lo = t;
		delta = -delta;
	}
	x = delta / fabs(rhi - rlo);	/* kcal moved */
	f = &cat->foods[day->items[lo].food];
	if (day->items[lo].grams - x / f->kcal < 1)
		return 0;
	day->items[lo].grams -= x / f->kcal;
	day->items[hi].grams += x / cat->foods[day->items[hi].food].kcal;
	return 1;
}

/* The index of the first item of food ndb in day (meal m, or any for
 * -1), or -1. */
static long
find_item(const struct cz_catalog *cat, const struct cz_plan_day *day,
    const char *ndb, int m)
{
	size_t i;

	for (i = 0; i < day->nitems; i++)
		if ((m < 0 || day->items[i].meal == m) &&
		    strcmp(cat->foods[day->items[i].food].ndb, ndb) == 0)
			return (long)i;
	return -1;
}

/* Sets item i of day d to grams, the day's energy kept by the free items
 * of its other meals. */
static int
set_grams(const struct cz_catalog *cat, struct cz_plan_day *day, size_t i,
    double grams)
{
	double kcal = day_kcal(cat, day);

	day->items[i].grams = grams;
	return keep_energy(cat, day, day->items[i].meal, kcal) == 0;
}

/* ------------------------------------------------------------------------
 * the mutations: the plan and request
 */

static int
m_structure(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	(void)cat;
	(void)req;
	/* the day's first meal reported in another slot */
	p->days[d].meals[0].slot = (enum cz_slot)((p->days[d].meals[0].slot +
	    1) % CZ_SLOT__MAX);
	return 1;
}

static int
m_diet(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	const struct cz_cat_food *f;
	size_t i;
	int k;

	/* the request now excludes an allergen one of the day's foods has */
	for (i = 0; i < p->days[d].nitems; i++) {
		f = &cat->foods[p->days[d].items[i].food];
		for (k = 0; k < CZ_RESTRICTIONS__MAX; k++)
			if (f->allergens & 1u << k) {
				req->restrictions |= 1u << k;
				return 1;
			}
	}
	return 0;
}

static int
m_energy(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)req;
	/* 7 % less food: past the 3 % tolerance from anywhere within it */
	return keep_energy(cat, &p->days[d], -1, 0.93 * day_kcal(cat,
	    &p->days[d])) == 0;
}

/* Moves the share of macro a by 12 points of energy away from its
 * target. */
static int
share(const struct cz_catalog *cat, struct cz_plan_day *day, enum amount a,
    double target)
{
	double k = day_kcal(cat, day);

	return move(cat, day, a, 0, (day_sum(cat, day, a, 0) / k >= target ?
	    0.12 : -0.12) * k);
}

static int
m_protein(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)req;
	return share(cat, &p->days[d], A_PROTEIN_KCAL,
	    p->target.protein_share);
}

static int
m_fat(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)req;
	return share(cat, &p->days[d], A_FAT_KCAL, p->target.fat_share);
}

static int
m_carbs(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)req;
	return share(cat, &p->days[d], A_CARB_KCAL, p->target.carb_share);
}

static int
m_net_carbs(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	if (req->diet != CZ_DIET_KETO)
		return 0;
	return move(cat, &p->days[d], A_NET_CARBS, 0, 21.5 -
	    day_sum(cat, &p->days[d], A_NET_CARBS, 0));
}

static int
m_fiber(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)req;
	if (!(p->target.fiber_min > 0))
		return 0;
	return move(cat, &p->days[d], A_FIBER, 0, p->target.fiber_min - 1.5 -
	    day_sum(cat, &p->days[d], A_FIBER, 0));
}

static int
m_sodium(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)req;
	return move(cat, &p->days[d], A_SODIUM, 0, 2330 - day_sum(cat,
	    &p->days[d], A_SODIUM, 0));
}

static int
m_sat_fat(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	if (req->diet == CZ_DIET_KETO)
		return 0;
	return move(cat, &p->days[d], A_SAT_KCAL, 0, 0.105 * day_kcal(cat,
	    &p->days[d]) - day_sum(cat, &p->days[d], A_SAT_KCAL, 0));
}

/* An upper limit l passed by 1 %. */
static int
limit(const struct cz_catalog *cat, struct cz_plan_day *day, int l)
{
	return move(cat, day, A_LIMIT, l, 1.01 * cz_plan_limit(l)->max -
	    day_sum(cat, day, A_LIMIT, l));
}

#define LIMIT_FN(name, l)						\
static int								\
name(const struct cz_catalog *cat, int d, struct cz_plan_request *req,	\
    struct cz_plan *p)							\
{									\
	(void)req;							\
	return limit(cat, &p->days[d], l);				\
}
LIMIT_FN(m_selenium, CZ_LIMIT_SELENIUM)
LIMIT_FN(m_retinol, CZ_LIMIT_RETINOL)
LIMIT_FN(m_zinc, CZ_LIMIT_ZINC)
LIMIT_FN(m_iron, CZ_LIMIT_IRON)
LIMIT_FN(m_calcium, CZ_LIMIT_CALCIUM)
LIMIT_FN(m_fiber_max, CZ_LIMIT_FIBER)

/* Eggs in meal m of day. */
static double
meal_eggs(const struct cz_catalog *cat, const struct cz_plan_day *day,
    int m)
{
	double e = 0;
	size_t i;

	for (i = 0; i < day->nitems; i++)
		if ((m < 0 || day->items[i].meal == m) &&
		    strcmp(cat->foods[day->items[i].food].ndb, NDB_EGG) == 0)
			e += day->items[i].grams / EGG_G;
	return e;
}

static int
m_eggs_dish(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	long i;
	int m;

	(void)req;
	/* a dish of eggs gets a fourth, where the day has no others */
	for (m = 0; m < day->nmeals; m++)
		if ((i = find_item(cat, day, NDB_EGG, m)) != -1 &&
		    meal_eggs(cat, day, -1) == meal_eggs(cat, day, m))
			return set_grams(cat, day, (size_t)i, 4 * EGG_G);
	return 0;
}

static int
m_eggs_day(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	double other;
	long i;
	int m;

	(void)req;
	/* a dish of eggs gets a third, where the others have two or more */
	for (m = 0; m < day->nmeals; m++) {
		if ((i = find_item(cat, day, NDB_EGG, m)) == -1)
			continue;
		other = meal_eggs(cat, day, -1) - meal_eggs(cat, day, m);
		if (other >= 2 - 1e-9 && meal_eggs(cat, day, m) < 3 - 1e-9)
			return set_grams(cat, day, (size_t)i,
			    day->items[i].grams + (3 - meal_eggs(cat, day, m)) *
			    EGG_G);
	}
	return 0;
}

/* Grams (with kcal set: kcal) of added fat in meal m of day, and the
 * meal's energy into *meal_kcal. */
static double
meal_fat(const struct cz_catalog *cat, const struct cz_plan_day *day, int m,
    int kcal, double *meal_kcal)
{
	const struct cz_cat_food *f;
	double g = 0, k = 0;
	size_t i;

	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m)
			continue;
		f = &cat->foods[day->items[i].food];
		k += f->kcal * day->items[i].grams;
		if (f->added_fat)
			g += (kcal ? f->kcal : 1) * day->items[i].grams;
	}
	if (meal_kcal != NULL)
		*meal_kcal = k;
	return g;
}

static int
m_fat_dish(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	size_t i;

	(void)req;
	/* a dish's oil 1 g past 2 tablespoons */
	for (i = 0; i < day->nitems; i++)
		if (cat->foods[day->items[i].food].added_fat)
			return set_grams(cat, day, i, day->items[i].grams +
			    CZ_PLAN_DISH_ADDED_FAT_G + 1 - meal_fat(cat, day,
			    day->items[i].meal, 0, NULL));
	return 0;
}

static int
m_fat_share(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	const struct cz_cat_food *f;
	double fk, mk, add;
	size_t i;

	(void)req;
	/* oil added to a dish until it carries 47 % of the dish's energy,
	 * where that stays within 2 tablespoons */
	for (i = 0; i < day->nitems; i++) {
		f = &cat->foods[day->items[i].food];
		if (!f->added_fat)
			continue;
		fk = meal_fat(cat, day, day->items[i].meal, 1, &mk);
		add = (0.47 * mk - fk) / 0.53 / f->kcal;
		if (add > 0 && meal_fat(cat, day, day->items[i].meal, 0,
		    NULL) + add <= CZ_PLAN_DISH_ADDED_FAT_G - 0.5)
			return set_grams(cat, day, i, day->items[i].grams + add);
	}
	return 0;
}

static int
m_fat_day(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];

	(void)req;
	/* the day's added fat 1 % of its energy past its budget */
	return move(cat, day, A_ADDED_FAT, 0, (CZ_PLAN_DAY_ADDED_FAT_SHARE +
	    0.01) * p->target.energy / 9 - day_sum(cat, day, A_ADDED_FAT, 0));
}

static int
m_brazil(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	long i;

	(void)req;
	/* a third kernel */
	if ((i = find_item(cat, day, NDB_BRAZIL, -1)) == -1)
		return 0;
	return set_grams(cat, day, (size_t)i, 3 * KERNEL_G);
}

static int
m_liver(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	long i;

	(void)req;
	/* 105 g of liver */
	if ((i = find_item(cat, day, NDB_LIVER, -1)) == -1)
		return 0;
	return set_grams(cat, day, (size_t)i, 105);
}

static int
m_liver_days(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	(void)req;
	/* the liver day served again on another day */
	if (find_item(cat, &p->days[d], NDB_LIVER, -1) == -1 || p->ndays < 2)
		return 0;
	p->days[d == 0 ? 1 : 0] = p->days[d];
	return 1;
}

static int
m_half_units(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	long i;

	(void)req;
	/* half an egg more */
	if ((i = find_item(cat, day, NDB_EGG, -1)) == -1)
		return 0;
	return set_grams(cat, day, (size_t)i, day->items[i].grams +
	    EGG_G / 2);
}

/* The title rule's measure of item i of day. */
static double
measure(const struct cz_catalog *cat, const struct cz_plan_day *day,
    size_t i, int by_energy)
{
	return day->items[i].grams * (by_energy ?
	    cat->foods[day->items[i].food].kcal : 1.0);
}

/* The first dish of day with a title rule, a free title item and at
 * least n other items: the title's item index into *title and the n
 * largest others by the rule's measure into others, largest first.
 * Returns the meal or -1. */
static int
titled(const struct cz_catalog *cat, const struct cz_plan_day *day,
    size_t n, size_t *title, size_t *others, int *by_energy, double *ratio)
{
	const struct cz_cat_template *tm;
	size_t t, big, i, k, no;
	long ti;
	int m;

	for (m = 0; m < day->nmeals; m++) {
		tm = &cat->templates[day->meals[m].tmpl];
		if (cz_plan_title_rule(cat, tm, &t, &big, by_energy, ratio) ==
		    -1 || (ti = find_item(cat, day, cat->foods[
		    tm->items[t].food].ndb, m)) == -1 ||
		    !free_item(&cat->foods[day->items[ti].food]))
			continue;
		*title = (size_t)ti;
		no = 0;
		for (i = 0; i < day->nitems; i++) {
			if (day->items[i].meal != m || i == *title)
				continue;
			/* insertion, largest first, n kept */
			for (k = no; k > 0 && measure(cat, day, others[k - 1],
			    *by_energy) < measure(cat, day, i, *by_energy);
			    k--)
				if (k < n)
					others[k] = others[k - 1];
			if (k < n)
				others[k] = i;
			if (no < n)
				no++;
		}
		if (no >= n)
			return m;
	}
	return -1;
}

static int
m_title_rank(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	size_t t, o[2];
	double ratio, v;
	int be;

	(void)req;
	/* the title just below the dish's second-largest other item */
	if (titled(cat, day, 2, &t, o, &be, &ratio) == -1)
		return 0;
	v = 0.95 * measure(cat, day, o[1], be);
	return set_grams(cat, day, t, v / (be ?
	    cat->foods[day->items[t].food].kcal : 1.0));
}

static int
m_title_ratio(const struct cz_catalog *cat, int d,
    struct cz_plan_request *req, struct cz_plan *p)
{
	struct cz_plan_day *day = &p->days[d];
	size_t t, o[1];
	double ratio, v;
	int be;

	(void)req;
	/* the dish's largest other item 10 % past its ratio to the title */
	if (titled(cat, day, 1, &t, o, &be, &ratio) == -1 ||
	    !free_item(&cat->foods[day->items[o[0]].food]))
		return 0;
	v = 1.1 * ratio * measure(cat, day, t, be);
	return set_grams(cat, day, o[0], v / (be ?
	    cat->foods[day->items[o[0]].food].kcal : 1.0));
}

static int
m_dinners(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)cat;
	(void)req;
	/* the day served twice a week */
	if (p->ndays < 2)
		return 0;
	p->days[(d + 1) % p->ndays] = p->days[d];
	return 1;
}

static int
m_repeats(const struct cz_catalog *cat, int d, struct cz_plan_request *req,
    struct cz_plan *p)
{
	(void)cat;
	(void)req;
	/* the day served three times a week */
	if (p->ndays < 3)
		return 0;
	p->days[(d + 1) % p->ndays] = p->days[d];
	p->days[(d + 2) % p->ndays] = p->days[d];
	return 1;
}

/* ------------------------------------------------------------------------
 * the mutations: the document
 */

/* The first meal object of the document's day 1. */
static struct json_object *
first_meal(struct json_object *doc)
{
	struct json_object *days, *meals;

	if (!json_object_object_get_ex(doc, "days", &days) ||
	    !json_object_object_get_ex(json_object_array_get_idx(days, 0),
	    "meals", &meals))
		return NULL;
	return json_object_array_get_idx(meals, 0);
}

/* The first line of the shopping list, and its aisle's lines. */
static struct json_object *
first_line(struct json_object *doc, struct json_object **aisle_items)
{
	struct json_object *a;

	if (!json_object_object_get_ex(doc, "shopping", &a) ||
	    !json_object_object_get_ex(json_object_array_get_idx(a, 0),
	    "items", aisle_items))
		return NULL;
	return json_object_array_get_idx(*aisle_items, 0);
}

static int
d_repeats_said(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc)
{
	struct json_object *a, *e;
	const char *slug = cat->templates[p->days[0].meals[0].tmpl].slug;

	/* "repeats" names a dish three times that the plan serves less */
	if (!json_object_object_get_ex(doc, "repeats", &a) ||
	    json_object_array_length(a) > 0)
		return 0;
	e = json_object_new_object();
	json_object_object_add(e, "slug", json_object_new_string(slug));
	json_object_object_add(e, "template", json_object_new_string(slug));
	json_object_object_add(e, "times", json_object_new_int(3));
	json_object_object_add(e, "text", json_object_new_string("This dish "
	    "is served 3 times this week: there are too few others."));
	json_object_array_add(a, e);
	return 1;
}

static int
d_shop_units(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc)
{
	struct json_object *items, *l, *v;
	char name[160];

	(void)cat;
	(void)p;
	/* the first line named as the plan weighs it: "..., cooked" */
	if ((l = first_line(doc, &items)) == NULL ||
	    !json_object_object_get_ex(l, "food", &v))
		return 0;
	snprintf(name, sizeof(name), "%s, cooked", json_object_get_string(v));
	json_object_object_add(l, "food", json_object_new_string(name));
	return 1;
}

static int
d_shop_one_line(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc)
{
	struct json_object *items, *l, *copy = NULL;

	(void)cat;
	(void)p;
	/* the first line twice */
	if ((l = first_line(doc, &items)) == NULL ||
	    json_object_deep_copy(l, &copy, NULL) != 0)
		return 0;
	json_object_array_add(items, copy);
	return 1;
}

static int
d_recipe(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc)
{
	const struct cz_plan_day *day = &p->days[0];
	struct json_object *meal, *r, *steps;
	char amount[CZ_RECIPE_AMOUNT_LEN];
	size_t i, s;

	/* the step naming the first item's amount dropped */
	if ((meal = first_meal(doc)) == NULL ||
	    !json_object_object_get_ex(meal, "recipe", &r) ||
	    !json_object_object_get_ex(r, "steps", &steps))
		return 0;
	for (i = 0; i < day->nitems && day->items[i].meal != 0; i++)
		continue;
	if (i == day->nitems || cz_recipe_amount(&cat->foods[
	    day->items[i].food], day->items[i].grams, amount,
	    sizeof(amount)) == -1)
		return 0;
	for (s = 0; s < json_object_array_length(steps); s++)
		if (strstr(json_object_get_string(json_object_array_get_idx(
		    steps, s)), amount) != NULL) {
			json_object_array_del_idx(steps, s, 1);
			return 1;
		}
	return 0;
}

static int
d_advice(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc)
{
	static const char *const codes[] = { "low_energy", "high_energy",
	    "vegan", "pregnancy", NULL };
	struct json_object *a, *v;
	size_t i;
	int k;

	(void)cat;
	(void)p;
	/* a warning that applies left out */
	if (!json_object_object_get_ex(doc, "advice", &a))
		return 0;
	for (i = 0; i < json_object_array_length(a); i++) {
		if (!json_object_object_get_ex(json_object_array_get_idx(a, i),
		    "code", &v))
			continue;
		for (k = 0; codes[k] != NULL; k++)
			if (strcmp(json_object_get_string(v), codes[k]) == 0) {
				json_object_array_del_idx(a, i, 1);
				return 1;
			}
	}
	return 0;
}

#define MU(rule, what, pf, df, comp) \
	{ rule, what, pf, df, comp, 0, 0, 0, 0, "" }
static struct mutation mutations[] = {
	MU(RULE_STRUCTURE, "a meal reported in another slot", m_structure,
	    NULL, 0),
	MU(RULE_DIET, "the request excludes an allergen of a food served",
	    m_diet, NULL, 0),
	MU(RULE_ENERGY, "7 % less food on a day", m_energy, NULL, 0),
	MU(RULE_PROTEIN, "12 points of energy moved into or out of protein",
	    m_protein, NULL, SHARES),
	MU(RULE_FAT, "12 points of energy moved into or out of fat", m_fat,
	    NULL, SHARES),
	MU(RULE_CARBS, "12 points of energy moved into or out of carbs",
	    m_carbs, NULL, SHARES),
	MU(RULE_NET_CARBS, "a keto day to 21.5 g of net carbs", m_net_carbs,
	    NULL, SHARES),
	MU(RULE_FIBER, "a day 1.5 g under its fibre floor", m_fiber, NULL,
	    SHARES),
	MU(RULE_SODIUM, "a day to 2,330 mg of sodium", m_sodium, NULL,
	    SHARES),
	MU(RULE_SAT_FAT, "a day to 10.5 % of energy from saturated fat",
	    m_sat_fat, NULL, SHARES),
	MU(RULE_EGGS_DISH, "a fourth egg in a dish", m_eggs_dish, NULL,
	    BIT(RULE_EGGS_DAY)),
	MU(RULE_EGGS_DAY, "a fifth egg in a day", m_eggs_day, NULL, 0),
	MU(RULE_FAT_DISH, "a dish's added fat 1 g past 2 tablespoons",
	    m_fat_dish, NULL, BIT(RULE_FAT_SHARE) | BIT(RULE_FAT_DAY)),
	MU(RULE_FAT_SHARE, "oil until it is 47 % of a dish's energy",
	    m_fat_share, NULL, BIT(RULE_FAT_DAY)),
	MU(RULE_FAT_DAY, "a day's added fat 1 point past its budget",
	    m_fat_day, NULL, BIT(RULE_FAT_DISH) | BIT(RULE_FAT_SHARE) |
	    SHARES),
	MU(RULE_BRAZIL, "a third Brazil nut", m_brazil, NULL,
	    BIT(RULE_UL + CZ_LIMIT_SELENIUM)),
	MU(RULE_LIVER, "105 g of liver", m_liver, NULL,
	    BIT(RULE_UL + CZ_LIMIT_RETINOL)),
	MU(RULE_LIVER_DAYS, "the liver day served on a second day",
	    m_liver_days, NULL, BIT(RULE_DINNERS)),
	MU(RULE_HALF_UNITS, "half an egg more", m_half_units, NULL,
	    BIT(RULE_EGGS_DISH) | BIT(RULE_EGGS_DAY)),
	MU(RULE_TITLE_RANK, "a title ingredient below two others",
	    m_title_rank, NULL, BIT(RULE_TITLE_RATIO)),
	MU(RULE_TITLE_RATIO, "a dish's largest item 10 % past its ratio",
	    m_title_ratio, NULL, 0),
	MU(RULE_UL + CZ_LIMIT_SELENIUM, "selenium 1 % past 400 ug",
	    m_selenium, NULL, SHARES),
	MU(RULE_UL + CZ_LIMIT_RETINOL, "retinol 1 % past 3,000 ug",
	    m_retinol, NULL, SHARES),
	MU(RULE_UL + CZ_LIMIT_ZINC, "zinc 1 % past 40 mg", m_zinc, NULL,
	    SHARES),
	MU(RULE_UL + CZ_LIMIT_IRON, "iron 1 % past 45 mg", m_iron, NULL,
	    SHARES),
	MU(RULE_UL + CZ_LIMIT_CALCIUM, "calcium 1 % past 2,500 mg",
	    m_calcium, NULL, SHARES),
	MU(RULE_UL + CZ_LIMIT_FIBER, "fibre 1 % past 70 g", m_fiber_max,
	    NULL, SHARES),
	MU(RULE_DINNERS, "a day's dishes served twice a week", m_dinners,
	    NULL, 0),
	MU(RULE_REPEATS, "a day's dishes served three times a week",
	    m_repeats, NULL, BIT(RULE_DINNERS)),
	MU(RULE_REPEATS_SAID, "\"repeats\" names a dish served once", NULL,
	    d_repeats_said, 0),
	MU(RULE_SHOP_UNITS, "a shop line named \"..., cooked\"", NULL,
	    d_shop_units, 0),
	MU(RULE_SHOP_ONE_LINE, "a shop line listed twice", NULL,
	    d_shop_one_line, 0),
	MU(RULE_RECIPE, "the step naming an amount dropped", NULL, d_recipe,
	    0),
	MU(RULE_ADVICE, "a warning that applies left out", NULL, d_advice, 0),
};
#define NMUTATIONS	(sizeof(mutations) / sizeof(mutations[0]))

/* The rules rv breaks, as a mask. */
static unsigned long long
broken(const struct rule_values *rv)
{
	unsigned long long b = 0;
	int r;

	for (r = 0; r < RULE__MAX; r++)
		if (rv->seen[r] && rule_broken(r, rv->v[r]))
			b |= BIT(r);
	return b;
}

static void
names(unsigned long long mask, char *buf, size_t len)
{
	size_t n = 0;
	int r;

	buf[0] = '\0';
	for (r = 0; r < RULE__MAX && n < len; r++)
		if (mask & BIT(r))
			n += (size_t)snprintf(buf + n, len - n, "%s%s",
			    n ? ", " : "", rule_def(r)->name);
}

/* Checks plan p of req with its document, after mu's doc_fn when it has
 * one; returns the rules broken, or ~0 when the mutation did not apply. */
static unsigned long long
check(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan *p, const struct mutation *mu, cz_arena *arena)
{
	struct rule_values rv;
	struct json_object *doc;
	unsigned long long b = ~0ULL;

	cz_arena_reset(arena);
	if ((doc = cz_plan_document(cat, req, p, arena)) == NULL)
		return ~0ULL;
	if (mu == NULL || mu->doc_fn == NULL || mu->doc_fn(cat, p, doc)) {
		rules_clear(&rv);
		rules_check_plan(cat, req, p, doc, NULL, &rv);
		b = broken(&rv);
	}
	json_object_put(doc);
	return b;
}

/* Tries every mutation that still needs plans on plan p of req (request
 * n of the sweep), which breaks only the known rules base; q is
 * scratch. A mutation of a rule p breaks already is not tried on it. */
static void
try_plan(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan *p, size_t n, unsigned long long base,
    struct cz_plan *q, cz_arena *arena)
{
	struct cz_plan_request qr;
	struct mutation *mu;
	unsigned long long b;
	size_t k;
	int d;

	for (k = 0; k < NMUTATIONS; k++) {
		mu = &mutations[k];
		if ((mu->tried >= ENOUGH && mu->isolated) ||
		    (base & BIT(mu->rule)))
			continue;
		/* the first day of the plan the mutation applies to */
		for (d = 0; d < p->ndays; d++) {
			*q = *p;
			qr = *req;
			if (mu->plan_fn == NULL || mu->plan_fn(cat, d, &qr, q))
				break;
		}
		if (d == p->ndays)
			continue;
		if ((b = check(cat, &qr, q, mu, arena)) == ~0ULL)
			continue;
		mu->tried++;
		if (!(b & BIT(mu->rule)))
			continue;
		mu->detected++;
		if (!mu->isolated && (b & ~base & ~BIT(mu->rule) &
		    ~mu->companions) == 0) {
			mu->isolated = 1;
			mu->iso_req = n;
		} else if (!mu->isolated)
			names(b & ~base & ~BIT(mu->rule), mu->others,
			    sizeof(mu->others));
	}
}

/* The known rules (plan_rules.h), as a mask. */
static unsigned long long
known(void)
{
	unsigned long long m = 0;
	int r;

	for (r = 0; r < RULE__MAX; r++)
		if (rule_def(r)->known)
			m |= BIT(r);
	return m;
}

/* Whether every mutation has its plans. */
static int
done(void)
{
	size_t k;

	for (k = 0; k < NMUTATIONS; k++)
		if (mutations[k].tried < LEAST || !mutations[k].isolated)
			return 0;
	return 1;
}

/*
 * The refusal rules on refused request req (scratch holds its refusal):
 * the reason said as its bare key ("net carbs") instead of in words, and
 * a suggestion changed to the refused request itself, which does not
 * plan. Returns 0 when both were detected and the refusal as made passes,
 * 1 when not, -1 when the refusal has no suggestion to break.
 */
static int
refusals(const struct cz_catalog *cat, const struct cz_plan_request *req,
    struct cz_plan *scratch)
{
	struct cz_plan_suggestion sg[CZ_SUGGEST_MAX];
	struct cz_plan_request q;
	struct rule_values rv;
	char reason[128], words[256], msg[640], err[256];
	const char *key;
	int ok[CZ_SUGGEST_MAX], n, k, fails = 0, good;

	memcpy(reason, scratch->reason, sizeof(reason));
	cz_plan_limit_words(req, reason, words, sizeof(words));
	n = cz_plan_suggest(cat, req, reason, 1e9, scratch, sg, msg,
	    sizeof(msg));
	if (n == 0)
		return -1;
	for (k = 0; k < n; k++) {
		q = *req;
		q.calories = sg[k].calories;
		q.pattern = sg[k].pattern;
		ok[k] = cz_plan_make(cat, &q, scratch, err, sizeof(err)) == 0 &&
		    scratch->feasible;
	}
	/* the refusal as made */
	rules_clear(&rv);
	rules_check_refusal(req, reason, words, ok, n, &rv);
	good = !rule_broken(RULE_REFUSAL, rv.v[RULE_REFUSAL]) &&
	    !rule_broken(RULE_SUGGESTION, rv.v[RULE_SUGGESTION]);
	if (!good)
		printf("self-test: the refusal of %d kcal as made breaks a "
		    "rule: %s\n", req->calories, words);
	/* broken: the limit's bare key for words */
	key = strncmp(reason, "day ", 4) == 0 && strchr(reason, ':') != NULL ?
	    strchr(reason, ':') + 2 : reason;
	rules_clear(&rv);
	rules_check_refusal(req, reason, key, ok, n, &rv);
	k = rule_broken(RULE_REFUSAL, rv.v[RULE_REFUSAL]) &&
	    !rule_broken(RULE_SUGGESTION, rv.v[RULE_SUGGESTION]);
	fails += !k;
	printf("rule %s: broken on purpose (the reason \"%s\" given as it "
	    "is) -> %s\n", rule_def(RULE_REFUSAL)->name, key, k ?
	    "detected, alone" : "NOT DETECTED");
	/* broken: the first suggestion is the refused request itself */
	q = *req;
	ok[0] = cz_plan_make(cat, &q, scratch, err, sizeof(err)) == 0 &&
	    scratch->feasible;
	rules_clear(&rv);
	rules_check_refusal(req, reason, words, ok, n, &rv);
	k = rule_broken(RULE_SUGGESTION, rv.v[RULE_SUGGESTION]) &&
	    !rule_broken(RULE_REFUSAL, rv.v[RULE_REFUSAL]);
	fails += !k;
	printf("rule %s: broken on purpose (the refused %d kcal itself "
	    "suggested) -> %s\n", rule_def(RULE_SUGGESTION)->name,
	    req->calories, k ? "detected, alone" : "NOT DETECTED");
	return fails == 0 && good ? 0 : 1;
}

int
plan_selftest(const struct cz_catalog *cat, uint64_t seed)
{
	struct cz_plan *p = NULL, *q = NULL;
	struct cz_plan_request req;
	struct mutation *mu;
	unsigned long long base;
	cz_arena *arena = NULL;
	char err[256], others[96];
	uint64_t rng;
	size_t i, k, nplans = 0;
	int ret = -1, fails = 0, refused = 0, rc;

	if ((p = malloc(sizeof(*p))) == NULL ||
	    (q = malloc(sizeof(*q))) == NULL ||
	    (arena = cz_arena_new(256 * 1024)) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	for (i = 0; i < MAX_REQUESTS && (!done() || !refused); i++) {
		plan_check_request(seed, i, &req, &rng);
		if (cz_plan_make(cat, &req, p, err, sizeof(err)) == -1) {
			fprintf(stderr, "cibozer-admin: self-test: %s\n", err);
			goto out;
		}
		if (!p->feasible) {
			if (!refused && (rc = refusals(cat, &req, p)) != -1) {
				refused = 1;
				fails += rc != 0;
			}
			continue;
		}
		if (done())
			continue;
		/* a candidate only when the checker finds nothing wrong with
		 * it but what the planner is known not to meet yet */
		if ((base = check(cat, &req, p, NULL, arena)) & ~known())
			continue;
		nplans++;
		try_plan(cat, &req, p, i, base, q, arena);
	}
	if (!refused) {
		printf("self-test: no refused request with a suggestion in "
		    "%zu requests\n", i);
		fails++;
	}
	for (k = 0; k < NMUTATIONS; k++) {
		mu = &mutations[k];
		if (mu->tried == 0) {
			printf("rule %s: no plan to break it in (%s)\n",
			    rule_def(mu->rule)->name, mu->what);
			fails++;
			continue;
		}
		names(mu->companions & ~BIT(mu->rule), others, sizeof(others));
		printf("rule %s: broken on purpose (%s) -> %s in %d of %d "
		    "plans", rule_def(mu->rule)->name, mu->what,
		    mu->detected == mu->tried ? "detected" : "NOT DETECTED",
		    mu->detected, mu->tried);
		if (mu->isolated)
			printf("; alone%s%s on request %zu\n", mu->companions ?
			    " or with " : "", mu->companions ? others : "",
			    mu->iso_req);
		else
			printf("; NEVER ALONE (also: %s)\n", mu->others);
		fails += mu->detected != mu->tried || !mu->isolated;
	}
	printf("self-test: %zu mutations of plans and 2 of a refusal on %zu "
	    "clean plans of %zu requests (seed %llu): %s\n", NMUTATIONS,
	    nplans, i, (unsigned long long)seed, fails == 0 ?
	    "every rule detected" : "FAILED");
	ret = fails == 0 ? 0 : 1;
out:
	cz_arena_free(arena);
	free(q);
	free(p);
	return ret;
}
