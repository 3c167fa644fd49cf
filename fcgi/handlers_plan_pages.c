/*
 * handlers_plan_pages.c - the meal plan pages: the form that makes a plan
 * (the same request as the API, from form fields), a plan, the list of
 * the account's plans, and the controls of a plan's meals: another dish
 * or day, the whole plan again, the swap page (three dishes to choose
 * from), locks and undo. The work is in plans.c and plan_control.c; the
 * page of a plan is built by plan_view.c.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "labels.h"
#include "numparse.h"
#include "params.h"
#include "energy.h"
#include "energy_view.h"
#include "food_names.h"
#include "plan_answers.h"
#include "plan_control.h"
#include "plan_doc.h"
#include "plan_view.h"
#include "plans.h"
#include "response.h"
#include "validate.h"

/* How many "Foods to leave out" fields the form shows. */
#define EXCLUDED_FIELDS	4

/* Adds the foods of one "Foods to leave out" field to b: NDB numbers
 * separated by commas or blanks (as the form once asked), or one food by
 * its name, resolved through the catalog; a name that names no single
 * food goes to unknown instead, for the form's error. */
static void
add_excluded(struct cz_request *r, const char *value, struct json_object *b,
    struct json_object *unknown)
{
	char *copy, *w, *last, *end, ndb[6];

	if ((copy = cz_arena_strdup(r->arena, value)) == NULL)
		return;
	while (isspace((unsigned char)*copy))
		copy++;
	for (end = copy + strlen(copy); end > copy &&
	    isspace((unsigned char)end[-1]); end--)
		end[-1] = '\0';
	if (*copy == '\0')
		return;
	if (strspn(copy, "0123456789, \t") == strlen(copy)) {
		for (w = strtok_r(copy, ", \t", &last); w != NULL;
		    w = strtok_r(NULL, ", \t", &last))
			json_object_array_add(b, json_object_new_string(w));
		return;
	}
	if (cz_food_resolve(cz_plans_catalog(r), copy, ndb))
		json_object_array_add(b, json_object_new_string(ndb));
	else
		json_object_array_add(unknown, json_object_new_string(copy));
}

/* The form's fields in the JSON shape the API takes. Text that is not an
 * integer stays text, so that validation names it. Foods to leave out that
 * could not be found are listed in *unknown (an array, maybe empty). */
static struct json_object *
form_to_json(struct cz_request *r, struct json_object **unknown)
{
	static const char *const ints[] = { "calories", "days", "seed" };
	static const char *const names[] = { "diet_type", "meal_pattern",
	    "profile" };
	struct json_object *o, *a, *b;
	const struct cz_param *p;
	const char *errstr, *s;
	long long x;
	size_t i, k;

	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1 ||
	    (*unknown = json_object_new_array()) == NULL ||
	    cz_json_own(r->arena, *unknown) == -1)
		return NULL;
	for (k = 0; k < sizeof(ints) / sizeof(ints[0]); k++) {
		if ((s = cz_params_get(&r->form, ints[k])) == NULL || *s == '\0')
			continue;
		x = cz_strtonum(s, LLONG_MIN, LLONG_MAX, &errstr);
		json_object_object_add(o, ints[k], errstr == NULL ?
		    json_object_new_int64(x) : json_object_new_string(s));
	}
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if ((s = cz_params_get(&r->form, names[k])) != NULL && *s != '\0')
			json_object_object_add(o, names[k],
			    json_object_new_string(s));
	a = json_object_new_array();
	b = json_object_new_array();
	for (i = 0; i < r->form.n; i++) {
		p = &r->form.v[i];
		if (strcmp(p->name, "restrictions") == 0 && p->value_len > 0)
			json_object_array_add(a, json_object_new_string(p->value));
		if (strcmp(p->name, "excluded_foods") == 0)
			add_excluded(r, p->value, b, *unknown);
	}
	json_object_object_add(o, "restrictions", a);
	json_object_object_add(o, "excluded_foods", b);
	return o;
}

/* A list of {value, label, selected} for a select or checkboxes. */
static struct json_object *
options(const char *(*name)(int), int n, int from, const char *selected,
    struct json_object *checked)
{
	struct json_object *a = json_object_new_array(), *o, *e;
	const char *v;
	char label[64];
	size_t k;
	int i, on;

	for (i = from; i < n; i++) {
		v = name(i);
		snprintf(label, sizeof(label), "%s", cz_label(v));
		label[0] = (char)toupper((unsigned char)label[0]);
		on = selected != NULL && strcmp(selected, v) == 0;
		if (checked != NULL)
			for (k = 0; k < json_object_array_length(checked); k++) {
				e = json_object_array_get_idx(checked, k);
				on |= json_object_is_type(e, json_type_string) &&
				    strcmp(json_object_get_string(e), v) == 0;
			}
		o = json_object_new_object();
		json_object_object_add(o, "value", json_object_new_string(v));
		json_object_object_add(o, "label", json_object_new_string(label));
		json_object_object_add(o, "selected", json_object_new_boolean(on));
		json_object_array_add(a, o);
	}
	return a;
}

static const char *
form_value(struct cz_request *r, const char *name, const char *def)
{
	const char *s = r->form.n > 0 ? cz_params_get(&r->form, name) : NULL;

	return s != NULL ? s : def;
}

static const char *
profile_or_none(int p)
{
	return p == CZ_PROFILE_NONE ? "none" : cz_profile_name(p);
}

/* The "Foods to leave out" fields, {n, value}, with what was sent. */
static struct json_object *
excluded_fields(struct cz_request *r)
{
	struct json_object *a = json_object_new_array(), *o;
	size_t i;
	int n = 0;

	for (i = 0; i < r->form.n && n < EXCLUDED_FIELDS; i++) {
		if (strcmp(r->form.v[i].name, "excluded_foods") != 0)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "n", json_object_new_int(++n));
		json_object_object_add(o, "value",
		    json_object_new_string(r->form.v[i].value));
		json_object_array_add(a, o);
	}
	while (n < EXCLUDED_FIELDS) {
		o = json_object_new_object();
		json_object_object_add(o, "n", json_object_new_int(++n));
		json_object_object_add(o, "value", json_object_new_string(""));
		json_object_array_add(a, o);
	}
	return a;
}

/* The calculator's fields: numbers as sent, choices as {value, label,
 * selected} lists. */
static struct json_object *
calc_fields(struct cz_request *r)
{
	static const char *const act_labels[] = {
		"Little or no exercise",
		"Light: exercise 1-3 days a week",
		"Moderate: 3-5 days a week",
		"Active: 6-7 days a week",
		"Very active: hard exercise and a physical job",
	};
	static const char *const goal_labels[] = {
		"Lose weight (about 0.5 kg a week)",
		"Keep my weight",
		"Gain weight slowly",
	};
	static const char *const sex_labels[] = { "Female", "Male" };
	static const char *const nums[] = { "age", "height_cm", "weight_kg" };
	struct json_object *f = json_object_new_object();
	const char *cur;
	int i, k;
	struct {
		const char	*name, *def;
		const char	*(*value)(int);
		const char *const *labels;
		int		 n;
	} lists[] = {
		{ "sex", "female", cz_sex_name, sex_labels, CZ_SEX__MAX },
		{ "activity", "light", cz_activity_name, act_labels,
		    CZ_ACT__MAX },
		{ "goal", "keep", cz_goal_name, goal_labels, CZ_GOAL__MAX },
	};
	struct json_object *a, *o;

	for (i = 0; i < 3; i++) {
		cur = cz_params_get(&r->query_params, nums[i]);
		json_object_object_add(f, nums[i],
		    json_object_new_string(cur != NULL ? cur : ""));
	}
	for (k = 0; k < 3; k++) {
		cur = cz_params_get(&r->query_params, lists[k].name);
		if (cur == NULL)
			cur = lists[k].def;
		a = json_object_new_array();
		for (i = 0; i < lists[k].n; i++) {
			o = json_object_new_object();
			json_object_object_add(o, "value", json_object_new_string(
			    lists[k].value(i)));
			json_object_object_add(o, "label", json_object_new_string(
			    lists[k].labels[i]));
			if (strcmp(cur, lists[k].value(i)) == 0)
				json_object_object_add(o, "selected",
				    json_object_new_boolean(1));
			json_object_array_add(a, o);
		}
		json_object_object_add(f, lists[k].name, a);
	}
	return f;
}

/*
 * A refusal's suggestions (cz_plans_generate: calories, meal_pattern,
 * seed, text) as one-click forms: {"items": suggestions, "keep": the
 * other fields as typed, {name, value}}, so that each button sends the
 * same request with the suggested target or pattern and the seed it was
 * planned with. NULL when there are none.
 */
static struct json_object *
suggestion_forms(struct cz_request *r, struct json_object *suggestions)
{
	static const char *const kept[] = { "diet_type", "restrictions",
	    "excluded_foods", "profile", "days" };
	struct json_object *o, *keep, *f;
	const struct cz_param *p;
	size_t i, k;

	if (suggestions == NULL || json_object_array_length(suggestions) == 0)
		return NULL;
	o = json_object_new_object();
	keep = json_object_new_array();
	for (i = 0; i < r->form.n; i++) {
		p = &r->form.v[i];
		for (k = 0; k < sizeof(kept) / sizeof(kept[0]); k++) {
			if (strcmp(p->name, kept[k]) != 0 || p->value_len == 0)
				continue;
			f = json_object_new_object();
			json_object_object_add(f, "name",
			    json_object_new_string(p->name));
			json_object_object_add(f, "value",
			    json_object_new_string(p->value));
			json_object_array_add(keep, f);
		}
	}
	json_object_object_add(o, "items", json_object_get(suggestions));
	json_object_object_add(o, "keep", keep);
	return o;
}

/* The form page, with the values sent back and errors when there are,
 * and a refusal's suggestions as buttons (suggestion_forms). */
static int
form_page(struct cz_request *r, int status, struct json_object *in,
    struct json_object *errors, const char *message, struct json_object *calc,
    struct json_object *suggestions)
{
	struct json_object *t;
	const char *calories = form_value(r, "calories", "2000");

	struct json_object *ctx, *f, *checked = NULL;

	if ((ctx = cz_page_ctx(r, "Plan a week")) == NULL)
		return 500;
	if (in != NULL)
		json_object_object_get_ex(in, "restrictions", &checked);
	f = json_object_new_object();
	/* The calculator's answer goes into the calorie field. */
	if (calc != NULL && json_object_object_get_ex(calc, "target_kcal", &t))
		calories = json_object_get_string(t);
	json_object_object_add(f, "calories", json_object_new_string(
	    calories));
	json_object_object_add(f, "days", json_object_new_string(
	    form_value(r, "days", "7")));
	json_object_object_add(f, "seed", json_object_new_string(
	    form_value(r, "seed", "")));
	json_object_object_add(f, "excluded", excluded_fields(r));
	json_object_object_add(f, "food_names", cz_food_names(r));
	json_object_object_add(f, "diets", options(cz_diet_name, CZ_DIET__MAX,
	    0, form_value(r, "diet_type", "standard"), NULL));
	json_object_object_add(f, "patterns", options(cz_pattern_name,
	    CZ_PATTERN__MAX, 0, form_value(r, "meal_pattern", "3_meals"), NULL));
	json_object_object_add(f, "profiles", options(profile_or_none,
	    CZ_PROFILE__MAX, 0, form_value(r, "profile", "none"), NULL));
	json_object_object_add(f, "restrictions", options(cz_restriction_name,
	    CZ_RESTRICTIONS__MAX, 0, NULL, checked));
	json_object_object_add(ctx, "form", f);
	json_object_object_add(ctx, "calc_form", calc_fields(r));
	if (calc != NULL)
		json_object_object_add(ctx, "calc", json_object_get(calc));
	if (errors != NULL)
		json_object_object_add(ctx, "errors", json_object_get(errors));
	if (message != NULL)
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	if ((t = suggestion_forms(r, suggestions)) != NULL)
		json_object_object_add(ctx, "suggest", t);
	return cz_resp_html(r, status, "pages/plan_new", ctx);
}

/* A 303 to location, a place on the page of plan id, after a form. */
static int
see_plan(struct cz_request *r, long long id, const char *location)
{
	if (location == NULL)
		return 500;
	cz_resp_header(r, "Location", "%s", location);
	r->status = 303;
	r->content_type_out = "text/plain; charset=utf-8";
	cz_buf_reset(r->body_out);
	cz_buf_printf(r->body_out, "See /plans/%lld\n", id);
	return CZ_DONE;
}

/* The form again with what was typed, "/plans/new?calories=...": where a
 * signed-out submit (or one before the terms are accepted) comes back to
 * after log-in, so nothing typed is lost. Plain "/plans/new" when it would
 * not fit the 512 bytes a next= may hold once encoded. */
static const char *
typed_back(struct cz_request *r)
{
	static const char *const fields[] = { "calories", "diet_type",
	    "meal_pattern", "restrictions", "excluded_foods", "profile",
	    "days", "seed" };
	const char *s = "/plans/new", *v;
	size_t i, k;
	int first = 1;

	for (i = 0; i < r->form.n; i++)
		for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
			if (strcmp(r->form.v[i].name, fields[k]) != 0 ||
			    r->form.v[i].value[0] == '\0' ||
			    (v = cz_percent_encode(r->arena,
			    r->form.v[i].value)) == NULL)
				continue;
			s = cz_arena_printf(r->arena, "%s%s%s=%s", s,
			    first ? "?" : "&", fields[k], v);
			first = 0;
		}
	return strlen(s) <= 512 ? s : "/plans/new";
}

/* The form; with a query (typed_back), filled in with it. */
int
cz_h_plans_new(struct cz_request *r)
{
	struct json_object *in, *unknown, *calc = NULL;
	int status = 200;

	if (r->query_params.n == 0)
		return form_page(r, 200, NULL, NULL, NULL, NULL, NULL);
	/* The calculator's own small form (GET, calc=1) asks for a target;
	 * its answer fills the calorie field. */
	if (cz_params_get(&r->query_params, "calc") != NULL &&
	    (calc = cz_energy_view(r, &r->query_params, &status)) == NULL)
		return 500;
	r->form = r->query_params;
	if ((in = form_to_json(r, &unknown)) == NULL)
		return 500;
	return form_page(r, status == 200 ? 200 : status, in, NULL, NULL,
	    calc, NULL);
}

/* The form's message for foods it could not find by name. */
static const char *
unknown_names(struct cz_request *r, struct json_object *unknown)
{
	const char *names = NULL;
	size_t i;

	for (i = 0; i < json_object_array_length(unknown); i++)
		names = cz_arena_printf(r->arena, "%s%s\"%s\"",
		    names ? names : "", names ? ", " : "",
		    json_object_get_string(json_object_array_get_idx(unknown,
		    i)));
	return cz_arena_printf(r->arena, "%s: no single food of the planner "
	    "has that name; pick one of the suggestions, or a shorter or "
	    "longer name", names);
}

int
cz_h_plans_create(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	enum cz_plan_result res;
	struct json_object *in, *unknown, *list;
	size_t i, n;
	int rc;

	if ((rc = cz_plan_may_generate(r, typed_back(r))) != CZ_NEXT)
		return rc;
	if ((in = form_to_json(r, &unknown)) == NULL)
		return 500;
	/* A name that names no food goes to the planner as it is, so that
	 * the request is refused with every other field's error too; its
	 * message is then said in the form's words. */
	if ((n = json_object_array_length(unknown)) > 0 &&
	    json_object_object_get_ex(in, "excluded_foods", &list))
		for (i = 0; i < n; i++)
			json_object_array_add(list, json_object_get(
			    json_object_array_get_idx(unknown, i)));
	switch (res = cz_plans_generate(r, in, &o, &p, NULL)) {
	case CZ_PLAN_OK:
		break;
	case CZ_PLAN_QUOTA:
		return cz_plan_refuse_quota(r, &o);
	case CZ_PLAN_INVALID:
		if (n > 0 && o.errors != NULL)
			json_object_object_add(o.errors, "excluded_foods",
			    json_object_new_string(unknown_names(r, unknown)));
		return form_page(r, 400, in, o.errors, "Please correct the "
		    "fields marked below.", NULL, NULL);
	case CZ_PLAN_MEDICAL:
	case CZ_PLAN_INFEASIBLE:
		return form_page(r, 422, in, o.errors, o.message, NULL,
		    res == CZ_PLAN_INFEASIBLE ? o.suggestions : NULL);
	default:
		return cz_plan_status(r, res, &o);
	}
	/* Post/redirect/get: a reload does not make a second plan. */
	return see_plan(r, p.id, cz_arena_printf(r->arena, "/plans/%lld",
	    p.id));
}

/* ?changed=N on a plan's page: the revision a change just made, whose
 * changes the page lists when the plan is still at it. */
static const struct cz_field show_fields[] = {
	{ "changed", CZ_F_INT, 0, 2, INT32_MAX, NULL },
};

int
cz_h_plan_show(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	enum cz_plan_result res;
	struct json_object *ctx, *errors, *changes, *c;
	struct cz_value val[1];
	const char *change;
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	if ((res = cz_plans_load_tree(r, cz_plan_param(r, "id"), &p, &o)) !=
	    CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	if ((ctx = cz_plan_view(r, &p)) == NULL)
		return 500;
	/* A bad ?changed= is only a notice left out, never an error. */
	if (cz_validate_params(r->arena, show_fields, 1, &r->query_params, val,
	    &errors) == 0 && val[0].present && val[0].i == p.revision &&
	    cz_plans_last_changes(r, &p, &changes, &change) == 0 &&
	    (c = json_object_new_object()) != NULL) {
		json_object_object_add(c, "lines", json_object_get(changes));
		json_object_object_add(c, "any", json_object_new_boolean(
		    json_object_array_length(changes) > 0));
		json_object_object_add(c, "change", json_object_new_string(
		    change));
		json_object_object_add(ctx, "changed", c);
	}
	return cz_resp_html(r, 200, "pages/plan", ctx);
}

/* A change the page could not make, told in words: 409 (locked, or the
 * plan changed meanwhile), 422 (the targets cannot be met, or not a dish
 * this meal may take), else by the result. */
static int
change_refused(struct cz_request *r, enum cz_plan_result res,
    const struct cz_plan_refusal *o)
{
	int status = res == CZ_PLAN_CONFLICT ? 409 :
	    res == CZ_PLAN_INFEASIBLE || res == CZ_PLAN_INVALID ? 422 : 0;

	if (status == 0 || o->message == NULL)
		return cz_plan_status(r, res, o);
	r->status = 0;
	cz_resp_error(r, status, o->message);
	r->error_message = o->message;
	return CZ_DONE;
}

/* The fields of the plan page's change forms: the revision the page
 * showed (so that a second click on a stale page is refused, not applied
 * twice) and the dish a swap chooses. */
static const struct cz_field change_fields[] = {
	{ "revision", CZ_F_INT, 0, 1, INT32_MAX, NULL },
	{ "dish", CZ_F_STRING, 0, 1, 128, NULL },
};
enum { CF_REVISION, CF_DISH, CF__N };

/* Reads the change form; CZ_NEXT or an answer (400). */
static int
change_form(struct cz_request *r, struct cz_value *val)
{
	struct json_object *errors;

	if (cz_validate_params(r->arena, change_fields, CF__N, &r->form, val,
	    &errors) == -1) {
		r->error_message = "the form's revision or dish is not valid";
		return 400;
	}
	return CZ_NEXT;
}

/* After a change: the plan's page at its new revision, listing what the
 * change did, at the place given (a meal card, or the list of changes). */
static int
see_changed(struct cz_request *r, long long id, const char *anchor)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;

	if (cz_plans_load(r, id, &p, &o) != CZ_PLAN_OK)
		return see_plan(r, id, cz_arena_printf(r->arena, "/plans/%lld",
		    id));
	return see_plan(r, id, cz_arena_printf(r->arena, "/plans/%lld?"
	    "changed=%lld#%s", id, p.revision, anchor));
}

static const char *
slot_param(struct cz_request *r)
{
	const struct cz_path_param *slot = cz_route_param(&r->match, "slot");

	return slot != NULL ? slot->value : NULL;
}

int
cz_h_plan_regenerate_form(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CF__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), day = cz_plan_param(r, "day");
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT ||
	    (rc = change_form(r, val)) != CZ_NEXT)
		return rc;
	memset(&o, 0, sizeof(o));
	res = cz_plans_regenerate(r, id, day, slot_param(r), 0, 0,
	    val[CF_REVISION].present ? val[CF_REVISION].i : 0, &o);
	if (res != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return see_changed(r, id, cz_arena_printf(r->arena, "day-%lld", day));
}

int
cz_h_plan_regenerate_all_form(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CF__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id");
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT ||
	    (rc = change_form(r, val)) != CZ_NEXT)
		return rc;
	if ((res = cz_plans_regenerate_all(r, id, val[CF_REVISION].present ?
	    val[CF_REVISION].i : 0, &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return see_changed(r, id, "changes");
}

int
cz_h_plan_swap_page(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct json_object *ctx, *alts, *v;
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), day = cz_plan_param(r, "day");
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_alternatives(r, id, day, slot_param(r), &alts,
	    &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	json_object_object_get_ex(alts, "slot_label", &v);
	if ((ctx = cz_page_ctx(r, cz_arena_printf(r->arena, "Swap %s, day %lld",
	    json_object_get_string(v), day))) == NULL)
		return 500;
	json_object_object_add(ctx, "id", json_object_new_int64(id));
	json_object_object_add(ctx, "swap", json_object_get(alts));
	return cz_resp_html(r, 200, "pages/plan_swap", ctx);
}

int
cz_h_plan_swap_form(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CF__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), day = cz_plan_param(r, "day");
	int rc, kept;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT ||
	    (rc = change_form(r, val)) != CZ_NEXT)
		return rc;
	if (!val[CF_DISH].present) {
		r->status = 0;
		cz_resp_error(r, 422, "Choose one of the dishes offered.");
		return CZ_DONE;
	}
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_swap(r, id, day, slot_param(r), val[CF_DISH].s,
	    val[CF_REVISION].present ? val[CF_REVISION].i : 0, &kept, &o)) !=
	    CZ_PLAN_OK)
		return change_refused(r, res, &o);
	/* Kept: back to the meal; else to the list of what changed. */
	return see_changed(r, id, kept ? cz_arena_printf(r->arena,
	    "day-%lld", day) : "changes");
}

int
cz_h_plan_lock_form(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CF__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), day = cz_plan_param(r, "day");
	int rc, changed, lock;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT ||
	    (rc = change_form(r, val)) != CZ_NEXT)
		return rc;
	lock = strcmp(r->match.route->name, "plan_lock_form") == 0;
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_lock(r, id, day, slot_param(r), lock,
	    val[CF_REVISION].present ? val[CF_REVISION].i : 0, &changed,
	    &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return see_plan(r, id, cz_arena_printf(r->arena, "/plans/%lld#day-%lld",
	    id, day));
}

int
cz_h_plan_undo_form(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	struct cz_value val[CF__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id");
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT ||
	    (rc = change_form(r, val)) != CZ_NEXT)
		return rc;
	if ((res = cz_plans_load(r, id, &p, &o)) != CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	/* The revision the page showed is the one undone: a second click
	 * on the same page is a conflict, not a second undo. */
	if ((res = cz_plans_revert(r, id, (val[CF_REVISION].present ?
	    val[CF_REVISION].i : p.revision) - 1, val[CF_REVISION].present ?
	    val[CF_REVISION].i : 0, &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return see_changed(r, id, "changes");
}

static const struct cz_field list_fields[] = {
	{ "before", CZ_F_INT, 0, 1, LLONG_MAX, NULL },
};

int
cz_h_plans_list(struct cz_request *r)
{
	struct json_object *ctx, *errors, *list, *o;
	struct cz_plan_line *l;
	struct cz_value val[1];
	const char *next;
	int i, n, rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	if (cz_validate_params(r->arena, list_fields, 1, &r->query_params, val,
	    &errors) == -1) {
		r->error_message = "before must be a plan number";
		return 400;
	}
	if (cz_plans_list(r, val[0].present ? val[0].i : 0, &l, &n,
	    &next) == -1)
		return cz_db_unavailable(r);
	if ((ctx = cz_page_ctx(r, "Saved plans")) == NULL)
		return 500;
	list = json_object_new_array();
	for (i = 0; i < n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(l[i].id));
		json_object_object_add(o, "created_at",
		    json_object_new_string(l[i].created_at));
		json_object_object_add(o, "diet", json_object_new_string(
		    cz_label(l[i].diet)));
		json_object_object_add(o, "calories",
		    json_object_new_string(l[i].calories));
		json_object_object_add(o, "meal_pattern", json_object_new_string(
		    cz_label(l[i].meal_pattern)));
		if (*l[i].profile != '\0')
			json_object_object_add(o, "profile",
			    json_object_new_string(cz_label(l[i].profile)));
		json_object_object_add(o, "days",
		    json_object_new_string(l[i].days));
		json_object_array_add(list, o);
	}
	json_object_object_add(ctx, "plans", list);
	if (next != NULL)
		json_object_object_add(ctx, "next_before",
		    json_object_new_string(next));
	if (val[0].present)
		json_object_object_add(ctx, "paged", json_object_new_boolean(1));
	return cz_resp_html(r, 200, "pages/plans", ctx);
}
