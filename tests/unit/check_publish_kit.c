/*
 * check_publish_kit.c - the publish kit (fcgi/publish_kit.h) of a real
 * plan document (tests/render/plan-standard-2000.json): the disclaimer
 * in every description, the platforms' limits, YouTube's chapter rules
 * (listed only when YouTube would show them), timestamps rounded up to
 * the card, "<" and ">" kept out of YouTube texts, and the day-by-day
 * dishes dropped from a caption that would pass 2,200 characters.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "food_pictures.h"
#include "plan_doc.h"
#include "plan_read.h"
#include "publish_kit.h"

static cz_arena *a;
static struct cz_plan_doc *doc;

static void
setup(void)
{
	const char *dir = getenv("CZ_RENDER_TEST_DIR");
	char path[4096], err[256], *text;
	FILE *fp;
	long n;

	ck_assert_msg(dir != NULL, "CZ_RENDER_TEST_DIR is not set (run by make check)");
	snprintf(path, sizeof(path), "%s/plan-standard-2000.json", dir);
	ck_assert_msg((fp = fopen(path, "rb")) != NULL, "%s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	a = cz_arena_new(1 << 16);
	text = cz_arena_alloc(a, (size_t)n + 1);
	ck_assert(fread(text, 1, (size_t)n, fp) == (size_t)n);
	fclose(fp);
	ck_assert_msg(cz_plan_doc_parse(a, text, (size_t)n, &doc, err,
	    sizeof(err)) == 0, "%s", err);
}

static void
teardown(void)
{
	cz_arena_free(a);
}

/* A renderer's result: a video of duration seconds whose cards start at
 * starts[] (title, day 1..n-4, macros, shopping, end), with a thumbnail. */
static struct json_object *
result(double duration, const double *starts, int n)
{
	struct json_object *r = json_object_new_object(), *v, *c, *arr;
	static const char *const tail[] = { "macros", "shopping", "end" };
	int i;

	v = json_object_new_object();
	json_object_object_add(v, "duration", json_object_new_double(duration));
	json_object_object_add(r, "video", v);
	v = json_object_new_object();
	json_object_object_add(v, "width", json_object_new_int(1280));
	json_object_object_add(v, "height", json_object_new_int(720));
	json_object_object_add(r, "thumbnail", v);
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		c = json_object_new_object();
		json_object_object_add(c, "card", json_object_new_string(i == 0 ?
		    "title" : i >= n - 3 ? tail[i - (n - 3)] : "day"));
		if (i > 0 && i < n - 3)
			json_object_object_add(c, "day", json_object_new_int(i));
		json_object_object_add(c, "start", json_object_new_double(starts[i]));
		json_object_array_add(arr, c);
	}
	json_object_object_add(r, "chapters", arr);
	return r;
}

static const char *
str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || v == NULL)
		return NULL;
	return json_object_get_string(v);
}

/* The 7-day plan's 11 cards over 180 s, as the storyboard weighs them
 * (title 2, days 3, macros 2, shopping 3, end 3 of 31 units). */
static const double week[] = { 0, 11.6, 29.0, 46.4, 63.8, 81.3, 98.7, 116.1,
    133.5, 145.2, 162.6 };

START_TEST(youtube_long_lists_its_chapters)
{
	struct json_object *r = result(180, week, 11), *k;
	const char *desc, *ct, *tags;

	k = cz_publish_kit(a, "youtube_long", doc, r);
	ck_assert_ptr_nonnull(k);
	ck_assert_str_eq(str(k, "title"),
	    "7-Day Meal Plan: 2,000 kcal a Day, Every Gram Planned");
	ck_assert_ptr_nonnull(ct = str(k, "chapters_text"));
	ck_assert_ptr_null(str(k, "chapters_note"));
	ck_assert_msg(strncmp(ct, "0:00 The plan at a glance\n0:12 Day 1", 36) == 0,
	    "%s", ct);
	ck_assert_ptr_nonnull(strstr(ct, "2:43 Before you start: disclaimer\n"));
	desc = str(k, "description");
	ck_assert_ptr_nonnull(strstr(desc, ct));
	ck_assert_ptr_nonnull(strstr(desc, CZ_DISCLAIMER_MEDICAL));
	ck_assert_ptr_nonnull(strstr(desc, CZ_DISCLAIMER_FDA));
	ck_assert_ptr_nonnull(strstr(desc, "Day 7"));
	ck_assert_ptr_nonnull(strstr(desc, CZ_PICTURE_CREDIT));
	tags = str(k, "hashtags_text");
	ck_assert_str_eq(tags, "#mealplan #mealprep #healthyeating "
	    "#2000calories #nutrition");
	ck_assert_str_eq(desc + strlen(desc) - strlen(tags), tags);
	ck_assert_uint_le(cz_kit_chars(desc), CZ_KIT_YOUTUBE_MAX);
	ck_assert_ptr_null(strchr(desc, '<'));
	ck_assert_str_eq(str(json_object_object_get(k, "thumbnail"), "file"),
	    "thumbnail.jpg");
	json_object_put(k);
	json_object_put(r);
}
END_TEST

START_TEST(short_chapters_are_not_listed)
{
	static const double starts[] = { 0, 1.27, 3.2, 5.13, 7.07, 9, 10.93,
	    12.87, 14.8, 16.07, 18 };
	struct json_object *r = result(20, starts, 11), *k;

	k = cz_publish_kit(a, "youtube_long", doc, r);
	ck_assert_ptr_nonnull(k);
	ck_assert_ptr_null(str(k, "chapters_text"));
	ck_assert_ptr_nonnull(strstr(str(k, "chapters_note"), "10 s"));
	/* the title's 1.27 s folded into day 1's chapter */
	ck_assert_int_eq((int)json_object_array_length(
	    json_object_object_get(k, "chapters")), 10);
	ck_assert_ptr_null(strstr(str(k, "description"), "Chapters:"));
	json_object_put(k);
	json_object_put(r);
}
END_TEST

/* The hook of a few seconds is no chapter of its own (YouTube wants 10 s
 * each): day 1's starts at 0:00. */
START_TEST(short_hook_folds_into_day_one)
{
	static const double starts[] = { 0, 3, 20, 37, 54, 71, 88, 105, 122,
	    140, 160 };
	struct json_object *r = result(180, starts, 11), *k;
	const char *ct;

	k = cz_publish_kit(a, "youtube_long", doc, r);
	ck_assert_ptr_nonnull(k);
	ck_assert_ptr_nonnull(ct = str(k, "chapters_text"));
	ck_assert_msg(strncmp(ct, "0:00 Day 1", 10) == 0, "%s", ct);
	ck_assert_ptr_null(strstr(ct, "The plan at a glance"));
	ck_assert_ptr_nonnull(strstr(ct, "\n0:20 Day 2"));
	ck_assert_int_eq((int)json_object_array_length(
	    json_object_object_get(k, "chapters")), 10);
	json_object_put(k);
	json_object_put(r);
}
END_TEST

START_TEST(hours_in_timestamps)
{
	static const double starts[] = { 0, 20, 3724.2, 3800, 3900, 4000 };
	struct json_object *r = result(4100, starts, 6), *k;

	k = cz_publish_kit(a, "youtube_long", doc, r);
	ck_assert_ptr_nonnull(strstr(str(k, "chapters_text"), "\n1:02:05 Day 2"));
	json_object_put(k);
	json_object_put(r);
}
END_TEST

START_TEST(captions_keep_their_limit)
{
	struct json_object *r = result(30, week, 11), *k;
	char *longname = cz_arena_alloc(a, 200);
	const char *desc;
	int d, m;

	memset(longname, 'x', 199);
	longname[199] = '\0';
	for (d = 0; d < doc->ndays; d++)
		for (m = 0; m < doc->days[d].nmeals; m++)
			doc->days[d].meals[m].name = longname;
	k = cz_publish_kit(a, "tiktok", doc, r);
	desc = str(k, "description");
	ck_assert_uint_le(cz_kit_chars(desc), CZ_KIT_CAPTION_MAX);
	ck_assert_ptr_null(strstr(desc, "Day 1"));
	ck_assert_ptr_nonnull(strstr(desc, CZ_DISCLAIMER_MEDICAL));
	ck_assert_ptr_nonnull(strstr(desc, "#foodtok"));
	ck_assert_ptr_null(str(k, "chapters"));
	ck_assert_ptr_nonnull(str(k, "chapters_note"));
	ck_assert_int_eq(json_object_get_int(json_object_object_get(
	    json_object_object_get(k, "limits"), "description")),
	    CZ_KIT_CAPTION_MAX);
	json_object_put(k);
	json_object_put(r);
}
END_TEST

START_TEST(no_angle_brackets_for_youtube)
{
	struct json_object *k;

	doc->days[0].meals[0].name = "Soup <b>with</b> bread";
	k = cz_publish_kit(a, "youtube_shorts", doc, NULL);
	ck_assert_ptr_nonnull(k);
	ck_assert_ptr_null(strchr(str(k, "description"), '<'));
	ck_assert_ptr_null(strchr(str(k, "description"), '>'));
	ck_assert_ptr_nonnull(strstr(str(k, "description"), "Soup  b with /b  bread"));
	ck_assert_ptr_nonnull(strstr(str(k, "hashtags_text"), "#shorts"));
	ck_assert_ptr_null(str(k, "thumbnail"));
	json_object_put(k);
}
END_TEST

/* A day clip's kit: the day in the title and "day", that day's dishes
 * alone, #whatieatinaday; the whole plan's kit has "day": null. */
START_TEST(day_clip_kit)
{
	struct json_object *k, *d;
	const char *desc;

	k = cz_publish_kit_day(a, "tiktok", doc, 3, NULL);
	ck_assert_ptr_nonnull(k);
	ck_assert_str_eq(str(k, "title"),
	    "Day 3 of a 7-Day Meal Plan: 2,000 kcal, Every Gram Planned");
	ck_assert(json_object_object_get_ex(k, "day", &d) &&
	    json_object_get_int(d) == 3);
	desc = str(k, "description");
	ck_assert_ptr_nonnull(strstr(desc, "Day 3 of a 7-day"));
	ck_assert_ptr_nonnull(strstr(desc, "\nDay 3 ("));
	ck_assert_ptr_null(strstr(desc, "\nDay 1 ("));
	ck_assert_ptr_null(strstr(desc, "\nDay 4 ("));
	ck_assert_ptr_nonnull(strstr(desc, CZ_DISCLAIMER_MEDICAL));
	ck_assert_ptr_nonnull(strstr(str(k, "hashtags_text"), "#whatieatinaday"));
	json_object_put(k);
	k = cz_publish_kit(a, "tiktok", doc, NULL);
	ck_assert(json_object_object_get_ex(k, "day", &d) && d == NULL);
	ck_assert_ptr_null(strstr(str(k, "hashtags_text"), "#whatieatinaday"));
	json_object_put(k);
}
END_TEST

START_TEST(chars_count_code_points)
{
	ck_assert_uint_eq(cz_kit_chars("kcal · 2×"), 9);
	ck_assert_uint_eq(cz_kit_chars(""), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("publish_kit");
	TCase *tc = tcase_create("kit");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, youtube_long_lists_its_chapters);
	tcase_add_test(tc, short_chapters_are_not_listed);
	tcase_add_test(tc, short_hook_folds_into_day_one);
	tcase_add_test(tc, hours_in_timestamps);
	tcase_add_test(tc, captions_keep_their_limit);
	tcase_add_test(tc, no_angle_brackets_for_youtube);
	tcase_add_test(tc, chars_count_code_points);
	tcase_add_test(tc, day_clip_kit);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
