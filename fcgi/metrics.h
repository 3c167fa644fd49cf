/*
 * metrics.h - request counters shared by every worker of a pool.
 *
 * The supervisor maps one shared anonymous region before forking, so the
 * counters outlive any worker and /metrics, answered by whichever worker
 * nginx picks, reports the whole pool of this host. Each host is scraped on
 * its own (docs/operations.md).
 */
#ifndef CZ_METRICS_H
#define CZ_METRICS_H

#include <stddef.h>

#include "buf.h"
#include "router.h"

struct cz_metrics;

/* Maps the region for nroutes routes (plus one slot for unmatched paths).
 * Returns NULL when mmap fails. */
struct cz_metrics *cz_metrics_new(size_t nroutes);
void cz_metrics_free(struct cz_metrics *m);

/* Counts one request. route is the route index, or nroutes when no route
 * matched. */
void cz_metrics_observe(struct cz_metrics *m, size_t route, int status,
    double seconds);

/* Adds to the database counters. */
void cz_metrics_db(struct cz_metrics *m, unsigned long errors,
    unsigned long reconnects);

/* What became of one plan request. */
enum cz_plan_outcome {
	CZ_PLAN_OUT_CREATED,
	CZ_PLAN_OUT_INFEASIBLE,	/* 422: a constraint cannot be met */
	CZ_PLAN_OUT_INVALID,	/* 400 */
	CZ_PLAN_OUT_MEDICAL,	/* 422: names a medical condition */
	CZ_PLAN_OUT_ERROR,	/* 5xx */
	CZ_PLAN_OUT__MAX
};

/* Counts one plan request of diet (enum cz_diet, or -1 when unknown)
 * and its outcome; seconds is the generation time of created and
 * infeasible plans (else ignored), reason the planner's reason for an
 * infeasible one ("day 3: net carbs"), counted by its constraint. m may be
 * NULL (CGI). */
void cz_metrics_plan(struct cz_metrics *m, int diet,
    enum cz_plan_outcome outcome, double seconds, const char *reason);

/* Supervisor bookkeeping. */
void cz_metrics_workers(struct cz_metrics *m, long running);
void cz_metrics_worker_restart(struct cz_metrics *m);
/* A FastCGI connection accepted by a worker. */
void cz_metrics_connection(struct cz_metrics *m);
/* An API key authenticated: found in the worker's cache (cached set) or
 * looked up in the database. */
void cz_metrics_key_lookup(struct cz_metrics *m, int cached);
/* A unit of plan quota taken: from the worker's lease (leased set) or
 * counted in the database. */
void cz_metrics_quota_unit(struct cz_metrics *m, int leased);
/* A request parked on its commit (pipeline.h). */
void cz_metrics_parked(struct cz_metrics *m);
/* The commit of a batch of parked requests, answered together. */
void cz_metrics_parked_commit(struct cz_metrics *m);

/* Appends the Prometheus text exposition. Returns 0, or -1 when out grew
 * past its cap. */
int cz_metrics_render(const struct cz_metrics *m, const struct cz_route *routes,
    size_t nroutes, cz_buf *out);

#endif
