/*
 * db.c - one libpq connection per process with prepared statements and
 * transparent reconnection. See db.h.
 */
#include "config.h"

#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "db.h"
#include "log.h"
#include "numparse.h"

struct statement {
	const char	*name;
	const char	*sql;
	int		 nparams;
	int		 idempotent;
};

struct cz_db {
	char			*conninfo;
	int			 connect_timeout;
	int			 statement_timeout;
	PGconn			*conn;
	int			 ever_connected;
	long long		 next_try_ms;	/* no connect before this */
	struct statement	 stmts[CZ_DB_MAX_STATEMENTS];
	int			 nstmts;
	struct cz_db_stats	 stats;
	char			 error[256];
	/*
	 * The batch of statements sent and not yet received (cz_db_send):
	 * sent in libpq's pipeline mode, one implicit transaction that
	 * commits at its Sync, once for all of them; their results are
	 * read together (batch_read) and taken one by one.
	 */
	int			 nsent;
	int			 synced;	/* its Sync sent */
	int			 read;		/* its results read */
	int			 committed;	/* 1 it committed, 0 rolled back,
						 * -1 unknown (connection lost) */
	int			 ntaken;
	const char		*sent[CZ_DB_BATCH_MAX];
	PGresult		*res[CZ_DB_BATCH_MAX];
	void			(*settle)(void *);	/* cz_db_defer */
	void			*settle_arg;
	const char		*listen[CZ_DB_MAX_LISTEN];
	int			 nlisten;
};

static long long
now_ms(void)
{
	return (long long)(cz_clock_s() * 1000.0);
}

/* Keeps the first line of a libpq message; they never hold the password. */
static void
set_error(char *dst, size_t len, const char *msg)
{
	size_t n;

	snprintf(dst, len, "%s", msg != NULL && *msg != '\0' ? msg :
	    "unknown database error");
	n = strcspn(dst, "\n");
	dst[n] = '\0';
}

/* Server notices ("relation already exists, skipping") are chatter for an
 * operator: keep them at debug level, as JSON lines like everything else. */
static void
notice_to_log(void *arg, const char *message)
{
	char line[512];

	(void)arg;
	set_error(line, sizeof(line), message);
	cz_log(CZ_LOG_DEBUG, "database notice: %s", line);
}

PGconn *
cz_db_connect_once(const char *conninfo, int connect_timeout,
    int statement_timeout, char *err, size_t errlen)
{
	const char *keys[5], *vals[5];
	char ct[32], opts[64];
	PGconn *c;

	snprintf(ct, sizeof(ct), "%d", connect_timeout);
	snprintf(opts, sizeof(opts), "-c statement_timeout=%d",
	    statement_timeout);
	/* Later keys override what the conninfo says; expand_dbname makes
	 * the "dbname" value a full conninfo string or URI. */
	keys[0] = "dbname";		vals[0] = conninfo;
	keys[1] = "connect_timeout";	vals[1] = ct;
	keys[2] = "options";		vals[2] = opts;
	keys[3] = "application_name";	vals[3] = "cibozer";
	keys[4] = NULL;			vals[4] = NULL;
	c = PQconnectdbParams(keys, vals, 1);
	if (c == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (PQstatus(c) != CONNECTION_OK) {
		set_error(err, errlen, PQerrorMessage(c));
		PQfinish(c);
		return NULL;
	}
	PQsetNoticeProcessor(c, notice_to_log, NULL);
	return c;
}

struct cz_db *
cz_db_new(const char *conninfo, int connect_timeout, int statement_timeout)
{
	struct cz_db *db;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	if ((db->conninfo = strdup(conninfo)) == NULL) {
		free(db);
		return NULL;
	}
	db->connect_timeout = connect_timeout;
	db->statement_timeout = statement_timeout;
	return db;
}

void
cz_db_free(struct cz_db *db)
{
	if (db == NULL)
		return;
	if (db->conn != NULL)
		PQfinish(db->conn);
	free(db->conninfo);
	free(db);
}

int
cz_db_listen(struct cz_db *db, const char *channel)
{
	if (db->nlisten == CZ_DB_MAX_LISTEN || strlen(channel) > 63)
		return -1;
	db->listen[db->nlisten++] = channel;
	return 0;
}

int
cz_db_notifications(struct cz_db *db)
{
	PGnotify *n;
	int count = 0;

	if (db->conn == NULL)
		return 0;
	while ((n = PQnotifies(db->conn)) != NULL) {
		count++;
		PQfreemem(n);
	}
	return count;
}

int
cz_db_register(struct cz_db *db, const char *name, const char *sql,
    int nparams, int idempotent)
{
	if (db->nstmts == CZ_DB_MAX_STATEMENTS)
		return -1;
	db->stmts[db->nstmts].name = name;
	db->stmts[db->nstmts].sql = sql;
	db->stmts[db->nstmts].nparams = nparams;
	db->stmts[db->nstmts].idempotent = idempotent;
	db->nstmts++;
	return 0;
}

/* Forgets the batch: results not taken are freed. */
static void
batch_clear(struct cz_db *db)
{
	int i;

	for (i = 0; i < db->nsent; i++) {
		PQclear(db->res[i]);
		db->res[i] = NULL;
	}
	db->nsent = db->synced = db->read = db->committed = db->ntaken = 0;
}

static void
drop(struct cz_db *db)
{
	batch_clear(db);
	if (db->conn != NULL) {
		PQfinish(db->conn);
		db->conn = NULL;
	}
}

/* LISTEN on each registered channel of the new connection. */
static int
listen_all(struct cz_db *db)
{
	PGresult *r;
	char *id, sql[128];
	int i, ok;

	for (i = 0; i < db->nlisten; i++) {
		id = PQescapeIdentifier(db->conn, db->listen[i],
		    strlen(db->listen[i]));
		if (id == NULL) {
			set_error(db->error, sizeof(db->error),
			    PQerrorMessage(db->conn));
			return -1;
		}
		(void)snprintf(sql, sizeof(sql), "LISTEN %s", id);
		PQfreemem(id);
		r = PQexec(db->conn, sql);
		ok = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok) {
			set_error(db->error, sizeof(db->error),
			    PQerrorMessage(db->conn));
			cz_log(CZ_LOG_ERROR, "%s: LISTEN %s: %s", __func__,
			    db->listen[i], db->error);
		}
		PQclear(r);
		if (!ok)
			return -1;
	}
	return 0;
}

static int
prepare_all(struct cz_db *db)
{
	PGresult *r;
	int i;

	for (i = 0; i < db->nstmts; i++) {
		r = PQprepare(db->conn, db->stmts[i].name, db->stmts[i].sql,
		    db->stmts[i].nparams, NULL);
		if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK) {
			set_error(db->error, sizeof(db->error),
			    PQerrorMessage(db->conn));
			cz_log(CZ_LOG_ERROR, "%s: preparing %s: %s", __func__,
			    db->stmts[i].name, db->error);
			PQclear(r);
			return -1;
		}
		PQclear(r);
	}
	return 0;
}

#define IDLE_READS_MAX	1024	/* reads of what waits on an idle connection */

/*
 * Whether an idle connection still stands.  A server that restarts or
 * stops says so on every idle connection ("terminating connection due to
 * administrator command") and closes it; a worker that sent nothing
 * meanwhile only learns of it from the next statement, which then fails
 * whether or not it could safely be run again.  Reading what is waiting
 * before sending anything (one poll, nothing waiting as a rule) finds the
 * dead connection first, so the statement goes to a new one.
 */
static int
idle_conn_alive(PGconn *c)
{
	struct pollfd p;
	int i;

	p.fd = PQsocket(c);
	p.events = POLLIN;
	if (p.fd < 0)
		return 0;
	/* libpq takes the goodbye on an idle connection as a notice and sees
	 * the close only on a later read: read until nothing waits. An idle
	 * worker reads nothing for as long as it is idle, so the goodbye may
	 * come after many NOTIFYs of its LISTEN (a revoked key's: test_health
	 * after test_apikeys' 50,000 found it after 4 reads, and the
	 * statement failed); each read takes what the socket holds, so the
	 * bound is only against a server that never stops sending. */
	for (i = 0; i < IDLE_READS_MAX; i++) {
		p.revents = 0;
		if (poll(&p, 1, 0) <= 0)
			break;
		if (PQconsumeInput(c) == 0 || PQstatus(c) != CONNECTION_OK)
			return 0;
	}
	return PQstatus(c) == CONNECTION_OK;
}

int
cz_db_ensure(struct cz_db *db)
{
	long long now;

	/* A result due (cz_db_defer): in use, not idle; whether the
	 * connection stands shows when the result is read. */
	if (db->conn != NULL && db->nsent > 0)
		return 0;
	if (db->conn != NULL && PQstatus(db->conn) == CONNECTION_OK &&
	    idle_conn_alive(db->conn))
		return 0;
	drop(db);
	now = now_ms();
	if (now < db->next_try_ms)
		return -1;
	db->conn = cz_db_connect_once(db->conninfo, db->connect_timeout,
	    db->statement_timeout, db->error, sizeof(db->error));
	if (db->conn == NULL || prepare_all(db) == -1 ||
	    listen_all(db) == -1) {
		drop(db);
		db->stats.errors++;
		db->next_try_ms = now + CZ_DB_RETRY_MS;
		cz_log(CZ_LOG_ERROR, "%s: database unreachable: %s", __func__,
		    db->error);
		return -1;
	}
	db->stats.connects++;
	if (db->ever_connected) {
		db->stats.reconnects++;
		cz_log(CZ_LOG_INFO, "%s: reconnected to the database",
		    __func__);
	}
	db->ever_connected = 1;
	db->error[0] = '\0';
	return 0;
}

static const struct statement *
lookup(const struct cz_db *db, const char *name)
{
	int i;

	for (i = 0; i < db->nstmts; i++)
		if (strcmp(db->stmts[i].name, name) == 0)
			return &db->stmts[i];
	return NULL;
}

/* The statement name of nparams parameters, or NULL (the error set). */
static const struct statement *
statement(struct cz_db *db, const char *name, int nparams)
{
	const struct statement *st;

	if ((st = lookup(db, name)) == NULL || st->nparams != nparams) {
		snprintf(db->error, sizeof(db->error),
		    "statement %s not registered with %d parameters", name,
		    nparams);
		db->stats.errors++;
		return NULL;
	}
	return st;
}

/*
 * Whether the statement whose result is r failed for its connection: the
 * connection is bad, or the error is libpq's own, not the server's (no
 * SQLSTATE). libpq may leave a connection it could not write to marked
 * good, with "server closed the connection unexpectedly" as the result,
 * when the server's goodbye was still unread (seen after a restart).
 */
static int
conn_failed(const struct cz_db *db, const PGresult *r)
{
	if (PQstatus(db->conn) != CONNECTION_OK || r == NULL)
		return 1;
	return PQresultStatus(r) == PGRES_FATAL_ERROR &&
	    PQresultErrorField(r, PG_DIAG_SQLSTATE) == NULL;
}

/* r, counted (and its message kept) as a failed statement unless it
 * holds rows or a command's outcome. */
static PGresult *
checked(struct cz_db *db, PGresult *r)
{
	if (r == NULL || (PQresultStatus(r) != PGRES_TUPLES_OK &&
	    PQresultStatus(r) != PGRES_COMMAND_OK)) {
		/* the result's own message: in a batch, the connection's is
		 * that of whatever libpq read last */
		set_error(db->error, sizeof(db->error), r != NULL &&
		    *PQresultErrorMessage(r) != '\0' ? PQresultErrorMessage(r) :
		    PQerrorMessage(db->conn));
		db->stats.errors++;
	}
	return r;
}

/*
 * Whether r is PostgreSQL's refusal of a prepared statement as prepared
 * (feature_not_supported), outside a transaction block. The one expected
 * is "cached plan must not change result type": a migration changed the
 * type of a column the statement returns, and every execution on this
 * connection is refused until the statement is prepared again. Outside a
 * transaction block the refused statement took back whatever it did, so
 * running it again is harmless whatever it is; any other refusal of that
 * kind comes back the same and is returned then.
 */
static int
stale_plan(struct cz_db *db, const PGresult *r)
{
	const char *state;

	if (r == NULL || PQresultStatus(r) != PGRES_FATAL_ERROR ||
	    PQtransactionStatus(db->conn) != PQTRANS_IDLE)
		return 0;
	state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	return state != NULL && strcmp(state, "0A000") == 0;
}

/* Prepares statement st again on the open connection after PostgreSQL
 * refused it with refused (stale_plan); 0 or -1. */
static int
prepare_again(struct cz_db *db, const struct statement *st,
    const PGresult *refused)
{
	const char *why = PQresultErrorField(refused, PG_DIAG_MESSAGE_PRIMARY);
	char sql[96];
	PGresult *r;
	int ok;

	/* The names are the registered constants: [a-z0-9_], never input. */
	snprintf(sql, sizeof(sql), "DEALLOCATE \"%s\"", st->name);
	r = PQexec(db->conn, sql);
	PQclear(r);
	r = PQprepare(db->conn, st->name, st->sql, st->nparams, NULL);
	ok = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		set_error(db->error, sizeof(db->error),
		    PQerrorMessage(db->conn));
	PQclear(r);
	cz_log(ok ? CZ_LOG_INFO : CZ_LOG_ERROR, "%s: %s prepared again: "
	    "PostgreSQL refused it as prepared (%s), as after a migration "
	    "that changed a type it returns%s%s", __func__, st->name,
	    why != NULL ? why : "feature not supported", ok ? "" : ": ",
	    ok ? "" : db->error);
	return ok ? 0 : -1;
}

static void batch_read(struct cz_db *db);

/* The connection broke under statement name (in func): counted, logged
 * and dropped; the next use reopens it. */
static void
lost(struct cz_db *db, const char *func, const char *what, const char *name)
{
	set_error(db->error, sizeof(db->error), PQerrorMessage(db->conn));
	db->stats.errors++;
	cz_log(CZ_LOG_WARN, "%s: connection lost %s %s: %s", func, what, name,
	    db->error);
	drop(db);
}

/* Results still due when the next statement comes are a caller's bug:
 * read and drop them, or the next statement would get them. */
static void
drop_pending(struct cz_db *db, const char *next)
{
	cz_db_settle(db);
	if (db->nsent == 0)
		return;
	if (db->ntaken < db->nsent)
		cz_log(CZ_LOG_ERROR, "%s: the result of %s was never read "
		    "(before %s)", __func__, db->sent[db->ntaken], next);
	if (!db->read)
		batch_read(db);
	batch_clear(db);
}

PGresult *
cz_db_exec(struct cz_db *db, const char *name, int nparams,
    const char *const *values)
{
	const struct statement *st;
	PGresult *r;
	int attempt, ok;

	drop_pending(db, name);
	if ((st = statement(db, name, nparams)) == NULL)
		return NULL;
	for (attempt = 0; attempt < 2; attempt++) {
		if (cz_db_ensure(db) == -1)
			return NULL;
		r = PQexecPrepared(db->conn, name, nparams, values, NULL, NULL,
		    0);
		if (PQstatus(db->conn) == CONNECTION_OK && attempt == 0 &&
		    stale_plan(db, r)) {
			ok = prepare_again(db, st, r);
			PQclear(r);
			if (ok == -1)
				return NULL;
			continue;
		}
		if (!conn_failed(db, r))
			return checked(db, r);
		/* The connection broke under the statement: the server
		 * restarted or went away. Reopen; run it again only when
		 * doing so twice is harmless. */
		PQclear(r);
		lost(db, __func__, "during", name);
		if (!st->idempotent)
			return NULL;
	}
	return NULL;
}

/* Sends the batch's Sync: its statements commit together. */
void
cz_db_commit_send(struct cz_db *db)
{
	if (db->nsent == 0 || db->synced || db->conn == NULL)
		return;
	db->synced = 1;
	if (PQpipelineSync(db->conn) != 1) {
		set_error(db->error, sizeof(db->error),
		    PQerrorMessage(db->conn));
		db->stats.errors++;
		cz_log(CZ_LOG_WARN, "%s: connection lost committing: %s",
		    __func__, db->error);
	}
}

int
cz_db_batch_room(const struct cz_db *db)
{
	if (db->nsent == 0)
		return CZ_DB_BATCH_MAX;
	return db->synced ? 0 : CZ_DB_BATCH_MAX - db->nsent;
}

int
cz_db_send(struct cz_db *db, const char *name, int nparams,
    const char *const *values)
{
	/* A batch whose Sync is sent, or full, is received first. */
	if (cz_db_batch_room(db) == 0)
		drop_pending(db, name);
	if (statement(db, name, nparams) == NULL)
		return -1;
	if (db->nsent == 0) {
		drop_pending(db, name);
		if (cz_db_ensure(db) == -1)
			return -1;
		if (PQenterPipelineMode(db->conn) != 1)
			goto failed;
	}
	/* Flushed at once: the server runs the statement while the process
	 * goes on; its transaction ends at the batch's Sync. */
	if (PQsendQueryPrepared(db->conn, name, nparams, values, NULL, NULL,
	    0) != 1 || PQflush(db->conn) != 0)
		goto failed;
	db->sent[db->nsent] = name;
	db->res[db->nsent] = NULL;
	return db->nsent++;
failed:
	if (PQstatus(db->conn) != CONNECTION_OK) {
		lost(db, __func__, "sending", name);
		return -1;
	}
	set_error(db->error, sizeof(db->error), PQerrorMessage(db->conn));
	db->stats.errors++;
	if (db->nsent == 0)
		(void)PQexitPipelineMode(db->conn);
	return -1;
}

/*
 * Reads every result of the batch (its Sync sent first) into db->res,
 * then the Sync's: the batch committed when every statement succeeded and
 * the Sync came back. A broken connection drops the batch's results (the
 * connection with them): whether it committed is unknown.
 */
static void
batch_read(struct cz_db *db)
{
	PGresult *r;
	int i, ok = 1, nulls = 0;

	cz_db_commit_send(db);
	db->read = 1;
	db->committed = -1;
	if (db->conn == NULL)
		return;
	for (i = 0; i < db->nsent; i++) {
		/* One result, then NULL: the statement is complete. */
		db->res[i] = PQgetResult(db->conn);
		while ((r = PQgetResult(db->conn)) != NULL)
			PQclear(r);
		if (db->res[i] == NULL ||
		    (PQresultStatus(db->res[i]) != PGRES_TUPLES_OK &&
		    PQresultStatus(db->res[i]) != PGRES_COMMAND_OK))
			ok = 0;
	}
	/* The Sync's result, after the commit's error if it failed. */
	while (PQstatus(db->conn) == CONNECTION_OK && nulls < 2) {
		if ((r = PQgetResult(db->conn)) == NULL) {
			nulls++;
			continue;
		}
		nulls = 0;
		if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			db->committed = ok ? 1 : 0;
			(void)PQexitPipelineMode(db->conn);
			return;
		}
		if (PQresultStatus(r) == PGRES_FATAL_ERROR) {
			set_error(db->error, sizeof(db->error),
			    PQresultErrorMessage(r));
			ok = 0;
		}
		PQclear(r);
	}
}

PGresult *
cz_db_receive(struct cz_db *db, int idx, int *committed)
{
	const char *name;
	const struct statement *st;
	PGresult *r;

	*committed = -1;
	if (idx < 0 || idx >= db->nsent || db->conn == NULL) {
		snprintf(db->error, sizeof(db->error), "no statement was sent");
		db->stats.errors++;
		return NULL;
	}
	if (!db->read)
		batch_read(db);
	name = db->sent[idx];
	r = db->res[idx];
	db->res[idx] = NULL;
	*committed = db->committed;
	if (++db->ntaken == db->nsent && db->conn != NULL)
		batch_clear(db);
	if (db->conn != NULL && PQstatus(db->conn) == CONNECTION_OK &&
	    r != NULL && !conn_failed(db, r)) {
		/* The parameters are gone by now: this one fails (the caller
		 * answers 503 as for any failed statement), the next runs
		 * prepared again. */
		if (stale_plan(db, r) && (st = lookup(db, name)) != NULL)
			(void)prepare_again(db, st, r);
		/* aborted by another statement's failure: nothing to read,
		 * and it may run again; a failure of its own may not */
		if (PQresultStatus(r) == PGRES_PIPELINE_ABORTED) {
			PQclear(r);
			return NULL;
		}
		if (PQresultStatus(r) != PGRES_TUPLES_OK &&
		    PQresultStatus(r) != PGRES_COMMAND_OK)
			*committed = -1;
		return checked(db, r);
	}
	*committed = -1;
	PQclear(r);
	if (db->conn != NULL)
		lost(db, __func__, "during", name);
	return NULL;
}

const char *
cz_db_text(const PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col);
}

int
cz_db_int(const PGresult *res, int row, int col, long long lo, long long hi,
    long long *out)
{
	const char *errstr;
	long long v;

	if (PQgetisnull(res, row, col))
		return -1;
	v = cz_strtonum(PQgetvalue(res, row, col), lo, hi, &errstr);
	if (errstr != NULL)
		return -1;
	*out = v;
	return 0;
}

int
cz_db_bool(const PGresult *res, int row, int col)
{
	return strcmp(PQgetvalue(res, row, col), "t") == 0;
}

long long
cz_db_changed(PGresult *res)
{
	const char *errstr;
	long long n;

	n = cz_strtonum(PQcmdTuples(res), 0, LLONG_MAX, &errstr);
	return errstr != NULL ? -1 : n;
}

void
cz_db_defer(struct cz_db *db, void (*settle)(void *), void *arg)
{
	db->settle = settle;
	db->settle_arg = arg;
}

void
cz_db_settle(struct cz_db *db)
{
	void (*settle)(void *) = db->settle;

	if (settle == NULL)
		return;
	db->settle = NULL;	/* before: settle runs statements of its own */
	settle(db->settle_arg);
}

int
cz_db_deferred_fd(const struct cz_db *db)
{
	if (db->settle == NULL || db->nsent == 0 || !db->synced ||
	    db->conn == NULL)
		return -1;
	return PQsocket(db->conn);
}

int
cz_db_up(struct cz_db *db)
{
	cz_db_settle(db);
	if (db->conn != NULL && db->nsent == 0 &&
	    PQstatus(db->conn) == CONNECTION_OK && idle_conn_alive(db->conn))
		return 1;
	if (db->nsent == 0)
		drop(db);
	return 0;
}

PGconn *
cz_db_conn(struct cz_db *db)
{
	drop_pending(db, "a transaction");
	return db->conn;
}

const char *
cz_db_error(const struct cz_db *db)
{
	return db->error[0] != '\0' ? db->error : "no error";
}

const struct cz_db_stats *
cz_db_stats(const struct cz_db *db)
{
	return &db->stats;
}
