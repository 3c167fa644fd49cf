#!/bin/bash
# test_pages.sh - every page through nginx carries the legal notice and all
# disclaimers, the security headers, and the right status for bad requests.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

phrases=(
	"This application is for educational purposes only. Not medical advice. Consult healthcare professionals."
	"NOT intended to provide medical advice"
	"NOT intended to diagnose, treat, cure, or prevent any disease"
	"consult your physician"
	"Individual results may vary"
	"These statements have not been evaluated by the Food and Drug Administration."
)

# has_all_phrases - the last fetched body holds every disclaimer phrase.
has_all_phrases() {
	local p
	for p in "${phrases[@]}"; do
		[[ $HTTP_BODY == *"$p"* ]] || { echo "missing: $p"; return 1; }
	done
}

headers_re=(
	'^content-security-policy: .*default-src .self.'
	'^x-content-type-options: nosniff'
	'^x-frame-options: deny'
	'^referrer-policy: '
	'^x-request-id: [0-9a-f]{32}'
)

# has_security_headers - the last fetched response has every header.
has_security_headers() {
	local re
	for re in "${headers_re[@]}"; do
		grep -Eqi -- "$re" <<<"$HTTP_HEADERS" || { echo "missing header /$re/"; echo "$HTTP_HEADERS"; return 1; }
	done
}

for path in / /about /terms /privacy /disclaimers; do
	fetch "$CZ_BASE_URL$path"
	check "GET $path is 200" test "$HTTP_STATUS" = 200
	check "GET $path carries every disclaimer" has_all_phrases
	check "GET $path has the security headers" has_security_headers
	# Only the canonical link may be absolute; nothing is loaded from
	# another origin.
	check "GET $path loads nothing from other origins" \
		bash -c '! grep -v "rel=\"canonical\"" <<<"$1" | grep -Eq "(src|href|action)=\"(https?:)?//"' _ "$HTTP_BODY"
done

fetch "$CZ_BASE_URL/terms"
check "/terms shows its version" grep -q "Version 1.0" <<<"$HTTP_BODY"

# The same over TLS, with HSTS.
fetch "$CZ_HTTPS_URL/" --cacert "$CZ_CA_CERT"
check "HTTPS / is 200" test "$HTTP_STATUS" = 200
check "HTTPS / carries every disclaimer" has_all_phrases
check "HTTPS / has the security headers" has_security_headers
check "HTTPS sends HSTS" grep -Eqi '^strict-transport-security: max-age=[0-9]+' <<<"$HTTP_HEADERS"

# HEAD: headers only.
# HEAD: headers only (curl -I stores the headers where the body would go).
fetch "$CZ_BASE_URL/about" -I
check "HEAD /about is 200" test "$HTTP_STATUS" = 200
check "HEAD /about sends no body" bash -c '! grep -q "<html" <<<"$1"' _ "$HTTP_BODY"

# Errors: the page in the same layout, with the disclaimers.
fetch "$CZ_BASE_URL/no/such/page"
check "unknown path is 404" test "$HTTP_STATUS" = 404
check "404 page carries every disclaimer" has_all_phrases
check "404 page has the security headers" has_security_headers
check "404 page is escaped" bash -c '! grep -q "<script>alert" <<<"$1"' _ "$HTTP_BODY"

fetch "$CZ_BASE_URL/no-%3Cscript%3Ealert(1)%3C/script%3E"
check "a path with markup is 404" test "$HTTP_STATUS" = 404
check "the path is shown escaped, never as markup" \
	bash -c '! grep -q "<script>alert" <<<"$1"' _ "$HTTP_BODY"

fetch "$CZ_BASE_URL/api/no-such-thing"
check "unknown API path is a JSON 404" \
	bash -c '[[ $1 == 404 ]] && jq -e ".error.status == 404" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"

fetch "$CZ_BASE_URL/about" -X POST -d x=1
check "POST /about is 405" test "$HTTP_STATUS" = 405
check "405 lists the allowed methods" grep -Eqi '^allow: GET, HEAD' <<<"$HTTP_HEADERS"
check "405 page carries every disclaimer" has_all_phrases

fetch "$CZ_BASE_URL/?q=%zz"
check "a malformed query string is 400" test "$HTTP_STATUS" = 400
check "400 page carries every disclaimer" has_all_phrases

fetch "$CZ_BASE_URL/?q=%C0%AF"
check "an overlong UTF-8 sequence in the query is 400" test "$HTTP_STATUS" = 400

fetch "$CZ_BASE_URL/" -H 'Cookie: =broken; ;;'
check "a malformed Cookie header is 400" test "$HTTP_STATUS" = 400

# From a file: 1.1 MB does not fit in an argument list.
big=$(_cz_tmp)/big.json
{ printf '{"x":"'; head -c 1100000 /dev/zero | tr '\0' 'a'; printf '"}'; } >"$big"
fetch "$CZ_BASE_URL/csp-report" -X POST -H 'Content-Type: application/json' --data-binary "@$big"
check "a body over the limit is 413" test "$HTTP_STATUS" = 413
check "413 page carries the disclaimers" has_all_phrases

fetch "$CZ_BASE_URL/csp-report" -X POST -H 'Content-Type: application/json' --data-binary '{"csp-report": {'
check "malformed JSON is 400" test "$HTTP_STATUS" = 400
check "the JSON error names the problem" \
	bash -c 'jq -e ".error.message | test(\"JSON\")" <<<"$1" >/dev/null' _ "$HTTP_BODY"

deep=$(printf '[%.0s' $(seq 1 40))$(printf ']%.0s' $(seq 1 40))
fetch "$CZ_BASE_URL/csp-report" -X POST -H 'Content-Type: application/json' --data-binary "$deep"
check "JSON nested deeper than the limit is 400" test "$HTTP_STATUS" = 400

fetch "$CZ_BASE_URL/csp-report" -X POST -H 'Content-Type: application/json' --data-binary '{"csp-report": {"blocked-uri": "x"}}'
check "a report without its required field is 400 naming it" \
	bash -c '[[ $1 == 400 ]] && jq -e ".errors[\"violated-directive\"]" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"

fetch "$CZ_BASE_URL/csp-report" -X POST -H 'Content-Type: application/csp-report' \
	--data-binary '{"csp-report": {"violated-directive": "script-src", "blocked-uri": "https://evil.example"}}'
check "a valid CSP report is 204" test "$HTTP_STATUS" = 204

fetch "$CZ_BASE_URL/csp-report" -X POST -H 'Content-Type: text/plain' --data-binary 'hello'
check "an unsupported body type is 415" test "$HTTP_STATUS" = 415

# Static files: long-lived, immutable, and with the same headers.
fetch "$CZ_BASE_URL/static/css/cibozer.css"
check "static CSS is served" test "$HTTP_STATUS" = 200
check "static files are cached as immutable" grep -Eqi '^cache-control: .*immutable' <<<"$HTTP_HEADERS"
check "static files have the security headers" has_security_headers
expect_status "$CZ_BASE_URL/static/../../etc/passwd" 400 --path-as-is
expect_status "$CZ_BASE_URL/static/nope.css" 404

finish
