#!/bin/bash
# test_legal.sh - the legal gate before plan generation: a new account
# must accept the current terms and privacy versions (403 with the URL to
# accept in the API, a 303 to /legal/accept?next=... for the form);
# acceptance is stored with its versions; when the configuration bumps
# terms_version (the pool restarted with the new file), users who accepted
# the old one are asked again. The configuration is restored at the end.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
user=legal-$$@example.org
tmp=$(_cz_tmp)
cp "$CZ_CONFIG" "$tmp/config.orig"
restore() {
	cp "$tmp/config.orig" "$CZ_CONFIG"
	pool_stop >/dev/null 2>&1
	pool_start >/dev/null 2>&1
	wait_until 20 curl -fsS -o /dev/null "$B/health/live"
}
trap restore EXIT
# A plan request that fails validation: past the gate it is a 400, so no
# foods are needed to tell the gate's answer from the planner's.
probe() { fetch "$B/api/plans" -X POST -H 'Content-Type: application/json' --data '{"calories": 10}' "${AUTH[@]}"; }

reset_limits
make_user "$user" "$pw"
login "$user" "$pw"
check "logged in" test -n "$SESSION"
probe
check "before accepting, POST /api/plans answers 403" test "$HTTP_STATUS" = 403
check "naming the URL to accept" jq -e '.error.accept_url == "/legal/accept" and (.error.message | contains("/legal/accept"))' <<<"$HTTP_BODY"
fetch "$B/api/me" "${AUTH[@]}"
check "/api/me says not accepted, with the current versions" jq -e '.legal.accepted == false and .legal.terms_version == "1.0"' <<<"$HTTP_BODY"
fetch "$B/api/legal/accept" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" --data '{"terms_version": "0.9", "privacy_version": "1.0"}'
check "accepting a version that is not current answers 409" test "$HTTP_STATUS" = 409
accept_legal
check "accepting the current versions answers 200" test "$HTTP_STATUS" = 200
probe
check "after accepting, the request reaches validation (400)" test "$HTTP_STATUS" = 400

# --- the configuration names new terms --------------------------------------------
sed -i '/^terms_version[[:space:]]*=/d' "$CZ_CONFIG"
echo "terms_version = 2.0" >>"$CZ_CONFIG"
pool_stop >/dev/null
pool_start >/dev/null
check "the pool restarts with terms_version 2.0" wait_until 20 curl -fsS -o /dev/null "$B/health/live"
fetch "$B/terms"
check "the terms page shows version 2.0" bash -c '[[ $1 == *"2.0"* ]]' _ "$HTTP_BODY"
probe
check "after the bump the same user is asked again (403)" test "$HTTP_STATUS" = 403
check "the message names the new version" jq -e '.error.message | contains("version 2.0")' <<<"$HTTP_BODY"
fetch "$B/plans" -X POST "${AUTH[@]}" --data 'calories=2000'
check "the form redirects to /legal/accept, back to the form as typed" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /legal/accept?next=%2Fplans%2Fnew%3Fcalories%3D2000" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$B/legal/accept?next=/plans/new" "${AUTH[@]}"
check "the acceptance page offers version 2.0" bash -c '[[ $1 == 200 && $2 == *"value=\"2.0\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$B/legal/accept" -X POST "${AUTH[@]}" \
	--data "terms_version=2.0&privacy_version=1.0&accept_terms=on&accept_privacy=on&next=//evil.example/"
check "accepting 2.0 redirects, never to another site" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /plans/new$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
probe
check "after accepting 2.0 the request passes the gate again" test "$HTTP_STATUS" = 400
check "both acceptances are stored with their versions" \
	test "$(psql_q "SELECT string_agg(terms_version || '/' || privacy_version, ',' ORDER BY a.id) FROM legal_acceptances a JOIN users u ON u.id = a.user_id WHERE u.email = '$user'")" = "1.0/1.0,2.0/1.0"
check "each acceptance is audited" \
	test "$(psql_q "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$user' AND a.event = 'legal.accepted'")" = 2

trap - EXIT
restore
check "the original configuration is back" wait_until 20 curl -fsS -o /dev/null "$B/health/live"
probe
check "with terms 1.0 again, the 1.0 acceptance still counts" test "$HTTP_STATUS" = 400
finish
