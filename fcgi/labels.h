/*
 * labels.h - the names people read for the planner's codes: diets, meal
 * patterns, profiles, restrictions, allergens and video presets
 * ("tree_nut" is shown as "tree nuts", "omad" as "one meal a day",
 * "tiktok" as "TikTok, 30 s"). The API keeps the codes; only pages use
 * these.
 */
#ifndef CZ_LABELS_H
#define CZ_LABELS_H

/* The label of code, or code itself when it has none (never NULL unless
 * code is). */
const char *cz_label(const char *code);

#endif
