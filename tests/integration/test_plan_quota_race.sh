#!/bin/bash
# test_plan_quota_race.sh - the daily plan quota is exact although it is
# counted in a transaction of its own, committed asynchronously, before the
# plan's durable one (fcgi/plans.c, docs/operations.md "Durability"):
# concurrent POST /api/plans with 3 plans left make exactly 3 plans and
# answer 429 to the rest, and the account's and the key's counts say 3; a
# plan whose insert fails (503) gives its unit of quota and its key count
# back; a busy account's plans counted from leases of several units stay
# exactly within the quota, and leased units not used come back.
#
# Needs the USDA foods (imported from CZ_USDA_DIR when the table is empty).
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
t0=$SECONDS
tmp=$(_cz_tmp)
need_foods

pw='quota racing plum 42'
user=quota-race-$$@example.org
planner_user "$user" "$pw"
check "the user is created, logged in and accepts the legal versions" test -n "$SESSION"
uid=$(psql_q "SELECT id FROM users WHERE email = '$user'")
fetch "$CZ_BASE_URL/api/keys" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data '{"name": "race", "scopes": ["plans:read", "plans:write"]}'
key=$(jq -r '.key // empty' <<<"$HTTP_BODY")
kid=$(jq -r '.id // 0' <<<"$HTTP_BODY")
check "an API key is made" test -n "$key"
KEY=(-H "Authorization: Bearer $key" -H 'Content-Type: application/json')

window="to_timestamp(floor(extract(epoch FROM now()) / 86400) * 86400)"
set_used() { # N: the account's plans of the day
	psql_q "INSERT INTO rate_limits (scope, key, window_start, hits) VALUES ('plans.account', '$uid', $window, $1) ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = $1" >/dev/null
}
used() { psql_q "SELECT coalesce(sum(hits), 0) FROM rate_limits WHERE scope = 'plans.account' AND key = '$uid'"; }
key_plans() { psql_q "SELECT coalesce(sum(plans), 0) FROM api_key_usage WHERE key_id = $kid"; }
owned() { psql_q "SELECT count(*) FROM plans WHERE owner_id = $uid"; }

# The tier's quota, from the refusal's message, so that the test follows
# the configuration.
set_used 1000000
fetch "$CZ_BASE_URL/api/plans" -X POST "${KEY[@]}" --data '{"calories": 2000, "days": 1, "seed": 1}'
quota=$(jq -r '.error.message // empty' <<<"$HTTP_BODY" | sed -n 's/.*(\([0-9]*\) plans a day).*/\1/p')
check "past the quota the answer is 429 naming the quota ($HTTP_STATUS, ${quota:-no quota})" \
	bash -c '[[ $1 == 429 && $2 -ge 4 ]]' _ "$HTTP_STATUS" "${quota:-0}"
quota=${quota:-50}

# Eight requests at once with three plans left.
set_used $((quota - 3))
before=$(owned)
for i in 1 2 3 4 5 6 7 8; do
	curl -sS --max-time 60 -o /dev/null -w '%{http_code}\n' -X POST "${KEY[@]}" \
		--data "{\"calories\": 2000, \"days\": 1, \"seed\": $i}" "$CZ_BASE_URL/api/plans" >"$tmp/race.$i" 2>&1 &
done
wait
codes=$(cat "$tmp"/race.* | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
echo "# answers: $codes; plans added: $(($(owned) - before)); used: $(used) of $quota; key plans: $(key_plans)"
check "8 concurrent requests with 3 plans left: three 201 and five 429" \
	test "$(grep -c '^201$' "$tmp"/race.* | awk -F: '{s += $2} END {print s}')/$(grep -c '^429$' "$tmp"/race.* | awk -F: '{s += $2} END {print s}')" = 3/5
check "exactly 3 plans are stored" test "$(($(owned) - before))" = 3
check "the quota's count is exactly the quota" test "$(used)" = "$quota"
key_plans_are() { test "$(key_plans)" = "$1"; }
check "the key counts the 3 plans (added within 5 s)" wait_until 5 key_plans_are 3

# An insert that fails after the count gives the count back: a constraint
# added for the test refuses one calorie target.
set_used 5
psql_q "ALTER TABLE plans ADD CONSTRAINT plans_quota_race_test CHECK (calories <> 2345) NOT VALID" >/dev/null
fetch "$CZ_BASE_URL/api/plans" -X POST "${KEY[@]}" --data '{"calories": 2345, "days": 1, "seed": 9}'
failed=$HTTP_STATUS
psql_q "ALTER TABLE plans DROP CONSTRAINT plans_quota_race_test" >/dev/null
check "a plan whose insert fails answers 503 ($failed)" test "$failed" = 503
sleep 2	# past the tally's second: a count of the failed plan would show
check "and uses none of the quota nor the key's count" test "$(used)/$(key_plans)" = "5/3"

# A busy account: its plans are counted from leases a worker takes
# several units at a time (lib/quota_lease.h). The quota is never passed,
# units a worker holds are used or come back within a second, and near
# the quota leases shrink to single units.
psql_q "UPDATE users SET tier = 'enterprise' WHERE id = $uid" >/dev/null
set_used 1000000
fetch "$CZ_BASE_URL/api/plans" -X POST "${KEY[@]}" --data '{"calories": 2000, "days": 1, "seed": 1}'
big=$(jq -r '.error.message // empty' <<<"$HTTP_BODY" | sed -n 's/.*(\([0-9]*\) plans a day).*/\1/p')
check "the enterprise tier's quota is larger (${big:-none} plans a day)" \
	bash -c '[[ $1 == 429 && $2 -ge 1000 ]]' _ "$HTTP_STATUS" "${big:-0}"
big=${big:-5000}
units() { # SOURCE: the pool's count of quota units taken from there
	fetch "$CZ_BASE_URL/metrics"
	sed -n "s/^cibozer_plan_quota_units_total{source=\"$1\"} //p" <<<"$HTTP_BODY"
}
burst() { # N: N plans requested, 16 at a time, answers into $tmp/burst
	seq "$1" | xargs -P 16 -I{} curl -sS --max-time 60 -o /dev/null -w '%{http_code}\n' -X POST \
		-H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
		--data '{"calories": 2000, "days": 1, "seed": {}}' "$CZ_BASE_URL/api/plans" >"$tmp/burst" 2>&1
}
count_is() { test "$(used)" = "$1"; }

# Far from the quota: 160 plans, counted mostly from leases.
set_used 1000
before=$(owned)
db0=$(units database) lease0=$(units lease)
burst 160
made=$(($(owned) - before))
db1=$(units database) lease1=$(units lease)
echo "# 160 requests far from the quota: $(sort "$tmp/burst" | uniq -c | awk '{printf "%s×%s ", $1, $2}'); plans made: $made; units from the database: $((db1 - db0)), from leases: $((lease1 - lease0)); count right after: $(used)"
check "160 requests far from the quota make 160 plans" \
	bash -c '[[ $1 == 160 && $(grep -c "^201$" "$2") == 160 ]]' _ "$made" "$tmp/burst"
check "most of their units came from leases, not a statement each" \
	bash -c '[[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ && $2 -gt $1 && $(($1 + $2)) == 160 ]]' _ "$((db1 - db0))" "$((lease1 - lease0))"
check "within 3 s the count is exactly 1000 + 160 (units not used came back)" \
	wait_until 3 count_is 1160

# Near it: 160 requests with 120 units left.
set_used $((big - 120))
before=$(owned)
burst 160
made=$(($(owned) - before))
echo "# 160 requests with 120 units left: $(sort "$tmp/burst" | uniq -c | awk '{printf "%s×%s ", $1, $2}'); plans made: $made; count right after: $(used) of $big"
check "160 requests with 120 units left make at most 120 plans, the rest 429" \
	bash -c '[[ $1 -le 120 && $1 -ge 100 && $(grep -c "^201$" "$2") == "$1" && $(grep -vc "^201$" "$2") == $(grep -c "^429$" "$2") ]]' _ "$made" "$tmp/burst"
check "within 3 s the count is the quota less what was not made" \
	wait_until 3 count_is "$((big - 120 + made))"
rest=0
for i in $(seq $((120 - made))); do
	fetch "$CZ_BASE_URL/api/plans" -X POST "${KEY[@]}" --data "{\"calories\": 2000, \"days\": 1, \"seed\": $((1000 + i))}"
	[[ $HTTP_STATUS == 201 ]] && rest=$((rest + 1))
done
fetch "$CZ_BASE_URL/api/plans" -X POST "${KEY[@]}" --data '{"calories": 2000, "days": 1, "seed": 999}'
check "the units left make $((120 - made)) plans more ($rest), then 429: 120 in all" \
	bash -c '[[ $1 == "$2" && $3 == 429 && $4 == "$5" ]]' _ "$rest" "$((120 - made))" "$HTTP_STATUS" "$(used)" "$big"

echo "# test_plan_quota_race.sh: $((SECONDS - t0)) s"
finish
