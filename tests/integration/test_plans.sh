#!/bin/bash
# test_plans.sh - meal plans through nginx and the responder pool: the JSON
# API (create, read back, regenerate one meal, field errors, 422 for an
# impossible request and for a medical condition), restrictions, excluded
# foods and the pregnancy profile honoured, determinism for a seed, the
# HTML form, plan page and keyset-paginated list, and the plan metrics.
# Plans belong to accounts: making one needs a signed-in user who accepted
# the current legal versions (anonymous: 401 or a redirect to /login; not
# accepted: 403 naming the URL, or a redirect to /legal/accept), within the
# tier's daily quota (429); another user's plan is a 404; /plans lists
# one's own plans only.
#
# Needs the USDA foods: imported here from CZ_USDA_DIR when the foods table
# is empty (skipped, saying why, when it cannot be).
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
tmp=$(_cz_tmp)

need_foods

API=$CZ_BASE_URL/api/plans
reset_limits
pw='tangerine orbit 7'
owner=plans-owner-$$@example.org
planner_user "$owner" "$pw"
check "the plan owner is created, logged in and accepts the legal versions" test -n "$SESSION"
OWNER_AUTH=("${AUTH[@]}")
post_json() { # URL BODY: POST a JSON body as the owner; the answer in HTTP_*
	fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${AUTH[@]}"
}
body_is() { # JQ-FILTER: the last body satisfies the filter
	jq -e "$1" <<<"$HTTP_BODY" >/dev/null 2>&1
}
# The plan without what differs between two stored copies of it.
plan_only() {
	jq -S 'del(.id, .created_at, .updated_at, .generation_ms, .links)' <<<"$1"
}

# --- create and read back ------------------------------------------------------
post_json "$API" '{"calories": 2000, "diet_type": "keto", "seed": 11}'
check "POST /api/plans answers 201" test "$HTTP_STATUS" = 201
created=$HTTP_BODY
id=$(jq -r .id <<<"$created")
check "the plan has a numeric id" test "${id:-x}" -gt 0
check "Location names the plan" grep -qi "^location: /api/plans/$id\$" <<<"$HTTP_HEADERS"
check "7 days of 3 meals" body_is '(.days | length == 7) and all(.days[]; (.meals | length) == 3)'
check "every ingredient has an NDB number, a name, grams and a household measure" \
	body_is 'all(.days[].meals[].items[]; (.ndb | test("^[0-9]{5}$")) and (.food | length > 0) and .grams > 0 and (.measure | length > 0))'
check "every day's accuracy receipt is within target" body_is 'all(.days[]; .accuracy.all_ok) and .all_targets_met'
check "keto: every day at most 20 g net carbs" body_is 'all(.days[]; .totals.net_carbs <= 20 and .accuracy.net_carbs.ok)'
check "totals per meal, per day and the daily average carry every nutrient" \
	body_is '[.days[0].meals[0].totals, .days[0].totals, .daily_average] | all(.[]; has("energy") and has("omega_3") and has("vitamin_b12") and has("net_carbs"))'
check "the shopping list is grouped and has quantities" body_is '(.shopping_list | length > 0) and all(.shopping_list[]; (.group | length > 0) and all(.items[]; (.quantity | length > 0)))'
check "the plan carries the medical and FDA disclaimers" \
	body_is '(.disclaimers.medical | contains("NOT intended to provide medical advice")) and (.disclaimers.fda | contains("Food and Drug Administration"))'
check "the request is echoed with its seed" body_is '.request.seed == 11 and .request.diet_type == "keto"'

fetch "$API/$id" "${AUTH[@]}"
check "GET /api/plans/$id answers 200" test "$HTTP_STATUS" = 200
check "the plan read back is byte for byte the plan created" test "$HTTP_BODY" = "$created"
rows=$(psql_q "SELECT count(*) FROM plans WHERE id = $id AND diet = 'keto' AND calories = 2000 AND days = 7 AND seed = 11")
check "the database stored the plan (diet, calories, days, seed)" test "$rows" = 1
check "its generation time is a plausible number of milliseconds, as stored" \
	body_is ".generation_ms > 0 and .generation_ms < 60000 and .generation_ms == $(psql_q "SELECT generation_ms FROM plans WHERE id = $id")"

post_json "$API" '{"calories": 2000, "diet_type": "keto", "seed": 11}'
check "the same request and seed give the identical plan" test "$(plan_only "$HTTP_BODY")" = "$(plan_only "$created")"
post_json "$API" '{"calories": 2000, "diet_type": "keto", "seed": 12}'
check "another seed gives another plan" test "$(plan_only "$HTTP_BODY")" != "$(plan_only "$created")"
post_json "$API" '{"calories": 1800}'
check "a request without a seed gets one, recorded in the plan" body_is '.request.seed | type == "number"'

# --- restrictions, exclusions, profiles ----------------------------------------------
post_json "$API" '{"calories": 2200, "diet_type": "vegetarian", "meal_pattern": "3_meals_2_snacks", "restrictions": ["gluten_free", "dairy_free", "nut_free"], "profile": "athlete", "days": 3, "seed": 4}'
check "a restricted vegetarian athlete plan is made" test "$HTTP_STATUS" = 201
check "it has 3 days of 5 meals" body_is '(.days | length == 3) and all(.days[]; (.meals | length) == 5)'
check "no ingredient carries gluten, dairy or tree nuts" \
	body_is '[.days[].meals[].items[].allergens // [] | .[]] | all(. != "gluten" and . != "dairy" and . != "tree_nut")'
check "athlete raises protein above the vegetarian profile" body_is '.target.protein_pct > 15'
first_ndb=$(jq -r '.days[0].meals[0].items[0].ndb' <<<"$HTTP_BODY")
post_json "$API" "{\"calories\": 2200, \"diet_type\": \"vegetarian\", \"meal_pattern\": \"3_meals_2_snacks\", \"restrictions\": [\"gluten_free\", \"dairy_free\", \"nut_free\"], \"profile\": \"athlete\", \"days\": 3, \"seed\": 4, \"excluded_foods\": [\"$first_ndb\"]}"
check "an excluded food ($first_ndb) never appears" body_is "[.days[].meals[].items[].ndb] | all(. != \"$first_ndb\")"
post_json "$API" '{"calories": 2400, "profile": "pregnancy", "seed": 3}'
check "a pregnancy plan carries the pregnancy disclaimer" body_is '.disclaimers.pregnancy | contains("obstetric")'

# --- bad requests --------------------------------------------------------------------
post_json "$API" '{"calories": 700, "diet_type": "carnivore", "days": 9, "restrictions": ["meat_free"], "colour": "red"}'
check "invalid fields answer 400" test "$HTTP_STATUS" = 400
check "calories out of range is named" body_is '.errors.calories == "must be between 800 and 5000"'
check "an unknown diet lists the choices" body_is '.errors.diet_type | startswith("must be one of: standard")'
check "days and restrictions are named" body_is '(.errors.days | length > 0) and (.errors.restrictions | length > 0)'
check "an unknown field is refused, not ignored" body_is '.errors.colour == "is not a known field"'
post_json "$API" '{"diet_type": "vegan"}'
check "calories is required" body_is '.errors.calories | startswith("is required")'
post_json "$API" '{"calories": "2000"}'
check "calories as a string is not an integer" body_is '.errors.calories == "must be an integer"'
post_json "$API" '{"calories": 2000, "excluded_foods": ["99999"]}'
check "an excluded food the planner does not know is a 400" body_is '.errors.excluded_foods | contains("99999")'
post_json "$API" '{"calories": 2000,'
check "malformed JSON answers 400" test "$HTTP_STATUS" = 400
fetch "$API" "${AUTH[@]}" -X POST -H 'Content-Type: application/x-www-form-urlencoded' --data 'calories=2000'
check "a form body on the JSON API answers 400" test "$HTTP_STATUS" = 400
fetch "$API/999999999" "${AUTH[@]}"
check "an unknown plan answers 404 in JSON" bash -c '[[ $1 == 404 ]] && jq -e ".error.status == 404" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$API" "${AUTH[@]}" -X DELETE
check "DELETE /api/plans answers 405 with Allow" bash -c '[[ $1 == 405 ]] && grep -qi "^allow: .*POST" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"

for body in '{"calories": 2000, "profile": "diabetes"}' \
	'{"calories": 1800, "medical_condition": "hypertension"}' \
	'{"calories": 2000, "restrictions": ["kidney_disease"]}'; do
	post_json "$API" "$body"
	check "a medical condition is refused with 422 pointing to the disclaimer: $body" \
		bash -c '[[ $1 == 422 ]] && jq -e "(.error.message | contains(\"/disclaimers\")) and .error.see == \"/disclaimers\"" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
done
post_json "$API" '{"calories": 5000, "diet_type": "keto", "meal_pattern": "omad", "restrictions": ["nut_free", "dairy_free", "egg_free"], "seed": 1}'
check "an impossible request answers 422 naming the constraint" \
	bash -c '[[ $1 == 422 ]] && jq -e ".error.constraint | test(\"energy|share|fiber|sodium|net carbs|dinners|template\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
echo "# 422: $(jq -c .error <<<"$HTTP_BODY")"

# --- regenerate one meal -------------------------------------------------------------------
before=$created
post_json "$API/$id/meals/2/dinner/regenerate" '{"seed": 99}'
check "regenerating day 2's dinner answers 200" test "$HTTP_STATUS" = 200
after=$HTTP_BODY
check "the revision went up" body_is '.revision == 2'
old_dinner=$(jq -r '.days[1].meals[2].slug' <<<"$before")
new_dinner=$(jq -r '.days[1].meals[2].slug' <<<"$after")
check "day 2 has another dinner ($old_dinner -> $new_dinner)" test "$old_dinner" != "$new_dinner"
check "day 2 is still within every target" body_is '.days[1].accuracy.all_ok'
check "the other days are untouched" test "$(jq -c '[.days[0], .days[2:]]' <<<"$before")" = "$(jq -c '[.days[0], .days[2:]]' <<<"$after")"
check "dinners stay unique in the week" body_is '[.days[].meals[2].slug] | length == (unique | length)'
fetch "$API/$id" "${AUTH[@]}"
check "the regenerated plan is what is stored" test "$HTTP_BODY" = "$after"
post_json "$API/$id/meals/1/3/regenerate" ''
check "a meal can be named by its number (day 1, meal 3)" test "$HTTP_STATUS" = 200
post_json "$API/$id/meals/8/dinner/regenerate" ''
check "day 8 of a 7-day plan answers 404" test "$HTTP_STATUS" = 404
post_json "$API/$id/meals/1/snack/regenerate" ''
check "a snack in a 3-meal plan answers 404" test "$HTTP_STATUS" = 404
post_json "$API/999999999/meals/1/dinner/regenerate" ''
check "regenerating in an unknown plan answers 404" test "$HTTP_STATUS" = 404
post_json "$API/$id/meals/1/dinner/regenerate" '{"seed": -1}'
check "a negative seed answers 400" test "$HTTP_STATUS" = 400

before=$HTTP_BODY
fetch "$API/$id" "${AUTH[@]}"
before=$HTTP_BODY
post_json "$API/$id/days/5/regenerate" ''
check "regenerating day 5 answers 200" test "$HTTP_STATUS" = 200
after=$HTTP_BODY
check "day 5 has another dinner" test "$(jq -r '.days[4].meals[2].slug' <<<"$before")" != "$(jq -r '.days[4].meals[2].slug' <<<"$after")"
check "day 5 is still within every target" body_is '.days[4].accuracy.all_ok'
check "the days other than 5 are untouched" test "$(jq -c '[.days[0:4], .days[5:]]' <<<"$before")" = "$(jq -c '[.days[0:4], .days[5:]]' <<<"$after")"
check "dinners stay unique after a day is regenerated" body_is '[.days[].meals[2].slug] | length == (unique | length)'
post_json "$API/$id/days/0/regenerate" ''
check "day 0 answers 404" test "$HTTP_STATUS" = 404

fetch "$CZ_BASE_URL/api/foods" "${AUTH[@]}"
check "GET /api/foods lists the planner's foods" body_is '(.foods | length > 100) and all(.foods[]; .ndb | test("^[0-9]{5}$"))'

# --- HTML -------------------------------------------------------------------------------------
fetch "$CZ_BASE_URL/plans/new" "${AUTH[@]}"
check "GET /plans/new shows the form" bash -c '[[ $1 == 200 && $2 == *"<form method=\"post\" action=\"/plans\""* && $2 == *"name=\"calories\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "the form names choices for people, not codes" \
	bash -c '[[ $1 == *">Tree nuts</label>"* && $1 == *">One meal a day (OMAD)</option>"* && $1 == *">Older adult</option>"* && $1 != *">Nut free<"* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}" -X POST --data 'calories=1900&diet_type=mediterranean&meal_pattern=2_meals&restrictions=fish_free&restrictions=shellfish_free&days=2&seed=8'
check "POST /plans redirects (303) to the new plan" bash -c '[[ $1 == 303 ]] && grep -Eqi "^location: /plans/[0-9]+$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
page=$(sed -n 's/^location: //Ip' <<<"$HTTP_HEADERS")
fetch "$CZ_BASE_URL$page" "${AUTH[@]}"
check "the plan page answers 200" test "$HTTP_STATUS" = 200
for want in "Accuracy receipt, day 1" "Accuracy receipt, day 2" "Shopping list" "Daily average" \
	"Left out as requested: fish, shellfish." "2 meals a day." "NOT intended to provide medical advice" \
	"Food and Drug Administration" 'media="print"' "/regenerate"; do
	check "the plan page shows: $want" bash -c '[[ $2 == *"$1"* ]]' _ "$want" "$HTTP_BODY"
done
fetch "$CZ_BASE_URL$page/meals/1/1/regenerate" "${AUTH[@]}" -X POST --data ''
check "the page's regenerate button redirects back to the day" bash -c '[[ $1 == 303 ]] && grep -Eqi "^location: /plans/[0-9]+[?]changed=[0-9]+#day-1$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL$page/days/2/regenerate" "${AUTH[@]}" -X POST --data ''
check "the page's day button redirects back to the day" bash -c '[[ $1 == 303 ]] && grep -Eqi "^location: /plans/[0-9]+[?]changed=[0-9]+#day-2$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"

# The calorie-target calculator (Mifflin-St Jeor), for programs and on the form.
E="$CZ_BASE_URL/api/energy-target"
fetch "$E?age=30&sex=male&height_cm=180&weight_kg=80&activity=moderate&goal=lose"
check "the calculator: 1780 kcal at rest, x 1.55, 500 less to lose: 2260" \
	body_is '.bmr_kcal == 1780 and .activity_factor == 1.55 and .maintenance_kcal == 2759 and .goal_change_kcal == -500 and .target_kcal == 2260 and (.formula | contains("Mifflin-St Jeor")) and (.warnings | length == 1)'
fetch "$E?age=70&sex=female&height_cm=150&weight_kg=45&activity=sedentary&goal=lose"
check "under 1,200 kcal it warns, and loses no more" \
	body_is '.target_kcal == 1050 and .goal_change_kcal == 0 and (.warnings[0] | contains("under 1200"))'
fetch "$E?age=30&sex=male&height_cm=180&activity=moderate&goal=keep"
check "a missing weight: 400, naming the field" \
	bash -c '[[ $1 == 400 ]] && jq -e ".error.field == \"weight_kg\"" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$E?age=15&sex=female&height_cm=160&weight_kg=50&activity=light&goal=keep"
check "a child: 422, adults only" \
	bash -c '[[ $1 == 422 ]] && jq -e ".error.field == \"age\" and (.error.message | contains(\"adults\"))" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$E?age=50&sex=male&height_cm=175&weight_kg=90&activity=light&goal=diabetes"
check "a medical-condition goal: 422, out of scope" \
	bash -c '[[ $1 == 422 ]] && jq -e ".error.message | contains(\"medical conditions\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans/new?calc=1&age=30&sex=male&height_cm=180&weight_kg=80&activity=moderate&goal=lose" "${AUTH[@]}"
check "the form's calculator explains its answer and fills in the calorie field" \
	bash -c '[[ $1 == 200 && $2 == *"About 1780 kcal"* || $2 == *"about 1780 kcal a day"* ]] && [[ $2 == *"id=\"calories\""*"value=\"2260\""* && $2 == *"now holds 2260"* && $2 == *"<details class=\"calculator\" id=\"calculator\" open>"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans/new?calc=1&age=abc&sex=male&height_cm=180&weight_kg=80&activity=moderate&goal=keep" "${AUTH[@]}"
check "a bad calculator field: 400, said on the form, the calorie field untouched" \
	bash -c '[[ $1 == 400 && $2 == *"age: a whole number is required"* && $2 == *"value=\"2000\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"

# Foods to leave out are named as people name them; the browser suggests
# the planner's names (a <datalist>, no JavaScript needed); the plan
# number (seed) sits under "Advanced".
fetch "$CZ_BASE_URL/plans/new" "${AUTH[@]}"
check "the form suggests the planner's food names" \
	bash -c '[[ $1 == *"<datalist id=\"food-names\">"* && $(grep -o "<option value=\"[^\"]*\">" <<<"${1#*food-names}" | wc -l) -gt 50 && $1 == *"list=\"food-names\""* ]]' _ "$HTTP_BODY"
check "the seed is under Advanced, as a plan number" \
	bash -c '[[ $1 == *"<summary>Advanced</summary>"* && $1 == *"Plan number (optional)"* && $1 != *"USDA NDB numbers"* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}" -X POST --data 'calories=2000&diet_type=standard&days=2&excluded_foods=Banana&excluded_foods=olive+oil&excluded_foods=&excluded_foods='
check "foods left out by name: 303 to the plan" test "$HTTP_STATUS" = 303
named=$(sed -n 's/^location: //Ip' <<<"$HTTP_HEADERS" | tr -d '\r')
fetch "$CZ_BASE_URL/api$named" "${AUTH[@]}"
check "the names became the foods' NDB numbers, and neither is in the plan" \
	body_is '(.request.excluded_foods | sort) == ["04053", "09040"] and ([.days[].meals[].items[].ndb] | (index("09040") == null and index("04053") == null))'
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}" -X POST --data 'calories=2000&excluded_foods=zzzqqq'
check "a name that is no food: 400, the form says which" \
	bash -c '[[ $1 == 400 && $2 == *"&quot;zzzqqq&quot;: no single food of the planner has that name"* && $2 == *"value=\"zzzqqq\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}" -X POST --data 'calories=abc&excluded_foods=<script>alert(1)</script>'
check "a bad form is shown again with 400 and the field's error" \
	bash -c '[[ $1 == 400 && $2 == *"Calories must be an integer"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "a script in a form field comes back inert (escaped)" \
	bash -c '[[ $1 != *"<script>alert(1)</script>"* && $1 == *"&lt;script&gt;"* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}" -X POST --data 'calories=2000&profile=pregnancy&diet_type=diabetic'
check "the form refuses a medical condition with 422" bash -c '[[ $1 == 422 && $2 == *"medical conditions"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"

# Enough plans for two pages of the list (20 a page).
for s in $(seq 100 121); do
	post_json "$API" "{\"calories\": 1600, \"diet_type\": \"vegan\", \"days\": 1, \"seed\": $s}"
done
newest=$(jq -r .id <<<"$HTTP_BODY")
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}"
check "/plans lists the newest plan first" bash -c '[[ $1 == 200 && $2 == *"href=\"/plans/$3\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$newest"
next=$(grep -o 'href="/plans?before=[0-9]*"' <<<"$HTTP_BODY" | head -n 1 | sed 's/href="//; s/"$//')
check "/plans links to the next page" test -n "$next"
fetch "$CZ_BASE_URL$next" "${AUTH[@]}"
check "the next page has older plans only" bash -c '[[ $1 == 200 && $2 != *"href=\"/plans/$3\""* && $2 == *"href=\"/plans/$4\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$newest" "$id"
fetch "$CZ_BASE_URL/plans?before=abc" "${AUTH[@]}"
check "/plans?before=abc answers 400" test "$HTTP_STATUS" = 400

# --- who may make and see plans --------------------------------------------------------
AUTH=()
post_json "$API" '{"calories": 2000, "seed": 1}'
check "anonymous POST /api/plans answers 401" \
	bash -c '[[ $1 == 401 ]] && jq -e ".error.status == 401" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$API/$id"
check "anonymous GET /api/plans/$id answers 401" test "$HTTP_STATUS" = 401
# What a signed-out person typed comes back after log-in: the way back is
# the form with the fields in its query, and the form fills itself in.
fetch "$CZ_BASE_URL/plans" -X POST --data 'calories=2345&diet_type=vegan&restrictions=soy_free&excluded_foods=banana'
check "an anonymous plan form is sent to the log-in page, keeping what was typed (303)" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /login?next=%2Fplans%2Fnew%3Fcalories%3D2345%26diet_type%3Dvegan%26restrictions%3Dsoy_free%26excluded_foods%3Dbanana\s*$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL/login?next=%2Fplans%2Fnew%3Fcalories%3D2345%26diet_type%3Dvegan%26restrictions%3Dsoy_free%26excluded_foods%3Dbanana"
check "the log-in form carries the way back" \
	bash -c '[[ $1 == *"value=\"/plans/new?calories=2345&amp;diet_type=vegan&amp;restrictions=soy_free&amp;excluded_foods=banana\""* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans/new?calories=2345&diet_type=vegan&restrictions=soy_free&excluded_foods=banana" "${OWNER_AUTH[@]}"
check "the form comes back filled in as typed" \
	bash -c '[[ $1 == *"value=\"2345\""* && $1 == *"<option value=\"vegan\" selected>"* && $1 == *"value=\"soy_free\" checked"* && $1 == *"value=\"banana\""* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans"
check "anonymous /plans is sent to the log-in page" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /login?next=/plans$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"

other=plans-other-$$@example.org
make_user "$other" "$pw"
login "$other" "$pw"
check "another user logs in" test -n "$SESSION"
post_json "$API" '{"calories": 2000, "seed": 1}'
check "without accepting the legal versions POST /api/plans answers 403 with the URL to accept" \
	bash -c '[[ $1 == 403 ]] && jq -e ".error.accept_url == \"/legal/accept\" and (.error.message | contains(\"terms\"))" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans" -X POST --data 'calories=2000' "${AUTH[@]}"
check "without accepting, the plan form redirects to /legal/accept?next=..." \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /legal/accept?next=%2Fplans%2Fnew%3Fcalories%3D2000" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL/legal/accept?next=/plans/new" "${AUTH[@]}"
check "the acceptance page has both checkboxes and the versions" \
	bash -c '[[ $1 == 200 && $2 == *"name=\"accept_terms\""* && $2 == *"name=\"accept_privacy\""* && $2 == *"NOT intended to provide medical advice"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$CZ_BASE_URL/legal/accept" -X POST "${AUTH[@]}" --data "terms_version=1.0&privacy_version=1.0&accept_terms=on&next=/plans/new"
check "one box ticked is not an acceptance (400)" test "$HTTP_STATUS" = 400
fetch "$CZ_BASE_URL/legal/accept" -X POST "${AUTH[@]}" \
	--data "csrf_token=$CSRF&terms_version=1.0&privacy_version=1.0&accept_terms=on&accept_privacy=on&next=/plans/new"
check "accepting both redirects to next" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /plans/new" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
check "the acceptance is stored with its versions" \
	test "$(psql_q "SELECT terms_version || '/' || privacy_version FROM legal_acceptances a JOIN users u ON u.id = a.user_id WHERE u.email = '$other'")" = "1.0/1.0"
fetch "$API/$id" "${AUTH[@]}"
check "another user's plan answers 404 in the API" test "$HTTP_STATUS" = 404
fetch "$CZ_BASE_URL/plans/$id" "${AUTH[@]}"
check "another user's plan page answers 404" test "$HTTP_STATUS" = 404
post_json "$API/$id/meals/1/dinner/regenerate" ''
check "another user cannot regenerate the plan (404)" test "$HTTP_STATUS" = 404
post_json "$API" '{"calories": 2100, "days": 1, "seed": 5}'
check "once accepted, the other user makes a plan" test "$HTTP_STATUS" = 201
other_plan=$(jq -r .id <<<"$HTTP_BODY")
fetch "$CZ_BASE_URL/plans" "${AUTH[@]}"
check "/plans lists one's own plans only" \
	bash -c '[[ $1 == 200 && $2 == *"href=\"/plans/$3\""* && $2 != *"href=\"/plans/$4\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$other_plan" "$newest"
check "the plan is stored with its owner" \
	test "$(psql_q "SELECT u.email FROM plans p JOIN users u ON u.id = p.owner_id WHERE p.id = ${other_plan:-0}")" = "$other"

# The daily quota: the free tier's count is filled up by hand. Refused
# and infeasible requests make no plan and use none of it.
other_id=$(psql_q "SELECT id FROM users WHERE email = '$other'")
used() { psql_q "SELECT coalesce(sum(hits), 0) FROM rate_limits WHERE scope = 'plans.account' AND key = '$other_id'"; }
before=$(used)
post_json "$API" '{"calories": 99999}'
s1=$HTTP_STATUS
post_json "$API" '{"calories": 5000, "diet_type": "keto", "meal_pattern": "omad", "restrictions": ["nut_free", "dairy_free", "egg_free"], "seed": 1}'
s2=$HTTP_STATUS
echo "# quota used before: $before; answers: $s1 $s2; used after: $(used)"
check "an invalid (400) and an impossible (422) plan request use none of the daily quota" \
	bash -c '[[ $1 == 400 && $2 == 422 && $3 == "$4" ]]' _ "$s1" "$s2" "$before" "$(used)"
post_json "$API" '{"calories": 2100, "days": 1, "seed": 7}'
check "a plan made uses one" bash -c '[[ $1 == 201 && $3 == $(($2 + 1)) ]]' _ "$HTTP_STATUS" "$before" "$(used)"
psql_q "INSERT INTO rate_limits (scope, key, window_start, hits) VALUES ('plans.account', '$other_id', to_timestamp(floor(extract(epoch FROM now()) / 86400) * 86400), 1000) ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = 1000" >/dev/null
owned() { psql_q "SELECT count(*) FROM plans WHERE owner_id = $other_id"; }
owned_before=$(owned)
post_json "$API" '{"calories": 2100, "days": 1, "seed": 6}'
check "over the daily quota POST /api/plans answers 429 with Retry-After" \
	bash -c '[[ $1 == 429 ]] && grep -Eqi "^retry-after: [1-9][0-9]*$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
check "a request over the quota stores no plan and counts nothing more" \
	bash -c '[[ $1 == "$2" && $3 == 1000 ]]' _ "$owned_before" "$(owned)" "$(used)"
check "the refusal is audited as rate_limit.hit" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = $other_id AND event = 'rate_limit.hit' AND detail->>'scope' = 'plans.account'")" = 1
check "each plan made is audited as plan.generated" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = $other_id AND event = 'plan.generated'")" = 2

admin_user=plans-admin-$$@example.org
make_user "$admin_user" "$pw" --admin
login "$admin_user" "$pw"
fetch "$API/$id" "${AUTH[@]}"
check "an administrator reads anyone's plan" test "$HTTP_STATUS" = 200
AUTH=("${OWNER_AUTH[@]}")

# A plan made with the owner's API key: no cookie, counted for the key.
fetch "$CZ_BASE_URL/api/keys" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data '{"name": "plans test", "scopes": ["plans:read", "plans:write"]}'
key=$(jq -r .key <<<"$HTTP_BODY")
key_id=$(jq -r .id <<<"$HTTP_BODY")
fetch "$API" -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $key" \
	--data '{"calories": 1900, "days": 1, "seed": 77}'
check "POST /api/plans with an API key answers 201" test "$HTTP_STATUS" = 201
key_plan=$(jq -r .id <<<"$HTTP_BODY")
check "the plan belongs to the key's owner" \
	test "$(psql_q "SELECT u.email FROM plans p JOIN users u ON u.id = p.owner_id WHERE p.id = ${key_plan:-0}")" = "$owner"
key_usage() { test "$(psql_q "SELECT requests || '/' || plans FROM api_key_usage WHERE key_id = ${key_id:-0}")" = "$1"; }
check "the key's plans of the day are counted (added within 5 s)" \
	wait_until 5 key_usage 1/1
fetch "$API/$key_plan" -H "Authorization: Bearer $key"
check "the key reads it back" test "$HTTP_STATUS" = 200
check "plan.generated is audited with the plan, address and request id" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE event = 'plan.generated' AND detail->>'plan_id' = '${key_plan:-0}' AND address = '127.0.0.1' AND length(request_id) > 0")" = 1

# --- plans in parallel ------------------------------------------------------------------------
# A worker answers a plan only once its insert is committed, but serves the
# next requests meanwhile (fcgi/pipeline.h: the plan is parked, its
# request's memory kept apart). Many at once, twice: each must get its own
# plan, as stored, and the second time the pool retires every worker
# (SIGHUP) in the middle, so stopping workers answer what they parked.
worker_pids() {
	pgrep -P "$(pool_pid)" | sort | tr '\n' ' '
}
parked() {
	fetch "$CZ_BASE_URL/metrics" "${AUTH[@]}"
	sed -n 's/^cibozer_requests_parked_total //p' <<<"$HTTP_BODY"
}
par=$(_cz_tmp)
parallel_plans() { # TAG: 12 plans at once with the key, answers in $par/TAG-N
	local i
	for i in $(seq 1 12); do
		curl -sS --max-time 60 -o "$par/$1-$i.json" -w '%{http_code}' -X POST \
			-H 'Content-Type: application/json' -H "Authorization: Bearer $key" \
			--data "{\"calories\": $((1600 + 50 * i)), \"days\": 2, \"seed\": $((900 + i))}" \
			"$API" >"$par/$1-$i.code" 2>/dev/null &
	done
}
# answer_ok NAME CODE FILE JQ: answered 201 (CODE) with the plan in FILE,
# which JQ says is its request's own, read back the same; its id is added
# to answered_ids.
answer_ok() {
	local id
	[[ $2 == 201 ]] || { echo "# $1: status $2"; return 1; }
	jq -e "$4" "$3" >/dev/null || { echo "# $1: another request's plan"; return 1; }
	id=$(jq -r .id "$3")
	answered_ids+=("$id")
	fetch "$API/$id" -H "Authorization: Bearer $key"
	[[ $HTTP_STATUS == 200 && $(plan_only "$HTTP_BODY") == "$(plan_only "$(cat "$3")")" ]] ||
		{ echo "# $1: plan $id reads back otherwise ($HTTP_STATUS)"; return 1; }
}
distinct_ids() { # N: answered_ids holds N distinct ids
	[[ $(printf '%s\n' "${answered_ids[@]}" | sort -u | wc -l) == "$1" ]] ||
		{ echo "# ids not distinct: ${answered_ids[*]}"; return 1; }
}
parallel_ok() { # TAG: every answer 201, its own request, read back the same
	local i bad=0
	answered_ids=()
	for i in $(seq 1 12); do
		answer_ok "$1-$i" "$(cat "$par/$1-$i.code")" "$par/$1-$i.json" \
			".request.seed == $((900 + i)) and .request.calories == $((1600 + 50 * i))" || bad=1
	done
	distinct_ids 12 || bad=1
	return "$bad"
}
# Beyond the free tier's 50 plans a day (a worker keeps a key's account
# for up to a second).
psql_q "UPDATE users SET tier = 'premium' WHERE email = '$owner'" >/dev/null
sleep 1.2
parked_before=$(parked)
parallel_plans a
wait
check "12 plans at once: each answered 201 with its own plan, stored as answered" parallel_ok a
parked_after=$(parked)
echo "# requests parked on their commit: ${parked_before:-none} before, ${parked_after:-none} after"
check "every one of them waited for its commit parked, the worker serving others" \
	test "$((${parked_after:-0} - ${parked_before:-0}))" -eq 12
workers_before=$(worker_pids)
parallel_plans b
kill -HUP "$(pool_pid)"
wait
check "12 plans at once while every worker retires (SIGHUP): each answered 201, stored as answered" parallel_ok b
replaced() { [[ $(worker_pids) != "$workers_before" && -n $(worker_pids) ]]; }
check "the workers were replaced meanwhile" wait_until 10 replaced

# --- plans sharing a commit -------------------------------------------------------------------
# A worker's plans made one after another go in one batch whose statements
# commit together, one WAL flush for all (fcgi/pipeline.h, lib/db.h
# cz_db_send). All sent at once by one curl while the workers are stopped
# (SIGSTOP), so that they find them waiting together when let go: a busy
# worker takes the connections waiting two at a time (fcgi/main.c) and
# serves the next before it sends a batch's commit. A plan's quota comes
# from the worker's lease once its account is busy there (8 plans in a
# second, lib/quota_lease.h), else from a statement of its own that
# commits the batch first: 48 at once, so that every worker leases.
commits() {
	fetch "$CZ_BASE_URL/metrics" "${AUTH[@]}"
	sed -n 's/^cibozer_requests_parked_commits_total //p' <<<"$HTTP_BODY"
}
batch_seeds=$(seq 5001 5048)
batch_days=2
batch_plans() { # TAG SEED...: a $batch_days-day plan a seed; answers $par/TAG-SEED.json, "SEED CODE" lines in $par/TAG.codes
	local tag=$1 s args=()
	shift
	for s in "$@"; do
		args+=(--next -sS --max-time 60 -o "$par/$tag-$s.json" -w "$s %{http_code}\n" -X POST
			-H 'Content-Type: application/json' -H "Authorization: Bearer $key"
			--data "{\"calories\": 1900, \"days\": $batch_days, \"seed\": $s}" "$API")
	done
	curl --parallel --parallel-immediate --parallel-max 64 "${args[@]:1}" >"$par/$tag.codes" 2>/dev/null || true
}
batch_ok() { # TAG SEED...: each answered 201 with its own plan, stored as answered
	local tag=$1 s bad=0
	shift
	answered_ids=()
	for s in "$@"; do
		answer_ok "$tag-$s" "$(sed -n "s/^$s //p" "$par/$tag.codes")" "$par/$tag-$s.json" \
			".request.seed == $s" || bad=1
	done
	distinct_ids $# || bad=1
	return "$bad"
}
burst() { # TAG SEED...: batch_plans with the workers stopped until all are sent
	local pids
	pids=$(worker_pids)
	# shellcheck disable=SC2086 # the pids, one word each
	kill -STOP $pids
	batch_plans "$@" &
	sleep 1
	# shellcheck disable=SC2086
	kill -CONT $pids
	wait $!
}
parked_before=$(parked) commits_before=$(commits)
# shellcheck disable=SC2086 # the seeds, one word each
burst c $batch_seeds
# shellcheck disable=SC2086
check "48 plans sent at once: each answered 201 with its own plan, stored as answered" batch_ok c $batch_seeds
parked_n=$(($(parked) - ${parked_before:-0})) commits_n=$(($(commits) - ${commits_before:-0}))
echo "# 48 plans at once: $parked_n parked, $commits_n commits"
check "they shared commits: fewer commits than plans parked" test "$commits_n" -ge 1 -a "$commits_n" -lt "$parked_n"

# A plan whose insert fails rolls its batch back: the batch's other plans
# are then stored alone, and only the failing one is refused (503). The
# insert of seed 6040 fails here by a trigger of the test's own; late in
# the burst, it shares a batch as a rule (up to three bursts).
psql_q "CREATE FUNCTION test_refuse_seed() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN IF NEW.seed = 6040 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END \$\$; CREATE TRIGGER test_refuse_seed BEFORE INSERT ON plans FOR EACH ROW EXECUTE FUNCTION test_refuse_seed()"
fail_seeds=$(seq 6001 6048)
other_seeds=$(grep -vx 6040 <<<"$fail_seeds")
for round in 1 2 3; do
	# shellcheck disable=SC2086
	burst "d$round" $fail_seeds
	refused=$(sed -n 's/^6040 //p' "$par/d$round.codes")
	retried=$(grep -c 'rolled back with its batch' "$CZ_POOL_LOG" || true)
	[[ $refused == 503 && $retried -eq 0 ]] || break
done
psql_q "DROP TRIGGER test_refuse_seed ON plans; DROP FUNCTION test_refuse_seed()"
echo "# a failed insert's batch: seed 6040 answered $refused, $retried plans stored again alone (bursts: $round)"
check "a failed insert in a batch is refused (503)" test "$refused" = 503
retried_ok() {
	# shellcheck disable=SC2086
	[[ $retried -gt 0 ]] && batch_ok "d$round" $other_seeds
}
check "the batch's other plans were stored again alone and answered 201, as stored" retried_ok
check "and no plan of the refused seed is stored" test "$(psql_q "SELECT count(*) FROM plans WHERE seed = 6040")" = 0
psql_q "UPDATE users SET tier = 'free' WHERE email = '$owner'" >/dev/null

# --- metrics ----------------------------------------------------------------------------------
fetch "$CZ_BASE_URL/metrics" "${AUTH[@]}"
# The exposition is longer than one argument may be (128 KiB): grep a file.
metrics=$(_cz_tmp)/plans-metrics.txt
printf '%s\n' "$HTTP_BODY" >"$metrics"
check "metrics count created keto plans" grep -Eq '^cibozer_plan_requests_total\{diet="keto",outcome="created"\} [1-9]' "$metrics"
check "metrics count refused medical requests" grep -Eq '^cibozer_plan_requests_total\{diet="unknown",outcome="medical_condition"\} [1-9]' "$metrics"
check "metrics count infeasible requests by constraint" grep -Eq '^cibozer_plan_infeasible_total\{reason="[a-z_]+"\} [1-9]' "$metrics"
check "metrics have the generation-time histogram" grep -Eq '^cibozer_plan_generation_seconds_count [1-9]' "$metrics"
if command -v promtool >/dev/null; then
	check "promtool accepts the metrics" bash -c 'promtool check metrics <"$1"' _ "$metrics"
fi

finish
