-- 035: a video job carries its plan's owner (issue 14, "Data at scale").
-- An account's video list was read through its plans: every plan of the
-- account by plans_owner, then each plan's jobs. An API client with 55,000
-- plans and three videos took 617 ms per list page on the seeded database
-- (bench/seed), and bench/load's pages fell from 647 to 264 requests/s as
-- the bench account's plans grew. With the owner on the job, the list reads
-- the account's own jobs from video_jobs_owner, newest first, and stops at
-- the page's end.
--
-- The trigger copies the owner from the plan on every insert, whoever
-- inserts (the responders, tools, tests), so it cannot be forgotten or
-- differ; a plan's owner never changes (an account is purged by deleting
-- its plans, and their jobs with them), so the copy stays true.
ALTER TABLE video_jobs ADD COLUMN owner_id bigint REFERENCES users (id);
UPDATE video_jobs j SET owner_id = p.owner_id FROM plans p
 WHERE p.id = j.plan_id AND p.owner_id IS NOT NULL;
CREATE INDEX video_jobs_owner ON video_jobs (owner_id, id DESC)
 WHERE owner_id IS NOT NULL;

CREATE FUNCTION video_jobs_set_owner() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
	NEW.owner_id := (SELECT owner_id FROM plans WHERE id = NEW.plan_id);
	RETURN NEW;
END;
$$;
CREATE TRIGGER video_jobs_owner BEFORE INSERT OR UPDATE OF plan_id, owner_id
 ON video_jobs FOR EACH ROW EXECUTE FUNCTION video_jobs_set_owner();
