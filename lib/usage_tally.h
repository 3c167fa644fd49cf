/*
 * usage_tally.h - the counts of API key use one responder has not yet
 * added to the database: requests, plans and videos per key and UTC day.
 *
 * Why: every request made with an API key counts in api_key_usage, one row
 * per key and day. Writing that row on each request made it the row every
 * request of one key updates (a fifth of PostgreSQL's CPU per plan under
 * bench/plans, issue 14); a responder instead tallies the counts here and
 * adds them all in one statement at most once every CZ_TALLY_FLUSH_S
 * (fcgi/key_usage.c). The tally is memory only: a responder killed
 * outright loses the counts of its last second (docs/operations.md,
 * "Durability").
 */
#ifndef CZ_USAGE_TALLY_H
#define CZ_USAGE_TALLY_H

#include "buf.h"

#define CZ_TALLY_MAX		64	/* keys and days held at once */
#define CZ_TALLY_FLUSH_S	1.0	/* the oldest count waits at most this */

struct cz_tally_entry {
	long long	key_id;
	long		day;		/* UTC day: seconds since the epoch / 86400 */
	long long	requests, plans, videos;
};

struct cz_usage_tally {
	struct cz_tally_entry	e[CZ_TALLY_MAX];
	int			n;
	double			oldest;	/* cz_clock_s() of the first count held */
};

/* Adds counts for key_id on day, now being a cz_clock_s() reading.
 * Returns 0, or -1 when the tally holds CZ_TALLY_MAX other keys and days
 * (flush it, then add again). */
int cz_tally_add(struct cz_usage_tally *t, long long key_id, long day,
    long long requests, long long plans, long long videos, double now);

/* The requests of key_id on day held here, not yet in the database. */
long long cz_tally_requests(const struct cz_usage_tally *t, long long key_id,
    long day);

/* Seconds until the tally is due to be added to the database (0 when due
 * now), or -1 when it holds nothing. */
double cz_tally_due_in(const struct cz_usage_tally *t, double now);

/*
 * The tally as five PostgreSQL array literals (key ids, days, requests,
 * plans, videos), ordered by key and day so that two responders adding
 * theirs at once lock the rows in the same order. Returns 0, or -1 when
 * out of memory. The tally is left as it was: cz_tally_clear it once the
 * database has taken it.
 */
int cz_tally_arrays(struct cz_usage_tally *t, cz_buf out[5]);

void cz_tally_clear(struct cz_usage_tally *t);

/* Makes a tally the database could not take due CZ_TALLY_FLUSH_S after
 * now, not at once again. */
void cz_tally_retry_later(struct cz_usage_tally *t, double now);

#endif
