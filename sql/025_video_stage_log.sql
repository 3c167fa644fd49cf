-- 025: every stage a render goes through, as it is entered. The stage
-- column says only where a job is now, and packaging takes well under a
-- second, so a status poll rarely sees it; stage_log keeps the current
-- attempt's transitions in order, [{"stage": "composing", "at": ISO 8601},
-- ..., {"stage": "done", ...}], each written before that stage's work.
ALTER TABLE video_jobs ADD COLUMN stage_log jsonb NOT NULL DEFAULT '[]';
