/*
 * check_mail.c - unit tests of mail composition (the shipped e-mail
 * templates, headers, header injection) and of running the mail command
 * without a shell (exit status, missing program, timeout, output kept).
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "buf.h"
#include "mail.h"
#include "mustache.h"

static mst_set *
load_templates(void)
{
	const char *dir = getenv("CZ_TEMPLATE_DIR");
	mst_set *set = mst_set_new();
	char err[512];

	ck_assert_ptr_nonnull(set);
	ck_assert_msg(mst_set_load_dir(set, dir != NULL ? dir : "templates",
	    err, sizeof(err)) > 0, "%s", err);
	return set;
}

START_TEST(templates_render_with_subject_and_disclaimer)
{
	static const char *const names[] = { "email/verification",
	    "email/password_reset", "email/video_ready",
	    "email/account_exists", "email/video_failed" };
	mst_set *set = load_templates();
	struct json_object *data;
	cz_buf subj, body;
	char err[512];
	size_t i;

	data = json_tokener_parse("{\"site\": {\"name\": \"Cibozer\", "
	    "\"base_url\": \"https://c.example\"}, \"link\": "
	    "\"https://c.example/x?t=A-b_c&n=1\", \"expires_hours\": 24, "
	    "\"expires_minutes\": 15, \"platform\": \"TikTok\"}");
	ck_assert_ptr_nonnull(data);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		cz_buf_init(&subj, 0);
		cz_buf_init(&body, 0);
		ck_assert_msg(cz_mail_render(set, names[i], data, &subj, &body,
		    err, sizeof(err)) == 0, "%s: %s", names[i], err);
		ck_assert_msg(strstr(subj.data, "Cibozer") != NULL, "%s", names[i]);
		ck_assert(strchr(subj.data, '\n') == NULL);
		/* Links are not HTML-escaped in plain text. */
		ck_assert_msg(strstr(body.data, "https://c.example/x?t=A-b_c&n=1")
		    != NULL, "%s: %s", names[i], body.data);
		ck_assert(strstr(body.data, "NOT intended to provide medical "
		    "advice") != NULL);
		ck_assert(strstr(body.data, "Food and Drug Administration") !=
		    NULL);
		cz_buf_free(&subj);
		cz_buf_free(&body);
	}
	cz_buf_init(&subj, 0);
	cz_buf_init(&body, 0);
	ck_assert_int_eq(cz_mail_render(set, "email/password_reset", data,
	    &subj, &body, err, sizeof(err)), 0);
	ck_assert(strstr(body.data, "within 15 minutes") != NULL);
	cz_buf_free(&subj);
	cz_buf_free(&body);
	/* A template without a subject line is refused. */
	ck_assert_int_eq(mst_set_add(set, "email/bad", "Hello\n\nbody", 11,
	    err, sizeof(err)), 0);
	cz_buf_init(&subj, 0);
	cz_buf_init(&body, 0);
	ck_assert_int_eq(cz_mail_render(set, "email/bad", data, &subj, &body,
	    err, sizeof(err)), -1);
	ck_assert_int_eq(cz_mail_render(set, "email/missing", data, &subj,
	    &body, err, sizeof(err)), -1);
	cz_buf_free(&subj);
	cz_buf_free(&body);
	json_object_put(data);
	mst_set_free(set);
}
END_TEST

START_TEST(format_headers)
{
	cz_buf m;
	char err[256];

	cz_buf_init(&m, 0);
	ck_assert_int_eq(cz_mail_format(&m, "Cibozer <no-reply@c.example>",
	    "ann@example.org", "Hello there", "Body line\n", 86400 * 365, err,
	    sizeof(err)), 0);
	ck_assert(strncmp(m.data, "From: Cibozer <no-reply@c.example>\n"
	    "To: ann@example.org\nSubject: Hello there\n"
	    "Date: Fri, 01 Jan 1971 00:00:00 +0000\nMessage-ID: <", 120) == 0);
	ck_assert(strstr(m.data, "@c.example>\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: 8bit\n\nBody line\n") != NULL);
	cz_buf_reset(&m);
	/* A body without a final newline gets one. */
	ck_assert_int_eq(cz_mail_format(&m, "a@b.c", "d@e.f", "s", "x", 0,
	    err, sizeof(err)), 0);
	ck_assert(m.data[m.len - 1] == '\n' && m.data[m.len - 2] == 'x');
	cz_buf_reset(&m);
	/* Non-ASCII subjects become RFC 2047 encoded words. */
	ck_assert_int_eq(cz_mail_format(&m, "a@b.c", "d@e.f",
	    "Caf\xc3\xa9", "x\n", 0, err, sizeof(err)), 0);
	ck_assert_msg(strstr(m.data, "Subject: =?UTF-8?B?Q2Fmw6k=?=\n") !=
	    NULL, "%s", m.data);
	cz_buf_reset(&m);
	/* Header injection is refused. */
	ck_assert_int_eq(cz_mail_format(&m, "a@b.c", "d@e.f\nBcc: x@y.z",
	    "s", "x", 0, err, sizeof(err)), -1);
	ck_assert_int_eq(cz_mail_format(&m, "a@b.c", "d@e.f",
	    "s\r\nBcc: x@y.z", "x", 0, err, sizeof(err)), -1);
	ck_assert_int_eq(cz_mail_format(&m, "a@b.c", "", "s", "x", 0, err,
	    sizeof(err)), -1);
	cz_buf_free(&m);
}
END_TEST

START_TEST(split_command)
{
	char buf[256], *argv[CZ_MAIL_ARGS_MAX + 1], many[200];
	int i;

	ck_assert_int_eq(cz_mail_split_command("/usr/sbin/sendmail -t -i",
	    buf, sizeof(buf), argv), 3);
	ck_assert_str_eq(argv[0], "/usr/sbin/sendmail");
	ck_assert_str_eq(argv[1], "-t");
	ck_assert_str_eq(argv[2], "-i");
	ck_assert_ptr_null(argv[3]);
	/* No quoting and no expansion: words are taken as they are. */
	ck_assert_int_eq(cz_mail_split_command("  x\t'a b' $(id);  ", buf,
	    sizeof(buf), argv), 4);
	ck_assert_str_eq(argv[1], "'a");
	ck_assert_str_eq(argv[2], "b'");
	ck_assert_str_eq(argv[3], "$(id);");
	ck_assert_int_eq(cz_mail_split_command("   ", buf, sizeof(buf), argv),
	    -1);
	ck_assert_int_eq(cz_mail_split_command("abcdef", buf, 4, argv), -1);
	for (i = 0; i < 33; i++) {
		many[2 * i] = 'a';
		many[2 * i + 1] = ' ';
	}
	many[66] = '\0';
	ck_assert_int_eq(cz_mail_split_command(many, buf, sizeof(buf), argv),
	    -1);
}
END_TEST

START_TEST(run_command)
{
	char path[] = "/tmp/cz-mail-XXXXXX", err[1024], got[64];
	char *tee[] = { "tee", path, NULL };
	char *fail[] = { "/bin/sh", "-c", "echo temporary failure >&2; exit 75",
	    NULL };
	char *missing[] = { "/nonexistent/sendmail", "-t", NULL };
	char *slow[] = { "/bin/sleep", "10", NULL };
	char *noread[] = { "/bin/true", NULL };
	static char big[1 << 20];
	FILE *fp;
	size_t n;
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ne(fd, -1);
	close(fd);
	/* tee copies the message to the file and to its output. */
	ck_assert_msg(cz_mail_run(tee, "To: a@b.c\n\nhello\n", 17, 10, err,
	    sizeof(err)) == 0, "%s", err);
	fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	n = fread(got, 1, sizeof(got) - 1, fp);
	got[n] = '\0';
	fclose(fp);
	unlink(path);
	ck_assert_str_eq(got, "To: a@b.c\n\nhello\n");

	ck_assert_int_eq(cz_mail_run(fail, "x\n", 2, 10, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "exit status 75: temporary failure");
	ck_assert_int_eq(cz_mail_run(missing, "x\n", 2, 10, err, sizeof(err)),
	    -1);
	ck_assert_msg(strncmp(err, "exit status 127: cannot run "
	    "/nonexistent/sendmail", 49) == 0, "%s", err);
	ck_assert_int_eq(cz_mail_run(slow, "x\n", 2, 1, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "killed after 1 s");
	/* A command that exits 0 without reading the message failed. */
	memset(big, 'x', sizeof(big));
	ck_assert_int_eq(cz_mail_run(noread, big, sizeof(big), 10, err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "before reading the whole message") != NULL,
	    "%s", err);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("mail");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, templates_render_with_subject_and_disclaimer);
	tcase_add_test(tc, format_headers);
	tcase_add_test(tc, split_command);
	tcase_add_test(tc, run_command);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
