/*
 * plan_control.h - meal control of a stored plan, with no HTTP in it:
 * the dishes a meal could be swapped for, the swap itself, locking a meal,
 * the plan's revisions, reverting to one (undo), and what the last change
 * did to the plan's meals.
 *
 * Every change is stored as the plan's next revision, the document it
 * replaces kept in plan_revisions (sql/022); see plans.h for the results,
 * expected revisions and refusals these functions share. JSON values
 * returned here are owned by the request's arena.
 */
#ifndef CZ_PLAN_CONTROL_H
#define CZ_PLAN_CONTROL_H

#include <json-c/json.h>

#include "plans.h"

struct cz_db;

/* Registers the statements of this module (called by cz_plans_register).
 * Returns 0 or -1. */
int cz_plan_control_register(struct cz_db *db);

/*
 * The dishes (up to CZ_PLAN_ALTERNATIVES) meal slot of day day of plan id
 * could be swapped for, each keeping the day within its targets, in *out
 * (docs/api.md, "Meal control"): the plan's id and revision, the day,
 * the meal and its dish, and per alternative its dish, energy,
 * ingredients, whether the other meals keep their grams and, when not,
 * what would change. The same revision always offers the same dishes.
 * Returns CZ_PLAN_OK, NOT_FOUND, CONFLICT (the meal is locked),
 * INFEASIBLE (none keeps the day on target), UNAVAILABLE or ERROR.
 */
enum cz_plan_result cz_plans_alternatives(struct cz_request *r, long long id,
    long long day, const char *slot, struct json_object **out,
    struct cz_plan_refusal *refusal);

/*
 * Swaps meal slot of day day of plan id for the dish with slug dish (one
 * the alternatives offer, or any other the meal may take) and stores the
 * next revision; *kept says whether the other meals kept their grams.
 * Returns CZ_PLAN_OK, NOT_FOUND, INVALID (not a dish this meal may take),
 * CONFLICT (locked, or expected is not the plan's revision), INFEASIBLE,
 * UNAVAILABLE or ERROR.
 */
enum cz_plan_result cz_plans_swap(struct cz_request *r, long long id,
    long long day, const char *slot, const char *dish, long long expected,
    int *kept, struct cz_plan_refusal *refusal);

/* Locks (lock 1) or unlocks meal slot of day day of plan id. A change
 * (*changed 1) is stored as the next revision; locking a locked meal or
 * unlocking an unlocked one changes nothing (*changed 0). */
enum cz_plan_result cz_plans_lock(struct cz_request *r, long long id,
    long long day, const char *slot, int lock, long long expected,
    int *changed, struct cz_plan_refusal *refusal);

/* The revisions plan id keeps, newest first, in *out: {plan_id, revision
 * (the current one), kept (the bound), revisions: [{revision, change,
 * replaced_at}]}. */
enum cz_plan_result cz_plans_revisions(struct cz_request *r, long long id,
    struct json_object **out, struct cz_plan_refusal *refusal);

/* Stores the document of revision to of plan id as its next revision
 * (undo: to is the current revision - 1). NOT_FOUND when the plan keeps
 * no such revision, INVALID when to is the current one. */
enum cz_plan_result cz_plans_revert(struct cz_request *r, long long id,
    long long to, long long expected, struct cz_plan_refusal *refusal);

/*
 * What the change that made revision p->revision of stored plan p did to
 * its meals, against the revision before it: an array of {day, meal,
 * slot_label, dish_before, dish_after, dish_changed, food, before_g,
 * after_g} in *out, and the change's name in *change. Returns 0, or -1
 * when there is no such revision kept or the documents do not read (then
 * *out is NULL: the page simply shows no changes).
 */
int cz_plans_last_changes(struct cz_request *r,
    const struct cz_stored_plan *p, struct json_object **out,
    const char **change);

#endif /* CZ_PLAN_CONTROL_H */
