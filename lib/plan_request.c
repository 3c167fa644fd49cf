/*
 * plan_request.c - plan requests as JSON: the medical screen, the reader
 * with per-field errors, the canonical form, and meal slot names. See
 * plan_request.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_request.h"

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

enum field {
	F_CALORIES, F_DIET, F_PATTERN, F_RESTRICTIONS, F_EXCLUDED, F_PROFILE,
	F_DAYS, F_SEED, F__MAX
};

static const char *const field_names[F__MAX] = {
	"calories", "diet_type", "meal_pattern", "restrictions",
	"excluded_foods", "profile", "days", "seed"
};

static void
field_error(struct json_object **errors, enum field f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
field_error(struct json_object **errors, enum field f, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (*errors == NULL)
		*errors = json_object_new_object();
	if (*errors == NULL ||
	    json_object_object_get_ex(*errors, field_names[f], NULL))
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	json_object_object_add(*errors, field_names[f],
	    json_object_new_string(msg));
}

/* "a, b, c" of names[0..n) into buf. */
static const char *
choices(char *buf, size_t len, const char *(*name)(int), int n, int from)
{
	size_t used = 0;
	int i, w;

	buf[0] = '\0';
	for (i = from; i < n && used < len; i++) {
		w = snprintf(buf + used, len - used, "%s%s", i > from ? ", " :
		    "", name(i));
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* An integer member within [lo, hi]; -1 with the error recorded. */
static int
read_int(struct json_object *v, enum field f, long long lo, long long hi,
    long long *out, struct json_object **errors)
{
	long long x;

	if (!json_object_is_type(v, json_type_int)) {
		field_error(errors, f, "must be an integer");
		return -1;
	}
	x = json_object_get_int64(v);
	if (x < lo || x > hi) {
		field_error(errors, f, "must be between %lld and %lld", lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

/* A name member looked up with by_name; -1 with the error recorded. */
static int
read_name(struct json_object *v, enum field f, int (*by_name)(const char *),
    const char *(*name)(int), int n, int from, struct json_object **errors)
{
	char buf[256];
	int i;

	if (!json_object_is_type(v, json_type_string) ||
	    (i = by_name(json_object_get_string(v))) < from) {
		field_error(errors, f, "must be one of: %s",
		    choices(buf, sizeof(buf), name, n, from));
		return -1;
	}
	return i;
}

static void
read_restrictions(struct json_object *v, struct cz_plan_request *req,
    struct json_object **errors)
{
	char buf[256];
	struct json_object *e;
	size_t i, n;
	int r;

	if (!json_object_is_type(v, json_type_array) ||
	    (n = json_object_array_length(v)) > 2 * CZ_RESTRICTIONS__MAX) {
		field_error(errors, F_RESTRICTIONS, "must be a list of: %s",
		    choices(buf, sizeof(buf), cz_restriction_name,
		    CZ_RESTRICTIONS__MAX, 0));
		return;
	}
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		if (!json_object_is_type(e, json_type_string) ||
		    (r = cz_restriction_by_name(json_object_get_string(e))) ==
		    -1) {
			field_error(errors, F_RESTRICTIONS, "each must be one "
			    "of: %s", choices(buf, sizeof(buf),
			    cz_restriction_name, CZ_RESTRICTIONS__MAX, 0));
			return;
		}
		req->restrictions |= 1u << r;
	}
}

static int
is_ndb(const char *s)
{
	int i;

	for (i = 0; i < 5; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return s[5] == '\0';
}

static void
read_excluded(struct json_object *v, struct cz_plan_request *req,
    struct json_object **errors)
{
	struct json_object *e;
	const char *s;
	size_t i, k, n;

	if (!json_object_is_type(v, json_type_array) ||
	    (n = json_object_array_length(v)) > CZ_PLAN_MAX_EXCLUDED) {
		field_error(errors, F_EXCLUDED, "must be a list of at most %d "
		    "USDA NDB numbers", CZ_PLAN_MAX_EXCLUDED);
		return;
	}
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(v, i);
		if (!json_object_is_type(e, json_type_string) ||
		    !is_ndb(s = json_object_get_string(e))) {
			field_error(errors, F_EXCLUDED, "each must be a 5-digit "
			    "USDA NDB number such as \"09040\"");
			return;
		}
		for (k = 0; k < req->nexcluded; k++)
			if (strcmp(req->excluded[k], s) == 0)
				break;
		if (k == req->nexcluded)
			memcpy(req->excluded[req->nexcluded++], s, 6);
	}
}

static int
profile_by_name(const char *s)
{
	return strcmp(s, "none") == 0 ? CZ_PROFILE_NONE :
	    cz_profile_by_name(s);
}

static const char *
profile_name(int p)
{
	return p == CZ_PROFILE_NONE ? "none" : cz_profile_name(p);
}

static const char *
diet_name(int d)
{
	return cz_diet_name(d);
}

static const char *
pattern_name(int p)
{
	return cz_pattern_name(p);
}

int
cz_plan_request_read(struct json_object *obj, struct cz_plan_request *req,
    int *seed_given, struct json_object **errors)
{
	long long x;
	int f, i, have_calories = 0;

	memset(req, 0, sizeof(*req));
	req->diet = CZ_DIET_STANDARD;
	req->pattern = CZ_PATTERN_3_MEALS;
	req->profile = CZ_PROFILE_NONE;
	req->days = CZ_PLAN_MAX_DAYS;
	*seed_given = 0;
	*errors = NULL;
	if (!json_object_is_type(obj, json_type_object)) {
		if ((*errors = json_object_new_object()) != NULL)
			json_object_object_add(*errors, "body",
			    json_object_new_string("must be a JSON object"));
		return -1;
	}
	json_object_object_foreach(obj, key, v) {
		for (f = 0; f < F__MAX && strcmp(key, field_names[f]) != 0; f++)
			continue;
		if (f == F__MAX) {
			if (*errors == NULL)
				*errors = json_object_new_object();
			if (*errors != NULL && strlen(key) <= 64)
				json_object_object_add(*errors, key,
				    json_object_new_string("is not a known "
				    "field"));
			else if (*errors != NULL)
				json_object_object_add(*errors, "body",
				    json_object_new_string("has an unknown "
				    "field"));
			continue;
		}
		if (v == NULL)		/* null: as if absent */
			continue;
		switch ((enum field)f) {
		case F_CALORIES:
			if (read_int(v, F_CALORIES, CZ_PLAN_MIN_KCAL,
			    CZ_PLAN_MAX_KCAL, &x, errors) == 0) {
				req->calories = (int)x;
				have_calories = 1;
			}
			break;
		case F_DIET:
			if ((i = read_name(v, F_DIET, cz_diet_by_name,
			    diet_name, CZ_DIET__MAX, 0, errors)) >= 0)
				req->diet = (enum cz_diet)i;
			break;
		case F_PATTERN:
			if ((i = read_name(v, F_PATTERN, cz_pattern_by_name,
			    pattern_name, CZ_PATTERN__MAX, 0, errors)) >= 0)
				req->pattern = (enum cz_pattern)i;
			break;
		case F_RESTRICTIONS:
			read_restrictions(v, req, errors);
			break;
		case F_EXCLUDED:
			read_excluded(v, req, errors);
			break;
		case F_PROFILE:
			if ((i = read_name(v, F_PROFILE, profile_by_name,
			    profile_name, CZ_PROFILE__MAX, 0, errors)) >= 0)
				req->profile = (enum cz_profile)i;
			break;
		case F_DAYS:
			if (read_int(v, F_DAYS, 1, CZ_PLAN_MAX_DAYS, &x,
			    errors) == 0)
				req->days = (int)x;
			break;
		case F_SEED:
			if (read_int(v, F_SEED, 0, CZ_PLAN_MAX_SEED, &x,
			    errors) == 0) {
				req->seed = (uint64_t)x;
				*seed_given = 1;
			}
			break;
		default:
			break;
		}
	}
	if (!have_calories && (*errors == NULL ||
	    !json_object_object_get_ex(*errors, "calories", NULL)))
		field_error(errors, F_CALORIES, "is required (%d to %d)",
		    CZ_PLAN_MIN_KCAL, CZ_PLAN_MAX_KCAL);
	return *errors == NULL ? 0 : -1;
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
