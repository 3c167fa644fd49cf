/*
 * check_validate.c - unit tests of the field kinds of lib/validate.c that
 * take a struct cz_fspec (a name from a vocabulary's name function, text
 * with a further check, lists of either) and of closed JSON validation,
 * where a member not in the table is an error. The older kinds are tested
 * in check_parse.c.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonbody.h"
#include "params.h"
#include "validate.h"

#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

static cz_arena *A;

static void
arena_setup(void)
{
	A = cz_arena_new(4096);
	ck_assert_ptr_nonnull(A);
}

static void
arena_teardown(void)
{
	cz_arena_free(A);
	A = NULL;
}

/* A vocabulary as the planner's are given: by a name function. */
static const char *
fruit_name(int i)
{
	static const char *const names[] = { "apple", "pear", "plum" };

	return i >= 0 && i < (int)NELEM(names) ? names[i] : NULL;
}

/* Three capital letters. */
static int
is_code(const char *s, size_t len)
{
	size_t i;

	if (len != 3)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static const struct cz_fspec fruits = { .name = fruit_name, .count = 3 };
static const struct cz_fspec code = { .accept = is_code,
    .what = "a code of 3 capital letters such as \"ABC\"" };
static const struct cz_field fruit_elem = { "fruit", CZ_F_NAME, 0, 0, 0,
    &fruits };
static const struct cz_field code_elem = { NULL, CZ_F_STRING, 0, 0, 0, &code };
static const struct cz_field score_elem = { NULL, CZ_F_INT, 0, 1, 9, NULL };
static const struct cz_fspec fruit_list = { .elem = &fruit_elem };
static const struct cz_fspec code_list = { .elem = &code_elem,
    .what = "codes" };
static const struct cz_fspec score_list = { .elem = &score_elem };

enum { T_FRUIT, T_CODE, T_FRUITS, T_CODES, T_SCORES, T_N };
static const struct cz_field table[T_N] = {
	[T_FRUIT] =	{ "fruit", CZ_F_NAME, 0, 0, 0, &fruits },
	[T_CODE] =	{ "code", CZ_F_STRING, 0, 0, 8, &code },
	[T_FRUITS] =	{ "fruits", CZ_F_LIST, 0, 0, 4, &fruit_list },
	[T_CODES] =	{ "codes", CZ_F_LIST, 0, 0, 2, &code_list },
	[T_SCORES] =	{ "scores", CZ_F_LIST, 1, 1, 3, &score_list },
};

static const char *
errmsg(struct json_object *errors, const char *name)
{
	struct json_object *m;

	if (errors == NULL || !json_object_object_get_ex(errors, name, &m))
		return NULL;
	return json_object_get_string(m);
}

static struct json_object *
parse(const char *s)
{
	struct json_object *o;

	ck_assert_int_eq(cz_parse_json(A, s, strlen(s), 16, &o), CZ_P_OK);
	return o;
}

static struct cz_params
form(const char *s)
{
	struct cz_params p;

	ck_assert_int_eq(cz_parse_urlencoded(A, s, strlen(s), NULL, &p),
	    CZ_P_OK);
	return p;
}

/* ---- one field at a time, as JSON --------------------------------------- */

/* A body (scores, required, is added when the case has none) and the one
 * field expected to fail with msg, or NULL when the body is valid. */
static const struct {
	const char	*json;
	const char	*field;
	const char	*msg;
} json_cases[] = {
	{ "{\"fruit\": \"pear\"}", NULL, NULL },
	{ "{\"fruit\": null}", NULL, NULL },
	{ "{\"fruit\": \"Pear\"}", "fruit", "must be one of: apple, pear, plum" },
	{ "{\"fruit\": \"\"}", "fruit", "must be one of: apple, pear, plum" },
	{ "{\"fruit\": \"pea\"}", "fruit", "must be one of: apple, pear, plum" },
	{ "{\"fruit\": \"pears\"}", "fruit", "must be one of: apple, pear, plum" },
	{ "{\"fruit\": 1}", "fruit", "must be a string" },
	{ "{\"fruit\": [\"pear\"]}", "fruit", "must be a string" },
	{ "{\"fruit\": \"pear\\u0000\"}", "fruit", "must be valid UTF-8 text" },
	{ "{\"code\": \"ABC\"}", NULL, NULL },
	{ "{\"code\": \"AB\"}", "code",
	    "must be a code of 3 capital letters such as \"ABC\"" },
	{ "{\"code\": \"abc\"}", "code",
	    "must be a code of 3 capital letters such as \"ABC\"" },
	{ "{\"code\": \"\"}", "code",
	    "must be a code of 3 capital letters such as \"ABC\"" },
	{ "{\"code\": \"ABCDEFGHI\"}", "code", "must be at most 8 bytes long" },
	{ "{\"code\": 123}", "code", "must be a string" },
	{ "{\"code\": \"AB\\u0000\"}", "code", "must be valid UTF-8 text" },
	{ "{\"fruits\": []}", NULL, NULL },
	{ "{\"fruits\": [\"apple\", \"apple\", \"plum\", \"pear\"]}", NULL, NULL },
	{ "{\"fruits\": null}", NULL, NULL },
	{ "{\"fruits\": [\"apple\", \"apple\", \"plum\", \"pear\", \"pear\"]}",
	    "fruits", "must be a list of: apple, pear, plum" },
	{ "{\"fruits\": \"apple\"}", "fruits",
	    "must be a list of: apple, pear, plum" },
	{ "{\"fruits\": {\"apple\": 1}}", "fruits",
	    "must be a list of: apple, pear, plum" },
	{ "{\"fruits\": [\"apple\", \"kiwi\"]}", "fruits",
	    "each must be one of: apple, pear, plum" },
	{ "{\"fruits\": [null]}", "fruits", "each must be a string" },
	{ "{\"fruits\": [[\"apple\"]]}", "fruits", "each must be a string" },
	{ "{\"codes\": [\"ABC\", \"XYZ\"]}", NULL, NULL },
	{ "{\"codes\": [\"ABC\", \"XYZ\", \"DEF\"]}", "codes",
	    "must be a list of at most 2 codes" },
	{ "{\"codes\": \"ABC\"}", "codes", "must be a list of at most 2 codes" },
	{ "{\"codes\": [\"ABC\", \"ab\"]}", "codes",
	    "each must be a code of 3 capital letters such as \"ABC\"" },
	{ "{\"codes\": [7]}", "codes", "each must be a string" },
	{ "{\"scores\": [1, 9, 5]}", NULL, NULL },
	{ "{\"scores\": []}", "scores", "must be a list of 1 to 3 values" },
	{ "{\"scores\": [1, 2, 3, 4]}", "scores",
	    "must be a list of 1 to 3 values" },
	{ "{\"scores\": [0]}", "scores", "each must be between 1 and 9" },
	{ "{\"scores\": [1, 10]}", "scores", "each must be between 1 and 9" },
	{ "{\"scores\": [1.5]}", "scores", "each must be an integer" },
	{ "{\"scores\": [\"1\"]}", "scores", "each must be an integer" },
	{ "{\"scores\": null}", "scores", "is required" },
};

START_TEST(test_json_field)
{
	struct cz_value v[T_N];
	struct json_object *o, *err;
	const char *want = json_cases[_i].msg;

	o = parse(json_cases[_i].json);
	if (!json_object_object_get_ex(o, "scores", NULL))
		json_object_object_add(o, "scores",
		    json_object_get(parse("[2]")));
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err),
	    want == NULL ? 0 : -1);
	if (want == NULL) {
		ck_assert_ptr_null(err);
		return;
	}
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, json_cases[_i].field), want);
}
END_TEST

START_TEST(test_json_values)
{
	struct cz_value v[T_N];
	struct json_object *o, *err;

	o = parse("{\"fruit\": \"plum\", \"code\": \"XYZ\", \"fruits\": "
	    "[\"pear\", \"apple\", \"pear\"], \"codes\": [\"ABC\"], "
	    "\"scores\": [9, 1]}");
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err), 0);
	ck_assert_ptr_null(err);

	/* A name: its index, and the vocabulary's own string. */
	ck_assert(v[T_FRUIT].present);
	ck_assert_int_eq(v[T_FRUIT].i, 2);
	ck_assert_ptr_eq(v[T_FRUIT].s, fruit_name(2));
	ck_assert_uint_eq(v[T_FRUIT].len, 4);
	ck_assert_ptr_null(v[T_FRUIT].items);

	ck_assert(v[T_CODE].present);
	ck_assert_str_eq(v[T_CODE].s, "XYZ");
	ck_assert_uint_eq(v[T_CODE].len, 3);

	/* Lists: every element in order, duplicates kept. */
	ck_assert(v[T_FRUITS].present);
	ck_assert_uint_eq(v[T_FRUITS].nitems, 3);
	ck_assert(v[T_FRUITS].items[0].present);
	ck_assert_int_eq(v[T_FRUITS].items[0].i, 1);
	ck_assert_int_eq(v[T_FRUITS].items[1].i, 0);
	ck_assert_int_eq(v[T_FRUITS].items[2].i, 1);
	ck_assert_ptr_eq(v[T_FRUITS].items[2].s, fruit_name(1));
	ck_assert_ptr_null(v[T_FRUITS].s);
	ck_assert_uint_eq(v[T_CODES].nitems, 1);
	ck_assert_str_eq(v[T_CODES].items[0].s, "ABC");
	ck_assert_uint_eq(v[T_CODES].items[0].len, 3);
	ck_assert_uint_eq(v[T_SCORES].nitems, 2);
	ck_assert_int_eq(v[T_SCORES].items[0].i, 9);
	ck_assert_int_eq(v[T_SCORES].items[1].i, 1);

	/* An empty list is present, without items; absent fields are not
	 * present. */
	o = parse("{\"fruits\": [], \"scores\": [3]}");
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err), 0);
	ck_assert(v[T_FRUITS].present);
	ck_assert_uint_eq(v[T_FRUITS].nitems, 0);
	ck_assert_ptr_null(v[T_FRUITS].items);
	ck_assert(!v[T_FRUIT].present && !v[T_CODES].present);
	ck_assert_uint_eq(v[T_CODES].nitems, 0);

	/* A failed list leaves nothing behind. */
	o = parse("{\"fruits\": [\"pear\", \"kiwi\"], \"scores\": [3]}");
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err), -1);
	ck_assert(!v[T_FRUITS].present);
	ck_assert_ptr_null(v[T_FRUITS].items);
	ck_assert_uint_eq(v[T_FRUITS].nitems, 0);
}
END_TEST

/* ---- as form parameters ------------------------------------------------- */

/* Every pair of a list's name is an element; empty pairs are absent. */
static const struct {
	const char	*form;
	const char	*field;
	const char	*msg;
} form_cases[] = {
	{ "scores=1", NULL, NULL },
	{ "scores=1&scores=&scores=9&fruit=pear&code=ABC", NULL, NULL },
	{ "scores=1&fruits=apple&fruits=apple&fruits=plum&fruits=pear", NULL,
	    NULL },
	{ "scores=1&fruits=apple&fruits=apple&fruits=plum&fruits=pear"
	    "&fruits=pear", "fruits", "must be a list of: apple, pear, plum" },
	{ "scores=1&fruits=kiwi", "fruits",
	    "each must be one of: apple, pear, plum" },
	{ "scores=1&fruits=apple+", "fruits",
	    "each must be one of: apple, pear, plum" },
	{ "scores=1&codes=ABC&codes=ab", "codes",
	    "each must be a code of 3 capital letters such as \"ABC\"" },
	{ "scores=1&codes=A&codes=B&codes=C", "codes",
	    "must be a list of at most 2 codes" },
	{ "scores=1&fruit=kiwi", "fruit", "must be one of: apple, pear, plum" },
	{ "scores=1&code=abc", "code",
	    "must be a code of 3 capital letters such as \"ABC\"" },
	{ "", "scores", "is required" },
	{ "scores=&scores=", "scores", "is required" },
	{ "scores=0", "scores", "each must be between 1 and 9" },
	{ "scores=x", "scores", "each must be an integer" },
	{ "scores=1&scores=2&scores=3&scores=4", "scores",
	    "must be a list of 1 to 3 values" },
};

START_TEST(test_form_field)
{
	struct cz_params p = form(form_cases[_i].form);
	struct cz_value v[T_N];
	struct json_object *err;
	const char *want = form_cases[_i].msg;

	ck_assert_int_eq(cz_validate_params(A, table, T_N, &p, v, &err),
	    want == NULL ? 0 : -1);
	if (want == NULL) {
		ck_assert_ptr_null(err);
		return;
	}
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, form_cases[_i].field), want);
}
END_TEST

START_TEST(test_form_values)
{
	struct cz_params p = form("fruits=plum&x=1&fruits=&scores=4"
	    "&fruits=apple&fruit=pear&scores=5");
	struct cz_value v[T_N];
	struct json_object *err;

	ck_assert_int_eq(cz_validate_params(A, table, T_N, &p, v, &err), 0);
	ck_assert_uint_eq(v[T_FRUITS].nitems, 2);
	ck_assert_int_eq(v[T_FRUITS].items[0].i, 2);
	ck_assert_str_eq(v[T_FRUITS].items[1].s, "apple");
	ck_assert_uint_eq(v[T_SCORES].nitems, 2);
	ck_assert_int_eq(v[T_SCORES].items[1].i, 5);
	ck_assert_int_eq(v[T_FRUIT].i, 1);
	ck_assert(!v[T_CODES].present);
	ck_assert_ptr_null(v[T_CODES].items);

	/* No input at all: a required list is missing. */
	ck_assert_int_eq(cz_validate_params(A, table, T_N, NULL, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "scores"), "is required");
}
END_TEST

/* ---- messages and odd tables -------------------------------------------- */

START_TEST(test_list_bounds_messages)
{
	static const struct cz_field f[] = {
		{ "any", CZ_F_LIST, 0, 0, 0, &score_list },
		{ "two", CZ_F_LIST, 0, 2, 2, &score_list },
		{ "least", CZ_F_LIST, 0, 2, 0, &score_list },
		{ "most", CZ_F_LIST, 0, 0, 3, &score_list },
		{ "range", CZ_F_LIST, 0, 1, 3, &score_list },
		{ "names", CZ_F_LIST, 0, 0, 1, &fruit_list },
		{ "nouns", CZ_F_LIST, 0, 2, 0, &code_list },
	};
	struct cz_value v[NELEM(f)];
	struct json_object *err, *o;

	o = parse("{\"any\": 1, \"two\": [1], \"least\": [1], \"most\": "
	    "[1, 2, 3, 4], \"range\": [], \"names\": [\"pear\", \"pear\"], "
	    "\"nouns\": {}}");
	ck_assert_int_eq(cz_validate_json(A, f, NELEM(f), o, v, &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 7);
	ck_assert_pstr_eq(errmsg(err, "any"), "must be a list of values");
	ck_assert_pstr_eq(errmsg(err, "two"), "must be a list of 2 values");
	ck_assert_pstr_eq(errmsg(err, "least"),
	    "must be a list of at least 2 values");
	ck_assert_pstr_eq(errmsg(err, "most"),
	    "must be a list of at most 3 values");
	ck_assert_pstr_eq(errmsg(err, "range"),
	    "must be a list of 1 to 3 values");
	ck_assert_pstr_eq(errmsg(err, "names"),
	    "must be a list of: apple, pear, plum");
	ck_assert_pstr_eq(errmsg(err, "nouns"),
	    "must be a list of at least 2 codes");

	/* Exactly at the bounds. */
	o = parse("{\"any\": [], \"two\": [1, 2], \"least\": [1, 2, 3, 4, 5], "
	    "\"most\": [1, 2, 3], \"range\": [1], \"names\": [\"pear\"]}");
	ck_assert_int_eq(cz_validate_json(A, f, NELEM(f), o, v, &err), 0);
	ck_assert_uint_eq(v[2].nitems, 5);
}
END_TEST

static const char *
no_names(int i)
{
	(void)i;
	return NULL;
}

START_TEST(test_odd_tables)
{
	static const struct cz_fspec none = { .name = no_names, .count = 5 };
	static const struct cz_fspec empty = { .name = fruit_name, .count = 0 };
	static const struct cz_fspec nofn = { .count = 3 };
	static const struct cz_fspec two = { .name = fruit_name, .count = 2 };
	static const struct cz_fspec noelem = { .what = "things" };
	static const struct cz_field list_elem = { NULL, CZ_F_LIST, 0, 0, 0,
	    &score_list };
	static const struct cz_fspec nested = { .elem = &list_elem };
	static const struct cz_field bad_elem = { NULL, (enum cz_ftype)99, 0, 0,
	    0, NULL };
	static const struct cz_fspec badtype = { .elem = &bad_elem };
	static const struct cz_fspec unchecked = { .what = "anything" };
	static const struct cz_fspec nowhat = { .accept = is_code };
	static const struct cz_field f[] = {
		{ "n0", CZ_F_NAME, 0, 0, 0, NULL },
		{ "n1", CZ_F_NAME, 0, 0, 0, &none },
		{ "n2", CZ_F_NAME, 0, 0, 0, &empty },
		{ "n3", CZ_F_NAME, 0, 0, 0, &nofn },
		{ "n4", CZ_F_NAME, 0, 0, 0, &two },
		{ "l0", CZ_F_LIST, 0, 0, 0, NULL },
		{ "l1", CZ_F_LIST, 0, 0, 0, &noelem },
		{ "l2", CZ_F_LIST, 0, 0, 0, &nested },
		{ "l3", CZ_F_LIST, 0, 0, 0, &badtype },
		{ "s0", CZ_F_STRING, 0, 0, 0, &unchecked },
		{ "s1", CZ_F_STRING, 0, 0, 0, &nowhat },
	};
	struct cz_value v[NELEM(f)];
	struct json_object *err, *o;
	struct cz_params p;

	o = parse("{\"n0\": \"apple\", \"n1\": \"apple\", \"n2\": \"apple\", "
	    "\"n3\": \"apple\", \"n4\": \"plum\", \"l0\": [], \"l1\": [], "
	    "\"l2\": [], \"l3\": [], \"s0\": \"x\", \"s1\": \"x\"}");
	ck_assert_int_eq(cz_validate_json(A, f, NELEM(f), o, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "n0"), "is not an allowed value");
	ck_assert_pstr_eq(errmsg(err, "n1"), "is not an allowed value");
	ck_assert_pstr_eq(errmsg(err, "n2"), "is not an allowed value");
	ck_assert_pstr_eq(errmsg(err, "n3"), "is not an allowed value");
	/* count bounds the names, even when the function has more */
	ck_assert_pstr_eq(errmsg(err, "n4"), "must be one of: apple, pear");
	ck_assert_pstr_eq(errmsg(err, "l0"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "l1"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "l2"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "l3"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "s0"), NULL);	/* no accept: any text */
	ck_assert(v[9].present);
	ck_assert_pstr_eq(errmsg(err, "s1"), "is invalid");
	ck_assert_int_eq(json_object_object_length(err), 10);

	p = form("l0=1&l2=1&l3=1&n4=plum");
	ck_assert_int_eq(cz_validate_params(A, f, NELEM(f), &p, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "l0"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "l2"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "l3"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "n4"), "must be one of: apple, pear");
}
END_TEST

/* ---- closed JSON validation --------------------------------------------- */

START_TEST(test_closed_unknown_members)
{
	struct cz_value v[T_N];
	struct json_object *err, *o;
	char name[70], *body;

	o = parse("{\"fruit\": \"apple\", \"colour\": \"red\", \"scores\": [1]}");
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, o, v, &err),
	    -1);
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, "colour"), "is not a known field");
	ck_assert(v[T_FRUIT].present && v[T_SCORES].present);
	/* The open form ignores it. */
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err), 0);

	/* A null member is unknown all the same. */
	o = parse("{\"scores\": [1], \"bogus\": null}");
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, o, v, &err),
	    -1);
	ck_assert_pstr_eq(errmsg(err, "bogus"), "is not a known field");

	/* Names up to 64 bytes are repeated back, longer ones are not. */
	memset(name, 'n', 64);
	name[64] = '\0';
	body = cz_arena_printf(A, "{\"scores\": [1], \"%s\": 1}", name);
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, parse(body), v,
	    &err), -1);
	ck_assert_pstr_eq(errmsg(err, name), "is not a known field");
	ck_assert_int_eq(json_object_object_length(err), 1);
	strcat(name, "n");
	body = cz_arena_printf(A, "{\"scores\": [1], \"%s\": 1, \"%s\": 2}",
	    name, "body");
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, parse(body), v,
	    &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, "body"), "is not a known field");
	body = cz_arena_printf(A, "{\"scores\": [1], \"%s\": 1}", name);
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, parse(body), v,
	    &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, "body"), "has an unknown field");
}
END_TEST

START_TEST(test_closed_order)
{
	struct cz_value v[T_N];
	struct json_object *err, *o;

	/* The members' order, then the missing required fields. */
	o = parse("{\"zz\": 1, \"fruit\": \"kiwi\", \"scores\": null, "
	    "\"aa\": 2, \"code\": \"ABC\", \"codes\": 5}");
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, o, v, &err),
	    -1);
	ck_assert_str_eq(json_object_to_json_string_ext(err,
	    JSON_C_TO_STRING_PLAIN), "{\"zz\":\"is not a known field\","
	    "\"fruit\":\"must be one of: apple, pear, plum\","
	    "\"aa\":\"is not a known field\","
	    "\"codes\":\"must be a list of at most 2 codes\","
	    "\"scores\":\"is required\"}");
	ck_assert(v[T_CODE].present && !v[T_FRUIT].present);

	/* The open form follows the table. */
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err), -1);
	ck_assert_str_eq(json_object_to_json_string_ext(err,
	    JSON_C_TO_STRING_PLAIN), "{\"fruit\":\"must be one of: apple, "
	    "pear, plum\",\"codes\":\"must be a list of at most 2 codes\","
	    "\"scores\":\"is required\"}");
}
END_TEST

START_TEST(test_closed_edges)
{
	static const char *const bodies[] = { "[]", "1", "\"x\"", "null",
	    "[{\"scores\": [1]}]" };
	struct cz_value v[T_N];
	struct json_object *err, *o;
	size_t i;

	for (i = 0; i < NELEM(bodies); i++) {
		o = parse(bodies[i]);
		v[T_FRUIT].present = 1;
		ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, o, v,
		    &err), -1);
		ck_assert_int_eq(json_object_object_length(err), 1);
		ck_assert_pstr_eq(errmsg(err, "body"), "must be a JSON object");
		ck_assert(!v[T_FRUIT].present);
	}
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, parse("{}"), v,
	    &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, "scores"), "is required");
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N,
	    parse("{\"scores\": [1]}"), v, &err), 0);
	ck_assert_ptr_null(err);
	/* Messages are optional; an empty table knows no member. */
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, parse("{}"), v,
	    NULL), -1);
	ck_assert_int_eq(cz_validate_json_closed(A, table, 0, parse("{}"), v,
	    &err), 0);
	ck_assert_int_eq(cz_validate_json_closed(A, table, 0,
	    parse("{\"scores\": [1]}"), v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "scores"), "is not a known field");
}
END_TEST

START_TEST(test_nomem)
{
	struct cz_value v[T_N];
	struct json_object *err = (struct json_object *)1, *o, *bad;
	struct cz_params p = form("scores=1&scores=2");

	o = parse("{\"scores\": [1, 2]}");
	bad = parse("{\"scores\": [0], \"fruit\": \"kiwi\", \"x\": 1}");
	/* Valid input whose list cannot be stored is refused, without
	 * messages: callers answer 500, never take half a value. */
	cz_arena_set_limit(A, cz_arena_used(A));
	ck_assert_int_eq(cz_validate_json(A, table, T_N, o, v, &err), -1);
	ck_assert_ptr_null(err);
	ck_assert(!v[T_SCORES].present);
	err = (struct json_object *)1;
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, o, v, &err),
	    -1);
	ck_assert_ptr_null(err);
	err = (struct json_object *)1;
	ck_assert_int_eq(cz_validate_params(A, table, T_N, &p, v, &err), -1);
	ck_assert_ptr_null(err);
	err = (struct json_object *)1;
	ck_assert_int_eq(cz_validate_json_closed(A, table, T_N, bad, v, &err),
	    -1);
	ck_assert_ptr_null(err);
}
END_TEST

static Suite *
validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc;

	tc = tcase_create("kinds");
	tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
	tcase_add_loop_test(tc, test_json_field, 0, NELEM(json_cases));
	tcase_add_test(tc, test_json_values);
	tcase_add_loop_test(tc, test_form_field, 0, NELEM(form_cases));
	tcase_add_test(tc, test_form_values);
	tcase_add_test(tc, test_list_bounds_messages);
	tcase_add_test(tc, test_odd_tables);
	tcase_add_test(tc, test_nomem);
	suite_add_tcase(s, tc);

	tc = tcase_create("closed");
	tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
	tcase_add_test(tc, test_closed_unknown_members);
	tcase_add_test(tc, test_closed_order);
	tcase_add_test(tc, test_closed_edges);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(validate_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
