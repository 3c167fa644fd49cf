/*
 * publish_kit.c - the publish kit of a finished video (see
 * publish_kit.h): words from the plan document, times from the
 * renderer's result. Everything is plain text: the page escapes it, the
 * API serves it as JSON strings.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "catalog.h"
#include "fixed_text.h"
#include "food_pictures.h"
#include "labels.h"
#include "plan_doc.h"
#include "plan_read.h"
#include "planner.h"
#include "publish_kit.h"

#define KIT_TEXT_MAX	16384	/* bytes of one text, far above the limits */
#define KIT_CHAPTERS_MAX 32	/* of a result, at most (cards of a video) */

/* What differs by platform: the description's limit and one hashtag. */
static const struct {
	const char	*preset;
	int		 youtube;	/* YouTube's limits and no "<", ">" */
	const char	*tag;		/* NULL: none */
} platforms[] = {
	{ "youtube_long",	1, NULL },
	{ "youtube_shorts",	1, "#shorts" },
	{ "tiktok",		0, "#foodtok" },
	{ "instagram",		0, "#reels" },
};

/* The diet's hashtag. */
static const char *const diet_tags[CZ_DIET__MAX] = {
	[CZ_DIET_STANDARD] = "#healthyeating",
	[CZ_DIET_VEGETARIAN] = "#vegetarian",
	[CZ_DIET_VEGAN] = "#vegan",
	[CZ_DIET_KETO] = "#keto",
	[CZ_DIET_PALEO] = "#paleo",
	[CZ_DIET_MEDITERRANEAN] = "#mediterraneandiet",
};

/* The chapters' titles by the renderer's card names (chapters.h). */
static const struct {
	const char	*card;
	const char	*title;		/* day cards: see chapter_title */
} card_titles[] = {
	{ "title",	"The plan at a glance" },
	{ "day",	NULL },
	{ "macros",	"Daily average and macros" },
	{ "shopping",	"Shopping list" },
	{ "end",	"Before you start: disclaimer" },
};

struct chapter {
	double		 start;
	long		 at;		/* whole seconds, as the timestamp says */
	const char	*title;
};

size_t
cz_kit_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* "2000" -> "2,000" (non-negative values under a million). */
static const char *
thousands(cz_arena *a, long v)
{
	char text[CZ_THOUSANDS_MAX];

	return cz_arena_strdup(a, cz_thousands(text, v < 0 ? 0 : v));
}

/* "mediterranean" -> "Mediterranean", word by word. */
static const char *
title_case(cz_arena *a, const char *s)
{
	char *t = cz_arena_strdup(a, s);
	int start = 1;

	for (size_t i = 0; t != NULL && t[i] != '\0'; i++) {
		if (start && islower((unsigned char)t[i]))
			t[i] = (char)toupper((unsigned char)t[i]);
		start = t[i] == ' ';
	}
	return t;
}

/* Appends s, with "<" and ">" (which YouTube refuses) and control
 * characters other than newlines made spaces. */
static int
put_clean(cz_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		char c = *s;

		if (c == '<' || c == '>' || (c != '\n' && (unsigned char)c < 0x20))
			c = ' ';
		if (cz_buf_putc(b, c) != 0)
			return -1;
	}
	return 0;
}

/* "m:ss", or "h:mm:ss" from an hour on. */
static const char *
timestamp(cz_arena *a, long s)
{
	return s >= 3600 ? cz_arena_printf(a, "%ld:%02ld:%02ld", s / 3600,
	    s / 60 % 60, s % 60) : cz_arena_printf(a, "%ld:%02ld", s / 60, s % 60);
}

/* The day's energy as the plan has it, or -1. */
static double
day_kcal(const struct cz_plan_doc *doc, int day)
{
	for (int d = 0; d < doc->ndays; d++)
		if (doc->days[d].day == day)
			return doc->days[d].totals.energy_kcal;
	return -1;
}

/* The title of the chapter of card (day: its number). NULL for a card
 * this kit does not know (a newer renderer's). */
static const char *
chapter_title(cz_arena *a, const struct cz_plan_doc *doc, const char *card,
    int day)
{
	double kcal;

	for (size_t k = 0; k < sizeof(card_titles) / sizeof(card_titles[0]); k++) {
		if (strcmp(card, card_titles[k].card) != 0)
			continue;
		if (card_titles[k].title != NULL)
			return card_titles[k].title;
		kcal = day_kcal(doc, day);
		return isfinite(kcal) && kcal > 0 ? cz_arena_printf(a, "Day %d "
		    "(%s kcal)", day, thousands(a, lround(kcal))) :
		    cz_arena_printf(a, "Day %d", day);
	}
	return NULL;
}

/* The chapters of the result, in order, into out (room for
 * KIT_CHAPTERS_MAX). Returns how many (0 when the result has none or they
 * are not in order). */
static int
read_chapters(cz_arena *a, const struct cz_plan_doc *doc,
    struct json_object *result, struct chapter *out)
{
	struct json_object *arr, *c, *card, *start, *day;
	size_t len, i;
	int n = 0;
	double last = -1;

	if (result == NULL || !json_object_object_get_ex(result, "chapters", &arr) ||
	    !json_object_is_type(arr, json_type_array))
		return 0;
	len = json_object_array_length(arr);
	for (i = 0; i < len && n < KIT_CHAPTERS_MAX; i++) {
		c = json_object_array_get_idx(arr, i);
		if (!json_object_object_get_ex(c, "card", &card) ||
		    !json_object_object_get_ex(c, "start", &start) ||
		    !json_object_is_type(card, json_type_string))
			continue;
		out[n].start = json_object_get_double(start);
		if (!isfinite(out[n].start) || out[n].start < last ||
		    out[n].start > 86400)
			return 0;
		last = out[n].start;
		out[n].title = chapter_title(a, doc, json_object_get_string(card),
		    json_object_object_get_ex(c, "day", &day) ?
		    json_object_get_int(day) : 0);
		if (out[n].title == NULL)
			continue;
		/* Rounded up: a jump lands on the card, not on the end of
		 * the one before (a card starts with a short fade in). */
		out[n].at = (long)ceil(out[n].start - 0.001);
		n++;
	}
	/* The hook lasts a few seconds, under YouTube's shortest chapter:
	 * the first day's chapter starts at 0:00 instead. */
	if (n > 1 && out[1].at < CZ_KIT_CHAPTER_MIN_S) {
		memmove(&out[0], &out[1], (size_t)(n - 1) * sizeof(out[0]));
		out[0].start = 0;
		out[0].at = 0;
		n--;
	}
	return n;
}

/* NULL when YouTube would show these chapters, else why not. */
static const char *
youtube_refusal(const struct chapter *ch, int n, double duration)
{
	if (n < 3)
		return "YouTube shows chapters only for three or more.";
	if (ch[0].at != 0)
		return "YouTube shows chapters only when the first starts at 0:00.";
	for (int i = 0; i < n; i++) {
		double end = i + 1 < n ? (double)ch[i + 1].at : floor(duration);

		if (end - ch[i].at < CZ_KIT_CHAPTER_MIN_S)
			return "YouTube shows chapters only when each lasts 10 s "
			    "or more; this video is too short for that.";
	}
	return NULL;
}

/* The disclaimers of the plan, one paragraph. */
static const char *
disclaimer(cz_arena *a, const struct cz_plan_doc *doc)
{
	return cz_arena_printf(a, "%s %s%s%s",
	    doc->disclaimer_medical != NULL ? doc->disclaimer_medical :
	    CZ_DISCLAIMER_MEDICAL,
	    doc->disclaimer_fda != NULL ? doc->disclaimer_fda : CZ_DISCLAIMER_FDA,
	    doc->disclaimer_pregnancy != NULL ? " " : "",
	    doc->disclaimer_pregnancy != NULL ? doc->disclaimer_pregnancy : "");
}

/* The allergens of the plan as words ("peanuts, dairy"), or NULL. */
static const char *
allergens(cz_arena *a, const struct cz_plan_doc *doc)
{
	const char *s = NULL;

	for (int i = 0; i < CZ_ALLERGEN__MAX; i++)
		if (doc->allergens & (1u << i))
			s = cz_arena_printf(a, "%s%s%s", s != NULL ? s : "",
			    s != NULL ? ", " : "", cz_label(cz_allergen_name(i)));
	return s;
}

/*
 * The description: what the plan is (of a day clip: which day of it), its
 * days (when with_days; a day clip's day alone), the chapters (when
 * chapters_text), the allergens, the disclaimers, the food
 * pictures' attribution and the hashtags. Returns 0 with *out set, or -1 when memory ran out.
 */
static int
describe(cz_arena *a, const struct cz_plan_doc *doc, int clip_day,
    int with_days, const char *chapters_text, const char *disc,
    const char *tags, const char **out)
{
	cz_buf b;
	const char *diet = cz_label(cz_diet_name((int)doc->request.diet));
	const char *al = allergens(a, doc);
	int rc = 0;

	cz_buf_init(&b, KIT_TEXT_MAX);
	if (clip_day > 0)
		rc |= cz_buf_printf(&b, "Day %d of ", clip_day);
	rc |= cz_buf_printf(&b, "%s %d-day %s meal plan at %s kcal a day, %s: "
	    "protein %.0f%%, fat %.0f%% and carbs %.0f%% of the energy. "
	    "Every number comes from the USDA food database, to the gram.\n",
	    clip_day > 0 ? "a" : "A", doc->ndays, doc->request.diet == CZ_DIET_STANDARD ? "balanced" :
	    diet, thousands(a, doc->request.calories),
	    cz_label(cz_pattern_name((int)doc->request.pattern)),
	    doc->target.protein_pct, doc->target.fat_pct, doc->target.carbs_pct);
	for (int d = 0; with_days && d < doc->ndays; d++) {
		const struct cz_plan_doc_day *day = &doc->days[d];

		if (clip_day > 0 && day->day != clip_day)
			continue;
		rc |= cz_buf_printf(&b, "\nDay %d", day->day);
		if (isfinite(day->totals.energy_kcal))
			rc |= cz_buf_printf(&b, " (%s kcal)", thousands(a,
			    lround(day->totals.energy_kcal)));
		rc |= cz_buf_puts(&b, ": ");
		for (int k = 0; k < day->nmeals; k++) {
			rc |= k > 0 ? cz_buf_puts(&b, "; ") : 0;
			rc |= put_clean(&b, day->meals[k].name != NULL ?
			    day->meals[k].name : "");
		}
	}
	if (with_days)
		rc |= cz_buf_putc(&b, '\n');
	if (chapters_text != NULL)
		rc |= cz_buf_printf(&b, "\nChapters:\n%s", chapters_text);
	if (al != NULL)
		rc |= cz_buf_printf(&b, "\nAllergens in this plan: %s. %s\n", al,
		    doc->allergen_note != NULL ? doc->allergen_note :
		    CZ_ALLERGEN_NOTE);
	/* The thumbnail and the video show the food pictures: their
	 * licence's attribution goes with them. */
	rc |= cz_buf_printf(&b, "\n%s\n\nMade with Cibozer. %s.\n\n%s", disc,
	    CZ_PICTURE_CREDIT, tags);
	if (rc != 0 || (*out = cz_arena_strndup(a, b.data, b.len)) == NULL) {
		cz_buf_free(&b);
		return -1;
	}
	cz_buf_free(&b);
	return 0;
}

struct json_object *
cz_publish_kit(cz_arena *a, const char *platform,
    const struct cz_plan_doc *doc, struct json_object *result)
{
	return cz_publish_kit_day(a, platform, doc, 0, result);
}

struct json_object *
cz_publish_kit_day(cz_arena *a, const char *platform,
    const struct cz_plan_doc *doc, int day, struct json_object *result)
{
	struct chapter ch[KIT_CHAPTERS_MAX];
	struct json_object *o, *arr, *c, *x, *v, *t;
	const char *diet, *title, *desc, *tags = "", *disc, *ctext = NULL;
	const char *note = NULL, *ptag = NULL;
	int youtube = 1, long_form, n, i, ntags = 0, limit;
	double duration = 0;
	const char *tag[8];

	for (size_t k = 0; k < sizeof(platforms) / sizeof(platforms[0]); k++)
		if (strcmp(platform, platforms[k].preset) == 0) {
			youtube = platforms[k].youtube;
			ptag = platforms[k].tag;
		}
	long_form = strcmp(platform, "youtube_long") == 0;
	limit = youtube ? CZ_KIT_YOUTUBE_MAX : CZ_KIT_CAPTION_MAX;
	if (result != NULL && json_object_object_get_ex(result, "video", &v) &&
	    json_object_object_get_ex(v, "duration", &x))
		duration = json_object_get_double(x);

	/* The title: what it is and the one number people search for. */
	diet = doc->request.diet == CZ_DIET_STANDARD ? "" : cz_arena_printf(a,
	    "%s ", title_case(a, cz_label(cz_diet_name((int)doc->request.diet))));
	title = day > 0 ? cz_arena_printf(a, "Day %d of a %d-Day %sMeal Plan: "
	    "%s kcal, Every Gram Planned", day, doc->ndays, diet, thousands(a,
	    doc->request.calories)) : cz_arena_printf(a, "%d-Day %sMeal Plan: "
	    "%s kcal a Day, Every Gram Planned", doc->ndays, diet, thousands(a,
	    doc->request.calories));

	/* Hashtags: the plan's, then the platform's. */
	tag[ntags++] = "#mealplan";
	tag[ntags++] = "#mealprep";
	if ((int)doc->request.diet >= 0 && doc->request.diet < CZ_DIET__MAX)
		tag[ntags++] = diet_tags[doc->request.diet];
	tag[ntags++] = cz_arena_printf(a, "#%dcalories", doc->request.calories);
	tag[ntags++] = "#nutrition";
	if (day > 0)
		tag[ntags++] = "#whatieatinaday";	/* what a day clip is */
	if (ptag != NULL)
		tag[ntags++] = ptag;
	for (i = 0; i < ntags; i++)
		tags = cz_arena_printf(a, "%s%s%s", tags, i > 0 ? " " : "", tag[i]);

	/* Chapters: the long YouTube format's, at the cards' real times. */
	n = long_form ? read_chapters(a, doc, result, ch) : 0;
	if (long_form && n == 0)
		note = "This video's render did not record its cards' times; "
		    "make it again to get chapters.";
	else if (!long_form)
		note = "Chapters are for the long YouTube format.";
	else if ((note = youtube_refusal(ch, n, duration)) == NULL) {
		ctext = "";
		for (i = 0; i < n; i++)
			ctext = cz_arena_printf(a, "%s%s %s\n", ctext,
			    timestamp(a, ch[i].at), ch[i].title);
	}

	disc = disclaimer(a, doc);
	if (describe(a, doc, day, 1, ctext, disc, tags, &desc) != 0)
		return NULL;
	/* Over the platform's limit: without the day-by-day dishes. */
	if (cz_kit_chars(desc) > (size_t)limit &&
	    describe(a, doc, day, 0, ctext, disc, tags, &desc) != 0)
		return NULL;

	o = json_object_new_object();
	json_object_object_add(o, "platform", json_object_new_string(platform));
	json_object_object_add(o, "day", day > 0 ? json_object_new_int(day) :
	    NULL);
	json_object_object_add(o, "title", json_object_new_string(title));
	json_object_object_add(o, "title_length",
	    json_object_new_int((int)cz_kit_chars(title)));
	json_object_object_add(o, "description", json_object_new_string(desc));
	json_object_object_add(o, "description_length",
	    json_object_new_int((int)cz_kit_chars(desc)));
	arr = json_object_new_array();
	for (i = 0; i < ntags; i++)
		json_object_array_add(arr, json_object_new_string(tag[i]));
	json_object_object_add(o, "hashtags", arr);
	json_object_object_add(o, "hashtags_text", json_object_new_string(tags));
	arr = NULL;
	if (n > 0) {
		arr = json_object_new_array();
		for (i = 0; i < n; i++) {
			c = json_object_new_object();
			json_object_object_add(c, "start", json_object_new_double_s(
			    ch[i].start, cz_arena_printf(a, "%.3f", ch[i].start)));
			json_object_object_add(c, "timestamp", json_object_new_string(
			    timestamp(a, ch[i].at)));
			json_object_object_add(c, "title",
			    json_object_new_string(ch[i].title));
			json_object_array_add(arr, c);
		}
	}
	json_object_object_add(o, "chapters", arr);
	json_object_object_add(o, "chapters_text",
	    ctext != NULL ? json_object_new_string(ctext) : NULL);
	json_object_object_add(o, "chapters_note",
	    note != NULL ? json_object_new_string(note) : NULL);
	json_object_object_add(o, "disclaimer", json_object_new_string(disc));
	x = json_object_new_object();
	json_object_object_add(x, "title", json_object_new_int(CZ_KIT_TITLE_MAX));
	json_object_object_add(x, "description", json_object_new_int(limit));
	json_object_object_add(o, "limits", x);
	/* The thumbnail the renderer drew, if it did. */
	x = NULL;
	if (result != NULL && json_object_object_get_ex(result, "thumbnail", &t) &&
	    json_object_object_get_ex(t, "width", &v) &&
	    json_object_get_int(v) > 0) {
		x = json_object_new_object();
		json_object_object_add(x, "file", json_object_new_string(
		    "thumbnail.jpg"));
		json_object_object_add(x, "width", json_object_get(v));
		if (json_object_object_get_ex(t, "height", &v))
			json_object_object_add(x, "height", json_object_get(v));
	}
	json_object_object_add(o, "thumbnail", x);
	return o;
}
