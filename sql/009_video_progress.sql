-- 009: what a renderer is doing, for the status page and API: the stage
-- (composing the cards, encoding the frames, packaging the MP4, HLS ladder
-- and poster) and a percentage, written with each lease renewal; and a
-- retry backoff, so a job that failed waits before its next attempt
-- (30 s, then 60 s, ...) instead of failing three times in a row at once.
ALTER TABLE video_jobs
	ADD COLUMN stage text CHECK (stage IN ('composing', 'encoding',
	    'packaging')),
	ADD COLUMN progress smallint NOT NULL DEFAULT 0
	    CHECK (progress BETWEEN 0 AND 100),
	ADD COLUMN not_before timestamptz;
