/*
 * key_cache.h - API keys a responder has looked up in the last second,
 * so that a client sending many requests with one key costs PostgreSQL
 * one lookup a second per worker instead of one a request.
 *
 * An entry is the key's account as the lookup read it, keyed by the
 * key's SHA-256 (never the key). It is used for at most
 * CZ_KEY_CACHE_TTL_S, and not at all after cz_key_cache_forget_all,
 * which the responder calls when PostgreSQL notifies a change of keys or
 * accounts (sql/039), when its connection is new (notifications sent
 * meanwhile were missed) and when it has added its requests of the day
 * to the database (the entry's count would then leave them out).
 * Unknown and revoked keys are never kept: a new key works at once, and
 * a wrong one costs a lookup each time, as before.
 *
 * A fixed table, one entry a slot (a key whose slot another took is
 * looked up again): its memory is bounded and allocated once.
 */
#ifndef CZ_KEY_CACHE_H
#define CZ_KEY_CACHE_H

#include "token.h"	/* CZ_SHA256_HEX */
#include "validate.h"	/* CZ_EMAIL_MAX */

#define CZ_KEY_CACHE_SLOTS	512
#define CZ_KEY_CACHE_TTL_S	1.0

/* What a key's lookup read: the key, its account, its requests today. */
struct cz_key_ident {
	long long	 key_id;
	long long	 user_id;
	long long	 used;		/* requests today, as in the database */
	int		 is_admin;
	int		 verified;
	int		 legal_ok;
	char		 email[CZ_EMAIL_MAX + 1];
	char		 tier[16];
	char		 scopes[64];
};

struct cz_key_cache;

/* A cache with every slot free, or NULL when out of memory. */
struct cz_key_cache *cz_key_cache_new(void);
void cz_key_cache_free(struct cz_key_cache *c);

/*
 * The entry for hash (CZ_SHA256_HEX hex digits) kept less than
 * CZ_KEY_CACHE_TTL_S before now (cz_clock_s()) and since the last
 * forget_all, or NULL. The pointer is valid until the next put or free.
 */
const struct cz_key_ident *cz_key_cache_get(struct cz_key_cache *c,
    const char *hash, double now);

/* Keeps id for hash, read at now, in its slot. */
void cz_key_cache_put(struct cz_key_cache *c, const char *hash, double now,
    const struct cz_key_ident *id);

/* Forgets every entry. */
void cz_key_cache_forget_all(struct cz_key_cache *c);

/* Lookups answered and not answered, and forget_all calls, since new. */
void cz_key_cache_counts(const struct cz_key_cache *c, unsigned long *hits,
    unsigned long *misses, unsigned long *forgets);

#endif
