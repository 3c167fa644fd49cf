/*
 * check_intakes.c - unit tests of lib/intakes.c: each profile's reference
 * intakes and their source; the advice a plan gets (low and very high
 * energy, vegan, pregnancy, vitamin D and B12 under the reference, other
 * nutrients under 70 %), and none for a week that meets every reference.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "intakes.h"

static struct cz_plan_request
request(int kcal, enum cz_diet diet, enum cz_profile profile)
{
	struct cz_plan_request r;

	memset(&r, 0, sizeof(r));
	r.calories = kcal;
	r.diet = diet;
	r.profile = profile;
	r.days = 7;
	return r;
}

/* A week at pct percent of every reference intake of profile. */
static struct cz_nutrients
week_at(enum cz_profile profile, double pct)
{
	const struct cz_intake_ref *refs;
	struct cz_nutrients w;
	const char *src;
	size_t i;

	cz_nutrients_zero(&w);
	refs = cz_intake_refs(profile, &src);
	for (i = 0; i < CZ_INTAKES; i++)
		w.v[refs[i].nutrient] = refs[i].amount * pct / 100.0;
	return w;
}

/* The advice codes for req and week, joined with spaces. */
static const char *
codes(const struct cz_plan_request *req, const struct cz_nutrients *week)
{
	static char out[256];
	struct cz_advice a[CZ_ADVICE_MAX];
	size_t n, i;

	n = cz_plan_advice(req, week, a);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		ck_assert(strlen(a[i].text) > 40);
		ck_assert_ptr_null(strchr(a[i].text, '{'));
		if (i > 0)
			strcat(out, " ");
		strcat(out, a[i].code);
	}
	return out;
}

START_TEST(references_per_profile)
{
	const struct cz_intake_ref *adult, *preg, *old;
	const char *s1, *s2, *s3;
	size_t i;

	adult = cz_intake_refs(CZ_PROFILE_NONE, &s1);
	preg = cz_intake_refs(CZ_PROFILE_PREGNANCY, &s2);
	old = cz_intake_refs(CZ_PROFILE_OLDER_ADULT, &s3);
	ck_assert_ptr_eq(cz_intake_refs(CZ_PROFILE_ATHLETE, &s1), adult);
	ck_assert(strstr(s1, "FDA Daily Values for adults") != NULL);
	ck_assert(strstr(s2, "pregnant") != NULL);
	ck_assert(strstr(s3, "over 70") != NULL);
	for (i = 0; i < CZ_INTAKES; i++) {
		ck_assert(adult[i].amount > 0 && preg[i].amount > 0 &&
		    old[i].amount > 0);
		ck_assert_int_eq(adult[i].nutrient, preg[i].nutrient);
	}
	/* The values that differ: iron and folate in pregnancy, iron for
	 * older adults; vitamin D in IU (20 ug = 800 IU for adults). */
	ck_assert(preg[1].nutrient == CZ_N_IRON && preg[1].amount == 27 &&
	    adult[1].amount == 18 && old[1].amount == 8);
	ck_assert(preg[5].nutrient == CZ_N_FOLATE && preg[5].amount == 600);
	ck_assert(adult[6].nutrient == CZ_N_VITAMIN_D && adult[6].amount == 800);
	ck_assert_double_eq_tol(cz_intake_pct(&adult[0], 650), 50.0, 1e-9);
	ck_assert_double_eq(cz_intake_pct(&adult[0], NAN), 0);
}
END_TEST

START_TEST(advice_by_request)
{
	struct cz_plan_request r;
	struct cz_nutrients full = week_at(CZ_PROFILE_NONE, 120);

	r = request(2000, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	ck_assert_str_eq(codes(&r, &full), "");
	r = request(1100, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	ck_assert_str_eq(codes(&r, &full), "low_energy");
	r = request(CZ_ADVICE_LOW_KCAL, CZ_DIET_STANDARD, CZ_PROFILE_NONE);
	ck_assert_str_eq(codes(&r, &full), "");
	r = request(4500, CZ_DIET_STANDARD, CZ_PROFILE_ATHLETE);
	ck_assert_str_eq(codes(&r, &full), "high_energy");
	r = request(2000, CZ_DIET_VEGAN, CZ_PROFILE_NONE);
	ck_assert_str_eq(codes(&r, &full), "vegan");
	full = week_at(CZ_PROFILE_PREGNANCY, 120);
	r = request(2400, CZ_DIET_STANDARD, CZ_PROFILE_PREGNANCY);
	ck_assert_str_eq(codes(&r, &full), "pregnancy");
}
END_TEST

START_TEST(advice_by_nutrients)
{
	struct cz_plan_request r = request(2000, CZ_DIET_STANDARD,
	    CZ_PROFILE_NONE);
	struct cz_plan_request v = request(2000, CZ_DIET_VEGAN,
	    CZ_PROFILE_NONE);
	struct cz_nutrients w = week_at(CZ_PROFILE_NONE, 120);
	struct cz_advice a[CZ_ADVICE_MAX];
	size_t n;

	w.v[CZ_N_VITAMIN_D] = 200;	/* 25 % of 800 IU */
	ck_assert_str_eq(codes(&r, &w), "vitamin_d");
	n = cz_plan_advice(&r, &w, a);
	ck_assert_uint_eq(n, 1);
	ck_assert(strstr(a[0].text, "25 %") != NULL);
	w.v[CZ_N_VITAMIN_B12] = 1.2;	/* 50 % */
	ck_assert_str_eq(codes(&r, &w), "vitamin_d vitamin_b12");
	/* A vegan's B12 is in the vegan line, not twice. */
	ck_assert_str_eq(codes(&v, &w), "vegan vitamin_d");
	/* 69 % of calcium is named, 70 % of potassium is not. */
	w.v[CZ_N_CALCIUM] = 1300 * 0.69;
	w.v[CZ_N_POTASSIUM] = 4700 * 0.70;
	ck_assert_str_eq(codes(&r, &w), "vitamin_d vitamin_b12 low_nutrients");
	n = cz_plan_advice(&r, &w, a);
	ck_assert(strstr(a[2].text, "under 70 % of the reference intake "
	    "of calcium (69 %); ") != NULL);
	ck_assert(strstr(a[2].text, "otassium") == NULL);
	/* Several read as a list in a sentence, names in lower case. */
	w.v[CZ_N_VITAMIN_C] = 90 * 0.5;
	w.v[CZ_N_FOLATE] = 400 * 0.6;
	n = cz_plan_advice(&r, &w, a);
	ck_assert_uint_eq(n, 3);
	ck_assert(strstr(a[2].text, " of calcium (69 %), vitamin C (50 %) "
	    "and folate (60 %); ") != NULL);
	/* Everything at once still fits the room there is. */
	v = request(1000, CZ_DIET_VEGAN, CZ_PROFILE_PREGNANCY);
	w = week_at(CZ_PROFILE_PREGNANCY, 10);
	n = cz_plan_advice(&v, &w, a);
	ck_assert_uint_le(n, CZ_ADVICE_MAX);
	ck_assert_str_eq(codes(&v, &w),
	    "low_energy vegan pregnancy vitamin_d low_nutrients");
}
END_TEST

static Suite *
intakes_suite(void)
{
	Suite *s = suite_create("intakes");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, references_per_profile);
	tcase_add_test(tc, advice_by_request);
	tcase_add_test(tc, advice_by_nutrients);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(intakes_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
