/*
 * scene.c - the storyboard (see scene.h). Cards share the video's frames
 * by weight: the title, the macro summary and each page of the shopping
 * list 2 units each, every day and the end card (the disclaimer must be
 * readable) 3 each; the title (the hook) is held at most 3 seconds, so a
 * long video does not open on a still; rounding leftovers go to the end
 * card, so the frames add up to exactly fps * seconds.
 *
 * Within a card: it slides in over a third of a second at most (never
 * more than a sixth of the card), blending in over the first half of
 * its way (see see_through), while its figures start counting up
 * (over two thirds of a second); a day card's meal rows slide in one
 * after another as it lands, at most a quarter of a second apart, each
 * over a fifth of a second, so they cascade in while the figures count
 * (the frames that change are mostly the same frames); then it holds
 * still (static frames cost the encoder next to nothing) and slides out
 * over a quarter of a second, blending away over the second half of its
 * way. The end card fades to black over its last half second, with the
 * music.
 */
#include "config.h"

#include <string.h>

#include "scene.h"

static const struct {
	enum cz_render_card_kind kind;
	int		 weight;
} weights[] = {
	{ CZ_CARD_TITLE, 2 },
	{ CZ_CARD_DAY, 3 },
	{ CZ_CARD_MACROS, 2 },
	{ CZ_CARD_SHOPPING, 2 },
	{ CZ_CARD_END, 3 },
};

/* The title's longest hold, in seconds. */
#define TITLE_MAX_S	3

static int
weight_of(enum cz_render_card_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
		if (weights[i].kind == k)
			return weights[i].weight;
	return 1;
}

int
cz_render_ease_out(int t)
{
	long long u = 256 - (t < 0 ? 0 : t > 256 ? 256 : t);

	/* 1 - (1 - t)^3, rounded, in 256ths. */
	return 256 - (int)((u * u * u + 32768) / 65536);
}

int
cz_render_ease_in(int t)
{
	long long u = t < 0 ? 0 : t > 256 ? 256 : t;

	return (int)((u * u * u + 32768) / 65536);
}

/*
 * The opacity of a card or row that is e/256 of the way in (0..256): it
 * blends in over the first half of its way, then slides on opaque (and
 * out: opaque over the first half, blended away over the second). A
 * frame where the moving picture is also half see-through matches no
 * part of the frame before it, so x264's motion search finds nothing to
 * copy and codes it afresh; a plain slide is copied with a motion
 * vector. Blending over the whole way made the MP4 of `tiktok` cost
 * 13.0 s of CPU against 10.8 s this way (bench/render, medians of 7
 * rounds, docs/operations.md).
 */
static int
see_through(int e)
{
	return e >= 128 ? 256 : 2 * (e < 0 ? 0 : e);
}

static void
add_card(struct cz_render_story *s, enum cz_render_card_kind kind, int day,
    int nstages)
{
	struct cz_render_card *c = &s->cards[s->ncards++];

	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->day = day;
	c->nstages = nstages;
}

static int
mini(int a, int b)
{
	return a < b ? a : b;
}

/* Moves and reveal times of a card whose frame count is set. */
static void
time_card(struct cz_render_card *c, int fps)
{
	int usable, step, k, m = c->nstages - 1;

	c->enter = c->kind == CZ_CARD_TITLE ? 0 : mini(fps / 3, c->frames / 6);
	c->exit = c->kind == CZ_CARD_END ? 0 : mini(fps / 4, c->frames / 8);
	c->fade = c->kind == CZ_CARD_END ? mini(fps / 2, c->frames / 4) : 0;
	usable = c->frames - c->enter - c->exit - c->fade;
	if (usable < 0)
		usable = 0;
	/* The figures count while the card slides in (frames that change
	 * anyway), and on while the rows come in. */
	c->count_at = 0;
	c->count = c->kind == CZ_CARD_DAY || c->kind == CZ_CARD_MACROS ?
	    mini(fps * 2 / 3, usable / 2) : 0;
	/* Rows a quarter of a second apart at most: they cascade in while
	 * the figures count, so the frames that change are mostly the same
	 * frames. */
	step = mini(usable / (m + 1), fps / 4);
	c->reveal = mini(fps / 5, step);
	c->stage_at[0] = 0;
	for (k = 1; k <= m; k++)
		c->stage_at[k] = c->enter + (k - 1) * step;
}

int
cz_render_story_build_days(const struct cz_render_plan *p, int shop_pages,
    int first_day, int ndays, int fps, int seconds, struct cz_render_story *s)
{
	int d, i, units = 0, used = 0, whole, title, rest;

	memset(s, 0, sizeof(*s));
	if (shop_pages < 1)
		shop_pages = 1;
	if (fps < 1 || fps > 120 || seconds < 1 || seconds > 3600 ||
	    p->ndays < 1 || p->ndays > CZ_PLAN_MAX_DAYS || first_day < 0 ||
	    ndays < 1 || first_day + ndays > p->ndays ||
	    shop_pages > CZ_RENDER_SCENE_SHOP_PAGES)
		return -1;
	whole = ndays == p->ndays;
	s->fps = fps;
	s->total = fps * seconds;
	add_card(s, CZ_CARD_TITLE, first_day, 1);
	s->cards[0].span = ndays;
	for (d = first_day; d < first_day + ndays; d++)
		add_card(s, CZ_CARD_DAY, d, 1 + p->days[d].nmeals);
	if (whole) {
		add_card(s, CZ_CARD_MACROS, 0, 1);
		for (i = 0; i < shop_pages; i++)
			add_card(s, CZ_CARD_SHOPPING, i, 1);
	}
	add_card(s, CZ_CARD_END, 0, 1);
	if (s->total < 2 * s->ncards)
		return -1;
	for (i = 0; i < s->ncards; i++)
		units += weight_of(s->cards[i].kind);
	/* The title's share, held to TITLE_MAX_S; the others share the
	 * rest by weight. */
	title = (int)((long long)s->total * weight_of(CZ_CARD_TITLE) / units);
	if (title > TITLE_MAX_S * fps)
		title = TITLE_MAX_S * fps;
	if (title < 2)
		title = 2;
	rest = s->total - title;
	units -= weight_of(CZ_CARD_TITLE);
	for (i = 0; i < s->ncards; i++) {
		struct cz_render_card *c = &s->cards[i];

		c->first = used;
		if (i == 0)
			c->frames = title;
		else if (i == s->ncards - 1)
			c->frames = s->total - used;
		else
			c->frames = (int)((long long)rest *
			    weight_of(c->kind) / units);
		if (c->frames < 2)
			return -1;
		used += c->frames;
		time_card(c, fps);
	}
	return 0;
}

int
cz_render_story_build(const struct cz_render_plan *p, int shop_pages,
    int fps, int seconds, struct cz_render_story *s)
{
	if (p->ndays < 1 || p->ndays > CZ_PLAN_MAX_DAYS) {
		memset(s, 0, sizeof(*s));
		return -1;
	}
	return cz_render_story_build_days(p, shop_pages, 0, p->ndays, fps,
	    seconds, s);
}

/* k of n steps (1 <= k <= n) as 0..256, never 0 or 256: a move of n
 * frames shows n in-between positions, then the card at rest. */
static int
progress(int k, int n)
{
	return k * 256 / (n + 1);
}

void
cz_render_story_shot(const struct cz_render_card *c, int f,
    struct cz_render_shot *out)
{
	int k = c->nstages - 1, e;

	memset(out, 0, sizeof(*out));
	out->alpha = 256;
	out->row = -1;
	out->row_alpha = 256;
	out->fade = 256;
	while (k > 0 && c->stage_at[k] > f)
		k--;
	out->stage = k;
	if (f < c->enter) {
		e = cz_render_ease_out(progress(f + 1, c->enter));
		out->dx = (256 - e) * CZ_RENDER_CARD_TRAVEL / 256;
		out->alpha = see_through(e);
	} else if (c->exit > 0 && f >= c->frames - c->exit) {
		e = cz_render_ease_in(progress(f - (c->frames - c->exit) + 1,
		    c->exit));
		out->dx = -e * CZ_RENDER_CARD_TRAVEL / 256;
		out->alpha = see_through(256 - e);
	} else if (k > 0 && f < c->stage_at[k] + c->reveal) {
		e = cz_render_ease_out(progress(f - c->stage_at[k] + 1,
		    c->reveal));
		/* (Eased, its last step may already be at rest.) */
		if ((256 - e) * CZ_RENDER_ROW_TRAVEL / 256 > 0) {
			out->row = k - 1;
			out->row_dx = (256 - e) * CZ_RENDER_ROW_TRAVEL / 256;
			out->row_alpha = see_through(e);
		}
	}
	if (c->count <= 0 || f >= c->count_at + c->count)
		out->count = 256;
	else if (f >= c->count_at)
		out->count = progress(f - c->count_at + 1, c->count);
	if (c->fade > 0 && f >= c->frames - c->fade)
		out->fade = (c->frames - f) * 256 / (c->fade + 1);
}
