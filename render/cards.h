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
#include "text_fit.h"

/* Type sizes in thousandths of the frame's short side: the smallest
 * text (footers, labels) and the smallest body text (dish names, macro
 * lines); shopping lines are set at CZ_RENDER_SHOP_PM, no smaller than
 * the body text. At 1080 lines: 25, 32 and 39 pixels. */
#define CZ_RENDER_MIN_PM	24
#define CZ_RENDER_BODY_PM	30
#define CZ_RENDER_SHOP_PM	36

/* Shopping cards a video shows at most. */
#define CZ_RENDER_MAX_SHOP_PAGES	CZ_RENDER_SCENE_SHOP_PAGES

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

/* The number of shopping cards plan p needs at a frame of W x H (the
 * card's `day` is its page), >= 1; or -1 with a message in err when the
 * list needs more than CZ_RENDER_MAX_SHOP_PAGES or a line cannot be
 * laid out. */
int cz_render_shop_pages(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int W, int H, char *err, size_t errlen);

/* What a text's role asks of its size. */
enum cz_render_text_role {
	CZ_TEXT_SMALL,		/* >= CZ_RENDER_MIN_PM */
	CZ_TEXT_BODY,		/* >= CZ_RENDER_BODY_PM */
	CZ_TEXT_SHOP,		/* >= CZ_RENDER_BODY_PM, one size for all */
	CZ_TEXT_HEAD		/* titles, >= CZ_RENDER_MIN_PM */
};

/* One text of a card as the layout set it, for cz_render_card_check. */
struct cz_render_text_box {
	const char	*text;
	enum cz_render_text_role role;
	int		 x, y, w, h;	/* its box in the frame */
	int		 min_size;	/* the smallest size it was allowed */
	int		 fits;		/* 1: laid out inside the box */
	const struct cz_render_layout *layout;	/* size, lines, extent */
};

typedef void (*cz_render_text_seen)(void *arg,
    const struct cz_render_text_box *t);

/* Lays out stage `stage` of card c of plan p for a W x H frame without
 * drawing, and calls seen for every text, also those that do not fit
 * (fits 0). Returns 0, or -1 with a message in err on a FreeType
 * error. */
int cz_render_card_check(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c,
    int stage, int W, int H, cz_render_text_seen seen, void *arg,
    char *err, size_t errlen);

/* Draws stage `stage` of card c of plan p onto canvas (whose size is the
 * frame size), from scratch. Returns 0, or -1 with a message in err. */
int cz_render_card_draw(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c,
    int stage, struct cz_render_canvas *canvas, char *err, size_t errlen);

/* Redraws, in place on canvas (which holds stage `stage` of card c as
 * cz_render_card_draw drew it), the card's counting figures and growing
 * bars at count/256 of the way (struct cz_render_shot's count; 256: as
 * drawn). Cards without any do nothing. Returns 0, or -1 with a message
 * in err. */
int cz_render_card_count(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c,
    int stage, int count, struct cz_render_canvas *canvas, char *err,
    size_t errlen);

/* A rectangle of a frame. */
struct cz_render_rect {
	int		 x, y, w, h;
};

/* The rows of day card c's meals in a W x H frame (the parts that slide
 * in one after another), rows[k] for meal k; the number of rows, 0 for
 * other cards, or -1 with a message in err. */
int cz_render_card_rows(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int W,
    int H, struct cz_render_rect rows[CZ_PLAN_MAX_MEALS], char *err,
    size_t errlen);

/* The cards' background colour (what a card slides in over). */
struct cz_render_color cz_render_card_bg(void);

#endif
