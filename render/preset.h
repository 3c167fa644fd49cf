/*
 * preset.h - the video presets (one row per target platform) and the HLS
 * rendition ladder that goes with each aspect ratio.
 */
#ifndef CZ_RENDER_PRESET_H
#define CZ_RENDER_PRESET_H

#define CZ_RENDER_MAX_VARIANTS	3

struct cz_render_preset {
	const char	*name;
	int		 width;
	int		 height;
	int		 fps;
	int		 seconds;
	int		 kbps;		/* video bit rate of the MP4 */
	const char	*label;		/* the platform's name, for people */
	const char	*human;		/* "TikTok, 30 s": titles and mails
					   (fcgi/labels.c has the same) */
};

/* One HLS rendition: frame size and bit rate. */
struct cz_render_variant {
	const char	*name;		/* directory under hls/, e.g. "720p" */
	int		 width;
	int		 height;
	int		 kbps;
};

/* The text area of a frame: what is kept clear at each edge, in pixels.
 * Every frame keeps a margin of 7 % of its short side; vertical frames
 * (TikTok, YouTube Shorts, Instagram Reels) also keep clear the right
 * 15 % (the like, comment and share buttons) and the bottom 20 % (the
 * caption, the account name and the sound's name). */
struct cz_render_safe {
	int		 left, top, right, bottom;
};

/* The safe zone of a w x h frame (see struct cz_render_safe). */
void cz_render_safe_zone(int w, int h, struct cz_render_safe *z);

/* Returns the preset called name, or NULL when there is none. */
const struct cz_render_preset *cz_render_preset_find(const char *name);

/* Returns the i-th preset (0-based) or NULL past the last one. */
const struct cz_render_preset *cz_render_preset_at(int i);

/* Fills out[] (room for CZ_RENDER_MAX_VARIANTS) with the HLS ladder for
 * p's aspect ratio, smallest first; the last rung is p's own size and bit
 * rate. Returns the number of variants. */
int cz_render_preset_ladder(const struct cz_render_preset *p,
    struct cz_render_variant out[CZ_RENDER_MAX_VARIANTS]);

#endif
