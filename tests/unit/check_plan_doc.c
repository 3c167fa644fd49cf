/*
 * check_plan_doc.c - unit tests of lib/plan_doc.c: medical-condition
 * detection, request reading with per-field errors and its canonical
 * form, meal names, and a plan document built from a small catalog made
 * here (accuracy receipt, allergen warnings, shopping list, disclaimers)
 * and read back into the same plan.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "food_memo.h"
#include "plan_doc.h"

static struct json_object *
parse(const char *s)
{
	struct json_object *o = json_tokener_parse(s);

	ck_assert_ptr_nonnull(o);
	return o;
}

/* The message of field f in errors, or NULL. */
static const char *
msg(struct json_object *errors, const char *f)
{
	struct json_object *v;

	if (errors == NULL || !json_object_object_get_ex(errors, f, &v))
		return NULL;
	return json_object_get_string(v);
}

START_TEST(medical_terms_are_found)
{
	static const struct {
		const char	*json;
		const char	*want;	/* NULL: none */
	} cases[] = {
		{ "{\"calories\": 2000, \"profile\": \"diabetes\"}", "diabetes" },
		{ "{\"profile\": \"Type-2 Diabetic\"}", "diabetes" },
		{ "{\"restrictions\": [\"gluten_free\", \"High blood-pressure\"]}",
		    "hypertension" },
		{ "{\"diet_type\": \"renal\"}", "kidney disease" },
		{ "{\"medical_condition\": \"something\"}", "a medical condition" },
		{ "{\"conditions\": [\"CKD stage 3\"]}", "kidney disease" },
		{ "{\"heart_disease\": true}", "heart disease" },
		{ "{\"calories\": 2000, \"diet_type\": \"keto\", \"restrictions\": "
		    "[\"nut_free\"], \"profile\": \"pregnancy\"}", NULL },
		{ "{\"excluded_foods\": [\"09040\"]}", NULL },
		{ "[]", NULL },
	};
	struct json_object *o;
	const char *got;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		o = parse(cases[i].json);
		got = cz_plan_medical_term(o);
		if (cases[i].want == NULL)
			ck_assert_msg(got == NULL, "%s: found %s", cases[i].json,
			    got);
		else
			ck_assert_msg(got != NULL && strcmp(got,
			    cases[i].want) == 0, "%s: want %s, got %s",
			    cases[i].json, cases[i].want, got ? got : "none");
		json_object_put(o);
	}
	ck_assert_ptr_null(cz_plan_medical_term(NULL));
}
END_TEST

START_TEST(request_reads_every_field)
{
	struct cz_plan_request req;
	struct json_object *o, *errors;
	int given;

	o = parse("{\"calories\": 2100, \"diet_type\": \"paleo\", "
	    "\"meal_pattern\": \"5_small_meals\", \"restrictions\": "
	    "[\"egg_free\", \"sesame_free\", \"egg_free\"], \"excluded_foods\": "
	    "[\"09040\", \"01123\", \"09040\"], \"profile\": \"older_adult\", "
	    "\"days\": 4, \"seed\": 9007199254740991}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), 0);
	ck_assert_ptr_null(errors);
	ck_assert_int_eq(req.calories, 2100);
	ck_assert_int_eq(req.diet, CZ_DIET_PALEO);
	ck_assert_int_eq(req.pattern, CZ_PATTERN_5_SMALL_MEALS);
	ck_assert_uint_eq(req.restrictions, 1u << CZ_ALLERGEN_EGG |
	    1u << CZ_ALLERGEN_SESAME);
	ck_assert_uint_eq(req.nexcluded, 2);	/* duplicates once */
	ck_assert_str_eq(req.excluded[0], "09040");
	ck_assert_str_eq(req.excluded[1], "01123");
	ck_assert_int_eq(req.profile, CZ_PROFILE_OLDER_ADULT);
	ck_assert_int_eq(req.days, 4);
	ck_assert_int_eq(given, 1);
	ck_assert_uint_eq(req.seed, 9007199254740991ULL);
	json_object_put(o);

	/* Defaults, and null counts as absent. */
	o = parse("{\"calories\": 800, \"profile\": null, \"seed\": null}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), 0);
	ck_assert_int_eq(req.diet, CZ_DIET_STANDARD);
	ck_assert_int_eq(req.pattern, CZ_PATTERN_3_MEALS);
	ck_assert_int_eq(req.profile, CZ_PROFILE_NONE);
	ck_assert_int_eq(req.days, 7);
	ck_assert_int_eq(given, 0);
	json_object_put(o);
	o = parse("{\"calories\": 5000, \"profile\": \"none\"}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), 0);
	ck_assert_int_eq(req.profile, CZ_PROFILE_NONE);
	json_object_put(o);
}
END_TEST

START_TEST(request_errors_name_each_field)
{
	struct cz_plan_request req;
	struct json_object *o, *errors;
	int given;

	o = parse("{\"calories\": 799, \"diet_type\": \"carnivore\", "
	    "\"meal_pattern\": 3, \"restrictions\": \"nut_free\", "
	    "\"excluded_foods\": [\"9040\"], \"profile\": \"astronaut\", "
	    "\"days\": 8, \"seed\": -1, \"colour\": \"red\"}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), -1);
	ck_assert_str_eq(msg(errors, "calories"),
	    "must be between 800 and 5000");
	ck_assert_str_eq(msg(errors, "diet_type"), "must be one of: standard, "
	    "vegetarian, vegan, keto, paleo, mediterranean");
	ck_assert_ptr_nonnull(msg(errors, "meal_pattern"));
	ck_assert_ptr_nonnull(strstr(msg(errors, "restrictions"), "list"));
	ck_assert_ptr_nonnull(strstr(msg(errors, "excluded_foods"), "5-digit"));
	ck_assert_ptr_nonnull(strstr(msg(errors, "profile"), "athlete"));
	ck_assert_str_eq(msg(errors, "days"), "must be between 1 and 7");
	ck_assert_ptr_nonnull(msg(errors, "seed"));
	ck_assert_str_eq(msg(errors, "colour"), "is not a known field");
	json_object_put(errors);
	json_object_put(o);

	o = parse("{\"calories\": 2000.5}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), -1);
	ck_assert_str_eq(msg(errors, "calories"), "must be an integer");
	json_object_put(errors);
	json_object_put(o);

	o = parse("{}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), -1);
	ck_assert_ptr_nonnull(strstr(msg(errors, "calories"), "is required"));
	json_object_put(errors);
	json_object_put(o);

	o = parse("[1]");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), -1);
	ck_assert_str_eq(msg(errors, "body"), "must be a JSON object");
	json_object_put(errors);
	json_object_put(o);
}
END_TEST

START_TEST(canonical_request_reads_back_the_same)
{
	struct cz_plan_request req, again;
	struct json_object *o, *canon, *errors;
	int given;

	o = parse("{\"calories\": 1500, \"diet_type\": \"vegan\", "
	    "\"restrictions\": [\"soy_free\"], \"excluded_foods\": "
	    "[\"11090\"], \"profile\": \"pregnancy\", \"days\": 2, "
	    "\"seed\": 77}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), 0);
	canon = cz_plan_request_json(&req);
	ck_assert_int_eq(cz_plan_request_read(canon, &again, &given,
	    &errors), 0);
	ck_assert_mem_eq(&req, &again, sizeof(req));
	ck_assert_str_eq(json_object_to_json_string_ext(canon,
	    JSON_C_TO_STRING_PLAIN), "{\"calories\":1500,\"diet_type\":\"vegan\","
	    "\"meal_pattern\":\"3_meals\",\"restrictions\":[\"soy_free\"],"
	    "\"excluded_foods\":[\"11090\"],\"profile\":\"pregnancy\","
	    "\"days\":2,\"seed\":77}");
	json_object_put(canon);
	json_object_put(o);
}
END_TEST

/* cz_plan_meal_index for a 2000 kcal day of pattern p. */
static int
meal_index(enum cz_pattern p, const char *s)
{
	struct cz_plan_request req;

	memset(&req, 0, sizeof(req));
	req.calories = 2000;
	req.pattern = p;
	return cz_plan_meal_index(&req, s);
}

START_TEST(meals_are_named_by_slot_or_number)
{
	struct cz_plan_request big;

	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS, "breakfast"), 0);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS, "dinner"), 2);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS, "snack"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS, "3"), 2);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS, "4"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS, "0"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS_2_SNACKS,
	    "snack"), 1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS_2_SNACKS,
	    "snack-2"), 3);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS_2_SNACKS,
	    "snack_2"), 3);
	ck_assert_int_eq(meal_index(CZ_PATTERN_3_MEALS_2_SNACKS,
	    "snack-3"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_OMAD, "dinner-2"), 1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_OMAD, "lunch"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_2_MEALS, "lunch-0"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_2_MEALS, "lunch-12"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_2_MEALS, "-"), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_2_MEALS, ""), -1);
	ck_assert_int_eq(meal_index(CZ_PATTERN_2_MEALS, NULL), -1);

	/* 4000 kcal in two meals: each has a side dish, "lunch-2". */
	memset(&big, 0, sizeof(big));
	big.calories = 4000;
	big.pattern = CZ_PATTERN_2_MEALS;
	ck_assert_int_eq(cz_plan_meal_index(&big, "lunch"), 0);
	ck_assert_int_eq(cz_plan_meal_index(&big, "lunch-2"), 1);
	ck_assert_int_eq(cz_plan_meal_index(&big, "dinner"), 2);
	ck_assert_int_eq(cz_plan_meal_index(&big, "dinner-2"), 3);
	ck_assert_int_eq(cz_plan_meal_index(&big, "4"), 3);
	ck_assert_int_eq(cz_plan_meal_index(&big, "5"), -1);
}
END_TEST

/* ------------------------------------------------------------------------
 * a document from a small catalog
 */

static struct cz_measure egg_measures[] = { CZ_MEASURE_INIT(1, "large", 50) };

/* Oats (gluten), egg (egg), spinach: per 100 g amounts. */
static void
food(struct cz_cat_food *f, const char *ndb, const char *label,
    const char *group, double kcal, double p, double fat, double c,
    double fiber, double na, unsigned int allergens)
{
	int k;

	memset(f, 0, sizeof(*f));
	snprintf(f->ndb, sizeof(f->ndb), "%s", ndb);
	f->name = (char *)(uintptr_t)label;
	f->label = (char *)(uintptr_t)label;
	snprintf(f->group, sizeof(f->group), "%s", group);
	for (k = 0; k < CZ_NUTRIENTS; k++)
		f->per100g.v[k] = NAN;
	f->per100g.v[CZ_N_ENERGY] = kcal;
	f->per100g.v[CZ_N_PROTEIN] = p;
	f->per100g.v[CZ_N_FAT] = fat;
	f->per100g.v[CZ_N_CARBS] = c;
	f->per100g.v[CZ_N_FIBER] = fiber;
	f->per100g.v[CZ_N_SODIUM] = na;
	f->allergens = allergens;
	f->diets = (1u << CZ_DIET__MAX) - 1;
	f->min_g = 5;
	f->max_g = 500;
	f->step_g = 5;
}

/* A day of three meals from three foods and dishes (egg, oats,
 * spinach), its totals as the planner leaves them, into cat, req and p. */
static void
small_plan(struct cz_cat_food *foods, struct cz_cat_template *tm,
    struct cz_cat_item *items, struct cz_catalog *cat,
    struct cz_plan_request *req, struct cz_plan *p)
{
	struct cz_nutrients x;
	size_t i;
	int m;

	memset(cat, 0, sizeof(*cat));
	food(&foods[0], "01123", "egg", "01", 143, 12.6, 9.5, 0.7, 0, 142,
	    1u << CZ_ALLERGEN_EGG);
	foods[0].measures = egg_measures;
	foods[0].nmeasures = 1;
	food(&foods[1], "08120", "oats", "20", 379, 13.2, 6.5, 67.7, 10.1, 6,
	    1u << CZ_ALLERGEN_GLUTEN);
	food(&foods[2], "11457", "spinach", "11", 23, 2.9, 0.4, 3.6, 2.2, 79, 0);
	memset(tm, 0, 3 * sizeof(*tm));
	for (m = 0; m < 3; m++) {
		items[m].food = (size_t)m;
		tm[m].id = m + 1;
		tm[m].slot = (enum cz_slot)m;	/* breakfast, lunch, dinner */
		tm[m].items = &items[m];
		tm[m].nitems = 1;
	}
	tm[0].slug = (char *)(uintptr_t)"eggs";
	tm[0].name = (char *)(uintptr_t)"Eggs";
	tm[1].slug = (char *)(uintptr_t)"porridge";
	tm[1].name = (char *)(uintptr_t)"Porridge";
	tm[2].slug = (char *)(uintptr_t)"greens";
	tm[2].name = (char *)(uintptr_t)"Greens";
	cat->foods = foods;
	cat->nfoods = 3;
	cat->templates = tm;
	cat->ntemplates = 3;

	memset(req, 0, sizeof(*req));
	req->calories = 1000;
	req->diet = CZ_DIET_STANDARD;
	req->pattern = CZ_PATTERN_3_MEALS;
	req->profile = CZ_PROFILE_PREGNANCY;
	req->days = 1;
	req->seed = 5;
	cz_plan_target(req, &p->target);
	p->ndays = 1;
	p->feasible = 1;
	p->days[0].nmeals = 3;
	p->days[0].nitems = 3;
	for (m = 0; m < 3; m++) {
		p->days[0].meals[m].slot = (enum cz_slot)m;
		p->days[0].meals[m].tmpl = (size_t)m;
		p->days[0].items[m].food = (size_t)m;
		p->days[0].items[m].meal = m;
	}
	/* 100 g egg + 150 g oats + 300 g spinach = 143 + 568.5 + 69 kcal. */
	p->days[0].items[0].grams = 100;
	p->days[0].items[1].grams = 150;
	p->days[0].items[2].grams = 300;
	cz_nutrients_zero(&p->days[0].totals);
	for (i = 0; i < 3; i++) {
		cz_nutrients_scale(&foods[i].per100g, p->days[0].items[i].grams,
		    &x);
		cz_nutrients_add(&p->days[0].totals, &x);
	}
}

/* The foods' members prepared as text (as the catalog's loader does):
 * the same document byte for byte, for names that need escapes too; and
 * the same tree, whose writer takes them one by one. */
START_TEST(prepared_food_members_write_the_same)
{
	struct cz_cat_food foods[3];
	struct cz_cat_template tm[3];
	struct cz_cat_item items[3];
	struct cz_catalog cat;
	struct cz_plan_request req;
	struct json_object *t1, *t2;
	struct cz_plan *p;
	cz_buf plain, prepared;
	cz_arena *a;
	size_t i;

	p = calloc(1, sizeof(*p));
	ck_assert_ptr_nonnull(p);
	small_plan(foods, tm, items, &cat, &req, p);
	foods[1].name = (char *)(uintptr_t)"Oats, \"rolled\" \\ dry\t\x01 \xc2\xbd";
	foods[2].label = (char *)(uintptr_t)"spinach \"baby\"";
	a = cz_arena_new(4096);
	ck_assert_ptr_nonnull(a);
	cz_buf_init(&plain, 0);
	cz_buf_init(&prepared, 0);
	ck_assert_int_eq(cz_plan_document_write(&cat, &req, p, a, &plain), 0);
	t1 = cz_plan_document_tree(&cat, &req, p, a);
	ck_assert_ptr_nonnull(t1);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(cz_cat_food_members_prepare(&foods[i]), 0);
		ck_assert_ptr_nonnull(foods[i].members);
	}
	ck_assert_int_eq(cz_plan_document_write(&cat, &req, p, a, &prepared),
	    0);
	ck_assert_str_eq(prepared.data, plain.data);
	ck_assert_ptr_nonnull(strstr(plain.data, "\"food\":\"Oats, \\\"rolled"
	    "\\\" \\\\ dry\\u0009\\u0001 \xc2\xbd\""));
	t2 = cz_plan_document_tree(&cat, &req, p, a);
	ck_assert_ptr_nonnull(t2);
	ck_assert(json_object_equal(t1, t2));
	json_object_put(t1);
	json_object_put(t2);
	for (i = 0; i < 3; i++)
		free(foods[i].members);
	cz_buf_free(&plain);
	cz_buf_free(&prepared);
	cz_arena_free(a);
	free(p);
}
END_TEST

/* A catalog's memo of items (food_memo.h): the document it writes is the
 * one written member by member, the first time (the memo filling) and the
 * next (from the memo); an item of grams not whole is not kept. */
START_TEST(kept_items_write_the_same)
{
	struct cz_cat_food foods[3];
	struct cz_cat_template tm[3];
	struct cz_cat_item items[3];
	struct cz_catalog cat;
	struct cz_plan_request req;
	struct cz_food_texts t;
	struct cz_plan *p;
	cz_buf plain, first, next;
	cz_arena *a;

	p = calloc(1, sizeof(*p));
	ck_assert_ptr_nonnull(p);
	small_plan(foods, tm, items, &cat, &req, p);
	p->days[0].items[2].grams = 300.5;
	a = cz_arena_new(4096);
	ck_assert_ptr_nonnull(a);
	cz_buf_init(&plain, 0);
	cz_buf_init(&first, 0);
	cz_buf_init(&next, 0);
	ck_assert_int_eq(cz_plan_document_write(&cat, &req, p, a, &plain), 0);
	cat.memo = cz_food_memo_new();
	ck_assert_ptr_nonnull(cat.memo);
	ck_assert_int_eq(cz_plan_document_write(&cat, &req, p, a, &first), 0);
	ck_assert_str_eq(first.data, plain.data);
	ck_assert(cz_food_memo_find(cat.memo, cz_food_memo_key(0, 100), &t));
	ck_assert_ptr_nonnull(strstr(plain.data, "\"measure\""));
	ck_assert_int_eq(cz_food_memo_key(2, 300.5), -1);
	ck_assert(!cz_food_memo_find(cat.memo, cz_food_memo_key(2, 300), &t));
	ck_assert_int_eq(cz_plan_document_write(&cat, &req, p, a, &next), 0);
	ck_assert_str_eq(next.data, plain.data);
	cz_food_memo_free(cat.memo);
	cz_buf_free(&plain);
	cz_buf_free(&first);
	cz_buf_free(&next);
	cz_arena_free(a);
	free(p);
}
END_TEST

START_TEST(document_reports_and_reads_back)
{
	struct cz_cat_food foods[3];
	struct cz_cat_template tm[3];
	struct cz_cat_item items[3];
	struct cz_catalog cat;
	struct cz_plan_request req;
	struct cz_plan *p, *back;
	struct json_object *doc, *d0, *acc, *v, *w, *shop;
	char err[256];
	cz_arena *a;
	int m;

	p = calloc(1, sizeof(*p));
	back = calloc(1, sizeof(*back));
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(back);
	small_plan(foods, tm, items, &cat, &req, p);
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, NULL, back, err,
	    sizeof(err)), -1);	/* no document */

	a = cz_arena_new(4096);
	ck_assert_ptr_nonnull(a);
	doc = cz_plan_document(&cat, &req, p, a);
	ck_assert_ptr_nonnull(doc);
	d0 = json_object_array_get_idx(json_object_object_get(doc, "days"), 0);
	acc = json_object_object_get(d0, "accuracy");
	v = json_object_object_get(json_object_object_get(acc, "energy"),
	    "actual_kcal");
	ck_assert_int_eq(json_object_get_int(v), 781);	/* 780.5, half up */
	v = json_object_object_get(json_object_object_get(acc, "energy"),
	    "deviation_pct");
	ck_assert_str_eq(json_object_get_string(v), "-21.95");
	ck_assert(!json_object_get_boolean(json_object_object_get(json_object_object_get(
	    acc, "energy"), "ok")));
	ck_assert(!json_object_get_boolean(json_object_object_get(acc,
	    "all_ok")));
	ck_assert(!json_object_get_boolean(json_object_object_get(doc,
	    "all_targets_met")));
	/* The egg is 2 large; the first meal's allergens are [egg]. */
	v = json_object_array_get_idx(json_object_object_get(
	    json_object_array_get_idx(json_object_object_get(d0, "meals"), 0),
	    "items"), 0);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(v,
	    "measure")), "2 large");
	w = json_object_object_get(doc, "allergen_warnings");
	ck_assert_int_eq((int)json_object_array_length(w), 2);	/* gluten, egg */
	ck_assert_str_eq(json_object_get_string(json_object_object_get(
	    json_object_array_get_idx(w, 0), "allergen")), "gluten");
	shop = json_object_object_get(doc, "shopping_list");
	ck_assert_int_eq((int)json_object_array_length(shop), 3);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(
	    json_object_array_get_idx(shop, 0), "group")), "Vegetables");
	ck_assert_ptr_nonnull(json_object_object_get(json_object_object_get(
	    doc, "disclaimers"), "pregnancy"));
	ck_assert_ptr_nonnull(strstr(json_object_get_string(
	    json_object_object_get(json_object_object_get(doc, "disclaimers"),
	    "medical")), "NOT intended to provide medical advice"));

	/* Read back: the same templates, foods and grams. */
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, doc, back, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(back->ndays, 1);
	ck_assert_uint_eq(back->days[0].nitems, 3);
	for (m = 0; m < 3; m++) {
		ck_assert_uint_eq(back->days[0].meals[m].tmpl, (size_t)m);
		ck_assert_uint_eq(back->days[0].items[m].food, (size_t)m);
		ck_assert_double_eq_tol(back->days[0].items[m].grams,
		    p->days[0].items[m].grams, 1e-9);
	}
	ck_assert_double_eq_tol(back->days[0].totals.v[CZ_N_ENERGY], 780.5,
	    1e-9);

	/* Another request shape, or a catalog without the dish: refused. */
	req.days = 2;
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	req.days = 1;
	req.pattern = CZ_PATTERN_2_MEALS;
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	req.pattern = CZ_PATTERN_3_MEALS;
	tm[1].slug = (char *)(uintptr_t)"renamed";
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "catalog"));

	json_object_put(doc);
	cz_arena_free(a);
	free(p);
	free(back);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("plan_doc");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, medical_terms_are_found);
	tcase_add_test(tc, request_reads_every_field);
	tcase_add_test(tc, request_errors_name_each_field);
	tcase_add_test(tc, canonical_request_reads_back_the_same);
	tcase_add_test(tc, meals_are_named_by_slot_or_number);
	tcase_add_test(tc, document_reports_and_reads_back);
	tcase_add_test(tc, prepared_food_members_write_the_same);
	tcase_add_test(tc, kept_items_write_the_same);
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
