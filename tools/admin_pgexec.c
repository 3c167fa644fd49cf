/*
 * admin_pgexec.c - runs PostgreSQL's client programs (pg_dump, pg_restore)
 * for `cibozer-admin backup` and `restore`, connected as a conninfo
 * setting says.
 *
 * The conninfo never goes on the command line, where ps(1) would show a
 * password: libpq parses it (PQconninfoParse) and each keyword it holds is
 * handed to the child as the environment variable libpq reads for it
 * (host -> PGHOST, password -> PGPASSWORD, ...), which only the same user
 * can see. The program is exec'd with an argument vector found on PATH,
 * never through a shell; its output goes where ours goes (the journal).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "admin.h"

#define PGEXEC_MAX_VARS	64

/* In the child: the variables, then the program. Never returns. */
static void
child(char *const argv[], const char *const names[], const char *const vals[],
    size_t n)
{
	char msg[512];
	size_t i;
	int len;

	for (i = 0; i < n; i++)
		if (setenv(names[i], vals[i], 1) == -1)
			_exit(126);
	/* Nothing the parent holds (its own connection) leaks into it. */
	close_range(3, ~0U, 0);
	execvp(argv[0], argv);
	len = snprintf(msg, sizeof(msg), "cibozer-admin: cannot run %s: %s\n",
	    argv[0], strerror(errno));
	if (len > 0)
		(void)!write(2, msg, (size_t)len < sizeof(msg) ? (size_t)len :
		    sizeof(msg) - 1);
	_exit(127);
}

int
admin_pg_run(const char *conninfo, char *const argv[], char *err,
    size_t errlen)
{
	const char *names[PGEXEC_MAX_VARS], *vals[PGEXEC_MAX_VARS];
	PQconninfoOption *opts, *o;
	char *perr = NULL;
	size_t n = 0;
	int status, rc = -1;
	pid_t pid;

	if ((opts = PQconninfoParse(conninfo, &perr)) == NULL) {
		/* The message may quote the string: it is not repeated. */
		snprintf(err, errlen, "the connection setting cannot be "
		    "parsed%s", perr != NULL ? " (libpq refused it)" : "");
		PQfreemem(perr);
		return -1;
	}
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL || o->val[0] == '\0')
			continue;
		if (o->envvar == NULL || n == PGEXEC_MAX_VARS) {
			snprintf(err, errlen, "the connection keyword \"%s\" "
			    "cannot be handed to %s", o->keyword, argv[0]);
			goto out;
		}
		names[n] = o->envvar;
		vals[n++] = o->val;
	}
	fflush(NULL);
	if ((pid = fork()) == -1) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		goto out;
	}
	if (pid == 0)
		child(argv, names, vals, n);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			snprintf(err, errlen, "waitpid: %s", strerror(errno));
			goto out;
		}
	if (WIFSIGNALED(status))
		snprintf(err, errlen, "%s was killed by signal %d", argv[0],
		    WTERMSIG(status));
	else if (WEXITSTATUS(status) == 127)
		snprintf(err, errlen, "%s could not be run (is the "
		    "postgresql-client package installed and on PATH?)",
		    argv[0]);
	else if (WEXITSTATUS(status) != 0)
		snprintf(err, errlen, "%s failed with exit status %d (its "
		    "messages are above)", argv[0], WEXITSTATUS(status));
	else
		rc = 0;
out:
	PQconninfoFree(opts);
	return rc;
}
