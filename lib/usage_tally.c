/*
 * usage_tally.c - API key counts held by a responder until they are added
 * to the database together. See usage_tally.h.
 */
#include "config.h"

#include <stdlib.h>

#include "usage_tally.h"

static struct cz_tally_entry *
find(struct cz_usage_tally *t, long long key_id, long day)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].key_id == key_id && t->e[i].day == day)
			return &t->e[i];
	return NULL;
}

int
cz_tally_add(struct cz_usage_tally *t, long long key_id, long day,
    long long requests, long long plans, long long videos, double now)
{
	struct cz_tally_entry *e;

	if ((e = find(t, key_id, day)) == NULL) {
		if (t->n == CZ_TALLY_MAX)
			return -1;
		if (t->n == 0)
			t->oldest = now;
		e = &t->e[t->n++];
		e->key_id = key_id;
		e->day = day;
		e->requests = e->plans = e->videos = 0;
	}
	e->requests += requests;
	e->plans += plans;
	e->videos += videos;
	return 0;
}

long long
cz_tally_requests(const struct cz_usage_tally *t, long long key_id, long day)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->e[i].key_id == key_id && t->e[i].day == day)
			return t->e[i].requests;
	return 0;
}

double
cz_tally_due_in(const struct cz_usage_tally *t, double now)
{
	double left;

	if (t->n == 0)
		return -1.0;
	left = t->oldest + CZ_TALLY_FLUSH_S - now;
	return left > 0.0 ? left : 0.0;
}

static int
by_key_and_day(const void *a, const void *b)
{
	const struct cz_tally_entry *x = a, *y = b;

	if (x->key_id != y->key_id)
		return (x->key_id > y->key_id) - (x->key_id < y->key_id);
	return (x->day > y->day) - (x->day < y->day);
}

int
cz_tally_arrays(struct cz_usage_tally *t, cz_buf out[5])
{
	const struct cz_tally_entry *e;
	int i, j, err = 0;

	qsort(t->e, (size_t)t->n, sizeof(t->e[0]), by_key_and_day);
	for (j = 0; j < 5; j++) {
		cz_buf_reset(&out[j]);
		err |= cz_buf_putc(&out[j], '{');
	}
	for (i = 0; i < t->n; i++) {
		e = &t->e[i];
		err |= cz_buf_printf(&out[0], "%s%lld", i ? "," : "", e->key_id);
		err |= cz_buf_printf(&out[1], "%s%ld", i ? "," : "", e->day);
		err |= cz_buf_printf(&out[2], "%s%lld", i ? "," : "",
		    e->requests);
		err |= cz_buf_printf(&out[3], "%s%lld", i ? "," : "", e->plans);
		err |= cz_buf_printf(&out[4], "%s%lld", i ? "," : "", e->videos);
	}
	for (j = 0; j < 5; j++)
		err |= cz_buf_putc(&out[j], '}');
	return err ? -1 : 0;
}

void
cz_tally_clear(struct cz_usage_tally *t)
{
	t->n = 0;
}

void
cz_tally_retry_later(struct cz_usage_tally *t, double now)
{
	t->oldest = now;
}
