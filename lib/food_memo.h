/*
 * food_memo.h - what a plan's document writes for one food at one weight,
 * kept the first time it is written.
 *
 * An item of a plan's document ({"ndb":...,"grams":...,"measure":...})
 * and the amount its recipe names ("2 eggs", "150 g cooked rice") are
 * functions of the food and its whole grams alone. A week names some 130
 * of them, and across plans they repeat: 18,000 stored plans held 2.4
 * million items but 3,970 (food, grams) pairs. Writing each again cost a
 * tenth of a document (the measure's choice and text, the recipe's
 * amount, the number and string escapes).
 *
 * The memo belongs to a catalog (catalog.h), which makes it when it
 * loads and frees it with itself: another catalog (new measures, new
 * names) starts with an empty memo. It is bounded: once it holds
 * CZ_FOOD_MEMO_BYTES of text or half its slots, it keeps nothing more
 * and the callers write as before. Not for threads: each process (each
 * responder worker) fills its own.
 */
#ifndef CZ_FOOD_MEMO_H
#define CZ_FOOD_MEMO_H

#include <stddef.h>

/* The text a memo keeps at most, and its slots (a power of two). */
#define CZ_FOOD_MEMO_BYTES	(2 * 1024 * 1024)
#define CZ_FOOD_MEMO_SLOT_BITS	14
#define CZ_FOOD_MEMO_SLOTS	(1 << CZ_FOOD_MEMO_SLOT_BITS)

struct cz_food_memo;

/* What is kept for one (food, grams): the item's JSON text (an object)
 * and the recipe's amount (NUL-terminated), or amount NULL when the food
 * has no amount a recipe could name (cz_recipe_amount failed). */
struct cz_food_texts {
	const char	*item;
	size_t		 item_len;
	const char	*amount;
};

/* A new, empty memo; NULL when memory ran out. */
struct cz_food_memo *cz_food_memo_new(void);
void cz_food_memo_free(struct cz_food_memo *m);

/*
 * The key of food index food at grams, or -1 when grams is not a whole
 * number from 0 to 100,000 (a document read back from an old plan may
 * hold any grams): such items are never kept.
 */
long long cz_food_memo_key(size_t food, double grams);

/* 1 and *t filled (pointing into m, valid as long as m) when m holds
 * key, else 0. m may be NULL. */
int cz_food_memo_find(const struct cz_food_memo *m, long long key,
    struct cz_food_texts *t);

/* Keeps a copy of t under key (not found before); returns 0, or -1 when
 * m is NULL or full or memory ran out (nothing kept). */
int cz_food_memo_keep(struct cz_food_memo *m, long long key,
    const struct cz_food_texts *t);

#endif /* CZ_FOOD_MEMO_H */
