/*
 * plan_doc.c - plan documents as JSON. See plan_doc.h.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intakes.h"
#include "fixed_text.h"
#include "food_memo.h"
#include "jsonw.h"
#include "nutrition.h"
#include "plan_doc.h"
#include "recipes.h"
#include "shop_list.h"

static void write_intakes(struct cz_jw *, const struct cz_plan_request *,
    const struct cz_plan *, const struct cz_nutrients *);

/* Bytes of the arena cz_plan_from_document reads a document into (a
 * struct cz_plan_doc and its strings). */
#define PLAN_READ_ARENA	(64 * 1024)

/* ------------------------------------------------------------------------
 * documents
 */

/* Every core nutrient of t plus net carbs, and the energy shares. */
static void
write_nutrients(struct cz_jw *w, const struct cz_jw_key *key,
    const struct cz_nutrients *t)
{
	const struct cz_nutrient_info *ni;
	struct cz_jw_key nk;
	double pp, fp, cp;
	int k;

	cz_jw_object_k(w, key);
	for (k = 0; k < CZ_NUTRIENTS; k++) {
		ni = cz_nutrient_info(k);
		nk.name = ni->key;
		nk.quoted = ni->quoted_key;
		nk.len = ni->quoted_len;
		cz_jw_number_k(w, &nk, t->v[k], cz_plan_document_decimals(k));
	}
	cz_jw_number_k(w, CZ_JW_KEY("net_carbs"), cz_net_carbs(t->v[CZ_N_CARBS],
	    t->v[CZ_N_FIBER]), 1);
	cz_macro_shares(t, &pp, &fp, &cp);
	cz_jw_number_k(w, CZ_JW_KEY("protein_pct"), pp, 1);
	cz_jw_number_k(w, CZ_JW_KEY("fat_pct"), fp, 1);
	cz_jw_number_k(w, CZ_JW_KEY("carbs_pct"), cp, 1);
	cz_jw_end(w);
}

static void
write_target(struct cz_jw *w, const struct cz_plan_target *t)
{
	cz_jw_object_k(w, CZ_JW_KEY("target"));
	cz_jw_number_k(w, CZ_JW_KEY("energy_kcal"), t->energy, 0);
	cz_jw_number_k(w, CZ_JW_KEY("protein_pct"), t->protein_share * 100, 0);
	cz_jw_number_k(w, CZ_JW_KEY("fat_pct"), t->fat_share * 100, 0);
	cz_jw_number_k(w, CZ_JW_KEY("carbs_pct"), t->carb_share * 100, 0);
	cz_jw_number_k(w, CZ_JW_KEY("energy_tolerance_pct"),
	    CZ_PLAN_ENERGY_TOL_PCT, 0);
	cz_jw_number_k(w, CZ_JW_KEY("share_tolerance_points"),
	    CZ_PLAN_SHARE_TOL_PTS, 0);
	if (t->fiber_min > 0)
		cz_jw_number_k(w, CZ_JW_KEY("fiber_min_g"), t->fiber_min, 1);
	cz_jw_number_k(w, CZ_JW_KEY("sodium_max_mg"), t->sodium_max, 0);
	if (t->net_carbs_max >= 0)
		cz_jw_number_k(w, CZ_JW_KEY("net_carbs_max_g"),
		    t->net_carbs_max, 0);
	cz_jw_end(w);
}

/* One share line of the receipt; returns whether it is within target. */
static int
receipt_share(struct cz_jw *w, const char *name, double target,
    double actual)
{
	double dev = actual - target * 100.0;
	int ok = fabs(dev) <= CZ_PLAN_SHARE_TOL_PTS + 1e-9;

	cz_jw_object(w, name);
	cz_jw_number_k(w, CZ_JW_KEY("target_pct"), target * 100.0, 0);
	cz_jw_number_k(w, CZ_JW_KEY("actual_pct"), actual, 1);
	cz_jw_number_k(w, CZ_JW_KEY("deviation_points"), dev, 1);
	cz_jw_bool_k(w, CZ_JW_KEY("ok"), ok);
	cz_jw_end(w);
	return ok;
}

/* A limit line of the receipt (min or max); returns whether it holds. */
static int
receipt_limit(struct cz_jw *w, const char *name, const char *limkey,
    double limit, const char *actkey, double actual, int is_min, int d)
{
	int ok = is_min ? actual >= limit - 1e-9 : actual <= limit + 1e-9;

	cz_jw_object(w, name);
	cz_jw_number(w, limkey, limit, d);
	cz_jw_number(w, actkey, actual, d);
	cz_jw_bool_k(w, CZ_JW_KEY("ok"), ok);
	cz_jw_end(w);
	return ok;
}

/* The accuracy receipt of one day's totals against the target; returns
 * whether every line holds. */
static int
write_receipt(struct cz_jw *w, const struct cz_plan_target *t,
    const struct cz_nutrients *tot)
{
	double pp, fp, cp, dev;
	int all;

	cz_jw_object_k(w, CZ_JW_KEY("accuracy"));
	dev = (tot->v[CZ_N_ENERGY] / t->energy - 1.0) * 100.0;
	all = fabs(dev) <= CZ_PLAN_ENERGY_TOL_PCT + 1e-9;
	cz_jw_object_k(w, CZ_JW_KEY("energy"));
	cz_jw_number_k(w, CZ_JW_KEY("target_kcal"), t->energy, 0);
	cz_jw_number_k(w, CZ_JW_KEY("actual_kcal"), tot->v[CZ_N_ENERGY], 0);
	cz_jw_number_k(w, CZ_JW_KEY("deviation_pct"), dev, 2);
	cz_jw_bool_k(w, CZ_JW_KEY("ok"), all);
	cz_jw_end(w);
	cz_macro_shares(tot, &pp, &fp, &cp);
	all &= receipt_share(w, "protein", t->protein_share, pp);
	all &= receipt_share(w, "fat", t->fat_share, fp);
	all &= receipt_share(w, "carbs", t->carb_share, cp);
	if (t->fiber_min > 0)
		all &= receipt_limit(w, "fiber", "min_g", t->fiber_min,
		    "actual_g", tot->v[CZ_N_FIBER], 1, 1);
	all &= receipt_limit(w, "sodium", "max_mg", t->sodium_max,
	    "actual_mg", tot->v[CZ_N_SODIUM], 0, 0);
	if (t->net_carbs_max >= 0)
		all &= receipt_limit(w, "net_carbs", "max_g", t->net_carbs_max,
		    "actual_g", cz_net_carbs(tot->v[CZ_N_CARBS],
		    tot->v[CZ_N_FIBER]), 0, 1);
	cz_jw_bool_k(w, CZ_JW_KEY("all_ok"), all);
	cz_jw_end(w);
	return all;
}

/* The allergen names of mask, as an array. */
static void
write_allergens(struct cz_jw *w, const struct cz_jw_key *key,
    unsigned int mask)
{
	int k;

	cz_jw_array_k(w, key);
	for (k = 0; k < CZ_ALLERGEN__MAX; k++)
		if (mask & 1u << k)
			cz_jw_string(w, NULL, cz_allergen_name(k));
	cz_jw_end(w);
}

static void
write_item_object(struct cz_jw *w, const struct cz_cat_food *f, double grams)
{
	char measure[128];

	cz_jw_object(w, NULL);
	cz_cat_food_members(w, f);
	cz_jw_number_k(w, CZ_JW_KEY("grams"), grams, 0);
	if (cz_measure_describe(f->measures, f->nmeasures, grams, measure,
	    sizeof(measure)) == CZ_MEASURE_ERROR)
		strcat(cz_whole_text(measure, sizeof(measure) - 2, grams),
		    " g");
	cz_jw_string_k(w, CZ_JW_KEY("measure"), measure);
	if (f->allergens != 0)
		write_allergens(w, CZ_JW_KEY("allergens"), f->allergens);
	cz_jw_end(w);
}

/*
 * Food fi's item at grams and its recipe amount, written into scratch
 * and amount (CZ_RECIPE_AMOUNT_LEN bytes), then kept in the catalog's
 * memo. Returns 0 with *t filled (pointing into the memo when it kept
 * them, else into scratch and amount), or -1 when the item could not be
 * written (memory, the buffer's cap).
 */
static int
food_texts_make(const struct cz_catalog *cat, size_t fi, double grams,
    long long key, cz_buf *scratch, char *amount, struct cz_food_texts *t)
{
	const struct cz_cat_food *f = &cat->foods[fi];
	struct cz_jw iw;

	cz_jw_init(&iw, scratch);
	write_item_object(&iw, f, grams);
	if (cz_jw_finish(&iw) == -1)
		return -1;
	t->item = scratch->data;
	t->item_len = scratch->len;
	t->amount = cz_recipe_amount(f, grams, amount, CZ_RECIPE_AMOUNT_LEN)
	    == 0 ? amount : NULL;
	if (cz_food_memo_keep(cat->memo, key, t) == 0)
		(void)cz_food_memo_find(cat->memo, key, t);
	return 0;
}

/* A day's item, an object of its meal's items: from the catalog's memo
 * when it has it or can keep it, else written member by member (a tree
 * takes no text, cz_jw_value_text refuses it). */
static void
write_item(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan_item *it)
{
	struct cz_food_texts t;
	char amount[CZ_RECIPE_AMOUNT_LEN];
	cz_buf scratch;
	long long key = cz_food_memo_key(it->food, it->grams);
	int done = 0;

	if (cat->memo != NULL && key >= 0) {
		if (cz_food_memo_find(cat->memo, key, &t))
			done = cz_jw_value_text(w, t.item, t.item_len) == 0;
		else {
			cz_buf_init(&scratch, 64 * 1024);
			done = food_texts_make(cat, it->food, it->grams, key,
			    &scratch, amount, &t) == 0 &&
			    cz_jw_value_text(w, t.item, t.item_len) == 0;
			cz_buf_free(&scratch);
		}
	}
	if (!done)
		write_item_object(w, &cat->foods[it->food], it->grams);
}

/* The allergens of meal m of day. */
static unsigned int
meal_allergens(const struct cz_catalog *cat, const struct cz_plan_day *day,
    int m)
{
	unsigned int am = 0;
	size_t i;

	for (i = 0; i < day->nitems; i++)
		if (day->items[i].meal == m)
			am |= cat->foods[day->items[i].food].allergens;
	return am;
}

/* cz_recipe_amount of a day's item into out (CZ_RECIPE_AMOUNT_LEN
 * bytes), from the catalog's memo when it has it. */
static int
recipe_amount(const struct cz_catalog *cat, const struct cz_plan_item *it,
    char *out)
{
	struct cz_food_texts t;

	if (cz_food_memo_find(cat->memo, cz_food_memo_key(it->food,
	    it->grams), &t)) {
		if (t.amount == NULL)
			return -1;
		/* made in a buffer of this size: it fits */
		memcpy(out, t.amount, strlen(t.amount) + 1);
		return 0;
	}
	return cz_recipe_amount(&cat->foods[it->food], it->grams, out,
	    CZ_RECIPE_AMOUNT_LEN);
}

/* "recipe" of meal m of a day (lib/recipes.h): the dish's method with
 * this meal's amounts, its times and equipment; nothing when the dish has
 * no method (check_recipes fails for such a catalog). */
static void
write_recipe(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan_day *day, int m, const struct cz_cat_template *tm)
{
	char amounts[CZ_PLAN_MAX_ITEMS][CZ_RECIPE_AMOUNT_LEN];
	struct cz_recipe_item it[CZ_PLAN_MAX_ITEMS];
	char step[CZ_RECIPE_STEP_LEN], part[64];
	const struct cz_recipe *r;
	const char *e;
	size_t i, n = 0, k;
	int s;

	if ((r = cz_template_recipe(tm)) == NULL)
		return;
	for (i = 0; i < day->nitems && n < CZ_PLAN_MAX_ITEMS; i++) {
		if (day->items[i].meal != m)
			continue;
		if (recipe_amount(cat, &day->items[i], amounts[n]) == -1)
			return;
		it[n].ndb = cat->foods[day->items[i].food].ndb;
		it[n].amount = amounts[n];
		n++;
	}
	cz_jw_object_k(w, CZ_JW_KEY("recipe"));
	cz_jw_array_k(w, CZ_JW_KEY("steps"));
	for (s = 0; s < cz_recipe_nsteps(r); s++)
		if (cz_recipe_step(r->steps[s], it, n, step, sizeof(step)) == 0)
			cz_jw_string(w, NULL, step);
	cz_jw_end(w);
	cz_jw_int_k(w, CZ_JW_KEY("prep_min"), r->prep_min);
	cz_jw_int_k(w, CZ_JW_KEY("cook_min"), r->cook_min);
	cz_jw_array_k(w, CZ_JW_KEY("equipment"));
	for (e = r->equipment; e != NULL && *e != '\0'; ) {
		k = (size_t)(strchrnul(e, ',') - e);
		cz_text_copy(part, sizeof(part), e, k);
		cz_jw_string(w, NULL, part);
		e += k;
		while (*e == ',' || *e == ' ')
			e++;
	}
	cz_jw_end(w);
	cz_jw_end(w);
}

/* "batch_notes": the plan's shared cooks (lib/recipes.h), each with the
 * meals it serves (day and meal numbered from 1, as in the document). */
static int
write_batch_notes(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan *p, cz_arena *a)
{
	struct cz_recipe_note *notes;
	int n, i, k;

	if ((notes = cz_arena_calloc(a, CZ_RECIPE_MAX_NOTES,
	    sizeof(*notes))) == NULL)
		return -1;
	n = cz_recipe_batch(cat, p, notes, CZ_RECIPE_MAX_NOTES);
	cz_jw_array_k(w, CZ_JW_KEY("batch_notes"));
	for (i = 0; i < n; i++) {
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("text"), notes[i].text);
		cz_jw_array_k(w, CZ_JW_KEY("meals"));
		for (k = 0; k < notes[i].nmeals; k++) {
			cz_jw_object(w, NULL);
			cz_jw_int_k(w, CZ_JW_KEY("day"),
			    notes[i].meals[k].day + 1);
			cz_jw_int_k(w, CZ_JW_KEY("meal"),
			    notes[i].meals[k].meal + 1);
			cz_jw_end(w);
		}
		cz_jw_end(w);
		cz_jw_end(w);
	}
	cz_jw_end(w);
	return 0;
}

/*
 * "repeats": each dish the plan serves more than twice, with a sentence
 * saying why. The planner keeps every dish to twice a week where the slot
 * has other dishes that fit the request and the day's targets (issue 12,
 * docs/planner-rules.md); this says so when they do not.
 */
static int
write_repeats(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan *p, cz_arena *a)
{
	static const char *const plural[CZ_SLOT__MAX] = {
		"breakfasts", "lunches", "dinners", "snacks"
	};
	const struct cz_cat_template *tm;
	unsigned short *times;
	char text[320];
	size_t t;
	int d, m;

	if ((times = cz_arena_calloc(a, cat->ntemplates + 1,
	    sizeof(*times))) == NULL)
		return -1;
	for (d = 0; d < p->ndays; d++)
		for (m = 0; m < p->days[d].nmeals; m++)
			if (p->days[d].meals[m].tmpl < cat->ntemplates)
				times[p->days[d].meals[m].tmpl]++;
	cz_jw_array_k(w, CZ_JW_KEY("repeats"));
	for (t = 0; t < cat->ntemplates; t++) {
		if (times[t] <= 2)
			continue;
		tm = &cat->templates[t];
		snprintf(text, sizeof(text), "%s is served %d times this "
		    "week: there are too few other %s for this diet, these "
		    "restrictions and these targets to serve each dish at "
		    "most twice.", tm->name, times[t],
		    (int)tm->slot >= 0 && tm->slot < CZ_SLOT__MAX ?
		    plural[tm->slot] : "dishes");
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("slug"), tm->slug);
		cz_jw_string_k(w, CZ_JW_KEY("template"), tm->name);
		cz_jw_int_k(w, CZ_JW_KEY("times"), times[t]);
		cz_jw_string_k(w, CZ_JW_KEY("text"), text);
		cz_jw_end(w);
	}
	cz_jw_end(w);
	return 0;
}

/* Meal m of a day: its dish, items, totals and allergens. */
static void
write_meal(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan_day *day, int m)
{
	const struct cz_cat_template *tm = &cat->templates[day->meals[m].tmpl];
	const struct cz_cat_food *f;
	struct cz_nutrients tot, x;
	size_t i;

	cz_jw_object(w, NULL);
	cz_jw_string_k(w, CZ_JW_KEY("slot"),
	    cz_slot_name((int)day->meals[m].slot));
	cz_jw_string_k(w, CZ_JW_KEY("template"), tm->name);
	cz_jw_string_k(w, CZ_JW_KEY("slug"), tm->slug);
	/* Only when set, so that a plan without locks reads as before. */
	if (day->meals[m].locked)
		cz_jw_bool_k(w, CZ_JW_KEY("locked"), 1);
	cz_jw_array_k(w, CZ_JW_KEY("items"));
	cz_nutrients_zero(&tot);
	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m)
			continue;
		f = &cat->foods[day->items[i].food];
		write_item(w, cat, &day->items[i]);
		cz_nutrients_scale(&f->per100g, day->items[i].grams, &x);
		cz_nutrients_add(&tot, &x);
	}
	cz_jw_end(w);
	write_nutrients(w, CZ_JW_KEY("totals"), &tot);
	write_allergens(w, CZ_JW_KEY("allergens"), meal_allergens(cat, day, m));
	write_recipe(w, cat, day, m, tm);
	cz_jw_end(w);
}

/* Allergen warnings: for each allergen in the plan, the meals with it. */
static void
write_warnings(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan *p, unsigned int mask)
{
	const struct cz_plan_day *day;
	int k, d, m;

	cz_jw_array_k(w, CZ_JW_KEY("allergen_warnings"));
	for (k = 0; k < CZ_ALLERGEN__MAX; k++) {
		if (!(mask & 1u << k))
			continue;
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("allergen"), cz_allergen_name(k));
		cz_jw_array_k(w, CZ_JW_KEY("meals"));
		for (d = 0; d < p->ndays; d++) {
			day = &p->days[d];
			for (m = 0; m < day->nmeals; m++)
				if (meal_allergens(cat, day, m) & 1u << k)
					cz_jw_string(w, NULL, cat->templates[
					    day->meals[m].tmpl].name);
		}
		cz_jw_end(w);
		cz_jw_end(w);
	}
	cz_jw_end(w);
}

/* "shopping": the list one can shop from (lib/shop_list.h), by aisle. */
static int
write_shop_aisles(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan *p, cz_arena *a, size_t n)
{
	const struct cz_shop_line *l;
	struct cz_shop_aisle *aisles = NULL;
	struct cz_shop_use *in = NULL;
	const struct cz_cat_food *f;
	size_t naisles = 0, i, k, j;
	int d;

	if (n > 0 && (in = cz_arena_calloc(a, n, sizeof(*in))) == NULL)
		return -1;
	for (n = 0, d = 0; d < p->ndays; d++)
		for (i = 0; i < p->days[d].nitems; i++, n++) {
			f = &cat->foods[p->days[d].items[i].food];
			in[n].ndb = f->ndb;
			in[n].name = f->label;
			in[n].grams = p->days[d].items[i].grams;
			in[n].shop = f->shop;
			in[n].shop_known = f->shop_known;
			in[n].product = f->product;
		}
	if (cz_shop_list(a, in, n, &aisles, &naisles) == -1)
		return -1;
	cz_jw_array_k(w, CZ_JW_KEY("shopping"));
	for (i = 0; i < naisles; i++) {
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("aisle"), aisles[i].name);
		cz_jw_array_k(w, CZ_JW_KEY("items"));
		for (k = 0; k < aisles[i].nlines; k++) {
			l = &aisles[i].lines[k];
			cz_jw_object(w, NULL);
			cz_jw_string_k(w, CZ_JW_KEY("key"), l->key);
			cz_jw_string_k(w, CZ_JW_KEY("food"), l->name);
			cz_jw_string_k(w, CZ_JW_KEY("buy"), l->buy);
			cz_jw_int_k(w, CZ_JW_KEY("count"), l->count);
			cz_jw_string_k(w, CZ_JW_KEY("unit"), l->unit);
			if (l->pieces > 0)
				cz_jw_int_k(w, CZ_JW_KEY("pieces"), l->pieces);
			cz_jw_number_k(w, CZ_JW_KEY("buy_grams"), l->buy_g, 0);
			cz_jw_number_k(w, CZ_JW_KEY("use_grams"), l->use_g, 0);
			cz_jw_number_k(w, CZ_JW_KEY("eaten_grams"), l->eaten_g,
			    0);
			cz_jw_string_k(w, CZ_JW_KEY("you_will_use"), l->use);
			cz_jw_array_k(w, CZ_JW_KEY("ndbs"));
			for (j = 0; j < l->nndbs; j++)
				cz_jw_string(w, NULL, l->ndbs[j]);
			cz_jw_end(w);
			cz_jw_end(w);
		}
		cz_jw_end(w);
		cz_jw_end(w);
	}
	cz_jw_end(w);
	return 0;
}

static int
write_shopping(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan *p, cz_arena *a)
{
	struct cz_shop_input *in = NULL;
	struct cz_shop_group *groups = NULL;
	const struct cz_cat_food *f;
	size_t n = 0, ngroups = 0, i, k;
	int d;

	for (d = 0; d < p->ndays; d++)
		n += p->days[d].nitems;
	if (n > 0 && (in = cz_arena_calloc(a, n, sizeof(*in))) == NULL)
		return -1;
	for (n = 0, d = 0; d < p->ndays; d++)
		for (i = 0; i < p->days[d].nitems; i++, n++) {
			f = &cat->foods[p->days[d].items[i].food];
			in[n].ndb = f->ndb;
			in[n].name = f->label;
			in[n].group = f->group[0] != '\0' ? f->group : NULL;
			in[n].grams = p->days[d].items[i].grams;
			in[n].measures = f->measures;
			in[n].nmeasures = f->nmeasures;
		}
	if (n > 0 && cz_shopping_list(a, in, n, &groups, &ngroups) == -1)
		return -1;
	cz_jw_array_k(w, CZ_JW_KEY("shopping_list"));
	for (i = 0; i < ngroups; i++) {
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("group"), groups[i].name);
		cz_jw_array_k(w, CZ_JW_KEY("items"));
		for (k = 0; k < groups[i].nitems; k++) {
			cz_jw_object(w, NULL);
			cz_jw_string_k(w, CZ_JW_KEY("ndb"),
			    groups[i].items[k].ndb);
			cz_jw_string_k(w, CZ_JW_KEY("food"),
			    groups[i].items[k].name);
			cz_jw_number_k(w, CZ_JW_KEY("grams"),
			    groups[i].items[k].grams, 0);
			cz_jw_string_k(w, CZ_JW_KEY("quantity"),
			    groups[i].items[k].quantity);
			cz_jw_end(w);
		}
		cz_jw_end(w);
		cz_jw_end(w);
	}
	cz_jw_end(w);
	/* The food-group list above stays as it was (the renderer and API
	 * clients read it); the one to shop from comes beside it. */
	return write_shop_aisles(w, cat, p, a, n);
}

static void
write_units(struct cz_jw *w)
{
	const struct cz_nutrient_info *ni;
	int k;

	cz_jw_object_k(w, CZ_JW_KEY("units"));
	for (k = 0; k < CZ_NUTRIENTS; k++) {
		ni = cz_nutrient_info(k);
		cz_jw_string(w, ni->key, ni->unit);
	}
	cz_jw_string_k(w, CZ_JW_KEY("net_carbs"), "g");
	cz_jw_end(w);
}

/* The document of p into w, as text or as a tree; returns 0 or -1. */
static int
write_document(struct cz_jw *w, const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, cz_arena *a)
{
	const struct cz_plan_day *day;
	struct json_object *jreq;
	struct cz_nutrients week;
	unsigned int mask = 0;
	int d, m, all_ok = 1;

	if ((jreq = cz_plan_request_json(req)) == NULL)
		return -1;
	cz_jw_object(w, NULL);
	cz_jw_json(w, "request", jreq);
	json_object_put(jreq);
	write_target(w, &p->target);
	cz_jw_array_k(w, CZ_JW_KEY("days"));
	cz_nutrients_zero(&week);
	for (d = 0; d < p->ndays; d++) {
		day = &p->days[d];
		cz_jw_object(w, NULL);
		cz_jw_int_k(w, CZ_JW_KEY("day"), d + 1);
		cz_jw_array_k(w, CZ_JW_KEY("meals"));
		for (m = 0; m < day->nmeals; m++) {
			write_meal(w, cat, day, m);
			mask |= meal_allergens(cat, day, m);
		}
		cz_jw_end(w);
		write_nutrients(w, CZ_JW_KEY("totals"), &day->totals);
		all_ok &= write_receipt(w, &p->target, &day->totals);
		cz_jw_end(w);
		cz_nutrients_add(&week, &day->totals);
	}
	cz_jw_end(w);
	if (p->ndays > 0)
		cz_nutrients_divide(&week, p->ndays);
	write_nutrients(w, CZ_JW_KEY("daily_average"), &week);
	write_intakes(w, req, p, &week);
	cz_jw_bool_k(w, CZ_JW_KEY("all_targets_met"), all_ok);
	write_units(w);
	write_allergens(w, CZ_JW_KEY("allergens"), mask);
	write_warnings(w, cat, p, mask);
	cz_jw_string_k(w, CZ_JW_KEY("allergen_note"), CZ_ALLERGEN_NOTE);
	if (write_batch_notes(w, cat, p, a) == -1)
		return -1;
	if (write_repeats(w, cat, p, a) == -1)
		return -1;
	if (write_shopping(w, cat, p, a) == -1)
		return -1;
	cz_jw_object_k(w, CZ_JW_KEY("disclaimers"));
	cz_jw_string_k(w, CZ_JW_KEY("medical"), CZ_DISCLAIMER_MEDICAL);
	cz_jw_string_k(w, CZ_JW_KEY("fda"), CZ_DISCLAIMER_FDA);
	if (req->profile == CZ_PROFILE_PREGNANCY)
		cz_jw_string_k(w, CZ_JW_KEY("pregnancy"),
		    CZ_DISCLAIMER_PREGNANCY);
	cz_jw_end(w);
	cz_jw_end(w);
	return cz_jw_finish(w);
}

int
cz_plan_document_write(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, cz_arena *a,
    cz_buf *out)
{
	struct cz_jw w;

	cz_jw_init(&w, out);
	return write_document(&w, cat, req, p, a);
}

struct json_object *
cz_plan_document_tree(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, cz_arena *a)
{
	struct cz_jw w;

	cz_jw_init_tree(&w, a);
	if (write_document(&w, cat, req, p, a) == -1) {
		cz_jw_take_tree(&w);	/* releases what was built */
		return NULL;
	}
	return cz_jw_take_tree(&w);
}

/* The reference intakes the plan reaches, per day and on average, and the
 * advice lines (lib/intakes.h). */
static void
write_intakes(struct cz_jw *w, const struct cz_plan_request *req,
    const struct cz_plan *p, const struct cz_nutrients *week)
{
	const struct cz_nutrient_info *info;
	const struct cz_intake_ref *refs;
	struct cz_advice advice[CZ_ADVICE_MAX];
	const char *source;
	size_t i, n;
	int d;

	refs = cz_intake_refs(req->profile, &source);
	cz_jw_object_k(w, CZ_JW_KEY("reference_intakes"));
	cz_jw_string_k(w, CZ_JW_KEY("source"), source);
	cz_jw_array_k(w, CZ_JW_KEY("nutrients"));
	for (i = 0; i < CZ_INTAKES; i++) {
		info = cz_nutrient_info((int)refs[i].nutrient);
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("key"), info->key);
		cz_jw_string_k(w, CZ_JW_KEY("label"), info->label);
		cz_jw_string_k(w, CZ_JW_KEY("unit"), info->unit);
		cz_jw_number_k(w, CZ_JW_KEY("reference"), refs[i].amount, 1);
		cz_jw_number_k(w, CZ_JW_KEY("daily_average_pct"),
		    cz_intake_pct(&refs[i], week->v[refs[i].nutrient]), 0);
		cz_jw_array_k(w, CZ_JW_KEY("days_pct"));
		for (d = 0; d < p->ndays; d++)
			cz_jw_number(w, NULL, cz_intake_pct(&refs[i],
			    p->days[d].totals.v[refs[i].nutrient]), 0);
		cz_jw_end(w);
		cz_jw_end(w);
	}
	cz_jw_end(w);
	cz_jw_end(w);
	n = cz_plan_advice(req, week, advice);
	cz_jw_array_k(w, CZ_JW_KEY("advice"));
	for (i = 0; i < n; i++) {
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("code"), advice[i].code);
		cz_jw_string_k(w, CZ_JW_KEY("text"), advice[i].text);
		cz_jw_end(w);
	}
	cz_jw_end(w);
}

int
cz_plan_document_decimals(int n)
{
	/* By unit, read once: a document asks some 1,500 times. */
	static signed char decimals[CZ_NUTRIENTS];
	static int known;
	const struct cz_nutrient_info *ni;
	int k;

	if (n < 0 || n >= CZ_NUTRIENTS)
		return 1;
	if (!known) {
		for (k = 0; k < CZ_NUTRIENTS; k++) {
			ni = cz_nutrient_info(k);
			decimals[k] = strcmp(ni->unit, "kcal") == 0 ||
			    strcmp(ni->unit, "IU") == 0 ? 0 : 1;
		}
		known = 1;
	}
	return decimals[n];
}

struct json_object *
cz_plan_document(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, cz_arena *a)
{
	struct json_object *doc = NULL;
	cz_buf b;

	cz_buf_init(&b, 0);
	if (cz_plan_document_write(cat, req, p, a, &b) == 0)
		doc = json_tokener_parse(b.data);
	cz_buf_free(&b);
	return doc;
}

static long
template_by_slug(const struct cz_catalog *cat, const char *slug)
{
	size_t i;

	/* The first byte first: a stored plan's 35 dishes each against some
	 * 300 templates were 80 % of reading it back by strcmp alone. */
	for (i = 0; slug != NULL && i < cat->ntemplates; i++)
		if (cat->templates[i].slug[0] == slug[0] &&
		    strcmp(cat->templates[i].slug, slug) == 0)
			return (long)i;
	return -1;
}

/*
 * A plan's grams are whole steps of the food, and a step that is not a
 * whole gram (a dried fig, 8.4 g; an olive, 4.4 g) is restored, so that
 * two figs read back are 16.8 g, not 17 g or "17 g of figs" in a method.
 */
double
cz_plan_doc_grams(const struct cz_cat_food *f, double g)
{
	double q;

	if (!(f->step_g > 0))
		return g;
	q = round(g / f->step_g) * f->step_g;
	return q > 0 && fabs(q - g) <= 0.5 ? q : g;
}

int
cz_plan_from_doc(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan_doc *doc,
    struct cz_plan *p, char *err, size_t errlen)
{
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	const struct cz_plan_doc_meal *dm;
	const struct cz_plan_doc_item *it;
	struct cz_plan_day *day;
	size_t k;
	long ti, fi;
	int nslots, d, m;

	memset(p, 0, sizeof(*p));
	nslots = cz_plan_slots(req, slots);
	if (doc->ndays != req->days) {
		snprintf(err, errlen, "the stored plan has not %d days",
		    req->days);
		return -1;
	}
	cz_plan_target(req, &p->target);
	for (d = 0; d < req->days; d++) {
		day = &p->days[d];
		if (doc->days[d].nmeals != nslots) {
			snprintf(err, errlen, "day %d of the stored plan has "
			    "not %d meals", d + 1, nslots);
			return -1;
		}
		day->nmeals = nslots;
		for (m = 0; m < nslots; m++) {
			dm = &doc->days[d].meals[m];
			if ((ti = template_by_slug(cat, dm->slug)) == -1 ||
			    cat->templates[ti].slot != slots[m].kind) {
				snprintf(err, errlen, "day %d meal %d: the "
				    "catalog no longer has its dish", d + 1,
				    m + 1);
				return -1;
			}
			day->meals[m].slot = slots[m].slot;
			day->meals[m].tmpl = (size_t)ti;
			day->meals[m].locked = dm->locked;
			if (dm->nitems == 0) {
				snprintf(err, errlen, "day %d meal %d has no "
				    "items", d + 1, m + 1);
				return -1;
			}
			for (k = 0; k < dm->nitems; k++) {
				it = &dm->items[k];
				if (day->nitems == CZ_PLAN_MAX_ITEMS ||
				    (fi = cz_catalog_food(cat, it->ndb)) ==
				    -1) {
					snprintf(err, errlen, "day %d meal %d: "
					    "an ingredient is unknown or "
					    "malformed", d + 1, m + 1);
					return -1;
				}
				day->items[day->nitems].food = (size_t)fi;
				day->items[day->nitems].meal = m;
				day->items[day->nitems].grams =
				    cz_plan_doc_grams(&cat->foods[fi],
				    it->grams);
				day->nitems++;
			}
		}
		cz_plan_day_totals(cat, day);
	}
	p->ndays = req->days;
	p->feasible = 1;
	return 0;
}

int
cz_plan_from_document(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct json_object *doc,
    struct cz_plan *p, char *err, size_t errlen)
{
	struct cz_plan_doc *pd;
	cz_arena *a;
	char msg[256];
	int rc = -1;

	memset(p, 0, sizeof(*p));
	if ((a = cz_arena_new(PLAN_READ_ARENA)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (cz_plan_doc_read(a, doc, &pd, msg, sizeof(msg)) == -1) {
		snprintf(err, errlen, "the stored plan does not read: %s", msg);
		goto err;
	}
	rc = cz_plan_from_doc(cat, req, pd, p, err, errlen);
err:
	cz_arena_free(a);
	return rc;
}
