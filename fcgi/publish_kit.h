/*
 * publish_kit.h - what a person pastes when posting a finished video: a
 * title, a description that carries the plan's disclaimers, hashtags and,
 * for the long YouTube format, chapter marks; made from the plan document
 * (diet, energy target, meal pattern, days and their dishes) and from the
 * renderer's result (the thumbnail it drew, and where each card starts:
 * render/chapters.h), so the chapters are the video's own timing. No HTTP
 * here: the handlers add the URLs.
 *
 * Each platform's limits are kept: YouTube titles of at most 100
 * characters and descriptions of 5,000 without "<" or ">"; TikTok and
 * Instagram captions of 2,200 characters (the day-by-day dishes are left
 * out when they would pass it) and at most 30 hashtags (we give 8 or
 * fewer). YouTube shows chapters only when the first starts at 0:00, there
 * are at least three and each lasts 10 s or more; the description lists
 * them only then, and "chapters_note" says why not otherwise.
 */
#ifndef CZ_PUBLISH_KIT_H
#define CZ_PUBLISH_KIT_H

#include "arena.h"

struct cz_plan_doc;
struct json_object;

#define CZ_KIT_TITLE_MAX	100	/* characters (YouTube's limit) */
#define CZ_KIT_YOUTUBE_MAX	5000	/* characters of a YouTube description */
#define CZ_KIT_CAPTION_MAX	2200	/* TikTok's and Instagram's captions */
#define CZ_KIT_CHAPTER_MIN_S	10	/* YouTube's shortest chapter */

/*
 * The publish kit of a finished video of preset platform ("youtube_long",
 * "tiktok", ...) made from plan document doc and the renderer's result
 * (NULL or without chapters: none listed), as a new JSON object (the
 * caller owns it; strings it points to come from a):
 *   {"platform", "day" (null but for a day clip), "title", "description", "hashtags": [...],
 *    "chapters": [{"start", "timestamp", "title"}] or null,
 *    "chapters_text", "chapters_note", "disclaimer",
 *    "limits": {"title", "description"},
 *    "title_length", "description_length",
 *    "thumbnail": {"file", "width", "height"} or null}
 * Lengths are in characters (Unicode code points). Returns NULL when
 * memory ran out.
 */
struct json_object *cz_publish_kit(cz_arena *a, const char *platform,
    const struct cz_plan_doc *doc, struct json_object *result);

/* The same for a day clip of day `day` of doc (0: the whole plan, as
 * cz_publish_kit): the title says "Day 3 of a 7-Day ... Meal Plan", the
 * description names that day's dishes alone, "day" is 3 and the hashtags
 * add #whatieatinaday. */
struct json_object *cz_publish_kit_day(cz_arena *a, const char *platform,
    const struct cz_plan_doc *doc, int day, struct json_object *result);

/* The number of characters (code points) of the UTF-8 text s. */
size_t cz_kit_chars(const char *s);

#endif
