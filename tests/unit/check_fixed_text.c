/*
 * check_fixed_text.c - unit tests of the digit writer and the bounded
 * appender that the plan document and household measures share, and of
 * the thousands separator of numbers for people.
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixed_text.h"

/* Every number printf can be asked about here agrees with "%llu". */
START_TEST(digits_match_printf)
{
	static const unsigned long long v[] = { 0, 1, 9, 10, 99, 100, 101,
	    4294967295ULL, 4294967296ULL, 999999999999999ULL,
	    1000000000000000ULL, ULLONG_MAX - 1, ULLONG_MAX };
	char out[CZ_UINT_DIGITS_MAX + 1], want[32];
	size_t i, n;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		memset(out, 'x', sizeof(out));
		n = cz_uint_digits(out, v[i]);
		snprintf(want, sizeof(want), "%llu", v[i]);
		ck_assert_uint_eq(n, strlen(want));
		ck_assert_int_eq(memcmp(out, want, n), 0);
		ck_assert_int_eq(out[n], 'x');	/* no NUL, nothing past */
	}
	ck_assert_uint_eq(cz_uint_digits(out, ULLONG_MAX), CZ_UINT_DIGITS_MAX);
}
END_TEST

START_TEST(digits_every_small_number)
{
	char out[CZ_UINT_DIGITS_MAX], want[32];
	unsigned long long v;
	size_t n;

	for (v = 0; v < 100000; v++) {
		n = cz_uint_digits(out, v);
		snprintf(want, sizeof(want), "%llu", v);
		ck_assert_uint_eq(n, strlen(want));
		ck_assert_int_eq(memcmp(out, want, n), 0);
	}
}
END_TEST

/* Signed numbers as "%lld" writes them, NUL-terminated, the extremes
 * within CZ_INT_TEXT_MAX. */
START_TEST(int_text_matches_printf)
{
	static const long long v[] = { 0, 1, -1, 9, -10, 99, -100,
	    2147483647LL, -2147483648LL, LLONG_MAX, LLONG_MIN + 1,
	    LLONG_MIN };
	char out[CZ_INT_TEXT_MAX], want[32];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%lld", v[i]);
		ck_assert_str_eq(cz_int_text(out, v[i]), want);
	}
	ck_assert_uint_lt(strlen(cz_int_text(out, LLONG_MIN)),
	    CZ_INT_TEXT_MAX);
}
END_TEST

/* Numbers for people: a comma between groups of three, a sign kept, the
 * extremes within CZ_THOUSANDS_MAX. */
START_TEST(thousands_for_people)
{
	static const struct { long long v; const char *want; } c[] = {
		{ 0, "0" }, { 7, "7" }, { 950, "950" }, { 999, "999" },
		{ 1000, "1,000" }, { 2200, "2,200" }, { 12345, "12,345" },
		{ 100000, "100,000" }, { 1234567, "1,234,567" }, { -1, "-1" },
		{ -1234, "-1,234" }, { -999999, "-999,999" },
		{ LLONG_MAX, "9,223,372,036,854,775,807" },
		{ LLONG_MIN, "-9,223,372,036,854,775,808" },
	};
	char out[CZ_THOUSANDS_MAX];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_ptr_eq(cz_thousands(out, c[i].v), out);
		ck_assert_str_eq(out, c[i].want);
	}
	ck_assert_uint_eq(strlen(cz_thousands(out, LLONG_MIN)) + 1,
	    CZ_THOUSANDS_MAX);
}
END_TEST

/* Text fills the buffer up to one byte short of its size: the NUL's. */
START_TEST(put_keeps_room_for_nul)
{
	char out[8];
	size_t at = 0;

	ck_assert_int_eq(cz_text_put(out, sizeof(out), &at, "abc", 3), 0);
	ck_assert_int_eq(cz_text_put(out, sizeof(out), &at, "defg", 4), 0);
	ck_assert_uint_eq(at, 7);
	ck_assert_int_eq(cz_text_put(out, sizeof(out), &at, "h", 1), -1);
	ck_assert_uint_eq(at, 7);
	ck_assert_int_eq(cz_text_put(out, sizeof(out), &at, "", 0), 0);
	out[at] = '\0';
	ck_assert_str_eq(out, "abcdefg");
}
END_TEST

/* A refused piece changes neither the text nor the position. */
START_TEST(put_refused_leaves_text)
{
	char out[6] = "zzzzz";
	size_t at = 2;

	ck_assert_int_eq(cz_text_put(out, sizeof(out), &at, "0123", 4), -1);
	ck_assert_uint_eq(at, 2);
	ck_assert_str_eq(out, "zzzzz");
	ck_assert_int_eq(cz_text_put(out, sizeof(out), &at, "012", 3), 0);
	ck_assert_uint_eq(at, 5);
	ck_assert_int_eq(memcmp(out, "zz012", 5), 0);
}
END_TEST

/* No room at all, or a position already at the end, is refused. */
START_TEST(put_zero_sized)
{
	char out[1];
	size_t at = 0;

	ck_assert_int_eq(cz_text_put(out, 0, &at, "", 0), -1);
	ck_assert_int_eq(cz_text_put(out, 1, &at, "", 0), 0);
	ck_assert_int_eq(cz_text_put(out, 1, &at, "a", 1), -1);
	at = 1;
	ck_assert_int_eq(cz_text_put(out, 1, &at, "", 0), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fixed_text");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, digits_match_printf);
	tcase_add_test(tc, digits_every_small_number);
	tcase_add_test(tc, int_text_matches_printf);
	tcase_add_test(tc, thousands_for_people);
	tcase_add_test(tc, put_keeps_room_for_nul);
	tcase_add_test(tc, put_refused_leaves_text);
	tcase_add_test(tc, put_zero_sized);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
