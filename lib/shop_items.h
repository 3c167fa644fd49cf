/*
 * shop_items.h - what a shop sells for each catalog food.
 *
 * Plans weigh food as eaten: cooked rice, boiled lentils, roasted chicken,
 * lemon juice. A shopping list has to name what one buys instead: dry
 * rice, dried lentils or tins of beans, raw chicken, whole lemons. Two
 * tables say how (lib/shop_items.c, sources in docs/planner-rules.md):
 *
 *   - shop items: a plain name ("brown rice"), the aisle, and how a shop
 *     sells it: loose pieces (apples; eggs in boxes of 12), packs of a
 *     fixed size (a 1 kg bag, a 400 g can, a bunch, a loaf), or loose by
 *     weight (meat and fish at the counter);
 *   - catalog foods: each NDB number of the planning catalog names its shop
 *     item and the grams of that item bought per gram eaten (the inverse of
 *     USDA's cooking yield: 0.30 g of dry brown rice makes 1 g cooked).
 *
 * Several foods may share a shop item (raw and steamed carrots), which is
 * how the list gets one line per food however it is cooked. Everything
 * here is constant data; nothing allocates.
 */
#ifndef CZ_SHOP_ITEMS_H
#define CZ_SHOP_ITEMS_H

#include <stddef.h>

/* Aisles, in the order a list shows them (a usual walk through a shop). */
enum cz_aisle {
	CZ_AISLE_PRODUCE,
	CZ_AISLE_MEAT_FISH,
	CZ_AISLE_DAIRY_EGGS,
	CZ_AISLE_CHILLED,
	CZ_AISLE_GRAINS_BAKERY,
	CZ_AISLE_CANS_JARS,
	CZ_AISLE_NUTS_DRIED_FRUIT,
	CZ_AISLE_OILS_CONDIMENTS,
	CZ_AISLE_SPICES,
	CZ_AISLE_FROZEN,
	CZ_AISLE_OTHER,		/* foods no table knows (never for the
				   catalog: check_shop_items fails) */
	CZ_AISLE__MAX
};

/* How a shop sells an item. */
enum cz_buy {
	CZ_BUY_PIECES,		/* loose whole pieces, or boxes of them */
	CZ_BUY_PACKS,		/* packs of one or two fixed sizes */
	CZ_BUY_WEIGHT		/* by weight, at a counter or loose */
};

/* One pack size: what it holds of the food as the list counts it (drained
 * beans, edible part), and its size as the shop's label gives it ("400 g",
 * "1 l", "6 pitas"), or NULL when the unit says it all ("a bunch"). */
struct cz_shop_pack {
	double		 grams;
	const char	*label;
};

struct cz_shop_product {
	const char		*key;	/* stable id, e.g. "rice-brown": the
					   tick-off key of the list's line */
	const char		*name;	/* plain, e.g. "brown rice" */
	enum cz_aisle		 aisle;
	enum cz_buy		 buy;
	/* CZ_BUY_PIECES: grams of one piece as used (an egg's 50 g, a
	 * lemon's 48 g of juice), and the box size (12 eggs), 0 if loose.
	 * CZ_BUY_PACKS: the unit's singular and plural ("can", "cans") and
	 * its sizes, the larger first; packs[1].grams is 0 when there is one
	 * size. */
	double			 piece_g;
	int			 box;
	const char		*unit, *units;
	struct cz_shop_pack	 packs[2];
	/* What grams of the item mean, said beside "you will use": "dry",
	 * "raw", "drained", "in shell", or NULL when nothing needs saying. */
	const char		*basis;
};

/* One catalog food: its shop item, and the grams of it bought per gram
 * of the food as eaten (1 when the food is eaten as bought). */
struct cz_shop_food {
	const char	*ndb;
	const char	*item;
	double		 factor;
};

/* Bounds every factor lies within (check_shop_items): dry pasta and grains
 * take up water to 4 times their weight (bulgur 0.24), and a mussel's
 * shell makes its live weight about 4 times its cooked meat. */
#define CZ_SHOP_FACTOR_MIN	0.2
#define CZ_SHOP_FACTOR_MAX	4.5

/* The food with NDB number ndb, or NULL when the table has none. */
const struct cz_shop_food *cz_shop_food(const char *ndb);

/* The shop item with key key, or NULL. */
const struct cz_shop_product *cz_shop_product(const char *key);

/* The grams of the food with NDB number ndb, as eaten, that one can of
 * its shop item holds (400 of canned tomatoes, 120 of drained tuna), or
 * 0 when it is not sold in cans of one size: so that a dish's "1 can"
 * is the can the shopping list buys. */
double cz_shop_can_grams(const char *ndb);

/* The name of aisle a ("Produce"), or NULL when out of range. */
const char *cz_aisle_name(int a);

/* The whole tables, for tests: *out points at the first entry; returns
 * the count. */
size_t cz_shop_foods(const struct cz_shop_food **out);
size_t cz_shop_products(const struct cz_shop_product **out);

#endif /* CZ_SHOP_ITEMS_H */
