/*
 * check_settings.c - unit tests of the configuration file and its
 * environment overrides.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"

static char path[64];

static void
write_conf(const char *text)
{
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "/tmp/cz-settings-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ne(fd, -1);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
}

static void
teardown(void)
{
	if (path[0] != '\0')
		unlink(path);
	path[0] = '\0';
	unsetenv("CIBOZER_WORKERS");
	unsetenv("CIBOZER_DATABASE_URL");
}

START_TEST(defaults)
{
	struct cz_settings s;

	cz_settings_defaults(&s);
	ck_assert_int_eq(s.workers, 0);		/* one per core */
	ck_assert_int_eq(s.max_body_bytes, 1024 * 1024);
	ck_assert_int_eq(s.max_json_depth, 32);
	ck_assert_int_eq(s.log_level, CZ_LOG_INFO);
	ck_assert_str_eq(s.site_name, "Cibozer");
}
END_TEST

START_TEST(file_values_comments_quotes_sizes)
{
	struct cz_settings s;
	char err[256];

	write_conf("# comment\n\nworkers = 8\n  site_name = \"  My site \"\n"
	    "max_body_bytes = 2M\nlog_level=debug\n");
	cz_settings_defaults(&s);
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(s.workers, 8);
	ck_assert_str_eq(s.site_name, "  My site ");
	ck_assert_int_eq(s.max_body_bytes, 2 * 1024 * 1024);
	ck_assert_int_eq(s.log_level, CZ_LOG_DEBUG);
}
END_TEST

START_TEST(errors_name_file_line_and_key)
{
	struct cz_settings s;
	char err[256];

	write_conf("workers = 4\nworkers = 257\n");
	cz_settings_defaults(&s);
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, ":2:"));
	ck_assert_ptr_nonnull(strstr(err, "workers"));
	teardown();

	write_conf("no_such_key = 1\n");
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "no_such_key"));
	teardown();

	write_conf("just text\n");
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "key = value"));
	teardown();

	write_conf("max_body_bytes = 12Q\n");
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), -1);
	teardown();

	write_conf("log_level = loud\n");
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), -1);
}
END_TEST

START_TEST(too_long_string_refused)
{
	struct cz_settings s;
	char err[256], big[CZ_SETTING_STR_MAX + 10];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	cz_settings_defaults(&s);
	ck_assert_int_eq(cz_settings_set(&s, "site_name", big, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(s.site_name, "Cibozer");
}
END_TEST

/* base_path goes verbatim into links, Location and the cookie's Path:
 * only "" or "/seg[/seg]" of unreserved characters is accepted. */
START_TEST(base_path_checked)
{
	static const char *const good[] = { "", "/cgi-bin/cibozer.cgi",
	    "/app", "/a/b-c_d.e~f" };
	static const char *const bad[] = { "/", "app", "/app/", "//app",
	    "/a//b", "/a/./b", "/a/..", "/a b", "/a\"b", "/a?x", "/a#x",
	    "/a;x", "/a%2f", "/<x>" };
	struct cz_settings s;
	char err[256];
	size_t i;

	cz_settings_defaults(&s);
	ck_assert_str_eq(s.base_path, "");
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		ck_assert_int_eq(cz_settings_set(&s, "base_path", good[i], err,
		    sizeof(err)), 0);
		ck_assert_str_eq(s.base_path, good[i]);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(cz_settings_set(&s, "base_path", bad[i], err,
		    sizeof(err)) == -1, "accepted \"%s\"", bad[i]);
		ck_assert_ptr_nonnull(strstr(err, "base_path"));
	}
	ck_assert_str_eq(s.base_path, good[3]);
}
END_TEST

START_TEST(environment_overrides_file)
{
	struct cz_settings s;
	char err[256];

	write_conf("workers = 8\n");
	setenv("CIBOZER_WORKERS", "3", 1);
	setenv("CIBOZER_DATABASE_URL", "host=db dbname=x password=secret", 1);
	cz_settings_defaults(&s);
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), 0);
	ck_assert_int_eq(s.workers, 3);
	ck_assert_str_eq(s.database_url, "host=db dbname=x password=secret");

	setenv("CIBOZER_WORKERS", "many", 1);
	ck_assert_int_eq(cz_settings_load(&s, path, 1, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "CIBOZER_WORKERS"));
}
END_TEST

START_TEST(missing_file_optional_or_required)
{
	struct cz_settings s;
	char err[256];

	cz_settings_defaults(&s);
	ck_assert_int_eq(cz_settings_load(&s, "/nonexistent/cz.conf", 0, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(cz_settings_load(&s, "/nonexistent/cz.conf", 1, err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/cz.conf"));
}
END_TEST

START_TEST(dump_hides_secrets)
{
	struct cz_settings s;
	char err[256], out[16384];
	FILE *fp;
	size_t n;

	cz_settings_defaults(&s);
	ck_assert_int_eq(cz_settings_set(&s, "database_url",
	    "host=x password=hunter2", err, sizeof(err)), 0);
	fp = fmemopen(out, sizeof(out) - 1, "w");
	cz_settings_dump(&s, fp);
	n = (size_t)ftell(fp);
	fclose(fp);
	out[n] = '\0';
	ck_assert_ptr_null(strstr(out, "hunter2"));
	ck_assert_ptr_nonnull(strstr(out, "database_url = (hidden)"));
	ck_assert_ptr_nonnull(strstr(out, "workers = 0"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, file_values_comments_quotes_sizes);
	tcase_add_test(tc, errors_name_file_line_and_key);
	tcase_add_test(tc, too_long_string_refused);
	tcase_add_test(tc, base_path_checked);
	tcase_add_test(tc, environment_overrides_file);
	tcase_add_test(tc, missing_file_optional_or_required);
	tcase_add_test(tc, dump_hides_secrets);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
