/*
 * energy_view.c - the calorie-target calculator for people and programs.
 * See energy_view.h.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <json-c/json.h>

#include "energy.h"
#include "energy_view.h"
#include "jsonbody.h"
#include "numparse.h"
#include "params.h"
#include "request.h"

static const char *const activity_words[] = {
	"little or no exercise", "light exercise 1-3 days a week",
	"moderate exercise 3-5 days a week", "hard exercise 6-7 days a week",
	"hard exercise and a physical job"
};
static const char *const goal_words[] = {
	"to lose about 0.5 kg (1 lb) a week", "to keep your weight",
	"to gain weight slowly (about 0.25 kg a week, with training)"
};

/* Index of value in names(0..n), or -1. */
static int
choice(const char *value, const char *(*name)(int), int n)
{
	int i;

	for (i = 0; value != NULL && i < n; i++)
		if (strcmp(value, name(i)) == 0)
			return i;
	return -1;
}

static struct json_object *
refuse(struct cz_request *r, int *status, int code, const char *field,
    const char *message)
{
	struct json_object *o = json_object_new_object();

	cz_json_own(r->arena, o);
	json_object_object_add(o, "error", json_object_new_string(message));
	json_object_object_add(o, "field", json_object_new_string(field));
	*status = code;
	return o;
}

/* A number of p in [lo, hi]; 0 with *v set, 400 malformed or missing,
 * 422 out of bounds (checked again, with its message, by lib/energy.c). */
static int
number(const struct cz_params *p, const char *name, double *v)
{
	const char *s = cz_params_get(p, name), *errstr;
	long long x;

	if (s == NULL || *s == '\0')
		return 400;
	x = cz_strtonum(s, 0, 1000, &errstr);
	if (errstr != NULL)
		return 400;
	*v = (double)x;
	return 0;
}

struct json_object *
cz_energy_view(struct cz_request *r, const struct cz_params *p, int *status)
{
	static const char *const nums[] = { "age", "height_cm", "weight_kg" };
	struct cz_energy_out out;
	struct cz_energy_in in;
	struct json_object *o, *input, *warn;
	const char *goal = cz_params_get(p, "goal");
	double v[3];
	char err[160];
	int k, s, a, g;

	for (k = 0; k < 3; k++)
		if (number(p, nums[k], &v[k]) != 0)
			return refuse(r, status, 400, nums[k], cz_arena_printf(
			    r->arena, "%s: a whole number is required",
			    nums[k]));
	if ((s = choice(cz_params_get(p, "sex"), cz_sex_name,
	    CZ_SEX__MAX)) == -1)
		return refuse(r, status, 400, "sex", "sex: female or male (the "
		    "equation differs by sex)");
	if ((a = choice(cz_params_get(p, "activity"), cz_activity_name,
	    CZ_ACT__MAX)) == -1)
		return refuse(r, status, 400, "activity", "activity: one of "
		    "sedentary, light, moderate, active, very_active");
	if ((g = choice(goal, cz_goal_name, CZ_GOAL__MAX)) == -1)
		return refuse(r, status, goal != NULL && *goal != '\0' ? 422 :
		    400, "goal", "goal: lose, keep or gain. Cibozer does not "
		    "set targets for medical conditions; if you have one, ask "
		    "your physician or a registered dietitian");
	in.age = (int)v[0];
	in.height_cm = v[1];
	in.weight_kg = v[2];
	in.sex = (enum cz_sex)s;
	in.activity = (enum cz_activity)a;
	in.goal = (enum cz_goal)g;
	if (cz_energy_target(&in, &out, err, sizeof(err)) == -1)
		return refuse(r, status, 422, strncmp(err, "age", 3) == 0 ?
		    "age" : strncmp(err, "height", 6) == 0 ? "height_cm" :
		    "weight_kg", err);

	o = json_object_new_object();
	cz_json_own(r->arena, o);
	input = json_object_new_object();
	json_object_object_add(input, "age", json_object_new_int(in.age));
	json_object_object_add(input, "sex", json_object_new_string(
	    cz_sex_name(s)));
	json_object_object_add(input, "height_cm", json_object_new_int(
	    (int)v[1]));
	json_object_object_add(input, "weight_kg", json_object_new_int(
	    (int)v[2]));
	json_object_object_add(input, "activity", json_object_new_string(
	    cz_activity_name(a)));
	json_object_object_add(input, "goal", json_object_new_string(
	    cz_goal_name(g)));
	json_object_object_add(o, "input", input);
	json_object_object_add(o, "bmr_kcal", json_object_new_int(
	    (int)lround(out.bmr_kcal)));
	json_object_object_add(o, "activity_factor",
	    json_object_new_double(out.factor));
	json_object_object_add(o, "maintenance_kcal", json_object_new_int(
	    (int)lround(out.tdee_kcal)));
	json_object_object_add(o, "goal_change_kcal", json_object_new_int(
	    (int)lround(out.change_kcal)));
	json_object_object_add(o, "target_kcal",
	    json_object_new_int(out.target_kcal));
	json_object_object_add(o, "formula", json_object_new_string(
	    "Mifflin-St Jeor: resting energy = 10 x weight (kg) + 6.25 x "
	    "height (cm) - 5 x age (years), + 5 for men or - 161 for women; "
	    "times the activity factor; plus or minus the goal's change"));
	json_object_object_add(o, "explanation", json_object_new_string(
	    cz_arena_printf(r->arena, "At rest you use about %ld kcal a day "
	    "(Mifflin-St Jeor). With %s (x %.3g) that is about %ld kcal a day "
	    "to keep your weight; %s: %d kcal a day.", lround(out.bmr_kcal),
	    activity_words[a], out.factor, lround(out.tdee_kcal),
	    goal_words[g], out.target_kcal)));
	warn = json_object_new_array();
	if (out.low)
		json_object_array_add(warn, json_object_new_string(cz_arena_printf(
		    r->arena, "%d kcal a day is under %d: eating this little "
		    "should be guided by a physician or a registered dietitian",
		    out.target_kcal, CZ_ENERGY_LOW_KCAL)));
	json_object_array_add(warn, json_object_new_string("An estimate for "
	    "healthy adults, within about 10 % for most people; not medical "
	    "advice. Watch your weight for a few weeks and adjust."));
	json_object_object_add(o, "warnings", warn);
	*status = 200;
	return o;
}
