/*
 * plans.h - meal plans as a service, with no HTTP in it: the medical
 * screen, reading a request, the catalog (loaded once per worker, on first
 * use), planning, the plan document, storing it against the account's
 * daily quota, reading it back, regenerating one meal or day, listing.
 *
 * Functions take the request as their context only (its arena, the
 * database, the signed-in account, the request id for the audit trail)
 * and return an enum cz_plan_result with a message for the person; the
 * handlers (handlers_plans.c, handlers_plan_pages.c) choose the answer.
 * A plan read back is byte for byte the plan stored.
 */
#ifndef CZ_PLANS_H
#define CZ_PLANS_H

#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

struct cz_app;
struct cz_catalog;
struct cz_db;
struct cz_plan;
struct cz_plan_doc;
struct cz_plan_request;
struct cz_request;

/* The plan quota: plans made per account per UTC day. */
#define CZ_PLANS_QUOTA_SCOPE	"plans.account"
#define CZ_PLANS_QUOTA_WINDOW	86400
#define CZ_PLANS_PER_PAGE	20
/* Past revisions a plan keeps (sql/022_plan_revisions.sql): enough to
 * undo a long session of swaps, small enough to bound a plan's history
 * at about 2 MB. */
#define CZ_PLAN_REVISIONS_KEPT	50

enum cz_plan_result {
	CZ_PLAN_OK,
	CZ_PLAN_MEDICAL,	/* names a medical condition: refused */
	CZ_PLAN_INVALID,	/* fields (errors) or a message */
	CZ_PLAN_INFEASIBLE,	/* the planner cannot meet constraint */
	CZ_PLAN_QUOTA,		/* the daily quota is used up */
	CZ_PLAN_NOT_FOUND,	/* no such plan, day or meal for this account */
	CZ_PLAN_CONFLICT,	/* changed meanwhile, or cannot be rebuilt */
	CZ_PLAN_UNAVAILABLE,	/* the database or catalog is away */
	CZ_PLAN_ERROR,		/* memory or a broken stored row (logged) */
	CZ_PLAN_PENDING		/* stored once its commit is read */
};

struct cz_plan_pending;

/* Why a request was not met, for a result other than CZ_PLAN_OK. Strings
 * are owned by the request's arena. */
struct cz_plan_refusal {
	const char		*message;	/* for the person */
	const char		*constraint;	/* CZ_PLAN_INFEASIBLE */
	struct json_object	*errors;	/* CZ_PLAN_INVALID by field */
	int			 retry_after;	/* CZ_PLAN_QUOTA, seconds */
	struct json_object	*suggestions;	/* CZ_PLAN_INFEASIBLE: the
						   nearest requests that work,
						   owned by the request */
};

/* A stored plan, columns as the database prints them (so that the API's
 * answer repeats exactly what is stored), owned by the request. */
struct cz_stored_plan {
	long long	 id;
	long long	 revision;
	const char	*revision_text;
	const char	*created_at;	/* 2026-12-02T16:00:19Z */
	const char	*updated_at;
	const char	*generation_ms;	/* "1.409" */
	const char	*document;	/* JSON text, the API's document */
	size_t		 document_len;
	/* The document as json-c's tree, owned by the request's arena
	 * (cz_plans_load_tree), or NULL. */
	struct json_object *tree;
	/* The row as stored: the stored form (lib/plan_stored.h), or the
	 * document itself for a plan stored before that form existed;
	 * document is expanded from it (cz_plans_load), or tree
	 * (cz_plans_load_tree), or neither (cz_plans_open, which needs the
	 * plan, not its text). */
	const char	*stored;
	size_t		 stored_len;
};

/* One line of the account's list of plans, as printed by the database. */
struct cz_plan_line {
	const char	*id;
	const char	*created_at;	/* 2026-12-02 16:00 */
	const char	*diet;
	const char	*calories;
	const char	*meal_pattern;
	const char	*profile;	/* "" for none */
	const char	*days;
};

/* Registers the plan statements. Returns 0 or -1. */
int cz_plans_register(struct cz_db *db);

/* The catalog, loaded on first use; NULL (logged) when it cannot be. */
const struct cz_catalog *cz_plans_catalog(struct cz_request *r);

/* The signed-in account's daily plan quota, by its tier (0: none). */
long long cz_plans_quota(struct cz_request *r);

/*
 * Gives the units of plan quota the worker leased and did not use back to
 * the database: those held CZ_LEASE_KEEP_S, or all when force is set (the
 * worker stops). Only over a connection already open and standing; when
 * the database is away the units stay counted (logged).
 */
void cz_plans_leases_flush(struct cz_app *app, int force);

/* Milliseconds until leased units are due back (0: now), or -1 when the
 * worker holds none: how long an idle worker may sleep. */
int cz_plans_leases_due_ms(const struct cz_app *app);

/* Fills out for the refusal of an account whose quota (quota plans a
 * day) is used up and returns CZ_PLAN_QUOTA. */
enum cz_plan_result cz_plans_quota_used_up(struct cz_request *r,
    struct cz_plan_refusal *out, long long quota);

/*
 * Plans the request in (the API's JSON shape) for r->user and stores it
 * as revision 1, counted against the account's daily quota (only a plan
 * stored uses quota). Returns CZ_PLAN_OK with *stored filled, or
 * MEDICAL, INVALID, INFEASIBLE, QUOTA, UNAVAILABLE or ERROR with out
 * describing why. Every outcome is counted in the metrics.
 * With pending not NULL, a plan whose insert is sent returns
 * CZ_PLAN_PENDING with *pending set instead of waiting for the insert's
 * commit: cz_plans_generate_finish(r, *pending, out, stored) then reads
 * it and returns what cz_plans_generate would have, before anything else
 * uses the database connection (lib/db.h, cz_db_defer) and with r's
 * arena and document buffer as they were.
 */
enum cz_plan_result cz_plans_generate(struct cz_request *r,
    struct json_object *in, struct cz_plan_refusal *out,
    struct cz_stored_plan *stored, struct cz_plan_pending **pending);
enum cz_plan_result cz_plans_generate_finish(struct cz_request *r,
    struct cz_plan_pending *pending, struct cz_plan_refusal *out,
    struct cz_stored_plan *stored);

/* Plan id of r->user (any plan for an administrator). Returns CZ_PLAN_OK
 * with *p filled, CZ_PLAN_NOT_FOUND (also for someone else's plan, so
 * plan numbers cannot be probed) or CZ_PLAN_UNAVAILABLE; out->message is
 * set for NOT_FOUND. */
enum cz_plan_result cz_plans_load(struct cz_request *r, long long id,
    struct cz_stored_plan *p, struct cz_plan_refusal *out);
/* The same with p->tree, not p->document, for pages that walk the
 * document: built from the stored form without its 70 kB of text being
 * written and parsed again. */
enum cz_plan_result cz_plans_load_tree(struct cz_request *r, long long id,
    struct cz_stored_plan *p, struct cz_plan_refusal *out);

/*
 * Regenerates meal slot (a slot name such as "lunch" or "snack-2", or a
 * number; the whole day when NULL) of day day of plan id with seed (or one
 * derived from the plan's seed and revision when !seed_given) and stores
 * it as the next revision, the document it replaces kept as a revision.
 * The other meals of the day keep their grams when the new dish alone can
 * carry the day; locked meals are kept, and a locked meal (or a day whose
 * every meal is locked) is a CONFLICT. expected > 0: the revision the
 * client read (CONFLICT when the plan is at another). Returns CZ_PLAN_OK,
 * or NOT_FOUND, INVALID, INFEASIBLE (out->constraint), CONFLICT,
 * UNAVAILABLE or ERROR with out->message.
 */
enum cz_plan_result cz_plans_regenerate(struct cz_request *r, long long id,
    long long day, const char *slot, int seed_given, uint64_t seed,
    long long expected, struct cz_plan_refusal *out);

/* The whole plan regenerated day by day, locked meals (and days whose
 * every meal is locked) kept; as cz_plans_regenerate otherwise. */
enum cz_plan_result cz_plans_regenerate_all(struct cz_request *r,
    long long id, long long expected, struct cz_plan_refusal *out);

/* A stored plan opened for a change: its row, its document read, the
 * request, the catalog and the plan rebuilt in memory (all the
 * request's). */
struct cz_plan_open {
	struct cz_stored_plan		 sp;
	const struct cz_plan_request	*req;
	const struct cz_catalog		*cat;
	struct cz_plan			*plan;
};

/* Opens plan id of r->user for a change (expected as above). Returns
 * CZ_PLAN_OK, NOT_FOUND, CONFLICT (another revision, or the catalog no
 * longer has its dishes), UNAVAILABLE or ERROR. */
enum cz_plan_result cz_plans_open(struct cz_request *r, long long id,
    long long expected, struct cz_plan_open *po, struct cz_plan_refusal *out);

/*
 * The request and the plan in text, a plan as stored (either form of
 * struct cz_stored_plan's stored), into *req and *plan (the request's
 * arena). Returns 0, or -1 with a message in err when the text does not
 * read or names what cat does not have.
 */
int cz_plans_read_plan(struct cz_request *r, const struct cz_catalog *cat,
    const char *text, size_t len, struct cz_plan_request *req,
    struct cz_plan *plan, char *err, size_t errlen);

/* Day day (from 1) and, when slot is not NULL, the index of meal slot in
 * *meal of an opened plan; CZ_PLAN_OK or NOT_FOUND with a message. */
enum cz_plan_result cz_plans_find_meal(struct cz_request *r,
    const struct cz_plan_open *po, long long day, const char *slot, int *meal,
    struct cz_plan_refusal *out);

/* Stores po->plan as the next revision of its plan, the document it
 * replaces kept under its revision with change (a plan_revisions.change
 * name). Returns CZ_PLAN_OK, CONFLICT (changed meanwhile), UNAVAILABLE
 * or ERROR. */
enum cz_plan_result cz_plans_save(struct cz_request *r,
    const struct cz_plan_open *po, const char *change,
    struct cz_plan_refusal *out);

/* The same for a document already written (a revert). */
enum cz_plan_result cz_plans_store_change(struct cz_request *r, long long id,
    long long revision, const char *document, const char *change,
    struct cz_plan_refusal *out);

/*
 * The plans of r->user, newest first, before plan number before (0: from
 * the newest), at most CZ_PLANS_PER_PAGE. Returns 0 with the count in *n,
 * the lines in *lines (arena) and in *next_before the plan number to page
 * on from (NULL when there is no next page); -1 when the database failed
 * (logged).
 */
int cz_plans_list(struct cz_request *r, long long before,
    struct cz_plan_line **lines, int *n, const char **next_before);

#endif
