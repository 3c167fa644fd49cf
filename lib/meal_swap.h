/*
 * meal_swap.h - what a change of a day did to its meals: the lines a
 * person reads after a swap or a regeneration ("Dinner: olive oil 20 g ->
 * 29 g"), computed from two versions of the same day of a plan.
 *
 * Pure: no allocation, no I/O; names point into the catalog.
 */
#ifndef CZ_MEAL_SWAP_H
#define CZ_MEAL_SWAP_H

#include <stddef.h>

#include "catalog.h"
#include "planner.h"

/* One change of a meal: its dish (food NULL), or one food's grams. */
struct cz_meal_change {
	int		 meal;		/* index in the day, from 0 */
	enum cz_slot	 slot;
	const char	*dish_before;	/* template names */
	const char	*dish_after;
	const char	*food;		/* label; NULL: the dish changed */
	double		 before_g;	/* whole grams, 0: not in before */
	double		 after_g;	/* whole grams, 0: not in after */
};

/*
 * The changes from day a to day b (the same meal pattern) into out, at
 * most max: for a meal whose dish changed, one line naming both dishes;
 * for a meal that kept its dish, a line per food whose whole grams (as the
 * plan document prints them) differ, a food that appears or goes with 0
 * on its missing side. Meals in order, foods in a's order then b's new
 * ones. Returns how many changes there are (more than max when out was too
 * small: only max were written).
 */
size_t cz_meal_changes(const struct cz_catalog *cat,
    const struct cz_plan_day *a, const struct cz_plan_day *b,
    struct cz_meal_change *out, size_t max);

#endif /* CZ_MEAL_SWAP_H */
