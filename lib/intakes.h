/*
 * intakes.h - reference intakes of the nutrients a plan should supply
 * (calcium, iron, potassium, magnesium, vitamin C, folate, vitamin D, B12)
 * per profile, with their source, and the plain advice a careful dietitian
 * would add to a plan: a low or very high energy target, a vegan or a
 * pregnancy plan, a week short of a reference intake.
 *
 * The solver pursues them as soft floors (lib/planner.c, set_floors;
 * CZ_PLAN_FLOOR_WEIGHT) and the plan reports them (docs/planner-rules.md,
 * "Reference intakes and advice").
 */
#ifndef CZ_INTAKES_H
#define CZ_INTAKES_H

#include <stddef.h>

#include "nutrition.h"
#include "planner.h"

#define CZ_INTAKES		8	/* nutrients with a reference intake */
#define CZ_ADVICE_MAX		6	/* advice lines a plan can get */
#define CZ_ADVICE_LOW_KCAL	1200	/* below: hard to meet needs */
#define CZ_ADVICE_HIGH_KCAL	4000	/* above: for very active people */
/* A week's average under this share of a reference intake is named in the
 * advice (vitamin D and B12: under 100 %, as food alone rarely gives them). */
#define CZ_ADVICE_LOW_PCT	70.0

struct cz_intake_ref {
	enum cz_nutrient	 nutrient;
	double			 amount;	/* in the nutrient's unit */
};

/* The reference intakes of profile (CZ_INTAKES of them, in a fixed order)
 * and, through source, where they come from. */
const struct cz_intake_ref *cz_intake_refs(enum cz_profile profile,
    const char **source);

/* Percent of ref that amount is; 0 for a missing amount (NAN). */
double cz_intake_pct(const struct cz_intake_ref *ref, double amount);

struct cz_advice {
	const char	*code;		/* "low_energy", "vitamin_d", ... */
	char		 text[480];
};

/* Fills advice (room for CZ_ADVICE_MAX) for req and the week's daily
 * average week; returns how many lines. */
size_t cz_plan_advice(const struct cz_plan_request *req,
    const struct cz_nutrients *week, struct cz_advice *advice);

#endif
