-- 008: finished videos expire. `cibozer-admin cleanup-videos` (run daily by
-- cibozer-cleanup.timer) deletes the files of jobs finished longer ago than
-- video_retention_days and marks them expired; the row stays, so a user's
-- list still shows the video was made and when it went away. Only done and
-- failed jobs expire: a queued or running job is never touched.
ALTER TABLE video_jobs DROP CONSTRAINT video_jobs_state_check;
ALTER TABLE video_jobs ADD CONSTRAINT video_jobs_state_check
	CHECK (state IN ('queued', 'running', 'done', 'failed', 'expired'));
ALTER TABLE video_jobs ADD COLUMN expired_at timestamptz;

-- The cleanup scans finished jobs by age.
CREATE INDEX video_jobs_finished ON video_jobs (finished_at)
	WHERE state IN ('done', 'failed');
