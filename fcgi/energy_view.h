/*
 * energy_view.h - the calorie-target calculator as the plan form and the
 * API show it: the inputs read from query parameters, and the result with
 * each step explained (lib/energy.h does the arithmetic).
 */
#ifndef CZ_ENERGY_VIEW_H
#define CZ_ENERGY_VIEW_H

struct cz_params;
struct cz_request;
struct json_object;

/*
 * Reads age, sex, height_cm, weight_kg, activity and goal from p and
 * computes the target. Returns a JSON object (owned by the request's
 * arena): on success with input, bmr_kcal, activity_factor,
 * maintenance_kcal, goal_change_kcal, target_kcal, formula, explanation
 * and warnings; else with error (a message for people) and field (the
 * input at fault). *status is 200, 400 (missing or malformed) or 422 (out
 * of its bounds, or a goal that is a medical condition).
 */
struct json_object *cz_energy_view(struct cz_request *r,
    const struct cz_params *p, int *status);

#endif
