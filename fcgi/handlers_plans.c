/*
 * handlers_plans.c - meal plans: generate (JSON API and HTML form), read
 * back, regenerate one meal, list.
 *
 * Every path validates the request through lib/plan_doc.c, plans in
 * memory over the catalog (loaded once per worker, on first use), stores
 * the request and the plan document in PostgreSQL and answers from the
 * stored text, so a plan read back is byte for byte the plan created.
 * Requests naming a medical condition are refused with 422 before
 * anything else; a request the planner cannot meet is a 422 naming the
 * constraint, never a plan that silently misses.
 *
 * Plans belong to the account that made them: making one needs a signed-in
 * account that accepted the current legal versions (handlers_legal.c) and
 * is within its tier's daily quota; reading, listing and regenerating are
 * for the owner (and administrators) only, and anyone else is told there
 * is no such plan (404), so plan numbers cannot be probed.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "clock.h"
#include "handlers.h"
#include "jsonbody.h"
#include "throttle.h"
#include "labels.h"
#include "legal.h"
#include "log.h"
#include "numparse.h"
#include "plan_doc.h"
#include "planner.h"
#include "ratelimit.h"
#include "response.h"
#include "session.h"
#include "validate.h"

#define PLANS_PER_PAGE		20

/* The plan quota: plans made per account per UTC day. */
#define QUOTA_SCOPE		"plans.account"
#define QUOTA_WINDOW		86400
#define SQL_STR_(x)		#x
#define SQL_STR(x)		SQL_STR_(x)

/*
 * The account's daily quota counted, then the plan, its audit entry
 * (plan.generated) and the count of the API key's plans of the day ($14,
 * NULL without a key), in one statement and one commit.  The quota's
 * window is the one rate_limit_hit() (sql/006) keys it by; with the
 * quota ($15) used up, q yields no row, nothing is written and the
 * statement returns no row.  So only a plan stored uses quota, and a
 * plan request costs two round trips (with the key lookup), not three.
 */
#define SQL_PLAN_INSERT \
	"WITH q AS (INSERT INTO rate_limits AS r (scope, key, window_start, " \
	"hits) SELECT '" QUOTA_SCOPE "', $10::bigint::text, " \
	"to_timestamp(floor(extract(epoch FROM now()) / " SQL_STR(QUOTA_WINDOW) \
	") * " SQL_STR(QUOTA_WINDOW) "), 1 " \
	"WHERE $15::integer > 0 ON CONFLICT (scope, key, window_start) DO " \
	"UPDATE SET hits = r.hits + 1 WHERE r.hits < $15::integer RETURNING " \
	"r.hits), p AS (INSERT INTO plans (diet, calories, meal_pattern, " \
	"profile, days, seed, request, document, generation_ms, owner_id) " \
	"SELECT $1, $2::integer, $3, $4, $5::smallint, $6::bigint, $7::json, " \
	"$8, $9::real, $10::bigint FROM q RETURNING id, created_at, " \
	"generation_ms), a AS (INSERT INTO audit_log (account_id, event, " \
	"address, user_agent, request_id, detail) SELECT $10::bigint, " \
	"'plan.generated', $11::inet, left($12, 512), nullif($13, ''), " \
	"jsonb_build_object('plan_id', p.id) FROM p), k AS (UPDATE " \
	"api_key_usage SET plans = plans + 1 WHERE key_id = $14::bigint AND " \
	"day = (now() AT TIME ZONE 'UTC')::date AND EXISTS (SELECT FROM p)) " \
	"SELECT id, to_char(created_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), generation_ms FROM p"
#define SQL_PLAN_GET \
	"SELECT id, revision, to_char(created_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), to_char(updated_at AT TIME ZONE " \
	"'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), generation_ms, request, " \
	"document, coalesce(owner_id, 0) FROM plans WHERE id = $1::bigint"
#define SQL_PLAN_UPDATE \
	"UPDATE plans SET document = $3, revision = revision + 1, " \
	"updated_at = now() WHERE id = $1::bigint AND revision = " \
	"$2::integer RETURNING revision"
#define SQL_PLAN_LIST \
	"SELECT id, to_char(created_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD HH24:MI'), diet, calories, meal_pattern, " \
	"coalesce(profile, ''), days FROM plans WHERE owner_id = $3::bigint " \
	"AND ($1::bigint IS NULL OR id < $1::bigint) ORDER BY id DESC " \
	"LIMIT $2::integer"

int
cz_plans_register(struct cz_db *db)
{
	if (cz_db_register(db, "plan_insert", SQL_PLAN_INSERT, 15, 0) == -1 ||
	    cz_db_register(db, "plan_get", SQL_PLAN_GET, 1, 1) == -1 ||
	    cz_db_register(db, "plan_update", SQL_PLAN_UPDATE, 3, 0) == -1 ||
	    cz_db_register(db, "plan_list", SQL_PLAN_LIST, 3, 1) == -1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * helpers
 */

/* The catalog, loaded on first use; NULL (logged) when it cannot be. */
static const struct cz_catalog *
catalog(struct cz_request *r)
{
	struct cz_app *app = r->app;
	char err[512];
	PGconn *c;

	if (app->catalog != NULL)
		return app->catalog;
	if ((c = cz_db_conn(app->db)) == NULL)
		return NULL;
	if (cz_catalog_load(c, &app->catalog, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return NULL;
	}
	return app->catalog;
}

/* A seed for a request that gave none: 53 random bits. */
static uint64_t
random_seed(void)
{
	uint64_t s = 0;

	if (getrandom(&s, sizeof(s), 0) != (ssize_t)sizeof(s))
		s = (uint64_t)time(NULL) * 6364136223846793005ULL;
	return s & (uint64_t)CZ_PLAN_MAX_SEED;
}

/* obj as compact JSON text, owned by the request's arena. */
static const char *
json_text(struct cz_request *r, struct json_object *obj)
{
	return cz_arena_strdup(r->arena, json_object_to_json_string_ext(obj,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* Whether every excluded food exists in the catalog; when not, a field
 * error naming the first unknown one. */
static int
excluded_known(struct cz_request *r, const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct json_object **errors)
{
	size_t i;

	for (i = 0; i < req->nexcluded; i++) {
		if (cz_catalog_food(cat, req->excluded[i]) != -1)
			continue;
		if ((*errors = json_object_new_object()) == NULL ||
		    cz_json_own(r->arena, *errors) == -1)
			return -1;
		json_object_object_add(*errors, "excluded_foods",
		    json_object_new_string(cz_arena_printf(r->arena, "%s is "
		    "not a food the planner uses (see GET /api/foods)",
		    req->excluded[i])));
		return -1;
	}
	return 0;
}

/* Where a generated or failed plan stands, for the handlers. */
struct outcome {
	int		 status;	/* 0: created */
	const char	*message;	/* 4xx/5xx */
	const char	*constraint;	/* 422 infeasible */
	int		 retry_after;	/* 429 quota used up: seconds */
	struct json_object *errors;	/* 400 */
	long long	 id;
	const char	*created_at;
	const char	*document;	/* JSON text */
	double		 ms;
	const char	*ms_stored;	/* as the database prints it */
};

/* The signed-in account's daily plan quota, by its tier. */
static long long
account_quota(struct cz_request *r)
{
	long long quota = cz_quota(&r->app->settings, r->user->tier, 0);

	return quota < 0 || quota > INT32_MAX ? 0 : quota;
}

/* out as the refusal of an account whose daily quota is used up: 429,
 * to be retried when the window (a UTC day) renews. */
static void
quota_used_up(struct cz_request *r, struct outcome *out, long long quota)
{
	time_t now = time(NULL);

	out->status = 429;
	out->retry_after = (int)(QUOTA_WINDOW - now % QUOTA_WINDOW);
	out->message = cz_arena_printf(r->arena, "The daily plan quota of "
	    "your %s account (%lld plans a day) is used up; it renews at "
	    "midnight UTC.", r->user->tier, quota);
}

/* Answers the refusal quota_used_up described (audited, Retry-After). */
static void
refuse_quota(struct cz_request *r, const struct outcome *out)
{
	cz_limit_refuse(r, r->user->id, QUOTA_SCOPE, out->retry_after,
	    out->message);
}

/* Validated request → plan → stored row (counted against the quota). */
static void
generate(struct cz_request *r, struct json_object *in, struct outcome *out)
{
	struct cz_app *app = r->app;
	const struct cz_catalog *cat;
	struct cz_plan_request req;
	struct cz_plan *plan;
	struct json_object *jreq;
	const char *term, *v[15], *errstr;
	long long quota;
	struct timespec t0;
	char err[256], buf[4][32];
	int seed_given, diet = -1, rc;
	PGresult *res;

	memset(out, 0, sizeof(*out));
	if ((term = cz_plan_medical_term(in)) != NULL) {
		out->status = 422;
		out->message = cz_arena_printf(r->arena, "Cibozer does not make "
		    "plans for medical conditions (%s was named). Its plans are "
		    "for general education only: see /disclaimers, and ask your "
		    "physician or a registered dietitian for a plan for your "
		    "condition.", term);
		cz_metrics_plan(app->metrics, -1, CZ_PLAN_OUT_MEDICAL, 0, NULL);
		return;
	}
	if (cz_plan_request_read(in, &req, &seed_given, &out->errors) == -1) {
		if (out->errors == NULL ||
		    cz_json_own(r->arena, out->errors) == -1) {
			out->status = 500;
			return;
		}
		out->status = 400;
		out->message = "the plan request has invalid fields";
		cz_metrics_plan(app->metrics, -1, CZ_PLAN_OUT_INVALID, 0, NULL);
		return;
	}
	diet = (int)req.diet;
	if ((cat = catalog(r)) == NULL) {
		out->status = 503;
		out->message = "the meal catalog is not available; please try "
		    "again shortly";
		cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_ERROR, 0, NULL);
		return;
	}
	if (excluded_known(r, cat, &req, &out->errors) == -1) {
		out->status = out->errors != NULL ? 400 : 500;
		out->message = "the plan request has invalid fields";
		cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_INVALID, 0, NULL);
		return;
	}
	if (!seed_given)
		req.seed = random_seed();
	if ((plan = cz_arena_alloc(r->arena, sizeof(*plan))) == NULL) {
		out->status = 500;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (cz_plan_make(cat, &req, plan, err, sizeof(err)) == -1) {
		out->status = 400;
		out->message = cz_arena_strdup(r->arena, err);
		cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_INVALID, 0, NULL);
		return;
	}
	if (!plan->feasible) {
		out->ms = cz_ms_since(&t0);
		out->status = 422;
		out->constraint = cz_arena_strdup(r->arena, plan->reason);
		out->message = cz_arena_printf(r->arena, "this request cannot "
		    "be met: %s. Try another calorie target, fewer restrictions "
		    "or another meal pattern.", plan->reason);
		cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_INFEASIBLE,
		    out->ms / 1e3, plan->reason);
		return;
	}
	cz_buf_reset(&app->doc);
	rc = cz_plan_document_write(cat, &req, plan, r->arena, &app->doc);
	out->ms = cz_ms_since(&t0);
	jreq = cz_plan_request_json(&req);
	if (rc == -1 || cz_json_own(r->arena, jreq) == -1 || jreq == NULL) {
		out->status = 500;
		return;
	}
	out->document = app->doc.data;
	snprintf(buf[0], sizeof(buf[0]), "%d", req.calories);
	snprintf(buf[1], sizeof(buf[1]), "%d", req.days);
	snprintf(buf[2], sizeof(buf[2]), "%llu", (unsigned long long)req.seed);
	snprintf(buf[3], sizeof(buf[3]), "%.3f", out->ms);
	v[0] = cz_diet_name((int)req.diet);
	v[1] = buf[0];
	v[2] = cz_pattern_name((int)req.pattern);
	v[3] = req.profile == CZ_PROFILE_NONE ? NULL :
	    cz_profile_name((int)req.profile);
	v[4] = buf[1];
	v[5] = buf[2];
	v[6] = json_text(r, jreq);
	v[7] = out->document;
	v[8] = buf[3];
	v[9] = cz_arena_printf(r->arena, "%lld", r->user->id);
	v[10] = cz_client_addr(r);
	v[11] = cz_audit_user_agent(r);
	v[12] = r->request_id;
	v[13] = r->user->key_id != 0 ? cz_arena_printf(r->arena, "%lld",
	    r->user->key_id) : NULL;
	quota = account_quota(r);
	v[14] = cz_arena_printf(r->arena, "%lld", quota);
	res = cz_db_exec(app->db, "plan_insert", 15, v);
	if (res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK &&
	    PQntuples(res) == 0) {
		PQclear(res);
		quota_used_up(r, out, quota);
		return;
	}
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQntuples(res) != 1) {
		cz_log(CZ_LOG_ERROR, "%s: storing a plan: %s", __func__,
		    res != NULL ? PQresultErrorMessage(res) :
		    cz_db_error(app->db));
		PQclear(res);
		out->status = 503;
		out->message = "the plan could not be stored; please try again "
		    "shortly";
		cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_ERROR, 0, NULL);
		return;
	}
	out->id = cz_strtonum(PQgetvalue(res, 0, 0), 1, LLONG_MAX, &errstr);
	out->created_at = cz_arena_strdup(r->arena, PQgetvalue(res, 0, 1));
	out->ms_stored = cz_arena_strdup(r->arena, PQgetvalue(res, 0, 2));
	PQclear(res);
	cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_CREATED, out->ms / 1e3,
	    NULL);
}

/*
 * Who may make a plan: the scope of an API key, the legal gate, and a
 * quota above zero (the quota itself is counted when the plan is stored,
 * so that only a stored plan uses it). Returns 0 when the plan may be
 * made; else the answer is built (a redirect, 401, 403 or 429 with
 * Retry-After) and 1 is returned, or an HTTP status (> 1) for the
 * pipeline to answer.
 */
static int
may_generate(struct cz_request *r)
{
	struct outcome o;
	int rc;

	if (r->user != NULL && (rc = cz_user_can(r, "plans:write")) != CZ_NEXT)
		return rc;
	if (cz_legal_gate(r, "/plans/new") == CZ_DONE)
		return 1;
	if (account_quota(r) == 0) {
		quota_used_up(r, &o, 0);
		refuse_quota(r, &o);
		return 1;
	}
	return 0;
}

/*
 * Writes the API form of a stored plan: its id, revision, times and links
 * before the members of the document, which is copied as stored.
 */
static int
send_plan(struct cz_request *r, int status, long long id, const char *rev,
    const char *created, const char *updated, const char *ms,
    const char *document)
{
	cz_buf *b = r->body_out;
	int rc = 0;

	if (document[0] != '{')
		return 500;
	cz_buf_reset(b);
	rc |= cz_buf_printf(b, "{\"id\":%lld,\"revision\":%s,\"created_at\":"
	    "\"%s\",\"updated_at\":\"%s\",\"generation_ms\":%s,\"links\":"
	    "{\"self\":\"/api/plans/%lld\",\"html\":\"/plans/%lld\"},", id,
	    rev, created, updated, ms, id, id);
	rc |= cz_buf_puts(b, document + 1);
	rc |= cz_buf_putc(b, '\n');
	if (rc != 0) {
		r->error_message = "response too large";
		return 500;
	}
	r->status = status;
	r->content_type_out = "application/json";
	return 0;
}

/* The row of plan id, or NULL with *status set (404, 503). */
static PGresult *
load_plan(struct cz_request *r, long long id, int *status)
{
	const char *v[1], *errstr;
	PGresult *res;
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", id);
	v[0] = buf;
	res = cz_db_exec(r->app->db, "plan_get", 1, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		*status = cz_db_unavailable(r);
		return NULL;
	}
	if (PQntuples(res) != 1 || r->user == NULL ||
	    (!r->user->is_admin && cz_strtonum(PQgetvalue(res, 0, 7), 0,
	    LLONG_MAX, &errstr) != r->user->id)) {
		PQclear(res);
		r->error_message = cz_arena_printf(r->arena, "There is no plan "
		    "%lld.", id);
		*status = 404;
		return NULL;
	}
	return res;
}

/* Whether someone is signed in; when not, the answer is built (401 for
 * the API, a 303 to the log-in page with the path as next for HTML). */
static int
anonymous(struct cz_request *r)
{
	if (r->user != NULL)
		return 0;
	if (r->wants_json) {
		r->status = 0;
		cz_resp_error(r, 401, "log in first (POST /api/login) or send "
		    "an API key");
		r->error_message = "not signed in";
		return 1;
	}
	cz_resp_redirect(r, 303, cz_arena_printf(r->arena, "/login?next=%s",
	    strcmp(r->method, "GET") == 0 ? r->path : "/plans"));
	return 1;
}

static long long
param_id(struct cz_request *r, const char *name)
{
	const struct cz_path_param *p = cz_route_param(&r->match, name);

	return p != NULL ? p->num : 0;
}

/* ------------------------------------------------------------------------
 * JSON API
 */

int
cz_h_api_plan_create(struct cz_request *r)
{
	struct outcome o;
	int rc;

	if ((rc = may_generate(r)) != 0)
		return rc == 1 ? 0 : rc;
	if (r->json == NULL) {
		r->error_message = "send the plan request as a JSON object "
		    "(Content-Type: application/json)";
		return 400;
	}
	generate(r, r->json, &o);
	if (o.status == 429) {
		refuse_quota(r, &o);
		return 0;
	}
	if (o.status == 400 && o.errors != NULL)
		return cz_resp_json(r, 400, cz_errors_body(r, o.errors));
	if (o.status == 422)
		return cz_resp_json_error(r, 422, o.message, o.constraint != NULL ?
		    "constraint" : "see", o.constraint != NULL ?
		    o.constraint : "/disclaimers");
	if (o.status != 0) {
		r->error_message = o.message;
		return o.status;
	}
	cz_resp_header(r, "Location", "/api/plans/%lld", o.id);
	return send_plan(r, 201, o.id, "1", o.created_at, o.created_at,
	    o.ms_stored, o.document);
}

int
cz_h_api_plan_get(struct cz_request *r)
{
	PGresult *res;
	long long id = param_id(r, "id");
	int status, rc;

	if (anonymous(r))
		return 0;
	if ((rc = cz_user_can(r, "plans:read")) != CZ_NEXT)
		return rc;
	if ((res = load_plan(r, id, &status)) == NULL)
		return status;
	rc = send_plan(r, 200, id, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
	    PQgetvalue(res, 0, 3), PQgetvalue(res, 0, 4), PQgetvalue(res, 0, 6));
	PQclear(res);
	return rc;
}

/*
 * Regenerates meal slot of day day of plan id (the whole day when slot is
 * NULL) with seed (or one derived from the plan's seed and revision when
 * !seed_given) and stores it as the next revision. Returns 0, or an HTTP status with r->error_message set
 * and, for 422, *constraint naming what could not be met.
 */
static int
regenerate(struct cz_request *r, long long id, long long day,
    const char *slot, int seed_given, uint64_t seed, const char **constraint)
{
	const struct cz_catalog *cat;
	struct cz_plan_request req;
	struct cz_plan *plan;
	struct json_object *jreq = NULL, *jdoc = NULL, *errors = NULL;
	const char *v[3], *errstr;
	char err[256], idbuf[32];
	long long rev;
	PGresult *res, *up;
	int status, sg, meal = -1, rc;

	*constraint = NULL;
	if ((res = load_plan(r, id, &status)) == NULL)
		return status;
	rev = cz_strtonum(PQgetvalue(res, 0, 1), 1, INT32_MAX, &errstr);
	if (cz_parse_json(r->arena, PQgetvalue(res, 0, 5),
	    (size_t)PQgetlength(res, 0, 5), CZ_JSON_MAX_DEPTH, &jreq) !=
	    CZ_P_OK || cz_parse_json(r->arena, PQgetvalue(res, 0, 6),
	    (size_t)PQgetlength(res, 0, 6), CZ_JSON_MAX_DEPTH, &jdoc) !=
	    CZ_P_OK || cz_plan_request_read(jreq, &req, &sg, &errors) == -1) {
		json_object_put(errors);
		PQclear(res);
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: the stored request or "
		    "document does not parse", __func__, id);
		return 500;
	}
	PQclear(res);
	if (day < 1 || day > req.days) {
		r->error_message = cz_arena_printf(r->arena, "plan %lld has no "
		    "day %lld (days 1-%d)", id, day, req.days);
		return 404;
	}
	if (slot != NULL &&
	    (meal = cz_plan_meal_index(&req, slot)) == -1) {
		r->error_message = cz_arena_printf(r->arena, "plan %lld has no "
		    "meal %s on day %lld (meals by slot name such as \"lunch\" "
		    "or \"snack-2\", or by number)", id, slot, day);
		return 404;
	}
	if ((cat = catalog(r)) == NULL) {
		r->error_message = "the meal catalog is not available; please "
		    "try again shortly";
		return 503;
	}
	if ((plan = cz_arena_alloc(r->arena, sizeof(*plan))) == NULL)
		return 500;
	if (cz_plan_from_document(cat, &req, jdoc, plan, err,
	    sizeof(err)) == -1) {
		r->error_message = cz_arena_printf(r->arena, "plan %lld cannot "
		    "be regenerated: %s", id, err);
		return 409;
	}
	if (!seed_given)
		seed = req.seed ^ ((uint64_t)rev * 0x9e3779b97f4a7c15ULL) ^
		    ((uint64_t)day << 8 | (uint64_t)(meal + 1));
	rc = meal >= 0 ? cz_plan_regenerate_meal(cat, &req, plan, (int)day - 1,
	    meal, seed, err, sizeof(err)) : cz_plan_regenerate_day(cat, &req,
	    plan, (int)day - 1, seed, err, sizeof(err));
	switch (rc) {
	case 0:
		break;
	case 1:
		*constraint = cz_arena_strdup(r->arena, err);
		r->error_message = cz_arena_printf(r->arena, "no other %s "
		    "keeps day %lld within its targets: %s", meal >= 0 ?
		    "dish" : "set of dishes", day, err);
		return 422;
	default:
		r->error_message = cz_arena_strdup(r->arena, err);
		return 400;
	}
	cz_buf_reset(&r->app->doc);
	if (cz_plan_document_write(cat, &req, plan, r->arena,
	    &r->app->doc) == -1)
		return 500;
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	v[0] = idbuf;
	v[1] = cz_arena_printf(r->arena, "%lld", rev);
	v[2] = r->app->doc.data;
	up = cz_db_exec(r->app->db, "plan_update", 3, v);
	if (up == NULL || PQresultStatus(up) != PGRES_TUPLES_OK) {
		PQclear(up);
		return cz_db_unavailable(r);
	}
	status = PQntuples(up) == 1 ? 0 : 409;
	PQclear(up);
	if (status != 0)
		r->error_message = "the plan changed while this meal was "
		    "regenerated; read it again and retry";
	return status;
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
	struct cz_value val[1];
	const char *constraint;
	PGresult *res;
	long long id = param_id(r, "id");
	int status, rc;

	if (anonymous(r))
		return 0;
	if ((rc = cz_user_can(r, "plans:write")) != CZ_NEXT)
		return rc;
	memset(val, 0, sizeof(val));
	if (r->json != NULL && cz_validate_json(r->arena, regen_fields, 1,
	    r->json, val, &errors) == -1)
		return errors != NULL ? cz_resp_json(r, 400,
		    cz_errors_body(r, errors)) : 500;
	status = regenerate(r, id, param_id(r, "day"), slot != NULL ?
	    slot->value : NULL, val[0].present, (uint64_t)val[0].i,
	    &constraint);
	if (status == 422 || status == 409)
		return cz_resp_json_error(r, status, r->error_message, constraint !=
		    NULL ? "constraint" : NULL, constraint);
	if (status != 0)
		return status;
	/* Read back, so the answer is exactly what is stored. */
	if ((res = load_plan(r, id, &status)) == NULL)
		return status;
	rc = send_plan(r, 200, id, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
	    PQgetvalue(res, 0, 3), PQgetvalue(res, 0, 4), PQgetvalue(res, 0, 6));
	PQclear(res);
	return rc;
}

int
cz_h_plan_regenerate_form(struct cz_request *r)
{
	const struct cz_path_param *slot = cz_route_param(&r->match, "slot");
	const char *constraint;
	long long id = param_id(r, "id"), day = param_id(r, "day");
	int status;

	if (anonymous(r))
		return 0;
	status = regenerate(r, id, day, slot != NULL ? slot->value : NULL, 0,
	    0, &constraint);
	if (status != 0)
		return status;
	cz_resp_header(r, "Location", "/plans/%lld#day-%lld", id, day);
	r->status = 303;
	r->content_type_out = "text/plain; charset=utf-8";
	cz_buf_reset(r->body_out);
	cz_buf_printf(r->body_out, "See /plans/%lld\n", id);
	return 0;
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

	if ((cat = catalog(r)) == NULL) {
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

/* ------------------------------------------------------------------------
 * HTML
 */

/* The form's fields in the JSON shape the API takes. Text that is not an
 * integer stays text, so that validation names it. */
static struct json_object *
form_to_json(struct cz_request *r)
{
	static const char *const ints[] = { "calories", "days", "seed" };
	static const char *const names[] = { "diet_type", "meal_pattern",
	    "profile" };
	struct json_object *o, *a, *b;
	const struct cz_param *p;
	const char *errstr, *s;
	char *copy, *w, *last;
	long long x;
	size_t i, k;

	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return NULL;
	for (k = 0; k < sizeof(ints) / sizeof(ints[0]); k++) {
		if ((s = cz_params_get(&r->form, ints[k])) == NULL || *s == '\0')
			continue;
		x = cz_strtonum(s, LLONG_MIN, LLONG_MAX, &errstr);
		json_object_object_add(o, ints[k], errstr == NULL ?
		    json_object_new_int64(x) : json_object_new_string(s));
	}
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if ((s = cz_params_get(&r->form, names[k])) != NULL && *s != '\0')
			json_object_object_add(o, names[k],
			    json_object_new_string(s));
	a = json_object_new_array();
	b = json_object_new_array();
	for (i = 0; i < r->form.n; i++) {
		p = &r->form.v[i];
		if (strcmp(p->name, "restrictions") == 0 && p->value_len > 0)
			json_object_array_add(a, json_object_new_string(p->value));
		if (strcmp(p->name, "excluded_foods") != 0 ||
		    (copy = cz_arena_strdup(r->arena, p->value)) == NULL)
			continue;
		for (w = strtok_r(copy, ", \t\r\n", &last); w != NULL;
		    w = strtok_r(NULL, ", \t\r\n", &last))
			json_object_array_add(b, json_object_new_string(w));
	}
	json_object_object_add(o, "restrictions", a);
	json_object_object_add(o, "excluded_foods", b);
	return o;
}

/* A list of {value, label, selected} for a select or checkboxes. */
static struct json_object *
options(const char *(*name)(int), int n, int from, const char *selected,
    struct json_object *checked)
{
	struct json_object *a = json_object_new_array(), *o, *e;
	const char *v;
	char label[64];
	size_t k;
	int i, on;

	for (i = from; i < n; i++) {
		v = name(i);
		snprintf(label, sizeof(label), "%s", cz_label(v));
		label[0] = (char)toupper((unsigned char)label[0]);
		on = selected != NULL && strcmp(selected, v) == 0;
		if (checked != NULL)
			for (k = 0; k < json_object_array_length(checked); k++) {
				e = json_object_array_get_idx(checked, k);
				on |= json_object_is_type(e, json_type_string) &&
				    strcmp(json_object_get_string(e), v) == 0;
			}
		o = json_object_new_object();
		json_object_object_add(o, "value", json_object_new_string(v));
		json_object_object_add(o, "label", json_object_new_string(label));
		json_object_object_add(o, "selected", json_object_new_boolean(on));
		json_object_array_add(a, o);
	}
	return a;
}

static const char *
form_value(struct cz_request *r, const char *name, const char *def)
{
	const char *s = r->form.n > 0 ? cz_params_get(&r->form, name) : NULL;

	return s != NULL ? s : def;
}

static const char *
profile_or_none(int p)
{
	return p == CZ_PROFILE_NONE ? "none" : cz_profile_name(p);
}

/* The form page, with the values sent back and errors when there are. */
static int
form_page(struct cz_request *r, int status, struct json_object *in,
    struct json_object *errors, const char *message)
{
	struct json_object *ctx, *f, *checked = NULL;

	if ((ctx = cz_page_ctx(r, "Plan a week")) == NULL)
		return 500;
	if (in != NULL)
		json_object_object_get_ex(in, "restrictions", &checked);
	f = json_object_new_object();
	json_object_object_add(f, "calories", json_object_new_string(
	    form_value(r, "calories", "2000")));
	json_object_object_add(f, "days", json_object_new_string(
	    form_value(r, "days", "7")));
	json_object_object_add(f, "seed", json_object_new_string(
	    form_value(r, "seed", "")));
	json_object_object_add(f, "excluded_foods", json_object_new_string(
	    form_value(r, "excluded_foods", "")));
	json_object_object_add(f, "diets", options(cz_diet_name, CZ_DIET__MAX,
	    0, form_value(r, "diet_type", "standard"), NULL));
	json_object_object_add(f, "patterns", options(cz_pattern_name,
	    CZ_PATTERN__MAX, 0, form_value(r, "meal_pattern", "3_meals"), NULL));
	json_object_object_add(f, "profiles", options(profile_or_none,
	    CZ_PROFILE__MAX, 0, form_value(r, "profile", "none"), NULL));
	json_object_object_add(f, "restrictions", options(cz_restriction_name,
	    CZ_RESTRICTIONS__MAX, 0, NULL, checked));
	json_object_object_add(ctx, "form", f);
	if (errors != NULL)
		json_object_object_add(ctx, "errors", json_object_get(errors));
	if (message != NULL)
		json_object_object_add(ctx, "message",
		    json_object_new_string(message));
	return cz_resp_html(r, status, "pages/plan_new", ctx);
}

int
cz_h_plans_new(struct cz_request *r)
{
	return form_page(r, 200, NULL, NULL, NULL);
}

int
cz_h_plans_create(struct cz_request *r)
{
	struct json_object *in;
	struct outcome o;
	int rc;

	if ((rc = may_generate(r)) != 0)
		return rc == 1 ? 0 : rc;
	if ((in = form_to_json(r)) == NULL)
		return 500;
	generate(r, in, &o);
	if (o.status == 429) {
		refuse_quota(r, &o);
		return 0;
	}
	if (o.status == 400 || o.status == 422)
		return form_page(r, o.status, in, o.errors, o.status == 422 ?
		    o.message : "Please correct the fields marked below.");
	if (o.status != 0) {
		r->error_message = o.message;
		return o.status;
	}
	/* Post/redirect/get: a reload does not make a second plan. */
	cz_resp_header(r, "Location", "/plans/%lld", o.id);
	r->status = 303;
	r->content_type_out = "text/plain; charset=utf-8";
	cz_buf_reset(r->body_out);
	cz_buf_printf(r->body_out, "See /plans/%lld\n", o.id);
	return 0;
}

/* The labels (labels.h) of the codes in array a joined with ", "
 * (allocated from the arena), or NULL when a is not a non-empty array. */
static const char *
joined(struct cz_request *r, struct json_object *a)
{
	const char *s = NULL, *e;
	size_t i, n;

	if (!json_object_is_type(a, json_type_array) ||
	    (n = json_object_array_length(a)) == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		e = cz_label(json_object_get_string(
		    json_object_array_get_idx(a, i)));
		s = s == NULL ? cz_arena_strdup(r->arena, e) :
		    cz_arena_printf(r->arena, "%s, %s", s, e);
	}
	return s;
}

/* Adds allergens_text to every ingredient that has allergens. */
static void
label_allergens(struct cz_request *r, struct json_object *meal)
{
	struct json_object *items, *it, *a;
	const char *s;
	size_t i;

	if (!json_object_object_get_ex(meal, "items", &items))
		return;
	for (i = 0; i < json_object_array_length(items); i++) {
		it = json_object_array_get_idx(items, i);
		if (json_object_object_get_ex(it, "allergens", &a) &&
		    (s = joined(r, a)) != NULL)
			json_object_object_add(it, "allergens_text",
			    json_object_new_string(s));
	}
}

/* Adds allergen_label to an allergen warning {allergen, meals}. */
static void
label_warning(struct json_object *w)
{
	struct json_object *a;

	if (json_object_object_get_ex(w, "allergen", &a) &&
	    json_object_is_type(a, json_type_string))
		json_object_object_add(w, "allergen_label",
		    json_object_new_string(cz_label(json_object_get_string(a))));
}

/* "Vitamin B12", "µg", "2.4" rows of the full nutrient table. */
static struct json_object *
nutrient_rows(struct json_object *totals)
{
	const struct cz_nutrient_info *ni;
	struct json_object *a = json_object_new_array(), *row, *v;
	int k;

	for (k = 0; k < CZ_NUTRIENTS; k++) {
		ni = cz_nutrient_info(k);
		if (!json_object_object_get_ex(totals, ni->key, &v))
			continue;
		row = json_object_new_object();
		json_object_object_add(row, "label",
		    json_object_new_string(ni->label));
		json_object_object_add(row, "unit", json_object_new_string(ni->unit));
		json_object_object_add(row, "value", json_object_get(v));
		json_object_array_add(a, row);
	}
	return a;
}

int
cz_h_plan_show(struct cz_request *r)
{
	struct json_object *ctx, *doc = NULL, *days, *d, *tot, *req, *v, *meals;
	PGresult *res;
	long long id = param_id(r, "id");
	const char *diet = "", *pattern = "", *restrictions = NULL;
	const char *profile = NULL;
	size_t i, k, n;
	int status, kcal = 0, ndays = 0;

	if (anonymous(r))
		return 0;
	if ((res = load_plan(r, id, &status)) == NULL)
		return status;
	if (cz_parse_json(r->arena, PQgetvalue(res, 0, 6),
	    (size_t)PQgetlength(res, 0, 6), CZ_JSON_MAX_DEPTH, &doc) !=
	    CZ_P_OK) {
		PQclear(res);
		return 500;
	}
	if (json_object_object_get_ex(doc, "request", &req)) {
		if (json_object_object_get_ex(req, "calories", &v))
			kcal = json_object_get_int(v);
		if (json_object_object_get_ex(req, "days", &v))
			ndays = json_object_get_int(v);
		if (json_object_object_get_ex(req, "diet_type", &v))
			diet = json_object_get_string(v);
		if (json_object_object_get_ex(req, "meal_pattern", &v))
			pattern = json_object_get_string(v);
		if (json_object_object_get_ex(req, "restrictions", &v))
			restrictions = joined(r, v);
		if (json_object_object_get_ex(req, "profile", &v) &&
		    json_object_is_type(v, json_type_string))
			profile = cz_label(json_object_get_string(v));
	}
	if (json_object_object_get_ex(doc, "allergen_warnings", &v))
		for (i = 0; i < json_object_array_length(v); i++)
			label_warning(json_object_array_get_idx(v, i));
	ctx = cz_page_ctx(r, cz_arena_printf(r->arena, "%d-day %s plan, %d "
	    "kcal a day", ndays, diet, kcal));
	if (ctx == NULL) {
		PQclear(res);
		return 500;
	}
	json_object_object_add(ctx, "id", json_object_new_int64(id));
	json_object_object_add(ctx, "created_at",
	    json_object_new_string(PQgetvalue(res, 0, 2)));
	json_object_object_add(ctx, "revision",
	    json_object_new_string(PQgetvalue(res, 0, 1)));
	json_object_object_add(ctx, "generation_ms",
	    json_object_new_string(PQgetvalue(res, 0, 4)));
	json_object_object_add(ctx, "pattern_label", json_object_new_string(
	    cz_label(pattern)));
	if (restrictions != NULL)
		json_object_object_add(ctx, "restrictions_text",
		    json_object_new_string(restrictions));
	if (profile != NULL)
		json_object_object_add(ctx, "profile_label",
		    json_object_new_string(profile));
	PQclear(res);
	if (json_object_object_get_ex(doc, "days", &days)) {
		n = json_object_array_length(days);
		for (i = 0; i < n; i++) {
			d = json_object_array_get_idx(days, i);
			if (json_object_object_get_ex(d, "totals", &tot))
				json_object_object_add(d, "nutrient_rows",
				    nutrient_rows(tot));
			if (!json_object_object_get_ex(d, "meals", &meals))
				continue;
			for (k = 0; k < json_object_array_length(meals); k++) {
				json_object_object_add(json_object_array_get_idx(
				    meals, k), "n", json_object_new_int(
				    (int)k + 1));
				label_allergens(r, json_object_array_get_idx(
				    meals, k));
			}
		}
	}
	if (json_object_object_get_ex(doc, "daily_average", &tot))
		json_object_object_add(ctx, "average_rows", nutrient_rows(tot));
	json_object_object_add(ctx, "plan", json_object_get(doc));
	json_object_object_add(ctx, "platforms", cz_video_platforms());
	return cz_resp_html(r, 200, "pages/plan", ctx);
}

static const struct cz_field list_fields[] = {
	{ "before", CZ_F_INT, 0, 1, LLONG_MAX, NULL },
};

int
cz_h_plans_list(struct cz_request *r)
{
	struct cz_value val[1];
	struct json_object *ctx, *errors, *list, *o;
	const char *v[3];
	char before[32], limit[16];
	PGresult *res;
	int i, n;

	if (anonymous(r))
		return 0;
	if (cz_validate_params(r->arena, list_fields, 1, &r->query_params, val,
	    &errors) == -1) {
		r->error_message = "before must be a plan number";
		return 400;
	}
	snprintf(before, sizeof(before), "%lld", val[0].i);
	snprintf(limit, sizeof(limit), "%d", PLANS_PER_PAGE + 1);
	v[0] = val[0].present ? before : NULL;
	v[1] = limit;
	v[2] = cz_arena_printf(r->arena, "%lld", r->user->id);
	res = cz_db_exec(r->app->db, "plan_list", 3, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return cz_db_unavailable(r);
	}
	if ((ctx = cz_page_ctx(r, "Saved plans")) == NULL) {
		PQclear(res);
		return 500;
	}
	list = json_object_new_array();
	n = PQntuples(res);
	for (i = 0; i < n && i < PLANS_PER_PAGE; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(
		    PQgetvalue(res, i, 0)));
		json_object_object_add(o, "created_at", json_object_new_string(
		    PQgetvalue(res, i, 1)));
		json_object_object_add(o, "diet", json_object_new_string(
		    cz_label(PQgetvalue(res, i, 2))));
		json_object_object_add(o, "calories", json_object_new_string(
		    PQgetvalue(res, i, 3)));
		json_object_object_add(o, "meal_pattern", json_object_new_string(
		    cz_label(PQgetvalue(res, i, 4))));
		if (*PQgetvalue(res, i, 5) != '\0')
			json_object_object_add(o, "profile", json_object_new_string(
			    cz_label(PQgetvalue(res, i, 5))));
		json_object_object_add(o, "days", json_object_new_string(
		    PQgetvalue(res, i, 6)));
		json_object_array_add(list, o);
	}
	json_object_object_add(ctx, "plans", list);
	if (n > PLANS_PER_PAGE)
		json_object_object_add(ctx, "next_before", json_object_new_string(
		    PQgetvalue(res, PLANS_PER_PAGE - 1, 0)));
	if (val[0].present)
		json_object_object_add(ctx, "paged", json_object_new_boolean(1));
	PQclear(res);
	return cz_resp_html(r, 200, "pages/plans", ctx);
}
