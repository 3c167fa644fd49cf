/*
 * upgrade.c - re-executing the responder supervisor in place (see
 * upgrade.h). Like nginx's binary upgrade, but without a second master:
 * exec keeps the pid, so systemd (Type=simple, spawn-fcgi -n execs the
 * responder) still knows the main process, and the listening socket, on
 * descriptor 0 without close-on-exec, stays open and listening
 * throughout. The new program is first run with --check, so a program or
 * configuration that cannot start is refused while the old one serves.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "upgrade.h"

const char *
cz_upgrade_self(const char *argv0, char *buf, size_t len)
{
	ssize_t n;

	/* The path as started, not resolved: a symbolic link switched to a
	 * new version is followed on the next exec. */
	if (argv0 != NULL && strchr(argv0, '/') != NULL &&
	    (size_t)snprintf(buf, len, "%s", argv0) < len)
		return buf;
	if ((n = readlink("/proc/self/exe", buf, len - 1)) <= 0 ||
	    (size_t)n >= len - 1)
		return NULL;
	buf[n] = '\0';
	return buf;
}

void
cz_upgrade_identify(const char *exe, struct cz_upgrade_id *id)
{
	struct stat st;

	memset(id, 0, sizeof(*id));
	if (stat(exe, &st) == -1)
		return;
	id->dev = st.st_dev;
	id->ino = st.st_ino;
	id->size = st.st_size;
	id->mtime = st.st_mtim;
	id->known = 1;
}

int
cz_upgrade_changed(const char *exe, const struct cz_upgrade_id *id)
{
	struct cz_upgrade_id now;

	cz_upgrade_identify(exe, &now);
	if (!id->known || !now.known)
		return 0;
	return now.dev != id->dev || now.ino != id->ino ||
	    now.size != id->size || now.mtime.tv_sec != id->mtime.tv_sec ||
	    now.mtime.tv_nsec != id->mtime.tv_nsec;
}

/* argv with "--check" appended; NULL when out of memory. */
static char **
check_argv(char *const argv[])
{
	size_t n = 0, i;
	char **a;

	while (argv[n] != NULL)
		n++;
	if ((a = calloc(n + 2, sizeof(*a))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		a[i] = argv[i];
	a[n] = (char *)"--check";
	return a;
}

int
cz_upgrade_check(const char *exe, char *const argv[])
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	sigset_t none;
	char **a;
	pid_t pid, r;
	int fd, status, ticks;

	if ((a = check_argv(argv)) == NULL) {
		cz_log(CZ_LOG_ERROR, "upgrade refused: out of memory");
		return -1;
	}
	if ((pid = fork()) == -1) {
		cz_log(CZ_LOG_ERROR, "upgrade refused: fork: %s",
		    strerror(errno));
		free(a);
		return -1;
	}
	if (pid == 0) {
		/* Not the listening socket: the check serves nothing. Its
		 * "valid" line is not for the log; its errors are. */
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 0);
			dup2(fd, 1);
			if (fd > 2)
				close(fd);
		}
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execv(exe, a);
		_exit(127);
	}
	free(a);
	for (ticks = 0; ticks < CZ_UPGRADE_CHECK_SECONDS * 50; ticks++) {
		if ((r = waitpid(pid, &status, WNOHANG)) == pid)
			break;
		nanosleep(&pause, NULL);
	}
	if (ticks == CZ_UPGRADE_CHECK_SECONDS * 50) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		cz_log(CZ_LOG_ERROR, "upgrade refused: %s --check did not "
		    "finish in %d s; still running the previous program", exe,
		    CZ_UPGRADE_CHECK_SECONDS);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		cz_log(CZ_LOG_ERROR, "upgrade refused: %s cannot be executed; "
		    "still running the previous program", exe);
	else
		cz_log(CZ_LOG_ERROR, "upgrade refused: %s --check failed "
		    "(%s %d, its error is logged above); still running the "
		    "previous program", exe, WIFEXITED(status) ? "status" :
		    "signal", WIFEXITED(status) ? WEXITSTATUS(status) :
		    WTERMSIG(status));
	return -1;
}

void
cz_upgrade_exec(const char *exe, char *const argv[], const pid_t *pids,
    size_t n)
{
	char *list, *p;
	size_t i;

	/* "pid,pid,...": at most 11 bytes a pid with its comma. */
	if ((list = malloc(n * 12 + 1)) == NULL) {
		cz_log(CZ_LOG_ERROR, "upgrade: out of memory");
		return;
	}
	p = list;
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%d", i > 0 ? "," : "", (int)pids[i]);
	if (setenv(CZ_UPGRADE_ENV, list, 1) == -1) {
		cz_log(CZ_LOG_ERROR, "upgrade: setenv: %s", strerror(errno));
		free(list);
		return;
	}
	free(list);
	cz_log(CZ_LOG_INFO, "upgrade: executing %s in place (pid %d); %zu "
	    "workers of this program will be retired", exe, (int)getpid(), n);
	fflush(NULL);
	execv(exe, argv);
	cz_log(CZ_LOG_ERROR, "upgrade: exec %s: %s; still running the "
	    "previous program", exe, strerror(errno));
	unsetenv(CZ_UPGRADE_ENV);
}

size_t
cz_upgrade_inherited(pid_t *pids, size_t max)
{
	const char *e = getenv(CZ_UPGRADE_ENV), *p;
	char *end;
	long v;
	size_t n = 0;
	int status;

	if (e == NULL)
		return 0;
	for (p = e; *p != '\0' && n < max; p = *end == ',' ? end + 1 : end) {
		errno = 0;
		v = strtol(p, &end, 10);
		if (end == p || errno != 0 || v < 2 || v > 0x7fffffffL)
			break;
		/* Only a running child of ours: 0 from waitpid. */
		if (waitpid((pid_t)v, &status, WNOHANG) == 0)
			pids[n++] = (pid_t)v;
	}
	unsetenv(CZ_UPGRADE_ENV);
	return n;
}
