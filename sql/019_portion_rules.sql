-- 019: portion rules a dietitian would sign (issue 12). Portions stay
-- within realistic serving ranges, countable foods come in whole units,
-- and a few foods carry limits of their own across a day or a week. Each
-- rule's reason is stored beside it (portion_reason), and the planner
-- (lib/planner.c) turns the limits into hard rows of the day's solver
-- (lib/solver.c); docs/planner-rules.md lists them all.
--
--   added_fat      neat fats and oils: at most 2 tablespoons (27 g) in one
--                  dish (max_g), at most CZ_PLAN_DAY_ADDED_FAT_G a day and
--                  never half a dish's energy (lib/planner.h)
--   day_max_g      grams of the food a day, across every dish
--   week_max_days  days of a week the food may appear on
--
-- Existing template items are clamped into their ingredient's new bounds
-- and whole-unit items rounded to whole units, so that every install ends
-- with the same rows.

ALTER TABLE catalog_ingredients
	ADD COLUMN added_fat boolean NOT NULL DEFAULT false,
	ADD COLUMN day_max_g real CHECK (day_max_g > 0),
	ADD COLUMN week_max_days smallint CHECK (week_max_days BETWEEN 1 AND 7),
	ADD COLUMN portion_reason text CHECK (length(portion_reason) <= 200);

COMMENT ON COLUMN catalog_ingredients.added_fat IS
	'a neat fat or oil added in cooking or dressing: capped per dish and per day';
COMMENT ON COLUMN catalog_ingredients.day_max_g IS
	'grams of this food a day at most, across every dish of the day';
COMMENT ON COLUMN catalog_ingredients.week_max_days IS
	'days of a week (plan) this food may appear on at most';
COMMENT ON COLUMN catalog_ingredients.portion_reason IS
	'why this food has the bounds, step and limits it has';

-- Neat fats and oils: 2 tablespoons (13.5 g each) at most in one dish.
UPDATE catalog_ingredients SET added_fat = true, max_g = 27,
	portion_reason = 'added fat: at most 2 tablespoons (27 g) per dish; a dish is a food, not a dressing'
	WHERE ndb IN ('04053', '04581', '04047', '04582', '01145');
UPDATE catalog_ingredients SET added_fat = true, max_g = 14,
	portion_reason = 'toasted sesame oil is a seasoning: at most 1 tablespoon per dish'
	WHERE ndb = '04058';

-- Eggs: whole eggs, at most 3 in a dish and 4 a day.
UPDATE catalog_ingredients SET max_g = 150, day_max_g = 200,
	portion_reason = 'whole eggs only; at most 3 per dish and 4 per day'
	WHERE ndb = '01129';

-- Brazil nuts: ~60-90 ug selenium per kernel (UL 400 ug a day), so at
-- most 2 whole kernels a day.
UPDATE catalog_ingredients SET min_g = 5, max_g = 10, step_g = 5,
	unit_name = 'kernel', day_max_g = 10,
	portion_reason = 'selenium: one kernel carries ~90 ug (UL 400 ug/day); whole kernels, at most 2 a day'
	WHERE ndb = '12078';

-- Liver: preformed vitamin A (~4,000 ug retinol per 100 g, UL 3,000 ug a
-- day); at most 100 g, on one day of the week.
UPDATE catalog_ingredients SET max_g = 100, day_max_g = 100,
	week_max_days = 1,
	portion_reason = 'retinol: ~4,000 ug per 100 g (UL 3,000 ug/day); at most 100 g, once a week'
	WHERE ndb = '05028';

-- Dried figs: whole figs (8.4 g each), 2 to 6 of them.
UPDATE catalog_ingredients SET min_g = 16.8, max_g = 50.4, step_g = 8.4,
	unit_name = 'fig',
	portion_reason = 'whole dried figs (8.4 g each), 2 to 6 in a serving'
	WHERE ndb = '09094';

-- Small nuts and olives: steps of whole pieces, so that a household
-- amount never reads "8 1/2 almond" or "14 1/2 kernel".
UPDATE catalog_ingredients SET min_g = 12, max_g = 60, step_g = 6,
	portion_reason = 'whole almonds: steps of 5 (1.2 g each), at most ~2 oz'
	WHERE ndb = '12061';
UPDATE catalog_ingredients SET min_g = 7, max_g = 56, step_g = 7,
	portion_reason = 'whole pistachio kernels: steps of 10 (0.7 g each), at most ~2 oz'
	WHERE ndb = '12151';
UPDATE catalog_ingredients SET min_g = 7, max_g = 56, step_g = 7,
	portion_reason = 'whole hazelnuts: steps of 5 (1.4 g each), at most ~2 oz'
	WHERE ndb = '12120';
UPDATE catalog_ingredients SET min_g = 8.8, max_g = 57.2, step_g = 4.4,
	portion_reason = 'whole olives (4.4 g each), 2 to 13 in a serving'
	WHERE ndb = '09193';
-- Foods whose household measure is a small piece or a packet: steps of
-- whole ones (an apricot is two halves).
UPDATE catalog_ingredients SET min_g = 14, max_g = 77, step_g = 7,
	portion_reason = 'dried apricots: whole apricots (2 halves, 7 g), 2 to 11'
	WHERE ndb = '09032';
UPDATE catalog_ingredients SET min_g = 14, max_g = 56, step_g = 14,
	portion_reason = 'raisins: whole miniature boxes (14 g), 1 to 4'
	WHERE ndb = '09298';
UPDATE catalog_ingredients SET min_g = 14, max_g = 28, step_g = 14,
	portion_reason = 'honey: whole packets (14 g), 1 or 2'
	WHERE ndb = '19296';
UPDATE catalog_ingredients SET min_g = 17.8, max_g = 80.1, step_g = 8.9,
	portion_reason = 'tomato salsa: whole packets (8.9 g), 2 to 9'
	WHERE ndb = '06164';
UPDATE catalog_ingredients SET min_g = 36, max_g = 240, step_g = 12,
	portion_reason = 'sardines: whole fish (12 g each), 3 to 20'
	WHERE ndb = '15088';
UPDATE catalog_ingredients SET max_g = 60,
	portion_reason = 'nuts: a serving is 1-2 oz (30-60 g)'
	WHERE role = 'nut_seed' AND max_g > 60 AND portion_reason IS NULL;

-- Template items follow their ingredient: bounds clamped into its bounds,
-- whole-unit items rounded to whole units.
UPDATE meal_template_items i SET
	min_g = least(greatest(i.min_g, c.min_g), c.max_g),
	max_g = least(greatest(i.max_g, c.min_g), c.max_g),
	default_g = least(greatest(i.default_g, c.min_g), c.max_g)
	FROM catalog_ingredients c
	WHERE c.ndb = i.ndb AND (i.min_g < c.min_g OR i.max_g > c.max_g OR
	    i.default_g < c.min_g OR i.default_g > c.max_g);
UPDATE meal_template_items i SET
	min_g = greatest(round(i.min_g / c.step_g), 1) * c.step_g,
	max_g = greatest(round(i.max_g / c.step_g), 1) * c.step_g,
	default_g = greatest(round(i.default_g / c.step_g), 1) * c.step_g
	FROM catalog_ingredients c
	WHERE c.ndb = i.ndb AND c.unit_name IS NOT NULL;
