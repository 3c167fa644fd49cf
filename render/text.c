/*
 * text.c - FreeType text: measuring, greedy word wrap, shrink-to-fit and
 * drawing (see text.h). Measuring and drawing walk the same glyphs with
 * the same hinting, so a width measured here is the width drawn; drawing
 * also clips to the box, so nothing can land outside it.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "text.h"

#define ELLIPSIS	0x2026u		/* … */
#define REPLACEMENT	0xfffdu

struct cz_render_font {
	FT_Library	 lib;
	FT_Face		 face;
	int		 size;		/* current pixel size, 0: none */
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

/* Ink extent of s[0..len) (plus an ellipsis when ell) from a pen at 0:
 * *minx (<= 0) and the returned width, which is measured from *minx.
 * Returns -1 on a FreeType error. */
static int
measure(struct cz_render_font *f, const char *s, size_t len, int ell,
    int *minx)
{
	size_t i = 0;
	long pen = 0, lo = 0, hi = 0;

	for (;;) {
		unsigned cp;
		FT_Glyph_Metrics *m;

		if (i < len)
			cp = next_cp(s, len, &i);
		else if (ell) {
			cp = ELLIPSIS;
			ell = 0;
		} else
			break;
		if (FT_Load_Char(f->face, cp, FT_LOAD_DEFAULT) != 0)
			return -1;
		m = &f->face->glyph->metrics;
		if (m->width > 0) {
			long l = pen + (m->horiBearingX >> 6);
			long r = pen + ((m->horiBearingX + m->width + 63) >> 6);

			if (l < lo)
				lo = l;
			if (r > hi)
				hi = r;
		}
		pen += (f->face->glyph->advance.x + 32) >> 6;
	}
	if (minx != NULL)
		*minx = (int)lo;
	return (int)(hi - lo);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Greedy wrap of text at the current size into at most max_lines lines of
 * max_w pixels. Returns 0 when all of it fits, 1 when more lines would be
 * needed (lines[] then holds the first max_lines), -1 on error. */
static int
wrap(struct cz_render_font *f, const char *text, int max_w, int max_lines,
    struct cz_render_line *lines, int *nlines)
{
	size_t n = strlen(text), pos = 0;

	*nlines = 0;
	while (pos < n && is_space(text[pos]))
		pos++;
	while (pos < n) {
		size_t start = pos, end = pos, best = 0;
		int bestw = 0, w;

		if (*nlines == max_lines)
			return 1;
		/* Add whole words while the line fits. */
		for (;;) {
			size_t we = end;

			while (we < n && is_space(text[we]))
				we++;
			while (we < n && !is_space(text[we]))
				we++;
			if ((w = measure(f, text + start, we - start, 0, NULL)) < 0)
				return -1;
			if (w > max_w)
				break;
			best = we;
			bestw = w;
			end = we;
			if (we == n)
				break;
		}
		if (best == 0) {
			/* The first word alone is too wide: break it between
			 * characters. At least one is taken, so that the wrap
			 * advances; a character wider than the box shows in
			 * the line's width and the caller rejects the size. */
			size_t i = start;

			while (i < n && !is_space(text[i])) {
				size_t j = i;

				(void)next_cp(text, n, &j);
				if ((w = measure(f, text + start, j - start, 0, NULL)) < 0)
					return -1;
				if (w > max_w && best != 0)
					break;
				best = j;
				bestw = w;
				i = j;
				if (w > max_w)
					break;
			}
		}
		lines[*nlines].s = text + start;
		lines[*nlines].len = best - start;
		lines[*nlines].width = bestw;
		lines[*nlines].ellipsis = 0;
		(*nlines)++;
		pos = best;
		while (pos < n && is_space(text[pos]))
			pos++;
	}
	return 0;
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
	return measure(f, s, len, 0, NULL);
}

/* Cuts line l (the last one) so that it and an ellipsis fit max_w. */
static int
ellipsize(struct cz_render_font *f, struct cz_render_line *l, int max_w)
{
	size_t len = l->len;
	int w;

	for (;;) {
		while (len > 0 && is_space(l->s[len - 1]))
			len--;
		if ((w = measure(f, l->s, len, 1, NULL)) < 0)
			return -1;
		if (w <= max_w)
			break;
		if (len == 0)
			return -1;
		/* Back off one code point. */
		len--;
		while (len > 0 && ((unsigned char)l->s[len] & 0xc0) == 0x80)
			len--;
	}
	l->len = len;
	l->width = w;
	l->ellipsis = 1;
	return 0;
}

int
cz_render_text_fit(struct cz_render_font *f, const char *text, int max_w,
    int max_h, int max_size, int min_size, int max_lines,
    struct cz_render_layout *out)
{
	int size, rc, allowed = 0, i;

	memset(out, 0, sizeof(*out));
	if (max_lines > CZ_RENDER_MAX_LINES)
		max_lines = CZ_RENDER_MAX_LINES;
	if (min_size < 1 || max_size < min_size || max_w < 1 || max_lines < 1)
		return -1;
	for (size = max_size;; ) {
		FT_Size_Metrics *m;
		int asc, desc;

		if (set_size(f, size) != 0)
			return -1;
		m = &f->face->size->metrics;
		asc = (int)((m->ascender + 63) >> 6);
		desc = (int)((-m->descender + 63) >> 6);
		out->size = size;
		out->ascent = asc;
		out->line_height = (int)((m->height + 63) >> 6);
		if (out->line_height < asc + desc)
			out->line_height = asc + desc;
		allowed = max_h / out->line_height;
		if (allowed > max_lines)
			allowed = max_lines;
		if (allowed > 0) {
			rc = wrap(f, text, max_w, allowed, out->lines, &out->nlines);
			if (rc < 0)
				return -1;
			for (i = 0; rc == 0 && i < out->nlines; i++)
				if (out->lines[i].width > max_w)
					rc = 1;
			if (rc == 0)
				break;
		}
		if (size == min_size) {
			if (allowed == 0) {
				out->nlines = 0;
				return -1;
			}
			/* Keep what fits, with an ellipsis at the end. */
			out->truncated = 1;
			if (ellipsize(f, &out->lines[out->nlines - 1], max_w) != 0) {
				out->nlines = 0;
				return -1;
			}
			break;
		}
		size = size * 15 / 16;
		if (size < min_size)
			size = min_size;
	}
	for (i = 0; i < out->nlines; i++)
		if (out->lines[i].width > out->width)
			out->width = out->lines[i].width;
	out->height = out->nlines * out->line_height;
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
		int minx, ell = ln->ellipsis, baseline;
		long pen;
		size_t k = 0;

		if (measure(f, ln->s, ln->len, ln->ellipsis, &minx) < 0)
			return -1;
		pen = x - minx;
		if (align == CZ_RENDER_CENTER)
			pen += (w - ln->width) / 2;
		else if (align == CZ_RENDER_RIGHT)
			pen += w - ln->width;
		baseline = y + i * l->line_height + l->ascent;
		for (;;) {
			unsigned cp;
			FT_GlyphSlot g;

			if (k < ln->len)
				cp = next_cp(ln->s, ln->len, &k);
			else if (ell) {
				cp = ELLIPSIS;
				ell = 0;
			} else
				break;
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
