/*
 * pool.c - pre-forked workers under a supervisor that replaces the dead.
 * Signals are taken synchronously with sigtimedwait, so no handler races.
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

struct slot {
	pid_t	pid;
	time_t	started;
};

static pid_t
spawn(int (*worker)(void *), void *arg, const sigset_t *old)
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
		sigprocmask(SIG_SETMASK, old, NULL);
		_exit(worker(arg));
	}
	return pid;
}

static int
running(const struct slot *slots, int n)
{
	int i, c = 0;

	for (i = 0; i < n; i++)
		c += slots[i].pid > 0;
	return c;
}

static void
stop_all(struct slot *slots, int n, struct cz_metrics *metrics)
{
	struct timespec timeout = { 1, 0 };
	sigset_t set;
	time_t deadline;
	pid_t pid;
	int i, status;

	for (i = 0; i < n; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGTERM);
	deadline = time(NULL) + CZ_POOL_STOP_SECONDS;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	while (running(slots, n) > 0 && time(NULL) < deadline) {
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			for (i = 0; i < n; i++)
				if (slots[i].pid == pid)
					slots[i].pid = 0;
		if (running(slots, n) > 0)
			sigtimedwait(&set, NULL, &timeout);
	}
	for (i = 0; i < n; i++)
		if (slots[i].pid > 0) {
			cz_log(CZ_LOG_WARN, "%s: worker %d did not stop in %d s; "
			    "killing it", __func__, (int)slots[i].pid,
			    CZ_POOL_STOP_SECONDS);
			kill(slots[i].pid, SIGKILL);
			waitpid(slots[i].pid, &status, 0);
			slots[i].pid = 0;
		}
	if (metrics != NULL)
		cz_metrics_workers(metrics, 0);
}

int
cz_pool_run(int nworkers, int (*worker)(void *), void *arg,
    struct cz_metrics *metrics)
{
	struct slot slots[CZ_POOL_MAX_WORKERS];
	struct timespec tick = { 1, 0 };
	sigset_t set, old;
	siginfo_t info;
	pid_t pid;
	int i, sig, status, quick_deaths = 0;

	if (nworkers < 1 || nworkers > CZ_POOL_MAX_WORKERS)
		return 1;
	memset(slots, 0, sizeof(slots));
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &old);

	cz_log(CZ_LOG_INFO, "supervisor starting %d workers", nworkers);
	for (;;) {
		/* Fill empty slots. A worker that dies at once, again and
		 * again, is replaced at most once a second. */
		for (i = 0; i < nworkers; i++) {
			if (slots[i].pid > 0)
				continue;
			if (quick_deaths > nworkers) {
				quick_deaths = 0;
				sleep(1);
			}
			slots[i].pid = spawn(worker, arg, &old);
			slots[i].started = time(NULL);
		}
		if (metrics != NULL)
			cz_metrics_workers(metrics, running(slots, nworkers));

		sig = sigtimedwait(&set, &info, &tick);
		if (sig == SIGTERM || sig == SIGINT) {
			cz_log(CZ_LOG_INFO, "supervisor stopping workers "
			    "(signal %d)", sig);
			stop_all(slots, nworkers, metrics);
			return 0;
		}
		/* SIGHUP is ignored: templates and settings are read once;
		 * restart the unit to change them. */
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			for (i = 0; i < nworkers; i++) {
				if (slots[i].pid != pid)
					continue;
				slots[i].pid = 0;
				if (time(NULL) - slots[i].started < 1)
					quick_deaths++;
				if (metrics != NULL)
					cz_metrics_worker_restart(metrics);
				if (WIFSIGNALED(status))
					cz_log(CZ_LOG_ERROR, "worker %d killed "
					    "by signal %d; replacing it",
					    (int)pid, WTERMSIG(status));
				else
					cz_log(CZ_LOG_ERROR, "worker %d exited "
					    "with status %d; replacing it",
					    (int)pid, WEXITSTATUS(status));
			}
		}
	}
}
