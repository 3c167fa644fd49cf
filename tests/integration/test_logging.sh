#!/bin/bash
# test_logging.sh - one JSON object per line, with nginx's request id, and
# no query strings, tokens or e-mail addresses in the log.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

fetch "$CZ_BASE_URL/about?email=alice%40example.com&token=s3cr3t-t0ken"
rid=$(grep -i '^x-request-id:' <<<"$HTTP_HEADERS" | awk '{print $2}')
check "the response carries a request id" test -n "$rid"
sleep 0.2

check "every log line is a JSON object" jq -e -s 'length > 0' "$CZ_POOL_LOG"
line=$(grep -F "\"request_id\":\"$rid\"" "$CZ_POOL_LOG" | tail -n 1)
check "the request is logged with nginx's request id" test -n "$line"
check "the line has time, level, method, path, status, duration" \
	jq -e '.time and .level and .method == "GET" and .path == "/about" and .status == 200 and (.duration_ms | type == "number")' <<<"$line"
check "no query string, token or e-mail address is logged" \
	bash -c '! grep -Eq "s3cr3t|alice|example\.com" "$1"' _ "$CZ_POOL_LOG"

fetch "$CZ_BASE_URL/no-such-page"
sleep 0.2
line=$(grep -F '"path":"/no-such-page"' "$CZ_POOL_LOG" | tail -n 1)
check "errors are logged with a message" jq -e '.status == 404 and .level == "warn" and (.msg | length > 0)' <<<"$line"

# The effective configuration can be shown without its secrets.
check "cibozer-admin config hides the database URL" \
	bash -c '"$1" --config "$2" config | grep -q "^database_url = (hidden)"' _ "$CZ_ADMIN" "$CZ_CONFIG"

finish
