/*
 * text.h - text with FreeType: a face, measuring (with a cache of glyph
 * metrics per pixel size) and drawing a layout onto a canvas. Fitting a
 * text into a box (wrap and shrink) is text_fit.h's.
 */
#ifndef CZ_RENDER_TEXT_H
#define CZ_RENDER_TEXT_H

#include <stddef.h>

#include "canvas.h"

#define CZ_RENDER_MAX_LINES	16

struct cz_render_font;	/* opaque: a FreeType library and face */

enum cz_render_align {
	CZ_RENDER_LEFT,
	CZ_RENDER_CENTER,
	CZ_RENDER_RIGHT,
};

struct cz_render_line {
	const char	*s;		/* into the laid-out text */
	size_t		 len;
	int		 width;		/* ink width in pixels */
};

struct cz_render_layout {
	int		 size;		/* pixel size chosen */
	int		 line_height;
	int		 ascent;
	int		 nlines;
	int		 width;		/* widest line */
	int		 height;	/* nlines * line_height */
	struct cz_render_line lines[CZ_RENDER_MAX_LINES];
};

/* Opens the font file at path. Returns the font, or NULL with a message in
 * err (errlen bytes). Close with cz_render_font_close. */
struct cz_render_font *cz_render_font_open(const char *path, char *err,
    size_t errlen);

/* Frees the font; f may be NULL. */
void cz_render_font_close(struct cz_render_font *f);

/* The ink width in pixels of the len bytes of UTF-8 at s at pixel size
 * size (ill-formed bytes count as U+FFFD). Returns -1 on a FreeType
 * error. */
int cz_render_text_width(struct cz_render_font *f, int size, const char *s,
    size_t len);

/* The ink extent of the len bytes of UTF-8 at s at pixel size size: the
 * leftmost ink from the pen's start in *minx (<= 0; may be NULL) and the
 * returned width from there. -1 on a FreeType error. */
int cz_render_text_measure(struct cz_render_font *f, int size, const char *s,
    size_t len, int *minx);

/* The ascent and the line height (>= ascent + descent) in pixels at
 * pixel size size. Returns 0, or -1 on a FreeType error. */
int cz_render_font_metrics(struct cz_render_font *f, int size, int *ascent,
    int *line_height);

/* Draws a layout made by cz_render_text_fit (text_fit.h) for this font into the box at
 * (x, y) of size w x h, each line aligned as asked, in colour col; nothing
 * is drawn outside the box. Returns 0, or -1 on a FreeType error. */
int cz_render_text_draw(struct cz_render_font *f,
    const struct cz_render_layout *l, struct cz_render_canvas *c, int x,
    int y, int w, int h, enum cz_render_align align,
    struct cz_render_color col);

#endif
