/*
 * app.c - what a responder process holds between requests: settings,
 * templates, the database handle, the page context every page shares, the
 * worker's arena and buffers. The request pipeline is in pipeline.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "log.h"
#include "migrate.h"

static struct json_object *
site_object(const struct cz_settings *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "name", json_object_new_string(s->site_name));
	json_object_object_add(o, "base_url",
	    json_object_new_string(s->base_url));
	/* Static files are cached for a year: their URLs change with each
	 * release instead. */
	json_object_object_add(o, "asset_version",
	    json_object_new_string(PACKAGE_VERSION));
	return o;
}

static struct json_object *
legal_object(const struct cz_settings *s)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "terms_version",
	    json_object_new_string(s->terms_version));
	json_object_object_add(o, "terms_date",
	    json_object_new_string(s->terms_date));
	json_object_object_add(o, "privacy_version",
	    json_object_new_string(s->privacy_version));
	json_object_object_add(o, "privacy_date",
	    json_object_new_string(s->privacy_date));
	json_object_object_add(o, "disclaimer_version",
	    json_object_new_string(s->disclaimer_version));
	json_object_object_add(o, "disclaimer_date",
	    json_object_new_string(s->disclaimer_date));
	/* The privacy policy states the retention periods in force. */
	json_object_object_add(o, "privacy_retention_days",
	    json_object_new_int64(s->privacy_retention_days));
	json_object_object_add(o, "video_retention_days",
	    json_object_new_int64(s->video_retention_days));
	return o;
}

int
cz_app_init(struct cz_app *app, const struct cz_settings *s, char *err,
    size_t errlen)
{
	char msg[512];
	int n;

	memset(app, 0, sizeof(*app));
	app->settings = *s;
	app->started = time(NULL);
	if ((app->templates = mst_set_new()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if ((n = mst_set_load_dir(app->templates, s->template_dir, msg,
	    sizeof(msg))) == -1) {
		snprintf(err, errlen, "templates: %s", msg);
		return -1;
	}
	if (!mst_set_has(app->templates, "pages/error")) {
		snprintf(err, errlen, "templates: %s has no pages/error",
		    s->template_dir);
		return -1;
	}
	if ((app->schema_expected = cz_migrate_latest(s->sql_dir, msg,
	    sizeof(msg))) == -1) {
		snprintf(err, errlen, "migrations: %s", msg);
		return -1;
	}
	app->db = cz_db_new(s->database_url, (int)s->db_connect_timeout,
	    (int)s->db_statement_timeout);
	if (app->db == NULL) {
		snprintf(err, errlen, "database handle: out of memory");
		return -1;
	}
	/* Registration and password changes refuse these; without the
	 * file the other rules still apply, and the log says so. */
	if (cz_pwlist_load(s->password_list, &app->pwlist, msg,
	    sizeof(msg)) == -1) {
		cz_log(CZ_LOG_WARN, "common passwords not loaded: %s", msg);
		app->pwlist = NULL;
	}
	app->argon2.m_kib = (uint32_t)s->argon2_memory_kib;
	app->argon2.t = (uint32_t)s->argon2_iterations;
	app->argon2.p = (uint32_t)s->argon2_parallelism;
	app->site_ctx = site_object(s);
	app->legal_ctx = legal_object(s);
	cz_log(CZ_LOG_INFO, "loaded %d templates from %s; schema version %d "
	    "expected", n, s->template_dir, app->schema_expected);
	return 0;
}

static int
space_init(struct cz_app *app, struct cz_req_space *sp)
{
	if ((sp->arena = cz_arena_new(CZ_ARENA_CHUNK)) == NULL)
		return -1;
	/* A request may hold its body, its parse and its rendering at
	 * once; the cap turns a runaway into a 500, not an OOM kill. */
	cz_arena_set_limit(sp->arena,
	    (size_t)app->settings.max_body_bytes * 4 + 16 * 1024 * 1024);
	cz_buf_init(&sp->body, (size_t)app->settings.max_response_bytes);
	cz_buf_init(&sp->headers, 16 * 1024);
	cz_buf_init(&sp->doc, (size_t)app->settings.max_response_bytes);
	return 0;
}

static void
space_free(struct cz_req_space *sp)
{
	cz_arena_free(sp->arena);
	cz_buf_free(&sp->body);
	cz_buf_free(&sp->headers);
	cz_buf_free(&sp->doc);
}

int
cz_app_worker_init(struct cz_app *app)
{
	int i;

	for (i = 0; i < CZ_PARK_MAX + 1; i++)
		if (space_init(app, &app->spaces[i]) == -1)
			return -1;
	return 0;
}

void
cz_app_free(struct cz_app *app)
{
	int i;

	for (i = 0; i < CZ_PARK_MAX + 1; i++)
		space_free(&app->spaces[i]);
	free(app->parked);	/* pipeline.c's, made on the first park */
	mst_set_free(app->templates);
	cz_db_free(app->db);
	cz_catalog_free(app->catalog);
	cz_pwlist_free(app->pwlist);
	cz_key_cache_free(app->keys);
	json_object_put(app->site_ctx);
	json_object_put(app->legal_ctx);
	memset(app, 0, sizeof(*app));
}
