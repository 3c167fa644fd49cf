#!/bin/bash
# test_mail_links.sh - the links sent through the mail outbox: a new
# account gets a confirmation link (the page's button confirms, once; the
# unverified banner goes); a password reset answers the same for known and
# unknown addresses, queues a link only for a known one, sets the new
# password once (policy checked first), ends every session, and refuses a
# used or expired link. No mail leaves the machine: the outbox is read.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
reset_limits

# --- confirmation -------------------------------------------------------------
user=links-$$@example.org
json "$B/api/register" "{\"email\": \"$user\", \"password\": \"$pw\"}"
check "registration queues a confirmation mail" \
	test "$(psql_q "SELECT count(*) FROM mail_outbox WHERE recipient = '$user' AND subject LIKE 'Confirm your e-mail address%' AND status = 'queued'")" = 1
tok=$(token_in_mail "$user" verify-email)
mail=$(psql_q "SELECT body FROM mail_outbox WHERE recipient = '$user'")
check "the mail carries a link with a token on base_url" \
	bash -c '[[ $1 =~ ^[A-Za-z0-9_-]{43}$ && $3 == *"$2/verify-email?token=$1"* ]]' _ "$tok" "$B" "$mail"
check "the token is stored only as its SHA-256" \
	test "$(psql_q "SELECT count(*) FROM user_tokens WHERE token_hash = encode(sha256(convert_to('$tok', 'UTF8')), 'hex') AND purpose = 'verify_email' AND used_at IS NULL")" = 1
check "and the mail has the disclaimer" bash -c '[[ $1 == *"Food and Drug Administration"* ]]' _ "$mail"
login "$user" "$pw"
fetch "$B/account" "${AUTH[@]}"
check "before confirming, pages show the unverified banner" bash -c '[[ $1 == *"not confirmed yet"* ]]' _ "$HTTP_BODY"
fetch "$B/verify-email?token=$tok"
check "following the link shows a page with a confirm button, changing nothing" \
	bash -c '[[ $1 == 200 && $2 == *"value=\"$3\""* && $4 == t ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$tok" \
	"$(psql_q "SELECT email_verified_at IS NULL FROM users WHERE email = '$user'")"
fetch "$B/verify-email" -X POST "${AUTH[@]}" --data "token=$tok"
check "the button confirms the address (200)" bash -c '[[ $1 == 200 && $2 == *"is confirmed"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "the account is verified" test "$(psql_q "SELECT email_verified_at IS NOT NULL FROM users WHERE email = '$user'")" = t
fetch "$B/account" "${AUTH[@]}"
check "the banner is gone" bash -c '[[ $1 == 200 && $2 != *"not confirmed yet"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
json "$B/api/verify-email" "{\"token\": \"$tok\"}"
check "the link works once (400 the second time)" test "$HTTP_STATUS" = 400
fetch "$B/verify-email?token=nonsense"
check "a malformed link shows 400" test "$HTTP_STATUS" = 400

# --- password reset -----------------------------------------------------------
reset_limits
json "$B/api/password-reset" "{\"email\": \"$user\"}"
known="$HTTP_STATUS $HTTP_BODY"
check "a reset for a known address answers 202" test "$HTTP_STATUS" = 202
json "$B/api/password-reset" "{\"email\": \"nobody-$$@example.org\"}"
check "a reset for an unknown address answers the same status and body" test "$HTTP_STATUS $HTTP_BODY" = "$known"
check "only the known address got a mail" \
	test "$(psql_q "SELECT count(*) FILTER (WHERE recipient = '$user' AND subject LIKE 'Reset your%') || '/' || count(*) FILTER (WHERE recipient = 'nobody-$$@example.org') FROM mail_outbox")" = "1/0"
rtok=$(token_in_mail "$user" password-reset/confirm)
check "the reset mail has a token" bash -c '[[ $1 =~ ^[A-Za-z0-9_-]{43}$ ]]' _ "$rtok"
other_session=$SESSION
fetch "$B/password-reset/confirm?token=$rtok"
check "the link shows the new-password form with the rule" \
	bash -c '[[ $1 == 200 && $2 == *"name=\"new_password\""* && $2 == *"8 to 128 characters"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
json "$B/api/password-reset/confirm" "{\"token\": \"$rtok\", \"new_password\": \"password\"}"
check "a common new password is refused (400) without spending the link" \
	bash -c '[[ $1 == 400 ]] && jq -e ".errors.new_password" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$B/password-reset/confirm" -X POST --data-urlencode "token=$rtok" --data-urlencode "new_password=plum comet 42x"
check "the form sets the new password (200)" bash -c '[[ $1 == 200 && $2 == *"was changed"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$B/api/me" -H "Cookie: __Host-cibozer=$other_session"
check "every session of the account ended" test "$HTTP_STATUS" = 401
reset_limits
json "$B/api/login" "{\"email\": \"$user\", \"password\": \"$pw\"}"
check "the old password no longer works" test "$HTTP_STATUS" = 401
login "$user" 'plum comet 42x'
check "the new one does" test -n "$SESSION"
json "$B/api/password-reset/confirm" "{\"token\": \"$rtok\", \"new_password\": \"another comet 43y\"}"
check "the reset link works once" test "$HTTP_STATUS" = 400
json "$B/api/password-reset" "{\"email\": \"$user\"}"
rtok2=$(token_in_mail "$user" password-reset/confirm)
psql_q "UPDATE user_tokens SET created_at = now() - interval '1 hour', expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256(convert_to('$rtok2', 'UTF8')), 'hex')" >/dev/null
json "$B/api/password-reset/confirm" "{\"token\": \"$rtok2\", \"new_password\": \"another comet 43y\"}"
check "an expired link is refused" test "$HTTP_STATUS" = 400
reset_limits
for i in 1 2 3; do json "$B/api/password-reset" "{\"email\": \"burst-$i-$$@example.org\"}"; done
json "$B/api/password-reset" "{\"email\": \"burst-4-$$@example.org\"}"
check "the 4th reset in an hour from one address answers 429" test "$HTTP_STATUS" = 429
check "with Retry-After" grep -Eqi '^retry-after: [1-9][0-9]*$' <<<"$HTTP_HEADERS"
reset_limits
# Per account: four requests for one address, each from another client
# address (so only the account's limit can answer).
codes=""
for i in 1 2 3 4; do
	json "$B/api/password-reset" "{\"email\": \"$user\"}" --interface "127.0.2.$i"
	codes+=" $HTTP_STATUS"
done
check "the 4th reset in an hour for one account, from four addresses, answers 429 ($codes)" \
	bash -c '[[ $1 == " 202 202 202 429" ]] && grep -Eqi "^retry-after: [1-9][0-9]*$" <<<"$2"' _ "$codes" "$HTTP_HEADERS"
check "that refusal is audited with the account's scope" \
	test "$(psql_q "SELECT count(*) > 0 FROM audit_log WHERE event = 'rate_limit.hit' AND detail->>'scope' = 'reset.account'")" = t
check "resets are audited" \
	test "$(psql_q "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$user' AND a.event IN ('password.reset_requested', 'password.reset', 'email.verified')")" -ge 3
reset_limits
finish
