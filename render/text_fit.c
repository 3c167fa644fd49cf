/*
 * text_fit.c - wrap and shrink a text into a box (see text_fit.h). The
 * wrap is greedy on spaces at one size; the sizes are tried from the
 * largest down in steps of a sixteenth, so the result is the largest
 * size (to that step) at which the text fits.
 */
#include "config.h"

#include <string.h>

#include "text_fit.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Greedy wrap of text at pixel size size into at most max_lines lines of
 * max_w pixels. Returns 0 when all of it fits, 1 when it does not (more
 * lines needed, or a word wider than the box), -1 on error. */
static int
wrap(struct cz_render_font *f, int size, const char *text, int max_w,
    int max_lines, struct cz_render_line *lines, int *nlines)
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
			if ((w = cz_render_text_measure(f, size, text + start,
			    we - start, NULL)) < 0)
				return -1;
			if (w > max_w)
				break;
			best = we;
			bestw = w;
			end = we;
			if (we == n)
				break;
		}
		if (best == 0)
			return 1;	/* the first word alone is too wide */
		lines[*nlines].s = text + start;
		lines[*nlines].len = best - start;
		lines[*nlines].width = bestw;
		(*nlines)++;
		pos = best;
		while (pos < n && is_space(text[pos]))
			pos++;
	}
	return 0;
}

int
cz_render_text_fit(struct cz_render_font *f, const char *text, int max_w,
    int max_h, int max_size, int min_size, int max_lines,
    struct cz_render_layout *out)
{
	int size, rc = 1, allowed, i;

	memset(out, 0, sizeof(*out));
	if (max_lines > CZ_RENDER_MAX_LINES)
		max_lines = CZ_RENDER_MAX_LINES;
	if (min_size < 1 || max_size < min_size || max_w < 1 || max_h < 1 ||
	    max_lines < 1)
		return -1;
	for (size = max_size;; ) {
		if (cz_render_font_metrics(f, size, &out->ascent,
		    &out->line_height) != 0)
			return -1;
		out->size = size;
		out->nlines = 0;
		allowed = max_h / out->line_height;
		if (allowed > max_lines)
			allowed = max_lines;
		if (allowed > 0 && (rc = wrap(f, size, text, max_w, allowed,
		    out->lines, &out->nlines)) < 0)
			return -1;
		if (allowed > 0 && rc == 0)
			break;
		if (size == min_size) {
			rc = CZ_FIT_TOO_BIG;
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
	return rc == 0 ? CZ_FIT_OK : CZ_FIT_TOO_BIG;
}
