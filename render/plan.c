/*
 * plan.c - reads a plan document into struct cz_render_plan (plan.h).
 * Every value is type- and range-checked; a missing or malformed key is an
 * error that names it. When the plan carries no shopping_list, one is
 * built by summing the grams of each food over the week.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "plan.h"

#define PLAN_MAX_BYTES	(8 * 1024 * 1024)

/* Copies a string into dst (size n), cut at a UTF-8 boundary if longer. */
static void
copy_str(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);

	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static json_object *
member(json_object *o, const char *key, json_type type)
{
	json_object *v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	if (type == json_type_double) {
		if (json_object_is_type(v, json_type_double) ||
		    json_object_is_type(v, json_type_int))
			return v;
		return NULL;
	}
	return json_object_is_type(v, type) ? v : NULL;
}

/* *out = o[key], a finite number in [lo, hi]. */
static int
get_num(json_object *o, const char *key, double lo, double hi, double *out)
{
	json_object *v = member(o, key, json_type_double);
	double d;

	if (v == NULL)
		return -1;
	d = json_object_get_double(v);
	if (!isfinite(d) || d < lo || d > hi)
		return -1;
	*out = d;
	return 0;
}

static int
get_str(json_object *o, const char *key, char *dst, size_t n)
{
	json_object *v = member(o, key, json_type_string);

	if (v == NULL || json_object_get_string_len(v) == 0)
		return -1;
	copy_str(dst, n, json_object_get_string(v));
	return 0;
}

static void
format_grams(char *dst, size_t n, double g)
{
	if (g >= 1000)
		snprintf(dst, n, "%.1f kg", g / 1000.0);
	else
		snprintf(dst, n, "%.0f g", g);
}

static int
by_grams_desc(const void *a, const void *b)
{
	const struct cz_render_shop_item *x = a, *y = b;

	if (x->grams != y->grams)
		return x->grams < y->grams ? 1 : -1;
	return strcmp(x->food, y->food);
}

/* The shopping card's items from the plan's shopping_list. */
static int
shop_from_list(json_object *list, struct cz_render_plan *p, char *err,
    size_t errlen)
{
	size_t g, i;

	for (g = 0; g < json_object_array_length(list); g++) {
		json_object *grp = json_object_array_get_idx(list, g), *items;
		char gname[48];

		if (get_str(grp, "group", gname, sizeof(gname)) != 0 ||
		    (items = member(grp, "items", json_type_array)) == NULL) {
			snprintf(err, errlen, "shopping_list[%zu]: needs a group "
			    "name and an items array", g);
			return -1;
		}
		for (i = 0; i < json_object_array_length(items); i++) {
			json_object *it = json_object_array_get_idx(items, i), *q;
			struct cz_render_shop_item *s;

			if (p->nshop == CZ_RENDER_MAX_SHOP) {
				p->shop_more++;
				continue;
			}
			s = &p->shop[p->nshop];
			memset(s, 0, sizeof(*s));
			copy_str(s->group, sizeof(s->group), gname);
			if (get_str(it, "food", s->food, sizeof(s->food)) != 0 ||
			    get_num(it, "grams", 0, 1e7, &s->grams) != 0) {
				snprintf(err, errlen, "shopping_list[%zu].items[%zu]: "
				    "needs food and grams", g, i);
				return -1;
			}
			if ((q = member(it, "quantity", json_type_string)) != NULL &&
			    json_object_get_string_len(q) > 0)
				copy_str(s->quantity, sizeof(s->quantity),
				    json_object_get_string(q));
			else
				format_grams(s->quantity, sizeof(s->quantity), s->grams);
			p->nshop++;
		}
	}
	return 0;
}

/* The shopping card's items summed from the meals' items by food. */
static void
shop_from_items(json_object *days, struct cz_render_plan *p)
{
	size_t d, m, i;
	int k;

	for (d = 0; d < json_object_array_length(days); d++) {
		json_object *meals = member(json_object_array_get_idx(days, d),
		    "meals", json_type_array);

		for (m = 0; meals != NULL && m < json_object_array_length(meals); m++) {
			json_object *items = member(json_object_array_get_idx(meals, m),
			    "items", json_type_array);

			for (i = 0; items != NULL && i < json_object_array_length(items); i++) {
				json_object *it = json_object_array_get_idx(items, i);
				char food[CZ_RENDER_NAME_MAX];
				double grams;

				if (get_str(it, "food", food, sizeof(food)) != 0 ||
				    get_num(it, "grams", 0, 1e7, &grams) != 0)
					continue;
				for (k = 0; k < p->nshop; k++)
					if (strcmp(p->shop[k].food, food) == 0)
						break;
				if (k == p->nshop) {
					if (p->nshop == CZ_RENDER_MAX_SHOP) {
						p->shop_more++;
						continue;
					}
					memset(&p->shop[k], 0, sizeof(p->shop[k]));
					copy_str(p->shop[k].group, sizeof(p->shop[k].group),
					    "Shopping list");
					memcpy(p->shop[k].food, food, sizeof(food));
					p->nshop++;
				}
				p->shop[k].grams += grams;
			}
		}
	}
	qsort(p->shop, (size_t)p->nshop, sizeof(p->shop[0]), by_grams_desc);
	for (k = 0; k < p->nshop; k++)
		format_grams(p->shop[k].quantity, sizeof(p->shop[k].quantity),
		    p->shop[k].grams);
}

static int
parse_day(json_object *jd, size_t d, struct cz_render_day *day, char *err,
    size_t errlen)
{
	json_object *meals, *tot;
	double v, kcal;
	size_t m;

	memset(day, 0, sizeof(*day));
	if (get_num(jd, "day", 1, 366, &v) != 0) {
		snprintf(err, errlen, "days[%zu].day: missing or not a day number", d);
		return -1;
	}
	day->day = (int)v;
	meals = member(jd, "meals", json_type_array);
	if (meals == NULL || json_object_array_length(meals) < 1 ||
	    json_object_array_length(meals) > CZ_RENDER_MAX_MEALS) {
		snprintf(err, errlen, "days[%zu].meals: missing, empty or more "
		    "than %d meals", d, CZ_RENDER_MAX_MEALS);
		return -1;
	}
	for (m = 0; m < json_object_array_length(meals); m++) {
		json_object *jm = json_object_array_get_idx(meals, m);
		struct cz_render_meal *ml = &day->meals[m];

		if (get_str(jm, "slot", ml->slot, sizeof(ml->slot)) != 0 ||
		    get_str(jm, "template", ml->name, sizeof(ml->name)) != 0) {
			snprintf(err, errlen, "days[%zu].meals[%zu]: needs slot and "
			    "template strings", d, m);
			return -1;
		}
		ml->kcal = -1;
		if (get_num(member(jm, "totals", json_type_object), "energy", 0,
		    1e5, &kcal) == 0)
			ml->kcal = kcal;
	}
	day->nmeals = (int)m;
	tot = member(jd, "totals", json_type_object);
	if (get_num(tot, "energy", 0, 1e5, &day->energy) != 0 ||
	    get_num(tot, "protein", 0, 1e4, &day->protein) != 0 ||
	    get_num(tot, "fat", 0, 1e4, &day->fat) != 0 ||
	    get_num(tot, "carbs", 0, 1e4, &day->carbs) != 0) {
		snprintf(err, errlen, "days[%zu].totals: needs energy, protein, "
		    "fat and carbs numbers", d);
		return -1;
	}
	/* Shares of energy at 4/9/4 kcal per gram when the plan has none. */
	v = day->protein * 4 + day->fat * 9 + day->carbs * 4;
	if (get_num(tot, "protein_pct", 0, 100, &day->protein_pct) != 0)
		day->protein_pct = v > 0 ? 100 * day->protein * 4 / v : 0;
	if (get_num(tot, "fat_pct", 0, 100, &day->fat_pct) != 0)
		day->fat_pct = v > 0 ? 100 * day->fat * 9 / v : 0;
	if (get_num(tot, "carbs_pct", 0, 100, &day->carbs_pct) != 0)
		day->carbs_pct = v > 0 ? 100 * day->carbs * 4 / v : 0;
	return 0;
}

int
cz_render_plan_parse(const char *json, struct cz_render_plan *p, char *err,
    size_t errlen)
{
	json_tokener *tok = NULL;
	json_object *root = NULL, *req, *target, *days, *shop;
	enum json_tokener_error jerr;
	double v;
	size_t d, len = strlen(json);
	int rc = -1;

	memset(p, 0, sizeof(*p));
	if ((tok = json_tokener_new()) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	root = json_tokener_parse_ex(tok, json, (int)len);
	jerr = json_tokener_get_error(tok);
	if (root == NULL || jerr != json_tokener_success) {
		snprintf(err, errlen, "not valid JSON: %s",
		    jerr == json_tokener_continue ? "unexpected end of input" :
		    json_tokener_error_desc(jerr));
		goto err;
	}
	if (json_tokener_get_parse_end(tok) < len &&
	    json[json_tokener_get_parse_end(tok) +
	    strspn(json + json_tokener_get_parse_end(tok), " \t\r\n")] != '\0') {
		snprintf(err, errlen, "not valid JSON: text after the document");
		goto err;
	}
	req = member(root, "request", json_type_object);
	if (req == NULL || get_str(req, "diet_type", p->diet, sizeof(p->diet)) != 0 ||
	    get_num(req, "calories", 1, 100000, &v) != 0) {
		snprintf(err, errlen, "request: needs diet_type and calories");
		goto err;
	}
	p->calories = (int)lround(v);
	if (get_str(req, "meal_pattern", p->pattern, sizeof(p->pattern)) != 0)
		p->pattern[0] = '\0';
	target = member(root, "target", json_type_object);
	if (get_num(target, "protein_pct", 0, 100, &p->protein_pct) != 0 ||
	    get_num(target, "fat_pct", 0, 100, &p->fat_pct) != 0 ||
	    get_num(target, "carbs_pct", 0, 100, &p->carbs_pct) != 0) {
		snprintf(err, errlen, "target: needs protein_pct, fat_pct and "
		    "carbs_pct");
		goto err;
	}
	days = member(root, "days", json_type_array);
	if (days == NULL || json_object_array_length(days) < 1 ||
	    json_object_array_length(days) > CZ_RENDER_MAX_DAYS) {
		snprintf(err, errlen, "days: missing, empty or more than %d days",
		    CZ_RENDER_MAX_DAYS);
		goto err;
	}
	for (d = 0; d < json_object_array_length(days); d++)
		if (parse_day(json_object_array_get_idx(days, d), d, &p->days[d],
		    err, errlen) != 0)
			goto err;
	p->ndays = (int)d;
	if ((shop = member(root, "shopping_list", json_type_array)) != NULL) {
		if (shop_from_list(shop, p, err, errlen) != 0)
			goto err;
	} else
		shop_from_items(days, p);
	rc = 0;
err:
	json_object_put(root);
	if (tok != NULL)
		json_tokener_free(tok);
	return rc;
}

int
cz_render_plan_load(const char *path, struct cz_render_plan *p, char *err,
    size_t errlen)
{
	FILE *fp;
	char *buf = NULL;
	size_t n;
	int rc = -1;

	if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "cannot read the plan %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if ((buf = malloc(PLAN_MAX_BYTES + 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	n = fread(buf, 1, PLAN_MAX_BYTES + 1, fp);
	if (ferror(fp)) {
		snprintf(err, errlen, "cannot read the plan %s: %s", path,
		    strerror(errno));
		goto err;
	}
	if (n > PLAN_MAX_BYTES) {
		snprintf(err, errlen, "the plan %s is larger than %d bytes", path,
		    PLAN_MAX_BYTES);
		goto err;
	}
	buf[n] = '\0';
	if (memchr(buf, '\0', n) != NULL) {
		snprintf(err, errlen, "the plan %s: not valid JSON: NUL byte", path);
		goto err;
	}
	if (cz_render_plan_parse(buf, p, err, errlen) != 0) {
		/* Prefix the file name to the parser's message. */
		char tmp[512];

		snprintf(tmp, sizeof(tmp), "the plan %s: %s", path, err);
		snprintf(err, errlen, "%s", tmp);
		goto err;
	}
	rc = 0;
err:
	free(buf);
	fclose(fp);
	return rc;
}
