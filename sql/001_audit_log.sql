-- 001: the audit trail. Every security-relevant event (logins, changes of
-- password, tier or role, legal acceptance, rate limits hit, exports,
-- deletions) is appended here by later features. Rows are never changed:
-- the trigger below refuses UPDATE and DELETE whatever the role, and the
-- accounts migration revokes those rights from the responders' role too.
CREATE TABLE audit_log (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	account_id	bigint,
	event		text NOT NULL CHECK (event ~ '^[a-z][a-z_.]{0,63}$'),
	address		inet,
	user_agent	text CHECK (length(user_agent) <= 512),
	request_id	text CHECK (length(request_id) <= 64),
	detail		jsonb NOT NULL DEFAULT '{}'::jsonb
		CHECK (length(detail::text) <= 4096)
);

CREATE INDEX audit_log_account_at ON audit_log (account_id, at);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_delete
	BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
	BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
