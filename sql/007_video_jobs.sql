-- 007: the video job queue. A job asks for one plan rendered with one
-- preset; cibozer-render (started by its systemd timer, on any number of
-- hosts) claims the oldest ready job with FOR UPDATE SKIP LOCKED, holds it
-- under a lease it renews while rendering, and marks it done with the
-- metadata it read back, or gives it back (queued again, or failed after
-- max_attempts). A renderer that dies stops renewing: once lease_until has
-- passed, the job is claimable again. The output lives in
-- video_dir/<id>/, renamed into place complete, so a retried job never
-- sees a partial one.
CREATE TABLE video_jobs (
	id		bigserial PRIMARY KEY,
	plan_id		bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
	preset		text NOT NULL CHECK (preset IN ('youtube_shorts',
			    'youtube_long', 'tiktok', 'instagram')),
	state		text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued',
			    'running', 'done', 'failed')),
	attempts	integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	max_attempts	integer NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
	lease_owner	text,
	lease_until	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	started_at	timestamptz,
	finished_at	timestamptz,
	result		json,
	error		text,
	CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);

-- Claiming scans the ready jobs oldest first.
CREATE INDEX video_jobs_ready ON video_jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX video_jobs_plan ON video_jobs (plan_id);
