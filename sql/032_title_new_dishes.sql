-- 032: the title ingredient of each dish added by 030 (issue 12; the rule
-- and the column are 031's). Each is the largest or second-largest item
-- of its dish by weight or energy at the dish's default amounts.

UPDATE meal_template_items i SET title = true
FROM meal_templates t, (VALUES
	('05663', 'turkey_zucchini_patties'),
	('13290', 'steak_mushroom_skillet'),
	('23565', 'beef_pepper_skillet'),
	('12118', 'coconut_chia_porridge'),
	('05333', 'chicken_mushroom_hash'),
	('12016', 'seed_granola_coconut'),
	('10061', 'pork_kale_hash'),
	('11508', 'sweet_potato_bean_hash'),
	('20010', 'buckwheat_blueberry_porridge'),
	('20032', 'millet_apple_porridge'),
	('20137', 'quinoa_mango_porridge'),
	('16057', 'chickpea_potato_hash'),
	('16015', 'black_bean_quesadilla'),
	('01129', 'egg_muffins_spinach'),
	('01129', 'huevos_rancheros'),
	('01129', 'turkish_eggs_yogurt'),
	('16070', 'mujaddara'),
	('16057', 'chickpea_veg_curry_rice'),
	('11508', 'stuffed_sweet_potato_beans'),
	('20137', 'quinoa_tabbouleh_chickpeas'),
	('16015', 'black_bean_corn_salad'),
	('16070', 'lentil_sweet_potato_soup'),
	('16043', 'pinto_bean_tacos'),
	('13070', 'thai_beef_salad'),
	('05098', 'chicken_fajita_salad'),
	('05098', 'chicken_olive_salad'),
	('10061', 'pork_cauli_fried_rice'),
	('11486', 'chicken_butternut_salad'),
	('16070', 'greek_lentil_soup'),
	('05064', 'chicken_wild_rice_soup'),
	('15241', 'trout_potato_salad'),
	('16057', 'harira_chickpea_soup'),
	('16057', 'chickpea_cauli_curry'),
	('16070', 'lentil_shepherds_pie'),
	('11821', 'quinoa_stuffed_peppers'),
	('16033', 'rajma_rice'),
	('16050', 'white_bean_squash_stew'),
	('20092', 'pasta_e_fagioli_gf'),
	('16086', 'split_pea_dal_rice'),
	('10042', 'pork_brussels_roast'),
	('17014', 'lamb_green_beans_mint'),
	('05098', 'chicken_mushroom_chard'),
	('23565', 'beef_stuffed_zucchini'),
	('05098', 'chicken_cacciatore'),
	('13290', 'steak_mushroom_asparagus'),
	('15016', 'cod_chickpeas_tomato'),
	('15092', 'sea_bass_lentils'),
	('05663', 'turkey_sweet_potato_chili'),
	('17014', 'lamb_stuffed_eggplant'),
	('20045', 'veg_paella_chickpeas'),
	('05064', 'chicken_kebabs_rice'),
	('05098', 'chicken_olives_lemon'),
	('23565', 'beef_cauli_rice_bowl'),
	('10061', 'pork_carnitas_lettuce'),
	('09037', 'guacamole_peppers'),
	('12016', 'spiced_pumpkin_seeds'),
	('09193', 'olive_tapenade_veg'),
	('12037', 'seed_fruit_trail_mix'),
	('09176', 'mango_chili_lime'),
	('16050', 'white_bean_dip_carrots'),
	('16015', 'black_bean_dip_chips'),
	('19806', 'popcorn_paprika'),
	('09003', 'baked_apple_seeds'),
	('13419', 'roast_beef_arugula_rolls'),
	('09421', 'date_seed_balls'),
	('15088', 'sardines_cucumber'),
	('15140', 'crab_stuffed_avocado')
) AS v (ndb, slug)
WHERE t.slug = v.slug AND i.template_id = t.id AND i.ndb = v.ndb;

-- Every dish of 030 has its title marked.
DO $$
DECLARE
	n integer;
BEGIN
	SELECT count(*) INTO n FROM meal_template_items i JOIN meal_templates t ON t.id = i.template_id
	WHERE i.title AND t.id BETWEEN 501 AND 899;
	IF n <> 67 THEN
		RAISE EXCEPTION '032: % of the 67 new dishes have a title ingredient', n;
	END IF;
END
$$;
