/*
 * thumbnail.c - the publish kit's thumbnail (see thumbnail.h). The look is
 * the video's title card (same palette, DejaVu Sans Bold, the dishes of
 * the first day from Noto Color Emoji), composed for a still that is seen
 * small: a hero dish picture with two more overlapping it, and at most
 * three lines of text in large type. Landscape puts the text left and the
 * pictures right; portrait and square stack the pictures above the text.
 * On portrait covers the text keeps clear of the bottom 20 % and the
 * right 15 %, where TikTok's, Shorts' and Reels' own buttons sit.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "canvas.h"
#include "encode.h"
#include "fixed_text.h"
#include "text.h"
#include "text_fit.h"
#include "thumbnail.h"

#define COL_BG		cz_render_rgb(17, 30, 44)
#define COL_PANEL	cz_render_rgb(30, 49, 68)
#define COL_TEXT	cz_render_rgb(244, 246, 248)
#define COL_MUTED	cz_render_rgb(160, 176, 192)
#define COL_ACCENT	cz_render_rgb(52, 199, 116)

/* A box in thousandths of the frame: x, y, w, h. */
struct rect {
	int		 x, y, w, h;
};

/* Where things go, per orientation (thousandths of width and height). */
struct look {
	struct rect	 brand, headline, kcal, sub, pictures;
	int		 headline_max, headline_min;	/* thousandths of H */
};

static const struct look landscape = {
	{ 50, 60, 480, 70 },		/* brand */
	{ 50, 160, 470, 420 },		/* headline: up to 3 lines */
	{ 50, 610, 470, 130 },		/* kcal */
	{ 50, 760, 470, 170 },		/* sub */
	{ 580, 60, 400, 880 },		/* pictures (the panel: 555-1000) */
	150, 90,
};

static const struct look portrait = {
	{ 70, 40, 700, 40 },
	{ 70, 480, 780, 170 },		/* left of the right 15 % */
	{ 70, 655, 780, 60 },
	{ 70, 720, 780, 70 },		/* above the bottom 20 % */
	{ 70, 90, 860, 370 },
	75, 45,
};

static const struct look square = {
	{ 60, 50, 700, 60 },
	{ 60, 490, 880, 230 },
	{ 60, 730, 880, 100 },
	{ 60, 840, 880, 100 },
	{ 60, 120, 880, 360 },
	95, 55,
};

/* The headline's diet word: "High Protein ", "" for standard. */
static void
diet_words(char *dst, size_t n, const char *diet)
{
	size_t i;
	int start = 1;

	if (strcmp(diet, "standard") == 0 || diet[0] == '\0') {
		dst[0] = '\0';
		return;
	}
	snprintf(dst, n, "%s ", diet);
	for (i = 0; dst[i] != '\0'; i++) {
		if (dst[i] == '_')
			dst[i] = ' ';
		if (start && isalpha((unsigned char)dst[i]))
			dst[i] = (char)toupper((unsigned char)dst[i]);
		start = dst[i] == ' ';
	}
}

/* The largest size from max_px down to min_px at which every word of s
 * fits in w pixels, so that the fit below wraps between words and never
 * inside one ("Mediterrane-an"); min_px when none does. */
static int
word_cap(struct cz_render_font *font, const char *s, int w, int max_px,
    int min_px)
{
	int px, ok;
	size_t n;
	const char *p;

	for (px = max_px; px > min_px; px -= px / 20 > 1 ? px / 20 : 1) {
		ok = 1;
		for (p = s; *p != '\0' && ok; p += n + (p[n] == ' ')) {
			n = strcspn(p, " ");
			ok = n == 0 || cz_render_text_width(font, px, p, n) <= w;
		}
		if (ok)
			return px;
	}
	return min_px;
}

/* Fits text into r (thousandths) at sizes max_px..min_px and draws it
 * vertically centred; returns the y of its first line's top, or -1 with
 * err set when it does not fit whole. */
static int
text(struct cz_render_canvas *c, struct cz_render_font *font,
    const char *s, const struct rect *r, int max_px, int min_px,
    int max_lines, struct cz_render_color col, char *err, size_t errlen)
{
	struct cz_render_layout l;
	int x = c->w * r->x / 1000, y = c->h * r->y / 1000;
	int w = c->w * r->w / 1000, h = c->h * r->h / 1000, top;

	max_px = word_cap(font, s, w, max_px, min_px);
	if (cz_render_text_fit(font, s, w, h, max_px, min_px, max_lines,
	    &l) != 0 ||
	    cz_render_text_draw(font, &l, c, x, (top = y + (h - l.height) / 2),
	    w, h, CZ_RENDER_LEFT, col) != 0) {
		snprintf(err, errlen, "thumbnail: \"%.60s\" does not fit a "
		    "%dx%d box at %d px or more", s, w, h, min_px);
		return -1;
	}
	return top;
}

/* Up to three distinct pictures: the dishes of the first day, the
 * largest meal first (the hero: a dinner, not a glass of milk; the later
 * meal when energies tie or are unknown), then their ingredients.
 * Returns how many. */
static int
pick(const struct cz_render_plan *p, const char *keys[3])
{
	const struct cz_render_day *d = &p->days[0];
	int order[CZ_PLAN_MAX_MEALS], n = 0, k, i, j, t, dup;

	for (k = 0; k < d->nmeals; k++)
		order[k] = d->nmeals - 1 - k;
	/* By energy, largest first (insertion sort: a handful of meals). */
	for (k = 1; k < d->nmeals; k++)
		for (i = k; i > 0 && d->meals[order[i]].energy_kcal >
		    d->meals[order[i - 1]].energy_kcal; i--) {
			t = order[i];
			order[i] = order[i - 1];
			order[i - 1] = t;
		}
	for (j = 0; j < CZ_DISH_PICTURES_MAX && n < 3; j++)
		for (k = 0; k < d->nmeals && n < 3; k++) {
			const struct cz_render_meal *ml = &d->meals[order[k]];

			if (j >= ml->npictures)
				continue;
			for (dup = 0, i = 0; i < n; i++)
				dup |= strcmp(keys[i], ml->pictures[j]) == 0;
			if (!dup)
				keys[n++] = ml->pictures[j];
		}
	return n;
}

/* The pictures in r: the hero large, the others smaller, overlapping
 * its lower left and upper right. */
static int
pictures(const struct cz_render_fonts *f, const struct cz_render_plan *p,
    struct cz_render_canvas *c, const struct rect *r, char *err,
    size_t errlen)
{
	const char *keys[3];
	int n = pick(p, keys), x = c->w * r->x / 1000, y = c->h * r->y / 1000;
	int w = c->w * r->w / 1000, h = c->h * r->h / 1000;
	int P = (w < h ? w : h) * 72 / 100, E = P * 52 / 100;
	int hx = x + (w - P) / 2, hy = y + (h - P) / 2;

	/* The smaller ones overlap the hero's corners, inside r. */
	if (hx - E * 45 / 100 < x)
		hx = x + E * 45 / 100;
	if (hx + P - E * 55 / 100 + E > x + w)
		hx = x + w - P + E * 55 / 100 - E;

	if (n < 1)
		return 0;
	if (cz_render_picture_draw(f->pictures, keys[0], c, hx, hy, P, err,
	    errlen) != 0)
		return -1;
	if (n > 1 && cz_render_picture_draw(f->pictures, keys[1], c,
	    hx - E * 45 / 100, hy + P - E * 80 / 100, E, err, errlen) != 0)
		return -1;
	if (n > 2 && cz_render_picture_draw(f->pictures, keys[2], c,
	    hx + P - E * 55 / 100, hy - E * 20 / 100, E, err, errlen) != 0)
		return -1;
	return 0;
}

void
cz_render_thumbnail_size(const struct cz_render_preset *p, int *w, int *h)
{
	if (p->width > p->height) {
		*w = 1280;
		*h = 720;
	} else {
		*w = p->width;
		*h = p->height;
	}
}

int
cz_render_thumbnail_write(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_preset *preset,
    const char *path, char *err, size_t errlen)
{
	struct cz_render_canvas c = { 0 };
	const struct look *lk;
	char diet[64], kcal[CZ_THOUSANDS_MAX], line[256];
	int W, H, ret = -1, bar, top;

	cz_render_thumbnail_size(preset, &W, &H);
	lk = W > H ? &landscape : W < H ? &portrait : &square;
	if (p->ndays < 1) {
		snprintf(err, errlen, "thumbnail: the plan has no days");
		return -1;
	}
	if (cz_render_canvas_init(&c, W, H) != 0) {
		snprintf(err, errlen, "out of memory for a %dx%d thumbnail", W, H);
		return -1;
	}
	cz_render_canvas_fill(&c, 0, 0, W, H, COL_BG);
	/* A panel behind the pictures, and an accent bar by the headline. */
	if (W > H)
		cz_render_canvas_fill(&c, W * 555 / 1000, 0, W, H, COL_PANEL);
	if (pictures(f, p, &c, &lk->pictures, err, errlen) != 0)
		goto err;
	diet_words(diet, sizeof(diet), p->diet);
	cz_thousands(kcal, p->energy_kcal);
	if (text(&c, f->bold, "CIBOZER", &lk->brand, H * 45 / 1000 > 20 ?
	    H * 45 / 1000 : 20, 16, 1, COL_ACCENT, err, errlen) < 0)
		goto err;
	if (p->clip_day > 0)	/* a day clip (plan.h): which day of what */
		snprintf(line, sizeof(line), "Day %d of a %d-Day %sMeal Plan",
		    p->clip_day, p->week_days, diet);
	else
		snprintf(line, sizeof(line), "%d-Day %sMeal Plan", p->ndays,
		    diet);
	if ((top = text(&c, f->bold, line, &lk->headline, H *
	    lk->headline_max / 1000, H * lk->headline_min / 1000, 3, COL_TEXT,
	    err, errlen)) < 0)
		goto err;
	/* An accent bar above the headline as set. */
	bar = H / 90 > 4 ? H / 90 : 4;
	cz_render_canvas_fill(&c, W * lk->headline.x / 1000, top - bar * 3,
	    W * 12 / 100, bar, COL_ACCENT);
	snprintf(line, sizeof(line), "%s kcal a day", kcal);
	if (text(&c, f->bold, line, &lk->kcal, H * lk->kcal.h * 8 / 10000,
	    H * lk->kcal.h * 4 / 10000, 1, COL_ACCENT, err, errlen) < 0)
		goto err;
	snprintf(line, sizeof(line), "%d meal%s a day · every gram planned",
	    p->days[0].nmeals, p->days[0].nmeals == 1 ? "" : "s");
	if (text(&c, f->regular, line, &lk->sub, H * lk->headline_min * 7 /
	    10000, H * lk->headline_min * 4 / 10000, 2, COL_MUTED, err,
	    errlen) < 0)
		goto err;
	if (cz_render_poster_write(&c, path, err, errlen) != 0)
		goto err;
	ret = 0;
err:
	cz_render_canvas_free(&c);
	return ret;
}
