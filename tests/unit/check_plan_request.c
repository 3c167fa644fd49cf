/*
 * check_plan_request.c - unit tests of cz_plan_request_read (lib/plan_request.c)
 * on its cz_field table: every member accepted at and refused one past its
 * bounds, each message word for word, unknown members, the order and
 * ownership of the error object, seed_given, and the canonical form
 * written by cz_plan_request_json, which stored plans depend on byte for
 * byte.
 */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "plan_request.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

#define RESTRICTION_NAMES	"gluten_free, dairy_free, egg_free, " \
	"peanut_free, nut_free, soy_free, fish_free, shellfish_free, " \
	"sesame_free"

/* json-c's value of JSON text s (NULL for null). */
static struct json_object *
parse(const char *s)
{
	struct json_object *o = json_tokener_parse(s);

	ck_assert_msg(o != NULL || strcmp(s, "null") == 0,
	    "does not parse: %s", s);
	return o;
}

/* Reads s, which must be valid, into req. */
static void
read_ok(const char *s, struct cz_plan_request *req, int *given)
{
	struct json_object *o = parse(s), *errors = (struct json_object *)1;

	ck_assert_msg(cz_plan_request_read(o, req, given, &errors) == 0,
	    "%s: refused with %s", s, json_object_to_json_string(errors));
	ck_assert_ptr_null(errors);
	json_object_put(o);
}

/* Reads s, which must be refused, and returns its errors as compact JSON
 * (static storage, overwritten by the next call). */
static const char *
read_errors(const char *s)
{
	static char text[4096];
	struct cz_plan_request req;
	struct json_object *o = parse(s), *errors = NULL;
	int given = -1;

	ck_assert_msg(cz_plan_request_read(o, &req, &given, &errors) == -1,
	    "%s: accepted", s);
	ck_assert_ptr_nonnull(errors);
	ck_assert_int_eq(given, 0);
	snprintf(text, sizeof(text), "%s", json_object_to_json_string_ext(
	    errors, JSON_C_TO_STRING_PLAIN));
	/* The caller owns the object: one put frees it (ASan checks). */
	json_object_put(errors);
	json_object_put(o);
	return text;
}

/* A request with count copies of the JSON value item in member name. */
static char *
with_list(const char *name, const char *item, int count)
{
	size_t len = strlen(name) + (strlen(item) + 2) * (size_t)count + 64;
	char *s = malloc(len), *p;
	int i;

	ck_assert_ptr_nonnull(s);
	p = s + snprintf(s, len, "{\"calories\": 2000, \"%s\": [", name);
	for (i = 0; i < count; i++)
		p += snprintf(p, len - (size_t)(p - s), "%s%s", i > 0 ? ", " :
		    "", item);
	snprintf(p, len - (size_t)(p - s), "]}");
	return s;
}

/* ---- accepted -------------------------------------------------------- */

START_TEST(test_every_member)
{
	struct cz_plan_request req;
	int given;

	read_ok("{\"calories\": 2100, \"diet_type\": \"paleo\", "
	    "\"meal_pattern\": \"5_small_meals\", \"restrictions\": "
	    "[\"egg_free\", \"sesame_free\", \"egg_free\"], \"excluded_foods\": "
	    "[\"09040\", \"01123\", \"09040\"], \"profile\": \"older_adult\", "
	    "\"days\": 4, \"seed\": 9007199254740991}", &req, &given);
	ck_assert_int_eq(req.calories, 2100);
	ck_assert_int_eq(req.diet, CZ_DIET_PALEO);
	ck_assert_int_eq(req.pattern, CZ_PATTERN_5_SMALL_MEALS);
	ck_assert_uint_eq(req.restrictions, 1u << CZ_ALLERGEN_EGG |
	    1u << CZ_ALLERGEN_SESAME);
	ck_assert_uint_eq(req.nexcluded, 2);	/* duplicates once, in order */
	ck_assert_str_eq(req.excluded[0], "09040");
	ck_assert_str_eq(req.excluded[1], "01123");
	ck_assert_int_eq(req.profile, CZ_PROFILE_OLDER_ADULT);
	ck_assert_int_eq(req.days, 4);
	ck_assert_int_eq(given, 1);
	ck_assert_uint_eq(req.seed, 9007199254740991ULL);
}
END_TEST

START_TEST(test_defaults_and_null)
{
	struct cz_plan_request req, want;
	int given;

	memset(&want, 0, sizeof(want));
	want.calories = 800;
	want.diet = CZ_DIET_STANDARD;
	want.pattern = CZ_PATTERN_3_MEALS;
	want.profile = CZ_PROFILE_NONE;
	want.days = CZ_PLAN_MAX_DAYS;
	read_ok("{\"calories\": 800}", &req, &given);
	ck_assert_mem_eq(&req, &want, sizeof(req));
	ck_assert_int_eq(given, 0);
	/* null is absent, for every optional member */
	read_ok("{\"calories\": 800, \"diet_type\": null, \"meal_pattern\": "
	    "null, \"restrictions\": null, \"excluded_foods\": null, "
	    "\"profile\": null, \"days\": null, \"seed\": null}", &req, &given);
	ck_assert_mem_eq(&req, &want, sizeof(req));
	ck_assert_int_eq(given, 0);
	read_ok("{\"calories\": 800, \"restrictions\": [], "
	    "\"excluded_foods\": [], \"profile\": \"none\"}", &req, &given);
	ck_assert_mem_eq(&req, &want, sizeof(req));
	/* A seed of 0 is a seed given. */
	read_ok("{\"seed\": 0, \"calories\": 800}", &req, &given);
	ck_assert_mem_eq(&req, &want, sizeof(req));
	ck_assert_int_eq(given, 1);
}
END_TEST

/* Each vocabulary, every name. */
START_TEST(test_every_name)
{
	struct cz_plan_request req;
	char body[128];
	int given, i;

	for (i = 0; i < CZ_DIET__MAX; i++) {
		snprintf(body, sizeof(body), "{\"calories\": 2000, "
		    "\"diet_type\": \"%s\"}", cz_diet_name(i));
		read_ok(body, &req, &given);
		ck_assert_int_eq(req.diet, i);
	}
	for (i = 0; i < CZ_PATTERN__MAX; i++) {
		snprintf(body, sizeof(body), "{\"calories\": 2000, "
		    "\"meal_pattern\": \"%s\"}", cz_pattern_name(i));
		read_ok(body, &req, &given);
		ck_assert_int_eq(req.pattern, i);
	}
	for (i = 0; i < CZ_PROFILE__MAX; i++) {
		snprintf(body, sizeof(body), "{\"calories\": 2000, "
		    "\"profile\": \"%s\"}", cz_profile_name(i));
		read_ok(body, &req, &given);
		ck_assert_int_eq(req.profile, i);
	}
	for (i = 0; i < CZ_RESTRICTIONS__MAX; i++) {
		snprintf(body, sizeof(body), "{\"calories\": 2000, "
		    "\"restrictions\": [\"%s\"]}", cz_restriction_name(i));
		read_ok(body, &req, &given);
		ck_assert_uint_eq(req.restrictions, 1u << i);
	}
}
END_TEST

START_TEST(test_bounds_accepted)
{
	struct cz_plan_request req;
	char *s, item[16];
	int given, i;

	read_ok("{\"calories\": 5000, \"days\": 1, \"seed\": 0}", &req, &given);
	ck_assert_int_eq(req.calories, 5000);
	ck_assert_int_eq(req.days, 1);
	read_ok("{\"calories\": 800, \"days\": 7}", &req, &given);
	ck_assert_int_eq(req.days, 7);

	/* Restrictions: up to twice the names, duplicates counting once. */
	s = with_list("restrictions", "\"nut_free\"",
	    2 * CZ_RESTRICTIONS__MAX);
	read_ok(s, &req, &given);
	ck_assert_uint_eq(req.restrictions, 1u << CZ_ALLERGEN_TREE_NUT);
	free(s);

	/* Excluded foods: 32 distinct ones, or 32 with repeats. */
	s = malloc(32 * 10 + 64);
	ck_assert_ptr_nonnull(s);
	strcpy(s, "{\"calories\": 2000, \"excluded_foods\": [");
	for (i = 0; i < CZ_PLAN_MAX_EXCLUDED; i++) {
		snprintf(item, sizeof(item), "%s\"%05d\"", i > 0 ? ", " : "",
		    i * 3);
		strcat(s, item);
	}
	strcat(s, "]}");
	read_ok(s, &req, &given);
	ck_assert_uint_eq(req.nexcluded, CZ_PLAN_MAX_EXCLUDED);
	ck_assert_str_eq(req.excluded[0], "00000");
	ck_assert_str_eq(req.excluded[31], "00093");
	free(s);
	s = with_list("excluded_foods", "\"99999\"", CZ_PLAN_MAX_EXCLUDED);
	read_ok(s, &req, &given);
	ck_assert_uint_eq(req.nexcluded, 1);
	free(s);
}
END_TEST

/* ---- refused --------------------------------------------------------- */

/* A body and its whole error object, compact, in order. */
static const struct {
	const char	*json;
	const char	*errors;
} refusals[] = {
	/* calories */
	{ "{}", "{\"calories\":\"is required\"}" },
	{ "{\"calories\": null}", "{\"calories\":\"is required\"}" },
	{ "{\"calories\": 799}",
	    "{\"calories\":\"must be between 800 and 5000\"}" },
	{ "{\"calories\": 5001}",
	    "{\"calories\":\"must be between 800 and 5000\"}" },
	{ "{\"calories\": -9223372036854775808}",
	    "{\"calories\":\"must be between 800 and 5000\"}" },
	{ "{\"calories\": 18446744073709551615}",
	    "{\"calories\":\"must be between 800 and 5000\"}" },
	{ "{\"calories\": 2000.5}", "{\"calories\":\"must be an integer\"}" },
	{ "{\"calories\": 2000.0}", "{\"calories\":\"must be an integer\"}" },
	{ "{\"calories\": \"2000\"}", "{\"calories\":\"must be an integer\"}" },
	{ "{\"calories\": true}", "{\"calories\":\"must be an integer\"}" },
	/* days and seed */
	{ "{\"calories\": 2000, \"days\": 0}",
	    "{\"days\":\"must be between 1 and 7\"}" },
	{ "{\"calories\": 2000, \"days\": 8}",
	    "{\"days\":\"must be between 1 and 7\"}" },
	{ "{\"calories\": 2000, \"days\": \"7\"}",
	    "{\"days\":\"must be an integer\"}" },
	{ "{\"calories\": 2000, \"seed\": -1}",
	    "{\"seed\":\"must be between 0 and 9007199254740991\"}" },
	{ "{\"calories\": 2000, \"seed\": 9007199254740992}",
	    "{\"seed\":\"must be between 0 and 9007199254740991\"}" },
	{ "{\"calories\": 2000, \"seed\": 1e3}",
	    "{\"seed\":\"must be an integer\"}" },
	/* names */
	{ "{\"calories\": 2000, \"diet_type\": \"carnivore\"}",
	    "{\"diet_type\":\"must be one of: standard, vegetarian, vegan, "
	    "keto, paleo, mediterranean\"}" },
	{ "{\"calories\": 2000, \"diet_type\": \"Vegan\"}",
	    "{\"diet_type\":\"must be one of: standard, vegetarian, vegan, "
	    "keto, paleo, mediterranean\"}" },
	{ "{\"calories\": 2000, \"diet_type\": \"\"}",
	    "{\"diet_type\":\"must be one of: standard, vegetarian, vegan, "
	    "keto, paleo, mediterranean\"}" },
	{ "{\"calories\": 2000, \"diet_type\": 1}",
	    "{\"diet_type\":\"must be a string\"}" },
	{ "{\"calories\": 2000, \"meal_pattern\": \"4_meals\"}",
	    "{\"meal_pattern\":\"must be one of: 3_meals, 3_meals_2_snacks, "
	    "5_small_meals, 2_meals, omad\"}" },
	{ "{\"calories\": 2000, \"meal_pattern\": [\"omad\"]}",
	    "{\"meal_pattern\":\"must be a string\"}" },
	{ "{\"calories\": 2000, \"profile\": \"astronaut\"}",
	    "{\"profile\":\"must be one of: none, athlete, older_adult, "
	    "pregnancy\"}" },
	{ "{\"calories\": 2000, \"profile\": false}",
	    "{\"profile\":\"must be a string\"}" },
	/* restrictions */
	{ "{\"calories\": 2000, \"restrictions\": \"nut_free\"}",
	    "{\"restrictions\":\"must be a list of: " RESTRICTION_NAMES "\"}" },
	{ "{\"calories\": 2000, \"restrictions\": {}}",
	    "{\"restrictions\":\"must be a list of: " RESTRICTION_NAMES "\"}" },
	{ "{\"calories\": 2000, \"restrictions\": [\"nut_free\", "
	    "\"meat_free\"]}", "{\"restrictions\":\"each must be one of: "
	    RESTRICTION_NAMES "\"}" },
	{ "{\"calories\": 2000, \"restrictions\": [null]}",
	    "{\"restrictions\":\"each must be a string\"}" },
	{ "{\"calories\": 2000, \"restrictions\": [1]}",
	    "{\"restrictions\":\"each must be a string\"}" },
	/* excluded foods */
	{ "{\"calories\": 2000, \"excluded_foods\": \"09040\"}",
	    "{\"excluded_foods\":\"must be a list of at most 32 USDA NDB "
	    "numbers\"}" },
	{ "{\"calories\": 2000, \"excluded_foods\": [\"9040\"]}",
	    "{\"excluded_foods\":\"each must be a 5-digit USDA NDB number "
	    "such as \\\"09040\\\"\"}" },
	{ "{\"calories\": 2000, \"excluded_foods\": [\"090400\"]}",
	    "{\"excluded_foods\":\"each must be a 5-digit USDA NDB number "
	    "such as \\\"09040\\\"\"}" },
	{ "{\"calories\": 2000, \"excluded_foods\": [\"0904a\"]}",
	    "{\"excluded_foods\":\"each must be a 5-digit USDA NDB number "
	    "such as \\\"09040\\\"\"}" },
	{ "{\"calories\": 2000, \"excluded_foods\": [\"\\uff10\\uff10\\uff10"
	    "\\uff10\\uff10\"]}", "{\"excluded_foods\":\"each must be a "
	    "5-digit USDA NDB number such as \\\"09040\\\"\"}" },
	{ "{\"calories\": 2000, \"excluded_foods\": [\"09040\", 9040]}",
	    "{\"excluded_foods\":\"each must be a string\"}" },
	/* text with a NUL is refused, not read up to the NUL */
	{ "{\"calories\": 2000, \"diet_type\": \"vegan\\u0000x\"}",
	    "{\"diet_type\":\"must be valid UTF-8 text\"}" },
	{ "{\"calories\": 2000, \"excluded_foods\": [\"09040\\u0000\"]}",
	    "{\"excluded_foods\":\"each must be valid UTF-8 text\"}" },
	/* unknown members */
	{ "{\"calories\": 2000, \"colour\": \"red\"}",
	    "{\"colour\":\"is not a known field\"}" },
	{ "{\"calories\": 2000, \"Calories\": 2000}",
	    "{\"Calories\":\"is not a known field\"}" },
	{ "{\"calories\": 2000, \"seeds\": null}",
	    "{\"seeds\":\"is not a known field\"}" },
	{ "{\"calories\": 2000, \"body\": 1}",
	    "{\"body\":\"is not a known field\"}" },
	{ "{\"calories\": 2000, \"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
	    "nnnnnnnnnnnnnnnnnnnnn\": 1}",
	    "{\"body\":\"has an unknown field\"}" },
	/* not an object */
	{ "[1]", "{\"body\":\"must be a JSON object\"}" },
	{ "\"calories\"", "{\"body\":\"must be a JSON object\"}" },
	{ "null", "{\"body\":\"must be a JSON object\"}" },
	/* the body's order, missing required members last */
	{ "{\"colour\": \"red\", \"days\": 9, \"calories\": null, "
	    "\"diet_type\": \"carnivore\"}", "{\"colour\":\"is not a known "
	    "field\",\"days\":\"must be between 1 and 7\",\"diet_type\":\"must "
	    "be one of: standard, vegetarian, vegan, keto, paleo, "
	    "mediterranean\",\"calories\":\"is required\"}" },
	{ "{\"calories\": 700, \"diet_type\": \"carnivore\", \"days\": 9, "
	    "\"restrictions\": [\"meat_free\"], \"colour\": \"red\"}",
	    "{\"calories\":\"must be between 800 and 5000\",\"diet_type\":"
	    "\"must be one of: standard, vegetarian, vegan, keto, paleo, "
	    "mediterranean\",\"days\":\"must be between 1 and 7\","
	    "\"restrictions\":\"each must be one of: " RESTRICTION_NAMES "\","
	    "\"colour\":\"is not a known field\"}" },
};

START_TEST(test_refused)
{
	ck_assert_str_eq(read_errors(refusals[_i].json), refusals[_i].errors);
}
END_TEST

/* The longest unknown name repeated back is 64 bytes. */
START_TEST(test_unknown_name_length)
{
	char name[70], body[128], want[128];

	memset(name, 'x', 64);
	name[64] = '\0';
	snprintf(body, sizeof(body), "{\"calories\": 2000, \"%s\": 1}", name);
	snprintf(want, sizeof(want), "{\"%s\":\"is not a known field\"}", name);
	ck_assert_str_eq(read_errors(body), want);
	strcat(name, "x");
	snprintf(body, sizeof(body), "{\"calories\": 2000, \"%s\": 1}", name);
	ck_assert_str_eq(read_errors(body),
	    "{\"body\":\"has an unknown field\"}");
}
END_TEST

START_TEST(test_list_lengths_refused)
{
	char *s;

	s = with_list("restrictions", "\"nut_free\"",
	    2 * CZ_RESTRICTIONS__MAX + 1);
	ck_assert_str_eq(read_errors(s),
	    "{\"restrictions\":\"must be a list of: " RESTRICTION_NAMES "\"}");
	free(s);
	/* Counted before duplicates are dropped, as before. */
	s = with_list("excluded_foods", "\"09040\"", CZ_PLAN_MAX_EXCLUDED + 1);
	ck_assert_str_eq(read_errors(s), "{\"excluded_foods\":\"must be a list "
	    "of at most 32 USDA NDB numbers\"}");
	free(s);
	/* Too long a list is named before its bad elements. */
	s = with_list("excluded_foods", "1", CZ_PLAN_MAX_EXCLUDED + 1);
	ck_assert_str_eq(read_errors(s), "{\"excluded_foods\":\"must be a list "
	    "of at most 32 USDA NDB numbers\"}");
	free(s);
}
END_TEST

/* A refused request leaves req at its defaults, not half read. */
START_TEST(test_refused_leaves_defaults)
{
	struct cz_plan_request req;
	struct json_object *o, *errors;
	int given;

	o = parse("{\"calories\": 2000, \"diet_type\": \"vegan\", \"seed\": 5, "
	    "\"days\": 0}");
	ck_assert_int_eq(cz_plan_request_read(o, &req, &given, &errors), -1);
	ck_assert_int_eq(given, 0);
	ck_assert_int_eq(req.calories, 0);
	ck_assert_int_eq(req.diet, CZ_DIET_STANDARD);
	ck_assert_uint_eq(req.seed, 0);
	ck_assert_int_eq(req.days, CZ_PLAN_MAX_DAYS);
	json_object_put(errors);
	json_object_put(o);
}
END_TEST

/* ---- the canonical form -------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*canonical;
} canonical_cases[] = {
	{ "{\"calories\": 1500, \"diet_type\": \"vegan\", \"restrictions\": "
	    "[\"soy_free\"], \"excluded_foods\": [\"11090\"], \"profile\": "
	    "\"pregnancy\", \"days\": 2, \"seed\": 77}",
	    "{\"calories\":1500,\"diet_type\":\"vegan\",\"meal_pattern\":"
	    "\"3_meals\",\"restrictions\":[\"soy_free\"],\"excluded_foods\":"
	    "[\"11090\"],\"profile\":\"pregnancy\",\"days\":2,\"seed\":77}" },
	{ "{\"calories\": 2000}",
	    "{\"calories\":2000,\"diet_type\":\"standard\",\"meal_pattern\":"
	    "\"3_meals\",\"restrictions\":[],\"excluded_foods\":[],\"profile\":"
	    "null,\"days\":7,\"seed\":0}" },
	/* restrictions in the vocabulary's order, foods in the request's */
	{ "{\"seed\": 9007199254740991, \"days\": 3, \"profile\": \"none\", "
	    "\"restrictions\": [\"sesame_free\", \"gluten_free\", "
	    "\"sesame_free\"], \"excluded_foods\": [\"20444\", \"01123\", "
	    "\"20444\"], \"meal_pattern\": \"omad\", \"diet_type\": \"keto\", "
	    "\"calories\": 5000}",
	    "{\"calories\":5000,\"diet_type\":\"keto\",\"meal_pattern\":"
	    "\"omad\",\"restrictions\":[\"gluten_free\",\"sesame_free\"],"
	    "\"excluded_foods\":[\"20444\",\"01123\"],\"profile\":null,"
	    "\"days\":3,\"seed\":9007199254740991}" },
};

START_TEST(test_canonical)
{
	struct cz_plan_request req, again;
	struct json_object *canon;
	int given;

	read_ok(canonical_cases[_i].in, &req, &given);
	canon = cz_plan_request_json(&req);
	ck_assert_ptr_nonnull(canon);
	ck_assert_str_eq(json_object_to_json_string_ext(canon,
	    JSON_C_TO_STRING_PLAIN), canonical_cases[_i].canonical);
	/* It reads back as the same request. */
	read_ok(json_object_to_json_string(canon), &again, &given);
	ck_assert_int_eq(given, 1);
	ck_assert_mem_eq(&req, &again, sizeof(req));
	json_object_put(canon);
}
END_TEST

static Suite *
plan_request_suite(void)
{
	Suite *s = suite_create("plan_request");
	TCase *tc;

	tc = tcase_create("accepted");
	tcase_add_test(tc, test_every_member);
	tcase_add_test(tc, test_defaults_and_null);
	tcase_add_test(tc, test_every_name);
	tcase_add_test(tc, test_bounds_accepted);
	suite_add_tcase(s, tc);

	tc = tcase_create("refused");
	tcase_add_loop_test(tc, test_refused, 0, NELEM(refusals));
	tcase_add_test(tc, test_unknown_name_length);
	tcase_add_test(tc, test_list_lengths_refused);
	tcase_add_test(tc, test_refused_leaves_defaults);
	suite_add_tcase(s, tc);

	tc = tcase_create("canonical");
	tcase_add_loop_test(tc, test_canonical, 0, NELEM(canonical_cases));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(plan_request_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
