/*
 * plan_view.h - a stored plan as the plan page shows it.
 */
#ifndef CZ_PLAN_VIEW_H
#define CZ_PLAN_VIEW_H

#include <json-c/json.h>

#include "plans.h"

struct cz_request;

/* The context of pages/plan for stored plan p, loaded with its tree
 * (cz_plans_load_tree), which is decorated in place: the page's own
 * context (title, site, legal), the document with labels for its codes,
 * numbered meals, allergen texts and nutrient tables, and the video
 * platforms. Owned by the request; NULL when the document does not read
 * or memory ran out. */
struct json_object *cz_plan_view(struct cz_request *r,
    const struct cz_stored_plan *p);

#endif
