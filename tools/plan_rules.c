/*
 * plan_rules.c - the rules of issue 12 re-checked from a plan's grams, its
 * catalog and its document. See plan_rules.h; docs/planner-rules.md says
 * where each rule comes from.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nutrition.h"
#include "plan_rules.h"
#include "recipes.h"

#define CHECK_EPS	1e-9	/* float noise allowed on the limits */

/* The foods the rules name, by NDB number (sql/019_portion_rules.sql). */
#define NDB_EGG		"01129"
#define NDB_BRAZIL	"12078"
#define NDB_LIVER	"05028"
#define EGG_G		50.0	/* one egg */
#define KERNEL_G	5.0	/* one Brazil nut */
#define SMALL_UNIT_G	60.0	/* a countable below this: whole units */
#define SAT_FAT_PCT	10.0	/* Dietary Guidelines 2020-2025 */
#define REPEAT_MAX	2	/* servings of a dish a week */

static const struct rule_def rules[RULE__MAX] = {
	[RULE_STRUCTURE] =	{ "plan structure faults", "", 0, 0, 0 },
	[RULE_DIET] =		{ "foods the request excludes", "", 0, 0, 0 },
	[RULE_ENERGY] =		{ "energy deviation", "%",
				  CZ_PLAN_ENERGY_TOL_PCT, 0, 0 },
	[RULE_PROTEIN] =	{ "protein share deviation", "points",
				  CZ_PLAN_SHARE_TOL_PTS, 0, 0 },
	[RULE_FAT] =		{ "fat share deviation", "points",
				  CZ_PLAN_SHARE_TOL_PTS, 0, 0 },
	[RULE_CARBS] =		{ "carb share deviation", "points",
				  CZ_PLAN_SHARE_TOL_PTS, 0, 0 },
	[RULE_NET_CARBS] =	{ "keto net carbs", "g", 20.0, 0, 0 },
	[RULE_FIBER] =		{ "fiber shortfall", "g", 0.0, 0, 0 },
	[RULE_SODIUM] =		{ "sodium", "mg", 2300.0, 0, 0 },
	/* a cap row of the solver since issue 12 (lib/planner.c add_caps):
	 * a non-keto day over it is a violation */
	[RULE_SAT_FAT] =	{ "saturated fat share (not keto)", "%",
				  SAT_FAT_PCT, 0, 0 },
	[RULE_EGGS_DISH] =	{ "eggs in a dish", "eggs", 3, 0, 0 },
	[RULE_EGGS_DAY] =	{ "eggs a day", "eggs", 4, 0, 0 },
	[RULE_FAT_DISH] =	{ "added fat in a dish", "g",
				  CZ_PLAN_DISH_ADDED_FAT_G, 0, 0 },
	[RULE_FAT_SHARE] =	{ "dish energy from added fat", "%",
				  CZ_PLAN_DISH_FAT_SHARE * 100, 0, 0 },
	[RULE_FAT_DAY] =	{ "day energy from added fat", "%",
				  CZ_PLAN_DAY_ADDED_FAT_SHARE * 100, 0, 0 },
	[RULE_BRAZIL] =		{ "Brazil nut kernels a day", "kernels", 2, 0, 0 },
	[RULE_LIVER] =		{ "liver a day", "g", 100, 0, 0 },
	[RULE_LIVER_DAYS] =	{ "days with liver in a plan", "days", 1, 0, 0 },
	[RULE_HALF_UNITS] =	{ "small countables in part units", "items",
				  0, 0, 0 },
	[RULE_MEASURE_WORDS] =	{ "measures in USDA's bookkeeping words",
				  "items", 0, 0, 0 },
	[RULE_TITLE_RANK] =	{ "title ingredient's rank in its dish", "",
				  2, 0, 0 },
	/* the rule's ratio is per dish: this is the excess over it */
	[RULE_TITLE_RATIO] =	{ "title ingredient's ratio excess", "x", 0, 0, 0 },
	[RULE_UL + CZ_LIMIT_SELENIUM] = { "selenium a day", "ug", 400, 0, 0 },
	[RULE_UL + CZ_LIMIT_RETINOL] = { "retinol a day", "ug", 3000, 0, 0 },
	[RULE_UL + CZ_LIMIT_ZINC] = { "zinc a day", "mg", 40, 0, 0 },
	[RULE_UL + CZ_LIMIT_IRON] = { "iron a day", "mg", 45, 0, 0 },
	[RULE_UL + CZ_LIMIT_CALCIUM] = { "calcium a day", "mg", 2500, 0, 0 },
	[RULE_UL + CZ_LIMIT_FIBER] = { "fiber a day", "g", 70, 0, 0 },
	[RULE_DINNERS] =	{ "dinners served twice", "dinners", 0, 0, 0 },
	/* a dish may come back a third time only when no serving of it can
	 * be swapped for a dish served fewer times (repeat_avoidable) */
	[RULE_REPEATS] =	{ "dishes served 3+ times that a swap would mend",
				  "dishes", 0, 0, 0 },
	[RULE_REPEATS_SAID] =	{ "repeats the plan does not state", "dishes",
				  0, 0, 0 },
	[RULE_SHOP_UNITS] =	{ "shopping lines not buyable as written",
				  "lines", 0, 0, 0 },
	[RULE_SHOP_ONE_LINE] =	{ "foods not on exactly one shopping line",
				  "foods", 0, 0, 0 },
	[RULE_RECIPE] =		{ "dishes without a whole method", "dishes",
				  0, 0, 0 },
	[RULE_ADVICE] =		{ "warnings missing or misplaced", "", 0, 0, 0 },
	[RULE_REFUSAL] =	{ "refusals not in words", "", 0, 1, 0 },
	[RULE_SUGGESTION] =	{ "suggestions that do not plan", "", 0, 1, 0 },
};

/* Words a shop's name never has: cooking words and USDA's wording. */
static const char *const unshop_words[] = {
	"cooked", "boiled", "roasted", "steamed", "baked", "fried",
	"grilled", "braised", "stewed", "poached", "scrambled", "microwaved",
	"ns as to", "nfs", "yield", ", ", "includes", "usda", NULL
};

const struct rule_def *
rule_def(int r)
{
	return r >= 0 && r < RULE__MAX ? &rules[r] : NULL;
}

int
rule_broken(int r, double v)
{
	return !(v <= rules[r].limit + CHECK_EPS);
}

void
rules_clear(struct rule_values *out)
{
	int r;

	memset(out, 0, sizeof(*out));
	for (r = 0; r < RULE__MAX; r++)
		out->day[r] = -2;
}

/* Records value v of rule r on day (-1: the plan), with what broke. */
static void
note(struct rule_values *out, int r, int day, double v, const char *what)
{
	if (!out->seen[r] || v > out->v[r])
		out->v[r] = v;
	out->seen[r] = 1;
	if (rule_broken(r, v) && out->day[r] == -2) {
		out->day[r] = day;
		snprintf(out->what[r], sizeof(out->what[r]), "%s",
		    what != NULL ? what : "");
	}
}

/* One fault of a counting rule r: its count goes up by one. */
static void
fault(struct rule_values *out, int r, int day, const char *what)
{
	note(out, r, day, (out->seen[r] ? out->v[r] : 0) + 1, what);
}

/* ------------------------------------------------------------------------
 * per day, from the grams
 */

/* Whether the household amount of grams of f speaks USDA's bookkeeping
 * rather than a cook's words: a yield ("½ lemon yields"), a "not
 * specified" note, "leaves outer". */
static int
bookkeeping_measure(const struct cz_cat_food *f, double grams)
{
	static const char *const words[] = { "yield", "Yield", "NS as to",
	    " outer", NULL };
	char text[128];
	int k;

	if (cz_measure_describe(f->measures, f->nmeasures, grams, text,
	    sizeof(text)) < 0)
		return 0;
	for (k = 0; words[k] != NULL; k++)
		if (strstr(text, words[k]) != NULL)
			return 1;
	return 0;
}

/* Whether the household amount of grams of f is a part (1/4, 1/2, 3/4)
 * of a small countable unit: "2 1/2 fig", "14 1/2 kernel". */
static int
part_unit(const struct cz_cat_food *f, double grams)
{
	static const char *const small_units[] = { "kernel", "nut", "almond",
	    "peanut", "fig", "date", "half", "olive", "sardine", "box",
	    "miniature", "packet", "piece", "raisin", NULL };
	const struct cz_measure *m;
	char text[128];
	int i, k;

	i = cz_measure_describe(f->measures, f->nmeasures, grams, text,
	    sizeof(text));
	if (i < 0)
		return 0;
	m = &f->measures[i];
	if (!(m->amount > 0) || m->grams / m->amount >= SMALL_UNIT_G)
		return 0;
	/* An egg, or a piece counted by its own name: a kernel, a nut, a fig,
	 * a date, an apricot half, an olive, a sardine, a box or a packet. */
	if (strcmp(f->ndb, NDB_EGG) != 0) {
		for (k = 0; small_units[k] != NULL; k++)
			if (strncmp(m->name, small_units[k],
			    strlen(small_units[k])) == 0)
				break;
		if (small_units[k] == NULL)
			return 0;
	}
	return strstr(text, "\xc2\xbc") != NULL ||
	    strstr(text, "\xc2\xbd") != NULL ||
	    strstr(text, "\xc2\xbe") != NULL;
}

/*
 * The title rule of meal m of day (lib/planner.h, CZ_PLAN_TITLE_RATIO)
 * from its grams: its title ingredient's rank by the rule's measure into
 * *rank (1: largest; 0: the dish has no title), and by how much its
 * largest other item exceeds the ratio allowed into *excess.
 */
static void
title_check(const struct cz_catalog *cat, const struct cz_plan_day *day,
    int m, double *rank, double *excess)
{
	const struct cz_cat_template *tm;
	double v[CZ_PLAN_MAX_ITEMS], vt = -1, ratio, top = 0;
	size_t i, t, big, tf;
	int by_energy, above = 0;

	*rank = 0;
	*excess = 0;
	tm = &cat->templates[day->meals[m].tmpl];
	if (cz_plan_title_rule(cat, tm, &t, &big, &by_energy, &ratio) == -1)
		return;
	tf = tm->items[t].food;
	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m)
			continue;
		v[i] = day->items[i].grams * (by_energy ?
		    cat->foods[day->items[i].food].kcal : 1.0);
		if (day->items[i].food == tf)
			vt = v[i];
	}
	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m || day->items[i].food == tf)
			continue;
		above += v[i] > vt * (1 + 1e-9);
		top = fmax(top, v[i]);
	}
	*rank = 1 + above;
	if (vt > 0 && top > ratio * vt * (1 + 1e-9))
		*excess = top / vt - ratio;
	else if (!(vt > 0))
		*excess = top > 0 ? top : 0;	/* the title is missing */
}

/* The portion rules and daily limits of day d from its grams and the
 * catalog's foods. */
static void
day_portions(const struct cz_catalog *cat, const struct cz_plan *p, int d,
    struct rule_values *out)
{
	const struct cz_plan_day *day = &p->days[d];
	const struct cz_cat_food *f;
	double eggs[CZ_PLAN_MAX_MEALS] = { 0 }, fat[CZ_PLAN_MAX_MEALS] = { 0 };
	double fatk[CZ_PLAN_MAX_MEALS] = { 0 }, dish[CZ_PLAN_MAX_MEALS] = { 0 };
	double lim[CZ_LIMIT__MAX] = { 0 };
	double g, dayfat = 0, dayeggs = 0, brazil = 0, liver = 0, rank, excess;
	double parts = 0, usda_words = 0;
	size_t i;
	int m, l;

	for (i = 0; i < day->nitems; i++) {
		f = &cat->foods[day->items[i].food];
		g = day->items[i].grams;
		m = day->items[i].meal;
		if (m < 0 || m >= CZ_PLAN_MAX_MEALS)
			continue;
		dish[m] += f->kcal * g;
		if (strcmp(f->ndb, NDB_EGG) == 0) {
			eggs[m] += g / EGG_G;
			dayeggs += g / EGG_G;
		}
		if (f->added_fat) {
			fat[m] += g;
			fatk[m] += f->kcal * g;
			dayfat += g;
		}
		if (strcmp(f->ndb, NDB_BRAZIL) == 0)
			brazil += g / KERNEL_G;
		if (strcmp(f->ndb, NDB_LIVER) == 0)
			liver += g;
		parts += part_unit(f, g);
		usda_words += bookkeeping_measure(f, g);
		for (l = 0; l < CZ_LIMIT__MAX; l++)
			lim[l] += cz_plan_limit_per_g(f, l) * g;
	}
	for (m = 0; m < day->nmeals && m < CZ_PLAN_MAX_MEALS; m++) {
		title_check(cat, day, m, &rank, &excess);
		out->ntitled += rank > 0;
		note(out, RULE_TITLE_RANK, d, rank, cat->templates[
		    day->meals[m].tmpl].slug);
		note(out, RULE_TITLE_RATIO, d, excess, cat->templates[
		    day->meals[m].tmpl].slug);
		note(out, RULE_EGGS_DISH, d, eggs[m], NULL);
		note(out, RULE_FAT_DISH, d, fat[m], NULL);
		note(out, RULE_FAT_SHARE, d, dish[m] > 0 ? 100 * fatk[m] /
		    dish[m] : 0, NULL);
		out->ndishes++;
		out->ndishes_oily += dish[m] > 0 && fatk[m] >= 0.5 * dish[m];
	}
	note(out, RULE_EGGS_DAY, d, dayeggs, NULL);
	/* the rule is in grams: the share of the target at 9 kcal/g */
	note(out, RULE_FAT_DAY, d, p->target.energy > 0 ? 100 * 9 * dayfat /
	    p->target.energy : 0, NULL);
	note(out, RULE_BRAZIL, d, brazil, NULL);
	note(out, RULE_LIVER, d, liver, NULL);
	note(out, RULE_HALF_UNITS, d, parts, NULL);
	note(out, RULE_MEASURE_WORDS, d, usda_words, NULL);
	for (l = 0; l < CZ_LIMIT__MAX; l++)
		note(out, RULE_UL + l, d, lim[l], NULL);
}

/* Energy, macro shares, net carbs, fibre, sodium and saturated fat of day
 * d from its grams, against the request's target t; also its foods. */
static void
day_targets(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan_target *t, const struct cz_plan *p, int d,
    struct rule_values *out)
{
	const struct cz_plan_day *day = &p->days[d];
	const struct cz_cat_food *f;
	struct cz_nutrients tot, x;
	double pp, fp, cp, kcal;
	char what[96];
	size_t i;

	cz_nutrients_zero(&tot);
	for (i = 0; i < day->nitems; i++) {
		f = &cat->foods[day->items[i].food];
		if (!cz_plan_food_ok(f, req)) {
			snprintf(what, sizeof(what), "%s %s", f->ndb, f->label);
			fault(out, RULE_DIET, d, what);
		}
		if (!(day->items[i].grams > 0) ||
		    !isfinite(day->items[i].grams))
			fault(out, RULE_STRUCTURE, d, "grams");
		cz_nutrients_scale(&f->per100g, day->items[i].grams, &x);
		cz_nutrients_add(&tot, &x);
	}
	note(out, RULE_DIET, d, 0, NULL);
	note(out, RULE_STRUCTURE, d, 0, NULL);
	kcal = tot.v[CZ_N_ENERGY];
	cz_macro_shares(&tot, &pp, &fp, &cp);
	note(out, RULE_ENERGY, d, fabs(kcal / t->energy - 1.0) * 100.0, NULL);
	note(out, RULE_PROTEIN, d, fabs(pp - t->protein_share * 100.0), NULL);
	note(out, RULE_FAT, d, fabs(fp - t->fat_share * 100.0), NULL);
	note(out, RULE_CARBS, d, fabs(cp - t->carb_share * 100.0), NULL);
	if (t->net_carbs_max >= 0)
		note(out, RULE_NET_CARBS, d, cz_net_carbs(tot.v[CZ_N_CARBS],
		    tot.v[CZ_N_FIBER]), NULL);
	if (t->fiber_min > 0)
		note(out, RULE_FIBER, d, t->fiber_min - tot.v[CZ_N_FIBER],
		    NULL);
	note(out, RULE_SODIUM, d, tot.v[CZ_N_SODIUM], NULL);
	/* Saturated fat at 9 kcal/g of the day's energy, at most 10% but on
	 * keto, which is exempt and only reported (issue 12). */
	if (kcal > 0) {
		if (req->diet != CZ_DIET_KETO)
			note(out, RULE_SAT_FAT, d, 100 * 9 *
			    tot.v[CZ_N_SATURATED_FAT] / kcal, NULL);
		else
			out->keto_sat_fat = fmax(out->keto_sat_fat, 100 * 9 *
			    tot.v[CZ_N_SATURATED_FAT] / kcal);
	}
}

/* ------------------------------------------------------------------------
 * the week
 */

/* Whether day d of p has other dishes than it had in before. */
static int
day_changed(const struct cz_plan *p, const struct cz_plan *before, int d)
{
	int m;

	if (d >= before->ndays || p->days[d].nmeals != before->days[d].nmeals)
		return 1;
	for (m = 0; m < p->days[d].nmeals; m++)
		if (p->days[d].meals[m].tmpl != before->days[d].meals[m].tmpl)
			return 1;
	return 0;
}

/* Whether day d of plan p serves dish t. */
static int
day_held(const struct cz_plan *p, int d, size_t t)
{
	int m;

	for (m = 0; d < p->ndays && m < p->days[d].nmeals; m++)
		if (p->days[d].meals[m].tmpl == t)
			return 1;
	return 0;
}

/*
 * Whether dish t, served more than REPEAT_MAX times in p, need not have
 * been: for one of its servings, the dishes "Swap" offers there
 * (cz_plan_alternatives: each keeps the day on every target) include one
 * that the week would then serve at most REPEAT_MAX times (a dinner at
 * most dinner_max). That is the catalog allowing a dish fewer; the plan
 * states the repeats it does not allow (doc_repeats). For a changed plan
 * (before not NULL) only servings on the days the change made count, and
 * only dishes those days did not hold before. Writes the swap found to
 * what.
 */
static int
repeat_avoidable(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p,
    const struct cz_plan *before, size_t t, const unsigned short *times,
    int dinner_max, char *what, size_t len)
{
	struct cz_plan_alternative alt[CZ_PLAN_ALTERNATIVES];
	const struct cz_cat_template *a;
	char err[128];
	int d, m, i, n, max;

	for (d = 0; d < p->ndays; d++)
		for (m = 0; m < p->days[d].nmeals; m++) {
			if (p->days[d].meals[m].tmpl != t ||
			    p->days[d].meals[m].locked ||
			    (before != NULL && !day_changed(p, before, d)))
				continue;
			n = cz_plan_alternatives(cat, req, p, d, m, req->seed,
			    alt, CZ_PLAN_ALTERNATIVES, err, sizeof(err));
			for (i = 0; i < n; i++) {
				a = &cat->templates[alt[i].tmpl];
				max = a->slot == CZ_SLOT_DINNER ? dinner_max :
				    REPEAT_MAX;
				if (alt[i].tmpl == t ||
				    times[alt[i].tmpl] + 1 > max ||
				    (before != NULL &&
				    day_held(before, d, alt[i].tmpl)))
					continue;
				snprintf(what, len, "%s served %d times; day "
				    "%d could take %s", cat->templates[t].slug,
				    times[t], d + 1, a->slug);
				return 1;
			}
		}
	return 0;
}

/*
 * No dinner twice in a new plan (at most REPEAT_MAX times once the plan
 * was changed: "another dinner" may bring back another day's when no new
 * one fits), and no dish more than REPEAT_MAX times a week unless
 * the catalog forced it: no serving of it (on a day a change made, for a
 * changed plan) could be swapped for a dish served fewer times with the
 * day still on target (repeat_avoidable). times (one per template) is
 * filled here.
 */
static void
week_repeats(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan *p, const struct cz_plan *before,
    unsigned short *times, struct rule_values *out)
{
	int dinner_max = before != NULL ? REPEAT_MAX : 1;
	int d, m;
	const struct cz_cat_template *tm;
	char what[96];
	size_t t;

	for (d = 0; d < p->ndays; d++)
		for (m = 0; m < p->days[d].nmeals; m++)
			times[p->days[d].meals[m].tmpl]++;
	note(out, RULE_DINNERS, -1, 0, NULL);
	note(out, RULE_REPEATS, -1, 0, NULL);
	for (t = 0; t < cat->ntemplates; t++) {
		tm = &cat->templates[t];
		if (times[t] > REPEAT_MAX)
			out->nrepeats++;
		if (tm->slot == CZ_SLOT_DINNER && times[t] > dinner_max) {
			snprintf(what, sizeof(what), "dinner %s served %d "
			    "times", tm->slug, times[t]);
			fault(out, RULE_DINNERS, -1, what);
			continue;
		}
		if (times[t] > REPEAT_MAX && repeat_avoidable(cat, req, p,
		    before, t, times, dinner_max, what, sizeof(what)))
			fault(out, RULE_REPEATS, -1, what);
	}
}

/* The document's "repeats" against the plan's servings: each dish served
 * more than REPEAT_MAX times named with its count and a sentence, no
 * other. */
static void
doc_repeats(const struct cz_catalog *cat, const unsigned short *times,
    struct json_object *doc, struct rule_values *out)
{
	struct json_object *a, *e, *v;
	const char *slug;
	size_t t, i, n;
	int listed;

	note(out, RULE_REPEATS_SAID, -1, 0, NULL);
	if (!json_object_object_get_ex(doc, "repeats", &a) ||
	    !json_object_is_type(a, json_type_array)) {
		fault(out, RULE_REPEATS_SAID, -1, "no repeats array");
		return;
	}
	n = json_object_array_length(a);
	for (t = 0; t < cat->ntemplates; t++) {
		listed = 0;
		for (i = 0; i < n; i++) {
			e = json_object_array_get_idx(a, i);
			if (!json_object_object_get_ex(e, "slug", &v) ||
			    (slug = json_object_get_string(v)) == NULL ||
			    strcmp(slug, cat->templates[t].slug) != 0)
				continue;
			listed = 1;
			if (!json_object_object_get_ex(e, "times", &v) ||
			    json_object_get_int(v) != times[t] ||
			    !json_object_object_get_ex(e, "text", &v) ||
			    json_object_get_string_len(v) < 20)
				fault(out, RULE_REPEATS_SAID, -1,
				    cat->templates[t].slug);
		}
		if (listed != (times[t] > REPEAT_MAX))
			fault(out, RULE_REPEATS_SAID, -1,
			    cat->templates[t].slug);
	}
}

/* ------------------------------------------------------------------------
 * the document: shopping list, recipes, advice
 */

static const char *
str_of(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static double
num_of(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !(json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double)))
		return NAN;
	return json_object_get_double(v);
}

/* What is wrong with one line of the list as a shop would read it, or
 * NULL when nothing is. */
static const char *
shop_line_fault(struct json_object *l)
{
	const char *food, *key, *buy, *unit, *use;
	double count, buy_g, use_g;
	size_t k, wl;
	const char *s;

	if ((food = str_of(l, "food")) == NULL || *food == '\0' ||
	    (key = str_of(l, "key")) == NULL ||
	    (buy = str_of(l, "buy")) == NULL || *buy == '\0' ||
	    (unit = str_of(l, "unit")) == NULL || *unit == '\0' ||
	    (use = str_of(l, "you_will_use")) == NULL)
		return "a field is missing";
	for (k = 0; unshop_words[k] != NULL; k++) {
		wl = strlen(unshop_words[k]);
		for (s = food; *s != '\0'; s++)
			if (strncasecmp(s, unshop_words[k], wl) == 0)
				return "a cooked or USDA name";
	}
	if (strncmp(key, "ndb-", 4) == 0)
		return "a food no shop item knows";
	if (strncmp(use, "you will use ", 13) != 0)
		return "no \"you will use\"";
	count = num_of(l, "count");
	buy_g = num_of(l, "buy_grams");
	use_g = num_of(l, "use_grams");
	if (strcmp(unit, "g") != 0 && !(count >= 1))
		return "no whole pack, piece or box";
	if (!(buy_g >= use_g - 0.5))
		return "buys less than it uses";
	return NULL;
}

/* Whether the food of item it of day d is on an earlier item of p. */
static int
seen_before(const struct cz_plan *p, size_t d, size_t it)
{
	size_t food = p->days[d].items[it].food, e, i;

	for (e = 0; e <= d; e++)
		for (i = 0; i < (e == d ? it : p->days[e].nitems); i++)
			if (p->days[e].items[i].food == food)
				return 1;
	return 0;
}

/* The list to shop from (the document's "shopping"): every line buyable
 * as written, every food of the plan on exactly one line. */
static void
doc_shopping(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc, struct rule_values *out)
{
	struct json_object *aisles, *lines, *l, *ndbs;
	const char *why, *ndb;
	char what[96];
	size_t i, k, j, d, it;
	int on;

	note(out, RULE_SHOP_UNITS, -1, 0, NULL);
	note(out, RULE_SHOP_ONE_LINE, -1, 0, NULL);
	if (!json_object_object_get_ex(doc, "shopping", &aisles) ||
	    !json_object_is_type(aisles, json_type_array)) {
		fault(out, RULE_SHOP_UNITS, -1, "no shopping list");
		return;
	}
	for (i = 0; i < json_object_array_length(aisles); i++) {
		if (!json_object_object_get_ex(json_object_array_get_idx(
		    aisles, i), "items", &lines))
			continue;
		for (k = 0; k < json_object_array_length(lines); k++) {
			l = json_object_array_get_idx(lines, k);
			if ((why = shop_line_fault(l)) != NULL) {
				snprintf(what, sizeof(what), "\"%s\": %s",
				    str_of(l, "food") ? str_of(l, "food") :
				    "?", why);
				fault(out, RULE_SHOP_UNITS, -1, what);
			}
		}
	}
	/* Each food of the plan on exactly one line (each food once). */
	for (d = 0; d < (size_t)p->ndays; d++)
		for (it = 0; it < p->days[d].nitems; it++) {
			if (seen_before(p, d, it))
				continue;
			ndb = cat->foods[p->days[d].items[it].food].ndb;
			on = 0;
			for (i = 0; i < json_object_array_length(aisles); i++) {
				if (!json_object_object_get_ex(
				    json_object_array_get_idx(aisles, i),
				    "items", &lines))
					continue;
				for (k = 0; k < json_object_array_length(lines);
				    k++) {
					if (!json_object_object_get_ex(
					    json_object_array_get_idx(lines, k),
					    "ndbs", &ndbs))
						continue;
					for (j = 0; j < json_object_array_length(
					    ndbs); j++)
						on += strcmp(json_object_get_string(
						    json_object_array_get_idx(ndbs,
						    j)), ndb) == 0;
				}
			}
			if (on != 1) {
				snprintf(what, sizeof(what), "%s on %d lines",
				    ndb, on);
				fault(out, RULE_SHOP_ONE_LINE, -1, what);
			}
		}
}

/* The method of meal m of day d as the document gives it: 3 to 8 steps,
 * prep and cook time, every item's amount of this plan named, no
 * placeholder left. */
static void
doc_recipe(const struct cz_catalog *cat, const struct cz_plan_day *day,
    int d, int m, struct json_object *meal, struct rule_values *out)
{
	struct json_object *r, *steps;
	char all[CZ_RECIPE_MAX_STEPS * CZ_RECIPE_STEP_LEN];
	char amount[CZ_RECIPE_AMOUNT_LEN], what[96];
	const struct cz_cat_food *f;
	const char *slug, *s;
	size_t i, n, len = 0;
	int cook = 0;

	slug = cat->templates[day->meals[m].tmpl].slug;
	if (!json_object_object_get_ex(meal, "recipe", &r) ||
	    !json_object_object_get_ex(r, "steps", &steps) ||
	    !json_object_is_type(steps, json_type_array)) {
		snprintf(what, sizeof(what), "%s: no method", slug);
		fault(out, RULE_RECIPE, d, what);
		return;
	}
	n = json_object_array_length(steps);
	if (n < CZ_RECIPE_MIN_STEPS || n > CZ_RECIPE_MAX_STEPS) {
		snprintf(what, sizeof(what), "%s: %zu steps", slug, n);
		fault(out, RULE_RECIPE, d, what);
		return;
	}
	all[0] = '\0';
	for (i = 0; i < n; i++) {
		s = json_object_get_string(json_object_array_get_idx(steps, i));
		if (s == NULL || strlen(s) < 10 || strchr(s, '{') != NULL) {
			snprintf(what, sizeof(what), "%s: step %zu", slug,
			    i + 1);
			fault(out, RULE_RECIPE, d, what);
			return;
		}
		len += (size_t)snprintf(all + len, sizeof(all) - len, "%s\n",
		    s);
		if (len >= sizeof(all))
			len = sizeof(all) - 1;
	}
	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m)
			continue;
		f = &cat->foods[day->items[i].food];
		cook |= cz_recipe_needs_cooking(f);
		if (cz_recipe_amount(f, day->items[i].grams, amount,
		    sizeof(amount)) == -1 || strstr(all, amount) == NULL) {
			snprintf(what, sizeof(what), "%s: no \"%.40s\"", slug,
			    amount);
			fault(out, RULE_RECIPE, d, what);
			return;
		}
	}
	if (!(num_of(r, "prep_min") > 0) || (cook && !(num_of(r,
	    "cook_min") > 0))) {
		snprintf(what, sizeof(what), "%s: no prep or cook time", slug);
		fault(out, RULE_RECIPE, d, what);
	}
}

static void
doc_recipes(const struct cz_catalog *cat, const struct cz_plan *p,
    struct json_object *doc, struct rule_values *out)
{
	struct json_object *days, *meals;
	int d, m;

	note(out, RULE_RECIPE, -1, 0, NULL);
	if (!json_object_object_get_ex(doc, "days", &days) ||
	    (int)json_object_array_length(days) != p->ndays) {
		fault(out, RULE_RECIPE, -1, "days");
		return;
	}
	for (d = 0; d < p->ndays; d++) {
		if (!json_object_object_get_ex(json_object_array_get_idx(days,
		    (size_t)d), "meals", &meals) ||
		    (int)json_object_array_length(meals) !=
		    p->days[d].nmeals) {
			fault(out, RULE_RECIPE, d, "meals");
			continue;
		}
		for (m = 0; m < p->days[d].nmeals; m++)
			doc_recipe(cat, &p->days[d], d, m,
			    json_object_array_get_idx(meals, (size_t)m), out);
	}
}

/* Whether advice array a has an entry of code with a sentence. */
static int
has_advice(struct json_object *a, const char *code)
{
	struct json_object *e;
	const char *c, *t;
	size_t i;

	for (i = 0; a != NULL && i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if ((c = str_of(e, "code")) != NULL && strcmp(c, code) == 0 &&
		    (t = str_of(e, "text")) != NULL && strlen(t) >= 40)
			return 1;
	}
	return 0;
}

/* The warnings a professional would give (issue 12), each present
 * exactly when it applies, and the disclaimers. */
static void
doc_advice(const struct cz_plan_request *req, struct json_object *doc,
    struct rule_values *out)
{
	struct json_object *a = NULL, *dis = NULL;
	const struct {
		const char	*code;
		int		 applies;
	} w[] = {
		{ "low_energy", req->calories < 1200 },
		{ "high_energy", req->calories > 4000 },
		{ "vegan", req->diet == CZ_DIET_VEGAN },
		{ "pregnancy", req->profile == CZ_PROFILE_PREGNANCY },
	};
	char what[96];
	size_t i;

	note(out, RULE_ADVICE, -1, 0, NULL);
	json_object_object_get_ex(doc, "advice", &a);
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (has_advice(a, w[i].code) != w[i].applies) {
			snprintf(what, sizeof(what), "%s warning %s", w[i].code,
			    w[i].applies ? "missing" : "where it does not "
			    "apply");
			fault(out, RULE_ADVICE, -1, what);
		}
	json_object_object_get_ex(doc, "disclaimers", &dis);
	if (str_of(dis, "medical") == NULL || str_of(dis, "fda") == NULL ||
	    (str_of(dis, "pregnancy") != NULL) !=
	    (req->profile == CZ_PROFILE_PREGNANCY))
		fault(out, RULE_ADVICE, -1, "disclaimers");
}

/* ------------------------------------------------------------------------
 * public
 */

void
rules_check_plan(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p,
    struct json_object *doc, const struct cz_plan *before,
    struct rule_values *out)
{
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	struct cz_plan_target t;
	unsigned short *times;
	char what[96];
	int d, m, nslots, liver_days = 0;
	size_t i;

	cz_plan_target(req, &t);
	nslots = cz_plan_slots(req, slots);
	note(out, RULE_STRUCTURE, -1, 0, NULL);
	if (p->ndays != req->days)
		fault(out, RULE_STRUCTURE, -1, "number of days");
	for (d = 0; d < p->ndays; d++) {
		if (p->days[d].nmeals != nslots)
			fault(out, RULE_STRUCTURE, d, "number of meals");
		for (m = 0; m < p->days[d].nmeals && m < nslots; m++)
			if (p->days[d].meals[m].slot != slots[m].slot ||
			    cat->templates[p->days[d].meals[m].tmpl].slot !=
			    slots[m].kind) {
				snprintf(what, sizeof(what), "meal %d slot",
				    m + 1);
				fault(out, RULE_STRUCTURE, d, what);
			}
		day_targets(cat, req, &t, p, d, out);
		day_portions(cat, p, d, out);
		for (i = 0; i < p->days[d].nitems; i++)
			if (strcmp(cat->foods[p->days[d].items[i].food].ndb,
			    NDB_LIVER) == 0) {
				liver_days++;
				break;
			}
	}
	note(out, RULE_LIVER_DAYS, -1, liver_days, NULL);
	if ((times = calloc(cat->ntemplates + 1, sizeof(*times))) == NULL) {
		fault(out, RULE_STRUCTURE, -1, "out of memory");
		return;
	}
	week_repeats(cat, req, p, before, times, out);
	if (doc != NULL) {
		doc_repeats(cat, times, doc, out);
		doc_shopping(cat, p, doc, out);
		doc_recipes(cat, p, doc, out);
		doc_advice(req, doc, out);
	}
	free(times);
}

void
rules_check_refusal(const struct cz_plan_request *req, const char *reason,
    const char *words, const int *ok, int n, struct rule_values *out)
{
	const char *key = reason;
	char what[96];
	int i;

	(void)req;
	note(out, RULE_REFUSAL, -1, 0, NULL);
	note(out, RULE_SUGGESTION, -1, 0, NULL);
	/* "day 3: net carbs" names the limit after the colon: the words
	 * must say more than that key, in a sentence of their own. */
	if (strncmp(key, "day ", 4) == 0 && strchr(key, ':') != NULL)
		key = strchr(key, ':') + 2;
	if (reason[0] == '\0' || words == NULL || strlen(words) < 30 ||
	    strcmp(words, key) == 0 || strncmp(words, "day ", 4) == 0 ||
	    strchr(words, '_') != NULL) {
		snprintf(what, sizeof(what), "\"%.40s\" says \"%.40s\"", reason,
		    words != NULL ? words : "");
		fault(out, RULE_REFUSAL, -1, what);
	}
	for (i = 0; i < n; i++)
		if (!ok[i]) {
			snprintf(what, sizeof(what), "suggestion %d", i + 1);
			fault(out, RULE_SUGGESTION, -1, what);
		}
}
