#!/bin/bash
# test_activity.sh - an account holder reads their own audit entries
# (GET /account/activity, GET /api/account/activity): their events with
# address and user agent, nobody else's, newest first, 50 a page by
# keyset; shown escaped (a user agent is the client's to choose); a
# session only (an API key gets 403); anonymous pages go to the log-in.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
user=activity-$$@example.org
other=activity-other-$$@example.org
ua='<script>alert(1)</script> ActivityTest/1.0'
reset_limits
make_user "$user" "$pw"
make_user "$other" "$pw"
fetch "$B/api/login" -X POST -H 'Content-Type: application/json' -A "$ua" --interface 127.0.4.9 \
	--data-binary "{\"email\": \"$user\", \"password\": \"wrong one\"}"
check "a failed log-in first (401)" test "$HTTP_STATUS" = 401
login "$other" "$pw"
login "$user" "$pw"
uid=$(psql_q "SELECT id FROM users WHERE email = '$user'")

fetch "$B/api/account/activity" "${AUTH[@]}"
check "GET /api/account/activity answers 200 with entries" \
	bash -c '[[ $1 == 200 ]] && jq -e ".entries | length >= 2" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
check "newest first: the log-in, then the failed attempt" \
	jq -e '[.entries[].event] | .[0] == "login.success" and index("login.failure") > 0' <<<"$HTTP_BODY"
check "the failed attempt carries its address, user agent and reason" \
	jq -e --arg ua "$ua" '.entries[] | select(.event == "login.failure") | .address == "127.0.4.9" and .user_agent == $ua and .detail.reason == "bad_password"' <<<"$HTTP_BODY"
check "only the account's own entries" \
	test "$(jq '.entries | length' <<<"$HTTP_BODY")" = "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = $uid")"
check "no next page for a few entries" jq -e '.next_before == null' <<<"$HTTP_BODY"

fetch "$B/account/activity" "${AUTH[@]}"
check "the page lists them, the user agent escaped" \
	bash -c '[[ $1 == 200 && $2 == *"login.failure"* && $2 == *"&lt;script&gt;alert(1)&lt;/script&gt; ActivityTest/1.0"* && $2 != *"<script>alert(1)"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "with the disclaimers" bash -c '[[ $1 == *"NOT intended to provide medical advice"* ]]' _ "$HTTP_BODY"
# shellcheck disable=SC2016
check "times read as date and time, the ISO form kept in datetime" \
	bash -c 're="<time datetime=\"([0-9-]{10})T([0-9:]{8})Z\">([0-9-]{10}) ([0-9:]{8})</time>"; [[ $1 =~ $re && ${BASH_REMATCH[1]} == "${BASH_REMATCH[3]}" && ${BASH_REMATCH[2]} == "${BASH_REMATCH[4]}" ]]' _ "$HTTP_BODY"
fetch "$B/account" "${AUTH[@]}"
check "the account page links to it" bash -c '[[ $1 == *"href=\"/account/activity\""* ]]' _ "$HTTP_BODY"

# Pages: 60 more entries make two pages of 50.
psql_q "INSERT INTO audit_log (account_id, event, detail) SELECT $uid, 'plan.generated', jsonb_build_object('plan_id', g) FROM generate_series(1, 60) g" >/dev/null
fetch "$B/api/account/activity" "${AUTH[@]}"
first=$HTTP_BODY
next=$(jq -r '.next_before // empty' <<<"$first")
check "a full page holds 50 entries and names the next" \
	bash -c '[[ $(jq ".entries | length" <<<"$1") == 50 && -n $2 ]]' _ "$first" "$next"
fetch "$B/api/account/activity?before=$next" "${AUTH[@]}"
check "the next page continues below it without overlap" \
	jq -e --argjson n "${next:-0}" --argjson total "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = $uid")" \
	'(.entries | length) == ($total - 50) and all(.entries[]; .id < $n)' <<<"$HTTP_BODY"
fetch "$B/account/activity" "${AUTH[@]}"
check "the page links to older entries" bash -c '[[ $1 == *"href=\"/account/activity?before=$2\""* ]]' _ "$HTTP_BODY" "$next"
fetch "$B/api/account/activity?before=abc" "${AUTH[@]}"
check "a bad before is a 400" test "$HTTP_STATUS" = 400

# Who may read it.
fetch "$B/api/keys" -X POST "${AUTH[@]}" -H 'Content-Type: application/json' \
	--data '{"name": "activity", "scopes": ["plans:read", "plans:write", "videos:read", "videos:write"]}'
key=$(jq -r '.key // empty' <<<"$HTTP_BODY")
fetch "$B/api/account/activity" -H "Authorization: Bearer $key"
check "an API key, even with every scope, gets 403" test "$HTTP_STATUS" = 403
fetch "$B/api/account/activity"
check "nobody signed in: 401" test "$HTTP_STATUS" = 401
fetch "$B/account/activity"
check "the page sends an anonymous visitor to the log-in" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /login?next=/account/activity" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
reset_limits
finish
