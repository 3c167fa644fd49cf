-- 004: the planning catalog's data: the curated whole-food ingredients
-- (USDA SR24 NDB numbers) with their role, the diets that allow them, their
-- allergens, pregnancy exclusions and portion bounds, then the meal templates
-- and their items. Grams are as eaten. Diet rules applied to ingredients:
--   vegan          no animal product at all (no honey)
--   vegetarian     no meat, poultry, fish or shellfish
--   keto           at most 10 g net carbs (carbs - fiber) per 100 g, or a
--                  condiment or fat whose largest portion carries <= 3 g
--   paleo          no grains, legumes, dairy, refined sugar, peanuts or seed
--                  oils; white potatoes and peas excluded too
--   mediterranean  everything but red meat, butter and cream, yellow cheeses,
--                  coconut oil and refined starches (white rice, rice noodles,
--                  rice cakes, corn tortillas)
-- Allergens: oats are gluten (SR24 oats are not certified gluten-free), soy
-- sauce is soy and gluten, tamari soy only, sesame oil is sesame, coconut is
-- not a tree nut. Pregnancy: swordfish and king mackerel are high-mercury
-- fish, raw tuna is raw_animal, soft goat cheese may be unpasteurised,
-- chicken livers are liver; every other animal food is a cooked entry.
-- Sodium: no ingredient has more than 800 mg per 100 g except condiments
-- whose largest portion is at most 15 g.
--
-- A template's item bounds lie within its ingredient's bounds; whole-unit
-- items (eggs, slices, whole fruit) have bounds in whole units. Template
-- ids are grouped by slot: 1xx breakfast, 2xx lunch, 3xx dinner, 4xx snack.

INSERT INTO catalog_ingredients (ndb, label, role, diets, allergens,
	pregnancy_exclusion, min_g, max_g, step_g, unit_name) VALUES
	-- protein: meat, poultry, fish, shellfish, eggs, tofu, tempeh
	('05064', 'chicken breast, roasted', 'protein', '{standard,keto,paleo,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('05098', 'chicken thigh, roasted', 'protein', '{standard,keto,paleo,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('05333', 'ground chicken, cooked', 'protein', '{standard,keto,paleo,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('05220', 'turkey breast, roasted', 'protein', '{standard,keto,paleo,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('05663', 'lean ground turkey, cooked', 'protein', '{standard,keto,paleo,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('05028', 'chicken livers, simmered', 'protein', '{standard,keto,paleo}', '{}', 'liver', 40, 250, 10, NULL),
	('13290', 'beef sirloin steak, lean, cooked', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('13070', 'flank steak, broiled', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('23565', 'lean ground beef (90%), cooked', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('13419', 'lean beef roast (eye of round)', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('10061', 'pork tenderloin, roasted', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('10042', 'pork loin chop, broiled', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('17014', 'lamb leg, lean, roasted', 'protein', '{standard,keto,paleo}', '{}', NULL, 40, 400, 10, NULL),
	('15209', 'salmon fillet, baked', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15241', 'rainbow trout, baked', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15016', 'cod fillet, baked', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15262', 'tilapia fillet, baked', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15037', 'halibut, baked', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15092', 'sea bass, baked', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15047', 'Atlantic mackerel, grilled', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 250, 10, NULL),
	('15088', 'sardines in olive oil, drained', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 250, 10, NULL),
	('15184', 'tuna in water, no salt added, drained', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 250, 10, NULL),
	('15221', 'yellowfin tuna steak, seared through', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', NULL, 40, 400, 10, NULL),
	('15127', 'yellowfin tuna, raw (sashimi)', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', 'raw_animal', 40, 250, 10, NULL),
	('15111', 'swordfish steak, grilled', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', 'high_mercury_fish', 40, 400, 10, NULL),
	('15200', 'king mackerel, grilled', 'protein', '{standard,keto,paleo,mediterranean}', '{fish}', 'high_mercury_fish', 40, 400, 10, NULL),
	('15140', 'crab meat, cooked', 'protein', '{standard,keto,paleo,mediterranean}', '{shellfish}', NULL, 40, 250, 10, NULL),
	('15165', 'mussels, steamed', 'protein', '{standard,keto,paleo,mediterranean}', '{shellfish}', NULL, 40, 400, 10, NULL),
	('90240', 'scallops, steamed', 'protein', '{standard,keto,paleo,mediterranean}', '{shellfish}', NULL, 40, 250, 10, NULL),
	('15148', 'lobster meat, cooked', 'protein', '{standard,keto,paleo,mediterranean}', '{shellfish}', NULL, 40, 250, 10, NULL),
	('01129', 'egg, cooked', 'protein', '{standard,vegetarian,keto,paleo,mediterranean}', '{egg}', NULL, 50, 300, 50, 'egg'),
	('16426', 'firm tofu', 'protein', '{standard,vegetarian,vegan,keto,mediterranean}', '{soy}', NULL, 40, 400, 10, NULL),
	('16114', 'tempeh', 'protein', '{standard,vegetarian,vegan,mediterranean}', '{soy}', NULL, 40, 400, 10, NULL),
	-- grain and starch (cooked weights; oats dry)
	('08120', 'rolled oats (dry weight)', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 30, 160, 5, NULL),
	('20037', 'brown rice, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 500, 10, NULL),
	('20045', 'white rice, cooked', 'grain', '{standard,vegetarian,vegan}', '{}', NULL, 40, 500, 10, NULL),
	('20089', 'wild rice, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 500, 10, NULL),
	('20137', 'quinoa, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 500, 10, NULL),
	('20013', 'bulgur, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20029', 'couscous, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20006', 'pearl barley, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20141', 'spelt (farro), cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20032', 'millet, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 500, 10, NULL),
	('20010', 'buckwheat groats, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 500, 10, NULL),
	('20125', 'whole-wheat spaghetti, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20121', 'spaghetti, cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20092', 'corn pasta (gluten-free), cooked', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 500, 10, NULL),
	('20115', 'soba noodles, cooked', 'grain', '{standard,vegetarian,vegan}', '{gluten}', NULL, 40, 500, 10, NULL),
	('20134', 'rice noodles, cooked', 'grain', '{standard,vegetarian,vegan}', '{}', NULL, 40, 500, 10, NULL),
	('18075', 'whole-wheat bread', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 28, 168, 28, 'slice'),
	('18060', 'rye bread', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 32, 192, 32, 'slice'),
	('18042', 'whole-wheat pita', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{gluten}', NULL, 64, 128, 64, 'pita'),
	('18449', 'corn tortilla, no salt added', 'grain', '{standard,vegetarian,vegan}', '{}', NULL, 26, 208, 26, 'tortilla'),
	('19816', 'brown rice cake, unsalted', 'grain', '{standard,vegetarian,vegan}', '{}', NULL, 9, 36, 9, 'cake'),
	('19806', 'popcorn, air-popped', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 15, 50, 5, NULL),
	('11356', 'potato, baked with skin', 'grain', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 80, 500, 10, NULL),
	('11508', 'sweet potato, baked in skin', 'grain', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 80, 500, 10, NULL),
	-- legumes (boiled without salt)
	('16070', 'lentils, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('16057', 'chickpeas, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('16015', 'black beans, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('16033', 'red kidney beans, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('16050', 'white beans, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('16043', 'pinto beans, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('16086', 'split peas, boiled', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 400, 10, NULL),
	('11212', 'edamame, cooked', 'legume', '{standard,vegetarian,vegan,keto,mediterranean}', '{soy}', NULL, 50, 400, 10, NULL),
	('16077', 'lupini beans, boiled', 'legume', '{standard,vegetarian,vegan,keto,mediterranean}', '{}', NULL, 50, 400, 10, NULL),
	('16137', 'hummus', 'legume', '{standard,vegetarian,vegan,mediterranean}', '{sesame}', NULL, 30, 200, 5, NULL),
	-- nuts and seeds (unsalted)
	('12061', 'almonds', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12155', 'walnuts', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12142', 'pecans', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12120', 'hazelnuts', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12131', 'macadamia nuts', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12078', 'brazil nuts', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12147', 'pine nuts', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 5, 40, 5, NULL),
	('12087', 'cashews', 'nut_seed', '{standard,vegetarian,vegan,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12151', 'pistachios', 'nut_seed', '{standard,vegetarian,vegan,paleo,mediterranean}', '{tree_nut}', NULL, 10, 100, 5, NULL),
	('12195', 'almond butter, no salt', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{tree_nut}', NULL, 10, 60, 5, NULL),
	('16390', 'peanuts, dry-roasted, unsalted', 'nut_seed', '{standard,vegetarian,vegan,mediterranean}', '{peanut}', NULL, 10, 100, 5, NULL),
	('16398', 'peanut butter, no salt', 'nut_seed', '{standard,vegetarian,vegan,mediterranean}', '{peanut}', NULL, 10, 60, 5, NULL),
	('12006', 'chia seeds', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 10, 60, 5, NULL),
	('12220', 'ground flaxseed', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 40, 5, NULL),
	('12016', 'pumpkin seeds, roasted, unsalted', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 10, 100, 5, NULL),
	('12037', 'sunflower seeds, unsalted', 'nut_seed', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 10, 100, 5, NULL),
	('12023', 'sesame seeds', 'nut_seed', '{standard,vegetarian,vegan,paleo,mediterranean}', '{sesame}', NULL, 3, 20, 1, NULL),
	('12166', 'tahini', 'nut_seed', '{standard,vegetarian,vegan,paleo,mediterranean}', '{sesame}', NULL, 10, 60, 5, NULL),
	('12108', 'unsweetened coconut flakes', 'nut_seed', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 100, 5, NULL),
	-- dairy and alternatives
	('01082', 'milk, 1%', 'dairy', '{standard,vegetarian,mediterranean}', '{dairy}', NULL, 30, 500, 10, NULL),
	('01116', 'plain whole-milk yogurt', 'dairy', '{standard,vegetarian,keto,mediterranean}', '{dairy}', NULL, 30, 400, 10, NULL),
	('01117', 'plain low-fat yogurt', 'dairy', '{standard,vegetarian,mediterranean}', '{dairy}', NULL, 30, 400, 10, NULL),
	('01012', 'cottage cheese', 'dairy', '{standard,vegetarian,keto,mediterranean}', '{dairy}', NULL, 50, 400, 10, NULL),
	('01036', 'ricotta, whole milk', 'dairy', '{standard,vegetarian,keto,mediterranean}', '{dairy}', NULL, 20, 250, 10, NULL),
	('01028', 'mozzarella, part-skim', 'dairy', '{standard,vegetarian,keto,mediterranean}', '{dairy}', NULL, 20, 100, 5, NULL),
	('01009', 'cheddar', 'dairy', '{standard,vegetarian,keto}', '{dairy}', NULL, 15, 80, 5, NULL),
	('01040', 'Swiss cheese', 'dairy', '{standard,vegetarian,keto}', '{dairy}', NULL, 15, 80, 5, NULL),
	('01159', 'soft goat cheese', 'dairy', '{standard,vegetarian,keto,mediterranean}', '{dairy}', 'unpasteurised_cheese', 15, 80, 5, NULL),
	('01017', 'cream cheese', 'dairy', '{standard,vegetarian,keto}', '{dairy}', NULL, 15, 60, 5, NULL),
	('01053', 'heavy cream', 'dairy', '{standard,vegetarian,keto}', '{dairy}', NULL, 15, 100, 5, NULL),
	('01056', 'sour cream', 'dairy', '{standard,vegetarian,keto}', '{dairy}', NULL, 15, 60, 5, NULL),
	('16222', 'soy milk, unsweetened', 'dairy', '{standard,vegetarian,vegan,keto,mediterranean}', '{soy}', NULL, 30, 500, 10, NULL),
	-- fats
	('04053', 'olive oil', 'fat', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 3, 60, 1, NULL),
	('04581', 'avocado oil', 'fat', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 3, 60, 1, NULL),
	('04047', 'coconut oil', 'fat', '{standard,vegetarian,vegan,keto,paleo}', '{}', NULL, 3, 60, 1, NULL),
	('04582', 'canola oil', 'fat', '{standard,vegetarian,vegan,keto,mediterranean}', '{}', NULL, 3, 60, 1, NULL),
	('04058', 'toasted sesame oil', 'fat', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{sesame}', NULL, 2, 30, 1, NULL),
	('01145', 'butter, unsalted', 'fat', '{standard,vegetarian,keto}', '{dairy}', NULL, 3, 60, 1, NULL),
	('09037', 'avocado', 'fat', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 300, 10, NULL),
	('09193', 'black olives', 'fat', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 10, 60, 5, NULL),
	('12118', 'coconut milk (canned)', 'fat', '{standard,vegetarian,vegan,keto,paleo}', '{}', NULL, 30, 250, 10, NULL),
	-- vegetables (raw for salads, cooked without salt otherwise)
	('11091', 'broccoli, steamed', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 300, 10, NULL),
	('11457', 'baby spinach', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 20, 200, 10, NULL),
	('11458', 'spinach, wilted', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('11233', 'kale', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 200, 10, NULL),
	('11251', 'romaine lettuce', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('11959', 'arugula', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 20, 150, 10, NULL),
	('11253', 'leaf lettuce', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 200, 10, NULL),
	('11529', 'tomatoes', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 40, 300, 10, NULL),
	('11885', 'canned tomatoes, no salt added', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 80, 400, 10, NULL),
	('11205', 'cucumber', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 40, 300, 10, NULL),
	('11821', 'red bell pepper', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 40, 250, 10, NULL),
	('11333', 'green bell pepper', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 40, 250, 10, NULL),
	('11282', 'onion', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 20, 150, 10, NULL),
	('11291', 'spring onions', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 50, 5, NULL),
	('11124', 'carrots', 'vegetable', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('11125', 'carrots, steamed', 'vegetable', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('11477', 'zucchini', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 350, 10, NULL),
	('11135', 'cauliflower (riced or raw)', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 350, 10, NULL),
	('11136', 'cauliflower, roasted', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 350, 10, NULL),
	('11012', 'asparagus, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 300, 10, NULL),
	('11099', 'Brussels sprouts, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 300, 10, NULL),
	('11053', 'green beans, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 300, 10, NULL),
	('11260', 'mushrooms', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('11210', 'eggplant, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 300, 10, NULL),
	('11109', 'cabbage', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('11112', 'red cabbage', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 200, 10, NULL),
	('11143', 'celery', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 20, 150, 10, NULL),
	('11117', 'bok choy, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 300, 10, NULL),
	('11162', 'collard greens, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('11148', 'Swiss chard, cooked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('11957', 'fennel', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 200, 10, NULL),
	('11429', 'radishes', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 20, 150, 10, NULL),
	('11493', 'spaghetti squash, baked', 'vegetable', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 80, 400, 10, NULL),
	('11300', 'snow peas', 'vegetable', '{standard,vegetarian,vegan,keto,mediterranean}', '{}', NULL, 30, 200, 10, NULL),
	('11313', 'green peas, cooked', 'vegetable', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 200, 10, NULL),
	('11179', 'sweet corn, cooked', 'vegetable', '{standard,vegetarian,vegan,mediterranean}', '{}', NULL, 40, 200, 10, NULL),
	('11486', 'butternut squash, roasted', 'vegetable', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 80, 350, 10, NULL),
	('11081', 'beets, cooked', 'vegetable', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	-- fruit (raw or dried)
	('09040', 'banana', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 118, 236, 118, 'banana'),
	('09003', 'apple', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 182, 364, 182, 'apple'),
	('09200', 'orange', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 131, 262, 131, 'orange'),
	('09252', 'pear', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 178, 356, 178, 'pear'),
	('09148', 'kiwi', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 69, 207, 69, 'kiwi'),
	('09236', 'peach', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 150, 300, 150, 'peach'),
	('09050', 'blueberries', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('09316', 'strawberries', 'fruit', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 300, 10, NULL),
	('09302', 'raspberries', 'fruit', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('09042', 'blackberries', 'fruit', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 30, 250, 10, NULL),
	('09176', 'mango', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('09266', 'pineapple', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('09132', 'grapes', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('09070', 'cherries', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 50, 250, 10, NULL),
	('09286', 'pomegranate seeds', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 20, 150, 10, NULL),
	('09181', 'cantaloupe', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 80, 350, 10, NULL),
	('09421', 'medjool dates', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 24, 96, 24, 'date'),
	('09298', 'raisins', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 10, 60, 5, NULL),
	('09032', 'dried apricots', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 15, 80, 5, NULL),
	('09094', 'dried figs', 'fruit', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 20, 100, 10, NULL),
	-- condiments, herbs and spices (small bounds)
	('09152', 'lemon juice', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 40, 5, NULL),
	('09160', 'lime juice', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 40, 5, NULL),
	('11215', 'garlic', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 3, 9, 1, NULL),
	('11216', 'fresh ginger', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 3, 15, 1, NULL),
	('02044', 'fresh basil', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 2, 20, 1, NULL),
	('11297', 'fresh parsley', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 3, 30, 1, NULL),
	('11165', 'fresh cilantro', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 2, 20, 1, NULL),
	('02045', 'fresh dill', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 10, 1, NULL),
	('02065', 'fresh mint', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 10, 1, NULL),
	('02010', 'ground cinnamon', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 5, 1, NULL),
	('02014', 'ground cumin', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 6, 1, NULL),
	('02028', 'paprika', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 6, 1, NULL),
	('02043', 'ground turmeric', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 5, 1, NULL),
	('02015', 'curry powder', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 8, 1, NULL),
	('02027', 'dried oregano', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 4, 1, NULL),
	('02030', 'black pepper', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 3, 1, NULL),
	('02009', 'chili powder', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 1, 5, 1, NULL),
	('11546', 'tomato paste, no salt added', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 10, 20, 5, NULL),
	('02069', 'balsamic vinegar', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 15, 5, NULL),
	('02068', 'red wine vinegar', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 20, 5, NULL),
	('02048', 'cider vinegar', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 20, 5, NULL),
	('02046', 'mustard', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 5, 15, 5, NULL),
	('16424', 'reduced-sodium soy sauce', 'condiment', '{standard,vegetarian,vegan,keto,mediterranean}', '{soy,gluten}', NULL, 3, 10, 1, NULL),
	('16124', 'tamari (wheat-free soy sauce)', 'condiment', '{standard,vegetarian,vegan,keto,mediterranean}', '{soy}', NULL, 2, 8, 1, NULL),
	('06164', 'tomato salsa', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 20, 80, 10, NULL),
	('19296', 'honey', 'condiment', '{standard,vegetarian,paleo,mediterranean}', '{}', NULL, 5, 25, 5, NULL),
	('19353', 'maple syrup', 'condiment', '{standard,vegetarian,vegan,paleo,mediterranean}', '{}', NULL, 5, 25, 5, NULL),
	('19165', 'cocoa powder, unsweetened', 'condiment', '{standard,vegetarian,vegan,keto,paleo,mediterranean}', '{}', NULL, 3, 10, 1, NULL),
	('01032', 'parmesan, grated', 'condiment', '{standard,vegetarian,keto,mediterranean}', '{dairy}', NULL, 5, 15, 5, NULL);

INSERT INTO meal_templates (id, slug, name, slot, cuisine) VALUES
	-- breakfast
	(101, 'oats_berries_walnuts', 'Overnight oats with blueberries and walnuts', 'breakfast', 'american'),
	(102, 'oats_soy_banana_pb', 'Peanut butter banana oatmeal', 'breakfast', 'american'),
	(103, 'oats_apple_cinnamon', 'Apple cinnamon porridge with almonds', 'breakfast', 'american'),
	(104, 'oats_raspberry_chia', 'Raspberry chia oats', 'breakfast', 'american'),
	(105, 'oats_pear_hazelnut', 'Pear and hazelnut porridge', 'breakfast', 'european'),
	(106, 'oats_savory_egg', 'Savory oats with spinach and a boiled egg', 'breakfast', 'fusion'),
	(107, 'yogurt_berry_parfait', 'Yogurt parfait with mixed berries and almonds', 'breakfast', 'american'),
	(108, 'yogurt_oats_figs', 'Yogurt with oats, figs and pistachios', 'breakfast', 'mediterranean'),
	(109, 'yogurt_keto_walnut', 'Whole-milk yogurt with raspberries, walnuts and chia', 'breakfast', 'american'),
	(110, 'yogurt_mango_coconut', 'Yogurt with mango, coconut and pumpkin seeds', 'breakfast', 'tropical'),
	(111, 'cottage_pineapple', 'Cottage cheese with pineapple and flaxseed', 'breakfast', 'american'),
	(112, 'cottage_keto_berries', 'Cottage cheese with strawberries and pecans', 'breakfast', 'american'),
	(113, 'eggs_avocado_toast', 'Avocado toast with boiled eggs and tomato', 'breakfast', 'american'),
	(114, 'eggs_spinach_rye', 'Scrambled eggs with spinach on rye', 'breakfast', 'european'),
	(115, 'shakshuka', 'Shakshuka with whole-wheat pita', 'breakfast', 'middle_eastern'),
	(116, 'veggie_omelet_toast', 'Mushroom and pepper omelet with toast', 'breakfast', 'american'),
	(117, 'keto_eggs_avocado', 'Eggs with avocado, spinach and butter', 'breakfast', 'american'),
	(118, 'keto_cheese_omelet', 'Cheddar and mushroom omelet', 'breakfast', 'american'),
	(119, 'keto_salmon_eggs', 'Scrambled eggs with salmon and dill', 'breakfast', 'nordic'),
	(120, 'paleo_sweet_potato_hash', 'Sweet potato hash with eggs', 'breakfast', 'american'),
	(121, 'paleo_banana_pancakes', 'Banana and almond-butter pancakes with berries', 'breakfast', 'american'),
	(122, 'paleo_turkey_hash', 'Turkey, sweet potato and kale breakfast hash', 'breakfast', 'american'),
	(123, 'paleo_fruit_nut_bowl', 'Fruit and nut bowl with coconut', 'breakfast', 'american'),
	(124, 'chia_coconut_berries', 'Coconut chia pudding with berries', 'breakfast', 'tropical'),
	(125, 'chia_soy_mango', 'Mango chia pudding', 'breakfast', 'tropical'),
	(126, 'tofu_scramble_toast', 'Tofu scramble with spinach and toast', 'breakfast', 'american'),
	(127, 'tofu_scramble_keto', 'Tofu scramble with avocado and mushrooms', 'breakfast', 'american'),
	(128, 'tofu_scramble_potato', 'Tofu and potato breakfast skillet', 'breakfast', 'american'),
	(129, 'smoothie_banana_pb', 'Banana peanut butter smoothie', 'breakfast', 'american'),
	(130, 'smoothie_berry_yogurt', 'Berry yogurt smoothie with flax', 'breakfast', 'american'),
	(131, 'smoothie_green_vegan', 'Green smoothie with kiwi, spinach and chia', 'breakfast', 'american'),
	(132, 'buckwheat_porridge', 'Buckwheat porridge with pear and pecans', 'breakfast', 'european'),
	(133, 'quinoa_porridge', 'Quinoa breakfast bowl with apple and almond butter', 'breakfast', 'american'),
	(134, 'millet_porridge', 'Millet porridge with dates and walnuts', 'breakfast', 'middle_eastern'),
	(135, 'breakfast_burrito', 'Black bean and egg breakfast tacos', 'breakfast', 'mexican'),
	(136, 'bean_tacos_vegan', 'Black bean, avocado and salsa breakfast tacos', 'breakfast', 'mexican'),
	(137, 'pb_banana_toast', 'Peanut butter and banana toast', 'breakfast', 'american'),
	(138, 'ricotta_toast_figs', 'Ricotta toast with figs and honey', 'breakfast', 'mediterranean'),
	(139, 'hummus_toast_egg', 'Hummus toast with egg and cucumber', 'breakfast', 'middle_eastern'),
	(140, 'mediterranean_plate', 'Mediterranean breakfast plate', 'breakfast', 'mediterranean'),
	(141, 'tempeh_hash', 'Tempeh and kale breakfast skillet', 'breakfast', 'american'),
	(142, 'coconut_berry_bowl', 'Coconut berry bowl with macadamias', 'breakfast', 'tropical'),
	(143, 'chicken_apple_patties', 'Chicken and apple breakfast patties with sweet potato', 'breakfast', 'american'),
	(144, 'turkey_veg_skillet', 'Turkey and vegetable skillet with an orange', 'breakfast', 'american'),
	(145, 'salmon_sweet_potato_bowl', 'Salmon, avocado and sweet potato breakfast bowl', 'breakfast', 'american'),
	(146, 'coconut_berry_smoothie', 'Berry coconut smoothie with chia', 'breakfast', 'tropical'),
	(147, 'steak_and_eggs', 'Steak and eggs with wilted spinach', 'breakfast', 'american'),
	(148, 'chicken_avocado_breakfast', 'Chicken, avocado and tomato breakfast plate', 'breakfast', 'american'),
	(149, 'pb_oatmeal_berries', 'Peanut butter oatmeal with strawberries', 'breakfast', 'american'),
	(150, 'buckwheat_coconut_mango', 'Buckwheat porridge with coconut milk and mango', 'breakfast', 'tropical'),
	(151, 'white_bean_avocado_toast', 'Avocado toast with white beans and tomato', 'breakfast', 'mediterranean'),
	(152, 'almond_flax_porridge', 'Almond-flax porridge with coconut milk and blackberries', 'breakfast', 'american'),
	(153, 'tofu_scramble_tomato_keto', 'Tofu scramble with spinach, tomato and pumpkin seeds', 'breakfast', 'american'),
	-- lunch
	(201, 'chicken_quinoa_salad', 'Chicken quinoa salad with lemon vinaigrette', 'lunch', 'mediterranean'),
	(202, 'chicken_caesar_lite', 'Chicken and romaine salad with parmesan', 'lunch', 'italian'),
	(203, 'chicken_wrap_pita', 'Chicken, hummus and vegetable pita', 'lunch', 'middle_eastern'),
	(204, 'chicken_avocado_salad', 'Chicken, avocado and greens salad', 'lunch', 'american'),
	(205, 'chicken_sweet_potato_bowl', 'Chicken, sweet potato and kale bowl', 'lunch', 'american'),
	(206, 'chicken_rice_bowl', 'Teriyaki-style chicken rice bowl', 'lunch', 'japanese'),
	(207, 'chicken_lentil_soup', 'Chicken and lentil soup with carrots', 'lunch', 'european'),
	(208, 'turkey_rye_sandwich', 'Turkey, Swiss and vegetable rye sandwich', 'lunch', 'american'),
	(209, 'turkey_lettuce_wraps', 'Turkey lettuce wraps with avocado', 'lunch', 'american'),
	(210, 'turkey_chili_bowl', 'Turkey and bean chili bowl', 'lunch', 'american'),
	(211, 'tuna_white_bean_salad', 'Tuna and white bean salad', 'lunch', 'italian'),
	(212, 'tuna_avocado_salad', 'Tuna, avocado and cucumber salad', 'lunch', 'american'),
	(213, 'tuna_nicoise', 'Tuna nicoise salad', 'lunch', 'french'),
	(214, 'salmon_grain_bowl', 'Salmon, farro and greens bowl', 'lunch', 'mediterranean'),
	(215, 'salmon_salad_keto', 'Salmon salad with avocado and olive oil', 'lunch', 'american'),
	(216, 'sardine_toast_salad', 'Sardines on rye with tomato salad', 'lunch', 'nordic'),
	(217, 'crab_avocado_salad', 'Crab and avocado salad', 'lunch', 'american'),
	(218, 'egg_salad_lettuce', 'Egg salad lettuce cups with avocado', 'lunch', 'american'),
	(219, 'egg_salad_sandwich', 'Egg and spinach salad sandwich', 'lunch', 'american'),
	(220, 'lentil_soup_vegan', 'Red lentil and vegetable soup with bread', 'lunch', 'middle_eastern'),
	(221, 'split_pea_soup', 'Split pea soup with rye bread', 'lunch', 'european'),
	(222, 'minestrone_beans', 'Minestrone with white beans and pasta', 'lunch', 'italian'),
	(223, 'falafel_style_bowl', 'Chickpea, bulgur and tahini bowl', 'lunch', 'middle_eastern'),
	(224, 'chickpea_salad_quinoa', 'Chickpea, quinoa and roasted pepper salad', 'lunch', 'mediterranean'),
	(225, 'black_bean_bowl', 'Black bean and brown rice burrito bowl', 'lunch', 'mexican'),
	(226, 'hummus_veggie_pita', 'Hummus, chickpea and vegetable pita', 'lunch', 'middle_eastern'),
	(227, 'tofu_noodle_salad', 'Sesame tofu soba noodle salad', 'lunch', 'japanese'),
	(228, 'tofu_rice_bowl', 'Crispy tofu and brown rice bowl with edamame', 'lunch', 'japanese'),
	(229, 'peanut_tofu_bowl', 'Peanut tofu and rice noodle bowl', 'lunch', 'thai'),
	(230, 'tempeh_grain_bowl', 'Tempeh, millet and roasted vegetable bowl', 'lunch', 'fusion'),
	(231, 'tempeh_avocado_salad', 'Tempeh, avocado and greens salad', 'lunch', 'fusion'),
	(232, 'tofu_salad_keto', 'Tofu, kale and walnut salad', 'lunch', 'fusion'),
	(233, 'lupini_salad_keto', 'Lupini bean, olive and roasted pepper salad', 'lunch', 'mediterranean'),
	(234, 'edamame_salad', 'Edamame and rice noodle salad with sesame', 'lunch', 'japanese'),
	(235, 'caprese_quinoa', 'Caprese quinoa salad', 'lunch', 'italian'),
	(236, 'greek_salad_pita', 'Greek salad with chickpeas and pita', 'lunch', 'greek'),
	(237, 'cottage_veg_bowl', 'Cottage cheese vegetable bowl with rye bread', 'lunch', 'nordic'),
	(238, 'cheese_omelet_salad', 'Goat-cheese omelet with green salad', 'lunch', 'french'),
	(239, 'veggie_frittata_keto', 'Spinach and cheddar frittata with salad', 'lunch', 'italian'),
	(240, 'beef_taco_salad', 'Beef taco salad with beans', 'lunch', 'mexican'),
	(241, 'steak_salad_keto', 'Steak salad with arugula and avocado', 'lunch', 'american'),
	(242, 'pork_cabbage_bowl', 'Pork and cabbage stir-fry bowl', 'lunch', 'asian'),
	(243, 'chicken_zoodle_soup', 'Chicken and zucchini noodle soup', 'lunch', 'american'),
	(244, 'mackerel_potato_salad', 'Mackerel, potato and green bean salad', 'lunch', 'nordic'),
	(245, 'turkey_quinoa_stuffed_peppers', 'Turkey and quinoa stuffed peppers', 'lunch', 'american'),
	(246, 'chicken_paleo_salad', 'Chicken, apple and walnut salad', 'lunch', 'american'),
	(247, 'mussel_potato_salad', 'Mussel and potato salad with parsley', 'lunch', 'french'),
	(248, 'lentil_tabbouleh', 'Lentil tabbouleh', 'lunch', 'middle_eastern'),
	(249, 'white_bean_kale_soup', 'Tuscan white bean and kale soup', 'lunch', 'italian'),
	(250, 'sweet_potato_bean_bowl', 'Sweet potato and black bean bowl with lime', 'lunch', 'mexican'),
	(251, 'buckwheat_salad', 'Buckwheat, roasted beet and walnut salad', 'lunch', 'european'),
	(252, 'chicken_soba_broth', 'Chicken and soba noodle broth with bok choy', 'lunch', 'japanese'),
	(253, 'edamame_avocado_salad', 'Edamame, avocado and cucumber salad with pumpkin seeds', 'lunch', 'fusion'),
	(254, 'tofu_lettuce_wraps', 'Tofu and mushroom lettuce wraps', 'lunch', 'asian'),
	(255, 'beef_veg_soup_paleo', 'Beef and sweet potato vegetable soup', 'lunch', 'american'),
	(256, 'salmon_mango_salad', 'Salmon, mango and avocado salad', 'lunch', 'tropical'),
	(257, 'tofu_avocado_bowl_keto', 'Tofu and avocado bowl with cucumber and pumpkin seeds', 'lunch', 'fusion'),
	(258, 'chicken_pomegranate_quinoa', 'Chicken, quinoa and pomegranate salad with pistachios', 'lunch', 'middle_eastern'),
	-- dinner
	(301, 'salmon_quinoa_asparagus', 'Lemon herb salmon with quinoa and asparagus', 'dinner', 'mediterranean'),
	(302, 'salmon_asparagus_keto', 'Garlic salmon with asparagus and olive oil', 'dinner', 'mediterranean'),
	(303, 'salmon_sweet_potato', 'Roasted salmon with sweet potato and broccoli', 'dinner', 'american'),
	(304, 'salmon_teriyaki_rice', 'Ginger soy salmon with brown rice and bok choy', 'dinner', 'japanese'),
	(305, 'cod_tomato_olives', 'Cod baked with tomatoes, olives and spinach', 'dinner', 'mediterranean'),
	(306, 'cod_potatoes_greenbeans', 'Baked cod with potatoes and green beans', 'dinner', 'european'),
	(307, 'cod_couscous', 'Moroccan-spiced cod with couscous and carrots', 'dinner', 'moroccan'),
	(308, 'tilapia_tacos', 'Tilapia tacos with cabbage slaw', 'dinner', 'mexican'),
	(309, 'tilapia_cauli_keto', 'Tilapia with cauliflower mash and butter', 'dinner', 'american'),
	(310, 'halibut_wild_rice', 'Halibut with wild rice and roasted fennel', 'dinner', 'french'),
	(311, 'sea_bass_ratatouille', 'Sea bass with ratatouille', 'dinner', 'french'),
	(312, 'trout_barley_greens', 'Rainbow trout with barley and chard', 'dinner', 'european'),
	(313, 'trout_almond_beans', 'Trout amandine with green beans', 'dinner', 'french'),
	(314, 'mackerel_fennel_keto', 'Grilled mackerel with fennel and arugula salad', 'dinner', 'mediterranean'),
	(315, 'tuna_steak_sesame', 'Seared tuna with sesame greens and rice noodles', 'dinner', 'japanese'),
	(316, 'tuna_poke_bowl', 'Tuna poke bowl with rice and edamame', 'dinner', 'hawaiian'),
	(317, 'swordfish_salsa', 'Grilled swordfish with mango salsa and rice', 'dinner', 'caribbean'),
	(318, 'crab_cakes_salad', 'Crab and quinoa cakes with green salad', 'dinner', 'american'),
	(319, 'mussels_tomato_pasta', 'Mussels in tomato and garlic with spaghetti', 'dinner', 'italian'),
	(320, 'scallops_cauli_keto', 'Seared scallops with cauliflower puree and spinach', 'dinner', 'french'),
	(321, 'lobster_corn_potato', 'Lobster with corn and new potatoes', 'dinner', 'american'),
	(322, 'chicken_brown_rice_broccoli', 'Garlic chicken with brown rice and broccoli', 'dinner', 'american'),
	(323, 'chicken_thigh_keto_broccoli', 'Roast chicken thighs with broccoli and olive oil', 'dinner', 'american'),
	(324, 'chicken_curry_cauli_keto', 'Chicken coconut curry with cauliflower rice', 'dinner', 'indian'),
	(325, 'chicken_curry_rice', 'Chicken and chickpea curry with basmati-style rice', 'dinner', 'indian'),
	(326, 'chicken_souvlaki_bulgur', 'Chicken souvlaki with bulgur and cucumber yogurt', 'dinner', 'greek'),
	(327, 'chicken_sweet_potato_paleo', 'Paprika chicken with sweet potato and Brussels sprouts', 'dinner', 'american'),
	(328, 'chicken_fajitas', 'Chicken fajitas with peppers and corn tortillas', 'dinner', 'mexican'),
	(329, 'chicken_pesto_pasta', 'Chicken pesto whole-wheat pasta with tomatoes', 'dinner', 'italian'),
	(330, 'chicken_stirfry_cashew', 'Chicken and cashew stir-fry with rice', 'dinner', 'chinese'),
	(331, 'chicken_lemon_potatoes', 'Lemon chicken with potatoes and zucchini', 'dinner', 'greek'),
	(332, 'chicken_mushroom_cream_keto', 'Chicken with creamy mushroom sauce and green beans', 'dinner', 'french'),
	(333, 'chicken_liver_onions', 'Chicken livers with onions and mashed sweet potato', 'dinner', 'european'),
	(334, 'turkey_meatballs_zoodles', 'Turkey meatballs with zucchini noodles and tomato sauce', 'dinner', 'italian'),
	(335, 'turkey_spaghetti_bolognese', 'Turkey bolognese with whole-wheat spaghetti', 'dinner', 'italian'),
	(336, 'turkey_stuffed_squash', 'Turkey-stuffed butternut squash with kale', 'dinner', 'american'),
	(337, 'beef_broccoli_keto', 'Beef and broccoli stir-fry', 'dinner', 'chinese'),
	(338, 'beef_stirfry_rice', 'Beef and snow pea stir-fry with rice', 'dinner', 'chinese'),
	(339, 'steak_potato_asparagus', 'Sirloin steak with baked potato and asparagus', 'dinner', 'american'),
	(340, 'steak_butter_greenbeans_keto', 'Garlic butter steak with green beans', 'dinner', 'american'),
	(341, 'beef_chili_beans', 'Beef and bean chili with brown rice', 'dinner', 'tex_mex'),
	(342, 'beef_burger_bowl_paleo', 'Burger bowl with sweet potato wedges', 'dinner', 'american'),
	(343, 'beef_roast_vegetables', 'Roast beef with root vegetables', 'dinner', 'british'),
	(344, 'pork_apple_sweet_potato', 'Pork tenderloin with apples and sweet potato', 'dinner', 'american'),
	(345, 'pork_chop_cabbage_keto', 'Pork chops with braised cabbage and mustard', 'dinner', 'german'),
	(346, 'pork_fried_rice', 'Pork, egg and vegetable fried rice', 'dinner', 'chinese'),
	(347, 'lamb_mint_couscous', 'Lamb with minted couscous and roasted vegetables', 'dinner', 'moroccan'),
	(348, 'lamb_eggplant_keto', 'Lamb with roasted eggplant and yogurt', 'dinner', 'middle_eastern'),
	(349, 'lentil_dal_rice', 'Red lentil dal with brown rice and spinach', 'dinner', 'indian'),
	(350, 'chickpea_spinach_stew', 'Chickpea and spinach stew with quinoa', 'dinner', 'mediterranean'),
	(351, 'black_bean_tacos', 'Black bean and sweet potato tacos', 'dinner', 'mexican'),
	(352, 'lentil_bolognese', 'Lentil bolognese with whole-wheat spaghetti', 'dinner', 'italian'),
	(353, 'bean_chili_vegan', 'Three-bean chili with millet', 'dinner', 'tex_mex'),
	(354, 'buddha_bowl_tahini', 'Chickpea Buddha bowl with tahini', 'dinner', 'middle_eastern'),
	(355, 'white_bean_pasta', 'White bean, kale and garlic pasta', 'dinner', 'italian'),
	(356, 'stuffed_peppers_lentil', 'Lentil and rice stuffed peppers', 'dinner', 'mediterranean'),
	(357, 'tofu_broccoli_rice', 'Tofu and broccoli stir-fry with brown rice', 'dinner', 'chinese'),
	(358, 'tofu_peanut_noodles', 'Peanut tofu with rice noodles and vegetables', 'dinner', 'thai'),
	(359, 'tofu_green_curry_keto', 'Tofu coconut curry with zucchini and spinach', 'dinner', 'thai'),
	(360, 'tofu_bokchoy_keto', 'Sesame tofu with bok choy and mushrooms', 'dinner', 'chinese'),
	(361, 'tempeh_walnut_kale', 'Tempeh with kale, walnuts and avocado', 'dinner', 'fusion'),
	(362, 'tofu_zoodle_pesto_keto', 'Zucchini noodles with walnut pesto and tofu', 'dinner', 'italian'),
	(363, 'tofu_cauli_rice_keto', 'Tofu stir-fry with cauliflower rice', 'dinner', 'asian'),
	(364, 'lupini_ratatouille_keto', 'Lupini beans with ratatouille and olives', 'dinner', 'french'),
	(365, 'edamame_mushroom_keto', 'Edamame, mushroom and spinach stir-fry with almonds', 'dinner', 'asian'),
	(366, 'tempeh_sweet_potato', 'Tempeh with sweet potato and green beans', 'dinner', 'american'),
	(367, 'egg_vegetable_frittata', 'Vegetable frittata with potatoes and salad', 'dinner', 'italian'),
	(368, 'cauliflower_cheese_keto', 'Cauliflower cheese bake with eggs and spinach', 'dinner', 'british'),
	(369, 'mushroom_goat_frittata_keto', 'Mushroom, spinach and goat cheese frittata', 'dinner', 'french'),
	(370, 'eggplant_ricotta_bake', 'Eggplant and ricotta bake with white beans', 'dinner', 'italian'),
	(371, 'spaghetti_squash_ricotta_keto', 'Spaghetti squash with ricotta, spinach and parmesan', 'dinner', 'italian'),
	(372, 'barley_mushroom_risotto', 'Barley and mushroom risotto with peas', 'dinner', 'italian'),
	(373, 'lupini_coconut_curry_keto', 'Lupini bean coconut curry with cauliflower rice', 'dinner', 'indian'),
	(374, 'walnut_mushroom_tacos_keto', 'Walnut and mushroom lettuce tacos with avocado', 'dinner', 'mexican'),
	(375, 'chicken_butternut_kale', 'Chicken thighs with roasted butternut squash and kale', 'dinner', 'american'),
	(376, 'steak_chimichurri_sweet_potato', 'Flank steak with chimichurri and sweet potato', 'dinner', 'argentinian'),
	(377, 'pork_roots_arugula', 'Pork tenderloin with roasted carrots, beets and arugula', 'dinner', 'european'),
	(378, 'turkey_burger_portobello', 'Turkey burgers with mushrooms and sweet potato wedges', 'dinner', 'american'),
	(379, 'lamb_kofta_cauli_tabbouleh', 'Lamb kofta with cauliflower tabbouleh', 'dinner', 'middle_eastern'),
	(380, 'coconut_chicken_sweet_potato', 'Coconut chicken curry with sweet potato and spinach', 'dinner', 'thai'),
	(381, 'king_mackerel_tomato_rice', 'Grilled king mackerel with tomato-pepper sauce and brown rice', 'dinner', 'caribbean'),
	(382, 'chicken_meatballs_corn_pasta', 'Chicken meatballs with corn pasta and tomato sauce', 'dinner', 'italian'),
	(383, 'peanut_chicken_collards', 'Peanut chicken with collard greens and brown rice', 'dinner', 'west_african'),
	-- snack
	(401, 'apple_almond_butter', 'Apple slices with almond butter', 'snack', 'american'),
	(402, 'banana_peanut_butter', 'Banana with peanut butter', 'snack', 'american'),
	(403, 'yogurt_berries_snack', 'Yogurt with blueberries and flax', 'snack', 'american'),
	(404, 'cottage_pineapple_snack', 'Cottage cheese with pineapple', 'snack', 'american'),
	(405, 'hummus_carrots', 'Hummus with carrot and cucumber sticks', 'snack', 'middle_eastern'),
	(406, 'hummus_pita_snack', 'Hummus with whole-wheat pita', 'snack', 'middle_eastern'),
	(407, 'rice_cakes_avocado', 'Rice cakes with avocado and tomato', 'snack', 'american'),
	(408, 'rice_cakes_pb', 'Rice cakes with peanut butter and banana', 'snack', 'american'),
	(409, 'trail_mix', 'Trail mix with almonds, pumpkin seeds and raisins', 'snack', 'american'),
	(410, 'dates_walnuts', 'Medjool dates with walnuts', 'snack', 'middle_eastern'),
	(411, 'edamame_snack', 'Steamed edamame with lime', 'snack', 'japanese'),
	(412, 'boiled_eggs_tomatoes', 'Boiled eggs with cherry tomatoes', 'snack', 'american'),
	(413, 'cheese_apple', 'Cheddar with apple', 'snack', 'american'),
	(414, 'popcorn_almonds', 'Air-popped popcorn with almonds', 'snack', 'american'),
	(415, 'pear_goat_cheese', 'Pear with goat cheese and walnuts', 'snack', 'french'),
	(416, 'kiwi_pistachios', 'Kiwi with pistachios', 'snack', 'american'),
	(417, 'orange_walnuts', 'Orange with walnuts', 'snack', 'american'),
	(418, 'energy_bites', 'Cocoa date energy bites', 'snack', 'american'),
	(419, 'smoothie_snack_soy', 'Berry soy smoothie', 'snack', 'american'),
	(420, 'chia_pudding_snack', 'Chia pudding with raspberries', 'snack', 'american'),
	(421, 'roasted_chickpeas', 'Roasted chickpeas with paprika', 'snack', 'mediterranean'),
	(422, 'olives_cheese_keto', 'Olives with mozzarella and tomato', 'snack', 'italian'),
	(423, 'almonds_olives_keto', 'Almonds and olives', 'snack', 'mediterranean'),
	(424, 'celery_almond_butter_keto', 'Celery with almond butter', 'snack', 'american'),
	(425, 'eggs_avocado_keto', 'Boiled egg with avocado', 'snack', 'american'),
	(426, 'avocado_pumpkin_seeds', 'Avocado with pumpkin seeds and lime', 'snack', 'mexican'),
	(427, 'pecans_coconut_keto', 'Pecans with coconut and raspberries', 'snack', 'american'),
	(428, 'cucumber_cream_cheese', 'Cucumber rounds with cream cheese and dill', 'snack', 'nordic'),
	(429, 'berries_cream_keto', 'Strawberries with whipped cream and almonds', 'snack', 'american'),
	(430, 'macadamia_berries', 'Macadamias with blackberries', 'snack', 'american'),
	(431, 'tuna_cucumber_bites', 'Tuna cucumber bites', 'snack', 'american'),
	(432, 'turkey_roll_ups', 'Turkey and avocado roll-ups with romaine', 'snack', 'american'),
	(433, 'yogurt_walnut_keto', 'Whole-milk yogurt with walnuts and cinnamon', 'snack', 'american'),
	(434, 'mango_cashews', 'Mango with cashews', 'snack', 'tropical'),
	(435, 'grapes_cheese', 'Grapes with Swiss cheese', 'snack', 'european'),
	(436, 'figs_ricotta', 'Figs with ricotta and honey', 'snack', 'italian'),
	(437, 'sunflower_cherries', 'Cherries with sunflower seeds', 'snack', 'american'),
	(438, 'tofu_bites_keto', 'Tamari tofu bites with pumpkin seeds', 'snack', 'asian'),
	(439, 'lupini_olives', 'Lupini beans with olives and lemon', 'snack', 'mediterranean'),
	(440, 'peach_yogurt', 'Peach with low-fat yogurt and almonds', 'snack', 'american'),
	(441, 'brazil_apricots', 'Brazil nuts with dried apricots', 'snack', 'american'),
	(442, 'cantaloupe_cottage', 'Cantaloupe with cottage cheese and pumpkin seeds', 'snack', 'american');

-- One row per item: template slug, NDB, default, min and max grams.
INSERT INTO meal_template_items (template_id, ndb, default_g, min_g, max_g)
SELECT t.id, v.ndb, v.default_g, v.min_g, v.max_g
FROM (VALUES
	-- Overnight oats with blueberries and walnuts
	('oats_berries_walnuts', '08120', 50, 30, 150),	-- rolled oats (dry weight)
	('oats_berries_walnuts', '01082', 200, 80, 500),	-- milk, 1%
	('oats_berries_walnuts', '09050', 100, 40, 200),	-- blueberries
	('oats_berries_walnuts', '12155', 15, 10, 45),	-- walnuts
	('oats_berries_walnuts', '02010', 1, 1, 1),	-- ground cinnamon
	-- Peanut butter banana oatmeal
	('oats_soy_banana_pb', '08120', 50, 30, 150),	-- rolled oats (dry weight)
	('oats_soy_banana_pb', '16222', 200, 80, 500),	-- soy milk, unsweetened
	('oats_soy_banana_pb', '09040', 118, 118, 236),	-- banana
	('oats_soy_banana_pb', '16398', 15, 10, 45),	-- peanut butter, no salt
	-- Apple cinnamon porridge with almonds
	('oats_apple_cinnamon', '08120', 50, 30, 150),	-- rolled oats (dry weight)
	('oats_apple_cinnamon', '16222', 200, 80, 500),	-- soy milk, unsweetened
	('oats_apple_cinnamon', '09003', 182, 182, 364),	-- apple
	('oats_apple_cinnamon', '12061', 15, 10, 45),	-- almonds
	('oats_apple_cinnamon', '02010', 2, 1, 3),	-- ground cinnamon
	-- Raspberry chia oats
	('oats_raspberry_chia', '08120', 45, 30, 135),	-- rolled oats (dry weight)
	('oats_raspberry_chia', '16222', 200, 80, 500),	-- soy milk, unsweetened
	('oats_raspberry_chia', '09302', 100, 40, 200),	-- raspberries
	('oats_raspberry_chia', '12006', 10, 10, 30),	-- chia seeds
	('oats_raspberry_chia', '19353', 5, 5, 5),	-- maple syrup
	-- Pear and hazelnut porridge
	('oats_pear_hazelnut', '08120', 50, 30, 150),	-- rolled oats (dry weight)
	('oats_pear_hazelnut', '01082', 200, 80, 500),	-- milk, 1%
	('oats_pear_hazelnut', '09252', 178, 178, 356),	-- pear
	('oats_pear_hazelnut', '12120', 15, 10, 45),	-- hazelnuts
	-- Savory oats with spinach and a boiled egg
	('oats_savory_egg', '08120', 45, 30, 135),	-- rolled oats (dry weight)
	('oats_savory_egg', '01129', 50, 50, 150),	-- egg, cooked
	('oats_savory_egg', '11457', 50, 20, 100),	-- baby spinach
	('oats_savory_egg', '04053', 5, 3, 60),	-- olive oil
	('oats_savory_egg', '02030', 1, 1, 1),	-- black pepper
	-- Yogurt parfait with mixed berries and almonds
	('yogurt_berry_parfait', '01116', 200, 80, 400),	-- plain whole-milk yogurt
	('yogurt_berry_parfait', '09316', 100, 40, 200),	-- strawberries
	('yogurt_berry_parfait', '09050', 50, 30, 100),	-- blueberries
	('yogurt_berry_parfait', '12061', 15, 10, 45),	-- almonds
	('yogurt_berry_parfait', '19296', 5, 5, 5),	-- honey
	-- Yogurt with oats, figs and pistachios
	('yogurt_oats_figs', '01117', 200, 80, 400),	-- plain low-fat yogurt
	('yogurt_oats_figs', '08120', 30, 30, 90),	-- rolled oats (dry weight)
	('yogurt_oats_figs', '09094', 30, 20, 60),	-- dried figs
	('yogurt_oats_figs', '12151', 15, 10, 45),	-- pistachios
	-- Whole-milk yogurt with raspberries, walnuts and chia
	('yogurt_keto_walnut', '01116', 120, 40, 360),	-- plain whole-milk yogurt
	('yogurt_keto_walnut', '09302', 40, 30, 80),	-- raspberries
	('yogurt_keto_walnut', '12155', 25, 10, 75),	-- walnuts
	('yogurt_keto_walnut', '12006', 10, 10, 30),	-- chia seeds
	-- Yogurt with mango, coconut and pumpkin seeds
	('yogurt_mango_coconut', '01117', 200, 80, 400),	-- plain low-fat yogurt
	('yogurt_mango_coconut', '09176', 120, 50, 240),	-- mango
	('yogurt_mango_coconut', '12108', 10, 5, 30),	-- unsweetened coconut flakes
	('yogurt_mango_coconut', '12016', 15, 10, 45),	-- pumpkin seeds, roasted, unsalted
	-- Cottage cheese with pineapple and flaxseed
	('cottage_pineapple', '01012', 200, 80, 400),	-- cottage cheese
	('cottage_pineapple', '09266', 120, 50, 240),	-- pineapple
	('cottage_pineapple', '12220', 10, 5, 30),	-- ground flaxseed
	('cottage_pineapple', '18075', 28, 28, 84),	-- whole-wheat bread
	-- Cottage cheese with strawberries and pecans
	('cottage_keto_berries', '01012', 150, 60, 400),	-- cottage cheese
	('cottage_keto_berries', '09316', 60, 30, 120),	-- strawberries
	('cottage_keto_berries', '12142', 25, 10, 75),	-- pecans
	-- Avocado toast with boiled eggs and tomato
	('eggs_avocado_toast', '18075', 56, 28, 168),	-- whole-wheat bread
	('eggs_avocado_toast', '09037', 70, 30, 300),	-- avocado
	('eggs_avocado_toast', '01129', 100, 50, 300),	-- egg, cooked
	('eggs_avocado_toast', '11529', 80, 40, 160),	-- tomatoes
	('eggs_avocado_toast', '09152', 5, 5, 5),	-- lemon juice
	-- Scrambled eggs with spinach on rye
	('eggs_spinach_rye', '01129', 100, 50, 300),	-- egg, cooked
	('eggs_spinach_rye', '18060', 64, 32, 192),	-- rye bread
	('eggs_spinach_rye', '11458', 80, 50, 160),	-- spinach, wilted
	('eggs_spinach_rye', '04053', 5, 3, 60),	-- olive oil
	-- Shakshuka with whole-wheat pita
	('shakshuka', '01129', 100, 50, 300),	-- egg, cooked
	('shakshuka', '11885', 200, 80, 400),	-- canned tomatoes, no salt added
	('shakshuka', '11821', 80, 40, 160),	-- red bell pepper
	('shakshuka', '11282', 50, 20, 100),	-- onion
	('shakshuka', '04053', 8, 3, 60),	-- olive oil
	('shakshuka', '02014', 1, 1, 1),	-- ground cumin
	('shakshuka', '02028', 1, 1, 1),	-- paprika
	('shakshuka', '18042', 64, 64, 128),	-- whole-wheat pita
	-- Mushroom and pepper omelet with toast
	('veggie_omelet_toast', '01129', 150, 50, 300),	-- egg, cooked
	('veggie_omelet_toast', '11260', 80, 30, 160),	-- mushrooms
	('veggie_omelet_toast', '11333', 60, 40, 120),	-- green bell pepper
	('veggie_omelet_toast', '04053', 5, 3, 60),	-- olive oil
	('veggie_omelet_toast', '18075', 28, 28, 84),	-- whole-wheat bread
	('veggie_omelet_toast', '09200', 131, 131, 262),	-- orange
	-- Eggs with avocado, spinach and butter
	('keto_eggs_avocado', '01129', 150, 50, 300),	-- egg, cooked
	('keto_eggs_avocado', '09037', 80, 30, 300),	-- avocado
	('keto_eggs_avocado', '11458', 80, 50, 160),	-- spinach, wilted
	('keto_eggs_avocado', '01145', 8, 3, 60),	-- butter, unsalted
	-- Cheddar and mushroom omelet
	('keto_cheese_omelet', '01129', 150, 50, 300),	-- egg, cooked
	('keto_cheese_omelet', '01009', 25, 15, 75),	-- cheddar
	('keto_cheese_omelet', '11260', 80, 30, 160),	-- mushrooms
	('keto_cheese_omelet', '01145', 8, 3, 60),	-- butter, unsalted
	('keto_cheese_omelet', '11457', 30, 20, 60),	-- baby spinach
	-- Scrambled eggs with salmon and dill
	('keto_salmon_eggs', '01129', 100, 50, 300),	-- egg, cooked
	('keto_salmon_eggs', '15209', 60, 40, 180),	-- salmon fillet, baked
	('keto_salmon_eggs', '11457', 40, 20, 80),	-- baby spinach
	('keto_salmon_eggs', '04053', 5, 3, 60),	-- olive oil
	('keto_salmon_eggs', '02045', 2, 1, 3),	-- fresh dill
	-- Sweet potato hash with eggs
	('paleo_sweet_potato_hash', '11508', 150, 80, 450),	-- sweet potato, baked in skin
	('paleo_sweet_potato_hash', '01129', 100, 50, 300),	-- egg, cooked
	('paleo_sweet_potato_hash', '11821', 60, 40, 120),	-- red bell pepper
	('paleo_sweet_potato_hash', '11282', 40, 20, 80),	-- onion
	('paleo_sweet_potato_hash', '04053', 8, 3, 60),	-- olive oil
	('paleo_sweet_potato_hash', '11457', 30, 20, 60),	-- baby spinach
	-- Banana and almond-butter pancakes with berries
	('paleo_banana_pancakes', '01129', 100, 50, 300),	-- egg, cooked
	('paleo_banana_pancakes', '09040', 118, 118, 236),	-- banana
	('paleo_banana_pancakes', '12195', 15, 10, 45),	-- almond butter, no salt
	('paleo_banana_pancakes', '09050', 80, 30, 160),	-- blueberries
	('paleo_banana_pancakes', '04047', 4, 3, 60),	-- coconut oil
	-- Turkey, sweet potato and kale breakfast hash
	('paleo_turkey_hash', '05663', 100, 40, 300),	-- lean ground turkey, cooked
	('paleo_turkey_hash', '11508', 150, 80, 450),	-- sweet potato, baked in skin
	('paleo_turkey_hash', '11233', 50, 30, 100),	-- kale
	('paleo_turkey_hash', '11282', 40, 20, 80),	-- onion
	('paleo_turkey_hash', '04581', 8, 3, 60),	-- avocado oil
	-- Fruit and nut bowl with coconut
	('paleo_fruit_nut_bowl', '09040', 118, 118, 236),	-- banana
	('paleo_fruit_nut_bowl', '09316', 100, 40, 200),	-- strawberries
	('paleo_fruit_nut_bowl', '12155', 20, 10, 60),	-- walnuts
	('paleo_fruit_nut_bowl', '12108', 10, 5, 30),	-- unsweetened coconut flakes
	('paleo_fruit_nut_bowl', '12195', 10, 10, 30),	-- almond butter, no salt
	-- Coconut chia pudding with berries
	('chia_coconut_berries', '12006', 25, 10, 60),	-- chia seeds
	('chia_coconut_berries', '12118', 100, 30, 250),	-- coconut milk (canned)
	('chia_coconut_berries', '09302', 80, 30, 160),	-- raspberries
	('chia_coconut_berries', '12061', 10, 10, 30),	-- almonds
	-- Mango chia pudding
	('chia_soy_mango', '12006', 25, 10, 60),	-- chia seeds
	('chia_soy_mango', '16222', 200, 80, 500),	-- soy milk, unsweetened
	('chia_soy_mango', '09176', 100, 50, 200),	-- mango
	('chia_soy_mango', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Tofu scramble with spinach and toast
	('tofu_scramble_toast', '16426', 150, 50, 400),	-- firm tofu
	('tofu_scramble_toast', '11458', 80, 50, 160),	-- spinach, wilted
	('tofu_scramble_toast', '02043', 1, 1, 1),	-- ground turmeric
	('tofu_scramble_toast', '04053', 6, 3, 60),	-- olive oil
	('tofu_scramble_toast', '18075', 56, 28, 168),	-- whole-wheat bread
	('tofu_scramble_toast', '11529', 60, 40, 120),	-- tomatoes
	-- Tofu scramble with avocado and mushrooms
	('tofu_scramble_keto', '16426', 180, 60, 400),	-- firm tofu
	('tofu_scramble_keto', '11260', 80, 30, 160),	-- mushrooms
	('tofu_scramble_keto', '09037', 80, 30, 300),	-- avocado
	('tofu_scramble_keto', '04053', 8, 3, 60),	-- olive oil
	('tofu_scramble_keto', '02043', 1, 1, 1),	-- ground turmeric
	-- Tofu and potato breakfast skillet
	('tofu_scramble_potato', '16426', 150, 50, 400),	-- firm tofu
	('tofu_scramble_potato', '11356', 150, 80, 450),	-- potato, baked with skin
	('tofu_scramble_potato', '11821', 60, 40, 120),	-- red bell pepper
	('tofu_scramble_potato', '11282', 40, 20, 80),	-- onion
	('tofu_scramble_potato', '04582', 8, 3, 60),	-- canola oil
	-- Banana peanut butter smoothie
	('smoothie_banana_pb', '16222', 250, 100, 500),	-- soy milk, unsweetened
	('smoothie_banana_pb', '09040', 118, 118, 236),	-- banana
	('smoothie_banana_pb', '16398', 15, 10, 45),	-- peanut butter, no salt
	('smoothie_banana_pb', '08120', 30, 30, 90),	-- rolled oats (dry weight)
	-- Berry yogurt smoothie with flax
	('smoothie_berry_yogurt', '01117', 150, 60, 400),	-- plain low-fat yogurt
	('smoothie_berry_yogurt', '01082', 150, 60, 450),	-- milk, 1%
	('smoothie_berry_yogurt', '09316', 100, 40, 200),	-- strawberries
	('smoothie_berry_yogurt', '09050', 50, 30, 100),	-- blueberries
	('smoothie_berry_yogurt', '12220', 10, 5, 30),	-- ground flaxseed
	-- Green smoothie with kiwi, spinach and chia
	('smoothie_green_vegan', '16222', 200, 80, 500),	-- soy milk, unsweetened
	('smoothie_green_vegan', '09148', 138, 69, 207),	-- kiwi
	('smoothie_green_vegan', '11457', 40, 20, 80),	-- baby spinach
	('smoothie_green_vegan', '09040', 118, 118, 236),	-- banana
	('smoothie_green_vegan', '12006', 10, 10, 30),	-- chia seeds
	-- Buckwheat porridge with pear and pecans
	('buckwheat_porridge', '20010', 180, 50, 500),	-- buckwheat groats, cooked
	('buckwheat_porridge', '16222', 150, 60, 450),	-- soy milk, unsweetened
	('buckwheat_porridge', '09252', 178, 178, 356),	-- pear
	('buckwheat_porridge', '12142', 15, 10, 45),	-- pecans
	('buckwheat_porridge', '02010', 1, 1, 1),	-- ground cinnamon
	-- Quinoa breakfast bowl with apple and almond butter
	('quinoa_porridge', '20137', 150, 40, 450),	-- quinoa, cooked
	('quinoa_porridge', '16222', 150, 60, 450),	-- soy milk, unsweetened
	('quinoa_porridge', '09003', 182, 182, 364),	-- apple
	('quinoa_porridge', '12195', 15, 10, 45),	-- almond butter, no salt
	('quinoa_porridge', '02010', 1, 1, 1),	-- ground cinnamon
	-- Millet porridge with dates and walnuts
	('millet_porridge', '20032', 180, 50, 500),	-- millet, cooked
	('millet_porridge', '01082', 150, 60, 450),	-- milk, 1%
	('millet_porridge', '09421', 24, 24, 48),	-- medjool dates
	('millet_porridge', '12155', 15, 10, 45),	-- walnuts
	-- Black bean and egg breakfast tacos
	('breakfast_burrito', '18449', 52, 26, 156),	-- corn tortilla, no salt added
	('breakfast_burrito', '01129', 100, 50, 300),	-- egg, cooked
	('breakfast_burrito', '16015', 80, 40, 200),	-- black beans, boiled
	('breakfast_burrito', '06164', 40, 20, 60),	-- tomato salsa
	('breakfast_burrito', '09037', 40, 30, 300),	-- avocado
	-- Black bean, avocado and salsa breakfast tacos
	('bean_tacos_vegan', '18449', 78, 26, 208),	-- corn tortilla, no salt added
	('bean_tacos_vegan', '16015', 120, 40, 300),	-- black beans, boiled
	('bean_tacos_vegan', '09037', 60, 30, 300),	-- avocado
	('bean_tacos_vegan', '06164', 40, 20, 60),	-- tomato salsa
	('bean_tacos_vegan', '09160', 5, 5, 5),	-- lime juice
	-- Peanut butter and banana toast
	('pb_banana_toast', '18075', 56, 28, 168),	-- whole-wheat bread
	('pb_banana_toast', '16398', 20, 10, 60),	-- peanut butter, no salt
	('pb_banana_toast', '09040', 118, 118, 236),	-- banana
	('pb_banana_toast', '12006', 10, 10, 30),	-- chia seeds
	-- Ricotta toast with figs and honey
	('ricotta_toast_figs', '18075', 56, 28, 168),	-- whole-wheat bread
	('ricotta_toast_figs', '01036', 60, 20, 180),	-- ricotta, whole milk
	('ricotta_toast_figs', '09094', 30, 20, 60),	-- dried figs
	('ricotta_toast_figs', '19296', 5, 5, 5),	-- honey
	('ricotta_toast_figs', '12155', 10, 10, 30),	-- walnuts
	-- Hummus toast with egg and cucumber
	('hummus_toast_egg', '18075', 56, 28, 168),	-- whole-wheat bread
	('hummus_toast_egg', '16137', 40, 30, 100),	-- hummus
	('hummus_toast_egg', '01129', 50, 50, 150),	-- egg, cooked
	('hummus_toast_egg', '11205', 80, 40, 160),	-- cucumber
	('hummus_toast_egg', '04053', 3, 3, 60),	-- olive oil
	-- Mediterranean breakfast plate
	('mediterranean_plate', '01129', 100, 50, 300),	-- egg, cooked
	('mediterranean_plate', '11529', 100, 40, 200),	-- tomatoes
	('mediterranean_plate', '11205', 80, 40, 160),	-- cucumber
	('mediterranean_plate', '09193', 20, 10, 60),	-- black olives
	('mediterranean_plate', '18042', 64, 64, 128),	-- whole-wheat pita
	('mediterranean_plate', '04053', 5, 3, 60),	-- olive oil
	-- Tempeh and kale breakfast skillet
	('tempeh_hash', '16114', 120, 40, 360),	-- tempeh
	('tempeh_hash', '11233', 60, 30, 120),	-- kale
	('tempeh_hash', '11260', 60, 30, 120),	-- mushrooms
	('tempeh_hash', '04581', 10, 3, 60),	-- avocado oil
	('tempeh_hash', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Coconut berry bowl with macadamias
	('coconut_berry_bowl', '12118', 80, 30, 250),	-- coconut milk (canned)
	('coconut_berry_bowl', '09042', 100, 40, 200),	-- blackberries
	('coconut_berry_bowl', '12131', 15, 10, 45),	-- macadamia nuts
	('coconut_berry_bowl', '12006', 15, 10, 45),	-- chia seeds
	('coconut_berry_bowl', '12108', 10, 5, 30),	-- unsweetened coconut flakes
	-- Chicken and apple breakfast patties with sweet potato
	('chicken_apple_patties', '05098', 100, 40, 300),	-- chicken thigh, roasted
	('chicken_apple_patties', '09003', 182, 182, 364),	-- apple
	('chicken_apple_patties', '11508', 120, 80, 360),	-- sweet potato, baked in skin
	('chicken_apple_patties', '11457', 30, 20, 60),	-- baby spinach
	('chicken_apple_patties', '04053', 6, 3, 60),	-- olive oil
	-- Turkey and vegetable skillet with an orange
	('turkey_veg_skillet', '05663', 100, 40, 300),	-- lean ground turkey, cooked
	('turkey_veg_skillet', '11477', 100, 50, 200),	-- zucchini
	('turkey_veg_skillet', '11821', 60, 40, 120),	-- red bell pepper
	('turkey_veg_skillet', '04581', 8, 3, 60),	-- avocado oil
	('turkey_veg_skillet', '09200', 131, 131, 262),	-- orange
	-- Salmon, avocado and sweet potato breakfast bowl
	('salmon_sweet_potato_bowl', '15209', 90, 40, 270),	-- salmon fillet, baked
	('salmon_sweet_potato_bowl', '11508', 120, 80, 360),	-- sweet potato, baked in skin
	('salmon_sweet_potato_bowl', '09037', 50, 30, 300),	-- avocado
	('salmon_sweet_potato_bowl', '11457', 40, 20, 80),	-- baby spinach
	('salmon_sweet_potato_bowl', '09152', 5, 5, 5),	-- lemon juice
	-- Berry coconut smoothie with chia
	('coconut_berry_smoothie', '12118', 60, 30, 250),	-- coconut milk (canned)
	('coconut_berry_smoothie', '09316', 120, 40, 240),	-- strawberries
	('coconut_berry_smoothie', '09040', 118, 118, 236),	-- banana
	('coconut_berry_smoothie', '12006', 10, 10, 30),	-- chia seeds
	-- Steak and eggs with wilted spinach
	('steak_and_eggs', '13290', 90, 40, 270),	-- beef sirloin steak, lean, cooked
	('steak_and_eggs', '01129', 100, 50, 300),	-- egg, cooked
	('steak_and_eggs', '11458', 80, 50, 160),	-- spinach, wilted
	('steak_and_eggs', '04053', 6, 3, 60),	-- olive oil
	-- Chicken, avocado and tomato breakfast plate
	('chicken_avocado_breakfast', '05098', 100, 40, 300),	-- chicken thigh, roasted
	('chicken_avocado_breakfast', '09037', 70, 30, 300),	-- avocado
	('chicken_avocado_breakfast', '11457', 40, 20, 80),	-- baby spinach
	('chicken_avocado_breakfast', '11529', 60, 40, 120),	-- tomatoes
	('chicken_avocado_breakfast', '04053', 6, 3, 60),	-- olive oil
	-- Peanut butter oatmeal with strawberries
	('pb_oatmeal_berries', '08120', 55, 30, 160),	-- rolled oats (dry weight)
	('pb_oatmeal_berries', '16398', 15, 10, 45),	-- peanut butter, no salt
	('pb_oatmeal_berries', '09316', 100, 40, 200),	-- strawberries
	('pb_oatmeal_berries', '12006', 10, 10, 30),	-- chia seeds
	-- Buckwheat porridge with coconut milk and mango
	('buckwheat_coconut_mango', '20010', 180, 50, 500),	-- buckwheat groats, cooked
	('buckwheat_coconut_mango', '12118', 40, 30, 250),	-- coconut milk (canned)
	('buckwheat_coconut_mango', '09176', 100, 50, 200),	-- mango
	('buckwheat_coconut_mango', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Avocado toast with white beans and tomato
	('white_bean_avocado_toast', '18075', 56, 28, 168),	-- whole-wheat bread
	('white_bean_avocado_toast', '09037', 60, 30, 300),	-- avocado
	('white_bean_avocado_toast', '16050', 80, 40, 200),	-- white beans, boiled
	('white_bean_avocado_toast', '11529', 80, 40, 160),	-- tomatoes
	('white_bean_avocado_toast', '09152', 5, 5, 5),	-- lemon juice
	-- Almond-flax porridge with coconut milk and blackberries
	('almond_flax_porridge', '12220', 20, 5, 40),	-- ground flaxseed
	('almond_flax_porridge', '12061', 20, 10, 60),	-- almonds
	('almond_flax_porridge', '12118', 80, 30, 250),	-- coconut milk (canned)
	('almond_flax_porridge', '09042', 80, 30, 160),	-- blackberries
	('almond_flax_porridge', '12006', 10, 10, 30),	-- chia seeds
	('almond_flax_porridge', '02010', 1, 1, 1),	-- ground cinnamon
	-- Tofu scramble with spinach, tomato and pumpkin seeds
	('tofu_scramble_tomato_keto', '16426', 180, 60, 400),	-- firm tofu
	('tofu_scramble_tomato_keto', '11458', 60, 50, 120),	-- spinach, wilted
	('tofu_scramble_tomato_keto', '11529', 50, 40, 100),	-- tomatoes
	('tofu_scramble_tomato_keto', '12016', 15, 10, 45),	-- pumpkin seeds, roasted, unsalted
	('tofu_scramble_tomato_keto', '04053', 8, 3, 60),	-- olive oil
	('tofu_scramble_tomato_keto', '02043', 1, 1, 1),	-- ground turmeric
	-- Chicken quinoa salad with lemon vinaigrette
	('chicken_quinoa_salad', '05064', 120, 40, 360),	-- chicken breast, roasted
	('chicken_quinoa_salad', '20137', 150, 40, 450),	-- quinoa, cooked
	('chicken_quinoa_salad', '11205', 80, 40, 160),	-- cucumber
	('chicken_quinoa_salad', '11529', 80, 40, 160),	-- tomatoes
	('chicken_quinoa_salad', '04053', 10, 3, 60),	-- olive oil
	('chicken_quinoa_salad', '09152', 10, 5, 15),	-- lemon juice
	('chicken_quinoa_salad', '11297', 5, 3, 7),	-- fresh parsley
	-- Chicken and romaine salad with parmesan
	('chicken_caesar_lite', '05064', 120, 40, 360),	-- chicken breast, roasted
	('chicken_caesar_lite', '11251', 120, 30, 240),	-- romaine lettuce
	('chicken_caesar_lite', '01032', 10, 5, 15),	-- parmesan, grated
	('chicken_caesar_lite', '04053', 12, 3, 60),	-- olive oil
	('chicken_caesar_lite', '09152', 10, 5, 15),	-- lemon juice
	('chicken_caesar_lite', '18075', 28, 28, 84),	-- whole-wheat bread
	-- Chicken, hummus and vegetable pita
	('chicken_wrap_pita', '05064', 100, 40, 300),	-- chicken breast, roasted
	('chicken_wrap_pita', '18042', 64, 64, 128),	-- whole-wheat pita
	('chicken_wrap_pita', '16137', 40, 30, 100),	-- hummus
	('chicken_wrap_pita', '11251', 40, 30, 80),	-- romaine lettuce
	('chicken_wrap_pita', '11529', 60, 40, 120),	-- tomatoes
	('chicken_wrap_pita', '11205', 50, 40, 100),	-- cucumber
	('chicken_wrap_pita', '04053', 5, 3, 60),	-- olive oil
	-- Chicken, avocado and greens salad
	('chicken_avocado_salad', '05064', 130, 40, 390),	-- chicken breast, roasted
	('chicken_avocado_salad', '11253', 100, 30, 200),	-- leaf lettuce
	('chicken_avocado_salad', '09037', 70, 30, 300),	-- avocado
	('chicken_avocado_salad', '11529', 80, 40, 160),	-- tomatoes
	('chicken_avocado_salad', '04053', 8, 3, 60),	-- olive oil
	('chicken_avocado_salad', '09160', 5, 5, 5),	-- lime juice
	-- Chicken, sweet potato and kale bowl
	('chicken_sweet_potato_bowl', '05098', 120, 40, 360),	-- chicken thigh, roasted
	('chicken_sweet_potato_bowl', '11508', 150, 80, 450),	-- sweet potato, baked in skin
	('chicken_sweet_potato_bowl', '11233', 60, 30, 120),	-- kale
	('chicken_sweet_potato_bowl', '04581', 8, 3, 60),	-- avocado oil
	('chicken_sweet_potato_bowl', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Teriyaki-style chicken rice bowl
	('chicken_rice_bowl', '05064', 120, 40, 360),	-- chicken breast, roasted
	('chicken_rice_bowl', '20037', 150, 40, 450),	-- brown rice, cooked
	('chicken_rice_bowl', '11091', 100, 50, 200),	-- broccoli, steamed
	('chicken_rice_bowl', '16424', 5, 3, 7),	-- reduced-sodium soy sauce
	('chicken_rice_bowl', '04058', 4, 2, 30),	-- toasted sesame oil
	('chicken_rice_bowl', '11291', 10, 5, 20),	-- spring onions
	-- Chicken and lentil soup with carrots
	('chicken_lentil_soup', '05064', 90, 40, 270),	-- chicken breast, roasted
	('chicken_lentil_soup', '16070', 120, 40, 300),	-- lentils, boiled
	('chicken_lentil_soup', '11124', 60, 30, 120),	-- carrots
	('chicken_lentil_soup', '11143', 40, 20, 80),	-- celery
	('chicken_lentil_soup', '11282', 40, 20, 80),	-- onion
	('chicken_lentil_soup', '04053', 6, 3, 60),	-- olive oil
	('chicken_lentil_soup', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	-- Turkey, Swiss and vegetable rye sandwich
	('turkey_rye_sandwich', '05220', 90, 40, 270),	-- turkey breast, roasted
	('turkey_rye_sandwich', '18060', 64, 32, 192),	-- rye bread
	('turkey_rye_sandwich', '01040', 20, 15, 60),	-- Swiss cheese
	('turkey_rye_sandwich', '11251', 30, 30, 60),	-- romaine lettuce
	('turkey_rye_sandwich', '11529', 60, 40, 120),	-- tomatoes
	('turkey_rye_sandwich', '02046', 5, 5, 5),	-- mustard
	('turkey_rye_sandwich', '09003', 182, 182, 364),	-- apple
	-- Turkey lettuce wraps with avocado
	('turkey_lettuce_wraps', '05663', 120, 40, 360),	-- lean ground turkey, cooked
	('turkey_lettuce_wraps', '11251', 100, 30, 200),	-- romaine lettuce
	('turkey_lettuce_wraps', '09037', 60, 30, 300),	-- avocado
	('turkey_lettuce_wraps', '11529', 60, 40, 120),	-- tomatoes
	('turkey_lettuce_wraps', '09160', 5, 5, 5),	-- lime juice
	('turkey_lettuce_wraps', '11165', 3, 2, 4),	-- fresh cilantro
	-- Turkey and bean chili bowl
	('turkey_chili_bowl', '05663', 100, 40, 300),	-- lean ground turkey, cooked
	('turkey_chili_bowl', '16033', 120, 40, 300),	-- red kidney beans, boiled
	('turkey_chili_bowl', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('turkey_chili_bowl', '11282', 40, 20, 80),	-- onion
	('turkey_chili_bowl', '02009', 2, 1, 3),	-- chili powder
	('turkey_chili_bowl', '04053', 6, 3, 60),	-- olive oil
	-- Tuna and white bean salad
	('tuna_white_bean_salad', '15184', 100, 40, 250),	-- tuna in water, no salt added, drained
	('tuna_white_bean_salad', '16050', 120, 40, 300),	-- white beans, boiled
	('tuna_white_bean_salad', '11959', 50, 20, 100),	-- arugula
	('tuna_white_bean_salad', '11529', 80, 40, 160),	-- tomatoes
	('tuna_white_bean_salad', '04053', 10, 3, 60),	-- olive oil
	('tuna_white_bean_salad', '02068', 10, 5, 15),	-- red wine vinegar
	-- Tuna, avocado and cucumber salad
	('tuna_avocado_salad', '15184', 110, 40, 250),	-- tuna in water, no salt added, drained
	('tuna_avocado_salad', '09037', 80, 30, 300),	-- avocado
	('tuna_avocado_salad', '11205', 100, 40, 200),	-- cucumber
	('tuna_avocado_salad', '11253', 60, 30, 120),	-- leaf lettuce
	('tuna_avocado_salad', '04053', 6, 3, 60),	-- olive oil
	('tuna_avocado_salad', '09152', 10, 5, 15),	-- lemon juice
	-- Tuna nicoise salad
	('tuna_nicoise', '15184', 100, 40, 250),	-- tuna in water, no salt added, drained
	('tuna_nicoise', '01129', 50, 50, 150),	-- egg, cooked
	('tuna_nicoise', '11356', 120, 80, 360),	-- potato, baked with skin
	('tuna_nicoise', '11053', 80, 50, 160),	-- green beans, cooked
	('tuna_nicoise', '09193', 15, 10, 60),	-- black olives
	('tuna_nicoise', '04053', 10, 3, 60),	-- olive oil
	('tuna_nicoise', '11251', 60, 30, 120),	-- romaine lettuce
	-- Salmon, farro and greens bowl
	('salmon_grain_bowl', '15209', 110, 40, 330),	-- salmon fillet, baked
	('salmon_grain_bowl', '20141', 130, 40, 390),	-- spelt (farro), cooked
	('salmon_grain_bowl', '11457', 50, 20, 100),	-- baby spinach
	('salmon_grain_bowl', '11205', 60, 40, 120),	-- cucumber
	('salmon_grain_bowl', '04053', 6, 3, 60),	-- olive oil
	('salmon_grain_bowl', '09152', 10, 5, 15),	-- lemon juice
	-- Salmon salad with avocado and olive oil
	('salmon_salad_keto', '15209', 130, 40, 390),	-- salmon fillet, baked
	('salmon_salad_keto', '11253', 80, 30, 160),	-- leaf lettuce
	('salmon_salad_keto', '09037', 60, 30, 300),	-- avocado
	('salmon_salad_keto', '11205', 80, 40, 160),	-- cucumber
	('salmon_salad_keto', '04053', 10, 3, 60),	-- olive oil
	('salmon_salad_keto', '09152', 5, 5, 5),	-- lemon juice
	-- Sardines on rye with tomato salad
	('sardine_toast_salad', '15088', 80, 40, 240),	-- sardines in olive oil, drained
	('sardine_toast_salad', '18060', 64, 32, 192),	-- rye bread
	('sardine_toast_salad', '11529', 100, 40, 200),	-- tomatoes
	('sardine_toast_salad', '04053', 5, 3, 60),	-- olive oil
	('sardine_toast_salad', '09152', 5, 5, 5),	-- lemon juice
	-- Crab and avocado salad
	('crab_avocado_salad', '15140', 110, 40, 250),	-- crab meat, cooked
	('crab_avocado_salad', '09037', 70, 30, 300),	-- avocado
	('crab_avocado_salad', '11253', 80, 30, 160),	-- leaf lettuce
	('crab_avocado_salad', '11205', 60, 40, 120),	-- cucumber
	('crab_avocado_salad', '09160', 10, 5, 15),	-- lime juice
	('crab_avocado_salad', '04053', 6, 3, 60),	-- olive oil
	-- Egg salad lettuce cups with avocado
	('egg_salad_lettuce', '01129', 150, 50, 300),	-- egg, cooked
	('egg_salad_lettuce', '09037', 60, 30, 300),	-- avocado
	('egg_salad_lettuce', '11251', 80, 30, 160),	-- romaine lettuce
	('egg_salad_lettuce', '11143', 40, 20, 80),	-- celery
	('egg_salad_lettuce', '02046', 5, 5, 5),	-- mustard
	('egg_salad_lettuce', '04053', 5, 3, 60),	-- olive oil
	-- Egg and spinach salad sandwich
	('egg_salad_sandwich', '01129', 100, 50, 300),	-- egg, cooked
	('egg_salad_sandwich', '18075', 56, 28, 168),	-- whole-wheat bread
	('egg_salad_sandwich', '11457', 30, 20, 60),	-- baby spinach
	('egg_salad_sandwich', '01116', 30, 30, 90),	-- plain whole-milk yogurt
	('egg_salad_sandwich', '11143', 30, 20, 60),	-- celery
	('egg_salad_sandwich', '09252', 178, 178, 356),	-- pear
	-- Red lentil and vegetable soup with bread
	('lentil_soup_vegan', '16070', 180, 50, 400),	-- lentils, boiled
	('lentil_soup_vegan', '11124', 60, 30, 120),	-- carrots
	('lentil_soup_vegan', '11282', 50, 20, 100),	-- onion
	('lentil_soup_vegan', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('lentil_soup_vegan', '04053', 8, 3, 60),	-- olive oil
	('lentil_soup_vegan', '02014', 2, 1, 3),	-- ground cumin
	('lentil_soup_vegan', '18075', 28, 28, 84),	-- whole-wheat bread
	-- Split pea soup with rye bread
	('split_pea_soup', '16086', 200, 60, 400),	-- split peas, boiled
	('split_pea_soup', '11124', 60, 30, 120),	-- carrots
	('split_pea_soup', '11143', 40, 20, 80),	-- celery
	('split_pea_soup', '11282', 40, 20, 80),	-- onion
	('split_pea_soup', '04053', 6, 3, 60),	-- olive oil
	('split_pea_soup', '18060', 32, 32, 96),	-- rye bread
	-- Minestrone with white beans and pasta
	('minestrone_beans', '16050', 100, 40, 250),	-- white beans, boiled
	('minestrone_beans', '20125', 80, 40, 240),	-- whole-wheat spaghetti, cooked
	('minestrone_beans', '11477', 80, 50, 160),	-- zucchini
	('minestrone_beans', '11124', 50, 30, 100),	-- carrots
	('minestrone_beans', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('minestrone_beans', '04053', 8, 3, 60),	-- olive oil
	('minestrone_beans', '02044', 3, 2, 4),	-- fresh basil
	-- Chickpea, bulgur and tahini bowl
	('falafel_style_bowl', '16057', 130, 40, 320),	-- chickpeas, boiled
	('falafel_style_bowl', '20013', 120, 40, 360),	-- bulgur, cooked
	('falafel_style_bowl', '11205', 80, 40, 160),	-- cucumber
	('falafel_style_bowl', '11529', 80, 40, 160),	-- tomatoes
	('falafel_style_bowl', '12166', 15, 10, 45),	-- tahini
	('falafel_style_bowl', '09152', 10, 5, 15),	-- lemon juice
	('falafel_style_bowl', '11297', 5, 3, 7),	-- fresh parsley
	-- Chickpea, quinoa and roasted pepper salad
	('chickpea_salad_quinoa', '16057', 120, 40, 300),	-- chickpeas, boiled
	('chickpea_salad_quinoa', '20137', 120, 40, 360),	-- quinoa, cooked
	('chickpea_salad_quinoa', '11821', 80, 40, 160),	-- red bell pepper
	('chickpea_salad_quinoa', '11959', 40, 20, 80),	-- arugula
	('chickpea_salad_quinoa', '04053', 10, 3, 60),	-- olive oil
	('chickpea_salad_quinoa', '09152', 10, 5, 15),	-- lemon juice
	-- Black bean and brown rice burrito bowl
	('black_bean_bowl', '16015', 150, 40, 370),	-- black beans, boiled
	('black_bean_bowl', '20037', 130, 40, 390),	-- brown rice, cooked
	('black_bean_bowl', '11179', 60, 40, 120),	-- sweet corn, cooked
	('black_bean_bowl', '06164', 50, 20, 70),	-- tomato salsa
	('black_bean_bowl', '09037', 50, 30, 300),	-- avocado
	('black_bean_bowl', '11251', 40, 30, 80),	-- romaine lettuce
	('black_bean_bowl', '09160', 5, 5, 5),	-- lime juice
	-- Hummus, chickpea and vegetable pita
	('hummus_veggie_pita', '18042', 64, 64, 128),	-- whole-wheat pita
	('hummus_veggie_pita', '16137', 60, 30, 150),	-- hummus
	('hummus_veggie_pita', '16057', 80, 40, 200),	-- chickpeas, boiled
	('hummus_veggie_pita', '11205', 80, 40, 160),	-- cucumber
	('hummus_veggie_pita', '11529', 80, 40, 160),	-- tomatoes
	('hummus_veggie_pita', '11251', 30, 30, 60),	-- romaine lettuce
	('hummus_veggie_pita', '04053', 5, 3, 60),	-- olive oil
	-- Sesame tofu soba noodle salad
	('tofu_noodle_salad', '16426', 140, 40, 400),	-- firm tofu
	('tofu_noodle_salad', '20115', 150, 40, 450),	-- soba noodles, cooked
	('tofu_noodle_salad', '11205', 80, 40, 160),	-- cucumber
	('tofu_noodle_salad', '11124', 50, 30, 100),	-- carrots
	('tofu_noodle_salad', '04058', 6, 2, 30),	-- toasted sesame oil
	('tofu_noodle_salad', '16424', 5, 3, 7),	-- reduced-sodium soy sauce
	('tofu_noodle_salad', '11291', 10, 5, 20),	-- spring onions
	-- Crispy tofu and brown rice bowl with edamame
	('tofu_rice_bowl', '16426', 140, 40, 400),	-- firm tofu
	('tofu_rice_bowl', '20037', 150, 40, 450),	-- brown rice, cooked
	('tofu_rice_bowl', '11212', 60, 50, 150),	-- edamame, cooked
	('tofu_rice_bowl', '11112', 50, 30, 100),	-- red cabbage
	('tofu_rice_bowl', '04058', 5, 2, 30),	-- toasted sesame oil
	('tofu_rice_bowl', '16124', 4, 2, 6),	-- tamari (wheat-free soy sauce)
	-- Peanut tofu and rice noodle bowl
	('peanut_tofu_bowl', '16426', 140, 40, 400),	-- firm tofu
	('peanut_tofu_bowl', '20134', 150, 40, 450),	-- rice noodles, cooked
	('peanut_tofu_bowl', '11821', 60, 40, 120),	-- red bell pepper
	('peanut_tofu_bowl', '11109', 60, 30, 120),	-- cabbage
	('peanut_tofu_bowl', '16398', 15, 10, 45),	-- peanut butter, no salt
	('peanut_tofu_bowl', '09160', 10, 5, 15),	-- lime juice
	-- Tempeh, millet and roasted vegetable bowl
	('tempeh_grain_bowl', '16114', 110, 40, 330),	-- tempeh
	('tempeh_grain_bowl', '20032', 140, 40, 420),	-- millet, cooked
	('tempeh_grain_bowl', '11477', 80, 50, 160),	-- zucchini
	('tempeh_grain_bowl', '11821', 60, 40, 120),	-- red bell pepper
	('tempeh_grain_bowl', '04053', 8, 3, 60),	-- olive oil
	('tempeh_grain_bowl', '09152', 5, 5, 5),	-- lemon juice
	-- Tempeh, avocado and greens salad
	('tempeh_avocado_salad', '16114', 120, 40, 360),	-- tempeh
	('tempeh_avocado_salad', '11253', 80, 30, 160),	-- leaf lettuce
	('tempeh_avocado_salad', '09037', 70, 30, 300),	-- avocado
	('tempeh_avocado_salad', '11205', 60, 40, 120),	-- cucumber
	('tempeh_avocado_salad', '04053', 8, 3, 60),	-- olive oil
	('tempeh_avocado_salad', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Tofu, kale and walnut salad
	('tofu_salad_keto', '16426', 180, 60, 400),	-- firm tofu
	('tofu_salad_keto', '11233', 70, 30, 140),	-- kale
	('tofu_salad_keto', '12155', 20, 10, 60),	-- walnuts
	('tofu_salad_keto', '09037', 50, 30, 300),	-- avocado
	('tofu_salad_keto', '04053', 8, 3, 60),	-- olive oil
	('tofu_salad_keto', '09152', 10, 5, 15),	-- lemon juice
	-- Lupini bean, olive and roasted pepper salad
	('lupini_salad_keto', '16077', 150, 50, 370),	-- lupini beans, boiled
	('lupini_salad_keto', '09193', 20, 10, 60),	-- black olives
	('lupini_salad_keto', '11821', 60, 40, 120),	-- red bell pepper
	('lupini_salad_keto', '11959', 50, 20, 100),	-- arugula
	('lupini_salad_keto', '04053', 12, 3, 60),	-- olive oil
	('lupini_salad_keto', '09152', 10, 5, 15),	-- lemon juice
	-- Edamame and rice noodle salad with sesame
	('edamame_salad', '11212', 150, 50, 370),	-- edamame, cooked
	('edamame_salad', '11205', 100, 40, 200),	-- cucumber
	('edamame_salad', '11109', 60, 30, 120),	-- cabbage
	('edamame_salad', '12023', 5, 3, 15),	-- sesame seeds
	('edamame_salad', '04058', 5, 2, 30),	-- toasted sesame oil
	('edamame_salad', '20134', 100, 40, 300),	-- rice noodles, cooked
	-- Caprese quinoa salad
	('caprese_quinoa', '01028', 50, 20, 100),	-- mozzarella, part-skim
	('caprese_quinoa', '20137', 150, 40, 450),	-- quinoa, cooked
	('caprese_quinoa', '11529', 120, 40, 240),	-- tomatoes
	('caprese_quinoa', '02044', 5, 2, 7),	-- fresh basil
	('caprese_quinoa', '04053', 8, 3, 60),	-- olive oil
	('caprese_quinoa', '02069', 5, 5, 5),	-- balsamic vinegar
	('caprese_quinoa', '16050', 60, 40, 150),	-- white beans, boiled
	-- Greek salad with chickpeas and pita
	('greek_salad_pita', '16057', 100, 40, 250),	-- chickpeas, boiled
	('greek_salad_pita', '11205', 100, 40, 200),	-- cucumber
	('greek_salad_pita', '11529', 100, 40, 200),	-- tomatoes
	('greek_salad_pita', '09193', 20, 10, 60),	-- black olives
	('greek_salad_pita', '01159', 30, 15, 80),	-- soft goat cheese
	('greek_salad_pita', '04053', 8, 3, 60),	-- olive oil
	('greek_salad_pita', '18042', 64, 64, 128),	-- whole-wheat pita
	-- Cottage cheese vegetable bowl with rye bread
	('cottage_veg_bowl', '01012', 200, 80, 400),	-- cottage cheese
	('cottage_veg_bowl', '11205', 80, 40, 160),	-- cucumber
	('cottage_veg_bowl', '11529', 80, 40, 160),	-- tomatoes
	('cottage_veg_bowl', '11429', 40, 20, 80),	-- radishes
	('cottage_veg_bowl', '18060', 32, 32, 96),	-- rye bread
	('cottage_veg_bowl', '02045', 2, 1, 3),	-- fresh dill
	('cottage_veg_bowl', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Goat-cheese omelet with green salad
	('cheese_omelet_salad', '01129', 150, 50, 300),	-- egg, cooked
	('cheese_omelet_salad', '01159', 25, 15, 75),	-- soft goat cheese
	('cheese_omelet_salad', '11253', 80, 30, 160),	-- leaf lettuce
	('cheese_omelet_salad', '04053', 8, 3, 60),	-- olive oil
	('cheese_omelet_salad', '11529', 60, 40, 120),	-- tomatoes
	-- Spinach and cheddar frittata with salad
	('veggie_frittata_keto', '01129', 150, 50, 300),	-- egg, cooked
	('veggie_frittata_keto', '11458', 80, 50, 160),	-- spinach, wilted
	('veggie_frittata_keto', '01009', 20, 15, 60),	-- cheddar
	('veggie_frittata_keto', '11253', 60, 30, 120),	-- leaf lettuce
	('veggie_frittata_keto', '04053', 8, 3, 60),	-- olive oil
	-- Beef taco salad with beans
	('beef_taco_salad', '23565', 100, 40, 300),	-- lean ground beef (90%), cooked
	('beef_taco_salad', '16043', 100, 40, 250),	-- pinto beans, boiled
	('beef_taco_salad', '11251', 80, 30, 160),	-- romaine lettuce
	('beef_taco_salad', '11529', 80, 40, 160),	-- tomatoes
	('beef_taco_salad', '06164', 40, 20, 60),	-- tomato salsa
	('beef_taco_salad', '09037', 40, 30, 300),	-- avocado
	('beef_taco_salad', '18449', 26, 26, 78),	-- corn tortilla, no salt added
	-- Steak salad with arugula and avocado
	('steak_salad_keto', '13290', 120, 40, 360),	-- beef sirloin steak, lean, cooked
	('steak_salad_keto', '11251', 80, 30, 160),	-- romaine lettuce
	('steak_salad_keto', '11959', 40, 20, 80),	-- arugula
	('steak_salad_keto', '09037', 60, 30, 300),	-- avocado
	('steak_salad_keto', '04053', 10, 3, 60),	-- olive oil
	('steak_salad_keto', '02068', 10, 5, 15),	-- red wine vinegar
	-- Pork and cabbage stir-fry bowl
	('pork_cabbage_bowl', '10061', 120, 40, 360),	-- pork tenderloin, roasted
	('pork_cabbage_bowl', '11109', 120, 30, 240),	-- cabbage
	('pork_cabbage_bowl', '11124', 50, 30, 100),	-- carrots
	('pork_cabbage_bowl', '20045', 130, 40, 390),	-- white rice, cooked
	('pork_cabbage_bowl', '04058', 5, 2, 30),	-- toasted sesame oil
	('pork_cabbage_bowl', '16424', 5, 3, 7),	-- reduced-sodium soy sauce
	('pork_cabbage_bowl', '11216', 3, 3, 4),	-- fresh ginger
	-- Chicken and zucchini noodle soup
	('chicken_zoodle_soup', '05098', 120, 40, 360),	-- chicken thigh, roasted
	('chicken_zoodle_soup', '11477', 150, 50, 300),	-- zucchini
	('chicken_zoodle_soup', '11143', 50, 20, 100),	-- celery
	('chicken_zoodle_soup', '11282', 40, 20, 80),	-- onion
	('chicken_zoodle_soup', '11124', 40, 30, 80),	-- carrots
	('chicken_zoodle_soup', '04053', 6, 3, 60),	-- olive oil
	('chicken_zoodle_soup', '11297', 5, 3, 7),	-- fresh parsley
	-- Mackerel, potato and green bean salad
	('mackerel_potato_salad', '15047', 90, 40, 250),	-- Atlantic mackerel, grilled
	('mackerel_potato_salad', '11356', 150, 80, 450),	-- potato, baked with skin
	('mackerel_potato_salad', '11053', 80, 50, 160),	-- green beans, cooked
	('mackerel_potato_salad', '02045', 2, 1, 3),	-- fresh dill
	('mackerel_potato_salad', '04053', 5, 3, 60),	-- olive oil
	('mackerel_potato_salad', '02046', 5, 5, 5),	-- mustard
	-- Turkey and quinoa stuffed peppers
	('turkey_quinoa_stuffed_peppers', '05663', 100, 40, 300),	-- lean ground turkey, cooked
	('turkey_quinoa_stuffed_peppers', '20137', 100, 40, 300),	-- quinoa, cooked
	('turkey_quinoa_stuffed_peppers', '11821', 150, 40, 250),	-- red bell pepper
	('turkey_quinoa_stuffed_peppers', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('turkey_quinoa_stuffed_peppers', '04053', 6, 3, 60),	-- olive oil
	('turkey_quinoa_stuffed_peppers', '02027', 1, 1, 1),	-- dried oregano
	-- Chicken, apple and walnut salad
	('chicken_paleo_salad', '05064', 120, 40, 360),	-- chicken breast, roasted
	('chicken_paleo_salad', '11253', 80, 30, 160),	-- leaf lettuce
	('chicken_paleo_salad', '09003', 182, 182, 364),	-- apple
	('chicken_paleo_salad', '12155', 15, 10, 45),	-- walnuts
	('chicken_paleo_salad', '04053', 8, 3, 60),	-- olive oil
	('chicken_paleo_salad', '02048', 10, 5, 15),	-- cider vinegar
	-- Mussel and potato salad with parsley
	('mussel_potato_salad', '15165', 120, 40, 360),	-- mussels, steamed
	('mussel_potato_salad', '11356', 150, 80, 450),	-- potato, baked with skin
	('mussel_potato_salad', '11297', 5, 3, 7),	-- fresh parsley
	('mussel_potato_salad', '04053', 10, 3, 60),	-- olive oil
	('mussel_potato_salad', '09152', 10, 5, 15),	-- lemon juice
	('mussel_potato_salad', '11959', 40, 20, 80),	-- arugula
	-- Lentil tabbouleh
	('lentil_tabbouleh', '16070', 120, 40, 300),	-- lentils, boiled
	('lentil_tabbouleh', '20013', 100, 40, 300),	-- bulgur, cooked
	('lentil_tabbouleh', '11297', 15, 7, 22),	-- fresh parsley
	('lentil_tabbouleh', '11529', 100, 40, 200),	-- tomatoes
	('lentil_tabbouleh', '11205', 80, 40, 160),	-- cucumber
	('lentil_tabbouleh', '04053', 10, 3, 60),	-- olive oil
	('lentil_tabbouleh', '09152', 15, 5, 20),	-- lemon juice
	('lentil_tabbouleh', '02065', 2, 1, 3),	-- fresh mint
	-- Tuscan white bean and kale soup
	('white_bean_kale_soup', '16050', 160, 40, 400),	-- white beans, boiled
	('white_bean_kale_soup', '11233', 60, 30, 120),	-- kale
	('white_bean_kale_soup', '11124', 50, 30, 100),	-- carrots
	('white_bean_kale_soup', '11282', 40, 20, 80),	-- onion
	('white_bean_kale_soup', '11885', 120, 80, 240),	-- canned tomatoes, no salt added
	('white_bean_kale_soup', '04053', 8, 3, 60),	-- olive oil
	('white_bean_kale_soup', '18060', 32, 32, 96),	-- rye bread
	-- Sweet potato and black bean bowl with lime
	('sweet_potato_bean_bowl', '11508', 150, 80, 450),	-- sweet potato, baked in skin
	('sweet_potato_bean_bowl', '16015', 130, 40, 320),	-- black beans, boiled
	('sweet_potato_bean_bowl', '11112', 50, 30, 100),	-- red cabbage
	('sweet_potato_bean_bowl', '09037', 40, 30, 300),	-- avocado
	('sweet_potato_bean_bowl', '09160', 10, 5, 15),	-- lime juice
	('sweet_potato_bean_bowl', '11165', 3, 2, 4),	-- fresh cilantro
	('sweet_potato_bean_bowl', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	-- Buckwheat, roasted beet and walnut salad
	('buckwheat_salad', '20010', 150, 40, 450),	-- buckwheat groats, cooked
	('buckwheat_salad', '11081', 100, 50, 200),	-- beets, cooked
	('buckwheat_salad', '11959', 40, 20, 80),	-- arugula
	('buckwheat_salad', '12155', 15, 10, 45),	-- walnuts
	('buckwheat_salad', '04053', 8, 3, 60),	-- olive oil
	('buckwheat_salad', '01159', 20, 15, 60),	-- soft goat cheese
	-- Chicken and soba noodle broth with bok choy
	('chicken_soba_broth', '05064', 110, 40, 330),	-- chicken breast, roasted
	('chicken_soba_broth', '20115', 150, 40, 450),	-- soba noodles, cooked
	('chicken_soba_broth', '11117', 100, 50, 200),	-- bok choy, cooked
	('chicken_soba_broth', '11291', 10, 5, 20),	-- spring onions
	('chicken_soba_broth', '16124', 4, 2, 6),	-- tamari (wheat-free soy sauce)
	('chicken_soba_broth', '11216', 3, 3, 4),	-- fresh ginger
	('chicken_soba_broth', '04058', 3, 2, 30),	-- toasted sesame oil
	-- Edamame, avocado and cucumber salad with pumpkin seeds
	('edamame_avocado_salad', '11212', 120, 50, 300),	-- edamame, cooked
	('edamame_avocado_salad', '09037', 70, 30, 300),	-- avocado
	('edamame_avocado_salad', '11205', 80, 40, 160),	-- cucumber
	('edamame_avocado_salad', '12016', 15, 10, 45),	-- pumpkin seeds, roasted, unsalted
	('edamame_avocado_salad', '09160', 10, 5, 15),	-- lime juice
	('edamame_avocado_salad', '04053', 6, 3, 60),	-- olive oil
	-- Tofu and mushroom lettuce wraps
	('tofu_lettuce_wraps', '16426', 180, 60, 400),	-- firm tofu
	('tofu_lettuce_wraps', '11260', 100, 30, 200),	-- mushrooms
	('tofu_lettuce_wraps', '11251', 80, 30, 160),	-- romaine lettuce
	('tofu_lettuce_wraps', '04058', 8, 2, 30),	-- toasted sesame oil
	('tofu_lettuce_wraps', '16124', 4, 2, 6),	-- tamari (wheat-free soy sauce)
	('tofu_lettuce_wraps', '11291', 10, 5, 20),	-- spring onions
	-- Beef and sweet potato vegetable soup
	('beef_veg_soup_paleo', '13419', 110, 40, 330),	-- lean beef roast (eye of round)
	('beef_veg_soup_paleo', '11508', 150, 80, 450),	-- sweet potato, baked in skin
	('beef_veg_soup_paleo', '11124', 60, 30, 120),	-- carrots
	('beef_veg_soup_paleo', '11143', 50, 20, 100),	-- celery
	('beef_veg_soup_paleo', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('beef_veg_soup_paleo', '04053', 8, 3, 60),	-- olive oil
	-- Salmon, mango and avocado salad
	('salmon_mango_salad', '15209', 120, 40, 360),	-- salmon fillet, baked
	('salmon_mango_salad', '09176', 100, 50, 200),	-- mango
	('salmon_mango_salad', '11253', 80, 30, 160),	-- leaf lettuce
	('salmon_mango_salad', '09037', 50, 30, 300),	-- avocado
	('salmon_mango_salad', '09160', 10, 5, 15),	-- lime juice
	('salmon_mango_salad', '04053', 5, 3, 60),	-- olive oil
	-- Tofu and avocado bowl with cucumber and pumpkin seeds
	('tofu_avocado_bowl_keto', '16426', 180, 60, 400),	-- firm tofu
	('tofu_avocado_bowl_keto', '09037', 70, 30, 300),	-- avocado
	('tofu_avocado_bowl_keto', '11205', 80, 40, 160),	-- cucumber
	('tofu_avocado_bowl_keto', '11253', 40, 30, 80),	-- leaf lettuce
	('tofu_avocado_bowl_keto', '12016', 15, 10, 45),	-- pumpkin seeds, roasted, unsalted
	('tofu_avocado_bowl_keto', '04053', 6, 3, 60),	-- olive oil
	('tofu_avocado_bowl_keto', '09160', 5, 5, 5),	-- lime juice
	-- Chicken, quinoa and pomegranate salad with pistachios
	('chicken_pomegranate_quinoa', '05064', 110, 40, 330),	-- chicken breast, roasted
	('chicken_pomegranate_quinoa', '20137', 130, 40, 390),	-- quinoa, cooked
	('chicken_pomegranate_quinoa', '09286', 40, 20, 80),	-- pomegranate seeds
	('chicken_pomegranate_quinoa', '11959', 40, 20, 80),	-- arugula
	('chicken_pomegranate_quinoa', '12151', 15, 10, 45),	-- pistachios
	('chicken_pomegranate_quinoa', '04053', 8, 3, 60),	-- olive oil
	('chicken_pomegranate_quinoa', '09152', 10, 5, 15),	-- lemon juice
	-- Lemon herb salmon with quinoa and asparagus
	('salmon_quinoa_asparagus', '15209', 140, 40, 400),	-- salmon fillet, baked
	('salmon_quinoa_asparagus', '20137', 150, 40, 450),	-- quinoa, cooked
	('salmon_quinoa_asparagus', '11012', 120, 50, 240),	-- asparagus, cooked
	('salmon_quinoa_asparagus', '04053', 8, 3, 60),	-- olive oil
	('salmon_quinoa_asparagus', '09152', 10, 5, 15),	-- lemon juice
	('salmon_quinoa_asparagus', '02045', 2, 1, 3),	-- fresh dill
	-- Garlic salmon with asparagus and olive oil
	('salmon_asparagus_keto', '15209', 160, 50, 400),	-- salmon fillet, baked
	('salmon_asparagus_keto', '11012', 150, 50, 300),	-- asparagus, cooked
	('salmon_asparagus_keto', '04053', 12, 3, 60),	-- olive oil
	('salmon_asparagus_keto', '11215', 4, 3, 6),	-- garlic
	('salmon_asparagus_keto', '09152', 5, 5, 5),	-- lemon juice
	-- Roasted salmon with sweet potato and broccoli
	('salmon_sweet_potato', '15209', 140, 40, 400),	-- salmon fillet, baked
	('salmon_sweet_potato', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('salmon_sweet_potato', '11091', 120, 50, 240),	-- broccoli, steamed
	('salmon_sweet_potato', '04053', 8, 3, 60),	-- olive oil
	-- Ginger soy salmon with brown rice and bok choy
	('salmon_teriyaki_rice', '15209', 140, 40, 400),	-- salmon fillet, baked
	('salmon_teriyaki_rice', '20037', 160, 40, 480),	-- brown rice, cooked
	('salmon_teriyaki_rice', '11117', 120, 50, 240),	-- bok choy, cooked
	('salmon_teriyaki_rice', '16424', 6, 3, 9),	-- reduced-sodium soy sauce
	('salmon_teriyaki_rice', '11216', 4, 3, 6),	-- fresh ginger
	('salmon_teriyaki_rice', '04058', 3, 2, 30),	-- toasted sesame oil
	-- Cod baked with tomatoes, olives and spinach
	('cod_tomato_olives', '15016', 170, 50, 400),	-- cod fillet, baked
	('cod_tomato_olives', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('cod_tomato_olives', '09193', 20, 10, 60),	-- black olives
	('cod_tomato_olives', '11458', 100, 50, 200),	-- spinach, wilted
	('cod_tomato_olives', '04053', 12, 3, 60),	-- olive oil
	('cod_tomato_olives', '11215', 4, 3, 6),	-- garlic
	-- Baked cod with potatoes and green beans
	('cod_potatoes_greenbeans', '15016', 170, 50, 400),	-- cod fillet, baked
	('cod_potatoes_greenbeans', '11356', 200, 80, 500),	-- potato, baked with skin
	('cod_potatoes_greenbeans', '11053', 120, 50, 240),	-- green beans, cooked
	('cod_potatoes_greenbeans', '04053', 10, 3, 60),	-- olive oil
	('cod_potatoes_greenbeans', '11297', 5, 3, 7),	-- fresh parsley
	('cod_potatoes_greenbeans', '09152', 10, 5, 15),	-- lemon juice
	-- Moroccan-spiced cod with couscous and carrots
	('cod_couscous', '15016', 160, 50, 400),	-- cod fillet, baked
	('cod_couscous', '20029', 150, 40, 450),	-- couscous, cooked
	('cod_couscous', '11125', 100, 50, 200),	-- carrots, steamed
	('cod_couscous', '04053', 10, 3, 60),	-- olive oil
	('cod_couscous', '02014', 2, 1, 3),	-- ground cumin
	('cod_couscous', '11297', 5, 3, 7),	-- fresh parsley
	-- Tilapia tacos with cabbage slaw
	('tilapia_tacos', '15262', 150, 50, 400),	-- tilapia fillet, baked
	('tilapia_tacos', '18449', 78, 26, 208),	-- corn tortilla, no salt added
	('tilapia_tacos', '11109', 80, 30, 160),	-- cabbage
	('tilapia_tacos', '09037', 50, 30, 300),	-- avocado
	('tilapia_tacos', '09160', 10, 5, 15),	-- lime juice
	('tilapia_tacos', '06164', 40, 20, 60),	-- tomato salsa
	-- Tilapia with cauliflower mash and butter
	('tilapia_cauli_keto', '15262', 170, 50, 400),	-- tilapia fillet, baked
	('tilapia_cauli_keto', '11136', 200, 60, 350),	-- cauliflower, roasted
	('tilapia_cauli_keto', '01145', 15, 4, 60),	-- butter, unsalted
	('tilapia_cauli_keto', '11458', 60, 50, 120),	-- spinach, wilted
	('tilapia_cauli_keto', '11215', 3, 3, 4),	-- garlic
	-- Halibut with wild rice and roasted fennel
	('halibut_wild_rice', '15037', 160, 50, 400),	-- halibut, baked
	('halibut_wild_rice', '20089', 150, 40, 450),	-- wild rice, cooked
	('halibut_wild_rice', '11957', 100, 30, 200),	-- fennel
	('halibut_wild_rice', '04053', 10, 3, 60),	-- olive oil
	('halibut_wild_rice', '09152', 10, 5, 15),	-- lemon juice
	-- Sea bass with ratatouille
	('sea_bass_ratatouille', '15092', 160, 50, 400),	-- sea bass, baked
	('sea_bass_ratatouille', '11210', 100, 50, 200),	-- eggplant, cooked
	('sea_bass_ratatouille', '11477', 100, 50, 200),	-- zucchini
	('sea_bass_ratatouille', '11821', 80, 40, 160),	-- red bell pepper
	('sea_bass_ratatouille', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('sea_bass_ratatouille', '04053', 12, 3, 60),	-- olive oil
	('sea_bass_ratatouille', '02044', 3, 2, 4),	-- fresh basil
	-- Rainbow trout with barley and chard
	('trout_barley_greens', '15241', 150, 50, 400),	-- rainbow trout, baked
	('trout_barley_greens', '20006', 150, 40, 450),	-- pearl barley, cooked
	('trout_barley_greens', '11148', 100, 50, 200),	-- Swiss chard, cooked
	('trout_barley_greens', '04053', 8, 3, 60),	-- olive oil
	('trout_barley_greens', '09152', 10, 5, 15),	-- lemon juice
	-- Trout amandine with green beans
	('trout_almond_beans', '15241', 160, 50, 400),	-- rainbow trout, baked
	('trout_almond_beans', '11053', 150, 50, 300),	-- green beans, cooked
	('trout_almond_beans', '12061', 15, 10, 45),	-- almonds
	('trout_almond_beans', '01145', 8, 3, 60),	-- butter, unsalted
	('trout_almond_beans', '09152', 10, 5, 15),	-- lemon juice
	-- Grilled mackerel with fennel and arugula salad
	('mackerel_fennel_keto', '15047', 140, 40, 250),	-- Atlantic mackerel, grilled
	('mackerel_fennel_keto', '11957', 120, 30, 200),	-- fennel
	('mackerel_fennel_keto', '11959', 50, 20, 100),	-- arugula
	('mackerel_fennel_keto', '04053', 8, 3, 60),	-- olive oil
	('mackerel_fennel_keto', '09152', 10, 5, 15),	-- lemon juice
	-- Seared tuna with sesame greens and rice noodles
	('tuna_steak_sesame', '15221', 150, 50, 400),	-- yellowfin tuna steak, seared through
	('tuna_steak_sesame', '20134', 140, 40, 420),	-- rice noodles, cooked
	('tuna_steak_sesame', '11117', 100, 50, 200),	-- bok choy, cooked
	('tuna_steak_sesame', '12023', 5, 3, 15),	-- sesame seeds
	('tuna_steak_sesame', '16124', 4, 2, 6),	-- tamari (wheat-free soy sauce)
	('tuna_steak_sesame', '04058', 4, 2, 30),	-- toasted sesame oil
	-- Tuna poke bowl with rice and edamame
	('tuna_poke_bowl', '15127', 130, 40, 250),	-- yellowfin tuna, raw (sashimi)
	('tuna_poke_bowl', '20045', 150, 40, 450),	-- white rice, cooked
	('tuna_poke_bowl', '11212', 60, 50, 150),	-- edamame, cooked
	('tuna_poke_bowl', '11205', 60, 40, 120),	-- cucumber
	('tuna_poke_bowl', '09037', 50, 30, 300),	-- avocado
	('tuna_poke_bowl', '16424', 5, 3, 7),	-- reduced-sodium soy sauce
	('tuna_poke_bowl', '04058', 3, 2, 30),	-- toasted sesame oil
	-- Grilled swordfish with mango salsa and rice
	('swordfish_salsa', '15111', 150, 50, 400),	-- swordfish steak, grilled
	('swordfish_salsa', '20037', 150, 40, 450),	-- brown rice, cooked
	('swordfish_salsa', '09176', 80, 50, 160),	-- mango
	('swordfish_salsa', '11821', 50, 40, 100),	-- red bell pepper
	('swordfish_salsa', '09160', 10, 5, 15),	-- lime juice
	('swordfish_salsa', '04053', 6, 3, 60),	-- olive oil
	-- Crab and quinoa cakes with green salad
	('crab_cakes_salad', '15140', 130, 40, 250),	-- crab meat, cooked
	('crab_cakes_salad', '20137', 100, 40, 300),	-- quinoa, cooked
	('crab_cakes_salad', '01129', 50, 50, 150),	-- egg, cooked
	('crab_cakes_salad', '11253', 80, 30, 160),	-- leaf lettuce
	('crab_cakes_salad', '04053', 10, 3, 60),	-- olive oil
	('crab_cakes_salad', '09152', 10, 5, 15),	-- lemon juice
	-- Mussels in tomato and garlic with spaghetti
	('mussels_tomato_pasta', '15165', 140, 40, 400),	-- mussels, steamed
	('mussels_tomato_pasta', '20121', 150, 40, 450),	-- spaghetti, cooked
	('mussels_tomato_pasta', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('mussels_tomato_pasta', '11215', 4, 3, 6),	-- garlic
	('mussels_tomato_pasta', '04053', 10, 3, 60),	-- olive oil
	('mussels_tomato_pasta', '11297', 5, 3, 7),	-- fresh parsley
	-- Seared scallops with cauliflower puree and spinach
	('scallops_cauli_keto', '90240', 140, 40, 250),	-- scallops, steamed
	('scallops_cauli_keto', '11136', 200, 60, 350),	-- cauliflower, roasted
	('scallops_cauli_keto', '01145', 12, 3, 60),	-- butter, unsalted
	('scallops_cauli_keto', '11458', 80, 50, 160),	-- spinach, wilted
	('scallops_cauli_keto', '09152', 5, 5, 5),	-- lemon juice
	-- Lobster with corn and new potatoes
	('lobster_corn_potato', '15148', 140, 40, 250),	-- lobster meat, cooked
	('lobster_corn_potato', '11179', 100, 40, 200),	-- sweet corn, cooked
	('lobster_corn_potato', '11356', 150, 80, 450),	-- potato, baked with skin
	('lobster_corn_potato', '01145', 10, 3, 60),	-- butter, unsalted
	('lobster_corn_potato', '11053', 80, 50, 160),	-- green beans, cooked
	-- Garlic chicken with brown rice and broccoli
	('chicken_brown_rice_broccoli', '05064', 150, 50, 400),	-- chicken breast, roasted
	('chicken_brown_rice_broccoli', '20037', 160, 40, 480),	-- brown rice, cooked
	('chicken_brown_rice_broccoli', '11091', 150, 50, 300),	-- broccoli, steamed
	('chicken_brown_rice_broccoli', '04053', 10, 3, 60),	-- olive oil
	('chicken_brown_rice_broccoli', '11215', 4, 3, 6),	-- garlic
	-- Roast chicken thighs with broccoli and olive oil
	('chicken_thigh_keto_broccoli', '05098', 170, 50, 400),	-- chicken thigh, roasted
	('chicken_thigh_keto_broccoli', '11091', 150, 50, 300),	-- broccoli, steamed
	('chicken_thigh_keto_broccoli', '04053', 12, 3, 60),	-- olive oil
	('chicken_thigh_keto_broccoli', '11215', 3, 3, 4),	-- garlic
	('chicken_thigh_keto_broccoli', '09152', 5, 5, 5),	-- lemon juice
	-- Chicken coconut curry with cauliflower rice
	('chicken_curry_cauli_keto', '05098', 150, 50, 400),	-- chicken thigh, roasted
	('chicken_curry_cauli_keto', '12118', 80, 30, 250),	-- coconut milk (canned)
	('chicken_curry_cauli_keto', '11135', 200, 60, 350),	-- cauliflower (riced or raw)
	('chicken_curry_cauli_keto', '11458', 60, 50, 120),	-- spinach, wilted
	('chicken_curry_cauli_keto', '02015', 3, 1, 4),	-- curry powder
	('chicken_curry_cauli_keto', '04047', 5, 3, 60),	-- coconut oil
	-- Chicken and chickpea curry with basmati-style rice
	('chicken_curry_rice', '05064', 120, 40, 360),	-- chicken breast, roasted
	('chicken_curry_rice', '16057', 80, 40, 200),	-- chickpeas, boiled
	('chicken_curry_rice', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('chicken_curry_rice', '20045', 150, 40, 450),	-- white rice, cooked
	('chicken_curry_rice', '02015', 3, 1, 4),	-- curry powder
	('chicken_curry_rice', '04582', 8, 3, 60),	-- canola oil
	('chicken_curry_rice', '11282', 40, 20, 80),	-- onion
	-- Chicken souvlaki with bulgur and cucumber yogurt
	('chicken_souvlaki_bulgur', '05064', 140, 40, 400),	-- chicken breast, roasted
	('chicken_souvlaki_bulgur', '20013', 150, 40, 450),	-- bulgur, cooked
	('chicken_souvlaki_bulgur', '11205', 80, 40, 160),	-- cucumber
	('chicken_souvlaki_bulgur', '01117', 60, 30, 180),	-- plain low-fat yogurt
	('chicken_souvlaki_bulgur', '04053', 8, 3, 60),	-- olive oil
	('chicken_souvlaki_bulgur', '02027', 1, 1, 1),	-- dried oregano
	('chicken_souvlaki_bulgur', '09152', 10, 5, 15),	-- lemon juice
	-- Paprika chicken with sweet potato and Brussels sprouts
	('chicken_sweet_potato_paleo', '05098', 150, 50, 400),	-- chicken thigh, roasted
	('chicken_sweet_potato_paleo', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('chicken_sweet_potato_paleo', '11099', 120, 50, 240),	-- Brussels sprouts, cooked
	('chicken_sweet_potato_paleo', '04053', 10, 3, 60),	-- olive oil
	('chicken_sweet_potato_paleo', '02028', 2, 1, 3),	-- paprika
	-- Chicken fajitas with peppers and corn tortillas
	('chicken_fajitas', '05064', 140, 40, 400),	-- chicken breast, roasted
	('chicken_fajitas', '18449', 78, 26, 208),	-- corn tortilla, no salt added
	('chicken_fajitas', '11821', 100, 40, 200),	-- red bell pepper
	('chicken_fajitas', '11282', 60, 20, 120),	-- onion
	('chicken_fajitas', '09037', 40, 30, 300),	-- avocado
	('chicken_fajitas', '04582', 8, 3, 60),	-- canola oil
	('chicken_fajitas', '09160', 10, 5, 15),	-- lime juice
	-- Chicken pesto whole-wheat pasta with tomatoes
	('chicken_pesto_pasta', '05064', 120, 40, 360),	-- chicken breast, roasted
	('chicken_pesto_pasta', '20125', 150, 40, 450),	-- whole-wheat spaghetti, cooked
	('chicken_pesto_pasta', '02044', 10, 5, 15),	-- fresh basil
	('chicken_pesto_pasta', '12147', 10, 5, 30),	-- pine nuts
	('chicken_pesto_pasta', '04053', 10, 3, 60),	-- olive oil
	('chicken_pesto_pasta', '01032', 10, 5, 15),	-- parmesan, grated
	('chicken_pesto_pasta', '11529', 80, 40, 160),	-- tomatoes
	-- Chicken and cashew stir-fry with rice
	('chicken_stirfry_cashew', '05064', 130, 40, 390),	-- chicken breast, roasted
	('chicken_stirfry_cashew', '20045', 150, 40, 450),	-- white rice, cooked
	('chicken_stirfry_cashew', '12087', 20, 10, 60),	-- cashews
	('chicken_stirfry_cashew', '11091', 100, 50, 200),	-- broccoli, steamed
	('chicken_stirfry_cashew', '11821', 60, 40, 120),	-- red bell pepper
	('chicken_stirfry_cashew', '16424', 6, 3, 9),	-- reduced-sodium soy sauce
	('chicken_stirfry_cashew', '04582', 8, 3, 60),	-- canola oil
	-- Lemon chicken with potatoes and zucchini
	('chicken_lemon_potatoes', '05098', 150, 50, 400),	-- chicken thigh, roasted
	('chicken_lemon_potatoes', '11356', 200, 80, 500),	-- potato, baked with skin
	('chicken_lemon_potatoes', '11477', 120, 50, 240),	-- zucchini
	('chicken_lemon_potatoes', '04053', 10, 3, 60),	-- olive oil
	('chicken_lemon_potatoes', '09152', 15, 5, 20),	-- lemon juice
	('chicken_lemon_potatoes', '02027', 1, 1, 1),	-- dried oregano
	-- Chicken with creamy mushroom sauce and green beans
	('chicken_mushroom_cream_keto', '05064', 150, 50, 400),	-- chicken breast, roasted
	('chicken_mushroom_cream_keto', '11260', 100, 30, 200),	-- mushrooms
	('chicken_mushroom_cream_keto', '01053', 40, 15, 100),	-- heavy cream
	('chicken_mushroom_cream_keto', '11053', 120, 50, 240),	-- green beans, cooked
	('chicken_mushroom_cream_keto', '01145', 8, 3, 60),	-- butter, unsalted
	-- Chicken livers with onions and mashed sweet potato
	('chicken_liver_onions', '05028', 120, 40, 250),	-- chicken livers, simmered
	('chicken_liver_onions', '11282', 80, 20, 150),	-- onion
	('chicken_liver_onions', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('chicken_liver_onions', '04053', 10, 3, 60),	-- olive oil
	('chicken_liver_onions', '11458', 80, 50, 160),	-- spinach, wilted
	-- Turkey meatballs with zucchini noodles and tomato sauce
	('turkey_meatballs_zoodles', '05663', 150, 50, 400),	-- lean ground turkey, cooked
	('turkey_meatballs_zoodles', '11477', 200, 60, 350),	-- zucchini
	('turkey_meatballs_zoodles', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('turkey_meatballs_zoodles', '04053', 10, 3, 60),	-- olive oil
	('turkey_meatballs_zoodles', '02044', 4, 2, 6),	-- fresh basil
	('turkey_meatballs_zoodles', '11215', 3, 3, 4),	-- garlic
	-- Turkey bolognese with whole-wheat spaghetti
	('turkey_spaghetti_bolognese', '05663', 120, 40, 360),	-- lean ground turkey, cooked
	('turkey_spaghetti_bolognese', '20125', 160, 40, 480),	-- whole-wheat spaghetti, cooked
	('turkey_spaghetti_bolognese', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('turkey_spaghetti_bolognese', '11282', 40, 20, 80),	-- onion
	('turkey_spaghetti_bolognese', '11124', 40, 30, 80),	-- carrots
	('turkey_spaghetti_bolognese', '04053', 8, 3, 60),	-- olive oil
	('turkey_spaghetti_bolognese', '01032', 5, 5, 5),	-- parmesan, grated
	-- Turkey-stuffed butternut squash with kale
	('turkey_stuffed_squash', '05220', 140, 40, 400),	-- turkey breast, roasted
	('turkey_stuffed_squash', '11486', 200, 80, 350),	-- butternut squash, roasted
	('turkey_stuffed_squash', '11233', 60, 30, 120),	-- kale
	('turkey_stuffed_squash', '04053', 8, 3, 60),	-- olive oil
	('turkey_stuffed_squash', '12142', 10, 10, 30),	-- pecans
	-- Beef and broccoli stir-fry
	('beef_broccoli_keto', '13070', 150, 50, 400),	-- flank steak, broiled
	('beef_broccoli_keto', '11091', 180, 50, 300),	-- broccoli, steamed
	('beef_broccoli_keto', '04058', 8, 2, 30),	-- toasted sesame oil
	('beef_broccoli_keto', '16124', 5, 2, 7),	-- tamari (wheat-free soy sauce)
	('beef_broccoli_keto', '11216', 4, 3, 6),	-- fresh ginger
	('beef_broccoli_keto', '11215', 3, 3, 4),	-- garlic
	-- Beef and snow pea stir-fry with rice
	('beef_stirfry_rice', '13070', 130, 40, 390),	-- flank steak, broiled
	('beef_stirfry_rice', '20045', 160, 40, 480),	-- white rice, cooked
	('beef_stirfry_rice', '11300', 100, 30, 200),	-- snow peas
	('beef_stirfry_rice', '11821', 60, 40, 120),	-- red bell pepper
	('beef_stirfry_rice', '16424', 6, 3, 9),	-- reduced-sodium soy sauce
	('beef_stirfry_rice', '04582', 8, 3, 60),	-- canola oil
	-- Sirloin steak with baked potato and asparagus
	('steak_potato_asparagus', '13290', 150, 50, 400),	-- beef sirloin steak, lean, cooked
	('steak_potato_asparagus', '11356', 200, 80, 500),	-- potato, baked with skin
	('steak_potato_asparagus', '11012', 120, 50, 240),	-- asparagus, cooked
	('steak_potato_asparagus', '04053', 8, 3, 60),	-- olive oil
	('steak_potato_asparagus', '01056', 20, 15, 60),	-- sour cream
	-- Garlic butter steak with green beans
	('steak_butter_greenbeans_keto', '13290', 160, 50, 400),	-- beef sirloin steak, lean, cooked
	('steak_butter_greenbeans_keto', '11053', 150, 50, 300),	-- green beans, cooked
	('steak_butter_greenbeans_keto', '01145', 12, 3, 60),	-- butter, unsalted
	('steak_butter_greenbeans_keto', '11215', 3, 3, 4),	-- garlic
	('steak_butter_greenbeans_keto', '11260', 60, 30, 120),	-- mushrooms
	-- Beef and bean chili with brown rice
	('beef_chili_beans', '23565', 120, 40, 360),	-- lean ground beef (90%), cooked
	('beef_chili_beans', '16033', 120, 40, 300),	-- red kidney beans, boiled
	('beef_chili_beans', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('beef_chili_beans', '20037', 120, 40, 360),	-- brown rice, cooked
	('beef_chili_beans', '11282', 40, 20, 80),	-- onion
	('beef_chili_beans', '02009', 3, 1, 4),	-- chili powder
	('beef_chili_beans', '04053', 6, 3, 60),	-- olive oil
	-- Burger bowl with sweet potato wedges
	('beef_burger_bowl_paleo', '23565', 140, 40, 400),	-- lean ground beef (90%), cooked
	('beef_burger_bowl_paleo', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('beef_burger_bowl_paleo', '11251', 60, 30, 120),	-- romaine lettuce
	('beef_burger_bowl_paleo', '11529', 80, 40, 160),	-- tomatoes
	('beef_burger_bowl_paleo', '09037', 50, 30, 300),	-- avocado
	('beef_burger_bowl_paleo', '04581', 6, 3, 60),	-- avocado oil
	-- Roast beef with root vegetables
	('beef_roast_vegetables', '13419', 140, 40, 400),	-- lean beef roast (eye of round)
	('beef_roast_vegetables', '11356', 180, 80, 500),	-- potato, baked with skin
	('beef_roast_vegetables', '11125', 100, 50, 200),	-- carrots, steamed
	('beef_roast_vegetables', '11099', 100, 50, 200),	-- Brussels sprouts, cooked
	('beef_roast_vegetables', '04053', 8, 3, 60),	-- olive oil
	-- Pork tenderloin with apples and sweet potato
	('pork_apple_sweet_potato', '10061', 150, 50, 400),	-- pork tenderloin, roasted
	('pork_apple_sweet_potato', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('pork_apple_sweet_potato', '09003', 182, 182, 364),	-- apple
	('pork_apple_sweet_potato', '11053', 100, 50, 200),	-- green beans, cooked
	('pork_apple_sweet_potato', '04053', 8, 3, 60),	-- olive oil
	-- Pork chops with braised cabbage and mustard
	('pork_chop_cabbage_keto', '10042', 160, 50, 400),	-- pork loin chop, broiled
	('pork_chop_cabbage_keto', '11109', 180, 50, 250),	-- cabbage
	('pork_chop_cabbage_keto', '04053', 12, 3, 60),	-- olive oil
	('pork_chop_cabbage_keto', '02046', 10, 5, 15),	-- mustard
	('pork_chop_cabbage_keto', '02048', 5, 5, 5),	-- cider vinegar
	-- Pork, egg and vegetable fried rice
	('pork_fried_rice', '10061', 110, 40, 330),	-- pork tenderloin, roasted
	('pork_fried_rice', '01129', 50, 50, 150),	-- egg, cooked
	('pork_fried_rice', '20037', 160, 40, 480),	-- brown rice, cooked
	('pork_fried_rice', '11313', 60, 40, 120),	-- green peas, cooked
	('pork_fried_rice', '11124', 40, 30, 80),	-- carrots
	('pork_fried_rice', '16424', 6, 3, 9),	-- reduced-sodium soy sauce
	('pork_fried_rice', '04582', 8, 3, 60),	-- canola oil
	-- Lamb with minted couscous and roasted vegetables
	('lamb_mint_couscous', '17014', 130, 40, 390),	-- lamb leg, lean, roasted
	('lamb_mint_couscous', '20029', 150, 40, 450),	-- couscous, cooked
	('lamb_mint_couscous', '11477', 100, 50, 200),	-- zucchini
	('lamb_mint_couscous', '11821', 60, 40, 120),	-- red bell pepper
	('lamb_mint_couscous', '04053', 8, 3, 60),	-- olive oil
	('lamb_mint_couscous', '02065', 3, 1, 4),	-- fresh mint
	-- Lamb with roasted eggplant and yogurt
	('lamb_eggplant_keto', '17014', 150, 50, 400),	-- lamb leg, lean, roasted
	('lamb_eggplant_keto', '11210', 120, 50, 240),	-- eggplant, cooked
	('lamb_eggplant_keto', '01116', 50, 30, 150),	-- plain whole-milk yogurt
	('lamb_eggplant_keto', '04053', 12, 3, 60),	-- olive oil
	('lamb_eggplant_keto', '02014', 1, 1, 1),	-- ground cumin
	('lamb_eggplant_keto', '02065', 2, 1, 3),	-- fresh mint
	-- Red lentil dal with brown rice and spinach
	('lentil_dal_rice', '16070', 200, 60, 400),	-- lentils, boiled
	('lentil_dal_rice', '20037', 130, 40, 390),	-- brown rice, cooked
	('lentil_dal_rice', '11458', 80, 50, 160),	-- spinach, wilted
	('lentil_dal_rice', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('lentil_dal_rice', '04582', 8, 3, 60),	-- canola oil
	('lentil_dal_rice', '02015', 3, 1, 4),	-- curry powder
	('lentil_dal_rice', '11282', 40, 20, 80),	-- onion
	-- Chickpea and spinach stew with quinoa
	('chickpea_spinach_stew', '16057', 180, 50, 400),	-- chickpeas, boiled
	('chickpea_spinach_stew', '20137', 120, 40, 360),	-- quinoa, cooked
	('chickpea_spinach_stew', '11458', 100, 50, 200),	-- spinach, wilted
	('chickpea_spinach_stew', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('chickpea_spinach_stew', '04053', 10, 3, 60),	-- olive oil
	('chickpea_spinach_stew', '02014', 2, 1, 3),	-- ground cumin
	('chickpea_spinach_stew', '11215', 3, 3, 4),	-- garlic
	-- Black bean and sweet potato tacos
	('black_bean_tacos', '16015', 150, 40, 370),	-- black beans, boiled
	('black_bean_tacos', '11508', 120, 80, 360),	-- sweet potato, baked in skin
	('black_bean_tacos', '18449', 78, 26, 208),	-- corn tortilla, no salt added
	('black_bean_tacos', '09037', 50, 30, 300),	-- avocado
	('black_bean_tacos', '06164', 40, 20, 60),	-- tomato salsa
	('black_bean_tacos', '11109', 50, 30, 100),	-- cabbage
	-- Lentil bolognese with whole-wheat spaghetti
	('lentil_bolognese', '16070', 150, 40, 370),	-- lentils, boiled
	('lentil_bolognese', '20125', 150, 40, 450),	-- whole-wheat spaghetti, cooked
	('lentil_bolognese', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('lentil_bolognese', '11124', 40, 30, 80),	-- carrots
	('lentil_bolognese', '11282', 40, 20, 80),	-- onion
	('lentil_bolognese', '04053', 10, 3, 60),	-- olive oil
	('lentil_bolognese', '02044', 3, 2, 4),	-- fresh basil
	-- Three-bean chili with millet
	('bean_chili_vegan', '16033', 100, 40, 250),	-- red kidney beans, boiled
	('bean_chili_vegan', '16015', 100, 40, 250),	-- black beans, boiled
	('bean_chili_vegan', '16043', 80, 40, 200),	-- pinto beans, boiled
	('bean_chili_vegan', '11885', 200, 80, 400),	-- canned tomatoes, no salt added
	('bean_chili_vegan', '20032', 120, 40, 360),	-- millet, cooked
	('bean_chili_vegan', '11282', 50, 20, 100),	-- onion
	('bean_chili_vegan', '04053', 8, 3, 60),	-- olive oil
	('bean_chili_vegan', '02009', 3, 1, 4),	-- chili powder
	-- Chickpea Buddha bowl with tahini
	('buddha_bowl_tahini', '16057', 150, 40, 370),	-- chickpeas, boiled
	('buddha_bowl_tahini', '11508', 150, 80, 450),	-- sweet potato, baked in skin
	('buddha_bowl_tahini', '11233', 60, 30, 120),	-- kale
	('buddha_bowl_tahini', '12166', 15, 10, 45),	-- tahini
	('buddha_bowl_tahini', '09152', 10, 5, 15),	-- lemon juice
	('buddha_bowl_tahini', '20037', 80, 40, 240),	-- brown rice, cooked
	-- White bean, kale and garlic pasta
	('white_bean_pasta', '16050', 130, 40, 320),	-- white beans, boiled
	('white_bean_pasta', '20125', 140, 40, 420),	-- whole-wheat spaghetti, cooked
	('white_bean_pasta', '11233', 60, 30, 120),	-- kale
	('white_bean_pasta', '04053', 12, 3, 60),	-- olive oil
	('white_bean_pasta', '11215', 4, 3, 6),	-- garlic
	('white_bean_pasta', '09152', 5, 5, 5),	-- lemon juice
	-- Lentil and rice stuffed peppers
	('stuffed_peppers_lentil', '16070', 130, 40, 320),	-- lentils, boiled
	('stuffed_peppers_lentil', '20037', 100, 40, 300),	-- brown rice, cooked
	('stuffed_peppers_lentil', '11821', 200, 60, 250),	-- red bell pepper
	('stuffed_peppers_lentil', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('stuffed_peppers_lentil', '04053', 8, 3, 60),	-- olive oil
	('stuffed_peppers_lentil', '11297', 5, 3, 7),	-- fresh parsley
	-- Tofu and broccoli stir-fry with brown rice
	('tofu_broccoli_rice', '16426', 180, 60, 400),	-- firm tofu
	('tofu_broccoli_rice', '20037', 160, 40, 480),	-- brown rice, cooked
	('tofu_broccoli_rice', '11091', 150, 50, 300),	-- broccoli, steamed
	('tofu_broccoli_rice', '16424', 6, 3, 9),	-- reduced-sodium soy sauce
	('tofu_broccoli_rice', '04582', 8, 3, 60),	-- canola oil
	('tofu_broccoli_rice', '11216', 3, 3, 4),	-- fresh ginger
	-- Peanut tofu with rice noodles and vegetables
	('tofu_peanut_noodles', '16426', 160, 50, 400),	-- firm tofu
	('tofu_peanut_noodles', '20134', 160, 40, 480),	-- rice noodles, cooked
	('tofu_peanut_noodles', '11821', 80, 40, 160),	-- red bell pepper
	('tofu_peanut_noodles', '11300', 60, 30, 120),	-- snow peas
	('tofu_peanut_noodles', '16398', 20, 10, 60),	-- peanut butter, no salt
	('tofu_peanut_noodles', '09160', 10, 5, 15),	-- lime juice
	-- Tofu coconut curry with zucchini and spinach
	('tofu_green_curry_keto', '16426', 200, 70, 400),	-- firm tofu
	('tofu_green_curry_keto', '12118', 80, 30, 250),	-- coconut milk (canned)
	('tofu_green_curry_keto', '11477', 150, 50, 300),	-- zucchini
	('tofu_green_curry_keto', '11458', 60, 50, 120),	-- spinach, wilted
	('tofu_green_curry_keto', '02015', 3, 1, 4),	-- curry powder
	('tofu_green_curry_keto', '04047', 5, 3, 60),	-- coconut oil
	-- Sesame tofu with bok choy and mushrooms
	('tofu_bokchoy_keto', '16426', 200, 70, 400),	-- firm tofu
	('tofu_bokchoy_keto', '11117', 150, 50, 300),	-- bok choy, cooked
	('tofu_bokchoy_keto', '11260', 80, 30, 160),	-- mushrooms
	('tofu_bokchoy_keto', '04058', 10, 3, 30),	-- toasted sesame oil
	('tofu_bokchoy_keto', '16124', 5, 2, 7),	-- tamari (wheat-free soy sauce)
	('tofu_bokchoy_keto', '11216', 3, 3, 4),	-- fresh ginger
	-- Tempeh with kale, walnuts and avocado
	('tempeh_walnut_kale', '16114', 150, 50, 400),	-- tempeh
	('tempeh_walnut_kale', '11233', 80, 30, 160),	-- kale
	('tempeh_walnut_kale', '12155', 20, 10, 60),	-- walnuts
	('tempeh_walnut_kale', '09037', 60, 30, 300),	-- avocado
	('tempeh_walnut_kale', '04053', 10, 3, 60),	-- olive oil
	('tempeh_walnut_kale', '09152', 5, 5, 5),	-- lemon juice
	-- Zucchini noodles with walnut pesto and tofu
	('tofu_zoodle_pesto_keto', '16426', 180, 60, 400),	-- firm tofu
	('tofu_zoodle_pesto_keto', '11477', 200, 60, 350),	-- zucchini
	('tofu_zoodle_pesto_keto', '12155', 20, 10, 60),	-- walnuts
	('tofu_zoodle_pesto_keto', '02044', 10, 5, 15),	-- fresh basil
	('tofu_zoodle_pesto_keto', '04053', 12, 3, 60),	-- olive oil
	('tofu_zoodle_pesto_keto', '11215', 3, 3, 4),	-- garlic
	-- Tofu stir-fry with cauliflower rice
	('tofu_cauli_rice_keto', '16426', 200, 70, 400),	-- firm tofu
	('tofu_cauli_rice_keto', '11135', 150, 50, 300),	-- cauliflower (riced or raw)
	('tofu_cauli_rice_keto', '11333', 80, 40, 160),	-- green bell pepper
	('tofu_cauli_rice_keto', '04581', 10, 3, 60),	-- avocado oil
	('tofu_cauli_rice_keto', '16124', 4, 2, 6),	-- tamari (wheat-free soy sauce)
	('tofu_cauli_rice_keto', '11291', 10, 5, 20),	-- spring onions
	-- Lupini beans with ratatouille and olives
	('lupini_ratatouille_keto', '16077', 100, 50, 250),	-- lupini beans, boiled
	('lupini_ratatouille_keto', '11210', 60, 50, 120),	-- eggplant, cooked
	('lupini_ratatouille_keto', '11477', 100, 50, 200),	-- zucchini
	('lupini_ratatouille_keto', '09193', 30, 10, 60),	-- black olives
	('lupini_ratatouille_keto', '04053', 20, 6, 60),	-- olive oil
	('lupini_ratatouille_keto', '02044', 3, 2, 4),	-- fresh basil
	-- Edamame, mushroom and spinach stir-fry with almonds
	('edamame_mushroom_keto', '11212', 120, 50, 300),	-- edamame, cooked
	('edamame_mushroom_keto', '11260', 80, 30, 160),	-- mushrooms
	('edamame_mushroom_keto', '11458', 80, 50, 160),	-- spinach, wilted
	('edamame_mushroom_keto', '12061', 20, 10, 60),	-- almonds
	('edamame_mushroom_keto', '04581', 10, 3, 60),	-- avocado oil
	('edamame_mushroom_keto', '11215', 3, 3, 4),	-- garlic
	-- Tempeh with sweet potato and green beans
	('tempeh_sweet_potato', '16114', 130, 40, 390),	-- tempeh
	('tempeh_sweet_potato', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('tempeh_sweet_potato', '11053', 120, 50, 240),	-- green beans, cooked
	('tempeh_sweet_potato', '04053', 8, 3, 60),	-- olive oil
	('tempeh_sweet_potato', '02028', 2, 1, 3),	-- paprika
	-- Vegetable frittata with potatoes and salad
	('egg_vegetable_frittata', '01129', 150, 50, 300),	-- egg, cooked
	('egg_vegetable_frittata', '11356', 150, 80, 450),	-- potato, baked with skin
	('egg_vegetable_frittata', '11477', 80, 50, 160),	-- zucchini
	('egg_vegetable_frittata', '11821', 60, 40, 120),	-- red bell pepper
	('egg_vegetable_frittata', '04053', 10, 3, 60),	-- olive oil
	('egg_vegetable_frittata', '11253', 50, 30, 100),	-- leaf lettuce
	-- Cauliflower cheese bake with eggs and spinach
	('cauliflower_cheese_keto', '11136', 250, 70, 350),	-- cauliflower, roasted
	('cauliflower_cheese_keto', '01009', 40, 15, 80),	-- cheddar
	('cauliflower_cheese_keto', '01129', 100, 50, 300),	-- egg, cooked
	('cauliflower_cheese_keto', '11458', 60, 50, 120),	-- spinach, wilted
	('cauliflower_cheese_keto', '01145', 8, 3, 60),	-- butter, unsalted
	-- Mushroom, spinach and goat cheese frittata
	('mushroom_goat_frittata_keto', '01129', 150, 50, 300),	-- egg, cooked
	('mushroom_goat_frittata_keto', '11260', 100, 30, 200),	-- mushrooms
	('mushroom_goat_frittata_keto', '11458', 80, 50, 160),	-- spinach, wilted
	('mushroom_goat_frittata_keto', '01159', 30, 15, 80),	-- soft goat cheese
	('mushroom_goat_frittata_keto', '04053', 10, 3, 60),	-- olive oil
	-- Eggplant and ricotta bake with white beans
	('eggplant_ricotta_bake', '11210', 200, 60, 300),	-- eggplant, cooked
	('eggplant_ricotta_bake', '01036', 80, 30, 240),	-- ricotta, whole milk
	('eggplant_ricotta_bake', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('eggplant_ricotta_bake', '16050', 100, 40, 250),	-- white beans, boiled
	('eggplant_ricotta_bake', '01028', 20, 20, 60),	-- mozzarella, part-skim
	('eggplant_ricotta_bake', '04053', 10, 3, 60),	-- olive oil
	('eggplant_ricotta_bake', '02044', 3, 2, 4),	-- fresh basil
	-- Spaghetti squash with ricotta, spinach and parmesan
	('spaghetti_squash_ricotta_keto', '11493', 150, 80, 300),	-- spaghetti squash, baked
	('spaghetti_squash_ricotta_keto', '01036', 80, 30, 240),	-- ricotta, whole milk
	('spaghetti_squash_ricotta_keto', '11458', 80, 50, 160),	-- spinach, wilted
	('spaghetti_squash_ricotta_keto', '01032', 10, 5, 15),	-- parmesan, grated
	('spaghetti_squash_ricotta_keto', '04053', 10, 3, 60),	-- olive oil
	('spaghetti_squash_ricotta_keto', '12147', 10, 5, 30),	-- pine nuts
	-- Barley and mushroom risotto with peas
	('barley_mushroom_risotto', '20006', 180, 50, 500),	-- pearl barley, cooked
	('barley_mushroom_risotto', '11260', 120, 30, 240),	-- mushrooms
	('barley_mushroom_risotto', '11313', 60, 40, 120),	-- green peas, cooked
	('barley_mushroom_risotto', '01032', 10, 5, 15),	-- parmesan, grated
	('barley_mushroom_risotto', '04053', 10, 3, 60),	-- olive oil
	('barley_mushroom_risotto', '11282', 40, 20, 80),	-- onion
	('barley_mushroom_risotto', '16050', 60, 40, 150),	-- white beans, boiled
	-- Lupini bean coconut curry with cauliflower rice
	('lupini_coconut_curry_keto', '16077', 110, 50, 270),	-- lupini beans, boiled
	('lupini_coconut_curry_keto', '12118', 100, 30, 250),	-- coconut milk (canned)
	('lupini_coconut_curry_keto', '11458', 60, 50, 120),	-- spinach, wilted
	('lupini_coconut_curry_keto', '11135', 100, 50, 200),	-- cauliflower (riced or raw)
	('lupini_coconut_curry_keto', '02015', 3, 1, 4),	-- curry powder
	-- Walnut and mushroom lettuce tacos with avocado
	('walnut_mushroom_tacos_keto', '12155', 30, 10, 90),	-- walnuts
	('walnut_mushroom_tacos_keto', '11260', 150, 40, 250),	-- mushrooms
	('walnut_mushroom_tacos_keto', '11251', 100, 30, 200),	-- romaine lettuce
	('walnut_mushroom_tacos_keto', '09037', 70, 30, 300),	-- avocado
	('walnut_mushroom_tacos_keto', '12016', 20, 10, 60),	-- pumpkin seeds, roasted, unsalted
	('walnut_mushroom_tacos_keto', '09160', 10, 5, 15),	-- lime juice
	('walnut_mushroom_tacos_keto', '02014', 2, 1, 3),	-- ground cumin
	-- Chicken thighs with roasted butternut squash and kale
	('chicken_butternut_kale', '05098', 160, 50, 400),	-- chicken thigh, roasted
	('chicken_butternut_kale', '11486', 220, 80, 350),	-- butternut squash, roasted
	('chicken_butternut_kale', '11233', 60, 30, 120),	-- kale
	('chicken_butternut_kale', '04053', 10, 3, 60),	-- olive oil
	-- Flank steak with chimichurri and sweet potato
	('steak_chimichurri_sweet_potato', '13070', 150, 50, 400),	-- flank steak, broiled
	('steak_chimichurri_sweet_potato', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('steak_chimichurri_sweet_potato', '11053', 100, 50, 200),	-- green beans, cooked
	('steak_chimichurri_sweet_potato', '11297', 10, 5, 15),	-- fresh parsley
	('steak_chimichurri_sweet_potato', '04053', 12, 3, 60),	-- olive oil
	('steak_chimichurri_sweet_potato', '02068', 10, 5, 15),	-- red wine vinegar
	-- Pork tenderloin with roasted carrots, beets and arugula
	('pork_roots_arugula', '10061', 150, 50, 400),	-- pork tenderloin, roasted
	('pork_roots_arugula', '11125', 100, 50, 200),	-- carrots, steamed
	('pork_roots_arugula', '11081', 100, 50, 200),	-- beets, cooked
	('pork_roots_arugula', '11959', 40, 20, 80),	-- arugula
	('pork_roots_arugula', '04053', 10, 3, 60),	-- olive oil
	-- Turkey burgers with mushrooms and sweet potato wedges
	('turkey_burger_portobello', '05663', 150, 50, 400),	-- lean ground turkey, cooked
	('turkey_burger_portobello', '11260', 100, 30, 200),	-- mushrooms
	('turkey_burger_portobello', '11508', 180, 80, 500),	-- sweet potato, baked in skin
	('turkey_burger_portobello', '11251', 50, 30, 100),	-- romaine lettuce
	('turkey_burger_portobello', '04581', 8, 3, 60),	-- avocado oil
	-- Lamb kofta with cauliflower tabbouleh
	('lamb_kofta_cauli_tabbouleh', '17014', 140, 40, 400),	-- lamb leg, lean, roasted
	('lamb_kofta_cauli_tabbouleh', '11135', 150, 50, 300),	-- cauliflower (riced or raw)
	('lamb_kofta_cauli_tabbouleh', '11297', 15, 7, 22),	-- fresh parsley
	('lamb_kofta_cauli_tabbouleh', '02065', 3, 1, 4),	-- fresh mint
	('lamb_kofta_cauli_tabbouleh', '11529', 80, 40, 160),	-- tomatoes
	('lamb_kofta_cauli_tabbouleh', '11205', 80, 40, 160),	-- cucumber
	('lamb_kofta_cauli_tabbouleh', '04053', 12, 3, 60),	-- olive oil
	('lamb_kofta_cauli_tabbouleh', '09152', 10, 5, 15),	-- lemon juice
	-- Coconut chicken curry with sweet potato and spinach
	('coconut_chicken_sweet_potato', '05064', 140, 40, 400),	-- chicken breast, roasted
	('coconut_chicken_sweet_potato', '12118', 70, 30, 250),	-- coconut milk (canned)
	('coconut_chicken_sweet_potato', '11508', 160, 80, 480),	-- sweet potato, baked in skin
	('coconut_chicken_sweet_potato', '11458', 80, 50, 160),	-- spinach, wilted
	('coconut_chicken_sweet_potato', '02015', 3, 1, 4),	-- curry powder
	-- Grilled king mackerel with tomato-pepper sauce and brown rice
	('king_mackerel_tomato_rice', '15200', 150, 50, 400),	-- king mackerel, grilled
	('king_mackerel_tomato_rice', '20037', 150, 40, 450),	-- brown rice, cooked
	('king_mackerel_tomato_rice', '11885', 120, 80, 240),	-- canned tomatoes, no salt added
	('king_mackerel_tomato_rice', '11333', 60, 40, 120),	-- green bell pepper
	('king_mackerel_tomato_rice', '04053', 8, 3, 60),	-- olive oil
	('king_mackerel_tomato_rice', '11546', 10, 10, 15),	-- tomato paste, no salt added
	-- Chicken meatballs with corn pasta and tomato sauce
	('chicken_meatballs_corn_pasta', '05333', 130, 40, 390),	-- ground chicken, cooked
	('chicken_meatballs_corn_pasta', '20092', 150, 40, 450),	-- corn pasta (gluten-free), cooked
	('chicken_meatballs_corn_pasta', '11885', 150, 80, 300),	-- canned tomatoes, no salt added
	('chicken_meatballs_corn_pasta', '11546', 10, 10, 15),	-- tomato paste, no salt added
	('chicken_meatballs_corn_pasta', '04053', 8, 3, 60),	-- olive oil
	('chicken_meatballs_corn_pasta', '02044', 4, 2, 6),	-- fresh basil
	-- Peanut chicken with collard greens and brown rice
	('peanut_chicken_collards', '05064', 130, 40, 390),	-- chicken breast, roasted
	('peanut_chicken_collards', '16390', 20, 10, 60),	-- peanuts, dry-roasted, unsalted
	('peanut_chicken_collards', '11162', 120, 50, 240),	-- collard greens, cooked
	('peanut_chicken_collards', '20037', 140, 40, 420),	-- brown rice, cooked
	('peanut_chicken_collards', '11885', 80, 80, 160),	-- canned tomatoes, no salt added
	('peanut_chicken_collards', '04582', 5, 3, 60),	-- canola oil
	-- Apple slices with almond butter
	('apple_almond_butter', '09003', 182, 182, 364),	-- apple
	('apple_almond_butter', '12195', 15, 10, 45),	-- almond butter, no salt
	-- Banana with peanut butter
	('banana_peanut_butter', '09040', 118, 118, 236),	-- banana
	('banana_peanut_butter', '16398', 15, 10, 45),	-- peanut butter, no salt
	-- Yogurt with blueberries and flax
	('yogurt_berries_snack', '01117', 150, 60, 400),	-- plain low-fat yogurt
	('yogurt_berries_snack', '09050', 80, 30, 160),	-- blueberries
	('yogurt_berries_snack', '12220', 5, 5, 15),	-- ground flaxseed
	-- Cottage cheese with pineapple
	('cottage_pineapple_snack', '01012', 150, 60, 400),	-- cottage cheese
	('cottage_pineapple_snack', '09266', 80, 50, 160),	-- pineapple
	-- Hummus with carrot and cucumber sticks
	('hummus_carrots', '16137', 50, 30, 125),	-- hummus
	('hummus_carrots', '11124', 80, 30, 160),	-- carrots
	('hummus_carrots', '11205', 80, 40, 160),	-- cucumber
	-- Hummus with whole-wheat pita
	('hummus_pita_snack', '16137', 50, 30, 125),	-- hummus
	('hummus_pita_snack', '18042', 64, 64, 128),	-- whole-wheat pita
	('hummus_pita_snack', '11821', 60, 40, 120),	-- red bell pepper
	-- Rice cakes with avocado and tomato
	('rice_cakes_avocado', '19816', 18, 9, 36),	-- brown rice cake, unsalted
	('rice_cakes_avocado', '09037', 50, 30, 300),	-- avocado
	('rice_cakes_avocado', '11529', 50, 40, 100),	-- tomatoes
	-- Rice cakes with peanut butter and banana
	('rice_cakes_pb', '19816', 18, 9, 36),	-- brown rice cake, unsalted
	('rice_cakes_pb', '16398', 15, 10, 45),	-- peanut butter, no salt
	('rice_cakes_pb', '09040', 118, 118, 236),	-- banana
	-- Trail mix with almonds, pumpkin seeds and raisins
	('trail_mix', '12061', 15, 10, 45),	-- almonds
	('trail_mix', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	('trail_mix', '09298', 20, 10, 40),	-- raisins
	-- Medjool dates with walnuts
	('dates_walnuts', '09421', 48, 24, 96),	-- medjool dates
	('dates_walnuts', '12155', 15, 10, 45),	-- walnuts
	-- Steamed edamame with lime
	('edamame_snack', '11212', 120, 50, 300),	-- edamame, cooked
	('edamame_snack', '09160', 5, 5, 5),	-- lime juice
	-- Boiled eggs with cherry tomatoes
	('boiled_eggs_tomatoes', '01129', 100, 50, 300),	-- egg, cooked
	('boiled_eggs_tomatoes', '11529', 100, 40, 200),	-- tomatoes
	('boiled_eggs_tomatoes', '02030', 1, 1, 1),	-- black pepper
	-- Cheddar with apple
	('cheese_apple', '01009', 25, 15, 75),	-- cheddar
	('cheese_apple', '09003', 182, 182, 364),	-- apple
	-- Air-popped popcorn with almonds
	('popcorn_almonds', '19806', 25, 15, 50),	-- popcorn, air-popped
	('popcorn_almonds', '12061', 15, 10, 45),	-- almonds
	('popcorn_almonds', '04053', 3, 3, 60),	-- olive oil
	-- Pear with goat cheese and walnuts
	('pear_goat_cheese', '09252', 178, 178, 356),	-- pear
	('pear_goat_cheese', '01159', 20, 15, 60),	-- soft goat cheese
	('pear_goat_cheese', '12155', 10, 10, 30),	-- walnuts
	-- Kiwi with pistachios
	('kiwi_pistachios', '09148', 138, 69, 207),	-- kiwi
	('kiwi_pistachios', '12151', 20, 10, 60),	-- pistachios
	-- Orange with walnuts
	('orange_walnuts', '09200', 131, 131, 262),	-- orange
	('orange_walnuts', '12155', 15, 10, 45),	-- walnuts
	-- Cocoa date energy bites
	('energy_bites', '09421', 48, 24, 96),	-- medjool dates
	('energy_bites', '12061', 20, 10, 60),	-- almonds
	('energy_bites', '19165', 5, 3, 7),	-- cocoa powder, unsweetened
	('energy_bites', '12108', 5, 5, 15),	-- unsweetened coconut flakes
	-- Berry soy smoothie
	('smoothie_snack_soy', '16222', 200, 80, 500),	-- soy milk, unsweetened
	('smoothie_snack_soy', '09316', 100, 40, 200),	-- strawberries
	('smoothie_snack_soy', '09040', 118, 118, 236),	-- banana
	('smoothie_snack_soy', '12220', 5, 5, 15),	-- ground flaxseed
	-- Chia pudding with raspberries
	('chia_pudding_snack', '12006', 20, 10, 60),	-- chia seeds
	('chia_pudding_snack', '16222', 150, 60, 450),	-- soy milk, unsweetened
	('chia_pudding_snack', '09302', 60, 30, 120),	-- raspberries
	-- Roasted chickpeas with paprika
	('roasted_chickpeas', '16057', 100, 40, 250),	-- chickpeas, boiled
	('roasted_chickpeas', '04053', 5, 3, 60),	-- olive oil
	('roasted_chickpeas', '02028', 1, 1, 1),	-- paprika
	-- Olives with mozzarella and tomato
	('olives_cheese_keto', '09193', 25, 10, 60),	-- black olives
	('olives_cheese_keto', '01028', 30, 20, 90),	-- mozzarella, part-skim
	('olives_cheese_keto', '11529', 60, 40, 120),	-- tomatoes
	('olives_cheese_keto', '02044', 2, 2, 3),	-- fresh basil
	-- Almonds and olives
	('almonds_olives_keto', '12061', 20, 10, 60),	-- almonds
	('almonds_olives_keto', '09193', 25, 10, 60),	-- black olives
	-- Celery with almond butter
	('celery_almond_butter_keto', '11143', 100, 30, 150),	-- celery
	('celery_almond_butter_keto', '12195', 20, 10, 60),	-- almond butter, no salt
	-- Boiled egg with avocado
	('eggs_avocado_keto', '01129', 50, 50, 150),	-- egg, cooked
	('eggs_avocado_keto', '09037', 60, 30, 300),	-- avocado
	('eggs_avocado_keto', '02030', 1, 1, 1),	-- black pepper
	-- Avocado with pumpkin seeds and lime
	('avocado_pumpkin_seeds', '09037', 80, 30, 300),	-- avocado
	('avocado_pumpkin_seeds', '12016', 15, 10, 45),	-- pumpkin seeds, roasted, unsalted
	('avocado_pumpkin_seeds', '09160', 5, 5, 5),	-- lime juice
	-- Pecans with coconut and raspberries
	('pecans_coconut_keto', '12142', 20, 10, 60),	-- pecans
	('pecans_coconut_keto', '12108', 10, 5, 30),	-- unsweetened coconut flakes
	('pecans_coconut_keto', '09302', 50, 30, 100),	-- raspberries
	-- Cucumber rounds with cream cheese and dill
	('cucumber_cream_cheese', '11205', 120, 40, 240),	-- cucumber
	('cucumber_cream_cheese', '01017', 25, 15, 60),	-- cream cheese
	('cucumber_cream_cheese', '02045', 1, 1, 1),	-- fresh dill
	-- Strawberries with whipped cream and almonds
	('berries_cream_keto', '09316', 60, 30, 120),	-- strawberries
	('berries_cream_keto', '01053', 30, 15, 90),	-- heavy cream
	('berries_cream_keto', '12061', 10, 10, 30),	-- almonds
	-- Macadamias with blackberries
	('macadamia_berries', '12131', 15, 10, 45),	-- macadamia nuts
	('macadamia_berries', '09042', 80, 30, 160),	-- blackberries
	-- Tuna cucumber bites
	('tuna_cucumber_bites', '15184', 60, 40, 180),	-- tuna in water, no salt added, drained
	('tuna_cucumber_bites', '11205', 100, 40, 200),	-- cucumber
	('tuna_cucumber_bites', '04053', 5, 3, 60),	-- olive oil
	('tuna_cucumber_bites', '09152', 5, 5, 5),	-- lemon juice
	-- Turkey and avocado roll-ups with romaine
	('turkey_roll_ups', '05220', 60, 40, 180),	-- turkey breast, roasted
	('turkey_roll_ups', '09037', 40, 30, 300),	-- avocado
	('turkey_roll_ups', '11251', 40, 30, 80),	-- romaine lettuce
	-- Whole-milk yogurt with walnuts and cinnamon
	('yogurt_walnut_keto', '01116', 150, 60, 400),	-- plain whole-milk yogurt
	('yogurt_walnut_keto', '12155', 15, 10, 45),	-- walnuts
	('yogurt_walnut_keto', '02010', 1, 1, 1),	-- ground cinnamon
	-- Mango with cashews
	('mango_cashews', '09176', 120, 50, 240),	-- mango
	('mango_cashews', '12087', 15, 10, 45),	-- cashews
	-- Grapes with Swiss cheese
	('grapes_cheese', '09132', 120, 50, 240),	-- grapes
	('grapes_cheese', '01040', 20, 15, 60),	-- Swiss cheese
	-- Figs with ricotta and honey
	('figs_ricotta', '09094', 30, 20, 60),	-- dried figs
	('figs_ricotta', '01036', 50, 20, 150),	-- ricotta, whole milk
	('figs_ricotta', '19296', 5, 5, 5),	-- honey
	-- Cherries with sunflower seeds
	('sunflower_cherries', '09070', 120, 50, 240),	-- cherries
	('sunflower_cherries', '12037', 15, 10, 45),	-- sunflower seeds, unsalted
	-- Tamari tofu bites with pumpkin seeds
	('tofu_bites_keto', '16426', 120, 40, 360),	-- firm tofu
	('tofu_bites_keto', '16124', 3, 2, 4),	-- tamari (wheat-free soy sauce)
	('tofu_bites_keto', '12016', 10, 10, 30),	-- pumpkin seeds, roasted, unsalted
	('tofu_bites_keto', '04581', 5, 3, 60),	-- avocado oil
	-- Lupini beans with olives and lemon
	('lupini_olives', '16077', 70, 50, 170),	-- lupini beans, boiled
	('lupini_olives', '09193', 30, 10, 60),	-- black olives
	('lupini_olives', '09152', 5, 5, 5),	-- lemon juice
	-- Peach with low-fat yogurt and almonds
	('peach_yogurt', '09236', 150, 150, 300),	-- peach
	('peach_yogurt', '01117', 120, 40, 360),	-- plain low-fat yogurt
	('peach_yogurt', '12061', 10, 10, 30),	-- almonds
	-- Brazil nuts with dried apricots
	('brazil_apricots', '12078', 15, 10, 45),	-- brazil nuts
	('brazil_apricots', '09032', 30, 15, 60),	-- dried apricots
	-- Cantaloupe with cottage cheese and pumpkin seeds
	('cantaloupe_cottage', '09181', 150, 80, 300),	-- cantaloupe
	('cantaloupe_cottage', '01012', 120, 50, 360),	-- cottage cheese
	('cantaloupe_cottage', '12016', 10, 10, 30)	-- pumpkin seeds, roasted, unsalted
) AS v (slug, ndb, default_g, min_g, max_g)
JOIN meal_templates t ON t.slug = v.slug;

-- Every item row above names an existing template, and every template
-- has its items.
DO $$
BEGIN
	IF (SELECT count(*) FROM meal_template_items) <> 1227 OR
	    EXISTS (SELECT 1 FROM meal_templates t WHERE NOT EXISTS
		(SELECT 1 FROM meal_template_items i WHERE i.template_id = t.id)) THEN
		RAISE EXCEPTION 'meal_template_items: a row names no template';
	END IF;
END;
$$;
