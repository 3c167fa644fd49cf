#!/bin/bash
# test_recipes.sh - every meal of a plan carries its method, through nginx:
# in the API's plan document (POST /api/plans, GET /api/plans/{id}) each
# meal has a recipe of 3 to 8 steps with prep and cook minutes and its
# equipment, the steps name this meal's amounts (every ingredient's grams,
# or its count of eggs) and no placeholder is left; the week carries
# batch_notes, and a plan whose meals share a cooked base says to cook it
# once; the plan page shows each card's method closed (details: times in
# the summary, equipment and numbered steps as one text), the week's
# "Cook once, eat twice" notes (also in the methods they join), and stays
# under 1,000 elements for a 7-day, 3-meal plan.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
command -v python3 >/dev/null || skip "python3 is not installed"
need_foods
reset_limits

pw='basil kettle 58 orbit'
user=recipes-$$@example.org
planner_user "$user" "$pw"
check "a planner account is ready" test -n "$SESSION"

# --- the API's document --------------------------------------------------------
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"calories": 2000, "diet_type": "standard", "days": 7, "seed": 3}'
check "a 7-day plan is made (201)" test "$HTTP_STATUS" = 201
id=$(jq -r .id <<<"$HTTP_BODY")
fetch "$CZ_BASE_URL/api/plans/$id" "${AUTH[@]}"
doc=$HTTP_BODY
check "GET /api/plans/$id is 200" test "$HTTP_STATUS" = 200
meals=$(jq '[.days[].meals[]] | length' <<<"$doc")
with=$(jq '[.days[].meals[] | select(.recipe)] | length' <<<"$doc")
check "every meal has a recipe ($with of $meals)" bash -c '[[ $1 -gt 0 && $1 == "$2" ]]' _ "$with" "$meals"
check "every recipe has 3 to 8 steps, prep_min > 0, cook_min >= 0 and an equipment list" \
	jq -e '[.days[].meals[].recipe | (.steps | length) >= 3 and (.steps | length) <= 8
		and .prep_min > 0 and .cook_min >= 0 and (.equipment | type) == "array"] | all' <<<"$doc"
check "no step keeps a placeholder or a brace" \
	jq -e '[.days[].meals[].recipe.steps[] | test("[{}]") | not] | all' <<<"$doc"
# Each ingredient's amount is in its meal's steps: "N g" (as eaten, or in
# "(about N g cooked)" beside what goes into the pan), or a count of eggs.
missing=$(jq -r '.days[] as $d | $d.meals[] as $m | ($m.recipe.steps | join(" ")) as $t |
	$m.items[] as $i | select(if $i.ndb == "01129" then ($t | contains("\($i.grams / 50) egg") | not)
		elif ($i.ndb | IN("09003", "09032", "09040", "09094", "09148", "09200", "09236", "09252",
			"09421", "12078", "15088", "18042", "18060", "18075", "18449", "19816")) then false
		else ($t | contains("\($i.grams) g") | not) end) |
	"day \($d.day) \($m.template): \($i.label) \($i.grams) g"' <<<"$doc") || missing="(jq failed)"
check "the steps name every ingredient in this plan's amounts${missing:+ (not: $missing)}" test -z "$missing"
check "a cooked grain or meat is given as the cook weighs it (dry or raw, with the cooked weight)" \
	jq -e '[.days[].meals[].recipe.steps[] | test("g (dry|raw) [^()]* \\(about [0-9]+ g cooked\\)")] | any' <<<"$doc"
check "poultry is cooked to 74 °C wherever a step cooks it" \
	jq -e '[.days[].meals[] | select(any(.items[]; .ndb | IN("05064", "05098", "05220", "05333", "05663")))
		| .recipe.steps | join(" ") | contains("74 °C")] | all' <<<"$doc"
check "the week carries batch_notes (a list)" jq -e '.batch_notes | type == "array"' <<<"$doc"

# A vegan week with snacks whose days share millet and rice: cook once.
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"calories": 1800, "diet_type": "vegan", "meal_pattern": "3_meals_2_snacks", "days": 7, "seed": 3}'
check "a vegan week with snacks is made (201)" test "$HTTP_STATUS" = 201
vegan=$(jq -r .id <<<"$HTTP_BODY")
vdoc=$HTTP_BODY
notes=$(jq '.batch_notes | length' <<<"$vdoc")
check "its shared cooks are noted ($notes notes)" test "$notes" -ge 1
check "each note says what to cook once (or which dish twice) and joins 2+ meals that exist" \
	jq -e '. as $p | [.batch_notes[] | (.text | test("cook [0-9]+ g .* once for |both have .*: cook both portions"))
		and (.meals | length) >= 2
		and ([.meals[] | $p.days[.day - 1].meals[.meal - 1] != null] | all)] | all' <<<"$vdoc"
check "a note on a shared grain gives the dry amount and how to keep the rest" \
	jq -e '[.batch_notes[].text | test("cook [0-9]+ g dry .* once for .*fridge")] | any' <<<"$vdoc"

# --- the plan page -------------------------------------------------------------
fetch "$CZ_BASE_URL/plans/$id" "${AUTH[@]}"
page=$HTTP_BODY
check "GET /plans/$id is 200" test "$HTTP_STATUS" = 200
cards=$(grep -o '<details class="method"><summary>Method: [0-9]* min prep' <<<"$page" | wc -l)
check "every meal card has a closed Method ($cards of $meals)" test "$cards" = "$meals"
check "no method is open before the user opens it" bash -c '! grep -q "<details class=\"method\" open" <<<"$1"' _ "$page"
first=$(jq -r '.days[0].meals[0].recipe.steps[0]' <<<"$doc")
check "the page shows the document's steps, numbered, one a line (day 1's first: $first)" \
	python3 -c 'import html, sys; p = html.unescape(sys.argv[1]); sys.exit(0 if "</summary>" in p and "1. " + sys.argv[2] + "\n2. " in p else 1)' \
	"$page" "$first"
cook=$(jq -r '.days[0].meals[] | select(.recipe.cook_min > 0) | "Method: \(.recipe.prep_min) min prep, \(.recipe.cook_min) min cooking"' <<<"$doc" | head -n 1)
check "a cooked dish's summary gives its times ($cook)" grep -qF "$cook" <<<"$page"
check "the page shows no template text" bash -c '[[ $1 != *"}}"* && $1 != *"{{"* ]]' _ "$page"
elements=$(python3 -c '
import html.parser, sys
class P(html.parser.HTMLParser):
    n = 0
    def handle_starttag(self, tag, attrs): self.n += 1
    def handle_startendtag(self, tag, attrs): self.n += 1
p = P(); p.feed(sys.argv[1])
print(p.n + sys.argv[1].count("<table") - sys.argv[1].count("<tbody"))' "$page")
check "the 7-day, 3-meal plan page with its methods has $elements elements (under 1,000)" test "$elements" -lt 1000

fetch "$CZ_BASE_URL/plans/$vegan" "${AUTH[@]}"
check "the vegan week's page lists its batch notes under \"Cook once, eat twice\" and in the methods of their meals" \
	python3 -c 'import html, json, sys
p = html.unescape(sys.argv[1]); notes = json.loads(sys.argv[2])["batch_notes"]
sys.exit(0 if "Cook once, eat twice:" in p and notes and all("\n• " + n["text"] in p and "\nCook once: " + n["text"] in p for n in notes) else 1)' \
	"$HTTP_BODY" "$vdoc"
velements=$(grep -o '<[a-zA-Z][a-zA-Z0-9]*' <<<"$HTTP_BODY" | wc -l)
echo "# the 7-day, 5-dish (3_meals_2_snacks) page has $velements tags"

finish
