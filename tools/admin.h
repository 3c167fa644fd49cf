/*
 * admin.h - subcommands of cibozer-admin, one file each.
 */
#ifndef CZ_ADMIN_H
#define CZ_ADMIN_H

#include <stddef.h>

struct cz_settings;
struct cz_catalog;

/* Each takes argv[0] = subcommand name and returns the exit status. */
int admin_migrate(const struct cz_settings *s, int argc, char **argv);
int admin_render_template(int argc, char **argv);
int admin_import_usda(const struct cz_settings *s, int argc, char **argv);
int admin_validate_foods(const struct cz_settings *s, int argc, char **argv);
int admin_plan(const struct cz_settings *s, int argc, char **argv);
int admin_plan_document(const struct cz_settings *s, int argc, char **argv);
int admin_plan_check(const struct cz_settings *s, int argc, char **argv);
int admin_plan_bench(const struct cz_settings *s, int argc, char **argv);

int admin_cleanup_videos(const struct cz_settings *s, int argc, char **argv);
int admin_purge(const struct cz_settings *s, int argc, char **argv);

/* Removes the directory tree at path without following links; a missing
 * one is fine. Returns 0 or -1 (logged) (admin_cleanup.c). */
int admin_remove_tree(const char *path);

/* A new connection to the configured database with the given statement
 * timeout, or NULL with the reason on stderr (admin.c). */
struct pg_conn *admin_connect(const struct cz_settings *s,
    int statement_timeout_ms);

/* The same with the conninfo url (one of the per-role settings, e.g.
 * jobs_database_url); an empty one means database_url (admin.c). */
struct pg_conn *admin_connect_as(const struct cz_settings *s,
    const char *url, int statement_timeout_ms);

/* The planning catalog from the configured database, or NULL with the
 * reason on stderr (admin_plan.c). */
struct cz_catalog *admin_load_catalog(const struct cz_settings *s);
int admin_user(const struct cz_settings *s, int argc, char **argv);
int admin_audit(const struct cz_settings *s, int argc, char **argv);
int admin_deliver_mail(const struct cz_settings *s, int argc, char **argv);
int admin_mail_test(const struct cz_settings *s, int argc, char **argv);


/* Backups (admin_backup.c, admin_restore.c; docs/backup.md). */
int admin_backup(const struct cz_settings *s, int argc, char **argv);
int admin_restore(const struct cz_settings *s, int argc, char **argv);

/* Runs argv (pg_dump, pg_restore) from PATH without a shell, connected as
 * conninfo says through libpq's PG* environment variables (never on the
 * command line). Returns 0 when it exits 0, else -1 with a message
 * (admin_pgexec.c). */
int admin_pg_run(const char *conninfo, char *const argv[], char *err,
    size_t errlen);

/* The configuration file main() read (or tried to read: the default one
 * may be absent); NULL for commands that read none (admin.c). */
extern const char *admin_config_path;

#endif
