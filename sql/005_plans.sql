-- 005: stored meal plans. A plan is generated once (POST /api/plans or the
-- form at /plans/new) and kept whole: the validated request that made it,
-- the plan document as the API returns it (days, meals, ingredients with
-- grams and household measures, totals, targets, the accuracy receipt,
-- allergen warnings, the shopping list), and how long generation took.
-- Regenerating a meal replaces the document and bumps revision, so a
-- client holding an older revision can tell. The document is json, not
-- jsonb: it is written and read back whole, in the key order the API
-- documents, and never queried inside.
--
-- Plans have no owner until accounts exist; that migration adds one.
CREATE TABLE plans (
	id		bigserial PRIMARY KEY,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	revision	integer NOT NULL DEFAULT 1 CHECK (revision > 0),
	diet		text NOT NULL CHECK (diet IN ('standard', 'vegetarian',
			    'vegan', 'keto', 'paleo', 'mediterranean')),
	calories	integer NOT NULL CHECK (calories BETWEEN 800 AND 5000),
	meal_pattern	text NOT NULL CHECK (meal_pattern IN ('3_meals',
			    '3_meals_2_snacks', '5_small_meals', '2_meals',
			    'omad')),
	profile		text CHECK (profile IN ('athlete', 'older_adult',
			    'pregnancy')),
	days		smallint NOT NULL CHECK (days BETWEEN 1 AND 7),
	seed		bigint NOT NULL CHECK (seed >= 0),
	request		json NOT NULL,
	document	json NOT NULL CHECK (length(document::text) <= 2097152),
	generation_ms	real NOT NULL CHECK (generation_ms >= 0)
);

-- /plans lists the newest first, a page at a time by keyset (id < $last).
CREATE INDEX plans_created ON plans (id DESC);
