-- 034: five dishes for the weeks that still served one dish three times
-- (issue 12, "Variety"). plan-check 5000 seed 42 left 14 such plans with
-- other dishes of the slot to hand; a trace of each showed why every
-- other dish failed in the repeated one's place:
--   - vegetarian and vegan days of 3,950-4,550 kcal, most of them for an
--     athlete, older adult or pregnancy (more protein): the tempeh and
--     millet bowl was the one lunch carrying a large share of the day's
--     protein and energy without fibre (6 plans);
--   - keto without eggs: the steak salad was the one lunch of red meat
--     (2 plans);
--   - paleo one-meal days of 4,200 kcal and more, whose large meal takes
--     two sides from the snacks: turkey and roast-beef roll-ups were the
--     only snacks of lean meat (2 plans).
-- These are everyday dishes: teriyaki tempeh with rice, a tempeh and
-- rice-noodle stir-fry, egg fried rice, a Greek lamb salad and chicken
-- lettuce cups. Same rules as sql/030: grams as eaten, item bounds within
-- the ingredient's, a protein, a carbohydrate and a fat source, the title
-- ingredient the largest or second-largest item by weight or energy
-- (named in each comment, set at the end), a method in
-- lib/recipes_data.c.

INSERT INTO meal_templates (id, slug, name, slot, cuisine) VALUES
	(621, 'teriyaki_tempeh_rice', 'Teriyaki tempeh with white rice and broccoli', 'lunch', 'japanese'),
	(622, 'tempeh_noodle_stir_fry', 'Tempeh and rice-noodle stir-fry with bok choy', 'lunch', 'asian'),
	(623, 'egg_fried_rice', 'Egg fried rice with peas and spring onions', 'lunch', 'chinese'),
	(624, 'greek_lamb_salad_keto', 'Greek lamb salad with olives and goat cheese', 'lunch', 'greek'),
	(625, 'chicken_lettuce_cups', 'Chicken and avocado lettuce cups', 'snack', 'american');

INSERT INTO meal_template_items (template_id, ndb, default_g, min_g, max_g)
SELECT t.id, v.ndb, v.default_g, v.min_g, v.max_g
FROM (VALUES
	-- Teriyaki tempeh with white rice and broccoli (title: tempeh, 16114)
	('teriyaki_tempeh_rice', '16114', 140, 60, 300),	-- tempeh
	('teriyaki_tempeh_rice', '20045', 180, 100, 400),	-- white rice, cooked
	('teriyaki_tempeh_rice', '11091', 80, 50, 150),	-- broccoli, steamed
	('teriyaki_tempeh_rice', '16124', 6, 2, 8),	-- tamari (wheat-free soy sauce)
	('teriyaki_tempeh_rice', '19353', 10, 5, 20),	-- maple syrup
	('teriyaki_tempeh_rice', '11216', 5, 3, 8),	-- fresh ginger
	('teriyaki_tempeh_rice', '04582', 8, 4, 20),	-- canola oil
	-- Tempeh and rice-noodle stir-fry with bok choy (title: tempeh, 16114)
	('tempeh_noodle_stir_fry', '16114', 130, 60, 300),	-- tempeh
	('tempeh_noodle_stir_fry', '20134', 200, 100, 400),	-- rice noodles, cooked
	('tempeh_noodle_stir_fry', '11117', 100, 50, 200),	-- bok choy, cooked
	('tempeh_noodle_stir_fry', '11821', 60, 40, 120),	-- red bell pepper
	('tempeh_noodle_stir_fry', '11215', 4, 3, 6),	-- garlic
	('tempeh_noodle_stir_fry', '16124', 6, 2, 8),	-- tamari (wheat-free soy sauce)
	('tempeh_noodle_stir_fry', '09160', 10, 5, 20),	-- lime juice
	('tempeh_noodle_stir_fry', '04582', 10, 4, 20),	-- canola oil
	-- Egg fried rice with peas and spring onions (title: egg, 01129;
	-- second by weight after the rice; at most 3 eggs, the egg rule)
	('egg_fried_rice', '01129', 100, 50, 150),	-- egg, cooked
	('egg_fried_rice', '20045', 200, 100, 400),	-- white rice, cooked
	('egg_fried_rice', '11313', 60, 40, 120),	-- green peas, cooked
	('egg_fried_rice', '11124', 40, 30, 80),	-- carrots
	('egg_fried_rice', '11291', 15, 5, 30),	-- spring onions
	('egg_fried_rice', '16124', 5, 2, 8),	-- tamari (wheat-free soy sauce)
	('egg_fried_rice', '04582', 10, 4, 20),	-- canola oil
	-- Greek lamb salad with olives and goat cheese (title: lamb leg, 17014)
	('greek_lamb_salad_keto', '17014', 150, 80, 300),	-- lamb leg, lean, roasted
	('greek_lamb_salad_keto', '11251', 80, 30, 150),	-- romaine lettuce
	('greek_lamb_salad_keto', '11205', 60, 40, 120),	-- cucumber
	('greek_lamb_salad_keto', '09193', 26.4, 8.8, 52.8),	-- black olives (6 of 2-12)
	('greek_lamb_salad_keto', '01159', 30, 15, 60),	-- soft goat cheese
	('greek_lamb_salad_keto', '04053', 10, 4, 20),	-- olive oil
	('greek_lamb_salad_keto', '02068', 10, 5, 15),	-- red wine vinegar
	('greek_lamb_salad_keto', '02027', 1, 1, 2),	-- dried oregano
	-- Chicken and avocado lettuce cups (title: chicken breast, 05064)
	('chicken_lettuce_cups', '05064', 80, 40, 200),	-- chicken breast, roasted
	('chicken_lettuce_cups', '09037', 50, 30, 100),	-- avocado
	('chicken_lettuce_cups', '11253', 30, 30, 60),	-- leaf lettuce
	('chicken_lettuce_cups', '11143', 30, 20, 60),	-- celery
	('chicken_lettuce_cups', '09152', 5, 5, 10)	-- lemon juice
) AS v (slug, ndb, default_g, min_g, max_g)
JOIN meal_templates t ON t.slug = v.slug;

UPDATE meal_template_items i SET title = true
FROM meal_templates t, (VALUES
	('16114', 'teriyaki_tempeh_rice'),
	('16114', 'tempeh_noodle_stir_fry'),
	('01129', 'egg_fried_rice'),
	('17014', 'greek_lamb_salad_keto'),
	('05064', 'chicken_lettuce_cups')
) AS v (ndb, slug)
WHERE t.slug = v.slug AND i.template_id = t.id AND i.ndb = v.ndb;

-- Every dish above has its items and its title.
DO $$
BEGIN
	IF (SELECT count(*) FROM meal_templates WHERE id BETWEEN 621 AND 625) <> 5 OR
	    (SELECT count(*) FROM meal_template_items WHERE template_id BETWEEN 621 AND 625) <> 35 OR
	    (SELECT count(*) FROM meal_template_items WHERE template_id BETWEEN 621 AND 625 AND title) <> 5 THEN
		RAISE EXCEPTION 'sql/034: a dish lacks its items or its title';
	END IF;
END;
$$;
