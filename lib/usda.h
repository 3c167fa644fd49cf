/*
 * usda.h - one food of the USDA National Nutrient Database for Standard
 * Reference, release 24, as Debian's cronometer package ships it: one XML
 * file per food,
 *
 *     <food uid="05062" name="Chicken, ..." pcf="4.27" fcf="9.02" ccf="3.87">
 *       <measure amount="0.5" name="breast, bone and skin removed"
 *           grams="118.0"/>
 *       <nutrient amount="114.0" name="Energy"/> ...
 *     </food>
 *
 * with nutrient amounts per 100 g of the edible part and household
 * measures in grams. The parser (libxml2, from memory, no DTD, no entity
 * expansion, no network) checks everything a file may claim and fills a
 * fixed-size struct: no allocation outlives a call, nothing to free.
 */
#ifndef CZ_USDA_H
#define CZ_USDA_H

#include <stddef.h>

#define CZ_USDA_FILE_MAX	(64 * 1024)	/* bytes; SR24's largest: 3.9 KB */
#define CZ_USDA_NAME_MAX	300		/* bytes of a food name */
#define CZ_USDA_MEASURE_NAME_MAX 200		/* bytes of a measure name */
#define CZ_USDA_MEASURES_MAX	32		/* per food; SR24 has up to 15 */
#define CZ_USDA_AMOUNT_MAX	1e6		/* per 100 g; SR24's highest is
						   100,000 IU of vitamin A */
#define CZ_USDA_FACTOR_MAX	10.0		/* kcal/g; fat's 9.02 is highest */
#define CZ_USDA_MEASURE_AMOUNT_MAX 1e4		/* "56 pieces" is SR24's highest */
#define CZ_USDA_GRAMS_MAX	1e5		/* grams per measure */
#define CZ_USDA_ALCOHOL_KCAL	6.93		/* kcal/g, SR's factor for all foods */

/*
 * The nutrients the files carry, in the order of the files. The names
 * (cz_usda_nutrient_info) are exactly those of the files; the units were
 * read from cronometer's own nutrients.xml and checked against published
 * SR24 values (05062 chicken breast: vitamin A 30 IU, vitamin D 5 IU,
 * sodium 116 mg, folate 4 µg, B12 0.2 µg, vitamin K 0.2 µg, 114 kcal).
 * sql/002_foods.sql seeds the nutrients table with the same names, keys and
 * units; check_usda verifies they agree.
 */
enum cz_usda_nutrient {
	CZ_USDA_ENERGY,
	CZ_USDA_PROTEIN,
	CZ_USDA_CARBS,
	CZ_USDA_FIBER,
	CZ_USDA_STARCH,
	CZ_USDA_SUGARS,
	CZ_USDA_FAT,
	CZ_USDA_ALCOHOL,
	CZ_USDA_CAFFEINE,
	CZ_USDA_WATER,
	CZ_USDA_ASH,
	CZ_USDA_CALCIUM,
	CZ_USDA_COPPER,
	CZ_USDA_FLUORIDE,
	CZ_USDA_IRON,
	CZ_USDA_MAGNESIUM,
	CZ_USDA_MANGANESE,
	CZ_USDA_PHOSPHORUS,
	CZ_USDA_POTASSIUM,
	CZ_USDA_SELENIUM,
	CZ_USDA_SODIUM,
	CZ_USDA_ZINC,
	CZ_USDA_VITAMIN_A,
	CZ_USDA_RETINOL,
	CZ_USDA_ALPHA_CAROTENE,
	CZ_USDA_BETA_CAROTENE,
	CZ_USDA_BETA_CRYPTOXANTHIN,
	CZ_USDA_LYCOPENE,
	CZ_USDA_LUTEIN_ZEAXANTHIN,
	CZ_USDA_FOLATE,
	CZ_USDA_VITAMIN_B1,
	CZ_USDA_VITAMIN_B2,
	CZ_USDA_VITAMIN_B3,
	CZ_USDA_VITAMIN_B5,
	CZ_USDA_VITAMIN_B6,
	CZ_USDA_VITAMIN_B12,
	CZ_USDA_VITAMIN_C,
	CZ_USDA_VITAMIN_D,
	CZ_USDA_VITAMIN_E,
	CZ_USDA_BETA_TOCOPHEROL,
	CZ_USDA_DELTA_TOCOPHEROL,
	CZ_USDA_GAMMA_TOCOPHEROL,
	CZ_USDA_VITAMIN_K,
	CZ_USDA_CHOLINE,
	CZ_USDA_SATURATED_FAT,
	CZ_USDA_MONOUNSATURATED_FAT,
	CZ_USDA_POLYUNSATURATED_FAT,
	CZ_USDA_OMEGA_3,
	CZ_USDA_OMEGA_6,
	CZ_USDA_TRANS_FAT,
	CZ_USDA_CHOLESTEROL,
	CZ_USDA_PHYTOSTEROLS,
	CZ_USDA_ALANINE,
	CZ_USDA_ARGININE,
	CZ_USDA_ASPARTIC_ACID,
	CZ_USDA_CYSTINE,
	CZ_USDA_GLUTAMIC_ACID,
	CZ_USDA_GLYCINE,
	CZ_USDA_HISTIDINE,
	CZ_USDA_HYDROXYPROLINE,
	CZ_USDA_ISOLEUCINE,
	CZ_USDA_LEUCINE,
	CZ_USDA_LYSINE,
	CZ_USDA_METHIONINE,
	CZ_USDA_PHENYLALANINE,
	CZ_USDA_PROLINE,
	CZ_USDA_SERINE,
	CZ_USDA_THREONINE,
	CZ_USDA_TRYPTOPHAN,
	CZ_USDA_TYROSINE,
	CZ_USDA_VALINE,
	CZ_USDA_NUTRIENTS		/* the count */
};

struct cz_usda_nutrient_info {
	const char	*name;	/* as in the files, e.g. "B12 (Cyanocobalamin)" */
	const char	*key;	/* snake_case, e.g. "vitamin_b12" */
	const char	*unit;	/* "kcal", "g", "mg", "µg" (U+00B5) or "IU" */
	int		 core;	/* one of the nutrients every plan reports */
};

struct cz_usda_measure {
	double	amount;		/* > 0, e.g. 0.5 */
	double	grams;		/* > 0, the weight of that amount */
	char	name[CZ_USDA_MEASURE_NAME_MAX + 1];	/* e.g. "cup, diced" */
};

struct cz_usda_food {
	char			uid[6];		/* NDB number, 5 digits */
	char			name[CZ_USDA_NAME_MAX + 1];	/* UTF-8 */
	double			pcf, fcf, ccf;	/* Atwater factors, kcal/g of
						   protein, fat, carbohydrate;
						   NAN when absent */
	size_t			nmeasures;
	struct cz_usda_measure	measures[CZ_USDA_MEASURES_MAX];
	size_t			nnutrients;	/* amounts present */
	double			nutrient[CZ_USDA_NUTRIENTS];	/* per 100 g,
						   NAN when absent */
};

/* The description of nutrient id (0 <= id < CZ_USDA_NUTRIENTS), or NULL
 * when id is out of range. The strings are static. */
const struct cz_usda_nutrient_info *cz_usda_nutrient_info(int id);

/* The id of the nutrient named exactly name (as in the files), or -1. */
int cz_usda_nutrient_lookup(const char *name);

/* Empties f: no name, no measures, every factor and amount NAN. */
void cz_usda_food_clear(struct cz_usda_food *f);

/* Parses one food file of len bytes at data (need not be terminated) into
 * f. Returns 0, or -1 with f cleared and a one-line reason in err, e.g.
 * "line 1: unknown nutrient \"Vitamin Q\"". Refused: more than
 * CZ_USDA_FILE_MAX bytes, anything libxml2 finds not well-formed, a DTD
 * or entity reference of any kind, a root other than <food>, unknown
 * elements or attributes, a uid that is not 5 digits, an empty or
 * over-long or non-UTF-8 name or one with control characters, a number
 * that is not plain decimal ("1.2x", "nan", "-1", "1e999"), a value out of
 * its range, an unknown or repeated nutrient, more than
 * CZ_USDA_MEASURES_MAX measures. Nothing is allocated after the call. */
int cz_usda_parse(const char *data, size_t len, struct cz_usda_food *f,
    char *err, size_t errlen);

/* The energy of 100 g of f by its own Atwater factors, in kcal: protein ×
 * pcf + fat × fcf + carbohydrate × ccf, plus alcohol × CZ_USDA_ALCOHOL_KCAL
 * when the food has alcohol. NAN when a factor or one of protein, fat and
 * carbohydrate is missing. */
double cz_usda_atwater(const struct cz_usda_food *f);

#endif
