/*
 * db.h - the one PostgreSQL connection a process holds.
 *
 * Statements are registered once at start-up and prepared on every
 * (re)connection, so a server restart is invisible to callers: a broken
 * connection is dropped and reopened on next use, at most once per
 * CZ_DB_RETRY_MS while the server stays away, so requests fail fast (503)
 * instead of each waiting for a connect timeout.
 */
#ifndef CZ_DB_H
#define CZ_DB_H

#include <libpq-fe.h>

#define CZ_DB_MAX_STATEMENTS	128
#define CZ_DB_RETRY_MS		1000
#define CZ_DB_MAX_LISTEN	4

struct cz_db;

struct cz_db_stats {
	unsigned long	connects;	/* successful connections */
	unsigned long	reconnects;	/* of which after a lost one */
	unsigned long	errors;		/* failed connects and statements */
};

/* Creates the handle; no connection is made until first use. The conninfo
 * is copied. connect_timeout is in seconds, statement_timeout in ms. */
struct cz_db *cz_db_new(const char *conninfo, int connect_timeout,
    int statement_timeout);
void cz_db_free(struct cz_db *db);

/* Registers a statement to prepare on each connection. idempotent marks a
 * statement safe to run again when the connection broke while sending it.
 * Returns 0, or -1 when the table is full. name and sql must outlive db. */
int cz_db_register(struct cz_db *db, const char *name, const char *sql,
    int nparams, int idempotent);

/*
 * Registers a channel to LISTEN on with each connection (a constant
 * name, at most 63 bytes). Returns 0, or -1 when CZ_DB_MAX_LISTEN are
 * registered already.
 */
int cz_db_listen(struct cz_db *db, const char *channel);

/*
 * The notifications on the registered channels that libpq has read since
 * the last call (cz_db_ensure reads what waits on an idle connection),
 * each taken and freed; 0 without a connection. A new connection has
 * missed whatever was sent meanwhile: compare cz_db_stats' connects.
 */
int cz_db_notifications(struct cz_db *db);

/* Makes sure a connection is up, reconnecting if needed. Returns 0, or -1
 * when the database is unreachable (the reason is in cz_db_error). */
int cz_db_ensure(struct cz_db *db);

/* Runs a registered statement with text parameters (NULL is SQL NULL).
 * Returns the result, which the caller must PQclear, or NULL when the
 * connection failed; a result with an error status is returned as is and
 * counted in the statistics. */
PGresult *cz_db_exec(struct cz_db *db, const char *name, int nparams,
    const char *const *values);

/*
 * cz_db_exec in two halves, so that the process works while the server
 * runs the statement (a plan's durable insert while the next plan is
 * made), and so that several statements share one commit: cz_db_send adds
 * the statement to the batch open (libpq's pipeline mode: the statements
 * before one Sync are one implicit transaction, committed once, with one
 * WAL flush for all of them) and returns its place in the batch, or -1
 * when it could not be sent (the reason in cz_db_error). A batch whose
 * commit is sent, or with CZ_DB_BATCH_MAX statements, is received before a
 * new one opens. cz_db_commit_send sends the batch's commit (cz_db_receive
 * does when it has not been). cz_db_receive waits for the whole batch and
 * returns the result of statement idx as cz_db_exec would (NULL for one
 * the batch's rollback aborted), with *committed 1 when the batch
 * committed, 0 when it was rolled back and the statement did not fail
 * itself (it stored nothing and may be run again alone), -1 when it
 * failed itself or the connection broke (whether it committed is
 * unknown: never run it again). Nothing else may use the connection in
 * between: a statement run while results are still due first reads them
 * and throws those not taken away (logged as an error). A statement whose
 * connection broke is never sent again.
 */
#define CZ_DB_BATCH_MAX		4
int cz_db_send(struct cz_db *db, const char *name, int nparams,
    const char *const *values);
void cz_db_commit_send(struct cz_db *db);
PGresult *cz_db_receive(struct cz_db *db, int idx, int *committed);
/* How many more statements the batch open takes (CZ_DB_BATCH_MAX when
 * none is open, 0 when its commit is sent). */
int cz_db_batch_room(const struct cz_db *db);

/*
 * Results left due on purpose, so that the process serves others while
 * the server runs the statements (a responder makes the next plans while
 * the batch of the plans before them waits for its commit): settle(arg)
 * reads them with cz_db_receive. Whatever wants the connection first (a
 * statement run, one sent when the batch has no room, cz_db_conn,
 * cz_db_up) calls settle before, so the statements of the connection
 * still run one after another and no result is lost;
 * cz_db_ensure does not, since a connection with a result due is in use,
 * not idle. cz_db_settle calls it now, if a result is deferred;
 * cz_db_deferred_fd is the connection's socket while one is and its
 * commit is sent (to poll for the result), else -1.
 */
void cz_db_defer(struct cz_db *db, void (*settle)(void *), void *arg);
void cz_db_settle(struct cz_db *db);
int cz_db_deferred_fd(const struct cz_db *db);

/*
 * Reading a result's columns, with col named by the statement's column
 * enum: the text of a value ("" for SQL NULL, never NULL); an integer
 * parsed with cz_strtonum's range check, returning 0 with *out set, or -1
 * when the value is NULL, not an integer or outside [lo, hi]; a boolean
 * (1 for PostgreSQL's "t").
 */
const char *cz_db_text(const PGresult *res, int row, int col);
int cz_db_int(const PGresult *res, int row, int col, long long lo,
    long long hi, long long *out);
int cz_db_bool(const PGresult *res, int row, int col);

/* The rows a command changed (INSERT, UPDATE, DELETE), or -1. */
long long cz_db_changed(PGresult *res);

/* Whether a connection is open and still stands, without connecting: a
 * dead one is closed (the next cz_db_ensure opens a new one at once), and
 * the wait between attempts (CZ_DB_RETRY_MS) is not started. For work a
 * worker does between requests, which must not hold requests back. */
int cz_db_up(struct cz_db *db);

/* The raw connection when up (for migrations and transactions), else NULL. */
PGconn *cz_db_conn(struct cz_db *db);

/* The last connection or statement error, without secrets. */
const char *cz_db_error(const struct cz_db *db);

const struct cz_db_stats *cz_db_stats(const struct cz_db *db);

/* Opens a connection with the same options (for the admin tool).
 * Returns NULL with a message in err. */
PGconn *cz_db_connect_once(const char *conninfo, int connect_timeout,
    int statement_timeout, char *err, size_t errlen);

#endif
