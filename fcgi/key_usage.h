/*
 * key_usage.h - the API keys' use of the day (requests, plans, videos),
 * tallied by each responder (lib/usage_tally.h) and added to api_key_usage
 * in one statement at most once a second, when its worker is between
 * requests, and when it stops. No request writes the key's row of the
 * day itself: that row was the one every request of a key updated.
 */
#ifndef CZ_KEY_USAGE_H
#define CZ_KEY_USAGE_H

struct cz_app;
struct cz_db;

/* Registers the statement that adds a tally. Returns 0 or -1. */
int cz_key_usage_register(struct cz_db *db);

/* Counts requests, plans and videos of key_id today (UTC). When the tally
 * is full it is added to the database first. */
void cz_key_usage_count(struct cz_app *app, long long key_id,
    long long requests, long long plans, long long videos);

/* The requests of key_id today this responder holds, not yet added. */
long long cz_key_usage_held(const struct cz_app *app, long long key_id);

/* Milliseconds until the tally is due (0: now), or -1 when empty: how long
 * an idle worker may sleep. */
int cz_key_usage_due_ms(const struct cz_app *app);

/*
 * Adds the tally to the database when it is due, or whatever it holds
 * when force is set (the worker stops, a CGI request ends). Only over a
 * connection already open and standing (cz_db_up): a worker between
 * requests neither waits for a database that is away nor delays the next
 * request's attempt to connect; the counts wait a second more (or, when
 * the worker stops meanwhile, are lost and logged).
 */
void cz_key_usage_flush(struct cz_app *app, int force);

#endif
