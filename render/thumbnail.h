/*
 * thumbnail.h - the publish kit's thumbnail (the cover people click):
 * the plan's dish pictures large, a headline that reads at a glance
 * ("7-Day Mediterranean Meal Plan", "2,000 kcal a day") set with FreeType,
 * at the platform's thumbnail size: 1280 x 720 for a landscape preset
 * (YouTube's own size), the frame size for the others (the cover of a
 * vertical or square clip), written as thumbnail.jpg beside the video.
 */
#ifndef CZ_RENDER_THUMBNAIL_H
#define CZ_RENDER_THUMBNAIL_H

#include <stddef.h>

#include "cards.h"
#include "plan.h"
#include "preset.h"

#define CZ_RENDER_THUMBNAIL_FILE	"thumbnail.jpg"

/* The thumbnail's size for preset p in *w and *h. */
void cz_render_thumbnail_size(const struct cz_render_preset *p, int *w,
    int *h);

/* Draws the thumbnail of plan p for preset preset onto a new canvas of
 * cz_render_thumbnail_size and writes it as a JPEG file at path. Returns
 * 0, or -1 with a message in err (a headline that does not fit without
 * an ellipsis is an error, not a cut title). */
int cz_render_thumbnail_write(const struct cz_render_fonts *f,
    const struct cz_render_plan *p, const struct cz_render_preset *preset,
    const char *path, char *err, size_t errlen);

#endif
