/*
 * check_pow.c - unit tests of the proof-of-work challenges (lib/pow.h):
 * the format and its strict parser, signatures, expiry on an injected
 * clock, purposes, solutions and the zero-bit count.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pow.h"

static const char key[] = "0123456789abcdef0123456789abcdef";
#define KEYLEN	(sizeof(key) - 1)
#define NOW	1764734400LL
#define LIFE	600LL

/* A challenge for purpose at bits, issued at t, and its solution. */
static void
issue_solved(enum cz_pow_purpose p, int bits, long long t,
    char chal[CZ_POW_CHALLENGE_MAX + 1], char sol[CZ_POW_SOLUTION_MAX + 1])
{
	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, p, bits, t, chal), 0);
	ck_assert_int_eq(cz_pow_solve(chal, 1ULL << 24, sol), 0);
}

static enum cz_pow_result
verify(const char *chal, const char *sol, enum cz_pow_purpose p, long long now)
{
	return cz_pow_verify(key, KEYLEN, chal, strlen(chal), sol, strlen(sol),
	    p, now, LIFE, NULL);
}

START_TEST(format_and_round_trip)
{
	char chal[CZ_POW_CHALLENGE_MAX + 1], sol[CZ_POW_SOLUTION_MAX + 1];
	struct cz_pow_challenge c;

	issue_solved(CZ_POW_REGISTER, 8, NOW, chal, sol);
	ck_assert(strncmp(chal, "1.register.8.1764734400.", 24) == 0);
	ck_assert_uint_eq(strlen(chal), 24 + 32 + 1 + 64);
	ck_assert_int_eq(cz_pow_parse(chal, strlen(chal), &c), 0);
	ck_assert_int_eq(c.purpose, CZ_POW_REGISTER);
	ck_assert_int_eq(c.bits, 8);
	ck_assert_int_eq(c.issued, NOW);
	ck_assert_uint_eq(strlen(c.nonce), 32);
	ck_assert_uint_eq(c.signed_len, strlen(chal) - 65);
	ck_assert_int_eq(cz_pow_verify(key, KEYLEN, chal, strlen(chal), sol,
	    strlen(sol), CZ_POW_REGISTER, NOW + 5, LIFE, &c), CZ_POW_OK);
	ck_assert_int_eq(c.bits, 8);
}
END_TEST

START_TEST(nonces_differ)
{
	char a[CZ_POW_CHALLENGE_MAX + 1], b[CZ_POW_CHALLENGE_MAX + 1];

	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, CZ_POW_RESET, 4, NOW, a), 0);
	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, CZ_POW_RESET, 4, NOW, b), 0);
	ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(issue_refuses_bad_arguments)
{
	char out[CZ_POW_CHALLENGE_MAX + 1];

	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, CZ_POW_RESET, 0, NOW, out),
	    -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, CZ_POW_RESET, 33, NOW,
	    out), -1);
	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, CZ_POW__PURPOSES, 8, NOW,
	    out), -1);
	ck_assert_int_eq(cz_pow_issue(key, 0, CZ_POW_RESET, 8, NOW, out), -1);
	ck_assert_int_eq(cz_pow_issue(key, KEYLEN, CZ_POW_RESET, 8, -1, out),
	    -1);
}
END_TEST

START_TEST(expiry_on_an_injected_clock)
{
	char chal[CZ_POW_CHALLENGE_MAX + 1], sol[CZ_POW_SOLUTION_MAX + 1];

	issue_solved(CZ_POW_RESEND, 6, NOW, chal, sol);
	ck_assert_int_eq(verify(chal, sol, CZ_POW_RESEND, NOW + LIFE),
	    CZ_POW_OK);
	ck_assert_int_eq(verify(chal, sol, CZ_POW_RESEND, NOW + LIFE + 1),
	    CZ_POW_EXPIRED);
	/* From the future: a minute of skew between hosts, no more. */
	ck_assert_int_eq(verify(chal, sol, CZ_POW_RESEND, NOW - 60),
	    CZ_POW_OK);
	ck_assert_int_eq(verify(chal, sol, CZ_POW_RESEND, NOW - 61),
	    CZ_POW_EXPIRED);
}
END_TEST

START_TEST(purpose_signature_and_solution)
{
	char chal[CZ_POW_CHALLENGE_MAX + 1], sol[CZ_POW_SOLUTION_MAX + 1];
	char t[CZ_POW_CHALLENGE_MAX + 1], *p;
	size_t n;

	issue_solved(CZ_POW_REGISTER, 10, NOW, chal, sol);
	ck_assert_int_eq(verify(chal, sol, CZ_POW_RESET, NOW),
	    CZ_POW_WRONG_PURPOSE);
	/* Another key. */
	ck_assert_int_eq(cz_pow_verify("another key, not the site's", 27,
	    chal, strlen(chal), sol, strlen(sol), CZ_POW_REGISTER, NOW, LIFE,
	    NULL), CZ_POW_BAD_SIGNATURE);
	/* One digit of the mac changed. */
	strcpy(t, chal);
	n = strlen(t);
	t[n - 1] = t[n - 1] == '0' ? '1' : '0';
	ck_assert_int_eq(verify(t, sol, CZ_POW_REGISTER, NOW),
	    CZ_POW_BAD_SIGNATURE);
	/* The difficulty lowered without a new signature. */
	strcpy(t, chal);
	p = strstr(t, ".10.");
	ck_assert_ptr_nonnull(p);
	p[2] = '1';
	ck_assert_int_eq(verify(t, sol, CZ_POW_REGISTER, NOW),
	    CZ_POW_BAD_SIGNATURE);
	/* The purpose changed in the text: reset is as long as... no, but
	 * any change voids the mac. */
	strcpy(t, "1.reset.");
	strcat(t, chal + strlen("1.register."));
	ck_assert_int_eq(verify(t, sol, CZ_POW_RESET, NOW),
	    CZ_POW_BAD_SIGNATURE);
	/* A wrong counter: the next one almost never also has 10 bits. */
	ck_assert_int_eq(verify(chal, "99999999999", CZ_POW_REGISTER, NOW),
	    CZ_POW_NOT_SOLVED);
}
END_TEST

START_TEST(strict_parse)
{
	static const char *const bad[] = {
		"",
		"1",
		"2.register.8.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.Register.8.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.login.8.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.08.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.0.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.33.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.-1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.1234567890123.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.1.0000000000000000000000000000000A."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.1.0000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.1.00000000000000000000000000000000."
		    "000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.1.00000000000000000000000000000000."
		    "00000000000000000000000000000000000000000000000000000000000000000",
		"1.register.8.1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000 ",
		"1.register..1.00000000000000000000000000000000."
		    "0000000000000000000000000000000000000000000000000000000000000000",
	};
	static const char good[] = "1.register.8.0."
	    "00000000000000000000000000000000."
	    "0000000000000000000000000000000000000000000000000000000000000000";
	struct cz_pow_challenge c;
	size_t i;

	ck_assert_int_eq(cz_pow_parse(good, strlen(good), &c), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(cz_pow_parse(bad[i], strlen(bad[i]), &c) == -1,
		    "accepted: %s", bad[i]);
	/* An embedded NUL: the length rules, not the terminator. */
	ck_assert_int_eq(cz_pow_parse(good, strlen(good) - 1, &c), -1);
	ck_assert_int_eq(cz_pow_parse(NULL, 0, &c), -1);
}
END_TEST

START_TEST(solutions_are_bounded_counters)
{
	ck_assert(cz_pow_solution_valid("0", 1));
	ck_assert(cz_pow_solution_valid("1234567890123456", 16));
	ck_assert(!cz_pow_solution_valid("12345678901234567", 17));
	ck_assert(!cz_pow_solution_valid("", 0));
	ck_assert(!cz_pow_solution_valid("01", 2));
	ck_assert(!cz_pow_solution_valid("-1", 2));
	ck_assert(!cz_pow_solution_valid("1 ", 2));
	ck_assert(!cz_pow_solution_valid("1e3", 3));
}
END_TEST

START_TEST(zero_bits)
{
	const unsigned char a[] = { 0x00, 0x00, 0x1f, 0xff };
	const unsigned char b[] = { 0x80 };
	const unsigned char z[] = { 0, 0 };

	ck_assert_int_eq(cz_pow_zero_bits(a, sizeof(a)), 19);
	ck_assert_int_eq(cz_pow_zero_bits(b, sizeof(b)), 0);
	ck_assert_int_eq(cz_pow_zero_bits(z, sizeof(z)), 16);
	ck_assert_int_eq(cz_pow_zero_bits(z, 0), 0);
}
END_TEST

START_TEST(names_and_messages)
{
	ck_assert_str_eq(cz_pow_purpose_name(CZ_POW_RESEND), "resend");
	ck_assert_ptr_null(cz_pow_purpose_name(CZ_POW__PURPOSES));
	ck_assert_int_eq(cz_pow_purpose_parse("reset", 5), CZ_POW_RESET);
	ck_assert_int_eq(cz_pow_purpose_parse("resets", 6), -1);
	ck_assert_int_eq(cz_pow_purpose_parse("rese", 4), -1);
	ck_assert_str_eq(cz_pow_result_name(CZ_POW_REUSED), "reused");
	ck_assert_ptr_nonnull(strstr(cz_pow_message(CZ_POW_EXPIRED),
	    "expired"));
	ck_assert_ptr_nonnull(strstr(cz_pow_message(CZ_POW_REUSED),
	    "used already"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("pow");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, format_and_round_trip);
	tcase_add_test(tc, nonces_differ);
	tcase_add_test(tc, issue_refuses_bad_arguments);
	tcase_add_test(tc, expiry_on_an_injected_clock);
	tcase_add_test(tc, purpose_signature_and_solution);
	tcase_add_test(tc, strict_parse);
	tcase_add_test(tc, solutions_are_bounded_counters);
	tcase_add_test(tc, zero_bits);
	tcase_add_test(tc, names_and_messages);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
