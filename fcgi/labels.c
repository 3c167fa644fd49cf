/*
 * labels.c - the names people read for the planner's codes. See labels.h.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "labels.h"

/* Labels are lower case, to sit inside a sentence; a form's options
 * capitalise them. Restrictions read after "Leave out" (a form's legend, the plan page's
 * "Left out as requested"), so they name what is left out. Allergens read
 * after "contains". */
static const struct {
	const char	*code;
	const char	*label;
} labels[] = {
	/* diets */
	{ "standard", "standard" },
	{ "vegetarian", "vegetarian" },
	{ "vegan", "vegan" },
	{ "keto", "keto" },
	{ "paleo", "paleo" },
	{ "mediterranean", "mediterranean" },
	/* meal patterns */
	{ "3_meals", "3 meals a day" },
	{ "3_meals_2_snacks", "3 meals and 2 snacks" },
	{ "5_small_meals", "5 small meals" },
	{ "2_meals", "2 meals a day" },
	{ "omad", "one meal a day (OMAD)" },
	/* profiles */
	{ "none", "none" },
	{ "athlete", "athlete" },
	{ "older_adult", "older adult" },
	{ "pregnancy", "pregnancy" },
	/* restrictions */
	{ "gluten_free", "gluten" },
	{ "dairy_free", "dairy" },
	{ "egg_free", "eggs" },
	{ "peanut_free", "peanuts" },
	{ "nut_free", "tree nuts" },
	{ "soy_free", "soy" },
	{ "fish_free", "fish" },
	{ "shellfish_free", "shellfish" },
	{ "sesame_free", "sesame" },
	/* video presets (render/preset.c's "human" labels: the same) */
	{ "youtube_shorts", "YouTube Shorts, 60 s" },
	{ "youtube_long", "YouTube, 3 min" },
	{ "tiktok", "TikTok, 30 s" },
	{ "instagram", "Instagram, 60 s" },
	/* allergens */
	{ "gluten", "gluten" },
	{ "dairy", "dairy" },
	{ "egg", "egg" },
	{ "peanut", "peanut" },
	{ "tree_nut", "tree nuts" },
	{ "soy", "soy" },
	{ "fish", "fish" },
	{ "shellfish", "shellfish" },
	{ "sesame", "sesame" },
};

const char *
cz_label(const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].code, code) == 0)
			return labels[i].label;
	return code;
}
