/*
 * plan_read.h - the plan document as a C type, and its one reader.
 *
 * lib/plan_doc.c writes the document (docs/api.md describes it); the
 * database stores it and the API serves it as written. Everything that
 * reads one back (regeneration, the renderer, the plan page) goes through
 * cz_plan_doc_parse or cz_plan_doc_read into a struct cz_plan_doc, so the
 * shape, its limits (planner.h) and its checks live in one place.
 *
 * Names: the C type has one name per quantity, with its unit: energy_kcal,
 * protein_g, sodium_mg, protein_pct (a share of energy), ... The JSON keys
 * are those of the document and do not change ("energy" in totals,
 * "calories" in the request, "energy_kcal" in the target); the tables in
 * plan_read.c map one to the other. The request is the planner's own
 * struct cz_plan_request, read by cz_plan_request_read.
 *
 * Presence: what every stored document has carried is required: the
 * request, the target's macronutrient shares, the days (as many as the
 * request asks, numbered from 1), each with 1 to CZ_PLAN_MAX_MEALS meals
 * (slot and dish name) and its totals of energy, protein, fat and carbs.
 * The rest is optional, as older documents (and the renderer's fixture)
 * lack parts: an absent number is NAN, an absent string NULL, an absent
 * part has its `present` member 0 (see each member). What is present is
 * checked: types, ranges, names (slots, allergens), and counts against
 * the limits of planner.h; a document over a limit is refused, never cut.
 * Unknown keys are ignored, so that a newer writer may add some.
 *
 * Derived values: totals that leave out net_carbs or the energy shares
 * get them as the writer computes them (cz_net_carbs, cz_macro_shares)
 * when the amounts they need are present.
 *
 * Ownership: the document and every string and array it points to are
 * allocated from the arena given to the reader and live until that arena
 * is reset or freed; nothing else needs releasing.
 */
#ifndef CZ_PLAN_READ_H
#define CZ_PLAN_READ_H

#include <stddef.h>

#include <json-c/json.h>

#include "arena.h"
#include "catalog.h"
#include "nutrition.h"
#include "planner.h"

/*
 * Nutrient amounts of a meal, a day or the daily average: the 23 core
 * nutrients of nutrition.h (JSON keys as cz_nutrient_info gives them),
 * net carbs, and the shares of energy from protein, fat and carbs in
 * percent. NAN where the document gives none and none can be derived.
 */
struct cz_plan_doc_totals {
	int	 present;	/* 0: the document has no such totals */
	double	 energy_kcal;
	double	 protein_g, fat_g, carbs_g, fiber_g, sugars_g;
	double	 saturated_fat_g;
	double	 cholesterol_mg, sodium_mg, potassium_mg, calcium_mg;
	double	 iron_mg, magnesium_mg, zinc_mg;
	double	 vitamin_a_iu, vitamin_c_mg, vitamin_d_iu, vitamin_e_mg;
	double	 vitamin_k_ug, vitamin_b6_mg, vitamin_b12_ug, folate_ug;
	double	 omega_3_g;
	double	 net_carbs_g;
	double	 protein_pct, fat_pct, carbs_pct;
};

/* The daily target ("target"). Shares are required; NAN elsewhere means
 * absent, and for fiber_min_g and net_carbs_max_g also "no such limit". */
struct cz_plan_doc_target {
	double	 energy_kcal;
	double	 protein_pct, fat_pct, carbs_pct;
	double	 energy_tol_pct;	/* "energy_tolerance_pct" */
	double	 share_tol_pts;		/* "share_tolerance_points" */
	double	 fiber_min_g;
	double	 sodium_max_mg;
	double	 net_carbs_max_g;
};

/*
 * One line of a day's accuracy receipt: the target (for a limit, its
 * minimum or maximum), the plan's value, the deviation (percent for
 * energy, percentage points for the shares, NAN for the limits) and
 * whether the line is within target. The unit is the member's name in
 * struct cz_plan_doc_receipt.
 */
struct cz_plan_doc_check {
	int	 present;
	double	 target, actual, deviation;
	int	 ok;
};

/* A day's accuracy receipt ("accuracy"). When present, the energy, share
 * and sodium lines are too; fiber and net carbs only for targets that
 * have those limits. */
struct cz_plan_doc_receipt {
	int			 present;
	struct cz_plan_doc_check energy_kcal;
	struct cz_plan_doc_check protein_pct, fat_pct, carbs_pct;
	struct cz_plan_doc_check fiber_g;	/* a minimum */
	struct cz_plan_doc_check sodium_mg;	/* a maximum */
	struct cz_plan_doc_check net_carbs_g;	/* a maximum */
	int			 all_ok;
};

/* One ingredient of a meal. */
struct cz_plan_doc_item {
	char		 ndb[6];	/* USDA NDB number, 5 digits */
	const char	*food;		/* USDA name */
	const char	*label;		/* short name, NULL: absent */
	double		 grams;		/* > 0 */
	const char	*measure;	/* "2 large", NULL: absent */
	unsigned int	 allergens;	/* 1 << enum cz_allergen */
};

/* One dish of a day ("meals" in the document). */
struct cz_plan_doc_meal {
	enum cz_slot		 slot;
	const char		*name;		/* "template": the dish */
	const char		*slug;		/* NULL: absent */
	int			 locked;	/* "locked": true; 0 absent */
	struct cz_plan_doc_item	*items;		/* NULL when nitems is 0 */
	size_t			 nitems;	/* 0: no items in the document */
	struct cz_plan_doc_totals totals;	/* energy_kcal when present */
	unsigned int		 allergens;	/* 1 << enum cz_allergen */
};

struct cz_plan_doc_day {
	int			 day;		/* 1 .. ndays */
	struct cz_plan_doc_meal	 meals[CZ_PLAN_MAX_MEALS];
	int			 nmeals;	/* 1 .. CZ_PLAN_MAX_MEALS */
	struct cz_plan_doc_totals totals;	/* always present */
	struct cz_plan_doc_receipt accuracy;
};

/* An allergen of the plan and the dishes (names) that carry it. */
struct cz_plan_doc_warning {
	enum cz_allergen	 allergen;
	const char		**meals;
	size_t			 nmeals;
};

/* One line of the shopping list. */
struct cz_plan_doc_shop_item {
	char		 ndb[6];	/* "": absent */
	const char	*food;
	double		 grams;		/* the plan uses, >= 0 */
	const char	*quantity;	/* to buy, "5 large"; NULL: absent */
};

struct cz_plan_doc_shop_group {
	const char			*name;	/* "Vegetables" */
	struct cz_plan_doc_shop_item	*items;
	size_t				 nitems;
};

#define CZ_PLAN_DOC_MAX_ADVICE	8	/* advice lines a document may have */

struct cz_plan_doc {
	struct cz_plan_request	 request;
	struct cz_plan_doc_target target;
	struct cz_plan_doc_day	 days[CZ_PLAN_MAX_DAYS];
	int			 ndays;		/* request.days */
	struct cz_plan_doc_totals daily_average;
	int			 all_targets_met;	/* 0, 1, -1: absent */
	unsigned int		 allergens;	/* 1 << enum cz_allergen */
	struct cz_plan_doc_warning warnings[CZ_ALLERGEN__MAX];
	size_t			 nwarnings;
	const char		*allergen_note;
	/* Groups in the document's order; shop_present 0 when it has no
	 * shopping_list; nshop_items counts the lines of all groups, at most
	 * CZ_PLAN_MAX_SHOP_ITEMS. */
	int			 shop_present;
	struct cz_plan_doc_shop_group *shop;
	size_t			 nshop;
	size_t			 nshop_items;
	/* "advice": the codes of its lines ("low_energy", "vegan", ...; see
	 * lib/intakes.h), in the document's order; none when absent. */
	const char		*advice[CZ_PLAN_DOC_MAX_ADVICE];
	size_t			 nadvice;
	/* "disclaimers": NULL when absent. */
	const char		*disclaimer_medical;
	const char		*disclaimer_fda;
	const char		*disclaimer_pregnancy;
};

/*
 * Reads the plan document in the len bytes at text (one JSON value, at
 * most CZ_PLAN_DOC_MAX_BYTES and CZ_PLAN_DOC_MAX_DEPTH deep; the bytes
 * need not be NUL-terminated) into a new struct cz_plan_doc allocated
 * from a, stored in *out. Returns 0, or -1 with *out NULL and a message in
 * err (errlen bytes) naming what is missing or wrong, e.g. "not valid
 * JSON: ...", "request.calories: must be between 800 and 5000",
 * "days[2].meals[0].items[3].grams: must be a number from ...". Whatever
 * was allocated from a on failure is released with a.
 */
int cz_plan_doc_parse(cz_arena *a, const char *text, size_t len,
    struct cz_plan_doc **out, char *err, size_t errlen);

/* The same from a json-c value root (borrowed; nothing of the result
 * points into it). */
int cz_plan_doc_read(cz_arena *a, struct json_object *root,
    struct cz_plan_doc **out, char *err, size_t errlen);

/* Amount of nutrient n (enum cz_nutrient) in t, e.g. t->sodium_mg for
 * CZ_N_SODIUM: the loop over nutrients that tables need. NAN when n is
 * out of range. */
double cz_plan_doc_amount(const struct cz_plan_doc_totals *t, int n);

#endif /* CZ_PLAN_READ_H */
