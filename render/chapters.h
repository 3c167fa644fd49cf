/*
 * chapters.h - where each card of a rendered video starts, taken from the
 * storyboard the render used (scene.h), so that the publish kit's chapter
 * marks (fcgi/publish_kit.c names them) are the video's own timing, not a
 * second computation that could drift from it. Stored with the job in the
 * renderer's result JSON as "chapters".
 */
#ifndef CZ_RENDER_CHAPTERS_H
#define CZ_RENDER_CHAPTERS_H

#include <json-c/json.h>

#include "plan.h"
#include "scene.h"

struct cz_render_chapter {
	enum cz_render_card_kind kind;
	int		 day;		/* the plan's day number (day cards), else 0 */
	double		 start;		/* seconds from the video's start */
};

struct cz_render_chapters {
	int		 n;
	struct cz_render_chapter at[CZ_RENDER_MAX_CARDS];
};

/* Fills *out with the start of every card of story s (built for plan p):
 * the first frame of each card over the frame rate. */
void cz_render_chapters_fill(const struct cz_render_story *s,
    const struct cz_render_plan *p, struct cz_render_chapters *out);

/* "title", "day", "macros", "shopping", "end". */
const char *cz_render_card_name(enum cz_render_card_kind k);

/* The chapters as a new JSON array of {"card", "day" (day cards only),
 * "start" (seconds, to the millisecond)}; the caller owns it. */
struct json_object *cz_render_chapters_json(const struct cz_render_chapters *c);

#endif
