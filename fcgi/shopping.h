/*
 * shopping.h - a plan's shopping list as a person shops from it: which
 * lines are ticked off (kept in plans.shopping_checked), and the list as
 * plain text and CSV. No HTTP here; handlers_shopping.c answers the pages.
 */
#ifndef CZ_SHOPPING_H
#define CZ_SHOPPING_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "shop_list.h"

struct cz_db;
struct cz_request;
struct cz_plan_doc;

int cz_shopping_register(struct cz_db *db);

/*
 * The list of doc to shop from, built from its ingredients with
 * cz_shop_list at view time, so that plans stored before the document
 * carried "shopping" show it as well. A document without ingredients
 * (none is known, but the reader allows it) shows its stored list as it
 * is, each food-group a pseudo-aisle. Everything is allocated from a.
 * Returns 0 with *aisles and *n set (n 0 for an empty list), or -1.
 */
int cz_shopping_build(cz_arena *a, const struct cz_plan_doc *doc,
    struct cz_shop_aisle **aisles, size_t *n);

/* Whether line l is ticked off in keys[0..n): by its key, or (ticks kept
 * before issue 12, when lines were foods) by the NDB number of one of its
 * foods. */
int cz_shopping_is_checked(const struct cz_shop_line *l,
    const char *const *keys, size_t n);

/* The ticked-off keys of plan id (whose access the caller has checked),
 * from the arena, in *keys (*n of them). Returns 0, or -1 when the
 * database failed. */
int cz_shopping_checked(struct cz_request *r, long long id,
    const char ***keys, size_t *n);

/* Replaces the ticked-off keys of plan id with those of keys[0..n) that
 * name a line of the list (others are dropped). Returns 0 or -1. */
int cz_shopping_set_checked(struct cz_request *r, long long id,
    const struct cz_shop_aisle *aisles, size_t naisles,
    const char *const *keys, size_t n);

/* The list as text ("Produce\n- eggs: 2 boxes of 12 — you will use 17
 * (850 g)\n") or as CSV (RFC 4180: aisle,food,quantity,grams_used,
 * you_will_use,grams_bought,key), appended to b. title heads the text.
 * Returns 0, or -1 when b is full. */
int cz_shopping_text(const struct cz_shop_aisle *aisles, size_t n,
    const char *title, cz_buf *b);
int cz_shopping_csv(const struct cz_shop_aisle *aisles, size_t n,
    cz_buf *b);

#endif
