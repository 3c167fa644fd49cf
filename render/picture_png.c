/*
 * picture_png.c - cibozer-picture-png DIR [SIZE]: writes every picture of
 * the set (lib/food_pictures.h) as DIR/KEY.png, SIZE pixels on its larger
 * side (default 136, the font's own strike: no resampling), straight
 * (not premultiplied) RGBA as PNG wants. The web serves these files from
 * static/img/food/, so the site shows the same pictures as the videos;
 * `make food-pictures` runs it into the source tree.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "food_pictures.h"
#include "picture.h"

/* Undoes the premultiplication in place. */
static void
straight(uint8_t *px, size_t n)
{
	size_t i;
	int c;

	for (i = 0; i < n; i++, px += 4)
		if (px[3] != 0 && px[3] != 255)
			for (c = 0; c < 3; c++)
				px[c] = (uint8_t)((px[c] * 255 + px[3] / 2) / px[3]);
}

int
main(int argc, char *argv[])
{
	struct cz_render_pictures *p;
	const struct cz_picture *set;
	png_image img;
	char err[256], path[4096], *end;
	uint8_t *px;
	size_t n, i;
	long size = 136;
	int w, h, rc = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s DIR [SIZE]\n", argv[0]);
		return 2;
	}
	if (argc == 3) {
		errno = 0;
		size = strtol(argv[2], &end, 10);
		if (errno != 0 || *end != '\0' || size < 8 || size > 1024) {
			fprintf(stderr, "%s: SIZE must be 8..1024\n", argv[0]);
			return 2;
		}
	}
	if ((p = cz_render_pictures_open(NULL, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s: %s\n", argv[0], err);
		return 1;
	}
	set = cz_picture_set(&n);
	for (i = 0; i < n; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s.png", argv[1],
		    set[i].key) >= sizeof(path) ||
		    cz_render_picture_pixels(p, set[i].key, (int)size, &px, &w, &h,
		    err, sizeof(err)) != 0) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], set[i].key, err);
			rc = 1;
			continue;
		}
		straight(px, (size_t)w * h);
		memset(&img, 0, sizeof(img));
		img.version = PNG_IMAGE_VERSION;
		img.width = (png_uint_32)w;
		img.height = (png_uint_32)h;
		img.format = PNG_FORMAT_RGBA;
		if (!png_image_write_to_file(&img, path, 0, px, w * 4, NULL)) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], path, img.message);
			rc = 1;
		}
		free(px);
	}
	cz_render_pictures_close(p);
	return rc;
}
