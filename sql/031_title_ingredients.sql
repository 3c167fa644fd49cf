-- 031: the title ingredient of each dish (issue 12, "Portions people eat").
-- A dish's name promises its title ingredient: "Chickpea and spinach stew
-- with quinoa" must not be 500 g of quinoa with 50 g of chickpeas. The
-- planner (lib/planner.c) makes the marked item the largest or the
-- second-largest of its dish, by weight or by energy (whichever the
-- dish's default recipe has it by), and the largest other item at most
-- twice it (or the default recipe's own ratio with a quarter to spare);
-- these are hard rows of the day's solver, and `cibozer-admin plan-check`
-- re-checks them from the grams (docs/planner-rules.md).
--
-- A dish with no single title ingredient ("Mediterranean breakfast
-- plate", "Fruit and nut bowl with coconut") has none marked, and dishes
-- added later are marked by their own migration.

ALTER TABLE meal_template_items
	ADD COLUMN title boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN meal_template_items.title IS
	'the ingredient the dish is named after: the largest or second-largest item of the dish';

-- At most one title ingredient per dish.
CREATE UNIQUE INDEX meal_template_items_one_title
	ON meal_template_items (template_id) WHERE title;

-- (ndb, dish) pairs: the food first, so that no reader of the catalog's
-- (dish, food, ...) item rows takes them for items.
UPDATE meal_template_items i SET title = true
FROM meal_templates t, (VALUES
	('12061', 'almond_flax_porridge'),	-- Almond-flax porridge with coconut milk and blackberries: almonds
	('12061', 'almonds_olives_keto'),	-- Almonds and olives: almonds
	('09003', 'apple_almond_butter'),	-- Apple slices with almond butter: apple
	('09037', 'avocado_pumpkin_seeds'),	-- Avocado with pumpkin seeds and lime: avocado
	('09040', 'banana_peanut_butter'),	-- Banana with peanut butter: banana
	('20006', 'barley_mushroom_risotto'),	-- Barley and mushroom risotto with peas: pearl barley, cooked
	('16015', 'bean_chili_vegan'),	-- Three-bean chili with millet: black beans, boiled
	('16015', 'bean_tacos_vegan'),	-- Black bean, avocado and salsa breakfast tacos: black beans, boiled
	('13070', 'beef_broccoli_keto'),	-- Beef and broccoli stir-fry: flank steak, broiled
	('23565', 'beef_burger_bowl_paleo'),	-- Burger bowl with sweet potato wedges: lean ground beef (90%), cooked
	('23565', 'beef_chili_beans'),	-- Beef and bean chili with brown rice: lean ground beef (90%), cooked
	('13419', 'beef_roast_vegetables'),	-- Roast beef with root vegetables: lean beef roast (eye of round)
	('13070', 'beef_stirfry_rice'),	-- Beef and snow pea stir-fry with rice: flank steak, broiled
	('23565', 'beef_taco_salad'),	-- Beef taco salad with beans: lean ground beef (90%), cooked
	('13419', 'beef_veg_soup_paleo'),	-- Beef and sweet potato vegetable soup: lean beef roast (eye of round)
	('09316', 'berries_cream_keto'),	-- Strawberries with whipped cream and almonds: strawberries
	('16015', 'black_bean_bowl'),	-- Black bean and brown rice burrito bowl: black beans, boiled
	('16015', 'black_bean_tacos'),	-- Black bean and sweet potato tacos: black beans, boiled
	('01129', 'boiled_eggs_tomatoes'),	-- Boiled eggs with cherry tomatoes: egg, cooked
	('12078', 'brazil_apricots'),	-- Brazil nuts with dried apricots: brazil nuts
	('16015', 'breakfast_burrito'),	-- Black bean and egg breakfast tacos: black beans, boiled
	('20010', 'buckwheat_coconut_mango'),	-- Buckwheat porridge with coconut milk and mango: buckwheat groats, cooked
	('20010', 'buckwheat_porridge'),	-- Buckwheat porridge with pear and pecans: buckwheat groats, cooked
	('20010', 'buckwheat_salad'),	-- Buckwheat, roasted beet and walnut salad: buckwheat groats, cooked
	('16057', 'buddha_bowl_tahini'),	-- Chickpea Buddha bowl with tahini: chickpeas, boiled
	('09181', 'cantaloupe_cottage'),	-- Cantaloupe with cottage cheese and pumpkin seeds: cantaloupe
	('20137', 'caprese_quinoa'),	-- Caprese quinoa salad: quinoa, cooked
	('11136', 'cauliflower_cheese_keto'),	-- Cauliflower cheese bake with eggs and spinach: cauliflower, roasted
	('11143', 'celery_almond_butter_keto'),	-- Celery with almond butter: celery
	('01009', 'cheese_apple'),	-- Cheddar with apple: cheddar
	('01129', 'cheese_omelet_salad'),	-- Goat-cheese omelet with green salad: egg, cooked
	('12118', 'chia_coconut_berries'),	-- Coconut chia pudding with berries: coconut milk (canned)
	('12006', 'chia_pudding_snack'),	-- Chia pudding with raspberries: chia seeds
	('09176', 'chia_soy_mango'),	-- Mango chia pudding: mango
	('05098', 'chicken_apple_patties'),	-- Chicken and apple breakfast patties with sweet potato: chicken thigh, roasted
	('05098', 'chicken_avocado_breakfast'),	-- Chicken, avocado and tomato breakfast plate: chicken thigh, roasted
	('05064', 'chicken_avocado_salad'),	-- Chicken, avocado and greens salad: chicken breast, roasted
	('05064', 'chicken_brown_rice_broccoli'),	-- Garlic chicken with brown rice and broccoli: chicken breast, roasted
	('05098', 'chicken_butternut_kale'),	-- Chicken thighs with roasted butternut squash and kale: chicken thigh, roasted
	('05064', 'chicken_caesar_lite'),	-- Chicken and romaine salad with parmesan: chicken breast, roasted
	('05098', 'chicken_curry_cauli_keto'),	-- Chicken coconut curry with cauliflower rice: chicken thigh, roasted
	('05064', 'chicken_curry_rice'),	-- Chicken and chickpea curry with basmati-style rice: chicken breast, roasted
	('05064', 'chicken_fajitas'),	-- Chicken fajitas with peppers and corn tortillas: chicken breast, roasted
	('05098', 'chicken_lemon_potatoes'),	-- Lemon chicken with potatoes and zucchini: chicken thigh, roasted
	('05064', 'chicken_lentil_soup'),	-- Chicken and lentil soup with carrots: chicken breast, roasted
	('05028', 'chicken_liver_onions'),	-- Chicken livers with onions and mashed sweet potato: chicken livers, simmered
	('05333', 'chicken_meatballs_corn_pasta'),	-- Chicken meatballs with corn pasta and tomato sauce: ground chicken, cooked
	('05064', 'chicken_mushroom_cream_keto'),	-- Chicken with creamy mushroom sauce and green beans: chicken breast, roasted
	('05064', 'chicken_paleo_salad'),	-- Chicken, apple and walnut salad: chicken breast, roasted
	('05064', 'chicken_pesto_pasta'),	-- Chicken pesto whole-wheat pasta with tomatoes: chicken breast, roasted
	('05064', 'chicken_pomegranate_quinoa'),	-- Chicken, quinoa and pomegranate salad with pistachios: chicken breast, roasted
	('05064', 'chicken_quinoa_salad'),	-- Chicken quinoa salad with lemon vinaigrette: chicken breast, roasted
	('05064', 'chicken_rice_bowl'),	-- Teriyaki-style chicken rice bowl: chicken breast, roasted
	('05064', 'chicken_soba_broth'),	-- Chicken and soba noodle broth with bok choy: chicken breast, roasted
	('05064', 'chicken_souvlaki_bulgur'),	-- Chicken souvlaki with bulgur and cucumber yogurt: chicken breast, roasted
	('05064', 'chicken_stirfry_cashew'),	-- Chicken and cashew stir-fry with rice: chicken breast, roasted
	('05098', 'chicken_sweet_potato_bowl'),	-- Chicken, sweet potato and kale bowl: chicken thigh, roasted
	('05098', 'chicken_sweet_potato_paleo'),	-- Paprika chicken with sweet potato and Brussels sprouts: chicken thigh, roasted
	('05098', 'chicken_thigh_keto_broccoli'),	-- Roast chicken thighs with broccoli and olive oil: chicken thigh, roasted
	('05064', 'chicken_wrap_pita'),	-- Chicken, hummus and vegetable pita: chicken breast, roasted
	('05098', 'chicken_zoodle_soup'),	-- Chicken and zucchini noodle soup: chicken thigh, roasted
	('16057', 'chickpea_salad_quinoa'),	-- Chickpea, quinoa and roasted pepper salad: chickpeas, boiled
	('16057', 'chickpea_spinach_stew'),	-- Chickpea and spinach stew with quinoa: chickpeas, boiled
	('12118', 'coconut_berry_bowl'),	-- Coconut berry bowl with macadamias: coconut milk (canned)
	('12118', 'coconut_berry_smoothie'),	-- Berry coconut smoothie with chia: coconut milk (canned)
	('05064', 'coconut_chicken_sweet_potato'),	-- Coconut chicken curry with sweet potato and spinach: chicken breast, roasted
	('15016', 'cod_couscous'),	-- Moroccan-spiced cod with couscous and carrots: cod fillet, baked
	('15016', 'cod_potatoes_greenbeans'),	-- Baked cod with potatoes and green beans: cod fillet, baked
	('15016', 'cod_tomato_olives'),	-- Cod baked with tomatoes, olives and spinach: cod fillet, baked
	('01012', 'cottage_keto_berries'),	-- Cottage cheese with strawberries and pecans: cottage cheese
	('01012', 'cottage_pineapple'),	-- Cottage cheese with pineapple and flaxseed: cottage cheese
	('01012', 'cottage_pineapple_snack'),	-- Cottage cheese with pineapple: cottage cheese
	('01012', 'cottage_veg_bowl'),	-- Cottage cheese vegetable bowl with rye bread: cottage cheese
	('15140', 'crab_avocado_salad'),	-- Crab and avocado salad: crab meat, cooked
	('15140', 'crab_cakes_salad'),	-- Crab and quinoa cakes with green salad: crab meat, cooked
	('11205', 'cucumber_cream_cheese'),	-- Cucumber rounds with cream cheese and dill: cucumber
	('09421', 'dates_walnuts'),	-- Medjool dates with walnuts: medjool dates
	('11212', 'edamame_avocado_salad'),	-- Edamame, avocado and cucumber salad with pumpkin seeds: edamame, cooked
	('11212', 'edamame_mushroom_keto'),	-- Edamame, mushroom and spinach stir-fry with almonds: edamame, cooked
	('11212', 'edamame_salad'),	-- Edamame and rice noodle salad with sesame: edamame, cooked
	('11212', 'edamame_snack'),	-- Steamed edamame with lime: edamame, cooked
	('01129', 'egg_salad_lettuce'),	-- Egg salad lettuce cups with avocado: egg, cooked
	('01129', 'egg_salad_sandwich'),	-- Egg and spinach salad sandwich: egg, cooked
	('01129', 'egg_vegetable_frittata'),	-- Vegetable frittata with potatoes and salad: egg, cooked
	('11210', 'eggplant_ricotta_bake'),	-- Eggplant and ricotta bake with white beans: eggplant, cooked
	('01129', 'eggs_avocado_keto'),	-- Boiled egg with avocado: egg, cooked
	('09037', 'eggs_avocado_toast'),	-- Avocado toast with boiled eggs and tomato: avocado
	('01129', 'eggs_spinach_rye'),	-- Scrambled eggs with spinach on rye: egg, cooked
	('09421', 'energy_bites'),	-- Cocoa date energy bites: medjool dates
	('16057', 'falafel_style_bowl'),	-- Chickpea, bulgur and tahini bowl: chickpeas, boiled
	('09094', 'figs_ricotta'),	-- Figs with ricotta and honey: dried figs
	('09132', 'grapes_cheese'),	-- Grapes with Swiss cheese: grapes
	('16057', 'greek_salad_pita'),	-- Greek salad with chickpeas and pita: chickpeas, boiled
	('15037', 'halibut_wild_rice'),	-- Halibut with wild rice and roasted fennel: halibut, baked
	('16137', 'hummus_carrots'),	-- Hummus with carrot and cucumber sticks: hummus
	('16137', 'hummus_pita_snack'),	-- Hummus with whole-wheat pita: hummus
	('16137', 'hummus_toast_egg'),	-- Hummus toast with egg and cucumber: hummus
	('16137', 'hummus_veggie_pita'),	-- Hummus, chickpea and vegetable pita: hummus
	('01129', 'keto_cheese_omelet'),	-- Cheddar and mushroom omelet: egg, cooked
	('01129', 'keto_eggs_avocado'),	-- Eggs with avocado, spinach and butter: egg, cooked
	('01129', 'keto_salmon_eggs'),	-- Scrambled eggs with salmon and dill: egg, cooked
	('15200', 'king_mackerel_tomato_rice'),	-- Grilled king mackerel with tomato-pepper sauce and brown rice: king mackerel, grilled
	('09148', 'kiwi_pistachios'),	-- Kiwi with pistachios: kiwi
	('17014', 'lamb_eggplant_keto'),	-- Lamb with roasted eggplant and yogurt: lamb leg, lean, roasted
	('17014', 'lamb_kofta_cauli_tabbouleh'),	-- Lamb kofta with cauliflower tabbouleh: lamb leg, lean, roasted
	('17014', 'lamb_mint_couscous'),	-- Lamb with minted couscous and roasted vegetables: lamb leg, lean, roasted
	('16070', 'lentil_bolognese'),	-- Lentil bolognese with whole-wheat spaghetti: lentils, boiled
	('16070', 'lentil_dal_rice'),	-- Red lentil dal with brown rice and spinach: lentils, boiled
	('16070', 'lentil_soup_vegan'),	-- Red lentil and vegetable soup with bread: lentils, boiled
	('16070', 'lentil_tabbouleh'),	-- Lentil tabbouleh: lentils, boiled
	('15148', 'lobster_corn_potato'),	-- Lobster with corn and new potatoes: lobster meat, cooked
	('16077', 'lupini_coconut_curry_keto'),	-- Lupini bean coconut curry with cauliflower rice: lupini beans, boiled
	('16077', 'lupini_olives'),	-- Lupini beans with olives and lemon: lupini beans, boiled
	('16077', 'lupini_ratatouille_keto'),	-- Lupini beans with ratatouille and olives: lupini beans, boiled
	('16077', 'lupini_salad_keto'),	-- Lupini bean, olive and roasted pepper salad: lupini beans, boiled
	('12131', 'macadamia_berries'),	-- Macadamias with blackberries: macadamia nuts
	('15047', 'mackerel_fennel_keto'),	-- Grilled mackerel with fennel and arugula salad: Atlantic mackerel, grilled
	('15047', 'mackerel_potato_salad'),	-- Mackerel, potato and green bean salad: Atlantic mackerel, grilled
	('09176', 'mango_cashews'),	-- Mango with cashews: mango
	('20032', 'millet_porridge'),	-- Millet porridge with dates and walnuts: millet, cooked
	('16050', 'minestrone_beans'),	-- Minestrone with white beans and pasta: white beans, boiled
	('01129', 'mushroom_goat_frittata_keto'),	-- Mushroom, spinach and goat cheese frittata: egg, cooked
	('15165', 'mussel_potato_salad'),	-- Mussel and potato salad with parsley: mussels, steamed
	('15165', 'mussels_tomato_pasta'),	-- Mussels in tomato and garlic with spaghetti: mussels, steamed
	('08120', 'oats_apple_cinnamon'),	-- Apple cinnamon porridge with almonds: rolled oats (dry weight)
	('08120', 'oats_berries_walnuts'),	-- Overnight oats with blueberries and walnuts: rolled oats (dry weight)
	('08120', 'oats_pear_hazelnut'),	-- Pear and hazelnut porridge: rolled oats (dry weight)
	('08120', 'oats_raspberry_chia'),	-- Raspberry chia oats: rolled oats (dry weight)
	('08120', 'oats_savory_egg'),	-- Savory oats with spinach and a boiled egg: rolled oats (dry weight)
	('08120', 'oats_soy_banana_pb'),	-- Peanut butter banana oatmeal: rolled oats (dry weight)
	('09193', 'olives_cheese_keto'),	-- Olives with mozzarella and tomato: black olives
	('09200', 'orange_walnuts'),	-- Orange with walnuts: orange
	('09040', 'paleo_banana_pancakes'),	-- Banana and almond-butter pancakes with berries: banana
	('11508', 'paleo_sweet_potato_hash'),	-- Sweet potato hash with eggs: sweet potato, baked in skin
	('05663', 'paleo_turkey_hash'),	-- Turkey, sweet potato and kale breakfast hash: lean ground turkey, cooked
	('16398', 'pb_banana_toast'),	-- Peanut butter and banana toast: peanut butter, no salt
	('08120', 'pb_oatmeal_berries'),	-- Peanut butter oatmeal with strawberries: rolled oats (dry weight)
	('09236', 'peach_yogurt'),	-- Peach with low-fat yogurt and almonds: peach
	('05064', 'peanut_chicken_collards'),	-- Peanut chicken with collard greens and brown rice: chicken breast, roasted
	('16426', 'peanut_tofu_bowl'),	-- Peanut tofu and rice noodle bowl: firm tofu
	('09252', 'pear_goat_cheese'),	-- Pear with goat cheese and walnuts: pear
	('12142', 'pecans_coconut_keto'),	-- Pecans with coconut and raspberries: pecans
	('19806', 'popcorn_almonds'),	-- Air-popped popcorn with almonds: popcorn, air-popped
	('10061', 'pork_apple_sweet_potato'),	-- Pork tenderloin with apples and sweet potato: pork tenderloin, roasted
	('10061', 'pork_cabbage_bowl'),	-- Pork and cabbage stir-fry bowl: pork tenderloin, roasted
	('10042', 'pork_chop_cabbage_keto'),	-- Pork chops with braised cabbage and mustard: pork loin chop, broiled
	('10061', 'pork_fried_rice'),	-- Pork, egg and vegetable fried rice: pork tenderloin, roasted
	('10061', 'pork_roots_arugula'),	-- Pork tenderloin with roasted carrots, beets and arugula: pork tenderloin, roasted
	('20137', 'quinoa_porridge'),	-- Quinoa breakfast bowl with apple and almond butter: quinoa, cooked
	('19816', 'rice_cakes_avocado'),	-- Rice cakes with avocado and tomato: brown rice cake, unsalted
	('19816', 'rice_cakes_pb'),	-- Rice cakes with peanut butter and banana: brown rice cake, unsalted
	('01036', 'ricotta_toast_figs'),	-- Ricotta toast with figs and honey: ricotta, whole milk
	('16057', 'roasted_chickpeas'),	-- Roasted chickpeas with paprika: chickpeas, boiled
	('15209', 'salmon_asparagus_keto'),	-- Garlic salmon with asparagus and olive oil: salmon fillet, baked
	('15209', 'salmon_grain_bowl'),	-- Salmon, farro and greens bowl: salmon fillet, baked
	('15209', 'salmon_mango_salad'),	-- Salmon, mango and avocado salad: salmon fillet, baked
	('15209', 'salmon_quinoa_asparagus'),	-- Lemon herb salmon with quinoa and asparagus: salmon fillet, baked
	('15209', 'salmon_salad_keto'),	-- Salmon salad with avocado and olive oil: salmon fillet, baked
	('15209', 'salmon_sweet_potato'),	-- Roasted salmon with sweet potato and broccoli: salmon fillet, baked
	('15209', 'salmon_sweet_potato_bowl'),	-- Salmon, avocado and sweet potato breakfast bowl: salmon fillet, baked
	('15209', 'salmon_teriyaki_rice'),	-- Ginger soy salmon with brown rice and bok choy: salmon fillet, baked
	('15088', 'sardine_toast_salad'),	-- Sardines on rye with tomato salad: sardines in olive oil, drained
	('90240', 'scallops_cauli_keto'),	-- Seared scallops with cauliflower puree and spinach: scallops, steamed
	('15092', 'sea_bass_ratatouille'),	-- Sea bass with ratatouille: sea bass, baked
	('01129', 'shakshuka'),	-- Shakshuka with whole-wheat pita: egg, cooked
	('09040', 'smoothie_banana_pb'),	-- Banana peanut butter smoothie: banana
	('01117', 'smoothie_berry_yogurt'),	-- Berry yogurt smoothie with flax: plain low-fat yogurt
	('09148', 'smoothie_green_vegan'),	-- Green smoothie with kiwi, spinach and chia: kiwi
	('16222', 'smoothie_snack_soy'),	-- Berry soy smoothie: soy milk, unsweetened
	('11493', 'spaghetti_squash_ricotta_keto'),	-- Spaghetti squash with ricotta, spinach and parmesan: spaghetti squash, baked
	('16086', 'split_pea_soup'),	-- Split pea soup with rye bread: split peas, boiled
	('13290', 'steak_and_eggs'),	-- Steak and eggs with wilted spinach: beef sirloin steak, lean, cooked
	('13290', 'steak_butter_greenbeans_keto'),	-- Garlic butter steak with green beans: beef sirloin steak, lean, cooked
	('13070', 'steak_chimichurri_sweet_potato'),	-- Flank steak with chimichurri and sweet potato: flank steak, broiled
	('13290', 'steak_potato_asparagus'),	-- Sirloin steak with baked potato and asparagus: beef sirloin steak, lean, cooked
	('13290', 'steak_salad_keto'),	-- Steak salad with arugula and avocado: beef sirloin steak, lean, cooked
	('16070', 'stuffed_peppers_lentil'),	-- Lentil and rice stuffed peppers: lentils, boiled
	('09070', 'sunflower_cherries'),	-- Cherries with sunflower seeds: cherries
	('11508', 'sweet_potato_bean_bowl'),	-- Sweet potato and black bean bowl with lime: sweet potato, baked in skin
	('15111', 'swordfish_salsa'),	-- Grilled swordfish with mango salsa and rice: swordfish steak, grilled
	('16114', 'tempeh_avocado_salad'),	-- Tempeh, avocado and greens salad: tempeh
	('16114', 'tempeh_grain_bowl'),	-- Tempeh, millet and roasted vegetable bowl: tempeh
	('16114', 'tempeh_hash'),	-- Tempeh and kale breakfast skillet: tempeh
	('16114', 'tempeh_sweet_potato'),	-- Tempeh with sweet potato and green beans: tempeh
	('16114', 'tempeh_walnut_kale'),	-- Tempeh with kale, walnuts and avocado: tempeh
	('15262', 'tilapia_cauli_keto'),	-- Tilapia with cauliflower mash and butter: tilapia fillet, baked
	('15262', 'tilapia_tacos'),	-- Tilapia tacos with cabbage slaw: tilapia fillet, baked
	('16426', 'tofu_avocado_bowl_keto'),	-- Tofu and avocado bowl with cucumber and pumpkin seeds: firm tofu
	('16426', 'tofu_bites_keto'),	-- Tamari tofu bites with pumpkin seeds: firm tofu
	('16426', 'tofu_bokchoy_keto'),	-- Sesame tofu with bok choy and mushrooms: firm tofu
	('16426', 'tofu_broccoli_rice'),	-- Tofu and broccoli stir-fry with brown rice: firm tofu
	('16426', 'tofu_cauli_rice_keto'),	-- Tofu stir-fry with cauliflower rice: firm tofu
	('16426', 'tofu_green_curry_keto'),	-- Tofu coconut curry with zucchini and spinach: firm tofu
	('16426', 'tofu_lettuce_wraps'),	-- Tofu and mushroom lettuce wraps: firm tofu
	('16426', 'tofu_noodle_salad'),	-- Sesame tofu soba noodle salad: firm tofu
	('16426', 'tofu_peanut_noodles'),	-- Peanut tofu with rice noodles and vegetables: firm tofu
	('16426', 'tofu_rice_bowl'),	-- Crispy tofu and brown rice bowl with edamame: firm tofu
	('16426', 'tofu_salad_keto'),	-- Tofu, kale and walnut salad: firm tofu
	('16426', 'tofu_scramble_keto'),	-- Tofu scramble with avocado and mushrooms: firm tofu
	('16426', 'tofu_scramble_potato'),	-- Tofu and potato breakfast skillet: firm tofu
	('16426', 'tofu_scramble_toast'),	-- Tofu scramble with spinach and toast: firm tofu
	('16426', 'tofu_scramble_tomato_keto'),	-- Tofu scramble with spinach, tomato and pumpkin seeds: firm tofu
	('11477', 'tofu_zoodle_pesto_keto'),	-- Zucchini noodles with walnut pesto and tofu: zucchini
	('12061', 'trail_mix'),	-- Trail mix with almonds, pumpkin seeds and raisins: almonds
	('15241', 'trout_almond_beans'),	-- Trout amandine with green beans: rainbow trout, baked
	('15241', 'trout_barley_greens'),	-- Rainbow trout with barley and chard: rainbow trout, baked
	('15184', 'tuna_avocado_salad'),	-- Tuna, avocado and cucumber salad: tuna in water, no salt added, drained
	('15184', 'tuna_cucumber_bites'),	-- Tuna cucumber bites: tuna in water, no salt added, drained
	('15184', 'tuna_nicoise'),	-- Tuna nicoise salad: tuna in water, no salt added, drained
	('15127', 'tuna_poke_bowl'),	-- Tuna poke bowl with rice and edamame: yellowfin tuna, raw (sashimi)
	('15221', 'tuna_steak_sesame'),	-- Seared tuna with sesame greens and rice noodles: yellowfin tuna steak, seared through
	('15184', 'tuna_white_bean_salad'),	-- Tuna and white bean salad: tuna in water, no salt added, drained
	('05663', 'turkey_burger_portobello'),	-- Turkey burgers with mushrooms and sweet potato wedges: lean ground turkey, cooked
	('05663', 'turkey_chili_bowl'),	-- Turkey and bean chili bowl: lean ground turkey, cooked
	('05663', 'turkey_lettuce_wraps'),	-- Turkey lettuce wraps with avocado: lean ground turkey, cooked
	('05663', 'turkey_meatballs_zoodles'),	-- Turkey meatballs with zucchini noodles and tomato sauce: lean ground turkey, cooked
	('05663', 'turkey_quinoa_stuffed_peppers'),	-- Turkey and quinoa stuffed peppers: lean ground turkey, cooked
	('05220', 'turkey_roll_ups'),	-- Turkey and avocado roll-ups with romaine: turkey breast, roasted
	('05220', 'turkey_rye_sandwich'),	-- Turkey, Swiss and vegetable rye sandwich: turkey breast, roasted
	('05663', 'turkey_spaghetti_bolognese'),	-- Turkey bolognese with whole-wheat spaghetti: lean ground turkey, cooked
	('05220', 'turkey_stuffed_squash'),	-- Turkey-stuffed butternut squash with kale: turkey breast, roasted
	('05663', 'turkey_veg_skillet'),	-- Turkey and vegetable skillet with an orange: lean ground turkey, cooked
	('01129', 'veggie_frittata_keto'),	-- Spinach and cheddar frittata with salad: egg, cooked
	('01129', 'veggie_omelet_toast'),	-- Mushroom and pepper omelet with toast: egg, cooked
	('12155', 'walnut_mushroom_tacos_keto'),	-- Walnut and mushroom lettuce tacos with avocado: walnuts
	('09037', 'white_bean_avocado_toast'),	-- Avocado toast with white beans and tomato: avocado
	('16050', 'white_bean_kale_soup'),	-- Tuscan white bean and kale soup: white beans, boiled
	('16050', 'white_bean_pasta'),	-- White bean, kale and garlic pasta: white beans, boiled
	('01117', 'yogurt_berries_snack'),	-- Yogurt with blueberries and flax: plain low-fat yogurt
	('01116', 'yogurt_berry_parfait'),	-- Yogurt parfait with mixed berries and almonds: plain whole-milk yogurt
	('01116', 'yogurt_keto_walnut'),	-- Whole-milk yogurt with raspberries, walnuts and chia: plain whole-milk yogurt
	('01117', 'yogurt_mango_coconut'),	-- Yogurt with mango, coconut and pumpkin seeds: plain low-fat yogurt
	('01117', 'yogurt_oats_figs'),	-- Yogurt with oats, figs and pistachios: plain low-fat yogurt
	('01116', 'yogurt_walnut_keto')	-- Whole-milk yogurt with walnuts and cinnamon: plain whole-milk yogurt
) AS v (ndb, slug)
WHERE t.slug = v.slug AND i.template_id = t.id AND i.ndb = v.ndb;
