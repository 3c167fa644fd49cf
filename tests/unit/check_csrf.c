/*
 * check_csrf.c - unit tests of CSRF token masking (lib/csrf.h): every
 * masked form differs and unmasks to the secret; anything malformed is
 * refused.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "csrf.h"
#include "token.h"

#define SECRET "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_8"

START_TEST(mask_round_trip)
{
	char a[CZ_CSRF_MASKED_LEN + 1], b[CZ_CSRF_MASKED_LEN + 1];
	char sa[CZ_CSRF_SECRET_LEN + 1], sb[CZ_CSRF_SECRET_LEN + 1];

	ck_assert_uint_eq(strlen(SECRET), CZ_CSRF_SECRET_LEN);
	ck_assert_int_eq(cz_csrf_mask(SECRET, a), 0);
	ck_assert_int_eq(cz_csrf_mask(SECRET, b), 0);
	ck_assert_uint_eq(strlen(a), CZ_CSRF_MASKED_LEN);
	ck_assert_uint_eq(strlen(b), CZ_CSRF_MASKED_LEN);
	/* two responses never carry the same bytes, nor the secret */
	ck_assert_str_ne(a, b);
	ck_assert_ptr_null(strstr(a, SECRET));
	ck_assert_int_eq(cz_csrf_unmask(a, strlen(a), sa), 0);
	ck_assert_int_eq(cz_csrf_unmask(b, strlen(b), sb), 0);
	ck_assert_str_eq(sa, SECRET);
	ck_assert_str_eq(sb, SECRET);
}
END_TEST

START_TEST(mask_many_differ)
{
	char prev[CZ_CSRF_MASKED_LEN + 1], cur[CZ_CSRF_MASKED_LEN + 1];
	char s[CZ_CSRF_SECRET_LEN + 1];
	int i;

	ck_assert_int_eq(cz_csrf_mask(SECRET, prev), 0);
	for (i = 0; i < 1000; i++) {
		ck_assert_int_eq(cz_csrf_mask(SECRET, cur), 0);
		ck_assert_str_ne(prev, cur);
		ck_assert_int_eq(cz_csrf_unmask(cur, CZ_CSRF_MASKED_LEN, s), 0);
		ck_assert_str_eq(s, SECRET);
		memcpy(prev, cur, sizeof(cur));
	}
}
END_TEST

START_TEST(mask_refuses_bad_secret)
{
	char out[CZ_CSRF_MASKED_LEN + 1];

	ck_assert_int_eq(cz_csrf_mask(NULL, out), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(cz_csrf_mask("short", out), -1);
	ck_assert_int_eq(cz_csrf_mask(SECRET "x", out), -1);
	ck_assert_int_eq(cz_csrf_mask("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_=",
	    out), -1);
}
END_TEST

START_TEST(unmask_refuses_malformed)
{
	char tok[CZ_CSRF_MASKED_LEN + 2], s[CZ_CSRF_SECRET_LEN + 1];
	char bad[CZ_CSRF_MASKED_LEN + 1];
	unsigned char raw[CZ_CSRF_RAW_LEN];

	ck_assert_int_eq(cz_csrf_mask(SECRET, tok), 0);
	/* the bare secret (what responses carried before) */
	ck_assert_int_eq(cz_csrf_unmask(SECRET, strlen(SECRET), s), -1);
	ck_assert_str_eq(s, "");
	ck_assert_int_eq(cz_csrf_unmask(NULL, 0, s), -1);
	ck_assert_int_eq(cz_csrf_unmask("", 0, s), -1);
	/* one character short, one too many */
	ck_assert_int_eq(cz_csrf_unmask(tok, CZ_CSRF_MASKED_LEN - 1, s), -1);
	strcpy(tok + CZ_CSRF_MASKED_LEN, "A");
	ck_assert_int_eq(cz_csrf_unmask(tok, CZ_CSRF_MASKED_LEN + 1, s), -1);
	tok[CZ_CSRF_MASKED_LEN] = '\0';
	/* a character outside base64url, and padding */
	memcpy(bad, tok, sizeof(bad));
	bad[10] = '+';
	ck_assert_int_eq(cz_csrf_unmask(bad, CZ_CSRF_MASKED_LEN, s), -1);
	bad[10] = '=';
	ck_assert_int_eq(cz_csrf_unmask(bad, CZ_CSRF_MASKED_LEN, s), -1);
	bad[10] = '\0';
	ck_assert_int_eq(cz_csrf_unmask(bad, CZ_CSRF_MASKED_LEN, s), -1);
	/* non-canonical: bits beyond the data in the last character */
	memcpy(bad, tok, sizeof(bad));
	bad[CZ_CSRF_MASKED_LEN - 1] = bad[CZ_CSRF_MASKED_LEN - 1] == 'B' ?
	    'C' : 'B';
	ck_assert_int_eq(cz_csrf_unmask(bad, CZ_CSRF_MASKED_LEN, s), -1);
	/* well-formed, but what it hides is not a token (a zero pad over
	 * bytes that are not base64url) */
	memset(raw, 0, sizeof(raw));
	memset(raw + CZ_CSRF_SECRET_LEN, '!', CZ_CSRF_SECRET_LEN);
	cz_base64url_encode(raw, sizeof(raw), bad);
	ck_assert_int_eq(cz_csrf_unmask(bad, CZ_CSRF_MASKED_LEN, s), -1);
	ck_assert_str_eq(s, "");
	/* a hand-made mask with a zero pad is fine: the secret itself */
	memcpy(raw + CZ_CSRF_SECRET_LEN, SECRET, CZ_CSRF_SECRET_LEN);
	cz_base64url_encode(raw, sizeof(raw), bad);
	ck_assert_int_eq(cz_csrf_unmask(bad, CZ_CSRF_MASKED_LEN, s), 0);
	ck_assert_str_eq(s, SECRET);
}
END_TEST

static Suite *
csrf_suite(void)
{
	Suite *s = suite_create("csrf");
	TCase *tc = tcase_create("mask");

	tcase_add_test(tc, mask_round_trip);
	tcase_add_test(tc, mask_many_differ);
	tcase_add_test(tc, mask_refuses_bad_secret);
	tcase_add_test(tc, unmask_refuses_malformed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(csrf_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
