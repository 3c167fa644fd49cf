/*
 * check_responder.c - the responder's pipeline in-process: one request at a
 * time through cz_pipeline_handle() over a fake struct cz_io (an in-memory
 * CGI environment and body, the response captured), on an app set up as
 * cibozer-fcgi sets up its workers.
 *
 * Covered: the head parser and its limits (method, path, headers, query
 * string, cookies), routing (404 and 405 as HTML or JSON), the pages that
 * need no database with their security headers, HEAD, body limits and
 * parsing (413, 415, 400), the answers while the database is down (503
 * with Retry-After), and the CSRF decisions.
 *
 * No PostgreSQL is needed. Most tests point the database at a closed port
 * (127.0.0.1:1). The CSRF decisions come after the pipeline's database
 * check (every route that takes a cookie-authenticated POST needs the
 * database), so the "csrf" tests run against a fake server in a thread of
 * this program: it speaks just enough of the PostgreSQL protocol to accept
 * a connection and prepare statements, then drops the connection as soon
 * as a statement is executed, as a server that goes away would. What a
 * request did to the database is thereby counted: a request refused by
 * the CSRF check executes nothing; one that reaches its handler does.
 *
 * Only the public interface of the responder is used (pipeline.h, app.h,
 * request.h, settings.h): these tests do not know its files.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <check.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <json-c/json.h>

#include "app.h"
#include "log.h"
#include "pipeline.h"
#include "request.h"
#include "response.h"
#include "settings.h"

/* Settings of every test app: small limits keep the requests small. */
#define BASE_URL	"https://cibozer.test"
#define EXTRA_ORIGIN	"https://alt.cibozer.test:8443"
#define FOREIGN		"https://evil.example"
#define MAX_BODY	65536
#define MAX_PARAMS	32
#define MAX_VALUE	1024
#define MAX_HEADERS	4096
#define MAX_DEPTH	8
#define RETRY_AFTER	"7"
#define SESSION_COOKIE	"__Host-cibozer"	/* session.h's name */

/* What pipeline.c sends on every response. */
#define CSP "default-src 'self'; img-src 'self' data:; media-src 'self' " \
	"blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " \
	"form-action 'self'; frame-ancestors 'none'"

#define HTML	"text/html; charset=utf-8"
#define JSON	"application/json"

/* --- a fake transport ----------------------------------------------------- */

#define MAX_ENV	64

struct fake_io {
	char		*env[MAX_ENV];	/* "NAME=value", malloc'd */
	size_t		 nenv;
	char		*body;		/* malloc'd */
	size_t		 body_len, body_off;
	char		*out;		/* what the responder wrote */
	size_t		 out_len, out_cap;
	int		 fail_writes;	/* the client went away */
};

static const char *
fake_getenv(void *ctx, const char *name)
{
	struct fake_io *io = ctx;
	size_t i, n = strlen(name);

	for (i = 0; i < io->nenv; i++)
		if (strncmp(io->env[i], name, n) == 0 && io->env[i][n] == '=')
			return io->env[i] + n + 1;
	return NULL;
}

static long
fake_read(void *ctx, char *buf, size_t n)
{
	struct fake_io *io = ctx;
	size_t left = io->body_len - io->body_off;

	if (n > left)
		n = left;
	if (n == 0)
		return 0;
	memcpy(buf, io->body + io->body_off, n);
	io->body_off += n;
	return (long)n;
}

static int
fake_write(void *ctx, const char *buf, size_t n)
{
	struct fake_io *io = ctx;
	char *p;

	if (io->fail_writes)
		return -1;
	if (io->out_len + n + 1 > io->out_cap) {
		io->out_cap = (io->out_len + n + 1) * 2;
		p = realloc(io->out, io->out_cap);
		ck_assert_ptr_nonnull(p);
		io->out = p;
	}
	memcpy(io->out + io->out_len, buf, n);
	io->out_len += n;
	io->out[io->out_len] = '\0';
	return 0;
}

static void
fake_each_env(void *ctx, void (*fn)(void *, const char *), void *arg)
{
	struct fake_io *io = ctx;
	size_t i;

	for (i = 0; i < io->nenv; i++)
		fn(arg, io->env[i]);
}

/* --- a fake PostgreSQL ---------------------------------------------------- */

/*
 * Accepts one connection at a time on 127.0.0.1: refuses TLS and GSSAPI
 * encryption, trusts the start-up message, answers every Parse and Sync
 * and closes the connection at the first Bind or simple Query.
 */
struct fakepg {
	int		 lfd;
	int		 port;
	int		 stop[2];	/* a byte on stop[1] ends the thread */
	pthread_t	 thread;
	atomic_uint	 connections;
	atomic_uint	 executes;	/* statements run (and dropped) */
};

static struct fakepg pg;

/* Reads n bytes from fd, or returns -1 at end of file, on error, or when
 * the thread is asked to stop. */
static int
pg_read(int fd, void *buf, size_t n)
{
	struct pollfd p[2];
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		p[0].fd = fd;
		p[0].events = POLLIN;
		p[1].fd = pg.stop[0];
		p[1].events = POLLIN;
		if (poll(p, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (p[1].revents != 0)
			return -1;
		r = read(fd, (char *)buf + got, n - got);
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

static int
pg_write(int fd, const void *buf, size_t n)
{
	return send(fd, buf, n, MSG_NOSIGNAL) == (ssize_t)n ? 0 : -1;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Sends a message (payload of at most 256 bytes): its type, its length,
 * then the payload, in one write. */
static int
pg_msg(int fd, char type, const void *payload, size_t len)
{
	unsigned char buf[5 + 256];
	uint32_t n = htonl((uint32_t)len + 4);

	if (len > 256)
		return -1;
	buf[0] = (unsigned char)type;
	memcpy(buf + 1, &n, 4);
	if (len > 0)
		memcpy(buf + 5, payload, len);
	return pg_write(fd, buf, 5 + len);
}

static int
pg_param(int fd, const char *name, const char *value)
{
	char buf[128];
	size_t n = strlen(name) + 1, v = strlen(value) + 1;

	memcpy(buf, name, n);
	memcpy(buf + n, value, v);
	return pg_msg(fd, 'S', buf, n + v);
}

/* Serves one client until it leaves, breaks the protocol or executes. */
static void
pg_serve(int fd)
{
	static const unsigned char auth_ok[4], key[8] = { 0, 0, 0x10, 0x92 };
	unsigned char head[5], *payload = NULL;
	uint32_t len, code;
	unsigned parses = 0;

	for (;;) {		/* the start-up packet, after any refusals */
		if (pg_read(fd, head, 4) == -1)
			return;
		len = be32(head);
		if (len < 8 || len > 10000 ||
		    (payload = malloc(len - 4)) == NULL)
			return;
		if (pg_read(fd, payload, len - 4) == -1)
			goto out;
		code = be32(payload);
		free(payload);
		payload = NULL;
		if (code == 80877103 || code == 80877104) {	/* SSL, GSS */
			if (pg_write(fd, "N", 1) == -1)
				return;
			continue;
		}
		if (code != 196608)				/* 3.0 */
			return;
		break;
	}
	if (pg_msg(fd, 'R', auth_ok, sizeof(auth_ok)) == -1 ||
	    pg_param(fd, "server_version", "15.0") == -1 ||
	    pg_param(fd, "server_encoding", "UTF8") == -1 ||
	    pg_param(fd, "client_encoding", "UTF8") == -1 ||
	    pg_param(fd, "standard_conforming_strings", "on") == -1 ||
	    pg_param(fd, "integer_datetimes", "on") == -1 ||
	    pg_msg(fd, 'K', key, sizeof(key)) == -1 ||
	    pg_msg(fd, 'Z', "I", 1) == -1)
		return;
	for (;;) {
		if (pg_read(fd, head, 5) == -1)
			return;
		len = be32(head + 1);
		if (len < 4 || len > 1000000 ||
		    (payload = malloc(len - 4 + 1)) == NULL)
			return;
		if (pg_read(fd, payload, len - 4) == -1)
			goto out;
		free(payload);
		payload = NULL;
		switch (head[0]) {
		case 'P':	/* Parse: answered at the next Sync */
			parses++;
			break;
		case 'S':	/* Sync */
			for (; parses > 0; parses--)
				if (pg_msg(fd, '1', NULL, 0) == -1)
					return;
			if (pg_msg(fd, 'Z', "I", 1) == -1)
				return;
			break;
		case 'B':	/* Bind: a statement runs; the server goes */
		case 'Q':
			atomic_fetch_add(&pg.executes, 1);
			return;
		case 'X':	/* Terminate */
			return;
		default:	/* Describe, Execute, Flush, Close: unused */
			break;
		}
	}
out:
	free(payload);
}

static void *
pg_main(void *arg)
{
	struct pollfd p[2];
	int fd, one = 1;

	(void)arg;
	for (;;) {
		p[0].fd = pg.lfd;
		p[0].events = POLLIN;
		p[1].fd = pg.stop[0];
		p[1].events = POLLIN;
		if (poll(p, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[1].revents != 0)
			break;
		if ((fd = accept(pg.lfd, NULL, NULL)) == -1)
			continue;
		/* many small answers: no waiting for acknowledgements */
		(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one,
		    sizeof(one));
		atomic_fetch_add(&pg.connections, 1);
		pg_serve(fd);
		close(fd);
	}
	return NULL;
}

static void
pg_start(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);

	memset(&pg, 0, sizeof(pg));
	atomic_init(&pg.connections, 0);
	atomic_init(&pg.executes, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = 0;
	ck_assert_int_ne(pg.lfd = socket(AF_INET, SOCK_STREAM, 0), -1);
	ck_assert_int_eq(bind(pg.lfd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	ck_assert_int_eq(listen(pg.lfd, 8), 0);
	ck_assert_int_eq(getsockname(pg.lfd, (struct sockaddr *)&sin, &len), 0);
	pg.port = ntohs(sin.sin_port);
	ck_assert_int_eq(pipe(pg.stop), 0);
	ck_assert_int_eq(pthread_create(&pg.thread, NULL, pg_main, NULL), 0);
}

static void
pg_stop(void)
{
	ck_assert_int_eq(write(pg.stop[1], "x", 1), 1);
	pthread_join(pg.thread, NULL);
	close(pg.stop[0]);
	close(pg.stop[1]);
	close(pg.lfd);
}

/* --- the app and one request ---------------------------------------------- */

static struct cz_app app;
static struct fake_io fio;
static const struct cz_io transport = { fake_getenv, fake_read, fake_write,
    fake_each_env, &fio, NULL, NULL };

/* The response of the last serve(), split. */
static struct {
	char		 status_line[128];
	int		 status;
	const char	*headers;	/* after the status line, CRLF lines */
	size_t		 headers_len;
	const char	*body;
	size_t		 body_len;
} resp;

static void
set(struct cz_settings *s, const char *key, const char *value)
{
	char err[256];

	if (cz_settings_set(s, key, value, err, sizeof(err)) == -1)
		ck_abort_msg("setting %s: %s", key, err);
}

static const char *
dir_from_env(const char *name)
{
	const char *v = getenv(name);

	if (v == NULL || *v == '\0')
		ck_abort_msg("%s is not set: run this test through make check "
		    "(AM_TESTS_ENVIRONMENT points it into the source tree)",
		    name);
	return v;
}

/* An app as a worker has it, its database at database_url. */
static void
app_start(const char *database_url)
{
	struct cz_settings s;
	char err[1024], path[CZ_SETTING_STR_MAX];

	cz_settings_defaults(&s);
	set(&s, "template_dir", dir_from_env("CZ_TEMPLATE_DIR"));
	set(&s, "sql_dir", dir_from_env("CZ_SQL_DIR"));
	snprintf(path, sizeof(path), "%s/common-passwords.txt",
	    dir_from_env("CZ_DATA_DIR"));
	set(&s, "password_list", path);
	set(&s, "video_dir", "/nonexistent/cibozer-videos");
	set(&s, "database_url", database_url);
	set(&s, "db_connect_timeout", "1");
	set(&s, "base_url", BASE_URL);
	set(&s, "extra_origins", EXTRA_ORIGIN);
	set(&s, "max_body_bytes", "64K");
	set(&s, "max_params", "32");
	set(&s, "max_param_value", "1K");
	set(&s, "max_header_bytes", "4K");
	set(&s, "max_json_depth", "8");
	set(&s, "retry_after", RETRY_AFTER);
	if (cz_pipeline_init(&app, &s, err, sizeof(err)) == -1)
		ck_abort_msg("cz_pipeline_init: %s", err);
	ck_assert_int_eq(cz_app_worker_init(&app), 0);
}

static void
io_clear(void)
{
	size_t i;

	for (i = 0; i < fio.nenv; i++)
		free(fio.env[i]);
	free(fio.body);
	free(fio.out);
	memset(&fio, 0, sizeof(fio));
}

static void
setup_db_down(void)
{
	cz_log_init("check_responder", CZ_LOG_WARN);
	app_start("host=127.0.0.1 port=1 sslmode=disable gssencmode=disable "
	    "dbname=cibozer user=cibozer");
}

static void
setup_fake_db(void)
{
	char url[256];

	cz_log_init("check_responder", CZ_LOG_WARN);
	pg_start();
	snprintf(url, sizeof(url), "host=127.0.0.1 port=%d sslmode=disable "
	    "gssencmode=disable dbname=cibozer user=cibozer", pg.port);
	app_start(url);
}

static void
teardown_app(void)
{
	cz_app_free(&app);
	io_clear();
}

static void
teardown_fake_db(void)
{
	teardown_app();	/* closes the connection first */
	pg_stop();
}

/* Adds the CGI variable name=value (printf-style value). */
__attribute__((format(printf, 2, 3)))
static void
env(const char *name, const char *fmt, ...)
{
	char *value, *var;
	va_list ap;
	int n;

	ck_assert_uint_lt(fio.nenv, MAX_ENV);
	va_start(ap, fmt);
	n = vasprintf(&value, fmt, ap);
	va_end(ap);
	ck_assert_int_ge(n, 0);
	n = asprintf(&var, "%s=%s", name, value);
	ck_assert_int_ge(n, 0);
	free(value);
	fio.env[fio.nenv++] = var;
}

/* Starts a request as nginx hands it over (fastcgi_params). */
static void
begin(const char *method, const char *uri)
{
	const char *q = strchr(uri, '?');

	io_clear();
	env("REQUEST_METHOD", "%s", method);
	env("REQUEST_URI", "%s", uri);
	env("QUERY_STRING", "%s", q != NULL ? q + 1 : "");
	env("SERVER_PROTOCOL", "HTTP/1.1");
	env("REMOTE_ADDR", "192.0.2.10");
	env("HTTP_HOST", "cibozer.test");
	env("HTTP_USER_AGENT", "check_responder");
}

/* The bytes the request's body is read from (no CGI variables). */
static void
body_data(const char *data, size_t n)
{
	free(fio.body);
	ck_assert_ptr_nonnull(fio.body = malloc(n + 1));
	memcpy(fio.body, data, n);
	fio.body_len = n;
	fio.body_off = 0;
}

/* A request body of n bytes with its type and length. */
static void
body_n(const char *type, const char *data, size_t n)
{
	env("CONTENT_TYPE", "%s", type);
	env("CONTENT_LENGTH", "%zu", n);
	body_data(data, n);
}

static void
body(const char *type, const char *data)
{
	body_n(type, data, strlen(data));
}

/* The value of the first header called name, copied (valid until the next
 * call), or NULL. */
static const char *
header(const char *name)
{
	static char value[2048];
	const char *p = resp.headers, *end = resp.headers + resp.headers_len;
	const char *eol;
	size_t n = strlen(name), len;

	for (; p < end; p = eol + 2) {
		eol = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(eol);
		if ((size_t)(eol - p) > n + 1 && strncasecmp(p, name, n) == 0 &&
		    p[n] == ':' && p[n + 1] == ' ') {
			len = (size_t)(eol - p) - n - 2;
			ck_assert_uint_lt(len, sizeof(value));
			memcpy(value, p + n + 2, len);
			value[len] = '\0';
			return value;
		}
	}
	return NULL;
}

/* How many header lines are called name. */
static int
header_count(const char *name)
{
	const char *p = resp.headers, *end = resp.headers + resp.headers_len;
	const char *eol;
	size_t n = strlen(name);
	int count = 0;

	for (; p < end; p = eol + 2) {
		eol = strstr(p, "\r\n");
		if (strncasecmp(p, name, n) == 0 && p[n] == ':')
			count++;
	}
	return count;
}

static void
assert_header(const char *name, const char *value)
{
	const char *v = header(name);

	ck_assert_msg(v != NULL, "no %s header in:\n%.*s", name,
	    (int)(resp.headers_len < 1000 ? resp.headers_len : 1000),
	    resp.headers);
	ck_assert_str_eq(v, value);
}

/* Does the body hold s? */
static int
body_has(const char *s)
{
	return resp.body != NULL && strstr(resp.body, s) != NULL;
}

#define assert_body_has(s) \
	ck_assert_msg(body_has(s), "no \"%s\" in the body:\n%.600s", (s), \
	    resp.body)

/* Serves the request and splits its response; checks what every response
 * carries: a status line, headers, the security headers, a Content-Length
 * that is the body's length (no body for HEAD, 204 and 304). */
static void
serve(void)
{
	const char *end, *cl, *method;
	char *eol;
	size_t head;

	free(fio.out);
	fio.out = NULL;
	fio.out_len = fio.out_cap = 0;
	memset(&resp, 0, sizeof(resp));
	cz_pipeline_handle(&app, &transport);

	ck_assert_msg(fio.out != NULL, "nothing was written");
	ck_assert_msg(strncmp(fio.out, "Status: ", 8) == 0,
	    "no status line: %.200s", fio.out);
	eol = strstr(fio.out, "\r\n");
	ck_assert_ptr_nonnull(eol);
	ck_assert_uint_lt((size_t)(eol - fio.out), sizeof(resp.status_line));
	memcpy(resp.status_line, fio.out, (size_t)(eol - fio.out));
	resp.status = (int)strtol(fio.out + 8, NULL, 10);
	end = strstr(fio.out, "\r\n\r\n");
	ck_assert_msg(end != NULL, "no end of headers: %.600s", fio.out);
	resp.headers = eol + 2;
	resp.headers_len = (size_t)(end + 2 - resp.headers);
	head = (size_t)(end + 4 - fio.out);
	resp.body = fio.out + head;
	resp.body_len = fio.out_len - head;

	assert_header("Content-Security-Policy", CSP);
	assert_header("X-Content-Type-Options", "nosniff");
	assert_header("X-Frame-Options", "DENY");
	assert_header("Referrer-Policy", "strict-origin-when-cross-origin");
	ck_assert_int_eq(header_count("Cache-Control"), 1);
	method = fake_getenv(&fio, "REQUEST_METHOD");
	if (resp.status == 204 || resp.status == 304) {
		ck_assert_ptr_null(header("Content-Length"));
		ck_assert_uint_eq(resp.body_len, 0);
	} else {
		ck_assert_ptr_nonnull(cl = header("Content-Length"));
		if (method != NULL && strcmp(method, "HEAD") == 0)
			ck_assert_uint_eq(resp.body_len, 0);
		else
			ck_assert_uint_eq(strtoull(cl, NULL, 10),
			    resp.body_len);
	}
}

static void
assert_status(int status, const char *line)
{
	ck_assert_msg(strcmp(resp.status_line, line) == 0,
	    "status \"%s\", expected \"%s\"; body:\n%.600s",
	    resp.status_line, line, resp.body);
	ck_assert_int_eq(resp.status, status);
}

/* The response is the JSON error {"error": {"status": s, "message": m}}
 * (m NULL: any message). */
static void
assert_json_error(int status, const char *message)
{
	struct json_object *o, *e, *v;

	assert_header("Content-Type", JSON);
	assert_header("Cache-Control", "no-store");
	o = json_tokener_parse(resp.body);
	ck_assert_msg(o != NULL, "not JSON: %.600s", resp.body);
	ck_assert(json_object_object_get_ex(o, "error", &e));
	ck_assert(json_object_object_get_ex(e, "status", &v));
	ck_assert_int_eq(json_object_get_int(v), status);
	ck_assert(json_object_object_get_ex(e, "message", &v));
	if (message != NULL)
		ck_assert_str_eq(json_object_get_string(v), message);
	json_object_put(o);
}

/* The response is the HTML error page for status with message. */
static void
assert_html_error(const char *title, const char *message)
{
	assert_header("Content-Type", HTML);
	assert_header("Cache-Control", "no-store");
	assert_body_has("<!doctype html>");
	assert_body_has(title);
	if (message != NULL)
		assert_body_has(message);
	/* every page, errors too, carries the disclaimers */
	assert_body_has("Not medical advice");
}

/* A string of n copies of c (malloc'd). */
static char *
repeat(char c, size_t n)
{
	char *s = malloc(n + 1);

	ck_assert_ptr_nonnull(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* --- the head: method, path, headers, query string, cookies --------------- */

START_TEST(head_bad_method)
{
	char *m = repeat('G', 17);

	begin("", "/about");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_html_error("Bad request",
	    "the request method is missing or malformed");

	begin(m, "/about");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	free(m);

	/* well-formed but not routed here: 405 with what is */
	begin("BREW", "/about");
	serve();
	assert_status(405, "Status: 405 Method Not Allowed");
	assert_header("Allow", "GET, HEAD");
}
END_TEST

START_TEST(head_path_too_long)
{
	char *uri = repeat('a', 2100);

	uri[0] = '/';
	begin("GET", uri);
	serve();
	assert_status(414, "Status: 414 URI Too Long");
	assert_html_error("Address too long", "the request path is too long");
	free(uri);

	/* the query string does not count */
	{
		char q[4096];
		size_t i, n;

		n = (size_t)snprintf(q, sizeof(q), "/about?");
		for (i = 0; i < MAX_PARAMS; i++)
			n += (size_t)snprintf(q + n, sizeof(q) - n,
			    "q%02zu=%060d&", i, 0);
		ck_assert_uint_gt(n, 2048);
		begin("GET", q);
		serve();
		assert_status(200, "Status: 200 OK");
	}
}
END_TEST

START_TEST(head_headers_too_large)
{
	/* HTTP_ variables count name and value: just at the limit, then
	 * one byte over it */
	size_t others = strlen("HOST=cibozer.test") +
	    strlen("USER_AGENT=check_responder") + strlen("X_FILLER=");
	char *v = repeat('x', MAX_HEADERS - others);

	begin("GET", "/about");
	env("HTTP_X_FILLER", "%s", v);
	serve();
	assert_status(200, "Status: 200 OK");

	begin("GET", "/about");
	env("HTTP_X_FILLER", "%sx", v);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_html_error("Bad request", "the request headers are too large");

	/* an API path answers the same in JSON */
	begin("GET", "/api/me");
	env("HTTP_X_FILLER", "%sx", v);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the request headers are too large");
	free(v);
}
END_TEST

START_TEST(head_query_limits)
{
	char uri[8192], *v;
	size_t i, n;

	/* too many parameters */
	n = (size_t)snprintf(uri, sizeof(uri), "/about?");
	for (i = 0; i <= MAX_PARAMS; i++)
		n += (size_t)snprintf(uri + n, sizeof(uri) - n, "p%zu=1&", i);
	begin("GET", uri);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_html_error("Bad request",
	    "the query string is invalid: too many parameters");

	/* exactly as many is fine */
	n = (size_t)snprintf(uri, sizeof(uri), "/about?");
	for (i = 0; i < MAX_PARAMS; i++)
		n += (size_t)snprintf(uri + n, sizeof(uri) - n, "p%zu=1&", i);
	begin("GET", uri);
	serve();
	assert_status(200, "Status: 200 OK");

	/* a value over max_param_value (decoded bytes): 400, not 413 */
	v = repeat('v', MAX_VALUE + 1);
	snprintf(uri, sizeof(uri), "/about?q=%s", v);
	begin("GET", uri);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_body_has("the query string is invalid: parameter or body too "
	    "long");
	v[MAX_VALUE] = '\0';
	snprintf(uri, sizeof(uri), "/about?q=%s", v);
	begin("GET", uri);
	serve();
	assert_status(200, "Status: 200 OK");
	free(v);

	begin("GET", "/about?q=%zz");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_body_has("the query string is invalid: malformed input");

	begin("GET", "/api/foods?q=%ff");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the query string is invalid: invalid UTF-8 "
	    "text");
}
END_TEST

START_TEST(head_cookie_limits)
{
	char cookie[MAX_HEADERS], *v;
	size_t i, n = 0;

	/* not a cookie-string */
	begin("GET", "/about");
	env("HTTP_COOKIE", "a b=1");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_html_error("Bad request",
	    "the Cookie header is invalid: malformed input");

	/* more cookies than max_params */
	for (i = 0; i <= MAX_PARAMS; i++)
		n += (size_t)snprintf(cookie + n, sizeof(cookie) - n,
		    "c%zu=1; ", i);
	begin("GET", "/about");
	env("HTTP_COOKIE", "%s", cookie);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_body_has("the Cookie header is invalid: too many parameters");

	/* a value over max_param_value */
	v = repeat('v', MAX_VALUE + 1);
	begin("GET", "/about");
	env("HTTP_COOKIE", "big=%s", v);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_body_has("the Cookie header is invalid: parameter or body too "
	    "long");
	free(v);

	/* cookies of other sites are no concern */
	begin("GET", "/about");
	env("HTTP_COOKIE", "theme=dark; _ga=GA1.2.3");
	serve();
	assert_status(200, "Status: 200 OK");
}
END_TEST

START_TEST(head_cgi_variables)
{
	/* plain CGI may give PATH_INFO without REQUEST_URI */
	io_clear();
	env("REQUEST_METHOD", "GET");
	env("PATH_INFO", "/about");
	env("QUERY_STRING", "%s", "");
	serve();
	assert_status(200, "Status: 200 OK");
	assert_body_has("<title>About · Cibozer</title>");

	/* nginx's request id is quoted on error pages; an overlong one is
	 * dropped */
	begin("GET", "/missing");
	env("REQUEST_ID", "0123456789abcdef");
	serve();
	assert_status(404, "Status: 404 Not Found");
	assert_body_has("<code>0123456789abcdef</code>");

	begin("GET", "/missing");
	env("REQUEST_ID", "%065d", 7);
	serve();
	assert_status(404, "Status: 404 Not Found");
	ck_assert(!body_has("quote reference"));
}
END_TEST

/* --- routing -------------------------------------------------------------- */

START_TEST(route_not_found_html)
{
	begin("GET", "/no-such-page?x=1");
	serve();
	assert_status(404, "Status: 404 Not Found");
	assert_html_error("404 — Page not found",
	    "There is no page at /no-such-page.");
	assert_body_has("<title>Page not found · Cibozer</title>");

	/* trailing slash, double slash: not the page */
	begin("GET", "/about/");
	serve();
	assert_status(404, "Status: 404 Not Found");
	begin("GET", "//about");
	serve();
	assert_status(404, "Status: 404 Not Found");
}
END_TEST

START_TEST(route_not_found_json)
{
	begin("GET", "/api/no-such-thing");
	serve();
	assert_status(404, "Status: 404 Not Found");
	assert_json_error(404, "There is no page at /api/no-such-thing.");
	ck_assert_str_eq(resp.body, "{\"error\":{\"status\":404,\"message\":"
	    "\"There is no page at /api/no-such-thing.\"}}\n");

	/* a client that asks for JSON only gets JSON anywhere */
	begin("GET", "/no-such-page");
	env("HTTP_ACCEPT", "application/json");
	serve();
	assert_status(404, "Status: 404 Not Found");
	assert_json_error(404, "There is no page at /no-such-page.");

	/* a browser's Accept keeps HTML */
	begin("GET", "/no-such-page");
	env("HTTP_ACCEPT", "text/html,application/xhtml+xml,application/json;"
	    "q=0.9");
	serve();
	assert_status(404, "Status: 404 Not Found");
	assert_header("Content-Type", HTML);
}
END_TEST

START_TEST(route_bad_method)
{
	begin("POST", "/about");
	body("application/x-www-form-urlencoded", "a=1");
	serve();
	assert_status(405, "Status: 405 Method Not Allowed");
	assert_header("Allow", "GET, HEAD");
	assert_html_error("Method not allowed",
	    "POST is not allowed here; allowed: GET, HEAD.");

	begin("DELETE", "/api/plans");
	serve();
	assert_status(405, "Status: 405 Method Not Allowed");
	assert_header("Allow", "POST");
	assert_json_error(405, "DELETE is not allowed here; allowed: POST.");

	/* a path with both */
	begin("PUT", "/login");
	serve();
	assert_status(405, "Status: 405 Method Not Allowed");
	assert_header("Allow", "GET, HEAD, POST");

	/* nothing of one response is left for the next */
	begin("GET", "/about");
	serve();
	assert_status(200, "Status: 200 OK");
	ck_assert_ptr_null(header("Allow"));
}
END_TEST

/* --- pages that need no database ------------------------------------------ */

static const struct {
	const char	*path;
	const char	*title;
} pages[] = {
	{ "/",
	    "<title>Accurate 7-day meal plans · Cibozer</title>" },
	{ "/about",		"<title>About · Cibozer</title>" },
	{ "/terms",		"<title>Terms of Service · Cibozer</title>" },
	{ "/privacy",		"<title>Privacy Policy · Cibozer</title>" },
	{ "/disclaimers",	"<title>Disclaimers · Cibozer</title>" },
	{ "/login",		"<title>Log in · Cibozer</title>" },
	{ "/register",		"<title>Create an account · Cibozer</title>" },
};

START_TEST(static_page)
{
	size_t len;

	begin("GET", pages[_i].path);
	serve();
	assert_status(200, "Status: 200 OK");
	assert_header("Content-Type", HTML);
	assert_header("Cache-Control", "no-cache");
	ck_assert_ptr_null(header("Retry-After"));
	ck_assert_ptr_null(header("Set-Cookie"));
	assert_body_has(pages[_i].title);
	assert_body_has("<!doctype html>");
	assert_body_has("</html>");
	assert_body_has("Not medical advice");
	assert_body_has("Food and Drug Administration");
	len = resp.body_len;

	/* HEAD: the same head, no body */
	begin("HEAD", pages[_i].path);
	serve();
	assert_status(200, "Status: 200 OK");
	assert_header("Content-Type", HTML);
	ck_assert_uint_eq(resp.body_len, 0);
	ck_assert_uint_eq(strtoull(header("Content-Length"), NULL, 10), len);
}
END_TEST

START_TEST(health_live)
{
	begin("GET", "/health/live");
	serve();
	assert_status(200, "Status: 200 OK");
	assert_header("Content-Type", JSON);
	assert_header("Cache-Control", "no-store");
	ck_assert_str_eq(resp.body, "{\"status\":\"ok\"}\n");

	begin("HEAD", "/health/live");
	serve();
	assert_status(200, "Status: 200 OK");
	ck_assert_uint_eq(resp.body_len, 0);

	begin("POST", "/health/live");
	serve();
	assert_status(405, "Status: 405 Method Not Allowed");
	assert_json_error(405, NULL);
}
END_TEST

START_TEST(head_of_error_has_no_body)
{
	begin("HEAD", "/no-such-page");
	serve();
	assert_status(404, "Status: 404 Not Found");
	assert_header("Content-Type", HTML);
	ck_assert_uint_eq(resp.body_len, 0);
	ck_assert_uint_gt(strtoull(header("Content-Length"), NULL, 10), 0);
}
END_TEST

START_TEST(client_gone)
{
	/* a client that went away does not take the process with it, nor
	 * spoil the next request */
	begin("GET", "/about");
	fio.fail_writes = 1;
	cz_pipeline_handle(&app, &transport);
	ck_assert_ptr_null(fio.out);

	begin("GET", "/about");
	serve();
	assert_status(200, "Status: 200 OK");
}
END_TEST

/* --- bodies (the CSP report sink: a body, no database, no CSRF check) ----- */

#define CSP_REPORT "{\"csp-report\":{\"document-uri\":\"" BASE_URL "/\"," \
	"\"violated-directive\":\"script-src\",\"blocked-uri\":\"inline\"}}"

START_TEST(body_accepted)
{
	begin("POST", "/csp-report");
	env("HTTP_ORIGIN", FOREIGN);	/* browsers post these themselves */
	body("application/csp-report", CSP_REPORT);
	serve();
	assert_status(204, "Status: 204 No Content");
	ck_assert_ptr_null(header("Content-Type"));
	assert_header("Cache-Control", "no-store");

	begin("POST", "/csp-report");
	body("application/json; charset=utf-8", CSP_REPORT);
	serve();
	assert_status(204, "Status: 204 No Content");
}
END_TEST

START_TEST(body_too_large)
{
	/* refused on its Content-Length, before reading a byte */
	begin("POST", "/csp-report");
	env("CONTENT_TYPE", "application/json");
	env("CONTENT_LENGTH", "%d", MAX_BODY + 1);
	body_data("{}", 2);
	serve();
	assert_status(413, "Status: 413 Content Too Large");
	assert_json_error(413, "the request body is larger than 65536 bytes");
	ck_assert_uint_eq(fio.body_off, 0);

	/* as much as allowed is read */
	{
		char *big = repeat(' ', MAX_BODY);

		memcpy(big, CSP_REPORT, strlen(CSP_REPORT));
		begin("POST", "/csp-report");
		body_n("application/json", big, MAX_BODY);
		serve();
		assert_status(204, "Status: 204 No Content");
		free(big);
	}

	/* a form field over max_param_value */
	{
		char *form = repeat('v', MAX_VALUE + 3);

		memcpy(form, "a=", 2);
		begin("POST", "/csp-report");
		body("application/x-www-form-urlencoded", form);
		serve();
		assert_status(413, "Status: 413 Content Too Large");
		assert_json_error(413, "the form body is invalid: parameter or "
		    "body too long");
		free(form);
	}
}
END_TEST

START_TEST(body_bad_length)
{
	begin("POST", "/csp-report");
	env("CONTENT_TYPE", "application/json");
	env("CONTENT_LENGTH", "12x");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "Content-Length is malformed");

	begin("POST", "/csp-report");
	env("CONTENT_TYPE", "application/json");
	env("CONTENT_LENGTH", "-1");
	serve();
	assert_status(400, "Status: 400 Bad Request");

	/* shorter than announced */
	begin("POST", "/csp-report");
	body("application/json", "{\"a\":1}");
	fio.body_len = 3;
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the request body ended early");
}
END_TEST

START_TEST(body_unsupported_type)
{
	begin("POST", "/csp-report");
	body("text/plain", CSP_REPORT);
	serve();
	assert_status(415, "Status: 415 Unsupported Media Type");
	assert_json_error(415, "unsupported Content-Type: send "
	    "application/json or application/x-www-form-urlencoded");

	begin("POST", "/csp-report");
	body("multipart/form-data; boundary=x", "--x--");
	serve();
	assert_status(415, "Status: 415 Unsupported Media Type");

	/* a type that only starts like JSON's */
	begin("POST", "/csp-report");
	body("application/jsonx", CSP_REPORT);
	serve();
	assert_status(415, "Status: 415 Unsupported Media Type");
}
END_TEST

START_TEST(body_malformed_json)
{
	char deep[64];
	size_t i;

	begin("POST", "/csp-report");
	body("application/json", "{\"csp-report\":");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the JSON body is invalid: malformed input");

	begin("POST", "/csp-report");
	body("application/json", "{} {}");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the JSON body is invalid: malformed input");

	begin("POST", "/csp-report");
	body("application/json", "{\"a\":\"\xc3\x28\"}");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the JSON body is invalid: invalid UTF-8 text");

	/* nesting: max_json_depth levels pass the parser, one more not */
	for (i = 0; i < MAX_DEPTH + 1; i++) {
		deep[i] = '[';
		deep[MAX_DEPTH + 1 + i] = ']';
	}
	deep[2 * (MAX_DEPTH + 1)] = '\0';
	begin("POST", "/csp-report");
	body("application/json", deep);
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the JSON body is invalid: nesting too deep");
	deep[2 * MAX_DEPTH + 1] = '\0';		/* one level less */
	begin("POST", "/csp-report");
	body("application/json", deep + 1);
	serve();
	assert_status(400, "Status: 400 Bad Request");	/* by the handler */
	assert_json_error(400, "expected a JSON object with a \"csp-report\" "
	    "member");
}
END_TEST

START_TEST(body_invalid_fields)
{
	struct json_object *o, *errors;

	/* well-formed JSON the handler's table refuses: field errors */
	begin("POST", "/csp-report");
	body("application/json", "{\"csp-report\":{\"blocked-uri\":\"x\"}}");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_header("Content-Type", JSON);
	ck_assert_ptr_nonnull(o = json_tokener_parse(resp.body));
	ck_assert(json_object_object_get_ex(o, "errors", &errors));
	ck_assert(json_object_object_get_ex(errors, "violated-directive",
	    NULL));
	json_object_put(o);

	/* no body at all */
	begin("POST", "/csp-report");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, NULL);
}
END_TEST

/* --- the database down ---------------------------------------------------- */

START_TEST(db_down_api)
{
	begin("POST", "/api/plans");
	env("HTTP_ORIGIN", BASE_URL);
	body("application/json", "{\"calories\":2000}");
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	assert_header("Retry-After", RETRY_AFTER);
	assert_json_error(503, "the database is unavailable; please try again "
	    "shortly");

	/* the body is checked first: a malformed one is the client's */
	begin("POST", "/api/plans");
	body("application/json", "{\"calories\":");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_json_error(400, "the JSON body is invalid: malformed input");
	ck_assert_ptr_null(header("Retry-After"));

	begin("GET", "/api/me");
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	assert_header("Retry-After", RETRY_AFTER);
	assert_json_error(503, NULL);
}
END_TEST

START_TEST(db_down_pages)
{
	char *token = repeat('A', 43);	/* a well-formed session token */

	begin("GET", "/plans");
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	assert_header("Retry-After", RETRY_AFTER);
	assert_html_error("Temporarily unavailable", "the database is "
	    "unavailable; please try again shortly");
	assert_body_has("Please wait a minute and try again later.");

	begin("HEAD", "/plans");
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	ck_assert_uint_eq(resp.body_len, 0);

	/* a page that needs no database still answers, session cookie or
	 * not (the session cannot be looked up: signed out) */
	begin("GET", "/about");
	env("HTTP_COOKIE", SESSION_COOKIE "=%s", token);
	serve();
	assert_status(200, "Status: 200 OK");
	assert_header("Cache-Control", "no-cache");
	free(token);

	/* readiness says why */
	begin("GET", "/health/ready");
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	assert_header("Content-Type", JSON);
	assert_header("Retry-After", RETRY_AFTER);
	assert_body_has("\"status\":\"unavailable\"");
	assert_body_has("\"database\":\"unreachable\"");
}
END_TEST

START_TEST(db_down_before_csrf)
{
	/* The pipeline checks the database before who is asking and the
	 * CSRF check: with it down a cross-site post gets the 503 as well
	 * (and is refused all the same). */
	begin("POST", "/login");
	env("HTTP_ORIGIN", FOREIGN);
	body("application/x-www-form-urlencoded", "email=a%40b.example&"
	    "password=x");
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	assert_header("Retry-After", RETRY_AFTER);
}
END_TEST

/* --- CSRF decisions (a fake database that drops every statement) ---------- */

#define LOGIN_JSON "{\"email\":\"someone@example.org\",\"password\":" \
	"\"correct horse battery staple\"}"

START_TEST(csrf_foreign_origin_refused)
{
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", FOREIGN);
	body("application/json", LOGIN_JSON);
	serve();
	assert_status(403, "Status: 403 Forbidden");
	assert_json_error(403, "this request came from another site");
	ck_assert_ptr_null(header("Retry-After"));

	/* the HTML form: the error page */
	begin("POST", "/login");
	env("HTTP_ORIGIN", FOREIGN);
	body("application/x-www-form-urlencoded", "email=a%40b.example&"
	    "password=x");
	serve();
	assert_status(403, "Status: 403 Forbidden");
	assert_html_error("Forbidden", "this request came from another site");

	/* origins that only look like ours */
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", BASE_URL ":444");
	body("application/json", LOGIN_JSON);
	serve();
	assert_status(403, "Status: 403 Forbidden");
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", BASE_URL ".evil.example");
	body("application/json", LOGIN_JSON);
	serve();
	assert_status(403, "Status: 403 Forbidden");
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", "http://cibozer.test");
	body("application/json", LOGIN_JSON);
	serve();
	assert_status(403, "Status: 403 Forbidden");

	/* an opaque origin (sandboxed frame, data: URL) is not ours */
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", "null");
	body("application/json", LOGIN_JSON);
	serve();
	assert_status(403, "Status: 403 Forbidden");

	/* nothing reached the database */
	ck_assert_uint_eq(atomic_load(&pg.executes), 0);
}
END_TEST

START_TEST(csrf_same_origin_reaches_handler)
{
	/* The handler validates first (400 with field errors, no statement
	 * run), ... */
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", BASE_URL);
	body("application/json", "{}");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_header("Content-Type", JSON);
	assert_body_has("\"errors\":{");
	assert_body_has("\"password\"");
	ck_assert_uint_eq(atomic_load(&pg.executes), 0);

	/* ... then meets the database going away: 503, Retry-After */
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", BASE_URL);
	body("application/json", LOGIN_JSON);
	serve();
	assert_status(503, "Status: 503 Service Unavailable");
	assert_header("Retry-After", RETRY_AFTER);
	assert_json_error(503, NULL);
	ck_assert_uint_ge(atomic_load(&pg.executes), 1);

	/* the second origin the site answers on */
	begin("POST", "/api/login");
	env("HTTP_ORIGIN", EXTRA_ORIGIN);
	body("application/json", "{}");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_body_has("\"errors\":{");

	/* the HTML form, same origin: the form again with the errors */
	begin("POST", "/login");
	env("HTTP_ORIGIN", BASE_URL);
	body("application/x-www-form-urlencoded", "email=");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_header("Content-Type", HTML);
	assert_body_has("<title>Log in · Cibozer</title>");
}
END_TEST

START_TEST(csrf_no_origin_without_session)
{
	/* Without a session nothing is authenticated by a cookie: a client
	 * that sends no Origin (curl, a server) is not refused. */
	begin("POST", "/api/login");
	body("application/json", "{}");
	serve();
	assert_status(400, "Status: 400 Bad Request");
	assert_body_has("\"errors\":{");

	/* safe methods are never refused, whatever their origin */
	begin("GET", "/login");
	env("HTTP_ORIGIN", FOREIGN);
	serve();
	assert_status(200, "Status: 200 OK");
}
END_TEST

START_TEST(api_json_errors)
{
	/* the API answers JSON, errors included: not signed in */
	begin("GET", "/api/me");
	serve();
	assert_status(401, "Status: 401 Unauthorized");
	assert_json_error(401, "log in first (POST /api/login)");

	/* a malformed API key: 401 with the RFC 6750 challenge */
	begin("GET", "/api/me");
	env("HTTP_AUTHORIZATION", "Basic dXNlcjpwYXNz");
	serve();
	assert_status(401, "Status: 401 Unauthorized");
	assert_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
	assert_json_error(401, NULL);
	ck_assert_uint_eq(atomic_load(&pg.executes), 0);

	/* the fake server was connected to and prepared every statement */
	ck_assert_uint_ge(atomic_load(&pg.connections), 1);
}
END_TEST

/* --- headers --------------------------------------------------------------- */

START_TEST(set_cookie_once_per_name)
{
	/* A password or address change clears the session cookie, then
	 * starts a new session: the response must set the cookie once (the
	 * new one), keeping other headers and other cookies in order. */
	struct cz_request r;
	cz_buf h;

	memset(&r, 0, sizeof(r));
	cz_buf_init(&h, 0);
	r.headers = &h;
	cz_resp_header(&r, "Set-Cookie", "%s=; Path=/; Max-Age=0",
	    SESSION_COOKIE);
	cz_resp_header(&r, "X-Other", "1");
	cz_resp_header(&r, "Set-Cookie", "%s2=x; Path=/", SESSION_COOKIE);
	cz_resp_header(&r, "Set-Cookie", "%s=abc; Path=/; Max-Age=60",
	    SESSION_COOKIE);
	ck_assert_str_eq(h.data, "X-Other: 1\r\n"
	    "Set-Cookie: " SESSION_COOKIE "2=x; Path=/\r\n"
	    "Set-Cookie: " SESSION_COOKIE "=abc; Path=/; Max-Age=60\r\n");
	/* and the other way round: a clear after a set wins */
	cz_resp_header(&r, "Set-Cookie", "%s=; Path=/; Max-Age=0",
	    SESSION_COOKIE);
	ck_assert_str_eq(h.data, "X-Other: 1\r\n"
	    "Set-Cookie: " SESSION_COOKIE "2=x; Path=/\r\n"
	    "Set-Cookie: " SESSION_COOKIE "=; Path=/; Max-Age=0\r\n");
	ck_assert_uint_eq(h.len, strlen(h.data));
	cz_buf_free(&h);
}
END_TEST

/* --- the suite ------------------------------------------------------------ */

static Suite *
responder_suite(void)
{
	Suite *s = suite_create("responder");
	TCase *tc;

	tc = tcase_create("head");
	tcase_add_checked_fixture(tc, setup_db_down, teardown_app);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, head_bad_method);
	tcase_add_test(tc, head_path_too_long);
	tcase_add_test(tc, head_headers_too_large);
	tcase_add_test(tc, head_query_limits);
	tcase_add_test(tc, head_cookie_limits);
	tcase_add_test(tc, head_cgi_variables);
	suite_add_tcase(s, tc);

	tc = tcase_create("routing");
	tcase_add_checked_fixture(tc, setup_db_down, teardown_app);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, route_not_found_html);
	tcase_add_test(tc, route_not_found_json);
	tcase_add_test(tc, route_bad_method);
	suite_add_tcase(s, tc);

	tc = tcase_create("pages");
	tcase_add_checked_fixture(tc, setup_db_down, teardown_app);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, static_page, 0,
	    (int)(sizeof(pages) / sizeof(pages[0])));
	tcase_add_test(tc, health_live);
	tcase_add_test(tc, head_of_error_has_no_body);
	tcase_add_test(tc, client_gone);
	suite_add_tcase(s, tc);

	tc = tcase_create("body");
	tcase_add_checked_fixture(tc, setup_db_down, teardown_app);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, body_accepted);
	tcase_add_test(tc, body_too_large);
	tcase_add_test(tc, body_bad_length);
	tcase_add_test(tc, body_unsupported_type);
	tcase_add_test(tc, body_malformed_json);
	tcase_add_test(tc, body_invalid_fields);
	suite_add_tcase(s, tc);

	tc = tcase_create("database down");
	tcase_add_checked_fixture(tc, setup_db_down, teardown_app);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, db_down_api);
	tcase_add_test(tc, db_down_pages);
	tcase_add_test(tc, db_down_before_csrf);
	suite_add_tcase(s, tc);

	tc = tcase_create("headers");
	tcase_add_test(tc, set_cookie_once_per_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("csrf");
	tcase_add_checked_fixture(tc, setup_fake_db, teardown_fake_db);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, csrf_foreign_origin_refused);
	tcase_add_test(tc, csrf_same_origin_reaches_handler);
	tcase_add_test(tc, csrf_no_origin_without_session);
	tcase_add_test(tc, api_json_errors);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(responder_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
