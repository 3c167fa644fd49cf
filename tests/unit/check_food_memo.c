/*
 * check_food_memo.c - unit tests of the memo of a food's texts at a
 * weight (lib/food_memo.h): its keys, what it hands back, its bounds.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "food_memo.h"

START_TEST(keys_are_whole_grams_in_range)
{
	ck_assert_int_ge(cz_food_memo_key(0, 0), 0);
	ck_assert_int_ge(cz_food_memo_key(7, 150), 0);
	ck_assert_int_ne(cz_food_memo_key(7, 150), cz_food_memo_key(8, 150));
	ck_assert_int_ne(cz_food_memo_key(7, 150), cz_food_memo_key(7, 151));
	ck_assert_int_eq(cz_food_memo_key(7, 150.5), -1);
	ck_assert_int_eq(cz_food_memo_key(7, -1), -1);
	ck_assert_int_eq(cz_food_memo_key(7, 100001), -1);
	ck_assert_int_eq(cz_food_memo_key(7, 0.0 / 0.0), -1);
}
END_TEST

START_TEST(kept_texts_come_back_and_stay)
{
	struct cz_food_memo *m = cz_food_memo_new();
	struct cz_food_texts in, out, again;
	long long k1 = cz_food_memo_key(1, 100), k2 = cz_food_memo_key(2, 5);

	ck_assert_ptr_nonnull(m);
	ck_assert(!cz_food_memo_find(m, k1, &out));
	ck_assert(!cz_food_memo_find(NULL, k1, &out));
	in.item = "{\"ndb\":\"01123\"}";
	in.item_len = strlen(in.item);
	in.amount = "2 eggs";
	ck_assert_int_eq(cz_food_memo_keep(m, k1, &in), 0);
	ck_assert_int_eq(cz_food_memo_keep(m, k1, &in), -1);	/* once */
	in.item = "{\"ndb\":\"02001\"}";
	in.amount = NULL;
	ck_assert_int_eq(cz_food_memo_keep(m, k2, &in), 0);
	ck_assert_int_eq(cz_food_memo_keep(m, -1, &in), -1);
	ck_assert(cz_food_memo_find(m, k1, &out));
	ck_assert_uint_eq(out.item_len, strlen("{\"ndb\":\"01123\"}"));
	ck_assert(memcmp(out.item, "{\"ndb\":\"01123\"}", out.item_len) == 0);
	ck_assert_str_eq(out.amount, "2 eggs");
	ck_assert(cz_food_memo_find(m, k2, &again));
	ck_assert_ptr_null(again.amount);
	/* where find pointed stays as it was after more keeps */
	in.amount = "1 cup";
	ck_assert_int_eq(cz_food_memo_keep(m, cz_food_memo_key(3, 1), &in),
	    0);
	ck_assert(memcmp(out.item, "{\"ndb\":\"01123\"}", out.item_len) == 0);
	ck_assert_str_eq(out.amount, "2 eggs");
	cz_food_memo_free(m);
	cz_food_memo_free(NULL);
}
END_TEST

/* Half its slots, or its bytes of text, and it keeps nothing more; what
 * it kept is still found. */
START_TEST(a_full_memo_keeps_nothing_more)
{
	struct cz_food_memo *m = cz_food_memo_new();
	struct cz_food_texts in, out;
	char *big;
	size_t i;

	ck_assert_ptr_nonnull(m);
	in.item = "{}";
	in.item_len = 2;
	in.amount = NULL;
	for (i = 0; i < CZ_FOOD_MEMO_SLOTS / 2; i++)
		ck_assert_int_eq(cz_food_memo_keep(m, cz_food_memo_key(i / 1000,
		    (double)(i % 1000)), &in), 0);
	ck_assert_int_eq(cz_food_memo_keep(m, cz_food_memo_key(9999, 1), &in),
	    -1);
	for (i = 0; i < CZ_FOOD_MEMO_SLOTS / 2; i += 97)
		ck_assert(cz_food_memo_find(m, cz_food_memo_key(i / 1000,
		    (double)(i % 1000)), &out));
	ck_assert(!cz_food_memo_find(m, cz_food_memo_key(9999, 1), &out));
	cz_food_memo_free(m);

	m = cz_food_memo_new();
	ck_assert_ptr_nonnull(m);
	big = malloc(CZ_FOOD_MEMO_BYTES / 2 + 1);
	ck_assert_ptr_nonnull(big);
	memset(big, 'x', CZ_FOOD_MEMO_BYTES / 2 + 1);
	in.item = big;
	in.item_len = CZ_FOOD_MEMO_BYTES / 2 + 1;
	ck_assert_int_eq(cz_food_memo_keep(m, cz_food_memo_key(1, 1), &in), 0);
	ck_assert_int_eq(cz_food_memo_keep(m, cz_food_memo_key(1, 2), &in),
	    -1);
	ck_assert(!cz_food_memo_find(m, cz_food_memo_key(1, 2), &out));
	in.item_len = 2;
	ck_assert_int_eq(cz_food_memo_keep(m, cz_food_memo_key(1, 3), &in), 0);
	free(big);
	cz_food_memo_free(m);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("food_memo");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, keys_are_whole_grams_in_range);
	tcase_add_test(tc, kept_texts_come_back_and_stay);
	tcase_add_test(tc, a_full_memo_keeps_nothing_more);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
