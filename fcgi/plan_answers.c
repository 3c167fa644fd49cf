/*
 * plan_answers.c - what the plan handlers share. See plan_answers.h.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "jsonbody.h"
#include "legal.h"
#include "params.h"
#include "plan_answers.h"
#include "response.h"
#include "session.h"
#include "throttle.h"

int
cz_plan_signed_in(struct cz_request *r)
{
	if (r->user != NULL)
		return CZ_NEXT;
	if (r->wants_json) {
		r->status = 0;
		cz_resp_error(r, 401, "log in first (POST /api/login) or send "
		    "an API key");
		r->error_message = "not signed in";
		return CZ_DONE;
	}
	cz_resp_redirect(r, 303, cz_arena_printf(r->arena, "/login?next=%s",
	    strcmp(r->method, "GET") == 0 ? r->path : "/plans"));
	return CZ_DONE;
}

int
cz_plan_may_generate(struct cz_request *r, const char *back)
{
	struct cz_plan_refusal o;
	int rc;

	if (r->user != NULL && (rc = cz_user_can(r, "plans:write")) != CZ_NEXT)
		return rc;
	/* back travels as one query parameter (next=) of the log-in or
	 * terms page: encoded, so that its own query stays whole. */
	if ((back = cz_percent_encode(r->arena, back)) == NULL)
		back = "/plans/new";
	if ((rc = cz_legal_gate(r, back)) != CZ_NEXT)
		return rc;
	if (cz_plans_quota(r) == 0) {
		cz_plans_quota_used_up(r, &o, 0);
		return cz_plan_refuse_quota(r, &o);
	}
	return CZ_NEXT;
}

int
cz_plan_refuse_quota(struct cz_request *r, const struct cz_plan_refusal *out)
{
	cz_limit_refuse(r, r->user->id, CZ_PLANS_QUOTA_SCOPE, out->retry_after,
	    out->message);
	return CZ_DONE;
}

int
cz_plan_refuse_infeasible(struct cz_request *r,
    const struct cz_plan_refusal *out)
{
	struct json_object *o, *e;

	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return 500;
	e = json_object_new_object();
	json_object_object_add(e, "status", json_object_new_int(422));
	json_object_object_add(e, "message", json_object_new_string(
	    out->message != NULL ? out->message : "the request cannot be met"));
	if (out->constraint != NULL)
		json_object_object_add(e, "constraint",
		    json_object_new_string(out->constraint));
	json_object_object_add(e, "suggestions", out->suggestions != NULL ?
	    json_object_get(out->suggestions) : json_object_new_array());
	json_object_object_add(o, "error", e);
	r->error_message = out->message;
	return cz_resp_json(r, 422, o);
}

int
cz_plan_status(struct cz_request *r, enum cz_plan_result res,
    const struct cz_plan_refusal *out)
{
	static const int status[] = {
		[CZ_PLAN_OK] = 500,		/* not an error: a caller's bug */
		[CZ_PLAN_MEDICAL] = 422,
		[CZ_PLAN_INVALID] = 400,
		[CZ_PLAN_INFEASIBLE] = 422,
		[CZ_PLAN_QUOTA] = 429,
		[CZ_PLAN_NOT_FOUND] = 404,
		[CZ_PLAN_CONFLICT] = 409,
		[CZ_PLAN_UNAVAILABLE] = 503,
		[CZ_PLAN_ERROR] = 500,
	};

	if (res == CZ_PLAN_UNAVAILABLE && out->message == NULL)
		return cz_db_unavailable(r);
	if (out->message != NULL)
		r->error_message = out->message;
	return status[res];
}

int
cz_plan_send(struct cz_request *r, int status, const struct cz_stored_plan *p)
{
	cz_buf *b = r->body_out;
	int rc = 0;

	if (p->document[0] != '{')
		return 500;
	cz_buf_reset(b);
	rc |= cz_buf_printf(b, "{\"id\":%lld,\"revision\":%s,\"created_at\":"
	    "\"%s\",\"updated_at\":\"%s\",\"generation_ms\":%s,\"links\":"
	    "{\"self\":\"/api/plans/%lld\",\"html\":\"/plans/%lld\"},", p->id,
	    p->revision_text, p->created_at, p->updated_at, p->generation_ms,
	    p->id, p->id);
	rc |= cz_buf_puts(b, p->document + 1);
	rc |= cz_buf_putc(b, '\n');
	if (rc != 0) {
		r->error_message = "response too large";
		return 500;
	}
	r->status = status;
	r->content_type_out = "application/json";
	return CZ_DONE;
}

long long
cz_plan_param(struct cz_request *r, const char *name)
{
	const struct cz_path_param *p = cz_route_param(&r->match, name);

	return p != NULL ? p->num : 0;
}
