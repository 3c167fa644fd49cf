/*
 * check_password.c - unit tests of argon2id hashing, verification, rehash
 * detection and the password policy with the shipped common-password list.
 * Hashing tests use small parameters (256 KiB, one pass) except the one
 * about the defaults.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "password.h"
#include "settings.h"

static const struct cz_argon2_params small = { 256, 1, 1 };

START_TEST(hash_verify_round_trip)
{
	char enc[CZ_PASSWORD_ENCODED_MAX], enc2[CZ_PASSWORD_ENCODED_MAX];
	char err[256];
	const char *pw = "correct horse battery staple";

	ck_assert_int_eq(cz_password_hash(&small, pw, strlen(pw), enc,
	    sizeof(enc), err, sizeof(err)), 0);
	ck_assert_msg(strncmp(enc, "$argon2id$v=19$m=256,t=1,p=1$", 29) == 0,
	    "encoded: %s", enc);
	ck_assert_int_eq(cz_password_verify(enc, pw, strlen(pw)), 1);
	/* A fresh salt each time: same password, different hash. */
	ck_assert_int_eq(cz_password_hash(&small, pw, strlen(pw), enc2,
	    sizeof(enc2), err, sizeof(err)), 0);
	ck_assert_str_ne(enc, enc2);
	ck_assert_int_eq(cz_password_verify(enc2, pw, strlen(pw)), 1);
}
END_TEST

START_TEST(wrong_password_and_bad_hashes)
{
	char enc[CZ_PASSWORD_ENCODED_MAX], err[256];
	const char *pw = "correct horse battery staple";

	ck_assert_int_eq(cz_password_hash(&small, pw, strlen(pw), enc,
	    sizeof(enc), err, sizeof(err)), 0);
	ck_assert_int_eq(cz_password_verify(enc, "correct horse battery "
	    "staplf", strlen(pw)), 0);
	ck_assert_int_eq(cz_password_verify(enc, pw, strlen(pw) - 1), 0);
	ck_assert_int_eq(cz_password_verify(enc, "", 0), 0);
	ck_assert_int_eq(cz_password_verify("", pw, strlen(pw)), -1);
	ck_assert_int_eq(cz_password_verify(NULL, pw, strlen(pw)), -1);
	ck_assert_int_eq(cz_password_verify("$argon2i$v=19$m=256,t=1,p=1$"
	    "c2FsdHNhbHRzYWx0$aGFzaA", pw, strlen(pw)), -1);
	enc[40] = '\0';
	ck_assert_int_eq(cz_password_verify(enc, pw, strlen(pw)), -1);
	/* Output buffer too small, parameters out of range. */
	ck_assert_int_eq(cz_password_hash(&small, pw, strlen(pw), enc, 20,
	    err, sizeof(err)), -1);
	ck_assert_str_eq(enc, "");
	ck_assert_int_eq(cz_password_hash(&(struct cz_argon2_params){ 4, 1, 1 },
	    pw, strlen(pw), enc, sizeof(enc), err, sizeof(err)), -1);
}
END_TEST

START_TEST(rehash_detection)
{
	char enc[CZ_PASSWORD_ENCODED_MAX], err[256];
	const struct cz_argon2_params more_mem = { 512, 1, 1 };
	const struct cz_argon2_params more_time = { 256, 2, 1 };
	const struct cz_argon2_params more_lanes = { 256, 1, 2 };

	ck_assert_int_eq(cz_password_hash(&small, "abcdefgh12", 10, enc,
	    sizeof(enc), err, sizeof(err)), 0);
	ck_assert_int_eq(cz_password_needs_rehash(enc, &small), 0);
	ck_assert_int_eq(cz_password_needs_rehash(enc, &more_mem), 1);
	ck_assert_int_eq(cz_password_needs_rehash(enc, &more_time), 1);
	ck_assert_int_eq(cz_password_needs_rehash(enc, &more_lanes), 1);
	ck_assert_int_eq(cz_password_needs_rehash("$argon2i$v=19$m=256,t=1,"
	    "p=1$c2FsdA$aGFzaA", &small), 1);
	ck_assert_int_eq(cz_password_needs_rehash("$argon2id$v=16$m=256,t=1,"
	    "p=1$c2FsdA$aGFzaA", &small), 1);
	ck_assert_int_eq(cz_password_needs_rehash("$argon2id$v=19$m=256,t=1,"
	    "p=1", &small), 1);
	ck_assert_int_eq(cz_password_needs_rehash("$argon2id$v=19$m=99999999999"
	    ",t=1,p=1$c2FsdA$aGFzaA", &small), 1);
	ck_assert_int_eq(cz_password_needs_rehash("garbage", &small), 1);
	ck_assert_int_eq(cz_password_needs_rehash(NULL, &small), 1);
}
END_TEST

START_TEST(default_parameters)
{
	struct cz_settings s;
	struct cz_argon2_params prm;
	char enc[CZ_PASSWORD_ENCODED_MAX], err[256];

	cz_settings_defaults(&s);
	ck_assert_int_ge(s.argon2_memory_kib, 19 * 1024);
	ck_assert_int_ge(s.argon2_iterations, 2);
	ck_assert_int_ge(s.argon2_parallelism, 1);
	prm.m_kib = (uint32_t)s.argon2_memory_kib;
	prm.t = (uint32_t)s.argon2_iterations;
	prm.p = (uint32_t)s.argon2_parallelism;
	ck_assert_int_eq(cz_password_hash(&prm, "a long passphrase", 17, enc,
	    sizeof(enc), err, sizeof(err)), 0);
	ck_assert_msg(strncmp(enc, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0,
	    "encoded: %s", enc);
	ck_assert_int_eq(cz_password_verify(enc, "a long passphrase", 17), 1);
	ck_assert_int_eq(cz_password_needs_rehash(enc, &prm), 0);
	ck_assert_int_eq(cz_password_needs_rehash(enc, &small), 1);
	/* The dummy verification accepts the same parameters. */
	cz_password_dummy_verify(&prm, "whatever", 8);
}
END_TEST

static struct cz_pwlist *
shipped_list(void)
{
	struct cz_pwlist *l = NULL;
	char path[1024], err[1024];
	const char *dir = getenv("CZ_DATA_DIR");

	snprintf(path, sizeof(path), "%s/common-passwords.txt",
	    dir != NULL ? dir : "data");
	ck_assert_msg(cz_pwlist_load(path, &l, err, sizeof(err)) == 0, "%s",
	    err);
	return l;
}

START_TEST(shipped_list_loads)
{
	struct cz_pwlist *l = shipped_list();

	ck_assert_uint_ge(cz_pwlist_count(l), 200);
	ck_assert(cz_pwlist_contains(l, "password123", 11));
	ck_assert(cz_pwlist_contains(l, "PassWord123", 11));
	ck_assert(cz_pwlist_contains(l, "QWERTYUIOP", 10));
	ck_assert(cz_pwlist_contains(l, "12345678", 8));
	ck_assert(!cz_pwlist_contains(l, "password1234567", 15));
	ck_assert(!cz_pwlist_contains(l, "tangerine orbit 7", 17));
	/* Comment lines are not entries. */
	ck_assert(!cz_pwlist_contains(l, "# common-passwords.txt - passwords "
	    "refused at registration and on change.", 73));
	cz_pwlist_free(l);
}
END_TEST

START_TEST(list_file_format)
{
	struct cz_pwlist *l = NULL;
	char path[] = "/tmp/cz-pwlist-XXXXXX", err[512];
	FILE *fp;
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ne(fd, -1);
	fp = fdopen(fd, "w");
	fputs("#!comment: a header\r\nZebra12345\r\n\r\nalpha123\nALPHA123\n"
	    "mIxEd CaSe pass\nlast-no-newline", fp);
	fclose(fp);
	ck_assert_int_eq(cz_pwlist_load(path, &l, err, sizeof(err)), 0);
	unlink(path);
	ck_assert_uint_eq(cz_pwlist_count(l), 4);
	ck_assert(cz_pwlist_contains(l, "zebra12345", 10));
	ck_assert(cz_pwlist_contains(l, "Alpha123", 8));
	ck_assert(cz_pwlist_contains(l, "MIXED CASE PASS", 15));
	ck_assert(cz_pwlist_contains(l, "last-no-newline", 15));
	ck_assert(!cz_pwlist_contains(l, "#!comment: a header", 19));
	ck_assert(!cz_pwlist_contains(l, "", 0));
	cz_pwlist_free(l);
	ck_assert_int_eq(cz_pwlist_load("/nonexistent/list", &l, err,
	    sizeof(err)), -1);
	ck_assert_ptr_null(l);
	ck_assert(strstr(err, "/nonexistent/list") != NULL);
}
END_TEST

START_TEST(policy)
{
	struct cz_pwlist *l = shipped_list();
	char s129[130], s128[129];
	const char *email = "Ann.Lee@Example.org";

	memset(s129, 'x', 129);
	s129[129] = '\0';
	memset(s128, 'y', 128);
	s128[128] = '\0';
#define CHECKPW(pw, want) ck_assert_int_eq(cz_password_check(pw, \
	strlen(pw), email, l), want)
	CHECKPW("tangerine orbit 7", CZ_PW_OK);
	CHECKPW("abcdef7", CZ_PW_TOO_SHORT);
	CHECKPW("abcdef78", CZ_PW_OK);
	CHECKPW("", CZ_PW_TOO_SHORT);
	CHECKPW(s128, CZ_PW_OK);
	CHECKPW(s129, CZ_PW_TOO_LONG);
	CHECKPW("ann.lee@example.org", CZ_PW_IS_EMAIL);
	CHECKPW("ANN.LEE@EXAMPLE.ORG", CZ_PW_IS_EMAIL);
	CHECKPW("Ann.Lee@Example.org", CZ_PW_IS_EMAIL);
	CHECKPW("ann.lee@example.org2", CZ_PW_OK);
	CHECKPW("password123", CZ_PW_COMMON);
	CHECKPW("Password123", CZ_PW_COMMON);
	CHECKPW("P@ssw0rd", CZ_PW_COMMON);
	/* Characters, not bytes: 8 two-byte letters pass, 7 do not. */
	CHECKPW("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9", CZ_PW_OK);
	CHECKPW("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    CZ_PW_TOO_SHORT);
	CHECKPW("abcdefgh\xff", CZ_PW_INVALID);
#undef CHECKPW
	ck_assert_int_eq(cz_password_check("abc\0defghij", 11, email, l),
	    CZ_PW_INVALID);
	/* The part before the '@' counts as the address, when long enough. */
	ck_assert_int_eq(cz_password_check("annalee1", 8, "AnnaLee1@x.org",
	    l), CZ_PW_IS_EMAIL);
	/* Without a list or an address only the length rules apply. */
	ck_assert_int_eq(cz_password_check("password123", 11, NULL, NULL),
	    CZ_PW_OK);
	ck_assert_str_eq(cz_password_policy_message(CZ_PW_TOO_SHORT),
	    "must be at least 8 characters");
	cz_pwlist_free(l);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("password");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, hash_verify_round_trip);
	tcase_add_test(tc, wrong_password_and_bad_hashes);
	tcase_add_test(tc, rehash_detection);
	tcase_add_test(tc, default_parameters);
	tcase_add_test(tc, shipped_list_loads);
	tcase_add_test(tc, list_file_format);
	tcase_add_test(tc, policy);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
