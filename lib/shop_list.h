/*
 * shop_list.h - the shopping list one can shop from: a plan's foods as
 * eaten turned into what a shop sells (lib/shop_items.h), one line per
 * shop item however the food is cooked, grouped by aisle, each rounded up
 * to whole pieces, boxes or packs, or to the counter's 50 g, with what the
 * plan will use beside it. The plan document carries it as "shopping"
 * (lib/plan_doc.c) and the shopping page builds it from a stored plan's
 * ingredients (fcgi/shopping.c), so plans stored before it existed show
 * it too. Pure: no I/O; allocates only from the caller's arena.
 */
#ifndef CZ_SHOP_LIST_H
#define CZ_SHOP_LIST_H

#include <stddef.h>

#include "arena.h"
#include "shop_items.h"

/* One food of a plan as eaten. */
struct cz_shop_use {
	const char	*ndb;		/* USDA NDB number */
	const char	*name;		/* for a food no table knows; may be
					   NULL */
	double		 grams;		/* as eaten, >= 0 */
	/* The food's entry in the shop table when the caller knows it
	 * (shop_known: the catalog's, cz_cat_food_shop), else looked up by
	 * ndb; and that entry's shop item when known (the catalog's,
	 * cz_cat_food_product), else (NULL) looked up by its key. */
	const struct cz_shop_food *shop;
	int		 shop_known;
	const struct cz_shop_product *product;
};

/* One line of the list. Grams are of the item as bought (dry rice, raw
 * chicken, drained beans), except eaten_g. */
struct cz_shop_line {
	const char	 *key;		/* the shop item's key; "ndb-NNNNN" for
					   a food no table knows */
	const char	 *name;		/* plain, e.g. "brown rice" */
	enum cz_aisle	  aisle;
	double		  eaten_g;	/* the plan's grams, as eaten */
	double		  use_g;	/* what the plan uses, as bought */
	double		  buy_g;	/* what is bought holds, >= use_g */
	int		  count;	/* pieces, boxes or packs bought; 0 when
					   bought by weight */
	int		  pieces;	/* CZ_BUY_PIECES: whole pieces used */
	const char	 *unit;		/* what count counts: "piece", "box of
					   12", "can (400 g)", "bunch"; "g" */
	const char	 *buy;		/* "2 boxes of 12", "3", "2 cans (400
					   g)", "1 bag (1 kg) + 1 bag (500 g)",
					   "700 g", "1.2 kg" */
	const char	 *use;		/* "you will use 17 (850 g)", "you will
					   use 340 g dry" */
	const char	**ndbs;		/* the plan's foods on this line */
	size_t		  nndbs;
};

struct cz_shop_aisle {
	enum cz_aisle		 aisle;
	const char		*name;	/* "Produce" */
	struct cz_shop_line	*lines;	/* sorted by name */
	size_t			 nlines;
};

/*
 * Builds the list of the n foods in into *aisles (*naisles of them, in
 * the order of enum cz_aisle, empty ones left out; NULL and 0 for an empty
 * list). Foods of the same shop item are summed; foods totalling 0 g are
 * left out. Returns 0, or -1 when an input has no ndb or grams that are
 * negative or not finite, or when a runs out of memory.
 */
int cz_shop_list(cz_arena *a, const struct cz_shop_use *in, size_t n,
    struct cz_shop_aisle **aisles, size_t *naisles);

#endif /* CZ_SHOP_LIST_H */
