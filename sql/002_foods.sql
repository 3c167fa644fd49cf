-- 002: the food data, from the USDA National Nutrient Database for
-- Standard Reference, release 24 (public domain), as loaded by
-- `cibozer-admin import-usda` from the per-food XML files of Debian's
-- cronometer package. Amounts are per 100 g of the edible part; household
-- measures give grams per amount. The import replaces a food's rows
-- wholesale, so nothing else writes food_nutrients or food_measures.

-- USDA food groups: the shopping list is grouped by them.
CREATE TABLE food_groups (
	code	text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
	name	text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64)
);

INSERT INTO food_groups (code, name) VALUES
	('01', 'Dairy and Egg Products'),
	('02', 'Spices and Herbs'),
	('03', 'Baby Foods'),
	('04', 'Fats and Oils'),
	('05', 'Poultry Products'),
	('06', 'Soups, Sauces, and Gravies'),
	('07', 'Sausages and Luncheon Meats'),
	('08', 'Breakfast Cereals'),
	('09', 'Fruits and Fruit Juices'),
	('10', 'Pork Products'),
	('11', 'Vegetables and Vegetable Products'),
	('12', 'Nut and Seed Products'),
	('13', 'Beef Products'),
	('14', 'Beverages'),
	('15', 'Finfish and Shellfish Products'),
	('16', 'Legumes and Legume Products'),
	('17', 'Lamb, Veal, and Game Products'),
	('18', 'Baked Products'),
	('19', 'Sweets'),
	('20', 'Cereal Grains and Pasta'),
	('21', 'Fast Foods'),
	('22', 'Meals, Entrees, and Side Dishes'),
	('25', 'Snacks'),
	('35', 'American Indian/Alaska Native Foods'),
	('36', 'Restaurant Foods');

-- The files do not carry the food group. For most foods it is the first two
-- digits of the NDB number, but about 730 SR24 foods were numbered outside
-- their group's range: 23xxx are beef cuts, 27xxx soups and sauces, 31xxx
-- vegetable juices, 80xxx-93xxx fish and shellfish, and so on (read from
-- the names of every food concerned). The import looks the group up here;
-- 42xxx-44xxx (240 foods) mix groups, so they have none (food_group NULL)
-- until someone classifies them one by one.
CREATE TABLE food_group_prefixes (
	prefix	text PRIMARY KEY CHECK (prefix ~ '^[0-9]{2}$'),
	code	text NOT NULL REFERENCES food_groups (code)
);

INSERT INTO food_group_prefixes (prefix, code)
	SELECT code, code FROM food_groups;
INSERT INTO food_group_prefixes (prefix, code) VALUES
	('23', '13'),	-- beef cuts, USDA Commodity beef
	('27', '06'),	-- soups, sauces, dips, salsas
	('31', '11'),	-- tomato and vegetable juices, peppers
	('46', '19'),	-- polydextrose
	('47', '14'),	-- fruit-flavored drink mix
	('48', '20'),	-- vital wheat gluten
	('80', '15'),	-- frog legs
	('83', '15'),	-- salted mackerel
	('90', '15'),	-- scallops, snails
	('93', '15');	-- turtle

-- The nutrients the files carry, named exactly as in them. Units are those
-- of cronometer's nutrients.xml, checked against published SR24 values
-- (µg is U+00B5); sr_numbers are the SR nutrient numbers (omega-3 and
-- omega-6 are sums). Vitamin A and D are in IU, as SR24 gives them; folate
-- is SR's total folate, not DFE. core marks what every plan reports.
-- lib/usda.c holds the same table; check_usda verifies they agree.
CREATE TABLE nutrients (
	name		text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 32),
	key		text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{0,31}$'),
	unit		text NOT NULL CHECK (unit IN ('kcal', 'g', 'mg', 'µg', 'IU')),
	core		boolean NOT NULL,
	category	text NOT NULL CHECK (category IN ('general', 'minerals',
			    'vitamins', 'lipids', 'amino_acids')),
	sr_numbers	text NOT NULL CHECK (sr_numbers ~ '^[0-9]{3}(,[0-9]{3})*$'),
	position	smallint NOT NULL UNIQUE CHECK (position > 0)
);

INSERT INTO nutrients (name, key, unit, core, category, sr_numbers, position) VALUES
	('Energy', 'energy', 'kcal', true, 'general', '208', 1),
	('Protein', 'protein', 'g', true, 'general', '203', 2),
	('Carbs', 'carbs', 'g', true, 'general', '205', 3),
	('Fiber', 'fiber', 'g', true, 'general', '291', 4),
	('Starch', 'starch', 'g', false, 'general', '209', 5),
	('Sugars', 'sugars', 'g', true, 'general', '269', 6),
	('Fat', 'fat', 'g', true, 'general', '204', 7),
	('Alcohol', 'alcohol', 'g', false, 'general', '221', 8),
	('Caffeine', 'caffeine', 'mg', false, 'general', '262', 9),
	('Water', 'water', 'g', false, 'general', '255', 10),
	('Ash', 'ash', 'g', false, 'general', '207', 11),
	('Calcium', 'calcium', 'mg', true, 'minerals', '301', 12),
	('Copper', 'copper', 'mg', false, 'minerals', '312', 13),
	('Fluoride', 'fluoride', 'µg', false, 'minerals', '313', 14),
	('Iron', 'iron', 'mg', true, 'minerals', '303', 15),
	('Magnesium', 'magnesium', 'mg', true, 'minerals', '304', 16),
	('Manganese', 'manganese', 'mg', false, 'minerals', '315', 17),
	('Phosphorus', 'phosphorus', 'mg', false, 'minerals', '305', 18),
	('Potassium', 'potassium', 'mg', true, 'minerals', '306', 19),
	('Selenium', 'selenium', 'µg', false, 'minerals', '317', 20),
	('Sodium', 'sodium', 'mg', true, 'minerals', '307', 21),
	('Zinc', 'zinc', 'mg', true, 'minerals', '309', 22),
	('Vitamin A', 'vitamin_a', 'IU', true, 'vitamins', '318', 23),
	('Retinol', 'retinol', 'µg', false, 'vitamins', '319', 24),
	('Alpha-carotene', 'alpha_carotene', 'µg', false, 'vitamins', '322', 25),
	('Beta-carotene', 'beta_carotene', 'µg', false, 'vitamins', '321', 26),
	('Beta-cryptoxanthin', 'beta_cryptoxanthin', 'µg', false, 'vitamins', '334', 27),
	('Lycopene', 'lycopene', 'µg', false, 'vitamins', '337', 28),
	('Lutein+Zeaxanthin', 'lutein_zeaxanthin', 'µg', false, 'vitamins', '338', 29),
	('Folate', 'folate', 'µg', true, 'vitamins', '417', 30),
	('B1 (Thiamine)', 'vitamin_b1', 'mg', false, 'vitamins', '404', 31),
	('B2 (Riboflavin)', 'vitamin_b2', 'mg', false, 'vitamins', '405', 32),
	('B3 (Niacin)', 'vitamin_b3', 'mg', false, 'vitamins', '406', 33),
	('B5 (Pantothenic Acid)', 'vitamin_b5', 'mg', false, 'vitamins', '410', 34),
	('B6 (Pyridoxine)', 'vitamin_b6', 'mg', true, 'vitamins', '415', 35),
	('B12 (Cyanocobalamin)', 'vitamin_b12', 'µg', true, 'vitamins', '418', 36),
	('Vitamin C', 'vitamin_c', 'mg', true, 'vitamins', '401', 37),
	('Vitamin D', 'vitamin_d', 'IU', true, 'vitamins', '324', 38),
	('Vitamin E', 'vitamin_e', 'mg', true, 'vitamins', '323', 39),
	('Beta Tocopherol', 'beta_tocopherol', 'mg', false, 'vitamins', '341', 40),
	('Delta Tocopherol', 'delta_tocopherol', 'mg', false, 'vitamins', '343', 41),
	('Gamma Tocopherol', 'gamma_tocopherol', 'mg', false, 'vitamins', '342', 42),
	('Vitamin K', 'vitamin_k', 'µg', true, 'vitamins', '430', 43),
	('Choline', 'choline', 'mg', false, 'vitamins', '421', 44),
	('Saturated', 'saturated_fat', 'g', true, 'lipids', '606', 45),
	('Monounsaturated', 'monounsaturated_fat', 'g', false, 'lipids', '645', 46),
	('Polyunsaturated', 'polyunsaturated_fat', 'g', false, 'lipids', '646', 47),
	('Omega-3', 'omega_3', 'g', true, 'lipids', '621,629,631,851,852', 48),
	('Omega-6', 'omega_6', 'g', false, 'lipids', '672,675,685,853,855', 49),
	('Trans-Fats', 'trans_fat', 'g', false, 'lipids', '605', 50),
	('Cholesterol', 'cholesterol', 'mg', true, 'lipids', '601', 51),
	('Phytosterol', 'phytosterols', 'mg', false, 'lipids', '636', 52),
	('ALA', 'alanine', 'g', false, 'amino_acids', '513', 53),
	('ARG', 'arginine', 'g', false, 'amino_acids', '511', 54),
	('ASP', 'aspartic_acid', 'g', false, 'amino_acids', '514', 55),
	('CYS', 'cystine', 'g', false, 'amino_acids', '507', 56),
	('GLU', 'glutamic_acid', 'g', false, 'amino_acids', '515', 57),
	('GLY', 'glycine', 'g', false, 'amino_acids', '516', 58),
	('HIS', 'histidine', 'g', false, 'amino_acids', '512', 59),
	('HYP', 'hydroxyproline', 'g', false, 'amino_acids', '521', 60),
	('ILE', 'isoleucine', 'g', false, 'amino_acids', '503', 61),
	('LEU', 'leucine', 'g', false, 'amino_acids', '504', 62),
	('LYS', 'lysine', 'g', false, 'amino_acids', '505', 63),
	('MET', 'methionine', 'g', false, 'amino_acids', '506', 64),
	('PHE', 'phenylalanine', 'g', false, 'amino_acids', '508', 65),
	('PRO', 'proline', 'g', false, 'amino_acids', '517', 66),
	('SER', 'serine', 'g', false, 'amino_acids', '518', 67),
	('THR', 'threonine', 'g', false, 'amino_acids', '502', 68),
	('TRP', 'tryptophan', 'g', false, 'amino_acids', '501', 69),
	('TYR', 'tyrosine', 'g', false, 'amino_acids', '509', 70),
	('VAL', 'valine', 'g', false, 'amino_acids', '510', 71);

CREATE TABLE foods (
	ndb		text PRIMARY KEY CHECK (ndb ~ '^[0-9]{5}$'),
	name		text NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 300),
	food_group	text REFERENCES food_groups (code),
	-- Atwater factors, kcal per g of protein, fat and carbohydrate.
	pcf		real CHECK (pcf BETWEEN 0 AND 10),
	fcf		real CHECK (fcf BETWEEN 0 AND 10),
	ccf		real CHECK (ccf BETWEEN 0 AND 10),
	-- When an import last changed the food or any of its rows.
	imported_at	timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX foods_food_group ON foods (food_group);

CREATE TABLE food_nutrients (
	ndb		text NOT NULL REFERENCES foods (ndb) ON DELETE CASCADE,
	nutrient	text NOT NULL REFERENCES nutrients (name),
	amount		double precision NOT NULL
			    CHECK (amount >= 0 AND amount <= 1e6),
	PRIMARY KEY (ndb, nutrient)
);

-- "Foods richest in X" and per-nutrient checks.
CREATE INDEX food_nutrients_nutrient_amount ON food_nutrients (nutrient, amount);

CREATE TABLE food_measures (
	ndb		text NOT NULL REFERENCES foods (ndb) ON DELETE CASCADE,
	seq		smallint NOT NULL CHECK (seq >= 1),
	amount		real NOT NULL CHECK (amount > 0),
	name		text NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 200),
	grams		real NOT NULL CHECK (grams > 0),
	PRIMARY KEY (ndb, seq)
);
