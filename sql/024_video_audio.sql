-- 024: the sound of a video. A job asks for the synthesised music bed
-- (the default from now on) or for a silent video (no audio stream at
-- all); a plan's music and silent videos of one platform are two jobs.
-- The jobs made before had no sound track: they are recorded as silent,
-- which is what their files are.
ALTER TABLE video_jobs ADD COLUMN sound text NOT NULL DEFAULT 'silent'
    CHECK (sound IN ('music', 'silent'));
ALTER TABLE video_jobs ALTER COLUMN sound SET DEFAULT 'music';
