-- 033: four lunches that carry a large day without its fibre (issue 12,
-- "Variety"). At 4,000 kcal and more a vegetarian or vegan day runs into
-- the 70 g fibre ceiling: beans, lentils and whole grains carry 15-30 g of
-- fibre per 1,000 kcal, and the one lunch of those diets that did not,
-- the tempeh and millet bowl, came back three to five times a week
-- (plan-check 5000 seed 42: 79 plans serving a dish 3 times with other
-- dishes to hand, most of them this one). These are everyday dishes of
-- refined grains (white rice, spaghetti) with tofu or ricotta: 2-5 g of
-- fibre per 1,000 kcal. Same rules as sql/030: grams as eaten, item bounds
-- within the ingredient's, a protein, a carbohydrate and a fat source,
-- the title ingredient the largest or second-largest item by weight or
-- energy (named in each comment, set at the end), a method in
-- lib/recipes_data.c.

INSERT INTO meal_templates (id, slug, name, slot, cuisine) VALUES
	(617, 'tofu_fried_rice', 'Tofu fried rice with peas and carrots', 'lunch', 'asian'),
	(618, 'ricotta_spinach_spaghetti', 'Spaghetti with ricotta, spinach and parmesan', 'lunch', 'italian'),
	(619, 'tofu_tomato_spaghetti', 'Spaghetti with crispy tofu, tomato and basil', 'lunch', 'italian'),
	(620, 'coconut_tofu_curry_rice', 'Coconut tofu and spinach curry with white rice', 'lunch', 'indian');

INSERT INTO meal_template_items (template_id, ndb, default_g, min_g, max_g)
SELECT t.id, v.ndb, v.default_g, v.min_g, v.max_g
FROM (VALUES
	-- Tofu fried rice with peas and carrots (title: firm tofu, 16426)
	('tofu_fried_rice', '16426', 140, 70, 300),	-- firm tofu
	('tofu_fried_rice', '20045', 200, 100, 400),	-- white rice, cooked
	('tofu_fried_rice', '11313', 60, 40, 120),	-- green peas, cooked
	('tofu_fried_rice', '11124', 50, 30, 100),	-- carrots
	('tofu_fried_rice', '11291', 15, 5, 30),	-- spring onions
	('tofu_fried_rice', '04582', 10, 5, 20),	-- canola oil
	('tofu_fried_rice', '16124', 6, 2, 8),	-- tamari (wheat-free soy sauce)
	-- Spaghetti with ricotta, spinach and parmesan (title: spaghetti, cooked, 20121)
	('ricotta_spinach_spaghetti', '20121', 200, 100, 400),	-- spaghetti, cooked
	('ricotta_spinach_spaghetti', '01036', 100, 50, 200),	-- ricotta, whole milk
	('ricotta_spinach_spaghetti', '11458', 80, 50, 150),	-- spinach, wilted
	('ricotta_spinach_spaghetti', '01032', 10, 5, 15),	-- parmesan, grated
	('ricotta_spinach_spaghetti', '04053', 8, 4, 20),	-- olive oil
	('ricotta_spinach_spaghetti', '11215', 4, 3, 6),	-- garlic
	('ricotta_spinach_spaghetti', '02030', 1, 1, 2),	-- black pepper
	-- Spaghetti with crispy tofu, tomato and basil (title: spaghetti, cooked, 20121)
	('tofu_tomato_spaghetti', '20121', 200, 100, 400),	-- spaghetti, cooked
	('tofu_tomato_spaghetti', '16426', 130, 60, 260),	-- firm tofu
	('tofu_tomato_spaghetti', '11885', 180, 120, 300),	-- canned tomatoes, no salt added (a sauce: never under 120 g)
	('tofu_tomato_spaghetti', '04053', 10, 4, 20),	-- olive oil
	('tofu_tomato_spaghetti', '11215', 4, 3, 6),	-- garlic
	('tofu_tomato_spaghetti', '02044', 5, 2, 10),	-- fresh basil
	-- Coconut tofu and spinach curry with white rice (title: firm tofu, 16426)
	('coconut_tofu_curry_rice', '16426', 140, 70, 280),	-- firm tofu
	('coconut_tofu_curry_rice', '20045', 180, 100, 400),	-- white rice, cooked
	('coconut_tofu_curry_rice', '12118', 60, 30, 120),	-- coconut milk (canned)
	('coconut_tofu_curry_rice', '11458', 80, 50, 150),	-- spinach, wilted
	('coconut_tofu_curry_rice', '11282', 40, 20, 80),	-- onion
	('coconut_tofu_curry_rice', '02015', 3, 2, 5),	-- curry powder
	('coconut_tofu_curry_rice', '11216', 5, 3, 8)	-- fresh ginger
) AS v (slug, ndb, default_g, min_g, max_g)
JOIN meal_templates t ON t.slug = v.slug;

UPDATE meal_template_items i SET title = true
FROM meal_templates t, (VALUES
	('16426', 'tofu_fried_rice'),
	('20121', 'ricotta_spinach_spaghetti'),
	('20121', 'tofu_tomato_spaghetti'),
	('16426', 'coconut_tofu_curry_rice')
) AS v (ndb, slug)
WHERE t.slug = v.slug AND i.template_id = t.id AND i.ndb = v.ndb;

-- Every dish above has its items and its title.
DO $$
BEGIN
	IF (SELECT count(*) FROM meal_templates WHERE id BETWEEN 617 AND 620) <> 4 OR
	    (SELECT count(*) FROM meal_template_items WHERE template_id BETWEEN 617 AND 620) <> 27 OR
	    (SELECT count(*) FROM meal_template_items WHERE template_id BETWEEN 617 AND 620 AND title) <> 4 THEN
		RAISE EXCEPTION 'sql/033: a dish lacks its items or its title';
	END IF;
END;
$$;
