/*
 * check_usage_tally.c - unit tests of the API keys' usage tally
 * (lib/usage_tally.h): counts summed per key and day, the requests a
 * responder holds, when the tally is due, a full tally, and the array
 * literals the database receives, ordered by key and day.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "usage_tally.h"

START_TEST(counts_sum_per_key_and_day)
{
	struct cz_usage_tally t;

	memset(&t, 0, sizeof(t));
	ck_assert_int_eq(cz_tally_add(&t, 7, 20000, 1, 0, 0, 10.0), 0);
	ck_assert_int_eq(cz_tally_add(&t, 7, 20000, 1, 1, 0, 10.2), 0);
	ck_assert_int_eq(cz_tally_add(&t, 7, 20001, 1, 0, 1, 10.3), 0);
	ck_assert_int_eq(cz_tally_add(&t, 3, 20000, 2, 0, 0, 10.4), 0);
	ck_assert_int_eq(t.n, 3);
	ck_assert_int_eq(cz_tally_requests(&t, 7, 20000), 2);
	ck_assert_int_eq(cz_tally_requests(&t, 7, 20001), 1);
	ck_assert_int_eq(cz_tally_requests(&t, 3, 20000), 2);
	ck_assert_int_eq(cz_tally_requests(&t, 3, 20001), 0);
	ck_assert_int_eq(cz_tally_requests(&t, 8, 20000), 0);
	cz_tally_clear(&t);
	ck_assert_int_eq(cz_tally_requests(&t, 7, 20000), 0);
}
END_TEST

START_TEST(due_a_second_after_the_first_count)
{
	struct cz_usage_tally t;

	memset(&t, 0, sizeof(t));
	ck_assert(cz_tally_due_in(&t, 5.0) < 0.0);
	ck_assert_int_eq(cz_tally_add(&t, 1, 1, 1, 0, 0, 5.0), 0);
	ck_assert(cz_tally_due_in(&t, 5.0) == CZ_TALLY_FLUSH_S);
	/* a later count does not push the first one's deadline back */
	ck_assert_int_eq(cz_tally_add(&t, 2, 1, 1, 0, 0, 5.5), 0);
	ck_assert(cz_tally_due_in(&t, 5.5) == CZ_TALLY_FLUSH_S - 0.5);
	ck_assert(cz_tally_due_in(&t, 9.0) == 0.0);
	cz_tally_retry_later(&t, 9.0);
	ck_assert(cz_tally_due_in(&t, 9.0) == CZ_TALLY_FLUSH_S);
	cz_tally_clear(&t);
	ck_assert(cz_tally_due_in(&t, 9.0) < 0.0);
	/* a new tally's clock starts at its own first count */
	ck_assert_int_eq(cz_tally_add(&t, 1, 1, 1, 0, 0, 20.0), 0);
	ck_assert(cz_tally_due_in(&t, 20.25) == CZ_TALLY_FLUSH_S - 0.25);
}
END_TEST

START_TEST(full_tally_refuses_a_new_key)
{
	struct cz_usage_tally t;
	int i;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < CZ_TALLY_MAX; i++)
		ck_assert_int_eq(cz_tally_add(&t, i + 1, 1, 1, 0, 0, 0.0), 0);
	ck_assert_int_eq(cz_tally_add(&t, CZ_TALLY_MAX + 1, 1, 1, 0, 0, 0.0),
	    -1);
	ck_assert_int_eq(t.n, CZ_TALLY_MAX);
	/* a key already held still counts */
	ck_assert_int_eq(cz_tally_add(&t, 1, 1, 1, 0, 0, 0.0), 0);
	ck_assert_int_eq(cz_tally_requests(&t, 1, 1), 2);
}
END_TEST

START_TEST(arrays_ordered_by_key_and_day)
{
	struct cz_usage_tally t;
	cz_buf a[5];
	int i;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < 5; i++)
		cz_buf_init(&a[i], 0);
	ck_assert_int_eq(cz_tally_arrays(&t, a), 0);
	for (i = 0; i < 5; i++)
		ck_assert_str_eq(a[i].data, "{}");
	ck_assert_int_eq(cz_tally_add(&t, 9, 20001, 4, 1, 0, 0.0), 0);
	ck_assert_int_eq(cz_tally_add(&t, 12, 20000, 1, 0, 2, 0.0), 0);
	ck_assert_int_eq(cz_tally_add(&t, 9, 20000, 3, 0, 0, 0.0), 0);
	ck_assert_int_eq(cz_tally_add(&t, 9223372036854775807LL, 20000,
	    5000000000LL, 0, 0, 0.0), 0);
	ck_assert_int_eq(cz_tally_arrays(&t, a), 0);
	ck_assert_str_eq(a[0].data, "{9,9,12,9223372036854775807}");
	ck_assert_str_eq(a[1].data, "{20000,20001,20000,20000}");
	ck_assert_str_eq(a[2].data, "{3,4,1,5000000000}");
	ck_assert_str_eq(a[3].data, "{0,1,0,0}");
	ck_assert_str_eq(a[4].data, "{0,0,2,0}");
	/* the counts are left as they were until cleared */
	ck_assert_int_eq(cz_tally_requests(&t, 9, 20001), 4);
	ck_assert_int_eq(t.n, 4);
	for (i = 0; i < 5; i++)
		cz_buf_free(&a[i]);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("usage_tally");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, counts_sum_per_key_and_day);
	tcase_add_test(tc, due_a_second_after_the_first_count);
	tcase_add_test(tc, full_tally_refuses_a_new_key);
	tcase_add_test(tc, arrays_ordered_by_key_and_day);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
