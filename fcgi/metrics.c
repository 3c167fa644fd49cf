/*
 * metrics.c - lock-free counters in a shared mapping, rendered in the
 * Prometheus text format. See metrics.h.
 */
#include "config.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "metrics.h"

typedef _Atomic unsigned long long counter;

/* Statuses counted apart; anything else lands in the last slot. */
static const int statuses[] = {
	200, 201, 202, 204, 206, 301, 302, 303, 304, 400, 401, 403, 404, 405,
	409, 411, 413, 414, 415, 422, 429, 500, 502, 503, 0
};
#define NSTATUS (sizeof(statuses) / sizeof(statuses[0]))

/* Upper bounds of the latency buckets, in seconds. */
static const double bounds[] = {
	0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
	2.5, 5
};
#define NBUCKET (sizeof(bounds) / sizeof(bounds[0]) + 1)	/* +Inf */

/* Plan labels: diets (catalog order, then unknown), outcomes, the
 * constraints an infeasible plan names (the last catches the rest). */
static const char *const plan_diets[] = {
	"standard", "vegetarian", "vegan", "keto", "paleo", "mediterranean",
	"unknown"
};
#define NDIET (sizeof(plan_diets) / sizeof(plan_diets[0]))
static const char *const plan_outcomes[CZ_PLAN_OUT__MAX] = {
	"created", "infeasible", "invalid", "medical_condition", "error"
};
static const struct {
	const char	*label;
	const char	*match;		/* in the planner's reason */
} plan_reasons[] = {
	{ "energy",		"energy" },
	{ "protein_share",	"protein share" },
	{ "fat_share",		"fat share" },
	{ "carbohydrate_share",	"carbohydrate share" },
	{ "fiber",		"fiber" },
	{ "sodium",		"sodium" },
	{ "net_carbs",		"net carbs" },
	{ "portion_bounds",	"portion bounds" },
	{ "saturated_fat",	"saturated fat" },
	{ "nutrient_limits",	"portion or nutrient limits" },
	{ "templates",		"template" },
	{ "templates",		"dinners" },
	{ "other",		"" },
};
#define NREASON (sizeof(plan_reasons) / sizeof(plan_reasons[0]))

/* Upper bounds of the generation-time buckets, in seconds. */
static const double plan_bounds[] = {
	0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1
};
#define NPBUCKET (sizeof(plan_bounds) / sizeof(plan_bounds[0]) + 1)

struct plan_counters {
	counter	by_diet[NDIET][CZ_PLAN_OUT__MAX];
	counter	infeasible[NREASON];
	counter	buckets[NPBUCKET];
	counter	sum_ns;
	counter	count;
};

struct route_slot {
	counter	by_status[NSTATUS];
	counter	buckets[NBUCKET];
	counter	sum_us;
	counter	count;
};

struct cz_metrics {
	size_t		 size;		/* of the mapping */
	size_t		 nslots;
	double		 start_time;
	counter		 db_errors;
	counter		 db_reconnects;
	counter		 workers;
	counter		 worker_restarts;
	counter		 connections;
	counter		 key_lookups[2];	/* database, cache */
	counter		 quota_units[2];	/* database, lease */
	counter		 parked;
	counter		 parked_commits;
	struct plan_counters plans;
	struct route_slot slots[];
};

struct cz_metrics *
cz_metrics_new(size_t nroutes)
{
	struct cz_metrics *m;
	struct timespec ts;
	size_t size;

	size = sizeof(*m) + (nroutes + 1) * sizeof(struct route_slot);
	m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	    -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	memset(m, 0, size);
	m->size = size;
	m->nslots = nroutes + 1;
	clock_gettime(CLOCK_REALTIME, &ts);
	m->start_time = (double)ts.tv_sec + ts.tv_nsec / 1e9;
	return m;
}

void
cz_metrics_free(struct cz_metrics *m)
{
	if (m != NULL)
		munmap(m, m->size);
}

void
cz_metrics_observe(struct cz_metrics *m, size_t route, int status,
    double seconds)
{
	struct route_slot *s;
	size_t i;

	if (route >= m->nslots)
		route = m->nslots - 1;
	s = &m->slots[route];
	for (i = 0; i < NSTATUS - 1 && statuses[i] != status; i++)
		continue;
	atomic_fetch_add_explicit(&s->by_status[i], 1, memory_order_relaxed);
	for (i = 0; i < NBUCKET - 1 && seconds > bounds[i]; i++)
		continue;
	atomic_fetch_add_explicit(&s->buckets[i], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->sum_us,
	    (unsigned long long)(seconds * 1e6), memory_order_relaxed);
	atomic_fetch_add_explicit(&s->count, 1, memory_order_relaxed);
}

void
cz_metrics_db(struct cz_metrics *m, unsigned long errors,
    unsigned long reconnects)
{
	atomic_fetch_add_explicit(&m->db_errors, errors, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->db_reconnects, reconnects,
	    memory_order_relaxed);
}

void
cz_metrics_key_lookup(struct cz_metrics *m, int cached)
{
	atomic_fetch_add_explicit(&m->key_lookups[cached != 0], 1,
	    memory_order_relaxed);
}

void
cz_metrics_quota_unit(struct cz_metrics *m, int leased)
{
	atomic_fetch_add_explicit(&m->quota_units[leased != 0], 1,
	    memory_order_relaxed);
}

void
cz_metrics_parked(struct cz_metrics *m)
{
	atomic_fetch_add_explicit(&m->parked, 1, memory_order_relaxed);
}

void
cz_metrics_parked_commit(struct cz_metrics *m)
{
	atomic_fetch_add_explicit(&m->parked_commits, 1,
	    memory_order_relaxed);
}

void
cz_metrics_connection(struct cz_metrics *m)
{
	atomic_fetch_add_explicit(&m->connections, 1, memory_order_relaxed);
}

static unsigned long long
load(const counter *c)
{
	return atomic_load_explicit(c, memory_order_relaxed);
}

void
cz_metrics_plan(struct cz_metrics *m, int diet, enum cz_plan_outcome outcome,
    double seconds, const char *reason)
{
	struct plan_counters *p;
	size_t d, i;

	if (m == NULL || (int)outcome < 0 || outcome >= CZ_PLAN_OUT__MAX)
		return;
	p = &m->plans;
	d = diet >= 0 && (size_t)diet < NDIET - 1 ? (size_t)diet : NDIET - 1;
	atomic_fetch_add_explicit(&p->by_diet[d][outcome], 1,
	    memory_order_relaxed);
	if (outcome == CZ_PLAN_OUT_INFEASIBLE) {
		for (i = 0; i < NREASON - 1 && (reason == NULL ||
		    strstr(reason, plan_reasons[i].match) == NULL); i++)
			continue;
		atomic_fetch_add_explicit(&p->infeasible[i], 1,
		    memory_order_relaxed);
	}
	if (outcome != CZ_PLAN_OUT_CREATED && outcome != CZ_PLAN_OUT_INFEASIBLE)
		return;
	for (i = 0; i < NPBUCKET - 1 && seconds > plan_bounds[i]; i++)
		continue;
	atomic_fetch_add_explicit(&p->buckets[i], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&p->sum_ns,
	    (unsigned long long)(seconds * 1e9), memory_order_relaxed);
	atomic_fetch_add_explicit(&p->count, 1, memory_order_relaxed);
}

/* The plan counters in the exposition format. */
static int
render_plans(const struct plan_counters *p, cz_buf *out)
{
	unsigned long long v, cum = 0;
	size_t d, o, i;
	int rc = 0;

	rc |= cz_buf_puts(out,
	    "# HELP cibozer_plan_requests_total Plan requests by diet type "
	    "and outcome.\n"
	    "# TYPE cibozer_plan_requests_total counter\n");
	for (d = 0; d < NDIET; d++)
		for (o = 0; o < CZ_PLAN_OUT__MAX; o++)
			if ((v = load(&p->by_diet[d][o])) != 0 || d == 0)
				rc |= cz_buf_printf(out, "cibozer_plan_requests_"
				    "total{diet=\"%s\",outcome=\"%s\"} %llu\n",
				    plan_diets[d], plan_outcomes[o], v);
	rc |= cz_buf_puts(out,
	    "# HELP cibozer_plan_infeasible_total Plan requests that could "
	    "not be met, by the constraint named.\n"
	    "# TYPE cibozer_plan_infeasible_total counter\n");
	for (i = 0; i < NREASON; i++) {
		/* "templates" has two matches; report it once. */
		if (i > 0 && strcmp(plan_reasons[i].label,
		    plan_reasons[i - 1].label) == 0)
			continue;
		v = load(&p->infeasible[i]);
		if (i + 1 < NREASON && strcmp(plan_reasons[i].label,
		    plan_reasons[i + 1].label) == 0)
			v += load(&p->infeasible[i + 1]);
		rc |= cz_buf_printf(out, "cibozer_plan_infeasible_total{"
		    "reason=\"%s\"} %llu\n", plan_reasons[i].label, v);
	}
	rc |= cz_buf_puts(out,
	    "# HELP cibozer_plan_generation_seconds Time to plan all days of "
	    "a request in memory (catalog to plan document).\n"
	    "# TYPE cibozer_plan_generation_seconds histogram\n");
	for (i = 0; i < NPBUCKET; i++) {
		cum += load(&p->buckets[i]);
		if (i < NPBUCKET - 1)
			rc |= cz_buf_printf(out, "cibozer_plan_generation_"
			    "seconds_bucket{le=\"%g\"} %llu\n", plan_bounds[i],
			    cum);
		else
			rc |= cz_buf_printf(out, "cibozer_plan_generation_"
			    "seconds_bucket{le=\"+Inf\"} %llu\n", cum);
	}
	rc |= cz_buf_printf(out, "cibozer_plan_generation_seconds_sum %.9f\n"
	    "cibozer_plan_generation_seconds_count %llu\n",
	    (double)load(&p->sum_ns) / 1e9, load(&p->count));
	return rc;
}

void
cz_metrics_workers(struct cz_metrics *m, long running)
{
	atomic_store(&m->workers, (unsigned long long)running);
}

void
cz_metrics_worker_restart(struct cz_metrics *m)
{
	atomic_fetch_add(&m->worker_restarts, 1);
}

static const char *
route_name(const struct cz_route *routes, size_t nroutes, size_t i)
{
	return i < nroutes ? routes[i].name : "unmatched";
}

int
cz_metrics_render(const struct cz_metrics *m, const struct cz_route *routes,
    size_t nroutes, cz_buf *out)
{
	const struct route_slot *s;
	unsigned long long v, cum;
	size_t i, j;
	int rc = 0;

	rc |= cz_buf_puts(out,
	    "# HELP cibozer_http_requests_total Requests answered by the "
	    "responder pool, by route and status.\n"
	    "# TYPE cibozer_http_requests_total counter\n");
	for (i = 0; i < m->nslots; i++)
		for (j = 0; j < NSTATUS; j++) {
			if ((v = load(&m->slots[i].by_status[j])) == 0)
				continue;
			if (statuses[j] != 0)
				rc |= cz_buf_printf(out, "cibozer_http_requests_"
				    "total{route=\"%s\",status=\"%d\"} %llu\n",
				    route_name(routes, nroutes, i), statuses[j], v);
			else
				rc |= cz_buf_printf(out, "cibozer_http_requests_"
				    "total{route=\"%s\",status=\"other\"} %llu\n",
				    route_name(routes, nroutes, i), v);
		}

	rc |= cz_buf_puts(out,
	    "# HELP cibozer_http_request_duration_seconds Time from request "
	    "start to the last byte handed to the web server.\n"
	    "# TYPE cibozer_http_request_duration_seconds histogram\n");
	for (i = 0; i < m->nslots; i++) {
		s = &m->slots[i];
		cum = 0;
		for (j = 0; j < NBUCKET; j++) {
			cum += load(&s->buckets[j]);
			if (j < NBUCKET - 1)
				rc |= cz_buf_printf(out, "cibozer_http_request_"
				    "duration_seconds_bucket{route=\"%s\","
				    "le=\"%g\"} %llu\n",
				    route_name(routes, nroutes, i), bounds[j], cum);
			else
				rc |= cz_buf_printf(out, "cibozer_http_request_"
				    "duration_seconds_bucket{route=\"%s\","
				    "le=\"+Inf\"} %llu\n",
				    route_name(routes, nroutes, i), cum);
		}
		rc |= cz_buf_printf(out, "cibozer_http_request_duration_seconds"
		    "_sum{route=\"%s\"} %.6f\n", route_name(routes, nroutes, i),
		    (double)load(&s->sum_us) / 1e6);
		rc |= cz_buf_printf(out, "cibozer_http_request_duration_seconds"
		    "_count{route=\"%s\"} %llu\n",
		    route_name(routes, nroutes, i), load(&s->count));
	}

	rc |= cz_buf_printf(out,
	    "# HELP cibozer_db_errors_total Failed database connections and "
	    "statements.\n"
	    "# TYPE cibozer_db_errors_total counter\n"
	    "cibozer_db_errors_total %llu\n"
	    "# HELP cibozer_db_reconnects_total Connections reopened after "
	    "one was lost.\n"
	    "# TYPE cibozer_db_reconnects_total counter\n"
	    "cibozer_db_reconnects_total %llu\n"
	    "# HELP cibozer_workers Responder worker processes running.\n"
	    "# TYPE cibozer_workers gauge\n"
	    "cibozer_workers %llu\n"
	    "# HELP cibozer_worker_restarts_total Workers replaced after "
	    "they died.\n"
	    "# TYPE cibozer_worker_restarts_total counter\n"
	    "cibozer_worker_restarts_total %llu\n"
	    "# HELP cibozer_fcgi_connections_total FastCGI connections the "
	    "workers accepted (nginx keeps them open for many requests).\n"
	    "# TYPE cibozer_fcgi_connections_total counter\n"
	    "cibozer_fcgi_connections_total %llu\n"
	    "# HELP cibozer_apikey_lookups_total API keys authenticated, by "
	    "where the key was found (a worker keeps a key it looked up "
	    "for up to a second).\n"
	    "# TYPE cibozer_apikey_lookups_total counter\n"
	    "cibozer_apikey_lookups_total{source=\"database\"} %llu\n"
	    "cibozer_apikey_lookups_total{source=\"cache\"} %llu\n"
	    "# HELP cibozer_plan_quota_units_total Units of the daily plan "
	    "quota taken for plans, by where from (a worker leases several "
	    "at once for an account busy on it).\n"
	    "# TYPE cibozer_plan_quota_units_total counter\n"
	    "cibozer_plan_quota_units_total{source=\"database\"} %llu\n"
	    "cibozer_plan_quota_units_total{source=\"lease\"} %llu\n"
	    "# HELP cibozer_requests_parked_total Requests whose answer "
	    "waited for their durable commit while the worker served "
	    "others.\n"
	    "# TYPE cibozer_requests_parked_total counter\n"
	    "cibozer_requests_parked_total %llu\n"
	    "# HELP cibozer_requests_parked_commits_total Commits the "
	    "parked requests waited for: the plans of one batch share one.\n"
	    "# TYPE cibozer_requests_parked_commits_total counter\n"
	    "cibozer_requests_parked_commits_total %llu\n"
	    "# HELP process_start_time_seconds Start time of the pool "
	    "supervisor since the Unix epoch.\n"
	    "# TYPE process_start_time_seconds gauge\n"
	    "process_start_time_seconds %.3f\n",
	    load(&m->db_errors), load(&m->db_reconnects), load(&m->workers),
	    load(&m->worker_restarts), load(&m->connections),
	    load(&m->key_lookups[0]), load(&m->key_lookups[1]),
	    load(&m->quota_units[0]), load(&m->quota_units[1]),
	    load(&m->parked), load(&m->parked_commits), m->start_time);
	rc |= render_plans(&m->plans, out);
	return rc == 0 ? 0 : -1;
}
