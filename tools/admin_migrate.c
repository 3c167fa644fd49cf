/*
 * admin_migrate.c - `cibozer-admin migrate [--status]`: applies the SQL
 * migrations of sql_dir, or tells where the database stands, connected as
 * the owner role (owner_database_url; database_url when that is empty).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "migrate.h"
#include "settings.h"

int
admin_migrate(const struct cz_settings *s, int argc, char **argv)
{
	char err[1024];
	int applied, current, latest, status_only = 0;
	PGconn *conn;

	if (argc == 2 && strcmp(argv[1], "--status") == 0)
		status_only = 1;
	else if (argc != 1) {
		fprintf(stderr, "usage: cibozer-admin migrate [--status]\n");
		return 2;
	}
	if ((latest = cz_migrate_latest(s->sql_dir, err, sizeof(err))) == -1) {
		fprintf(stderr, "cibozer-admin: %s\n", err);
		return 1;
	}
	/* The owner role: the runtime roles may not change the schema
	 * (sql/018). */
	conn = cz_db_connect_once(s->owner_database_url[0] != '\0' ?
	    s->owner_database_url : s->database_url, (int)s->db_connect_timeout,
	    600000, err, sizeof(err));
	if (conn == NULL) {
		fprintf(stderr, "cibozer-admin: cannot connect to the database: "
		    "%s\n", err);
		return 1;
	}
	if (status_only) {
		if ((current = cz_migrate_current(conn, err, sizeof(err))) == -1) {
			fprintf(stderr, "cibozer-admin: %s\n", err);
			PQfinish(conn);
			return 1;
		}
		printf("database at migration %d; this build has up to %d%s\n",
		    current, latest, current == latest ? " (current)" :
		    current < latest ? " (run: cibozer-admin migrate)" :
		    " (the database is newer than this build)");
		PQfinish(conn);
		return current == latest ? 0 : 1;
	}
	if (cz_migrate_apply(conn, s->sql_dir, &applied, err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: migrate: %s\n", err);
		PQfinish(conn);
		return 1;
	}
	printf("applied %d migration%s; database at migration %d\n", applied,
	    applied == 1 ? "" : "s", latest);
	PQfinish(conn);
	return 0;
}
