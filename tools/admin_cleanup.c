/*
 * admin_cleanup.c - `cibozer-admin cleanup-videos`, run daily by
 * cibozer-cleanup.timer: deletes the files of videos finished (done or
 * failed) longer ago than video_retention_days and marks their jobs
 * expired, and removes the temporary directories that a killed renderer
 * left in its render directory (render_tmp_dir, by default video_dir-tmp)
 * or, from before there was one, in video_dir.
 *
 * A job is expired in its own transaction, its row locked with FOR UPDATE
 * SKIP LOCKED and checked to be still finished, so a job being rendered,
 * or picked up again meanwhile, is never touched, and two cleanups at once
 * never race. Paths are built from the job's numeric id only; nothing
 * that a user wrote ever names a file here.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "admin.h"
#include "db.h"
#include "log.h"
#include "numparse.h"
#include "settings.h"

#define CLEANUP_DB_TIMEOUT_MS	30000
#define CLEANUP_MAX_JOBS	100000
/* A renderer's temporary directory untouched this long is abandoned:
 * renders take minutes and renew their lease every few seconds. */
#define STALE_TMP_SECONDS	(6 * 3600)
#define TMP_PREFIX		".tmp-render-"

/* The next finished job old enough to expire, locked. */
#define SQL_NEXT_EXPIRED \
	"SELECT id FROM video_jobs WHERE state IN ('done', 'failed') " \
	"AND finished_at < now() - make_interval(days => $1::integer) " \
	"ORDER BY finished_at LIMIT 1 FOR UPDATE SKIP LOCKED"
#define SQL_MARK_EXPIRED \
	"UPDATE video_jobs SET state = 'expired', expired_at = now() " \
	"WHERE id = $1::bigint AND state IN ('done', 'failed')"

static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) == -1 &&
	    errno != ENOENT) {
		cz_log(CZ_LOG_ERROR, "cannot remove %s: %s",
		    path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Removes the tree at path (not following links); a missing one is fine.
 * Returns 0 or -1 (logged). Shared with the purge (admin.h). */
int
admin_remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 :
	    -1;
}

/* Expires one job and removes its directory; returns 1 when a job was
 * expired, 0 when none is left, -1 on error. */
static int
expire_one(PGconn *c, const struct cz_settings *s, long long *expired_id)
{
	const char *v[1], *errstr;
	char days[32], idbuf[32], dir[CZ_SETTING_STR_MAX + 32];
	PGresult *r = NULL;
	long long id;
	int ret = -1;

	snprintf(days, sizeof(days), "%lld", s->video_retention_days);
	v[0] = days;
	PQclear(PQexec(c, "BEGIN"));
	r = PQexecParams(c, SQL_NEXT_EXPIRED, 1, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		cz_log(CZ_LOG_ERROR, "cleanup-videos: %s",
		    PQresultErrorMessage(r));
		goto out;
	}
	if (PQntuples(r) == 0) {
		ret = 0;
		goto out;
	}
	id = cz_strtonum(PQgetvalue(r, 0, 0), 1, LLONG_MAX, &errstr);
	if (errstr != NULL)
		goto out;
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	snprintf(dir, sizeof(dir), "%s/%s", s->video_dir, idbuf);
	/* Files first: a row marked expired must have no files left. */
	if (admin_remove_tree(dir) == -1)
		goto out;
	PQclear(r);
	v[0] = idbuf;
	r = PQexecParams(c, SQL_MARK_EXPIRED, 1, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		cz_log(CZ_LOG_ERROR, "cleanup-videos: job %lld: %s", id,
		    PQresultErrorMessage(r));
		goto out;
	}
	*expired_id = id;
	ret = 1;
out:
	PQclear(r);
	PQclear(PQexec(c, ret == 1 ? "COMMIT" : "ROLLBACK"));
	return ret;
}

/* Lists what a cleanup would expire, without changing anything. */
static int
list_expired(PGconn *c, const struct cz_settings *s)
{
	const char *v[1];
	char days[32];
	PGresult *r;
	int i, n;

	snprintf(days, sizeof(days), "%lld", s->video_retention_days);
	v[0] = days;
	r = PQexecParams(c, "SELECT id FROM video_jobs WHERE state IN "
	    "('done', 'failed') AND finished_at < now() - "
	    "make_interval(days => $1::integer) ORDER BY finished_at", 1, NULL,
	    v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "cibozer-admin: %s", PQresultErrorMessage(r));
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	for (i = 0; i < n; i++)
		printf("would expire job %s (%s/%s)\n", PQgetvalue(r, i, 0),
		    s->video_dir, PQgetvalue(r, i, 0));
	PQclear(r);
	return n;
}

/* Removes renderers' temporary directories in dir older than
 * STALE_TMP_SECONDS; returns how many, or -1 when dir cannot be read (a
 * missing dir is empty when may_miss). */
static int
remove_stale_tmp(const char *dir, int may_miss, int dry_run)
{
	char path[CZ_SETTING_STR_MAX + 300];
	struct dirent *de;
	struct stat st;
	time_t now = time(NULL);
	DIR *d;
	int n = 0;

	if ((d = opendir(dir)) == NULL) {
		if (may_miss && errno == ENOENT)
			return 0;
		fprintf(stderr, "cibozer-admin: cleanup-videos: %s: %s\n",
		    dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir,
		    de->d_name) >= (int)sizeof(path) ||
		    lstat(path, &st) == -1 || !S_ISDIR(st.st_mode) ||
		    now - st.st_mtime < STALE_TMP_SECONDS)
			continue;
		if (dry_run)
			printf("would remove %s\n", path);
		else if (admin_remove_tree(path) == -1)
			continue;
		n++;
	}
	closedir(d);
	return n;
}

int
admin_cleanup_videos(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run",	no_argument,	NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	PGconn *c;
	long long id;
	char tmp_dir[CZ_SETTING_STR_MAX + 8];
	int ch, dry_run = 0, rc, njobs = 0, ntmp, n, ret = 1;

	while ((ch = getopt_long(argc, argv, "n", opts, NULL)) != -1) {
		if (ch != 'n') {
			fprintf(stderr, "usage: cibozer-admin cleanup-videos "
			    "[--dry-run]\n");
			return 2;
		}
		dry_run = 1;
	}
	if (optind != argc) {
		fprintf(stderr, "usage: cibozer-admin cleanup-videos "
		    "[--dry-run]\n");
		return 2;
	}
	if ((c = admin_connect_as(s, s->jobs_database_url,
	    CLEANUP_DB_TIMEOUT_MS)) == NULL)
		return 1;
	if (dry_run) {
		if ((njobs = list_expired(c, s)) == -1)
			goto out;
	} else {
		while (njobs < CLEANUP_MAX_JOBS &&
		    (rc = expire_one(c, s, &id)) == 1) {
			cz_log(CZ_LOG_INFO, "cleanup-videos: expired job %lld",
			    id);
			njobs++;
		}
		if (rc == -1)
			goto out;
	}
	if (cz_settings_render_tmp_dir(s, tmp_dir, sizeof(tmp_dir)) != 0) {
		fprintf(stderr, "cibozer-admin: cleanup-videos: render_tmp_dir: "
		    "name too long\n");
		goto out;
	}
	if ((ntmp = remove_stale_tmp(tmp_dir, 1, dry_run)) == -1 ||
	    (n = remove_stale_tmp(s->video_dir, 0, dry_run)) == -1)
		goto out;
	ntmp += n;
	printf("%s %d video%s older than %lld days and %d abandoned "
	    "temporary director%s\n", dry_run ? "would expire" : "expired",
	    njobs, njobs == 1 ? "" : "s", s->video_retention_days, ntmp,
	    ntmp == 1 ? "y" : "ies");
	ret = 0;
out:
	PQfinish(c);
	return ret;
}
