/*
 * layout_sample.c - the layout check over a large sample of real plans
 * (see layout_sample.h). Request i of the sample walks the diets, the
 * meal patterns, seven calorie targets, four restriction sets, the
 * profiles and 1 to 7 days by mixed strides, so that a few hundred
 * requests cover every pairing of diet and pattern at every target.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "layout_sample.h"
#include "plan.h"
#include "plan_doc.h"
#include "planner.h"
#include "preset.h"

static const int sample_kcal[] = { 1200, 1600, 2000, 2500, 3200, 4000, 5000 };
static const unsigned int sample_restr[] = {
	0,
	1u << CZ_ALLERGEN_GLUTEN | 1u << CZ_ALLERGEN_DAIRY,
	1u << CZ_ALLERGEN_TREE_NUT | 1u << CZ_ALLERGEN_PEANUT |
	    1u << CZ_ALLERGEN_SOY,
	1u << CZ_ALLERGEN_EGG | 1u << CZ_ALLERGEN_FISH |
	    1u << CZ_ALLERGEN_SHELLFISH | 1u << CZ_ALLERGEN_SESAME,
};
#define NKCAL	(int)(sizeof(sample_kcal) / sizeof(sample_kcal[0]))
#define NRESTR	(int)(sizeof(sample_restr) / sizeof(sample_restr[0]))

/* Request i of the sample; foods excluded by name from the catalog. */
static void
sample_request(const struct cz_catalog *cat, int i, struct cz_plan_request *r)
{
	int k = i / (CZ_DIET__MAX * CZ_PATTERN__MAX);
	size_t f;

	memset(r, 0, sizeof(*r));
	r->diet = (enum cz_diet)(i % CZ_DIET__MAX);
	r->pattern = (enum cz_pattern)(i / CZ_DIET__MAX % CZ_PATTERN__MAX);
	r->calories = sample_kcal[(i + k) % NKCAL];
	r->restrictions = sample_restr[(i / 3 + k) % NRESTR];
	r->profile = (enum cz_profile)(k % CZ_PROFILE__MAX);
	r->days = i % 4 == 3 ? 1 + i % CZ_PLAN_MAX_DAYS : CZ_PLAN_MAX_DAYS;
	r->seed = 7000 + (uint64_t)i;
	/* Every fifth request excludes a few of the catalog's foods. */
	if (i % 5 == 4)
		for (f = (size_t)i % 17; f < cat->nfoods && r->nexcluded < 4;
		    f += cat->nfoods / 5 + 1)
			memcpy(r->excluded[r->nexcluded++], cat->foods[f].ndb, 6);
}

/* Checks p in the sample's frames. */
static int
check_frames(const struct cz_render_fonts *f, const struct cz_render_plan *p,
    const struct cz_render_sample_opts *o, struct cz_render_sample_stats *st,
    char *err, size_t errlen)
{
	const struct cz_render_preset *pr;
	int i;

	if (o->width > 0) {
		st->layouts++;
		return cz_render_layout_check(f, p, o->width, o->height,
		    &st->layout, err, errlen);
	}
	for (i = 0; (pr = cz_render_preset_at(i)) != NULL; i++) {
		st->layouts++;
		if (cz_render_layout_check(f, p, pr->width, pr->height,
		    &st->layout, err, errlen) != 0)
			return -1;
	}
	return 0;
}

int
cz_render_layout_sample(PGconn *conn, const struct cz_render_fonts *f,
    const struct cz_render_sample_opts *o, struct cz_render_sample_stats *st,
    char *err, size_t errlen)
{
	static struct cz_render_plan rp;
	struct cz_catalog *cat = NULL;
	struct cz_plan_request req;
	struct cz_plan *plan = NULL;
	const char *longest = "";
	cz_arena *a = NULL;
	cz_buf doc;
	size_t t;
	int i, d, m, rc = -1;

	memset(st, 0, sizeof(*st));
	cz_buf_init(&doc, 0);
	if (cz_catalog_load(conn, &cat, err, errlen) != 0)
		goto out;
	if ((plan = malloc(sizeof(*plan))) == NULL ||
	    (a = cz_arena_new(64 * 1024)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (t = 0; t < cat->ntemplates; t++)
		if (strlen(cat->templates[t].name) > strlen(longest))
			longest = cat->templates[t].name;
	for (i = 0; i < o->plans; i++) {
		sample_request(cat, i, &req);
		st->requested++;
		if (cz_plan_make(cat, &req, plan, err, errlen) != 0)
			goto out;
		if (!plan->feasible)
			continue;
		st->feasible++;
		cz_buf_reset(&doc);
		if (cz_plan_document_write(cat, &req, plan, a, &doc) != 0 ||
		    doc.data == NULL) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		cz_arena_reset(a);
		/* As the renderer reads a stored plan. */
		if (cz_render_plan_parse(doc.data, &rp, err, errlen) != 0 ||
		    check_frames(f, &rp, o, st, err, errlen) != 0)
			goto out;
		for (d = 0; d < rp.ndays; d++)
			for (m = 0; m < rp.days[d].nmeals; m++)
				snprintf(rp.days[d].meals[m].name,
				    sizeof(rp.days[d].meals[m].name), "%s", longest);
		/* and the end card's two longest advice lines */
		rp.advice = 1u << CZ_RENDER_ADVICE_LOW_ENERGY |
		    1u << CZ_RENDER_ADVICE_VEGAN;
		if (check_frames(f, &rp, o, st, err, errlen) != 0)
			goto out;
	}
	rc = 0;
out:
	cz_catalog_free(cat);
	cz_arena_free(a);
	cz_buf_free(&doc);
	free(plan);
	return rc;
}
