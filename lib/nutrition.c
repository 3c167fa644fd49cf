/*
 * nutrition.c - pure nutrition arithmetic: the core nutrient table, scaling
 * and sums, net carbs, energy shares, household measures and the shopping
 * list. See nutrition.h.
 *
 * Quantities in measures are counted in twelfths of a unit, so that the
 * quarters and thirds people cook with are exact integers.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fixed_text.h"
#include "nutrition.h"

#define MU	"\xc2\xb5"	/* U+00B5 MICRO SIGN, as in the nutrients table */

/* key, then sr_name, unit and label; the key quoted as JSON writes it
 * by the compiler. */
#define NUTRIENT(key, ...)	{ key, __VA_ARGS__, "\"" key "\":", \
				    sizeof(key) + 2 }

static const struct cz_nutrient_info nutrients[CZ_NUTRIENTS] = {
	[CZ_N_ENERGY] = NUTRIENT("energy", "Energy", "kcal", "Energy"),
	[CZ_N_PROTEIN] = NUTRIENT("protein", "Protein", "g", "Protein"),
	[CZ_N_FAT] = NUTRIENT("fat", "Fat", "g", "Fat"),
	[CZ_N_CARBS] = NUTRIENT("carbs", "Carbs", "g", "Carbohydrates"),
	[CZ_N_FIBER] = NUTRIENT("fiber", "Fiber", "g", "Fiber"),
	[CZ_N_SUGARS] = NUTRIENT("sugars", "Sugars", "g", "Sugars"),
	[CZ_N_SATURATED_FAT] = NUTRIENT("saturated_fat", "Saturated", "g",
	    "Saturated fat"),
	[CZ_N_CHOLESTEROL] = NUTRIENT("cholesterol", "Cholesterol", "mg",
	    "Cholesterol"),
	[CZ_N_SODIUM] = NUTRIENT("sodium", "Sodium", "mg", "Sodium"),
	[CZ_N_POTASSIUM] = NUTRIENT("potassium", "Potassium", "mg",
	    "Potassium"),
	[CZ_N_CALCIUM] = NUTRIENT("calcium", "Calcium", "mg", "Calcium"),
	[CZ_N_IRON] = NUTRIENT("iron", "Iron", "mg", "Iron"),
	[CZ_N_MAGNESIUM] = NUTRIENT("magnesium", "Magnesium", "mg",
	    "Magnesium"),
	[CZ_N_ZINC] = NUTRIENT("zinc", "Zinc", "mg", "Zinc"),
	[CZ_N_VITAMIN_A] = NUTRIENT("vitamin_a", "Vitamin A", "IU",
	    "Vitamin A"),
	[CZ_N_VITAMIN_C] = NUTRIENT("vitamin_c", "Vitamin C", "mg",
	    "Vitamin C"),
	[CZ_N_VITAMIN_D] = NUTRIENT("vitamin_d", "Vitamin D", "IU",
	    "Vitamin D"),
	[CZ_N_VITAMIN_E] = NUTRIENT("vitamin_e", "Vitamin E", "mg",
	    "Vitamin E"),
	[CZ_N_VITAMIN_K] = NUTRIENT("vitamin_k", "Vitamin K", MU "g",
	    "Vitamin K"),
	[CZ_N_VITAMIN_B6] = NUTRIENT("vitamin_b6", "B6 (Pyridoxine)", "mg",
	    "Vitamin B6"),
	[CZ_N_VITAMIN_B12] = NUTRIENT("vitamin_b12", "B12 (Cyanocobalamin)",
	    MU "g", "Vitamin B12"),
	[CZ_N_FOLATE] = NUTRIENT("folate", "Folate", MU "g", "Folate"),
	[CZ_N_OMEGA_3] = NUTRIENT("omega_3", "Omega-3", "g",
	    "Omega-3 fatty acids"),
};

/* Kinds of household measure, told apart by the first word of the name. */
enum mclass {
	MC_UNIT,	/* a whole thing or a part of one: "large", "slice" */
	MC_CUP,
	MC_TBSP,
	MC_TSP,
	MC_SKIP		/* a weight or a vague amount: never shown */
};

static const struct {
	const char	*word;
	enum mclass	 cls;
	const char	*plural;	/* the word for more than one, or NULL */
} mwords[] = {
	{ "cup",		MC_CUP,		"cups" },
	{ "cups",		MC_CUP,		NULL },
	/* SR24 spells some spoons out ("tablespoon" of olive oil): they
	 * read "tbsp" and "tsp" as every other food's do, one word for one
	 * or more (spoon_abbreviation) */
	{ "tbsp",		MC_TBSP,	NULL },
	{ "tablespoon",		MC_TBSP,	"tbsp" },
	{ "tablespoons",	MC_TBSP,	"tbsp" },
	{ "tsp",		MC_TSP,		NULL },
	{ "teaspoon",		MC_TSP,		"tsp" },
	{ "teaspoons",		MC_TSP,		"tsp" },
	{ "cubic inch",		MC_SKIP,	NULL },
	{ "fl oz",		MC_SKIP,	NULL },
	{ "pint",		MC_SKIP,	NULL },
	{ "quart",		MC_SKIP,	NULL },
	{ "gallon",		MC_SKIP,	NULL },
	{ "liter",		MC_SKIP,	NULL },
	{ "ml",			MC_SKIP,	NULL },
	{ "oz",			MC_SKIP,	NULL },
	{ "lb",			MC_SKIP,	NULL },
	{ "g",			MC_SKIP,	NULL },
	{ "kg",			MC_SKIP,	NULL },
	{ "serving",		MC_SKIP,	NULL },
	{ "NLEA serving",	MC_SKIP,	NULL },
	{ "package",		MC_SKIP,	NULL },
	/* a single-serve packet is a take-away portion, not a cook's
	 * measure: honey's 14 g reads "⅔ tbsp" */
	{ "packet",		MC_SKIP,	NULL },
	{ "container",		MC_SKIP,	NULL },
};

/*
 * The plurals of the nouns that open the USDA's whole-unit measures of
 * the catalog's foods ("clove", "slice, large (1/4\" thick)"), for counts
 * above one: "3 cloves", not "3 clove". Words not listed are left as
 * they are: sizes ("large", "medium"), abbreviations and names that are
 * plural already.
 */
static const struct {
	const char	*word;
	const char	*plural;
} unit_words[] = {
	{ "almond", "almonds" }, { "avocado", "avocados" },
	{ "berry", "berries" }, { "block", "blocks" }, { "box", "boxes" },
	{ "breast", "breasts" }, { "bulb", "bulbs" }, { "bunch", "bunches" },
	{ "cake", "cakes" }, { "can", "cans" },
	{ "carrot", "carrots" }, { "cherry", "cherries" }, { "chop", "chops" },
	{ "clove", "cloves" }, { "cucumber", "cucumbers" },
	{ "dash", "dashes" }, { "date", "dates" }, { "drumstick", "drumsticks" },
	{ "egg", "eggs" }, { "fig", "figs" }, { "fillet", "fillets" },
	{ "floweret", "flowerets" }, { "fruit", "fruits" }, { "grape", "grapes" },
	{ "half", "halves" },
	{ "head", "heads" }, { "kernel", "kernels" }, { "leaf", "leaves" },
	{ "link", "links" }, { "liver", "livers" }, { "melon", "melons" },
	{ "nut", "nuts" }, { "olive", "olives" },
	{ "onion", "onions" }, { "pat", "pats" },
	{ "patty", "patties" }, { "peanut", "peanuts" },
	{ "pepper", "peppers" }, { "piece", "pieces" }, { "pita", "pitas" },
	{ "pomegranate", "pomegranates" }, { "potato", "potatoes" },
	{ "radish", "radishes" }, { "ring", "rings" },
	{ "sardine", "sardines" }, { "scoop", "scoops" }, { "sheet", "sheets" },
	{ "slice", "slices" }, { "spear", "spears" }, { "sprig", "sprigs" },
	{ "sprout", "sprouts" },
	{ "stalk", "stalks" }, { "steak", "steaks" }, { "stick", "sticks" },
	{ "strip", "strips" }, { "thigh", "thighs" }, { "tomato", "tomatoes" },
	{ "tortilla", "tortillas" }, { "unit", "units" }, { "wedge", "wedges" },
	{ "wing", "wings" },
};

/*
 * Volume measures, largest first: the smallest quantity worth showing (in
 * twelfths), the largest count worth showing, and the step a shopping
 * quantity is rounded up to (in twelfths).
 */
static const struct {
	enum mclass	 cls;
	int		 min_q;
	double		 max_count;
	int		 buy_q;
	int		 per_cup;	/* of them in a US cup; 0: the cup */
	const char	*word;		/* its name when taken from a cup */
	double		 cup_max;	/* the largest count taken from a cup:
					   below the next unit up, which the
					   cup itself says ("¼ cup") */
} volumes[] = {
	{ MC_CUP,  3, 16, 3,  0,  "cup",  0 },	/* ¼ to 16 cups, buy by ¼ */
	{ MC_TBSP, 6, 8,  12, 16, "tbsp", 3 },	/* ½ to 8 tbsp, buy whole */
	{ MC_TSP,  3, 6,  12, 48, "tsp",  2 },	/* ¼ to 6 tsp, buy whole */
};

/* The fractions of a unit shown, in twelfths, with their UTF-8 glyphs. */
static const struct {
	int		 q;
	const char	*glyph;
} fractions[] = {
	{ 0,	"" },
	{ 3,	"\xc2\xbc" },		/* ¼ */
	{ 4,	"\xe2\x85\x93" },	/* ⅓ */
	{ 6,	"\xc2\xbd" },		/* ½ */
	{ 8,	"\xe2\x85\x94" },	/* ⅔ */
	{ 9,	"\xc2\xbe" },		/* ¾ */
	{ 12,	"" },			/* the next whole */
};

#define MEASURE_TOLERANCE	0.10	/* relative error of a shown count */
/* ... or, for a cup or a spoon, its error in grams: a plan's grams are
 * whole (or the food's step), so a volume within half a gram of them is
 * as exact as the number itself ("¾ tsp" of paprika for 2 g, where 10 %
 * of 2 g left only grams). Not for counted pieces: "2 tbsp" of cilantro
 * stays, not "1 sprigs". */
#define MEASURE_SLACK_G		0.5
#define UNIT_MAX_COUNT		24	/* more whole units read as grams */
#define LEAF_MAX_COUNT		12	/* more leaves or sprigs: cups if they fit */
#define TINY_MAX_COUNT		4	/* more dashes or pinches: a spoon */
#define HALF_MIN_GRAMS		20	/* a half only of a unit this large */
#define HALF_MAX_COUNT		10	/* and only of fewer than these */
#define BUY_MAX_COUNT		1e6	/* more units to buy read as grams */
#define CEIL_SLACK		1e-6	/* rounding noise ignored by ceil */
#define QTY_MAX			512	/* bytes of a shopping quantity */

/*
 * The shopping list's display groups, in order, and the USDA food group
 * codes each gathers; codes not listed go to the last group, Other.
 * Breakfast cereals shop with the grains.
 */
static const char *const shop_groups[] = {
	"Vegetables", "Fruits", "Poultry", "Beef", "Pork",
	"Finfish and Shellfish", "Dairy and Egg", "Legumes", "Nuts and Seeds",
	"Cereal Grains and Pasta", "Baked Products", "Fats and Oils",
	"Spices and Herbs", "Other"
};
#define SHOP_NGROUPS	(sizeof(shop_groups) / sizeof(shop_groups[0]))
#define SHOP_OTHER	(SHOP_NGROUPS - 1)

static const struct {
	const char	*code;
	size_t		 group;	/* index in shop_groups */
} group_codes[] = {
	{ "11", 0 }, { "09", 1 }, { "05", 2 }, { "13", 3 }, { "10", 4 },
	{ "15", 5 }, { "01", 6 }, { "16", 7 }, { "12", 8 }, { "20", 9 },
	{ "08", 9 }, { "18", 10 }, { "04", 11 }, { "02", 12 },
};

/* Whether name opens with word, as a whole word. */
static int
opens_with(const char *name, const char *word)
{
	size_t len = strlen(word);
	char c;

	if (strncmp(name, word, len) != 0)
		return 0;
	c = name[len];
	return c == '\0' || c == ' ' || c == ',' || c == '(';
}

/* Returns the class of a measure from the first word of its name. */
static enum mclass
measure_class(const char *name, size_t *word)
{
	size_t i;

	for (i = 0; i < sizeof(mwords) / sizeof(mwords[0]); i++) {
		if (name[0] != mwords[i].word[0])
			continue;	/* most words differ at once */
		if (opens_with(name, mwords[i].word)) {
			if (word != NULL)
				*word = i;
			return mwords[i].cls;
		}
	}
	return MC_UNIT;
}

/* The plural of the listed noun (unit_words) that opens s, with the
 * length of that noun; NULL when none does. */
static const char *
noun_plural(const char *s, size_t *len)
{
	size_t i;

	for (i = 0; i < sizeof(unit_words) / sizeof(unit_words[0]); i++)
		if (s[0] == unit_words[i].word[0] &&	/* most differ */
		    opens_with(s, unit_words[i].word)) {
			*len = strlen(unit_words[i].word);
			return unit_words[i].plural;
		}
	return NULL;
}

/* The plural of the word that opens measure name (a volume's or a unit's),
 * with the length of that word; NULL when it has none listed. */
static const char *
first_word_plural(const char *name, size_t *len)
{
	size_t w;

	if (measure_class(name, &w) != MC_UNIT) {
		*len = strlen(mwords[w].word);
		return mwords[w].plural;
	}
	return noun_plural(name, len);
}

/* Whether word, a listed plural, is a spoon's abbreviation: the same
 * for one and for more ("¾ tbsp", "2 tbsp"). */
static int
spoon_abbreviation(const char *word)
{
	return strcmp(word, "tbsp") == 0 || strcmp(word, "tsp") == 0;
}

/* Whether a measure's name is the USDA's bookkeeping rather than a
 * portion a cook counts out: what something yields ("lemon yields", "cup,
 * dry, yields", "unit (yield from 1 lb ready-to-cook chicken)") or a
 * word order no kitchen uses ("leaf outer", "leaf inner"). */
static int
bookkeeping_name(const char *name)
{
	size_t n = strlen(name);

	return strstr(name, "yield") != NULL || strstr(name, "Yield") != NULL ||
	    (n >= 6 && strcmp(name + n - 6, " outer") == 0) ||
	    (n >= 6 && strcmp(name + n - 6, " inner") == 0);
}

/* Whether a unit is a seasoning's dash or pinch: a few of them read as
 * a cook adds them, twenty do not ("20 dashes" of pepper is a spoon). */
static int
tiny_unit(const char *name)
{
	return opens_with(name, "dash") || opens_with(name, "pinch");
}

/* Whether a unit is a leaf or a sprig: past a dozen, nobody counts them
 * out ("20 leaves" of spinach is cups of it). */
static int
leaf_unit(const char *name)
{
	return opens_with(name, "leaf") || opens_with(name, "leaves") ||
	    opens_with(name, "sprig") || opens_with(name, "sprigs");
}

/* Whether a unit is a cut piece of a food, a slice, a strip or a ring:
 * part of one is no measure a cook takes ("½ large slice" of onion, where
 * "2 tbsp chopped" is). */
static int
cut_unit(const char *name)
{
	return opens_with(name, "slice") || opens_with(name, "slices") ||
	    opens_with(name, "strip") || opens_with(name, "strips") ||
	    opens_with(name, "ring") || opens_with(name, "rings");
}

/* Returns the grams of one unit of a usable measure, or 0 if it is not. */
static double
unit_grams(const struct cz_measure *m)
{
	double g;

	if (m->name == NULL || m->name[0] == '\0' || !isfinite(m->amount) ||
	    !isfinite(m->grams) || m->amount <= 0 || m->grams <= 0 ||
	    bookkeeping_name(m->name))
		return 0;
	g = m->grams / m->amount;
	return isfinite(g) && g > 0 ? g : 0;
}

static void measure_words_prepare(struct cz_measure *);

void
cz_measure_prepare(struct cz_measure *m)
{
	m->unit_grams = unit_grams(m);
	m->kind = (unsigned char)(m->name != NULL ?
	    measure_class(m->name, NULL) : MC_UNIT);
	m->tiny = m->name != NULL && tiny_unit(m->name);
	m->plural_of = 0;
	m->plural = m->name != NULL ? first_word_plural(m->name,
	    &m->plural_of) : NULL;
	m->prepared = 1;
	measure_words_prepare(m);
}

/* unit_grams and measure_class of m: from cz_measure_prepare when it ran,
 * else derived here. */
static double
m_unit_grams(const struct cz_measure *m)
{
	return m->prepared ? m->unit_grams : unit_grams(m);
}

static enum mclass
m_class(const struct cz_measure *m)
{
	return m->prepared ? (enum mclass)m->kind :
	    measure_class(m->name, NULL);
}

static int
m_tiny(const struct cz_measure *m)
{
	return m->prepared ? m->tiny : tiny_unit(m->name);
}

/* Returns count rounded to the nearest whole, quarter or third, in
 * twelfths. count must be >= 0 and small enough for an int. */
static int
nearest_q(double count)
{
	double whole = floor(count), frac = count - whole, d, best = 2;
	size_t i;
	int q = 0;

	for (i = 0; i < sizeof(fractions) / sizeof(fractions[0]); i++) {
		d = fabs(frac - fractions[i].q / 12.0);
		if (d < best) {
			best = d;
			q = fractions[i].q;
		}
	}
	return (int)whole * 12 + q;
}

/*
 * Where the USDA's size note in the len bytes of name lies: the first
 * part in brackets that holds an inch mark, with the space before it
 * (" (7\" to 7-7/8\" long)", " (3\" dia)", an unclosed " (3\" to
 * 4-1/4\" dia." to the end), as *at and *n; *at = len and *n = 0 when
 * there is none. A cook reads "1 medium" beside the grams (118 g); the
 * inches were the USDA's way to say which medium.
 */
static void
size_note(const char *name, size_t len, size_t *at, size_t *n)
{
	size_t i, j;

	*at = len;
	*n = 0;
	for (i = 0; i + 1 < len; i++) {
		if (name[i] != ' ' || name[i + 1] != '(')
			continue;
		for (j = i + 2; j < len && name[j] != ')' && name[j] != '"';
		    j++)
			continue;
		if (j == len || name[j] != '"')
			continue;
		while (j < len && name[j] != ')')
			j++;
		*at = i;
		*n = (j < len ? j + 1 : len) - i;
		return;
	}
}

/*
 * The sizes the USDA writes after a counted thing's noun ("potato large",
 * "head, small", "slice, medium"), where a cook says them before it.
 */
static const char *const noun_sizes[] = {
	"extra large", "extra small", "small", "medium", "large", "jumbo"
};

/* The size word that follows the noun name[0..len) ("potato large
 * (...)", "stalk, small"): its length, with *at set to where it starts in
 * name; 0 when none follows. */
static size_t
size_after_noun(const char *name, size_t len, size_t *at)
{
	const char *s = name + len;
	size_t i, n;

	if (*s == ',')
		s++;
	if (*s++ != ' ')
		return 0;
	for (i = 0; i < sizeof(noun_sizes) / sizeof(noun_sizes[0]); i++) {
		n = strlen(noun_sizes[i]);
		if (strncmp(s, noun_sizes[i], n) == 0 && (s[n] == '\0' ||
		    s[n] == ' ' || s[n] == ',' || s[n] == '(')) {
			*at = (size_t)(s - name);
			return n;
		}
	}
	return 0;
}

/* A size the USDA gives with "whole" and no noun ("large whole (3\"
 * dia)" of tomatoes, the food itself): the size's length, with *after
 * set past " whole"; 0 when name is not so. A cook reads "2 large". */
static size_t
size_whole(const char *name, const char **after)
{
	const char *s;
	size_t i, n;

	for (i = 0; i < sizeof(noun_sizes) / sizeof(noun_sizes[0]); i++) {
		n = strlen(noun_sizes[i]);
		if (strncmp(name, noun_sizes[i], n) != 0 ||
		    strncmp(name + n, " whole", 6) != 0)
			continue;
		s = name + n + 6;
		if (*s == '\0' || *s == ' ' || *s == ',') {
			*after = s;
			return n;
		}
	}
	return 0;
}

/* The plural of a listed noun that is name's second word, after a first
 * word of letters ("plum tomato", "small box (1.5 oz)"), with where that
 * word starts (*at) and its length; NULL when there is none. */
static const char *
second_word_plural(const char *name, size_t *at, size_t *len)
{
	const char *s, *plural;

	for (s = name; isalpha((unsigned char)*s); s++)
		continue;
	if (s == name || *s++ != ' ' || (plural = noun_plural(s, len)) == NULL)
		return NULL;
	*at = (size_t)(s - name);
	return plural;
}

/* The words after a measure's number: lead, a space when sep, the noun,
 * then rest's restlen bytes less the note at note (notelen bytes). */
struct measure_parts {
	const char	*lead, *noun, *rest;
	size_t		 lead_len, sep, noun_len, restlen, note, notelen;
};

/* The parts of measure_text's words for name (its first word's plural
 * and that word's length, whether it is a unit), for one or for many. */
static void
measure_words(const char *name, const char *plural, size_t len, int unit,
    int many, struct measure_parts *w)
{
	const char *rest = name, *ns;
	size_t size, size_at;

	w->lead = "";
	w->lead_len = w->noun_len = w->sep = 0;
	/* "<lead> <noun><rest>": a listed noun (not a cup or a spoon) with
	 * its size after it, size first; a listed noun in the plural, first
	 * or second ("plum tomatoes"); else the name as it is */
	if (unit && plural != NULL &&
	    (size = size_after_noun(name, len, &size_at)) > 0) {
		w->lead = name + size_at;
		w->lead_len = size;
		w->sep = 1;
		w->noun = many ? plural : name;
		w->noun_len = many ? strlen(plural) : len;
		rest = name + size_at + size;
	} else if (plural != NULL && (many ||
	    (!unit && spoon_abbreviation(plural)))) {
		w->noun = plural;
		w->noun_len = strlen(plural);
		rest = name + len;
	} else if (unit && (size = size_whole(name, &rest)) > 0) {
		w->lead = name;
		w->lead_len = size;
		w->noun = "";
	} else if (many && unit &&
	    (w->noun = second_word_plural(name, &w->lead_len, &len)) !=
	    NULL) {
		w->lead = name;
		w->noun_len = strlen(w->noun);
		rest = name + w->lead_len + len;
	} else {
		w->noun = "";
		w->lead_len = 0;
	}
	/* USDA's "not specified" note is not for the cook: "avocado, NS as
	 * to Florida or California" reads "avocado"; nor is a count the
	 * amount may not be: mustard's "tsp or 1 packet" reads "tsp". */
	w->rest = rest;
	ns = strstr(rest, ", NS as to");
	w->restlen = ns != NULL ? (size_t)(ns - rest) : strlen(rest);
	if ((ns = strstr(rest, " or 1 ")) != NULL &&
	    (size_t)(ns - rest) < w->restlen)
		w->restlen = (size_t)(ns - rest);
	size_note(rest, w->restlen, &w->note, &w->notelen);
}

/* Writes q twelfths and the measure name to out, e.g. "1 ½ cups,
 * chopped", "3 cloves", "¾ cup": the first word in the plural when q is
 * above one and the word has one listed, a size the USDA gives after a
 * counted noun before it ("1 ½ large potatoes" for "potato large", "1
 * small stalk, raw" for "stalk, small (5\" long), raw"), a size with
 * "whole" and no noun without the "whole" ("2 large"), without a
 * trailing ", NS as to ..." note, an alternative count (" or 1 packet")
 * or a size note in inches (size_note).
 * m, when not NULL, is the measure whose name this is (its plural and
 * kind found when prepared). Returns 0, or -1 when out is too small. */
static int
measure_text(char *out, size_t outlen, int q, const char *name,
    const struct cz_measure *m)
{
	const struct cz_measure_words *mw;
	struct measure_parts w;
	const char *glyph = NULL, *plural;
	char num[CZ_UINT_DIGITS_MAX];
	size_t i, len = 0, at = 0;
	int whole = q / 12, unit;

	for (i = 0; i < sizeof(fractions) / sizeof(fractions[0]); i++)
		if (fractions[i].q == q % 12)
			glyph = fractions[i].glyph;
	if (glyph == NULL)
		return -1;
	if (m != NULL && m->prepared && m->name == name && m->words_ready) {
		mw = &m->words[q > 12];
		w.lead = name + mw->lead_at;
		w.lead_len = mw->lead_len;
		w.sep = mw->sep;
		w.noun = mw->noun;
		w.noun_len = mw->noun_len;
		w.rest = name + mw->rest_at;
		w.restlen = mw->restlen;
		w.note = mw->note;
		w.notelen = mw->notelen;
	} else {
		if (m != NULL && m->prepared && m->name == name) {
			plural = m->plural;
			len = m->plural_of;
			unit = m->kind == MC_UNIT;
		} else {
			plural = first_word_plural(name, &len);
			unit = measure_class(name, NULL) == MC_UNIT;
		}
		measure_words(name, plural, len, unit, q > 12, &w);
	}
	/* "<whole> <glyph> <word><rest>", either number part left out when
	 * empty (put together by hand: snprintf was most of the cost of
	 * describing a plan's amounts). */
	if (whole > 0)
		if (cz_text_put(out, outlen, &at, num, cz_uint_digits(num,
		    (unsigned long long)whole)) == -1 ||
		    cz_text_put(out, outlen, &at, " ", 1) == -1)
			return -1;
	if (q < 12 || glyph[0] != '\0')
		if (cz_text_put(out, outlen, &at, glyph, strlen(glyph)) == -1 ||
		    cz_text_put(out, outlen, &at, " ", 1) == -1)
			return -1;
	if (cz_text_put(out, outlen, &at, w.lead, w.lead_len) == -1 ||
	    cz_text_put(out, outlen, &at, " ", w.sep) == -1 ||
	    cz_text_put(out, outlen, &at, w.noun, w.noun_len) == -1 ||
	    cz_text_put(out, outlen, &at, w.rest, w.note) == -1 ||
	    cz_text_put(out, outlen, &at, w.rest + w.note + w.notelen,
	    w.restlen - w.note - w.notelen) == -1)
		return -1;
	out[at] = '\0';
	return 0;
}

/* m's words for one and for many, kept when every offset and length
 * fits its field (a measure name is a few words). */
static void
measure_words_prepare(struct cz_measure *m)
{
	struct cz_measure_words *mw;
	struct measure_parts w;
	int many;

	m->words_ready = 0;
	if (m->name == NULL || strlen(m->name) > 4096)
		return;
	for (many = 0; many <= 1; many++) {
		measure_words(m->name, m->plural, m->plural_of,
		    m->kind == MC_UNIT, many, &w);
		mw = &m->words[many];
		mw->lead_at = (unsigned short)(w.lead_len > 0 ?
		    w.lead - m->name : 0);
		mw->lead_len = (unsigned short)w.lead_len;
		mw->sep = (unsigned short)w.sep;
		mw->noun = w.noun;
		mw->noun_len = (unsigned short)w.noun_len;
		mw->rest_at = (unsigned short)(w.rest - m->name);
		mw->restlen = (unsigned short)w.restlen;
		mw->note = (unsigned short)w.note;
		mw->notelen = (unsigned short)w.notelen;
	}
	m->words_ready = 1;
}

/* Writes grams for people: whole grams, tenths below 1 g. Returns 0, or -1
 * when out is too small. */
static int
grams_text(char *out, size_t outlen, double grams)
{
	char w[CZ_UINT_DIGITS_MAX + 1];
	size_t at = 0;
	int r;

	if (grams >= 0.95 && grams < 1e15) {
		/* whole grams, as "%.0f g" writes them, without printf */
		cz_whole_text(w, sizeof(w), grams);
		if (cz_text_put(out, outlen, &at, w, strlen(w)) == -1 ||
		    cz_text_put(out, outlen, &at, " g", 2) == -1)
			return -1;
		out[at] = '\0';
		return 0;
	}
	if (grams == 0)
		r = snprintf(out, outlen, "0 g");
	else if (grams < 0.95)
		r = snprintf(out, outlen, "%.1f g", fmax(grams, 0.1));
	else
		r = snprintf(out, outlen, "%.0f g", grams);
	return r < 0 || (size_t)r >= outlen ? -1 : 0;
}

/* Returns the index in m of the whole-unit measure that reads best for
 * grams, counted to a whole or half number within the tolerance, or -1;
 * sets *q to that count in twelfths. Best is the fewest units, a half
 * counting as one more ("2 medium" before "1 ½ large"), then the smaller
 * error: a cook reads "2 large" peppers, not "23 ring", though both are
 * as close. Halves only of a few units of HALF_MIN_GRAMS or more: half
 * an avocado, a pepper or a slice, never of a kernel, a dried fig or a
 * cherry, nor "14 ½ sprouts" (an egg is whole already: the solver steps
 * eggs by whole ones, docs/planner-rules.md); at most TINY_MAX_COUNT
 * dashes or pinches. */
static int
best_unit(const struct cz_measure *m, size_t n, double grams, int *q)
{
	double count, err, besterr = INFINITY, ug;
	size_t i;
	int best = -1, cq, score, bestscore = INT_MAX;

	for (i = 0; i < n; i++) {
		if ((ug = m_unit_grams(&m[i])) == 0 ||
		    m_class(&m[i]) != MC_UNIT)
			continue;
		count = grams / ug;
		if (count > (m_tiny(&m[i]) ? TINY_MAX_COUNT :
		    UNIT_MAX_COUNT))
			continue;
		cq = ug >= HALF_MIN_GRAMS && count < HALF_MAX_COUNT ?
		    (int)lround(count * 2) * 6 : (int)lround(count) * 12;
		if (cq == 0)
			continue;
		err = fabs(count - cq / 12.0) / (cq / 12.0);
		score = cq + (cq % 12 != 0 ? 12 : 0);
		if (err <= MEASURE_TOLERANCE && (score < bestscore ||
		    (score == bestscore && err < besterr))) {
			besterr = err;
			bestscore = score;
			best = (int)i;
			*q = cq;
		}
	}
	return best;
}

/* Returns the index of the first usable measure of class cls in m, or -1. */
static int
first_of_class(const struct cz_measure *m, size_t n, enum mclass cls)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (m_unit_grams(&m[i]) > 0 && m_class(&m[i]) == cls)
			return (int)i;
	return -1;
}

/* Whether name is a plain cup ("cup", "cup (8 fl oz)"), of which a
 * spoon is a spoon of the same food; not "cup, chopped". */
static int
plain_cup(const char *name)
{
	return strcmp(name, "cup") == 0 || strncmp(name, "cup (", 5) == 0;
}

/* Whether grams is a shown count of volume v at ug grams a unit, at most
 * max_count of them; sets *q to that count in twelfths. */
static int
volume_fits(size_t v, double grams, double ug, double max_count, int *q)
{
	double count = grams / ug;
	int cq;

	if (count > max_count)
		return 0;
	cq = nearest_q(count);
	if (cq < volumes[v].min_q || (fabs(count - cq / 12.0) >
	    MEASURE_TOLERANCE * (cq / 12.0) &&
	    fabs(count - cq / 12.0) * ug > MEASURE_SLACK_G))
		return 0;
	*q = cq;
	return 1;
}

/* Returns the index in m of the first cup, else tbsp, else tsp measure
 * whose count for grams rounds to a shown fraction within the tolerance,
 * or -1; sets *q to that count in twelfths and *name to the words. A food
 * with a plain cup but no spoon of its own (lemon juice, milk) gets its
 * spoons from the cup: 16 tablespoons or 48 teaspoons to it (US measures,
 * as SR24's are), up to 3 tbsp or 2 tsp, the amounts too small for a
 * fraction of the cup or a tablespoon; the index is then the cup's. */
static int
best_volume(const struct cz_measure *m, size_t n, double grams, int *q,
    const char **name)
{
	double ug;
	size_t v, i;
	int own, cup;

	for (v = 0; v < sizeof(volumes) / sizeof(volumes[0]); v++) {
		own = 0;
		for (i = 0; i < n; i++) {
			if ((ug = m_unit_grams(&m[i])) == 0 ||
			    m_class(&m[i]) != volumes[v].cls)
				continue;
			own = 1;
			if (volume_fits(v, grams, ug, volumes[v].max_count,
			    q)) {
				*name = m[i].name;
				return (int)i;
			}
		}
		if (own || volumes[v].per_cup == 0 ||
		    (cup = first_of_class(m, n, MC_CUP)) < 0 ||
		    !plain_cup(m[cup].name))
			continue;
		if (volume_fits(v, grams, m_unit_grams(&m[cup]) /
		    volumes[v].per_cup, volumes[v].cup_max, q)) {
			*name = volumes[v].word;
			return cup;
		}
	}
	return -1;
}

/* Returns the display group of a USDA food group code, Other if unknown. */
static size_t
shop_group(const char *code)
{
	size_t i;

	if (code == NULL)
		return SHOP_OTHER;
	for (i = 0; i < sizeof(group_codes) / sizeof(group_codes[0]); i++)
		if (strcmp(code, group_codes[i].code) == 0)
			return group_codes[i].group;
	return SHOP_OTHER;
}

/* Sets the quantity to buy of it, a total of grams of a food with the n
 * measures m. Returns 0, or -1 when out of memory. */
static int
shop_quantity(cz_arena *a, struct cz_shop_item *it, const struct cz_measure *m,
    size_t n)
{
	char text[QTY_MAX];
	double steps, ug = 0, step;
	size_t v;
	int chosen, i, last = -1, q = 0, step_q = 12;

	/* The first whole-unit measure, in whole units; else the largest
	 * volume of which the total makes one step, or failing that the
	 * smallest volume there is, in its steps. */
	if ((chosen = first_of_class(m, n, MC_UNIT)) < 0) {
		for (v = 0; v < sizeof(volumes) / sizeof(volumes[0]); v++) {
			if ((i = first_of_class(m, n, volumes[v].cls)) < 0)
				continue;
			last = i;
			step_q = volumes[v].buy_q;
			if (it->grams >= m_unit_grams(&m[last]) * step_q /
			    12.0 * (1 - CEIL_SLACK))
				break;
		}
		chosen = last;
	}
	if (chosen >= 0) {
		ug = m_unit_grams(&m[chosen]);
		steps = ceil(it->grams / ug * 12 / step_q - CEIL_SLACK);
		if (steps < 1)
			steps = 1;
		if (steps > BUY_MAX_COUNT)
			chosen = -1;
		else
			q = (int)steps * step_q;
	}

	if (chosen >= 0 && measure_text(text, sizeof(text), q,
	    m[chosen].name, &m[chosen]) == 0) {
		it->measure = chosen;
		it->buy_grams = fmax(it->grams, q / 12.0 * ug);
	} else {
		it->measure = CZ_MEASURE_GRAMS;
		step = it->grams <= 100 ? 10 : 50;
		it->buy_grams = fmax(step,
		    ceil(it->grams / step - CEIL_SLACK) * step);
		it->buy_grams = fmax(it->grams, it->buy_grams);
		if (grams_text(text, sizeof(text), it->buy_grams) == -1)
			return -1;
	}
	it->quantity = cz_arena_strdup(a, text);
	return it->quantity == NULL ? -1 : 0;
}

static int
shop_item_cmp(const void *pa, const void *pb)
{
	const struct cz_shop_item *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	return strcmp(a->ndb, b->ndb);
}

const struct cz_nutrient_info *
cz_nutrient_info(int n)
{
	if (n < 0 || n >= CZ_NUTRIENTS)
		return NULL;
	return &nutrients[n];
}

int
cz_nutrient_by_key(const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < CZ_NUTRIENTS; i++)
		if (strcmp(s, nutrients[i].key) == 0)
			return i;
	return -1;
}

int
cz_nutrient_by_sr_name(const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	/* The first byte first: the catalog asks this of each of some
	 * 12,000 USDA rows, and a CGI request loads the catalog each time
	 * (the names' strcmp was a fifth of that load, callgrind). */
	for (i = 0; i < CZ_NUTRIENTS; i++)
		if (s[0] == nutrients[i].sr_name[0] &&
		    strcmp(s, nutrients[i].sr_name) == 0)
			return i;
	return -1;
}

void
cz_nutrients_zero(struct cz_nutrients *n)
{
	size_t i;

	for (i = 0; i < CZ_NUTRIENTS; i++)
		n->v[i] = 0;
}

void
cz_nutrients_scale(const struct cz_nutrients *per100g, double grams,
    struct cz_nutrients *out)
{
	size_t i;

	for (i = 0; i < CZ_NUTRIENTS; i++)
		out->v[i] = per100g->v[i] * grams / 100;
}

void
cz_nutrients_add(struct cz_nutrients *acc, const struct cz_nutrients *x)
{
	size_t i;

	for (i = 0; i < CZ_NUTRIENTS; i++) {
		if (isnan(acc->v[i]))
			acc->v[i] = 0;
		if (!isnan(x->v[i]))
			acc->v[i] += x->v[i];
	}
}

int
cz_nutrients_divide(struct cz_nutrients *n, double days)
{
	size_t i;

	if (!isfinite(days) || days <= 0)
		return -1;
	for (i = 0; i < CZ_NUTRIENTS; i++)
		n->v[i] /= days;
	return 0;
}

double
cz_net_carbs(double carbs_g, double fiber_g)
{
	if (!isfinite(carbs_g) || carbs_g <= 0)
		return 0;
	if (!(fiber_g > 0))
		fiber_g = 0;
	return carbs_g > fiber_g ? carbs_g - fiber_g : 0;
}

void
cz_macro_shares(const struct cz_nutrients *n, double *protein_pct,
    double *fat_pct, double *carb_pct)
{
	static const struct {
		enum cz_nutrient	nutrient;
		double			kcal_per_g;
	} atwater[] = {
		{ CZ_N_PROTEIN, 4 }, { CZ_N_FAT, 9 }, { CZ_N_CARBS, 4 },
	};
	double kcal[3], sum = 0, *out[3];
	size_t i;

	out[0] = protein_pct;
	out[1] = fat_pct;
	out[2] = carb_pct;
	for (i = 0; i < 3; i++) {
		kcal[i] = n->v[atwater[i].nutrient];
		kcal[i] = isfinite(kcal[i]) && kcal[i] > 0 ?
		    kcal[i] * atwater[i].kcal_per_g : 0;
		sum += kcal[i];
	}
	for (i = 0; i < 3; i++)
		if (out[i] != NULL)
			*out[i] = sum > 0 && isfinite(sum) ?
			    100 * kcal[i] / sum : 0;
}

int
cz_measure_describe(const struct cz_measure *m, size_t n, double grams,
    char *out, size_t outlen)
{
	const char *name = NULL, *vname = NULL;
	int i = -1, q = 0, v, vq = 0, many_leaves, part_cut;

	if (out == NULL || outlen == 0)
		return CZ_MEASURE_ERROR;
	out[0] = '\0';
	if (!isfinite(grams) || grams < 0 || (m == NULL && n > 0))
		return CZ_MEASURE_ERROR;
	/* Past a dozen, leaves and sprigs are not what a cook counts out
	 * ("20 leaves" of spinach, "20 sprigs" of parsley): cups that fit
	 * read better, else the count stands. Nor is part of a slice, a
	 * strip or a ring: a cup or a spoon that fits reads better ("2 tbsp
	 * chopped" onion, not "½ large slice"). */
	if (grams > 0 && (i = best_unit(m, n, grams, &q)) >= 0) {
		name = m[i].name;
		many_leaves = q > LEAF_MAX_COUNT * 12 && leaf_unit(name);
		part_cut = q < 12 && cut_unit(name);
		if ((many_leaves || part_cut) &&
		    (v = best_volume(m, n, grams, &vq, &vname)) >= 0 &&
		    (part_cut || m_class(&m[v]) == MC_CUP)) {
			i = v;
			q = vq;
			name = vname;
		}
	} else if (grams > 0)
		i = best_volume(m, n, grams, &q, &name);
	if (i >= 0) {
		if (measure_text(out, outlen, q, name, &m[i]) == 0)
			return i;
	} else if (grams_text(out, outlen, grams) == 0)
		return CZ_MEASURE_GRAMS;
	out[0] = '\0';
	return CZ_MEASURE_ERROR;
}

/* Whether word appears in s as a whole word (case as given). */
static int
has_word(const char *s, const char *word)
{
	size_t len = strlen(word);
	const char *p;

	for (p = s; (p = strstr(p, word)) != NULL; p += len)
		if ((p == s || !isalpha((unsigned char)p[-1])) &&
		    !isalpha((unsigned char)p[len]))
			return 1;
	return 0;
}

int
cz_measure_fits_label(const char *name, const char *label, const char *group)
{
	static const char *const never[] = { "whipped", "melted" };
	static const char *const stated[] = { "ground", "pureed", "mashed" };
	size_t i;
	int spice;

	if (name == NULL || label == NULL)
		return 1;
	for (i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		if (has_word(name, never[i]))
			return 0;
	spice = group != NULL && strcmp(group, "02") == 0;
	for (i = 0; i < sizeof(stated) / sizeof(stated[0]); i++)
		if (has_word(name, stated[i]) && !has_word(label, stated[i]) &&
		    !(spice && i == 0))
			return 0;
	return !(has_word(label, "ground") && has_word(name, "whole"));
}

/* An NDB number of five digits as a number, -1 for any other string (it
 * is then compared as a string): equal numbers, equal strings. */
static long
ndb_number(const char *s)
{
	long v = 0;
	int i;

	for (i = 0; i < 5; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return s[5] == '\0' ? v : -1;
}

int
cz_shopping_list(cz_arena *a, const struct cz_shop_input *in, size_t n,
    struct cz_shop_group **groups, size_t *ngroups)
{
	struct agg {
		const struct cz_shop_input	*first;
		long				 key;	/* ndb_number */
		double				 grams;
		size_t				 group;
	} *agg;
	long *key;
	size_t count[SHOP_NGROUPS] = { 0 }, nagg = 0, i, j, g, k, h, slots;
	size_t *slot;
	struct cz_shop_group *out;
	struct cz_shop_item *it;

	*groups = NULL;
	*ngroups = 0;
	for (i = 0; i < n; i++)
		if (in[i].ndb == NULL || !isfinite(in[i].grams) ||
		    in[i].grams < 0 ||
		    (in[i].measures == NULL && in[i].nmeasures > 0))
			return -1;
	if (n == 0)
		return 0;

	/* Sum by food, found by its NDB number read as a number in a table
	 * of twice as many slots as uses or more (open addressing): a week's
	 * 140 uses searched its 50 foods one by one, and as strings before
	 * that. A number that is not five digits (never in the catalog) is
	 * looked for one by one, by its string. */
	for (slots = 16; slots < 2 * n; slots *= 2)
		continue;
	if ((agg = cz_arena_calloc(a, n, sizeof(*agg))) == NULL ||
	    (key = cz_arena_calloc(a, n, sizeof(*key))) == NULL ||
	    (slot = cz_arena_calloc(a, slots, sizeof(*slot))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		key[i] = ndb_number(in[i].ndb);
		if (key[i] >= 0) {
			for (h = (size_t)key[i] & (slots - 1);
			    slot[h] != 0 && agg[slot[h] - 1].key != key[i];
			    h = (h + 1) & (slots - 1))
				continue;
			j = slot[h] != 0 ? slot[h] - 1 : nagg;
			if (j == nagg)
				slot[h] = nagg + 1;
		} else
			for (j = 0; j < nagg; j++)
				if (agg[j].key < 0 &&
				    strcmp(agg[j].first->ndb, in[i].ndb) == 0)
					break;
		if (j == nagg) {
			agg[nagg].first = &in[i];
			agg[nagg].key = key[i];
			agg[nagg].group = shop_group(in[i].group);
			nagg++;
		}
		agg[j].grams += in[i].grams;
		if (!isfinite(agg[j].grams))
			return -1;
	}
	for (j = 0; j < nagg; j++)
		if (agg[j].grams > 0)
			count[agg[j].group]++;
	for (g = 0; g < SHOP_NGROUPS; g++)
		if (count[g] > 0)
			(*ngroups)++;
	if (*ngroups == 0)
		return 0;

	if ((out = cz_arena_calloc(a, *ngroups, sizeof(*out))) == NULL)
		goto err;
	for (g = 0, k = 0; g < SHOP_NGROUPS; g++) {
		if (count[g] == 0)
			continue;
		out[k].name = shop_groups[g];
		out[k].items = cz_arena_calloc(a, count[g], sizeof(*it));
		if (out[k].items == NULL)
			goto err;
		for (j = 0; j < nagg; j++) {
			if (agg[j].group != g || agg[j].grams <= 0)
				continue;
			it = &out[k].items[out[k].nitems++];
			it->ndb = cz_arena_strdup(a, agg[j].first->ndb);
			it->name = cz_arena_strdup(a,
			    agg[j].first->name != NULL ?
			    agg[j].first->name : agg[j].first->ndb);
			it->grams = agg[j].grams;
			it->measure = CZ_MEASURE_GRAMS;
			if (it->ndb == NULL || it->name == NULL ||
			    shop_quantity(a, it, agg[j].first->measures,
			    agg[j].first->nmeasures) == -1)
				goto err;
		}
		qsort(out[k].items, out[k].nitems, sizeof(*it),
		    shop_item_cmp);
		k++;
	}
	*groups = out;
	return 0;
err:
	*ngroups = 0;
	return -1;
}
