/*
 * fuzz_plan_read.c - libFuzzer target for the plan document reader
 * (lib/plan_read.c), which regeneration, the plan page and the renderer
 * use on stored documents and on the renderer's --plan files. Whatever
 * it accepts must keep the promises of plan_read.h: counts within the
 * limits of planner.h, days numbered from 1, slots and allergens known;
 * whatever it refuses must say why. Any broken promise aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "plan_read.h"
#include "planner.h"

#include "fuzz_validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cz_plan_doc *doc;
	char err[256];
	cz_arena *a;
	size_t shop = 0, g;
	int d, m;

	if ((a = cz_arena_new(16384)) == NULL)
		return 0;
	err[0] = '\0';
	if (cz_plan_doc_parse(a, (const char *)data, size, &doc, err,
	    sizeof(err)) == -1) {
		check(doc == NULL && err[0] != '\0');
		cz_arena_free(a);
		return 0;
	}
	check(doc->ndays >= 1 && doc->ndays <= CZ_PLAN_MAX_DAYS);
	check(doc->ndays == doc->request.days);
	for (d = 0; d < doc->ndays; d++) {
		check(doc->days[d].day == d + 1);
		check(doc->days[d].nmeals >= 1 &&
		    doc->days[d].nmeals <= CZ_PLAN_MAX_MEALS);
		for (m = 0; m < doc->days[d].nmeals; m++) {
			check(doc->days[d].meals[m].name != NULL);
			check((int)doc->days[d].meals[m].slot >= 0 &&
			    doc->days[d].meals[m].slot < CZ_SLOT__MAX);
			check(doc->days[d].meals[m].nitems <= CZ_PLAN_MAX_ITEMS);
		}
	}
	check(doc->nwarnings <= CZ_ALLERGEN__MAX);
	for (g = 0; g < doc->nshop; g++)
		shop += doc->shop[g].nitems;
	check(shop == doc->nshop_items);
	check(doc->nshop_items <= CZ_PLAN_MAX_SHOP_ITEMS);
	cz_arena_free(a);
	return 0;
}
