/*
 * layout_sample.h - cibozer-render --layout-check: plans made in-process
 * by the planner from the database's catalog over every diet, meal
 * pattern and profile, calorie targets from 1200 to 5000 kcal,
 * restrictions and excluded foods, read back as the renderer reads a
 * stored document, and every card of each laid out in every preset (or
 * one frame size) by layout_check.h; each plan is checked once more with
 * every dish named as the catalog's longest dish name.
 */
#ifndef CZ_RENDER_LAYOUT_SAMPLE_H
#define CZ_RENDER_LAYOUT_SAMPLE_H

#include <stddef.h>

#include <libpq-fe.h>

#include "layout_check.h"

struct cz_render_sample_opts {
	int		 plans;		/* requests to plan (some infeasible) */
	int		 width, height;	/* 0: every preset */
};

struct cz_render_sample_stats {
	int		 requested, feasible, layouts;
	struct cz_render_layout_stats layout;
};

/* Runs the sample over the catalog read from conn. Returns 0 (failures
 * are in st->layout), or -1 with a message in err when the catalog cannot
 * be read or a layout cannot be made at all. */
int cz_render_layout_sample(PGconn *conn, const struct cz_render_fonts *f,
    const struct cz_render_sample_opts *o, struct cz_render_sample_stats *st,
    char *err, size_t errlen);

#endif
