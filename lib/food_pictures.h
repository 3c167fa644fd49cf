/*
 * food_pictures.h - the one mapping from foods and dishes to pictures,
 * shared by the web pages and the videos so that both show the same
 * picture for the same dish.
 *
 * The pictures are colour emoji of Noto Color Emoji (Debian
 * fonts-noto-color-emoji, SIL Open Font License 1.1): the renderer draws
 * them from the font with FreeType, the web serves them as PNG files
 * written from the same font by tools/food_pictures_png.c into
 * static/img/food/KEY.png. A picture is known by its key ("salmon" style
 * names of this table, [a-z_] only), which is the file name on the web.
 *
 * Every catalog food (the catalog_ingredients rows of sql/, by NDB number) has a
 * picture; tests/unit/check_food_pictures.c fails when one has none.
 * A dish's pictures are its dish type when the name says one ("salad",
 * "soup", "tacos"), then its main ingredients by weight; a dish with
 * nothing known falls back to its meal slot's picture.
 */
#ifndef CZ_FOOD_PICTURES_H
#define CZ_FOOD_PICTURES_H

#include <stddef.h>
#include <stdint.h>

/* Where Debian installs the picture set's font. */
#ifndef CZ_PICTURE_FONT
#define CZ_PICTURE_FONT	"/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
#endif

/* The attribution the licence asks for, shown on /about and in videos. */
#define CZ_PICTURE_CREDIT "Food pictures: Noto Color Emoji, © Google, " \
	"SIL Open Font License 1.1"

/* Pictures of one dish at most: the dish itself and two ingredients. */
#define CZ_DISH_PICTURES_MAX	3

/* Longest key, in bytes without the NUL. */
#define CZ_PICTURE_KEY_MAX	24

struct cz_picture {
	const char	*key;		/* [a-z_], the web file name */
	uint32_t	 cp;		/* the emoji's code point */
	const char	*name;		/* what it shows, for alt texts */
};

/* The whole picture set, *n entries; the array is static. */
const struct cz_picture *cz_picture_set(size_t *n);

/* The picture of key, or NULL when the set has none. */
const struct cz_picture *cz_picture_by_key(const char *key);

/* A food of the mapping: its NDB number, picture key, and whether it is a
 * minor ingredient (oil, spice, herb, condiment, a milk poured over)
 * that never stands for a dish while a major one is there. */
struct cz_food_picture {
	const char	*ndb;
	const char	*key;
	int		 minor;
};

/* The food table, *n entries (static), for tests and tools. */
const struct cz_food_picture *cz_food_picture_table(size_t *n);

/* The picture key of food ndb (5 digits), or NULL when it has none. */
const char *cz_food_picture(const char *ndb);

/* The fallback picture key of meal slot slot (enum cz_slot); a key for
 * every slot, "plate" for one out of range. */
const char *cz_slot_picture(int slot);

/* One ingredient of a dish, as the plan document gives it. */
struct cz_dish_item {
	const char	*ndb;
	double		 grams;
};

/*
 * Chooses the pictures of a dish named name (may be NULL) of slot slot
 * with items[0..n): out[0] the dish (its type, else its main
 * ingredient), then its other main ingredients by weight, distinct
 * keys, at most max (<= CZ_DISH_PICTURES_MAX). Returns how many were
 * written: at least 1 when max >= 1 (the slot's picture when nothing else
 * is known). The keys are static strings.
 */
size_t cz_dish_pictures(const char *name, int slot,
    const struct cz_dish_item *items, size_t n, const char **out,
    size_t max);

#endif /* CZ_FOOD_PICTURES_H */
