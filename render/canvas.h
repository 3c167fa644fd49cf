/*
 * canvas.h - a frame-sized picture in planar YUV 4:2:0 (limited range,
 * BT.601), the form the encoder takes, so a composed card is copied into
 * encoder frames without conversion. Drawing is exact integer arithmetic:
 * the same card always gives the same bytes, so static frames are
 * bit-identical and cost the encoder next to nothing.
 */
#ifndef CZ_RENDER_CANVAS_H
#define CZ_RENDER_CANVAS_H

#include <stdint.h>

struct cz_render_color {
	uint8_t		 y, u, v;
};

struct cz_render_canvas {
	int		 w, h;		/* even */
	uint8_t		*plane[3];	/* Y (w x h), U and V (w/2 x h/2) */
};

/* The limited-range BT.601 colour of an sRGB triplet. */
struct cz_render_color cz_render_rgb(int r, int g, int b);

/* Allocates a w x h canvas (both even, > 0). Returns 0, or -1 when out of
 * memory or the size is invalid. Free with cz_render_canvas_free. */
int cz_render_canvas_init(struct cz_render_canvas *c, int w, int h);

/* Frees the planes; c may be zeroed or already freed. */
void cz_render_canvas_free(struct cz_render_canvas *c);

/* Fills the rectangle [x, x+w) x [y, y+h), clipped to the canvas. Odd
 * edges are rounded outward for the chroma planes. */
void cz_render_canvas_fill(struct cz_render_canvas *c, int x, int y,
    int w, int h, struct cz_render_color col);

/* Copies src (same size as dst) into dst. */
void cz_render_canvas_copy(struct cz_render_canvas *dst,
    const struct cz_render_canvas *src);

/* Blends a coverage bitmap (0 = none, 255 = full; pitch bytes a row) onto
 * the canvas at (x, y) in colour col, clipped to the canvas and to the
 * clip rectangle [cx0, cx1) x [cy0, cy1). */
void cz_render_canvas_blend(struct cz_render_canvas *c, const uint8_t *cov,
    int pitch, int bw, int bh, int x, int y, struct cz_render_color col,
    int cx0, int cy0, int cx1, int cy1);

/* Blends a bitmap of premultiplied RGBA pixels (R, G, B, A bytes; pitch
 * bytes a row; bw x bh) onto the canvas at (x, y), clipped to the canvas:
 * the food pictures, which carry their own colours. */
void cz_render_canvas_blend_rgba(struct cz_render_canvas *c,
    const uint8_t *px, int pitch, int bw, int bh, int x, int y);

/* Writes canvas a displaced by dx pixels (to the right when > 0; even,
 * so the chroma planes move with the luma) and blended over the uniform
 * background bg by alpha/256, then faded to black by fade/256 (256: no
 * fade), into the planes data[] of an encoder frame of a's size. What
 * moves in from outside the canvas is bg. The card's slides. */
void cz_render_canvas_shift(const struct cz_render_canvas *a, int dx,
    int alpha, struct cz_render_color bg, int fade, uint8_t *const data[3],
    const int linesize[3]);

/* Over planes data[] that hold canvas a at rest: the rectangle
 * [x, x+w) x [y, y+h) of a (even edges) displaced by dx (even) and
 * blended over bg by alpha/256; the part of the rectangle's rows it moved
 * away from, and a beyond the rectangle on those rows, show bg. The meal
 * rows' slides. */
void cz_render_canvas_layer(const struct cz_render_canvas *a, int x, int y,
    int w, int h, int dx, int alpha, struct cz_render_color bg,
    uint8_t *const data[3], const int linesize[3]);

#endif
