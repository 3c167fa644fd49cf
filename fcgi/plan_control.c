/*
 * plan_control.c - meal control of a stored plan: alternatives, swap,
 * lock, revisions, revert and the changes of the last revision. See
 * plan_control.h; the planning is lib/planner.c, the changes of a day
 * lib/meal_swap.c, the storing of a revision plans.c.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "jsonbody.h"
#include "log.h"
#include "meal_role.h"
#include "meal_swap.h"
#include "plan_control.h"
#include "plan_doc.h"
#include "plan_read.h"
#include "planner.h"
#include "query.h"
#include "request.h"

/* Changes listed per alternative or revision at most (a day has at most
 * CZ_PLAN_MAX_ITEMS ingredients, and each may change once per day). */
#define MAX_CHANGES	(CZ_PLAN_MAX_DAYS * CZ_PLAN_MAX_ITEMS)

#define SQL_REVISION_GET \
	"SELECT document, change FROM plan_revisions WHERE plan_id = $1::bigint AND " \
	"revision = $2::integer"
enum { RGET_ID, RGET_REVISION, RGET__N };

#define SQL_REVISION_LIST \
	"SELECT revision, change, to_char(replaced_at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM plan_revisions WHERE " \
	"plan_id = $1::bigint ORDER BY revision DESC"
enum { RLIST_ID, RLIST__N };
enum { RLISTED_REVISION, RLISTED_CHANGE, RLISTED_AT };

int
cz_plan_control_register(struct cz_db *db)
{
	if (cz_db_register(db, "plan_revision_get", SQL_REVISION_GET, RGET__N,
	    1) == -1 ||
	    cz_db_register(db, "plan_revision_list", SQL_REVISION_LIST,
	    RLIST__N, 1) == -1)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------------
 * helpers
 */

static const char *
num_text(struct cz_request *r, long long n)
{
	return cz_arena_printf(r->arena, "%lld", n);
}

/* How the pages head dish k of day d of a plan made for req ("Lunch",
 * "Lunch (side dish)": lib/meal_role.h), from the arena. */
static const char *
meal_label(struct cz_request *r, const struct cz_plan_request *req,
    const struct cz_plan_day *d, int k)
{
	enum cz_slot slots[CZ_PLAN_MAX_MEALS];
	char buf[64];
	int i;

	for (i = 0; i < d->nmeals; i++)
		slots[i] = d->meals[i].slot;
	return cz_arena_strdup(r->arena, cz_meal_label(req, slots, d->nmeals,
	    k, buf, sizeof(buf)));
}

/* A new object owned by the request's arena, or NULL. */
static struct json_object *
owned_object(struct cz_request *r)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL || cz_json_own(r->arena, o) == -1)
		return NULL;
	return o;
}

/* The changes from day a to day b (day number dayno) appended to arr; the
 * meal skip (-1: none) is left out. */
static void
changes_json(struct cz_request *r, const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan_day *a,
    const struct cz_plan_day *b, int dayno, int skip, struct json_object *arr)
{
	struct cz_meal_change ch[MAX_CHANGES];
	struct json_object *o;
	size_t i, n;

	n = cz_meal_changes(cat, a, b, ch, MAX_CHANGES);
	if (n > MAX_CHANGES)
		n = MAX_CHANGES;
	for (i = 0; i < n; i++) {
		if (ch[i].meal == skip)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "day", json_object_new_int(dayno));
		json_object_object_add(o, "meal",
		    json_object_new_int(ch[i].meal + 1));
		json_object_object_add(o, "slot", json_object_new_string(
		    cz_slot_name((int)ch[i].slot)));
		json_object_object_add(o, "slot_label", json_object_new_string(
		    meal_label(r, req, b, ch[i].meal)));
		if (ch[i].food == NULL) {
			json_object_object_add(o, "dish_before",
			    json_object_new_string(ch[i].dish_before));
			json_object_object_add(o, "dish_after",
			    json_object_new_string(ch[i].dish_after));
		} else {
			json_object_object_add(o, "dish", json_object_new_string(
			    ch[i].dish_after));
			json_object_object_add(o, "food",
			    json_object_new_string(ch[i].food));
			json_object_object_add(o, "before_g",
			    json_object_new_int((int)ch[i].before_g));
			json_object_object_add(o, "after_g",
			    json_object_new_int((int)ch[i].after_g));
		}
		json_object_array_add(arr, o);
	}
}

/* The ingredients of meal m of day d as [{ndb, food, grams}]. */
static struct json_object *
meal_items(const struct cz_catalog *cat, const struct cz_plan_day *d, int m)
{
	struct json_object *a = json_object_new_array(), *o;
	const struct cz_cat_food *f;
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		if (d->items[i].meal != m)
			continue;
		f = &cat->foods[d->items[i].food];
		o = json_object_new_object();
		json_object_object_add(o, "ndb", json_object_new_string(f->ndb));
		json_object_object_add(o, "food", json_object_new_string(
		    f->label));
		json_object_object_add(o, "grams", json_object_new_int(
		    (int)rint(d->items[i].grams)));
		json_object_array_add(a, o);
	}
	return a;
}

/* The energy of meal m of day d, whole kcal. */
static int
meal_kcal(const struct cz_catalog *cat, const struct cz_plan_day *d, int m)
{
	double k = 0;
	size_t i;

	for (i = 0; i < d->nitems; i++)
		if (d->items[i].meal == m)
			k += cat->foods[d->items[i].food].kcal *
			    d->items[i].grams;
	return (int)(k + 0.5);
}

/* Opens plan id for a change of meal slot of day day (1-based): the meal
 * index in *meal; a locked meal is a CONFLICT when refuse_locked. */
static enum cz_plan_result
open_meal(struct cz_request *r, long long id, long long day, const char *slot,
    long long expected, int refuse_locked, struct cz_plan_open *po,
    int *meal, struct cz_plan_refusal *out)
{
	enum cz_plan_result res;

	memset(out, 0, sizeof(*out));
	if ((res = cz_plans_open(r, id, expected, po, out)) != CZ_PLAN_OK ||
	    (res = cz_plans_find_meal(r, po, day, slot, meal, out)) !=
	    CZ_PLAN_OK)
		return res;
	if (refuse_locked && po->plan->days[day - 1].meals[*meal].locked) {
		out->message = cz_arena_printf(r->arena, "meal %d of day %lld "
		    "is locked: unlock it first", *meal + 1, day);
		return CZ_PLAN_CONFLICT;
	}
	return CZ_PLAN_OK;
}

/* The seed of a meal's alternatives: the same for a revision. */
static uint64_t
alt_seed(const struct cz_plan_open *po, long long day, int meal)
{
	return po->req->seed ^ ((uint64_t)po->sp.revision *
	    0xbf58476d1ce4e5b9ULL) ^ ((uint64_t)day << 16 | (uint64_t)meal);
}

/* The template with slug s, or -1. */
static long
template_by_slug(const struct cz_catalog *cat, const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < cat->ntemplates; i++)
		if (strcmp(cat->templates[i].slug, s) == 0)
			return (long)i;
	return -1;
}

/* The document of revision rev of plan id in *text (*len bytes) and, when
 * change is not NULL, what replaced it. Returns 1, 0 when the plan keeps
 * no such revision, -1 when the database failed (logged). */
static int
revision_doc(struct cz_request *r, long long id, long long rev,
    const char **text, size_t *len, const char **change)
{
	const char *v[RGET__N];
	PGresult *res;

	v[RGET_ID] = num_text(r, id);
	v[RGET_REVISION] = num_text(r, rev);
	if ((res = cz_query(r, "plan_revision_get", RGET__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: %s", __func__, id,
		    cz_db_error(r->app->db));
		return -1;
	}
	if (PQntuples(res) != 1)
		return 0;
	*text = cz_db_text(res, 0, 0);
	*len = (size_t)PQgetlength(res, 0, 0);
	if (change != NULL)
		*change = cz_db_text(res, 0, 1);
	return 1;
}

/* ------------------------------------------------------------------------
 * public
 */

enum cz_plan_result
cz_plans_alternatives(struct cz_request *r, long long id, long long day,
    const char *slot, struct json_object **out, struct cz_plan_refusal *refusal)
{
	struct cz_plan_alternative *alt;
	const struct cz_plan_day *cur;
	const struct cz_cat_template *tm;
	struct cz_plan_open po;
	struct json_object *o, *arr, *a, *ch;
	enum cz_plan_result res;
	char err[256];
	int meal = -1, n, i;

	*out = NULL;
	if ((res = open_meal(r, id, day, slot, 0, 1, &po, &meal, refusal)) !=
	    CZ_PLAN_OK)
		return res;
	if ((alt = cz_arena_calloc(r->arena, CZ_PLAN_ALTERNATIVES,
	    sizeof(*alt))) == NULL)
		return CZ_PLAN_ERROR;
	cur = &po.plan->days[day - 1];
	n = cz_plan_alternatives(po.cat, po.req, po.plan, (int)day - 1, meal,
	    alt_seed(&po, day, meal), alt, CZ_PLAN_ALTERNATIVES, err,
	    sizeof(err));
	if (n < 0) {
		refusal->message = cz_arena_strdup(r->arena, err);
		return CZ_PLAN_INVALID;
	}
	if (n == 0) {
		refusal->constraint = cz_arena_strdup(r->arena, err);
		refusal->message = cz_arena_printf(r->arena, "no other dish "
		    "keeps day %lld within its targets: %s", day, err);
		return CZ_PLAN_INFEASIBLE;
	}
	if ((o = owned_object(r)) == NULL)
		return CZ_PLAN_ERROR;
	tm = &po.cat->templates[cur->meals[meal].tmpl];
	json_object_object_add(o, "plan_id", json_object_new_int64(id));
	json_object_object_add(o, "revision",
	    json_object_new_int64(po.sp.revision));
	json_object_object_add(o, "day", json_object_new_int((int)day));
	json_object_object_add(o, "meal", json_object_new_int(meal + 1));
	json_object_object_add(o, "slot", json_object_new_string(
	    cz_slot_name((int)cur->meals[meal].slot)));
	json_object_object_add(o, "slot_label", json_object_new_string(
	    meal_label(r, po.req, cur, meal)));
	a = json_object_new_object();
	json_object_object_add(a, "slug", json_object_new_string(tm->slug));
	json_object_object_add(a, "template", json_object_new_string(tm->name));
	json_object_object_add(a, "energy", json_object_new_int(
	    meal_kcal(po.cat, cur, meal)));
	json_object_object_add(o, "current", a);
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		tm = &po.cat->templates[alt[i].tmpl];
		a = json_object_new_object();
		json_object_object_add(a, "slug", json_object_new_string(
		    tm->slug));
		json_object_object_add(a, "template", json_object_new_string(
		    tm->name));
		json_object_object_add(a, "energy", json_object_new_int(
		    meal_kcal(po.cat, &alt[i].day, meal)));
		json_object_object_add(a, "day_energy", json_object_new_int(
		    (int)(alt[i].day.totals.v[CZ_N_ENERGY] + 0.5)));
		json_object_object_add(a, "keeps_other_meals",
		    json_object_new_boolean(alt[i].kept));
		json_object_object_add(a, "items", meal_items(po.cat,
		    &alt[i].day, meal));
		ch = json_object_new_array();
		changes_json(r, po.cat, po.req, cur, &alt[i].day, (int)day,
		    meal, ch);
		json_object_object_add(a, "changes", ch);
		json_object_array_add(arr, a);
	}
	json_object_object_add(o, "alternatives", arr);
	*out = o;
	return CZ_PLAN_OK;
}

enum cz_plan_result
cz_plans_swap(struct cz_request *r, long long id, long long day,
    const char *slot, const char *dish, long long expected, int *kept,
    struct cz_plan_refusal *refusal)
{
	struct cz_plan_open po;
	enum cz_plan_result res;
	char err[256];
	long ti;
	int meal = -1, rc;

	*kept = 0;
	if ((res = open_meal(r, id, day, slot, expected, 1, &po, &meal,
	    refusal)) != CZ_PLAN_OK)
		return res;
	if ((ti = template_by_slug(po.cat, dish)) == -1) {
		refusal->message = cz_arena_printf(r->arena, "there is no dish "
		    "\"%.64s\" (see the alternatives of this meal)", dish);
		return CZ_PLAN_INVALID;
	}
	rc = cz_plan_swap_meal(po.cat, po.req, po.plan, (int)day - 1, meal,
	    (size_t)ti, kept, err, sizeof(err));
	if (rc == -1) {
		refusal->message = cz_arena_strdup(r->arena, err);
		return CZ_PLAN_INVALID;
	}
	if (rc == 1) {
		refusal->constraint = cz_arena_strdup(r->arena, err);
		refusal->message = cz_arena_printf(r->arena, "that dish cannot "
		    "keep day %lld within its targets: %s", day, err);
		return CZ_PLAN_INFEASIBLE;
	}
	return cz_plans_save(r, &po, "swap", refusal);
}

enum cz_plan_result
cz_plans_lock(struct cz_request *r, long long id, long long day,
    const char *slot, int lock, long long expected, int *changed,
    struct cz_plan_refusal *refusal)
{
	struct cz_plan_open po;
	enum cz_plan_result res;
	struct cz_plan_meal *m;
	int meal = -1;

	*changed = 0;
	if ((res = open_meal(r, id, day, slot, expected, 0, &po, &meal,
	    refusal)) != CZ_PLAN_OK)
		return res;
	m = &po.plan->days[day - 1].meals[meal];
	if (m->locked == (lock != 0))
		return CZ_PLAN_OK;
	m->locked = lock != 0;
	*changed = 1;
	return cz_plans_save(r, &po, lock ? "lock" : "unlock", refusal);
}

enum cz_plan_result
cz_plans_revisions(struct cz_request *r, long long id,
    struct json_object **out, struct cz_plan_refusal *refusal)
{
	struct cz_stored_plan sp;
	struct json_object *o, *arr, *e;
	enum cz_plan_result res;
	const char *v[RLIST__N];
	long long rev;
	PGresult *q;
	int i;

	*out = NULL;
	if ((res = cz_plans_load(r, id, &sp, refusal)) != CZ_PLAN_OK)
		return res;
	v[RLIST_ID] = num_text(r, id);
	if ((q = cz_query(r, "plan_revision_list", RLIST__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: %s", __func__, id,
		    cz_db_error(r->app->db));
		return CZ_PLAN_UNAVAILABLE;
	}
	if ((o = owned_object(r)) == NULL)
		return CZ_PLAN_ERROR;
	json_object_object_add(o, "plan_id", json_object_new_int64(id));
	json_object_object_add(o, "revision", json_object_new_int64(
	    sp.revision));
	json_object_object_add(o, "kept",
	    json_object_new_int(CZ_PLAN_REVISIONS_KEPT));
	arr = json_object_new_array();
	for (i = 0; i < PQntuples(q); i++) {
		if (cz_db_int(q, i, RLISTED_REVISION, 1, INT_MAX, &rev) == -1)
			continue;
		e = json_object_new_object();
		json_object_object_add(e, "revision", json_object_new_int64(rev));
		json_object_object_add(e, "replaced_by", json_object_new_string(
		    cz_db_text(q, i, RLISTED_CHANGE)));
		json_object_object_add(e, "replaced_at", json_object_new_string(
		    cz_db_text(q, i, RLISTED_AT)));
		json_object_object_add(e, "revert", json_object_new_string(
		    cz_arena_printf(r->arena, "/api/plans/%lld/revisions/%lld/"
		    "revert", id, rev)));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "revisions", arr);
	*out = o;
	return CZ_PLAN_OK;
}

enum cz_plan_result
cz_plans_revert(struct cz_request *r, long long id, long long to,
    long long expected, struct cz_plan_refusal *refusal)
{
	struct cz_stored_plan sp;
	enum cz_plan_result res;
	const char *text;
	size_t len;
	int rc;

	memset(refusal, 0, sizeof(*refusal));
	if ((res = cz_plans_load(r, id, &sp, refusal)) != CZ_PLAN_OK)
		return res;
	if (expected > 0 && expected != sp.revision) {
		refusal->message = cz_arena_printf(r->arena, "plan %lld is at "
		    "revision %lld, not %lld: it changed meanwhile; read it "
		    "again and retry", id, sp.revision, expected);
		return CZ_PLAN_CONFLICT;
	}
	if (to == sp.revision) {
		refusal->message = cz_arena_printf(r->arena, "plan %lld is at "
		    "revision %lld already", id, to);
		return CZ_PLAN_INVALID;
	}
	if (to < 1 || to > sp.revision ||
	    (rc = revision_doc(r, id, to, &text, &len, NULL)) == 0) {
		refusal->message = cz_arena_printf(r->arena, "plan %lld keeps "
		    "no revision %lld (it keeps the last %d; see its "
		    "revisions)", id, to, CZ_PLAN_REVISIONS_KEPT);
		return CZ_PLAN_NOT_FOUND;
	}
	if (rc == -1)
		return CZ_PLAN_UNAVAILABLE;
	(void)len;
	return cz_plans_store_change(r, id, sp.revision, text, "revert",
	    refusal);
}

int
cz_plans_last_changes(struct cz_request *r, const struct cz_stored_plan *p,
    struct json_object **out, const char **change)
{
	const struct cz_catalog *cat;
	struct cz_plan_request *before, *after;
	struct cz_plan *a, *b;
	struct json_object *arr;
	const char *text;
	char err[256];
	size_t len;
	int d;

	*out = NULL;
	*change = NULL;
	if (p->revision < 2 || revision_doc(r, p->id, p->revision - 1, &text,
	    &len, change) != 1 || (cat = cz_plans_catalog(r)) == NULL)
		return -1;
	a = cz_arena_alloc(r->arena, sizeof(*a));
	b = cz_arena_alloc(r->arena, sizeof(*b));
	before = cz_arena_alloc(r->arena, sizeof(*before));
	after = cz_arena_alloc(r->arena, sizeof(*after));
	if (a == NULL || b == NULL || before == NULL || after == NULL ||
	    cz_plans_read_plan(r, cat, text, len, before, a, err,
	    sizeof(err)) == -1 ||
	    cz_plans_read_plan(r, cat, p->stored, p->stored_len, after, b,
	    err, sizeof(err)) == -1 || a->ndays != b->ndays)
		return -1;
	if ((arr = json_object_new_array()) == NULL ||
	    cz_json_own(r->arena, arr) == -1)
		return -1;
	for (d = 0; d < a->ndays; d++)
		changes_json(r, cat, after, &a->days[d],
		    &b->days[d], d + 1, -1, arr);
	*out = arr;
	return 0;
}
