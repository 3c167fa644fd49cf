/*
 * check_text_fit.c - unit tests of the text layout: render/text_fit.c
 * (wrap on words, shrink within bounds, never cut, never an ellipsis, a
 * box too small is a failure) and render/layout_check.c over every card
 * of the plan fixture and of harder plans made from it (eight dishes a
 * day with long names, a 160-line shopping list with long names and
 * quantities, one day), in every preset; and the check seen to fail (a
 * tiny frame, an ellipsis in a name). Uses the DejaVu fonts.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards.h"
#include "layout_check.h"
#include "plan.h"
#include "preset.h"
#include "text_fit.h"

#ifndef CZ_RENDER_FONT_DIR
#define CZ_RENDER_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif

#define NBSP	"\xc2\xa0"

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

/* The lines joined by single spaces equal the text with its runs of
 * spaces made single: nothing cut, nothing added. */
static void
assert_whole(const char *text, const struct cz_render_layout *l)
{
	char joined[1024], want[1024];
	size_t n = 0, k = 0, i;
	int j;

	for (j = 0; j < l->nlines; j++) {
		if (j > 0)
			joined[n++] = ' ';
		memcpy(joined + n, l->lines[j].s, l->lines[j].len);
		n += l->lines[j].len;
		ck_assert(strstr(joined, "\xe2\x80\xa6") == NULL);
	}
	joined[n] = '\0';
	for (i = 0; text[i] != '\0'; i++)
		if (text[i] != ' ' || (k > 0 && want[k - 1] != ' '))
			want[k++] = text[i];
	while (k > 0 && want[k - 1] == ' ')
		k--;
	want[k] = '\0';
	ck_assert_str_eq(joined, want);
}

START_TEST(fit_wraps_whole_words)
{
	struct cz_render_font *f = open_font("DejaVuSans.ttf");
	struct cz_render_layout l;
	const char *t = "Grilled king mackerel with tomato-pepper sauce and "
	    "brown rice";
	int one = cz_render_text_width(f, 40, t, strlen(t)), i;

	ck_assert_int_gt(one, 600);
	/* Room for the whole line: one line at the largest size. */
	ck_assert_int_eq(cz_render_text_fit(f, t, one + 4, 60, 40, 20, 4, &l),
	    CZ_FIT_OK);
	ck_assert_int_eq(l.nlines, 1);
	ck_assert_int_eq(l.size, 40);
	assert_whole(t, &l);
	/* A third as wide and tall enough: wraps at spaces, same size. */
	ck_assert_int_eq(cz_render_text_fit(f, t, one / 3, 400, 40, 20, 6, &l),
	    CZ_FIT_OK);
	ck_assert_int_eq(l.size, 40);
	ck_assert_int_ge(l.nlines, 3);
	for (i = 0; i < l.nlines; i++) {
		ck_assert_int_le(l.lines[i].width, one / 3);
		ck_assert(l.lines[i].s[0] != ' ');
		ck_assert(l.lines[i].s[l.lines[i].len - 1] != ' ');
		if (i > 0)
			ck_assert(l.lines[i].s[-1] == ' ');
	}
	assert_whole(t, &l);
	ck_assert_int_le(l.height, 400);
	/* Two lines only: it shrinks, and still keeps every word. */
	ck_assert_int_eq(cz_render_text_fit(f, t, one / 3, 400, 40, 10, 2, &l),
	    CZ_FIT_OK);
	ck_assert_int_lt(l.size, 40);
	ck_assert_int_eq(l.nlines, 2);
	assert_whole(t, &l);
	cz_render_font_close(f);
}
END_TEST

/* A box too small at the smallest size is a failure, not a cut text. */
START_TEST(fit_refuses_tiny_box)
{
	struct cz_render_font *f = open_font("DejaVuSans.ttf");
	struct cz_render_layout l;
	const char *t = "Soymilk (all flavors), unsweetened, with added calcium, "
	    "vitamins A and D";

	ck_assert_int_eq(cz_render_text_fit(f, t, 2000, 60, 30, 24, 2, &l),
	    CZ_FIT_OK);
	ck_assert_int_eq(cz_render_text_fit(f, t, 200, 30, 24, 20, 1, &l),
	    CZ_FIT_TOO_BIG);
	ck_assert_int_eq(cz_render_text_fit(f, t, 200, 5, 24, 20, 1, &l),
	    CZ_FIT_TOO_BIG);
	ck_assert_int_eq(l.nlines, 0);
	ck_assert_int_eq(cz_render_text_fit(f, t, 0, 50, 24, 20, 1, &l), -1);
	ck_assert_int_eq(cz_render_text_fit(f, t, 100, 50, 10, 20, 1, &l), -1);
	cz_render_font_close(f);
}
END_TEST

/* A word is never broken: a word wider than the box fails. */
START_TEST(fit_never_breaks_words)
{
	struct cz_render_font *f = open_font("DejaVuSans-Bold.ttf");
	struct cz_render_layout l;
	char word[101];

	memset(word, 'W', 100);
	word[100] = '\0';
	ck_assert_int_eq(cz_render_text_fit(f, word, 300, 1000, 40, 30, 16,
	    &l), CZ_FIT_TOO_BIG);
	ck_assert_int_eq(cz_render_text_fit(f, word, 5000, 100, 40, 30, 1,
	    &l), CZ_FIT_OK);
	ck_assert_int_eq(l.nlines, 1);
	cz_render_font_close(f);
}
END_TEST

/* No-break spaces keep a figure with its unit: "254 g" never stands
 * alone, while with plain spaces the same box does break inside it. */
START_TEST(fit_keeps_figures_with_units)
{
	struct cz_render_font *f = open_font("DejaVuSans.ttf");
	struct cz_render_layout l;
	const char *nb = "2012" NBSP "kcal \xc2\xb7 protein" NBSP "150" NBSP
	    "g \xc2\xb7 fat" NBSP "60" NBSP "g \xc2\xb7 carbs" NBSP "254" NBSP "g";
	const char *plain = "2012 kcal \xc2\xb7 protein 150 g \xc2\xb7 fat 60 g "
	    "\xc2\xb7 carbs 254 g";
	int w, i, split = 0;

	/* Just too narrow for the whole line minus its last "g". */
	w = cz_render_text_width(f, 30, plain, strlen(plain) - 2);
	ck_assert_int_eq(cz_render_text_fit(f, plain, w, 200, 30, 30, 4, &l),
	    CZ_FIT_OK);
	ck_assert_int_eq(l.nlines, 2);
	ck_assert_int_eq((int)l.lines[1].len, 1);	/* "g" alone */
	ck_assert_int_eq(cz_render_text_fit(f, nb, w, 200, 30, 30, 4, &l),
	    CZ_FIT_OK);
	for (i = 0; i < l.nlines; i++)
		if (l.lines[i].len < 12)
			split = 1;
	ck_assert_int_eq(split, 0);
	ck_assert(strncmp(l.lines[l.nlines - 1].s, "carbs", 5) == 0);
	cz_render_font_close(f);
}
END_TEST

static struct cz_render_fonts fonts;

static void
fonts_setup(void)
{
	char err[512];

	ck_assert_msg(cz_render_fonts_open(&fonts, font_dir(), err,
	    sizeof(err)) == 0, "%s", err);
}

static void
fonts_teardown(void)
{
	cz_render_fonts_close(&fonts);
}

static void
load_fixture(struct cz_render_plan *p)
{
	const char *dir = getenv("CZ_RENDER_TEST_DIR");
	char path[4096], err[512];

	ck_assert_msg(dir != NULL, "CZ_RENDER_TEST_DIR is not set (run by "
	    "make check)");
	snprintf(path, sizeof(path), "%s/plan-standard-2000.json", dir);
	ck_assert_msg(cz_render_plan_load(path, p, err, sizeof(err)) == 0, "%s",
	    err);
}

/* Names of n bytes: words of 3 to 11 letters. */
static void
long_name(char *dst, int n, int seed)
{
	static const char *const words[] = { "roasted", "sweet", "potato",
	    "with", "Brussels", "sprouts", "and", "tomato-pepper", "sauce",
	    "chickpeas", "tahini" };
	int k = 0, i = seed;

	dst[0] = '\0';
	while (k < n - 14) {
		k += snprintf(dst + k, (size_t)(n - k), "%s%s", k > 0 ? " " : "",
		    words[i++ % 11]);
	}
}

/* The fixture, then harder shapes made from it. */
static void
make_plan(struct cz_render_plan *p, int variant)
{
	int d, m, i;

	load_fixture(p);
	if (variant == 1) {
		/* Eight dishes every day, with 66-byte names (the catalog's
		 * longest has 61). */
		for (d = 0; d < p->ndays; d++) {
			p->days[d].nmeals = CZ_PLAN_MAX_MEALS;
			for (m = 0; m < CZ_PLAN_MAX_MEALS; m++) {
				p->days[d].meals[m] = p->days[0].meals[m % 3];
				long_name(p->days[d].meals[m].name, 66, d + m);
			}
		}
	} else if (variant == 2) {
		/* The longest shopping list, 60-byte names and long
		 * quantities, in several aisles, and more beyond it. */
		p->nshop = CZ_RENDER_MAX_SHOP;
		for (i = 0; i < p->nshop; i++) {
			snprintf(p->shop[i].group, sizeof(p->shop[i].group), "%s",
			    i / 20 % 2 ? "Nuts, seeds & dried fruit" : "Produce");
			long_name(p->shop[i].food, 60, i);
			snprintf(p->shop[i].quantity, sizeof(p->shop[i].quantity),
			    i % 3 ? "1 bag (1 kg) + 1 bag (500 g)" : "12");
		}
		p->shop_more = 7;
	} else if (variant == 3) {
		p->ndays = 1;
	}
}

START_TEST(layout_every_card_every_preset)
{
	static struct cz_render_plan p;
	struct cz_render_layout_stats st;
	const struct cz_render_preset *pr;
	char err[512];
	int v, i;

	memset(&st, 0, sizeof(st));
	for (v = 0; v < 4; v++) {
		make_plan(&p, v);
		for (i = 0; (pr = cz_render_preset_at(i)) != NULL; i++)
			ck_assert_msg(cz_render_layout_check(&fonts, &p, pr->width,
			    pr->height, &st, err, sizeof(err)) == 0, "%s: %s",
			    pr->name, err);
	}
	printf("check_text_fit: %ld plans x presets, %ld cards, %ld texts, "
	    "%ld lines, %ld failures; smallest sizes (thousandths of the short "
	    "side) small %d, body %d, shopping %d, titles %d; up to %d "
	    "shopping cards\n", st.plans, st.cards, st.texts, st.lines,
	    st.failures, st.min_pm[CZ_TEXT_SMALL], st.min_pm[CZ_TEXT_BODY],
	    st.min_pm[CZ_TEXT_SHOP], st.min_pm[CZ_TEXT_HEAD], st.max_shop_pages);
	ck_assert_msg(st.failures == 0, "%ld failures, first: %s", st.failures,
	    st.first);
	ck_assert_int_eq(st.plans, 16);
	ck_assert_int_gt(st.texts, 1000);
	ck_assert_int_gt(st.max_shop_pages, 3);
	ck_assert_int_ge(st.min_pm[CZ_TEXT_SHOP], CZ_RENDER_SHOP_PM - 1);
	ck_assert_int_ge(st.min_pm[CZ_TEXT_BODY], CZ_RENDER_BODY_PM - 1);
}
END_TEST

/* The check fails what it must: a frame too small for the cards, and an
 * ellipsis in a name. */
START_TEST(layout_check_sees_failures)
{
	static struct cz_render_plan p;
	struct cz_render_layout_stats st;
	char err[512];

	make_plan(&p, 1);
	memset(&st, 0, sizeof(st));
	ck_assert_int_eq(cz_render_layout_check(&fonts, &p, 1080, 1920, &st, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(st.failures, 0);
	/* A tiny frame: the names cannot fit at the readable size. */
	memset(&st, 0, sizeof(st));
	ck_assert_int_eq(cz_render_layout_check(&fonts, &p, 90, 160, &st, err,
	    sizeof(err)), 0);
	ck_assert_int_gt(st.failures, 0);
	ck_assert_ptr_nonnull(strstr(st.first, "does not fit"));
	/* An ellipsis. */
	make_plan(&p, 0);
	snprintf(p.days[0].meals[0].name, sizeof(p.days[0].meals[0].name),
	    "Overnight oats with blue\xe2\x80\xa6");
	memset(&st, 0, sizeof(st));
	ck_assert_int_eq(cz_render_layout_check(&fonts, &p, 1080, 1920, &st, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(st.failures, 1);
	ck_assert_ptr_nonnull(strstr(st.first, "ellipsis"));
}
END_TEST

/* Drawing fails, rather than cutting, when a text cannot fit. */
START_TEST(draw_refuses_what_does_not_fit)
{
	static struct cz_render_plan p;
	struct cz_render_canvas c;
	struct cz_render_card card;
	char err[512];

	make_plan(&p, 1);
	memset(&card, 0, sizeof(card));
	card.kind = CZ_CARD_DAY;
	card.nstages = 1 + p.days[0].nmeals;
	ck_assert_int_eq(cz_render_canvas_init(&c, 1080, 1920), 0);
	ck_assert_msg(cz_render_card_draw(&fonts, &p, &card, card.nstages - 1,
	    &c, err, sizeof(err)) == 0, "%s", err);
	cz_render_canvas_free(&c);
	ck_assert_int_eq(cz_render_canvas_init(&c, 90, 160), 0);
	ck_assert_int_eq(cz_render_card_draw(&fonts, &p, &card, card.nstages - 1,
	    &c, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot lay out"));
	cz_render_canvas_free(&c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("text_fit");
	TCase *tc = tcase_create("fit"), *tl = tcase_create("layout");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, fit_wraps_whole_words);
	tcase_add_test(tc, fit_refuses_tiny_box);
	tcase_add_test(tc, fit_never_breaks_words);
	tcase_add_test(tc, fit_keeps_figures_with_units);
	suite_add_tcase(s, tc);
	tcase_set_timeout(tl, 120);
	tcase_add_checked_fixture(tl, fonts_setup, fonts_teardown);
	tcase_add_test(tl, layout_every_card_every_preset);
	tcase_add_test(tl, layout_check_sees_failures);
	tcase_add_test(tl, draw_refuses_what_does_not_fit);
	suite_add_tcase(s, tl);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
