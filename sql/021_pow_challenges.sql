-- 021_pow_challenges.sql - the proof-of-work challenges of registration,
-- password reset and the confirmation resend (lib/pow.h, fcgi/challenge.c).
--
-- pow_key holds the one HMAC key that signs challenges. It lives here and
-- not in the configuration file because every responder on every host
-- must sign and check with the same key, and the database is what they
-- already share (docs/architecture.md); it is made at random when the
-- migration runs, needs no setting, and is never logged or sent. To
-- rotate it (which voids the challenges on open forms, nothing else):
--     UPDATE pow_key SET key = encode(sha256(gen_random_uuid()::text::bytea
--         || gen_random_uuid()::text::bytea), 'hex');
-- gen_random_uuid() (PostgreSQL 13+) draws from pg_strong_random.
CREATE TABLE pow_key (
	id	integer PRIMARY KEY CHECK (id = 1),
	key	text NOT NULL CHECK (length(key) BETWEEN 32 AND 256)
);
INSERT INTO pow_key (id, key) VALUES (1, encode(sha256(
	gen_random_uuid()::text::bytea || gen_random_uuid()::text::bytea ||
	gen_random_uuid()::text::bytea), 'hex'));

-- A challenge works once: its nonce's digest is recorded when a solution
-- is accepted, until the challenge could no longer be accepted anyway
-- (its expiry); the responder deletes expired rows as it inserts.
CREATE TABLE pow_used (
	nonce_hash	text PRIMARY KEY CHECK (nonce_hash ~ '^[0-9a-f]{64}$'),
	expires_at	timestamptz NOT NULL
);
CREATE INDEX pow_used_expires ON pow_used (expires_at);

-- The responders read the key and record used nonces; nothing else does.
GRANT SELECT ON pow_key TO cibozer_web;
GRANT SELECT, INSERT, DELETE ON pow_used TO cibozer_web;
