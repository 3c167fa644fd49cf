/*
 * check_admin_files.c - unit tests of the backup's files (tools/
 * admin_files.c): the paths a manifest may name, the manifest's parser and
 * writer, and copies that hash what they write.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin_files.h"

/* SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
#define ABC_SHA256 \
	"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static char dir[64];

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/check_admin_files.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void
write_text(const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/* Whether a manifest of this one text is accepted. */
static int
manifest_ok(const char *text)
{
	struct admin_manifest m;
	char path[256], err[512];
	int rc;

	write_text("MANIFEST", text);
	snprintf(path, sizeof(path), "%s/MANIFEST", dir);
	rc = admin_manifest_read(&m, path, err, sizeof(err));
	admin_manifest_free(&m);
	return rc == 0;
}

START_TEST(paths)
{
	static const struct {
		const char	*p;
		int		 ok;
	} cases[] = {
		{ "database.dump", 1 },
		{ "videos/12/hls/720p/seg_000.ts", 1 },
		{ "videos/.hidden", 1 },
		{ "", 0 },
		{ "/etc/passwd", 0 },
		{ "../x", 0 },
		{ "videos/../../x", 0 },
		{ "videos/./x", 0 },
		{ "videos//x", 0 },
		{ "videos/x/", 0 },
		{ "videos/a\\b", 0 },
		{ "videos/a\nb", 0 },
		{ "videos/a\tb", 0 },
		{ "..", 0 },
		{ ".", 0 },
	};
	char long_path[ADMIN_PATH_MAX + 8];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(admin_path_safe(cases[i].p) == cases[i].ok,
		    "\"%s\"", cases[i].p);
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[sizeof(long_path) - 1] = '\0';
	ck_assert_int_eq(admin_path_safe(long_path), 0);
}
END_TEST

START_TEST(manifest_lines)
{
	ck_assert(manifest_ok(""));
	ck_assert(manifest_ok(ABC_SHA256 "  database.dump\n"));
	/* sha256sum's binary mode, one space, upper case, short digests,
	 * no final newline, unsafe paths and duplicates are refused. */
	ck_assert(!manifest_ok(ABC_SHA256 " *database.dump\n"));
	ck_assert(!manifest_ok(ABC_SHA256 " database.dump\n"));
	ck_assert(!manifest_ok("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD  x\n"));
	ck_assert(!manifest_ok("ba7816bf  x\n"));
	ck_assert(!manifest_ok(ABC_SHA256 "  database.dump"));
	ck_assert(!manifest_ok(ABC_SHA256 "  ../../etc/shadow\n"));
	ck_assert(!manifest_ok(ABC_SHA256 "  /etc/shadow\n"));
	ck_assert(!manifest_ok(ABC_SHA256 "  x\n" ABC_SHA256 "  x\n"));
	ck_assert(!manifest_ok(ABC_SHA256 "  \n"));
}
END_TEST

START_TEST(manifest_round_trip)
{
	struct admin_manifest m = { 0 }, r;
	char path[256], err[512];
	const struct admin_manifest_entry *e;

	ck_assert_int_eq(admin_manifest_add(&m, "videos/2/video.mp4",
	    ABC_SHA256), 0);
	ck_assert_int_eq(admin_manifest_add(&m, "INFO", ABC_SHA256), 0);
	ck_assert_int_eq(admin_manifest_add(&m, "database.dump",
	    "0000000000000000000000000000000000000000000000000000000000000000"),
	    0);
	snprintf(path, sizeof(path), "%s/MANIFEST", dir);
	ck_assert_int_eq(admin_manifest_write(&m, path, err, sizeof(err)), 0);
	/* A second write never replaces the first. */
	ck_assert_int_eq(admin_manifest_write(&m, path, err, sizeof(err)), -1);
	admin_manifest_free(&m);
	ck_assert_int_eq(admin_manifest_read(&r, path, err, sizeof(err)), 0);
	ck_assert_uint_eq(r.n, 3);
	ck_assert_str_eq(r.e[0].path, "INFO");
	ck_assert_str_eq(r.e[2].path, "videos/2/video.mp4");
	ck_assert_ptr_nonnull(e = admin_manifest_find(&r, "database.dump"));
	ck_assert_str_eq(e->hex, "0000000000000000000000000000000000000000000000000000000000000000");
	ck_assert_ptr_null(admin_manifest_find(&r, "videos/2"));
	admin_manifest_free(&r);
}
END_TEST

START_TEST(copies)
{
	char src[256], dst[256], link[256], hex[ADMIN_SHA256_HEX + 1], err[512];
	unsigned long long n;
	struct stat st;

	write_text("abc", "abc");
	snprintf(src, sizeof(src), "%s/abc", dir);
	snprintf(dst, sizeof(dst), "%s/copy", dir);
	ck_assert_int_eq(admin_file_sha256(src, hex, &n, err, sizeof(err)), 0);
	ck_assert_str_eq(hex, ABC_SHA256);
	ck_assert_uint_eq(n, 3);
	memset(hex, 0, sizeof(hex));
	ck_assert_int_eq(admin_file_copy(src, dst, 0640, hex, &n, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(hex, ABC_SHA256);
	ck_assert_int_eq(stat(dst, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	ck_assert_int_eq(admin_file_sha256(dst, hex, &n, err, sizeof(err)), 0);
	ck_assert_str_eq(hex, ABC_SHA256);
	/* Never over an existing file, never from a missing one, never
	 * through a symbolic link. */
	ck_assert_int_eq(admin_file_copy(src, dst, 0640, hex, &n, err,
	    sizeof(err)), -1);
	snprintf(src, sizeof(src), "%s/missing", dir);
	ck_assert_int_eq(admin_file_copy(src, dst, 0640, hex, &n, err,
	    sizeof(err)), ADMIN_COPY_GONE);
	snprintf(link, sizeof(link), "%s/link", dir);
	ck_assert_int_eq(symlink(dst, link), 0);
	ck_assert_int_eq(admin_file_sha256(link, hex, &n, err, sizeof(err)),
	    -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("admin_files");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, paths);
	tcase_add_test(tc, manifest_lines);
	tcase_add_test(tc, manifest_round_trip);
	tcase_add_test(tc, copies);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
