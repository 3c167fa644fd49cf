/*
 * settings.h - the configuration file and its environment overrides.
 *
 * One file of "key = value" lines (default /etc/cibozer/cibozer.conf) holds
 * every setting; each key can be overridden by an environment variable
 * CIBOZER_<KEY> (upper case), which is how CGI hosting without a writable
 * /etc configures the responder. Settings are described by one table in
 * settings.c, which also documents them (cibozer-admin config).
 */
#ifndef CZ_SETTINGS_H
#define CZ_SETTINGS_H

#include <stddef.h>
#include <stdio.h>

#define CZ_SETTING_STR_MAX	512

enum cz_log_level {
	CZ_LOG_DEBUG,
	CZ_LOG_INFO,
	CZ_LOG_WARN,
	CZ_LOG_ERROR
};

struct cz_settings {
	char		database_url[CZ_SETTING_STR_MAX];
	/* Each empty: database_url is used instead (sql/018's roles). */
	char		owner_database_url[CZ_SETTING_STR_MAX];
	char		render_database_url[CZ_SETTING_STR_MAX];
	char		jobs_database_url[CZ_SETTING_STR_MAX];
	long long	db_connect_timeout;	/* seconds */
	long long	db_statement_timeout;	/* milliseconds */
	long long	workers;
	char		template_dir[CZ_SETTING_STR_MAX];
	char		sql_dir[CZ_SETTING_STR_MAX];
	char		video_dir[CZ_SETTING_STR_MAX];
	char		render_tmp_dir[CZ_SETTING_STR_MAX];
	long long	video_retention_days;
	long long	min_free_disk_mb;
	char		backup_dir[CZ_SETTING_STR_MAX];
	long long	backup_keep;
	char		base_path[CZ_SETTING_STR_MAX];
	long long	max_body_bytes;
	long long	max_params;
	long long	max_param_name;
	long long	max_param_value;
	long long	max_header_bytes;
	long long	max_json_depth;
	long long	max_response_bytes;
	long long	retry_after;		/* seconds, sent with 503 */
	long long	log_level;		/* enum cz_log_level */
	char		site_name[CZ_SETTING_STR_MAX];
	char		security_contact[CZ_SETTING_STR_MAX];
	char		base_url[CZ_SETTING_STR_MAX];
	char		extra_origins[CZ_SETTING_STR_MAX];
	char		terms_version[64];
	char		terms_date[64];
	char		privacy_version[64];
	char		privacy_date[64];
	char		disclaimer_version[64];
	char		disclaimer_date[64];
	/* accounts: password hashing and policy */
	long long	argon2_memory_kib;
	long long	argon2_iterations;
	long long	argon2_parallelism;
	char		password_list[CZ_SETTING_STR_MAX];
	/* accounts: sessions and one-time tokens (seconds) */
	long long	session_idle_timeout;
	long long	session_lifetime;
	long long	reset_token_lifetime;
	long long	verify_token_lifetime;
	long long	mail_limit_account;
	long long	mail_limit_recipient;
	long long	mail_limit_window;
	/* accounts: daily quotas per tier */
	long long	quota_free_plans;
	long long	quota_free_videos;
	long long	quota_premium_plans;
	long long	quota_premium_videos;
	long long	quota_enterprise_plans;
	long long	quota_enterprise_videos;
	/* mail delivery through the outbox */
	char		mail_command[CZ_SETTING_STR_MAX];
	char		mail_from[CZ_SETTING_STR_MAX];
	long long	mail_max_attempts;
	long long	mail_retry_seconds;
	long long	mail_timeout;
	/* privacy */
	long long	privacy_retention_days;
	long long	audit_retention_months;	/* 0: for ever */
	/* proof-of-work challenges of the account forms (lib/pow.h) */
	long long	pow_difficulty;		/* bits; 0: no challenge */
	long long	pow_difficulty_max;
	long long	pow_difficulty_step;
	long long	pow_lifetime;		/* seconds */
};

/* Fills s with the built-in defaults. */
void cz_settings_defaults(struct cz_settings *s);

/* Sets one key from its textual value, with range and length checks.
 * Returns 0, or -1 with a message naming the key in err. */
int cz_settings_set(struct cz_settings *s, const char *key, const char *value,
    char *err, size_t errlen);

/* Reads the file at path (when it exists, or always when required is set),
 * then applies CIBOZER_* environment overrides. Returns 0, or -1 with a
 * message naming the file, line and key in err. */
int cz_settings_load(struct cz_settings *s, const char *path, int required,
    char *err, size_t errlen);

/* Writes every setting with its current value and description in the
 * file's own syntax; secret values are replaced by "(hidden)". */
void cz_settings_dump(const struct cz_settings *s, FILE *fp);

/* Names of log levels: "debug", "info", "warn", "error". */
const char *cz_log_level_name(enum cz_log_level level);

/* The path of the file to read: the explicit one if given, else
 * $CIBOZER_CONFIG, else the compiled-in default. *required tells whether a
 * missing file is an error (it is when named explicitly). */
const char *cz_settings_path(const char *explicit_path, int *required);

/* The directory renders in progress are written in: render_tmp_dir, or
 * when it is empty video_dir with "-tmp" appended (a sibling, so on the
 * same file system, outside what nginx serves). Returns 0, or -1 when it
 * does not fit in n bytes. */
int cz_settings_render_tmp_dir(const struct cz_settings *s, char *out,
    size_t n);

#endif
