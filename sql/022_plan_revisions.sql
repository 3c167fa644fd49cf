-- 022: the history of a plan. Every change of a stored plan (a meal
-- swapped or regenerated, a day or the whole plan regenerated, a meal
-- locked or unlocked, an undo) keeps the document it replaces here under
-- that document's revision number, in the same statement that writes the
-- new one (fcgi/plans.c). Undo and revert copy an old document back as a
-- new revision, so history is only ever appended to, never rewritten.
--
-- change says what replaced the document: the change that made revision
-- (revision + 1). The document is the text stored in plans.document, byte
-- for byte (014), under the same size bound.
--
-- Bounded: a plan keeps its CZ_PLAN_REVISIONS_KEPT (50, fcgi/plans.h)
-- newest revisions; the statement that adds one deletes those older. At
-- ~40 KB a week's document (lz4 brings it to ~8 KB), that is at most about
-- 2 MB a plan on disk before compression.
--
-- The rows belong to their plan: deleting the plan (the purge of a
-- deleted account, tools/admin_purge.c) deletes them with it.
CREATE TABLE plan_revisions (
	plan_id		bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
	revision	integer NOT NULL CHECK (revision > 0),
	change		text NOT NULL CHECK (change IN ('swap',
			    'regenerate_meal', 'regenerate_day',
			    'regenerate_plan', 'lock', 'unlock', 'revert')),
	replaced_at	timestamptz NOT NULL DEFAULT now(),
	document	text COMPRESSION lz4 NOT NULL
			    CHECK (octet_length(document) <= 2097152),
	PRIMARY KEY (plan_id, revision)
);

-- The site reads, adds and trims a plan's history; the purge removes it
-- with the plan (the cascade runs as the table's owner, but the right is
-- granted so that the purge may also delete rows on its own).
GRANT SELECT, INSERT, DELETE ON plan_revisions TO cibozer_web;
GRANT SELECT, DELETE ON plan_revisions TO cibozer_jobs;
