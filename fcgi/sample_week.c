/*
 * sample_week.c - the home page's sample week. See sample_week.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "catalog.h"
#include "fixed_text.h"
#include "food_pictures.h"
#include "log.h"
#include "nutrition.h"
#include "planner.h"
#include "plans.h"
#include "request.h"
#include "sample_week.h"
#include "solver.h"

/* Kept for the process's life: built from immutable data (see the
 * header), released by nobody, like the templates compiled at start. */
static struct json_object *sample;
static time_t tried;

/* v with one decimal, signed when sign ("+0.4"); "0.0" for what rounds
 * to zero, never "-0.0". */
static struct json_object *
decimal(double v, int sign)
{
	char s[32];

	if (fabs(v) < 0.05)
		v = 0;
	snprintf(s, sizeof(s), sign && v != 0 ? "%+.1f" : "%.1f", v);
	return json_object_new_string(s);
}

/* "2,000" for people. */
static struct json_object *
kcal_text(double v)
{
	char s[CZ_THOUSANDS_MAX];

	return json_object_new_string(cz_thousands(s, lround(v)));
}

/* Meal k of day d as {"name", "kcal", "picture": {"key"}}. */
static struct json_object *
meal(const struct cz_catalog *cat, const struct cz_plan_day *d, int k)
{
	const struct cz_cat_template *t = &cat->templates[d->meals[k].tmpl];
	struct cz_dish_item it[CZ_PLAN_MAX_ITEMS];
	struct json_object *o = json_object_new_object(), *pic;
	const char *key;
	double kcal = 0;
	size_t i, n = 0;

	for (i = 0; i < d->nitems; i++) {
		const struct cz_cat_food *f = &cat->foods[d->items[i].food];

		if (d->items[i].meal != k)
			continue;
		kcal += f->kcal * d->items[i].grams;
		it[n].ndb = f->ndb;
		it[n++].grams = d->items[i].grams;
	}
	json_object_object_add(o, "name", json_object_new_string(t->name));
	json_object_object_add(o, "kcal", kcal_text(kcal));
	if (cz_dish_pictures(t->name, (int)d->meals[k].slot, it, n, &key,
	    1) == 1) {
		pic = json_object_new_object();
		json_object_object_add(pic, "key", json_object_new_string(key));
		json_object_object_add(o, "picture", pic);
	}
	return o;
}

static struct json_object *
build(const struct cz_catalog *cat, const struct cz_plan *p)
{
	struct json_object *o = json_object_new_object(), *days, *jd, *meals,
	    *slots;
	double dev, worst = 0, e;
	int d, k;

	days = json_object_new_array();
	for (d = 0; d < p->ndays; d++) {
		e = p->days[d].totals.v[CZ_N_ENERGY];
		dev = (e - p->target.energy) / p->target.energy * 100;
		if (fabs(dev) > fabs(worst))
			worst = dev;
		jd = json_object_new_object();
		json_object_object_add(jd, "day", json_object_new_int(d + 1));
		json_object_object_add(jd, "kcal", kcal_text(e));
		json_object_object_add(jd, "deviation_pct", decimal(dev, 1));
		meals = json_object_new_array();
		for (k = 0; k < p->days[d].nmeals; k++)
			json_object_array_add(meals, meal(cat, &p->days[d], k));
		json_object_object_add(jd, "meals", meals);
		json_object_array_add(days, jd);
	}
	slots = json_object_new_array();
	for (k = 0; k < p->days[0].nmeals; k++) {
		char s[32];

		snprintf(s, sizeof(s), "%s", cz_slot_name(
		    (int)p->days[0].meals[k].slot));
		s[0] = (char)(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 32 : s[0]);
		json_object_array_add(slots, json_object_new_string(s));
	}
	json_object_object_add(o, "target_kcal", kcal_text(p->target.energy));
	json_object_object_add(o, "tolerance_pct", json_object_new_int(
	    (int)CZ_PLAN_ENERGY_TOL_PCT));
	json_object_object_add(o, "max_deviation_pct", decimal(fabs(worst),
	    0));
	json_object_object_add(o, "slots", slots);
	json_object_object_add(o, "days", days);
	return o;
}

struct json_object *
cz_sample_week(struct cz_request *r)
{
	const struct cz_catalog *cat;
	struct cz_plan_request req;
	struct cz_plan *plan;
	char err[256];
	time_t now;

	if (sample != NULL)
		return json_object_get(sample);
	now = time(NULL);
	if (tried != 0 && now - tried < 60)
		return NULL;
	tried = now;
	if ((cat = cz_plans_catalog(r)) == NULL)
		return NULL;
	memset(&req, 0, sizeof(req));
	req.calories = CZ_SAMPLE_KCAL;
	req.diet = CZ_DIET_STANDARD;
	req.pattern = CZ_PATTERN_3_MEALS;
	req.profile = CZ_PROFILE_NONE;
	req.days = 7;
	req.seed = CZ_SAMPLE_SEED;
	if ((plan = cz_arena_alloc(r->arena, sizeof(*plan))) == NULL)
		return NULL;
	if (cz_plan_make(cat, &req, plan, err, sizeof(err)) == -1 ||
	    !plan->feasible) {
		cz_log(CZ_LOG_WARN, "%s: the sample week cannot be planned: %s",
		    __func__, plan->feasible ? err : plan->reason);
		return NULL;
	}
	sample = build(cat, plan);
	return json_object_get(sample);
}
