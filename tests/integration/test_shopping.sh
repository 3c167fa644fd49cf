#!/bin/bash
# test_shopping.sh - the shopping view of a plan, through nginx: the page
# with a tick box per line, ticks saved by a plain form post (no
# JavaScript) and kept on the server, only lines of the plan's own list
# kept, the list as text and CSV downloads (quoting, no spreadsheet
# formulas), and nobody else's plan. The list is one to shop from (issue
# 12): what one buys (dry rice, raw meat, whole eggs), in a shop's units,
# one line per food, by aisle; a property test over plans of every diet
# and meal pattern (cibozer-admin plan) checks its rules, and a plan
# stored before the document carried "shopping" shows it all the same.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
need_foods
reset_limits

pw='tangerine orbit 7'
owner=shop-owner-$$@example.org
planner_user "$owner" "$pw"
check "the owner is created, logged in and accepts the legal versions" test -n "$SESSION"
OWNER_AUTH=("${AUTH[@]}")

fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"calories": 2200, "diet_type": "standard", "seed": 5}'
check "a plan is made (201)" test "$HTTP_STATUS" = 201
id=$(jq -r .id <<<"$HTTP_BODY")
plan=$HTTP_BODY
lines=$(jq '[.shopping[].items[]] | length' <<<"$plan")
first=$(jq -r '.shopping[0].items[0].key' <<<"$plan")
second=$(jq -r '[.shopping[].items[]][1].key' <<<"$plan")
check "the document keeps its food-group list for the renderer and clients" \
	jq -e '(.shopping_list | length) > 0 and ([.shopping_list[].items[] | has("ndb") and has("food") and has("grams") and has("quantity")] | all)' <<<"$plan"
check "and carries the list to shop from ($lines lines, one per shop item)" \
	jq -e --argjson n "$lines" '$n > 5 and ([.shopping[].items[].key] | unique | length) == $n' <<<"$plan"

fetch "$CZ_BASE_URL/plans/$id" "${AUTH[@]}"
check "the plan page links its shopping view and the downloads" \
	bash -c '[[ $1 == *"href=\"/plans/$2/shopping\""* && $1 == *"/plans/$2/shopping.csv"* && $1 == *"/plans/$2/shopping.txt"* ]]' _ "$HTTP_BODY" "$id"

in_grams=$(jq '[.days[].meals[].items[] | select(.measure | test("^[0-9.]+ g$"))] | length' <<<"$plan")
check "each ingredient line reads label: measure (grams g), the weight said once when the measure is one ($in_grams such)" python3 -c '
import html, json, re, sys
page, plan = sys.argv[1], json.loads(sys.argv[2])
got = [html.unescape(re.sub(r"; contains .*", "", m)) for u in re.findall(r"<ul class=\"ingredients\"[^>]*>(.*?)</ul>", page, re.S) for m in re.findall(r"<li>(.*?)</li>", u)]
want = []
for d in plan["days"]:
    for m in d["meals"]:
        for i in m["items"]:
            w = "%s: %s" % (i["label"], i["measure"])
            if not re.fullmatch(r"[0-9.]+ g", i["measure"]):
                w += " (%g g)" % i["grams"]
            want.append(w)
bad = [g for g in got if re.search(r"([0-9.]+) g \(\1 g\)", g)]
sys.exit(0 if got == want and not bad else "%r\n%r\n%r" % (bad[:3], got[:4], want[:4]))' "$HTTP_BODY" "$plan"

fetch "$CZ_BASE_URL/plans/$id/shopping" "${AUTH[@]}"
check "the shopping view answers 200" test "$HTTP_STATUS" = 200
boxes=$(grep -o 'type="checkbox"[^>]*name="got"' <<<"$HTTP_BODY" | wc -l)
check "one tick box per line of the list ($boxes of $lines)" test "$boxes" -eq "$lines"
check "nothing is ticked off yet" bash -c '[[ $1 == *"0 of $2 ticked off"* && $1 != *" checked>"* ]]' _ "$HTTP_BODY" "$lines"
check "each line says what to buy and what the plan uses, as the document does" python3 -c '
import html, json, re, sys
page, plan = sys.argv[1], json.loads(sys.argv[2])
labels = [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<label for=\"got-\d+\">(.*?)</label>", page)]
want = ["%s: %s — %s" % (i["food"], i["buy"], i["you_will_use"]) for a in plan["shopping"] for i in a["items"]]
sys.exit(0 if labels == want else "%r\n%r" % (labels[:3], want[:3]))' "$HTTP_BODY" "$plan"
check "the page is grouped by aisle, in the document's order" python3 -c '
import html, json, re, sys
page, plan = sys.argv[1], json.loads(sys.argv[2])
got = [html.unescape(x) for x in re.findall(r"<legend>(.*?)</legend>", page)]
sys.exit(0 if got == [a["aisle"] for a in plan["shopping"]] else repr(got))' "$HTTP_BODY" "$plan"
check "no USDA or cooking wording on the page" bash -c '! grep -Eio "cooked|steamed|NS as to|yields|boiled|roasted" <<<"$1"' _ "$(sed -n "/<form/,/<\/form>/p" <<<"$HTTP_BODY")"
check "the form carries its CSRF field" grep -q 'name="csrf_token"' <<<"$HTTP_BODY"

# A form post as the page sends it: two lines ticked, and a key that is
# not on the list, which is dropped.
fetch "$CZ_BASE_URL/plans/$id/shopping" -X POST "${AUTH[@]}" \
	--data-urlencode "got=$first" --data-urlencode "got=$second" --data-urlencode 'got=<b>nonsense</b>'
check "saving the ticks redirects back to the list (303)" \
	bash -c '[[ $1 == 303 ]] && grep -Eqi "^location: /plans/$3/shopping\s*$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS" "$id"
check "the ticks are kept on the server, the stranger key dropped" \
	test "$(psql_q "SELECT array_to_string(shopping_checked, ',') FROM plans WHERE id = $id")" = "$(printf '%s\n' "$first" "$second" | sort | paste -sd,)"
fetch "$CZ_BASE_URL/plans/$id/shopping" "${AUTH[@]}"
check "the view shows them ticked (2 of $lines)" \
	bash -c '[[ $1 == *"2 of $2 ticked off"* && $(grep -o " checked>" <<<"$1" | wc -l) == 2 ]]' _ "$HTTP_BODY" "$lines"
fetch "$CZ_BASE_URL/plans/$id/shopping" -X POST "${AUTH[@]}" --data ''
check "saving with nothing ticked clears them" \
	test "$(psql_q "SELECT cardinality(shopping_checked) FROM plans WHERE id = $id")" = 0

fetch "$CZ_BASE_URL/plans/$id/shopping.txt" "${AUTH[@]}"
check "the text download: 200, text/plain, an attachment" \
	bash -c '[[ $1 == 200 ]] && grep -qi "^content-type: text/plain; charset=utf-8" <<<"$2" && grep -qi "^content-disposition: attachment; filename=\"cibozer-plan-$3-shopping.txt\"" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS" "$id"
check "the text holds every line, under its aisle" \
	bash -c '[[ $(grep -c "^- " <<<"$1") == $2 && $1 == *"$(jq -r ".shopping[0].aisle" <<<"$3")"* ]]' _ "$HTTP_BODY" "$lines" "$plan"
check "the text says what to buy and what is used, line for line" python3 -c '
import json, sys
text, plan = sys.argv[1], json.loads(sys.argv[2])
got = [l[2:] for l in text.splitlines() if l.startswith("- ")]
want = ["%s: %s — %s" % (i["food"], i["buy"], i["you_will_use"]) for a in plan["shopping"] for i in a["items"]]
sys.exit(0 if got == want else "%r\n%r" % (got[:3], want[:3]))' "$HTTP_BODY" "$plan"

fetch "$CZ_BASE_URL/plans/$id/shopping.csv" "${AUTH[@]}"
check "the CSV download: 200, text/csv, an attachment" \
	bash -c '[[ $1 == 200 ]] && grep -qi "^content-type: text/csv; charset=utf-8" <<<"$2" && grep -qi "^content-disposition: attachment" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
csv=$HTTP_BODY
check "the CSV has a header and one record per line ($lines)" \
	bash -c '[[ $(head -n 1 <<<"$1" | tr -d "\r") == "aisle,food,quantity,grams_used,you_will_use,grams_bought,key" && $(($(wc -l <<<"$1") - 1)) == $2 ]]' _ "$csv" "$lines"
# Python's csv module reads it back field for field as the plan has it.
check "the CSV reads back as the plan's list (RFC 4180 quoting)" python3 -c '
import csv, io, json, sys
rows = list(csv.DictReader(io.StringIO(sys.argv[1])))
plan = json.loads(sys.argv[2])
want = [(a["aisle"], i["food"], i["buy"], i["use_grams"], i["you_will_use"], i["buy_grams"], i["key"]) for a in plan["shopping"] for i in a["items"]]
got = [(r["aisle"], r["food"].lstrip("\x27"), r["quantity"], float(r["grams_used"]), r["you_will_use"], float(r["grams_bought"]), r["key"]) for r in rows]
sys.exit(0 if got == want else 1)' "$csv" "$plan"
check "no CSV field starts a spreadsheet formula" \
	python3 -c 'import csv, io, sys; sys.exit(any(f[:1] in "=+-@" and f for r in csv.reader(io.StringIO(sys.argv[1])) for f in r))' "$csv"

# Ticks kept before the list had shop items were NDB numbers: they still
# tick the line their food is now on (raw and cooked foods share one).
food_ndb=$(jq -r '[.shopping[].items[] | select(.ndbs | length > 0)][0].ndbs[0]' <<<"$plan")
food_key=$(jq -r --arg n "$food_ndb" '[.shopping[].items[] | select(.ndbs | index($n))][0].key' <<<"$plan")
psql_q "UPDATE plans SET shopping_checked = ARRAY['$food_ndb'] WHERE id = $id" >/dev/null
fetch "$CZ_BASE_URL/plans/$id/shopping" "${AUTH[@]}"
check "a tick kept by NDB number ($food_ndb) ticks its line ($food_key)" \
	bash -c '[[ $1 == *"1 of $2 ticked off"* && $1 == *"value=\"$3\" checked>"* ]]' _ "$HTTP_BODY" "$lines" "$food_key"
fetch "$CZ_BASE_URL/plans/$id/shopping" -X POST "${AUTH[@]}" --data-urlencode "got=$food_key"
check "saved again, it is kept by the line's key" \
	test "$(psql_q "SELECT array_to_string(shopping_checked, ',') FROM plans WHERE id = $id")" = "$food_key"

# A plan stored before the document carried "shopping" (and so before
# plans were kept in their stored form, sql/036: the row holds the whole
# document): the list is made from its ingredients when shown, the same
# list.
fetch "$CZ_BASE_URL/plans/$id/shopping.txt" "${AUTH[@]}"
before=$HTTP_BODY
# Without either stored list: the view needs only the ingredients.
legacy=$("$CZ_ADMIN" --config "$CZ_CONFIG" plan-document "$id" | jq -c 'del(.shopping, .shopping_list)')
psql_q "UPDATE plans SET document = \$cz\$$legacy\$cz\$ WHERE id = $id" >/dev/null
check "the row holds a whole document, without \"shopping\" (nor \"shopping_list\")" \
	test "$(psql_q "SELECT document::jsonb ? 'daily_average', document::jsonb ?| array['shopping', 'shopping_list'] FROM plans WHERE id = $id")" = "t|f"
fetch "$CZ_BASE_URL/plans/$id/shopping.txt" "${AUTH[@]}"
check "an older plan's list to shop from is the same" \
	bash -c '[[ $1 == 200 && $2 == "$3" ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$before"
fetch "$CZ_BASE_URL/plans/$id/shopping" "${AUTH[@]}"
check "and its page shows every line with its tick" \
	bash -c '[[ $1 == 200 && $2 == *"1 of $3 ticked off"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$lines"
fetch "$CZ_BASE_URL/plans/$id/shopping" -X POST "${AUTH[@]}" --data ''
check "the ticks are cleared again" \
	test "$(psql_q "SELECT cardinality(shopping_checked) FROM plans WHERE id = $id")" = 0
printf '       (the start of the list: %s)\n' "$(sed -n '3,12p' <<<"$before" | paste -sd'|')"

# --- the property test: plans of every diet and meal pattern ----------------
tmp=$(_cz_tmp)
made=0
refused=0
for diet in standard vegetarian vegan keto paleo mediterranean; do
	for pattern in 3_meals 3_meals_2_snacks 5_small_meals 2_meals omad; do
		for seed in 1 2 3; do
			kcal=$(( (1200 + (seed * 977 + ${#diet} * 331 + ${#pattern} * 173) % 2400) / 100 * 100 ))
			if "$CZ_ADMIN" --config "$CZ_CONFIG" plan --calories "$kcal" --diet "$diet" \
				--pattern "$pattern" --seed "$seed" >"$tmp/plan-$diet-$pattern-$seed.json" 2>"$tmp/err"; then
				made=$((made + 1))
			else
				rm -f "$tmp/plan-$diet-$pattern-$seed.json"
				refused=$((refused + 1))
			fi
		done
	done
done
check "most of the 90 plans are made ($made made, $refused refused)" test "$made" -ge 60
cat >"$tmp/props.py" <<'PY'
import glob, json, re, sys

BANNED = re.compile(r"cooked|steamed|boiled|roasted|baked|simmered|broiled|wilted|NS as to|yields", re.I)
PACK = r"\d+ [a-z]+(?: \([^)]*\))?"
QTY = re.compile(r"^(?:[1-9]\d*|[1-9]\d* box(?:es)? of \d+|%s(?: \+ %s)?|[1-9]\d* g|[1-9]\d*(?:\.\d)? kg)$" % (PACK, PACK))
AISLES = ["Produce", "Meat & fish", "Dairy & eggs", "Chilled", "Grains & bakery", "Cans & jars",
          "Nuts, seeds & dried fruit", "Oils & condiments", "Spices", "Frozen", "Other"]
bad, plans, lines = [], 0, 0
for path in sorted(glob.glob(sys.argv[1] + "/plan-*.json")):
    doc = json.load(open(path))
    name = path.rsplit("/", 1)[1]
    plans += 1
    eaten = {}
    for d in doc["days"]:
        for m in d["meals"]:
            for i in m["items"]:
                eaten[i["ndb"]] = eaten.get(i["ndb"], 0) + i["grams"]
    keys, seen_ndbs, order = set(), {}, []
    for a in doc["shopping"]:
        order.append(AISLES.index(a["aisle"]) if a["aisle"] in AISLES else -1)
        for it in a["items"]:
            lines += 1
            k = it["key"]
            where = "%s: %s" % (name, k)
            if k in keys: bad.append(where + ": twice")
            keys.add(k)
            if BANNED.search(it["food"]) or "," in it["food"]: bad.append(where + ": name " + it["food"])
            if a["aisle"] == "Other": bad.append(where + ": no aisle")
            if not QTY.match(it["buy"]) or re.search("[½¼¾⅓⅔/]", it["buy"]): bad.append(where + ": buy " + it["buy"])
            if not isinstance(it["count"], int) or it["count"] < 0: bad.append(where + ": count")
            if it["unit"] != "g" and it["count"] < 1: bad.append(where + ": no count")
            if "pieces" in it and (not isinstance(it["pieces"], int) or it["pieces"] < 1): bad.append(where + ": pieces")
            if it["buy_grams"] < it["use_grams"]: bad.append(where + ": buys %s g, uses %s g" % (it["buy_grams"], it["use_grams"]))
            if not it["you_will_use"].startswith("you will use "): bad.append(where + ": use text")
            if k == "egg" and not re.match(r"^\d+ box(es)? of 12$", it["buy"]): bad.append(where + ": eggs " + it["buy"])
            for n in it["ndbs"]:
                seen_ndbs[n] = seen_ndbs.get(n, 0) + 1
            want = sum(eaten.get(n, 0) for n in it["ndbs"])
            if abs(want - it["eaten_grams"]) > 1: bad.append(where + ": eaten %s g, plan %s g" % (it["eaten_grams"], want))
    if order != sorted(set(order)): bad.append(name + ": aisles out of order")
    for n in eaten:
        if seen_ndbs.get(n) != 1: bad.append("%s: food %s on %s lines" % (name, n, seen_ndbs.get(n, 0)))
    if not doc.get("shopping_list"): bad.append(name + ": no shopping_list")
print("%d plans, %d lines, %d problems" % (plans, lines, len(bad)))
for b in bad[:20]: print(b)
sys.exit(1 if bad or plans == 0 else 0)
PY
check "every list keeps the rules: a shop's units, bought >= used, one line per food, plain names, by aisle" \
	python3 "$tmp/props.py" "$tmp"
python3 "$tmp/props.py" "$tmp" | head -n 1

# Someone else sees nothing of it, and a signed-out visitor is sent to log in.
other=shop-other-$$@example.org
planner_user "$other" "$pw"
for path in shopping shopping.txt shopping.csv; do
	fetch "$CZ_BASE_URL/plans/$id/$path" "${AUTH[@]}"
	check "another account gets 404 for /plans/$id/$path" test "$HTTP_STATUS" = 404
done
fetch "$CZ_BASE_URL/plans/$id/shopping" -X POST "${AUTH[@]}" --data-urlencode "got=$first"
check "another account cannot tick (404)" test "$HTTP_STATUS" = 404
check "and nothing changed" test "$(psql_q "SELECT cardinality(shopping_checked) FROM plans WHERE id = $id")" = 0
fetch "$CZ_BASE_URL/plans/$id/shopping"
check "signed out: a redirect to the log-in page" \
	bash -c '[[ $1 == 303 ]] && grep -Eqi "^location: /login" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL/plans/$id/shopping" -X POST "${OWNER_AUTH[0]}" "${OWNER_AUTH[1]}" --data-urlencode "got=$first"
check "a form post without its CSRF token is refused (403)" test "$HTTP_STATUS" = 403

finish
