-- 030: more dishes (issue 12, "Variety"). The catalog grows to 300 dishes
-- so that every diet, with any set of up to four of the form's
-- restrictions, has at least 7 breakfasts, 7 lunches and 7 dinners: 21
-- distinct dishes for a 3-meal week (tools/check_variety.c prints the
-- combinations, tests/integration/test_catalog.sh runs it). The gaps were
-- dishes free of every allergen: keto breakfasts without eggs, dairy or
-- nuts, vegan meals without gluten, soy, nuts or sesame, paleo breakfasts
-- and lunches, and snacks for all three. They are dishes people cook,
-- from the catalog's own foods (sql/004), with the same rules as there:
-- grams as eaten, item bounds within the ingredient's (sql/019), whole
-- units for countable foods, a protein, a carbohydrate and a fat source in
-- every meal, and the dish's title ingredient its largest or second-
-- largest item by weight or energy (named in each dish's comment). Each
-- has its method in lib/recipes_data.c.
--
-- Ids continue after sql/004 (so that every earlier dish keeps its
-- place), grouped by slot: 5xx breakfast, 6xx lunch, 7xx dinner, 8xx
-- snack.

INSERT INTO meal_templates (id, slug, name, slot, cuisine) VALUES
	-- breakfast
	(501, 'turkey_zucchini_patties', 'Turkey and zucchini breakfast patties with avocado', 'breakfast', 'american'),
	(502, 'steak_mushroom_skillet', 'Steak and mushroom breakfast skillet with spinach', 'breakfast', 'american'),
	(503, 'beef_pepper_skillet', 'Ground beef and pepper breakfast skillet with avocado', 'breakfast', 'american'),
	(504, 'coconut_chia_porridge', 'Coconut chia porridge with blackberries', 'breakfast', 'american'),
	(505, 'chicken_mushroom_hash', 'Chicken, mushroom and spinach breakfast hash with avocado', 'breakfast', 'american'),
	(506, 'seed_granola_coconut', 'Pumpkin seed granola with coconut milk and strawberries', 'breakfast', 'american'),
	(507, 'pork_kale_hash', 'Pork, kale and red pepper breakfast hash with avocado', 'breakfast', 'american'),
	(508, 'sweet_potato_bean_hash', 'Sweet potato and black bean breakfast hash', 'breakfast', 'mexican'),
	(509, 'buckwheat_blueberry_porridge', 'Buckwheat porridge with blueberries and pumpkin seeds', 'breakfast', 'european'),
	(510, 'millet_apple_porridge', 'Millet porridge with apple, cinnamon and sunflower seeds', 'breakfast', 'european'),
	(511, 'quinoa_mango_porridge', 'Quinoa porridge with mango, coconut milk and chia', 'breakfast', 'tropical'),
	(512, 'chickpea_potato_hash', 'Chickpea and potato breakfast hash with spinach', 'breakfast', 'indian'),
	(513, 'black_bean_quesadilla', 'Black bean and cheddar breakfast quesadilla', 'breakfast', 'mexican'),
	(514, 'egg_muffins_spinach', 'Egg muffins with spinach and red pepper', 'breakfast', 'american'),
	(515, 'huevos_rancheros', 'Huevos rancheros with black beans', 'breakfast', 'mexican'),
	(516, 'turkish_eggs_yogurt', 'Turkish eggs on garlic yogurt with rye toast', 'breakfast', 'turkish'),
	-- lunch
	(601, 'mujaddara', 'Mujaddara (lentils and rice with onions) with cucumber salad', 'lunch', 'middle_eastern'),
	(602, 'chickpea_veg_curry_rice', 'Chickpea and spinach curry with brown rice', 'lunch', 'indian'),
	(603, 'stuffed_sweet_potato_beans', 'Stuffed sweet potato with black beans and salsa', 'lunch', 'mexican'),
	(604, 'quinoa_tabbouleh_chickpeas', 'Quinoa tabbouleh with chickpeas', 'lunch', 'middle_eastern'),
	(605, 'black_bean_corn_salad', 'Black bean and corn salad with avocado and lime', 'lunch', 'mexican'),
	(606, 'lentil_sweet_potato_soup', 'Lentil and sweet potato soup', 'lunch', 'european'),
	(607, 'pinto_bean_tacos', 'Pinto bean tacos with cabbage slaw', 'lunch', 'mexican'),
	(608, 'thai_beef_salad', 'Thai-style beef salad with cucumber and mint', 'lunch', 'thai'),
	(609, 'chicken_fajita_salad', 'Chicken fajita salad with peppers and avocado', 'lunch', 'mexican'),
	(610, 'chicken_olive_salad', 'Chicken, olive and cucumber salad with oregano', 'lunch', 'greek'),
	(611, 'pork_cauli_fried_rice', 'Pork and cauliflower fried rice with ginger', 'lunch', 'asian'),
	(612, 'chicken_butternut_salad', 'Roast butternut squash and chicken salad with pumpkin seeds', 'lunch', 'american'),
	(613, 'greek_lentil_soup', 'Greek lentil soup (fakes)', 'lunch', 'greek'),
	(614, 'chicken_wild_rice_soup', 'Chicken and wild rice soup', 'lunch', 'american'),
	(615, 'trout_potato_salad', 'Trout and potato salad with dill', 'lunch', 'nordic'),
	(616, 'harira_chickpea_soup', 'Moroccan chickpea and lentil soup (harira)', 'lunch', 'moroccan'),
	-- dinner
	(701, 'chickpea_cauli_curry', 'Chickpea and cauliflower curry with brown rice', 'dinner', 'indian'),
	(702, 'lentil_shepherds_pie', 'Lentil shepherd''s pie with sweet potato mash', 'dinner', 'british'),
	(703, 'quinoa_stuffed_peppers', 'Bell peppers stuffed with quinoa and black beans', 'dinner', 'mexican'),
	(704, 'rajma_rice', 'Kidney bean curry (rajma) with brown rice', 'dinner', 'indian'),
	(705, 'white_bean_squash_stew', 'White bean and butternut squash stew with kale', 'dinner', 'italian'),
	(706, 'pasta_e_fagioli_gf', 'Pasta e fagioli with corn pasta', 'dinner', 'italian'),
	(707, 'split_pea_dal_rice', 'Yellow split pea dal with brown rice and spinach', 'dinner', 'indian'),
	(708, 'pork_brussels_roast', 'Garlic pork chops with roasted Brussels sprouts', 'dinner', 'american'),
	(709, 'lamb_green_beans_mint', 'Roast lamb with garlic green beans and mint', 'dinner', 'british'),
	(710, 'chicken_mushroom_chard', 'Chicken thighs with mushrooms and Swiss chard', 'dinner', 'french'),
	(711, 'beef_stuffed_zucchini', 'Beef-stuffed zucchini boats', 'dinner', 'italian'),
	(712, 'chicken_cacciatore', 'Chicken cacciatore with peppers, mushrooms and olives', 'dinner', 'italian'),
	(713, 'steak_mushroom_asparagus', 'Sirloin steak with mushrooms and asparagus', 'dinner', 'american'),
	(714, 'cod_chickpeas_tomato', 'Baked cod with chickpeas, tomatoes and spinach', 'dinner', 'spanish'),
	(715, 'sea_bass_lentils', 'Sea bass with green lentils and parsley', 'dinner', 'french'),
	(716, 'turkey_sweet_potato_chili', 'Turkey and sweet potato chili', 'dinner', 'american'),
	(717, 'lamb_stuffed_eggplant', 'Eggplant stuffed with spiced lamb and tomato', 'dinner', 'turkish'),
	(718, 'veg_paella_chickpeas', 'Vegetable paella with chickpeas and peppers', 'dinner', 'spanish'),
	(719, 'chicken_kebabs_rice', 'Chicken kebabs with peppers and brown rice', 'dinner', 'greek'),
	(720, 'chicken_olives_lemon', 'Chicken thighs braised with olives and lemon', 'dinner', 'mediterranean'),
	(721, 'beef_cauli_rice_bowl', 'Beef burrito bowl with cauliflower rice and guacamole', 'dinner', 'mexican'),
	(722, 'pork_carnitas_lettuce', 'Pork carnitas lettuce wraps with guacamole', 'dinner', 'mexican'),
	-- snack
	(801, 'guacamole_peppers', 'Guacamole with bell pepper strips', 'snack', 'mexican'),
	(802, 'spiced_pumpkin_seeds', 'Roasted pumpkin seeds with chili and lime', 'snack', 'mexican'),
	(803, 'olive_tapenade_veg', 'Olive tapenade with cucumber and radishes', 'snack', 'french'),
	(804, 'seed_fruit_trail_mix', 'Nut-free trail mix with seeds, raisins and apricots', 'snack', 'american'),
	(805, 'mango_chili_lime', 'Mango with lime and chili', 'snack', 'mexican'),
	(806, 'white_bean_dip_carrots', 'White bean dip with carrot sticks', 'snack', 'italian'),
	(807, 'black_bean_dip_chips', 'Black bean dip with baked tortilla chips', 'snack', 'mexican'),
	(808, 'popcorn_paprika', 'Popcorn with olive oil and smoked paprika', 'snack', 'american'),
	(809, 'baked_apple_seeds', 'Baked apple with cinnamon and sunflower seeds', 'snack', 'american'),
	(810, 'roast_beef_arugula_rolls', 'Roast beef and arugula roll-ups with mustard', 'snack', 'american'),
	(811, 'date_seed_balls', 'Date and pumpkin seed energy balls', 'snack', 'american'),
	(812, 'sardines_cucumber', 'Sardines on cucumber rounds with lemon', 'snack', 'mediterranean'),
	(813, 'crab_stuffed_avocado', 'Crab-stuffed avocado with lime', 'snack', 'american');

INSERT INTO meal_template_items (template_id, ndb, default_g, min_g, max_g)
SELECT t.id, v.ndb, v.default_g, v.min_g, v.max_g
FROM (VALUES
	-- Turkey and zucchini breakfast patties with avocado (title: lean ground turkey, cooked, 05663)
	('turkey_zucchini_patties', '05663', 120, 60, 240),	-- lean ground turkey, cooked
	('turkey_zucchini_patties', '11477', 100, 50, 200),	-- zucchini
	('turkey_zucchini_patties', '09037', 80, 30, 150),	-- avocado
	('turkey_zucchini_patties', '04053', 7, 3, 14),	-- olive oil
	('turkey_zucchini_patties', '02030', 1, 1, 1),	-- black pepper
	-- Steak and mushroom breakfast skillet with spinach (title: beef sirloin steak, lean, cooked, 13290)
	('steak_mushroom_skillet', '13290', 110, 60, 220),	-- beef sirloin steak, lean, cooked
	('steak_mushroom_skillet', '11260', 100, 50, 200),	-- mushrooms
	('steak_mushroom_skillet', '11458', 80, 50, 160),	-- spinach, wilted
	('steak_mushroom_skillet', '04053', 8, 3, 16),	-- olive oil
	('steak_mushroom_skillet', '11215', 3, 3, 6),	-- garlic
	-- Ground beef and pepper breakfast skillet with avocado (title: lean ground beef (90%), cooked, 23565)
	('beef_pepper_skillet', '23565', 110, 60, 220),	-- lean ground beef (90%), cooked
	('beef_pepper_skillet', '11333', 80, 40, 160),	-- green bell pepper
	('beef_pepper_skillet', '11282', 30, 20, 60),	-- onion
	('beef_pepper_skillet', '09037', 60, 30, 150),	-- avocado
	('beef_pepper_skillet', '04053', 5, 3, 10),	-- olive oil
	('beef_pepper_skillet', '02028', 1, 1, 2),	-- paprika
	-- Coconut chia porridge with blackberries (title: coconut milk (canned), 12118)
	('coconut_chia_porridge', '12118', 120, 60, 200),	-- coconut milk (canned)
	('coconut_chia_porridge', '12006', 25, 15, 50),	-- chia seeds
	('coconut_chia_porridge', '12220', 10, 5, 20),	-- ground flaxseed
	('coconut_chia_porridge', '09042', 50, 30, 100),	-- blackberries
	('coconut_chia_porridge', '02010', 1, 1, 2),	-- ground cinnamon
	-- Chicken, mushroom and spinach breakfast hash with avocado (title: ground chicken, cooked, 05333)
	('chicken_mushroom_hash', '05333', 120, 60, 240),	-- ground chicken, cooked
	('chicken_mushroom_hash', '11260', 80, 40, 160),	-- mushrooms
	('chicken_mushroom_hash', '11457', 60, 20, 120),	-- baby spinach
	('chicken_mushroom_hash', '11282', 30, 20, 60),	-- onion
	('chicken_mushroom_hash', '09037', 50, 30, 150),	-- avocado
	('chicken_mushroom_hash', '04581', 8, 3, 16),	-- avocado oil
	('chicken_mushroom_hash', '02028', 1, 1, 2),	-- paprika
	-- Pumpkin seed granola with coconut milk and strawberries (title: pumpkin seeds, roasted, unsalted, 12016)
	('seed_granola_coconut', '12016', 30, 15, 50),	-- pumpkin seeds, roasted, unsalted
	('seed_granola_coconut', '12108', 10, 5, 20),	-- unsweetened coconut flakes
	('seed_granola_coconut', '12006', 10, 10, 20),	-- chia seeds
	('seed_granola_coconut', '12118', 100, 60, 200),	-- coconut milk (canned)
	('seed_granola_coconut', '09316', 60, 30, 120),	-- strawberries
	('seed_granola_coconut', '02010', 1, 1, 2),	-- ground cinnamon
	-- Pork, kale and red pepper breakfast hash with avocado (title: pork tenderloin, roasted, 10061)
	('pork_kale_hash', '10061', 110, 60, 220),	-- pork tenderloin, roasted
	('pork_kale_hash', '11233', 60, 30, 120),	-- kale
	('pork_kale_hash', '11821', 50, 40, 100),	-- red bell pepper
	('pork_kale_hash', '11282', 20, 20, 40),	-- onion
	('pork_kale_hash', '09037', 60, 30, 150),	-- avocado
	('pork_kale_hash', '04053', 10, 3, 16),	-- olive oil
	('pork_kale_hash', '02028', 1, 1, 2),	-- paprika
	-- Sweet potato and black bean breakfast hash (title: sweet potato, baked in skin, 11508)
	('sweet_potato_bean_hash', '11508', 160, 80, 300),	-- sweet potato, baked in skin
	('sweet_potato_bean_hash', '16015', 100, 50, 200),	-- black beans, boiled
	('sweet_potato_bean_hash', '11821', 60, 40, 120),	-- red bell pepper
	('sweet_potato_bean_hash', '11282', 30, 20, 60),	-- onion
	('sweet_potato_bean_hash', '04053', 8, 3, 16),	-- olive oil
	('sweet_potato_bean_hash', '02014', 1, 1, 2),	-- ground cumin
	('sweet_potato_bean_hash', '11165', 3, 2, 6),	-- fresh cilantro
	-- Buckwheat porridge with blueberries and pumpkin seeds (title: buckwheat groats, cooked, 20010)
	('buckwheat_blueberry_porridge', '20010', 180, 100, 320),	-- buckwheat groats, cooked
	('buckwheat_blueberry_porridge', '09050', 80, 40, 160),	-- blueberries
	('buckwheat_blueberry_porridge', '12016', 20, 10, 40),	-- pumpkin seeds, roasted, unsalted
	('buckwheat_blueberry_porridge', '19353', 5, 5, 10),	-- maple syrup
	('buckwheat_blueberry_porridge', '02010', 1, 1, 2),	-- ground cinnamon
	-- Millet porridge with apple, cinnamon and sunflower seeds (title: millet, cooked, 20032)
	('millet_apple_porridge', '20032', 200, 100, 340),	-- millet, cooked
	('millet_apple_porridge', '09003', 182, 182, 182),	-- apple
	('millet_apple_porridge', '12037', 20, 10, 40),	-- sunflower seeds, unsalted
	('millet_apple_porridge', '02010', 1, 1, 2),	-- ground cinnamon
	('millet_apple_porridge', '19353', 5, 5, 10),	-- maple syrup
	-- Quinoa porridge with mango, coconut milk and chia (title: quinoa, cooked, 20137)
	('quinoa_mango_porridge', '20137', 160, 80, 300),	-- quinoa, cooked
	('quinoa_mango_porridge', '12118', 70, 30, 140),	-- coconut milk (canned)
	('quinoa_mango_porridge', '09176', 100, 50, 200),	-- mango
	('quinoa_mango_porridge', '12006', 10, 10, 20),	-- chia seeds
	-- Chickpea and potato breakfast hash with spinach (title: chickpeas, boiled, 16057)
	('chickpea_potato_hash', '16057', 110, 50, 220),	-- chickpeas, boiled
	('chickpea_potato_hash', '11356', 140, 80, 280),	-- potato, baked with skin
	('chickpea_potato_hash', '11457', 50, 20, 100),	-- baby spinach
	('chickpea_potato_hash', '11282', 30, 20, 60),	-- onion
	('chickpea_potato_hash', '04053', 8, 3, 16),	-- olive oil
	('chickpea_potato_hash', '02043', 1, 1, 2),	-- ground turmeric
	('chickpea_potato_hash', '02014', 1, 1, 2),	-- ground cumin
	-- Black bean and cheddar breakfast quesadilla (title: black beans, boiled, 16015)
	('black_bean_quesadilla', '16015', 90, 40, 180),	-- black beans, boiled
	('black_bean_quesadilla', '18449', 52, 52, 104),	-- corn tortilla, no salt added
	('black_bean_quesadilla', '01009', 25, 15, 50),	-- cheddar
	('black_bean_quesadilla', '06164', 35.6, 17.8, 53.4),	-- tomato salsa
	('black_bean_quesadilla', '11457', 30, 20, 60),	-- baby spinach
	-- Egg muffins with spinach and red pepper (title: egg, cooked, 01129)
	('egg_muffins_spinach', '01129', 150, 50, 150),	-- egg, cooked
	('egg_muffins_spinach', '11457', 40, 20, 80),	-- baby spinach
	('egg_muffins_spinach', '11821', 40, 40, 80),	-- red bell pepper
	('egg_muffins_spinach', '04053', 3, 3, 6),	-- olive oil
	('egg_muffins_spinach', '09037', 50, 30, 100),	-- avocado
	-- Huevos rancheros with black beans (title: egg, cooked, 01129)
	('huevos_rancheros', '01129', 100, 50, 150),	-- egg, cooked
	('huevos_rancheros', '18449', 52, 52, 104),	-- corn tortilla, no salt added
	('huevos_rancheros', '16015', 80, 40, 160),	-- black beans, boiled
	('huevos_rancheros', '06164', 35.6, 17.8, 53.4),	-- tomato salsa
	('huevos_rancheros', '09037', 40, 30, 80),	-- avocado
	('huevos_rancheros', '04582', 5, 3, 10),	-- canola oil
	-- Turkish eggs on garlic yogurt with rye toast (title: egg, cooked, 01129)
	('turkish_eggs_yogurt', '01129', 100, 50, 150),	-- egg, cooked
	('turkish_eggs_yogurt', '01116', 120, 60, 200),	-- plain whole-milk yogurt
	('turkish_eggs_yogurt', '18060', 32, 32, 64),	-- rye bread
	('turkish_eggs_yogurt', '04053', 6, 3, 12),	-- olive oil
	('turkish_eggs_yogurt', '11215', 3, 3, 3),	-- garlic
	('turkish_eggs_yogurt', '02028', 1, 1, 1),	-- paprika
	-- Mujaddara (lentils and rice with onions) with cucumber salad (title: lentils, boiled, 16070)
	('mujaddara', '16070', 160, 80, 300),	-- lentils, boiled
	('mujaddara', '20037', 140, 60, 260),	-- brown rice, cooked
	('mujaddara', '11282', 60, 30, 120),	-- onion
	('mujaddara', '11205', 80, 40, 160),	-- cucumber
	('mujaddara', '04053', 10, 5, 20),	-- olive oil
	('mujaddara', '02014', 1, 1, 2),	-- ground cumin
	('mujaddara', '09152', 5, 5, 10),	-- lemon juice
	-- Chickpea and spinach curry with brown rice (title: chickpeas, boiled, 16057)
	('chickpea_veg_curry_rice', '16057', 160, 80, 300),	-- chickpeas, boiled
	('chickpea_veg_curry_rice', '20037', 140, 60, 260),	-- brown rice, cooked
	('chickpea_veg_curry_rice', '11885', 120, 80, 200),	-- canned tomatoes, no salt added
	('chickpea_veg_curry_rice', '11458', 60, 50, 120),	-- spinach, wilted
	('chickpea_veg_curry_rice', '11282', 40, 20, 80),	-- onion
	('chickpea_veg_curry_rice', '02015', 3, 2, 5),	-- curry powder
	('chickpea_veg_curry_rice', '04582', 8, 3, 16),	-- canola oil
	-- Stuffed sweet potato with black beans and salsa (title: sweet potato, baked in skin, 11508)
	('stuffed_sweet_potato_beans', '11508', 200, 100, 350),	-- sweet potato, baked in skin
	('stuffed_sweet_potato_beans', '16015', 120, 60, 220),	-- black beans, boiled
	('stuffed_sweet_potato_beans', '06164', 35.6, 17.8, 53.4),	-- tomato salsa
	('stuffed_sweet_potato_beans', '09037', 50, 30, 100),	-- avocado
	('stuffed_sweet_potato_beans', '09160', 5, 5, 10),	-- lime juice
	('stuffed_sweet_potato_beans', '11165', 3, 2, 6),	-- fresh cilantro
	-- Quinoa tabbouleh with chickpeas (title: quinoa, cooked, 20137)
	('quinoa_tabbouleh_chickpeas', '20137', 160, 80, 300),	-- quinoa, cooked
	('quinoa_tabbouleh_chickpeas', '16057', 100, 50, 200),	-- chickpeas, boiled
	('quinoa_tabbouleh_chickpeas', '11529', 80, 40, 160),	-- tomatoes
	('quinoa_tabbouleh_chickpeas', '11205', 80, 40, 160),	-- cucumber
	('quinoa_tabbouleh_chickpeas', '11297', 20, 10, 30),	-- fresh parsley
	('quinoa_tabbouleh_chickpeas', '02065', 3, 2, 6),	-- fresh mint
	('quinoa_tabbouleh_chickpeas', '09152', 15, 10, 20),	-- lemon juice
	('quinoa_tabbouleh_chickpeas', '04053', 12, 5, 20),	-- olive oil
	-- Black bean and corn salad with avocado and lime (title: black beans, boiled, 16015)
	('black_bean_corn_salad', '16015', 160, 80, 300),	-- black beans, boiled
	('black_bean_corn_salad', '11179', 80, 40, 150),	-- sweet corn, cooked
	('black_bean_corn_salad', '11821', 60, 40, 120),	-- red bell pepper
	('black_bean_corn_salad', '09037', 50, 30, 100),	-- avocado
	('black_bean_corn_salad', '11282', 20, 20, 40),	-- onion
	('black_bean_corn_salad', '09160', 15, 10, 20),	-- lime juice
	('black_bean_corn_salad', '11165', 3, 2, 6),	-- fresh cilantro
	('black_bean_corn_salad', '04053', 8, 5, 15),	-- olive oil
	-- Lentil and sweet potato soup (title: lentils, boiled, 16070)
	('lentil_sweet_potato_soup', '16070', 140, 70, 260),	-- lentils, boiled
	('lentil_sweet_potato_soup', '11508', 120, 80, 220),	-- sweet potato, baked in skin
	('lentil_sweet_potato_soup', '11124', 50, 30, 100),	-- carrots
	('lentil_sweet_potato_soup', '11282', 40, 20, 80),	-- onion
	('lentil_sweet_potato_soup', '11143', 30, 20, 60),	-- celery
	('lentil_sweet_potato_soup', '11885', 100, 80, 160),	-- canned tomatoes, no salt added
	('lentil_sweet_potato_soup', '04053', 8, 3, 16),	-- olive oil
	('lentil_sweet_potato_soup', '02014', 1, 1, 2),	-- ground cumin
	-- Pinto bean tacos with cabbage slaw (title: pinto beans, boiled, 16043)
	('pinto_bean_tacos', '16043', 130, 60, 240),	-- pinto beans, boiled
	('pinto_bean_tacos', '18449', 52, 52, 104),	-- corn tortilla, no salt added
	('pinto_bean_tacos', '11109', 60, 30, 120),	-- cabbage
	('pinto_bean_tacos', '06164', 35.6, 17.8, 53.4),	-- tomato salsa
	('pinto_bean_tacos', '09037', 40, 30, 80),	-- avocado
	('pinto_bean_tacos', '09160', 5, 5, 10),	-- lime juice
	-- Thai-style beef salad with cucumber and mint (title: flank steak, broiled, 13070)
	('thai_beef_salad', '13070', 130, 60, 250),	-- flank steak, broiled
	('thai_beef_salad', '11205', 80, 40, 160),	-- cucumber
	('thai_beef_salad', '11253', 60, 30, 120),	-- leaf lettuce
	('thai_beef_salad', '11821', 40, 40, 80),	-- red bell pepper
	('thai_beef_salad', '02065', 3, 2, 6),	-- fresh mint
	('thai_beef_salad', '11165', 3, 2, 6),	-- fresh cilantro
	('thai_beef_salad', '09160', 15, 10, 20),	-- lime juice
	('thai_beef_salad', '04581', 10, 5, 20),	-- avocado oil
	-- Chicken fajita salad with peppers and avocado (title: chicken thigh, roasted, 05098)
	('chicken_fajita_salad', '05098', 130, 60, 250),	-- chicken thigh, roasted
	('chicken_fajita_salad', '11821', 60, 40, 120),	-- red bell pepper
	('chicken_fajita_salad', '11333', 60, 40, 120),	-- green bell pepper
	('chicken_fajita_salad', '11251', 60, 30, 120),	-- romaine lettuce
	('chicken_fajita_salad', '09037', 60, 30, 120),	-- avocado
	('chicken_fajita_salad', '09160', 10, 5, 15),	-- lime juice
	('chicken_fajita_salad', '02009', 2, 1, 3),	-- chili powder
	('chicken_fajita_salad', '04053', 8, 3, 16),	-- olive oil
	-- Chicken, olive and cucumber salad with oregano (title: chicken thigh, roasted, 05098)
	('chicken_olive_salad', '05098', 120, 60, 240),	-- chicken thigh, roasted
	('chicken_olive_salad', '11205', 80, 40, 160),	-- cucumber
	('chicken_olive_salad', '11529', 60, 40, 120),	-- tomatoes
	('chicken_olive_salad', '09193', 30.8, 8.8, 52.8),	-- black olives
	('chicken_olive_salad', '11251', 60, 30, 120),	-- romaine lettuce
	('chicken_olive_salad', '04053', 10, 5, 20),	-- olive oil
	('chicken_olive_salad', '02068', 10, 5, 15),	-- red wine vinegar
	('chicken_olive_salad', '02027', 1, 1, 2),	-- dried oregano
	-- Pork and cauliflower fried rice with ginger (title: pork tenderloin, roasted, 10061)
	('pork_cauli_fried_rice', '10061', 120, 60, 240),	-- pork tenderloin, roasted
	('pork_cauli_fried_rice', '11135', 150, 80, 250),	-- cauliflower (riced or raw)
	('pork_cauli_fried_rice', '11053', 60, 50, 120),	-- green beans, cooked
	('pork_cauli_fried_rice', '11291', 10, 5, 20),	-- spring onions
	('pork_cauli_fried_rice', '11216', 4, 3, 8),	-- fresh ginger
	('pork_cauli_fried_rice', '11215', 3, 3, 6),	-- garlic
	('pork_cauli_fried_rice', '04581', 10, 5, 20),	-- avocado oil
	-- Roast butternut squash and chicken salad with pumpkin seeds (title: butternut squash, roasted, 11486)
	('chicken_butternut_salad', '11486', 150, 80, 300),	-- butternut squash, roasted
	('chicken_butternut_salad', '05064', 110, 60, 220),	-- chicken breast, roasted
	('chicken_butternut_salad', '11959', 40, 20, 80),	-- arugula
	('chicken_butternut_salad', '12016', 15, 10, 30),	-- pumpkin seeds, roasted, unsalted
	('chicken_butternut_salad', '04053', 10, 5, 20),	-- olive oil
	('chicken_butternut_salad', '02069', 5, 5, 10),	-- balsamic vinegar
	-- Greek lentil soup (fakes) (title: lentils, boiled, 16070)
	('greek_lentil_soup', '16070', 180, 90, 320),	-- lentils, boiled
	('greek_lentil_soup', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('greek_lentil_soup', '11282', 40, 20, 80),	-- onion
	('greek_lentil_soup', '11124', 40, 30, 80),	-- carrots
	('greek_lentil_soup', '04053', 12, 5, 20),	-- olive oil
	('greek_lentil_soup', '02068', 5, 5, 10),	-- red wine vinegar
	('greek_lentil_soup', '02027', 1, 1, 2),	-- dried oregano
	-- Chicken and wild rice soup (title: chicken breast, roasted, 05064)
	('chicken_wild_rice_soup', '05064', 110, 60, 220),	-- chicken breast, roasted
	('chicken_wild_rice_soup', '20089', 100, 50, 200),	-- wild rice, cooked
	('chicken_wild_rice_soup', '11124', 50, 30, 100),	-- carrots
	('chicken_wild_rice_soup', '11143', 40, 20, 80),	-- celery
	('chicken_wild_rice_soup', '11282', 40, 20, 80),	-- onion
	('chicken_wild_rice_soup', '04053', 8, 3, 16),	-- olive oil
	('chicken_wild_rice_soup', '11297', 3, 3, 10),	-- fresh parsley
	-- Trout and potato salad with dill (title: rainbow trout, baked, 15241)
	('trout_potato_salad', '15241', 120, 60, 220),	-- rainbow trout, baked
	('trout_potato_salad', '11356', 150, 80, 280),	-- potato, baked with skin
	('trout_potato_salad', '11205', 60, 40, 120),	-- cucumber
	('trout_potato_salad', '02045', 3, 1, 6),	-- fresh dill
	('trout_potato_salad', '04053', 10, 5, 20),	-- olive oil
	('trout_potato_salad', '02048', 10, 5, 15),	-- cider vinegar
	-- Moroccan chickpea and lentil soup (harira) (title: chickpeas, boiled, 16057)
	('harira_chickpea_soup', '16057', 130, 60, 240),	-- chickpeas, boiled
	('harira_chickpea_soup', '16070', 60, 40, 120),	-- lentils, boiled
	('harira_chickpea_soup', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('harira_chickpea_soup', '11282', 40, 20, 80),	-- onion
	('harira_chickpea_soup', '11143', 30, 20, 60),	-- celery
	('harira_chickpea_soup', '04053', 8, 3, 16),	-- olive oil
	('harira_chickpea_soup', '02014', 1, 1, 2),	-- ground cumin
	('harira_chickpea_soup', '02043', 1, 1, 2),	-- ground turmeric
	('harira_chickpea_soup', '11165', 3, 2, 6),	-- fresh cilantro
	-- Chickpea and cauliflower curry with brown rice (title: chickpeas, boiled, 16057)
	('chickpea_cauli_curry', '16057', 160, 80, 300),	-- chickpeas, boiled
	('chickpea_cauli_curry', '11135', 140, 80, 260),	-- cauliflower (riced or raw)
	('chickpea_cauli_curry', '11885', 120, 80, 200),	-- canned tomatoes, no salt added
	('chickpea_cauli_curry', '20037', 150, 60, 260),	-- brown rice, cooked
	('chickpea_cauli_curry', '11282', 40, 20, 80),	-- onion
	('chickpea_cauli_curry', '02015', 4, 2, 6),	-- curry powder
	('chickpea_cauli_curry', '11216', 3, 3, 6),	-- fresh ginger
	('chickpea_cauli_curry', '04582', 10, 5, 20),	-- canola oil
	-- Lentil shepherd's pie with sweet potato mash (title: lentils, boiled, 16070)
	('lentil_shepherds_pie', '16070', 160, 80, 300),	-- lentils, boiled
	('lentil_shepherds_pie', '11508', 200, 100, 350),	-- sweet potato, baked in skin
	('lentil_shepherds_pie', '11124', 60, 30, 120),	-- carrots
	('lentil_shepherds_pie', '11260', 60, 30, 120),	-- mushrooms
	('lentil_shepherds_pie', '11282', 40, 20, 80),	-- onion
	('lentil_shepherds_pie', '11546', 15, 10, 20),	-- tomato paste, no salt added
	('lentil_shepherds_pie', '04053', 10, 5, 20),	-- olive oil
	-- Bell peppers stuffed with quinoa and black beans (title: red bell pepper, 11821)
	('quinoa_stuffed_peppers', '11821', 200, 120, 250),	-- red bell pepper
	('quinoa_stuffed_peppers', '20137', 120, 60, 240),	-- quinoa, cooked
	('quinoa_stuffed_peppers', '16015', 100, 50, 200),	-- black beans, boiled
	('quinoa_stuffed_peppers', '11885', 80, 80, 160),	-- canned tomatoes, no salt added
	('quinoa_stuffed_peppers', '11179', 40, 40, 80),	-- sweet corn, cooked
	('quinoa_stuffed_peppers', '02014', 1, 1, 2),	-- ground cumin
	('quinoa_stuffed_peppers', '04053', 8, 3, 16),	-- olive oil
	-- Kidney bean curry (rajma) with brown rice (title: red kidney beans, boiled, 16033)
	('rajma_rice', '16033', 160, 80, 300),	-- red kidney beans, boiled
	('rajma_rice', '20037', 150, 60, 260),	-- brown rice, cooked
	('rajma_rice', '11885', 120, 80, 200),	-- canned tomatoes, no salt added
	('rajma_rice', '11282', 40, 20, 80),	-- onion
	('rajma_rice', '11215', 3, 3, 6),	-- garlic
	('rajma_rice', '11216', 3, 3, 6),	-- fresh ginger
	('rajma_rice', '02014', 2, 1, 3),	-- ground cumin
	('rajma_rice', '04582', 8, 3, 16),	-- canola oil
	-- White bean and butternut squash stew with kale (title: white beans, boiled, 16050)
	('white_bean_squash_stew', '16050', 160, 80, 300),	-- white beans, boiled
	('white_bean_squash_stew', '11486', 150, 80, 300),	-- butternut squash, roasted
	('white_bean_squash_stew', '11233', 60, 30, 120),	-- kale
	('white_bean_squash_stew', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('white_bean_squash_stew', '11282', 40, 20, 80),	-- onion
	('white_bean_squash_stew', '11215', 3, 3, 6),	-- garlic
	('white_bean_squash_stew', '04053', 10, 5, 20),	-- olive oil
	-- Pasta e fagioli with corn pasta (title: corn pasta (gluten-free), cooked, 20092)
	('pasta_e_fagioli_gf', '20092', 150, 60, 260),	-- corn pasta (gluten-free), cooked
	('pasta_e_fagioli_gf', '16050', 120, 60, 240),	-- white beans, boiled
	('pasta_e_fagioli_gf', '11885', 120, 80, 200),	-- canned tomatoes, no salt added
	('pasta_e_fagioli_gf', '11282', 30, 20, 60),	-- onion
	('pasta_e_fagioli_gf', '11124', 30, 30, 60),	-- carrots
	('pasta_e_fagioli_gf', '11143', 20, 20, 40),	-- celery
	('pasta_e_fagioli_gf', '04053', 10, 5, 20),	-- olive oil
	('pasta_e_fagioli_gf', '02027', 1, 1, 2),	-- dried oregano
	-- Yellow split pea dal with brown rice and spinach (title: split peas, boiled, 16086)
	('split_pea_dal_rice', '16086', 160, 80, 300),	-- split peas, boiled
	('split_pea_dal_rice', '20037', 150, 60, 260),	-- brown rice, cooked
	('split_pea_dal_rice', '11458', 60, 50, 120),	-- spinach, wilted
	('split_pea_dal_rice', '11282', 30, 20, 60),	-- onion
	('split_pea_dal_rice', '11216', 3, 3, 6),	-- fresh ginger
	('split_pea_dal_rice', '02043', 1, 1, 2),	-- ground turmeric
	('split_pea_dal_rice', '02014', 1, 1, 2),	-- ground cumin
	('split_pea_dal_rice', '04582', 8, 3, 16),	-- canola oil
	-- Garlic pork chops with roasted Brussels sprouts (title: pork loin chop, broiled, 10042)
	('pork_brussels_roast', '10042', 150, 80, 300),	-- pork loin chop, broiled
	('pork_brussels_roast', '11099', 150, 80, 250),	-- Brussels sprouts, cooked
	('pork_brussels_roast', '04581', 12, 5, 20),	-- avocado oil
	('pork_brussels_roast', '11215', 3, 3, 6),	-- garlic
	('pork_brussels_roast', '02030', 1, 1, 1),	-- black pepper
	-- Roast lamb with garlic green beans and mint (title: lamb leg, lean, roasted, 17014)
	('lamb_green_beans_mint', '17014', 150, 80, 300),	-- lamb leg, lean, roasted
	('lamb_green_beans_mint', '11053', 150, 80, 250),	-- green beans, cooked
	('lamb_green_beans_mint', '04053', 10, 5, 20),	-- olive oil
	('lamb_green_beans_mint', '11215', 3, 3, 6),	-- garlic
	('lamb_green_beans_mint', '02065', 2, 1, 4),	-- fresh mint
	-- Chicken thighs with mushrooms and Swiss chard (title: chicken thigh, roasted, 05098)
	('chicken_mushroom_chard', '05098', 160, 80, 300),	-- chicken thigh, roasted
	('chicken_mushroom_chard', '11260', 100, 50, 200),	-- mushrooms
	('chicken_mushroom_chard', '11148', 100, 50, 200),	-- Swiss chard, cooked
	('chicken_mushroom_chard', '04053', 10, 5, 20),	-- olive oil
	('chicken_mushroom_chard', '11215', 3, 3, 6),	-- garlic
	-- Beef-stuffed zucchini boats (title: lean ground beef (90%), cooked, 23565)
	('beef_stuffed_zucchini', '11477', 200, 100, 300),	-- zucchini
	('beef_stuffed_zucchini', '23565', 130, 60, 250),	-- lean ground beef (90%), cooked
	('beef_stuffed_zucchini', '11885', 80, 80, 160),	-- canned tomatoes, no salt added
	('beef_stuffed_zucchini', '11282', 20, 20, 40),	-- onion
	('beef_stuffed_zucchini', '02027', 1, 1, 2),	-- dried oregano
	('beef_stuffed_zucchini', '04053', 8, 3, 16),	-- olive oil
	-- Chicken cacciatore with peppers, mushrooms and olives (title: chicken thigh, roasted, 05098)
	('chicken_cacciatore', '05098', 150, 80, 300),	-- chicken thigh, roasted
	('chicken_cacciatore', '11885', 100, 80, 160),	-- canned tomatoes, no salt added
	('chicken_cacciatore', '11333', 60, 40, 120),	-- green bell pepper
	('chicken_cacciatore', '11260', 60, 30, 120),	-- mushrooms
	('chicken_cacciatore', '09193', 26.4, 8.8, 57.2),	-- black olives
	('chicken_cacciatore', '11282', 30, 20, 60),	-- onion
	('chicken_cacciatore', '04053', 10, 5, 20),	-- olive oil
	('chicken_cacciatore', '02027', 1, 1, 2),	-- dried oregano
	-- Sirloin steak with mushrooms and asparagus (title: beef sirloin steak, lean, cooked, 13290)
	('steak_mushroom_asparagus', '13290', 150, 80, 300),	-- beef sirloin steak, lean, cooked
	('steak_mushroom_asparagus', '11012', 120, 60, 240),	-- asparagus, cooked
	('steak_mushroom_asparagus', '11260', 80, 40, 160),	-- mushrooms
	('steak_mushroom_asparagus', '04053', 10, 5, 20),	-- olive oil
	('steak_mushroom_asparagus', '11215', 3, 3, 6),	-- garlic
	-- Baked cod with chickpeas, tomatoes and spinach (title: cod fillet, baked, 15016)
	('cod_chickpeas_tomato', '15016', 150, 80, 300),	-- cod fillet, baked
	('cod_chickpeas_tomato', '16057', 100, 50, 200),	-- chickpeas, boiled
	('cod_chickpeas_tomato', '11885', 100, 80, 200),	-- canned tomatoes, no salt added
	('cod_chickpeas_tomato', '11458', 60, 50, 120),	-- spinach, wilted
	('cod_chickpeas_tomato', '04053', 10, 5, 20),	-- olive oil
	('cod_chickpeas_tomato', '11215', 3, 3, 6),	-- garlic
	('cod_chickpeas_tomato', '02028', 1, 1, 2),	-- paprika
	-- Sea bass with green lentils and parsley (title: sea bass, baked, 15092)
	('sea_bass_lentils', '15092', 150, 80, 300),	-- sea bass, baked
	('sea_bass_lentils', '16070', 140, 60, 260),	-- lentils, boiled
	('sea_bass_lentils', '11282', 30, 20, 60),	-- onion
	('sea_bass_lentils', '11297', 10, 5, 20),	-- fresh parsley
	('sea_bass_lentils', '09152', 10, 5, 15),	-- lemon juice
	('sea_bass_lentils', '04053', 10, 5, 20),	-- olive oil
	-- Turkey and sweet potato chili (title: lean ground turkey, cooked, 05663)
	('turkey_sweet_potato_chili', '05663', 130, 60, 250),	-- lean ground turkey, cooked
	('turkey_sweet_potato_chili', '11508', 150, 80, 300),	-- sweet potato, baked in skin
	('turkey_sweet_potato_chili', '11885', 150, 80, 250),	-- canned tomatoes, no salt added
	('turkey_sweet_potato_chili', '11821', 60, 40, 120),	-- red bell pepper
	('turkey_sweet_potato_chili', '11282', 40, 20, 80),	-- onion
	('turkey_sweet_potato_chili', '02009', 3, 1, 5),	-- chili powder
	('turkey_sweet_potato_chili', '02014', 1, 1, 2),	-- ground cumin
	('turkey_sweet_potato_chili', '04053', 8, 3, 16),	-- olive oil
	-- Eggplant stuffed with spiced lamb and tomato (title: lamb leg, lean, roasted, 17014)
	('lamb_stuffed_eggplant', '11210', 160, 100, 300),	-- eggplant, cooked
	('lamb_stuffed_eggplant', '17014', 120, 60, 240),	-- lamb leg, lean, roasted
	('lamb_stuffed_eggplant', '11885', 80, 80, 160),	-- canned tomatoes, no salt added
	('lamb_stuffed_eggplant', '11282', 30, 20, 60),	-- onion
	('lamb_stuffed_eggplant', '04053', 10, 5, 20),	-- olive oil
	('lamb_stuffed_eggplant', '02010', 1, 1, 1),	-- ground cinnamon
	('lamb_stuffed_eggplant', '11297', 3, 3, 10),	-- fresh parsley
	-- Vegetable paella with chickpeas and peppers (title: white rice, cooked, 20045)
	('veg_paella_chickpeas', '20045', 150, 60, 280),	-- white rice, cooked
	('veg_paella_chickpeas', '16057', 100, 50, 200),	-- chickpeas, boiled
	('veg_paella_chickpeas', '11821', 60, 40, 120),	-- red bell pepper
	('veg_paella_chickpeas', '11053', 60, 50, 120),	-- green beans, cooked
	('veg_paella_chickpeas', '11885', 80, 80, 160),	-- canned tomatoes, no salt added
	('veg_paella_chickpeas', '02028', 2, 1, 3),	-- paprika
	('veg_paella_chickpeas', '02043', 1, 1, 1),	-- ground turmeric
	('veg_paella_chickpeas', '04053', 10, 5, 20),	-- olive oil
	-- Chicken kebabs with peppers and brown rice (title: chicken breast, roasted, 05064)
	('chicken_kebabs_rice', '05064', 140, 60, 260),	-- chicken breast, roasted
	('chicken_kebabs_rice', '20037', 150, 60, 260),	-- brown rice, cooked
	('chicken_kebabs_rice', '11821', 60, 40, 120),	-- red bell pepper
	('chicken_kebabs_rice', '11333', 60, 40, 120),	-- green bell pepper
	('chicken_kebabs_rice', '11282', 40, 20, 80),	-- onion
	('chicken_kebabs_rice', '04053', 10, 5, 20),	-- olive oil
	('chicken_kebabs_rice', '02028', 1, 1, 2),	-- paprika
	('chicken_kebabs_rice', '09152', 10, 5, 15),	-- lemon juice
	-- Chicken thighs braised with olives and lemon (title: chicken thigh, roasted, 05098)
	('chicken_olives_lemon', '05098', 160, 80, 300),	-- chicken thigh, roasted
	('chicken_olives_lemon', '09193', 35.2, 17.6, 57.2),	-- black olives
	('chicken_olives_lemon', '11477', 120, 50, 240),	-- zucchini
	('chicken_olives_lemon', '11282', 30, 20, 60),	-- onion
	('chicken_olives_lemon', '04053', 12, 5, 20),	-- olive oil
	('chicken_olives_lemon', '09152', 10, 5, 15),	-- lemon juice
	('chicken_olives_lemon', '11215', 3, 3, 6),	-- garlic
	-- Beef burrito bowl with cauliflower rice and guacamole (title: lean ground beef (90%), cooked, 23565)
	('beef_cauli_rice_bowl', '23565', 130, 60, 250),	-- lean ground beef (90%), cooked
	('beef_cauli_rice_bowl', '11135', 150, 80, 250),	-- cauliflower (riced or raw)
	('beef_cauli_rice_bowl', '09037', 80, 30, 160),	-- avocado
	('beef_cauli_rice_bowl', '06164', 35.6, 17.8, 53.4),	-- tomato salsa
	('beef_cauli_rice_bowl', '11251', 40, 30, 80),	-- romaine lettuce
	('beef_cauli_rice_bowl', '02009', 2, 1, 3),	-- chili powder
	('beef_cauli_rice_bowl', '09160', 5, 5, 10),	-- lime juice
	('beef_cauli_rice_bowl', '04053', 8, 3, 16),	-- olive oil
	-- Pork carnitas lettuce wraps with guacamole (title: pork tenderloin, roasted, 10061)
	('pork_carnitas_lettuce', '10061', 150, 80, 300),	-- pork tenderloin, roasted
	('pork_carnitas_lettuce', '09037', 80, 30, 160),	-- avocado
	('pork_carnitas_lettuce', '11253', 60, 30, 120),	-- leaf lettuce
	('pork_carnitas_lettuce', '11282', 20, 20, 40),	-- onion
	('pork_carnitas_lettuce', '09160', 10, 5, 15),	-- lime juice
	('pork_carnitas_lettuce', '11165', 3, 2, 6),	-- fresh cilantro
	('pork_carnitas_lettuce', '02014', 1, 1, 2),	-- ground cumin
	('pork_carnitas_lettuce', '04581', 12, 5, 20),	-- avocado oil
	-- Guacamole with bell pepper strips (title: avocado, 09037)
	('guacamole_peppers', '09037', 80, 30, 160),	-- avocado
	('guacamole_peppers', '11821', 80, 40, 160),	-- red bell pepper
	('guacamole_peppers', '09160', 5, 5, 10),	-- lime juice
	('guacamole_peppers', '11165', 2, 2, 4),	-- fresh cilantro
	-- Roasted pumpkin seeds with chili and lime (title: pumpkin seeds, roasted, unsalted, 12016)
	('spiced_pumpkin_seeds', '12016', 25, 15, 45),	-- pumpkin seeds, roasted, unsalted
	('spiced_pumpkin_seeds', '02009', 1, 1, 1),	-- chili powder
	('spiced_pumpkin_seeds', '09160', 5, 5, 5),	-- lime juice
	-- Olive tapenade with cucumber and radishes (title: black olives, 09193)
	('olive_tapenade_veg', '09193', 30.8, 17.6, 52.8),	-- black olives
	('olive_tapenade_veg', '11205', 100, 40, 200),	-- cucumber
	('olive_tapenade_veg', '11429', 50, 20, 100),	-- radishes
	('olive_tapenade_veg', '09152', 5, 5, 5),	-- lemon juice
	('olive_tapenade_veg', '11297', 3, 3, 6),	-- fresh parsley
	-- Nut-free trail mix with seeds, raisins and apricots (title: sunflower seeds, unsalted, 12037)
	('seed_fruit_trail_mix', '12037', 15, 10, 30),	-- sunflower seeds, unsalted
	('seed_fruit_trail_mix', '12016', 15, 10, 30),	-- pumpkin seeds, roasted, unsalted
	('seed_fruit_trail_mix', '09298', 14, 14, 28),	-- raisins
	('seed_fruit_trail_mix', '09032', 14, 14, 28),	-- dried apricots
	-- Mango with lime and chili (title: mango, 09176)
	('mango_chili_lime', '09176', 150, 80, 250),	-- mango
	('mango_chili_lime', '09160', 5, 5, 10),	-- lime juice
	('mango_chili_lime', '02009', 1, 1, 1),	-- chili powder
	-- White bean dip with carrot sticks (title: white beans, boiled, 16050)
	('white_bean_dip_carrots', '16050', 80, 40, 160),	-- white beans, boiled
	('white_bean_dip_carrots', '11124', 80, 40, 160),	-- carrots
	('white_bean_dip_carrots', '04053', 5, 3, 8),	-- olive oil
	('white_bean_dip_carrots', '09152', 5, 5, 10),	-- lemon juice
	('white_bean_dip_carrots', '11215', 3, 3, 3),	-- garlic
	-- Black bean dip with baked tortilla chips (title: black beans, boiled, 16015)
	('black_bean_dip_chips', '16015', 80, 40, 160),	-- black beans, boiled
	('black_bean_dip_chips', '18449', 26, 26, 52),	-- corn tortilla, no salt added
	('black_bean_dip_chips', '06164', 26.7, 17.8, 35.6),	-- tomato salsa
	('black_bean_dip_chips', '09160', 5, 5, 5),	-- lime juice
	('black_bean_dip_chips', '02014', 1, 1, 1),	-- ground cumin
	-- Popcorn with olive oil and smoked paprika (title: popcorn, air-popped, 19806)
	('popcorn_paprika', '19806', 25, 15, 40),	-- popcorn, air-popped
	('popcorn_paprika', '04053', 5, 3, 8),	-- olive oil
	('popcorn_paprika', '02028', 1, 1, 1),	-- paprika
	-- Baked apple with cinnamon and sunflower seeds (title: apple, 09003)
	('baked_apple_seeds', '09003', 182, 182, 182),	-- apple
	('baked_apple_seeds', '12037', 15, 10, 25),	-- sunflower seeds, unsalted
	('baked_apple_seeds', '02010', 1, 1, 1),	-- ground cinnamon
	('baked_apple_seeds', '19353', 5, 5, 5),	-- maple syrup
	-- Roast beef and arugula roll-ups with mustard (title: lean beef roast (eye of round), 13419)
	('roast_beef_arugula_rolls', '13419', 60, 40, 120),	-- lean beef roast (eye of round)
	('roast_beef_arugula_rolls', '11959', 20, 20, 40),	-- arugula
	('roast_beef_arugula_rolls', '02046', 5, 5, 10),	-- mustard
	-- Date and pumpkin seed energy balls (title: medjool dates, 09421)
	('date_seed_balls', '09421', 48, 24, 72),	-- medjool dates
	('date_seed_balls', '12016', 20, 10, 30),	-- pumpkin seeds, roasted, unsalted
	('date_seed_balls', '19165', 3, 3, 5),	-- cocoa powder, unsweetened
	('date_seed_balls', '12108', 5, 5, 10),	-- unsweetened coconut flakes
	-- Sardines on cucumber rounds with lemon (title: sardines in olive oil, drained, 15088)
	('sardines_cucumber', '15088', 48, 36, 96),	-- sardines in olive oil, drained
	('sardines_cucumber', '11205', 100, 40, 200),	-- cucumber
	('sardines_cucumber', '09152', 5, 5, 5),	-- lemon juice
	('sardines_cucumber', '11297', 3, 3, 3),	-- fresh parsley
	-- Crab-stuffed avocado with lime (title: crab meat, cooked, 15140)
	('crab_stuffed_avocado', '15140', 60, 40, 120),	-- crab meat, cooked
	('crab_stuffed_avocado', '09037', 70, 40, 140),	-- avocado
	('crab_stuffed_avocado', '09160', 5, 5, 10),	-- lime juice
	('crab_stuffed_avocado', '11165', 2, 2, 4)	--- fresh cilantro
) AS v (slug, ndb, default_g, min_g, max_g)
JOIN meal_templates t ON t.slug = v.slug;

-- Every dish above has its items, and every item row names a dish.
DO $$
BEGIN
	IF (SELECT count(*) FROM meal_templates WHERE id > 500) <> 67 OR
	    (SELECT count(*) FROM meal_template_items WHERE template_id > 500) <> 412 OR
	    EXISTS (SELECT 1 FROM meal_templates t WHERE NOT EXISTS
		(SELECT 1 FROM meal_template_items i WHERE i.template_id = t.id)) THEN
		RAISE EXCEPTION 'sql/030: a dish has no items or an item names no dish';
	END IF;
END;
$$;
