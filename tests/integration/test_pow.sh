#!/bin/bash
# test_pow.sh - the proof-of-work challenges of registration, password
# reset and the confirmation resend (lib/pow.h, fcgi/challenge.c) over the
# real stack: GET /api/challenge issues one, solved here with python3's
# hashlib; a right answer is accepted once, and refused (400, a clear
# message, audited as pow.refused) when used again, tampered with, made for
# another form, expired (a challenge signed here, with the key read from
# the database as the superuser, issued 11 minutes ago) or wrong; no answer
# at all is accepted (the path of a browser without JavaScript) under the
# rate limits alone; a form with a wrong answer comes back with a fresh
# challenge; the difficulty rises while the registration limit is reached
# (docs/operations.md) and never above pow_difficulty_max; the pages carry
# the challenge, the script and a live region.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
command -v python3 >/dev/null || skip "python3 is not installed"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
bits0=$(cz_config_get "$CZ_CONFIG" pow_difficulty)
bits0=${bits0:-16}
max=$(cz_config_get "$CZ_CONFIG" pow_difficulty_max)
max=${max:-24}
step=$(cz_config_get "$CZ_CONFIG" pow_difficulty_step)
step=${step:-4}
[[ $bits0 -gt 0 ]] || skip "pow_difficulty is 0 in this configuration"
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
# solve CHALLENGE - the first counter k with SHA-256(CHALLENGE k) starting
# with the challenge's bits zero bits.
solve() {
	python3 - "$1" <<'PY'
import hashlib, sys
c = sys.argv[1]
bits = int(c.split('.')[2])
k = 0
while True:
    d = hashlib.sha256((c + str(k)).encode()).digest()
    if int.from_bytes(d, 'big') >> (256 - bits) == 0:
        print(k)
        break
    k += 1
PY
}
# challenge PURPOSE [CURL-ARGS...] - sets CHAL from GET /api/challenge.
challenge() {
	fetch "$B/api/challenge?purpose=$1" "${@:2}"
	CHAL=$(jq -r '.challenge // empty' <<<"$HTTP_BODY")
}
# register EMAIL CHALLENGE SOLUTION - POST /api/register with an answer.
register() {
	json "$B/api/register" "$(jq -cn --arg e "$1" --arg p "$pw" --arg c "$2" --arg s "$3" \
		'{email: $e, password: $p, pow_challenge: $c, pow_solution: $s}')"
}
refused_with() { # TEXT: the last answer is a 400 whose error says TEXT
	[[ $HTTP_STATUS == 400 ]] && jq -e --arg t "$1" '.error.message // .error // "" | tostring | contains($t)' <<<"$HTTP_BODY" >/dev/null
}
reset_limits

# --- issuing --------------------------------------------------------------------------------
challenge register
check "GET /api/challenge?purpose=register issues a signed challenge at pow_difficulty ($bits0 bits)" \
	bash -c '[[ $1 == 200 && $2 =~ ^1\.register\.$3\.[0-9]+\.[0-9a-f]{32}\.[0-9a-f]{64}$ ]] && jq -e ".bits == $3 and .lifetime == 600" <<<"$4" >/dev/null' \
	_ "$HTTP_STATUS" "$CHAL" "$bits0" "$HTTP_BODY"
check "the challenge is not cached" bash -c 'grep -qi "^cache-control: no-store" <<<"$1"' _ "$HTTP_HEADERS"
fetch "$B/api/challenge?purpose=login"
check "an unknown purpose is refused (400)" test "$HTTP_STATUS" = 400
fetch "$B/api/challenge?purpose=resend"
check "a resend challenge needs the session (401)" test "$HTTP_STATUS" = 401

# --- a right answer, once ------------------------------------------------------------------
t0=$(date +%s%N)
sol=$(solve "$CHAL")
echo "# python3 solved a $bits0-bit challenge in $((($(date +%s%N) - t0) / 1000000)) ms (counter $sol)"
register "pow-ok-$$@example.org" "$CHAL" "$sol"
check "a right answer is accepted (202)" test "$HTTP_STATUS" = 202
check "the account was made" test "$(psql_q "SELECT count(*) FROM users WHERE email = 'pow-ok-$$@example.org'")" = 1
nonce=$(cut -d. -f5 <<<"$CHAL")
check "its nonce is recorded as a digest, until it expires" \
	test "$(psql_q "SELECT count(*) FROM pow_used WHERE nonce_hash = encode(sha256('$nonce'::bytea), 'hex') AND expires_at > now() + interval '9 minutes'")" = 1
register "pow-again-$$@example.org" "$CHAL" "$sol"
check "the same answer again is refused: used already (400)" refused_with "used already"
check "and made no account" test "$(psql_q "SELECT count(*) FROM users WHERE email = 'pow-again-$$@example.org'")" = 0
check "the refusal is audited as pow.refused (reused)" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE event = 'pow.refused' AND detail->>'reason' = 'reused' AND at > now() - interval '1 minute'")" -ge 1

# --- wrong answers ----------------------------------------------------------------------------
reset_limits
challenge register
sol=$(solve "$CHAL")
bad=${CHAL%?}$([[ ${CHAL: -1} == 0 ]] && echo 1 || echo 0)
register "pow-tamper-$$@example.org" "$bad" "$sol"
check "a tampered signature is refused: not issued by this site (400)" refused_with "not one this site issued"
easier=$(sed -E "s/^1\.register\.$bits0\./1.register.1./" <<<"$CHAL")
register "pow-easier-$$@example.org" "$easier" "0"
check "a lowered difficulty is refused as a bad signature" refused_with "not one this site issued"
register "pow-wrong-$$@example.org" "$CHAL" "$((sol + 1))"
check "a wrong counter is refused (400)" bash -c '[[ $1 == 400 ]]' _ "$HTTP_STATUS"
reset_limits	# 3 registrations an hour from one address
register "pow-junk-$$@example.org" "$CHAL" "12abc"
check "a counter that is not a number is refused (400)" refused_with "not readable"
register "pow-long-$$@example.org" "$CHAL" "12345678901234567890"
check "an over-long counter is refused (400)" bash -c '[[ $1 == 400 ]]' _ "$HTTP_STATUS"
register "pow-still-$$@example.org" "$CHAL" "$sol"
check "after all that, the right answer still works (202)" test "$HTTP_STATUS" = 202
reset_limits
challenge reset
rsol=$(solve "$CHAL")
register "pow-purpose-$$@example.org" "$CHAL" "$rsol"
check "a reset challenge is refused at registration: another form (400)" refused_with "another form"
json "$B/api/password-reset" "$(jq -cn --arg c "$CHAL" --arg s "$rsol" '{email: "nobody@example.org", pow_challenge: $c, pow_solution: $s}')"
check "the same challenge is accepted by the password reset (202)" test "$HTTP_STATUS" = 202
# Expired: signed here with the site's key (readable to the superuser).
key=$(psql_super "SELECT key FROM pow_key WHERE id = 1")
old=$(python3 - "$key" "$bits0" <<'PY'
import hashlib, hmac, os, sys, time
key, bits = sys.argv[1].encode(), int(sys.argv[2])
body = '1.register.%d.%d.%s' % (min(bits, 8), int(time.time()) - 660, os.urandom(16).hex())
print(body + '.' + hmac.new(key, body.encode(), hashlib.sha256).hexdigest())
PY
)
register "pow-expired-$$@example.org" "$old" "$(solve "$old")"
check "a challenge issued 11 minutes ago is refused: expired (400)" refused_with "expired"
fresh=$(python3 - "$key" <<'PY'
import hashlib, hmac, os, sys, time
body = '1.register.8.%d.%s' % (int(time.time()), os.urandom(16).hex())
print(body + '.' + hmac.new(sys.argv[1].encode(), body.encode(), hashlib.sha256).hexdigest())
PY
)
register "pow-signed-$$@example.org" "$fresh" "$(solve "$fresh")"
check "the same made now is accepted (the expiry was the only fault)" test "$HTTP_STATUS" = 202

# --- no answer: the path without JavaScript -----------------------------------------------
reset_limits
json "$B/api/register" "{\"email\": \"pow-none-$$@example.org\", \"password\": \"$pw\"}"
check "the API without an answer is accepted under the rate limits (202)" test "$HTTP_STATUS" = 202
fetch "$B/register"
check "the registration form carries a challenge, the solver script and a live region" \
	bash -c '[[ $1 =~ name=\"pow_challenge\"\ value=\"1\.register\. && $1 == *"/static/js/pow.js"* && $1 == *"aria-live=\"polite\""* && $1 == *"name=\"pow_solution\""* ]]' _ "$HTTP_BODY"
formchal=$(sed -n 's/.*name="pow_challenge" value="\([^"]*\)".*/\1/p' <<<"$HTTP_BODY" | head -n 1)
fetch "$B/register" -X POST -H "Origin: $B" --data-urlencode "email=pow-form-$$@example.org" \
	--data-urlencode "password=$pw" --data-urlencode "pow_challenge=$formchal" --data-urlencode "pow_solution="
check "the form sent without JavaScript (challenge, empty answer) is accepted" \
	bash -c '[[ $1 == 200 && $2 == *"Thank you"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$B/register"
formchal=$(sed -n 's/.*name="pow_challenge" value="\([^"]*\)".*/\1/p' <<<"$HTTP_BODY" | head -n 1)
fetch "$B/register" -X POST -H "Origin: $B" --data-urlencode "email=pow-formbad-$$@example.org" \
	--data-urlencode "password=$pw" --data-urlencode "pow_challenge=$formchal" --data-urlencode "pow_solution=7x"
again=$(sed -n 's/.*name="pow_challenge" value="\([^"]*\)".*/\1/p' <<<"$HTTP_BODY" | head -n 1)
check "a form with a wrong answer comes back (400) saying so, with a fresh challenge and the address kept" \
	bash -c '[[ $1 == 400 && $2 == *"browser check"* && $2 == *"pow-formbad-"* && -n $3 && $3 != "$4" ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$again" "$formchal"
fetch "$B/password-reset"
check "the password reset form carries a challenge" \
	bash -c '[[ $1 =~ name=\"pow_challenge\"\ value=\"1\.reset\. ]]' _ "$HTTP_BODY"

# --- the confirmation resend --------------------------------------------------------------
reset_limits
u=pow-resend-$$@example.org
make_user "$u" "$pw" && login "$u" "$pw" || fail "a user for the resend logs in"
fetch "$B/account" "${AUTH[@]}"
check "the account page's resend form carries a resend challenge" \
	bash -c '[[ $1 =~ name=\"pow_challenge\"\ value=\"1\.resend\. ]]' _ "$HTTP_BODY"
challenge resend "${AUTH[@]}"
s=$(solve "$CHAL")
json "$B/api/account/verify" "$(jq -cn --arg c "$CHAL" --arg s "$s" '{pow_challenge: $c, pow_solution: $s}')" "${AUTH[@]}"
check "the resend with a right answer is accepted (202)" test "$HTTP_STATUS" = 202
json "$B/api/account/verify" "$(jq -cn --arg c "$CHAL" --arg s "$s" '{pow_challenge: $c, pow_solution: $s}')" "${AUTH[@]}"
check "and refused when the answer is used again (400)" refused_with "used already"

# --- the difficulty while the limit is reached ----------------------------------------------
reset_limits
for i in 1 2 3; do json "$B/api/register" "{\"email\": \"pow-burst-$i-$$@example.org\", \"password\": \"$pw\"}"; done
challenge register
want=$((bits0 + 2 * step > max ? (max < bits0 ? bits0 : max) : bits0 + 2 * step))
check "with this address's registration limit reached, the challenge asks $want bits (2 steps, at most pow_difficulty_max)" \
	bash -c '[[ $1 == 1.register.$2.* ]] && jq -e ".bits == $2" <<<"$3" >/dev/null' _ "$CHAL" "$want" "$HTTP_BODY"
reset_limits
psql_q "INSERT INTO rate_limits (scope, key, window_start, hits) VALUES ('register.address', '203.0.113.9',
	to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600), 3)" >/dev/null
challenge register
want=$((bits0 + step > max ? (max < bits0 ? bits0 : max) : bits0 + step))
check "with another address's limit reached, one step: $want bits" \
	bash -c '[[ $1 == 1.register.$2.* ]]' _ "$CHAL" "$want"
reset_limits
challenge register
check "when the limits are forgotten, back to $bits0 bits" bash -c '[[ $1 == 1.register.$2.* ]]' _ "$CHAL" "$bits0"

finish
