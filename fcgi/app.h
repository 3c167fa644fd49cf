/*
 * app.h - what a responder process holds between requests: settings,
 * compiled templates, its database handle, shared metrics and the reusable
 * output buffers. Nothing of one request survives into the next, but for
 * a request parked on its commit (pipeline.h), in its own space until it
 * is answered.
 */
#ifndef CZ_APP_H
#define CZ_APP_H

#include <time.h>

#include <json-c/json.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "db.h"
#include "key_cache.h"
#include "metrics.h"
#include "mustache.h"
#include "password.h"
#include "quota_lease.h"
#include "settings.h"
#include "usage_tally.h"

#define CZ_ARENA_CHUNK		(64 * 1024)
#define CZ_BUF_KEEP		(256 * 1024)	/* kept between requests */

/*
 * What one request allocates and writes into, reset after its answer. A
 * worker has one more than the requests that may park at once (plans
 * whose inserts share a commit, pipeline.h): each parked request keeps
 * its own while the next request is served in a free one.
 */
#define CZ_PARK_MAX	CZ_DB_BATCH_MAX
struct cz_req_space {
	cz_arena	*arena;
	cz_buf		 body;
	cz_buf		 headers;
	cz_buf		 doc;		/* a plan document being built */
};

struct cz_parked;

struct cz_app {
	struct cz_settings	 settings;
	mst_set			*templates;
	struct cz_db		*db;
	struct cz_metrics	*metrics;
	struct json_object	*site_ctx;	/* shared by every page */
	struct json_object	*legal_ctx;
	int			 schema_expected;
	time_t			 started;
	struct cz_req_space	 spaces[CZ_PARK_MAX + 1];
	struct cz_parked	*parked;	/* CZ_PARK_MAX, pipeline.c */
	int			 nparked;	/* requests parked now */
	struct cz_db_stats	 db_seen;	/* last stats added to metrics */
	struct cz_catalog	*catalog;	/* loaded on first use */
	int			 cgi;		/* plain CGI: no nginx in front */
	struct cz_pwlist	*pwlist;	/* common passwords, or NULL */
	struct cz_argon2_params	 argon2;	/* from the settings */
	struct cz_usage_tally	 usage;		/* API key counts (key_usage.h) */
	struct cz_key_cache	*keys;		/* API keys looked up, or NULL */
	unsigned long		 keys_conn;	/* the connection keys is of */
	struct cz_leases	 leases;	/* plan quota held (quota_lease.h) */
	unsigned long		 leases_conn;	/* the connection they are of */
};

/* Loads templates, checks migrations, makes the database handle (no
 * connection yet, no statements: cz_pipeline_init registers them).
 * Returns 0, or -1 with a message in err. */
int cz_app_init(struct cz_app *app, const struct cz_settings *s, char *err,
    size_t errlen);

/* Allocates what each worker owns alone (arena, buffers); call after fork.
 * Returns 0 or -1. */
int cz_app_worker_init(struct cz_app *app);

void cz_app_free(struct cz_app *app);

#endif
