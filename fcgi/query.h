/*
 * query.h - the statements a request runs, with results the request owns.
 *
 * A result from cz_query is cleared when the request's arena is released,
 * so handlers and services never call PQclear. Columns are read through
 * lib/db.h (cz_db_text, cz_db_int, cz_db_bool) with the column's name from
 * an enum declared beside the statement's SQL; parameters are filled the
 * same way (v[PLAN_GET_ID] = ...), so $n and v[n - 1] cannot drift apart.
 */
#ifndef CZ_QUERY_H
#define CZ_QUERY_H

#include <libpq-fe.h>

struct cz_request;

/*
 * Runs the registered statement stmt with nparams text parameters (NULL
 * is SQL NULL) on the responder's connection. Returns its result when the
 * statement succeeded (rows or a command), owned by r (never PQclear
 * it); else NULL, with
 * cz_db_error() describing the failure (for the log, never the client)
 * and r->db_sqlstate set to the SQLSTATE ("23505"), or "" when the server
 * could not be reached.
 */
PGresult *cz_query(struct cz_request *r, const char *stmt,
    int nparams, const char *const *values);

/*
 * cz_query in two halves (lib/db.h, cz_db_send): cz_query_send returns 0
 * when the statement is on its way in the connection's batch, -1 as
 * cz_query returns NULL; every statement sent must then be received.
 * cz_query_receive returns its result (or NULL) as cz_query answers it,
 * with *committed 1 when the batch it went in committed, 0 when it was
 * rolled back and the statement did not fail itself (it stored nothing
 * and may run again alone), -1 when it failed itself or the connection
 * broke (it may have committed: never run it again). cz_query_take takes the
 * result from the batch now, for cz_query_receive to return later: a
 * worker's parked requests take theirs before any of them goes on
 * (pipeline.c), so that one running a statement again does not find
 * the others' still due.
 */
int cz_query_send(struct cz_request *r, const char *stmt, int nparams,
    const char *const *values);
void cz_query_take(struct cz_request *r);
PGresult *cz_query_receive(struct cz_request *r, int *committed);

/*
 * Keyset pagination of the lists (plans, videos, activity): a page is
 * "id < $before ORDER BY id DESC LIMIT n", the first page's $before being
 * NULL. Written "id < coalesce($before, SQL_ID_MAX)", not "($before IS
 * NULL OR id < $before)", so that the bound is an index condition and a
 * page deep in a long list costs what the first one does.
 */
#define SQL_ID_MAX	"9223372036854775807"

#endif
