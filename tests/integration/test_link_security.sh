#!/bin/bash
# test_link_security.sh - issue 16, the mailed links and the mail the site
# can be made to send:
#   1  a confirmation link works only for the address it was sent to: an
#      address change cancels it, and the change itself takes effect only
#      through the link mailed to the new address;
#   5  using one reset link cancels the others; a password change cancels
#      every outstanding link;
#   6  every request that makes the site send mail is limited per account
#      and per recipient (429 with Retry-After);
#   7  an address change answers the same whether or not the address has an
#      account; the owner of a taken address gets a notice instead;
#   10a registration trims the address as log-in does;
#   and the pages with a token in their URL ask for no Referer.
# No mail leaves the machine: the outbox is read.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
mails() { # ADDRESS [SUBJECT-LIKE]: how many mails were queued for ADDRESS
	psql_q "SELECT count(*) FROM mail_outbox WHERE recipient = '$1' AND subject LIKE '${2:-%}'"
}
retry_after() { grep -Eqi '^retry-after: [1-9][0-9]*$' <<<"$HTTP_HEADERS"; }
reset_limits

# --- 1: an old confirmation link and a changed address -----------------------
a=sec-a-$$@example.org
b=sec-b-$$@example.org
json "$B/api/register" "{\"email\": \"$a\", \"password\": \"$pw\"}"
atok=$(token_in_mail "$a" verify-email)
check "registration mailed a confirmation link to A" bash -c '[[ $1 =~ ^[A-Za-z0-9_-]{43}$ ]]' _ "$atok"
login "$a" "$pw"
json "$B/api/account/email" "{\"password\": \"$pw\", \"email\": \"$b\"}" "${AUTH[@]}"
check "asking to move to B is accepted (202)" test "$HTTP_STATUS" = 202
check "the account keeps A until B's link is followed" \
	test "$(psql_q "SELECT count(*) FROM users WHERE email = '$a'")" = 1
json "$B/api/verify-email" "{\"token\": \"$atok\"}"
check "A's old link is refused after the change (400), saying it was cancelled" \
	bash -c '[[ $1 == 400 ]] && jq -e ".error.message | test(\"cancelled\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
check "and neither address is marked verified" \
	test "$(psql_q "SELECT count(*) FROM users WHERE email IN ('$a', '$b') AND email_verified_at IS NOT NULL")" = 0
btok=$(token_in_mail "$b" verify-email)
check "B got a link of its own" bash -c '[[ $1 =~ ^[A-Za-z0-9_-]{43}$ && $1 != "$2" ]]' _ "$btok" "$atok"
fetch "$B/verify-email?token=$btok"
check "B's link page asks for no Referer (meta referrer)" \
	bash -c '[[ $1 == 200 && $2 == *"<meta name=\"referrer\" content=\"same-origin\">"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "B's link page sends one Referrer-Policy header, same-origin (through nginx)" \
	bash -c '[[ $(grep -ci "^referrer-policy:" <<<"$1") == 1 ]] && grep -qi "^referrer-policy: same-origin\s*$" <<<"$1"' _ "$HTTP_HEADERS"
json "$B/api/verify-email" "{\"token\": \"$btok\"}"
check "B's link moves the account to B, confirmed (200)" \
	bash -c '[[ $1 == 200 && $2 == 1 ]]' _ "$HTTP_STATUS" \
	"$(psql_q "SELECT count(*) FROM users WHERE email = '$b' AND email_verified_at IS NOT NULL")"
json "$B/api/verify-email" "{\"token\": \"$atok\"}"
check "A's link is refused for the new address (400), saying so" \
	bash -c '[[ $1 == 400 ]] && jq -e ".error.message | test(\"no longer the account\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
check "the old address is told of the change" test "$(mails "$a" 'Your e-mail address at % was changed')" = 1
check "the move is audited" \
	test "$(psql_q "SELECT count(*) = 1 FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$b' AND a.event = 'email.changed'")" = t
reset_limits
json "$B/api/login" "{\"email\": \"$b\", \"password\": \"$pw\"}"
check "log-in with B works" test "$HTTP_STATUS" = 200
# A link from before migration 016 has no address: never accepted.
oldtok=$(printf 'old-%s-link-%s' "$$" "$RANDOM" | sha256sum | cut -c1-43 | tr -d '\n')
psql_q "INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at)
	SELECT encode(sha256(convert_to('$oldtok', 'UTF8')), 'hex'), id, 'verify_email', now() + interval '1 day'
	FROM users WHERE email = '$b'" >/dev/null
json "$B/api/verify-email" "{\"token\": \"$oldtok\"}"
check "a link without its address (from before 016) is refused (400)" test "$HTTP_STATUS" = 400

# --- 5: two reset links -------------------------------------------------------
reset_limits
json "$B/api/password-reset" "{\"email\": \"$b\"}"
rt1=$(token_in_mail "$b" password-reset/confirm)
json "$B/api/password-reset" "{\"email\": \"$b\"}"
rt2=$(token_in_mail "$b" password-reset/confirm)
check "two reset links were mailed" bash -c '[[ -n $1 && -n $2 && $1 != "$2" ]]' _ "$rt1" "$rt2"
fetch "$B/password-reset/confirm?token=$rt2"
check "the reset page asks for no Referer (meta referrer)" \
	bash -c '[[ $1 == 200 && $2 == *"<meta name=\"referrer\" content=\"same-origin\">"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "the reset page sends one Referrer-Policy header, same-origin (through nginx)" \
	bash -c '[[ $(grep -ci "^referrer-policy:" <<<"$1") == 1 ]] && grep -qi "^referrer-policy: same-origin\s*$" <<<"$1"' _ "$HTTP_HEADERS"
json "$B/api/password-reset/confirm" "{\"token\": \"$rt1\", \"new_password\": \"plum comet 42x\"}"
check "the first link sets the password (200)" test "$HTTP_STATUS" = 200
json "$B/api/password-reset/confirm" "{\"token\": \"$rt2\", \"new_password\": \"other comet 43y\"}"
check "the second link is then refused (400), saying it was cancelled" \
	bash -c '[[ $1 == 400 ]] && jq -e ".error.message | test(\"cancelled\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
reset_limits
json "$B/api/login" "{\"email\": \"$b\", \"password\": \"other comet 43y\"}"
check "and did not change the password" test "$HTTP_STATUS" = 401
login "$b" 'plum comet 42x'
json "$B/api/password-reset" "{\"email\": \"$b\"}"
rt3=$(token_in_mail "$b" password-reset/confirm)
json "$B/api/account/password" '{"current_password": "plum comet 42x", "new_password": "third comet 44z"}' "${AUTH[@]}"
check "the password is changed while a reset link is out (200)" test "$HTTP_STATUS" = 200
json "$B/api/password-reset/confirm" "{\"token\": \"$rt3\", \"new_password\": \"other comet 43y\"}"
check "a password change cancels the outstanding reset link (400)" \
	bash -c '[[ $1 == 400 ]] && jq -e ".error.message | test(\"cancelled\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"

# --- 7: a taken address and a free one answer the same -----------------------
reset_limits
c=sec-c-$$@example.org
free=sec-free-$$@example.org
make_user "$c" "$pw"
login "$c" "$pw"
json "$B/api/account/email" "{\"password\": \"$pw\", \"email\": \"$b\"}" "${AUTH[@]}"
taken="$HTTP_STATUS $HTTP_BODY"
json "$B/api/account/email" "{\"password\": \"$pw\", \"email\": \"$free\"}" "${AUTH[@]}"
check "moving to a taken address answers as for a free one ($taken)" \
	bash -c '[[ $1 == "$2" && $1 == 202* ]]' _ "$taken" "$HTTP_STATUS $HTTP_BODY"
check "the taken address's owner got a notice" test "$(mails "$b" 'Someone tried to use your address%')" = 1
check "and no link to move another account there" test "$(mails "$b" 'Confirm your new%')" = 1
check "the free address got the link" test "$(mails "$free" 'Confirm your new%')" = 1
check "the account keeps its address" test "$(psql_q "SELECT count(*) FROM users WHERE email = '$c'")" = 1
check "the attempt is audited as such" \
	test "$(psql_q "SELECT count(*) = 2 FROM audit_log a JOIN users u ON u.id = a.account_id WHERE u.email = '$c' AND a.event = 'email.change_requested'")" = t
fetch "$B/account/email" -X POST "${AUTH[@]}" --data-urlencode "password=$pw" --data-urlencode "email=$b"
check "the form answers the same page too" bash -c '[[ $1 == 200 && $2 == *"If the address can be used"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"

# --- 6: mail flooding -----------------------------------------------------------
reset_limits
d=sec-d-$$@example.org
json "$B/api/register" "{\"email\": \"$d\", \"password\": \"$pw\"}"
login "$d" "$pw"
codes=""
for i in 1 2 3 4 5 6 7 8; do
	json "$B/api/account/verify" '{}' "${AUTH[@]}"
	codes+=" $HTTP_STATUS"
done
check "resending the confirmation link is limited ($codes)" \
	bash -c '[[ $1 == " 202 202 202 202 429 429 429 429" ]]' _ "$codes"
check "with Retry-After" retry_after
check "so the address got at most 5 mails (registration's and 4 more)" test "$(mails "$d")" = 5
check "the refusal is audited with its scope" \
	test "$(psql_q "SELECT count(*) > 0 FROM audit_log WHERE event = 'rate_limit.hit' AND detail->>'scope' = 'mail.recipient'")" = t
reset_limits
login "$c" "$pw"
codes=""
for i in 1 2 3 4 5 6; do
	json "$B/api/account/email" "{\"password\": \"$pw\", \"email\": \"sec-many-$i-$$@example.org\"}" "${AUTH[@]}"
	codes+=" $HTTP_STATUS"
done
check "address changes are limited per account, whatever the address ($codes)" \
	bash -c '[[ $1 == " 202 202 202 202 202 429" ]]' _ "$codes"
check "with Retry-After" retry_after
check "the 6th address got nothing" test "$(mails "sec-many-6-$$@example.org")" = 0
reset_limits
victim=sec-victim-$$@example.org
make_user "$victim" "$pw"
codes=""
for i in 1 2 3 4 5 6; do
	make_user "sec-e$i-$$@example.org" "$pw"
	login "sec-e$i-$$@example.org" "$pw"
	json "$B/api/account/email" "{\"password\": \"$pw\", \"email\": \"$victim\"}" "${AUTH[@]}"
	codes+=" $HTTP_STATUS"
done
check "mail to one address is limited whoever asks ($codes)" \
	bash -c '[[ $1 == " 202 202 202 202 202 429" ]]' _ "$codes"
check "with Retry-After" retry_after
check "so its owner got 5 notices" test "$(mails "$victim")" = 5
reset_limits
for i in 1 2 3; do json "$B/api/register" "{\"email\": \"$victim\", \"password\": \"$pw\"}" --interface "127.0.4.$i"; done
for i in 1 2 3; do json "$B/api/password-reset" "{\"email\": \"$victim\"}" --interface "127.0.4.$((i + 3))"; done
check "registrations and resets share the address's allowance (the 6th answers $HTTP_STATUS)" \
	bash -c '[[ $1 == 429 ]]' _ "$HTTP_STATUS"
check "so the owner got 5 more, not 6" test "$(mails "$victim")" = 10

# --- 10a: registration trims the address as log-in does ----------------------
reset_limits
json "$B/api/register" "{\"email\": \"  Sec-Trim-$$@Example.ORG  \", \"password\": \"$pw\"}"
check "an address with blanks around it registers (202)" test "$HTTP_STATUS" = 202
check "stored trimmed and lower-cased" \
	test "$(psql_q "SELECT count(*) FROM users WHERE email = 'sec-trim-$$@example.org'")" = 1
login " sec-trim-$$@example.org " "$pw"
check "and logs in" test -n "$SESSION"
json "$B/api/account/email" "{\"password\": \"$pw\", \"email\": \" Sec-Trim2-$$@Example.org \"}" "${AUTH[@]}"
check "an address change trims too" \
	bash -c '[[ $1 == 202 && $2 == 1 ]]' _ "$HTTP_STATUS" "$(mails "sec-trim2-$$@example.org")"
json "$B/api/register" "{\"email\": \"  not an address \", \"password\": \"$pw\"}"
check "a malformed address is still refused (400)" \
	bash -c '[[ $1 == 400 ]] && jq -e ".errors.email" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
reset_limits
finish
