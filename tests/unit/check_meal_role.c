/*
 * check_meal_role.c - unit tests of how a day's further dishes are named
 * (lib/meal_role.c): the sides a large meal gets and omad's second dish,
 * from the request's own slots (cz_plan_slots).
 */
#include "config.h"

#include <check.h>
#include <string.h>

#include "meal_role.h"

/* The slots cz_plan_slots gives req, into slots; returns their number. */
static int
request_slots(const struct cz_plan_request *req, enum cz_slot *slots)
{
	struct cz_pattern_slot ps[CZ_PLAN_MAX_MEALS];
	int i, n = cz_plan_slots(req, ps);

	for (i = 0; i < n; i++)
		slots[i] = ps[i].slot;
	return n;
}

static struct cz_plan_request
request(int kcal, enum cz_pattern pattern)
{
	struct cz_plan_request req;

	memset(&req, 0, sizeof(req));
	req.calories = kcal;
	req.diet = CZ_DIET_STANDARD;
	req.pattern = pattern;
	req.days = 7;
	return req;
}

/* 3,300 kcal in three meals: lunch and dinner (1,155 kcal each) come
 * with a side, breakfast (990 kcal) without. */
START_TEST(large_meals_have_sides)
{
	struct cz_plan_request req = request(3300, CZ_PATTERN_3_MEALS);
	enum cz_slot s[CZ_PLAN_MAX_MEALS];
	static const char *const label[] = { "Breakfast", "Lunch",
	    "Lunch (side dish)", "Dinner", "Dinner (side dish)" };
	static const char *const noun[] = { "breakfast", "lunch",
	    "side dish", "dinner", "side dish" };
	char buf[64];
	int k, n = request_slots(&req, s);

	ck_assert_int_eq(n, 5);
	for (k = 0; k < n; k++) {
		ck_assert_str_eq(cz_meal_label(&req, s, n, k, buf,
		    sizeof(buf)), label[k]);
		ck_assert_str_eq(cz_meal_noun(&req, s, n, k), noun[k]);
	}
	ck_assert_int_eq(cz_meal_role(&req, s, n, 2), CZ_MEAL_SIDE);
	ck_assert_int_eq(cz_meal_role(&req, s, n, 3), CZ_MEAL_MAIN);
}
END_TEST

/* 2,000 kcal in three meals: no meal repeats, every dish is its meal. */
START_TEST(ordinary_day_unchanged)
{
	struct cz_plan_request req = request(2000, CZ_PATTERN_3_MEALS);
	enum cz_slot s[CZ_PLAN_MAX_MEALS];
	char buf[64];
	int k, n = request_slots(&req, s);

	ck_assert_int_eq(n, 3);
	for (k = 0; k < n; k++)
		ck_assert_int_eq(cz_meal_role(&req, s, n, k), CZ_MEAL_MAIN);
	ck_assert_str_eq(cz_meal_label(&req, s, n, 2, buf, sizeof(buf)),
	    "Dinner");
}
END_TEST

/* omad's one meal is two dishes, the second drawn from the lunches: a
 * second dish, not a side; at 2,000 kcal the first (1,200 kcal) has a
 * side too, listed before the second dish. */
START_TEST(omad_second_dish)
{
	struct cz_plan_request req = request(1500, CZ_PATTERN_OMAD);
	enum cz_slot s[CZ_PLAN_MAX_MEALS];
	char buf[64];
	int n = request_slots(&req, s);

	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(cz_meal_role(&req, s, n, 1), CZ_MEAL_SECOND);
	ck_assert_str_eq(cz_meal_label(&req, s, n, 1, buf, sizeof(buf)),
	    "Dinner (second dish)");
	ck_assert_str_eq(cz_meal_noun(&req, s, n, 1), "dish");

	req = request(2000, CZ_PATTERN_OMAD);
	n = request_slots(&req, s);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(cz_meal_role(&req, s, n, 0), CZ_MEAL_MAIN);
	ck_assert_int_eq(cz_meal_role(&req, s, n, 1), CZ_MEAL_SIDE);
	ck_assert_int_eq(cz_meal_role(&req, s, n, 2), CZ_MEAL_SECOND);
}
END_TEST

/* A day whose dishes the request's slots do not match (a plan stored
 * under other rules): a repeated slot is still a further dish; out of
 * range and short buffers stay safe. */
START_TEST(other_days_and_bounds)
{
	struct cz_plan_request req = request(2000, CZ_PATTERN_3_MEALS);
	enum cz_slot s[] = { CZ_SLOT_LUNCH, CZ_SLOT_LUNCH, CZ_SLOT_LUNCH,
	    CZ_SLOT_DINNER };
	char buf[8];

	ck_assert_int_eq(cz_meal_role(&req, s, 4, 0), CZ_MEAL_MAIN);
	ck_assert_int_eq(cz_meal_role(&req, s, 4, 1), CZ_MEAL_SECOND);
	ck_assert_int_eq(cz_meal_role(&req, s, 4, 2), CZ_MEAL_SECOND);
	ck_assert_int_eq(cz_meal_role(&req, s, 4, 3), CZ_MEAL_MAIN);
	ck_assert_int_eq(cz_meal_role(&req, s, 4, 4), CZ_MEAL_MAIN);
	ck_assert_int_eq(cz_meal_role(&req, s, 4, -1), CZ_MEAL_MAIN);
	ck_assert_str_eq(cz_meal_label(&req, s, 4, 1, buf, sizeof(buf)),
	    "Lunch (");
	ck_assert_str_eq(cz_meal_label(&req, s, 4, 9, buf, sizeof(buf)), "");
	ck_assert_str_eq(cz_meal_noun(&req, s, 4, 9), "dish");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("meal_role");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, large_meals_have_sides);
	tcase_add_test(tc, ordinary_day_unchanged);
	tcase_add_test(tc, omad_second_dish);
	tcase_add_test(tc, other_days_and_bounds);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
