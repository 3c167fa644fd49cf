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

UPDATE meal_template_items i SET title = true
FROM meal_templates t, (VALUES
	('almond_flax_porridge', '12061'),	-- Almond-flax porridge with coconut milk and blackberries: almonds
	('almonds_olives_keto', '12061'),	-- Almonds and olives: almonds
	('apple_almond_butter', '09003'),	-- Apple slices with almond butter: apple
	('avocado_pumpkin_seeds', '09037'),	-- Avocado with pumpkin seeds and lime: avocado
	('banana_peanut_butter', '09040'),	-- Banana with peanut butter: banana
	('barley_mushroom_risotto', '20006'),	-- Barley and mushroom risotto with peas: pearl barley, cooked
	('bean_chili_vegan', '16015'),	-- Three-bean chili with millet: black beans, boiled
	('bean_tacos_vegan', '16015'),	-- Black bean, avocado and salsa breakfast tacos: black beans, boiled
	('beef_broccoli_keto', '13070'),	-- Beef and broccoli stir-fry: flank steak, broiled
	('beef_burger_bowl_paleo', '23565'),	-- Burger bowl with sweet potato wedges: lean ground beef (90%), cooked
	('beef_chili_beans', '23565'),	-- Beef and bean chili with brown rice: lean ground beef (90%), cooked
	('beef_roast_vegetables', '13419'),	-- Roast beef with root vegetables: lean beef roast (eye of round)
	('beef_stirfry_rice', '13070'),	-- Beef and snow pea stir-fry with rice: flank steak, broiled
	('beef_taco_salad', '23565'),	-- Beef taco salad with beans: lean ground beef (90%), cooked
	('beef_veg_soup_paleo', '13419'),	-- Beef and sweet potato vegetable soup: lean beef roast (eye of round)
	('berries_cream_keto', '09316'),	-- Strawberries with whipped cream and almonds: strawberries
	('black_bean_bowl', '16015'),	-- Black bean and brown rice burrito bowl: black beans, boiled
	('black_bean_tacos', '16015'),	-- Black bean and sweet potato tacos: black beans, boiled
	('boiled_eggs_tomatoes', '01129'),	-- Boiled eggs with cherry tomatoes: egg, cooked
	('brazil_apricots', '12078'),	-- Brazil nuts with dried apricots: brazil nuts
	('breakfast_burrito', '16015'),	-- Black bean and egg breakfast tacos: black beans, boiled
	('buckwheat_coconut_mango', '20010'),	-- Buckwheat porridge with coconut milk and mango: buckwheat groats, cooked
	('buckwheat_porridge', '20010'),	-- Buckwheat porridge with pear and pecans: buckwheat groats, cooked
	('buckwheat_salad', '20010'),	-- Buckwheat, roasted beet and walnut salad: buckwheat groats, cooked
	('buddha_bowl_tahini', '16057'),	-- Chickpea Buddha bowl with tahini: chickpeas, boiled
	('cantaloupe_cottage', '09181'),	-- Cantaloupe with cottage cheese and pumpkin seeds: cantaloupe
	('caprese_quinoa', '20137'),	-- Caprese quinoa salad: quinoa, cooked
	('cauliflower_cheese_keto', '11136'),	-- Cauliflower cheese bake with eggs and spinach: cauliflower, roasted
	('celery_almond_butter_keto', '11143'),	-- Celery with almond butter: celery
	('cheese_apple', '01009'),	-- Cheddar with apple: cheddar
	('cheese_omelet_salad', '01129'),	-- Goat-cheese omelet with green salad: egg, cooked
	('chia_coconut_berries', '12118'),	-- Coconut chia pudding with berries: coconut milk (canned)
	('chia_pudding_snack', '12006'),	-- Chia pudding with raspberries: chia seeds
	('chia_soy_mango', '09176'),	-- Mango chia pudding: mango
	('chicken_apple_patties', '05098'),	-- Chicken and apple breakfast patties with sweet potato: chicken thigh, roasted
	('chicken_avocado_breakfast', '05098'),	-- Chicken, avocado and tomato breakfast plate: chicken thigh, roasted
	('chicken_avocado_salad', '05064'),	-- Chicken, avocado and greens salad: chicken breast, roasted
	('chicken_brown_rice_broccoli', '05064'),	-- Garlic chicken with brown rice and broccoli: chicken breast, roasted
	('chicken_butternut_kale', '05098'),	-- Chicken thighs with roasted butternut squash and kale: chicken thigh, roasted
	('chicken_caesar_lite', '05064'),	-- Chicken and romaine salad with parmesan: chicken breast, roasted
	('chicken_curry_cauli_keto', '05098'),	-- Chicken coconut curry with cauliflower rice: chicken thigh, roasted
	('chicken_curry_rice', '05064'),	-- Chicken and chickpea curry with basmati-style rice: chicken breast, roasted
	('chicken_fajitas', '05064'),	-- Chicken fajitas with peppers and corn tortillas: chicken breast, roasted
	('chicken_lemon_potatoes', '05098'),	-- Lemon chicken with potatoes and zucchini: chicken thigh, roasted
	('chicken_lentil_soup', '05064'),	-- Chicken and lentil soup with carrots: chicken breast, roasted
	('chicken_liver_onions', '05028'),	-- Chicken livers with onions and mashed sweet potato: chicken livers, simmered
	('chicken_meatballs_corn_pasta', '05333'),	-- Chicken meatballs with corn pasta and tomato sauce: ground chicken, cooked
	('chicken_mushroom_cream_keto', '05064'),	-- Chicken with creamy mushroom sauce and green beans: chicken breast, roasted
	('chicken_paleo_salad', '05064'),	-- Chicken, apple and walnut salad: chicken breast, roasted
	('chicken_pesto_pasta', '05064'),	-- Chicken pesto whole-wheat pasta with tomatoes: chicken breast, roasted
	('chicken_pomegranate_quinoa', '05064'),	-- Chicken, quinoa and pomegranate salad with pistachios: chicken breast, roasted
	('chicken_quinoa_salad', '05064'),	-- Chicken quinoa salad with lemon vinaigrette: chicken breast, roasted
	('chicken_rice_bowl', '05064'),	-- Teriyaki-style chicken rice bowl: chicken breast, roasted
	('chicken_soba_broth', '05064'),	-- Chicken and soba noodle broth with bok choy: chicken breast, roasted
	('chicken_souvlaki_bulgur', '05064'),	-- Chicken souvlaki with bulgur and cucumber yogurt: chicken breast, roasted
	('chicken_stirfry_cashew', '05064'),	-- Chicken and cashew stir-fry with rice: chicken breast, roasted
	('chicken_sweet_potato_bowl', '05098'),	-- Chicken, sweet potato and kale bowl: chicken thigh, roasted
	('chicken_sweet_potato_paleo', '05098'),	-- Paprika chicken with sweet potato and Brussels sprouts: chicken thigh, roasted
	('chicken_thigh_keto_broccoli', '05098'),	-- Roast chicken thighs with broccoli and olive oil: chicken thigh, roasted
	('chicken_wrap_pita', '05064'),	-- Chicken, hummus and vegetable pita: chicken breast, roasted
	('chicken_zoodle_soup', '05098'),	-- Chicken and zucchini noodle soup: chicken thigh, roasted
	('chickpea_salad_quinoa', '16057'),	-- Chickpea, quinoa and roasted pepper salad: chickpeas, boiled
	('chickpea_spinach_stew', '16057'),	-- Chickpea and spinach stew with quinoa: chickpeas, boiled
	('coconut_berry_bowl', '12118'),	-- Coconut berry bowl with macadamias: coconut milk (canned)
	('coconut_berry_smoothie', '12118'),	-- Berry coconut smoothie with chia: coconut milk (canned)
	('coconut_chicken_sweet_potato', '05064'),	-- Coconut chicken curry with sweet potato and spinach: chicken breast, roasted
	('cod_couscous', '15016'),	-- Moroccan-spiced cod with couscous and carrots: cod fillet, baked
	('cod_potatoes_greenbeans', '15016'),	-- Baked cod with potatoes and green beans: cod fillet, baked
	('cod_tomato_olives', '15016'),	-- Cod baked with tomatoes, olives and spinach: cod fillet, baked
	('cottage_keto_berries', '01012'),	-- Cottage cheese with strawberries and pecans: cottage cheese
	('cottage_pineapple', '01012'),	-- Cottage cheese with pineapple and flaxseed: cottage cheese
	('cottage_pineapple_snack', '01012'),	-- Cottage cheese with pineapple: cottage cheese
	('cottage_veg_bowl', '01012'),	-- Cottage cheese vegetable bowl with rye bread: cottage cheese
	('crab_avocado_salad', '15140'),	-- Crab and avocado salad: crab meat, cooked
	('crab_cakes_salad', '15140'),	-- Crab and quinoa cakes with green salad: crab meat, cooked
	('cucumber_cream_cheese', '11205'),	-- Cucumber rounds with cream cheese and dill: cucumber
	('dates_walnuts', '09421'),	-- Medjool dates with walnuts: medjool dates
	('edamame_avocado_salad', '11212'),	-- Edamame, avocado and cucumber salad with pumpkin seeds: edamame, cooked
	('edamame_mushroom_keto', '11212'),	-- Edamame, mushroom and spinach stir-fry with almonds: edamame, cooked
	('edamame_salad', '11212'),	-- Edamame and rice noodle salad with sesame: edamame, cooked
	('edamame_snack', '11212'),	-- Steamed edamame with lime: edamame, cooked
	('egg_salad_lettuce', '01129'),	-- Egg salad lettuce cups with avocado: egg, cooked
	('egg_salad_sandwich', '01129'),	-- Egg and spinach salad sandwich: egg, cooked
	('egg_vegetable_frittata', '01129'),	-- Vegetable frittata with potatoes and salad: egg, cooked
	('eggplant_ricotta_bake', '11210'),	-- Eggplant and ricotta bake with white beans: eggplant, cooked
	('eggs_avocado_keto', '01129'),	-- Boiled egg with avocado: egg, cooked
	('eggs_avocado_toast', '09037'),	-- Avocado toast with boiled eggs and tomato: avocado
	('eggs_spinach_rye', '01129'),	-- Scrambled eggs with spinach on rye: egg, cooked
	('energy_bites', '09421'),	-- Cocoa date energy bites: medjool dates
	('falafel_style_bowl', '16057'),	-- Chickpea, bulgur and tahini bowl: chickpeas, boiled
	('figs_ricotta', '09094'),	-- Figs with ricotta and honey: dried figs
	('grapes_cheese', '09132'),	-- Grapes with Swiss cheese: grapes
	('greek_salad_pita', '16057'),	-- Greek salad with chickpeas and pita: chickpeas, boiled
	('halibut_wild_rice', '15037'),	-- Halibut with wild rice and roasted fennel: halibut, baked
	('hummus_carrots', '16137'),	-- Hummus with carrot and cucumber sticks: hummus
	('hummus_pita_snack', '16137'),	-- Hummus with whole-wheat pita: hummus
	('hummus_toast_egg', '16137'),	-- Hummus toast with egg and cucumber: hummus
	('hummus_veggie_pita', '16137'),	-- Hummus, chickpea and vegetable pita: hummus
	('keto_cheese_omelet', '01129'),	-- Cheddar and mushroom omelet: egg, cooked
	('keto_eggs_avocado', '01129'),	-- Eggs with avocado, spinach and butter: egg, cooked
	('keto_salmon_eggs', '01129'),	-- Scrambled eggs with salmon and dill: egg, cooked
	('king_mackerel_tomato_rice', '15200'),	-- Grilled king mackerel with tomato-pepper sauce and brown rice: king mackerel, grilled
	('kiwi_pistachios', '09148'),	-- Kiwi with pistachios: kiwi
	('lamb_eggplant_keto', '17014'),	-- Lamb with roasted eggplant and yogurt: lamb leg, lean, roasted
	('lamb_kofta_cauli_tabbouleh', '17014'),	-- Lamb kofta with cauliflower tabbouleh: lamb leg, lean, roasted
	('lamb_mint_couscous', '17014'),	-- Lamb with minted couscous and roasted vegetables: lamb leg, lean, roasted
	('lentil_bolognese', '16070'),	-- Lentil bolognese with whole-wheat spaghetti: lentils, boiled
	('lentil_dal_rice', '16070'),	-- Red lentil dal with brown rice and spinach: lentils, boiled
	('lentil_soup_vegan', '16070'),	-- Red lentil and vegetable soup with bread: lentils, boiled
	('lentil_tabbouleh', '16070'),	-- Lentil tabbouleh: lentils, boiled
	('lobster_corn_potato', '15148'),	-- Lobster with corn and new potatoes: lobster meat, cooked
	('lupini_coconut_curry_keto', '16077'),	-- Lupini bean coconut curry with cauliflower rice: lupini beans, boiled
	('lupini_olives', '16077'),	-- Lupini beans with olives and lemon: lupini beans, boiled
	('lupini_ratatouille_keto', '16077'),	-- Lupini beans with ratatouille and olives: lupini beans, boiled
	('lupini_salad_keto', '16077'),	-- Lupini bean, olive and roasted pepper salad: lupini beans, boiled
	('macadamia_berries', '12131'),	-- Macadamias with blackberries: macadamia nuts
	('mackerel_fennel_keto', '15047'),	-- Grilled mackerel with fennel and arugula salad: Atlantic mackerel, grilled
	('mackerel_potato_salad', '15047'),	-- Mackerel, potato and green bean salad: Atlantic mackerel, grilled
	('mango_cashews', '09176'),	-- Mango with cashews: mango
	('millet_porridge', '20032'),	-- Millet porridge with dates and walnuts: millet, cooked
	('minestrone_beans', '16050'),	-- Minestrone with white beans and pasta: white beans, boiled
	('mushroom_goat_frittata_keto', '01129'),	-- Mushroom, spinach and goat cheese frittata: egg, cooked
	('mussel_potato_salad', '15165'),	-- Mussel and potato salad with parsley: mussels, steamed
	('mussels_tomato_pasta', '15165'),	-- Mussels in tomato and garlic with spaghetti: mussels, steamed
	('oats_apple_cinnamon', '08120'),	-- Apple cinnamon porridge with almonds: rolled oats (dry weight)
	('oats_berries_walnuts', '08120'),	-- Overnight oats with blueberries and walnuts: rolled oats (dry weight)
	('oats_pear_hazelnut', '08120'),	-- Pear and hazelnut porridge: rolled oats (dry weight)
	('oats_raspberry_chia', '08120'),	-- Raspberry chia oats: rolled oats (dry weight)
	('oats_savory_egg', '08120'),	-- Savory oats with spinach and a boiled egg: rolled oats (dry weight)
	('oats_soy_banana_pb', '08120'),	-- Peanut butter banana oatmeal: rolled oats (dry weight)
	('olives_cheese_keto', '09193'),	-- Olives with mozzarella and tomato: black olives
	('orange_walnuts', '09200'),	-- Orange with walnuts: orange
	('paleo_banana_pancakes', '09040'),	-- Banana and almond-butter pancakes with berries: banana
	('paleo_sweet_potato_hash', '11508'),	-- Sweet potato hash with eggs: sweet potato, baked in skin
	('paleo_turkey_hash', '05663'),	-- Turkey, sweet potato and kale breakfast hash: lean ground turkey, cooked
	('pb_banana_toast', '16398'),	-- Peanut butter and banana toast: peanut butter, no salt
	('pb_oatmeal_berries', '08120'),	-- Peanut butter oatmeal with strawberries: rolled oats (dry weight)
	('peach_yogurt', '09236'),	-- Peach with low-fat yogurt and almonds: peach
	('peanut_chicken_collards', '05064'),	-- Peanut chicken with collard greens and brown rice: chicken breast, roasted
	('peanut_tofu_bowl', '16426'),	-- Peanut tofu and rice noodle bowl: firm tofu
	('pear_goat_cheese', '09252'),	-- Pear with goat cheese and walnuts: pear
	('pecans_coconut_keto', '12142'),	-- Pecans with coconut and raspberries: pecans
	('popcorn_almonds', '19806'),	-- Air-popped popcorn with almonds: popcorn, air-popped
	('pork_apple_sweet_potato', '10061'),	-- Pork tenderloin with apples and sweet potato: pork tenderloin, roasted
	('pork_cabbage_bowl', '10061'),	-- Pork and cabbage stir-fry bowl: pork tenderloin, roasted
	('pork_chop_cabbage_keto', '10042'),	-- Pork chops with braised cabbage and mustard: pork loin chop, broiled
	('pork_fried_rice', '10061'),	-- Pork, egg and vegetable fried rice: pork tenderloin, roasted
	('pork_roots_arugula', '10061'),	-- Pork tenderloin with roasted carrots, beets and arugula: pork tenderloin, roasted
	('quinoa_porridge', '20137'),	-- Quinoa breakfast bowl with apple and almond butter: quinoa, cooked
	('rice_cakes_avocado', '19816'),	-- Rice cakes with avocado and tomato: brown rice cake, unsalted
	('rice_cakes_pb', '19816'),	-- Rice cakes with peanut butter and banana: brown rice cake, unsalted
	('ricotta_toast_figs', '01036'),	-- Ricotta toast with figs and honey: ricotta, whole milk
	('roasted_chickpeas', '16057'),	-- Roasted chickpeas with paprika: chickpeas, boiled
	('salmon_asparagus_keto', '15209'),	-- Garlic salmon with asparagus and olive oil: salmon fillet, baked
	('salmon_grain_bowl', '15209'),	-- Salmon, farro and greens bowl: salmon fillet, baked
	('salmon_mango_salad', '15209'),	-- Salmon, mango and avocado salad: salmon fillet, baked
	('salmon_quinoa_asparagus', '15209'),	-- Lemon herb salmon with quinoa and asparagus: salmon fillet, baked
	('salmon_salad_keto', '15209'),	-- Salmon salad with avocado and olive oil: salmon fillet, baked
	('salmon_sweet_potato', '15209'),	-- Roasted salmon with sweet potato and broccoli: salmon fillet, baked
	('salmon_sweet_potato_bowl', '15209'),	-- Salmon, avocado and sweet potato breakfast bowl: salmon fillet, baked
	('salmon_teriyaki_rice', '15209'),	-- Ginger soy salmon with brown rice and bok choy: salmon fillet, baked
	('sardine_toast_salad', '15088'),	-- Sardines on rye with tomato salad: sardines in olive oil, drained
	('scallops_cauli_keto', '90240'),	-- Seared scallops with cauliflower puree and spinach: scallops, steamed
	('sea_bass_ratatouille', '15092'),	-- Sea bass with ratatouille: sea bass, baked
	('shakshuka', '01129'),	-- Shakshuka with whole-wheat pita: egg, cooked
	('smoothie_banana_pb', '09040'),	-- Banana peanut butter smoothie: banana
	('smoothie_berry_yogurt', '01117'),	-- Berry yogurt smoothie with flax: plain low-fat yogurt
	('smoothie_green_vegan', '09148'),	-- Green smoothie with kiwi, spinach and chia: kiwi
	('smoothie_snack_soy', '16222'),	-- Berry soy smoothie: soy milk, unsweetened
	('spaghetti_squash_ricotta_keto', '11493'),	-- Spaghetti squash with ricotta, spinach and parmesan: spaghetti squash, baked
	('split_pea_soup', '16086'),	-- Split pea soup with rye bread: split peas, boiled
	('steak_and_eggs', '13290'),	-- Steak and eggs with wilted spinach: beef sirloin steak, lean, cooked
	('steak_butter_greenbeans_keto', '13290'),	-- Garlic butter steak with green beans: beef sirloin steak, lean, cooked
	('steak_chimichurri_sweet_potato', '13070'),	-- Flank steak with chimichurri and sweet potato: flank steak, broiled
	('steak_potato_asparagus', '13290'),	-- Sirloin steak with baked potato and asparagus: beef sirloin steak, lean, cooked
	('steak_salad_keto', '13290'),	-- Steak salad with arugula and avocado: beef sirloin steak, lean, cooked
	('stuffed_peppers_lentil', '16070'),	-- Lentil and rice stuffed peppers: lentils, boiled
	('sunflower_cherries', '09070'),	-- Cherries with sunflower seeds: cherries
	('sweet_potato_bean_bowl', '11508'),	-- Sweet potato and black bean bowl with lime: sweet potato, baked in skin
	('swordfish_salsa', '15111'),	-- Grilled swordfish with mango salsa and rice: swordfish steak, grilled
	('tempeh_avocado_salad', '16114'),	-- Tempeh, avocado and greens salad: tempeh
	('tempeh_grain_bowl', '16114'),	-- Tempeh, millet and roasted vegetable bowl: tempeh
	('tempeh_hash', '16114'),	-- Tempeh and kale breakfast skillet: tempeh
	('tempeh_sweet_potato', '16114'),	-- Tempeh with sweet potato and green beans: tempeh
	('tempeh_walnut_kale', '16114'),	-- Tempeh with kale, walnuts and avocado: tempeh
	('tilapia_cauli_keto', '15262'),	-- Tilapia with cauliflower mash and butter: tilapia fillet, baked
	('tilapia_tacos', '15262'),	-- Tilapia tacos with cabbage slaw: tilapia fillet, baked
	('tofu_avocado_bowl_keto', '16426'),	-- Tofu and avocado bowl with cucumber and pumpkin seeds: firm tofu
	('tofu_bites_keto', '16426'),	-- Tamari tofu bites with pumpkin seeds: firm tofu
	('tofu_bokchoy_keto', '16426'),	-- Sesame tofu with bok choy and mushrooms: firm tofu
	('tofu_broccoli_rice', '16426'),	-- Tofu and broccoli stir-fry with brown rice: firm tofu
	('tofu_cauli_rice_keto', '16426'),	-- Tofu stir-fry with cauliflower rice: firm tofu
	('tofu_green_curry_keto', '16426'),	-- Tofu coconut curry with zucchini and spinach: firm tofu
	('tofu_lettuce_wraps', '16426'),	-- Tofu and mushroom lettuce wraps: firm tofu
	('tofu_noodle_salad', '16426'),	-- Sesame tofu soba noodle salad: firm tofu
	('tofu_peanut_noodles', '16426'),	-- Peanut tofu with rice noodles and vegetables: firm tofu
	('tofu_rice_bowl', '16426'),	-- Crispy tofu and brown rice bowl with edamame: firm tofu
	('tofu_salad_keto', '16426'),	-- Tofu, kale and walnut salad: firm tofu
	('tofu_scramble_keto', '16426'),	-- Tofu scramble with avocado and mushrooms: firm tofu
	('tofu_scramble_potato', '16426'),	-- Tofu and potato breakfast skillet: firm tofu
	('tofu_scramble_toast', '16426'),	-- Tofu scramble with spinach and toast: firm tofu
	('tofu_scramble_tomato_keto', '16426'),	-- Tofu scramble with spinach, tomato and pumpkin seeds: firm tofu
	('tofu_zoodle_pesto_keto', '11477'),	-- Zucchini noodles with walnut pesto and tofu: zucchini
	('trail_mix', '12061'),	-- Trail mix with almonds, pumpkin seeds and raisins: almonds
	('trout_almond_beans', '15241'),	-- Trout amandine with green beans: rainbow trout, baked
	('trout_barley_greens', '15241'),	-- Rainbow trout with barley and chard: rainbow trout, baked
	('tuna_avocado_salad', '15184'),	-- Tuna, avocado and cucumber salad: tuna in water, no salt added, drained
	('tuna_cucumber_bites', '15184'),	-- Tuna cucumber bites: tuna in water, no salt added, drained
	('tuna_nicoise', '15184'),	-- Tuna nicoise salad: tuna in water, no salt added, drained
	('tuna_poke_bowl', '15127'),	-- Tuna poke bowl with rice and edamame: yellowfin tuna, raw (sashimi)
	('tuna_steak_sesame', '15221'),	-- Seared tuna with sesame greens and rice noodles: yellowfin tuna steak, seared through
	('tuna_white_bean_salad', '15184'),	-- Tuna and white bean salad: tuna in water, no salt added, drained
	('turkey_burger_portobello', '05663'),	-- Turkey burgers with mushrooms and sweet potato wedges: lean ground turkey, cooked
	('turkey_chili_bowl', '05663'),	-- Turkey and bean chili bowl: lean ground turkey, cooked
	('turkey_lettuce_wraps', '05663'),	-- Turkey lettuce wraps with avocado: lean ground turkey, cooked
	('turkey_meatballs_zoodles', '05663'),	-- Turkey meatballs with zucchini noodles and tomato sauce: lean ground turkey, cooked
	('turkey_quinoa_stuffed_peppers', '05663'),	-- Turkey and quinoa stuffed peppers: lean ground turkey, cooked
	('turkey_roll_ups', '05220'),	-- Turkey and avocado roll-ups with romaine: turkey breast, roasted
	('turkey_rye_sandwich', '05220'),	-- Turkey, Swiss and vegetable rye sandwich: turkey breast, roasted
	('turkey_spaghetti_bolognese', '05663'),	-- Turkey bolognese with whole-wheat spaghetti: lean ground turkey, cooked
	('turkey_stuffed_squash', '05220'),	-- Turkey-stuffed butternut squash with kale: turkey breast, roasted
	('turkey_veg_skillet', '05663'),	-- Turkey and vegetable skillet with an orange: lean ground turkey, cooked
	('veggie_frittata_keto', '01129'),	-- Spinach and cheddar frittata with salad: egg, cooked
	('veggie_omelet_toast', '01129'),	-- Mushroom and pepper omelet with toast: egg, cooked
	('walnut_mushroom_tacos_keto', '12155'),	-- Walnut and mushroom lettuce tacos with avocado: walnuts
	('white_bean_avocado_toast', '09037'),	-- Avocado toast with white beans and tomato: avocado
	('white_bean_kale_soup', '16050'),	-- Tuscan white bean and kale soup: white beans, boiled
	('white_bean_pasta', '16050'),	-- White bean, kale and garlic pasta: white beans, boiled
	('yogurt_berries_snack', '01117'),	-- Yogurt with blueberries and flax: plain low-fat yogurt
	('yogurt_berry_parfait', '01116'),	-- Yogurt parfait with mixed berries and almonds: plain whole-milk yogurt
	('yogurt_keto_walnut', '01116'),	-- Whole-milk yogurt with raspberries, walnuts and chia: plain whole-milk yogurt
	('yogurt_mango_coconut', '01117'),	-- Yogurt with mango, coconut and pumpkin seeds: plain low-fat yogurt
	('yogurt_oats_figs', '01117'),	-- Yogurt with oats, figs and pistachios: plain low-fat yogurt
	('yogurt_walnut_keto', '01116')	-- Whole-milk yogurt with walnuts and cinnamon: plain whole-milk yogurt
) AS v (slug, ndb)
WHERE t.slug = v.slug AND i.template_id = t.id AND i.ndb = v.ndb;
