/*
 * energy.h - a daily calorie target from a person's measurements: the
 * Mifflin-St Jeor equation for resting energy, times an activity factor,
 * plus or minus a safe weekly rate for the goal. Pure arithmetic; the plan
 * form and GET /api/energy-target explain each step to the person.
 *
 * Mifflin MD, St Jeor ST, et al. A new predictive equation for resting
 * energy expenditure in healthy individuals. Am J Clin Nutr 1990;51:241-7.
 */
#ifndef CZ_ENERGY_H
#define CZ_ENERGY_H

#include <stddef.h>

enum cz_sex { CZ_SEX_FEMALE, CZ_SEX_MALE, CZ_SEX__MAX };

enum cz_activity {
	CZ_ACT_SEDENTARY,	/* desk job, little exercise: x 1.2 */
	CZ_ACT_LIGHT,		/* exercise 1-3 days a week: x 1.375 */
	CZ_ACT_MODERATE,	/* 3-5 days a week: x 1.55 */
	CZ_ACT_ACTIVE,		/* 6-7 days a week: x 1.725 */
	CZ_ACT_VERY_ACTIVE,	/* hard exercise and a physical job: x 1.9 */
	CZ_ACT__MAX
};

enum cz_goal { CZ_GOAL_LOSE, CZ_GOAL_KEEP, CZ_GOAL_GAIN, CZ_GOAL__MAX };

/* The bounds of the inputs: adults only (the equation and the planner's
 * reference intakes are for adults). */
#define CZ_ENERGY_AGE_MIN	18
#define CZ_ENERGY_AGE_MAX	100
#define CZ_ENERGY_HEIGHT_MIN	120	/* cm */
#define CZ_ENERGY_HEIGHT_MAX	230
#define CZ_ENERGY_WEIGHT_MIN	35	/* kg */
#define CZ_ENERGY_WEIGHT_MAX	300

/* Below this a plan warns (and the calculator never aims lower by itself
 * than this floor for a weight-loss goal). */
#define CZ_ENERGY_LOW_KCAL	1200

struct cz_energy_in {
	int		 age;		/* years */
	enum cz_sex	 sex;
	double		 height_cm, weight_kg;
	enum cz_activity activity;
	enum cz_goal	 goal;
};

struct cz_energy_out {
	double	bmr_kcal;	/* resting energy, Mifflin-St Jeor */
	double	factor;		/* the activity factor */
	double	tdee_kcal;	/* bmr x factor: energy to keep weight */
	double	change_kcal;	/* the goal's daily change, signed */
	int	target_kcal;	/* rounded to 10 kcal, within 800..5000 */
	int	low;		/* target under CZ_ENERGY_LOW_KCAL */
};

/* Names of the enums' values, for forms and the API ("moderate");
 * NULL out of range. */
const char *cz_sex_name(int s);
const char *cz_activity_name(int a);
const char *cz_goal_name(int g);

/*
 * Computes out from in. Returns 0, or -1 with a message for people in err
 * when an input is out of its bounds.
 */
int cz_energy_target(const struct cz_energy_in *in,
    struct cz_energy_out *out, char *err, size_t errlen);

#endif
