/*
 * check_fcgi_out.c - a body written as FastCGI records (fcgi/fcgi_out.h),
 * read back from the other end of a socket pair by a reader that parses
 * the records as a web server does: every byte in order, every header
 * version 1, FCGI_STDOUT, the request's id, no record above 65,528 bytes
 * and none but the last shorter; bodies of one byte, one record exactly,
 * one byte more, and many records (more than one writev batch, larger
 * than the socket's buffer, so that the writer blocks and goes on); and
 * the same from pieces (a response's head and body), empty ones among
 * them and ones that cross a record's end, as if they were one buffer.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fastcgi.h>

#include "fcgi_out.h"

#define RECORD_MAX	65528

/* Reads exactly n bytes from fd into buf; returns 0, or -1 at EOF. */
static int
read_full(int fd, unsigned char *buf, size_t n)
{
	ssize_t r;

	while (n > 0) {
		r = read(fd, buf, n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		buf += r;
		n -= (size_t)r;
	}
	return 0;
}

/* Writes n bytes of a pattern as records of request id from a child
 * process, in nparts pieces of the sizes in size (their sum n; none: one
 * buffer, by cz_fcgi_stdout_records), and checks what arrives. */
static void
round_trip_parts(size_t n, int id, const size_t *size, int nparts)
{
	struct iovec part[CZ_FCGI_PARTS_MAX];
	size_t at;
	int i;
	unsigned char head[FCGI_HEADER_LEN], *want, *got;
	size_t off = 0, len, records = 0;
	int sv[2], status;
	pid_t pid;

	want = malloc(n);
	got = malloc(n);
	ck_assert(want != NULL && got != NULL);
	for (len = 0; len < n; len++)
		want[len] = (unsigned char)(len * 7 + len / 251);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(sv[0]);
		if (nparts == 0)
			_exit(cz_fcgi_stdout_records(sv[1], id,
			    (const char *)want, n) == 0 ? 0 : 1);
		for (i = 0, at = 0; i < nparts; at += size[i++]) {
			part[i].iov_base = want + at;
			part[i].iov_len = size[i];
		}
		_exit(at == n && cz_fcgi_stdout_parts(sv[1], id, part,
		    nparts) == 0 ? 0 : 1);
	}
	close(sv[1]);
	while (off < n) {
		ck_assert_int_eq(read_full(sv[0], head, sizeof(head)), 0);
		ck_assert_int_eq(head[0], FCGI_VERSION_1);
		ck_assert_int_eq(head[1], FCGI_STDOUT);
		ck_assert_int_eq((head[2] << 8) | head[3], id);
		ck_assert_int_eq(head[6], 0);
		len = (size_t)head[4] << 8 | head[5];
		ck_assert_uint_ge(len, 1);
		ck_assert_uint_le(len, RECORD_MAX);
		ck_assert_uint_le(off + len, n);
		/* only the last record is short */
		ck_assert(len == RECORD_MAX || off + len == n);
		ck_assert_int_eq(read_full(sv[0], got + off, len), 0);
		off += len;
		records++;
	}
	ck_assert_int_eq(read(sv[0], head, 1), 0);	/* nothing more */
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_uint_eq(records, (n + RECORD_MAX - 1) / RECORD_MAX);
	ck_assert(memcmp(want, got, n) == 0);
	close(sv[0]);
	free(want);
	free(got);
}

static void
round_trip(size_t n, int id)
{
	round_trip_parts(n, id, NULL, 0);
}

START_TEST(sizes)
{
	round_trip(1, 1);
	round_trip(RECORD_MAX, 2);
	round_trip(RECORD_MAX + 1, 300);
	round_trip(70000, 65535);
	/* 20 records: three batches of writev */
	round_trip(20 * RECORD_MAX - 5, 9);
}
END_TEST

/* A head and a body, as cz_resp_send hands them over, and pieces that
 * end exactly at, or cross, a record's end. */
START_TEST(pieces)
{
	static const size_t head_body[] = { 120, 450, 2, 69000 };
	static const size_t with_empty[] = { 0, 17, 0, RECORD_MAX, 0, 5 };
	static const size_t at_end[] = { RECORD_MAX - 10, 10, RECORD_MAX,
	    1 };
	static const size_t small[] = { 1, 1, 1 };
	static const size_t many[] = { 3 * RECORD_MAX + 7, 1, RECORD_MAX,
	    2, 3, 4, 5, 9 * RECORD_MAX };

	round_trip_parts(69572, 7, head_body, 4);
	round_trip_parts(RECORD_MAX + 22, 8, with_empty, 6);
	round_trip_parts(2 * RECORD_MAX + 1, 9, at_end, 4);
	round_trip_parts(3, 10, small, 3);
	round_trip_parts(13 * RECORD_MAX + 22, 11, many, CZ_FCGI_PARTS_MAX);
}
END_TEST

START_TEST(refuses_bad_ids)
{
	int sv[2];

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	errno = 0;
	ck_assert_int_eq(cz_fcgi_stdout_records(sv[1], 65536, "x", 1), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(cz_fcgi_stdout_records(sv[1], -1, "x", 1), -1);
	{
		struct iovec part[CZ_FCGI_PARTS_MAX + 1];
		int i;

		for (i = 0; i <= CZ_FCGI_PARTS_MAX; i++) {
			part[i].iov_base = (void *)(uintptr_t)"x";
			part[i].iov_len = 1;
		}
		errno = 0;
		ck_assert_int_eq(cz_fcgi_stdout_parts(sv[1], 1, part,
		    CZ_FCGI_PARTS_MAX + 1), -1);
		ck_assert_int_eq(errno, EINVAL);
	}
	/* a closed peer: an error, not a signal (SIGPIPE is ignored) */
	close(sv[0]);
	ck_assert_int_eq(cz_fcgi_stdout_records(sv[1], 1, "x", 1), -1);
	ck_assert_int_eq(errno, EPIPE);
	close(sv[1]);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fcgi_out");
	TCase *tc = tcase_create("records");
	SRunner *sr;
	int failed;

	signal(SIGPIPE, SIG_IGN);
	tcase_add_test(tc, sizes);
	tcase_add_test(tc, pieces);
	tcase_add_test(tc, refuses_bad_ids);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
