-- 010: where each viewer stopped watching a video, so the player page
-- resumes there, and whether they saw it through (95% of its duration).
-- Saved by the player every few seconds (POST /api/videos/{id}/progress).
CREATE TABLE video_playback (
	job_id		bigint NOT NULL REFERENCES video_jobs (id) ON DELETE CASCADE,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	position	real NOT NULL CHECK (position >= 0 AND position <= 86400),
	duration	real CHECK (duration > 0 AND duration <= 86400),
	watched		boolean NOT NULL DEFAULT false,
	watched_at	timestamptz,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (job_id, user_id)
);
