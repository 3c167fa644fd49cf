/*
 * cards.c - draws the cards of the storyboard (see cards.h). Positions and
 * sizes are fractions of the text area (the frame less its margins and,
 * on vertical frames, the platforms' safe zones) and of the short side S
 * for type sizes, so the same code lays out portrait, landscape and
 * square presets. Every text goes through cz_render_text_fit (wrap on
 * words, shrink within set bounds); a text that cannot fit is an error,
 * never cut, so each card picks its layout by measuring first: a day card
 * tries one or two columns and large, small or no pictures until every
 * dish name fits, and sets all of the day's names at one size; the
 * shopping list is set at one readable size and paged over as many
 * cards as it needs. Figures and units are joined by no-break spaces so
 * that "254 g" never stands alone on a line. Dishes are shown with their
 * food pictures (lib/food_pictures.h, the ones the plan page shows).
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cards.h"
#include "fixed_text.h"
#include "preset.h"

#define FONT_REGULAR	"DejaVuSans.ttf"
#define FONT_BOLD	"DejaVuSans-Bold.ttf"

/* The palette: dark background, light text, one accent. */
#define COL_BG		cz_render_rgb(17, 30, 44)
#define COL_PANEL	cz_render_rgb(30, 49, 68)
#define COL_TEXT	cz_render_rgb(244, 246, 248)
#define COL_MUTED	cz_render_rgb(160, 176, 192)
#define COL_ACCENT	cz_render_rgb(52, 199, 116)
#define COL_WARN	cz_render_rgb(255, 200, 87)
#define COL_DONE	cz_render_rgb(38, 112, 76)	/* days gone by */

struct frame {
	struct cz_render_canvas	*c;	/* NULL: lay out only */
	int		 W, H, S, m;	/* size, short side, margin */
	int		 x0, y0, x1, y1;	/* the text area */
	cz_render_text_seen seen;	/* cz_render_card_check's */
	void		*seen_arg;
	char		*err;
	size_t		 errlen;
};

#define NBSP	"\xc2\xa0"	/* U+00A0: no line break here */
#define DOT	" \xc2\xb7 "	/* " · ": a break may come after it */

/* The text area's width and height, and a position down it in
 * thousandths. */
#define AW(fr)		((fr)->x1 - (fr)->x0)
#define AH(fr)		((fr)->y1 - (fr)->y0)
#define AY(fr, pm)	((fr)->y0 + AH(fr) * (pm) / 1000)

static void
frame_init(struct frame *fr, int W, int H)
{
	struct cz_render_safe z;

	fr->W = W;
	fr->H = H;
	fr->S = W < H ? W : H;
	fr->m = fr->S * 7 / 100;
	/* The platforms' safe zone (preset.h). */
	cz_render_safe_zone(W, H, &z);
	fr->x0 = z.left;
	fr->y0 = z.top;
	fr->x1 = W - z.right;
	fr->y1 = H - z.bottom;
}

static int
px(const struct frame *fr, int pm)
{
	int v = fr->S * pm / 1000;

	return v < 8 ? 8 : v;
}

/* The smallest size a role allows, in pixels. */
static int
role_min(const struct frame *fr, enum cz_render_text_role role)
{
	return px(fr, role == CZ_TEXT_BODY || role == CZ_TEXT_SHOP ?
	    CZ_RENDER_BODY_PM : CZ_RENDER_MIN_PM);
}

/* Fits text into the box (x, y, w, h) between max_px and min_px (raised
 * to the role's minimum) without drawing. CZ_FIT_OK, CZ_FIT_TOO_BIG or
 * -1 (with err set). */
static int
fit(struct frame *fr, struct cz_render_font *font, const char *text, int w,
    int h, int max_px, int min_px, int max_lines,
    enum cz_render_text_role role, struct cz_render_layout *l)
{
	int rc;

	if (min_px < role_min(fr, role))
		min_px = role_min(fr, role);
	if (max_px < min_px)
		max_px = min_px;
	if (w < 1 || h < 1) {
		memset(l, 0, sizeof(*l));
		l->size = min_px;
		return CZ_FIT_TOO_BIG;
	}
	if ((rc = cz_render_text_fit(font, text, w, h, max_px, min_px,
	    max_lines, l)) < 0)
		snprintf(fr->err, fr->errlen, "FreeType cannot lay out "
		    "\"%.40s\"", text);
	return rc;
}

/* Fits text into the box (x, y, w, h) and draws it, vertically centred
 * when vcenter. Sizes are pixels. A text that does not fit is an error
 * when drawing; when checking it is reported and the card goes on. */
static int
box_px(struct frame *fr, struct cz_render_font *font, const char *text,
    int x, int y, int w, int h, int max_px, int min_px, int max_lines,
    enum cz_render_text_role role, enum cz_render_align align, int vcenter,
    struct cz_render_color col)
{
	struct cz_render_layout l;
	struct cz_render_text_box t;
	int rc = fit(fr, font, text, w, h, max_px, min_px, max_lines, role, &l);

	if (rc < 0)
		return -1;
	if (fr->seen != NULL) {
		t.text = text;
		t.role = role;
		t.x = x;
		t.y = y;
		t.w = w;
		t.h = h;
		t.min_size = min_px > role_min(fr, role) ? min_px :
		    role_min(fr, role);
		t.fits = rc == CZ_FIT_OK;
		t.layout = &l;
		fr->seen(fr->seen_arg, &t);
	}
	if (fr->c == NULL)
		return 0;
	if (rc != CZ_FIT_OK) {
		snprintf(fr->err, fr->errlen, "cannot lay out \"%.60s\" in a "
		    "%dx%d box at %d px or more", text, w, h, l.size);
		return -1;
	}
	if (cz_render_text_draw(font, &l, fr->c, x, vcenter ? y +
	    (h - l.height) / 2 : y, w, h, align, col) != 0) {
		snprintf(fr->err, fr->errlen, "cannot draw \"%.40s\"", text);
		return -1;
	}
	return 0;
}

/* The same with sizes in thousandths of the short side. */
static int
box(struct frame *fr, struct cz_render_font *font, const char *text, int x,
    int y, int w, int h, int max_pm, int min_pm, int max_lines,
    enum cz_render_text_role role, enum cz_render_align align, int vcenter,
    struct cz_render_color col)
{
	return box_px(fr, font, text, x, y, w, h, px(fr, max_pm),
	    px(fr, min_pm), max_lines, role, align, vcenter, col);
}

static void
fill(struct frame *fr, int x, int y, int w, int h, struct cz_render_color col)
{
	if (fr->c != NULL)
		cz_render_canvas_fill(fr->c, x, y, w, h, col);
}

/*
 * A figure that counts up: value * t and its unit (t in 0..256,
 * eased by the caller), set on one line right-aligned in the box
 * (x, y, w, h) at the size the final figure takes, so the unit at its
 * right end stays put while the digits grow leftwards (DejaVu's digits
 * all have one advance) and nothing wraps or resizes while counting.
 * When `hug`, the box is narrowed to the final figure's width, so the
 * final figure reads as left-aligned at x. The box is filled with bg
 * first: it is redrawn in place every frame while counting. When
 * checking, the final figure is what is reported.
 */
static int
counter(struct frame *fr, struct cz_render_font *font, const char *unit,
    double value, int t, int x, int y, int w, int h, int max_pm, int min_pm,
    int hug, struct cz_render_color col, struct cz_render_color bg)
{
	struct cz_render_layout lf, ln;
	char fin[128], now[128], num[CZ_THOUSANDS_MAX];
	int rc;

	/* "3,295 kcal", as the plan page writes it */
	snprintf(fin, sizeof(fin), "%s" NBSP "%s",
	    cz_thousands(num, llround(value)), unit);
	if (fr->c == NULL)
		return box(fr, font, fin, x, y, w, h, max_pm, min_pm, 1,
		    CZ_TEXT_HEAD, CZ_RENDER_RIGHT, 1, col);
	snprintf(now, sizeof(now), "%s" NBSP "%s",
	    cz_thousands(num, llround(value * t / 256.0)), unit);
	if ((rc = fit(fr, font, fin, w, h, px(fr, max_pm), px(fr, min_pm), 1,
	    CZ_TEXT_HEAD, &lf)) < 0)
		return -1;
	if (rc != CZ_FIT_OK || fit(fr, font, now, w, h, lf.size, lf.size, 1,
	    CZ_TEXT_HEAD, &ln) != CZ_FIT_OK) {
		snprintf(fr->err, fr->errlen, "cannot lay out \"%.60s\" in a "
		    "%dx%d box at %d px or more", fin, w, h, lf.size);
		return -1;
	}
	fill(fr, x, y, w, h, bg);
	if (hug && lf.width + 2 < w)
		w = lf.width + 2;
	if (cz_render_text_draw(font, &ln, fr->c, x, y + (h - lf.height) / 2,
	    w, h, CZ_RENDER_RIGHT, col) != 0) {
		snprintf(fr->err, fr->errlen, "cannot draw \"%.40s\"", now);
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
	return box(fr, f->bold, "CIBOZER", fr->x0, fr->y0, AW(fr),
	    AH(fr) * 5 / 100, 45, 24, 1, CZ_TEXT_HEAD, CZ_RENDER_LEFT, 1,
	    COL_ACCENT);
}

/* Draws picture key in a size x size square at (x, y). */
static int
picture(struct frame *fr, const struct cz_render_fonts *f, const char *key,
    int x, int y, int size)
{
	if (fr->c == NULL)
		return 0;
	return cz_render_picture_draw(f->pictures, key, fr->c, x, y, size,
	    fr->err, fr->errlen);
}

/* The title card's hook: the first day's dishes, large, side by side
 * below the promise. */
static int
title_pictures(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int day)
{
	const struct cz_render_day *d = &p->days[day];
	int n = d->nmeals < 3 ? d->nmeals : 3, k, size, gap, x0;
	int top = AY(fr, 610), avail = AH(fr) * 26 / 100;

	if (n < 1)
		return 0;
	gap = fr->S * 3 / 100;
	size = (AW(fr) - (n - 1) * gap) / n;
	if (size > avail)
		size = avail;
	x0 = fr->x0 + (AW(fr) - n * size - (n - 1) * gap) / 2;
	for (k = 0; k < n; k++)
		if (d->meals[k].npictures > 0 && picture(fr, f,
		    d->meals[k].pictures[0], x0 + k * (size + gap), top,
		    size) != 0)
			return -1;
	return 0;
}

/* The width a dish's pictures take in a box w x h at scale pct of the
 * box's width (0: none). */
static int
pictures_width(const struct cz_render_meal *ml, int w, int h, int pct)
{
	int P = h < w * pct / 100 ? h : w * pct / 100, E = P * 45 / 100;

	if (pct == 0 || ml->npictures < 1 || P < 16)
		return 0;
	return ml->npictures > 1 ? P + E * 55 / 100 : P;
}

/* A dish's pictures in the box (x, y, w, h), right-aligned: the dish as
 * large as the box's height and pct of its width allow, its ingredients
 * at under half that size overlapping its left side, one low and one
 * high. */
static int
dish_pictures(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_meal *ml, int x, int y, int w, int h, int pct)
{
	int P = h < w * pct / 100 ? h : w * pct / 100, E = P * 45 / 100;
	int hx = x + w - P, ex = hx - E * 55 / 100, k;

	if (pictures_width(ml, w, h, pct) == 0)
		return 0;
	if (picture(fr, f, ml->pictures[0], hx, y + (h - P) / 2, P) != 0)
		return -1;
	for (k = 1; k < ml->npictures; k++)
		if (picture(fr, f, ml->pictures[k], ex,
		    k == 1 ? y + h - E : y, E) != 0)
			return -1;
	return 0;
}

/* The hook, on screen from the first frame: the plan's promise (the
 * days planned to the gram, the energy target, the diet) over the first
 * day's dishes. A clip of fewer days than the plan names its day. */
static int
draw_title(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c)
{
	char diet[64], line[320], num[CZ_THOUSANDS_MAX];
	int x = fr->x0, w = AW(fr), day = c->day >= 0 && c->day < p->ndays ?
	    c->day : 0;

	if (brand(fr, f) != 0 || title_pictures(fr, f, p, day) != 0)
		return -1;
	human(diet, sizeof(diet), p->diet);
	if (p->clip_day > 0)	/* a day clip: the plan cut to one day */
		snprintf(line, sizeof(line), "Day %d of %d, planned to the "
		    "gram", p->clip_day, p->week_days);
	else if (c->span > 0 && c->span < p->ndays)
		snprintf(line, sizeof(line), "Day %d, planned to the gram",
		    p->days[day].day);
	else
		snprintf(line, sizeof(line), "%d days, planned to the gram",
		    p->ndays);
	if (box(fr, f->bold, line, x, AY(fr, 75), w, AH(fr) * 26 / 100, 120,
	    40, 4, CZ_TEXT_HEAD, CZ_RENDER_CENTER, 1, COL_TEXT) != 0)
		return -1;
	snprintf(line, sizeof(line), "%s" NBSP "kcal a day",
	    cz_thousands(num, p->energy_kcal));
	if (box(fr, f->bold, line, x, AY(fr, 350), w, AH(fr) * 10 / 100, 90, 30,
	    1, CZ_TEXT_HEAD, CZ_RENDER_CENTER, 1, COL_ACCENT) != 0)
		return -1;
	snprintf(line, sizeof(line), "%s" DOT "%d" NBSP "meals" NBSP "a" NBSP
	    "day" DOT "protein" NBSP "%.0f%%" DOT "fat" NBSP "%.0f%%" DOT
	    "carbs" NBSP "%.0f%%", diet, p->days[day].nmeals, p->protein_pct,
	    p->fat_pct, p->carbs_pct);
	if (box(fr, f->regular, line, x, AY(fr, 465), w, AH(fr) * 13 / 100, 50,
	    CZ_RENDER_BODY_PM, 4, CZ_TEXT_BODY, CZ_RENDER_CENTER, 1,
	    COL_MUTED) != 0)
		return -1;
	return box(fr, f->regular, "Every number from the USDA food database",
	    x, AY(fr, 900), w, AH(fr) * 10 / 100, 32, CZ_RENDER_MIN_PM, 2,
	    CZ_TEXT_SMALL, CZ_RENDER_CENTER, 1, COL_MUTED);
}

/* A day card's rows: how many columns, and the pictures' share of a
 * row's width (0: none). */
struct day_shape {
	int		 cols, pics;
	int		 rx, ry, rw, rh, gap, pad, labh;
	int		 name_px;	/* the day's names, all at this size */
};

/* The box of meal k's row, and of its name within it. */
static void
day_row(const struct frame *fr, const struct day_shape *sh, int nmeals,
    int k, int *x, int *y, int *nx, int *ny, int *nw, int *nh,
    const struct cz_render_meal *ml)
{
	int rows = (nmeals + sh->cols - 1) / sh->cols;
	int col = k / rows, row = k % rows, iw, used;

	(void)fr;
	*x = sh->rx + col * (sh->rw + sh->gap);
	*y = sh->ry + row * (sh->rh + sh->gap);
	iw = sh->rw - 2 * sh->pad;
	used = pictures_width(ml, iw, sh->rh - sh->pad, sh->pics);
	if (used > 0)
		iw -= used + sh->pad;
	*nx = *x + sh->pad;
	*ny = *y + sh->pad / 2 + sh->labh;
	*nw = iw;
	*nh = sh->rh - sh->labh - sh->pad;
}

/* The row's labels above the name: the meal (e.g. BREAKFAST) on the left,
 * its energy on the right, in the name's width. Checks that they fit
 * (draw 0: CZ_FIT_OK, CZ_FIT_TOO_BIG or -1) or draws them (0 or -1). */
static int
row_labels(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_meal *ml, int x, int y, int w,
    const struct day_shape *sh, int draw)
{
	struct cz_render_layout l;
	char slot[64], kcal[64], num[CZ_THOUSANDS_MAX];
	int ly = y + sh->pad / 2, sw = w * 55 / 100, rc;

	upper(slot, sizeof(slot), ml->slot);
	snprintf(kcal, sizeof(kcal), "%s" NBSP "kcal",
	    cz_thousands(num, llround(ml->energy_kcal)));
	if (!draw) {
		rc = fit(fr, f->bold, slot, sw, sh->labh, px(fr, 36),
		    px(fr, CZ_RENDER_MIN_PM), 1, CZ_TEXT_SMALL, &l);
		if (rc == CZ_FIT_OK && ml->energy_kcal >= 0)
			rc = fit(fr, f->bold, kcal, w - sw, sh->labh, px(fr, 36),
			    px(fr, CZ_RENDER_MIN_PM), 1, CZ_TEXT_SMALL, &l);
		return rc;
	}
	if (box(fr, f->bold, slot, x, ly, sw, sh->labh, 36, CZ_RENDER_MIN_PM, 1,
	    CZ_TEXT_SMALL, CZ_RENDER_LEFT, 1, COL_ACCENT) != 0)
		return -1;
	if (ml->energy_kcal >= 0 && box(fr, f->bold, kcal, x + sw, ly, w - sw,
	    sh->labh, 36, CZ_RENDER_MIN_PM, 1, CZ_TEXT_SMALL, CZ_RENDER_RIGHT,
	    1, COL_TEXT) != 0)
		return -1;
	return 0;
}

/* Picks the day card's shape: the first, in the order tried, at which
 * every dish name fits at the body size or more; sets the one size they
 * all take. Returns 0, 1 when none fits (the last shape tried is kept),
 * or -1. */
static int
day_shape(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_day *d, struct day_shape *sh)
{
	static const int pics[] = { 32, 20, 0 };
	struct cz_render_layout l;
	int top = AY(fr, 190), bottom = fr->y1, cols, pi, k, rows, rc;
	int maxc = fr->W >= fr->H && d->nmeals > 3 ? 2 : 1;

	for (cols = maxc == 2 && fr->W > fr->H ? 2 : 1; cols >= 1 && cols <= maxc;
	    cols += maxc == 2 && fr->W > fr->H ? -1 : 1)
		for (pi = 0; pi < (int)(sizeof(pics) / sizeof(pics[0])); pi++) {
			sh->cols = cols;
			sh->pics = pics[pi];
			rows = (d->nmeals + cols - 1) / cols;
			sh->gap = rows > 4 ? fr->S / 100 : fr->S * 2 / 100;
			sh->rx = fr->x0;
			sh->ry = top;
			sh->rw = (AW(fr) - (cols - 1) * sh->gap) / cols;
			sh->rh = (bottom - top - sh->gap * (rows - 1)) / rows;
			sh->pad = fr->S * 25 / 1000;
			if (sh->pad > sh->rh / 10)
				sh->pad = sh->rh / 10;
			sh->labh = sh->rh * 22 / 100;
			if (sh->labh < px(fr, 32))
				sh->labh = px(fr, 32);
			if (sh->labh > px(fr, 50))
				sh->labh = px(fr, 50);
			sh->name_px = px(fr, 60);
			for (k = 0, rc = CZ_FIT_OK; k < d->nmeals && rc == CZ_FIT_OK;
			    k++) {
				int x, y, nx, ny, nw, nh;

				day_row(fr, sh, d->nmeals, k, &x, &y, &nx, &ny,
				    &nw, &nh, &d->meals[k]);
				rc = fit(fr, f->regular, d->meals[k].name, nw, nh,
				    px(fr, 60), px(fr, CZ_RENDER_BODY_PM), 4,
				    CZ_TEXT_BODY, &l);
				if (rc == CZ_FIT_OK)
					rc = row_labels(fr, f, &d->meals[k], nx, y,
					    nw, sh, 0);
				if (rc < 0)
					return -1;
				if (rc == CZ_FIT_OK && l.size < sh->name_px)
					sh->name_px = l.size;
			}
			if (rc == CZ_FIT_OK)
				return 0;
		}
	return 1;
}

/* The week's progress along the top of a day card, like a story's: a
 * segment a day, the days gone by dimmed, this one lit. */
static void
week_bar(struct frame *fr, const struct cz_render_plan *p, int day)
{
	int n = p->ndays, gap = fr->S * 8 / 1000 + 2, h = fr->S / 100 + 2, k;
	int seg;

	if (p->clip_day > 0) {	/* a day clip still shows where in the week */
		n = p->week_days;
		day = p->clip_day - 1;
	}
	seg = (AW(fr) - (n - 1) * gap) / (n > 0 ? n : 1);

	if (n < 2 || seg < 4)
		return;
	for (k = 0; k < n; k++)
		fill(fr, fr->x0 + k * (seg + gap), fr->y0, seg, h, k < day ?
		    COL_DONE : k == day ? COL_ACCENT : COL_PANEL);
}

/* The day's energy, counting up (t in 0..256, linear) right-aligned
 * beside its name. */
static int
day_energy(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_day *d, int t)
{
	int bx = fr->x0 + AW(fr) * 45 / 100;

	return counter(fr, f->bold, "kcal", d->energy_kcal,
	    cz_render_ease_out(t), bx, AY(fr, 25), fr->x1 - bx,
	    AH(fr) * 85 / 1000, 80, 30, 0, COL_ACCENT, COL_BG);
}

static int
draw_day(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage)
{
	const struct cz_render_day *d = &p->days[c->day];
	struct day_shape sh;
	char line[320];
	int x = fr->x0, w = AW(fr), k;

	week_bar(fr, p, c->day);
	snprintf(line, sizeof(line), "Day %d", d->day);
	if (box(fr, f->bold, line, x, AY(fr, 25), w * 45 / 100,
	    AH(fr) * 85 / 1000, 110, 40, 1, CZ_TEXT_HEAD, CZ_RENDER_LEFT, 1,
	    COL_TEXT) != 0 || day_energy(fr, f, d, 256) != 0)
		return -1;
	snprintf(line, sizeof(line), "protein" NBSP
	    "%.0f" NBSP "g" DOT "fat" NBSP "%.0f" NBSP "g" DOT "carbs" NBSP
	    "%.0f" NBSP "g", d->protein_g, d->fat_g, d->carbs_g);
	if (box(fr, f->regular, line, x, AY(fr, 112), w, AH(fr) * 7 / 100, 40,
	    CZ_RENDER_BODY_PM, 2, CZ_TEXT_BODY, CZ_RENDER_LEFT, 1,
	    COL_MUTED) != 0)
		return -1;
	if (d->nmeals < 1)
		return 0;
	if (day_shape(fr, f, d, &sh) < 0)
		return -1;
	/* Every stage lays out all the meals the same way and shows the
	 * first `stage` of them, so a reveal never moves what is shown. */
	for (k = 0; k < stage && k < d->nmeals; k++) {
		const struct cz_render_meal *ml = &d->meals[k];
		int rx, ry, nx, ny, nw, nh;

		day_row(fr, &sh, d->nmeals, k, &rx, &ry, &nx, &ny, &nw, &nh, ml);
		fill(fr, rx, ry, sh.rw, sh.rh, COL_PANEL);
		fill(fr, rx, ry, fr->S / 100 + 2, sh.rh, COL_ACCENT);
		if (dish_pictures(fr, f, ml, rx + sh.pad, ry + sh.pad / 2,
		    sh.rw - 2 * sh.pad, sh.rh - sh.pad, sh.pics) != 0)
			return -1;
		if (row_labels(fr, f, ml, nx, ry, nw, &sh, 1) != 0)
			return -1;
		if (box_px(fr, f->regular, ml->name, nx, ny, nw, nh, sh.name_px,
		    px(fr, CZ_RENDER_BODY_PM), 4, CZ_TEXT_BODY, CZ_RENDER_LEFT, 1,
		    COL_TEXT) != 0)
			return -1;
	}
	return 0;
}

/* A macro row's parts, in thousandths of its height: the name and the
 * grams, the bar (the target's mark reaches a quarter of the bar's
 * height above and below it), the shares. */
#define MR_LABEL	340
#define MR_BAR_Y	400
#define MR_BAR_H	200
#define MR_INFO_Y	670

/* The moving part of a macro row: the grams counting up and the bar of
 * the day-average share growing (t in 0..256, eased), with a mark at the
 * target share. */
static int
macro_grow(struct frame *fr, const struct cz_render_fonts *f, double grams,
    double pct, double target, int y, int h, int t)
{
	int x = fr->x0, w = AW(fr), barh = h * MR_BAR_H / 1000;
	int by = y + h * MR_BAR_Y / 1000, barw, mark;

	if (counter(fr, f->bold, "g", grams, t, x + w / 2, y, w / 2,
	    h * MR_LABEL / 1000, 46, CZ_RENDER_BODY_PM, 0, COL_TEXT,
	    COL_BG) != 0)
		return -1;
	fill(fr, x - 2, by - barh / 4 - 1, w + 4, barh + barh / 2 + 2, COL_BG);
	fill(fr, x, by, w, barh, COL_PANEL);
	barw = (int)(w * (pct > 100 ? 100 : pct < 0 ? 0 : pct) / 100.0);
	fill(fr, x, by, barw * t / 256, barh, COL_ACCENT);
	mark = x + (int)(w * (target > 100 ? 100 : target) / 100.0);
	fill(fr, mark - 2, by - barh / 4, 4, barh + barh / 2, COL_WARN);
	return 0;
}

/* One macro row: its name, the grams and the bar (macro_grow), and the
 * shares of energy, reached and targeted. */
static int
macro_row(struct frame *fr, const struct cz_render_fonts *f, const char *name,
    double grams, double pct, double target, int y, int h)
{
	char line[256];
	int x = fr->x0, w = AW(fr);

	if (box(fr, f->bold, name, x, y, w / 2, h * MR_LABEL / 1000, 46,
	    CZ_RENDER_BODY_PM, 1, CZ_TEXT_BODY, CZ_RENDER_LEFT, 1,
	    COL_TEXT) != 0 ||
	    macro_grow(fr, f, grams, pct, target, y, h, 256) != 0)
		return -1;
	snprintf(line, sizeof(line), "%.0f%%" NBSP "of" NBSP "energy" DOT
	    "target" NBSP "%.0f%%", pct, target);
	return box(fr, f->regular, line, x, y + h * MR_INFO_Y / 1000, w,
	    h - h * MR_INFO_Y / 1000, 40, CZ_RENDER_BODY_PM, 2, CZ_TEXT_BODY,
	    CZ_RENDER_LEFT, 1, COL_MUTED);
}

/* The week's daily averages. */
struct averages {
	double		 kcal, g[3], pct[3], target[3];
};

static void
averages(const struct cz_render_plan *p, struct averages *a)
{
	int d;

	memset(a, 0, sizeof(*a));
	for (d = 0; d < p->ndays; d++) {
		a->kcal += p->days[d].energy_kcal / p->ndays;
		a->g[0] += p->days[d].protein_g / p->ndays;
		a->g[1] += p->days[d].fat_g / p->ndays;
		a->g[2] += p->days[d].carbs_g / p->ndays;
		a->pct[0] += p->days[d].protein_pct / p->ndays;
		a->pct[1] += p->days[d].fat_pct / p->ndays;
		a->pct[2] += p->days[d].carbs_pct / p->ndays;
	}
	a->target[0] = p->protein_pct;
	a->target[1] = p->fat_pct;
	a->target[2] = p->carbs_pct;
}

static const char *const macro_names[3] = { "Protein", "Fat", "Carbs" };

/* The macro card's moving parts at t (0..256, linear): the energy counts
 * up, and the bars grow one after another. */
static int
macros_count(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int t)
{
	struct averages a;
	int top = AY(fr, 280), rowh = (fr->y1 - top) / 3, i;

	averages(p, &a);
	if (counter(fr, f->bold, "kcal", a.kcal, cz_render_ease_out(t),
	    fr->x0, AY(fr, 110), AW(fr), AH(fr) * 14 / 100, 130, 40, 1,
	    COL_ACCENT, COL_BG) != 0)
		return -1;
	for (i = 0; i < 3; i++) {
		int u = (t - i * 40) * 256 / (256 - 2 * 40);

		u = u < 0 ? 0 : u > 256 ? 256 : u;
		if (macro_grow(fr, f, a.g[i], a.pct[i], a.target[i],
		    top + i * rowh, rowh * 85 / 100, cz_render_ease_out(u)) != 0)
			return -1;
	}
	return 0;
}

static int
draw_macros(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p)
{
	struct averages a;
	int i, x = fr->x0, w = AW(fr);
	int top = AY(fr, 280), rowh = (fr->y1 - top) / 3;

	averages(p, &a);
	if (box(fr, f->bold, "Daily average", x, fr->y0, w, AH(fr) * 10 / 100,
	    90, 30, 1, CZ_TEXT_HEAD, CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
		return -1;
	for (i = 0; i < 3; i++)
		if (macro_row(fr, f, macro_names[i], a.g[i], a.pct[i],
		    a.target[i], top + i * rowh, rowh * 85 / 100) != 0)
			return -1;
	/* The energy (the rows have drawn their own moving parts). */
	return counter(fr, f->bold, "kcal", a.kcal, 256, fr->x0,
	    AY(fr, 110), AW(fr), AH(fr) * 14 / 100, 130, 40, 1, COL_ACCENT,
	    COL_BG);
}

/*
 * The shopping list: rows of an aisle's name or of a food and what to buy
 * (each up to 4 lines), all at one size, filled down the columns (two on
 * landscape frames) and over as many pages as needed. An aisle's name is
 * never the last row of a column. shop_walk lays the rows out and draws
 * those of page `want` (-1: none); it returns the number of pages.
 */
#define SHOP_LINES	4

static const char *keep_figures(char *dst, size_t n, const char *q);

struct shop_geom {
	int		 top, cols, colw, gap, size, lineh, rowgap;
	int		 namew, qtyx, qtyw;
};

static void
shop_geom(const struct frame *fr, struct shop_geom *g)
{
	g->top = AY(fr, 170);
	g->cols = fr->W > fr->H ? 2 : 1;
	g->gap = fr->S * 6 / 100;
	g->colw = (AW(fr) - g->gap * (g->cols - 1)) / g->cols;
	g->size = px(fr, CZ_RENDER_SHOP_PM);
	g->rowgap = g->size / 4;
	g->lineh = 0;	/* set from the font */
}

/* The quantities' column: as wide as the widest quantity on one line,
 * from 30 % to 50 % of the column; the names take the rest. */
static int
shop_columns(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, struct shop_geom *g)
{
	char q[3 * sizeof(p->shop[0].quantity)];
	int i, w, widest = 0;

	for (i = 0; i < p->nshop; i++) {
		keep_figures(q, sizeof(q), p->shop[i].quantity);
		if ((w = cz_render_text_width(f->bold, g->size, q,
		    strlen(q))) < 0) {
			snprintf(fr->err, fr->errlen, "FreeType cannot measure "
			    "\"%.40s\"", q);
			return -1;
		}
		if (w > widest)
			widest = w;
	}
	g->qtyw = widest + 2;
	if (g->qtyw < g->colw * 30 / 100)
		g->qtyw = g->colw * 30 / 100;
	if (g->qtyw > g->colw / 2)
		g->qtyw = g->colw / 2;
	g->qtyx = g->colw - g->qtyw;
	g->namew = g->qtyx - g->colw * 3 / 100;
	return 0;
}

/* One row's layouts and height; returns CZ_FIT_OK, CZ_FIT_TOO_BIG or -1. */
static int
shop_row(struct frame *fr, const struct cz_render_fonts *f,
    const struct shop_geom *g, const char *name, const char *qty,
    struct cz_render_layout *ln, struct cz_render_layout *lq, int *h)
{
	int rc, rq = CZ_FIT_OK, n;
	int hmax = SHOP_LINES * g->lineh;

	if (qty == NULL) {
		rc = fit(fr, f->bold, name, g->colw, hmax, g->size, g->size,
		    SHOP_LINES, CZ_TEXT_SHOP, ln);
		n = ln->nlines;
	} else {
		rc = fit(fr, f->regular, name, g->namew, hmax, g->size, g->size,
		    SHOP_LINES, CZ_TEXT_SHOP, ln);
		if (rc >= 0)
			rq = fit(fr, f->bold, qty, g->qtyw, hmax, g->size,
			    g->size, SHOP_LINES, CZ_TEXT_SHOP, lq);
		n = ln->nlines > lq->nlines ? ln->nlines : lq->nlines;
	}
	if (rc < 0 || rq < 0)
		return -1;
	if (n < 1)
		n = 1;
	*h = n * g->lineh + g->rowgap;
	return rc == CZ_FIT_OK && rq == CZ_FIT_OK ? CZ_FIT_OK : CZ_FIT_TOO_BIG;
}

/* 1 when the bracket at s is a short measure: "(150 g)", "(90 %)", not
 * "(12 tortillas)". */
static int
figure_bracket(const char *s)
{
	int k, digit = 0;

	if (*s != '(')
		return 0;
	for (k = 1; k <= 9 && s[k] != '\0' && s[k] != ')'; k++)
		digit |= isdigit((unsigned char)s[k]) != 0;
	return digit && s[k] == ')';
}

/* A text with no-break spaces after its figures and before a bracket
 * holding a figure, so that "1 punnet (150 g) + 1 punnet (500 g)" breaks,
 * if it must, only around "+", and "lean ground beef (90 %)" never leaves
 * "(90 %)" alone. */
static const char *
keep_figures(char *dst, size_t n, const char *q)
{
	size_t i, k = 0;

	for (i = 0; q[i] != '\0' && k + 3 < n; i++)
		if (q[i] == ' ' && ((i > 0 && isdigit((unsigned char)q[i - 1])) ||
		    figure_bracket(q + i + 1))) {
			dst[k++] = '\xc2';
			dst[k++] = '\xa0';
		} else
			dst[k++] = q[i];
	dst[k] = '\0';
	return dst;
}

static int
shop_walk(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int want)
{
	struct shop_geom g;
	struct cz_render_layout ln, lq, nl, nq;
	char more[96], qbuf[3 * sizeof(p->shop[0].quantity)];
	char nbuf[2 * CZ_RENDER_NAME_MAX + 16];
	const char *group = NULL;
	int i, page = 0, col = 0, y, h, hn, asc, rc;

	shop_geom(fr, &g);
	if (cz_render_font_metrics(f->regular, g.size, &asc, &g.lineh) != 0) {
		snprintf(fr->err, fr->errlen, "FreeType cannot set %d px", g.size);
		return -1;
	}
	if (shop_columns(fr, f, p, &g) != 0)
		return -1;
	y = g.top;
	snprintf(more, sizeof(more), "+" NBSP "%d more on your plan page",
	    p->shop_more);
	for (i = 0; i <= p->nshop; i++) {
		const struct cz_render_shop_item *s = i < p->nshop ? &p->shop[i] :
		    NULL;
		int header = s != NULL && (group == NULL ||
		    strcmp(group, s->group) != 0);
		const char *name, *qty;

		if (s == NULL && p->shop_more == 0)
			break;
		if (header) {
			/* The aisle's name, kept with its first food. */
			group = s->group;
			if ((rc = shop_row(fr, f, &g, s->group, NULL, &ln, &lq,
			    &h)) < 0 || shop_row(fr, f, &g, keep_figures(nbuf,
			    sizeof(nbuf), s->food), keep_figures(qbuf,
			    sizeof(qbuf), s->quantity), &nl, &nq, &hn) < 0)
				return -1;
			if (y + h + hn > fr->y1 && y > g.top) {
				if (++col == g.cols) {
					col = 0;
					page++;
				}
				y = g.top;
			}
			if (page == want || fr->seen != NULL)
				if (box_px(fr, f->bold, s->group, fr->x0 + col *
				    (g.colw + g.gap), y, g.colw, h - g.rowgap,
				    g.size, g.size, SHOP_LINES, CZ_TEXT_SHOP,
				    CZ_RENDER_LEFT, 0, COL_MUTED) != 0)
					return -1;
			y += h;
		}
		name = s != NULL ? keep_figures(nbuf, sizeof(nbuf), s->food) : more;
		qty = s != NULL ? keep_figures(qbuf, sizeof(qbuf), s->quantity) :
		    NULL;
		if (shop_row(fr, f, &g, name, qty, &ln, &lq, &h) < 0)
			return -1;
		if (y + h > fr->y1 && y > g.top) {
			if (++col == g.cols) {
				col = 0;
				page++;
			}
			y = g.top;
		}
		if (page == want || fr->seen != NULL) {
			int cx = fr->x0 + col * (g.colw + g.gap);

			if (qty == NULL) {
				if (box_px(fr, f->regular, name, cx, y, g.colw,
				    h - g.rowgap, g.size, g.size, SHOP_LINES,
				    CZ_TEXT_SHOP, CZ_RENDER_LEFT, 0, COL_MUTED) != 0)
					return -1;
			} else if (box_px(fr, f->regular, name, cx, y, g.namew,
			    h - g.rowgap, g.size, g.size, SHOP_LINES, CZ_TEXT_SHOP,
			    CZ_RENDER_LEFT, 0, COL_TEXT) != 0 ||
			    box_px(fr, f->bold, qty, cx + g.qtyx, y, g.qtyw,
			    h - g.rowgap, g.size, g.size, SHOP_LINES, CZ_TEXT_SHOP,
			    CZ_RENDER_RIGHT, 0, COL_ACCENT) != 0)
				return -1;
		}
		y += h;
	}
	return page + 1;
}

int
cz_render_shop_pages(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int W, int H, char *err, size_t errlen)
{
	struct frame fr;
	int n;

	memset(&fr, 0, sizeof(fr));
	frame_init(&fr, W, H);
	fr.err = err;
	fr.errlen = errlen;
	if ((n = shop_walk(&fr, f, p, -1)) < 0)
		return -1;
	if (n > CZ_RENDER_MAX_SHOP_PAGES) {
		snprintf(err, errlen, "the shopping list needs %d cards, more "
		    "than %d", n, CZ_RENDER_MAX_SHOP_PAGES);
		return -1;
	}
	return n;
}

static int
draw_shopping(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, int page)
{
	char line[128], what[48];
	int x = fr->x0, w = AW(fr), pages;
	cz_render_text_seen seen = fr->seen;

	/* The page count without reporting its texts: they are reported
	 * (once) by the walk below. */
	fr->seen = NULL;
	pages = shop_walk(fr, f, p, -2);
	fr->seen = seen;
	if (pages < 0)
		return -1;
	if (box(fr, f->bold, "Shopping list", x, fr->y0, w, AH(fr) * 9 / 100,
	    90, 30, 1, CZ_TEXT_HEAD, CZ_RENDER_LEFT, 1, COL_TEXT) != 0)
		return -1;
	if (p->clip_day > 0)
		snprintf(what, sizeof(what), "for day %d", p->clip_day);
	else
		snprintf(what, sizeof(what), "for all %d days", p->ndays);
	if (pages > 1)
		snprintf(line, sizeof(line), "%s" DOT "%d" NBSP "of" NBSP "%d",
		    what, page + 1, pages);
	else
		snprintf(line, sizeof(line), "%s", what);
	if (box(fr, f->regular, line, x, AY(fr, 95), w, AH(fr) * 6 / 100, 40,
	    CZ_RENDER_MIN_PM, 2, CZ_TEXT_SMALL, CZ_RENDER_LEFT, 1,
	    COL_MUTED) != 0)
		return -1;
	if (p->nshop == 0 && p->shop_more == 0)
		return 0;
	/* When checking, page 0 reports every row of every page. */
	if (fr->seen != NULL && page != 0)
		return 0;
	return shop_walk(fr, f, p, page) < 0 ? -1 : 0;
}

/* The plan's advice on the end card, in the disclaimer's voice: the two
 * most important lines (the vegan line covers B12 and vitamin D), short
 * forms of what the plan's page says (lib/intakes.c). */
static const char *const advice_lines[CZ_RENDER_ADVICE__MAX] = {
	[CZ_RENDER_ADVICE_LOW_ENERGY] = "Under 1,200 kcal a day: only with a "
	    "doctor's or dietitian's supervision.",
	[CZ_RENDER_ADVICE_PREGNANCY] = "Pregnant? Folic acid is usually "
	    "advised; follow your midwife or doctor.",
	[CZ_RENDER_ADVICE_VEGAN] = "Vegan: get vitamin B12 from fortified "
	    "foods or a supplement; watch calcium and vitamin D.",
	[CZ_RENDER_ADVICE_HIGH_ENERGY] = "Over 4,000 kcal a day suits very "
	    "active people.",
	[CZ_RENDER_ADVICE_B12] = "Low in vitamin B12: fortified foods or a "
	    "supplement can help.",
	[CZ_RENDER_ADVICE_VITAMIN_D] = "Food alone rarely gives enough "
	    "vitamin D: fortified foods or a supplement can help.",
};

static void
advice_text(const struct cz_render_plan *p, char *out, size_t outlen)
{
	unsigned int bits = p->advice;
	int k, n = 0;

	out[0] = '\0';
	if (bits & 1u << CZ_RENDER_ADVICE_VEGAN)
		bits &= ~(1u << CZ_RENDER_ADVICE_B12 |
		    1u << CZ_RENDER_ADVICE_VITAMIN_D);
	for (k = 0; k < CZ_RENDER_ADVICE__MAX && n < 2; k++)
		if (bits & 1u << k) {
			snprintf(out + strlen(out), outlen - strlen(out),
			    "%s%s", n > 0 ? " " : "", advice_lines[k]);
			n++;
		}
}

static int
draw_end(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p)
{
	char advice[320];
	int x = fr->x0, w = AW(fr);

	advice_text(p, advice, sizeof(advice));
	if (brand(fr, f) != 0)
		return -1;
	if (box(fr, f->bold, "Important", x, AY(fr, 130), w, AH(fr) * 9 / 100,
	    80, 30, 1, CZ_TEXT_HEAD, CZ_RENDER_CENTER, 1, COL_WARN) != 0)
		return -1;
	if (advice[0] == '\0') {
		if (box(fr, f->regular, CZ_RENDER_DISCLAIMER, x, AY(fr, 240),
		    w, AH(fr) * 50 / 100, 62, CZ_RENDER_BODY_PM, 12,
		    CZ_TEXT_BODY, CZ_RENDER_CENTER, 1, COL_TEXT) != 0)
			return -1;
	} else if (box(fr, f->regular, CZ_RENDER_DISCLAIMER, x, AY(fr, 230),
	    w, AH(fr) * 30 / 100, 56, CZ_RENDER_BODY_PM, 10, CZ_TEXT_BODY,
	    CZ_RENDER_CENTER, 1, COL_TEXT) != 0 ||
	    box(fr, f->regular, advice, x, AY(fr, 545), w, AH(fr) * 22 / 100,
	    48, CZ_RENDER_BODY_PM, 8, CZ_TEXT_BODY, CZ_RENDER_CENTER, 1,
	    COL_WARN) != 0)
		return -1;
	/* The picture set's licence asks for its attribution. */
	return box(fr, f->regular, "Made with Cibozer" DOT "nutrient data: USDA "
	    "SR24" DOT CZ_PICTURE_CREDIT, x, AY(fr, 780), w, AH(fr) * 22 / 100,
	    32, CZ_RENDER_MIN_PM, 5, CZ_TEXT_SMALL, CZ_RENDER_CENTER, 1,
	    COL_MUTED);
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

static int
card(struct frame *fr, const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage)
{
	fill(fr, 0, 0, fr->W, fr->H, COL_BG);
	switch (c->kind) {
	case CZ_CARD_TITLE:
		return draw_title(fr, f, p, c);
	case CZ_CARD_DAY:
		return draw_day(fr, f, p, c, stage);
	case CZ_CARD_MACROS:
		return draw_macros(fr, f, p);
	case CZ_CARD_SHOPPING:
		return draw_shopping(fr, f, p, c->day);
	case CZ_CARD_END:
		return draw_end(fr, f, p);
	}
	snprintf(fr->err, fr->errlen, "unknown card kind %d", (int)c->kind);
	return -1;
}

int
cz_render_card_draw(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage,
    struct cz_render_canvas *canvas, char *err, size_t errlen)
{
	struct frame fr;

	memset(&fr, 0, sizeof(fr));
	frame_init(&fr, canvas->w, canvas->h);
	fr.c = canvas;
	fr.err = err;
	fr.errlen = errlen;
	return card(&fr, f, p, c, stage);
}

int
cz_render_card_check(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage,
    int W, int H, cz_render_text_seen seen, void *arg, char *err,
    size_t errlen)
{
	struct frame fr;

	memset(&fr, 0, sizeof(fr));
	frame_init(&fr, W, H);
	fr.seen = seen;
	fr.seen_arg = arg;
	fr.err = err;
	fr.errlen = errlen;
	return card(&fr, f, p, c, stage);
}

int
cz_render_card_count(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int stage,
    int count, struct cz_render_canvas *canvas, char *err, size_t errlen)
{
	struct frame fr;

	(void)stage;
	memset(&fr, 0, sizeof(fr));
	frame_init(&fr, canvas->w, canvas->h);
	fr.c = canvas;
	fr.err = err;
	fr.errlen = errlen;
	switch (c->kind) {
	case CZ_CARD_DAY:
		return day_energy(&fr, f, &p->days[c->day], count);
	case CZ_CARD_MACROS:
		return macros_count(&fr, f, p, count);
	default:
		return 0;
	}
}

int
cz_render_card_rows(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_card *c, int W,
    int H, struct cz_render_rect rows[CZ_PLAN_MAX_MEALS], char *err,
    size_t errlen)
{
	const struct cz_render_day *d;
	struct frame fr;
	struct day_shape sh;
	int k, nx, ny, nw, nh;

	if (c->kind != CZ_CARD_DAY || c->day < 0 || c->day >= p->ndays)
		return 0;
	d = &p->days[c->day];
	if (d->nmeals < 1)
		return 0;
	memset(&fr, 0, sizeof(fr));
	frame_init(&fr, W, H);
	fr.err = err;
	fr.errlen = errlen;
	if (day_shape(&fr, f, d, &sh) < 0)
		return -1;
	for (k = 0; k < d->nmeals && k < CZ_PLAN_MAX_MEALS; k++) {
		day_row(&fr, &sh, d->nmeals, k, &rows[k].x, &rows[k].y, &nx, &ny,
		    &nw, &nh, &d->meals[k]);
		rows[k].w = sh.rw;
		rows[k].h = sh.rh;
	}
	return k;
}

struct cz_render_color
cz_render_card_bg(void)
{
	return COL_BG;
}
