-- 027: the audit log partitioned by month (issue 14, "Data at scale").
--
-- Why: the log only grows (one entry per plan stored, per login, ...), and
-- the rows of a month that leaves the retention (audit_retention_months)
-- must go without a DELETE: 001/012 refuse DELETE on audit_log for every
-- role, and a DELETE of millions of rows would bloat the table anyway.
-- A month is one partition; an expired month is detached and dropped as a
-- whole (audit_log_maintain() below, run daily by `cibozer-admin purge`).
--
-- What stays the same for every program: the name audit_log, its columns,
-- SELECT/INSERT through it, the ids (same sequence), the append-only
-- triggers and the scrub (012, 018). The primary key becomes (id, at)
-- since a partitioned table's unique keys must hold the partition key;
-- ids still come from one sequence, so id alone stays unique in practice.
--
-- The rows written before this migration are not copied: the old table is
-- attached as it stands as the first partition, holding everything up to
-- the end of the current month (UTC); monthly partitions start after it.
-- A default partition catches a row whose month has no partition yet (the
-- maintenance creates months ahead, so only a maintenance stopped for
-- months lets that happen): an insert never fails for want of one.
--
-- The append-only rules on each partition too: statement triggers on a
-- partitioned table fire only for statements naming the parent, so every
-- partition gets 001/012's DELETE, TRUNCATE and UPDATE statement triggers
-- (the row trigger of 012 is cloned to partitions by PostgreSQL itself).

ALTER TABLE audit_log RENAME TO audit_log_legacy;
ALTER INDEX audit_log_pkey RENAME TO audit_log_legacy_pkey;
ALTER INDEX audit_log_account_at RENAME TO audit_log_legacy_account_at;
ALTER INDEX audit_log_at RENAME TO audit_log_legacy_at;
-- The parent's row trigger is cloned onto it when it is attached, and its
-- key must be the parent's.
DROP TRIGGER audit_log_scrub_only ON audit_log_legacy;
ALTER TABLE audit_log_legacy DROP CONSTRAINT audit_log_legacy_pkey;
ALTER TABLE audit_log_legacy ADD CONSTRAINT audit_log_legacy_pkey
	PRIMARY KEY (id, at);
-- Replaced by the parent's (account_id, id) below, built on it at attach.
DROP INDEX audit_log_legacy_account_at;

-- The CHECKs are named as 001 named them: an attached partition must hold
-- its parent's by name (unnamed, PostgreSQL would pick other names, the
-- old ones being taken in the schema).
CREATE TABLE audit_log (
	id		bigint NOT NULL DEFAULT nextval('audit_log_id_seq'),
	at		timestamptz NOT NULL DEFAULT now(),
	account_id	bigint,
	event		text NOT NULL CONSTRAINT audit_log_event_check CHECK (event ~ '^[a-z][a-z_.]{0,63}$'),
	address		inet,
	user_agent	text CONSTRAINT audit_log_user_agent_check CHECK (length(user_agent) <= 512),
	request_id	text CONSTRAINT audit_log_request_id_check CHECK (length(request_id) <= 64),
	detail		jsonb NOT NULL DEFAULT '{}'::jsonb
		CONSTRAINT audit_log_detail_check CHECK (length(detail::text) <= 4096),
	PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
ALTER TABLE audit_log_legacy ALTER COLUMN id DROP DEFAULT;

-- An account's activity page reads newest first by id (keyset on id);
-- the time index serves the admin tool's --since and the retention.
CREATE INDEX audit_log_account_id ON audit_log (account_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_delete
	BEFORE DELETE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate
	BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_update_needs_scrub
	BEFORE UPDATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_scrub_allowed();
CREATE TRIGGER audit_log_scrub_only
	BEFORE UPDATE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_scrub_only();

-- The rights 018 gave on the old table, now on the parent. A partition
-- gets the same (SELECT/INSERT only: test_db_roles.sh wants every table
-- usable by some runtime role and nothing more on the audit log).
GRANT SELECT, INSERT ON audit_log TO cibozer_web;
GRANT INSERT ON audit_log TO cibozer_jobs;

-- audit_log_guard(partition): 001/012's statement triggers and 018's
-- rights on one partition.
CREATE FUNCTION audit_log_guard(p regclass) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = p
	    AND tgname = 'audit_log_no_delete') THEN
		EXECUTE format('CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON %s FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_append_only()', p);
	END IF;
	IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = p
	    AND tgname = 'audit_log_no_truncate') THEN
		EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_append_only()', p);
	END IF;
	IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = p
	    AND tgname = 'audit_log_update_needs_scrub') THEN
		EXECUTE format('CREATE TRIGGER audit_log_update_needs_scrub BEFORE UPDATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_scrub_allowed()', p);
	END IF;
	EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', p);
	EXECUTE format('GRANT SELECT, INSERT ON %s TO cibozer_web', p);
	EXECUTE format('GRANT INSERT ON %s TO cibozer_jobs', p);
END;
$$;

-- The start of the month (UTC) that holds t, as a timestamptz.
CREATE FUNCTION audit_log_month(t timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE
AS $$ SELECT date_trunc('month', t AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' $$;

-- The end (exclusive) of a partition of audit_log, from its bound; NULL
-- for the default partition.
CREATE FUNCTION audit_log_partition_end(p regclass) RETURNS timestamptz
LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp
AS $$
	SELECT (regexp_match(pg_get_expr(c.relpartbound, c.oid),
	    'TO \(''([^'']+)''\)'))[1]::timestamptz
	  FROM pg_class c WHERE c.oid = p
$$;

-- The old table, attached (its rows are checked against the bound: one
-- scan, no copy), then the guard on it and a default partition.
DO $$
DECLARE
	v_end timestamptz := audit_log_month(now()) + interval '1 month';
BEGIN
	EXECUTE format('ALTER TABLE audit_log ATTACH PARTITION audit_log_legacy FOR VALUES FROM (MINVALUE) TO (%L)', v_end);
	PERFORM audit_log_guard('audit_log_legacy');
	CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
	PERFORM audit_log_guard('audit_log_default');
END;
$$;

-- audit_log_maintain(retention_months, months_ahead): the monthly
-- partitions from the month after the newest one up to months_ahead
-- months after the current one are created (named audit_log_pYYYYMM);
-- with retention_months > 0, every partition whose rows all lie before
-- the start of the current month minus retention_months is detached and
-- dropped (the default partition never is). Returns the partitions
-- dropped. Runs as the owner (SECURITY DEFINER) so that the daily purge,
-- which connects as cibozer_jobs, can call it; retention_months below 3
-- is refused, so that this role can at worst shorten the log to three
-- months, never empty it. A month whose rows already sit in the default
-- partition is not created (PostgreSQL would refuse it): it stays there,
-- with a warning.
CREATE FUNCTION audit_log_maintain(retention_months integer,
    months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	v_from timestamptz;
	v_until timestamptz;
	v_cut timestamptz;
	v_part record;
	v_name text;
	v_dropped integer := 0;
BEGIN
	IF retention_months IS NULL OR (retention_months <> 0 AND
	    retention_months < 3) OR retention_months > 1200 OR
	    months_ahead IS NULL OR months_ahead NOT BETWEEN 1 AND 24 THEN
		RAISE EXCEPTION 'audit_log_maintain: retention % months (0 or 3..1200), % ahead (1..24)',
			retention_months, months_ahead
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- One maintainer at a time (two daily purges on two hosts).
	PERFORM pg_advisory_xact_lock(7264524200);

	SELECT max(audit_log_partition_end(i.inhrelid)) INTO v_from
	  FROM pg_inherits i WHERE i.inhparent = 'public.audit_log'::regclass;
	v_until := audit_log_month(now()) + make_interval(months => months_ahead + 1);
	WHILE v_from < v_until LOOP
		v_name := 'audit_log_p' || to_char(v_from AT TIME ZONE 'UTC', 'YYYYMM');
		IF EXISTS (SELECT FROM public.audit_log_default
		    WHERE at >= v_from AND at < v_from + interval '1 month') THEN
			RAISE WARNING 'audit_log_maintain: rows of % are in audit_log_default; % not created',
				to_char(v_from AT TIME ZONE 'UTC', 'YYYY-MM'), v_name;
			EXIT;
		END IF;
		EXECUTE format('CREATE TABLE public.%I PARTITION OF public.audit_log FOR VALUES FROM (%L) TO (%L)',
			v_name, v_from, v_from + interval '1 month');
		PERFORM audit_log_guard(format('public.%I', v_name)::regclass);
		v_from := v_from + interval '1 month';
	END LOOP;

	IF retention_months = 0 THEN
		RETURN 0;
	END IF;
	v_cut := audit_log_month(now()) - make_interval(months => retention_months);
	FOR v_part IN SELECT i.inhrelid::regclass AS rel
	    FROM pg_inherits i
	   WHERE i.inhparent = 'public.audit_log'::regclass
	     AND audit_log_partition_end(i.inhrelid) <= v_cut
	LOOP
		EXECUTE format('ALTER TABLE public.audit_log DETACH PARTITION %s', v_part.rel);
		EXECUTE format('DROP TABLE %s', v_part.rel);
		v_dropped := v_dropped + 1;
	END LOOP;
	RETURN v_dropped;
END;
$$;
REVOKE ALL ON FUNCTION audit_log_maintain(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_log_maintain(integer, integer) TO cibozer_jobs;
REVOKE ALL ON FUNCTION audit_log_guard(regclass) FROM PUBLIC;

-- A year ahead at once, so that even a purge timer that never runs leaves
-- a year before rows fall into the default partition.
SELECT audit_log_maintain(0, 12);
