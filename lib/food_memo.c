/*
 * food_memo.c - the texts of a food at a weight, kept. See food_memo.h.
 *
 * An open-addressing table of CZ_FOOD_MEMO_SLOTS slots (linear probing,
 * never more than half full) over one block of text allocated at the
 * first keep and never moved, so that what find hands out stays where it
 * is. Both are allocated whole but touched only as they fill: the pages
 * a process never writes cost it nothing.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "food_memo.h"

#define GRAMS_MAX	100000

struct slot {
	long long	 key;		/* the key plus one; 0: empty */
	uint32_t	 item;		/* offsets in the text */
	uint32_t	 item_len;
	int32_t		 amount;	/* -1: none */
};

struct cz_food_memo {
	struct slot	*slots;
	char		*text;
	size_t		 used;		/* bytes of text */
	size_t		 count;		/* slots in use */
};

struct cz_food_memo *
cz_food_memo_new(void)
{
	return calloc(1, sizeof(struct cz_food_memo));
}

void
cz_food_memo_free(struct cz_food_memo *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->text);
	free(m);
}

long long
cz_food_memo_key(size_t food, double grams)
{
	if (!(grams >= 0 && grams <= GRAMS_MAX) || grams != floor(grams) ||
	    food > (size_t)INT32_MAX)
		return -1;
	return (long long)food * (GRAMS_MAX + 1) + (long long)grams;
}

/* The slot key is in or would go in. */
static size_t
slot_of(const struct cz_food_memo *m, long long key)
{
	/* Fibonacci hashing: the keys are dense runs of small numbers */
	size_t i = (size_t)(((uint64_t)key * 0x9e3779b97f4a7c15ULL) >>
	    (64 - CZ_FOOD_MEMO_SLOT_BITS));

	while (m->slots[i].key != 0 && m->slots[i].key != key + 1)
		i = (i + 1) & (CZ_FOOD_MEMO_SLOTS - 1);
	return i;
}

int
cz_food_memo_find(const struct cz_food_memo *m, long long key,
    struct cz_food_texts *t)
{
	const struct slot *s;

	if (m == NULL || m->slots == NULL || key < 0)
		return 0;
	s = &m->slots[slot_of(m, key)];
	if (s->key == 0)
		return 0;
	t->item = m->text + s->item;
	t->item_len = s->item_len;
	t->amount = s->amount < 0 ? NULL : m->text + s->amount;
	return 1;
}

int
cz_food_memo_keep(struct cz_food_memo *m, long long key,
    const struct cz_food_texts *t)
{
	struct slot *s;
	size_t alen, need;

	if (m == NULL || key < 0 || m->count >= CZ_FOOD_MEMO_SLOTS / 2)
		return -1;
	alen = t->amount != NULL ? strlen(t->amount) + 1 : 0;
	need = t->item_len + alen;
	if (need > CZ_FOOD_MEMO_BYTES - m->used)
		return -1;
	if (m->slots == NULL) {
		if ((m->slots = calloc(CZ_FOOD_MEMO_SLOTS,
		    sizeof(*m->slots))) == NULL)
			return -1;
		if ((m->text = malloc(CZ_FOOD_MEMO_BYTES)) == NULL) {
			free(m->slots);
			m->slots = NULL;
			return -1;
		}
	}
	s = &m->slots[slot_of(m, key)];
	if (s->key != 0)
		return -1;	/* kept already */
	s->key = key + 1;
	s->item = (uint32_t)m->used;
	s->item_len = (uint32_t)t->item_len;
	memcpy(m->text + m->used, t->item, t->item_len);
	m->used += t->item_len;
	s->amount = -1;
	if (t->amount != NULL) {
		s->amount = (int32_t)m->used;
		memcpy(m->text + m->used, t->amount, alen);
		m->used += alen;
	}
	m->count++;
	return 0;
}
