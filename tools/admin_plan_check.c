/*
 * admin_plan_check.c - cibozer-admin plan-check: a property test of the
 * planner over many random requests. Every feasible plan (and every tenth
 * one again after regenerating a meal and a day) is re-checked against
 * every rule of tools/plan_rules.h from its grams and its document; every
 * refused request's reason must read as words and each suggestion it
 * offers must plan. --jobs N splits the requests over N processes (each
 * request depends only on the seed and its index, so the report is the
 * same for any N); --self-test breaks each rule on purpose instead.
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include <json-c/json.h>

#include "admin.h"
#include "arena.h"
#include "catalog.h"
#include "clock.h"
#include "intakes.h"
#include "numparse.h"
#include "plan_check.h"
#include "plan_doc.h"
#include "plan_rules.h"
#include "plan_stored.h"
#include "plan_suggest.h"
#include "planner.h"
#include "settings.h"

#define MAX_REASONS	32
#define MAX_JOBS	16
#define MAX_MSGS	64	/* messages kept per process (first by index) */
/* The suggestion search's time budget: large, so that the search stops at
 * its probe count (CZ_SUGGEST_PROBES) and its answer is the same on a
 * busy machine. */
#define SUGGEST_MS	1e9

/* Kinds of messages, each shown up to its count. */
enum msg_kind { MSG_VIOLATION, MSG_INFEASIBLE, MSG_KNOWN, MSG__MAX };
static const int msg_show[MSG__MAX] = { 20, 40, 40 };

struct msg {
	size_t		 req;
	int		 seq;		/* its order among the request's */
	enum msg_kind	 kind;
	char		 text[360];	/* as account writes them */
};

/* What one process found; the parent sums them. */
struct sweep {
	double		 worst[RULE__MAX];
	int		 seen[RULE__MAX];
	long		 nbroken[RULE__MAX];	/* plans breaking the rule */
	long		 violations, nknown;
	char		 reasons[MAX_REASONS][128];
	long		 nreason[MAX_REASONS];
	int		 nreasons;
	long		 nfeasible, ninfeasible;
	/* Requests and feasible plans by calorie band and by meal pattern. */
	long		 band_n[4], band_ok[4];
	long		 pat_n[CZ_PATTERN__MAX], pat_ok[CZ_PATTERN__MAX];
	long		 nregen, nregen_ok, nregen_day, nregen_day_ok;
	long		 ndishes, ndishes_oily, ntitled;
	long		 nrepeat_plans;		/* plans serving a dish 3+ times */
	/* Plans whose stored form (lib/plan_stored.h) was checked, and
	 * those whose document the canonical form changed. */
	long		 nstored, nstored_canon;
	double		 keto_sat_fat;
	long		 nsuggested, nsuggestions, nunsuggested;
	double		 ms_feasible, ms_refused;	/* planning, summed */
	/* Days reaching 100 % and 80 % of each reference intake
	 * (lib/intakes.h), the soft goals the solver pursues. */
	long		 intake_days;
	long		 intake100[CZ_INTAKES], intake80[CZ_INTAKES];
	struct msg	 msgs[MAX_MSGS];
	int		 nmsgs, nkind[MSG__MAX];
	size_t		 msg_req;	/* the request of the last message */
	int		 msg_seq;	/* and its count */
	int		 failed;		/* the process could not run */
};

/* What every request of a process needs. */
struct ctx {
	const struct cz_catalog	*cat;
	struct sweep		*st;
	double			*ms;		/* per request, shared */
	struct cz_plan		*plan, *scratch;
	struct cz_plan		*before;	/* a plan before a change */
	cz_arena		*arena;
	int			 refusals;	/* check every N-th refusal's
						   suggestions (0: none) */
};

static void
add_msg(struct sweep *st, size_t req, enum msg_kind kind, const char *text)
{
	/* per kind, the first by index are kept: the merge needs no more */
	if (st->nmsgs == 0 || st->msg_req != req)
		st->msg_seq = 0;
	st->msg_req = req;
	st->msg_seq++;
	if (st->nkind[kind] >= msg_show[kind] || st->nmsgs == MAX_MSGS)
		return;
	st->msgs[st->nmsgs].seq = st->msg_seq;
	st->nkind[kind]++;
	st->msgs[st->nmsgs].req = req;
	st->msgs[st->nmsgs].kind = kind;
	snprintf(st->msgs[st->nmsgs].text, sizeof(st->msgs[0].text), "%.*s",
	    (int)sizeof(st->msgs[0].text) - 1, text);
	st->nmsgs++;
}

void
plan_check_request(uint64_t seed, size_t i, struct cz_plan_request *req,
    uint64_t *rng)
{
	int nr, r;

	/* splitmix64 from a state of the seed and the index */
	*rng = seed ^ ((uint64_t)i * 0xd1b54a32d192ed03ULL);
	(void)cz_plan_random(rng);
	memset(req, 0, sizeof(*req));
	req->diet = (enum cz_diet)(cz_plan_random(rng) % CZ_DIET__MAX);
	req->pattern = (enum cz_pattern)(cz_plan_random(rng) %
	    CZ_PATTERN__MAX);
	req->profile = (enum cz_profile)(cz_plan_random(rng) %
	    CZ_PROFILE__MAX);
	req->calories = CZ_PLAN_MIN_KCAL + 50 * (int)(cz_plan_random(rng) %
	    ((CZ_PLAN_MAX_KCAL - CZ_PLAN_MIN_KCAL) / 50 + 1));
	req->days = 7;
	nr = (int)(cz_plan_random(rng) % 3);
	while (nr > 0) {
		r = (int)(cz_plan_random(rng) % CZ_RESTRICTIONS__MAX);
		if (req->restrictions & 1u << r)
			continue;
		req->restrictions |= 1u << r;
		nr--;
	}
	req->seed = cz_plan_random(rng);
}

/* The request in words, for messages. */
static void
request_text(const struct cz_plan_request *req, char *buf, size_t len)
{
	size_t n;
	int k;

	n = (size_t)snprintf(buf, len, "%d kcal %s %s %s", req->calories,
	    cz_diet_name((int)req->diet), cz_pattern_name((int)req->pattern),
	    cz_profile_name((int)req->profile));
	for (k = 0; k < CZ_RESTRICTIONS__MAX && n < len; k++)
		if (req->restrictions & 1u << k)
			n += (size_t)snprintf(buf + n, len - n, " %s",
			    cz_restriction_name(k));
}

/* Adds the rule values of one plan (or refusal) of request n (req): a
 * broken rule's message names the request in words, to try it again with
 * cibozer-admin plan. */
static void
account(struct sweep *st, size_t n, const struct cz_plan_request *req,
    const char *stage, const struct rule_values *rv)
{
	char text[360], rt[160], where[16];
	int r;

	for (r = 0; r < RULE__MAX; r++) {
		if (!rv->seen[r])
			continue;
		if (!st->seen[r] || rv->v[r] > st->worst[r])
			st->worst[r] = rv->v[r];
		st->seen[r] = 1;
		if (!rule_broken(r, rv->v[r]))
			continue;
		st->nbroken[r]++;
		if (rule_def(r)->known)
			st->nknown++;
		else
			st->violations++;
		request_text(req, rt, sizeof(rt));
		if (rv->day[r] >= 0)
			snprintf(where, sizeof(where), "day %d", rv->day[r] + 1);
		else
			snprintf(where, sizeof(where), "the week");
		snprintf(text, sizeof(text), "%s: request %zu (%s)%s %s: %s "
		    "(%.4f) %s", rule_def(r)->known ? "KNOWN (not yet met by "
		    "the planner)" : "VIOLATION", n, rt, stage, where,
		    rule_def(r)->name, rv->v[r], rv->what[r]);
		add_msg(st, n, rule_def(r)->known ? MSG_KNOWN : MSG_VIOLATION,
		    text);
	}
	st->ndishes += rv->ndishes;
	st->ndishes_oily += rv->ndishes_oily;
	st->ntitled += rv->ntitled;
	st->keto_sat_fat = fmax(st->keto_sat_fat, rv->keto_sat_fat);
}

/* Checks plan p of request req (n) against every rule, its document
 * built as the API builds it; before: the plan a change made p from,
 * NULL for the plan as made. */
static void
check_plan(struct ctx *c, const struct cz_plan_request *req,
    const struct cz_plan *p, size_t n, const char *stage,
    const struct cz_plan *before)
{
	struct rule_values rv;
	struct json_object *doc;
	int first = before == NULL;	/* the plan as made, not changed */

	rules_clear(&rv);
	cz_arena_reset(c->arena);
	if ((doc = cz_plan_document(c->cat, req, p, c->arena)) == NULL) {
		add_msg(c->st, n, MSG_VIOLATION, "VIOLATION: no document");
		c->st->violations++;
		return;
	}
	rules_check_plan(c->cat, req, p, doc, before, &rv);
	json_object_put(doc);
	account(c->st, n, req, stage, &rv);
	if (first)
		c->st->nrepeat_plans += rv.nrepeats > 0;
}

/* Whether the tree the plan page builds from the stored form
 * (cz_plan_stored_tree) is json-c's parse of the document text. */
static int
tree_is_text(struct ctx *c, const cz_buf *stored, const cz_buf *text,
    char *err, size_t errlen)
{
	struct json_object *tree, *parsed;
	int same;

	if (cz_plan_stored_tree(c->cat, c->arena, stored->data, stored->len,
	    &tree, err, errlen) == -1)
		return 0;
	parsed = json_tokener_parse(text->data);
	same = parsed != NULL && json_object_equal(tree, parsed);
	if (!same)
		snprintf(err, errlen, "its tree is not its document's");
	json_object_put(parsed);
	json_object_put(tree);
	return same;
}

/*
 * The plan as stored (lib/plan_stored.h): p brought to its canonical
 * form, whose document must be what its stored form expands to, byte
 * for byte (what POST answers and what every later read serves), and
 * the tree the pages walk the same document parsed. Counts
 * the plans whose document the canonical form changed at all.
 */
static void
check_stored(struct ctx *c, const struct cz_plan_request *in,
    const struct cz_plan *p, size_t n)
{
	struct cz_plan_request rq = *in, *req = &rq;
	cz_buf made, canon, stored, back;
	char err[256], text[400];
	int ok;

	/* The sweep draws seeds of 64 bits; a request (and so a stored
	 * plan) carries at most 53 (JSON's exact integers). The seed made
	 * the plan and does not enter its document but as a number. */
	rq.seed &= (1ULL << 53) - 1;
	cz_arena_reset(c->arena);
	cz_buf_init(&made, 4 << 20);
	cz_buf_init(&canon, 4 << 20);
	cz_buf_init(&stored, 1 << 20);
	cz_buf_init(&back, 4 << 20);
	*c->scratch = *p;
	err[0] = '\0';
	ok = cz_plan_document_write(c->cat, req, p, c->arena, &made) == 0 &&
	    cz_plan_stored_canon(c->cat, req, c->scratch, c->arena, err,
	    sizeof(err)) == 0 &&
	    cz_plan_document_write(c->cat, req, c->scratch, c->arena,
	    &canon) == 0 &&
	    cz_plan_stored_write(c->cat, req, c->scratch, &stored) == 0 &&
	    cz_plan_stored_expand(c->cat, c->arena, stored.data, stored.len,
	    &back, err, sizeof(err)) == 0 &&
	    back.len == canon.len &&
	    memcmp(back.data, canon.data, canon.len) == 0 &&
	    tree_is_text(c, &stored, &back, err, sizeof(err));
	if (!ok) {
		snprintf(text, sizeof(text), "VIOLATION: request %zu: the "
		    "stored form does not read back to its document%s%s", n,
		    err[0] != '\0' ? ": " : "", err);
		add_msg(c->st, n, MSG_VIOLATION, text);
		c->st->violations++;
	} else {
		c->st->nstored++;
		c->st->nstored_canon += made.len != canon.len ||
		    memcmp(made.data, canon.data, made.len) != 0;
	}
	cz_buf_free(&made);
	cz_buf_free(&canon);
	cz_buf_free(&stored);
	cz_buf_free(&back);
}

static void
intake_counts(const struct cz_plan_request *req, const struct cz_plan *p,
    struct sweep *st)
{
	const struct cz_intake_ref *refs;
	const char *source;
	double pct;
	int d, k;

	refs = cz_intake_refs(req->profile, &source);
	for (d = 0; d < p->ndays; d++) {
		st->intake_days++;
		for (k = 0; k < CZ_INTAKES; k++) {
			pct = cz_intake_pct(&refs[k],
			    p->days[d].totals.v[refs[k].nutrient]);
			st->intake100[k] += pct >= 100.0;
			st->intake80[k] += pct >= 80.0;
		}
	}
}

static void
count_reason(struct sweep *st, const char *reason)
{
	const char *p;
	int i;

	/* "day 3: fiber" counts as "fiber". */
	p = strncmp(reason, "day ", 4) == 0 && (p = strchr(reason, ':')) !=
	    NULL ? p + 2 : reason;
	for (i = 0; i < st->nreasons; i++)
		if (strcmp(st->reasons[i], p) == 0)
			break;
	if (i == st->nreasons) {
		if (st->nreasons == MAX_REASONS)
			i = MAX_REASONS - 1;
		else
			snprintf(st->reasons[st->nreasons++],
			    sizeof(st->reasons[0]), "%s", p);
	}
	st->nreason[i]++;
}

/* A refusal of request n: its reason in words, and each suggestion it
 * offers planned again (on every c->refusals-th refusal). */
static void
check_refusal(struct ctx *c, const struct cz_plan_request *req, size_t n,
    const char *reason)
{
	struct cz_plan_suggestion sg[CZ_SUGGEST_MAX];
	struct cz_plan_request q;
	struct rule_values rv;
	char words[256], msg[640], err[256];
	int ok[CZ_SUGGEST_MAX], k, ns = 0;

	rules_clear(&rv);
	cz_plan_limit_words(req, reason, words, sizeof(words));
	if (c->refusals > 0 && n % (size_t)c->refusals == 0) {
		ns = cz_plan_suggest(c->cat, req, reason, SUGGEST_MS,
		    c->scratch, sg, msg, sizeof(msg));
		c->st->nsuggested++;
		c->st->nunsuggested += ns == 0;
		for (k = 0; k < ns; k++) {
			q = *req;
			q.calories = sg[k].calories;
			q.pattern = sg[k].pattern;
			ok[k] = cz_plan_make(c->cat, &q, c->scratch, err,
			    sizeof(err)) == 0 && c->scratch->feasible;
			c->st->nsuggestions++;
		}
	}
	rules_check_refusal(req, reason, words, ok, ns, &rv);
	account(c->st, n, req, "", &rv);
}

/* Calorie bands plan-check reports feasibility in. */
static const struct {
	int		 below;
	const char	*name;
} bands[4] = {
	{ 1500, "800-1499 kcal" }, { 2500, "1500-2499 kcal" },
	{ 3500, "2500-3499 kcal" }, { CZ_PLAN_MAX_KCAL + 1, "3500-5000 kcal" },
};

static int
band_of(int kcal)
{
	int b;

	for (b = 0; b < 3 && kcal >= bands[b].below; b++)
		continue;
	return b;
}

/*
 * After a change (rc: cz_plan_regenerate_meal's or _day's) to the plan of
 * request i: 1 when it was made, and then checked again; 0 when it could
 * not be (the planner's answer, not a fault); a violation, what for
 * named, when it failed otherwise.
 */
static int
regen_checked(struct ctx *c, const struct cz_plan_request *req,
    const struct cz_plan *plan, size_t i, const char *what, int rc,
    const char *err)
{
	char text[512], stage[96];

	if (rc == 0) {
		snprintf(stage, sizeof(stage), " after %s", what);
		check_plan(c, req, plan, i, stage, c->before);
		return 1;
	}
	if (rc != 1) {
		snprintf(text, sizeof(text), "VIOLATION: request %zu: %s: %s",
		    i, what, err);
		add_msg(c->st, i, MSG_VIOLATION, text);
		c->st->violations++;
	}
	return 0;
}

/* Plans and checks request i of the sweep of seed. */
static void
check_request(struct ctx *c, uint64_t seed, size_t i)
{
	struct sweep *st = c->st;
	struct cz_plan_request req;
	struct cz_plan *plan = c->plan;
	char err[256], text[640], rt[160], reason[128], what[64];
	uint64_t rng, rs;
	double t0;
	int b, rd, rm;

	plan_check_request(seed, i, &req, &rng);
	t0 = cz_clock_s() * 1e3;
	if (cz_plan_make(c->cat, &req, plan, err, sizeof(err)) == -1) {
		snprintf(text, sizeof(text), "VIOLATION: request %zu: %s", i,
		    err);
		add_msg(st, i, MSG_VIOLATION, text);
		st->violations++;
		return;
	}
	c->ms[i] = cz_clock_s() * 1e3 - t0;
	if (plan->feasible)
		st->ms_feasible += c->ms[i];
	else
		st->ms_refused += c->ms[i];
	b = band_of(req.calories);
	st->band_n[b]++;
	st->band_ok[b] += plan->feasible;
	st->pat_n[req.pattern]++;
	st->pat_ok[req.pattern] += plan->feasible;
	if (!plan->feasible) {
		request_text(&req, rt, sizeof(rt));
		snprintf(text, sizeof(text), "infeasible: %s: %s", rt,
		    plan->reason);
		add_msg(st, i, MSG_INFEASIBLE, text);
		count_reason(st, plan->reason);
		memcpy(reason, plan->reason, sizeof(reason));
		check_refusal(c, &req, i, reason);
		st->ninfeasible++;
		return;
	}
	st->nfeasible++;
	check_plan(c, &req, plan, i, "", NULL);
	check_stored(c, &req, plan, i);
	intake_counts(&req, plan, st);
	if (i % 10 != 0)
		return;
	/* Every tenth plan: regenerate one meal, then one day, and check
	 * again (draws in a fixed order). */
	rd = (int)(cz_plan_random(&rng) % (uint64_t)req.days);
	rm = (int)(cz_plan_random(&rng) % (uint64_t)plan->days[0].nmeals);
	rs = cz_plan_random(&rng);
	st->nregen++;
	snprintf(what, sizeof(what), "another meal (day %d, meal %d)", rd + 1,
	    rm + 1);
	*c->before = *plan;
	st->nregen_ok += regen_checked(c, &req, plan, i, what,
	    cz_plan_regenerate_meal(c->cat, &req, plan, rd, rm, rs, err,
	    sizeof(err)), err);
	rd = (int)(cz_plan_random(&rng) % (uint64_t)req.days);
	rs = cz_plan_random(&rng);
	st->nregen_day++;
	snprintf(what, sizeof(what), "another day (day %d)", rd + 1);
	*c->before = *plan;	/* as the meal's change left it */
	st->nregen_day_ok += regen_checked(c, &req, plan, i, what,
	    cz_plan_regenerate_day(c->cat, &req, plan, rd, rs, err,
	    sizeof(err)), err);
}

/* Process job of jobs: requests job, job + jobs, ... of count. */
static int
run_part(const struct cz_catalog *cat, uint64_t seed, size_t count,
    int job, int jobs, int refusals, struct sweep *st, double *ms)
{
	struct ctx c;
	size_t i;
	int ret = -1;

	memset(&c, 0, sizeof(c));
	c.cat = cat;
	c.st = st;
	c.ms = ms;
	c.refusals = refusals;
	if ((c.plan = malloc(sizeof(*c.plan))) == NULL ||
	    (c.scratch = malloc(sizeof(*c.scratch))) == NULL ||
	    (c.before = malloc(sizeof(*c.before))) == NULL ||
	    (c.arena = cz_arena_new(256 * 1024)) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	for (i = (size_t)job; i < count; i += (size_t)jobs)
		check_request(&c, seed, i);
	ret = 0;
out:
	cz_arena_free(c.arena);
	free(c.scratch);
	free(c.before);
	free(c.plan);
	return ret;
}

/* Adds process b's findings into a. */
static void
merge(struct sweep *a, const struct sweep *b)
{
	int r, i, k;

	for (r = 0; r < RULE__MAX; r++) {
		if (b->seen[r] && (!a->seen[r] || b->worst[r] > a->worst[r]))
			a->worst[r] = b->worst[r];
		a->seen[r] |= b->seen[r];
		a->nbroken[r] += b->nbroken[r];
	}
	a->violations += b->violations;
	a->nstored += b->nstored;
	a->nstored_canon += b->nstored_canon;
	a->nknown += b->nknown;
	for (i = 0; i < b->nreasons; i++) {
		for (k = 0; k < a->nreasons; k++)
			if (strcmp(a->reasons[k], b->reasons[i]) == 0)
				break;
		if (k == a->nreasons) {
			if (k == MAX_REASONS)
				k = MAX_REASONS - 1;
			else
				memcpy(a->reasons[a->nreasons++],
				    b->reasons[i], sizeof(a->reasons[0]));
		}
		a->nreason[k] += b->nreason[i];
	}
	a->nfeasible += b->nfeasible;
	a->ninfeasible += b->ninfeasible;
	for (i = 0; i < 4; i++) {
		a->band_n[i] += b->band_n[i];
		a->band_ok[i] += b->band_ok[i];
	}
	for (i = 0; i < CZ_PATTERN__MAX; i++) {
		a->pat_n[i] += b->pat_n[i];
		a->pat_ok[i] += b->pat_ok[i];
	}
	a->nregen += b->nregen;
	a->nregen_ok += b->nregen_ok;
	a->nregen_day += b->nregen_day;
	a->nregen_day_ok += b->nregen_day_ok;
	a->ndishes += b->ndishes;
	a->ndishes_oily += b->ndishes_oily;
	a->ntitled += b->ntitled;
	a->nrepeat_plans += b->nrepeat_plans;
	a->keto_sat_fat = fmax(a->keto_sat_fat, b->keto_sat_fat);
	a->nsuggested += b->nsuggested;
	a->nsuggestions += b->nsuggestions;
	a->nunsuggested += b->nunsuggested;
	a->ms_feasible += b->ms_feasible;
	a->ms_refused += b->ms_refused;
	a->intake_days += b->intake_days;
	for (i = 0; i < CZ_INTAKES; i++) {
		a->intake100[i] += b->intake100[i];
		a->intake80[i] += b->intake80[i];
	}
	/* messages are merged by print_msgs, in index order */
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int
cmp_msg(const void *a, const void *b)
{
	const struct msg *x = a, *y = b;

	if (x->req != y->req)
		return (x->req > y->req) - (x->req < y->req);
	return x->seq - y->seq;
}

/* Prints the merged messages of parts (jobs of them) by request index:
 * the first violations and infeasible requests, to stderr. */
static void
print_msgs(const struct sweep *parts, int jobs)
{
	int shown[MSG__MAX] = { 0 };
	struct msg *all;
	int n = 0, j, k;

	if ((all = calloc((size_t)jobs * MAX_MSGS, sizeof(*all))) == NULL)
		return;
	for (j = 0; j < jobs; j++)
		for (k = 0; k < parts[j].nmsgs; k++)
			all[n++] = parts[j].msgs[k];
	qsort(all, (size_t)n, sizeof(*all), cmp_msg);
	for (k = 0; k < n; k++)
		if (shown[all[k].kind]++ < msg_show[all[k].kind])
			fprintf(stderr, "%s\n", all[k].text);
	free(all);
}

static void
print_report(const struct sweep *st, size_t count, double *ms, int jobs,
    double wall_ms)
{
	const struct cz_intake_ref *refs;
	const char *source;
	int order[MAX_REASONS], c, k;

	qsort(ms, count, sizeof(*ms), cmp_double);
	printf("plan-check: %zu requests (7 days each), %ld feasible "
	    "(%.1f%%), %ld infeasible\n", count, st->nfeasible,
	    100.0 * (double)st->nfeasible / (double)count, st->ninfeasible);
	/* reasons by name, so that the report is the same for any --jobs */
	for (c = 0; c < st->nreasons; c++)
		order[c] = c;
	for (c = 1; c < st->nreasons; c++)
		for (k = c; k > 0 && strcmp(st->reasons[order[k - 1]],
		    st->reasons[order[k]]) > 0; k--) {
			int t = order[k];

			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	for (c = 0; c < st->nreasons; c++)
		printf("  infeasible: %s: %ld\n", st->reasons[order[c]],
		    st->nreason[order[c]]);
	for (c = 0; c < 4; c++)
		if (st->band_n[c] > 0)
			printf("  feasible at %s: %.1f%% of %ld\n", bands[c].name,
			    100.0 * (double)st->band_ok[c] /
			    (double)st->band_n[c], st->band_n[c]);
	for (c = 0; c < CZ_PATTERN__MAX; c++)
		if (st->pat_n[c] > 0)
			printf("  feasible with %s: %.1f%% of %ld\n",
			    cz_pattern_name(c), 100.0 * (double)st->pat_ok[c] /
			    (double)st->pat_n[c], st->pat_n[c]);
	for (c = 0; c < RULE__MAX; c++)
		if (st->seen[c])
			printf("  worst %s: %.3f %s (limit %g; broken by %ld%s)"
			    "\n", rule_def(c)->name, st->worst[c],
			    rule_def(c)->unit, rule_def(c)->limit,
			    st->nbroken[c], rule_def(c)->known ? "; known, "
			    "not yet met by the planner" : "");
	printf("  keto days' saturated fat share (reported, not limited): "
	    "worst %.1f%%\n", st->keto_sat_fat);
	printf("  plans serving a dish 3+ times: %ld of %ld\n",
	    st->nrepeat_plans, st->nfeasible);
	printf("  refusals whose suggestions were planned: %ld of %ld "
	    "(%ld suggestions; %ld refusals with none)\n", st->nsuggested,
	    st->ninfeasible, st->nsuggestions, st->nunsuggested);
	printf("  dishes with >= 50%% of their energy from added fat: %ld of "
	    "%ld\n", st->ndishes_oily, st->ndishes);
	printf("  dishes with a title ingredient checked: %ld of %ld\n",
	    st->ntitled, st->ndishes);
	if (st->intake_days > 0) {
		refs = cz_intake_refs(CZ_PROFILE_NONE, &source);
		printf("  days reaching a reference intake (>= 100%% / >= 80%%):"
		    "\n");
		for (c = 0; c < CZ_INTAKES; c++)
			printf("    %-12s %5.1f%% / %5.1f%% of %ld days\n",
			    cz_nutrient_info((int)refs[c].nutrient)->key,
			    100.0 * (double)st->intake100[c] /
			    (double)st->intake_days,
			    100.0 * (double)st->intake80[c] /
			    (double)st->intake_days, st->intake_days);
	}
	printf("  regenerated one meal of %ld plans: %ld solved, re-checked\n",
	    st->nregen, st->nregen_ok);
	printf("  regenerated one day of %ld plans: %ld solved, re-checked\n",
	    st->nregen_day, st->nregen_day_ok);
	printf("  time per plan: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
	    ms[count / 2], ms[(size_t)((double)(count - 1) * 0.99)],
	    ms[count - 1]);
	printf("  time planning: %.1f s for feasible plans, %.1f s for "
	    "refused requests\n", st->ms_feasible / 1000.0,
	    st->ms_refused / 1000.0);
	printf("  wall time: %.1f s with %d job%s\n", wall_ms / 1000.0, jobs,
	    jobs == 1 ? "" : "s");
	printf("  stored forms read back to the same document: %ld plans "
	    "(%ld whose document the stored form's grams changed)\n",
	    st->nstored, st->nstored_canon);
	printf("  known findings (reported, not violations): %ld\n",
	    st->nknown);
	printf("  violations: %ld\n", st->violations);
}

int
admin_plan_check(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "count",	required_argument,	NULL, 'n' },
		{ "seed",	required_argument,	NULL, 's' },
		{ "jobs",	required_argument,	NULL, 'j' },
		{ "refusals",	required_argument,	NULL, 'r' },
		{ "self-test",	no_argument,		NULL, 'T' },
		{ NULL, 0, NULL, 0 }
	};
	struct cz_catalog *cat = NULL;
	struct sweep *parts = MAP_FAILED, total;
	double *ms = MAP_FAILED, t0;
	const char *errstr;
	pid_t pids[MAX_JOBS];
	uint64_t seed = 1;
	size_t count = 1000, partsz = 0, mssz = 0;
	int ch, j, status, jobs = 1, refusals = 1, selftest = 0, ret = 1;

	while ((ch = getopt_long(argc, argv, "n:s:j:r:T", opts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'n':
			count = (size_t)cz_strtonum(optarg, 1, 10000000,
			    &errstr);
			break;
		case 's':
			seed = (uint64_t)cz_strtonum(optarg, 0, INT64_MAX,
			    &errstr);
			break;
		case 'j':
			jobs = (int)cz_strtonum(optarg, 1, MAX_JOBS, &errstr);
			break;
		case 'r':
			refusals = (int)cz_strtonum(optarg, 0, 1000000,
			    &errstr);
			break;
		case 'T':
			selftest = 1;
			errstr = NULL;
			break;
		default:
			goto usage;
		}
		if (errstr != NULL)
			goto usage;
	}
	if (optind != argc)
		goto usage;
	if ((cat = admin_load_catalog(s)) == NULL)
		goto out;
	if (selftest) {
		ret = plan_selftest(cat, seed) == 0 ? 0 : 1;
		goto out;
	}
	/* Shared with the processes: each writes its own part and the
	 * times of its own requests. */
	partsz = (size_t)jobs * sizeof(*parts);
	mssz = count * sizeof(*ms);
	if ((parts = mmap(NULL, partsz, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0)) == MAP_FAILED ||
	    (ms = mmap(NULL, mssz, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
		fprintf(stderr, "cibozer-admin: plan-check: mmap failed\n");
		goto out;
	}
	memset(parts, 0, partsz);
	t0 = cz_clock_s() * 1e3;
	fflush(NULL);
	for (j = 0; j < jobs; j++) {
		if (jobs == 1) {
			parts[0].failed = run_part(cat, seed, count, 0, 1,
			    refusals, &parts[0], ms) == -1;
			break;
		}
		if ((pids[j] = fork()) == -1) {
			fprintf(stderr, "cibozer-admin: plan-check: fork "
			    "failed\n");
			parts[j].failed = 1;
			jobs = j;
			break;
		}
		if (pids[j] == 0)
			_exit(run_part(cat, seed, count, j, jobs, refusals,
			    &parts[j], ms) == 0 ? 0 : 1);
	}
	for (j = 0; jobs > 1 && j < jobs; j++)
		if (waitpid(pids[j], &status, 0) == -1 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			parts[j].failed = 1;
	memset(&total, 0, sizeof(total));
	for (j = 0; j < jobs; j++) {
		if (parts[j].failed) {
			fprintf(stderr, "cibozer-admin: plan-check: process %d "
			    "failed\n", j);
			goto out;
		}
		merge(&total, &parts[j]);
	}
	print_msgs(parts, jobs);
	print_report(&total, count, ms, jobs, cz_clock_s() * 1e3 - t0);
	ret = total.violations == 0 ? 0 : 1;
	goto out;
usage:
	fprintf(stderr, "usage: cibozer-admin plan-check [--count N] "
	    "[--seed S] [--jobs N] [--refusals N] | --self-test [--seed S]\n");
	ret = 2;
out:
	if (ms != MAP_FAILED)
		munmap(ms, mssz);
	if (parts != MAP_FAILED)
		munmap(parts, partsz);
	cz_catalog_free(cat);
	return ret;
}
