/*
 * upgrade.h - a binary upgrade of the responder pool without a refused
 * connection: the supervisor re-executes the (new) program in place. The
 * pid stays (systemd's MAINPID, spawn-fcgi's pid file), the listening
 * socket stays open on descriptor 0, and the old workers, still its
 * children, are named to the new image, which retires them once its own
 * workers run (pool.c).
 */
#ifndef CZ_UPGRADE_H
#define CZ_UPGRADE_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* The environment variable naming the old workers to the new image. */
#define CZ_UPGRADE_ENV	"CIBOZER_FCGI_RETIRE"
#define CZ_UPGRADE_CHECK_SECONDS	60

/* What identifies the program file: replaced (dpkg renames a new file
 * into place) or rebuilt, one of these changes. */
struct cz_upgrade_id {
	dev_t		dev;
	ino_t		ino;
	off_t		size;
	struct timespec	mtime;
	int		known;
};

/* The path to re-execute: argv0 when it names a path, else the running
 * program (/proc/self/exe). Written to buf; NULL when neither works. */
const char *cz_upgrade_self(const char *argv0, char *buf, size_t len);

/* Records the identity of exe; id->known is 0 when it cannot be read. */
void cz_upgrade_identify(const char *exe, struct cz_upgrade_id *id);

/* Whether exe is now another file than the one recorded. */
int cz_upgrade_changed(const char *exe, const struct cz_upgrade_id *id);

/* Runs "exe argv[1..] --check" (the new program loads the configuration,
 * templates and migrations) and waits for it. Returns 0 when it passed,
 * -1 when not (logged, naming exe and why). */
int cz_upgrade_check(const char *exe, char *const argv[]);

/* Re-executes exe with argv, naming pids (the workers) to the new image.
 * Returns only when exec failed (logged). */
void cz_upgrade_exec(const char *exe, char *const argv[], const pid_t *pids,
    size_t n);

/* The workers a previous image named, which are still this process's
 * running children; removes the variable. Returns how many were written. */
size_t cz_upgrade_inherited(pid_t *pids, size_t max);

#endif
