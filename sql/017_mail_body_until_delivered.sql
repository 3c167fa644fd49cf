-- 017: the outbox keeps a message's body only until it is delivered.
--
-- A body holds the mailed link (e-mail verification, password reset), and
-- sent mail is kept for privacy_retention_days (30): every live link sat in
-- the table in plain text. A queued message keeps its body (it is needed
-- to send it, and again on a retry); once the message is sent or
-- dead-lettered only its headers and the SHA-256 of its body (hex, of the
-- UTF-8 text) stay. cibozer-admin deliver-mail drops the body in the
-- statement that records the outcome; the trigger below does the same for
-- any other writer (an operator's UPDATE, a restored dump), and this
-- migration scrubs the mail an existing install has already sent.

ALTER TABLE mail_outbox
	ALTER COLUMN body DROP NOT NULL,
	ADD COLUMN body_sha256 text CHECK (body_sha256 ~ '^[0-9a-f]{64}$');

CREATE FUNCTION mail_outbox_drop_body() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.status <> 'queued' AND NEW.body IS NOT NULL THEN
		NEW.body_sha256 := encode(sha256(convert_to(NEW.body, 'UTF8')),
		    'hex');
		NEW.body := NULL;
	END IF;
	RETURN NEW;
END;
$$;

CREATE TRIGGER mail_outbox_drop_body BEFORE INSERT OR UPDATE OF status, body
	ON mail_outbox FOR EACH ROW EXECUTE FUNCTION mail_outbox_drop_body();

-- Mail already sent or dead-lettered.
UPDATE mail_outbox
	SET body_sha256 = encode(sha256(convert_to(body, 'UTF8')), 'hex'),
	    body = NULL
	WHERE status <> 'queued' AND body IS NOT NULL;

-- A queued message has its body; a delivered or dead one never has.
ALTER TABLE mail_outbox
	ADD CONSTRAINT mail_outbox_body_until_delivered
	CHECK ((status = 'queued') = (body IS NOT NULL));
