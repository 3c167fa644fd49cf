/*
 * meal_role.h - which dish of its meal a dish of a day is.
 *
 * A meal above CZ_PLAN_SIDE_KCAL comes with side dishes, and omad's one
 * meal is two dishes (planner.h, cz_plan_slots); the document lists each
 * under its meal's slot, right after the meal's first dish. Shown as
 * "Lunch" twice, a cook reads two lunches, so the pages and the video
 * name the further dishes from this. Every function takes the slots of
 * the day's n dishes in order (slots[0 .. n)) and the dish's index k.
 */
#ifndef CZ_MEAL_ROLE_H
#define CZ_MEAL_ROLE_H

#include <stddef.h>

#include "catalog.h"
#include "planner.h"

enum cz_meal_role {
	CZ_MEAL_MAIN,		/* a meal's first dish (or a snack) */
	CZ_MEAL_SIDE,		/* a side dish drawn from the snacks */
	CZ_MEAL_SECOND		/* another dish of the meal (omad) */
};

/*
 * The role of dish k in a day of a plan made for req: a dish whose slot
 * repeats the previous dish's is a further dish of that meal, a side
 * when the request's slots (cz_plan_slots) draw it from the snacks.
 */
enum cz_meal_role cz_meal_role(const struct cz_plan_request *req,
		    const enum cz_slot *slots, int n, int k);

/* How a page heads dish k: "Lunch", "Lunch (side dish)", "Dinner (second
 * dish)"; into buf of len bytes, which it returns. */
const char	*cz_meal_label(const struct cz_plan_request *req,
		    const enum cz_slot *slots, int n, int k, char *buf,
		    size_t len);

/* The dish in a phrase ("Another lunch", "Another side dish"): the slot's
 * name for a meal's first dish, "side dish", or "dish" for a second. */
const char	*cz_meal_noun(const struct cz_plan_request *req,
		    const enum cz_slot *slots, int n, int k);

#endif /* CZ_MEAL_ROLE_H */
