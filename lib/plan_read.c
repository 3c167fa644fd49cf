/*
 * plan_read.c - reads plan documents into struct cz_plan_doc. See
 * plan_read.h.
 *
 * One walk down the json-c tree. Every reader takes the path of the
 * object it reads ("days[2].meals[0]"), fails with "path.key: what is
 * wrong" through fail(), and allocates only from the reader's arena. The
 * keys of the numbers and of the receipt's lines are tables mapping the
 * document's names to the C type's.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fixed_text.h"
#include "jsonbody.h"
#include "plan_read.h"
#include "plan_request.h"

/* Ranges of the document's numbers, beyond their own limits (shares are
 * percent, 0 to 100). Generous: they tell what is not a plan (negative
 * grams, infinities) from what a writer could make. */
#define ENERGY_MAX	1e5	/* kcal, of a meal, a day or a target */
#define AMOUNT_MAX	1e7	/* any other nutrient amount, in its unit */
#define GRAMS_MAX	1e7	/* of a food, in a meal or to buy */
#define DEVIATION_MAX	1e4	/* percent or points off a target */

#define WHERE_LEN	80	/* "days[6].meals[7].items[47].allergens" */

/* Members' presence, for the readers below. */
enum need {
	OPTIONAL,
	REQUIRED
};

struct reader {
	cz_arena	*a;
	char		*err;
	size_t		 errlen;
};

/* The members of struct cz_plan_doc_totals by enum cz_nutrient. */
static const size_t amount_at[CZ_NUTRIENTS] = {
	[CZ_N_ENERGY] = offsetof(struct cz_plan_doc_totals, energy_kcal),
	[CZ_N_PROTEIN] = offsetof(struct cz_plan_doc_totals, protein_g),
	[CZ_N_FAT] = offsetof(struct cz_plan_doc_totals, fat_g),
	[CZ_N_CARBS] = offsetof(struct cz_plan_doc_totals, carbs_g),
	[CZ_N_FIBER] = offsetof(struct cz_plan_doc_totals, fiber_g),
	[CZ_N_SUGARS] = offsetof(struct cz_plan_doc_totals, sugars_g),
	[CZ_N_SATURATED_FAT] = offsetof(struct cz_plan_doc_totals,
	    saturated_fat_g),
	[CZ_N_CHOLESTEROL] = offsetof(struct cz_plan_doc_totals,
	    cholesterol_mg),
	[CZ_N_SODIUM] = offsetof(struct cz_plan_doc_totals, sodium_mg),
	[CZ_N_POTASSIUM] = offsetof(struct cz_plan_doc_totals, potassium_mg),
	[CZ_N_CALCIUM] = offsetof(struct cz_plan_doc_totals, calcium_mg),
	[CZ_N_IRON] = offsetof(struct cz_plan_doc_totals, iron_mg),
	[CZ_N_MAGNESIUM] = offsetof(struct cz_plan_doc_totals, magnesium_mg),
	[CZ_N_ZINC] = offsetof(struct cz_plan_doc_totals, zinc_mg),
	[CZ_N_VITAMIN_A] = offsetof(struct cz_plan_doc_totals, vitamin_a_iu),
	[CZ_N_VITAMIN_C] = offsetof(struct cz_plan_doc_totals, vitamin_c_mg),
	[CZ_N_VITAMIN_D] = offsetof(struct cz_plan_doc_totals, vitamin_d_iu),
	[CZ_N_VITAMIN_E] = offsetof(struct cz_plan_doc_totals, vitamin_e_mg),
	[CZ_N_VITAMIN_K] = offsetof(struct cz_plan_doc_totals, vitamin_k_ug),
	[CZ_N_VITAMIN_B6] = offsetof(struct cz_plan_doc_totals,
	    vitamin_b6_mg),
	[CZ_N_VITAMIN_B12] = offsetof(struct cz_plan_doc_totals,
	    vitamin_b12_ug),
	[CZ_N_FOLATE] = offsetof(struct cz_plan_doc_totals, folate_ug),
	[CZ_N_OMEGA_3] = offsetof(struct cz_plan_doc_totals, omega_3_g),
};

/* A number member: its key, where it goes, its range and presence. */
struct number_field {
	const char	*key;
	size_t		 at;
	double		 lo, hi;
	enum need	 need;
};

static const struct number_field target_fields[] = {
	{ "energy_kcal", offsetof(struct cz_plan_doc_target, energy_kcal),
	    0, ENERGY_MAX, OPTIONAL },
	{ "protein_pct", offsetof(struct cz_plan_doc_target, protein_pct),
	    0, 100, REQUIRED },
	{ "fat_pct", offsetof(struct cz_plan_doc_target, fat_pct),
	    0, 100, REQUIRED },
	{ "carbs_pct", offsetof(struct cz_plan_doc_target, carbs_pct),
	    0, 100, REQUIRED },
	{ "energy_tolerance_pct", offsetof(struct cz_plan_doc_target,
	    energy_tol_pct), 0, 100, OPTIONAL },
	{ "share_tolerance_points", offsetof(struct cz_plan_doc_target,
	    share_tol_pts), 0, 100, OPTIONAL },
	{ "fiber_min_g", offsetof(struct cz_plan_doc_target, fiber_min_g),
	    0, AMOUNT_MAX, OPTIONAL },
	{ "sodium_max_mg", offsetof(struct cz_plan_doc_target, sodium_max_mg),
	    0, AMOUNT_MAX, OPTIONAL },
	{ "net_carbs_max_g", offsetof(struct cz_plan_doc_target,
	    net_carbs_max_g), 0, AMOUNT_MAX, OPTIONAL },
};

/* The lines of the accuracy receipt: the line's key, its member, the keys
 * of its target (or limit), actual value and deviation (NULL for a
 * limit), the upper bound of the first two, and its presence. */
static const struct receipt_line {
	const char	*key;
	size_t		 at;
	const char	*target, *actual, *deviation;
	double		 hi;
	enum need	 need;
} receipt_lines[] = {
	{ "energy", offsetof(struct cz_plan_doc_receipt, energy_kcal),
	    "target_kcal", "actual_kcal", "deviation_pct", ENERGY_MAX,
	    REQUIRED },
	{ "protein", offsetof(struct cz_plan_doc_receipt, protein_pct),
	    "target_pct", "actual_pct", "deviation_points", 100, REQUIRED },
	{ "fat", offsetof(struct cz_plan_doc_receipt, fat_pct),
	    "target_pct", "actual_pct", "deviation_points", 100, REQUIRED },
	{ "carbs", offsetof(struct cz_plan_doc_receipt, carbs_pct),
	    "target_pct", "actual_pct", "deviation_points", 100, REQUIRED },
	{ "fiber", offsetof(struct cz_plan_doc_receipt, fiber_g),
	    "min_g", "actual_g", NULL, AMOUNT_MAX, OPTIONAL },
	{ "sodium", offsetof(struct cz_plan_doc_receipt, sodium_mg),
	    "max_mg", "actual_mg", NULL, AMOUNT_MAX, REQUIRED },
	{ "net_carbs", offsetof(struct cz_plan_doc_receipt, net_carbs_g),
	    "max_g", "actual_g", NULL, AMOUNT_MAX, OPTIONAL },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------------
 * members
 */

/* Sets r's message to "where.key: " and fmt; returns -1. */
static int fail(struct reader *r, const char *where, const char *key,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
fail(struct reader *r, const char *where, const char *key, const char *fmt,
    ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (key == NULL)
		snprintf(r->err, r->errlen, "%s: %s", where, msg);
	else
		snprintf(r->err, r->errlen, "%s%s%s: %s", where,
		    where[0] != '\0' ? "." : "", key, msg);
	return -1;
}

/*
 * "where.key" or, with an index (i != NO_INDEX), "where.key[i]" into dst
 * (WHERE_LEN bytes), ending in "..." when cut to fit (which the limits
 * rule out). Put together by hand: a document's read builds a few
 * hundred paths, needed only for an error message, and snprintf made
 * them a tenth of a plan page's reading.
 */
#define NO_INDEX	((size_t)-1)
static void
path_of(char *dst, const char *where, const char *key, size_t i)
{
	char num[CZ_UINT_DIGITS_MAX];
	size_t at = 0;

	if ((where[0] == '\0' || (cz_text_put(dst, WHERE_LEN, &at, where,
	    strlen(where)) == 0 && cz_text_put(dst, WHERE_LEN, &at, ".",
	    1) == 0)) && cz_text_put(dst, WHERE_LEN, &at, key,
	    strlen(key)) == 0 && (i == NO_INDEX || (cz_text_put(dst,
	    WHERE_LEN, &at, "[", 1) == 0 && cz_text_put(dst, WHERE_LEN, &at,
	    num, cz_uint_digits(num, i)) == 0 && cz_text_put(dst, WHERE_LEN,
	    &at, "]", 1) == 0))) {
		dst[at] = '\0';
		return;
	}
	/* cut: what fits, then "..." */
	if (i == NO_INDEX)
		snprintf(dst, WHERE_LEN, "%s%s%s", where, where[0] != '\0' ?
		    "." : "", key);
	else
		snprintf(dst, WHERE_LEN, "%s%s%s[%zu]", where,
		    where[0] != '\0' ? "." : "", key, i);
	memcpy(dst + WHERE_LEN - 4, "...", 4);
}

/* "where.key" into dst (WHERE_LEN bytes). */
static void
path(char *dst, const char *where, const char *key)
{
	path_of(dst, where, key, NO_INDEX);
}

/* "where.key[i]" into dst (WHERE_LEN bytes). */
static void
path_at(char *dst, const char *where, const char *key, size_t i)
{
	path_of(dst, where, key, i);
}

/* o[key], or NULL when o is not an object, has no such member, or it is
 * null (null counts as absent). */
static struct json_object *
member(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* *out = o[key], a finite number in [lo, hi]; NAN when absent and
 * optional. */
static int
get_number(struct reader *r, struct json_object *o, const char *where,
    const char *key, double lo, double hi, enum need need, double *out)
{
	struct json_object *v = member(o, key);
	double d;

	*out = NAN;
	if (v == NULL)
		return need == REQUIRED ? fail(r, where, key, "missing") : 0;
	if (!json_object_is_type(v, json_type_double) &&
	    !json_object_is_type(v, json_type_int))
		return fail(r, where, key, "must be a number");
	d = json_object_get_double(v);
	if (!isfinite(d) || d < lo || d > hi)
		return fail(r, where, key, "must be a number from %g to %g",
		    lo, hi);
	*out = d;
	return 0;
}

/* The number members of fields into the struct at base. */
static int
get_numbers(struct reader *r, struct json_object *o, const char *where,
    const struct number_field *fields, size_t n, void *base)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (get_number(r, o, where, fields[i].key, fields[i].lo,
		    fields[i].hi, fields[i].need, (double *)(void *)
		    ((char *)base + fields[i].at)) == -1)
			return -1;
	return 0;
}

/* *out = o[key], a required integer in [lo, hi]. */
static int
get_int(struct reader *r, struct json_object *o, const char *where,
    const char *key, int lo, int hi, int *out)
{
	struct json_object *v = member(o, key);
	int64_t i;

	if (v == NULL)
		return fail(r, where, key, "missing");
	if (!json_object_is_type(v, json_type_int))
		return fail(r, where, key, "must be an integer");
	i = json_object_get_int64(v);
	if (i < lo || i > hi)
		return fail(r, where, key, "must be from %d to %d", lo, hi);
	*out = (int)i;
	return 0;
}

/* *out = o[key] as 1 or 0; -1 when absent and optional. */
static int
get_bool(struct reader *r, struct json_object *o, const char *where,
    const char *key, enum need need, int *out)
{
	struct json_object *v = member(o, key);

	*out = -1;
	if (v == NULL)
		return need == REQUIRED ? fail(r, where, key, "missing") : 0;
	if (!json_object_is_type(v, json_type_boolean))
		return fail(r, where, key, "must be true or false");
	*out = json_object_get_boolean(v) ? 1 : 0;
	return 0;
}

/* *out = a copy of string v in r's arena; a required string must not be
 * empty. */
static int
copy_string(struct reader *r, struct json_object *v, const char *where,
    const char *key, enum need need, const char **out)
{
	const char *s;
	size_t len;

	if (!json_object_is_type(v, json_type_string))
		return fail(r, where, key, "must be a string");
	s = json_object_get_string(v);
	len = (size_t)json_object_get_string_len(v);
	if (need == REQUIRED && len == 0)
		return fail(r, where, key, "must not be empty");
	if (memchr(s, '\0', len) != NULL)
		return fail(r, where, key, "must not hold a NUL character");
	if ((*out = cz_arena_strndup(r->a, s, len)) == NULL)
		return fail(r, where, key, "out of memory");
	return 0;
}

/* *out = o[key], a string (not empty when required); NULL when absent
 * and optional. */
static int
get_string(struct reader *r, struct json_object *o, const char *where,
    const char *key, enum need need, const char **out)
{
	struct json_object *v = member(o, key);

	*out = NULL;
	if (v == NULL)
		return need == REQUIRED ? fail(r, where, key, "missing") : 0;
	return copy_string(r, v, where, key, need, out);
}

/* o[key], a USDA NDB number (5 digits), into ndb; "" when absent and
 * optional. */
static int
get_ndb(struct reader *r, struct json_object *o, const char *where,
    const char *key, enum need need, char ndb[6])
{
	struct json_object *v = member(o, key);
	const char *s;
	int i;

	ndb[0] = '\0';
	if (v == NULL)
		return need == REQUIRED ? fail(r, where, key, "missing") : 0;
	s = json_object_is_type(v, json_type_string) ?
	    json_object_get_string(v) : "";
	for (i = 0; i < 5 && s[i] >= '0' && s[i] <= '9'; i++)
		continue;
	if (i != 5 || s[5] != '\0')
		return fail(r, where, key, "must be a USDA NDB number (5 "
		    "digits)");
	memcpy(ndb, s, 6);
	return 0;
}

/* *out = o[key], an object; NULL when absent and optional. */
static int
get_object(struct reader *r, struct json_object *o, const char *where,
    const char *key, enum need need, struct json_object **out)
{
	struct json_object *v = member(o, key);

	*out = NULL;
	if (v == NULL)
		return need == REQUIRED ? fail(r, where, key, "missing") : 0;
	if (!json_object_is_type(v, json_type_object))
		return fail(r, where, key, "must be an object");
	*out = v;
	return 0;
}

/* *out = o[key], an array of min to max elements (what, for messages);
 * NULL with *n 0 when absent and optional. */
static int
get_array(struct reader *r, struct json_object *o, const char *where,
    const char *key, enum need need, size_t min, size_t max,
    const char *what, struct json_object **out, size_t *n)
{
	struct json_object *v = member(o, key);

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return need == REQUIRED ? fail(r, where, key, "missing, "
		    "want %zu to %zu %s", min, max, what) : 0;
	if (!json_object_is_type(v, json_type_array))
		return fail(r, where, key, "must be an array of %s", what);
	*n = json_object_array_length(v);
	if (*n < min || *n > max)
		return fail(r, where, key, "%zu %s, want %zu to %zu", *n, what,
		    min, max);
	*out = v;
	return 0;
}

/* o[key], an optional array of allergen names, into *mask. */
static int
get_allergens(struct reader *r, struct json_object *o, const char *where,
    const char *key, unsigned int *mask)
{
	struct json_object *a, *e;
	size_t n, i;
	int k;

	*mask = 0;
	if (get_array(r, o, where, key, OPTIONAL, 0, CZ_ALLERGEN__MAX,
	    "allergens", &a, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if (!json_object_is_type(e, json_type_string) ||
		    (k = cz_allergen_by_name(json_object_get_string(e))) == -1)
			return fail(r, where, key, "element %zu is not an "
			    "allergen name", i);
		*mask |= 1u << k;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * parts
 */

/* o[key], nutrient totals into t, of which the first nreq nutrients of
 * enum cz_nutrient are required when the object is there; the shares and
 * net carbs left out are derived from the amounts. */
static int
read_totals(struct reader *r, struct json_object *o, const char *where,
    const char *key, enum need need, int nreq, struct cz_plan_doc_totals *t)
{
	struct json_object *v;
	struct cz_nutrients n;
	char at[WHERE_LEN];
	double pct[3], *want[3];
	int k;

	t->present = 0;
	for (k = 0; k < CZ_NUTRIENTS; k++)
		*(double *)(void *)((char *)t + amount_at[k]) = NAN;
	t->net_carbs_g = t->protein_pct = t->fat_pct = t->carbs_pct = NAN;
	if (get_object(r, o, where, key, need, &v) == -1)
		return -1;
	if (v == NULL)
		return 0;
	path(at, where, key);
	for (k = 0; k < CZ_NUTRIENTS; k++)
		if (get_number(r, v, at, cz_nutrient_info(k)->key, 0,
		    k == CZ_N_ENERGY ? ENERGY_MAX : AMOUNT_MAX, k < nreq ?
		    REQUIRED : OPTIONAL, (double *)(void *)((char *)t +
		    amount_at[k])) == -1)
			return -1;
	if (get_number(r, v, at, "net_carbs", 0, AMOUNT_MAX, OPTIONAL,
	    &t->net_carbs_g) == -1 ||
	    get_number(r, v, at, "protein_pct", 0, 100, OPTIONAL,
	    &t->protein_pct) == -1 ||
	    get_number(r, v, at, "fat_pct", 0, 100, OPTIONAL,
	    &t->fat_pct) == -1 ||
	    get_number(r, v, at, "carbs_pct", 0, 100, OPTIONAL,
	    &t->carbs_pct) == -1)
		return -1;
	if (isnan(t->net_carbs_g) && !isnan(t->carbs_g) && !isnan(t->fiber_g))
		t->net_carbs_g = cz_net_carbs(t->carbs_g, t->fiber_g);
	if (!isnan(t->protein_g) && !isnan(t->fat_g) && !isnan(t->carbs_g)) {
		cz_nutrients_zero(&n);
		n.v[CZ_N_PROTEIN] = t->protein_g;
		n.v[CZ_N_FAT] = t->fat_g;
		n.v[CZ_N_CARBS] = t->carbs_g;
		cz_macro_shares(&n, &pct[0], &pct[1], &pct[2]);
		want[0] = &t->protein_pct;
		want[1] = &t->fat_pct;
		want[2] = &t->carbs_pct;
		for (k = 0; k < 3; k++)
			if (isnan(*want[k]))
				*want[k] = pct[k];
	}
	t->present = 1;
	return 0;
}

/* o["accuracy"], a day's receipt, into rc. */
static int
read_receipt(struct reader *r, struct json_object *o, const char *where,
    struct cz_plan_doc_receipt *rc)
{
	const struct receipt_line *ln;
	struct cz_plan_doc_check *c;
	struct json_object *v, *jl;
	char at[WHERE_LEN], lat[WHERE_LEN];
	size_t i;

	memset(rc, 0, sizeof(*rc));
	if (get_object(r, o, where, "accuracy", OPTIONAL, &v) == -1)
		return -1;
	if (v == NULL)
		return 0;
	path(at, where, "accuracy");
	for (i = 0; i < NELEM(receipt_lines); i++) {
		ln = &receipt_lines[i];
		c = (struct cz_plan_doc_check *)(void *)((char *)rc + ln->at);
		c->target = c->actual = c->deviation = NAN;
		if (get_object(r, v, at, ln->key, ln->need, &jl) == -1)
			return -1;
		if (jl == NULL)
			continue;
		path(lat, at, ln->key);
		if (get_number(r, jl, lat, ln->target, 0, ln->hi, REQUIRED,
		    &c->target) == -1 ||
		    get_number(r, jl, lat, ln->actual, 0, ln->hi, REQUIRED,
		    &c->actual) == -1 ||
		    (ln->deviation != NULL && get_number(r, jl, lat,
		    ln->deviation, -DEVIATION_MAX, DEVIATION_MAX, REQUIRED,
		    &c->deviation) == -1) ||
		    get_bool(r, jl, lat, "ok", REQUIRED, &c->ok) == -1)
			return -1;
		c->present = 1;
	}
	if (get_bool(r, v, at, "all_ok", REQUIRED, &rc->all_ok) == -1)
		return -1;
	rc->present = 1;
	return 0;
}

/* An ingredient of a meal. */
static int
read_item(struct reader *r, struct json_object *o, const char *where,
    struct cz_plan_doc_item *it)
{
	if (!json_object_is_type(o, json_type_object))
		return fail(r, where, NULL, "must be an object");
	if (get_ndb(r, o, where, "ndb", REQUIRED, it->ndb) == -1 ||
	    get_string(r, o, where, "food", REQUIRED, &it->food) == -1 ||
	    get_string(r, o, where, "label", OPTIONAL, &it->label) == -1 ||
	    get_number(r, o, where, "grams", 0, GRAMS_MAX, REQUIRED,
	    &it->grams) == -1 ||
	    get_string(r, o, where, "measure", OPTIONAL, &it->measure) == -1 ||
	    get_allergens(r, o, where, "allergens", &it->allergens) == -1)
		return -1;
	if (!(it->grams > 0))
		return fail(r, where, "grams", "must be more than 0");
	return 0;
}

/* A dish of a day; *day_items counts the ingredients of the day so far. */
static int
read_meal(struct reader *r, struct json_object *o, const char *where,
    struct cz_plan_doc_meal *m, size_t *day_items)
{
	struct json_object *items;
	const char *slot;
	char at[WHERE_LEN];
	size_t i;
	int s;

	if (!json_object_is_type(o, json_type_object))
		return fail(r, where, NULL, "must be an object");
	if (get_string(r, o, where, "slot", REQUIRED, &slot) == -1)
		return -1;
	if ((s = cz_slot_by_name(slot)) == -1)
		return fail(r, where, "slot", "\"%.32s\" is not a meal slot",
		    slot);
	m->slot = (enum cz_slot)s;
	if (get_string(r, o, where, "template", REQUIRED, &m->name) == -1 ||
	    get_string(r, o, where, "slug", OPTIONAL, &m->slug) == -1 ||
	    get_bool(r, o, where, "locked", OPTIONAL, &m->locked) == -1 ||
	    get_array(r, o, where, "items", OPTIONAL, 1, CZ_PLAN_MAX_ITEMS,
	    "ingredients", &items, &m->nitems) == -1)
		return -1;
	m->locked = m->locked == 1;
	if (m->nitems > CZ_PLAN_MAX_ITEMS - *day_items)
		return fail(r, where, "items", "more than %d ingredients in "
		    "the day", CZ_PLAN_MAX_ITEMS);
	*day_items += m->nitems;
	if (m->nitems > 0 && (m->items = cz_arena_calloc(r->a, m->nitems,
	    sizeof(*m->items))) == NULL)
		return fail(r, where, "items", "out of memory");
	for (i = 0; i < m->nitems; i++) {
		path_at(at, where, "items", i);
		if (read_item(r, json_object_array_get_idx(items, i), at,
		    &m->items[i]) == -1)
			return -1;
	}
	if (read_totals(r, o, where, "totals", OPTIONAL, CZ_N_ENERGY + 1,
	    &m->totals) == -1 ||
	    get_allergens(r, o, where, "allergens", &m->allergens) == -1)
		return -1;
	return 0;
}

/* Day d (from 0) of the plan. */
static int
read_day(struct reader *r, struct json_object *o, const char *where,
    int d, struct cz_plan_doc_day *day)
{
	struct json_object *meals;
	char at[WHERE_LEN];
	size_t n, m, nitems = 0;

	if (!json_object_is_type(o, json_type_object))
		return fail(r, where, NULL, "must be an object");
	if (get_int(r, o, where, "day", 1, CZ_PLAN_MAX_DAYS, &day->day) == -1)
		return -1;
	if (day->day != d + 1)
		return fail(r, where, "day", "is %d, want %d", day->day, d + 1);
	if (get_array(r, o, where, "meals", REQUIRED, 1, CZ_PLAN_MAX_MEALS,
	    "meals", &meals, &n) == -1)
		return -1;
	for (m = 0; m < n; m++) {
		path_at(at, where, "meals", m);
		if (read_meal(r, json_object_array_get_idx(meals, m), at,
		    &day->meals[m], &nitems) == -1)
			return -1;
	}
	day->nmeals = (int)n;
	if (read_totals(r, o, where, "totals", REQUIRED, CZ_N_CARBS + 1,
	    &day->totals) == -1 ||
	    read_receipt(r, o, where, &day->accuracy) == -1)
		return -1;
	return 0;
}

/* "request", read as every request is (plan_request.h). */
static int
read_request(struct reader *r, struct json_object *root,
    struct cz_plan_request *req)
{
	struct json_object *o, *errors;
	int seed_given, rc;

	if (get_object(r, root, "", "request", REQUIRED, &o) == -1)
		return -1;
	if (cz_plan_request_read(o, req, &seed_given, &errors) == 0)
		return 0;
	if (errors == NULL)
		return fail(r, "", "request", "out of memory");
	rc = fail(r, "", "request", "is not a valid plan request");
	json_object_object_foreach(errors, key, msg) {
		rc = fail(r, "request", key, "%s", json_object_get_string(msg));
		break;
	}
	json_object_put(errors);
	return rc;
}

/* "allergen_warnings": for each allergen, the dishes with it. */
static int
read_warnings(struct reader *r, struct json_object *root,
    struct cz_plan_doc *doc)
{
	struct cz_plan_doc_warning *w;
	struct json_object *list, *o, *meals;
	const char *name;
	char at[WHERE_LEN], mat[WHERE_LEN];
	size_t i, k;
	int a;

	if (get_array(r, root, "", "allergen_warnings", OPTIONAL, 0,
	    CZ_ALLERGEN__MAX, "warnings", &list, &doc->nwarnings) == -1)
		return -1;
	for (i = 0; i < doc->nwarnings; i++) {
		w = &doc->warnings[i];
		o = json_object_array_get_idx(list, i);
		path_at(at, "", "allergen_warnings", i);
		if (!json_object_is_type(o, json_type_object))
			return fail(r, at, NULL, "must be an object");
		if (get_string(r, o, at, "allergen", REQUIRED, &name) == -1)
			return -1;
		if ((a = cz_allergen_by_name(name)) == -1)
			return fail(r, at, "allergen", "\"%.32s\" is not an "
			    "allergen", name);
		w->allergen = (enum cz_allergen)a;
		if (get_array(r, o, at, "meals", REQUIRED, 0,
		    CZ_PLAN_MAX_DAYS * CZ_PLAN_MAX_MEALS, "dish names",
		    &meals, &w->nmeals) == -1)
			return -1;
		if (w->nmeals > 0 && (w->meals = cz_arena_calloc(r->a,
		    w->nmeals, sizeof(*w->meals))) == NULL)
			return fail(r, at, "meals", "out of memory");
		for (k = 0; k < w->nmeals; k++) {
			path_at(mat, at, "meals", k);
			if (copy_string(r, json_object_array_get_idx(meals, k),
			    mat, NULL, REQUIRED, &w->meals[k]) == -1)
				return -1;
		}
	}
	return 0;
}

/* A line of the shopping list. */
static int
read_shop_item(struct reader *r, struct json_object *o, const char *where,
    struct cz_plan_doc_shop_item *it)
{
	if (!json_object_is_type(o, json_type_object))
		return fail(r, where, NULL, "must be an object");
	if (get_ndb(r, o, where, "ndb", OPTIONAL, it->ndb) == -1 ||
	    get_string(r, o, where, "food", REQUIRED, &it->food) == -1 ||
	    get_number(r, o, where, "grams", 0, GRAMS_MAX, REQUIRED,
	    &it->grams) == -1 ||
	    get_string(r, o, where, "quantity", OPTIONAL, &it->quantity) == -1)
		return -1;
	return 0;
}

/* "shopping_list": groups of lines, CZ_PLAN_MAX_SHOP_ITEMS lines in all
 * at most. */
static int
read_shopping(struct reader *r, struct json_object *root,
    struct cz_plan_doc *doc)
{
	struct cz_plan_doc_shop_group *g;
	struct json_object *list, *o, *items;
	char at[WHERE_LEN], iat[WHERE_LEN];
	size_t i, k;

	if (get_array(r, root, "", "shopping_list", OPTIONAL, 0,
	    CZ_PLAN_MAX_SHOP_ITEMS, "groups", &list, &doc->nshop) == -1)
		return -1;
	if (list == NULL)
		return 0;
	doc->shop_present = 1;
	if (doc->nshop > 0 && (doc->shop = cz_arena_calloc(r->a, doc->nshop,
	    sizeof(*doc->shop))) == NULL)
		return fail(r, "", "shopping_list", "out of memory");
	for (i = 0; i < doc->nshop; i++) {
		g = &doc->shop[i];
		o = json_object_array_get_idx(list, i);
		path_at(at, "", "shopping_list", i);
		if (!json_object_is_type(o, json_type_object))
			return fail(r, at, NULL, "must be an object");
		if (get_string(r, o, at, "group", REQUIRED, &g->name) == -1 ||
		    get_array(r, o, at, "items", REQUIRED, 0,
		    CZ_PLAN_MAX_SHOP_ITEMS, "lines", &items, &g->nitems) == -1)
			return -1;
		if (g->nitems > CZ_PLAN_MAX_SHOP_ITEMS - doc->nshop_items)
			return fail(r, "", "shopping_list", "more than %d lines",
			    CZ_PLAN_MAX_SHOP_ITEMS);
		doc->nshop_items += g->nitems;
		if (g->nitems > 0 && (g->items = cz_arena_calloc(r->a,
		    g->nitems, sizeof(*g->items))) == NULL)
			return fail(r, at, "items", "out of memory");
		for (k = 0; k < g->nitems; k++) {
			path_at(iat, at, "items", k);
			if (read_shop_item(r, json_object_array_get_idx(items,
			    k), iat, &g->items[k]) == -1)
				return -1;
		}
	}
	return 0;
}

static int
read_disclaimers(struct reader *r, struct json_object *root,
    struct cz_plan_doc *doc)
{
	struct json_object *o;

	if (get_object(r, root, "", "disclaimers", OPTIONAL, &o) == -1)
		return -1;
	if (o == NULL)
		return 0;
	if (get_string(r, o, "disclaimers", "medical", OPTIONAL,
	    &doc->disclaimer_medical) == -1 ||
	    get_string(r, o, "disclaimers", "fda", OPTIONAL,
	    &doc->disclaimer_fda) == -1 ||
	    get_string(r, o, "disclaimers", "pregnancy", OPTIONAL,
	    &doc->disclaimer_pregnancy) == -1)
		return -1;
	return 0;
}

/* The advice lines' codes (their texts are for pages, not read here). */
static int
read_advice(struct reader *r, struct json_object *root,
    struct cz_plan_doc *doc)
{
	struct json_object *a;
	char at[WHERE_LEN];
	size_t n, i;

	if (get_array(r, root, "", "advice", OPTIONAL, 0,
	    CZ_PLAN_DOC_MAX_ADVICE, "advice lines", &a, &n) == -1)
		return -1;
	for (i = 0; a != NULL && i < n; i++) {
		path_at(at, "", "advice", i);
		if (get_string(r, json_object_array_get_idx(a, i), at, "code",
		    REQUIRED, &doc->advice[i]) == -1)
			return -1;
	}
	doc->nadvice = a != NULL ? n : 0;
	return 0;
}

/* The whole document into doc (zeroed). */
static int
read_doc(struct reader *r, struct json_object *root, struct cz_plan_doc *doc)
{
	struct json_object *o, *days;
	char at[WHERE_LEN];
	size_t n, d;

	if (!json_object_is_type(root, json_type_object)) {
		snprintf(r->err, r->errlen, "not a plan document: want a JSON "
		    "object with request, target and days");
		return -1;
	}
	if (read_request(r, root, &doc->request) == -1 ||
	    get_object(r, root, "", "target", REQUIRED, &o) == -1 ||
	    get_numbers(r, o, "target", target_fields, NELEM(target_fields),
	    &doc->target) == -1 ||
	    get_array(r, root, "", "days", REQUIRED, 1, CZ_PLAN_MAX_DAYS,
	    "days", &days, &n) == -1)
		return -1;
	for (d = 0; d < n; d++) {
		path_at(at, "", "days", d);
		if (read_day(r, json_object_array_get_idx(days, d), at, (int)d,
		    &doc->days[d]) == -1)
			return -1;
	}
	doc->ndays = (int)n;
	if (doc->ndays != doc->request.days)
		return fail(r, "", "days", "%d, but the request asks for %d",
		    doc->ndays, doc->request.days);
	if (read_totals(r, root, "", "daily_average", OPTIONAL,
	    CZ_N_CARBS + 1, &doc->daily_average) == -1 ||
	    get_bool(r, root, "", "all_targets_met", OPTIONAL,
	    &doc->all_targets_met) == -1 ||
	    get_allergens(r, root, "", "allergens", &doc->allergens) == -1 ||
	    read_warnings(r, root, doc) == -1 ||
	    get_string(r, root, "", "allergen_note", OPTIONAL,
	    &doc->allergen_note) == -1 ||
	    read_shopping(r, root, doc) == -1 ||
	    read_advice(r, root, doc) == -1 ||
	    read_disclaimers(r, root, doc) == -1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * public
 */

int
cz_plan_doc_read(cz_arena *a, struct json_object *root,
    struct cz_plan_doc **out, char *err, size_t errlen)
{
	struct reader r = { a, err, errlen };
	struct cz_plan_doc *doc;

	*out = NULL;
	if ((doc = cz_arena_calloc(a, 1, sizeof(*doc))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (read_doc(&r, root, doc) == -1)
		return -1;
	*out = doc;
	return 0;
}

int
cz_plan_doc_parse(cz_arena *a, const char *text, size_t len,
    struct cz_plan_doc **out, char *err, size_t errlen)
{
	struct json_object *root;
	enum cz_perr e;

	*out = NULL;
	if (len > CZ_PLAN_DOC_MAX_BYTES) {
		snprintf(err, errlen, "larger than %d bytes",
		    CZ_PLAN_DOC_MAX_BYTES);
		return -1;
	}
	if ((e = cz_parse_json(a, text, len, CZ_PLAN_DOC_MAX_DEPTH,
	    &root)) != CZ_P_OK) {
		snprintf(err, errlen, "not valid JSON: %s", cz_perr_str(e));
		return -1;
	}
	return cz_plan_doc_read(a, root, out, err, errlen);
}

double
cz_plan_doc_amount(const struct cz_plan_doc_totals *t, int n)
{
	if (n < 0 || n >= CZ_NUTRIENTS)
		return NAN;
	return *(const double *)(const void *)((const char *)t +
	    amount_at[n]);
}
