#!/bin/bash
# test_apikeys.sh - API keys: made on the account (JSON and the account
# page's form), shown once, stored as SHA-256 with a visible prefix; used
# with "Authorization: Bearer" on /api/* without CSRF; limited to their
# scopes; last use and daily requests recorded, and refused (429) past the
# tier's daily allowance; unable to manage accounts or keys; revoked keys
# and malformed headers are 401.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
command -v sha256sum >/dev/null || skip "sha256sum (coreutils) is missing"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
user=keys-$$@example.org
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
body_is() { jq -e "$1" <<<"$HTTP_BODY" >/dev/null 2>&1; }
reset_limits
planner_user "$user" "$pw"
check "a planner is signed in" test -n "$SESSION"
SAUTH=("${AUTH[@]}")

json "$B/api/keys" '{"name": "reader", "scopes": ["plans:read"]}' "${SAUTH[@]}"
check "POST /api/keys answers 201" test "$HTTP_STATUS" = 201
check "the key is cz_live_ and 43 characters, its prefix the first 16" \
	body_is '(.key | test("^cz_live_[A-Za-z0-9_-]{43}$")) and .prefix == .key[0:16] and .scopes == "{plans:read}"'
rkey=$(jq -r .key <<<"$HTTP_BODY")
rid=$(jq -r .id <<<"$HTTP_BODY")
rhash=$(printf '%s' "$rkey" | sha256sum | cut -d' ' -f1)
check "the database holds its SHA-256 and prefix" \
	test "$(psql_q "SELECT count(*) FROM api_keys WHERE id = $rid AND key_hash = '$rhash' AND prefix = '${rkey:0:16}'")" = 1
check "no row holds the key" \
	test "$(psql_q "SELECT (SELECT count(*) FROM api_keys k WHERE strpos(row_to_json(k)::text, '$rkey') > 0) + (SELECT count(*) FROM audit_log a WHERE strpos(row_to_json(a)::text, '$rkey') > 0)")" = 0
fetch "$B/api/keys" "${SAUTH[@]}"
check "GET /api/keys lists it by prefix, never the key" \
	bash -c 'jq -e ".keys[0].prefix == \"${2:0:16}\" and .keys[0].name == \"reader\"" <<<"$1" >/dev/null && [[ $1 != *"$2"* ]]' _ "$HTTP_BODY" "$rkey"
json "$B/api/keys" '{"name": "bad", "scopes": ["admin:all"]}' "${SAUTH[@]}"
check "an unknown scope is refused (400)" test "$HTTP_STATUS" = 400
json "$B/api/keys" '{"name": "", "scopes": ["plans:read"]}' "${SAUTH[@]}"
check "a key needs a name (400)" test "$HTTP_STATUS" = 400

R=(-H "Authorization: Bearer $rkey")
fetch "$B/api/me" "${R[@]}"
check "the key authenticates GET /api/me" body_is ".email == \"$user\" and (has(\"csrf_token\") | not)"
fetch "$B/api/plans/999999999" "${R[@]}"
check "a plans:read key reads plans (an unknown one is 404)" test "$HTTP_STATUS" = 404
json "$B/api/plans" '{"calories": 10}' "${R[@]}"
check "a plans:read key cannot make plans (403 naming the scope)" \
	bash -c '[[ $1 == 403 ]] && jq -e ".error.message | contains(\"plans:write\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"

json "$B/api/keys" '{"name": "writer", "scopes": ["plans:read", "plans:write"]}' "${SAUTH[@]}"
wkey=$(jq -r .key <<<"$HTTP_BODY")
wid=$(jq -r .id <<<"$HTTP_BODY")
W=(-H "Authorization: Bearer $wkey")
json "$B/api/plans" '{"calories": 10}' "${W[@]}"
check "a plans:write key passes auth, CSRF and the gate without a cookie (400 from validation)" \
	bash -c '[[ $1 == 400 ]] && jq -e ".errors.calories" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
json "$B/api/plans" '{"calories": 10}' "${W[@]}" -H "Origin: https://evil.example"
check "a key request is exempt from the Origin check" test "$HTTP_STATUS" = 400
check "last use is recorded" test "$(psql_q "SELECT last_used_at IS NOT NULL FROM api_keys WHERE id = $wid")" = t
# The responders add their tallies a second after the first count, idle
# or not (fcgi/key_usage.h): the row shows them within a few seconds.
usage_is() { # KEY_ID COLUMNS EXPECTED: the key's row of today
	test "$(psql_q "SELECT $2 FROM api_key_usage WHERE key_id = $1 AND day = (now() AT TIME ZONE 'UTC')::date")" = "$3"
}
check "requests are counted per key and day (added within 5 s)" \
	wait_until 5 usage_is "$wid" requests 2

json "$B/api/keys" '{"name": "sneaky", "scopes": ["plans:read"]}' "${W[@]}"
check "a key cannot make keys (403)" test "$HTTP_STATUS" = 403
json "$B/api/account/password" "{\"current_password\": \"$pw\", \"new_password\": \"plum comet 42x\"}" "${W[@]}"
check "a key cannot change the password (403)" test "$HTTP_STATUS" = 403
fetch "$B/account" "${W[@]}"
check "the header means nothing outside /api/ (the page redirects to /login)" test "$HTTP_STATUS" = 303

psql_q "UPDATE api_key_usage SET requests = 5000 WHERE key_id = $wid AND day = (now() AT TIME ZONE 'UTC')::date" >/dev/null
# A worker keeps a key it looked up, with its count of the day, for up to
# a second (lib/key_cache.h); responders add to the count once a second
# anyway. The count set here by hand is read once that second is over.
sleep 1.1
fetch "$B/api/me" "${W[@]}"
check "past the free tier's 5000 requests a day the key gets 429 with Retry-After" \
	bash -c '[[ $1 == 429 ]] && grep -Eqi "^retry-after: [1-9][0-9]*$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
check "and the refusal is audited" \
	test "$(psql_q "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$user' AND a.event = 'rate_limit.hit' AND a.detail->>'scope' = 'apikey.requests'")" = 1

# Every worker keeps the key it looked up for a second (lib/key_cache.h):
# a burst of requests finds it there, and revoking it must still stop it
# at once on every worker (PostgreSQL notifies them: sql/039).
cache_hits() {
	fetch "$B/metrics"
	sed -n 's/^cibozer_apikey_lookups_total{source="cache"} //p' <<<"$HTTP_BODY"
}
burst=$((4 * CZ_WORKERS))
answered() { # STATUS CURL-ARGS...: how many of $burst GET /api/me answer STATUS
	local n=0
	for _ in $(seq "$burst"); do
		fetch "$B/api/me" "${@:2}"
		[[ $HTTP_STATUS == "$1" ]] && n=$((n + 1))
	done
	echo "$n"
}
hits0=$(cache_hits)
ok=$(answered 200 "${R[@]}")
hits1=$(cache_hits)
echo "# cache hits for API keys: ${hits0:-none} before the burst, ${hits1:-none} after"
check "a burst with one key is answered from the workers' cache" \
	bash -c '[[ $1 == "$2" && $3 =~ ^[0-9]+$ && $4 =~ ^[0-9]+$ && $4 -gt $3 ]]' _ "$ok" "$burst" "${hits0:-x}" "${hits1:-x}"
json "$B/api/keys/$rid/revoke" '{}' "${SAUTH[@]}"
check "revoking answers 200" body_is '.status == "revoked"'
fetch "$B/api/me" "${R[@]}"
check "a revoked key is 401 with WWW-Authenticate" \
	bash -c '[[ $1 == 401 ]] && grep -qi "^www-authenticate: Bearer" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
refused=$(answered 401 "${R[@]}")
check "at once: $burst requests after it, $refused refused" test "$refused" = "$burst"
json "$B/api/keys/$rid/revoke" '{}' "${SAUTH[@]}"
check "revoking it again is 404" test "$HTTP_STATUS" = 404
for h in "Bearer nonsense" "Basic dXNlcjpwdw==" "Bearer cz_live_short" "Bearer ${wkey}x"; do
	fetch "$B/api/me" -H "Authorization: $h"
	check "Authorization: ${h:0:20}... is 401" test "$HTTP_STATUS" = 401
done

other=keys-other-$$@example.org
make_user "$other" "$pw"
login "$other" "$pw"
json "$B/api/keys/$wid/revoke" '{}' "${AUTH[@]}"
check "another user cannot revoke the key (404)" test "$HTTP_STATUS" = 404

# The account page's form: the key is shown once, then only its prefix.
fetch "$B/account/keys" -X POST "${SAUTH[@]}" --data "csrf_token=$CSRF&name=page+key&scopes=plans:read&scopes=videos:read"
pkey=$(grep -o 'cz_live_[A-Za-z0-9_-]\{43\}' <<<"$HTTP_BODY" | head -n 1)
check "the form shows the new key once (201)" bash -c '[[ $1 == 201 && -n $2 && $3 == *"shown only this once"* ]]' _ "$HTTP_STATUS" "$pkey" "$HTTP_BODY"
AUTH=("${SAUTH[@]}")
fetch "$B/account" "${AUTH[@]}"
check "the account page lists it by prefix without the secret" \
	bash -c '[[ $1 == *"${2:0:16}"* && $1 != *"$2"* && $1 == *"plans:read videos:read"* ]]' _ "$HTTP_BODY" "$pkey"
# shellcheck disable=SC2016
check "its times read as date and minute, the ISO form kept in datetime" \
	bash -c 're="<time datetime=\"([0-9-]{10})T([0-9]{2}:[0-9]{2}):[0-9]{2}Z\">([0-9-]{10}) ([0-9]{2}:[0-9]{2})</time>"; [[ $1 =~ $re && ${BASH_REMATCH[1]} == "${BASH_REMATCH[3]}" && ${BASH_REMATCH[2]} == "${BASH_REMATCH[4]}" ]]' _ "$HTTP_BODY"
pid=$(psql_q "SELECT id FROM api_keys WHERE prefix = '${pkey:0:16}'")
fetch "$B/account/keys/$pid/revoke" -X POST "${AUTH[@]}" --data ''
check "the page's revoke button redirects back (303)" test "$HTTP_STATUS" = 303
check "creations and revocations are audited" \
	test "$(psql_q "SELECT count(*) FILTER (WHERE event = 'apikey.created') || '/' || count(*) FILTER (WHERE event = 'apikey.revoked') FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$user'")" = "3/2"

# Usage per key and day: requests, plans and videos, shown on the page
# and by GET /api/keys. A video needs a verified address, a plan the foods.
need_foods
psql_q "UPDATE users SET email_verified_at = now() WHERE email = '$user'" >/dev/null
json "$B/api/keys" '{"name": "maker", "scopes": ["plans:read", "plans:write", "videos:read", "videos:write"]}' "${SAUTH[@]}"
mkey=$(jq -r .key <<<"$HTTP_BODY")
mid=$(jq -r .id <<<"$HTTP_BODY")
M=(-H "Authorization: Bearer $mkey")
json "$B/api/plans" '{"calories": 2000, "days": 1, "seed": 2}' "${M[@]}"
mplan=$(jq -r '.id // empty' <<<"$HTTP_BODY")
check "the key makes a plan (201)" test "$HTTP_STATUS" = 201
json "$B/api/plans/${mplan:-0}/videos" '{"platform": "tiktok"}' "${M[@]}"
check "and requests its video (202)" test "$HTTP_STATUS" = 202
json "$B/api/plans/${mplan:-0}/videos" '{"platform": "tiktok"}' "${M[@]}"
check "asking again returns the same job" test "$HTTP_STATUS" = 200 -o "$HTTP_STATUS" = 202
check "the key's day counts 3 requests, 1 plan and 1 video (the repeat made none)" \
	wait_until 5 usage_is "${mid:-0}" "requests || '/' || plans || '/' || videos" 3/1/1
fetch "$B/api/keys" "${SAUTH[@]}"
check "GET /api/keys shows them" \
	jq -e --argjson id "${mid:-0}" '.keys[] | select(.id == $id) | .requests_today == 3 and .plans_today == 1 and .videos_today == 1' <<<"$HTTP_BODY"
fetch "$B/account" "${SAUTH[@]}"
check "and so does the account page" bash -c '[[ $1 == *"<td>3, 1, 1</td>"* ]]' _ "$HTTP_BODY"
psql_q "DELETE FROM video_jobs WHERE plan_id = ${mplan:-0}" >/dev/null

# A responder that stops (SIGTERM: a restart, a reload, an upgrade) adds
# what it tallied on its way out: a request answered just before the pool
# stops is counted once the pool has stopped, not lost with the process.
fetch "$B/api/me" "${M[@]}"
held=$(psql_q "SELECT requests FROM api_key_usage WHERE key_id = ${mid:-0} AND day = (now() AT TIME ZONE 'UTC')::date")
pool_stop
stopped=$(psql_q "SELECT requests FROM api_key_usage WHERE key_id = ${mid:-0} AND day = (now() AT TIME ZONE 'UTC')::date")
pool_start >/dev/null || fail "restart the responder pool"
echo "# requests of the key in the row: $held just after the answer, $stopped once the pool stopped"
check "a stopping responder adds its tally: 4 requests once the pool stopped" test "$stopped" = 4

# Workers take the notifications between requests, not only before a key
# lookup: one answering no API request kept every notification in libpq's
# list (about 60 bytes each, for as long as it lived). Rounds of 50,000
# distinct notifications and page requests: the first may grow libpq's
# read buffer once; the next six must leave the workers' memory flat. Six,
# and 8 MB: a worker that keeps them grows 3 MB a round (18 MB), while one
# that takes them may still hold a whole round's at once when it was busy
# as they came (its heap's peak, up to 3 MB a worker: 2.2 MB was seen
# after two rounds on a loaded CI host).
workers_rss() {
	local p s=0
	for p in $(cat /proc/"$(pool_pid)"/task/*/children); do
		s=$((s + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status")))
	done
	echo "$s"
}
notify_round() {
	psql_q "SELECT count(pg_notify('cz_auth', g::text)) FROM generate_series(1, 50000) g" >/dev/null
	sleep 1
	for _ in $(seq "$burst"); do fetch "$B/health/ready"; done
}
notify_round
rss1=$(workers_rss)
for _ in 1 2 3 4 5 6; do notify_round; done
rss2=$(workers_rss)
echo "# the workers' memory after one round of 50,000 notifications: $rss1 kB; after six more: $rss2 kB"
check "notifications do not pile up in a worker ($rss1 -> $rss2 kB, at most 8 MB more)" \
	test "$((rss2 - rss1))" -lt 8192

# An account disabled by hand (cibozer-admin, psql) stops its keys at once
# on every worker, though each had just kept the key.
kept=$(answered 200 "${M[@]}")
psql_q "UPDATE users SET disabled_at = now() WHERE email = '$user'" >/dev/null
refused=$(answered 401 "${M[@]}")
check "a disabled account's key ($kept of $burst answered just before) is 401 at once: $refused of $burst" \
	test "$kept/$refused" = "$burst/$burst"
finish
