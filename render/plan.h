/*
 * plan.h - the parts of a plan document (what `cibozer-admin plan` and the
 * planner store) that a video shows, read with json-c into fixed-size
 * records. Only the stable keys are relied on: request, target, days[]
 * with meals[] and totals; per-meal totals and shopping_list are used when
 * present.
 */
#ifndef CZ_RENDER_PLAN_H
#define CZ_RENDER_PLAN_H

#include <stddef.h>

#define CZ_RENDER_MAX_DAYS	14
#define CZ_RENDER_MAX_MEALS	8
#define CZ_RENDER_MAX_SHOP	160
#define CZ_RENDER_NAME_MAX	192

struct cz_render_meal {
	char		 slot[32];		/* "breakfast" */
	char		 name[CZ_RENDER_NAME_MAX];	/* the dish */
	double		 kcal;			/* < 0: not in the plan */
};

struct cz_render_day {
	int		 day;
	int		 nmeals;
	struct cz_render_meal meals[CZ_RENDER_MAX_MEALS];
	double		 energy, protein, fat, carbs;	/* kcal, g */
	double		 protein_pct, fat_pct, carbs_pct;
};

struct cz_render_shop_item {
	char		 group[48];
	char		 food[CZ_RENDER_NAME_MAX];
	char		 quantity[48];		/* "770 g", or the plan's text */
	double		 grams;
};

struct cz_render_plan {
	char		 diet[32];
	char		 pattern[32];
	int		 calories;
	int		 ndays;
	double		 protein_pct, fat_pct, carbs_pct;	/* targets */
	struct cz_render_day days[CZ_RENDER_MAX_DAYS];
	int		 nshop;
	int		 shop_more;		/* items beyond CZ_RENDER_MAX_SHOP */
	struct cz_render_shop_item shop[CZ_RENDER_MAX_SHOP];
};

/* Reads the plan document in the file at path into *p. Returns 0, or -1
 * with a message in err (errlen bytes) naming what is missing or wrong. */
int cz_render_plan_load(const char *path, struct cz_render_plan *p,
    char *err, size_t errlen);

/* The same from a NUL-terminated JSON text. */
int cz_render_plan_parse(const char *json, struct cz_render_plan *p,
    char *err, size_t errlen);

#endif
