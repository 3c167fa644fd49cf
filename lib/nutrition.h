/*
 * nutrition.h - pure nutrition arithmetic for the planner and its pages.
 *
 * The 23 core nutrients every plan reports, in a fixed order, with their
 * keys (as in the nutrients table of sql/002_foods.sql), SR24 names, units
 * and display labels; scaling per-100 g amounts to portions and summing
 * them; net carbohydrates and energy shares; household measures ("1 ½ cup")
 * for a portion; and the shopping list of a plan, grouped by food group and
 * rounded up to what can be bought. Nothing here touches the database or
 * does I/O; only the shopping list allocates, from the caller's arena.
 */
#ifndef CZ_NUTRITION_H
#define CZ_NUTRITION_H

#include <stddef.h>

#include "arena.h"

/* The core nutrients, in the order plans report them. */
enum cz_nutrient {
	CZ_N_ENERGY,		/* kcal */
	CZ_N_PROTEIN,		/* g */
	CZ_N_FAT,		/* g */
	CZ_N_CARBS,		/* g, total carbohydrate by difference */
	CZ_N_FIBER,		/* g */
	CZ_N_SUGARS,		/* g */
	CZ_N_SATURATED_FAT,	/* g */
	CZ_N_CHOLESTEROL,	/* mg */
	CZ_N_SODIUM,		/* mg */
	CZ_N_POTASSIUM,		/* mg */
	CZ_N_CALCIUM,		/* mg */
	CZ_N_IRON,		/* mg */
	CZ_N_MAGNESIUM,		/* mg */
	CZ_N_ZINC,		/* mg */
	CZ_N_VITAMIN_A,		/* IU */
	CZ_N_VITAMIN_C,		/* mg */
	CZ_N_VITAMIN_D,		/* IU */
	CZ_N_VITAMIN_E,		/* mg */
	CZ_N_VITAMIN_K,		/* µg */
	CZ_N_VITAMIN_B6,	/* mg */
	CZ_N_VITAMIN_B12,	/* µg */
	CZ_N_FOLATE,		/* µg, total folate */
	CZ_N_OMEGA_3		/* g */
};

#define CZ_NUTRIENTS 23

struct cz_nutrient_info {
	const char	*key;		/* nutrients.key, e.g. "vitamin_b12" */
	const char	*sr_name;	/* nutrients.name as in the SR24 files,
					   e.g. "B12 (Cyanocobalamin)" */
	const char	*unit;		/* "kcal", "g", "mg", "µg" (U+00B5), "IU" */
	const char	*label;		/* for people, e.g. "Vitamin B12" */
	/* The key quoted with a colon after it, "\"vitamin_b12\":", as a
	 * JSON document's member writes it (jsonw.h, struct cz_jw_key),
	 * and its length. */
	const char	*quoted_key;
	size_t		 quoted_len;
};

/* Amounts of the core nutrients, indexed by enum cz_nutrient: per 100 g for
 * a food, absolute for a portion, a day or a plan. NAN marks an amount the
 * data does not give. */
struct cz_nutrients {
	double	v[CZ_NUTRIENTS];
};

/* Returns the description of nutrient n, or NULL when n is out of range. */
const struct cz_nutrient_info *cz_nutrient_info(int n);

/* Returns the enum cz_nutrient whose key (resp. SR24 name) is exactly s, or
 * -1 when none is, or when s is NULL. */
int cz_nutrient_by_key(const char *s);
int cz_nutrient_by_sr_name(const char *s);

/* Sets every amount of n to 0. */
void cz_nutrients_zero(struct cz_nutrients *n);

/* Sets out to the amounts in grams of a food given per100g: each amount
 * times grams / 100. Missing amounts (NAN) stay missing. out may be
 * per100g itself. */
void cz_nutrients_scale(const struct cz_nutrients *per100g, double grams,
    struct cz_nutrients *out);

/* Adds x to acc amount by amount. A missing amount in x (NAN) counts as 0,
 * so that totals of a day or a plan stay defined; acc may be x. */
void cz_nutrients_add(struct cz_nutrients *acc, const struct cz_nutrients *x);

/* Divides every amount of n by days (e.g. a week's totals by 7 for a daily
 * average). Returns 0, or -1 when days is not a finite number > 0, in which
 * case n is unchanged. */
int cz_nutrients_divide(struct cz_nutrients *n, double days);

/* Returns the net carbohydrates in grams: carbs_g - fiber_g, never below 0.
 * Returns 0 when carbs_g is 0, negative, infinite or NAN. A negative or
 * missing (NAN) fiber_g counts as no fiber, so the result errs high, which
 * is the safe side for a low-carb limit. */
double cz_net_carbs(double carbs_g, double fiber_g);

/* Sets the shares in percent of the energy from protein, fat and carbs,
 * using the general Atwater factors 4, 9 and 4 kcal/g. The shares are of
 * the sum 4P + 9F + 4C, not of n's energy amount, so that they always add
 * up to 100 whatever the food's own factors, fibre or alcohol; carbs are
 * total carbs, fibre included, as SR24's energy counts them. A missing or
 * negative amount counts as 0; all three are 0 when the sum is 0. Any of
 * the out pointers may be NULL. */
void cz_macro_shares(const struct cz_nutrients *n, double *protein_pct,
    double *fat_pct, double *carb_pct);

/* A household measure: amount of name weighs grams, e.g.
 * {1, "cup, chopped", 160} or {0.5, "breast, bone and skin removed", 86}.
 * The fields after grams are what cz_measure_prepare derives from the
 * three; a measure built without it (prepared 0) works the same, each
 * describing call deriving them again from the name's words. */
struct cz_measure {
	double		 amount;	/* > 0 */
	const char	*name;
	double		 grams;		/* > 0 */
	double		 unit_grams;	/* of one; 0: not a usable measure */
	unsigned char	 kind;		/* cup, spoon, unit or skipped */
	unsigned char	 tiny;		/* a dash or a pinch */
	unsigned char	 prepared;
	/* The plural of the name's first word (NULL: none listed) and that
	 * word's length: "3 cloves", looked up once, not among some sixty
	 * words every time a count above one is described. */
	const char	*plural;
	size_t		 plural_of;
	/* The words after the number for one (words[0]) and for more
	 * (words[1]), found when prepared: the name's words read once, not
	 * at every amount described. Offsets into name. */
	struct cz_measure_words {
		const char	*noun;
		unsigned short	 lead_at, lead_len, sep, noun_len;
		unsigned short	 rest_at, restlen, note, notelen;
	} words[2];
	unsigned char	 words_ready;
};

/* A measure built by hand (tests, examples): the three given fields. */
#define CZ_MEASURE_INIT(a, n, g)	{ .amount = (a), .name = (n), .grams = (g) }

/* Derives m's unit_grams, kind, tiny, plural and words once (the catalog
 * does for every measure it loads), so that describing grams of the food in
 * a plan does not read the words of every measure name again. They hold for
 * m's name as it is then: prepare m again after changing it. */
void	cz_measure_prepare(struct cz_measure *m);

#define CZ_MEASURE_GRAMS	(-1)	/* described in grams */
#define CZ_MEASURE_ERROR	(-2)	/* bad arguments or out too small */

/*
 * Writes to out (outlen bytes, NUL-terminated) the best description for
 * people of grams of a food that has the n measures m:
 *   - a whole-unit measure (anything but cup, tbsp, tsp and weights such as
 *     oz) whose count is within 10% of a whole or half number, e.g. "1
 *     medium" (USDA's "medium (7" to 7-7/8" long)": its size note in
 *     inches left out), "½ large", "2 large"; the closest wins;
 *   - else a cup, tbsp or tsp measure, larger units first, with the count
 *     rounded to the nearest quarter or third within 10%, e.g. "1 ½ cups,
 *     chopped", "⅓ cup" (fractions are UTF-8 characters); a food with a
 *     plain cup ("cup", "cup (8 fl oz)") but no spoon measure of its own
 *     has spoons of a sixteenth and a forty-eighth of it, up to 3 tbsp
 *     or 2 tsp ("1 tsp" of lemon juice), and the index returned is the
 *     cup's;
 *   - never a USDA yield ("lemon yields", "unit (yield from ...)") or
 *     "leaf outer"/"leaf inner", and never its ", NS as to ..." note;
 *   - halves only of fewer than 10 units of 20 g or more; at most 4
 *     dashes or pinches; more than 12 leaves or sprigs as cups where a
 *     cup fits;
 *   - else grams, e.g. "85 g" ("0.4 g" below 1 g).
 * Above one, the measure's first word is in the plural when it has one
 * ("3 cloves", "2 slices, large (1/4" thick)", "2 large").
 * Measures with no name or a non-positive amount or weight are ignored; m
 * may be NULL when n is 0. Returns the index in m of the measure used, or
 * CZ_MEASURE_GRAMS, or CZ_MEASURE_ERROR when grams is negative or not
 * finite, out is NULL or outlen is too small for the description; out is
 * then the empty string when outlen > 0.
 */
int cz_measure_describe(const struct cz_measure *m, size_t n, double grams,
    char *out, size_t outlen);

/*
 * Whether the measure called name describes the food as its label says it
 * is used: not a state the kitchen never measures it in ("cup, whipped"
 * of heavy cream, "cup, melted" of cheese), not ground or pureed when the
 * label does not say so ("cup, ground" of almonds; a spice, USDA group
 * "02", is ground already), and not whole when the label says ground
 * ("tbsp, whole" of ground cumin). The catalog keeps only these.
 */
int cz_measure_fits_label(const char *name, const char *label,
    const char *group);

/* One food of a plan's portions, as given to cz_shopping_list. */
struct cz_shop_input {
	const char		*ndb;		/* NDB number, the food's key */
	const char		*name;		/* for people */
	const char		*group;		/* USDA food group code such as
						   "11", or NULL */
	double			 grams;		/* >= 0 */
	const struct cz_measure	*measures;	/* may be NULL if nmeasures 0 */
	size_t			 nmeasures;
};

/* One line of the shopping list: a food and the quantity to buy. */
struct cz_shop_item {
	const char	*ndb;
	const char	*name;
	double		 grams;		/* total the plan uses */
	double		 buy_grams;	/* the quantity to buy, in grams, >= grams */
	int		 measure;	/* index in the food's first input's
					   measures, or CZ_MEASURE_GRAMS */
	const char	*quantity;	/* e.g. "5 large", "2 ½ cups", "350 g" */
};

/* The items of one display group, sorted by name then NDB number. */
struct cz_shop_group {
	const char		*name;	/* e.g. "Vegetables", "Other" */
	struct cz_shop_item	*items;
	size_t			 nitems;
};

/*
 * Builds the shopping list of the n inputs in: the grams of inputs with the
 * same ndb are summed (the name, group and measures of the first one are
 * used; a NULL name shows as the ndb), foods totalling 0 g are left out,
 * and the foods are grouped in the fixed order Vegetables, Fruits,
 * Poultry, Beef, Pork, Finfish and Shellfish, Dairy and Egg, Legumes, Nuts
 * and Seeds, Cereal Grains and Pasta (breakfast cereals too), Baked
 * Products, Fats and Oils, Spices and Herbs, then Other for any other or
 * no group; empty groups are left out. Each total is rounded up to what
 * can be bought: whole units of the first whole-unit measure ("5 large"),
 * else cups in quarters, whole tbsp or whole tsp (the largest unit the
 * total makes one step of; "2 ½ cups"), else grams rounded up to 10 g up
 * to 100 g and to 50 g above. Everything returned, strings included, is
 * allocated from a and lives until it is reset. Returns 0 and sets *groups
 * and *ngroups (NULL and 0 for an empty list), or -1 when an input has no
 * ndb or grams that are negative or not finite, when a food's total
 * overflows, or when a runs out of memory.
 */
int cz_shopping_list(cz_arena *a, const struct cz_shop_input *in, size_t n,
    struct cz_shop_group **groups, size_t *ngroups);

#endif
