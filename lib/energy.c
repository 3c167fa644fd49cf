/*
 * energy.c - a daily calorie target from a person's measurements. See
 * energy.h for the sources.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "energy.h"
#include "planner.h"

static const char *const sexes[] = { "female", "male" };
static const char *const activities[] = { "sedentary", "light", "moderate",
    "active", "very_active" };
static const char *const goals[] = { "lose", "keep", "gain" };

/* The usual factors for the activity levels (FAO/WHO/UNU physical
 * activity levels as the calculators of the Dietary Guidelines use them). */
static const double factors[] = { 1.2, 1.375, 1.55, 1.725, 1.9 };

/*
 * The goal's daily change. About 500 kcal a day less loses about 0.5 kg a
 * week, the rate guidelines call safe; a gain of about 300 kcal a day
 * adds weight slowly, mostly as lean mass with training. Loss never takes
 * the target under CZ_ENERGY_LOW_KCAL by itself, nor under 80 % of the
 * energy to keep weight (a deficit of at most a fifth).
 */
#define LOSE_KCAL	500.0
#define GAIN_KCAL	300.0
#define MAX_DEFICIT	0.20

const char *
cz_sex_name(int s)
{
	return s >= 0 && s < CZ_SEX__MAX ? sexes[s] : NULL;
}

const char *
cz_activity_name(int a)
{
	return a >= 0 && a < CZ_ACT__MAX ? activities[a] : NULL;
}

const char *
cz_goal_name(int g)
{
	return g >= 0 && g < CZ_GOAL__MAX ? goals[g] : NULL;
}

int
cz_energy_target(const struct cz_energy_in *in, struct cz_energy_out *out,
    char *err, size_t errlen)
{
	double t, change = 0;

	if (in->age < CZ_ENERGY_AGE_MIN || in->age > CZ_ENERGY_AGE_MAX) {
		snprintf(err, errlen, "age must be from %d to %d years: the "
		    "equation and the plans are for adults",
		    CZ_ENERGY_AGE_MIN, CZ_ENERGY_AGE_MAX);
		return -1;
	}
	if (!(in->height_cm >= CZ_ENERGY_HEIGHT_MIN &&
	    in->height_cm <= CZ_ENERGY_HEIGHT_MAX)) {
		snprintf(err, errlen, "height must be from %d to %d cm",
		    CZ_ENERGY_HEIGHT_MIN, CZ_ENERGY_HEIGHT_MAX);
		return -1;
	}
	if (!(in->weight_kg >= CZ_ENERGY_WEIGHT_MIN &&
	    in->weight_kg <= CZ_ENERGY_WEIGHT_MAX)) {
		snprintf(err, errlen, "weight must be from %d to %d kg",
		    CZ_ENERGY_WEIGHT_MIN, CZ_ENERGY_WEIGHT_MAX);
		return -1;
	}
	if (cz_sex_name((int)in->sex) == NULL ||
	    cz_activity_name((int)in->activity) == NULL ||
	    cz_goal_name((int)in->goal) == NULL) {
		snprintf(err, errlen, "sex, activity or goal is not one of "
		    "the choices");
		return -1;
	}
	out->bmr_kcal = 10.0 * in->weight_kg + 6.25 * in->height_cm -
	    5.0 * in->age + (in->sex == CZ_SEX_MALE ? 5.0 : -161.0);
	out->factor = factors[in->activity];
	out->tdee_kcal = out->bmr_kcal * out->factor;
	if (in->goal == CZ_GOAL_LOSE) {
		change = -LOSE_KCAL;
		if (out->tdee_kcal + change < out->tdee_kcal * (1 - MAX_DEFICIT))
			change = -out->tdee_kcal * MAX_DEFICIT;
		if (out->tdee_kcal + change < CZ_ENERGY_LOW_KCAL)
			change = fmin(0, CZ_ENERGY_LOW_KCAL - out->tdee_kcal);
	} else if (in->goal == CZ_GOAL_GAIN)
		change = GAIN_KCAL;
	out->change_kcal = change;
	t = round((out->tdee_kcal + change) / 10.0) * 10.0;
	t = fmax(CZ_PLAN_MIN_KCAL, fmin(CZ_PLAN_MAX_KCAL, t));
	out->target_kcal = (int)t;
	out->low = out->target_kcal < CZ_ENERGY_LOW_KCAL;
	return 0;
}
