-- 029: per-day clips, and the plan revision a video shows. A job asks
-- for the whole week (day NULL, as every job before) or for one day's
-- clip (day 1..7, at most the plan's days: the site checks that bound,
-- which a CHECK cannot see). A job also records the plan's revision when
-- it was asked for, so that identical requests (plan revision, platform,
-- sound, day) share one job, a request after the plan changed makes a new
-- one, and the renderer renders the revision that was asked for (kept in
-- plan_revisions, sql/022, once the plan has moved on). Jobs made before
-- have no revision (NULL): they render the plan as it is now and are
-- shared by identical requests, as before.
ALTER TABLE video_jobs ADD COLUMN day smallint CHECK (day BETWEEN 1 AND 7);
ALTER TABLE video_jobs ADD COLUMN plan_revision integer
    CHECK (plan_revision > 0);

-- The renderer reads the revision a job asked for once the plan moved on.
GRANT SELECT ON plan_revisions TO cibozer_render;
