/*
 * query.c - statements whose results the request owns. See query.h.
 */
#include "config.h"

#include "app.h"
#include "query.h"
#include "request.h"

static void
clear_result(void *res)
{
	PQclear(res);
}

/* res as cz_query answers it: owned by r when the statement succeeded,
 * else cleared, with r->db_sqlstate set. */
static PGresult *
own_result(struct cz_request *r, PGresult *res)
{
	const char *state;

	if (res == NULL)
		return NULL;
	if (PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_COMMAND_OK) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		if (state != NULL)
			r->db_sqlstate = cz_arena_strdup(r->arena, state);
		if (r->db_sqlstate == NULL)
			r->db_sqlstate = "";
		PQclear(res);
		return NULL;
	}
	/* On failure cz_arena_defer has cleared the result already. */
	if (cz_arena_defer(r->arena, clear_result, res) == -1)
		return NULL;
	return res;
}

PGresult *
cz_query(struct cz_request *r, const char *stmt, int nparams,
    const char *const *values)
{
	r->db_sqlstate = "";
	return own_result(r, cz_db_exec(r->app->db, stmt, nparams, values));
}

int
cz_query_send(struct cz_request *r, const char *stmt, int nparams,
    const char *const *values)
{
	r->db_sqlstate = "";
	r->db_result = NULL;
	r->db_sent = cz_db_send(r->app->db, stmt, nparams, values);
	return r->db_sent < 0 ? -1 : 0;
}

void
cz_query_take(struct cz_request *r)
{
	if (r->db_sent < 0)
		return;		/* taken already */
	r->db_result = cz_db_receive(r->app->db, r->db_sent,
	    &r->db_committed);
	r->db_sent = -1;
}

PGresult *
cz_query_receive(struct cz_request *r, int *committed)
{
	PGresult *res;

	cz_query_take(r);
	res = r->db_result;
	*committed = r->db_committed;
	r->db_result = NULL;
	return own_result(r, res);
}
