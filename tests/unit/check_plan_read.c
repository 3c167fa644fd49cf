/*
 * check_plan_read.c - unit tests of lib/plan_read.c, the plan document's
 * reader: documents the writer (plan_doc.c) makes of 7-day plans over a
 * small catalog read back field by field, from text and from json-c, and
 * rebuild the same plan (cz_plan_from_doc); the renderer's fixture, an
 * older and smaller document, reads with its optional parts absent and
 * their derived values filled; malformed, out-of-range and oversized
 * documents are refused with a message naming the key.
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
#include "buf.h"
#include "plan_doc.h"
#include "plan_read.h"

/* ------------------------------------------------------------------------
 * a catalog and a plan
 */

enum { EGG, OATS, SPINACH, SALMON, NFOODS };
enum { BREAKFAST, LUNCH, DINNER, NTEMPLATES };

static struct cz_measure egg_measures[] = { CZ_MEASURE_INIT(1, "large", 50) };
static struct cz_cat_food foods[NFOODS];
static struct cz_cat_item titems[NTEMPLATES];
static struct cz_cat_template templates[NTEMPLATES];
static struct cz_catalog cat;

/* A food whose every nutrient differs, so that a member read into the
 * wrong place shows. */
static void
food(struct cz_cat_food *f, const char *ndb, const char *name,
    const char *label, const char *group, double kcal, double p, double fat,
    double c, double fiber, double na, double scale, unsigned int allergens)
{
	int k;

	memset(f, 0, sizeof(*f));
	snprintf(f->ndb, sizeof(f->ndb), "%s", ndb);
	f->name = (char *)(uintptr_t)name;
	f->label = (char *)(uintptr_t)label;
	snprintf(f->group, sizeof(f->group), "%s", group);
	for (k = 0; k < CZ_NUTRIENTS; k++)
		f->per100g.v[k] = scale * (k + 1);
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

static void
tmpl(int t, const char *slug, const char *name, enum cz_slot slot, int fd)
{
	titems[t].food = (size_t)fd;
	templates[t].id = t + 1;
	templates[t].slug = (char *)(uintptr_t)slug;
	templates[t].name = (char *)(uintptr_t)name;
	templates[t].slot = slot;
	templates[t].items = &titems[t];
	templates[t].nitems = 1;
}

static void
catalog_setup(void)
{
	food(&foods[EGG], "01123", "Egg, whole, raw, fresh", "egg", "01", 143,
	    12.6, 9.5, 0.7, 0, 142, 0.31, 1u << CZ_ALLERGEN_EGG);
	foods[EGG].measures = egg_measures;
	foods[EGG].nmeasures = 1;
	food(&foods[OATS], "08120", "Cereals, oats, regular and quick, not "
	    "fortified, dry", "oats", "20", 379, 13.2, 6.5, 67.7, 10.1, 6, 0.53,
	    1u << CZ_ALLERGEN_GLUTEN);
	food(&foods[SPINACH], "11457", "Spinach, raw", "spinach", "11", 23, 2.9,
	    0.4, 3.6, 2.2, 79, 0.17, 0);
	food(&foods[SALMON], "15236", "Fish, salmon, Atlantic, farmed, raw",
	    "salmon", "15", 208, 20.4, 13.4, 0, 0, 59, 0.71,
	    1u << CZ_ALLERGEN_FISH);
	foods[SALMON].per100g.v[CZ_N_VITAMIN_K] = NAN;	/* no data */
	memset(templates, 0, sizeof(templates));
	tmpl(BREAKFAST, "eggs_oats", "Eggs with oat porridge", CZ_SLOT_BREAKFAST,
	    EGG);
	tmpl(LUNCH, "green_soup", "Green soup with oat bread", CZ_SLOT_LUNCH,
	    SPINACH);
	tmpl(DINNER, "salmon_spinach", "Salmon on spinach", CZ_SLOT_DINNER,
	    SALMON);
	cat.foods = foods;
	cat.nfoods = NFOODS;
	cat.templates = templates;
	cat.ntemplates = NTEMPLATES;
}

static void
add_item(struct cz_plan_day *day, int fd, int meal, double grams)
{
	struct cz_plan_item *it = &day->items[day->nitems++];

	it->food = (size_t)fd;
	it->meal = meal;
	it->grams = grams;
}

/* A 7-day plan of req (3 meals a day) with grams varying by day, its
 * totals as the planner leaves them; not solved, which the writer does
 * not need. */
static struct cz_plan *
plan_make(const struct cz_plan_request *req)
{
	struct cz_plan *p = calloc(1, sizeof(*p));
	struct cz_plan_day *day;
	struct cz_nutrients x;
	size_t i;
	int d, m;

	ck_assert_ptr_nonnull(p);
	cz_plan_target(req, &p->target);
	p->ndays = req->days;
	p->feasible = 1;
	for (d = 0; d < p->ndays; d++) {
		day = &p->days[d];
		day->nmeals = 3;
		for (m = 0; m < 3; m++) {
			day->meals[m].slot = (enum cz_slot)m;
			day->meals[m].tmpl = (size_t)m;
		}
		add_item(day, EGG, 0, d % 2 == 0 ? 100 : 150);
		add_item(day, OATS, 0, 50 + 5 * d);
		add_item(day, SPINACH, 1, 200 + 10 * d);
		add_item(day, OATS, 1, 30);
		add_item(day, SALMON, 2, 150 + 5 * d);
		add_item(day, SPINACH, 2, 100);
		cz_nutrients_zero(&day->totals);
		for (i = 0; i < day->nitems; i++) {
			cz_nutrients_scale(&foods[day->items[i].food].per100g,
			    day->items[i].grams, &x);
			cz_nutrients_add(&day->totals, &x);
		}
	}
	return p;
}

static void
request_init(struct cz_plan_request *req, int kcal, enum cz_diet diet,
    enum cz_profile profile)
{
	memset(req, 0, sizeof(*req));
	req->calories = kcal;
	req->diet = diet;
	req->pattern = CZ_PATTERN_3_MEALS;
	req->restrictions = 1u << CZ_ALLERGEN_PEANUT;
	memcpy(req->excluded[req->nexcluded++], "09040", 6);
	req->profile = profile;
	req->days = 7;
	req->seed = 4242;
}

/* The document of p as text into b. */
static void
write_doc(const struct cz_plan_request *req, const struct cz_plan *p,
    cz_buf *b)
{
	cz_arena *scratch = cz_arena_new(4096);

	ck_assert_ptr_nonnull(scratch);
	cz_buf_init(b, 0);
	ck_assert_int_eq(cz_plan_document_write(&cat, req, p, scratch, b), 0);
	cz_arena_free(scratch);
}

/* ------------------------------------------------------------------------
 * round trip
 */

/* |got - want| within the rounding of d decimals. */
static void
near(double got, double want, int d, const char *what)
{
	double tol = 0.5 * pow(10, -d) + 1e-9;

	ck_assert_msg(fabs(got - want) <= tol, "%s: read %.6f, written from "
	    "%.6f", what, got, want);
}

/* t holds the amounts of n as the document gives them. */
static void
totals_match(const struct cz_plan_doc_totals *t, const struct cz_nutrients *n,
    const char *what)
{
	double pp, fp, cp;
	char name[96];
	int k;

	ck_assert_int_eq(t->present, 1);
	for (k = 0; k < CZ_NUTRIENTS; k++) {
		snprintf(name, sizeof(name), "%s %s", what,
		    cz_nutrient_info(k)->key);
		near(cz_plan_doc_amount(t, k), n->v[k],
		    cz_plan_document_decimals(k), name);
	}
	near(t->energy_kcal, n->v[CZ_N_ENERGY], 0, what);
	near(t->protein_g, n->v[CZ_N_PROTEIN], 1, what);
	near(t->sodium_mg, n->v[CZ_N_SODIUM], 1, what);
	near(t->vitamin_a_iu, n->v[CZ_N_VITAMIN_A], 0, what);
	near(t->net_carbs_g, cz_net_carbs(n->v[CZ_N_CARBS],
	    n->v[CZ_N_FIBER]), 1, what);
	cz_macro_shares(n, &pp, &fp, &cp);
	near(t->protein_pct, pp, 1, what);
	near(t->fat_pct, fp, 1, what);
	near(t->carbs_pct, cp, 1, what);
}

/* A receipt line with a deviation, against the writer's inputs. */
static void
check_line(const struct cz_plan_doc_check *c, double target, double actual,
    int dt, int da, double tol)
{
	ck_assert_int_eq(c->present, 1);
	near(c->target, target, dt, "receipt target");
	near(c->actual, actual, da, "receipt actual");
	/* ok as the deviation says, away from the rounding at the edge. */
	if (!isnan(c->deviation) && fabs(fabs(c->deviation) - tol) > 0.01)
		ck_assert_int_eq(c->ok, fabs(c->deviation) <= tol);
}

static void
round_trip(const struct cz_plan_request *req)
{
	struct cz_plan *p = plan_make(req), *back;
	struct cz_plan_doc *doc, *doc2;
	const struct cz_plan_doc_meal *dm;
	const struct cz_plan_doc_item *it;
	const struct cz_plan_doc_day *dd;
	struct cz_nutrients mt, x, avg;
	struct json_object *j;
	double grams[NFOODS], pp, fp, cp, shopped;
	char err[256];
	cz_arena *a;
	cz_buf b;
	size_t i, k, nitem;
	int d, m, all = 1, f;

	write_doc(req, p, &b);
	ck_assert_ptr_nonnull(a = cz_arena_new(4096));
	ck_assert_msg(cz_plan_doc_parse(a, b.data, b.len, &doc, err,
	    sizeof(err)) == 0, "%s", err);

	/* The request as cz_plan_request_read reads it. */
	ck_assert_mem_eq(&doc->request, req, sizeof(*req));

	/* The advice lines' codes (the video's end card reads them): a
	 * pregnancy plan has its line. */
	for (i = 0; i < doc->nadvice &&
	    strcmp(doc->advice[i], "pregnancy") != 0; i++)
		continue;
	ck_assert_int_eq(i < doc->nadvice,
	    req->profile == CZ_PROFILE_PREGNANCY);

	/* The target. */
	near(doc->target.energy_kcal, p->target.energy, 0, "target energy");
	near(doc->target.protein_pct, p->target.protein_share * 100, 0, "tp");
	near(doc->target.fat_pct, p->target.fat_share * 100, 0, "tf");
	near(doc->target.carbs_pct, p->target.carb_share * 100, 0, "tc");
	ck_assert(doc->target.energy_tol_pct == CZ_PLAN_ENERGY_TOL_PCT);
	ck_assert(doc->target.share_tol_pts == CZ_PLAN_SHARE_TOL_PTS);
	if (p->target.fiber_min > 0)
		near(doc->target.fiber_min_g, p->target.fiber_min, 1, "fiber");
	else
		ck_assert(isnan(doc->target.fiber_min_g));
	near(doc->target.sodium_max_mg, p->target.sodium_max, 0, "sodium");
	if (p->target.net_carbs_max >= 0)
		near(doc->target.net_carbs_max_g, p->target.net_carbs_max, 0,
		    "net carbs");
	else
		ck_assert(isnan(doc->target.net_carbs_max_g));

	/* Days, meals, items, totals, receipts. */
	ck_assert_int_eq(doc->ndays, 7);
	cz_nutrients_zero(&avg);
	memset(grams, 0, sizeof(grams));
	for (d = 0; d < doc->ndays; d++) {
		dd = &doc->days[d];
		ck_assert_int_eq(dd->day, d + 1);
		ck_assert_int_eq(dd->nmeals, p->days[d].nmeals);
		for (m = 0, nitem = 0; m < dd->nmeals; m++) {
			dm = &dd->meals[m];
			ck_assert_int_eq(dm->slot, p->days[d].meals[m].slot);
			ck_assert_str_eq(dm->name, templates[m].name);
			ck_assert_str_eq(dm->slug, templates[m].slug);
			cz_nutrients_zero(&mt);
			for (k = 0; k < dm->nitems; k++, nitem++) {
				it = &dm->items[k];
				f = (int)p->days[d].items[nitem].food;
				ck_assert_int_eq(p->days[d].items[nitem].meal, m);
				ck_assert_str_eq(it->ndb, foods[f].ndb);
				ck_assert_str_eq(it->food, foods[f].name);
				ck_assert_str_eq(it->label, foods[f].label);
				near(it->grams, p->days[d].items[nitem].grams,
				    0, "grams");
				ck_assert_uint_eq(it->allergens,
				    foods[f].allergens);
				ck_assert_ptr_nonnull(it->measure);
				if (f == EGG)
					ck_assert_str_eq(it->measure, d % 2 ==
					    0 ? "2 large" : "3 large");
				grams[f] += it->grams;
				cz_nutrients_scale(&foods[f].per100g,
				    it->grams, &x);
				cz_nutrients_add(&mt, &x);
			}
			totals_match(&dm->totals, &mt, "meal");
		}
		ck_assert_uint_eq(nitem, p->days[d].nitems);
		ck_assert_uint_eq(dd->meals[0].allergens,
		    1u << CZ_ALLERGEN_EGG | 1u << CZ_ALLERGEN_GLUTEN);
		ck_assert_uint_eq(dd->meals[2].allergens,
		    1u << CZ_ALLERGEN_FISH);
		totals_match(&dd->totals, &p->days[d].totals, "day");
		cz_nutrients_add(&avg, &p->days[d].totals);

		ck_assert_int_eq(dd->accuracy.present, 1);
		check_line(&dd->accuracy.energy_kcal, p->target.energy,
		    p->days[d].totals.v[CZ_N_ENERGY], 0, 0,
		    CZ_PLAN_ENERGY_TOL_PCT);
		near(dd->accuracy.energy_kcal.deviation, (p->days[d].totals.
		    v[CZ_N_ENERGY] / p->target.energy - 1) * 100, 2, "dev");
		cz_macro_shares(&p->days[d].totals, &pp, &fp, &cp);
		check_line(&dd->accuracy.protein_pct, p->target.protein_share *
		    100, pp, 0, 1, CZ_PLAN_SHARE_TOL_PTS);
		check_line(&dd->accuracy.fat_pct, p->target.fat_share * 100,
		    fp, 0, 1, CZ_PLAN_SHARE_TOL_PTS);
		check_line(&dd->accuracy.carbs_pct, p->target.carb_share * 100,
		    cp, 0, 1, CZ_PLAN_SHARE_TOL_PTS);
		ck_assert_int_eq(dd->accuracy.fiber_g.present,
		    p->target.fiber_min > 0);
		ck_assert_int_eq(dd->accuracy.net_carbs_g.present,
		    p->target.net_carbs_max >= 0);
		check_line(&dd->accuracy.sodium_mg, p->target.sodium_max,
		    p->days[d].totals.v[CZ_N_SODIUM], 0, 0, 0);
		ck_assert(isnan(dd->accuracy.sodium_mg.deviation));
		ck_assert_int_eq(dd->accuracy.sodium_mg.ok,
		    p->days[d].totals.v[CZ_N_SODIUM] <= p->target.sodium_max);
		all &= dd->accuracy.all_ok;
	}
	cz_nutrients_divide(&avg, 7);
	totals_match(&doc->daily_average, &avg, "average");
	ck_assert_int_eq(doc->all_targets_met, all);

	/* Allergens, warnings (in enum order), the note. */
	ck_assert_uint_eq(doc->allergens, 1u << CZ_ALLERGEN_GLUTEN |
	    1u << CZ_ALLERGEN_EGG | 1u << CZ_ALLERGEN_FISH);
	ck_assert_uint_eq(doc->nwarnings, 3);
	ck_assert_int_eq(doc->warnings[0].allergen, CZ_ALLERGEN_GLUTEN);
	ck_assert_uint_eq(doc->warnings[0].nmeals, 14);	/* breakfast, lunch */
	ck_assert_str_eq(doc->warnings[0].meals[1], templates[LUNCH].name);
	ck_assert_int_eq(doc->warnings[1].allergen, CZ_ALLERGEN_EGG);
	ck_assert_uint_eq(doc->warnings[1].nmeals, 7);
	ck_assert_int_eq(doc->warnings[2].allergen, CZ_ALLERGEN_FISH);
	ck_assert_str_eq(doc->warnings[2].meals[6], templates[DINNER].name);
	ck_assert_str_eq(doc->allergen_note, CZ_ALLERGEN_NOTE);

	/* The shopping list: every food once, its grams over the week. */
	ck_assert_int_eq(doc->shop_present, 1);
	ck_assert_uint_eq(doc->nshop_items, NFOODS);
	for (f = 0; f < NFOODS; f++) {
		shopped = -1;
		for (i = 0; i < doc->nshop; i++)
			for (k = 0; k < doc->shop[i].nitems; k++)
				if (strcmp(doc->shop[i].items[k].ndb,
				    foods[f].ndb) == 0) {
					ck_assert(shopped < 0);
					shopped = doc->shop[i].items[k].grams;
					ck_assert_str_eq(doc->shop[i].items[k].
					    food, foods[f].label);
					ck_assert_ptr_nonnull(doc->shop[i].
					    items[k].quantity);
				}
		near(shopped, grams[f], 0, foods[f].ndb);
	}
	ck_assert_str_eq(doc->shop[0].name, "Vegetables");

	/* Disclaimers. */
	ck_assert_str_eq(doc->disclaimer_medical, CZ_DISCLAIMER_MEDICAL);
	ck_assert_str_eq(doc->disclaimer_fda, CZ_DISCLAIMER_FDA);
	if (req->profile == CZ_PROFILE_PREGNANCY)
		ck_assert_str_eq(doc->disclaimer_pregnancy,
		    CZ_DISCLAIMER_PREGNANCY);
	else
		ck_assert_ptr_null(doc->disclaimer_pregnancy);

	/* The json-c entry reads the same. */
	ck_assert_ptr_nonnull(j = json_tokener_parse(b.data));
	ck_assert_msg(cz_plan_doc_read(a, j, &doc2, err, sizeof(err)) == 0,
	    "%s", err);
	json_object_put(j);
	ck_assert_mem_eq(&doc2->request, &doc->request, sizeof(*req));
	ck_assert(doc2->days[4].totals.energy_kcal ==
	    doc->days[4].totals.energy_kcal);
	ck_assert_str_eq(doc2->days[6].meals[2].items[0].food,
	    doc->days[6].meals[2].items[0].food);
	ck_assert_uint_eq(doc2->nshop_items, doc->nshop_items);

	/* Regeneration's starting point: the same plan again. */
	ck_assert_ptr_nonnull(back = calloc(1, sizeof(*back)));
	ck_assert_msg(cz_plan_from_doc(&cat, req, doc, back, err,
	    sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(back->ndays, p->ndays);
	ck_assert_int_eq(back->feasible, 1);
	for (d = 0; d < p->ndays; d++) {
		ck_assert_int_eq(back->days[d].nmeals, p->days[d].nmeals);
		for (m = 0; m < p->days[d].nmeals; m++)
			ck_assert_uint_eq(back->days[d].meals[m].tmpl,
			    p->days[d].meals[m].tmpl);
		ck_assert_uint_eq(back->days[d].nitems, p->days[d].nitems);
		for (i = 0; i < p->days[d].nitems; i++) {
			ck_assert_uint_eq(back->days[d].items[i].food,
			    p->days[d].items[i].food);
			ck_assert_int_eq(back->days[d].items[i].meal,
			    p->days[d].items[i].meal);
			ck_assert(back->days[d].items[i].grams ==
			    p->days[d].items[i].grams);
		}
		for (k = 0; k < CZ_NUTRIENTS; k++)
			ck_assert_double_eq_tol(back->days[d].totals.v[k],
			    p->days[d].totals.v[k], 1e-9);
	}
	free(back);
	cz_arena_free(a);
	cz_buf_free(&b);
	free(p);
}

START_TEST(written_documents_read_back)
{
	struct cz_plan_request req;

	catalog_setup();
	request_init(&req, 2000, CZ_DIET_STANDARD, CZ_PROFILE_PREGNANCY);
	round_trip(&req);
	request_init(&req, 1600, CZ_DIET_KETO, CZ_PROFILE_NONE);
	round_trip(&req);
}
END_TEST

/* cz_plan_from_doc refuses a document that does not fit the request or
 * the catalog, as regeneration must. */
START_TEST(regeneration_refuses_a_misfit)
{
	struct cz_plan_request req;
	struct cz_plan *p, *back;
	struct cz_plan_doc *doc;
	struct json_object *j;
	char err[256];
	cz_arena *a;
	cz_buf b;

	catalog_setup();
	request_init(&req, 2000, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	p = plan_make(&req);
	write_doc(&req, p, &b);
	ck_assert_ptr_nonnull(a = cz_arena_new(4096));
	ck_assert_ptr_nonnull(back = calloc(1, sizeof(*back)));
	ck_assert_int_eq(cz_plan_doc_parse(a, b.data, b.len, &doc, err,
	    sizeof(err)), 0);
	req.days = 6;
	ck_assert_int_eq(cz_plan_from_doc(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "the stored plan has not 6 days");
	req.days = 7;
	req.pattern = CZ_PATTERN_3_MEALS_2_SNACKS;
	ck_assert_int_eq(cz_plan_from_doc(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "day 1 of the stored plan has not 5 meals");
	req.pattern = CZ_PATTERN_3_MEALS;
	templates[DINNER].slug = (char *)(uintptr_t)"renamed";
	ck_assert_int_eq(cz_plan_from_doc(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "day 1 meal 3: the catalog no longer has its "
	    "dish");
	templates[DINNER].slug = (char *)(uintptr_t)"salmon_spinach";
	snprintf(foods[SPINACH].ndb, sizeof(foods[SPINACH].ndb), "11458");
	ck_assert_int_eq(cz_plan_from_doc(&cat, &req, doc, back, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "ingredient is unknown"));
	snprintf(foods[SPINACH].ndb, sizeof(foods[SPINACH].ndb), "11457");
	ck_assert_int_eq(cz_plan_from_doc(&cat, &req, doc, back, err,
	    sizeof(err)), 0);

	/* The json-c entry says why a document does not read. */
	ck_assert_ptr_nonnull(j = json_tokener_parse("{\"days\": []}"));
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, j, back, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "the stored plan does not read: request: "
	    "missing");
	json_object_put(j);
	ck_assert_int_eq(cz_plan_from_document(&cat, &req, NULL, back, err,
	    sizeof(err)), -1);
	free(back);
	free(p);
	cz_arena_free(a);
	cz_buf_free(&b);
}
END_TEST

/* ------------------------------------------------------------------------
 * other documents
 */

START_TEST(fixture_reads_with_parts_absent)
{
	const char *dir = getenv("CZ_RENDER_TEST_DIR");
	struct cz_plan_doc *doc;
	char path[4096], err[256], *text;
	cz_arena *a;
	FILE *fp;
	long n;
	int d;

	ck_assert_msg(dir != NULL, "CZ_RENDER_TEST_DIR is not set (run by "
	    "make check)");
	snprintf(path, sizeof(path), "%s/plan-standard-2000.json", dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "rb"));
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	ck_assert_int_gt(n = ftell(fp), 0);
	rewind(fp);
	ck_assert_ptr_nonnull(text = malloc((size_t)n));
	ck_assert_uint_eq(fread(text, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	ck_assert_ptr_nonnull(a = cz_arena_new(4096));
	ck_assert_msg(cz_plan_doc_parse(a, text, (size_t)n, &doc, err,
	    sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(doc->request.calories, 2000);
	ck_assert_int_eq(doc->request.diet, CZ_DIET_STANDARD);
	ck_assert_uint_eq(doc->request.seed, 7);
	ck_assert(doc->target.energy_kcal == 2000);
	ck_assert(doc->target.fat_pct == 30);
	ck_assert(isnan(doc->target.energy_tol_pct));
	ck_assert(isnan(doc->target.net_carbs_max_g));
	ck_assert_int_eq(doc->ndays, 7);
	for (d = 0; d < 7; d++) {
		ck_assert_int_eq(doc->days[d].nmeals, 3);
		ck_assert_int_eq(doc->days[d].meals[0].totals.present, 0);
		ck_assert(isnan(doc->days[d].meals[0].totals.energy_kcal));
		ck_assert_int_eq(doc->days[d].totals.present, 1);
		ck_assert(doc->days[d].totals.energy_kcal > 1800);
		ck_assert(!isnan(doc->days[d].totals.omega_3_g));
		ck_assert_int_eq(doc->days[d].accuracy.present, 0);
	}
	ck_assert_int_eq(doc->days[0].meals[0].slot, CZ_SLOT_BREAKFAST);
	ck_assert_str_eq(doc->days[0].meals[0].name,
	    "Banana peanut butter smoothie");
	ck_assert_str_eq(doc->days[0].meals[0].slug, "smoothie_banana_pb");
	ck_assert_str_eq(doc->days[0].meals[0].items[1].ndb, "09040");
	ck_assert(doc->days[0].meals[0].items[1].grams == 118);
	ck_assert_ptr_null(doc->days[0].meals[0].items[1].label);
	ck_assert_ptr_null(doc->days[0].meals[0].items[1].measure);
	ck_assert_int_eq(doc->daily_average.present, 0);
	ck_assert_int_eq(doc->all_targets_met, -1);
	ck_assert_int_eq(doc->shop_present, 0);
	ck_assert_uint_eq(doc->nshop_items, 0);
	ck_assert_uint_eq(doc->nwarnings, 0);
	ck_assert_ptr_null(doc->disclaimer_medical);
	cz_arena_free(a);
	free(text);
}
END_TEST

/* Shares and net carbs a document leaves out are derived; amounts are
 * not made up. */
START_TEST(small_document_derives_shares)
{
	static const char json[] =
	    "{\"request\":{\"calories\":1800,\"diet_type\":\"keto\",\"days\":1},"
	    "\"target\":{\"protein_pct\":25,\"fat_pct\":70,\"carbs_pct\":5},"
	    "\"days\":[{\"day\":1,\"meals\":[{\"slot\":\"lunch\",\"template\":"
	    "\"Eggs\",\"totals\":{\"energy\":612.4}}],\"totals\":{\"energy\":"
	    "1800,\"protein\":100,\"fat\":140,\"carbs\":20,\"fiber\":8}}]}";
	struct cz_plan_doc *doc;
	const struct cz_plan_doc_totals *t;
	char err[256];
	cz_arena *a;

	ck_assert_ptr_nonnull(a = cz_arena_new(4096));
	ck_assert_msg(cz_plan_doc_parse(a, json, strlen(json), &doc, err,
	    sizeof(err)) == 0, "%s", err);
	t = &doc->days[0].meals[0].totals;
	ck_assert_int_eq(t->present, 1);
	ck_assert(t->energy_kcal == 612.4);
	ck_assert(isnan(t->protein_g) && isnan(t->protein_pct));
	ck_assert(isnan(t->net_carbs_g));
	ck_assert_ptr_null(doc->days[0].meals[0].slug);
	ck_assert_uint_eq(doc->days[0].meals[0].nitems, 0);
	t = &doc->days[0].totals;
	/* 400 + 1260 + 80 = 1740 kcal from the macronutrients. */
	ck_assert_double_eq_tol(t->fat_pct, 1260.0 / 1740 * 100, 1e-9);
	ck_assert_double_eq_tol(t->protein_pct, 400.0 / 1740 * 100, 1e-9);
	ck_assert(t->net_carbs_g == 12);
	ck_assert(isnan(t->sodium_mg));
	ck_assert(isnan(cz_plan_doc_amount(t, CZ_N_ZINC)));
	ck_assert(t->carbs_g == cz_plan_doc_amount(t, CZ_N_CARBS));
	ck_assert(isnan(cz_plan_doc_amount(t, -1)));
	ck_assert(isnan(cz_plan_doc_amount(t, CZ_NUTRIENTS)));
	cz_arena_free(a);
}
END_TEST

/* ------------------------------------------------------------------------
 * refusals
 */

/* The member at dotted path p ("days.0.meals.1") of root, "" for root. */
static struct json_object *
at_path(struct json_object *root, const char *p)
{
	struct json_object *o = root;
	char buf[128], *tok, *last;

	snprintf(buf, sizeof(buf), "%s", p);
	for (tok = strtok_r(buf, ".", &last); tok != NULL;
	    tok = strtok_r(NULL, ".", &last)) {
		if (json_object_is_type(o, json_type_array))
			o = json_object_array_get_idx(o,
			    (size_t)strtoul(tok, NULL, 10));
		else
			o = json_object_object_get(o, tok);
		ck_assert_msg(o != NULL, "no %s in the document", p);
	}
	return o;
}

/* Reads text, which must fail with a message containing want. */
static void
refused(const char *text, size_t len, const char *want, const char *what)
{
	static struct cz_plan_doc stale;
	struct cz_plan_doc *doc = &stale;
	char err[256];
	cz_arena *a = cz_arena_new(4096);

	ck_assert_ptr_nonnull(a);
	err[0] = '\0';
	ck_assert_msg(cz_plan_doc_parse(a, text, len, &doc, err,
	    sizeof(err)) == -1, "%s: read", what);
	ck_assert_ptr_null(doc);
	ck_assert_msg(strstr(err, want) != NULL, "%s: want \"%s\" in \"%s\"",
	    what, want, err);
	cz_arena_free(a);
}

/* One change to a valid document and the message it must draw: the
 * member key of the object at path set to the JSON value (NULL:
 * removed). */
static const struct edit {
	const char	*path, *key, *value;
	const char	*want;
} edits[] = {
	{ "", "request", NULL, "request: missing" },
	{ "", "request", "[]", "request: must be an object" },
	{ "request", "calories", "99999", "request.calories: must be between "
	    "800 and 5000" },
	{ "request", "diet_type", "\"carnivore\"", "request.diet_type: must be "
	    "one of" },
	{ "request", "colour", "\"red\"", "request.colour: is not a known "
	    "field" },
	{ "request", "days", "6", "days: 7, but the request asks for 6" },
	{ "", "target", "[]", "target: must be an object" },
	{ "target", "protein_pct", NULL, "target.protein_pct: missing" },
	{ "target", "fat_pct", "101", "target.fat_pct: must be a number from "
	    "0 to 100" },
	{ "target", "energy_kcal", "\"2000\"", "target.energy_kcal: must be a "
	    "number" },
	{ "", "days", NULL, "days: missing" },
	{ "", "days", "{}", "days: must be an array" },
	{ "", "days", "[]", "days: 0 days, want 1 to 7" },
	{ "days.0", "day", "2", "days[0].day: is 2, want 1" },
	{ "days.0", "day", "1.0", "days[0].day: must be an integer" },
	{ "days.1", "day", "0", "days[1].day: must be from 1 to 7" },
	{ "days.0", "meals", "[]", "days[0].meals: 0 meals, want 1 to 8" },
	{ "days.0.meals.1", "slot", "\"brunch\"", "days[0].meals[1].slot: "
	    "\"brunch\" is not a meal slot" },
	{ "days.0.meals.1", "template", "\"\"", "days[0].meals[1].template: "
	    "must not be empty" },
	{ "days.0.meals.1", "template", "null", "days[0].meals[1].template: "
	    "missing" },
	{ "days.0.meals.1", "items", "[]", "days[0].meals[1].items: 0 "
	    "ingredients, want 1 to 48" },
	{ "days.0.meals.1.items.0", "grams", "-5",
	    "days[0].meals[1].items[0].grams: must be a number from 0" },
	{ "days.0.meals.1.items.0", "grams", "0",
	    "days[0].meals[1].items[0].grams: must be more than 0" },
	{ "days.0.meals.1.items.0", "grams", "1e300",
	    "days[0].meals[1].items[0].grams: must be a number from" },
	{ "days.0.meals.1.items.0", "ndb", "\"1145\"",
	    "days[0].meals[1].items[0].ndb: must be a USDA NDB number" },
	{ "days.0.meals.1.items.0", "ndb", "11457",
	    "days[0].meals[1].items[0].ndb: must be a USDA NDB number" },
	{ "days.0.meals.1.items.0", "food", NULL,
	    "days[0].meals[1].items[0].food: missing" },
	{ "days.0.meals.1.items.0", "allergens", "[\"gluten\", \"cocoa\"]",
	    "days[0].meals[1].items[0].allergens: element 1 is not an "
	    "allergen" },
	{ "days.0.meals.1", "allergens", "\"gluten\"", "days[0].meals[1]."
	    "allergens: must be an array" },
	{ "days.0.meals.2.totals", "energy", NULL, "days[0].meals[2].totals."
	    "energy: missing" },
	{ "days.6.totals", "energy", "\"lots\"", "days[6].totals.energy: must "
	    "be a number" },
	{ "days.2.totals", "protein", NULL, "days[2].totals.protein: missing" },
	{ "days.2.totals", "zinc", "-1", "days[2].totals.zinc: must be a "
	    "number from 0" },
	{ "days.2.totals", "fat_pct", "100.5", "days[2].totals.fat_pct: must "
	    "be a number from 0 to 100" },
	{ "days.2", "totals", "null", "days[2].totals: missing" },
	{ "days.3.accuracy.energy", "ok", "1", "days[3].accuracy.energy.ok: "
	    "must be true or false" },
	{ "days.3.accuracy.energy", "deviation_pct", "\"-1\"",
	    "days[3].accuracy.energy.deviation_pct: must be a number" },
	{ "days.3.accuracy", "sodium", NULL, "days[3].accuracy.sodium: "
	    "missing" },
	{ "days.3.accuracy.protein", "actual_pct", "250",
	    "days[3].accuracy.protein.actual_pct: must be a number from 0 to "
	    "100" },
	{ "days.3.accuracy", "all_ok", NULL, "days[3].accuracy.all_ok: "
	    "missing" },
	{ "daily_average", "carbs", NULL, "daily_average.carbs: missing" },
	{ "", "all_targets_met", "\"yes\"", "all_targets_met: must be true or "
	    "false" },
	{ "", "allergens", "[\"egg\", 3]", "allergens: element 1 is not an "
	    "allergen" },
	{ "", "allergen_warnings", "[{\"allergen\": \"egg\", \"meals\": [1]}]",
	    "allergen_warnings[0].meals[0]: must be a string" },
	{ "", "allergen_warnings", "[{\"allergen\": \"nuts\", \"meals\": []}]",
	    "allergen_warnings[0].allergen: \"nuts\" is not an allergen" },
	{ "", "allergen_warnings", "[7]", "allergen_warnings[0]: must be an "
	    "object" },
	{ "", "allergen_note", "false", "allergen_note: must be a string" },
	{ "", "shopping_list", "{}", "shopping_list: must be an array" },
	{ "shopping_list.0", "group", "7", "shopping_list[0].group: must be a "
	    "string" },
	{ "shopping_list.0", "items", NULL, "shopping_list[0].items: missing" },
	{ "shopping_list.0.items.0", "food", NULL,
	    "shopping_list[0].items[0].food: missing" },
	{ "shopping_list.0.items.0", "grams", "-1",
	    "shopping_list[0].items[0].grams: must be a number from 0" },
	{ "disclaimers", "fda", "false", "disclaimers.fda: must be a string" },
};

START_TEST(malformed_documents_are_refused)
{
	struct cz_plan_request req;
	struct cz_plan *p;
	struct json_object *root, *o, *v;
	const char *text;
	char what[128];
	cz_buf b;
	size_t i;

	catalog_setup();
	request_init(&req, 2000, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	p = plan_make(&req);
	write_doc(&req, p, &b);
	for (i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		ck_assert_ptr_nonnull(root = json_tokener_parse(b.data));
		o = at_path(root, edits[i].path);
		if (edits[i].value == NULL)
			json_object_object_del(o, edits[i].key);
		else {
			v = json_tokener_parse(edits[i].value);
			ck_assert(v != NULL || strcmp(edits[i].value,
			    "null") == 0);
			json_object_object_add(o, edits[i].key, v);
		}
		text = json_object_to_json_string_ext(root,
		    JSON_C_TO_STRING_PLAIN);
		snprintf(what, sizeof(what), "%s.%s = %s", edits[i].path,
		    edits[i].key, edits[i].value ? edits[i].value : "(none)");
		refused(text, strlen(text), edits[i].want, what);
		json_object_put(root);
	}

	/* Not JSON, not one JSON value, not an object. */
	refused("{\"request\":", 11, "not valid JSON", "cut");
	refused("{} {}", 5, "not valid JSON", "two values");
	refused("[1, 2]", 6, "not a plan document", "an array");
	refused("null", 4, "not a plan document", "null");
	refused("", 0, "not valid JSON", "nothing");
	cz_buf_free(&b);
	free(p);
}
END_TEST

/* A NUL inside a string is refused (json-c can hold one). */
START_TEST(nul_in_a_string_is_refused)
{
	struct cz_plan_request req;
	struct cz_plan *p;
	struct cz_plan_doc *doc;
	struct json_object *root;
	char err[256];
	cz_arena *a;
	cz_buf b;

	catalog_setup();
	request_init(&req, 2000, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	p = plan_make(&req);
	write_doc(&req, p, &b);
	ck_assert_ptr_nonnull(root = json_tokener_parse(b.data));
	json_object_object_add(at_path(root, "days.0.meals.0"), "template",
	    json_object_new_string_len("Eggs\0 and more", 14));
	ck_assert_ptr_nonnull(a = cz_arena_new(4096));
	ck_assert_int_eq(cz_plan_doc_read(a, root, &doc, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "days[0].meals[0].template: must not hold a NUL "
	    "character");
	json_object_put(root);
	cz_arena_free(a);
	cz_buf_free(&b);
	free(p);
}
END_TEST

/* Appends json_object_get(o) to array a until it has n elements. */
static void
grow(struct json_object *a, struct json_object *o, size_t n)
{
	while (json_object_array_length(a) < n)
		json_object_array_add(a, json_object_get(o));
}

/* Documents over a limit of planner.h are refused, not cut. */
START_TEST(oversized_documents_are_refused)
{
	static const struct over {
		const char	*array;		/* grown */
		size_t		 n;
		const char	*array2;	/* and this one too, or NULL */
		size_t		 n2;
		const char	*want;
	} overs[] = {
		{ "days", CZ_PLAN_MAX_DAYS + 1, NULL, 0,
		    "days: 8 days, want 1 to 7" },
		{ "days.0.meals", CZ_PLAN_MAX_MEALS + 1, NULL, 0,
		    "days[0].meals: 9 meals, want 1 to 8" },
		{ "days.0.meals.0.items", CZ_PLAN_MAX_ITEMS + 1, NULL, 0,
		    "days[0].meals[0].items: 49 ingredients, want 1 to 48" },
		{ "days.0.meals.0.items", 30, "days.0.meals.1.items", 19,
		    "days[0].meals[1].items: more than 48 ingredients in the "
		    "day" },
		{ "shopping_list.0.items", CZ_PLAN_MAX_SHOP_ITEMS + 1, NULL, 0,
		    "shopping_list[0].items: 337 lines, want 0 to 336" },
		{ "shopping_list.0.items", 200, "shopping_list.1.items", 137,
		    "shopping_list: more than 336 lines" },
		{ "allergen_warnings", CZ_ALLERGEN__MAX + 1, NULL, 0,
		    "allergen_warnings: 10 warnings, want 0 to 9" },
		{ "allergen_warnings.0.meals", CZ_PLAN_MAX_DAYS *
		    CZ_PLAN_MAX_MEALS + 1, NULL, 0, "allergen_warnings[0].meals: "
		    "57 dish names, want 0 to 56" },
	};
	struct cz_plan_request req;
	struct cz_plan *p;
	struct json_object *root, *a;
	const char *text;
	char *big;
	cz_buf b;
	size_t i, len;

	catalog_setup();
	request_init(&req, 2000, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	p = plan_make(&req);
	write_doc(&req, p, &b);
	for (i = 0; i < sizeof(overs) / sizeof(overs[0]); i++) {
		ck_assert_ptr_nonnull(root = json_tokener_parse(b.data));
		a = at_path(root, overs[i].array);
		grow(a, json_object_array_get_idx(a, 0), overs[i].n);
		if (overs[i].array2 != NULL) {
			a = at_path(root, overs[i].array2);
			grow(a, json_object_array_get_idx(a, 0), overs[i].n2);
		}
		text = json_object_to_json_string_ext(root,
		    JSON_C_TO_STRING_PLAIN);
		refused(text, strlen(text), overs[i].want, overs[i].want);
		json_object_put(root);
	}

	/* Too long a text, too deep a nesting. */
	len = CZ_PLAN_DOC_MAX_BYTES + 1;
	ck_assert_ptr_nonnull(big = malloc(len));
	memset(big, ' ', len);
	memcpy(big, b.data, b.len);
	refused(big, len, "larger than 8388608 bytes", "too long");
	memset(big, '[', CZ_PLAN_DOC_MAX_DEPTH + 1);
	memset(big + CZ_PLAN_DOC_MAX_DEPTH + 1, ']', CZ_PLAN_DOC_MAX_DEPTH + 1);
	refused(big, 2 * (CZ_PLAN_DOC_MAX_DEPTH + 1), "not valid JSON: "
	    "nesting too deep", "too deep");
	free(big);
	cz_buf_free(&b);
	free(p);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("plan_read");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, written_documents_read_back);
	tcase_add_test(tc, regeneration_refuses_a_misfit);
	tcase_add_test(tc, fixture_reads_with_parts_absent);
	tcase_add_test(tc, small_document_derives_shares);
	tcase_add_test(tc, malformed_documents_are_refused);
	tcase_add_test(tc, nul_in_a_string_is_refused);
	tcase_add_test(tc, oversized_documents_are_refused);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
