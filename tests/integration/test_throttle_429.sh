#!/bin/bash
# test_throttle_429.sh - every 429 of the site, from nginx or from the
# responder, carries Retry-After and the same page: the heading and
# try-again notice of templates/pages/error.mustache and the disclaimers.
# The responder's own throttle (an account locked after wrong passwords)
# and nginx's limit on the log-in form (cz_auth: 10/min, burst 5) are
# driven from addresses of their own (127.0.3.x), so that no other test's
# limits are touched.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='copper harbour 9'
victim=throttle-$$@example.org
a1=127.0.3.$((1 + $$ % 100))
a2=127.0.3.$((101 + $$ % 100))

same_page() { # NAME: the last response is the site's 429 page
	check "$1: 429" test "$HTTP_STATUS" = 429
	check "$1: Retry-After in seconds" grep -Eqi '^retry-after: [1-9][0-9]*$' <<<"$HTTP_HEADERS"
	check "$1: HTML" grep -qi '^content-type: text/html' <<<"$HTTP_HEADERS"
	check "$1: the 429 heading" grep -qF '<h1>429 — Too many requests</h1>' <<<"$HTTP_BODY"
	check "$1: the try-again notice" grep -qF 'Please wait a minute and try again later.' <<<"$HTTP_BODY"
	check "$1: the disclaimers" grep -qF 'NOT intended to provide medical advice' <<<"$HTTP_BODY"
}

# The responder's throttle: five wrong passwords lock the account.
reset_limits
make_user "$victim" "$pw"
# Six attempts within one minute's window (lib.sh, one_window): across
# a window's turn they lock nothing and the right password logs in
# (303; a CI run of session 18).
one_window 60
for i in 1 2 3 4 5; do
	fetch "$B/api/login" -X POST -H 'Content-Type: application/json' --interface "$a1" \
		--data-binary "{\"email\": \"$victim\", \"password\": \"wrong $i wrong\"}"
done
fetch "$B/login" -X POST --interface "$a1" --data-urlencode "email=$victim" --data-urlencode "password=$pw"
check "the responder answered, not nginx (its page quotes the request id)" \
	grep -qF 'quote reference' <<<"$HTTP_BODY"
same_page "the responder's 429 (locked account)"

# nginx's limit on the log-in form: 1 + burst 5, then 429 from nginx.
codes=
for _ in 1 2 3 4 5 6 7 8; do
	fetch "$B/login" -X POST --interface "$a2" --data 'email=x'
	codes="$codes $HTTP_STATUS"
done
check "nginx refuses the log-in form past its burst ($codes)" bash -c '[[ $1 == *" 429" ]]' _ "$codes"
same_page "nginx's 429 (log-in form)"
reset_limits

finish
