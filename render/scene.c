/*
 * scene.c - the storyboard (see scene.h). Cards share the video's frames
 * by weight: the title, the macro summary and each page of the shopping
 * list 2 units each, every day and the end card (the disclaimer must be
 * readable) 3 each; rounding leftovers go to the end card, so the frames add up to
 * exactly fps * seconds. Each card fades in from and out to black over
 * a fifth of a second at most (fades are what costs the encoder: every
 * pixel changes); a day card reveals its meals one after another in the
 * middle part, each over a sixth of a second at most, and keeps all of
 * them on screen for the last part.
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

static int
weight_of(enum cz_render_card_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
		if (weights[i].kind == k)
			return weights[i].weight;
	return 1;
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

/* Fades and reveal times of a card whose frame count is set. */
static void
time_card(struct cz_render_card *c, int fps)
{
	int usable, step, k, m = c->nstages - 1;

	c->fade = fps / 5;
	if (c->fade > c->frames / 5)
		c->fade = c->frames / 5;
	usable = c->frames - 2 * c->fade;
	step = usable / (m + 2);
	c->reveal = fps / 6;
	if (c->reveal > step / 2)
		c->reveal = step / 2;
	c->stage_at[0] = 0;
	for (k = 1; k <= m; k++)
		c->stage_at[k] = c->fade + k * step;
}

int
cz_render_story_build(const struct cz_render_plan *p, int shop_pages,
    int fps, int seconds, struct cz_render_story *s)
{
	int d, i, units = 0, used = 0;

	memset(s, 0, sizeof(*s));
	if (shop_pages < 1)
		shop_pages = 1;
	if (fps < 1 || fps > 120 || seconds < 1 || seconds > 3600 ||
	    p->ndays < 1 || p->ndays > CZ_PLAN_MAX_DAYS ||
	    shop_pages > CZ_RENDER_SCENE_SHOP_PAGES)
		return -1;
	s->fps = fps;
	s->total = fps * seconds;
	add_card(s, CZ_CARD_TITLE, 0, 1);
	for (d = 0; d < p->ndays; d++)
		add_card(s, CZ_CARD_DAY, d, 1 + p->days[d].nmeals);
	add_card(s, CZ_CARD_MACROS, 0, 1);
	for (i = 0; i < shop_pages; i++)
		add_card(s, CZ_CARD_SHOPPING, i, 1);
	add_card(s, CZ_CARD_END, 0, 1);
	if (s->total < 2 * s->ncards)
		return -1;
	for (i = 0; i < s->ncards; i++)
		units += weight_of(s->cards[i].kind);
	for (i = 0; i < s->ncards; i++) {
		struct cz_render_card *c = &s->cards[i];

		c->first = used;
		if (i == s->ncards - 1)
			c->frames = s->total - used;
		else
			c->frames = (int)((long long)s->total *
			    weight_of(c->kind) / units);
		used += c->frames;
		time_card(c, fps);
	}
	return 0;
}

void
cz_render_story_shot(const struct cz_render_card *c, int f,
    struct cz_render_shot *out)
{
	int k = c->nstages - 1;

	while (k > 0 && c->stage_at[k] > f)
		k--;
	out->stage = k;
	out->from = -1;
	out->mix = 0;
	if (k > 0 && f < c->stage_at[k] + c->reveal) {
		out->from = k - 1;
		out->mix = (f - c->stage_at[k] + 1) * 256 / (c->reveal + 1);
	}
	if (f < c->fade)
		out->fade = (f + 1) * 256 / (c->fade + 1);
	else if (f >= c->frames - c->fade)
		out->fade = (c->frames - f) * 256 / (c->fade + 1);
	else
		out->fade = 256;
}
