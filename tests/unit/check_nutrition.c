/*
 * check_nutrition.c - unit tests of the nutrition arithmetic: the core
 * nutrient table, scaling, net carbs, energy shares, household measures and
 * the shopping list.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "nutrition.h"
#include "usda.h"

#define TOL	1e-9

/* SR24 09040, bananas, raw: some of its measures. */
static const struct cz_measure banana[] = {
	CZ_MEASURE_INIT(1, "cup, sliced", 150),
	CZ_MEASURE_INIT(1, "large (8\" to 8-7/8\" long)", 136),
	CZ_MEASURE_INIT(1, "NLEA serving", 126),
	CZ_MEASURE_INIT(1, "medium (7\" to 7-7/8\" long)", 118),
	CZ_MEASURE_INIT(1, "small (6\" to 6-7/8\" long)", 101),
	CZ_MEASURE_INIT(1, "oz", 28.35),
};
#define NBANANA	(sizeof(banana) / sizeof(banana[0]))

static const struct cz_measure egg[] = {
	CZ_MEASURE_INIT(1, "large", 50),
	CZ_MEASURE_INIT(1, "cup (4.86 large eggs)", 243),
};

static const struct cz_measure chopped[] = {
	CZ_MEASURE_INIT(1, "oz", 28.35),
	CZ_MEASURE_INIT(1, "tbsp", 10),
	CZ_MEASURE_INIT(1, "cup, chopped", 160),
};

static const struct cz_measure rice[] = {
	CZ_MEASURE_INIT(1, "cup", 158),
	CZ_MEASURE_INIT(1, "oz", 28.35),
};

static const struct cz_measure oil[] = {
	CZ_MEASURE_INIT(1, "cup", 218),
	CZ_MEASURE_INIT(1, "tbsp", 13.5),
	CZ_MEASURE_INIT(1, "tsp", 4.5),
};

static const struct cz_measure spice[] = {
	CZ_MEASURE_INIT(1, "tsp", 2.1),
	CZ_MEASURE_INIT(1, "tbsp", 6.3),
};

/* Counted things whose first word has a plural, one that only opens like
 * a listed word, and one with none listed. */
static const struct cz_measure counted[] = {
	CZ_MEASURE_INIT(1, "slice, large (1/4\" thick)", 27),
	CZ_MEASURE_INIT(1, "clove", 3),
	CZ_MEASURE_INIT(1, "leaf, large", 15),
	CZ_MEASURE_INIT(1, "eggplant", 458),
	CZ_MEASURE_INIT(1, "candy", 10),
	CZ_MEASURE_INIT(1, "cake", 9),
	CZ_MEASURE_INIT(1, "pat (1\" sq, 1/3\" high)", 5),
	CZ_MEASURE_INIT(1, "potato large (3\" to 4-1/4\" dia.", 299),
	CZ_MEASURE_INIT(1, "stalk, small (5\" long), raw", 151),
	CZ_MEASURE_INIT(1, "plum tomato", 62),
};
#define NCOUNTED	(sizeof(counted) / sizeof(counted[0]))

static const struct cz_measure weights[] = {
	CZ_MEASURE_INIT(1, "oz", 28.35),
	CZ_MEASURE_INIT(1, "lb", 453.6),
	CZ_MEASURE_INIT(1, "quart", 976),
	CZ_MEASURE_INIT(0, "broken", 10),
	CZ_MEASURE_INIT(1, NULL, 10),
	CZ_MEASURE_INIT(1, "slice", NAN),
};
#define NWEIGHTS	(sizeof(weights) / sizeof(weights[0]))

START_TEST(lookups)
{
	const struct cz_nutrient_info *ni;
	int i;

	ck_assert_int_eq(cz_nutrient_by_key("energy"), CZ_N_ENERGY);
	ck_assert_int_eq(cz_nutrient_by_key("vitamin_b12"), CZ_N_VITAMIN_B12);
	ck_assert_int_eq(cz_nutrient_by_key("saturated_fat"),
	    CZ_N_SATURATED_FAT);
	ck_assert_int_eq(cz_nutrient_by_key("omega_3"), CZ_N_OMEGA_3);
	ck_assert_int_eq(cz_nutrient_by_key("Energy"), -1);
	ck_assert_int_eq(cz_nutrient_by_key("starch"), -1);
	ck_assert_int_eq(cz_nutrient_by_key(""), -1);
	ck_assert_int_eq(cz_nutrient_by_key(NULL), -1);

	ck_assert_int_eq(cz_nutrient_by_sr_name("B12 (Cyanocobalamin)"),
	    CZ_N_VITAMIN_B12);
	ck_assert_int_eq(cz_nutrient_by_sr_name("B6 (Pyridoxine)"),
	    CZ_N_VITAMIN_B6);
	ck_assert_int_eq(cz_nutrient_by_sr_name("Saturated"),
	    CZ_N_SATURATED_FAT);
	ck_assert_int_eq(cz_nutrient_by_sr_name("Carbs"), CZ_N_CARBS);
	ck_assert_int_eq(cz_nutrient_by_sr_name("vitamin_b12"), -1);
	ck_assert_int_eq(cz_nutrient_by_sr_name(NULL), -1);

	ck_assert_ptr_null(cz_nutrient_info(-1));
	ck_assert_ptr_null(cz_nutrient_info(CZ_NUTRIENTS));
	ni = cz_nutrient_info(CZ_N_VITAMIN_K);
	ck_assert_str_eq(ni->unit, "\xc2\xb5g");
	ck_assert_str_eq(cz_nutrient_info(CZ_N_ENERGY)->unit, "kcal");
	ck_assert_str_eq(cz_nutrient_info(CZ_N_VITAMIN_A)->unit, "IU");
	ck_assert_str_eq(cz_nutrient_info(CZ_N_SODIUM)->unit, "mg");

	for (i = 0; i < CZ_NUTRIENTS; i++) {
		ni = cz_nutrient_info(i);
		ck_assert_ptr_nonnull(ni);
		ck_assert_ptr_nonnull(ni->label);
		ck_assert_int_eq(cz_nutrient_by_key(ni->key), i);
		ck_assert_int_eq(cz_nutrient_by_sr_name(ni->sr_name), i);
		/* the key as a JSON member writes it */
		ck_assert_uint_eq(ni->quoted_len, strlen(ni->key) + 3);
		ck_assert_uint_eq(strlen(ni->quoted_key), ni->quoted_len);
		ck_assert_int_eq(ni->quoted_key[0], '"');
		ck_assert_int_eq(strncmp(ni->quoted_key + 1, ni->key,
		    strlen(ni->key)), 0);
		ck_assert_str_eq(ni->quoted_key + 1 + strlen(ni->key), "\":");
	}
}
END_TEST

/* The table agrees with lib/usda.c's, itself checked against the SQL. */
START_TEST(table_matches_usda)
{
	const struct cz_usda_nutrient_info *u;
	int id, i, ncore = 0;

	for (id = 0; id < CZ_USDA_NUTRIENTS; id++) {
		u = cz_usda_nutrient_info(id);
		ck_assert_ptr_nonnull(u);
		i = cz_nutrient_by_key(u->key);
		if (!u->core) {
			ck_assert_int_eq(i, -1);
			continue;
		}
		ncore++;
		ck_assert_msg(i >= 0, "core nutrient %s missing", u->key);
		ck_assert_str_eq(cz_nutrient_info(i)->sr_name, u->name);
		ck_assert_str_eq(cz_nutrient_info(i)->unit, u->unit);
	}
	ck_assert_int_eq(ncore, CZ_NUTRIENTS);
}
END_TEST

START_TEST(scale_add_divide)
{
	struct cz_nutrients breast, p, sum;

	/* SR24 05062, chicken breast, meat only, raw, per 100 g. */
	cz_nutrients_zero(&breast);
	breast.v[CZ_N_ENERGY] = 114;
	breast.v[CZ_N_PROTEIN] = 21.23;
	breast.v[CZ_N_SODIUM] = 116;
	breast.v[CZ_N_VITAMIN_D] = NAN;
	cz_nutrients_scale(&breast, 150, &p);
	ck_assert_double_eq_tol(p.v[CZ_N_ENERGY], 171, TOL);
	ck_assert_double_eq_tol(p.v[CZ_N_PROTEIN], 31.845, TOL);
	ck_assert_double_eq_tol(p.v[CZ_N_SODIUM], 174, TOL);
	ck_assert_double_eq(p.v[CZ_N_FAT], 0);
	ck_assert(isnan(p.v[CZ_N_VITAMIN_D]));

	cz_nutrients_scale(&breast, 0, &p);
	ck_assert_double_eq(p.v[CZ_N_ENERGY], 0);

	/* In place. */
	p = breast;
	cz_nutrients_scale(&p, 50, &p);
	ck_assert_double_eq_tol(p.v[CZ_N_ENERGY], 57, TOL);

	/* A week: 150 g a day for 7 days, averaged. */
	cz_nutrients_zero(&sum);
	cz_nutrients_scale(&breast, 150, &p);
	for (int d = 0; d < 7; d++)
		cz_nutrients_add(&sum, &p);
	ck_assert_double_eq_tol(sum.v[CZ_N_ENERGY], 7 * 171, 1e-6);
	ck_assert_double_eq(sum.v[CZ_N_VITAMIN_D], 0);
	ck_assert_int_eq(cz_nutrients_divide(&sum, 7), 0);
	ck_assert_double_eq_tol(sum.v[CZ_N_ENERGY], 171, 1e-9);
	ck_assert_double_eq_tol(sum.v[CZ_N_PROTEIN], 31.845, 1e-9);

	p = sum;
	ck_assert_int_eq(cz_nutrients_divide(&sum, 0), -1);
	ck_assert_int_eq(cz_nutrients_divide(&sum, -7), -1);
	ck_assert_int_eq(cz_nutrients_divide(&sum, NAN), -1);
	ck_assert_int_eq(cz_nutrients_divide(&sum, INFINITY), -1);
	ck_assert_mem_eq(&sum, &p, sizeof(sum));

	/* Adding to itself doubles. */
	cz_nutrients_add(&sum, &sum);
	ck_assert_double_eq_tol(sum.v[CZ_N_ENERGY], 342, 1e-9);
}
END_TEST

START_TEST(net_carbs)
{
	ck_assert_double_eq_tol(cz_net_carbs(10, 3), 7, TOL);
	ck_assert_double_eq(cz_net_carbs(3, 10), 0);
	ck_assert_double_eq(cz_net_carbs(5, 5), 0);
	ck_assert_double_eq(cz_net_carbs(0, 0), 0);
	ck_assert_double_eq(cz_net_carbs(0, 3), 0);
	ck_assert_double_eq(cz_net_carbs(-4, 1), 0);
	ck_assert_double_eq(cz_net_carbs(NAN, 1), 0);
	ck_assert_double_eq(cz_net_carbs(INFINITY, 1), 0);
	ck_assert_double_eq_tol(cz_net_carbs(10, NAN), 10, TOL);
	ck_assert_double_eq_tol(cz_net_carbs(10, -3), 10, TOL);
	ck_assert_double_eq_tol(cz_net_carbs(22.84, 2.6), 20.24, TOL);
}
END_TEST

START_TEST(macro_shares)
{
	struct cz_nutrients n;
	double p, f, c;

	/* 20 g protein, 10 g fat, 30 g carbs: 80 + 90 + 120 = 290 kcal. */
	cz_nutrients_zero(&n);
	n.v[CZ_N_ENERGY] = 500;		/* ignored */
	n.v[CZ_N_PROTEIN] = 20;
	n.v[CZ_N_FAT] = 10;
	n.v[CZ_N_CARBS] = 30;
	cz_macro_shares(&n, &p, &f, &c);
	ck_assert_double_eq_tol(p, 8000.0 / 290, 1e-9);
	ck_assert_double_eq_tol(f, 9000.0 / 290, 1e-9);
	ck_assert_double_eq_tol(c, 12000.0 / 290, 1e-9);
	ck_assert_double_eq_tol(p + f + c, 100, 1e-9);

	/* Chicken breast: no carbs. */
	n.v[CZ_N_PROTEIN] = 21.23;
	n.v[CZ_N_FAT] = 2.62;
	n.v[CZ_N_CARBS] = 0;
	cz_macro_shares(&n, &p, &f, &c);
	ck_assert_double_eq_tol(p + f + c, 100, 1e-9);
	ck_assert_double_eq(c, 0);
	ck_assert_double_eq_tol(p, 100 * 84.92 / 108.5, 1e-9);

	/* Missing and negative count as 0; NULL outputs are allowed. */
	n.v[CZ_N_FAT] = NAN;
	n.v[CZ_N_CARBS] = -5;
	cz_macro_shares(&n, &p, NULL, NULL);
	ck_assert_double_eq_tol(p, 100, 1e-9);

	/* Nothing at all: all 0. */
	cz_nutrients_zero(&n);
	p = f = c = -1;
	cz_macro_shares(&n, &p, &f, &c);
	ck_assert_double_eq(p, 0);
	ck_assert_double_eq(f, 0);
	ck_assert_double_eq(c, 0);
}
END_TEST

START_TEST(describe_whole_units)
{
	char out[128];

	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 118, out,
	    sizeof(out)), 3);
	ck_assert_str_eq(out, "1 medium");
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 236, out,
	    sizeof(out)), 3);
	ck_assert_str_eq(out, "2 medium");
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 68, out,
	    sizeof(out)), 1);
	ck_assert_str_eq(out, "\xc2\xbd large");

	ck_assert_int_eq(cz_measure_describe(egg, 2, 50, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "1 large");
	ck_assert_int_eq(cz_measure_describe(egg, 2, 25, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "\xc2\xbd large");
	ck_assert_int_eq(cz_measure_describe(egg, 2, 75, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "1 \xc2\xbd large");
	ck_assert_int_eq(cz_measure_describe(egg, 2, 104, out, sizeof(out)),
	    0);
	ck_assert_str_eq(out, "2 large");

	/* Of the units within the tolerance, the fewest read best, a half
	 * counting as one more: SR24's sweet red pepper has rings of 10 g
	 * beside a large pepper of 164 g. */
	{
		static const struct cz_measure pepper[] = {
			CZ_MEASURE_INIT(1, "ring (3\" dia., 1/4\" thick)", 10),
			CZ_MEASURE_INIT(1, "small (2-1/4\" long)", 74),
			CZ_MEASURE_INIT(1, "medium (approx 2-3/4\" long, 2-1/2 dia.)", 119),
			CZ_MEASURE_INIT(1, "large (2-1/4 per pound)", 164),
		};

		ck_assert_int_eq(cz_measure_describe(pepper, 4, 330, out,
		    sizeof(out)), 3);
		ck_assert_str_eq(out, "2 large (2-1/4 per pound)");
		/* 240 g: 2 medium (0.8% off) before 1 ½ large (2.4% off). */
		ck_assert_int_eq(cz_measure_describe(pepper, 4, 240, out,
		    sizeof(out)), 2);
		ck_assert_str_eq(out, "2 medium");
		/* 40 g: half a small one (8% off) before 4 rings (exact). */
		ck_assert_int_eq(cz_measure_describe(pepper, 4, 40, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xc2\xbd small");
		/* 20 g: only rings come close. */
		ck_assert_int_eq(cz_measure_describe(pepper, 4, 20, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "2 rings");
	}

	/* The USDA's size notes in inches go (the grams stand beside the
	 * measure); other notes in brackets stay. */
	{
		static const struct cz_measure sized[] = {
			CZ_MEASURE_INIT(1, "potato large (3\" to 4-1/4\" dia.", 299),
			CZ_MEASURE_INIT(1, "stalk, small (5\" long), raw", 151),
			CZ_MEASURE_INIT(1, "large (2-1/4 per pound)", 200),
			CZ_MEASURE_INIT(1, "slice (1\" dia)", 2),
		};

		ck_assert_int_eq(cz_measure_describe(sized, 1, 450, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 \xc2\xbd large potatoes");
		ck_assert_int_eq(cz_measure_describe(sized + 1, 1, 151, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 small stalk, raw");
		ck_assert_int_eq(cz_measure_describe(sized + 2, 1, 400, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "2 large (2-1/4 per pound)");
		ck_assert_int_eq(cz_measure_describe(sized + 3, 1, 10, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "5 slices");
	}

	/* A size the USDA writes after a counted noun comes before it, as a
	 * cook says it; a cup's words and a size alone stay as they are. */
	{
		static const struct cz_measure after[] = {
			CZ_MEASURE_INIT(1, "head, large (about 7\" dia)", 500),
			CZ_MEASURE_INIT(1, "slice, medium (1/8\" thick)", 20),
			CZ_MEASURE_INIT(1, "wedge, large (1/8 of large melon)",
			    100),
			CZ_MEASURE_INIT(1, "strip large (3\" long)", 12),
			CZ_MEASURE_INIT(1, "extra large (3\" dia)", 60),
			CZ_MEASURE_INIT(1, "cup, large curd (not packed)", 210),
			CZ_MEASURE_INIT(1, "melon, extra large", 1000),
			CZ_MEASURE_INIT(1, "slice, largest", 30),
			CZ_MEASURE_INIT(1, "plum tomato", 62),
			CZ_MEASURE_INIT(1, "small box (1.5 oz)", 43),
			CZ_MEASURE_INIT(10, "pea pods", 34),
			CZ_MEASURE_INIT(1, "large whole (3\" dia)", 150),
			CZ_MEASURE_INIT(1, "cup cherry tomatoes", 149),
		};
		static const struct {
			size_t		 m;
			double		 grams;
			const char	*want;
		} cases[] = {
			{ 0, 1000, "2 large heads" },
			{ 1, 20, "1 medium slice" },
			{ 1, 30, "1 \xc2\xbd medium slices" },
			{ 2, 100, "1 large wedge (1/8 of large melon)" },
			{ 3, 48, "4 large strips" },
			{ 4, 120, "2 extra large" },
			{ 5, 420, "2 cups, large curd (not packed)" },
			{ 6, 3000, "3 extra large melons" },
			{ 7, 60, "2 slices, largest" },
			/* a listed noun second, after an adjective */
			{ 8, 186, "3 plum tomatoes" },
			{ 8, 62, "1 plum tomato" },
			{ 9, 86, "2 small boxes (1.5 oz)" },
			{ 10, 68, "20 pea pods" },
			{ 11, 300, "2 large" },
			{ 11, 150, "1 large" },
			{ 12, 298, "2 cups cherry tomatoes" },
		};
		size_t c;

		for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			ck_assert_int_eq(cz_measure_describe(after +
			    cases[c].m, 1, cases[c].grams, out, sizeof(out)),
			    0);
			ck_assert_str_eq(out, cases[c].want);
		}
	}

	/* A take-away packet is not a cook's measure: honey's 14 g (its
	 * step, a packet) reads in spoons, and mustard's "tsp or 1 packet"
	 * counts teaspoons alone. */
	{
		static const struct cz_measure honey[] = {
			CZ_MEASURE_INIT(1, "cup", 339),
			CZ_MEASURE_INIT(1, "tbsp", 21),
			CZ_MEASURE_INIT(1, "packet (0.5 oz)", 14),
		};
		static const struct cz_measure mustard[] = {
			CZ_MEASURE_INIT(1, "tsp or 1 packet", 5),
			CZ_MEASURE_INIT(1, "cup", 249),
		};

		ck_assert_int_eq(cz_measure_describe(honey, 3, 14, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xe2\x85\x94 tbsp");
		ck_assert_int_eq(cz_measure_describe(honey, 3, 28, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "1 \xe2\x85\x93 tbsp");
		ck_assert_int_eq(cz_measure_describe(mustard, 2, 5, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 tsp");
		ck_assert_int_eq(cz_measure_describe(mustard, 2, 7, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 \xe2\x85\x93 tsp");
	}

	/* A measure of half a thing counts whole things. */
	{
		static const struct cz_measure half[] = {
			CZ_MEASURE_INIT(0.5, "breast, bone and skin removed", 86),
		};

		ck_assert_int_eq(cz_measure_describe(half, 1, 172, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 breast, bone and skin removed");
	}

	/* Above one, a counted thing in the plural; one, a size or a word
	 * that only opens like a listed one, as it is. */
	{
		static const struct cz_measure garlic[] = {
			CZ_MEASURE_INIT(1, "clove", 3),
		};
		static const struct cz_measure lettuce[] = {
			CZ_MEASURE_INIT(1, "leaf, large", 15),
		};
		static const struct cz_measure sweets[] = {
			CZ_MEASURE_INIT(1, "candy", 10),
		};

		static const struct cz_measure rice_cakes[] = {
			CZ_MEASURE_INIT(1, "cake", 9),
		};

		ck_assert_int_eq(cz_measure_describe(garlic, 1, 9, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "3 cloves");
		ck_assert_int_eq(cz_measure_describe(rice_cakes, 1, 36, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "4 cakes");
		ck_assert_int_eq(cz_measure_describe(garlic, 1, 3, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 clove");
		ck_assert_int_eq(cz_measure_describe(lettuce, 1, 45, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "3 large leaves");
		ck_assert_int_eq(cz_measure_describe(sweets, 1, 20, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "2 candy");
	}

	/* The USDA's yields and "leaf outer" are never the words: the next
	 * measure that is a portion, else grams; its "NS as to" notes are
	 * left out. */
	{
		static const struct cz_measure lemon[] = {
			CZ_MEASURE_INIT(1, "lemon yields", 47),
			CZ_MEASURE_INIT(1, "wedge yields", 6),
			CZ_MEASURE_INIT(1, "tbsp", 15.2),
		};
		static const struct cz_measure thigh[] = {
			CZ_MEASURE_INIT(1, "unit (yield from 1 lb ready-to-cook chicken)", 62),
			CZ_MEASURE_INIT(1, "thigh with skin (Yield from 1 lb chicken)", 70),
		};
		static const struct cz_measure leaves[] = {
			CZ_MEASURE_INIT(1, "leaf outer", 10),
		};
		static const struct cz_measure avocado[] = {
			CZ_MEASURE_INIT(1, "avocado, NS as to Florida or California", 201),
		};

		ck_assert_int_eq(cz_measure_describe(lemon, 3, 47, out,
		    sizeof(out)), 2);
		ck_assert_str_eq(out, "3 tbsp");
		ck_assert_int_eq(cz_measure_describe(thigh, 2, 124, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "124 g");
		ck_assert_int_eq(cz_measure_describe(leaves, 1, 85, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "85 g");
		/* SR24's lemon juice has a cup and its yields, no spoon. */
		static const struct cz_measure juice[] = {
			CZ_MEASURE_INIT(1, "cup", 244),
			CZ_MEASURE_INIT(1, "fl oz", 30.5),
			CZ_MEASURE_INIT(1, "lemon yields", 48),
			CZ_MEASURE_INIT(1, "wedge yields", 5.9),
		};
		/* Chopped onion has a cup of its own kind: no spoon from it. */
		static const struct cz_measure onion[] = {
			CZ_MEASURE_INIT(1, "cup, chopped", 160),
		};

		ck_assert_int_eq(cz_measure_describe(juice, 4, 5, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 tsp");
		ck_assert_int_eq(cz_measure_describe(juice, 4, 30, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "2 tbsp");
		ck_assert_int_eq(cz_measure_describe(juice, 4, 61, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "\xc2\xbc cup");
		/* 50 g is 3.3 tbsp: past what a cup cannot say, so grams,
		 * not "3 ⅓ tbsp". */
		ck_assert_int_eq(cz_measure_describe(juice, 4, 50, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "50 g");
		ck_assert_int_eq(cz_measure_describe(onion, 1, 10, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "10 g");
		ck_assert_int_eq(cz_measure_describe(avocado, 1, 100, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "\xc2\xbd avocado");
		ck_assert_int_eq(cz_measure_describe(avocado, 1, 402, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "2 avocados");
	}

	/* Halves only of a few units of 20 g or more: no "14 ½ kernel", no
	 * "14 ½ sprout"; "leaf inner" is a word order, like "leaf outer". */
	{
		static const struct cz_measure almond[] = {
			CZ_MEASURE_INIT(1, "cup, whole", 143),
			CZ_MEASURE_INIT(1, "almond", 1.2),
		};
		static const struct cz_measure sprouts[] = {
			CZ_MEASURE_INIT(1, "cup", 156),
			CZ_MEASURE_INIT(1, "sprout", 21),
		};
		static const struct cz_measure romaine[] = {
			CZ_MEASURE_INIT(1, "leaf inner", 6),
		};

		ck_assert_int_eq(cz_measure_describe(almond, 2, 17.4, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "15 almonds");
		/* 2.5 almonds: neither 2 nor 3 is close enough, so grams. */
		ck_assert_int_eq(cz_measure_describe(almond, 2, 3, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "3 g");
		ck_assert_int_eq(cz_measure_describe(sprouts, 2, 300, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "14 sprouts");
		ck_assert_int_eq(cz_measure_describe(sprouts, 2, 52, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "2 \xc2\xbd sprouts");
		ck_assert_int_eq(cz_measure_describe(romaine, 1, 60, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "60 g");
	}

	/* A few dashes, not twenty: SR24's black pepper. */
	{
		static const struct cz_measure pepper[] = {
			CZ_MEASURE_INIT(1, "tbsp, ground", 6.9),
			CZ_MEASURE_INIT(1, "tsp, ground", 2.3),
			CZ_MEASURE_INIT(1, "tsp, whole", 2.9),
			CZ_MEASURE_INIT(1, "dash", 0.1),
		};

		ck_assert_int_eq(cz_measure_describe(pepper, 4, 0.3, out,
		    sizeof(out)), 3);
		ck_assert_str_eq(out, "3 dashes");
		/* ¾ tsp, ground is 1.725 g: 14 % off 2 g, but within the
		 * half gram a whole gram rounds by */
		ck_assert_int_eq(cz_measure_describe(pepper, 4, 2, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xc2\xbe tsp, ground");
	}

	/* A spoon within half a gram of a small amount reads as a spoon
	 * (paprika's 1 g and 2 g were grams at 10 %); not a counted piece,
	 * nor a spoon further off. */
	{
		static const struct cz_measure paprika[] = {
			CZ_MEASURE_INIT(1, "tbsp", 6.9),
			CZ_MEASURE_INIT(1, "tsp", 2.3),
		};
		static const struct cz_measure sprig[] = {
			CZ_MEASURE_INIT(1, "sprig", 1.5),
		};

		ck_assert_int_eq(cz_measure_describe(paprika, 2, 1, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xc2\xbd tsp");
		ck_assert_int_eq(cz_measure_describe(paprika, 2, 2, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xc2\xbe tsp");
		/* 1 ¾ tsp is 4.03 g, within 10 % of 4 g as before (½ tbsp,
		 * 3.45 g, is more than half a gram off) */
		ck_assert_int_eq(cz_measure_describe(paprika, 2, 4, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "1 \xc2\xbe tsp");
		/* 1 sprig is 1.5 g: half a gram from 2 g, a third off */
		ck_assert_int_eq(cz_measure_describe(sprig, 1, 2, out,
		    sizeof(out)), CZ_MEASURE_GRAMS);
		ck_assert_str_eq(out, "2 g");
	}

	/* Part of a slice reads as a spoon or a cup that fits (SR24's
	 * onion), else it stands; whole slices stay slices. */
	{
		static const struct cz_measure onion[] = {
			CZ_MEASURE_INIT(1, "cup, chopped", 160),
			CZ_MEASURE_INIT(1, "tbsp chopped", 10),
			CZ_MEASURE_INIT(1, "large", 150),
			CZ_MEASURE_INIT(1, "slice, large (1/4\" thick)", 38),
			CZ_MEASURE_INIT(1, "slice, medium (1/8\" thick)", 14),
		};
		static const struct cz_measure cheese[] = {
			CZ_MEASURE_INIT(1, "cup, diced", 132),
			CZ_MEASURE_INIT(1, "slice (1 oz)", 28),
		};

		ck_assert_int_eq(cz_measure_describe(onion, 5, 20, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "2 tbsp chopped");
		ck_assert_int_eq(cz_measure_describe(onion, 5, 30, out,
		    sizeof(out)), 4);
		ck_assert_str_eq(out, "2 medium slices");
		ck_assert_int_eq(cz_measure_describe(cheese, 2, 15, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xc2\xbd slice (1 oz)");
	}

	/* Up to a dozen leaves or sprigs are counted; more read as cups
	 * where the cups fit, else the count stands. */
	{
		static const struct cz_measure spinach[] = {
			CZ_MEASURE_INIT(1, "cup", 30),
			CZ_MEASURE_INIT(1, "leaf", 10),
		};
		static const struct cz_measure basil[] = {
			CZ_MEASURE_INIT(5, "leaves", 2.5),
		};

		ck_assert_int_eq(cz_measure_describe(spinach, 2, 120, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "12 leaves");
		ck_assert_int_eq(cz_measure_describe(spinach, 2, 200, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "6 \xe2\x85\x94 cups");
		ck_assert_int_eq(cz_measure_describe(basil, 1, 10, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "20 leaves");
	}

	/* The plural of a counted fruit. */
	{
		static const struct cz_measure cherries[] = {
			CZ_MEASURE_INIT(1, "cherry", 8.2),
		};

		ck_assert_int_eq(cz_measure_describe(cherries, 1, 82, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "10 cherries");
	}
}
END_TEST

/* The catalog keeps only measures of the food as its label uses it. */
/* A prepared measure (the catalog's) describes every amount exactly as
 * the same measure built by hand, down to the size of out it needs. */
START_TEST(describe_prepared_same)
{
	/* every way measure_text reads a name's words: a size after the
	 * noun, a size with "whole", a second word in the plural, a spoon,
	 * a "not specified" note, an alternative count, a size in inches */
	static const struct cz_measure forms[] = {
		CZ_MEASURE_INIT(1, "potato large (3\" to 4-1/4\" dia.)", 299),
		CZ_MEASURE_INIT(1, "stalk, small (5\" long), raw", 17),
		CZ_MEASURE_INIT(1, "large whole (3\" dia)", 182),
		CZ_MEASURE_INIT(1, "plum tomato", 62),
		CZ_MEASURE_INIT(1, "small box (1.5 oz)", 43),
		CZ_MEASURE_INIT(1, "avocado, NS as to Florida or California", 201),
		CZ_MEASURE_INIT(1, "tsp or 1 packet", 5),
		CZ_MEASURE_INIT(1, "tbsp", 21),
		CZ_MEASURE_INIT(1, "medium (approx 2-3/4\" long, 2-1/2 dia.)", 119),
		CZ_MEASURE_INIT(1, "cup, chopped", 160),
	};
	static const struct {
		const struct cz_measure	*m;
		size_t			 n;
	} foods[] = {
		{ banana, NBANANA }, { egg, 2 }, { chopped, 3 }, { rice, 2 },
		{ oil, 3 }, { spice, 2 }, { weights, NWEIGHTS },
		{ counted, NCOUNTED }, { counted + 1, 1 }, { counted + 2, 1 },
		{ counted + 3, 1 }, { counted + 4, 1 }, { counted + 5, 1 },
		{ counted + 6, 1 }, { counted + 7, 1 }, { counted + 8, 1 },
		{ counted + 9, 1 }, { forms, 10 }, { forms, 1 },
		{ forms + 1, 1 }, { forms + 2, 1 }, { forms + 3, 1 },
		{ forms + 4, 1 }, { forms + 5, 1 }, { forms + 6, 1 },
		{ forms + 7, 1 }, { forms + 8, 1 }, { forms + 9, 1 },
	};
	struct cz_measure p[16];
	char raw[128], prep[128];
	size_t f, i, len;
	double g;
	int r;

	for (f = 0; f < sizeof(foods) / sizeof(foods[0]); f++) {
		ck_assert_uint_le(foods[f].n, 16);
		for (i = 0; i < foods[f].n; i++) {
			p[i] = foods[f].m[i];
			cz_measure_prepare(&p[i]);
		}
		for (g = 0; g <= 800; g += 0.5) {
			r = cz_measure_describe(foods[f].m, foods[f].n, g, raw,
			    sizeof(raw));
			ck_assert_int_eq(cz_measure_describe(p, foods[f].n, g,
			    prep, sizeof(prep)), r);
			ck_assert_str_eq(prep, raw);
			len = strlen(raw);
			ck_assert_int_eq(cz_measure_describe(p, foods[f].n, g,
			    prep, len + 1), r);
			ck_assert_str_eq(prep, raw);
			ck_assert_int_eq(cz_measure_describe(p, foods[f].n, g,
			    prep, len), CZ_MEASURE_ERROR);
			ck_assert_str_eq(prep, "");
		}
	}
}
END_TEST

START_TEST(measure_fits_label)
{
	/* A state the kitchen never measures in. */
	ck_assert(!cz_measure_fits_label("cup, whipped", "heavy cream", "01"));
	ck_assert(!cz_measure_fits_label("cup, melted", "Swiss cheese", "01"));
	ck_assert(cz_measure_fits_label("tbsp", "heavy cream", "01"));
	/* Ground or pureed only when the label says so; spices are. */
	ck_assert(!cz_measure_fits_label("cup, ground", "almonds", "12"));
	ck_assert(cz_measure_fits_label("cup, sliced", "almonds", "12"));
	ck_assert(!cz_measure_fits_label("cup, pureed", "avocado", "09"));
	ck_assert(cz_measure_fits_label("tsp, ground", "black pepper", "02"));
	ck_assert(cz_measure_fits_label("tbsp, ground", "ground flaxseed",
	    "12"));
	/* Not whole when the label says ground. */
	ck_assert(!cz_measure_fits_label("tbsp, whole", "ground cumin", "02"));
	ck_assert(!cz_measure_fits_label("cup, whole", "ground flaxseed",
	    "12"));
	ck_assert(cz_measure_fits_label("cup, whole", "almonds", "12"));
	/* Whole words only: "underground" is not ground. */
	ck_assert(cz_measure_fits_label("cup, underground", "truffle", "11"));
	ck_assert(cz_measure_fits_label("cup", NULL, NULL));
}
END_TEST

START_TEST(describe_volumes)
{
	char out[128];

	ck_assert_int_eq(cz_measure_describe(chopped, 3, 240, out,
	    sizeof(out)), 2);
	ck_assert_str_eq(out, "1 \xc2\xbd cups, chopped");
	ck_assert_int_eq(cz_measure_describe(chopped, 3, 53, out,
	    sizeof(out)), 2);
	ck_assert_str_eq(out, "\xe2\x85\x93 cup, chopped");
	ck_assert_int_eq(cz_measure_describe(chopped, 3, 107, out,
	    sizeof(out)), 2);
	ck_assert_str_eq(out, "\xe2\x85\x94 cup, chopped");
	ck_assert_int_eq(cz_measure_describe(chopped, 3, 120, out,
	    sizeof(out)), 2);
	ck_assert_str_eq(out, "\xc2\xbe cup, chopped");
	ck_assert_int_eq(cz_measure_describe(chopped, 3, 320, out,
	    sizeof(out)), 2);
	ck_assert_str_eq(out, "2 cups, chopped");
	/* Too little for ¼ cup: tablespoons. */
	ck_assert_int_eq(cz_measure_describe(chopped, 3, 30, out,
	    sizeof(out)), 1);
	ck_assert_str_eq(out, "3 tbsp");
	/* Oil: tsp when a tbsp is too much. */
	ck_assert_int_eq(cz_measure_describe(oil, 3, 4.5, out, sizeof(out)),
	    2);
	ck_assert_str_eq(out, "1 tsp");
	ck_assert_int_eq(cz_measure_describe(oil, 3, 13.5, out, sizeof(out)),
	    1);
	ck_assert_str_eq(out, "1 tbsp");
	/* Whole units win over cups: 150 g is 1 cup, sliced, but also 1.49
	 * small bananas, while 1.10 large is just outside the tolerance. */
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 150, out,
	    sizeof(out)), 4);
	ck_assert_str_eq(out, "1 \xc2\xbd small");
}
END_TEST

START_TEST(describe_grams)
{
	char out[128];

	ck_assert_int_eq(cz_measure_describe(weights, 6, 85, out, sizeof(out)),
	    CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "85 g");
	ck_assert_int_eq(cz_measure_describe(NULL, 0, 85.4, out, sizeof(out)),
	    CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "85 g");
	ck_assert_int_eq(cz_measure_describe(rice, 2, 1000, out, sizeof(out)),
	    0);
	ck_assert_str_eq(out, "6 \xe2\x85\x93 cups");
	/* Far from any fraction of a cup (0.127): spoons from the cup; too
	 * many cups: grams. */
	ck_assert_int_eq(cz_measure_describe(rice, 2, 20, out, sizeof(out)),
	    0);
	ck_assert_str_eq(out, "2 tbsp");
	ck_assert_int_eq(cz_measure_describe(rice, 2, 3000, out, sizeof(out)),
	    CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "3000 g");
	/* Tiny portions. */
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 2, out,
	    sizeof(out)), CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "2 g");
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 0.4, out,
	    sizeof(out)), CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "0.4 g");
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 0.01, out,
	    sizeof(out)), CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "0.1 g");
	/* Zero. */
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 0, out,
	    sizeof(out)), CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "0 g");
}
END_TEST

START_TEST(describe_errors)
{
	char out[8];

	memset(out, 'x', sizeof(out));
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, 118, out,
	    sizeof(out)), CZ_MEASURE_ERROR);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(cz_measure_describe(NULL, 0, 85, out, 5),
	    CZ_MEASURE_GRAMS);
	ck_assert_str_eq(out, "85 g");
	memset(out, 'x', sizeof(out));
	ck_assert_int_eq(cz_measure_describe(NULL, 0, 85, out, 4),
	    CZ_MEASURE_ERROR);
	ck_assert_str_eq(out, "");
	/* A multibyte fraction is never cut: "⅓ tsp" is 7 bytes + NUL. */
	{
		static const struct cz_measure tsp[] = { CZ_MEASURE_INIT(1, "tsp", 3) };

		ck_assert_int_eq(cz_measure_describe(tsp, 1, 1, out, 7),
		    CZ_MEASURE_ERROR);
		ck_assert_str_eq(out, "");
		ck_assert_int_eq(cz_measure_describe(tsp, 1, 1, out, 2),
		    CZ_MEASURE_ERROR);
		ck_assert_str_eq(out, "");
		ck_assert_int_eq(cz_measure_describe(tsp, 1, 1, out, 8), 0);
		ck_assert_str_eq(out, "\xe2\x85\x93 tsp");
		ck_assert_int_eq(cz_measure_describe(tsp, 1, 3, out,
		    sizeof(out)), 0);
		ck_assert_str_eq(out, "1 tsp");
	}
	ck_assert_int_eq(cz_measure_describe(NULL, 0, 85, NULL, 8),
	    CZ_MEASURE_ERROR);
	ck_assert_int_eq(cz_measure_describe(NULL, 0, 85, out, 0),
	    CZ_MEASURE_ERROR);
	ck_assert_int_eq(cz_measure_describe(NULL, 1, 85, out, sizeof(out)),
	    CZ_MEASURE_ERROR);
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, -1, out,
	    sizeof(out)), CZ_MEASURE_ERROR);
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, NAN, out,
	    sizeof(out)), CZ_MEASURE_ERROR);
	ck_assert_int_eq(cz_measure_describe(banana, NBANANA, INFINITY, out,
	    sizeof(out)), CZ_MEASURE_ERROR);
}
END_TEST

START_TEST(shopping_aggregates_and_groups)
{
	static const struct cz_shop_input in[] = {
		{ "01123", "egg", "01", 100, egg, 2 },
		{ "09040", "banana", "09", 300, banana, NBANANA },
		{ "11090", "broccoli", "11", 200, chopped, 3 },
		{ "01123", "egg", "01", 150, egg, 2 },
		{ "43000", "mystery", NULL, 63, NULL, 0 },
		{ "05064", "chicken breast", "05", 420, NULL, 0 },
		{ "20045", "rice", "20", 395, rice, 2 },
		{ "04053", "olive oil", "04", 40, oil, 3 },
		{ "02010", "cinnamon", "02", 1, spice, 2 },
		{ "17000", "lamb", "17", 100, weights, 6 },
		{ "11000", "apple? no, asparagus", "11", 0, NULL, 0 },
		{ "11001", "artichoke", "11", 101, NULL, 0 },
	};
	static const char *const names[] = {
		"Vegetables", "Fruits", "Poultry", "Dairy and Egg",
		"Cereal Grains and Pasta", "Fats and Oils", "Spices and Herbs",
		"Other"
	};
	cz_arena *a = cz_arena_new(4096);
	struct cz_shop_group *g;
	struct cz_shop_item *it;
	size_t ng, i;

	ck_assert_int_eq(cz_shopping_list(a, in, sizeof(in) / sizeof(in[0]),
	    &g, &ng), 0);
	ck_assert_uint_eq(ng, sizeof(names) / sizeof(names[0]));
	for (i = 0; i < ng; i++)
		ck_assert_str_eq(g[i].name, names[i]);

	/* Vegetables: sorted by name; the 0 g food is left out. */
	ck_assert_uint_eq(g[0].nitems, 2);
	it = &g[0].items[0];
	ck_assert_str_eq(it->name, "artichoke");
	ck_assert_int_eq(it->measure, CZ_MEASURE_GRAMS);
	ck_assert_str_eq(it->quantity, "150 g");
	ck_assert_double_eq(it->buy_grams, 150);
	it = &g[0].items[1];
	ck_assert_str_eq(it->name, "broccoli");
	ck_assert_int_eq(it->measure, 2);
	ck_assert_str_eq(it->quantity, "1 \xc2\xbc cups, chopped");
	ck_assert_double_eq_tol(it->buy_grams, 200, TOL);

	/* Fruits: the first whole-unit measure, large; 300 g is 2.2 of them,
	 * so 3 are bought. */
	it = &g[1].items[0];
	ck_assert_str_eq(it->ndb, "09040");
	ck_assert_int_eq(it->measure, 1);
	ck_assert_str_eq(it->quantity, "3 large");
	ck_assert_double_eq_tol(it->buy_grams, 408, TOL);

	/* Poultry: grams, rounded up to 50 g above 100 g. */
	it = &g[2].items[0];
	ck_assert_str_eq(it->quantity, "450 g");
	ck_assert_double_eq_tol(it->grams, 420, TOL);

	/* Dairy and Egg: the two inputs summed, 250 g = 5 large eggs. */
	ck_assert_uint_eq(g[3].nitems, 1);
	it = &g[3].items[0];
	ck_assert_str_eq(it->ndb, "01123");
	ck_assert_double_eq_tol(it->grams, 250, TOL);
	ck_assert_str_eq(it->quantity, "5 large");
	ck_assert_double_eq_tol(it->buy_grams, 250, TOL);

	/* Cereal grains: 395 g = exactly 2 ½ cups. */
	it = &g[4].items[0];
	ck_assert_str_eq(it->quantity, "2 \xc2\xbd cups");
	ck_assert_int_eq(it->measure, 0);

	/* Fats: 40 g is under ¼ cup, so whole tbsp: 2.96 -> 3. */
	it = &g[5].items[0];
	ck_assert_str_eq(it->quantity, "3 tbsp");
	ck_assert_int_eq(it->measure, 1);
	ck_assert_double_eq_tol(it->buy_grams, 40.5, TOL);

	/* Spices: 1 g is under a tsp, still one tsp. */
	it = &g[6].items[0];
	ck_assert_str_eq(it->quantity, "1 tsp");
	ck_assert_double_eq_tol(it->buy_grams, 2.1, TOL);

	/* Other: unknown group and NULL group, by name; weights are grams,
	 * rounded up to 10 g up to 100 g. */
	ck_assert_uint_eq(g[7].nitems, 2);
	ck_assert_str_eq(g[7].items[0].name, "lamb");
	ck_assert_str_eq(g[7].items[0].quantity, "100 g");
	ck_assert_str_eq(g[7].items[1].name, "mystery");
	ck_assert_str_eq(g[7].items[1].quantity, "70 g");
	ck_assert_double_eq(g[7].items[1].buy_grams, 70);

	for (i = 0; i < ng; i++)
		for (size_t j = 0; j < g[i].nitems; j++)
			ck_assert(g[i].items[j].buy_grams >=
			    g[i].items[j].grams);
	cz_arena_free(a);
}
END_TEST

/* Many foods, used several times each in an order that mixes them: each
 * line sums its own food's uses whatever its NDB number (five digits,
 * numbers that share their low bits, or not a number at all). */
START_TEST(shopping_sums_each_food)
{
	enum { NFOODS = 70, USES = 4 };
	static char ndb[NFOODS][8];
	struct cz_shop_input in[NFOODS * USES];
	double want[NFOODS], got;
	cz_arena *a = cz_arena_new(4096);
	struct cz_shop_group *g;
	size_t ng, i, k, n = 0, lines = 0;
	int f;

	for (f = 0; f < NFOODS; f++) {
		if (f % 10 == 9)
			snprintf(ndb[f], sizeof(ndb[f]), "X%d", f);
		else	/* 64 apart: the same low bits */
			snprintf(ndb[f], sizeof(ndb[f]), "%05d", 1000 + 64 * f);
		want[f] = 0;
	}
	for (k = 0; k < USES; k++)
		for (f = 0; f < NFOODS; f++) {
			i = (size_t)((f * 37 + (int)k * 11) % NFOODS);
			memset(&in[n], 0, sizeof(in[n]));
			in[n].ndb = ndb[i];
			in[n].name = ndb[i];
			in[n].grams = 1.0 + (double)k + (double)i / 100.0;
			want[i] += in[n].grams;
			n++;
		}
	ck_assert_int_eq(cz_shopping_list(a, in, n, &g, &ng), 0);
	for (i = 0; i < ng; i++)
		for (k = 0; k < g[i].nitems; k++, lines++) {
			for (f = 0; f < NFOODS; f++)
				if (strcmp(g[i].items[k].ndb, ndb[f]) == 0)
					break;
			ck_assert_int_lt(f, NFOODS);
			got = g[i].items[k].grams;
			ck_assert_double_eq_tol(got, want[f], 1e-9);
		}
	ck_assert_uint_eq(lines, NFOODS);
	cz_arena_free(a);
}
END_TEST

START_TEST(shopping_rounds_up)
{
	struct cz_shop_input in[] = {
		{ "01123", "egg", "01", 251, egg, 2 },
		{ "20045", "rice", "20", 400, rice, 2 },
		{ "09040", NULL, "09", 118, banana + 3, 1 },
		{ "99999", "tiny", "99", 0.2, NULL, 0 },
		{ "20044", "rice, a little", "20", 20, rice, 2 },
	};
	cz_arena *a = cz_arena_new(1024);
	struct cz_shop_group *g;
	size_t ng;

	ck_assert_int_eq(cz_shopping_list(a, in, 5, &g, &ng), 0);
	ck_assert_uint_eq(ng, 4);
	ck_assert_str_eq(g[0].name, "Fruits");
	ck_assert_str_eq(g[0].items[0].name, "09040");
	ck_assert_str_eq(g[0].items[0].quantity, "1 medium");
	ck_assert_str_eq(g[1].name, "Dairy and Egg");
	ck_assert_str_eq(g[1].items[0].quantity, "6 large");
	ck_assert_double_eq_tol(g[1].items[0].buy_grams, 300, TOL);
	/* Under ¼ cup with no smaller volume: still ¼ cup. */
	ck_assert_uint_eq(g[2].nitems, 2);
	ck_assert_str_eq(g[2].items[0].name, "rice");
	ck_assert_str_eq(g[2].items[0].quantity, "2 \xc2\xbe cups");
	ck_assert_str_eq(g[2].items[1].name, "rice, a little");
	ck_assert_str_eq(g[2].items[1].quantity, "\xc2\xbc cup");
	ck_assert_double_eq_tol(g[2].items[1].buy_grams, 39.5, TOL);
	ck_assert_str_eq(g[3].name, "Other");
	ck_assert_str_eq(g[3].items[0].quantity, "10 g");

	/* Rounding noise does not buy one more. */
	in[0].grams = 250 + 1e-10;
	cz_arena_reset(a);
	ck_assert_int_eq(cz_shopping_list(a, in, 1, &g, &ng), 0);
	ck_assert_str_eq(g[0].items[0].quantity, "5 large");

	/* SR24 spells some volumes out ("tablespoon"): a volume, not a unit,
	 * so 250 g of red pepper is bought as whole peppers. */
	{
		static const struct cz_measure pepper[] = {
			CZ_MEASURE_INIT(1, "cup, chopped", 149),
			CZ_MEASURE_INIT(1, "tablespoon", 9.3),
			CZ_MEASURE_INIT(1, "large (2-1/4 per pound)", 164),
			CZ_MEASURE_INIT(1, "cubic inch", 8),
		};
		struct cz_shop_input p1 = { "11821", "red bell pepper", "11",
		    250, pepper, 4 };
		char out[64];

		cz_arena_reset(a);
		ck_assert_int_eq(cz_shopping_list(a, &p1, 1, &g, &ng), 0);
		ck_assert_str_eq(g[0].items[0].quantity, "2 large (2-1/4 per pound)");
		ck_assert_int_eq(cz_measure_describe(pepper, 4, 18.6, out,
		    sizeof(out)), 1);
		/* and it reads as every other food's spoon does, for one
		 * or for more */
		ck_assert_str_eq(out, "2 tbsp");
		ck_assert_int_eq(cz_measure_describe(pepper, 4, 7.0, out,
		    sizeof(out)), 1);
		ck_assert_str_eq(out, "\xc2\xbe tbsp");
	}
	cz_arena_free(a);
}
END_TEST

START_TEST(shopping_errors)
{
	struct cz_shop_input in[] = {
		{ "01123", "egg", "01", 100, egg, 2 },
		{ "09040", "banana", "09", 300, banana, NBANANA },
	};
	cz_arena *a = cz_arena_new(1024);
	struct cz_shop_group *g = (void *)1;
	size_t ng = 9;

	ck_assert_int_eq(cz_shopping_list(a, in, 0, &g, &ng), 0);
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(ng, 0);

	in[1].grams = 0;
	ck_assert_int_eq(cz_shopping_list(a, in + 1, 1, &g, &ng), 0);
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(ng, 0);

	in[1].grams = NAN;
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), -1);
	ck_assert_uint_eq(ng, 0);
	in[1].grams = -1;
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), -1);
	in[1].grams = 1e308;
	in[0].grams = 1e308;
	in[0].ndb = "09040";
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), -1);
	in[0].grams = 100;
	in[0].ndb = NULL;
	in[1].grams = 100;
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), -1);
	in[0].ndb = "01123";
	in[0].measures = NULL;
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), -1);
	in[0].measures = egg;

	/* Out of memory. */
	cz_arena_reset(a);
	cz_arena_set_limit(a, 64);
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), -1);
	ck_assert_uint_eq(ng, 0);
	ck_assert_ptr_null(g);
	cz_arena_set_limit(a, 0);
	ck_assert_int_eq(cz_shopping_list(a, in, 2, &g, &ng), 0);
	ck_assert_uint_eq(ng, 2);
	cz_arena_free(a);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("nutrition");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, lookups);
	tcase_add_test(tc, table_matches_usda);
	tcase_add_test(tc, scale_add_divide);
	tcase_add_test(tc, net_carbs);
	tcase_add_test(tc, macro_shares);
	tcase_add_test(tc, describe_whole_units);
	tcase_add_test(tc, describe_volumes);
	tcase_add_test(tc, measure_fits_label);
	tcase_add_test(tc, describe_prepared_same);
	tcase_add_test(tc, describe_grams);
	tcase_add_test(tc, describe_errors);
	tcase_add_test(tc, shopping_aggregates_and_groups);
	tcase_add_test(tc, shopping_sums_each_food);
	tcase_add_test(tc, shopping_rounds_up);
	tcase_add_test(tc, shopping_errors);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
