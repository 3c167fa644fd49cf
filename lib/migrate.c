/*
 * migrate.c - applies sql/NNN_name.sql migrations in order, one transaction
 * each, under an advisory lock so two migrators never race.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "migrate.h"
#include "numparse.h"

#define MIGRATE_LOCK_KEY	"7264524199"	/* arbitrary, stable */
#define MIGRATION_MAX_BYTES	(4 * 1024 * 1024)

struct migration {
	int	 version;
	char	 file[256];
};

/* "NNN_name.sql" → NNN, else -1. */
static int
parse_name(const char *name)
{
	size_t n = strlen(name);
	int v = 0, digits = 0;

	if (n < 6 || strcmp(name + n - 4, ".sql") != 0)
		return -1;
	while (isdigit((unsigned char)name[digits]) && digits < 6)
		v = v * 10 + (name[digits++] - '0');
	if (digits == 0 || name[digits] != '_' || v <= 0)
		return -1;
	return v;
}

static int
by_version(const void *a, const void *b)
{
	const struct migration *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/* Lists migrations sorted by version. Returns the count or -1. */
static int
list(const char *dir, struct migration **out, char *err, size_t errlen)
{
	struct migration *m = NULL, *tmp;
	struct dirent *de;
	DIR *d;
	int n = 0, cap = 0, v, i;

	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((v = parse_name(de->d_name)) == -1) {
			/* Seed data and notes may live beside migrations,
			 * but never something that looks like one. */
			if (strstr(de->d_name, ".sql") != NULL &&
			    isdigit((unsigned char)de->d_name[0])) {
				snprintf(err, errlen, "%s/%s: migration names "
				    "are NNN_name.sql", dir, de->d_name);
				goto err;
			}
			continue;
		}
		if (n == CZ_MIGRATE_MAX || strlen(de->d_name) >= sizeof(m->file)) {
			snprintf(err, errlen, "%s: too many migrations or name "
			    "too long", dir);
			goto err;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((tmp = realloc(m, (size_t)cap * sizeof(*m))) == NULL) {
				snprintf(err, errlen, "out of memory");
				goto err;
			}
			m = tmp;
		}
		m[n].version = v;
		snprintf(m[n].file, sizeof(m[n].file), "%s", de->d_name);
		n++;
	}
	closedir(d);
	qsort(m, (size_t)n, sizeof(*m), by_version);
	for (i = 1; i < n; i++)
		if (m[i].version == m[i - 1].version) {
			snprintf(err, errlen, "%s: %s and %s share number %d",
			    dir, m[i - 1].file, m[i].file, m[i].version);
			free(m);
			return -1;
		}
	*out = m;
	return n;
err:
	closedir(d);
	free(m);
	return -1;
}

int
cz_migrate_latest(const char *dir, char *err, size_t errlen)
{
	struct migration *m = NULL;
	int n, latest;

	if ((n = list(dir, &m, err, errlen)) == -1)
		return -1;
	latest = n > 0 ? m[n - 1].version : 0;
	free(m);
	return latest;
}

static int
exec_ok(PGconn *conn, const char *sql, char *err, size_t errlen)
{
	PGresult *r;
	int ok;

	r = PQexec(conn, sql);
	ok = r != NULL && (PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK);
	if (!ok)
		snprintf(err, errlen, "%s", PQerrorMessage(conn));
	PQclear(r);
	return ok ? 0 : -1;
}

static char *
read_file(const char *path, char *err, size_t errlen)
{
	FILE *fp;
	char *buf;
	long n;

	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fseek(fp, 0, SEEK_END) == -1 || (n = ftell(fp)) < 0 ||
	    n > MIGRATION_MAX_BYTES || fseek(fp, 0, SEEK_SET) == -1) {
		snprintf(err, errlen, "%s: unreadable or larger than %d bytes",
		    path, MIGRATION_MAX_BYTES);
		fclose(fp);
		return NULL;
	}
	if ((buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		snprintf(err, errlen, "%s: read failed", path);
		free(buf);
		fclose(fp);
		return NULL;
	}
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

int
cz_migrate_current(PGconn *conn, char *err, size_t errlen)
{
	const char *errstr;
	PGresult *r;
	int v;

	r = PQexec(conn, "SELECT coalesce(max(version), 0) FROM "
	    "schema_migrations");
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
		/* A fresh database has no table yet. */
		if (r != NULL && strcmp(PQresultErrorField(r, PG_DIAG_SQLSTATE)
		    ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "", "42P01") == 0) {
			PQclear(r);
			return 0;
		}
		snprintf(err, errlen, "%s", PQerrorMessage(conn));
		PQclear(r);
		return -1;
	}
	v = (int)cz_strtonum(PQgetvalue(r, 0, 0), 0, INT_MAX, &errstr);
	PQclear(r);
	if (errstr != NULL) {
		snprintf(err, errlen, "schema_migrations holds a bad version");
		return -1;
	}
	return v;
}

static int
apply_one(PGconn *conn, const char *dir, const struct migration *m,
    char *err, size_t errlen)
{
	const char *params[2];
	char path[1024], ver[16], msg[1024];
	PGresult *r;
	char *sql;
	int done;

	snprintf(ver, sizeof(ver), "%d", m->version);
	params[0] = ver;
	params[1] = m->file;
	if (exec_ok(conn, "BEGIN", err, errlen) == -1)
		return -1;
	/* Someone else may have applied it while we waited for the lock. */
	r = PQexecParams(conn, "SELECT 1 FROM schema_migrations WHERE "
	    "version = $1", 1, NULL, params, NULL, NULL, 0);
	done = r != NULL && PQresultStatus(r) == PGRES_TUPLES_OK &&
	    PQntuples(r) == 1;
	PQclear(r);
	if (done)
		return exec_ok(conn, "COMMIT", err, errlen) == -1 ? -1 : 0;

	snprintf(path, sizeof(path), "%s/%s", dir, m->file);
	if ((sql = read_file(path, err, errlen)) == NULL)
		goto rollback;
	if (exec_ok(conn, sql, msg, sizeof(msg)) == -1) {
		snprintf(err, errlen, "%s: %s", m->file, msg);
		free(sql);
		goto rollback;
	}
	free(sql);
	r = PQexecParams(conn, "INSERT INTO schema_migrations (version, name) "
	    "VALUES ($1, $2)", 2, NULL, params, NULL, NULL, 0);
	if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK) {
		snprintf(err, errlen, "%s: recording: %s", m->file,
		    PQerrorMessage(conn));
		PQclear(r);
		goto rollback;
	}
	PQclear(r);
	if (exec_ok(conn, "COMMIT", err, errlen) == -1)
		return -1;
	cz_log(CZ_LOG_INFO, "applied migration %s", m->file);
	return 1;
rollback:
	exec_ok(conn, "ROLLBACK", msg, sizeof(msg));
	return -1;
}

int
cz_migrate_apply(PGconn *conn, const char *dir, int *applied, char *err,
    size_t errlen)
{
	struct migration *m = NULL;
	char msg[512];
	int n, i, rc, current, latest, ret = -1;

	*applied = 0;
	if ((n = list(dir, &m, err, errlen)) == -1)
		return -1;
	latest = n > 0 ? m[n - 1].version : 0;
	if (exec_ok(conn, "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")",
	    err, errlen) == -1)
		goto out;
	if (exec_ok(conn, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    "version integer PRIMARY KEY, name text NOT NULL, "
	    "applied_at timestamptz NOT NULL DEFAULT now())", err, errlen) == -1)
		goto unlock;
	if ((current = cz_migrate_current(conn, err, errlen)) == -1)
		goto unlock;
	if (current > latest) {
		snprintf(err, errlen, "the database is at migration %d but this "
		    "build knows only up to %d: refusing to run an older "
		    "release on a newer schema", current, latest);
		goto unlock;
	}
	for (i = 0; i < n; i++) {
		if ((rc = apply_one(conn, dir, &m[i], err, errlen)) == -1)
			goto unlock;
		*applied += rc;
	}
	ret = 0;
unlock:
	exec_ok(conn, "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY ")", msg,
	    sizeof(msg));
out:
	free(m);
	return ret;
}
