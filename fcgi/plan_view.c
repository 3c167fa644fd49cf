/*
 * plan_view.c - a stored plan as the plan page shows it: the document
 * with labels for codes, allergen texts, numbered meals and nutrient
 * tables, in the page's context. See plan_view.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "labels.h"
#include "nutrition.h"
#include "plan_view.h"
#include "response.h"

/* The labels (labels.h) of the codes in array a joined with ", "
 * (allocated from the arena), or NULL when a is not a non-empty array. */
static const char *
joined(struct cz_request *r, struct json_object *a)
{
	const char *s = NULL, *e;
	size_t i, n;

	if (!json_object_is_type(a, json_type_array) ||
	    (n = json_object_array_length(a)) == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		e = cz_label(json_object_get_string(
		    json_object_array_get_idx(a, i)));
		s = s == NULL ? cz_arena_strdup(r->arena, e) :
		    cz_arena_printf(r->arena, "%s, %s", s, e);
	}
	return s;
}

/* Adds allergens_text to every ingredient that has allergens. */
static void
label_allergens(struct cz_request *r, struct json_object *meal)
{
	struct json_object *items, *it, *a;
	const char *s;
	size_t i;

	if (!json_object_object_get_ex(meal, "items", &items))
		return;
	for (i = 0; i < json_object_array_length(items); i++) {
		it = json_object_array_get_idx(items, i);
		if (json_object_object_get_ex(it, "allergens", &a) &&
		    (s = joined(r, a)) != NULL)
			json_object_object_add(it, "allergens_text",
			    json_object_new_string(s));
	}
}

/* Adds allergen_label to an allergen warning {allergen, meals}. */
static void
label_warning(struct json_object *w)
{
	struct json_object *a;

	if (json_object_object_get_ex(w, "allergen", &a) &&
	    json_object_is_type(a, json_type_string))
		json_object_object_add(w, "allergen_label",
		    json_object_new_string(cz_label(json_object_get_string(a))));
}

/* "Vitamin B12", "µg", "2.4" rows of the full nutrient table. */
static struct json_object *
nutrient_rows(struct json_object *totals)
{
	const struct cz_nutrient_info *ni;
	struct json_object *a = json_object_new_array(), *row, *v;
	int k;

	for (k = 0; k < CZ_NUTRIENTS; k++) {
		ni = cz_nutrient_info(k);
		if (!json_object_object_get_ex(totals, ni->key, &v))
			continue;
		row = json_object_new_object();
		json_object_object_add(row, "label",
		    json_object_new_string(ni->label));
		json_object_object_add(row, "unit", json_object_new_string(ni->unit));
		json_object_object_add(row, "value", json_object_get(v));
		json_object_array_add(a, row);
	}
	return a;
}

struct json_object *
cz_plan_view(struct cz_request *r, const struct cz_stored_plan *p)
{
	struct json_object *ctx, *doc = NULL, *days, *d, *tot, *req, *v, *meals;
	const char *diet = "", *pattern = "", *restrictions = NULL;
	const char *profile = NULL;
	size_t i, k, n;
	int kcal = 0, ndays = 0;

	if (cz_parse_json(r->arena, p->document, p->document_len,
	    CZ_JSON_MAX_DEPTH, &doc) != CZ_P_OK)
		return NULL;
	if (json_object_object_get_ex(doc, "request", &req)) {
		if (json_object_object_get_ex(req, "calories", &v))
			kcal = json_object_get_int(v);
		if (json_object_object_get_ex(req, "days", &v))
			ndays = json_object_get_int(v);
		if (json_object_object_get_ex(req, "diet_type", &v))
			diet = json_object_get_string(v);
		if (json_object_object_get_ex(req, "meal_pattern", &v))
			pattern = json_object_get_string(v);
		if (json_object_object_get_ex(req, "restrictions", &v))
			restrictions = joined(r, v);
		if (json_object_object_get_ex(req, "profile", &v) &&
		    json_object_is_type(v, json_type_string))
			profile = cz_label(json_object_get_string(v));
	}
	if (json_object_object_get_ex(doc, "allergen_warnings", &v))
		for (i = 0; i < json_object_array_length(v); i++)
			label_warning(json_object_array_get_idx(v, i));
	ctx = cz_page_ctx(r, cz_arena_printf(r->arena, "%d-day %s plan, %d "
	    "kcal a day", ndays, diet, kcal));
	if (ctx == NULL)
		return NULL;
	json_object_object_add(ctx, "id", json_object_new_int64(p->id));
	json_object_object_add(ctx, "created_at",
	    json_object_new_string(p->created_at));
	json_object_object_add(ctx, "revision",
	    json_object_new_string(p->revision_text));
	json_object_object_add(ctx, "generation_ms",
	    json_object_new_string(p->generation_ms));
	json_object_object_add(ctx, "pattern_label", json_object_new_string(
	    cz_label(pattern)));
	if (restrictions != NULL)
		json_object_object_add(ctx, "restrictions_text",
		    json_object_new_string(restrictions));
	if (profile != NULL)
		json_object_object_add(ctx, "profile_label",
		    json_object_new_string(profile));
	if (json_object_object_get_ex(doc, "days", &days)) {
		n = json_object_array_length(days);
		for (i = 0; i < n; i++) {
			d = json_object_array_get_idx(days, i);
			if (json_object_object_get_ex(d, "totals", &tot))
				json_object_object_add(d, "nutrient_rows",
				    nutrient_rows(tot));
			if (!json_object_object_get_ex(d, "meals", &meals))
				continue;
			for (k = 0; k < json_object_array_length(meals); k++) {
				json_object_object_add(json_object_array_get_idx(
				    meals, k), "n", json_object_new_int(
				    (int)k + 1));
				label_allergens(r, json_object_array_get_idx(
				    meals, k));
			}
		}
	}
	if (json_object_object_get_ex(doc, "daily_average", &tot))
		json_object_object_add(ctx, "average_rows", nutrient_rows(tot));
	json_object_object_add(ctx, "plan", json_object_get(doc));
	json_object_object_add(ctx, "platforms", cz_video_platforms());
	return ctx;
}
