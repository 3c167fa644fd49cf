/*
 * check_jsonw.c - unit tests of the streaming JSON writer: nesting and
 * commas, string escaping, number rounding, sticky errors; every document
 * it writes parses back with json-c to the same values.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "jsonw.h"

START_TEST(nesting_and_commas)
{
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
	cz_jw_raw(&w, "c", "{\"x\":[1,2]}");
	cz_jw_bool(&w, "d", 0);
	cz_jw_end(&w);
	ck_assert_int_eq(cz_jw_finish(&w), 0);
	ck_assert_str_eq(b.data,
	    "{\"a\":1,\"b\":[true,null,{},[]],\"c\":{\"x\":[1,2]},\"d\":false}");
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
