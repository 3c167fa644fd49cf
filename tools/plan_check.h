/*
 * plan_check.h - shared parts of cibozer-admin plan-check
 * (tools/admin_plan_check.c) and its self-test (tools/plan_selftest.c).
 */
#ifndef CZ_PLAN_CHECK_H
#define CZ_PLAN_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "planner.h"

/*
 * Request index i of the sweep of seed: a random valid 7-day request into
 * *req, and into *rng the generator its later draws (regenerations) come
 * from. Each request depends only on seed and i, so a sweep split over
 * any number of processes checks the same requests.
 */
void	 plan_check_request(uint64_t seed, size_t i,
	    struct cz_plan_request *req, uint64_t *rng);

/*
 * Breaks each rule of tools/plan_rules.h on purpose in real plans of the
 * sweep of seed, and checks that the checker names it (and, on at least
 * one plan, only it). Prints one line per rule; returns 0 when every
 * mutation was detected, 1 when one was not, -1 on error.
 */
int	 plan_selftest(const struct cz_catalog *cat, uint64_t seed);

#endif /* CZ_PLAN_CHECK_H */
