/*
 * plans.c - meal plans as a service: validate, plan in memory over the
 * catalog, write the document, store it against the daily quota, read it
 * back, regenerate one meal, a day or the whole plan (locked meals kept),
 * list; and the one way a change is stored, as the next revision with the
 * replaced document kept (sql/022; meal control builds on it in
 * plan_control.c). See plans.h.
 *
 * Requests naming a medical condition are refused before anything else;
 * a request the planner cannot meet is CZ_PLAN_INFEASIBLE naming the
 * constraint, never a plan that silently misses.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "clock.h"
#include "fixed_text.h"
#include "jsonbody.h"
#include "key_usage.h"
#include "log.h"
#include "plan_control.h"
#include "plan_doc.h"
#include "plan_read.h"
#include "plan_stored.h"
#include "plan_suggest.h"
#include "planner.h"
#include "plans.h"
#include "query.h"
#include "ratelimit.h"
#include "session.h"

/* The time a refusal may spend finding the nearest requests that work. */
#define SUGGEST_BUDGET_MS	300.0

#define SQL_STR_(x)		#x
#define SQL_STR(x)		SQL_STR_(x)

/*
 * A plan is stored in two short transactions (docs/operations.md,
 * "Durability"):
 *
 * plan_count, before the plan is made (a request past its quota costs
 * no planning), takes COUNT_UNITS units of the account's daily quota
 * (the window rate_limit_hit(), sql/006, keys it by: the responder passes
 * its start), committing asynchronously: this is a row every plan of one
 * account updates, and a durable commit would hold its row lock through
 * the WAL flush, so that concurrent plans of one account queued one flush
 * each instead of sharing one. It takes one unit, or, for an account
 * busy on this worker, a lease of several (lib/quota_lease.h), so that a
 * busy account's plans update the row once a lease, not once a plan. With
 * fewer than COUNT_UNITS units left under the quota (COUNT_QUOTA), no row
 * is returned and nothing is written.
 * A plan made with an API key counts for the key once it is stored, in
 * the responder's tally (key_usage.h).
 *
 * plan_insert then writes the plan and its audit entry (plan.generated)
 * with a durable commit, touching no row another request writes; it is
 * sent before the answer's document is written and read after, so that
 * the commit's WAL flush and the document's writing overlap. WAL is
 * one sequence: that commit's flush also flushes the counts before it, so
 * a plan answered 201 never outlives its count in a crash. A crash can
 * lose counts of plans not yet stored (never answered 201), and a plan
 * not stored (infeasible, or a failed insert) gives its unit back to its
 * lease, and the units a lease did not use go back within a second
 * (plan_uncount).
 */
#define SQL_QUOTA_WINDOW	"to_timestamp($3::bigint)"
#define SQL_PLAN_COUNT \
	"WITH q AS (INSERT INTO rate_limits AS r (scope, key, window_start, " \
	"hits) SELECT '" CZ_PLANS_QUOTA_SCOPE "', $1::bigint::text, " \
	SQL_QUOTA_WINDOW ", $4::integer WHERE $4::integer BETWEEN 1 AND " \
	"$2::integer AND set_config('synchronous_commit', 'off', true) = " \
	"'off' ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = " \
	"r.hits + $4::integer WHERE r.hits + $4::integer <= $2::integer " \
	"RETURNING r.hits) SELECT hits FROM q"
enum { COUNT_OWNER, COUNT_QUOTA, COUNT_WINDOW, COUNT_UNITS, COUNT__N };
enum { COUNTED_HITS };

#define SQL_PLAN_UNCOUNT \
	"WITH c AS (SELECT set_config('synchronous_commit', 'off', true)), " \
	"d AS (DELETE FROM rate_limits WHERE scope = '" CZ_PLANS_QUOTA_SCOPE \
	"' AND key = $1::bigint::text AND window_start = " SQL_QUOTA_WINDOW \
	" AND hits = $2::integer AND EXISTS (SELECT FROM c)) UPDATE " \
	"rate_limits SET hits = hits - $2::integer WHERE scope = '" \
	CZ_PLANS_QUOTA_SCOPE "' AND key = $1::bigint::text AND window_start " \
	"= " SQL_QUOTA_WINDOW " AND hits > $2::integer AND EXISTS (SELECT " \
	"FROM c)"
enum { UNCOUNT_OWNER, UNCOUNT_UNITS, UNCOUNT_WINDOW, UNCOUNT__N };

#define SQL_PLAN_INSERT \
	"WITH p AS (INSERT INTO plans (diet, calories, meal_pattern, " \
	"profile, days, seed, request, document, generation_ms, owner_id) " \
	"VALUES ($1, $2::integer, $3, $4, $5::smallint, $6::bigint, $7::json, " \
	"$8, $9::real, $10::bigint) RETURNING id, created_at, " \
	"generation_ms), a AS (INSERT INTO audit_log (account_id, event, " \
	"address, user_agent, request_id, detail) SELECT $10::bigint, " \
	"'plan.generated', $11::inet, left($12, 512), nullif($13, ''), " \
	"jsonb_build_object('plan_id', p.id) FROM p) " \
	"SELECT id, to_char(created_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), generation_ms FROM p"
enum { INSERT_DIET, INSERT_CALORIES, INSERT_PATTERN, INSERT_PROFILE,
    INSERT_DAYS, INSERT_SEED, INSERT_REQUEST, INSERT_DOCUMENT, INSERT_MS,
    INSERT_OWNER, INSERT_ADDRESS, INSERT_USER_AGENT, INSERT_REQUEST_ID,
    INSERT__N };
enum { INSERTED_ID, INSERTED_CREATED_AT, INSERTED_MS };

#define SQL_PLAN_GET \
	"SELECT id, revision, to_char(created_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), to_char(updated_at AT TIME ZONE " \
	"'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), generation_ms, document, " \
	"coalesce(owner_id, 0) FROM plans WHERE id = $1::bigint"
enum { GET_ID, GET__N };
enum { GOT_ID, GOT_REVISION, GOT_CREATED_AT, GOT_UPDATED_AT, GOT_MS,
    GOT_DOCUMENT, GOT_OWNER };

/*
 * A change of a stored plan, in one statement: the row at the expected
 * revision locked, its document kept in plan_revisions under its revision
 * with what replaced it (sql/022), the new document stored as the next
 * revision, and revisions older than the CZ_PLAN_REVISIONS_KEPT newest
 * deleted. When the plan is no longer at that revision (changed
 * meanwhile), no row matches and nothing is written: a conflict.
 */
#define SQL_PLAN_UPDATE \
	"WITH old AS (SELECT id, revision, document FROM plans WHERE id = " \
	"$1::bigint AND revision = $2::integer FOR UPDATE), up AS (UPDATE " \
	"plans p SET document = $3, revision = old.revision + 1, updated_at " \
	"= now() FROM old WHERE p.id = old.id RETURNING p.revision), h AS " \
	"(INSERT INTO plan_revisions (plan_id, revision, change, document) " \
	"SELECT id, revision, $4, document FROM old), t AS (DELETE FROM " \
	"plan_revisions WHERE plan_id = $1::bigint AND revision <= " \
	"$2::integer - " SQL_STR(CZ_PLAN_REVISIONS_KEPT) " AND EXISTS (SELECT " \
	"FROM old)) SELECT revision FROM up"
enum { UPDATE_ID, UPDATE_REVISION, UPDATE_DOCUMENT, UPDATE_CHANGE,
    UPDATE__N };

#define SQL_PLAN_LIST \
	"SELECT id, to_char(created_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD HH24:MI'), diet, calories, meal_pattern, " \
	"coalesce(profile, ''), days FROM plans WHERE owner_id = $3::bigint " \
	"AND id < coalesce($1::bigint, " SQL_ID_MAX ") ORDER BY id DESC " \
	"LIMIT $2::integer"
enum { LIST_BEFORE, LIST_LIMIT, LIST_OWNER, LIST__N };
enum { LISTED_ID, LISTED_CREATED_AT, LISTED_DIET, LISTED_CALORIES,
    LISTED_PATTERN, LISTED_PROFILE, LISTED_DAYS };

int
cz_plans_register(struct cz_db *db)
{
	if (cz_db_register(db, "plan_count", SQL_PLAN_COUNT, COUNT__N,
	    0) == -1 ||
	    cz_db_register(db, "plan_uncount", SQL_PLAN_UNCOUNT, UNCOUNT__N,
	    0) == -1 ||
	    cz_db_register(db, "plan_insert", SQL_PLAN_INSERT, INSERT__N,
	    0) == -1 ||
	    cz_db_register(db, "plan_get", SQL_PLAN_GET, GET__N, 1) == -1 ||
	    cz_db_register(db, "plan_update", SQL_PLAN_UPDATE, UPDATE__N,
	    0) == -1 ||
	    cz_db_register(db, "plan_list", SQL_PLAN_LIST, LIST__N, 1) == -1 ||
	    cz_plan_control_register(db) == -1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * helpers
 */

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

/* n as text in r's arena (NULL when out of memory), without printf:
 * a plan's insert passes five numbers, and printf's format parsing was
 * most of what writing them cost. */
static const char *
num_text(struct cz_request *r, long long n)
{
	char *t;

	if ((t = cz_arena_alloc(r->arena, CZ_INT_TEXT_MAX)) == NULL)
		return NULL;
	return cz_int_text(t, n);
}

/* A plan's seed as text, as num_text. */
static const char *
seed_text(struct cz_request *r, unsigned long long seed)
{
	char *t;

	if ((t = cz_arena_alloc(r->arena, CZ_UINT_DIGITS_MAX + 1)) == NULL)
		return NULL;
	t[cz_uint_digits(t, seed)] = '\0';
	return t;
}

/* A generation time in milliseconds with three decimals (the column is
 * a real: a microsecond either way on a tie is no matter), as num_text. */
static const char *
ms_text(struct cz_request *r, double ms)
{
	unsigned long long us;
	char *t;
	size_t k;

	if (!(ms >= 0.0 && ms < 1e12))
		return cz_arena_printf(r->arena, "%.3f", ms);
	if ((t = cz_arena_alloc(r->arena, CZ_UINT_DIGITS_MAX + 6)) == NULL)
		return NULL;
	us = (unsigned long long)(ms * 1000.0 + 0.5);
	k = cz_uint_digits(t, us / 1000);
	t[k++] = '.';
	t[k++] = (char)('0' + us / 100 % 10);
	t[k++] = (char)('0' + us / 10 % 10);
	t[k++] = (char)('0' + us % 10);
	t[k] = '\0';
	return t;
}

/* Whether every excluded food exists in the catalog; when not, a field
 * error naming the first unknown one (NULL when memory ran out). */
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

static enum cz_plan_result
catalog_away(struct cz_plan_refusal *out)
{
	out->message = "the meal catalog is not available; please try "
	    "again shortly";
	return CZ_PLAN_UNAVAILABLE;
}

/* The stored form of plan (lib/plan_stored.h) into *text, the
 * request's. Returns 0, or -1 when memory ran out. */
static int
stored_text(struct cz_request *r, const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *plan,
    const char **text)
{
	cz_buf b;
	int rc;

	cz_buf_init(&b, CZ_PLAN_STORED_MAX_BYTES);
	rc = cz_plan_stored_write(cat, req, plan, &b);
	if (rc == 0 && (*text = cz_arena_strndup(r->arena, b.data,
	    b.len)) == NULL)
		rc = -1;
	cz_buf_free(&b);
	return rc;
}

/*
 * p->document from p->stored: the stored form expanded into the document
 * (in the request's arena), or the document a plan stored before that
 * form was kept as. Returns CZ_PLAN_OK; UNAVAILABLE with a message when
 * the catalog is away (503); ERROR, logged, when the stored plan does not
 * read or names a dish or food the catalog no longer has.
 */
static enum cz_plan_result
expand(struct cz_request *r, struct cz_stored_plan *p,
    struct cz_plan_refusal *out)
{
	const struct cz_catalog *cat;
	char err[256];

	if (!cz_plan_stored_is(p->stored, p->stored_len)) {
		p->document = p->stored;
		p->document_len = p->stored_len;
		return CZ_PLAN_OK;
	}
	if ((cat = cz_plans_catalog(r)) == NULL)
		return catalog_away(out);
	cz_buf_reset(r->doc);
	if (cz_plan_stored_expand(cat, r->arena, p->stored, p->stored_len,
	    r->doc, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: the stored plan does not "
		    "read: %s", __func__, p->id, err);
		return CZ_PLAN_ERROR;
	}
	if ((p->document = cz_arena_strndup(r->arena, r->doc->data,
	    r->doc->len)) == NULL)
		return CZ_PLAN_ERROR;
	p->document_len = r->doc->len;
	return CZ_PLAN_OK;
}

/* p->tree from p->stored, as expand() makes p->document. */
static enum cz_plan_result
expand_tree(struct cz_request *r, struct cz_stored_plan *p,
    struct cz_plan_refusal *out)
{
	const struct cz_catalog *cat;
	char err[256];

	if (!cz_plan_stored_is(p->stored, p->stored_len)) {
		if (cz_parse_json(r->arena, p->stored, p->stored_len,
		    CZ_JSON_MAX_DEPTH, &p->tree) != CZ_P_OK) {
			cz_log(CZ_LOG_ERROR, "%s: plan %lld: the stored "
			    "document does not parse", __func__, p->id);
			return CZ_PLAN_ERROR;
		}
		return CZ_PLAN_OK;
	}
	if ((cat = cz_plans_catalog(r)) == NULL)
		return catalog_away(out);
	if (cz_plan_stored_tree(cat, r->arena, p->stored, p->stored_len,
	    &p->tree, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: the stored plan does not "
		    "read: %s", __func__, p->id, err);
		return CZ_PLAN_ERROR;
	}
	if (cz_json_own(r->arena, p->tree) == -1) {
		json_object_put(p->tree);
		p->tree = NULL;
		return CZ_PLAN_ERROR;
	}
	return CZ_PLAN_OK;
}

/* Counts a plan request that was not stored, and returns res. */
static enum cz_plan_result
refused(struct cz_request *r, int diet, enum cz_plan_outcome what,
    enum cz_plan_result res)
{
	cz_metrics_plan(r->app->metrics, diet, what, 0, NULL);
	return res;
}

/* The start of the daily quota's window now, Unix time. */
static long long
quota_window(void)
{
	time_t now = time(NULL);

	return (long long)(now - now % CZ_PLANS_QUOTA_WINDOW);
}

/* Gives units of account's quota in window back to the database; 0, or
 * -1 (logged: the units stay used). */
static int
give_back(struct cz_app *app, long long account, long long window,
    int units)
{
	char owner[24], n[16], w[24];
	const char *v[UNCOUNT__N];
	PGresult *res;

	(void)snprintf(owner, sizeof(owner), "%lld", account);
	(void)snprintf(n, sizeof(n), "%d", units);
	(void)snprintf(w, sizeof(w), "%lld", window);
	v[UNCOUNT_OWNER] = owner;
	v[UNCOUNT_UNITS] = n;
	v[UNCOUNT_WINDOW] = w;
	res = cz_db_exec(app->db, "plan_uncount", UNCOUNT__N, v);
	if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK) {
		cz_log(CZ_LOG_ERROR, "%s: %d units of account %lld's plan "
		    "quota stay used: %s", __func__, units, account,
		    res == NULL ? cz_db_error(app->db) :
		    PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}

/* The answer (503) when the database would not count or store a plan. */
#define STORE_FAILED	"the plan could not be stored; please try again " \
			"shortly"

/* The unit of quota a plan is counted with. */
struct plan_count {
	const char	*owner;		/* the account, as a text parameter */
	long long	 window;
};

/* Gives back the unit of quota a plan that was not stored took: to its
 * lease when the worker holds one, else to the database. */
static void
uncount(struct cz_request *r, const struct plan_count *c)
{
	if (cz_lease_unuse(&r->app->leases, r->user->id, c->window))
		return;
	(void)give_back(r->app, r->user->id, c->window, 1);
}

/* Asks plan_count for units of the quota: 1 with *hits, 0 when fewer
 * are left, -1 when the database failed (logged). */
static int
count_units(struct cz_request *r, const struct plan_count *c,
    long long quota, int units, long long *hits)
{
	const char *v[COUNT__N];
	PGresult *res;

	v[COUNT_OWNER] = c->owner;
	v[COUNT_QUOTA] = num_text(r, quota);
	v[COUNT_WINDOW] = num_text(r, c->window);
	v[COUNT_UNITS] = num_text(r, units);
	if ((res = cz_query(r, "plan_count", COUNT__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: counting a plan: %s", __func__,
		    cz_db_error(r->app->db));
		return -1;
	}
	if (PQntuples(res) == 0)
		return 0;
	if (cz_db_int(res, 0, COUNTED_HITS, 1, LLONG_MAX, hits) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: plan_count returned no count",
		    __func__);
		return -1;
	}
	return 1;
}

/*
 * Drops the units the worker holds when its database connection is new
 * (lib/quota_lease.h: a lease counted asynchronously just before a crash
 * or a failover may not be on the server it now reaches, so they are
 * neither used nor given back there).
 */
static void
leases_of_this_connection(struct cz_app *app)
{
	unsigned long conn = cz_db_stats(app->db)->connects;

	if (conn != app->leases_conn) {
		cz_lease_drop_all(&app->leases);
		app->leases_conn = conn;
	}
}

/*
 * Takes one unit of r->user's daily plan quota before the plan is made,
 * so that a request past its quota is refused without planning a week
 * for nothing: from the worker's lease for the account, else from the
 * database (plan_count), as a new lease when the account is busy here.
 * Returns CZ_PLAN_OK with *c filled (give the unit back with uncount
 * when no plan is stored), CZ_PLAN_QUOTA, or CZ_PLAN_UNAVAILABLE
 * (logged).
 */
static enum cz_plan_result
count(struct cz_request *r, struct cz_plan_refusal *out, struct plan_count *c)
{
	struct cz_app *app = r->app;
	long long quota = cz_plans_quota(r), hits;
	double now = cz_clock_s();
	int want, rc, spare;

	c->owner = num_text(r, r->user->id);
	c->window = quota_window();
	leases_of_this_connection(app);
	if (cz_lease_use(&app->leases, r->user->id, c->window, now)) {
		if (app->metrics != NULL)
			cz_metrics_quota_unit(app->metrics, 1);
		return CZ_PLAN_OK;
	}
	want = cz_lease_want(&app->leases, r->user->id, c->window, quota, now);
	rc = count_units(r, c, quota, want, &hits);
	if (rc == 0 && want > 1)
		rc = count_units(r, c, quota, want = 1, &hits);
	if (rc == -1) {
		out->message = STORE_FAILED;
		return CZ_PLAN_UNAVAILABLE;
	}
	if (rc == 0)
		return cz_plans_quota_used_up(r, out, quota);
	spare = cz_lease_granted(&app->leases, r->user->id, c->window, want,
	    hits, now);
	if (spare > 0)
		(void)give_back(app, r->user->id, c->window, spare);
	if (app->metrics != NULL)
		cz_metrics_quota_unit(app->metrics, 0);
	return CZ_PLAN_OK;
}

int
cz_plans_leases_due_ms(const struct cz_app *app)
{
	return cz_lease_due_ms(&app->leases, cz_clock_s());
}

void
cz_plans_leases_flush(struct cz_app *app, int force)
{
	long long account, window;
	int units;

	if (app->db == NULL)
		return;
	leases_of_this_connection(app);
	while (cz_lease_due_back(&app->leases, cz_clock_s(), force, &account,
	    &window, &units)) {
		if (!cz_db_up(app->db)) {
			/* away: the units stay counted, as a crash leaves
			 * them (a worker between requests does not wait for
			 * a database that is away) */
			cz_log(CZ_LOG_WARN, "%s: %d units of account %lld's "
			    "plan quota stay used: the database is away",
			    __func__, units, account);
			continue;
		}
		(void)give_back(app, account, window, units);
	}
}

/*
 * Sends the insert of stored, the stored form of req's plan made in ms
 * milliseconds, as revision 1 of r->user's plans (plan_insert): it runs
 * while the caller writes the answer's document, and its durable commit
 * may be shared with the next plans' (lib/db.h, cz_db_send). Returns the
 * statement's parameters, kept for insert_receive (in r's arena), or
 * NULL (logged) when it could not be sent.
 */
static const char **
insert_send(struct cz_request *r, const struct plan_count *c,
    const struct cz_plan_request *req, struct json_object *jreq,
    const char *stored, double ms)
{
	const char **v;

	if ((v = cz_arena_alloc(r->arena, INSERT__N * sizeof(*v))) == NULL)
		return NULL;

	v[INSERT_DIET] = cz_diet_name((int)req->diet);
	v[INSERT_CALORIES] = num_text(r, req->calories);
	v[INSERT_PATTERN] = cz_pattern_name((int)req->pattern);
	v[INSERT_PROFILE] = req->profile == CZ_PROFILE_NONE ? NULL :
	    cz_profile_name((int)req->profile);
	v[INSERT_DAYS] = num_text(r, req->days);
	v[INSERT_SEED] = seed_text(r, req->seed);
	v[INSERT_REQUEST] = json_text(r, jreq);
	v[INSERT_DOCUMENT] = stored;
	v[INSERT_MS] = ms_text(r, ms);
	v[INSERT_OWNER] = c->owner;
	v[INSERT_ADDRESS] = cz_client_addr(r);
	v[INSERT_USER_AGENT] = cz_audit_user_agent(r);
	v[INSERT_REQUEST_ID] = r->request_id;
	if (cz_query_send(r, "plan_insert", INSERT__N, v) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: storing a plan: %s", __func__,
		    cz_db_error(r->app->db));
		return NULL;
	}
	return v;
}

/*
 * The outcome of insert_send: CZ_PLAN_OK with *p filled (document is the
 * answer's), or CZ_PLAN_UNAVAILABLE (logged).
 */
static enum cz_plan_result
insert_receive(struct cz_request *r, const char *const *v,
    const char *document, size_t doclen, const char *stored,
    struct cz_stored_plan *p)
{
	PGresult *res;
	int committed;

	res = cz_query_receive(r, &committed);
	if (committed == 0) {
		/* Rolled back with a batch another plan's insert failed in:
		 * nothing of this one was stored, so it runs again alone. */
		cz_log(CZ_LOG_WARN, "%s: a plan's insert rolled back with its "
		    "batch: %s; storing it alone", __func__,
		    cz_db_error(r->app->db));
		res = cz_query(r, "plan_insert", INSERT__N, v);
	} else if (committed == -1)
		res = NULL;
	if (res == NULL || PQntuples(res) != 1 ||
	    cz_db_int(res, 0, INSERTED_ID, 1, LLONG_MAX, &p->id) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: storing a plan: %s", __func__,
		    res == NULL ? cz_db_error(r->app->db) : "no plan id");
		return CZ_PLAN_UNAVAILABLE;
	}
	p->revision = 1;
	p->revision_text = "1";
	p->created_at = cz_db_text(res, 0, INSERTED_CREATED_AT);
	p->updated_at = p->created_at;
	p->generation_ms = cz_db_text(res, 0, INSERTED_MS);
	p->document = document;
	p->document_len = doclen;
	p->stored = stored;
	p->stored_len = strlen(stored);
	return CZ_PLAN_OK;
}

/* ------------------------------------------------------------------------
 * public
 */

const struct cz_catalog *
cz_plans_catalog(struct cz_request *r)
{
	struct cz_app *app = r->app;
	char err[512];
	PGconn *c;

	if (app->catalog != NULL)
		return app->catalog;
	/* Not every caller's route holds the database (the home page's
	 * sample week does not): make sure the connection is alive, or a
	 * worker whose connection the server cut sends the read down it. */
	if (cz_db_ensure(app->db) == -1 || (c = cz_db_conn(app->db)) == NULL)
		return NULL;
	if (cz_catalog_load(c, &app->catalog, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return NULL;
	}
	return app->catalog;
}

long long
cz_plans_quota(struct cz_request *r)
{
	long long quota = cz_quota(&r->app->settings, r->user->tier, 0);

	return quota < 0 || quota > INT32_MAX ? 0 : quota;
}

enum cz_plan_result
cz_plans_quota_used_up(struct cz_request *r, struct cz_plan_refusal *out,
    long long quota)
{
	time_t now = time(NULL);

	out->retry_after = (int)(CZ_PLANS_QUOTA_WINDOW -
	    now % CZ_PLANS_QUOTA_WINDOW);
	out->message = cz_arena_printf(r->arena, "The daily plan quota of "
	    "your %s account (%lld plans a day) is used up; it renews at "
	    "midnight UTC.", r->user->tier, quota);
	return CZ_PLAN_QUOTA;
}

/*
 * The refusal of req (infeasible, its reason in plan) in words, with the
 * nearest requests that work into out->suggestions (lib/plan_suggest.h):
 * a search of at most SUGGEST_BUDGET_MS, plan its scratch space.
 */
static const char *
suggest(struct cz_request *r, const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *plan,
    struct cz_plan_refusal *out)
{
	struct cz_plan_suggestion sg[CZ_SUGGEST_MAX];
	struct json_object *a, *o;
	char reason[sizeof(plan->reason)], msg[640];
	int n, i;

	memcpy(reason, plan->reason, sizeof(reason));
	n = cz_plan_suggest(cat, req, reason, SUGGEST_BUDGET_MS, plan, sg,
	    msg, sizeof(msg));
	if ((a = json_object_new_array()) != NULL &&
	    cz_json_own(r->arena, a) == 0) {
		for (i = 0; i < n; i++) {
			o = json_object_new_object();
			json_object_object_add(o, "calories",
			    json_object_new_int(sg[i].calories));
			json_object_object_add(o, "meal_pattern",
			    json_object_new_string(cz_pattern_name(
			    (int)sg[i].pattern)));
			/* the seed it was planned with: a request without
			 * one drew its own, and another may not plan */
			json_object_object_add(o, "seed",
			    json_object_new_int64((int64_t)req->seed));
			json_object_object_add(o, "text",
			    json_object_new_string(sg[i].text));
			json_object_array_add(a, o);
		}
		out->suggestions = a;
	}
	return cz_arena_strdup(r->arena, msg);
}

/*
 * A plan whose insert is sent and whose answer's document is written (in
 * r->doc), its result still due: cz_plans_generate_finish reads it.
 */
struct cz_plan_pending {
	struct plan_count	 c;		/* the unit of quota it took */
	const char		*stored;	/* the stored form sent */
	const char *const	*sentv;		/* the insert's parameters */
	double			 ms;		/* planning took */
	int			 diet;
};

/*
 * Makes the plan of req, counted in c, and sends its insert, filling
 * *pending (CZ_PLAN_PENDING): the insert is sent as soon as the stored
 * form is written, and the answer's document written while its commit
 * runs. Anything else stored nothing (the caller gives back c's unit of
 * quota) unless *kept is set: a plan stored though the answer fails (no
 * memory for its document).
 */
static enum cz_plan_result
make_and_send(struct cz_request *r, const struct cz_catalog *cat,
    struct cz_plan_request *req, const struct plan_count *c,
    struct cz_plan_refusal *out, struct cz_stored_plan *stored, int *kept,
    struct cz_plan_pending **pending)
{
	struct cz_app *app = r->app;
	struct cz_plan_pending *pp;
	struct cz_plan *plan;
	struct json_object *jreq;
	const char *text = NULL;
	const char **sentv;
	struct timespec t0;
	char err[256];
	int diet = (int)req->diet;
	double ms;

	if ((plan = cz_arena_alloc(r->arena, sizeof(*plan))) == NULL ||
	    (pp = cz_arena_calloc(r->arena, 1, sizeof(*pp))) == NULL)
		return CZ_PLAN_ERROR;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (cz_plan_make(cat, req, plan, err, sizeof(err)) == -1) {
		out->message = cz_arena_strdup(r->arena, err);
		return refused(r, diet, CZ_PLAN_OUT_INVALID, CZ_PLAN_INVALID);
	}
	if (!plan->feasible) {
		/* the search below reuses plan: its reason first */
		if ((out->constraint = cz_arena_strdup(r->arena,
		    plan->reason)) == NULL)
			return CZ_PLAN_ERROR;
		out->message = suggest(r, cat, req, plan, out);
		ms = cz_ms_since(&t0);
		cz_metrics_plan(app->metrics, diet, CZ_PLAN_OUT_INFEASIBLE,
		    ms / 1e3, out->constraint);
		return CZ_PLAN_INFEASIBLE;
	}
	/* The plan as its stored form reads back, so that this answer and
	 * every later read of the plan are the same document. */
	if (cz_plan_stored_canon(cat, req, plan, r->arena, err,
	    sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__, err);
		return CZ_PLAN_ERROR;
	}
	if (stored_text(r, cat, req, plan, &text) == -1 ||
	    (jreq = cz_plan_request_json(req)) == NULL ||
	    cz_json_own(r->arena, jreq) == -1)
		return CZ_PLAN_ERROR;
	ms = cz_ms_since(&t0);
	if ((sentv = insert_send(r, c, req, jreq, text, ms)) == NULL) {
		out->message = STORE_FAILED;
		return refused(r, diet, CZ_PLAN_OUT_ERROR,
		    CZ_PLAN_UNAVAILABLE);
	}
	cz_buf_reset(r->doc);
	if (cz_plan_document_write(cat, req, plan, r->arena, r->doc) == -1) {
		/* Out of memory; the insert's result is still due. A plan
		 * it stored stays, counted, and is listed with the others. */
		cz_log(CZ_LOG_ERROR, "%s: no memory for the document",
		    __func__);
		*kept = insert_receive(r, sentv, "", 0, text, stored) ==
		    CZ_PLAN_OK;
		return CZ_PLAN_ERROR;
	}
	pp->c = *c;
	pp->stored = text;
	pp->sentv = sentv;
	pp->ms = ms;
	pp->diet = diet;
	*pending = pp;
	return CZ_PLAN_PENDING;
}

/* A plan request's end for its unit of quota c: given back when no plan
 * was stored (res not CZ_PLAN_OK and not kept), else counted for the API
 * key it was made with. Returns res. */
static enum cz_plan_result
settle_count(struct cz_request *r, const struct plan_count *c,
    enum cz_plan_result res, int kept)
{
	if (res != CZ_PLAN_OK && !kept)
		uncount(r, c);
	else if (r->user->key_id != 0)
		cz_key_usage_count(r->app, r->user->key_id, 0, 1, 0);
	return res;
}

enum cz_plan_result
cz_plans_generate(struct cz_request *r, struct json_object *in,
    struct cz_plan_refusal *out, struct cz_stored_plan *stored,
    struct cz_plan_pending **pending)
{
	const struct cz_catalog *cat;
	struct cz_plan_pending *pp = NULL;
	struct cz_plan_request req;
	struct plan_count c;
	enum cz_plan_result res;
	const char *term;
	int seed_given, diet = -1, kept = 0;

	memset(out, 0, sizeof(*out));
	if ((term = cz_plan_medical_term(in)) != NULL) {
		out->message = cz_arena_printf(r->arena, "Cibozer does not make "
		    "plans for medical conditions (%s was named). Its plans are "
		    "for general education only: see /disclaimers, and ask your "
		    "physician or a registered dietitian for a plan for your "
		    "condition.", term);
		return refused(r, -1, CZ_PLAN_OUT_MEDICAL, CZ_PLAN_MEDICAL);
	}
	if (cz_plan_request_read(in, &req, &seed_given, &out->errors) == -1) {
		if (out->errors == NULL ||
		    cz_json_own(r->arena, out->errors) == -1)
			return CZ_PLAN_ERROR;
		out->message = "the plan request has invalid fields";
		return refused(r, -1, CZ_PLAN_OUT_INVALID, CZ_PLAN_INVALID);
	}
	diet = (int)req.diet;
	if ((cat = cz_plans_catalog(r)) == NULL)
		return refused(r, diet, CZ_PLAN_OUT_ERROR, catalog_away(out));
	if (excluded_known(r, cat, &req, &out->errors) == -1) {
		out->message = "the plan request has invalid fields";
		return refused(r, diet, CZ_PLAN_OUT_INVALID, out->errors !=
		    NULL ? CZ_PLAN_INVALID : CZ_PLAN_ERROR);
	}
	if (!seed_given)
		req.seed = random_seed();
	if ((res = count(r, out, &c)) != CZ_PLAN_OK)
		return res == CZ_PLAN_UNAVAILABLE ? refused(r, diet,
		    CZ_PLAN_OUT_ERROR, res) : res;
	res = make_and_send(r, cat, &req, &c, out, stored, &kept, &pp);
	if (res != CZ_PLAN_PENDING)
		return settle_count(r, &c, res, kept);
	if (pending == NULL)
		return cz_plans_generate_finish(r, pp, out, stored);
	*pending = pp;
	return CZ_PLAN_PENDING;
}

enum cz_plan_result
cz_plans_generate_finish(struct cz_request *r, struct cz_plan_pending *pp,
    struct cz_plan_refusal *out, struct cz_stored_plan *stored)
{
	enum cz_plan_result res;

	res = insert_receive(r, pp->sentv, r->doc->data, r->doc->len,
	    pp->stored, stored);
	if (res == CZ_PLAN_UNAVAILABLE) {
		out->message = STORE_FAILED;
		res = refused(r, pp->diet, CZ_PLAN_OUT_ERROR, res);
	} else {
		cz_metrics_plan(r->app->metrics, pp->diet,
		    CZ_PLAN_OUT_CREATED, pp->ms / 1e3, NULL);
	}
	return settle_count(r, &pp->c, res, 0);
}

/* The row of plan id, if r->user may see it, into p (p->document not
 * yet expanded). */
static enum cz_plan_result
load_row(struct cz_request *r, long long id, struct cz_stored_plan *p,
    struct cz_plan_refusal *out)
{
	const char *v[GET__N];
	long long owner;
	PGresult *res;

	memset(out, 0, sizeof(*out));
	v[GET_ID] = num_text(r, id);
	if ((res = cz_query(r, "plan_get", GET__N, v)) == NULL)
		return CZ_PLAN_UNAVAILABLE;
	if (PQntuples(res) != 1 || r->user == NULL ||
	    cz_db_int(res, 0, GOT_OWNER, 0, LLONG_MAX, &owner) == -1 ||
	    (!r->user->is_admin && owner != r->user->id)) {
		out->message = cz_arena_printf(r->arena, "There is no plan "
		    "%lld.", id);
		return CZ_PLAN_NOT_FOUND;
	}
	if (cz_db_int(res, 0, GOT_REVISION, 1, INT32_MAX, &p->revision) ==
	    -1) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: bad revision", __func__,
		    id);
		return CZ_PLAN_ERROR;
	}
	p->id = id;
	p->revision_text = cz_db_text(res, 0, GOT_REVISION);
	p->created_at = cz_db_text(res, 0, GOT_CREATED_AT);
	p->updated_at = cz_db_text(res, 0, GOT_UPDATED_AT);
	p->generation_ms = cz_db_text(res, 0, GOT_MS);
	p->stored = cz_db_text(res, 0, GOT_DOCUMENT);
	p->stored_len = (size_t)PQgetlength(res, 0, GOT_DOCUMENT);
	p->document = NULL;
	p->document_len = 0;
	p->tree = NULL;
	return CZ_PLAN_OK;
}

enum cz_plan_result
cz_plans_load(struct cz_request *r, long long id, struct cz_stored_plan *p,
    struct cz_plan_refusal *out)
{
	enum cz_plan_result res;

	if ((res = load_row(r, id, p, out)) != CZ_PLAN_OK)
		return res;
	return expand(r, p, out);
}

enum cz_plan_result
cz_plans_load_tree(struct cz_request *r, long long id,
    struct cz_stored_plan *p, struct cz_plan_refusal *out)
{
	enum cz_plan_result res;

	if ((res = load_row(r, id, p, out)) != CZ_PLAN_OK)
		return res;
	return expand_tree(r, p, out);
}

int
cz_plans_read_plan(struct cz_request *r, const struct cz_catalog *cat,
    const char *text, size_t len, struct cz_plan_request *req,
    struct cz_plan *plan, char *err, size_t errlen)
{
	struct cz_plan_doc *doc;

	if (cz_plan_stored_is(text, len))
		return cz_plan_stored_read(cat, r->arena, text, len, req, plan,
		    err, errlen);
	if (cz_plan_doc_parse(r->arena, text, len, &doc, err, errlen) == -1)
		return -1;
	*req = doc->request;
	return cz_plan_from_doc(cat, req, doc, plan, err, errlen);
}

enum cz_plan_result
cz_plans_store_change(struct cz_request *r, long long id, long long revision,
    const char *document, const char *change, struct cz_plan_refusal *out)
{
	const char *v[UPDATE__N];
	PGresult *up;

	v[UPDATE_ID] = num_text(r, id);
	v[UPDATE_REVISION] = num_text(r, revision);
	v[UPDATE_DOCUMENT] = document;
	v[UPDATE_CHANGE] = change;
	if ((up = cz_query(r, "plan_update", UPDATE__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: %s", __func__, id,
		    cz_db_error(r->app->db));
		return CZ_PLAN_UNAVAILABLE;
	}
	if (PQntuples(up) != 1) {
		out->message = cz_arena_printf(r->arena, "plan %lld changed "
		    "meanwhile (it is no longer at revision %lld); read it "
		    "again and retry", id, revision);
		return CZ_PLAN_CONFLICT;
	}
	return CZ_PLAN_OK;
}

enum cz_plan_result
cz_plans_open(struct cz_request *r, long long id, long long expected,
    struct cz_plan_open *po, struct cz_plan_refusal *out)
{
	struct cz_plan_request *req;
	enum cz_plan_result res;
	char err[256];

	memset(po, 0, sizeof(*po));
	if ((res = load_row(r, id, &po->sp, out)) != CZ_PLAN_OK)
		return res;
	if (expected > 0 && expected != po->sp.revision) {
		out->message = cz_arena_printf(r->arena, "plan %lld is at "
		    "revision %lld, not %lld: it changed meanwhile; read it "
		    "again and retry", id, po->sp.revision, expected);
		return CZ_PLAN_CONFLICT;
	}
	if ((po->cat = cz_plans_catalog(r)) == NULL)
		return catalog_away(out);
	if ((req = cz_arena_alloc(r->arena, sizeof(*req))) == NULL ||
	    (po->plan = cz_arena_alloc(r->arena, sizeof(*po->plan))) == NULL)
		return CZ_PLAN_ERROR;
	po->req = req;
	if (cz_plans_read_plan(r, po->cat, po->sp.stored, po->sp.stored_len,
	    req, po->plan, err, sizeof(err)) == -1) {
		out->message = cz_arena_printf(r->arena, "plan %lld cannot "
		    "be changed: %s", id, err);
		return CZ_PLAN_CONFLICT;
	}
	return CZ_PLAN_OK;
}

enum cz_plan_result
cz_plans_find_meal(struct cz_request *r, const struct cz_plan_open *po,
    long long day, const char *slot, int *meal, struct cz_plan_refusal *out)
{
	const struct cz_plan_request *req = po->req;

	if (day < 1 || day > req->days) {
		out->message = cz_arena_printf(r->arena, "plan %lld has no "
		    "day %lld (days 1-%d)", po->sp.id, day, req->days);
		return CZ_PLAN_NOT_FOUND;
	}
	if (slot != NULL &&
	    (*meal = cz_plan_meal_index(req, slot)) == -1) {
		out->message = cz_arena_printf(r->arena, "plan %lld has no "
		    "meal %s on day %lld (meals by slot name such as \"lunch\" "
		    "or \"snack-2\", or by number)", po->sp.id, slot, day);
		return CZ_PLAN_NOT_FOUND;
	}
	return CZ_PLAN_OK;
}

enum cz_plan_result
cz_plans_save(struct cz_request *r, const struct cz_plan_open *po,
    const char *change, struct cz_plan_refusal *out)
{
	const char *text;

	if (stored_text(r, po->cat, po->req, po->plan, &text) == -1)
		return CZ_PLAN_ERROR;
	return cz_plans_store_change(r, po->sp.id, po->sp.revision, text,
	    change, out);
}

/* Maps a planner's answer for a change of day day to the result: 0 OK,
 * 1 INFEASIBLE with the constraint, -1 INVALID. */
static enum cz_plan_result
planner_answer(struct cz_request *r, int rc, const char *what, long long day,
    const char *err, struct cz_plan_refusal *out)
{
	switch (rc) {
	case 0:
		return CZ_PLAN_OK;
	case 1:
		out->constraint = cz_arena_strdup(r->arena, err);
		out->message = day > 0 ? cz_arena_printf(r->arena, "no other "
		    "%s keeps day %lld within its targets: %s", what, day,
		    err) : cz_arena_printf(r->arena, "no other %s keeps every "
		    "day within its targets: %s", what, err);
		return CZ_PLAN_INFEASIBLE;
	default:
		out->message = cz_arena_strdup(r->arena, err);
		return CZ_PLAN_INVALID;
	}
}

enum cz_plan_result
cz_plans_regenerate(struct cz_request *r, long long id, long long day,
    const char *slot, int seed_given, uint64_t seed, long long expected,
    struct cz_plan_refusal *out)
{
	struct cz_plan_open po;
	enum cz_plan_result res;
	const struct cz_plan_day *pd;
	char err[256];
	int meal = -1, m, rc;

	memset(out, 0, sizeof(*out));
	if ((res = cz_plans_open(r, id, expected, &po, out)) != CZ_PLAN_OK ||
	    (res = cz_plans_find_meal(r, &po, day, slot, &meal, out)) !=
	    CZ_PLAN_OK)
		return res;
	pd = &po.plan->days[day - 1];
	if (meal >= 0 && pd->meals[meal].locked) {
		out->message = cz_arena_printf(r->arena, "meal %d of day %lld "
		    "is locked: unlock it first", meal + 1, day);
		return CZ_PLAN_CONFLICT;
	}
	for (m = 0; meal < 0 && m < pd->nmeals && pd->meals[m].locked; m++)
		;
	if (meal < 0 && m == pd->nmeals) {
		out->message = cz_arena_printf(r->arena, "every meal of day "
		    "%lld is locked: unlock one first", day);
		return CZ_PLAN_CONFLICT;
	}
	if (!seed_given)
		seed = po.req->seed ^ ((uint64_t)po.sp.revision *
		    0x9e3779b97f4a7c15ULL) ^ ((uint64_t)day << 8 |
		    (uint64_t)(meal + 1));
	rc = meal >= 0 ? cz_plan_regenerate_meal(po.cat, po.req, po.plan,
	    (int)day - 1, meal, seed, err, sizeof(err)) :
	    cz_plan_regenerate_day(po.cat, po.req, po.plan, (int)day - 1, seed,
	    err, sizeof(err));
	if ((res = planner_answer(r, rc, meal >= 0 ? "dish" : "set of dishes",
	    day, err, out)) != CZ_PLAN_OK)
		return res;
	return cz_plans_save(r, &po, meal >= 0 ? "regenerate_meal" :
	    "regenerate_day", out);
}

enum cz_plan_result
cz_plans_regenerate_all(struct cz_request *r, long long id,
    long long expected, struct cz_plan_refusal *out)
{
	struct cz_plan_open po;
	enum cz_plan_result res;
	char err[256];
	int d, m, open_meals = 0, rc;

	memset(out, 0, sizeof(*out));
	if ((res = cz_plans_open(r, id, expected, &po, out)) != CZ_PLAN_OK)
		return res;
	for (d = 0; d < po.plan->ndays; d++)
		for (m = 0; m < po.plan->days[d].nmeals; m++)
			open_meals += !po.plan->days[d].meals[m].locked;
	if (open_meals == 0) {
		out->message = "every meal of the plan is locked: unlock one "
		    "first";
		return CZ_PLAN_CONFLICT;
	}
	rc = cz_plan_regenerate_plan(po.cat, po.req, po.plan, po.req->seed ^
	    ((uint64_t)po.sp.revision * 0x9e3779b97f4a7c15ULL) ^ 0x5eedULL,
	    err, sizeof(err));
	if ((res = planner_answer(r, rc, "set of dishes", 0, err, out)) !=
	    CZ_PLAN_OK)
		return res;
	return cz_plans_save(r, &po, "regenerate_plan", out);
}

int
cz_plans_list(struct cz_request *r, long long before,
    struct cz_plan_line **lines, int *n, const char **next_before)
{
	const char *v[LIST__N];
	struct cz_plan_line *l;
	PGresult *res;
	int i, rows;

	v[LIST_BEFORE] = before > 0 ? num_text(r, before) : NULL;
	v[LIST_LIMIT] = num_text(r, CZ_PLANS_PER_PAGE + 1);
	v[LIST_OWNER] = num_text(r, r->user->id);
	if ((res = cz_query(r, "plan_list", LIST__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return -1;
	}
	rows = PQntuples(res);
	*n = rows < CZ_PLANS_PER_PAGE ? rows : CZ_PLANS_PER_PAGE;
	*next_before = rows > CZ_PLANS_PER_PAGE ? cz_db_text(res,
	    CZ_PLANS_PER_PAGE - 1, LISTED_ID) : NULL;
	if ((*lines = l = cz_arena_calloc(r->arena, (size_t)*n + 1,
	    sizeof(*l))) == NULL)
		return -1;
	for (i = 0; i < *n; i++) {
		l[i].id = cz_db_text(res, i, LISTED_ID);
		l[i].created_at = cz_db_text(res, i, LISTED_CREATED_AT);
		l[i].diet = cz_db_text(res, i, LISTED_DIET);
		l[i].calories = cz_db_text(res, i, LISTED_CALORIES);
		l[i].meal_pattern = cz_db_text(res, i, LISTED_PATTERN);
		l[i].profile = cz_db_text(res, i, LISTED_PROFILE);
		l[i].days = cz_db_text(res, i, LISTED_DAYS);
	}
	return 0;
}
