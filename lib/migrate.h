/*
 * migrate.h - numbered SQL migrations.
 *
 * sql/NNN_name.sql files are applied in order, each in one transaction and
 * recorded in schema_migrations. A database holding a migration this build
 * does not know is refused: an older binary must not run on a newer schema.
 */
#ifndef CZ_MIGRATE_H
#define CZ_MIGRATE_H

#include <stddef.h>

#include <libpq-fe.h>

#define CZ_MIGRATE_MAX		1000	/* migrations per directory */

/* The highest migration number found in dir, 0 if none, -1 with a message
 * when the directory cannot be read or holds a badly named file. */
int cz_migrate_latest(const char *dir, char *err, size_t errlen);

/* Applies what is missing. *applied receives the number applied. Returns 0,
 * or -1 with a message in err (nothing of the failing migration stays). */
int cz_migrate_apply(PGconn *conn, const char *dir, int *applied,
    char *err, size_t errlen);

/* The highest version recorded in the database (0 for a fresh one), or -1
 * with a message. */
int cz_migrate_current(PGconn *conn, char *err, size_t errlen);

#endif
