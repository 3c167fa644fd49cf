/*
 * admin_plan_bench.c - cibozer-admin plan-bench: the in-process benchmark
 * of the planner. A fixed mix of 7-day requests (every diet and meal
 * pattern at three calorie levels, with and without two restrictions, a
 * seed per request) is planned over several rounds; the times of the
 * planning alone and of planning plus the JSON document the responder
 * stores are reported as median, p99 and maximum. Figures, not a test:
 * nothing here fails on a slow machine.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "clock.h"
#include "numparse.h"
#include "plan_doc.h"
#include "planner.h"

static const int bench_kcal[] = { 1500, 2000, 2500 };
static const unsigned int bench_restrictions[] = {
	0, 1u << CZ_ALLERGEN_GLUTEN | 1u << CZ_ALLERGEN_DAIRY
};
#define NKCAL	(sizeof(bench_kcal) / sizeof(bench_kcal[0]))
#define NRESTR	(sizeof(bench_restrictions) / sizeof(bench_restrictions[0]))
#define NMIX	(CZ_DIET__MAX * CZ_PATTERN__MAX * NKCAL * NRESTR)

/* Microseconds on the monotonic clock (lib/clock.h). */
static double
now_us(void)
{
	return cz_clock_s() * 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The mean too: a responder's throughput is one over it, tail included. */
static void
report(const char *what, double *us, size_t n)
{
	double	 sum = 0.0;
	size_t	 i;

	for (i = 0; i < n; i++)
		sum += us[i];
	qsort(us, n, sizeof(*us), cmp_double);
	printf("  %-22s mean %7.3f ms   median %7.3f ms   p99 %7.3f ms   "
	    "max %7.3f ms\n", what, sum / (double)n / 1e3, us[n / 2] / 1e3,
	    us[(size_t)((double)(n - 1) * 0.99)] / 1e3, us[n - 1] / 1e3);
}

/* The i-th request of the mix. */
static void
mix_request(size_t i, struct cz_plan_request *req)
{
	memset(req, 0, sizeof(*req));
	req->diet = (enum cz_diet)(i % CZ_DIET__MAX);
	i /= CZ_DIET__MAX;
	req->pattern = (enum cz_pattern)(i % CZ_PATTERN__MAX);
	i /= CZ_PATTERN__MAX;
	req->calories = bench_kcal[i % NKCAL];
	i /= NKCAL;
	req->restrictions = bench_restrictions[i % NRESTR];
	req->days = 7;
	req->seed = 1000 + i;
}

int
admin_plan_bench(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rounds",	required_argument,	NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct cz_catalog *cat = NULL;
	struct cz_plan_request req;
	struct cz_plan *plan = NULL;
	cz_buf doc;
	double *plan_us = NULL, *doc_us = NULL, t0, t1;
	const char *errstr;
	cz_arena *a = NULL;
	char err[256];
	size_t rounds = 5, n = 0, feasible = 0, bytes = 0, r, i;
	int ch, ret = 1;

	cz_buf_init(&doc, 0);
	while ((ch = getopt_long(argc, argv, "r:", opts, NULL)) != -1) {
		if (ch != 'r')
			goto usage;
		rounds = (size_t)cz_strtonum(optarg, 1, 1000, &errstr);
		if (errstr != NULL)
			goto usage;
	}
	if (optind != argc)
		goto usage;
	if ((plan = malloc(sizeof(*plan))) == NULL ||
	    (plan_us = calloc(rounds * NMIX, sizeof(double))) == NULL ||
	    (doc_us = calloc(rounds * NMIX, sizeof(double))) == NULL ||
	    (a = cz_arena_new(64 * 1024)) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	if ((cat = admin_load_catalog(s)) == NULL)
		goto out;
	for (r = 0; r < rounds; r++)
		for (i = 0; i < NMIX; i++) {
			mix_request(i, &req);
			t0 = now_us();
			if (cz_plan_make(cat, &req, plan, err,
			    sizeof(err)) == -1) {
				fprintf(stderr, "cibozer-admin: %s\n", err);
				goto out;
			}
			t1 = now_us();
			plan_us[n] = t1 - t0;
			if (plan->feasible) {
				cz_buf_reset(&doc);
				if (cz_plan_document_write(cat, &req, plan, a,
				    &doc) == -1) {
					fprintf(stderr, "cibozer-admin: out of "
					    "memory\n");
					goto out;
				}
				bytes += doc.len;
				cz_arena_reset(a);
				feasible += r == 0;
			}
			doc_us[n] = now_us() - t0;
			n++;
		}
	printf("plan-bench: %zu requests (%d diets x %d patterns x %zu "
	    "calorie levels x %zu restriction sets, 7 days each) x %zu "
	    "rounds; %zu of %zu feasible\n", (size_t)NMIX, CZ_DIET__MAX,
	    CZ_PATTERN__MAX, NKCAL, NRESTR, rounds, feasible, (size_t)NMIX);
	report("plan (solve 7 days)", plan_us, n);
	report("plan + JSON document", doc_us, n);
	printf("  document size: %zu bytes on average\n", feasible > 0 ?
	    bytes / (feasible * rounds) : 0);
	ret = 0;
	goto out;
usage:
	fprintf(stderr, "usage: cibozer-admin plan-bench [--rounds N]\n");
	ret = 2;
out:
	cz_catalog_free(cat);
	cz_arena_free(a);
	cz_buf_free(&doc);
	free(plan);
	free(plan_us);
	free(doc_us);
	return ret;
}
