/*
 * key_usage.c - the API keys' counts of the day, added to api_key_usage a
 * second's worth at a time. See key_usage.h.
 */
#include "config.h"

#include <time.h>

#include <libpq-fe.h>

#include "app.h"
#include "clock.h"
#include "key_usage.h"
#include "log.h"

/*
 * A tally in one statement: a row per key and day, added to what the row
 * holds. Committed asynchronously like the counts it replaces (a crash of
 * PostgreSQL may lose its last moments; docs/operations.md, "Durability").
 * A key deleted meanwhile (its account deleted) counts nothing.
 */
#define SQL_KEY_USAGE_ADD \
	"WITH c AS (SELECT set_config('synchronous_commit', 'off', true)) " \
	"INSERT INTO api_key_usage AS a (key_id, day, requests, plans, " \
	"videos) SELECT u.k, date '1970-01-01' + u.d, u.r, u.p, u.v FROM " \
	"unnest($1::bigint[], $2::integer[], $3::bigint[], $4::bigint[], " \
	"$5::bigint[]) AS u(k, d, r, p, v) WHERE EXISTS (SELECT FROM c) AND " \
	"EXISTS (SELECT FROM api_keys WHERE id = u.k) ON CONFLICT (key_id, " \
	"day) DO UPDATE SET requests = a.requests + excluded.requests, plans " \
	"= a.plans + excluded.plans, videos = a.videos + excluded.videos"
enum { ADD_KEYS, ADD_DAYS, ADD_REQUESTS, ADD_PLANS, ADD_VIDEOS, ADD__N };

int
cz_key_usage_register(struct cz_db *db)
{
	return cz_db_register(db, "key_usage_add", SQL_KEY_USAGE_ADD, ADD__N,
	    0);
}

static long
utc_day(void)
{
	return (long)(time(NULL) / 86400);
}

/* Adds the tally over the open connection; 0 when the database took it
 * (or refused it: the counts are then dropped, logged, rather than sent
 * again forever), -1 when the connection failed (they are kept, and the
 * caller says what becomes of them, with cz_db_error). */
static int
add_tally(struct cz_app *app)
{
	cz_buf arrays[ADD__N];
	const char *v[ADD__N];
	PGresult *res;
	int i, rc = 0;

	for (i = 0; i < ADD__N; i++)
		cz_buf_init(&arrays[i], 0);
	if (cz_tally_arrays(&app->usage, arrays) == -1) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < ADD__N; i++)
		v[i] = arrays[i].data;
	res = cz_db_exec(app->db, "key_usage_add", ADD__N, v);
	if (res == NULL) {
		rc = -1;
		goto out;
	}
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		cz_log(CZ_LOG_ERROR, "%s: %d keys' counts dropped: %s",
		    __func__, app->usage.n, PQresultErrorMessage(res));
	PQclear(res);
	cz_tally_clear(&app->usage);
	/* A key kept since holds a count of the day without what was just
	 * added, and this responder no longer holds it either. */
	if (app->keys != NULL)
		cz_key_cache_forget_all(app->keys);
out:
	for (i = 0; i < ADD__N; i++)
		cz_buf_free(&arrays[i]);
	return rc;
}

void
cz_key_usage_count(struct cz_app *app, long long key_id, long long requests,
    long long plans, long long videos)
{
	long day = utc_day();
	double now = cz_clock_s();

	if (cz_tally_add(&app->usage, key_id, day, requests, plans, videos,
	    now) == 0)
		return;
	/* Full: add what it holds, or, with the database away, drop it
	 * (a responder's memory is not a queue). */
	if (add_tally(app) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: %d keys' counts dropped: the "
		    "database is away: %s", __func__, app->usage.n,
		    cz_db_error(app->db));
		cz_tally_clear(&app->usage);
	}
	(void)cz_tally_add(&app->usage, key_id, day, requests, plans, videos,
	    now);
}

long long
cz_key_usage_held(const struct cz_app *app, long long key_id)
{
	return cz_tally_requests(&app->usage, key_id, utc_day());
}

int
cz_key_usage_due_ms(const struct cz_app *app)
{
	double s = cz_tally_due_in(&app->usage, cz_clock_s());

	return s < 0.0 ? -1 : (int)(s * 1000.0) + 1;
}

void
cz_key_usage_flush(struct cz_app *app, int force)
{
	if (app->usage.n == 0 || app->db == NULL)
		return;
	if (!force && cz_tally_due_in(&app->usage, cz_clock_s()) > 0.0)
		return;
	if (!cz_db_up(app->db)) {
		/* Away already: said once by the request that found it so,
		 * not again every second while idle. */
		if (force)
			cz_log(CZ_LOG_ERROR, "%s: %d keys' counts lost: the "
			    "database is away", __func__, app->usage.n);
	} else if (add_tally(app) == 0) {
		return;
	} else {
		cz_log(force ? CZ_LOG_ERROR : CZ_LOG_WARN, "%s: %d keys' "
		    "counts %s: %s", __func__, app->usage.n, force ? "lost" :
		    "wait", cz_db_error(app->db));
	}
	cz_tally_retry_later(&app->usage, cz_clock_s());
}
