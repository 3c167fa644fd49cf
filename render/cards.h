/*
 * cards.h - drawing the storyboard's cards: the title card, one card per
 * day (stage k shows its first k meals), the macro summary, the shopping
 * list and the end card with the medical disclaimer. Every text is fitted
 * to its box for the frame size, so no preset and no name overflows.
 */
#ifndef CZ_RENDER_CARDS_H
#define CZ_RENDER_CARDS_H

#include <stddef.h>

#include "canvas.h"
#include "picture.h"
#include "plan.h"
#include "scene.h"
#include "text.h"

/* The text every video ends with. */
#define CZ_RENDER_DISCLAIMER \
	"This video is for educational purposes only and is NOT intended to " \
	"provide medical advice. Consult your physician before changing your " \
	"diet. Individual results may vary."

struct cz_render_fonts {
	struct cz_render_font	*regular;
	struct cz_render_font	*bold;
	struct cz_render_pictures *pictures;	/* the food pictures */
};

/* Opens DejaVuSans.ttf and DejaVuSans-Bold.ttf in dir, and the food
 * pictures (picture.h, CZ_PICTURE_FONT). Returns 0, or -1 with a message
 * in err. Close with cz_render_fonts_close. */
int cz_render_fonts_open(struct cz_render_fonts *f, const char *dir,
    char *err, size_t errlen);
void cz_render_fonts_close(struct cz_render_fonts *f);

/* Draws stage `stage` of card c of plan p onto canvas (whose size is the
 * frame size), from scratch. Returns 0, or -1 with a message in err. */
int cz_render_card_draw(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c,
    int stage, struct cz_render_canvas *canvas, char *err, size_t errlen);

#endif
