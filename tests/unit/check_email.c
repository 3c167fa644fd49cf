/*
 * check_email.c - unit tests of e-mail address normalisation.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "email.h"

static int
norm(const char *in, char *out)
{
	return cz_email_normalize(in, strlen(in), out, CZ_EMAIL_MAX + 1);
}

START_TEST(trims_and_lowercases)
{
	char out[CZ_EMAIL_MAX + 1];

	ck_assert_int_eq(norm("  Ann.Lee@Example.ORG \t\n", out), 19);
	ck_assert_str_eq(out, "ann.lee@example.org");
	ck_assert_int_eq(norm("a+tag@b.co", out), 10);
	ck_assert_str_eq(out, "a+tag@b.co");
	/* Non-ASCII bytes are kept as they are. */
	ck_assert_int_gt(norm("J\xc3\xb6rg@Example.de", out), 0);
	ck_assert_str_eq(out, "j\xc3\xb6rg@example.de");
}
END_TEST

START_TEST(refuses_non_addresses)
{
	char out[CZ_EMAIL_MAX + 1], big[300];

	ck_assert_int_eq(norm("", out), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(norm("   ", out), -1);
	ck_assert_int_eq(norm("no-at-sign.example", out), -1);
	ck_assert_int_eq(norm("two@@example.org", out), -1);
	ck_assert_int_eq(norm("a@b@example.org", out), -1);
	ck_assert_int_eq(norm("@example.org", out), -1);
	ck_assert_int_eq(norm("ann@", out), -1);
	ck_assert_int_eq(norm("ann@localhost", out), -1);
	ck_assert_int_eq(norm("ann@.example", out), -1);
	ck_assert_int_eq(norm("ann@example.", out), -1);
	ck_assert_int_eq(norm("ann lee@example.org", out), -1);
	ck_assert_int_eq(norm("ann@example.org\r\nBcc: x@y.z", out), -1);
	ck_assert_int_eq(norm("<ann@example.org>", out), -1);
	ck_assert_int_eq(norm("a@example.org,b@example.org", out), -1);
	ck_assert_int_eq(cz_email_normalize("a\0b@example.org", 15, out,
	    sizeof(out)), -1);
	memset(big, 'a', sizeof(big));
	memcpy(big + sizeof(big) - 13, "@example.org", 13);
	ck_assert_int_eq(norm(big, out), -1);
	/* 254 bytes is the most. */
	memcpy(big + 254 - 12, "@example.org", 13);
	ck_assert_int_eq(norm(big, out), 254);
	/* The output buffer must be large enough. */
	ck_assert_int_eq(cz_email_normalize("a@b.co", 6, out, 6), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("email");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, trims_and_lowercases);
	tcase_add_test(tc, refuses_non_addresses);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
