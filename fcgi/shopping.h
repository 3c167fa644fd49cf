/*
 * shopping.h - a plan's shopping list as a person shops from it: which
 * lines are ticked off (kept in plans.shopping_checked), and the list as
 * plain text and CSV. No HTTP here; handlers_shopping.c answers the pages.
 */
#ifndef CZ_SHOPPING_H
#define CZ_SHOPPING_H

#include <stddef.h>

#include "buf.h"

struct cz_db;
struct cz_request;
struct cz_plan_doc;
struct cz_plan_doc_shop_item;

int cz_shopping_register(struct cz_db *db);

/* The key a line is ticked off by: its NDB number, else its food name. */
const char *cz_shopping_key(const struct cz_plan_doc_shop_item *it);

/* The ticked-off keys of plan id (whose access the caller has checked),
 * from the arena, in *keys (*n of them). Returns 0, or -1 when the
 * database failed. */
int cz_shopping_checked(struct cz_request *r, long long id,
    const char ***keys, size_t *n);

/* Replaces the ticked-off keys of plan id with those of keys[0..n) that
 * name a line of doc's list (others are dropped). Returns 0 or -1. */
int cz_shopping_set_checked(struct cz_request *r, long long id,
    const struct cz_plan_doc *doc, const char *const *keys, size_t n);

/* The list as text ("Vegetables\n- carrots: 3 medium (180 g used)\n")
 * or as CSV (RFC 4180: aisle,food,quantity,grams_used), appended to b.
 * title heads the text. Returns 0, or -1 when b is full. */
int cz_shopping_text(const struct cz_plan_doc *doc, const char *title,
    cz_buf *b);
int cz_shopping_csv(const struct cz_plan_doc *doc, cz_buf *b);

#endif
