/*
 * fuzz_plan_stored.c - libFuzzer target for the reader of stored plans
 * (lib/plan_stored.c), which every read of a plan goes through: the API,
 * the plan pages and the renderer. A small catalog is built here (three
 * dishes, one per meal of 3_meals, and three foods) so that inputs can
 * reach the plan they describe. Whatever it accepts must be a plan within
 * the limits of planner.h whose dishes and foods are the catalog's, and
 * must expand to a document; whatever it refuses must say why.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "plan_stored.h"
#include "planner.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(int ok)
{
	if (!ok)
		abort();
}

static struct cz_cat_food foods[3];
static struct cz_cat_template tm[3];
static struct cz_cat_item items[3];
static struct cz_catalog cat;

static void
catalog(void)
{
	static const char *ndb[3] = { "01123", "08120", "09094" };
	static const char *slug[3] = { "eggs", "porridge", "figs" };
	int i, k;

	for (i = 0; i < 3; i++) {
		snprintf(foods[i].ndb, sizeof(foods[i].ndb), "%s", ndb[i]);
		foods[i].name = foods[i].label = (char *)(uintptr_t)ndb[i];
		snprintf(foods[i].group, sizeof(foods[i].group), "09");
		for (k = 0; k < CZ_NUTRIENTS; k++)
			foods[i].per100g.v[k] = 1.0 + k;
		foods[i].diets = (1u << CZ_DIET__MAX) - 1;
		foods[i].min_g = 5;
		foods[i].max_g = 500;
		foods[i].step_g = i == 2 ? 8.4 : 5;
		items[i].food = (size_t)i;
		tm[i].id = i + 1;
		tm[i].slot = (enum cz_slot)i;
		tm[i].items = &items[i];
		tm[i].nitems = 1;
		tm[i].slug = tm[i].name = (char *)(uintptr_t)slug[i];
	}
	cat.foods = foods;
	cat.nfoods = 3;
	cat.templates = tm;
	cat.ntemplates = 3;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cz_plan_request req;
	struct cz_plan *p;
	char err[256];
	cz_arena *a;
	cz_buf doc;
	size_t i;
	int d;

	if (cat.nfoods == 0)
		catalog();
	if ((a = cz_arena_new(16384)) == NULL ||
	    (p = malloc(sizeof(*p))) == NULL) {
		cz_arena_free(a);
		return 0;
	}
	err[0] = '\0';
	if (cz_plan_stored_read(&cat, a, (const char *)data, size, &req, p,
	    err, sizeof(err)) == -1) {
		check(err[0] != '\0');
		goto out;
	}
	check(p->ndays == req.days && p->ndays >= 1 &&
	    p->ndays <= CZ_PLAN_MAX_DAYS);
	for (d = 0; d < p->ndays; d++) {
		check(p->days[d].nmeals >= 1 &&
		    p->days[d].nmeals <= CZ_PLAN_MAX_MEALS);
		check(p->days[d].nitems <= CZ_PLAN_MAX_ITEMS);
		for (i = 0; i < p->days[d].nitems; i++) {
			check(p->days[d].items[i].food < cat.nfoods);
			check(p->days[d].items[i].meal >= 0 &&
			    p->days[d].items[i].meal < p->days[d].nmeals);
		}
	}
	cz_buf_init(&doc, 1 << 22);
	check(cz_plan_stored_expand(&cat, a, (const char *)data, size, &doc,
	    err, sizeof(err)) == 0);
	cz_buf_free(&doc);
out:
	free(p);
	cz_arena_free(a);
	return 0;
}
