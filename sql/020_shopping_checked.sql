-- 020: the shopping list's check-off, kept per plan on the server so that
-- it works without JavaScript and follows the cook from phone to laptop.
-- shopping_checked holds the keys of the lines ticked off: a line's USDA
-- NDB number, or its food name when it has none (fcgi/shopping.c). A
-- regenerated plan keeps the keys; lines that are gone simply match none.
-- The bound keeps a row small whatever a client sends (the responder also
-- keeps only keys of the plan's own list).
ALTER TABLE plans
	ADD COLUMN shopping_checked text[] NOT NULL DEFAULT '{}'
	CONSTRAINT plans_shopping_checked_bound
		CHECK (cardinality(shopping_checked) <= 400);
