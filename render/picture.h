/*
 * picture.h - the food pictures of lib/food_pictures.h drawn into video
 * frames: each is the colour glyph of Noto Color Emoji (a 136 x 128 PNG
 * strike that FreeType decodes with FT_LOAD_COLOR), resampled to the size
 * a card asks for with a separable cubic (Catmull-Rom) filter on
 * premultiplied RGBA, clamped to valid premultiplied samples, so a picture drawn three
 * times its size keeps sharp edges without dark or light halos, then
 * blended onto the YUV canvas.
 */
#ifndef CZ_RENDER_PICTURE_H
#define CZ_RENDER_PICTURE_H

#include <stddef.h>
#include <stdint.h>

#include "canvas.h"

struct cz_render_pictures;	/* opaque: a FreeType face and decoded glyphs */

/* Opens the picture font at path (CZ_PICTURE_FONT when NULL). Returns the
 * set, or NULL with a message in err that names the Debian package when
 * the file is missing. Close with cz_render_pictures_close. */
struct cz_render_pictures *cz_render_pictures_open(const char *path,
    char *err, size_t errlen);

/* Frees the set; p may be NULL. */
void cz_render_pictures_close(struct cz_render_pictures *p);

/* Draws the picture of key (food_pictures.h) scaled to fit a size x size
 * square whose top left corner is (x, y), centred in it, onto c. Returns
 * 0, or -1 with a message in err for an unknown key, a glyph the font
 * lacks, a size out of 8..4096 or no memory. */
int cz_render_picture_draw(struct cz_render_pictures *p, const char *key,
    struct cz_render_canvas *c, int x, int y, int size, char *err,
    size_t errlen);

/* The same picture as a new premultiplied RGBA bitmap (*w x *h, 4 * *w
 * bytes a row, the larger side equal to size; free() it) in *px, for
 * the web's PNG files. Returns 0, or -1 with a message in err. */
int cz_render_picture_pixels(struct cz_render_pictures *p, const char *key,
    int size, uint8_t **px, int *w, int *h, char *err, size_t errlen);

#endif
