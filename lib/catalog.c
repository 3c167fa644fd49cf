/*
 * catalog.c - load the planning catalog (ingredients with their USDA
 * foods, meal templates with their items) into memory.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "food_memo.h"
#include "jsonw.h"
#include "numparse.h"
#include "recipes.h"

static const char *const diet_names[CZ_DIET__MAX] = {
	"standard", "vegetarian", "vegan", "keto", "paleo", "mediterranean"
};

static const char *const allergen_names[CZ_ALLERGEN__MAX] = {
	"gluten", "dairy", "egg", "peanut", "tree_nut", "soy", "fish",
	"shellfish", "sesame"
};

static const char *const slot_names[CZ_SLOT__MAX] = {
	"breakfast", "lunch", "dinner", "snack"
};

/* Food f's first members of a plan's item, one by one. */
static void
food_members_write(struct cz_jw *w, const struct cz_cat_food *f)
{
	cz_jw_string_k(w, CZ_JW_KEY("ndb"), f->ndb);
	cz_jw_string_k(w, CZ_JW_KEY("food"), f->name);
	cz_jw_string_k(w, CZ_JW_KEY("label"), f->label);
}

void
cz_cat_food_members(struct cz_jw *w, const struct cz_cat_food *f)
{
	if (cz_jw_members(w, f->members, f->members_len) == -1)
		food_members_write(w, f);
}

int
cz_cat_food_members_prepare(struct cz_cat_food *f)
{
	struct cz_jw w;
	cz_buf b;
	int rc = -1;

	cz_buf_init(&b, 64 * 1024);
	cz_jw_init(&w, &b);
	cz_jw_object(&w, NULL);
	food_members_write(&w, f);
	cz_jw_end(&w);
	/* the object's members: its text less the braces */
	if (cz_jw_finish(&w) == 0 && b.len >= 2 &&
	    (f->members = malloc(b.len - 2)) != NULL) {
		f->members_len = b.len - 2;
		memcpy(f->members, b.data + 1, f->members_len);
		rc = 0;
	}
	cz_buf_free(&b);
	return rc;
}

/* The per-gram amounts the solver uses, by nutrient. */
static const struct {
	enum cz_nutrient	 n;
	size_t			 off;
} per_gram[] = {
	{ CZ_N_ENERGY,	offsetof(struct cz_cat_food, kcal) },
	{ CZ_N_PROTEIN,	offsetof(struct cz_cat_food, protein) },
	{ CZ_N_FAT,	offsetof(struct cz_cat_food, fat) },
	{ CZ_N_CARBS,	offsetof(struct cz_cat_food, carbs) },
	{ CZ_N_FIBER,	offsetof(struct cz_cat_food, fiber) },
	{ CZ_N_SODIUM,	offsetof(struct cz_cat_food, sodium) },
};

static const char sql_foods[] =
    "SELECT c.ndb, c.label, f.name, array_to_string(c.diets, ','), "
    "array_to_string(c.allergens, ','), c.pregnancy_exclusion IS NOT NULL, "
    "c.min_g, c.max_g, c.step_g, f.ndb IS NULL, coalesce(f.food_group, ''), "
    "c.added_fat, coalesce(c.day_max_g, 0), coalesce(c.week_max_days, 0) "
    "FROM catalog_ingredients c LEFT JOIN foods f ON f.ndb = c.ndb "
    "ORDER BY c.ndb";

static const char sql_nutrients[] =
    "SELECT n.ndb, n.nutrient, n.amount FROM food_nutrients n "
    "JOIN catalog_ingredients c ON c.ndb = n.ndb ORDER BY n.ndb";

static const char sql_measures[] =
    "SELECT m.ndb, m.amount, m.name, m.grams FROM food_measures m "
    "JOIN catalog_ingredients c ON c.ndb = m.ndb ORDER BY m.ndb, m.seq";

static const char sql_templates[] =
    "SELECT t.id, t.slug, t.name, t.slot, i.ndb, i.default_g, i.min_g, "
    "i.max_g, i.title FROM meal_templates t "
    "JOIN meal_template_items i ON i.template_id = t.id "
    "ORDER BY t.id, i.ndb";

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

int
cz_name_index(const char *const *names, int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *
cz_diet_name(int d)
{
	return d >= 0 && d < CZ_DIET__MAX ? diet_names[d] : NULL;
}

const char *
cz_allergen_name(int a)
{
	return a >= 0 && a < CZ_ALLERGEN__MAX ? allergen_names[a] : NULL;
}

const char *
cz_slot_name(int s)
{
	return s >= 0 && s < CZ_SLOT__MAX ? slot_names[s] : NULL;
}

int
cz_diet_by_name(const char *s)
{
	return cz_name_index(diet_names, CZ_DIET__MAX, s);
}

int
cz_allergen_by_name(const char *s)
{
	return cz_name_index(allergen_names, CZ_ALLERGEN__MAX, s);
}

int
cz_slot_by_name(const char *s)
{
	return cz_name_index(slot_names, CZ_SLOT__MAX, s);
}

/*
 * Parses a comma-separated list of names into a bitmask; returns -1 on
 * an unknown name.
 */
static long
parse_mask(const char *s, const char *const *names, int n)
{
	char word[64];
	const char *p;
	size_t len;
	long mask = 0;
	int i;

	while (*s != '\0') {
		p = strchr(s, ',');
		len = p != NULL ? (size_t)(p - s) : strlen(s);
		if (len >= sizeof(word))
			return -1;
		memcpy(word, s, len);
		word[len] = '\0';
		if ((i = cz_name_index(names, n, word)) == -1)
			return -1;
		mask |= 1L << i;
		s += len;
		if (*s == ',')
			s++;
	}
	return mask;
}

static PGresult *
query(PGconn *c, const char *sql, char *err, size_t errlen)
{
	PGresult *r;

	r = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
		seterr(err, errlen, "catalog query failed: %s",
		    r != NULL ? PQresultErrorMessage(r) : PQerrorMessage(c));
		PQclear(r);
		return NULL;
	}
	return r;
}

long
cz_catalog_food(const struct cz_catalog *cat, const char *ndb)
{
	size_t lo = 0, hi = cat->nfoods, mid;
	int cmp;

	/* Foods are sorted by NDB number. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strcmp(cat->foods[mid].ndb, ndb);
		if (cmp == 0)
			return (long)mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
load_foods(PGconn *c, struct cz_catalog *cat, char *err, size_t errlen)
{
	struct cz_cat_food *f;
	PGresult *r = NULL;
	long mask;
	int i, n, k, ret = -1;

	if ((r = query(c, sql_foods, err, errlen)) == NULL)
		goto err;
	n = PQntuples(r);
	if (n == 0) {
		seterr(err, errlen, "the catalog has no ingredients "
		    "(run cibozer-admin migrate)");
		goto err;
	}
	if ((cat->foods = calloc((size_t)n, sizeof(*cat->foods))) == NULL) {
		seterr(err, errlen, "out of memory");
		goto err;
	}
	for (i = 0; i < n; i++) {
		f = &cat->foods[cat->nfoods];
		if (strcmp(PQgetvalue(r, i, 9), "t") == 0) {
			seterr(err, errlen, "catalog ingredient %s (%s) has no "
			    "USDA food; load the foods with cibozer-admin "
			    "import-usda DIR", PQgetvalue(r, i, 0),
			    PQgetvalue(r, i, 1));
			goto err;
		}
		snprintf(f->ndb, sizeof(f->ndb), "%s", PQgetvalue(r, i, 0));
		f->shop = cz_shop_food(f->ndb);
		f->shop_known = 1;
		f->product = f->shop != NULL ? cz_shop_product(f->shop->item) :
		    NULL;
		if ((f->label = strdup(PQgetvalue(r, i, 1))) == NULL ||
		    (f->name = strdup(PQgetvalue(r, i, 2))) == NULL) {
			free(f->label);
			seterr(err, errlen, "out of memory");
			goto err;
		}
		cz_recipe_food_prepare(f);
		cat->nfoods++;
		if (cz_cat_food_members_prepare(f) == -1) {
			seterr(err, errlen, "out of memory");
			goto err;
		}
		if ((mask = parse_mask(PQgetvalue(r, i, 3), diet_names,
		    CZ_DIET__MAX)) == -1) {
			seterr(err, errlen, "catalog ingredient %s: unknown "
			    "diet", f->ndb);
			goto err;
		}
		f->diets = (unsigned int)mask;
		if ((mask = parse_mask(PQgetvalue(r, i, 4), allergen_names,
		    CZ_ALLERGEN__MAX)) == -1) {
			seterr(err, errlen, "catalog ingredient %s: unknown "
			    "allergen", f->ndb);
			goto err;
		}
		f->allergens = (unsigned int)mask;
		f->pregnancy_excluded = strcmp(PQgetvalue(r, i, 5), "t") == 0;
		f->min_g = strtod(PQgetvalue(r, i, 6), NULL);
		f->max_g = strtod(PQgetvalue(r, i, 7), NULL);
		f->step_g = strtod(PQgetvalue(r, i, 8), NULL);
		snprintf(f->group, sizeof(f->group), "%s", PQgetvalue(r, i, 10));
		f->added_fat = strcmp(PQgetvalue(r, i, 11), "t") == 0;
		f->day_max_g = strtod(PQgetvalue(r, i, 12), NULL);
		f->week_max_days = atoi(PQgetvalue(r, i, 13));
		for (k = 0; k < CZ_NUTRIENTS; k++)
			f->per100g.v[k] = NAN;
	}
	ret = 0;
err:
	PQclear(r);
	return ret;
}

/* cz_catalog_food for the rows of a result ordered by NDB number: the
 * food of the row before (*last, -1 at first) is tried before the
 * search. A CGI request loads the catalog each time; a search per row
 * was a tenth of that load (callgrind). */
static long
food_of_row(const struct cz_catalog *cat, const char *ndb, long *last)
{
	if (*last >= 0 && strcmp(cat->foods[*last].ndb, ndb) == 0)
		return *last;
	return *last = cz_catalog_food(cat, ndb);
}

static int
load_nutrients(PGconn *c, struct cz_catalog *cat, char *err, size_t errlen)
{
	struct cz_cat_food *f;
	PGresult *r = NULL;
	const char *name;
	size_t i, k;
	long fi, last = -1;
	int n, row, ret = -1;

	if ((r = query(c, sql_nutrients, err, errlen)) == NULL)
		goto err;
	n = PQntuples(r);
	for (row = 0; row < n; row++) {
		if ((fi = food_of_row(cat, PQgetvalue(r, row, 0), &last)) == -1)
			continue;
		name = PQgetvalue(r, row, 1);
		/* Two amounts only the daily upper limits use, per gram. */
		if (strcmp(name, "Selenium") == 0 ||
		    strcmp(name, "Retinol") == 0) {
			*(strcmp(name, "Selenium") == 0 ?
			    &cat->foods[fi].selenium : &cat->foods[fi].retinol) =
			    strtod(PQgetvalue(r, row, 2), NULL) / 100.0;
			continue;
		}
		k = (size_t)cz_nutrient_by_sr_name(name);
		if (k >= CZ_NUTRIENTS)
			continue;
		cat->foods[fi].per100g.v[k] = strtod(PQgetvalue(r, row, 2),
		    NULL);
	}
	for (i = 0; i < cat->nfoods; i++) {
		f = &cat->foods[i];
		if (isnan(f->per100g.v[CZ_N_ENERGY])) {
			seterr(err, errlen, "catalog ingredient %s (%s) has no "
			    "energy value", f->ndb, f->label);
			goto err;
		}
		for (k = 0; k < sizeof(per_gram) / sizeof(per_gram[0]); k++)
			*(double *)(void *)((char *)f + per_gram[k].off) =
			    isnan(f->per100g.v[per_gram[k].n]) ? 0.0 :
			    f->per100g.v[per_gram[k].n] / 100.0;
	}
	ret = 0;
err:
	PQclear(r);
	return ret;
}

/* The index of the catalog food of measure row `row` of r, or -1 when the
 * food is not in the catalog or the measure does not describe it as its
 * label uses it (cz_measure_fits_label: no "cup, whipped" of cream). */
static long
measure_food(const struct cz_catalog *cat, PGresult *r, int row, long *last)
{
	const struct cz_cat_food *f;
	long fi;

	if ((fi = food_of_row(cat, PQgetvalue(r, row, 0), last)) == -1)
		return -1;
	f = &cat->foods[fi];
	return cz_measure_fits_label(PQgetvalue(r, row, 2), f->label,
	    f->group) ? fi : -1;
}

/*
 * A can in a dish is the can the shopping list buys: SR24's can of
 * canned tomatoes holds 190 g, the shop's 400 g, so a dish read "2 cans"
 * where the cook opens one. For a food sold in cans of one size
 * (cz_shop_can_grams), its measure "can" (with any size note: "can (3.75
 * oz)") becomes one can of the shop's. Returns 0, or -1 when out of
 * memory.
 */
static int
shop_can(const struct cz_cat_food *f, struct cz_measure *m)
{
	double g;
	char *name;

	if (strncmp(m->name, "can", 3) != 0 ||
	    (m->name[3] != '\0' && m->name[3] != ' ') ||
	    (g = cz_shop_can_grams(f->ndb)) == 0)
		return 0;
	if ((name = strdup("can")) == NULL)
		return -1;
	free((char *)(uintptr_t)m->name);
	m->name = name;
	m->amount = 1;
	m->grams = g;
	return 0;
}

/* Loads the household measures of every catalog food (two passes over one
 * result: count per food, then fill). */
static int
load_measures(PGconn *c, struct cz_catalog *cat, char *err, size_t errlen)
{
	struct cz_cat_food *f;
	struct cz_measure *m;
	PGresult *r = NULL;
	size_t i;
	long fi, last = -1;
	int n, row, ret = -1;

	if ((r = query(c, sql_measures, err, errlen)) == NULL)
		goto err;
	n = PQntuples(r);
	for (row = 0; row < n; row++)
		if ((fi = measure_food(cat, r, row, &last)) != -1)
			cat->foods[fi].nmeasures++;
	for (i = 0; i < cat->nfoods; i++) {
		f = &cat->foods[i];
		if (f->nmeasures == 0)
			continue;
		if ((f->measures = calloc(f->nmeasures,
		    sizeof(*f->measures))) == NULL) {
			f->nmeasures = 0;
			seterr(err, errlen, "out of memory");
			goto err;
		}
		f->nmeasures = 0;
	}
	last = -1;
	for (row = 0; row < n; row++) {
		if ((fi = measure_food(cat, r, row, &last)) == -1)
			continue;
		f = &cat->foods[fi];
		m = &f->measures[f->nmeasures];
		if ((m->name = strdup(PQgetvalue(r, row, 2))) == NULL) {
			seterr(err, errlen, "out of memory");
			goto err;
		}
		m->amount = strtod(PQgetvalue(r, row, 1), NULL);
		m->grams = strtod(PQgetvalue(r, row, 3), NULL);
		if (shop_can(f, m) == -1) {
			seterr(err, errlen, "out of memory");
			goto err;
		}
		cz_measure_prepare(m);
		f->nmeasures++;
	}
	ret = 0;
err:
	PQclear(r);
	return ret;
}

/* Derives t's masks and default energy and shares from its items. */
static void
template_derive(const struct cz_catalog *cat, struct cz_cat_template *t)
{
	const struct cz_cat_food *f;
	double p = 0, fa = 0, cb = 0, sum;
	size_t i;

	t->diets = (1u << CZ_DIET__MAX) - 1;
	t->allergens = 0;
	t->pregnancy_safe = 1;
	t->kcal = 0;
	for (i = 0; i < t->nitems; i++) {
		f = &cat->foods[t->items[i].food];
		t->diets &= f->diets;
		t->allergens |= f->allergens;
		if (f->pregnancy_excluded)
			t->pregnancy_safe = 0;
		t->kcal += f->kcal * t->items[i].def_g;
		p += 4.0 * f->protein * t->items[i].def_g;
		fa += 9.0 * f->fat * t->items[i].def_g;
		cb += 4.0 * f->carbs * t->items[i].def_g;
	}
	sum = p + fa + cb;
	if (sum > 0) {
		t->protein_share = p / sum;
		t->fat_share = fa / sum;
		t->carb_share = cb / sum;
	}
}

static int
load_templates(PGconn *c, struct cz_catalog *cat, char *err, size_t errlen)
{
	struct cz_cat_template *t = NULL;
	struct cz_cat_item *it;
	const struct cz_cat_food *f;
	PGresult *r = NULL;
	long fi;
	int n, row, end, id, slot, ret = -1;

	if ((r = query(c, sql_templates, err, errlen)) == NULL)
		goto err;
	n = PQntuples(r);
	if (n == 0) {
		seterr(err, errlen, "the catalog has no meal templates");
		goto err;
	}
	/* At most one template per row. */
	if ((cat->templates = calloc((size_t)n, sizeof(*cat->templates))) ==
	    NULL) {
		seterr(err, errlen, "out of memory");
		goto err;
	}
	for (row = 0; row < n; row++) {
		id = (int)cz_strtonum(PQgetvalue(r, row, 0), 1, 32767, NULL);
		if (t == NULL || t->id != id) {
			t = &cat->templates[cat->ntemplates++];
			t->id = id;
			for (end = row; end < n && (int)cz_strtonum(
			    PQgetvalue(r, end, 0), 1, 32767, NULL) == id; end++)
				continue;
			if ((t->slug = strdup(PQgetvalue(r, row, 1))) == NULL ||
			    (t->name = strdup(PQgetvalue(r, row, 2))) == NULL ||
			    (t->items = calloc((size_t)(end - row),
			    sizeof(*t->items))) == NULL) {
				seterr(err, errlen, "out of memory");
				goto err;
			}
			if ((slot = cz_slot_by_name(PQgetvalue(r, row, 3))) ==
			    -1) {
				seterr(err, errlen, "template %s: unknown slot",
				    t->slug);
				goto err;
			}
			t->slot = (enum cz_slot)slot;
		}
		if ((fi = cz_catalog_food(cat, PQgetvalue(r, row, 4))) == -1) {
			seterr(err, errlen, "template %s: unknown ingredient %s",
			    t->slug, PQgetvalue(r, row, 4));
			goto err;
		}
		f = &cat->foods[fi];
		it = &t->items[t->nitems++];
		it->food = (size_t)fi;
		it->def_g = strtod(PQgetvalue(r, row, 5), NULL);
		it->min_g = fmax(strtod(PQgetvalue(r, row, 6), NULL), f->min_g);
		it->max_g = fmin(strtod(PQgetvalue(r, row, 7), NULL), f->max_g);
		if (it->max_g < it->min_g)
			it->max_g = it->min_g;
		it->def_g = fmin(fmax(it->def_g, it->min_g), it->max_g);
		it->title = PQgetvalue(r, row, 8)[0] == 't';
	}
	for (row = 0; (size_t)row < cat->ntemplates; row++) {
		template_derive(cat, &cat->templates[row]);
		cat->templates[row].recipe =
		    cz_recipe_find(cat->templates[row].slug);
	}
	ret = 0;
err:
	PQclear(r);
	return ret;
}

int
cz_catalog_load(PGconn *c, struct cz_catalog **out, char *err,
    size_t errlen)
{
	struct cz_catalog *cat;

	*out = NULL;
	if ((cat = calloc(1, sizeof(*cat))) == NULL) {
		seterr(err, errlen, "out of memory");
		return -1;
	}
	if (load_foods(c, cat, err, errlen) == -1 ||
	    load_nutrients(c, cat, err, errlen) == -1 ||
	    load_measures(c, cat, err, errlen) == -1 ||
	    load_templates(c, cat, err, errlen) == -1)
		goto err;
	if ((cat->memo = cz_food_memo_new()) == NULL) {
		seterr(err, errlen, "out of memory");
		goto err;
	}
	*out = cat;
	return 0;
err:
	cz_catalog_free(cat);
	return -1;
}

void
cz_catalog_free(struct cz_catalog *cat)
{
	size_t i, k;

	if (cat == NULL)
		return;
	for (i = 0; i < cat->nfoods; i++) {
		free(cat->foods[i].name);
		free(cat->foods[i].label);
		free(cat->foods[i].members);
		for (k = 0; k < cat->foods[i].nmeasures; k++)
			free((char *)(uintptr_t)cat->foods[i].measures[k].name);
		free(cat->foods[i].measures);
	}
	for (i = 0; i < cat->ntemplates; i++) {
		free(cat->templates[i].slug);
		free(cat->templates[i].name);
		free(cat->templates[i].items);
	}
	free(cat->foods);
	free(cat->templates);
	cz_food_memo_free(cat->memo);
	free(cat);
}
