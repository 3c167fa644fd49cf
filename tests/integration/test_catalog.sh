#!/bin/bash
# test_catalog.sh - the planning catalog (sql/003_catalog.sql and
# sql/004_catalog_data.sql): every ingredient is a USDA food; templates are
# well formed and give every diet enough distinct meals, also under each
# single restriction and under the pregnancy exclusions; the ingredients'
# diet, allergen, pregnancy and sodium flags agree with the USDA data.
#
# The USDA foods are normally imported by an earlier test; when the foods
# table is empty this test imports them from CZ_USDA_DIR (set by
# scripts/test), and skips when it cannot.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

tmp=$(_cz_tmp)

need_foods
nfoods=$NFOODS
echo "foods: $nfoods"

# none NAME SQL - a check that passes when SQL returns no row; the offending
# rows are shown when it fails.
none() {
	local out
	out=$(psql_q "$2" 2>&1) || {
		fail "$1" "$out"
		return 0
	}
	if [[ -z $out ]]; then
		pass "$1"
	else
		fail "$1" "$(head -n 30 <<<"$out")"
	fi
}

# at_least NAME N SQL - SQL returns one number, at least N.
at_least() {
	local out
	out=$(psql_q "$3" 2>&1)
	if [[ $out =~ ^[0-9]+$ ]] && ((out >= $2)); then
		pass "$1 ($out >= $2)"
	else
		fail "$1" "got '$out', want >= $2"
	fi
}

DIETS="'standard','vegetarian','vegan','keto','paleo','mediterranean'"

# The USDA values the checks below use, per catalog ingredient, per 100 g.
CI="(SELECT c.*, f.name AS usda_name,
	coalesce(f.food_group, left(c.ndb, 2)) AS grp,
	coalesce((SELECT amount FROM food_nutrients n WHERE n.ndb = c.ndb AND n.nutrient = 'Carbs'), 0) AS carbs,
	coalesce((SELECT amount FROM food_nutrients n WHERE n.ndb = c.ndb AND n.nutrient = 'Fiber'), 0) AS fiber,
	coalesce((SELECT amount FROM food_nutrients n WHERE n.ndb = c.ndb AND n.nutrient = 'Fat'), 0) AS fat,
	coalesce((SELECT amount FROM food_nutrients n WHERE n.ndb = c.ndb AND n.nutrient = 'Sodium'), 0) AS sodium,
	(SELECT amount FROM food_nutrients n WHERE n.ndb = c.ndb AND n.nutrient = 'Energy') AS energy
	FROM catalog_ingredients c JOIN foods f ON f.ndb = c.ndb) ci"

# --- the ingredients --------------------------------------------------------
at_least "catalog ingredients" 150 "SELECT count(*) FROM catalog_ingredients"
none "every catalog NDB number is a USDA food" \
	"SELECT c.ndb, c.label FROM catalog_ingredients c
	 WHERE NOT EXISTS (SELECT 1 FROM foods f WHERE f.ndb = c.ndb)"
none "every catalog food has energy, protein, fat and carbs" \
	"SELECT c.ndb, c.label, m.nutrient FROM catalog_ingredients c
	 CROSS JOIN (VALUES ('Energy'), ('Protein'), ('Fat'), ('Carbs')) m (nutrient)
	 WHERE NOT EXISTS (SELECT 1 FROM food_nutrients n
	     WHERE n.ndb = c.ndb AND n.nutrient = m.nutrient)"
none "every role has ingredients" \
	"SELECT r FROM unnest(ARRAY['protein','grain','vegetable','fruit','dairy','fat',
	     'legume','nut_seed','condiment']) r
	 WHERE NOT EXISTS (SELECT 1 FROM catalog_ingredients WHERE role = r)"
none "labels are unique" \
	"SELECT label FROM catalog_ingredients GROUP BY label HAVING count(*) > 1"
none "a whole-unit step is the weight of a USDA household measure (+-1 g)" \
	"SELECT c.ndb, c.label, c.unit_name, c.step_g FROM catalog_ingredients c
	 WHERE c.unit_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM food_measures m
	     WHERE m.ndb = c.ndb AND (abs(m.grams - c.step_g) <= 1
		 OR abs(m.grams / m.amount - c.step_g) <= 1))"

# Diets. Animal food groups: 01 dairy and egg, 05 poultry, 07 sausages,
# 10 pork, 13 beef, 15 fish and shellfish, 17 lamb, veal and game.
none "vegan ingredients: no animal food group, no animal allergen, no honey" \
	"SELECT ndb, label, grp, allergens FROM $CI
	 WHERE 'vegan' = ANY (diets) AND (grp IN ('01','05','07','10','13','15','17')
	     OR allergens && ARRAY['dairy','egg','fish','shellfish']
	     OR usda_name ~* '\\mhoney\\M')"
none "vegetarian ingredients: no meat, poultry, fish or shellfish" \
	"SELECT ndb, label, grp FROM $CI
	 WHERE 'vegetarian' = ANY (diets) AND (grp IN ('05','07','10','13','15','17')
	     OR allergens && ARRAY['fish','shellfish'])"
# Keto: at most 10 g net carbs (carbs - fiber) per 100 g; a fat or condiment
# above that passes only if its largest portion carries at most 3 g.
none "keto ingredients: <= 10 g net carbs per 100 g, or a fat/condiment with <= 3 g per max portion" \
	"SELECT ndb, label, round((carbs - fiber)::numeric, 1) AS net, max_g FROM $CI
	 WHERE 'keto' = ANY (diets)
	     AND carbs - fiber > 10
	     AND NOT (role IN ('fat','condiment') AND (carbs - fiber) * max_g / 100 <= 3)"
none "no grain or starch is keto" \
	"SELECT ndb, label FROM catalog_ingredients WHERE role = 'grain' AND 'keto' = ANY (diets)"
none "paleo ingredients: no grains, cereals, baked goods, legumes, dairy or peanuts" \
	"SELECT ndb, label, grp FROM $CI
	 WHERE 'paleo' = ANY (diets) AND (grp IN ('08','16','18','20') OR role = 'legume'
	     OR allergens && ARRAY['dairy','peanut'] OR usda_name ~* '\\m(corn|potato(es)?|peas)\\M'
	         AND usda_name !~* 'sweet potato')"
none "mediterranean ingredients: no red meat (beef, pork, lamb)" \
	"SELECT ndb, label FROM $CI
	 WHERE 'mediterranean' = ANY (diets) AND grp IN ('10','13','17')"
none "every ingredient is allowed in the standard diet" \
	"SELECT ndb, label FROM catalog_ingredients WHERE NOT 'standard' = ANY (diets)"

# Allergens from the USDA names (word starts, so buckwheat and goat are not
# wheat or oat; corn pasta and spaghetti squash are gluten-free).
none "wheat, bread, pasta, barley, rye, couscous, bulgur, oats, spelt -> gluten" \
	"SELECT ndb, label, usda_name FROM $CI
	 WHERE usda_name ~* '\\m(wheat|bread|pasta|spaghetti|macaroni|barley|rye|couscous|bulgur|oats?|spelt)'
	     AND NOT (usda_name ~* '\\mcorn\\M' AND usda_name ~* '\\mpasta')
	     AND usda_name !~* '^squash'
	     AND NOT 'gluten' = ANY (allergens)"
none "milk, cheese, yogurt, butter, cream in group 01 -> dairy" \
	"SELECT ndb, label FROM $CI
	 WHERE grp = '01' AND usda_name ~* '\\m(milk|cheese|yogurt|butter|cream)'
	     AND NOT 'dairy' = ANY (allergens)"
none "eggs -> egg" \
	"SELECT ndb, label FROM $CI
	 WHERE grp = '01' AND usda_name ~* '^egg' AND NOT 'egg' = ANY (allergens)"
none "group 15 -> fish or shellfish, finfish -> fish, crustaceans and mollusks -> shellfish" \
	"SELECT ndb, label, allergens FROM $CI
	 WHERE grp = '15' AND NOT (allergens && ARRAY['fish','shellfish'])
	     OR usda_name ~* '^fish,' AND NOT 'fish' = ANY (allergens)
	     OR usda_name ~* '^(crustaceans|mollusks),' AND NOT 'shellfish' = ANY (allergens)"
none "fish and shellfish flags only on group 15" \
	"SELECT ndb, label FROM $CI
	 WHERE allergens && ARRAY['fish','shellfish'] AND grp <> '15'"
none "almond, walnut, cashew, pecan, pistachio, hazelnut, macadamia, brazil, pine nut -> tree_nut" \
	"SELECT ndb, label FROM $CI
	 WHERE usda_name ~* '(almond|walnut|cashew|pecan|pistachio|hazelnut|filbert|macadamia|brazil|pine nut)'
	     AND NOT 'tree_nut' = ANY (allergens)"
none "peanut -> peanut" \
	"SELECT ndb, label FROM $CI
	 WHERE usda_name ~* 'peanut' AND NOT 'peanut' = ANY (allergens)"
none "sesame, tahini, hummus -> sesame" \
	"SELECT ndb, label FROM $CI
	 WHERE usda_name ~* '(sesame|tahini|hummus)' AND NOT 'sesame' = ANY (allergens)"
none "soy, tofu, tempeh, edamame -> soy" \
	"SELECT ndb, label FROM $CI
	 WHERE usda_name ~* '(soy|tofu|tempeh|edamame)' AND NOT 'soy' = ANY (allergens)"

# Pregnancy: raw animal foods, liver, high-mercury fish.
none "raw animal foods are flagged raw_animal" \
	"SELECT ndb, label FROM $CI
	 WHERE grp IN ('01','05','07','10','13','15','17') AND usda_name ~* '\\mraw\\M'
	     AND pregnancy_exclusion IS DISTINCT FROM 'raw_animal'"
none "liver is flagged liver" \
	"SELECT ndb, label FROM $CI
	 WHERE usda_name ~* '\\mliver' AND pregnancy_exclusion IS DISTINCT FROM 'liver'"
none "swordfish, shark, king mackerel, tilefish, marlin, orange roughy, bigeye tuna are high-mercury" \
	"SELECT ndb, label FROM $CI
	 WHERE usda_name ~* '(swordfish|shark|mackerel, king|tilefish|marlin|roughy|bigeye)'
	     AND pregnancy_exclusion IS DISTINCT FROM 'high_mercury_fish'"
none "every pregnancy exclusion is on an animal food" \
	"SELECT ndb, label FROM $CI
	 WHERE pregnancy_exclusion IS NOT NULL AND grp NOT IN ('01','05','07','10','13','15','17')"

none "sodium: over 800 mg per 100 g only for condiments used at <= 15 g" \
	"SELECT ndb, label, sodium, role, max_g FROM $CI
	 WHERE sodium > 800 AND NOT (role = 'condiment' AND max_g <= 15)"

# --- the templates ----------------------------------------------------------
at_least "meal templates" 150 "SELECT count(*) FROM meal_templates"
at_least "breakfasts" 35 "SELECT count(*) FROM meal_templates WHERE slot = 'breakfast'"
at_least "lunches" 45 "SELECT count(*) FROM meal_templates WHERE slot = 'lunch'"
at_least "dinners" 55 "SELECT count(*) FROM meal_templates WHERE slot = 'dinner'"
at_least "snacks" 35 "SELECT count(*) FROM meal_templates WHERE slot = 'snack'"
none "every template has at least 2 items" \
	"SELECT slug FROM meal_templates t
	 WHERE (SELECT count(*) FROM meal_template_items i WHERE i.template_id = t.id) < 2"
none "item bounds lie within the ingredient's bounds" \
	"SELECT t.slug, c.label, i.min_g, i.max_g, c.min_g, c.max_g
	 FROM meal_template_items i JOIN meal_templates t ON t.id = i.template_id
	 JOIN catalog_ingredients c ON c.ndb = i.ndb
	 WHERE i.min_g < c.min_g OR i.max_g > c.max_g"
none "whole-unit items are whole units" \
	"SELECT t.slug, c.label, i.default_g, i.min_g, i.max_g, c.step_g
	 FROM meal_template_items i JOIN meal_templates t ON t.id = i.template_id
	 JOIN catalog_ingredients c ON c.ndb = i.ndb
	 WHERE c.unit_name IS NOT NULL AND (
	     abs(i.min_g / c.step_g - round(i.min_g / c.step_g)) > 0.001 OR
	     abs(i.max_g / c.step_g - round(i.max_g / c.step_g)) > 0.001 OR
	     abs(i.default_g / c.step_g - round(i.default_g / c.step_g)) > 0.001)"
none "each meal has a protein, a carbohydrate and a fat source" \
	"SELECT t.slug FROM meal_templates t WHERE t.slot <> 'snack' AND NOT (
	     EXISTS (SELECT 1 FROM meal_template_items i JOIN catalog_ingredients c ON c.ndb = i.ndb
		 WHERE i.template_id = t.id AND c.role IN ('protein','legume','dairy','nut_seed'))
	     AND EXISTS (SELECT 1 FROM meal_template_items i JOIN catalog_ingredients c ON c.ndb = i.ndb
		 WHERE i.template_id = t.id AND c.role IN ('grain','legume','fruit','vegetable'))
	     AND EXISTS (SELECT 1 FROM meal_template_items i JOIN $CI ON ci.ndb = i.ndb
		 WHERE i.template_id = t.id AND (ci.role IN ('fat','nut_seed') OR ci.fat >= 10)))"
none "the protein, carbohydrate or fat source of a meal can move (max >= 2 x min)" \
	"SELECT t.slug, c.role FROM meal_templates t
	 JOIN meal_template_items i ON i.template_id = t.id
	 JOIN catalog_ingredients c ON c.ndb = i.ndb
	 WHERE t.slot <> 'snack' AND c.role IN ('protein','grain','legume','fat')
	     AND i.max_g < 2 * i.min_g"
# Portion rules (sql/019_portion_rules.sql, docs/planner-rules.md).
none "every food with a portion rule says why" \
	"SELECT ndb, label FROM catalog_ingredients
	 WHERE (added_fat OR day_max_g IS NOT NULL OR week_max_days IS NOT NULL)
	     AND coalesce(portion_reason, '') = ''"
none "added fats and oils: at most 2 tablespoons (27 g) per dish" \
	"SELECT ndb, label, max_g FROM catalog_ingredients WHERE added_fat AND max_g > 27"
none "every neat oil and butter is an added fat" \
	"SELECT ndb, label FROM catalog_ingredients
	 WHERE role = 'fat' AND NOT added_fat AND label ~* '(oil|butter)'"
none "eggs: whole, at most 3 per dish and 4 a day" \
	"SELECT ndb, step_g, max_g, day_max_g FROM catalog_ingredients
	 WHERE unit_name = 'egg' AND NOT (step_g = 50 AND max_g <= 150 AND day_max_g <= 200)"
none "Brazil nuts: whole kernels, at most 2 a day" \
	"SELECT ndb, step_g, max_g, day_max_g FROM catalog_ingredients
	 WHERE label ~* 'brazil' AND NOT (unit_name = 'kernel' AND step_g = 5
	     AND max_g <= 10 AND day_max_g <= 10)"
none "liver: at most 100 g, once a week" \
	"SELECT ndb, max_g, day_max_g, week_max_days FROM catalog_ingredients
	 WHERE pregnancy_exclusion = 'liver' AND NOT (max_g <= 100
	     AND week_max_days = 1)"
none "nuts and seeds: at most 60 g a serving" \
	"SELECT ndb, label, max_g FROM catalog_ingredients WHERE role = 'nut_seed' AND max_g > 60"
none "dried figs are whole figs" \
	"SELECT ndb, step_g, unit_name FROM catalog_ingredients
	 WHERE label ~* 'fig' AND coalesce(unit_name, '') <> 'fig'"

# Default portions: a plausible meal before the planner scales it.
none "default portions: breakfast 200-800 kcal, lunch and dinner 250-1000, snack 60-450" \
	"SELECT t.slug, t.slot, round(sum(i.default_g * ci.energy / 100)) AS kcal
	 FROM meal_templates t JOIN meal_template_items i ON i.template_id = t.id
	 JOIN $CI ON ci.ndb = i.ndb
	 GROUP BY t.slug, t.slot
	 HAVING sum(i.default_g * ci.energy / 100) NOT BETWEEN
	     CASE t.slot WHEN 'breakfast' THEN 200 WHEN 'snack' THEN 60 ELSE 250 END AND
	     CASE t.slot WHEN 'breakfast' THEN 800 WHEN 'snack' THEN 450 ELSE 1000 END"

# The derived view agrees with a few templates checked by hand.
check "the view derives diets, allergens and pregnancy safety" test \
	"$(psql_q "SELECT array_to_string(d.diets, ',') || '|' || array_to_string(d.allergens, ',')
	     || '|' || d.pregnancy_safe FROM meal_template_diets d
	     JOIN meal_templates t ON t.id = d.template_id
	     WHERE t.slug IN ('salmon_quinoa_asparagus', 'tuna_poke_bowl', 'tofu_bokchoy_keto')
	     ORDER BY t.slug")" = \
	"standard,mediterranean|fish|true
standard,vegetarian,vegan,keto,mediterranean|soy,sesame|true
standard|gluten,soy,fish,sesame|false"
none "every template is compatible with at least the standard diet" \
	"SELECT t.slug FROM meal_templates t JOIN meal_template_diets d ON d.template_id = t.id
	 WHERE NOT 'standard' = ANY (d.diets)"

# --- coverage ---------------------------------------------------------------
# Distinct templates per diet and slot, with no restriction.
none "each diet: >= 10 dinners, 7 breakfasts, 7 lunches, 5 snacks" \
	"SELECT diet, slot, n FROM (
	     SELECT dd.diet, s.slot, s.need, (SELECT count(*) FROM meal_templates t
		 JOIN meal_template_diets d ON d.template_id = t.id
		 WHERE t.slot = s.slot AND dd.diet = ANY (d.diets)) AS n
	     FROM unnest(ARRAY[$DIETS]) dd (diet)
	     CROSS JOIN (VALUES ('dinner', 10), ('breakfast', 7), ('lunch', 7), ('snack', 5)) s (slot, need)) x
	 WHERE n < need"

# Dinners per diet under each single restriction and under pregnancy.
COVER="SELECT dd.diet, r.restriction, (SELECT count(*) FROM meal_templates t
	    JOIN meal_template_diets d ON d.template_id = t.id
	    WHERE t.slot = '%s' AND dd.diet = ANY (d.diets)
		AND CASE r.restriction WHEN 'none' THEN true
		    WHEN 'pregnancy' THEN d.pregnancy_safe
		    ELSE NOT replace(r.restriction, '_free', '') = ANY (d.allergens) END) AS n
	FROM unnest(ARRAY[$DIETS]) WITH ORDINALITY dd (diet, o1)
	CROSS JOIN unnest(ARRAY['none', 'gluten_free', 'dairy_free', 'egg_free', 'peanut_free',
	    'tree_nut_free', 'soy_free', 'fish_free', 'shellfish_free', 'sesame_free',
	    'pregnancy']) WITH ORDINALITY r (restriction, o2)
	ORDER BY o1, o2"
for slot in dinner breakfast lunch snack; do
	# shellcheck disable=SC2059
	table=$(psql_q "$(printf "$COVER" "$slot")") || {
		fail "coverage table for $slot"
		continue
	}
	echo
	echo "$slot templates per diet x restriction:"
	awk -F'|' '
		{ d[NR] = $1; r[NR] = $2; n[$1, $2] = $3
		  if (!($1 in seen)) { seen[$1] = 1; diets[++nd] = $1 }
		  if (!($2 in rseen)) { rseen[$2] = 1; rs[++nr] = $2 } }
		END {
			printf "%-14s", ""
			for (j = 1; j <= nr; j++) { h = rs[j]; sub(/_free$/, "", h); printf " %8.8s", h }
			printf "\n"
			for (i = 1; i <= nd; i++) {
				printf "%-14s", diets[i]
				for (j = 1; j <= nr; j++) printf " %8d", n[diets[i], rs[j]]
				printf "\n"
			}
		}' <<<"$table"
	if [[ $slot == dinner ]]; then
		low=$(awk -F'|' '$3 < 7 { print $1 " + " $2 ": " $3 }' <<<"$table")
		if [[ -z $low ]]; then
			pass "every diet keeps >= 7 distinct dinners under each single restriction and under pregnancy"
		else
			fail "every diet keeps >= 7 distinct dinners under each single restriction and under pregnancy" "$low"
		fi
	fi
done

# Combinations the catalog also serves (informative: vegan or vegetarian keto).
echo
echo "keto dinners that are also vegan / vegetarian (soy-free, nut-free):"
psql_q "SELECT c.diet2,
	    count(*) FILTER (WHERE true),
	    count(*) FILTER (WHERE NOT 'soy' = ANY (d.allergens)),
	    count(*) FILTER (WHERE NOT d.allergens && ARRAY['tree_nut','peanut'])
	FROM meal_templates t JOIN meal_template_diets d ON d.template_id = t.id
	CROSS JOIN (VALUES ('vegan'), ('vegetarian')) c (diet2)
	WHERE t.slot = 'dinner' AND 'keto' = ANY (d.diets) AND c.diet2 = ANY (d.diets)
	GROUP BY c.diet2 ORDER BY c.diet2" |
	awk -F'|' '{ printf "  keto + %-11s %3d dinners, %3d soy-free, %3d nut-free\n", $1, $2, $3, $4 }'
at_least "keto + vegan: at least 7 dinners" 7 \
	"SELECT count(*) FROM meal_templates t JOIN meal_template_diets d ON d.template_id = t.id
	 WHERE t.slot = 'dinner' AND d.diets @> ARRAY['keto','vegan']"

# --- variety (issue 12; tools/check_variety.c) -------------------------------
# At least 300 dishes, 40 per diet, and for every diet with every set of up
# to four restrictions at least 7 breakfasts, lunches and dinners (21
# distinct dishes for a 3-meal week); each of those 1,536 requests is
# planned (7 days, 3 meals): no dish 3 times, its document lists any dish
# served more than twice ("repeats") and reads back to itself, and its
# day-1 dinner swapped finds another dish wherever the slot has one the
# week does not hold.
at_least "dishes in the catalog" 300 "SELECT count(*) FROM meal_templates"
variety=$CZ_BUILD_DIR/tools/check_variety
if [[ -x $variety ]]; then
	t0=$SECONDS
	"$variety" --plans --worst 12 "$CZ_DATABASE_URL" >"$tmp/variety.out" 2>&1
	rc=$?
	echo
	cat "$tmp/variety.out"
	echo "check_variety: $((SECONDS - t0)) s"
	check "check_variety: >= 300 dishes, >= 40 a diet, >= 21 distinct for every diet x up to 4 restrictions, no dish 3x, repeats listed, documents read back, another dinner found (exit $rc)" \
		test "$rc" = 0
	check "check_variety enumerated 1536 combinations" grep -q '^combinations: 1536 ' "$tmp/variety.out"
else
	fail "check_variety is built" "$variety is missing (make builds tools/check_variety)"
fi

finish
