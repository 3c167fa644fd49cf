/*
 * handlers_plans.c - the meal plan API: make a plan, read it back,
 * regenerate one meal or day, and the foods a plan may exclude. The work
 * is in plans.c; the pages are handlers_plan_pages.c.
 *
 * Plans belong to the account that made them: making one needs a signed-in
 * account that accepted the current legal versions and is within its
 * tier's daily quota; reading and regenerating are for the owner (and
 * administrators) only, and anyone else is told there is no such plan
 * (404), so plan numbers cannot be probed.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "plan_answers.h"
#include "plan_doc.h"
#include "plans.h"
#include "response.h"
#include "session.h"
#include "validate.h"

int
cz_h_api_plan_create(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	enum cz_plan_result res;
	int rc;

	if ((rc = cz_plan_may_generate(r, "/plans/new")) != CZ_NEXT)
		return rc;
	if (r->json == NULL) {
		r->error_message = "send the plan request as a JSON object "
		    "(Content-Type: application/json)";
		return 400;
	}
	switch (res = cz_plans_generate(r, r->json, &o, &p)) {
	case CZ_PLAN_OK:
		cz_resp_header(r, "Location", "/api/plans/%lld", p.id);
		return cz_plan_send(r, 201, &p);
	case CZ_PLAN_QUOTA:
		return cz_plan_refuse_quota(r, &o);
	case CZ_PLAN_INVALID:
		if (o.errors != NULL)
			return cz_resp_json(r, 400, cz_errors_body(r, o.errors));
		break;
	case CZ_PLAN_MEDICAL:
	case CZ_PLAN_INFEASIBLE:
		return cz_resp_json_error(r, 422, o.message, o.constraint !=
		    NULL ? "constraint" : "see", o.constraint != NULL ?
		    o.constraint : "/disclaimers");
	default:
		break;
	}
	return cz_plan_status(r, res, &o);
}

int
cz_h_api_plan_get(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	enum cz_plan_result res;
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	if ((rc = cz_user_can(r, "plans:read")) != CZ_NEXT)
		return rc;
	if ((res = cz_plans_load(r, cz_plan_param(r, "id"), &p, &o)) !=
	    CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	return cz_plan_send(r, 200, &p);
}

/* Fields of the optional regenerate body. */
static const struct cz_field regen_fields[] = {
	{ "seed", CZ_F_INT, 0, 0, CZ_PLAN_MAX_SEED, NULL },
};

int
cz_h_api_plan_regenerate(struct cz_request *r)
{
	const struct cz_path_param *slot = cz_route_param(&r->match, "slot");
	struct json_object *errors;
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	struct cz_value val[1];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id");
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	if ((rc = cz_user_can(r, "plans:write")) != CZ_NEXT)
		return rc;
	memset(val, 0, sizeof(val));
	if (r->json != NULL && cz_validate_json(r->arena, regen_fields, 1,
	    r->json, val, &errors) == -1)
		return errors != NULL ? cz_resp_json(r, 400,
		    cz_errors_body(r, errors)) : 500;
	memset(&o, 0, sizeof(o));
	res = cz_plans_regenerate(r, id, cz_plan_param(r, "day"), slot != NULL ?
	    slot->value : NULL, val[0].present, (uint64_t)val[0].i, &o);
	if (res == CZ_PLAN_INFEASIBLE || res == CZ_PLAN_CONFLICT)
		return cz_resp_json_error(r, res == CZ_PLAN_CONFLICT ? 409 : 422,
		    o.message, o.constraint != NULL ? "constraint" : NULL,
		    o.constraint);
	if (res != CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	/* Read back, so the answer is exactly what is stored. */
	if ((res = cz_plans_load(r, id, &p, &o)) != CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	return cz_plan_send(r, 200, &p);
}

/* The foods the planner uses, for excluded_foods. */
int
cz_h_api_foods(struct cz_request *r)
{
	const struct cz_catalog *cat;
	const struct cz_cat_food *f;
	struct json_object *o, *a, *e, *al;
	size_t i;
	int k;

	if ((cat = cz_plans_catalog(r)) == NULL) {
		r->error_message = "the meal catalog is not available; please "
		    "try again shortly";
		return 503;
	}
	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return 500;
	a = json_object_new_array();
	for (i = 0; i < cat->nfoods; i++) {
		f = &cat->foods[i];
		e = json_object_new_object();
		json_object_object_add(e, "ndb", json_object_new_string(f->ndb));
		json_object_object_add(e, "label",
		    json_object_new_string(f->label));
		json_object_object_add(e, "food", json_object_new_string(f->name));
		al = json_object_new_array();
		for (k = 0; k < CZ_ALLERGEN__MAX; k++)
			if (f->allergens & 1u << k)
				json_object_array_add(al,
				    json_object_new_string(cz_allergen_name(k)));
		json_object_object_add(e, "allergens", al);
		json_object_array_add(a, e);
	}
	json_object_object_add(o, "foods", a);
	return cz_resp_json(r, 200, o);
}
