/*
 * shop_list.c - the shopping list one can shop from. See shop_list.h.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fixed_text.h"
#include "shop_list.h"

/* Below this a rounding error, not a part of a piece or pack: 2.0000001
 * packs are 2 packs. */
#define EPS		1e-6
/* By weight, the counter's steps: 50 g up to 1 kg, 100 g above, and
 * never less than 50 g. */
#define WEIGHT_STEP_SMALL	50.0
#define WEIGHT_STEP_LARGE	100.0
#define WEIGHT_STEP_LIMIT	1000.0

/* One shop item being summed. */
struct acc {
	const struct cz_shop_product	*item;	/* NULL: a food no table knows */
	const char			*key, *name;
	double				 eaten_g, use_g;
	const char			**ndbs;
	size_t				 nndbs;
};

#define JOIN_MAX	8	/* parts joined() takes at most */

/* The n parts (NULL: nothing) as one string from a, or NULL when out of
 * memory or n is over JOIN_MAX: the list's phrases are put together
 * without printf, whose format parsing was most of what making a plan's
 * list cost. */
static const char *
joined(cz_arena *a, const char *const *parts, size_t n)
{
	size_t len[JOIN_MAX], total = 0, i, at = 0;
	char *out;

	if (n > JOIN_MAX)
		return NULL;
	for (i = 0; i < n; i++) {
		len[i] = parts[i] != NULL ? strlen(parts[i]) : 0;
		total += len[i];
	}
	if ((out = cz_arena_alloc(a, total + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		memcpy(out + at, parts[i] != NULL ? parts[i] : "", len[i]);
		at += len[i];
	}
	out[at] = '\0';
	return out;
}

/* Grams as a shop writes them: "850 g", "1 kg", "1.2 kg". */
static const char *
grams_text(cz_arena *a, double g)
{
	char w[CZ_INT_TEXT_MAX], f[CZ_INT_TEXT_MAX];
	long long v = llround(g), tenths;

	if (v < 1000)
		return joined(a, (const char *[]){ cz_int_text(w, v), " g" },
		    2);
	tenths = (v + 50) / 100;
	if (tenths % 10 == 0)
		return joined(a, (const char *[]){ cz_int_text(w, tenths / 10),
		    " kg" }, 2);
	return joined(a, (const char *[]){ cz_int_text(w, tenths / 10), ".",
	    cz_int_text(f, tenths % 10), " kg" }, 4);
}

/* "2 cans (400 g)", "1 bunch". */
static const char *
packs_text(cz_arena *a, int n, const struct cz_shop_product *it,
    const struct cz_shop_pack *p)
{
	const char *u = n == 1 ? it->unit : it->units;
	char c[CZ_INT_TEXT_MAX];

	cz_int_text(c, n);
	return p->label != NULL ? joined(a, (const char *[]){ c, " ", u, " (",
	    p->label, ")" }, 6) : joined(a, (const char *[]){ c, " ", u }, 3);
}

/* Whole pieces, or whole boxes of them. */
static int
buy_pieces(cz_arena *a, struct cz_shop_line *l, const struct cz_shop_product *it)
{
	int pieces = (int)ceil(l->use_g / it->piece_g - EPS);
	char box[CZ_INT_TEXT_MAX], c[CZ_INT_TEXT_MAX];

	if (pieces < 1)
		pieces = 1;
	l->pieces = pieces;
	if (it->box > 0) {
		l->count = (pieces + it->box - 1) / it->box;
		l->buy_g = (double)l->count * it->box * it->piece_g;
		cz_int_text(box, it->box);
		l->unit = joined(a, (const char *[]){ "box of ", box }, 2);
		l->buy = joined(a, (const char *[]){ cz_int_text(c, l->count),
		    l->count == 1 ? " box of " : " boxes of ", box }, 3);
		l->use = joined(a, (const char *[]){ "you will use ",
		    cz_int_text(c, pieces), " (", grams_text(a, l->use_g),
		    ")" }, 5);
	} else {
		l->count = pieces;
		l->buy_g = pieces * it->piece_g;
		l->unit = "piece";
		l->buy = joined(a, (const char *[]){ cz_int_text(c, pieces) },
		    1);
		l->use = joined(a, (const char *[]){ "you will use ",
		    grams_text(a, l->use_g) }, 2);
	}
	return l->unit != NULL && l->buy != NULL && l->use != NULL ? 0 : -1;
}

/* Whole packs: as many of the larger size as fill up, and the rest in one
 * pack of the smaller size when it holds the rest, else in one more of the
 * larger. */
static int
buy_packs(cz_arena *a, struct cz_shop_line *l, const struct cz_shop_product *it)
{
	const struct cz_shop_pack *big = &it->packs[0], *small = &it->packs[1];
	double rest;
	int nb, ns = 0;

	nb = (int)floor(l->use_g / big->grams + EPS);
	rest = l->use_g - nb * big->grams;
	if (rest > EPS * big->grams) {
		if (small->grams > 0 && rest <= small->grams)
			ns = 1;
		else
			nb++;
	}
	if (nb + ns == 0)
		nb = 1;
	l->count = nb + ns;
	l->buy_g = nb * big->grams + ns * small->grams;
	l->unit = big->label != NULL ? joined(a, (const char *[]){ it->unit,
	    " (", big->label, ")" }, 4) : it->unit;
	if (nb > 0 && ns > 0)
		l->buy = joined(a, (const char *[]){ packs_text(a, nb, it, big),
		    " + ", packs_text(a, ns, it, small) }, 3);
	else if (nb > 0)
		l->buy = packs_text(a, nb, it, big);
	else
		l->buy = packs_text(a, ns, it, small);
	return l->unit != NULL && l->buy != NULL ? 0 : -1;
}

/* By weight, rounded up to the counter's step. */
static int
buy_weight(cz_arena *a, struct cz_shop_line *l)
{
	double step = l->use_g <= WEIGHT_STEP_LIMIT ? WEIGHT_STEP_SMALL :
	    WEIGHT_STEP_LARGE;

	l->buy_g = fmax(WEIGHT_STEP_SMALL, ceil(l->use_g / step - EPS) * step);
	l->count = 0;
	l->unit = "g";
	l->buy = grams_text(a, l->buy_g);
	return l->buy != NULL ? 0 : -1;
}

/* A plain name for a food no table knows: its name up to the first
 * comma ("tuna in water, drained" -> "tuna in water"). */
static const char *
plain_name(cz_arena *a, const struct cz_shop_use *u)
{
	const char *s = u->name != NULL ? u->name : u->ndb;
	size_t n = strcspn(s, ",");
	char *p;

	if ((p = cz_arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static int
line_cmp(const void *pa, const void *pb)
{
	const struct cz_shop_line *a = pa, *b = pb;
	int c;

	if ((c = strcasecmp(a->name, b->name)) != 0)
		return c;
	return strcmp(a->key, b->key);
}

/* Adds ndb to acc's foods unless it is there. */
static void
add_ndb(struct acc *c, const char *ndb)
{
	size_t i;

	for (i = 0; i < c->nndbs; i++)
		if (strcmp(c->ndbs[i], ndb) == 0)
			return;
	c->ndbs[c->nndbs++] = ndb;
}

/* The index in acc (*nacc entries) of the shop item of input u, whose
 * food is f (NULL: none known), added when new; -1 when out of memory.
 * A known item is found by its address in slot (slots of them, a power of
 * two, more than twice the inputs: open addressing), where a week's 140
 * uses searched its items one by one; the rest by their key, one by one
 * (a food no table knows is rare). */
static long
acc_of(cz_arena *a, const struct cz_shop_use *u, const struct cz_shop_food *f,
    struct acc *acc, size_t *nacc, size_t *slot, size_t slots)
{
	const struct cz_shop_product *it = u->product != NULL &&
	    u->shop_known ? u->product : f != NULL ? cz_shop_product(f->item) :
	    NULL;
	const char *key = NULL;
	size_t j, h = 0;

	if (it != NULL) {
		for (h = ((uintptr_t)it / sizeof(*it)) & (slots - 1);
		    slot[h] != 0 && acc[slot[h] - 1].item != it;
		    h = (h + 1) & (slots - 1))
			continue;
		if (slot[h] != 0)
			return (long)(slot[h] - 1);
		j = *nacc;
	} else {
		if ((key = joined(a, (const char *[]){ "ndb-", u->ndb },
		    2)) == NULL)
			return -1;
		for (j = 0; j < *nacc; j++)
			if (acc[j].item == NULL && strcmp(acc[j].key, key) == 0)
				return (long)j;
	}
	acc[j].item = it;
	acc[j].key = it != NULL ? it->key : key;
	acc[j].name = it != NULL ? it->name : plain_name(a, u);
	if (acc[j].name == NULL)
		return -1;
	if (it != NULL)
		slot[h] = j + 1;
	(*nacc)++;
	return (long)j;
}

/* Sums the inputs by shop item into acc (*nacc of them). */
static int
sum_items(cz_arena *a, const struct cz_shop_use *in, size_t n,
    struct acc *acc, size_t *nacc)
{
	const struct cz_shop_food **food;
	size_t *cap, *slot, i, j, slots;
	long *which;

	*nacc = 0;
	for (slots = 16; slots < 2 * n; slots *= 2)
		continue;
	if ((which = cz_arena_calloc(a, n, sizeof(*which))) == NULL ||
	    (cap = cz_arena_calloc(a, n, sizeof(*cap))) == NULL ||
	    (food = cz_arena_calloc(a, n, sizeof(*food))) == NULL ||
	    (slot = cz_arena_calloc(a, slots, sizeof(*slot))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		which[i] = -1;
		if (in[i].grams <= 0)
			continue;
		food[i] = in[i].shop_known ? in[i].shop :
		    cz_shop_food(in[i].ndb);
		if ((which[i] = acc_of(a, &in[i], food[i], acc, nacc, slot,
		    slots)) == -1)
			return -1;
		cap[which[i]]++;
	}
	for (j = 0; j < *nacc; j++)
		if ((acc[j].ndbs = cz_arena_calloc(a, cap[j],
		    sizeof(char *))) == NULL)
			return -1;
	for (i = 0; i < n; i++) {
		if (which[i] < 0)
			continue;
		j = (size_t)which[i];
		acc[j].eaten_g += in[i].grams;
		acc[j].use_g += in[i].grams * (acc[j].item != NULL ?
		    food[i]->factor : 1);
		add_ndb(&acc[j], in[i].ndb);
		if (!isfinite(acc[j].use_g) || !isfinite(acc[j].eaten_g))
			return -1;
	}
	return 0;
}

/* Sets line l of the summed item c. */
static int
make_line(cz_arena *a, const struct acc *c, struct cz_shop_line *l)
{
	const struct cz_shop_product *it = c->item;
	const char *basis = it != NULL ? it->basis : NULL;
	int rc;

	l->key = c->key;
	l->name = c->name;
	l->aisle = it != NULL ? it->aisle : CZ_AISLE_OTHER;
	l->eaten_g = c->eaten_g;
	l->use_g = c->use_g;
	l->ndbs = c->ndbs;
	l->nndbs = c->nndbs;
	if (it == NULL || it->buy == CZ_BUY_WEIGHT)
		rc = buy_weight(a, l);
	else if (it->buy == CZ_BUY_PIECES)
		rc = buy_pieces(a, l, it);
	else
		rc = buy_packs(a, l, it);
	if (rc == -1)
		return -1;
	if (l->use == NULL)
		l->use = joined(a, (const char *[]){ "you will use ",
		    grams_text(a, l->use_g), basis != NULL ? " " : "",
		    basis }, 4);
	return l->use != NULL ? 0 : -1;
}

int
cz_shop_list(cz_arena *a, const struct cz_shop_use *in, size_t n,
    struct cz_shop_aisle **aisles, size_t *naisles)
{
	size_t count[CZ_AISLE__MAX] = { 0 }, nacc, i, k, g;
	struct cz_shop_line *lines;
	struct cz_shop_aisle *out;
	struct acc *acc;

	*aisles = NULL;
	*naisles = 0;
	for (i = 0; i < n; i++)
		if (in[i].ndb == NULL || !isfinite(in[i].grams) ||
		    in[i].grams < 0)
			return -1;
	if (n == 0)
		return 0;
	if ((acc = cz_arena_calloc(a, n, sizeof(*acc))) == NULL ||
	    sum_items(a, in, n, acc, &nacc) == -1)
		return -1;
	if (nacc == 0)
		return 0;
	if ((lines = cz_arena_calloc(a, nacc, sizeof(*lines))) == NULL)
		return -1;
	for (i = 0; i < nacc; i++) {
		if (make_line(a, &acc[i], &lines[i]) == -1)
			return -1;
		count[lines[i].aisle]++;
	}
	/* Aisle by aisle, then by name: one sort does both. */
	for (g = 0; g < CZ_AISLE__MAX; g++)
		if (count[g] > 0)
			(*naisles)++;
	if ((out = cz_arena_calloc(a, *naisles, sizeof(*out))) == NULL) {
		*naisles = 0;
		return -1;
	}
	for (g = 0, k = 0; g < CZ_AISLE__MAX; g++) {
		if (count[g] == 0)
			continue;
		out[k].aisle = (enum cz_aisle)g;
		out[k].name = cz_aisle_name((int)g);
		out[k].lines = cz_arena_calloc(a, count[g], sizeof(*lines));
		if (out[k].lines == NULL) {
			*naisles = 0;
			return -1;
		}
		for (i = 0; i < nacc; i++)
			if (lines[i].aisle == (enum cz_aisle)g)
				out[k].lines[out[k].nlines++] = lines[i];
		qsort(out[k].lines, out[k].nlines, sizeof(*lines), line_cmp);
		k++;
	}
	*aisles = out;
	return 0;
}
