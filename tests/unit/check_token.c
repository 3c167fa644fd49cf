/*
 * check_token.c - unit tests of random tokens, base64url, SHA-256 and the
 * API key format.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"

START_TEST(sha256_known_answers)
{
	char hex[CZ_SHA256_HEX + 1];
	unsigned char raw[CZ_SHA256_BYTES];

	/* FIPS 180-2 appendix B.1 and B.2, and the empty message. */
	ck_assert_int_eq(cz_sha256_hex("abc", 3, hex), 0);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	ck_assert_int_eq(cz_sha256_hex("", 0, hex), 0);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	ck_assert_int_eq(cz_sha256_hex("abcdbcdecdefdefgefghfghighijhijk"
	    "ijkljklmklmnlmnomnopnopq", 56, hex), 0);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	ck_assert_int_eq(cz_sha256("abc", 3, raw), 0);
	ck_assert_uint_eq(raw[0], 0xba);
	ck_assert_uint_eq(raw[31], 0xad);
}
END_TEST

START_TEST(base64url_vectors)
{
	char out[16];

	/* RFC 4648 section 10, without padding, and the URL-safe letters. */
	cz_base64url_encode((const unsigned char *)"f", 1, out);
	ck_assert_str_eq(out, "Zg");
	cz_base64url_encode((const unsigned char *)"fo", 2, out);
	ck_assert_str_eq(out, "Zm8");
	cz_base64url_encode((const unsigned char *)"foo", 3, out);
	ck_assert_str_eq(out, "Zm9v");
	cz_base64url_encode((const unsigned char *)"foobar", 6, out);
	ck_assert_str_eq(out, "Zm9vYmFy");
	cz_base64url_encode((const unsigned char *)"\xfb\xff", 2, out);
	ck_assert_str_eq(out, "-_8");
	ck_assert_uint_eq(cz_base64url_len(32), CZ_TOKEN_LEN);
	ck_assert_uint_eq(cz_base64url_len(0), 0);
}
END_TEST

START_TEST(tokens_have_length_alphabet_and_differ)
{
	char a[CZ_TOKEN_LEN + 1], b[CZ_TOKEN_LEN + 1];
	size_t i;
	int k;

	for (k = 0; k < 200; k++) {
		ck_assert_int_eq(cz_token_new(a), 0);
		ck_assert_uint_eq(strlen(a), CZ_TOKEN_LEN);
		for (i = 0; i < CZ_TOKEN_LEN; i++)
			ck_assert_msg(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "abcdefghijklmnopqrstuvwxyz0123456789-_", a[i]) !=
			    NULL, "bad character in %s", a);
		ck_assert(cz_token_valid(a, strlen(a)));
	}
	ck_assert_int_eq(cz_token_new(b), 0);
	ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(token_validation)
{
	char t[CZ_TOKEN_LEN + 2];

	ck_assert_int_eq(cz_token_new(t), 0);
	ck_assert(!cz_token_valid(t, CZ_TOKEN_LEN - 1));
	t[CZ_TOKEN_LEN] = 'A';
	t[CZ_TOKEN_LEN + 1] = '\0';
	ck_assert(!cz_token_valid(t, CZ_TOKEN_LEN + 1));
	t[CZ_TOKEN_LEN] = '\0';
	t[5] = '+';
	ck_assert(!cz_token_valid(t, CZ_TOKEN_LEN));
	t[5] = '=';
	ck_assert(!cz_token_valid(t, CZ_TOKEN_LEN));
	t[5] = 'a';
	/* The last character of 256 bits carries 2 bits: 'B' is not canonical. */
	t[CZ_TOKEN_LEN - 1] = 'B';
	ck_assert(!cz_token_valid(t, CZ_TOKEN_LEN));
	t[CZ_TOKEN_LEN - 1] = 'E';
	ck_assert(cz_token_valid(t, CZ_TOKEN_LEN));
	ck_assert(!cz_token_valid(NULL, 0));
}
END_TEST

START_TEST(apikey_format)
{
	char key[CZ_APIKEY_LEN + 1], prefix[CZ_APIKEY_PREFIX_LEN + 1];
	char p2[CZ_APIKEY_PREFIX_LEN + 1];

	ck_assert_int_eq(cz_apikey_new(key, prefix), 0);
	ck_assert_uint_eq(strlen(key), 51);
	ck_assert_uint_eq(strlen(prefix), 16);
	ck_assert(strncmp(key, "cz_live_", 8) == 0);
	ck_assert(strncmp(key, prefix, 16) == 0);
	ck_assert(cz_apikey_parse(key, strlen(key), p2));
	ck_assert_str_eq(p2, prefix);
	ck_assert(!cz_apikey_parse(key, strlen(key) - 1, p2));
	key[3] = 'X';
	ck_assert(!cz_apikey_parse(key, strlen(key), NULL));
	ck_assert(!cz_apikey_parse("cz_live_", 8, NULL));
}
END_TEST

START_TEST(secret_equal)
{
	ck_assert(cz_secret_equal("abcdef", "abcdef", 6));
	ck_assert(!cz_secret_equal("abcdef", "abcdeg", 6));
	ck_assert(!cz_secret_equal("xbcdef", "abcdef", 6));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("token");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, sha256_known_answers);
	tcase_add_test(tc, base64url_vectors);
	tcase_add_test(tc, tokens_have_length_alphabet_and_differ);
	tcase_add_test(tc, token_validation);
	tcase_add_test(tc, apikey_format);
	tcase_add_test(tc, secret_equal);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
