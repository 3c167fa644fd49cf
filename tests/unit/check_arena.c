/*
 * check_arena.c - unit tests of the per-request arena.
 */
#include "config.h"

#include <check.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static int destroyed[4];
static int order[4], norder;

static void
destroy(void *p)
{
	int i = *(int *)p;

	destroyed[i]++;
	order[norder++] = i;
	free(p);
}

START_TEST(alloc_is_aligned_and_usable)
{
	cz_arena *a = cz_arena_new(256);
	size_t i;
	char *p;

	ck_assert_ptr_nonnull(a);
	for (i = 1; i < 2000; i += 7) {
		p = cz_arena_alloc(a, i);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % alignof(max_align_t), 0);
		memset(p, 0xab, i);
	}
	cz_arena_free(a);
}
END_TEST

START_TEST(big_alloc_gets_own_chunk)
{
	cz_arena *a = cz_arena_new(1024);
	char *big = cz_arena_alloc(a, 1 << 20);

	ck_assert_ptr_nonnull(big);
	memset(big, 1, 1 << 20);
	ck_assert_uint_ge(cz_arena_used(a), 1 << 20);
	cz_arena_reset(a);
	ck_assert_uint_eq(cz_arena_used(a), 0);
	ck_assert_ptr_nonnull(cz_arena_alloc(a, 10));
	cz_arena_free(a);
}
END_TEST

START_TEST(strings)
{
	cz_arena *a = cz_arena_new(64);
	char long_s[300], *p;
	int n;

	ck_assert_str_eq(cz_arena_strdup(a, "hello"), "hello");
	ck_assert_str_eq(cz_arena_strndup(a, "hello", 3), "hel");
	ck_assert_str_eq(cz_arena_printf(a, "%d-%s", 42, "x"), "42-x");
	/* around the 256 bytes formatted on the stack first */
	for (n = 250; n <= 262; n++) {
		memset(long_s, 'a' + n % 26, (size_t)n);
		long_s[n] = '\0';
		p = cz_arena_printf(a, "%s|%d", long_s, n);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq(strlen(p), (size_t)n + 4);
		ck_assert_int_eq(strncmp(p, long_s, (size_t)n), 0);
		ck_assert_int_eq(atoi(p + n + 1), n);
	}
	cz_arena_free(a);
}
END_TEST

START_TEST(deferred_run_lifo_at_reset)
{
	cz_arena *a = cz_arena_new(64);
	int i, *p;

	memset(destroyed, 0, sizeof(destroyed));
	norder = 0;
	for (i = 0; i < 3; i++) {
		p = malloc(sizeof(*p));
		*p = i;
		ck_assert_int_eq(cz_arena_defer(a, destroy, p), 0);
	}
	ck_assert_int_eq(destroyed[0] + destroyed[1] + destroyed[2], 0);
	cz_arena_reset(a);
	ck_assert_int_eq(norder, 3);
	ck_assert_int_eq(order[0], 2);
	ck_assert_int_eq(order[2], 0);
	/* A second reset runs nothing again. */
	cz_arena_reset(a);
	ck_assert_int_eq(norder, 3);
	cz_arena_free(a);
}
END_TEST

START_TEST(limit_refuses_and_defer_still_cleans)
{
	cz_arena *a = cz_arena_new(256);
	int *p;

	cz_arena_set_limit(a, 1000);
	ck_assert_ptr_nonnull(cz_arena_alloc(a, 500));
	ck_assert_ptr_null(cz_arena_alloc(a, 600));
	ck_assert_ptr_null(cz_arena_calloc(a, SIZE_MAX / 2, 4));
	memset(destroyed, 0, sizeof(destroyed));
	norder = 0;
	ck_assert_ptr_nonnull(cz_arena_alloc(a, 480));
	p = malloc(sizeof(*p));
	*p = 3;
	/* No room for the record: the object is released at once. */
	ck_assert_int_eq(cz_arena_defer(a, destroy, p), -1);
	ck_assert_int_eq(destroyed[3], 1);
	cz_arena_free(a);
}
END_TEST

START_TEST(reset_many_times_stays_bounded)
{
	cz_arena *a = cz_arena_new(4096);
	int round, i;

	for (round = 0; round < 1000; round++) {
		for (i = 0; i < 50; i++)
			ck_assert_ptr_nonnull(cz_arena_alloc(a, 300));
		cz_arena_reset(a);
		ck_assert_uint_eq(cz_arena_used(a), 0);
	}
	cz_arena_free(a);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, alloc_is_aligned_and_usable);
	tcase_add_test(tc, big_alloc_gets_own_chunk);
	tcase_add_test(tc, strings);
	tcase_add_test(tc, deferred_run_lifo_at_reset);
	tcase_add_test(tc, limit_refuses_and_defer_still_cleans);
	tcase_add_test(tc, reset_many_times_stays_bounded);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
