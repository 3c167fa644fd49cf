-- 038: what 037 did for plans, for the two other tables every plan writes
-- (the audit log's entry and the account's quota counter): their column
-- rules as domains.
--
-- Why: PostgreSQL reads a table's CHECK constraints from their stored
-- text (stringToNode) and plans them again at every INSERT and UPDATE,
-- where a domain's are read once per connection. Under bench/plans after
-- 037, ExecConstraints (audit_log's four, rate_limits' three) was still a
-- tenth of PostgreSQL's CPU per plan (perf), and the quota counter's
-- UPDATE ran the scope's regular expression though it never changes the
-- scope: a domain's rule runs only where a value is written to the column.
-- Measured on copies of the two tables (pgbench -M prepared, 30,000
-- statements each, synchronous_commit off to leave the flush out, three
-- pairs): the quota counter's upsert 0.053-0.055 ms with the table CHECKs,
-- 0.035-0.040 ms with the domains; the audit entry's INSERT 0.039-0.045
-- ms, 0.034-0.039 ms.
--
-- (037's ALTER COLUMN TYPE also reset plans.document's compression from
-- 011/014's lz4 to the server's default, pglz. Left so: lz4 was chosen for
-- the 40-70 kB documents stored then; for the 2-3 kB stored form (036)
-- pglz writes fewer bytes (59 a row over 20,000 stored forms; 176 bytes
-- of WAL a plan under bench/plans) for up to 10 us more CPU a row (20,000
-- stored in 0.75-0.79 s with pglz, 0.55-0.77 s with lz4).)
--
-- As in 037, no row is rewritten or scanned: the table constraints go
-- first, the columns take rule-less domains (a binary-compatible change;
-- on the partitioned audit_log PostgreSQL changes every partition), then
-- the domains get their rules NOT VALID, enforced for every value written
-- from now on; the constraints dropped in this transaction held the rows
-- already there. A monthly partition made later (audit_log_maintain) takes
-- the parent's column types, so the domains too.

CREATE DOMAIN audit_event AS text;
CREATE DOMAIN audit_user_agent AS text;
CREATE DOMAIN audit_request_id AS text;
CREATE DOMAIN audit_detail AS jsonb;
CREATE DOMAIN rate_limit_scope AS text;
CREATE DOMAIN rate_limit_key AS text;
CREATE DOMAIN rate_limit_hits AS integer;

ALTER TABLE audit_log
	DROP CONSTRAINT audit_log_event_check,
	DROP CONSTRAINT audit_log_user_agent_check,
	DROP CONSTRAINT audit_log_request_id_check,
	DROP CONSTRAINT audit_log_detail_check;
-- The partitions' copies went with the parent's, except where a partition
-- had the constraint of its own before it was attached (the table 027
-- attached as audit_log_legacy): those stay behind as local ones.
DO $$
DECLARE
	v_con record;
BEGIN
	FOR v_con IN SELECT c.conrelid::regclass AS rel, c.conname
	    FROM pg_constraint c
	    JOIN pg_inherits i ON i.inhrelid = c.conrelid
	   WHERE i.inhparent = 'public.audit_log'::regclass
	     AND c.contype = 'c'
	     AND c.conname IN ('audit_log_event_check',
	         'audit_log_user_agent_check', 'audit_log_request_id_check',
	         'audit_log_detail_check')
	LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', v_con.rel,
		    v_con.conname);
	END LOOP;
END;
$$;

ALTER TABLE audit_log
	ALTER COLUMN event TYPE audit_event,
	ALTER COLUMN user_agent TYPE audit_user_agent,
	ALTER COLUMN request_id TYPE audit_request_id,
	ALTER COLUMN detail TYPE audit_detail;

ALTER TABLE rate_limits
	DROP CONSTRAINT rate_limits_scope_check,
	DROP CONSTRAINT rate_limits_key_check,
	DROP CONSTRAINT rate_limits_hits_check;
ALTER TABLE rate_limits
	ALTER COLUMN scope TYPE rate_limit_scope,
	ALTER COLUMN key TYPE rate_limit_key,
	ALTER COLUMN hits TYPE rate_limit_hits;

ALTER DOMAIN audit_event ADD CONSTRAINT audit_event_check
	CHECK (VALUE ~ '^[a-z][a-z_.]{0,63}$') NOT VALID;
ALTER DOMAIN audit_user_agent ADD CONSTRAINT audit_user_agent_check
	CHECK (length(VALUE) <= 512) NOT VALID;
ALTER DOMAIN audit_request_id ADD CONSTRAINT audit_request_id_check
	CHECK (length(VALUE) <= 64) NOT VALID;
ALTER DOMAIN audit_detail ADD CONSTRAINT audit_detail_check
	CHECK (length(VALUE::text) <= 4096) NOT VALID;
ALTER DOMAIN rate_limit_scope ADD CONSTRAINT rate_limit_scope_check
	CHECK (VALUE ~ '^[a-z][a-z_.]{0,63}$') NOT VALID;
ALTER DOMAIN rate_limit_key ADD CONSTRAINT rate_limit_key_check
	CHECK (length(VALUE) BETWEEN 1 AND 128) NOT VALID;
ALTER DOMAIN rate_limit_hits ADD CONSTRAINT rate_limit_hits_check
	CHECK (VALUE > 0) NOT VALID;
