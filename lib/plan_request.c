/*
 * plan_request.c - plan requests as JSON: the medical screen, the reader
 * (a cz_field table that validate.c checks and words the errors of), the
 * canonical form, and meal slot names. See plan_request.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "plan_request.h"
#include "validate.h"

/* ------------------------------------------------------------------------
 * medical conditions
 */

/* Fragments of medical conditions, lower-case letters and digits only:
 * values are compared with everything else removed ("High blood-pressure"
 * reads "highbloodpressure"). */
static const struct {
	const char	*fragment;
	const char	*condition;	/* as the message names it */
} medical_terms[] = {
	{ "diabet",		"diabetes" },
	{ "insulin",		"diabetes" },
	{ "hypertens",		"hypertension" },
	{ "bloodpressure",	"hypertension" },
	{ "heartdisease",	"heart disease" },
	{ "heartfailure",	"heart disease" },
	{ "cardiac",		"heart disease" },
	{ "cardiovascular",	"heart disease" },
	{ "kidney",		"kidney disease" },
	{ "renal",		"kidney disease" },
	{ "dialysis",		"kidney disease" },
	{ "ckd",		"kidney disease" },
	{ "liverdisease",	"liver disease" },
	{ "cirrhosis",		"liver disease" },
	{ "cancer",		"cancer" },
	{ "gout",		"gout" },
	{ "pcos",		"PCOS" },
	{ "celiac",		"coeliac disease" },
	{ "coeliac",		"coeliac disease" },
	{ "crohn",		"Crohn's disease" },
	{ "colitis",		"colitis" },
	{ "epilep",		"epilepsy" },
	{ "phenylketon",	"phenylketonuria" },
	{ "anorexi",		"an eating disorder" },
	{ "bulimi",		"an eating disorder" },
	{ "eatingdisorder",	"an eating disorder" },
};

/* Member names that by themselves name a medical condition. */
static const char *const medical_members[] = {
	"condition", "conditions", "medical_condition", "medical_conditions",
	"disease", "diseases", "diagnosis"
};

static const char *
medical_in_text(const char *s)
{
	char norm[256];
	size_t i, n = 0;

	for (; *s != '\0' && n < sizeof(norm) - 1; s++)
		if (isalnum((unsigned char)*s))
			norm[n++] = (char)tolower((unsigned char)*s);
	norm[n] = '\0';
	for (i = 0; i < sizeof(medical_terms) / sizeof(medical_terms[0]); i++)
		if (strstr(norm, medical_terms[i].fragment) != NULL)
			return medical_terms[i].condition;
	return NULL;
}

const char *
cz_plan_medical_term(struct json_object *obj)
{
	const char *t;
	size_t i, k, n;

	if (obj == NULL)
		return NULL;
	switch (json_object_get_type(obj)) {
	case json_type_string:
		return medical_in_text(json_object_get_string(obj));
	case json_type_array:
		n = json_object_array_length(obj);
		for (i = 0; i < n; i++)
			if ((t = cz_plan_medical_term(
			    json_object_array_get_idx(obj, i))) != NULL)
				return t;
		return NULL;
	case json_type_object: {
		json_object_object_foreach(obj, key, val) {
			for (k = 0; k < sizeof(medical_members) /
			    sizeof(medical_members[0]); k++)
				if (strcmp(key, medical_members[k]) == 0 &&
				    val != NULL)
					return (t = cz_plan_medical_term(val)) !=
					    NULL ? t : "a medical condition";
			if ((t = medical_in_text(key)) != NULL ||
			    (t = cz_plan_medical_term(val)) != NULL)
				return t;
		}
		return NULL;
	}
	default:
		return NULL;
	}
}

/* ------------------------------------------------------------------------
 * requests
 */

/* A USDA NDB number: exactly 5 ASCII digits. */
static int
is_ndb(const char *s, size_t len)
{
	size_t i;

	if (len != 5)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The vocabularies, as the planner names them. */
static const struct cz_fspec diets = {
	.name = cz_diet_name, .count = CZ_DIET__MAX
};
static const struct cz_fspec patterns = {
	.name = cz_pattern_name, .count = CZ_PATTERN__MAX
};
static const struct cz_fspec profiles = {	/* "none" is profile 0 */
	.name = cz_profile_name, .count = CZ_PROFILE__MAX
};
static const struct cz_fspec restriction_names = {
	.name = cz_restriction_name, .count = CZ_RESTRICTIONS__MAX
};
static const struct cz_fspec ndb = {
	.accept = is_ndb,
	.what = "a 5-digit USDA NDB number such as \"09040\""
};

/* The elements of the two lists. */
static const struct cz_field restriction = {
	"restrictions", CZ_F_NAME, 0, 0, 0, &restriction_names
};
static const struct cz_field excluded_food = {
	"excluded_foods", CZ_F_STRING, 0, 0, 0, &ndb
};
static const struct cz_fspec restriction_list = { .elem = &restriction };
static const struct cz_fspec excluded_list = {
	.elem = &excluded_food, .what = "USDA NDB numbers"
};

/* The members of a request; any other member is an error. Restrictions
 * may be named twice over, excluded foods up to their limit with repeats:
 * duplicates count once. */
enum field {
	F_CALORIES, F_DIET, F_PATTERN, F_RESTRICTIONS, F_EXCLUDED, F_PROFILE,
	F_DAYS, F_SEED, F__MAX
};

static const struct cz_field fields[F__MAX] = {
	[F_CALORIES] =	{ "calories", CZ_F_INT, 1, CZ_PLAN_MIN_KCAL,
			  CZ_PLAN_MAX_KCAL, NULL },
	[F_DIET] =	{ "diet_type", CZ_F_NAME, 0, 0, 0, &diets },
	[F_PATTERN] =	{ "meal_pattern", CZ_F_NAME, 0, 0, 0, &patterns },
	[F_RESTRICTIONS] = { "restrictions", CZ_F_LIST, 0, 0,
			  2 * CZ_RESTRICTIONS__MAX, &restriction_list },
	[F_EXCLUDED] =	{ "excluded_foods", CZ_F_LIST, 0, 0,
			  CZ_PLAN_MAX_EXCLUDED, &excluded_list },
	[F_PROFILE] =	{ "profile", CZ_F_NAME, 0, 0, 0, &profiles },
	[F_DAYS] =	{ "days", CZ_F_INT, 0, 1, CZ_PLAN_MAX_DAYS, NULL },
	[F_SEED] =	{ "seed", CZ_F_INT, 0, 0, CZ_PLAN_MAX_SEED, NULL },
};

/* Room for the messages of one request; more is taken when needed. */
#define READ_ARENA	1024

/* req from the values of a valid request, over its defaults. */
static void
fill(struct cz_plan_request *req, const struct cz_value *v)
{
	const struct cz_value *e;
	size_t i, k;

	req->calories = (int)v[F_CALORIES].i;
	if (v[F_DIET].present)
		req->diet = (enum cz_diet)v[F_DIET].i;
	if (v[F_PATTERN].present)
		req->pattern = (enum cz_pattern)v[F_PATTERN].i;
	for (i = 0; i < v[F_RESTRICTIONS].nitems; i++)
		req->restrictions |= 1u << v[F_RESTRICTIONS].items[i].i;
	for (i = 0; i < v[F_EXCLUDED].nitems; i++) {
		e = &v[F_EXCLUDED].items[i];
		for (k = 0; k < req->nexcluded; k++)
			if (strcmp(req->excluded[k], e->s) == 0)
				break;
		if (k == req->nexcluded)
			memcpy(req->excluded[req->nexcluded++], e->s,
			    sizeof(req->excluded[0]));
	}
	if (v[F_PROFILE].present)
		req->profile = (enum cz_profile)v[F_PROFILE].i;
	if (v[F_DAYS].present)
		req->days = (int)v[F_DAYS].i;
	if (v[F_SEED].present)
		req->seed = (uint64_t)v[F_SEED].i;
}

int
cz_plan_request_read(struct json_object *obj, struct cz_plan_request *req,
    int *seed_given, struct json_object **errors)
{
	struct cz_value v[F__MAX];
	struct json_object *e;
	cz_arena *a;
	int rc;

	memset(req, 0, sizeof(*req));
	req->diet = CZ_DIET_STANDARD;
	req->pattern = CZ_PATTERN_3_MEALS;
	req->profile = CZ_PROFILE_NONE;
	req->days = CZ_PLAN_MAX_DAYS;
	*seed_given = 0;
	*errors = NULL;
	if ((a = cz_arena_new(READ_ARENA)) == NULL)
		return -1;
	if ((rc = cz_validate_json_closed(a, fields, F__MAX, obj, v,
	    &e)) == 0) {
		fill(req, v);
		*seed_given = v[F_SEED].present;
	} else
		*errors = json_object_get(e);	/* outlives the arena */
	cz_arena_free(a);
	return rc;
}

struct json_object *
cz_plan_request_json(const struct cz_plan_request *req)
{
	struct json_object *o, *a;
	size_t i;
	int k;

	if ((o = json_object_new_object()) == NULL)
		return NULL;
	json_object_object_add(o, "calories", json_object_new_int(req->calories));
	json_object_object_add(o, "diet_type",
	    json_object_new_string(cz_diet_name((int)req->diet)));
	json_object_object_add(o, "meal_pattern",
	    json_object_new_string(cz_pattern_name((int)req->pattern)));
	a = json_object_new_array();
	for (k = 0; k < CZ_RESTRICTIONS__MAX; k++)
		if (req->restrictions & 1u << k)
			json_object_array_add(a,
			    json_object_new_string(cz_restriction_name(k)));
	json_object_object_add(o, "restrictions", a);
	a = json_object_new_array();
	for (i = 0; i < req->nexcluded; i++)
		json_object_array_add(a, json_object_new_string(req->excluded[i]));
	json_object_object_add(o, "excluded_foods", a);
	json_object_object_add(o, "profile", req->profile == CZ_PROFILE_NONE ?
	    NULL : json_object_new_string(cz_profile_name((int)req->profile)));
	json_object_object_add(o, "days", json_object_new_int(req->days));
	json_object_object_add(o, "seed",
	    json_object_new_int64((int64_t)req->seed));
	return o;
}

int
cz_plan_meal_index(const struct cz_plan_request *req, const char *s)
{
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	char name[32];
	const char *dash;
	size_t len;
	int n, i, want = 1, seen = 0, slot;

	n = cz_plan_slots(req, slots);
	if (n == 0 || s == NULL)
		return -1;
	if (s[0] >= '1' && s[0] <= '9' && s[1] == '\0')
		return s[0] - '1' < n ? s[0] - '1' : -1;
	dash = strpbrk(s, "-_");
	len = dash != NULL ? (size_t)(dash - s) : strlen(s);
	if (len == 0 || len >= sizeof(name))
		return -1;
	memcpy(name, s, len);
	name[len] = '\0';
	if (dash != NULL) {
		if (!(dash[1] >= '1' && dash[1] <= '9' && dash[2] == '\0'))
			return -1;
		want = dash[1] - '0';
	}
	if ((slot = cz_slot_by_name(name)) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if ((int)slots[i].slot == slot && ++seen == want)
			return i;
	return -1;
}
