/*
 * key_cache.c - API keys looked up in the last second (see key_cache.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "key_cache.h"

struct entry {
	char			 hash[CZ_SHA256_HEX];	/* not terminated */
	unsigned long		 epoch;		/* 0: free */
	double			 read_at;
	struct cz_key_ident	 id;
};

struct cz_key_cache {
	struct entry	 slot[CZ_KEY_CACHE_SLOTS];
	/* Entries of an older epoch are forgotten: forget_all is one
	 * increment, not a sweep of the table. Starts at 1. */
	unsigned long	 epoch;
	unsigned long	 hits, misses, forgets;
};

/* The slot of a hash: its first hex digits, already uniform. */
static size_t
slot_of(const char *hash)
{
	size_t h = 0;
	int i;

	for (i = 0; i < 8; i++)
		h = h * 31 + (unsigned char)hash[i];
	return h % CZ_KEY_CACHE_SLOTS;
}

struct cz_key_cache *
cz_key_cache_new(void)
{
	struct cz_key_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->epoch = 1;
	return c;
}

void
cz_key_cache_free(struct cz_key_cache *c)
{
	free(c);
}

const struct cz_key_ident *
cz_key_cache_get(struct cz_key_cache *c, const char *hash, double now)
{
	struct entry *e = &c->slot[slot_of(hash)];

	if (e->epoch == c->epoch && memcmp(e->hash, hash, CZ_SHA256_HEX) == 0 &&
	    now >= e->read_at && now - e->read_at < CZ_KEY_CACHE_TTL_S) {
		c->hits++;
		return &e->id;
	}
	c->misses++;
	return NULL;
}

void
cz_key_cache_put(struct cz_key_cache *c, const char *hash, double now,
    const struct cz_key_ident *id)
{
	struct entry *e = &c->slot[slot_of(hash)];

	memcpy(e->hash, hash, CZ_SHA256_HEX);
	e->epoch = c->epoch;
	e->read_at = now;
	e->id = *id;
}

void
cz_key_cache_forget_all(struct cz_key_cache *c)
{
	c->epoch++;
	c->forgets++;
}

void
cz_key_cache_counts(const struct cz_key_cache *c, unsigned long *hits,
    unsigned long *misses, unsigned long *forgets)
{
	*hits = c->hits;
	*misses = c->misses;
	*forgets = c->forgets;
}
