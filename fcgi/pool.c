/*
 * pool.c - pre-forked workers under a supervisor that replaces the dead,
 * reloads (a new generation of workers, the old one retired gracefully)
 * and upgrades (re-executes itself, upgrade.c). Signals are taken
 * synchronously with sigtimedwait, so no handler races.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "metrics.h"
#include "pool.h"
#include "upgrade.h"

/* Room for the current generation and the retiring ones of a few quick
 * reloads in a row (a retiring worker exits within seconds). */
#define TABLE	(CZ_POOL_MAX_WORKERS * 4)

struct slot {
	pid_t	pid;		/* 0: free */
	time_t	started;
	int	old;		/* retiring: not replaced when it exits */
	int	told;		/* sent SIGTERM */
};

static pid_t
spawn(int (*worker)(void *), void *arg, const sigset_t *mask)
{
	pid_t pid;

	if ((pid = fork()) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: fork: %s", __func__, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		/* A worker must not outlive its supervisor and keep the
		 * socket busy with nobody to replace it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() == 1)
			_exit(0);
		sigprocmask(SIG_SETMASK, mask, NULL);
		_exit(worker(arg));
	}
	return pid;
}

static int
count(const struct slot *t, int old)
{
	int i, c = 0;

	for (i = 0; i < TABLE; i++)
		c += t[i].pid > 0 && t[i].old == old;
	return c;
}

static struct slot *
free_slot(struct slot *t)
{
	int i;

	for (i = 0; i < TABLE; i++)
		if (t[i].pid <= 0)
			return &t[i];
	return NULL;
}

static struct slot *
find(struct slot *t, pid_t pid)
{
	int i;

	for (i = 0; i < TABLE; i++)
		if (t[i].pid == pid)
			return &t[i];
	return NULL;
}

/* SIGTERM to the retiring workers not yet told: each answers the requests
 * nginx already sent it, then exits (fcgi/main.c). Called once the new
 * generation runs, so capacity never drops. Never SIGKILL: a retiring
 * worker is not killed in the middle of a request. */
static void
tell_retiring(struct slot *t)
{
	int i;

	for (i = 0; i < TABLE; i++)
		if (t[i].pid > 0 && t[i].old && !t[i].told) {
			kill(t[i].pid, SIGTERM);
			t[i].told = 1;
		}
}

static void
stop_all(struct slot *t, struct cz_metrics *metrics)
{
	struct timespec timeout = { 1, 0 };
	sigset_t set;
	time_t deadline;
	struct slot *s;
	pid_t pid;
	int i, status;

	for (i = 0; i < TABLE; i++)
		if (t[i].pid > 0)
			kill(t[i].pid, SIGTERM);
	deadline = time(NULL) + CZ_POOL_STOP_SECONDS;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	while (count(t, 0) + count(t, 1) > 0 && time(NULL) < deadline) {
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			if ((s = find(t, pid)) != NULL)
				s->pid = 0;
		if (count(t, 0) + count(t, 1) > 0)
			sigtimedwait(&set, NULL, &timeout);
	}
	for (i = 0; i < TABLE; i++)
		if (t[i].pid > 0) {
			cz_log(CZ_LOG_WARN, "%s: worker %d did not stop in %d s; "
			    "killing it", __func__, (int)t[i].pid,
			    CZ_POOL_STOP_SECONDS);
			kill(t[i].pid, SIGKILL);
			waitpid(t[i].pid, &status, 0);
			t[i].pid = 0;
		}
	if (metrics != NULL)
		cz_metrics_workers(metrics, 0);
}

/* Re-executes the program (upgrade.c) after checking that the new one
 * loads the configuration; returns only when the upgrade was refused or
 * failed, the old supervisor and workers still serving. */
static void
upgrade(struct slot *t, const struct cz_pool_hooks *hooks)
{
	pid_t pids[TABLE];
	size_t n = 0;
	int i;

	if (hooks == NULL || hooks->exe == NULL) {
		cz_log(CZ_LOG_WARN, "upgrade: not supported here");
		return;
	}
	if (cz_upgrade_check(hooks->exe, hooks->argv) == -1)
		return;
	for (i = 0; i < TABLE; i++)
		if (t[i].pid > 0)
			pids[n++] = t[i].pid;
	cz_upgrade_exec(hooks->exe, hooks->argv, pids, n);
}

/* SIGHUP: a new program file means an upgrade (it re-reads everything);
 * otherwise the configuration and templates are loaded again and, when
 * they load, the current workers are marked for retirement. Returns the
 * worker count to run. */
static int
reload(struct slot *t, int nworkers, const struct cz_pool_hooks *hooks, const struct cz_upgrade_id *id)
{
	int i, n;

	if (hooks != NULL && hooks->exe != NULL &&
	    cz_upgrade_changed(hooks->exe, id)) {
		cz_log(CZ_LOG_INFO, "reload: %s was replaced; upgrading",
		    hooks->exe);
		upgrade(t, hooks);
		return nworkers;	/* refused: nothing changes */
	}
	if (hooks == NULL || hooks->reload == NULL)
		return nworkers;
	if (TABLE - count(t, 0) - count(t, 1) < CZ_POOL_MAX_WORKERS) {
		cz_log(CZ_LOG_ERROR, "reload refused: %d workers of earlier "
		    "reloads are still finishing; try again in a few seconds",
		    count(t, 1));
		return nworkers;
	}
	if ((n = hooks->reload(hooks->reload_arg)) < 1)
		return nworkers;	/* refused and logged: old workers stay */
	for (i = 0; i < TABLE; i++)
		if (t[i].pid > 0 && !t[i].old) {
			t[i].old = 1;
			t[i].told = 0;
		}
	cz_log(CZ_LOG_INFO, "reload: starting %d workers with the new "
	    "configuration and templates; retiring %d", n, count(t, 1));
	return n;
}

/* Takes the workers a previous program image left (upgrade.c) as retiring
 * ones. */
static void
adopt(struct slot *t)
{
	pid_t pids[TABLE];
	struct slot *s;
	size_t i, n;

	n = cz_upgrade_inherited(pids, TABLE);
	for (i = 0; i < n && (s = free_slot(t)) != NULL; i++) {
		s->pid = pids[i];
		s->started = time(NULL);
		s->old = 1;
		s->told = 0;
	}
	if (n > 0)
		cz_log(CZ_LOG_INFO, "upgrade: %zu workers of the previous "
		    "program will be retired", n);
}

static void
reap(struct slot *t, struct cz_metrics *metrics, int *quick_deaths)
{
	struct slot *s;
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if ((s = find(t, pid)) == NULL)
			continue;
		s->pid = 0;
		if (s->old) {
			if (WIFSIGNALED(status))
				cz_log(CZ_LOG_WARN, "retiring worker %d killed "
				    "by signal %d", (int)pid, WTERMSIG(status));
			else
				cz_log(CZ_LOG_DEBUG, "worker %d retired",
				    (int)pid);
			continue;
		}
		if (time(NULL) - s->started < 1)
			(*quick_deaths)++;
		if (metrics != NULL)
			cz_metrics_worker_restart(metrics);
		if (WIFSIGNALED(status))
			cz_log(CZ_LOG_ERROR, "worker %d killed by signal %d; "
			    "replacing it", (int)pid, WTERMSIG(status));
		else
			cz_log(CZ_LOG_ERROR, "worker %d exited with status %d; "
			    "replacing it", (int)pid, WEXITSTATUS(status));
	}
}

int
cz_pool_run(int nworkers, int (*worker)(void *), void *arg,
    struct cz_metrics *metrics, const struct cz_pool_hooks *hooks)
{
	static struct slot t[TABLE];
	struct timespec tick = { 1, 0 };
	struct cz_upgrade_id id;
	sigset_t set, wmask;
	struct slot *s;
	siginfo_t info;
	int sig, quick_deaths = 0;

	if (nworkers < 1 || nworkers > CZ_POOL_MAX_WORKERS)
		return 1;
	memset(t, 0, sizeof(t));
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR2);
	/* Blocked from here on, and across an upgrade's exec (the new image
	 * finds them pending); workers get the mask without them. */
	sigprocmask(SIG_BLOCK, &set, &wmask);
	sigdelset(&wmask, SIGCHLD);
	sigdelset(&wmask, SIGTERM);
	sigdelset(&wmask, SIGINT);
	sigdelset(&wmask, SIGHUP);
	sigdelset(&wmask, SIGUSR2);
	if (hooks != NULL && hooks->exe != NULL)
		cz_upgrade_identify(hooks->exe, &id);
	adopt(t);

	cz_log(CZ_LOG_INFO, "supervisor starting %d workers", nworkers);
	for (;;) {
		/* Fill the generation. A worker that dies at once, again and
		 * again, is replaced at most once a second. */
		while (count(t, 0) < nworkers && (s = free_slot(t)) != NULL) {
			if (quick_deaths > nworkers) {
				quick_deaths = 0;
				sleep(1);
			}
			if ((s->pid = spawn(worker, arg, &wmask)) == -1) {
				s->pid = 0;
				break;
			}
			s->started = time(NULL);
			s->old = 0;
			s->told = 0;
		}
		tell_retiring(t);
		if (metrics != NULL)
			cz_metrics_workers(metrics, count(t, 0));

		sig = sigtimedwait(&set, &info, &tick);
		if (sig == SIGTERM || sig == SIGINT) {
			cz_log(CZ_LOG_INFO, "supervisor stopping workers "
			    "(signal %d)", sig);
			stop_all(t, metrics);
			return 0;
		}
		if (sig == SIGHUP)
			nworkers = reload(t, nworkers, hooks, &id);
		else if (sig == SIGUSR2)
			upgrade(t, hooks);
		reap(t, metrics, &quick_deaths);
	}
}
