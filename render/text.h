/*
 * text.h - text with FreeType: a face, measuring, greedy word wrap,
 * shrink-to-fit into a box and drawing onto a canvas. A layout never
 * reaches outside its box: words wider than the box are broken between
 * characters, and text that does not fit at the smallest size is cut with
 * an ellipsis on its last line.
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
	int		 width;		/* ink width in pixels, ellipsis included */
	int		 ellipsis;	/* 1: draw "…" after the len bytes */
};

struct cz_render_layout {
	int		 size;		/* pixel size chosen */
	int		 line_height;
	int		 ascent;
	int		 nlines;
	int		 width;		/* widest line */
	int		 height;	/* nlines * line_height */
	int		 truncated;	/* 1: the text did not fit at min size */
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

/* Lays text out in a box of max_w x max_h pixels, in at most max_lines
 * lines (<= CZ_RENDER_MAX_LINES): the largest pixel size from max_size down
 * to min_size at which the wrapped text fits; when none does, min_size
 * with the lines that fit and an ellipsis. text must outlive the layout.
 * Returns 0, or -1 on a FreeType error or a box too small for one line at
 * min_size (then nothing fits and out->nlines is 0). */
int cz_render_text_fit(struct cz_render_font *f, const char *text,
    int max_w, int max_h, int max_size, int min_size, int max_lines,
    struct cz_render_layout *out);

/* Draws a layout made by cz_render_text_fit for this font into the box at
 * (x, y) of size w x h, each line aligned as asked, in colour col; nothing
 * is drawn outside the box. Returns 0, or -1 on a FreeType error. */
int cz_render_text_draw(struct cz_render_font *f,
    const struct cz_render_layout *l, struct cz_render_canvas *c, int x,
    int y, int w, int h, enum cz_render_align align,
    struct cz_render_color col);

#endif
