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
	return cz_db_send(r->app->db, stmt, nparams, values);
}

PGresult *
cz_query_receive(struct cz_request *r)
{
	return own_result(r, cz_db_receive(r->app->db));
}
