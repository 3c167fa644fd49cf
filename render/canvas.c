/*
 * canvas.c - planar YUV 4:2:0 pictures: allocation, rectangles, glyph
 * blending and the per-frame moves of cards and meal rows (slid whole
 * even pixels, blended over the background, faded to black). See
 * canvas.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "canvas.h"

/* Black in limited range. */
static const struct cz_render_color black = { 16, 128, 128 };

static int
clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

struct cz_render_color
cz_render_rgb(int r, int g, int b)
{
	struct cz_render_color c;

	/* BT.601, limited range, fixed point with rounding. */
	c.y = (uint8_t)clampi(16 + ((66 * r + 129 * g + 25 * b + 128) >> 8), 16, 235);
	c.u = (uint8_t)clampi(128 + ((-38 * r - 74 * g + 112 * b + 128) >> 8), 16, 240);
	c.v = (uint8_t)clampi(128 + ((112 * r - 94 * g - 18 * b + 128) >> 8), 16, 240);
	return c;
}

int
cz_render_canvas_init(struct cz_render_canvas *c, int w, int h)
{
	size_t ysz, csz;

	memset(c, 0, sizeof(*c));
	if (w <= 0 || h <= 0 || w % 2 || h % 2 || w > 8192 || h > 8192)
		return -1;
	ysz = (size_t)w * (size_t)h;
	csz = ysz / 4;
	if ((c->plane[0] = malloc(ysz + 2 * csz)) == NULL)
		return -1;
	c->plane[1] = c->plane[0] + ysz;
	c->plane[2] = c->plane[1] + csz;
	c->w = w;
	c->h = h;
	return 0;
}

void
cz_render_canvas_free(struct cz_render_canvas *c)
{
	free(c->plane[0]);
	memset(c, 0, sizeof(*c));
}

void
cz_render_canvas_fill(struct cz_render_canvas *c, int x, int y, int w, int h,
    struct cz_render_color col)
{
	int x0 = clampi(x, 0, c->w), x1 = clampi(x + w, 0, c->w);
	int y0 = clampi(y, 0, c->h), y1 = clampi(y + h, 0, c->h);
	int row, cw = c->w / 2;

	if (x0 >= x1 || y0 >= y1)
		return;
	for (row = y0; row < y1; row++)
		memset(c->plane[0] + (size_t)row * c->w + x0, col.y, (size_t)(x1 - x0));
	x0 /= 2;
	y0 /= 2;
	x1 = (x1 + 1) / 2;
	y1 = (y1 + 1) / 2;
	for (row = y0; row < y1; row++) {
		memset(c->plane[1] + (size_t)row * cw + x0, col.u, (size_t)(x1 - x0));
		memset(c->plane[2] + (size_t)row * cw + x0, col.v, (size_t)(x1 - x0));
	}
}

void
cz_render_canvas_copy(struct cz_render_canvas *dst,
    const struct cz_render_canvas *src)
{
	size_t n = (size_t)src->w * (size_t)src->h;

	memcpy(dst->plane[0], src->plane[0], n + n / 2);
}

void
cz_render_canvas_blend(struct cz_render_canvas *c, const uint8_t *cov,
    int pitch, int bw, int bh, int x, int y, struct cz_render_color col,
    int cx0, int cy0, int cx1, int cy1)
{
	int i, j, cw = c->w / 2;

	cx0 = clampi(cx0, 0, c->w);
	cx1 = clampi(cx1, 0, c->w);
	cy0 = clampi(cy0, 0, c->h);
	cy1 = clampi(cy1, 0, c->h);
	for (j = 0; j < bh; j++) {
		int py = y + j;

		if (py < cy0 || py >= cy1)
			continue;
		for (i = 0; i < bw; i++) {
			int px = x + i, a = cov[(size_t)j * pitch + i];
			uint8_t *p;

			if (a == 0 || px < cx0 || px >= cx1)
				continue;
			p = c->plane[0] + (size_t)py * c->w + px;
			*p = (uint8_t)(*p + ((col.y - *p) * a + 127) / 255);
			/* One chroma sample per 2x2 block, from its top-left
			 * pixel's coverage. */
			if ((px | py) & 1)
				continue;
			p = c->plane[1] + (size_t)(py / 2) * cw + px / 2;
			*p = (uint8_t)(*p + ((col.u - *p) * a + 127) / 255);
			p = c->plane[2] + (size_t)(py / 2) * cw + px / 2;
			*p = (uint8_t)(*p + ((col.v - *p) * a + 127) / 255);
		}
	}
}

/* One premultiplied sample over a plane value: s + d * (255 - a) / 255,
 * rounded, clamped to [lo, hi]. */
static uint8_t
over(int s, int d, int a, int lo, int hi)
{
	return (uint8_t)clampi(s + (d * (255 - a) + 127) / 255, lo, hi);
}

void
cz_render_canvas_blend_rgba(struct cz_render_canvas *c, const uint8_t *px,
    int pitch, int bw, int bh, int x, int y)
{
	int i, j, bx, by, cw = c->w / 2;

	/* Luma per pixel: the premultiplied colour's luma plus the black
	 * level weighted by coverage, over the canvas. */
	for (j = 0; j < bh; j++) {
		if (y + j < 0 || y + j >= c->h)
			continue;
		for (i = 0; i < bw; i++) {
			const uint8_t *p = px + (size_t)j * pitch + (size_t)i * 4;
			uint8_t *d;
			int s;

			if (x + i < 0 || x + i >= c->w || p[3] == 0)
				continue;
			d = c->plane[0] + (size_t)(y + j) * c->w + (x + i);
			s = ((66 * p[0] + 129 * p[1] + 25 * p[2] + 128) >> 8) +
			    (16 * p[3] + 127) / 255;
			*d = over(s, *d, p[3], 16, 235);
		}
	}
	/* Chroma per 2x2 block: the mean of the block's premultiplied
	 * samples (those outside the bitmap are transparent). */
	for (by = (y < 0 ? 0 : y) / 2; by <= (y + bh - 1) / 2 && by < c->h / 2;
	    by++) {
		for (bx = (x < 0 ? 0 : x) / 2; bx <= (x + bw - 1) / 2 &&
		    bx < cw; bx++) {
			int r = 0, g = 0, b = 0, a = 0, k, su, sv;
			size_t o;

			for (k = 0; k < 4; k++) {
				int pi = 2 * bx + (k & 1) - x, pj = 2 * by + (k >> 1) - y;
				const uint8_t *p;

				if (pi < 0 || pi >= bw || pj < 0 || pj >= bh)
					continue;
				p = px + (size_t)pj * pitch + (size_t)pi * 4;
				r += p[0];
				g += p[1];
				b += p[2];
				a += p[3];
			}
			if (a == 0)
				continue;
			r = (r + 2) / 4;
			g = (g + 2) / 4;
			b = (b + 2) / 4;
			a = (a + 2) / 4;
			su = ((-38 * r - 74 * g + 112 * b + 128) >> 8) +
			    (128 * a + 127) / 255;
			sv = ((112 * r - 94 * g - 18 * b + 128) >> 8) +
			    (128 * a + 127) / 255;
			o = (size_t)by * cw + bx;
			c->plane[1][o] = over(su, c->plane[1][o], a, 16, 240);
			c->plane[2][o] = over(sv, c->plane[2][o], a, 16, 240);
		}
	}
}

/* d[i] for i in [0, n): the source at i - dx where that is in
 * [lo, hi), else bg; blended over bg by alpha/256, then towards black by
 * fade/256. */
static void
moved_row(uint8_t *restrict d, const uint8_t *restrict s, int n, int dx,
    int lo, int hi, int bg, int alpha, int black_v, int fade)
{
	int i, a = clampi(lo + dx, 0, n), b = clampi(hi + dx, 0, n);
	/* The background part: one value. */
	int bgv = (bg * fade + black_v * (256 - fade) + 128) >> 8;
	if (alpha == 256 && fade == 256) {
		memset(d, bg, (size_t)a);
		if (b > a)
			memcpy(d + a, s + a - dx, (size_t)(b - a));
		memset(d + (b > a ? b : a), bg, (size_t)(n - (b > a ? b : a)));
		return;
	}
	memset(d, bgv, (size_t)a);
	for (i = a; i < b; i++) {
		int v = (s[i - dx] * alpha + bg * (256 - alpha) + 128) >> 8;

		d[i] = (uint8_t)((v * fade + black_v * (256 - fade) + 128) >> 8);
	}
	if (b < a)
		b = a;
	memset(d + b, bgv, (size_t)(n - b));
}

void
cz_render_canvas_shift(const struct cz_render_canvas *a, int dx, int alpha,
    struct cz_render_color bg, int fade, uint8_t *const data[3],
    const int linesize[3])
{
	int pl, row;

	alpha = clampi(alpha, 0, 256);
	fade = clampi(fade, 0, 256);
	dx &= ~1;
	for (pl = 0; pl < 3; pl++) {
		int w = pl ? a->w / 2 : a->w, h = pl ? a->h / 2 : a->h;
		int d = pl ? dx / 2 : dx;
		int bk = pl == 0 ? black.y : pl == 1 ? black.u : black.v;
		int bgv = pl == 0 ? bg.y : pl == 1 ? bg.u : bg.v;

		for (row = 0; row < h; row++)
			moved_row(data[pl] + (size_t)row * linesize[pl],
			    a->plane[pl] + (size_t)row * w, w, d, 0, w, bgv,
			    alpha, bk, fade);
	}
}

void
cz_render_canvas_layer(const struct cz_render_canvas *a, int x, int y,
    int w, int h, int dx, int alpha, struct cz_render_color bg,
    uint8_t *const data[3], const int linesize[3])
{
	int pl, row, x0, x1, y0, y1;

	alpha = clampi(alpha, 0, 256);
	dx &= ~1;
	x0 = clampi(x & ~1, 0, a->w);
	y0 = clampi(y & ~1, 0, a->h);
	x1 = clampi((x + w + 1) & ~1, 0, a->w);
	y1 = clampi((y + h + 1) & ~1, 0, a->h);
	if (x0 >= x1 || y0 >= y1)
		return;
	for (pl = 0; pl < 3; pl++) {
		int cw = pl ? a->w / 2 : a->w, s = pl ? 2 : 1;
		int d = dx / s, lo = x0 / s, hi = x1 / s;
		int from = clampi(lo + (d < 0 ? d : 0), 0, cw);
		int to = clampi(hi + (d > 0 ? d : 0), 0, cw), bgv;

		bgv = pl == 0 ? bg.y : pl == 1 ? bg.u : bg.v;
		/* The rectangle's rows, from its or its moved copy's left
		 * edge to the right edge of either. */
		for (row = y0 / s; row < y1 / s; row++)
			moved_row(data[pl] + (size_t)row * linesize[pl] + from,
			    a->plane[pl] + (size_t)row * cw + from, to - from, d,
			    lo - from, hi - from, bgv, alpha, 0, 256);
	}
}
