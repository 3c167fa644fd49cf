#!/bin/bash
# test_privacy.sh - the rights of the privacy policy: /account/export (a
# JSON copy of the account's data, never a credential or its digest) and
# /account/delete (password again; sessions end, keys are revoked, log-in
# fails as for a wrong password, the address is not reusable until the
# purge; audited).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
user=privacy-$$@example.org
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
reset_limits
planner_user "$user" "$pw"
check "a user signed in and accepted the terms" test -n "$SESSION"
json "$B/api/keys" '{"name": "export me", "scopes": ["plans:read"]}' "${AUTH[@]}"
key=$(jq -r .key <<<"$HTTP_BODY")

fetch "$B/account/export" "${AUTH[@]}"
check "GET /account/export answers 200 as a JSON download" \
	bash -c '[[ $1 == 200 ]] && grep -qi "^content-disposition: attachment; filename=\"cibozer-export.json\"" <<<"$2" && grep -qi "^content-type: application/json" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
export_body=$HTTP_BODY
check "it holds the account, its acceptance, session, key and audit entries" \
	jq -e ".account.email == \"$user\" and (.legal_acceptances | length == 1) and (.sessions | length >= 1) and (.api_keys[0].name == \"export me\") and ([.audit_log[].event] | index(\"login.success\") != null)" <<<"$export_body"
check "it holds no password hash, token digest, session token or key" \
	bash -c '[[ $1 != *argon2id* && $1 != *token_hash* && $1 != *key_hash* && $1 != *"$2"* && $1 != *"$3"* && $1 != *"$4"* ]]' _ "$export_body" "$SESSION" "$key" "$CSRF"
fetch "$B/account/export"
check "signed out, /account/export redirects to the log-in page" test "$HTTP_STATUS" = 303
fetch "$B/api/account/export" -H "Authorization: Bearer $key"
check "an API key cannot export (403)" test "$HTTP_STATUS" = 403

fetch "$B/account/delete" "${AUTH[@]}"
check "the delete page asks for the password and a confirmation" \
	bash -c '[[ $1 == 200 && $2 == *"name=\"password\""* && $2 == *"name=\"confirm\""* && $2 == *"30 days"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$B/account/delete" -X POST "${AUTH[@]}" --data-urlencode "password=$pw"
check "without the box ticked nothing is deleted (400)" test "$HTTP_STATUS" = 400
json "$B/api/account/delete" '{"password": "not the password"}' "${AUTH[@]}"
check "a wrong password is refused (403)" test "$HTTP_STATUS" = 403
check "the account is still there" test "$(psql_q "SELECT deleted_at IS NULL FROM users WHERE email = '$user'")" = t
fetch "$B/account/delete" -X POST "${AUTH[@]}" --data-urlencode "password=$pw" --data 'confirm=on'
check "deleting redirects home and clears the cookie" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^set-cookie: __Host-cibozer=; .*Max-Age=0" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
check "the account is marked deleted and disabled" \
	test "$(psql_q "SELECT deleted_at IS NOT NULL AND disabled_at IS NOT NULL FROM users WHERE email = '$user'")" = t
check "its sessions are gone" \
	test "$(psql_q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '$user'")" = 0
check "its keys are revoked" \
	test "$(psql_q "SELECT count(*) FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.email = '$user' AND k.revoked_at IS NULL")" = 0
fetch "$B/api/me" -H "Authorization: Bearer $key"
check "the key no longer works (401)" test "$HTTP_STATUS" = 401
json "$B/api/login" "{\"email\": \"$user\", \"password\": \"$pw\"}"
deleted="$HTTP_STATUS $HTTP_BODY"
json "$B/api/login" "{\"email\": \"nobody-$$@example.org\", \"password\": \"$pw\"}"
check "log-in to the deleted account fails exactly as for an unknown address" test "$deleted" = "$HTTP_STATUS $HTTP_BODY"
check "the deletion is audited" \
	test "$(psql_q "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$user' AND a.event IN ('account.exported', 'account.deleted')")" = 2
reset_limits
finish
