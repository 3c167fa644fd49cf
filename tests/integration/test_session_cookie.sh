#!/bin/bash
# test_session_cookie.sh - one Set-Cookie per cookie per response: a
# password or e-mail address change ends every session and starts a new
# one, and the response sets the session cookie once, to the new session
# (it used to clear it, then set it: two Set-Cookie for __Host-cibozer);
# log-out clears it once.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='saffron kettle 5'
pw2='marble lantern 6'
user=cookie-$$@example.org
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
session_cookies() { grep -ic '^set-cookie: __Host-cibozer=' <<<"$HTTP_HEADERS"; }
new_cookie() { sed -n 's/^set-cookie: __Host-cibozer=\([^;]*\);.*/\1/Ip' <<<"$HTTP_HEADERS" | tail -n 1; }

reset_limits
make_user "$user" "$pw"
login "$user" "$pw"
check "logged in" test -n "$SESSION"

json "$B/api/account/password" "{\"current_password\": \"$pw\", \"new_password\": \"$pw2\"}" "${AUTH[@]}"
check "the password is changed (200)" test "$HTTP_STATUS" = 200
check "one Set-Cookie for the session cookie ($(session_cookies))" test "$(session_cookies)" = 1
tok=$(new_cookie)
check "it sets the new session, for the session's lifetime" \
	bash -c '[[ -n $1 && $1 != "$2" ]] && grep -Eqi "^set-cookie: __Host-cibozer=[^;]+;.*Max-Age=[1-9]" <<<"$3"' _ "$tok" "$SESSION" "$HTTP_HEADERS"
csrf=$(jq -r .csrf_token <<<"$HTTP_BODY")
fetch "$B/api/me" -H "Cookie: __Host-cibozer=$tok"
check "the new session works" test "$HTTP_STATUS" = 200

moved=cookie-moved-$$@example.org
A2=(-H "Cookie: __Host-cibozer=$tok" -H "X-CSRF-Token: $csrf" -H "Origin: $B")
json "$B/api/account/email" "{\"password\": \"$pw2\", \"email\": \"$moved\"}" "${A2[@]}"
# An address change is confirmed by a link mailed to the new address
# (202); no credential changed, so the session stays and no cookie is sent.
check "the address change is asked for (202)" test "$HTTP_STATUS" = 202
check "at most one Set-Cookie for the session cookie ($(session_cookies))" test "$(session_cookies)" -le 1

# The HTML form answers a redirect: one Set-Cookie there too.
reset_limits
login "$user" "$pw2"
fetch "$B/account/password" -X POST "${AUTH[@]}" --data-urlencode "current_password=$pw2" \
	--data-urlencode "new_password=$pw" --data-urlencode "csrf_token=$CSRF"
check "the form changes the password (303)" test "$HTTP_STATUS" = 303
check "one Set-Cookie for the session cookie ($(session_cookies))" test "$(session_cookies)" = 1

finish
