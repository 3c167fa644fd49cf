/*
 * main.c - cibozer-fcgi: start-up, the FastCGI accept loop of a worker, and
 * the plain CGI mode.
 *
 * Started by spawn-fcgi with a listening socket on descriptor 0, the
 * process becomes a supervisor of pre-forked workers (pool.c). Started
 * without one (a web server running it as a CGI program), it serves exactly
 * one request from its environment and standard input, through the same
 * pipeline.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app.h"
#include "log.h"
#include "metrics.h"
#include "numparse.h"
#include "pool.h"
#include "routes.h"

extern char **environ;

static volatile sig_atomic_t stopping;

/* --- FastCGI transport ---------------------------------------------------- */

static const char *
fcgi_getenv(void *ctx, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}

static long
fcgi_read(void *ctx, char *buf, size_t n)
{
	int chunk = n > 65536 ? 65536 : (int)n;

	return FCGX_GetStr(buf, chunk, ((FCGX_Request *)ctx)->in);
}

static int
fcgi_write(void *ctx, const char *buf, size_t n)
{
	FCGX_Request *req = ctx;
	size_t off = 0;
	int chunk;

	/* Bounded writes: libfcgi fails on very large single writes. */
	while (off < n) {
		chunk = n - off > 65536 ? 65536 : (int)(n - off);
		if (FCGX_PutStr(buf + off, chunk, req->out) != chunk)
			return -1;
		off += (size_t)chunk;
	}
	return 0;
}

static void
fcgi_each_env(void *ctx, void (*fn)(void *, const char *), void *arg)
{
	char **e;

	for (e = ((FCGX_Request *)ctx)->envp; e != NULL && *e != NULL; e++)
		fn(arg, *e);
}

/* --- CGI transport -------------------------------------------------------- */

static const char *
cgi_getenv(void *ctx, const char *name)
{
	(void)ctx;
	return getenv(name);
}

static long
cgi_read(void *ctx, char *buf, size_t n)
{
	size_t got;

	(void)ctx;
	got = fread(buf, 1, n, stdin);
	if (got == 0 && ferror(stdin))
		return -1;
	return (long)got;
}

static int
cgi_write(void *ctx, const char *buf, size_t n)
{
	(void)ctx;
	return fwrite(buf, 1, n, stdout) == n ? 0 : -1;
}

static void
cgi_each_env(void *ctx, void (*fn)(void *, const char *), void *arg)
{
	char **e;

	(void)ctx;
	for (e = environ; e != NULL && *e != NULL; e++)
		fn(arg, *e);
}

/* --- workers -------------------------------------------------------------- */

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

static int
worker_main(void *arg)
{
	struct cz_app *app = arg;
	struct sigaction sa;
	FCGX_Request req;
	struct cz_io io;

	/* No SA_RESTART: a blocked accept() must return on SIGTERM so an
	 * idle worker stops at once; a busy one finishes its request. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);

	if (cz_app_worker_init(app) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: out of memory", __func__);
		return 1;
	}
	/* Connect now so the first request does not pay for it; failure is
	 * fine, requests reconnect. */
	(void)cz_db_ensure(app->db);

	if (FCGX_InitRequest(&req, 0, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		cz_log(CZ_LOG_ERROR, "%s: FCGX_InitRequest failed", __func__);
		return 1;
	}
	io.getenv = fcgi_getenv;
	io.read = fcgi_read;
	io.write = fcgi_write;
	io.each_env = fcgi_each_env;
	io.ctx = &req;
	while (!stopping && FCGX_Accept_r(&req) >= 0) {
		cz_app_handle(app, &io);
		FCGX_Finish_r(&req);
	}
	FCGX_Free(&req, 1);
	cz_app_free(app);
	return 0;
}

static int
serve_cgi(struct cz_app *app)
{
	struct cz_io io = { cgi_getenv, cgi_read, cgi_write, cgi_each_env,
	    NULL };

	signal(SIGPIPE, SIG_IGN);
	if (cz_app_worker_init(app) == -1)
		return 1;
	cz_app_handle(app, &io);
	fflush(stdout);
	cz_app_free(app);
	return 0;
}

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: cibozer-fcgi [--config FILE] [--workers N] "
	    "[--check]\n"
	    "  Under spawn-fcgi (a socket on stdin): runs a supervised pool "
	    "of N workers.\n"
	    "  Otherwise: serves one request as a CGI program.\n"
	    "  --check   load settings, templates and migrations, then exit\n");
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "config",	required_argument,	NULL, 'c' },
		{ "workers",	required_argument,	NULL, 'w' },
		{ "check",	no_argument,		NULL, 'k' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *config = NULL, *workers = NULL, *path, *errstr;
	struct cz_settings s;
	struct cz_app app;
	char err[1024];
	int ch, check = 0, required, rc;

	while ((ch = getopt_long(argc, argv, "c:w:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			config = optarg;
			break;
		case 'w':
			workers = optarg;
			break;
		case 'k':
			check = 1;
			break;
		case 'V':
			printf("cibozer-fcgi %s\n", PACKAGE_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}

	cz_log_init("cibozer-fcgi", CZ_LOG_INFO);
	cz_settings_defaults(&s);
	path = cz_settings_path(config, &required);
	if (cz_settings_load(&s, path, required, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "configuration: %s", err);
		return 1;
	}
	if (workers != NULL) {
		s.workers = cz_strtonum(workers, 1, CZ_POOL_MAX_WORKERS, &errstr);
		if (errstr != NULL) {
			cz_log(CZ_LOG_ERROR, "--workers %s is %s (1..%d)",
			    workers, errstr, CZ_POOL_MAX_WORKERS);
			return 1;
		}
	}
	cz_log_init("cibozer-fcgi", (enum cz_log_level)s.log_level);
	if (FCGX_Init() != 0) {
		cz_log(CZ_LOG_ERROR, "FCGX_Init failed");
		return 1;
	}
	if (cz_app_init(&app, &s, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "start-up: %s", err);
		if (FCGX_IsCGI() && !check) {
			/* Still answer the CGI request, as a bare 500. */
			fputs("Status: 500 Internal Server Error\r\n"
			    "Content-Type: text/plain\r\n\r\n"
			    "The service is misconfigured; see the server "
			    "log.\n", stdout);
		}
		return 1;
	}
	if (check) {
		printf("configuration, %zu routes and templates are valid\n",
		    cz_nroutes);
		cz_app_free(&app);
		return 0;
	}
	if (FCGX_IsCGI()) {
		app.cgi = 1;
		return serve_cgi(&app);
	}

	if ((app.metrics = cz_metrics_new(cz_nroutes)) == NULL) {
		cz_log(CZ_LOG_ERROR, "cannot map the shared metrics: %s",
		    strerror(errno));
		return 1;
	}
	rc = cz_pool_run((int)s.workers, worker_main, &app, app.metrics);
	cz_metrics_free(app.metrics);
	app.metrics = NULL;
	cz_app_free(&app);
	return rc;
}
