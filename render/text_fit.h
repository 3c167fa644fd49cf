/*
 * text_fit.h - fitting a text into a box: measure with FreeType, wrap on
 * word boundaries (spaces; a no-break space U+00A0 keeps "254 g"
 * together), shrink from a largest to a smallest pixel size. Pure: it
 * draws nothing, and it never cuts a text or ends it with "…": a text
 * that does not fit at the smallest size is a failure the caller must
 * answer with another layout (more room, another card). A word is never
 * broken inside.
 */
#ifndef CZ_RENDER_TEXT_FIT_H
#define CZ_RENDER_TEXT_FIT_H

#include "text.h"

/* What cz_render_text_fit found. */
enum cz_render_fit {
	CZ_FIT_OK = 0,		/* every line inside the box */
	CZ_FIT_TOO_BIG = 1	/* not even at min_size (out: that attempt) */
};

/* Lays text out in a box of max_w x max_h pixels, in at most max_lines
 * lines (<= CZ_RENDER_MAX_LINES): the largest pixel size from max_size
 * down to min_size at which the wrapped text fits. text must outlive the
 * layout. Returns CZ_FIT_OK, CZ_FIT_TOO_BIG (out then holds the lines at
 * min_size that did fit, for diagnostics; drawing it would lose text), or
 * -1 on a FreeType error or arguments out of range. */
int cz_render_text_fit(struct cz_render_font *f, const char *text,
    int max_w, int max_h, int max_size, int min_size, int max_lines,
    struct cz_render_layout *out);

#endif
