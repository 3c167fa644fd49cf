/*
 * plan_request.h - plan requests as JSON: the one place that reads a
 * request (API body, HTML form turned JSON, stored request) into a
 * struct cz_plan_request with per-field errors, screens it for medical
 * conditions, writes its canonical form, and names the meal slots of a
 * day.
 *
 * json-c objects returned here belong to the caller (json_object_put).
 */
#ifndef CZ_PLAN_REQUEST_H
#define CZ_PLAN_REQUEST_H

#include <json-c/json.h>

#include "planner.h"

/* Largest seed accepted: JSON numbers stay exact up to 2^53 - 1. */
#define CZ_PLAN_MAX_SEED	9007199254740991LL

/*
 * Returns the medical condition a request names ("diabetes"), or NULL.
 * Every string value of obj, its array elements and the names of its
 * members are searched, case-insensitively, for the terms of a fixed
 * table; such requests are refused (422) before any other validation,
 * since planning for medical conditions is out of scope by design.
 */
const char *cz_plan_medical_term(struct json_object *obj);

/*
 * Reads a plan request from the JSON object obj:
 *   calories (integer, required), diet_type, meal_pattern, restrictions
 *   (array of names), excluded_foods (array of 5-digit NDB numbers),
 *   profile ("none" or absent for none), days (default 7), seed.
 * A null member counts as absent. Unknown members are errors, so that a
 * misspelt field is not ignored. The members are checked by a cz_field
 * table (validate.h), which words the messages.
 * Returns 0 with req filled (*seed_given tells whether obj had a seed;
 * without one req->seed is 0), or -1 with req at its defaults,
 * *seed_given 0 and *errors set to a new object mapping each failing
 * field to a message, owned by the caller (NULL when memory ran out).
 */
int cz_plan_request_read(struct json_object *obj,
    struct cz_plan_request *req, int *seed_given,
    struct json_object **errors);

/* The canonical JSON form of req, as the plan document's "request". */
struct json_object *cz_plan_request_json(const struct cz_plan_request *req);

/*
 * The dish index (from 0) of slot name s in a day of req: "lunch" is the
 * first dish reported under lunch, "lunch-2" the second (a side dish, or
 * the second snack for "snack-2"), and "1".."8" count the dishes in order.
 * Returns -1 when the day has no such dish.
 */
int cz_plan_meal_index(const struct cz_plan_request *req, const char *s);

#endif /* CZ_PLAN_REQUEST_H */
