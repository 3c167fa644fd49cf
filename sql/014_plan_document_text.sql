-- 014: plan documents are stored as text, not json. The responder writes
-- each document with its own JSON writer (lib/jsonw.c), so PostgreSQL's
-- check of the json type only parsed about 40 KB again on every insert
-- and regeneration: measured here, storing one took 0.43-0.55 ms as json
-- with its length check and 0.30-0.35 ms as text with a byte-length check
-- (300 inserts, psql \timing). The text is the same, byte for byte; to
-- query inside it, cast: document::json -> 'days'.
ALTER TABLE plans DROP CONSTRAINT plans_document_check;
ALTER TABLE plans ALTER COLUMN document TYPE text;
ALTER TABLE plans ALTER COLUMN document SET COMPRESSION lz4;
ALTER TABLE plans ADD CONSTRAINT plans_document_check
	CHECK (octet_length(document) <= 2097152);
