/*
 * admin_plan.c - cibozer-admin plan: one plan as JSON for people (or a
 * refusal with its suggestions), and the catalog loader the plan commands
 * share. plan-check is in admin_plan_check.c.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "admin.h"
#include "catalog.h"
#include "db.h"
#include "numparse.h"
#include "arena.h"
#include "plan_doc.h"
#include "plan_stored.h"
#include "plan_suggest.h"
#include "planner.h"
#include "settings.h"

#define PLAN_TIMEOUT_MS		60000
#define EXIT_INFEASIBLE		3

struct cz_catalog *
admin_load_catalog(const struct cz_settings *s)
{
	struct cz_catalog *cat = NULL;
	PGconn *conn;
	char err[1024];

	if ((conn = admin_connect(s, PLAN_TIMEOUT_MS)) == NULL)
		return NULL;
	if (cz_catalog_load(conn, &cat, err, sizeof(err)) == -1)
		fprintf(stderr, "cibozer-admin: %s\n", err);
	PQfinish(conn);
	return cat;
}

/* ------------------------------------------------------------------------
 * plan
 */

/* Parses a comma-separated list with by_name into a restriction mask or
 * the excluded NDB numbers of req. */
static int
parse_list(char *s, struct cz_plan_request *req, int restrictions)
{
	char *w, *last;
	int r;

	for (w = strtok_r(s, ",", &last); w != NULL;
	    w = strtok_r(NULL, ",", &last)) {
		if (restrictions) {
			if ((r = cz_restriction_by_name(w)) == -1)
				return -1;
			req->restrictions |= 1u << r;
		} else {
			if (req->nexcluded == CZ_PLAN_MAX_EXCLUDED ||
			    strlen(w) != 5)
				return -1;
			memcpy(req->excluded[req->nexcluded++], w, 6);
		}
	}
	return 0;
}

static void
plan_usage(void)
{
	fprintf(stderr, "usage: cibozer-admin plan --calories N --diet DIET "
	    "[--pattern PATTERN]\n"
	    "           [--restrict R,...] [--exclude NDB,...] "
	    "[--profile PROFILE] [--days N] [--seed S]\n"
	    "           [--stored]   (the form the database stores, "
	    "lib/plan_stored.h)\n"
	    "  exit status: 0 plan printed, 3 infeasible (the reason on "
	    "stderr), 2 usage, 1 error\n");
}

/* The stored form of plan, one line; 0, or 1 when memory ran out. */
static int
print_stored(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan *plan)
{
	cz_buf b;
	int rc;

	cz_buf_init(&b, CZ_PLAN_STORED_MAX_BYTES);
	if ((rc = cz_plan_stored_write(cat, req, plan, &b)) == 0)
		printf("%s\n", b.data);
	else
		fprintf(stderr, "cibozer-admin: out of memory\n");
	cz_buf_free(&b);
	return rc == 0 ? 0 : 1;
}

int
admin_plan(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "calories",	required_argument,	NULL, 'c' },
		{ "diet",	required_argument,	NULL, 'd' },
		{ "pattern",	required_argument,	NULL, 'p' },
		{ "restrict",	required_argument,	NULL, 'r' },
		{ "exclude",	required_argument,	NULL, 'x' },
		{ "profile",	required_argument,	NULL, 'P' },
		{ "days",	required_argument,	NULL, 'n' },
		{ "seed",	required_argument,	NULL, 's' },
		{ "stored",	no_argument,		NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct cz_catalog *cat = NULL;
	struct cz_plan_request req;
	struct cz_plan *plan = NULL;
	cz_arena *arena = NULL;
	json_object *j = NULL;
	const char *errstr = NULL;
	char err[256], reason[128], msg[640];
	struct cz_plan_suggestion sg[CZ_SUGGEST_MAX];
	int ch, v, n, k, stored = 0, ret = 1;

	memset(&req, 0, sizeof(req));
	req.calories = -1;
	req.diet = CZ_DIET__MAX;
	req.pattern = CZ_PATTERN_3_MEALS;
	req.days = 7;
	while ((ch = getopt_long(argc, argv, "c:d:p:r:x:P:n:s:S", opts,
	    NULL)) != -1) {
		switch (ch) {
		case 'S':
			stored = 1;
			break;
		case 'c':
			req.calories = (int)cz_strtonum(optarg,
			    CZ_PLAN_MIN_KCAL, CZ_PLAN_MAX_KCAL, &errstr);
			break;
		case 'd':
			if ((v = cz_diet_by_name(optarg)) == -1)
				goto usage;
			req.diet = (enum cz_diet)v;
			break;
		case 'p':
			if ((v = cz_pattern_by_name(optarg)) == -1)
				goto usage;
			req.pattern = (enum cz_pattern)v;
			break;
		case 'r':
			if (parse_list(optarg, &req, 1) == -1)
				goto usage;
			break;
		case 'x':
			if (parse_list(optarg, &req, 0) == -1)
				goto usage;
			break;
		case 'P':
			if ((v = cz_profile_by_name(optarg)) == -1)
				goto usage;
			req.profile = (enum cz_profile)v;
			break;
		case 'n':
			req.days = (int)cz_strtonum(optarg, 1,
			    CZ_PLAN_MAX_DAYS, &errstr);
			break;
		case 's':
			req.seed = (uint64_t)cz_strtonum(optarg, 0, INT64_MAX,
			    &errstr);
			break;
		default:
			goto usage;
		}
		if (errstr != NULL)
			goto usage;
	}
	if (optind != argc || req.calories == -1 || req.diet == CZ_DIET__MAX)
		goto usage;
	if (cz_plan_validate(&req, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: plan: %s\n", err);
		ret = 2;
		goto out;
	}
	if ((plan = malloc(sizeof(*plan))) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	if ((cat = admin_load_catalog(s)) == NULL)
		goto out;
	if (cz_plan_make(cat, &req, plan, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: plan: %s\n", err);
		goto out;
	}
	if (!plan->feasible) {
		fprintf(stderr, "cibozer-admin: plan: infeasible: %s\n",
		    plan->reason);
		/* the refusal as the API words it, with its suggestions */
		memcpy(reason, plan->reason, sizeof(reason));
		n = cz_plan_suggest(cat, &req, reason, 2000.0, plan, sg,
		    msg, sizeof(msg));
		fprintf(stderr, "cibozer-admin: plan: %s\n", msg);
		for (k = 0; k < n; k++)
			fprintf(stderr, "cibozer-admin: plan: suggestion: "
			    "%d kcal, %s\n", sg[k].calories,
			    cz_pattern_name((int)sg[k].pattern));
		ret = EXIT_INFEASIBLE;
		goto out;
	}
	/* as the API answers it: the plan as its stored form reads back */
	if ((arena = cz_arena_new(64 * 1024)) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	if (cz_plan_stored_canon(cat, &req, plan, arena, err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: plan: %s\n", err);
		goto out;
	}
	if (stored) {
		ret = print_stored(cat, &req, plan);
		goto out;
	}
	if ((j = cz_plan_document(cat, &req, plan, arena)) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	printf("%s\n", json_object_to_json_string_ext(j,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
	ret = 0;
	goto out;
usage:
	plan_usage();
	ret = 2;
out:
	json_object_put(j);
	cz_arena_free(arena);
	cz_catalog_free(cat);
	free(plan);
	return ret;
}
