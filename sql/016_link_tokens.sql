-- 016_link_tokens.sql - a mailed link knows the address it was sent to,
-- and links die when the account's credentials change (issue 16).
--
-- Before this, a confirmation link sent to an old address still confirmed
-- whatever address the account had when it was followed, and a second
-- reset link still worked after the first had changed the password.
--
--   email         the address the link was mailed to (normalised, as
--                 users.email). A verify_email or reset_password link is
--                 refused unless it is still the account's address; a
--                 change_email link moves the account to it.
--   cancelled_at  set when the link stopped counting before it was used:
--                 the account's address or password changed, another
--                 address change was asked for, or another reset link of
--                 the account was used.
--   change_email  a new purpose: the link sent to the new address of an
--                 address change, which takes effect only when followed.
--
-- Existing installations: links still outstanding when this runs were
-- mailed without their address, so they are cancelled here; their owners
-- ask for new ones (the pages say so). Used and expired links keep a NULL
-- email: they can never be used again anyway. The responder always writes
-- the address; a row without one (old, or written by hand) is never
-- accepted, since a NULL address matches no account (fcgi/mail_links.c).

ALTER TABLE user_tokens
	ADD COLUMN email text CHECK (email IS NULL OR (length(email)
	    BETWEEN 3 AND 254 AND email = lower(btrim(email)))),
	ADD COLUMN cancelled_at timestamptz;

UPDATE user_tokens SET cancelled_at = now()
WHERE used_at IS NULL AND cancelled_at IS NULL;

ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check;
ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check
	CHECK (purpose IN ('verify_email', 'reset_password', 'change_email'));

-- A changed address or password cancels every outstanding link of the
-- account, whoever changed it (a responder, a reset, cibozer-admin): the
-- links were sent on the strength of the old credentials. A trigger, so
-- that no path that updates users can forget it. Re-hashing at log-in
-- keeps password_changed_at, so it cancels nothing. SECURITY DEFINER: a
-- role allowed to update users (a responder, an admin tool, under
-- least-privilege grants) need not be allowed to update user_tokens for
-- its links to be cancelled.
CREATE FUNCTION user_tokens_cancel_on_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
	IF NEW.email IS DISTINCT FROM OLD.email OR NEW.password_changed_at
	    IS DISTINCT FROM OLD.password_changed_at THEN
		UPDATE user_tokens SET cancelled_at = now()
		WHERE user_id = NEW.id AND used_at IS NULL
		  AND cancelled_at IS NULL;
	END IF;
	RETURN NULL;
END;
$$;

CREATE TRIGGER users_cancel_links AFTER UPDATE OF email, password_changed_at
	ON users FOR EACH ROW EXECUTE FUNCTION user_tokens_cancel_on_change();
