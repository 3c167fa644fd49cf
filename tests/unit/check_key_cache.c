/*
 * check_key_cache.c - unit tests of the API keys a worker keeps
 * (lib/key_cache.h): a key is found only by its whole hash, for less than
 * CZ_KEY_CACHE_TTL_S, and not after forget_all; two keys in one slot
 * take turns; the counts say what was found.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "key_cache.h"

/* A 64-digit hash from a number (its first digits differ). */
static void
hash_of(unsigned n, char out[CZ_SHA256_HEX + 1])
{
	int i;

	(void)snprintf(out, CZ_SHA256_HEX + 1, "%08x", n);
	for (i = 8; i < CZ_SHA256_HEX; i++)
		out[i] = "0123456789abcdef"[(n + (unsigned)i) % 16];
	out[CZ_SHA256_HEX] = '\0';
}

static struct cz_key_ident
ident(long long key_id)
{
	struct cz_key_ident id;

	memset(&id, 0, sizeof(id));
	id.key_id = key_id;
	id.user_id = key_id * 10;
	id.used = 7;
	id.verified = 1;
	(void)snprintf(id.email, sizeof(id.email), "k%lld@example.org", key_id);
	(void)snprintf(id.tier, sizeof(id.tier), "premium");
	(void)snprintf(id.scopes, sizeof(id.scopes), "plans:read");
	return id;
}

START_TEST(found_by_its_whole_hash_for_a_second)
{
	struct cz_key_cache *c = cz_key_cache_new();
	struct cz_key_ident id = ident(3);
	const struct cz_key_ident *got;
	char h[CZ_SHA256_HEX + 1], other[CZ_SHA256_HEX + 1];
	unsigned long hits, misses, forgets;

	ck_assert_ptr_nonnull(c);
	hash_of(42, h);
	ck_assert_ptr_null(cz_key_cache_get(c, h, 100.0));
	cz_key_cache_put(c, h, 100.0, &id);
	got = cz_key_cache_get(c, h, 100.5);
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(got->key_id, 3);
	ck_assert_int_eq(got->user_id, 30);
	ck_assert_int_eq(got->used, 7);
	ck_assert_str_eq(got->email, "k3@example.org");
	ck_assert_str_eq(got->tier, "premium");
	/* the same first digits, another hash: not this key */
	memcpy(other, h, sizeof(other));
	other[CZ_SHA256_HEX - 1] = other[CZ_SHA256_HEX - 1] == 'a' ? 'b' : 'a';
	ck_assert_ptr_null(cz_key_cache_get(c, other, 100.5));
	/* a second after it was read, or a clock before it: looked up again */
	ck_assert_ptr_null(cz_key_cache_get(c, h, 100.0 + CZ_KEY_CACHE_TTL_S));
	ck_assert_ptr_null(cz_key_cache_get(c, h, 99.0));
	cz_key_cache_counts(c, &hits, &misses, &forgets);
	ck_assert_uint_eq(hits, 1);
	ck_assert_uint_eq(misses, 4);
	ck_assert_uint_eq(forgets, 0);
	cz_key_cache_free(c);
}
END_TEST

START_TEST(forget_all_forgets_every_key)
{
	struct cz_key_cache *c = cz_key_cache_new();
	struct cz_key_ident id;
	char h[CZ_SHA256_HEX + 1];
	unsigned long hits, misses, forgets;
	unsigned n;

	ck_assert_ptr_nonnull(c);
	for (n = 0; n < 100; n++) {
		hash_of(n * 7919, h);
		id = ident(n + 1);
		cz_key_cache_put(c, h, 10.0, &id);
	}
	cz_key_cache_forget_all(c);
	for (n = 0; n < 100; n++) {
		hash_of(n * 7919, h);
		ck_assert_ptr_null(cz_key_cache_get(c, h, 10.1));
	}
	/* kept again after the forgetting: found again */
	hash_of(5 * 7919, h);
	id = ident(6);
	cz_key_cache_put(c, h, 10.2, &id);
	ck_assert_ptr_nonnull(cz_key_cache_get(c, h, 10.3));
	cz_key_cache_counts(c, &hits, &misses, &forgets);
	ck_assert_uint_eq(hits, 1);
	ck_assert_uint_eq(forgets, 1);
	cz_key_cache_free(c);
}
END_TEST

START_TEST(keys_of_one_slot_take_turns)
{
	struct cz_key_cache *c = cz_key_cache_new();
	struct cz_key_ident a = ident(1), b = ident(2);
	const struct cz_key_ident *got;
	char ha[CZ_SHA256_HEX + 1], hb[CZ_SHA256_HEX + 1];
	unsigned n;

	ck_assert_ptr_nonnull(c);
	/* find two hashes of one slot: more hashes than slots */
	hash_of(0, ha);
	cz_key_cache_put(c, ha, 1.0, &a);
	for (n = 1; n < 64 * CZ_KEY_CACHE_SLOTS; n++) {
		hash_of(n, hb);
		cz_key_cache_put(c, hb, 1.0, &b);
		if (cz_key_cache_get(c, ha, 1.0) == NULL)
			break;
	}
	ck_assert_uint_lt(n, 64 * CZ_KEY_CACHE_SLOTS);
	got = cz_key_cache_get(c, hb, 1.0);
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(got->key_id, 2);
	cz_key_cache_put(c, ha, 1.0, &a);
	ck_assert_ptr_null(cz_key_cache_get(c, hb, 1.0));
	got = cz_key_cache_get(c, ha, 1.0);
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(got->key_id, 1);
	cz_key_cache_free(c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("key_cache");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, found_by_its_whole_hash_for_a_second);
	tcase_add_test(tc, forget_all_forgets_every_key);
	tcase_add_test(tc, keys_of_one_slot_take_turns);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
