/*
 * plan.h - what a video shows of a plan: the title, each day's dishes and
 * totals, the macro summary and the shopping list, in fixed-size records
 * filled from the plan document as lib/plan_read.h reads it (the one
 * reader of the document; its limits are planner.h's).
 *
 * The decisions kept here are the video's: names are cut to fixed
 * buffers (at a UTF-8 boundary; the cards wrap and shrink them, never
 * cut them further), the shopping list is the one the shopping page
 * shows (lib/shop_list.h: what a shop sells, by aisle, in plain units)
 * made from the meals' ingredients, or for a document without them its
 * shopping_list in grams; at most CZ_RENDER_MAX_SHOP lines, the rest
 * counted.
 *
 * A day clip (sql/029) is the plan cut to one day before anything is
 * made of it: days[0] is that day (its own number, "Day 3", kept), ndays
 * is 1, and the shopping list is that day's alone; clip_day and
 * week_days say what it was cut from, for words such as "Day 3 of a
 * 7-day plan".
 */
#ifndef CZ_RENDER_PLAN_H
#define CZ_RENDER_PLAN_H

#include <stddef.h>

#include "food_pictures.h"
#include "plan_read.h"
#include "planner.h"
#include "preset.h"

#define CZ_RENDER_MAX_SHOP	160	/* lines on the shopping card */
#define CZ_RENDER_NAME_MAX	192	/* bytes of a dish or food name */

struct cz_render_meal {
	char		 slot[32];		/* "breakfast" */
	char		 name[CZ_RENDER_NAME_MAX];	/* the dish */
	double		 energy_kcal;		/* < 0: not in the plan */
	/* Its pictures (food_pictures.h, static keys): the dish, then its
	 * main ingredients; at least one. */
	const char	*pictures[CZ_DISH_PICTURES_MAX];
	int		 npictures;
};

struct cz_render_day {
	int		 day;
	int		 nmeals;
	struct cz_render_meal meals[CZ_PLAN_MAX_MEALS];
	double		 energy_kcal, protein_g, fat_g, carbs_g;
	double		 protein_pct, fat_pct, carbs_pct;
};

struct cz_render_shop_item {
	char		 group[48];
	char		 food[CZ_RENDER_NAME_MAX];
	char		 quantity[48];		/* "1 bag (1 kg)", "3", "700 g" */
	double		 grams;
};

/* The plan's advice (lib/intakes.h) the end card can carry, as bits of
 * cz_render_plan.advice, most important first. */
enum cz_render_advice {
	CZ_RENDER_ADVICE_LOW_ENERGY,
	CZ_RENDER_ADVICE_PREGNANCY,
	CZ_RENDER_ADVICE_VEGAN,
	CZ_RENDER_ADVICE_HIGH_ENERGY,
	CZ_RENDER_ADVICE_B12,
	CZ_RENDER_ADVICE_VITAMIN_D,
	CZ_RENDER_ADVICE__MAX
};

struct cz_render_plan {
	char		 diet[32];
	char		 pattern[32];
	int		 energy_kcal;		/* the daily target */
	int		 ndays;
	int		 clip_day;		/* a day clip's day, 0: the week */
	int		 week_days;		/* the plan's days, cut or not */
	double		 protein_pct, fat_pct, carbs_pct;	/* targets */
	unsigned int	 advice;	/* 1 << enum cz_render_advice */
	struct cz_render_day days[CZ_PLAN_MAX_DAYS];
	int		 nshop;
	int		 shop_more;		/* items beyond CZ_RENDER_MAX_SHOP */
	struct cz_render_shop_item shop[CZ_RENDER_MAX_SHOP];
};

/* Fills *p from doc, a document cz_plan_doc_parse or cz_plan_doc_read
 * accepted; p points into nothing of doc. */
void cz_render_plan_from_doc(const struct cz_plan_doc *doc,
    struct cz_render_plan *p);

/* Reads the plan document in the file at path (at most
 * CZ_PLAN_DOC_MAX_BYTES) into *p. Returns 0, or -1 with a message in err
 * (errlen bytes) naming what is missing or wrong. */
int cz_render_plan_load(const char *path, struct cz_render_plan *p,
    char *err, size_t errlen);

/* The same from a NUL-terminated JSON text. */
int cz_render_plan_parse(const char *json, struct cz_render_plan *p,
    char *err, size_t errlen);

/* The same for day clips: day 0 is the whole plan, day N (1..7) the plan
 * cut to its day N (-1 with a message when it has none). */
int cz_render_plan_load_day(const char *path, int day,
    struct cz_render_plan *p, char *err, size_t errlen);
int cz_render_plan_parse_day(const char *json, int day,
    struct cz_render_plan *p, char *err, size_t errlen);

/* The length in seconds of a day clip for preset p: 15 s for TikTok,
 * 20 s for the others (fcgi/videos.c has the same table). */
int cz_render_day_seconds(const struct cz_render_preset *p);

#endif
