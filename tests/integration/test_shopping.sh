#!/bin/bash
# test_shopping.sh - the shopping view of a plan, through nginx: the page
# with a tick box per line, ticks saved by a plain form post (no
# JavaScript) and kept on the server, only lines of the plan's own list
# kept, the list as text and CSV downloads (quoting, no spreadsheet
# formulas), and nobody else's plan.
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
lines=$(jq '[.shopping_list[].items[]] | length' <<<"$plan")
first=$(jq -r '.shopping_list[0].items[0] | .ndb // .food' <<<"$plan")
second=$(jq -r '[.shopping_list[].items[]][1] | .ndb // .food' <<<"$plan")

fetch "$CZ_BASE_URL/plans/$id" "${AUTH[@]}"
check "the plan page links its shopping view and the downloads" \
	bash -c '[[ $1 == *"href=\"/plans/$2/shopping\""* && $1 == *"/plans/$2/shopping.csv"* && $1 == *"/plans/$2/shopping.txt"* ]]' _ "$HTTP_BODY" "$id"

fetch "$CZ_BASE_URL/plans/$id/shopping" "${AUTH[@]}"
check "the shopping view answers 200" test "$HTTP_STATUS" = 200
boxes=$(grep -o 'type="checkbox"[^>]*name="got"' <<<"$HTTP_BODY" | wc -l)
check "one tick box per line of the list ($boxes of $lines)" test "$boxes" -eq "$lines"
check "nothing is ticked off yet" bash -c '[[ $1 == *"0 of $2 ticked off"* && $1 != *" checked>"* ]]' _ "$HTTP_BODY" "$lines"
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
	bash -c '[[ $(grep -c "^- " <<<"$1") == $2 && $1 == *"$(jq -r ".shopping_list[0].group" <<<"$3")"* ]]' _ "$HTTP_BODY" "$lines" "$plan"

fetch "$CZ_BASE_URL/plans/$id/shopping.csv" "${AUTH[@]}"
check "the CSV download: 200, text/csv, an attachment" \
	bash -c '[[ $1 == 200 ]] && grep -qi "^content-type: text/csv; charset=utf-8" <<<"$2" && grep -qi "^content-disposition: attachment" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
csv=$HTTP_BODY
check "the CSV has a header and one record per line ($lines)" \
	bash -c '[[ $(head -n 1 <<<"$1" | tr -d "\r") == "aisle,food,quantity,grams_used" && $(($(wc -l <<<"$1") - 1)) == $2 ]]' _ "$csv" "$lines"
# Python's csv module reads it back field for field as the plan has it.
check "the CSV reads back as the plan's list (RFC 4180 quoting)" python3 -c '
import csv, io, json, sys
rows = list(csv.DictReader(io.StringIO(sys.argv[1])))
plan = json.loads(sys.argv[2])
want = [(g["group"], i["food"], i.get("quantity", "")) for g in plan["shopping_list"] for i in g["items"]]
got = [(r["aisle"], r["food"].lstrip("\x27"), r["quantity"]) for r in rows]
sys.exit(0 if got == want else 1)' "$csv" "$plan"
check "no CSV field starts a spreadsheet formula" \
	python3 -c 'import csv, io, sys; sys.exit(any(f[:1] in "=+-@" and f for r in csv.reader(io.StringIO(sys.argv[1])) for f in r))' "$csv"

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
