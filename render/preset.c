/*
 * preset.c - the table of video presets and the HLS ladder derived from
 * it. Sizes, rates and durations are the platforms' own recommendations;
 * the ladder scales the preset's short side to 360 and 720 lines (even
 * sizes, as yuv420p needs) with bit rates in proportion to the pixel count.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "preset.h"

static const struct cz_render_preset presets[] = {
	{ "youtube_shorts",	1080, 1920, 30,  60, 5000, "YouTube Shorts",
	  "YouTube Shorts, 60 s" },
	{ "youtube_long",	1920, 1080, 30, 180, 8000, "YouTube",
	  "YouTube, 3 min" },
	{ "tiktok",		1080, 1920, 30,  30, 4000, "TikTok",
	  "TikTok, 30 s" },
	{ "instagram",		1080, 1080, 30,  60, 3500, "Instagram",
	  "Instagram, 60 s" },
};

/* The short side of the lower rungs, and their names. */
static const struct {
	int		 lines;
	const char	*name;
} rungs[] = {
	{ 360, "360p" },
	{ 720, "720p" },
};

void
cz_render_safe_zone(int w, int h, struct cz_render_safe *z)
{
	int m = (w < h ? w : h) * 7 / 100;

	z->left = z->top = z->right = z->bottom = m;
	if (h > w) {
		/* The platforms' own buttons down the right, their captions
		 * along the bottom. */
		if (w * 15 / 100 > m)
			z->right = w * 15 / 100;
		if (h * 20 / 100 > m)
			z->bottom = h * 20 / 100;
	}
}

const struct cz_render_preset *
cz_render_preset_find(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		if (strcmp(presets[i].name, name) == 0)
			return &presets[i];
	return NULL;
}

const struct cz_render_preset *
cz_render_preset_at(int i)
{
	if (i < 0 || (size_t)i >= sizeof(presets) / sizeof(presets[0]))
		return NULL;
	return &presets[i];
}

int
cz_render_preset_ladder(const struct cz_render_preset *p,
    struct cz_render_variant out[CZ_RENDER_MAX_VARIANTS])
{
	int n = 0, shortside, longside;
	size_t i;
	double area = (double)p->width * p->height;

	shortside = p->width < p->height ? p->width : p->height;
	longside = p->width < p->height ? p->height : p->width;
	for (i = 0; i < sizeof(rungs) / sizeof(rungs[0]); i++) {
		int s = rungs[i].lines, l;
		double a;

		if (s >= shortside)
			break;
		/* Long side in proportion, rounded to an even number. */
		l = (int)((double)longside * s / shortside / 2.0 + 0.5) * 2;
		out[n].name = rungs[i].name;
		out[n].width = p->width < p->height ? s : l;
		out[n].height = p->width < p->height ? l : s;
		if (p->width == p->height)
			out[n].width = out[n].height = s;
		a = (double)out[n].width * out[n].height;
		out[n].kbps = (int)(p->kbps * a / area / 10.0 + 0.5) * 10;
		if (out[n].kbps < 300)
			out[n].kbps = 300;
		n++;
	}
	out[n].name = shortside >= 1080 ? "1080p" : "source";
	out[n].width = p->width;
	out[n].height = p->height;
	out[n].kbps = p->kbps;
	return n + 1;
}
