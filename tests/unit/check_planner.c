/*
 * check_planner.c - unit tests of the planner's tables and generator
 * (the planning itself needs the catalog, so plan-check and
 * tests/integration/test_planner.sh test it against the database).
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "planner.h"

START_TEST(random_is_deterministic)
{
	uint64_t a = 42, b = 42, c = 43;
	int i, same = 1;

	for (i = 0; i < 1000; i++) {
		ck_assert_uint_eq(cz_plan_random(&a), cz_plan_random(&b));
		if (cz_plan_random(&a) != cz_plan_random(&c))
			same = 0;
		(void)cz_plan_random(&b);
	}
	ck_assert_int_eq(same, 0);
	/* splitmix64 from 0: the published first output. */
	a = 0;
	ck_assert_uint_eq(cz_plan_random(&a), UINT64_C(0xe220a8397b1dcdaf));
}
END_TEST

START_TEST(pattern_fractions_sum_to_one)
{
	const struct cz_pattern_slot *slots = NULL;
	double sum;
	int p, n, i, dinners;

	for (p = 0; p < CZ_PATTERN__MAX; p++) {
		n = cz_pattern_slots((enum cz_pattern)p, &slots);
		ck_assert_int_gt(n, 0);
		ck_assert_int_le(n, CZ_PLAN_MAX_MEALS);
		ck_assert_ptr_nonnull(cz_pattern_name(p));
		ck_assert_int_eq(cz_pattern_by_name(cz_pattern_name(p)), p);
		for (i = 0, sum = 0, dinners = 0; i < n; i++) {
			sum += slots[i].fraction;
			dinners += slots[i].kind == CZ_SLOT_DINNER;
		}
		ck_assert_double_eq_tol(sum, 1.0, 1e-9);
		ck_assert_int_eq(dinners, 1);
	}
	ck_assert_int_eq(cz_pattern_slots(CZ_PATTERN__MAX, &slots), 0);
}
END_TEST

START_TEST(profile_shares_sum_to_100)
{
	struct cz_plan_request req = { 0 };
	struct cz_plan_target t;
	double p, f, c;
	int d, pr;

	req.calories = 2000;
	req.days = 7;
	for (d = 0; d < CZ_DIET__MAX; d++) {
		ck_assert_int_eq(cz_diet_shares((enum cz_diet)d, &p, &f, &c),
		    0);
		ck_assert_double_eq_tol(p + f + c, 100.0, 1e-9);
		for (pr = 0; pr < CZ_PROFILE__MAX; pr++) {
			req.diet = (enum cz_diet)d;
			req.profile = (enum cz_profile)pr;
			ck_assert_int_eq(cz_plan_validate(&req, NULL, 0), 0);
			cz_plan_target(&req, &t);
			ck_assert_double_eq_tol(t.protein_share + t.fat_share +
			    t.carb_share, 1.0, 1e-9);
			ck_assert(t.carb_share > 0 && t.fat_share > 0);
			ck_assert(pr != CZ_PROFILE_ATHLETE ||
			    t.protein_share > p / 100.0);
			if (d == CZ_DIET_KETO) {
				ck_assert_double_eq(t.net_carbs_max, 20.0);
				ck_assert_double_eq(t.fiber_min, 0.0);
			} else
				ck_assert_double_eq_tol(t.fiber_min, 28.0,
				    1e-9);
		}
	}
}
END_TEST

START_TEST(requests_are_validated)
{
	struct cz_plan_request req = { 0 };
	char err[128];

	req.calories = 799;
	req.days = 7;
	ck_assert_int_eq(cz_plan_validate(&req, err, sizeof(err)), -1);
	req.calories = 5000;
	ck_assert_int_eq(cz_plan_validate(&req, err, sizeof(err)), 0);
	req.days = 8;
	ck_assert_int_eq(cz_plan_validate(&req, err, sizeof(err)), -1);
	req.days = 1;
	req.nexcluded = 1;
	req.excluded[0][0] = '1';
	ck_assert_int_eq(cz_plan_validate(&req, err, sizeof(err)), -1);
	ck_assert_int_eq(cz_restriction_by_name("nut_free"),
	    CZ_ALLERGEN_TREE_NUT);
	ck_assert_int_eq(cz_restriction_by_name("peanut_free"),
	    CZ_ALLERGEN_PEANUT);
}
END_TEST

static Suite *
planner_suite(void)
{
	Suite *s = suite_create("planner");
	TCase *tc = tcase_create("tables");

	tcase_add_test(tc, random_is_deterministic);
	tcase_add_test(tc, pattern_fractions_sum_to_one);
	tcase_add_test(tc, profile_shares_sum_to_100);
	tcase_add_test(tc, requests_are_validated);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(planner_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
