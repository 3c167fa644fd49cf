/*
 * scene.h - the storyboard: which cards a video shows, for how many frames
 * each, and what every frame of a card is: how far the card has slid in
 * or out, which meal row is sliding in, how far its figures have counted
 * up, and the fade to black that ends the video. Pure arithmetic on the
 * plan's shape and the preset, so it is tested without drawing anything.
 *
 * Motion (every move eased with a cubic, so it starts or lands softly):
 *   - a card slides in from the right, blending in from the background
 *     over the first half of the way (ease-out), and out to the left,
 *     blending away over the second half (ease-in) -- except the
 *     title, which is on screen from the first frame (the hook), and the
 *     end card, which fades to black with the music;
 *   - a day card's meal rows slide in one after another (staggered);
 *   - figures count up and the macro bars grow once the card is in.
 * Moves are short (a third of a second at most) and each card holds still
 * for most of its time, because every changed frame costs the encoder.
 */
#ifndef CZ_RENDER_SCENE_H
#define CZ_RENDER_SCENE_H

#include "plan.h"

/* Shopping cards a storyboard holds at most (cards.h pages the list). */
#define CZ_RENDER_SCENE_SHOP_PAGES	40
#define CZ_RENDER_MAX_CARDS	(CZ_PLAN_MAX_DAYS + 3 + CZ_RENDER_SCENE_SHOP_PAGES)
#define CZ_RENDER_MAX_STAGES	(CZ_PLAN_MAX_MEALS + 1)

/* How far a card travels when it slides in or out, and a meal row when
 * it slides in, in 1/1024 of the frame's width. */
#define CZ_RENDER_CARD_TRAVEL	128
#define CZ_RENDER_ROW_TRAVEL	96

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
					   the page (shopping cards), the
					   first day shown (the title) */
	int		 span;		/* days the video shows (the title:
					   "7 days" or "Day 3") */
	int		 first;		/* its first frame in the video */
	int		 frames;
	int		 enter;		/* frames sliding in (0: none) */
	int		 exit;		/* frames sliding out (0: none) */
	int		 fade;		/* frames fading to black at its end
					   (the end card; 0: none) */
	int		 nstages;	/* 1, or 1 + meals for a day card */
	int		 stage_at[CZ_RENDER_MAX_STAGES];	/* frame of each */
	int		 reveal;	/* frames a meal row takes to slide in */
	int		 count_at;	/* frame the figures start counting */
	int		 count;		/* frames they count (0: shown whole) */
};

struct cz_render_story {
	int		 fps;
	int		 total;		/* frames: fps * seconds exactly */
	int		 ncards;
	struct cz_render_card cards[CZ_RENDER_MAX_CARDS];
};

/* What one frame of a card shows. Stage `stage` (a day card's first
 * `stage` meals), the whole card displaced by dx (in 1/1024 of the frame's
 * width; > 0: to the right) and blended over the background by
 * alpha/256; meal row `row` (when >= 0, always the last one of the stage)
 * displaced by row_dx and blended by row_alpha/256; the figures counted
 * count/256 of the way (linear: cards ease each figure themselves, so
 * they can stagger); the whole faded to black by fade/256 (256: none). A
 * row moves only while the card is at rest (dx 0, alpha 256). */
struct cz_render_shot {
	int		 stage;
	int		 dx;
	int		 alpha;		/* 0..256 */
	int		 row;		/* -1: none moving */
	int		 row_dx;
	int		 row_alpha;	/* 0..256 */
	int		 count;		/* 0..256 */
	int		 fade;		/* 0..256 */
};

/* Ease-out and ease-in cubic of t in 0..256 (0 -> 0, 256 -> 256). */
int cz_render_ease_out(int t);
int cz_render_ease_in(int t);

/* Lays out the storyboard of plan p, whose shopping list takes
 * shop_pages cards (cz_render_shop_pages; < 1 counts as 1), for seconds
 * seconds at fps frames a second. Returns 0, or -1 when there are too
 * few frames for the cards (fewer than 2 a card) or the arguments are out
 * of range. */
int cz_render_story_build(const struct cz_render_plan *p, int shop_pages,
    int fps, int seconds, struct cz_render_story *s);

/* The same for the days first_day .. first_day + ndays - 1 of p only (a
 * clip of one day, say): when that is fewer than all of the plan's days
 * the storyboard is the title (the hook names the day), those day cards
 * (their week indicator still shows where they are in the plan) and the
 * end card, without the week's macro summary and shopping list, and
 * shop_pages is not used. */
int cz_render_story_build_days(const struct cz_render_plan *p, int shop_pages,
    int first_day, int ndays, int fps, int seconds, struct cz_render_story *s);

/* The shot of frame f (0 <= f < c->frames) of card c. */
void cz_render_story_shot(const struct cz_render_card *c, int f,
    struct cz_render_shot *out);

#endif
