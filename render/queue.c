/*
 * queue.c - the job loop over video_jobs (see queue.h). Each statement is
 * one autocommitted query, so no transaction stays open while rendering:
 *   claim   - the oldest job that is queued, or running with an expired
 *             lease, and has attempts left, locked with SKIP LOCKED so
 *             concurrent renderers take different jobs; attempts + 1;
 *   renew   - lease_until moved on, only while we still own the job (a
 *             zero-row update means the lease was lost: stop rendering);
 *             a new stage is appended to stage_log (sql/025) as the
 *             render enters it, before its work;
 *   done    - state done with the result JSON, only if still ours;
 *   give up - queued again with the error, or failed when the attempts
 *             are used up (a plan that cannot be read fails at once).
 * Jobs whose lease expired with no attempts left are marked failed.
 * A job whose output directory is already complete (a renderer died
 * after the rename, before marking it done) is marked done from the
 * files, not rendered again.
 *
 * The statements that finish a job (done, give up, expire) return the
 * jobs they finished with their plan owner's address, and run in one
 * transaction with the mail that tells the owner (email/video_ready, or
 * email/video_failed once a job has failed for good): the state change
 * and its mail are committed together or not at all. A plan without an
 * owner, or an owner whose account is disabled or deleted, gets no mail;
 * a mail that cannot be rendered or queued is logged and skipped (its
 * savepoint rolled back), never a reason to keep the job unfinished.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <json-c/json.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "mail.h"
#include "plan.h"
#include "plan_stored.h"
#include "preset.h"
#include "queue.h"
#include "render.h"
#include "settings.h"

#define PROGRESS_SECONDS	2	/* the status page polls every 2 s */

/* One entry of stage_log: the stage $n and when it was entered. */
#define STAGE_ENTRY(n)	"jsonb_build_object('stage', " n "::text, 'at', " \
	"to_char(clock_timestamp() AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))"

/*
 * Wrapped around each finishing UPDATE (which returns id, plan_id, preset,
 * state as x): the finished jobs with the owner's id and address when the
 * plan has an owner whose account is neither disabled nor deleted.
 * Columns: 0 id, 1 preset, 2 state, 3 user id, 4 e-mail.
 */
#define FINISHED_HEAD	"WITH x AS ("
#define FINISHED_TAIL	" RETURNING id, plan_id, preset, state) " \
	"SELECT x.id, x.preset, x.state, u.id, u.email FROM x " \
	"LEFT JOIN plans p ON p.id = x.plan_id " \
	"LEFT JOIN users u ON u.id = p.owner_id " \
	"AND u.disabled_at IS NULL AND u.deleted_at IS NULL"

static const char SQL_EXPIRE[] = FINISHED_HEAD
    "UPDATE video_jobs SET state = 'failed', finished_at = now(), "
    "lease_owner = NULL, lease_until = NULL, "
    "error = coalesce(error, 'lease expired after the last attempt') "
    "WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts"
    FINISHED_TAIL;

/*
 * The job is picked and locked in a MATERIALIZED CTE, evaluated once.
 * As a subquery in the UPDATE's FROM it could sit on the inner side of a
 * nested loop (the planner's choice when video_jobs was last analysed at
 * one row) and run again for every row: one claim then took several jobs,
 * the renderer rendered the first and the others stayed running until
 * their lease ran out (test_render_queue.sh "one claim takes one job").
 */
static const char SQL_CLAIM[] =
    "WITH c AS MATERIALIZED (SELECT id FROM video_jobs "
    "      WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) "
    "        AND attempts < max_attempts "
    "        AND (not_before IS NULL OR not_before <= now()) "
    /* Never for an account disabled or deleted (its deletion cancels its
     * queued jobs too; this covers a job queued meanwhile, and a disabled
     * account's jobs wait until it is enabled again). */
    "        AND NOT EXISTS (SELECT 1 FROM plans p JOIN users u "
    "          ON u.id = p.owner_id WHERE p.id = video_jobs.plan_id "
    "          AND (u.disabled_at IS NOT NULL OR u.deleted_at IS NOT NULL)) "
    "      ORDER BY id LIMIT 1 FOR UPDATE OF video_jobs SKIP LOCKED) "
    "UPDATE video_jobs j SET state = 'running', attempts = j.attempts + 1, "
    "lease_owner = $1, lease_until = now() + make_interval(secs => $2::int), "
    "started_at = now(), stage = 'composing', progress = 0, not_before = NULL, "
    "stage_log = jsonb_build_array(" STAGE_ENTRY("'composing'") ") "
    "FROM c WHERE j.id = c.id "
    /* The plan as it was asked for (sql/029): the revision the job
     * recorded, kept in plan_revisions once the plan has moved on; the
     * plan as it is for a job without one, or a revision trimmed away. */
    "RETURNING j.id, j.preset, j.attempts, j.max_attempts, "
    "(SELECT CASE WHEN j.plan_revision IS NULL OR "
    "p.revision = j.plan_revision THEN p.document::text ELSE "
    "coalesce((SELECT r.document FROM plan_revisions r WHERE "
    "r.plan_id = p.id AND r.revision = j.plan_revision), "
    "p.document::text) END FROM plans p WHERE p.id = j.plan_id), "
    "j.sound, coalesce(j.day, 0)";

static const char SQL_RENEW[] =
    "UPDATE video_jobs SET lease_until = now() + make_interval(secs => $3::int), "
    "stage = $4, progress = $5::smallint, "
    "stage_log = CASE WHEN stage IS DISTINCT FROM $4 THEN stage_log || "
    STAGE_ENTRY("$4") " ELSE stage_log END "
    "WHERE id = $1 AND lease_owner = $2 AND state = 'running'";

static const char SQL_DONE[] = FINISHED_HEAD
    "UPDATE video_jobs SET state = 'done', finished_at = now(), result = $3::json, "
    "error = NULL, lease_owner = NULL, lease_until = NULL, progress = 100, "
    "stage_log = stage_log || " STAGE_ENTRY("'done'") " "
    "WHERE id = $1 AND lease_owner = $2 AND state = 'running'"
    FINISHED_TAIL;

static const char SQL_GIVE_UP[] = FINISHED_HEAD
    "UPDATE video_jobs SET state = CASE WHEN $4::bool OR attempts >= max_attempts "
    "THEN 'failed' ELSE 'queued' END, "
    "finished_at = CASE WHEN $4::bool OR attempts >= max_attempts THEN now() END, "
    "error = $3, lease_owner = NULL, lease_until = NULL, "
    /* The next attempt waits 30 s, 60 s, 120 s, ... (one hour at most). */
    "not_before = now() + make_interval(secs => least(3600, "
    "30 * power(2, greatest(attempts - 1, 0))::int)) "
    "WHERE id = $1 AND lease_owner = $2 AND state = 'running'"
    FINISHED_TAIL;

struct lease {
	PGconn		*conn;
	const char	*id;
	const struct cz_render_queue_opts *o;
	time_t		 renewed;
	enum cz_render_stage stage;
};

/* Runs sql with text parameters; returns the result when its status is
 * want, else NULL with the server's message in err. */
static PGresult *
run(PGconn *conn, const char *sql, int n, const char *const *params,
    ExecStatusType want, char *err, size_t errlen)
{
	PGresult *r = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);

	if (r == NULL || PQresultStatus(r) != want) {
		snprintf(err, errlen, "database: %s", r != NULL ?
		    PQresultErrorMessage(r) : PQerrorMessage(conn));
		err[strcspn(err, "\n")] = '\0';
		PQclear(r);
		return NULL;
	}
	return r;
}

/* The render's progress callback: records the stage and percentage and
 * renews the lease, at most every PROGRESS_SECONDS (and at each new
 * stage); nonzero when the job is no longer ours. */
static int
renew(void *arg, enum cz_render_stage stage, int percent)
{
	struct lease *l = arg;
	char secs[16], pct[16], err[256];
	const char *p[5];
	PGresult *r;
	int lost, every;

	/* Often enough for the status page, and for short leases. */
	every = l->o->lease_s / 3 < PROGRESS_SECONDS ? l->o->lease_s / 3 :
	    PROGRESS_SECONDS;

	if (time(NULL) - l->renewed < every && stage == l->stage)
		return 0;
	snprintf(secs, sizeof(secs), "%d", l->o->lease_s);
	snprintf(pct, sizeof(pct), "%d", percent < 0 ? 0 : percent > 99 ? 99 :
	    percent);
	p[0] = l->id;
	p[1] = l->o->worker;
	p[2] = secs;
	p[3] = cz_render_stage_name(stage);
	p[4] = pct;
	if ((r = run(l->conn, SQL_RENEW, 5, p, PGRES_COMMAND_OK, err,
	    sizeof(err))) == NULL) {
		/* A database hiccup is not a lost lease; try again later. */
		fprintf(stderr, "cibozer-render: job %s: lease renewal: %s\n",
		    l->id, err);
		return 0;
	}
	l->stage = stage;
	lost = strcmp(PQcmdTuples(r), "1") != 0;
	PQclear(r);
	l->renewed = time(NULL);
	return lost;
}

/* Runs a statement without parameters (transaction control); 0 or -1. */
static int
simple(PGconn *conn, const char *sql, char *err, size_t errlen)
{
	PGresult *r = run(conn, sql, 0, NULL, PGRES_COMMAND_OK, err, errlen);

	if (r == NULL)
		return -1;
	PQclear(r);
	return 0;
}

/* Queues the mail for row i of a finished-jobs result (see
 * FINISHED_TAIL), inside the caller's transaction, under a savepoint: a
 * mail that fails is logged and rolled back alone. Returns -1 only when
 * the savepoint itself fails (the transaction is then unusable). */
static int
notify(PGconn *conn, const struct cz_render_queue_opts *o, PGresult *r,
    int i, char *err, size_t errlen)
{
	const char *id = PQgetvalue(r, i, 0), *state = PQgetvalue(r, i, 2);
	const struct cz_render_preset *preset;
	const char *tmpl, *base;
	struct json_object *data = NULL;
	char link[2 * CZ_SETTING_STR_MAX + 64], msg[512];
	cz_buf subj, body;
	long long mid = -1;
	size_t blen;
	int rc = 0;

	if (o->mail_templates == NULL || o->settings == NULL ||
	    PQgetisnull(r, i, 4))
		return 0;
	if (strcmp(state, "done") == 0)
		tmpl = "email/video_ready";
	else if (strcmp(state, "failed") == 0)
		tmpl = "email/video_failed";
	else
		return 0;	/* queued again: not final yet */
	base = o->settings->base_url;
	blen = strlen(base);
	while (blen > 0 && base[blen - 1] == '/')
		blen--;
	snprintf(link, sizeof(link), "%.*s%s/videos/%s", (int)blen, base,
	    o->settings->base_path, id);
	preset = cz_render_preset_find(PQgetvalue(r, i, 1));
	cz_buf_init(&subj, 0);
	cz_buf_init(&body, 0);
	if ((data = cz_mail_data(o->settings, link)) == NULL) {
		snprintf(msg, sizeof(msg), "out of memory");
		goto skip;
	}
	json_object_object_add(data, "platform", json_object_new_string(
	    preset != NULL ? preset->human : PQgetvalue(r, i, 1)));
	if (cz_mail_render(o->mail_templates, tmpl, data, &subj, &body, msg,
	    sizeof(msg)) != 0)
		goto skip;
	if (simple(conn, "SAVEPOINT job_mail", err, errlen) != 0) {
		rc = -1;
		goto out;
	}
	mid = cz_mail_enqueue(conn, PQgetvalue(r, i, 4), subj.data, body.data,
	    PQgetvalue(r, i, 3), msg, sizeof(msg));
	if (simple(conn, mid < 0 ? "ROLLBACK TO SAVEPOINT job_mail" :
	    "RELEASE SAVEPOINT job_mail", err, errlen) != 0) {
		rc = -1;
		goto out;
	}
	if (mid < 0)
		goto skip;
	/* By message id only: addresses stay out of the log. */
	fprintf(stderr, "cibozer-render: job %s: %s mail queued for its "
	    "owner (message %lld)\n", id, state, mid);
	goto out;
skip:
	msg[strcspn(msg, "\n")] = '\0';
	fprintf(stderr, "cibozer-render: job %s: no mail to its owner: %s\n",
	    id, msg);
out:
	json_object_put(data);
	cz_buf_free(&subj);
	cz_buf_free(&body);
	return rc;
}

/* Runs sql, a finishing statement (FINISHED_HEAD ... FINISHED_TAIL), and
 * queues the owners' mails, in one transaction. Returns 0, or -1 with a
 * message in err when the database failed (everything rolled back). */
static int
finish(PGconn *conn, const struct cz_render_queue_opts *o, const char *sql,
    int n, const char *const *p, char *err, size_t errlen)
{
	PGresult *r;
	int i;

	if (simple(conn, "BEGIN", err, errlen) != 0)
		return -1;
	if ((r = run(conn, sql, n, p, PGRES_TUPLES_OK, err, errlen)) == NULL)
		goto err;
	for (i = 0; i < PQntuples(r); i++)
		if (notify(conn, o, r, i, err, errlen) != 0) {
			PQclear(r);
			goto err;
		}
	PQclear(r);
	return simple(conn, "COMMIT", err, errlen);
err:
	PQclear(PQexec(conn, "ROLLBACK"));
	return -1;
}

/*
 * A plan stored in its stored form (lib/plan_stored.h) is expanded into
 * its document with the catalog, read once per run (queue_catalog) and
 * kept until the run ends; the document is written into queue_doc.
 */
static struct cz_catalog *queue_catalog;
static cz_buf queue_doc;

/* The document of the stored plan text (len bytes) into queue_doc.
 * Returns 0, or -1 with msg: *permanent when the plan cannot be read
 * (retrying will not help), not when the catalog could not be loaded. */
static int
expand_plan(PGconn *conn, const char *text, size_t len, char *msg,
    size_t msglen, int *permanent)
{
	cz_arena *a;
	int rc;

	if (queue_catalog == NULL &&
	    cz_catalog_load(conn, &queue_catalog, msg, msglen) != 0)
		return -1;
	if ((a = cz_arena_new(64 * 1024)) == NULL) {
		snprintf(msg, msglen, "out of memory");
		return -1;
	}
	cz_buf_reset(&queue_doc);
	rc = cz_plan_stored_expand(queue_catalog, a, text, len, &queue_doc,
	    msg, msglen);
	cz_arena_free(a);
	*permanent = rc != 0;
	return rc;
}

/* Renders one claimed job; 1 done, 0 given back, -1 database error. */
static int
one_job(PGconn *conn, const struct cz_render_queue_opts *o, PGresult *job,
    char *err, size_t errlen)
{
	static struct cz_render_plan plan;
	const char *id = PQgetvalue(job, 0, 0), *preset_name = PQgetvalue(job, 0, 1);
	const struct cz_render_preset *preset = cz_render_preset_find(preset_name);
	struct cz_render_job rj;
	struct cz_render_result res;
	struct lease l = { conn, id, o, 0, CZ_RENDER_COMPOSING };
	char out[4200], msg[1024], path[4300];
	const char *p[4], *text;
	json_object *js;
	struct stat sb;
	int permanent = 0, rc, day;

	l.renewed = time(NULL);
	snprintf(out, sizeof(out), "%s/%s", o->video_dir, id);
	if (preset == NULL) {
		snprintf(msg, sizeof(msg), "unknown preset \"%s\"", preset_name);
		permanent = 1;
		goto give_up;
	}
	/* A day clip's day (sql/029: 1-7), 0 for the whole week. */
	day = atoi(PQgetvalue(job, 0, 6));
	text = PQgetvalue(job, 0, 4);
	if (!PQgetisnull(job, 0, 4) && cz_plan_stored_is(text,
	    (size_t)PQgetlength(job, 0, 4))) {
		if (expand_plan(conn, text, (size_t)PQgetlength(job, 0, 4),
		    msg, sizeof(msg), &permanent) != 0)
			goto give_up;
		text = queue_doc.data;
	}
	if (PQgetisnull(job, 0, 4) ||
	    cz_render_plan_parse_day(text, day, &plan, msg,
	    sizeof(msg)) != 0) {
		if (PQgetisnull(job, 0, 4))
			snprintf(msg, sizeof(msg), "the plan is gone");
		permanent = 1;
		goto give_up;
	}
	snprintf(path, sizeof(path), "%s/hls/master.m3u8", out);
	memset(&res, 0, sizeof(res));
	if (stat(path, &sb) == 0) {
		/* Complete already: renamed into place by an attempt that
		 * died before saying so. Read it back instead. */
		snprintf(path, sizeof(path), "%s/video.mp4", out);
		if (cz_render_probe(path, &res.mp4, msg, sizeof(msg)) != 0)
			goto give_up;
		res.audio_pattern = -1;	/* not known any more */
		snprintf(path, sizeof(path), "%s/poster.jpg", out);
		if (cz_render_probe(path, &res.poster, msg, sizeof(msg)) != 0)
			goto give_up;
	} else {
		memset(&rj, 0, sizeof(rj));
		rj.plan = &plan;
		rj.preset = preset;
		/* A day clip has its own length (plan.h), unless the
		 * renderer was told a shorter one (tests). */
		rj.seconds = o->seconds > 0 ? o->seconds : day > 0 ?
		    cz_render_day_seconds(preset) : 0;
		rj.out_dir = out;
		rj.tmp_dir = o->tmp_dir;
		rj.font_dir = o->font_dir;
		rj.stop = o->stop;
		rj.silent = strcmp(PQgetvalue(job, 0, 5), "silent") == 0;
		rj.progress = renew;
		rj.progress_arg = &l;
		if (cz_render_run(&rj, &res, msg, sizeof(msg)) != 0)
			goto give_up;
	}
	js = cz_render_result_json(preset->name, out, &res);
	p[0] = id;
	p[1] = o->worker;
	p[2] = json_object_to_json_string_ext(js, JSON_C_TO_STRING_PLAIN);
	rc = finish(conn, o, SQL_DONE, 3, p, err, errlen);
	json_object_put(js);
	if (rc != 0)
		return -1;
	fprintf(stderr, "cibozer-render: job %s (%s): done in %s\n", id,
	    preset->name, out);
	return 1;
give_up:
	fprintf(stderr, "cibozer-render: job %s (%s): %s\n", id, preset_name, msg);
	p[0] = id;
	p[1] = o->worker;
	p[2] = msg;
	p[3] = permanent ? "true" : "false";
	return finish(conn, o, SQL_GIVE_UP, 4, p, err, errlen) == 0 ? 0 : -1;
}

static int
run_jobs(PGconn *conn, const struct cz_render_queue_opts *o,
    struct cz_render_queue_stats *st, char *err, size_t errlen)
{
	char secs[16];
	const char *p[2];
	PGresult *r;
	int rc;

	memset(st, 0, sizeof(*st));
	snprintf(secs, sizeof(secs), "%d", o->lease_s);
	p[0] = o->worker;
	p[1] = secs;
	while (o->max_jobs == 0 || st->done + st->failed < o->max_jobs) {
		if (o->stop != NULL && *o->stop)
			break;
		if (finish(conn, o, SQL_EXPIRE, 0, NULL, err, errlen) != 0)
			return -1;
		if ((r = run(conn, SQL_CLAIM, 2, p, PGRES_TUPLES_OK, err,
		    errlen)) == NULL)
			return -1;
		if (PQntuples(r) == 0) {
			PQclear(r);
			break;
		}
		rc = one_job(conn, o, r, err, errlen);
		PQclear(r);
		if (rc < 0)
			return -1;
		if (rc == 1)
			st->done++;
		else
			st->failed++;
	}
	return 0;
}

int
cz_render_queue_run(PGconn *conn, const struct cz_render_queue_opts *o,
    struct cz_render_queue_stats *st, char *err, size_t errlen)
{
	int rc;

	/* A document is 70 kB for a week; 4 MB is the API's own bound. */
	cz_buf_init(&queue_doc, 4 * 1024 * 1024);
	rc = run_jobs(conn, o, st, err, errlen);
	cz_buf_free(&queue_doc);
	cz_catalog_free(queue_catalog);
	queue_catalog = NULL;
	return rc;
}
