/*
 * picture.c - food pictures from the colour emoji font (see picture.h).
 * A glyph is decoded once per key and kept for the life of the set; a
 * drawing resamples it to the asked size (a card is drawn once per
 * stage, not once per frame, so this costs a few milliseconds a video).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "food_pictures.h"
#include "picture.h"

struct glyph {
	int		 loaded;
	int		 w, h;
	uint8_t		*px;		/* premultiplied RGBA, w * 4 a row */
};

struct cz_render_pictures {
	FT_Library	 lib;
	FT_Face		 face;
	size_t		 n;		/* the set's size */
	struct glyph	*glyphs;	/* by index in the set */
};

struct cz_render_pictures *
cz_render_pictures_open(const char *path, char *err, size_t errlen)
{
	struct cz_render_pictures *p;
	int i, best = 0;

	if (path == NULL)
		path = CZ_PICTURE_FONT;
	if ((p = calloc(1, sizeof(*p))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	cz_picture_set(&p->n);
	if ((p->glyphs = calloc(p->n, sizeof(*p->glyphs))) == NULL ||
	    FT_Init_FreeType(&p->lib) != 0) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	if (FT_New_Face(p->lib, path, 0, &p->face) != 0) {
		snprintf(err, errlen, "cannot open the food picture font %s "
		    "(Debian package fonts-noto-color-emoji)", path);
		goto err;
	}
	if (!FT_HAS_COLOR(p->face) || p->face->num_fixed_sizes < 1) {
		snprintf(err, errlen, "%s is not a colour bitmap font", path);
		goto err;
	}
	/* The largest strike: the sharpest source to scale from. */
	for (i = 1; i < p->face->num_fixed_sizes; i++)
		if (p->face->available_sizes[i].height >
		    p->face->available_sizes[best].height)
			best = i;
	if (FT_Select_Size(p->face, best) != 0) {
		snprintf(err, errlen, "%s: cannot select its bitmap strike", path);
		goto err;
	}
	return p;
err:
	cz_render_pictures_close(p);
	return NULL;
}

void
cz_render_pictures_close(struct cz_render_pictures *p)
{
	size_t i;

	if (p == NULL)
		return;
	if (p->glyphs != NULL)
		for (i = 0; i < p->n; i++)
			free(p->glyphs[i].px);
	free(p->glyphs);
	if (p->face != NULL)
		FT_Done_Face(p->face);
	if (p->lib != NULL)
		FT_Done_FreeType(p->lib);
	free(p);
}

/* Decodes the glyph of set entry k into p->glyphs[k]. Returns 0 or -1. */
static int
load(struct cz_render_pictures *p, size_t k, const struct cz_picture *pic,
    char *err, size_t errlen)
{
	struct glyph *g = &p->glyphs[k];
	FT_Bitmap *bm;
	FT_UInt gi;
	int x, y;

	if ((gi = FT_Get_Char_Index(p->face, pic->cp)) == 0 ||
	    FT_Load_Glyph(p->face, gi, FT_LOAD_COLOR) != 0 ||
	    p->face->glyph->bitmap.pixel_mode != FT_PIXEL_MODE_BGRA) {
		snprintf(err, errlen, "the picture font has no colour glyph "
		    "for \"%s\" (U+%04X)", pic->key, (unsigned)pic->cp);
		return -1;
	}
	bm = &p->face->glyph->bitmap;
	g->w = (int)bm->width;
	g->h = (int)bm->rows;
	if (g->w < 1 || g->h < 1 ||
	    (g->px = malloc((size_t)g->w * (size_t)g->h * 4)) == NULL) {
		snprintf(err, errlen, "cannot decode \"%s\"", pic->key);
		return -1;
	}
	/* FreeType's BGRA is premultiplied already: only reorder. */
	for (y = 0; y < g->h; y++) {
		const uint8_t *s = bm->buffer + (ptrdiff_t)y * bm->pitch;
		uint8_t *d = g->px + (size_t)y * g->w * 4;

		for (x = 0; x < g->w; x++) {
			d[4 * x] = s[4 * x + 2];
			d[4 * x + 1] = s[4 * x + 1];
			d[4 * x + 2] = s[4 * x];
			d[4 * x + 3] = s[4 * x + 3];
		}
	}
	g->loaded = 1;
	return 0;
}

/* The Catmull-Rom cubic at t. */
static double
cubic(double t)
{
	t = fabs(t);
	if (t < 1)
		return 1.5 * t * t * t - 2.5 * t * t + 1;
	if (t < 2)
		return -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2;
	return 0;
}

/*
 * Resamples a line of n samples of 4 channels (sstride floats apart) to
 * m samples (dstride apart): the filter's support widens by the
 * reduction when shrinking, so a smaller picture is averaged, not
 * aliased.
 */
static void
resample_line(const float *in, int n, int sstride, float *out, int m,
    int dstride)
{
	double scale = (double)m / n, support = scale < 1 ? 2 / scale : 2;
	double fs = scale < 1 ? scale : 1;
	int o, i, c;

	for (o = 0; o < m; o++) {
		double centre = (o + 0.5) / scale - 0.5, acc[4] = { 0 }, wsum = 0;
		int lo = (int)floor(centre - support) + 1;
		int hi = (int)floor(centre + support);

		for (i = lo; i <= hi; i++) {
			double w = cubic((i - centre) * fs);
			int si = i < 0 ? 0 : i >= n ? n - 1 : i;

			if (w == 0)
				continue;
			wsum += w;
			for (c = 0; c < 4; c++)
				acc[c] += w * in[(size_t)si * sstride + c];
		}
		for (c = 0; c < 4; c++)
			out[(size_t)o * dstride + c] =
			    (float)(wsum != 0 ? acc[c] / wsum : 0);
	}
}

/* Clamps a premultiplied sample to a valid one: alpha in 0..255, colour
 * at most alpha (the cubic's overshoot otherwise shows as halos). */
static void
store(const float *s, uint8_t *d)
{
	double a = s[3] < 0 ? 0 : s[3] > 255 ? 255 : s[3];
	int c;

	d[3] = (uint8_t)lround(a);
	for (c = 0; c < 3; c++) {
		double v = s[c] < 0 ? 0 : s[c] > d[3] ? d[3] : s[c];

		d[c] = (uint8_t)lround(v);
	}
}

int
cz_render_picture_pixels(struct cz_render_pictures *p, const char *key,
    int size, uint8_t **px, int *pw, int *ph, char *err, size_t errlen)
{
	const struct cz_picture *set, *pic = cz_picture_by_key(key);
	struct glyph *g;
	float *src = NULL, *mid = NULL, *col = NULL, *res = NULL;
	uint8_t *out = NULL;
	size_t k, n;
	int dw, dh, i, j;

	*px = NULL;
	if (pic == NULL) {
		snprintf(err, errlen, "no food picture \"%.40s\"", key ? key : "");
		return -1;
	}
	if (size < 8 || size > 4096) {
		snprintf(err, errlen, "picture size %d out of range", size);
		return -1;
	}
	set = cz_picture_set(&n);
	k = (size_t)(pic - set);
	g = &p->glyphs[k];
	if (!g->loaded && load(p, k, pic, err, errlen) != 0)
		return -1;
	if (g->w >= g->h) {
		dw = size;
		dh = (int)lround((double)size * g->h / g->w);
	} else {
		dh = size;
		dw = (int)lround((double)size * g->w / g->h);
	}
	if (dw < 1)
		dw = 1;
	if (dh < 1)
		dh = 1;
	src = malloc((size_t)g->w * g->h * 4 * sizeof(float));
	mid = malloc((size_t)dw * g->h * 4 * sizeof(float));
	col = malloc((size_t)(g->h > dh ? g->h : dh) * 4 * sizeof(float));
	res = malloc((size_t)dh * 4 * sizeof(float));
	out = malloc((size_t)dw * dh * 4);
	if (src == NULL || mid == NULL || col == NULL || res == NULL ||
	    out == NULL) {
		snprintf(err, errlen, "out of memory for a %d px picture", size);
		free(out);
		out = NULL;
		goto done;
	}
	for (i = 0; i < g->w * g->h * 4; i++)
		src[i] = g->px[i];
	/* Rows, then columns (through a contiguous column buffer). */
	for (j = 0; j < g->h; j++)
		resample_line(src + (size_t)j * g->w * 4, g->w, 4,
		    mid + (size_t)j * dw * 4, dw, 4);
	for (i = 0; i < dw; i++) {
		for (j = 0; j < g->h; j++)
			memcpy(col + (size_t)j * 4, mid + ((size_t)j * dw + i) * 4,
			    4 * sizeof(float));
		resample_line(col, g->h, 4, res, dh, 4);
		for (j = 0; j < dh; j++)
			store(res + (size_t)j * 4, out + ((size_t)j * dw + i) * 4);
	}
	*px = out;
	*pw = dw;
	*ph = dh;
done:
	free(src);
	free(mid);
	free(col);
	free(res);
	return out != NULL ? 0 : -1;
}

int
cz_render_picture_draw(struct cz_render_pictures *p, const char *key,
    struct cz_render_canvas *c, int x, int y, int size, char *err,
    size_t errlen)
{
	uint8_t *px;
	int w, h;

	if (cz_render_picture_pixels(p, key, size, &px, &w, &h, err,
	    errlen) != 0)
		return -1;
	cz_render_canvas_blend_rgba(c, px, w * 4, w, h, x + (size - w) / 2,
	    y + (size - h) / 2);
	free(px);
	return 0;
}
