/*
 * check_range.c - unit tests of the HTTP Range header parser.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "range.h"

START_TEST(ranges)
{
	static const struct {
		const char		*h;
		unsigned long long	 size;
		enum cz_range		 want;
		unsigned long long	 start, len;
	} cases[] = {
		{ NULL, 100, CZ_RANGE_NONE, 0, 0 },
		{ "bytes=0-99", 1000, CZ_RANGE_OK, 0, 100 },
		{ "bytes=100-1099", 5000, CZ_RANGE_OK, 100, 1000 },
		{ "bytes=100-", 1000, CZ_RANGE_OK, 100, 900 },
		{ "bytes=-500", 1000, CZ_RANGE_OK, 500, 500 },
		{ "bytes=-5000", 1000, CZ_RANGE_OK, 0, 1000 },
		{ "bytes=900-2000", 1000, CZ_RANGE_OK, 900, 100 },
		{ "Bytes = 5 - 9", 10, CZ_RANGE_OK, 5, 5 },
		{ "bytes=999-999", 1000, CZ_RANGE_OK, 999, 1 },
		{ "bytes=1000-", 1000, CZ_RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=-0", 1000, CZ_RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=0-", 0, CZ_RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=5-4", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "bytes=0-1,5-6", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "items=0-1", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "bytes=-", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "bytes 0-1", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "bytes=0x10-20", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "bytes=99999999999999999999-", 1000, CZ_RANGE_NONE, 0, 0 },
		{ "bytes=+1-2", 1000, CZ_RANGE_NONE, 0, 0 },
	};
	unsigned long long start, len;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		start = len = 12345;
		ck_assert_msg(cz_range_parse(cases[i].h, cases[i].size, &start,
		    &len) == cases[i].want, "%s", cases[i].h ? cases[i].h :
		    "(null)");
		if (cases[i].want == CZ_RANGE_OK) {
			ck_assert_uint_eq(start, cases[i].start);
			ck_assert_uint_eq(len, cases[i].len);
		}
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("range");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, ranges);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
