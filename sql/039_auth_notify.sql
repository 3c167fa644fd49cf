-- 039: PostgreSQL says when an API key or its account changes, so that a
-- responder may keep the keys it looked up (lib/key_cache.h).
--
-- Why: every API request looked its key up (apikey_lookup: the key, its
-- account, the account's acceptance of the terms, the requests of the
-- day), about 0.06 ms of PostgreSQL's CPU and a round trip each, where a
-- client sending many requests with one key sends them to a few workers.
-- Each worker now keeps a key it looked up for up to a second and LISTENs
-- on cz_auth; a statement that changes what the lookup reads notifies
-- cz_auth when it commits, and every worker forgets every key it kept
-- before it answers its next request: a revoked key, a disabled, deleted
-- or re-tiered account, a new acceptance of the terms take effect as
-- before, without waiting for the second to pass.
--
-- What does not notify: api_keys.last_used_at (written by the lookup
-- itself, at most once a minute a key) and the requests of the day
-- (api_key_usage, added by the responders once a second; a kept key's
-- count is at most a second old, as the limit's own count already was).
-- Statement triggers: a statement changing many rows notifies once, and
-- PostgreSQL folds the notifications of one transaction into one.

CREATE FUNCTION cz_auth_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('cz_auth', TG_TABLE_NAME);
	RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_auth_changed
	AFTER UPDATE OF key_hash, user_id, scopes, revoked_at OR DELETE OR TRUNCATE
	ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION cz_auth_changed();

CREATE TRIGGER users_auth_changed
	AFTER UPDATE OF id, email, tier, is_admin, email_verified_at,
	    disabled_at, deleted_at OR DELETE OR TRUNCATE
	ON users FOR EACH STATEMENT EXECUTE FUNCTION cz_auth_changed();

CREATE TRIGGER legal_acceptances_auth_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON legal_acceptances FOR EACH STATEMENT EXECUTE FUNCTION
	cz_auth_changed();
