/*
 * reload.h - the responder's state loaded again on SIGHUP (pool.c): the
 * configuration file and everything cz_pipeline_init loads from it
 * (templates, the migrations' directory, the common-password list). The
 * supervisor holds that state and forks its workers with it, so a new
 * generation of workers has the new state; the old workers keep theirs
 * until they retire.
 */
#ifndef CZ_RELOAD_H
#define CZ_RELOAD_H

#include "app.h"

struct cz_reload {
	const char	*config;	/* --config, or NULL */
	const char	*workers;	/* --workers, or NULL: the file's */
	struct cz_app	*app;		/* the supervisor's state */
};

/* The pool size for "workers = 0": one worker per online CPU core, at
 * least 2, at most CZ_POOL_MAX_WORKERS. */
long long cz_workers_per_cores(void);

/* The pool's reload hook (arg: struct cz_reload). Loads the configuration
 * and the state again; on success replaces *app (keeping its metrics) and
 * returns the worker count; on failure logs an error naming the file and
 * returns -1, *app unchanged. */
int cz_reload(void *arg);

#endif
