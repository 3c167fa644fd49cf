/*
 * layout_check.c - every text of every card of a plan against the
 * layout's rules (see layout_check.h), through cz_render_card_check, so
 * nothing is drawn or encoded.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "layout_check.h"
#include "scene.h"

struct run {
	struct cz_render_layout_stats *st;
	int		 W, H, S;
	int		 ax1, ay1;	/* the text area's right and bottom */
	const char	*card;		/* "day 3", for messages */
};

/* 1 when the line is only a figure, a unit or both ("254 g", "g",
 * "1200 kcal", "30%"): what a wrap must never leave alone. */
static int
orphan(const char *s, size_t n)
{
	size_t i = 0, w;
	static const char *const units[] = { "g", "kg", "kcal", "%", "ml",
	    "l" };
	size_t k;

	/* "(150 g)" and "g)" are no better alone. */
	if (n > 0 && s[0] == '(') {
		s++;
		n--;
	}
	if (n > 0 && s[n - 1] == ')')
		n--;
	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.' ||
	    s[i] == ','))
		i++;
	/* A space, or a no-break space. */
	if (i < n && s[i] == ' ')
		i++;
	else if (i + 1 < n && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		i += 2;
	if (i == n)
		return i > 0;
	w = n - i;
	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (strlen(units[k]) == w && memcmp(s + i, units[k], w) == 0)
			return 1;
	return 0;
}

static void
fail(struct run *r, const struct cz_render_text_box *t, const char *why)
{
	char line[512];
	size_t n;

	r->st->failures++;
	snprintf(line, sizeof(line), "%dx%d %s: \"%.80s\" in a %dx%d box at "
	    "(%d,%d), %d px (min %d), %d lines: %s", r->W, r->H, r->card,
	    t->text, t->w, t->h, t->x, t->y, t->layout->size, t->min_size,
	    t->layout->nlines, why);
	if (r->st->first[0] == '\0') {
		snprintf(r->st->first, sizeof(r->st->first), "%s", line);
		return;
	}
	if (strstr(r->st->first, why) != NULL ||
	    strstr(r->st->others, why) != NULL)
		return;
	n = strlen(r->st->others);
	snprintf(r->st->others + n, sizeof(r->st->others) - n, "%s\n", line);
}

static void
seen(void *arg, const struct cz_render_text_box *t)
{
	struct run *r = arg;
	const struct cz_render_layout *l = t->layout;
	int i, pm, role = (int)t->role;

	r->st->texts++;
	r->st->lines += l->nlines;
	if (!t->fits) {
		fail(r, t, "does not fit");
		return;
	}
	if (l->size < t->min_size)
		fail(r, t, "under its smallest size");
	pm = (int)((long)l->size * 1000 / r->S);
	if (role >= 0 && role < 4) {
		if (r->st->min_px[role] == 0 || l->size < r->st->min_px[role])
			r->st->min_px[role] = l->size;
		if (r->st->min_pm[role] == 0 || pm < r->st->min_pm[role])
			r->st->min_pm[role] = pm;
	}
	if (l->size * 1000 < (t->role == CZ_TEXT_BODY ||
	    t->role == CZ_TEXT_SHOP ? CZ_RENDER_BODY_PM : CZ_RENDER_MIN_PM) *
	    r->S - 1000)
		fail(r, t, "under the readable size");
	if (t->role == CZ_TEXT_SHOP && l->size != (r->S * CZ_RENDER_SHOP_PM /
	    1000 < 8 ? 8 : r->S * CZ_RENDER_SHOP_PM / 1000))
		fail(r, t, "a shopping line not at the shopping size");
	if (l->height > t->h || l->width > t->w)
		fail(r, t, "overflows its box");
	if (t->x < 0 || t->y < 0 || t->x + t->w > r->ax1 ||
	    t->y + t->h > r->ay1)
		fail(r, t, "outside the text area (margins, safe zones)");
	if (strstr(t->text, "\xe2\x80\xa6") != NULL ||
	    strstr(t->text, "...") != NULL)
		fail(r, t, "an ellipsis in the text");
	for (i = 0; i < l->nlines; i++) {
		if (l->lines[i].width > t->w)
			fail(r, t, "a line wider than its box");
		if (l->nlines > 1 && orphan(l->lines[i].s, l->lines[i].len))
			fail(r, t, "a figure or unit alone on a line");
	}
	/* Every byte of the text is on a line: nothing was cut. */
	if (l->nlines > 0) {
		const struct cz_render_line *last = &l->lines[l->nlines - 1];
		const char *end = last->s + last->len;

		while (*end == ' ')
			end++;
		if (*end != '\0' || l->lines[0].s < t->text)
			fail(r, t, "text cut");
	} else if (t->text[strspn(t->text, " ")] != '\0')
		fail(r, t, "no line for a text");
}

int
cz_render_layout_check(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int W, int H,
    struct cz_render_layout_stats *st, char *err, size_t errlen)
{
	static struct cz_render_story s;
	struct run r;
	char name[32];
	int pages, k;

	r.st = st;
	r.W = W;
	r.H = H;
	r.S = W < H ? W : H;
	/* The text area as cards.c sets it; checked here on its own. */
	r.ax1 = W - r.S * 7 / 100;
	r.ay1 = H - r.S * 7 / 100;
	if (H > W) {
		if (W - W * 15 / 100 < r.ax1)
			r.ax1 = W - W * 15 / 100;
		if (H - H * 20 / 100 < r.ay1)
			r.ay1 = H - H * 20 / 100;
	}
	if ((pages = cz_render_shop_pages(f, p, W, H, err, errlen)) < 0)
		return -1;
	if (pages > st->max_shop_pages)
		st->max_shop_pages = pages;
	/* Any frame rate and length: the cards are what is checked. */
	if (cz_render_story_build(p, pages, 30, 3600, &s) != 0) {
		snprintf(err, errlen, "no storyboard for %d days", p->ndays);
		return -1;
	}
	st->plans++;
	for (k = 0; k < s.ncards; k++) {
		const struct cz_render_card *c = &s.cards[k];

		snprintf(name, sizeof(name), "%s %d", c->kind == CZ_CARD_DAY ?
		    "day card" : c->kind == CZ_CARD_SHOPPING ? "shopping card" :
		    "card", c->kind == CZ_CARD_DAY ? c->day + 1 : c->kind ==
		    CZ_CARD_SHOPPING ? c->day + 1 : k + 1);
		r.card = name;
		st->cards++;
		if (cz_render_card_check(f, p, c, c->nstages - 1, W, H, seen, &r,
		    err, errlen) != 0)
			return -1;
	}
	return 0;
}
