/*
 * recipes.h - a short method for every dish of the catalog, in the amounts
 * of the plan at hand.
 *
 * The methods are constant data (lib/recipes_data.c), one per template
 * slug: 3 to CZ_RECIPE_MAX_STEPS steps, prep and cook minutes, and the
 * equipment where it matters. A step names the dish's ingredients by
 * placeholder, "{20037}" (the NDB number of a catalog food of the dish),
 * which a plan replaces with the amount the cook handles: what goes into
 * the pan, not what ends on the plate ("60 g dry brown rice (about 200 g
 * cooked)", "290 g raw chicken breast (about 200 g cooked)", "2 eggs",
 * "1 tbsp (14 g) olive oil"). A later mention of the same food is
 * written in words ("the rice"), so a step never repeats an amount.
 *
 * Batch notes: where meals of the same or the next day share a cooked
 * base (rice, quinoa, lentils, pasta, a roast) or are the same dish, one
 * cook serves both; cz_recipe_batch finds them in a plan.
 *
 * Everything here is constant or written into the caller's buffers;
 * nothing allocates.
 */
#ifndef CZ_RECIPES_H
#define CZ_RECIPES_H

#include <stddef.h>

#include "catalog.h"
#include "planner.h"

#define CZ_RECIPE_MIN_STEPS	3
#define CZ_RECIPE_MAX_STEPS	8
/* Bytes of one rendered step or amount, and of one batch note. */
#define CZ_RECIPE_STEP_LEN	768
#define CZ_RECIPE_AMOUNT_LEN	128
#define CZ_RECIPE_NOTE_LEN	512
/* Batch notes of one plan at most (more shared cooks are not listed),
 * and meals of one note at most (a cook serves one day and the next). */
#define CZ_RECIPE_MAX_NOTES	16
#define CZ_RECIPE_NOTE_MEALS	8

struct cz_recipe {
	const char	*slug;		/* the template's slug */
	int		 prep_min;	/* hands-on minutes before cooking */
	int		 cook_min;	/* minutes on the heat or in the
					   oven; 0 for a dish not cooked */
	const char	*equipment;	/* "saucepan, baking tray"; NULL:
					   nothing beyond a knife and board */
	const char	*steps[CZ_RECIPE_MAX_STEPS];	/* NULL after the last */
};

/* One ingredient of a meal as a step names it: its NDB number and the
 * amount text (cz_recipe_amount). */
struct cz_recipe_item {
	const char	*ndb;
	const char	*amount;
};

/* A meal of a plan, by day and index in the day (both from 0). */
struct cz_recipe_ref {
	int	 day, meal;
};

/* One batch note: its text and the meals it joins (the first cooks). */
struct cz_recipe_note {
	char			 text[CZ_RECIPE_NOTE_LEN];
	struct cz_recipe_ref	 meals[CZ_RECIPE_NOTE_MEALS];
	int			 nmeals;
};

/* The method of the dish with slug slug, or NULL when there is none. */
const struct cz_recipe *cz_recipe_find(const char *slug);
/* The recipe of template t: the one its catalog linked when it was
 * loaded, else cz_recipe_find(t->slug) (a search of some 300 slugs, which
 * a plan's document made some 40 times). */
const struct cz_recipe *cz_template_recipe(const struct cz_cat_template *t);

/* The whole table, for tests: *out points at the first; returns the
 * count, in the catalog's order (not sorted). */
size_t cz_recipes(const struct cz_recipe **out);

/* The number of steps of r (0 .. CZ_RECIPE_MAX_STEPS). */
int cz_recipe_nsteps(const struct cz_recipe *r);

/*
 * Checks r against the NDB numbers of its dish's items (ndbs, n of them):
 * CZ_RECIPE_MIN_STEPS to CZ_RECIPE_MAX_STEPS steps, prep time above 0,
 * every placeholder an item of the dish, every item named by one, no brace
 * outside a placeholder, and a cook time above 0 when an item must be
 * cooked (need_cook[i] non-zero; NULL: none). Returns 0, or -1 with what is
 * wrong in err.
 */
int cz_recipe_check(const struct cz_recipe *r, const char *const *ndbs,
    const int *need_cook, size_t n, char *err, size_t errlen);

/* Whether food f must be cooked before it is eaten as the plan weighs
 * it (cooked from dry or raw, or an egg). */
int cz_recipe_needs_cooking(const struct cz_cat_food *f);

/* Finds once what cz_recipe_amount asks of food f at every use (its
 * cook's name, whether it is counted or spooned): the catalog calls it
 * for each food it loads. f's ndb and label must be set. */
void cz_recipe_food_prepare(struct cz_cat_food *f);

/*
 * Writes into out (len bytes) the amount of food f the cook handles for
 * grams of it as eaten, with its plain name: "60 g dry brown rice (about
 * 200 g cooked)", "2 eggs", "150 g broccoli". Returns 0, or -1 when out is
 * too small (out then holds a cut text).
 */
int cz_recipe_amount(const struct cz_cat_food *f, double grams, char *out,
    size_t len);

/*
 * Writes step into out (len bytes) with each placeholder replaced by the
 * amount of its item (items, n of them). Returns 0, or -1 when a
 * placeholder names no item or out is too small.
 */
int cz_recipe_step(const char *step, const struct cz_recipe_item *items,
    size_t n, char *out, size_t len);

/*
 * Finds the shared cooks of plan p (made from cat) and writes their notes
 * into notes (max of them), in the order of the plan. Returns the count.
 */
int cz_recipe_batch(const struct cz_catalog *cat, const struct cz_plan *p,
    struct cz_recipe_note *notes, int max);

#endif /* CZ_RECIPES_H */
