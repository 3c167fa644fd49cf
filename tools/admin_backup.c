/*
 * admin_backup.c - `cibozer-admin backup`, run daily by
 * cibozer-backup.timer (docs/backup.md).
 *
 * One run makes one directory backup_dir/cibozer-YYYYMMDDTHHMMSSZ (UTC):
 *   database.dump  pg_dump --format=custom of the whole database, as the
 *                  owner role (owner_database_url), which may read it all
 *   videos/...     a copy of every finished video file of video_dir (the
 *                  renderer's unfinished .tmp-* directories left out)
 *   cibozer.conf   the configuration file, verbatim (it may hold
 *                  passwords: everything here is 0600 in a 0700 directory)
 *   settings.txt   the effective settings, secrets hidden
 *   INFO           when, from where, the schema's migration, the counts
 *   MANIFEST       the SHA-256 of every other file (sha256sum format)
 * The database is dumped before the videos are copied: a job finished in
 * between has its files but an unfinished row, which the renderer
 * completes without rendering again; the other order would leave finished
 * rows without files.
 *
 * Everything is written under a temporary name (.tmp-cibozer-...) and
 * renamed into place only once complete and fsynced, so a directory named
 * cibozer-* is always a complete backup; a run that fails removes its
 * temporary directory, and the next run removes any a crash left. A lock
 * (flock on backup_dir/.lock) keeps two runs apart. Then the newest
 * backup_keep backups are kept and older ones removed.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "admin.h"
#include "admin_files.h"
#include "db.h"
#include "migrate.h"
#include "settings.h"

#define BACKUP_PREFIX		"cibozer-"
#define BACKUP_STAMP_LEN	16		/* YYYYMMDDTHHMMSSZ */
#define BACKUP_MAX_DEPTH	16
#define BACKUP_MAX_KEPT		4096		/* names looked at by rotation */

struct backup {
	const struct cz_settings	*s;
	char				 tmp[CZ_SETTING_STR_MAX + 64];
	struct admin_manifest		 m;
	unsigned long long		 files, bytes;
	char				 err[8192];
};

/* Adds tmp/rel to the manifest with its digest. */
static int
hash_into_manifest(struct backup *b, const char *rel)
{
	char path[CZ_SETTING_STR_MAX + ADMIN_PATH_MAX + 64];
	char hex[ADMIN_SHA256_HEX + 1];
	unsigned long long n;

	snprintf(path, sizeof(path), "%s/%s", b->tmp, rel);
	if (admin_file_sha256(path, hex, &n, b->err, sizeof(b->err)) == -1)
		return -1;
	if (admin_manifest_add(&b->m, rel, hex) == -1) {
		snprintf(b->err, sizeof(b->err), "out of memory");
		return -1;
	}
	return 0;
}

/* Copies video_dir/rel (a directory; "" for video_dir itself) into
 * tmp/videos/rel, recursively. */
static int
copy_videos(struct backup *b, const char *rel, int depth)
{
	char src[CZ_SETTING_STR_MAX + 2 * ADMIN_PATH_MAX + 64];
	char dst[CZ_SETTING_STR_MAX + 2 * ADMIN_PATH_MAX + 128];
	char child[ADMIN_PATH_MAX + 16], mrel[ADMIN_PATH_MAX + 16];
	char hex[ADMIN_SHA256_HEX + 1];
	unsigned long long n;
	struct dirent *de;
	struct stat st;
	DIR *d;
	int rc, ret = -1;

	if (depth > BACKUP_MAX_DEPTH) {
		snprintf(b->err, sizeof(b->err), "%s/%s: nested deeper than "
		    "%d directories", b->s->video_dir, rel, BACKUP_MAX_DEPTH);
		return -1;
	}
	snprintf(src, sizeof(src), "%s%s%s", b->s->video_dir, *rel ? "/" : "",
	    rel);
	if ((d = opendir(src)) == NULL) {
		/* A job expired by cleanup-videos meanwhile. */
		if (errno == ENOENT && depth > 0)
			return 0;
		snprintf(b->err, sizeof(b->err), "%s: %s", src, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		/* The renderer's work in progress (.tmp-render-*). */
		if (depth == 0 && de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(child, sizeof(child), "%s%s%s", rel,
		    *rel ? "/" : "", de->d_name) >= sizeof(child) ||
		    (size_t)snprintf(mrel, sizeof(mrel), "videos/%s", child) >=
		    sizeof(mrel) || !admin_path_safe(mrel)) {
			snprintf(b->err, sizeof(b->err), "%s/%s: a name a backup "
			    "cannot hold (too long, or a control character or "
			    "backslash)", src, de->d_name);
			goto out;
		}
		snprintf(src, sizeof(src), "%s/%s", b->s->video_dir, child);
		snprintf(dst, sizeof(dst), "%s/%s", b->tmp, mrel);
		if (lstat(src, &st) == -1) {
			if (errno == ENOENT)
				continue;
			snprintf(b->err, sizeof(b->err), "%s: %s", src,
			    strerror(errno));
			goto out;
		}
		if (S_ISDIR(st.st_mode)) {
			if (mkdir(dst, 0700) == -1) {
				snprintf(b->err, sizeof(b->err), "%s: %s", dst,
				    strerror(errno));
				goto out;
			}
			if (copy_videos(b, child, depth + 1) == -1)
				goto out;
		} else if (S_ISREG(st.st_mode)) {
			rc = admin_file_copy(src, dst, 0600, hex, &n, b->err,
			    sizeof(b->err));
			if (rc == ADMIN_COPY_GONE)
				continue;
			if (rc != 0)
				goto out;
			if (admin_manifest_add(&b->m, mrel, hex) == -1) {
				snprintf(b->err, sizeof(b->err), "out of memory");
				goto out;
			}
			b->files++;
			b->bytes += n;
		} else
			fprintf(stderr, "cibozer-admin: backup: %s is neither "
			    "a file nor a directory: left out\n", src);
		snprintf(src, sizeof(src), "%s%s%s", b->s->video_dir,
		    *rel ? "/" : "", rel);
	}
	ret = 0;
out:
	closedir(d);
	if (ret == 0) {
		snprintf(dst, sizeof(dst), "%s/videos%s%s", b->tmp, *rel ? "/" :
		    "", rel);
		ret = admin_fsync_dir(dst, b->err, sizeof(b->err));
	}
	return ret;
}

/* Writes tmp/name with the given content function's output. */
static int
write_file(struct backup *b, const char *name,
    void (*content)(struct backup *, FILE *, const void *), const void *arg)
{
	char path[CZ_SETTING_STR_MAX + 128];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", b->tmp, name);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600))
	    == -1 || (fp = fdopen(fd, "w")) == NULL) {
		snprintf(b->err, sizeof(b->err), "%s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	content(b, fp, arg);
	if (fflush(fp) != 0 || ferror(fp) || fsync(fd) == -1) {
		snprintf(b->err, sizeof(b->err), "%s: %s", path, strerror(errno));
		fclose(fp);
		return -1;
	}
	if (fclose(fp) != 0) {
		snprintf(b->err, sizeof(b->err), "%s: %s", path, strerror(errno));
		return -1;
	}
	return hash_into_manifest(b, name);
}

static void
settings_content(struct backup *b, FILE *fp, const void *arg)
{
	(void)arg;
	fprintf(fp, "# The effective settings of the backed-up installation "
	    "(cibozer-admin config),\n# secrets hidden.\n\n");
	cz_settings_dump(b->s, fp);
}

struct info {
	const char	*created;
	const char	*config;
	int		 migration;
	unsigned long long dump_bytes;
};

static void
info_content(struct backup *b, FILE *fp, const void *arg)
{
	const struct info *in = arg;
	char host[256];

	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	fprintf(fp, "format = 1\n"
	    "program = cibozer-admin %s\n"
	    "created = %s\n"
	    "host = %s\n"
	    "migration = %d\n"
	    "database_dump_bytes = %llu\n"
	    "video_files = %llu\n"
	    "video_bytes = %llu\n"
	    "configuration = %s\n",
	    PACKAGE_VERSION, in->created, host, in->migration, in->dump_bytes,
	    b->files, b->bytes, in->config != NULL ? in->config : "(none: "
	    "built-in defaults and CIBOZER_* variables)");
}

/* Removes temporary directories of runs that died, then complete backups
 * beyond the newest keep. Returns the number of backups removed, or -1. */
static int
rotate(const struct cz_settings *s, char *err, size_t errlen)
{
	char *names[BACKUP_MAX_KEPT];
	char path[CZ_SETTING_STR_MAX + 300];
	struct dirent *de;
	size_t n = 0, i, j, len;
	int removed = 0, ret = -1;
	char *t;
	DIR *d;

	if ((d = opendir(s->backup_dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", s->backup_dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (strncmp(de->d_name, ".tmp-" BACKUP_PREFIX, 13) == 0) {
			snprintf(path, sizeof(path), "%s/%s", s->backup_dir,
			    de->d_name);
			fprintf(stderr, "cibozer-admin: backup: removing %s, "
			    "left by a run that did not finish\n", path);
			if (admin_remove_tree(path) == -1)
				fprintf(stderr, "cibozer-admin: backup: cannot "
				    "remove %s\n", path);
			continue;
		}
		if (len != strlen(BACKUP_PREFIX) + BACKUP_STAMP_LEN ||
		    strncmp(de->d_name, BACKUP_PREFIX, strlen(BACKUP_PREFIX))
		    != 0 || n == BACKUP_MAX_KEPT)
			continue;
		if ((names[n] = strdup(de->d_name)) == NULL) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		n++;
	}
	/* Newest first: the stamps sort as text. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) < 0; j--) {
			t = names[j - 1];
			names[j - 1] = names[j];
			names[j] = t;
		}
	for (i = (size_t)s->backup_keep; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", s->backup_dir, names[i]);
		if (admin_remove_tree(path) == -1) {
			snprintf(err, errlen, "cannot remove the old backup %s",
			    path);
			goto out;
		}
		printf("removed the old backup %s\n", path);
		removed++;
	}
	ret = removed;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	closedir(d);
	return ret;
}

int
admin_backup(const struct cz_settings *s, int argc, char **argv)
{
	char final[CZ_SETTING_STR_MAX + 64], lock[CZ_SETTING_STR_MAX + 16];
	char dump_arg[CZ_SETTING_STR_MAX + 96], path[CZ_SETTING_STR_MAX + 96];
	char stamp[32], created[32], hex[ADMIN_SHA256_HEX + 1];
	const char *owner;
	struct backup b;
	struct info in;
	struct stat st;
	struct tm tm;
	time_t now;
	PGconn *conn;
	int lockfd = -1, made = 0, ret = 1, rc;
	unsigned long long n;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: cibozer-admin backup\n");
		return 2;
	}
	memset(&b, 0, sizeof(b));
	memset(&in, 0, sizeof(in));
	b.s = s;
	owner = s->owner_database_url[0] != '\0' ? s->owner_database_url :
	    s->database_url;

	if (mkdir(s->backup_dir, 0700) == -1 && errno != EEXIST) {
		fprintf(stderr, "cibozer-admin: backup: %s: %s\n",
		    s->backup_dir, strerror(errno));
		return 1;
	}
	snprintf(lock, sizeof(lock), "%s/.lock", s->backup_dir);
	if ((lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600)) == -1) {
		fprintf(stderr, "cibozer-admin: backup: %s: %s\n", lock,
		    strerror(errno));
		return 1;
	}
	if (flock(lockfd, LOCK_EX | LOCK_NB) == -1) {
		fprintf(stderr, "cibozer-admin: backup: %s\n", errno ==
		    EWOULDBLOCK ? "another backup is running (backup_dir/.lock "
		    "is held)" : strerror(errno));
		close(lockfd);
		return 1;
	}

	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm);
	in.created = created;
	snprintf(final, sizeof(final), "%s/" BACKUP_PREFIX "%s", s->backup_dir,
	    stamp);
	snprintf(b.tmp, sizeof(b.tmp), "%s/.tmp-" BACKUP_PREFIX "%s",
	    s->backup_dir, stamp);
	if (lstat(final, &st) == 0) {
		fprintf(stderr, "cibozer-admin: backup: %s exists already (one "
		    "backup a second)\n", final);
		goto out;
	}
	if (admin_remove_tree(b.tmp) == -1 || mkdir(b.tmp, 0700) == -1) {
		fprintf(stderr, "cibozer-admin: backup: %s: %s\n", b.tmp,
		    strerror(errno));
		goto out;
	}
	made = 1;

	/* Where the schema stands: also proves the connection before
	 * pg_dump tries it. */
	if ((conn = admin_connect_as(s, owner, 60000)) == NULL)
		goto out;
	in.migration = cz_migrate_current(conn, b.err, sizeof(b.err));
	PQfinish(conn);
	if (in.migration == -1)
		goto fail;

	snprintf(dump_arg, sizeof(dump_arg), "--file=%s/database.dump", b.tmp);
	{
		char *dump[] = { "pg_dump", "--format=custom", "--no-password",
		    "--lock-wait-timeout=10min", dump_arg, NULL };

		if (admin_pg_run(owner, dump, b.err, sizeof(b.err)) == -1)
			goto fail;
	}
	snprintf(path, sizeof(path), "%s/database.dump", b.tmp);
	/* Whatever umask pg_dump ran with: the dump holds every secret. */
	if (chmod(path, 0600) == -1) {
		snprintf(b.err, sizeof(b.err), "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (admin_file_sha256(path, hex, &in.dump_bytes, b.err,
	    sizeof(b.err)) == -1 ||
	    admin_manifest_add(&b.m, "database.dump", hex) == -1)
		goto fail;

	/* The configuration file, if the settings came from one. */
	if (admin_config_path != NULL && stat(admin_config_path, &st) == 0) {
		snprintf(path, sizeof(path), "%s/cibozer.conf", b.tmp);
		rc = admin_file_copy(admin_config_path, path, 0600, hex, &n,
		    b.err, sizeof(b.err));
		if (rc != 0 || admin_manifest_add(&b.m, "cibozer.conf", hex)
		    == -1)
			goto fail;
		in.config = admin_config_path;
	}
	if (write_file(&b, "settings.txt", settings_content, NULL) == -1)
		goto fail;

	snprintf(path, sizeof(path), "%s/videos", b.tmp);
	if (mkdir(path, 0700) == -1) {
		snprintf(b.err, sizeof(b.err), "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (copy_videos(&b, "", 0) == -1)
		goto fail;
	if (write_file(&b, "INFO", info_content, &in) == -1)
		goto fail;
	snprintf(path, sizeof(path), "%s/MANIFEST", b.tmp);
	if (admin_manifest_write(&b.m, path, b.err, sizeof(b.err)) == -1 ||
	    admin_fsync_dir(b.tmp, b.err, sizeof(b.err)) == -1)
		goto fail;

	/* Complete: now, and only now, under its name. */
	if (rename(b.tmp, final) == -1) {
		snprintf(b.err, sizeof(b.err), "rename %s to %s: %s", b.tmp,
		    final, strerror(errno));
		goto fail;
	}
	made = 0;
	if (admin_fsync_dir(s->backup_dir, b.err, sizeof(b.err)) == -1)
		goto fail;
	printf("backup %s: database at migration %d (%llu bytes), %llu video "
	    "files (%llu bytes), %zu files in MANIFEST\n", final, in.migration,
	    in.dump_bytes, b.files, b.bytes, b.m.n);
	if (rotate(s, b.err, sizeof(b.err)) == -1)
		goto fail;
	ret = 0;
	goto out;
fail:
	fprintf(stderr, "cibozer-admin: backup: %s\n", b.err);
out:
	if (made && admin_remove_tree(b.tmp) == -1)
		fprintf(stderr, "cibozer-admin: backup: cannot remove %s\n",
		    b.tmp);
	admin_manifest_free(&b.m);
	if (lockfd != -1)
		close(lockfd);
	return ret;
}
