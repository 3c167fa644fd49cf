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
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/resource.h>
#include <sys/socket.h>

#include <fastcgi.h>
#include <fcgiapp.h>

#include "fcgi_out.h"
#include "key_usage.h"
#include "pipeline.h"
#include "plans.h"
#include "log.h"
#include "metrics.h"
#include "numparse.h"
#include "pool.h"
#include "reload.h"
#include "session.h"
#include "routes.h"
#include "upgrade.h"

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

	/* A large body in records of up to 64 KB (fcgi_out.h), after what
	 * the stream holds, so that the bytes keep their order; a small one
	 * (under CZ_FCGI_DIRECT_MIN, so an int) through the stream. */
	if (n >= CZ_FCGI_DIRECT_MIN) {
		if (FCGX_FFlush(req->out) == -1)
			return -1;
		return cz_fcgi_stdout_records(req->ipcFd, req->requestId, buf,
		    n);
	}
	return FCGX_PutStr(buf, (int)n, req->out) == (int)n ? 0 : -1;
}

/* A response's head and body: a large one (see fcgi_write) as records
 * with the head in the first, in one writev(2); a small one through the
 * stream, which writes it with the end of the request. */
static int
fcgi_write_parts(void *ctx, const struct iovec *part, int n)
{
	FCGX_Request *req = ctx;
	size_t total = 0;
	int i;

	for (i = 0; i < n; i++)
		total += part[i].iov_len;
	if (total < CZ_FCGI_DIRECT_MIN || n > CZ_FCGI_PARTS_MAX) {
		for (i = 0; i < n; i++)
			if (fcgi_write(ctx, part[i].iov_base,
			    part[i].iov_len) == -1)
				return -1;
		return 0;
	}
	if (FCGX_FFlush(req->out) == -1)
		return -1;
	return cz_fcgi_stdout_parts(req->ipcFd, req->requestId, part, n);
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

/*
 * A worker holds every connection nginx keeps open to it (fastcgi_keep_conn
 * with an upstream keepalive pool) and serves, one request at a time,
 * whichever of them has a request, accepting new connections as they come.
 *
 * Why: libfcgi's own loop (FCGX_Accept_r on one request) parks a worker on
 * a kept connection until nginx sends its next request there or closes it.
 * nginx opens a new connection whenever it has no idle one, so with every
 * worker parked, new connections wait in the socket's backlog until nginx
 * lets one go: the stalls of seconds NOTES.md describes.  Here no
 * connection waits for a worker to be free of another connection, and a
 * worker never closes a connection nginx may be sending on (only nginx
 * does, or the worker on shutdown), so no request is lost to that race.
 *
 * The listening socket is non-blocking, shared by all workers: a new
 * connection wakes the idle ones and one of them takes it.  Each
 * connection has its own FCGX_Request; libfcgi reads a request only once
 * poll() says its connection has bytes, and never accepts by itself.
 *
 * Fairness: each round serves every connection that has a request once,
 * then takes every connection waiting in the backlog, not one, and serves
 * those. nginx reuses a kept connection for its next GET at once, while a
 * POST (never kept) and any GET beyond nginx's few idle kept connections
 * come on a new one: taking one per round let the kept connections jump
 * the queue; with 1,000 clients the backlog held ~830 connections while
 * the workers held ~80, POST /api/plans starved and nginx timed out
 * (bench/load). But a round that served no request on a kept connection
 * takes at most QUIET_TAKE: with only new connections to serve (every
 * POST), the worker that woke first took the whole backlog and served it
 * one by one while the other sat idle with none, so a request waited for
 * two rounds of the busy worker: at 32 plans in flight, p99 64-88 ms for
 * a median of 32-41; taking two at a time, the workers share the backlog
 * in arrival order (p99 45-66 ms, up to 5 % more plans a second).
 *
 * A plan's answer waits for its durable commit, but the worker does not:
 * the request parks (pipeline.h) with its connection left out of the
 * watch until it is answered, and the database's socket is watched beside
 * the rest, so the worker answers it when the result arrives or when the
 * next request wants the database, whichever comes first; a stopping
 * worker answers it before it closes anything.
 *
 * A worker must also be able to hold every connection nginx may open to
 * the pool (worker_processes x worker_connections / 2: 4096 with the
 * documented nginx settings), or the surplus waits in the backlog behind
 * the kept ones just the same: hence up to WORKER_CONNS, as far as the
 * descriptor limit allows (conn_limit).
 */
#define WORKER_CONNS	4096	/* connections one worker holds at most */
#define SPARE_FDS	32	/* descriptors kept for the rest (database, logs, files) */
#define QUIET_TAKE	2	/* new connections a round without kept ones takes */
#define DRAIN_QUIET_MS	100	/* a stopping worker's wait for requests */
#define DRAIN_MAX_MS	3000	/* ... and for a new connection's first */

struct conn {
	FCGX_Request	 req;		/* first: fcgi_done finds the conn */
	int		 open;
	int		 served;	/* requests served on it */
	int		 parked;	/* its request waits (pipeline.h) */
};

static size_t nslots = WORKER_CONNS;	/* conn_limit() */
/*
 * Connections open now. A new connection takes the lowest free slot, so
 * the open ones stay at the low slots and a round looks at as many slots
 * as connections were open at once, not at all 4,096 (a scan of every
 * slot's struct, 450 kB, was 7 % of a worker's CPU under bench/plans).
 */
static size_t nopen_conns;

static void
set_open(struct conn *c, int open)
{
	if (c->open != open)
		nopen_conns += open ? 1 : (size_t)-1;
	c->open = open;
}

/* Raises the soft descriptor limit to the hard one and returns how many
 * connections fit below it, at most WORKER_CONNS. */
static size_t
conn_limit(void)
{
	struct rlimit rl;
	rlim_t room;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
		return 1024 - SPARE_FDS;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
			(void)getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= WORKER_CONNS + SPARE_FDS)
		return WORKER_CONNS;
	room = rl.rlim_cur >= 2 * SPARE_FDS ? rl.rlim_cur - SPARE_FDS :
	    rl.rlim_cur / 2;
	return room > 0 ? (size_t)room : 1;
}

/* Takes a waiting connection into a free slot; 0 when none was waiting. */
static int
take_connection(struct cz_app *app, struct conn *c, int listen_fd)
{
	int fd;

	fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd == -1)
		return 0;	/* another worker took it, or an aborted one */
	if (app->metrics != NULL)
		cz_metrics_connection(app->metrics);
	c->req.ipcFd = fd;
	/* FCGX_Accept_r first finishes the previous request and would close
	 * the descriptor unless the connection is marked kept. */
	c->req.keepConnection = 1;
	set_open(c, 1);
	c->served = 0;
	c->parked = 0;
	return 1;
}

static void
drop_connection(struct conn *c)
{
	FCGX_Free(&c->req, 1);
	set_open(c, 0);
}

/* The end of a request on c: libfcgi ends it (and closes a connection
 * nginx did not ask to keep). */
static void
end_request(struct conn *c)
{
	FCGX_Finish_r(&c->req);
	c->served++;
	if (c->req.ipcFd < 0)
		set_open(c, 0);	/* nginx did not ask to keep it */
}

/* io->done: the parked request of a connection was answered. */
static void
fcgi_done(void *ctx)
{
	struct conn *c = (struct conn *)ctx;	/* its first member */

	c->parked = 0;
	end_request(c);
}

/* Reads and serves the request waiting on c; drops c when nginx closed it
 * or the request is unreadable. Returns 1 when a request was served (or
 * parked: c is then left alone until fcgi_done). */
static int
serve_connection(struct cz_app *app, struct cz_io *io, struct conn *c)
{
	char b;
	ssize_t n;

	n = recv(c->req.ipcFd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
	if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK ||
	    errno == EINTR))
		return 0;
	if (n <= 0) {
		drop_connection(c);
		return 0;
	}
	/* On a protocol error libfcgi closes the connection and would accept
	 * on the non-blocking socket, which fails: the slot is dropped. */
	if (FCGX_Accept_r(&c->req) < 0) {
		drop_connection(c);
		return 0;
	}
	io->ctx = &c->req;
	if (cz_pipeline_handle(app, io) == 1) {
		c->parked = 1;
		return 1;
	}
	end_request(c);
	return 1;
}

/* Whether SIGTERM or SIGINT waits. ppoll() delivers them only when it
 * sleeps: when descriptors are ready at once, as they are for a worker
 * under load, the signal stays pending (blocked again on return), and the
 * worker would go on serving. */
static int
term_pending(void)
{
	sigset_t p;

	if (sigpending(&p) == -1)
		return 0;
	return sigismember(&p, SIGTERM) == 1 || sigismember(&p, SIGINT) == 1;
}

/* Whether bytes wait on c's connection. */
static int
pending(const struct conn *c)
{
	char b;

	return recv(c->req.ipcFd, &b, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * A stopping worker (SIGTERM: the pool stops, or a reload or an upgrade
 * retires it) accepts no new connection: the listening socket stays open
 * in the supervisor and the other workers, which take them. What nginx
 * already sent on a connection this worker holds is answered, and the
 * connection is closed right after its answer; a kept connection idle for
 * DRAIN_QUIET_MS is closed, a new one gets DRAIN_MAX_MS for its first
 * request. A connection is checked for waiting bytes just before it is
 * closed, so the only loss is a request nginx writes in the microseconds
 * between that check and the close; nginx then retries it, since the
 * connection was a kept one (GET and HEAD only: fastcgi snippet). Nothing
 * is ever cut in the middle of a request.
 */
/* Fills pfd (and slot, the index in conns of each) with the open
 * connections to watch for a request; returns how many. */
static size_t
watch_open(const struct conn *conns, struct pollfd *pfd, size_t *slot)
{
	size_t i, n = 0, seen = 0;

	for (i = 0; i < nslots && seen < nopen_conns; i++) {
		if (!conns[i].open)
			continue;
		seen++;
		/* nginx sends nothing more on it before its answer */
		if (conns[i].parked)
			continue;
		pfd[n].fd = conns[i].req.ipcFd;
		pfd[n].events = POLLIN;
		pfd[n].revents = 0;
		slot[n++] = i;
	}
	return n;
}

static void
drain(struct cz_app *app, struct cz_io *io, struct conn *conns)
{
	static struct pollfd pfd[WORKER_CONNS];
	static size_t slot[WORKER_CONNS];
	struct timespec quiet = { 0, DRAIN_QUIET_MS * 1000000L };
	long long deadline = now_ms() + DRAIN_MAX_MS;
	size_t i, n;
	struct conn *c;
	int r;

	for (;;) {
		cz_pipeline_settle(app);
		n = watch_open(conns, pfd, slot);
		if (n == 0)
			return;
		r = ppoll(pfd, n, &quiet, NULL);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			return;		/* exiting closes them all */
		for (i = 0; i < n; i++) {
			c = &conns[slot[i]];
			if (pfd[i].revents == 0)
				continue;
			/* Everything waiting on it, answered at once (a
			 * parked plan too), then close it. */
			do {
				serve_connection(app, io, c);
				cz_pipeline_settle(app);
			} while (c->open && pending(c));
			if (c->open)
				drop_connection(c);
		}
		if (r > 0 && now_ms() <= deadline)
			continue;
		/* Quiet (or past the deadline): close the kept connections,
		 * and past the deadline the new ones too, unless a request
		 * just came on one: it is served on the next round. */
		for (i = 0; i < n; i++) {
			c = &conns[slot[i]];
			if (!c->open || pending(c))
				continue;
			if (c->served > 0 || now_ms() > deadline)
				drop_connection(c);
		}
	}
}

/* The sooner of two waits in milliseconds, -1 meaning none. */
static int
soonest_ms(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

static int
worker_main(void *arg)
{
	static struct conn conns[WORKER_CONNS];
	static struct pollfd pfd[WORKER_CONNS + 2];
	static size_t slot[WORKER_CONNS + 2];
	struct cz_app *app = arg;
	struct sigaction sa;
	struct timespec wait, now = { 0, 0 };
	struct cz_io io;
	sigset_t term, waiting;
	size_t i, n, nopen, next = 0, kept, take, listening, result;
	int listen_fd = FCGI_LISTENSOCK_FILENO, fl, due, reused, db_fd, ready;

	/* SIGTERM is blocked except inside ppoll(), which it interrupts: an
	 * idle worker stops at once, a busy one only after its request (no
	 * read or write of a request ever fails with EINTR), and a signal
	 * between the check of "stopping" and the wait is not lost. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	sigprocmask(SIG_BLOCK, &term, &waiting);
	sigdelset(&waiting, SIGTERM);
	sigdelset(&waiting, SIGINT);

	/* A password hash or check (argon2id) takes argon2_memory_kib,
	 * 19 MiB by default. glibc raises its mmap threshold after the first
	 * such block is freed, and from then on keeps the memory in the heap:
	 * every worker that had served one log-in stayed 19 MiB larger
	 * (bench/soak). A fixed threshold keeps blocks of 1 MiB and more in
	 * mappings of their own, returned when freed. */
	mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
	if (cz_app_worker_init(app) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: out of memory", __func__);
		return 1;
	}
	if (cz_session_cache_keys(app) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: out of memory", __func__);
		return 1;
	}
	/* Connect now so the first request does not pay for it; failure is
	 * fine, requests reconnect. */
	(void)cz_db_ensure(app->db);

	if ((fl = fcntl(listen_fd, F_GETFL)) == -1 ||
	    fcntl(listen_fd, F_SETFL, fl | O_NONBLOCK) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: the FastCGI socket: %s", __func__,
		    strerror(errno));
		return 1;
	}
	nslots = conn_limit();
	if (nslots < 1024)
		cz_log(CZ_LOG_WARN, "%s: the descriptor limit lets a worker "
		    "hold only %zu connections (LimitNOFILE; see the operator "
		    "guide, Pool sizing)", __func__, nslots);
	for (i = 0; i < nslots; i++) {
		if (FCGX_InitRequest(&conns[i].req, listen_fd,
		    FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
			cz_log(CZ_LOG_ERROR, "%s: FCGX_InitRequest failed",
			    __func__);
			return 1;
		}
		conns[i].open = 0;
	}
	io.getenv = fcgi_getenv;
	io.read = fcgi_read;
	io.write = fcgi_write;
	io.each_env = fcgi_each_env;
	io.ctx = NULL;
	io.write_parts = fcgi_write_parts;
	io.done = fcgi_done;

	while (!stopping) {
		/* The API keys' counts, between requests: once a second
		 * while it serves, and an idle worker wakes for them. */
		cz_key_usage_flush(app, 0);
		cz_plans_leases_flush(app, 0);
		cz_session_keys_sync(app);
		due = soonest_ms(cz_key_usage_due_ms(app),
		    cz_plans_leases_due_ms(app));
		if (due >= 0) {
			wait.tv_sec = due / 1000;
			wait.tv_nsec = (long)(due % 1000) * 1000000L;
		}
		n = watch_open(conns, pfd, slot);
		nopen = nopen_conns;
		listening = result = 0;
		if (nopen < nslots) {
			pfd[n].fd = listen_fd;
			pfd[n].events = POLLIN;
			pfd[n].revents = 0;
			slot[n] = WORKER_CONNS;
			listening = ++n;
		}
		/* A parked request's result, beside new work: whichever
		 * comes first (pipeline.h). */
		if ((db_fd = cz_pipeline_parked_fd(app)) >= 0) {
			pfd[n].fd = db_fd;
			pfd[n].events = POLLIN;
			pfd[n].revents = 0;
			slot[n] = WORKER_CONNS;
			result = ++n;
		}
		/* Plans parked, their commit not sent: the next plans may
		 * share it, so it is sent only once nothing waits to be
		 * served (pipeline.h). */
		if (cz_pipeline_commit_due(app)) {
			ready = ppoll(pfd, n, &now, &waiting);
			if (ready == 0) {
				cz_pipeline_commit(app);
				continue;
			}
		} else
			ready = ppoll(pfd, n, due >= 0 ? &wait : NULL,
			    &waiting);
		if (ready == -1) {
			if (errno == EINTR)
				continue;
			cz_log(CZ_LOG_ERROR, "%s: poll: %s", __func__,
			    strerror(errno));
			break;
		}
		if (term_pending())
			stopping = 1;
		if (result > 0 && pfd[result - 1].revents != 0)
			cz_pipeline_settle(app);
		/* Requests on open connections first, in slot order, then
		 * every new connection waiting is taken, and only then are
		 * they served (nginx sends its request right after
		 * connecting; one not there yet waits for the next round).
		 * Serving each as it was taken starved the kept connections
		 * instead, since under load new ones (every POST) never stop
		 * coming (bench/load); serving them only in the next round
		 * made a POST wait two rounds. */
		kept = 0;
		for (i = 0; i < n && !stopping; i++) {
			if (pfd[i].revents == 0 || slot[i] == WORKER_CONNS)
				continue;
			/* A request on a kept connection: one that served a
			 * request before (not a new one whose request came
			 * after it was taken, nor nginx closing one). */
			reused = conns[slot[i]].served > 0;
			kept += serve_connection(app, &io, &conns[slot[i]]) &&
			    reused;
		}
		if (stopping || listening == 0 ||
		    pfd[listening - 1].revents == 0)
			continue;
		take = kept > 0 ? nslots : QUIET_TAKE;
		for (n = 0, next = 0; nopen < nslots && n < take; n++) {
			/* The lowest free slot (see nopen_conns). */
			while (conns[next].open)
				next++;
			if (!take_connection(app, &conns[next], listen_fd))
				break;	/* the backlog is empty */
			slot[n] = next;
			nopen++;
		}
		for (i = 0; i < n && !stopping; i++) {
			serve_connection(app, &io, &conns[slot[i]]);
			if (term_pending())
				stopping = 1;
		}
	}
	drain(app, &io, conns);
	cz_key_usage_flush(app, 1);
	cz_plans_leases_flush(app, 1);
	cz_app_free(app);
	return 0;
}

static int
serve_cgi(struct cz_app *app)
{
	/* plain CGI writes through stdio's buffer: no write_parts */
	struct cz_io io = { cgi_getenv, cgi_read, cgi_write, cgi_each_env,
	    NULL, NULL, NULL };

	signal(SIGPIPE, SIG_IGN);
	if (cz_app_worker_init(app) == -1)
		return 1;
	cz_pipeline_handle(app, &io);
	fflush(stdout);
	cz_key_usage_flush(app, 1);
	cz_plans_leases_flush(app, 1);
	cz_app_free(app);
	return 0;
}

/*
 * Started as a CGI program but unable to start (configuration, templates,
 * migrations): still answer the request, as a bare 500 with the security
 * headers every response carries (response.c; no nginx adds them here),
 * instead of leaving the web server with no headers at all.
 */
static void
cgi_startup_error(void)
{
	if (!FCGX_IsCGI())
		return;
	fputs("Status: 500 Internal Server Error\r\n"
	    "Content-Type: text/plain\r\n"
	    "Cache-Control: no-store\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Content-Security-Policy: default-src 'none'; "
	    "frame-ancestors 'none'\r\n"
	    "Referrer-Policy: strict-origin-when-cross-origin\r\n"
	    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
	    "Cross-Origin-Opener-Policy: same-origin\r\n\r\n"
	    "The service is misconfigured; see the server log.\n", stdout);
	fflush(stdout);
}

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: cibozer-fcgi [--config FILE] [--workers N] "
	    "[--check]\n"
	    "  Under spawn-fcgi (a socket on stdin): runs a supervised pool "
	    "of N workers (0: one per CPU core, at least 2).\n"
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
	struct cz_pool_hooks hooks;
	struct cz_reload rl;
	struct cz_settings s;
	struct cz_app app;
	char err[1024], exe[4096];
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
		if (!check)
			cgi_startup_error();
		return 1;
	}
	if (workers != NULL) {
		s.workers = cz_strtonum(workers, 0, CZ_POOL_MAX_WORKERS, &errstr);
		if (errstr != NULL) {
			cz_log(CZ_LOG_ERROR, "--workers %s is %s (0..%d)",
			    workers, errstr, CZ_POOL_MAX_WORKERS);
			return 1;
		}
	}
	if (s.workers == 0)
		s.workers = cz_workers_per_cores();
	cz_log_init("cibozer-fcgi", (enum cz_log_level)s.log_level);
	if (FCGX_Init() != 0) {
		cz_log(CZ_LOG_ERROR, "FCGX_Init failed");
		return 1;
	}
	if (cz_pipeline_init(&app, &s, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "start-up: %s", err);
		if (!check)
			cgi_startup_error();
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
	/* SIGHUP reloads into app; an upgrade re-executes this command
	 * line (pool.h). */
	rl.config = config;
	rl.workers = workers;
	rl.app = &app;
	hooks.reload = cz_reload;
	hooks.reload_arg = &rl;
	hooks.exe = cz_upgrade_self(argv[0], exe, sizeof(exe));
	hooks.argv = argv;
	rc = cz_pool_run((int)s.workers, worker_main, &app, app.metrics,
	    &hooks);
	cz_metrics_free(app.metrics);
	app.metrics = NULL;
	cz_app_free(&app);
	return rc;
}
