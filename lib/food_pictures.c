/*
 * food_pictures.c - the picture set, the food -> picture table and the
 * choice of a dish's pictures (see food_pictures.h). Data tables only,
 * plus one small ranking function: changing what a food shows is an
 * edit of one row here (and `make food-pictures` for the web's PNGs).
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "catalog.h"
#include "food_pictures.h"

/* The set: every picture a food, a dish or a slot may show. Single code
 * points only (no ZWJ sequences), so a picture is one glyph of the font. */
static const struct cz_picture set[] = {
	/* fruit */
	{ "apple", 0x1F34E, "apple" },
	{ "green_apple", 0x1F34F, "green apple" },
	{ "pear", 0x1F350, "pear" },
	{ "orange", 0x1F34A, "orange" },
	{ "lemon", 0x1F34B, "lemon" },
	{ "banana", 0x1F34C, "banana" },
	{ "grapes", 0x1F347, "grapes" },
	{ "strawberry", 0x1F353, "strawberry" },
	{ "blueberries", 0x1FAD0, "blueberries" },
	{ "melon", 0x1F348, "melon" },
	{ "cherries", 0x1F352, "cherries" },
	{ "peach", 0x1F351, "peach" },
	{ "mango", 0x1F96D, "mango" },
	{ "pineapple", 0x1F34D, "pineapple" },
	{ "coconut", 0x1F965, "coconut" },
	{ "kiwi", 0x1F95D, "kiwi" },
	/* vegetables */
	{ "tomato", 0x1F345, "tomato" },
	{ "eggplant", 0x1F346, "eggplant" },
	{ "avocado", 0x1F951, "avocado" },
	{ "olive", 0x1FAD2, "olives" },
	{ "broccoli", 0x1F966, "broccoli" },
	{ "leafy_green", 0x1F96C, "leafy greens" },
	{ "cucumber", 0x1F952, "cucumber" },
	{ "hot_pepper", 0x1F336, "chili pepper" },
	{ "bell_pepper", 0x1FAD1, "bell pepper" },
	{ "corn", 0x1F33D, "corn" },
	{ "carrot", 0x1F955, "carrot" },
	{ "garlic", 0x1F9C4, "garlic" },
	{ "onion", 0x1F9C5, "onion" },
	{ "potato", 0x1F954, "potato" },
	{ "sweet_potato", 0x1F360, "roasted sweet potato" },
	{ "mushroom", 0x1F344, "mushroom" },
	{ "pea_pod", 0x1FADB, "pea pod" },
	{ "ginger", 0x1FADA, "ginger" },
	{ "herb", 0x1F33F, "herbs" },
	/* legumes, nuts, seeds, grains */
	{ "beans", 0x1FAD8, "beans" },
	{ "peanuts", 0x1F95C, "peanuts" },
	{ "nuts", 0x1F330, "nuts" },
	{ "seeds", 0x1F33B, "sunflower" },
	{ "grain", 0x1F33E, "grain" },
	{ "rice", 0x1F35A, "cooked rice" },
	{ "bread", 0x1F35E, "bread" },
	{ "flatbread", 0x1FAD3, "flatbread" },
	{ "rice_cracker", 0x1F358, "rice cracker" },
	{ "popcorn", 0x1F37F, "popcorn" },
	{ "spaghetti", 0x1F35D, "spaghetti" },
	{ "noodles", 0x1F35C, "bowl of noodles" },
	/* animal foods */
	{ "egg", 0x1F95A, "egg" },
	{ "poultry", 0x1F357, "poultry leg" },
	{ "steak", 0x1F969, "cut of meat" },
	{ "meat", 0x1F356, "meat on the bone" },
	{ "fish", 0x1F41F, "fish" },
	{ "sushi", 0x1F363, "sushi" },
	{ "crab", 0x1F980, "crab" },
	{ "lobster", 0x1F99E, "lobster" },
	{ "shellfish", 0x1F9AA, "oyster" },
	{ "cheese", 0x1F9C0, "cheese" },
	{ "milk", 0x1F95B, "glass of milk" },
	{ "butter", 0x1F9C8, "butter" },
	/* pantry */
	{ "oil", 0x1FAD7, "pouring oil" },
	{ "honey", 0x1F36F, "honey pot" },
	{ "maple", 0x1F341, "maple leaf" },
	{ "chocolate", 0x1F36B, "chocolate" },
	{ "spice", 0x1F9C2, "spice shaker" },
	{ "jar", 0x1FAD9, "jar" },
	{ "canned", 0x1F96B, "canned food" },
	/* dishes */
	{ "cooking", 0x1F373, "eggs in a pan" },
	{ "pancakes", 0x1F95E, "pancakes" },
	{ "salad", 0x1F957, "green salad" },
	{ "taco", 0x1F32E, "taco" },
	{ "burrito", 0x1F32F, "burrito" },
	{ "curry", 0x1F35B, "curry and rice" },
	{ "stew", 0x1F372, "pot of food" },
	{ "sandwich", 0x1F96A, "sandwich" },
	{ "pita", 0x1F959, "stuffed flatbread" },
	{ "pan", 0x1F958, "shallow pan of food" },
	{ "bowl", 0x1F963, "bowl with spoon" },
	{ "smoothie", 0x1F964, "cup with straw" },
	{ "falafel", 0x1F9C6, "falafel" },
	{ "plate", 0x1F37D, "plate with knife and fork" },
};

/* Every catalog ingredient (sql/004_catalog_data.sql), in its order. */
static const struct cz_food_picture foods[] = {
	/* protein */
	{ "05064", "poultry", 0 }, { "05098", "poultry", 0 },
	{ "05333", "poultry", 0 }, { "05220", "poultry", 0 },
	{ "05663", "poultry", 0 }, { "05028", "poultry", 0 },
	{ "13290", "steak", 0 }, { "13070", "steak", 0 },
	{ "23565", "steak", 0 }, { "13419", "steak", 0 },
	{ "10061", "meat", 0 }, { "10042", "meat", 0 },
	{ "17014", "meat", 0 },
	{ "15209", "fish", 0 }, { "15241", "fish", 0 }, { "15016", "fish", 0 },
	{ "15262", "fish", 0 }, { "15037", "fish", 0 }, { "15092", "fish", 0 },
	{ "15047", "fish", 0 }, { "15088", "fish", 0 }, { "15184", "fish", 0 },
	{ "15221", "fish", 0 }, { "15127", "sushi", 0 }, { "15111", "fish", 0 },
	{ "15200", "fish", 0 },
	{ "15140", "crab", 0 }, { "15165", "shellfish", 0 },
	{ "90240", "shellfish", 0 }, { "15148", "lobster", 0 },
	{ "01129", "egg", 0 }, { "16426", "beans", 0 }, { "16114", "beans", 0 },
	/* grains and starchy foods */
	{ "08120", "grain", 0 }, { "20037", "rice", 0 }, { "20045", "rice", 0 },
	{ "20089", "rice", 0 }, { "20137", "grain", 0 }, { "20013", "grain", 0 },
	{ "20029", "grain", 0 }, { "20006", "grain", 0 }, { "20141", "grain", 0 },
	{ "20032", "grain", 0 }, { "20010", "grain", 0 },
	{ "20125", "spaghetti", 0 }, { "20121", "spaghetti", 0 },
	{ "20092", "spaghetti", 0 }, { "20115", "noodles", 0 },
	{ "20134", "noodles", 0 },
	{ "18075", "bread", 0 }, { "18060", "bread", 0 },
	{ "18042", "flatbread", 0 }, { "18449", "flatbread", 0 },
	{ "19816", "rice_cracker", 0 }, { "19806", "popcorn", 0 },
	{ "11356", "potato", 0 }, { "11508", "sweet_potato", 0 },
	/* legumes */
	{ "16070", "beans", 0 }, { "16057", "beans", 0 }, { "16015", "beans", 0 },
	{ "16033", "beans", 0 }, { "16050", "beans", 0 }, { "16043", "beans", 0 },
	{ "16086", "pea_pod", 0 }, { "11212", "pea_pod", 0 },
	{ "16077", "beans", 0 }, { "16137", "falafel", 0 },
	/* nuts and seeds */
	{ "12061", "nuts", 0 }, { "12155", "nuts", 0 }, { "12142", "nuts", 0 },
	{ "12120", "nuts", 0 }, { "12131", "nuts", 0 }, { "12078", "nuts", 0 },
	{ "12147", "nuts", 0 }, { "12087", "nuts", 0 }, { "12151", "nuts", 0 },
	{ "12195", "nuts", 0 }, { "16390", "peanuts", 0 },
	{ "16398", "peanuts", 0 },
	{ "12006", "seeds", 0 }, { "12220", "seeds", 1 }, { "12016", "seeds", 0 },
	{ "12037", "seeds", 0 }, { "12023", "seeds", 1 }, { "12166", "jar", 1 },
	{ "12108", "coconut", 0 },
	/* dairy and milks; a milk poured over oats is not the dish */
	{ "01082", "milk", 1 }, { "01116", "milk", 0 }, { "01117", "milk", 0 },
	{ "01012", "cheese", 0 }, { "01036", "cheese", 0 },
	{ "01028", "cheese", 0 }, { "01009", "cheese", 0 },
	{ "01040", "cheese", 0 }, { "01159", "cheese", 0 },
	{ "01017", "cheese", 0 }, { "01053", "milk", 1 }, { "01056", "milk", 1 },
	{ "16222", "milk", 1 },
	/* fats */
	{ "04053", "olive", 1 }, { "04581", "oil", 1 }, { "04047", "coconut", 1 },
	{ "04582", "oil", 1 }, { "04058", "oil", 1 }, { "01145", "butter", 1 },
	{ "09037", "avocado", 0 }, { "09193", "olive", 0 },
	{ "12118", "coconut", 1 },
	/* vegetables */
	{ "11091", "broccoli", 0 }, { "11457", "leafy_green", 0 },
	{ "11458", "leafy_green", 0 }, { "11233", "leafy_green", 0 },
	{ "11251", "leafy_green", 0 }, { "11959", "leafy_green", 0 },
	{ "11253", "leafy_green", 0 }, { "11529", "tomato", 0 },
	{ "11885", "tomato", 0 }, { "11205", "cucumber", 0 },
	{ "11821", "bell_pepper", 0 }, { "11333", "bell_pepper", 0 },
	{ "11282", "onion", 0 }, { "11291", "onion", 0 },
	{ "11124", "carrot", 0 }, { "11125", "carrot", 0 },
	{ "11477", "cucumber", 0 }, { "11135", "broccoli", 0 },
	{ "11136", "broccoli", 0 }, { "11012", "herb", 0 },
	{ "11099", "leafy_green", 0 }, { "11053", "pea_pod", 0 },
	{ "11260", "mushroom", 0 }, { "11210", "eggplant", 0 },
	{ "11109", "leafy_green", 0 }, { "11112", "leafy_green", 0 },
	{ "11143", "leafy_green", 0 }, { "11117", "leafy_green", 0 },
	{ "11162", "leafy_green", 0 }, { "11148", "leafy_green", 0 },
	{ "11957", "herb", 0 }, { "11429", "carrot", 0 },
	{ "11493", "sweet_potato", 0 }, { "11300", "pea_pod", 0 },
	{ "11313", "pea_pod", 0 }, { "11179", "corn", 0 },
	{ "11486", "sweet_potato", 0 }, { "11081", "carrot", 0 },
	/* fruit */
	{ "09040", "banana", 0 }, { "09003", "apple", 0 }, { "09200", "orange", 0 },
	{ "09252", "pear", 0 }, { "09148", "kiwi", 0 }, { "09236", "peach", 0 },
	{ "09050", "blueberries", 0 }, { "09316", "strawberry", 0 },
	{ "09302", "strawberry", 0 }, { "09042", "blueberries", 0 },
	{ "09176", "mango", 0 }, { "09266", "pineapple", 0 },
	{ "09132", "grapes", 0 }, { "09070", "cherries", 0 },
	{ "09286", "cherries", 0 }, { "09181", "melon", 0 },
	{ "09421", "nuts", 0 }, { "09298", "grapes", 0 },
	{ "09032", "peach", 0 }, { "09094", "grapes", 0 },
	/* condiments, herbs and spices */
	{ "09152", "lemon", 1 }, { "09160", "lemon", 1 }, { "11215", "garlic", 1 },
	{ "11216", "ginger", 1 }, { "02044", "herb", 1 }, { "11297", "herb", 1 },
	{ "11165", "herb", 1 }, { "02045", "herb", 1 }, { "02065", "herb", 1 },
	{ "02010", "spice", 1 }, { "02014", "spice", 1 },
	{ "02028", "hot_pepper", 1 }, { "02043", "spice", 1 },
	{ "02015", "spice", 1 }, { "02027", "herb", 1 }, { "02030", "spice", 1 },
	{ "02009", "hot_pepper", 1 }, { "11546", "canned", 1 },
	{ "02069", "jar", 1 }, { "02068", "jar", 1 }, { "02048", "jar", 1 },
	{ "02046", "jar", 1 }, { "16424", "jar", 1 }, { "16124", "jar", 1 },
	{ "06164", "tomato", 1 }, { "19296", "honey", 1 },
	{ "19353", "maple", 1 }, { "19165", "chocolate", 1 },
	{ "01032", "cheese", 1 },
};

/* Dish types named in dish names, first match wins; a NULL key stops the
 * search (the words name an ingredient, not a dish: "spaghetti squash"). */
static const struct {
	const char	*word;
	const char	*key;
} dish_words[] = {
	{ "spaghetti squash", NULL },
	{ "smoothie", "smoothie" },
	{ "pancake", "pancakes" },
	{ "omelet", "cooking" }, { "frittata", "cooking" },
	{ "scramble", "cooking" }, { "shakshuka", "cooking" },
	{ "taco", "taco" }, { "fajita", "taco" },
	{ "burrito", "burrito" }, { "wrap", "burrito" },
	{ "curry", "curry" }, { "dal ", "curry" },
	{ "soup", "stew" }, { "chili", "stew" }, { "stew", "stew" },
	{ "broth", "stew" }, { "minestrone", "stew" },
	{ "stir-fry", "pan" }, { "fried rice", "pan" }, { "skillet", "pan" },
	{ "hash", "pan" }, { "risotto", "pan" }, { "ratatouille", "pan" },
	{ "salad", "salad" }, { "tabbouleh", "salad" },
	{ "sandwich", "sandwich" },
	{ "pita", "pita" },
	{ "spaghetti", "spaghetti" }, { "pasta", "spaghetti" },
	{ "bolognese", "spaghetti" },
	{ "noodle", "noodles" },
	{ "poke", "sushi" },
	{ "porridge", "bowl" }, { "oatmeal", "bowl" }, { "oats", "bowl" },
	{ "pudding", "bowl" }, { "parfait", "bowl" },
	{ "popcorn", "popcorn" },
};

/* Fallbacks by enum cz_slot. */
static const char *const slot_keys[CZ_SLOT__MAX] = {
	[CZ_SLOT_BREAKFAST] = "bowl",
	[CZ_SLOT_LUNCH] = "salad",
	[CZ_SLOT_DINNER] = "plate",
	[CZ_SLOT_SNACK] = "apple",
};

const struct cz_picture *
cz_picture_set(size_t *n)
{
	*n = sizeof(set) / sizeof(set[0]);
	return set;
}

const struct cz_picture *
cz_picture_by_key(const char *key)
{
	size_t i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (strcmp(set[i].key, key) == 0)
			return &set[i];
	return NULL;
}

const struct cz_food_picture *
cz_food_picture_table(size_t *n)
{
	*n = sizeof(foods) / sizeof(foods[0]);
	return foods;
}

/* The row of food ndb, or NULL. */
static const struct cz_food_picture *
food_row(const char *ndb)
{
	size_t i;

	/* Every row's number has 5 digits; most differ from ndb's in the
	 * last one, compared before the whole string. */
	if (ndb == NULL || strlen(ndb) != 5)
		return NULL;
	for (i = 0; i < sizeof(foods) / sizeof(foods[0]); i++)
		if (foods[i].ndb[4] == ndb[4] && strcmp(foods[i].ndb, ndb) == 0)
			return &foods[i];
	return NULL;
}

const char *
cz_food_picture(const char *ndb)
{
	const struct cz_food_picture *f = food_row(ndb);

	return f != NULL ? f->key : NULL;
}

const char *
cz_slot_picture(int slot)
{
	if (slot < 0 || slot >= CZ_SLOT__MAX)
		return "plate";
	return slot_keys[slot];
}

/* Whether s (NUL-terminated) contains word, ignoring ASCII case. */
static int
contains_word(const char *s, const char *word)
{
	size_t i, k, n = strlen(word);

	for (i = 0; s[i] != '\0'; i++) {
		for (k = 0; k < n && s[i + k] != '\0' &&
		    tolower((unsigned char)s[i + k]) == word[k]; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/* The dish-type key that name names, or NULL. The name is lowered once
 * and searched with strstr: comparing it with every word at every
 * position through tolower() was 5 % of a plan page's responder CPU. */
static const char *
dish_type(const char *name)
{
	char low[256];
	size_t i, n;

	if (name == NULL)
		return NULL;
	if ((n = strlen(name)) < sizeof(low)) {
		for (i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)name[i]);
		low[n] = '\0';
		for (i = 0; i < sizeof(dish_words) / sizeof(dish_words[0]);
		    i++)
			if (strstr(low, dish_words[i].word) != NULL)
				return dish_words[i].key;
		return NULL;
	}
	for (i = 0; i < sizeof(dish_words) / sizeof(dish_words[0]); i++)
		if (contains_word(name, dish_words[i].word))
			return dish_words[i].key;
	return NULL;
}

/* Appends key to out[0..*k) unless present or out is full. */
static void
add_key(const char **out, size_t *k, size_t max, const char *key)
{
	size_t i;

	if (key == NULL || *k >= max)
		return;
	for (i = 0; i < *k; i++)
		if (strcmp(out[i], key) == 0)
			return;
	out[(*k)++] = key;
}

/* How much an item stands for its dish: its grams, three times for the
 * protein foods a dish is named after ("salmon with rice": the fish, not
 * the larger portion of rice, often twice the salmon's weight). */
static double
weight(const struct cz_dish_item *it, const struct cz_food_picture *f)
{
	static const char *const protein[] = { "poultry", "steak", "meat",
	    "fish", "sushi", "crab", "lobster", "shellfish", "egg" };
	const char *key = f != NULL ? f->key : NULL;
	size_t i;

	for (i = 0; key != NULL && i < sizeof(protein) / sizeof(protein[0]);
	    i++)
		if (strcmp(key, protein[i]) == 0)
			return 3 * it->grams;
	return it->grams;
}

size_t
cz_dish_pictures(const char *name, int slot,
    const struct cz_dish_item *items, size_t n, const char **out,
    size_t max)
{
	const struct cz_food_picture *row[64];
	double wt[64];
	size_t k = 0, i, best;
	unsigned char used[64] = { 0 };
	int pass;

	if (max > CZ_DISH_PICTURES_MAX)
		max = CZ_DISH_PICTURES_MAX;
	if (max == 0)
		return 0;
	if (n > sizeof(used))
		n = sizeof(used);
	add_key(out, &k, max, dish_type(name));
	/* Each item's row and weight once (a plan page asks for ~35 dishes;
	 * looking them up at every comparison was a tenth of its CPU). */
	for (i = 0; i < n; i++) {
		row[i] = food_row(items[i].ndb);
		wt[i] = weight(&items[i], row[i]);
	}
	/* Major ingredients by weight(); minor ones only when nothing else
	 * is known. Repeated selection of the heaviest unused item (a dish
	 * has a few dozen items at most). */
	for (pass = 0; pass < 2 && k < max && (pass == 0 || k == 0); pass++) {
		for (;;) {
			best = n;
			for (i = 0; i < n; i++) {
				if (used[i] || row[i] == NULL ||
				    row[i]->minor != pass)
					continue;
				if (best == n || wt[i] > wt[best])
					best = i;
			}
			if (best == n || k >= max)
				break;
			used[best] = 1;
			add_key(out, &k, max, row[best]->key);
		}
	}
	if (k == 0)
		add_key(out, &k, max, cz_slot_picture(slot));
	return k;
}
