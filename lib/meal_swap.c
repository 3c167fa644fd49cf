/*
 * meal_swap.c - the changes between two versions of a day. See
 * meal_swap.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "meal_swap.h"

/* Adds a change to out when there is room; returns the new count. */
static size_t
add(struct cz_meal_change *out, size_t max, size_t n,
    const struct cz_meal_change *c)
{
	if (n < max)
		out[n] = *c;
	return n + 1;
}

/* The whole grams of food f in meal m of day d, its k-th occurrence
 * (from 0), or -1 when it has none. */
static double
grams_of(const struct cz_plan_day *d, int m, size_t f, int k)
{
	size_t i;

	for (i = 0; i < d->nitems; i++)
		if (d->items[i].meal == m && d->items[i].food == f && k-- == 0)
			return rint(d->items[i].grams);
	return -1;
}

/* How many times food f appears in meal m of day d before index upto. */
static int
occurrence(const struct cz_plan_day *d, int m, size_t f, size_t upto)
{
	size_t i;
	int k = 0;

	for (i = 0; i < upto; i++)
		k += d->items[i].meal == m && d->items[i].food == f;
	return k;
}

size_t
cz_meal_changes(const struct cz_catalog *cat, const struct cz_plan_day *a,
    const struct cz_plan_day *b, struct cz_meal_change *out, size_t max)
{
	struct cz_meal_change c;
	size_t i, n = 0;
	double ga, gb;
	int m, k;

	for (m = 0; m < a->nmeals && m < b->nmeals; m++) {
		memset(&c, 0, sizeof(c));
		c.meal = m;
		c.slot = b->meals[m].slot;
		c.dish_before = cat->templates[a->meals[m].tmpl].name;
		c.dish_after = cat->templates[b->meals[m].tmpl].name;
		if (a->meals[m].tmpl != b->meals[m].tmpl) {
			n = add(out, max, n, &c);
			continue;
		}
		for (i = 0; i < a->nitems; i++) {
			if (a->items[i].meal != m)
				continue;
			k = occurrence(a, m, a->items[i].food, i);
			ga = rint(a->items[i].grams);
			gb = grams_of(b, m, a->items[i].food, k);
			if (gb == ga)
				continue;
			c.food = cat->foods[a->items[i].food].label;
			c.before_g = ga;
			c.after_g = gb < 0 ? 0 : gb;
			n = add(out, max, n, &c);
		}
		for (i = 0; i < b->nitems; i++) {
			if (b->items[i].meal != m)
				continue;
			k = occurrence(b, m, b->items[i].food, i);
			if (grams_of(a, m, b->items[i].food, k) >= 0)
				continue;
			c.food = cat->foods[b->items[i].food].label;
			c.before_g = 0;
			c.after_g = rint(b->items[i].grams);
			n = add(out, max, n, &c);
		}
	}
	return n;
}
