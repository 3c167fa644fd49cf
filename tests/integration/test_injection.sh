#!/bin/bash
# test_injection.sh - SQL injection and XSS payloads in every field of every
# form and JSON endpoint, and in the query strings of the list pages, are
# refused or stored and shown inert:
#   - no answer is a 5xx, and no responder dies;
#   - no HTML answer holds a payload's markup unescaped, nor a
#     javascript: URL in an attribute, nor a redirect to one;
#   - JSON answers are application/json with nosniff;
#   - the database keeps its tables and rows (DROP TABLE did nothing);
#   - what is stored (an API key's name, an address with a quote) comes
#     back byte for byte from the JSON API and escaped on the pages.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
user=inject-$$@example.org
need_foods
reset_limits
planner_user "$user" "$pw" || fail "set up a signed-in planner" "log-in failed"
psql_q "UPDATE users SET email_verified_at = now() WHERE email = '$user'" >/dev/null
uid=$(psql_q "SELECT id FROM users WHERE email = '$user'")
fetch "$B/api/plans" -X POST "${AUTH[@]}" -H 'Content-Type: application/json' \
	--data '{"calories": 2000, "days": 1, "seed": 3}'
plan=$(jq -r '.id // empty' <<<"$HTTP_BODY")
check "a plan to aim the plan routes at" test -n "$plan"
psql_q "INSERT INTO video_jobs (plan_id, preset) VALUES (${plan:-0}, 'tiktok')" >/dev/null
video=$(psql_q "SELECT max(id) FROM video_jobs WHERE plan_id = ${plan:-0}")
check "a video job to aim the progress API at" test -n "$video"
food=$(psql_q "SELECT min(ndb) FROM catalog_ingredients")

PAYLOADS=(
	"'; DROP TABLE users;--"
	'<script>alert(1)</script>'
	'"><img src=x onerror=alert(1)>'
	'javascript:alert(1)'
)
users_before=$(psql_q "SELECT count(*) FROM users")
crashes_before=$(grep -c '"worker [0-9]* \(killed\|exited\)' "$CZ_POOL_LOG" || true)

# The endpoints: METHOD PATH KIND FIELD=DEFAULT... (KIND form or json; a
# default is a valid value; "@" marks a JSON array member; csp is JSON
# sent as application/csp-report). Every
# field is tried with every payload, the other fields at their defaults.
# Passwords default to a wrong one, so nothing is changed or deleted.
ENDPOINTS=(
	"POST /register form email=new-$$@example.org password=plum-comet-42x"
	"POST /api/register json email=new-$$@example.org password=plum-comet-42x"
	"POST /login form email=$user password=wrong-one next=/plans"
	"POST /api/login json email=$user password=wrong-one"
	"POST /account/password form current_password=wrong-one new_password=plum-comet-42x"
	"POST /api/account/password json current_password=wrong-one new_password=plum-comet-42x"
	"POST /account/email form password=wrong-one email=other-$$@example.org"
	"POST /api/account/email json password=wrong-one email=other-$$@example.org"
	"POST /account/keys form name=ci scopes=plans:read"
	"POST /api/keys json name=ci scopes=@plans:read"
	"POST /legal/accept form terms_version=0 privacy_version=0 accept_terms=on accept_privacy=on next=/plans"
	"POST /api/legal/accept json terms_version=0 privacy_version=0"
	"POST /password-reset form email=nobody-$$@example.org"
	"POST /api/password-reset json email=nobody-$$@example.org"
	"POST /password-reset/confirm form token=abc new_password=plum-comet-42x"
	"POST /api/password-reset/confirm json token=abc new_password=plum-comet-42x"
	"POST /verify-email form token=abc"
	"POST /api/verify-email json token=abc"
	"POST /account/delete form password=wrong-one confirm=on"
	"POST /api/account/delete json password=wrong-one confirm=true"
	"POST /plans form calories=2000 diet_type=standard meal_pattern=3_meals restrictions=nut_free excluded_foods=$food profile=athlete days=1 seed=4"
	"POST /api/plans json calories=2000 diet_type=standard meal_pattern=3_meals restrictions=@nut_free excluded_foods=@$food profile=athlete days=1 seed=4"
	"POST /plans/${plan:-0}/meals/1/breakfast/regenerate form seed=5"
	"POST /api/plans/${plan:-0}/days/1/regenerate json seed=5"
	"POST /plans/${plan:-0}/videos form platform=tiktok"
	"POST /api/plans/${plan:-0}/videos json platform=tiktok"
	"POST /api/videos/${video:-0}/progress json position=3 watched=false"
	"POST /csp-report csp violated-directive=img-src blocked-uri=https://x.example document-uri=$B/"
	"GET /plans query before=10"
	"GET /videos query before=10"
	"GET /login query next=/plans"
	"GET /plans/new query calories=2000"
)

# send METHOD PATH KIND FIELD PAYLOAD FIELD=DEFAULT...: one request with
# FIELD set to PAYLOAD (HTTP_STATUS, HTTP_HEADERS, HTTP_BODY set).
send() {
	local method=$1 path=$2 kind=$3 target=$4 payload=$5 kv name val json='{}' q=""
	local -a args=()
	shift 5
	for kv in "$@"; do
		name=${kv%%=*}
		val=${kv#*=}
		if [[ $name == "$target" ]]; then
			if [[ $val == @* ]]; then val=@$payload; else val=$payload; fi
		fi
		case $kind in
		form) args+=(--data-urlencode "$name=${val#@}") ;;
		query) q+="${q:+&}$(jq -rn --arg v "$name" '$v|@uri')=$(jq -rn --arg v "$val" '$v|@uri')" ;;
		json | csp)
			if [[ $val == @* ]]; then
				json=$(jq -c --arg k "$name" --arg v "${val#@}" '.[$k] = [$v]' <<<"$json")
			elif [[ $name != "$target" && $val =~ ^[0-9]+$|^true$|^false$ ]]; then
				json=$(jq -c --arg k "$name" --argjson v "$val" '.[$k] = $v' <<<"$json")
			else
				json=$(jq -c --arg k "$name" --arg v "$val" '.[$k] = $v' <<<"$json")
			fi ;;
		esac
	done
	# Each request from its own loopback address, so that nginx's limit
	# on the log-in and registration forms (a burst of 5 per address)
	# answers none of them before the responder sees it.
	src=$((src % 250 + 1))
	args+=(--interface "127.0.1.$src")
	case $kind in
	form) fetch "$B$path" -X POST "${AUTH[@]}" --data-urlencode "csrf_token=$CSRF" "${args[@]}" ;;
	json) fetch "$B$path" -X POST "${AUTH[@]}" -H 'Content-Type: application/json' --data-binary "$json" "${args[@]}" ;;
	csp) fetch "$B$path" -X POST "${AUTH[@]}" -H 'Content-Type: application/csp-report' \
		--data-binary "$(jq -c '{"csp-report": .}' <<<"$json")" "${args[@]}" ;;
	query) fetch "$B$path?$q" "${AUTH[@]}" "${args[@]}" ;;
	esac
}

# inert: the last answer shows no payload live. Prints what is wrong.
inert() {
	local ctype status=$HTTP_STATUS
	ctype=$(sed -n 's/^content-type: *//Ip' <<<"$HTTP_HEADERS" | tail -n 1)
	[[ $status =~ ^[234][0-9][0-9]$ && $status != 000 ]] || { echo "status $status"; return 1; }
	[[ $status != 5* ]] || { echo "status $status"; return 1; }
	if grep -Eqi '^location: *(javascript:|//|https?://[^/]*evil)' <<<"$HTTP_HEADERS"; then
		echo "redirect: $(grep -i '^location' <<<"$HTTP_HEADERS")"; return 1
	fi
	case $ctype in
	text/html*)
		if [[ $HTTP_BODY == *'<script>alert(1)</script>'* || $HTTP_BODY == *'<img src=x onerror'* ]]; then
			echo "raw markup in the HTML"; return 1
		fi
		if grep -Eqi '(href|src|action|formaction)= *"? *javascript:' <<<"$HTTP_BODY"; then
			echo "a javascript: URL in an attribute"; return 1
		fi ;;
	application/json*)
		grep -qi '^x-content-type-options: nosniff' <<<"$HTTP_HEADERS" || { echo "JSON without nosniff"; return 1; }
		jq -e . >/dev/null 2>&1 <<<"$HTTP_BODY" || { echo "not JSON"; return 1; } ;;
	'') [[ -z $HTTP_BODY || $status == 204 || $status == 3* ]] || { echo "a body without a type"; return 1; } ;;
	*) [[ $ctype == text/plain* ]] || { echo "content type $ctype"; return 1; } ;;
	esac
}

tried=0
src=0
for ep in "${ENDPOINTS[@]}"; do
	read -r -a parts <<<"$ep"
	method=${parts[0]} path=${parts[1]} kind=${parts[2]}
	fields=("${parts[@]:3}")
	bad=()
	statuses=""
	for kv in "${fields[@]}"; do
		for p in "${PAYLOADS[@]}"; do
			reset_limits
			send "$method" "$path" "$kind" "${kv%%=*}" "$p" "${fields[@]}"
			tried=$((tried + 1))
			statuses+="${statuses:+ }$HTTP_STATUS"
			why=$(inert) || bad+=("${kv%%=*}=$p: $why")
		done
	done
	echo "# $method $path ($kind):$(tr ' ' '\n' <<<"$statuses" | sort | uniq -c | awk '{printf " %s×%s", $2, $1}')"
	check "$method $path ($kind): every payload in every field answered inert" \
		bash -c '(( $# == 0 )) || { printf "%s\n" "$@"; false; }' _ "${bad[@]}"
	# The signed-in user stays signed in (no payload changed the account).
	fetch "$B/api/me" "${AUTH[@]}"
	[[ $HTTP_STATUS == 200 ]] || { login "$user" "$pw" || true; }
done
echo "# $tried requests"

check "the database still has every table and its users (none dropped)" \
	sql_yes "SELECT (SELECT count(*) FROM users) >= $users_before AND to_regclass('plans') IS NOT NULL AND to_regclass('audit_log') IS NOT NULL AND to_regclass('sessions') IS NOT NULL"
check "no responder died" \
	test "$(grep -c '"worker [0-9]* \(killed\|exited\)' "$CZ_POOL_LOG" || true)" = "$crashes_before"
check "the pool still answers" expect_status "$B/health/ready" 200

# Stored and shown inert: API keys named by each payload.
login "$user" "$pw"
for p in "${PAYLOADS[@]}"; do
	fetch "$B/api/keys" -X POST "${AUTH[@]}" -H 'Content-Type: application/json' \
		--data-binary "$(jq -cn --arg n "$p" '{name: $n, scopes: ["plans:read"]}')"
	[[ $HTTP_STATUS == 201 ]] || fail "an API key named $p is created" "got $HTTP_STATUS: $HTTP_BODY"
done
fetch "$B/api/keys" "${AUTH[@]}"
names=$(jq -r '.. | objects | .name? // empty' <<<"$HTTP_BODY" 2>/dev/null)
for p in "${PAYLOADS[@]}"; do
	check "the key named $p comes back byte for byte from GET /api/keys" grep -Fqx -- "$p" <<<"$names"
done
check "the payload names are stored as given" \
	sql_yes "SELECT count(*) = 4 FROM api_keys WHERE user_id = $uid AND name IN ('''; DROP TABLE users;--', '<script>alert(1)</script>', '\"><img src=x onerror=alert(1)>', 'javascript:alert(1)')"
fetch "$B/account" "${AUTH[@]}"
check "the account page lists the keys them escaped" \
	bash -c '[[ $1 == 200 && $2 == *"&lt;script&gt;alert(1)&lt;/script&gt;"* && $2 == *"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"* && $2 != *"<script>alert(1)"* && $2 != *"<img src=x"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "and the SQL payload as text" \
	bash -c '[[ $1 == *"&#39;; DROP TABLE users;--"* || $1 == *"&#x27;; DROP TABLE users;--"* || $1 == *"'"'"'; DROP TABLE users;--"* ]]' _ "$HTTP_BODY"

# An address with a quote and SQL comment characters is a valid address:
# stored and shown as given.
odd="o'reilly--$$@example.org"
fetch "$B/api/register" -X POST -H 'Content-Type: application/json' \
	--data-binary "$(jq -cn --arg e "$odd" --arg p "plum comet 42x" '{email: $e, password: $p}')"
check "an address with a quote registers (202)" test "$HTTP_STATUS" = 202
check "and is stored as given" sql_yes "SELECT count(*) = 1 FROM users WHERE email = 'o''reilly--$$@example.org'"
login "$odd" "plum comet 42x"
fetch "$B/api/me" "${AUTH[@]}"
check "GET /api/me gives it back byte for byte" test "$(jq -r .email <<<"$HTTP_BODY")" = "$odd"
fetch "$B/account" "${AUTH[@]}"
check "the account page shows it escaped" \
	bash -c '[[ $1 == 200 && ( $2 == *"o&#39;reilly--"* || $2 == *"o&#x27;reilly--"* ) ]]' _ "$HTTP_STATUS" "$HTTP_BODY"

# The video job was only a target for the progress API: no later test's
# renderer (they take the queue in order) should spend time on it.
psql_q "DELETE FROM video_jobs WHERE plan_id = ${plan:-0} AND state = 'queued'" >/dev/null

finish
