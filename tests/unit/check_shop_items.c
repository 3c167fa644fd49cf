/*
 * check_shop_items.c - unit tests of the shopping list one can shop from:
 * the shop-item tables (lib/shop_items.c) cover every catalog food of
 * sql/ with a sane factor, and the list (lib/shop_list.c) over thousands
 * of random plans has one line per shop item, plain names, whole pieces,
 * boxes and packs, what is bought at least what is used and never a whole
 * pack more.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "shop_items.h"
#include "shop_list.h"

/* Words of USDA names and cooking that a shop's shelf never carries. */
static const char *const banned[] = {
	"cooked", "steamed", "boiled", "roasted", "baked", "simmered",
	"broiled", "NS as to", "yields", "wilted", "drained", "prepared",
};

static int
has_banned(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		if (strstr(s, banned[i]) != NULL)
			return 1;
	return 0;
}

START_TEST(tables_are_sorted_and_unique)
{
	const struct cz_shop_product *it;
	const struct cz_shop_food *f;
	size_t ni, nf, i;

	ni = cz_shop_products(&it);
	nf = cz_shop_foods(&f);
	ck_assert_uint_gt(ni, 100);
	ck_assert_uint_gt(nf, 150);
	/* The lookups bisect: strictly increasing keys, or a lookup misses. */
	for (i = 1; i < ni; i++)
		ck_assert_msg(strcmp(it[i - 1].key, it[i].key) < 0,
		    "items out of order at %s, %s", it[i - 1].key, it[i].key);
	for (i = 1; i < nf; i++)
		ck_assert_msg(strcmp(f[i - 1].ndb, f[i].ndb) < 0,
		    "foods out of order at %s, %s", f[i - 1].ndb, f[i].ndb);
	for (i = 0; i < ni; i++)
		ck_assert_ptr_eq(cz_shop_product(it[i].key), &it[i]);
	for (i = 0; i < nf; i++)
		ck_assert_ptr_eq(cz_shop_food(f[i].ndb), &f[i]);
	ck_assert_ptr_null(cz_shop_food("99999"));
	ck_assert_ptr_null(cz_shop_food(NULL));
	ck_assert_ptr_null(cz_shop_product("no-such-item"));
	ck_assert_str_eq(cz_aisle_name(CZ_AISLE_PRODUCE), "Produce");
	ck_assert_ptr_null(cz_aisle_name(CZ_AISLE__MAX));
	ck_assert_ptr_null(cz_aisle_name(-1));
}
END_TEST

START_TEST(items_are_sane)
{
	const struct cz_shop_product *it;
	const struct cz_shop_food *f;
	size_t ni, nf, i, j;
	int used;

	ni = cz_shop_products(&it);
	nf = cz_shop_foods(&f);
	for (i = 0; i < ni; i++) {
		ck_assert_msg(it[i].name != NULL && it[i].name[0] != '\0' &&
		    !has_banned(it[i].name), "%s: name \"%s\"", it[i].key,
		    it[i].name);
		ck_assert_msg(it[i].aisle >= 0 && it[i].aisle < CZ_AISLE_OTHER,
		    "%s: aisle", it[i].key);
		switch (it[i].buy) {
		case CZ_BUY_PIECES:
			ck_assert_msg(it[i].piece_g > 0 && it[i].piece_g < 2000,
			    "%s: piece of %g g", it[i].key, it[i].piece_g);
			ck_assert_msg(it[i].box >= 0 && it[i].box <= 30,
			    "%s: box of %d", it[i].key, it[i].box);
			break;
		case CZ_BUY_PACKS:
			ck_assert_msg(it[i].unit != NULL && it[i].units != NULL,
			    "%s: a pack needs a unit", it[i].key);
			ck_assert_msg(it[i].packs[0].grams >= 5 &&
			    it[i].packs[0].grams <= 2000, "%s: pack of %g g",
			    it[i].key, it[i].packs[0].grams);
			ck_assert_msg(it[i].packs[1].grams >= 0 &&
			    it[i].packs[1].grams < it[i].packs[0].grams,
			    "%s: the second pack size must be smaller",
			    it[i].key);
			break;
		case CZ_BUY_WEIGHT:
			break;
		default:
			ck_abort_msg("%s: how is it sold?", it[i].key);
		}
		for (j = 0, used = 0; j < nf; j++)
			used |= strcmp(f[j].item, it[i].key) == 0;
		ck_assert_msg(used, "%s: no catalog food is bought as it",
		    it[i].key);
	}
}
END_TEST

/* Every factor within the bounds, and in the range its basis implies: dry
 * grains and pulses take up water (0.2 to 0.5 g dry per gram cooked), raw
 * meat, fish and vegetables lose it (1 to 1.7 g raw per gram cooked),
 * anything else is eaten as bought, or nearly. */
START_TEST(factors_are_sane)
{
	const struct cz_shop_product *it;
	const struct cz_shop_food *f;
	size_t nf, i;
	double lo, hi;

	nf = cz_shop_foods(&f);
	for (i = 0; i < nf; i++) {
		it = cz_shop_product(f[i].item);
		ck_assert_msg(it != NULL, "%s: no shop item \"%s\"", f[i].ndb,
		    f[i].item);
		ck_assert_msg(f[i].factor >= CZ_SHOP_FACTOR_MIN &&
		    f[i].factor <= CZ_SHOP_FACTOR_MAX,
		    "%s: factor %g out of range", f[i].ndb, f[i].factor);
		if (it->basis != NULL && strcmp(it->basis, "dry") == 0)
			lo = 0.2, hi = 0.5;
		else if (it->basis != NULL && strcmp(it->basis, "raw") == 0)
			lo = 1.0, hi = 1.7;
		else if (it->basis != NULL &&
		    strcmp(it->basis, "in shell") == 0)
			lo = 2.0, hi = CZ_SHOP_FACTOR_MAX;
		else
			lo = 1.0, hi = 1.5;
		ck_assert_msg(f[i].factor >= lo && f[i].factor <= hi,
		    "%s (%s, %s): factor %g outside %g..%g", f[i].ndb,
		    f[i].item, it->basis ? it->basis : "as bought",
		    f[i].factor, lo, hi);
	}
}
END_TEST

/* Appends to ndbs (n of them, at most max) the NDB numbers of the rows of
 * every INSERT INTO catalog_ingredients in the SQL file at path. */
static void
catalog_ndbs(const char *path, char (*ndbs)[6], size_t *n, size_t max)
{
	char line[4096], *p;
	int in = 0;
	FILE *fp;

	ck_assert_msg((fp = fopen(path, "r")) != NULL, "%s", path);
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strstr(line, "INSERT INTO catalog_ingredients") != NULL)
			in = 1;
		if (!in)
			continue;
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (strncmp(p, "--", 2) == 0)
			continue;	/* a comment may hold a ';' */
		if (p[0] == '(' && p[1] == '\'' && strlen(p) > 8 &&
		    p[7] == '\'') {
			ck_assert_uint_lt(*n, max);
			memcpy(ndbs[*n], p + 2, 5);
			ndbs[(*n)++][5] = '\0';
		}
		if (strchr(line, ';') != NULL)
			in = 0;
	}
	fclose(fp);
}

START_TEST(every_catalog_food_is_mapped)
{
	static char ndbs[2000][6];
	const char *dir = getenv("CZ_SQL_DIR");
	struct dirent *e;
	char path[1024];
	size_t n = 0, i, missing = 0;
	DIR *d;

	ck_assert_msg(dir != NULL, "CZ_SQL_DIR is not set");
	ck_assert_msg((d = opendir(dir)) != NULL, "%s", dir);
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) < 5 || strcmp(e->d_name +
		    strlen(e->d_name) - 4, ".sql") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		catalog_ndbs(path, ndbs, &n, 2000);
	}
	closedir(d);
	/* sql/004 alone has 195: a parser that finds none must not pass. */
	ck_assert_uint_ge(n, 150);
	for (i = 0; i < n; i++)
		if (cz_shop_food(ndbs[i]) == NULL) {
			fprintf(stderr, "catalog food %s has no shop item "
			    "(lib/shop_items.c)\n", ndbs[i]);
			missing++;
		}
	ck_assert_msg(missing == 0, "%zu catalog foods have no shop item",
	    missing);
}
END_TEST

/* Check's assertions each report to the test's parent process: millions
 * of them take minutes, so the loop below tests quietly and fails loudly. */
#define REQUIRE(cond, ...) do { \
	if (!(cond)) \
		ck_abort_msg(__VA_ARGS__); \
} while (0)

/* The list of in (n foods), in one aisle-ordered array of lines. */
static struct cz_shop_line *
build(cz_arena *a, const struct cz_shop_use *in, size_t n, size_t *nlines)
{
	struct cz_shop_aisle *ai;
	struct cz_shop_line *l;
	size_t na, i, k, m = 0;

	REQUIRE(cz_shop_list(a, in, n, &ai, &na) == 0, "cz_shop_list");
	for (i = 0; i < na; i++)
		m += ai[i].nlines;
	l = cz_arena_calloc(a, m + 1, sizeof(*l));
	REQUIRE(l != NULL, "out of memory");
	for (i = 0, m = 0; i < na; i++) {
		REQUIRE(strcmp(ai[i].name, cz_aisle_name((int)ai[i].aisle)) == 0,
		    "%s", ai[i].name);
		if (i > 0)
			REQUIRE(ai[i - 1].aisle < ai[i].aisle, "aisles out of order");
		REQUIRE(ai[i].nlines > 0, "an empty aisle");
		for (k = 0; k < ai[i].nlines; k++) {
			REQUIRE(ai[i].lines[k].aisle == ai[i].aisle,
			    "%s in the wrong aisle", ai[i].lines[k].key);
			l[m++] = ai[i].lines[k];
		}
	}
	*nlines = m;
	return l;
}

static const struct cz_shop_line *
find(const struct cz_shop_line *l, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(l[i].key, key) == 0)
			return &l[i];
	ck_abort_msg("no line %s", key);
	return NULL;
}

/* A use of a food by its NDB number, the shop entry left to be looked up
 * (designated, so that the fields added later start at zero). */
#define USE(n, label, g)	{ .ndb = (n), .name = (label), .grams = (g) }

START_TEST(lists_as_a_shop_sells)
{
	static const struct cz_shop_use in[] = {
		USE("01129", "egg, cooked", 300),	/* 17 eggs */
		USE("01129", "egg, cooked", 550),
		USE("20037", "brown rice, cooked", 1130),	/* 339 g dry */
		USE("11124", "carrots", 100),		/* one line */
		USE("11125", "carrots, steamed", 150),
		USE("16057", "chickpeas, boiled", 500),	/* 3 cans */
		USE("09152", "lemon juice", 30),		/* 1 lemon */
		USE("12155", "walnuts", 10),		/* a bag */
		USE("05064", "chicken breast, roasted", 470),	/* 681 g raw */
		USE("20045", "white rice, cooked", 3000),	/* 1068 g dry */
		USE("13290", "sirloin", 1000),		/* 1.4 kg raw */
		USE("99999", "mystery food, NS as to kind", 120),
		USE("09037", "avocado", 0),		/* left out */
	};
	struct cz_shop_line *l;
	const struct cz_shop_line *x;
	cz_arena *a = cz_arena_new(0);
	size_t n;

	ck_assert_ptr_nonnull(a);
	l = build(a, in, sizeof(in) / sizeof(in[0]), &n);
	ck_assert_uint_eq(n, 10);

	x = find(l, n, "egg");
	ck_assert_str_eq(x->name, "eggs");
	ck_assert_str_eq(x->buy, "2 boxes of 12");
	ck_assert_str_eq(x->use, "you will use 17 (850 g)");
	ck_assert_int_eq(x->pieces, 17);
	ck_assert_int_eq(x->count, 2);
	ck_assert_str_eq(x->unit, "box of 12");
	ck_assert_uint_eq(x->nndbs, 1);

	x = find(l, n, "rice-brown");
	ck_assert_str_eq(x->name, "brown rice");
	ck_assert_str_eq(x->buy, "1 bag (1 kg)");
	ck_assert_str_eq(x->use, "you will use 339 g dry");
	ck_assert_double_eq_tol(x->eaten_g, 1130, 1e-9);

	x = find(l, n, "carrot");
	ck_assert_str_eq(x->name, "carrots");
	ck_assert_str_eq(x->buy, "5");
	ck_assert_uint_eq(x->nndbs, 2);
	ck_assert_double_eq_tol(x->eaten_g, 250, 1e-9);

	x = find(l, n, "chickpeas");
	ck_assert_str_eq(x->buy, "3 cans (400 g)");
	ck_assert_str_eq(x->use, "you will use 500 g drained");
	ck_assert_int_eq(x->count, 3);

	x = find(l, n, "lemon");
	ck_assert_str_eq(x->name, "lemons");
	ck_assert_str_eq(x->buy, "1");

	x = find(l, n, "walnuts");
	ck_assert_str_eq(x->buy, "1 bag (200 g)");
	ck_assert_str_eq(x->use, "you will use 10 g");

	x = find(l, n, "chicken-breast");
	ck_assert_str_eq(x->buy, "700 g");
	ck_assert_str_eq(x->use, "you will use 682 g raw");
	ck_assert_int_eq(x->count, 0);
	ck_assert_str_eq(x->aisle == CZ_AISLE_MEAT_FISH ? "y" : "n", "y");

	x = find(l, n, "rice-white");
	ck_assert_str_eq(x->buy, "1 bag (1 kg) + 1 bag (500 g)");
	ck_assert_int_eq(x->count, 2);

	x = find(l, n, "beef-sirloin");
	ck_assert_str_eq(x->buy, "1.4 kg");

	x = find(l, n, "ndb-99999");
	ck_assert_str_eq(x->name, "mystery food");
	ck_assert_int_eq(x->aisle, CZ_AISLE_OTHER);
	ck_assert_str_eq(x->buy, "150 g");
	cz_arena_free(a);
}
END_TEST

/* A dish's can is the shop's: grams as eaten in one can, for foods sold
 * in cans of one size only. */
START_TEST(cans_are_the_shops)
{
	/* canned tomatoes, a 400 g can */
	ck_assert(cz_shop_can_grams("11885") == 400);
	/* tuna in water, drained: 120 g of a 160 g can */
	ck_assert(cz_shop_can_grams("15184") == 120);
	/* sardines in oil, drained: 90 g of a 125 g can */
	ck_assert(cz_shop_can_grams("15088") == 90);
	/* apples are pieces, raw chicken is bought by weight */
	ck_assert(cz_shop_can_grams("09003") == 0);
	ck_assert(cz_shop_can_grams("05064") == 0);
	ck_assert(cz_shop_can_grams("99999") == 0);
	ck_assert(cz_shop_can_grams(NULL) == 0);
}
END_TEST

START_TEST(bad_input_is_refused)
{
	struct cz_shop_use in[] = { USE("01129", NULL, 50) };
	struct cz_shop_aisle *ai = (void *)1;
	cz_arena *a = cz_arena_new(0);
	size_t na = 9;

	ck_assert_int_eq(cz_shop_list(a, in, 0, &ai, &na), 0);
	ck_assert_ptr_null(ai);
	ck_assert_uint_eq(na, 0);
	in[0].grams = -1;
	ck_assert_int_eq(cz_shop_list(a, in, 1, &ai, &na), -1);
	in[0].grams = NAN;
	ck_assert_int_eq(cz_shop_list(a, in, 1, &ai, &na), -1);
	in[0].grams = INFINITY;
	ck_assert_int_eq(cz_shop_list(a, in, 1, &ai, &na), -1);
	in[0].grams = 50;
	in[0].ndb = NULL;
	ck_assert_int_eq(cz_shop_list(a, in, 1, &ai, &na), -1);
	in[0].ndb = "01129";
	in[0].grams = 0;
	ck_assert_int_eq(cz_shop_list(a, in, 1, &ai, &na), 0);
	ck_assert_uint_eq(na, 0);
	cz_arena_free(a);
}
END_TEST

static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Whether s is a quantity in a shop's units: a whole count ("3"), whole
 * boxes ("2 boxes of 12"), whole packs ("2 cans (400 g)", "1 bag (1 kg) +
 * 1 bag (500 g)", "1 bunch"), or a weight ("700 g", "1.2 kg"); never a
 * fraction. */
static int
shop_quantity(const char *s)
{
	if (strpbrk(s, "/") != NULL || strstr(s, "\xc2\xbd") != NULL ||
	    strstr(s, "\xc2\xbc") != NULL || strstr(s, "\xc2\xbe") != NULL ||
	    strstr(s, "\xe2\x85") != NULL)
		return 0;
	if (s[0] < '1' || s[0] > '9')
		return 0;
	return 1;
}

/* The packs of line l are as few as can hold what it uses: without any
 * one of them, less than that; and at most one of the smaller size. */
static void
packs_are_fewest(const struct cz_shop_line *l, const struct cz_shop_product *it)
{
	double big = it->packs[0].grams, small = it->packs[1].grams;
	double nb = l->count, ns = 0;

	if (small > 0) {
		ns = (nb * big - l->buy_g) / (big - small);
		nb -= ns;
	}
	REQUIRE(fabs(nb * big + ns * small - l->buy_g) < 1e-6 && ns <= 1 &&
	    ns >= 0 && nb >= 0, "%s: %d packs hold %g g", l->key, l->count,
	    l->buy_g);
	REQUIRE(nb < 1 || l->buy_g - big < l->use_g - 1e-9,
	    "%s: a %g g pack too many for %g g", l->key, big, l->use_g);
	REQUIRE(ns < 1 || l->buy_g - small < l->use_g - 1e-9,
	    "%s: a %g g pack too many for %g g", l->key, small, l->use_g);
}

/* The properties of every list, over random plans: any mix of catalog
 * foods (and now and then one no table knows), each a few times, in
 * portions from a pinch to a kilogram. */
START_TEST(random_plans_keep_every_rule)
{
	enum { PLANS = 5000, MAX_IN = 120 };
	struct cz_shop_use in[MAX_IN];
	const struct cz_shop_food *foods, *f, *inf[MAX_IN];
	const struct cz_shop_product *it;
	struct cz_shop_line *l;
	cz_arena *a = cz_arena_new(0);
	uint64_t seed = 12;
	size_t nf, n, nl, i, j, p;
	double eaten, used, tot_in, tot_eaten;

	nf = cz_shop_foods(&foods);
	for (p = 0; p < PLANS; p++) {
		n = 1 + rnd(&seed) % MAX_IN;
		tot_in = 0;
		for (i = 0; i < n; i++) {
			in[i].ndb = rnd(&seed) % 50 == 0 ? "99998" :
			    foods[rnd(&seed) % nf].ndb;
			/* half with the entry given, as plan documents give
			 * it from the catalog, half looked up */
			in[i].shop_known = (int)(rnd(&seed) % 2);
			in[i].shop = in[i].shop_known ?
			    cz_shop_food(in[i].ndb) : NULL;
			in[i].product = in[i].shop != NULL ?
			    cz_shop_product(in[i].shop->item) : NULL;
			in[i].name = "a food, NS as to kind";
			in[i].grams = (double)(rnd(&seed) % 200) * 5;
			inf[i] = cz_shop_food(in[i].ndb);
			tot_in += in[i].grams;
		}
		l = build(a, in, n, &nl);
		tot_eaten = 0;
		for (i = 0; i < nl; i++) {
			for (j = 0; j < i; j++)
				REQUIRE(strcmp(l[i].key, l[j].key) != 0,
				    "plan %zu: %s twice", p, l[i].key);
			REQUIRE(!has_banned(l[i].name) &&
			    strchr(l[i].name, ',') == NULL,
			    "plan %zu: name \"%s\"", p, l[i].name);
			REQUIRE(shop_quantity(l[i].buy),
			    "plan %zu: %s: \"%s\"", p, l[i].key, l[i].buy);
			REQUIRE(l[i].buy_g >= l[i].use_g - 1e-6,
			    "plan %zu: %s: buys %g g, uses %g g", p, l[i].key,
			    l[i].buy_g, l[i].use_g);
			REQUIRE(strncmp(l[i].use, "you will use ", 13)
			    == 0, "%s", l[i].use);
			/* What the line says it uses is what its foods
			 * make, with their factors. */
			for (j = 0, eaten = 0, used = 0; j < n; j++) {
				f = inf[j];
				if (strcmp(f != NULL ? f->item : "ndb-99998",
				    l[i].key) != 0)
					continue;
				eaten += in[j].grams;
				used += in[j].grams * (f ? f->factor : 1);
			}
			REQUIRE(fabs((l[i].eaten_g) - (eaten)) <= 1e-6, "%s: %g != %g", l[i].key, (double)(l[i].eaten_g), (double)(eaten));
			REQUIRE(fabs((l[i].use_g) - (used)) <= 1e-6, "%s: %g != %g", l[i].key, (double)(l[i].use_g), (double)(used));
			REQUIRE((l[i].eaten_g) > (0), "%s", l[i].key);
			tot_eaten += l[i].eaten_g;
			/* Rounding sane: whole counts, never a whole piece,
			 * box, pack or counter step more than needed. */
			it = cz_shop_product(l[i].key);
			if (it == NULL || it->buy == CZ_BUY_WEIGHT) {
				REQUIRE((l[i].count) == (0), "%s", l[i].key);
				REQUIRE(fmod(l[i].buy_g, 50) == 0, "%s: %g g",
				    l[i].key, l[i].buy_g);
				REQUIRE(l[i].buy_g - (l[i].use_g <= 1000 ? 50 :
				    100) < l[i].use_g || l[i].buy_g == 50,
				    "%s: a step too many", l[i].key);
			} else if (it->buy == CZ_BUY_PIECES) {
				REQUIRE((l[i].pieces) >= (1), "%s", l[i].key);
				REQUIRE((l[i].count) >= (1), "%s", l[i].key);
				REQUIRE((l[i].pieces - 1) * it->piece_g <
				    l[i].use_g, "%s: a piece too many", l[i].key);
				REQUIRE(l[i].pieces * it->piece_g >= l[i].use_g - 1e-6,
				    "%s", l[i].key);
				if (it->box > 0)
					REQUIRE((l[i].count) == ((l[i].pieces
					    + it->box - 1) / it->box), "%s", l[i].key);
				else
					REQUIRE(l[i].count == l[i].pieces, "%s",
					    l[i].key);
			} else {
				REQUIRE((l[i].count) >= (1), "%s", l[i].key);
				packs_are_fewest(&l[i], it);
			}
		}
		REQUIRE(fabs((tot_eaten) - (tot_in)) <= 1e-6, "%s: %g != %g", l[i].key, (double)(tot_eaten), (double)(tot_in));
		cz_arena_reset(a);
	}
	cz_arena_free(a);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("shop_items");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, tables_are_sorted_and_unique);
	tcase_add_test(tc, items_are_sane);
	tcase_add_test(tc, factors_are_sane);
	tcase_add_test(tc, every_catalog_food_is_mapped);
	tcase_add_test(tc, lists_as_a_shop_sells);
	tcase_add_test(tc, cans_are_the_shops);
	tcase_add_test(tc, bad_input_is_refused);
	tcase_add_test(tc, random_plans_keep_every_rule);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
