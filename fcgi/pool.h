/*
 * pool.h - the supervisor of a pre-forked worker pool.
 *
 * spawn-fcgi hands the responder one listening socket and execs it once;
 * the supervisor forks the workers that all accept on that socket, replaces
 * any that dies (spawn-fcgi -F never would), and on SIGTERM or SIGINT lets
 * each finish its request and stop.
 *
 * SIGHUP reloads: hooks->reload loads the configuration and templates again
 * into the state workers are forked with; when it succeeds, a new
 * generation of workers starts and the old ones are retired (SIGTERM: each
 * finishes what nginx already sent it, then exits); when it fails, the old
 * workers keep serving. SIGUSR2, or a SIGHUP after the program file was
 * replaced, upgrades: the supervisor re-executes the new program in place
 * (same pid, same listening socket), which starts its workers and retires
 * the old ones (upgrade.c).
 */
#ifndef CZ_POOL_H
#define CZ_POOL_H

struct cz_metrics;

#define CZ_POOL_MAX_WORKERS	256
#define CZ_POOL_STOP_SECONDS	25	/* then SIGKILL */

struct cz_pool_hooks {
	/* Loads the configuration and templates again into the state the
	 * workers are forked with (the worker argument); returns the new
	 * worker count, or -1 when the new state was refused (logged; the
	 * old state stays). NULL: no reloads. */
	int		(*reload)(void *reload_arg);
	void		 *reload_arg;
	/* The program to re-execute on an upgrade and its arguments
	 * (argv[0] first, NULL-terminated). NULL: no upgrades. */
	const char	 *exe;
	char *const	 *argv;
};

/* Runs worker(arg) in nworkers children until told to stop. Returns the
 * supervisor's exit status. metrics and hooks may be NULL. */
int cz_pool_run(int nworkers, int (*worker)(void *), void *arg,
    struct cz_metrics *metrics, const struct cz_pool_hooks *hooks);

#endif
