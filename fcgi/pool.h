/*
 * pool.h - the supervisor of a pre-forked worker pool.
 *
 * spawn-fcgi hands the responder one listening socket and execs it once;
 * the supervisor forks the workers that all accept on that socket, replaces
 * any that dies (spawn-fcgi -F never would), and on SIGTERM or SIGINT lets
 * each finish its request and stop.
 */
#ifndef CZ_POOL_H
#define CZ_POOL_H

struct cz_metrics;

#define CZ_POOL_MAX_WORKERS	256
#define CZ_POOL_STOP_SECONDS	25	/* then SIGKILL */

/* Runs worker(arg) in nworkers children until told to stop. Returns the
 * supervisor's exit status. metrics may be NULL. */
int cz_pool_run(int nworkers, int (*worker)(void *), void *arg,
    struct cz_metrics *metrics);

#endif
