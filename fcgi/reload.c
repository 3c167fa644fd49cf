/*
 * reload.c - loading the configuration and templates again (see reload.h).
 * Everything is loaded and checked into a fresh state first; the running
 * state is replaced only when all of it loaded, so a bad edit never takes
 * the site down.
 */
#include "config.h"

#include <unistd.h>

#include "log.h"
#include "numparse.h"
#include "pipeline.h"
#include "pool.h"
#include "reload.h"

/* Why one per core: a worker serves every connection it holds and more
 * only add context switches; at least 2, so that one waiting on
 * PostgreSQL leaves another running. */
long long
cz_workers_per_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 2)
		n = 2;
	if (n > CZ_POOL_MAX_WORKERS)
		n = CZ_POOL_MAX_WORKERS;
	return n;
}

int
cz_reload(void *arg)
{
	struct cz_reload *rl = arg;
	struct cz_settings s;
	struct cz_app fresh;
	const char *path, *errstr;
	char err[1024];
	int required;

	cz_settings_defaults(&s);
	path = cz_settings_path(rl->config, &required);
	if (cz_settings_load(&s, path, required, err, sizeof(err)) == -1) {
		/* The loader's message names the file (and line) itself. */
		cz_log(CZ_LOG_ERROR, "reload refused: configuration: %s; "
		    "still serving the previous configuration and templates",
		    err);
		return -1;
	}
	if (rl->workers != NULL) {
		s.workers = cz_strtonum(rl->workers, 0, CZ_POOL_MAX_WORKERS,
		    &errstr);
		if (errstr != NULL)
			return -1;	/* checked at start-up */
	}
	if (s.workers == 0)
		s.workers = cz_workers_per_cores();
	if (cz_pipeline_init(&fresh, &s, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "reload refused: %s; still serving the "
		    "previous configuration and templates", err);
		return -1;
	}
	fresh.metrics = rl->app->metrics;
	rl->app->metrics = NULL;
	cz_app_free(rl->app);
	*rl->app = fresh;
	cz_log_init("cibozer-fcgi", (enum cz_log_level)s.log_level);
	cz_log(CZ_LOG_INFO, "reload: configuration %s and templates %s "
	    "loaded", path, s.template_dir);
	return (int)s.workers;
}
