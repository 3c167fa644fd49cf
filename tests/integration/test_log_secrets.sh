#!/bin/bash
# test_log_secrets.sh - no token, key or password in any log line of nginx
# or of the responder: the mailed links (/password-reset/confirm?token=,
# /verify-email?token=), the form posted from such a page (its Referer
# repeats the link), an API key in the Authorization header and, from a
# careless client, in a query, and passwords posted to log in. Every log
# of the stack (nginx's access and error logs, the responders' log,
# PostgreSQL's log) is searched for the values.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
B=$CZ_BASE_URL
pw='juniper signal 4'
pw2='walnut compass 3'
user=logsec-$$@example.org
# POSTs to the log-in locations come from an address of their own, so that
# nginx's log-in limit (cz_auth) of 127.0.0.1 is left to the other tests.
me=127.0.4.$((1 + $$ % 200))
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }

reset_limits
planner_user "$user" "$pw"
check "a planner is signed in" test -n "$SESSION"

# An API key, used as it should be and as it should not.
json "$B/api/keys" '{"name": "logs", "scopes": ["plans:read"]}' "${AUTH[@]}"
key=$(jq -r '.key // empty' <<<"$HTTP_BODY")
check "a key was made" test -n "$key"
fetch "$B/api/me" -H "Authorization: Bearer $key"
check "the key authenticates (200)" test "$HTTP_STATUS" = 200
fetch "$B/api/me?api_key=$key&x=1"

# A password-reset link, followed as a browser does: the page, then its
# form, posted with the link as Referer.
json "$B/api/password-reset" "{\"email\": \"$user\"}"
rtok=$(psql_q "SELECT body FROM mail_outbox WHERE recipient = '$user' AND body LIKE '%/password-reset/confirm?token=%' ORDER BY id DESC LIMIT 1" |
	grep -o 'password-reset/confirm?token=[A-Za-z0-9_-]*' | head -n 1 | sed 's/.*token=//')
check "a reset link was mailed" test -n "$rtok"
fetch "$B/password-reset/confirm?token=$rtok"
check "the link's page answers 200" test "$HTTP_STATUS" = 200
fetch "$B/password-reset/confirm" -X POST --interface "$me" -H "Referer: $B/password-reset/confirm?token=$rtok" \
	--data-urlencode "token=$rtok" --data-urlencode "new_password=$pw2"
check "the form resets the password ($HTTP_STATUS)" bash -c '[[ $1 == 2* || $1 == 3* ]]' _ "$HTTP_STATUS"

# A verification link (one that names no live token is logged just the
# same), and its form.
vtok=Vtok${$}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789
vtok=${vtok:0:43}
fetch "$B/verify-email?token=$vtok"
fetch "$B/verify-email" -X POST -H "Referer: $B/verify-email?token=$vtok" --data-urlencode "token=$vtok" "${AUTH[@]}"

# Passwords, in the form and in JSON.
fetch "$B/login" -X POST --interface "$me" --data-urlencode "email=$user" --data-urlencode "password=$pw2"
json "$B/api/login" "{\"email\": \"$user\", \"password\": \"$pw2\"}"

sleep 0.5
logs=("$CZ_NGINX_LOG_DIR"/*.log "$CZ_POOL_LOG")
[[ -f $CZ_PG_DIR/pg/postgresql.log ]] && logs+=("$CZ_PG_DIR/pg/postgresql.log")
check "the logs were written (${#logs[@]} files)" grep -qF "/password-reset/confirm" "$CZ_NGINX_LOG_DIR/access.log"
for what in "reset token:$rtok" "verification token:$vtok" "API key:$key" "API key secret part:${key:16}" \
	"password:$pw" "new password:$pw2"; do
	name=${what%%:*}
	value=${what#*:}
	check "no log holds the $name" bash -c '[[ -n $1 ]] && ! grep -rqF -- "$1" "${@:2}"' _ "$value" "${logs[@]}"
done
check "the access log shows the links without their query" \
	grep -qF '"GET /password-reset/confirm?[redacted] HTTP/' "$CZ_NGINX_LOG_DIR/access.log"
check "and the Referer without its query" \
	grep -qF "\"$B/password-reset/confirm?[redacted]\"" "$CZ_NGINX_LOG_DIR/access.log"
reset_limits

finish
