/*
 * scene.h - the storyboard: which cards a video shows, for how many frames
 * each, and what every frame of a card is (a static stage, a reveal
 * between two stages, or a fade from or to black). Pure arithmetic on the
 * plan's shape and the preset, so it is tested without drawing anything.
 */
#ifndef CZ_RENDER_SCENE_H
#define CZ_RENDER_SCENE_H

#include "plan.h"

/* Shopping cards a storyboard holds at most (cards.h pages the list). */
#define CZ_RENDER_SCENE_SHOP_PAGES	40
#define CZ_RENDER_MAX_CARDS	(CZ_PLAN_MAX_DAYS + 3 + CZ_RENDER_SCENE_SHOP_PAGES)
#define CZ_RENDER_MAX_STAGES	(CZ_PLAN_MAX_MEALS + 1)

enum cz_render_card_kind {
	CZ_CARD_TITLE,
	CZ_CARD_DAY,
	CZ_CARD_MACROS,
	CZ_CARD_SHOPPING,
	CZ_CARD_END,
};

struct cz_render_card {
	enum cz_render_card_kind kind;
	int		 day;		/* index into plan days (day cards),
					   the page (shopping cards) */
	int		 first;		/* its first frame in the video */
	int		 frames;
	int		 fade;		/* frames of fade in, and of fade out */
	int		 nstages;	/* 1, or 1 + meals for a day card */
	int		 stage_at[CZ_RENDER_MAX_STAGES];	/* frame of each */
	int		 reveal;	/* frames a stage takes to appear */
};

struct cz_render_story {
	int		 fps;
	int		 total;		/* frames: fps * seconds exactly */
	int		 ncards;
	struct cz_render_card cards[CZ_RENDER_MAX_CARDS];
};

/* What one frame of a card shows: stage `stage`, mixed from stage `from`
 * by mix/256 when from >= 0, the whole faded by fade/256 (256: full). */
struct cz_render_shot {
	int		 stage;
	int		 from;		/* -1: no reveal in progress */
	int		 mix;		/* 1..255 when from >= 0 */
	int		 fade;		/* 0..256 */
};

/* Lays out the storyboard of plan p, whose shopping list takes
 * shop_pages cards (cz_render_shop_pages; < 1 counts as 1), for seconds
 * seconds at fps frames a second. Returns 0, or -1 when there are too
 * few frames for the cards (fewer than 2 a card) or the arguments are out
 * of range. */
int cz_render_story_build(const struct cz_render_plan *p, int shop_pages,
    int fps, int seconds, struct cz_render_story *s);

/* The shot of frame f (0 <= f < c->frames) of card c. */
void cz_render_story_shot(const struct cz_render_card *c, int f,
    struct cz_render_shot *out);

#endif
