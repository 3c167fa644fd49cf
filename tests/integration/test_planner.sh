#!/bin/bash
# test_planner.sh - the week planner (lib/catalog.c, lib/planner.c) through
# cibozer-admin: plan-check plans 5000 random valid requests and re-checks
# every rule of issue 12 of every plan from its grams and its document
# (tools/plan_rules.c: targets, portion rules, upper limits, saturated fat,
# repeats, shopping list, recipes, warnings; every refusal in words with
# suggestions that plan; exit 1 on any violation); at least 99% of those
# up to 2499 kcal must be feasible; plan-check --self-test breaks each rule
# on purpose and must see it detected; the report is the same with 1 or 2
# processes; `plan` is deterministic for a seed
# and differs between seeds; an impossible request exits 3 naming the
# constraint.
#
# The USDA foods are normally imported by an earlier test; when the foods
# table is empty this test imports them from CZ_USDA_DIR (set by
# scripts/test), and skips when it cannot.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

tmp=$(_cz_tmp)

need_foods

admin() {
	"$CZ_ADMIN" --config "$CZ_CONFIG" "$@"
}

# --- the property test -------------------------------------------------------
# Two processes over disjoint requests (each request depends only on the
# seed and its index, so the report is the same with any --jobs). Every
# refusal's reason is checked; the suggestions of every 100th request's
# refusal are planned again (a search costs up to 12 plans).
t0=$SECONDS
admin plan-check --count 5000 --seed 42 --jobs 2 --refusals 100 >"$tmp/check.out" 2>"$tmp/check.err"
rc=$?
echo "plan-check --count 5000 --jobs 2: $((SECONDS - t0)) s"
cat "$tmp/check.out"
if ((rc == 0)); then
	pass "plan-check --count 5000: every plan meets every rule"
else
	fail "plan-check --count 5000 (exit $rc)" "$(grep -v '^infeasible:' "$tmp/check.err" | head -n 30)"
fi
echo "first infeasible requests:"
grep '^infeasible:' "$tmp/check.err" | head -n 10 | sed 's/^/  /'
# Requests span 800-5000 kcal: the everyday range must nearly always be
# feasible; very high targets in one or two meals may honestly not be.
feasible_at() { # BAND MIN%
	local pct
	pct=$(sed -n "s/^  feasible at $1: \([0-9.]*\)% .*/\1/p" "$tmp/check.out")
	if [[ -n $pct ]] && awk -v p="$pct" -v m="$2" 'BEGIN { exit !(p >= m) }'; then
		pass "feasible at $1: $pct% >= $2%"
	else
		fail "feasible at $1: '$pct'%, want >= $2%" "$(grep 'infeasible:' "$tmp/check.out")"
	fi
}
feasible_at "800-1499 kcal" 99
feasible_at "1500-2499 kcal" 99
feasible_at "2500-3499 kcal" 90

# Every rule of issue 12 (tools/plan_rules.c, docs/planner-rules.md):
# plan-check re-checks each from the grams and the document of every plan
# (a violation fails it above); here each worst figure is named against
# its limit, so a rule that stops being checked shows by name.
rule() { # NAME
	local line v lim
	line=$(grep -F "  worst $1: " "$tmp/check.out")
	v=$(sed -n 's/.*: \([0-9.-]*\) .*(limit \([0-9.e+-]*\);.*/\1/p' <<<"$line")
	lim=$(sed -n 's/.*(limit \([0-9.e+-]*\);.*/\1/p' <<<"$line")
	if [[ $line == *"known, not yet met by the planner"* ]]; then
		# every rule of issue 12 is met: none may be marked known again
		# (reported without failing the sweep)
		fail "rule: $1 is enforced, not marked known" "'$line'"
	elif [[ -n $v && -n $lim ]] && awk -v v="$v" -v l="$lim" 'BEGIN { exit !(v <= l + 1e-6) }'; then
		pass "rule: $line"
	else
		fail "rule: $1 within its limit" "'$line'"
	fi
}
for r in "plan structure faults" "foods the request excludes" \
	"energy deviation" "protein share deviation" "fat share deviation" \
	"carb share deviation" "keto net carbs" "fiber shortfall" "sodium" \
	"saturated fat share (not keto)" \
	"eggs in a dish" "eggs a day" "added fat in a dish" \
	"dish energy from added fat" "day energy from added fat" \
	"Brazil nut kernels a day" "liver a day" "days with liver in a plan" \
	"small countables in part units" "measures in USDA's bookkeeping words" \
	"title ingredient's rank in its dish" \
	"title ingredient's ratio excess" "selenium a day" "retinol a day" \
	"zinc a day" "iron a day" "calcium a day" "fiber a day" \
	"dinners served twice" "dishes served 3+ times that a swap would mend" \
	"repeats the plan does not state" \
	"shopping lines not buyable as written" \
	"foods not on exactly one shopping line" \
	"dishes without a whole method" "warnings missing or misplaced" \
	"refusals not in words" "suggestions that do not plan"; do
	rule "$r"
done
# Saturated fat is a cap row of the solver on every non-keto day (issue 12,
# lib/planner.c add_caps): a day over 10% is a violation (plan-check exits 1
# above), never again a known finding; keto days' share is reported.
satfat=$(grep -F '  worst saturated fat share (not keto): ' "$tmp/check.out")
if [[ -n $satfat && $satfat != *known* ]] &&
	grep -Eq "^  keto days' saturated fat share \(reported, not limited\): worst [0-9.]+%" "$tmp/check.out"; then
	pass "saturated fat: a limit on non-keto days, reported on keto ($(grep -F "keto days' saturated" "$tmp/check.out" | sed 's/^ *//'))"
else
	fail "saturated fat: a limit on non-keto days, reported on keto" "'$satfat'"
fi
if grep -q '^  dishes with >= 50% of their energy from added fat: 0 of [1-9]' "$tmp/check.out"; then
	pass "no dish takes half its energy from added fat"
else
	fail "no dish takes half its energy from added fat" "$(grep 'added fat' "$tmp/check.out")"
fi
# Refusals whose suggestions were planned again: at least one (each one
# that does not plan is a violation above).
if grep -Eq '^  refusals whose suggestions were planned: [1-9][0-9]* of ' "$tmp/check.out"; then
	pass "$(grep '^  refusals whose' "$tmp/check.out" | sed 's/^ *//')"
else
	fail "refusals' suggestions planned again" "$(grep '^  refusals whose' "$tmp/check.out")"
fi
grep '^KNOWN' "$tmp/check.err" | head -n 6 | sed 's/^/  /'

# --- each rule seen to fail when broken on purpose ---------------------------
t0=$SECONDS
admin plan-check --self-test --seed 42 >"$tmp/self.out" 2>"$tmp/self.err"
rc=$?
echo "plan-check --self-test: $((SECONDS - t0)) s"
cat "$tmp/self.out"
nrules=$(grep -c '^rule .*: broken on purpose .* -> detected' "$tmp/self.out")
if ((rc == 0)) && ((nrules >= 35)) && ! grep -q 'NOT DETECTED\|NEVER ALONE\|no plan to break' "$tmp/self.out"; then
	pass "plan-check --self-test: $nrules rules broken on purpose, each detected"
else
	fail "plan-check --self-test (exit $rc, $nrules rules detected)" "$(grep -v -- '-> detected' "$tmp/self.out" | head -n 20; head -n 5 "$tmp/self.err")"
fi

# --- the same report with any number of processes -----------------------------
admin plan-check --count 60 --seed 7 --jobs 1 --refusals 20 2>&1 | grep -v -e 'time per plan' -e 'time planning' -e 'wall time' >"$tmp/j1.out"
admin plan-check --count 60 --seed 7 --jobs 2 --refusals 20 2>&1 | grep -v -e 'time per plan' -e 'time planning' -e 'wall time' >"$tmp/j2.out"
if [[ -s $tmp/j1.out ]] && cmp -s "$tmp/j1.out" "$tmp/j2.out"; then
	pass "plan-check with 1 and 2 processes: the same report"
else
	fail "plan-check with 1 and 2 processes: the same report" "$(diff "$tmp/j1.out" "$tmp/j2.out" | head -n 10)"
fi

# --- one plan -----------------------------------------------------------------
check "plan (keto, seed 1)" admin plan --calories 2000 --diet keto --seed 1
admin plan --calories 2000 --diet keto --seed 1 >"$tmp/a.json" 2>&1
admin plan --calories 2000 --diet keto --seed 1 >"$tmp/b.json" 2>&1
admin plan --calories 2000 --diet keto --seed 2 >"$tmp/c.json" 2>&1
if [[ -s $tmp/a.json ]] && cmp -s "$tmp/a.json" "$tmp/b.json"; then
	pass "the same request and seed give the same plan, byte for byte"
else
	fail "the same request and seed give the same plan" "$(diff "$tmp/a.json" "$tmp/b.json" | head -n 10)"
fi
if ! cmp -s "$tmp/a.json" "$tmp/c.json"; then
	pass "another seed gives another plan"
else
	fail "another seed gives another plan"
fi
if jq -e '.days | length == 7 and all(.[]; (.meals | length) == 3)' "$tmp/a.json" >/dev/null 2>&1; then
	pass "the plan has 7 days of 3 meals"
else
	fail "the plan has 7 days of 3 meals" "$(head -c 600 "$tmp/a.json")"
fi

# --- a dish's can is the shopping list's ----------------------------------------
# SR24's can of canned tomatoes holds 190 g, the shop's 400 g: "2 cans"
# in a dish was one can of the list's. This plan has canned tomatoes by
# the can on two days; each count of cans times the list's can is within
# 10 % of the grams.
admin plan --calories 1900 --diet mediterranean --pattern 2_meals --seed 7 >"$tmp/cans.json" 2>&1
cans=$(jq -r '[.days[].meals[].items[] | select(.ndb == "11885") |
	select(.measure | test("^[0-9][0-9 ½]* cans?$"))] |
	map("\(.grams) \(.measure)") | .[]' "$tmp/cans.json" 2>/dev/null)
bad=$(awk '{ n = $2; if ($3 == "½") n += 0.5; else if ($2 == "½") n = 0.5;
	if ($1 < 0.9 * n * 400 || $1 > 1.1 * n * 400) print }' <<<"$cans")
list=$(jq -r '.shopping[]?.items[]? | select(.key == "tomatoes-canned") | .buy' "$tmp/cans.json" 2>/dev/null)
if [[ -n $cans && -z $bad ]]; then
	pass "canned tomatoes by the can are the list's 400 g cans: $(tr '\n' ';' <<<"$cans") (list: ${list:-?})"
else
	fail "canned tomatoes by the can are the list's 400 g cans" "cans: '$cans'; off: '$bad'"
fi

# --- an impossible request ------------------------------------------------------
admin plan --calories 5000 --diet keto --pattern omad \
	--restrict nut_free,dairy_free,egg_free --seed 1 >"$tmp/inf.out" 2>"$tmp/inf.err"
rc=$?
if ((rc == 3)) && grep -Eq 'infeasible: .*(energy|share|net carbs|fiber|sodium|dinners|limits)' "$tmp/inf.err"; then
	pass "an impossible request exits 3: $(cat "$tmp/inf.err")"
else
	fail "an impossible request exits 3 naming the constraint" "exit $rc: $(cat "$tmp/inf.err")"
fi
# Refusals that help (lib/plan_suggest.c): the refusal names the limit in
# words and a calorie target that works, and that target does plan.
sug=$(sed -n 's/^cibozer-admin: plan: suggestion: \([0-9]*\) kcal, omad$/\1/p' "$tmp/inf.err" | head -n 1)
if grep -q 'cannot be made: .*works up to [0-9,]* kcal a day; try' "$tmp/inf.err" && [[ -n $sug ]] &&
	admin plan --calories "$sug" --diet keto --pattern omad \
		--restrict nut_free,dairy_free,egg_free --seed 1 >/dev/null 2>&1; then
	pass "the refusal suggests $sug kcal, which plans"
else
	fail "the refusal suggests a target that plans" "suggested '$sug': $(cat "$tmp/inf.err")"
fi
# The share of days reaching each reference intake (the solver's soft
# floors): figures, printed for the record.
sed -n '/days reaching a reference intake/,/vitamin_b12/p' "$tmp/check.out"
admin plan --calories 700 --diet keto >/dev/null 2>&1
rc=$?
if ((rc == 2)); then
	pass "calories below 800 are refused (exit 2)"
else
	fail "calories below 800 are refused (exit 2)" "exit $rc"
fi

finish
