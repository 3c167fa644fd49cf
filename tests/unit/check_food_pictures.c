/*
 * check_food_pictures.c - the food -> picture mapping (lib/food_pictures.h)
 * against the real catalog and the real picture set: every catalog
 * ingredient of the migrations in sql/ has a picture; every key the
 * mapping can answer (foods, dish types of every catalog dish name, slot
 * fallbacks) is in the set; every picture of the set is a colour glyph of
 * the installed Noto Color Emoji font and has its PNG in static/img/food/
 * (regenerate with `make food-pictures`); and the choice of a dish's
 * pictures (dish type first, then main ingredients by weight, minor ones
 * never while a major one is there, the slot when nothing is known); and
 * that a video's day card, drawn from the committed plan fixture, has
 * picture pixels (many saturated colours) where its dishes' pictures go
 * and none there before its meals appear.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "cards.h"
#include "catalog.h"
#include "food_pictures.h"
#include "picture.h"
#include "plan.h"
#include "scene.h"

#ifndef CZ_RENDER_FONT_DIR
#define CZ_RENDER_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif

#ifndef CZ_SRCDIR
#error "CZ_SRCDIR must name the source tree"
#endif

#define MAX_ROWS	2048

struct dish {
	char	 name[192];
	char	 slot[16];
};

static char ndbs[MAX_ROWS][6];
static size_t nndb;
static struct dish dishes[MAX_ROWS];
static size_t ndish;

/* Reads the catalog_ingredients NDB numbers and the meal_templates names
 * and slots of every migration in sql/, as the database gets them. */
static void
read_catalog(void)
{
	char path[4096], line[1024];
	struct dirent *e;
	DIR *d;
	FILE *f;
	int in;	/* 1: ingredients rows, 2: template rows */

	nndb = ndish = 0;
	d = opendir(CZ_SRCDIR "/sql");
	ck_assert_msg(d != NULL, "cannot open %s/sql", CZ_SRCDIR);
	while ((e = readdir(d)) != NULL) {
		size_t nlen = strlen(e->d_name);

		if (nlen < 5 || strcmp(e->d_name + nlen - 4, ".sql") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/sql/%s", CZ_SRCDIR, e->d_name);
		ck_assert((f = fopen(path, "r")) != NULL);
		in = 0;
		while (fgets(line, sizeof(line), f) != NULL) {
			char ndb[6], name[192], slot[16], *p = line;
			size_t len;
			int id;

			if (strstr(line, "INSERT INTO catalog_ingredients") != NULL)
				in = 1;
			else if (strstr(line, "INSERT INTO meal_templates ") != NULL)
				in = 2;
			while (*p == ' ' || *p == '\t')
				p++;
			if (in == 1 && sscanf(p, "('%5[0-9]'", ndb) == 1 &&
			    strlen(ndb) == 5) {
				ck_assert(nndb < MAX_ROWS);
				memcpy(ndbs[nndb++], ndb, 6);
			} else if (in == 2 && sscanf(p, "(%d, '%*[^']', '%191[^']', "
			    "'%15[a-z]'", &id, name, slot) == 3) {
				ck_assert(ndish < MAX_ROWS);
				snprintf(dishes[ndish].name, sizeof(dishes[0].name),
				    "%s", name);
				snprintf(dishes[ndish].slot, sizeof(dishes[0].slot),
				    "%s", slot);
				ndish++;
			}
			/* A statement ends with ";" at the end of a line
			 * that is not a comment. */
			len = strcspn(line, "\r\n");
			while (len > 0 && (line[len - 1] == ' ' ||
			    line[len - 1] == '\t'))
				len--;
			if (strncmp(p, "--", 2) != 0 && len > 0 &&
			    line[len - 1] == ';')
				in = 0;
		}
		fclose(f);
	}
	closedir(d);
	/* The catalog as shipped: ~195 foods and ~240 dishes; a parse that
	 * found next to nothing would make the tests below vacuous. */
	ck_assert_msg(nndb >= 150, "only %zu catalog foods read", nndb);
	ck_assert_msg(ndish >= 200, "only %zu dishes read", ndish);
}

START_TEST(every_catalog_food_has_a_picture)
{
	size_t i;

	read_catalog();
	for (i = 0; i < nndb; i++) {
		const char *k = cz_food_picture(ndbs[i]);

		ck_assert_msg(k != NULL, "catalog food %s has no picture "
		    "(add it to lib/food_pictures.c)", ndbs[i]);
		ck_assert_msg(cz_picture_by_key(k) != NULL, "food %s: picture "
		    "\"%s\" is not in the set", ndbs[i], k);
	}
}
END_TEST

START_TEST(every_key_is_in_the_set)
{
	const struct cz_food_picture *t;
	const struct cz_picture *set;
	const char *out[CZ_DISH_PICTURES_MAX];
	size_t n, m, i, j, k;
	int s;

	set = cz_picture_set(&n);
	for (i = 0; i < n; i++) {
		ck_assert_msg(strlen(set[i].key) > 0 &&
		    strlen(set[i].key) <= CZ_PICTURE_KEY_MAX &&
		    strspn(set[i].key, "abcdefghijklmnopqrstuvwxyz_") ==
		    strlen(set[i].key), "bad key \"%s\"", set[i].key);
		for (j = 0; j < i; j++)
			ck_assert_msg(strcmp(set[i].key, set[j].key) != 0 &&
			    set[i].cp != set[j].cp, "%s repeats %s", set[i].key,
			    set[j].key);
	}
	t = cz_food_picture_table(&m);
	for (i = 0; i < m; i++) {
		ck_assert_msg(cz_picture_by_key(t[i].key) != NULL, "food %s: "
		    "\"%s\" is not in the set", t[i].ndb, t[i].key);
		for (j = 0; j < i; j++)
			ck_assert_msg(strcmp(t[i].ndb, t[j].ndb) != 0,
			    "food %s twice", t[i].ndb);
	}
	for (s = -1; s <= CZ_SLOT__MAX; s++)
		ck_assert_msg(cz_picture_by_key(cz_slot_picture(s)) != NULL,
		    "slot %d", s);
	read_catalog();
	for (i = 0; i < ndish; i++) {
		k = cz_dish_pictures(dishes[i].name,
		    cz_slot_by_name(dishes[i].slot), NULL, 0, out, 3);
		ck_assert_msg(k >= 1, "%s: no picture", dishes[i].name);
		for (j = 0; j < k; j++)
			ck_assert_msg(cz_picture_by_key(out[j]) != NULL,
			    "%s: \"%s\" is not in the set", dishes[i].name, out[j]);
	}
}
END_TEST

START_TEST(every_picture_is_a_colour_glyph_with_its_png)
{
	struct cz_render_pictures *p;
	const struct cz_picture *set;
	char err[256], path[4096];
	png_image img;
	uint8_t *px, *buf;
	size_t n, i, j, opaque;
	int w, h;

	p = cz_render_pictures_open(NULL, err, sizeof(err));
	ck_assert_msg(p != NULL, "%s", err);
	set = cz_picture_set(&n);
	for (i = 0; i < n; i++) {
		ck_assert_msg(cz_render_picture_pixels(p, set[i].key, 64, &px,
		    &w, &h, err, sizeof(err)) == 0, "%s", err);
		ck_assert_int_eq(w > h ? w : h, 64);
		free(px);
		snprintf(path, sizeof(path), "%s/static/img/food/%s.png",
		    CZ_SRCDIR, set[i].key);
		memset(&img, 0, sizeof(img));
		img.version = PNG_IMAGE_VERSION;
		ck_assert_msg(png_image_begin_read_from_file(&img, path),
		    "%s: %s (run make food-pictures)", path, img.message);
		img.format = PNG_FORMAT_RGBA;
		ck_assert_msg(img.width >= 64 && img.width <= 256 &&
		    img.height >= 64 && img.height <= 256, "%s: %ux%u", path,
		    img.width, img.height);
		buf = malloc(PNG_IMAGE_SIZE(img));
		ck_assert(buf != NULL);
		ck_assert(png_image_finish_read(&img, NULL, buf, 0, NULL));
		for (j = 0, opaque = 0; j < (size_t)img.width * img.height; j++)
			opaque += buf[4 * j + 3] > 128;
		/* A picture, not an empty square: emoji cover 40-90 %. */
		ck_assert_msg(opaque * 5 > (size_t)img.width * img.height,
		    "%s is mostly transparent", path);
		free(buf);
	}
	ck_assert_int_eq(cz_render_picture_pixels(p, "no_such", 64, &px, &w,
	    &h, err, sizeof(err)), -1);
	cz_render_pictures_close(p);
}
END_TEST

START_TEST(dish_pictures_are_chosen_by_type_then_weight)
{
	const char *out[CZ_DISH_PICTURES_MAX];
	struct cz_dish_item salmon[] = {
		{ "04053", 400 },	/* olive oil: minor, however heavy */
		{ "20137", 150 },	/* quinoa */
		{ "15209", 160 },	/* salmon */
		{ "11012", 100 },	/* asparagus */
	};
	struct cz_dish_item rice_salmon[] = {
		{ "20037", 430 },	/* brown rice */
		{ "15209", 180 },	/* salmon: a protein counts thrice */
	};
	struct cz_dish_item oil[] = { { "04053", 10 } };
	struct cz_dish_item unknown[] = { { "99999", 100 } };

	/* No dish type: the heaviest major ingredients. */
	ck_assert_uint_eq(cz_dish_pictures("Lemon herb salmon with quinoa",
	    CZ_SLOT_DINNER, salmon, 4, out, 3), 3);
	ck_assert_str_eq(out[0], "fish");
	ck_assert_str_eq(out[1], "grain");
	ck_assert_str_eq(out[2], "herb");
	ck_assert_uint_eq(cz_dish_pictures("Ginger soy salmon with brown rice",
	    CZ_SLOT_DINNER, rice_salmon, 2, out, 3), 2);
	ck_assert_str_eq(out[0], "fish");
	ck_assert_str_eq(out[1], "rice");
	/* The dish type comes first; max is respected. */
	ck_assert_uint_eq(cz_dish_pictures("Chicken quinoa SALAD",
	    CZ_SLOT_LUNCH, salmon, 4, out, 2), 2);
	ck_assert_str_eq(out[0], "salad");
	ck_assert_str_eq(out[1], "fish");
	/* An ingredient that reads like a dish type is not one. */
	cz_dish_pictures("Spaghetti squash with ricotta", CZ_SLOT_DINNER,
	    NULL, 0, out, 1);
	ck_assert_str_eq(out[0], "plate");
	/* Only minor ingredients: they stand for the dish. */
	ck_assert_uint_eq(cz_dish_pictures(NULL, CZ_SLOT_SNACK, oil, 1, out,
	    3), 1);
	ck_assert_str_eq(out[0], "olive");
	/* Nothing known: the slot. */
	ck_assert_uint_eq(cz_dish_pictures("Mystery", CZ_SLOT_BREAKFAST,
	    unknown, 1, out, 3), 1);
	ck_assert_str_eq(out[0], "bowl");
	ck_assert_uint_eq(cz_dish_pictures("x", CZ_SLOT_BREAKFAST, NULL, 0,
	    out, 0), 0);
	ck_assert_ptr_null(cz_food_picture("00000"));
	ck_assert_ptr_null(cz_food_picture(NULL));
}
END_TEST

/* Distinct saturated colours (chroma quantised to 16 x 16 steps, far from
 * grey) in the rectangle of canvas c; *share gets the saturated share of
 * its pixels in percent. */
static int
saturated_colours(const struct cz_render_canvas *c, int x0, int y0, int x1,
    int y1, int *share)
{
	unsigned char seen[256] = { 0 };
	int x, y, n = 0, sat = 0, all = 0;

	for (y = y0 / 2; y < y1 / 2; y++)
		for (x = x0 / 2; x < x1 / 2; x++) {
			int u = c->plane[1][y * (c->w / 2) + x];
			int v = c->plane[2][y * (c->w / 2) + x];

			all++;
			if (abs(u - 128) + abs(v - 128) < 24)
				continue;
			sat++;
			if (!seen[(u >> 4) << 4 | v >> 4]++)
				n++;
		}
	*share = all ? sat * 100 / all : 0;
	return n;
}

START_TEST(a_day_card_shows_its_dish_pictures)
{
	static struct cz_render_plan plan;
	struct cz_render_story story;
	struct cz_render_canvas c;
	struct cz_render_fonts f;
	const struct cz_render_card *day = NULL;
	char err[256];
	int i, n, share, W = 1080, H = 1920;

	ck_assert_msg(cz_render_plan_load(CZ_SRCDIR "/tests/render/"
	    "plan-standard-2000.json", &plan, err, sizeof(err)) == 0, "%s", err);
	for (i = 0; i < plan.days[0].nmeals; i++)
		ck_assert_int_ge(plan.days[0].meals[i].npictures, 1);
	ck_assert(cz_render_story_build(&plan, 1, 30, 30, &story) == 0);
	for (i = 0; i < story.ncards && day == NULL; i++)
		if (story.cards[i].kind == CZ_CARD_DAY)
			day = &story.cards[i];
	ck_assert_ptr_nonnull(day);
	ck_assert_msg(cz_render_fonts_open(&f, CZ_RENDER_FONT_DIR, err,
	    sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(cz_render_canvas_init(&c, W, H), 0);
	/* Stage 0: the day's heading only; the first meal row's picture
	 * area (right part left of the vertical formats' right 15 %, 20-37 %
	 * of the height) is background. */
	ck_assert_msg(cz_render_card_draw(&f, &plan, day, 0, &c, err,
	    sizeof(err)) == 0, "%s", err);
	n = saturated_colours(&c, W * 50 / 100, H * 20 / 100, W * 85 / 100,
	    H * 37 / 100, &share);
	ck_assert_msg(n == 0 && share == 0, "before the meals: %d colours, "
	    "%d %%", n, share);
	/* Every meal shown: the dish and its ingredients, in colour. */
	ck_assert_msg(cz_render_card_draw(&f, &plan, day, day->nstages - 1, &c,
	    err, sizeof(err)) == 0, "%s", err);
	n = saturated_colours(&c, W * 50 / 100, H * 20 / 100, W * 85 / 100,
	    H * 37 / 100, &share);
	ck_assert_msg(n >= 12 && share >= 10, "the first meal's pictures: "
	    "%d saturated colours, %d %% of the area", n, share);
	/* Large, not a row of icons: the hero fills most of the row's
	 * height, so its colours reach the middle of the area's height. */
	n = saturated_colours(&c, W * 58 / 100, H * 26 / 100, W * 85 / 100,
	    H * 30 / 100, &share);
	ck_assert_msg(share >= 10, "the dish picture's middle band: %d %%",
	    share);
	cz_render_canvas_free(&c);
	cz_render_fonts_close(&f);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("food_pictures");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, every_catalog_food_has_a_picture);
	tcase_add_test(tc, every_key_is_in_the_set);
	tcase_add_test(tc, every_picture_is_a_colour_glyph_with_its_png);
	tcase_add_test(tc, dish_pictures_are_chosen_by_type_then_weight);
	tcase_add_test(tc, a_day_card_shows_its_dish_pictures);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
