/*
 * queue.h - the video job queue in PostgreSQL (sql/007_video_jobs.sql):
 * claim the oldest ready job with FOR UPDATE SKIP LOCKED under a lease,
 * renew the lease while rendering, then mark the job done (with the
 * metadata) or give it back. Several renderers on several hosts may run
 * at once; a job is claimed by one of them at a time. When a job is done,
 * or has failed for good, its plan's owner is mailed through the outbox
 * in the same transaction.
 */
#ifndef CZ_RENDER_QUEUE_H
#define CZ_RENDER_QUEUE_H

#include <signal.h>
#include <stddef.h>

#include <libpq-fe.h>

#include "mustache.h"

struct cz_settings;

struct cz_render_queue_opts {
	const char	*worker;	/* lease owner, e.g. "host:pid" */
	int		 lease_s;	/* lease length, renewed every lease_s/3 */
	int		 max_jobs;	/* stop after this many (0: until empty) */
	int		 seconds;	/* 0, or a shorter video (tests) */
	const char	*video_dir;	/* outputs go to video_dir/<job id> */
	const char	*tmp_dir;	/* renders in progress: outside
					   video_dir, on its file system
					   (cz_render_tmp_dir_ready) */
	const char	*font_dir;
	volatile sig_atomic_t *stop;
	/* Owners' mails (email/video_ready, email/video_failed): both NULL
	 * for none; settings gives site_name and base_url. */
	const mst_set	*mail_templates;
	const struct cz_settings *settings;
};

struct cz_render_queue_stats {
	int		 done;
	int		 failed;	/* given back or failed for good */
};

/* Renders jobs until the queue has none ready, max_jobs were taken or
 * *stop is set. Returns 0 (each job's outcome is in the table and in
 * *st), or -1 with a message in err when the database failed. */
int cz_render_queue_run(PGconn *conn, const struct cz_render_queue_opts *o,
    struct cz_render_queue_stats *st, char *err, size_t errlen);

#endif
