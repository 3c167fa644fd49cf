-- 006: accounts. Users and their sessions, one-time tokens (e-mail
-- verification, password reset), legal acceptances, API keys and their
-- daily usage, application rate-limit counters, and the mail outbox.
--
-- Secrets are never stored: session tokens, one-time tokens and API keys
-- are kept as the lower-case hex SHA-256 of the value handed to the client
-- (lib/token.h); passwords as argon2id encoded hashes (lib/password.h).
-- E-mail addresses are stored normalised (trimmed, lower case) and unique
-- whatever their case.

CREATE TABLE users (
	id			bigserial PRIMARY KEY,
	email			text NOT NULL
		CHECK (length(email) BETWEEN 3 AND 254
		    AND email = lower(btrim(email)) AND email LIKE '%_@_%'),
	password_hash		text NOT NULL
		CHECK (password_hash LIKE '$argon2id$%'
		    AND length(password_hash) <= 256),
	tier			text NOT NULL DEFAULT 'free'
		CHECK (tier IN ('free', 'premium', 'enterprise')),
	is_admin		boolean NOT NULL DEFAULT false,
	email_verified_at	timestamptz,
	password_changed_at	timestamptz NOT NULL DEFAULT now(),
	disabled_at		timestamptz,
	deleted_at		timestamptz,
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

-- Hex SHA-256 digests, as every token table stores them.
CREATE DOMAIN sha256_hex AS text CHECK (VALUE ~ '^[0-9a-f]{64}$');

-- A signed-in browser. Ends after the idle timeout (last_seen_at) or at
-- expires_at (absolute lifetime), both from the settings. The CSRF token is
-- not a credential by itself (it is embedded in pages) and is kept as is.
CREATE TABLE sessions (
	id		bigserial PRIMARY KEY,
	token_hash	sha256_hex NOT NULL UNIQUE,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token	text NOT NULL CHECK (csrf_token ~ '^[A-Za-z0-9_-]{43}$'),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_seen_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,
	address		inet,
	user_agent	text CHECK (length(user_agent) <= 512),
	CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Links sent by e-mail: verify the address, reset the password (valid
-- reset_token_lifetime, 15 minutes by default). Used once: used_at is set
-- in the same statement that checks it is still NULL.
CREATE TABLE user_tokens (
	id		bigserial PRIMARY KEY,
	token_hash	sha256_hex NOT NULL UNIQUE,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	purpose		text NOT NULL
		CHECK (purpose IN ('verify_email', 'reset_password')),
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,
	used_at		timestamptz,
	CHECK (expires_at > created_at)
);
CREATE INDEX user_tokens_user ON user_tokens (user_id, purpose);

-- Which terms and privacy policy a user accepted, and when.
CREATE TABLE legal_acceptances (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	terms_version	text NOT NULL CHECK (length(terms_version) BETWEEN 1 AND 63),
	privacy_version	text NOT NULL CHECK (length(privacy_version) BETWEEN 1 AND 63),
	accepted_at	timestamptz NOT NULL DEFAULT now(),
	address		inet
);
CREATE INDEX legal_acceptances_user ON legal_acceptances (user_id, accepted_at);

-- API keys: "cz_live_" + 43 characters; the first 16 are shown in lists.
CREATE TABLE api_keys (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
	prefix		text NOT NULL CHECK (prefix ~ '^cz_live_[A-Za-z0-9_-]{8}$'),
	key_hash	sha256_hex NOT NULL UNIQUE,
	scopes		text[] NOT NULL
		CHECK (cardinality(scopes) BETWEEN 1 AND 4
		    AND scopes <@ ARRAY['plans:read', 'plans:write',
		        'videos:read', 'videos:write']::text[]),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_used_at	timestamptz,
	revoked_at	timestamptz
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE api_key_usage (
	key_id		bigint NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
	day		date NOT NULL,
	requests	integer NOT NULL DEFAULT 0 CHECK (requests >= 0),
	plans		integer NOT NULL DEFAULT 0 CHECK (plans >= 0),
	videos		integer NOT NULL DEFAULT 0 CHECK (videos >= 0),
	PRIMARY KEY (key_id, day)
);

-- Plans made before accounts existed have no owner.
ALTER TABLE plans ADD COLUMN owner_id bigint REFERENCES users (id);
CREATE INDEX plans_owner ON plans (owner_id, id DESC) WHERE owner_id IS NOT NULL;

-- ---------------------------------------------------------------------------
-- Rate limits, counted here so they hold across every responder and host.
-- A fixed window per (scope, key): window_start is now() rounded down to a
-- multiple of the window length. Keys are addresses or account ids, or the
-- SHA-256 of an e-mail address, never the address itself.
CREATE TABLE rate_limits (
	scope		text NOT NULL CHECK (scope ~ '^[a-z][a-z_.]{0,63}$'),
	key		text NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
	window_start	timestamptz NOT NULL,
	hits		integer NOT NULL CHECK (hits > 0),
	PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);

-- Growing lockouts (logins): each time a key goes over its limit, it is
-- locked for window * 2^(level - 1) seconds, at most a day; the level falls
-- back to zero a day after the last lockout ended, or on rate_limit_clear.
CREATE TABLE rate_lockouts (
	scope		text NOT NULL,
	key		text NOT NULL,
	level		integer NOT NULL CHECK (level >= 0),
	locked_until	timestamptz NOT NULL,
	PRIMARY KEY (scope, key)
);

-- Counts one hit and tells whether the key is over its limit, and for how
-- many more seconds (at least 1 when over, 0 otherwise).
CREATE FUNCTION rate_limit_hit(p_scope text, p_key text, p_limit integer,
    p_window integer, p_lockout boolean DEFAULT false,
    OUT over_limit boolean, OUT retry_after integer, OUT hits integer)
LANGUAGE plpgsql AS $$
DECLARE
	t	timestamptz := now();
	ws	timestamptz;
	lk	rate_lockouts%ROWTYPE;
	lvl	integer;
	had	boolean := false;
BEGIN
	IF p_limit < 0 OR p_window < 1 THEN
		RAISE EXCEPTION 'rate_limit_hit: bad limit % or window %',
			p_limit, p_window;
	END IF;
	-- A locked key is refused without counting: the lockout is the
	-- answer until it ends.
	IF p_lockout THEN
		SELECT * INTO lk FROM rate_lockouts
			WHERE scope = p_scope AND key = p_key FOR UPDATE;
		had := FOUND;
		IF had AND lk.locked_until > t THEN
			over_limit := true;
			hits := 0;
			retry_after := greatest(1, ceil(extract(epoch FROM
				lk.locked_until - t)))::integer;
			RETURN;
		END IF;
	END IF;

	ws := to_timestamp(floor(extract(epoch FROM t) / p_window) * p_window);
	INSERT INTO rate_limits AS r (scope, key, window_start, hits)
		VALUES (p_scope, p_key, ws, 1)
		ON CONFLICT (scope, key, window_start)
		DO UPDATE SET hits = r.hits + 1
		RETURNING r.hits INTO hits;

	IF p_lockout THEN
		IF hits > p_limit THEN
			lvl := CASE WHEN NOT had
				OR lk.locked_until < t - interval '1 day'
				THEN 1 ELSE lk.level + 1 END;
			INSERT INTO rate_lockouts AS o (scope, key, level, locked_until)
				VALUES (p_scope, p_key, lvl, t + make_interval(
				    secs => least(86400, p_window * 2 ^ least(lvl - 1, 20))))
				ON CONFLICT (scope, key) DO UPDATE
				SET level = excluded.level,
				    locked_until = excluded.locked_until
				RETURNING o.locked_until INTO lk.locked_until;
			-- The window's count starts afresh after the lockout.
			DELETE FROM rate_limits
				WHERE scope = p_scope AND key = p_key;
			over_limit := true;
			retry_after := greatest(1, ceil(extract(epoch FROM
				lk.locked_until - t)))::integer;
			RETURN;
		END IF;
	END IF;

	over_limit := hits > p_limit;
	retry_after := CASE WHEN over_limit THEN greatest(1, ceil(extract(
		epoch FROM ws + make_interval(secs => p_window) - t)))::integer
		ELSE 0 END;
END;
$$;

-- Forgets a key's counts and lockout (after a successful login).
CREATE FUNCTION rate_limit_clear(p_scope text, p_key text) RETURNS void
LANGUAGE sql AS $$
	DELETE FROM rate_limits WHERE scope = p_scope AND key = p_key;
	DELETE FROM rate_lockouts WHERE scope = p_scope AND key = p_key;
$$;

-- Drops windows and lockouts that can no longer matter (for the purge job).
CREATE FUNCTION rate_limit_purge() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	n integer;
BEGIN
	DELETE FROM rate_limits WHERE window_start < now() - interval '2 days';
	GET DIAGNOSTICS n = ROW_COUNT;
	DELETE FROM rate_lockouts WHERE locked_until < now() - interval '2 days';
	RETURN n;
END;
$$;

-- ---------------------------------------------------------------------------
-- Mail: queued by the responders, delivered by cibozer-admin deliver-mail
-- (cibozer-mail.timer). A failed attempt is retried after
-- mail_retry_seconds * 2^(attempts - 1) (6 h at most); after
-- mail_max_attempts the message is dead-lettered. Header fields cannot hold
-- line breaks.
CREATE TABLE mail_outbox (
	id		bigserial PRIMARY KEY,
	created_at	timestamptz NOT NULL DEFAULT now(),
	user_id		bigint REFERENCES users (id) ON DELETE SET NULL,
	recipient	text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254
		AND recipient !~ '[[:cntrl:]]'),
	subject		text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200
		AND subject !~ '[[:cntrl:]]'),
	body		text NOT NULL CHECK (length(body) <= 65536),
	status		text NOT NULL DEFAULT 'queued'
		CHECK (status IN ('queued', 'sent', 'dead')),
	attempts	integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	next_attempt_at	timestamptz NOT NULL DEFAULT now(),
	last_attempt_at	timestamptz,
	sent_at		timestamptz,
	last_error	text CHECK (length(last_error) <= 1024)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id)
	WHERE status = 'queued';

-- The audit log stays append-only (001's triggers); nobody needs these.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
