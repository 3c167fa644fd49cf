/*
 * handlers_plans.c - the meal plan API: make a plan, read it back,
 * regenerate one meal, a day or the whole plan, meal control (the dishes
 * a meal could be swapped for, the swap, locks, revisions and revert), and
 * the foods a plan may exclude. The work is in plans.c and plan_control.c;
 * the pages are handlers_plan_pages.c.
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
#include "numparse.h"
#include "plan_answers.h"
#include "plan_control.h"
#include "plan_doc.h"
#include "plans.h"
#include "response.h"
#include "session.h"
#include "validate.h"

/* A plan request's answer: what cz_plans_generate(_finish) filled. */
struct plan_create {
	struct cz_plan_refusal	 o;
	struct cz_stored_plan	 p;
	struct cz_plan_pending	*pending;
};

static int
create_answer(struct cz_request *r, enum cz_plan_result res,
    struct plan_create *pc)
{
	struct cz_plan_refusal *o = &pc->o;

	switch (res) {
	case CZ_PLAN_OK:
		cz_resp_header(r, "Location", "/api/plans/%lld", pc->p.id);
		return cz_plan_send(r, 201, &pc->p);
	case CZ_PLAN_QUOTA:
		return cz_plan_refuse_quota(r, o);
	case CZ_PLAN_INVALID:
		if (o->errors != NULL)
			return cz_resp_json(r, 400, cz_errors_body(r,
			    o->errors));
		break;
	case CZ_PLAN_INFEASIBLE:
		return cz_plan_refuse_infeasible(r, o);
	case CZ_PLAN_MEDICAL:
		return cz_resp_json_error(r, 422, o->message, o->constraint !=
		    NULL ? "constraint" : "see", o->constraint != NULL ?
		    o->constraint : "/disclaimers");
	default:
		break;
	}
	return cz_plan_status(r, res, o);
}

/* The rest of a plan request parked on its insert's commit. */
static int
create_finish(struct cz_request *r, void *arg)
{
	struct plan_create *pc = arg;

	return create_answer(r, cz_plans_generate_finish(r, pc->pending,
	    &pc->o, &pc->p), pc);
}

/*
 * A plan is answered only once its insert is committed, but the worker
 * need not wait for the commit: the request parks (pipeline.h) and the
 * worker serves the next one meanwhile.
 */
int
cz_h_api_plan_create(struct cz_request *r)
{
	struct plan_create *pc;
	enum cz_plan_result res;
	int rc;

	if ((rc = cz_plan_may_generate(r, "/plans/new")) != CZ_NEXT)
		return rc;
	if (r->json == NULL) {
		r->error_message = "send the plan request as a JSON object "
		    "(Content-Type: application/json)";
		return 400;
	}
	if ((pc = cz_arena_calloc(r->arena, 1, sizeof(*pc))) == NULL)
		return 500;
	res = cz_plans_generate(r, r->json, &pc->o, &pc->p,
	    cz_can_park(r) ? &pc->pending : NULL);
	if (res == CZ_PLAN_PENDING)
		return cz_park(r, create_finish, pc);
	return create_answer(r, res, pc);
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

/*
 * Fields of the bodies of a change (all optional): the seed of a
 * regeneration, the dish a swap chooses, and the revision the client read
 * (also If-Match), so that a change made on a stale copy is refused (409)
 * instead of silently undoing someone else's.
 */
static const struct cz_field change_fields[] = {
	{ "seed", CZ_F_INT, 0, 0, CZ_PLAN_MAX_SEED, NULL },
	{ "dish", CZ_F_STRING, 0, 1, 128, NULL },
	{ "revision", CZ_F_INT, 0, 1, INT32_MAX, NULL },
};
enum { CHANGE_SEED, CHANGE_DISH, CHANGE_REVISION, CHANGE__N };

/*
 * Reads the change body into val and the expected revision into
 * *expected (0: any): the body's "revision", else If-Match ("3", W/"3" or
 * 3; * is any). Returns CZ_NEXT, or an answer (400) already made.
 */
static int
change_input(struct cz_request *r, struct cz_value *val, long long *expected)
{
	struct json_object *errors;
	const char *h = cz_req_env(r, "HTTP_IF_MATCH"), *errstr;
	char num[16];
	size_t n;

	memset(val, 0, CHANGE__N * sizeof(*val));
	*expected = 0;
	if (cz_req_input(r, change_fields, CHANGE__N, val, &errors) == -1)
		return errors != NULL ? cz_resp_json(r, 400,
		    cz_errors_body(r, errors)) : 500;
	if (val[CHANGE_REVISION].present) {
		*expected = val[CHANGE_REVISION].i;
		return CZ_NEXT;
	}
	if (h == NULL || strcmp(h, "*") == 0)
		return CZ_NEXT;
	if (strncmp(h, "W/", 2) == 0)
		h += 2;
	n = strlen(h);
	if (n >= 2 && h[0] == '"' && h[n - 1] == '"') {
		h++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof(num) || strspn(h, "0123456789") != n)
		goto bad;
	memcpy(num, h, n);
	num[n] = '\0';
	*expected = cz_strtonum(num, 1, INT32_MAX, &errstr);
	if (errstr == NULL)
		return CZ_NEXT;
bad:
	return cz_resp_json_error(r, 400, "If-Match must be a plan revision "
	    "such as \"3\"", NULL, NULL);
}

/* The answer to a change that was not made: 409 for a conflict (locked,
 * or another revision), 422 for a change that cannot be (not a dish this
 * meal may take, or the targets cannot be met), else by the result. */
static int
change_refused(struct cz_request *r, enum cz_plan_result res,
    const struct cz_plan_refusal *o)
{
	if (res == CZ_PLAN_INFEASIBLE || res == CZ_PLAN_CONFLICT ||
	    res == CZ_PLAN_INVALID)
		return cz_resp_json_error(r, res == CZ_PLAN_CONFLICT ? 409 : 422,
		    o->message, o->constraint != NULL ? "constraint" : NULL,
		    o->constraint);
	return cz_plan_status(r, res, o);
}

/* Signed in with the right to change plans: CZ_NEXT or the answer. */
static int
may_change(struct cz_request *r, const char *right)
{
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	return cz_user_can(r, right);
}

/* The plan as stored now, after a change: read back, so that the answer
 * is exactly what is stored. */
static int
send_stored(struct cz_request *r, long long id)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	enum cz_plan_result res;

	if ((res = cz_plans_load(r, id, &p, &o)) != CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	cz_resp_header(r, "ETag", "\"%lld\"", p.revision);
	return cz_plan_send(r, 200, &p);
}

static const char *
slot_param(struct cz_request *r)
{
	const struct cz_path_param *slot = cz_route_param(&r->match, "slot");

	return slot != NULL ? slot->value : NULL;
}

int
cz_h_api_plan_regenerate(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CHANGE__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), expected;
	int rc;

	if ((rc = may_change(r, "plans:write")) != CZ_NEXT ||
	    (rc = change_input(r, val, &expected)) != CZ_NEXT)
		return rc;
	memset(&o, 0, sizeof(o));
	res = cz_plans_regenerate(r, id, cz_plan_param(r, "day"), slot_param(r),
	    val[CHANGE_SEED].present, (uint64_t)val[CHANGE_SEED].i, expected,
	    &o);
	if (res != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return send_stored(r, id);
}

int
cz_h_api_plan_regenerate_all(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CHANGE__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), expected;
	int rc;

	if ((rc = may_change(r, "plans:write")) != CZ_NEXT ||
	    (rc = change_input(r, val, &expected)) != CZ_NEXT)
		return rc;
	if ((res = cz_plans_regenerate_all(r, id, expected, &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return send_stored(r, id);
}

int
cz_h_api_plan_alternatives(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct json_object *out;
	enum cz_plan_result res;
	int rc;

	if ((rc = may_change(r, "plans:read")) != CZ_NEXT)
		return rc;
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_alternatives(r, cz_plan_param(r, "id"),
	    cz_plan_param(r, "day"), slot_param(r), &out, &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return cz_resp_json(r, 200, out);
}

int
cz_h_api_plan_swap(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CHANGE__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), expected;
	int rc, kept;

	if ((rc = may_change(r, "plans:write")) != CZ_NEXT ||
	    (rc = change_input(r, val, &expected)) != CZ_NEXT)
		return rc;
	if (!val[CHANGE_DISH].present)
		return cz_resp_json_error(r, 422, "name the dish to swap in "
		    "(\"dish\": a slug from the meal's alternatives)", NULL,
		    NULL);
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_swap(r, id, cz_plan_param(r, "day"), slot_param(r),
	    val[CHANGE_DISH].s, expected, &kept, &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	cz_resp_header(r, "X-Other-Meals", "%s", kept ? "kept" : "changed");
	return send_stored(r, id);
}

int
cz_h_api_plan_lock(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CHANGE__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), expected;
	int rc, changed;

	if ((rc = may_change(r, "plans:write")) != CZ_NEXT ||
	    (rc = change_input(r, val, &expected)) != CZ_NEXT)
		return rc;
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_lock(r, id, cz_plan_param(r, "day"), slot_param(r),
	    strcmp(r->method, "DELETE") != 0, expected, &changed, &o)) !=
	    CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return send_stored(r, id);
}

int
cz_h_api_plan_revisions(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct json_object *out;
	enum cz_plan_result res;
	int rc;

	if ((rc = may_change(r, "plans:read")) != CZ_NEXT)
		return rc;
	memset(&o, 0, sizeof(o));
	if ((res = cz_plans_revisions(r, cz_plan_param(r, "id"), &out, &o)) !=
	    CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return cz_resp_json(r, 200, out);
}

int
cz_h_api_plan_revert(struct cz_request *r)
{
	struct cz_plan_refusal o;
	struct cz_value val[CHANGE__N];
	enum cz_plan_result res;
	long long id = cz_plan_param(r, "id"), expected;
	int rc;

	if ((rc = may_change(r, "plans:write")) != CZ_NEXT ||
	    (rc = change_input(r, val, &expected)) != CZ_NEXT)
		return rc;
	if ((res = cz_plans_revert(r, id, cz_plan_param(r, "n"), expected,
	    &o)) != CZ_PLAN_OK)
		return change_refused(r, res, &o);
	return send_stored(r, id);
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
