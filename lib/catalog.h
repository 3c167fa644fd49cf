/*
 * catalog.h - the planning catalog in memory.
 *
 * The curated ingredients (sql/004_catalog_data.sql) joined with their
 * USDA foods, and the meal templates with their items, loaded once from
 * the database.  Diets, allergens and pregnancy exclusions are bitmasks
 * over the vocabularies below, in the order of sql/003_catalog.sql; a
 * template's masks follow from its items as in the view
 * meal_template_diets.  The catalog owns everything it points to.
 */
#ifndef CZ_CATALOG_H
#define CZ_CATALOG_H

#include <stddef.h>

#include <libpq-fe.h>

#include "nutrition.h"
#include "shop_items.h"

enum cz_diet {
	CZ_DIET_STANDARD,
	CZ_DIET_VEGETARIAN,
	CZ_DIET_VEGAN,
	CZ_DIET_KETO,
	CZ_DIET_PALEO,
	CZ_DIET_MEDITERRANEAN,
	CZ_DIET__MAX
};

enum cz_allergen {
	CZ_ALLERGEN_GLUTEN,
	CZ_ALLERGEN_DAIRY,
	CZ_ALLERGEN_EGG,
	CZ_ALLERGEN_PEANUT,
	CZ_ALLERGEN_TREE_NUT,
	CZ_ALLERGEN_SOY,
	CZ_ALLERGEN_FISH,
	CZ_ALLERGEN_SHELLFISH,
	CZ_ALLERGEN_SESAME,
	CZ_ALLERGEN__MAX
};

enum cz_slot {
	CZ_SLOT_BREAKFAST,
	CZ_SLOT_LUNCH,
	CZ_SLOT_DINNER,
	CZ_SLOT_SNACK,
	CZ_SLOT__MAX
};

/* One catalog ingredient and its USDA food. */
struct cz_cat_food {
	char			 ndb[6];
	char			*name;		/* USDA name */
	char			*label;		/* catalog label */
	/* Per gram (kcal, g, sodium mg); a missing amount is 0. */
	double			 kcal, protein, fat, carbs, fiber, sodium;
	struct cz_nutrients	 per100g;	/* NAN where missing */
	unsigned int		 diets;		/* 1 << enum cz_diet */
	unsigned int		 allergens;	/* 1 << enum cz_allergen */
	int			 pregnancy_excluded;
	double			 min_g, max_g, step_g;
	/* Portion rules (sql/019_portion_rules.sql): a neat fat or oil,
	 * grams a day at most (0: none), days of a week at most (0: none). */
	int			 added_fat;
	double			 day_max_g;
	int			 week_max_days;
	/* Per gram, for the daily upper limits: selenium and retinol
	 * (preformed vitamin A) in ug, read from the USDA data beside the
	 * core nutrients (0 when missing). */
	double			 selenium, retinol;
	char			 group[3];	/* USDA food group, "" if none */
	struct cz_measure	*measures;	/* household measures, SR order */
	size_t			 nmeasures;
	/* Its entry in the shop table (NULL: none), found when the catalog
	 * loads: a plan's document asks for it at every use of the food.
	 * shop_known 0 (a food filled in by hand): cz_cat_food_shop looks
	 * it up. product is that entry's shop item, found with it (NULL:
	 * cz_cat_food_product looks it up). */
	const struct cz_shop_food *shop;
	int			 shop_known;
	const struct cz_shop_product *product;
	/* How a recipe names and counts it (recipes.h), found when the
	 * catalog loads by cz_recipe_food_prepare: its cook's name (a
	 * listed name, else the label up to its first comma) as cook_len
	 * bytes at cook_name, its entry in the countable foods (0: none,
	 * else the index plus one), whether it is also given in spoons.
	 * recipe_ready 0 (a food filled in by hand): cz_recipe_amount
	 * looks them up. */
	int			 recipe_ready;
	const char		*cook_name;
	size_t			 cook_len;
	int			 piece;
	int			 spooned;
	/* Its first members in a plan's items ("ndb", "food", "label") as
	 * the JSON text a document holds, written when the catalog loads:
	 * a plan names some 130 foods, each read and escaped again at
	 * every use. NULL (a food filled in by hand): cz_cat_food_members
	 * writes them one by one. */
	char			*members;
	size_t			 members_len;
};

struct cz_jw;

/* Writes food f's first members of a plan's item into w's open object:
 * "ndb", "food" and "label" (jsonw.h). */
void	cz_cat_food_members(struct cz_jw *w, const struct cz_cat_food *f);
/* Writes them once as text into f->members (the catalog's loader does,
 * and frees it with the catalog), with the writer that writes them one
 * by one, so that the two are the same bytes; 0, or -1 when out of
 * memory. */
int	cz_cat_food_members_prepare(struct cz_cat_food *f);

/* Food f's entry in the shop table, or NULL (shop_items.h). */
static inline const struct cz_shop_food *
cz_cat_food_shop(const struct cz_cat_food *f)
{
	return f->shop_known ? f->shop : cz_shop_food(f->ndb);
}

/* The shop item food f is bought as, or NULL (shop_items.h). */
static inline const struct cz_shop_product *
cz_cat_food_product(const struct cz_cat_food *f)
{
	const struct cz_shop_food *sf;

	if (f->product != NULL)
		return f->product;
	sf = cz_cat_food_shop(f);
	return sf != NULL ? cz_shop_product(sf->item) : NULL;
}

/* One item of a template: a food and its bounds in this template. */
struct cz_cat_item {
	size_t	 food;			/* index in cz_catalog.foods */
	double	 def_g, min_g, max_g;
	int	 title;			/* the dish is named after it
					   (sql/031_title_ingredients.sql) */
};

struct cz_recipe;

struct cz_cat_template {
	int			 id;
	char			*slug;
	char			*name;
	/* Its method (lib/recipes_data.c), found once when the catalog is
	 * loaded; NULL in a catalog built by hand (cz_template_recipe
	 * looks it up then). */
	const struct cz_recipe	*recipe;
	enum cz_slot		 slot;
	unsigned int		 diets;		/* every item allows */
	unsigned int		 allergens;	/* any item carries */
	int			 pregnancy_safe;
	struct cz_cat_item	*items;
	size_t			 nitems;
	/* Of the default weights: energy and shares (fractions). */
	double			 kcal, protein_share, fat_share, carb_share;
};

struct cz_food_memo;

struct cz_catalog {
	struct cz_cat_food	*foods;
	size_t			 nfoods;
	struct cz_cat_template	*templates;
	size_t			 ntemplates;
	/* The texts a plan's document wrote for a food at a weight, kept
	 * for the next (food_memo.h); filled as documents are written,
	 * through a catalog that is otherwise read only. NULL (a catalog
	 * filled in by hand): nothing is kept. */
	struct cz_food_memo	*memo;
};

/*
 * Loads the catalog from c into a new catalog stored in *out, to be
 * released with cz_catalog_free.  Returns 0, or -1 with a message in err
 * (errlen bytes) when a query fails, memory runs out, the catalog is
 * empty or a catalog ingredient has no USDA food (import-usda first).
 */
int		 cz_catalog_load(PGconn *c, struct cz_catalog **out,
		    char *err, size_t errlen);

/* Frees cat and everything it owns; NULL is accepted. */
void		 cz_catalog_free(struct cz_catalog *cat);

/* Index of the food with NDB number ndb, or -1. */
long		 cz_catalog_food(const struct cz_catalog *cat,
		    const char *ndb);

/* Names of the vocabularies ("keto", "tree_nut", "dinner"), or NULL
 * when out of range; and the value whose name is s, or -1. */
const char	*cz_diet_name(int d);
const char	*cz_allergen_name(int a);
const char	*cz_slot_name(int s);
int		 cz_diet_by_name(const char *s);
int		 cz_allergen_by_name(const char *s);
int		 cz_slot_by_name(const char *s);

/* The index of s in names[0..n), or -1 (also for NULL): the lookup behind
 * every *_by_name function of the catalog and the planner. */
int cz_name_index(const char *const *names, int n, const char *s);

#endif /* CZ_CATALOG_H */
