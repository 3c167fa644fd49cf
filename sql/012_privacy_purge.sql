-- 012: the privacy purge. `cibozer-admin purge` (cibozer-purge.timer, daily)
-- scrubs the personal data of accounts deleted more than
-- privacy_retention_days ago. The account row stays, with a placeholder
-- address, so that audit entries keep a pseudonymous account id; users
-- gets the time of its scrub.
ALTER TABLE users ADD COLUMN purged_at timestamptz;
ALTER TABLE users ADD CONSTRAINT users_purged_deleted
	CHECK (purged_at IS NULL OR deleted_at IS NOT NULL);
CREATE INDEX users_deleted ON users (deleted_at)
	WHERE deleted_at IS NOT NULL AND purged_at IS NULL;

-- audit_log stays append-only (001) with one narrow exception: the purge
-- must be able to forget the client address and user agent of a deleted
-- account's entries, and drop members of their detail (an e-mail address,
-- should one ever be written there), or the log would keep personal data
-- forever. Everything else is still refused, for every role:
--   - DELETE and TRUNCATE, always;
--   - any UPDATE, unless the transaction set cibozer.audit_scrub to 'on'
--     (the purge does, with SET LOCAL, in each account's transaction);
--   - with it, any UPDATE of a row that changes anything but setting
--     address and user_agent to NULL and detail to a part of itself
--     (jsonb containment: members can only go away), or that touches an
--     entry not about an account marked deleted.
-- Why a setting and not a role: the responders, the migrations and
-- cibozer-admin may share one database role (the default installation:
-- role cibozer owns the tables), and PostgreSQL lets a table's owner do
-- anything but what a trigger refuses. The setting keeps any ordinary
-- statement, a mistake by hand or a bug, from changing the log; the row
-- rule bounds what anybody who does set it can do to exactly the scrub
-- the purge would do anyway. A responder role other than the owner has
-- no UPDATE or DELETE privilege at all (006).
DROP TRIGGER audit_log_no_update_delete ON audit_log;

CREATE TRIGGER audit_log_no_delete
	BEFORE DELETE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE FUNCTION audit_log_scrub_allowed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('cibozer.audit_scrub', true), '') <> 'on' THEN
		RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NULL;
END;
$$;

CREATE TRIGGER audit_log_update_needs_scrub
	BEFORE UPDATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_scrub_allowed();

CREATE FUNCTION audit_log_scrub_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- Every column but the three scrubbed ones must stay as it was,
	-- including columns a later migration adds.
	IF to_jsonb(NEW) - 'address' - 'user_agent' - 'detail'
	    IS DISTINCT FROM to_jsonb(OLD) - 'address' - 'user_agent' - 'detail'
	    OR NEW.address IS NOT NULL OR NEW.user_agent IS NOT NULL
	    OR NOT (NEW.detail <@ OLD.detail) THEN
		RAISE EXCEPTION 'audit_log entry %: only its address, user agent and detail may be scrubbed', OLD.id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = OLD.account_id
	    AND u.deleted_at IS NOT NULL) THEN
		RAISE EXCEPTION 'audit_log entry %: not about a deleted account',
			OLD.id USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_scrub_only
	BEFORE UPDATE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_scrub_only();
