/*
 * cards.c - draws the cards of the storyboard (see cards.h). Positions and
 * sizes are fractions of the frame (the short side S for type sizes), so
 * the same code lays out portrait, landscape and square presets; every
 * text goes through cz_render_text_fit, which shrinks, wraps and at worst
 * cuts it with an ellipsis to keep it inside its box. Dishes are shown
 * with their food pictures (lib/food_pictures.h, the ones the plan page
 * shows): the dish large, its main ingredients overlapping its side.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cards.h"

#define FONT_REGULAR	"DejaVuSans.ttf"
#define FONT_BOLD	"DejaVuSans-Bold.ttf"

/* The palette: dark background, light text, one accent. */
#define COL_BG		cz_render_rgb(17, 30, 44)
#define COL_PANEL	cz_render_rgb(30, 49, 68)
#define COL_TEXT	cz_render_rgb(244, 246, 248)
#define COL_MUTED	cz_render_rgb(160, 176, 192)
#define COL_ACCENT	cz_render_rgb(52, 199, 116)
#define COL_WARN	cz_render_rgb(255, 200, 87)

struct frame {
	struct cz_render_canvas	*c;
	int		 W, H, S, m;	/* size, short side, margin */
	char		*err;
	size_t		 errlen;
};

/* Fits text into the box (x, y, w, h) and draws it, vertically centred
 * when vcenter. Sizes are in thousandths of the short side. */
static int
box(struct frame *fr, struct cz_render_font *font, const char *text, int x,
    int y, int w, int h, int max_pm, int min_pm, int max_lines,
    enum cz_render_align align, int vcenter, struct cz_render_color col)
{
	struct cz_render_layout l;
	int maxs = fr->S * max_pm / 1000, mins = fr->S * min_pm / 1000;

	if (mins < 8)
		mins = 8;
	if (maxs < mins)
		maxs = mins;
	if (cz_render_text_fit(font, text, w, h, maxs, mins, max_lines, &l) != 0 ||
	    cz_render_text_draw(font, &l, fr->c, x, vcenter ? y + (h - l.height) / 2 : y,
	    w, h, align, col) != 0) {
		snprintf(fr->err, fr->errlen, "cannot lay out \"%.40s\" in a "
		    "%dx%d box", text, w, h);
		return -1;
	}
	return 0;
}

/* "high_protein" -> "High protein". */
static void
human(char *dst, size_t n, const char *src)
{
	size_t i;

	snprintf(dst, n, "%s", src);
	for (i = 0; dst[i] != '\0'; i++)
		if (dst[i] == '_')
			dst[i] = ' ';
	if (dst[0] != '\0')
		dst[0] = (char)toupper((unsigned char)dst[0]);
}

static void
upper(char *dst, size_t n, const char *src)
{
	size_t i;

	snprintf(dst, n, "%s", src);
	for (i = 0; dst[i] != '\0'; i++)
		dst[i] = dst[i] == '_' ? ' ' : (char)toupper((unsigned char)dst[i]);
}

static int
brand(struct frame *fr, const struct cz_render_fonts *f)
{
	return box(fr, f->bold, "CIBOZER", fr->m, fr->m, fr->W - 2 * fr->m,
	    fr->H * 6 / 100, 45, 20, 1, CZ_RENDER_LEFT, 1, COL_ACCENT);
}

/* Draws picture key in a size x size square at (x, y). */
static int
picture(struct frame *fr, const struct cz_render_fonts *f, const char *key,
    int x, int y, int size)
{
	return cz_render_picture_draw(f->pictures, key, fr->c, x, y, size,
	    fr->err, fr->errlen);
}

/* The title card's hook: the first day's dishes, side by side, between
 * the brand and the title. */
static int
title_pictures(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p)
{
	const struct cz_render_day *d = &p->days[0];
	int n = d->nmeals < 3 ? d->nmeals : 3, k, size, gap, x0;
	int top = fr->m + fr->H * 7 / 100, avail = fr->H * 14 / 100;

	if (n < 1)
		return 0;
	gap = fr->S * 3 / 100;
	size = (fr->W - 2 * fr->m - (n - 1) * gap) / n;
	if (size > avail)
		size = avail;
	x0 = (fr->W - n * size - (n - 1) * gap) / 2;
	for (k = 0; k < n; k++)
		if (d->meals[k].npictures > 0 && picture(fr, f,
		    d->meals[k].pictures[0], x0 + k * (size + gap), top,
		    size) != 0)
			return -1;
	return 0;
}

/* A dish's pictures in the box (x, y, w, h), right-aligned: the dish as
 * large as the box's height allows, its ingredients at under half that
 * size overlapping its left side, one low and one high. Returns the
 * width used, or -1. */
static int
dish_pictures(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_meal *ml, int x, int y, int w, int h)
{
	int P = h < w * 32 / 100 ? h : w * 32 / 100, E = P * 45 / 100;
	int hx = x + w - P, ex = hx - E * 55 / 100, k;

	if (ml->npictures < 1 || P < 16)
		return 0;
	if (picture(fr, f, ml->pictures[0], hx, y + (h - P) / 2, P) != 0)
		return -1;
	for (k = 1; k < ml->npictures; k++)
		if (picture(fr, f, ml->pictures[k], ex,
		    k == 1 ? y + h - E : y, E) != 0)
			return -1;
	return ml->npictures > 1 ? x + w - ex : P;
}

static int
draw_title(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p)
{
	char diet[64], line[256];
	int x = fr->m, w = fr->W - 2 * fr->m, H = fr->H;

	if (brand(fr, f) != 0 || title_pictures(fr, f, p) != 0)
		return -1;
	human(diet, sizeof(diet), p->diet);
	snprintf(line, sizeof(line), "Your %d-day %s meal plan", p->ndays, diet);
	if (box(fr, f->bold, line, x, H * 22 / 100, w, H * 32 / 100, 120, 40, 4,
	    CZ_RENDER_CENTER, 1, COL_TEXT) != 0)
		return -1;
	snprintf(line, sizeof(line), "%d kcal a day", p->energy_kcal);
	if (box(fr, f->bold, line, x, H * 57 / 100, w, H * 10 / 100, 80, 30, 1,
	    CZ_RENDER_CENTER, 1, COL_ACCENT) != 0)
		return -1;
	snprintf(line, sizeof(line), "%d days · %d meals a day · protein %.0f%% "
	    "· fat %.0f%% · carbs %.0f%%", p->ndays, p->days[0].nmeals,
	    p->protein_pct, p->fat_pct, p->carbs_pct);
	if (box(fr, f->regular, line, x, H * 69 / 100, w, H * 13 / 100, 50, 22, 3,
	    CZ_RENDER_CENTER, 1, COL_MUTED) != 0)
		return -1;
	return box(fr, f->regular, "Every number from the USDA food database",
	    x, H - fr->m - H * 5 / 100, w, H * 5 / 100, 32, 16, 1,
	    CZ_RENDER_CENTER, 1, COL_MUTED);
}

static int
draw_day(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage)
{
	const struct cz_render_day *d = &p->days[c->day];
	char line[256], slot[64];
	int x = fr->m, w = fr->W - 2 * fr->m, H = fr->H, k;
	int top = fr->m + H * 21 / 100, bottom = H - fr->m;
	int gap = fr->S * 2 / 100, rowh, pad = fr->S * 25 / 1000;

	snprintf(line, sizeof(line), "Day %d", d->day);
	if (box(fr, f->bold, line, x, fr->m, w, H * 11 / 100, 110, 40, 1,
	    CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
		return -1;
	snprintf(line, sizeof(line), "%.0f kcal · protein %.0f g · fat %.0f g · "
	    "carbs %.0f g", d->energy_kcal, d->protein_g, d->fat_g,
	    d->carbs_g);
	if (box(fr, f->regular, line, x, fr->m + H * 12 / 100, w, H * 7 / 100,
	    40, 18, 2, CZ_RENDER_LEFT, 1, COL_MUTED) != 0)
		return -1;
	rowh = (bottom - top - gap * (d->nmeals - 1)) / d->nmeals;
	for (k = 0; k < stage && k < d->nmeals; k++) {
		const struct cz_render_meal *ml = &d->meals[k];
		int y = top + k * (rowh + gap), labh = rowh * 30 / 100;
		int iw = w - 2 * pad, used;

		cz_render_canvas_fill(fr->c, x, y, w, rowh, COL_PANEL);
		cz_render_canvas_fill(fr->c, x, y, fr->S / 100 + 2, rowh, COL_ACCENT);
		/* The pictures take the row's right part; the texts the rest. */
		if ((used = dish_pictures(fr, f, ml, x + pad, y + pad / 2, iw,
		    rowh - pad)) < 0)
			return -1;
		if (used > 0)
			iw -= used + pad;
		upper(slot, sizeof(slot), ml->slot);
		if (box(fr, f->bold, slot, x + pad, y + pad / 2, iw * 6 / 10,
		    labh, 36, 14, 1, CZ_RENDER_LEFT, 1, COL_ACCENT) != 0)
			return -1;
		if (ml->energy_kcal >= 0) {
			snprintf(line, sizeof(line), "%.0f kcal", ml->energy_kcal);
			if (box(fr, f->bold, line, x + pad + iw * 6 / 10, y + pad / 2,
			    iw * 4 / 10, labh, 36, 14, 1, CZ_RENDER_RIGHT, 1,
			    COL_TEXT) != 0)
				return -1;
		}
		if (box(fr, f->regular, ml->name, x + pad, y + pad / 2 + labh, iw,
		    rowh - labh - pad, 60, 16, 3, CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
			return -1;
	}
	return 0;
}

/* One macro row: label and a bar of the day-average share with a mark at
 * the target share. */
static int
macro_row(struct frame *fr, const struct cz_render_fonts *f, const char *name,
    double grams, double pct, double target, int y, int h)
{
	char line[128];
	int x = fr->m, w = fr->W - 2 * fr->m, barh = h * 30 / 100;
	int barw, mark;

	snprintf(line, sizeof(line), "%s  %.0f g  ·  %.0f%% of energy (target %.0f%%)",
	    name, grams, pct, target);
	if (box(fr, f->regular, line, x, y, w, h - barh - h / 10, 46, 16, 2,
	    CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
		return -1;
	cz_render_canvas_fill(fr->c, x, y + h - barh, w, barh, COL_PANEL);
	barw = (int)(w * (pct > 100 ? 100 : pct < 0 ? 0 : pct) / 100.0);
	cz_render_canvas_fill(fr->c, x, y + h - barh, barw, barh, COL_ACCENT);
	mark = x + (int)(w * (target > 100 ? 100 : target) / 100.0);
	cz_render_canvas_fill(fr->c, mark - 2, y + h - barh - barh / 4, 4,
	    barh + barh / 2, COL_WARN);
	return 0;
}

static int
draw_macros(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p)
{
	double e = 0, pr = 0, fa = 0, ca = 0, prp = 0, fap = 0, cap = 0;
	char line[128];
	int d, x = fr->m, w = fr->W - 2 * fr->m, H = fr->H;
	int top = fr->m + H * 30 / 100, rowh = (H - fr->m - top) / 3;

	for (d = 0; d < p->ndays; d++) {
		e += p->days[d].energy_kcal;
		pr += p->days[d].protein_g;
		fa += p->days[d].fat_g;
		ca += p->days[d].carbs_g;
		prp += p->days[d].protein_pct;
		fap += p->days[d].fat_pct;
		cap += p->days[d].carbs_pct;
	}
	if (box(fr, f->bold, "Daily average", x, fr->m, w, H * 10 / 100, 90, 30,
	    1, CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
		return -1;
	snprintf(line, sizeof(line), "%.0f kcal", e / p->ndays);
	if (box(fr, f->bold, line, x, fr->m + H * 11 / 100, w, H * 14 / 100, 130,
	    40, 1, CZ_RENDER_LEFT, 1, COL_ACCENT) != 0)
		return -1;
	if (macro_row(fr, f, "Protein", pr / p->ndays, prp / p->ndays,
	    p->protein_pct, top, rowh * 80 / 100) != 0 ||
	    macro_row(fr, f, "Fat", fa / p->ndays, fap / p->ndays, p->fat_pct,
	    top + rowh, rowh * 80 / 100) != 0 ||
	    macro_row(fr, f, "Carbs", ca / p->ndays, cap / p->ndays, p->carbs_pct,
	    top + 2 * rowh, rowh * 80 / 100) != 0)
		return -1;
	return 0;
}

static int
draw_shopping(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p)
{
	char line[128];
	int x = fr->m, w = fr->W - 2 * fr->m, H = fr->H, i, shown, more;
	int top = fr->m + H * 17 / 100, avail = H - fr->m - top;
	int lineh, minh = fr->S * 50 / 1000, maxh = fr->S * 75 / 1000, pm;
	/* Landscape frames have room for two columns. */
	int cols = fr->W > fr->H ? 2 : 1, gap = fr->S * 6 / 100;
	int colw = (w - gap * (cols - 1)) / cols, rows;

	if (box(fr, f->bold, "Shopping list", x, fr->m, w, H * 10 / 100, 90, 30,
	    1, CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
		return -1;
	snprintf(line, sizeof(line), "for all %d days", p->ndays);
	if (box(fr, f->regular, line, x, fr->m + H * 10 / 100, w, H * 5 / 100,
	    40, 16, 1, CZ_RENDER_LEFT, 1, COL_MUTED) != 0)
		return -1;
	if (p->nshop == 0)
		return 0;
	/* As many items as fit at the smallest line height; a last line
	 * says how many were left out. */
	shown = p->nshop;
	more = p->shop_more;
	rows = (shown + cols - 1) / cols;
	lineh = avail / rows;
	if (lineh > maxh)
		lineh = maxh;
	if (lineh < minh) {
		lineh = minh;
		rows = avail / lineh;
		shown = rows * cols - 1;
		more += p->nshop - shown;
	}
	pm = lineh * 1000 * 62 / 100 / fr->S;
	for (i = 0; i < shown; i++) {
		const struct cz_render_shop_item *s = &p->shop[i];
		int cx = x + (i / rows) * (colw + gap), y = top + (i % rows) * lineh;

		if (box(fr, f->regular, s->food, cx, y, colw * 74 / 100, lineh, pm,
		    pm, 1, CZ_RENDER_LEFT, 1, COL_TEXT) != 0 ||
		    box(fr, f->bold, s->quantity, cx + colw * 76 / 100, y,
		    colw * 24 / 100, lineh, pm, pm, 1, CZ_RENDER_RIGHT, 1,
		    COL_ACCENT) != 0)
			return -1;
	}
	if (more > 0) {
		snprintf(line, sizeof(line), "+ %d more on your plan page", more);
		if (box(fr, f->regular, line, x + (shown / rows) * (colw + gap),
		    top + (shown % rows) * lineh, colw, lineh, pm, pm, 1,
		    CZ_RENDER_LEFT, 1, COL_MUTED) != 0)
			return -1;
	}
	return 0;
}

static int
draw_end(struct frame *fr, const struct cz_render_fonts *f)
{
	int x = fr->m, w = fr->W - 2 * fr->m, H = fr->H;

	if (brand(fr, f) != 0)
		return -1;
	if (box(fr, f->bold, "Important", x, H * 18 / 100, w, H * 10 / 100, 80,
	    30, 1, CZ_RENDER_CENTER, 1, COL_WARN) != 0)
		return -1;
	if (box(fr, f->regular, CZ_RENDER_DISCLAIMER, x, H * 30 / 100, w,
	    H * 45 / 100, 62, 22, 12, CZ_RENDER_CENTER, 1, COL_TEXT) != 0)
		return -1;
	/* The picture set's licence asks for its attribution. */
	return box(fr, f->regular, "Made with Cibozer · nutrient data: USDA "
	    "SR24 · " CZ_PICTURE_CREDIT, x, H - fr->m - H * 9 / 100, w,
	    H * 9 / 100, 32, 16, 3, CZ_RENDER_CENTER, 1, COL_MUTED);
}

int
cz_render_fonts_open(struct cz_render_fonts *f, const char *dir, char *err,
    size_t errlen)
{
	char path[4096];

	memset(f, 0, sizeof(*f));
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, FONT_REGULAR) >=
	    sizeof(path)) {
		snprintf(err, errlen, "font directory name too long");
		return -1;
	}
	if ((f->regular = cz_render_font_open(path, err, errlen)) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/%s", dir, FONT_BOLD);
	if ((f->bold = cz_render_font_open(path, err, errlen)) == NULL ||
	    (f->pictures = cz_render_pictures_open(NULL, err, errlen)) ==
	    NULL) {
		cz_render_fonts_close(f);
		return -1;
	}
	return 0;
}

void
cz_render_fonts_close(struct cz_render_fonts *f)
{
	cz_render_font_close(f->regular);
	cz_render_font_close(f->bold);
	cz_render_pictures_close(f->pictures);
	memset(f, 0, sizeof(*f));
}

int
cz_render_card_draw(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage,
    struct cz_render_canvas *canvas, char *err, size_t errlen)
{
	struct frame fr;

	fr.c = canvas;
	fr.W = canvas->w;
	fr.H = canvas->h;
	fr.S = fr.W < fr.H ? fr.W : fr.H;
	fr.m = fr.S * 7 / 100;
	fr.err = err;
	fr.errlen = errlen;
	cz_render_canvas_fill(canvas, 0, 0, fr.W, fr.H, COL_BG);
	switch (c->kind) {
	case CZ_CARD_TITLE:
		return draw_title(&fr, f, p);
	case CZ_CARD_DAY:
		return draw_day(&fr, f, p, c, stage);
	case CZ_CARD_MACROS:
		return draw_macros(&fr, f, p);
	case CZ_CARD_SHOPPING:
		return draw_shopping(&fr, f, p);
	case CZ_CARD_END:
		return draw_end(&fr, f);
	}
	snprintf(err, errlen, "unknown card kind %d", (int)c->kind);
	return -1;
}
