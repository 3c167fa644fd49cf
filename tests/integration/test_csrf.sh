#!/bin/bash
# test_csrf.sh - a state-changing request authenticated by the session
# cookie needs the session's CSRF token (X-CSRF-Token or the form field
# csrf_token) and an Origin or Referer of the configured base_url, else
# 403; pages embed the token in every form, masked afresh for every
# response (BREACH), and a malformed token is a 403; CSP reports are exempt; an
# anonymous POST from another origin is refused too (log-in CSRF).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='tangerine orbit 7'
user=csrf-$$@example.org
reset_limits
make_user "$user" "$pw"
login "$user" "$pw"
check "logged in" test -n "$SESSION"
C=(-H "Cookie: __Host-cibozer=$SESSION")
alive() { fetch "$B/api/me" "${C[@]}"; [[ $HTTP_STATUS == 200 ]]; }
post() { # what: POST /api/logout with the extra curl arguments; prints the status
	fetch "$B/api/logout" -X POST -H 'Content-Type: application/json' --data '{}' "${C[@]}" "$@"
}

post -H "Origin: $B"
check "no CSRF token: 403" test "$HTTP_STATUS" = 403
check "the 403 says why, in JSON" jq -e '.error.status == 403 and (.error.message | contains("CSRF"))' <<<"$HTTP_BODY"
post -H "X-CSRF-Token: ${CSRF%?}x" -H "Origin: $B"
check "a wrong CSRF token: 403" test "$HTTP_STATUS" = 403
post -H "X-CSRF-Token: $CSRF"
check "the right token without Origin or Referer: 403" test "$HTTP_STATUS" = 403
post -H "X-CSRF-Token: $CSRF" -H "Origin: https://evil.example"
check "the right token from another origin: 403" test "$HTTP_STATUS" = 403
post -H "X-CSRF-Token: $CSRF" -H "Origin: null"
check "the right token from an opaque origin (null): 403" test "$HTTP_STATUS" = 403
post -H "X-CSRF-Token: $CSRF" -H "Referer: https://evil.example/$B/"
check "a Referer of another site: 403" test "$HTTP_STATUS" = 403
post -H "X-CSRF-Token: $CSRF" -H "Origin: ${B}.evil.example"
check "an origin that only starts like ours: 403" test "$HTTP_STATUS" = 403
check "none of the refused requests logged out" alive

# The site answers on a second URL, the HTTPS port (base_url is the HTTP
# one; scripts/test lists the other in extra_origins): a page served there
# posts with that origin, over HTTP/2 as a browser does, and is let
# through. A Host header naming another site does not make its origin
# ours: the list is configured, not taken from the request.
H=$CZ_HTTPS_URL
hpost() { # what: POST /api/logout over HTTPS with the extra curl arguments
	fetch "$H/api/logout" --http2 --cacert "$CZ_CA_CERT" -X POST -H 'Content-Type: application/json' \
		--data '{}' "${C[@]}" "$@"
}
hpost -H "X-CSRF-Token: $CSRF" -H "Origin: https://evil.example" -H "Host: evil.example"
check "another origin with a Host header to match it: 403" test "$HTTP_STATUS" = 403
hpost -H "X-CSRF-Token: $CSRF" -H "Origin: http://${H#https://}"
check "the HTTPS site's host with the wrong scheme: 403" test "$HTTP_STATUS" = 403
check "still logged in after those" alive

# BREACH: pages are gzipped, so the token is masked afresh for every
# response (pad || pad XOR secret, 115 base64url characters): two pages,
# the log-in answer and /api/me never carry the same bytes, and each of
# them works.
fetch "$B/account" "${C[@]}"
tok1=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$HTTP_BODY" | head -n 1 | sed 's/.*value="//; s/"$//')
check "the account page embeds a token in its forms" \
	bash -c '[[ $1 == 200 && $(grep -c "name=\"csrf_token\" value=\"$3\"" <<<"$2") -ge 4 ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$tok1"
check "the page's token is masked (115 base64url characters)" \
	bash -c '[[ $1 =~ ^[A-Za-z0-9_-]{115}$ ]]' _ "$tok1"
fetch "$B/account" "${C[@]}"
tok2=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$HTTP_BODY" | head -n 1 | sed 's/.*value="//; s/"$//')
check "a second page carries other bytes" bash -c '[[ -n $1 && -n $2 && $1 != "$2" && $1 != "$3" && $2 != "$3" ]]' _ "$tok1" "$tok2" "$CSRF"
fetch "$B/api/me" "${C[@]}"
tok3=$(jq -r '.csrf_token // empty' <<<"$HTTP_BODY")
check "the JSON token is masked too, and differs" \
	bash -c '[[ $1 =~ ^[A-Za-z0-9_-]{115}$ && $1 != "$2" && $1 != "$3" ]]' _ "$tok3" "$tok1" "$CSRF"
# malformed tokens: 403, as a wrong one (never a crash)
for bad in "${tok1:0:114}" "${tok1}A" "${tok1:0:114}=" "${tok1:0:10}+${tok1:11}" "$(printf 'A%.0s' {1..115})" "$(printf '%%00%.0s' {1..10})"; do
	post -H "X-CSRF-Token: $bad" -H "Origin: $B"
	check "a malformed token (${bad:0:12}..., ${#bad} chars): 403" test "$HTTP_STATUS" = 403
done
check "still logged in after the malformed tokens" alive
# A session whose stored secret cannot be masked (written by hand: 43
# characters, not a token) is not honoured: 401, never a 500.
htok=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
psql_q "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) SELECT
	encode(sha256(convert_to('$htok', 'UTF8')), 'hex'), id, repeat('x', 43), now() + interval '1 hour'
	FROM users WHERE email = '$user'" >/dev/null
fetch "$B/api/me" -H "Cookie: __Host-cibozer=$htok"
check "a session with a malformed stored CSRF secret: 401, the cookie cleared" \
	bash -c '[[ $1 == 401 ]] && grep -qi "^set-cookie: __Host-cibozer=;" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$B/account/logout-all" -X POST "${C[@]}" -H "Origin: $B" --data 'csrf_token=wrong'
check "a form with a wrong token gets the 403 page with the disclaimers" \
	bash -c '[[ $1 == 403 && $2 == *"<h1>403"* && $2 == *"NOT intended to provide medical advice"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "still logged in" alive

fetch "$B/csp-report" -X POST "${C[@]}" -H 'Content-Type: application/csp-report' \
	--data '{"csp-report":{"violated-directive":"img-src"}}'
check "CSP reports need no token (204)" test "$HTTP_STATUS" = 204

fetch "$B/api/login" -X POST -H 'Content-Type: application/json' -H "Origin: https://evil.example" \
	--data-binary "{\"email\": \"$user\", \"password\": \"$pw\"}"
check "an anonymous log-in posted from another site: 403" test "$HTTP_STATUS" = 403

login "$user" "$pw"
C=(-H "Cookie: __Host-cibozer=$SESSION")
hpost -H "X-CSRF-Token: $CSRF" -H "Origin: $H"
check "the right token from the HTTPS page of this site, over HTTP/2: logged out" \
	test "$HTTP_STATUS" = 200
check "and that session is gone" bash -c '! "$@"' _ alive

login "$user" "$pw"
C=(-H "Cookie: __Host-cibozer=$SESSION")
fetch "$B/account" "${C[@]}"
tok=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$HTTP_BODY" | head -n 1 | sed 's/.*value="//; s/"$//')
fetch "$B/logout" -X POST "${C[@]}" -H "Referer: $B/account" --data "csrf_token=$tok"
check "the page's form field and a same-origin Referer log out (303 to /)" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$B/api/me" "${C[@]}"
check "and the session is gone" test "$HTTP_STATUS" = 401

finish
