/*
 * check_recipes.c - unit tests of the dishes' methods (lib/recipes.c,
 * lib/recipes_data.c): every dish of the catalog in sql/ has one of 3 to 8
 * steps whose placeholders are its own items and name all of them, with a
 * cook time where something must be cooked; the checker refuses each kind
 * of broken method; amounts read as the cook handles them; steps render
 * without a brace left; and shared cooks of a plan are found.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recipes.h"

#define MAX_DISHES	1000
#define MAX_ROWS	8000

struct dish {
	char	 slug[65];
	char	 ndbs[CZ_PLAN_MAX_ITEMS][6];
	size_t	 n;
};

static struct dish dishes[MAX_DISHES];
static size_t ndishes;

static struct dish *
dish(const char *slug)
{
	size_t i;

	for (i = 0; i < ndishes; i++)
		if (strcmp(dishes[i].slug, slug) == 0)
			return &dishes[i];
	ck_assert_uint_lt(ndishes, MAX_DISHES);
	snprintf(dishes[ndishes].slug, sizeof(dishes[ndishes].slug), "%s",
	    slug);
	return &dishes[ndishes++];
}

/* Adds the rows "('slug', 'NNNNN', ..." of the SQL file at path (the
 * template items of sql/004 and any later migration) to dishes. */
static void
read_items(const char *path)
{
	char line[4096], slug[65], *p;
	struct dish *d;
	size_t k;
	FILE *fp;

	ck_assert_msg((fp = fopen(path, "r")) != NULL, "%s", path);
	while (fgets(line, sizeof(line), fp) != NULL) {
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (p[0] != '(' || p[1] != '\'')
			continue;
		for (k = 0; k < sizeof(slug) - 1 && (p[2 + k] == '_' ||
		    (p[2 + k] >= 'a' && p[2 + k] <= 'z') ||
		    (p[2 + k] >= '0' && p[2 + k] <= '9')); k++)
			slug[k] = p[2 + k];
		slug[k] = '\0';
		p += 2 + k;
		/* A template item: "', 'NNNNN', " after a slug. */
		if (k == 0 || strncmp(p, "', '", 4) != 0 ||
		    strspn(p + 4, "0123456789") != 5 || p[9] != '\'')
			continue;
		d = dish(slug);
		ck_assert_uint_lt(d->n, CZ_PLAN_MAX_ITEMS);
		memcpy(d->ndbs[d->n], p + 4, 5);
		d->ndbs[d->n++][5] = '\0';
	}
	fclose(fp);
}

static void
load_dishes(void)
{
	const char *dir = getenv("CZ_SQL_DIR");
	struct dirent *e;
	char path[1024];
	DIR *d;

	if (ndishes > 0)
		return;
	ck_assert_msg(dir != NULL, "CZ_SQL_DIR is not set");
	ck_assert_msg((d = opendir(dir)) != NULL, "%s", dir);
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) < 5 || strcmp(e->d_name +
		    strlen(e->d_name) - 4, ".sql") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		read_items(path);
	}
	closedir(d);
}

/* A catalog food with only what recipes.c reads. */
static struct cz_cat_food
food(const char *ndb, const char *label, double step_g)
{
	struct cz_cat_food f;

	memset(&f, 0, sizeof(f));
	snprintf(f.ndb, sizeof(f.ndb), "%s", ndb);
	f.label = (char *)(uintptr_t)label;
	f.step_g = step_g;
	return f;
}

START_TEST(every_dish_has_a_method)
{
	const char *ndbs[CZ_PLAN_MAX_ITEMS];
	int cook[CZ_PLAN_MAX_ITEMS];
	const struct cz_recipe *r, *all;
	struct cz_cat_food f;
	char err[256];
	size_t i, k, n, bad = 0;

	load_dishes();
	/* sql/004 alone has 236 dishes: a reader that finds none fails. */
	ck_assert_uint_ge(ndishes, 200);
	for (i = 0; i < ndishes; i++) {
		if ((r = cz_recipe_find(dishes[i].slug)) == NULL) {
			fprintf(stderr, "dish %s has no method "
			    "(lib/recipes_data.c)\n", dishes[i].slug);
			bad++;
			continue;
		}
		for (k = 0; k < dishes[i].n; k++) {
			ndbs[k] = dishes[i].ndbs[k];
			f = food(ndbs[k], "x", 1);
			cook[k] = cz_recipe_needs_cooking(&f);
		}
		if (cz_recipe_check(r, ndbs, cook, dishes[i].n, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "%s\n", err);
			bad++;
		}
	}
	ck_assert_msg(bad == 0, "%zu dishes lack a sound method", bad);
	/* No method for a dish the catalog does not have, none twice. */
	n = cz_recipes(&all);
	ck_assert_uint_eq(n, ndishes);
	for (i = 0; i < n; i++)
		ck_assert_ptr_eq(cz_recipe_find(all[i].slug), &all[i]);
}
END_TEST

/* A loaded catalog links each template's recipe; one built by hand (NULL)
 * is looked up by slug, and a linked one is used as linked. */
START_TEST(templates_find_their_recipe)
{
	const struct cz_recipe *all;
	struct cz_cat_template t;
	char slug[64], none[] = "no-such-dish";
	size_t n;

	n = cz_recipes(&all);
	ck_assert_uint_gt(n, 1);
	memset(&t, 0, sizeof(t));
	snprintf(slug, sizeof(slug), "%s", all[1].slug);
	t.slug = slug;
	ck_assert_ptr_eq(cz_template_recipe(&t), &all[1]);
	t.recipe = &all[0];
	ck_assert_ptr_eq(cz_template_recipe(&t), &all[0]);
	t.recipe = NULL;
	t.slug = none;
	ck_assert_ptr_null(cz_template_recipe(&t));
}
END_TEST

START_TEST(broken_methods_are_refused)
{
	static const char *const ndbs[] = { "20037", "05064", "11091" };
	static const int cook[] = { 1, 1, 0 };
	static const struct cz_recipe good = { "t", 10, 30, "saucepan", {
	    "Simmer {20037} in water for 30 min.",
	    "Roast {05064} to 74 °C.", "Steam {11091} for 5 min.", NULL } };
	static const struct {
		struct cz_recipe	 r;
		const char		*want;
	} cases[] = {
		{ { "two", 10, 30, NULL, { "Simmer {20037}, {05064}.",
		    "Steam {11091} for 5 min.", NULL } }, "fewer than" },
		{ { "foreign", 10, 30, NULL, { "Simmer {20037} for 30 min.",
		    "Roast {05064} and {09040}.", "Steam {11091} for 5 min.",
		    NULL } }, "not an item" },
		{ { "missing", 10, 30, NULL, { "Simmer {20037} for 30 min.",
		    "Roast the chicken to 74 °C.", "Steam {11091} for 5 min.",
		    NULL } }, "no step names item 05064" },
		{ { "brace", 10, 30, NULL, { "Simmer {20037} for 30 min.",
		    "Roast {05064} to 74 °C.", "Steam {broccoli} for 5 min.",
		    NULL } }, "brace" },
		{ { "uncooked", 10, 0, NULL, { "Simmer {20037} for 30 min.",
		    "Roast {05064} to 74 °C.", "Steam {11091} for 5 min.",
		    NULL } }, "must be cooked" },
		{ { "no-prep", 0, 30, NULL, { "Simmer {20037} for 30 min.",
		    "Roast {05064} to 74 °C.", "Steam {11091} for 5 min.",
		    NULL } }, "not sane" },
	};
	char err[256];
	size_t i;

	ck_assert_int_eq(cz_recipe_check(&good, ndbs, cook, 3, err,
	    sizeof(err)), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err[0] = '\0';
		ck_assert_msg(cz_recipe_check(&cases[i].r, ndbs, cook, 3, err,
		    sizeof(err)) == -1, "%s passed", cases[i].r.slug);
		ck_assert_msg(strstr(err, cases[i].want) != NULL,
		    "%s: %s", cases[i].r.slug, err);
	}
}
END_TEST

START_TEST(amounts_are_what_the_cook_handles)
{
	static const struct {
		const char	*ndb, *label;
		double		 step, grams;
		const char	*want;
	} cases[] = {
		{ "20037", "brown rice, cooked", 10, 200,
		    "60 g dry brown rice (about 200 g cooked)" },
		{ "05064", "chicken breast, roasted", 10, 200,
		    "290 g raw chicken breast (about 200 g cooked)" },
		{ "16070", "lentils, boiled", 10, 150,
		    "50 g dry lentils (about 150 g cooked)" },
		{ "15165", "mussels, steamed", 10, 100,
		    "400 g mussels in the shell (about 100 g cooked meat)" },
		{ "01129", "egg, cooked", 50, 100, "2 eggs" },
		{ "01129", "egg, cooked", 50, 50, "1 egg" },
		{ "18075", "whole-wheat bread", 28, 56,
		    "2 slices of whole-wheat bread" },
		{ "09037", "avocado", 10, 150, "150 g avocado" },
		{ "04053", "olive oil", 1, 14, "1 tbsp (14 g) olive oil" },
		{ "04053", "olive oil", 1, 9, "2 tsp (9 g) olive oil" },
		{ "11091", "broccoli, steamed", 10, 150, "150 g broccoli" },
		{ "19806", "popcorn, air-popped", 5, 20,
		    "20 g popcorn kernels (about 20 g popped)" },
		{ "16057", "chickpeas, boiled", 10, 120,
		    "120 g cooked chickpeas (drained if canned)" },
	};
	struct cz_cat_food f;
	char out[CZ_RECIPE_AMOUNT_LEN];
	size_t i;

	/* as built by hand (looked up at each use), then as the catalog
	 * loads it (cz_recipe_food_prepare) */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		f = food(cases[i].ndb, cases[i].label, cases[i].step);
		ck_assert_int_eq(cz_recipe_amount(&f, cases[i].grams, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, cases[i].want);
		cz_recipe_food_prepare(&f);
		ck_assert_int_eq(f.recipe_ready, 1);
		memset(out, 'x', sizeof(out));
		ck_assert_int_eq(cz_recipe_amount(&f, cases[i].grams, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, cases[i].want);
	}
	f = food("20037", "brown rice, cooked", 10);
	ck_assert_int_eq(cz_recipe_amount(&f, 200, out, 10), -1);
}
END_TEST

START_TEST(every_step_renders)
{
	struct cz_recipe_item items[CZ_PLAN_MAX_ITEMS];
	char out[CZ_RECIPE_STEP_LEN];
	const struct cz_recipe *r;
	struct dish *d;
	size_t i, k;
	int s;

	load_dishes();
	for (i = 0; i < ndishes; i++) {
		d = &dishes[i];
		if ((r = cz_recipe_find(d->slug)) == NULL)
			continue;	/* every_dish_has_a_method says so */
		for (k = 0; k < d->n; k++) {
			items[k].ndb = d->ndbs[k];
			items[k].amount = "123 g dry food (about 456 g cooked)";
		}
		for (s = 0; s < cz_recipe_nsteps(r); s++) {
			ck_assert_int_eq(cz_recipe_step(r->steps[s], items,
			    d->n, out, sizeof(out)), 0);
			ck_assert_msg(strpbrk(out, "{}") == NULL, "%s: %s",
			    d->slug, out);
			ck_assert_msg(out[0] >= 'A' && out[0] <= 'Z',
			    "%s step %d starts in lower case", d->slug, s + 1);
			ck_assert_msg(out[strlen(out) - 1] == '.', "%s step "
			    "%d does not end a sentence", d->slug, s + 1);
		}
	}
	/* A placeholder that names no item is an error, not a hole. */
	items[0].ndb = "20037";
	items[0].amount = "60 g dry brown rice";
	ck_assert_int_eq(cz_recipe_step("Cook {20037}.", items, 1, out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "Cook 60 g dry brown rice.");
	ck_assert_int_eq(cz_recipe_step("Cook {05064}.", items, 1, out,
	    sizeof(out)), -1);
	ck_assert_int_eq(cz_recipe_step("Cook {20037}.", items, 1, out, 12),
	    -1);
	/* A brace that opens no placeholder stays; an output too small
	 * holds the longest start of the text that fits, whole amounts. */
	{
		static const char step[] = "Rinse {2003} {x}; cook {20037} "
		    "{20037}, {20037";
		static const char want[] = "Rinse {2003} {x}; cook 60 g dry "
		    "brown rice 60 g dry brown rice, {20037";
		char small[sizeof(want)];
		size_t size, got;

		ck_assert_int_eq(cz_recipe_step(step, items, 1, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, want);
		for (size = 1; size <= sizeof(want); size++) {
			ck_assert_int_eq(cz_recipe_step(step, items, 1, small,
			    size), size == sizeof(want) ? 0 : -1);
			got = strlen(small);
			ck_assert_uint_lt(got, size);
			ck_assert_int_eq(strncmp(small, want, got), 0);
			/* cut only inside an amount, else at the end */
			if (size < sizeof(want) && got < size - 1)
				ck_assert_int_eq(strncmp(want + got, "60 g", 4),
				    0);
		}
	}
}
END_TEST

/* A catalog of two rice dishes and a salad, with the plan's items. */
static struct cz_cat_food cfoods[3];
static struct cz_cat_template ctemplates[3];
static struct cz_catalog ccat;
static struct cz_plan cplan;

static void
small_catalog(void)
{
	static const char *const slugs[] = { "chicken_rice_bowl",
	    "tofu_broccoli_rice", "tuna_avocado_salad" };
	static const char *const tnames[] = { "Chicken rice bowl",
	    "Tofu rice stir-fry", "Tuna salad" };
	int i;

	cfoods[0] = food("20037", "brown rice, cooked", 10);
	cfoods[1] = food("05064", "chicken breast, roasted", 10);
	cfoods[2] = food("15184", "tuna in water, drained", 10);
	for (i = 0; i < 3; i++) {
		memset(&ctemplates[i], 0, sizeof(ctemplates[i]));
		ctemplates[i].slug = (char *)(uintptr_t)slugs[i];
		ctemplates[i].name = (char *)(uintptr_t)tnames[i];
		ctemplates[i].slot = i == 2 ? CZ_SLOT_LUNCH : CZ_SLOT_DINNER;
	}
	ccat.foods = cfoods;
	ccat.nfoods = 3;
	ccat.templates = ctemplates;
	ccat.ntemplates = 3;
	memset(&cplan, 0, sizeof(cplan));
	cplan.ndays = 7;
}

/* Meal m of day d is template t with food f of grams g. */
static void
put(int d, int m, size_t t, size_t f, double g)
{
	struct cz_plan_day *day = &cplan.days[d];

	day->meals[m].tmpl = t;
	day->meals[m].slot = ctemplates[t].slot;
	if (m + 1 > day->nmeals)
		day->nmeals = m + 1;
	day->items[day->nitems].food = f;
	day->items[day->nitems].meal = m;
	day->items[day->nitems].grams = g;
	day->nitems++;
}

START_TEST(shared_cooks_are_found)
{
	struct cz_recipe_note notes[CZ_RECIPE_MAX_NOTES];
	int n, d;

	/* Rice at lunch and dinner of day 1: one cook of both. */
	small_catalog();
	for (d = 0; d < 7; d++)
		put(d, 0, 2, 2, 100);
	put(0, 1, 0, 0, 200);
	put(1, 1, 1, 0, 150);
	n = cz_recipe_batch(&ccat, &cplan, notes, CZ_RECIPE_MAX_NOTES);
	ck_assert_int_eq(n, 1);
	ck_assert_msg(strstr(notes[0].text, "Day 1: cook 110 g dry brown "
	    "rice (about 350 g cooked) once for Chicken rice bowl (day 1, "
	    "dinner) and Tofu rice stir-fry (day 2, dinner)") != NULL, "%s",
	    notes[0].text);
	ck_assert_int_eq(notes[0].nmeals, 2);
	ck_assert_int_eq(notes[0].meals[1].day, 1);
	ck_assert_int_eq(notes[0].meals[1].meal, 1);

	/* Three days apart: no shared cook. A no-cook dish every day (the
	 * salad): no note either. */
	small_catalog();
	for (d = 0; d < 7; d++)
		put(d, 0, 2, 2, 100);
	put(0, 1, 0, 0, 200);
	put(3, 1, 1, 0, 150);
	ck_assert_int_eq(cz_recipe_batch(&ccat, &cplan, notes,
	    CZ_RECIPE_MAX_NOTES), 0);

	/* The same cooked dish on days 2 and 3: cook both portions. */
	small_catalog();
	for (d = 0; d < 7; d++)
		put(d, 0, 2, 2, 100);
	put(1, 1, 0, 1, 200);
	put(2, 1, 0, 1, 200);
	n = cz_recipe_batch(&ccat, &cplan, notes, CZ_RECIPE_MAX_NOTES);
	ck_assert_int_eq(n, 1);
	ck_assert_msg(strstr(notes[0].text, "Days 2 and 3 both have Chicken "
	    "rice bowl: cook both portions on day 2") != NULL, "%s",
	    notes[0].text);
}
END_TEST

static Suite *
recipes_suite(void)
{
	Suite *s = suite_create("recipes");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, every_dish_has_a_method);
	tcase_add_test(tc, templates_find_their_recipe);
	tcase_add_test(tc, broken_methods_are_refused);
	tcase_add_test(tc, amounts_are_what_the_cook_handles);
	tcase_add_test(tc, every_step_renders);
	tcase_add_test(tc, shared_cooks_are_found);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(recipes_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
