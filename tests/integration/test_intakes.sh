#!/bin/bash
# test_intakes.sh - reference intakes and advice of a plan, through nginx:
# the API's document carries reference_intakes (the profile's source, eight
# nutrients with their reference, each day's and the average share, which
# agree with the document's own daily_average) and advice lines; a vegan
# week is advised about B12, a 1,100 kcal week about its low target, a
# pregnancy week gets pregnancy's references and advice; the plan page
# shows the advice in a "Good to know" box and the shares in one line; a
# refused request is told the limit in words and the nearest target that
# works, which plans, and the plan form offers it as a button that plans.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
need_foods
reset_limits

pw='amber quince 71 harbor'
user=intakes-$$@example.org
planner_user "$user" "$pw"
check "a planner account is ready" test -n "$SESSION"

# plan JSON - makes a plan; sets id and doc (its GET /api/plans document).
plan() {
	fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" --data-binary "$1"
	id=$(jq -r .id <<<"$HTTP_BODY" 2>/dev/null)
	fetch "$CZ_BASE_URL/api/plans/$id" "${AUTH[@]}"
	doc=$HTTP_BODY
}

plan '{"calories": 2000, "diet_type": "vegan", "days": 7, "seed": 5}'
check "a vegan week is made and read back (plan $id)" test "$HTTP_STATUS" = 200
check "its reference intakes are the FDA Daily Values for adults, eight nutrients" \
	jq -e '.reference_intakes.source | test("FDA Daily Values for adults")' <<<"$doc"
check "the eight: calcium, iron, potassium, magnesium, vitamin C, folate, vitamin D, B12, each with 7 days" \
	jq -e '[.reference_intakes.nutrients[] | .key] == ["calcium", "iron", "potassium", "magnesium",
		"vitamin_c", "folate", "vitamin_d", "vitamin_b12"] and
		([.reference_intakes.nutrients[] | .days_pct | length == 7] | all)' <<<"$doc"
# The average share is the document's daily average over the reference.
bad=$(jq -r '. as $d | .reference_intakes.nutrients[] |
	select(((($d.daily_average[.key] // 0) / .reference * 100) - .daily_average_pct | fabs) > 3) |
	"\(.key): \(.daily_average_pct) % against \($d.daily_average[.key]) / \(.reference)"' <<<"$doc" 2>&1)
check "each average share is the daily average over the reference${bad:+ ($bad)}" test -z "$bad"
check "the vegan week is advised about B12 (fortified foods or a supplement)" \
	jq -e '[.advice[] | select(.code == "vegan") | .text | test("B12") and test("supplement")] | any' <<<"$doc"
vd=$(jq -r '.reference_intakes.nutrients[] | select(.key == "vitamin_d") | .daily_average_pct' <<<"$doc")
if awk -v p="$vd" 'BEGIN { exit !(p < 100) }'; then
	check "its vitamin D ($vd % of the reference) gets its own line, with that figure" \
		jq -e --arg p "$vd %" '[.advice[] | select(.code == "vitamin_d") | .text | contains($p)] | any' <<<"$doc"
else
	check "its vitamin D reaches the reference ($vd %): no vitamin D line" \
		jq -e '[.advice[] | select(.code == "vitamin_d")] | length == 0' <<<"$doc"
fi
vegan_id=$id vegan_doc=$doc

plan '{"calories": 1100, "diet_type": "standard", "days": 3, "seed": 5}'
check "a 1,100 kcal plan is advised that its target is low" \
	jq -e '[.advice[] | select(.code == "low_energy") | .text | test("1200 kcal")] | any' <<<"$doc"
plan '{"calories": 2400, "diet_type": "vegetarian", "profile": "pregnancy", "days": 3, "seed": 5}'
check "a pregnancy plan takes pregnancy's references (iron 27 mg, folate 600)" \
	jq -e '(.reference_intakes.source | test("pregnant")) and
		([.reference_intakes.nutrients[] | select(.key == "iron") | .reference] == [27]) and
		([.reference_intakes.nutrients[] | select(.key == "folate") | .reference] == [600])' <<<"$doc"
check "and is advised about folic acid" \
	jq -e '[.advice[] | select(.code == "pregnancy") | .text | test("folic acid")] | any' <<<"$doc"

# --- a refusal that helps (lib/plan_suggest.c) ---------------------------------
body='{"calories": 5000, "diet_type": "keto", "meal_pattern": "omad", "restrictions": ["nut_free", "dairy_free", "egg_free"], "days": 7, "seed": 1}'
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" --data-binary "$body"
check "keto 5,000 kcal in one meal without nuts, dairy or eggs is refused with 422" test "$HTTP_STATUS" = 422
check "the refusal names the limit in words and a target that works" \
	jq -e '.error.message | test("cannot be made: .*; try [0-9,]+ kcal")' <<<"$HTTP_BODY"
kcal=$(jq -r '.error.suggestions[0].calories // empty' <<<"$HTTP_BODY")
check "and carries the suggestions ($kcal kcal, one meal a day)" \
	jq -e '(.error.suggestions | length >= 1) and
		(.error.suggestions[0].meal_pattern == "omad") and (.error.constraint | length > 0)' <<<"$HTTP_BODY"
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary "$(jq -c --argjson k "${kcal:-0}" '.calories = $k' <<<"$body")"
check "the suggested target plans (201)" test "$HTTP_STATUS" = 201

# The plan form: the same refusal (422) with a button per suggestion, each
# a POST form of its own (CSRF field, the suggested target or pattern, the
# seed it was planned with, the other fields as typed) that plans.
PAGE=(-H "Cookie: __Host-cibozer=$SESSION" -H "Origin: $CZ_BASE_URL")
fetch "$CZ_BASE_URL/plans" -X POST "${PAGE[@]}" --data "csrf_token=$CSRF&calories=5000&diet_type=keto&meal_pattern=omad&restrictions=nut_free&restrictions=dairy_free&restrictions=egg_free&excluded_foods=banana&days=3&seed=1"
# suggestion_fields HTML - the first suggestion's form as URL-encoded fields.
suggestion_fields() {
	python3 -c '
import html.parser, sys, urllib.parse
class P(html.parser.HTMLParser):
    inside, done, fields, button = False, False, [], ""
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ul" and a.get("class") == "suggestions": self.inside = True
        if self.inside and not self.done and tag == "input": self.fields.append((a["name"], a.get("value", "")))
    def handle_endtag(self, tag):
        if self.inside and tag == "form": self.done = True
    def handle_data(self, d):
        if self.inside and not self.done: self.button += d
p = P(); p.feed(sys.argv[1])
print(p.button.strip()); print(urllib.parse.urlencode(p.fields))' "$1"
}
mapfile -t sg < <(suggestion_fields "$HTTP_BODY")
check "the form refuses it with 422 and a button that says what it does (${sg[0]:-none})" \
	bash -c '[[ $1 == 422 && $2 == "Plan "*" kcal"*" instead" ]]' _ "$HTTP_STATUS" "${sg[0]:-}"
check "the button's form carries the CSRF field, the target, the seed and what was typed" \
	bash -c '[[ $1 == *csrf_token=* && $1 == *calories=[0-9]* && $1 == *seed=1* && $1 == *restrictions=egg_free* && $1 == *excluded_foods=banana* && $1 == *days=3* && $1 == *diet_type=keto* ]]' _ "${sg[1]:-}"
fetch "$CZ_BASE_URL/plans" -X POST "${PAGE[@]}" --data "${sg[1]:-x=1}"
loc=$(sed -n 's/^location: //Ip' <<<"$HTTP_HEADERS")
fetch "$CZ_BASE_URL/api${loc:-/plans/0}" "${AUTH[@]}"
check "pressing it plans that request (303 to $loc)" \
	jq -e --arg f "${sg[1]:-}" '($f | capture("calories=(?<k>[0-9]+)").k | tonumber) as $k |
		.request.calories == $k and .request.diet_type == "keto" and .request.days == 3 and
		(.request.restrictions | sort) == ["dairy_free", "egg_free", "nut_free"] and
		(.request.excluded_foods | length) == 1' <<<"$HTTP_BODY"

# --- the plan page -------------------------------------------------------------
fetch "$CZ_BASE_URL/plans/$vegan_id" "${AUTH[@]}"
page=$HTTP_BODY
check "GET /plans/$vegan_id is 200" test "$HTTP_STATUS" = 200
check "the page shows the advice in a \"Good to know\" box" \
	bash -c 'grep -q "<h2 id=\"advice-title\">Good to know</h2>" <<<"$1" && grep -q "B12" <<<"$1"' _ "$page"
check "the page gives the week's share of each reference intake in one line, with its source" \
	bash -c 'grep -Eq "Share of the reference intakes, on average a day: Calcium [0-9]+ %, Iron [0-9]+ %.*Vitamin B12 [0-9]+ %.*FDA Daily Values" <<<"$1"' _ "$page"
# The document lists a dish under an allergen for every meal it is served
# at; this week serves some twice (their allergens are named). The page's
# "Contains ..." lines name each dish once, in the order first served.
twice=$(jq -r '[.allergen_warnings[] | select((.meals | length) != (.meals | unique | length)) | .allergen] | join(", ")' <<<"$vegan_doc")
want=$(jq -r 'def esc: gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;") | gsub("\""; "&quot;") | gsub("\u0027"; "&#39;");
	.allergen_warnings[] | .meals | reduce .[] as $m ([]; if index([$m]) then . else . + [$m] end) | map(esc) | join(", ") + "."' <<<"$vegan_doc")
missing=$(while IFS= read -r line; do grep -qF "</strong> $line</p>" <<<"$page" || echo "$line"; done <<<"$want")
if [[ -n $twice && -n $want && -z $missing ]]; then
	pass "the page's allergen lines name each dish once ($(wc -l <<<"$want") lines; served twice: $twice)"
else
	fail "the page's allergen lines name each dish once" "served twice: '$twice'; not on the page: $missing"
fi

# A week that must serve a dish a third time (every restriction, two
# snacks a day: the catalog has too few snacks for some diet) says so, on
# the page too. Which diet varies with the catalog: the first that repeats.
all_r='["gluten_free", "dairy_free", "egg_free", "peanut_free", "nut_free", "soy_free", "fish_free", "shellfish_free", "sesame_free"]'
rep_id=""
for diet in standard vegetarian vegan keto paleo mediterranean; do
	plan "{\"calories\": 2000, \"diet_type\": \"$diet\", \"days\": 7, \"meal_pattern\": \"3_meals_2_snacks\", \"restrictions\": $all_r}"
	if jq -e '(.repeats // []) | length > 0' <<<"$doc" >/dev/null 2>&1; then
		rep_id=$id rep_text=$(jq -r '.repeats[0].text' <<<"$doc")
		break
	fi
done
if [[ -n $rep_id ]]; then
	fetch "$CZ_BASE_URL/plans/$rep_id" -H "Cookie: __Host-cibozer=$SESSION"
	check "a week that serves a dish 3 times says so on its page ($diet: ${rep_text:0:80}…)" \
		bash -c 'grep -q "<h2 id=\"advice-title\">Good to know</h2>" <<<"$1" && grep -Eq "is served [0-9]+ times this" <<<"$1"' _ "$HTTP_BODY"
else
	echo "# no diet needed a third serving with every restriction and two snacks: the repeats line is not shown here"
fi

finish
