-- 018: least privilege. The role that runs the migrations (the OWNER role,
-- `cibozer` in the default installation: it owns the database and every
-- object in it) is no longer the role the programs run as. Three runtime
-- roles, which own nothing, get only what their program uses:
--   cibozer_web     the responders (cibozer-fcgi), and the interactive
--                   cibozer-admin verbs (user, audit, plan, mail-test)
--   cibozer_render  the renderer (cibozer-render)
--   cibozer_jobs    the timers: deliver-mail, cleanup-videos, purge
-- None of them can UPDATE, DELETE, TRUNCATE or ALTER audit_log (only the
-- owner could, and the triggers of 001/012 still stop the owner too), nor
-- create anything. The purge's scrub of audit entries goes through
-- audit_log_scrub_account() below, a SECURITY DEFINER function owned by
-- the owner role, which only cibozer_jobs may call.
--
-- The roles are cluster-wide, so a migration run by the (non-superuser)
-- owner cannot create them: they are created once, as postgres, before
-- this migration (docs/operations.md, "Database roles"; scripts/lib/
-- stack.sh does it for the development stack). Without them this
-- migration stops with that advice and nothing is changed.
--
-- LATER MIGRATIONS: a new table, view, sequence or function is reachable
-- by the owner only until its migration GRANTs it. Every migration that
-- creates one must, in the same file, grant each runtime role what its
-- program does with it, e.g.
--     GRANT SELECT, INSERT ON new_table TO cibozer_web;
--     GRANT USAGE ON SEQUENCE new_table_id_seq TO cibozer_web;
-- and nothing on audit_log beyond SELECT/INSERT. A new column of an
-- existing table is covered by its table's grant, except where a grant
-- below lists columns (users for cibozer_render, mail_outbox for
-- cibozer_render). tests/integration/test_db_roles.sh fails on a table no
-- runtime role may use, and on any grant on audit_log beyond SELECT and
-- INSERT.

DO $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(r, ', ') INTO missing
	  FROM unnest(ARRAY['cibozer_web', 'cibozer_render', 'cibozer_jobs']) r
	 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'roles % do not exist', missing
			USING HINT = 'create them once as postgres (docs/operations.md, "Database roles"), then migrate again';
	END IF;
END;
$$;

-- Start from nothing, so that running against roles that held grants
-- before (by hand) leaves exactly what is below.
REVOKE ALL ON ALL TABLES IN SCHEMA public
	FROM cibozer_web, cibozer_render, cibozer_jobs;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public
	FROM cibozer_web, cibozer_render, cibozer_jobs;
-- No new objects for anyone but the owner (PostgreSQL 15's default for a
-- new cluster; a cluster upgraded from an older release keeps CREATE for
-- PUBLIC, and a REVOKE by a non-owner of the schema only warns).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO cibozer_web, cibozer_render, cibozer_jobs;
-- Nor temporary tables: no program uses them (the owner keeps the right,
-- as the database's owner).
DO $$
BEGIN
	EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC',
		current_database());
END;
$$;

-- Reference data: read by the planner in the responders (and by
-- `cibozer-admin plan`); loaded by the owner (import-usda, migrations).
GRANT SELECT ON food_groups, food_group_prefixes, nutrients, foods,
	food_nutrients, food_measures, catalog_ingredients, meal_templates,
	meal_template_items, meal_template_diets
	TO cibozer_web;
-- /health/ready compares the schema with the build.
GRANT SELECT ON schema_migrations TO cibozer_web;

-- cibozer_web: the site. The audit trail is append and read (the
-- activity page, the export); account deletion marks rows, it never
-- deletes them (the purge does, later, as cibozer_jobs).
GRANT SELECT, INSERT ON audit_log TO cibozer_web;
GRANT SELECT, INSERT, UPDATE ON users, plans, user_tokens, api_keys,
	api_key_usage, video_jobs, video_playback TO cibozer_web;
GRANT SELECT, INSERT ON legal_acceptances TO cibozer_web;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO cibozer_web;
-- rate_limit_hit()/_clear()/_refund() run as the caller (006, 013).
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits, rate_lockouts
	TO cibozer_web;
GRANT SELECT, INSERT ON mail_outbox TO cibozer_web;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cibozer_web;

-- cibozer_render: claims and finishes jobs, reads their plan, mails the
-- owner. Of users only what the claim and the mail need; no audit_log,
-- no sessions, no keys.
GRANT SELECT, UPDATE ON video_jobs TO cibozer_render;
GRANT SELECT ON plans TO cibozer_render;
GRANT SELECT (id, email, disabled_at, deleted_at) ON users TO cibozer_render;
GRANT INSERT ON mail_outbox TO cibozer_render;
GRANT SELECT (id) ON mail_outbox TO cibozer_render;	-- RETURNING id
GRANT USAGE ON SEQUENCE mail_outbox_id_seq TO cibozer_render;

-- cibozer_jobs: deliver-mail (mail_outbox), cleanup-videos (video_jobs),
-- purge (deletes an account's rows; FOR UPDATE on users needs UPDATE;
-- rate_limit_purge() runs as the caller; one audit entry per account).
GRANT SELECT, UPDATE, DELETE ON mail_outbox, video_jobs TO cibozer_jobs;
GRANT SELECT, UPDATE ON users TO cibozer_jobs;
GRANT SELECT, DELETE ON plans, sessions, user_tokens, legal_acceptances,
	api_keys, video_playback, rate_limits, rate_lockouts TO cibozer_jobs;
GRANT INSERT ON audit_log TO cibozer_jobs;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO cibozer_jobs;

-- The scrub of one deleted account's audit entries (012's rule: address
-- and user agent to NULL, detail members holding its address or anything
-- shaped like one dropped), as the owner. It turns 012's switch on for
-- its own UPDATE only and puts it back (a SET clause on the function
-- would be simpler, but PostgreSQL 15 lets only a superuser attach a
-- custom setting to a function), and the row trigger still refuses
-- anything but that scrub of an account marked deleted. search_path is
-- fixed so that the caller cannot slip its own objects in. Returns the
-- entries changed.
CREATE FUNCTION audit_log_scrub_account(p_account bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	v_email text;
	v_count bigint;
	v_was text := coalesce(current_setting('cibozer.audit_scrub', true), '');
BEGIN
	SELECT lower(u.email) INTO v_email FROM public.users u
	 WHERE u.id = p_account AND u.deleted_at IS NOT NULL;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'account % is not marked deleted', p_account
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	PERFORM set_config('cibozer.audit_scrub', 'on', true);
	WITH s AS (
		SELECT a.id, CASE WHEN jsonb_typeof(a.detail) = 'object' THEN
			coalesce((SELECT jsonb_object_agg(e.key, e.value)
			  FROM jsonb_each(a.detail) e
			 WHERE NOT (jsonb_typeof(e.value) = 'string' AND
			       (strpos(lower(e.value #>> '{}'), v_email) > 0 OR
			        (e.value #>> '{}') ~ '[^[:space:]@]+@[^[:space:]@]+\.[^[:space:]@]+'))),
			 '{}'::jsonb) ELSE a.detail END AS detail
		  FROM public.audit_log a WHERE a.account_id = p_account)
	UPDATE public.audit_log a SET address = NULL, user_agent = NULL,
		detail = s.detail
	  FROM s
	 WHERE a.id = s.id AND (a.address IS NOT NULL OR
	       a.user_agent IS NOT NULL OR a.detail IS DISTINCT FROM s.detail);
	GET DIAGNOSTICS v_count = ROW_COUNT;
	PERFORM set_config('cibozer.audit_scrub', v_was, true);
	RETURN v_count;
END;
$$;
REVOKE ALL ON FUNCTION audit_log_scrub_account(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_log_scrub_account(bigint) TO cibozer_jobs;

-- Tables added by migrations numbered below this one that were written
-- in parallel with it (and so are not named above) get the site's and
-- the timers' plain row rights, so that nothing breaks; their own
-- migrations should narrow them. Everything from 019 on grants for itself
-- (see the header).
DO $$
DECLARE
	t text;
BEGIN
	FOR t IN SELECT c.relname FROM pg_class c
	    JOIN pg_namespace n ON n.oid = c.relnamespace
	   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p')
	     AND c.relname <> ALL (ARRAY['audit_log', 'food_groups',
	         'food_group_prefixes', 'nutrients', 'foods', 'food_nutrients',
	         'food_measures', 'catalog_ingredients', 'meal_templates',
	         'meal_template_items', 'meal_template_diets', 'schema_migrations',
	         'users', 'plans', 'user_tokens', 'api_keys', 'api_key_usage',
	         'video_jobs', 'video_playback', 'legal_acceptances', 'sessions',
	         'rate_limits', 'rate_lockouts', 'mail_outbox'])
	LOOP
		RAISE NOTICE '018: % not named here: SELECT, INSERT, UPDATE, DELETE to cibozer_web and cibozer_jobs', t;
		EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO cibozer_web, cibozer_jobs', t);
	END LOOP;
END;
$$;
