/*
 * check_planner_swap.c - unit tests of meal control in the planner: the
 * alternatives offered for one meal, swapping to one of them (the other
 * meals keep their grams when the swapped dish alone can carry the day,
 * else the unlocked ones are portioned again), and locked meals held
 * through the regeneration of their day and of the whole plan. A small
 * catalog of six foods and a dozen dishes is built in memory.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meal_swap.h"
#include "planner.h"

#define NFOODS	6
#define NTMPL	25	/* 24 ordinary dishes and one heavy breakfast */

enum { CHICKEN, RICE, OIL, BEANS, BROCCOLI, OATS };

static struct cz_cat_food foods[NFOODS];
static struct cz_cat_template tm[NTMPL];
static struct cz_cat_item items[NTMPL][4];
static char slugs[NTMPL][16];
static struct cz_catalog cat;

/* A food from its amounts per 100 g. */
static void
food(int i, const char *ndb, double kcal, double p, double fat, double c,
    double fiber, double na, double max_g)
{
	struct cz_cat_food *f = &foods[i];
	int k;

	memset(f, 0, sizeof(*f));
	snprintf(f->ndb, sizeof(f->ndb), "%s", ndb);
	f->name = f->label = (char *)(uintptr_t)ndb;
	for (k = 0; k < CZ_NUTRIENTS; k++)
		f->per100g.v[k] = 0;
	f->per100g.v[CZ_N_ENERGY] = kcal;
	f->per100g.v[CZ_N_PROTEIN] = p;
	f->per100g.v[CZ_N_FAT] = fat;
	f->per100g.v[CZ_N_CARBS] = c;
	f->per100g.v[CZ_N_FIBER] = fiber;
	f->per100g.v[CZ_N_SODIUM] = na;
	f->kcal = kcal / 100;
	f->protein = p / 100;
	f->fat = fat / 100;
	f->carbs = c / 100;
	f->fiber = fiber / 100;
	f->sodium = na / 100;
	f->diets = (1u << CZ_DIET__MAX) - 1;
	f->min_g = 5;
	f->max_g = max_g;
	f->step_g = 5;
}

/* Dish t of slot s from up to four foods at default grams (0: none). */
static void
dish(int t, enum cz_slot s, const int *fs, const double *g, double min_g)
{
	struct cz_cat_template *d = &tm[t];
	double p = 0, fat = 0, c = 0;
	int i;

	memset(d, 0, sizeof(*d));
	snprintf(slugs[t], sizeof(slugs[t]), "dish-%d", t);
	d->id = t + 1;
	d->slug = d->name = slugs[t];
	d->slot = s;
	d->diets = (1u << CZ_DIET__MAX) - 1;
	d->pregnancy_safe = 1;
	d->items = items[t];
	for (i = 0; i < 4 && g[i] > 0; i++) {
		items[t][i].food = (size_t)fs[i];
		items[t][i].def_g = g[i];
		items[t][i].min_g = min_g;
		items[t][i].max_g = foods[fs[i]].max_g;
		d->kcal += foods[fs[i]].kcal * g[i];
		p += 4 * foods[fs[i]].protein * g[i];
		fat += 9 * foods[fs[i]].fat * g[i];
		c += 4 * foods[fs[i]].carbs * g[i];
	}
	d->nitems = (size_t)i;
	d->protein_share = p / (p + fat + c);
	d->fat_share = fat / (p + fat + c);
	d->carb_share = c / (p + fat + c);
}

static void
catalog(void)
{
	static const int mixes[6][4] = {
		{ CHICKEN, RICE, OIL, BROCCOLI },
		{ BEANS, RICE, OIL, BROCCOLI },
		{ OATS, BEANS, OIL, CHICKEN },
		{ CHICKEN, OATS, BROCCOLI, OIL },
		{ BEANS, CHICKEN, RICE, OIL },
		{ OATS, BROCCOLI, BEANS, OIL },
	};
	static const double grams[6][4] = {
		{ 120, 150, 10, 150 }, { 150, 120, 10, 120 },
		{ 60, 120, 8, 80 }, { 100, 70, 150, 10 },
		{ 130, 90, 100, 10 }, { 70, 150, 120, 8 },
	};
	static const int heavy[4] = { OATS, 0, 0, 0 };
	static const double heavy_g[4] = { 200, 0, 0, 0 };
	int s, k;

	food(CHICKEN, "05062", 114, 23.2, 2.6, 0, 0, 45, 400);
	food(RICE, "20045", 130, 2.7, 0.3, 28.2, 0.4, 1, 400);
	food(OIL, "04053", 884, 0, 100, 0, 0, 0, 27);
	foods[OIL].added_fat = 1;
	food(BEANS, "16043", 127, 8.7, 0.5, 22.8, 6.4, 2, 400);
	food(BROCCOLI, "11090", 34, 2.8, 0.4, 6.6, 2.6, 33, 400);
	food(OATS, "08120", 379, 13.2, 6.5, 67.7, 10.1, 6, 300);
	for (s = 0; s < 4; s++)
		for (k = 0; k < 6; k++)
			dish(s * 6 + k, (enum cz_slot)s, mixes[k], grams[k], 5);
	/* Oats at 180 g at least: far more than a breakfast's share, so
	 * that the rest of the day must shrink to make room for it. */
	dish(24, CZ_SLOT_BREAKFAST, heavy, heavy_g, 180);
	cat.foods = foods;
	cat.nfoods = NFOODS;
	cat.templates = tm;
	cat.ntemplates = NTMPL - 1;	/* the heavy one added when needed */
}

static void
request(struct cz_plan_request *req, int days)
{
	memset(req, 0, sizeof(*req));
	req->calories = 2000;
	req->diet = CZ_DIET_STANDARD;
	req->pattern = CZ_PATTERN_3_MEALS;
	req->days = days;
	req->seed = 42;
}

/* Whether day d of a plan with target t meets the energy and shares. */
static int
on_target(const struct cz_plan_day *d, const struct cz_plan_target *t)
{
	double e = d->totals.v[CZ_N_ENERGY];
	double p = 4 * d->totals.v[CZ_N_PROTEIN];
	double f = 9 * d->totals.v[CZ_N_FAT];
	double c = 4 * d->totals.v[CZ_N_CARBS];
	double sum = p + f + c, tol = CZ_PLAN_SHARE_TOL_PTS / 100 + 1e-3;

	return fabs(e - t->energy) <= t->energy *
	    (CZ_PLAN_ENERGY_TOL_PCT / 100 + 1e-3) &&
	    fabs(p / sum - t->protein_share) <= tol &&
	    fabs(f / sum - t->fat_share) <= tol &&
	    fabs(c / sum - t->carb_share) <= tol;
}

/* Whether meal m has the same ingredients and grams in days a and b. */
static int
same_meal(const struct cz_plan_day *a, const struct cz_plan_day *b, int m)
{
	size_t i, j = 0;

	if (a->meals[m].tmpl != b->meals[m].tmpl)
		return 0;
	for (i = 0; i < a->nitems; i++) {
		if (a->items[i].meal != m)
			continue;
		while (j < b->nitems && b->items[j].meal != m)
			j++;
		if (j == b->nitems || a->items[i].food != b->items[j].food ||
		    a->items[i].grams != b->items[j].grams)
			return 0;
		j++;
	}
	while (j < b->nitems && b->items[j].meal != m)
		j++;
	return j == b->nitems;
}

static struct cz_plan *
planned(struct cz_plan_request *req, int days)
{
	struct cz_plan *p = calloc(1, sizeof(*p));
	char err[256];

	ck_assert_ptr_nonnull(p);
	catalog();
	request(req, days);
	ck_assert_int_eq(cz_plan_make(&cat, req, p, err, sizeof(err)), 0);
	ck_assert_msg(p->feasible, "the test catalog plans: %s", p->reason);
	return p;
}

START_TEST(three_alternatives_on_target)
{
	struct cz_plan_alternative alt[CZ_PLAN_ALTERNATIVES], again[3];
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 2), *q;
	char err[256];
	int n, i, m, d, kept, nkept = 0;

	for (d = 0; d < 2; d++)
		for (m = 0; m < 3; m++) {
			n = cz_plan_alternatives(&cat, &req, p, d, m, 7, alt, 3,
			    err, sizeof(err));
			ck_assert_msg(n == 3, "day %d meal %d: %d (%s)", d, m,
			    n, err);
			for (i = 0; i < n; i++) {
				ck_assert(alt[i].tmpl != p->days[d].meals[m].tmpl);
				ck_assert_int_eq(tm[alt[i].tmpl].slot,
				    p->days[d].meals[m].slot);
				ck_assert(on_target(&alt[i].day, &p->target));
				ck_assert(i == 0 || alt[i].tmpl != alt[0].tmpl);
				if (!alt[i].kept)
					continue;
				nkept++;
				ck_assert(same_meal(&alt[i].day, &p->days[d],
				    (m + 1) % 3));
				ck_assert(same_meal(&alt[i].day, &p->days[d],
				    (m + 2) % 3));
			}
			/* The same seed offers the same dishes. */
			ck_assert_int_eq(cz_plan_alternatives(&cat, &req, p, d,
			    m, 7, again, 3, err, sizeof(err)), n);
			for (i = 0; i < n; i++)
				ck_assert_uint_eq(again[i].tmpl, alt[i].tmpl);
		}
	ck_assert_int_gt(nkept, 0);

	/* Choosing one makes the day it was offered with. */
	n = cz_plan_alternatives(&cat, &req, p, 1, 1, 9, alt, 3, err,
	    sizeof(err));
	ck_assert_int_eq(n, 3);
	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	*q = *p;
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, q, 1, 1, alt[2].tmpl,
	    &kept, err, sizeof(err)), 0);
	ck_assert_int_eq(kept, alt[2].kept);
	ck_assert_uint_eq(q->days[1].meals[1].tmpl, alt[2].tmpl);
	for (m = 0; m < 3; m++)
		ck_assert(same_meal(&q->days[1], &alt[2].day, m));
	/* The other day is untouched. */
	for (m = 0; m < 3; m++)
		ck_assert(same_meal(&q->days[0], &p->days[0], m));
	free(q);
	free(p);
}
END_TEST

START_TEST(swap_keeps_other_meals_when_it_can)
{
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 1), *q;
	char err[256];
	size_t t, cur = p->days[0].meals[2].tmpl;
	int kept, swapped = 0;

	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	/* Every other dinner that swaps in while keeping the rest. */
	for (t = 12; t < 18; t++) {
		if (t == cur)
			continue;
		*q = *p;
		if (cz_plan_swap_meal(&cat, &req, q, 0, 2, t, &kept, err,
		    sizeof(err)) != 0)
			continue;
		ck_assert(on_target(&q->days[0], &p->target));
		if (!kept)
			continue;
		ck_assert(same_meal(&q->days[0], &p->days[0], 0));
		ck_assert(same_meal(&q->days[0], &p->days[0], 1));
		swapped++;
	}
	ck_assert_int_gt(swapped, 0);
	free(q);
	free(p);
}
END_TEST

START_TEST(swap_reportions_when_it_must)
{
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 1), *q;
	char err[256];
	int kept = -1;

	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	cat.ntemplates = NTMPL;
	/* The heavy breakfast cannot fit beside the day's other grams. */
	*q = *p;
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, q, 0, 0, 24, &kept,
	    err, sizeof(err)), 0);
	ck_assert_int_eq(kept, 0);
	ck_assert(on_target(&q->days[0], &p->target));
	ck_assert(!same_meal(&q->days[0], &p->days[0], 1) ||
	    !same_meal(&q->days[0], &p->days[0], 2));
	/* A locked lunch holds even then: only dinner gives way. */
	*q = *p;
	q->days[0].meals[1].locked = 1;
	if (cz_plan_swap_meal(&cat, &req, q, 0, 0, 24, &kept, err,
	    sizeof(err)) == 0) {
		ck_assert_int_eq(kept, 0);
		ck_assert(same_meal(&q->days[0], &p->days[0], 1));
		ck_assert_int_eq(q->days[0].meals[1].locked, 1);
		ck_assert(on_target(&q->days[0], &p->target));
	} else
		ck_assert_ptr_nonnull(strstr(err, "day 1"));
	free(q);
	free(p);
}
END_TEST

START_TEST(changes_say_exactly_what_changed)
{
	struct cz_meal_change ch[CZ_PLAN_MAX_ITEMS];
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 1), *q;
	char err[256];
	size_t n, i, k, want = 0;
	int kept;

	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	cat.ntemplates = NTMPL;
	*q = *p;
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, q, 0, 0, 24, &kept,
	    err, sizeof(err)), 0);
	ck_assert_int_eq(kept, 0);
	/* Nothing changed, nothing said. */
	ck_assert_uint_eq(cz_meal_changes(&cat, &p->days[0], &p->days[0], ch,
	    CZ_PLAN_MAX_ITEMS), 0);
	n = cz_meal_changes(&cat, &p->days[0], &q->days[0], ch,
	    CZ_PLAN_MAX_ITEMS);
	/* The breakfast's dish, then every food of lunch and dinner whose
	 * whole grams moved, and nothing else. */
	ck_assert_uint_ge(n, 2);
	ck_assert_int_eq(ch[0].meal, 0);
	ck_assert_ptr_null(ch[0].food);
	ck_assert_str_eq(ch[0].dish_after, "dish-24");
	/* Lunch and dinner keep their dishes: their items pair up in order
	 * (the breakfasts before them differ in length). */
	for (i = 0, k = 0; i < p->days[0].nitems; i++) {
		if (p->days[0].items[i].meal == 0)
			continue;
		while (q->days[0].items[k].meal == 0)
			k++;
		ck_assert_uint_eq(q->days[0].items[k].food,
		    p->days[0].items[i].food);
		want += rint(p->days[0].items[i].grams) !=
		    rint(q->days[0].items[k].grams);
		k++;
	}
	ck_assert_uint_eq(n, want + 1);
	for (k = 1; k < n; k++) {
		ck_assert_ptr_nonnull(ch[k].food);
		ck_assert(ch[k].meal > 0);
		ck_assert(ch[k].before_g != ch[k].after_g);
	}
	/* Too small an array: the count still says how many. */
	ck_assert_uint_eq(cz_meal_changes(&cat, &p->days[0], &q->days[0], ch,
	    1), n);
	free(q);
	free(p);
}
END_TEST

START_TEST(swap_refuses_what_the_meal_cannot_take)
{
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 2);
	struct cz_plan_alternative alt[3];
	char err[256];
	int kept;

	/* A lunch for a breakfast, the dish it has, a template out of
	 * range. Another day's dinner may come again (a dish at most
	 * REPEAT_MAX times a week), not a dish the week has twice. */
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, p, 0, 0, 7, &kept, err,
	    sizeof(err)), -1);
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, p, 0, 0,
	    p->days[0].meals[0].tmpl, &kept, err, sizeof(err)), -1);
	{
		struct cz_plan_request r3;
		struct cz_plan *q = planned(&r3, 3);
		size_t t = q->days[1].meals[2].tmpl;

		ck_assert_int_ne(cz_plan_swap_meal(&cat, &r3, q, 0, 2, t,
		    &kept, err, sizeof(err)), -1);
		/* with day 2's dinner on day 1 too: not a third time */
		q->days[0].meals[2].tmpl = t;
		ck_assert_int_eq(cz_plan_swap_meal(&cat, &r3, q, 2, 2, t,
		    &kept, err, sizeof(err)), -1);
		free(q);
	}
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, p, 0, 0, 9999, &kept,
	    err, sizeof(err)), -1);
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, p, 2, 0, 1, &kept, err,
	    sizeof(err)), -1);
	ck_assert_int_eq(cz_plan_alternatives(&cat, &req, p, 0, 3, 1, alt, 3,
	    err, sizeof(err)), -1);
	ck_assert_int_eq(cz_plan_alternatives(&cat, &req, p, 0, 0, 1, alt, 4,
	    err, sizeof(err)), -1);
	/* A locked meal is neither swapped nor regenerated. */
	p->days[0].meals[0].locked = 1;
	ck_assert_int_eq(cz_plan_alternatives(&cat, &req, p, 0, 0, 1, alt, 3,
	    err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "locked"));
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, p, 0, 0, 1, &kept, err,
	    sizeof(err)), -1);
	ck_assert_int_eq(cz_plan_regenerate_meal(&cat, &req, p, 0, 0, 1, err,
	    sizeof(err)), -1);
	free(p);
}
END_TEST

START_TEST(lock_survives_day_and_plan_regeneration)
{
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 3), *q;
	char err[256];
	int d, m, changed = 0;

	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	p->days[0].meals[1].locked = 1;
	p->days[2].meals[0].locked = 1;
	*q = *p;
	ck_assert_int_eq(cz_plan_regenerate_day(&cat, &req, q, 0, 11, err,
	    sizeof(err)), 0);
	ck_assert(same_meal(&q->days[0], &p->days[0], 1));
	ck_assert_int_eq(q->days[0].meals[1].locked, 1);
	ck_assert(on_target(&q->days[0], &p->target));
	changed = !same_meal(&q->days[0], &p->days[0], 0) ||
	    !same_meal(&q->days[0], &p->days[0], 2);
	ck_assert(changed);

	*q = *p;
	ck_assert_int_eq(cz_plan_regenerate_plan(&cat, &req, q, 5, err,
	    sizeof(err)), 0);
	ck_assert(same_meal(&q->days[0], &p->days[0], 1));
	ck_assert(same_meal(&q->days[2], &p->days[2], 0));
	ck_assert_int_eq(q->days[2].meals[0].locked, 1);
	for (d = 0, changed = 0; d < 3; d++) {
		ck_assert(on_target(&q->days[d], &p->target));
		for (m = 0; m < 3; m++) {
			changed += !same_meal(&q->days[d], &p->days[d], m);
			ck_assert_int_eq(q->days[d].meals[m].locked,
			    p->days[d].meals[m].locked);
		}
	}
	ck_assert_int_ge(changed, 5);
	/* Dinners stay unique over the plan. */
	ck_assert(q->days[0].meals[2].tmpl != q->days[1].meals[2].tmpl);
	ck_assert(q->days[1].meals[2].tmpl != q->days[2].meals[2].tmpl);
	ck_assert(q->days[0].meals[2].tmpl != q->days[2].meals[2].tmpl);

	/* Everything locked: nothing to regenerate, said so. */
	for (d = 0; d < 3; d++)
		for (m = 0; m < 3; m++)
			p->days[d].meals[m].locked = 1;
	ck_assert_int_eq(cz_plan_regenerate_day(&cat, &req, p, 1, 3, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "locked"));
	ck_assert_int_eq(cz_plan_regenerate_plan(&cat, &req, p, 3, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "locked"));
	free(q);
	free(p);
}
END_TEST

START_TEST(another_dish_keeps_the_rest_of_the_day)
{
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 1), *q;
	char err[256];
	uint64_t seed;
	int kept = 0;

	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	/* "Another breakfast" now keeps lunch and dinner when it can: over
	 * a few seeds, at least one does. */
	for (seed = 1; seed < 8; seed++) {
		*q = *p;
		ck_assert_int_eq(cz_plan_regenerate_meal(&cat, &req, q, 0, 0,
		    seed, err, sizeof(err)), 0);
		ck_assert(on_target(&q->days[0], &p->target));
		kept += same_meal(&q->days[0], &p->days[0], 1) &&
		    same_meal(&q->days[0], &p->days[0], 2);
	}
	ck_assert_int_gt(kept, 0);
	free(q);
	free(p);
}
END_TEST

/* The most times one dish is served in plan, and that dish in *which. */
static int
most_served(const struct cz_plan *p, size_t *which)
{
	int times[NTMPL], d, m, most = 0;
	size_t t;

	memset(times, 0, sizeof(times));
	for (d = 0; d < p->ndays; d++)
		for (m = 0; m < p->days[d].nmeals; m++) {
			t = p->days[d].meals[m].tmpl;
			ck_assert_uint_lt(t, NTMPL);
			if (++times[t] > most) {
				most = times[t];
				if (which != NULL)
					*which = t;
			}
		}
	return most;
}

/* How many times plan p serves dish t. */
static int
served(const struct cz_plan *p, size_t t)
{
	int d, m, n = 0;

	for (d = 0; d < p->ndays; d++)
		for (m = 0; m < p->days[d].nmeals; m++)
			n += p->days[d].meals[m].tmpl == t;
	return n;
}

/*
 * A 4-day week whose breakfast x is served on days 1 and 2 (the slot has
 * six breakfasts, so every change can keep each dish to twice a week):
 * another breakfast on day 3, its alternatives, a swap to x, another day
 * 3 and another week never serve x (or any dish) a third time.
 */
START_TEST(changes_keep_dishes_to_twice_a_week)
{
	struct cz_plan_alternative alt[CZ_PLAN_ALTERNATIVES];
	struct cz_plan_request req;
	struct cz_plan *p = planned(&req, 4), *q;
	char err[256];
	size_t x;
	uint64_t seed;
	int i, n, kept;

	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	/* x: a breakfast neither day 3 nor day 4 has (only the dishes of
	 * the other days count, not their grams) */
	for (x = 0; x < 6; x++)
		if (x != p->days[2].meals[0].tmpl &&
		    x != p->days[3].meals[0].tmpl)
			break;
	p->days[0].meals[0].tmpl = x;
	p->days[1].meals[0].tmpl = x;
	ck_assert_int_eq(most_served(p, NULL), 2);
	for (seed = 1; seed <= 40; seed++) {
		*q = *p;
		ck_assert_int_eq(cz_plan_regenerate_meal(&cat, &req, q, 2, 0,
		    seed, err, sizeof(err)), 0);
		ck_assert_msg(q->days[2].meals[0].tmpl != x, "seed %llu: "
		    "another breakfast serves dish %zu a third time",
		    (unsigned long long)seed, x);
		ck_assert_int_le(most_served(q, NULL), 2);
		ck_assert(on_target(&q->days[2], &p->target));
	}
	for (seed = 1; seed <= 10; seed++) {
		n = cz_plan_alternatives(&cat, &req, p, 2, 0, seed, alt, 3, err,
		    sizeof(err));
		ck_assert_int_eq(n, 3);
		for (i = 0; i < n; i++)
			ck_assert_msg(alt[i].tmpl != x, "seed %llu offers dish "
			    "%zu a third time", (unsigned long long)seed, x);
	}
	*q = *p;
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, q, 2, 0, x, &kept, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "2 times"));
	ck_assert_uint_eq(served(q, x), 2);
	for (seed = 1; seed <= 20; seed++) {
		*q = *p;
		ck_assert_int_eq(cz_plan_regenerate_day(&cat, &req, q, 2, seed,
		    err, sizeof(err)), 0);
		ck_assert_msg(most_served(q, NULL) <= 2, "seed %llu: another "
		    "day 3 serves a dish 3 times", (unsigned long long)seed);
	}
	for (seed = 1; seed <= 10; seed++) {
		*q = *p;
		ck_assert_int_eq(cz_plan_regenerate_plan(&cat, &req, q, seed,
		    err, sizeof(err)), 0);
		ck_assert_msg(most_served(q, NULL) <= 2, "seed %llu: another "
		    "week serves a dish 3 times", (unsigned long long)seed);
	}
	free(q);
	free(p);
}
END_TEST

/* A plan of req (days) from the test catalog with only the first nb
 * breakfasts and nd dinners. */
static struct cz_plan *
planned_few(struct cz_plan_request *req, int days, int nb, int nd)
{
	struct cz_plan *p = calloc(1, sizeof(*p));
	char err[256];
	int k;

	ck_assert_ptr_nonnull(p);
	catalog();
	/* a dish without items is no candidate (cz_plan_template_ok) */
	for (k = nb; k < 6; k++)
		tm[k].nitems = 0;
	for (k = nd; k < 6; k++)
		tm[12 + k].nitems = 0;
	request(req, days);
	ck_assert_int_eq(cz_plan_make(&cat, req, p, err, sizeof(err)), 0);
	ck_assert_msg(p->feasible, "the test catalog plans: %s", p->reason);
	return p;
}

/*
 * When the catalog leaves no room: "another dinner" of a week that has
 * every dinner serves another day's a second time (never a third), and
 * another breakfast of a week with two breakfasts, each served twice,
 * serves the other a third time rather than fail.
 */
START_TEST(repeats_only_when_nothing_else_fits)
{
	struct cz_plan_alternative alt[CZ_PLAN_ALTERNATIVES];
	struct cz_plan_request req;
	struct cz_plan *p = planned_few(&req, 4, 2, 4), *q, *r;
	char err[256];
	size_t b0, other, d0, which = 0;
	uint64_t seed;
	int n, k, day, kept;

	q = malloc(sizeof(*q));
	r = malloc(sizeof(*r));
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(most_served(p, NULL), 2);
	d0 = p->days[0].meals[2].tmpl;
	/* Another dinner: one of another day, then served twice. */
	for (seed = 1; seed <= 5; seed++) {
		*q = *p;
		ck_assert_int_eq(cz_plan_regenerate_meal(&cat, &req, q, 0, 2,
		    seed, err, sizeof(err)), 0);
		ck_assert(q->days[0].meals[2].tmpl != d0);
		ck_assert_int_eq(served(q, q->days[0].meals[2].tmpl), 2);
		ck_assert_int_le(most_served(q, NULL), 2);
	}
	/* With it, another dinner of each day: never a third serving. */
	for (day = 1; day < 4; day++) {
		n = cz_plan_alternatives(&cat, &req, q, day, 2, 1, alt, 3, err,
		    sizeof(err));
		for (k = 0; k < n; k++) {
			*r = *q;
			r->days[day] = alt[k].day;
			ck_assert_int_le(most_served(r, &which), 2);
		}
		*r = *q;
		if (cz_plan_regenerate_meal(&cat, &req, r, day, 2, 1, err,
		    sizeof(err)) == 0)
			ck_assert_msg(most_served(r, &which) <= 2, "day %d: "
			    "dish %zu served %d times", day + 1, which,
			    most_served(r, NULL));
	}
	/* Another breakfast: only the other one is left, a third time. */
	b0 = p->days[0].meals[0].tmpl;
	other = b0 == 0 ? 1 : 0;
	ck_assert_int_eq(served(p, other), 2);
	n = cz_plan_alternatives(&cat, &req, p, 0, 0, 1, alt, 3, err,
	    sizeof(err));
	ck_assert_msg(n == 1, "%d alternatives (%s)", n, err);
	ck_assert_uint_eq(alt[0].tmpl, other);
	*q = *p;
	ck_assert_int_eq(cz_plan_regenerate_meal(&cat, &req, q, 0, 0, 3, err,
	    sizeof(err)), 0);
	ck_assert_uint_eq(q->days[0].meals[0].tmpl, other);
	ck_assert_int_eq(served(q, other), 3);
	*q = *p;
	ck_assert_int_eq(cz_plan_swap_meal(&cat, &req, q, 0, 0, other, &kept,
	    err, sizeof(err)), 0);
	ck_assert_int_eq(served(q, other), 3);
	free(r);
	free(q);
	free(p);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("planner_swap");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, three_alternatives_on_target);
	tcase_add_test(tc, swap_keeps_other_meals_when_it_can);
	tcase_add_test(tc, swap_reportions_when_it_must);
	tcase_add_test(tc, changes_say_exactly_what_changed);
	tcase_add_test(tc, swap_refuses_what_the_meal_cannot_take);
	tcase_add_test(tc, lock_survives_day_and_plan_regeneration);
	tcase_add_test(tc, another_dish_keeps_the_rest_of_the_day);
	tcase_add_test(tc, changes_keep_dishes_to_twice_a_week);
	tcase_add_test(tc, repeats_only_when_nothing_else_fits);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
