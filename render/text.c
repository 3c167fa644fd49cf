/*
 * text.c - FreeType text: measuring and drawing (see text.h). Measuring
 * and drawing walk the same glyphs with the same hinting, so a width
 * measured here is the width drawn; drawing also clips to the box, so
 * nothing can land outside it. The metrics of Latin-1 glyphs are kept
 * per pixel size: fitting measures the same text at many sizes and
 * widths, and loading a hinted glyph each time was most of its cost.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "text.h"

#define REPLACEMENT	0xfffdu
#define CACHE_SIZES	64		/* pixel sizes kept, by size % 64 */
#define CACHE_CPS	256		/* code points kept: Latin-1 */

/* The hinted metrics of one glyph at one size, in whole pixels. */
struct glyph_m {
	short		 advance;
	short		 left, right;	/* ink from the pen; left == right: none */
};

struct size_cache {
	int		 size;		/* 0: empty */
	unsigned char	 have[CACHE_CPS];
	struct glyph_m	 g[CACHE_CPS];
};

struct cz_render_font {
	FT_Library	 lib;
	FT_Face		 face;
	int		 size;		/* current pixel size, 0: none */
	struct size_cache cache[CACHE_SIZES];
};

/* Decodes the code point at s[*i] (n bytes in all) and advances *i; an
 * ill-formed sequence gives U+FFFD and advances one byte. */
static unsigned
next_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i, len, k;
	unsigned cp, min;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2; cp = p[0] & 0x1fu; min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3; cp = p[0] & 0x0fu; min = 0x800;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4; cp = p[0] & 0x07u; min = 0x10000;
	} else {
		(*i)++;
		return REPLACEMENT;
	}
	if (len > left) {
		(*i)++;
		return REPLACEMENT;
	}
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xc0) != 0x80) {
			(*i)++;
			return REPLACEMENT;
		}
		cp = (cp << 6) | (p[k] & 0x3fu);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		(*i)++;
		return REPLACEMENT;
	}
	*i += len;
	return cp;
}

static int
set_size(struct cz_render_font *f, int size)
{
	if (size < 1)
		return -1;
	if (f->size == size)
		return 0;
	if (FT_Set_Pixel_Sizes(f->face, 0, (FT_UInt)size) != 0)
		return -1;
	f->size = size;
	return 0;
}

/* The metrics of code point cp at the current size, from the cache when
 * it can be. Returns -1 on a FreeType error. */
static int
glyph(struct cz_render_font *f, unsigned cp, struct glyph_m *out)
{
	struct size_cache *c = &f->cache[f->size % CACHE_SIZES];
	FT_Glyph_Metrics *m;

	if (cp < CACHE_CPS && c->size == f->size && c->have[cp]) {
		*out = c->g[cp];
		return 0;
	}
	if (FT_Load_Char(f->face, cp, FT_LOAD_DEFAULT) != 0)
		return -1;
	m = &f->face->glyph->metrics;
	out->advance = (short)((f->face->glyph->advance.x + 32) >> 6);
	out->left = out->right = 0;
	if (m->width > 0) {
		out->left = (short)(m->horiBearingX >> 6);
		out->right = (short)((m->horiBearingX + m->width + 63) >> 6);
	}
	if (cp < CACHE_CPS) {
		if (c->size != f->size) {
			memset(c->have, 0, sizeof(c->have));
			c->size = f->size;
		}
		c->g[cp] = *out;
		c->have[cp] = 1;
	}
	return 0;
}

/* Ink extent of s[0..len) from a pen at 0 at the current size: *minx
 * (<= 0) and the returned width, which is measured from *minx. Returns -1
 * on a FreeType error. */
static int
measure(struct cz_render_font *f, const char *s, size_t len, int *minx)
{
	size_t i = 0;
	long pen = 0, lo = 0, hi = 0;
	struct glyph_m g;

	while (i < len) {
		if (glyph(f, next_cp(s, len, &i), &g) != 0)
			return -1;
		if (g.left != g.right) {
			if (pen + g.left < lo)
				lo = pen + g.left;
			if (pen + g.right > hi)
				hi = pen + g.right;
		}
		pen += g.advance;
	}
	if (minx != NULL)
		*minx = (int)lo;
	return (int)(hi - lo);
}

struct cz_render_font *
cz_render_font_open(const char *path, char *err, size_t errlen)
{
	struct cz_render_font *f;
	FT_Error e;

	if ((f = calloc(1, sizeof(*f))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if ((e = FT_Init_FreeType(&f->lib)) != 0) {
		snprintf(err, errlen, "FreeType initialisation failed (error %d)", e);
		goto err;
	}
	if ((e = FT_New_Face(f->lib, path, 0, &f->face)) != 0) {
		snprintf(err, errlen, "cannot load the font %s (FreeType error %d)",
		    path, e);
		goto err;
	}
	if (!FT_IS_SCALABLE(f->face)) {
		snprintf(err, errlen, "the font %s is not scalable", path);
		goto err;
	}
	return f;
err:
	cz_render_font_close(f);
	return NULL;
}

void
cz_render_font_close(struct cz_render_font *f)
{
	if (f == NULL)
		return;
	if (f->face != NULL)
		FT_Done_Face(f->face);
	if (f->lib != NULL)
		FT_Done_FreeType(f->lib);
	free(f);
}

int
cz_render_text_width(struct cz_render_font *f, int size, const char *s,
    size_t len)
{
	if (set_size(f, size) != 0)
		return -1;
	return measure(f, s, len, NULL);
}

int
cz_render_text_measure(struct cz_render_font *f, int size, const char *s,
    size_t len, int *minx)
{
	if (set_size(f, size) != 0)
		return -1;
	return measure(f, s, len, minx);
}

int
cz_render_font_metrics(struct cz_render_font *f, int size, int *ascent,
    int *line_height)
{
	FT_Size_Metrics *m;
	int desc;

	if (set_size(f, size) != 0)
		return -1;
	m = &f->face->size->metrics;
	*ascent = (int)((m->ascender + 63) >> 6);
	desc = (int)((-m->descender + 63) >> 6);
	*line_height = (int)((m->height + 63) >> 6);
	if (*line_height < *ascent + desc)
		*line_height = *ascent + desc;
	return 0;
}

int
cz_render_text_draw(struct cz_render_font *f, const struct cz_render_layout *l,
    struct cz_render_canvas *c, int x, int y, int w, int h,
    enum cz_render_align align, struct cz_render_color col)
{
	int i;

	if (l->nlines == 0)
		return 0;
	if (set_size(f, l->size) != 0)
		return -1;
	for (i = 0; i < l->nlines; i++) {
		const struct cz_render_line *ln = &l->lines[i];
		int minx, baseline;
		long pen;
		size_t k = 0;

		if (measure(f, ln->s, ln->len, &minx) < 0)
			return -1;
		pen = x - minx;
		if (align == CZ_RENDER_CENTER)
			pen += (w - ln->width) / 2;
		else if (align == CZ_RENDER_RIGHT)
			pen += w - ln->width;
		baseline = y + i * l->line_height + l->ascent;
		while (k < ln->len) {
			unsigned cp = next_cp(ln->s, ln->len, &k);
			FT_GlyphSlot g;

			if (FT_Load_Char(f->face, cp, FT_LOAD_RENDER) != 0)
				return -1;
			g = f->face->glyph;
			if (g->bitmap.pixel_mode == FT_PIXEL_MODE_GRAY &&
			    g->bitmap.width > 0)
				cz_render_canvas_blend(c, g->bitmap.buffer,
				    g->bitmap.pitch, (int)g->bitmap.width,
				    (int)g->bitmap.rows, (int)pen + g->bitmap_left,
				    baseline - g->bitmap_top, col, x, y, x + w, y + h);
			pen += (g->advance.x + 32) >> 6;
		}
	}
	return 0;
}
