/*
 * check_plan_stored.c - unit tests of lib/plan_stored.c: a plan's stored
 * form expands to the very document of the plan it reads back as (grams
 * rounded as the document prints them, a food's step restored, locks
 * kept), documents stored before the form are told apart, and a stored
 * form that is wrong in any part is refused with a message. A catalog
 * of four foods and three dishes is built in memory.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "plan_doc.h"
#include "plan_stored.h"

#define NFOODS	4

static struct cz_cat_food foods[NFOODS];
static struct cz_cat_template tm[3];
static struct cz_cat_item items[3];
static struct cz_catalog cat;
static struct cz_plan_request req;

static void
food(int i, const char *ndb, double kcal, double p, double fat, double c,
    double step)
{
	struct cz_cat_food *f = &foods[i];
	int k;

	memset(f, 0, sizeof(*f));
	snprintf(f->ndb, sizeof(f->ndb), "%s", ndb);
	f->name = f->label = (char *)(uintptr_t)ndb;
	snprintf(f->group, sizeof(f->group), "%s", "09");
	for (k = 0; k < CZ_NUTRIENTS; k++)
		f->per100g.v[k] = 0.1 * (k + 1);
	f->per100g.v[CZ_N_ENERGY] = kcal;
	f->per100g.v[CZ_N_PROTEIN] = p;
	f->per100g.v[CZ_N_FAT] = fat;
	f->per100g.v[CZ_N_CARBS] = c;
	f->diets = (1u << CZ_DIET__MAX) - 1;
	f->min_g = 5;
	f->max_g = 500;
	f->step_g = step;
}

static void
setup(void)
{
	static const char *slug[3] = { "eggs", "porridge", "figs-and-rice" };
	int m;

	food(0, "01123", 143, 12.6, 9.5, 0.7, 5);
	food(1, "08120", 379, 13.2, 6.5, 67.7, 5);
	food(2, "09094", 249, 3.3, 0.9, 63.9, 8.4);	/* a dried fig */
	food(3, "20045", 130, 2.7, 0.3, 28.2, 5);
	memset(tm, 0, sizeof(tm));
	for (m = 0; m < 3; m++) {
		items[m].food = (size_t)m;
		tm[m].id = m + 1;
		tm[m].slot = (enum cz_slot)m;	/* breakfast, lunch, dinner */
		tm[m].items = &items[m];
		tm[m].nitems = 1;
		tm[m].slug = (char *)(uintptr_t)slug[m];
		tm[m].name = (char *)(uintptr_t)slug[m];
	}
	memset(&cat, 0, sizeof(cat));
	cat.foods = foods;
	cat.nfoods = NFOODS;
	cat.templates = tm;
	cat.ntemplates = 3;
	memset(&req, 0, sizeof(req));
	req.calories = 1200;
	req.diet = CZ_DIET_STANDARD;
	req.pattern = CZ_PATTERN_3_MEALS;
	req.days = 2;
	req.seed = 77;
}

/* Two days of three dishes; day 2's dinner locked; grams as a solver
 * leaves them (not whole), and two figs (16.8 g). */
static struct cz_plan *
plan_new(void)
{
	static const double grams[2][4] = {
		{ 100.4, 150.0, 16.8, 180.2 },
		{ 120.0, 90.6, 25.2, 200.0 },
	};
	struct cz_plan *p = calloc(1, sizeof(*p));
	struct cz_plan_day *day;
	int d, m, i;

	ck_assert_ptr_nonnull(p);
	cz_plan_target(&req, &p->target);
	p->ndays = 2;
	p->feasible = 1;
	for (d = 0; d < 2; d++) {
		day = &p->days[d];
		day->nmeals = 3;
		for (m = 0; m < 3; m++) {
			day->meals[m].slot = (enum cz_slot)m;
			day->meals[m].tmpl = (size_t)m;
		}
		/* the dinner's rice listed before the lunch's oats: the
		 * stored form lists a day's ingredients dish by dish */
		for (i = 0; i < 4; i++) {
			day->items[i].food = (size_t)(i == 1 ? 3 : i == 3 ?
			    1 : i);
			day->items[i].meal = i == 0 ? 0 : i == 3 ? 1 : 2;
			day->items[i].grams = grams[d][i];
		}
		day->nitems = 4;
	}
	p->days[1].meals[2].locked = 1;
	return p;
}

START_TEST(stored_form_expands_to_the_same_document)
{
	struct cz_plan *p = plan_new();
	cz_buf doc, stored, back;
	char err[256];
	cz_arena *a = cz_arena_new(4096);
	size_t i;

	ck_assert_ptr_nonnull(a);
	cz_buf_init(&doc, 1 << 22);
	cz_buf_init(&stored, CZ_PLAN_STORED_MAX_BYTES);
	cz_buf_init(&back, 1 << 22);
	ck_assert_int_eq(cz_plan_stored_canon(&cat, &req, p, a, err,
	    sizeof(err)), 0);
	/* whole grams, but the figs' step restored: 16.8 g stays 16.8 */
	for (i = 0; i < p->days[0].nitems; i++)
		if (p->days[0].items[i].food == 2)
			ck_assert_double_eq_tol(p->days[0].items[i].grams, 16.8,
			    1e-9);
		else
			ck_assert_double_eq(p->days[0].items[i].grams,
			    round(p->days[0].items[i].grams));
	/* dish by dish: breakfast, lunch (the oats), dinner */
	ck_assert_uint_eq(p->days[0].items[1].food, 1);
	ck_assert_int_eq(p->days[0].items[1].meal, 1);
	ck_assert_int_eq(p->days[1].meals[2].locked, 1);

	ck_assert_int_eq(cz_plan_document_write(&cat, &req, p, a, &doc), 0);
	ck_assert_int_eq(cz_plan_stored_write(&cat, &req, p, &stored), 0);
	ck_assert(cz_plan_stored_is(stored.data, stored.len));
	ck_assert(!cz_plan_stored_is(doc.data, doc.len));
	ck_assert_msg(stored.len * 4 < doc.len, "stored %zu bytes for a "
	    "document of %zu", stored.len, doc.len);
	ck_assert_ptr_nonnull(strstr(stored.data, "[\"figs-and-rice\",1,"));
	ck_assert_int_eq(cz_plan_stored_expand(&cat, a, stored.data,
	    stored.len, &back, err, sizeof(err)), 0);
	ck_assert_uint_eq(back.len, doc.len);
	ck_assert(memcmp(back.data, doc.data, doc.len) == 0);

	cz_buf_free(&doc);
	cz_buf_free(&stored);
	cz_buf_free(&back);
	cz_arena_free(a);
	free(p);
}
END_TEST

START_TEST(canonical_form_is_a_fixed_point)
{
	struct cz_plan *p = plan_new(), *q;
	char err[256];
	cz_arena *a = cz_arena_new(4096);

	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq(cz_plan_stored_canon(&cat, &req, p, a, err,
	    sizeof(err)), 0);
	q = malloc(sizeof(*q));
	ck_assert_ptr_nonnull(q);
	*q = *p;
	ck_assert_int_eq(cz_plan_stored_canon(&cat, &req, q, a, err,
	    sizeof(err)), 0);
	ck_assert(memcmp(&p->days, &q->days, sizeof(p->days)) == 0);
	/* day totals summed from the stored grams */
	ck_assert_double_eq_tol(p->days[0].totals.v[CZ_N_ENERGY],
	    100 * 1.43 + 180 * 3.79 + 150 * 1.30 + 16.8 * 2.49, 1e-9);
	cz_arena_free(a);
	free(p);
	free(q);
}
END_TEST

/* Reads text; returns 0 or -1, the message in err. */
static int
read_text(const char *text, char *err, size_t errlen)
{
	struct cz_plan_request r;
	struct cz_plan *p = malloc(sizeof(*p));
	cz_arena *a = cz_arena_new(4096);
	int rc;

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(a);
	err[0] = '\0';
	rc = cz_plan_stored_read(&cat, a, text, strlen(text), &r, p, err,
	    errlen);
	cz_arena_free(a);
	free(p);
	return rc;
}

#define REQ "\"request\":{\"calories\":1200,\"diet_type\":\"standard\"," \
	"\"meal_pattern\":\"3_meals\",\"days\":1,\"seed\":7}"
#define DAY "[[\"eggs\",0,1123,100],[\"porridge\",0,8120,150]," \
	"[\"figs-and-rice\",0,9094,17,20045,180]]"

START_TEST(wrong_stored_forms_are_refused)
{
	static const struct {
		const char	*text;
		const char	*says;
	} bad[] = {
		{ "{\"stored\":1,", "JSON" },
		{ "{\"stored\":2," REQ ",\"days\":[" DAY "]}", "stored" },
		{ "{\"stored\":1,\"days\":[" DAY "]}", "request" },
		{ "{\"stored\":1,\"request\":{\"calories\":1},\"days\":[" DAY
		    "]}", "request.calories" },
		{ "{\"stored\":1," REQ "}", "days" },
		{ "{\"stored\":1," REQ ",\"days\":[]}", "days" },
		{ "{\"stored\":1," REQ ",\"days\":[" DAY "," DAY "]}",
		    "days" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0,1123,100]]]}",
		    "meals" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0,1123],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "slug, locked" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",2,1123,100],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "locked" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0,100000,100],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "NDB" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0,1123,-1],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "grams" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0,1123,\"1\"],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "grams" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"gone\",0,1123,100],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "catalog" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0,1124,100],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "ingredient" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"porridge\",0,1123,100],"
		    "[\"eggs\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "catalog" },
		{ "{\"stored\":1," REQ ",\"days\":[[[\"\",0,1123,100],"
		    "[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,17]]]}",
		    "slug" },
	};
	char err[256], *big;
	size_t i, n;

	ck_assert_int_eq(read_text("{\"stored\":1," REQ ",\"days\":[" DAY
	    "]}", err, sizeof(err)), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(read_text(bad[i].text, err, sizeof(err)) == -1,
		    "accepted %s", bad[i].text);
		ck_assert_msg(strstr(err, bad[i].says) != NULL,
		    "%s: said \"%s\", not %s", bad[i].text, err, bad[i].says);
	}
	/* more ingredients in a day than a plan may have */
	n = 64 + 12 * (CZ_PLAN_MAX_ITEMS + 1);
	big = malloc(n + 256);
	ck_assert_ptr_nonnull(big);
	strcpy(big, "{\"stored\":1," REQ ",\"days\":[[[\"eggs\",0");
	for (i = 0; i <= CZ_PLAN_MAX_ITEMS; i++)
		strcat(big, ",1123,100");
	strcat(big, "],[\"porridge\",0,8120,150],[\"figs-and-rice\",0,9094,"
	    "17]]]}");
	ck_assert_int_eq(read_text(big, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "ingredients"));
	free(big);
	/* beyond the size bound, unread */
	big = malloc(CZ_PLAN_STORED_MAX_BYTES + 2);
	ck_assert_ptr_nonnull(big);
	memset(big, ' ', CZ_PLAN_STORED_MAX_BYTES + 1);
	big[CZ_PLAN_STORED_MAX_BYTES + 1] = '\0';
	ck_assert_int_eq(read_text(big, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "larger"));
	free(big);
	ck_assert(!cz_plan_stored_is("{\"request\":{}}", 14));
	ck_assert(!cz_plan_stored_is("{\"stored\"", 9));
	ck_assert(!cz_plan_stored_is(NULL, 0));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("plan_stored");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, stored_form_expands_to_the_same_document);
	tcase_add_test(tc, canonical_form_is_a_fixed_point);
	tcase_add_test(tc, wrong_stored_forms_are_refused);
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
