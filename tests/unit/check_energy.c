/*
 * check_energy.c - the calorie-target calculator (lib/energy.c): the
 * Mifflin-St Jeor figures worked by hand, the activity factors, the goals'
 * safe rates and floors, and the bounds of the inputs.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "energy.h"

static struct cz_energy_in
person(int age, enum cz_sex sex, double h, double w, enum cz_activity a,
    enum cz_goal g)
{
	struct cz_energy_in in = { age, sex, h, w, a, g };

	return in;
}

START_TEST(mifflin_by_hand)
{
	struct cz_energy_out o;
	struct cz_energy_in in;
	char err[160];

	/* Man, 30 y, 180 cm, 80 kg: 800 + 1125 - 150 + 5 = 1780 kcal; x 1.55
	 * = 2759; less 500 to lose: 2259, rounded to 2260. */
	in = person(30, CZ_SEX_MALE, 180, 80, CZ_ACT_MODERATE, CZ_GOAL_LOSE);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_double_eq_tol(o.bmr_kcal, 1780, 1e-9);
	ck_assert_double_eq_tol(o.tdee_kcal, 2759, 1e-9);
	ck_assert_double_eq_tol(o.change_kcal, -500, 1e-9);
	ck_assert_int_eq(o.target_kcal, 2260);
	ck_assert_int_eq(o.low, 0);

	/* Woman, 40 y, 165 cm, 60 kg: 600 + 1031.25 - 200 - 161 = 1270.25;
	 * sedentary x 1.2 = 1524.3 to keep: 1520. */
	in = person(40, CZ_SEX_FEMALE, 165, 60, CZ_ACT_SEDENTARY, CZ_GOAL_KEEP);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_double_eq_tol(o.bmr_kcal, 1270.25, 1e-9);
	ck_assert_int_eq(o.target_kcal, 1520);

	/* The same to gain: + 300 = 1824.3, 1820. */
	in.goal = CZ_GOAL_GAIN;
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_int_eq(o.target_kcal, 1820);

	/* Very active: x 1.9. */
	in = person(25, CZ_SEX_MALE, 190, 95, CZ_ACT_VERY_ACTIVE, CZ_GOAL_KEEP);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_double_eq_tol(o.factor, 1.9, 1e-12);
}
END_TEST

START_TEST(loss_is_safe)
{
	struct cz_energy_out o;
	struct cz_energy_in in;
	char err[160];

	/* Woman, 70 y, 150 cm, 45 kg, sedentary: 450 + 937.5 - 350 - 161 =
	 * 876.5; x 1.2 = 1051.8, already under 1,200: no deficit at all. */
	in = person(70, CZ_SEX_FEMALE, 150, 45, CZ_ACT_SEDENTARY, CZ_GOAL_LOSE);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_double_eq_tol(o.change_kcal, 0, 1e-9);
	ck_assert_int_eq(o.target_kcal, 1050);
	ck_assert_int_eq(o.low, 1);

	/* Woman, 30 y, 160 cm, 55 kg, sedentary: 550 + 1000 - 150 - 161 =
	 * 1239 x 1.2 = 1486.8; 500 less would be under a fifth and under
	 * 1,200: the deficit stops at 1,200. */
	in = person(30, CZ_SEX_FEMALE, 160, 55, CZ_ACT_SEDENTARY, CZ_GOAL_LOSE);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_int_eq(o.target_kcal, 1200);
	ck_assert_int_eq(o.low, 0);

	/* Man, 30 y, 180 cm, 80 kg, sedentary: 2136 x 0.8 = 1708.8 > 1636,
	 * so the deficit is a fifth, not 500. */
	in = person(30, CZ_SEX_MALE, 180, 80, CZ_ACT_SEDENTARY, CZ_GOAL_LOSE);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_double_eq_tol(o.change_kcal, -2136 * 0.2, 1e-9);
	ck_assert_int_eq(o.target_kcal, 1710);
}
END_TEST

START_TEST(bounds)
{
	struct cz_energy_out o;
	struct cz_energy_in in;
	char err[160];

	in = person(17, CZ_SEX_MALE, 180, 80, CZ_ACT_LIGHT, CZ_GOAL_KEEP);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "adults"));
	in = person(30, CZ_SEX_MALE, 119, 80, CZ_ACT_LIGHT, CZ_GOAL_KEEP);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "height"));
	in = person(30, CZ_SEX_MALE, 180, 301, CZ_ACT_LIGHT, CZ_GOAL_KEEP);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "weight"));
	in = person(30, (enum cz_sex)7, 180, 80, CZ_ACT_LIGHT, CZ_GOAL_KEEP);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), -1);
	/* The planner's range bounds the target: a huge, very active man. */
	in = person(18, CZ_SEX_MALE, 230, 300, CZ_ACT_VERY_ACTIVE,
	    CZ_GOAL_GAIN);
	ck_assert_int_eq(cz_energy_target(&in, &o, err, sizeof(err)), 0);
	ck_assert_int_eq(o.target_kcal, 5000);
	ck_assert_str_eq(cz_activity_name(CZ_ACT_VERY_ACTIVE), "very_active");
	ck_assert_ptr_null(cz_goal_name(CZ_GOAL__MAX));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("energy");
	TCase *tc = tcase_create("target");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, mifflin_by_hand);
	tcase_add_test(tc, loss_is_safe);
	tcase_add_test(tc, bounds);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
