/*
 * check_jsonw.c - unit tests of the streaming JSON writer: nesting and
 * commas, string escaping, number rounding, sticky errors; every document
 * it writes parses back with json-c to the same values, and the tree it
 * builds instead (cz_jw_init_tree) is the one json-c parses from its text.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "buf.h"
#include "jsonw.h"

START_TEST(nesting_and_commas)
{
	struct json_object *c;
	struct cz_jw w;
	cz_buf b;

	cz_buf_init(&b, 0);
	cz_jw_init(&w, &b);
	cz_jw_object(&w, NULL);
	cz_jw_int(&w, "a", 1);
	cz_jw_array(&w, "b");
	cz_jw_bool(&w, NULL, 1);
	cz_jw_null(&w, NULL);
	cz_jw_object(&w, NULL);
	cz_jw_end(&w);
	cz_jw_array(&w, NULL);
	cz_jw_end(&w);
	cz_jw_end(&w);
	c = json_tokener_parse("{\"x\":[1,2],\"y\":\"a/b\"}");
	cz_jw_json(&w, "c", c);
	json_object_put(c);
	cz_jw_bool(&w, "d", 0);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	ck_assert_str_eq(b.data,
	    "{\"a\":1,\"b\":[true,null,{},[]],\"c\":{\"x\":[1,2],\"y\":\"a/b\"},"
	    "\"d\":false}");
	cz_buf_free(&b);
}
END_TEST

START_TEST(strings_are_escaped)
{
	struct json_object *o;
	struct cz_jw w;
	cz_buf b;

	cz_buf_init(&b, 0);
	cz_jw_init(&w, &b);
	cz_jw_object(&w, NULL);
	cz_jw_string(&w, "q\"k", "7\" long, a\\b\n\t\x01 é ½");
	cz_jw_string(&w, "n", NULL);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	ck_assert_str_eq(b.data, "{\"q\\\"k\":\"7\\\" long, a\\\\b\\u000a\\u0009"
	    "\\u0001 é ½\",\"n\":\"\"}");
	o = json_tokener_parse(b.data);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(o,
	    "q\"k")), "7\" long, a\\b\n\t\x01 é ½");
	json_object_put(o);
	cz_buf_free(&b);
}
END_TEST

/* Values and keys longer than the buffer has room for, with escapes at
 * their ends and in the middle, and every byte from 0x7f up as it is. */
START_TEST(long_strings_grow_the_buffer)
{
	char key[200], val[20000], hi[130];
	struct json_object *o;
	struct cz_jw w;
	size_t i;
	cz_buf b;

	for (i = 0; i < sizeof(key) - 1; i++)
		key[i] = (char)('a' + i % 26);
	key[sizeof(key) - 1] = '\0';
	key[0] = '"';
	for (i = 0; i < sizeof(val) - 1; i++)
		val[i] = (char)('A' + i % 26);
	val[sizeof(val) - 1] = '\0';
	val[10000] = '\n';
	val[sizeof(val) - 2] = '\\';
	for (i = 0; i < sizeof(hi) - 1; i++)
		hi[i] = (char)(0x7f + i);
	hi[sizeof(hi) - 1] = '\0';
	cz_buf_init(&b, 0);
	cz_jw_init(&w, &b);
	cz_jw_object(&w, NULL);
	cz_jw_string(&w, key, val);
	cz_jw_string(&w, "hi", hi);
	cz_jw_number(&w, key + 1, 2.5, 1);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	ck_assert_uint_eq(b.len, strlen(b.data));
	ck_assert_int_eq(strncmp(b.data, "{\"\\\"bcd", 7), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "\\u000a"));
	ck_assert_ptr_nonnull(strstr(b.data, "\\\\\",\"hi\":\""));
	o = json_tokener_parse(b.data);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(o,
	    key)), val);
	ck_assert_mem_eq(json_object_get_string(json_object_object_get(o,
	    "hi")), hi, sizeof(hi));
	ck_assert_double_eq(json_object_get_double(json_object_object_get(o,
	    key + 1)), 2.5);
	json_object_put(o);
	cz_buf_free(&b);
}
END_TEST

START_TEST(numbers_are_rounded_without_trailing_zeros)
{
	static const struct {
		double		 v;
		int		 d;
		const char	*want;
	} cases[] = {
		{ 12.5, 1, "12.5" }, { 12.0, 1, "12" }, { 12.04, 1, "12" },
		{ 12.05, 2, "12.05" }, { 0.06, 1, "0.1" }, { -0.04, 1, "0" },
		{ -1.25, 1, "-1.3" }, { 780.5, 0, "781" }, { 2.999, 2, "3" },
		{ 1e-9, 3, "0" }, { 123456.789, 2, "123456.79" },
		{ 3.14159265, 9, "3.141593" },	/* at most 6 decimals */
		{ 5, -1, "5" }, { 1e300, 2, "1.0000000000000001e+300" },
		/* halves away from zero, as llround: the writer rounds
		 * inline; just under a half stays down */
		{ 0.5, 0, "1" }, { 1.5, 0, "2" }, { 2.5, 0, "3" },
		{ -0.5, 0, "-1" }, { -2.5, 0, "-3" },
		{ 0.49999999999999994, 0, "0" },
		{ -0.49999999999999994, 0, "0" },
		{ 4503599627370495.5, 0, "4503599627370496" },	/* 2^52 - 0.5 */
		{ 4503599627370497.0, 0, "4503599627370497" },
		{ -4503599627370495.5, 0, "-4503599627370496" },
		{ 8999999999999999.0, 0, "8999999999999999" },
	};
	struct cz_jw w;
	cz_buf b;
	size_t i;

	cz_buf_init(&b, 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cz_buf_reset(&b);
		cz_jw_init(&w, &b);
		cz_jw_number(&w, NULL, cases[i].v, cases[i].d);
		ck_assert_int_eq(cz_jw_finish(&w), 0);
		ck_assert_msg(strcmp(b.data, cases[i].want) == 0,
		    "%g with %d decimals: got %s, want %s", cases[i].v,
		    cases[i].d, b.data, cases[i].want);
	}
	cz_buf_reset(&b);
	cz_jw_init(&w, &b);
	cz_jw_number(&w, NULL, NAN, 1);
	ck_assert_str_eq(b.data, "0");
	cz_buf_free(&b);
}
END_TEST

START_TEST(errors_are_sticky)
{
	struct cz_jw w;
	cz_buf b;
	int i;

	/* A cap reached mid-document. */
	cz_buf_init(&b, 8);
	cz_jw_init(&w, &b);
	cz_jw_object(&w, NULL);
	cz_jw_string(&w, "key", "a long value");
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), -1);
	cz_buf_free(&b);

	/* A container left open, one closed too many, too deep. */
	cz_buf_init(&b, 0);
	cz_jw_init(&w, &b);
	cz_jw_array(&w, NULL);
	ck_assert_int_eq(cz_jw_finish(&w), -1);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), -1);
	cz_buf_reset(&b);
	cz_jw_init(&w, &b);
	for (i = 0; i < CZ_JW_MAX_DEPTH + 2; i++)
		cz_jw_array(&w, NULL);
	for (i = 0; i < CZ_JW_MAX_DEPTH + 2; i++)
		cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), -1);
	cz_buf_free(&b);
}
END_TEST

/* One document of every kind of value, written by w in either mode. */
static void
write_sample(struct cz_jw *w, struct json_object *extra)
{
	static const double v[] = { 12.5, 12.0, 12.04, 0.06, -0.04, -1.25,
	    780.5, 2.999, 1e-9, 123456.789, 3.14159265, 1e300, -2.5e17,
	    1e16, 0.1, 0.7, 1.005, 4.35, 8.4 };
	size_t i;
	int d;

	cz_jw_object(w, NULL);
	cz_jw_string(w, "text", "quote \" slash \\ tab \t caf\xc3\xa9");
	cz_jw_string(w, "none", NULL);
	cz_jw_int(w, "int", -42);
	cz_jw_int(w, "min", INT64_MIN);
	cz_jw_bool(w, "yes", 1);
	cz_jw_bool(w, "no", 0);
	cz_jw_null(w, "nothing");
	cz_jw_json(w, "extra", extra);
	cz_jw_json(w, "null_extra", NULL);
	cz_jw_array(w, "numbers");
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		for (d = 0; d <= 6; d++)
			cz_jw_number(w, NULL, v[i], d);
	cz_jw_number(w, NULL, NAN, 2);
	cz_jw_object(w, NULL);
	cz_jw_array(w, "empty");
	cz_jw_end(w);
	cz_jw_end(w);
	cz_jw_end(w);
	cz_jw_end(w);
}

/* The tree built equals json-c's parse of the text written, value for
 * value and type for type (an integer is not a double). */
static void
assert_tree_is_text(void (*fn)(struct cz_jw *, void *), void *arg)
{
	struct json_object *parsed, *tree;
	cz_arena *keys = cz_arena_new(4096);
	struct cz_jw w;
	cz_buf b;

	ck_assert_ptr_nonnull(keys);
	cz_buf_init(&b, 0);
	cz_jw_init(&w, &b);
	fn(&w, arg);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	parsed = json_tokener_parse(b.data);
	ck_assert_ptr_nonnull(parsed);
	cz_jw_init_tree(&w, keys);
	fn(&w, arg);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	tree = cz_jw_take_tree(&w);
	ck_assert_ptr_nonnull(tree);
	ck_assert_msg(json_object_equal(parsed, tree), "the tree differs "
	    "from the text's %zu bytes", b.len);
	json_object_put(parsed);
	json_object_put(tree);
	cz_buf_free(&b);
	cz_arena_free(keys);
}

static void
sample_fn(struct cz_jw *w, void *arg)
{
	write_sample(w, arg);
}

/* Random amounts at every number of decimals the writer takes, the
 * same ones on each call from the seed at arg. */
static void
random_fn(struct cz_jw *w, void *arg)
{
	unsigned int seed = *(const unsigned int *)arg;
	double v;
	int i;

	cz_jw_array(w, NULL);
	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		v = (double)(seed >> 8) / 977.0 * ((seed & 1) ? -1 : 1);
		if (i % 3 == 0)
			v /= 1000.0;
		cz_jw_number(w, NULL, v, (int)(seed >> 4) % 8);
	}
	cz_jw_end(w);
}

START_TEST(trees_are_what_the_text_parses_to)
{
	struct json_object *extra = json_tokener_parse(
	    "{\"calories\":2000,\"share\":0.3,\"list\":[\"a\",null]}");
	unsigned int seed = 7;

	assert_tree_is_text(sample_fn, extra);
	assert_tree_is_text(random_fn, &seed);
	/* The tree holds its own reference to what cz_jw_json added. */
	ck_assert_int_eq(json_object_put(extra), 1);
}
END_TEST

/* A document with its keys as strings (keyed 0) or as CZ_JW_KEY (1). */
static void
write_keyed(struct cz_jw *w, int keyed)
{
	if (keyed) {
		cz_jw_object(w, NULL);
		cz_jw_string_k(w, CZ_JW_KEY("food"), "oats, \"rolled\"");
		cz_jw_string_k(w, CZ_JW_KEY("none"), NULL);
		cz_jw_number_k(w, CZ_JW_KEY("grams"), 42.25, 1);
		cz_jw_number_k(w, CZ_JW_KEY("huge"), 1e300, 2);
		cz_jw_int_k(w, CZ_JW_KEY("day"), -3);
		cz_jw_bool_k(w, CZ_JW_KEY("locked"), 1);
		cz_jw_array_k(w, CZ_JW_KEY("items"));
		cz_jw_object(w, NULL);
		cz_jw_object_k(w, CZ_JW_KEY("totals"));
		cz_jw_number_k(w, CZ_JW_KEY("energy"), 512.5, 0);
	} else {
		cz_jw_object(w, NULL);
		cz_jw_string(w, "food", "oats, \"rolled\"");
		cz_jw_string(w, "none", NULL);
		cz_jw_number(w, "grams", 42.25, 1);
		cz_jw_number(w, "huge", 1e300, 2);
		cz_jw_int(w, "day", -3);
		cz_jw_bool(w, "locked", 1);
		cz_jw_array(w, "items");
		cz_jw_object(w, NULL);
		cz_jw_object(w, "totals");
		cz_jw_number(w, "energy", 512.5, 0);
	}
	cz_jw_end(w);
	cz_jw_end(w);
	cz_jw_end(w);
	cz_jw_end(w);
}

START_TEST(keys_known_when_built_write_the_same)
{
	struct json_object *a, *b;
	cz_arena *keys = cz_arena_new(4096);
	struct cz_jw w;
	cz_buf s, k;

	ck_assert_ptr_nonnull(keys);
	cz_buf_init(&s, 0);
	cz_buf_init(&k, 0);
	cz_jw_init(&w, &s);
	write_keyed(&w, 0);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	cz_jw_init(&w, &k);
	write_keyed(&w, 1);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	ck_assert_str_eq(k.data, s.data);
	ck_assert_str_eq(CZ_JW_KEY("grams")->quoted, "\"grams\":");
	ck_assert_uint_eq(CZ_JW_KEY("grams")->len, strlen("\"grams\":"));
	/* and the same tree */
	cz_jw_init_tree(&w, keys);
	write_keyed(&w, 0);
	a = cz_jw_take_tree(&w);
	cz_jw_init_tree(&w, keys);
	write_keyed(&w, 1);
	b = cz_jw_take_tree(&w);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert(json_object_equal(a, b));
	json_object_put(a);
	json_object_put(b);
	cz_buf_free(&s);
	cz_buf_free(&k);
	cz_arena_free(keys);
}
END_TEST

/* Members prepared as text go in with the right separators, first in an
 * object or after others, and count as members for the ones after; a
 * writer building a tree, or no text, takes none (the caller writes them
 * one by one). */
START_TEST(prepared_members_go_in_as_written)
{
	static const char two[] = "\"a\":\"x\\\"y\",\"b\":2";
	cz_arena *keys = cz_arena_new(4096);
	struct cz_jw w;
	cz_buf s;

	ck_assert_ptr_nonnull(keys);
	cz_buf_init(&s, 0);
	cz_jw_init(&w, &s);
	cz_jw_array(&w, NULL);
	cz_jw_object(&w, NULL);
	ck_assert_int_eq(cz_jw_members(&w, two, strlen(two)), 0);
	cz_jw_int(&w, "c", 3);
	cz_jw_end(&w);
	cz_jw_object(&w, NULL);
	cz_jw_int(&w, "z", 0);
	ck_assert_int_eq(cz_jw_members(&w, two, strlen(two)), 0);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_members(&w, NULL, 0), -1);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	ck_assert_str_eq(s.data, "[{\"a\":\"x\\\"y\",\"b\":2,\"c\":3},"
	    "{\"z\":0,\"a\":\"x\\\"y\",\"b\":2}]");
	/* none into a tree */
	cz_jw_init_tree(&w, keys);
	cz_jw_object(&w, NULL);
	ck_assert_int_eq(cz_jw_members(&w, two, strlen(two)), -1);
	cz_jw_end(&w);
	json_object_put(cz_jw_take_tree(&w));
	cz_buf_free(&s);
	cz_arena_free(keys);
}
END_TEST

/* Numbers under a key known when built are written in place (number_text_k):
 * the same text as under a key named at the call, for random amounts at
 * every number of decimals, negative ones, and those that round to 0. */
START_TEST(keyed_numbers_write_the_same)
{
	static const double edge[] = { 0.0, -0.0, -0.04, 0.05, -0.05, 9.995,
	    -9.995, 1e15, 123456.789, 1e300, -1e300 };
	unsigned int seed = 11;
	struct cz_jw w;
	cz_buf s, k;
	double v;
	int i, d;

	cz_buf_init(&s, 0);
	cz_buf_init(&k, 0);
	for (i = 0; i < 40000; i++) {
		seed = seed * 1103515245u + 12345u;
		v = (double)(seed >> 8) / 977.0 * ((seed & 1) ? -1 : 1);
		if (i % 3 == 0)
			v /= 1000.0;
		if (i < (int)(sizeof(edge) / sizeof(edge[0])))
			v = edge[i];
		d = (int)(seed >> 4) % 9 - 1;
		cz_buf_reset(&s);
		cz_buf_reset(&k);
		cz_jw_init(&w, &s);
		cz_jw_object(&w, NULL);
		cz_jw_number(&w, "a", 1.5, 1);
		cz_jw_number(&w, "v", v, d);
		cz_jw_end(&w);
		ck_assert_int_eq(cz_jw_finish(&w), 0);
		cz_jw_init(&w, &k);
		cz_jw_object(&w, NULL);
		cz_jw_number_k(&w, CZ_JW_KEY("a"), 1.5, 1);
		cz_jw_number_k(&w, CZ_JW_KEY("v"), v, d);
		cz_jw_end(&w);
		ck_assert_int_eq(cz_jw_finish(&w), 0);
		ck_assert_msg(strcmp(k.data, s.data) == 0,
		    "%.17g with %d decimals: keyed %s, named %s", v, d, k.data,
		    s.data);
	}
	cz_buf_free(&s);
	cz_buf_free(&k);
}
END_TEST

START_TEST(tree_errors_leave_nothing)
{
	cz_arena *keys = cz_arena_new(4096);
	struct cz_jw w;
	int i;

	/* A member without a key, a second root, a container left open,
	 * too deep: no tree, and nothing leaks (ASan, valgrind). */
	cz_jw_init_tree(&w, keys);
	cz_jw_object(&w, NULL);
	cz_jw_int(&w, NULL, 1);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), -1);
	ck_assert_ptr_null(cz_jw_take_tree(&w));
	cz_jw_init_tree(&w, keys);
	cz_jw_int(&w, NULL, 1);
	cz_jw_int(&w, NULL, 2);
	ck_assert_ptr_null(cz_jw_take_tree(&w));
	cz_jw_init_tree(&w, keys);
	cz_jw_array(&w, NULL);
	cz_jw_string(&w, NULL, "open");
	ck_assert_ptr_null(cz_jw_take_tree(&w));
	cz_jw_init_tree(&w, keys);
	for (i = 0; i < CZ_JW_MAX_DEPTH + 2; i++)
		cz_jw_array(&w, NULL);
	for (i = 0; i < CZ_JW_MAX_DEPTH + 2; i++)
		cz_jw_end(&w);
	ck_assert_ptr_null(cz_jw_take_tree(&w));
	cz_arena_free(keys);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("jsonw");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, nesting_and_commas);
	tcase_add_test(tc, strings_are_escaped);
	tcase_add_test(tc, long_strings_grow_the_buffer);
	tcase_add_test(tc, numbers_are_rounded_without_trailing_zeros);
	tcase_add_test(tc, errors_are_sticky);
	tcase_add_test(tc, trees_are_what_the_text_parses_to);
	tcase_add_test(tc, tree_errors_leave_nothing);
	tcase_add_test(tc, keys_known_when_built_write_the_same);
	tcase_add_test(tc, keyed_numbers_write_the_same);
	tcase_add_test(tc, prepared_members_go_in_as_written);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
