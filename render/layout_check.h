/*
 * layout_check.h - the check that every text of every card of a plan fits
 * a frame: each text laid out inside its box (no overflow), none cut or
 * ended with "…", none under its role's smallest size, every shopping
 * line at the one shopping size, no line of a wrapped text that is a
 * figure or a unit alone ("254 g"), and on vertical frames nothing in the
 * platforms' bottom 20 % or right 15 %. Used by the unit tests and by
 * cibozer-render --layout-check over a large sample of planned plans.
 */
#ifndef CZ_RENDER_LAYOUT_CHECK_H
#define CZ_RENDER_LAYOUT_CHECK_H

#include <stddef.h>

#include "cards.h"

struct cz_render_layout_stats {
	long		 plans, cards, texts, lines;
	long		 failures;		/* texts that broke a rule */
	int		 min_px[4];		/* smallest size seen per role
						   (enum cz_render_text_role);
						   0: none */
	int		 min_pm[4];		/* the same in thousandths of
						   the short side */
	int		 max_shop_pages;
	char		 first[512];		/* the first failure, "" */
	/* The first failure of each other rule broken, one a line. */
	char		 others[2048];
};

/* Lays out every card of plan p (a day card at its last stage, which
 * shows all of its meals; earlier stages show a prefix of the same
 * layout) for a W x H frame and adds to *st. Returns 0 (failures are
 * counted in st), or -1 with a message in err when the layout could not
 * be made at all (FreeType, or a shopping list beyond its cards). */
int cz_render_layout_check(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int W, int H,
    struct cz_render_layout_stats *st, char *err, size_t errlen);

#endif
