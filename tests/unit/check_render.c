/*
 * check_render.c - unit tests of the renderer's pure parts: the preset
 * table and ladder, text layout (wrapping, shrink-to-fit, never wider or
 * taller than its box, even for a long dish name, in every preset; more
 * in check_text_fit.c),
 * the plan reader and the storyboard timing (the cards' frames add up to
 * exactly fps * seconds), and the ladder's frame spool (frames and the
 * kept canvas read back as written, repeats counted, nothing left in its
 * directory). Uses the committed plan fixture and the DejaVu fonts
 * (fonts-dejavu-core).
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cards.h"
#include "plan.h"
#include "preset.h"
#include "scene.h"
#include "spool.h"
#include "text.h"
#include "text_fit.h"

#ifndef CZ_RENDER_FONT_DIR
#define CZ_RENDER_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif

static const char *
font_dir(void)
{
	const char *d = getenv("CZ_RENDER_FONT_DIR");

	return d != NULL && d[0] != '\0' ? d : CZ_RENDER_FONT_DIR;
}

static struct cz_render_font *
open_font(const char *name)
{
	char path[4096], err[256];
	struct cz_render_font *f;

	snprintf(path, sizeof(path), "%s/%s", font_dir(), name);
	f = cz_render_font_open(path, err, sizeof(err));
	ck_assert_msg(f != NULL, "%s", err);
	return f;
}

static void
load_fixture(struct cz_render_plan *p)
{
	const char *dir = getenv("CZ_RENDER_TEST_DIR");
	char path[4096], err[512];

	ck_assert_msg(dir != NULL, "CZ_RENDER_TEST_DIR is not set (run by make check)");
	snprintf(path, sizeof(path), "%s/plan-standard-2000.json", dir);
	ck_assert_msg(cz_render_plan_load(path, p, err, sizeof(err)) == 0, "%s", err);
}

START_TEST(presets_table)
{
	const struct cz_render_preset *p = cz_render_preset_find("tiktok");
	struct cz_render_variant v[CZ_RENDER_MAX_VARIANTS];
	int i, n;

	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->width, 1080);
	ck_assert_int_eq(p->height, 1920);
	ck_assert_int_eq(p->seconds, 30);
	ck_assert_int_eq(p->kbps, 4000);
	p = cz_render_preset_find("youtube_long");
	ck_assert_int_eq(p->width, 1920);
	ck_assert_int_eq(p->seconds, 180);
	ck_assert_int_eq(p->kbps, 8000);
	ck_assert_int_eq(cz_render_preset_find("instagram")->height, 1080);
	ck_assert_int_eq(cz_render_preset_find("youtube_shorts")->kbps, 5000);
	ck_assert_ptr_null(cz_render_preset_find("vimeo"));
	ck_assert_ptr_null(cz_render_preset_find(NULL));
	for (i = 0; (p = cz_render_preset_at(i)) != NULL; i++) {
		n = cz_render_preset_ladder(p, v);
		ck_assert_int_eq(n, 3);
		ck_assert_int_eq(v[n - 1].width, p->width);
		ck_assert_int_eq(v[n - 1].height, p->height);
		ck_assert_int_eq(v[n - 1].kbps, p->kbps);
		ck_assert_int_eq(v[0].width < v[0].height ? v[0].width : v[0].height, 360);
		ck_assert_int_eq(v[1].width < v[1].height ? v[1].width : v[1].height, 720);
		/* Same aspect ratio, even sizes, rising bit rates. */
		ck_assert_int_eq(v[0].width * p->height, v[0].height * p->width);
		ck_assert_int_eq(v[1].width % 2 + v[1].height % 2, 0);
		ck_assert_int_lt(v[0].kbps, v[1].kbps);
		ck_assert_int_lt(v[1].kbps, v[2].kbps);
	}
	ck_assert_int_eq(i, 4);
}
END_TEST

START_TEST(text_wraps_words)
{
	struct cz_render_font *f = open_font("DejaVuSans.ttf");
	struct cz_render_layout l;
	const char *t = "Chicken fajitas with peppers and corn tortillas";
	int one = cz_render_text_width(f, 40, t, strlen(t)), i;

	ck_assert_int_gt(one, 400);
	/* Wide box: one line at the largest size. */
	ck_assert_int_eq(cz_render_text_fit(f, t, one + 10, 200, 40, 10, 4, &l), 0);
	ck_assert_int_eq(l.nlines, 1);
	ck_assert_int_eq(l.size, 40);
	/* Half as wide, room for several lines: wraps at spaces, same size. */
	ck_assert_int_eq(cz_render_text_fit(f, t, one / 2, 400, 40, 10, 4, &l), 0);
	ck_assert_int_eq(l.size, 40);
	ck_assert_int_ge(l.nlines, 2);
	for (i = 0; i < l.nlines; i++) {
		ck_assert_int_le(l.lines[i].width, one / 2);
		ck_assert(l.lines[i].s[0] != ' ');
		ck_assert(l.lines[i].s[l.lines[i].len - 1] != ' ');
		/* Every break is at a space. */
		if (i > 0)
			ck_assert(l.lines[i].s[-1] == ' ');
	}
	/* Half as wide and one line only: it shrinks. */
	ck_assert_int_eq(cz_render_text_fit(f, t, one / 2, 400, 40, 10, 1, &l), 0);
	ck_assert_int_lt(l.size, 40);
	ck_assert_int_eq(l.nlines, 1);
	ck_assert_int_le(l.width, one / 2);
	cz_render_font_close(f);
}
END_TEST

/* The plan fixture with one dish and one food name made long and a day
 * of eight meals: every stage of every card (every shopping page) of
 * every preset draws (a text that cannot fit fails the draw). */
START_TEST(cards_never_overflow)
{
	static struct cz_render_plan p;
	struct cz_render_fonts fonts;
	struct cz_render_story s;
	struct cz_render_canvas c;
	const struct cz_render_preset *pr;
	char err[512], longname[CZ_RENDER_NAME_MAX];
	int i, k, st, pages;

	load_fixture(&p);
	/* Day 2 with the most meals a day there can be. */
	p.days[1].nmeals = CZ_PLAN_MAX_MEALS;
	for (i = 3; i < CZ_PLAN_MAX_MEALS; i++)
		p.days[1].meals[i] = p.days[0].meals[i % 3];
	memset(longname, 0, sizeof(longname));
	for (i = 0; i < 100; i++)
		longname[i] = i % 12 == 11 ? ' ' : "Supercalifragilistic"[i % 20];
	memcpy(p.days[0].meals[0].name, longname, sizeof(longname));
	longname[60] = '\0';
	memcpy(p.shop[0].food, longname, sizeof(longname));
	p.days[0].meals[1].energy_kcal = 612.4;
	ck_assert_int_eq(cz_render_fonts_open(&fonts, font_dir(), err, sizeof(err)), 0);
	for (i = 0; (pr = cz_render_preset_at(i)) != NULL; i++) {
		ck_assert_int_eq(cz_render_canvas_init(&c, pr->width, pr->height), 0);
		pages = cz_render_shop_pages(&fonts, &p, pr->width, pr->height,
		    err, sizeof(err));
		ck_assert_msg(pages >= 1, "%s: %s", pr->name, err);
		ck_assert_int_eq(cz_render_story_build(&p, pages, pr->fps,
		    pr->seconds, &s), 0);
		for (k = 0; k < s.ncards; k++)
			for (st = 0; st < s.cards[k].nstages; st++)
				ck_assert_msg(cz_render_card_draw(&fonts, &p, &s.cards[k],
				    st, &c, err, sizeof(err)) == 0, "%s %d/%d: %s",
				    pr->name, k, st, err);
		cz_render_canvas_free(&c);
	}
	cz_render_fonts_close(&fonts);
}
END_TEST

/* The very long name laid out in each preset's meal box stays in it. */
START_TEST(long_name_fits_every_preset)
{
	struct cz_render_font *f = open_font("DejaVuSans.ttf");
	struct cz_render_layout l;
	const struct cz_render_preset *pr;
	const char *t = "Beverages, carbonated, reduced sugar, cola, contains "
	    "caffeine and sweeteners, fortified with vitamins and minerals, "
	    "ready-to-drink, family size";
	int i, j;

	for (i = 0; (pr = cz_render_preset_at(i)) != NULL; i++) {
		int S = pr->width < pr->height ? pr->width : pr->height;
		int w = pr->width - 2 * (S * 7 / 100), h = pr->height / 12;

		ck_assert_int_eq(cz_render_text_fit(f, t, w, h, S * 60 / 1000,
		    S * 16 / 1000, 3, &l), 0);
		ck_assert_int_ge(l.nlines, 1);
		ck_assert_int_le(l.height, h);
		for (j = 0; j < l.nlines; j++)
			ck_assert_int_le(l.lines[j].width, w);
	}
	cz_render_font_close(f);
}
END_TEST

START_TEST(text_draws_inside_box)
{
	struct cz_render_font *f = open_font("DejaVuSans.ttf");
	struct cz_render_layout l;
	struct cz_render_canvas c;
	struct cz_render_color white = cz_render_rgb(255, 255, 255);
	int x, y, inside = 0, outside = 0;

	ck_assert_int_eq(cz_render_canvas_init(&c, 400, 200), 0);
	cz_render_canvas_fill(&c, 0, 0, 400, 200, cz_render_rgb(0, 0, 0));
	ck_assert_int_eq(cz_render_text_fit(f, "Tortillas, ready-to-bake or -fry, "
	    "corn, without added salt", 200, 60, 30, 8, 2, &l), 0);
	ck_assert_int_eq(cz_render_text_draw(f, &l, &c, 100, 70, 200, 60,
	    CZ_RENDER_CENTER, white), 0);
	for (y = 0; y < 200; y++)
		for (x = 0; x < 400; x++) {
			int lit = c.plane[0][y * 400 + x] != 16;
			int in = x >= 100 && x < 300 && y >= 70 && y < 130;

			if (lit && in)
				inside++;
			else if (lit)
				outside++;
		}
	ck_assert_int_gt(inside, 200);
	ck_assert_int_eq(outside, 0);
	cz_render_canvas_free(&c);
	cz_render_font_close(f);
}
END_TEST

START_TEST(plan_fixture_reads)
{
	static struct cz_render_plan p;
	int d;

	load_fixture(&p);
	ck_assert_str_eq(p.diet, "standard");
	ck_assert_int_eq(p.energy_kcal, 2000);
	ck_assert_int_eq(p.ndays, 7);
	for (d = 0; d < 7; d++) {
		ck_assert_int_eq(p.days[d].day, d + 1);
		ck_assert_int_eq(p.days[d].nmeals, 3);
		ck_assert(p.days[d].energy_kcal > 1800 && p.days[d].energy_kcal < 2200);
		/* No per-meal totals in this plan: no calories shown. */
		ck_assert(p.days[d].meals[0].energy_kcal < 0);
	}
	ck_assert_str_eq(p.days[0].meals[0].slot, "breakfast");
	ck_assert_str_eq(p.days[0].meals[0].name, "Banana peanut butter smoothie");
	/* The shopping page's list from the items: what a shop sells, each
	 * aisle in one run, plain units (no "unit (yields ...)"). */
	ck_assert_int_gt(p.nshop, 10);
	for (d = 0; d < p.nshop; d++) {
		int k;

		ck_assert(p.shop[d].quantity[0] != '\0');
		ck_assert_ptr_null(strstr(p.shop[d].quantity, "unit"));
		ck_assert_ptr_null(strstr(p.shop[d].quantity, "yield"));
		for (k = d + 2; k < p.nshop && d > 0; k++)
			if (strcmp(p.shop[k].group, p.shop[d - 1].group) == 0)
				ck_assert_str_eq(p.shop[d].group, p.shop[d - 1].group);
		if (strcmp(p.shop[d].food, "bananas") == 0)
			ck_assert_str_eq(p.shop[d].quantity, "2");
	}
	ck_assert_str_eq(p.shop[0].group, "Produce");
}
END_TEST

START_TEST(plan_optional_keys)
{
	static struct cz_render_plan p;
	char err[256];
	const char *json =
	    "{\"request\":{\"calories\":1800,\"diet_type\":\"keto\",\"days\":1},"
	    "\"target\":{\"protein_pct\":25,\"fat_pct\":70,\"carbs_pct\":5},"
	    "\"days\":[{\"day\":1,\"meals\":[{\"slot\":\"lunch\",\"template\":\"Eggs\","
	    "\"totals\":{\"energy\":612.4}}],"
	    "\"totals\":{\"energy\":1800,\"protein\":100,\"fat\":140,\"carbs\":20}}],"
	    "\"shopping_list\":[{\"group\":\"Dairy and eggs\",\"items\":[{\"ndb\":\"01123\","
	    "\"food\":\"Egg, whole, raw\",\"grams\":300,\"quantity\":\"6 eggs\"}]}]}";

	ck_assert_msg(cz_render_plan_parse(json, &p, err, sizeof(err)) == 0, "%s", err);
	ck_assert(p.days[0].meals[0].energy_kcal > 612 && p.days[0].meals[0].energy_kcal < 613);
	ck_assert_int_eq(p.nshop, 1);
	/* No ingredients in the meals: the document's list, in plain
	 * grams rather than its household measures. */
	ck_assert_str_eq(p.shop[0].quantity, "300 g");
	ck_assert_str_eq(p.shop[0].group, "Dairy and eggs");
	/* Shares computed from grams when absent: 400/1260/80 of 1740. */
	ck_assert(p.days[0].fat_pct > 72 && p.days[0].fat_pct < 73);
}
END_TEST

START_TEST(plan_rejects_bad_input)
{
	static struct cz_render_plan p;
	char err[256];

	ck_assert_int_eq(cz_render_plan_parse("{\"request\":", &p, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "not valid JSON"));
	ck_assert_int_eq(cz_render_plan_parse("{} {}", &p, err, sizeof(err)), -1);
	ck_assert_int_eq(cz_render_plan_parse("[1,2]", &p, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "request"));
	ck_assert_int_eq(cz_render_plan_parse(
	    "{\"request\":{\"calories\":2000,\"diet_type\":\"vegan\"},"
	    "\"target\":{\"protein_pct\":20,\"fat_pct\":30,\"carbs_pct\":50},"
	    "\"days\":[]}", &p, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "days"));
	ck_assert_int_eq(cz_render_plan_parse(
	    "{\"request\":{\"calories\":2000,\"diet_type\":\"vegan\"},"
	    "\"target\":{\"protein_pct\":20,\"fat_pct\":30,\"carbs_pct\":50},"
	    "\"days\":[{\"day\":1,\"meals\":[{\"slot\":\"lunch\",\"template\":\"X\"}],"
	    "\"totals\":{\"energy\":\"lots\"}}]}", &p, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "days[0].totals"));
	ck_assert_int_eq(cz_render_plan_load("/nonexistent/plan.json", &p, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot read"));
}
END_TEST

/* A day clip (plan.h): the plan cut to its day 3 before anything is made
 * of it: one day card numbered 3, that day's shopping alone (fewer lines
 * than the week's, each a line of the week's list), what it was cut from
 * kept; a day the plan lacks is refused; 15 s on TikTok, 20 s on the
 * others. */
START_TEST(plan_day_clip)
{
	static struct cz_render_plan week, clip;
	const char *dir = getenv("CZ_RENDER_TEST_DIR");
	char path[4096], err[512];
	int i, k, found;

	load_fixture(&week);
	snprintf(path, sizeof(path), "%s/plan-standard-2000.json", dir);
	ck_assert_msg(cz_render_plan_load_day(path, 3, &clip, err,
	    sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(clip.ndays, 1);
	ck_assert_int_eq(clip.clip_day, 3);
	ck_assert_int_eq(clip.week_days, 7);
	ck_assert_int_eq(week.clip_day, 0);
	ck_assert_int_eq(week.week_days, 7);
	ck_assert_int_eq(clip.days[0].day, 3);
	ck_assert_str_eq(clip.days[0].meals[0].name, week.days[2].meals[0].name);
	ck_assert(clip.days[0].energy_kcal == week.days[2].energy_kcal);
	ck_assert_int_gt(clip.nshop, 0);
	ck_assert_int_lt(clip.nshop, week.nshop);
	for (i = 0; i < clip.nshop; i++) {
		for (found = 0, k = 0; k < week.nshop; k++)
			found |= strcmp(clip.shop[i].food, week.shop[k].food) == 0;
		ck_assert_msg(found, "%s is not on the week's list",
		    clip.shop[i].food);
	}
	ck_assert_int_eq(cz_render_plan_load_day(path, 8, &clip, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "no day 8"));
	ck_assert_int_eq(cz_render_day_seconds(cz_render_preset_find("tiktok")),
	    15);
	for (i = 0; cz_render_preset_at(i) != NULL; i++) {
		k = cz_render_day_seconds(cz_render_preset_at(i));
		ck_assert(k >= 15 && k <= 20);
	}
}
END_TEST

/* Checks a storyboard: frames add up exactly, cards are contiguous, and
 * every shot is well-formed: the hook is whole on the first frame, a
 * meal row moves only while its card is at rest, slides are eased and
 * move one way, a card or row blends only over the half of its slide
 * away from rest, every meal and figure is whole before its card leaves,
 * and the video ends faded to black. */
static void
check_story(const struct cz_render_plan *p, int fps, int seconds)
{
	struct cz_render_story s;
	int i, f, sum = 0;

	ck_assert_int_eq(cz_render_story_build(p, 3, fps, seconds, &s), 0);
	ck_assert_int_eq(s.total, fps * seconds);
	ck_assert_int_eq(s.ncards, p->ndays + 3 + 3);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(s.cards[p->ndays + 2 + i].kind, CZ_CARD_SHOPPING);
		ck_assert_int_eq(s.cards[p->ndays + 2 + i].day, i);
	}
	ck_assert_int_eq(s.cards[0].kind, CZ_CARD_TITLE);
	ck_assert_int_eq(s.cards[0].span, p->ndays);
	ck_assert_int_le(s.cards[0].frames, 3 * fps);
	ck_assert_int_eq(s.cards[s.ncards - 1].kind, CZ_CARD_END);
	for (i = 0; i < s.ncards; i++) {
		const struct cz_render_card *c = &s.cards[i];
		struct cz_render_shot sh, prev;
		int seen_last = 0;

		memset(&prev, 0, sizeof(prev));

		ck_assert_int_eq(c->first, sum);
		ck_assert_int_ge(c->frames, 2);
		sum += c->frames;
		for (f = 0; f < c->frames; f++) {
			cz_render_story_shot(c, f, &sh);
			ck_assert_int_ge(sh.stage, 0);
			ck_assert_int_lt(sh.stage, c->nstages);
			ck_assert_int_ge(sh.fade, 0);
			ck_assert_int_le(sh.fade, 256);
			ck_assert_int_ge(sh.alpha, 0);
			ck_assert_int_le(sh.alpha, 256);
			ck_assert_int_ge(sh.count, 0);
			ck_assert_int_le(sh.count, 256);
			ck_assert_int_le(abs(sh.dx), CZ_RENDER_CARD_TRAVEL);
			/* A card is see-through only over the half of its
			 * slide farther from rest (a plain slide costs the
			 * encoder a motion vector), but it does blend in
			 * and away rather than pop. */
			if (sh.alpha < 256)
				ck_assert_int_ge(abs(sh.dx),
				    CZ_RENDER_CARD_TRAVEL / 2);
			if (f == 0 && c->enter >= 4)
				ck_assert_int_lt(sh.alpha, 256);
			if (f == c->frames - 1 && c->exit >= 4)
				ck_assert_int_lt(sh.alpha, 256);
			if (i == 0 && f == 0) {
				/* The hook: whole from the first frame. */
				ck_assert_int_eq(sh.dx, 0);
				ck_assert_int_eq(sh.alpha, 256);
				ck_assert_int_eq(sh.fade, 256);
				ck_assert_int_eq(sh.row, -1);
			}
			if (sh.row >= 0) {
				ck_assert_int_eq(sh.row, sh.stage - 1);
				ck_assert_int_gt(sh.row_alpha, 0);
				ck_assert_int_le(sh.row_alpha, 256);
				/* Blended only over the half of its way
				 * farther from rest. */
				if (sh.row_alpha < 256)
					ck_assert_int_ge(sh.row_dx,
					    CZ_RENDER_ROW_TRAVEL / 2);
				ck_assert_int_gt(sh.row_dx, 0);
				ck_assert_int_le(sh.row_dx, CZ_RENDER_ROW_TRAVEL);
				ck_assert_int_eq(sh.dx, 0);
				ck_assert_int_eq(sh.alpha, 256);
				ck_assert_int_eq(sh.fade, 256);
			}
			if (f > 0) {
				/* Moving in: from the right, never back. */
				if (f < c->enter) {
					ck_assert_int_le(sh.dx, prev.dx);
					ck_assert_int_ge(sh.alpha, prev.alpha);
				}
				if (sh.dx < 0) {
					ck_assert_int_le(sh.dx, prev.dx);
					ck_assert_int_le(sh.alpha, prev.alpha);
				}
				if (sh.row >= 0 && prev.row == sh.row)
					ck_assert_int_lt(sh.row_dx, prev.row_dx);
				ck_assert_int_ge(sh.count, prev.count);
			}
			if (sh.stage == c->nstages - 1 && sh.row < 0 &&
			    sh.dx == 0 && sh.alpha == 256 && sh.count == 256 &&
			    sh.fade == 256)
				seen_last = 1;
			prev = sh;
		}
		/* Every meal and figure is whole, at rest, before the card
		 * leaves. */
		ck_assert_int_eq(seen_last, 1);
		if (c->kind == CZ_CARD_END && c->frames >= 8)
			ck_assert_int_lt(prev.fade, 256);
	}
	ck_assert_int_eq(sum, fps * seconds);
}

START_TEST(story_eases)
{
	int t, last = 0;

	ck_assert_int_eq(cz_render_ease_out(0), 0);
	ck_assert_int_eq(cz_render_ease_out(256), 256);
	ck_assert_int_eq(cz_render_ease_in(0), 0);
	ck_assert_int_eq(cz_render_ease_in(256), 256);
	for (t = 1; t <= 256; t++) {
		/* Out: fast, then landing softly; in: the reverse. */
		ck_assert_int_ge(cz_render_ease_out(t), last);
		ck_assert_int_ge(cz_render_ease_out(t), t);
		ck_assert_int_le(cz_render_ease_in(t), t);
		last = cz_render_ease_out(t);
	}
	ck_assert_int_gt(cz_render_ease_out(64), 128);
}
END_TEST

/* A clip of one day: the hook, that day (still the plan's day), the end
 * card; no week summary or shopping list. */
START_TEST(story_one_day)
{
	static struct cz_render_plan p;
	struct cz_render_story s;

	load_fixture(&p);
	ck_assert_int_eq(cz_render_story_build_days(&p, 3, 2, 1, 30, 15, &s), 0);
	ck_assert_int_eq(s.ncards, 3);
	ck_assert_int_eq(s.cards[0].kind, CZ_CARD_TITLE);
	ck_assert_int_eq(s.cards[0].span, 1);
	ck_assert_int_eq(s.cards[0].day, 2);
	ck_assert_int_eq(s.cards[1].kind, CZ_CARD_DAY);
	ck_assert_int_eq(s.cards[1].day, 2);
	ck_assert_int_eq(s.cards[2].kind, CZ_CARD_END);
	ck_assert_int_eq(s.cards[2].first + s.cards[2].frames, 30 * 15);
	ck_assert_int_eq(cz_render_story_build_days(&p, 1, 6, 2, 30, 15, &s), -1);
	ck_assert_int_eq(cz_render_story_build_days(&p, 1, -1, 1, 30, 15, &s), -1);
	ck_assert_int_eq(cz_render_story_build_days(&p, 1, 0, 0, 30, 15, &s), -1);
}
END_TEST

START_TEST(story_durations_exact)
{
	static struct cz_render_plan p;
	const struct cz_render_preset *pr;
	int i, d;

	load_fixture(&p);
	for (i = 0; (pr = cz_render_preset_at(i)) != NULL; i++)
		check_story(&p, pr->fps, pr->seconds);
	check_story(&p, 30, 2);
	check_story(&p, 25, 7);
	/* Other plan shapes: one day, and many meals a day. */
	p.ndays = 1;
	check_story(&p, 30, 30);
	p.ndays = CZ_PLAN_MAX_DAYS;
	for (d = 0; d < p.ndays; d++) {
		p.days[d] = p.days[d % 7];
		p.days[d].nmeals = CZ_PLAN_MAX_MEALS;
	}
	check_story(&p, 30, 60);
	check_story(&p, 30, 13);
}
END_TEST

START_TEST(story_rejects_too_short)
{
	static struct cz_render_plan p;
	struct cz_render_story s;

	load_fixture(&p);
	ck_assert_int_eq(cz_render_story_build(&p, 1, 10, 2, &s), -1);
	ck_assert_int_eq(cz_render_story_build(&p, 1, 0, 30, &s), -1);
	ck_assert_int_eq(cz_render_story_build(&p, 1, 30, 0, &s), -1);
	ck_assert_int_eq(cz_render_story_build(&p, CZ_RENDER_SCENE_SHOP_PAGES +
	    1, 30, 60, &s), -1);
}
END_TEST

/* Two pictures (8x4 and 4x2, with row padding) filled from seed. */
static void
pics_fill(struct cz_render_pics *p, uint8_t buf[2][3][64], int seed)
{
	int i, pl, k;

	p->n = 2;
	p->w[0] = 8;
	p->h[0] = 4;
	p->w[1] = 4;
	p->h[1] = 2;
	for (i = 0; i < 2; i++)
		for (pl = 0; pl < 3; pl++) {
			p->data[i][pl] = buf[i][pl];
			p->linesize[i][pl] = 16;
			for (k = 0; k < 64; k++)
				buf[i][pl][k] = (uint8_t)(seed * 31 + i * 7 + pl * 3 + k);
		}
}

/* 1 when the pictures' visible bytes are the same. */
static int
pics_same(const struct cz_render_pics *a, const struct cz_render_pics *b)
{
	int i, pl, y, w, h;

	for (i = 0; i < a->n; i++)
		for (pl = 0; pl < 3; pl++) {
			w = pl == 0 ? a->w[i] : a->w[i] / 2;
			h = pl == 0 ? a->h[i] : a->h[i] / 2;
			for (y = 0; y < h; y++)
				if (memcmp(a->data[i][pl] + y * a->linesize[i][pl],
				    b->data[i][pl] + y * b->linesize[i][pl],
				    (size_t)w) != 0)
					return 0;
		}
	return 1;
}

/* One 512x384 picture (a frame of several LZ4 blocks): flat rows, then
 * noise that does not pack (blocks stored as they are), from seed. */
static void
big_pics_fill(struct cz_render_pics *p, uint8_t *buf[3], int seed)
{
	uint32_t x = 2463534242u + (uint32_t)seed;
	int pl, k, w, h;

	p->n = 1;
	p->w[0] = 512;
	p->h[0] = 384;
	for (pl = 0; pl < 3; pl++) {
		w = pl ? 256 : 512;
		h = pl ? 192 : 384;
		p->data[0][pl] = buf[pl];
		p->linesize[0][pl] = w;
		for (k = 0; k < w * h; k++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			buf[pl][k] = k < w * h / 2 ? (uint8_t)(seed + pl) :
			    (uint8_t)x;
		}
	}
}

START_TEST(spool_frames_of_many_blocks)
{
	char dir[] = "/tmp/check-spool-XXXXXX", err[256];
	struct cz_render_pics p, q, want;
	struct cz_render_spool *s;
	uint8_t *in[2][3], *out[3];
	size_t raw = 512 * 384 * 3 / 2;
	int i, pl, repeat;

	for (i = 0; i < 2; i++)
		for (pl = 0; pl < 3; pl++)
			ck_assert_ptr_nonnull(in[i][pl] = malloc(512 * 384));
	for (pl = 0; pl < 3; pl++)
		ck_assert_ptr_nonnull(out[pl] = calloc(1, 512 * 384));
	ck_assert_ptr_nonnull(mkdtemp(dir));
	big_pics_fill(&p, in[0], 1);
	ck_assert_ptr_nonnull(s = cz_render_spool_open(dir, &p, err, sizeof(err)));
	ck_assert_int_eq(cz_render_spool_put(s, &p, 1, err, sizeof(err)), 0);
	big_pics_fill(&p, in[1], 2);
	ck_assert_int_eq(cz_render_spool_put(s, &p, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_spool_rewind(s, err, sizeof(err)), 0);
	/* The flat halves packed, the noise stored: between half and all
	 * of the two frames' bytes. */
	ck_assert_int_gt(cz_render_spool_size(s), (long long)raw);
	ck_assert_int_lt(cz_render_spool_size(s), (long long)(2 * raw));
	q = p;
	for (pl = 0; pl < 3; pl++)
		q.data[0][pl] = out[pl];
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(cz_render_spool_next(s, &q, &repeat, err,
		    sizeof(err)), 1);
		ck_assert_int_eq(repeat, 1);
		big_pics_fill(&want, in[i], i + 1);
		ck_assert(pics_same(&q, &want));
	}
	ck_assert_int_eq(cz_render_spool_next(s, &q, &repeat, err, sizeof(err)), 0);
	cz_render_spool_close(s);
	ck_assert_int_eq(rmdir(dir), 0);
	for (i = 0; i < 2; i++)
		for (pl = 0; pl < 3; pl++)
			free(in[i][pl]);
	for (pl = 0; pl < 3; pl++)
		free(out[pl]);
}
END_TEST

START_TEST(spool_round_trip)
{
	char dir[] = "/tmp/check-spool-XXXXXX", err[256];
	uint8_t in[2][3][64], out[2][3][64];
	struct cz_render_pics p, q, want;
	struct cz_render_canvas c = { 0 }, back = { 0 };
	struct cz_render_spool *s;
	struct dirent *de;
	DIR *d;
	int repeat, entries = 0;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	pics_fill(&p, in, 1);
	ck_assert_ptr_nonnull(s = cz_render_spool_open(dir, &p, err, sizeof(err)));
	ck_assert_int_eq(cz_render_canvas_init(&c, 16, 8), 0);
	memset(c.plane[0], 200, 16 * 8);
	memset(c.plane[1], 100, 4 * 8);
	memset(c.plane[2], 50, 4 * 8);
	/* Frame 1, the same bytes again (compared), unchanged, the kept
	 * canvas, then frame 2 twice. */
	ck_assert_int_eq(cz_render_spool_put(s, &p, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_spool_put(s, &p, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_spool_put(s, NULL, 0, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_spool_keep(s, &c, err, sizeof(err)), 0);
	pics_fill(&p, in, 2);
	ck_assert_int_eq(cz_render_spool_put(s, &p, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_spool_put(s, &p, 0, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_spool_rewind(s, err, sizeof(err)), 0);
	ck_assert_int_gt(cz_render_spool_size(s), 0);
	pics_fill(&q, out, 9);
	ck_assert_int_eq(cz_render_spool_next(s, &q, &repeat, err, sizeof(err)), 1);
	ck_assert_int_eq(repeat, 3);
	pics_fill(&want, in, 1);
	ck_assert(pics_same(&q, &want));
	ck_assert_int_eq(cz_render_spool_next(s, &q, &repeat, err, sizeof(err)), 1);
	ck_assert_int_eq(repeat, 2);
	pics_fill(&want, in, 2);
	ck_assert(pics_same(&q, &want));
	ck_assert_int_eq(cz_render_spool_next(s, &q, &repeat, err, sizeof(err)), 0);
	ck_assert_int_eq(cz_render_canvas_init(&back, 16, 8), 0);
	ck_assert_int_eq(cz_render_spool_kept(s, &back, err, sizeof(err)), 0);
	ck_assert_int_eq(memcmp(back.plane[0], c.plane[0], 16 * 8), 0);
	ck_assert_int_eq(memcmp(back.plane[1], c.plane[1], 4 * 8), 0);
	ck_assert_int_eq(memcmp(back.plane[2], c.plane[2], 4 * 8), 0);
	/* The spool file was unlinked when it was opened. */
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			entries++;
	closedir(d);
	ck_assert_int_eq(entries, 0);
	cz_render_spool_close(s);
	cz_render_canvas_free(&c);
	cz_render_canvas_free(&back);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, presets_table);
	tcase_add_test(tc, text_wraps_words);
	tcase_add_test(tc, long_name_fits_every_preset);
	tcase_add_test(tc, text_draws_inside_box);
	tcase_add_test(tc, cards_never_overflow);
	tcase_add_test(tc, plan_fixture_reads);
	tcase_add_test(tc, plan_optional_keys);
	tcase_add_test(tc, plan_rejects_bad_input);
	tcase_add_test(tc, plan_day_clip);
	tcase_add_test(tc, story_durations_exact);
	tcase_add_test(tc, story_rejects_too_short);
	tcase_add_test(tc, story_eases);
	tcase_add_test(tc, story_one_day);
	tcase_add_test(tc, spool_round_trip);
	tcase_add_test(tc, spool_frames_of_many_blocks);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
