-- 003: the planning catalog's schema. The planner builds every meal from a
-- curated set of whole-food ingredients (catalog_ingredients, one row per
-- USDA SR food, keyed by its 5-digit NDB number) combined into named meal
-- templates (meal_templates) whose items (meal_template_items) carry a
-- default weight and the bounds within which the planner may solve the
-- grams of that item. Weights are grams of the food as eaten (cooked
-- weights for grains, legumes and meats; dry weight for rolled oats).
--
-- There is no foreign key to foods: the USDA foods are imported after the
-- migrations, so the planner joins catalog_ingredients to foods at start-up
-- and the integration tests check that every NDB number exists there.
--
-- A template's diets, allergens and pregnancy safety are never stored:
-- they follow from its items (the diets every item allows, the allergens
-- any item carries, safe when no item has a pregnancy exclusion) and are
-- computed by the view meal_template_diets.
--
-- Vocabularies (keep lib/ tables in the same order):
--   role       protein grain vegetable fruit dairy fat legume nut_seed condiment
--              (grain covers starches such as potatoes; dairy covers plant
--              milks, the "dairy or alternative" role)
--   diets      standard vegetarian vegan keto paleo mediterranean
--   allergens  gluten dairy egg peanut tree_nut soy fish shellfish sesame
--   pregnancy  high_mercury_fish raw_animal unpasteurised_cheese liver

CREATE TABLE catalog_ingredients (
	ndb		text PRIMARY KEY CHECK (ndb ~ '^[0-9]{5}$'),
	label		text NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
	role		text NOT NULL CHECK (role IN ('protein', 'grain',
			    'vegetable', 'fruit', 'dairy', 'fat', 'legume',
			    'nut_seed', 'condiment')),
	diets		text[] NOT NULL CHECK (cardinality(diets) > 0 AND
			    diets <@ ARRAY['standard', 'vegetarian', 'vegan',
			    'keto', 'paleo', 'mediterranean']::text[]),
	allergens	text[] NOT NULL DEFAULT '{}' CHECK (allergens <@
			    ARRAY['gluten', 'dairy', 'egg', 'peanut',
			    'tree_nut', 'soy', 'fish', 'shellfish',
			    'sesame']::text[]),
	pregnancy_exclusion text CHECK (pregnancy_exclusion IN
			    ('high_mercury_fish', 'raw_animal',
			    'unpasteurised_cheese', 'liver')),
	min_g		real NOT NULL,
	max_g		real NOT NULL,
	step_g		real NOT NULL CHECK (step_g > 0),
	unit_name	text CHECK (unit_name ~ '^[a-z][a-z ]{0,23}$'),
	CHECK (min_g > 0 AND min_g <= max_g),
	-- Whatever is vegan is vegetarian too.
	CHECK (NOT 'vegan' = ANY (diets) OR 'vegetarian' = ANY (diets)),
	-- A whole-unit ingredient (an egg, a slice) rounds to whole units, so
	-- its step is the weight of one unit and its bounds are whole units.
	CHECK (unit_name IS NULL OR (min_g >= step_g AND
	    abs(min_g / step_g - round(min_g / step_g)) < 0.001 AND
	    abs(max_g / step_g - round(max_g / step_g)) < 0.001))
);

COMMENT ON COLUMN catalog_ingredients.step_g IS
	'rounding step of the solved grams; with unit_name, the weight of one unit';

CREATE TABLE meal_templates (
	id		smallint PRIMARY KEY CHECK (id > 0),
	slug		text NOT NULL UNIQUE
			    CHECK (slug ~ '^[a-z0-9_]+$' AND length(slug) <= 64),
	name		text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
	slot		text NOT NULL CHECK (slot IN ('breakfast', 'lunch',
			    'dinner', 'snack')),
	cuisine		text CHECK (cuisine ~ '^[a-z_]{1,32}$')
);

CREATE TABLE meal_template_items (
	template_id	smallint NOT NULL
			    REFERENCES meal_templates (id) ON DELETE CASCADE,
	ndb		text NOT NULL REFERENCES catalog_ingredients (ndb),
	default_g	real NOT NULL,
	min_g		real NOT NULL,
	max_g		real NOT NULL,
	PRIMARY KEY (template_id, ndb),
	CHECK (min_g > 0 AND min_g <= default_g AND default_g <= max_g)
);

CREATE INDEX meal_template_items_ndb ON meal_template_items (ndb);

-- What a template is compatible with, derived from its items: diets is the
-- intersection of the items' diets, allergens the union of their allergens
-- (both in the canonical order above), pregnancy_exclusions the union of
-- their exclusions, and pregnancy_safe is true when there is none.
CREATE VIEW meal_template_diets AS
SELECT t.id AS template_id,
	ARRAY(SELECT d.diet
	    FROM unnest(ARRAY['standard', 'vegetarian', 'vegan', 'keto',
		'paleo', 'mediterranean']::text[]) WITH ORDINALITY
		AS d (diet, ord)
	    WHERE NOT EXISTS (SELECT 1
		FROM meal_template_items i
		JOIN catalog_ingredients c ON c.ndb = i.ndb
		WHERE i.template_id = t.id AND NOT d.diet = ANY (c.diets))
	    ORDER BY d.ord) AS diets,
	ARRAY(SELECT a.allergen
	    FROM unnest(ARRAY['gluten', 'dairy', 'egg', 'peanut', 'tree_nut',
		'soy', 'fish', 'shellfish', 'sesame']::text[]) WITH ORDINALITY
		AS a (allergen, ord)
	    WHERE EXISTS (SELECT 1
		FROM meal_template_items i
		JOIN catalog_ingredients c ON c.ndb = i.ndb
		WHERE i.template_id = t.id AND a.allergen = ANY (c.allergens))
	    ORDER BY a.ord) AS allergens,
	NOT EXISTS (SELECT 1
	    FROM meal_template_items i
	    JOIN catalog_ingredients c ON c.ndb = i.ndb
	    WHERE i.template_id = t.id
		AND c.pregnancy_exclusion IS NOT NULL) AS pregnancy_safe,
	ARRAY(SELECT DISTINCT c.pregnancy_exclusion
	    FROM meal_template_items i
	    JOIN catalog_ingredients c ON c.ndb = i.ndb
	    WHERE i.template_id = t.id
		AND c.pregnancy_exclusion IS NOT NULL
	    ORDER BY 1) AS pregnancy_exclusions
FROM meal_templates t;
