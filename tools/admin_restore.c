/*
 * admin_restore.c - `cibozer-admin restore [--check] BACKUP`: a backup made
 * by `cibozer-admin backup` back into an empty database and an empty
 * video directory (docs/backup.md).
 *
 * In this order, so that a bad backup or a wrong target changes nothing:
 *   1. the backup is verified: MANIFEST well-formed, every file it names a
 *      regular file with that SHA-256, no file it does not name, the dump
 *      and INFO present (exit 3 otherwise). --check stops here.
 *   2. the targets must be empty: video_dir exists and holds nothing, the
 *      database (owner_database_url) has no table, sequence, view,
 *      function or type outside the system schemas (exit 4 otherwise: a
 *      restore never merges into or overwrites an installation).
 *   3. the videos are copied into a staging directory inside video_dir,
 *      hashed again as they are written.
 *   4. pg_restore --single-transaction --exit-on-error --no-owner, as the
 *      owner role: all or nothing; every object then belongs to the owner
 *      role of this installation, whatever its name was where the backup
 *      was made. The runtime roles must exist (the grants name them).
 *   5. the migrations this build has and the backup's schema lacks are
 *      applied (the same code as `migrate`): an older backup comes up on
 *      the newer schema.
 *   6. the staged job directories are moved into video_dir.
 * Modes are those of docs/operations.md ("Users, directories and modes"):
 * a job's directory 0755, the directories in it 2750, files 0640, and, run
 * as root, every one owned by video_dir's owner and group.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "admin_files.h"
#include "db.h"
#include "migrate.h"
#include "numparse.h"
#include "settings.h"

#define EXIT_DAMAGED	3	/* the backup does not verify */
#define EXIT_NOT_EMPTY	4	/* the database or video_dir holds data */

#define RESTORE_MAX_DEPTH	20

/* Objects of a database that is not empty: anything outside the system
 * schemas. */
#define SQL_OBJECTS \
	"SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON " \
	"n.oid = c.relnamespace WHERE " NOT_SYSTEM ") + " \
	"(SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON " \
	"n.oid = p.pronamespace WHERE " NOT_SYSTEM ") + " \
	"(SELECT count(*) FROM pg_type t JOIN pg_namespace n ON " \
	"n.oid = t.typnamespace WHERE t.typrelid = 0 AND " \
	"t.typcategory <> 'A' AND " NOT_SYSTEM ")"
#define NOT_SYSTEM \
	"n.nspname NOT IN ('pg_catalog', 'information_schema') AND " \
	"n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"

struct restore {
	const char		*backup;
	struct admin_manifest	 m;
	char			 err[8192];
};

/* Walks backup/rel: every regular file must be in the manifest (MANIFEST
 * itself aside), and nothing but files and directories may be there. */
static int
walk_unlisted(struct restore *r, const char *rel, int depth)
{
	char path[4096], child[ADMIN_PATH_MAX + 256];
	struct dirent *de;
	struct stat st;
	DIR *d;
	int ret = -1;

	if (depth > RESTORE_MAX_DEPTH) {
		snprintf(r->err, sizeof(r->err), "%s/%s: nested too deep",
		    r->backup, rel);
		return -1;
	}
	snprintf(path, sizeof(path), "%s%s%s", r->backup, *rel ? "/" : "", rel);
	if ((d = opendir(path)) == NULL) {
		snprintf(r->err, sizeof(r->err), "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(child, sizeof(child), "%s%s%s", rel,
		    *rel ? "/" : "", de->d_name) >= sizeof(child)) {
			snprintf(r->err, sizeof(r->err), "%s/%s: name too long",
			    path, de->d_name);
			goto out;
		}
		snprintf(path, sizeof(path), "%s/%s", r->backup, child);
		if (lstat(path, &st) == -1) {
			snprintf(r->err, sizeof(r->err), "%s: %s", path,
			    strerror(errno));
			goto out;
		}
		if (S_ISDIR(st.st_mode)) {
			if (walk_unlisted(r, child, depth + 1) == -1)
				goto out;
		} else if (!S_ISREG(st.st_mode)) {
			snprintf(r->err, sizeof(r->err), "%s is neither a file "
			    "nor a directory", path);
			goto out;
		} else if (strcmp(child, "MANIFEST") != 0 &&
		    admin_manifest_find(&r->m, child) == NULL) {
			snprintf(r->err, sizeof(r->err), "%s is not in the "
			    "MANIFEST", path);
			goto out;
		}
		snprintf(path, sizeof(path), "%s%s%s", r->backup, *rel ? "/" :
		    "", rel);
	}
	ret = 0;
out:
	closedir(d);
	return ret;
}

/* Step 1. Returns 0 or -1 with the reason. */
static int
verify(struct restore *r, unsigned long long *bytes)
{
	char path[4096], hex[ADMIN_SHA256_HEX + 1];
	unsigned long long n;
	struct stat st;
	size_t i;

	*bytes = 0;
	snprintf(path, sizeof(path), "%s/MANIFEST", r->backup);
	if (admin_manifest_read(&r->m, path, r->err, sizeof(r->err)) == -1)
		return -1;
	if (admin_manifest_find(&r->m, "database.dump") == NULL ||
	    admin_manifest_find(&r->m, "INFO") == NULL) {
		snprintf(r->err, sizeof(r->err), "%s: the MANIFEST names no "
		    "database.dump or no INFO", r->backup);
		return -1;
	}
	for (i = 0; i < r->m.n; i++) {
		snprintf(path, sizeof(path), "%s/%s", r->backup, r->m.e[i].path);
		if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			snprintf(r->err, sizeof(r->err), "%s: %s", path,
			    errno == ENOENT ? "missing" : "not a regular file");
			return -1;
		}
		if (admin_file_sha256(path, hex, &n, r->err, sizeof(r->err))
		    == -1)
			return -1;
		if (strcmp(hex, r->m.e[i].hex) != 0) {
			snprintf(r->err, sizeof(r->err), "%s: SHA-256 %s, the "
			    "MANIFEST says %s", path, hex, r->m.e[i].hex);
			return -1;
		}
		*bytes += n;
	}
	return walk_unlisted(r, "", 0);
}

/* Whether dir exists and holds nothing: 1, 0, or -1 with a message. */
static int
dir_empty(const char *dir, char *err, size_t errlen)
{
	struct dirent *de;
	DIR *d;
	int empty = 1;

	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "video_dir %s: %s (make it first, with "
		    "its owner and mode: systemd-tmpfiles --create)", dir,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

/* Gives path the mode (and, as root, video_dir's owner and group). The
 * owner first: chown may clear the setgid bit. */
static int
set_owner_mode(const char *path, const struct stat *vd, mode_t mode,
    char *err, size_t errlen)
{
	if (geteuid() == 0 && lchown(path, vd->st_uid, vd->st_gid) == -1) {
		snprintf(err, errlen, "%s: chown: %s", path, strerror(errno));
		return -1;
	}
	if (chmod(path, mode) == -1) {
		snprintf(err, errlen, "%s: chmod: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Step 3: every videos/... file of the backup into stage/..., its
 * directories made on the way. Returns 0, -1 (error) or -2 (a file's
 * bytes differ from the MANIFEST: damaged since it was verified). */
static int
stage_videos(struct restore *r, const char *stage, const struct stat *vd,
    unsigned long long *files)
{
	char src[4096], dst[4096], hex[ADMIN_SHA256_HEX + 1];
	const char *rel;
	unsigned long long n;
	struct stat st;
	char *p;
	size_t i;
	int rc, depth;

	*files = 0;
	for (i = 0; i < r->m.n; i++) {
		if (strncmp(r->m.e[i].path, "videos/", 7) != 0)
			continue;
		rel = r->m.e[i].path + 7;
		snprintf(src, sizeof(src), "%s/%s", r->backup, r->m.e[i].path);
		if ((size_t)snprintf(dst, sizeof(dst), "%s/%s", stage, rel) >=
		    sizeof(dst)) {
			snprintf(r->err, sizeof(r->err), "%s: path too long",
			    rel);
			return -1;
		}
		/* The directories on the way: a job's 0755, deeper 2750. */
		depth = 0;
		for (p = dst + strlen(stage) + 1; (p = strchr(p, '/')) != NULL;
		    p++) {
			*p = '\0';
			if (lstat(dst, &st) == -1) {
				if (mkdir(dst, 0700) == -1) {
					snprintf(r->err, sizeof(r->err),
					    "%s: %s", dst, strerror(errno));
					*p = '/';
					return -1;
				}
				if (set_owner_mode(dst, vd, depth == 0 ? 0755 :
				    02750, r->err, sizeof(r->err)) == -1) {
					*p = '/';
					return -1;
				}
			} else if (!S_ISDIR(st.st_mode)) {
				snprintf(r->err, sizeof(r->err), "%s is not a "
				    "directory", dst);
				*p = '/';
				return -1;
			}
			*p = '/';
			depth++;
		}
		rc = admin_file_copy(src, dst, 0640, hex, &n, r->err,
		    sizeof(r->err));
		if (rc != 0)
			return -1;
		if (strcmp(hex, r->m.e[i].hex) != 0) {
			snprintf(r->err, sizeof(r->err), "%s changed since it "
			    "was verified (SHA-256 %s, the MANIFEST says %s)",
			    src, hex, r->m.e[i].hex);
			return -2;
		}
		if (set_owner_mode(dst, vd, 0640, r->err, sizeof(r->err)) == -1)
			return -1;
		(*files)++;
	}
	return 0;
}

/* Step 6: stage's entries into video_dir. */
static int
move_staged(const char *stage, const char *video_dir, char *err,
    size_t errlen)
{
	char from[1024], to[1024];
	struct dirent *de;
	DIR *d;
	int ret = 0;

	if ((d = opendir(stage)) == NULL) {
		snprintf(err, errlen, "%s: %s", stage, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(from, sizeof(from), "%s/%s", stage, de->d_name);
		snprintf(to, sizeof(to), "%s/%s", video_dir, de->d_name);
		if (rename(from, to) == -1) {
			snprintf(err, errlen, "rename %s to %s: %s", from, to,
			    strerror(errno));
			ret = -1;
			break;
		}
	}
	closedir(d);
	return ret;
}

/* dbname='...' for pg_restore --dbname, quoted as libpq's conninfo wants,
 * so that a name holding "=" cannot be read as a connection string. */
static int
dbname_arg(const char *db, char *out, size_t outlen)
{
	size_t o;

	o = (size_t)snprintf(out, outlen, "--dbname=dbname='");
	for (; *db != '\0'; db++) {
		if (o + 4 >= outlen)
			return -1;
		if (*db == '\'' || *db == '\\')
			out[o++] = '\\';
		out[o++] = *db;
	}
	if (o + 2 >= outlen)
		return -1;
	out[o++] = '\'';
	out[o] = '\0';
	return 0;
}

/* The "migration = N" line of the backup's INFO (verified), or -1. */
static int
info_migration(const char *backup)
{
	char path[4096], line[256];
	const char *errstr;
	int v = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/INFO", backup);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, "migration = ", 12) == 0) {
			line[strcspn(line, "\n")] = '\0';
			v = (int)cz_strtonum(line + 12, 0, CZ_MIGRATE_MAX * 1000,
			    &errstr);
			if (errstr != NULL)
				v = -1;
			break;
		}
	fclose(fp);
	return v;
}

static long long
count_objects(PGconn *conn, char *err, size_t errlen)
{
	PGresult *res;
	long long n;

	res = PQexec(conn, SQL_OBJECTS);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		snprintf(err, errlen, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	n = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return n;
}

int
admin_restore(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "check",	no_argument,	NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	char stage[CZ_SETTING_STR_MAX + 64], dbarg[1024], dump[4096];
	const char *owner;
	unsigned long long bytes, files = 0;
	struct restore r;
	struct stat vd;
	PGresult *res;
	PGconn *conn = NULL;
	long long objects;
	int ch, check_only = 0, staged = 0, ret = 1, before, applied, rc;
	int backup_at, latest;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'c') {
			fprintf(stderr, "usage: cibozer-admin restore [--check] "
			    "BACKUP\n");
			return 2;
		}
		check_only = 1;
	}
	if (argc - optind != 1) {
		fprintf(stderr, "usage: cibozer-admin restore [--check] BACKUP\n");
		return 2;
	}
	memset(&r, 0, sizeof(r));
	r.backup = argv[optind];
	owner = s->owner_database_url[0] != '\0' ? s->owner_database_url :
	    s->database_url;

	/* 1. */
	if (verify(&r, &bytes) == -1) {
		fprintf(stderr, "cibozer-admin: restore: %s is damaged or "
		    "incomplete: %s; nothing was restored\n", r.backup, r.err);
		admin_manifest_free(&r.m);
		return EXIT_DAMAGED;
	}
	printf("%s: %zu files (%llu bytes) match its MANIFEST\n", r.backup,
	    r.m.n, bytes);
	if (check_only) {
		admin_manifest_free(&r.m);
		return 0;
	}

	/* A backup newer than this build would be restored, then refused
	 * by the migrations: refuse it before anything is written. */
	if ((backup_at = info_migration(r.backup)) == -1) {
		fprintf(stderr, "cibozer-admin: restore: %s/INFO has no "
		    "readable \"migration = N\" line; nothing was restored\n",
		    r.backup);
		ret = EXIT_DAMAGED;
		goto out;
	}
	if ((latest = cz_migrate_latest(s->sql_dir, r.err, sizeof(r.err)))
	    == -1) {
		fprintf(stderr, "cibozer-admin: restore: %s\n", r.err);
		goto out;
	}
	if (backup_at > latest) {
		fprintf(stderr, "cibozer-admin: restore: the backup's database "
		    "is at migration %d but this build knows only up to %d: "
		    "restore it with a release at least as new (an older "
		    "release must not run on a newer schema); nothing was "
		    "restored\n", backup_at, latest);
		goto out;
	}

	/* 2. */
	if ((rc = dir_empty(s->video_dir, r.err, sizeof(r.err))) != 1) {
		if (rc == 0)
			fprintf(stderr, "cibozer-admin: restore: video_dir %s is "
			    "not empty: a restore goes into an empty one only; "
			    "nothing was restored\n", s->video_dir);
		else
			fprintf(stderr, "cibozer-admin: restore: %s\n", r.err);
		ret = rc == 0 ? EXIT_NOT_EMPTY : 1;
		goto out;
	}
	if (stat(s->video_dir, &vd) == -1) {
		fprintf(stderr, "cibozer-admin: restore: %s: %s\n", s->video_dir,
		    strerror(errno));
		goto out;
	}
	if ((conn = admin_connect_as(s, owner, 0)) == NULL)
		goto out;
	if ((objects = count_objects(conn, r.err, sizeof(r.err))) == -1) {
		fprintf(stderr, "cibozer-admin: restore: %s\n", r.err);
		goto out;
	}
	if (objects > 0) {
		fprintf(stderr, "cibozer-admin: restore: the database %s is not "
		    "empty (%lld objects outside the system schemas): a "
		    "restore goes into an empty one only (createdb -O OWNER); "
		    "nothing was restored\n", PQdb(conn), objects);
		ret = EXIT_NOT_EMPTY;
		goto out;
	}

	/* 3. */
	snprintf(stage, sizeof(stage), "%s/.tmp-restore-XXXXXX", s->video_dir);
	if (mkdtemp(stage) == NULL) {
		fprintf(stderr, "cibozer-admin: restore: cannot make a directory "
		    "in %s: %s\n", s->video_dir, strerror(errno));
		goto out;
	}
	staged = 1;
	if ((rc = stage_videos(&r, stage, &vd, &files)) != 0) {
		fprintf(stderr, "cibozer-admin: restore: %s; nothing was "
		    "restored\n", r.err);
		ret = rc == -2 ? EXIT_DAMAGED : 1;
		goto out;
	}

	/* 4. */
	if (dbname_arg(PQdb(conn), dbarg, sizeof(dbarg)) == -1) {
		fprintf(stderr, "cibozer-admin: restore: database name too "
		    "long\n");
		goto out;
	}
	snprintf(dump, sizeof(dump), "%s/database.dump", r.backup);
	{
		char *argv_restore[] = { "pg_restore", "--no-password",
		    "--exit-on-error", "--single-transaction", "--no-owner",
		    dbarg, dump, NULL };

		if (admin_pg_run(owner, argv_restore, r.err, sizeof(r.err))
		    == -1) {
			fprintf(stderr, "cibozer-admin: restore: %s; the "
			    "database was left as it was (one transaction) and "
			    "no video was restored\n", r.err);
			goto out;
		}
	}

	/* 5. The one database-level grant of the migrations (018: no
	 * temporary tables for the runtime roles) is not in a dump made
	 * without --create; the others are in the dump. A backup from
	 * before 018 gets it from 018 itself below. */
	if ((before = cz_migrate_current(conn, r.err, sizeof(r.err))) == -1) {
		fprintf(stderr, "cibozer-admin: restore: %s\n", r.err);
		goto out;
	}
	if (before >= 18) {
		res = PQexec(conn, "DO $$ BEGIN EXECUTE format('REVOKE "
		    "TEMPORARY ON DATABASE %I FROM PUBLIC', "
		    "current_database()); END $$");
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			fprintf(stderr, "cibozer-admin: restore: %s",
			    PQresultErrorMessage(res));
			PQclear(res);
			goto out;
		}
		PQclear(res);
	}
	if (cz_migrate_apply(conn, s->sql_dir, &applied, r.err,
	    sizeof(r.err)) == -1) {
		fprintf(stderr, "cibozer-admin: restore: the database is "
		    "restored at migration %d, but migrating failed: %s\n",
		    before, r.err);
		goto out;
	}

	/* 6. */
	if (move_staged(stage, s->video_dir, r.err, sizeof(r.err)) == -1 ||
	    rmdir(stage) == -1 ||
	    admin_fsync_dir(s->video_dir, r.err, sizeof(r.err)) == -1) {
		fprintf(stderr, "cibozer-admin: restore: the database is "
		    "restored, but the videos are not all in place: %s\n",
		    r.err[0] ? r.err : strerror(errno));
		goto out;
	}
	staged = 0;
	printf("restored %s: database from migration %d, %d migration%s "
	    "applied, %llu video files into %s\n", r.backup, before, applied,
	    applied == 1 ? "" : "s", files, s->video_dir);
	ret = 0;
out:
	if (staged && admin_remove_tree(stage) == -1)
		fprintf(stderr, "cibozer-admin: restore: cannot remove %s\n",
		    stage);
	PQfinish(conn);
	admin_manifest_free(&r.m);
	return ret;
}
