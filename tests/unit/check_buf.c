/*
 * check_buf.c - unit tests of the growable buffer.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

START_TEST(append_and_printf)
{
	cz_buf b;

	cz_buf_init(&b, 0);
	ck_assert_int_eq(cz_buf_puts(&b, "abc"), 0);
	ck_assert_int_eq(cz_buf_putc(&b, '-'), 0);
	ck_assert_int_eq(cz_buf_printf(&b, "%d/%s", 7, "x"), 0);
	ck_assert_str_eq(b.data, "abc-7/x");
	ck_assert_uint_eq(b.len, 7);
	cz_buf_free(&b);
}
END_TEST

START_TEST(binary_safe)
{
	cz_buf b;

	cz_buf_init(&b, 0);
	ck_assert_int_eq(cz_buf_append(&b, "a\0b", 3), 0);
	ck_assert_uint_eq(b.len, 3);
	ck_assert_int_eq(memcmp(b.data, "a\0b", 3), 0);
	cz_buf_free(&b);
}
END_TEST

/* Room asked for, written in place and committed, within the cap. */
START_TEST(room_then_commit)
{
	cz_buf b;
	char *d;

	cz_buf_init(&b, 12);
	ck_assert_int_eq(cz_buf_puts(&b, "ab"), 0);
	ck_assert_ptr_nonnull(d = cz_buf_room(&b, 8));
	memcpy(d, "cdefgh", 6);
	cz_buf_commit(&b, 6);
	ck_assert_str_eq(b.data, "abcdefgh");
	ck_assert_uint_eq(b.len, 8);
	ck_assert_ptr_null(cz_buf_room(&b, 5));
	ck_assert_str_eq(b.data, "abcdefgh");
	ck_assert_ptr_nonnull(cz_buf_room(&b, 4));
	cz_buf_commit(&b, 0);
	ck_assert_str_eq(b.data, "abcdefgh");
	cz_buf_free(&b);
}
END_TEST

START_TEST(cap_is_enforced_and_buffer_unchanged)
{
	cz_buf b;

	cz_buf_init(&b, 10);
	ck_assert_int_eq(cz_buf_puts(&b, "0123456789"), 0);
	ck_assert_int_eq(cz_buf_putc(&b, 'x'), -1);
	ck_assert_int_eq(cz_buf_printf(&b, "%s", "y"), -1);
	ck_assert_str_eq(b.data, "0123456789");
	cz_buf_free(&b);
}
END_TEST

START_TEST(grows_large_and_trims)
{
	cz_buf b;
	int i;

	cz_buf_init(&b, 0);
	for (i = 0; i < 100000; i++)
		ck_assert_int_eq(cz_buf_puts(&b, "0123456789"), 0);
	ck_assert_uint_eq(b.len, 1000000);
	cz_buf_trim(&b, 4096);
	ck_assert_uint_eq(b.cap, 0);
	ck_assert_int_eq(cz_buf_puts(&b, "ok"), 0);
	cz_buf_trim(&b, 4096);
	ck_assert_uint_gt(b.cap, 0);
	ck_assert_uint_eq(b.len, 0);
	cz_buf_free(&b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, append_and_printf);
	tcase_add_test(tc, binary_safe);
	tcase_add_test(tc, room_then_commit);
	tcase_add_test(tc, cap_is_enforced_and_buffer_unchanged);
	tcase_add_test(tc, grows_large_and_trims);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
