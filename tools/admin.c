/*
 * admin.c - cibozer-admin: the operator's command-line tool. Global options
 * come first, then a subcommand from the table below.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "db.h"
#include "log.h"
#include "settings.h"

const char *admin_config_path;

static int
cmd_migrate(const struct cz_settings *s, int argc, char **argv)
{
	return admin_migrate(s, argc, argv);
}

static int
cmd_render(const struct cz_settings *s, int argc, char **argv)
{
	(void)s;
	return admin_render_template(argc, argv);
}

static int
cmd_config(const struct cz_settings *s, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cz_settings_dump(s, stdout);
	return 0;
}

static const struct {
	const char	*name;
	int		(*run)(const struct cz_settings *, int, char **);
	int		 needs_config;
	const char	*usage;
} commands[] = {
	{ "migrate", cmd_migrate, 1,
	    "migrate [--status]      apply pending SQL migrations" },
	{ "render-template", cmd_render, 0,
	    "render-template TEMPLATE DATA.json [PARTIAL_DIR]\n"
	    "                          print a rendering, exactly" },
	{ "import-usda", admin_import_usda, 1,
	    "import-usda DIR         load the USDA SR24 food files of DIR "
	    "(idempotent)" },
	{ "validate-foods", admin_validate_foods, 1,
	    "validate-foods [--all]  check the loaded foods' energy, fiber and "
	    "masses" },
	{ "plan", admin_plan, 1,
	    "plan --calories N --diet DIET [--pattern P] [--restrict R,...]\n"
	    "       [--exclude NDB,...] [--profile P] [--days N] [--seed S]\n"
	    "       [--stored]\n"
	    "                          print one meal plan as JSON (or its "
	    "stored form); exit 3\n"
	    "                          when infeasible" },
	{ "plan-document", admin_plan_document, 1,
	    "plan-document [--revision N] ID\n"
	    "                          print a stored plan as GET /api/plans/ID "
	    "serves it" },
	{ "plan-check", admin_plan_check, 1,
	    "plan-check [--count N] [--seed S] [--jobs N] [--refusals N] |\n"
	    "       plan-check --self-test [--seed S]\n"
	    "                          plan N random requests and re-check "
	    "every rule" },
	{ "plan-bench", admin_plan_bench, 1,
	    "plan-bench [--rounds N]  time a fixed mix of 7-day plans in "
	    "memory" },
	{ "user", admin_user, 1,
	    "user create EMAIL [--tier T] [--admin] < PASSWORD | user list |\n"
	    "       user set-tier EMAIL free|premium|enterprise |\n"
	    "       user set-admin EMAIL on|off | user disable|enable EMAIL |\n"
	    "       user unlock EMAIL\n"
	    "                          manage accounts (each change audited)" },
	{ "audit", admin_audit, 1,
	    "audit [--user EMAIL] [--since TIMESTAMP] [--limit N]\n"
	    "                          print audit log entries, oldest first" },
	{ "deliver-mail", admin_deliver_mail, 1,
	    "deliver-mail [--limit N]  send due messages of the mail outbox" },
	{ "mail-test", admin_mail_test, 1,
	    "mail-test EMAIL [TEMPLATE]\n"
	    "                          queue a sample of an e-mail template" },
	{ "cleanup-videos", admin_cleanup_videos, 1,
	    "cleanup-videos [--dry-run]\n"
	    "                          delete videos past video_retention_days "
	    "and abandoned renders" },
	{ "purge", admin_purge, 1,
	    "purge [--dry-run]       scrub accounts deleted longer than "
	    "privacy_retention_days\n"
	    "                          ago; drop expired sessions, tokens, "
	    "counters, old mail" },
	{ "backup", admin_backup, 1,
	    "backup                  dump the database, copy the videos and "
	    "the configuration\n"
	    "                          into a new directory of backup_dir; "
	    "keep backup_keep" },
	{ "restore", admin_restore, 1,
	    "restore [--check] BACKUP\n"
	    "                          verify a backup and restore it into an "
	    "empty database\n"
	    "                          and video_dir, then migrate" },
	{ "config", cmd_config, 1,
	    "config                  print the effective settings "
	    "(secrets hidden)" },
};

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: cibozer-admin [--config FILE] COMMAND [ARGS]\n"
	    "commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %s\n", commands[i].usage);
}

PGconn *
admin_connect(const struct cz_settings *s, int statement_timeout_ms)
{
	return admin_connect_as(s, s->database_url, statement_timeout_ms);
}

PGconn *
admin_connect_as(const struct cz_settings *s, const char *url,
    int statement_timeout_ms)
{
	char err[1024];
	PGconn *conn;

	/* An unset per-role setting means the one role of database_url. */
	if (url == NULL || *url == '\0')
		url = s->database_url;
	conn = cz_db_connect_once(url, (int)s->db_connect_timeout,
	    statement_timeout_ms, err, sizeof(err));
	if (conn == NULL)
		fprintf(stderr, "cibozer-admin: cannot connect to the "
		    "database: %s\n", err);
	return conn;
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "config",	required_argument,	NULL, 'c' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *config = NULL, *path;
	struct cz_settings s;
	char err[1024];
	size_t i;
	int ch, required;

	/* Stop at the first non-option: the rest belongs to the command. */
	while ((ch = getopt_long(argc, argv, "+c:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			config = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return 2;
	}
	cz_log_init("cibozer-admin", CZ_LOG_INFO);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[0], commands[i].name) != 0)
			continue;
		cz_settings_defaults(&s);
		if (commands[i].needs_config) {
			path = cz_settings_path(config, &required);
			admin_config_path = path;
			if (cz_settings_load(&s, path, required, err,
			    sizeof(err)) == -1) {
				fprintf(stderr, "cibozer-admin: %s\n", err);
				return 1;
			}
			cz_log_init("cibozer-admin",
			    (enum cz_log_level)s.log_level);
		}
		optind = 1;
		return commands[i].run(&s, argc, argv);
	}
	fprintf(stderr, "cibozer-admin: unknown command \"%s\"\n", argv[0]);
	usage(stderr);
	return 2;
}
